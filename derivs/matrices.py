"""Vector and matrix calculus: derivatives with respect to vectors and matrices, shapes, and the vector functions
students write (softmax of a vector, a sigmoid applied entry by entry, diag, a ones vector, an identity).

A derivative with respect to a vector or a matrix stays unevaluated (`MatrixDerivative`). Its value at a point
is sympy's closed form where its matrix calculus reaches (`closed_form`, which the symbolic proof of an equality
uses too), cross-checked against central finite differences at high precision (mpmath); elsewhere, or where the
two disagree, the differences are the value (off by about 10^-40 of it). `along_a_direction` turns a derivative
equation into the same equation along one random direction, two evaluations instead of two per entry.

Shapes are checked before values: `shape_problem` says, in the student's terms, why two operands do not fit,
and names the likely slip (a missing transpose, the wrong order of a product, an entrywise product for a
matrix product, a missing diag).
"""

from __future__ import annotations

import functools
import itertools

import mpmath
import sympy
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

__all__ = ["along_a_direction", "symbolic_entry", "MatrixDerivative", "Softmax", "closed_form", "shape_problem", "fit_sizes", "finish_sizes", "unsized_ones",
           "unsized_identity", "elementwise", "is_matrix", "shape_text", "explicit_closed_forms"]

FD_DIGITS = 60  # precision of the finite-difference cross-check of an exact derivative


def is_matrix(value) -> bool:
    return isinstance(value, (sympy.MatrixExpr, sympy.MatrixBase))


def one_entry(value):
    """A 1 x 1 matrix expression (u^T v) as the number it is, its one entry; any other value as it is."""
    if isinstance(value, sympy.MatrixExpr) and value.shape == (1, 1):
        return value[0, 0]
    return value


def _scalar_valued(value) -> bool:
    return not is_matrix(value) or value.shape == (1, 1)


class MatrixDerivative(sympy.MatrixExpr):
    """d f / d X for X a vector or matrix symbol. For a scalar f: the shape of X (denominator layout, the gradient
    \\nabla_X f). For a column f (k x 1) and a column x (n x 1): the k x n Jacobian (numerator layout)."""

    def __new__(cls, function, variable):
        function = sympy.sympify(function)
        if not isinstance(variable, sympy.MatrixSymbol):
            raise ValueError("a derivative is taken with respect to a named vector or matrix")
        if not _scalar_valued(function) and not (function.shape[1] == 1 and variable.shape[1] == 1):
            raise ValueError("the derivative of a matrix with respect to a matrix (a 4-way array) is not read: "
                             "differentiate a scalar, or a column vector with respect to a column vector")
        return sympy.Basic.__new__(cls, function, variable)

    function = property(lambda self: self.args[0])
    variable = property(lambda self: self.args[1])

    @property
    def shape(self):
        if _scalar_valued(self.function):
            return self.variable.shape
        return (self.function.shape[0], self.variable.shape[0])

    @property
    def is_jacobian(self) -> bool:
        return not _scalar_valued(self.function)

    def doit(self, **hints):  # stays a derivative: its value is taken at points, its closed form by `closed_form`
        function = self.function.doit(**hints) if hints.get("deep", True) else self.function
        return MatrixDerivative(function, self.variable)

    def _entry(self, i, j, **kwargs):
        """Entry (i, j) by index calculus (the indices may be symbols): d f_i / d x_j, or d f / d X_ij."""
        if self.is_jacobian:
            return sympy.diff(self.function._entry(i, 0, expand=False), self.variable[j, 0])
        function = self.function._entry(0, 0, expand=False) if is_matrix(self.function) else _traces_as_entries(self.function)
        return sympy.diff(function, self.variable[i, j])

    def value_at_point(self, point, walk):
        """The exact derivative at a point, as an mpmath matrix, confirmed by finite differences."""
        return _derivative_value(self, point, walk)


def along_a_direction(left, right):
    """d f/d X = R along a direction V (f scalar: <V, d f/d X> = <V, R>; f a column of a column x: J v = R v), as
    (left, right, extra symbols): the derivative of f(X + t V) in the 1 x 1 t, at t = 0, two evaluations of f where the
    whole derivative costs two per entry of X. A random V shows any difference of the two matrices with probability 1.
    None unless one side is the derivative itself and the other has its shape."""
    derivative, other = (left, right) if isinstance(left, MatrixDerivative) else (right, left)
    if not isinstance(derivative, MatrixDerivative) or not is_matrix(other) or other.shape != derivative.shape:
        return None
    variable = derivative.variable
    step = sympy.MatrixSymbol("t_{along}", 1, 1)
    direction = sympy.MatrixSymbol("V_{along}", *variable.shape)
    moved = derivative.function.xreplace({variable: variable + step[0, 0] * direction})
    along = MatrixDerivative(moved, step)
    shown = sympy.MatMul(other, direction) if derivative.is_jacobian else sympy.Trace(sympy.MatMul(sympy.Transpose(direction), other))
    return (along, shown, (step, direction)) if derivative is left else (shown, along, (step, direction))


def layouts(derivative: MatrixDerivative | None) -> tuple[str, str]:
    """The layout a derivative's own form is in, and the other one: a Jacobian's rows follow its function (numerator),
    a gradient is shaped like its variable (denominator)."""
    expected = "numerator" if derivative is not None and derivative.is_jacobian else "denominator"
    return expected, {"numerator": "denominator", "denominator": "numerator"}[expected]


_SUMMED = sympy.Dummy("d", integer=True, nonnegative=True)  # one index for every softmax's sum, so equal sums are equal


def _traces_as_entries(expr):
    """tr(A) as the sum of A's diagonal entries (the one entry of a 1 x 1 A): sympy's own rewrite costs seconds."""
    def entries(trace):
        matrix = trace.arg
        if matrix.shape == (1, 1):
            return matrix._entry(0, 0, expand=False)
        d = sympy.Dummy("d", integer=True, nonnegative=True)
        return sympy.Sum(matrix._entry(d, d, expand=False), (d, 0, matrix.shape[0] - 1))

    return expr.replace(lambda e: isinstance(e, sympy.Trace), entries) if isinstance(expr, sympy.Basic) else expr


class Softmax(sympy.MatrixExpr):
    """softmax(z) of a column or row vector: exp of each entry over the sum of them all."""

    def __new__(cls, argument):
        if not is_matrix(argument) or 1 not in argument.shape:
            raise ValueError("softmax takes a vector")
        return sympy.Basic.__new__(cls, argument)

    shape = property(lambda self: self.args[0].shape)

    def doit(self, **hints):
        argument = self.args[0].doit(**hints) if hints.get("deep", True) else self.args[0]
        if isinstance(argument, sympy.MatrixBase):  # an explicit vector: the softmax written out
            return Softmax(argument).as_explicit()
        return Softmax(argument)

    def _entry(self, i, j, **kwargs):
        z = self.args[0]
        if all(sympy.sympify(n).is_Integer for n in z.shape):  # a known size: the sum written out
            return sympy.exp(z[i, j]) / sympy.Add(*(sympy.exp(entry) for entry in z.as_explicit()))
        d = _SUMMED
        each = z[d, 0] if z.shape[1] == 1 else z[0, d]
        return sympy.exp(z[i, j]) / sympy.Sum(sympy.exp(each), (d, 0, max(z.shape) - 1))

    def value_at_point(self, point, walk):
        z = walk(self.args[0], point)
        exps = [mpmath.exp(z[r, c]) for r in range(z.rows) for c in range(z.cols)]
        total = mpmath.fsum(exps)
        return mpmath.matrix([[exps[r * z.cols + c] / total for c in range(z.cols)] for r in range(z.rows)])


_ENTRY, _INNER = sympy.Dummy("u", real=True), sympy.Dummy("w", real=True)


def elementwise(function, argument, primes: int = 0):
    """sigma(z), f'(z) of a vector or matrix z: the function applied to every entry."""
    u, w = _ENTRY, _INNER  # the same names every time, so sigma(z) read twice is the same expression
    body = function(u)
    if primes and isinstance(function, sympy.core.function.UndefinedFunction):  # sigma'(u), whatever sigma's definition
        body = sympy.Subs(sympy.Derivative(function(w), (w, primes)), w, u)
    elif primes:
        body = sympy.diff(body, u, primes)
    return ElementwiseApplyFunction(sympy.Lambda(u, body), argument)


# --- sizes a ones vector and an identity take from what they meet --------------------------------

_UNSIZED = sympy.Dummy("unsized", integer=True, positive=True)  # the length of \mathbf{1} or I before it meets a size


def unsized_ones():
    return sympy.OneMatrix(_UNSIZED, 1)


def unsized_identity():
    return sympy.Identity(_UNSIZED)


def _unsized(value) -> bool:
    return is_matrix(value) and _UNSIZED in getattr(value, "free_symbols", set()) | set(value.shape)


def fit_sizes(left, right, op: str):
    """\\mathbf{1} and I take their size from what they are added to or multiplied with: (left, right) resized."""
    if not (is_matrix(left) and is_matrix(right)) or not (_unsized(left) or _unsized(right)):
        return left, right
    for _ in range(2):  # I - p 1^T: the second side's size may come from the first once that one is sized
        pairs = [(left.shape[1], right.shape[0])] if op == "*" else list(zip(left.shape, right.shape))
        for a, b in pairs:
            if a == _UNSIZED and b != _UNSIZED:
                left = left.xreplace({_UNSIZED: b})
            elif b == _UNSIZED and a != _UNSIZED:
                right = right.xreplace({_UNSIZED: a})
    return left, right


def finish_sizes(value):
    """A ones vector or identity that met no size: its size cannot be told."""
    if isinstance(value, sympy.Basic) and _UNSIZED in value.free_symbols | {s for m in value.atoms(sympy.MatrixExpr) for s in m.shape}:
        raise ValueError("the size of \\mathbf{1} or I cannot be told here: write I_n, or use it beside a matrix")
    return value


# --- shapes ---------------------------------------------------------------------------------------


def shape_text(value) -> str:
    rows, cols = value.shape
    return f"{rows} x {cols}"


def _named(value) -> str:
    """A matrix expression as a student writes it on one line: W x, p^T, diag(p); a matrix written out by its entries,
    by its first row ([[1, 2, 3], ...]), never over several lines."""
    if isinstance(value, sympy.MatrixBase):
        first = ", ".join(sympy.sstr(entry) for entry in value.row(0)) if value.rows else ""
        return f"[[{first}]{', ...' if value.rows > 1 else ''}]"
    if isinstance(value, sympy.MatMul) and value.args[0] == -1:
        value = sympy.MatMul(*value.args[1:])  # the sign a subtraction gave it is no part of its shape
    value = value.replace(lambda e: isinstance(e, ElementwiseApplyFunction), lambda e: sympy.MatrixSymbol(_applied_name(e), *e.shape))
    written = sympy.sstr(value).replace(".T", "^T").replace("*", " ").replace("DiagMatrix", "diag").replace("Softmax", "softmax")
    return f"({written})" if isinstance(value, sympy.MatAdd) else written


def _applied_name(applied) -> str:
    """sigma'(z) for a function applied entry by entry, as a student writes it."""
    body = applied.function.expr
    primes = 0
    if isinstance(body, sympy.Subs):
        primes, body = body.expr.derivative_count, body.expr.expr
    name = getattr(getattr(body, "func", None), "__name__", "f")
    return f"{name}{chr(39) * primes}({_named(applied.expr)})"


def shape_problem(left, right, op: str) -> str | None:
    """Why left op right is not defined (op: "+", "*" a matrix product, "odot" an entrywise product), or None.
    Sizes compare as written: m and n are different sizes unless the problem says they are the same symbol."""
    if not (is_matrix(left) and is_matrix(right)):
        return None
    if op == "*":
        if left.shape[1] == right.shape[0]:
            return None
        said = (f"{_named(left)} has shape {shape_text(left)} but {_named(right)} has {shape_text(right)}: "
                f"a product needs the columns of the left ({left.shape[1]}) to match the rows of the right ({right.shape[0]})")
        if left.shape == right.shape:
            return said + "; an entrywise product (\\odot)?"
        return said + _product_hint(left, right)
    if left.shape == right.shape:
        return None
    said = f"{_named(left)} has shape {shape_text(left)} but {_named(right)} has {shape_text(right)}"
    if op == "odot":
        hint = "; an entrywise product (\\odot) needs equal shapes"
        if left.shape[1] == right.shape[0]:
            hint += " (\\odot where a matrix product was meant?)"
        return said + hint
    if left.shape == right.shape[::-1]:
        return said + ": a missing transpose?"
    if any(side.shape == (1, 1) and isinstance(side, sympy.MatMul) for side in (left, right)):
        return said + ": a product of two vectors in the wrong order? (u^T v is a number, u v^T a matrix)"
    square = next((side for side in (left, right) if side.shape[0] == side.shape[1]), None)
    vector = next((side for side in (left, right) if side.shape[1] == 1 and side is not square), None)
    if square is not None and vector is not None and vector.shape[0] == square.shape[0]:
        return said + ": a vector added to a square matrix (a missing \\operatorname{diag}?)"
    return said + ": only matrices of the same shape can be added"


def _product_hint(left, right) -> str:
    """The likely slip behind a product that is not defined; never the fix itself (that may be the answer)."""
    if right.shape[1] == left.shape[0]:
        return "; the factors in the wrong order?"
    if left.shape[0] == right.shape[0] or left.shape[1] == right.shape[1]:
        return "; a missing transpose?"
    return ""


def check_shapes(expr) -> str | None:
    """The first sum or product in an expression whose operands do not fit (sympy builds them unchecked), or None."""
    if not isinstance(expr, sympy.Basic):
        return None
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.MatAdd):
            first = node.args[0]
            for other in node.args[1:]:
                found = shape_problem(first, other, "+")
                if found:
                    return found
        elif isinstance(node, sympy.MatMul):
            matrices = [arg for arg in node.args if is_matrix(arg)]
            for a, b in zip(matrices, matrices[1:]):
                found = shape_problem(a, b, "*")
                if found:
                    return found
        elif isinstance(node, sympy.HadamardProduct):
            for other in node.args[1:]:
                found = shape_problem(node.args[0], other, "odot")
                if found:
                    return found
    return None


# --- derivatives: closed forms and exact values ----------------------------------------------------


def closed_form(derivative: MatrixDerivative):
    """sympy's matrix calculus for the derivative, as a matrix expression of its shape; None where it does not reach."""
    function, variable = derivative.function, derivative.variable
    if _entries_of(function, variable):  # sympy's matrix calculus takes w[i, 0] inside a sum for a constant (0)
        return None
    try:
        if derivative.is_jacobian:
            found = sympy.Transpose(function.diff(variable)).doit()  # sympy's vector-by-vector derivative is denominator layout
        else:
            scalar = sympy.Trace(function) if is_matrix(function) else function
            found = scalar.diff(variable)
    except Exception:  # sympy's matrix calculus raises assorted errors where it does not reach
        return None
    if not isinstance(found, sympy.MatrixExpr) or found.shape != derivative.shape or found.has(sympy.Derivative):
        return None
    return None if check_shapes(found) else found  # sympy's chain rule through an entrywise function can mix a row and a column


def _entries_of(function, variable) -> bool:
    """Whether the function holds single entries of the variable (the one entry of a 1 x 1 w^T x, written out as a
    sum of w[i, 0] x[i, 0]) rather than only matrix expressions of it."""
    from sympy.matrices.expressions.matexpr import MatrixElement

    return isinstance(function, sympy.Basic) and any(element.parent == variable for element in function.atoms(MatrixElement))


def explicit_closed_forms(expr):
    """Every MatrixDerivative in expr replaced by its closed form; None when one has none."""
    missing = []

    def replaced(node):
        found = closed_form(node)
        if found is None:
            missing.append(node)
            return node
        return found

    result = expr.replace(lambda e: isinstance(e, MatrixDerivative), replaced)
    return None if missing else result


def symbolic_entry(difference):
    """Entry (k, i) of a matrix expression at symbolic indices, worked out by index calculus: 0 for every k and i
    proves the matrices equal at every size (the softmax Jacobian is proved so)."""
    k, i = (sympy.Dummy(name, integer=True, nonnegative=True) for name in "ki")
    rows, cols = difference.shape
    entry = difference._entry(k if rows != 1 else 0, i if cols != 1 else 0, expand=False)  # sums kept as sums: no closed forms sought
    ranged = lambda e: isinstance(e, sympy.KroneckerDelta) and len(e.args) == 3  # noqa: E731
    entry = entry.replace(ranged, lambda e: sympy.KroneckerDelta(*e.args[:2]))
    entry = entry.replace(lambda e: isinstance(e, (sympy.Derivative, sympy.Subs)), lambda e: e.doit())  # sigma'(z) once sigma is in
    return canonical_sums(_deltas_summed(_written_out(entry)))


def _deltas_summed(expr):
    """Sums over a Kronecker delta's index collapsed (sum_d f(d) delta(d, k) = f(k)), innermost first; other sums kept
    as they are (sympy's search for their closed forms costs seconds and finds none)."""
    def collapsed(total):
        if len(total.limits) != 1:
            return total
        index = total.limits[0][0]
        function = total.function
        if any(index in delta.args for delta in function.atoms(sympy.KroneckerDelta)):
            function = sympy.expand_mul(function)  # the delta brought out to a term of its own
        terms = sympy.Add.make_args(function)
        if len(terms) > 1:
            return sympy.Add(*(collapsed(sympy.Sum(term, *total.limits)) for term in terms))
        for factor in sympy.Mul.make_args(function):
            if isinstance(factor, sympy.KroneckerDelta) and index in factor.args:
                other = factor.args[1] if factor.args[0] == index else factor.args[0]
                if index not in other.free_symbols:
                    return (function / factor).xreplace({index: other})
        return total

    return expr.replace(lambda e: isinstance(e, sympy.Sum), collapsed)


def _outside_sums(expr):
    """A sum of terms split into sums of each, and factors that do not depend on a sum's index taken out of it,
    innermost sums first."""
    def pulled(total):
        (index, *_), = total.limits
        if isinstance(total.function, sympy.Add):  # a sum of terms: each term summed on its own
            return sympy.Add(*(pulled(sympy.Sum(term, *total.limits)) for term in total.function.args))
        factors = sympy.Mul.make_args(total.function)
        inside = [f for f in factors if index in f.free_symbols]
        outside = [f for f in factors if index not in f.free_symbols]
        return sympy.Mul(*outside) * sympy.Sum(sympy.Mul(*inside), *total.limits) if outside and inside else total

    return expr.replace(lambda e: isinstance(e, sympy.Sum) and len(e.limits) == 1, pulled)


_DEPTH_INDICES = [sympy.Dummy(f"s{depth}", integer=True, nonnegative=True) for depth in range(16)]


def canonical_sums(expr, depth: int = 0):
    """Each sum's index renamed by its depth of nesting, so two sums of the same thing are the same sum (sympy names
    the index of every matrix product afresh); an inner sum gets the next name, so no index is captured. A limit
    over a few known values (the one term of a 1 x 1 trace) is written out."""
    if not isinstance(expr, sympy.Basic) or not expr.has(sympy.Sum) or depth >= len(_DEPTH_INDICES) - 4:
        return expr
    if depth == 0:
        expr = _outside_sums(_written_out(expr))
    if not isinstance(expr, sympy.Sum):
        return expr.func(*(canonical_sums(arg, depth) for arg in expr.args))
    count = len(expr.limits)
    names = {index: _DEPTH_INDICES[depth + count - 1 - place] for place, (index, _, _) in enumerate(expr.limits)}
    body = canonical_sums(expr.function.xreplace(names), depth + count)
    return sympy.Sum(body, *((names[index], low, high) for index, low, high in expr.limits))


def _written_out(expr):
    """A sum's limits over a few known values (the one term of a 1 x 1 trace) written out as terms."""
    def written(total):
        known = [limit for limit in total.limits if limit[1].is_Integer and limit[2].is_Integer and limit[2] - limit[1] < 8]
        if not known:
            return total
        kept = [limit for limit in total.limits if limit not in known]
        ranges = [range(int(low), int(high) + 1) for _, low, high in known]
        terms = sympy.Add(*(total.function.xreplace({limit[0]: value for limit, value in zip(known, values)}) for values in itertools.product(*ranges)))
        return sympy.Sum(terms, *kept) if kept else terms

    return expr.replace(lambda e: isinstance(e, sympy.Sum), written)


def _sizes(point) -> dict:
    return {s: v for s, v in point.items() if isinstance(s, sympy.Symbol) and getattr(v, "is_Integer", False)}


@functools.lru_cache(maxsize=256)
def _closed_form(node: MatrixDerivative):
    return closed_form(node)


def _derivative_value(node: MatrixDerivative, point, walk):
    """sympy's closed form where its matrix calculus reaches, confirmed by finite differences; else the central
    differences at FD_DIGITS digits are the value: off by about 10^-40 of it, far below the 15 digits values are
    compared to. (sympy's derivative of the entries at each point's sizes cost most of a matrix step's CPU: a step
    that needed 2.4 s of its 3 s that way needs 1.4 s by differences, and kept its verdict on a loaded core.) A closed
    form the differences disagree with (when they agree with themselves at another step) is never used again (sympy
    gives 0 for d log det(X) / dX): they are the value."""
    form = None if node in _DISAGREED else _closed_form(node)
    if form is None:
        return _by_differences(node, point, walk)
    exact = walk(form, point)
    settled = (node, tuple(sorted(_sizes(point).items(), key=str)))
    if _CONFIRMED.get(settled, 0) < CONFIRMATIONS:
        slope = _by_differences(node, point, walk)
        if not _agree(slope, exact):
            if not _agree(_by_differences(node, point, walk, sympy.Rational(1, 10 ** (FD_DIGITS // 4))), slope):
                from .evaluation import Unsupported  # differences that change with their step (a kink at hand): no value at all
                raise Unsupported("the exact derivative and its finite differences disagree")
            if len(_DISAGREED) > 1024:
                _DISAGREED.clear()
            _DISAGREED.add(node)
            return slope
        if len(_CONFIRMED) > 1024:
            _CONFIRMED.clear()
        _CONFIRMED[settled] = _CONFIRMED.get(settled, 0) + 1
    return exact


# An exact derivative (one symbolic form at given sizes) that agreed with its differences to 15 digits at this many
# random points is that form's value: a wrong form agrees at random points with probability 0. Differences cost twice
# the evaluation per entry, so checking every point of every decision made them most of a matrix step's time.
CONFIRMATIONS = 3
_CONFIRMED: dict = {}
_DISAGREED: set = set()  # derivatives whose closed form the differences showed wrong


def _matrix_at(point, variable):
    from .evaluation import Unsupported

    for key, value in point.items():
        if isinstance(key, sympy.MatrixSymbol) and key == variable:
            return value
    raise Unsupported(f"no value for {variable}")


def _by_differences(node: MatrixDerivative, point, walk, step=sympy.Rational(1, 10 ** (FD_DIGITS // 3))):
    """The derivative by central differences (step 10^-20) at FD_DIGITS digits, laid out as the exact one: d f_a/d x_b
    in row a, column b for a Jacobian, d f/d X_rc in place (r, c) for a scalar function."""
    key = node.variable
    base = _matrix_at(point, key)
    slopes = {}
    with mpmath.workdps(FD_DIGITS):
        for r in range(base.rows):
            for c in range(base.cols):
                bump = sympy.zeros(base.rows, base.cols)
                bump[r, c] = step
                ahead = walk(node.function, _moved(point, key, base + bump))
                behind = walk(node.function, _moved(point, key, base - bump))
                slopes[r, c] = (_scalar_or_column(ahead) - _scalar_or_column(behind)) / (2 * _mp(step))
    if node.is_jacobian:
        height = slopes[0, 0].rows
        return mpmath.matrix([[slopes[b, 0][a, 0] for b in range(base.rows)] for a in range(height)])
    return mpmath.matrix([[slopes[r, c][0, 0] for c in range(base.cols)] for r in range(base.rows)])


def _agree(slope, exact) -> bool:
    """Central differences and an exact derivative agree to 15 digits (relative) in every entry."""
    return all(abs(slope[a, b] - exact[a, b]) <= mpmath.mpf(10) ** (-FD_DIGITS // 4) * max(1, abs(exact[a, b]))
               for a in range(exact.rows) for b in range(exact.cols))


def _moved(point, key, value) -> dict:
    moved = dict(point)
    moved[key] = sympy.ImmutableMatrix(value)
    return moved


def _scalar_or_column(value):
    if isinstance(value, mpmath.matrix):
        return value if value.cols == 1 else value.T
    return mpmath.matrix([[value]])


def _mp(rational):
    return mpmath.mpf(int(rational.p)) / int(rational.q)

