"""The labelled class of matrix-form answers (tests/matrix_class.py) graded as a class would be: at least 98% of the
verdicts agree with the hand labels, and no wrong answer is ever correct (or unproved, which also earns the points)."""

from __future__ import annotations

import pytest

from derivs.grading import grade_now
from matrix_class import FORMS, agrees, rows

ROWS = rows()


@pytest.fixture(scope="module")
def graded():
    return [(target, text, label, kind, grade_now(target, text)) for target, text, label, kind in ROWS]


def test_the_class_is_large_and_holds_every_slip_the_issue_lists():
    assert len(ROWS) >= 150
    kinds = {kind for forms in FORMS.values() for _, kind, _ in forms}
    assert {"missing transpose", "wrong order", "odot for a product", "missing diag", "transposed (layout)"} <= kinds
    assert sum(label == "right" for _, _, label, _ in ROWS) >= 50 and sum(label == "wrong" for _, _, label, _ in ROWS) >= 50


def test_the_class_agrees_with_its_labels(graded):
    disagreements = [(target, text, label, result.verdict, result.feedback) for target, text, label, _, result in graded if not agrees(label, result.verdict)]
    agreement = 1 - len(disagreements) / len(graded)
    assert agreement >= 0.98, disagreements


def test_a_wrong_matrix_answer_never_earns_the_points(graded):
    scored = [(target, text, kind, result.verdict) for target, text, label, kind, result in graded if label == "wrong" and result.verdict in ("correct", "unproved")]
    assert scored == []


def test_each_listed_slip_is_named_in_the_feedback(graded):
    named = {"missing transpose": "transpose", "wrong order": "order", "missing diag": "diag", "transposed (layout)": "transposed (layout)"}
    for target, text, label, kind, result in graded:
        if kind in named:
            assert named[kind] in result.feedback, (target, text, result.feedback)
