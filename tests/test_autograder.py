"""The instructor's loop: an answer sheet, filled in, graded by the produced Gradescope autograder run
end to end in a folder laid out like its container, and PrairieLearn's results format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import run_cli
from derivs.autograder import autograde, load_assignment, read_sheet

PARTS = ["sigmoid_derivative.derivative", "tanh_sigmoid.tanh_derivative", "linear_collapse.weight", "conv1d_modes.valid", "sigmoid_derivative.at_zero"]
FILLED = {
    "sigmoid_derivative.derivative": r"a\varphi(x)(1-\varphi(x))",  # correct
    "tanh_sigmoid.tanh_derivative": r"1-\tanh x^2",  # incorrect: tanh(x^2)
    "linear_collapse.weight": r"W_2 W_1 &",  # invalid
    "conv1d_modes.valid": r"[5, 8]",  # correct
    # sigmoid_derivative.at_zero left empty
}


@pytest.fixture()
def assignment_file(tmp_path):
    path = tmp_path / "hw.toml"
    path.write_text('title = "Homework 3"\nparts = [' + ", ".join(f'"{p}"' for p in PARTS) + ']\nvisibility = "after_published"\n', encoding="utf-8")
    return path


def filled_sheet(tmp_path, assignment_file) -> str:
    run = run_cli("sheet", str(assignment_file), "--out", str(tmp_path / "answers.tex"))
    assert run.returncode == 0, run.stderr
    sheet = (tmp_path / "answers.tex").read_text(encoding="utf-8")
    for target, answer in FILLED.items():
        empty = f"\\begin{{answer}}{{{target}}}\n\\[\n  % your answer\n\\]"
        assert empty in sheet
        sheet = sheet.replace(empty, f"\\begin{{answer}}{{{target}}}\n\\[\n  {answer}\n\\]")
    return sheet


def test_the_sheet_has_a_box_per_part_and_an_untouched_sheet_answers_nothing(tmp_path, assignment_file):
    run_cli("sheet", str(assignment_file), "--out", str(tmp_path / "blank.tex"))
    blank = (tmp_path / "blank.tex").read_text(encoding="utf-8")
    assert all(f"\\begin{{answer}}{{{p}}}" in blank for p in PARTS) and read_sheet(blank) == {}


def test_the_gradescope_autograder_runs_end_to_end(tmp_path, assignment_file):
    zip_path = tmp_path / "autograder.zip"
    assert run_cli("gradescope", str(assignment_file), "--out", str(zip_path)).returncode == 0
    root = tmp_path / "autograder"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        archive.extractall(root / "source")
    assert {"setup.sh", "run_autograder", "assignment.json"} <= set(names) and "derivs-src/derivs/parsing.py" in names
    assert "derivs-src/problems/sigmoid_derivative.py" in names and "derivs-src/pyproject.toml" in names
    (root / "submission").mkdir()
    (root / "submission" / "homework.tex").write_text(filled_sheet(tmp_path, assignment_file), encoding="utf-8")
    environment = {**os.environ, "DERIVS_AUTOGRADER_ROOT": str(root), "DERIVS_PYTHON": sys.executable}
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=environment, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    scores = {test["name"]: test["score"] for test in results["tests"]}
    assert scores == {PARTS[0]: 1.0, PARTS[1]: 0.0, PARTS[2]: 0.0, PARTS[3]: 1.0, PARTS[4]: 0.0}
    assert results["score"] == 2.0 and all(t["max_score"] == 1.0 and t["visibility"] == "after_published" for t in results["tests"])
    outputs = {test["name"]: test["output"] for test in results["tests"]}
    assert "tanh(x^{2})" in outputs[PARTS[1]] and "**invalid**" in outputs[PARTS[2]] and "no answer" in outputs[PARTS[4]]


def test_a_submission_without_a_sheet_scores_zero_with_a_message(tmp_path, assignment_file):
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "notes.pdf").write_bytes(b"%PDF-1.4")
    results = autograde(load_assignment(assignment_file), "gradescope", tmp_path)
    assert results["score"] == 0 and all("no answer sheet" in t["output"] for t in results["tests"])


def test_prairielearn_scores_in_zero_to_one_and_an_invalid_answer_costs_no_attempt(tmp_path, assignment_file):
    assignment = load_assignment(assignment_file)
    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "answers.tex").write_text(filled_sheet(tmp_path, assignment_file), encoding="utf-8")
    results = autograde(assignment, "prairielearn", tmp_path)
    assert results["gradable"] is False and any("linear_collapse.weight" in e for e in results["format_errors"])
    fixed = (tmp_path / "student" / "answers.tex").read_text(encoding="utf-8").replace("W_2 W_1 &", "W_2 W_1")
    (tmp_path / "student" / "answers.tex").write_text(fixed, encoding="utf-8")
    results = json.loads(json.dumps(autograde(assignment, "prairielearn", tmp_path)))
    on_disk = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))
    assert results == on_disk and results["gradable"] is True and results["score"] == pytest.approx(3 / 5)
    assert [t["points"] for t in results["tests"]] == [1.0, 0.0, 1.0, 1.0, 0.0]


def test_assignments_say_what_is_wrong(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"parts": ["sigmoid_derivative.derivatve"]}', encoding="utf-8")
    run = run_cli("sheet", str(bad), "--out", str(tmp_path / "x.tex"))
    assert run.returncode == 2 and "did you mean sigmoid_derivative.derivative" in run.stderr
    empty = tmp_path / "empty.toml"
    empty.write_text('title = "x"\n', encoding="utf-8")
    run = run_cli("gradescope", str(empty), "--out", str(tmp_path / "a.zip"))
    assert run.returncode == 2 and "parts" in run.stderr
    listed = run_cli("sheet", "--parts", "sigmoid_derivative.at_zero, tanh_sigmoid.tanh_derivative", "--out", str(tmp_path / "p.tex"))
    assert listed.returncode == 0 and "tanh_sigmoid.tanh_derivative" in (tmp_path / "p.tex").read_text(encoding="utf-8")
