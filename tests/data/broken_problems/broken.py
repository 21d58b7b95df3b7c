"""A problem module with a mistake in it: importing it raises."""

from sympy import Symbol

x = Symbol("x")
PROBLEM = undefined_name  # noqa: F821
