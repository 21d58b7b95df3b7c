"""Is an answer the reference answer? Refute fast with numbers, then try to prove it.

The numeric check decides a difference (with a witness point, confirmed at double the
precision so a near-cancellation cannot fool it); the symbolic ladder then tries to
prove equality within what is left of the budget, and the decision says whether it did.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, replace
from typing import Mapping

import mpmath
import sympy

from .latex import to_text
from .matrices import along_a_direction
from .model import Problem
from .numeric import Witness, compare_at_points, compare_limit, hidden_difference, probe_points, random_rational, sample_points, short_value, tiny_difference
from .residual import examination_points, nonzero_at, residual, size_run, unlocated_steps, witness
from .symbolic import prove_equal
from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

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


def decide(
    problem: Problem, answer, reference, where: Mapping | None = None, budget: float = 2.0, seed: int = 2026,
    strict: bool = True, proof_budget: float | None = None,
) -> Decision:
    """Compare two expressions in the problem's variables within `budget` CPU seconds.

    Ladder, cheapest first: shapes and names; the exact difference when sympy's arithmetic
    already reduces it to a number; values at random points and at the breakpoints of
    non-analytic pieces (stopping at the first difference, confirmed at twice the precision);
    a check that no tiny term hides below the tolerance; then, for the `proved` flag only, the
    symbolic ladder within `proof_budget` (default: what is left of `budget`). Not `strict`, the
    search for a difference of an unproved pair comes before the full proof (see below).
    `strict`: an answer that uses a symbol the reference does not is different (grading);
    a derivation step compares two student expressions, so both may use any symbol.
    """
    started = cpu_seconds()
    where = where or {}
    answer, reference = up_to_a_constant(answer, reference)
    left, right = _one_by_one(problem.expand_definitions(answer), expanded(problem, reference))
    early = _shapes_and_names(problem, left, right, strict)
    if early is not None:
        return replace(early, seconds=cpu_seconds() - started)
    if left == right or _renamed_indices(left, right):  # the same expression (\\infty and \\infty, whose difference is not a number)
        return Decision("equal", True, "identical", cpu_seconds() - started)
    exact = _exact_difference(left, right)
    if exact is not None:
        return replace(exact, seconds=cpu_seconds() - started)
    points = sample_points(problem.variables, where, POINTS, seed)
    limit = isinstance(left, sympy.Limit) or isinstance(right, sympy.Limit)
    if limit:
        numeric = compare_limit(*((left, right) if isinstance(left, sympy.Limit) else (right, left)), points)
    else:  # compare_at_points confirms a difference at twice the precision itself
        probes = [] if _is_matrix(left) else probe_points((left, right), problem.variables, where, points)
        numeric = compare_at_points(left, right, points + probes, stop_at_difference=True)
    if numeric.holds is False:
        return Decision("different", False, "numeric", cpu_seconds() - started, witness=numeric.witness)
    if not (limit or _is_matrix(left)):
        tiny = tiny_difference(left - right, points)
        if tiny is not None:
            note = f"your answer differs from the expected one by about {tiny[1]:.3g} at {tiny[0].point}"
            return Decision("different", False, "numeric", cpu_seconds() - started, witness=tiny[0], note=note)
    if numeric.holds is None:
        return Decision("undecided", False, "numeric", cpu_seconds() - started, note=numeric.detail)
    searched = None
    examine = _unproved_matrices if _is_matrix(left) else _unproved
    if not (strict or limit):
        # a derivation step or a comparison: the search for a difference is what lets it be called equal (a proof only
        # says how), so after a quick try at a proof it comes first, with all that is left, and the full proof gets
        # what the search leaves. Proof first, the search got the crumbs: on a loaded core (CPU per step rises up to
        # 1.7x) it ran out and the verdict flipped to undecided. Grading tries the whole proof first (proved is its
        # own status there)
        quick = min(QUICK_PROOF, proof_budget or QUICK_PROOF, max(budget - (cpu_seconds() - started), 0.05))
        tried = prove_equal(left, right, where, quick, problem.indices)
        if tried.proved:
            return Decision("equal", True, f"numeric ({numeric.points} points), proved by {tried.method}", cpu_seconds() - started)
        searched = examine(problem, left, right, where, points, numeric.points, max(EXAMINE_BUDGET, budget - (cpu_seconds() - started)))
        if searched.verdict == "different":
            return replace(searched, seconds=cpu_seconds() - started)
    remaining = budget - (cpu_seconds() - started)
    allowed = remaining if proof_budget is None else min(proof_budget, remaining)
    if _is_matrix(left) and not limit and searched is None:  # half is kept for the search at other sizes that an unproved matrix answer gets
        allowed = min(allowed, remaining / 2)
    if searched is not None and allowed < 0.05:
        return replace(searched, seconds=cpu_seconds() - started)
    proof = prove_equal(left, right, where, max(allowed, 0.05), problem.indices)
    if proof.refuted:  # equal to the working precision, yet never equal: a term below it (+ e^{-1000})
        note = "your answer differs from the expected one everywhere, by an amount too small to see in decimals (" + proof.method + ")"
        return Decision("different", False, "symbolic", cpu_seconds() - started, note=note)
    if proof.proved:
        return Decision("equal", True, f"numeric ({numeric.points} points), proved by {proof.method}", cpu_seconds() - started)
    if limit:
        return Decision("equal", False, f"numeric ({numeric.points} points)", cpu_seconds() - started)
    if searched is not None:
        return replace(searched, seconds=cpu_seconds() - started)
    allowed = max(EXAMINE_BUDGET, budget - (cpu_seconds() - started))
    return replace(examine(problem, left, right, where, points, numeric.points, allowed), seconds=cpu_seconds() - started)


def up_to_a_constant(answer, reference):
    """An indefinite integral is its antiderivatives, any constant added (3 ln|z| + C for \\int 3/z dz): when either
    side is one, the two sides are compared as derivatives in its variable, so the constant, named or not, drops."""
    indefinite = [side for side in (answer, reference) if _indefinite_integral(side)]
    if not indefinite:
        return answer, reference
    variable = indefinite[0].limits[0][0]

    def derivative(side):
        return side.function if _indefinite_integral(side) and side.limits[0][0] == variable else sympy.Derivative(side, variable)

    return derivative(answer), derivative(reference)


def _indefinite_integral(expr) -> bool:
    return isinstance(expr, sympy.Integral) and len(expr.limits) == 1 and len(expr.limits[0]) == 1


EXAMINE_BUDGET = 0.4  # CPU seconds at least to look for a difference in the residual of an answer not proved equal
QUICK_PROOF = 0.8  # CPU seconds at most (and never more than the proof's own budget) for the proof a derivation step or a
# comparison tries before its search for a difference: a derivative of a sigmoid by a d-vector is proved by its entries in
# 0.55 s cold, while its search through sizes up to 32 by differences costs 1.3 s; where no proof comes the search is
# still left most of the step (CPU time per step rises up to 1.7x on a loaded core, and the verdict must not change)


def _examined_in_part(tried: int) -> Decision:
    """Equal where it was compared, not proved, and the search for a difference ran out of time before it had
    tried every place one may show: not evidence of equality."""
    note = (f"equal at the {tried} points tried, but not proved, and the search for a difference ran out of time "
            "before it was done: not decided")
    return Decision("undecided", False, "numeric", 0.0, note=note)


def _unproved_matrices(problem: Problem, left, right, where: Mapping, points: list[dict], agreed: int, allowed: float) -> Decision:
    """Matrices equal at every point, not proved: compared again with each size through a run of values (a scalar
    factor (1 + (n-1)(n-2)(n-3)(n-4)) vanishes on the sampled shapes, not on the run)."""
    extra = size_run(problem.variables, where, points)
    directed = along_a_direction(left, right)
    try:
        with time_limit(allowed):
            if directed is None:
                sides = compare_at_points(left, right, extra, stop_at_difference=True)
            else:  # d f/d X = R along a random direction at each point: two values of f, not two per entry of X
                along, other, (step, direction) = directed
                moved = [_with_a_direction(point, step, direction) for point in extra]
                sides = compare_at_points(along, other, moved, stop_at_difference=True, witness=False)
                if sides.holds is False:  # shown as the matrices, at the point where their directions differed
                    found = moved[sides.points - 1]
                    sides = compare_at_points(left, right, [{k: v for k, v in found.items() if k not in (step, direction)}], stop_at_difference=True)
    except TimeLimitExceeded:
        return _examined_in_part(len(points))
    if sides.holds is False:
        return Decision("different", False, "numeric", 0.0, witness=sides.witness)
    tried = len(points) + len(extra)
    return Decision("equal", False, f"numeric ({agreed} points, {tried} tried)", 0.0, note=f"equal at the {tried} points tried")


def _with_a_direction(point: dict, step, direction) -> dict:
    """The point with t = 0 and a random direction V of the shape its sizes give (the same draw for the same shape)."""
    rows, cols = (int(sympy.sympify(n).xreplace(point)) for n in direction.shape)
    draw = random.Random(rows * 1009 + cols)
    entries = [random_rational(draw, -1, 1) for _ in range(rows * cols)]
    return {**point, step: sympy.ImmutableMatrix([[0]]), direction: sympy.ImmutableMatrix(rows, cols, entries)}


def _unproved(problem: Problem, left, right, where: Mapping, points: list[dict], agreed: int, allowed: float) -> Decision:
    """An answer equal at every point so far, with no proof: its residual (the common part cancelled) is evaluated
    where it may show (the roots of its piecewise arguments, the jumps of its floors, growing magnitudes, sizes
    that no size polynomial in it vanishes at), then deep in precision. Still nothing: "equal at the points
    tried, not proved", or undecided when the residual holds a step function whose jumps were not all tried
    (a floor of a non-constant argument, a step of an argument that is not a polynomial in declared variables)."""
    gap = residual(left, right)
    tried, found, examined = len(points), None, False
    try:
        with time_limit(allowed):
            extra = examination_points(gap, left, right, problem.variables, where, points)
            found = nonzero_at(gap, extra + points)  # out of time, it keeps the difference it found
            if found is None:
                sides = compare_at_points(left, right, extra, stop_at_difference=True)
                if sides.holds is False:
                    return Decision("different", False, "numeric", 0.0, witness=sides.witness)
            tried, examined = tried + len(extra), True
    except TimeLimitExceeded:
        pass
    if found is None and not examined:
        return _examined_in_part(tried)
    if found is not None:
        point, value = found
        shown = witness(left, right, point)
        note = f"your answer differs from the expected one by {mpmath.nstr(value, 6)} at {shown.point}"
        return Decision("different", False, "residual", 0.0, witness=shown, note=note)
    hidden = _hidden(gap, points, allowed)
    if hidden is not None:
        note = f"your answer differs from the expected one by about {hidden[0].lhs} at {hidden[0].point}: too little to see at the usual precision, but not 0"
        return Decision("different", False, "numeric", 0.0, witness=hidden[0], note=note)
    steps = unlocated_steps(gap, problem.variables)
    if steps:
        note = (f"equal at the {tried} points tried, but not proved, and the difference holds {to_text(steps[0])}, a step function "
                "whose jumps could not all be tried: it may differ between the points tried")
        return Decision("undecided", False, "numeric", 0.0, note=note)
    return Decision("equal", False, f"numeric ({agreed} points, {tried} tried)", 0.0, note=f"equal at the {tried} points tried")


HIDDEN_BUDGET = 0.3  # CPU seconds for evalf's search for a difference below the working precision


def _hidden(gap, points, remaining: float):
    """hidden_difference within its own small budget: running out of it is no evidence of a difference."""
    try:
        with time_limit(min(HIDDEN_BUDGET, max(remaining, 0.01))):
            return hidden_difference(gap, points)
    except TimeLimitExceeded:
        return None


_EXPANDED: dict = {}


def expanded(problem: Problem, expr):
    """The expression with the problem's definitions expanded, once per (problem, expression).

    Keyed by the problem object's id, so the entry holds the problem too: while it is cached its id
    cannot pass to a new problem with other definitions (as Context.for_problem does).
    """
    if isinstance(expr, sympy.MatrixBase):
        expr = sympy.ImmutableMatrix(expr)
    key = (id(problem), expr)
    cached = _EXPANDED.get(key)
    if cached is None or cached[0] is not problem:
        if len(_EXPANDED) > 1024:
            _EXPANDED.pop(next(iter(_EXPANDED)))
        cached = _EXPANDED[key] = (problem, problem.expand_definitions(expr))
    return cached[1]


def _one_by_one(left, right) -> tuple:
    """A 1 x 1 matrix and a scalar are the same kind of value (x^T x and ||x||^2): the scalar becomes 1 x 1.
    Two lists ([1, 5, 8] and [1, 5, 9]) are compared entry by entry, as rows."""
    if isinstance(left, sympy.Tuple) and isinstance(right, sympy.Tuple) and all(_scalar_entries(side) for side in (left, right)):
        return sympy.ImmutableMatrix([list(left)]), sympy.ImmutableMatrix([list(right)])
    if _is_matrix(left) and not _is_matrix(right) and left.shape == (1, 1) and not isinstance(right, sympy.Tuple):
        return left, sympy.ImmutableMatrix([[right]])
    if _is_matrix(right) and not _is_matrix(left) and right.shape == (1, 1) and not isinstance(left, sympy.Tuple):
        return sympy.ImmutableMatrix([[left]]), right
    return left, right


def _scalar_entries(values: sympy.Tuple) -> bool:
    return all(isinstance(value, sympy.Expr) and not _is_matrix(value) for value in values)


def _shapes_and_names(problem: Problem, left, right, strict: bool) -> Decision | None:
    if isinstance(left, sympy.Tuple) != isinstance(right, sympy.Tuple):
        wanted = "a list" if isinstance(right, sympy.Tuple) else "one value"
        given = f"a list of {len(left)} entries" if isinstance(left, sympy.Tuple) else "one value"
        return Decision("different", False, "shape", 0.0, note=f"wrong shape: the answer is {given}, but {wanted} is expected")
    if _is_matrix(left) != _is_matrix(right):
        expected = "a matrix (or vector)" if _is_matrix(right) else "a scalar"
        return Decision("different", False, "shape", 0.0, note=f"wrong shape: the answer should be {expected}")
    if _is_matrix(left) and left.shape != right.shape:
        shape = lambda e: " x ".join(str(n) for n in e.shape)  # noqa: E731
        note = f"the answer has shape {shape(left)}, but the expected answer has shape {shape(right)}"
        if left.shape == right.shape[::-1]:
            note += ": the transpose of the expected shape (a missing transpose, or the factors in the wrong order?)"
        return Decision("different", False, "shape", 0.0, note=note)
    foreign = _foreign_names(problem, left, right) if strict else []
    if foreign:
        names = ", ".join(foreign)
        return Decision("different", False, "variables", 0.0, note=f"the answer uses {names}, which the expected answer does not depend on")
    return None


def _renamed_indices(left, right) -> bool:
    """The same expression but for the names (or assumptions) of its bound indices: \\sum_j e^{x_j} and \\sum_k e^{x_k}."""
    bound = (sympy.Sum, sympy.Product, sympy.Integral)
    if not (isinstance(left, sympy.Basic) and isinstance(right, sympy.Basic)) or not (left.has(*bound) and right.has(*bound)):
        return False
    return left.as_dummy() == right.as_dummy()


def _exact_difference(left, right) -> Decision | None:
    """When sympy's own arithmetic reduces answer - reference to a number: 0 is equal, else different."""
    if _is_matrix(left) or isinstance(left, sympy.Limit) or isinstance(right, sympy.Limit):
        return None
    try:
        gap = left - right
    except (TypeError, ValueError):
        return None
    if gap == 0:
        return Decision("equal", True, "identical", 0.0)
    infinite = {sympy.oo, -sympy.oo}
    if left.is_number and right.is_number and (left in infinite or right in infinite) and left != right:
        return Decision("different", False, "exact", 0.0, witness=Witness("", short_value(left), short_value(right)))  # oo vs -oo, or vs 5
    if not gap.is_number or gap.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        return None
    size = abs(sympy.N(gap, 60))
    if not size.is_number or size == 0 or size < sympy.Float("1e-50"):
        return None  # a number sympy has not simplified, and tiny: leave it to the points and the proof
    if right.is_number:  # a numeric part: say what the student wrote, but not the gap (it gives the answer away)
        return Decision("different", False, "exact", 0.0, witness=Witness("", short_value(left), short_value(right)))
    return Decision("different", False, "exact", 0.0, note=f"your answer differs from the expected one by the constant {short_value(gap)}")


def concrete_functions(expr, only: frozenset | None = None):
    """f(x) for an unknown f (of those named in `only`, if given): a fixed smooth function, so identities that hold
    for every f are checked at points. Seeded by the name: the same function in both sides and every run."""
    if not isinstance(expr, sympy.Basic):
        return expr
    replacements = {}
    for applied in expr.atoms(sympy.core.function.AppliedUndef):
        function = type(applied)
        if function in replacements or only is not None and str(function) not in only:
            continue
        name = str(function).encode()
        seed = zlib.crc32(name)
        # b tells every name apart (f_1 and f_2, \phi_1 and \phi_2 are two functions): the name's bytes as a fraction
        # below 1/1000, beside a thirteenth chosen by the seed, so no two names share a stand-in
        a, b = sympy.Rational(seed % 7 + 2, 5), sympy.Rational(seed % 11 + 1, 13) + sympy.Rational(int.from_bytes(name, "big"), 1000 * 256 ** len(name))
        arguments = [sympy.Dummy(f"t{n}") for n in range(len(applied.args))]
        inner = sum((n + 1) * t for n, t in enumerate(arguments))
        replacements[function] = sympy.Lambda(tuple(arguments), sympy.sin(a * inner + b) + inner**2 / 7 + b)
    if replacements:  # d g(h(x)) / d h(x): in a function's own variable first, so h can be put in
        expr = expr.replace(lambda e: isinstance(e, sympy.Derivative) and not all(isinstance(v, sympy.Symbol) for v in e.variables), _in_own_variables)
    for function, body in replacements.items():
        expr = expr.replace(function, body)
    return expr.doit() if replacements else expr


def _in_own_variables(derivative: sympy.Derivative):
    """d F(u) / d u for an expression u, as the derivative in a fresh variable at u (sympy's Subs form)."""
    fresh = {v: sympy.Dummy("u") for v in dict.fromkeys(derivative.variables) if not isinstance(v, sympy.Symbol)}
    inner = sympy.Derivative(derivative.expr.xreplace(fresh), *[(fresh.get(v, v), n) for v, n in derivative.variable_count])
    return sympy.Subs(inner, tuple(fresh.values()), tuple(fresh.keys()))
