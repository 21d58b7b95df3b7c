"""'read as' echoes the student's own notation, parsed and printed back: the names a problem gives meanings
stay names, decimals stay as written, an equation stays an equation; a reading that departs from what
was probably meant is said."""

from __future__ import annotations

import pytest

from derivs.compare import compare_now
from derivs.grading import grade_now


@pytest.mark.parametrize(("target", "answer", "shown", "not_shown"), [
    ("softmax_cross_entropy.cross_entropy_gradient", "-(y_i - p_i)", "p_{i} - y_{i}", "e^{"),  # issue 25: it showed the softmax expanded
    ("softmax_shift.shifted", r"S(\mathbf{x})_i", "S(x)_{i}", "e^{"),
    ("logistic_output.weight_gradient", r"(\hat y - t)\hat y(1 - \hat y)x_i", r"\hat{y}", r"\sigma"),
    ("two_layer_backprop.hidden_slope", r"\alpha_1(1 - \alpha_1)", r"\alpha_{1} (1 - \alpha_{1})", r"\sigma"),
    ("backprop_by_hand.gradient", r"\frac{\partial L}{\partial w_3} \approx 0.0006", r"\approx 0.0006", r"\frac{3}{5000}"),
    ("sigmoid_derivative.derivative", r"\varphi'(x) = a\varphi(x)(1-\varphi(x))", r"= a \varphi(x) (1 - \varphi(x))", "e^{"),
])
def test_read_as_is_the_students_notation(target, answer, shown, not_shown):
    result = grade_now(target, answer, timeout=10)
    assert shown in result.interpreted and not_shown not in result.interpreted, result.interpreted


def test_a_bracketless_argument_is_read_as_tex_does_and_said():
    result = grade_now("tanh_sigmoid.tanh_derivative", r"1-\tanh x^2")
    assert result.interpreted == r"1 - \tanh(x^{2})" and "what was typed means tanh(x^2)" in result.reading_notes


def test_compare_shows_an_equation_as_an_equation():
    result = compare_now("x^2 = 4", "x = 2")
    assert result.interpreted == "x = 2" and result.verdict == "incorrect"
    assert compare_now("x^2 = 4", r"x^2 \le 4").interpreted == r"x^{2} \le 4"
