"""`check` remembers the results of problems that passed, keyed by everything they depend on."""

from __future__ import annotations

import shutil

from conftest import DATA, run_cli
from derivs import CheckOptions, check_problems, load_problems
from derivs.discovery import _CACHE, _FOLDERS


def _fresh_load(folder):
    _CACHE.pop(folder.resolve(), None)
    return list(load_problems(folder).values())


def _square(folder, rhs: str) -> None:
    (folder / "square.py").write_text(
        "from sympy import Derivative, Symbol\nfrom derivs import Claim, Problem, Scalar\nx = Symbol('x', real=True)\n"
        f"PROBLEM = Problem(id='square', title='', statement='', variables=(Scalar(x),), claims=(Claim('d', '', Derivative(x**2, x), {rhs}),))\n")


def test_a_passing_problem_is_remembered_until_its_module_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "problems"
    folder.mkdir()
    _square(folder, "2*x")
    first = check_problems(_fresh_load(folder))
    assert first.return_code == 0 and list((tmp_path / "cache" / "checks").glob("*.json"))
    again = check_problems(_fresh_load(folder))
    assert [r.to_dict() for r in again.results] == [r.to_dict() for r in first.results]  # the same rows, read back
    _square(folder, "3*x")  # the module changes: checked again, and now it fails
    changed = check_problems(_fresh_load(folder))
    assert changed.return_code == 1 and changed.results[0].numeric.holds is False


def test_failures_are_never_remembered_and_fresh_checks_everything(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "false"
    shutil.copytree(DATA / "false_problems", folder)
    report = check_problems(_fresh_load(folder))
    assert report.return_code == 1 and not list((tmp_path / "cache").rglob("*.json"))
    monkeypatch.setenv("DERIVS_CACHE", "")
    assert check_problems(_fresh_load(folder), CheckOptions(remember=False)).return_code == 1


def test_check_fresh_is_an_option(tmp_path):
    done = run_cli("check", "sigmoid_derivative", "--fresh")
    assert done.returncode == 0, done.stderr
