"""Find problem modules: every `*.py` in a folder that defines `PROBLEM = Problem(...)`."""

from __future__ import annotations

import difflib
import functools
import importlib.util
import re
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
        return f"unknown problem {self.wanted!r}{did_you_mean(self.wanted, self.known)}; known problems: {', '.join(self.known) or 'none'}"


def did_you_mean(wanted: str, known: list[str]) -> str:
    """'; did you mean sigmoid_derivative?' for a near miss, else nothing."""
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


@functools.lru_cache(maxsize=1)
def default_problem_dir() -> Path:
    """The bundled problems: in a source checkout, the top-level problems/ beside the package (also when an
    editable install of another checkout maps derivs.problems elsewhere); installed, derivs.problems."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "problems").is_dir():
        return checkout / "problems"
    try:
        from . import problems
    except ImportError:
        return checkout / "problems"
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
    _FOLDERS[id(problem)] = (problem, path.parent)
    return problem


_FOLDERS: dict[int, tuple[Problem, Path]] = {}


def folder_of(problem: Problem) -> Path | None:
    """The folder of the module a problem was loaded from (None for one built in code)."""
    found = _FOLDERS.get(id(problem))
    return found[1] if found is not None and found[0] is problem else None


_CACHE: dict[Path, dict[str, Problem | LoadError]] = {}


def problem_folder(directory: str | Path | None = None) -> Path:
    """The folder a --problems option names (default: the bundled problems)."""
    return Path(directory).resolve() if directory else default_problem_dir()


def load_problems(directory: str | Path | None = None) -> dict[str, Problem | LoadError]:
    """All problems in `directory` (default: the bundled problems), by id, in file-name order."""
    folder = problem_folder(directory)
    if folder in _CACHE:
        return _CACHE[folder]
    if folder.is_file():
        raise FileNotFoundError(f"{folder} is a file: --problems takes the folder that holds problem modules")
    if not folder.is_dir():
        raise FileNotFoundError(f"problem folder {folder} does not exist")
    found: dict[str, Problem | LoadError] = {}
    sources: dict[str, Path] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        loaded = _ONE.get(path) or _load_module(path)  # a module load_problem loaded already is that same object
        if loaded.id in sources:  # never drop one silently: its failing claim would be hidden
            loaded = LoadError(loaded.id, f"two modules declare the problem id {loaded.id!r}: {sources[loaded.id].name} and {path.name}")
        sources.setdefault(loaded.id, path)
        found[loaded.id] = loaded
    _CACHE[folder] = found
    return found


def load_problem(problem_id: str, directory: str | Path | None = None) -> Problem | LoadError | None:
    """The problem with this id, loading only its own module when one file is named after it and no other file
    declares that id (a text search, so a duplicate id is still the error load_problems reports); else from
    every module. None when no module declares it. Loading all 20 bundled modules costs a single grade 0.3 s."""
    folder = Path(directory).resolve() if directory else default_problem_dir()
    if folder not in _CACHE and folder.is_dir() and re.fullmatch(r"\w+", problem_id):
        own = folder / f"{problem_id}.py"
        if _declaring(folder, problem_id) == [own]:
            loaded = _ONE.get(own)
            if loaded is None:
                loaded = _ONE[own] = _load_module(own)
            if loaded.id == problem_id:
                return loaded
    return load_problems(directory).get(problem_id)


_ONE: dict[Path, Problem | LoadError] = {}


def _declaring(folder: Path, problem_id: str) -> list[Path]:
    """The modules of a folder whose text declares this problem id."""
    return _declared_ids(folder).get(problem_id, [])


_DECLARED_ID = re.compile(r"""\bid\s*=\s*["'](\w+)["']""")


@functools.lru_cache(maxsize=16)
def _declared_ids(folder: Path) -> dict[str, list[Path]]:
    """Each problem id a folder's modules declare -> the modules whose text declares it (each file read once)."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.py")):
        if not path.name.startswith("_"):
            for problem_id in dict.fromkeys(_DECLARED_ID.findall(path.read_text(encoding="utf-8", errors="replace"))):
                found.setdefault(problem_id, []).append(path)
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
    loaded = load_problem(problem_id, directory) or select(load_problems(directory), problem_id)[0]
    if isinstance(loaded, LoadError):
        raise ImportError(f"problem {problem_id!r} failed to load: {loaded.message}")
    return loaded
