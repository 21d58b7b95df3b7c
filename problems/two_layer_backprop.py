"""Backprop through a sigmoid layer and a softmax output with cross-entropy (seed 002, section 3b).

The network is written out entry by entry (D = 2 inputs, M = 3 hidden units, K = 3 classes), so every
weight is a symbol: the symbolic proof holds for all weights, and the numeric check draws random networks.
"""

from sympy import Derivative, Function, Lambda, Matrix, Symbol, exp, log, symbols

from derivs.model import Claim, IndexedFunction, Mistake, Note, Part, Problem, Scalar

D, M, K = 2, 3, 3


def grid(name: str, rows: int, columns: int) -> Matrix:
    """A matrix of real symbols named as printed, W^{(1)}_{rc}, or x_{c} for a row vector."""
    label = (lambda r, c: f"{c + 1}") if rows == 1 else (lambda r, c: f"{r + 1}{c + 1}")
    return Matrix(rows, columns, lambda r, c: Symbol(f"{name}_{{{label(r, c)}}}", real=True))


x = grid("x", 1, D)  # a row vector, as in the seed: f_1 = x W_1 + b_1
W1, b1 = grid("W^{(1)}", D, M), grid("b^{(1)}", 1, M)
W2, b2 = grid("W^{(2)}", M, K), grid("b^{(2)}", 1, K)
y1, y2 = symbols("y_1 y_2", real=True)
y = Matrix([[y1, y2, 1 - y1 - y2]])  # labels that sum to 1, one-hot ones included
sigma = Function("sigma")


def softmax(row: Matrix) -> Matrix:
    total = sum(exp(v) for v in row)
    return row.applyfunc(lambda v: exp(v) / total)


f1 = x * W1 + b1
alpha = f1.applyfunc(sigma)
f2 = alpha * W2 + b2
o = softmax(f2)
E = -sum(y[k] * log(o[k]) for k in range(K))


def gradient(expr, row: Matrix) -> Matrix:
    return Matrix([[Derivative(expr, v) for v in row]])


output_delta = o - y  # dE/df_2
hidden_delta = (output_delta * W2.T).multiply_elementwise(alpha.applyfunc(lambda a: a * (1 - a)))  # dE/df_1
input_gradient = hidden_delta * W1.T  # dE/dx

t = Symbol("t", real=True)
# The layers' pre-activations as free symbols, for the local derivatives dE/df_2 and d alpha/d f_1.
g, h = grid("f^{(2)}", 1, K), grid("f^{(1)}", 1, M)
loss_of_logits = -sum(y[k] * log(softmax(g)[k]) for k in range(K))
hidden_of_h = h.applyfunc(sigma)
entry = lambda matrix: IndexedFunction(lambda vector, index: matrix[int(index) - 1])  # noqa: E731

PROBLEM = Problem(
    id="two_layer_backprop",
    title="Backprop through a two-layer network with softmax and cross-entropy",
    statement=(
        r"With row vectors, $f_1 = xW_1 + b_1$, $\alpha = \sigma(f_1)$, $f_2 = \alpha W_2 + b_2$, $o = S(f_2)$ and "
        r"$E = -\sum_k y_k \log o_k$ with $\sum_k y_k = 1$. Show $\frac{\partial E}{\partial f_2} = o - y$ and "
        r"$\frac{\partial E}{\partial x} = \left[(o - y)W_2^\top \odot \alpha \odot (1 - \alpha)\right] W_1^\top$, "
        r"for a network with $D = 2$ inputs, $M = 3$ hidden units and $K = 3$ classes whose every weight is a symbol."
    ),
    variables=tuple(Scalar(s, -2.0, 2.0) for s in sorted({*x, *W1, *b1, *W2, *b2, *g, *h, y1, y2, t}, key=str)),
    definitions={sigma: Lambda(t, 1 / (1 + exp(-t)))},
    names={"sigma": sigma, "o": entry(softmax(g)), "alpha": entry(hidden_of_h), "y_3": 1 - y1 - y2},
    written={
        **{softmax(g)[n] - y[n]: f"o_{{{n + 1}}} - y_{{{n + 1}}}" for n in range(K)},
        **{output_delta[n]: f"o_{{{n + 1}}} - y_{{{n + 1}}}" for n in range(K)},
        Derivative(sigma(t), t): r"\sigma'(t)",
        sigma(t) * (1 - sigma(t)): r"\sigma(t)(1 - \sigma(t))",
        hidden_of_h[0] * (1 - hidden_of_h[0]): r"\alpha_1(1 - \alpha_1)",
    },
    abbreviations={
        E: Symbol("E"),
        loss_of_logits: Symbol("E"),
        **{value: Symbol(f"o_{n + 1}") for n, value in enumerate(o)},
        **{value: Symbol(f"o_{n + 1}") for n, value in enumerate(softmax(g))},
        **{value: Symbol(f"alpha_{n + 1}") for n, value in enumerate(alpha)},
        **{value: Symbol(f"alpha_{n + 1}") for n, value in enumerate(hidden_of_h)},
    },
    claims=(
        Claim("output_delta", "dE/df_2 = S(f_2) - y when the labels sum to 1", gradient(loss_of_logits, g), softmax(g) - y),
        Claim("hidden_slope", "sigma'(t) = sigma(t)(1 - sigma(t)), so d alpha_j / d f_1j = alpha_j (1 - alpha_j)", Derivative(sigma(t), t), sigma(t) * (1 - sigma(t))),
        Claim("input_gradient", "dE/dx = [(o - y) W_2^T * alpha * (1 - alpha)] W_1^T (* elementwise)", gradient(E, x), input_gradient),
    ),
    parts=(
        Part(
            "output_delta",
            r"$\frac{\partial E}{\partial f_{2,1}}$ in terms of $o$ and $y$",
            softmax(g)[0] - y[0],
            question=Derivative(loss_of_logits, g[0]),
            in_terms_of=(softmax(g)[0],),
            mistakes=(Mistake(y[0] - o[0], "the sign is flipped: raising f_2,1 raises o_1, which lowers E when y_1 = 1"),),
        ),
        Part(
            "hidden_slope",
            r"$\frac{\partial \alpha_1}{\partial f_{1,1}}$ in terms of $\alpha_1$",
            hidden_of_h[0] * (1 - hidden_of_h[0]),
            question=Derivative(hidden_of_h[0], h[0]),
            in_terms_of=(hidden_of_h[0],),
        ),
    ),
    notes=(
        Note(
            r"Seed 002, equation (22), writes $\frac{\partial E}{\partial x} = (o - y)W_2\,\sigma(f_1)[1 - \sigma(f_1)]\,W_1$. "
            r"With row vectors $(o - y)$ is $1 \times K$ and $W_2$ is $M \times K$, so $(o - y)W_2$ is not defined unless $K = M$; "
            r"the weights enter transposed, and the sigmoid slope multiplies elementwise: "
            r"$\frac{\partial E}{\partial x} = \left[(o - y)W_2^\top \odot \sigma(f_1) \odot (1 - \sigma(f_1))\right] W_1^\top$."
        ),
    ),
    given=r"With row vectors, $f_1 = xW_1 + b_1$, $\alpha = \sigma(f_1)$ with $\sigma(t) = \frac{1}{1+e^{-t}}$, $f_2 = \alpha W_2 + b_2$, $o = S(f_2)$ (softmax) and $E = -\sum_k y_k \log o_k$ with $\sum_k y_k = 1$; $D = 2$ inputs, $M = 3$ hidden units, $K = 3$ classes.",
    source="seed 002, section 3b",
)
