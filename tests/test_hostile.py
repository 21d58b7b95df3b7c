"""Hostile answers come back within the limit as incorrect, invalid or undecided; nothing runs them."""

from __future__ import annotations

import pytest

from derivs import grade
from derivs.batch import Row, grade_rows

LIMIT = 2.0
HOSTILE = [
    r"2^{2^{2^{2^{100}}}}",
    r"10^{10^{10}}!",
    "(" * 3000 + "x" + ")" * 3000,
    "+".join(["x"] * 5000),
    "__import__('os').system('touch /tmp/derivs-pwned')",
    r"\exp(\exp(\exp(\exp(\exp(\exp(x))))))",
    r"x" * 20000,
    r"\sum_{j=1}^{10^{9}} j",
]


@pytest.mark.parametrize("answer", HOSTILE, ids=[h[:25] for h in HOSTILE])
def test_hostile_answer_gets_a_verdict_within_the_limit(answer, tmp_path):
    result = grade("sigmoid_derivative.derivative", answer, timeout=LIMIT)
    assert result.verdict in ("incorrect", "invalid", "undecided")
    assert result.feedback and "Traceback" not in result.feedback
    # CPU seconds the decision took (a hard-killed worker reports none of its own): never past the limit and its
    # grace, however busy the machine is (a wall-clock bound would depend on the machine's load)
    assert result.seconds < LIMIT + 0.5


def test_nothing_in_the_answer_is_executed(tmp_path):
    marker = tmp_path / "pwned"
    result = grade("sigmoid_derivative.derivative", f"__import__('os').system('touch {marker}')")
    assert result.verdict == "invalid" and not marker.exists()


def test_a_batch_with_hostile_rows_loses_no_row_and_grades_the_others():
    good = Row(1, "ann", "sigmoid_derivative.at_zero", r"\frac{a}{4}")
    rows = [good] + [Row(n + 2, f"h{n}", "sigmoid_derivative.derivative", text) for n, text in enumerate(HOSTILE)]
    rows.append(Row(len(rows) + 1, "zed", "sigmoid_derivative.at_zero", "a"))
    records, _ = grade_rows(rows, jobs=2, timeout=LIMIT)
    assert [r["row"] for r in records] == [row.number for row in rows]
    assert records[0]["verdict"] == "correct" and records[-1]["verdict"] == "incorrect"
    assert all(r["verdict"] in ("incorrect", "invalid", "undecided") for r in records[1:-1])
