"""The softmax-cross-entropy gradient in vector form: the gradient of -y^T log softmax(z) in z is softmax(z) - y for labels y
that sum to 1 (a one-hot label, or any label distribution)."""

from sympy import MatrixSymbol, OneMatrix, Symbol, Trace, log

from derivs.matrices import MatrixDerivative, Softmax, elementwise
from derivs.model import Claim, Matrix, Mistake, Note, Part, Problem, Size

K = Symbol("K", integer=True, positive=True)
z = MatrixSymbol("z", K, 1)  # the logits
s = MatrixSymbol("s", K, 1)  # the label distribution's own logits: y = softmax(s) is any distribution with full support
t = MatrixSymbol("t", K, 1)  # any targets, for the general identity
p = Softmax(z)
y = Softmax(s)  # labels that sum to 1 (a one-hot label is the limit of these)
log_p = elementwise(log, p)


def cross_entropy(label):
    """L = -label^T log softmax(z), a number."""
    return -Trace(label.T * log_p)


any_targets = MatrixDerivative(cross_entropy(t), z)
label_gradient = MatrixDerivative(cross_entropy(y), z)

PROBLEM = Problem(
    id="softmax_cross_entropy_vector",
    title="The softmax-cross-entropy gradient in vector form",
    statement=(
        r"Let $\hat{\mathbf{y}} = \operatorname{softmax}(\mathbf{z})$ and $L = -\mathbf{y}^\top \log \hat{\mathbf{y}}$ (the log entry by entry). "
        r"Show $\nabla_{\mathbf{z}} L = \hat{\mathbf{y}}(\mathbf{1}^\top\mathbf{y}) - \mathbf{y}$ for any targets $\mathbf{y}$, "
        r"so $\nabla_{\mathbf{z}} L = \hat{\mathbf{y}} - \mathbf{y}$ for labels that sum to 1 (a one-hot label in particular)."
    ),
    variables=(Size(K, (2, 3, 4, 5)), Matrix(z), Matrix(s), Matrix(t)),
    names={"z": z, "y": y, "t": t, "\\hat{y}": p, "p": p, "L": cross_entropy(y)},
    claims=(
        Claim("any_targets", "grad_z (-t^T log softmax(z)) = softmax(z) (1^T t) - t", any_targets, p * (OneMatrix(1, K) * t) - t),
        Claim("labels_summing_to_one", "grad_z (-y^T log softmax(z)) = softmax(z) - y when 1^T y = 1", label_gradient, p - y),
    ),
    parts=(
        Part(
            "gradient",
            r"$\nabla_{\mathbf{z}} L$ for labels $\mathbf{y}$ that sum to 1, written with $\hat{\mathbf{y}}$ and $\mathbf{y}$ (either layout)",
            p - y,
            question=label_gradient,
            points=2.0,
            mistakes=(
                Mistake(y - p, "the sign is flipped: L falls as the true class's probability rises, so the gradient is \\hat{y} - y"),
                Mistake(-y, "the softmax's own part \\hat{y} is missing: the gradient is \\hat{y} - y"),
                Mistake(p, "the label's part - y is missing: the gradient is \\hat{y} - y"),
            ),
        ),
    ),
    written={any_targets: r"\nabla_{\mathbf{z}}\left(-\mathbf{t}^\top \log \operatorname{softmax}(\mathbf{z})\right)", p * (OneMatrix(1, K) * t) - t: r"\hat{\mathbf{y}}(\mathbf{1}^\top\mathbf{t}) - \mathbf{t}", p - y: r"\hat{\mathbf{y}} - \mathbf{y}", label_gradient: r"\nabla_{\mathbf{z}} L"},
    notes=(
        Note(r"$\frac{\partial J}{\partial \mathbf{z}} = (\hat{\mathbf{y}} - \mathbf{y})^\top$ is the same gradient in numerator layout (a row)."),
        Note(r"$-\mathbf{y} \oslash \hat{\mathbf{y}}$ is $\partial L / \partial \hat{\mathbf{y}}$; the chain through the softmax Jacobian $\operatorname{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^\top$ gives $\hat{\mathbf{y}} - \mathbf{y}$."),
    ),
    given=r"Let $\hat{\mathbf{y}} = \operatorname{softmax}(\mathbf{z})$ and $L = -\mathbf{y}^\top \log \hat{\mathbf{y}}$ (the log entry by entry), with labels $\mathbf{y}$ that sum to 1 (a one-hot label, or any distribution).",
    source="issue 22 (course homework in matrix form)",
)
