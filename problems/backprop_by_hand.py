"""Backpropagation by hand: dL/dw_3 for the network and numbers of seed 004 Q2."""

from sympy import Derivative, Function, Lambda, Rational, Subs, Symbol, exp, symbols

from derivs.model import Claim, Derivation, Note, Part, Problem, WriteUp, rounding

w = symbols("w_1:7", real=True)
v = Symbol("v", real=True)
sigma = Function("sigma")
round4, to_4_places = rounding(4)
WEIGHTS, INPUTS = ("0.75", "-0.63", "0.24", "-1.7", "0.8", "-0.2"), ("0.9", "-1.1", "-0.3", "0.8")
values = dict(zip(w, map(Rational, WEIGHTS)))
x = tuple(map(Rational, INPUTS))
label = Rational(1, 2)

s1 = x[0] * w[0] + x[1] * w[1]  # Sigma_1
s2 = x[2] * w[2] + x[3] * w[3]  # Sigma_2
s3 = sigma(s1) * w[4] + sigma(s2) * w[5]  # Sigma_3
prediction = sigma(s3)
loss = (label - prediction) ** 2
chain = 2 * (prediction - label) * prediction * (1 - prediction) * w[5] * sigma(s2) * (1 - sigma(s2)) * x[2]
gradient = Derivative(loss, w[2])


def at_values(expr):
    return Subs(expr, tuple(values), tuple(values.values()))


PROBLEM = Problem(
    id="backprop_by_hand",
    title="Backpropagation by hand",
    statement=(
        r"In the network $\Sigma_1 = x_1 w_1 + x_2 w_2$, $\Sigma_2 = x_3 w_3 + x_4 w_4$, "
        r"$\Sigma_3 = \sigma(\Sigma_1) w_5 + \sigma(\Sigma_2) w_6$, $\hat y = \sigma(\Sigma_3)$, $L = (y - \hat y)^2$, "
        r"with $w = (0.75, -0.63, 0.24, -1.7, 0.8, -0.2)$, $x = (0.9, -1.1, -0.3, 0.8)$ and $y = 0.5$, compute "
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
        Claim("sigma_1", "sigma(Sigma_1) = sigma(1.368) = 0.7971 (the seed writes 0.202943 = sigma(-1.368))", round4(at_values(sigma(s1))), Rational("0.7971")),
        Claim("sigma_2", "sigma(Sigma_2) = sigma(-1.432) = 0.1928", round4(at_values(sigma(s2))), Rational("0.1928")),
        Claim("y_hat", "y-hat = sigma(0.5991) = 0.6454", round4(at_values(prediction)), Rational("0.6454")),
        Claim("gradient", "dL/dw3 = 0.0006 (the seed's 0.00143 and its boxed 0.0001 are both wrong)", round4(at_values(gradient)), Rational("0.0006")),
    ),
    parts=(Part("gradient", r"$\frac{\partial L}{\partial w_3}$ to at least 4 decimals (graded to the places you give)", Rational("0.0006"), question=round4(at_values(gradient))),),
    derivations=(Derivation("chain rule", at_values(gradient), (at_values(chain),)),),
    notes=(
        Note(
            r"Seed 004 takes $\sigma(1.368) = 0.202943$, which is $\sigma(-1.368)$; $\sigma(1.368) = 0.797057$. With it "
            r"$\Sigma_3 = 0.5991$, $\hat y = 0.6454$, and $\frac{\partial L}{\partial w_3} = 2(0.6454 - 0.5)(0.2288)(-0.2)(0.1556)(-0.3) = 0.000622 \approx 0.0006$."
        ),
        Note(
            r"The seed's own product $(0.061818)(0.249044)(-0.2)(0.155620)(-0.3)$ is $0.000144$, not $0.00143$, and its boxed "
            r"$0.0001$ matches neither; it also uses $2|y - \hat y|$, which loses the sign of $\frac{\partial L}{\partial \hat y} = 2(\hat y - y)$."
        ),
    ),
    write_up=WriteUp(
        recognised_by={**{f"w_{n}": value for n, value in enumerate(WEIGHTS, 1)}, **{f"x_{n}": value for n, value in enumerate(INPUTS, 1)}},
        answers={r"\frac{\partial L}{\partial w_3}": at_values(gradient)},
    ),
    source="seed 004 question 2",
)
