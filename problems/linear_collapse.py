"""Stacked linear layers collapse to one: W2(W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2) (seed 004 Q1, seed 000 section 2)."""

from sympy import MatrixSymbol, Symbol, ZeroMatrix

from derivs.model import Claim, Derivation, Matrix, Note, Part, Problem, Size

# Layer widths: input n0, hidden n1, n2, output n3. Numeric checks use several shapes.
n0, n1, n2, n3 = (Symbol(f"n{k}", integer=True, positive=True) for k in range(4))
x = MatrixSymbol("x", n0, 1)
W1, b1 = MatrixSymbol("W_1", n1, n0), MatrixSymbol("b_1", n1, 1)
W2, b2 = MatrixSymbol("W_2", n2, n1), MatrixSymbol("b_2", n2, 1)
W3, b3 = MatrixSymbol("W_3", n3, n2), MatrixSymbol("b_3", n3, 1)
W, b = MatrixSymbol("W", n2, n0), MatrixSymbol("b", n2, 1)  # a network already collapsed to one layer

two_layers = W2 * (W1 * x + b1) + b2
three_layers = W3 * (W2 * (W1 * x + b1) + b2) + b3

PROBLEM = Problem(
    id="linear_collapse",
    title="Linear layers collapse to one",
    statement=(
        r"Show that two linear layers $W_2(W_1 x + b_1) + b_2$ equal one layer $W x + b$ and give $W$ and $b$. "
        r"The $W_i$ are matrices and the $b_i$ vectors of compatible shapes; matrix products do not commute. "
        r"Conclude that a network of any depth $L$ with linear activations is a single linear layer."
    ),
    variables=tuple(Size(n, (1, 2, 3, 4)) for n in (n0, n1, n2, n3))
    + tuple(Matrix(m) for m in (x, W1, b1, W2, b2, W3, b3, W, b)),
    names={"x": x, "W_1": W1, "W_2": W2, "W_3": W3, "b_1": b1, "b_2": b2, "b_3": b3, "W": W, "b": b},
    claims=(
        Claim("two_layers", "W2 (W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2)", two_layers, (W2 * W1) * x + (W2 * b1 + b2)),
        Claim(
            "induction_step",
            "a collapsed network (W, b) plus one layer is again one layer: depth L implies depth L + 1",
            W3 * (W * x + b) + b3,
            (W3 * W) * x + (W3 * b + b3),
        ),
        Claim(
            "three_layers",
            "W3 (W2 (W1 x + b1) + b2) + b3 = (W3 W2 W1) x + (W3 W2 b1 + W3 b2 + b3)",
            three_layers,
            (W3 * W2 * W1) * x + (W3 * W2 * b1 + W3 * b2 + b3),
        ),
    ),
    parts=(
        Part("weight", r"the weight $W$ of the equivalent single layer", W2 * W1, question=two_layers.diff(x).T),
        Part("bias", r"the bias $b$ of the equivalent single layer", W2 * b1 + b2, question=two_layers.subs(x, ZeroMatrix(n0, 1))),
    ),
    derivations=(
        Derivation("two layers", two_layers, (W2 * W1 * x + W2 * b1 + b2, (W2 * W1) * x + (W2 * b1 + b2))),
    ),
    notes=(
        Note(
            r"A common wrong answer is $W = W_1 W_2$: the first layer acts first, so its matrix stands on the right, "
            r"$W = W_2 W_1$; $W_1 W_2$ is not even defined unless the shapes happen to be square."
        ),
        Note(r"A common slip is dropping $W_2 b_1$ from the bias: the first bias passes through the second layer."),
    ),
    given=r"Two linear layers compute $W_2(W_1 x + b_1) + b_2$, where the $W_i$ are matrices and the $b_i$ vectors of compatible shapes (matrix products do not commute). One linear layer computes $W x + b$.",
    source="seed 004 question 1 and seed 000 section 2",
)
