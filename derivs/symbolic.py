"""Symbolic proof that two expressions are equal: an ordered ladder of rewrites, cheapest first.

Each strategy turns lhs - rhs into something; the claim is proved when that is zero.
The first strategy that succeeds is recorded as the proof's method.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from typing import Callable, Mapping

import sympy
from sympy import Expr, Interval, Set

from .model import doit_outside_limits, pieces
from .timelimit import TimeLimitExceeded, time_limit

DEFAULT_BUDGET = 20.0


@dataclass(frozen=True)
class Proof:
    proved: bool
    method: str  # the strategy that proved it, or why none did
    seconds: float
    cases: int = 1  # how many cases the domain was split into


def _numerator_expanded(d):
    numerator, _ = sympy.together(d).as_numer_denom()
    return sympy.expand(numerator, power_exp=True)


def _exp_rewrite(d):
    return _numerator_expanded(d.rewrite(sympy.exp))


def _matrix_expand(d):
    return sympy.expand(d).doit()


def _explicit_matrix(d):
    return sympy.simplify(d.as_explicit())


def _integer_ceiling(d):
    """ceil(p/q) = floor((p + q - 1)/q) for integers p and q > 0; floor then takes out whole parts."""
    def as_floor(ceiling):
        numerator, denominator = sympy.together(ceiling.args[0]).as_numer_denom()
        if numerator.is_integer and denominator.is_integer and denominator.is_positive:
            return sympy.floor(sympy.expand((numerator + denominator - 1) / denominator))
        return ceiling

    rewritten = d.replace(lambda e: isinstance(e, sympy.ceiling), as_floor)
    return sympy.expand(rewritten.replace(lambda e: isinstance(e, sympy.floor), lambda f: sympy.floor(sympy.expand(f.args[0]))))


# (name, rewrite) in the order tried. Each must be cheap relative to the next.
STRATEGIES: tuple[tuple[str, Callable], ...] = (
    ("identical", lambda d: d),
    ("cancel", sympy.cancel),
    ("together", _numerator_expanded),
    ("rewrite exp", _exp_rewrite),
    ("expand", lambda d: sympy.expand(d, power_exp=True, log=True, force=True)),
    ("trigsimp", sympy.trigsimp),
    ("piecewise", lambda d: sympy.simplify(sympy.piecewise_fold(d))),
    ("integer floor/ceiling", _integer_ceiling),
    ("simplify", sympy.simplify),
)

MATRIX_STRATEGIES: tuple[tuple[str, Callable], ...] = (
    ("identical", lambda d: d),
    ("matrix expand", _matrix_expand),
    ("explicit simplify", _explicit_matrix),
)


def is_zero(value) -> bool:
    if isinstance(value, sympy.MatrixBase):
        return all(is_zero(entry) for entry in value)
    if isinstance(value, sympy.MatrixExpr):
        return bool(value.is_ZeroMatrix)
    return value == 0 or value.is_zero is True


def _difference(lhs, rhs):
    if isinstance(lhs, (sympy.MatrixExpr, sympy.MatrixBase)):
        return sympy.MatAdd(lhs, -rhs) if isinstance(lhs, sympy.MatrixExpr) else lhs - rhs
    return lhs - rhs


def _ladder(lhs, rhs, deadline: float) -> str | None:
    """The name of the first strategy that reduces lhs - rhs to zero before the deadline."""
    if isinstance(lhs, sympy.Limit) or isinstance(rhs, sympy.Limit):
        return _limit_ladder(lhs, rhs, deadline)
    matrix = isinstance(lhs, (sympy.MatrixExpr, sympy.MatrixBase))
    strategies = MATRIX_STRATEGIES if matrix else STRATEGIES
    difference = _difference(lhs, rhs)
    for name, rewrite in strategies:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            with time_limit(left):
                if is_zero(rewrite(difference)):
                    return name
        except TimeLimitExceeded:
            return None
        except Exception:  # sympy raises assorted errors (even StopIteration) on odd input: try the next
            continue
    return None


def _limit_ladder(lhs, rhs, deadline: float) -> str | None:
    """Evaluate each Limit with sympy's limit (Gruntz), then compare the values."""
    try:
        with time_limit(max(deadline - time.monotonic(), 1e-3)):
            left = _evaluate_limits(lhs)
            right = _evaluate_limits(rhs)
    except TimeLimitExceeded:
        return None
    except Exception:  # no limit found: not proved
        return None
    if left.has(sympy.Limit) or right.has(sympy.Limit):
        return None
    method = _ladder(left, right, deadline)
    return f"limit, then {method}" if method else None


def _evaluate_limits(expr):
    """sympy's limit on each Limit, after simplifying the expression under it."""
    def evaluate_one(limit):
        inner, var, point, direction = limit.args
        if not inner.has(sympy.Sum):
            return sympy.limit(inner, var, point, str(direction))
        inner = sympy.simplify(inner)
        try:
            return sympy.limit(inner, var, point, str(direction))
        except NotImplementedError:
            return _termwise_limit(inner, var, point, str(direction))

    return expr.replace(lambda e: isinstance(e, sympy.Limit), evaluate_one)


def _termwise_limit(inner, var, point, direction):
    """Limit through finite sums: each Sum with finite bounds tends to the sum of its terms' limits.

    Valid when every term's limit is finite and the rest of the expression is continuous
    at those values; both are checked (finite term limits, finite limit of the rest).
    """
    def term_limit(total):
        term, (index, low, high) = total.args[0], total.args[1]
        if any(bound.is_infinite for bound in (low, high)):
            raise NotImplementedError("infinite sum")
        value = sympy.limit(term, var, point, direction)
        if not value.is_finite:
            raise NotImplementedError("a term has no finite limit")
        return sympy.Sum(value, (index, low, high)).doit()

    rest = inner.replace(lambda e: isinstance(e, sympy.Sum) and e.has(var), term_limit)
    value = sympy.limit(rest, var, point, direction)
    if not value.is_finite:
        raise NotImplementedError("the limit is not finite")
    return value


# --- cases --------------------------------------------------------------------------------------


def _case_values(symbol: sympy.Symbol, domain: Set) -> list:
    """What to put for `symbol` in each case of `domain`: a value, a signed dummy, or itself."""
    values = []
    for piece in pieces(domain):
        if isinstance(piece, sympy.FiniteSet):
            values.extend(piece.args)
        elif isinstance(piece, Interval) and (piece.inf > 0 or (piece.inf == 0 and piece.left_open)):
            values.append(sympy.Dummy(symbol.name, positive=True))
        elif isinstance(piece, Interval) and (piece.sup < 0 or (piece.sup == 0 and piece.right_open)):
            values.append(sympy.Dummy(symbol.name, negative=True))
        elif isinstance(piece, Interval) and piece.inf >= 0:
            values.append(sympy.Dummy(symbol.name, nonnegative=True))
        else:
            values.append(symbol)
    return values


def cases(where: Mapping[sympy.Symbol, Set]) -> list[dict]:
    """Every combination of the case values of the constrained symbols."""
    symbols = list(where)
    choices = [_case_values(s, where[s]) for s in symbols]
    return [dict(zip(symbols, combo)) for combo in itertools.product(*choices)]


def prove_equal(lhs: Expr, rhs: Expr, where: Mapping | None = None, budget: float = DEFAULT_BUDGET) -> Proof:
    """Prove lhs == rhs in every case of `where`, within `budget` seconds in all."""
    started = time.monotonic()
    deadline = started + budget
    all_cases = cases(where or {})
    methods = []
    for case in all_cases:
        left, right = lhs.xreplace(case), rhs.xreplace(case)
        try:
            with time_limit(max(deadline - time.monotonic(), 1e-3)):
                left, right = doit_outside_limits(left), doit_outside_limits(right)
        except TimeLimitExceeded:
            return Proof(False, "time limit reached", time.monotonic() - started, len(all_cases))
        method = _ladder(left, right, deadline)
        if method is None:
            reason = "time limit reached" if time.monotonic() >= deadline else "no strategy reduced the difference to 0"
            shown = ", ".join(f"{k}={v}" for k, v in case.items() if k != v)
            return Proof(False, reason + (f" (case {shown})" if shown else ""), time.monotonic() - started, len(all_cases))
        methods.append(method)
    method = methods[0] if len(set(methods)) == 1 else " / ".join(dict.fromkeys(methods))
    return Proof(True, method, time.monotonic() - started, len(all_cases))
