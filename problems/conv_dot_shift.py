"""Convolution as a dot product, its shift property, and the valid output length (seed 003 Q1)."""

from sympy import Function, Lambda, MatMul, Matrix, Symbol, floor, symbols

from derivs.model import Claim, Integer as IntegerVar, Part, Problem, Scalar

f = symbols("f_0:5", real=True)  # a signal, zero outside 0..4
g = symbols("g_0:3", real=True)  # a filter, zero outside 0..2
n_len, k_len = (Symbol(name, integer=True, positive=True) for name in ("n", "k"))
m = Symbol("m", integer=True, nonnegative=True)
out = Function("out")


def at(sequence, index):
    return sequence[index] if 0 <= index < len(sequence) else 0


def convolve(a, b, n):
    """(a * b)[n] = sum_k a[k] b[n - k]."""
    return sum(at(a, k) * at(b, n - k) for k in range(-8, 16))


def shifted(a, t):
    """The sequence k -> a[k + t], as values on 0..len(a)+t-1 written back as a function of k."""
    return lambda k: at(a, k + t)


outputs = range(0, len(f) + len(g) - 1)  # where f * g can be nonzero
t = 2
shifted_outputs = range(-t, len(f) + len(g) - 1 - t)  # f(. + t) sits at k = -t .. len(f) - 1 - t


def kernel_columns(positions, columns):
    """h for each output n as a column, h(k) = g(n - k) for the signal's positions k: the signal (a row)
    times this matrix is its convolution with g, each output a dot product."""
    return Matrix(len(positions), len(columns), lambda row, column: at(g, columns[column] - positions[row]))

PROBLEM = Problem(
    id="conv_dot_shift",
    title="Convolution as a dot product, and its shift property",
    statement=(
        r"With $(f * g)[n] = \sum_k f(k) g(n-k)$, show that $(f * g)[n] = f \cdot h$ for $h(k) = g(n-k)$, that "
        r"shifting the signal shifts the output, $(f(\cdot + t) * g)[n] = (f * g)[n + t]$, and that a valid convolution "
        r"of a length-$n$ signal with a length-$k$ filter has $n - k + 1$ outputs."
    ),
    variables=(IntegerVar(k_len, 1, 9), IntegerVar(m, 0, 20), IntegerVar(n_len, 10, 30)) + tuple(Scalar(v) for v in f + g),
    definitions={out: Lambda((n_len, k_len), floor(n_len - k_len) + 1)},
    claims=(
        Claim(
            "dot_product",
            "(f * g)[n] = f . h with h(k) = g(n - k), for every output n",
            Matrix([[convolve(f, g, n) for n in outputs]]),
            MatMul(Matrix([f]), kernel_columns(range(len(f)), outputs), evaluate=False),
        ),
        Claim(
            "shift",
            "(f(. + 2) * g)[n] = (f * g)[n + 2] for every output n",
            MatMul(Matrix([[shifted(f, t)(k) for k in range(-t, len(f) - t)]]), kernel_columns(range(-t, len(f) - t), shifted_outputs), evaluate=False),
            Matrix([[convolve(f, g, n + t) for n in shifted_outputs]]),
        ),
        Claim("valid_length", "a valid convolution of length n with length k has n - k + 1 outputs", out(k_len + m, k_len), m + 1),
    ),
    parts=(Part("valid_length", "number of outputs of a valid convolution, signal length n, filter length k", n_len - k_len + 1, question=out(n_len, k_len)),),
    given=r"With $(f * g)[n] = \sum_k f(k) g(n-k)$, a valid convolution slides a length-$k$ filter over a length-$n$ signal only where it lies wholly inside.",
    source="seed 003 question 1 (its shift derivation and the length n - k + 1 are right)",
)
