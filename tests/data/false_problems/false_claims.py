"""Deliberately false claims: the verifier must refute every one, symbolically and numerically."""

from sympy import Derivative, Function, IndexedBase, Lambda, Limit, MatrixSymbol, Sum, Symbol, exp, oo, tanh

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
phi = Function("varphi")
sigma = Function("sigma")

PROBLEM = Problem(
    id="false_claims",
    title="Claims that are false",
    statement="Each claim here is a common wrong answer.",
    variables=(Scalar(x), Scalar(a, 0.5, 4), Scalar(k, 0.5, 4), Scalar(c, 0.5, 3), Size(K, (2, 3, 5)), Index(i, K), Vector(v, K), Size(n, (2, 3)), Matrix(A), Matrix(B)),
    definitions={phi: Lambda(x, 1 / (1 + exp(-a * x))), sigma: Lambda(x, 1 / (1 + exp(-x)))},
    claims=(
        Claim("dropped_chain_factor", "phi'(x) = phi(x)(1 - phi(x))", Derivative(phi(x), x), phi(x) * (1 - phi(x))),
        Claim("seed_001_sigma_via_tanh", "sigma(x) = tanh(x/2 + 1)/2", sigma(x), tanh(x / 2 + 1) / 2),
        Claim("scale_invariance", "S(c v)_i = S(v)_i", exp(c * v[i]) / Sum(exp(c * v[j]), (j, 1, K)), exp(v[i]) / Sum(exp(v[j]), (j, 1, K))),
        Claim("products_commute", "A B = B A", A * B, B * A),
        Claim("sigmoid_limit_is_one", "sigma(kx) -> 1 for every x", Limit(sigma(k * x), k, oo), 1),
    ),
    derivations=(Derivation("one wrong step", Derivative(phi(x), x), (a * exp(-a * x) / (1 + exp(-a * x)) ** 2, exp(-a * x) / (1 + exp(-a * x)) ** 2)),),
)
