"""Deliberately false claims: the verifier must refute every one, symbolically and numerically."""

from sympy import Derivative, Function, IndexedBase, Interval, KroneckerDelta, Lambda, Limit, MatrixSymbol, Rational, Sum, Symbol, exp, log, oo, tanh

from derivs.model import Claim, Derivation, Index, Matrix, Problem, Scalar, Size, Vector

x = Symbol("x", real=True)
a = Symbol("a", positive=True)
k = Symbol("k", positive=True)
c = Symbol("c", positive=True)
K = Symbol("K", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
j = Symbol("j", integer=True, positive=True)
v = IndexedBase("v", real=True)
n = Symbol("n", integer=True, positive=True)
A, B = MatrixSymbol("A", n, n), MatrixSymbol("B", n, n)
m = Symbol("m", integer=True, positive=True)
w = IndexedBase("w", real=True)


def p(index):
    return exp(v[index]) / Sum(exp(v[j]), (j, 1, K))
phi = Function("varphi")
sigma = Function("sigma")

PROBLEM = Problem(
    id="false_claims",
    title="Claims that are false",
    statement="Each claim here is a common wrong answer.",
    variables=(
        Scalar(x),
        Scalar(a, 0.5, 4),
        Scalar(k, 0.5, 4),
        Scalar(c, 0.5, 3),
        Size(K, (2, 3, 5)),
        Index(i, K),
        Index(m, K),
        Vector(v, K),
        Vector(w, K),
        Size(n, (2, 3)),
        Matrix(A),
        Matrix(B),
    ),
    definitions={phi: Lambda(x, 1 / (1 + exp(-a * x))), sigma: Lambda(x, 1 / (1 + exp(-x)))},
    claims=(
        Claim("dropped_chain_factor", "phi'(x) = phi(x)(1 - phi(x))", Derivative(phi(x), x), phi(x) * (1 - phi(x))),
        Claim("seed_001_sigma_via_tanh", "sigma(x) = tanh(x/2 + 1)/2", sigma(x), tanh(x / 2 + 1) / 2),
        Claim("scale_invariance", "S(c v)_i = S(v)_i", exp(c * v[i]) / Sum(exp(c * v[j]), (j, 1, K)), exp(v[i]) / Sum(exp(v[j]), (j, 1, K))),
        Claim("products_commute", "A B = B A", A * B, B * A),
        Claim("sigmoid_limit_is_one", "sigma(kx) -> 1 for every x", Limit(sigma(k * x), k, oo), 1),
        Claim("softmax_slope_one_case", "dp_m/dv_i = p_m (1 - p_i) for all m, i", Derivative(p(m), v[i]), p(m) * (1 - p(i))),
        Claim("sum_of_squares", "sum w_j^2 = (sum w_j)^2", Sum(w[j] ** 2, (j, 1, K)), Sum(w[j], (j, 1, K)) ** 2),
        Claim("cross_entropy_sign", "dE/dv_i = y_i - p_i for a one-hot label", Derivative(-Sum(KroneckerDelta(j, m) * log(p(j)), (j, 1, K)), v[i]), KroneckerDelta(i, m) - p(i)),
        Claim("sigmoid_range_too_wide", "the values of sigma are (-1, 1)", sigma(x), Interval.open(-1, 1)),
        Claim("slope_range_open", "the values of sigma' are (0, 1/4)", sigma(x) * (1 - sigma(x)), Interval.open(0, Rational(1, 4))),
    ),
    derivations=(Derivation("one wrong step", Derivative(phi(x), x), (a * exp(-a * x) / (1 + exp(-a * x)) ** 2, exp(-a * x) / (1 + exp(-a * x)) ** 2)),),
)
