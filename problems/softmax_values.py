"""The softmax of a vector of logits, its cross-entropy loss and gradient, in numbers (a worked example of seed 001 Q2).

Variable: the three logits and the true class. The key's figures are worked out with mpmath; check proves each
against sympy's exact expression.
"""

import mpmath
from sympy import Derivative, Rational, Subs, Symbol, exp, log

from derivs.model import Choice, Claim, Decimal, Part, Problem, Scalar, Variants, decimal_text, rounded_independently, rounding

z1, z2, z3 = (Symbol(f"z_{n}", real=True) for n in (1, 2, 3))
round4, to_4_places = rounding(4)
LOGITS = (z1, z2, z3)
ORIGINAL = {"z1": Rational(2), "z2": Rational(1), "z3": Rational(1, 10), "label": 1}


def _figures(values):
    """p_1..p_3, the loss -log p_t and dL/dz_1 = p_1 - [t = 1], with mpmath alone."""
    with mpmath.workdps(50):
        logits = [mpmath.mpf(values[f"z{n}"].p) / values[f"z{n}"].q for n in (1, 2, 3)]
        total = sum(mpmath.exp(z) for z in logits)
        p = [mpmath.exp(z) / total for z in logits]
        t = values["label"]
        return {"p": [rounded_independently(x, 4) for x in p], "loss": rounded_independently(-mpmath.log(p[t - 1]), 4),
                "gradient": rounded_independently(p[0] - (1 if t == 1 else 0), 4)}


def build(values):
    point = {z: values[f"z{n}"] for n, z in enumerate(LOGITS, 1)}
    t = values["label"]
    denominator = sum(exp(z) for z in LOGITS)
    probability = [exp(z) / denominator for z in LOGITS]
    loss = -log(probability[t - 1])

    def at(expr):
        return Subs(expr, LOGITS, tuple(point.values()))

    figures = _figures(values)
    logits_text = ", ".join(decimal_text(value) for value in point.values())
    one_hot = ", ".join("1" if n == t else "0" for n in (1, 2, 3))
    setting = (rf"The logits are $z = ({logits_text})$ and the true class is {t} (one-hot label $y = ({one_hot})$); "
               r"$p = \operatorname{softmax}(z)$, $p_i = e^{z_i} / \sum_j e^{z_j}$, and the loss is $L = -\sum_i y_i \log p_i$.")
    return Problem(
        id="softmax_values",
        title="Softmax and cross-entropy in numbers",
        statement=setting + r" Compute $p$, $L$ and $\frac{\partial L}{\partial z_1}$ to 4 decimals, and show $\frac{\partial L}{\partial z_1} = p_1 - y_1$.",
        variables=tuple(Scalar(z) for z in LOGITS),
        definitions={round4: to_4_places},
        claims=(
            *(Claim(f"p{n}", f"p_{n} = {decimal_text(figures['p'][n - 1])}", round4(at(probability[n - 1])), figures["p"][n - 1]) for n in (1, 2, 3)),
            Claim("loss", f"L = -log p_{t} = {decimal_text(figures['loss'])}", round4(at(loss)), figures["loss"]),
            Claim("gradient_formula", f"dL/dz_1 = p_1 - y_1 = p_1 - {1 if t == 1 else 0}, for all logits", Derivative(loss, z1), probability[0] - (1 if t == 1 else 0)),
            Claim("gradient", f"dL/dz_1 = {decimal_text(figures['gradient'])}", round4(at(Derivative(loss, z1))), figures["gradient"]),
        ),
        parts=(
            Part("probability", rf"$p_{t}$, the probability of the true class, to at least 4 decimals (graded to the places you give)",
                 figures["p"][t - 1], question=round4(at(probability[t - 1]))),
            Part("loss", r"the loss $L$ to at least 4 decimals (graded to the places you give)", figures["loss"], question=round4(at(loss))),
            Part("gradient", r"$\frac{\partial L}{\partial z_1}$ to at least 4 decimals (graded to the places you give)", figures["gradient"],
                 question=round4(at(Derivative(loss, z1)))),
        ),
        given=setting,
        source="a worked example of seed 001 question 2 (softmax), in numbers",
    )


VARIANTS = Variants(
    parameters=(Decimal("z1", "-3", "3", 1), Decimal("z2", "-3", "3", 1), Decimal("z3", "-3", "3", 1), Choice("label", (1, 2, 3))),
    build=build,
    original=ORIGINAL,
)
PROBLEM = VARIANTS.problem(ORIGINAL)
