"""Softmax is invariant to adding a constant, flattens at scale 0 and hardens to argmax (seed 001 Q2)."""

from sympy import IndexedBase, Lambda, Limit, Sum, Symbol, exp, log, oo, evaluate, Function

from derivs.model import Claim, Derivation, Index, IndexedFunction, Part, Problem, Scalar, Size, Vector

K = Symbol("K", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
j = Symbol("j", integer=True, positive=True)
other = Symbol("i'", integer=True, positive=True)  # an index that is not the argmax
c = Symbol("c", real=True)
x = IndexedBase("x", real=True)
d = IndexedBase("d", positive=True)  # gaps below the largest entry: x_j = x_1 - d_j
sigma = Function("sigma")


def softmax(entry, index, size=K):
    """S(v)_index for the vector with entries entry(1..size)."""
    return exp(entry(index)) / Sum(exp(entry(j)), (j, 1, size))


def softmax_of_written_vector(vector, index):
    """S(v)_index as a student writes it: v in terms of the vector's plain name x, e.g. x + c."""
    named_x = [s for s in vector.free_symbols if isinstance(s, Symbol) and s.name == "x"]
    return softmax(lambda k: vector.xreplace({s: x[k] for s in named_x}), index)


def softmax_of_scaled_argmax_first(index, scale):
    """S(scale * v)_index where v_1 is the unique largest entry and v_j = v_1 - d_j for j >= 2."""
    first = x[1]
    return exp(scale * (first - d[index])) / (exp(scale * first) + Sum(exp(scale * (first - d[j])), (j, 2, K)))


with evaluate(False):
    factored = exp(x[i]) * exp(c) / (exp(c) * Sum(exp(x[j]), (j, 1, K)))

PROBLEM = Problem(
    id="softmax_shift",
    title="Softmax: translation invariance, scaling and the two-class case",
    statement=(
        r"For $\mathbf{x} \in \mathbb{R}^K$, $K \ge 2$, let $S(\mathbf{x})_i = e^{x_i} / \sum_{j=1}^{K} e^{x_j}$. "
        r"Show $S(\mathbf{x} + c) = S(\mathbf{x})$ for every scalar $c$; find $S(0\cdot\mathbf{x})$ and the limit of "
        r"$S(c\mathbf{x})$ as $c \to \infty$; for $K = 2$ write $S(\mathbf{x}) = [\sigma(z), 1 - \sigma(z)]$; and show "
        r"$S(\mathbf{x}) = S([0, x_2 - x_1, \dots, x_K - x_1])$."
    ),
    variables=(
        Size(K, (2, 3, 5)),
        Index(i, K),
        Index(other, K, lower=2),
        Vector(x, K),
        Vector(d, K, 0.2, 3.0),
        Scalar(c),
    ),
    definitions={sigma: Lambda(c, 1 / (1 + exp(-c)))},
    names={"sigma": sigma, "x": x, "K": K, "c": c, "S": IndexedFunction(softmax_of_written_vector), "p": IndexedFunction(softmax_of_written_vector)},
    claims=(
        Claim("translation", "S(x + c)_i = S(x)_i", softmax(lambda k: x[k] + c, i), softmax(lambda k: x[k], i)),
        Claim("zero_scale", "S(0 x)_i = 1/K", softmax(lambda k: 0 * x[k], i), 1 / K),
        Claim(
            "argmax_limit_max",
            "S(cx)_1 -> 1 as c -> oo when x_1 is the unique maximum",
            Limit(softmax_of_scaled_argmax_first(1, c), c, oo).subs(d[1], 0),
            1,
        ),
        Claim(
            "argmax_limit_others",
            "S(cx)_i -> 0 as c -> oo for i != argmax",
            Limit(softmax_of_scaled_argmax_first(other, c), c, oo),
            0,
        ),
        Claim("two_class_first", "K = 2: S(x)_1 = sigma(x_1 - x_2)", softmax(lambda k: x[k], 1, 2), sigma(x[1] - x[2])),
        Claim("two_class_second", "K = 2: S(x)_2 = 1 - sigma(x_1 - x_2)", softmax(lambda k: x[k], 2, 2), 1 - sigma(x[1] - x[2])),
        Claim(
            "k_minus_one_parameters",
            "S(x) = S([0, x_2 - x_1, ..., x_K - x_1])",
            softmax(lambda k: x[k] - x[1], i),
            softmax(lambda k: x[k], i),
        ),
    ),
    parts=(
        Part("shifted", r"$S(\mathbf{x} + c)_i$ in terms of $\mathbf{x}$", softmax(lambda k: x[k], i), question=softmax(lambda k: x[k] + c, i), in_terms_of=(x,), form_required=True),
        Part(
            "two_class_logit",
            r"$z$ such that $S(\mathbf{x})_1 = \sigma(z)$ when $K = 2$",
            x[1] - x[2],
            question=log(softmax(lambda k: x[k], 1, 2) / (1 - softmax(lambda k: x[k], 1, 2))),
        ),
        Part("zero_scale", r"$S(0\cdot\mathbf{x})_i$", 1 / K, question=softmax(lambda k: 0 * x[k], i)),
    ),
    derivations=(
        Derivation(
            "translation invariance",
            softmax(lambda k: x[k] + c, i),
            (factored, softmax(lambda k: x[k], i)),
        ),
        Derivation(
            "two classes",
            softmax(lambda k: x[k], 1, 2),
            (exp(x[1]) / (exp(x[1]) + exp(x[2])), 1 / (1 + exp(-(x[1] - x[2]))), sigma(x[1] - x[2])),
        ),
    ),
    given=r"For $\mathbf{x} \in \mathbb{R}^K$, $K \ge 2$, let $S(\mathbf{x})_i = e^{x_i} / \sum_{j=1}^{K} e^{x_j}$ and $\sigma(z) = \frac{1}{1+e^{-z}}$; $c$ is a scalar.",
    source="seed 001 question 2",
)
