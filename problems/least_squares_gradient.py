"""The least-squares gradient in matrix form: the gradient of (1/2)||W x - y||^2 is (W x - y) x^T in W and W^T (W x - y) in x."""

from sympy import MatrixSymbol, Symbol, Trace

from derivs.matrices import MatrixDerivative
from derivs.model import Claim, Matrix, Mistake, Note, Part, Problem, Size

m = Symbol("m", integer=True, positive=True)  # outputs
n = Symbol("n", integer=True, positive=True)  # inputs
W = MatrixSymbol("W", m, n)
x = MatrixSymbol("x", n, 1)
y = MatrixSymbol("y", m, 1)
residual = W * x - y
loss = Trace(residual.T * residual) / 2  # (1/2)||W x - y||^2, a number
weight_gradient = MatrixDerivative(loss, W)
input_gradient = MatrixDerivative(loss, x)

PROBLEM = Problem(
    id="least_squares_gradient",
    title="The least-squares gradient with respect to a weight matrix",
    statement=(
        r"For $W \in \mathbb{R}^{m \times n}$, $\mathbf{x} \in \mathbb{R}^n$ and $\mathbf{y} \in \mathbb{R}^m$ let "
        r"$L = \tfrac12\|W\mathbf{x} - \mathbf{y}\|^2$. Show $\nabla_W L = (W\mathbf{x} - \mathbf{y})\mathbf{x}^\top$ "
        r"(an $m \times n$ matrix, shaped like $W$) and $\nabla_{\mathbf{x}} L = W^\top(W\mathbf{x} - \mathbf{y})$."
    ),
    variables=(Size(m, (2, 3, 4)), Size(n, (2, 3, 5)), Matrix(W), Matrix(x), Matrix(y)),
    names={"W": W, "x": x, "y": y, "L": loss},
    claims=(
        Claim("weight_gradient", "grad_W (1/2)||W x - y||^2 = (W x - y) x^T", weight_gradient, residual * x.T),
        Claim("input_gradient", "grad_x (1/2)||W x - y||^2 = W^T (W x - y)", input_gradient, W.T * residual),
        Claim("expanded", "(W x - y) x^T = W x x^T - y x^T", residual * x.T, W * x * x.T - y * x.T),
    ),
    parts=(
        Part(
            "weight_gradient",
            r"$\nabla_W L$ in denominator layout (an $m \times n$ matrix, shaped like $W$)",
            residual * x.T,
            question=weight_gradient,
            layout="denominator",
            points=2.0,
            mistakes=(
                Mistake(2 * residual * x.T, r"the factor 2 from the square cancels the \tfrac12: the gradient is (W x - y) x^T"),
                Mistake(-residual * x.T, "the sign is flipped: the residual is W x - y, so the gradient is (W x - y) x^T"),
                Mistake(W * x * x.T, "the term - y x^T is missing: the residual W x - y carries y"),
            ),
        ),
        Part(
            "input_gradient",
            r"$\nabla_{\mathbf{x}} L$ (a vector of length $n$)",
            W.T * residual,
            question=input_gradient,
            mistakes=(
                Mistake(2 * W.T * residual, r"the factor 2 from the square cancels the \tfrac12"),
                Mistake(-W.T * residual, "the sign is flipped: the gradient is W^T (W x - y)"),
            ),
        ),
    ),
    written={
        weight_gradient: r"\nabla_W L",
        input_gradient: r"\nabla_{\mathbf{x}} L",
        residual * x.T: r"(W\mathbf{x} - \mathbf{y})\mathbf{x}^\top",
        W.T * residual: r"W^\top(W\mathbf{x} - \mathbf{y})",
        W * x * x.T - y * x.T: r"W\mathbf{x}\mathbf{x}^\top - \mathbf{y}\mathbf{x}^\top",
    },
    notes=(
        Note(r"$\mathbf{x}(W\mathbf{x} - \mathbf{y})^\top$ is the same gradient in numerator layout ($n \times m$); the part asks for the layout shaped like $W$."),
        Note(r"$(W\mathbf{x} - \mathbf{y}) \odot \mathbf{x}$ is not defined ($m$ against $n$ entries): the outer product $(W\mathbf{x} - \mathbf{y})\mathbf{x}^\top$ is meant."),
    ),
    given=r"For $W \in \mathbb{R}^{m \times n}$, $\mathbf{x} \in \mathbb{R}^n$ and $\mathbf{y} \in \mathbb{R}^m$ let $L = \tfrac12\|W\mathbf{x} - \mathbf{y}\|^2$.",
    source="issue 22 (course homework in matrix form)",
)
