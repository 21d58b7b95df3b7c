"""sympy -> LaTeX in the notation of the homework (H for Heaviside, \\sigma(x) not \\sigma{\\left(x\\right)})."""

from __future__ import annotations

import sympy
from sympy.printing.latex import LatexPrinter


class HomeworkLatexPrinter(LatexPrinter):
    """sympy's printer with the course's names for a few functions."""

    def _print_Heaviside(self, expr, exp=None):
        body = rf"H\left({self._print(expr.args[0])}\right)"
        return rf"{body}^{{{exp}}}" if exp else body

    def _print_Subs(self, subs):
        expr, old, new = subs.args
        if isinstance(expr, sympy.Derivative) and len(old) == 1 and len(expr.variables) == 1:
            function = expr.expr
            if isinstance(function, sympy.core.function.AppliedUndef) and function.args == (old[0],):
                name = self._print(type(function)(sympy.Symbol("_")))
                return name.split(r"{\left(")[0] + rf"'\left({self._print(new[0])}\right)"
        return super()._print_Subs(subs)


def to_latex(expr) -> str:
    return HomeworkLatexPrinter({"mul_symbol": None}).doprint(expr)
