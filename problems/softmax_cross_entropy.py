"""The softmax derivative dp_k/dx_i = p_k(1{k=i} - p_i) and the cross-entropy gradient p_i - y_i (seed 002, section 3a)."""

from sympy import Derivative, IndexedBase, KroneckerDelta, Sum, Symbol, exp, evaluate, log

from derivs.model import Claim, Derivation, Index, IndexedFunction, Mistake, Note, Part, Problem, Size, Vector

K = Symbol("K", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
k = Symbol("k", integer=True, positive=True)
c = Symbol("c", integer=True, positive=True)  # the true class of a one-hot label
other = Symbol("i'", integer=True, positive=True)  # an index other than 1
j = Symbol("j", integer=True, positive=True)  # summation indices, never sampled
m = Symbol("m", integer=True, positive=True)
x = IndexedBase("x", real=True)  # the logits
t = IndexedBase("t", real=True)  # targets, any real numbers (y is kept for the one-hot label)
q = IndexedBase("q", positive=True)  # positive weights: y_m = q_m / sum q is any label distribution


def p(index):
    """The softmax entry p_index = S(x)_index."""
    return exp(x[index]) / Sum(exp(x[j]), (j, 1, K))


def one_hot(index):
    return KroneckerDelta(index, c)


def distribution(index):
    return q[index] / Sum(q[j], (j, 1, K))


def cross_entropy(label):
    """E = -sum_m label(m) log p_m."""
    return -Sum(label(m) * log(p(m)), (m, 1, K))


def gradient(label):
    return Derivative(cross_entropy(label), x[i])


# p_k is read as e^{x_k} / sum_j e^{x_j}: "in terms of p" means x only inside those exponentials and that sum
IN_TERMS_OF_P = (Sum(exp(x[j]), (j, 1, K)), exp)
softmax_entry = IndexedFunction(lambda vector, index: p(index))
label_entry = IndexedFunction(lambda vector, index: one_hot(index))
softmax_prime = Derivative(p(k), x[i])

with evaluate(False):
    quotient_rule = (KroneckerDelta(k, i) * exp(x[k]) * Sum(exp(x[j]), (j, 1, K)) - exp(x[k]) * exp(x[i])) / Sum(exp(x[j]), (j, 1, K)) ** 2
    chain_rule = -Sum(one_hot(m) / p(m) * Derivative(p(m), x[i]), (m, 1, K))
    cancelled = -Sum(one_hot(m) * (KroneckerDelta(m, i) - p(i)), (m, 1, K))

PROBLEM = Problem(
    id="softmax_cross_entropy",
    title="Softmax derivative and the cross-entropy gradient",
    statement=(
        r"Let $p_k = S(\mathbf{x})_k = e^{x_k} / \sum_{j=1}^{K} e^{x_j}$ and $E = -\sum_{m=1}^{K} y_m \log p_m$. "
        r"Show $\frac{\partial p_k}{\partial x_i} = p_k(1\{k = i\} - p_i)$, and that "
        r"$\frac{\partial E}{\partial x_i} = p_i - y_i$ whenever $\sum_m y_m = 1$ (one-hot labels $y_m = 1\{m = c\}$ in particular)."
    ),
    variables=(
        Size(K, (2, 3, 5)),
        Index(i, K),
        Index(k, K),
        Index(c, K),
        Index(other, K, lower=2),
        Vector(x, K),
        Vector(t, K, -2.0, 2.0),
        Vector(q, K, 0.1, 3.0),
    ),
    names={"p": softmax_entry, "S": softmax_entry, "o": softmax_entry, "y": label_entry, "K": K, "E": cross_entropy(one_hot)},
    written={
        **{p(index): f"p_{{{index}}}" for index in (i, k, c, 1, other)},
        p(k) * (KroneckerDelta(k, i) - p(i)): r"p_k(\delta_{ki} - p_i)",
        p(i) * (1 - p(i)): r"p_i(1 - p_i)",
        -p(1) * p(other): r"-p_1 p_{i'}",
        gradient(lambda n: t[n]): r"\frac{\partial}{\partial x_i}\left(-\sum_{m=1}^{K} t_m \log p_m\right)",
        p(i) * Sum(t[m], (m, 1, K)) - t[i]: r"p_i \sum_{m=1}^{K} t_m - t_i",
        gradient(distribution): r"\frac{\partial}{\partial x_i}\left(-\sum_{m=1}^{K} \frac{q_m}{\sum_{j=1}^{K} q_j} \log p_m\right)",
        p(i) - distribution(i): r"p_i - \frac{q_i}{\sum_{j=1}^{K} q_j}",
        gradient(one_hot): r"\frac{\partial E}{\partial x_i}",
        p(i) - one_hot(i): r"p_i - y_i",
        cross_entropy(one_hot): r"-\sum_{m=1}^{K} y_m \log p_m",
        -log(p(c)): r"-\log p_c",
        quotient_rule: r"\frac{\delta_{ki} e^{x_k} \sum_{j=1}^{K} e^{x_j} - e^{x_k} e^{x_i}}{\left(\sum_{j=1}^{K} e^{x_j}\right)^2}",
        p(k) * KroneckerDelta(k, i) - p(k) * p(i): r"p_k \delta_{ki} - p_k p_i",
        chain_rule: r"-\sum_{m=1}^{K} \frac{y_m}{p_m} \frac{\partial p_m}{\partial x_i}",
        cancelled: r"-\sum_{m=1}^{K} y_m (\delta_{mi} - p_i)",
    },
    claims=(
        Claim("softmax_derivative", "dp_k/dx_i = p_k (1{k=i} - p_i)", softmax_prime, p(k) * (KroneckerDelta(k, i) - p(i))),
        Claim("same_index", "dp_i/dx_i = p_i (1 - p_i)", Derivative(p(i), x[i]), p(i) * (1 - p(i))),
        Claim("other_index", "dp_1/dx_i' = -p_1 p_i' for i' != 1", Derivative(p(1), x[other]), -p(1) * p(other)),
        Claim("any_labels", "dE/dx_i = p_i sum_m t_m - t_i for any targets t in place of the labels", gradient(lambda n: t[n]), p(i) * Sum(t[m], (m, 1, K)) - t[i]),
        Claim("distribution_labels", "dE/dx_i = p_i - y_i when the labels sum to 1", gradient(distribution), p(i) - distribution(i)),
        Claim("one_hot_labels", "dE/dx_i = p_i - 1{i=c} for a one-hot label", gradient(one_hot), p(i) - one_hot(i)),
        Claim("one_hot_loss", "a one-hot label leaves E = -log p_c", cross_entropy(one_hot), -log(p(c))),
    ),
    parts=(
        Part(
            "softmax_derivative",
            r"$\frac{\partial p_k}{\partial x_i}$ in terms of $p$, one formula for every $k$ and $i$ (write $1\{k=i\}$ or $\delta_{ki}$)",
            p(k) * (KroneckerDelta(k, i) - p(i)),
            question=softmax_prime,
            in_terms_of=IN_TERMS_OF_P,
            points=2.0,
            mistakes=(
                Mistake(p(k) * (1 - p(i)), "that is only the case k = i; for k != i the derivative is -p_k p_i, so write p_k(1{k=i} - p_i)"),
                Mistake(-p(k) * p(i), "that is only the case k != i; when k = i there is an extra p_i: p_i(1 - p_i)"),
            ),
        ),
        Part("same_index", r"$\frac{\partial p_i}{\partial x_i}$ in terms of $p_i$", p(i) * (1 - p(i)), question=Derivative(p(i), x[i]), in_terms_of=IN_TERMS_OF_P),
        Part(
            "cross_entropy_gradient",
            r"$\frac{\partial E}{\partial x_i}$ for a one-hot label $y$ (write it with $p_i$ and $y_i$)",
            p(i) - one_hot(i),
            question=gradient(one_hot),
            points=2.0,
            mistakes=(
                Mistake(one_hot(i) - p(i), "the sign is flipped: E = -log p_c falls as p_c rises, so dE/dx_c = p_c - 1 < 0"),
                Mistake(-p(i) - one_hot(i), "-sum_k y_k (1{k=i} - p_i) = p_i sum_k y_k - y_i: the p_i term keeps a plus sign"),
                Mistake(-one_hot(i) / p(i), "that is dE/dp_i; the answer needs the chain through the softmax: sum_k (dE/dp_k)(dp_k/dx_i)"),
            ),
        ),
    ),
    derivations=(
        Derivation(
            "softmax derivative (quotient rule)",
            softmax_prime,
            (quotient_rule, p(k) * KroneckerDelta(k, i) - p(k) * p(i), p(k) * (KroneckerDelta(k, i) - p(i))),
            reasons=("quotient rule", "split the fraction", "factor out $p_k$"),
        ),
        Derivation(
            "cross-entropy gradient (one-hot label)",
            gradient(one_hot),
            (chain_rule, cancelled, p(i) - one_hot(i)),
            reasons=(r"chain rule through $\log p_m$", "the softmax derivative above", r"$\sum_m y_m = 1$"),
        ),
    ),
    notes=(
        Note(
            r"Seed 002, equation (18) writes $-\sum_k y_k(1\{k=i\} - p_i) = -\sum_k y_k p_i - \sum_k y_k 1\{k=i\}$: "
            r"the sign of the first sum is wrong. The line equals $-p_i - y_i$ for labels that sum to 1, not $p_i - y_i$; "
            r"the correct line is $\sum_k y_k p_i - \sum_k y_k 1\{k=i\} = p_i - y_i$. The seed's final answer is right."
        ),
        Note(
            r"$\frac{\partial E}{\partial x_i} = p_i - y_i$ needs $\sum_m y_m = 1$: for any labels it is $p_i \sum_m y_m - y_i$."
        ),
    ),
    given=r"Let $p_k = S(\mathbf{x})_k = e^{x_k} / \sum_{j=1}^{K} e^{x_j}$ and $E = -\sum_{m=1}^{K} y_m \log p_m$, with $\sum_m y_m = 1$.",
    source="seed 002, section 3a",
)
