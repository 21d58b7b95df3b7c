"""Is an answer the reference answer? Refute fast with numbers, then try to prove it.

The numeric check decides a difference (with a witness point, confirmed at double the
precision so a near-cancellation cannot fool it); the symbolic ladder then tries to
prove equality within what is left of the budget, and the decision says whether it did.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Mapping

import sympy

from .model import Problem
from .numeric import DIGITS, NumericResult, Witness, compare_at_points, compare_limit, sample_points
from .symbolic import prove_equal

POINTS = 24


@dataclass(frozen=True)
class Decision:
    verdict: str  # "equal", "different" or "undecided"
    proved: bool  # equality proved symbolically (not only numerically)
    method: str  # how it was decided
    seconds: float
    witness: Witness | None = None
    note: str = ""  # a reason a student can read, when there is one


def _is_matrix(expr) -> bool:
    return isinstance(expr, (sympy.MatrixExpr, sympy.MatrixBase))


def _known_symbols(problem: Problem, reference) -> set:
    known = set(reference.free_symbols)
    for var in problem.variables:
        known.add(getattr(var, "symbol", None) or getattr(var, "base", None))
    return {s for s in known if s is not None}


def _foreign_names(problem: Problem, answer, reference) -> list[str]:
    known = _known_symbols(problem, reference)
    known_names = {str(s) for s in known}
    foreign = []
    for symbol in answer.free_symbols:
        if symbol in known or str(symbol) in known_names:
            continue
        if isinstance(symbol, sympy.Indexed) and symbol.base in known:
            continue
        foreign.append(str(symbol))
    return sorted(foreign)


def decide(problem: Problem, answer, reference, where: Mapping | None = None, budget: float = 2.0, seed: int = 2026, strict: bool = True) -> Decision:
    """Compare two expressions in the problem's variables; `budget` seconds for the whole decision.

    `strict`: an answer that uses a symbol the reference does not is different (grading);
    a derivation step compares two student expressions, so both may use any symbol.
    """
    started = time.monotonic()
    where = where or {}
    left, right = problem.expand_definitions(answer), problem.expand_definitions(reference)
    if _is_matrix(left) != _is_matrix(right):
        expected = "a matrix (or vector)" if _is_matrix(right) else "a scalar"
        return Decision("different", False, "shape", time.monotonic() - started, note=f"the answer should be {expected}")
    if _is_matrix(left) and left.shape != right.shape:
        shape = lambda e: " x ".join(str(n) for n in e.shape)  # noqa: E731
        note = f"the answer has shape {shape(left)}, but the expected answer has shape {shape(right)}"
        return Decision("different", False, "shape", time.monotonic() - started, note=note)
    foreign = _foreign_names(problem, left, right) if strict else []
    if foreign:
        names = ", ".join(foreign)
        return Decision("different", False, "variables", time.monotonic() - started, note=f"the answer uses {names}, which the expected answer does not depend on")
    points = sample_points(problem.variables, where, POINTS, seed)
    numeric = _compare(left, right, points)
    if numeric.holds is False:
        return _confirm_difference(left, right, points, numeric, started)
    if numeric.holds is None:
        return Decision("undecided", False, "numeric", time.monotonic() - started, note=numeric.detail)
    proof = prove_equal(left, right, where, max(budget - (time.monotonic() - started), 0.05), problem.indices)
    method = f"numeric ({numeric.points} points)" + (f", proved by {proof.method}" if proof.proved else "")
    return Decision("equal", proof.proved, method, time.monotonic() - started)


def _compare(left, right, points, digits: int = DIGITS) -> NumericResult:
    if isinstance(left, sympy.Limit):
        return compare_limit(left, right, points)
    if isinstance(right, sympy.Limit):
        return compare_limit(right, left, points)
    return compare_at_points(left, right, points, digits=digits)


def _confirm_difference(left, right, points, first: NumericResult, started: float) -> Decision:
    """Both readings must agree: re-evaluate at twice the digits before calling it a difference."""
    second = _compare(left, right, points, digits=2 * DIGITS)
    if second.holds is False:
        return Decision("different", False, "numeric", time.monotonic() - started, witness=second.witness)
    return Decision("undecided", False, "numeric", time.monotonic() - started, note="the two precisions disagree (a near-cancellation)")
