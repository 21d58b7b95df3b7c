"""A dead ReLU: when every pre-activation is negative, the filter and bias gradients are exactly zero (seed 003 Q2)."""

from sympy import Derivative, Function, Lambda, Max, Subs, Symbol, symbols

from derivs.model import Claim, Part, Problem, Scalar

f, b = Symbol("f", positive=True), Symbol("b", real=True)
images = symbols("I_1:4", real=True)  # one input value per example (a 1x1 filter keeps the algebra visible)
gaps = symbols("m_1:4", positive=True)  # how far below zero each response is
upstream = symbols("u_1:4", real=True)  # dF/dReLU for each example
relu = Function("relu")
z = Symbol("z", real=True)


def dead(expr):
    """Evaluate where every response f I_n + b equals -m_n < 0: write b through the first example."""
    return Subs(expr, b, -f * images[0] - gaps[0])


responses = [f * image + b for image in images]
loss_gradient_f = sum(u * Derivative(relu(r), f) for u, r in zip(upstream, responses))
loss_gradient_b = sum(u * Derivative(relu(r), b) for u, r in zip(upstream, responses))

PROBLEM = Problem(
    id="dead_relu",
    title="A dead ReLU unit learns nothing",
    statement=(
        r"A unit computes $\mathrm{ReLU}(f * I + b)$. Show that if the filter and bias give a negative response on "
        r"every example, $\frac{\partial F}{\partial f} = \frac{\partial F}{\partial b} = 0$ for any loss $F$, so gradient descent never changes them."
    ),
    variables=(Scalar(f, 0.2, 3), Scalar(b), *(Scalar(i, 0.5, 3) for i in images), *(Scalar(m, 0.1, 3) for m in gaps), *(Scalar(u) for u in upstream)),
    definitions={relu: Lambda(z, Max(0, z))},
    claims=(
        Claim("relu_slope", "ReLU'(z) = 0 for z < 0", Subs(Derivative(relu(z), z), z, -gaps[0]), 0),
        Claim("filter_gradient", "dF/df = sum_n dF/dReLU_n * ReLU'(f I_n + b) * I_n = 0 on one dead example", dead(Derivative(relu(responses[0]), f)), 0),
        Claim("bias_gradient", "dF/db = sum_n dF/dReLU_n * ReLU'(f I_n + b) = 0 on one dead example", dead(Derivative(relu(responses[0]), b)), 0),
        Claim(
            "batch_gradients",
            "three examples, every response f I_n + b = -m_n < 0: sum_n u_n ReLU'(f I_n + b) I_n = 0 and sum_n u_n ReLU'(f I_n + b) = 0",
            Subs(loss_gradient_f + loss_gradient_b, images, tuple((-b - m) / f for m in gaps)),
            0,
        ),
    ),
    parts=(Part("filter_gradient", r"$\frac{\partial}{\partial f}\mathrm{ReLU}(f I + b)$ when $f I + b < 0$", 0 * f, question=dead(Derivative(relu(responses[0]), f))),),
    given=r"A unit computes $F = \mathrm{ReLU}(f I + b)$ for a filter $f$, an input $I$ and a bias $b$, where $\mathrm{ReLU}(v) = \max(0, v)$.",
    source="seed 003 question 2 (its argument is right)",
)
