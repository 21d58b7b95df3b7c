"""The audit's reproducers, as tests: a batch never loses, splits or reorders a row; bad files and
bad output places are one-line errors; derivations are bounded before any work."""

from __future__ import annotations

import fcntl
import json

import pytest

from conftest import run_cli
from derivs.batch import read_rows, run_batch, safe_name
from derivs.derivation import MAX_DERIVATION, MAX_STEPS, bounded_steps, check_derivation
from derivs.lexer import LatexError

TARGET = "sigmoid_derivative.at_zero"
SEPARATORS = ["\u2028", "\x0c", "\x1e", "\x85", "\u2029", "\x1c", "\x0b"]


def test_jsonl_splits_rows_at_newlines_only(tmp_path):
    batch = tmp_path / "class.jsonl"
    answers = [f"a{separator}/4" for separator in SEPARATORS] + ["a/4"]
    batch.write_text("".join(json.dumps({"student": f"s{n}", "target": TARGET, "answer": a}) + "\n" for n, a in enumerate(answers)), encoding="utf-8")
    rows = read_rows(batch)
    assert [r.answer for r in rows] == answers and [r.number for r in rows] == list(range(1, len(answers) + 1))


def test_csv_keeps_unusual_characters_and_quoted_newlines_inside_their_row(tmp_path):
    batch = tmp_path / "class.csv"
    answers = [f"a{separator}/4" for separator in SEPARATORS] + ["a\n/4", "a/4"]
    body = "".join(f's{n},{TARGET},"{a}"\r\n' for n, a in enumerate(answers))
    batch.write_bytes(("student,target,answer\r\n" + body).encode("utf-8"))
    rows = read_rows(batch)
    assert [r.answer for r in rows] == answers and [r.student for r in rows] == [f"s{n}" for n in range(len(answers))]


def test_a_one_megabyte_cell_is_that_rows_invalid_and_the_rest_are_graded(tmp_path):
    batch = tmp_path / "class.csv"
    batch.write_text(f"student,target,answer\nbig,{TARGET},{'x' * 1_000_000}\nok,{TARGET},a/4\n{'y' * 1_000_000},{TARGET},a/4\n", encoding="utf-8")
    report, records = run_batch(batch, tmp_path / "out.jsonl")
    assert [r["verdict"] for r in records] == ["invalid", "correct", "invalid"]
    assert "characters long" in records[0]["feedback"] and records[1]["student"] == "ok"


def test_a_byte_that_is_not_utf8_is_reported_with_its_row(tmp_path):
    batch = tmp_path / "class.csv"
    batch.write_bytes(b"student,target,answer\nann," + TARGET.encode() + b",a/4\nbob," + TARGET.encode() + b",a\xff/4\n")
    rows = read_rows(batch)
    assert rows[0].problem == "" and "not UTF-8 (0xff)" in rows[1].problem and rows[1].number == 2
    lines = tmp_path / "class.jsonl"
    lines.write_bytes(b'{"target": "' + TARGET.encode() + b'", "answer": "a\xfe"}\n{"target": "' + TARGET.encode() + b'", "answer": "a/4"}\n')
    rows = read_rows(lines)
    assert "not UTF-8" in rows[0].problem and rows[1].answer == "a/4"


@pytest.mark.parametrize("separator", [";", "\t", ","])
def test_headers_any_case_and_separators_are_sniffed(tmp_path, separator):
    batch = tmp_path / "class.csv"
    batch.write_text(separator.join(["Student", "TARGET", "Answer"]) + "\n" + separator.join(["ann", TARGET, "a/4"]) + "\n", encoding="utf-8")
    (row,) = read_rows(batch)
    assert (row.student, row.target, row.answer, row.problem) == ("ann", TARGET, "a/4", "")


def test_gradescope_folders_stay_inside_and_never_collide():
    names = ["../../etc", "..", "a/b", "x" * 300, "a_b", "a b", "ann"]
    safe = [safe_name(n) for n in names]
    assert all("/" not in s and ".." not in s and len(s) <= 100 for s in safe)
    assert len(set(safe)) == len(safe) and safe_name("ann") == "ann"


def test_a_second_run_on_the_same_out_stops_with_a_one_line_error(tmp_path):
    batch = tmp_path / "class.csv"
    batch.write_text(f"target,answer\n{TARGET},a/4\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with (tmp_path / "out.jsonl.lock").open("a") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        run = run_cli("grade", "--batch", str(batch), "--out", str(out))
    assert run.returncode == 2 and "another run is writing" in run.stderr and "Traceback" not in run.stderr
    assert run_cli("grade", "--batch", str(batch), "--out", str(out)).returncode == 0


@pytest.mark.parametrize("where", ["folder", "under_a_file"])
def test_an_out_that_cannot_be_written_is_a_one_line_error(tmp_path, where):
    batch = tmp_path / "class.csv"
    batch.write_text(f"target,answer\n{TARGET},a/4\n", encoding="utf-8")
    out = tmp_path if where == "folder" else batch / "out.jsonl"
    run = run_cli("grade", "--batch", str(batch), "--out", str(out))
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_resume_with_retry_undecided_grades_those_rows_again(tmp_path):
    batch = tmp_path / "class.csv"
    batch.write_text(f"student,target,answer\nann,{TARGET},a/4\nbob,{TARGET},a/2\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    journal = tmp_path / "out.jsonl.partial"
    earlier = [{"row": 1, "student": "ann", "target": TARGET, "answer": "a/4", "verdict": "undecided", "feedback": "time limit", "proved": False}]
    journal.write_text("".join(json.dumps(r) + "\n" for r in earlier), encoding="utf-8")
    run = run_cli("grade", "--batch", str(batch), "--out", str(out), "--resume", "--retry-undecided")
    assert run.returncode == 0, run.stderr
    verdicts = [json.loads(line)["verdict"] for line in out.read_text().splitlines()]
    assert verdicts == ["correct", "incorrect"]


def test_a_huge_derivation_is_refused_before_any_splitting():
    with pytest.raises(LatexError, match="characters long"):
        bounded_steps("$$x = x$$\n" * (MAX_DERIVATION // 10 + 1))
    with pytest.raises(LatexError, match="steps"):
        check_derivation("".join(f"$$x_{n} = x_{n}$$\n" for n in range(MAX_STEPS + 1)))


def test_the_proof_cli_refuses_a_five_megabyte_file_at_once(tmp_path):
    big = tmp_path / "huge.tex"
    big.write_text("$$x = x$$\n" * 500_000, encoding="utf-8")
    run = run_cli("proof", str(big))
    assert run.returncode == 2 and "characters long" in run.stderr


def test_a_full_disk_is_a_clear_error_and_resume_then_completes(tmp_path, monkeypatch):
    import errno

    import derivs.batch as batch_module
    from derivs.batch import BatchOutputError

    batch = tmp_path / "class.csv"
    batch.write_text(f"student,target,answer\nann,{TARGET},a/4\nbob,{TARGET},a/2\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(batch_module, "_write_atomically", full)
    with pytest.raises(BatchOutputError, match="No space left on device.*--resume"):
        run_batch(batch, out)
    assert (tmp_path / "out.jsonl.partial").read_text().count("\n") == 2  # the graded rows are kept
    monkeypatch.undo()
    report, records = run_batch(batch, out, resume=True)
    assert report.resumed == 2 and [r["verdict"] for r in records] == ["correct", "incorrect"]


def test_a_huge_first_line_does_not_stall_the_steps_after_it():
    from derivs import get_problem
    from derivs.derivation import check_derivation_now

    huge = "+".join(f"\\sum_{{k=1}}^{{9000}} \\frac{{x}}{{k^2 + {n}}}" for n in range(3))
    text = f"$$f(x) = {huge}$$\n$$\\tanh(x) = 2\\sigma(2x) - 1$$\n"
    report = check_derivation_now(text, get_problem("tanh_sigmoid"), timeout=0.2)
    assert report.steps[-1].verdict == "valid" and report.steps[0].verdict in ("undecided", "definition")


def test_an_inner_cpu_limit_never_outlives_the_outer_one():
    """decide's own budget inside grade's: the outer limit still ends the work on time (it waited for the inner)."""
    from derivs.timelimit import TimeLimitExceeded, cpu_seconds, time_limit

    started = cpu_seconds()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            with time_limit(5.0):
                while True:
                    sum(range(1000))
    assert cpu_seconds() - started < 1.0


def test_an_expiry_caught_inside_the_block_does_not_let_it_run_on():
    """A search that keeps what it found when time runs out (`except TimeLimitExceeded: pass`) used to disarm the
    limit for the rest of the block: one step of a public write-up then ran 10 s under a 2 s limit."""
    from derivs.timelimit import TimeLimitExceeded, cpu_seconds, time_limit

    started, finished = cpu_seconds(), []
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            try:
                while True:
                    sum(range(1000))
            except TimeLimitExceeded:
                pass  # what was found so far is kept
            while cpu_seconds() - started < 5.0:  # work after the catch, still inside the block
                sum(range(1000))
            finished.append(True)
    assert not finished and cpu_seconds() - started < 1.0


def test_a_limit_that_has_ended_leaves_no_signal_behind():
    from derivs.timelimit import TimeLimitExceeded, cpu_seconds, time_limit

    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.05):
            while True:
                sum(range(1000))
    started = cpu_seconds()
    while cpu_seconds() - started < 0.3:  # the repeats end with the block
        sum(range(1000))


def test_splitting_a_hostile_write_up_is_linear_in_its_length():
    """Steps are found in the caller, before any worker's limit: 20,000 inline formulas after "with" on one line
    took 10.9 s of CPU when each looked back over the whole line for the word (now a bounded window)."""
    from derivs.timelimit import cpu_seconds

    def cost(count: int) -> float:
        started = cpu_seconds()
        assert bounded_steps("with $a$ " * count) == []
        return cpu_seconds() - started

    small, large = cost(2_500), cost(20_000)
    assert large < 16 * small  # eight times the length: linear is 8 times the CPU, quadratic 64 (a ratio, so load does not matter)


def test_an_unquoted_comma_in_the_last_column_is_part_of_the_answer(tmp_path):
    """\\max(0, x) typed in a CSV without quotes: the cells after the answer column are the rest of the answer, put
    back as typed (the answer was silently cut at the comma before); elsewhere the row says to quote it."""
    batch = tmp_path / "class.csv"
    batch.write_text("student,target,answer\nann,relu.derivative,\\max(0, x) + \\int \\frac{3\\,dz}{z}\nbob,relu.derivative,x\n",
                     encoding="utf-8")
    first, second = read_rows(batch)
    assert first.answer == "\\max(0, x) + \\int \\frac{3\\,dz}{z}" and not first.problem and second.answer == "x"
    reordered = tmp_path / "reordered.csv"
    reordered.write_text("answer,target,student\n\\max(0, x),relu.derivative,ann\n", encoding="utf-8")
    (only,) = read_rows(reordered)
    assert "quote" in only.problem


def test_a_step_out_of_time_stays_undecided_on_a_line_whose_shapes_do_not_fit(monkeypatch):
    """A timeout is undecided, never invalid, even where the document's shapes say the line cannot be shaped (W x is
    m x 1, b is p x 1): on a loaded test worker a step that ran out of time was turned invalid by the shape finding."""
    from derivs.derivation import check_derivation_now
    from derivs.writeup import claims
    from derivs.writeup.judging import out_of_time

    text = "Let $W \\in \\mathbb{R}^{m \\times n}$, $\\mathbf{x} \\in \\mathbb{R}^n$ and $\\mathbf{b} \\in \\mathbb{R}^p$.\n\n" \
           "$$W\\mathbf{x} + \\mathbf{b} = \\mathbf{b} + W\\mathbf{x}$$\n"
    judged = [s for s in check_derivation_now(text).steps if s.line == 3]
    assert [s.verdict for s in judged] == ["invalid"], judged  # the shapes: m x 1 plus p x 1
    monkeypatch.setattr(claims, "_judge_sides", lambda judge, step, scope, slips: out_of_time(step, judge.timeout))
    judged = [s for s in check_derivation_now(text).steps if s.line == 3]
    assert [s.verdict for s in judged] == ["undecided"], judged


def test_a_full_collection_of_a_big_heap_does_not_count_against_a_limit():
    """A full garbage collection walks every object the process holds: late in a long-lived worker (a test run, a batch)
    one costs seconds and lands on whatever step allocates then. That is not the step's work, so a step's verdict must not
    depend on it; the step's own work is still limited."""
    import gc
    import time

    from derivs.timelimit import TimeLimitExceeded, cpu_seconds, time_limit

    heap = [(i, [i]) for i in range(2_000_000)]  # a big heap, as after thousands of decisions
    started = time.thread_time()
    gc.collect()
    collecting = time.thread_time() - started
    assert collecting > 0.2, collecting  # the premise: one full collection costs more than the limit below
    with time_limit(0.2):
        before = cpu_seconds()
        gc.collect()
        gc.collect()
        work = cpu_seconds() - before
    assert work < 0.1, work
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            started = cpu_seconds()
            while cpu_seconds() - started < 2.0:
                sum(range(1000))  # the block's own work goes on being limited
    del heap


def test_an_expiry_inside_another_librarys_collector_callback_is_not_lost():
    """A collector callback of another library (hypothesis registers one) runs Python at every collection; an expiry
    that lands in it raised there, where Python prints the exception and drops it ("Exception ignored in ..."): five
    of them in this loop, and under load enough to use up every repeat, so a block ran on unlimited. The expiry now
    waits until the callback has returned, and the block still stops."""
    import gc
    import sys

    from derivs.timelimit import TimeLimitExceeded, cpu_seconds, time_limit

    def busy(phase, info):  # most of the loop's CPU is spent in here
        if phase == "start":
            sum(range(20000))

    lost = []
    previous_hook, sys.unraisablehook = sys.unraisablehook, lambda unraisable: lost.append(unraisable.exc_type)
    gc.callbacks.insert(0, busy)
    try:
        with pytest.raises(TimeLimitExceeded):
            with time_limit(0.2):
                started = cpu_seconds()
                while cpu_seconds() - started < 3.0:
                    [[] for _ in range(800)]  # allocations: young collections, each running the callback
    finally:
        gc.callbacks.remove(busy)
        sys.unraisablehook = previous_hook
    assert TimeLimitExceeded not in lost, lost
