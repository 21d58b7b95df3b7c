"""LaTeX as students write it -> the problem's own sympy objects (GOOD_PAIRS), and what is refused (BAD_STRINGS).

Expected expressions are written by hand in sympy, from the mathematics of each notation.
"""

from __future__ import annotations

import pytest
import sympy
from sympy import Heaviside, Max, Sum, exp, log, sign, tanh

from derivs import get_problem
from derivs.parsing import MAX_LENGTH, LatexError, ShapeMismatch, parse_latex

SIGMOID = get_problem("sigmoid_derivative")
TANH = get_problem("tanh_sigmoid")
SOFTMAX = get_problem("softmax_shift")
LINEAR = get_problem("linear_collapse")
RELU = get_problem("relu_heaviside")


def symbol(problem, name):
    """The problem's own symbol of that name (with its assumptions), from its declared variables."""
    return next(v.symbol for v in problem.variables if getattr(v, "symbol", None) is not None and v.symbol.name == name)


x, a = symbol(SIGMOID, "x"), symbol(SIGMOID, "a")
phi = next(iter(SIGMOID.definitions))
sigma = next(iter(TANH.definitions))
xt = symbol(TANH, "x")
xr = symbol(RELU, "x")
K = symbol(SOFTMAX, "K")
i = symbol(SOFTMAX, "i")
c = symbol(SOFTMAX, "c")
xv = sympy.IndexedBase("x", real=True)
j = sympy.Symbol("j")
W1, W2, b1, b2 = (LINEAR.names[n] for n in ("W_1", "W_2", "b_1", "b_2"))
CROSS = get_problem("softmax_cross_entropy")
NETWORK = get_problem("sigmoid_tanh_network")
LOGISTIC = get_problem("logistic_output")
kc, ic = symbol(CROSS, "k"), symbol(CROSS, "i")
kn, jn, i_n, M = symbol(NETWORK, "k"), symbol(NETWORK, "j"), symbol(NETWORK, "i"), symbol(NETWORK, "M")
omega1, omega2 = NETWORK.names["omega^(1)"], NETWORK.names["omega^(2)"]
z = symbol(LOGISTIC, "z")

GOOD_PAIRS = [
    (SIGMOID, r"a\varphi(x)(1-\varphi(x))", a * phi(x) * (1 - phi(x))),
    (SIGMOID, r"a \cdot \varphi(x) \cdot \left(1 - \varphi(x)\right)", a * phi(x) * (1 - phi(x))),
    (SIGMOID, r"\frac{a e^{-ax}}{(1+e^{-ax})^2}", a * exp(-a * x) / (1 + exp(-a * x)) ** 2),
    (SIGMOID, r"\exp(-a\,x)", exp(-a * x)),
    (SIGMOID, r"0.5x", x / 2),
    (SIGMOID, r"a/4", a / 4),
    (SIGMOID, r"\varphi^2(x)", phi(x) ** 2),
    (SIGMOID, r"\varphi(x)^2", phi(x) ** 2),
    (SIGMOID, r"\frac{d}{dx}\varphi(x)", sympy.Derivative(phi(x), x)),
    (SIGMOID, r"\frac{d\varphi}{dx}", sympy.Derivative(phi(x), x)),
    (SIGMOID, r"\varphi'(x)", sympy.Derivative(phi(x), x)),
    (SIGMOID, r"\lim_{x \to \infty} \varphi(x)", sympy.Limit(phi(x), x, sympy.oo, "-")),
    (TANH, r"\sigma(3x)", sigma(3 * xt)),
    (TANH, r"2\sigma\left(2x\right) - 1", 2 * sigma(2 * xt) - 1),
    (TANH, r"\tanh^2(x)", tanh(xt) ** 2),
    (TANH, r"\tanh(x)^2", tanh(xt) ** 2),
    (TANH, r"\cosh(x)", sympy.cosh(xt)),
    (TANH, r"\ln(x)", log(xt)),
    (TANH, r"\log(x)", log(xt)),
    (RELU, r"H(x-1)", Heaviside(xr - 1)),
    (RELU, r"xH(x)", xr * Heaviside(xr)),
    (RELU, r"|x|", sympy.Abs(xr)),
    (RELU, r"\max(0,x)", Max(0, xr)),
    (RELU, r"\max\{0, x\}", Max(0, xr)),
    (RELU, r"\operatorname{sgn}(x)", sign(xr)),
    (RELU, r"\operatorname{sign}(x)", sign(xr)),
    (RELU, r"\int_{-\infty}^{x} H(t)\, dt", sympy.Integral(Heaviside(symbol(RELU, "t")), (symbol(RELU, "t"), -sympy.oo, xr))),
    (SOFTMAX, r"\sum_{j=1}^{K} e^{x_j}", Sum(exp(xv[j]), (j, 1, K))),
    (SOFTMAX, r"\sum_j e^{x_{j}}", Sum(exp(xv[j]), (j, 1, K))),
    (SOFTMAX, r"\frac{e^{x_i + c}}{\sum_{j} e^{x_j + c}}", exp(xv[i] + c) / Sum(exp(xv[j] + c), (j, 1, K))),
    (SOFTMAX, r"x_1 - x_2", xv[1] - xv[2]),
    (LINEAR, r"W_2 W_1", W2 * W1),
    (LINEAR, r"W_{2}W_{1}", W2 * W1),
    (LINEAR, r"W_2 b_1 + b_2", W2 * b1 + b2),
    (LINEAR, r"W_1^T", W1.T),
    (LINEAR, r"W_1^{\top}", W1.T),
    (LINEAR, r"(W_1^T W_2^T)^T", (W1.T * W2.T).T),
    (CROSS, r"1\{k=i\}", sympy.KroneckerDelta(kc, ic)),
    (CROSS, r"\mathbb{1}\{k = i\}", sympy.KroneckerDelta(kc, ic)),
    (CROSS, r"\mathbb{1}_{k=i}", sympy.KroneckerDelta(kc, ic)),
    (CROSS, r"\delta_{ki}", sympy.KroneckerDelta(kc, ic)),
    (CROSS, r"\delta_{k,i}", sympy.KroneckerDelta(kc, ic)),
    (CROSS, r"2 - 1\{k=2\}", 2 - sympy.KroneckerDelta(kc, 2)),
    (NETWORK, r"\omega^{(2)}_{kj}", omega2[kn, jn]),
    (NETWORK, r"w_{ji}^{(1)}", omega1[jn, i_n]),
    (NETWORK, r"\omega^{(2)}_{k0}", omega2[kn, 0]),
    (NETWORK, r"\frac12 \sum_j \omega^{(2)}_{kj}", Sum(omega2[kn, jn], (jn, 1, M)) / 2),
    (SIGMOID, r"\frac1{4}", sympy.Rational(1, 4)),
    (LOGISTIC, r"\hat y", LOGISTIC.names["y"]),
    (LOGISTIC, r"\sigma(z)", LOGISTIC.names["sigma"](z)),
    # as sympy's own printer writes them, so an answer pasted from a key reads back
    (TANH, r"4 \left(1 - \sigma{\left(2 x \right)}\right) \sigma{\left(2 x \right)}", 4 * (1 - sigma(2 * xt)) * sigma(2 * xt)),
    (SOFTMAX, r"{x}_{1} - {x}_{2}", xv[1] - xv[2]),
    (NETWORK, r"\frac{{\omega^{(1)}}_{j,i}}{2}", omega1[jn, i_n] / 2),
    (SOFTMAX, r"e^{\mathbf{x}_i}", exp(xv[i])),
    # a prime after brackets: the derivative in the one variable they hold
    (TANH, r"\left(\tanh(x)\right)'", sympy.Derivative(tanh(xt), xt)),
    (TANH, r"(x^3)''", sympy.Derivative(xt ** 3, (xt, 2))),
]


@pytest.mark.parametrize("problem, text, expected", GOOD_PAIRS, ids=[t for _, t, _ in GOOD_PAIRS])
def test_good_pairs(problem, text, expected):
    parsed = parse_latex(text, problem)
    assert parsed.free_symbols == expected.free_symbols  # the problem's symbols, same assumptions
    assert parsed == expected or sympy.simplify((parsed - expected).doit()) == 0


def test_matrix_products_keep_their_order():
    """W_1 is n1 x n0 and W_2 is n2 x n1: W_2 W_1 is defined, W_1 W_2 is not (its shapes are checked before any value)."""
    assert parse_latex("W_2 W_1", LINEAR) == W2 * W1
    with pytest.raises(ShapeMismatch, match="n0.*n2.*wrong order"):
        parse_latex("W_1 W_2", LINEAR)


def test_named_functions_are_applications_not_products():
    parsed = parse_latex(r"\sigma(3x)", TANH)
    assert parsed == sigma(3 * xt)
    assert not parsed.is_Mul


BAD_STRINGS = [
    ("x)", "nothing to close", 1),
    ("(x", "never closed", 0),
    (r"\frac{a}{4", "never closed", 8),
    (r"\tanh(x/2}", "closed by", 5),
    ("", "empty", None),
    ("   ", "empty", None),
    (r"\foo(x)", r"unknown command \foo", 0),
    ("x" * (MAX_LENGTH + 1), "characters long", None),
    (r"2^{2^{2^{2^{100}}}}", "digits", None),
    (r"10^{10^{10}}!", "digits", None),
    ("__import__('os').system('ls')", "read as the product", None),
    ("(" * 4000 + "x" + ")" * 4000, "nested", None),
    (r"\delta_k", "two indices", 0),
    ("(x y)'", "one variable", 5),
]


@pytest.mark.parametrize("text, message, position", BAD_STRINGS, ids=[repr(t[:20]) for t, _, _ in BAD_STRINGS])
def test_bad_strings(text, message, position):
    with pytest.raises(LatexError) as caught:
        parse_latex(text, SIGMOID)
    assert message in str(caught.value)
    if position is not None:
        assert caught.value.position == position
        assert "^" in str(caught.value)  # the caret points at the spot


def test_a_name_the_problem_does_not_know_is_a_clear_error_for_matrices():
    with pytest.raises(LatexError, match="not one of this problem's matrices"):
        parse_latex("Q_1 W_1", LINEAR)


def test_a_problems_function_of_several_values_takes_them_all():
    sizes = get_problem("conv_output_size")
    out = next(f for f in sizes.definitions if str(f) == "out")
    # out(n, k, p, s, d): n = 8, k = 5, p = 2, s = 1, d = 2 -> floor((8 + 4 - 8 - 1) / 1) + 1 = 4
    reading = parse_latex(r"\operatorname{out}\left(8,5,2,1,2\right)", sizes)
    assert reading == out(8, 5, 2, 1, 2) and sizes.expand_definitions(reading) == 4
    with pytest.raises(LatexError, match="out takes 5 arguments, not 2"):
        parse_latex(r"\operatorname{out}(8, 5)", sizes)
    with pytest.raises(LatexError, match="takes one argument"):
        parse_latex(r"\sigma(x, y)", TANH)


def test_names_written_with_braces_are_the_problems_own_symbols():
    network = get_problem("two_layer_backprop")
    reading = parse_latex(r"W^{(1)}_{11} x_{1} + f^{(2)}_1 + x_1", network)
    own = {s.name: s for s in sympy.sympify(network.claims[0].lhs).free_symbols | sympy.sympify(network.claims[2].lhs).free_symbols}
    assert reading == own["W^{(1)}_{11}"] * own["x_{1}"] + own["f^{(2)}_{1}"] + own["x_{1}"]


def test_an_evaluation_bar_puts_the_value_in():
    assert parse_latex(r"\left. x^2 + 1 \right|_{x=3}") == 10  # 3^2 + 1
    assert parse_latex(r"\left.\frac{d}{dx} x^3 \right|_{x=2}").doit() == 12  # 3 x^2 at 2
    assert parse_latex(r"\left. x y \right|_{x=1, y=2}") == 2
    assert parse_latex(r"\left. \sin(x) \right|_{x=0}") == 0
    with pytest.raises(LatexError, match="x = a"):
        parse_latex(r"\left. x^2 \right|_{3}")
    with pytest.raises(LatexError, match="not defined"):
        parse_latex(r"\left. \frac{1}{x} \right|_{x=0}")
    with pytest.raises(LatexError, match="once"):
        parse_latex(r"\left. x \right|_{x=1, x=2}")
