"""The data a problem module declares: variables, claims, parts and derivations.

Problem modules build these objects and nothing else; the engine reads them.
Nothing here knows how a claim is checked.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

import sympy
from sympy import Expr, Set
from sympy.core.evalf import PrecisionExhausted, get_integer_part

from .matrices import one_entry


# --- variables: what each free symbol ranges over -------------------------------------------


@dataclass(frozen=True)
class Scalar:
    """A real symbol, sampled uniformly from [low, high] by the numeric checks."""

    symbol: sympy.Symbol
    low: float = -4.0
    high: float = 4.0


@dataclass(frozen=True)
class Integer:
    """An integer symbol, sampled uniformly from low..high (inclusive) by the numeric checks."""

    symbol: sympy.Symbol
    low: int = -10
    high: int = 10


@dataclass(frozen=True)
class Size:
    """A positive integer (a vector length, a matrix dimension, a depth).

    Symbolic proofs keep it symbolic; numeric checks try each of `choices`.
    """

    symbol: sympy.Symbol
    choices: tuple[int, ...] = (2, 3, 5)


@dataclass(frozen=True)
class Index:
    """An integer index in lower..upper, where upper may be a Size symbol."""

    symbol: sympy.Symbol
    upper: sympy.Expr | int
    lower: int = 1


@dataclass(frozen=True)
class Vector:
    """An IndexedBase whose entries base[start..length] are real, sampled from [low, high]; with a `total`, the
    last entry is what makes them sum to it (a label's entries sum to 1); `one_hot`, one entry 1 and the rest 0."""

    base: sympy.IndexedBase
    length: sympy.Expr | int
    low: float = -4.0
    high: float = 4.0
    total: sympy.Expr | None = None
    one_hot: object = None  # a one-hot label: True (its hot entry drawn at random) or the index symbol of its hot entry
    start: int = 1  # 0 where an entry base[0] is written (\theta_0 + \theta_1 x: a bias first)


@dataclass(frozen=True)
class Table:
    """An IndexedBase with two indices, base[r, c] for r in row_start..rows, c in column_start..columns.

    For weights written by index, such as w_kj with a bias in column 0; the sizes may be Size symbols.
    """

    base: sympy.IndexedBase
    rows: sympy.Expr | int
    columns: sympy.Expr | int
    row_start: int = 1
    column_start: int = 1
    low: float = -2.0
    high: float = 2.0


@dataclass(frozen=True)
class Matrix:
    """A MatrixSymbol (its shape may use Size symbols); entries sampled from [low, high]."""

    symbol: sympy.MatrixSymbol
    low: float = -2.0
    high: float = 2.0
    one_hot: bool = False  # a column the text calls one-hot (a label): one entry 1 at random, the rest 0
    structure: str = ""  # "symmetric" or "diagonal", as the text says (a covariance, LWR's weights): sampled so


Variable = Scalar | Integer | Size | Index | Vector | Table | Matrix


def pieces(domain) -> tuple:
    """The cases of a `where` entry: a tuple of sets as given, a Union's parts, or the set itself."""
    if isinstance(domain, tuple):
        return domain
    if isinstance(domain, sympy.Union):
        return tuple(domain.args)
    return (domain,)


# --- claims, parts, derivations ---------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """lhs = rhs for every value of the variables in the problem's domain.

    `where` narrows a variable to a set, or to a tuple of sets proved case by case
    (e.g. x < 0, x = 0, x > 0; a tuple because sympy would merge a Union of them into R).
    A `sympy.Limit` on the left makes it a limit claim. A `sympy.Set` on the right makes it a
    range claim: the values of lhs, as its one variable runs over its domain, are exactly that set.
    """

    name: str
    statement: str
    lhs: Expr
    rhs: Expr | Set
    where: Mapping[sympy.Symbol, Set] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexedFunction:
    """A vector-valued function students write as F(v)_i, such as softmax S(x + c)_i.

    `build(v, i)` returns entry i, where v is the argument with the vector written by its
    plain name (x for x_1..x_K). Without a subscript, F(v) means a generic entry, which is
    what an equality between vectors needs.
    """

    build: Callable[[Expr, Expr], Expr]
    unwritten: Callable[[Expr, Expr], Expr] | None = None  # the generic entry where no index is written (S(x + c) = S(x)), if not `build`

    def entry(self, argument, index, written: bool = True):
        return (self.build if written or self.unwritten is None else self.unwritten)(argument, index)


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer to a part, and what to tell the student who gives it."""

    answer: Expr
    feedback: str


@dataclass(frozen=True)
class Part:
    """A named answer a student gives, with the reference answer it is graded against.

    `question` is the quantity asked for (e.g. the Derivative); when given, the verifier
    proves question == answer, so the reference answer in the key is itself checked.
    """

    name: str
    prompt: str
    answer: Expr
    question: Expr | None = None
    points: float = 1.0
    where: Mapping[sympy.Symbol, Set] = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()
    kind: str = "expression"  # or "derivation": the student hands in a whole chain ending in the answer
    # What the answer must be written in (at least one of these functions or symbols must appear), and
    # what it must not contain: "tanh(x) in terms of sigma" has in_terms_of=(sigma,), forbidden=(tanh,).
    in_terms_of: tuple = ()
    forbidden: tuple = ()
    # Whether that form is the exercise itself ("tanh(x) in terms of sigma": the right value written otherwise is
    # `wrong_form`, not scored) or how the answer is asked for (tanh'(x) in terms of sigma: 1 - tanh^2(x) is the right
    # derivative, so `correct`, with the form asked said beside it and tagged for the instructor).
    form_required: bool = False
    # For a derivative with respect to a vector or matrix: the layout the part fixes, "numerator" or "denominator",
    # where a transposed answer is incorrect; "either" (and "" when the question is a MatrixDerivative) accepts the
    # transpose as correct, saying the layout it was read in.
    layout: str = ""


@dataclass(frozen=True)
class Derivation:
    """A worked chain start = steps[0] = steps[1] = ...; every link is checked."""

    title: str
    start: Expr
    steps: tuple[Expr, ...]
    where: Mapping[sympy.Symbol, Set] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()  # the rule behind each step, printed beside it in the key ("chain rule"); "" for none

    def links(self) -> list[tuple[Expr, Expr]]:
        chain = (self.start, *self.steps)
        return list(zip(chain, chain[1:]))


@dataclass(frozen=True)
class Note:
    """A remark for the answer key: a common wrong answer and why it is wrong."""

    text: str


@dataclass(frozen=True)
class WriteUp:
    """How `derivs proof` knows this problem in a student's whole write-up, and what it holds that part to.

    A section (the text under one heading) that states enough of `recognised_by` (two of it, or all when it
    has fewer) and contradicts none of it is this problem's. There a name the student defines that `rules`
    defines too must be the same formula, and a quantity of `answers` written as a number must be that
    number to the places shown: the key's value, not the value the student's own working carries.
    All names and formulas are written as students write them, and read by the write-up's parser.
    """

    recognised_by: Mapping[str, str]  # {"w_3": "0.24"}: a value the statement gives; {"GELU(x)": r"x\sigma(1.702x)"}: a function it defines
    rules: Mapping[str, str] = field(default_factory=dict)  # {"v_1": r"\beta v_0 + (1 - \beta) \nabla f_{x_1}"}
    answers: Mapping[str, Expr] = field(default_factory=dict)  # {r"\frac{\partial L}{\partial w_3}": its exact value}


# --- parameters: the numbers a problem is made with, so each student can have their own -------------


class _Evenly:
    """A parameter taking evenly spaced values from `first` to `last`: a seed's number picks one by position."""

    def _range(self) -> tuple:  # (first, last, step)
        raise NotImplementedError

    def count(self) -> int:
        first, last, step = self._range()
        return int((last - first) // step) + 1

    def pick(self, number: int):
        first, _, step = self._range()
        return first + (number % self.count()) * step


@dataclass(frozen=True)
class Whole(_Evenly):
    """An integer parameter in low..high (inclusive), in steps of `step` from low."""

    name: str
    low: int
    high: int
    step: int = 1

    def _range(self) -> tuple:
        return self.low, self.high, self.step


@dataclass(frozen=True)
class Decimal(_Evenly):
    """A decimal parameter in [low, high] written to `places` decimals, an exact Rational (\"0.25\" is 1/4)."""

    name: str
    low: str
    high: str
    places: int = 1

    def _range(self) -> tuple:
        return sympy.Rational(self.low), sympy.Rational(self.high), sympy.Rational(1, 10**self.places)


@dataclass(frozen=True)
class Choice:
    """A parameter that is one of the listed values (in the listed order: a seed picks by position)."""

    name: str
    options: tuple

    def count(self) -> int:
        return len(self.options)

    def pick(self, number: int):
        return self.options[number % len(self.options)]


Parameter = Whole | Decimal | Choice


@dataclass(frozen=True)
class Constraint:
    """A condition every variant's values must meet, said in words for the report of a refused draw:
    Constraint("the kernel fits in the padded input", lambda v: v["k"] <= v["n"] + 2 * v["p"])."""

    says: str
    holds: Callable[[Mapping[str, object]], bool]


@dataclass(frozen=True)
class Variants:
    """How a problem is made for other numbers: its parameters (with their domains), the constraints between
    them, and `build(values) -> Problem`, which writes the claims, parts, statement and key in terms of them.
    `original` are the values of the homework as set (variant 0, the bundled problem itself)."""

    parameters: tuple[Parameter, ...]
    build: Callable[[Mapping[str, object]], "Problem"]
    original: Mapping[str, object]
    constraints: tuple[Constraint, ...] = ()

    def broken(self, values: Mapping[str, object]) -> list[str]:
        """The constraints these values break (none for a variant that may be handed out)."""
        return [constraint.says for constraint in self.constraints if not constraint.holds(values)]

    def problem(self, values: Mapping[str, object], seed: int = 0) -> "Problem":
        """The problem built for these values, knowing its variants (a module's PROBLEM is problem(original))."""
        import dataclasses

        return dataclasses.replace(self.build(values), variants=self, values=dict(values), seed=seed)


@dataclass(frozen=True)
class Problem:
    """One homework claim family, declared once as data."""

    id: str
    title: str
    statement: str
    variables: tuple[Variable, ...]
    claims: tuple[Claim, ...]
    parts: tuple[Part, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    definitions: Mapping[sympy.Function, sympy.Lambda] = field(default_factory=dict)
    notes: tuple[Note, ...] = ()
    source: str = ""
    # LaTeX names a student may write, mapped to the problem's objects: {"H": Heaviside,
    # "sigma": sigma, "W_1": W1, "omega^(2)": w2}. Names of definitions and variables are known already.
    names: Mapping[str, object] = field(default_factory=dict)
    # For the key only: subexpressions printed as a name, {E_expression: Symbol("E")}, so a
    # network's gradient reads as its formula rather than pages of exponentials.
    abbreviations: Mapping[Expr, sympy.Basic] = field(default_factory=dict)
    # How the author writes an expression the key prints (a claim's side, a step, an answer, or a piece of
    # one), as LaTeX in the problem's own names: {at_values(gradient): r"\frac{\partial L}{\partial w_3}"}.
    # `check` reads each back with derivs' parser and proves it equal to its object, so a key cannot lie.
    written: Mapping[Expr, str] = field(default_factory=dict)
    # The range a bare \sum_j runs over, by index letter: {"j": M}; otherwise the first vector's length.
    sum_bounds: Mapping[str, object] = field(default_factory=dict)
    # A write-up's own notation rather than a problem's: unknown names are real symbols, words are names
    # (out, dim_{in}), f(x) is an unknown function, a bare \sum_j runs to n, \nabla f_{x_0} is f'(x_0).
    document: bool = False
    # How a student's whole write-up of this problem is recognised, and the rules and answers it is held to.
    write_up: WriteUp | None = None
    # What the answer sheet prints before the problem's parts: the setting, data (weights, inputs, sizes) and
    # definitions a student needs, without the results to be shown (the statement, for the key, states them).
    # Empty: the statement, which then must not give a part's answer away (a test checks every bundled sheet).
    given: str = ""
    # A problem made for other numbers (one per student): its parameters and how to build it; `values` and `seed`
    # say which variant this is (seed 0: the homework's own numbers).
    variants: Variants | None = None
    values: Mapping[str, object] = field(default_factory=dict)
    seed: int = 0

    @property
    def indices(self) -> tuple[Index, ...]:
        """The Index declarations, whose ranges symbolic proofs may use."""
        return tuple(v for v in self.variables if isinstance(v, Index))

    def part(self, name: str) -> Part:
        for part in self.parts:
            if part.name == name:
                return part
        known = ", ".join(p.name for p in self.parts) or "none"
        raise KeyError(f"problem {self.id!r} has no part {name!r}; its parts are: {known}")

    def claim(self, name: str) -> Claim:
        for claim in self.claims:
            if claim.name == name:
                return claim
        known = ", ".join(c.name for c in self.claims)
        raise KeyError(f"problem {self.id!r} has no claim {name!r}; its claims are: {known}")

    def expand_definitions(self, expr: Expr) -> Expr:
        """Replace each named function (phi, sigma, S, ...) by its definition, then evaluate."""
        return doit_outside_limits(applied(sympy.sympify(expr), self.definitions))


def applied(expr, bodies: Mapping):
    """`expr` with each application of a function in `bodies` replaced by its body at the arguments (definitions may
    use one another, to a depth of 8). One bottom-up pass per depth: sympy's `replace` does the same but matches
    every node against a pattern, twenty times the cost on a network's nested sigmoids."""
    for _ in range(8):
        if not isinstance(expr, sympy.Basic) or not any(type(f) in bodies for f in expr.atoms(sympy.Function)):
            break
        expr = _applied_once(expr, bodies, {})
    return expr


def _applied_once(expr, bodies: Mapping, seen: dict):
    if not expr.args:
        return expr
    if expr not in seen:
        args = tuple(_applied_once(arg, bodies, seen) for arg in expr.args)
        body = bodies.get(type(expr)) if isinstance(expr, sympy.Function) else None
        if isinstance(body, sympy.Lambda) and len(body.variables) == len(args):
            # u^T v put in for a function's number variable is its one entry: sympy will not add 1 to a 1 x 1 matrix
            seen[expr] = put_in(body.expr, dict(zip(body.variables, (one_entry(arg) for arg in args))))
        elif isinstance(body, sympy.Lambda):  # H(p, q), a cross-entropy, beside the one-value H (Heaviside): not that function
            seen[expr] = rebuilt(expr, args)
        else:
            seen[expr] = body(*args) if body is not None else rebuilt(expr, args)
    return seen[expr]


def put_in(expr, values: Mapping, seen: dict | None = None):
    """`expr` with symbols replaced by `values`, as `xreplace` would, but a whole part (floor, ceiling) of a
    number worked out by `whole_part`. Only for trees where no name is bound (a Lambda's body, a tree free of sums)."""
    seen = {} if seen is None else seen
    if expr in values:
        return values[expr]
    if not expr.args:
        return expr
    if expr not in seen:
        seen[expr] = rebuilt(expr, tuple(put_in(arg, values, seen) for arg in expr.args))
    return seen[expr]


def rebuilt(expr, args: tuple):
    """A node with new arguments (itself when they are the same), a floor or ceiling of a number by `whole_part`."""
    if args == expr.args:
        return expr
    if isinstance(expr, sympy.Derivative):
        return _derivative_rebuilt(args)
    return whole_part(expr.func, args[0]) if isinstance(expr, (sympy.floor, sympy.ceiling)) else expr.func(*args)


def _derivative_rebuilt(args: tuple):
    """d g(x_4) / d x_4 where x_4 became its formula (Z_i - max Z): the derivative by a fresh variable, at that formula
    (Subs), since sympy differentiates by symbols and applications only."""
    body, pairs = args[0], args[1:]
    by = {pair[0]: sympy.Dummy("t") for pair in pairs if not getattr(pair[0], "_diff_wrt", False)}
    if not by:
        return sympy.Derivative(body, *pairs)
    inner = sympy.Derivative(body.xreplace(by), *(sympy.Tuple(by.get(pair[0], pair[0]), pair[1]) for pair in pairs))
    return sympy.Subs(inner, tuple(by.values()), tuple(by))


def doit_outside_limits(expr):
    """Evaluate derivatives, sums and substitutions, but leave Limit objects for the prover.

    Remembered per expression: a grader evaluates the same reference (and a prover the same
    evaluated sides) again and again, and a Sum over a symbolic bound is slow to leave alone.
    """
    return _doit_outside_limits(expr) if isinstance(expr, sympy.Basic) else expr


@functools.lru_cache(maxsize=4096)
def _doit_outside_limits(expr):
    if isinstance(expr, sympy.Limit):
        inner, *rest = expr.args
        return sympy.Limit(doit_outside_limits(inner), *rest)
    if isinstance(expr, sympy.Basic) and expr.has(sympy.Limit):
        return expr.func(*(doit_outside_limits(arg) for arg in expr.args))
    worked = held_sums(at_points(expr))
    return worked if _worked_out(worked) else worked.doit()


_BINDING = (sympy.Derivative, sympy.Subs, sympy.Integral, sympy.Sum, sympy.Product, sympy.Limit, sympy.Lambda)


def _worked_out(expr) -> bool:
    """A number with nothing left for `doit` (no derivative, sum, substitution, whole part or matrix expression):
    `doit` would only build the same tree again, at the cost of evaluating every node once more."""
    return isinstance(expr, sympy.Expr) and expr.is_number and not expr.has(*_BINDING, sympy.floor, sympy.ceiling, sympy.MatrixExpr)


def at_points(expr):
    """Each substitution of numbers for symbols (a gradient at the weights) worked out as sympy's `Subs.doit` would:
    the inside evaluated, then the numbers put in. Put in by `put_in` where nothing inside binds a name, which
    gives the same tree without `subs`'s search, a tenth of the cost on a network's derivative at its weights."""
    if not isinstance(expr, sympy.Basic) or not expr.has(sympy.Subs):
        return expr
    if not isinstance(expr, sympy.Subs):
        return rebuilt(expr, tuple(at_points(arg) for arg in expr.args))
    inside = at_points(expr.expr).doit()
    numbers = all(isinstance(v, sympy.Symbol) for v in expr.variables) and all(p.is_number for p in expr.point)
    if numbers and not inside.has(*_BINDING):
        return put_in(inside, dict(zip(expr.variables, expr.point)))
    return expr.func(inside, expr.variables, expr.point)


def whole_part(rounding: type, value):
    """floor(value) or ceiling(value), for a number worked out by sympy's own certified evaluation (to the precision
    that settles it), without the assumption queries sympy's `floor` makes first: a tenth of the cost on a rounded
    gradient at a network's weights. A number too close to a whole number to settle, as sympy does it."""
    if not value.is_number:  # left for the `doit` that follows every use, which evaluates it once its inside is done
        return rounding(value, evaluate=False)
    try:
        whole, imaginary = get_integer_part(value, rounding._dir, {}, return_ints=True)
    except (PrecisionExhausted, NotImplementedError):
        return rounding(value)
    return sympy.Integer(whole) if imaginary == 0 else rounding(value)


class HeldSum(sympy.Sum):
    """A sum to a symbolic bound of entries or unknown functions of its index (\\sum_k (a_k - t_k) w_{jk}): no closed
    form exists, and sympy's search for one (Gosper, hypergeometric terms) costs seconds each time. It stays a sum,
    its summand worked out; a Kronecker delta in it is still summed away, and a number for its bound sums it out."""

    def doit(self, **hints):
        if all(low.is_number and high.is_number for _, low, high in self.limits):
            return sympy.Sum(*self.args).doit(**hints)
        function = self.function.doit(**hints) if hints.get("deep", True) else self.function
        terms = sympy.Add.make_args(function)
        if len(terms) > 1:  # term by term: a delta's term is summed away, an entry's kept
            return sympy.Add(*(HeldSum(term, *self.limits).doit(deep=False) for term in terms))
        picked = _delta_picked(function, self.limits)
        if picked is not None:
            return picked
        bound = {limit[0] for limit in self.limits}
        if _sums_a_delta(function, bound) and not _delta_factor(function, bound):  # t_m (\\delta_{mi} - p_i): term by term
            expanded = sympy.expand(function)
            if isinstance(expanded, sympy.Add):
                return sympy.Add(*(HeldSum(term, *self.limits).doit(deep=False) for term in expanded.args))
        if _held(function, self.limits):
            return HeldSum(function, *self.limits)
        return sympy.Sum(function, *self.limits).doit(**hints)


def _delta_picked(function, limits):
    """\\sum_k f(k) \\delta_{kj} = f(j), the index j taken to be in the sum's range (a write-up's indices are): what
    sympy's delta summation gives inside a Piecewise on the range, in a fraction of its time. None otherwise."""
    if len(limits) != 1 or not isinstance(function, sympy.Mul):
        return None
    index = limits[0][0]
    for factor in function.args:
        if isinstance(factor, sympy.KroneckerDelta) and index in factor.free_symbols:
            other = factor.args[1] if factor.args[0] == index else factor.args[0] if factor.args[1] == index else None
            if other is not None and index not in other.free_symbols:
                return (function / factor).xreplace({index: other})
    return None


def _held(function, limits) -> bool:
    """Whether a sum is one no closed form can be found for: a symbolic bound, and entries or unknown functions of
    its index in the summand, or a summand not a polynomial in its index (and no Kronecker delta to sum away)."""
    bound = {limit[0] for limit in limits}
    if all(low.is_number and high.is_number for _, low, high in limits) or _sums_a_delta(function, bound):
        return False
    pieces = function.atoms(sympy.Indexed, sympy.core.function.AppliedUndef)
    return any(piece.free_symbols & bound for piece in pieces) or not function.is_polynomial(*bound)


def _delta_factor(function, bound: set) -> bool:
    """A Kronecker delta in the sum's index as a factor of the summand itself (picked, or summed by sympy)."""
    return any(isinstance(f, sympy.KroneckerDelta) and f.free_symbols & bound for f in sympy.Mul.make_args(function))


def _sums_a_delta(function, bound: set) -> bool:
    """A Kronecker delta in the sum's own index (\\delta_{mi} in \\sum_m t_m (\\delta_{mi} - p_i)): summed away."""
    return any(delta.free_symbols & bound for delta in function.atoms(sympy.KroneckerDelta))


def held_sums(expr):
    """Each sum no closed form can be found for, as a HeldSum."""
    if not isinstance(expr, sympy.Basic) or not expr.has(sympy.Sum):
        return expr
    return expr.replace(lambda e: type(e) is sympy.Sum and _held(e.function, e.limits), lambda e: HeldSum(*e.args))


def bound_apart(expr):
    """Each sum's and product's index its own dummy: a formula L = \\sum_i (y_i - p_i)^2 put into dL/dp_i must not
    have its summed i taken for the free one (then p_i would be every entry at once)."""
    if not isinstance(expr, sympy.Basic) or not expr.has(sympy.Sum, sympy.Product):
        return expr
    return rename_bound(expr, {limit[0] for total in expr.atoms(sympy.Sum, sympy.Product) for limit in total.limits})


def rename_bound(expr, taken):
    """A Sum over j, when j is also a free index, gets its own dummy so only the free j is touched."""
    def rename(total):
        clashes = {limit[0]: sympy.Dummy(limit[0].name, integer=True) for limit in total.limits if limit[0] in taken}
        return total.xreplace(clashes)

    if not taken or not isinstance(expr, sympy.Basic) or not expr.has(sympy.Sum, sympy.Product):
        return expr
    return expr.replace(lambda e: isinstance(e, (sympy.Sum, sympy.Product)) and any(limit[0] in taken for limit in e.limits), rename)


def vectors_for(exprs, declared, default_length=3) -> tuple[Vector | Table, ...]:
    """A Vector for each IndexedBase the expressions use that `declared` lacks (x in \\sum_{j=1}^{n} x_j),
    as long as the largest upper bound of the sums its entries appear in (else `default_length`); a Table,
    that size each way, for one written with two indices (w_{kj}, from 0 where w_{j0} is used)."""
    lengths: dict = {}
    pairs: dict = {}  # base -> the indices it is used with, for those with two
    from_zero: set = set()  # bases with one index written 0 somewhere
    every_bound = {high for expr in exprs if isinstance(expr, sympy.Basic) for total in expr.atoms(sympy.Sum, sympy.Product) for _, _, high in total.limits}
    for expr in exprs:
        if not isinstance(expr, sympy.Basic):
            continue
        for entry in expr.atoms(sympy.Indexed):
            lengths.setdefault(entry.base, set())
            if len(entry.indices) == 2:
                pairs.setdefault(entry.base, []).append(entry.indices)
            elif entry.indices[0] == 0:
                from_zero.add(entry.base)
        for total in expr.atoms(sympy.Sum, sympy.Product):
            uppers = {high for _, _, high in total.limits}
            for entry in total.function.atoms(sympy.Indexed):
                lengths[entry.base] |= uppers
    out: list = []
    for base, uppers in sorted(lengths.items(), key=lambda item: str(item[0])):
        if base in declared:
            continue
        size = sympy.Max(*uppers) if uppers else default_length
        if base in pairs:  # a free row index (w_{kj} for every k) may run as far as any sum does
            starts = [0 if any(p[n] == 0 for p in pairs[base]) else 1 for n in (0, 1)]
            size = sympy.Max(*every_bound) if every_bound else default_length
            out.append(Table(base, size, size, row_start=starts[0], column_start=starts[1]))
        else:
            out.append(Vector(base, size, start=0 if base in from_zero else 1))
    return tuple(out)


# --- numbers to a stated number of decimals --------------------------------------------------

_ROUNDING_NAME = re.compile(r"round(\d+)")


def rounding(places: int) -> tuple[sympy.FunctionClass, sympy.Lambda]:
    """round<places>, to that many decimals (halves up), and its definition for `Problem.definitions`.

    A claim round4(value) = 0.1111 says the value is 0.1111 to 4 decimals; the key prints it so.
    """
    v = sympy.Dummy("v", real=True)
    scale = 10**places
    return sympy.Function(f"round{places}"), sympy.Lambda(v, sympy.floor(v * scale + sympy.Rational(1, 2)) / scale)


def decimal_places(expr) -> int | None:
    """The places of a rounding written with `rounding` (round4(e) -> 4), else None."""
    match = _ROUNDING_NAME.fullmatch(getattr(getattr(expr, "func", None), "__name__", ""))
    return int(match.group(1)) if match and len(expr.args) == 1 else None


def decimal_text(value) -> str:
    """A number as the statement prints it: a terminating Rational as its decimal (-3/2 -> -1.5), else as LaTeX."""
    value = sympy.nsimplify(value) if isinstance(value, float) else sympy.sympify(value)
    if isinstance(value, sympy.Integer):
        return str(value)
    if isinstance(value, sympy.Rational):
        for places in range(1, 31):  # a denominator of 2s and 5s terminates
            scaled = value * 10**places
            if scaled.q == 1:
                digits = str(abs(int(scaled))).rjust(places + 1, "0")
                return f"{'-' if scaled < 0 else ''}{digits[:-places]}.{digits[-places:]}"
    return sympy.latex(value)


def rounded_independently(value, places: int) -> sympy.Rational:
    """`value` (an mpmath number, computed without sympy) rounded to `places` decimals, halves up as `rounding`
    does: the figure a variant's key states, which `check` then proves against sympy's own evaluation."""
    import mpmath

    with mpmath.workdps(50):
        return sympy.Rational(int(mpmath.floor(mpmath.mpf(value) * 10**places + mpmath.mpf(1) / 2)), 10**places)
