"""Symbolic proof that two expressions are equal: an ordered ladder of rewrites, cheapest first.

Each strategy turns lhs - rhs into something; the claim is proved when that is zero.
The first strategy that succeeds is recorded as the proof's method.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

import sympy
from sympy import Expr, Interval, Set

from .matrices import MatrixDerivative, canonical_sums, explicit_closed_forms, symbolic_entry
from .model import doit_outside_limits, pieces, rename_bound
from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

DEFAULT_BUDGET = 20.0


@dataclass(frozen=True)
class Proof:
    proved: bool
    method: str  # the strategy that proved it, or why none did
    seconds: float
    cases: int = 1  # how many cases the domain was split into
    refuted: bool = False  # a rung reduced the difference to a nonzero number: the two differ everywhere


class _Refuted(Exception):
    """A rung that keeps the difference's zeros reduced it to a nonzero number (e^{-1000}: below any numeric tolerance)."""

    def __init__(self, method: str, value):
        super().__init__(method)
        self.method, self.value = method, value


# Rungs whose result is zero exactly where the difference is (or the difference over a common denominator,
# or with exponentials as independent positive symbols): a nonzero number from one of them refutes the claim.
# Not "expand" (forced: log(ab) = log a + log b even where that is false) nor the rungs that return 0 or d.
REFUTING = frozenset({"exponential atoms", "cancel", "together", "rewrite exp", "trigsimp", "piecewise", "simplify"})
WHOLE_DIFFERENCE = frozenset({"cancel", "trigsimp", "piecewise", "simplify"})  # of those, the ones whose result is the difference itself


def _nonzero_number(value) -> bool:
    return isinstance(value, sympy.Expr) and value.is_number and value.is_zero is False and value.is_finite is True and not value.has(sympy.nan, sympy.zoo)


def _numerator_expanded(d):
    """The numerator of d over a common denominator, expanded: 0 exactly when it vanishes identically."""
    numerator, _ = sympy.together(d).as_numer_denom()
    if _vanishes_as_polynomial(numerator):
        return sympy.Integer(0)
    return sympy.expand(numerator, power_exp=True)  # exp(a + b) = exp(a) exp(b) and the like, which the ring does not know


def _vanishes_as_polynomial(expr) -> bool:
    """expr is the zero polynomial in its generators (symbols, and every other non-polynomial piece taken as
    an independent one): sparse polynomial arithmetic, many times faster than expanding the expression.

    Sound: a polynomial that vanishes for independent generators vanishes for any values of them.
    """
    generators: dict = {}

    def collect(node):
        if node.is_Number:
            return
        if node.is_Add or node.is_Mul:
            for arg in node.args:
                collect(arg)
        elif node.is_Pow and node.exp.is_Integer and node.exp > 0:
            collect(node.base)
        else:
            generators.setdefault(node, None)

    try:
        collect(expr)
        if not generators:
            return expr == 0
        ring, *_ = sympy.ring(list(generators), sympy.QQ)
        return ring.from_expr(expr) == 0
    except (ValueError, TypeError, sympy.polys.polyerrors.PolynomialError, sympy.polys.polyerrors.CoercionFailed):
        return False


def _exp_rewrite(d):
    return _numerator_expanded(d.rewrite(sympy.exp))


def _matrix_expand(d):
    if d.has(MatrixDerivative):  # expanding cannot take a derivative out, and costs seconds on a network's loss
        return d
    return sympy.expand(d).doit()


def _matrix_calculus(d):
    """Derivatives with respect to vectors and matrices by sympy's matrix calculus, then expanded."""
    if not d.has(MatrixDerivative):
        return d
    closed = explicit_closed_forms(d)
    return d if closed is None else sympy.expand(closed).doit()


def _entries_by_index(d):
    """Entry (k, i) at symbolic indices, by index calculus, simplified: 0 proves it at every size."""
    entry = symbolic_entry(d)
    if entry == 0:
        return entry
    entry = sympy.simplify(entry)
    return entry if entry == 0 else sympy.simplify(canonical_sums(entry))  # sums pulled out of others: renamed again


def _explicit_matrix(d):
    return sympy.simplify(d.as_explicit())


def _integer_ceiling(d):
    """ceil(p/q) = floor((p + q - 1)/q) for integers p and q > 0; floor then takes out whole parts."""
    def as_floor(ceiling):
        numerator, denominator = sympy.together(ceiling.args[0]).as_numer_denom()
        if numerator.is_integer and denominator.is_integer and denominator.is_positive:
            return sympy.floor(sympy.expand((numerator + denominator - 1) / denominator))
        return ceiling

    if not d.has(sympy.floor, sympy.ceiling):
        return d
    rewritten = d.replace(lambda e: isinstance(e, sympy.ceiling), as_floor)
    return sympy.expand(rewritten.replace(lambda e: isinstance(e, sympy.floor), lambda f: sympy.floor(sympy.expand(f.args[0]))))


HYPERBOLIC = (sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)


def _exponential_atoms(d):
    """Hyperbolic functions in exponentials; exp(c p), for each primitive argument p, becomes u_p^(c L)
    with a fresh symbol u_p standing for exp(p / L); then clear denominators.

    Sound because exp(c p) = exp(p / L)^(c L) for an integer c L, and a rational function that
    vanishes for independent symbols vanishes at any values; fast where exp-heavy networks
    make cancel or simplify crawl, and tanh(x) meets 1/(1 + e^{-2x}) in one symbol.
    """
    d = d.replace(lambda e: isinstance(e, HYPERBOLIC), lambda e: e.rewrite(sympy.exp))
    bases: dict = {}  # primitive p -> [symbol for exp(p), lcm of the contents' denominators]
    # inside out (an exp's argument may hold another): exp(c p) -> e_p^c, a positive symbol e_p for exp(p)
    def atom(power):
        content, primitive = _content_and_primitive(power.args[0])
        base = bases.setdefault(primitive, [sympy.Dummy("e", positive=True), 1])
        base[1] = sympy.ilcm(base[1], content.q)
        return base[0] ** content

    powers = d.replace(lambda e: isinstance(e, sympy.exp), atom)
    # e_p = u_p^L makes every power whole: exp(c p) = u_p^(c L), u_p = exp(p / L) > 0
    whole = {symbol: sympy.Dummy("u", positive=True) ** lcm for symbol, lcm in bases.values()}
    return _numerator_expanded(powers.xreplace(whole))


def _content_and_primitive(argument) -> tuple:
    """-4x - 2 -> (-2, 2x + 1): a rational times an argument whose sign and scale are fixed."""
    content, primitive = sympy.expand(argument).as_content_primitive()
    if primitive.could_extract_minus_sign():
        content, primitive = -content, -primitive
    return sympy.Rational(content), primitive


def _sum_level(expr) -> int:
    """How deeply Sums nest in expr: 0 without any."""
    return max((1 + _sum_level(s.function) for s in expr.atoms(sympy.Sum)), default=0)


def _split_sum(total):
    """Sum of a + b -> Sum(a) + Sum(b), constants pulled out, the index renamed by nesting level.

    The canonical index lets Sum(q_m, m) and Sum(q_j, j) cancel; finite sums allow all of it.
    """
    (index, low, high), = total.limits
    result = sympy.Integer(0)
    for term in sympy.Add.make_args(sympy.expand(total.function)):
        constant, varying = term.as_independent(index, as_Add=False)
        if varying == 1:
            result += constant * (high - low + 1)
        else:
            canonical = sympy.Symbol(f"n_{1 + _sum_level(varying)}", integer=True)
            result += constant * sympy.Sum(varying.xreplace({index: canonical}), (canonical, low, high))
    return result


def _merged_sums(d):
    """c1 Sum(f, (n, a, b)) + c2 Sum(g, (m, a, b)) -> Sum(c1 f + c2 g) over one fresh index.

    Returns the groups' summands and the sum-free rest; the difference is zero if every one is.
    """
    groups: dict = {}
    rest = sympy.Integer(0)
    for term in sympy.Add.make_args(sympy.expand(d)):
        totals = [f for f in sympy.Mul.make_args(term) if isinstance(f, sympy.Sum)]
        if len(totals) != 1 or len(totals[0].limits) != 1:
            rest += term
            continue
        (index, low, high), = totals[0].limits
        common = groups.setdefault((low, high), [sympy.Dummy("n", integer=True), sympy.Integer(0)])
        coefficient = term / totals[0]
        if coefficient.has(index):
            return None
        common[1] += coefficient * totals[0].function.xreplace({index: common[0]})
    return [summand for _, summand in groups.values()], rest


def _finite_sums(d):
    """Split, tidy and merge finite sums; then each merged summand must vanish on its own."""
    if not d.has(sympy.Sum):
        return d
    d = d.replace(lambda e: isinstance(e, sympy.Sum) and len(e.limits) == 1, _split_sum)
    if is_zero(sympy.cancel(d)):
        return sympy.Integer(0)
    merged = _merged_sums(d)
    if merged is None:
        return d
    summands, rest = merged
    if not is_zero(sympy.cancel(rest)):
        return d
    for summand in summands:
        summand = _sums_as_symbols(summand)
        if not (is_zero(_exp_rewrite(summand)) or is_zero(sympy.simplify(summand))):
            return d
    return sympy.Integer(0)


def _delta_cases(d):
    """delta_{ki} in the difference: prove it zero with k = i put in, and again with delta_{ki} = 0.

    Sound: the first case is every point where k = i; the second proves more than the points
    where k != i need. Each case goes down the cheap rungs; nested deltas split again.
    """
    delta = next((e for e in sympy.preorder_traversal(d) if isinstance(e, sympy.KroneckerDelta)), None)
    if delta is None:
        return d
    first, second = delta.args
    if not (second.is_Symbol or first.is_Symbol):
        return d
    same = {second: first} if second.is_Symbol else {first: second}
    d = rename_bound(d, {first, second})  # a sum over k must not capture the i put in for k
    for case in (d.xreplace(same), d.xreplace({delta: sympy.Integer(0)})):
        if not (case == 0 or any(is_zero(rewrite(case)) for _, rewrite in CASE_STRATEGIES)):
            return d
    return sympy.Integer(0)


def _sums_as_symbols(expr):
    """Each distinct Sum becomes a fresh symbol: an identity for every value of it holds for its value."""
    table: dict = {}
    return expr.replace(lambda e: isinstance(e, sympy.Sum), lambda e: table.setdefault(e, sympy.Dummy("s")))


TRIGONOMETRIC = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc, sympy.sinh, sympy.cosh, sympy.tanh,
                 sympy.coth, sympy.sech, sympy.csch)
PIECEWISE = (sympy.Piecewise, sympy.Heaviside, sympy.Abs, sympy.Max, sympy.Min, sympy.sign, sympy.KroneckerDelta)

# (name, rewrite) in the order tried, after "identical" (the difference is already 0). Each must be cheap
# relative to the next; a rung that does not apply to the difference (trigsimp with no trigonometric
# function) passes it on unchanged.
STRATEGIES: tuple[tuple[str, Callable], ...] = (
    ("exponential atoms", _exponential_atoms),
    ("cases of a Kronecker delta", _delta_cases),
    ("cancel", sympy.cancel),
    ("together", _numerator_expanded),
    ("rewrite exp", _exp_rewrite),
    ("expand", lambda d: sympy.expand(d, power_exp=True, log=True, force=True)),
    ("integer floor/ceiling", _integer_ceiling),
    ("finite sums", _finite_sums),
    ("trigsimp", lambda d: sympy.trigsimp(d) if d.has(*TRIGONOMETRIC) else d),
    ("piecewise", lambda d: sympy.simplify(sympy.piecewise_fold(d)) if d.has(*PIECEWISE) else d),
    ("simplify", sympy.simplify),
)

# the rungs each case of a Kronecker delta goes down (a case may split again on its next delta)
CASE_STRATEGIES: tuple[tuple[str, Callable], ...] = (
    ("exponential atoms", lambda d: _exponential_atoms(_sums_as_symbols(d))),
    ("cancel", sympy.cancel),
    ("cases of a Kronecker delta", _delta_cases),
)

MATRIX_STRATEGIES: tuple[tuple[str, Callable], ...] = (
    ("matrix expand", _matrix_expand),
    ("matrix calculus", _matrix_calculus),
    ("entries by index", _entries_by_index),
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
    if isinstance(lhs, sympy.MatrixBase) and isinstance(rhs, sympy.MatrixBase) and lhs.shape == rhs.shape:
        return _entrywise_ladder(lhs, rhs, deadline)
    matrix = isinstance(lhs, (sympy.MatrixExpr, sympy.MatrixBase))
    strategies = MATRIX_STRATEGIES if matrix else STRATEGIES
    difference = _difference(lhs, rhs)
    if difference == 0 or isinstance(difference, sympy.ZeroMatrix):  # not is_zero: sympy's assumptions on a long difference are slow, and a rung decides anyway
        return "identical"
    for name, rewrite in strategies:
        left = deadline - cpu_seconds()
        if left <= 0:
            return None
        try:
            with time_limit(left):
                reduced = rewrite(difference)
                if is_zero(reduced):
                    return name
        except TimeLimitExceeded:
            return None
        except Exception:  # sympy raises assorted errors (even StopIteration) on odd input: try the next
            continue
        if name in REFUTING and _nonzero_number(reduced):
            raise _Refuted(name, reduced)
    return None


def _entrywise_ladder(lhs, rhs, deadline: float) -> str | None:
    """Explicit matrices: every entry by the scalar ladder; the methods used, in order."""
    methods = []
    for left, right in zip(lhs, rhs):
        method = _ladder(left, right, deadline)
        if method is None:
            return None
        methods.append(method)
    return " / ".join(dict.fromkeys(methods))


def _limit_ladder(lhs, rhs, deadline: float) -> str | None:
    """Evaluate each Limit with sympy's limit (Gruntz), then compare the values."""
    try:
        with time_limit(max(deadline - cpu_seconds(), 1e-3)):
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


def settle_index_bounds(expr, indices: Iterable = ()):
    """Replace conditions such as K >= i by True, and 1{i=1} by 0 when i >= 2, as Index declarations say.

    Sums over a KroneckerDelta evaluate to Piecewise((f(i), K >= i), (0, True)): sympy does
    not know i lies in 1..K, but the problem's `Index(i, K)` does.
    """
    known = [sympy.sympify(index.upper) - index.symbol for index in indices]
    known += [index.symbol - index.lower for index in indices]

    def implied(relation) -> bool:
        if not isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan, sympy.StrictLessThan)):
            return False
        gap = relation.gts - relation.lts  # the relation says gap >= 0 (or > 0)
        strict = isinstance(relation, (sympy.StrictGreaterThan, sympy.StrictLessThan))
        for fact in known:  # fact >= 0 is declared
            slack = sympy.expand(gap - fact)
            if slack.is_number and (slack > 0 or (slack == 0 and not strict)):
                return True
        return False

    def apart(delta) -> bool:
        first, second = delta.args
        return implied(sympy.Lt(first, second, evaluate=False)) or implied(sympy.Gt(first, second, evaluate=False))

    if not known or not expr.has(sympy.Piecewise, sympy.KroneckerDelta):
        return expr
    expr = rename_bound(expr, {index.symbol for index in indices})  # a summed k is not the declared k
    settled = expr.replace(lambda e: isinstance(e, sympy.KroneckerDelta) and apart(e), lambda e: sympy.Integer(0))
    settled = settled.replace(lambda e: isinstance(e, sympy.core.relational.Relational) and implied(e), lambda e: sympy.true)
    return settled.replace(lambda e: isinstance(e, sympy.Piecewise), lambda e: e.func(*e.args))


def _evaluate(expr, indices):
    """doit, then settle index conditions; again only while settling lets more sums of deltas evaluate."""
    for _ in range(3):
        evaluated = doit_outside_limits(expr)
        expr = settle_index_bounds(evaluated, indices)
        if expr == evaluated:
            break
    return expr


def _free_symbols(expr) -> set:
    return set(expr.free_symbols) if isinstance(expr, sympy.Basic) else set()


def prove_equal(
    lhs: Expr, rhs: Expr, where: Mapping | None = None, budget: float = DEFAULT_BUDGET, indices: Iterable = ()
) -> Proof:
    """Prove lhs == rhs in every case of `where`, within `budget` seconds in all.

    `indices` are the problem's Index declarations, whose ranges conditions may rely on.
    """
    started = cpu_seconds()
    deadline = started + budget
    all_cases = cases(where or {})
    methods = []
    free = _free_symbols(lhs) | _free_symbols(rhs)  # a sum's own k is not a free k beside it (sympy's rewrites mix them up)
    lhs, rhs = rename_bound(lhs, free), rename_bound(rhs, free)
    for case in all_cases:
        left, right = lhs.xreplace(case), rhs.xreplace(case)
        try:
            with time_limit(max(deadline - cpu_seconds(), 1e-3)):
                left, right = _evaluate(left, indices), _evaluate(right, indices)
        except TimeLimitExceeded:
            return Proof(False, "time limit reached", cpu_seconds() - started, len(all_cases))
        try:
            method = _ladder(left, right, deadline)
        except _Refuted as refuted:
            shown = f" {refuted.value}" if refuted.method in WHOLE_DIFFERENCE else ""  # else a numerator, not the difference
            return Proof(False, f"the difference is the nonzero number{shown} ({refuted.method})", cpu_seconds() - started, len(all_cases), refuted=True)
        if method is None:
            reason = "time limit reached" if cpu_seconds() >= deadline else "no strategy reduced the difference to 0"
            shown = ", ".join(f"{k}={v}" for k, v in case.items() if k != v)
            return Proof(False, reason + (f" (case {shown})" if shown else ""), cpu_seconds() - started, len(all_cases))
        methods.append(method)
    method = methods[0] if len(set(methods)) == 1 else " / ".join(dict.fromkeys(methods))
    return Proof(True, method, cpu_seconds() - started, len(all_cases))


# --- ranges ---------------------------------------------------------------------------------------


def prove_range(expr: Expr, variable: sympy.Symbol, domain: Set, expected: Set, budget: float = DEFAULT_BUDGET) -> Proof:
    """The set of values of expr as variable runs over domain is exactly `expected` (sympy's function_range)."""
    from sympy.calculus.util import function_range

    started = cpu_seconds()
    try:
        with time_limit(budget):
            found = function_range(expr, variable, domain)
    except TimeLimitExceeded:
        return Proof(False, "time limit reached", cpu_seconds() - started)
    except Exception as error:  # function_range raises NotImplementedError and others on hard input
        return Proof(False, f"no range found ({type(error).__name__})", cpu_seconds() - started)
    if found == expected:
        return Proof(True, "function range", cpu_seconds() - started)
    return Proof(False, f"the range is {found}", cpu_seconds() - started)
