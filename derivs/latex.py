"""sympy -> LaTeX in the notation of the homework (H for Heaviside, \\sigma(x) not \\sigma{\\left(x\\right)})."""

from __future__ import annotations

import re

import sympy
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from . import dialect


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
    return _plain_applications(HomeworkLatexPrinter({"mul_symbol": None}).doprint(expr))


def _plain_applications(text: str) -> str:
    r"""sympy writes \tanh{\left(x \right)}; a person writes \tanh\left(x\right). Drop the braces around an argument."""
    out, position = [], 0
    for match in re.finditer(r"(?<=[A-Za-z}])\{\\left\(", text):
        if match.start() < position:
            continue
        depth = 0
        for end in range(match.start(), len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0) if text[end - 1] != "\\" else 0
            if depth == 0:
                break
        if not text[: end].rstrip().endswith("\\right)"):
            continue
        out.append(text[position : match.start()] + text[match.start() + 1 : end])
        position = end + 1
    out.append(text[position:])
    return "".join(out)


_GREEK_LETTERS = dialect.GREEK_GLYPHS
_GREEK_WORD = re.compile(r"(?<![A-Za-z\\])(" + "|".join(sorted(_GREEK_LETTERS, key=len, reverse=True)) + r")(?![A-Za-z])")


class _TextPrinter(StrPrinter):
    """sympy's one-line printer, in the homework's notation: σ(2*x) as σ(2·x), d/dx tanh(x), φ'(0), H(x), δ_ki."""

    def _print_Derivative(self, expr):
        variables = "".join(f"d{self._print(v)}" + (f"^{n}" if n > 1 else "") for v, n in expr.variable_count)
        order = sum(n for _, n in expr.variable_count)
        top = "d" if order == 1 else f"d^{order}"
        return f"{top}/{variables} {self.parenthesize(expr.expr, PRECEDENCE['Mul'])}"

    def _print_Subs(self, expr):
        inner, old, new = expr.args
        if isinstance(inner, sympy.Derivative) and len(old) == 1 and inner.expr.args == (old[0],):
            name = self._print(type(inner.expr)).replace("sigma", "σ")
            return f"{name}{chr(39) * inner.derivative_count}({self._print(new[0])})"
        return super()._print_Subs(expr)

    def _print_Heaviside(self, expr):
        return f"H({self._print(expr.args[0])})"

    def _print_KroneckerDelta(self, expr):
        return f"δ({self._print(expr.args[0])}, {self._print(expr.args[1])})"

    def _print_Pow(self, expr, rational=False):
        return super()._print_Pow(expr, rational).replace("**", "^")

    def _print_Mul(self, expr):
        return super()._print_Mul(expr).replace("*", "·")

    def _print_MatMul(self, expr):
        return super()._print_MatMul(expr).replace("*", "·")


def to_text(expr) -> str:
    """One line of readable mathematics for feedback a student reads: σ(2·x), tanh(x)^2, not LaTeX source."""
    text = _TextPrinter({"order": "none"}).doprint(expr)
    text = re.sub(r"(?<![\w.])(\d+)·(?=[A-Za-z(])", r"\1", text)  # 2·x reads as 2x
    return _GREEK_WORD.sub(lambda match: _GREEK_LETTERS[match.group(1)], text)
