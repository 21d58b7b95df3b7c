"""A logistic unit's backprop needs only its output; the output ranges of sigma and tanh (seed 004, Q5 and Q6a)."""

from sympy import Derivative, Function, IndexedBase, Interval, Lambda, Rational, Subs, Sum, Symbol, exp, tanh

from derivs.model import Claim, Derivation, Index, Note, Part, Problem, Scalar, Size, Vector

z = Symbol("z", real=True)
t = Symbol("t", real=True)  # the target
D = Symbol("D", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
d = Symbol("d", integer=True, positive=True)  # summation index, never sampled
w = IndexedBase("w", real=True)
x = IndexedBase("x", real=True)
sigma = Function("sigma")

pre_activation = Sum(w[d] * x[d], (d, 1, D))
output = sigma(pre_activation)  # y-hat
loss = Rational(1, 2) * (output - t) ** 2
slope = Derivative(sigma(z), z)
weight_gradient = Derivative(loss, w[i])

PROBLEM = Problem(
    id="logistic_output",
    title="Backprop through a logistic unit needs only its output",
    statement=(
        r"A unit outputs $\hat y = \sigma(z)$ with $z = \sum_{d=1}^{D} w_d x_d$ and $\sigma(z) = \frac{1}{1+e^{-z}}$; "
        r"the loss is $L = \frac{1}{2}(\hat y - t)^2$. Show $\frac{d\hat y}{dz} = \hat y(1 - \hat y)$, so that "
        r"$\frac{\partial L}{\partial w_i} = (\hat y - t)\,\hat y(1-\hat y)\,x_i$ needs the unit's output but not $z$; "
        r"show the slope is at most $\frac{1}{4}$; and give the output ranges of $\sigma$ and $\tanh$."
    ),
    variables=(Scalar(z), Scalar(t, 0, 1), Size(D, (1, 2, 4)), Index(i, D), Vector(w, D, -2.0, 2.0), Vector(x, D, -2.0, 2.0)),
    definitions={sigma: Lambda(z, 1 / (1 + exp(-z)))},
    names={"sigma": sigma, "\\hat{y}": output, "y": output, "L": loss},
    written={
        sigma(z) * (1 - sigma(z)): r"\sigma(z)(1 - \sigma(z))",
        weight_gradient: r"\frac{\partial L}{\partial w_i}",
        (output - t) * output * (1 - output) * x[i]: r"(\hat y - t)\,\hat y\,(1 - \hat y)\,x_i",
    },
    sum_bounds={"d": D},
    claims=(
        Claim("slope_from_output", "d sigma/dz = sigma(z) (1 - sigma(z))", slope, sigma(z) * (1 - sigma(z))),
        Claim(
            "weight_gradient",
            "dL/dw_i = (y - t) y (1 - y) x_i with y = sigma(z)",
            weight_gradient,
            (output - t) * output * (1 - output) * x[i],
        ),
        Claim("slope_at_zero", "sigma'(0) = 1/4", Subs(slope, z, 0), Rational(1, 4)),
        Claim("slope_at_most_quarter", "sigma'(z) = 1/4 - (sigma(z) - 1/2)^2, so sigma' <= 1/4", slope, Rational(1, 4) - (sigma(z) - Rational(1, 2)) ** 2),
        Claim("sigmoid_range", "the values of sigma over R are (0, 1)", sigma(z), Interval.open(0, 1)),
        Claim("tanh_range", "the values of tanh over R are (-1, 1)", tanh(z), Interval.open(-1, 1)),
        Claim("slope_range", "the values of sigma' over R are (0, 1/4]", sigma(z) * (1 - sigma(z)), Interval.Lopen(0, Rational(1, 4))),
    ),
    parts=(
        Part(
            "slope_from_output",
            r"$\frac{d\sigma}{dz}$ in terms of $\sigma(z)$ only",
            sigma(z) * (1 - sigma(z)),
            question=slope,
            in_terms_of=(sigma,),
        ),
        Part(
            "weight_gradient",
            r"$\frac{\partial L}{\partial w_i}$ in terms of the output $\hat y$, the target $t$ and the input $x_i$",
            (output - t) * output * (1 - output) * x[i],
            question=weight_gradient,
            points=2.0,
            in_terms_of=(output, t, x),
        ),
        Part("max_slope", r"the largest value of $\sigma'(z)$", Rational(1, 4), question=Subs(slope, z, 0)),
    ),
    derivations=(
        Derivation(
            "slope from the output",
            slope,
            (exp(-z) / (1 + exp(-z)) ** 2, 1 / (1 + exp(-z)) * (exp(-z) / (1 + exp(-z))), sigma(z) * (1 - sigma(z))),
        ),
    ),
    notes=(
        Note(
            r"The ranges are open: $\sigma(z) \to 1$ as $z \to \infty$ and $\to 0$ as $z \to -\infty$ but never reaches either; "
            r"$\tanh = 2\sigma(2z) - 1$ maps them to $(-1, 1)$, centred at 0."
        ),
    ),
    given=r"A unit outputs $\hat y = \sigma(z)$ with $z = \sum_{d=1}^{D} w_d x_d$ and $\sigma(z) = \frac{1}{1+e^{-z}}$; the loss is $L = \frac{1}{2}(\hat y - t)^2$ for a target $t$.",
    source="seed 004, questions 5 and 6(a)",
)
