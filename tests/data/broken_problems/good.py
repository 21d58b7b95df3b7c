"""A correct one-claim problem next to a broken module."""

from sympy import Symbol, cos, sin

from derivs.model import Claim, Problem, Scalar

x = Symbol("x", real=True)

PROBLEM = Problem(
    id="good",
    title="Pythagoras",
    statement=r"$\sin^2 x + \cos^2 x = 1$",
    variables=(Scalar(x),),
    claims=(Claim("pythagoras", "sin^2 + cos^2 = 1", sin(x) ** 2 + cos(x) ** 2, 1),),
)
