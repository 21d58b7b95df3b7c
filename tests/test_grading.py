"""Grading against the labelled class (tests/data/answers.csv) and the feedback a student reads.

The labels were decided by hand from the mathematics, not by running the grader.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from conftest import DATA
from derivs import UnknownTarget, grade
from derivs.batch import grade_rows, read_rows
from derivs.grading import grade_now

LABELLED = list(csv.DictReader((DATA / "answers.csv").open(encoding="utf-8")))


@pytest.fixture(scope="module")
def graded_class():
    rows = read_rows(DATA / "answers.csv")
    records, _ = grade_rows(rows, jobs=2)
    return records


def test_the_labelled_set_covers_every_target_and_verdict():
    assert len(LABELLED) >= 450
    targets = Counter(row["target"] for row in LABELLED)
    assert len(targets) >= 30 and min(targets.values()) >= 2
    # wrong_form: the right value (an identity checked by hand: a e^{-ax}/(1 + e^{-ax})^2 = aφ(1 - φ), 1 - tanh^2 =
    # 4σ(2x)(1 - σ(2x)), max(0, x) = xH(x), ...) not written as the part asks
    assert {row["label"] for row in LABELLED} == {"correct", "wrong_form", "incorrect", "invalid"}


def test_agreement_with_the_labels_is_at_least_98_percent(graded_class):
    assert len(graded_class) == len(LABELLED)
    agree = [r for r, row in zip(graded_class, LABELLED) if r["verdict"] == row["label"]]
    disagreements = [(row["target"], row["answer"], row["label"], r["verdict"]) for r, row in zip(graded_class, LABELLED) if r["verdict"] != row["label"]]
    assert len(agree) / len(LABELLED) >= 0.98, disagreements


def test_every_result_has_the_fields_scripts_read(graded_class):
    for record, row in zip(graded_class, LABELLED):
        assert record["target"] == row["target"] and record["answer"] == row["answer"]
        assert record["verdict"] in ("correct", "wrong_form", "incorrect", "invalid", "undecided")
        assert isinstance(record["feedback"], str) and record["feedback"]
        assert isinstance(record["proved"], bool)


def test_incorrect_answers_name_a_point_or_a_mistake(graded_class):
    for record in graded_class:
        if record["verdict"] == "incorrect":
            feedback = record["feedback"]
            named = ("factor", "sign", "term", "argument", "order", "shape", "constant", "belongs", "still contains", "restates", "uses", "without", "in terms of", "decimal places")
            assert record["witness"] or any(word in feedback for word in named), feedback


FEEDBACK = [
    ("sigmoid_derivative.derivative", r"\varphi(x)(1-\varphi(x))", "missing the factor a (a chain-rule factor)"),
    ("sigmoid_derivative.derivative", r"-a\varphi(x)(1-\varphi(x))", "sign error"),
    ("sigmoid_derivative.at_zero", r"\frac{a}{2}", "your answer is 2 times the expected one"),
    ("tanh_sigmoid.tanh_via_sigmoid", r"2\sigma(2x)+1", "additive constant: your answer is the expected one plus 2"),
    ("tanh_sigmoid.tanh_derivative", r"4\sigma(x)(1-\sigma(x))", "you wrote σ(x) where σ(2x) is due"),
    ("tanh_sigmoid.sigmoid_via_tanh", r"\frac{1}{2}\tanh\left(\frac{x}{2}+1\right)", "the +1 belongs outside the tanh"),
    ("linear_collapse.weight", r"W_1 W_2", "wrong order"),
    ("linear_collapse.bias", r"W_2 b_1", "missing the term b_2"),
    ("linear_collapse.bias", r"b_2", "missing the term W_2·b_1"),
]


@pytest.mark.parametrize("target, answer, phrase", FEEDBACK, ids=[a for _, a, _ in FEEDBACK])
def test_feedback_names_the_mistake(target, answer, phrase):
    result = grade_now(target, answer)
    assert result.verdict == "incorrect"
    assert phrase in result.feedback


def test_grade_from_python_returns_a_result_object():
    result = grade("softmax_shift.zero_scale", r"\frac{1}{K}")
    assert (result.target, result.verdict, result.proved) == ("softmax_shift.zero_scale", "correct", True)
    assert set(result.to_dict()) >= {"target", "answer", "verdict", "feedback", "proved"}


def test_an_incorrect_answer_reports_where_it_differs_with_both_values():
    result = grade_now("softmax_shift.two_class_logit", r"x_1 + x_2")
    assert result.verdict == "incorrect"
    point = dict((name, float(value)) for name, value in result.witness["values"])
    x1, x2 = point["x[1]"], point["x[2]"]
    assert float(result.witness["lhs"]) == pytest.approx(x1 + x2, rel=1e-5)
    assert float(result.witness["rhs"]) == pytest.approx(x1 - x2, rel=1e-5)


def test_an_unknown_target_names_the_problems_parts_not_every_target():
    with pytest.raises(UnknownTarget) as caught:
        grade("sigmoid_derivative.slope", "a")
    assert "sigmoid_derivative.derivative" in str(caught.value) and "linear_collapse.bias" not in str(caught.value)
    with pytest.raises(UnknownTarget) as caught:
        grade("sigmoid_derivatve.derivative", "a")
    assert "did you mean sigmoid_derivative.derivative?" in str(caught.value) and "derivs list" in str(caught.value)


def test_an_answer_in_the_problems_own_braced_names_is_read_as_them():
    """f^{(2)}_1 is the problem's symbol f^{(2)}_{1}: the softmax written out is o_1, so o_1 - y_1 (it was 'foreign names')."""
    written_out = r"\frac{e^{f^{(2)}_1}}{e^{f^{(2)}_1}+e^{f^{(2)}_2}+e^{f^{(2)}_3}} - y_1"
    assert grade_now("two_layer_backprop.output_delta", written_out).verdict == "correct"
    assert grade_now("two_layer_backprop.output_delta", written_out.replace("- y_1", "+ y_1")).verdict == "incorrect"


@pytest.mark.parametrize("target, latex", [
    ("softmax_cross_entropy.softmax_derivative", r"p_i(\delta_{ki} - p_k)"),  # the two cases of delta_ki
    ("softmax_cross_entropy.softmax_derivative", r"p_k\delta_{ki} - p_k p_i"),
    ("tanh_sigmoid.tanh_derivative", r"4\sigma(2x)\sigma(-2x)"),
    ("tanh_sigmoid.tanh_derivative", r"4\sigma(2x) - 4\sigma(2x)^2"),
])
def test_correct_answers_in_other_forms_are_proved_not_only_sampled(target, latex):
    result = grade_now(target, latex)
    assert (result.verdict, result.proved) == ("correct", True), result.feedback


@pytest.mark.parametrize("target, latex, says", [
    # y = 1/9 + 36 + cos 3 = 35.1211...: the value to 4 places is not the exact value asked for
    ("autodiff_traces.y", "35.1211", "rounded to 4 decimal places"),
    ("autodiff_traces.y", "35.12", "rounded to 2 decimal places"),
    ("autodiff_traces.y", "35.2", "not the expected value"),  # not even a rounding of it
    # dL/dw3 = 0.000622... is asked to at least 4 places, graded at the places given: 0.00072 is wrong at 5
    ("backprop_by_hand.gradient", "0.00072", "not the value to the 5 decimal places given"),
    ("backprop_by_hand.gradient", "0.001", "give at least 4 decimal places"),
    # 0.00060 is wrong at its 5 places (0.00062) however it is bracketed: it was graded "correct" as the exact 0.0006
    ("backprop_by_hand.gradient", "\\left(0.00060\\right)", "not the value to the 5 decimal places given"),
    ("backprop_by_hand.gradient", "1\\cdot\\left(0.00060\\right)", "not the value to the 5 decimal places given"),
    ("backprop_by_hand.gradient", "(0.00060)", "not the value to the 5 decimal places given"),
    ("backprop_by_hand.gradient", "\\left[0.00060\\right]", "not the value to the 5 decimal places given"),
    ("backprop_by_hand.gradient", "$(0.00060)$", "not the value to the 5 decimal places given"),
])
def test_a_decimal_hears_how_it_is_rounded(target, latex, says):
    result = grade_now(target, latex)
    assert result.verdict == "incorrect" and says in result.feedback, result.feedback


@pytest.mark.parametrize("latex", ["6e-4", "6E-4", "6 \\times 10^{-4}", "0.6e-3"])
def test_scientific_notation_is_a_number(latex):
    assert grade_now("backprop_by_hand.gradient", latex).verdict == "correct"


# The softmax written out is "in terms of p" whatever its summed index is called: e^{x_i} / sum_m e^{x_m} is p_i,
# so p_i(1 - p_i) written out is right; with + it is p_i(1 + p_i), wrong; a sum to n the problem does not have is wrong.
SOFTMAX_WRITTEN_OUT = [
    (r"\frac{e^{x_i}}{\sum_{j=1}^{K} e^{x_j}}\left(1 - \frac{e^{x_i}}{\sum_{j=1}^{K} e^{x_j}}\right)", "correct"),
    (r"\frac{e^{x_i}}{\sum_{m=1}^{K} e^{x_m}}\left(1 - \frac{e^{x_i}}{\sum_{m=1}^{K} e^{x_m}}\right)", "correct"),
    (r"\frac{e^{x_i}}{\sum_{m=1}^{K} e^{x_m}}\left(1 + \frac{e^{x_i}}{\sum_{m=1}^{K} e^{x_m}}\right)", "incorrect"),
    (r"\frac{e^{x_i}}{\sum_{m=1}^{n} e^{x_m}}\left(1 - \frac{e^{x_i}}{\sum_{m=1}^{n} e^{x_m}}\right)", "incorrect"),
]


@pytest.mark.parametrize("answer, verdict", SOFTMAX_WRITTEN_OUT)
def test_an_answer_in_terms_of_a_sum_may_name_its_index_as_it_likes(answer, verdict):
    assert grade_now("softmax_cross_entropy.same_index", answer).verdict == verdict


@pytest.mark.parametrize("answer, verdict", [
    (r"a \varphi (1 - \varphi)", "correct"),
    (r"a\varphi(1-\varphi)", "correct"),
    (r"a \varphi(x) (1 - \varphi)", "correct"),
    (r"a \cdot \varphi \cdot (1 - \varphi)", "correct"),
    (r"\varphi (1 - \varphi)", "incorrect"),
    (r"a \varphi (1 + \varphi)", "incorrect"),
    (r"a \varphi^2", "incorrect"),
])
def test_the_problems_function_written_alone_is_its_value(answer, verdict):
    """Students write phi for phi(x): with phi(x) = 1/(1 + e^{-ax}) the derivative is a phi(x)(1 - phi(x)) by hand,
    so a phi (1 - phi) is right once phi alone is phi(x) (and phi(1 - phi) beside it is that value times a bracket,
    not phi of 1 - phi); without the a, with 1 + phi, or a phi^2 it is wrong."""
    assert grade_now("sigmoid_derivative.derivative", answer).verdict == verdict


@pytest.mark.parametrize("answer, verdict", [
    (r"a\sigma(ax)(1-\sigma(ax))", "correct"),
    (r"a\,\sigma(xa)\left(1-\sigma(ax)\right)", "correct"),
    (r"a\sigma(ax) - a\sigma(ax)^2", "correct"),
    (r"a\sigma(ax)\sigma(-ax)", "correct"),  # σ(-ax) = 1 - σ(ax) = 1 - φ(x), so this is aφ(x)φ(-x) = aφ(x)(1 - φ(x))
    (r"a\varphi(x)\,\sigma(-ax)", "correct"),
    (r"a\sigma(ax)\sigma(ax)", "incorrect"),  # aφ(x)^2, not aφ(x)(1 - φ(x))
    (r"a\,\mathrm{sigmoid}(ax)(1-\varphi(x))", "correct"),
    (r"\sigma(ax)(1-\sigma(ax))", "incorrect"),
    (r"a\sigma(x)(1-\sigma(x))", "incorrect"),
    (r"a\sigma(ax)(1+\sigma(ax))", "incorrect"),
    (r"\frac{a}{1+e^{-ax}}\left(1-\frac{1}{1+e^{-ax}}\right)", "correct"),  # aφ(x)(1 - φ(x)), φ's formula typed out where φ(x) stands
    (r"\frac{a e^{-ax}}{(1+e^{-ax})^2}", "correct"),  # the right derivative, no φ(x) in it: correct, the form asked said beside it
])
def test_the_course_function_the_problem_defines_its_function_by_counts_as_it(answer, verdict):
    """phi(x) = 1/(1 + e^{-ax}) is sigma(ax), so a sigma(ax)(1 - sigma(ax)) is a phi(x)(1 - phi(x)), "in terms of phi"
    as the part asks (by hand: sigma(ax) = 1/(1 + e^{-ax}) = phi(x)). Without the a, at x instead of ax (sigma(x) is
    phi(x/a)), or with 1 + sigma it is a wrong value; phi's formula typed out where phi(x) stands is phi(x) by definition;
    a e^{-ax}/(1 + e^{-ax})^2 holds no phi(x), but it is the derivative asked for (correct, the form asked said beside it)."""
    assert grade_now("sigmoid_derivative.derivative", answer).verdict == verdict


def test_the_answer_is_shown_as_the_display_reads_it_whether_or_not_it_is_read_again():
    """The shown reading reuses the grading parse when nothing in the text reads otherwise for display (decimals as
    written, the problem's names kept): for every labelled answer the result must be the display parse's own."""
    from derivs.grading import resolve_target, shown_reading
    from derivs.parsing import Context, LatexError, read_answer

    with open(DATA / "answers.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    compared = 0
    for row in rows:
        problem, _ = resolve_target(row["target"])
        context = Context.for_problem(problem)
        try:
            first = read_answer(row["answer"], problem)
        except LatexError:
            continue
        assert shown_reading(row["answer"], context, first) == shown_reading(row["answer"], context), row["answer"]
        compared += 1
    assert compared > 300


def test_a_verdict_does_not_depend_on_what_was_graded_before_it():
    """Decisions are remembered per reading (a class writes one answer in many texts): each answer, graded after all
    the others in one process, gets the verdict and feedback it gets in a process that has remembered nothing."""
    from derivs import grading

    with open(DATA / "answers.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[::12]
    texts = [(row["target"], text) for row in rows for text in (row["answer"], rf"\left({row['answer']}\right)", rf"1 \cdot ({row['answer']})")]
    in_one_process = [grade_now(target, text) for target, text in texts]
    assert grading._PER_READING, "nothing was remembered"
    for (target, text), remembered in zip(texts, in_one_process):
        grading._PER_READING.clear()
        alone = grade_now(target, text)
        assert (alone.verdict, alone.feedback, alone.proved, alone.interpreted) == (remembered.verdict, remembered.feedback, remembered.proved, remembered.interpreted), text
