"""Full, valid and same 1-D convolution (with kernel flipping) of [1, 2, 3, 4] with [1, 0, 2] (seed 001 Q5)."""

from sympy import Add, Integer, Matrix, Mul

from derivs.model import Claim, Part, Problem

signal = (1, 2, 3, 4)
kernel = (1, 0, 2)


def full_convolution(a, b):
    """c[n] = sum_k a[k] b[n - k]: the kernel is flipped, as in the definition of convolution."""
    length = len(a) + len(b) - 1
    return [_working([(a[k], b[n - k]) for k in range(len(a)) if 0 <= n - k < len(b)]) for n in range(length)]


def _working(products):
    """a[k] b[n - k] summed, left unevaluated so the key prints the sum, then its value."""
    terms = [Mul(Integer(left), Integer(right), evaluate=False) for left, right in products]
    return Add(*terms, evaluate=False) if len(terms) > 1 else terms[0]


full = full_convolution(signal, kernel)
valid = full[len(kernel) - 1 : len(signal)]  # only where the kernel lies inside the signal
offset = (len(kernel) - 1) // 2
same = full[offset : offset + len(signal)]  # centred, as long as the input

PROBLEM = Problem(
    id="conv1d_modes",
    title="Full, valid and same convolution in one dimension",
    statement=r"Compute the full, valid and same convolution (with kernel flipping) of $[1, 2, 3, 4]$ with $[1, 0, 2]$.",
    variables=(),
    claims=(
        Claim("full", "full: [1, 2, 5, 8, 6, 8] (length 4 + 3 - 1 = 6, padding 2)", Matrix([full]), Matrix([[1, 2, 5, 8, 6, 8]])),
        Claim("valid", "valid: [5, 8] (length 4 - 3 + 1 = 2, no padding)", Matrix([valid]), Matrix([[5, 8]])),
        Claim("same", "same: [2, 5, 8, 6] (length 4, padding 1)", Matrix([same]), Matrix([[2, 5, 8, 6]])),
    ),
    parts=(
        Part("full", "the full convolution, as a row vector", Matrix([[1, 2, 5, 8, 6, 8]]), question=Matrix([full])),
        Part("valid", "the valid convolution, as a row vector", Matrix([[5, 8]]), question=Matrix([valid])),
        Part("same", "the same convolution, as a row vector", Matrix([[2, 5, 8, 6]]), question=Matrix([same])),
    ),
    source="seed 001 question 5 (its three results are right)",
)
