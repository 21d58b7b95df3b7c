"""Find problem modules: every `*.py` in a folder that defines `PROBLEM = Problem(...)`."""

from __future__ import annotations

import importlib.util
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from .model import Problem


@dataclass(frozen=True)
class LoadError:
    """A problem module that could not be imported; reported, never fatal for the others."""

    id: str
    message: str


class UnknownProblem(KeyError):
    def __init__(self, wanted: str, known: list[str]):
        super().__init__(wanted)
        self.wanted = wanted
        self.known = known

    def __str__(self) -> str:
        return f"unknown problem {self.wanted!r}; known problems: {', '.join(self.known) or 'none'}"


def default_problem_dir() -> Path:
    import problems

    return Path(problems.__file__).parent


def _load_module(path: Path) -> Problem | LoadError:
    name = f"derivs_problem_{path.stem}"
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        problem = module.PROBLEM
    except Exception as error:
        last = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return LoadError(path.stem, f"{type(error).__name__} at {where}: {error}")
    if not isinstance(problem, Problem):
        return LoadError(path.stem, f"PROBLEM in {path.name} is a {type(problem).__name__}, not a derivs Problem")
    return problem


_CACHE: dict[Path, dict[str, Problem | LoadError]] = {}


def load_problems(directory: str | Path | None = None) -> dict[str, Problem | LoadError]:
    """All problems in `directory` (default: the bundled problems), by id, in file-name order."""
    folder = Path(directory).resolve() if directory else default_problem_dir()
    if folder in _CACHE:
        return _CACHE[folder]
    if not folder.is_dir():
        raise FileNotFoundError(f"problem folder {folder} does not exist")
    found: dict[str, Problem | LoadError] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        loaded = _load_module(path)
        found[loaded.id] = loaded
    _CACHE[folder] = found
    return found


def select(problems: dict[str, Problem | LoadError], wanted: str) -> list[Problem | LoadError]:
    """`all`, or one id; an unknown id raises UnknownProblem naming the known ones."""
    if wanted == "all":
        return list(problems.values())
    if wanted not in problems:
        raise UnknownProblem(wanted, list(problems))
    return [problems[wanted]]


def get_problem(problem_id: str, directory: str | Path | None = None) -> Problem:
    """The loaded Problem with this id; raises UnknownProblem, or ImportError for a broken module."""
    loaded = select(load_problems(directory), problem_id)[0]
    if isinstance(loaded, LoadError):
        raise ImportError(f"problem {problem_id!r} failed to load: {loaded.message}")
    return loaded
