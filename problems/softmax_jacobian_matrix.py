"""The softmax Jacobian in matrix form: d softmax(z) / dz = diag(p) - p p^T (the index form is softmax_cross_entropy)."""

from sympy import Identity, MatrixSymbol, Symbol, Transpose
from sympy.matrices.expressions.diagonal import DiagMatrix

from derivs.matrices import MatrixDerivative, Softmax
from derivs.model import Claim, Matrix, Mistake, Note, Part, Problem, Size

K = Symbol("K", integer=True, positive=True)
z = MatrixSymbol("z", K, 1)  # the logits, a column
p = Softmax(z)
jacobian = MatrixDerivative(p, z)
diag_p = DiagMatrix(p)

PROBLEM = Problem(
    id="softmax_jacobian_matrix",
    title="The softmax Jacobian in matrix form",
    statement=(
        r"Let $\mathbf{p} = \operatorname{softmax}(\mathbf{z})$ for a column $\mathbf{z} \in \mathbb{R}^K$. "
        r"Show that the Jacobian $\frac{\partial \mathbf{p}}{\partial \mathbf{z}}$ (entry $(k, i)$ is "
        r"$\partial p_k / \partial z_i$) is $\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top$, and that it is symmetric."
    ),
    variables=(Size(K, (2, 3, 4, 5)), Matrix(z)),
    names={"z": z, "p": p, "\\hat{y}": p},
    claims=(
        Claim("jacobian", "d softmax(z)/dz = diag(p) - p p^T", jacobian, diag_p - p * p.T),
        Claim("symmetric", "diag(p) - p p^T is its own transpose", Transpose(diag_p - p * p.T), diag_p - p * p.T),
    ),
    parts=(
        Part(
            "jacobian",
            r"the Jacobian $\frac{\partial \mathbf{p}}{\partial \mathbf{z}}$ as a $K \times K$ matrix, written with $\mathbf{p}$",
            diag_p - p * p.T,
            question=jacobian,
            points=2.0,
            mistakes=(
                Mistake(p * p.T - diag_p, "the sign is flipped: the diagonal entries p_k(1 - p_k) are positive"),
                Mistake(Identity(K) - p * p.T, r"\operatorname{diag}(\mathbf{p}) is the matrix with p on its diagonal, not the identity"),
                Mistake(diag_p, "the outer product - p p^T is missing: off the diagonal the entries are -p_k p_i"),
                Mistake(diag_p - DiagMatrix(p) * DiagMatrix(p), "that is only the diagonal; off the diagonal the entries are -p_k p_i, so write - p p^T"),
            ),
        ),
    ),
    written={
        jacobian: r"\frac{\partial \mathbf{p}}{\partial \mathbf{z}}",
        diag_p - p * p.T: r"\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top",
        Transpose(diag_p - p * p.T): r"\left(\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top\right)^\top",
    },
    notes=(
        Note(r"A common slip is $\mathbf{p} - \mathbf{p}\mathbf{p}^\top$: a $K$-vector minus a $K \times K$ matrix is not defined; the vector goes on the diagonal, $\operatorname{diag}(\mathbf{p})$."),
        Note(r"$\mathbf{p}^\top\mathbf{p}$ is a number (the inner product); the Jacobian needs the outer product $\mathbf{p}\mathbf{p}^\top$."),
    ),
    given=r"Let $\mathbf{p} = \operatorname{softmax}(\mathbf{z})$ for a column $\mathbf{z} \in \mathbb{R}^K$; the Jacobian's entry $(k, i)$ is $\partial p_k / \partial z_i$.",
    source="issue 22 (course homework in matrix form)",
)
