"""Verdicts that can be trusted: wrong answers are never `correct`, a timeout is `undecided`, and a
busy machine changes nothing.

Each wrong answer below differs from the reference for a reason worked out by hand (a term that
vanishes only where random points fall, a term below a fixed tolerance, the question restated).
"""

from __future__ import annotations

import multiprocessing
import time

import pytest

from conftest import DATA
from derivs import grade
from derivs.batch import grade_rows, read_rows
from dataclasses import replace

from derivs import get_problem
from derivs.grading import grade_now, restates_question
from derivs.parsing import read_answer
from derivs.sandbox import Overrun, WorkerPool

PHI = r"a\varphi(x)(1-\varphi(x))"
SOFTMAX = r"p_k(1\{k=i\}-p_i)"

WRONG = [
    # restating the question: the derivative, substitution or expression asked for, unevaluated
    ("tanh_sigmoid.tanh_derivative", r"\tanh'(x)"),
    ("tanh_sigmoid.tanh_derivative", r"\frac{d}{dx}\tanh(x)"),
    ("tanh_sigmoid.tanh_derivative", r"\frac{d\tanh(x)}{dx}"),
    ("sigmoid_derivative.at_zero", r"\varphi'(0)"),
    ("sigmoid_derivative.derivative", r"\frac{d\varphi}{dx}"),
    ("sigmoid_derivative.derivative", r"\varphi'(x)"),
    ("sigmoid_derivative.derivative", r"\frac{d}{dx}\frac{1}{1+e^{-ax}}"),
    ("logistic_output.slope_from_output", r"\frac{d\sigma}{dz}"),
    ("logistic_output.slope_from_output", r"\sigma'(z)"),
    ("tanh_sigmoid.tanh_via_sigmoid", r"\tanh(x)"),
    # a term that vanishes where the random points fall (x, a in [-4, 4], sizes 2, 3, 5)
    ("sigmoid_derivative.derivative", PHI + r" + H(x-5)"),
    ("sigmoid_derivative.derivative", PHI + r" + \max(0,x-5)"),
    ("sigmoid_derivative.derivative", PHI + r"\cdot(1+\max(0,a-5))"),
    ("sigmoid_derivative.derivative", PHI + r" + H(-x-7)"),
    ("sigmoid_derivative.derivative", PHI + r" + \max(0, x^2 - 30)"),
    ("sigmoid_derivative.derivative", PHI + r" + |x-6| - (x-6)"),
    ("sigmoid_derivative.derivative", PHI + r"\cdot H(x+9)"),
    ("softmax_cross_entropy.softmax_derivative", SOFTMAX + r" + \delta_{k6}"),
    ("softmax_cross_entropy.softmax_derivative", SOFTMAX + r" + \max(0,K-5)"),
    ("softmax_cross_entropy.softmax_derivative", SOFTMAX + r" + \max(0,K-6)"),
    ("softmax_cross_entropy.softmax_derivative", SOFTMAX + r" + 1\{i=7\}"),
    ("softmax_cross_entropy.softmax_derivative", SOFTMAX + r"\cdot(1 + \delta_{K8})"),
    ("relu_heaviside.derivative", r"H(x) + H(x - 4.5)"),
    # a term below a fixed tolerance
    ("sigmoid_derivative.derivative", PHI + r" + 10^{-25}"),
    ("sigmoid_derivative.derivative", PHI + r" + 10^{-25}x"),
    ("sigmoid_derivative.derivative", PHI + r" + 10^{-40}a"),
    ("sigmoid_derivative.derivative", PHI + r"\cdot(1 + 10^{-30})"),
    ("sigmoid_derivative.at_zero", r"\frac{a}{4} + 10^{-28}"),
    # a term far below any working precision: refuted by a proof, or by evalf raising its precision
    ("sigmoid_derivative.derivative", PHI + r" + e^{-1000}"),
    ("sigmoid_derivative.derivative", PHI + r" + \frac{e^{-2000}}{1 + x^2}"),
    ("sigmoid_derivative.derivative", PHI + r" + e^{-1000}x"),
    ("sigmoid_derivative.derivative", PHI + r"\cdot(1 + e^{-1000})"),
    ("sigmoid_derivative.derivative", PHI + r"\cdot(1 + 10^{-300})"),
    ("sigmoid_derivative.at_zero", r"\frac{a}{4}(1 + e^{-700})"),
    # the derivative's definition, a limit of the difference quotient, restates the question
    ("sigmoid_derivative.derivative", r"\lim_{h \to 0} \frac{\varphi(x+h)-\varphi(x)}{h}"),
]

RIGHT = [
    ("sigmoid_derivative.derivative", PHI),
    ("sigmoid_derivative.derivative", r"\varphi'(x) = " + PHI),
    ("sigmoid_derivative.derivative", PHI + r" + H(x-5) - H(x-5)"),
    ("softmax_cross_entropy.softmax_derivative", SOFTMAX),
    ("softmax_cross_entropy.softmax_derivative", r"p_k \delta_{ki} - p_k p_i"),
    ("tanh_sigmoid.tanh_via_sigmoid", r"2\sigma(2x) - 1"),
    ("tanh_sigmoid.tanh_derivative", r"4\sigma(2x)\sigma(-2x)"),
    ("sigmoid_derivative.at_zero", r"\approx \frac{a}{4}"),
]


@pytest.mark.parametrize("target, answer", WRONG, ids=[a for _, a in WRONG])
def test_a_wrong_answer_is_never_correct(target, answer):
    result = grade_now(target, answer)
    assert result.verdict == "incorrect", result.feedback


@pytest.mark.parametrize("target, answer", RIGHT, ids=[a for _, a in RIGHT])
def test_right_answers_stay_correct(target, answer):
    result = grade_now(target, answer)
    assert result.verdict == "correct", result.feedback


def test_restating_the_question_says_so():
    feedback = grade_now("tanh_sigmoid.tanh_derivative", r"\tanh'(x)").feedback
    assert "still contains a derivative" in feedback and "work it out" in feedback
    # equal to tanh(x) (the double-angle formula), but tanh is what is to be replaced: the right value, wrong form
    in_tanh = grade_now("tanh_sigmoid.tanh_via_sigmoid", r"\frac{2\tanh(x/2)}{1 + \tanh^2(x/2)}")
    assert in_tanh.verdict == "wrong_form" and "without tanh" in in_tanh.feedback


def test_a_part_can_require_what_the_answer_is_written_in():
    problem = get_problem("tanh_sigmoid")
    sigma = next(iter(problem.definitions))
    part = replace(problem.part("tanh_via_sigmoid"), in_terms_of=(sigma,))
    written_out = read_answer(r"\frac{e^x - e^{-x}}{e^x + e^{-x}}", problem).value
    assert "in terms of σ" in restates_question(problem, part, written_out)
    assert restates_question(problem, part, read_answer(r"2\sigma(2x) - 1", problem).value) is None


HEAVY = PHI + r" + \sum_{k=1}^{9000} \frac{\varphi(x)}{k^2 + \varphi(x)^2} - \sum_{j=1}^{9000} \frac{\varphi(x)}{j^2 + \varphi(x)^2}"


@pytest.mark.parametrize("grader", [grade_now, grade], ids=["in this process", "through the worker"])
def test_a_timeout_is_undecided_never_invalid(grader):
    result = grader("sigmoid_derivative.derivative", HEAVY, timeout=0.05)
    assert result.verdict == "undecided" and "time limit" in result.feedback


def burn_in_c(seconds: float) -> int:
    """CPU work inside one C call, where no Python signal can interrupt it."""
    return sum(range(int(seconds * 4e7)))


def test_the_kernel_ends_a_task_that_overruns_its_cpu_limit_inside_c():
    with WorkerPool(1) as pool:
        (_, outcome), = list(pool.run(burn_in_c, [(60.0,)], 0.2))
        assert isinstance(outcome, Overrun) and "CPU time" in outcome.reason
        (_, again), = list(pool.run(burn_in_c, [(0.0,)], 1.0))  # a fresh worker took its place
        assert again == 0


def _burn(stop) -> None:
    while not stop.is_set():
        sum(range(10_000))


@pytest.mark.slow
def test_verdicts_are_the_same_on_a_busy_machine():
    rows = read_rows(DATA / "answers.csv")
    idle, _ = grade_rows(rows, jobs=2)
    stop = multiprocessing.get_context("fork").Event()
    burners = [multiprocessing.get_context("fork").Process(target=_burn, args=(stop,), daemon=True) for _ in range(2)]
    for burner in burners:
        burner.start()
    try:
        time.sleep(0.2)
        busy, _ = grade_rows(rows, jobs=2)
    finally:
        stop.set()
        for burner in burners:
            burner.join(timeout=5)
    assert [r["verdict"] for r in busy] == [r["verdict"] for r in idle]
    assert [r["feedback"] for r in busy] == [r["feedback"] for r in idle]


FUZZ_FOUND = [  # answers a grammar-based fuzzer produced that once ended in "could not decide (SomeError ...)"
    ("parameter_counts.lenet5_total", r"\sum_{j=1}^{K} \frac{x_i-k}{\sum_{j=1}^{K} \begin{pmatrix} \varphi(x) & 1 \end{pmatrix}}"),
    ("decision_boundary.weight_x2", r"\frac{W_1}{-\sum_{j=1}^{K} \begin{pmatrix} k & b_1 \end{pmatrix}}"),
    ("linear_collapse.bias", r"H(\frac{\frac{d}{dx}\alpha_1-0.5}{\frac{d}{dx}b_1 W_2})"),
    ("conv_output_size.s000_layer3", r"(\frac{\sum_{j=1}^{K} \begin{pmatrix} x_i & w_3 \end{pmatrix}}{\sigma(2x)})^{2}"),
    ("conv2d_pooling.average_pool", r"(\frac{d}{dx}\frac{d}{dx}\begin{pmatrix} \varphi(x) & p_i \end{pmatrix})^{0.5}"),
    ("linear_collapse.weight", r"-\frac{\frac{d}{dx}p_k/2}{\frac{d}{dx}(W_2)^{-1}}"),
    ("sigmoid_derivative.derivative", r"\sqrt{(1, 2)} + \floor"),
    ("linear_collapse.bias", r"H(\frac{d}{dx}(0.5\cdot p_k)^{3})"),
]


@pytest.mark.parametrize("target, answer", FUZZ_FOUND, ids=[a[:30] for _, a in FUZZ_FOUND])
def test_malformed_mathematics_gets_a_reason_not_a_crash(target, answer):
    result = grade_now(target, answer)
    assert result.verdict in ("invalid", "incorrect") and "could not decide (" not in result.feedback, result.feedback
