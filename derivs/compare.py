"""Compare two LaTeX answers with no problem module: `derivs compare GOLD ANSWER`.

Both sides are read by the same parser in a free context (every name a real symbol unless
declared: `x=0..5`, `K=size`, `n=integer`, `W=matrix`), then decided by the grader's own
procedure. Equations and inequalities are compared by their solution sets, lists and tuples
entry by entry, matrices without commuting. An instructor's quick check, and how peer
projects' test tables are run against derivs.
"""

from __future__ import annotations

import re
from typing import Mapping

import sympy

from .equivalence import concrete_functions, decide
from .grading import DEFAULT_TIMEOUT, PROOF_BUDGET, UNPROVED, GradeResult, equal_verdict, shown_reading, stated_value
from .latex import to_text
from .matrix_equality import SIZE_CHOICES
from .model import Integer, Matrix, Problem, Scalar, Size, vectors_for
from .parsing import MATRIX_SIZE, Context, LatexError, Reading, ShapeMismatch, plain_name, read
from .quoting import count
from .sandbox import Overrun, run_limited
from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

TARGET = "compare"
_RANGE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*$")


class VariableError(ValueError):
    """A --var declaration that cannot be read; says what is accepted."""


def declarations(specs: Mapping[str, str] | None) -> dict[str, tuple]:
    """{'x': '0..5', 'K': 'size', 'n': 'integer', 'W': 'matrix', 'a': 'positive'} -> kinds and ranges."""
    found = {}
    for name, spec in (specs or {}).items():
        spec = spec.strip().lower()
        bounds = _RANGE.match(spec)
        if bounds:
            low, high = float(bounds.group(1)), float(bounds.group(2))
            if not low < high:
                raise VariableError(f"--var {name}={spec}: the range must go from low to high")
            found[name] = ("range", low, high)
        elif spec in ("size", "integer", "matrix", "positive", "real"):
            found[name] = (spec,)
        elif _SHAPED.match(spec):
            found[name] = _shaped(name, spec)
        else:
            raise VariableError(f"--var {name}={spec}: write a range (x=0..5) or one of size, integer, positive, real, matrix, "
                                "matrix(m,n), vector(n)")
    return found


_SHAPED = re.compile(r"^(matrix|vector)\s*\(([^()]*)\)$")
_DIMENSION = re.compile(r"^(?:[1-9]|1\d|20|[a-z](?:_?\w{0,3})?)$", re.IGNORECASE)  # a number up to 20, or a size's name


def _shaped(name: str, spec: str) -> tuple:
    """matrix(m,n), matrix(3,2), vector(n) (a column): ("shaped", rows, columns), each a size name or a whole number."""
    kind, inside = _SHAPED.match(spec).groups()
    dimensions = [part.strip() for part in inside.split(",")]
    if kind == "vector":
        dimensions.append("1")
    if len(dimensions) != 2 or not all(_DIMENSION.match(d) for d in dimensions):
        raise VariableError(f"--var {name}={spec}: write matrix(rows,columns) or vector(length), each a size name (m, n_1) or a number up to 20")
    return ("shaped", *(int(d) if d.isdigit() else d for d in dimensions))


def _symbol(name: str, kind: tuple):
    if kind[0] == "shaped":
        return sympy.MatrixSymbol(name, *(d if isinstance(d, int) else sympy.Symbol(d, integer=True, positive=True) for d in kind[1:]))
    if kind[0] == "size":
        return sympy.Symbol(name, integer=True, positive=True)
    if kind[0] == "integer":
        return sympy.Symbol(name, integer=True)
    if kind[0] == "positive" or (kind[0] == "range" and kind[1] > 0):
        return sympy.Symbol(name, positive=True)
    if kind[0] == "matrix":
        return sympy.MatrixSymbol(name, MATRIX_SIZE, MATRIX_SIZE)
    return sympy.Symbol(name, real=True)


def free_context(kinds: dict[str, tuple]) -> Context:
    context = Context.free_context({name: _symbol(name, kind) for name, kind in kinds.items() if kind[0] != "shaped"})
    context.matrices = {plain_name(name): _symbol(name, kind) for name, kind in kinds.items() if kind[0] == "shaped"}
    context.symbols.update({str(s): s for m in context.matrices.values() for n in m.shape for s in sympy.sympify(n).free_symbols})
    return context


def _problem_for(exprs: list, kinds: dict[str, tuple]) -> Problem:
    """An ad-hoc problem whose variables are the names both sides use, ranged as declared."""
    variables, seen = [], set()
    sizes = {s for e in exprs for s in _upper_bounds(e)}
    matrices = {m for e in exprs if isinstance(e, sympy.Basic) for m in e.atoms(sympy.MatrixSymbol)}
    shapes = {s for matrix in matrices for dimension in matrix.shape for s in sympy.sympify(dimension).free_symbols}
    variables.extend(Size(symbol, (2, 3) if symbol == MATRIX_SIZE else SIZE_CHOICES) for symbol in sorted(shapes, key=str))
    seen |= shapes
    variables.extend(Matrix(matrix) for matrix in sorted(matrices, key=str))
    vectors = vectors_for(exprs, set())  # x in \sum_{j=1}^{n} x_j: entries x[1..n]
    variables.extend(vectors)
    seen |= {vector.base.label for vector in vectors}
    for symbol in sorted({s for e in exprs if isinstance(e, sympy.Basic) for s in e.free_symbols if isinstance(s, sympy.Symbol)}, key=str):
        if symbol in seen:
            continue
        seen.add(symbol)
        kind = kinds.get(symbol.name, ())
        if symbol in sizes or kind[:1] == ("size",):
            variables.append(Size(symbol, (1, 2, 3, 5)))
        elif symbol.is_integer:
            variables.append(Integer(symbol, -6, 6))
        elif kind[:1] == ("range",):
            variables.append(Scalar(symbol, kind[1], kind[2]))
        elif symbol.is_positive:
            variables.append(Scalar(symbol, 0.2, 4))
        else:
            variables.append(Scalar(symbol))
    return Problem(id=TARGET, title="", statement="", variables=tuple(variables), claims=())


def _domain(problem: Problem, kinds: dict) -> dict:
    """A declared range is where the answer must hold (probes stay inside it), not only where points fall."""
    return {var.symbol: sympy.Interval(var.low, var.high) for var in problem.variables
            if isinstance(var, Scalar) and kinds.get(var.symbol.name, ())[:1] == ("range",)}


def _upper_bounds(expr) -> set:
    if not isinstance(expr, sympy.Basic):
        return set()
    found = set()
    for total in expr.atoms(sympy.Sum, sympy.Product):
        for _, low, high in total.limits:
            found |= low.free_symbols | high.free_symbols
    return found


def _as_sizes(expr, sizes: set):
    """A symbol used as a sum's bound is a positive integer in both sides."""
    return expr.xreplace({s: sympy.Symbol(s.name, integer=True, positive=True) for s in sizes if not s.is_integer})


def compare_now(gold: str, answer: str, variables: Mapping[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT) -> GradeResult:
    """Compare in this process under a CPU-time limit. Raises LatexError when the gold answer cannot be read."""
    started = cpu_seconds()
    kinds = declarations(variables)
    context = free_context(kinds)
    expected = read(gold, context)

    def result(verdict: str, feedback: str, proved: bool = False, witness=None, interpreted: str = "", notes=()) -> GradeResult:
        return GradeResult(TARGET, answer, verdict, feedback, proved, cpu_seconds() - started, witness, None, interpreted, tuple(notes))

    try:
        given = read(answer, context)
    except ShapeMismatch as error:  # W x + x with W m x n: readable, and not equal to anything
        return result("incorrect", error.message)
    except LatexError as error:
        return result("invalid", str(error))
    shown = shown_reading(answer, context)  # x = 2 as an equation, as written
    try:
        with time_limit(timeout):
            rounded = _long_decimal(gold, answer, expected, given)
            verdict, feedback, proved, witness = rounded or _compare_readings(expected, given, kinds, timeout)
    except TimeLimitExceeded:
        return result("undecided", f"time limit of {timeout:g} s of CPU time reached before a decision", interpreted=shown, notes=given.notes)
    except (TypeError, ValueError, NotImplementedError, ArithmeticError, AttributeError) as error:
        return result("undecided", f"could not decide ({type(error).__name__}: {error})", interpreted=shown, notes=given.notes)
    return result(verdict, feedback, proved, witness, shown, given.notes)


def _compare_readings(expected: Reading, given: Reading, kinds: dict, timeout: float) -> tuple:
    """(verdict, feedback, proved, witness) for two readings."""
    if expected.relations and given.relations:
        return _compare_relations(expected, given, kinds)
    if expected.relations or given.relations:  # "x = 2" against "2": the stated values (an inequality: undecided)
        kind = _other_kind(expected, given)
        if kind:
            return "incorrect", kind, False, None
        expected, given = Reading((stated_value(expected)[0],)), Reading((stated_value(given)[0],))
    left, right = given.answer, expected.answer
    if isinstance(left, sympy.Tuple) or isinstance(right, sympy.Tuple):
        return _compare_entries(list(_entries(right)), list(_entries(left)), kinds, timeout)
    return _compare_values(right, left, kinds, timeout)


LONG_DECIMAL_FIGURES = 15  # a decimal with this many significant figures or more stands for the exact value it rounds
_DECIMAL = re.compile(r"^\s*\$?\s*(-?)\s*(\d*)\.(\d+)\s*\$?\s*$")


def _decimal_places(text: str) -> tuple[int, int] | None:
    """(significant figures, decimal places) when the text is one decimal number and nothing else."""
    found = _DECIMAL.match(text)
    if not found:
        return None
    digits = (found.group(2) + found.group(3)).lstrip("0")
    return len(digits), len(found.group(3))


def _long_decimal(gold: str, answer: str, expected: Reading, given: Reading) -> tuple | None:
    """A decimal of 15 or more figures against an exact number (0.333333333333333 and \\frac13): equal when it is
    the exact value to within one unit in its last place (rounded or cut off); None when the rule does not apply."""
    for text, decimal, exact in ((answer, given.answer, expected.answer), (gold, expected.answer, given.answer)):
        places = _decimal_places(text)
        if places is None or places[0] < LONG_DECIMAL_FIGURES or not getattr(exact, "is_number", False) or expected.relations or given.relations:
            continue
        gap = abs(sympy.N(exact - decimal, places[0] + 10))
        if not gap.is_real:
            return None
        if gap <= sympy.Rational(1, 10 ** places[1]):
            return "correct", f"correct: the decimal is the exact value to its {places[0]} figures (within one unit of its last place)", True, None
        return "incorrect", f"not equal: the decimal differs from the exact value in its {places[0]} figures", False, None
    return None


def _names_a_value(reading: Reading) -> bool:
    """x = 2, f'(x) = 2x, \\frac{dy}{dx} = ...: an equation that gives a name's value, which an expression may answer.
    7 = 11a + c, 2x + 4 = 0 are equations to solve: a different kind of answer from an expression."""
    if not reading.relations:
        return True
    first = reading.sides[0]
    named = (sympy.Symbol, sympy.Indexed, sympy.Derivative, sympy.Subs, sympy.core.function.AppliedUndef, sympy.MatrixSymbol)
    return set(reading.relations) <= {"==", "approx"} and isinstance(first, named)


def _other_kind(expected: Reading, given: Reading) -> str:
    """Why one side is an equation to solve and the other an expression, or ""."""
    for reading, whose in ((expected, "the expected answer"), (given, "your answer")):
        if not _names_a_value(reading) and "==" in reading.relations:
            other = "your answer" if whose == "the expected answer" else "the expected answer"
            shown = " = ".join(to_text(side) for side in reading.sides)
            return f"a different kind of answer: {whose} is an equation ({shown}), {other} an expression"
    return ""


def _entries(value):
    if isinstance(value, sympy.Tuple):
        return value.args
    if isinstance(value, sympy.MatrixBase) and 1 in value.shape:
        return tuple(value)
    return (value,)


def _compare_entries(expected: list, given: list, kinds: dict, timeout: float) -> tuple:
    if len(expected) != len(given):
        return "incorrect", f"the answer has {count(len(given), 'entry', 'entries')}, but the expected answer has {len(expected)}", False, None
    proved = True
    for number, (right, left) in enumerate(zip(expected, given), start=1):
        verdict, feedback, entry_proved, witness = _compare_values(right, left, kinds, timeout / max(1, len(expected)))
        if verdict not in ("correct", UNPROVED):
            return verdict, f"entry {number}: {feedback}", False, witness
        proved = proved and entry_proved
    if not proved:
        return UNPROVED, f"all {len(expected)} entries equal at the points tried, not all proved symbolically", False, None
    return "correct", f"correct: all {len(expected)} entries equal", True, None


def _compare_values(expected, given, kinds: dict, timeout: float) -> tuple:
    exprs = [expected, given]
    sizes = {s for e in exprs for s in _upper_bounds(e)}
    expected, given = (concrete_functions(_as_sizes(e, sizes)) for e in exprs)
    problem = _problem_for([expected, given], kinds)
    decision = decide(problem, given, expected, _domain(problem, kinds), budget=0.8 * timeout, strict=False, proof_budget=PROOF_BUDGET * timeout / DEFAULT_TIMEOUT)
    if decision.verdict == "equal":
        return (*equal_verdict(decision), None)
    if decision.verdict == "undecided":
        return "undecided", f"could not decide: {decision.note}", False, None
    witness = vars(decision.witness) if decision.witness else None
    if decision.note:
        return "incorrect", decision.note, False, witness
    if decision.witness and decision.witness.point:
        return "incorrect", f"not equal: at {decision.witness.point} the answer is {decision.witness.lhs} but the expected value is {decision.witness.rhs}", False, witness
    return "incorrect", f"not equal: the answer is {decision.witness.lhs if decision.witness else to_text(given)}", False, witness


def _compare_relations(expected: Reading, given: Reading, kinds: dict) -> tuple:
    """Equations and inequalities: the same solution set (in each unknown they share)."""
    left_sets, right_sets = _solutions(expected), _solutions(given)
    if left_sets is None or right_sets is None:
        raise NotImplementedError("the solution sets could not be found")
    if left_sets == right_sets:
        return "correct", "correct: the same solution set", True, None
    unknowns = sorted(set(left_sets) | set(right_sets), key=str)
    for unknown in unknowns:
        if left_sets.get(unknown) != right_sets.get(unknown):
            return "incorrect", f"the solutions in {unknown} differ: {to_text(right_sets.get(unknown))} against {to_text(left_sets.get(unknown))}", False, None
    return "incorrect", "the relations differ", False, None


def _solutions(reading: Reading) -> dict | None:
    """{unknown: its solution set over the reals, the others free} for a relation (or a chain of them)."""
    relation = reading.value
    symbols = sorted(relation.free_symbols, key=str)
    if not symbols:
        return {None: sympy.true if relation else sympy.false}
    found = {}
    for unknown in symbols:
        solved = sympy.S.Reals
        for part in relation.args if isinstance(relation, sympy.And) else (relation,):  # a <= x <= b: both must hold
            try:
                piece = sympy.solveset(part.func(part.lhs, part.rhs), unknown, sympy.S.Reals)  # evaluated, as written
            except (NotImplementedError, ValueError, TypeError):
                return None
            if isinstance(piece, sympy.ConditionSet):
                return None
            solved = sympy.Intersection(solved, piece)
        found[unknown] = solved
    return found


def compare(gold: str, answer: str, *, variables: Mapping[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT) -> GradeResult:
    """Compare two LaTeX answers in a warm worker (memory cap, hard CPU limit). Raises LatexError for an unreadable gold."""
    context = free_context(declarations(variables))
    read(gold, context)  # fail fast, in this process, on a gold answer that cannot be read
    started = cpu_seconds()
    outcome = run_limited(compare_now, (gold, answer, dict(variables or {}), timeout), timeout)
    if isinstance(outcome, Overrun):
        return GradeResult(TARGET, answer, "undecided", f"could not decide: {outcome.reason}", False, cpu_seconds() - started)
    return outcome


__all__ = ["VariableError", "compare", "compare_now", "declarations"]
