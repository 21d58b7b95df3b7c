"""Numeric evidence: evaluate both sides at random points, at high precision.

Random inputs are exact rationals, so sympy's evalf (mpmath underneath) returns each
side correct to the requested significant digits; a difference above the tolerance is
a real difference, and the point is reported as a witness.
"""

from __future__ import annotations

import functools
import itertools
import random
import zlib
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Mapping

import mpmath
import sympy
from sympy import Expr, Interval, Set

from .evaluation import NoValue, Unsupported, as_scalar, value_at
from .model import pieces, rename_bound, Index, Integer, Matrix, Scalar, Size, Table, Variable, Vector
from .timelimit import TimeLimitExceeded, time_limit

DIGITS = 30
GUARD_DIGITS = 10  # the walk into mpmath carries these beyond DIGITS; its agreement tolerance is 10^-DIGITS
EVALUATION_ERRORS = (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError, IndexError, Unsupported)


@dataclass(frozen=True)
class Witness:
    """A point where the two sides differ, with both values (as short decimal strings)."""

    point: str
    lhs: str
    rhs: str
    values: tuple[tuple[str, str], ...] = ()  # the point as (name, value) pairs, for scripts

    def __str__(self) -> str:
        return f"at {self.point}: left side = {self.lhs}, right side = {self.rhs}"

    @property
    def brief_point(self) -> str:
        """The point for a reader: its first six values, then how many more (a weight table has dozens)."""
        if not self.values:
            return self.point
        shown = ", ".join(f"{name}={_brief(value)}" for name, value in self.values[:6])
        return shown + (f", ... ({len(self.values) - 6} more values)" if len(self.values) > 6 else "")


def _brief(value: str) -> str:
    """A value of a witness as a reader wants it: 6 significant digits, a matrix by its shape (the point's
    values are kept in full)."""
    cells = _cells_of(value)
    if cells is not None and len(cells) * len(cells[0]) > 1:
        return f"[a {len(cells)}x{len(cells[0])} matrix]"
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() else f"{number:.6g}"


def _cells_of(value: str) -> list[list[str]] | None:
    """A witness's matrix, written [a, b; c, d], as rows of entries; None for anything else."""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    if value.startswith("[["):  # a point's full value: [[a, b], [c, d]]
        rows = [row.strip(" []").split(",") for row in value[1:-1].split("],")]
    else:  # a side's value as shown: [a, b; c, d]
        rows = [row.split(",") for row in value[1:-1].split(";")]
    return rows if len({len(row) for row in rows}) == 1 else None


def first_different_entry(lhs: str, rhs: str) -> str | None:
    """Two matrix values of a witness, as the first entry where they differ: "entry (1, 1): -0.105823 and 0.0108111"."""
    left, right = _cells_of(lhs), _cells_of(rhs)
    if left is None or right is None or len(left) != len(right) or len(left[0]) != len(right[0]):
        return None
    for r, (left_row, right_row) in enumerate(zip(left, right), start=1):
        for c, (a, b) in enumerate(zip(left_row, right_row), start=1):
            if a.strip() != b.strip():
                return f"in entry ({r}, {c}) the left side is {a.strip()} and the right side {b.strip()}"
    return None


@dataclass(frozen=True)
class NumericResult:
    holds: bool | None  # None: too few points could be evaluated to say
    points: int
    worst: float  # largest |lhs - rhs| / max(1, |lhs|, |rhs|) seen
    witness: Witness | None = None
    detail: str = ""


# --- sampling ----------------------------------------------------------------------------------


def random_rational(rng: random.Random, low, high) -> sympy.Rational:
    low, high = _fraction(low), _fraction(high)  # Fractions: a sympy Rational per step is slow
    value = low + (high - low) * Fraction(rng.getrandbits(64), 2**64)
    return sympy.Rational(value.numerator, value.denominator)


@functools.lru_cache(maxsize=1024)
def _fraction(value) -> Fraction:
    return Fraction(str(value))


def _sample_from_set(rng: random.Random, domain: Set, low: float, high: float, turn: int):
    """A value in `domain`, cycling through its pieces so every case gets points."""
    cases = pieces(domain)
    piece = cases[turn % len(cases)]
    if isinstance(piece, sympy.FiniteSet):
        return rng.choice(list(piece.args))
    return random_rational(rng, *_sampled_range(piece, low, high))


@functools.lru_cache(maxsize=1024)
def _sampled_range(piece: Set, low: float, high: float) -> tuple:
    """Where points of an interval piece are drawn: within [low, high], away from an excluded endpoint such as x = 0."""
    if not isinstance(piece, Interval):
        raise ValueError(f"cannot sample from the set {piece}")
    lo = max(piece.inf, sympy.Rational(str(low)))
    hi = min(piece.sup, sympy.Rational(str(high)))
    margin = (hi - lo) / 50
    lo = lo + margin if piece.left_open or lo == piece.inf else lo
    hi = hi - margin if piece.right_open or hi == piece.sup else hi
    return lo, hi


@functools.lru_cache(maxsize=1024)
def _declared_range(low: float, high: float) -> Interval:
    return Interval(low, high)


_SAMPLES: dict = {}


def sample_points(
    variables: Iterable[Variable],
    where: Mapping[sympy.Symbol, Set],
    count: int,
    seed: int = 2026,
    fixed: Mapping | None = None,
) -> list[dict]:
    """`count` random assignments of every variable; sizes cycle through their choices.

    `fixed` sets some variables (a size, an index, a scalar) to given values in every point.
    The same arguments give the same points, computed once per process.
    """
    variables = tuple(variables)
    key = (variables, tuple(sorted(where.items(), key=str)), count, seed, tuple(sorted((fixed or {}).items(), key=str)))
    cached = _SAMPLES.get(key)
    if cached is None:
        cached = _sample(variables, where, count, seed, dict(fixed or {}))
        if len(_SAMPLES) > 512:
            _SAMPLES.pop(next(iter(_SAMPLES)))
        _SAMPLES[key] = cached
    return [dict(point) for point in cached]


def _sample(variables: tuple, where: Mapping, count: int, seed: int, fixed: dict) -> list[dict]:
    rng = random.Random(seed)
    points = []
    for turn in range(count):
        point: dict = {}
        sizes: dict = {}
        size_vars = [var for var in variables if isinstance(var, Size)]
        for offset, var in enumerate(size_vars):  # offsets vary the shapes' combinations
            choices = [c for c in var.choices if _allowed(where, var.symbol, c)]
            sizes[var.symbol] = sympy.Integer(choices[(turn + offset * (turn // len(choices) + 1)) % len(choices)])
        sizes.update({s: v for s, v in fixed.items() if any(isinstance(var, Size) and var.symbol == s for var in variables)})
        _one_length(variables, sizes)
        point.update(sizes)
        for var in variables:
            if getattr(var, "symbol", None) in fixed and not isinstance(var, Size):
                point[var.symbol] = fixed[var.symbol]
            elif isinstance(var, Index) and var.symbol not in where:
                point[var.symbol] = sympy.Integer(rng.randint(var.lower, _concrete(var.upper, sizes)))
            elif isinstance(var, Integer):
                allowed = [n for n in range(var.low, var.high + 1) if _allowed(where, var.symbol, n)]
                point[var.symbol] = sympy.Integer(rng.choice(allowed))
            elif isinstance(var, Scalar):
                domain = where[var.symbol] if var.symbol in where else _declared_range(var.low, var.high)
                point[var.symbol] = _sample_from_set(rng, domain, var.low, var.high, turn)
            elif isinstance(var, Vector) and var.one_hot is None:
                length = _concrete(var.length, sizes)
                for k in range(var.start, length + 1):
                    point[var.base[k]] = random_rational(rng, var.low, var.high)
                if var.total is not None:
                    point[var.base[length]] = var.total - sum(point[var.base[k]] for k in range(var.start, length))
            elif isinstance(var, Table):
                for r in range(var.row_start, _concrete(var.rows, sizes) + 1):
                    for c in range(var.column_start, _concrete(var.columns, sizes) + 1):
                        point[var.base[r, c]] = random_rational(rng, var.low, var.high)
            elif isinstance(var, Matrix):
                concrete = var.symbol.xreplace(sizes)
                rows, cols = (int(n) for n in concrete.shape)
                entries = [random_rational(rng, var.low, var.high) for _ in range(rows * cols)]
                if var.one_hot and cols == 1:
                    hot = rng.randrange(rows)
                    entries = [sympy.Integer(int(k == hot)) for k in range(rows)]
                if var.structure and rows == cols:
                    entries = _structured(entries, rows, var.structure)
                elif rows == cols >= 2 and not var.one_hot:
                    entries = _positive_determinant(entries, rows)
                point[var.symbol] = sympy.ImmutableMatrix(rows, cols, entries)
        for var in variables:  # an index with a condition (i \\neq j), after the others
            if isinstance(var, Index) and var.symbol in where:
                point[var.symbol] = _index_where(rng, var, where[var.symbol], point, sizes)
        for var in variables:  # a one-hot label, after the index that says which entry is hot
            if isinstance(var, Vector) and var.one_hot is not None:
                length = _concrete(var.length, sizes)
                hot = _by_name(point, var.one_hot) if var.one_hot is not True else None
                hot = int(hot) if hot is not None and 1 <= hot <= length else rng.randint(1, length)
                for k in range(1, length + 1):
                    point[var.base[k]] = sympy.Integer(1 if k == hot else 0)
        _entries_of_one_vector(variables, point)
        points.append(point)
    return points


def _one_length(variables: tuple, sizes: dict) -> None:
    """v^T v beside \\sum_{i=1}^n v_i^2: the column v and the entries v_i are one vector (see _entries_of_one_vector), so
    the column's length, drawn as a size of its own, is the entries' length n."""
    lengths = {str(var.base.label): var.length for var in variables if isinstance(var, Vector) and var.length in sizes}
    tables = {str(var.base.label): (var.rows, var.columns) for var in variables if isinstance(var, Table)}
    for var in variables:
        if isinstance(var, Matrix) and var.symbol.name in lengths and 1 in var.symbol.shape:
            (dimension,) = [d for d in var.symbol.shape if d != 1] or [1]
            if dimension in sizes and dimension != lengths[var.symbol.name]:
                sizes[dimension] = sizes[lengths[var.symbol.name]]
        if isinstance(var, Matrix) and var.symbol.name in tables and 1 not in var.symbol.shape:  # H of z^T H z beside H_{jk}
            for dimension, bound in zip(var.symbol.shape, tables[var.symbol.name]):
                if dimension in sizes and bound in sizes and dimension != bound:
                    sizes[dimension] = sizes[bound]


def _entries_of_one_vector(variables: tuple, point: dict) -> None:
    """y_k and the y of y^T y are one vector: where a column (or row) and entries share a name, the entries are the
    column's (a one-hot label's entries, drawn with its hot index, make the column instead); H_{jk} and a matrix H
    alike."""
    arrays = {key.name: key for key in point if isinstance(key, sympy.MatrixSymbol)}
    for var in variables:
        whole = arrays.get(str(var.base.label)) if isinstance(var, Table) else None
        value = point.get(whole)
        if isinstance(value, sympy.MatrixBase) and 1 not in value.shape:  # H_{jk} and the H of z^T H z: one matrix
            for (r, c), entry in zip(itertools.product(range(value.rows), range(value.cols)), value):
                point[var.base[var.row_start + r, var.column_start + c]] = entry
            continue
        key = arrays.get(str(var.base.label)) if isinstance(var, Vector) else None
        value = point.get(key)
        if not isinstance(value, sympy.MatrixBase) or 1 not in value.shape:
            continue
        if var.one_hot is not None:
            point[key] = sympy.ImmutableMatrix(*value.shape, [point.get(var.base[k], 0) for k in range(1, len(value) + 1)])
        else:
            for k in range(len(value)):  # the column's first entry is the vector's first (\theta_0 where it starts at 0)
                point[var.base[var.start + k]] = value[k]


def _by_name(point: dict, symbol):
    """The value the point gives a symbol of that name, whatever its assumptions (o of "y_o = 1" is an index)."""
    return point.get(symbol, next((value for key, value in point.items() if isinstance(key, sympy.Symbol) and key.name == symbol.name), None))


def _structured(entries: list, size: int, structure: str) -> list:
    """A square matrix's sampled entries made symmetric (the mean of it and its transpose) or diagonal."""
    at = lambda r, c: entries[r * size + c]  # noqa: E731
    if structure == "diagonal":
        return [at(r, c) if r == c else sympy.Integer(0) for r in range(size) for c in range(size)]
    return [(at(r, c) + at(c, r)) / 2 for r in range(size) for c in range(size)]


def _index_where(rng: random.Random, var: Index, domain, point: dict, sizes: dict) -> sympy.Integer:
    """An index in its range and its domain (i \\neq j: the integers but j's value), where the range has one."""
    upper = _concrete(var.upper, sizes)
    candidates = [n for n in range(var.lower, upper + 1) if domain.xreplace(point).contains(n) is sympy.true]
    return sympy.Integer(rng.choice(candidates) if candidates else rng.randint(var.lower, upper))


# --- probes: where a non-analytic piece changes, and beyond the sampled ranges ---------------------

_NEAR = (sympy.Rational(1, 1000), sympy.Rational(3, 7))  # distances from a breakpoint, on both sides


def breakpoints(*exprs) -> list:
    """Expressions that are 0 where a non-analytic piece (H, |.|, max, floor, delta, cases) changes."""
    found = []
    for expr in exprs:
        for node in sympy.preorder_traversal(expr):
            if isinstance(node, (sympy.Heaviside, sympy.Abs, sympy.sign, sympy.floor, sympy.ceiling, sympy.frac)):
                found.append(node.args[0])
            elif isinstance(node, (sympy.Max, sympy.Min)):
                found.extend(a - b for a, b in zip(node.args, node.args[1:]))
            elif isinstance(node, sympy.KroneckerDelta):
                found.append(node.args[0] - node.args[1])
            elif isinstance(node, sympy.Piecewise):
                for _, condition in node.args:
                    found.extend(r.lhs - r.rhs for r in condition.atoms(sympy.core.relational.Relational))
    return list(dict.fromkeys(b for b in found if not b.is_number))


STEPS = (sympy.floor, sympy.ceiling, sympy.frac)  # whole-number steps: a jump wherever the argument crosses a whole number


def jumps(*exprs) -> list:
    """The arguments of floor, ceiling and frac: each jumps where its argument crosses a whole number."""
    found = [node.args[0] for expr in exprs for node in sympy.preorder_traversal(expr) if isinstance(node, STEPS)]
    return list(dict.fromkeys(a for a in found if not a.is_number))


def probe_points(exprs: tuple, variables: Iterable[Variable], where: Mapping, base: list[dict], limit: int = 24, thorough: bool = False) -> list[dict]:
    """Points on both sides of every breakpoint of the expressions (solved for, linear or not), of every jump of
    a floor or ceiling (where its argument reaches the next whole number), sizes beyond the declared choices,
    and scalars outside their sampled ranges: where a term that vanishes on the random points (H(x - 5),
    max(0, K - 5), delta_{k6}, max(0, |x| - 50), floor(x^2/10^4)) shows itself. Empty when nothing is
    non-analytic. `thorough` (an answer not proved): roots are also looked for by a scan."""
    steps = jumps(*exprs)
    zeros = [zero for zero in breakpoints(*exprs) if zero not in steps]  # a floor's own crossings are among its jumps
    if not zeros and not steps:
        return []
    variables = tuple(variables)
    declared = {getattr(v, "symbol", None): v for v in variables}
    setting = (variables, tuple(sorted(where.items(), key=str)), tuple(frozenset(point.items()) for point in base[:2]), thorough)
    probes: list[dict] = []
    for zero in zeros:
        for symbol in sorted(zero.free_symbols & set(declared), key=str):
            probes.extend(_remembered(("around", zero, symbol, setting), lambda: _around(zero, symbol, declared[symbol], variables, where, base[:2], thorough)))
    for argument in steps:
        for symbol in sorted(argument.free_symbols & set(declared), key=str):
            probes.extend(_remembered(("jumps", argument, symbol, setting), lambda: _next_jumps(argument, symbol, declared[symbol], variables, where, base[:2], thorough)))
    probes.extend(_remembered(("beyond", setting), lambda: _beyond(variables, where, base[:2])))
    probes = [point for point in probes if _within_related(where, point)]
    return [dict(point) for point in probes[:limit]]


def _within_related(where: Mapping, point: Mapping) -> bool:
    """A point keeps the conditions that relate its variables (i \\neq j): one with i = j is not where the step holds."""
    for symbol, domain in where.items():
        if symbol in point and getattr(domain, "free_symbols", None):
            if domain.xreplace(dict(point)).contains(point[symbol]) in (sympy.false, False):
                return False
    return True


def _next_jumps(argument, symbol, var, variables, where, base, thorough: bool) -> list[dict]:
    """Points around where the argument of a floor reaches the whole numbers next to its value at each base point
    (floor(x^2 / 10^4), 0 for x in [-4, 4], jumps to 1 at x = 100)."""
    found = []
    for point in base:
        try:
            value = point_value(argument, point)
        except EVALUATION_ERRORS:
            continue
        if value is None or not isinstance(value, mpmath.mpf):
            continue
        below, above = int(mpmath.floor(value)), int(mpmath.ceil(value))
        for whole in dict.fromkeys((below, above if above != below else above + 1, below - 1, above + 1)):
            for root in crossings(argument - whole, symbol, point, thorough):
                found.extend(_near_root(root, symbol, var, variables, where, point))
    return found


_PROBES: dict = {}


def _remembered(key, work) -> list[dict]:
    """Probes are the same for the same breakpoint and base points: the reference's are found once per class."""
    found = _PROBES.get(key)
    if found is None:
        if len(_PROBES) > 1024:
            _PROBES.pop(next(iter(_PROBES)))
        found = _PROBES[key] = work()
    return found


def _around(zero, symbol, var, variables, where, base, thorough: bool = False) -> list[dict]:
    """Points with `symbol` at, just below and just above each real root of `zero` (other values from base):
    linear or not (|x| - 50, x^2 - c), and, with `thorough`, roots found by a scan of growing magnitudes."""
    found = []
    for point in base:
        for root in crossings(zero, symbol, point, thorough):
            found.extend(_near_root(root, symbol, var, variables, where, point))
    return found


def _near_root(root, symbol, var, variables, where, point) -> list[dict]:
    """The point with `symbol` at the root and on both sides of it (whole numbers around it for a discrete variable)."""
    if isinstance(var, (Size, Index, Integer)):
        centre = int(sympy.floor(root))
        return [p for value in (centre - 1, centre, centre + 1, centre + 2) for p in _with(variables, where, {symbol: sympy.Integer(value)}, point)]
    found = []
    for near in (0, *_NEAR, *(-n for n in _NEAR)):
        value = root + near
        if _allowed(where, symbol, value) and _signed_ok(symbol, value):
            changed = dict(point)
            changed[symbol] = value
            found.append(changed)
    return found


def _signed_ok(symbol, value) -> bool:
    """A value a symbol's assumptions allow: no negative value for a positive x."""
    if symbol.is_positive and not value > 0 or symbol.is_nonnegative and not value >= 0:
        return False
    return not (symbol.is_integer and not value.is_integer)


MAX_ROOTS = 8
_ROOT_DIGITS = 40


def crossings(zero, symbol, point: Mapping, thorough: bool = False) -> list:
    """The real roots of `zero` as a function of `symbol`, the point's other values put in, as exact rationals
    (a root that is not rational, to 40 digits): by polynomial roots (any degree up to 8, of a rational
    function's numerator, |u| read as ±u: |x| - 50), and, with `thorough`, by solveset, then a scan of sign
    changes from 10^-3 to 10^8 on both sides (e^x - 5). At most MAX_ROOTS."""
    others = {s: v for s, v in point.items() if s != symbol and not isinstance(v, sympy.MatrixBase)}
    try:
        function = substitute(zero, others)
    except EVALUATION_ERRORS:
        return []
    if not isinstance(function, sympy.Expr) or function.free_symbols != {symbol}:
        return []
    roots = _unsigned_roots(function, symbol)
    if roots is None and thorough:
        roots = _solved_roots(function, symbol)
    if not roots and thorough:
        roots = _scanned_roots(function, symbol)
    return (roots or [])[:MAX_ROOTS]


def _unsigned_roots(function, symbol) -> list | None:
    """Roots of a rational function of symbol, with |u| read as u and as -u (|x| - 50: 50 and -50; a root of a
    sign choice that is not the function's own is one more probe, never a wrong one); None when it is not one."""
    absolutes = list(function.atoms(sympy.Abs))
    if len(absolutes) > 3:
        return None
    found: list = []
    for signs in itertools.product((1, -1), repeat=len(absolutes)):
        unsigned = function.xreplace({node: sign * node.args[0] for node, sign in zip(absolutes, signs)})
        roots = _polynomial_roots(sympy.fraction(sympy.together(unsigned))[0], symbol)
        if roots is None:
            return None
        found += [root for root in roots if root not in found]
    return found


def _as_rational(number) -> sympy.Rational | None:
    if number.is_Rational:
        return number
    value = sympy.N(number, _ROOT_DIGITS)
    if not value.is_real or not value.is_finite:
        return None
    return sympy.Rational(str(value))


def _polynomial_roots(function, symbol) -> list | None:
    """Real roots of a polynomial in symbol, or None when it is not one (of degree 1 to 8)."""
    try:
        polynomial = sympy.Poly(function, symbol)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    if not 1 <= polynomial.degree() <= MAX_ROOTS:
        return None
    try:
        if all(c.is_Rational for c in polynomial.all_coeffs()):
            roots = polynomial.real_roots()
        else:
            roots = [r for r in polynomial.nroots(n=_ROOT_DIGITS) if abs(sympy.im(r)) < sympy.Float(10) ** -20]
            roots = [sympy.re(r) for r in roots]
    except (sympy.PolynomialError, sympy.polys.polyerrors.DomainError, NotImplementedError, ValueError):
        return None
    return [r for r in (_as_rational(root) for root in roots) if r is not None]


def _solved_roots(function, symbol) -> list:
    """solveset's real solutions, when it finds finitely many within a small CPU budget (|x| - 50: -50, 50)."""
    try:
        with time_limit(0.2):
            solved = sympy.solveset(function, symbol, sympy.S.Reals)
    except (TimeLimitExceeded, *EVALUATION_ERRORS, RecursionError):
        return []
    if not isinstance(solved, sympy.FiniteSet):
        return []
    return [r for r in (_as_rational(root) for root in list(solved.args)[:MAX_ROOTS]) if r is not None]


_SCAN = [sign * mpmath.mpf(10) ** (k / 2) for k in range(-6, 17) for sign in (1, -1)]


def _scanned_roots(function, symbol) -> list:
    """Sign changes of the function along growing magnitudes on both sides of 0, each refined by bisection."""
    def at(value):
        try:
            result = value_at(function, {symbol: value}, _ROOT_DIGITS)
        except EVALUATION_ERRORS:
            return None
        return result if isinstance(result, mpmath.mpf) and mpmath.isfinite(result) else None

    roots = []
    for sign in (1, -1):
        grid = [mpmath.mpf(0)] + [v for v in _SCAN if (v > 0) == (sign > 0)]
        values = [(v, at(sympy.Rational(str(v)))) for v in grid]
        for (a, fa), (b, fb) in zip(values, values[1:]):
            if fa is None or fb is None or (fa > 0) == (fb > 0):
                continue
            for _ in range(80):  # bisection: sound for any continuous piece, and enough for 40 digits over 10^8
                middle = (a + b) / 2
                fm = at(sympy.Rational(str(middle)))
                if fm is None:
                    break
                a, fa, b, fb = (middle, fm, b, fb) if (fm > 0) == (fa > 0) else (a, fa, middle, fm)
            roots.append(sympy.Rational(str(mpmath.nstr(a, _ROOT_DIGITS))))
    return roots[:MAX_ROOTS]


def _with(variables, where, fixed: dict, point: dict) -> list[dict]:
    """The point with discrete variables fixed; a size grows to hold an index set beyond it."""
    (symbol, value), = fixed.items()
    var = next(v for v in variables if getattr(v, "symbol", None) == symbol)
    if isinstance(var, Size) and value < 1 or isinstance(var, Index) and value < var.lower:
        return []
    if isinstance(var, Integer) and not var.low <= value <= var.high:  # an integer's range is its domain (n >= k)
        return []
    if isinstance(var, Index) and not sympy.sympify(var.upper).is_number:
        # every size the bound is made of grows to hold it (Min(M, n_1): both; one picked from a set would depend on the
        # process's hash seed, and so would the verdict)
        grown = {size: sympy.Integer(max(int(value), int(point.get(size, 1)))) for size in sorted(sympy.sympify(var.upper).free_symbols, key=str)}
        fixed = {**fixed, **grown}
    elif isinstance(var, Index) and value > int(var.upper):
        return []
    if not all(_allowed(where, s, v) for s, v in fixed.items()):
        return []
    try:  # a seed from the names, not hash(): the same probes in every process
        return sample_points(variables, where, 1, seed=zlib.crc32(f"{symbol}={value}".encode()), fixed=fixed)
    except ValueError:  # the size is too small for an index declared over it
        return []


def _beyond(variables, where, base) -> list[dict]:
    """Sizes past the declared choices, and unconstrained scalars outside their sampled ranges."""
    found = []
    for var in variables:
        if isinstance(var, Size):
            for size in (max(var.choices) + 2, max(var.choices) + 4):
                found.extend(_with(variables, where, {var.symbol: sympy.Integer(size)}, base[0]))
        elif isinstance(var, Scalar) and var.symbol not in where and not (var.symbol.is_positive or var.symbol.is_nonnegative):
            span = sympy.Rational(str(var.high)) - sympy.Rational(str(var.low))
            for value in (sympy.Rational(str(var.low)) - span, sympy.Rational(str(var.high)) + span):
                changed = dict(base[0])
                changed[var.symbol] = value + sympy.Rational(1, 7)
                found.append(changed)
    return found


def _positive_determinant(entries: list, size: int) -> list:
    """A square matrix's random entries with its first row negated where that makes the determinant positive: as
    generic as before (no symmetry, no structure), and a covariance's log det (\\log \\det \\Sigma) has a real value."""
    with mpmath.workdps(15):
        sign = mpmath.det(mpmath.matrix([[mpmath.mpf(e.p) / e.q for e in entries[r * size:(r + 1) * size]] for r in range(size)]))
    return [-e for e in entries[:size]] + entries[size:] if sign < 0 else entries


def _concrete(size, sizes: Mapping) -> int:
    """A declared bound (a number, or an expression in Size symbols) at this point's sizes."""
    return int(sympy.sympify(size).xreplace(sizes))


def _allowed(where: Mapping, symbol, value) -> bool:
    """Whether a value is in the symbol's domain; a domain that depends on another variable (i \\neq j) allows it here
    (the index is drawn against the other's value when points are sampled)."""
    domain = where.get(symbol)
    if domain is None:
        return True
    found = [piece.contains(value) for piece in pieces(domain)]
    return any(f is sympy.true or f is True or f not in (sympy.false, False) for f in found)


# --- evaluation --------------------------------------------------------------------------------


def substitute(expr, point: Mapping):
    """Put the point's values into expr: sizes and indices first, then sums, then entries."""
    discrete = {s: v for s, v in point.items() if isinstance(s, sympy.Symbol) and v.is_Integer}
    expr = rename_bound(expr, discrete)
    expr = expr.xreplace(discrete)
    if expr.has(sympy.Sum, sympy.Product):
        expr = expr.doit()
    values = {}
    for symbol, value in point.items():
        if isinstance(symbol, sympy.MatrixSymbol):
            values[symbol.xreplace(discrete)] = value
        elif symbol not in discrete:
            values[symbol] = value
    expr = expr.xreplace(values)
    if not (isinstance(expr, sympy.MatrixExpr) or expr.has(sympy.MatrixExpr)):
        return expr
    return _explicit_identities(expr).doit()


def _explicit_identities(expr):
    """I of a known size as its entries: sympy's I + (numbers) stays a sum it works out entry by entry with symbolic
    sums (a quarter of a second for a 2 x 2 squared), the entries' sum is at once a matrix."""
    return expr.replace(lambda e: isinstance(e, sympy.Identity) and e.rows.is_Integer,
                        lambda e: sympy.ImmutableMatrix(sympy.eye(int(e.rows))))


def evaluate(expr, point: Mapping, digits: int = DIGITS):
    """Both-sides-ready numeric value: a sympy number, or an ImmutableMatrix of numbers.

    sympy's evalf, for what the walk into mpmath (evaluation.py) does not know.
    """
    value = substitute(expr, point)
    if isinstance(value, sympy.MatrixBase) or hasattr(value, "as_explicit"):
        value = sympy.ImmutableMatrix(value.as_explicit() if hasattr(value, "as_explicit") else value)
        return value.applyfunc(lambda e: sympy.N(e, digits))
    return sympy.N(value, digits)


def _finite_number(value) -> bool:
    return bool(value.is_number) and value.is_finite is not False and not value.has(sympy.nan, sympy.zoo)


def describe_point(point: Mapping) -> str:
    return ", ".join(f"{symbol}={_short(value)}" for symbol, value in point.items())


def _coordinates(point: Mapping) -> tuple[tuple[str, str], ...]:
    return tuple((str(symbol), str(sympy.N(value, DIGITS)) if not isinstance(value, sympy.MatrixBase) else str(value.evalf(DIGITS).tolist())) for symbol, value in point.items())


def short_value(value) -> str:
    """A number as a student reads it: whole numbers exactly, others to 6 significant digits."""
    return _short(sympy.sympify(value))


def _short(value) -> str:
    if isinstance(value, sympy.MatrixBase):
        return "[" + "; ".join(", ".join(_short(v) for v in value.row(r)) for r in range(value.rows)) + "]"
    if value.is_Integer:
        return str(value)
    if value in (sympy.oo, -sympy.oo):
        return "∞" if value == sympy.oo else "-∞"
    number = sympy.N(value, 8)
    return str(number) if not number.is_real else f"{float(number):.6g}"


def _relevant(point: Mapping, *exprs) -> dict:
    """The part of a point that the expressions actually use, so a witness names only those."""
    used = set()
    for expr in exprs:
        used |= expr.free_symbols | expr.atoms(sympy.MatrixSymbol)
        used |= {entry.base for entry in expr.atoms(sympy.Indexed)}
    return {s: v for s, v in point.items() if s in used or (isinstance(s, sympy.Indexed) and s.base in used)}


def compare_at_points(
    lhs: Expr, rhs: Expr, points: list[dict], digits: int = DIGITS,
    stop_at_difference: bool = False, witness: bool = True,
) -> NumericResult:
    """Largest relative difference over the points; the first point where they differ is the witness.

    Scalars are walked into mpmath at DIGITS + GUARD_DIGITS; a gap above 10^-DIGITS is believed only
    if it survives twice the precision (a near-cancellation shrinks, a real difference does not).
    `stop_at_difference`: return at the first confirmed difference (grading needs one witness).
    """
    worst = mpmath.mpf(0)
    used = 0
    for point in points:
        gap = _gap(lhs, rhs, point, digits)
        if gap is None:
            continue
        used += 1
        if gap > mpmath.mpf(10) ** -digits:
            confirmed = _gap(lhs, rhs, point, 2 * digits + GUARD_DIGITS)
            if confirmed is not None and confirmed > mpmath.mpf(10) ** (-2 * digits) and confirmed > gap / 1000:
                shown = _witness(lhs, rhs, point, digits) if witness else Witness("", "", "")
                if stop_at_difference:
                    return NumericResult(False, used, float(confirmed), shown)
                return _verdict(max(worst, confirmed), used, len(points), shown)
            continue  # the gap was rounding: it shrank at the higher precision
        worst = max(worst, gap)
    return _verdict(worst, used, len(points), None)


def _gap(lhs, rhs, point, digits: int):
    """|l - r| / max(1, |l|, |r|) at the point, or None where a side is not a finite number."""
    try:
        left, right = point_value(lhs, point, digits), point_value(rhs, point, digits)
    except EVALUATION_ERRORS:
        return None
    if left is None or right is None:
        return None
    left, right = as_scalar(left), as_scalar(right)  # a 1 x 1 matrix (w^T x) compared with a number is that number
    with mpmath.workdps(digits + GUARD_DIGITS):
        if isinstance(left, mpmath.matrix) or isinstance(right, mpmath.matrix):
            if not (isinstance(left, mpmath.matrix) and isinstance(right, mpmath.matrix)) or (left.rows, left.cols) != (right.rows, right.cols):
                return None
            return max((abs(l - r) / max(mpmath.mpf(1), abs(l), abs(r)) for l, r in zip(_cells(left), _cells(right))), default=mpmath.mpf(0))
        return abs(left - right) / max(mpmath.mpf(1), abs(left), abs(right))


def _cells(matrix) -> list:
    return [matrix[r, c] for r in range(matrix.rows) for c in range(matrix.cols)]


_VALUES: dict = {}  # (expression, point, digits) -> value: a reference is evaluated once per point, not per answer
_VALUES_KEPT = 50_000


def point_value(expr, point, digits: int = DIGITS):
    """The value at a point (an mpmath number or matrix), or None where it is not finite: the walk
    into mpmath, and sympy's evalf for what the walk does not know. Remembered per point, so the
    reference's values are worked out once for a whole class (cheap to key: sympy caches hashes)."""
    try:
        key = (expr, tuple(point.items()), digits)
        value = _VALUES[key]
        return value.copy() if isinstance(value, mpmath.matrix) else value  # a caller may not change the kept one
    except TypeError:  # a mutable matrix cannot be a key: evaluated every time
        return _point_value(expr, point, digits)
    except KeyError:
        pass
    value = _point_value(expr, point, digits)
    if len(_VALUES) >= _VALUES_KEPT:
        _VALUES.clear()
    _VALUES[key] = value
    return value


def _point_value(expr, point, digits: int):
    try:
        value = value_at(expr, point, digits + GUARD_DIGITS)
    except NoValue as missing:  # a free symbol has no value here; evalf would only find that out slowly
        value = None if missing.symbol in expr.free_symbols else _evaluated(expr, point, digits)
    except Unsupported:
        value = _evaluated(expr, point, digits)
    if isinstance(value, mpmath.matrix):
        return value if all(mpmath.isfinite(cell) for cell in _cells(value)) else None
    if value is None or not mpmath.isfinite(value):
        return None
    return value


def _evaluated(expr, point, digits: int):
    """sympy's evalf at the point, for what the walk does not know; None where it is not a finite number."""
    value = evaluate(expr, point, digits + GUARD_DIGITS)
    if isinstance(value, sympy.MatrixBase):
        if not all(_finite_number(entry) for entry in value):
            return None
        return mpmath.matrix([[_to_mpmath(entry) for entry in value.row(r)] for r in range(value.rows)])
    return _to_mpmath(value) if _finite_number(value) else None


def _to_mpmath(number):
    return mpmath.mpmathify(complex(number) if not number.is_real else number)


def _witness(lhs, rhs, point, digits: int, shown: dict | None = None) -> Witness:
    """Both sides at the point, as a student reads numbers (walked into mpmath, never exact powers)."""
    shown = _relevant(point, lhs, rhs) if shown is None else shown
    values = []
    for expr in (lhs, rhs):
        try:
            values.append(_shown(point_value(expr, point, digits)))
        except EVALUATION_ERRORS:
            values.append("?")
    return Witness(describe_point(shown), values[0], values[1], _coordinates(shown))


def _shown(value) -> str:
    if value is None:
        return "?"
    if isinstance(value, mpmath.matrix):
        return "[" + "; ".join(", ".join(_shown(value[r, c]) for c in range(value.cols)) for r in range(value.rows)) + "]"
    if isinstance(value, mpmath.mpc) and value.imag != 0:
        return mpmath.nstr(value, 6)
    real = mpmath.re(value)
    if real == mpmath.nint(real) and abs(real) < 10**15:
        return str(int(mpmath.nint(real)))
    return mpmath.nstr(real, 6)


def _is_matrix(expr) -> bool:
    return isinstance(expr, (sympy.MatrixExpr, sympy.MatrixBase))


def _verdict(worst, used: int, asked: int, witness: Witness | None) -> NumericResult:
    if witness is not None:
        return NumericResult(False, used, float(worst), witness)
    if used < max(3, asked // 2):
        return NumericResult(None, used, float(worst), None, f"only {used} of {asked} points could be evaluated")
    return NumericResult(True, used, float(worst))


# --- limits ------------------------------------------------------------------------------------

LIMIT_TOLERANCE = sympy.Float("1e-6")


def approach(point, direction: str) -> list:
    """A sequence of values tending to `point` from the given side."""
    if point == sympy.oo:
        return [sympy.Integer(10) ** n for n in (1, 2, 3, 4, 6, 8)]
    if point == -sympy.oo:
        return [-(sympy.Integer(10) ** n) for n in (1, 2, 3, 4, 6, 8)]
    sign = -1 if direction == "-" else 1
    return [point + sign * sympy.Rational(1, 10**n) for n in (2, 3, 4, 6, 8, 12)]


def compare_limit(limit: sympy.Limit, rhs: Expr, points: list[dict]) -> NumericResult:
    """Evaluate the expression under the limit along a sequence tending to the limit point.

    The claim holds numerically when the last term of the sequence is within
    LIMIT_TOLERANCE of the right side at every point (and both one-sided sequences
    when the limit is two-sided).
    """
    expr, var, target, direction = limit.args
    if isinstance(rhs, sympy.Limit) and rhs.args[2:] == (target, direction):  # two limits the same way: the terms side by side
        rhs = rhs.args[0].xreplace({rhs.args[1]: var})
    directions = ["+", "-"] if str(direction) == "+-" else [str(direction)]
    worst = sympy.Float(0)
    used = 0
    witness = None
    for point in points:
        try:
            for side in directions:
                near = {**point, var: approach(target, side)[-1]}  # the right side does not depend on var
                gap = _gap(expr, rhs, near, DIGITS)
                if gap is None:
                    raise ValueError("not a number")
                worst = max(worst, gap)
                if gap > LIMIT_TOLERANCE and witness is None:
                    witness = _witness(expr, rhs, near, DIGITS, shown={**_relevant(point, limit, rhs), var: near[var]})
        except EVALUATION_ERRORS:
            continue
        used += 1
    return _verdict(worst, used, len(points), witness)


# --- ranges ---------------------------------------------------------------------------------------

REACH = (0, 1, 2, 4, 8, 16, 32)  # probes: 0 and +-2^k, where ends are reached or approached
RANGE_DIGITS = 60  # tanh(32) = 1 - 3e-28 must not round to 1


def compare_range(
    expr: Expr, variable: sympy.Symbol, expected: Set, points: list[dict], domain: Set = sympy.S.Reals, digits: int = RANGE_DIGITS
) -> NumericResult:
    """Every value lies in `expected`, and each finite end of it is reached or approached at a probe."""
    probes = {sign * sympy.Integer(r) for r in REACH for sign in (1, -1)}
    far = [{variable: value} for value in sorted(probes) if bool(domain.contains(value))]
    values = []  # (point, value)
    for point in [*points, *far]:
        at = {variable: point[variable]}
        value = evaluate(expr, at, digits)
        if not _finite_number(value):
            continue
        if not bool(expected.contains(value)):
            witness = Witness(describe_point(at), _short(value), f"a value in {expected}", _coordinates(at))
            return NumericResult(False, len(values) + 1, 1.0, witness, f"a value outside {expected}")
        values.append((at, value))
    if not values:
        return NumericResult(None, 0, 0.0, None, "no point could be evaluated")
    gap = sympy.Float(0)
    for end in (end for end in (expected.inf, expected.sup) if end.is_finite):
        at, value = min(values, key=lambda pair: abs(pair[1] - end))
        if abs(value - end) > sympy.Float("1e-12"):
            witness = Witness(describe_point(at), _short(value), f"values reaching {end}", _coordinates(at))
            return NumericResult(False, len(values), float(abs(value - end)), witness, f"no value came near the end {end} of {expected}: the range is narrower")
        gap = max(gap, abs(value - end))
    return NumericResult(True, len(values), float(gap))


# --- tiny differences ------------------------------------------------------------------------------

TINY_DIGITS = 60


DEEP_PRECISION = 2000  # evalf's largest working precision for a difference nothing else could settle


def hidden_difference(gap: Expr, points: list[dict]) -> tuple[Witness, float] | None:
    """A difference far below the working precision (+ e^{-1000} x), for an answer equal at every point and
    not proved: evalf raises its precision until the difference at a point shows digits, or gives up
    (strict) where it is 0 to hundreds of digits. Only for that rare case: it costs tens of milliseconds."""
    from sympy.core.evalf import PrecisionExhausted

    if not isinstance(gap, sympy.Expr) or gap.has(sympy.Limit, sympy.Sum, sympy.Product, sympy.Integral):
        return None
    for point in points[:2]:
        try:
            value = sympy.N(substitute(gap, point), 15, maxn=DEEP_PRECISION, strict=True)
        except PrecisionExhausted:
            return None  # 0 to the last digit evalf reached: no difference to show
        except EVALUATION_ERRORS:
            continue
        if value.is_Float and value != 0:
            shown = _relevant(point, gap)
            return Witness(describe_point(shown), str(sympy.Float(value, 6)), "0", _coordinates(shown)), float(abs(value))  # 1e-435: not a float
        return None
    return None


def tiny_difference(gap: Expr, points: list[dict]) -> tuple[Witness, float] | None:
    """A term below the tolerance (+10^-25 x) that sympy's arithmetic kept: answer - reference, at
    60 and 120 digits at one point, is a real difference when it does not shrink with the precision."""
    if not isinstance(gap, sympy.Expr) or gap == 0 or gap.has(sympy.Limit):
        return None
    for point in points[:3]:
        try:
            low = value_at(gap, point, TINY_DIGITS)
            high = value_at(gap, point, 2 * TINY_DIGITS)
        except EVALUATION_ERRORS:
            continue
        if not (mpmath.isfinite(low) and mpmath.isfinite(high)):
            continue
        if abs(high) > mpmath.mpf(10) ** (-TINY_DIGITS + 10) and abs(high) > abs(low) / 1000:
            shown = _relevant(point, gap)
            return Witness(describe_point(shown), _short(sympy.Float(mpmath.re(high), 15)), "0", _coordinates(shown)), float(abs(high))
        return None
    return None
