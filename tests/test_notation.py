"""The students' dialect, row by row: LaTeX in, the intended sympy expression out (written by hand).

Each row of the README's notation table is a row here (test_readme_table_rows_are_tested).
Rows are read in a free context: every name a real symbol, so the expected values are written
with real symbols too. Expected values are sympy's own syntax, parsed by sympy, never by derivs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sympy
from sympy import Function, Symbol

from derivs.parsing import Context, LatexError, read

NAMES = "a b c d g h i j k m n p q r s t u v w x y z A B C K N W X Y alpha beta gamma delta epsilon theta mu sigma tau phi varphi omega psi".split()
REAL = {name: Symbol(name, real=True) for name in NAMES}
LOCALS = {**REAL, "f": Function("f"), "F": Function("F"), "E": sympy.E, "lam": Symbol("lambda", real=True)}


def S(text: str):
    """A hand-written expectation in sympy's syntax, over real symbols."""
    return sympy.sympify(text, locals=LOCALS, rational=True)


def sym(name: str):
    return Symbol(name, real=True)


x, y, a, b, n, k, t, z, c = (REAL[v] for v in "x y a b n k t z c".split())
f = Function("f")
_n = Symbol("n_{matrix}", integer=True, positive=True)
A, B, W = (sympy.MatrixSymbol(name, _n, _n) for name in "ABW")
W1, W2 = sympy.MatrixSymbol("W_1", _n, _n), sympy.MatrixSymbol("W_2", _n, _n)
sigma_ = sympy.Lambda(Symbol("u"), 1 / (1 + sympy.exp(-Symbol("u"))))

ROWS = [
    # numbers
    ("3", S("3")), ("0.5", S("1/2")), (".25", S("1/4")), ("3.0", S("3")), ("-7", S("-7")), ("+7", S("7")),
    ("1{,}154{,}560", S("1154560")), ("61\\,706", S("61706")), ("1,154,560", S("1154560")), ("7{,}296", S("7296")),
    ("61 706", S("61706")), ("1 000 000", S("1000000")), ("2 3", S("6")), ("2 \\cdot 100 + 3", S("203")),
    ("6.2\\times10^{-4}", S("62/100000")), ("6.2 \\cdot 10^{-4}", S("62/100000")), ("1.5 \\times 10^{3}", S("1500")),
    ("10^{-25}", S("1/10**25")), ("2^{10}", S("1024")), ("2^10", S("1024")), ("0.0006", S("6/10000")),
    ("-0.9900", S("-99/100")), ("6e-4", S("6/10000")), ("{\\rm e}^x", S("exp(x)")), ("\\max\\lbrace 0, x \\rbrace", S("Max(0, x)")),
    ("f^{\\prime}(x)", sympy.Derivative(f(x), x)), ("f^{\\prime\\prime}(x)", sympy.Derivative(f(x), (x, 2))), ("f^{ ' }(x)", sympy.Derivative(f(x), x)), ("f^{''}(x)", sympy.Derivative(f(x), (x, 2))), ("1.5E3", S("1500")), ("2e-x", S("2*E - x")), ("3e2x", S("6*E*x")), ("1111/10000", S("1111/10000")), ("42.", S("42")), ("42,", S("42")),
    # arithmetic and implicit products
    ("x+y", S("x+y")), ("x-y", S("x-y")), ("x - -y", S("x+y")), ("2x", S("2*x")), ("2 x y", S("2*x*y")), ("xy", S("x*y")),
    ("x \\cdot y", S("x*y")), ("x \\times y", S("x*y")), ("x*y", S("x*y")), ("x \\ast y", S("x*y")), ("x/y", S("x/y")),
    ("x \\div y", S("x/y")), ("1/2x", S("x/2")), ("a/b/c", S("a/b/c")), ("2(x+1)", S("2*(x+1)")), ("(x+1)(x-1)", S("(x+1)*(x-1)")),
    ("x(1-x)", S("x*(1-x)")), ("-x^2", S("-x**2")), ("(-x)^2", S("x**2")), ("2 \\cdot -3", S("-6")), ("-(x+y)", S("-x-y")),
    ("[x+1]", S("x+1")), ("\\{x+1\\}", S("x+1")), ("{x+1}", S("x+1")), ("3!", S("6")), ("n!", S("factorial(n)")),
    ("(n+1)!", S("factorial(n+1)")), ("a b c", S("a*b*c")), ("2\\pi r", S("2*pi*r")), ("\\pi", sympy.pi), ("\\infty", sympy.oo),
    ("-\\infty", -sympy.oo), ("e", sympy.E), ("e^x", S("exp(x)")), ("e^{x}", S("exp(x)")), ("\\mathrm{e}^{x}", S("exp(x)")),
    # fractions
    ("\\frac{a}{b}", S("a/b")), ("\\frac12", S("1/2")), ("\\frac 1 2", S("1/2")), ("\\frac x2", S("x/2")), ("\\frac1{n}", S("1/n")),
    ("\\frac{1}{2}x", S("x/2")), ("\\dfrac{a}{b}", S("a/b")), ("\\tfrac{a}{b}", S("a/b")), ("\\cfrac{1}{1+x}", S("1/(1+x)")),
    ("{a \\over b}", S("a/b")), ("{1 \\over 1+x}", S("1/(1+x)")), ("{x + 1} \\over {2}", S("(x + 1)/2")), ("{{a \\over b} \\over c}", S("a/(b*c)")), ("\\frac{\\frac{1}{x}}{y}", S("1/(x*y)")),
    ("\\frac{x+1}{x-1}", S("(x+1)/(x-1)")), ("\\frac{1}{1+e^{-x}}", S("1/(1+exp(-x))")), ("\\frac{e^x}{1+e^x}", S("exp(x)/(1+exp(x))")),
    ("\\frac{2}{3}\\cdot\\frac{3}{4}", S("1/2")), ("\\frac\\pi2", S("pi/2")), ("\\frac{a}{b}\\frac{c}{d}", S("a*c/(b*d)")),
    # powers and roots
    ("x^2", S("x**2")), ("x^{10}", S("x**10")), ("x^{-1}", S("1/x")), ("x^{1/2}", S("sqrt(x)")), ("x^\\frac12", S("sqrt(x)")),
    ("x^{y^z}", S("x**(y**z)")), ("x^2y", S("x**2*y")), ("e^-ax", S("exp(-a*x)")), ("e^-x", S("exp(-x)")), ("e^-2x", S("exp(-2*x)")),
    ("e^{-ax}", S("exp(-a*x)")), ("e^{x^2}", S("exp(x**2)")), ("2^{-3}", S("1/8")), ("(x+1)^2", S("(x+1)**2")), ("x^{2}^{}", None),
    ("\\sqrt{x}", S("sqrt(x)")), ("\\sqrt3", S("sqrt(3)")), ("\\sqrt x", S("sqrt(x)")), ("\\sqrt{x^2+1}", S("sqrt(x**2+1)")),
    ("\\sqrt[3]{x}", S("x**(1/3)")), ("\\sqrt[3]{8}", S("2")), ("\\sqrt{\\frac{a}{b}}", S("sqrt(a/b)")), ("x^{0.5}", S("x**(1/2)")),
    ("\\exp(x)", S("exp(x)")), ("\\exp\\{x\\}", S("exp(x)")), ("\\exp(-a\\,x)", S("exp(-a*x)")), ("\\exp x", S("exp(x)")),
    ("\\exp\\left(-\\frac{x^2}{2}\\right)", S("exp(-x**2/2)")),
    # logarithms
    ("\\ln x", S("log(x)")), ("\\ln(x)", S("log(x)")), ("\\log x", S("log(x)")), ("\\log(x)", S("log(x)")), ("\\log_2 8", S("3")),
    ("\\log_{10}(x)", S("log(x, 10)")), ("\\log_{b} x", S("log(x)/log(b)")), ("\\ln x + 1", S("log(x)+1")), ("\\ln(ab)", S("log(a*b)")),
    ("\\ln\\frac{a}{b}", S("log(a/b)")), ("\\ln|x|", S("log(Abs(x))")), ("\\ln 2", S("log(2)")),
    # trigonometric and hyperbolic functions, and their inverses
    ("\\sin x", S("sin(x)")), ("\\cos x", S("cos(x)")), ("\\tan x", S("tan(x)")), ("\\cot x", S("cot(x)")), ("\\sec x", S("sec(x)")),
    ("\\csc x", S("csc(x)")), ("\\sinh x", S("sinh(x)")), ("\\cosh x", S("cosh(x)")), ("\\tanh x", S("tanh(x)")),
    ("\\coth x", S("coth(x)")), ("\\sech x", S("sech(x)")), ("\\csch x", S("csch(x)")), ("\\operatorname{sech}(x)", S("sech(x)")),
    ("\\text{sech}(x)", S("sech(x)")), ("\\mathrm{sech}(x)", S("sech(x)")), ("\\operatorname{csch}(x)", S("csch(x)")),
    ("\\arcsin x", S("asin(x)")), ("\\arccos x", S("acos(x)")), ("\\arctan x", S("atan(x)")), ("\\operatorname{arccot}(x)", S("acot(x)")),
    ("\\sin^{-1}(x)", S("asin(x)")), ("\\cos^{-1} x", S("acos(x)")), ("\\tan^{-1}(x)", S("atan(x)")), ("\\sinh^{-1} x", S("asinh(x)")),
    ("\\cosh^{-1}(x)", S("acosh(x)")), ("\\tanh^{-1}(x)", S("atanh(x)")), ("\\operatorname{arsinh}(x)", S("asinh(x)")),
    ("\\operatorname{artanh}(x)", S("atanh(x)")), ("\\operatorname{atan}{\\left(x \\right)}", S("atan(x)")),
    ("\\sin^2 x", S("sin(x)**2")), ("\\sin^2(x)", S("sin(x)**2")), ("\\sin(x)^2", S("sin(x)**2")), ("\\sin x^2", S("sin(x**2)")),
    ("\\tanh x^2", S("tanh(x**2)")), ("\\sin 2x", S("sin(2*x)")), ("\\sin x \\cos x", S("sin(x)*cos(x)")),
    ("2\\sin(x)\\cos(x)", S("2*sin(x)*cos(x)")), ("\\cos^2 x - \\sin^2 x", S("cos(x)**2 - sin(x)**2")), ("\\tanh^2(x)", S("tanh(x)**2")),
    ("1-\\tanh^2(x)", S("1-tanh(x)**2")), ("\\sin(\\pi/2)", S("1")), ("\\cos\\left(\\frac{x}{2}\\right)", S("cos(x/2)")),
    ("\\sin{x}", S("sin(x)")), ("\\tanh\\frac{x}{2}", S("tanh(x/2)")), ("\\tanh{\\left(x \\right)}", S("tanh(x)")),
    ("sin(x)", S("sin(x)")), ("exp(-x)", S("exp(-x)")), ("tanh(x)", S("tanh(x)")), ("sqrt(x)", S("sqrt(x)")), ("ln(x)", S("log(x)")),
    # the course's functions
    ("\\sigma(x)", sigma_(x)), ("\\sigma(2x)", sigma_(2 * x)), ("\\operatorname{sigmoid}(x)", sigma_(x)), ("σ(x)", sigma_(x)),
    ("H(x)", S("Heaviside(x)")), ("H(x-1)", S("Heaviside(x-1)")), ("\\operatorname{ReLU}(x)", S("Max(0, x)")), ("\\mathop{\\rm max}(0, x)", S("Max(0, x)")),
    ("\\text{ReLU}(x)", S("Max(0, x)")), ("\\mathrm{ReLU}(x)", S("Max(0, x)")), ("\\operatorname{relu}(x)", S("Max(0, x)")),
    ("\\max(0,x)", S("Max(0, x)")), ("\\max\\{0, x\\}", S("Max(0, x)")), ("\\max(a, b, c)", S("Max(a, b, c)")),
    ("\\min(a,b)", S("Min(a, b)")), ("\\min\\{a, b\\}", S("Min(a, b)")), ("\\operatorname{sgn}(x)", S("sign(x)")),
    ("\\operatorname{sign}(x)", S("sign(x)")), ("\\mathrm{sgn}(x)", S("sign(x)")), ("\\operatorname{erf}(x)", S("erf(x)")),
    # absolute values, norms, floor, ceiling, binomials
    ("|x|", S("Abs(x)")), ("|x-1|", S("Abs(x-1)")), ("\\lvert x \\rvert", S("Abs(x)")), ("\\left| x \\right|", S("Abs(x)")),
    ("\\left\\lvert x \\right\\rvert", S("Abs(x)")), ("|x||y|", S("Abs(x)*Abs(y)")), ("2|x|", S("2*Abs(x)")), ("\\|x\\|", S("Abs(x)")),
    ("\\|(3, 4)\\|", S("5")), ("\\left\\|(3,4)\\right\\|", S("5")), ("\\|v\\|_2", S("Abs(v)")), ("||v||^2_2", S("Abs(v)**2")),
    ("\\|(3, 4)\\|_2", S("5")), ("\\lfloor x \\rfloor", S("floor(x)")), ("\\lceil x \\rceil", S("ceiling(x)")),
    ("\\left\\lfloor \\frac{n}{2} \\right\\rfloor", S("floor(n/2)")), ("\\left\\lceil \\frac{n}{2} \\right\\rceil", S("ceiling(n/2)")),
    ("\\lfloor 7/2 \\rfloor", S("3")), ("⌊x⌋", S("floor(x)")), ("\\binom{n}{k}", S("binomial(n, k)")), ("\\binom{5}{2}", S("10")),
    ("\\dbinom{5}{2}", S("10")),
    # derivatives
    ("\\frac{d}{dx} x^2", sympy.Derivative(x**2, x)), ("{d \\over dx} x^2", sympy.Derivative(x**2, x)), ("\\frac{d}{dx}\\left(x^2\\right)", sympy.Derivative(x**2, x)),
    ("\\frac{d}{dx}(x^2 + 1)", sympy.Derivative(x**2 + 1, x)), ("\\frac{dy}{dx}", sympy.Derivative(y, x)),
    ("\\frac{d^2}{dx^2} x^3", sympy.Derivative(x**3, (x, 2))), ("\\frac{d^{2}}{dx^{2}} x^3", sympy.Derivative(x**3, (x, 2))), ("\\frac{d^2 y}{dx^2}", sympy.Derivative(y, (x, 2))),
    ("\\frac{\\partial}{\\partial x} x y", sympy.Derivative(x * y, x)), ("\\frac{\\part}{\\part x} x y", sympy.Derivative(x * y, x)), ("\\frac{\\partial f}{\\partial x}", sympy.Derivative(REAL["y"] * 0 + Symbol("f", real=True), x)),
    ("\\frac{\\mathrm{d}}{\\mathrm{d}x} x^2", sympy.Derivative(x**2, x)), ("\\frac{d}{dt} e^{t}", sympy.Derivative(sympy.exp(t), t)),
    # the physics package's \\dv and \\pdv (and the derivative package's \\odv): the same fractions
    ("\\dv{x} x^2", sympy.Derivative(x**2, x)), ("\\dv{y}{x}", sympy.Derivative(y, x)), ("\\dv[2]{x} x^3", sympy.Derivative(x**3, (x, 2))),
    ("\\pdv{x} x y", sympy.Derivative(x * y, x)), ("\\odv{x}(x^2 + 1)", sympy.Derivative(x**2 + 1, x)), ("\\dv*{t} e^{t}", sympy.Derivative(sympy.exp(t), t)), ("\\pfrac{x y}{x}", sympy.Derivative(x * y, x)),
    ("f'(x)", sympy.Derivative(f(x), x)), ("f''(x)", sympy.Derivative(f(x), (x, 2))), ("f(x)", f(x)), ("g(t)", Function("g")(t)),
    ("\\varphi(x)", Function("varphi")(x)), ("\\varphi'(x)", sympy.Derivative(Function("varphi")(x), x)),
    ("f'(0)", sympy.Subs(sympy.Derivative(f(Symbol("u")), Symbol("u")), Symbol("u"), 0)), ("\\tanh'(x)", sympy.Derivative(sympy.tanh(x), x)),
    ("\\frac{d}{dx}\\tanh(x)", sympy.Derivative(sympy.tanh(x), x)), ("\\frac{d\\sigma}{dx}", sympy.Derivative(sigma_(x), x)),
    # sums, products, integrals, limits
    ("\\sum_{k=1}^{n} k", sympy.Sum(k, (k, 1, n))), ("\\sum_{k=1}^n k^2", sympy.Sum(k**2, (k, 1, n))),
    ("\\sum_{i=0}^{3} i", S("6")), ("\\sum\\limits_{k=1}^{n} k", sympy.Sum(k, (k, 1, n))),
    # an equation editor's (MathType's) \mathop around a big operator is that operator
    ("\\mathop \\sum \\limits_{k = 1}^{ {n} } k", sympy.Sum(k, (k, 1, n))), ("\\mathop{\\sum}\\limits_{k=1}^{n} k", sympy.Sum(k, (k, 1, n))),
    # a range written as inequalities in the subscript: from 1 to n; skip-gram's window leaves j = 0 out (whose j^2 is 0)
    ("\\sum_{1 \\le k \\le n} k", sympy.Sum(k, (k, 1, n))), ("\\sum_{1 \\le k < n} k", sympy.Sum(k, (k, 1, n - 1))),
    ("\\sum_{-m \\le j \\le m, j \\ne 0} j^2", sympy.Sum(S("j")**2, (S("j"), -S("m"), S("m")))),
    ("\\mathop {\\prod }\\limits_{k=1}^{3} k", S("6")), ("\\mathop {\\lim }\\limits_{x \\to 0} \\frac{\\sin x}{x}", S("1")), ("\\sum_k^n k", sympy.Sum(k, (k, 1, n))),
    ("\\sum_{k=1}^{n} \\frac{1}{k}", sympy.Sum(1 / k, (k, 1, n))), ("\\sum_{k=1}^{n} k + 1", sympy.Sum(k, (k, 1, n)) + 1),
    ("∑_{k=1}^{n} k", sympy.Sum(k, (k, 1, n))), ("\\prod_{k=1}^{n} k", sympy.Product(k, (k, 1, n))), ("\\prod_{k=1}^{4} k", S("24")),
    ("\\int_0^1 x^2 dx", sympy.Integral(x**2, (x, 0, 1))), ("\\int_{0}^{1} x^2 \\, dx", sympy.Integral(x**2, (x, 0, 1))),
    ("\\int x\\,dx", sympy.Integral(x, x)), ("\\int_{-\\infty}^{x} H(t)\\, dt", sympy.Integral(sympy.Heaviside(t), (t, -sympy.oo, x))),
    ("\\int_0^1 \\mathrm{d}x", sympy.Integral(1, (x, 0, 1))), ("\\int \\frac{dz}{z}", sympy.Integral(1 / z, z)),
    ("\\int_0^\\pi \\sin t \\, dt", sympy.Integral(sympy.sin(t), (t, 0, sympy.pi))), ("\\int e^{-x} dx", sympy.Integral(sympy.exp(-x), x)),
    ("\\lim_{x \\to \\infty} e^{-x}", sympy.Limit(sympy.exp(-x), x, sympy.oo)), ("\\lim_{x\\to 0^+} \\frac{1}{x}", sympy.Limit(1 / x, x, 0, "+")),
    ("\\lim_{x\\to 0^-} \\frac{1}{x}", sympy.Limit(1 / x, x, 0, "-")), ("\\lim_{x \\to 0} \\frac{\\sin x}{x}", sympy.Limit(sympy.sin(x) / x, x, 0, "+-")),
    ("\\lim_{x \\rightarrow 1} x^2", sympy.Limit(x**2, x, 1, "+-")), ("\\lim_{n \\to \\infty} \\frac{1}{n}", sympy.Limit(1 / n, n, sympy.oo)),
    ("\\lim_{x\\to0^{+}} x", sympy.Limit(x, x, 0, "+")),
    # percentages: 10% is 0.1, 1 - 20% is 0.8
    ("10\\%", S("1/10")), ("10%", S("1/10")), ("(1 - 20\\%) x", x * S("4/5")),
    # an evaluation bar: the expression at the point (x^2 + 1 at 3 is 10; d/dx x^3 at 2 is 3 * 2^2)
    ("\\left. x^2 + 1 \\right|_{x=3}", S("10")), ("\\left.\\frac{d}{dx} x^3 \\right|_{x=2}", sympy.Subs(sympy.Derivative(x**3, x), x, 2)),
    ("\\frac{d}{dx} x^3 \\Big|_{x=2}", sympy.Subs(sympy.Derivative(x**3, x), x, 2)), ("x^2 + 1 \\bigg|_{x=3}", S("10")), ("x^2 \\vert_{x=3}", S("9")),
    # names: greek, subscripts, decorations, fonts, unicode
    ("\\alpha", sym("alpha")), ("\\beta + \\gamma", S("beta + gamma")), ("\\theta_0", sym("theta_0")), ("\\epsilon", sym("epsilon")),
    ("\\lambda", sym("lambda")), ("\\Delta x", sym("Delta") * x), ("x_1", sym("x_1")), ("x_{1}", sym("x_1")), ("x_{12}", sym("x_12")),
    ("x_i", sym("x_i")), ("x_{i}", sym("x_i")), ("{ x }_{ 1 }", sym("x_1")), ("{{x + 1}}", x + 1), ("{ e }^{ -x }", S("exp(-x)")), ("w_{kj}", sym("w_kj")), ("W_{in}", sym("W_in")), ("x_1 + x_2", sym("x_1") + sym("x_2")),
    ("\\hat y", sym("\\hat{y}")), ("\\hat{y}", sym("\\hat{y}")), ("\\widehat{y}", sym("\\hat{y}")), ("\\tilde{w}", sym("\\tilde{w}")),
    ("\\bar{x}", sym("\\bar{x}")), ("\\overline{x}", sym("\\bar{x}")), ("\\mathbf{x}", x), ("\\boldsymbol{x}", x), ("\\bm{x}", x),
    ("\\vec{v}", sym("v")), ("\\overrightarrow{v}", sym("v")), ("\\mathit{x}", x), ("\\boldsymbol{\\theta}", sym("theta")), ("\\mathbf{x}_i", sym("x_i")),
    ("a'", sym("a'")), ("x''", sym("x''")), ("φ", sym("varphi")), ("α + δ + ω", S("alpha + delta + omega")), ("2 − 1", S("1")),
    ("2 · 3", S("6")), ("2 × 3", S("6")), ("x′", sym("x'")), ("x’", sym("x'")), ("x²", S("x**2")), ("√x", S("sqrt(x)")), ("∞", sympy.oo), ("π", sympy.pi),
    ("θ^2", S("theta**2")), ("\\sigma^2", S("sigma**2")), ("x^{(2)}", sym("x^(2)")), ("μ + σ", S("mu + sigma")),
    ("w₁", sym("w_1")), ("w₁ x₂", sym("w_1") * sym("x_2")), ("x⁴", S("x**4")), ("w₁⁰", S("1")),  # subscript and superscript digits pasted
    # accented letters pasted precomposed (U+0177) or as a letter and a combining mark (U+0302, U+0304)
    ("\u0177", sym("\\hat{y}")), ("y\u0302", sym("\\hat{y}")), ("(\u0177 - t)\u0177", (sym("\\hat{y}") - t) * sym("\\hat{y}")),
    ("x\u0304_1", sym("\\bar{x}_1")), ("\u0233", sym("\\bar{y}")), ("w\u0303", sym("\\tilde{w}")),
    # styled letters and signs pasted from a word processor (Mathematical Alphanumeric Symbols, U+1D400-U+1D7FF) are the
    # letter or sign they style: italic x, bold W, italic phi, bold-italic sigma, italic partial
    ("\U0001D465^2", S("x**2")), ("\U0001D711", sym("varphi")), ("\U0001D715", None), ("\U0001D416 + \U0001D44A", S("2*W")), ("\U0001D748(0)", S("1/2")),
    ("\\frac{\U0001D715}{\U0001D715 x} x^2", S("2*x")),
    # a superscript written before the subscript, as TeX allows: x^2_1 is x_1^2
    ("x^2_1", sym("x_1")**2), ("w^{2}_{k}", sym("w_k")**2), ("\\theta^2_0 + 1", sym("theta_0")**2 + 1), ("a^3_{12}", sym("a_12")**3),
    # spacing, delimiters, display commands
    ("\\left( x + 1 \\right)^2", S("(x+1)**2")), ("\\left[ x + 1 \\right]", S("x+1")), ("\\big( x \\big)", x), ("\\Big(x+1\\Big)", S("x+1")),
    ("\\bigl( x \\bigr)", x), ("x \\, y", S("x*y")), ("x\\;y", S("x*y")), ("x \\quad", x), ("\\displaystyle \\frac{1}{2}", S("1/2")),
    ("$x+1$", S("x+1")), ("$$x+1$$", S("x+1")), ("\\[x+1\\]", S("x+1")), ("\\(x+1\\)", S("x+1")), ("x~y", S("x*y")), ("x\\!y", S("x*y")),
    ("\\left. x \\right|", x), ("x + 1 .", S("x+1")),
    # relations
    ("x = 2", sympy.Eq(x, 2)), ("x < 3", S("x < 3")), ("x > 3", S("x > 3")), ("x \\le 3", S("x <= 3")), ("x \\leq 3", S("x <= 3")),
    ("x \\ge 3", S("x >= 3")), ("x \\geq 3", S("x >= 3")), ("x \\ne 3", sympy.Ne(x, 3)), ("x \\neq 3", sympy.Ne(x, 3)),
    ("x ≤ 3", S("x <= 3")), ("x ≥ 3", S("x >= 3")), ("x ≠ 3", sympy.Ne(x, 3)), ("x \\approx 3", sympy.Eq(x, 3)), ("x ≈ 3", sympy.Eq(x, 3)),
    ("x <= 3", S("x <= 3")), ("0 < x < 1", sympy.And(S("0 < x"), S("x < 1"))), ("y = 2x + 1", sympy.Eq(y, 2 * x + 1)),
    # lists, vectors and matrices
    ("(1,2,5)", sympy.Tuple(1, 2, 5)), ("[1, 2, 5, 8, 6, 8]", sympy.Tuple(1, 2, 5, 8, 6, 8)), ("\\boxed{1}\\boxed{2} \\boxed{5}", sympy.Tuple(1, 2, 5)), ("(x, y)", sympy.Tuple(x, y)),
    ("\\left(1, 2\\right)", sympy.Tuple(1, 2)), ("\\left[1, 2\\right]", sympy.Tuple(1, 2)), ("(1,000)", sympy.Tuple(1, 0)),
    ("2 \\times (1, 2)", sympy.Tuple(2, 4)), ("(1, 2) \\cdot 3", sympy.Tuple(3, 6)),  # each entry, not the list repeated
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", sympy.ImmutableMatrix([[1, 2], [3, 4]])),
    ("\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}", sympy.ImmutableMatrix([[1], [2]])),
    ("\\begin{matrix} x & y \\end{matrix}", sympy.ImmutableMatrix([[x, y]])),
    ("\\left[\\begin{matrix}1 & 2\\\\3 & 4\\end{matrix}\\right]", sympy.ImmutableMatrix([[1, 2], [3, 4]])),
    ("\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}", S("a*d - b*c")), ("\\begin{pmatrix} 5 & 8 \\end{pmatrix}", sympy.ImmutableMatrix([[5, 8]])),
    ("\\begin{bmatrix} \\frac{1}{2} & x^2 \\end{bmatrix}", sympy.ImmutableMatrix([[sympy.Rational(1, 2), x**2]])),
    ("2\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", sympy.ImmutableMatrix([[2], [4]])),
    ("\\begin{array}{cc} 1 & 2 \\end{array}", sympy.ImmutableMatrix([[1, 2]])),
    # transposes, matrix products and the Hadamard product (capital names are matrices once one is written)
    ("W^T", W.T), ("W^\\top", W.T), ("W^{\\top}", W.T), ("W^{T}", W.T), ("W^{\\mathsf T}", W.T), ("W^\\intercal", W.T),
    ("W^{\\mathsf{T}}", W.T), ("W_1^TW_2^T", W1.T * W2.T), ("(W_2 W_1)^T", (W2 * W1).T), ("A^T B", A.T * B), ("B A^T", B * A.T),
    ("A \\odot B", sympy.HadamardProduct(A, B)), ("A \\bigodot B", sympy.HadamardProduct(A, B)), ("A^T \\odot B", sympy.hadamard_product(A.T, B)), ("(A B)^T", (A * B).T),
    ("A^{-1}", S("1/A")), ("A^{-1} B^T", sympy.Inverse(A) * B.T), ("Wᵀ", W.T), ("A^T + B^T", A.T + B.T),
    # cases
    ("\\begin{cases} 0 & x < 0 \\\\ 1 & x \\ge 0 \\end{cases}", sympy.Piecewise((0, x < 0), (1, x >= 0))),
    ("\\begin{cases} 0 & \\text{if } x < 0 \\\\ x & \\text{otherwise} \\end{cases}", sympy.Piecewise((0, x < 0), (x, True))),
    ("\\begin{cases} -1, & x < 0 \\\\ 1, & x > 0 \\end{cases}", sympy.Piecewise((-1, x < 0), (1, x > 0))),
    ("\\begin{cases} x & x \\geq 0 \\\\ 0 & \\text{else} \\end{cases}", sympy.Piecewise((x, x >= 0), (0, True))),
    # indicators and Kronecker deltas
    ("\\delta_{ki}", sympy.KroneckerDelta(k, REAL["i"])), ("\\delta_{k,i}", sympy.KroneckerDelta(k, REAL["i"])),
    ("1\\{k=i\\}", sympy.KroneckerDelta(k, REAL["i"])), ("\\mathbb{1}\\{k = i\\}", sympy.KroneckerDelta(k, REAL["i"])),
    ("\\mathbb{1}_{k=i}", sympy.KroneckerDelta(k, REAL["i"])), ("\\mathbb{1}[k=i]", sympy.KroneckerDelta(k, REAL["i"])),
    ("1[k=i]", sympy.KroneckerDelta(k, REAL["i"])), ("1[x > 0]", sympy.Piecewise((1, x > 0), (0, True))), ("2[x + 1]", S("2*(x + 1)")),
    ("1\\{k \\neq i\\}", 1 - sympy.KroneckerDelta(k, REAL["i"])), ("1_{x>0}", sympy.Piecewise((1, x > 0), (0, True))),
    ("\\mathbb{1}[x \\geq 0]", sympy.Piecewise((1, x >= 0), (0, True))), ("phi(x)", Function("phi")(x)), ("eta x", sym("eta") * x), ("\\delta_{12}", S("0")), ("\\delta_{k6}", sympy.KroneckerDelta(k, 6)),
]

# Families other projects' suites write (issue 26), five rows or more each, expected values by hand.
ROWS += [
    # a font around a decorated name is the decorated name (as the decoration around a font is)
    ("\\mathbf{\\hat{y}}", sym("\\hat{y}")), ("\\mathbb{\\hat{y}} - y", sym("\\hat{y}") - y), ("\\boldsymbol{\\hat y}^2", sym("\\hat{y}") ** 2),
    # \prime, a prime after brackets (the derivative in their one variable), an unknown function letter's power
    # \ell (a loss, a layer) is a letter of its own, typed or pasted (ℓ), as a Greek one is; \ell(x) applies a function
    ("Sigmoid(x)", sigma_(x)), ("\\{x^3\\}'", sympy.Derivative(x ** 3, x)), ("\\{\\sin x\\}''", sympy.Derivative(sympy.sin(x), (x, 2))),
    ("\\ell", sym("ell")), ("\\ell^2 + 1", sym("ell") ** 2 + 1), ("ℓ^2 + 1", sym("ell") ** 2 + 1), ("2\\ell", 2 * sym("ell")), ("\\ell_1 - \\ell_2", sym("ell_1") - sym("ell_2")),
    ("\\frac{\\ell}{2}", sym("ell") / 2),
    ("f\\prime(x)", sympy.Derivative(f(x), x)), ("(x^3)'", sympy.Derivative(x ** 3, x)),
    ("\\left(\\frac{1}{1+e^{-x}}\\right)'", sympy.Derivative(1 / (1 + sympy.exp(-x)), x)), ("h^2(x)", Function("h")(x) ** 2),
    # an indicator written with round brackets, or as the letter I (plain, blackboard or calligraphic) before a bracket
    # holding one relation: 1 where the relation holds, else 0; I(x) with no relation is still I applied to x
    ("\\mathbb{1}(x > 0)", sympy.Piecewise((1, x > 0), (0, True))), ("\\mathbbm{1}(x \\ge 0)", sympy.Piecewise((1, x >= 0), (0, True))),
    ("I(x > 0)", sympy.Piecewise((1, x > 0), (0, True))), ("I(x \\ge 0)", sympy.Piecewise((1, x >= 0), (0, True))),
    ("I[x < 0]", sympy.Piecewise((1, x < 0), (0, True))), ("\\mathbb{I}(x > 0)", sympy.Piecewise((1, x > 0), (0, True))),
    ("\\mathcal{I}[x \\leq 0]", sympy.Piecewise((1, x <= 0), (0, True))), ("1(x > 0)", sympy.Piecewise((1, x > 0), (0, True))),
    ("x I(x > 0)", x * sympy.Piecewise((1, x > 0), (0, True))), ("\\mathbb{1}(k = i)", sympy.KroneckerDelta(k, REAL["i"])),
    # \mleft .. \mright, and \bigl / \Bigr sizes around any delimiter
    ("\\mleft(x+1\\mright)^2", S("(x+1)**2")), ("\\mleft[x - 1\\mright]", S("x - 1")), ("\\mleft|x\\mright|", S("Abs(x)")),
    ("\\mleft\\{x\\mright\\}", S("x")), ("\\mleft\\lfloor x \\mright\\rfloor", S("floor(x)")), ("\\bigl(x+1\\bigr)^2", S("(x+1)**2")),
    ("\\left< x+1 \\right>^2", S("(x+1)**2")),  # < and > after \\left, \\right: angle brackets, not an inequality
    ("\\Bigl[x\\Bigr] y", S("x*y")), ("\\biggl|x\\biggr|", S("Abs(x)")), ("\\Bigl\\lfloor x \\Bigr\\rfloor", S("floor(x)")),
    ("\\bigl\\lceil x\\bigr\\rceil", S("ceiling(x)")), ("\\Bigl\\{ x \\Bigr\\}", S("x")),
    # \lt, \gt, \ne, !=
    ("x \\lt 3", S("x < 3")), ("x \\gt 3", S("x > 3")), ("x != 3", sympy.Ne(x, 3)), ("2x != y", sympy.Ne(2 * x, y)),
    ("0 \\lt x \\lt 1", sympy.And(S("0 < x"), S("x < 1"))), ("n! = 6", sympy.Eq(sympy.factorial(n), 6)),
    # \lg: the base-10 logarithm
    ("\\exp^{x_j}", sympy.exp(sym("x_j"))), ("\\exp^2(x)", S("exp(x)**2")), ("\\exp^{2x}", S("exp(2*x)")), ("\\exp^{-x} + 1", S("exp(-x) + 1")),
    ("\\exp^{x}\\exp^{y}", S("exp(x + y)")),
    ("\\lg 100", S("2")), ("\\lg x", S("log(x)/log(10)")), ("\\lg(1000)", S("3")), ("\\lg 10x", S("log(10*x)/log(10)")), ("2\\lg x", S("2*log(x)/log(10)")),
    # a function applied without brackets to another function
    ("\\sin \\cos \\theta", S("sin(cos(theta))")), ("\\ln \\sin x", S("log(sin(x))")), ("\\cos \\sin x^2", S("cos(sin(x**2))")),
    ("\\exp \\tanh x", S("exp(tanh(x))")), ("\\log \\cosh 2x", S("log(cosh(2*x))")), ("\\sin \\sin x", S("sin(sin(x))")),
    # \choose and \binom
    ("{n \\choose k}", S("binomial(n, k)")), ("{{n}\\choose{k}}", S("binomial(n, k)")), ("{n+1 \\choose 2}", S("binomial(n+1, 2)")),
    ("{5 \\choose 2}", S("10")), ("\\binom n k", S("binomial(n, k)")), ("\\dbinom{6}{3}", S("20")), ("\\tbinom{n}{2}", S("binomial(n, 2)")),
    # floor and ceiling, by bracket or by name
    ("\\operatorname{floor}(x)", S("floor(x)")), ("\\operatorname{ceil}(x)", S("ceiling(x)")), ("\\operatorname{ceiling}(x/2)", S("ceiling(x/2)")),
    ("\\mathrm{floor}(x)", S("floor(x)")), ("floor(x/2)", S("floor(x/2)")), ("\\left\\lfloor \\frac{x}{2} \\right\\rfloor", S("floor(x/2)")),
    ("\\lceil x/2 \\rceil + 1", S("ceiling(x/2) + 1")),
    # gcd and lcm of several whole numbers; \bmod and \mod
    ("\\gcd(12, 18, 8)", S("2")), ("\\gcd(12, 18)", S("6")), ("\\operatorname{lcm}(4, 6, 10)", S("60")), ("\\operatorname{lcm}(4, 6)", S("12")),
    ("\\gcd(30, 45, 75, 105)", S("15")), ("7 \\bmod 3", S("1")), ("a \\bmod n", S("Mod(a, n)")), ("a \\mod n", S("Mod(a, n)")),
    ("(2 + 5) \\bmod 3", S("1")), ("10 \\bmod 4 + 1", S("3")),
    # the operator named in words: 17 mod 5 = 2
    ("17 \\text{ mod } 5", S("2")), ("17 \\operatorname{mod} 5", S("2")), ("a \\mathrm{mod} n", S("Mod(a, n)")),
    # degrees
    ("30^{\\circ}", S("pi/6")), ("30^\\circ", S("pi/6")), ("30°", S("pi/6")), ("\\sin 30^\\circ", S("1/2")), ("x^{\\circ}", S("pi*x/180")),
    ("90^{\\circ} - 45^{\\circ}", S("pi/4")),
    # primes and subscripts in either order
    ("y''_1", sym("y_1''")), ("y_1''", sym("y_1''")), ("y'_k", sym("y_k'")), ("x'_{i}", sym("x_i'")), ("y'''_2 + y_2'''", 2 * sym("y_2'''")),
    # a subscript spelling a Greek letter's name is that letter
    ("h_{theta}", sym("h_{\\theta}")), ("h_{\\theta}", sym("h_{\\theta}")), ("w_{eta}", sym("w_{\\eta}")), ("x_{phi} - x_{\\phi}", S("0")),
    ("\\theta_{beta}", sym("theta_{\\beta}")),
    # the differential inside an integrand's fraction
    ("\\int \\frac{3\\,dz}{z}", sympy.Integral(3 / z, z)), ("\\int \\frac{x\\,dx}{1+x^2}", sympy.Integral(x / (1 + x**2), x)),
    ("\\int \\frac{e^x dx}{2}", sympy.Integral(sympy.exp(x) / 2, x)), ("\\int_0^1 \\frac{2\\,dt}{1+t}", sympy.Integral(2 / (1 + t), (t, 0, 1))),
    ("\\int \\frac{a\\, dx}{x^2}", sympy.Integral(a / x**2, x)),
]

BAD = [
    ("||v||_1", "the norm _1 of a vector is not read", 5), ("\\|v\\|_\\infty", "the norm _\\infty of a vector is not read", 5),
    ("x)", "nothing to close", 1), ("(x", "never closed", 0), ("\\frac{a}{4", "never closed", 8), ("\\tanh(x/2}", "closed by", 5),
    ("", "empty", None), ("   ", "empty", None), ("$$", "empty", None), ("\\foo(x)", "unknown command \\foo", 0),
    ("\\sigm(x)", "did you mean \\sigma", 0), ("\\tanhh(x)", "did you mean \\tanh", 0), ("x +", "ends too early", None),
    ("x & y", "'&' splits the answer", 2), ("a\\varphi(x) & - a\\varphi(x)", "'&' splits the answer", 12),
    ("x \\\\ y", "splits the answer", 2), ("x \\end{align}", "\\end", 2), ("1, 2", "outside brackets", 1), ("I don't know", "read as the product", 8),
    ("the answer is x", "read as the product", 4), ("x ^", "needs a value", None), ("x_", "needs a subscript", None),
    ("\\frac{1}{0}", "division by zero", None), ("0^{-1}", "division by zero", None), ("2^{2^{2^{2^{100}}}}", "digits", None),
    ("10^{10^{10}}!", "digits", None), ("(" * 70 + "x" + ")" * 70, "nested", None), ("\\sin", "needs an argument", 0),
    ("\\max(x)", "two or more", 0), ("\\text{hello}", "text in the answer", 0), ("\\int x", "needs its variable", 0),
    ("\\lim x", "where it goes", 0), ("\\mathbb{1}[x \\approx 0]", "condition is exact", 0), ("\\mathrm{softmax}(x)_i", "unexpected '_'", None), ("1_{x}", "holds a condition", None), ("\\sum x_k", "needs bounds here: write \\sum_{k=1}", 0), ("\\sum x_j y_k", "needs its index", 0), ("x \\pm 1", "two answers", 2), ("\\cdots", "leaves terms out", 0), ("x_1 + ⋯ + x_4", "leaves terms out", 6),
    ("\\nabla f", "gradient", 0), ("\\partial x", "belongs in a derivative", 0), ("x $ y", "'$' inside the answer", 2),
    ("x ∃ y", "not part of the notation", 2), ("\\begin{align} x \\end{align}", "not read in an answer", 0),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 \\end{pmatrix}", "different lengths", 0), ("\\left( x", "never closed", None),
    ("x^T", "transposes a matrix", 1), ("\\delta_k", "two indices", 0), ("\\mathbb{R}", "names a set", 0), ("x \\in A", "membership", 2),
    ("\\sin^{-1}", "needs an argument", 0), ("\\frac{x}", "two arguments", 0), ("\\\\ x", "breaks a line", 0), ("\\frac{d^{30}}{dx^{30}} x", "order above 20", 0), ("x = = y", "unexpected '='", 4), ("10 % 3", "percentage ends its factor", 3),
    ("1.1.1", "two decimal points", 0), ("0.5.2", "two decimal points", 0), ("3.14.15", "two decimal points", 0), ("x + 1.2.3", "two decimal points", 4),
    ("2 \\cdot 1.0.1", "two decimal points", 8), ("\\overline{}", "nothing under it", 0), ("\\hat{}", "nothing under it", 0),
    ("\\bar{} + x", "nothing under it", 0), ("2\\tilde{}", "nothing under it", 1), ("\\widehat{}^2", "nothing under it", 0),
    ("\\gcd(a, 4)", "whole numbers", None), ("7 \\bmod 0", "division by zero", None),
]


@pytest.mark.parametrize("text, expected", [r for r in ROWS if r[1] is not None], ids=[r[0] for r in ROWS if r[1] is not None])
def test_notation(text, expected):
    value = read(text, Context.free_context()).value
    assert _same(value, expected), f"{text!r} read as {value!r}, expected {expected!r}"


def _same(value, expected) -> bool:
    if value == expected:
        return True
    if isinstance(expected, sympy.MatrixBase) or isinstance(value, sympy.MatrixBase):
        return isinstance(value, sympy.MatrixBase) and isinstance(expected, sympy.MatrixBase) and value.shape == expected.shape and all(_same(v, e) for v, e in zip(value, expected))
    if isinstance(expected, (sympy.Tuple, sympy.logic.boolalg.Boolean, sympy.MatrixExpr)) or isinstance(value, sympy.MatrixExpr):
        return False
    if isinstance(expected, (sympy.Derivative, sympy.Integral, sympy.Limit, sympy.Sum, sympy.Product, sympy.Subs)):
        return type(value) is type(expected) and sympy.simplify(value.doit() - expected.doit()) == 0
    return sympy.simplify(value - expected) == 0


@pytest.mark.parametrize("text, message, position", BAD, ids=[repr(t[:25]) for t, _, _ in BAD])
def test_refused(text, message, position):
    with pytest.raises(LatexError) as caught:
        read(text, Context.free_context())
    assert message in str(caught.value)
    if position is not None:
        assert caught.value.position == position, str(caught.value)
        assert "^" in str(caught.value)


def test_the_table_has_at_least_300_rows():
    assert len(ROWS) + len(BAD) >= 300 and len({r[0] for r in ROWS}) == len(ROWS)


README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_table_rows_are_tested():
    """Every LaTeX example in the README's notation table is a row of this test."""
    section = README.read_text(encoding="utf-8").split("### The notation students may write", 1)[1].split("\n## ", 1)[0]
    cells = [re.split(r"(?<!\\)\|", line)[2] for line in section.splitlines() if line.startswith("| ")]
    examples = re.findall(r"`([^`]+)`", "\n".join(cells).replace("\\|", "|"))  # a table cell writes | as \|
    known = {text for text, _ in ROWS} | {text for text, _, _ in BAD}
    missing = [e for e in examples if e not in known]
    assert examples and not missing, missing
