"""`derivs compare` on pairs written for it: algebra, calculus, identities, logarithms, roots,
equations, relations, tuples and matrices. Each expected verdict is worked out by hand.

Names are real unless a pair declares them (`positive` where an identity needs it, as ln(ab)).
"""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from derivs.compare import compare, compare_now

C, I, V = "correct", "incorrect", "invalid"
POS = {"a": "positive", "b": "positive", "x": "positive", "y": "positive"}

PAIRS = [
    # algebra
    ("x^2 - 1", "(x-1)(x+1)", C, None), ("(x+1)^2", "x^2 + 2x + 1", C, None), ("(x+1)^2", "x^2 + 1", I, None),
    ("(a+b)^3", "a^3 + 3a^2b + 3ab^2 + b^3", C, None), ("(a-b)^2", "a^2 - b^2", I, None), ("\\frac{x^2-1}{x-1}", "x+1", C, None),
    ("\\frac{1}{x} + \\frac{1}{y}", "\\frac{x+y}{xy}", C, None), ("\\frac{1}{x} + \\frac{1}{y}", "\\frac{2}{x+y}", I, None),
    ("\\frac{a}{b}\\cdot\\frac{b}{c}", "\\frac{a}{c}", C, None), ("2(x+3)", "2x + 6", C, None), ("2(x+3)", "2x + 3", I, None),
    ("x^2 x^3", "x^5", C, None), ("x^2 x^3", "x^6", I, None), ("(x^2)^3", "x^6", C, None), ("\\frac{x^5}{x^2}", "x^3", C, None),
    ("x^{-2}", "\\frac{1}{x^2}", C, None), ("\\frac{1}{2}", "0.5", C, None), ("\\frac{1}{3}", "0.333", I, None),
    ("0.25", "\\frac14", C, None), ("1.5", "\\frac{3}{2}", C, None), ("2^{10}", "1024", C, None), ("10^{-3}", "0.001", C, None),
    ("6.2\\times10^{-4}", "0.00062", C, None), ("1{,}154{,}560", "1154560", C, None), ("1,000,000", "10^6", C, None),
    ("\\frac{a+b}{2}", "\\frac{a}{2} + \\frac{b}{2}", C, None), ("\\frac{a+b}{c+d}", "\\frac{a}{c} + \\frac{b}{d}", I, None),
    ("x(1-x)", "x - x^2", C, None), ("-(a-b)", "b-a", C, None), ("-(a-b)", "a-b", I, None), ("3x - 2x", "x", C, None),
    ("\\frac{2x}{2}", "x", C, None), ("x + x + x", "3x", C, None), ("x \\cdot x", "x^2", C, None), ("|x|^2", "x^2", C, None),
    ("|x|", "x", I, None), ("|x|", "x", C, {"x": "positive"}), ("\\max(a, b)", "\\frac{a + b + |a - b|}{2}", C, None),
    ("\\min(a, b)", "\\frac{a + b - |a - b|}{2}", C, None), ("\\max(0, x)", "x", I, None), ("\\max(0,x)", "\\frac{x+|x|}{2}", C, None),
    ("n!", "n(n-1)!", C, {"n": "size"}), ("\\binom{n}{2}", "\\frac{n(n-1)}{2}", C, {"n": "size"}), ("\\binom{5}{2}", "10", C, None),
    ("\\lfloor 3.7 \\rfloor", "3", C, None), ("\\lceil 3.2 \\rceil", "4", C, None), ("\\lfloor x \\rfloor", "x", I, None),
    # exponentials and logarithms
    ("e^{a+b}", "e^a e^b", C, None), ("e^{a+b}", "e^a + e^b", I, None), ("e^{2x}", "(e^x)^2", C, None), ("e^{-x}", "\\frac{1}{e^x}", C, None),
    ("\\exp(x)", "e^x", C, None), ("e^-x", "\\frac{1}{e^{x}}", C, None), ("e^{\\ln x}", "x", C, POS), ("\\ln(e^x)", "x", C, None),
    ("\\ln(ab)", "\\ln a + \\ln b", C, POS), ("\\ln(ab)", "\\ln a \\cdot \\ln b", I, POS), ("\\ln\\frac{a}{b}", "\\ln a - \\ln b", C, POS),
    ("\\ln(x^2)", "2\\ln x", C, POS), ("\\ln(x^2)", "2\\ln x", I, None), ("\\log_2 8", "3", C, None), ("\\log_{10} 1000", "3", C, None),
    ("\\log_b x", "\\frac{\\ln x}{\\ln b}", C, {"x": "positive", "b": "2..5"}), ("\\ln 1", "0", C, None), ("\\ln e", "1", C, None),
    ("2^x", "e^{x \\ln 2}", C, None), ("\\sqrt{e^{2x}}", "e^x", C, None), ("\\frac{e^x}{e^x + 1}", "\\frac{1}{1 + e^{-x}}", C, None),
    ("\\frac{e^x - e^{-x}}{2}", "\\sinh x", C, None), ("\\frac{e^x + e^{-x}}{2}", "\\cosh x", C, None), ("\\ln(1+x)", "x", I, None),
    # roots
    ("\\sqrt{x^2}", "|x|", C, None), ("\\sqrt{x^2}", "x", I, None), ("\\sqrt{x^2}", "x", C, {"x": "positive"}), ("\\sqrt{4}", "2", C, None),
    ("\\sqrt{8}", "2\\sqrt{2}", C, None), ("\\sqrt{ab}", "\\sqrt a\\sqrt b", C, POS), ("\\sqrt{a+b}", "\\sqrt a + \\sqrt b", I, POS),
    ("x^{1/2}", "\\sqrt{x}", C, POS), ("\\sqrt[3]{27}", "3", C, None), ("\\sqrt[3]{x^3}", "x", C, POS), ("\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt2}{2}", C, None),
    ("x^\\frac12", "\\sqrt x", C, POS), ("\\sqrt3", "3^{1/2}", C, None), ("\\sqrt{2}", "1.414", I, None),
    # trigonometric and hyperbolic identities
    ("\\sin^2 x + \\cos^2 x", "1", C, None), ("\\cosh^2 x - \\sinh^2 x", "1", C, None), ("\\sin 2x", "2\\sin x\\cos x", C, None),
    ("\\cos 2x", "\\cos^2 x - \\sin^2 x", C, None), ("\\cos 2x", "1 - 2\\sin^2 x", C, None), ("\\cos 2x", "2\\cos x", I, None),
    ("\\tan x", "\\frac{\\sin x}{\\cos x}", C, None), ("\\sec^2 x", "1 + \\tan^2 x", C, None), ("\\csc x", "\\frac{1}{\\sin x}", C, None),
    ("\\cot x", "\\frac{\\cos x}{\\sin x}", C, None), ("\\sin(-x)", "-\\sin x", C, None), ("\\cos(-x)", "\\cos x", C, None),
    ("\\sin(x + y)", "\\sin x\\cos y + \\cos x\\sin y", C, None), ("\\sin(x+y)", "\\sin x + \\sin y", I, None),
    ("\\tanh x", "\\frac{e^{2x}-1}{e^{2x}+1}", C, None), ("\\tanh x", "2\\sigma(2x) - 1", C, None), ("1 - \\tanh^2 x", "\\sech^2 x", C, None),
    ("\\operatorname{sech} x", "\\frac{2}{e^x + e^{-x}}", C, None), ("\\csch x", "\\frac{1}{\\sinh x}", C, None), ("\\coth x", "\\frac{\\cosh x}{\\sinh x}", C, None),
    ("\\sinh(2x)", "2\\sinh x\\cosh x", C, None), ("\\arcsin(\\sin x)", "x", I, None), ("\\arcsin(\\sin x)", "x", C, {"x": "-1..1"}),
    ("\\sin^{-1}(x)", "\\arcsin x", C, {"x": "-0.9..0.9"}), ("\\tan^{-1}(1)", "\\frac{\\pi}{4}", C, None), ("\\sin\\frac{\\pi}{6}", "\\frac12", C, None),
    ("\\cos\\pi", "-1", C, None), ("\\sinh^{-1} x", "\\ln(x + \\sqrt{x^2+1})", C, None), ("\\tanh^{-1} x", "\\frac12\\ln\\frac{1+x}{1-x}", C, {"x": "-0.9..0.9"}),
    ("\\sigma(x)", "\\frac{1+\\tanh(x/2)}{2}", C, None), ("\\sigma(-x)", "1 - \\sigma(x)", C, None), ("\\sigma(x)(1-\\sigma(x))", "\\frac{e^{-x}}{(1+e^{-x})^2}", C, None),
    ("\\sigma(x)", "\\tanh(x)", I, None), ("\\sin^2 x", "\\sin x^2", I, None), ("\\sin x \\cos x", "\\frac{\\sin 2x}{2}", C, None),
    # calculus
    ("\\frac{d}{dx} x^3", "3x^2", C, None), ("\\frac{d}{dx} x^3", "x^2", I, None), ("\\frac{d}{dx}\\sin x", "\\cos x", C, None),
    ("\\frac{d}{dx} e^{2x}", "2e^{2x}", C, None), ("\\frac{d}{dx}\\ln x", "\\frac1x", C, POS), ("\\frac{d}{dx}\\tanh x", "1 - \\tanh^2 x", C, None),
    ("\\frac{d}{dx}\\sigma(x)", "\\sigma(x)(1-\\sigma(x))", C, None), ("\\frac{d^2}{dx^2} x^4", "12x^2", C, None),
    ("\\frac{\\partial}{\\partial x} x^2 y", "2xy", C, None), ("\\frac{\\partial}{\\partial y} x^2 y", "x^2", C, None),
    ("f'(x) g(x) + f(x) g'(x)", "\\frac{d}{dx}(f(x) g(x))", C, None), ("\\frac{d}{dx} f(2x)", "2f'(2x)", C, None),
    ("\\int_0^1 x^2 dx", "\\frac13", C, None), ("\\int_0^1 x\\, dx", "1", I, None), ("\\int_0^{\\pi} \\sin x\\, dx", "2", C, None),
    ("\\int_0^x t \\, dt", "\\frac{x^2}{2}", C, None), ("\\int_{1}^{e} \\frac{1}{t} dt", "1", C, None),
    ("\\lim_{x \\to 0} \\frac{\\sin x}{x}", "1", C, None), ("\\lim_{n \\to \\infty} (1 + \\frac{1}{n})^n", "e", C, None),
    ("\\lim_{x\\to\\infty} \\sigma(x)", "1", C, None), ("\\lim_{x\\to -\\infty} \\sigma(x)", "0", C, None), ("\\lim_{x \\to 0^+} \\ln x", "0", I, None),
    ("\\sum_{k=1}^{n} k", "\\frac{n(n+1)}{2}", C, None), ("\\sum_{k=1}^{n} k^2", "\\frac{n(n+1)(2n+1)}{6}", C, None),
    ("\\sum_{k=1}^{n} 1", "n", C, None), ("\\sum_{k=0}^{3} 2^k", "15", C, None), ("\\prod_{k=1}^{5} k", "120", C, None),
    ("\\sum_{k=1}^{n} (2k - 1)", "n^2", C, None), ("\\sum_{k=1}^{n} k", "n^2", I, None),
    # x_j under the sum is the j-th entry of a vector x, not one name x_j: the sum is not n times it
    ("\\sum_{j=1}^{n} x_j", "n x_j", I, None), ("\\sum_{j=1}^{n} 2x_j", "2\\sum_{k=1}^{n} x_k", C, None),
    ("\\sum_{j=1}^{n} x_j^2", "\\sum_{i=1}^{n} x_i x_i", C, None),
    # equations and relations (solution sets over the reals)
    ("x = 2", "2 = x", C, None), ("x = 2", "2", C, None), ("2x + 4 = 0", "x = -2", C, None), ("2x + 4 = 0", "x = 2", I, None),
    ("x^2 = 4", "x = 2", I, None), ("x^2 = 4", "x^2 - 4 = 0", C, None), ("x < 3", "3 > x", C, None), ("x \\le 3", "x < 3", I, None),
    ("2x < 6", "x < 3", C, None), ("-x < 3", "x > -3", C, None), ("-x < 3", "x < -3", I, None), ("x^2 \\le 1", "-1 \\le x \\le 1", C, None),
    ("x \\ne 0", "x \\neq 0", C, None), ("e^x = 1", "x = 0", C, None), ("x \\ge 0", "0 \\le x", C, None), ("|x| < 1", "-1 < x < 1", C, None),
    # tuples, vectors and matrices
    ("(1,2,3)", "[1, 2, 3]", C, None), ("(1,2,3)", "(1,3,2)", I, None), ("(1,2)", "(1,2,3)", I, None), ("(\\frac12, 1)", "(0.5, 1)", C, None),
    ("(x+x, 2)", "(2x, 2)", C, None), ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", C, None),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{pmatrix} 1 & 3 \\\\ 2 & 4 \\end{pmatrix}", I, None),
    ("2\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\begin{pmatrix} 2 \\\\ 4 \\end{pmatrix}", C, None),
    ("\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}", "-2", C, None), ("(AB)^T", "B^T A^T", C, None), ("(AB)^T", "A^T B^T", I, None),
    ("AB", "BA", I, {"A": "matrix", "B": "matrix"}), ("(A^T)^T", "A^{T^T}", V, None), ("A \\odot B", "B \\odot A", C, None),
    ("(A + B)^T", "A^T + B^T", C, None), ("A^T B", "(B^T A)^T", C, None),
    # what cannot be read
    ("x + 1", "x + ", V, None), ("x + 1", "x & 1", V, None), ("x + 1", "\\frac{x}{", V, None), ("x + 1", "I don't know", V, None),
]


@pytest.fixture(scope="module")
def outcomes():
    return [compare_now(gold, answer, variables) for gold, answer, _, variables in PAIRS]


def test_there_are_at_least_150_pairs():
    assert len(PAIRS) >= 150


def test_agreement_is_at_least_95_percent(outcomes):
    wrong = [(gold, answer, expected, got.verdict, got.feedback) for (gold, answer, expected, _), got in zip(PAIRS, outcomes) if got.verdict != expected]
    assert (len(PAIRS) - len(wrong)) / len(PAIRS) >= 0.95, wrong


def test_a_wrong_answer_is_never_called_correct(outcomes):
    false_positives = [(gold, answer) for (gold, answer, expected, _), got in zip(PAIRS, outcomes) if expected != C and got.verdict == C]
    assert not false_positives


def test_the_python_api_runs_in_a_worker_and_says_how_it_read_the_answer():
    result = compare(r"\frac{1}{1+e^{-x}}", r"\frac{e^x}{1+e^x}")
    assert result.verdict == "correct" and result.proved and result.interpreted


def test_the_cli_prints_json_and_exits_by_the_verdict():
    right = run_cli("compare", "x^2-1", "(x-1)(x+1)", "--json")
    assert right.returncode == 0 and json.loads(right.stdout)["verdict"] == "correct"
    wrong = run_cli("compare", "x^2", "-x^2")
    assert wrong.returncode == 1 and "incorrect" in wrong.stdout
    negative = run_cli("compare", "-x", "-x")
    assert negative.returncode == 0, negative.stderr
    declared = run_cli("compare", "x", "|x|", "--var", "x=0..5")
    assert declared.returncode == 0, declared.stdout
    unreadable = run_cli("compare", "\\frac{1}{", "x")
    assert unreadable.returncode == 2 and "gold answer cannot be read" in unreadable.stderr
    bad_var = run_cli("compare", "x", "x", "--var", "x=sometimes")
    assert bad_var.returncode == 2 and "--var" in bad_var.stderr


def test_a_sums_subscripted_names_are_a_vectors_entries():
    """Σ_j x_j is x_1 + ... + x_n (not n·x_j), and the index's letter does not matter."""
    from derivs.compare import compare_now
    assert compare_now("\\sum_{j=1}^{n} x_j", "n x_j").verdict == "incorrect"
    assert compare_now("\\sum_{j=1}^{n} 2x_j", "2\\sum_{k=1}^{n} x_k").verdict == "correct"
    assert compare_now("\\sum_{j=1}^{n} x_j^2", "\\sum_{i=1}^{n} x_i x_i").verdict == "correct"
    # a subscript with a condition (x_{k=j}: the entry where k = j) is refused with a reason, not misread as a name
    refused = compare_now("1", "\\sum_{j=1}^{n} x_{k=j}")
    assert refused.verdict == "invalid" and "subscript with a condition" in refused.feedback


def test_infinities_are_compared_as_numbers():
    """oo - oo is not a number, so sameness is decided first; oo against -oo or 5 is a difference."""
    from derivs import compare

    assert compare(r"\infty", r"\infty").verdict == "correct"
    assert compare(r"\infty", r"-\infty").verdict == "incorrect"
    assert compare(r"\infty", "5").verdict == "incorrect"
    assert compare(r"10\%", "0.1").verdict == "correct"


@pytest.mark.parametrize("antiderivative,integral,verdict", [
    ("x^2 + C", r"\int 2x\,dx", "correct"),  # d/dx x^2 = 2x
    ("x^2 + 5", r"\int 2x\,dx", "correct"),  # any constant
    (r"\sin x + K", r"\int \cos x\,dx", "correct"),
    (r"-\frac{1}{2}e^{-2t} + C", r"\int e^{-2t}\,dt", "correct"),  # d/dt: e^{-2t}
    ("x^3 + C", r"\int 2x\,dx", "incorrect"),  # 3x^2, not 2x
    ("2x", r"\int 2x\,dx", "incorrect"),  # the integrand itself
    (r"\frac{1}{2}e^{-2t} + C", r"\int e^{-2t}\,dt", "incorrect"),  # the sign of the chain-rule factor
    ("1", r"\int_0^1 2x\,dx", "correct"),  # a definite integral is a number: no constant
])
def test_an_indefinite_integral_is_its_antiderivatives_up_to_a_constant(antiderivative, integral, verdict):
    assert compare(antiderivative, integral).verdict == verdict
    assert compare(integral, antiderivative).verdict == verdict
