"""A network with linear hidden units has a straight-line decision boundary (seed 000, section 2)."""

from sympy import Derivative, Function, Lambda, Rational, Subs, Symbol, evaluate, exp, log, symbols

from derivs.model import Claim, Derivation, Part, Problem, Scalar

x1, x2, c = Symbol("x_1", real=True), Symbol("x_2", real=True), Symbol("c", real=True)
w1, w2, w3, w4, w5, w6, w7, w8, w9 = symbols("w_1:10", real=True)
g = Function("g")
z = Symbol("z", real=True)

h1 = c * (w3 * x1 + w5 * x2 + w1)
h2 = c * (w4 * x1 + w6 * x2 + w2)
pre_activation = w8 * h1 + w9 * h2 + w7
weight_1, weight_2 = c * (w8 * w3 + w9 * w4), c * (w8 * w5 + w9 * w6)
bias = c * (w8 * w1 + w9 * w2) + w7
line = weight_1 * x1 + weight_2 * x2 + bias
with evaluate(False):
    logit_of_half = log(Rational(1, 2) / (1 - Rational(1, 2)))  # g's inverse at 1/2, as the seed writes it

PROBLEM = Problem(
    id="decision_boundary",
    title="Linear hidden units: one layer, and a straight decision boundary",
    statement=(
        r"Hidden units $h_1 = c(w_3 x_1 + w_5 x_2 + w_1)$, $h_2 = c(w_4 x_1 + w_6 x_2 + w_2)$ feed "
        r"$g(w_8 h_1 + w_9 h_2 + w_7)$ with $g$ the logistic sigmoid. Show the network equals one without hidden "
        r"layer and that its decision boundary $g = 0.5$ is the line $c(w_8w_3 + w_9w_4)x_1 + c(w_8w_5 + w_9w_6)x_2 + c(w_8w_1 + w_9w_2) + w_7 = 0$."
    ),
    variables=(Scalar(x1), Scalar(x2), Scalar(c), *(Scalar(w, -2, 2) for w in (w1, w2, w3, w4, w5, w6, w7, w8, w9))),
    definitions={g: Lambda(z, 1 / (1 + exp(-z)))},
    names={"g": g},
    written={logit_of_half: r"\log\frac{0.5}{1 - 0.5}"},
    claims=(
        Claim("one_layer", "g(w8 h1 + w9 h2 + w7) = g(W x + b) with the weights and bias below", g(pre_activation), g(line)),
        Claim("half_at_zero", "g(0) = 1/2, so g = 0.5 exactly where the pre-activation is 0 (g is increasing)", g(0), Rational(1, 2)),
        Claim("logit_of_half", "the only z with g(z) = 1/2 is z = log(0.5 / (1 - 0.5)) = 0", logit_of_half, 0),
    ),
    parts=(
        Part("weight_x1", "the coefficient of $x_1$ on the boundary line", weight_1, question=Derivative(pre_activation, x1)),
        Part("weight_x2", "the coefficient of $x_2$ on the boundary line", weight_2, question=Derivative(pre_activation, x2)),
        Part("bias", "the constant term of the boundary line", bias, question=Subs(pre_activation, (x1, x2), (0, 0))),
    ),
    derivations=(Derivation("pre-activation", pre_activation, (line,)),),
    given=r"Hidden units $h_1 = c(w_3 x_1 + w_5 x_2 + w_1)$, $h_2 = c(w_4 x_1 + w_6 x_2 + w_2)$ feed $g(w_8 h_1 + w_9 h_2 + w_7)$ with $g$ the logistic sigmoid. The decision boundary is where $g = 0.5$, a line in $(x_1, x_2)$.",
    source="seed 000 section 2 (its line and coefficients are right)",
)
