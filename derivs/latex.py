"""sympy -> LaTeX in the notation of the homework (H for Heaviside, \\sigma(x) not \\sigma{\\left(x\\right)})."""

from __future__ import annotations

import functools
import re

import sympy
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from . import dialect


_NAME = re.compile(r"\\?[A-Za-z]+(_\{?\w+\}?)?|\\hat\{?\w\}?")


class HomeworkLatexPrinter(LatexPrinter):
    """sympy's printer with the course's names for a few functions, and an author's forms where given.

    `written` maps an expression to the LaTeX its author writes for it; it is printed as given wherever
    that expression occurs (check proves each such form equal to its expression).
    """

    def __init__(self, settings=None, written=None):
        super().__init__(settings)
        self._written = written or {}

    def _print(self, expr, **kwargs):
        if self._written and isinstance(expr, sympy.Basic):
            text = self._written.get(expr)
            if text is not None:  # sympy prints f(x)^2 by passing the power down to f: honour it
                power = kwargs.get("exp")
                return rf"\left({text}\right)^{{{power}}}" if power else text
        return super()._print(expr, **kwargs)

    def _print_Derivative(self, expr):
        """f'(x) for a function of its one variable; dE/dx as one fraction when what is differentiated is
        a name (E, or an author's name for it); sympy's operator form otherwise."""
        inner = expr.expr
        if isinstance(inner, sympy.Function) and inner.args == (expr.variables[0],) and len(set(expr.variables)) == 1 and expr.derivative_count <= 2:
            named = self._function_name(inner)  # e^{x} or |x| have no name to put a prime on
            if named:
                return f"{named}{chr(39) * expr.derivative_count}({self._print(inner.args[0])})"
        name = self._written.get(expr.expr, self._print(expr.expr) if isinstance(expr.expr, sympy.Symbol) else None)
        if name is None or not _NAME.fullmatch(name) or len(expr.variables) != 1 or expr.derivative_count != 1:
            return super()._print_Derivative(expr)
        d = r"\partial" if len(expr.free_symbols) > 1 or not isinstance(expr.expr, sympy.Symbol) else "d"
        return rf"\frac{{{d} {name}}}{{{d} {self._print(expr.variables[0])}}}"

    def _function_name(self, applied) -> str | None:
        """How this printer names a function (\\tanh, \\sigma, H, \\operatorname{relu}); None if it writes
        no name before a bracket (e^{x}, |x|)."""
        text = self._print(applied.func(sympy.Symbol("x")))
        cuts = [text.find(mark) for mark in ("{\\left(", "\\left(", "(") if mark in text]
        return text[: min(cuts)] or None if cuts else None

    def _print_Add(self, expr, order=None):
        """Terms in the order a person writes them: n - k + 1, o_1 - y_1, not sympy's -k + n + 1."""
        if all(_numeric_working(term) for term in expr.args):  # 1 \cdot 2 + 2 \cdot 0 + 3 \cdot 1: as the working has it
            return super()._print_Add(expr, order="none")
        terms = list(expr.as_ordered_terms())
        positive = [t for t in terms if not t.could_extract_minus_sign() and not t.is_number]
        if positive:
            negative = [t for t in terms if t.could_extract_minus_sign() and not t.is_number]
            terms = positive + negative + [t for t in terms if t.is_number]
        return super()._print_Add(sympy.Add(*terms, evaluate=False), order="none")

    def _print_Integer(self, expr):
        """Thousands separated as {,}, which reads back as one number: 100{,}000."""
        digits = str(abs(int(expr)))
        if len(digits) <= 4:
            return str(expr)
        groups = [digits[max(0, end - 3) : end] for end in range(len(digits), 0, -3)][::-1]
        return ("-" if expr < 0 else "") + "{,}".join(groups)

    def _print_Indexed(self, expr):
        """x_{i} and w_{k j}, not sympy's {x}_{i}."""
        base = self._print(expr.base.label)
        indices = " ".join(self._print(index) for index in expr.indices)
        return f"{base}_{{{indices}}}"

    def _print_Mul(self, expr):
        """Factors in a person's order, bracketed sums last: a\\varphi(x)(1 - \\varphi(x)); an unevaluated
        product's factor 1 is not printed (sympy writes 1 e^{x_j})."""
        factors = [f for f in expr.args if f != 1]
        if len(factors) < len(expr.args) and factors and not _numeric_working(expr):
            expr = sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0]
            return self._print(expr)
        coefficient, rest = expr.as_coeff_Mul()
        ordered = list(rest.as_ordered_factors())
        people = sorted(ordered, key=lambda f: isinstance(f, sympy.Add))
        if people == ordered or not expr.is_commutative or not coefficient.is_Integer:
            return super()._print_Mul(expr)
        saved = self._settings["order"]
        self._settings["order"] = "none"
        try:
            body = super()._print_Mul(sympy.Mul(*people, evaluate=False))
        finally:
            self._settings["order"] = saved
        return {1: body, -1: f"- {body}"}.get(int(coefficient), f"{self._print(coefficient)} {body}")

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


    # vector and matrix calculus, as the course writes it
    def _print_DiagMatrix(self, expr):
        return rf"\operatorname{{diag}}({self._print(expr.args[0])})"

    def _print_Softmax(self, expr):
        return rf"\operatorname{{softmax}}({self._print(expr.args[0])})"

    def _print_OneMatrix(self, expr):
        return r"\mathbf{1}"

    def _print_Identity(self, expr):
        return "I"

    def _print_MatrixDerivative(self, expr):
        return rf"\frac{{\partial}}{{\partial {self._print(expr.variable)}}}\left({self._print(expr.function)}\right)"

    def _print_ElementwiseApplyFunction(self, expr):
        body = expr.function.expr
        if isinstance(body, sympy.Function) and body.args == expr.function.variables:
            return rf"{self._function_name(body) or self._print(body.func)}\left({self._print(expr.expr)}\right)"
        return super()._print_ElementwiseApplyFunction(expr)


def _numeric_working(expr) -> bool:
    """A number or an unevaluated product of numbers (a key's working: 100,000 times 1000, 3 times 1)."""
    return expr.is_Number or (isinstance(expr, sympy.Mul) and all(factor.is_Number for factor in expr.args))


def to_latex(expr, written=None) -> str:
    """LaTeX for an expression; `written` gives an author's form for any of its pieces. Without one it is remembered
    (a batch prints the same reading back for every student who wrote it)."""
    if written is None:
        try:
            return _remembered_latex(expr)
        except TypeError:  # unhashable (a mutable matrix): printed each time
            pass
    return _printed(expr, written)


def _printed(expr, written=None) -> str:
    return _plain_brackets(_plain_applications(HomeworkLatexPrinter({"mul_symbol": None}, written).doprint(expr)))


_remembered_latex = functools.lru_cache(maxsize=4096)(_printed)


_DELIMITER = re.compile(r"\\(left|right)(\\[{}|]|[()\[\].|])")
_TALL = re.compile(r"\\(frac|dfrac|sum|prod|int|begin|binom|sqrt|lim)(?![A-Za-z])")


def _plain_brackets(text: str) -> str:
    r"""\left( x + 1 \right) as (x + 1) when nothing inside is taller than a line: sympy sizes every
    bracket, which spaces \sigma\left(v\right) apart; a person sizes only those around a fraction."""
    opened, plain = [], set()
    for match in _DELIMITER.finditer(text):
        if match.group(1) == "left":
            opened.append(match)
            continue
        if not opened:
            return text  # unbalanced: leave it as sympy wrote it
        start = opened.pop()
        if start.group(2) == "(" and match.group(2) == ")" and not _TALL.search(text, start.end(), match.start()):
            plain |= {start, match}
    out, position = [], 0
    for match in sorted(plain, key=lambda m: m.start()):
        before = text[position : match.start()]
        out += [before.rstrip() if match.group(1) == "right" else before, match.group(2)]
        position = match.end()
    return "".join(out) + text[position:]


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
        if not _one_bracket(text[match.start() + 1 : end]) or re.search(r"\\(frac|dfrac|tfrac|sqrt|binom)$", text[: match.start()]):
            continue  # \frac{\left(x\right) \left(y\right)}{2} keeps its braces
        out.append(text[position : match.start()] + text[match.start() + 1 : end])
        position = end + 1
    out.append(text[position:])
    return "".join(out)


def _one_bracket(group: str) -> bool:
    r"""Whether a group is exactly one \left( .. \right) pair (not two brackets side by side)."""
    depth = 0
    for match in re.finditer(r"\\(left|right)\W", group):
        depth += 1 if match.group(1) == "left" else -1
        if depth == 0:
            return not group[match.end() :].strip()
    return False


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

    def _print_MatrixDerivative(self, expr):
        return f"d/d{self._print(expr.variable)} {self.parenthesize(expr.function, PRECEDENCE['Mul'])}"

    def _print_DiagMatrix(self, expr):
        return f"diag({self._print(expr.args[0])})"

    def _print_Softmax(self, expr):
        return f"softmax({self._print(expr.args[0])})"


def to_text(expr) -> str:
    """One line of readable mathematics for feedback a student reads: σ(2·x), tanh(x)^2, not LaTeX source."""
    text = _TextPrinter({"order": "none"}).doprint(expr)
    text = re.sub(r"(?<![\w.])(\d+)·(?=[A-Za-z(])", r"\1", text)  # 2·x reads as 2x
    return _GREEK_WORD.sub(lambda match: _GREEK_LETTERS[match.group(1)], text)
