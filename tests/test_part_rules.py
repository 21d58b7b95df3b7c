"""What a part's prompt promises is what grading enforces: "in terms of X" (X the only way the variables
may enter), and decimals "to at least N places", graded at the places the student gives. A check fails
when a prompt and its part's data disagree."""

from __future__ import annotations

import mpmath
import pytest
import sympy

from derivs import Part, Problem, Scalar, load_problems
from derivs.grading import grade_now, places_written, prompt_disagreements
from derivs.verify import verify_prompts

PROBLEMS = {pid: p for pid, p in load_problems().items() if isinstance(p, Problem)}
PARTS = [(pid, part.name) for pid, p in sorted(PROBLEMS.items()) for part in p.parts]


@pytest.mark.parametrize(("problem_id", "part_name"), PARTS)
def test_every_bundled_prompt_agrees_with_its_part(problem_id, part_name):
    problem = PROBLEMS[problem_id]
    assert prompt_disagreements(problem, problem.part(part_name)) == []


def test_every_in_terms_of_prompt_declares_what_it_says():
    said = [(pid, name) for pid, name in PARTS if "in terms of" in PROBLEMS[pid].part(name).prompt]
    assert len(said) >= 12 and all(PROBLEMS[pid].part(name).in_terms_of for pid, name in said)


def test_a_prompt_that_disagrees_with_its_data_fails_the_check():
    x, sigma = sympy.Symbol("x", real=True), sympy.Function("sigma")
    parts = (
        Part("said_not_declared", r"$\tanh(x)$ in terms of $\sigma$", 2 * sigma(2 * x) - 1, question=sympy.tanh(x)),
        Part("declared_not_said", r"$\tanh(x)$", 2 * sigma(2 * x) - 1, question=sympy.tanh(x), in_terms_of=(sigma,)),
        Part("reference_breaks_it", r"$\tanh(x)$ in terms of $\tanh$", sympy.tanh(x), in_terms_of=(sympy.tanh,), forbidden=(sympy.tanh,)),
        Part("places", r"$x$ to 3 decimals", sympy.Rational(1, 2), question=sympy.Function("round4")(x)),
    )
    problem = Problem(id="p", title="", statement="", variables=(Scalar(x),), claims=(), parts=parts,
                      definitions={sigma: sympy.Lambda(x, 1 / (1 + sympy.exp(-x)))})
    rows = {row.claim for row in verify_prompts(problem)}
    assert rows == {f"part {part.name} prompt" for part in parts}


@pytest.mark.parametrize(("target", "answer", "verdict", "said"), [
    # the right derivative in another form than asked: correct, the form asked said beside it (and tagged: see below);
    # 1 - tanh^2 = 4σ(2x)(1 - σ(2x)) = tanh' by hand. Where the form is the exercise (tanh in terms of σ, max(0, x) as xH(x))
    # the right value otherwise written is wrong_form (no points, findable)
    ("tanh_sigmoid.tanh_derivative", r"1 - \tanh^2(x)", "correct", "not in the form asked for (write the answer without tanh)"),
    ("tanh_sigmoid.tanh_via_sigmoid", r"\frac{2\tanh(x/2)}{1 + \tanh^2(x/2)}", "wrong_form", "without tanh"),
    # σ's own formula typed out where σ(2x) stands (σ(2x) = 1/(1 + e^{-2x})) is written in terms of σ: the right value is
    # correct, a wrong one is diagnosed as one in σ (the second is half of tanh')
    ("tanh_sigmoid.tanh_derivative", r"4\sigma(2x)(1 - \frac{1}{1 + e^{-2x}})", "correct", ""),
    ("tanh_sigmoid.tanh_derivative", r"\frac{4}{1+e^{-2x}}\cdot\frac{1}{1+e^{2x}}", "correct", ""),  # 1 - σ(2x) = σ(-2x)
    ("tanh_sigmoid.tanh_via_sigmoid", r"\frac{2}{1 + e^{-2x}} - 1", "correct", ""),
    ("tanh_sigmoid.tanh_via_sigmoid", r"\frac{2}{1 + e^{-x}} - 1", "incorrect", ""),  # 2σ(x) - 1 = tanh(x/2), not tanh(x)
    ("tanh_sigmoid.tanh_via_sigmoid", r"\frac{e^{2x} - 1}{e^{2x} + 1}", "wrong_form", "in terms of σ"),  # tanh's own formula, no σ in it
    # a wrong value in the wrong form: 1 + tanh^2 is 2 at x = 0 where tanh'(0) = 1; 2σ(2x)(1 - σ(2x)) is half of it
    ("tanh_sigmoid.tanh_derivative", r"1 + \tanh^2(x)", "incorrect", "not the expected one either"),
    ("tanh_sigmoid.tanh_derivative", r"2\sigma(2x)(1 - \frac{1}{1 + e^{-2x}})", "incorrect", "off by a constant factor: your answer is 1/2"),
    ("sigmoid_derivative.derivative", r"\frac{a}{1+e^{-ax}} \cdot \frac{1}{1+e^{ax}}", "correct", ""),  # φ(x)·φ(-x)·a, φ(-x) = 1 - φ(x)
    ("sigmoid_derivative.derivative", r"\frac{a}{(1+e^{-ax})^2}", "incorrect", ""),  # aφ(x)^2: 2a/... at x=0 is a/4 = aφ', but not elsewhere
    ("tanh_sigmoid.tanh_derivative", r"4\sigma(2x) - 4\sigma(2x)^2", "correct", ""),
    ("sigmoid_derivative.derivative", r"\frac{a e^{-ax}}{(1 + e^{-ax})^2}", "correct", "not in the form asked for (write the answer in terms of φ)"),
    ("sigmoid_derivative.derivative", r"\frac{e^{-ax}}{(1 + e^{-ax})^2}", "incorrect", "in terms of"),  # the factor a lost
    ("sigmoid_derivative.derivative", r"a\varphi(x) - a\varphi(x)^2", "correct", ""),
    # z is not a name for the unit's sum in this problem, so σ(z) is not ŷ: a wrong value as well as a wrong form
    ("logistic_output.weight_gradient", r"(\sigma(z) - t)\sigma(z)(1 - \sigma(z))x_i", "incorrect", "z appears outside"),
    ("logistic_output.weight_gradient", r"(\hat y - t)\hat y(1 - \hat y)x_i", "correct", ""),
    ("relu_heaviside.relu_via_heaviside", r"\max(0, x)", "wrong_form", "in terms of H"),
    ("relu_heaviside.relu_via_heaviside", r"\max(0, 2x)", "incorrect", "in terms of H"),  # 2 at x = 1, not 1
    ("two_layer_backprop.hidden_slope", r"\alpha_1(1 - \alpha_1)", "correct", ""),
])
def test_in_terms_of_is_enforced(target, answer, verdict, said):
    result = grade_now(target, answer, timeout=10)
    assert result.verdict == verdict and said in result.feedback, result.feedback


def test_a_right_value_in_the_wrong_form_is_findable_and_earns_nothing(tmp_path):
    """Where the form is the exercise (tanh in terms of σ), the right value written otherwise is wrong_form in a batch:
    counted apart, scores 0, and its Gradescope test carries the tag, so an instructor can give part of the points by
    hand; the right form beside it scores its point. ((e^{2x} - 1)/(e^{2x} + 1) = tanh(x) by hand: tanh's own formula.)"""
    import json

    from derivs.batch import gradescope_results, grade_rows, read_rows

    source = tmp_path / "class.jsonl"
    rows = (("ann", r"2\sigma(2x) - 1"), ("bob", r"\frac{e^{2x} - 1}{e^{2x} + 1}"), ("cy", r"\frac{e^{2x} + 1}{e^{2x} - 1}"))
    source.write_text("".join(json.dumps({"student": s, "target": "tanh_sigmoid.tanh_via_sigmoid", "answer": a}) + "\n" for s, a in rows))
    records, _ = grade_rows(read_rows(source))
    assert [r["verdict"] for r in records] == ["correct", "wrong_form", "incorrect"]
    results = gradescope_results(records)
    assert [results[s]["score"] for s, _ in rows] == [1.0, 0.0, 0.0]
    bob = results["bob"]["tests"][0]
    assert bob["tags"] == ["wrong_form"] and bob["extra_data"]["verdict"] == "wrong_form"
    assert "tags" not in results["ann"]["tests"][0] and "tags" not in results["cy"]["tests"][0]


def test_a_right_derivative_in_another_form_scores_and_is_tagged(tmp_path):
    """tanh' asked in terms of σ: 1 - tanh^2(x) is the derivative (= 4σ(2x)(1 - σ(2x)) by hand), so it scores its point;
    the form asked is in the record and the Gradescope test is tagged other_form, for the instructor who wants the form;
    1 + tanh^2(x) (2 at x = 0, where tanh'(0) = 1) is wrong."""
    import json

    from derivs.batch import gradescope_results, grade_rows, read_rows

    source = tmp_path / "class.jsonl"
    rows = (("ann", r"4\sigma(2x)(1 - \sigma(2x))"), ("bob", r"1 - \tanh^2(x)"), ("cy", r"1 + \tanh^2(x)"))
    source.write_text("".join(json.dumps({"student": s, "target": "tanh_sigmoid.tanh_derivative", "answer": a}) + "\n" for s, a in rows))
    records, _ = grade_rows(read_rows(source))
    assert [r["verdict"] for r in records] == ["correct", "correct", "incorrect"]
    assert "other_form" not in records[0] and records[1]["other_form"] == "write the answer without tanh"
    results = gradescope_results(records)
    assert [results[s]["score"] for s, _ in rows] == [1.0, 1.0, 0.0]
    bob = results["bob"]["tests"][0]
    assert bob["tags"] == ["other_form"] and bob["extra_data"] == {"verdict": "correct", "other_form": "write the answer without tanh"}


@pytest.mark.parametrize(("target", "answer", "said"), [
    # a differential typed after an answer (copied from dy = ... dx or an integral): d is no name of these problems,
    # so d x is a product; without it the first three are the expected answers, the last two are wrong values besides
    ("sigmoid_derivative.at_zero", r"\frac{a}{4}\,dx", "without it your answer is the expected one"),
    ("tanh_sigmoid.tanh_via_sigmoid", r"2\sigma(2x) - 1 \, dx", "without it your answer is the expected one"),
    ("relu_heaviside.derivative", r"H(x)\,dx", "without it your answer is the expected one"),
    ("sigmoid_derivative.at_zero", r"\frac{a}{2} dx", "an answer is written without it"),  # a/4 is due, not a/2
    ("sigmoid_derivative.derivative", r"a\varphi(x)(1+\varphi(x))\,dx", "an answer is written without it"),
])
def test_a_stray_differential_is_named(target, answer, said):
    result = grade_now(target, answer, timeout=10)
    assert result.verdict == "incorrect" and "dx is a differential" in result.feedback and said in result.feedback, result.feedback


def test_a_derivation_that_ends_in_the_right_value_in_the_wrong_form():
    """Every step holds (d/dx (1 + e^{-ax})^{-1} = a e^{-ax}/(1 + e^{-ax})^2 by the chain rule), but the last line is
    not written in terms of φ as asked: wrong_form; ended one step later, in φ, it is correct."""
    steps = r"\varphi'(x) &= \frac{d}{dx}\frac{1}{1+e^{-ax}} \\ &= \frac{a e^{-ax}}{(1+e^{-ax})^2}"
    result = grade_now("sigmoid_derivative.derivation", r"\begin{align}" + steps + r"\end{align}", timeout=10)
    assert result.verdict == "wrong_form" and "in terms of φ" in result.feedback, result.feedback
    ended = steps + r" \\ &= a\varphi(x)(1 - \varphi(x))"
    assert grade_now("sigmoid_derivative.derivation", r"\begin{align}" + ended + r"\end{align}", timeout=10).verdict == "correct"


def exact_gradient() -> mpmath.mpf:
    """dL/dw_3 of seed 004 Q2 by the chain rule, in mpmath, independent of the problem module."""
    mpmath.mp.dps = 40
    sig = lambda v: 1 / (1 + mpmath.exp(-v))  # noqa: E731
    w = [mpmath.mpf(v) for v in ("0.75", "-0.63", "0.24", "-1.7", "0.8", "-0.2")]
    x = [mpmath.mpf(v) for v in ("0.9", "-1.1", "-0.3", "0.8")]
    s1, s2 = x[0] * w[0] + x[1] * w[1], x[2] * w[2] + x[3] * w[3]
    y_hat = sig(sig(s1) * w[4] + sig(s2) * w[5])
    return 2 * (y_hat - mpmath.mpf("0.5")) * y_hat * (1 - y_hat) * w[5] * sig(s2) * (1 - sig(s2)) * x[2]


@pytest.mark.parametrize("places", [4, 5, 6, 7])
def test_decimals_are_graded_at_the_places_given(places):
    right = mpmath.nstr(exact_gradient(), places - 3, min_fixed=-10, max_fixed=10)  # 0.000621578...: places - 3 figures
    assert len(right.split(".")[1]) == places
    assert grade_now("backprop_by_hand.gradient", right).verdict == "correct"
    off = f"{sympy.Rational(right) + sympy.Rational(3, 10**places):.{places}f}"
    result = grade_now("backprop_by_hand.gradient", off)
    assert result.verdict == "incorrect" and f"{places} decimal places" in result.feedback


def test_too_few_decimals_are_told_how_many_are_asked():
    result = grade_now("backprop_by_hand.gradient", "0.001")
    assert result.verdict == "incorrect" and "at least 4 decimal places" in result.feedback
    assert grade_now("backprop_by_hand.gradient", "0.000592").verdict == "incorrect"  # wrong at the 6 places given


@pytest.mark.parametrize(("latex", "places"), [("0.0006", 4), ("0.00062", 5), (r"6.2 \times 10^{-4}", 5), ("6e-4", 4), ("1.5E3", 0),
                                               (r"\approx 0.0006", 4), ("x = 0.25.", 2), ("3/5000", None), (r"\frac{3}{5000}", None), ("0.5x", None)])
def test_places_written(latex, places):
    assert places_written(latex) == places
