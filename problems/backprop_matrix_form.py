"""Backpropagation through a two-layer network in matrix form: delta^(2) = z^(2) - y, delta^(1) = (W_2^T delta^(2)) odot sigma'(z^(1)),
and the weight gradients delta^(l) a^(l-1)T (the scalar version is two_layer_backprop)."""

from sympy import Function, HadamardProduct, Lambda, MatrixSymbol, Symbol, Trace, exp

from derivs.matrices import MatrixDerivative, elementwise
from derivs.model import Claim, Matrix, Mistake, Note, Part, Problem, Size

n0, n1, n2 = (Symbol(f"n{k}", integer=True, positive=True) for k in range(3))  # input, hidden and output widths
x = MatrixSymbol("x", n0, 1)
W1, b1 = MatrixSymbol("W_1", n1, n0), MatrixSymbol("b_1", n1, 1)
W2, b2 = MatrixSymbol("W_2", n2, n1), MatrixSymbol("b_2", n2, 1)
y = MatrixSymbol("y", n2, 1)
sigma = Function("sigma")
u = Symbol("u", real=True)

z1 = W1 * x + b1
a1 = elementwise(sigma, z1)
z2 = W2 * a1 + b2  # a linear output layer
loss = Trace((z2 - y).T * (z2 - y)) / 2
delta2 = z2 - y
delta1 = HadamardProduct(W2.T * delta2, elementwise(sigma, z1, 1))

PROBLEM = Problem(
    id="backprop_matrix_form",
    title="Backpropagation in matrix form (two layers)",
    statement=(
        r"A network computes $\mathbf{z}^{(1)} = W_1\mathbf{x} + \mathbf{b}_1$, $\mathbf{a}^{(1)} = \sigma(\mathbf{z}^{(1)})$ (entry by entry), "
        r"$\mathbf{z}^{(2)} = W_2\mathbf{a}^{(1)} + \mathbf{b}_2$ and $L = \tfrac12\|\mathbf{z}^{(2)} - \mathbf{y}\|^2$. Show that "
        r"$\delta^{(2)} = \nabla_{\mathbf{b}_2} L = \mathbf{z}^{(2)} - \mathbf{y}$, $\nabla_{W_2} L = \delta^{(2)}\mathbf{a}^{(1)\top}$, "
        r"$\delta^{(1)} = \nabla_{\mathbf{b}_1} L = (W_2^\top\delta^{(2)}) \odot \sigma'(\mathbf{z}^{(1)})$ and $\nabla_{W_1} L = \delta^{(1)}\mathbf{x}^\top$."
    ),
    variables=(Size(n0, (1, 2, 3)), Size(n1, (2, 3, 4)), Size(n2, (1, 2, 3)), Matrix(x), Matrix(W1), Matrix(b1), Matrix(W2), Matrix(b2), Matrix(y)),
    definitions={sigma: Lambda(u, 1 / (1 + exp(-u)))},
    names={
        "f": sigma, "x": x, "y": y, "W_1": W1, "W_2": W2, "W^(1)": W1, "W^(2)": W2, "b_1": b1, "b_2": b2, "L": loss,
        "z^(1)": z1, "z_1": z1, "a^(1)": a1, "a_1": a1, "z^(2)": z2, "z_2": z2,
        "delta^(2)": delta2, "delta_2": delta2, "delta^(1)": delta1, "delta_1": delta1,
    },
    claims=(
        Claim("output_delta", "grad_b2 L = z2 - y", MatrixDerivative(loss, b2), delta2),
        Claim("output_weights", "grad_W2 L = delta2 a1^T", MatrixDerivative(loss, W2), delta2 * a1.T),
        Claim("hidden_delta", "grad_b1 L = (W2^T delta2) odot sigma'(z1)", MatrixDerivative(loss, b1), delta1),
        Claim("hidden_weights", "grad_W1 L = delta1 x^T", MatrixDerivative(loss, W1), delta1 * x.T),
    ),
    parts=(
        Part("output_delta", r"$\delta^{(2)} = \nabla_{\mathbf{b}_2} L$", delta2, question=MatrixDerivative(loss, b2),
             mistakes=(Mistake(-delta2, "the sign is flipped: the gradient of a half squared error is prediction minus target"),)),
        Part("output_weights", r"$\nabla_{W_2} L$, written with $\delta^{(2)}$ and $\mathbf{a}^{(1)}$", delta2 * a1.T, question=MatrixDerivative(loss, W2),
             mistakes=(Mistake(delta2 * z1.T, "the layer's input is the activation a^(1) = sigma(z^(1)), not z^(1)"),)),
        Part(
            "hidden_delta",
            r"$\delta^{(1)} = \nabla_{\mathbf{b}_1} L$ written with $W_2$, $\delta^{(2)}$ and $\mathbf{z}^{(1)}$ (the recursion)",
            delta1,
            question=MatrixDerivative(loss, b1),
            points=2.0,
            mistakes=(
                Mistake(W2.T * delta2, "the factor sigma'(z^(1)) is missing: the error passes back through the activation, (W_2^T delta^(2)) odot sigma'(z^(1))"),
                Mistake(HadamardProduct(W2.T * delta2, elementwise(sigma, z1)), "sigma(z^(1)) where its derivative sigma'(z^(1)) is due"),
                Mistake(-delta1, "the sign is flipped"),
            ),
        ),
        Part("hidden_weights", r"$\nabla_{W_1} L$, written with $\delta^{(1)}$ and $\mathbf{x}$", delta1 * x.T, question=MatrixDerivative(loss, W1),
             mistakes=(Mistake(delta1 * (W1 * x).T, "the layer's input is x: the gradient is delta^(1) x^T"),)),
    ),
    written={
        delta1: r"(W_2^\top\delta^{(2)}) \odot \sigma'(\mathbf{z}^{(1)})",
        delta2 * a1.T: r"\delta^{(2)}(\mathbf{a}^{(1)})^\top",
        delta1 * x.T: r"\delta^{(1)}\mathbf{x}^\top",
    },
    notes=(
        Note(r"A common slip is $W_2\delta^{(2)}$: $W_2$ is $n_2 \times n_1$ and $\delta^{(2)}$ has $n_2$ entries, so only $W_2^\top\delta^{(2)}$ is defined."),
        Note(r"$(W_2^\top\delta^{(2)})\,\sigma'(\mathbf{z}^{(1)})$ as a matrix product is not defined: the product with $\sigma'$ is entry by entry ($\odot$)."),
    ),
    given=(
        r"A network computes $\mathbf{z}^{(1)} = W_1\mathbf{x} + \mathbf{b}_1$, $\mathbf{a}^{(1)} = \sigma(\mathbf{z}^{(1)})$ (entry by entry), "
        r"$\mathbf{z}^{(2)} = W_2\mathbf{a}^{(1)} + \mathbf{b}_2$ and $L = \tfrac12\|\mathbf{z}^{(2)} - \mathbf{y}\|^2$; $\delta^{(l)} = \nabla_{\mathbf{b}_l} L$."
    ),
    source="issue 22 (course homework in matrix form)",
)
