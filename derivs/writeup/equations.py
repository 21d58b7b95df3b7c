"""Equations to solve and implications between equations: `A \\Rightarrow B`, `\\sigma(z) = 0.5` then `z = 0`.

B follows from A when it has A's solutions in an unknown they share; when B only states a value
(p = 1), when that value solves A; when B holds for every value, whatever A is.
"""

from __future__ import annotations

import random
from dataclasses import replace

import sympy

from ..equivalence import decide
from ..lexer import LatexError
from ..model import Problem
from ..timelimit import TimeLimitExceeded, time_limit
from . import matrix_equations
from .judging import out_of_time, with_free_symbols
from .matrix_equations import is_array
from .steps import Step


def _residual(judge, statement, scope):
    """An equation `A = B` (a statement of two sides) as A - B with the write-up's values in, or None."""
    if len(statement.sides) != 2 or statement.relations[0] not in ("==", "defines"):
        return None
    left, right = (judge.value(side, scope, formulas=False) for side in statement.sides)  # a definition is not an identity here
    if any(isinstance(side, (sympy.Tuple, sympy.MatrixBase, sympy.MatrixExpr)) for side in (left, right)):
        return None
    return left - right


def judge_implication(judge, step: Step, scope) -> Step:
    """A => B between equations: valid when B's solution set in an unknown is A's; when B only states
    a value (p = 1), valid when that value solves A."""
    timeout = judge.timeout
    try:
        with time_limit(timeout):
            first, second = (_residual(judge, statement, scope) for statement in step.statements)
            if first is None or second is None:
                return replace(step, verdict="undecided", feedback="both sides of an implication must be equations")
            context = with_free_symbols(scope.problem, (first, second))
            conclusion = None if second == 0 else decide(context, second, sympy.Integer(0), budget=0.3 * timeout, strict=False)
            if conclusion is None or conclusion.proved:
                return replace(step, verdict="valid", feedback="what follows holds for every value (proved): it needs nothing from the line before")
            rests = _rests_on_more(step, first, second, "the line before") if conclusion.verdict == "different" else None
            if rests is not None:  # w = (-2Bb - E)/C => b = (2AE - CD)/(C^2 - 4AB): A, D come from earlier lines
                return rests
            if conclusion.verdict == "different" and (first == 0 or decide(context, first, sympy.Integer(0), budget=0.3 * timeout, strict=False).proved):
                shown = f" (at {conclusion.witness.brief_point} it is off by {conclusion.witness.lhs})" if conclusion.witness and conclusion.witness.point else ""
                return replace(step, verdict="invalid", feedback=f"the line before holds for every value, so what follows must too, and it does not{shown}")
            return follows(step, first, second, context, timeout)
    except LatexError as error:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    except TimeLimitExceeded:
        return out_of_time(step, timeout)
    except Exception:  # sympy's solvers fail in many ways; the step is then undecided
        return replace(step, verdict="undecided", feedback="could not show that the second equation follows from the first")


_NOT_SUMS = (sympy.floor, sympy.ceiling, sympy.Piecewise, sympy.Max, sympy.Min, sympy.Abs)
_LENGTHS = (3, 4)  # the terms a sum over a sample is written out with: two lengths, so that no length-1 accident agrees


def _follows_summed_out(step: Step, first, second, problem: Problem, timeout: float, source: str) -> Step:
    """Equations with sums over the samples (0 = \\sum_n (w_0 + w_1 x_n - t_n), then w_0 = ...): sympy does not solve
    them as written, so each sum is written out at two lengths with random exact entries (x_n, t_n), the unknowns
    (w_0, w_1) left as they are, and the equations compared at each; the verdict stands only where both agree."""
    outcomes = []
    for length in _LENGTHS:
        written = _summed_out(first, second, length)
        if written is None:
            return replace(step, verdict="undecided", feedback="an equation with a sum whose length is also an unknown: not solved here")
        outcomes.append(follows(step, *written, problem, timeout / len(_LENGTHS), source))
    verdicts = {outcome.verdict for outcome in outcomes}
    if verdicts == {"valid"}:
        return replace(outcomes[0], feedback=f"{outcomes[0].feedback} (its sums written out at {' and '.join(map(str, _LENGTHS))} terms, random entries)")
    if verdicts == {"invalid"}:
        return replace(outcomes[0], witness=None, feedback=f"not the solutions of {source} equation, with its sums written out at "
                                                           f"{' and '.join(map(str, _LENGTHS))} terms (random entries)")
    return replace(step, verdict="undecided", feedback="an equation with sums, not decided when they are written out")


def _summed_out(first, second, length: int):
    """Both residuals with every sum's symbolic bound set to `length` (where it stands outside a sum too: \\sum_n w_0 =
    n w_0), the sums expanded, and each entry (x[1], t[2]) a random exact number, the same in both; None where a bound
    is an unknown that is not a length."""
    sides = (first, second)
    bounds = {high for side in sides for total in side.atoms(sympy.Sum) for _, _, high in total.limits if isinstance(high, sympy.Symbol)}
    outside = {symbol for side in sides for symbol in side.replace(lambda e: isinstance(e, sympy.Sum), lambda e: sympy.Integer(0)).free_symbols}
    if any(not (bound.is_integer and bound.is_positive) for bound in bounds & outside):
        return None  # a bound that is a number the equations solve for, not a length (\\sum_{k=1}^t with t unknown)
    rng = random.Random(2026 + length)
    written = [side.xreplace({bound: length for bound in bounds}).doit() for side in sides]
    entries = sorted({entry for side in written for entry in side.atoms(sympy.Indexed)}, key=str)
    values = {entry: sympy.Rational(rng.randint(-19, 19), rng.randint(1, 5)) for entry in entries}
    written = [side.xreplace(values) for side in written]
    if any(side.has(sympy.Sum) for side in written):
        return None
    return written


def follows(step: Step, first, second, problem: Problem, timeout: float, source: str = "the first") -> Step:
    """Whether the equation second = 0 has the solutions of first = 0 (in one unknown they share). Equations with a
    floor, a maximum or a sum are not solved here (sympy's solver is slow and unsure on them): undecided."""
    if is_array(first) or is_array(second):
        return _follows_for_arrays(step, first, second, source)
    if any(isinstance(side, sympy.Basic) and side.has(*_NOT_SUMS) for side in (first, second)):
        return replace(step, verdict="undecided", feedback="an equation with a floor, a maximum or an absolute value: not solved here")
    if any(isinstance(side, sympy.Basic) and side.has(sympy.Sum) for side in (first, second)):
        return _follows_summed_out(step, first, second, problem, timeout, source)
    stated = stated_value(second)
    if stated is not None and len(sympy.solve(first, stated[0])) <= 1:  # x^2 = 4 => x = 2 drops a solution: not this shortcut
        unknown, value = stated
        residual = first.subs(unknown, value)
        if residual.free_symbols:
            return replace(step, verdict="undecided", feedback=f"{unknown} = {value} leaves other unknowns in the equation")
        verdict = decide(problem, residual, sympy.Integer(0), budget=0.5 * timeout, strict=False).verdict
        if verdict == "equal":
            return replace(step, verdict="valid", feedback=f"{unknown} = {value} solves {source} equation")
        if verdict == "different":
            return replace(step, verdict="invalid", feedback=f"{unknown} = {value} does not solve {source} equation (it leaves {sympy.N(residual, 6)})")
    for unknown in sorted(first.free_symbols & second.free_symbols, key=str):
        forward, backward = sympy.solve(first, unknown), sympy.solve(second, unknown)
        if not forward or not backward:
            continue
        kept = [decide(problem, second.subs(unknown, s), sympy.Integer(0), budget=0.2 * timeout, strict=False) for s in forward]
        sound = [decide(problem, first.subs(unknown, s), sympy.Integer(0), budget=0.2 * timeout, strict=False) for s in backward]
        checks = kept + sound
        if all(c.verdict == "equal" for c in checks):
            return replace(step, verdict="valid", feedback=f"same solutions in {unknown} as {source} equation")
        if all(c.verdict == "equal" for c in sound):  # x^2 = 4 => x = 2: true solutions, but not all of them
            return replace(step, verdict="undecided", feedback=f"its solutions solve {source} equation, which has others too")
        wrong = next((c for c in checks if c.verdict == "different"), None)
        if wrong is not None and _leibniz_names(first, second):  # dE/dw = delta dnet/dw after delta = dE/dout dout/dnet
            return replace(step, verdict="undecided", feedback="the equations relate derivatives by name, which the chain rule may link: not solved as equations")
        rests = _rests_on_more(step, first, second, f"{source} equation") if wrong is not None else None
        if rests is not None:  # dJ/dw_0 = -30, then dJ/dw_1 = -500 in x_{1i} too: another fact, not a solving step
            return rests
        if wrong is not None:
            where = f"solving for {unknown}: at {wrong.witness.point} one equation holds and the other does not" if wrong.witness else wrong.note
            return replace(step, verdict="invalid", feedback=f"not the solutions of {source} equation; {where}", witness=vars(wrong.witness) if wrong.witness else None)
    return replace(step, verdict="undecided", feedback=f"could not show that this equation follows from {source}")


def _follows_for_arrays(step: Step, first, second, source: str) -> Step:
    """Whether a vector or matrix equation holds where the one before it does, decided on exact instances (see
    matrix_equations): the first solved for a matrix both use, the second put to that solution."""
    if not (is_array(first) and is_array(second)):
        return replace(step, verdict="undecided", feedback=f"an equation between vectors or matrices after one between numbers ({source}): not compared")
    extra = sorted(map(str, matrix_equations.unknowns(second) - matrix_equations.unknowns(first)))
    if extra:
        return replace(step, verdict="undecided", feedback=f"what follows uses {', '.join(extra)}, which {source} equation does not: "
                                                           f"it rests on more than that, so it is not checked against it alone")
    found = matrix_equations.implication(first, second)
    if found is None:
        return replace(step, verdict="undecided", feedback=f"could not solve {source} equation for one of its vectors or matrices at random values: not compared")
    outcome, unknown = found
    if outcome == "follows":
        return replace(step, verdict="valid", feedback=f"holds where {source} equation does (solved for {unknown} at random sizes and entries)")
    if outcome == "some sizes":
        return replace(step, verdict="undecided", feedback=f"follows from {source} equation at some sizes and not at others (where an inverse "
                                                           f"exists, or a matrix has more rows than columns): the sizes are not read from the text")
    return replace(step, verdict="invalid", feedback=f"does not follow from {source} equation: solved for {unknown} at random sizes and entries, "
                                                     f"{source} equation holds and this one does not")


def rewrites(first, second) -> bool:
    """Whether an equation that does not follow from the line before it, in the same block, is a slip rather than the
    next equation of a system: both are in one and the same unknown (a number), or, for vectors and matrices, the
    second uses no name the first does not (the first fixes what it is solved for, so the two would contradict)."""
    if is_array(first) and is_array(second):
        return matrix_equations.unknowns(second) <= matrix_equations.unknowns(first)
    symbols = [_scalar_unknowns(side) for side in (first, second)]
    return len(symbols[0]) == 1 and symbols[0] == symbols[1]


def _scalar_unknowns(expr) -> set:
    """The numbers an equation is in, without the data it sums over (x_n, t_n) and the lengths of those sums."""
    if not isinstance(expr, sympy.Basic):
        return set()
    data = {entry.base.label for entry in expr.atoms(sympy.Indexed)}
    lengths = {high for total in expr.atoms(sympy.Sum) for _, _, high in total.limits}
    return {symbol for symbol in expr.free_symbols if isinstance(symbol, sympy.Symbol) and symbol not in data | lengths
            and not (symbol.is_integer and symbol.is_positive)}


def _rests_on_more(step: Step, first, second, source: str) -> Step | None:
    """Undecided, saying why, when the second equation uses unknowns the first does not, or leaves out one the first
    has (P = \\sigma(z) => 0.5 = \\sigma(z): P was given a value on the way, at a decision boundary): it rests on more
    than the first, so a difference between them shows no slip; None otherwise."""
    if not isinstance(first, sympy.Basic) or not isinstance(second, sympy.Basic):
        return None
    extra = sorted(map(str, second.free_symbols - first.free_symbols))
    if extra:
        return replace(step, verdict="undecided", feedback=f"what follows uses {', '.join(extra)}, which {source} does not: "
                                                           f"it rests on more than that, so it is not checked against it alone")
    dropped = sorted(map(str, first.free_symbols - second.free_symbols))
    if dropped and second.free_symbols:
        return replace(step, verdict="undecided", feedback=f"what follows no longer has {', '.join(dropped)} of {source}: a value for it, "
                                                           "or another line, was used on the way, so it is not checked against it alone")
    return None


def stated_value(residual):
    """u - 3 (from `u = 3`): (u, 3); else None."""
    symbols = residual.free_symbols
    if len(symbols) == 1 and residual.is_polynomial(*symbols) and sympy.degree(residual, *symbols) == 1:
        unknown = next(iter(symbols))
        value = sympy.solve(residual, unknown)
        if len(value) == 1 and value[0].is_number:
            return unknown, value[0]
    return None


def _leibniz_names(*exprs) -> bool:
    """Whether the expressions hold a write-up's Leibniz names (\\partial E / \\partial w as one symbol)."""
    return any(getattr(symbol, "name", "").startswith("\\frac") for expr in exprs for symbol in getattr(expr, "free_symbols", ()))
