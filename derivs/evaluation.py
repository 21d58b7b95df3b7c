"""A sympy expression's value at a point, by walking its tree into mpmath.

Student answers are evaluated here: no code is generated from them (no lambdify, no eval),
and each node becomes one mpmath operation at the working precision. A node this walk does
not know (an unevaluated derivative, an integral, a matrix) raises Unsupported, and the
caller falls back to sympy's evalf. Precision is the caller's: every rounding is ~10^-dps
relative, so a difference is believed only when it survives a higher precision.
"""

from __future__ import annotations

import functools
import operator
from typing import Mapping

import mpmath
import sympy
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.diagonal import DiagMatrix
from sympy.matrices.expressions.matexpr import MatrixElement

MAX_TERMS = 10_000  # a Sum or Product over more terms than this is left to sympy
MAX_PATTERN_CELLS = 10_000  # entries of a patterned vector (x_1, \dots, x_K) worked out at a point


class Unsupported(Exception):
    """The walk does not know this node (or a value is missing): use sympy's evalf instead."""


class NoValue(Unsupported):
    """A symbol the point gives no value (a free j beside a sum over j): evalf may know more only
    where the walk met a symbol that something it does not know (an integral) binds."""

    def __init__(self, symbol):
        super().__init__(f"no value for {symbol}")
        self.symbol = symbol


def _heaviside(x, at_zero):
    if x == 0:
        return _rational(at_zero)
    return mpmath.mpf(1) if x > 0 else mpmath.mpf(0)


def _sign(x):
    if isinstance(x, mpmath.mpc):
        return x / abs(x) if x != 0 else mpmath.mpf(0)
    return mpmath.mpf((x > 0) - (x < 0))


def as_scalar(x):
    """A 1 x 1 matrix where a number stands (w^T x inside exp, or added to a number) is that number."""
    if isinstance(x, mpmath.matrix) and x.rows == 1 and x.cols == 1:
        return x[0, 0]
    return x


def _sum_of(values: list):
    """A sum's terms added: numbers by fsum; vectors or matrices (\\sum_i (w^T x_i) x_i) entry by entry, all of one
    shape, a 1 x 1 one counting as its number."""
    values = [as_scalar(value) for value in values]
    arrays = [value for value in values if isinstance(value, mpmath.matrix)]
    if not arrays:
        return mpmath.fsum(values)
    if len(arrays) != len(values) or len({(a.rows, a.cols) for a in arrays}) != 1:
        raise Unsupported("a sum of terms of different shapes")
    total = arrays[0]
    for value in arrays[1:]:
        total = total + value
    return total


def _real(x):
    x = as_scalar(x)
    if isinstance(x, mpmath.mpc):
        if x.imag != 0:
            raise Unsupported("a comparison of complex values")
        return x.real
    return x


def _exact_integer(x) -> int:
    value = _real(x)
    nearest = mpmath.nint(value)
    if abs(value - nearest) > mpmath.mpf(10) ** (-mpmath.mp.dps // 2):
        raise Unsupported("not an integer")
    return int(nearest)


ONE_ARGUMENT = {
    sympy.exp: mpmath.exp, sympy.log: mpmath.log, sympy.sin: mpmath.sin, sympy.cos: mpmath.cos,
    sympy.tan: mpmath.tan, sympy.cot: mpmath.cot, sympy.sec: mpmath.sec, sympy.csc: mpmath.csc,
    sympy.asin: mpmath.asin, sympy.acos: mpmath.acos, sympy.atan: mpmath.atan, sympy.acot: mpmath.acot,
    sympy.asec: mpmath.asec, sympy.acsc: mpmath.acsc, sympy.sinh: mpmath.sinh, sympy.cosh: mpmath.cosh,
    sympy.tanh: mpmath.tanh, sympy.coth: mpmath.coth, sympy.sech: mpmath.sech, sympy.csch: mpmath.csch,
    sympy.asinh: mpmath.asinh, sympy.acosh: mpmath.acosh, sympy.atanh: mpmath.atanh, sympy.acoth: mpmath.acoth,
    sympy.asech: mpmath.asech, sympy.acsch: mpmath.acsch, sympy.Abs: abs, sympy.sign: _sign,
    sympy.floor: lambda x: mpmath.floor(_real(x)), sympy.ceiling: lambda x: mpmath.ceil(_real(x)),
    sympy.factorial: mpmath.factorial, sympy.gamma: mpmath.gamma, sympy.erf: mpmath.erf,
    sympy.erfc: mpmath.erfc, sympy.re: mpmath.re, sympy.im: mpmath.im,
}
COMPARISONS = {sympy.StrictLessThan: operator.lt, sympy.LessThan: operator.le, sympy.StrictGreaterThan: operator.gt,
               sympy.GreaterThan: operator.ge}


def value_at(expr, point: Mapping, dps: int):
    """expr at the point (symbols and indexed entries to exact rationals), to about `dps` digits."""
    with mpmath.workdps(dps):
        return _walk(expr, _Point(point))


class _Point(dict):
    """A point's values, and the values of the subtrees met so far (a network's gradient repeats
    its exponentials hundreds of times: each is computed once)."""

    def __init__(self, values: Mapping):
        super().__init__(values)
        self.seen: dict = {}
        # a sum's terms copy their point once per term: the entries are worked out once, on the point they copy
        self._entries = values.entries() if isinstance(values, _Point) else None

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        if isinstance(key, sympy.Indexed):
            self._entries = None  # an entry given here: the table is built again, with it

    def entries(self) -> dict:
        """The indexed values by (base, whole-number indices), built once per point."""
        if self._entries is None:
            self._entries = {(key.base, tuple(int(i) for i in key.indices)): value
                             for key, value in self.items() if isinstance(key, sympy.Indexed) and all(i.is_Integer for i in key.indices)}
        return self._entries


def _walk(node, point: "_Point"):
    if node.args and not isinstance(node, (sympy.Sum, sympy.Product)):
        known = point.seen.get(node)
        if known is None:
            known = point.seen[node] = _walk_node(node, point)
        return known
    return _walk_node(node, point)


def _walk_node(node, point: "_Point"):
    if node.is_Matrix or isinstance(node, sympy.MatrixExpr):
        return _matrix(node, point)
    if isinstance(node, sympy.Trace):
        value = _walk(node.arg, point)
        return mpmath.fsum(value[k, k] for k in range(value.rows))
    if isinstance(node, sympy.Determinant):
        return mpmath.det(_walk(node.arg, point))
    if node.is_Number:
        if node.is_Rational:
            return _rational(node)
        if node.is_Float:
            return mpmath.mpf(node)
        raise Unsupported(f"the number {node}")
    if node.is_Symbol:
        try:
            return _rational(point[node])
        except KeyError:
            raise NoValue(node) from None
    if isinstance(node, sympy.Indexed):
        return _entry(node, point)
    if isinstance(node, MatrixElement):  # (X X^T)_{11}: the matrix worked out, then its entry
        return _matrix_entry(node, point)
    if node.is_Add:
        return mpmath.fsum(as_scalar(_walk(arg, point)) for arg in node.args)
    if node.is_Mul:
        total = mpmath.mpf(1)
        for arg in node.args:
            total *= as_scalar(_walk(arg, point))
        return total
    if node.is_Pow:
        return _power(node, point)
    kind = type(node)
    if kind in ONE_ARGUMENT:
        return ONE_ARGUMENT[kind](as_scalar(_walk(node.args[0], point)))
    if node is sympy.pi:
        return +mpmath.pi
    if node is sympy.E:
        return mpmath.e()
    if kind is sympy.Heaviside:
        at_zero = node.args[1] if len(node.args) > 1 else sympy.S.Half
        return _heaviside(_real(_walk(node.args[0], point)), at_zero)
    if kind in (sympy.Max, sympy.Min):
        values = [_real(_walk(arg, point)) for arg in node.args]
        return max(values) if kind is sympy.Max else min(values)
    if kind is sympy.KroneckerDelta:
        return mpmath.mpf(_exact_integer(_walk(node.args[0], point)) == _exact_integer(_walk(node.args[1], point)))
    if kind is sympy.binomial:
        return mpmath.binomial(_walk(node.args[0], point), _walk(node.args[1], point))
    if kind is sympy.Piecewise:
        for expr, condition in node.args:
            if _holds(condition, point):
                return _walk(expr, point)
        raise Unsupported("no case of the Piecewise applies")
    if isinstance(node, (sympy.Sum, sympy.Product)):  # HeldSum too
        return _big_operator(node, point)
    if kind is sympy.Derivative:
        return _walk(_worked_out(node), point)
    if kind is sympy.Subs:
        return _substituted(node, point)
    raise Unsupported(type(node).__name__)


@functools.lru_cache(maxsize=1024)
def _worked_out(derivative):
    """A derivative of known functions, taken symbolically (cheap, and once); one left unevaluated (an unknown
    function's) has no value here."""
    done = derivative.doit()
    if done.has(sympy.Derivative):
        raise Unsupported("a derivative of an unknown function")
    return done


def _substituted(node, point):
    """Subs(f'(xi), xi, a) (what the chain rule leaves): f' worked out, then walked with xi at a's value."""
    expr = _worked_out(node.expr) if isinstance(node.expr, sympy.Derivative) else node.expr
    inner = _Point(point)
    for variable, at in zip(node.variables, node.point):
        inner[variable] = _walk(at, point)
    return _walk(expr, inner)


_MATRICES: dict = {}


def _matrix_value(value):
    """A sampled matrix of rationals as an mpmath matrix, converted once per precision (never mutated)."""
    key = (id(value), mpmath.mp.dps)
    known = _MATRICES.get(key)
    if known is None or known[0] is not value:
        if len(_MATRICES) > 4096:
            _MATRICES.clear()
        known = _MATRICES[key] = (value, mpmath.matrix([[_rational(entry) for entry in row] for row in value.tolist()]))
    return known[1]


def _matrix(node, point):
    """Matrix expressions: products in their order, sums, transposes, inverses, entrywise products, diag, ones,
    identities, functions applied entry by entry; a node that knows its own value (a derivative) gives it."""
    if hasattr(node, "value_at_point"):
        return node.value_at_point(point, _walk_anywhere)
    if isinstance(node, (sympy.OneMatrix, sympy.ZeroMatrix, sympy.Identity)):
        rows, cols = (int(_exact_integer(_walk(n, point))) for n in node.shape)
        fill = 0 if isinstance(node, sympy.ZeroMatrix) else 1
        return mpmath.eye(rows) if isinstance(node, sympy.Identity) else mpmath.matrix([[fill] * cols for _ in range(rows)])
    if isinstance(node, sympy.FunctionMatrix):  # (x_1, \\dots, x_K) as a K x 1 column: its entries at the point's K
        rows, cols = (int(_exact_integer(_walk(n, point))) for n in node.shape)
        if rows * cols > MAX_PATTERN_CELLS:
            raise NoValue(node)
        return mpmath.matrix([[_walk(node.lamda(r, c), point) for c in range(cols)] for r in range(rows)])
    if isinstance(node, DiagMatrix):
        vector = _walk(node.args[0], point)
        entries = [vector[r, c] for r in range(vector.rows) for c in range(vector.cols)]
        return mpmath.diag(entries)
    if isinstance(node, ElementwiseApplyFunction):
        return _entrywise(node, point)
    if isinstance(node, sympy.MatrixSymbol):
        value = point.get(node)
        if value is None:
            raise NoValue(node)
        return _matrix_value(value)
    if isinstance(node, sympy.MatrixBase):
        return mpmath.matrix([[_walk(entry, point) for entry in node.row(r)] for r in range(node.rows)])
    if isinstance(node, sympy.MatMul):
        total = None
        for arg in node.args:
            value = _walk(arg, point)
            total = value if total is None else total * value
        return total
    if isinstance(node, sympy.MatAdd):
        values = [_walk(arg, point) for arg in node.args]
        total = values[0]
        for value in values[1:]:
            total = total + value
        return total
    if isinstance(node, sympy.Transpose):
        return _walk(node.arg, point).T
    if isinstance(node, sympy.Inverse):
        return mpmath.inverse(_walk(node.arg, point))
    if isinstance(node, sympy.HadamardProduct):
        values = [_walk(arg, point) for arg in node.args]
        total = values[0].copy()
        if any((value.rows, value.cols) != (total.rows, total.cols) for value in values):
            raise Unsupported("an entrywise product of matrices of different shapes")
        for value in values[1:]:
            for r in range(total.rows):
                for c in range(total.cols):
                    total[r, c] *= value[r, c]
        return total
    if isinstance(node, sympy.MatPow) and node.exp.is_Integer:
        return _walk(node.base, point) ** int(node.exp)
    raise Unsupported(type(node).__name__)


def _entrywise(node, point):
    """f applied to every entry: the function's body walked with its variable at each entry's value."""
    argument = _walk(node.expr, point)
    (variable,) = node.function.variables
    body = node.function.expr
    if body.has(sympy.Derivative):  # sigma'(z) once sigma's definition is in: worked out once, not per entry
        body = body.doit()
    result = argument.copy()
    inner = _Point(point)  # one copy of the point; its memo of subtrees is emptied for each entry's value
    for r in range(argument.rows):
        for c in range(argument.cols):
            inner[variable] = argument[r, c]
            inner.seen = {}
            result[r, c] = _walk(body, inner)
    return result


def _walk_anywhere(expr, point):
    """The walk, from a point that may be a plain mapping (a derivative's cross-check moves one value)."""
    return _walk(expr, point if isinstance(point, _Point) else _Point(point))


def _entry(node, point: "_Point"):
    """x[i] with i bound by a sum or set by the point: look up the entry x[3]."""
    if node in point:
        return _rational(point[node])
    indices = tuple(_index(index, point) for index in node.indices)
    try:
        return _rational(point.entries()[(node.base, indices)])
    except KeyError:
        raise NoValue(node) from None  # w[6] of a vector sampled with 3 entries: evalf has no value for it either


def _index(index, point: "_Point") -> int:
    if index.is_Integer:
        return int(index)
    if index.is_Symbol and point.get(index) is not None and getattr(point[index], "is_Integer", False):
        return int(point[index])
    return _exact_integer(_walk(index, point))


def _rational(value):
    if isinstance(value, (mpmath.mpf, mpmath.mpc)):  # a value the walk computed (Subs, an entry inside a function applied entry by entry)
        return value
    if isinstance(value, sympy.Rational):
        return mpmath.mpf(int(value.p)) / int(value.q)
    if isinstance(value, (int,)):
        return mpmath.mpf(value)
    if isinstance(value, sympy.Basic) and value.is_Number:
        return _walk(value, _Point({}))
    raise Unsupported("a value that is not a number")


def _power(node, point):
    base, exponent = node.args
    if exponent.is_Integer:
        value = as_scalar(_walk(base, point))
        n = int(exponent)
        if value == 0 and n < 0:
            raise Unsupported("division by zero")
        return value**n
    if exponent == sympy.S.Half:
        return mpmath.sqrt(as_scalar(_walk(base, point)))
    base_value = as_scalar(_walk(base, point))
    if base_value == 0:
        raise Unsupported("0 to a non-integer power")
    return mpmath.power(base_value, as_scalar(_walk(exponent, point)))


def _holds(condition, point) -> bool:
    if condition is sympy.true:
        return True
    if condition is sympy.false:
        return False
    kind = type(condition)
    if kind in COMPARISONS:
        return COMPARISONS[kind](_real(_walk(condition.args[0], point)), _real(_walk(condition.args[1], point)))
    if kind is sympy.Eq:
        return _walk(condition.args[0], point) == _walk(condition.args[1], point)
    if kind is sympy.Ne:
        return _walk(condition.args[0], point) != _walk(condition.args[1], point)
    if kind is sympy.And:
        return all(_holds(arg, point) for arg in condition.args)
    if kind is sympy.Or:
        return any(_holds(arg, point) for arg in condition.args)
    if kind is sympy.Not:
        return not _holds(condition.args[0], point)
    raise Unsupported(f"the condition {condition}")


def _matrix_entry(node, point):
    value = _walk(node.parent, point)
    row, column = _exact_integer(_walk(node.i, point)), _exact_integer(_walk(node.j, point))
    if not isinstance(value, mpmath.matrix):
        raise Unsupported("an entry of what is not a matrix")
    if not (0 <= row < value.rows and 0 <= column < value.cols):  # the sizes sampled do not fit the entry asked for
        raise Unsupported(f"entry ({row}, {column}) of a {value.rows} x {value.cols} matrix")
    return value[row, column]


def _big_operator(node, point):
    body, *limits = node.args
    if len(limits) > 1:  # \\sum_{i,j}: the first limit is the innermost
        body = type(node)(body, *limits[:-1])
    variable, low, high = limits[-1]
    low, high = _exact_integer(_walk(low, point)), _exact_integer(_walk(high, point))
    if high - low + 1 > MAX_TERMS:
        raise Unsupported("too many terms")
    values = []
    for n in range(low, high + 1):
        inner = _Point(point)  # the bound variable changes: subtrees are not shared across terms
        inner[variable] = sympy.Integer(n)
        values.append(_walk(body, inner))
    if isinstance(node, sympy.Sum):
        return _sum_of(values)
    total = mpmath.mpf(1)
    for value in values:
        total *= value
    return total
