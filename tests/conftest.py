"""Shared fixtures: the bundled problems checked once per session, and a CLI runner."""

from __future__ import annotations

import compileall
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# check's memory: one new folder for the whole run, made by the run's first process and inherited by its workers and
# every command they start, so the bundled problems are proved once a run, not once per test that checks them (the
# memory's key holds derivs' source, so a result is reused only for the very code and modules it came from). Nothing
# is remembered between runs; a test of the memory itself gives its own folder.
if "PYTEST_XDIST_WORKER" not in os.environ:
    os.environ["DERIVS_CACHE"] = tempfile.mkdtemp(prefix="derivs-test-checks-")
    # The package in bytecode, as `pip install` leaves it: the hundreds of `python -m derivs` the tests start would
    # each compile it again (0.3 s of CPU each) where PYTHONDONTWRITEBYTECODE is set, as on this project's machines.
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "derivs", quiet=1)
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "problems", quiet=1)

import pytest

from derivs import CheckOptions, check_problems, load_problems

DATA = Path(__file__).parent / "data"


def pytest_collection_modifyitems(config, items):
    """The slow end-to-end tests first (in their order): with a worker per core, a long test then runs beside
    the others' short ones instead of alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def bundled_report():
    """One check of every bundled problem, shared by the tests that read it."""
    return check_problems(load_problems().values(), CheckOptions())


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """`python -m derivs ARGS` in a fresh process, as a user would run it."""
    return subprocess.run([sys.executable, "-m", "derivs", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


@pytest.fixture(scope="session")
def graded_class():
    """The 300-row class of report_class.py, graded once (records as `grade --batch` writes them)."""
    from derivs.batch import Row, grade_rows
    from report_class import class_rows

    rows = [Row(n, r["student"], r["target"], r["answer"]) for n, r in enumerate(class_rows(), start=1)]
    return grade_rows(rows, jobs=2)[0]


def python310() -> str | None:
    """A Python 3.10 interpreter (Gradescope's Ubuntu 22.04 image runs 3.10): $DERIVS_TEST_PYTHON310,
    python3.10 on PATH, or pyenv's; None when this machine has none."""
    candidates = [os.environ.get("DERIVS_TEST_PYTHON310"), *sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.10*/bin/python3.10"))), shutil.which("python3.10")]
    for candidate in filter(None, candidates):  # pyenv's shim is on PATH whether or not it can run 3.10: ask each
        check = subprocess.run([candidate, "-c", "import sys; assert sys.version_info[:2] == (3, 10)"], capture_output=True)
        if check.returncode == 0:
            return candidate
    return None

def offline_environment(**extra: str) -> dict[str, str]:
    """The environment with pip's own settings removed (index mirrors, find-links, constraints), so an
    install can use only what it is given, as in a grading container with no network."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PIP_") and key != "PYTHONPATH"}
    return {**environment, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", **extra}
