"""The logistic sigmoid with slope a: phi'(x) = a phi(x) (1 - phi(x)), phi'(0) = a/4 (seed 000, section 1)."""

from sympy import Derivative, Function, Lambda, Rational, Subs, Symbol, exp, evaluate

from derivs.model import Claim, Derivation, Part, Problem, Scalar

x = Symbol("x", real=True)
a = Symbol("a", positive=True)
phi = Function("varphi")

with evaluate(False):
    power_form = (1 + exp(-a * x)) ** -1
    chain_rule = (-1) * (1 + exp(-a * x)) ** -2 * (-a * exp(-a * x))
    one_minus = a * phi(x) * ((1 + exp(-a * x) - 1) / (1 + exp(-a * x)))
    split = a * phi(x) * (1 - 1 / (1 + exp(-a * x)))
    at_half = a * Rational(1, 2) * (1 - Rational(1, 2))

derivative_of_phi = Derivative(phi(x), x)
at_zero = Subs(derivative_of_phi, x, 0)

PROBLEM = Problem(
    id="sigmoid_derivative",
    title="Derivative of the logistic sigmoid",
    statement=(
        r"Let $\varphi(x) = \frac{1}{1+e^{-ax}}$ with $a > 0$. Show that "
        r"$\varphi'(x) = a\varphi(x)(1-\varphi(x))$ and find $\varphi'(0)$."
    ),
    variables=(Scalar(x), Scalar(a, 0.1, 5)),
    definitions={phi: Lambda(x, 1 / (1 + exp(-a * x)))},
    written={
        derivative_of_phi: r"\varphi'(x)",
        at_zero: r"\varphi'(0)",
        a * phi(x) * (1 - phi(x)): r"a\varphi(x)(1 - \varphi(x))",
        Derivative(power_form, x): r"\frac{d}{dx}(1 + e^{-ax})^{-1}",
        chain_rule: r"-(1 + e^{-ax})^{-2} \cdot (-a e^{-ax})",
        a * exp(-a * x) / (1 + exp(-a * x)) ** 2: r"\frac{a e^{-ax}}{(1 + e^{-ax})^2}",
        one_minus: r"a\varphi(x) \frac{(1 + e^{-ax}) - 1}{1 + e^{-ax}}",
        split: r"a\varphi(x)\left(1 - \frac{1}{1 + e^{-ax}}\right)",
        a * phi(0) * (1 - phi(0)): r"a\varphi(0)(1 - \varphi(0))",
        at_half: r"a \cdot \frac{1}{2}\left(1 - \frac{1}{2}\right)",
    },
    claims=(
        Claim("derivative", "phi'(x) = a phi(x) (1 - phi(x))", derivative_of_phi, a * phi(x) * (1 - phi(x))),
        Claim("at_zero", "phi'(0) = a/4", at_zero, a / 4),
    ),
    parts=(
        Part("derivative", r"$\varphi'(x)$ in terms of $\varphi(x)$", a * phi(x) * (1 - phi(x)), question=derivative_of_phi, in_terms_of=(phi,)),
        Part("at_zero", r"$\varphi'(0)$", a / 4, question=at_zero),
        Part(
            "derivation",
            r"a derivation of $\varphi'(x)$, every step shown, ending in terms of $\varphi(x)$",
            a * phi(x) * (1 - phi(x)),
            question=derivative_of_phi,
            points=2.0,
            kind="derivation",
            in_terms_of=(phi,),
            form_required=True,  # the derivation is asked to end in terms of phi(x): a e^{-ax}/(1+e^{-ax})^2 has not got there
        ),
    ),
    derivations=(
        Derivation(
            "derivative",
            derivative_of_phi,
            (
                Derivative(power_form, x),
                chain_rule,
                a * exp(-a * x) / (1 + exp(-a * x)) ** 2,
                one_minus,
                split,
                a * phi(x) * (1 - phi(x)),
            ),
            reasons=("definition of $\\varphi$", "chain rule", "simplify", "write $e^{-ax}$ as $(1 + e^{-ax}) - 1$", "split the fraction", "$\\frac{1}{1 + e^{-ax}} = \\varphi(x)$"),
        ),
        Derivation(
            "value at zero",
            at_zero,
            (a * phi(0) * (1 - phi(0)), at_half, a / 4),
            reasons=("the derivative above, at $x = 0$", "$\\varphi(0) = \\frac{1}{2}$", ""),
        ),
    ),
    given=r"Let $\varphi(x) = \frac{1}{1+e^{-ax}}$ with $a > 0$.",
    source="seed 000, section 1",
)
