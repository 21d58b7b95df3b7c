"""ReLU and the Heaviside step: g' = H away from 0, g = x H(x) = integral of H, sigma(kx) -> H(x) (seed 001 Q1)."""

from sympy import Derivative, Function, Heaviside, Integral, Interval, Lambda, Limit, Max, Symbol, exp, oo, FiniteSet

from derivs.model import Claim, Derivation, Note, Part, Problem, Scalar

x = Symbol("x", real=True)
t = Symbol("t", real=True)
h = Symbol("epsilon", real=True)
k = Symbol("k", positive=True)
g = Function("g")
sigma = Function("sigma")

nonzero = (Interval.open(-oo, 0), Interval.open(0, oo))
by_sign = (Interval.open(-oo, 0), FiniteSet(0), Interval.open(0, oo))
g_prime = Derivative(g(x), x)


def one_sided_derivative_at_zero(side):
    return Limit((g(h) - g(0)) / h, h, 0, side)


PROBLEM = Problem(
    id="relu_heaviside",
    title="The ReLU and the Heaviside step function",
    statement=(
        r"Let $g(x) = \max(0, x)$ and $H(x) = 1$ for $x > 0$, $\frac{1}{2}$ at $0$, $0$ for $x < 0$. "
        r"Show that $g'(x) = H(x)$ wherever $g$ is differentiable and that $g$ is not differentiable at $0$; "
        r"write $g$ in two ways through $H$; and show that $\sigma(kx) = \frac{1}{1+e^{-kx}} \to H(x)$ as $k \to \infty$."
    ),
    variables=(Scalar(x), Scalar(t), Scalar(k, 0.5, 5)),
    definitions={g: Lambda(x, Max(0, x)), sigma: Lambda(x, 1 / (1 + exp(-x)))},
    names={"H": Heaviside, "g": g, "sigma": sigma},
    claims=(
        Claim("derivative", "g'(x) = H(x) for x != 0", g_prime, Heaviside(x), where={x: nonzero}),
        Claim("left_derivative_at_zero", "the left derivative of g at 0 is 0", one_sided_derivative_at_zero("-"), 0),
        Claim("right_derivative_at_zero", "the right derivative of g at 0 is 1 (so g'(0) does not exist)", one_sided_derivative_at_zero("+"), 1),
        Claim("relu_via_heaviside", "g(x) = x H(x)", g(x), x * Heaviside(x), where={x: by_sign}),
        Claim("relu_as_integral", "g(x) = integral from -oo to x of H(t) dt", g(x), Integral(Heaviside(t), (t, -oo, x)), where={x: by_sign}),
        Claim("sigmoid_limit", "sigma(kx) -> H(x) as k -> oo, including 1/2 at 0", Limit(sigma(k * x), k, oo), Heaviside(x), where={x: by_sign}),
    ),
    parts=(
        Part("derivative", r"$g'(x)$ for $x \neq 0$", Heaviside(x), question=g_prime, where={x: nonzero}),
        Part("relu_via_heaviside", r"$g(x)$ in terms of $H$", x * Heaviside(x), question=g(x), where={x: by_sign}, in_terms_of=(Heaviside,), form_required=True),
    ),
    derivations=(
        Derivation("derivative for x > 0", g_prime, (Derivative(x, x), 1, Heaviside(x)), where={x: Interval.open(0, oo)}),
        Derivation("derivative for x < 0", g_prime, (Derivative(0 * x, x), 0, Heaviside(x)), where={x: Interval.open(-oo, 0)}),
    ),
    notes=(
        Note(
            r"A common slip (seed 001) is writing $g(x) = \int_{-\infty}^{x} H(x)\,dx$: the variable of integration "
            r"must differ from the upper limit, $g(x) = \int_{-\infty}^{x} H(t)\,dt$."
        ),
        Note(r"$g'(0)$ does not exist: the one-sided derivatives are $0$ and $1$. The value $H(0) = \frac{1}{2}$ is a convention, not a derivative."),
    ),
    given=r"Let $g(x) = \max(0, x)$ and $H(x) = 1$ for $x > 0$, $\frac{1}{2}$ at $0$, $0$ for $x < 0$.",
    source="seed 001 question 1",
)
