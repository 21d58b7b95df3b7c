"""tanh and the logistic sigmoid are affine images of each other (seed 001 Q3, seed 004 Q6)."""

from sympy import Derivative, Function, Lambda, Symbol, exp, tanh, evaluate

from derivs.model import Claim, Derivation, Mistake, Note, Part, Problem, Scalar

x = Symbol("x", real=True)
sigma = Function("sigma")

tanh_prime = Derivative(tanh(x), x)

with evaluate(False):
    exp_form = (exp(x) - exp(-x)) / (exp(x) + exp(-x))
    doubled = (exp(2 * x) - 1) / (exp(2 * x) + 1)
    two_over = 2 / (1 + exp(-2 * x)) - 1

PROBLEM = Problem(
    id="tanh_sigmoid",
    title="tanh in terms of the logistic sigmoid",
    statement=(
        r"Let $\sigma(x) = \frac{1}{1+e^{-x}}$. Show that $\tanh(x) = 2\sigma(2x) - 1$, "
        r"express $\sigma$ through $\tanh$, and show $\tanh'(x) = 1 - \tanh^2(x) = 4\sigma(2x)(1-\sigma(2x))$."
    ),
    variables=(Scalar(x),),
    definitions={sigma: Lambda(x, 1 / (1 + exp(-x)))},
    names={"sigma": sigma},
    written={
        (1 + tanh(x / 2)) / 2: r"\frac{1 + \tanh(x/2)}{2}",
        4 * sigma(2 * x) * (1 - sigma(2 * x)): r"4\sigma(2x)(1 - \sigma(2x))",
        4 * sigma(2 * x) - 4 * sigma(2 * x) ** 2: r"4\sigma(2x) - 4\sigma(2x)^2",
        two_over: r"\frac{2}{1 + e^{-2x}} - 1",
    },
    claims=(
        Claim("tanh_via_sigmoid", "tanh(x) = 2 sigma(2x) - 1", tanh(x), 2 * sigma(2 * x) - 1),
        Claim("sigmoid_via_tanh", "sigma(x) = (1 + tanh(x/2)) / 2", sigma(x), (1 + tanh(x / 2)) / 2),
        Claim("tanh_derivative", "tanh'(x) = 1 - tanh^2(x)", tanh_prime, 1 - tanh(x) ** 2),
        Claim(
            "tanh_derivative_sigmoid",
            "tanh'(x) = 4 sigma(2x) (1 - sigma(2x))",
            tanh_prime,
            4 * sigma(2 * x) * (1 - sigma(2 * x)),
        ),
    ),
    parts=(
        Part("tanh_via_sigmoid", r"$\tanh(x)$ in terms of $\sigma$", 2 * sigma(2 * x) - 1, question=tanh(x), in_terms_of=(sigma,), forbidden=(tanh,), form_required=True),
        Part(
            "sigmoid_via_tanh",
            r"$\sigma(x)$ in terms of $\tanh$",
            (1 + tanh(x / 2)) / 2,
            question=sigma(x),
            in_terms_of=(tanh,),
            form_required=True,
            mistakes=(
                Mistake(
                    tanh(x / 2 + 1) / 2,
                    "the +1 belongs outside the tanh: from tanh(x) = 2 sigma(2x) - 1, sigma(x) = (1 + tanh(x/2)) / 2",
                ),
            ),
        ),
        Part(
            "tanh_derivative",
            r"$\tanh'(x)$ in terms of $\sigma$",
            4 * sigma(2 * x) * (1 - sigma(2 * x)),
            question=tanh_prime,
            in_terms_of=(sigma,),
            forbidden=(tanh,),
        ),
    ),
    derivations=(
        Derivation(
            "tanh via sigmoid",
            tanh(x),
            (exp_form, doubled, two_over, 2 * sigma(2 * x) - 1),
            reasons=("definition of $\\tanh$", "multiply through by $e^{x}$", "divide through by $e^{2x}$", "$\\sigma(2x) = \\frac{1}{1 + e^{-2x}}$"),
        ),
        Derivation(
            "derivative",
            tanh_prime,
            (1 - tanh(x) ** 2, 1 - (2 * sigma(2 * x) - 1) ** 2, 4 * sigma(2 * x) - 4 * sigma(2 * x) ** 2, 4 * sigma(2 * x) * (1 - sigma(2 * x))),
            reasons=("derivative of $\\tanh$", "$\\tanh(x) = 2\\sigma(2x) - 1$", "expand the square", "factor out $4\\sigma(2x)$"),
        ),
    ),
    notes=(
        Note(
            r"A common wrong answer is $\sigma(x) = \frac{1}{2}\tanh\left(\frac{x}{2} + 1\right)$ (seed 001): "
            r"inverting $\tanh(x) = 2\sigma(2x) - 1$ gives $\sigma(x) = \frac{1}{2}\left(1 + \tanh\frac{x}{2}\right)$; "
            r"the $+1$ belongs outside the $\tanh$. At $x = 0$ the wrong form gives $\frac{1}{2}\tanh 1 \approx 0.381$, not $\frac{1}{2}$."
        ),
    ),
    given=r"Let $\sigma(x) = \frac{1}{1+e^{-x}}$.",
    source="seed 001 question 3 and seed 004 question 6",
)
