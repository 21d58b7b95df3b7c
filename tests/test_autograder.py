"""The instructor's loop: an answer sheet, filled in, graded by the produced Gradescope autograder run
end to end in a folder laid out like its container, and PrairieLearn's results format."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from conftest import offline_environment, python310, run_cli
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


def unpacked_autograder(tmp_path, assignment_file):
    """The zip `derivs gradescope` writes, unpacked where Gradescope puts it (ROOT/source)."""
    zip_path = tmp_path / "autograder.zip"
    run = run_cli("gradescope", str(assignment_file), "--out", str(zip_path))
    assert run.returncode == 0, run.stderr
    root = tmp_path / "autograder"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(root / "source")
    return root


@pytest.mark.slow
def test_the_gradescope_autograder_installs_offline_and_runs_end_to_end(tmp_path, assignment_file):
    """As Gradescope runs it: setup.sh once (no network: pip's index settings removed, --no-index), under
    Python 3.10 where this machine has one, then run_autograder on a filled-in sheet; then PrairieLearn's run.sh."""
    root = unpacked_autograder(tmp_path, assignment_file)
    wheels = sorted(path.name.split("-")[0] for path in (root / "source" / "wheels").glob("*.whl"))
    assert {"derivs", "sympy", "mpmath", "rich", "tomli", "pip", "pylatexenc"} <= set(wheels)
    python = python310() or sys.executable
    environment = offline_environment(DERIVS_AUTOGRADER_ROOT=str(root), DERIVS_SETUP_PYTHON=python)
    setup = subprocess.run(["bash", str(root / "source" / "setup.sh")], env=environment, capture_output=True, text=True, timeout=600)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    (root / "submission").mkdir()
    (root / "submission" / "homework.tex").write_text(filled_sheet(tmp_path, assignment_file), encoding="utf-8")
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=environment, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    prairielearn_run_sh_grades(tmp_path, assignment_file, root / "derivs-venv", python)
    version = subprocess.run([str(root / "derivs-venv" / "bin" / "python"), "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True)
    assert version.stdout.strip() == subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True).stdout.strip()
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    scores = {test["name"]: test["score"] for test in results["tests"]}
    assert scores == {PARTS[0]: 1.0, PARTS[1]: 0.0, PARTS[2]: 0.0, PARTS[3]: 1.0, PARTS[4]: 0.0}
    assert results["score"] == 2.0 and all(t["max_score"] == 1.0 and t["visibility"] == "after_published" for t in results["tests"])
    outputs = {test["name"]: test["output"] for test in results["tests"]}
    assert "tanh(x^{2})" in outputs[PARTS[1]] and "**invalid**" in outputs[PARTS[2]] and "no answer" in outputs[PARTS[4]]


def prairielearn_run_sh_grades(tmp_path, assignment_file, venv, python):
    """serverFilesCourse/derivs as `derivs prairielearn` writes it, run as the external grader runs run.sh (in the
    venv setup.sh made: run.sh installs only where derivs is missing, by the same install_derivs as setup.sh)."""
    folder = tmp_path / "serverFilesCourse" / "derivs"
    run = run_cli("prairielearn", str(assignment_file), "--out", str(folder))
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (folder / "wheels").glob("*.whl")) == sorted(p.name for p in (tmp_path / "autograder" / "source" / "wheels").glob("*.whl"))
    root = tmp_path / "grade"
    (root / "student").mkdir(parents=True)
    (root / "student" / "answers.tex").write_text(filled_sheet(tmp_path, assignment_file), encoding="utf-8")
    environment = offline_environment(DERIVS_AUTOGRADER_ROOT=str(root), DERIVS_SETUP_PYTHON=python, DERIVS_VENV=str(venv))
    done = subprocess.run(["bash", str(folder / "run.sh")], env=environment, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert results["gradable"] is True and [t["points"] for t in results["tests"]] == [1.0, 0.0, 0.0, 1.0, 0.0]


@pytest.mark.slow
def test_the_autograder_runs_under_python_3_10():
    """Gradescope's default image runs Python 3.10: the test above must have run there, not only here."""
    if python310() is None:
        pytest.skip("no Python 3.10 on this machine (set DERIVS_TEST_PYTHON310): vermin's check stands in for it")
    assert subprocess.run([python310(), "-c", "import sys; assert sys.version_info[:2] == (3, 10)"]).returncode == 0


def test_a_submission_without_a_sheet_scores_zero_with_a_message(tmp_path, assignment_file):
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "notes.pdf").write_bytes(b"%PDF-1.4")
    results = autograde(load_assignment(assignment_file), "gradescope", tmp_path)
    assert results["score"] == 0 and all("no answer sheet" in t["output"] for t in results["tests"])


def test_prairielearn_grades_every_part_and_an_unreadable_box_costs_that_part_only(tmp_path, assignment_file):
    assignment = load_assignment(assignment_file)
    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "answers.tex").write_text(filled_sheet(tmp_path, assignment_file), encoding="utf-8")
    results = json.loads(json.dumps(autograde(assignment, "prairielearn", tmp_path)))
    on_disk = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))
    assert results == on_disk and results["gradable"] is True and results["score"] == pytest.approx(2 / 5)
    assert [t["points"] for t in results["tests"]] == [1.0, 0.0, 0.0, 1.0, 0.0]
    unreadable = results["tests"][2]
    assert unreadable["name"] == "linear_collapse.weight" and unreadable["message"].startswith("invalid: ") and "&" in unreadable["message"]
    assert "1 could not be read" in results["message"]


def test_prairielearn_without_a_sheet_is_not_gradable_and_says_why(tmp_path, assignment_file):
    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "answers.pdf").write_bytes(b"%PDF-1.4")
    results = autograde(load_assignment(assignment_file), "prairielearn", tmp_path)
    assert results == {"gradable": False, "format_errors": [results["format_errors"][0]]} and "no answer sheet" in results["format_errors"][0]


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


def test_a_box_with_prose_beside_its_formula_reads_the_formula():
    """Issue 25: '$...$ \\quad (by the chain rule)' was 'a `$` error at character 1'."""
    sheet = "\\begin{answer}{sigmoid_derivative.derivative}\n$a\\varphi(x)(1-\\varphi(x))$ \\quad (by the chain rule)\n\\end{answer}\n"
    assert read_sheet(sheet) == {"sigmoid_derivative.derivative": r"a\varphi(x)(1-\varphi(x))"}
    two = "\\begin{answer}{t.p}\n$x$ and $y$\n\\end{answer}\n"
    assert read_sheet(two) == {"t.p": "$x$ and $y$"}  # two formulas: read as written, and the reader says what is wrong
