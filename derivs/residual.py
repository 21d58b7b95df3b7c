"""What is left of answer - reference once their common part cancels, and where to look for it.

An answer that agrees with the reference at every sampled point but has no proof is not yet
trusted. Its difference is taken apart symbolically (terms both sides share cancel, factors both
share come out), and the residual itself is evaluated, not the two sides: a residual
C * e^{-10^4 a^2} is a small number that two precisions agree on, where the sides differ by less
than their rounding. It is evaluated where it may wake up: on both sides of every root of every
piecewise argument in it (solved, linear or not), where a floor's argument reaches the next whole
number, at growing magnitudes beyond the sampled ranges, and at sizes chosen so that no polynomial
in a size factor of it vanishes there (a size is a positive integer: a nonzero polynomial in it is
nonzero at some size, and that one is found and tried).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

import mpmath
import sympy

from .model import Index, Scalar, Size, Variable, Vector
from .numeric import (DIGITS, EVALUATION_ERRORS, GUARD_DIGITS, STEPS, Witness, _allowed, _signed_ok, _with, _witness,
                      breakpoints, point_value, probe_points)
from .timelimit import TimeLimitExceeded

MAX_DEPTH = 6


def residual(left, right, depth: int = 0):
    """left - right with the common part cancelled: terms both sides have go (sympy's Add does that), then
    factors both sides have come out: C (1 + E) - C is C E, not a difference of two nearly equal numbers."""
    if depth > MAX_DEPTH or not all(isinstance(side, sympy.Expr) for side in (left, right)):
        return left - right
    left_terms, right_terms = Counter(sympy.Add.make_args(left)), Counter(sympy.Add.make_args(right))
    shared = left_terms & right_terms
    if shared:
        return residual(sympy.Add(*(left_terms - shared).elements()), sympy.Add(*(right_terms - shared).elements()), depth + 1)
    if len(left_terms) > 1 and len(right_terms) > 1:
        return left - right
    left_factors, right_factors = Counter(sympy.Mul.make_args(left)), Counter(sympy.Mul.make_args(right))
    common = left_factors & right_factors
    if not common or common == left_factors and common == right_factors:
        return left - right
    rest = residual(sympy.Mul(*(left_factors - common).elements()), sympy.Mul(*(right_factors - common).elements()), depth + 1)
    return sympy.Mul(*common.elements()) * rest


def unlocated_steps(expr, variables: tuple[Variable, ...]) -> list:
    """The step functions in expr (floor, ceiling, Heaviside, sign, indicators) whose jumps were not all tried: a
    floor or ceiling of a non-constant argument (it jumps at every whole number its argument reaches), and a step
    whose argument is not a polynomial (|.| allowed) in declared scalars, sizes and indices, whose roots
    examination_points finds all of, and tries on both sides."""
    if not isinstance(expr, sympy.Basic):
        return []
    declared = {getattr(var, "symbol", None) for var in variables} - {None}
    indices = {var.symbol for var in variables if isinstance(var, Index)}
    found = [node for node in expr.atoms(*STEPS) if not node.args[0].is_number]
    for node in expr.atoms(sympy.Heaviside, sympy.sign, sympy.KroneckerDelta, sympy.Piecewise):
        if node.is_number or isinstance(node, sympy.Piecewise) and not all(value.is_number for value, _ in node.args):
            continue
        if isinstance(node, sympy.KroneckerDelta) and all(symbol.is_integer or symbol in indices for symbol in node.free_symbols):
            continue  # delta of indices (a sum's own among them): whole numbers, each pair met where the indices are drawn
        if not all(_located(zero, declared) for zero in breakpoints(node)):
            found.append(node)
    return found


def _located(zero, declared: set) -> bool:
    """Whether every root of a step's argument is found: a polynomial (|p| read as p) in declared variables."""
    bare = zero.replace(sympy.Abs, lambda inner: inner)
    return bool(bare.free_symbols) and bare.free_symbols <= declared and bare.is_polynomial(*bare.free_symbols)


def nonzero_at(gap, points: Iterable[dict]) -> tuple[dict, mpmath.mpf] | None:
    """The point where the residual has its largest value that two precisions agree on (a real value, however
    small, not rounding: rounding shrinks as the precision grows), with that value; None if it has none. Running
    out of time ends the search with what was found."""
    best = None
    try:
        for point in points:
            value = _settled_value(gap, point)
            if value is not None and (best is None or abs(value) > abs(best[1])):
                best = (point, value)
    except TimeLimitExceeded:
        pass
    return best


def _settled_value(gap, point):
    """The residual's value at a point when it is nonzero and the same at two precisions, else None."""
    try:
        low = point_value(gap, point, DIGITS)
        if low is None or isinstance(low, mpmath.matrix) or low == 0:
            return None
        high = point_value(gap, point, 2 * DIGITS + GUARD_DIGITS)
    except EVALUATION_ERRORS:
        return None
    if high is None or isinstance(high, mpmath.matrix) or high == 0:
        return None
    if abs(high - low) > abs(high) * mpmath.mpf(10) ** -12 or _cancelling(gap, point):
        return None
    return high


CANCELLED_DIGITS = 20  # a sum that loses more digits than this to cancellation says nothing about a tiny value


def _cancelling(gap, point) -> bool:
    """Whether a sum inside the residual cancels far below its largest term at the point: arctan(e^x) + arctan(e^-x)
    - pi/2 at x = 1000 keeps e^-1000 from one term and loses it in the others at every precision, so a value that
    two precisions agree on is still rounding there, not a difference."""
    for node in sympy.preorder_traversal(gap):
        if not isinstance(node, sympy.Add) or node.is_number and not node.free_symbols:
            continue
        try:
            total = point_value(node, point, DIGITS)
            terms = [point_value(term, point, DIGITS) for term in node.args]
        except EVALUATION_ERRORS:
            return True
        if total is None or any(term is None or isinstance(term, mpmath.matrix) for term in terms):
            return True
        largest = max(abs(term) for term in terms)
        if largest > 0 and abs(total) < largest * mpmath.mpf(10) ** -CANCELLED_DIGITS:
            return True
    return False


def examination_points(gap, left, right, variables: tuple[Variable, ...], where: Mapping, base: list[dict]) -> list[dict]:
    """Where an unproved residual is evaluated: around the roots of its piecewise arguments and the jumps of its
    floors (solved, scanned if need be), at sizes where its size factors are nonzero and in a run of sizes,
    and at growing magnitudes of each scalar (and vector) beyond the sampled range."""
    points = _size_points(gap, variables, where, base)
    points += probe_points((gap, left, right), variables, where, base, limit=120, thorough=True)
    points += size_run(variables, where, base)
    points += _magnitudes(variables, where, base)
    return points


# --- sizes: positive integers ----------------------------------------------------------------------------

RUN_PAST = 8  # sizes tried: every whole number from the smallest choice to 8 past the largest, then a few far ones
FAR_SIZES = (16, 23, 32)


def _sizes(variables) -> list[Size]:
    return [var for var in variables if isinstance(var, Size)]


def size_run(variables, where, base) -> list[dict]:
    """Each size through a run of consecutive values and a few far ones, the others as at the base point: a
    polynomial of degree below the run's length cannot vanish on all of it."""
    found = []
    for var in _sizes(variables):
        run = list(range(min(var.choices), max(var.choices) + RUN_PAST + 1)) + list(FAR_SIZES)
        for value in run:
            if value not in var.choices:
                found.extend(_with(variables, where, {var.symbol: sympy.Integer(value)}, base[0]))
    return found


def _size_points(gap, variables, where, base) -> list[dict]:
    """Sizes at which every factor of the residual that is a rational function of sizes alone is nonzero: a
    nonzero polynomial in a positive integer has finitely many roots, so a size past them all exists (the
    first one is taken), whatever values the factor vanishes at (2, 3 and 5, or any others)."""
    sizes = {var.symbol: var for var in _sizes(variables)}
    if not isinstance(gap, sympy.Expr) or not gap.free_symbols & set(sizes):
        return []
    parts = [gap] if gap.free_symbols <= set(sizes) else [f for f in sympy.Mul.make_args(gap) if f.free_symbols and f.free_symbols <= set(sizes)]
    found = []
    for part in parts:
        for symbol in sorted(part.free_symbols, key=str):
            value = _first_nonzero_size(part, symbol, sizes[symbol], base[0])
            if value is not None:
                found.extend(_with(variables, where, {symbol: sympy.Integer(value)}, base[0]))
    return found


def _first_nonzero_size(part, symbol, var: Size, point: Mapping) -> int | None:
    """The smallest size from the smallest choice up at which the part (other sizes as at the point) is a
    nonzero number, when the part is a rational function of the size; None otherwise."""
    others = {s: v for s, v in point.items() if s != symbol and isinstance(s, sympy.Symbol) and s in part.free_symbols}
    function = part.xreplace(others)
    if function.free_symbols != {symbol} or not function.is_rational_function(symbol):
        return None
    numerator, denominator = sympy.fraction(sympy.together(function))
    try:
        polynomial = sympy.Poly(numerator, symbol)
    except sympy.PolynomialError:
        return None
    if polynomial.is_zero:
        return None
    for value in range(min(var.choices), min(var.choices) + polynomial.degree() + 2 + 64):
        if polynomial.eval(value) != 0 and sympy.sympify(denominator).xreplace({symbol: value}) != 0:
            return value
    return None


# --- scalars at growing magnitudes --------------------------------------------------------------------------

MAGNITUDES = tuple(sympy.Integer(10) ** k for k in (1, 2, 3, 4, 6, 9)) + (sympy.Integer(0), sympy.Rational(1, 10), sympy.Rational(1, 1000), sympy.Rational(1, 10**6))


def _magnitudes(variables, where, base) -> list[dict]:
    """Each scalar at ±10, ±100, ..., ±10^9 and near 0 (the others as at the base point), and each vector's entries
    scaled up: a term that is negligible on the sampled range (e^{-10^4 a^2}, max(0, |x| - 50)) is not there."""
    found = []
    for var in variables:
        if isinstance(var, Scalar):
            for size in MAGNITUDES:
                for value in dict.fromkeys((size, -size)):
                    if _allowed(where, var.symbol, value) and _signed_ok(var.symbol, value):
                        found.append({**base[0], var.symbol: value})
        elif isinstance(var, Vector) and var.one_hot is None and var.total is None:
            entries = [s for s in base[0] if isinstance(s, sympy.Indexed) and s.base == var.base]
            columns = [s for s in base[0] if isinstance(s, sympy.MatrixSymbol) and s.name == str(var.base.label)]
            for scale in (10, 1000, 10**6):  # the column of the same name (w of w^T x beside w_i) is the same vector
                found.append({**base[0], **{entry: base[0][entry] * scale for entry in entries + columns}})
    return found


def witness(left, right, point: dict) -> Witness:
    """Both sides at the point, as a student reads them."""
    return _witness(left, right, point, DIGITS)


__all__ = ["examination_points", "nonzero_at", "residual", "size_run", "unlocated_steps", "witness"]
