"""A two-layer sigmoid network equals a tanh network under an exact parameter map (seed 001, question 3)."""

from sympy import IndexedBase, Rational, Sum, Symbol, exp, tanh

from derivs.model import Claim, Index, Mistake, Note, Part, Problem, Scalar, Size, Table, Vector

D = Symbol("D", integer=True, positive=True)
M = Symbol("M", integer=True, positive=True)
K = Symbol("K", integer=True, positive=True)
k = Symbol("k", integer=True, positive=True)  # an output unit
j = Symbol("j", integer=True, positive=True)  # a hidden unit
i = Symbol("i", integer=True, nonnegative=True)  # an input, 0 for the bias
n = Symbol("n", integer=True, positive=True)  # summation indices, never sampled
d = Symbol("d", integer=True, positive=True)
a = Symbol("a", real=True)
x = IndexedBase("x", real=True)
w1 = IndexedBase("omega^(1)", real=True)  # w1[j, i]: input i -> hidden j; column 0 is the bias
w2 = IndexedBase("omega^(2)", real=True)  # w2[k, j]: hidden j -> output k; column 0 is the bias
half = Rational(1, 2)


def network(activation, first, second, inputs=lambda entry: x[entry]):
    """y_k = sum_j second_kj act(sum_i first_ji x_i + first_j0) + second_k0, as in the seed."""
    hidden = lambda unit: activation(Sum(first(unit, d) * inputs(d), (d, 1, D)) + first(unit, 0))  # noqa: E731
    return Sum(second(k, n) * hidden(n), (n, 1, M)) + second(k, 0)


def sigmoid(t):
    return 1 / (1 + exp(-t))


def weights(base):
    return lambda row, column: base[row, column]


# The exact map, from sigma(t) = (1 + tanh(t/2)) / 2 for every hidden unit; the parts are these entries.
output_bias = w2[k, 0] + half * Sum(w2[k, n], (n, 1, M))
tanh_first = lambda row, column: w1[row, column] / 2  # noqa: E731
tanh_second = lambda row, column: output_bias if column == 0 else w2[row, column] / 2  # noqa: E731

# What the seed's identity sigma(t) = tanh(t/2 + 1) / 2 would give: biases shifted by 1, no output offset.
seed_first = lambda row, column: (w1[row, 0] / 2 + 1) if column == 0 else w1[row, column] / 2  # noqa: E731
seed_second = lambda row, column: w2[row, 0] if column == 0 else w2[row, column] / 2  # noqa: E731

sigmoid_net = network(sigmoid, weights(w1), weights(w2))
tanh_net = network(tanh, tanh_first, tanh_second)
# Where every hidden pre-activation is 0 (x = 0, zero first-layer biases) tanh units output 0, so the
# tanh network's output there is its output bias, and the sigmoid network's output must equal it.
quiet_point = network(sigmoid, lambda row, column: 0 if column == 0 else w1[row, column], weights(w2), inputs=lambda entry: 0)

PROBLEM = Problem(
    id="sigmoid_tanh_network",
    title="A sigmoid network as a tanh network",
    statement=(
        r"For $y(\mathbf{x}, \Theta, h)_k = \sum_{j=1}^{M} \omega^{(2)}_{kj}\, h\!\left(\sum_{i=1}^{D} \omega^{(1)}_{ji} x_i + \omega^{(1)}_{j0}\right) + \omega^{(2)}_{k0}$, "
        r"find parameters $\tilde\Theta$ with $y(\mathbf{x}, \tilde\Theta, \tanh) = y(\mathbf{x}, \Theta, \sigma)$ for every $\mathbf{x} \in \mathbb{R}^D$, "
        r"and express $\tilde\Theta$ through $\Theta$."
    ),
    variables=(
        Size(D, (1, 2, 3)),
        Size(M, (1, 2, 4)),
        Size(K, (1, 2)),
        Index(k, K),
        Index(j, M),
        Index(i, D, lower=0),
        Vector(x, D),
        Table(w1, M, D, column_start=0),
        Table(w2, K, M, column_start=0),
        Scalar(a),
    ),
    names={"omega^(1)": w1, "omega^(2)": w2, "w^(1)": w1, "w^(2)": w2},
    sum_bounds={"j": M, "i": D},
    claims=(
        Claim("unit", "sigma(a) = (1 + tanh(a/2)) / 2 for one hidden unit", sigmoid(a), (1 + tanh(a / 2)) / 2),
        Claim("networks_equal", "y(x, Theta, sigma)_k = y(x, Theta~, tanh)_k under the exact map", sigmoid_net, tanh_net),
    ),
    parts=(
        Part("first_layer", r"$\tilde\omega^{(1)}_{ji}$ (for every $i$, the bias $i = 0$ included)", tanh_first(j, i), question=tanh_first(j, i)),
        Part("second_layer", r"$\tilde\omega^{(2)}_{kj}$ for $j \ge 1$", tanh_second(k, j), question=tanh_second(k, j)),
        Part(
            "output_bias",
            r"$\tilde\omega^{(2)}_{k0}$",
            output_bias,
            question=quiet_point,
            points=2.0,
            mistakes=(Mistake(w2[k, 0], "each sigma(t) = 1/2 + tanh(t/2)/2 leaves a constant w_kj/2 behind: add half the sum of the second-layer weights"),),
        ),
    ),
    notes=(
        Note(
            r"Seed 001 derives its map from $\sigma(x) = \frac{1}{2}\tanh\left(\frac{x}{2} + 1\right)$, which is wrong "
            r"($\sigma(0) = \frac{1}{2}$ but $\frac{1}{2}\tanh 1 \approx 0.381$); the right identity is $\sigma(x) = \frac{1}{2}\left(1 + \tanh\frac{x}{2}\right)$. "
            r"Taken at its word, that identity gives $\tilde\omega^{(1)}_{j0} = \frac{\omega^{(1)}_{j0}}{2} + 1$ and $\tilde\omega^{(2)}_{k0} = \omega^{(2)}_{k0}$, a network "
            r"that differs from the sigmoid one. The seed's stated map is right only if its $\tilde\omega^{(1)}_{ji} = \omega^{(1)}_{ji}/2$ also covers the bias $i = 0$; "
            r"its third line, with $\tilde\omega^{(1)}/2$ inside the $\tanh$, halves the weights twice."
        ),
    ),
    given=r"For $y(\mathbf{x}, \Theta, h)_k = \sum_{j=1}^{M} \omega^{(2)}_{kj}\, h\!\left(\sum_{i=1}^{D} \omega^{(1)}_{ji} x_i + \omega^{(1)}_{j0}\right) + \omega^{(2)}_{k0}$ with $\sigma(v) = \frac{1}{1+e^{-v}}$, find parameters $\tilde\Theta$ with $y(\mathbf{x}, \tilde\Theta, \tanh) = y(\mathbf{x}, \Theta, \sigma)$ for every $\mathbf{x} \in \mathbb{R}^D$.",
    source="seed 001, question 3",
)
