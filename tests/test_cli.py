"""The command line as a user runs it: a fresh process, real exit codes, real output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DATA, run_cli

pytestmark = pytest.mark.slow


def test_check_all_prints_a_table_and_exits_0(tmp_path):
    """`check all` over a folder of modules (the bundled `check all` is run, and its output compared, by the README's test)."""
    bundled = Path(__file__).resolve().parents[1] / "problems"
    for name in ("sigmoid_derivative.py", "linear_collapse.py"):
        shutil.copy(bundled / name, tmp_path / name)
    run = run_cli("check", "all", "--problems", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    for column in ("problem", "claim", "symbolic", "numeric"):
        assert column in run.stdout
    assert "sigmoid_derivative" in run.stdout and "linear_collapse" in run.stdout
    assert " 0 fail" not in run.stdout and "pass" in run.stdout.splitlines()[-1]


def test_check_one_problem_as_json(tmp_path):
    run = run_cli("check", "tanh_sigmoid", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert {r["problem"] for r in report["results"]} == {"tanh_sigmoid"}
    assert report["failed"] == 0 and report["passed"] == len(report["results"])
    first = report["results"][0]
    assert first["symbolic"]["proved"] is True and first["symbolic"]["method"]
    assert first["numeric"]["points"] >= 20


def test_unknown_problem_names_the_known_ids_and_exits_2():
    run = run_cli("check", "sigmoid_derivatve")
    assert run.returncode == 2
    assert "unknown problem 'sigmoid_derivatve'" in run.stderr
    for known in ("sigmoid_derivative", "tanh_sigmoid", "softmax_shift", "linear_collapse", "relu_heaviside"):
        assert known in run.stderr
    assert "Traceback" not in run.stderr


def test_a_false_problem_fails_with_a_witness_and_exit_1():
    run = run_cli("check", "all", "--problems", str(DATA / "false_problems"), "--json", "--budget", "3")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    failed = [r for r in report["results"] if r["status"] == "fail"]
    passed = [r["claim"] for r in report["results"] if r["status"] == "pass"]
    assert passed == ["one wrong step, step 1"]  # the one true line of the false problem
    assert len(failed) == len(report["results"]) - 1
    assert all(r["numeric"]["witness"] for r in failed)


def test_a_broken_module_is_reported_and_the_rest_checked():
    run = run_cli("check", "all", "--problems", str(DATA / "broken_problems"), "--json")
    assert run.returncode == 1
    rows = {r["problem"]: r for r in json.loads(run.stdout)["results"]}
    assert rows["good"]["status"] == "pass"
    assert rows["broken"]["status"] == "error" and "NameError" in rows["broken"]["error"]


def test_missing_problem_folder_is_a_usage_error(tmp_path):
    run = run_cli("check", "all", "--problems", str(tmp_path / "nowhere"))
    assert run.returncode == 2 and "does not exist" in run.stderr


def test_bad_option_is_a_usage_error():
    run = run_cli("check")
    assert run.returncode == 2 and "usage" in run.stderr


def test_an_answer_that_starts_with_a_minus_is_graded_not_taken_for_an_option():
    run = run_cli("grade", "softmax_cross_entropy.softmax_derivative", "-p_k p_i", "--json")
    assert run.returncode == 1, run.stderr
    result = json.loads(run.stdout)
    assert result["answer"] == "-p_k p_i" and result["verdict"] == "incorrect"
    assert "only the case k != i" in result["feedback"]
