"""Equations between vectors and matrices, as a write-up solves them: `X^T(Xw - t) = 0`, then `X^TXw = X^Tt`, then
`w = (X^TX)^{-1}X^Tt`.

sympy cannot solve for a matrix symbol, so an implication is decided on instances, in exact rationals: every size
gets a concrete value (all different, so no matrix is square by accident), every other matrix and number random
entries, and the unknown a column of fresh symbols. Where the first equation is then linear in the unknown, the
second follows when it holds on all its solutions (one, or a particular one moved along each free direction) and
does not where it fails there; holding at some sizes and not at others is neither. Sizes that make a needed
inverse singular (X^TX with fewer rows than columns) are skipped: the write-up's own assumption, not a finding.
"""

from __future__ import annotations

import itertools
import random

import sympy

ARRAYS = (sympy.MatrixBase, sympy.MatrixExpr)
SIZES = (2, 3, 4, 5)
ASSIGNMENTS = 4  # size assignments tried; each is a full instance
SEED = 2026  # fixed: the same write-up gets the same verdict on every run
MAX_POWER = 16  # a matrix to a larger power (hostile, or a recurrence) is not expanded in exact rationals
INSTANCE_ERRORS = (ValueError, TypeError, ZeroDivisionError, AttributeError)  # a singular inverse (a ValueError) among them


def is_array(expr) -> bool:
    return isinstance(expr, ARRAYS) and getattr(expr, "shape", (1, 1)) != (1, 1)


def zero_of_shape(side, other):
    """0 said to equal a vector or matrix is the zero of its shape (X^T(Xw - t) = 0: the zero vector); any other side
    is itself."""
    if isinstance(side, sympy.Basic) and side == 0 and is_array(other):
        return sympy.ZeroMatrix(*other.shape)
    return side


def array_residual(left, right):
    """left - right for an equation with a vector or matrix side, where 0 on the other side is the zero of that
    shape; None where the sides cannot be subtracted (a matrix equal to 5)."""
    left, right = zero_of_shape(left, right), zero_of_shape(right, left)
    if not (is_array(left) and is_array(right)):
        return None
    try:
        return left - right
    except (TypeError, ValueError, sympy.ShapeError):
        return None


def _sizes(*exprs) -> list[sympy.Symbol]:
    return sorted({s for e in exprs for m in e.atoms(sympy.MatrixSymbol) for n in m.shape for s in sympy.sympify(n).free_symbols}, key=str)


def unknowns(expr) -> set:
    """The matrices and numbers an equation is in (not the symbols of its sizes)."""
    if not isinstance(expr, sympy.Basic):
        return set()
    sizes = set(_sizes(expr))
    return set(expr.atoms(sympy.MatrixSymbol)) | {s for s in expr.free_symbols if isinstance(s, sympy.Symbol) and s not in sizes}


class _Instance:
    """Concrete sizes and random exact values for every name of some equations but one unknown matrix."""

    def __init__(self, sizes: dict, rng: random.Random):
        self.sizes, self.rng, self.values = sizes, rng, {}

    def shape(self, matrix: sympy.MatrixSymbol) -> tuple[int, int]:
        return tuple(int(sympy.sympify(n).subs(self.sizes)) for n in matrix.shape)

    def fill(self, exprs, unknown) -> list[sympy.Symbol]:
        """Random entries for every matrix but the unknown, random numbers for the scalars; the unknown's entries are
        returned as fresh symbols (none where there is no unknown)."""
        for expr in exprs:
            for name in sorted(unknowns(expr), key=str):
                if name in self.values or name == unknown:
                    continue
                if isinstance(name, sympy.MatrixSymbol):
                    rows, columns = self.shape(name)
                    self.values[name] = sympy.Matrix(rows, columns, lambda *_: sympy.Rational(self.rng.randint(-9, 9), self.rng.randint(1, 4)))
                else:
                    self.values[name] = sympy.Rational(self.rng.randint(1, 19), self.rng.randint(2, 7))
        if unknown is None:
            return []
        rows, columns = self.shape(unknown)
        entries = [sympy.Dummy(f"u{k}") for k in range(rows * columns)]
        self.values[unknown] = sympy.Matrix(rows, columns, entries)
        return entries

    def explicit(self, expr) -> sympy.Matrix:
        """The expression as one explicit matrix at this instance, worked out node by node (sympy's own doit sums
        entries symbolically, seconds for a 4 x 4 product); an inverse of a singular matrix is an error here, not
        cancelled away."""
        value = self._value(expr)
        return value.applyfunc(sympy.expand) if isinstance(value, sympy.MatrixBase) else sympy.Matrix([[sympy.expand(value)]])

    def _value(self, expr):
        if isinstance(expr, sympy.MatrixSymbol):
            return sympy.Matrix(self.values[expr])
        if isinstance(expr, (sympy.ZeroMatrix, sympy.Identity, sympy.OneMatrix)):
            return sympy.Matrix(expr.subs(self.sizes).as_explicit())
        if isinstance(expr, sympy.MatrixBase):
            return sympy.Matrix(expr).applyfunc(self._value)
        if isinstance(expr, sympy.Transpose):
            return self._value(expr.arg).T
        if isinstance(expr, sympy.Inverse):
            inner = self._value(expr.arg)
            if not inner.is_square or inner.det() == 0:
                raise ValueError(f"{expr.arg} is singular at these sizes")
            return inner.inv()
        if isinstance(expr, sympy.MatPow):
            power = int(self._value(expr.exp))
            if abs(power) > MAX_POWER:
                raise ValueError(f"a matrix power of {power} is not worked out on instances")
            return self._value(expr.base) ** power
        if isinstance(expr, (sympy.MatAdd, sympy.Add)):
            parts = [self._value(arg) for arg in expr.args]
            total = parts[0]
            for part in parts[1:]:
                total = total + part
            return total
        if isinstance(expr, (sympy.MatMul, sympy.Mul)):
            product = sympy.Integer(1)
            for arg in expr.args:
                product = product * self._value(arg)
            return product
        if isinstance(expr, sympy.Trace):
            return self._value(expr.arg).trace()
        if isinstance(expr, sympy.MatrixExpr):
            raise TypeError(f"{type(expr).__name__} is not worked out on instances")
        if isinstance(expr, sympy.Basic) and expr.has(sympy.MatrixSymbol, sympy.MatrixExpr):
            raise TypeError(f"{type(expr).__name__} of a matrix is not worked out on instances")
        scalars = {k: v for k, v in self.values.items() if not isinstance(k, sympy.MatrixSymbol)}
        return sympy.sympify(expr).xreplace(scalars).subs(self.sizes)


def _solutions(first: sympy.Matrix, entries: list, rng: random.Random) -> list[dict] | None:
    """Points of the unknown where every entry of `first` is 0: a particular solution, it moved along each direction
    that keeps `first` 0, and a random mix of them (the whole affine set, for a check that is affine in the unknown);
    None where `first` is not linear in the unknown or has no solution at these values."""
    try:
        system, target = sympy.linear_eq_to_matrix(list(first), entries)
    except (ValueError, sympy.PolynomialError, NotImplementedError):  # not linear in the unknown
        return None
    try:
        particular, free = system.gauss_jordan_solve(target)
    except ValueError:  # no solution at these values
        return None
    zero = {symbol: 0 for symbol in free}
    base = particular.xreplace(zero)
    points = [base]
    for symbol in free:
        points.append(particular.xreplace({**zero, symbol: 1}))
    if len(free):
        points.append(particular.xreplace({symbol: sympy.Rational(rng.randint(-9, 9), 5) for symbol in free}))
    return [dict(zip(entries, point)) for point in points]


def implication(first, second) -> tuple[str, str] | None:
    """('follows' | 'fails' | 'some sizes', the unknown's name): whether `second = 0` holds wherever `first = 0` does,
    decided by solving the first for a matrix both use at concrete sizes; 'some sizes' where it holds at some sizes
    and not at others (X^T v = 0 gives v = 0 only when X has no more rows than columns). None where no instance
    decides it."""
    shared = sorted(set(first.atoms(sympy.MatrixSymbol)) & set(second.atoms(sympy.MatrixSymbol)), key=lambda m: (m.shape[1] != 1, str(m)))
    sizes = _sizes(first, second)
    for unknown in shared:
        rng = random.Random(SEED)
        outcomes = set()
        for order in _orders(sizes):
            instance = _Instance(dict(zip(sizes, order)), rng)
            try:
                entries = instance.fill((first, second), unknown)
                points = _solutions(instance.explicit(first), entries, rng)
                if points is None:
                    continue
                second_here = instance.explicit(second)
                outcomes.add(all(sympy.simplify(entry.xreplace(point)) == 0 for point in points for entry in second_here))
            except INSTANCE_ERRORS:
                continue  # a singular inverse at these sizes, say: not an instance
        if outcomes:
            return ("follows" if outcomes == {True} else "fails" if outcomes == {False} else "some sizes"), str(unknown)
    return None


def vanishes(residual) -> bool:
    """The residual is the zero matrix at random values of every name, at each size assignment where it can be
    evaluated (and at one at least): an identity, not an equation to solve."""
    if isinstance(residual, sympy.ZeroMatrix) or isinstance(residual, sympy.MatrixBase) and residual.is_zero_matrix:
        return True
    if not residual.atoms(sympy.MatrixSymbol):
        return False
    rng = random.Random(SEED)
    outcomes = set()
    for order in _orders(_sizes(residual)):
        instance = _Instance(dict(zip(_sizes(residual), order)), rng)
        try:
            instance.fill((residual,), None)
            outcomes.add(all(sympy.simplify(entry) == 0 for entry in instance.explicit(residual)))
        except INSTANCE_ERRORS:
            continue
    return outcomes == {True}


def _orders(sizes: list) -> list[tuple]:
    """Size assignments to try: all different (no matrix square by accident), in several orders."""
    return list(itertools.islice(itertools.permutations(SIZES[:len(sizes) + 1], len(sizes)), ASSIGNMENTS))
