"""Forward and reverse automatic differentiation traces, to 4 decimals (seed 001 Q4 and its tables 1-2).

Variable: the point of each example.
"""

import mpmath

from sympy import Derivative, Integer, Rational, Subs, Symbol, cos, log, sin

from derivs.model import Claim, Constraint, Note, Part, Problem, Variants, Whole, decimal_text, rounded_independently, rounding

x1, x2, v = Symbol("x_1", real=True), Symbol("x_2", real=True), Symbol("v", real=True)
round4, to_4_places = rounding(4)


def at(expr, a, b):
    return Subs(expr, (x1, x2), (a, b))


# y = 1/(x1 + x2) + x2^2 + cos(x1) at (3, 6), traced as the seed's table 3 does
y = 1 / (x1 + x2) + x2**2 + cos(x1)
trace = {"v_1": x1 + x2, "v_2": x2 * x2, "v_3": 1 / (x1 + x2), "v_4": cos(x1), "v_5": 1 / (x1 + x2) + x2**2, "v_6": y}
# the second example: y = ln(x1) + x1 x2 - sin(x2) at (2, 5), tables 1 and 2
z = log(x1) + x1 * x2 - sin(x2)

d4 = lambda text: Rational(text)  # noqa: E731  a 4-decimal figure, exactly

ORIGINAL = {"a": 3, "b": 6, "c": 2, "d": 5}


def _figures(a, b, c, d):
    """The 4-decimal figures of a variant's key, worked out with mpmath alone (check proves them against sympy)."""
    with mpmath.workdps(50):
        a, b, c, d = map(mpmath.mpf, (a, b, c, d))
        values = {
            "v3": 1 / (a + b), "v4": mpmath.cos(a), "v5": 1 / (a + b) + b * b, "y": 1 / (a + b) + b * b + mpmath.cos(a),
            "v4_dot": -mpmath.sin(a), "dy_dx1": -1 / (a + b) ** 2 - mpmath.sin(a), "dy_dx2": -1 / (a + b) ** 2 + 2 * b,
            "example_y": mpmath.log(c) + c * d - mpmath.sin(d), "example_dx2": c - mpmath.cos(d),
        }
        return {name: rounded_independently(value, 4) for name, value in values.items()}


def build(v):
    a, b, c, d = (Integer(v[name]) for name in "abcd")
    figures = _figures(a, b, c, d)
    four = {  # claim name -> (statement's left side, the quantity)
        "v3": (f"v_3 = 1/v_1 = 1/{a + b}", trace["v_3"]), "v4": (f"v_4 = cos({a})", trace["v_4"]), "v5": ("v_5 = v_3 + v_2", trace["v_5"]),
        "y": ("y = v_6", y),
    }
    claims = [Claim(name, f"{said} = {decimal_text(figures[name])}", round4(at(quantity, a, b)), figures[name]) for name, (said, quantity) in four.items()]
    claims += [
        Claim("v3_dot", f"forward, x1-dot = 1: v_3-dot = -v_1-dot / v_1^2 = -1/{(a + b) ** 2}", at(Derivative(trace["v_3"], x1), a, b), -1 / (a + b) ** 2),
        Claim("v4_dot", f"v_4-dot = -sin({a}) = {decimal_text(figures['v4_dot'])}", round4(at(Derivative(trace["v_4"], x1), a, b)), figures["v4_dot"]),
        Claim("dy_dx1", f"dy/dx1 = -1/{(a + b) ** 2} - sin {a} = {decimal_text(figures['dy_dx1'])}", round4(at(Derivative(y, x1), a, b)), figures["dy_dx1"]),
        Claim("dy_dx2", f"dy/dx2 (reverse sweep) = -1/{(a + b) ** 2} + 2 * {b} = {decimal_text(figures['dy_dx2'])}", round4(at(Derivative(y, x2), a, b)), figures["dy_dx2"]),
        Claim("dy_dx2_exact", f"x2-bar = v_1-bar + v_2-bar: -1/{(a + b) ** 2} + {2 * b}", at(Derivative(y, x2), a, b), -1 / (a + b) ** 2 + 2 * b),
        Claim("example_y", f"y = ln {c} + {c * d} - sin {d} = {decimal_text(figures['example_y'])}", round4(at(z, c, d)), figures["example_y"]),
        Claim("example_dx1", f"dy/dx1 = 1/{c} + {d}", at(Derivative(z, x1), c, d), 1 / c + d),
        Claim("example_dx2", f"dy/dx2 = {c} - cos {d} = {decimal_text(figures['example_dx2'])}", round4(at(Derivative(z, x2), c, d)), figures["example_dx2"]),
    ]
    return Problem(
        id="autodiff_traces",
        title="Forward and reverse mode automatic differentiation",
        statement=(
            r"Write the evaluation trace and the forward (tangent) and reverse (adjoint) traces of "
            rf"$y = \frac{{1}}{{x_1 + x_2}} + x_2^2 + \cos x_1$ at $({a}, {b})$, to 4 decimals, and check the example "
            rf"$y = \ln x_1 + x_1 x_2 - \sin x_2$ at $({c}, {d})$."
        ),
        variables=(),
        definitions={round4: to_4_places},
        claims=tuple(claims),
        parts=(
            Part("y", f"y at ({a}, {b}), exactly", 1 / (a + b) + b**2 + cos(a), question=at(y, a, b)),
            Part("dy_dx1", f"dy/dx1 at ({a}, {b}), exactly", -1 / (a + b) ** 2 - sin(a), question=at(Derivative(y, x1), a, b)),
            Part("dy_dx2", f"dy/dx2 at ({a}, {b}), exactly", -1 / (a + b) ** 2 + 2 * b, question=at(Derivative(y, x2), a, b)),
        ),
        source="seed 001 question 4, with other points",
    )


VARIANTS = Variants(
    parameters=(Whole("a", 1, 9), Whole("b", 1, 9), Whole("c", 1, 9), Whole("d", 1, 9)),
    # At a point with equal coordinates sympy's Subs cannot tell d/dx_1 from d/dx_2 (check --variants found seed 5 so)
    constraints=(Constraint("each point's two coordinates differ", lambda v: v["a"] != v["b"] and v["c"] != v["d"]),),
    build=build,
    original=ORIGINAL,
)


# Variant 0: the seed's own figures and its mistakes, as the homework states them.
PROBLEM = Problem(
    id="autodiff_traces",
    title="Forward and reverse mode automatic differentiation",
    statement=(
        r"Write the evaluation trace and the forward (tangent) and reverse (adjoint) traces of "
        r"$y = \frac{1}{x_1 + x_2} + x_2^2 + \cos x_1$ at $(3, 6)$, to 4 decimals, and check the example "
        r"$y = \ln x_1 + x_1 x_2 - \sin x_2$ at $(2, 5)$."
    ),
    variables=(),
    definitions={round4: to_4_places},
    claims=(
        Claim("v3", "v_3 = 1/v_1 = 1/9 = 0.1111", round4(at(trace["v_3"], 3, 6)), d4("0.1111")),
        Claim("v4", "v_4 = cos(3) = -0.9900 (the seed truncates to -0.9899)", round4(at(trace["v_4"], 3, 6)), d4("-0.9900")),
        Claim("v5", "v_5 = v_3 + v_2 = 36.1111 (the seed writes 36.0278)", round4(at(trace["v_5"], 3, 6)), d4("36.1111")),
        Claim("y", "y = v_6 = 35.1211 (the seed writes 35.0379)", round4(at(y, 3, 6)), d4("35.1211")),
        Claim("v3_dot", "forward, x1-dot = 1: v_3-dot = -v_1-dot / v_1^2 = -1/81", at(Derivative(trace["v_3"], x1), 3, 6), Rational(-1, 81)),
        Claim("v4_dot", "v_4-dot = -sin(3) = -0.1411", round4(at(Derivative(trace["v_4"], x1), 3, 6)), d4("-0.1411")),
        Claim("dy_dx1", "dy/dx1 = -1/81 - sin 3 = -0.1535 (the seed adds rounded terms: -0.1534)", round4(at(Derivative(y, x1), 3, 6)), d4("-0.1535")),
        Claim("dy_dx2", "dy/dx2 (reverse sweep) = -1/81 + 2 * 6 = 11.9877", round4(at(Derivative(y, x2), 3, 6)), d4("11.9877")),
        Claim("dy_dx2_exact", "x2-bar = v_1-bar + v_2-bar: -1/81 + 12", at(Derivative(y, x2), 3, 6), Rational(-1, 81) + 12),
        Claim("example_y", "table 1: y = ln 2 + 10 - sin 5 = 11.6521", round4(at(z, 2, 5)), d4("11.6521")),
        Claim("example_dx1", "table 1: dy/dx1 = 1/2 + 5 = 5.5", at(Derivative(z, x1), 2, 5), Rational(11, 2)),
        Claim("example_dx2", "table 2: dy/dx2 = 2 - cos 5 = 1.7163", round4(at(Derivative(z, x2), 2, 5)), d4("1.7163")),
    ),
    parts=(
        Part("y", "y at (3, 6), exactly", Rational(1, 9) + 36 + cos(3), question=at(y, 3, 6)),
        Part("dy_dx1", "dy/dx1 at (3, 6), exactly", Rational(-1, 81) - sin(3), question=at(Derivative(y, x1), 3, 6)),
        Part("dy_dx2", "dy/dx2 at (3, 6), exactly", Rational(-1, 81) + 12, question=at(Derivative(y, x2), 3, 6)),
    ),
    notes=(
        Note(
            r"A common wrong answer (seed 001, table 3) is $v_5 = 36.0278$ and $y = 35.0379$: $v_3 = \frac{1}{9} = 0.1111$, "
            r"not $\frac{1}{36}$, so $v_5 = 36.1111$ and $y = 36.1111 - 0.9900 = 35.1211$. Its $\cos 3 = -0.9899$ is truncated, not rounded ($-0.98999$)."
        ),
        Note(
            r"Seed 001 gives $\frac{\partial y}{\partial x_1} = -0.1534$ by adding the rounded $-0.0123$ and $-0.1411$; "
            r"$-\frac{1}{81} - \sin 3 = -0.153466\ldots$, which is $-0.1535$ to 4 decimals. Round at the end, not at each step."
        ),
        Note(r"Seed 001's table 1 writes $v_1 = \ln(v_1)$; it is $v_1 = \ln(v_{-1})$."),
    ),
    source="seed 001 question 4 and its tables 1-4",
    variants=VARIANTS,
    values=ORIGINAL,
)
