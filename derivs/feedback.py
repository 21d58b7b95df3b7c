"""Why an answer is wrong, in words a student can act on.

Each diagnosis is a small named function tried in order (a mistake the problem declares,
a sign error, a constant factor, an additive constant, a wrong argument, a swapped matrix
product, a missing or extra term); the first that fits explains the answer. Each test is
numeric, at a handful of the problem's random points.
"""

from __future__ import annotations

from typing import Callable

import mpmath
import sympy

from .latex import to_text
from .model import Part, Problem
from .equivalence import expanded
from .numeric import EVALUATION_ERRORS, compare_at_points, point_value, sample_points

CHECK_POINTS = 8


class _Case:
    """One wrong answer: the answer and the reference, raw and with definitions expanded."""

    def __init__(self, problem: Problem, part: Part, answer):
        self.problem = problem
        self.part = part
        self.raw_answer = answer
        self.answer = expanded(problem, answer)
        self.reference = expanded(problem, part.answer)
        self.points = sample_points(problem.variables, part.where, CHECK_POINTS, seed=7)

    def equals(self, left, right) -> bool:
        """Two expressions as written (the problem's functions still in them) agree at the points."""
        return self.same(expanded(self.problem, left), expanded(self.problem, right))

    def same(self, left, right) -> bool:
        """Two expressions with definitions already expanded agree at the points (no expansion again)."""
        return compare_at_points(left, right, self.points, stop_at_difference=True, witness=False).holds is True

    def combined(self, operation) -> list[tuple[dict, object]]:
        """(point, operation(answer, reference)) from the two sides' values, each worked out once (and the reference's
        once for the class): a quotient or difference is not walked again as an expression of its own."""
        references = {id(point): value for point, value in self.values(self.reference)}
        found = []
        for point, value in self.values(self.answer):
            reference = references.get(id(point))
            if reference is not None and (reference != 0 or operation is not _quotient):
                found.append((point, operation(value, reference)))
        return found

    def values(self, expr) -> list[tuple[dict, object]]:
        """(point, value) where expr has a finite real value, by the same walk into mpmath as the decision."""
        found = []
        for point in self.points:
            try:
                value = point_value(expr, point, 20)
            except EVALUATION_ERRORS:
                continue
            if value is not None and not isinstance(value, mpmath.matrix) and mpmath.im(value) == 0:
                found.append((point, mpmath.re(value)))
        return found


def declared_mistake(case: _Case) -> str | None:
    for mistake in case.part.mistakes:
        if case.equals(case.raw_answer, mistake.answer):
            return mistake.feedback
    return None


def _quotient(answer, reference):
    return answer / reference


def _difference(answer, reference):
    return answer - reference


def _constant(values: list) -> sympy.Basic | None:
    """The one number all the values are (to 12 digits), as a simple fraction; None if they differ."""
    numbers = [value for value in values if mpmath.isfinite(value)]
    if len(numbers) < 3 or any(abs(v - numbers[0]) > 1e-12 * max(1, abs(numbers[0])) for v in numbers):
        return None
    return sympy.nsimplify(sympy.Float(numbers[0], 15), rational=True, tolerance=1e-12)


def _scalar(case: _Case) -> bool:
    """A scalar that depends on the variables: for a plain number, a factor or offset says nothing."""
    if isinstance(case.reference, (sympy.MatrixExpr, sympy.MatrixBase)):
        return False
    return not case.reference.is_number


def sign_error(case: _Case) -> str | None:
    if case.same(case.answer, -case.reference):
        return "sign error: your answer is the negative of the expected one"
    return None


def constant_factor(case: _Case) -> str | None:
    if not _scalar(case):
        return None
    ratio = _symbolic_ratio(case)
    if ratio is None or ratio in (0, 1) or not case.same(case.answer, ratio * case.reference):
        return None
    if ratio.is_number:
        return f"off by a constant factor: your answer is {to_text(ratio)} times the expected one"
    missing = 1 / ratio
    if missing.is_Symbol or (missing.is_Mul and all(f.is_Symbol or f.is_number for f in missing.args)):
        hint = " (a chain-rule factor)" if _inside_an_argument(missing, case.reference) else ""
        return f"missing the factor {to_text(missing)}{hint}: your answer times {to_text(missing)} is the expected one"
    return f"off by a factor: your answer is {to_text(ratio)} times the expected one"


def _inside_an_argument(factor, reference) -> bool:
    """Whether the factor multiplies the variable inside some function of the reference, as a in e^{-ax}."""
    symbols = factor.free_symbols
    return any(symbols <= arg.free_symbols for app in _applications(reference) for arg in app.args if arg.free_symbols - symbols)


def _symbolic_ratio(case: _Case):
    """answer / reference when it is a constant, or a constant times a power of one of the reference's
    symbols (a missing chain-rule factor a); found from values at points, with no symbolic work."""
    ratios = case.combined(_quotient)
    number = _constant([value for _, value in ratios])
    if number is not None:
        return number
    for symbol in sorted(case.reference.free_symbols, key=str):
        try:
            at = [(value, mpmath.mpf(float(point[symbol]))) for point, value in ratios if point.get(symbol)]
        except (KeyError, TypeError):
            continue
        for power in (1, -1, 2, -2):
            factor = _constant([value / coordinate**power for value, coordinate in at])
            if factor is not None and factor != 0:
                return factor * symbol**power
    return None


def additive_constant(case: _Case) -> str | None:
    if not _scalar(case):
        return None
    shift = _constant([value for _, value in case.combined(_difference)])
    if shift is not None and shift != 0:
        return f"off by an additive constant: your answer is the expected one plus {to_text(shift)}"
    return None


def _applications(expr) -> list:
    return [e for e in sympy.preorder_traversal(expr) if isinstance(e, sympy.Function) and len(e.args) == 1 and not e.args[0].is_number]


def wrong_argument(case: _Case) -> str | None:
    """sigma(x) where sigma(2x) is due: put the expected argument in and see if that fixes it."""
    expected = _applications(case.part.answer)
    for given in _applications(case.raw_answer):
        for wanted in expected:
            if given.func == wanted.func and given.args != wanted.args:
                if case.equals(case.raw_answer.xreplace({given: wanted}), case.part.answer):
                    return f"wrong argument: you wrote {to_text(given)} where {to_text(wanted)} is due"
    return None


def _reversed_products(expr):
    return expr.replace(lambda e: isinstance(e, sympy.MatMul), lambda e: sympy.MatMul(*reversed(e.args)))


def swapped_product(case: _Case) -> str | None:
    if _scalar(case) or not case.answer.has(sympy.MatMul):
        return None
    try:
        if case.same(_reversed_products(case.answer), case.reference):
            return "the matrix product is in the wrong order: matrix products do not commute"
    except (TypeError, ValueError, sympy.matrices.exceptions.ShapeError):
        return None
    return None


def _terms(expr) -> tuple:
    return expr.args if isinstance(expr, (sympy.Add, sympy.MatAdd)) else (expr,)


def missing_or_extra_term(case: _Case) -> str | None:
    for term in _terms(case.part.answer):
        if len(_terms(case.part.answer)) > 1 and case.same(case.answer, case.reference - expanded(case.problem, term)):
            return f"missing the term {to_text(term)}"
    for term in _terms(case.raw_answer):
        if len(_terms(case.raw_answer)) > 1 and case.same(case.answer - expanded(case.problem, term), case.reference):
            return f"the term {to_text(term)} should not be there"
    return None


def stray_differential(case: _Case) -> str | None:
    """`... \\, dx` copied from an integral or from dy = ... dx: d is no name of the problem, so it reads as d times x.
    Say so, and whether the answer without it is the expected one."""
    if not isinstance(case.raw_answer, sympy.Expr):
        return None
    d = next((s for s in case.raw_answer.free_symbols if s.name == "d"), None)
    if d is None or d in sympy.sympify(case.part.answer).free_symbols:
        return None
    beside = [v for v in _factors_beside(case.raw_answer, d) if isinstance(v, sympy.Symbol)]
    for variable in beside:
        if case.equals(case.raw_answer.subs(d, 1 / variable), case.part.answer):
            return f"d{to_text(variable)} is a differential, read as d times {to_text(variable)}: without it your answer is the expected one"
    if beside:
        return f"d{to_text(beside[0])} is a differential, read as d times {to_text(beside[0])}: an answer is written without it"
    return None


def differential_note(problem: Problem, part: Part, answer) -> str | None:
    """`stray_differential` on its own, for a caller whose other checks a stray d x would mislead."""
    return stray_differential(_Case(problem, part, answer))


def _factors_beside(expr, symbol) -> list:
    """The other factors of every product in expr that has symbol as a factor."""
    return [factor for product in sympy.preorder_traversal(expr) if isinstance(product, sympy.Mul) and symbol in product.args
            for factor in product.args if factor != symbol]


DIAGNOSES: tuple[Callable[[_Case], str | None], ...] = (
    declared_mistake,
    stray_differential,
    sign_error,
    swapped_product,
    wrong_argument,
    missing_or_extra_term,
    constant_factor,
    additive_constant,
)


def explain(problem: Problem, part: Part, answer) -> str | None:
    """The first diagnosis that fits, or None (the caller then shows the witness point)."""
    case = _Case(problem, part, answer)
    for diagnose in DIAGNOSES:
        try:
            message = diagnose(case)
        except Exception:  # a diagnosis that cannot run on this answer simply does not apply
            continue
        if message:
            return message
    return None
