"""Finding one's way: list, show, --version, did-you-mean, and problem folders that say what is wrong."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import run_cli
from derivs.discovery import load_problems

BUNDLED = Path(__file__).resolve().parents[1] / "problems"


def test_list_names_every_target_with_its_prompt_and_points():
    run = run_cli("list", "--json")
    assert run.returncode == 0
    listing = json.loads(run.stdout)
    targets = {part["target"]: part for problem in listing for part in problem["parts"]}
    assert targets["tanh_sigmoid.tanh_derivative"]["prompt"] and targets["softmax_cross_entropy.cross_entropy_gradient"]["points"] == 2.0
    assert len(targets) >= 30


def test_show_says_what_a_target_asks_and_knows():
    run = run_cli("show", "linear_collapse.weight")
    assert run.returncode == 0 and "prompt:" in run.stdout and "W_1" in run.stdout and "W_2" in run.stdout
    shown = json.loads(run_cli("show", "tanh_sigmoid.tanh_via_sigmoid", "--json").stdout)
    assert shown["must not contain"] == ["tanh"] and "sigma" in shown["names"]["functions"]


def test_version_and_did_you_mean():
    assert run_cli("--version").stdout.startswith("derivs ")
    target = run_cli("grade", "sigmoid_derivative.derivatve", "x")
    assert target.returncode == 2 and "did you mean sigmoid_derivative.derivative?" in target.stderr
    problem = run_cli("check", "tanh_sigmoi")
    assert problem.returncode == 2 and "did you mean tanh_sigmoid?" in problem.stderr
    shown = run_cli("show", "softmax_shift.zero_scal")
    assert shown.returncode == 2 and "did you mean softmax_shift.zero_scale?" in shown.stderr


def test_two_modules_with_one_id_are_an_error_naming_both_files(tmp_path):
    shutil.copy(BUNDLED / "sigmoid_derivative.py", tmp_path / "a_sigmoid.py")
    shutil.copy(BUNDLED / "sigmoid_derivative.py", tmp_path / "b_sigmoid_again.py")
    loaded = load_problems(tmp_path)
    message = loaded["sigmoid_derivative"].message
    assert "a_sigmoid.py" in message and "b_sigmoid_again.py" in message
    run = run_cli("check", "all", "--problems", str(tmp_path))
    assert run.returncode == 1 and "b_sigmoid_again.py" in run.stdout


def test_options_that_make_no_sense_are_usage_errors():
    for arguments, phrase in (
        (("check", "all", "--points", "0"), "--points"),
        (("check", "all", "--budget", "-1"), "--budget"),
        (("grade", "sigmoid_derivative.at_zero", "a/4", "--timeout", "0"), "--timeout"),
        (("compare", "x", "x", "--timeout", "-2"), "--timeout"),
        (("check", "all", "--problems", str(BUNDLED / "tanh_sigmoid.py")), "is a file"),
    ):
        run = run_cli(*arguments)
        assert run.returncode == 2 and phrase in run.stderr, (arguments, run.stderr)


def test_feedback_keeps_the_expected_answer_back_unless_revealed():
    hidden = run_cli("grade", "linear_collapse.weight", "W_1 W_2")
    assert "wrong order" in hidden.stdout and "W_2·W_1" not in hidden.stdout
    shown = run_cli("grade", "linear_collapse.weight", "W_1 W_2", "--reveal")
    assert "expected: W_2·W_1" in shown.stdout


def test_the_readme_module_is_complete_and_checks(tmp_path):
    readme = (BUNDLED.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("A minimal complete module, `mine/square.py`:", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    (tmp_path / "square.py").write_text(code, encoding="utf-8")
    run = run_cli("check", "all", "--problems", str(tmp_path))
    assert run.returncode == 0 and "2 pass" in run.stdout, run.stdout + run.stderr
    graded = run_cli("grade", "square.derivative", "2x", "--problems", str(tmp_path))
    assert graded.returncode == 0 and "correct" in graded.stdout
