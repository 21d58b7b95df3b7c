"""Backpropagation by hand: dL/dw_3 for the network and numbers of seed 004 Q2.

Variable: the six weights, four inputs and the label (variant 0: the seed's); a draw keeps every sigmoid's input
within [-3, 3] (away from saturation) and the gradient large enough to show at 4 decimals.
"""

import mpmath
from sympy import Derivative, Function, Lambda, Rational, Subs, Symbol, exp, symbols

from derivs.model import Choice, Claim, Constraint, Decimal, Derivation, Note, Part, Problem, Variants, WriteUp, decimal_text, rounded_independently, rounding

w = symbols("w_1:7", real=True)
v = Symbol("v", real=True)
sigma = Function("sigma")
round4, to_4_places = rounding(4)
WEIGHTS, INPUTS = ("0.75", "-0.63", "0.24", "-1.7", "0.8", "-0.2"), ("0.9", "-1.1", "-0.3", "0.8")
ORIGINAL = {**{f"w{n}": Rational(t) for n, t in enumerate(WEIGHTS, 1)}, **{f"x{n}": Rational(t) for n, t in enumerate(INPUTS, 1)}, "y": Rational(1, 2)}


def _forward(values):
    """Sigma_1, Sigma_2, Sigma_3, y-hat and dL/dw_3 with mpmath alone (the key's figures; check proves them with sympy)."""
    with mpmath.workdps(50):
        f = {name: mpmath.mpf(value.p) / value.q for name, value in values.items()}
        sig = lambda t: 1 / (1 + mpmath.exp(-t))  # noqa: E731
        s1, s2 = f["x1"] * f["w1"] + f["x2"] * f["w2"], f["x3"] * f["w3"] + f["x4"] * f["w4"]
        s3 = sig(s1) * f["w5"] + sig(s2) * f["w6"]
        out = sig(s3)
        gradient = 2 * (out - f["y"]) * out * (1 - out) * f["w6"] * sig(s2) * (1 - sig(s2)) * f["x3"]
        return {"s1": s1, "s2": s2, "s3": s3, "sigma_1": sig(s1), "sigma_2": sig(s2), "y_hat": out, "gradient": gradient}


def build(values):
    original = dict(values) == ORIGINAL
    weights = {w[n]: values[f"w{n + 1}"] for n in range(6)}
    x = tuple(values[f"x{n}"] for n in range(1, 5))
    label = values["y"]
    s1 = x[0] * w[0] + x[1] * w[1]  # Sigma_1
    s2 = x[2] * w[2] + x[3] * w[3]  # Sigma_2
    s3 = sigma(s1) * w[4] + sigma(s2) * w[5]  # Sigma_3
    prediction = sigma(s3)
    loss = (label - prediction) ** 2
    chain = 2 * (prediction - label) * prediction * (1 - prediction) * w[5] * sigma(s2) * (1 - sigma(s2)) * x[2]
    gradient = Derivative(loss, w[2])

    def at_values(expr):
        return Subs(expr, tuple(weights), tuple(weights.values()))

    figures = {name: rounded_independently(value, 4) for name, value in _forward(values).items()}
    said = {name: decimal_text(value) for name, value in figures.items()}
    weight_text = ", ".join(decimal_text(values[f"w{n}"]) for n in range(1, 7))
    input_text = ", ".join(decimal_text(value) for value in x)
    notes = (
        Note(
            r"Seed 004 takes $\sigma(1.368) = 0.202943$, which is $\sigma(-1.368)$; $\sigma(1.368) = 0.797057$. With it "
            r"$\Sigma_3 = 0.5991$, $\hat y = 0.6454$, and $\frac{\partial L}{\partial w_3} = 2(0.6454 - 0.5)(0.2288)(-0.2)(0.1556)(-0.3) = 0.000622 \approx 0.0006$."
        ),
        Note(
            r"The seed's own product $(0.061818)(0.249044)(-0.2)(0.155620)(-0.3)$ is $0.000144$, not $0.00143$, and its boxed "
            r"$0.0001$ matches neither; it also uses $2|y - \hat y|$, which loses the sign of $\frac{\partial L}{\partial \hat y} = 2(\hat y - y)$."
        ),
    )
    return Problem(
        id="backprop_by_hand",
        title="Backpropagation by hand",
        statement=(
            r"In the network $\Sigma_1 = x_1 w_1 + x_2 w_2$, $\Sigma_2 = x_3 w_3 + x_4 w_4$, "
            r"$\Sigma_3 = \sigma(\Sigma_1) w_5 + \sigma(\Sigma_2) w_6$, $\hat y = \sigma(\Sigma_3)$, $L = (y - \hat y)^2$, "
            rf"with $w = ({weight_text})$, $x = ({input_text})$ and $y = {decimal_text(label)}$, compute "
            r"$\frac{\partial L}{\partial w_3}$ by backpropagation, to 4 decimals."
        ),
        variables=(),
        definitions={sigma: Lambda(v, 1 / (1 + exp(-v))), round4: to_4_places},
        names={"sigma": sigma, "L": loss, "Sigma_1": s1, "Sigma_2": s2, "Sigma_3": s3, "\\hat{y}": prediction, "y": label, **{f"x_{n + 1}": value for n, value in enumerate(x)}},
        written={
            at_values(gradient): r"\frac{\partial L}{\partial w_3}",
            at_values(chain): r"2(\hat y - y)\,\hat y\,(1 - \hat y)\, w_6\, \sigma(\Sigma_2)\,(1 - \sigma(\Sigma_2))\, x_3",
            at_values(sigma(s1)): r"\sigma(\Sigma_1)",
            at_values(sigma(s2)): r"\sigma(\Sigma_2)",
            at_values(prediction): r"\hat y",
        },
        claims=(
            Claim("chain_rule", "dL/dw3 = 2(y-hat - y) y-hat (1 - y-hat) w6 sigma(S2)(1 - sigma(S2)) x3", at_values(gradient), at_values(chain)),
            Claim("sigma_1", "sigma(Sigma_1) = sigma(1.368) = 0.7971 (the seed writes 0.202943 = sigma(-1.368))" if original else f"sigma(Sigma_1) = {said['sigma_1']}",
                  round4(at_values(sigma(s1))), figures["sigma_1"]),
            Claim("sigma_2", f"sigma(Sigma_2) = {said['sigma_2']}", round4(at_values(sigma(s2))), figures["sigma_2"]),
            Claim("y_hat", f"y-hat = {said['y_hat']}", round4(at_values(prediction)), figures["y_hat"]),
            Claim("gradient", "dL/dw3 = 0.0006 (the seed's 0.00143 and its boxed 0.0001 are both wrong)" if original else f"dL/dw3 = {said['gradient']}",
                  round4(at_values(gradient)), figures["gradient"]),
        ),
        parts=(Part("gradient", r"$\frac{\partial L}{\partial w_3}$ to at least 4 decimals (graded to the places you give)", figures["gradient"], question=round4(at_values(gradient))),),
        derivations=(Derivation("chain rule", at_values(gradient), (at_values(chain),)),),
        notes=notes if original else (),
        write_up=WriteUp(
            recognised_by={**{f"w_{n}": decimal_text(values[f"w{n}"]) for n in range(1, 7)}, **{f"x_{n}": decimal_text(value) for n, value in enumerate(x, 1)}},
            answers={r"\frac{\partial L}{\partial w_3}": at_values(gradient)},
        ),
        source="seed 004 question 2" if original else "seed 004 question 2, with other numbers",
    )


VARIANTS = Variants(
    parameters=(*(Decimal(f"w{n}", "-2", "2", 2) for n in range(1, 7)), *(Decimal(f"x{n}", "-1.5", "1.5", 1) for n in range(1, 5)),
                Choice("y", (Rational(0), Rational(1, 2), Rational(1)))),
    constraints=(
        Constraint("every sigmoid's input within [-3, 3] (away from saturation)", lambda v: all(abs(_forward(v)[s]) <= 3 for s in ("s1", "s2", "s3"))),
        Constraint("the gradient shows at 4 decimals (|dL/dw_3| >= 0.001)", lambda v: abs(_forward(v)["gradient"]) >= mpmath.mpf("0.001")),
    ),
    build=build,
    original=ORIGINAL,
)
PROBLEM = VARIANTS.problem(ORIGINAL)
