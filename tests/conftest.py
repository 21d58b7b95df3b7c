"""Shared fixtures: the bundled problems checked once per session, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ["DERIVS_CACHE"] = ""  # every test checks afresh (and its subprocesses): nothing remembered between runs

import pytest

from derivs import CheckOptions, check_problems, load_problems

DATA = Path(__file__).parent / "data"


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
