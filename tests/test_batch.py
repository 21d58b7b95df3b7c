"""Batch grading as an instructor runs it: files in, one line per row out, resumable, Gradescope."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["student", "target", "answer"])
        writer.writeheader()
        writer.writerows(rows)


CLASS = [
    {"student": "ann", "target": "sigmoid_derivative.derivative", "answer": r"a\varphi(x)(1-\varphi(x))"},
    {"student": "ann", "target": "linear_collapse.weight", "answer": "W_1 W_2"},
    {"student": "bob", "target": "sigmoid_derivative.derivative", "answer": r"a \varphi(x)  (1-\varphi(x))"},
    {"student": "bob", "target": "linear_collapse.weight", "answer": "W_2 W_1"},
    {"student": "cy", "target": "no_such.part", "answer": "x"},
    {"student": "cy", "target": "sigmoid_derivative.at_zero", "answer": "x)"},
]


def test_cli_batch_writes_one_line_per_row_in_order(tmp_path):
    source, out = tmp_path / "class.csv", tmp_path / "results.jsonl"
    write_csv(source, CLASS)
    run = run_cli("grade", "--batch", str(source), "--out", str(out), "--jobs", "2", "--keep-going")
    assert run.returncode == 1, run.stderr  # a row was not graded: the assignment names an unknown target
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["student"], r["target"], r["answer"]) for r in lines] == [(r["student"], r["target"], r["answer"]) for r in CLASS]
    assert [r["verdict"] for r in lines] == ["correct", "incorrect", "correct", "correct", "ungraded", "invalid"]
    assert "unknown target" in lines[4]["feedback"] and "unknown target 'no_such.part'" in run.stderr
    assert "5 distinct answers graded" in run.stdout  # ann's and bob's sigmoid answers differ only in spacing
    assert not (tmp_path / "results.jsonl.partial").exists() and not (tmp_path / "results.jsonl.lock").exists()


def test_an_unknown_target_is_the_instructors_error_said_once_with_did_you_mean(tmp_path):
    rows = [{"student": f"s{n}", "target": "sigmoid_derivative.derivatve", "answer": "x"} for n in range(30)]
    rows += [{"student": "t", "target": "conv1d_modes.vald", "answer": "[5, 8]"}, CLASS[0]]
    source, out = tmp_path / "class.csv", tmp_path / "results.jsonl"
    write_csv(source, rows)
    run = run_cli("grade", "--batch", str(source), "--out", str(out))
    assert run.returncode == 2 and not out.exists() and "nothing was graded" in run.stderr
    errors = [line for line in run.stderr.splitlines() if "unknown target" in line]
    assert len(errors) == 2  # once per target, not once per row
    assert "rows 1, 2, 3" in errors[0] and "20 more" in errors[0] and "did you mean sigmoid_derivative.derivative?" in errors[0]
    assert "did you mean conv1d_modes.valid?" in errors[1] and "sigmoid_tanh_network" not in run.stderr  # no list of 50 targets
    kept = run_cli("grade", "--batch", str(source), "--out", str(out), "--keep-going", "--gradescope", str(tmp_path / "gs"))
    assert kept.returncode == 1 and json.loads(out.read_text().splitlines()[-1])["verdict"] == "correct"
    charged = json.loads((tmp_path / "gs" / "s0" / "results.json").read_text())
    assert charged["tests"] == [] and charged["score"] == 0  # no test, no max_score, for the instructor's mistake


def test_jsonl_input_without_student_column(tmp_path):
    source, out = tmp_path / "answers.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"target": "softmax_shift.zero_scale", "answer": r"\frac{1}{K}"}) + "\nnot json\n")
    run = run_cli("grade", "--batch", str(source), "--out", str(out))
    assert run.returncode == 0, run.stderr
    first, second = (json.loads(line) for line in out.read_text().splitlines())
    assert first["verdict"] == "correct" and second["verdict"] == "invalid" and "not JSON" in second["feedback"]


def test_gradescope_results_per_student(tmp_path):
    source = tmp_path / "class.csv"
    write_csv(source, CLASS)
    run = run_cli("grade", "--batch", str(source), "--out", str(tmp_path / "r.jsonl"), "--gradescope", str(tmp_path / "gs"), "--keep-going")
    assert run.returncode == 1, run.stderr
    ann = json.loads((tmp_path / "gs" / "ann" / "results.json").read_text())
    assert [t["name"] for t in ann["tests"]] == ["sigmoid_derivative.derivative", "linear_collapse.weight"]
    assert [t["score"] for t in ann["tests"]] == [1.0, 0.0] and ann["score"] == 1.0
    assert all(t["max_score"] == 1.0 and t["output"] for t in ann["tests"])


def test_resume_takes_finished_rows_from_the_journal(tmp_path):
    source, out = tmp_path / "class.csv", tmp_path / "results.jsonl"
    write_csv(source, CLASS)
    journal = tmp_path / "results.jsonl.partial"
    earlier = {"row": 1, "student": "ann", "target": CLASS[0]["target"], "answer": CLASS[0]["answer"], "verdict": "correct", "feedback": "graded in the earlier run", "proved": True}
    journal.write_text(json.dumps(earlier) + '\n{"row": 2, "stud')  # the second line was cut short by a kill
    run = run_cli("grade", "--batch", str(source), "--out", str(out), "--resume", "--keep-going")
    assert run.returncode == 1, run.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == len(CLASS)
    assert lines[0]["feedback"] == "graded in the earlier run"
    assert lines[1]["verdict"] == "incorrect"
    assert "1 resumed" in run.stdout


def test_a_killed_run_leaves_no_half_file_and_resume_completes_it(tmp_path):
    # long enough that the run is still going when it is killed after its third line, even on a busy machine
    # (40 rows finished 0.1 s after the third line: a poll every 0.05 s could miss that and find the run done)
    rows = [{"student": f"s{n}", "target": "sigmoid_derivative.at_zero", "answer": rf"\frac{{a}}{{{n + 2}}}"} for n in range(1000)]
    source, out = tmp_path / "big.csv", tmp_path / "results.jsonl"
    write_csv(source, rows)
    process = subprocess.Popen([sys.executable, "-m", "derivs", "grade", "--batch", str(source), "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    journal = tmp_path / "results.jsonl.partial"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count("\n") < 3):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not out.exists(), "the results file appears only when complete"
    run = run_cli("grade", "--batch", str(source), "--out", str(out), "--resume")
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["student"] for r in lines] == [r["student"] for r in rows]
    verdicts = [r["verdict"] for r in lines]
    assert verdicts[2] == "correct" and verdicts.count("correct") == 1  # only a/4 is right


def test_single_answer_cli_and_exit_codes():
    right = run_cli("grade", "sigmoid_derivative.at_zero", r"\frac{a}{4}", "--json")
    assert right.returncode == 0
    assert json.loads(right.stdout)["verdict"] == "correct"
    wrong = run_cli("grade", "sigmoid_derivative.at_zero", r"\frac{a}{2}")
    assert wrong.returncode == 1 and "incorrect" in wrong.stdout and "2" in wrong.stdout
    unknown = run_cli("grade", "sigmoid.at_zero", "a")
    assert unknown.returncode == 2 and "unknown target" in unknown.stderr and "Traceback" not in unknown.stderr
    missing = run_cli("grade", "--batch", "/nonexistent.csv", "--out", "/tmp/x.jsonl")
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_an_answer_with_a_differential_does_not_poison_the_rows_after_it(tmp_path):
    """Issue 10's reproducer: rows 1 and 3 are correct whatever row 2 holds."""
    batch = tmp_path / "class.jsonl"
    answers = [r"4\sigma(2x)(1-\sigma(2x))", r"\int \frac{dz}{z}", r"4\sigma(2x)\sigma(-2x)"]
    batch.write_text("".join(json.dumps({"target": "tanh_sigmoid.tanh_derivative", "answer": a}) + "\n" for a in answers), encoding="utf-8")
    run = run_cli("grade", "--batch", str(batch), "--out", str(tmp_path / "out.jsonl"))
    assert run.returncode == 0, run.stderr
    verdicts = [json.loads(line)["verdict"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert verdicts[0] == verdicts[2] == "correct" and verdicts[1] != "correct"


def results_of(out):
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_resume_after_the_input_was_edited_grades_changed_rows_and_drops_removed_ones(tmp_path):
    source, out = tmp_path / "class.csv", tmp_path / "results.jsonl"
    rows = [dict(row) for row in CLASS if row["target"] != "no_such.part"]
    write_csv(source, rows)
    assert run_cli("grade", "--batch", str(source), "--out", str(out)).returncode == 0
    first = results_of(out)
    assert first[1]["verdict"] == "incorrect"
    out.with_name("results.jsonl.partial").write_text("".join(json.dumps({**r, "feedback": "earlier run"}) + "\n" for r in first))
    out.unlink()  # as if the run had been stopped just before the end
    rows[1]["answer"] = "W_2 W_1"  # ann corrects row 2
    write_csv(source, rows[:-1])  # and the last row is removed
    run = run_cli("grade", "--batch", str(source), "--out", str(out), "--resume")
    assert run.returncode == 0, run.stderr
    assert "resumed 3 rows from the earlier run; 1 changed since graded, graded again; 1 no longer in the input, dropped" in run.stdout
    second = results_of(out)
    assert [r["answer"] for r in second] == [r["answer"] for r in rows[:-1]]
    assert second[1]["verdict"] == "correct" and second[1]["feedback"] != "earlier run"
    assert [r["feedback"] for r in second[:1] + second[2:]] == ["earlier run"] * 3 and "fingerprint" not in second[0]


def test_retry_undecided_after_a_complete_run_grades_only_the_undecided_rows(tmp_path):
    source, out = tmp_path / "class.csv", tmp_path / "results.jsonl"
    rows = [dict(row) for row in CLASS if row["target"] != "no_such.part"]
    write_csv(source, rows)
    assert run_cli("grade", "--batch", str(source), "--out", str(out)).returncode == 0
    earlier = [{**r, "feedback": "earlier run"} for r in results_of(out)]
    earlier[2] = {**earlier[2], "verdict": "undecided", "feedback": "time limit"}
    out.write_text("".join(json.dumps(r) + "\n" for r in earlier))
    run = run_cli("grade", "--batch", str(source), "--out", str(out), "--resume", "--retry-undecided")
    assert run.returncode == 0, run.stderr
    again = results_of(out)
    assert again[2]["verdict"] == "correct" and [r["feedback"] for r in again[:2] + again[3:]] == ["earlier run"] * 4
    assert "1 distinct answer graded" in run.stdout
    assert "1 undecided, graded again" in run.stdout


def test_ctrl_c_says_one_line_exits_130_and_leaves_no_lock(tmp_path):
    rows = [{"student": f"s{n}", "target": "sigmoid_derivative.at_zero", "answer": rf"\frac{{a}}{{{n + 2}}}"} for n in range(1000)]
    source, out = tmp_path / "big.csv", tmp_path / "results.jsonl"
    write_csv(source, rows)
    # as a foreground command gets Ctrl-C: a run started in the background of a script inherits SIGINT ignored, and
    # Python then never installs its KeyboardInterrupt handler (the test failed so, the batch finishing untouched)
    foreground = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                  "sys.argv = ['derivs'] + sys.argv[1:]; runpy.run_module('derivs', run_name='__main__')")
    process = subprocess.Popen([sys.executable, "-c", foreground, "grade", "--batch", str(source), "--out", str(out)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    journal = tmp_path / "results.jsonl.partial"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count("\n") < 3):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    (line,) = stderr.strip().splitlines()
    assert line.startswith("interrupted after ") and line.endswith(" of 1,000 rows; run the same command with --resume")
    finished = int(line.split()[2])
    assert finished == journal.read_text().count("\n") >= 3
    assert not out.exists() and not (tmp_path / "results.jsonl.lock").exists()
    assert not list(tmp_path.glob(".results.jsonl.*.tmp"))
    run = run_cli("grade", "--batch", str(source), "--out", str(out), "--resume")
    assert run.returncode == 0, run.stderr
    assert [r["student"] for r in results_of(out)] == [r["student"] for r in rows] and f"{finished} resumed" in run.stdout


def test_a_worker_is_handed_the_next_answer_to_the_part_it_served_last():
    """The pool's queue by group: the next task of the worker's last group, else the first group no other worker is on,
    else any group left; every task handed out exactly once."""
    from derivs.sandbox import _Pending

    pending = _Pending(["a", "b", "a", "c", "b", "a"])
    assert pending.take(None, set()) == (0, "a")
    assert pending.take(None, {"a"}) == (1, "b")
    assert pending.take("a", {"b"}) == (2, "a")
    assert pending.take("a", {"b"}) == (5, "a")
    assert pending.take("a", {"b"}) == (3, "c")  # a is done: the group nobody is on
    assert pending.take("c", {"b"}) == (4, "b")  # all left is another worker's group
    assert not pending
