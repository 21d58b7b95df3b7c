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


def test_a_folder_that_passed_answers_without_loading_a_module_until_one_changes(tmp_path, monkeypatch):
    """`check all` run again with nothing changed reads the folder's record back; loading is what it saves."""
    import derivs.discovery as discovery
    from derivs import check_selection

    monkeypatch.setenv("DERIVS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "problems"
    folder.mkdir()
    _square(folder, "2*x")
    _CACHE.pop(folder.resolve(), None)
    first = check_selection(folder, "all")
    assert first.return_code == 0

    def no_loading(*args, **kwargs):
        raise AssertionError("a module was loaded")

    monkeypatch.setattr(discovery, "load_problems", no_loading)
    again = check_selection(folder, "all")
    assert [r.to_dict() for r in again.results] == [r.to_dict() for r in first.results]
    assert again.remembered and not first.remembered and "remembered" in again.summary()
    assert [r.problem for r in check_selection(folder, "square").results] == ["square"] * len(first.results)
    _square(folder, "3*x")  # changed: the record no longer answers, the folder is loaded and fails
    monkeypatch.undo()
    monkeypatch.setenv("DERIVS_CACHE", str(tmp_path / "cache"))
    _CACHE.pop(folder.resolve(), None)
    assert check_selection(folder, "all").return_code == 1
