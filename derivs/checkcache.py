"""`check` results remembered between runs, as make remembers what it built.

A problem whose every check passed is not checked again while nothing its results depend on has changed: the
key holds the text of every source file of derivs, the text of every module in the problem's folder, the
versions of sympy and mpmath, the problem's id and the check options. Only passes are kept (a failure or an
undecided check is always worked out again). A whole folder whose every check passed is also kept as one record,
so `check all` run again with nothing changed answers without loading a module (loading the bundled problems
costs more than reading every result back). The folder is $DERIVS_CACHE, else $XDG_CACHE_HOME/derivs, else
~/.cache/derivs; DERIVS_CACHE set to an empty string, or `check --fresh`, checks everything afresh.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from .numeric import NumericResult
from .symbolic import Proof

VERSION = 1  # of the stored form


def cache_folder() -> Path | None:
    """Where results are kept, or None when remembering is switched off."""
    chosen = os.environ.get("DERIVS_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "derivs"


@functools.lru_cache(maxsize=1)
def _engine() -> str:
    import mpmath
    import sympy

    digest = hashlib.sha256(f"{VERSION}|{sympy.__version__}|{mpmath.__version__}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _modules(folder: Path) -> str:
    """The folder's modules as they are now (read each time: an edited module must not find its old results)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _file(problem_id: str, folder: Path, options) -> Path | None:
    """Where one problem's results are kept; problem_id None: the record of the whole folder."""
    where = cache_folder()
    if where is None:
        return None
    whose = "(the folder)" if problem_id is None else problem_id
    key = hashlib.sha256(f"{_engine()}|{_modules(folder)}|{whose}|{options.budget}|{options.points}|{options.seed}".encode()).hexdigest()
    return where / "checks" / f"{key}.json"


def recall(problem_id: str | None, folder: Path, options) -> list | None:
    """The remembered results of a problem (None: of the whole folder) whose checks all passed, or None."""
    from .verify import ClaimResult

    path = _file(problem_id, folder, options)
    try:
        rows = json.loads(path.read_text(encoding="utf-8")) if path is not None else None
        return [ClaimResult(row["problem"], row["claim"], row["statement"], Proof(**row["symbolic"]), NumericResult(**row["numeric"]), row["seconds"])
                for row in rows] if rows else None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # nothing kept, or a file from elsewhere: checked afresh


def remember(problem_id: str | None, folder: Path, options, results: list) -> None:
    """Keep a problem's (None: the whole folder's) results when every one of them passed; a folder that cannot be
    written keeps nothing."""
    from .verify import Status

    path = _file(problem_id, folder, options)
    if path is None or not results or any(result.status is not Status.PASS for result in results):
        return
    rows = [{"problem": r.problem, "claim": r.claim, "statement": r.statement, "seconds": r.seconds,
             "symbolic": {"proved": r.symbolic.proved, "method": r.symbolic.method, "seconds": r.symbolic.seconds, "cases": r.symbolic.cases},
             "numeric": {"holds": r.numeric.holds, "points": r.numeric.points, "worst": r.numeric.worst, "detail": r.numeric.detail}} for r in results]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps(rows), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass
