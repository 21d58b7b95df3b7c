"""Judging a write-up's steps in reading order, each side read once in its section's notation.

A step is read into mathematics once (its sides, with the section's context: names are symbols,
decimals are placeholders); what the write-up has said so far (values given, functions and names
defined, sums stated, the problem a section turns out to be) is kept by a `Scope` and put in when
the step is judged. A statement (values given, a definition, a name seen for the first time) is
recorded, not judged; every other step is judged against its own two sides with the grader's
decision procedure, and a side written as a rounded decimal to the places it shows.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import mpmath
import sympy
from sympy.tensor.indexed import IndexException

from .. import dialect
from ..lexer import LatexError, Token, group_end, spelled_back
from ..lexer import tokens as lexed
from ..matrices import MatrixDerivative, one_entry
from ..model import Index, IndexedFunction, Matrix, Problem, Scalar, Size, Table, Vector, bound_apart, vectors_for
from ..numeric import EVALUATION_ERRORS, breakpoints, first_different_entry, point_value
from ..parsing import DOCUMENT_SIZE, AmbiguousOperand, ArrayBesideNumber, FREE_FUNCTION_NAMES, UPDATE_MARKS, Context, Reading, entry_base, entry_of_whole, name_key, plain_name, whole_of_entries, read_tokens, writes_transpose_in
from ..timelimit import TimeLimitExceeded, cpu_seconds, time_limit
from . import prose
from .formulas import Side
from .matrix_equations import array_residual, is_array
from .matrix_equations import unknowns as unknowns_of
from .matrix_equations import vanishes as matrix_vanishes
from .names import Scanner, applied_head, function_head, single_name, variable_tokens
from .notation import STEP_COUNTERS, TANGENT_MARK, Notation, script_group, summed_indices
from .shapes import ELLIPSES, TWO_SIDES
from .steps import Step, declared_pairs

DERIVATION_BUDGET = 60.0  # CPU seconds for a whole write-up, whatever its length

ENTRY_EQUATION = object()  # an equation between 1 x 1 products, among lines that rewrite it: solved, not judged


def _softmax_entry(argument, index, generic: bool = False):
    """A write-up's S(\\mathbf{x} + c)_i, softmax(\\theta)_i: the softmax's i-th entry e^{x_i + c} / sum_j e^{x_j + c}, over
    the one vector in the argument (a declared column, a lone name, or x or z beside a constant). An entry whose vector
    cannot be told stays S(argument, i), the entry i of a function of its own: its index is never dropped (softmax(a)_i
    softmax(a)_w is not S(a)^2); without an entry S stays a function of the whole vector."""
    entries = getattr(argument, "atoms", lambda *_: set())(sympy.Indexed)
    if len({(e.base, e.indices) for e in entries}) == 1:  # softmax(x_i + c), as students write S(x + c)_i: its entry i
        (entry,) = {e for e in entries}
        if len(entry.indices) == 1 and isinstance(entry.indices[0], sympy.Symbol) and not entry.indices[0].is_number:
            whole = sympy.Symbol(str(entry.base.label), real=True)
            return _softmax_entry(argument.xreplace({entry: whole}), entry.indices[0], generic=True)  # (x or z only, as S(x + c))
    if index is None:
        return sympy.Function("S")(argument)
    vector, length = _softmax_vector(argument, generic)
    if vector is None:  # the generic entry of a function of its own stays that function, as any unknown one
        return sympy.Function("S")(argument) if generic else sympy.Function("S")(argument, index)
    entries = sympy.IndexedBase(vector.name, real=True)
    j = sympy.Dummy("j", integer=True)
    entry = lambda k: sympy.exp(argument.xreplace({vector: entries[k]}))  # noqa: E731
    return entry(index) / sympy.Sum(entry(j), (j, 1, length))


def _softmax_vector(argument, generic: bool = False) -> tuple:
    """(the vector a softmax's argument holds, its length), or (None, None) where that cannot be told. For the generic
    entry of a softmax written without an index (S(x + c) = S(x)) only x or z is taken for a vector: softmax(A) = \\sigma(A)
    names a function, and says nothing of an entry."""
    if getattr(argument, "has", lambda *_: False)(sympy.Indexed):  # S(x_1, x_2): of entries
        return None, None
    columns = [m for m in getattr(argument, "atoms", lambda *_: set())(sympy.MatrixSymbol) if 1 in m.shape]
    if len(columns) == 1 and not getattr(argument, "free_symbols", set()) - {columns[0]} - set(columns[0].shape[0].free_symbols):
        column = columns[0]
        return (column, max(column.shape, key=lambda d: d != 1)) if argument == column else (None, None)
    names = [s for s in getattr(argument, "free_symbols", ()) if isinstance(s, sympy.Symbol)]
    vectors = [s for s in names if s.name in ("x", "z")] if len(names) > 1 or generic else names  # S(x + c): x is the vector
    vectors = [s for s in vectors if "_" not in s.name and "^" not in s.name]  # S(f_{y_i}): an entry, not a vector
    return (vectors[0], DOCUMENT_SIZE) if len(vectors) == 1 else (None, None)


# A write-up with no problem named: the course's functions are known by default (the dialect's sigma, tanh,
# ReLU, H, GELU, and the softmax S(x)_i here); a write-up may define sigma, GELU, H or S for itself.
SOFTMAX = IndexedFunction(_softmax_entry, unwritten=lambda argument, index: _softmax_entry(argument, index, generic=True))
_ARGUMENT = sympy.Symbol("x", real=True)
_GLYPHS = {"sigma": "σ", "sigmoid": "σ"}  # the name a text's own function is shown by, apart from the course's
DOCUMENT = Problem(id="write-up", title="", statement="", variables=(), claims=(), document=True, names={"S": SOFTMAX, "softmax": SOFTMAX})


# --- reading sides --------------------------------------------------------------------------------------


@dataclass
class Read:
    """A side as read: the expression (decimals as placeholders) and the decimals written in it."""

    expr: object
    decimals: tuple = ()
    reading: Reading | None = None
    ambiguous: bool = False  # read with a derivative operator reaching every term after it, which the text leaves open

    @property
    def exact(self):
        """The expression with every decimal at its written value."""
        if not self.decimals or not isinstance(self.expr, sympy.Basic):
            return self.expr
        values = {placeholder: value for placeholder, value, _, _ in self.decimals}
        try:
            return self.expr.xreplace(values)
        except ValueError:  # \sigma'(0.6): a derivative by the decimal's placeholder is one at the value (Subs), not by 0.6
            return self.expr.subs(values)


class Reader:
    """Reads each side once per context (a section's notation, or a problem's)."""

    def __init__(self, text: str):
        self.text = text
        self.cache: dict = {}

    def read(self, side: Side, context: Context) -> Read:
        key = (side.start, side.text, len(side.tokens), id(context))
        if key not in self.cache:
            try:
                reading = read_tokens(side.tokens, self.text, context)
                self.cache[key] = Read(reading.value, reading.decimals, reading)
            except AmbiguousOperand as error:
                self.cache[key] = error
                if not context.operand_reach:  # \\frac{d}{dw} w a + b: read as it is most often meant, and said so
                    try:
                        reading = read_tokens(side.tokens, self.text, replace(context, operand_reach="whole"))
                        self.cache[key] = Read(reading.value, reading.decimals, reading, ambiguous=True)
                    except LatexError as again:
                        self.cache[key] = again
            except LatexError as error:
                self.cache[key] = error
                if side.beside and str(error).startswith("\\sum needs its index"):  # the other sides say which index is the line's
                    try:
                        reading = read_tokens(side.tokens, self.text, replace(context, beside=side.beside))
                        self.cache[key] = Read(reading.value, reading.decimals, reading)
                    except LatexError as again:
                        self.cache[key] = again
        found = self.cache[key]
        if isinstance(found, LatexError):
            raise found
        return found


def _only_inferred(names: tuple, scope: "Scope") -> tuple:
    """The names, when the notation inferred every one of them to be an array (from a transpose, a product, entries
    in a sum) and none was declared, written out by its entries or given a value or formula (which is an array's);
    else nothing. Such a name used where only a number can stand (e^{-\\theta_1 x}, beside x_1 + \\dots + x_n in
    another section) is a number there."""
    given = {str(key) for known in (scope.values, scope.formulas, scope.bodies) for key in known}
    return tuple(names) if names and not set(names) & (scope.notation.declared() | given) else ()


def _as_numbers(scope: "Scope", names: tuple) -> Context:
    """The scope's context with the named arrays read as plain numbers (one context per set of names, kept)."""
    kept = scope.as_numbers.get(names)
    if kept is None:
        kept = scope.as_numbers[names] = replace(scope.context, matrices={k: v for k, v in scope.context.matrices.items() if k not in names})
    return kept


# --- what the write-up has said so far ----------------------------------------------------------------


class DefinitionMisfit(TypeError):
    """What the write-up says a name is cannot stand where the name is used (a number where a matrix is, or the
    other way): the step is not judged, and says which names."""


SUPPOSED_REACH = 5  # lines after an imagined value ("say to a = 2.001") where its consequences are worked ("Then f(a) = 6.003")


@dataclass
class Scope:
    """A section's notation and, in reading order, what its text has said: values, definitions, sums stated."""

    problem: Problem  # the section's problem: notation, declared matrices, the functions defined so far
    context: Context
    notation: Notation
    values: dict = field(default_factory=dict)  # a name's symbol (or entry) -> its value
    valued: dict = field(default_factory=dict)  # a name's key -> (block, block kind) that gave it
    bare: set = field(default_factory=set)  # of those, the keys given a plain number on a line of its own (y = 1)
    defined: dict = field(default_factory=dict)  # functions the write-up defined in this section -> the title they came under
    families: dict = field(default_factory=dict)  # p -> (index symbol, body): p_i = ... for every i
    bodies: dict = field(default_factory=dict)  # a Leibniz name's symbol -> the formula the write-up gave it
    facts: dict = field(default_factory=dict)  # sums the part stated the value of: put in where they recur
    nilpotent: dict = field(default_factory=dict)  # \\epsilon^2 = 0 (dual numbers): the name -> the first power that vanishes
    condition: tuple | None = None  # the last equation to solve (its step, its residual)
    ahead: dict = field(default_factory=dict)  # names a later line of the section defines: key -> (Side, step index)
    used: list = field(default_factory=list)  # what the current step used (definitions, conventions)
    recognised: Problem | None = None
    same_function: dict = field(default_factory=dict)
    seen: set = field(default_factory=set)  # names written in the steps before this one
    formulas: dict = field(default_factory=dict)  # a name's symbol -> the formula the write-up defined it by (net = w_1 i_1 + ...)
    titled: dict = field(default_factory=dict)  # a name's key -> the title its formula was given under
    leibniz: dict = field(default_factory=dict)  # a Leibniz name's symbol -> (its quantity, its variable, order), as read
    known: set = field(default_factory=set)  # names given a formula (a Leibniz name's): not defined again by a later line
    as_numbers: dict = field(default_factory=dict)  # inferred arrays read as numbers where they meet one -> that context
    inferred: set = field(default_factory=set)  # names whose value was only seen put in (y = 0 from (y - a)^2 = (0 - a)^2)
    also: dict = field(default_factory=dict)  # a name carried at a slipped value -> the right value, which may be put in too
    written: dict = field(default_factory=dict)  # a name as spelled -> the side its formula is written in (for values put in later)
    stated: dict = field(default_factory=dict)  # a derivative given its value by a bare "name = number" line -> that line
    applied: dict = field(default_factory=dict)  # J of J_{neg-sample}(o, v_c, U) = ... (a function stated where it is applied) -> its bodies
    told: dict = field(default_factory=dict)  # f(x^n) -> \\hat{y}^n: what a function nothing defines gives where the text says so
    deferred: list = field(default_factory=list)  # updates whose chain goes on (w <- w - 0.2 = 0.3): (step, values), given after it
    supposed: tuple | None = None  # the last value imagined ("say to a = 2.001"): (the step, {symbol: value}); changes no value

    def definition(self, name: str):
        """The body the text's function `name` was defined by (a Lambda), None if it has none."""
        return next((body for function, body in self.problem.definitions.items() if str(function) == name), None)

    def supposition_for(self, step: Step, its_own_line: bool = False) -> tuple | None:
        """The value the text last imagined (say $a = 2.001$), as (its step, {symbol: value}), where it reaches this step:
        the same section, up to SUPPOSED_REACH lines after it (or on its line too). None elsewhere."""
        if self.supposed is None:
            return None
        supposition, _ = self.supposed
        after = step.line - supposition.line
        return self.supposed if supposition.section == step.section and (0 if its_own_line else 1) <= after <= SUPPOSED_REACH else None

    def worked_quantity(self, read) -> frozenset:
        """For a left side that is a Leibniz name (\\frac{\\partial o_1}{\\partial w_5}, ∂o1/∂w5) of a quantity the write-up
        defines: the names of that quantity through its definitions, and the variable (o_1 = w_5 a_{h1} + w_6 a_{h2}: w_5,
        a_h1, w_6, a_h2), with the names of the text's other formulas. What the derivative equals is then a claim over
        those names, not an equation between unknowns. Empty for anything else."""
        if not isinstance(read, sympy.Symbol) or read not in self.leibniz:
            return frozenset()
        quantity, variable, _ = self.leibniz[read]
        quantity = self.abbreviated(quantity)  # E_t for E_Total
        if not isinstance(quantity, sympy.Symbol) or quantity not in self.formulas:
            return frozenset()
        expanded = self._through_definitions(quantity, variable)
        known = {name for formula in self.formulas.values() for name in getattr(formula, "free_symbols", ())}  # (w_22 of y_21's)
        return frozenset(str(name) for name in getattr(expanded, "free_symbols", set()) | known) | {str(variable)}

    def inputs(self, step) -> set:
        """The numbers the text gave names on lines of their own (\\eta = 0.5) before the step's block: inputs, which a
        line copies exactly (a line's own value, dL/dw = 0.0006 stated, is not one)."""
        return {value for name, value in self.values.items() if isinstance(value, sympy.Rational) and name_key(name) in self.bare
                and self.valued.get(name_key(name), (None,))[0] != step.block}

    @contextmanager
    def supposing(self, values: dict):
        """The imagined values in place for one judgement; the scope's values as they were before it after it, whatever
        happens (nothing learned under a supposition outlives it)."""
        kept = dict(self.values)
        self.values.update(values)
        try:
            yield
        finally:
            self.values.clear()
            self.values.update(kept)

    def put_in(self, expr, formulas: bool = True, worked_on: bool = False):
        """An expression with the write-up's functions expanded, then what it says of its names put in: a name's value
        where it has one, else (with `formulas`) the formula it was defined by, until nothing changes. `worked_on`: a
        name's rounded value the text accepted and works on from (y ≈ 0.0831 for 0.08317) in place of its exact one."""
        if not isinstance(expr, (sympy.Basic, sympy.MatrixBase)):
            return expr
        expr = self._worked_derivatives(expr) if formulas else expr
        if isinstance(expr, sympy.Basic) and expr.has(sympy.Sum, sympy.Product):
            expr = self._leibniz_in_sums(expr)
        if formulas:  # before a sum whose summand shows no index is worked out (a family's entries are put in by _families_in)
            expr = _bound_by_name(expr, {name: f for name, f in {**self.values, **self.formulas}.items() if str(name).partition("_")[0] not in self.families})
        expr = _gradients_by_entries(expr, self.problem.definitions) if isinstance(expr, sympy.Basic) else expr
        expr = self.problem.expand_definitions(expr) if isinstance(expr, sympy.Basic) else expr
        expr = _course_functions(expr)
        if self.families:
            expr = self._families_in(expr)
        expr = self._derivatives_in(expr)
        expr = _gradients_at_values(expr, self.values)
        for _ in range(8):  # a name's formula may hold names with values of their own (dL/dw = (\\hat y - y)x)
            if not isinstance(expr, (sympy.Basic, sympy.MatrixBase)):
                break
            present = _names_of(expr) if isinstance(expr, sympy.Basic) else getattr(expr, "free_symbols", set())
            bound = {limit.args[1] for limit in expr.atoms(sympy.Limit)} if isinstance(expr, sympy.Basic) else set()
            bound |= {base.label for base in expr.atoms(sympy.IndexedBase)} if isinstance(expr, sympy.Basic) else set()  # p of p[j]
            known = {**self.values, **self.also} if worked_on else self.values
            values = {name: _as_number_for(name, value) for name, value in known.items() if name in present and name not in bound}
            if formulas:
                values.update({name: _as_number_for(name, formula) for name, formula in self.formulas.items() if name in present and name not in self.values and name not in bound})
            if not values:
                break
            bound_names = isinstance(expr, sympy.Basic) and expr.has(sympy.Sum, sympy.Product, sympy.Derivative, sympy.Integral, sympy.Limit, sympy.Subs)
            try:
                expr = expr.subs(values) if bound_names else expr.xreplace(values)  # subs where a sum's own k is not the k given a value
            except (TypeError, AttributeError, ValueError, NotImplementedError, sympy.ShapeError) as error:  # sympy's "Mix of Matrix and
                # Scalar symbols"; a number transposed; a sum of matrices inside a product ("noncommutative scalars"); max of a matrix
                raise DefinitionMisfit(", ".join(sorted(str(name) for name in values))) from error
            if isinstance(expr, sympy.Basic):
                expr = self.problem.expand_definitions(expr)
        return _told_put_in(expr, self.told) if self.told and isinstance(expr, sympy.Basic) else expr  # f(x^n) where "f(x^n) = \\hat{y}^n"

    def derivative(self, symbol):
        """A Leibniz name (\\partial E / \\partial o) the write-up's definitions let us work out: its quantity with every
        defined name's formula put in (not the variable's), differentiated; None when the quantity does not reach the
        variable through them (then the name stays a quantity of its own)."""
        if symbol not in self.leibniz:
            return None
        quantity, variable, order = self.leibniz[symbol]
        if not isinstance(quantity, sympy.Basic):
            return None
        put = self._formulas_put_in(quantity, variable)
        if isinstance(variable, sympy.MatrixSymbol):
            put = _member_of_whole_sums(put, variable)  # u_o beside \sum_{w=1}^{V} f(u_w): o is one of the V words
            if put is None:
                return None
        if isinstance(variable, sympy.MatrixSymbol) and (_family_summed(put, variable, self.notation.summed)
                                                        or variable not in put.atoms(sympy.MatrixSymbol) and _family_summed(put)):  # u_k of \sum_j f(u_j)
            put = _member_taken_out(put, variable)  # before the sums are worked out: \sum_k f(u_k) read with one u_k would be K f(u_k)
            if put is None:
                return None
        expanded = _course_functions(self.problem.expand_definitions(put))
        variable = _as_entry_in(expanded, variable)
        if not reaches(expanded, variable) or self._kin_without_formula(quantity, expanded, variable) or entry_of_whole(variable, expanded) \
                or whole_of_entries(variable, expanded):
            return None  # (w_i of a formula in the whole w, or w of one in w's entries: no derivative worked out, rather than 0)
        if isinstance(variable, sympy.MatrixSymbol):
            return MatrixDerivative(expanded, variable) if order == 1 and not _family_summed(expanded) else None
        return sympy.diff(bound_apart(expanded), variable, order)  # z_j = \sum_i w_{ij} x_i in w_{ij}: x_i, not \sum_i x_i

    def _kin_without_formula(self, quantity, expanded, variable) -> bool:
        """E_{total} = E_{o1} + E_{o2} where E_{o1} has a formula and E_{o2} only a value: E_{o2} surely depends on the
        variable too, in a way not written, so the derivative cannot be worked out here."""
        labelled = re.compile(r"([A-Za-z]+)_\w+")  # E_o1, net_h2: a quantity of one unit among several (not w_1', the update)
        with_formula = {found.group(1) for name in self.formulas if isinstance(name, sympy.Symbol) and (found := labelled.fullmatch(name.name))}
        return any(isinstance(name, sympy.Symbol) and name != variable and name not in self.formulas
                   and (found := labelled.fullmatch(name.name)) and found.group(1) in with_formula for name in _names_of(expanded))

    def _through_definitions(self, quantity, variable):
        """A quantity with the formula of every name it is defined through put in (not the variable's): what a
        derivative must see, before any value is put in (a value would hide that mu_d depends on x_ij)."""
        return _course_functions(self.problem.expand_definitions(self._formulas_put_in(quantity, variable)))

    def _formulas_put_in(self, quantity, variable):
        """The quantity with the write-up's formulas put in for the names it is defined through, as written (its sums
        not worked out)."""
        expanded = self.abbreviated(quantity)
        kept = str(variable.base.label) if isinstance(variable, sympy.Indexed) else str(variable).partition("_")[0]
        held = _fellow_arguments(expanded, variable)
        for _ in range(12):
            expanded = self._families_in(expanded, kept) if self.families else expanded
            labels = {base.label for base in expanded.atoms(sympy.IndexedBase)}  # p of p[j]: the vector, not its formula
            names = [name for name in _names_of(expanded) if name in self.formulas and name != variable and name not in labels | held]
            if not names:
                break
            expanded = expanded.xreplace({name: self.formulas[name] for name in names})
        return expanded

    def abbreviated(self, quantity):
        """E_t (or ET) for E_Total, as ERA-style write-ups shorten the total error in their derivatives: a name nothing defines
        or gives a value, whose subscript begins the subscript of exactly one defined name of the same letter (and is no
        index a sum runs over, as the t of \\sum_t E_t is), stands for that name; J alone, for the one function of that
        letter stated where it is applied (J_{neg-sample}(o, v_c, U) = ...), for its body; any other quantity is itself."""
        if not isinstance(quantity, sympy.Symbol) or quantity in self.formulas or quantity in self.values:
            return quantity
        base, _, short = quantity.name.partition("_")
        if not short and len(self.applied.get(base, ())) == 1:
            return self.applied[base][0]  # J for the one J_{neg-sample}(o, v_c, U) = ... stated
        if not short and 2 <= len(base) <= 3 and base.isalpha() and base[1:].isupper():
            base, short = base[0], base[1:]  # ET for E_Total, typed together as its initials
        if not base or not short.isalpha() or short in self.notation.summed:
            return quantity
        longer = [name for name in self.formulas if isinstance(name, sympy.Symbol) and name.name.partition("_")[0] == base
                  and len(name.name.partition("_")[2]) > len(short) and name.name.partition("_")[2].lower().startswith(short.lower())]
        return longer[0] if len(longer) == 1 else quantity

    def _worked_derivatives(self, expr):
        """\\frac{\\partial}{\\partial x_{ij}}(x_{nd} - \\mu_d): an operator-form derivative, taken through the definitions."""
        if not isinstance(expr, sympy.Basic) or not (self.formulas or self.families):
            return expr
        pending = [d for d in expr.atoms(sympy.Derivative) if not d.atoms(sympy.Limit)]
        swaps = {}
        for derivative in pending:
            variables = [v for v, _ in derivative.variable_count]
            if len(variables) != 1:
                continue
            operand = self._through_definitions(derivative.expr, variables[0])
            if operand != derivative.expr or variables[0] in self.formulas or entry_base(variables[0]) in self.families:
                # (d/dy_n log y_n with y_n = sigma(a_n) given: by y_n itself, before y_n's formula is put in everywhere)
                swaps[derivative] = sympy.diff(operand, *derivative.variable_count[0])
        return expr.xreplace(swaps) if swaps else expr

    def _leibniz_in_sums(self, expr):
        """Leibniz names inside a sum whose index they carry (\\sum_m \\delta_{mi} \\partial h(X_{mj}) / \\partial X_{ij}), worked out
        before anything works the sum out: as a name the summand shows no m, and the sum would be n times it."""
        carried = lambda symbol: set().union(*(getattr(part, "free_symbols", set()) for part in self.leibniz[symbol][:2]))  # noqa: E731
        inside = {symbol for total in expr.atoms(sympy.Sum, sympy.Product) for symbol in total.function.free_symbols
                  if symbol in self.leibniz and carried(symbol) & set(total.variables)}
        worked = {symbol: self.derivative(symbol) for symbol in inside}
        worked = {symbol: value for symbol, value in worked.items() if value is not None and not isinstance(value, MatrixDerivative)}
        return expr.xreplace(worked) if worked else expr

    def _derivatives_in(self, expr):
        """Leibniz names and tangents with no formula of their own given, worked out from the definitions where they can
        be (a tangent's working holds the tangents before it: \\dot{v}_2 = \\cos(v_1) \\dot{v}_1, worked out in turn)."""
        expr = self._derivatives_once(expr, leibniz=True)
        for _ in range(MAX_TANGENT_DEPTH if self.notation.tangents else 0):  # a text with no tangents: one pass is all
            worked = self._derivatives_once(expr, leibniz=False)
            if worked == expr:
                break
            expr = worked
        return expr

    def _derivatives_once(self, expr, leibniz: bool):
        if not (self.leibniz or self.notation.tangents) or not isinstance(expr, sympy.Basic):
            return expr
        swaps = {}
        for symbol in expr.free_symbols:
            if symbol in self.values or symbol in self.leibniz and not leibniz:
                continue
            worked = self.derivative(symbol) if symbol in self.leibniz else self.tangent(getattr(symbol, "name", ""))
            if worked is not None:
                swaps[symbol] = worked
                self.used.append(f"{symbol.name} worked out from the definitions")
        return expr.xreplace(swaps) if swaps else expr

    def tangent(self, name: str):
        """\\dot{v}_5 of v_5 = \\sqrt{v_4} (forward mode): the sum, over the names the formula uses whose own tangent the
        text writes, of the formula's partial derivative in that name times its tangent; a name whose tangent is never
        written is a constant. None where the dotted name has no formula under it, or its formula no such name."""
        if not name.startswith(TANGENT_MARK) or name not in self.notation.tangents:
            return None
        close = name.index("}")
        under = name[len(TANGENT_MARK):close] + name[close + 1:]
        formula = next((f for s, f in self.formulas.items() if getattr(s, "name", None) == under), None)
        if not isinstance(formula, sympy.Expr):
            return None
        moving = [s for s in formula.free_symbols if isinstance(s, sympy.Symbol) and _dotted(s.name) in self.notation.tangents]
        if not moving:
            return None
        return sympy.Add(*(sympy.diff(formula, s) * sympy.Symbol(_dotted(s.name), real=True) for s in sorted(moving, key=str)))

    def _families_in(self, expr, kept: str = ""):
        """p_j, p[j] for a family p_i = body(i): the body at j (not for the family `kept`: a derivative's variable)."""
        if not isinstance(expr, sympy.Basic):
            return expr
        swaps = {}
        for symbol in expr.free_symbols:
            name = getattr(symbol, "name", "")
            base, _, index = name.partition("_")
            if base in self.families and index and len(index) <= 2 and base != kept:
                at = sympy.Integer(index) if index.isdigit() else sympy.Symbol(index, real=True)
                found = self._family_at(base, at)
                if found is not None:
                    swaps[symbol] = found
        for entry in expr.atoms(sympy.Indexed):
            if not isinstance(entry.base, sympy.IndexedBase):
                continue  # (0.09, 0.24, 0.67)[k]: an entry of a list written out, no family's
            if str(entry.base.label) in self.families and len(entry.indices) == 1 and str(entry.base.label) != kept:
                found = self._family_at(str(entry.base.label), entry.indices[0])
                if found is not None:
                    swaps[entry] = found
        return _replaced(expr, swaps)

    def _family_at(self, base: str, at):
        """The family's formula at an index: the one defined with that letter (\\delta_j, not \\delta_k, where both are
        defined: the letter says the layer), else the only one; None where several are and none is that letter's."""
        bodies = self.families[base]
        if at in bodies:
            return bodies[at]
        if len(bodies) != 1:
            return None
        (letter, body), = bodies.items()
        return body.xreplace({letter: at})


def einstein_sums(expr):
    """Repeated indices summed (the text says so): in each term, an index written twice among its entries (W_{ij} x_j)
    is summed over 1..n, n the length (what a bare sum runs to)."""
    def summed(term):
        counts: dict = {}
        for entry in term.atoms(sympy.Indexed):
            for index in entry.indices:
                if isinstance(index, sympy.Symbol):
                    counts[index] = counts.get(index, 0) + 1
        for delta in term.atoms(sympy.KroneckerDelta):
            for index in delta.args:
                if isinstance(index, sympy.Symbol):
                    counts[index] = counts.get(index, 0) + 1
        bound = {limit[0] for total in term.atoms(sympy.Sum) for limit in total.limits}  # \\sum_i y_i \\log p_i: summed already
        repeated = sorted((index for index, count in counts.items() if count >= 2 and index not in bound), key=str)
        for index in repeated:
            term = sympy.Sum(term, (index, 1, DOCUMENT_SIZE))
        return term

    terms = sympy.Add.make_args(sympy.expand(expr)) if isinstance(expr, sympy.Expr) and expr.has(sympy.Indexed) else None
    if not terms:
        return expr
    return sympy.Add(*(summed(term) for term in terms))


def _family_summed(expr, variable=None, indices=frozenset()) -> bool:
    """L = \\sum_i \\sum_j (\\mathbf{w}_i^T \\tilde{\\mathbf{w}}_j + ...)^2: the sums run over families of vectors (w_1, ..., w_V),
    which the one vector w_i cannot stand for, so no derivative in w_i is worked out from such a formula. With a
    variable: only a member of a summed family named by an index (u_k or u_j in \\sum_k f(u_k), not u_o) counts."""
    for total in expr.atoms(sympy.Sum):
        bound = {limit[0].name for limit in total.limits}  # a Dummy's name is the letter written (i of _i)
        for matrix in total.function.atoms(sympy.MatrixSymbol):
            base, _, index = matrix.name.partition("_")
            if not set(index.strip("{}").replace(",", "")) & bound:
                continue
            if variable is None:
                return True
            own_base, _, own_index = str(variable.name).partition("_")
            if own_base == base and set(own_index.strip("{}")) & (bound | set(indices)):
                return True
    return False


def _member_of_whole_sums(expr, variable):
    """For a derivative by a member written with its own letter (u_o) of an expression that also sums its family over
    another index: a sum over the whole family (to V or |V|, or over a set, w \\in V) holds u_o as one of its terms, so
    that term is taken apart (f(u_o) + the sum over the others, which do not hold u_o); a sum over K drawn samples (word2vec's
    negatives, drawn apart from o) holds no u_o and stays; over any other range whether u_o is among them is not said:
    None (no derivative worked out)."""
    base, _, letter = variable.name.partition("_")
    for total in expr.atoms(sympy.Sum):
        members = {m for m in total.function.atoms(sympy.MatrixSymbol) if m.name.partition("_")[0] == base and m != variable}
        family = [m for m in members if m.name.partition("_")[2].strip("{}") in {limit[0].name for limit in total.limits}]
        if not family or variable in total.function.atoms(sympy.MatrixSymbol) or letter.strip("{}") in {limit[0].name for limit in total.limits}:
            continue
        if len(total.limits) != 1 or len(family) != 1 or isinstance(total.function, sympy.MatrixExpr):
            return None
        (_, _, upper), (member,) = total.limits[0], family
        if isinstance(upper, sympy.Symbol) and upper.name == "K":
            continue  # K samples drawn apart from the member: none of them is u_o
        if not (upper == DOCUMENT_SIZE or isinstance(upper, sympy.Abs) or isinstance(upper, sympy.Symbol) and upper.name in ("V", "W")):
            return None
        expr = expr.xreplace({total: _term_apart(total, member, variable, member)})
    return expr


def _term_apart(total, member, variable, rest):
    """A one-index sum over a family as the term of `variable` (the member its index names) plus the sum over the other
    members, written with `rest` (a vector that is not `variable`): its derivative by `variable` is that term's alone."""
    (index, lower, upper), = total.limits
    own = total.function.xreplace({index: sympy.Symbol(variable.name.partition("_")[2].strip("{}"), integer=True), member: variable})
    return own + sympy.Sum(total.function.xreplace({member: rest}), (index, lower, upper - 1))


def _member_taken_out(expr, variable):
    """For a derivative by one member u_k of a family: \\sum_{j=1}^K f(u_j) is f(u_k) plus the other members' terms, which
    do not hold u_k (read with one u_k the sum would be K f(u_k)); the others stand as one vector of their own, so a sum
    inside a function (\\log \\sum_w \\exp(u_w^T v_c)) keeps their share. Only a scalar sum with one index whose terms hold
    the family in that index alone; None for anything else (\\sum_i \\sum_j w_i^T w_j: each member twice)."""
    base = variable.name.partition("_")[0]
    for total in expr.atoms(sympy.Sum):
        members = {m for m in total.function.atoms(sympy.MatrixSymbol) if m.name.partition("_")[0] == base}
        if not {m.name.partition("_")[2].strip("{}") for m in members} & {limit[0].name for limit in total.limits}:
            continue  # no sum over the family (u_k^T v_c's own sum over entries)
        if len(total.limits) != 1 or len(members) != 1 or isinstance(total.function, sympy.MatrixExpr):
            return None
        (member,) = members
        others = sympy.MatrixSymbol(f"{base}^{{(others)}}", *member.shape)  # every other member: no u_k in them, derivative 0
        expr = expr.xreplace({total: _term_apart(total, member, variable, others)})
    return None if _family_summed(expr, variable) else expr


MAX_TANGENT_DEPTH = 64  # a forward-mode trace's length: its tangents are worked out through at most this many lines


def _dotted(name: str) -> str:
    """v_{-1} -> \\dot{v}_{-1}: the tangent's name of a name, as the parser spells it."""
    cut = min((at for at in (name.find("_"), name.find("^")) if at > 0), default=len(name))
    return f"{TANGENT_MARK}{name[:cut]}}}{name[cut:]}"


def _as_entry_in(expr, variable):
    """z_i as the entry z[i] the expression holds: a family's formula (a_i = \\sigma(z_i) for every i) reads its
    index's names as entries, a Leibniz name's variable is read alone, and both are the same quantity."""
    if not isinstance(variable, sympy.Symbol) or not isinstance(expr, sympy.Basic):
        return variable
    base, _, index = variable.name.partition("_")
    entries = [entry for entry in expr.atoms(sympy.Indexed) if str(entry.base.label) == base and len(entry.indices) == 1
               and str(entry.indices[0]) == index]
    return entries[0] if len(entries) == 1 and variable not in expr.free_symbols else variable


def reaches(expr, variable) -> bool:
    """The expression depends on the variable: it holds it, or (for an entry x_k) an entry of the same vector."""
    names = _names_of(expr)
    if variable in names:
        return True
    return isinstance(variable, sympy.Indexed) and any(isinstance(n, sympy.Indexed) and n.base == variable.base for n in names)


def _replaced(expr, swaps: dict):
    """Names replaced by what they stand for; where one is a derivative's variable (g'(z_j) with z_j's formula),
    by subs, which keeps the derivative at that value."""
    if not swaps:
        return expr
    try:
        return expr.xreplace(swaps)
    except ValueError:
        return expr.subs(swaps)


def _names_of(expr) -> set:
    """The names in an expression: its symbols and its vectors' entries."""
    if not isinstance(expr, sympy.Basic):
        return set()
    return set(expr.free_symbols) | set(expr.atoms(sympy.Indexed))


def _course_functions(expr):
    """A function the section defines but has not yet (\\sigma used above its definition) is the course's own."""
    if not isinstance(expr, sympy.Basic):
        return expr
    pending = {f for f in expr.atoms(sympy.core.function.AppliedUndef) if str(f.func) in dialect.FUNCTIONS and len(f.args) == 1}  # H(y, p) is no step
    if not pending:
        return expr
    return expr.xreplace({f: dialect.FUNCTIONS[str(f.func)](*f.args) for f in pending}).doit()


# --- small helpers on sides --------------------------------------------------------------------------


def decimals_shown(side: Side) -> list[str]:
    """The decimals written in a side, as written (0.7971, 3.35 in 3.35 \\times 10^{-4})."""
    return [t.text for t in side.tokens if t.kind == "number" and "." in t.text]


def letters_shared(side: Side, other) -> bool:
    """A side written with a letter that is a name of the other (read) side: (1 - e^{-z})/(1 - e^{-z}) reads as 1, but
    against f(z)(1 - f(z)) it is a claim for every z, not a value given for an expression in unknowns. A side that is
    only derivatives' names (\\partial L / \\partial w, stated -2 at an example's values) shares no letter: its w names."""
    if leibniz_fractions(side):
        return False
    names = {str(name) for name in getattr(other, "free_symbols", ())}
    found, skipping = [t for t in side.tokens if t.kind != "space"], False
    for at, token in enumerate(found):
        skipping = skipping and not token.is_("symbol", "}") or at and found[at - 1].is_("command", "begin", "end")  # {bmatrix}
        if not skipping and (token.kind == "letter" or token.kind == "command" and token.text in dialect.GREEK) and token.text in names:
            return True  # a letter, or a Greek letter's command (\\alpha, read as alpha)
    return False


ALGORITHM_REACH = 8  # lines around a circle of two definitions where an algorithm's "repeat" makes it a loop


def _written_zero(side: Side) -> bool:
    """A side that is the number 0 as written (a condition's right side: ... = 0)."""
    return is_written_number(side) and spelled_back(side.tokens).strip() in ("0", "0.0")


def _derivative_variable(side: Side) -> str | None:
    """The variable of a side that is one Leibniz derivative (\\frac{\\partial L}{\\partial w_{1}}: w_1), as plain_name
    spells it; None for any other side."""
    derivative = _one_derivative(leibniz_factors(side) or {})
    return plain_name(derivative[1]) if derivative is not None else None


def is_written_number(side: Side) -> bool:
    """A side that is only a number as written: -0.0239, 6.2 \\times 10^{-4}, 6e-4, 1{,}000."""
    found = [t for t in side.tokens if t.kind != "space"]
    if found and found[0].is_("symbol", "-", "+"):
        found = found[1:]
    if len(found) == 1 and found[0].kind == "number":
        return True
    if len(found) >= 5 and found[0].kind == "number" and found[1].is_("command", "times", "cdot") and found[2].is_("number", "10") and found[3].is_("symbol", "^"):
        rest = found[4:]
        if rest and rest[0].is_("symbol", "{") and rest[-1].is_("symbol", "}"):
            rest = rest[1:-1]
        if rest and rest[0].is_("symbol", "-", "+"):
            rest = rest[1:]
        return len(rest) == 1 and rest[0].kind == "number"
    return False


_ENTRY_STARTS = {("symbol", "&"), ("symbol", ","), ("symbol", "["), ("symbol", "("), ("command", "\\"), ("command", "left")}
_ENTRIES_END = {("symbol", "]"), ("symbol", ")"), ("command", "right")}


def _as_list(read):
    """A one-row or one-column array as the list of its entries (a Tuple); anything else as it is."""
    return sympy.Tuple(*read) if isinstance(read, sympy.MatrixBase) and 1 in read.shape else read


def is_written_value(side: Side, products: bool = False) -> bool:
    """A side that is a value as written: a number, or a matrix or list of numbers (each with its sign, nothing
    worked out): 0.4, [0.5, -0.2], \\begin{bmatrix} 0.49998 \\\\ 0.499996 \\end{bmatrix}. With `products`, matrices of
    numbers side by side too ([4 1 2][2; 2; 1]: numbers only, though a product to work out)."""
    if is_written_number(side):
        return True
    found = [t for t in side.tokens if t.kind != "space"]
    numbers, entry_start, at, depth, closed = 0, True, 0, 0, False
    while at < len(found):
        token = found[at]
        if token.is_("command", "begin", "end") and at + 3 < len(found) and found[at + 1].is_("symbol", "{"):
            closing = next((k for k in range(at + 2, len(found)) if found[k].is_("symbol", "}")), None)
            if closing is None or token.is_("command", "begin") and depth == 0 and closed and not products:
                return False  # [2; 3][1 4]: two matrices side by side are a product, worked out, not a value written
            depth += 1 if token.is_("command", "begin") else -1
            closed = closed or depth == 0
            at, entry_start = closing + 1, token.is_("command", "begin")  # the environment's name
            continue
        if token.kind == "number":
            numbers += 1
            entry_start = False
        elif token.is_("symbol", "-", "+") and entry_start:
            entry_start = False
        elif (token.kind, token.text) in _ENTRY_STARTS | _ENTRIES_END:
            entry_start = (token.kind, token.text) in _ENTRY_STARTS
        else:
            return False
        at += 1
    return numbers > 0


def is_plain_number(side: Side) -> bool:
    """A side that is an integer or a decimal, with its sign, and nothing else."""
    found = [t for t in side.tokens if t.kind != "space"]
    if found and found[0].is_("symbol", "-"):
        found = found[1:]
    return len(found) == 1 and found[0].kind == "number"


def words_of(side: Side) -> bool:
    """A side that names a quantity in words: \\# of filters, \\text{filter size}."""
    found = side.tokens
    if any(t.is_("command", "#") for t in found):
        return True
    for at, token in enumerate(found):
        if token.kind == "command" and token.text in ("text", "textrm", "mathrm", "mbox") and at + 1 < len(found) and found[at + 1].is_("symbol", "{"):
            letters = []
            for inner in found[at + 2:]:
                if inner.is_("symbol", "}"):
                    break
                letters += [inner.text] if inner.kind == "letter" else []
            if len(letters) >= 2 and "".join(letters) not in dialect.FUNCTIONS:  # \\text{ln}: a function, no words
                return True
    return False


def _bound_by_name(expr, formulas: dict):
    """Inside a sum over i, a name whose formula speaks of i stands for that formula at the sum's i (\\sum_i
    \\frac{df}{dz_i} with df/dz_i = z_i - y_i is \\sum_i (z_i - y_i)): put in before the sum is worked out, which would
    otherwise take the name for a constant and the i of its formula for another, free i."""
    if not isinstance(expr, sympy.Basic) or not expr.has(sympy.Sum, sympy.Product):
        return expr

    def rebound(total):
        function = total.function
        for limit in total.limits:
            variable = limit[0]
            named = {name: formula for name, formula in formulas.items() if isinstance(name, sympy.Symbol) and name in function.free_symbols and isinstance(formula, sympy.Basic)
                     and any(getattr(s, "name", None) == variable.name for s in formula.free_symbols)}
            put = {name: formula.xreplace({s: variable for s in formula.free_symbols if getattr(s, "name", None) == variable.name}) for name, formula in named.items()}
            function = function.xreplace(put) if put else function
        return total.func(function, *total.limits) if function != total.function else total
    return expr.replace(lambda e: isinstance(e, (sympy.Sum, sympy.Product)), rebound)


def _course_function_defined(step: Step, entry: bool = False) -> str:
    """The course function (\\sigma, GELU, H) a line starting a chain gives a formula of its own, applied on its left side
    (\\sigma(\\mathbf{z})_i = ...), else "". With `entry`, only where the left side is an entry of its value (the _i after
    the bracket: a softmax, not the logistic's \\sigma(z) = \\frac{1}{1+e^{-kz}}, which defines \\sigma itself)."""
    found = [t for t in step.left.tokens if t.kind != "space"] if step.left is not None and step.first_of_chain else []
    if len(found) < 3 or found[0].kind not in ("command", "letter") or not found[1].is_("symbol", "(") or found[0].text not in dialect.REDEFINABLE:
        return ""
    depth, close = 0, None
    for at, token in enumerate(found[1:], start=1):
        depth += token.is_("symbol", "(") - token.is_("symbol", ")")
        if depth == 0:
            close = at
            break
    subscripted = close is not None and close + 1 < len(found) and found[close + 1].is_("symbol", "_")
    return found[0].text if subscripted or not entry else ""


def _sentence_word(side: Side | None) -> str:
    """The word of prose a side begins with, typed as letters (when in `when y = 1`), else ""."""
    found = [t for t in side.tokens if t.kind != "space"] if side is not None else []
    run = 0
    while run < len(found) and found[run].kind == "letter" and (run == 0 or not found[run].space_before):
        run += 1
    word = "".join(t.text for t in found[:run])
    return word if run >= 2 and run < len(found) and found[run].space_before and word.lower() in prose.CONNECTIVES else ""


def name_of(side: Side, notation: Notation):
    """The name a side is, if it is one name (x_3, \\Sigma_1, v_5, \\hat y, w^{new}), else None."""
    return single_name(side.tokens, frozenset(notation.words))


def leibniz_factors(side: Side):
    """A side that is only a product of Leibniz fractions (\\frac{\\partial L}{\\partial y} \\frac{dy}{dx}, or on one line
    ∂L/∂y ∂y/∂x), as the fractions' net quantities over variables (L over x); None for anything else (a number, a sum,
    d/dx)."""
    fractions = leibniz_fractions(side)
    return _net_of(fractions) if fractions else None


def _one_derivative(net: dict) -> tuple[str, str] | None:
    """A net of Leibniz fractions that is one quantity over one variable (L over x): (quantity, variable); else None."""
    if len(net) != 2 or sorted(net.values()) != [-1, 1]:
        return None
    (top,), (bottom,) = [q for q, p in net.items() if p == 1], [q for q, p in net.items() if p == -1]
    return top, bottom


def _net_of(fractions) -> dict[str, int]:
    """The quantities over variables that a product of Leibniz fractions cancels to (L over x for dL/dy dy/dx)."""
    net: dict[str, int] = {}
    for top, bottom in fractions:
        for quantity, sign in ((_quantity(top), 1), (_quantity(bottom), -1)):
            net[quantity] = net.get(quantity, 0) + sign
    return {quantity: power for quantity, power in net.items() if power}


def leibniz_fractions(side: Side) -> list[tuple[list, list]] | None:
    """The (quantity, variable) tokens of each Leibniz fraction of a side that is only their product, in order;
    None for anything else."""
    return _fractions_of(side.tokens)


def _fractions_of(written) -> list[tuple[list, list]] | None:
    found = [t for t in written if t.kind != "space" and not t.is_("command", "cdot", "times") and not t.is_("symbol", "*", ".")]  # dL/dy . dy/dz too
    fractions = []
    at = 0
    while at < len(found):
        fraction = _framed_fraction(found, at) or _slashed_fraction(found, at)
        if fraction is None:
            return None
        top, bottom, at = fraction
        if not top or not bottom or not _is_differential(top[0]) or not _is_differential(bottom[0]) or len(top) < 2 or len(bottom) < 2:
            return None
        if top[1].kind == "letter" and len(top) == 2 and top[1].text == "d":
            return None
        fractions.append((top[1:], bottom[1:]))
    return fractions or None


def _framed_fraction(found, at: int):
    """\\frac{top}{bottom} at `at`: (top, bottom, the index after it), or None."""
    if not found[at].is_("command", "frac", "dfrac", "tfrac") or at + 1 >= len(found) or not found[at + 1].is_("symbol", "{"):
        return None
    numerator_end = group_end(found, at + 1)
    if numerator_end is None or numerator_end + 1 >= len(found) or not found[numerator_end + 1].is_("symbol", "{"):
        return None
    denominator_end = group_end(found, numerator_end + 1)
    if denominator_end is None:
        return None
    return found[at + 2:numerator_end], found[numerator_end + 2:denominator_end], denominator_end + 1


def _slashed_fraction(found, at: int):
    """∂top/∂bottom at `at`, the bottom running to the next ∂: (top, bottom, the index after it), or None."""
    if not found[at].is_("command", "partial"):
        return None
    slash = next((index for index in range(at + 1, len(found)) if found[index].is_("symbol", "/") or found[index].is_("command", "partial")), None)
    if slash is None or not found[slash].is_("symbol", "/") or slash + 1 >= len(found) or not found[slash + 1].is_("command", "partial"):
        return None
    end = next((index for index in range(slash + 2, len(found)) if found[index].is_("command", "partial")), len(found))
    return found[at:slash], found[slash + 1:end], end


def chain_rule(step: Step) -> Step | None:
    """dF/dRelu dRelu/df = dF/dRelu dRelu/d(fI+b) d(fI+b)/df: products of Leibniz fractions whose quantities
    cancel to the same quantity over the same variable are the chain rule, valid as written (for each
    link's dependence through the next, which the write-up asserts and no value of it contradicts)."""
    if step.kind != "equal":
        return None
    left, right = leibniz_factors(step.left), leibniz_factors(step.right)
    if left is not None and right is not None and left and left == right:
        return replace(step, verdict="valid", feedback="the chain rule: the Leibniz fractions cancel to the same derivative")
    for one, summed in ((left, step.right), (right, step.left)):
        through = _summed_chain(summed) if one else None
        if through is not None and through[0] == one:
            return replace(step, verdict="valid", feedback=f"the chain rule summed over every {through[1]} on the way: the Leibniz "
                                                           "fractions cancel to the same derivative")
    return None


def _summed_chain(side) -> tuple[dict, str] | None:
    """\\sum_k \\frac{\\partial C}{\\partial a_k} \\frac{\\partial a_k}{\\partial z_j}: a sum over an index of a product of Leibniz
    fractions whose quantities between the ends carry that index and the ends do not: (the ends, the index), as the chain
    rule through every a_k gives dC/dz_j. None for anything else."""
    found = [t for t in side.tokens if t.kind != "space"] if side is not None else []
    indices, at = [], 0
    while at + 1 < len(found) and found[at].is_("command", "sum") and found[at + 1].is_("symbol", "_"):
        lower, at = script_group(found, at + 2)  # \\sum_m \\sum_n, \\sum_{m,n}: every index summed on the way
        before = next((n for n, t in enumerate(lower) if t.is_("symbol", "=") or t.is_("command", "in")), len(lower))  # \\sum_{j=1}^{K}, \\sum_{j \\in ch(i)}: j
        letters = [t.text for t in lower[:before] if not t.is_("symbol", ",")]
        if not letters or not all(len(letter) == 1 and letter.isalpha() for letter in letters):
            return None
        indices += letters
        if at < len(found) and found[at].is_("symbol", "^"):
            _, at = script_group(found, at + 1)
    body = found[at:]
    if len(body) > 2 and (body[0].is_("symbol", "{") and body[-1].is_("symbol", "}") or body[0].is_("symbol", "(") and body[-1].is_("symbol", ")")):
        body = body[1:-1]
    fractions = _fractions_of(body) if indices else None
    if not fractions or len(fractions) < 2:
        return None
    ends = _net_of(fractions)
    between = [t for top, bottom in fractions for t in (*top, *bottom)]
    if not all(any(t.is_("letter", index) for t in between) and not any(index in quantity for quantity in ends) for index in indices):
        return None
    return ends, ", ".join(indices)


def sizes_multiplied(step: Step) -> Step | None:
    """(J \\times K)(K \\times 1) = J \\times 1, (64 \\times 20) \\times (20 \\times 1) = (64 \\times 1): a check of the shapes a
    product takes, not numbers multiplied. Judged by the rule of matrix products (the inner sizes agree, the outer ones
    remain); None where a side is not sizes alone."""
    if step.kind != "equal" or step.left is None or step.right is None:
        return None
    left, right = _size_groups(step.left.tokens), _size_groups(step.right.tokens)
    if left is None or right is None or max(len(left), len(right)) < 2:
        return None  # a \\times b = b \\times a: numbers multiplied; a product of shapes writes two groups or more
    if all(size.isdigit() for group in left + right for size in group) and _multiplied(left) == _multiplied(right):
        return None  # (2 \\times 3)(1 \\times 1) = (6 \\times 1): numbers whose product holds, whatever else they could be
    left, right = _product_shape(left), _product_shape(right)
    if "mismatch" in (left, right):
        return replace(step, verdict="invalid", feedback="the inner sizes of this product do not agree: it has no shape")
    if left == right:
        return replace(step, verdict="valid", feedback=f"the sizes multiply to {' x '.join(left)} on both sides")
    return replace(step, verdict="invalid", feedback=f"the left side multiplies to {' x '.join(left)}, the right side to {' x '.join(right)}")


# Between two bracketed shapes: side by side, or a product's sign as texts write it ((1 x n) \\times (n x 1), \\cdot, @)
_SHAPE_PRODUCTS = (("command", "times"), ("command", "cdot"), ("symbol", "*"), ("error", "@"))


def _size_groups(found) -> list[tuple[str, str]] | None:
    """The sizes of a side written as shapes multiplied, (a \\times b)(b \\times c) or a \\times b alone: [(a, b), (b, c)];
    None for anything else."""
    found = [t for t in found if t.kind != "space" and not t.is_("command", "left", "right")]
    bare = not any(t.is_("symbol", "(") for t in found)
    groups, at = [], 0
    while at < len(found):
        if groups and not bare and any(found[at].is_(*sign) for sign in _SHAPE_PRODUCTS):
            at += 1
        end = len(found) if bare else next((k for k in range(at, len(found)) if found[k].is_("symbol", ")")), None)
        if end is None or not bare and not found[at].is_("symbol", "("):
            return None
        inner = found[at:end] if bare else found[at + 1:end]
        if len(inner) != 3 or not inner[1].is_("command", "times") or not all(t.kind in ("letter", "number") for t in (inner[0], inner[2])):
            return None
        groups.append((inner[0].text, inner[2].text))
        at = end if bare else end + 1
    return groups or None


def _multiplied(groups) -> int:
    product = 1
    for rows, columns in groups:
        product *= int(rows) * int(columns)
    return product


def _product_shape(groups) -> tuple[str, str] | str:
    """The shape of a product of shapes, or "mismatch" where an inner pair of sizes differs."""
    rows, columns = groups[0]
    for inner_rows, inner_columns in groups[1:]:
        if inner_rows != columns:
            return "mismatch"
        columns = inner_columns
    return rows, columns


def _equates_indices(step: Step) -> bool:
    """The step holds where two index letters are one (\\text{if } i = j, ...): its tokens' index letters may differ
    as written, so the slips read from them (a chain over x_j against x_i) are no slips there."""
    side = step.condition_side
    if side is None:
        return False
    found = [t for t in side.tokens if t.kind != "space"]
    return len(found) == 3 and found[1].is_("symbol", "=") and found[0].kind == found[2].kind == "letter"


def chain_slip(step: Step, words: frozenset = frozenset(), unit=None) -> Step | None:
    """A chain rule whose fractions cancel to the same quantity over another variable than the left side's: invalid.
    Either a variable of the same name (\\frac{\\partial E}{\\partial w_{12}} = \\frac{\\partial E}{\\partial h_2}\\frac{\\partial h_2}{\\partial w_{11}}:
    an index slip), or, in a chain of two links or more, another name (\\frac{\\partial J}{\\partial v_c} = \\frac{\\partial J}{\\partial \\theta}
    \\frac{\\partial \\theta}{\\partial U}). One fraction alone (\\frac{dL}{db} = \\frac{dL}{dz}, right when dz/db = 1) and anything looser
    (E_total over E_o1, a fraction that does not cancel) are left to the other checks. `unit(quantity, variable)` (tokens): whether
    the write-up makes \\partial quantity / \\partial variable 1 (u = Wh + b: \\partial E/\\partial b = \\partial E/\\partial u is right)."""
    if step.kind != "equal" or step.left is None or step.right is None:
        return None
    left_links, links = leibniz_fractions(step.left), leibniz_fractions(step.right)
    left, right = _net_of(left_links or ()), _net_of(links or ())
    over, chain_over = _one_derivative(left), _one_derivative(right)
    if over is None or chain_over is None:
        return None
    (top, bottom), (chain_top, chain_bottom) = over, chain_over
    if top != chain_top and bottom == chain_bottom and _siblings(top, chain_top) and len(links) >= 2:
        return replace(step, verdict="invalid", feedback=f"the chain rule's fractions cancel to \\partial {chain_top}/\\partial {bottom}, not "
                                                         f"\\partial {top}/\\partial {bottom}: it starts from another quantity")
    if top != chain_top or bottom == chain_bottom:
        return None
    same_name = bottom.partition("_")[0] == chain_bottom.partition("_")[0] and "_" in bottom and "_" in chain_bottom
    if not same_name and not _chain_to_another_variable(left_links, links, words):
        return None
    if unit is not None and unit(links[-1][1], left_links[0][1]):
        return None
    return replace(step, verdict="invalid", feedback=f"the chain rule's fractions cancel to \\partial {top}/\\partial {chain_bottom}, not \\partial {top}/\\partial {bottom}: "
                                                     "a factor is taken over the wrong variable")


def upside_down_link(step: Step) -> Step | None:
    """\\frac{dL}{de} = \\frac{de}{dd} \\frac{dL}{dd}: a chain rule whose fractions do not cancel to the left side's derivative
    but would with one of them turned over (dd/de for de/dd): invalid, as a rule (it holds only where that link is
    1 or -1), naming the link. Anything else that does not cancel is left to the other checks."""
    if step.kind != "equal" or step.left is None or step.right is None:
        return None
    left, links = leibniz_fractions(step.left), leibniz_fractions(step.right)
    wanted = _net_of(left or ())
    if _one_derivative(wanted) is None or not links or len(links) < 2 or _net_of(links) == wanted:
        return None
    for at, (top, bottom) in enumerate(links):
        if _net_of([*links[:at], (bottom, top), *links[at + 1:]]) == wanted:
            written, turned = (f"\\partial {spelled_back(a).strip()}/\\partial {spelled_back(b).strip()}" for a, b in ((top, bottom), (bottom, top)))
            return replace(step, verdict="invalid", feedback=f"the chain rule's fractions do not cancel to the left side's derivative: {written} "
                                                             f"is upside down (the chain rule takes {turned})")
    return None


def term_slip(step: Step) -> Step | None:
    """A chain rule written as a sum of terms, each a product of Leibniz fractions (the k = j term and the sum over
    k \\neq j), where a term's fractions meet the left side's derivative but for the index of one name: invalid.
    Either the term cancels to the same quantity over a sibling of the variable (\\partial L/\\partial z_k for
    \\partial L/\\partial z_j, k not summed there), or two of its links do not meet (\\partial L/\\partial z_j then
    \\partial z_k/\\partial W). Sums of other things, and letters a sum around the term runs over, are left alone."""
    if step.kind != "equal" or step.left is None or step.right is None:
        return None
    wanted = _net_of(leibniz_fractions(step.left) or ())
    asked = _one_derivative(wanted)
    if asked is None:
        return None
    top, bottom = asked
    terms = _summed_terms([t for t in step.right.tokens if t.kind != "space"])
    if terms is None:
        return None
    written = {_quantity(q): spelled_back(q).strip() for _, fractions in terms for pair in fractions for q in pair}
    written.update({_quantity(q): spelled_back(q).strip() for pair in leibniz_fractions(step.left) for q in pair})
    for number, (bound, fractions) in enumerate(terms, 1):
        net = _net_of(fractions)
        if net == wanted:
            continue
        which = f"term {number}'s" if len(terms) > 1 else "the chain rule's"
        over = [q for q, p in net.items() if p == -1]
        if len(net) == 2 and net.get(top) == 1 and len(over) == 1 and _index_sibling(bottom, over[0], bound) and len(terms) > 1:
            return replace(step, verdict="invalid", feedback=f"{which} fractions cancel to \\partial {written[top]}/\\partial {written[over[0]]}, "
                                                             f"not \\partial {written[top]}/\\partial {written[bottom]}: an index slip")
        rest = {q: p for q, p in net.items() if q not in wanted or net[q] != wanted[q]}
        unmet = _one_derivative(rest) if {q: p for q, p in net.items() if q in wanted} == wanted else None
        if unmet is not None:
            up, down = unmet
            if _index_sibling(down, up, bound):
                return replace(step, verdict="invalid", feedback=f"{which} links do not meet: \\partial/\\partial {written[down]} is followed "
                                                                 f"by \\partial {written[up]}, another entry (an index slip)")
    return None


def index_slip(step: Step, notation: Notation) -> Step | None:
    """A name given with an index (p_j = ..., z_j = ...) whose other side is written in another index: a sum that runs
    over the name's own index (z_j = \\sum_j w_{jk} a_k: the j inside is not the j outside), or an index no sum binds
    and the name does not carry, while none of the name's indices appear (p_j = e^{a_i} / \\sum_k e^{a_k}): invalid.
    Only letters the text sums over somewhere count as indices (out, o in z_o, a unit's label, do not), and a line
    under a condition (p_i = p_j when i = j), a sum written with an ellipsis (its last index a size), a bare \\sum (p_t =
    e^{y_t} / \\sum e^{y_t}: over the entries of the vector y_t, loosely) and the summation convention are left alone."""
    if step.kind != "equal" or step.left is None or step.right is None or step.condition_side is not None or step.role == "condition" \
            or notation.has("einstein"):
        return None
    name = single_name(step.left.tokens, frozenset(notation.words))
    if name is None:
        return _leibniz_index_slip(step, notation)
    if name.key in notation.sizes:
        return None  # N_i = N_s N_k: sizes labelled by the indices that run to them
    own = _index_letters(name, notation.summed, alone=True)
    if not own:
        return None
    bound = summed_indices(step.right)
    shadowed = sorted(own & summed_indices(step.right, bare=False))  # p_t = e^{y_t} / \\sum e^{y_t}: a bare sum over y_t's entries, loosely
    if shadowed:
        return replace(step, verdict="invalid", feedback=f"the sum runs over {shadowed[0]}, the index {step.lhs} is written with: the "
                                                         f"{shadowed[0]} inside the sum is not the one outside (an index slip?)")
    written = _indices_written(step.right, notation)
    stray = written - bound - own - {name.base}  # i_t = \\sigma(W_i x_t + b_i): the input gate's own W and b, labelled i
    return _stray_index(step, stray, apart=not written & own)


def _leibniz_index_slip(step: Step, notation: Notation) -> Step | None:
    """\\partial C / \\partial a^L_k = 2(a^L_i - y_i): a derivative named by one Leibniz fraction of two names, whose
    formula is written in an index that neither name carries and no sum binds, while none of the names' indices appear:
    invalid, as for a name given with an index (index_slip). A sum whose index is also the derivative's (an author
    reusing j inside) is left alone here."""
    fractions = leibniz_fractions(step.left)
    words = frozenset(notation.words)
    if not fractions or len(fractions) != 1 or any(single_name([t for t in part if t.kind != "space"], words) is None for part in fractions[0]):
        return None
    own = _script_letters(step.left.tokens)[0]  # \\bm{H_j}, u_{w_s}: every letter written in a subscript
    if not own:
        return None  # \\partial C / \\partial \\gamma = \\partial C / \\partial y_i \\partial y_i / \\partial \\gamma: a sum left unwritten, not a slip
    scripted, summed = _script_letters(step.right.tokens)
    stray = _indices_written(step.right, notation) - summed_indices(step.right) - summed - own
    return _stray_index(step, stray, apart=not scripted & own)


def _indices_written(side: Side, notation: Notation) -> set:
    """The indices the names of a side carry (letters the text sums over somewhere, see _index_letters)."""
    written = set()
    for other in Scanner([t for t in side.tokens if t.kind != "space"], frozenset(notation.words)).names():
        written |= _index_letters(other, notation.summed)
    return written


def _stray_index(step: Step, stray: set, apart: bool) -> Step | None:
    """Invalid when the right side carries indices of its own (`stray`) and none of the left's (`apart`), unless it is
    a sum written with an ellipsis (W_1 X_1 + \\dots + W_n X_n: n a size) or vectorised (\\delta_j = f'(z_j) \\circ
    (W^k)^\\top \\delta_k: subscripts name layers)."""
    patterned = any(t.kind == "command" and t.text in ELLIPSES for t in step.right.tokens)
    if not stray or not apart or patterned or writes_transpose_in(step.right.tokens):
        return None
    return replace(step, verdict="invalid", feedback=f"the right side carries the index {', '.join(sorted(stray))}, which {step.lhs} "
                                                     f"does not, and no sum runs over it: an index slip?")


def _script_letters(written) -> tuple[set, set]:
    """The lower-case letters written in subscripts, however deep (x_{ij}, \\bm{H_j}, u_{w_s}: i, j, w, s), and every
    letter under a sum or product sign (\\sum_{m,n}, \\sum_{sj}: m, n, s, j), however many it runs over."""
    found = [t for t in written if t.kind != "space"]
    scripted, summed = set(), set()
    for at, token in enumerate(found[:-1]):
        if token.is_("symbol", "_"):
            close = group_end(found, at + 1) if found[at + 1].is_("symbol", "{") else at + 1
            letters = {t.text for t in found[at + 1:(close or at + 1) + 1] if t.kind == "letter" and len(t.text) == 1}
            scripted |= {letter for letter in letters if letter.islower()}
            if at and found[at - 1].is_("command", "sum", "prod"):
                summed |= letters
    return scripted, summed


def _index_letters(name, summed: set, alone: bool = False) -> set:
    """A name's indices that are indices: single letters of its subscript, each one the text sums over (z_j, w_{jk});
    none for a label (h_{out}, w_{\\text{new}}, z_o where no sum runs over o). `alone`: a subscript of one letter is an
    index whether or not a sum runs over it (the name's own index, p_j)."""
    if any(t.kind == "command" for t in name.subscript):
        return set()
    letters = {str(i) for i in name.indices if str(i).isalpha() and len(str(i)) == 1 and str(i).islower()}
    if alone and len(name.indices) == 1 and letters:
        return letters
    return letters if letters and letters <= summed else set()


def _named_entries(base: str, entries, first: int) -> dict:
    """A vector's entries as the text names them, numbered from `first`: base[n] (a vector's entry, as sums read it),
    then base_n (as typed)."""
    numbered = list(enumerate(entries, start=first))
    vector = sympy.IndexedBase(base, real=True)
    return {**{vector[n]: value for n, value in numbered}, **{sympy.Symbol(f"{base}_{n}", real=True): value for n, value in numbered}}


def _entries_of_values(values: dict, notation: Notation) -> dict:
    """h = (0.5331, 0.5349) as a column or row of numbers gives its entries too: h_1, h_2 (and h[1], h[2]), numbered
    as the text numbers that vector's entries, so h_1(1 - h_1) after it is a number; a matrix of numbers its entries
    v_{11}, v_{12}, ... (rows and columns from 1)."""
    entries = {}
    for name, value in values.items():
        base = str(getattr(name, "name", name))
        if not isinstance(value, sympy.MatrixBase) or len(value) < 2 or not re.fullmatch(r"[A-Za-z]+", base):
            continue
        if not all(getattr(entry, "is_number", False) for entry in value):
            continue
        if 1 in value.shape:
            entries.update(_named_entries(base, list(value), notation.first_entry(base, len(value))))
        elif max(value.shape) <= 9:
            array = sympy.IndexedBase(base, real=True)  # v = [[0.4, 0.45], [0.5, 0.55]]: v_{11} = 0.4, v_{12} = 0.45, ...
            for row in range(1, value.shape[0] + 1):
                for column in range(1, value.shape[1] + 1):
                    entries[sympy.Symbol(f"{base}_{row}{column}", real=True)] = entries[array[row, column]] = value[row - 1, column - 1]
    return entries


def _summed_terms(found) -> list[tuple[set, list]] | None:
    """The terms of a side that is a sum of products of Leibniz fractions, each maybe under a \\sum: (the letters that
    sum runs over, the fractions); None where any term is anything else."""
    terms, start, depth = [], 0, 0
    for at, token in enumerate(found + [None]):
        if token is not None and (token.is_("symbol", "{", "(", "[") or token.is_("command", "left")):
            depth += 1
        elif token is not None and (token.is_("symbol", "}", ")", "]") or token.is_("command", "right")):
            depth -= 1
        if token is None or depth == 0 and token.is_("symbol", "+", "-") and at > start:
            terms.append(found[start:at])
            start = at + 1 if token is not None else at
        elif depth == 0 and token.is_("symbol", "+", "-") and at == start:
            start = at + 1
    read = []
    for term in terms:
        bound, at = set(), 0
        if term and term[0].is_("command", "sum") and len(term) > 2 and term[1].is_("symbol", "_"):
            script, at = script_group(term, 2)
            first = next((t for t in script if t.kind == "letter"), None)
            bound = {first.text} if first is not None else set()
            if at + 1 < len(term) and term[at].is_("symbol", "^"):
                at = script_group(term, at + 1)[1]
        fractions = _fractions_of(term[at:])
        if fractions is None:
            return None
        read.append((bound, fractions))
    return read or None


def _index_sibling(wanted: str, written: str, bound: set) -> bool:
    """z_k written for z_j (t_1 for t_2): the same name but for one index in its subscript, a letter no sum here runs
    over or a digit."""
    if len(wanted) != len(written) or wanted == written:
        return False
    apart = [at for at, (a, b) in enumerate(zip(wanted, written)) if a != b]
    if len(apart) != 1:
        return False
    at = apart[0]
    letters = (wanted[at], written[at])
    neighbours = (wanted[at - 1:at], wanted[at + 1:at + 2])
    alone = all(not n.isalpha() for n in neighbours)  # z_k, W_{k,i}: an index letter on its own, not part of a word
    indices = all(c.islower() for c in letters) or all(c.isdigit() for c in letters)
    return "_" in wanted[:at] and indices and alone and written[at] not in bound


def _siblings(quantity: str, other: str) -> bool:
    """E1 and E2, E_{o1} and E_{o2}: two numbered quantities of one family (not E_total and E_o1, the total and a part)."""
    written = [re.fullmatch(r"([A-Za-z]+)_?([A-Za-z]*\d+)", name) for name in (quantity, other)]
    return all(written) and written[0].group(1) == written[1].group(1) and _numbered_alike(written[0].group(2), written[1].group(2))


def _chain_to_another_variable(left_links, links, words: frozenset) -> bool:
    """The right side's fractions are a chain of two links or more, and the variable it ends in and the left side's are
    names of different letters (\\mathbf{v}_c and v_c are one; w and W, \\theta and \\theta_j, written loosely for one another, too)."""
    (_, wanted), = left_links
    ended = links[-1][1]
    if len(links) < 2 or any(_quantity(bottom) != _quantity(top) for (_, bottom), (top, _) in zip(links, links[1:])):
        return False
    names = [single_name(variable, words) for variable in (wanted, ended)]
    if None in names:
        return False
    return len({re.sub(r"[{}\s]", "", name.base).lower() for name in names}) == 2  # w and W: one weight, written loosely


def _is_differential(token) -> bool:
    return token.is_("command", "partial") or token.is_("letter", "d")


def _quantity(found) -> str:
    """A Leibniz fraction's quantity or variable as one string: brackets' sizes and braces dropped, a font written twice
    over itself once (\\mathbf{\\mathbf{w}} is \\mathbf{w})."""
    kept = [t for t in found if not t.is_("command", "left", "right") and not t.is_("symbol", "{", "}")]
    return "".join(t.text for n, t in enumerate(kept) if not (n and t.kind == "command" and t.text in dialect.FONTS and kept[n - 1].is_("command", t.text)))


def _unwrapped(units: list | None) -> list | None:
    """A side's units with brackets around a lone name or number taken off: 0.5 * (0.0886) is 0.5 * 0.0886."""
    if units is None:
        return None
    out: list = []
    for unit in units:
        out.append(unit)
        if unit == ("close", ")") and len(out) >= 3 and out[-3] == ("open", "(") and out[-2][0] in ("name", "number"):
            out[-3:] = [out[-2]]
    return out


def _numbered_alike(index: str, other: str) -> bool:
    """Two indices of one numbered family: o1 and o2, 1 and 2 (not t and 1, nor i and i)."""
    return index != other and re.search(r"\d", index) is not None and re.sub(r"\d+", "#", index) == re.sub(r"\d+", "#", other)


def _out_of_pattern(formula, formulas: dict):
    """(the odd term, the quantity it takes, the one meant, a parallel term's quantity) when every term of a sum takes one
    defined quantity, some take f(z) of theirs, and one takes a quantity x itself while f(x) is defined too; else None."""
    terms = sympy.Add.make_args(formula)
    nodes = [[name for name in term.free_symbols if name in formulas] for term in terms]
    if len(terms) < 2 or any(len(found) != 1 for found in nodes):
        return None
    nodes = [found[0] for found in nodes]
    for term, used in zip(terms, nodes):
        for other in nodes:
            inner = [name for name in formulas[other].free_symbols if name in formulas] if other != used else []
            if len(inner) != 1 or inner[0] == used:
                continue
            meant = formulas[other].xreplace({inner[0]: used})
            found = next((name for name, body in formulas.items() if body == meant and name not in (used, other)), None)
            if found is not None and found not in nodes:
                return term, used, found, other
    return None


def _argument_meant(symbol, formulas: dict):
    """(the formula meant, the name whose formula this one repeats) when `symbol`'s formula is a function of one name
    alone (σ(h1)), another name ending in that name has the very same formula (out_h1 = σ(h1)), and `symbol` ends in a
    name of its own that has a formula (out_o1 ends in o1): then the same function of o1 is meant. Else None."""
    formula = formulas.get(symbol)
    names = getattr(formula, "free_symbols", set())
    if len(names) != 1 or next(iter(names)) not in formulas:
        return None
    argument = next(iter(names))
    twin = next((name for name, body in formulas.items() if name != symbol and body == formula and _ends_in(name, argument)), None)
    own = next((name for name in formulas if name not in (symbol, argument) and _ends_in(symbol, name)), None)
    if twin is None or own is None or _ends_in(symbol, argument):
        return None
    return formula.xreplace({argument: own}), twin


def _ends_in(name, inner) -> bool:
    """Whether a name is written as a prefix and another name: out_{h1}, out_h1 and a_{h_1} end in h1 (h_1), not in 1."""
    spelled, tail = (str(n).replace("{", "").replace("}", "") for n in (name, inner))
    plain, plain_tail = spelled.replace("_", ""), tail.replace("_", "")
    prefix = plain[:-len(plain_tail)] if plain_tail and plain.endswith(plain_tail) else ""
    return bool(prefix) and prefix.isalpha() and "_" in spelled and not plain_tail.isdigit()


AFTER_UPDATE = (UPDATE_MARKS - {"old", "prev", "init", "final", "-"}) | {"'"}  # w_{new}, w^{+}, w', w^*: the name after an update


def _at_next_step(side, scope) -> str | None:
    """w_{11}(t + 1), \\theta(k+1): a name at the step after a counter's, as an update's left side writes it; the
    name's key, else None."""
    found = [t for t in side.tokens if t.kind != "space"]
    name = Scanner(found, frozenset(scope.notation.words)).name_at(0)
    if name is None or len(found) != name.end + 5 or name.base.lstrip("\\") in FREE_FUNCTION_NAMES | set(dialect.FUNCTIONS) \
            or name.key in scope.notation.functions:
        return None  # f(x + 1) = f(x) + 1, \sigma(t + 1) = ...: an equation of a function
    bracket, counter, plus, one, close = found[name.end:]
    counted = counter.kind == "letter" and counter.text in STEP_COUNTERS | scope.notation.counters  # \delta(x + 1) is a product
    if bracket.is_("symbol", "(") and counted and plus.is_("symbol", "+") and one.is_("number", "1") and close.is_("symbol", ")"):
        return name.key
    return None


def _updates_of(symbol, values: dict) -> list:
    """The values of the names that are an update of this one (w_{\text{new}} = 4.6 for w): the text may go on with
    the new value in the old name's place."""
    name = str(symbol)
    return [value for other, value in values.items() if other != symbol and str(other).startswith(name)
            and str(other)[len(name):len(name) + 1] in ("_", "^", "'") and any(mark in str(other)[len(name):] for mark in AFTER_UPDATE)]


def _regrouped(units: list | None) -> list | None:
    """A side's units with brackets that only group terms of a sum taken off: (a + b) + c and a + (b + c) are a + b + c,
    so w_5 h_1 + w_6 h_2 + b_2 and (0.4 * 0.59 + 0.45 * 0.6) + 0.6 have one shape. A bracket after a minus, a factor
    or a power is kept: it changes what the expression is."""
    if units is None:
        return None
    out = list(units)
    changed = True
    while changed:
        changed = False
        for at, unit in enumerate(out):
            if unit != ("open", "(") or not (at == 0 or out[at - 1] == ("op", "+")):
                continue
            end = _closing_unit(out, at)
            if end is not None and (end == len(out) - 1 or out[end + 1] in (("op", "+"), ("op", "-"))):
                out = out[:at] + out[at + 1:end] + out[end + 1:]
                changed = True
                break
    return out


def _closing_unit(units: list, at: int) -> int | None:
    """Where the bracket opened at `at` closes, in a side's units."""
    depth = 0
    for index in range(at, len(units)):
        depth += {"open": 1, "close": -1}.get(units[index][0], 0)
        if depth == 0:
            return index
    return None


def _leibniz_end(found, at: int) -> int | None:
    """Where a Leibniz fraction starting at `at` (\\frac{\\partial E}{\\partial w}, \\frac{dy}{dx}) ends; None if none starts there."""
    framed = _framed_fraction(found, at)
    if framed is None:
        return None
    top, bottom, end = framed
    if len(top) < 2 or len(bottom) < 2 or not (_is_differential(top[0]) and _is_differential(bottom[0])):
        return None
    return end


def _numeric_matrix(value) -> bool:
    return isinstance(value, sympy.MatrixBase) and all(getattr(entry, "is_number", False) and entry.is_finite is not False for entry in value)


def is_matrix_expr(value) -> bool:
    return isinstance(value, (sympy.MatrixExpr, sympy.MatrixBase))


def difference_shown(decision) -> str:
    """Where the sides differ, for the reader: the point, then both values (a matrix's first differing entry)."""
    witness = decision.witness
    if witness is None:
        return decision.note
    at = f"at {witness.brief_point}: " if witness.point.strip() else ""
    entry = first_different_entry(witness.lhs, witness.rhs)
    return at + (entry or f"the left side is {witness.lhs} and the right side {witness.rhs}")


def could_not_decide(error: Exception) -> str:
    """Why a step the mathematics could not be carried through for is undecided: the error's kind and first words
    ("Mix of Matrix and Scalar symbols": a matrix and a number added), so an author can see what was not read."""
    said = str(error).splitlines()[0][:80] if str(error) else ""
    return f"could not decide ({type(error).__name__}: {said})" if said else f"could not decide ({type(error).__name__})"


def out_of_time(step: Step, timeout: float) -> Step:
    return replace(step, verdict="undecided", feedback=f"time limit of {timeout:g} s reached", timed_out=True)


def not_real(witness, both: bool = False) -> bool:
    """A witness where a side (or both) is not a real number (log of a negative entry): outside what the step is about."""
    return witness is not None and (all if both else any)("j" in side for side in (witness.lhs, witness.rhs))


def positive(problem: Problem, low: float = 0.1, high: float = 4.0) -> Problem:
    """The same variables drawn from positive values only: where logarithms and roots of them are real (between 0 and
    1 where asked: a probability's log-odds, log(p/(1 - p)))."""
    def move(variable):
        if isinstance(variable, (Scalar, Vector, Table)):
            return replace(variable, low=low, high=high)
        return variable
    return replace(problem, variables=tuple(move(v) for v in problem.variables))


def _another_choice(step: Step, function_name: str, variables) -> bool:
    """g_i(s_i) = \\sigma(s_i) = ... after g_i(s_i) = \\tanh(s_i) = ...: the function named again as another named
    function of the same variables is one more choice of it (a list of activations), not a claim that the two agree."""
    shown = [t for t in step.right.tokens if t.kind != "space"] if step.right is not None else []
    opening = next((at for at, t in enumerate(shown) if t.is_("symbol", "(")), None)
    if not opening or not shown[-1].is_("symbol", ")") or not (all(t.kind == "letter" for t in shown[:opening]) or opening == 1 and shown[0].kind == "command"):
        return False
    named = "".join(t.text for t in shown[:opening])  # \sigma, ReLU typed as letters
    return named != function_name and plain_name(spelled_back(shown[opening + 1:-1]).replace(" ", "")) == ",".join(plain_name(v.key) for v in variables)


def with_free_symbols(problem: Problem, exprs) -> Problem:
    """The problem, plus a variable for each symbol a step uses that the problem does not declare:
    an index (1..the vector length) if it subscripts a vector, a vector for x in x_j under \\sum_j,
    a size for n, a matrix (with its sizes) for a matrix symbol, else a real number."""
    bases = [v.base for v in problem.variables if hasattr(v, "base")]
    declared = {getattr(v, "symbol", None) for v in problem.variables} | set(bases) | {b.label for b in bases}
    length = next((v.length for v in problem.variables if isinstance(v, Vector)), 3)
    extra: list = list(vectors_for(exprs, declared, length))
    taken = lambda symbol: symbol in declared or any(getattr(v, "symbol", None) == symbol for v in extra)  # noqa: E731
    section_sizes = {v.symbol for v in problem.variables if isinstance(v, Size)} if problem.document else set()  # x_{ij}: i up to N
    for expr in exprs:
        for matrix in sorted(expr.atoms(sympy.MatrixSymbol), key=str) if isinstance(expr, (sympy.Basic, sympy.MatrixBase)) else ():
            if not taken(matrix):
                extra += [Size(n, (2, 3)) for n in matrix.shape if isinstance(n, sympy.Symbol) and not taken(n)]
                extra.append(Matrix(matrix))
    paired = {symbol: high for expr in exprs if isinstance(expr, sympy.Basic) for symbol, high in _paired_range(expr).items()}
    for expr in exprs:
        if not isinstance(expr, sympy.Basic):
            continue
        entries = {entry for entry in expr.atoms(sympy.Indexed) if isinstance(entry.base, sympy.IndexedBase)}
        indices = {i for entry in entries for i in entry.indices} | {a for d in expr.atoms(sympy.KroneckerDelta) for a in d.args}
        sizes = {high for total in expr.atoms(sympy.Sum, sympy.Product) for _, _, high in total.limits} or section_sizes
        labels = {entry.base.label for entry in entries}
        for symbol in sorted(expr.free_symbols - labels, key=str):  # sorted: the same witness every run
            if isinstance(symbol, sympy.Symbol) and not taken(symbol):
                if symbol == DOCUMENT_SIZE or symbol in sizes or symbol.is_integer and symbol.is_positive:
                    extra.append(Size(symbol, (2, 3, 5)))
                elif symbol in indices:
                    upper = (sympy.Min if sizes is section_sizes else sympy.Max)(*sizes) if sizes else DOCUMENT_SIZE if problem.document else length
                    upper = paired.get(symbol, upper)
                    extra.append(Index(symbol, upper))
                    if upper == DOCUMENT_SIZE and not taken(DOCUMENT_SIZE):
                        extra.append(Size(DOCUMENT_SIZE, (2, 3, 5)))
                else:
                    extra.append(Scalar(symbol, 0.2, 3) if symbol.is_positive else Scalar(symbol))
    variables = _sized_lengths(tuple(replace(v, upper=paired[v.symbol]) if isinstance(v, Index) and v.symbol in paired else v
                                     for v in problem.variables + tuple(extra)))  # an index declared earlier, paired here too
    return replace(problem, variables=variables) if variables != problem.variables else problem


def _paired_range(expr) -> dict:
    """An index a Kronecker delta pairs with a sum's own (\\sum_{n=1}^{N} G_{sn} \\delta_{ni}): the sum's bound is its range,
    the only one where the delta picks a term (i up to N, not up to the larger S)."""
    found = {}
    for total in sorted(expr.atoms(sympy.Sum), key=str):  # sorted: the same range in every process
        for variable, _, high in total.limits:
            for delta in sorted(total.function.atoms(sympy.KroneckerDelta), key=str):
                if variable in delta.args:
                    other = delta.args[1] if delta.args[0] == variable else delta.args[0]
                    if isinstance(other, sympy.Symbol) and not other.free_symbols & set(total.variables):
                        found.setdefault(other, high)
    return found


def _sized_lengths(variables: tuple) -> tuple:
    """Every vector's length, table's sizes and index's range is sampled as a size, however the step wrote it (x_j under
    \\sum_{j=1}^{N_in}: N_in; y_{|V|} at the end of an ellipsis: V, not a real number): else no point can be drawn."""
    bounds = [getattr(v, name) for v in variables for name in ("length", "rows", "columns", "upper") if isinstance(getattr(v, name, None), sympy.Basic)]
    needed = {bound.args[0] if isinstance(bound, sympy.Abs) else bound for bound in bounds  # a size written alone (N_in, |V|):
              if isinstance(bound, sympy.Symbol) or isinstance(bound, sympy.Abs) and isinstance(bound.args[0], sympy.Symbol)}
    # n - k + 1 may be no size at all for sizes drawn apart (it stays unread, as before)
    kept = tuple(v for v in variables if not (isinstance(v, Scalar) and v.symbol in needed))
    sized = {v.symbol for v in kept if isinstance(v, Size)}
    return kept + tuple(Size(symbol, (2, 3, 5)) for symbol in sorted(needed - sized, key=str))


def one_length(sides: tuple) -> tuple:
    """A bare \\sum_j (or the softmax S) runs to n, 'the length'; beside \\sum_{j=1}^K in the same step, n is K."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    bounds = {high for expr in exprs for total in expr.atoms(sympy.Sum) for _, _, high in total.limits
              if isinstance(high, sympy.Symbol) or isinstance(high, sympy.Abs) and isinstance(high.args[0], sympy.Symbol)}  # |V|: V's size
    named = bounds - {DOCUMENT_SIZE}
    if DOCUMENT_SIZE not in bounds or len(named) != 1:
        return sides
    (length,) = named
    return tuple(side.xreplace({DOCUMENT_SIZE: length}) if isinstance(side, sympy.Basic) else side for side in sides)


def _entries_written(body, base: str) -> list:
    """The entries of a vector named `base` that a formula is written in (theta_1, theta_2 for theta), in order."""
    pattern = re.compile(rf"{re.escape(base.lstrip(chr(92)))}_\{{?(\d+)\}}?")
    found = [(int(match.group(1)), symbol) for symbol in body.free_symbols if isinstance(symbol, sympy.Symbol) and (match := pattern.fullmatch(symbol.name))]
    return [symbol for _, symbol in sorted(found, key=lambda pair: pair[0])]


def _told_put_in(expr, told: dict):
    """What the text said a function gives at a point, put in where it is applied there, but not inside a derivative:
    g(z_1) = 0.3 says nothing of g'(z_1)."""
    derivatives = {d: sympy.Dummy() for d in expr.atoms(sympy.Derivative, sympy.Subs)}
    return expr.xreplace(derivatives).xreplace(told).xreplace({dummy: d for d, dummy in derivatives.items()})


def _fellow_arguments(quantity, variable) -> set:
    """\\partial f(x, y) / \\partial x: the other values f is applied to (y), held as they are, whatever formula the text
    gave them elsewhere ("if we had $y = w_0 + w_1 x$"): a partial derivative among a function's own arguments."""
    if not isinstance(quantity, sympy.Basic):
        return set()
    return {argument for applied in quantity.atoms(sympy.core.function.AppliedUndef) if variable in applied.args
            for argument in applied.args if isinstance(argument, sympy.Symbol) and argument != variable}


def _of_entries_summed(parameters: list, body):
    """N(z) = \\sum_{k=1}^n e^{z_k}: every entry of z the body uses is a sum's index over all of z, so N takes the
    whole vector, and N(y) is the same sum over y's entries. None where an entry stands alone (S_c(x) = S(c x)_c)."""
    if len(parameters) != 1 or not isinstance(parameters[0], sympy.Symbol):
        return None
    vector = parameters[0]
    entries = [e for e in body.atoms(sympy.Indexed) if e.base.label == vector]
    summed = {limit[0] for total in body.atoms(sympy.Sum) for limit in total.limits}
    if not entries or vector in body.free_symbols - {e.base.label for e in entries} or not all(set(e.indices) <= summed for e in entries):
        return None
    dummy = sympy.Dummy(vector.name, **vector.assumptions0)
    return sympy.Lambda(dummy, body.xreplace({entry.base: sympy.IndexedBase(dummy) for entry in entries}))


def _written_by_entries(body, base: str) -> bool:
    """A body written in two entries or more of its one argument (theta_1, theta_2 for J(theta)): a function of a
    vector given by its entries."""
    return len(_entries_written(body, base)) >= 2


def _gradients_by_entries(expr, definitions: dict):
    """\\nabla J(\\theta), read as J's derivative in theta, where the write-up defined J(theta) through theta's entries: the
    column of J's derivatives in theta_1, theta_2, ... (the derivative in theta itself would be 0)."""
    bodies = {str(f): body for f, body in definitions.items() if isinstance(body, sympy.Lambda) and len(body.variables) == 1}

    def column(derivative):
        applied = derivative.expr
        body = bodies.get(str(applied.func)) if isinstance(applied, sympy.core.function.AppliedUndef) else None
        if body is None or len(derivative.variables) != 1 or applied.args != tuple(derivative.variables):
            return derivative
        entries = _entries_written(body.expr, str(derivative.variables[0]))
        return sympy.ImmutableMatrix([sympy.diff(body.expr, entry) for entry in entries]) if len(entries) >= 2 else derivative

    return expr.replace(lambda e: isinstance(e, sympy.Derivative), column) if bodies else expr


def one_symbol_per_name(sides: tuple) -> tuple:
    """One letter the author wrote is one quantity: where reading a step and putting in a formula stored earlier leave two
    symbols of one name (t real in a formula read before t bounded a sum, t a positive integer in this line), both
    become the one that says more of it. Dummies (indices a reading makes up) are left alone."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    by_name: dict[str, set] = {}
    for expr in exprs:
        for symbol in expr.atoms(sympy.Symbol):  # a limit's t too: lim_{t -> oo} of a formula stored with its own t
            if type(symbol) is sympy.Symbol:
                by_name.setdefault(symbol.name, set()).add(symbol)
    mapping = {}
    for symbols in by_name.values():
        if len(symbols) > 1:
            kept = max(symbols, key=lambda symbol: (len(symbol.assumptions0), sorted(symbol.assumptions0.items())))
            mapping.update({symbol: kept for symbol in symbols if symbol != kept})
    if not mapping:
        return sides
    return tuple(side.xreplace(mapping) if isinstance(side, sympy.Basic) else side for side in sides)


def sequence_indices(sides: tuple, as_written: tuple = ()) -> tuple:
    """A letter that subscripts a name in the step (theta_t, v_{t+1}) counts the terms of a sequence: where it is also
    a power (in (1 - 8\\alpha)^t, \\beta^t), it is a positive integer, so a negative base is not raised to a fraction
    (a number that is not real) at the points the step is tried at."""
    exprs = [side for side in (*sides, *as_written) if isinstance(side, sympy.Basic)]  # theta_t as written, before its formula is put in
    symbols = {symbol for expr in exprs for symbol in expr.free_symbols if type(symbol) is sympy.Symbol}
    named = symbols | {matrix for expr in exprs for matrix in expr.atoms(sympy.MatrixSymbol)}  # \boldsymbol{\theta}_t, a vector
    powers = {symbol for side in sides if isinstance(side, sympy.Basic) for power in side.atoms(sympy.Pow, sympy.MatPow) for symbol in power.exp.free_symbols}
    counters = {symbol for symbol in symbols & powers if not symbol.is_integer
                and any(re.search(rf"_\{{?{re.escape(symbol.name)}(?:[+-]\d+)?\}}?(?:_|$)", str(other)) for other in named if other != symbol)}
    if not counters:
        return sides
    mapping = {symbol: sympy.Symbol(symbol.name, integer=True, positive=True) for symbol in counters}
    return tuple(side.xreplace(mapping) if isinstance(side, sympy.Basic) else side for side in sides)


def given_entries(sides: tuple, values: dict) -> tuple:
    """A vector the write-up gave (\\mathbf{z} = (1, 2, 3): z_1, z_2, z_3): its sums and softmax run over its
    entries, whose values are put in."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    for base in {entry.base for expr in exprs for entry in expr.atoms(sympy.Indexed)}:
        entries, n = {}, 1
        while base[n] in values and getattr(values[base[n]], "is_number", False):
            entries[base[n]] = values[base[n]]
            n += 1
        if not entries:
            continue

        def given(side, entries=entries):
            side = side.xreplace({DOCUMENT_SIZE: len(entries)})
            side = side.replace(lambda e: isinstance(e, sympy.Sum) and all(limit[2].is_number for limit in e.limits), lambda e: e.doit())
            return side.xreplace(entries)
        sides = tuple(given(side) if isinstance(side, sympy.Basic) else side for side in sides)
    return sides


def undefined_functions(left, right, problem: Problem) -> list[str]:
    """Functions a step applies that neither the write-up nor the course defines (g_j in g_j(z_j)): some function the
    text has in mind, so a step that fails for a generic one may still hold for it."""
    return sorted(_applied_undefined(left, right, problem) - FREE_FUNCTION_NAMES)


def placeholder_functions(left, right, problem: Problem, written: tuple = ()) -> list[str]:
    """f, g, h applied and never defined (the quotient rule's g and h): any function, so a step must hold for every one.
    Not one written with a superscript in the `written` sides (g^{[i]}(Z), \\phi^{(1)}(z): a layer's own function)."""
    found = [t for side in written for t in side.tokens if t.kind != "space"]
    layered = {t.text for t, caret, *label in zip(found, found[1:], found[2:], found[3:])
               if caret.is_("symbol", "^") and (label[0].is_("symbol", "(", "[") or label[0].is_("symbol", "{") and label[1].is_("symbol", "(", "["))}
    return sorted(_applied_undefined(left, right, problem) & FREE_FUNCTION_NAMES - layered - _characterised(left, right))


SPACING_COMMANDS = frozenset({",", ";", ":", "!", "space", "quad", "thinspace"})  # \, \; and the like, typed between d and what it marks


def differentials(step: Step, scope: Scope) -> list[str]:
    """The differentials a line writes (dX, d\\sigma(X), d(X^T X), d\\,W for a matrix or vector X, W of the write-up's):
    matrix calculus's notation, where d is not a name of the text's own."""
    if "d" in scope.notation.declared() or "d" in scope.valued:
        return []
    arrays = set(scope.context.matrices) | set(scope.context.vectors)
    found = []
    for side in (step.left, step.right):
        tokens = [t for t in (side.tokens if side is not None else ()) if t.kind != "space" and not (t.kind == "command" and t.text in SPACING_COMMANDS)]
        for before, letter, after in zip([None, *tokens], tokens, tokens[1:]):
            named = after.kind in ("letter", "command") and after.text.lstrip("\\") in arrays
            applied = after.is_("symbol", "(") or after.kind == "command" and after.text in dialect.FUNCTIONS
            leibniz = before is not None and before.is_("symbol", "{", "/")  # \\frac{df}{dz_i}, df/dx: a derivative's marks
            in_word = before is not None and before.kind in ("letter", "number") and not letter.space_before  # Sigmoid(z): a word's d
            if letter.is_("letter", "d") and not leibniz and not in_word and (named or applied and arrays):
                found.append("d" + (after.text if named else "(...)"))
    return found


def with_differentials_unread(step: Step, scope: Scope) -> Step:
    """A step found wrong that writes differentials is undecided instead: d read as a name of its own is a misreading."""
    written = differentials(step, scope)
    if not written:
        return step
    return replace(step, verdict="undecided", witness=None, feedback=f"{written[0]} is a differential (matrix calculus's d of a matrix "
                   "or of a function of one): differentials are not read yet, so the line is not judged")


def _shown(side) -> list[str]:
    """The texts of a side's tokens, spaces left out."""
    return [t.text for t in side.tokens if t.kind != "space"]


def _through_own_variables(body, formulas: dict):
    """GELU(x) = \\frac{x}{2}(1 + t) after t = \\tanh(u) and u = c(x + a x^3): the names in a function's body whose formulas
    reach its variable are put in (t is a function of x there, not a number), so that its derivative sees them."""
    if not isinstance(body, sympy.Lambda) or not isinstance(body.expr, sympy.Basic):
        return body
    variables, expr = set(body.variables), body.expr
    for _ in range(8):
        inner = {name: formula for name, formula in formulas.items() if name in expr.free_symbols and name not in variables
                 and isinstance(formula, sympy.Basic) and _reaches_through(formula, variables, formulas)}
        if not inner:
            break
        expr = expr.xreplace(inner)
    return sympy.Lambda(body.variables, expr) if expr is not body.expr else body


def _reaches_through(formula, variables: set, formulas: dict, depth: int = 8) -> bool:
    """The formula holds one of the variables, directly or through the formulas of its names."""
    if formula.free_symbols & variables:
        return True
    return depth > 0 and any(_reaches_through(formulas[name], variables, formulas, depth - 1) for name in formula.free_symbols
                             if name in formulas and isinstance(formulas[name], sympy.Basic))


def told_value(left, right, problem: Problem) -> tuple | None:
    """The function a step gives a value or formula of, where one side is that function applied (F(0.21) = ...) and the
    other does not apply it, and nothing defines it: a fact about the function the text means, never wrong for every one.
    (The application, what it gives), else None. A vector the function is applied to entry by entry (f(x) = [e^{x_1}/S,
    e^{x_2}/S] of a vector x) is told likewise: its first entry is the application."""
    for side, other in ((left, right), (right, left)):
        applied = side[0] if isinstance(side, sympy.MatrixBase) and side.shape[0] * side.shape[1] > 1 and _one_function_applied(side) else side
        if isinstance(applied, sympy.core.function.AppliedUndef) and isinstance(other, sympy.Basic) and str(type(applied)) in _applied_undefined(applied, None, problem) \
                and not any(type(f) == type(applied) for f in other.atoms(sympy.core.function.AppliedUndef)):
            return side, other
    return None


def _one_function_applied(matrix) -> bool:
    """Every entry of the matrix is one function applied (f(x_1), f(x_2), ...)."""
    return all(isinstance(entry, sympy.core.function.AppliedUndef) and type(entry) == type(matrix[0]) for entry in matrix)


def _characterised(left, right) -> set[str]:
    """Functions one side gives the derivative of, outright (g'(z) = g(z)(1 - g(z)), what the sigmoid named g in the prose
    satisfies; F'(x) = f(x), an antiderivative): a property of the functions the text means, not a rule for every one.
    Those functions, and the ones the other side applies, are not placeholders."""
    found = set()
    for side, other in ((left, right), (right, left)):
        derivative = side.expr if isinstance(side, sympy.Subs) else side
        if not isinstance(derivative, sympy.Derivative) or not isinstance(derivative.expr, sympy.core.function.AppliedUndef) or not isinstance(other, sympy.Basic):
            continue  # only a side that is the derivative itself: g'(z) = ..., not a chain rule's product
        name = str(type(derivative.expr))
        if not any(str(type(d.expr)) == name for d in other.atoms(sympy.Derivative)):
            found |= {name} | {str(type(f)) for f in other.atoms(sympy.core.function.AppliedUndef)}
    return found


def _applied_undefined(left, right, problem: Problem) -> set[str]:
    written = [side for side in (left, right) if isinstance(side, sympy.Basic)]
    applied = {str(type(f)) for side in written for f in side.atoms(sympy.core.function.AppliedUndef)}
    return applied - {str(f) for f in problem.definitions}


def names_in(side) -> set[str]:
    if not isinstance(side, sympy.Basic):
        return set()
    return {s.name for s in side.free_symbols if isinstance(s, sympy.Symbol)} | {str(e.base.label) for e in side.atoms(sympy.Indexed)}


def kinks(problem: Problem, sides):
    """Where a function the sides differentiate has a kink (max, |x|, H): each expression that is 0 there."""
    for side in sides:
        for derivative in getattr(side, "atoms", lambda *_: ())(sympy.Derivative):
            yield from breakpoints(problem.expand_definitions(derivative.expr))


def kink(problem: Problem, sides, point: dict) -> str | None:
    """Why a derivative taken at the point does not exist: there its function has a kink (max, |x|, H)."""
    if not point:
        return None
    for zero in kinks(problem, sides):
        if zero.free_symbols <= set(point) and zero.subs(point) == 0:
            shown = ", ".join(f"{symbol} = {value}" for symbol, value in point.items())
            return f"the derivative is taken at {shown}, where its function has a kink: it has no value there, so the line is not judged"
    return None


def vanishes(residual) -> bool:
    """The residual is 0 at three unrelated points: the line is an identity, not an equation to solve."""
    free = sorted(residual.free_symbols, key=str)
    for start in ("0.37", "1.21", "-0.83"):
        point = {s: sympy.Rational(start) + sympy.Rational(k, 7) for k, s in enumerate(free)}
        try:
            value = point_value(residual, point)  # the decision's own walk into mpmath
        except EVALUATION_ERRORS:
            return False
        if value is None or isinstance(value, mpmath.matrix) or abs(value) > 1e-20:
            return False
    return True


def same_number(first, second) -> bool:
    difference = sympy.N(sympy.sympify(first) - sympy.sympify(second), 30)
    return difference.is_number and abs(difference) < sympy.Float("1e-20")


def _shape_scripts(found) -> list[tuple[int, int]]:
    """The spans (brace to brace) of scripts that state a shape, (u_{ij})_{N_k \\times N_{k-1}}: the names in them are sizes."""
    spans = []
    for at, token in enumerate(found[:-1]):
        if token.is_("symbol", "_", "^") and found[at + 1].is_("symbol", "{"):
            end = group_end(found, at + 1)
            if end is not None and any(t.is_("command", "times") for t in found[at + 2:end]):
                spans.append((at + 1, end))
    return spans


def budget_ran_out(step: Step) -> Step:
    return replace(step, verdict="undecided", feedback=f"the derivation's budget of {DERIVATION_BUDGET:g} s of CPU time ran out")




# --- statements: what the write-up states rather than derives ---------------------------------------


class Judge:
    """The steps of one write-up, judged in reading order."""

    def __init__(self, document, sections, base: Problem, timeout: float, candidates: tuple = (), own_notation: bool = True):
        self.document = document
        self.reader = Reader(document.text)
        self.sections = {section.index: section for section in sections}
        self.base = base
        self.timeout = timeout
        self.candidates = candidates
        self.own_notation = own_notation  # a write-up in its own notation (else: a derivation in a problem's)
        self.scopes: dict[int, Scope] = {}
        self.scope: Scope | None = None
        self.part = 0
        self.notations: dict[int, Notation] = {}
        self.definitions: dict[tuple, list] = {}  # (section, notation words) -> its steps that define a name, with the name's key

    # --- scopes

    def scope_for(self, step: Step) -> Scope:
        if step.section not in self.scopes:
            notation = self.notation(step.section)
            problem = self._with_earlier_functions(notation.problem(self.base), step.section, notation)
            self.scopes[step.section] = Scope(problem, notation.context(problem), notation)
        scope = self.scopes[step.section]
        if scope is not self.scope or step.part != self.part:
            if scope is self.scope:  # a sub-question: its own values and formulas, the same functions
                scope.values, scope.valued, scope.condition, scope.facts, scope.formulas, scope.written = {}, {}, None, {}, {}, {}
            self.scope, self.part = scope, step.part
        return scope

    def _with_earlier_functions(self, problem: Problem, section: int, notation: Notation) -> Problem:
        """A function an earlier question defined (N(z) = \\sum_k e^{z_k} under \\section{Definition}) holds in a later
        one that uses it and never defines it itself: the functions go on, the values do not. A letter earlier questions
        defined differently (f the sigmoid under one heading, f the GELU under the next) is none of them in a later one
        that does not say which (a summary table of f'(x) for each activation)."""
        earlier, own, renamed = {}, {name.lstrip("\\") for name in notation.arities}, set()
        used = {name.lstrip("\\") for name in notation.functions}  # applied here, as _carry_earlier found
        for index in sorted(i for i in self.scopes if i < section):
            scope = self.scopes[index]
            for f, body in scope.problem.definitions.items():
                if str(f) in scope.defined and str(f) in used - own and str(f) not in dialect.FUNCTIONS:  # a new question's sigma is the course's
                    renamed |= {f} if f in earlier and earlier[f] != body else set()
                    earlier[f] = body
        earlier = {f: body for f, body in earlier.items() if f not in renamed}
        if not earlier:
            return problem
        return replace(problem, definitions={**earlier, **problem.definitions})

    def notation(self, index: int) -> Notation:
        """The notation of a section (what an earlier section declared holds here too, unless declared again here)."""
        if index not in self.notations:
            from .notation import carry_earlier, declarations, learn

            section = self.sections.get(index)
            sides = list(section.sides) if section else []
            declared = []
            for earlier in sorted(e for e in self.sections if e <= index):  # a name declared anew replaces what an earlier section said
                found = declarations(self._declarations(self.sections[earlier]))
                renewed = {key for key, *_ in found}
                declared = [d for d in declared if d[0] not in renewed] + found
            if self.own_notation:
                notation = learn(sides, section.paragraphs if section else (), declared, self.document)
                carry_earlier(notation, [self.notations[e] for e in sorted(self.notations) if e < index])
            else:
                notation = Notation()
                if any(isinstance(v, Matrix) for v in self.base.variables):
                    _capitals_as_matrices(notation, sides, self.base)
            self.notations[index] = notation
        return self.notations[index]

    @staticmethod
    def _declarations(section) -> list:
        """`X \\in \\mathbb{R}^{...}` statements of a section: (left side, right side, line)."""
        return declared_pairs(list(section.sides))

    @staticmethod
    def _names(step: Step, scope: Scope) -> set[str]:
        from .names import Scanner

        words = frozenset(scope.notation.words)
        return {name.key for side in (step.left, step.right) if side is not None for name in Scanner(side.tokens, words).names()}

    def read(self, side: Side, scope: Scope) -> Read:
        try:
            read = self.reader.read(side, scope.context)
        except ArrayBesideNumber as error:
            numbers = _only_inferred(error.names, scope)
            if not numbers:
                raise
            read = self.reader.read(side, _as_numbers(scope, numbers))
            scope.used.extend(f"{name} read as a number here (as the vector the notation inferred, it would be added to a number)"
                              for name in numbers)
        if scope.notation.has("einstein") and isinstance(read.expr, sympy.Basic):
            read = Read(einstein_sums(read.expr), read.decimals, read.reading)
        if read.reading is not None and read.reading.leibniz:
            for symbol, quantity, variable, order in read.reading.leibniz:
                scope.leibniz.setdefault(symbol, (quantity, variable, order))
        return read

    def _derivative_is_one(self, quantity, variable, scope: Scope) -> bool:
        """Whether the write-up states or works out \\partial quantity / \\partial variable (each a name's tokens) as 1."""
        at = quantity[0].position
        mark = lambda kind, text: Token(kind, text, at)  # noqa: E731
        found = (mark("command", "frac"), mark("symbol", "{"), mark("command", "partial"), *quantity, mark("symbol", "}"),
                 mark("symbol", "{"), mark("command", "partial"), *variable, mark("symbol", "}"))
        try:
            return sympy.simplify(self.value(Side(found, spelled_back(found), at), scope) - 1) == 0
        except (LatexError, TypeError, ValueError, AttributeError):
            return False

    def value(self, side: Side, scope: Scope, formulas: bool = True):
        """A side's expression with its decimals as written and the write-up's values (and formulas) put in."""
        return scope.put_in(self.read(side, scope).exact, formulas)

    # --- the loop

    def run(self, steps: list[Step]) -> list[Step]:
        judged: list[Step] = []
        started = cpu_seconds()
        self.steps, self.judged = steps, judged
        self.definitions = {}
        self.last: Step | None = None  # the step judged just before the current one
        for step in _where_first(steps):
            if cpu_seconds() - started > DERIVATION_BUDGET:  # a hostile write-up gets a total bound, not N x timeout
                judged.append(budget_ran_out(step))
                continue
            scope = self.scope_for(step)
            scope.used = []
            self._give_deferred(scope, step)
            self._seek(scope, step)
            try:
                outcome = _approximation_unjudged(self.one(step, scope))
            except TimeLimitExceeded:  # a limit's expiry that escaped every handler inside: this step is out of time, not a crash
                outcome = out_of_time(step, self.timeout)
            except Exception as error:  # sympy's, on a reading it cannot use (even StopIteration from inside simplify): this
                # step is undecided, and the write-up's other steps are still judged
                outcome = replace(step, verdict="undecided", feedback=could_not_decide(error))
            judged.append(replace(outcome, used=tuple(dict.fromkeys(scope.used))))
            scope.seen |= self._names(step, scope)
            self.last = outcome
        return sorted(judged, key=lambda step: step.index)

    def _seek(self, scope: Scope, step: Step) -> None:
        """"We need to find $x_1$" before this step: x_1's value is no longer put in, it is what the lines solve for."""
        for side in step.sought:
            try:
                name = self.read(side, scope).expr
            except LatexError:
                continue
            if scope.values.pop(name, None) is not None:
                scope.valued.pop(name_key(name), None)

    def _give_deferred(self, scope: Scope, step: Step) -> None:
        """The new values of updates whose chain has ended by this step (see `update`)."""
        waiting = []
        for update, values in scope.deferred:
            if update.block == step.block and step.first is not None and update.first is not None and step.first.start == update.first.start:
                waiting.append((update, values))
            else:
                self.give(scope, values, update)
        scope.deferred = waiting

    def one(self, step: Step, scope: Scope) -> Step:
        word = _sentence_word(step.left)
        if word:
            return replace(step, verdict="unparsed", feedback=f"'{word}' begins a sentence typed as maths: write prose in \\text{{...}} or outside $...$")
        slipped = None
        try:
            with time_limit(self.timeout):  # a huge first line must not stall every step after it
                unit = lambda quantity, variable: self._derivative_is_one(quantity, variable, scope)  # noqa: E731
                taken = self._function_by_derivative(step, scope)
                if taken is not None:
                    return taken
                sized = sizes_multiplied(step)
                if sized is not None:
                    return sized
                stated = _equates_indices(step) or step.role == "required" and step.first_of_chain  # a condition, not a claim
                slipped = None if stated else chain_slip(step, frozenset(scope.notation.words), unit) or upside_down_link(step) \
                    or term_slip(step) or index_slip(step, scope.notation) or self.broken_link(step, scope)  # wrong even where it names a quantity
                solution = None if slipped else self.solution(step, scope)
                outcome = slipped or self.statement(step, scope)
                if solution is not None and (outcome is None or outcome.verdict == "definition"):
                    outcome = solution  # the name keeps the value it is given; the line is checked as the equation's solution
            if slipped is not None:
                return slipped
        except TimeLimitExceeded:
            outcome = out_of_time(step, self.timeout)
        except (LatexError, TypeError, ValueError, AttributeError, NotImplementedError, sympy.ShapeError, IndexException):
            outcome = None  # not a statement: judged as a step, which says why it cannot be read
        if outcome is None:
            outcome = self.judge_in_scope(step, scope)
            outcome = self._headed_anew(step, scope, outcome)
            if outcome.verdict == "undecided":
                self._keep_stated_numbers(step, scope)
            if step.explains and step.block_kind == "inline" and outcome.verdict in ("undecided", "unparsed"):
                outcome = replace(outcome, verdict="definition", feedback=f"names {step.lhs} as the text says (not read further: {outcome.feedback})")
        elif scope.recognised is None and outcome.verdict == "definition" and self.candidates:
            from .recognition import recognised

            scope.recognised = recognised(self, scope)
        if scope.recognised is not None:
            from .recognition import held_to_the_problem

            outcome = held_to_the_problem(self, outcome, scope)
        redefined = _course_function_defined(step, entry=outcome.verdict == "definition") if outcome.verdict in ("unparsed", "definition") else ""
        if redefined:  # \sigma(\mathbf{z})_i = (a softmax), read or not: what follows must not take \sigma as the logistic
            self.define_function(scope, redefined, sympy.Lambda(_ARGUMENT, sympy.Function(_GLYPHS.get(redefined, redefined.upper()))(_ARGUMENT)), step.title)
        if step.role in ("condition", "hypothetical") and step.kind == "inequality" and step.block_kind == "inline" and outcome.verdict == "invalid":
            return replace(outcome, verdict="undecided", witness=None, feedback=f"what the sentence supposes ('if', 'when', 'say ...'), "
                                                                                f"not what it claims: not judged ({outcome.feedback})")
        if step.role == "conditional" and outcome.verdict == "invalid":  # if z_1 < 0, then ReLU'(z_1) = 0, with z_1 = 0.5 above
            return replace(outcome, verdict="undecided", witness=None, feedback=f"what holds under the condition the sentence supposes "
                                                                                f"('if ..., then'), not at the values given: not judged ({outcome.feedback})")
        return self.shaped(outcome, scope)

    @staticmethod
    def shaped(step: Step, scope: Scope) -> Step:
        """A step on a line whose formula cannot be shaped (b_1 is m x 1 but W_2 W_1 x is p x 1) is wrong for that reason,
        whatever its values: shape mistakes are mistakes."""
        if not scope.notation.findings or step.verdict == "valid" or step.timed_out:  # a timeout is undecided, never invalid
            return step
        if step.verdict == "invalid" and "shape" not in step.feedback:
            return step
        defines = step.verdict == "definition" and step.first_of_chain  # a body that cannot be shaped is wrong; a name is not
        declared = scope.notation.declared()
        declared |= {str(name) for name, formula in scope.formulas.items()  # p = softmax(z) of a declared z: as sure as z
                     if {str(n) for n in getattr(formula, "free_symbols", ())} & declared}
        words = frozenset(scope.notation.words)
        written = {name.key for side in (step.left, step.right) if side is not None for name in Scanner(side.tokens, words).names()}
        found = next((f for f in scope.notation.findings if f.line == step.line and declared & set(f.names)
                      and not (scope.notation.guessed - declared) & set(f.names)  # w^T: a vector only by how it looks
                      and written & set(f.names)  # the statement that holds the use, not every one on its line
                      and not (defines and f.text.startswith(TWO_SIDES))), None)
        if found is None:  # a shape only inferred (a convention, a guess from a product) never makes a step wrong
            return step
        return with_differentials_unread(replace(step, verdict="invalid", feedback=f"the shapes do not fit: {found.text}", witness=None), scope)

    def broken_link(self, step: Step, scope: Scope) -> Step | None:
        """dE/dw_5 = dE/dy dy/dh_1 dh_1/dw_5 where the write-up's own definitions build h_1 from given numbers without
        w_5: that link is 0, so the product is 0 while E does reach w_5. A chain must pass through what depends on its
        variable."""
        if step.kind != "equal" or step.left is None or step.right is None or not leibniz_factors(step.right):
            return None
        try:
            whole, product = self.read(step.left, scope).expr, self.read(step.right, scope).expr
            links = [factor for factor in sympy.Mul.make_args(product) if factor in scope.leibniz]
            if whole not in scope.leibniz or not links:
                return None
            quantity, variable, _ = scope.leibniz[whole]
            return self._zero_link(step, scope, quantity, variable, links)
        except (LatexError, TypeError, ValueError, AttributeError, NotImplementedError, sympy.ShapeError):
            return None  # a definition applied to the wrong number of arguments, say: no finding from here

    def _zero_link(self, step: Step, scope: Scope, quantity, variable, links) -> Step | None:
        """The step, invalid, at the first link that is 0 by the definitions while the chain's quantity reaches its variable."""
        reaching = self._chain_reaches(quantity, variable, links, scope)
        if reaching is None:
            return None  # E is not seen to reach w_5 either: nothing to contradict
        for link in links:
            inner, by, order = scope.leibniz[link]
            if inner == quantity and quantity not in scope.formulas:
                continue  # dE/dnet_h with E given no formula: what the chain says E reaches w through, not a 0
            built = self._fully_built(inner, by, scope, step.section)
            if order == 1 and built is not None and not reaches(built, by) and not self._written_inside(built, by, scope):
                shown = sympy.sstr(built)
                if len(shown) > 60:
                    shown = "a formula in " + ", ".join(sorted(str(name) for name in _names_of(built)))
                why = f"{inner} is an input of the write-up's formulas" if built == inner else f"by the write-up's definitions {inner} = {shown}"
                return replace(step, verdict="invalid", feedback=f"\\partial {inner}/\\partial {by} is 0: {why} and does not depend on {by}, "
                               f"so the product is 0, though {quantity} depends on {variable}{reaching}")
        return None

    @staticmethod
    def _written_inside(built, by, scope: Scope) -> bool:
        """h = sigmoid(x w_1 + b_1), then z_1 = x w_1 + b_1: z_1's formula sits inside h's, so h depends on z_1 as the
        text names it (dh/dz_1 is the sigmoid's derivative, not 0)."""
        if by not in scope.formulas:
            return False
        try:
            own = scope._through_definitions(by, None)
            return isinstance(own, sympy.Basic) and not own.is_Atom and reaches(built.subs(own, by), by)
        except (TypeError, ValueError, AttributeError):
            return False

    @staticmethod
    def _chain_reaches(quantity, variable, links, scope: Scope) -> str | None:
        """How E is seen to reach w_5: by its own definitions (""), or, where E has none yet, through the quantity its
        chain's first link differentiates it by (dE/dy with y built from w_5: " through y"), which is what writing
        that link says. None where neither shows it (dE_2/da_2 da_2/do_2 do_2/dw_5 may be 0, and say so)."""
        if not isinstance(quantity, sympy.Basic):
            return None
        if reaches(scope._through_definitions(quantity, variable), variable):
            return ""
        if quantity in scope.formulas:
            return None  # E's formula is known and does not reach w_5: the chain may well be 0
        for link in links:
            inner, by, order = scope.leibniz[link]
            if order == 1 and inner == quantity and by != variable and by in scope.formulas and reaches(scope._through_definitions(by, variable), variable):
                return f" (through {by}, which the write-up builds from {variable})"
        return None

    def _fully_built(self, quantity, variable, scope: Scope, section):
        """The quantity through the write-up's formulas, when it ends in numbers the text gives (inputs, weights,
        biases) and nothing else; None where a name is left whose value was only worked out or never given (it
        may hide a dependence: E_o1 = 0.27 is a function of every weight)."""
        if not isinstance(quantity, sympy.Symbol):
            return None
        inputs = {name for formula in scope.formulas.values() for name in _names_of(formula)}
        defined = self._defined_in_section(scope, section)
        if quantity not in scope.formulas:  # \partial w_5 / \partial a_{h1}: a weight the formulas use, and a quantity they compute
            leaf = quantity in inputs and str(quantity) not in defined and variable in scope.formulas
            return quantity if leaf else None
        built = scope._through_definitions(quantity, variable)
        given = {name for name in scope.values if name not in scope.formulas and name in inputs}
        if variable in inputs or variable in scope.formulas:  # over a weight, an input or a computed quantity: names never given anything are inputs
            given |= {name for name in inputs if name not in scope.values and name not in scope.formulas and str(name) not in defined}
        if not _names_of(built) or not _names_of(built) <= given | {variable} or scope._kin_without_formula(quantity, built, variable):
            return None
        return built

    def _defined_in_section(self, scope: Scope, section) -> set[str]:
        """The names some line of the section defines (first links of its chains), by key."""
        return {key for _, key in self.definitions_in(section, scope)}

    def definitions_in(self, section, scope: Scope) -> list:
        """(step, the key of the name it defines) for each first link of a chain in the section whose left side is one
        name, in reading order; worked out once per section."""
        words = frozenset(scope.notation.words)
        if (section, words) not in self.definitions:
            self.definitions[(section, words)] = [(step, name.key) for step in self.steps if step.section == section and step.first_of_chain
                                                  and step.kind == "equal" for name in [single_name(step.left.tokens, words)] if name is not None]
        return self.definitions[(section, words)]

    # --- statements

    def statement(self, step: Step, scope: Scope) -> Step | None:
        """Given values, a function's or a name's definition, an update: what the write-up states rather than derives."""
        if step.kind == "implies":
            return None
        by_entries = self.entries_defined(step, scope)
        if by_entries:
            return by_entries
        vanishing = self.vanishing_power(step, scope)
        if vanishing is not None:
            scope.nilpotent[vanishing[0]] = vanishing[1]
            return replace(step, verdict="definition", feedback=f"given: {step.lhs} = 0 (higher powers of {vanishing[0]} vanish where it recurs)")
        if step.role == "required" and step.first_of_chain:
            return replace(step, verdict="definition", feedback="a condition the text sets ('... must hold', '... only when'): an equation to solve, not an identity")
        if step.role == "another way":
            return replace(step, verdict="definition", feedback="another convention's way of writing it, as the text says: not its own claim, and it changes nothing that follows")
        if step.role == "recalls" and step.first_of_chain and self._defined_before(step, scope):
            return None  # "Recall that $C = \\sum_x C_x$" after C = \\frac{1}{n} \\sum_x C_x: a claim about that C, not a new one
        if step.role == "hypothetical" and name_of(step.left, scope.notation) is not None:
            self._suppose(step, scope)
            return replace(step, verdict="definition", feedback="an example the text imagines ('say ...'): it changes nothing that follows")
        if step.role in ("defines", "given") and step.block_kind == "inline" and step.first_of_chain and name_of(step.left, scope.notation) is None \
                and function_head(step.left, frozenset(scope.notation.words)) is None:
            named = self._named_by_its_right(step, scope)  # "we let $\\sum_j e^{f_j} = \\Sigma$"
            if named is not None:
                return named
        if step.role == "defines" and step.block_kind == "inline" and step.first_of_chain and name_of(step.left, scope.notation) is None and function_head(step.left, frozenset(scope.notation.words)) is None \
                and not self._derivative_of_known(step, scope):
            return replace(step, verdict="definition", feedback=f"notation the text explains: {step.lhs} = {step.rhs}")
        if step.kind == "declaration":
            return replace(step, verdict="definition", feedback=f"declares {step.lhs} \\in {step.rhs}")
        if self.generic_entry_value(step, scope.notation):
            return replace(step, verdict="definition", feedback=f"says which entries are {step.rhs} ({step.lhs} = {step.rhs} where the text says): no value for every index")
        if self.relates_indices(step, scope.notation):
            return replace(step, verdict="definition", feedback=f"a condition on indices ({step.lhs} {step.relation} {step.rhs}): it says where what follows holds, and defines nothing")
        if self.lists_entries(step, scope):
            return replace(step, verdict="definition", feedback=f"{step.lhs} is the list of its entries {step.rhs}")
        put = self.values_put_in(step, scope)
        if self.conflict is not None:  # line 329: dE_o2/dout_h1 = -0.01904919; here -0.019049119 (the right one)
            name, number, known, line = self.conflict
            return replace(step, verdict="undecided", feedback=f"puts {number} in place of {name}, which line {line} states is {sympy.N(known, 8)} "
                                                               "without working it out: one of the two is a slip, and neither can be checked here")
        if self.slip is not None:  # w_new = w - \\alpha g, then w_new = 0.2 - 0.5 (0.0886) with g = 0.0018
            name, number, known = self.slip
            return replace(step, verdict="invalid", feedback=f"puts {number} in place of {name}, whose value is {sympy.N(known, 6)}: "
                                                             f"{step.lhs} = {self._written_formula(step, scope)} with the wrong number in")
        if put:
            self.give(scope, put, step)
            scope.inferred |= set(put)
            return replace(step, verdict="definition", feedback="puts in the values " + ", ".join(f"{n} = {v}" for n, v in put.items()))
        given = self.given_values(step, scope)
        if given:
            self.give(scope, given, step)
            return replace(step, verdict="definition", feedback="given: " + ", ".join(f"{n} = {v}" for n, v in given.items()))
        first = step.first_of_chain
        for side in (step.left, step.right):  # \# \text{ of FLOP}(C) = ..., TP_i = \# \text{ of ..}
            naming = side is step.left or name_of(step.left, scope.notation) is not None
            if (first or side is step.left) and naming and words_of(side) and self._unreadable(side, scope):  # A = \text{B C} = ...: B C too
                return replace(step, verdict="definition", feedback=f"names a quantity in words: {step.lhs} = {step.rhs}")
        if step.kind == "update" or (first and self.is_update(step, scope)):
            return self.update(step, scope)
        as_function = self._quantity_as_function(step, scope)
        if as_function is not None:
            return as_function
        parts = self.parts_named(step, scope)
        if parts is not None:
            return parts
        defined = self.function_definition(step, scope)
        if defined is not None:
            name, body = defined
            self.define_function(scope, name, _through_own_variables(body, scope.formulas), step.title)
            return replace(step, verdict="definition", feedback=f"defines {step.lhs}")
        own = self.own_meaning(step, scope)
        if own is not None:
            self.define_function(scope, own, sympy.Lambda(_ARGUMENT, sympy.Function(_GLYPHS.get(own, own.upper()))(_ARGUMENT)), step.title)
            return replace(step, verdict="definition", feedback=f"the text's own {step.lhs.split('(')[0].strip()}: a function of the whole vector "
                                                                f"(a softmax), not the course's; what follows is read with it unknown")
        if first and self.states_an_application(step, scope):
            self._remember_application(step, scope)
            term = self._sequence_term_value(step, scope)
            if term is not None:
                return replace(step, verdict="definition", feedback=f"gives the term {step.lhs} = {sympy.N(term, 6)} (put in where it recurs)")
            return replace(step, verdict="definition", feedback=f"states what {step.lhs} is (a function the write-up does not define otherwise)")
        if first and len(rest_of_chain(step)) == 1 and chain_rule(step) is not None:
            return None  # dL/dW = dL/dy dy/dW, dL/dW seen here first: the chain rule written out is a claim, checked (a chain
            # going on to numbers defines the name by them, as before: = 0.1 x 0.2 = 0.02)
        key = self.named_quantity(step, scope)
        if key is not None:
            return self.define_name(step, scope, key)
        return None

    def vanishing_power(self, step: Step, scope: Scope):
        """`\\epsilon^2 = 0` for a name with no value: dual numbers' rule, (symbol, 2); else None."""
        if step.kind != "equal" or not step.first_of_chain or len(step.chain) > 1 or not is_plain_number(step.right):
            return None
        try:
            power, zero = self.read(step.left, scope).exact, self.read(step.right, scope).exact
        except LatexError:
            return None
        if zero != 0 or not isinstance(power, sympy.Pow) or not isinstance(power.base, sympy.Symbol) or power.base in scope.values:
            return None
        return (power.base, int(power.exp)) if power.exp.is_Integer and power.exp >= 2 else None

    @staticmethod
    def lists_entries(step: Step, scope: Scope) -> bool:
        """`\\mathbf{x} = (x_1, \\dots, x_p)^T`, `\\mathbf{i} = \\{1, 2, ..., n\\}`: a name for a list of entries written
        with an ellipsis, which says what the name is and claims nothing."""
        if step.kind != "equal" or not step.first_of_chain or name_of(step.left, scope.notation) is None:
            return False
        found = [t for t in step.right.tokens if t.kind != "space"]
        opens = found and (found[0].is_("symbol", "(", "[") or found[0].is_("command", "{", "left", "langle"))
        return bool(opens) and any(t.is_("command", *ELLIPSES) for t in found) and any(t.is_("symbol", ",") for t in found)

    @staticmethod
    def generic_entry_value(step: Step, notation: Notation) -> bool:
        """`y_i = 1` for a one-hot label or a vector the write-up sums over: the entry where a condition holds ("if the
        class is i"), not a value of every entry."""
        if step.relation != "=" or not step.first_of_chain or step.left is None or not is_plain_number(step.right):
            return False
        name = single_name(step.left.tokens, frozenset(notation.words))
        if name is None or len(name.indices) != 1 or not name.indices[0].isalpha() or name.indices[0] not in notation.indices:
            return False
        return name.base in notation.one_hot or name.base in notation.vectors

    @staticmethod
    def relates_indices(step: Step, notation: Notation) -> bool:
        """`n = i`, `d \\neq j`, `p_i = p_j`: an equation between indices (letters the write-up writes as subscripts),
        or between two entries of one family, is where a case holds, not a value."""
        if step.relation not in ("=", "\\ne") or step.left is None or step.right is None:
            return False
        words = frozenset(notation.words)
        left, right = single_name(step.left.tokens, words), single_name(step.right.tokens, words)
        if left is None or right is None or left.layer or right.layer or left.mark or right.mark:
            return False
        if not left.subscript and not right.subscript:
            return {left.base, right.base} <= notation.indices
        return left.base == right.base and left.indices != right.indices and all(
            i.isalpha() and i in notation.indices for i in left.indices + right.indices)

    def _unreadable(self, side: Side, scope: Scope) -> bool:
        try:
            self.read(side, scope)
            return False
        except LatexError:
            return True

    def _as_supposed(self, step: Step, scope: Scope) -> Step | None:
        """"say to $a = 2.001$ ... Then $f(a) = 6.003$": an equation in the imagined name, a line or a few after it and with
        no value of its own for that name, is worked at the imagined value (checked, saying so), not an equation to solve."""
        supposed = scope.supposition_for(step) if step.kind == "equal" else None
        if supposed is None or any(symbol in scope.values for symbol in supposed[1]):
            return None
        supposition, values = supposed
        try:
            unknowns = self.value(step.left, scope).free_symbols | self.value(step.right, scope).free_symbols
        except (LatexError, DefinitionMisfit, AttributeError):
            return None
        if not unknowns or not unknowns <= set(values):
            return None
        with scope.supposing(values):
            judged = self.judge_step(step, scope)
        if judged.verdict not in ("valid", "invalid"):
            return None
        return replace(judged, feedback=f"{judged.feedback} (at {supposition.lhs} = {supposition.rhs}, as {self.document.where(supposition.line)} imagines)")

    def _suppose(self, step: Step, scope: Scope) -> None:
        """Remember an imagined value (say $a = 2.001$), which a line or two after it may work out ("Then f(a) = 6.003")."""
        try:
            symbol, value = self.read(step.left, scope).expr, self.value(step.right, scope)
        except (LatexError, DefinitionMisfit):
            return
        if isinstance(symbol, (sympy.Symbol, sympy.Indexed)) and getattr(value, "is_number", False):
            scope.supposed = (step, {symbol: value})

    def values_put_in(self, step: Step, scope: Scope) -> dict | None:
        """`w_1 i_1 + w_2 i_2 + b_1 = 0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35`: the right side is the left with a number in
        place of each name (values the text shows only in a figure, say): those are the names' values. Only for names
        with no value yet, each in one place, and the same operations in the same order on both sides."""
        self.slip = self.conflict = None
        if step.kind != "equal" or step.left is None or step.right is None or _applies_known_function(step, scope):
            return None
        head = function_head(step.left, frozenset(scope.notation.words)) if step.first_of_chain else None
        if head is not None and head[0].base in FREE_FUNCTION_NAMES:
            return None  # f(a) = 3a: the function f, not f times a with f = 3
        entries = self._entries_put_in(step, scope)
        if entries:
            return entries
        words = frozenset(scope.notation.words)
        formula = scope.written.get(spelled_back(step.left.tokens)) if step.first_of_chain else None
        left = _regrouped(_unwrapped(_shape_of_side((formula or step.left).tokens, words)))  # dE/do = -(0.01 - 0.75) after dE/do = -(t - o)
        right = _regrouped(_unwrapped(_shape_of_side(step.right.tokens, words)))
        if left is None or right is None or len(left) != len(right):
            if formula is not None:
                self.slip = self._slip_in_tree(formula, step.right, scope)
            return None
        found: dict = {}
        for (kind, token), (other_kind, other) in zip(left, right):
            if kind == "name" and other_kind == "number":
                written = "".join(("\\" + t.text + " ") if t.kind == "command" else t.text for t in token)
                try:
                    symbol, value = self.read(Side(tuple(token), written, token[0].position), scope).expr, sympy.Rational(other)
                except (LatexError, TypeError, ValueError):
                    return None
                if not isinstance(symbol, (sympy.Symbol, sympy.Indexed)) or found.get(symbol, value) != value:
                    return None
                known = scope.values.get(symbol)
                if symbol in scope.formulas or symbol in scope.leibniz or known is not None:  # net = w_1 i_1 + ..., dnet/dw: through the definitions
                    try:
                        known = scope.put_in(symbol)
                    except (TypeError, ValueError, DefinitionMisfit):
                        known = None
                    known = known if getattr(known, "is_number", False) else None
                if known is not None:  # a value it has: the number must be that value, as rounded
                    places = len(other.split(".")[1]) if "." in other else 0
                    room = sympy.Rational(1, 10**places) if places else sympy.Rational(1, 2)  # a decimal as \\approx allows it; a whole number exactly
                    def near(candidate) -> bool:
                        return getattr(candidate, "is_number", False) and abs(sympy.N(candidate - value, 30)) <= room
                    if near(known):
                        continue
                    if near(scope.also.get(symbol)):  # the right value the text slipped from: it works on with that again
                        found[symbol] = scope.also[symbol]
                        continue
                    if any(near(updated) for updated in _updates_of(symbol, scope.values)):
                        found[symbol] = value  # y = 4.6 * 2 after w_new = 4.6: the forward pass again, with the new w
                        continue
                    if symbol in scope.stated and formula is None:  # two numbers the text gives for one name, neither worked out here
                        self.conflict = (written.strip(), other, known, scope.stated[symbol])
                        return None
                    if symbol not in scope.inferred:  # a value the text stated: another number in its place is a slip
                        self.slip = (written.strip(), other, known) if formula is not None else None
                        return None
                found[symbol] = value  # (y = 0 only seen put in above: this line's example puts in another)
            elif kind == other_kind == "name":
                if [t.text for t in token] != [t.text for t in other]:  # e in e^{-net} on both sides
                    return None
            elif (kind, token) != (other_kind, other):
                return None
        return found if len(left) > 1 and found else None  # (x = 0.5 alone is a value given, read elsewhere)

    def _slip_in_tree(self, formula: Side, numbers: Side, scope: Scope) -> tuple | None:
        """o = \\frac{1}{1 + e^{-h}}, then o = \\frac{1}{1 + e^{-1.1959}} with h = 1.1059: the numbers line is the formula's
        tree with a decimal in place of each name, one for one (each name written once, each decimal a name's, matched as
        trees whatever the operations); a decimal farther from its name's value than its last figure is a slip: (name,
        decimal, value). None where they are not so matched."""
        try:
            pattern, written = self.read(formula, scope), self.read(numbers, scope)
        except LatexError:
            return None
        if not isinstance(pattern.expr, sympy.Expr) or not isinstance(written.expr, sympy.Expr) or pattern.decimals:
            return None
        names = pattern.expr.free_symbols
        valued = {name: scope.values.get(name) for name in names}
        if not names or len(names) != len(written.decimals) or any(not getattr(v, "is_number", False) or name in scope.leibniz for name, v in valued.items()):
            return None
        if any(pattern.expr.count(name) != 1 for name in names):
            return None  # a name written twice (x^2 + x) need not be put in twice alike
        wilds = {name: sympy.Wild(f"put_{n}") for n, name in enumerate(sorted(names, key=str))}
        matched = written.expr.match(pattern.expr.xreplace(wilds))
        decimals = {placeholder: (value, places, text) for placeholder, value, places, text in written.decimals}
        if not matched or len(matched) != len(wilds) or set(matched.values()) != set(decimals):
            return None  # each decimal stands for one name, and each name has one
        for name, wild in wilds.items():
            value, places, text = decimals[matched[wild]]
            if abs(sympy.N(value - valued[name], 30)) > sympy.Rational(1, 10**places):
                return (str(name), text, valued[name])
        return None

    def _entries_put_in(self, step: Step, scope: Scope) -> dict | None:
        """`W = [w_1 & w_2 \\\\ w_3 & w_4] = [0.3 & 0.2 \\\\ 0.2 & 0.3]`: a matrix of names, then the same shape of numbers,
        gives each name its number (names with no value yet, each once)."""
        try:
            names, numbers = self.read(step.left, scope).exact, self.read(step.right, scope).exact
        except LatexError:
            return None
        if not isinstance(names, sympy.MatrixBase) or not isinstance(numbers, sympy.MatrixBase) or names.shape != numbers.shape:
            return None
        found: dict = {}
        for name, number in zip(names, numbers):
            if not isinstance(name, (sympy.Symbol, sympy.Indexed)) or not getattr(number, "is_number", False) or name in scope.values or name in found:
                return None
            found[name] = number
        return found

    def _written_formula(self, step: Step, scope: Scope) -> str:
        formula = scope.written.get(spelled_back(step.left.tokens))
        return formula.text if formula is not None else step.rhs

    def entries_defined(self, step: Step, scope: Scope) -> Step | None:
        """[y_{11} y_{12}; y_{21} y_{22}] = [w_{11}x_{11} + ..., ...]: a matrix of names the text has not given, equal to a
        matrix of formulas of the same shape (the chain's first such link; or, written last, O = PV = [...] = [o_{ij}],
        the link before it), defines each name by its entry, as y_{11} = w_{11}x_{11} + ... would; its derivatives are
        then worked out, and one stated wrong is found. Else None."""
        if step.kind != "equal":
            return None
        names = self._fresh_names_matrix(step.left, scope) if step.first_of_chain else None
        if names is not None:
            links = [step.right, *self._chain_goes_on(step)]  # the chain's rows after this one too
        else:
            names = self._fresh_names_matrix(step.right, scope) if step.right is not None and step.right is rest_of_chain(step)[-1] else None
            links = [step.left]
        if names is None:
            return None
        for side in links:
            try:
                formulas = self.read(side, scope).exact
            except (LatexError, TypeError, ValueError):
                continue
            if isinstance(formulas, sympy.MatrixBase) and formulas.shape == names.shape \
                    and not any(getattr(f, "is_number", False) for f in formulas) and not set(names) & _names_of(formulas):
                for name, formula in zip(names, formulas):
                    scope.formulas[name] = bound_apart(formula)
                return replace(step, verdict="definition", feedback=f"defines {', '.join(map(str, names))} entry by entry")
        return None

    def _fresh_names_matrix(self, side: Side, scope: Scope):
        """A side written as a matrix (\\begin{bmatrix}) of distinct names with no value or formula yet, read; else None."""
        if not side.tokens or not side.tokens[0].is_("command", "begin"):
            return None
        try:
            names = self.read(side, scope).exact
        except LatexError:
            return None
        fresh = isinstance(names, sympy.MatrixBase) and len(names) >= 2 and len(set(names)) == len(names) \
            and all(isinstance(n, (sympy.Symbol, sympy.Indexed)) and n not in scope.values and n not in scope.formulas for n in names)
        return names if fresh else None

    def given_values(self, step: Step, scope: Scope) -> dict | None:
        """Values the text gives as a list: (w_1, ..., w_6) = (0.75, ...), or a vector's entries: \\mathbf{z} = (1, 2, 3)
        gives z_1, z_2, z_3. (x_3 = -0.3 names one quantity: named_quantity.)"""
        if step.kind != "equal" or not step.first_of_chain or self.restates_result(step):
            return None
        name = name_of(step.left, scope.notation)
        opens = step.right.tokens and (step.right.tokens[0].is_("symbol", "(", "[") or step.right.tokens[0].is_("command", "left", "begin"))
        array = scope.context.matrices.get(name.key) if name is not None and opens else None
        if isinstance(array, sympy.MatrixSymbol) and 1 in array.shape and name.subscript:
            listed = self._listed_numbers(step, scope)  # x_1 = [2, 1] for a column x_1: a list's orientation is not meant
            if listed is not None and len(listed) == array.shape[0] * array.shape[1]:
                return {array: sympy.ImmutableMatrix(*array.shape, listed)}
        if name is not None and opens and not name.subscript:
            try:
                entries = self.read(step.right, scope).exact
            except LatexError:
                return None
            matrix = scope.context.matrices.get(name.key)
            if isinstance(entries, sympy.MatrixBase) and isinstance(matrix, sympy.MatrixSymbol) and 1 not in entries.shape \
                    and all(getattr(e, "is_number", False) for e in entries):
                return {matrix: sympy.ImmutableMatrix(entries)}  # A \\in R^{n x n}, then A = [[1, 2], [3, 4]] for an example
            written, entries = entries, _as_list(entries)
            if isinstance(entries, sympy.Tuple) and len(entries) > 1 and all(getattr(v, "is_number", False) for v in entries):
                first = scope.notation.first_entry(name.base, len(entries))
                apart = first == 0 and sympy.Symbol(f"{name.base}_0", real=True) in scope.values
                if apart:
                    first = 1  # x_0 = 1 given (a bias input): the list is the other entries
                given = _named_entries(name.base, entries, first)  # z[1] (the vector's entries, its softmax), z_1
                matrix = scope.context.matrices.get(name.key)
                if isinstance(matrix, sympy.MatrixSymbol) and matrix.shape[1] == 1:  # \\mathbf{v} = [3, 1, 4]^T: v v^T is known too
                    given[matrix] = sympy.ImmutableMatrix(len(entries), 1, list(entries))
                whole = self.read(step.left, scope).expr
                if isinstance(written, sympy.MatrixBase) and isinstance(whole, (sympy.Symbol, sympy.MatrixSymbol)) \
                        and getattr(whole, "shape", written.shape) == written.shape:  # W = [0.1, 0.2]: W itself, as written
                    given[whole] = sympy.ImmutableMatrix(written)
                elif isinstance(whole, sympy.Symbol) and whole not in given and not apart:  # p = [0.1, 0.2, 0.7]: p - y is worked entry by entry
                    given[whole] = sympy.ImmutableMatrix(len(entries), 1, list(entries))
                return given
            return None
        if not step.left.tokens or not step.left.tokens[0].is_("symbol", "(", "["):
            return None
        try:
            left, right = (_as_list(self.read(side, scope).exact) for side in (step.left, step.right))
        except LatexError:
            return None
        if isinstance(left, sympy.Tuple) and isinstance(right, sympy.Tuple) and len(left) == len(right):  # [w_1, w_2, b_1] = [0.15, 0.2, 0.35] too
            named = all(isinstance(name, sympy.Symbol) and not name.is_integer or isinstance(name, sympy.Indexed) for name in left)
            if named and all(getattr(value, "is_number", False) for value in right):
                return dict(zip(left, right))
        return None

    def _listed_numbers(self, step: Step, scope: Scope) -> list | None:
        """The numbers of a list or a one-row or one-column array written on the right, in order; None otherwise."""
        try:
            entries = self.read(step.right, scope).exact
        except LatexError:
            return None
        entries = _as_list(entries)
        if isinstance(entries, sympy.Tuple):
            listed = list(entries)
            return listed if all(getattr(value, "is_number", False) for value in listed) else None
        return None

    def give(self, scope: Scope, values: dict, step: Step) -> None:
        alone = step.first_of_chain and len(rest_of_chain(step)) <= 1 and step.right is not None and is_plain_number(step.right)
        values = {**_entries_of_values(values, scope.notation), **values}
        for name, value in values.items():
            if alone and scope.values.get(name) != value:  # x = 1, y = 2 again: a new example's inputs
                _forget_derivatives_of(scope, name)
            scope.values[name] = value
            scope.valued[name_key(name)] = (step.block, step.block_kind)
            (scope.bare.add if alone else scope.bare.discard)(name_key(name))
            scope.inferred.discard(name)
            scope.also.pop(name, None)

    def _function_by_derivative(self, step: Step, scope: Scope) -> Step | None:
        """g'(z) = (\\frac{e^z - e^{-z}}{e^z + e^{-z}})' with g defined nowhere: the text takes g to be that formula (it
        differentiates the formula to find g'), so 1 - g(z)^2 after it is about tanh, not about every function g."""
        if step.kind != "equal" or not step.first_of_chain or step.left is None or step.right is None:
            return None
        try:
            left, right = self.read(step.left, scope).expr, self.read(step.right, scope).expr
        except LatexError:
            return None
        if not (isinstance(left, sympy.Derivative) and isinstance(right, sympy.Derivative)) or left.derivative_count != 1:
            return None
        applied = left.expr
        if not isinstance(applied, sympy.core.function.AppliedUndef) or len(applied.args) != 1 or left.variables != applied.args or right.variables != left.variables:
            return None
        name, body = str(applied.func), right.expr
        written = [t for t in step.left.tokens if t.kind != "space"]
        if not any(t.text == name and after.is_("symbol", "(", "'", "^") for t, after in zip(written, written[1:])):
            return None  # dL/dy: a quantity's derivative (L is no function written applied), not g'(z) or d/dz g(z)
        if name in scope.defined or name in dialect.FUNCTIONS or any(str(f) == name for f in scope.problem.definitions) \
                or body.has(applied.func) or not body.has(applied.args[0]) or body.atoms(sympy.Derivative):
            return None
        self.define_function(scope, name, sympy.Lambda(applied.args[0], body), step.title)
        return replace(step, verdict="definition", feedback=f"takes {name} to be {sympy.sstr(body)}, the formula it differentiates for {name}'")

    def define_function(self, scope: Scope, name: str, body, title: int = 0) -> None:
        function = sympy.Function(name)
        definitions = {f: b for f, b in scope.problem.definitions.items() if str(f) != str(function)}
        scope.problem = replace(scope.problem, definitions={**definitions, function: body})
        if name in dialect.REDEFINABLE:  # read from here on as the write-up's own \sigma, not the course's one
            scope.context.functions[name] = function
        if len(body.variables) > 1 or _a_quantity_of_the_text(body.variables[0], scope):
            scope.context.parameters[str(function)] = tuple(body.variables)  # \partial f / \partial x_2 reads f(x_1, x_2);
            # \partial C / \partial w reads C(a) for C(a) = (y - a)^2 / 2 of the text's a = g(z), not C(w)
        scope.defined[str(function)] = title
        scope.context = replace(scope.context, defined=scope.context.defined | {str(function)})  # f_w = w x^2: d/dw f_w is read
        scope.same_function.clear()

    def own_meaning(self, step: Step, scope: Scope) -> str | None:
        """`\\sigma(A_{ic}) = e^{A_{ic}} / \\sum_j e^{A_{ij}}`: a course function's name (\\sigma, the logistic) given a body
        that sums over the entries of its argument's vector, a softmax; the text means its own function by the name.
        The name that function takes, else None."""
        head = applied_head(step.left, frozenset(scope.notation.words))
        if head is None or step.kind != "equal":
            return None
        name, argument_tokens = head
        function_name = name.key.lstrip("\\")
        if function_name not in dialect.REDEFINABLE or function_name not in dialect.FUNCTIONS:
            return None
        defined = scope.definition(function_name)
        if function_name in scope.defined and str(getattr(getattr(defined, "expr", None), "func", "")) != _GLYPHS.get(function_name, function_name.upper()):
            return None  # the text defined it otherwise: a claim about that definition
        try:
            argument = self.read(Side(tuple(argument_tokens), "", argument_tokens[0].position), scope).expr
            body = self.read(step.right, scope).exact
        except (LatexError, IndexError):
            return None
        base = argument.base.label if isinstance(argument, sympy.Indexed) else argument if isinstance(argument, (sympy.Symbol, sympy.MatrixSymbol)) else None
        if base is None or not isinstance(body, sympy.Expr):
            return None
        summed = [entry for total in body.atoms(sympy.Sum) for entry in total.function.atoms(sympy.Indexed)]
        over_entries = any(entry.base.label == base or str(entry.base.label) == str(base) for entry in summed)
        return function_name if over_entries else None

    def function_definition(self, step: Step, scope: Scope):
        """`F(x) = body`, `f(x_1, x_2) = body`: a function the write-up defines (a default one such as \\sigma or GELU
        may be redefined once per section). In `f(x) = GELU(x) = x\\sigma(1.702x)` both names take the last body."""
        head = function_head(step.left, frozenset(scope.notation.words), of_a_sample=True)
        at_a_point = head is None
        if at_a_point:  # x_3 = g_4(x_4) = e^{x_4}: a numbered name given no number is the variable of g_4's formula
            head = function_head(step.left, frozenset(scope.notation.words), of_a_sample=True, at_a_point=True)
        if head is None or step.kind != "equal" or self._matrices_in(step.right, scope):
            return None
        name, variables = head
        function_name = name.key.lstrip("\\")
        fixed = function_name in dialect.FUNCTIONS and function_name not in dialect.REDEFINABLE and len(variables) == 1  # H(y, p) is not Heaviside's
        fixed = fixed or scope.context.functions.get(function_name) is sympy.DiracDelta  # "the Dirac delta": δ(x) = {∞, 0} describes it
        titled_anew = scope.defined.get(function_name, step.title) < step.title  # ## ReLU: t = f(z) = max(0, z) after ## Sigmoid's f
        let = step.role == "given" and function_name in scope.defined  # "let $x_2 = g_3(x_3) = e^{x_3}$" (令): given again, anew
        if not step.first_of_chain and (fixed or function_name in scope.defined and not titled_anew and not let):
            return None  # y = f(x_1, x_2) = body and f(x) = GELU(x) = body define; a known function inside a chain is a claim
        anew = titled_anew or let or step.first_of_chain and step.role == "defines anew"  # "Another loss:" L(y, p) = ... again
        anew = anew or step.first_of_chain and step.labelled_item and self._case_after_case(step)  # "**Tanh**: f(x) = ..." after "**Sigmoid**: f(x) = ..."
        anew = anew or step.first_of_chain and self._schema(scope, function_name)  # f = g/h (the quotient rule), then "if f(x) = ..."
        anew = anew or step.first_of_chain and function_name in scope.defined and _another_choice(step, function_name, variables)
        anew = anew or step.first_of_chain and function_name in scope.defined and self._of_other_arity(scope, function_name, len(variables)) \
            and not any(n.key == name.key for n in Scanner([t for t in step.right.tokens if t.kind != "space"], frozenset(scope.notation.words)).names())
        if function_name in scope.defined and not anew or function_name in {str(f) for f in self.base.definitions}:
            return None
        if fixed or self._states_the_softmax(function_name, variables, step, scope):
            return None  # \tanh(x) = ... is a claim about tanh, checked
        try:
            parameters = [self.read(Side(tuple(self._tokens_of(v, step.left)), v.key, 0), scope).expr for v in variables]
        except LatexError:
            return None
        vector_argument = len(parameters) == 1 and isinstance(parameters[0], sympy.MatrixSymbol)  # J(theta) of a vector, by its entries (below)
        if not vector_argument and not all(isinstance(p, (sympy.Symbol, sympy.Indexed)) for p in parameters):
            return None
        named = name_of(step.right, scope.notation) if step.right is not None else None
        if named is not None and named.key not in {v.key for v in variables}:
            return None  # \sigma(z) = P: names P as \sigma(z) (or claims it), whatever the lines after it work out
        body = self._last_body(step, scope, set(parameters))
        if isinstance(body, (sympy.Tuple, sympy.MatrixBase, sympy.MatrixExpr)) or getattr(body, "is_Relational", False) or not isinstance(body, sympy.Expr):
            return None
        if any(str(entry.base.label) in {v.key for v in variables} for entry in body.atoms(sympy.Indexed)):
            summed = _of_entries_summed(parameters, body)
            if summed is not None:  # N(z) = \\sum_k e^{z_k}: a function of the whole vector z, through its entries
                return function_name, summed
            return None  # S_c(\\mathbf{x}) = S(c\\mathbf{x}): a function of a vector's entries, not of a number
        dummies = [sympy.Symbol(v.key, real=True) for v in variables]
        body = body.xreplace(dict(zip(parameters, dummies)))
        constant = len(step.chain) <= 1 and not any(p in scope.values for p in parameters) and body.is_number  # \dot A(z) = 0: a constant function (not \sigma(z) = P, which names P)
        by_entries = len(dummies) == 1 and _written_by_entries(body, str(parameters[0]).lstrip("\\"))  # J(theta) = 2 theta_1^2 + 4 theta_2^2
        if vector_argument and not by_entries:
            return None  # a function of a vector written through the vector itself is read as a matrix expression elsewhere
        if not set(dummies) & body.free_symbols and not constant and not by_entries:  # a = \sigma(z) = \frac{1}{1 + e^{0.5}}: z's value put in
            return None
        if at_a_point and (not set(dummies) & body.free_symbols or any(p in scope.values for p in parameters)
                           or any(str(type(f)) == function_name for f in body.atoms(sympy.core.function.AppliedUndef))):
            return None  # y = g(z_1) = 0.3 (its body g(z_1) itself), or at a z_1 given a number: a value at one point
        return function_name, sympy.Lambda(tuple(dummies) if len(dummies) > 1 else dummies[0], body)

    def parts_named(self, step: Step, scope: Scope) -> Step | None:
        """"Using the quotient rule, where $f(x) = \\frac{g(x)}{h(x)}$" of the text's f, g and h never written before: the
        parts of f named for a rule, not a claim that f is every quotient. Where f's formula is a fraction, g and h are
        its numerator and denominator (what the author goes on to differentiate). A definition step; None otherwise."""
        if step.kind != "equal" or not step.first_of_chain or len(step.chain) > 1 or step.right is None:
            return None
        head = function_head(step.left, frozenset(scope.notation.words), of_a_sample=True)
        if head is None or len(head[1]) != 1 or head[0].key.lstrip("\\") not in scope.defined:
            return None
        function = scope.definition(head[0].key.lstrip("\\"))
        try:
            pattern = self.read(step.right, scope).exact
            parameter = self.read(Side(tuple(self._tokens_of(head[1][0], step.left)), head[1][0].key, 0), scope).expr
        except LatexError:
            return None
        parts = getattr(pattern, "atoms", lambda *_: set())(sympy.core.function.AppliedUndef)
        names = sorted({str(type(part)) for part in parts})
        known = set(scope.defined) | {str(f) for f in scope.problem.definitions} | set(dialect.FUNCTIONS) | scope.seen
        if not isinstance(function, sympy.Lambda) or not names or set(names) & known or any(part.args != (parameter,) for part in parts):
            return None
        numerator, denominator = sympy.fraction(pattern)
        if {numerator, denominator} == parts and len(parts) == 2 and len(function.variables) == 1:
            top, bottom = sympy.fraction(function.expr)
            for part, formula in ((numerator, top), (denominator, bottom)):
                self.define_function(scope, str(type(part)), sympy.Lambda(function.variables[0], formula), step.title)
            return replace(step, verdict="definition", feedback=f"names the parts of {head[0].key} for a rule: {numerator.func} its numerator "
                                                                f"({sympy.sstr(top)}), {denominator.func} its denominator ({sympy.sstr(bottom)})")
        return replace(step, verdict="definition", feedback=f"names {', '.join(names)}: parts of {head[0].key} for a rule, not a claim about them")

    @staticmethod
    def _of_other_arity(scope: Scope, name: str, arity: int) -> bool:
        """L(y_1, y_2) = ... after L(w) = ...: a function of another number of values, another function of that name."""
        body = scope.definition(name)
        return isinstance(body, sympy.Lambda) and len(body.variables) != arity

    def _quantity_as_function(self, step: Step, scope: Scope) -> Step | None:
        """outh1(h1) = sigmoid(h1) after outh1 = sigmoid(h1): a quantity with a formula, written as a function of a name
        its formula has, then given that formula again: function notation restating it (valid), not outh1 times h1.
        Any other formula is left to the other readings."""
        if step.kind != "equal" or not step.first_of_chain or step.right is None:
            return None
        head = function_head(step.left, frozenset(scope.notation.words), of_a_sample=True, at_a_point=True)
        if head is None or len(head[1]) != 1:
            return None
        name, (variable,) = head
        try:
            quantity = self.read(Side(tuple(step.left.tokens[:name.end]), name.key, step.left.start), scope).expr
            argument = self.read(Side(tuple(self._tokens_of(variable, step.left)), variable.key, 0), scope).expr
            body = self.read(step.right, scope).expr
        except LatexError:
            return None
        formula = scope.formulas.get(quantity) if isinstance(quantity, sympy.Symbol) else None
        if formula is None or argument not in getattr(formula, "free_symbols", ()) or not isinstance(body, sympy.Expr):
            return None
        if sympy.simplify(formula - body) != 0:
            return None
        return replace(step, verdict="valid", feedback=f"{name.key} written as a function of {variable.key}: its formula {sympy.sstr(formula)}, restated")

    @staticmethod
    def _states_the_softmax(function_name: str, variables: list, step: Step, scope: Scope) -> bool:
        """softmax(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_i}}: the word softmax of a vector's entry, given a formula in that
        vector's entries alone, is a claim about the softmax (checked); a formula with a name of its own
        (e^{z_i/T}: a temperature) defines the text's variant."""
        if function_name.lower() != "softmax" or len(variables) != 1 or len(variables[0].indices) != 1 or variables[0].base not in scope.notation.vectors:
            return False
        names = {n.base for n in Scanner(step.right.tokens, frozenset(scope.notation.words)).names()}
        own = names - {variables[0].base, "e"} - summed_indices(step.right) - scope.notation.sizes - set(variables[0].indices)
        return not own

    @staticmethod
    def _schema(scope: Scope, function_name: str) -> bool:
        """A function the write-up defined through functions it never defines (f(x) = g(x)/h(x) stating the quotient
        rule): a pattern, which a later `f(x) = ...` fills in rather than contradicts."""
        body = scope.definition(function_name)
        if not isinstance(body, sympy.Lambda):
            return False
        applied = {str(type(a)) for a in body.expr.atoms(sympy.core.function.AppliedUndef)}
        return bool(applied) and not applied & (set(scope.defined) | {str(f) for f in scope.problem.definitions})

    def _chain_goes_on(self, step: Step) -> list:
        """The right sides of the later steps of a step's chain (its next rows: `&= ...`), in order."""
        return [s.right for s in self.steps if s.index > step.index and s.block == step.block and s.first is not None
                and step.first is not None and s.first.start == step.first.start and s.right is not None]

    def _last_body(self, step: Step, scope: Scope, parameters: set):
        """f(x) = GELU(x) = body, f(x) = \\max(\\alpha x, x) = cases: the function is what the chain ends in, its last link
        in its variables (what the author goes on from; a wrong link is reported where it stands). Where no link
        is in its variables (a = \\sigma(z) = 0.62, z's value put in), the first that is not another F(x)."""
        continued = self._chain_goes_on(step)
        chain = list(dict.fromkeys([*step.chain, *continued], None)) if step.chain else [step.right, *continued]
        links = [side for side in chain if function_head(side, frozenset(scope.notation.words)) is None] or [step.right]
        try:
            first = self.read(links[0], scope).exact
        except LatexError:  # an unreadable first link: the last readable one in the variables is the formula, as always
            first = None
        for side in reversed(links[1:]):
            try:
                body = self.read(side, scope).exact
            except LatexError:
                continue
            if not (isinstance(body, sympy.Expr) and parameters & body.free_symbols):
                continue
            formula = isinstance(first, sympy.Expr) and parameters & first.free_symbols and not first.atoms(sympy.core.function.AppliedUndef)
            own = self._names_of_its_own(body, first, parameters, scope) if formula else []  # x_1 = g(x_2) = c1/x_2: no formula before
            if not own:
                return body
            matched = _matched_constants(first, body, parameters, own)
            if matched:  # x (a + b x^2) for \\sqrt{2/\\pi} x (1 + 0.044715 x^2): a and b are what make the two agree for every x
                self.give(scope, matched, step)
                scope.used.append("constants by matching: " + ", ".join(f"{name} = {sympy.N(value, 6)}" for name, value in matched.items()))
        return first if first is not None else self.read(links[0], scope).exact

    @staticmethod
    def _names_of_its_own(body, first, parameters: set, scope: Scope) -> list:
        """The names of a later link that the first does not hold and the text never gave (z(x) = \\sqrt{2/\\pi} x
        (1 + 0.044715 x^2) = x (a + b x^2)): the same function rewritten in constants of its own, not its formula."""
        new = body.free_symbols - parameters - getattr(first, "free_symbols", set())
        later = {str(name) for name in scope.ahead}  # c1 of x_1 = g(x_2) = c1/x_2, defined on a line below: the text's own name
        return sorted((s for s in new if isinstance(s, sympy.Symbol) and s not in scope.values and s not in scope.formulas
                       and str(s) not in later), key=str)

    @staticmethod
    def _tokens_of(name, side: Side) -> list:
        """The tokens of one variable in a function's head `F(x_1, x_2)`."""
        meaningful = [t for t in side.tokens if t.kind != "space"]
        opener = next(at for at, t in enumerate(meaningful) if t.is_("symbol", "("))
        return variable_tokens(meaningful[opener + 1:-1], name)

    def _matrices_in(self, side: Side, scope: Scope) -> bool:
        try:
            value = self.read(side, scope).expr
        except LatexError:
            return False
        return isinstance(value, sympy.Basic) and bool(value.atoms(sympy.MatrixSymbol)) or is_matrix_expr(value)

    def _derivative_of_known(self, step: Step, scope: Scope) -> bool:
        """\\phi'(z) of a function the write-up or the course defines ("where $\\phi'(z) = 1 - \\tanh^2(z)$"): a claim about
        its derivative, checked, not notation the text explains."""
        if not any(t.is_("symbol", "'") for t in step.left.tokens):
            return False
        try:
            left = self.read(step.left, scope).expr
        except LatexError:
            return False
        return isinstance(left, sympy.Basic) and not undefined_functions(left, left, scope.problem)

    def _sequence_term_value(self, step: Step, scope: Scope):
        """w(1) = w(0) - 0.1 \\cdot 2 = 0.8 of a sequence (notation: a function of the step, never defined): the term at a
        whole-number step is the number its chain ends in, put in where the term recurs (w(1) - 0.2 = 0.5 is then
        checked). The value, else None."""
        last = rest_of_chain(step)[-1] if rest_of_chain(step) else None
        if last is None or not is_plain_number(last):
            return None
        try:
            term, value = self.read(step.left, scope).expr, self.read(last, scope).exact
        except LatexError:
            return None
        sequence = isinstance(term, sympy.core.function.AppliedUndef) and any(
            fact.name == str(term.func) and fact.how.startswith("a sequence") for fact in scope.notation.facts)
        if not sequence or not all(argument.is_Integer for argument in term.args) or not getattr(value, "is_number", False):
            return None
        scope.facts[term] = value
        return value

    def _remember_application(self, step: Step, scope: Scope) -> None:
        """J_{neg-sample}(o, v_c, U) = body: what a bare J in a later derivative stands for (J is not defined otherwise)."""
        head = function_head(step.left, frozenset(scope.notation.words))
        if head is None or step.right is None:
            return
        try:
            body = self.read(step.right, scope).exact
        except LatexError:
            return
        if isinstance(body, sympy.Expr):
            scope.applied.setdefault(head[0].base.lstrip("\\"), []).append(body)

    def states_an_application(self, step: Step, scope: Scope) -> bool:
        """`S(x_1) = ...`, `L(y, \\hat y) = ...`: a function the write-up never defines, applied on the left of a chain;
        `f(\\mathbf{x}) = W_2(W_1\\mathbf{x} + \\mathbf{b}_1) + \\mathbf{b}_2`: a network it names."""
        try:
            left = self.read(step.left, scope).expr
        except LatexError:
            return False
        if isinstance(left, sympy.core.function.AppliedUndef) and (str(left.func) not in dialect.FUNCTIONS or len(left.args) > 1) and undefined_functions(left, left, scope.problem):
            return True
        head = function_head(step.left, frozenset(scope.notation.words))
        if head is None:
            return False
        name = head[0].key.lstrip("\\")
        known = name in scope.defined or name in dialect.FUNCTIONS or name in DOCUMENT.names
        return not known and self._matrices_in(step.right, scope)

    # --- names

    def named_quantity(self, step: Step, scope: Scope) -> str | None:
        """`NAME = ...` starting a chain, for a name not known yet (x_3, \\Sigma_1, v_5, \\frac{\\partial L}{\\partial w_3}):
        a definition; `e \\approx -0.2891` alone, a value given rounded, too. Returns the name's key, or None."""
        given_about = step.kind == "approx" and step.first_of_chain and len(step.chain) <= 1 and is_written_number(step.right) \
            and not self._a_constant(step.left, scope)  # e \\approx 2.718 is a claim about Euler's number
        if step.kind != "equal" and not given_about:
            return None
        name = name_of(step.left, scope.notation)
        if not step.first_of_chain and not (name is not None and (name.subscript or name.layer or name.mark)):
            return None  # inside a chain, only a subscripted or labelled name is new: S(x_k) = p_k = \frac{..}{..}, b^{(1)} = b^{(2)} = 0
        if name is not None and scope.tangent(name.key) is not None:
            return None  # \\dot{v}_5 = ... where v_5 has a formula: what forward mode gives it is checked
        if name is not None:
            shadowed = name.key.lstrip("\\") in dialect.REDEFINABLE | set(DOCUMENT.names)  # S = k(w - f + 2p)/s + 1: a size
            if scope.context.function(name.key.lstrip("\\")) is not None and not shadowed and not name.subscript:
                return None
            if not self.may_define(name.key, step, scope):
                return None
            return name.key
        squared = self._squared_name(step.left, scope)
        if squared is not None and squared[:-2] in scope.valued:
            squared = None  # x^2 = 4 with x given: a claim about x
        if squared is not None and step.first_of_chain and self.may_define(squared, step, scope):
            return squared
        try:
            quantity = self.read(step.left, scope).expr
        except LatexError:
            return None
        written = isinstance(quantity, sympy.Symbol) and not isinstance(quantity, sympy.Dummy)  # \frac{\partial L}{\partial w_3}, F'(1,1)
        if written and step.first_of_chain and ("\\frac" in quantity.name or "(" in quantity.name) and self.may_define(quantity.name, step, scope):
            if quantity in scope.leibniz and scope.derivative(quantity) is not None or self._worked_out_derivative(step, scope):
                return None  # its quantity and variable are defined: what the line gives it is checked
            return quantity.name
        return None

    def _a_constant(self, side: Side, scope: Scope) -> bool:
        try:
            return bool(getattr(self.read(side, scope).exact, "is_number", False))
        except LatexError:
            return False

    def _worked_out_derivative(self, step: Step, scope: Scope) -> bool:
        """\\frac{\\partial J}{\\partial \\mathbf{z}} = ... where J reaches z through the write-up's definitions: what the
        line says it is, is checked (as a scalar Leibniz name is), not taken as its definition."""
        if not step.first_of_chain:
            return False
        try:
            left = scope.put_in(self.read(step.left, scope).exact)
        except (LatexError, DefinitionMisfit, TypeError, ValueError, sympy.ShapeError):
            return False
        return isinstance(left, MatrixDerivative) and left.function.has(left.variable)

    def _squared_name(self, side: Side, scope: Scope) -> str | None:
        """\\sigma_B^2 = ...: a variance is named squared."""
        found = [t for t in side.tokens if t.kind != "space"]
        if len(found) >= 3 and found[-2].is_("symbol", "^") and found[-1].is_("number", "2"):
            name = single_name(found[:-2], frozenset(scope.notation.words))
            return None if name is None else name.key + "^2"
        if len(found) >= 5 and found[-4].is_("symbol", "^") and found[-3].is_("symbol", "{") and found[-2].is_("number", "2") and found[-1].is_("symbol", "}"):
            name = single_name(found[:-4], frozenset(scope.notation.words))
            return None if name is None else name.key + "^2"
        return None

    def _defined_before(self, step: Step, scope: Scope) -> bool:
        """The step's left side is a name the write-up has given a formula or a value before this line."""
        name = name_of(step.left, scope.notation)
        if name is None:
            return False
        symbol = self._symbol_of(step.left, scope, name.key)
        return symbol in scope.formulas or name.key in scope.valued

    def may_define(self, key: str, step: Step, scope: Scope) -> bool:
        """A name is new, or is worked out again in another block (dim_{out} = ... for each layer, v_1 in each
        table); `name = value` alone restates the value it has, and is checked."""
        if step.role in ("given", "for") and (step.first_of_chain or step.block_kind == "inline"):
            return True  # "take $c = 0$ or $c = +\\infty$", "with $d_k = d_v = d/h$": the text gives them values here
        if self.restates_result(step):
            return False
        if key in scope.valued and self._in_itself(step, scope) == "nonlinear":
            return False  # \hat{y} = \frac{1}{1 + e^{-\hat{y}}} with \hat{y} known: a claim about its value, checked
        if key in scope.bare and step.first_of_chain and len(rest_of_chain(step)) <= 1 and is_plain_number(step.right):
            return True  # y = 1, p = 0 \quad error; y = 0, p = 1: cases, each given its own numbers, not claims about the last
        if key in scope.valued:
            block, kind = scope.valued[key]
            given_anew = kind == step.block_kind == "inline" and is_plain_number(step.right)  # "$s = 1$ ... then $s = 2$"
            links = len(rest_of_chain(step))
            worked_again = step.first_of_chain  # FLOP = (another formula) in the next case, train_loss = 0.12 in the next run
            return block != step.block and ("table" in (kind, step.block_kind) or links > 1 or given_anew or worked_again)
        if step.explains and step.first_of_chain:
            return True  # "where \\hat y = \\sigma(z)": a name used above, defined now
        context = scope.context
        default = scope.problem.names.get(key) is DOCUMENT.names.get(key, False)  # the softmax S until the text says otherwise
        declared = key in scope.notation.matrices  # a kind the notation gave it, not a value
        known = key in context.expressions or key in context.symbols or key in scope.known or key in scope.problem.names and not default and not declared
        base, _, letter = key.rpartition("_")
        restated = letter in {str(index) for index in scope.families.get(base, {})}  # \hat{x}_i = ... again, after \hat{x}_i was given for every i: checked
        return not (known or restated)

    def _headed_anew(self, step: Step, scope: Scope, outcome: Step) -> Step:
        """A name's formula given under one heading and another formula for it under a later one (## Linear decay:
        \\alpha_t = ..., ## Exponential decay: \\alpha_t = ...): that heading's own definition, not a wrong claim. A
        recap that agrees stays a checked claim."""
        case = step.labelled_item and self._case_after_case(step)
        anew = (step.role == "defines anew" or case) and outcome.verdict == "undecided"  # a case's formula need not follow from the last
        if outcome.verdict != "invalid" and not anew or step.kind != "equal" or not step.first_of_chain or len(step.chain) > 2:
            return outcome
        name = name_of(step.left, scope.notation)
        if step.role == "defines anew" or case:  # one case of a list of them ("**Softmax**: dy_k/da_l = ..."): its own formula
            key = name.key if name is not None and name.key not in scope.valued else self._derivative_stated(step, scope)
            if key is not None and not self._in_itself(step, scope):
                return self.define_name(step, scope, key)
            if case and outcome.verdict == "invalid" and step.item < 0 and not self._row_defines(step):  # | Tanh | $f'(x) = 1 - \tanh^2(x)$ | after | GELU | ...
                return replace(outcome, verdict="undecided", witness=None, feedback="one row of a table of cases, each about its "
                               "own function: the text does not say which function this row's letters stand for, so it is not judged")
            return outcome
        key = name.key if name is not None else self._derivative_stated(step, scope)  # or a Leibniz name only named before
        if key is None or key in scope.valued or self._in_itself(step, scope):
            return outcome  # a name with a value (\hat{y1} = 0.7491), or written through itself, stays a claim
        if scope.titled.get(key, step.title) >= step.title and not self._among_definitions(step):
            return outcome
        return self.define_name(step, scope, key)

    def _among_definitions(self, step: Step) -> bool:
        """The line stands in a formula that only lists definitions (each row or column one NAME = formula), one of them
        of a name new there (& \\mu = ... & v = ... \\\\ & \\sigma = ... & y_i = ...): the formulas of a new figure or
        notation, so a name known before is given its new formula there, not checked against the old one."""
        block = [other for other in self.steps if other.block == step.block and other.section == step.section]
        if len(block) < 2 or any(other.kind != "equal" or not other.first_of_chain or len(other.chain) != 1 for other in block):
            return False
        if any(other.index < step.index and other.lhs == step.lhs for other in block):
            return False  # m = ..., v = ... \\ v = ...: a second formula for a name the formula itself gave is a claim
        return any(other.index < step.index and other.verdict == "definition" and other.feedback.startswith(("names ", "defines "))
                   for other in self.judged if other.block == step.block and other.section == step.section)

    def _case_after_case(self, step: Step) -> bool:
        """Another case of the same list (another labelled item, before or after it) gives this line's left side a
        formula: each case its own (**ReLU**: f'(x) = ..., **Sigmoid**: f'(x) = ...), the first one too."""
        def about(side) -> str:  # a table's rows: the same letter (f'(x), f'(x_i)); a list's items: the same left side
            return spelled_back(side.tokens) if step.item > 0 else "".join(_shown(side)[:1])
        return any(other.index != step.index and other.item and other.item != step.item and other.labelled_item and other.first_of_chain
                   and other.section == step.section and other.left is not None and about(other.left) == about(step.left)
                   for other in self.steps)

    def _row_defines(self, step: Step) -> bool:
        """The table row of a step defines the function its left side is about (| Sigmoid | $f(x) = ...$ | $f'(x) = ...$ |)."""
        applied = [*_shown(step.left)[:1], "("]  # f( of the row's f'(x)
        return any(other.item == step.item and other.index < step.index and other.left is not None and _shown(other.left)[:2] == applied
                   for other in self.steps)

    def _derivative_stated(self, step: Step, scope: Scope) -> str | None:
        """The Leibniz name a line gives a formula (\\frac{\\partial y_k}{\\partial a_l} = ...) where the write-up's
        definitions do not work that derivative out; else None."""
        try:
            quantity = self.read(step.left, scope).expr
        except LatexError:
            return None
        if not isinstance(quantity, sympy.Symbol) or "\\frac" not in quantity.name:
            return None
        return None if quantity in scope.leibniz and scope.derivative(quantity) is not None else quantity.name

    def restates_result(self, step: Step) -> bool:
        """`b = [0.5, 0.5] - 0.01 [0.002, 0.0004]` and, as the next step, `b = [0.49998, 0.499996]`: the value the
        computation just written comes to, stated on its own; a claim about that computation, not a new value (the
        computation a definition, or a claim not judged whose numbers the text goes on with: `_keep_stated_numbers`)."""
        last = self.last
        if last is None or last.section != step.section or last.block == step.block or last.verdict not in ("definition", "undecided"):
            return False
        if last.lhs.strip() != step.lhs.strip() or not last.first_of_chain or last.right is None or step.right is None:
            return False
        return is_written_value(step.right, products=True) and not is_written_value(last.right)

    def _keep_stated_numbers(self, step: Step, scope: Scope) -> None:
        """dW = [-0.95; 0.17][0.38 0.23 0] after dW = dZ A^T, not judged (A is given no numbers): the numbers the text
        puts in are what it goes on with, so dW takes their value, and `dW = [[...]]` stated next is checked against it."""
        if step.kind != "equal" or not step.first_of_chain or len(rest_of_chain(step)) != 1 or not is_written_value(step.right, products=True):
            return
        if name_of(step.left, scope.notation) is None:
            return
        try:
            symbol, value = self.read(step.left, scope).expr, self.value(step.right, scope)
        except (LatexError, TypeError, ValueError, AttributeError, NotImplementedError, sympy.ShapeError):
            return
        numeric = getattr(value, "is_number", False) or isinstance(value, sympy.MatrixBase) and all(getattr(e, "is_number", False) for e in value)
        if numeric and isinstance(symbol, (sympy.Symbol, sympy.Indexed, sympy.MatrixSymbol)) and symbol not in scope.values:
            self.give(scope, {symbol: value}, step)

    def _in_itself(self, step: Step, scope: Scope) -> str | None:
        """How the right side holds the left side's name: "affine" (w - eta g, beta v + (1 - beta) g: a new value made
        from the old, an update), "nonlinear" (y = sigma(y): what the name satisfies), or None."""
        try:
            name, body = self.read(step.left, scope).expr, self.read(step.right, scope).expr
        except (LatexError, TypeError, ValueError):
            return None
        if not isinstance(name, sympy.Symbol) or not isinstance(body, sympy.Expr) or name not in body.free_symbols:
            return None
        return "nonlinear" if name in sympy.diff(body, name).free_symbols else "affine"

    def define_name(self, step: Step, scope: Scope, key: str) -> Step:
        """A new name (see `_define_name`). A definition through a name that a later line defines through this one
        (a_h1 = σ(o1), then o1 = w5 a_h1 + w6 a_h2) is circular: a mistake on this line, where the chain's other
        link, if it has one, is taken as the formula. A name already used is being solved for (a = (Σxy - bΣx)/Σx²
        after the normal equations, b through a below), which is no slip; an update (w := w + \\Delta w, \\Delta w through
        the gradient at w) makes a new value from the old, which is no circle."""
        sibling = self._sibling_meant(step, scope, key)
        if sibling is not None:
            return self._define_sibling(step, scope, key, *sibling)
        restated = self._restated(step, scope, key)
        if restated is not None:
            return restated
        circular = self._defined_back(step, scope, key) if step.relation not in (":=", "\\leftarrow", "\\gets") else None  # an update
        if circular is not None and (self._solved_back(step, circular[0], scope) or self._repeated_steps(step, circular[0])):
            circular = None  # \\Theta = \\theta + \\mu v, then \\theta = \\Theta - \\mu v: a change of variables, both ways
        defined = self._define_name(step, scope, key, avoid=circular[1] if circular else frozenset())
        if circular is None:
            return self._own_argument(self._kept_to_pattern(defined, scope, key), scope, key)
        if key in scope.seen or self._stationary_between(step, *circular):  # a = (.. - b ..) / .. after an equation in a and b, b through a below: a system being solved
            return replace(defined, feedback=f"{step.lhs} through {', '.join(sorted(circular[1]))}, which {self.document.where(circular[0].line)} gives "
                                             f"through {step.lhs}: a system of equations being solved, not a formula for either")
        later, names = circular
        return replace(defined, verdict="invalid", feedback=f"defines {step.lhs} through {', '.join(sorted(names))}, which {self.document.where(later.line)} "
                                                              f"defines through {step.lhs}: a circular definition (a slip of name?)")

    def _restated(self, step: Step, scope: Scope, key: str) -> Step | None:
        """L = x(x + 2) after L = x^2 + 2x: a name given again, by a formula equal to the one it has, restates it, and
        that is checked (valid); by another formula it is defined anew (a later example, a new loss), which is not a
        claim: None, and the name takes the new formula; unless the line holds under a condition the text states."""
        symbol = self._symbol_of(step.left, scope, key)
        before = scope.formulas.get(symbol) if symbol is not None else None
        if before is None or not step.first_of_chain or step.right is None or len(rest_of_chain(step)) > 1:
            return None  # (in a chain, the links after it go on from the numbers the text puts in: see values_put_in)
        earlier = next((s for s, k in reversed(self.definitions_in(step.section, scope))
                        if k == key and s.index < step.index and (not s.condition or s.bindings)), None)  # not one case of it
        if earlier is None or earlier.right is None or spelled_back(earlier.right.tokens) == spelled_back(step.right.tokens):
            return None
        judged = self.judge_in_scope(step, scope)
        if judged.verdict == "invalid" and step.condition and not step.bindings:
            return judged  # "when $y = 0$, $L = -\\log p$": under a condition the text states, a claim about L, not a new L
        if judged.verdict == "invalid" and is_plain_number(step.right) and 0 < step.line - earlier.line <= 3:
            return judged  # $$o = \\sigma(0.3775)$$ $$o = 0.5932$$: the value worked out a line on, checked as written
        if judged.verdict != "valid":
            return None
        if (not step.condition or step.bindings) and not self._through_fewer(before, step, scope):
            self._define_name(step, scope, key)  # the values its chain carries, as a definition gives them (not one case's)
        return replace(judged, feedback=f"restates {step.lhs} ({self.document.where(earlier.line)}) in another form: {judged.feedback}")

    def _through_fewer(self, before, step: Step, scope: Scope) -> bool:
        """a = f(g(c)) after a = f(b), b = g(c): the restatement puts in a quantity the first formula went through (b), so
        a keeps its formula in b: a chain rule through b (da/db db/dc) still finds a depend on b."""
        between = {symbol for symbol in getattr(before, "free_symbols", ()) if symbol in scope.formulas}
        if not between:
            return False
        try:
            restated = self.read(step.right, scope).exact
        except LatexError:
            return False
        return not between <= getattr(restated, "free_symbols", set())

    def _sibling_meant(self, step: Step, scope: Scope, key: str):
        """(the earlier definition, the name meant, where it is used) when a line defines a name again by another formula
        right after defining it (o1 = w5 a_h1 + w6 a_h2, then o1 = w7 a_h1 + w8 a_h2) and a name of the same family
        that the section uses is defined nowhere (o2, in a_o2 = σ(o2)): a slip of name, o2 meant. Else None."""
        words = frozenset(scope.notation.words)
        defined = self.definitions_in(step.section, scope)
        earlier = next((s for s, k in reversed(defined) if k == key and s.index < step.index), None)
        if earlier is None or not 0 < step.line - earlier.line <= 3 or earlier.right is None or step.right is None \
                or spelled_back(earlier.right.tokens) == spelled_back(step.right.tokens):
            return None
        mine = single_name(step.left.tokens, words)
        if mine is None or len(mine.indices) != 1 or not any(n.key != key for n in Scanner(step.right.tokens, words).names()) \
                or key in {n.key for n in Scanner(step.right.tokens, words).names()}:
            return None  # an update (w = w - ...) or numbers put in are no new formula
        keys = {k for _, k in defined}
        through = {n.key for n in Scanner(step.right.tokens, words).names()}
        used = {}
        for other in self.steps:
            if other.section != step.section:
                continue
            for side in (other.left, other.right):
                for name in Scanner(side.tokens, words).names() if side is not None else ():
                    if name.base == mine.base and len(name.indices) == 1 and name.key != key and name.key not in keys and name.key not in through \
                            and not name.primes and not mine.primes and _numbered_alike(name.indices[0], mine.indices[0]):  # o2 for o1; not E_t, e_i
                        spelled = tuple(t for t in lexed(name.key, offset=side.start) if t.kind != "end")
                        used.setdefault(name.key, (other, Side(spelled, name.key, side.start)))
        if len(used) != 1:
            return None
        (_, (where, side)), = used.items()
        return earlier, side, where

    def _define_sibling(self, step: Step, scope: Scope, key: str, earlier: Step, side: Side, where: Step) -> Step:
        """The formula given to the name meant (see _sibling_meant); the name written keeps its first formula."""
        formula, _ = self.formula_of(step, scope)
        try:
            meant = self.read(side, scope).expr
        except LatexError:
            meant = None
        if formula is None or not isinstance(meant, sympy.Symbol):
            return replace(step, verdict="undecided", feedback=f"defines {step.lhs} again, right after {self.document.where(earlier.line)}: not judged")
        scope.formulas[meant] = bound_apart(formula)
        return replace(step, verdict="invalid", feedback=f"defines {step.lhs} again, by another formula, right after {self.document.where(earlier.line)}; "
                                                         f"{meant}, which {self.document.where(where.line)} uses, is defined nowhere: {meant} is surely meant, "
                                                         f"and is taken as defined here")

    def _kept_to_pattern(self, step: Step, scope: Scope, key: str) -> Step:
        """o_1 = w_5 h_1 + w_6 a_{h2}, where a_{h2} = σ(h_2) and a_{h1} = σ(h_1) is defined: one term of a sum of parallel
        terms takes a quantity (h_1) where the others take their quantity's activation; the term meant is w_5 a_{h1}.
        A mistake on this line, and the formula taken as meant from here on (later lines that use a_{h1} are right)."""
        symbol = self._symbol_of(step.left, scope, key) if step.left is not None else None
        formula = scope.formulas.get(symbol)
        found = _out_of_pattern(formula, scope.formulas) if isinstance(formula, sympy.Add) else None
        if found is None:
            return step
        term, used, meant, other = found
        scope.formulas[symbol] = formula.xreplace({term: term.xreplace({used: meant})})
        return replace(step, verdict="invalid", feedback=f"the term {sympy.sstr(term)} takes {used} where the others take an activation "
                                                         f"({other} = {sympy.sstr(scope.formulas[other])}): {meant}, defined as that of {used}, "
                                                         f"is surely meant, and is taken from here on")

    def _own_argument(self, step: Step, scope: Scope, key: str) -> Step:
        """out_o1 = σ(h1) where out_h1 = σ(h1) is already defined and o1 has a formula: each activation takes the quantity
        its name ends in, so this line repeats out_h1's formula, and σ(o1) is surely meant. A mistake on this line,
        and the formula meant taken from here on."""
        if step.verdict != "definition" or step.left is None:
            return step
        symbol = self._symbol_of(step.left, scope, key)
        found = _argument_meant(symbol, scope.formulas)
        if found is None:
            return step
        meant, twin = found
        scope.formulas[symbol] = meant
        return replace(step, verdict="invalid", feedback=f"{step.lhs} = {step.rhs} repeats {twin}'s formula: each activation takes "
                                                         f"the quantity its name ends in, so {sympy.sstr(meant)} is surely meant, and is "
                                                         "taken from here on")

    def _solved_back(self, step: Step, later: Step, scope: Scope) -> bool:
        """The later line is this definition solved for the name it goes through (\\Theta = \\theta + \\mu v, later
        \\theta = \\Theta - \\mu v): put back in, this formula gives its own name."""
        try:
            name, body = self.read(step.left, scope).expr, self.read(step.right, scope).expr
            other, other_body = self.read(later.left, scope).expr, self.read(later.right, scope).expr
        except (LatexError, TypeError, ValueError, AttributeError):
            return False
        if not all(isinstance(e, (sympy.Symbol, sympy.Indexed)) for e in (name, other)) or not isinstance(body, sympy.Expr):
            return False
        try:
            with time_limit(0.5):
                return sympy.simplify(body.xreplace({other: other_body}) - name) == 0
        except (TimeLimitExceeded, Exception):  # sympy's simplify of sums can fail inside (StopIteration): no answer, no circle lifted
            return False

    def _repeated_steps(self, step: Step, later: Step) -> bool:
        """The prose around the two lines describes an algorithm whose steps repeat (\"repeat until convergence\",
        coordinate descent): rho_d from w_d, then w_d from rho_d, is a loop's update, not a circle."""
        from .document import Paragraph

        near = range(step.line - ALGORITHM_REACH, later.line + ALGORITHM_REACH + 1)
        return any(isinstance(piece, Paragraph) and piece.line in near and prose.iterates(piece.words) for piece in self.document.pieces)

    def _stationary_between(self, step: Step, later: Step, names: frozenset) -> bool:
        """Between a definition and the later line that defines one of its names through it, a derivative by that name is
        set to zero (\\frac{\\partial L}{\\partial w_1} = 0): the later line solves the condition for an optimum (normal
        equations, a maximum likelihood), a system being solved, not a circle of definitions."""
        for other in self.steps:
            if not step.index < other.index < later.index or other.section != later.section or other.left is None:
                continue
            chain = (other.first or other.left, *other.chain)
            if not _written_zero(chain[-1]):
                continue
            if {_derivative_variable(side) for side in chain[:-1]} & {plain_name(name) for name in names}:
                return True
        return False

    def _defined_back(self, step: Step, scope: Scope, key: str):
        """(the later step, the names) when the formula of this definition uses names that a later line of the section
        defines through `key`; else None. A name defined before this line already means what it was defined as here:
        a later line giving it anew (z_i = a_i under another heading) makes no circle."""
        words = frozenset(scope.notation.words)
        link = next((side for side in rest_of_chain(step) if not is_written_number(side)), None)
        if link is None:
            return None
        shape = _shape_scripts(link.tokens)
        used = {name.key for name in Scanner(link.tokens, words).names() if not any(start < name.start < end for start, end in shape)} - {key}
        definitions = self.definitions_in(step.section, scope)
        before = {defined for earlier, defined in definitions if earlier.index < step.index}
        for later, defined in definitions:
            if later.index <= step.index or later.right is None or defined not in used or defined in before or later.role == "hypothetical":
                continue  # "e.g., $u = Av$": an example, no definition to go round
            written = Scanner(later.right.tokens, words).names()
            through = {found.key for found in written}
            if self._in_own_family(later, written, words):
                continue  # z_j = \ln a_j + \ln \sum_k e^{z_k}: an equation the z's satisfy, not a formula for z_j
            if key in through and defined not in through:  # (b = b + \alpha(y - \hat{y}) is an update of b, not its definition)
                return later, frozenset({defined})
        return None

    @staticmethod
    def _in_own_family(step: Step, written, words) -> bool:
        """The right side writes another entry of the left side's indexed name (z_j = ... z_k ...)."""
        left = single_name(step.left.tokens, words) if step.left is not None else None
        if left is None or not left.subscript:
            return False
        return any(name.base == left.base and name.layer == left.layer and name.subscript and name.key != left.key for name in written)

    def _define_name(self, step: Step, scope: Scope, key: str, avoid: frozenset = frozenset()) -> Step:
        """A new name: its value (a number), its formula for every index (p_i = ...), or a Leibniz name's formula;
        the formula is the first link of the chain that names none of `avoid`."""
        symbol = self._symbol_of(step.left, scope, key)
        before = scope.formulas.get(symbol) if symbol is not None else None
        for name in [n for n in scope.values if name_key(n) == key]:
            del scope.values[name]
        scope.valued.pop(key, None)
        formula, written = self.formula_of(step, scope, avoid) if not step.case_row else (None, None)  # y = 1 if x > 0: there only
        if before is not None and formula is not None and bound_apart(formula) != before:  # L = a new loss: the numbers
            _forget_derivatives_of(scope, symbol, formulas=True)  # and formulas stated for dL/dw before were the old L's
        elif before is None and formula is not None and symbol is not None:  # y = e^x after dy/dx = -1/x^2 was said of another
            _forget_derivatives_of(scope, symbol, numbers=False, formulas=True)  # y (a / node's): what was stated of dy/dx was not of this y
        scope.formulas.pop(symbol, None)
        scope.written.pop(spelled_back(step.left.tokens), None)
        if formula is not None and symbol is not None and symbol not in _names_of(formula):  # v_1 = \\ln(v_1) is no formula
            scope.formulas[symbol] = bound_apart(formula)
            scope.written[spelled_back(step.left.tokens)] = written
        scope.titled[key] = step.title  # under which heading, formula or not (another heading may give it anew)
        if scope.context.function(key.lstrip("\\")) is not None:  # \\sigma = \\sigma(w^T x): from here \\sigma alone is that value
            scope.context = replace(scope.context, valued_functions=scope.context.valued_functions | {key.lstrip("\\")})
        value, right = self.carried_value(step, scope) if not step.case_row else (None, None)
        scope.stated.pop(symbol, None)
        if value is not None and symbol in scope.leibniz and len(rest_of_chain(step)) == 1 and is_written_number(step.right):
            scope.stated[symbol] = step.line  # dE_o2/dout_h1 = -0.01904919: a derivative's value stated, not worked out here
        if value is not None and symbol is not None:
            self.give(scope, {symbol: value}, step)
            if right is not None:  # the right value stays one the text may put in later
                scope.also[symbol] = right
            scope.used.append(f"{step.lhs} = {sympy.N(value, 6)}")
            return replace(step, verdict="definition", feedback=f"defines {step.lhs} = {sympy.N(value, 6)}")
        body = self.read(step.right, scope).exact  # an unreadable body is not a definition
        family = _family(key, body)
        if family is not None:
            for base, (letter, formula) in family.items():  # \\delta_k and \\delta_j: two layers' errors, told by the letter
                scope.families[base] = {**scope.families.get(base, {}), letter: formula}
            return replace(step, verdict="definition", feedback=f"defines {step.lhs} for every index")
        opaque = any(getattr(s, "name", "").startswith("\\frac") for s in getattr(body, "free_symbols", ()))
        if key.startswith("\\frac") and isinstance(body, sympy.Expr) and not opaque and symbol is not None and not step.condition:
            scope.values[symbol] = body  # \partial a / \partial z = a(1 - a): the chain rule may put it in later (not a case's: i = j)
            scope.known.add(key)
        return replace(step, verdict="definition", feedback=f"names {step.lhs}")

    def _derivatives_of_defined(self, formula, scope: Scope):
        """A formula's derivatives of functions the write-up defines, worked out (f'(x) where f(x) = \\sigma(w^T x)), so
        (\\hat{y})' = f'(x) gives \\hat{y}' a formula; a derivative of anything else stays one."""
        defined = set(scope.problem.definitions)
        worked = {d: scope.problem.expand_definitions(d) for d in formula.atoms(sympy.Derivative)
                  if any(type(f) in defined for f in d.expr.atoms(sympy.Function))}
        return formula.xreplace(worked) if worked else formula

    def _named_by_its_right(self, step: Step, scope: Scope) -> Step | None:
        """"We let $\\sum_j e^{f_j} = \\Sigma$": a name new to the text on the right of what it stands for, in a sentence
        that defines; it is defined so, as `\\Sigma = \\sum_j e^{f_j}` would be. Else None."""
        if len(step.chain) > 1 or step.right is None or step.kind != "equal" or step.relation != "=":
            return None  # (|w^{(t+1)} - w^{(t)}| < \\epsilon says nothing of what \\epsilon is)
        if not any(t.is_("command", "sum", "prod", "frac", "exp", "log", "ln", "sqrt") or t.is_("symbol", "^") for t in step.left.tokens):
            return None  # given $X\\hat{w} = t$: an equation the data satisfy, not a name for a sum or a fraction
        name = name_of(step.right, scope.notation)
        if name is None or name in scope.seen or name in scope.titled or name in scope.valued:
            return None  # (decided by key: reading the side here would change what the scope has seen)
        turned = replace(step, lhs=step.rhs, rhs=step.lhs, left=step.right, right=step.left, chain=(step.left,))
        return replace(self._define_name(turned, scope, name), lhs=step.lhs, rhs=step.rhs)

    def _symbol_of(self, side: Side, scope: Scope, key: str):
        try:
            value = self.read(side, scope).expr
        except LatexError:
            return None
        if isinstance(value, (sympy.Symbol, sympy.Indexed, sympy.MatrixSymbol)):
            return value
        return sympy.Symbol(key, real=True)

    def formula_of(self, step: Step, scope: Scope, avoid: frozenset = frozenset()):
        """The formula a name is defined by, and the side it is written in: the first link of its chain that is not
        a number as written (net_{h1} = w_1 i_1 + w_2 i_2 + b_1 = 0.3775: w_1 i_1 + w_2 i_2 + b_1); (None, None)."""
        for side in rest_of_chain(step):
            if is_written_number(side) or avoid and avoid & {name.key for name in Scanner(side.tokens, frozenset(scope.notation.words)).names()}:
                continue
            try:
                formula = self.read(side, scope).exact
            except LatexError:
                return None, None
            if decimals_shown(side) and not _names_of(formula):
                continue  # 0.15 * 0.05 + 0.35: numbers put in, no formula (w - 0.5 g with its rate written is one)
            if isinstance(formula, sympy.Expr) and formula.has(sympy.Derivative):  # f'(x) of the write-up's f: worked out
                formula = self._derivatives_of_defined(formula, scope)
            if isinstance(formula, sympy.Expr) and _names_of(formula) and not formula.has(sympy.Derivative):
                return formula, side
            return None, None
        return None, None

    def carried_value(self, step: Step, scope: Scope):
        """The value a name carries forward: the last link of its chain if it is exact (-1/81), else the first link
        that is a number once the write-up's values are in (v_5 + v_4, not the rounded 36.0278 - 0.9899 after it).
        A number stated alone as the last link that is another number altogether (off by more than 1%: a formula
        slipped, 1/(1 + e^{0.3775}) = 0.5933) is the value the text works on from: that slip is judged on its line,
        not again on every line that uses the number. A rounding slip (11.6520 for 11.65207), or one inside an
        expression (36.0278 - 0.9899), is carried as the exact value: a final answer restating it is wrong too.
        A matrix is carried as the text writes it, with the value its chain works out beside it where that differs.
        Returns (the value carried, the right value when that is a slip, else None); (None, None) for no value."""
        numbers, values = [], {}
        for side in rest_of_chain(step):
            try:
                value = self.value(side, scope)
            except (LatexError, TypeError, ValueError, AttributeError):
                continue
            values[side.start] = value
            if _numeric_matrix(value):  # W_1 = [[0.1, 0.2], ...] - 0.01 [[...]]: a matrix of numbers is a value too
                numbers.append((side, sympy.ImmutableMatrix(value)))
            elif getattr(value, "is_number", False) and not isinstance(value, sympy.Tuple) and value.is_finite is not False:
                others = sympy.Tuple(*(self.read(link, scope).exact for link in rest_of_chain(step) if link is not side))
                if letters_shared(side, others) and getattr(self.read(side, scope).exact, "is_number", False):
                    continue  # t = \tanh(z) = (e^z - e^{-z})/(e^z - e^{-z}): a slip that cancels to 1 is no value of t
                numbers.append((side, value))
        if not numbers:
            return None, None
        last_side, last = numbers[-1]
        if isinstance(last, sympy.MatrixBase):  # a matrix is carried as written; its worked value, where another, may be put in too
            first = numbers[0][1]
            return last, (first if isinstance(first, sympy.MatrixBase) and first.shape == last.shape and first != last else None)
        if not decimals_shown(last_side):
            return last, None
        exact = numbers[0][1]
        places = max(len(text.split(".")[1]) for text in decimals_shown(last_side))
        if is_written_number(last_side) and abs(sympy.N(exact - last, 30)) > abs(sympy.N(exact, 30)) / 100 + sympy.Rational(1, 2 * 10**places):
            return last, exact  # the value the text states and works on from (its slip is judged on this line, once)
        if last != exact and self._accepted(step, scope, last_side, last, places, values):
            return exact, last  # a rounded value the text may work on from (y ≈ 0.0831 for 0.08317), judged as it stands
        return exact, None

    def _accepted(self, step: Step, scope: Scope, last_side: Side, last, places: int, values: dict) -> bool:
        """The chain's last number is a rounded value the text says it works on from: written after \\approx and within
        a unit in its last place of the exact value, or of the chain's formula worked with such values (y ≈ 0.0831,
        then -2(y - 1) = -2(0.0831 - 1), an expression of them). A number written after = is a claim to the places it
        shows, and a slip there is carried exactly, so a final answer restating it is wrong too. `values`: each link's
        value, by where it starts, as carried_value worked them out."""
        approx = any(s.kind == "approx" and s.right is not None and s.right.start == last_side.start for s in self.steps)
        if not approx and is_written_number(last_side):
            return False
        room = sympy.Rational(1, 10**places) / (1 if approx else 2)
        first = next((side for side in rest_of_chain(step) if side is not last_side), None)
        candidates = [self._worked_on(first, scope), values.get(first.start) if approx and first is not None else None]
        return any(getattr(v, "is_number", False) and abs(sympy.N(v - last, 30)) <= room for v in candidates)

    def _worked_on(self, side: Side | None, scope: Scope):
        """A side's value with the rounded values the text works on from put in; None where that is not a number."""
        if side is None or not scope.also:
            return None
        try:
            value = scope.put_in(self.read(side, scope).exact, worked_on=True)
        except (LatexError, TypeError, ValueError, AttributeError, DefinitionMisfit):
            return None
        return value if getattr(value, "is_number", False) else None

    def is_update(self, step: Step, scope: Scope) -> bool:
        """`w_5 = w_5 - \\alpha \\frac{\\partial E}{\\partial w_5}`: a name it already has, given a new value from its old
        one (`v_1 = \\ln(v_1)` for a v_1 never seen before is a definition, and a wrong one)."""
        name = name_of(step.left, scope.notation)
        found = [t for t in step.right.tokens if t.kind != "space"]
        scanner = Scanner(found, frozenset(scope.notation.words))
        first = scanner.name_at(0)
        if name is None and step.kind == "equal":  # w(t + 1) = w(t) - ..., \\Delta w(t+1) = \\alpha \\Delta w(t) + ...: the name at
            following = _at_next_step(step.left, scope)  # the next step, from its old value (a momentum term's too)
            return following is not None and any(n.key == following for n in scanner.names())
        if name is None or step.kind != "equal" or name.key not in scope.seen:
            return False
        if first is not None and first.key == name.key and first.end < len(found) and found[first.end].is_("symbol", "+", "-"):
            return True
        return name.key in scope.valued and self._in_itself(step, scope) == "affine"  # v = \beta v + (1 - \beta) g

    def update(self, step: Step, scope: Scope) -> Step:
        """An assignment (w \\leftarrow w - \\eta g, w := w - ..., w_5 = w_5 - ...): the name's new value is the right
        side with the old values in; a rule with no values to put in is only recorded."""
        name = name_of(step.left, scope.notation)
        try:
            symbol = self.read(step.left, scope).expr
            value = self.value(step.right, scope)
        except LatexError:
            return replace(step, verdict="definition", feedback=f"an update of {step.lhs} (a rule, not read)")
        if name is not None and getattr(value, "is_number", False) and isinstance(symbol, (sympy.Symbol, sympy.Indexed)):
            if len(rest_of_chain(step)) > 1:  # w <- w - 0.1 x 2 = 0.3: the chain's later links still hold the old w
                scope.deferred.append((step, {symbol: value}))
            else:
                self.give(scope, {symbol: value}, step)
            return replace(step, verdict="definition", feedback=f"updates {step.lhs} to {sympy.N(value, 6)}")
        return replace(step, verdict="definition", feedback=f"an update rule for {step.lhs}: a new value from the old, not an equation")

    # --- judging a step where it stands

    def judge_in_scope(self, step: Step, scope: Scope) -> Step:
        """An equation to solve follows from the one before it (in another block); a stated sum is a fact; any other
        step is an identity between its sides."""
        supposed = self._as_supposed(step, scope)
        if supposed is not None:
            return supposed
        if _conditions_together(step):
            return replace(step, verdict="definition", feedback=f"conditions set together ({step.lhs} = 0 and {step.rhs} = 0, as the chain "
                                                                "ends): not a claim that the two derivatives agree")
        try:
            with time_limit(self.timeout):
                residual = self.equation_to_solve(step, scope)
        except (TimeLimitExceeded, LatexError, TypeError, ValueError, AttributeError, NotImplementedError, sympy.ShapeError):
            residual = None
        if residual is None or step.block_kind == "table":
            return self.judge_step(step, scope)
        if isinstance(residual, sympy.Expr) and not isinstance(residual, sympy.MatrixExpr) and residual.has(sympy.Sum) and residual.atoms(sympy.Function):
            judged = self.judge_step(step, scope)  # \\sum_k softmax(x)_k = 1: an identity in a vector's entries (which `vanishes`
            if judged.verdict == "valid":  # cannot put values in), judged once
                return judged
        if residual is ENTRY_EQUATION:
            return replace(step, verdict="definition", feedback="an equation to solve (between products with one entry), rewritten in the lines after it")
        fact = self.stated_sum(step, scope)
        if fact is not None:
            scope.facts.update(fact)
            return replace(step, verdict="definition", feedback=f"given: {step.lhs} = {step.rhs} (put in where it recurs)")
        previous, scope.condition = scope.condition, (step, residual)
        to_solve = replace(step, verdict="definition", feedback="an equation to solve")
        if previous is None:
            return to_solve
        if not unknowns_of(previous[1]) & unknowns_of(residual):
            return to_solve  # another equation altogether (dL/dv = 4(v - 1) = 0 after dL/dw = 2(w - 3) = 0)
        from .equations import rewrites

        try:
            with time_limit(self.timeout):
                outcome = self._follows_from(step, previous, residual, scope)
        except TimeLimitExceeded:
            outcome = out_of_time(step, self.timeout)
        except Exception:  # sympy's solvers fail in many ways; the step is then undecided
            outcome = replace(step, verdict="undecided", feedback=f"could not show that this equation follows from {self.document.where(previous[0].line)}'s")
        if outcome.verdict == "valid" or outcome.verdict == "invalid" and rewrites(previous[1], residual):
            return outcome
        if previous[0].block != step.block and outcome.verdict != "invalid":
            return outcome  # undecided, saying why
        return to_solve  # a system of equations (in a block or across two), each a condition of its own

    def solution(self, step: Step, scope: Scope) -> Step | None:
        """`w = (X^TX)^{-1}X^Tt` (or `... = w`) right after the equation `X^TXw = X^Tt`, with w one of its unknowns and no
        word before it (let, say, for, where) but "solving for": the equation solved for w, checked to follow from it
        (not a new name's definition); None for any other line."""
        if not self._continues_solving(step, scope) or step.kind != "equal" or not step.first_of_chain or len(rest_of_chain(step)) != 1:
            return None
        previous = scope.condition
        try:
            left, right = self.value(step.left, scope, formulas=False), self.value(step.right, scope, formulas=False)
            residual = left - right
        except (LatexError, TypeError, ValueError, AttributeError, sympy.ShapeError):
            return None
        first = previous[1]
        names = first.atoms(sympy.MatrixSymbol) if is_array(first) else first.free_symbols
        if not any(isinstance(side, (sympy.Symbol, sympy.MatrixSymbol)) and side in names for side in (left, right)):
            return None  # neither side is one of the equation's unknowns alone (w = ..., or ... = w_0)
        from .equations import rewrites

        try:
            outcome = self._follows_from(step, previous, residual, scope)
        except TimeLimitExceeded:
            raise
        except Exception:  # sympy's solvers fail in many ways: then it is not read as a solution
            return None
        said = step.role == "solves"  # "Solving for w_0:": the author says this line is the one before, solved
        if outcome.verdict not in ("valid", "invalid") or outcome.verdict == "invalid" and not said and not rewrites(first, residual):
            return None  # w_1 = 2 after w_1 - w_2 = 1: a system's solution, from more than the line before
        scope.condition = (step, residual)
        return outcome

    def _follows_from(self, step: Step, previous: tuple, residual, scope: Scope) -> Step:
        """Whether the equation residual = 0 follows from the equation before it (`previous`: its step and residual)."""
        from .equations import follows

        first = previous[1]
        problem = scope.problem if is_array(residual) else with_free_symbols(scope.problem, (first, residual))
        return follows(step, first, residual, problem, self.timeout, source=f"{self.document.where(previous[0].line)}'s")

    def equation_to_solve(self, step: Step, scope: Scope):
        """`expression = number` alone on its line, where the expression is not constant: an equation to solve
        (`\\sigma(z) = 0.5`), not an identity. Returns its residual, or None."""
        alone = step.first_of_chain and len(step.chain) <= 1
        set_to_zero = not step.first_of_chain and len(rest_of_chain(step)) == 1 and is_plain_number(step.right) and step.rhs.strip() == "0"  # dL/dw = 2(w - 3) = 0
        if step.kind != "equal" or step.condition and not step.case or not (alone or set_to_zero):
            return None  # (a case, d = 1 \\rightarrow ..., may still be an equation to solve)
        below, continues = self._solved_below(step), self._continues_solving(step, scope)
        only_after = continues and not (below or is_plain_number(step.left) or is_plain_number(step.right))
        if only_after and isinstance(self.read(step.left, scope).expr, (sympy.Symbol, sympy.MatrixSymbol, sympy.Indexed)):
            return None  # dy/dz = e^{-z}/(1 + e^{-z}) after an equation in z: a claim about a name, not the solving going on
        if not (is_plain_number(step.left) or is_plain_number(step.right) or (below or continues) and not self._worked_name(step, scope)):
            return None
        left, right = self.value(step.left, scope), self.value(step.right, scope)
        if any(isinstance(side, (sympy.MatrixBase, sympy.MatrixExpr)) for side in (left, right)) and self._solved_below(step) \
                and all(getattr(side, "shape", (1, 1)) == (1, 1) for side in (left, right)):
            return ENTRY_EQUATION  # a^T A a = a^T B a among lines that rewrite an equation: one entry to solve for
        if any(isinstance(side, (sympy.MatrixBase, sympy.MatrixExpr)) for side in (left, right)):
            if not (continues or is_plain_number(step.left) or is_plain_number(step.right)):
                return None  # a block of vector formulas (dL/dx = -t / t^T x, then dx/dz = ...): claims, each judged
            residual = array_residual(left, right)  # X^T(Xw - t) = 0: the zero vector
            return None if residual is None or matrix_vanishes(residual) or only_after and not _shares_unknowns(scope, residual) else residual
        if isinstance(left, sympy.Tuple) or isinstance(right, sympy.Tuple):
            return None
        residual = left - right
        if not getattr(residual, "free_symbols", None) or vanishes(residual) or only_after and not _shares_unknowns(scope, residual):
            return None  # a number, or an identity (\\sigma(z) + \\sigma(-z) = 1): judged as a step
        return residual

    def _continues_solving(self, step: Step, scope: Scope) -> bool:
        """The line right before this one was an equation to solve (or one rewriting it), and no word (let, say, for)
        stands before this one: it may be the next line of the solving."""
        previous = scope.condition
        return previous is not None and self.last is not None and previous[0].index == self.last.index and step.role in ("", "solves")

    def _worked_name(self, step: Step, scope: Scope) -> bool:
        """The left side is one tangent the definitions work out (\\dot{v}_5 in a forward-mode trace), or a derivative of
        a quantity they define: each line of such a block is a claim of its own, not a line of an equation being solved."""
        name = name_of(step.left, scope.notation)
        if name is not None and scope.tangent(name.key) is not None:
            return True
        try:  # \partial y_{11} / \partial x_{12} of a y_{11} the text gives a formula: worked out, so a claim (not where a
            read = self.read(step.left, scope).expr  # line before stated its value, maybe for one case: i = j)
        except LatexError:
            return False
        return read not in scope.values and bool(scope.worked_quantity(read))

    def _solved_below(self, step: Step) -> bool:
        """The next line of the block is an equation of its own (1 - \\lambda - 2\\eta\\tilde\\lambda = 1 - \\lambda, then
        -2\\eta\\tilde\\lambda = ...): lines that rewrite an equation, the first of which need not hold for every value."""
        following = next((s for s in self.steps if s.index > step.index), None)
        return following is not None and following.block == step.block and following.first_of_chain and following.line > step.line \
            and following.kind == "equal" and step.block_kind == "display"

    def stated_sum(self, step: Step, scope: Scope) -> dict | None:
        """`\\sum_k y_k = 1` (a one-hot label, probabilities): a fact the write-up states, not an equation to solve. A sum
        of a function of the entries (\\sum_k softmax(x)_k = 1, \\sum_k e^{x_k}/S = 1) says what the function does: a claim."""
        try:
            total, value = self.read(step.left, scope).exact, self.read(step.right, scope).exact
        except LatexError:
            return None
        if not isinstance(total, sympy.Sum) or not getattr(value, "is_number", False) or total.function.atoms(sympy.Function):
            return None
        return {total: value}

    def judge_step(self, step: Step, scope: Scope) -> Step:
        from .claims import judge_claim

        return judge_claim(self, step, scope)


def _capitals_as_matrices(notation: Notation, sides, base: Problem) -> None:
    """In a problem about matrices, a derivation that names only the problem's matrices keeps their shapes (its
    vectors fit them and a product in the wrong order does not); one that brings capitals of its own (X, W_0, A_2)
    is in its own notation, where every capital is a square matrix (products keep their order, transposes their
    meaning) and the problem's shapes do not apply."""
    from .names import Scanner
    from .notation import MATRIX_SIZE

    declared = {name for name, value in base.names.items() if isinstance(value, sympy.MatrixSymbol)}
    capitals = {(name.key, written.line) for written in sides for name in Scanner(written.side.tokens).names()
                if len(name.base) == 1 and name.base.isupper() and len(name.indices) <= 1 and all(len(i) == 1 for i in name.indices)}
    own = any(key not in declared for key, _ in capitals)
    for key, line in sorted(capitals, key=lambda item: (item[1], item[0])):
        if own or key not in declared:
            notation.learn(key, "matrix", line, "a capital in a derivation about matrices", (MATRIX_SIZE, MATRIX_SIZE))


def _shares_unknowns(scope: Scope, residual) -> bool:
    """Whether an equation shares an unknown with the one being solved: where only the line before makes a line part of
    a solving, (a + b)^2 = a^2 + b^2 after 2(w - 3) = 0 is a claim of its own, judged as one."""
    return bool(unknowns_of(scope.condition[1]) & unknowns_of(residual))


def _approximation_unjudged(outcome: Step) -> Step:
    """A link the words call approximate ("= p/m as p is very small") that does not hold exactly is not a mistake."""
    if outcome.role != "approximates" or outcome.verdict != "invalid":
        return outcome
    return replace(outcome, verdict="undecided", witness=None, feedback="an approximation in a limit, as the words after it say: "
                                                                         f"not an identity, not judged ({outcome.feedback})")


def _conditions_together(step: Step) -> bool:
    """A link between derivatives by different variables in a chain that ends in zero (\\frac{\\partial L}{\\partial w}
    = \\frac{\\partial L}{\\partial b} = 0): each derivative is set to zero, the optimum's conditions written as one chain."""
    if step.kind != "equal" or step.right is None or step.left is None:
        return False
    last = rest_of_chain(step)[-1]
    if last is step.right or not _written_zero(last):
        return False
    by = [_derivative_variable(side) for side in (step.left, step.right)]
    return all(by) and by[0] != by[1]


def rest_of_chain(step: Step) -> tuple:
    """The sides of a step's chain from its right side on (\\Sigma_1 = x_1 w_1 + ... = 1.368: for the first step, both)."""
    rest = tuple(side for side in step.chain if side.start >= step.right.start)
    return rest or (step.right,)


def _forget_derivatives_of(scope: Scope, name, numbers: bool = True, formulas: bool = False) -> None:
    """What was stated of the derivatives of a name given anew no longer holds: with `numbers`, the numbers (a second
    example's w = 2: dL/dw = -2 was at the first example's values; its formula still holds); with `formulas`, the
    formulas stated for them (the name's first formula, given after formulas for its derivatives were stated of a name
    the text had not defined; or a new formula for it, y = x^T A c after y = x^T x: dy/dx = 2x^T was the old y's)."""
    depends = {name}
    grew = True
    while grew:  # every name whose formula reaches `name`
        grown = depends | {symbol for symbol, formula in scope.formulas.items() if getattr(formula, "free_symbols", set()) & depends}
        grew, depends = grown != depends, grown
    for symbol, (quantity, variable, _) in scope.leibniz.items():
        value = scope.values.get(symbol)
        forgotten = numbers if getattr(value, "is_number", False) else formulas
        if forgotten and value is not None and (quantity in depends or variable in depends):
            del scope.values[symbol]
            scope.stated.pop(symbol, None)
        if formulas and quantity in depends and not getattr(scope.formulas.get(symbol), "is_number", False):
            scope.formulas.pop(symbol, None)


_DECORATED = re.compile(r"\\(?:hat|tilde|bar|overline|widehat|widetilde)\{[A-Za-z]+\}")
_LAYERED = re.compile(r"(?:[A-Za-z]+|\\(?:hat|tilde|bar|overline|widehat|widetilde)\{[A-Za-z]+\})\^(?:\([A-Za-z0-9,+-]+\)|\[[A-Za-z0-9+-]+\])")  # z^(3), x^(p,3), \hat{y}^(n), a^[L-1]: a layer's (and a sample's) vector


def _vector_base(base: str) -> bool:
    """A name a family of entries can have: letters, letters under a hat, tilde or bar (\\hat{y} of \\hat{y}_k), or
    letters with a layer (z^{(3)} of z^{(3)}_j)."""
    return base.isalpha() or _DECORATED.fullmatch(base) is not None or _LAYERED.fullmatch(base) is not None


def _family(key: str, body) -> dict | None:
    """`p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}`: an entry for every index, so p_j and p_k are that formula at j and k.
    None unless the body uses the index."""
    base, _, letter = key.rpartition("_")
    if not letter or len(letter) != 1 or not letter.isalpha() or not _vector_base(base) or not isinstance(body, sympy.Expr):
        return None
    index = sympy.Symbol(letter, real=True)
    entries = {s: sympy.IndexedBase(s.name[:-2], real=True)[index] for s in body.free_symbols
               if isinstance(s, sympy.Symbol) and s.name.endswith("_" + letter) and s.name != key and _vector_base(s.name[:-2])}
    uses_index = any(getattr(s, "name", None) == letter for s in body.free_symbols) or any(index in e.indices or any(getattr(i, "name", None) == letter for i in e.indices) for e in body.atoms(sympy.Indexed))
    if not entries and not uses_index:
        return None
    body = body.xreplace(entries)
    body = body.xreplace({s: index for s in body.free_symbols if getattr(s, "name", None) == letter})
    return {base: (index, body)}


_TIMES = ("cdot", "times", "ast")


def _a_quantity_of_the_text(parameter, scope: Scope) -> bool:
    """A function's parameter that the text gave a formula of its own (a = g(z) before C(a) = ...): the function named
    alone means it of that quantity."""
    return isinstance(parameter, sympy.Symbol) and parameter in scope.formulas


def _applies_known_function(step: Step, scope: Scope) -> bool:
    """f'(x) = 3x, or g(x) = 3x after g(x) = x^2: a function (or its derivative) at its variable, a claim about it,
    never f' or g given the value 3."""
    words = frozenset(scope.notation.words)
    found = [t for t in step.left.tokens if t.kind not in ("space", "end")]
    first = Scanner(found, words).name_at(0) if found else None
    if first is not None and first.primes and first.end < len(found) and found[first.end].is_("symbol", "("):
        return True
    head = function_head(step.left, words)
    return head is not None and head[0].key.lstrip("\\") in scope.defined


def _shape_of_side(found, words: frozenset) -> list | None:
    """A side as its operations in order, with each name and each number as one unit: [("name", tokens), ("op", "*"),
    ...], "*" for \\cdot, \\times, * and a product written by juxtaposition. None for a side with no name-free shape."""
    from .names import Scanner

    meaningful = [t for t in found if t.kind not in ("space", "end")]
    scanner = Scanner(meaningful, words)
    units: list = []
    at = 0
    while at < len(meaningful):
        token = meaningful[at]
        fraction_end = _leibniz_end(meaningful, at)
        if fraction_end is not None:  # \\frac{\\partial E}{\\partial w_3}: a derivative's name, one unit
            if units and units[-1][0] in ("name", "number", "close"):
                units.append(("op", "*"))
            units.append(("name", tuple(meaningful[at:fraction_end])))
            at = fraction_end
            continue
        name = scanner.name_at(at) if token.kind in ("letter", "command") else None
        if name is not None and name.end > at:
            if units and units[-1][0] in ("name", "number", "close"):
                units.append(("op", "*"))
            units.append(("name", tuple(meaningful[at:name.end])))
            at = name.end
            continue
        signed = token.is_("symbol", "-") and units and units[-1] in (("op", "*"), ("op", "+"), ("open", "(")) and at + 1 < len(meaningful) \
            and meaningful[at + 1].kind == "number"  # (0.1 * -1), 0.05 + -0.02, 0.5 (-0.0395): a negative number in a name's place
        if token.kind == "number" or signed:
            if units and units[-1][0] in ("name", "number", "close"):
                units.append(("op", "*"))
            units.append(("number", "-" + meaningful[at + 1].text if signed else token.text))
            at += 1 if signed else 0
        elif token.is_("symbol", "*") or token.is_("command", *_TIMES):
            units.append(("op", "*"))
        elif token.is_("symbol", "(") or token.is_("command", "left"):
            if token.is_("symbol", "(") and units and units[-1][0] in ("name", "number", "close"):
                units.append(("op", "*"))
            units.append(("open", "("))
        elif token.is_("symbol", ")") or token.is_("command", "right"):
            units.append(("close", ")"))
        elif token.kind == "symbol" and token.text in "+-/^":
            units.append(("op", token.text))
        elif token.is_("symbol", "|") or token.is_("command", "|", "Vert", "lVert", "rVert", "lvert", "rvert"):
            units.append(("bar", "|"))  # \|target - out\|^2 with numbers in place
        else:
            return None  # a function, a fraction, a sum: left to the reader
        at += 1
    names = sum(1 for kind, _ in units if kind == "name")
    return units if units and names <= 12 else None


def _as_number_for(name, value):
    """A 1 x 1 matrix expression (z = w^T x) put in for a name that is a number (\\max(0, z)) is its one entry; a
    number put in for a 1 x 1 matrix name (z = W x = 1.7, then (z - 1) x^T) is that 1 x 1 matrix."""
    if isinstance(name, sympy.Symbol) and isinstance(value, sympy.MatrixExpr) and value.shape == (1, 1):
        return one_entry(value)
    if isinstance(name, sympy.MatrixSymbol) and name.shape == (1, 1) and getattr(value, "is_number", False):
        return sympy.ImmutableMatrix([[value]])
    return value


def _matched_constants(first, body, parameters: set, constants: list) -> dict | None:
    """The one value of each constant that makes `body` equal `first` for every value of the parameters, both
    polynomials in them (matching coefficients); None where there is no such value, or more than one."""
    try:
        residual = sympy.Poly(sympy.expand(first - body), *sorted(parameters, key=str))
        solutions = sympy.solve(residual.coeffs(), constants, dict=True)
    except (sympy.PolynomialError, NotImplementedError, TypeError, ValueError):
        return None
    if len(solutions) != 1 or set(solutions[0]) != set(constants) or not all(value.is_number for value in solutions[0].values()):
        return None
    return solutions[0]


def _gradients_at_values(expr, values: dict):
    """dL/dW where W is given numbers (a worked example's weights): the gradient there is a quantity the text names, as
    dL/dw_3 is where w_3 has a value; a number cannot take the place of the variable it is taken by. (Worked out entry
    by entry and compared with the text's numbers it would set the exact derivative against values the text rounded
    or slipped in earlier lines: a carried error, not this line's.)"""
    if not isinstance(expr, sympy.Basic) or not expr.has(MatrixDerivative):
        return expr
    return expr.replace(lambda e: isinstance(e, MatrixDerivative) and e.variable in values,
                        lambda e: sympy.MatrixSymbol(f"\\frac{{\\partial {e.function}}}{{\\partial {e.variable}}}", *e.shape))


def _where_first(steps: list[Step]) -> list[Step]:
    """The order steps are judged in: a definition the text gives right after a display ("where $p_i = ...$") is
    read before that display, whose steps use it (the page's order is kept in the report)."""
    ordered = list(steps)
    for step in steps:
        if not (step.explains and step.block_kind == "inline" and step.first_of_chain):
            continue
        at = ordered.index(step)
        display = next((n for n in range(at - 1, -1, -1) if ordered[n].block_kind == "display"), None)
        if display is None or ordered[display].section != step.section or any(s.block_kind != "inline" for s in ordered[display + 1:at]):
            continue
        first = display
        while first > 0 and ordered[first - 1].block == ordered[display].block:
            first -= 1
        if any(not s.explains for s in ordered[display + 1:at]):
            continue  # other prose formulas between: not a "where" right after the display
        ordered.insert(first, ordered.pop(at))
    return ordered


def _mark_lines(judge: Judge, steps: list[Step]) -> list[Step]:
    """In a chain with a wrong step, say which lines are still right: equal to where the chain began."""
    from .claims import judge_claim

    broken = {s.first.start for s in steps if s.verdict == "invalid" and s.kind == "equal" and s.first is not None}
    marked = []
    for step in steps:
        if step.first is not None and step.first.start in broken and step.verdict in ("valid", "invalid") and step.left is not step.first:
            scope = judge.scope_for(step)
            verdict = judge_claim(judge, replace(step, left=step.first), scope).verdict
            step = replace(step, matches_start=verdict == "valid" if verdict in ("valid", "invalid") else None)
        marked.append(step)
    return marked


Judge.mark_lines_that_match_their_start = _mark_lines
