"""Student LaTeX -> sympy, in the problem's own symbols: a recursive-descent parser of our own.

tokens (lexer.py) -> a parser with one method per level of precedence (relation, sum, term,
power, atom) that builds sympy directly and asks a `Context` whenever it meets a name: is it
one of the problem's functions (apply it), matrices (keep products in order), vectors
(index them), named expressions (substitute them)? The notation itself is data, in
dialect.py. A parse is a pure function of (text, context): nothing global, nothing
evaluated, and whatever is not consumed is an error, never silently dropped.
"""

from __future__ import annotations

import math
import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Iterator

import sympy
from sympy.matrices.expressions.diagonal import DiagMatrix

from . import dialect, matrices
from .lexer import LatexError, Token, first_digit_apart, group_end, spelled_back, tokens
from .model import Index, IndexedFunction, Matrix, Problem, Scalar, Table, Vector, bound_apart, rename_bound

MAX_LENGTH = 10_000
_LETTER_SUBSCRIPT = re.compile(r"^[^_]+_\{?([A-Za-z])\}?$")  # x_j, x_{j}: an entry whose index is a letter
_LEIBNIZ_INDEX = re.compile(r"_\{?([A-Za-z])\}?(?![A-Za-z])")  # the letter indices inside a Leibniz name (\partial z_k^{(l+1)})
# The letters a sample or a time step is numbered by in a superscript (y^{(i)}, x^{(t)}); l, L and capitals number layers.
SAMPLE_LETTERS = frozenset("ijkmnst")
_LETTER_SAMPLE = re.compile(rf"^[^_]+\^\(([{''.join(sorted(SAMPLE_LETTERS))}])\)$")  # y^(i), \hat{y}^(i): a name of sample i, no subscript
MAX_NESTING = 60
MAX_DIGITS = 10_000  # a number with more digits than this is refused, not computed

__all__ = ["Context", "LatexError", "MAX_LENGTH", "Reading", "parse_latex", "read", "read_answer"]


# --- what names mean ----------------------------------------------------------------------------


class AmbiguousOperand(LatexError):
    """\\frac{d}{dx} x^2 + 3: whether the term after the operator is differentiated or added is not written."""


@dataclass
class Context:
    """What the names in an answer mean: one problem's, or a free context where every name is a real symbol."""

    symbols: dict[str, sympy.Basic] = field(default_factory=dict)  # plain name -> symbol
    functions: dict[str, object] = field(default_factory=dict)  # name (no backslash) -> Function/Lambda/IndexedFunction
    vectors: dict[str, sympy.IndexedBase] = field(default_factory=dict)  # "x" -> x, "omega^(2)" -> a weight table
    matrices: dict[str, sympy.MatrixSymbol] = field(default_factory=dict)  # "W_1" -> W_1
    sum_bound: sympy.Basic | None = None  # the K in a bare \sum_j
    sum_bounds: dict[str, sympy.Basic] = field(default_factory=dict)  # per index letter, from the problem
    expressions: dict[str, sympy.Basic] = field(default_factory=dict)  # "\\hat{y}" -> sigma(w . x)
    index: sympy.Basic | None = None  # the entry F(v) means when written without a subscript
    beside: frozenset = frozenset()  # a write-up's index letters carried by the other sides of the line read
    operand_reach: str = ""  # \\frac{d}{dx} x^2 + 3: "" says the reach is not written; "whole" (every term after it) or "term" (the first)
    tables: set[str] = field(default_factory=set)  # names in `vectors` that take two indices (w_{kj})
    free: bool = False  # unknown names are real symbols (compare); else plain symbols the grader calls foreign
    matrix_letters: bool = False  # free context: capital and bold names are matrices (set when a transpose is written)
    document: bool = False  # a write-up's notation (Problem.document): words are names, bare sums run to n
    arities: dict[str, int] = field(default_factory=dict)  # a problem's functions of several values: out(n, k, p, s, d)
    parameters: dict[str, tuple] = field(default_factory=dict)  # of those, the names of their values, where defined: f(x_1, x_2)
    own_variable: dict[str, sympy.Symbol] = field(default_factory=dict)  # a problem's function of its variable: varphi -> x
    valued_functions: frozenset = frozenset()  # a write-up's names of functions it gave a value (\sigma = \sigma(w^T x))
    of_vectors: set[str] = field(default_factory=set)  # functions of a vector's entries: E(o) = -sum_i y_i log o_i
    words: frozenset = frozenset()  # a write-up's names typed as words (net, out, total): read as one name
    quantities: frozenset = frozenset()  # of those, the ones written alone somewhere: out(1 - out) is a product
    decimals: bool = False  # a write-up's decimals read as placeholders (Reading.decimals), so rounding can be weighed
    shapes_known: bool = False  # a write-up's matrices come from its notation: a transpose does not make capitals matrices
    counters: frozenset = frozenset()  # a write-up's letters numbering a sequence (theta_{t+1}): a matrix's ^t is a power
    primed: frozenset = frozenset()  # a write-up's single letters written primed with no argument (f'g + fg'): (fg)' is read
    samples: frozenset = frozenset()  # a write-up's names summed over their samples (\sum_i y^{(i)}): y^{(i)} is y's entry i
    defined: frozenset = frozenset()  # the names of the functions the problem (or write-up) gives a formula
    prime_by: dict = field(default_factory=dict)  # a write-up's function -> the name its prime is taken by (f'(x) as d/dw)

    @classmethod
    def for_problem(cls, problem: Problem | None) -> "Context":
        if problem is None:
            return cls.free_context()
        key = id(problem)
        cached = _CONTEXTS.get(key)
        if cached is not None and cached[0] is problem:
            return cached[1]
        context = cls._build(problem)
        _CONTEXTS[key] = (problem, context)
        if len(_CONTEXTS) > 64:
            _CONTEXTS.pop(next(iter(_CONTEXTS)))
        return context

    @classmethod
    def free_context(cls, symbols: dict[str, sympy.Basic] | None = None) -> "Context":
        return cls(symbols=dict(symbols or {}), free=True)

    @classmethod
    def _build(cls, problem: Problem) -> "Context":
        context = cls(free=problem.document, document=problem.document)
        for var in problem.variables:
            if isinstance(var, Vector):
                context.vectors[str(var.base)] = var.base
                context.sum_bound = context.sum_bound or sympy.sympify(var.length)
            elif isinstance(var, Table):
                context.vectors[str(var.base)] = var.base
                context.tables.add(str(var.base))
            elif isinstance(var, Matrix):
                context.matrices[plain_name(var.symbol.name)] = var.symbol
            elif isinstance(var, Index):
                context.index = context.index or var.symbol
                context.symbols[var.symbol.name] = var.symbol
            else:
                context.symbols[var.symbol.name] = var.symbol
        context.sum_bounds = {name: sympy.sympify(bound) for name, bound in problem.sum_bounds.items()}
        scalars = {var.symbol for var in problem.variables if isinstance(var, Scalar)}
        context.defined = frozenset(str(function) for function in problem.definitions)
        for function, body in problem.definitions.items():
            context.functions[str(function)] = function
            if len(body.variables) > 1:
                context.arities[str(function)] = len(body.variables)
                context.parameters[str(function)] = tuple(body.variables)
            elif body.variables[0] in scalars and not problem.document:  # varphi(x) = 1/(1 + e^{-ax}) of the problem's x
                context.own_variable[str(function)] = body.variables[0]
            elif body.expr.has(sympy.Indexed):  # E(o) = -sum_i y_i log o_i: o only through its entries o_i
                entries_hidden = body.expr.xreplace({entry: sympy.Dummy() for entry in body.expr.atoms(sympy.Indexed)})
                if body.variables[0] not in entries_hidden.free_symbols:
                    context.of_vectors.add(str(function))
        for name, value in problem.names.items():
            if isinstance(value, sympy.MatrixExpr):  # W_1, or a vector the problem defines (\\hat{y} = softmax(z))
                context.matrices[plain_name(name)] = value
            elif isinstance(value, sympy.IndexedBase):
                context.vectors[name] = value
                if any(isinstance(v, Table) and v.base == value for v in problem.variables):
                    context.tables.add(name)
            elif isinstance(value, (sympy.Symbol, sympy.Dummy)):
                context.symbols[name] = value
            elif isinstance(value, sympy.Expr):
                context.expressions[spelled(name)] = value
            elif isinstance(value, IndexedFunction) or callable(value) or isinstance(value, sympy.Lambda):
                context.functions[name] = value
                context.vectors.pop(name, None)  # the problem's names win over a vector of that name
        for symbol in _all_symbols(problem):
            context.symbols.setdefault(symbol.name, symbol)
        for name, symbol in list(context.symbols.items()):  # W^{(1)}_{11} is read as W^(1)_11, x_{1} as x_1
            context.symbols.setdefault(spelled(name), symbol)
        return context

    def function(self, name: str):
        """The function a name stands for here (the problem's first, then the dialect's), or None."""
        for candidate in (name, dialect.GREEK_VARIANTS.get(name)):
            if candidate and candidate in self.functions:
                return self.functions[candidate]
        if name in self.symbols or name in self.expressions:
            return None
        return dialect.FUNCTIONS.get(name)

    def symbol(self, name: str):
        if name in self.symbols:
            return self.symbols[name]
        variant = dialect.GREEK_VARIANTS.get(name)
        if variant in self.symbols:
            return self.symbols[variant]
        return sympy.Symbol(name, real=True) if self.free else sympy.Symbol(name)


_CONTEXTS: dict[int, tuple[Problem, Context]] = {}


def plain_name(name: str) -> str:
    """'W_{1}' and 'W_1' are the same name, and 'net_{h_1}' and 'net_{h1}'; so are '\\hat y' and '\\hat{y}', and '\\hat{\\mathbf{y}}' (a font under an
    accent is dropped when it is read, see _Parser._word)."""
    name = re.sub(r"_\{([A-Za-z]+)_\{?(\d+)\}?\}", r"_{\1\2}", name.replace(" ", ""))  # net_{h_{1}} is net_{h1}
    name = re.sub(r"_\{?\\(?:text|mathrm|textrm|rm|mathit|textit)\{(\w+)\}\}?", r"_{\1}", name)  # E_{\text{total}} is E_{total}
    name = re.sub(r"_\{(\w+)\}", r"_\1", name)
    name = re.sub(r"\\(hat|tilde|bar)\{\\(?:" + "|".join(sorted(dialect.FONTS)) + r")\{(\w+)\}\}", r"\\\1{\2}", name)
    return re.sub(r"\\(hat|tilde|bar)(\w)", r"\\\1{\2}", name)


def spelled(name: str) -> str:
    """A symbol's name as the parser spells what a student writes for it: 'W^{(1)}_{11}' -> 'W^(1)_11'."""
    return plain_name(re.sub(r"\^\{(\(\w+\))\}", r"^\1", name))


def _all_symbols(problem: Problem) -> set:
    found = set()
    for claim in problem.claims:
        found |= sympy.sympify(claim.lhs).free_symbols | sympy.sympify(claim.rhs).free_symbols
    for part in problem.parts:
        found |= sympy.sympify(part.answer).free_symbols
    return {s for s in found if isinstance(s, sympy.Symbol) and not isinstance(s, sympy.Dummy)}


# --- what a parse returns -----------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """An answer as read: its sides and the relations between them (none for a plain expression)."""

    sides: tuple  # sympy expressions, left to right
    relations: tuple[str, ...] = ()  # "==", "<", "<=", ">", ">=", "!=", "approx"
    notes: tuple[str, ...] = ()  # where the reading departs from TeX's typesetting, to show the student
    decimals: tuple = ()  # with Context.decimals: (placeholder, exact value, places shown, the literal) per decimal written
    leibniz: tuple = ()  # a write-up's Leibniz names (\\partial E / \\partial o): (symbol, quantity, variable, order)

    @property
    def value(self):
        """The expression; for a relation, a sympy relation (a chain of them is an And)."""
        if not self.relations:
            return self.sides[0]
        pairs = [_relation(op, a, b) for op, a, b in zip(self.relations, self.sides, self.sides[1:])]
        return pairs[0] if len(pairs) == 1 else sympy.And(*pairs, evaluate=False)

    @property
    def answer(self):
        """What an answer states: the right-most side of `lhs = ... = value` or `lhs \\approx value`."""
        return self.sides[-1]


def _relation(op: str, left, right, evaluate: bool = False):
    """A relation as written (unevaluated: an answer's sides are kept), or evaluated (a case's condition)."""
    if op in ("==", "approx"):
        return sympy.Eq(left, right, evaluate=evaluate)
    if op == "!=":
        return sympy.Ne(left, right, evaluate=evaluate)
    return sympy.Rel(left, right, op, evaluate=evaluate)


# --- the parser ---------------------------------------------------------------------------------

_STOP_COMMANDS = {"right", "end", "over", "\\", "to", "rightarrow", "longrightarrow", "Rightarrow", "implies", "iff",
                  "rfloor", "rceil", "rvert", "rVert", "rangle", "}", "text", "quad", "in", "mid", "choose",
                  "Longrightarrow", "therefore", "pm", "mp", "cdots", "ldots", "dots"}
_UNSUPPORTED = {
    "cdots": "'\\cdots' leaves terms out: write every term, or use \\sum",
    "ldots": "'\\ldots' leaves terms out: write every term, or use \\sum",
    "dots": "'\\dots' leaves terms out: write every term, or use \\sum",
    "pm": "'\\pm' gives two answers: write the one you mean",
    "mp": "'\\mp' gives two answers: write the one you mean",
    "nabla": "'\\nabla' (a gradient) is not read in an answer: write the partial derivatives",
    "in": "'\\in' states membership, not a value: write the answer itself",
    "Rightarrow": "'\\Rightarrow' joins statements: an answer is one expression",
    "implies": "'\\implies' joins statements: an answer is one expression",
    "therefore": "'\\therefore' joins statements: an answer is one expression",
    "partial": "'\\partial' belongs in a derivative: \\frac{\\partial f}{\\partial x}",
    "\\": "'\\\\' breaks a line: an answer is one expression (nothing after it would be read)",
}


# Words students type without a backslash that mean the command: sqrt(x), sum, pi.
WORD_COMMANDS = frozenset({"sqrt", "frac", "sum", "prod", "lim", "int", "pi", "infty"})


_ARGUMENT_COMMANDS = frozenset({"frac", "dfrac", "tfrac", "cfrac", "sqrt"})  # their braces hold mathematics, not a name


def _of_one_by_ones(value, matrices: dict) -> bool:
    """A number made only of a write-up's 1 x 1 vectors (its shapes made x^* 1 x 1), read as numbers or entries."""
    if not isinstance(value, sympy.Expr) or isinstance(value, sympy.MatrixExpr) or not value.free_symbols:
        return False
    entries = value.atoms(sympy.matrices.expressions.matexpr.MatrixElement)
    names = {entry.parent for entry in entries} | (value.free_symbols - {s for e in entries for s in e.free_symbols})
    return all(getattr(matrices.get(getattr(name, "name", None)), "shape", None) == (1, 1) for name in names)


def _may_hold(expr, variable) -> bool:
    """Whether a write-up's expression may depend on a vector or matrix: it holds it, or holds vectors whose meaning
    the write-up gives elsewhere (\\mathbf{p}, -\\mathbf{y}^\\top \\log \\mathbf{p}). A bare scalar name (L in
    \\partial L / \\partial W) is not: that fraction names the gradient, as in scalar form."""
    if not isinstance(expr, sympy.Basic):
        return False
    return expr.has(variable) or bool(expr.atoms(sympy.MatrixSymbol))


class ShapeMismatch(LatexError):
    """Well-formed text whose matrices do not fit (W x + x with W m x n): a wrong answer rather than an unreadable
    one; the message says which shapes clash and the likely slip."""


class ArrayBesideNumber(LatexError):
    """A vector or matrix added to a number (1 + e^{-\\theta_1 x} with x a vector): `names` are the arrays' names, so a
    write-up whose notation only inferred them to be arrays can read them again as numbers."""

    def __init__(self, message: str, text: str, position: int | None, names: tuple[str, ...]):
        super().__init__(message, text, position)
        self.names = names


# Products written with an operator that are not the matrix product: entrywise (\odot, \circ between matrices)
# and outer (\otimes between vectors).
_PRODUCT_OPS = {"odot": "odot", "circ": "odot", "otimes": "outer"}


class _NoArgument(Exception):
    """A function's name with nothing to apply it to: read it as a name (σ² is a variance)."""


# In a free context these names before ( are functions, as in sympy's own tables: f(x), g(t), \varphi(x);
# any name followed by a prime and ( is one: y'(t).
FREE_FUNCTION_NAMES = frozenset({"f", "g", "h", "F", "G", "phi", "varphi", "psi", "Phi", "Psi"})
# In a write-up, superscripts that mark a new value of a name rather than a power: w^{new}, w^{+}, w^*.
UPDATE_MARKS = frozenset({"new", "old", "next", "prev", "updated", "+", "-", "*", "final", "init"})


def names_the_sum(found: list[Token]) -> bool:
    """\\sum and the tokens after it (at least 6, or to the end): with nothing to sum after it (\\sum', \\sum - e_i,
    \\frac{e_i}{\\sum}, \\frac{e^{\\theta_i}}{\\sum_K}, \\sum^2 below a line), it is a write-up's short name for the sum it
    spelled out before."""
    def at(index: int) -> Token:
        return found[index] if index < len(found) else Token("end", "", 0)

    after = 1
    if at(1).is_("symbol", "_") and at(2).kind in ("letter", "number") and not at(3).is_("symbol", "=", "{"):
        after = 3  # \\sum_K
    elif at(1).is_("symbol", "_") and at(2).is_("symbol", "{") and at(3).kind == "letter" and at(4).is_("symbol", "}"):
        after = 5  # \\sum_{K}
    following = at(after)
    if following.is_("symbol", "^"):
        return at(after + 1).kind == "number" and (at(after + 2).kind == "end" or at(after + 2).is_("symbol", "}", ")"))
    return following.kind == "end" or following.is_("symbol", "'", ")", "}", "-", "+", "=", ",") or following.is_("command", "right", "cdot")


def unbraced_script_end(found, start: int, stop: int | None = None) -> int:
    """Where a write-up's subscript typed without braces ends, `start` being the token after the _: authors type
    E_total, a_h1, w_ij, net_o2 for E_{total}, a_{h1}, w_{ij}, net_{o2} (TeX would take one letter). The run is letters
    then digits, typed together; a letter with a subscript of its own starts the next name (x_iy_i is x_i y_i), and
    a function applied ends it (y_klog(p_k) is y_k log(p_k)). A script that starts with a digit is its digits (W_1x).
    `stop`: where the tokens to look at end (all of them by default)."""
    stop = len(found) if stop is None else stop

    def typed_together(at: int, kind: str) -> bool:
        return at < stop and found[at].kind == kind and not found[at].space_before

    first = found[start] if start < stop else None
    if first is not None and first.kind == "command" and first.text in dialect.SCRIPT_WRAPPERS and start + 1 < stop and found[start + 1].is_("symbol", "{"):
        close = group_end(found[:stop], start + 1)  # \sigma_\mathrm{tanh}: the command takes its group, as TeX expands it
        if close is not None:
            return close + 1
    if first is None or first.kind != "letter":
        return start + 1
    end = start + 1
    while typed_together(end, "letter") and not (end + 1 < stop and found[end + 1].is_("symbol", "_")):
        end += 1
    letters = "".join(t.text for t in found[start:end])
    applied = end < stop and (found[end].is_("symbol", "(") or found[end].is_("command", "left"))
    function = next((f for f in sorted(dialect.FUNCTIONS, key=len, reverse=True) if len(f) >= 2 and letters[1:].endswith(f)), None) if applied else None
    if function is not None:
        while end > start + 1 and len("".join(t.text for t in found[start:end])) > len(letters) - len(function):
            end -= 1
        return end
    while typed_together(end, "number"):
        end += 1
    return end


def _bias_broadcast(vector, matrix):
    """In a write-up, XW + b with XW m x d and b a d-vector: the bias added to every row, as deep-learning texts and
    numpy write it (1 b^T, m x d); a vector as long as the matrix's rows is added to every column (b 1^T); a row
    b \\in R^{1 x d} (as d2l declares it) is added to every row (1 b). Anything else is returned as it is, for the
    shape check to judge."""
    if not (matrices.is_matrix(vector) and matrices.is_matrix(matrix)) or 1 in matrix.shape:
        return vector
    rows, columns = matrix.shape
    if vector.shape[0] == 1 and vector.shape[1] == columns and vector.shape[1] != 1:
        return sympy.OneMatrix(rows, 1) * vector
    if vector.shape[1] != 1:
        return vector
    if vector.shape[0] == columns and columns != rows:
        return sympy.OneMatrix(rows, 1) * vector.T
    if vector.shape[0] == rows and columns != rows:
        return vector * sympy.OneMatrix(1, columns)
    return vector


def _number_spread(number, array):
    """A number beside a vector or matrix: that number in every entry (1 - h is 1 - h_k for each k), as an array of
    numbers where the other is one. Anything else is returned as it is."""
    if not matrices.is_matrix(array) or matrices.is_matrix(number) or not getattr(number, "is_number", False):
        return number
    if isinstance(array, sympy.MatrixBase):
        return sympy.ImmutableMatrix(*array.shape, [number] * (array.shape[0] * array.shape[1]))
    return number * sympy.OneMatrix(*array.shape)


def _list_as_array(entries, other, on_left: bool):
    """In a write-up, a list of numbers beside a vector or matrix in a sum or product is the array numpy prints it as:
    [1, 2] W is a row times W; W [1, 2] is W times a column; [0.1, 0.2] added to a row or a column is that row or column.
    Anything else is returned as it is."""
    if not (isinstance(entries, sympy.Tuple) and matrices.is_matrix(other)) or any(isinstance(e, (sympy.Tuple, sympy.MatrixBase, sympy.MatrixExpr)) for e in entries):
        return entries
    rows, columns = other.shape
    if on_left:
        return sympy.ImmutableMatrix(1, len(entries), list(entries))
    if rows == 1 and columns != 1:
        return sympy.ImmutableMatrix(1, len(entries), list(entries))
    return sympy.ImmutableMatrix(len(entries), 1, list(entries))


def _values_named(found: list[Token], names) -> frozenset:
    """The functions among `names` (a problem's functions of its variable, a write-up's functions it gave a value) written
    somewhere alone, as their value (\\varphi(1 - \\varphi), \\sigma \\cdot x): there every one of them, bar one applied to
    the variable itself, is that value."""
    alone = set()
    for at, token in enumerate(found[:-1]):
        if token.kind in ("command", "letter") and token.text in names:
            following = found[at + 1]
            if following.kind == "end" or following.is_("symbol", ")", "]", "}", "+", "-", "*", "/", "=", ",") \
                    or following.is_("command", "cdot", "times", "right"):
                alone.add(token.text)
    return frozenset(alone)


_PERIOD_FACTORS = dialect.GREEK | dialect.DECORATIONS | dialect.FONTS | {"frac", "dfrac", "tfrac", "prod", "sum", "sqrt", "left"}  # a factor's openers


_FACTOR_FUNCTIONS = ("tanh", "sinh", "cosh", "log", "exp", "sin", "cos", "tan", "ln")  # longest first


def _function_after_factor(word: str) -> str | None:
    """ylog, xexp: one or two letters typed against a function whose backslash was left out (y \\log), the function."""
    return next((f for f in _FACTOR_FUNCTIONS if word.endswith(f) and 1 <= len(word) - len(f) <= 2), None)


def function_of_one_letter(word: str) -> str | None:
    """loga, yloga, lnx: log, ln or exp typed without its backslash against the one letter it applies to (and at most
    two letters of a factor before it), the function; None for any other word."""
    return next((f for f in ("log", "ln", "exp") if word[:-1].endswith(f) and len(word) - len(f) - 1 <= 2 and word[-1].isalpha()), None)


class _Parser:
    def __init__(self, text: str, context: Context, found: list[Token] | None = None):
        self.text = text
        self.tokens = tokens(text) if found is None else found
        self.position = 0
        self.end = len(self.tokens) - 1  # index of the "end" token; bounded sub-parses lower it
        self._endings: dict[int, Token] = {}  # the "end" token seen at each bound
        self.context = context
        self.depth = 0
        self.absolute = 0  # how many |..| are open: a | then closes one
        self.norms = 0  # likewise \\| .. \\|
        self.differential = None  # \\int \\frac{dz}{z}: the d-variable met inside the integrand
        self.integrals = 0  # inside an integrand: d followed by a variable ends it
        self.log_argument = False  # reading a write-up's bare argument of \\log: a density's \\exp(...) factor goes on with it
        self.notes: list[str] = []
        self.bound: list[sympy.Symbol] = []  # the indices of the sums being read: x_j under \\sum_j is an entry of x
        self.shadowed: list[str] = []  # a write-up's valued names that a sum or a derivative here runs over (k in \\sum_k k)
        self.decimals: list = []  # with context.decimals: the placeholders made for decimals written
        self.leibniz: list = []  # a write-up's Leibniz names read here: (symbol, quantity, variable, order)
        self.excluded: list = []  # \\sum_{k \\neq i}: the index value a sum leaves out, while its bounds are read
        self.delta_marks = False  # reading a fraction whose top and bottom both open with \\delta: a derivative's marks
        self.paired: list = []  # \\sum_{i, j}: the indices after the first, while its bounds are read
        self.free_letters: set[str] = set()  # index letters of names read outside any sum over them (the k of x_k)
        self.families: list = []  # (a vector's name, the sum's index, the \sum token) for u_w under \sum_w
        self.layer_transposed = False  # W^{(2)\\top}: the layer's matrix, transposed
        self.font_braces_owed: list[int] = []  # \\mathbf{x_1} in a write-up: braces to close after the name's subscript, per open font
        # a write-up's formula with an elementwise product (h \\odot (1 - h)) is written entry by entry: a number added
        # to a vector or matrix there is added to each entry, as numpy broadcasts it
        self.elementwise = context.document and any(t.is_("command", "odot", "circ") for t in self.tokens)
        if context.free and not context.matrix_letters and not context.shapes_known and writes_transpose_in(self.tokens):
            self.context = Context(**{**vars(context), "matrix_letters": True})
        self._read_words()  # after: with matrices about, capitals typed together (AB) are a product
        self.values_named = _values_named(self.tokens, context.own_variable.keys() | context.valued_functions)

    # --- tokens

    def peek(self, ahead: int = 0) -> Token:
        at = self.position + ahead
        if at < self.end:
            return self.tokens[at]
        ending = self._endings.get(self.end)
        if ending is None:  # one per bound: peeking past the end is the commonest question a parse asks
            ending = self._endings[self.end] = Token("end", "", self.tokens[self.end].position if self.end < len(self.tokens) else len(self.text))
        return ending

    def take(self) -> Token:
        token = self.peek()
        if token.kind != "end":
            self.position += 1
        return token

    def at(self, kind: str, *texts: str, ahead: int = 0) -> bool:
        index = self.position + ahead
        token = self.tokens[index] if index < self.end else None
        if token is None:
            return kind == "end" and (not texts or "" in texts)
        return token.kind == kind and (not texts or token.text in texts)

    def error(self, message: str, token: Token | None = None, kind: type = LatexError) -> LatexError:
        token = token or self.peek()
        return kind(message, self.text, min(token.position, len(self.text) - 1) if self.text else None)

    def expect(self, kind: str, text: str, message: str) -> Token:
        if not self.at(kind, text):
            raise self.error(message)
        return self.take()

    @contextmanager
    def nested(self) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.error(f"the expression is nested more than {MAX_NESTING} deep")
        try:
            yield
        finally:
            self.depth -= 1

    @contextmanager
    def bounded(self, end: int) -> Iterator[None]:
        """Parse only the tokens before `end` (a group found by its brackets)."""
        outer = self.end
        self.end = end
        try:
            yield
        finally:
            self.end = outer

    def matching(self, opener: str, closer: str, kind: str = "symbol", start: int | None = None) -> int:
        """Index of the token closing the bracket at the current position (or at `start`)."""
        depth = 0
        for at in range(self.position if start is None else start, self.end):
            token = self.tokens[at]
            if token.is_(kind, opener):
                depth += 1
            elif token.is_(kind, closer):
                depth -= 1
                if depth == 0:
                    return at
        raise self.error(f"'{opener}' is never closed")

    def _read_words(self) -> None:
        r"""Letters typed together: sin(x) without its backslash is \sin; a word such as 'know' is prose, refused."""
        at = 0
        while at < len(self.tokens):
            if self.context.document and at and self.tokens[at].kind == "letter" and self.tokens[at - 1].is_("symbol", "_", "^"):
                at += 1  # y_klog: a script without braces is one letter (TeX's rule), so "log" is the function after it
                continue
            run = at
            while run < len(self.tokens) and self.tokens[run].kind == "letter" and (run == at or not self.tokens[run].space_before):
                run += 1
            if run - at >= 2 and self.context.words and not self._inside_name(at) and not self._leibniz_part(at, run):
                word = "".join(t.text for t in self.tokens[at:run])
                named = next((w for w in sorted(self.context.words, key=len, reverse=True) if word.startswith(w) and (len(w) == len(word) or word[len(w):] in dialect.FUNCTIONS)), None)
                if named is not None:  # a name this write-up types as a word (net, out, total), perhaps with a function after it
                    at = self._join(at, at + len(named), "letter") if len(named) > 1 else at + 1
                    continue
            if self.context.document and self._hyphenated(at, run):
                at = self._join(at, self._hyphenated(at, run), "letter")  # Log-Odds, Cross-Entropy: one name
                continue
            if run - at >= 2 and not self._inside_name(at):
                word = "".join(t.text for t in self.tokens[at:run])
                known = word in dialect.FUNCTIONS or word in dialect.VARIADIC or word in WORD_COMMANDS
                known = known or len(word) >= 3 and word in dialect.GREEK  # phi(x), eta typed as words (not pi, mu: p·i, m·u)
                known = known or self._matrix_function_typed(word, run)
                if known or self.context.document and self.context.function(word) is not None:
                    run = self._join(at, run, "command")
                elif self.context.document and word[0] == "d" and self.context.function(word[1:]) is not None:
                    run = self._join(at + 1, run, "command")  # \\frac{dGELU}{dx}: d, then the function
                elif self.context.document and (suffix := _function_after_factor(word)) and self._opens_argument(run):
                    run = self._join(run - len(suffix), run, "command")  # ylog(p): y times log, its backslash left out
                elif self.context.document and (function := function_of_one_letter(word)):
                    run = self._join(run - len(function) - 1, run - 1, "command") + 1  # yloga: y log a, the letter its argument
                elif self.context.document and (run - at >= 4 or word in dialect.DOCUMENT_WORDS or word.isupper() and not self.context.matrix_letters) and not set(word) <= set(self.context.matrices):
                    run = self._join(at, run, "letter")  # a write-up's name: out, dim, TP (not WV for declared matrices W, V)
                elif run - at >= 3 and self._reads_as_prose(word):
                    raise LatexError(f"'{word}' would be read as the product {'·'.join(word)}: write a function with a backslash "
                                     r"(\exp, \tanh), separate factors (a \cdot b), or leave words out of the answer", self.text, self.tokens[at].position)
            at = max(run, at + 1)

    def _hyphenated(self, at: int, run: int) -> int:
        """Where a name of two capitalised words joined by a hyphen, typed without spaces (Log-Odds), ends; 0 if
        tokens[at:run] does not begin one (a - b, log-odds in lower case: a difference)."""
        if run - at < 2 or not self.tokens[at].text[:1].isupper() or run + 2 >= len(self.tokens):
            return 0
        hyphen, second = self.tokens[run], self.tokens[run + 1]
        if not hyphen.is_("symbol", "-") or hyphen.space_before or second.space_before or second.kind != "letter" or not second.text.isupper():
            return 0
        end = run + 1
        while end < len(self.tokens) and self.tokens[end].kind == "letter" and (end == run + 1 or not self.tokens[end].space_before):
            end += 1
        word = "".join(t.text for t in self.tokens[at:run])
        return end if end - run - 1 >= 2 and word not in dialect.FUNCTIONS else 0

    def _applied_to_its_variable(self, name: str) -> bool:
        """\\varphi(x) among bare \\varphi's: the application written out, read as one."""
        variable = str(self.context.own_variable[name])
        ahead = [self.peek(n) for n in range(3)]
        return ahead[0].is_("symbol", "(") and ahead[1].text == variable and ahead[2].is_("symbol", ")")

    def _matrix_function_typed(self, word: str, run: int) -> bool:
        """tr(A), tr[A], diag(p) typed without \\operatorname among a write-up's matrices: the function, not t·r."""
        bracket = run < len(self.tokens) and self.tokens[run].is_("symbol", "[")
        return word in _MATRIX_FUNCTIONS and word != "softmax" and bool(self.context.matrices) and (self._opens_argument(run) or bracket)

    def _opens_argument(self, at: int) -> bool:
        return at < len(self.tokens) and (self.tokens[at].is_("symbol", "(") or self.tokens[at].is_("command", "left"))

    def _join(self, at: int, run: int, kind: str) -> int:
        """tokens[at:run], letters typed together, become one token of `kind`; returns the index after it."""
        first = self.tokens[at]
        self.tokens[at:run] = [Token(kind, "".join(t.text for t in self.tokens[at:run]), first.position, first.space_before)]
        self._endings.clear()  # the tokens moved: an end seen before may stand elsewhere
        self.end -= run - at - 1
        return at + 1

    def _leibniz_part(self, at: int, run: int) -> bool:
        """dz in \\frac{d\\hat y}{dz} (or dL in \\frac{dL}{dz}): a d and a name filling a fraction's group whose other
        group starts with d or \\partial is a derivative's part, not the write-up's word dz (its name for dL/dz)."""
        tokens = self.tokens
        if tokens[at].text[:1] != "d" or not (at >= 2 and tokens[at - 1].is_("symbol", "{") and run < len(tokens) and tokens[run].is_("symbol", "}")):
            return False
        marked = lambda token: token.kind == "letter" and token.text[:1] == "d" or token.is_("command", "partial")  # noqa: E731
        if tokens[at - 2].kind == "command" and tokens[at - 2].text in ("frac", "dfrac", "tfrac"):  # the numerator
            return run + 2 < len(tokens) and tokens[run + 1].is_("symbol", "{") and marked(tokens[run + 2])
        if not tokens[at - 2].is_("symbol", "}"):
            return False
        depth, opening = 0, at - 2  # the denominator: find where the numerator opens
        while opening >= 0:
            depth += tokens[opening].is_("symbol", "}") - tokens[opening].is_("symbol", "{")
            if depth == 0:
                break
            opening -= 1
        frac = opening >= 1 and tokens[opening - 1].kind == "command" and tokens[opening - 1].text in ("frac", "dfrac", "tfrac")
        return frac and marked(tokens[opening + 1])

    def _inside_name(self, at: int) -> bool:
        r"""Letters inside \text{..}, \operatorname{..}, \begin{..} or a subscript {..} are a name, not a product."""
        if at >= 2 and self.tokens[at - 1].is_("symbol", "{"):
            before = self.tokens[at - 2]
            if before.is_("symbol", "^") and at >= 3 and self.tokens[at - 3].is_("letter", "e") and not self._typed_after_letter(at - 3):
                return False  # e^{scores_0}: Euler's e raised to an expression, where the write-up's words are names
            return before.kind == "command" and before.text not in _ARGUMENT_COMMANDS or before.is_("symbol", "_", "^")
        return False

    def _typed_after_letter(self, at: int) -> bool:
        """The letter at `at` continues a run of letters typed together (the e of net^{...} is no Euler's e)."""
        return at > 0 and self.tokens[at - 1].kind == "letter" and not self.tokens[at].space_before

    def _reads_as_prose(self, word: str) -> bool:
        """Three or more letters typed together that the problem does not each know: prose, not algebra."""
        if self.context.free:
            return len(word) >= 4
        known = set(self.context.symbols) | set(self.context.vectors) | set(self.context.functions) | {"e"}
        return any(letter not in known for letter in word)

    # --- statement: sides joined by relations

    def statement(self) -> Reading:
        if self._relation_ahead():  # "\\approx 0.0006", "= 3": the value, with its left side left out
            self.notes.append(f"read the value after '{self.peek().text}'")
            self._take_relation()
        sides, relations = [self._sized(self._side())], []
        while self._relation_ahead():
            relations.append(self._take_relation())
            sides.append(self._sized(self._side()))
        while self.at("symbol", ".", ",", ";") and self.peek(1).kind == "end":
            self.take()  # a sentence's full stop after the answer
        if self.peek().kind != "end":
            raise self.error(self._leftover_message(self.peek()))
        self._note_families(sides)
        sides = _sums_apart_from_free(sides)
        return Reading(tuple(sides), tuple(relations), tuple(dict.fromkeys(self.notes)), tuple(self.decimals), tuple(self.leibniz))

    def _note_families(self, sides) -> None:
        """A family of vectors summed (u_w under \\sum_w) is read with one symbol for every member, and the reading says
        so: alone inside its sums that is a special case (a difference found is still one, an equality is not proved);
        beside another member (u_o, or a derivative by u_w) the member outside would be every term at once (the sum's
        derivative by u_w V times too large), and no verdict holds. (Definitions are worked out apart, member by member.)"""
        for family, variable, token in self.families:
            base = family.partition("_")[0]
            outside = {str(m.name).partition("_")[0] for side in sides if isinstance(side, sympy.Basic)
                       for m in side.replace(lambda e: isinstance(e, sympy.Sum) and any(limit[0] == variable for limit in e.limits),
                                             lambda e: sympy.Integer(0)).atoms(sympy.MatrixSymbol)}
            self.notes.append(f"{FAMILY_BESIDE if base in outside else FAMILY_AS_ONE} ({family} for every {variable})")

    def _side(self):
        """One side, and TeX's `{a} \\over {b}` at its top (a side typed as a plain TeX fraction): a over b."""
        value = self.expression()
        if self.peek().kind == "command" and self.peek().text in dialect.GENERALISED_FRACTIONS:
            operator = dialect.GENERALISED_FRACTIONS[self.take().text]
            value = operator(value, self.expression())
        return value

    def _sized(self, value):
        """A side whose \\mathbf{1} or I met no size is refused; a sum or product of matrices that do not fit too."""
        try:
            return matrices.finish_sizes(value)
        except ValueError as error:
            raise self.error(str(error)) from None

    def _leftover_message(self, token: Token) -> str:
        if token.is_("symbol", "&") or token.is_("command", "\\"):
            return f"'{token.text}' splits the answer into pieces: write one expression (nothing after it would be read)"
        if token.is_("symbol", ",") or token.is_("symbol", ";"):
            return "a ',' outside brackets: write one expression, or a list in brackets such as (1, 2, 5)"
        if token.is_("command", "end"):
            return "'\\end' without a matching '\\begin'"
        if token.is_("command", "right"):
            return "'\\right' without a matching '\\left'"
        if token.kind == "command" and token.text in _UNSUPPORTED:
            return _UNSUPPORTED[token.text]
        if token.kind == "error":
            return f"the character {token.text!r} is not part of the notation: write it in LaTeX"
        if token.is_("command", "text"):
            return "text in the answer: write only the mathematics (\\text{..} names a function only before brackets)"
        shown = "\\" + token.text if token.kind == "command" else token.text
        return f"cannot read this LaTeX: unexpected '{shown}' here"

    def _relation_ahead(self) -> bool:
        return _is_relation(self.peek())

    def _take_relation(self) -> str:
        token = self.take()
        if token.is_("symbol", "<", ">") and self.at("symbol", "="):
            self.take()
            return token.text + "="
        return dialect.RELATIONS.get(token.text, token.text if token.text != "=" else "==")

    # --- sums and terms

    def expression(self):
        """term (+|- term)*, with a leading sign; in a write-up, `a_1 + a_2 + \\dots + a_n` is the sum of the pattern."""
        with self.nested():
            value = self.term()  # a leading sign is read by signed_factor
            terms = [value]
            while self.at("symbol", "+", "-") or self._signed_group_ahead():
                if self.at("symbol", "{"):  # y\color{red}{+ a - b}: shown as y + a - b, the braces only colour it
                    right = self.braced()
                    terms.append(right)
                    value = self._combine(value, right, "+")
                    continue
                op = self.take().text
                if self.context.document and self.at("command", *_ELLIPSES) and op == "+":
                    ellipsis = self.take()
                    if not self.at("symbol", "+"):
                        raise self.error("an ellipsis in a sum goes between two terms: a_1 + \\dots + a_n", ellipsis)
                    self.take()
                    last = self.term()
                    start = _pattern_start(terms, last)  # c + a_1 + a_2 + \\dots + a_n: the pattern begins at a_1
                    value = sum(terms[:start], sympy.Integer(0)) + _sum_of_pattern(terms[start], last, self, ellipsis)
                    terms = [value]
                    continue
                right = self.term()
                terms.append(right if op == "+" else self._negate(right))
                value = self._combine(value, right if op == "+" else self._negate(right), "+")
            if self._bar_with_point_ahead():
                return self._evaluated_at(value, self.take())
            return value

    def _signed_group_ahead(self) -> bool:
        """{+ a - b} after a term in a write-up: a group that opens with a sign continues the sum it follows (TeX shows
        y{+a} as y + a; what is left of a colour switch, \\color{red}{+a}, is such a group), never a product."""
        return self.context.document and self.at("symbol", "{") and self.peek(1).is_("symbol", "+", "-")

    def _bar_with_point_ahead(self) -> bool:
        """f'(x) \\Big|_{x=1}, \\frac{dy}{dx}|_{x=2}: a bar after an expression, no |..| open, with a point in its
        subscript, evaluates what comes before it (as \\left. .. \\right|_{x=1} does)."""
        if self.absolute or not (self.at("symbol", "|") or self.at("command", "vert", "rvert")) or not self.at("symbol", "_", ahead=1):
            return False
        if not self.at("symbol", "{", ahead=2):
            return False
        for ahead in range(3, 40):
            token = self.peek(ahead)
            if token.kind == "end" or token.is_("symbol", "}"):
                return False
            if token.is_("symbol", "="):
                return True
        return False

    def _negate(self, value):
        return -value if not isinstance(value, sympy.Tuple) else sympy.Tuple(*(-v for v in value))

    def _combine(self, left, right, op: str, token: Token | None = None):
        if self.context.document:
            left, right = _number_if_one_by_one(left, right), _number_if_one_by_one(right, left)
            if op == "*":  # (w^T x) x: a 1 x 1 product beside a vector it cannot multiply as a matrix is a number
                left, right = _scalar_if_misfit(left, right, 0), _scalar_if_misfit(right, left, 1)
            if op == "/":
                left, right = _number_if_one_by_one(left, None), _number_if_one_by_one(right, None)
        if op == "/" and isinstance(right, (sympy.MatrixExpr, sympy.MatrixBase, sympy.Tuple)):
            raise self.error("division by a matrix or a list is not defined: multiply by an inverse (W^{-1}) if that is meant", token)
        left, right = matrices.fit_sizes(left, right, "*" if op == "outer" else op)
        if op == "+" and (not self.context.document or self.elementwise):
            left, right = self._broadcast(left, right), self._broadcast(right, left)
        if self.context.document and op in ("+", "*") and isinstance(left, sympy.Tuple) != isinstance(right, sympy.Tuple):
            left, right = _list_as_array(left, right, on_left=op == "*"), _list_as_array(right, left, on_left=False)
        if op == "+" and self.context.document:
            left, right = _bias_broadcast(left, right), _bias_broadcast(right, left)
            left, right = _number_if_one_by_one(left, right), _number_if_one_by_one(right, left)  # w^T a + b: a 1 x 1 product plus a number
        mismatch = matrices.shape_problem(left, right.T if op == "outer" and matrices.is_matrix(right) else right, "*" if op == "outer" else op)
        if mismatch:
            raise ShapeMismatch(mismatch, self.text, token.position if token is not None else None)
        if self.context.document and isinstance(left, sympy.Tuple) and isinstance(right, sympy.Tuple):
            return self._lists_combined(left, right, op, token)
        if isinstance(left, sympy.Tuple) or isinstance(right, sympy.Tuple):
            if op != "*" or not all(isinstance(side, sympy.Tuple) or self._known(side).is_number for side in (left, right)) or isinstance(left, sympy.Tuple) == isinstance(right, sympy.Tuple):
                raise self.error("a list takes part only as a whole answer (or times a number)", token)
        try:
            if op == "+":
                return left + right
            if op == "*" and isinstance(right, sympy.Tuple) != isinstance(left, sympy.Tuple):  # 0.4 \\times [0.55, 0.6]: each entry
                number, entries = (left, right) if isinstance(right, sympy.Tuple) else (right, left)
                return sympy.Tuple(*(number * entry for entry in entries))
            if op == "*":
                return left * right
            if op == "/":
                return left / right
            if op == "odot":
                both = isinstance(left, (sympy.MatrixExpr, sympy.MatrixBase)) and isinstance(right, (sympy.MatrixExpr, sympy.MatrixBase))
                return sympy.hadamard_product(left, right) if both else left * right
            if op == "outer":  # u \otimes v for vectors: the outer product u v^T
                return left * right.T if matrices.is_matrix(left) and matrices.is_matrix(right) else left * right
        except (sympy.ShapeError, TypeError, ValueError) as error:
            if op == "+" and "Mix of Matrix and Scalar" in str(error):
                array = left if matrices.is_matrix(left) else right
                names = tuple(sorted(str(s) for s in array.free_symbols if isinstance(s, sympy.MatrixSymbol)))
                plain = self.error(f"a vector or matrix (of {', '.join(names[:4]) or 'a matrix'}) is added to a number here: see what each "
                                   "name is read as (proof --notation), or declare it (x \\in \\mathbb{R}^n)", token)
                raise ArrayBesideNumber(plain.message, plain.text, plain.position, names) from None
            if isinstance(error, sympy.ShapeError) and matrices.is_matrix(left) and matrices.is_matrix(right):
                (r1, c1), (r2, c2) = left.shape, right.shape
                raise self.error(f"a {r1} x {c1} and a {r2} x {c2} matrix: their shapes do not fit this {OPERATION_NAMES.get(op, op)} "
                                 "(a convolution, if * means one here, is not read)", token) from None
            raise self.error(f"these cannot be combined: {' '.join(str(error).split())}", token) from None
        raise AssertionError(op)

    def _lists_combined(self, left: sympy.Tuple, right: sympy.Tuple, op: str, token: Token | None):
        """Two lists of numbers in a write-up, as numpy prints vectors: [0.1, 0.7] - [0, 1] and [1, 2] \\odot [3, 4] entry by
        entry, [2, 2] \\otimes [1, 3] the outer product (a matrix). Lists of other lengths, or multiplied otherwise, are not read."""
        nested = any(isinstance(entry, (sympy.Tuple, sympy.MatrixBase, sympy.MatrixExpr)) for entry in (*left, *right))
        if op == "outer" and not nested:
            return sympy.ImmutableMatrix(len(left), len(right), [a * b for a in left for b in right])
        if op in ("+", "odot") and len(left) == len(right) and not nested:
            return sympy.Tuple(*((a + b) if op == "+" else a * b for a, b in zip(left, right)))
        raise self.error("two lists are added or subtracted (as long as each other), multiplied entry by entry with \\odot, "
                         "or by \\otimes; for a dot product write it out (or as u^T v)", token)

    def _broadcast(self, number, matrix):
        """1 - \\sigma(\\mathbf{z}): a number added to a vector or matrix is added to every entry (read as
        1 \\mathbf{1} - \\sigma(\\mathbf{z})), and an answer's reading says so (a write-up's elementwise formula means it)."""
        spread = _number_spread(number, matrix)
        if spread is not number and not self.context.document:
            self.notes.append(f"read the number {sympy.sstr(number)} beside a vector or matrix as that number in every entry")
        return spread

    def term(self, stop_at_function: bool = False):
        """Factors joined by \\cdot, \\times, *, /, \\odot or written side by side."""
        value = self.signed_factor()
        while True:
            token = self.peek()
            if stop_at_function and self.context.document and (token.is_("symbol", "*") or token.is_("command", "times", "cdot")):
                return value  # \cos v_0 \times \dot{v}_0: an explicit product ends a function's bare argument
            if token.is_("symbol", "*") or (token.kind == "command" and token.text in dialect.PRODUCTS):
                self.take()
                op = _PRODUCT_OPS.get(token.text, "*")
                right = self.signed_factor()
                if op == "odot" and matrices.is_matrix(value):  # a \odot W^T \delta: the product side by side binds first
                    while self._starts_factor(self.peek(), stop_at_function):
                        following = self.peek()
                        right = self._combine(right, self.factor(), "*", following)
                value = self._combine(value, right, op, token)
            elif token.is_("symbol", "/") or token.is_("command", "div"):
                self.take()
                right = self.signed_factor()
                if self._known(right) == 0:
                    raise self.error("division by zero", token)
                value = self._combine(value, right, "/", token)
            elif token.kind == "command" and token.text in dialect.BINARY_OPERATORS:  # 7 \\bmod 3
                self.take()
                value = _binary_operator(self, token, value, self.signed_factor())
            elif self._operator_in_words(token):  # 7 \\text{ mod } 3, 7 \\operatorname{mod} 3: the operator, named in words
                word, width = self._word_at()
                self.position += width
                value = dialect.BINARY_OPERATORS[word](value, self.signed_factor())
            elif self._starts_factor(token, stop_at_function):
                value = self._combine(value, self.factor(), "*", token)
            elif self._period_product_ahead(token) and self.peek(1).is_("letter", "T") and self.peek(2).kind != "letter" \
                    and not self.peek(2).is_("symbol", "_", "^", "("):
                raise self.error("x.T is numpy's transpose, not a product: write x^T (or x^\\top) in the maths", token)
            elif self._period_product_ahead(token):
                self.take()  # p_j.p_i: a write-up's period between two factors is a product dot
                value = self._combine(value, self.factor(), "*", token)
            else:
                return value

    def _period_product_ahead(self, token: Token) -> bool:
        """p_j.p_i, \\eta . \\delta_n, (0.3) . (0.5), (\\hat y - y).V.\\frac{\\partial s}{\\partial W}: a period typed tight or spaced
        alike on both sides, before a factor."""
        following = self.peek(1)
        opens = following.kind == "command" and following.text in _PERIOD_FACTORS - dialect.GREEK  # V.\n\\sum_j ...: a line broken after it
        return self.context.document and token.is_("symbol", ".") and (following.space_before == token.space_before or opens and not token.space_before) \
            and (following.kind == "letter" or following.kind == "command" and following.text in _PERIOD_FACTORS or following.is_("symbol", "("))

    def signed_factor(self):
        if self.at("symbol", "-"):
            self.take()
            return self._negate(self.signed_factor())
        if self.at("symbol", "+"):
            self.take()
        return self.factor()

    def _starts_factor(self, token: Token, stop_at_function: bool) -> bool:
        if token.kind in ("number", "letter"):
            if self.integrals and token.is_("letter", "d") and self._differential_ahead():
                return False
            return not (stop_at_function and token.kind == "letter" and self.context.function(token.text) is not None and self.at("symbol", "(", ahead=1))
        if token.kind == "symbol":
            if token.text == "|":
                return self.absolute == 0 and not (token is self.peek() and self._bar_with_point_ahead())
            return token.text in "([{" and not (token is self.peek() and self._signed_group_ahead())
        if token.kind == "command":
            if token.text == "text" and token is self.peek() and self._text_names_function():
                return not stop_at_function  # \\text{ln}\\frac{2M}{\\delta}: a function's name in upright letters
            if token.text in _STOP_COMMANDS or token.text in dialect.RELATIONS or token.text in dialect.PRODUCTS:
                return False
            if token.text in ("div", "over") or token.text == "|" and self.norms:
                return False
            if token.text in ("mathrm", "text", "operatorname") and self.integrals and self._differential_ahead():
                return False
            if stop_at_function and token.text == "exp" and self.log_argument:
                return True  # \\log \\frac{1}{\\sigma\\sqrt{2\\pi}} \\exp(-...): the log of the density, as e^{-...} would be
            if stop_at_function and (token.text in dialect.FUNCTIONS or token.text in dialect.VARIADIC or token.text in ("sum", "prod", "int", "lim")):
                return False
            return True
        return False

    def _text_names_function(self) -> bool:
        """\\text{..} here holds only the name of a function of the dialect (\\text{ln}, \\text{exp}), read as
        _operator_name will read it."""
        saved = self.position
        try:
            self.take()
            return self.at("symbol", "{") and self._word() in dialect.FUNCTIONS
        except LatexError:
            return False
        finally:
            self.position = saved

    # --- powers and postfix marks

    def factor(self):
        """An atom with its superscripts, primes and factorials."""
        start = self.position
        value = self.atom()
        sign = 1
        if self.context.document and self.at("symbol", "^") and self.tokens[start].is_("symbol", "{") and self.tokens[start + 1].is_("symbol", "-"):
            value, sign = -value, -1  # { -e }^{ -x }: the page shows -e^{-x}, the minus before the power, as the author means
        while True:
            if self.at("symbol", "^") and self._log_of_a_power(start, value):
                caret = self.take()  # \\log(1-p)^{1-y} in a write-up: the log of the power (a likelihood's factor)
                value = sympy.log(self._power(value.args[0], self.script(), caret))
            elif self.at("symbol", "^"):
                value = self._superscript(value)
            elif self.at("symbol", "!"):  # (x != 3, typed together, is \\ne: the lexer says so)
                token = self.take()
                value = self._factorial(value, token)
            elif self.at("command", "%") or self.at("symbol", "%"):
                percent = self.take()
                following = self.peek()
                if following.kind in ("number", "letter") or following.is_("symbol", "("):
                    raise self.error("a percentage ends its factor: write 10\\% \\cdot 3 (here % is not a remainder)", percent)
                value = value / 100  # 10\\% is 0.1
            elif self.at("symbol", "_") and isinstance(value, sympy.Symbol):
                token = self.peek()
                value = self.resolve(value.name, self.subscript(), token)  # {x}_{i}, as sympy prints it
            elif self.at("symbol", "_") and self.context.document and self._opens_bracket(start):
                token = self.peek()
                value = self._entry_of(value, self.subscript(), token)
            elif self.at("symbol", "'") and self._opens_bracket(start) and self._closes_bracket():
                value = self._primed_bracket(value)
            elif self.context.document and self._opens_bracket(start) and self._closes_bracket() and self._lost_raise():
                value = self._power(value, sympy.Integer(self.take().text), self.tokens[self.position - 1])
            else:
                return sign * value

    def _lost_raise(self) -> bool:
        """(t1 - a_o1)2 in a write-up: a 2 or 3 typed against the bracket it follows, and nothing typed against it after,
        is a power whose raise was lost (copied from a rendered page); a product would be written 2(t1 - a_o1)."""
        digit, following = self.peek(), self.peek(1)
        return digit.kind == "number" and digit.text in ("2", "3") and not digit.space_before and \
            (following.kind == "end" or following.space_before or following.is_("symbol", "+", "-", "=", ")", "]", ",", ";", "*", "/"))

    def _closes_bracket(self) -> bool:
        before = self.tokens[self.position - 1] if self.position else None
        return before is not None and (before.is_("symbol", ")", "]") or before.is_("command", "}", "right") or before.is_("command", "bigr", "Bigr", "big", "Big"))

    def _primed_bracket(self, value):
        """(\\frac{1}{1+e^{-x}})', [e^{-z}]': the derivative of what the brackets hold in its one variable."""
        token = self.peek()
        order = 0
        while self.at("symbol", "'"):
            self.take()
            order += 1
        variables = [s for s in getattr(value, "free_symbols", ()) if isinstance(s, sympy.Symbol) and s not in self.bound]
        if matrices.is_matrix(value):
            raise self.error("a prime after a matrix in brackets is not read: write ^T for its transpose, or \\frac{d}{dx}(...) for a derivative", token)
        if variables and self.context.document and all(self._written_primed(v.name) for v in variables):
            return self._formal_derivative(value, variables, order)
        if len(variables) != 1:
            raise self.error("a prime after brackets differentiates what they hold in its one variable; with "
                             f"{'none' if not variables else 'several'} here, write \\frac{{d}}{{dx}}(...)", token)
        return sympy.Derivative(value, (variables[0], order))

    def _written_primed(self, name: str) -> bool:
        """The write-up writes the single letter `name` with a prime of its own (f' in (fg)' = f'g + fg')."""
        return name in self.context.primed and name not in self.context.functions  # f(x) = x^2 given: f'g may be f'(g)

    def _formal_derivative(self, value, variables: list, order: int):
        """(fg)' = f'g + fg', (u/v)': letters written primed on their own are functions of one unnamed variable, and
        f' is f's derivative; the brackets' derivative is written in those same primed names."""
        t = sympy.Dummy("t")
        as_functions = {v: sympy.Function(v.name)(t) for v in variables}
        derivative = sympy.diff(value.subs(as_functions), t, order)
        for v, function in as_functions.items():
            for k in range(order, 0, -1):
                derivative = derivative.subs(sympy.Derivative(function, (t, k)), self.context.symbol(v.name + "'" * k))
        return derivative.subs({function: v for v, function in as_functions.items()})

    def _opens_bracket(self, at: int) -> bool:
        first = self.tokens[at]
        return first.is_("symbol", "(", "[") or first.kind == "command" and first.text in ("{", "left", "big", "Big", "bigg", "Bigg", "bigl", "Bigl")

    def _entry_of(self, value, subscript: "Subscript", token: Token):
        """(W^T v + a)_i, [\\hat y - y]_b in a write-up: entry i of what the brackets hold. Of a vector expression, its
        i-th entry (counting from 1); of an expression in the write-up's vectors, each vector's entry i, as \\hat y_b
        reads (a number in it stays)."""
        if matrices.is_matrix(value):
            if 1 not in value.shape:
                row_column = subscript.indices(two=True)
                if len(row_column) != 2:
                    raise self.error("one index takes an entry of a vector; a matrix's entry needs two: (A)_{ij}", token)
                return value[row_column[0] - 1, row_column[1] - 1]  # (G \\circ Y)_{ij}: the entry in row i, column j
            index = subscript.value() - 1
            return value[index, 0] if value.shape[1] == 1 else value[0, index]
        if not isinstance(value, sympy.Basic):
            raise self.error("only a vector's entry can be taken with a subscript here", token)
        names = [s for s in value.free_symbols if isinstance(s, sympy.Symbol) and s not in self.bound]
        vectors = [s for s in names if s.name in self.context.vectors] or names  # none known: the brackets say they are
        if not vectors:
            raise self.error("a subscript after brackets takes an entry of a vector, but nothing in them is one", token)
        return value.xreplace({s: self.resolve(s.name, subscript, token) for s in vectors})

    def _log_of_a_power(self, start: int, value) -> bool:
        """\\log(1-p)^{1-y}: a write-up's log of a bracket raised to a power that is not a number is the log of the
        power (a symbolic power of a logarithm is rare; of a likelihood's factor, usual); (\\log x)^2 and
        \\log(x)^2 keep TeX's reading."""
        if not (self.context.document and isinstance(value, sympy.log) and self.tokens[start].is_("command", "log", "ln")):
            return False
        if not (self.tokens[start + 1].is_("symbol", "(") or self.tokens[start + 1].is_("command", "left")):
            return False
        return not self._number_power_ahead()

    def _superscript(self, base):
        caret = self.take()
        if self._transpose_ahead() and not (self.at("letter", "T") and "T" in self.context.symbols and not isinstance(base, sympy.MatrixExpr)):
            self._skip_transpose()
            if isinstance(base, sympy.Tuple) and self.context.document:
                return sympy.ImmutableMatrix(len(base), 1, list(base))  # [1, 1]^T: a column vector
            if self.context.document and _of_one_by_ones(base, self.context.matrices):
                return base  # (x^*)^T where the write-up's shapes make x^* 1 x 1: its transpose is itself
            if not isinstance(base, (sympy.MatrixExpr, sympy.MatrixBase)) and self.context.document and base.free_symbols:
                self.notes.append("^T of what reads as a number here (its names' shapes unknown) read as that number")
                return base  # [\phi(w^T x) - y]^T where nothing says \phi gives a vector: a number's transpose is itself
            if not isinstance(base, (sympy.MatrixExpr, sympy.MatrixBase)):
                raise self.error("^T transposes a matrix, but what stands before it is a number or scalar", caret)
            return base.T
        if self.at("command", "prime"):
            raise self.error("write a derivative with a prime directly after the function name: f'(x)")
        if _degrees_ahead(self):
            return self._combine(base, dialect.DEGREE, "*", caret)
        if self.at("symbol", "-") and not self.peek(1).space_before and self.peek(1).kind in ("letter", "number"):
            exponent = self._student_exponent()  # e^-ax: the student means e^{-ax}
        else:
            exponent = self.script()
        if isinstance(base, (sympy.MatrixExpr, sympy.MatrixBase)):
            if exponent == -1:
                return base.inverse() if isinstance(base, sympy.MatrixBase) else sympy.Inverse(base)
            if isinstance(-exponent, sympy.Symbol) and (-exponent).name == "T":  # A^{-T}: the inverse's transpose
                return (base.inverse() if isinstance(base, sympy.MatrixBase) else sympy.Inverse(base)).T
            if exponent.is_Integer and exponent > 0:
                return base**exponent
            if isinstance(exponent, sympy.Symbol) and exponent.name in self.context.counters:
                return base ** sympy.Symbol(exponent.name, integer=True, positive=True)  # (I - \alpha H)^t: t steps
            if self.context.document and isinstance(exponent, sympy.Symbol) and exponent.name == "t":
                self.notes.append("^t of a vector or matrix read as its transpose")
                return base.T  # W^t, \\mathbf{a}^t: a transpose as many texts write it (a matrix has no power t)
            if self.context.document and isinstance(exponent, sympy.Symbol) and len(exponent.name) == 1 and isinstance(base, sympy.MatrixExpr) \
                    and not isinstance(base, sympy.MatrixBase) and 1 in base.shape and base.shape != (1, 1):
                self.notes.append(f"^{exponent} of a vector read as its entry {exponent}")
                return base[exponent - 1, 0] if base.shape[1] == 1 else base[0, exponent - 1]  # z_1^m: no vector has a power m
            raise self.error("a matrix can be raised only to a whole power, transposed (^T) or inverted (^{-1})", caret)
        return self._power(base, exponent, caret)

    def _student_exponent(self):
        """e^-ax (no braces): TeX would raise e to '-' alone; students mean the whole run -ax."""
        self.take()
        first = self.position
        factors = [self.atom()]
        while self.peek().kind in ("letter", "number") and not self.peek().space_before:
            if self.integrals and self._differential_ahead():
                break
            factors.append(self.atom())
        written = "".join(t.text for t in self.tokens[first : self.position])
        self.notes.append(f"^-{written} read as ^{{-{written}}}")
        return -sympy.Mul(*factors)

    def _ones_beside(self, token: Token) -> bool:
        """A write-up's bold 1 after a bracket, or before a bold 1 transposed: (G \\circ Y)\\mathbf{1}\\mathbf{1}^\\top sums
        rows and spreads them back, the ones vector both times (a number 1 is not written after a bracket, nor 1 1^T)."""
        at = self.tokens.index(token, 0, self.position)
        before = self.tokens[at - 1] if at else None
        ahead = [self.peek(n) for n in range(4)]
        ones_next = ahead[0].is_("command", "mathbf", "bm", "boldsymbol") and ahead[1].is_("symbol", "{") and ahead[2].is_("number", "1") and ahead[3].is_("symbol", "}")
        if ones_next:
            self.position += 4
            try:
                ones_next = self._transposed_next()
            finally:
                self.position -= 4
        return ones_next or before is not None and before.is_("symbol", ")")

    def _alone_in_brackets_ahead(self, name: str) -> bool:
        """The brackets right after this name hold the name itself, alone (not applied): σ(1 - σ)."""
        if not self.at("symbol", "("):
            return False
        inside, braces = [], 0
        for token in self.tokens[self.position + 1: self._close_at(self.position, "(", ")")]:  # outside scripts and groups: w_{1:L} holds no L of its own
            braces += token.is_("symbol", "{") - token.is_("symbol", "}")
            inside.append(token if braces == 0 and not token.is_("symbol", "}") else Token("symbol", "{", token.position))
        return bool(inside) and bool(_values_named([*inside, Token("end", "", 0)], {name}))

    def _transposed_next(self) -> bool:
        """^T, ^\\top or ^{\\top} comes next: what stands here is a vector or matrix (a write-up's \\mathbf{1}^\\top)."""
        if not self.at("symbol", "^"):
            return False
        self.position += 1
        try:
            return self._transpose_ahead()
        finally:
            self.position -= 1

    def _transpose_ahead(self) -> bool:
        token = self.peek()
        if token.is_("letter", "T") or token.is_("command", "top", "intercal", "mathsf", "sf", "rm"):
            return not token.is_("command", "mathsf", "sf", "rm") or self._braced_letter_is_t(1)
        if token.is_("symbol", "{"):
            inner = self.peek(1)
            if inner.is_("letter", "T") and self.at("symbol", "}", ahead=2):
                return True
            if inner.is_("command", "top", "intercal") and self.at("symbol", "}", ahead=2):
                return True
            if inner.is_("command", "mathsf", "mathrm", "sf", "rm"):
                return self._braced_letter_is_t(2)
        return False

    def _braced_letter_is_t(self, ahead: int) -> bool:
        return (self.at("symbol", "{", ahead=ahead) and self.at("letter", "T", ahead=ahead + 1) and self.at("symbol", "}", ahead=ahead + 2)) or self.at("letter", "T", ahead=ahead)

    def _skip_transpose(self) -> None:
        braced = self.at("symbol", "{")
        if braced:
            self.take()
        token = self.take()
        if token.is_("command", "mathsf", "mathrm", "sf", "rm"):
            if self.at("symbol", "{"):
                self.take(), self.take(), self.take()
            else:
                self.take()
        if braced:
            self.expect("symbol", "}", "expected '}' after the transpose mark")

    def script(self):
        """What ^ or _ carries: a braced group, or TeX's single token (a whole number, as students mean)."""
        token = self.peek()
        if token.is_("symbol", "{"):
            return self.braced()
        if token.kind == "number":
            self.take()
            return self._number(token)
        if token.kind == "letter":
            return self.atom()
        if token.kind == "command":
            if token.text in ("frac", "dfrac", "tfrac", "sqrt") or token.text in dialect.GREEK or token.text in dialect.CONSTANTS:
                return self.atom()
            if token.text in dialect.FONTS or token.text in dialect.DECORATIONS:
                return self.atom()
        if token.is_("symbol", "("):
            return self.atom()
        if token.is_("symbol", "+", "-") and self.peek(1).kind in ("number", "letter"):
            sign = -1 if self.take().text == "-" else 1
            return sign * self.script()
        raise self.error("a superscript or subscript needs a value: write ^{...}")

    def _power(self, base, exponent, token: Token):
        if isinstance(exponent, sympy.Tuple) or isinstance(base, sympy.Tuple):
            raise self.error("a list cannot be raised to a power", token)
        known_base, known_exponent = self._known(base), self._known(exponent)
        if known_base.is_number and known_exponent.is_number and _digits_of_power(known_base, known_exponent) > MAX_DIGITS:
            raise self.error(f"a number in this answer has more than {MAX_DIGITS:,} digits; it is not evaluated", token)
        if base == 0 and exponent.is_number and exponent.is_negative:
            raise self.error("division by zero: 0 to a negative power", token)
        return sympy.Pow(base, exponent)

    def _factorial(self, value, token: Token):
        value = self._known(value)
        if value.is_number and (not value.is_integer or value.is_negative):
            raise self.error("a factorial needs a whole number that is not negative", token)
        if value.is_number and _number_digits(value) > 5:
            raise self.error(f"a number in this answer has more than {MAX_DIGITS:,} digits; it is not evaluated", token)
        return sympy.factorial(value)

    # --- atoms

    def atom(self):
        with self.nested():
            token = self.peek()
            if token.kind == "number":
                self.take()
                return self._after_number(token)
            if token.kind == "letter":
                self.take()
                return self.name(token.text, token)
            if token.kind == "symbol":
                return self._bracketed(token)
            if token.kind == "command":
                return self.command(token)
            if token.kind == "end":
                raise self.error("the answer ends too early: something is missing here")
            raise self.error(self._leftover_message(token))

    def _number(self, token: Token):
        if len(token.text) > MAX_DIGITS:
            raise self.error(f"a number in this answer has more than {MAX_DIGITS:,} digits; it is not evaluated", token)
        value = sympy.Rational(token.text) if "." in token.text else sympy.Integer(token.text)
        if self.context.decimals and ("." in token.text or self._mantissa_ahead()):
            places = len(token.text.split(".")[1]) if "." in token.text else 0
            placeholder = sympy.Dummy(f"decimal{len(self.decimals)}", real=True, positive=bool(value > 0), zero=bool(value == 0))
            self.decimals.append((placeholder, value, places, token.text))
            return placeholder
        return value

    def _mantissa_ahead(self) -> bool:
        """A whole number written before \\times 10^k (6 \\times 10^{-4}, 6e-4): a mantissa, rounded to its figures."""
        return self.at("command", "times", "cdot") and self.at("number", "10", ahead=1) and self.at("symbol", "^", ahead=2)

    def _known(self, value):
        """A value with the write-up's decimal placeholders put back, for the checks that need the number itself."""
        if not self.decimals or not isinstance(value, sympy.Basic):
            return value
        return value.xreplace({placeholder: exact for placeholder, exact, _, _ in self.decimals})

    def _after_number(self, token: Token):
        value = self._number(token)
        if value == 1 and (self.at("command", "{") or (self.at("symbol", "_") and self.at("symbol", "{", ahead=1)) or self._condition_in_brackets()):
            return self.indicator(token)
        return value

    def _condition_in_brackets(self) -> bool:
        """1[k = i], 1(x > 0), I(z \\ge 0) (Iverson's bracket, typed): a bracket after the indicator's mark that holds a
        relation is an indicator, not a product or an application."""
        opener = self.peek()
        if not opener.is_("symbol", "[", "("):
            return False
        try:
            end = self.matching(opener.text, "]" if opener.text == "[" else ")", "symbol")
        except LatexError:
            return False
        return any(_is_relation(t) for t in self.tokens[self.position + 1 : end])

    def indicator(self, token: Token):
        """1\\{k=i\\}, 1_{k=i}, \\mathbb{1}[k=i]: 1 when the two indices are equal, else 0 (Kronecker's delta);
        1_{x>0}, \\mathbb{1}[x \\geq 0], 1\\{k \\neq i\\}: 1 where the relation holds, else 0."""
        if self.at("symbol", "_"):
            self.take()
        opener = self.peek()
        closer = {"[": "]", "(": ")"}.get(opener.text) if opener.kind == "symbol" else None
        end = self.matching(opener.text, closer, "symbol") if closer else self.matching("{", "}", opener.kind)
        self.take()
        with self.bounded(end):
            if self.at("command", "{"):
                self.take()
            left = self.expression()
            if not self._relation_ahead():
                raise self.error("an indicator holds a condition: 1\\{k=i\\}, 1_{x>0}")
            relation = self._take_relation()
            right = self.expression()
            if self.at("command", "}"):
                self.take()
            if self.peek().kind != "end":
                raise self.error("an indicator holds one condition: 1\\{k=i\\}, 1_{x>0}")
        self.position = end + 1
        if relation in ("==", "!="):
            delta = sympy.KroneckerDelta(left, right)
            return delta if relation == "==" else 1 - delta
        if relation == "approx":
            raise self.error("an indicator's condition is exact: = or an inequality, not \\approx", token)
        return sympy.Piecewise((1, sympy.Rel(left, right, relation)), (0, True))

    def _bracketed(self, token: Token):
        if token.text == "(" or token.text == "[":
            value = self.group(token.text, ")" if token.text == "(" else "]")
            return self._positive_part(value) if token.text == "(" else value
        if token.text == "{":
            depth = 1
            while self.at("symbol", "{", ahead=depth):
                depth += 1
            named = self.peek(depth)
            if named.kind == "command" and (named.text in dialect.FUNCTIONS or named.text in self.context.functions) and named.text != "log" \
                    and all(self.at("symbol", "}", ahead=depth + n) for n in range(1, depth + 1)):
                start = self.position
                self.position += 2 * depth + 1  # {\\rm{softplus}}(x): braces around a function's name alone group nothing
                if self._argument_ahead():
                    function = self.context.function(named.text) or dialect.FUNCTIONS[named.text]
                    return self.apply(function, "\\" + named.text, named)
                self.position = start  # {\\sigma} alone: a name in braces
            return self.braced()
        if token.text == "|":
            return self.absolute_value()
        if token.text == "'":
            raise self.error("a prime belongs right after a function's name: f'(x)")
        raise self.error(self._leftover_message(token))

    def _positive_part(self, value):
        """(z)_+ and (z)_{+}: the positive part, max(z, 0)."""
        plain = self.at("symbol", "_") and self.at("symbol", "+", ahead=1)
        braced = self.at("symbol", "_") and self.at("symbol", "{", ahead=1) and self.at("symbol", "+", ahead=2) and self.at("symbol", "}", ahead=3)
        if not (plain or braced) or isinstance(value, sympy.Tuple):
            return value
        self.position += 2 if plain else 4
        return sympy.Max(value, 0)

    def group(self, opener: str, closer: str):
        """( .. ) or [ .. ]: one expression, or a list when commas separate entries."""
        start = self.take()
        value = self._entries()
        if not self.at("symbol", closer):
            if self.at("symbol", ")", "]"):
                raise self.error(f"'{opener}' opened here is closed by '{self.peek().text}'", start)
            raise self.error(f"'{opener}' is never closed" if self.peek().kind == "end" else self._leftover_message(self.peek()), start if self.peek().kind == "end" else None)
        self.take()
        return value

    def _entries(self):
        """One expression, or a list (a sympy Tuple) when commas separate entries: (1, 2, 5); in a write-up
        (p_1, p_2, \\dots, p_K) is the vector of the pattern (see _pattern_vector)."""
        entries = [self.expression()]
        gap = None
        while self.at("symbol", ",") or self.context.document and self.at("symbol", ";"):  # J(W, b; x, y): parameters; data
            separator = self.take().text
            if self.context.document and gap is None and self.at("command", *_VECTOR_ELLIPSES) and self.at("symbol", separator, ahead=1):
                gap = (len(entries), self.take(), separator)
                continue
            entries.append(self.expression())
        if gap is not None:  # [x_1; x_2; \cdots; x_D] (semicolons, as a textbook and MATLAB write it) is a column
            return _pattern_vector(entries, gap[0], self, gap[1], column=gap[2] == ";")
        return entries[0] if len(entries) == 1 else sympy.Tuple(*entries)

    def braced(self):
        """{ .. }: TeX's grouping, and {a \\over b}."""
        start = self.take()
        if self.at("symbol", "}"):
            raise self.error("empty braces {}: something is missing", start)
        value = self.expression()
        if self.peek().kind == "command" and self.peek().text in dialect.GENERALISED_FRACTIONS:  # {a \\over b}, {n \\choose k}
            operator = dialect.GENERALISED_FRACTIONS[self.take().text]
            value = operator(value, self.expression())
        if self._relation_ahead():
            raise self.error("a relation inside braces: write it outside")
        if not self.at("symbol", "}"):
            raise self.error("'{' is never closed" if self.peek().kind == "end" else self._leftover_message(self.peek()), start if self.peek().kind == "end" else None)
        self.take()
        return value

    def absolute_value(self):
        if self.at("symbol", "|", ahead=1) and not self.peek(1).space_before:
            return self._double_bar()
        start = self.take()
        self.absolute += 1
        try:
            value = self.expression()
        finally:
            self.absolute -= 1
        if not self.at("symbol", "|"):
            raise self.error("'|' is never closed: write |x|", start)
        self.take()
        return self._abs(value)

    def _double_bar(self):
        """||x||, ||Xw - t||_2^2: a norm typed with two bars."""
        start = self.take()
        self.take()
        self.absolute += 1
        try:
            value = self.expression()
        finally:
            self.absolute -= 1
        if not (self.at("symbol", "|") and self.at("symbol", "|", ahead=1)):
            raise self.error("'||' is never closed: write ||x||", start)
        self.take(), self.take()
        norm = self._norm(value)
        self._norm_index(value, start)  # ||v||_2
        if self.at("symbol", "^"):
            caret = self.take()
            norm = self._power(norm, self.script(), caret)
            self._norm_index(value, start)  # ||v||^2_2, ||A||^2_F
        return norm

    def _norm_index(self, value, opener: Token) -> None:
        """The subscript a norm may carry: _2 for a vector's length, _F for a matrix's Frobenius norm (what `_norm` works
        out); any other (_1, a matrix's _2, the spectral norm) is refused rather than read as that one."""
        if not self.at("symbol", "_"):
            return
        underscore = self.peek()
        index = self.subscript().raw
        matrix = isinstance(value, sympy.MatrixExpr) and 1 not in value.shape
        if index == ("F" if matrix else "2") or index == "2" and isinstance(value, sympy.MatrixExpr) and not matrix:
            return
        kind = "a matrix" if matrix else "a vector"
        raise self.error(f"the norm _{index} of {kind} is not read: only a vector's 2-norm \\|v\\|_2 and a matrix's Frobenius norm "
                         "\\|A\\|_F are", underscore)

    def _abs(self, value):
        if self.context.document and isinstance(value, sympy.MatrixExpr) and 1 not in value.shape:
            return sympy.Determinant(value)  # |A|, \\vert \\Sigma \\vert of a square matrix: its determinant
        return self._norm(value) if isinstance(value, sympy.Tuple) else sympy.Abs(value)  # |(3, 4)| is a length

    # --- names: letters, greek, decorated, subscripted

    def name(self, base: str, token: Token, decorated: bool = False):
        """A letter or a greek name, with what follows it: a subscript, a layer (n), primes, an argument."""
        euler = base == "e" and self.at("symbol", "^") and not self._number_power_ahead(whole=True)  # e^{-0.9} beside a name e = \hat y - y
        named = base in self.context.symbols or base in self.context.words  # e = \hat y - y: the write-up's name e
        if not decorated and base in dialect.CONSTANTS and (not named or euler) and not self.at("symbol", "_"):
            return dialect.CONSTANTS[base]
        if base == "I" and not decorated and self._condition_in_brackets():
            return self.indicator(token)  # I(z \\ge 0), I[u > 0]: the indicator of the condition, not I applied to it
        if base == "Delta" and self.context.document and not decorated:
            increment = self._increment_of()
            if increment:  # \Delta x, \Delta{x}, \Delta W: the increment of x, one name (h in f(x + h))
                base = f"\\Delta {increment}"
        self._subscript_first()
        layer = self._layer_mark(brackets=self.at("symbol", "_", ahead=6))
        subscript = self._name_subscript() if self.at("symbol", "_") else None
        layer = layer or self._layer_mark(brackets=subscript is not None)
        if subscript is None and layer and self.at("symbol", "_"):
            subscript = self._name_subscript()
        if subscript is None and self.context.document and self._digits_typed_after(base):
            subscript = Subscript((self.take(),), self)  # z1, w5: a letter and its digits typed together, z_1
        if subscript is None and base == "delta" and self.context.document and self._index_pair_braced():
            end = self.matching("{", "}")  # \delta{ik}: the Kronecker delta with its _ left out (TeX shows delta ik)
            subscript, self.position = Subscript(tuple(self.tokens[self.position + 1:end]), self), end + 1
        mark = self._update_mark() if self.context.document else ""
        if mark and subscript is None and self.at("symbol", "_"):
            subscript = self._name_subscript()  # W^{sig}_1 is W_1^{sig}, one name however the scripts are ordered
        if self.context.document and not decorated and subscript is None and self._entry_named_ahead():
            return self._entry_named(base)  # F'(1,1): a feature map's entry, as the write-up names it
        if self.context.document and not decorated and subscript is None and self.at("symbol", "[") and (base[:1].isupper() or base in ("Var", "Cov", "var", "cov")) and base not in self.context.matrices:
            return self._written_application(base, token)  # E[x], Var[x]: an expectation, a variance
        if self.context.document and not decorated and self._condition_in_brackets_ahead():
            return self._written_application(plain_name(f"{base}_{{{subscript.raw}}}") if subscript is not None else base, token)  # p(y = 1 | x)
        function = None if (decorated or layer or subscript is not None) else self.context.function(base)
        greek = base in dialect.GREEK and base not in FREE_FUNCTION_NAMES  # \\eta(v_1 + v_2) is \\eta times a sum
        written = plain_name(f"{base}_{{{subscript.raw}}}") if subscript is not None else base
        matrix = written in self.context.matrices  # W_2(W_1 x + b_1) with W_2 a matrix: a product
        if subscript is not None and written in self.context.functions and self._application_ahead(token):
            function = self.context.functions[written]  # f_1(x) the write-up defined
        elif function is None and self.context.free and not decorated and not greek and not matrix and self._unknown_function_ahead(base, subscript is not None):
            function = sympy.Function(f"{written}^({layer})" if layer else written)  # f(x), \\varphi_1(z), \\phi^{(1)}(z): unknown functions, each its own
        if function is not None and base in self.values_named and base not in self.context.own_variable:
            function = None  # \sigma(1 - \sigma) where the write-up said \sigma = \sigma(w^T x): the value times a bracket
        elif function is not None and self.context.document and self._alone_in_brackets_ahead(base):
            function = None  # σ - σ^2 = σ(1 - σ): a name alone inside the brackets after it is a value there, and so is it
        if function is not None and base in self.values_named and not self._applied_to_its_variable(base):
            self.notes.append(f"read {base} written alone as {base}({self.context.own_variable[base]})")
            return function(self.context.own_variable[base])  # \varphi(1 - \varphi): the value times a bracket, as students write it
        if function is not None and self._application_ahead(token):
            saved = self.position
            try:
                return self.apply(function, base, token)
            except _NoArgument:
                self.position = saved  # \sigma^2 with nothing to apply it to: the name itself
        key = f"{base}^({layer})" if layer else base
        if layer and subscript is None and not mark and base in self.context.samples and base in self.context.vectors and key not in self.context.vectors:
            return self._sample_entry(base, layer)
        if mark:  # w^{new}, w_6^{+}: a new value's name, never a power
            full = (plain_name(f"{key}_{{{subscript.raw}}}") if subscript is not None else plain_name(key)) + f"^{{{mark}}}"
            if full in self.context.matrices and not self.at("symbol", "'"):
                return self._layer_transpose(self.context.matrices[full], full, token)  # a^{(l-1)}, W^{new}: an array the notation shaped
            return self._layer_transpose(self._primed(full), full, token)
        if subscript is not None and self.at("symbol", "'"):
            return self._primed(plain_name(f"{key}_{{{subscript.raw}}}"))
        value = self._layer_transpose(self.resolve(key, subscript, token), key, token)
        if self.at("symbol", "'") and isinstance(value, sympy.Symbol):
            primes = 0
            while self.at("symbol", "'"):
                self.take()
                primes += 1
            if self.context.document and subscript is None and self.at("symbol", "_"):
                return self._primed(plain_name(f"{key}_{{{self._name_subscript().raw}}}"), primes)  # y'_k is y_k'
            value = self.context.symbol(value.name + "'" * primes)
        if isinstance(value, IndexedFunction):
            if self.at("symbol", "(") or self.at("command", "left"):
                return self.apply(value, base, token)
            if self.context.document:
                return self.context.symbol(key)  # a write-up's S alone (a stride, a size) is a name, not the softmax
            return value.build(sympy.Symbol(_vector_name(self.context)), self.context.index)
        return value

    def _number_power_ahead(self, whole: bool = False) -> bool:
        """At a ^: a power that is a number, ^2 or ^{0.5} (with `whole`, a whole number: a name e's e^2, not Euler's
        e^{-z} or e^{0.9})."""
        ahead = [self.peek(n) for n in range(1, 4)]
        number = lambda token: token.kind == "number" and (not whole or token.text.isdigit())  # noqa: E731
        return number(ahead[0]) or ahead[0].is_("symbol", "{") and number(ahead[1]) and ahead[2].is_("symbol", "}")

    def _condition_in_brackets_ahead(self) -> bool:
        """p(y = 1 | x), P(A | B): brackets right after a name holding a relation or a bar (a probability's condition)."""
        return self._in_brackets_ahead(lambda token: token.is_("symbol", "|", "=") or token.is_("command", "mid", "vert", "lvert"), 60)

    def _in_brackets_ahead(self, wanted, within: int) -> bool:
        """Brackets open right here and hold, outside any inner bracket, a token `wanted` accepts (looked for over at
        most `within` tokens: bounded work)."""
        if not self.at("symbol", "("):
            return False
        depth = 0
        for at in range(self.position, min(self.end, self.position + within)):
            token = self.tokens[at]
            if token.is_("symbol", "(", "[", "{") or token.is_("command", "{"):
                depth += 1
            elif token.is_("symbol", ")", "]", "}") or token.is_("command", "}"):
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and wanted(token):
                return True
        return False

    def _entry_named_ahead(self) -> bool:
        """F(1, 1), F'(2,3): a name, its primes, then two whole numbers in brackets."""
        ahead = 0
        while self.at("symbol", "'", ahead=ahead):
            ahead += 1
        texts = [self.peek(ahead + n) for n in range(5)]
        return (texts[0].is_("symbol", "(") and texts[1].kind == "number" and texts[1].text.isdigit() and texts[2].is_("symbol", ",")
                and texts[3].kind == "number" and texts[3].text.isdigit() and texts[4].is_("symbol", ")"))

    def _entry_named(self, base: str):
        primes = 0
        while self.at("symbol", "'"):
            self.take()
            primes += 1
        self.take()
        row = self.take().text
        self.take()
        column = self.take().text
        self.take()
        entry = f"{base}{chr(39) * primes}({row},{column})"
        return self.context.expressions.get(entry, sympy.Symbol(entry, real=True))

    def _bracket_after_script(self) -> bool:
        """At a subscript (_1, _{q(x)}): an opening bracket comes right after it."""
        ahead = self.matching("{", "}", start=self.position + 1) + 1 if self.at("symbol", "{", ahead=1) else self.position + 2
        return ahead < self.end and (self.tokens[ahead].is_("symbol", "[", "(") or self.tokens[ahead].is_("command", "left"))

    def _written_application(self, name: str, token: Token):
        """E[Z], p(y = 1 | x), P(A): a quantity the write-up names by what it is of, read as one name (its value once
        given); brackets that hold a condition or a bar are not arithmetic."""
        opener = self.take()
        if opener.is_("command", "left"):
            opener = self.take()
        closer = {"(": ")", "[": "]", "{": "}"}.get(opener.text, ")")
        depth, start = 1, self.position
        while self.peek().kind != "end":
            token_ = self.take()
            if token_.is_("symbol", opener.text) or token_.is_("command", "left"):
                depth += 1
            elif token_.is_("symbol", closer) or token_.is_("command", "right"):
                depth -= 1
                if token_.is_("command", "right"):
                    self.take()
                if depth == 0:
                    break
        bars = ("lvert", "rvert", "vert", "mid")
        written = "".join(("|" if t.kind == "command" and t.text in bars else ("\\" + t.text + " ") if t.kind == "command" else t.text)
                          for t in self.tokens[start:self.position - 1]).strip()
        key = f"{name}{opener.text}{written}{closer}"
        return self.context.expressions.get(key, sympy.Symbol(key, real=True))

    def _extremum_over_an_index(self, name: str):
        """A write-up's \\max_j x_j: the largest entry over the index's range (a bare sum's, as \\sum_j runs), worked out
        wherever the size is a number (EntryExtremum); an operand that carries no such index stays a quantity of its own,
        named as written, so a step that holds whatever its value is proved and one that fails for some value is not
        thereby wrong."""
        index = self.subscript().raw
        letter = sympy.Symbol(index, real=True) if re.fullmatch(r"[a-z]", index) else None
        operand = self.factor()
        if letter is not None and any(letter in entry.indices for entry in getattr(operand, "atoms", lambda *_: set())(sympy.Indexed)):
            return self._extremum_entry(name, operand, letter)
        return self.context.symbol(f"\\{name}_{{{index}}} {sympy.sstr(operand)}")

    def _extremum_entry(self, name: str, operand, letter: sympy.Symbol):
        """The largest (smallest) value of the operand as its index runs over a bare sum's range."""
        own = sympy.Dummy(letter.name, integer=True)
        return EntryExtremum(sympy.Integer(1 if name == "max" else -1), operand.xreplace({letter: own}), own, self._bare_range(letter.name))

    def _bare_range(self, index: str):
        """Where an index written with no bound runs to (\\sum_j, \\max_j): the problem's bound, else a write-up's size n;
        None in an answer that gives none."""
        upper = self.context.sum_bounds.get(index, self.context.sum_bound)
        return DOCUMENT_SIZE if upper is None and self.context.document else upper

    def _extremum_of_entries(self, function, argument, token: Token):
        """A write-up's \\max(z), max(Z_i): the largest entry of a vector (the stable softmax's shift), read as
        \\max_i Z_i is: a quantity of its own, which nothing here computes; a number's is the number."""
        name = "max" if function is sympy.Max else "min"
        if getattr(argument, "is_number", False):
            return argument
        if isinstance(argument, sympy.Indexed) and len(argument.indices) == 1 and isinstance(argument.indices[0], sympy.Symbol):
            return self._extremum_entry(name, argument, argument.indices[0])
        if isinstance(argument, (sympy.Symbol, sympy.IndexedBase, sympy.MatrixSymbol)):
            return self.context.symbol(f"\\{name}_{{}} {sympy.sstr(argument)}")
        raise self.error(f"\\{name} of one value: write the values it compares (\\{name}(0, x)) or the entries it runs over (\\{name}_j x_j)", token)

    def _primed(self, name: str, primes: int = 0):
        """w_1' (an updated weight): a name of its own, even where w_1 has a value."""
        while self.at("symbol", "'"):
            self.take()
            primes += 1
        full = name + "'" * primes
        given = self._given(full)
        return self.context.symbol(full) if given is None else given

    def _unknown_function_ahead(self, base: str, subscripted: bool = False) -> bool:
        """f(x), f'(x), a write-up's S(x) or L(y, \\hat y): a function applied. With a subscript, only the usual
        function letters (f_1, g_2, \\phi_1): out_{o1}(1 - out_{o1}) is a product."""
        if subscripted and (base not in FREE_FUNCTION_NAMES or base in self.context.quantities):
            # h_j(1 - h_j) where the write-up gives h_j a formula: a product; J_{naive}(v_c; o; U): a number times a list
            # means nothing, so a function applied
            return self.context.document and self._several_values_ahead() and (self.at("symbol", "(") or self.at("command", "left"))
        if self.at("symbol", "'"):
            ahead = 1
            while self.at("symbol", "'", ahead=ahead):
                ahead += 1
            return self.at("symbol", "(", ahead=ahead) or self.at("command", "left", ahead=ahead)
        named = base in FREE_FUNCTION_NAMES or self.context.document and (base[:1].isupper() or len(base) >= 2) and base not in self.context.quantities
        named = named or self.context.document and self._several_values_ahead()  # y(x, w), p(v, h): a number times a list means nothing
        if self.context.matrix_letters and _looks_like_matrix(base) and base not in self.context.functions and base not in FREE_FUNCTION_NAMES:
            named = False  # W_2(W_1 x + b_1) among matrices: a product (F(W^T x) stays a function)
        ahead = self._whole_power_width() if base in FREE_FUNCTION_NAMES else 0  # h^2(x): h(x) squared, as \\sin^2(x) is
        return named and (self.at("symbol", "(", ahead=ahead) or self.at("command", "left", ahead=ahead))  # a write-up's S(x), L(y, \\hat y)

    def _several_values_ahead(self) -> bool:
        """( ... , ... ) right here, with a comma outside any inner bracket."""
        return self._in_brackets_ahead(lambda token: token.is_("symbol", ",", ";", "|"), 200)

    def _whole_power_width(self) -> int:
        """The tokens of a whole-number power written here (^2, ^{2}); 0 where there is none."""
        if self.at("symbol", "^") and self.peek(1).kind == "number" and self.peek(1).text.isdigit():
            return 2
        if self.at("symbol", "^") and self.at("symbol", "{", ahead=1) and self.peek(2).kind == "number" and self.peek(2).text.isdigit() \
                and self.at("symbol", "}", ahead=3):
            return 4
        return 0

    def _increment_of(self) -> str:
        """After \\Delta in a write-up: the one letter it is the increment of (x in \\Delta x or \\Delta{x}), taken; else ""."""
        at = self.position
        braced = self.tokens[at].is_("symbol", "{")
        letter = self.tokens[at + 1] if braced else self.tokens[at]
        if letter.kind != "letter" or len(letter.text) != 1 or (braced and not self.tokens[at + 2].is_("symbol", "}")):
            return ""
        self.position = at + (3 if braced else 1)
        return letter.text

    def _digits_typed_after(self, base: str) -> bool:
        """A letter, a word the write-up types as a name, or a Greek letter, with digits typed right after it (z1, w5,
        ao1, delta2, \\theta0): in a write-up, one name."""
        following = self.peek()
        named = len(base) == 1 and base.isalpha() or base in self.context.words or base in dialect.GREEK and base not in dialect.CONSTANTS
        return named and following.kind == "number" and following.text.isdigit() and not following.space_before

    def _subscript_first(self) -> None:
        """x^2_1 is x_1^2 and u^T_{k} is u_k^T, as TeX sets them: a superscript written before the subscript is read after
        it (the two script groups swap places; nothing else moves)."""
        if not self.at("symbol", "^"):
            return
        middle = self._script_end(self.position + 1)
        if middle is None or middle >= self.end or not self.tokens[middle].is_("symbol", "_"):
            return
        end = self._script_end(middle + 1)
        if end is None:
            return
        start = self.position
        found = list(self.tokens)
        self.tokens = found[:start] + found[middle:end] + found[start:middle] + found[end:]

    def _script_end(self, at: int) -> int | None:
        """Where a script's group starting at `at` ends (one token, or a braced group), exclusive; None if nothing is there."""
        if at >= self.end or self.tokens[at].kind == "end":
            return None
        if self.tokens[at].is_("symbol", "{"):
            return self._close_at(at) + 1
        return at + 1

    def _update_mark(self) -> str:
        """^{new}, ^{+}, ^*, ^{(t+1)}, ^{sig} after a name: the mark of a new value or a label, not a power; in a write-up
        also a + typed against the name before its subscript or an = (w5+ = ..., W+_{A} = ...), which adds nothing."""
        if typed_plus_mark(self.tokens, self.position):
            self.position += 1
            return "+"
        if not self.at("symbol", "^"):
            return ""
        if self.at("symbol", "{", ahead=1):
            end = next((at for at in range(self.position + 2, min(self.position + 10, self.end)) if self.tokens[at].is_("symbol", "}")), None)
            if end is None:
                return ""
            inner = self.tokens[self.position + 2:end]
        else:
            end, inner = self.position + 1, [self.peek(1)]
        then_subscript = end + 1 < self.end and self.tokens[end + 1].is_("symbol", "_")
        transposed = len(inner) >= 4 and inner[0].is_("symbol", "[") and inner[-2].is_("symbol", "]") and is_transpose_mark(inner[-1:])
        label = superscript_label(inner[:-1] if transposed else inner, then_subscript, layered=bool(self.context.matrices))
        if label is None:
            return ""
        self.position = end + 1
        self.layer_transposed = transposed  # A^{[1]T}: the layer's array, transposed (Ng's notation)
        return label

    def _layer_transpose(self, value, key: str, token: Token):
        """The value, transposed where its layer's superscript ended in a transpose (W^{(2)T}, A^{[1]T})."""
        if not self.layer_transposed:
            return value
        self.layer_transposed = False
        if not matrices.is_matrix(value) and not self.context.document:
            raise self.error(f"only a matrix or vector has a transpose, and {key} is not one", token)
        return value.T if matrices.is_matrix(value) else value  # a write-up's number: its transpose is itself

    def _sample_entry(self, base: str, label: str):
        """y^{(i)} of a write-up's y summed over its samples (\\sum_{i=1}^m (y^{(i)} - \\hat{y}^{(i)})^2): entry i, as y_i."""
        letter = next(t for t in reversed(self.tokens[:self.position]) if t.text == label and t.kind in ("letter", "number"))
        return self.context.vectors[base][Subscript((letter,), self).value()]

    def _layer_mark(self, brackets: bool = False) -> str | None:
        """^{(2)} or ^(2) after a name: a layer label, not a power. `brackets`: ^{[2]} too (Ng's layer, where the name has a
        subscript: a_i^{[2]} is an entry of layer 2's a, as the notation's scan reads it)."""
        if not self.at("symbol", "^"):
            return None
        if self.at("symbol", "{", ahead=1) and self.at("symbol", "(", ahead=2) and self.peek(3).kind in ("number", "letter") and self.at("symbol", ")", ahead=4) and self.at("symbol", "}", ahead=5):
            label = self.peek(3).text
            self.position += 6
            return label
        if brackets and self.context.document and self.at("symbol", "{", ahead=1) and self.at("symbol", "[", ahead=2) and self.peek(3).kind in ("number", "letter") \
                and self.at("symbol", "]", ahead=4) and self.at("symbol", "}", ahead=5):
            label = self.peek(3).text  # Ng's \omega_{ji}^{[L]}: the layer in square brackets, as ^{(L)}
            self.position += 6
            return label
        if self.at("symbol", "(", ahead=1) and self.peek(2).kind in ("number", "letter") and self.at("symbol", ")", ahead=3):
            label = self.peek(2).text
            self.position += 4
            return label
        listed = listed_label(self.tokens[self.position + 2:self.end]) if self.at("symbol", "{", ahead=1) else None
        if listed is not None:  # x^{(p,3)}: a sample and a layer
            label, length = listed
            self.position += 2 + length + 1
            return label
        transposed = self.peek(5).is_("command", "top", "intercal") or self.peek(5).is_("letter", "T")
        if self.at("symbol", "{", ahead=1) and self.at("symbol", "(", ahead=2) and self.peek(3).kind in ("number", "letter") \
                and self.at("symbol", ")", ahead=4) and transposed and self.at("symbol", "}", ahead=6):
            label = self.peek(3).text  # W^{(2)\\top}, W^{(2)T}: the layer's label and a transpose in one superscript
            self.position += 7
            self.layer_transposed = True
            return label
        return None

    def _application_ahead(self, token: Token) -> bool:
        """A function name followed by an argument: (..), \\left(, {..}, a power or prime then (..)."""
        ahead = self.peek()
        if ahead.is_("symbol", "(") or ahead.is_("command", "left") or ahead.is_("symbol", "'") or ahead.is_("symbol", "{"):
            return True
        if ahead.is_("symbol", "^") or ahead.is_("command", "{"):
            return True
        return token.kind == "command" and self._starts_factor(ahead, True)

    def _index_pair_braced(self) -> bool:
        """{ik}, {pk}: two index letters in braces, nothing else."""
        if not self.at("symbol", "{"):
            return False
        inside = []
        for token in self.tokens[self.position + 1:]:
            if token.is_("symbol", "}"):
                return len("".join(inside)) == 2
            if token.kind != "letter":
                return False
            inside.append(token.text)
        return False

    def subscript(self) -> "Subscript":
        underscore = self.take()
        start = self.position
        if self.at("symbol", "{"):
            end = self.matching("{", "}")
            inner = self.tokens[start + 1 : end]
            self.position = end + 1
        else:
            token = self.take()
            if token.kind == "end":
                raise self.error("'_' needs a subscript", underscore)
            if token.kind == "command" and token.text in dialect.SCRIPT_WRAPPERS and self.at("symbol", "{"):
                end = self.matching("{", "}")
                inner = self.tokens[start: end + 1]
                self.position = end + 1
            elif self.context.document:
                self.position = min(unbraced_script_end(self.tokens, start, self.end), self.end)
                inner = self.tokens[start:self.position]
            else:
                inner = [token]
        if not inner:
            raise self.error("'_' needs a subscript: write x_{i}", underscore)
        return Subscript(tuple(inner), self)

    def _name_subscript(self) -> "Subscript":
        """A name's subscript: an index or a label, never a condition (p_{k=i} is the entry where k = i)."""
        subscript = self.subscript()
        relation = next((t for t in subscript.tokens if _is_relation(t)), None)
        if relation is not None:
            raise self.error("a subscript with a condition (p_{k=i}) is not read: write the entry itself, p_i, and the condition in words", relation)
        return subscript

    @contextmanager
    def _shadowing(self, name: str):
        """Within a sum over k or a derivative in s, k and s are variables even where the write-up gave them values."""
        self.shadowed.append(plain_name(name))
        try:
            yield
        finally:
            self.shadowed.pop()

    def resolve(self, name: str, subscript: "Subscript | None", token: Token):
        """The problem's object for a name and its subscript."""
        context = self.context
        identity = self._identity(name, subscript)
        if identity is not None:
            return identity
        if self.shadowed:
            written = plain_name(f"{name}_{{{subscript.raw}}}") if subscript is not None else plain_name(name)
            if written in self.shadowed and written in context.expressions:  # only a value given to it is hidden
                return context.symbol(written)
        if subscript is not None:
            bound = {index.name for index in self.bound}
            self.free_letters |= {t.text for t in subscript.tokens if t.kind == "letter" and len(t.text) == 1 and t.text not in bound}
            full = plain_name(f"{name}_{{{subscript.raw}}}")
            for table in (context.matrices, context.expressions, context.symbols):
                if full in table:
                    return table[full]
            if name in context.vectors and not (context.document and subscript.is_label()):
                indices = subscript.indices(two=name in context.tables)
                return context.vectors[name][indices if len(indices) > 1 else indices[0]]
            function = context.functions.get(name)
            if isinstance(function, IndexedFunction):
                return function.build(sympy.Symbol(_vector_name(context)), subscript.value())
            if name == "delta" and "delta" not in context.symbols:
                labelled = [t.kind for t in subscript.tokens] == ["letter", "number"]  # \\delta_{h2}, \\delta_{o1}: a unit's error
                pair = None if context.document and labelled else subscript.pair()
                if pair is None and context.document:
                    return context.symbol(full)  # \\delta_k, \\delta_j^{(2)}: a write-up's error term, a name
                if pair is None:
                    raise self.error("\\delta needs two indices here: write \\delta_{ki} for the Kronecker delta", token)
                return sympy.KroneckerDelta(*pair)
            if context.matrix_letters and _looks_like_matrix(name):
                return sympy.MatrixSymbol(full, MATRIX_SIZE, MATRIX_SIZE)
            entry = self._bound_entry(subscript) if context.free and self.bound else None
            if entry is not None:
                return sympy.IndexedBase(name, real=True)[entry]  # x_j under \\sum_j: the j-th entry, not a name x_j
            self._refuse_unknown_matrix(full, token)
            return context.symbol(full)
        key = plain_name(name)
        for table in (context.matrices, context.expressions):
            if key in table:
                return table[key]
        if name in context.functions and isinstance(context.functions[name], IndexedFunction):
            return context.functions[name]
        if name in context.vectors and not context.free and name not in context.symbols:
            return sympy.Symbol(name)  # a vector by its plain name, as an IndexedFunction's argument
        if context.matrix_letters and _looks_like_matrix(name):
            return sympy.MatrixSymbol(name, MATRIX_SIZE, MATRIX_SIZE)
        self._refuse_unknown_matrix(key, token)
        if name == "delta" and "delta" not in context.symbols and "delta" not in context.functions and self.at("symbol", "_"):
            raise self.error("\\delta needs two indices here: write \\delta_{ki} for the Kronecker delta", token)
        return context.symbol(name)

    def _identity(self, name: str, subscript: "Subscript | None"):
        """I or I_n in a problem with matrices (and no I of its own): the identity, its size from I_n or from what it meets."""
        context = self.context
        if name != "I" or not context.matrices or context.document or "I" in context.symbols or "I" in context.matrices:
            return None
        if subscript is None:
            return matrices.unsized_identity()
        if plain_name(f"I_{{{subscript.raw}}}") in context.matrices:
            return None
        size = context.symbols.get(subscript.raw)
        if size is None and not (subscript.raw.isdigit() and 0 < int(subscript.raw) <= 20):
            raise self.error(f"I_{subscript.raw}: write I with one of this problem's sizes (I_n) or a number up to 20")
        return sympy.Identity(size if size is not None else int(subscript.raw))

    def _bound_entry(self, subscript: "Subscript"):
        """The index of x_j when it uses a sum's bound index (x_{j+1} under \\sum_j), else None (x_{k=j} stays a name);
        two indices, (k, j), for a weight written w_{kj} or w_{j0} under \\sum_j."""
        try:
            pair = subscript.pair()
            entry = pair if pair is not None else subscript.value()
        except LatexError:
            return None
        return entry if getattr(sympy.sympify(entry), "free_symbols", set()) & set(self.bound) else None

    def _refuse_unknown_matrix(self, name: str, token: Token) -> None:
        """In a problem about matrices, an unknown capital name is a typo, not a new scalar."""
        context = self.context
        if context.matrices and not context.free and _looks_like_matrix(name) and name not in context.symbols:
            known = ", ".join(sorted(context.matrices))
            raise self.error(f"'{name}' is not one of this problem's matrices or vectors ({known})", token)

    # --- function application

    def apply(self, function, name: str, token: Token):
        """f(x), f^2(x), f'(x), f^{-1}(x), \\sin x, \\sigma{\\left(x\\right)}."""
        primes, power = 0, None
        while True:
            if self.at("symbol", "'"):
                self.take()
                primes += 1
            elif self.at("symbol", "^") and not self._layer_ahead():
                caret = self.take()
                if self.at("command", "prime"):
                    self.take()
                    primes += 1
                    continue
                power = self.script()
                inverse_name = dialect.INVERSE_NAMES.get(name.lstrip("\\"))
                if power == -1 and function in dialect.INVERSES:
                    function, power = dialect.INVERSES[function], None
                elif power == -1 and inverse_name is not None:  # a write-up's own sigma stands for the course's: its inverse is logit
                    function, power = self.context.function(inverse_name) or dialect.FUNCTIONS[inverse_name], None
                elif power == -1:
                    raise self.error(f"{name}^{{-1}}: write 1/{name}(..) for the reciprocal, or name the inverse function", caret)
            else:
                break
        if name.lstrip("\\") == "exp" and power is not None and not primes and not self.at("symbol", "(") and not self.at("command", "left"):
            return sympy.exp(power)  # \\exp^{x_j}: e^{x_j}, as students type it (\\exp^{2}(x) stays exp(x) squared)
        if not self._argument_ahead():
            raise _NoArgument() if token.kind in ("letter",) or token.text in dialect.GREEK else self.error(f"{name} needs an argument: write {name}(x)", token)
        opened = self.position
        arguments = self.arguments(name, token)
        if self.context.document and not isinstance(function, IndexedFunction) and not primes and power is None and self.at("symbol", "_"):
            return self._entry_named_by_application(name, (opened, self.position))
        if self.context.document and not isinstance(function, IndexedFunction):
            arguments = [_number_if_one_by_one(argument, None) for argument in arguments]  # \\sigma(w^T x): a number's sigmoid
        if self.context.document and len(arguments) > 1 and not isinstance(function, (sympy.core.function.UndefinedFunction, IndexedFunction)) and function not in dialect.VARIADIC.values():
            function = sympy.Function(name.lstrip("\\"))  # H(y, p): the write-up's cross-entropy, not Heaviside's step
        if isinstance(function, IndexedFunction):
            written = self.at("symbol", "_")
            value = function.entry(arguments[0], self._entry_index(), written)
        elif self.context.document and len(arguments) > 1 and str(function) not in self.context.functions and isinstance(function, sympy.core.function.UndefinedFunction):
            value = self._written_function(name, arguments, primes)
        elif self.context.document and isinstance(function, sympy.core.function.UndefinedFunction) and not primes \
                and len(arguments) != self.context.arities.get(str(function), 1):
            value = function(*arguments)  # J(W, b; x, y) beside J(W, b), L(w) beside L(y_1, y_2): another function of that name, its own
        elif len(arguments) != self.context.arities.get(str(function), 1) and function not in dialect.VARIADIC.values():
            wanted = self.context.arities.get(str(function), 1)
            raise self.error(f"{name} takes {'one argument' if wanted == 1 else f'{wanted} arguments'}, not {len(arguments)}", token)
        elif len(arguments) > 1 and not primes:
            value = function(*arguments)
        else:
            value = self._call(function, arguments, primes, token)
        return self._power(value, power, token) if power is not None else value

    def _entry_named_by_application(self, name: str, argument_span: tuple[int, int]):
        """\\phi(z)_i, \\sigma(\\mathbf{z})_j in a write-up: the i-th entry of a vector-valued function's value (a softmax),
        which no function of one number is: a quantity named as written, whose value the write-up may give."""
        subscript = self._name_subscript()
        entry = plain_name(f"{name.lstrip(chr(92))}({self._written(argument_span).strip('()')})_{{{subscript.raw}}}")
        return self.context.expressions.get(entry) or self.context.symbols.get(entry) or sympy.Symbol(entry, real=True)

    def _written_function(self, name: str, arguments: list, primes: int):
        """A write-up's F'(1,1) is the name of a feature map's entry (its value once given); L(y, \\hat y) a
        function of its values."""
        if all(getattr(argument, "is_Integer", False) for argument in arguments):
            entry = f"{name}{chr(39) * primes}({','.join(map(str, arguments))})"
            return self.context.expressions.get(entry, sympy.Symbol(entry, real=True))
        return sympy.Function(name + chr(39) * primes)(*arguments)

    def _layer_ahead(self) -> bool:
        return self.at("symbol", "{", ahead=1) and self.at("symbol", "(", ahead=2)

    def _entry_index(self):
        """S(x)_i: the entry of a vector-valued function; without a subscript, the problem's own index."""
        if self.at("symbol", "_"):
            return self.subscript().value()
        if self.context.index is None and self.context.document:
            return self.context.symbol("i")  # a write-up's S(x + c) = S(x): every entry, the generic i-th
        return self.context.index

    def _argument_ahead(self) -> bool:
        return self.at("symbol", "(", "{") or self.at("command", "left", "{") or self._starts_factor(self.peek(), False)

    def arguments(self, name: str, token: Token) -> list:
        if self.at("symbol", "("):
            value = self.group("(", ")")
        elif self.at("command", "left"):
            value = self.command(self.peek())
        elif self.at("command", "{"):
            value = self._set_braces()
        elif self.at("symbol", "{"):
            value = self.braced()
        elif self._starts_factor(self.peek(), True):
            outer, self.log_argument = self.log_argument, self.context.document and name.lstrip("\\") in ("log", "ln")
            try:
                value = self.term(stop_at_function=True)
            finally:
                self.log_argument = outer
            if isinstance(value, sympy.Pow) and not self.context.document:  # \\tanh x^2: TeX's reading, said
                self.notes.append(f"what was typed means {name.lstrip(chr(92))}({sympy.sstr(value).replace('**', '^')})")
        elif self.at("command", "sum", "prod"):  # \\log \\sum_j e^{x_j}: the sum is the argument
            value = self.factor()
        elif self.peek().kind == "command" and (self.peek().text in dialect.FUNCTIONS or self.peek().text in self.context.functions) \
                or self.peek().kind == "letter" and self.context.function(self.peek().text) is not None:  # \ln f(x) of the text's f
            # \\log \\sigma(z): the sigmoid's value is the argument; in a write-up, with the factors after it, as a bare
            # argument of letters takes them (\\log \\sigma(a)^{y}(1-\\sigma(a))^{1-y} is a log-likelihood's one log)
            value = self.term(stop_at_function=True) if self.context.document else self.factor()
        else:
            raise self.error(f"{name} needs an argument: write {name}(x)", token)
        return list(value) if isinstance(value, sympy.Tuple) else [value]

    def _call(self, function, arguments: list, primes: int, token: Token):
        try:
            if function in dialect.VARIADIC.values():
                if len(arguments) == 1 and function in (sympy.Max, sympy.Min) and self.context.document:
                    return self._extremum_of_entries(function, arguments[0], token)
                if len(arguments) < 2 and function in (sympy.Max, sympy.Min):
                    raise self.error("\\max and \\min compare two or more values: \\max(0, x)", token)
                return function(*arguments)
            argument = matrices.one_entry(arguments[0])  # \\sigma(u^T v): of the number u^T v is
            if matrices.is_matrix(argument):
                return matrices.elementwise(function, argument, primes)  # \\sigma(\\mathbf{z}), f'(\\mathbf{z}): entry by entry
            if isinstance(argument, sympy.Tuple):
                raise self.error("a function of one value was given a list", token)
            if not primes:
                return function(argument)
            if str(function) in self.context.prime_by:  # f'(x) of f(x) = \\sigma(w^T x), where the text takes it by w
                return sympy.Derivative(function(argument), (self.context.symbol(self.context.prime_by[str(function)]), primes))
            if argument.is_Symbol:
                return sympy.Derivative(function(argument), (argument, primes))
            u = sympy.Dummy("u")
            return sympy.Subs(sympy.Derivative(function(u), (u, primes)), u, argument)
        except (TypeError, ValueError) as error:
            raise self.error(f"cannot apply this function here ({error})", token) from None

    # --- commands

    def command(self, token: Token):
        name = token.text
        handler = _COMMANDS.get(name)
        if handler is not None:
            return handler(self, token)
        if name in dialect.GREEK or name in dialect.CONSTANTS:
            self.take()
            return self.name(name, token)
        if name in dialect.FUNCTIONS or name in self.context.functions:
            self.take()
            if name == "log" and self.at("symbol", "_"):
                return self._log_base(token)
            function = self.context.function(name) or dialect.FUNCTIONS[name]
            return self.apply(function, "\\" + name, token)
        if name in _MATRIX_FUNCTIONS and name != "softmax" and self.context.matrices:
            self.take()  # tr(A) typed as letters (see _read_words)
            return self._matrix_function(name, token)
        if name in dialect.VARIADIC:
            self.take()
            if self.context.document and name in ("max", "min") and self.at("symbol", "_"):
                return self._extremum_over_an_index(name)
            return self.apply(dialect.VARIADIC[name], "\\" + name, token)
        if name in dialect.FONTS:
            return self._font(token)
        if name in dialect.DECORATIONS:
            return self._decorated(token)
        if name == "nabla" and self.context.document:
            return self._gradient(token)
        if name == "nabla" and self.context.matrices and self.at("symbol", "_", ahead=1):
            return self._matrix_gradient(token)
        if name == "Pr" and self.context.document and (self.at("symbol", "(", "[", ahead=1) or self.at("command", "left", ahead=1)):
            self.take()
            return self._written_application("Pr", token)  # \Pr(y | x), LaTeX's probability operator: a quantity named by what it is of
        if name == "partial" and self.context.document and self.at("symbol", "_", ahead=1):
            return self._subscripted_derivative(token)
        if name == "partial" and self.context.document:
            return self._slashed_derivative(token)
        if name in _UNSUPPORTED:
            raise self.error(_UNSUPPORTED[name], token)
        raise self.error(f"unknown command \\{name}{_did_you_mean(name, self.context)}", token)

    def _gradient(self, token: Token):
        r"""In a write-up, \nabla f_{x_0} or \nabla f(x_0) of a function of one variable: f'(x_0); \nabla_w J, the
        derivative of J in w (as \frac{\partial J}{\partial w} reads)."""
        self.take()
        if self.at("symbol", "_"):
            return self._gradient_in(token)
        named = self.take()
        if named.kind != "letter" and not (named.kind == "command" and named.text in dialect.GREEK):
            raise self.error("\\nabla needs a function after it: \\nabla f(x_0)", token)
        name = named.text
        while named.kind == "letter" and self.peek().kind == "letter" and not self.peek().space_before:
            name += self.take().text  # \\nabla loss(scores): the write-up's word, not l times oss
        if len(name) > 1 and name not in self.context.words and self.context.function(name) is None:
            raise self.error(f"\\nabla {name}: read {name} as one function's name, or write \\nabla f(x_0) of one letter", token)
        function = self.context.function(name) or sympy.Function(name)
        if not self.at("symbol", "_") and not self._argument_ahead():
            written = f"\\nabla {name}"  # \\nabla G \\cdot \\vec v: G's gradient, a quantity of its own, at no point written
            return self._given(written) or sympy.Symbol(written, real=True)
        if self.at("symbol", "_"):
            point = self.subscript().value()
        else:
            (point,) = self.arguments("\\nabla " + name, token)
        if matrices.is_matrix(point) or str(point) in self.context.vectors or str(point) in self.context.matrices:
            raise self.error(f"\\nabla {name}({point}) of a whole vector is a vector of derivatives: write them entry by entry "
                             "(\\frac{\\partial f}{\\partial x_j}) to have them checked", token)
        variable = sympy.Dummy("t", real=True)
        return sympy.diff(function(variable), variable).subs(variable, point)

    def _matrix_gradient(self, token: Token):
        """\\nabla_W f, \\nabla_{\\mathbf{x}} f: the gradient of a scalar in a vector or matrix, shaped like it."""
        self.take()
        variable = self.subscript().value()
        if not isinstance(variable, sympy.MatrixSymbol):
            raise self.error("\nabla_x takes a vector or matrix of the problem under it: \nabla_W f", token)
        operand = self.term()
        return self._matrix_derivative(operand, variable, token)

    def _matrix_derivative(self, operand, variable, token: Token):
        try:
            return matrices.MatrixDerivative(operand, variable)
        except ValueError as error:
            raise self.error(str(error), token) from None

    def _gradient_in(self, token: Token):
        subscript = self.subscript()
        variable = subscript.value()
        operand_start = self.position
        with self._shadowing(subscript.raw):
            operand = self.term()  # \\nabla_W \\tfrac12\\|e\\|^2, \\nabla_{\\mu} (x - \\mu)^T \\sigma^{-1} (x - \\mu): the whole product
        written = f"\\nabla_{{{subscript.raw}}} {spelled_back(self.tokens[operand_start:self.position])}"
        operand = bound_apart(operand)
        if isinstance(variable, (sympy.Symbol, sympy.Indexed)) and isinstance(operand, sympy.Expr) and variable in operand.free_symbols and sympy.diff(operand, variable) != 0:
            return sympy.Derivative(operand, variable)
        if isinstance(variable, sympy.MatrixSymbol) and variable.shape != (1, 1) and _may_hold(operand, variable):
            return self._matrix_derivative(operand, variable, token)  # \nabla_{\mathbf{x}} \tfrac12\|W\mathbf{x} - \mathbf{y}\|^2
        named = self._given(written) or sympy.Symbol(written, real=True)
        gradient_of_a_name = isinstance(variable, sympy.MatrixSymbol) and isinstance(operand, sympy.Symbol)  # \nabla_\theta J: J may be defined
        if isinstance(named, sympy.Symbol) and (isinstance(variable, (sympy.Symbol, sympy.Indexed)) or gradient_of_a_name):
            self.leibniz.append((named, operand, variable, 1))
        return named

    def _subscripted_derivative(self, token: Token):
        """\\partial_{\\theta_j} J(\\theta): the operator \\frac{\\partial}{\\partial \\theta_j} on what follows, its variable
        the subscript (one token, or a braced group)."""
        start = self.position
        self.position += 2
        if self.at("symbol", "{"):
            variable_span = (self.position + 1, self._close_at(self.position))
            self.position = variable_span[1] + 1
        else:
            variable_span = (self.position, self.position + 1)
            self.position += 1
        return self._derivative_in((start, start + 1), variable_span, variable_span, self.position, self.position, 1, 1, token)

    def _slashed_derivative(self, token: Token):
        """\\partial L / \\partial x_1: the derivative \\frac{\\partial L}{\\partial x_1}, written on one line."""
        start = self.position
        after = self._close_at(start + 1, "(", ")") + 1 if self.at("symbol", "(", ahead=1) else start + 1  # \partial (E_1 + E_2) / \partial w
        slash = next((at for at in range(after, min(max(start + 12, after + 1), self.end)) if self.tokens[at].is_("symbol", "/")), None)
        if slash is None or slash + 1 >= self.end or not self.tokens[slash + 1].is_("command", "partial"):
            named = self._partial_named(start)
            if named is not None:
                return named
            raise self.error(_UNSUPPORTED["partial"], token)
        stop = slash + 2
        while stop < self.end and (self.tokens[stop].kind in ("letter", "number") and not self.tokens[stop].space_before or self.tokens[stop].is_("symbol", "_", "{", "}")
                                   or stop == slash + 2 or self.tokens[stop - 1].is_("symbol", "_")):
            if self.tokens[stop].is_("symbol", "{"):
                stop = self._close_at(stop)
            stop += 1
        self.position = stop
        return self._derivative((start, slash), (slash + 1, stop), token) or self._quantity_named((start, slash), (slash + 1, stop))

    def _partial_named(self, start: int):
        """\\partial and a number's name with no fraction or slash (\\partial w_1 = 2(-7) \\cdot 1, w_1 - \\eta \\partial w_1: a
        walk-through's shorthand for the loss's derivative in w_1, as code writes dw1): a name of its own. None for
        anything else (\\partial X of a matrix or vector is a differential)."""
        if not self.context.document:
            return None
        self.position = start + 1
        try:
            named = self.name(self.take().text, self.tokens[start]) if self.peek().kind == "letter" else None
        except LatexError:
            named = None
        key = name_key(named) if isinstance(named, (sympy.Symbol, sympy.Indexed)) else None
        if key is None or key in self.context.vectors or self._in_a_run_of_partials(start):
            self.position = start  # \\partial X of a matrix: a differential (matrix calculus), not read; \\partial x \\partial y: a
            return None  # mixed derivative's marks
        return sympy.Symbol(f"\\partial {key}", real=True)

    def _in_a_run_of_partials(self, start: int) -> bool:
        """The \\partial at `start` has another right after its name, or one before it with only a name between."""
        if self.at("command", "partial"):
            return True
        before = start - 1
        while before >= 0 and (self.tokens[before].kind in ("letter", "number") or self.tokens[before].is_("symbol", "_", "{", "}")):
            before -= 1
        return before >= 0 and before < start - 1 and self.tokens[before].is_("command", "partial")

    def _close_at(self, at: int, opener: str = "{", closer: str = "}") -> int:
        depth = 0
        for index in range(at, self.end):
            if self.tokens[index].is_("symbol", opener):
                depth += 1
            elif self.tokens[index].is_("symbol", closer):
                depth -= 1
                if depth == 0:
                    return index
        return self.end - 1

    def _log_base(self, token: Token):
        base = self.subscript().value()
        (argument,) = self.arguments("\\log", token)
        return sympy.log(argument, base)

    def _font(self, token: Token):
        """\\mathbf{x} is x (bold only marks a vector); \\mathbb{1} is the indicator's 1; \\mathrm{d} is d. In a write-up
        the subscript may be inside the braces: \\mathbf{x_1} is \\mathbf{x}_1."""
        mark, start = len(self.font_braces_owed), self.position
        try:
            value = self._font_value(token)
        finally:
            owed = sum(self.font_braces_owed[mark:])
            del self.font_braces_owed[mark:]
        for _ in range(owed):
            if not self.at("symbol", "}"):
                if self.context.document and token.text in BOLD_FONTS:
                    return self._bold_expression(start)
                raise self.error("only a name and its subscript can stand in a font's braces here", self.peek())
            self.take()
        return value

    def _bold_expression(self, start: int):
        """\\boldsymbol{u_o^T \\boldsymbol{v_c}}: a write-up's bold set over a whole expression (bold only marks
        vectors): the braces are a group, read as the expression inside."""
        self.position = start + 1
        if not self.at("symbol", "{"):
            raise self.error("only a name and its subscript can stand in a font's braces here", self.peek())
        opener = self.take()
        value = self.expression()
        if not self.at("symbol", "}"):
            raise self.error("'{' is never closed" if self.peek().kind == "end" else self._leftover_message(self.peek()), opener)
        self.take()
        return value

    def _font_value(self, token: Token):
        self.take()
        letters = self._word(subscript_inside=True)
        if any(letters.startswith("\\" + d) for d in dialect.DECORATIONS):
            accent = next(d for d in sorted(dialect.DECORATIONS, key=len, reverse=True) if letters[1:].startswith(d))
            inner = letters[1 + len(accent):]
            return self.name(plain_name(f"\\{accent}{{{inner}}}"), token, decorated=True)  # \\mathbb{\\hat{y}}
        if token.text == "mathbb" and letters == "1" or token.text in ("mathbf", "bm", "boldsymbol") and letters == "1":
            if self.at("command", "{") or self.at("symbol", "_") or self.at("symbol", "[") or self._condition_in_brackets():
                return self.indicator(token)
            if token.text != "mathbb" and self.context.matrices and (not self.context.document or self._transposed_next() or self._ones_beside(token)):
                return matrices.unsized_ones()  # \mathbf{1}: the ones vector, as long as what it meets (in a write-up: 1^T)
            return sympy.Integer(1)
        if token.text in ("mathbb", "mathcal") and letters == "I" and (self.at("command", "{") or self._condition_in_brackets()):
            return self.indicator(token)  # \mathbb{I}(x > 0), \mathcal{I}[x > 0]: the indicator, as some courses write its 1
        if letters.isdigit():
            return sympy.Integer(letters)
        if token.text in BOLD_FONTS and letters == "I" and self.context.document and not self.context.matrices \
                and "I" not in self.context.symbols and "I" not in self.context.expressions:
            if self.at("symbol", "_"):
                self.subscript()  # \\mathbf{I}_D: its size
            return sympy.Integer(1)  # the identity, which multiplies numbers as 1 where every name is a number
        if token.text == "mathbb" and self.context.document and letters.isalpha() and letters.isupper() and letters not in _SET_LETTERS:
            if self.at("symbol", "_") and self._bracket_after_script():
                letters = plain_name(f"{letters}_{{{self.subscript().raw}}}")  # \\mathbb{E}_1[...], \\mathbb{E}_{q}[...]: whose expectation
            if self.at("symbol", "[", "(") or self.at("command", "left"):
                return self._written_application(letters, token)  # \\mathbb{E}[Z], \\mathbb{V}[Z]: an expectation, a variance
            return self.name(letters, token)
        if token.text == "mathbb" and letters in self.context.matrices and letters.islower():
            return self.name(letters, token)  # \\mathbb{w} for the problem's vector w: a font, as \\mathbf{w} is
        if token.text == "mathbb" and not (self.context.document and (letters.isalpha() and letters.islower() or letters.startswith("\\"))):
            raise self.error(f"\\mathbb{{{letters}}} names a set, not a value", token)
        if len(letters) > 1 and letters.isalpha() and (letters in dialect.FUNCTIONS or letters in self.context.functions):
            return self._named_function(letters, token)
        if letters.startswith("\\"):
            return self.name(letters[1:], token)
        if len(letters) > 1 and letters.isalpha() and self.context.free and self.at("symbol", "("):
            return self.apply(sympy.Function(letters), letters, token)  # \\operatorname{softmax}(x): a function, not a name times (x)
        if len(letters) != 1:
            return self.name(letters, token)
        if self.context.matrix_letters and token.text in ("mathbf", "bm", "boldsymbol", "vec") and letters.isalpha() and letters not in self.context.matrices:
            subscript = self.subscript() if self.at("symbol", "_") else None
            name = plain_name(f"{letters}_{{{subscript.raw}}}") if subscript is not None else letters
            return sympy.MatrixSymbol(name, MATRIX_SIZE, 1)  # a bold vector, in a context with matrices
        return self.name(letters, token)

    def _word(self, subscript_inside: bool = False) -> str:
        """The content of \\mathrm{..}, \\operatorname{..}: letters, a digit, or one greek command. `subscript_inside`
        (a font's braces in a write-up): a subscript ends the word, left to be read with the name."""
        if self.at("symbol", "{"):
            opener = self.take()
            parts = []
            depth = 0  # braces inside (\\hat{\\mathbf{y}}) in a write-up
            in_font = False  # a font's braces inside: \\hat{\\mathbf{y}}
            while depth or not self.at("symbol", "}"):
                piece = self.take()
                if piece.is_("symbol", "{"):
                    depth += 1
                elif piece.is_("symbol", "}"):
                    depth -= 1
                if piece.kind == "end":
                    raise self.error("'{' is never closed", opener)
                if piece.kind == "command" and piece.text in dialect.GREEK:
                    parts.append("\\" + piece.text)
                elif piece.kind in ("letter", "number") or piece.is_("symbol", "-"):
                    parts.append(piece.text)
                elif piece.kind == "command" and piece.text in dialect.FONTS and self.at("symbol", "{"):
                    in_font = True
                    continue  # \\hat{\\mathbf{y}}: the bold y under a hat is \\hat{y}
                elif piece.kind == "command" and piece.text in dialect.DECORATIONS and not parts:
                    parts.append("\\" + piece.text)  # \\mathbf{\\hat{y}}: the hat stays (it is \\hat{\\mathbf{y}})
                elif (self.context.document or in_font or parts[:1] and parts[0][1:] in dialect.DECORATIONS) and piece.is_("symbol", "{", "}"):
                    continue  # the braces of a font inside (\\hat{\\mathbf{y}})
                elif subscript_inside and self.context.document and (piece.is_("symbol", "_") or self._mark_ahead(-1)) and parts \
                        and (not parts[-1].startswith("\\") or parts[-1][1:] in dialect.GREEK):
                    self.position -= 1  # \\mathbf{x_1}, \\mathbf{\\delta_2}, \\mathbb{\\hat{y_i}}, \\vec{W^{[1]}}: the name, its script, these braces
                    self.font_braces_owed.append(depth + 1)
                    return "".join(parts)
                else:
                    raise self.error("only a name can stand here", piece)
            self.take()
            return _spelled_as_function("".join(parts), self.context)
        token = self.take()
        if token.kind == "command" and token.text in dialect.GREEK:
            return "\\" + token.text
        if token.kind not in ("letter", "number"):
            raise self.error("a name must follow here", token)
        return token.text[:1] if token.kind == "number" else token.text

    def _named_function(self, word: str, token: Token):
        function = self.context.function(word)
        if function is None:
            raise self.error(f"unknown function {word}{_did_you_mean(word, self.context)}", token)
        if word == "log" and self.at("symbol", "_"):
            return self._log_base(token)
        if self.context.document and word not in dialect.FUNCTIONS and not self._argument_ahead():
            return self.name(word, token)  # \\frac{\\partial \\text{BCE}}{\\partial p}: a write-up's own function named alone, its value
        return self.apply(function, word, token)

    def _word_at(self) -> tuple[str, int]:
        """The one word in braces after the current command (\\text{ mod }: mod) and the tokens it takes with the
        command; ("", 0) for anything else."""
        if not self.at("symbol", "{", ahead=1):
            return "", 0
        ahead = 2
        while self.peek(ahead).kind == "letter" and (ahead == 2 or not self.peek(ahead).space_before):
            ahead += 1
        if ahead == 2 or not self.at("symbol", "}", ahead=ahead):
            return "", 0
        return "".join(self.peek(n).text for n in range(2, ahead)), ahead + 1

    def _operator_in_words(self, token: Token) -> bool:
        return token.is_("command", "text", "mathrm", "operatorname", "textrm") and self._word_at()[0] in dialect.BINARY_OPERATORS

    def _operator_name(self, token: Token):
        """\\operatorname{sech}(x), \\text{ReLU}(x), \\mathrm{sgn}(x)."""
        self.take()
        word = self._word()
        if word.startswith("\\"):
            return self.name(word[1:], token)
        if word in dialect.VARIADIC:
            return self.apply(dialect.VARIADIC[word], word, token)
        if word in _MATRIX_FUNCTIONS and (self.context.matrices or word != "softmax") and self.context.function(word) is None:
            return self._matrix_function(word, token)
        if word in _MATRIX_FUNCTIONS and self.context.document and self.context.matrices:
            saved = self.position  # a write-up's softmax(z) of a vector it declares: the vector's softmax, not a name's
            try:
                whole = self._matrix_function(word, token)
                argument = whole.args[0] if whole.args else None
                if not self.at("symbol", "_") or self.context.function(word) is None or str(argument) not in self.context.vectors:
                    return whole  # (an entry only of a vector whose entries z_j are read as its own: else z_i, z_j are names apart)
                self.position = saved  # softmax(z)_i: an entry, in the write-up's entries z_j (as where z is not declared)
            except LatexError:
                self.position = saved
        if word == "Pr" and self.context.document and (self.at("symbol", "(", "[") or self.at("command", "left")):
            return self._written_application("Pr", token)  # \operatorname{Pr}(y | x): as \Pr(y | x)
        if self.context.function(word) is not None:
            return self._named_function(word, token)
        if token.text == "text" and self.context.document and len(word) > 1 and word[0].isalpha() and word[1:].isdigit():
            return Subscript(tuple(t for t in tokens(word)[:-1]), self).value()  # \\text{h1} = 0.3775: h1 as if typed plainly
        if token.text == "text" and self.context.document and word.isalnum() and word[0].isalpha() and any(c.isdigit() for c in word):
            return self.name(word, token)  # \\text{out h1}: a unit's quantity, named in words and the unit's number
        if token.text == "text" and not self.at("symbol", "(") and not self.at("command", "left"):
            raise self.error(f"text in the answer ('{word}'): write only the mathematics", token)
        if len(word) == 1:
            return self.name(word, token)
        if self.at("symbol", "(") or self.at("command", "left"):
            raise self.error(f"unknown function {word}{_did_you_mean(word, self.context)}", token)
        return self.name(word, token)

    def _matrix_function(self, word: str, token: Token):
        """\\operatorname{diag}(p), \\operatorname{tr}(A), \\operatorname{softmax}(z): functions of a whole vector or matrix."""
        if not self._argument_ahead():
            raise self.error(f"\\operatorname{{{word}}} needs an argument: \\operatorname{{{word}}}(x)", token)
        (argument,) = self.arguments(word, token)
        try:
            return _MATRIX_FUNCTIONS[word](argument)
        except (ValueError, TypeError, AttributeError) as error:
            raise self.error(f"\\operatorname{{{word}}} {error}", token) from None

    def _decorated(self, token: Token):
        """\\hat y, \\tilde{w}, \\bar x: a name of its own, or what the problem calls it. \\hat{y_1} is \\hat{y}_1."""
        self.take()
        self._subscript_out_of_braces()
        inner = self._word()
        _refuse_empty_accent(self, inner, token)
        written = f"\\{token.text}{{{inner}}}"
        key = plain_name(written.replace("widehat", "hat").replace("widetilde", "tilde").replace("overline", "bar"))
        if key in self.context.expressions and not self.at("symbol", "_"):
            return self.context.expressions[key]
        return self.name(key, token, decorated=True)

    def _subscript_out_of_braces(self) -> None:
        """{y_1} after an accent: the accent is over y, and _1 follows it (tokens rewritten as {y}_1). So is a layer's or a
        sample's mark, or a prime (\\hat{y^{(i)}}, \\vec{W^{[1]}}, \\overline{y^{'}}): never a power (\\overline{x^2} is a mean of squares)."""
        if not (self.at("symbol", "{") and self.peek(1).kind in ("letter", "command") and (self.at("symbol", "_", ahead=2) or self._mark_ahead(2))):
            return
        try:
            end = self.matching("{", "}")
        except LatexError:
            return
        script = self.tokens[self.position + 2:end]
        self.tokens[self.position:end + 1] = [self.tokens[self.position], self.tokens[self.position + 1], self.tokens[end], *script]
        self._endings.clear()  # the tokens moved: an end seen before may stand elsewhere

    def _mark_ahead(self, ahead: int) -> bool:
        """^{(i)}, ^{[l]}, ^{'} or ^' at `ahead`: a sample's or layer's mark, or a prime, not a power."""
        if not self.at("symbol", "^", ahead=ahead):
            return False
        if self.at("symbol", "'", ahead=ahead + 1):
            return True
        return self.at("symbol", "{", ahead=ahead + 1) and (self.at("symbol", "(", "[", "'", ahead=ahead + 2) or self.at("command", "prime", ahead=ahead + 2))

    def _set_braces(self):
        """\\{ .. \\}: brackets, as in \\max\\{0, x\\} or \\exp\\{-x\\}."""
        start = self.take()
        value = self._entries()
        if not self.at("command", "}"):
            raise self.error("'\\{' is never closed: close it with '\\}'", start)
        self.take()
        return value

    def _left(self, token: Token):
        """\\left( .. \\right), and any pair: \\left[ \\right], \\left| \\right|, \\left\\{ \\right\\}, \\left. \\right|."""
        self.take()
        opener = self.take()
        if opener.kind == "end":
            raise self.error("\\left needs a bracket after it", token)
        depth, end = 0, None
        for at in range(self.position, self.end):
            candidate = self.tokens[at]
            if candidate.is_("command", "left"):
                depth += 1
            elif candidate.is_("command", "right"):
                if depth == 0:
                    end = at
                    break
                depth -= 1
        if end is None:
            raise self.error("'\\left' is never closed by '\\right'", token)
        with self.bounded(end):
            if opener.is_("symbol", "|") or opener.is_("command", "vert", "lvert"):
                value = self._abs(self._list())
            elif opener.is_("command", "|", "lVert", "Vert"):
                value = self._norm(self._list())
            elif opener.is_("command", "lfloor"):
                value = sympy.floor(self.expression())
            elif opener.is_("command", "lceil"):
                value = sympy.ceiling(self.expression())
            elif opener.is_("command", "begin"):
                self.position -= 1
                value = self.expression()
            else:
                value = self._list()
            if self.peek().kind != "end":
                raise self.error(self._leftover_message(self.peek()))
        if end + 1 >= self.end:
            raise self.error("'\\right' needs a bracket after it", self.tokens[end])
        self.position = end + 2
        closer = self.tokens[end + 1]
        if opener.is_("symbol", ".") and (closer.is_("symbol", "|") or closer.is_("command", "vert", "rvert")) and self.at("symbol", "_"):
            return self._evaluated_at(value, token)
        return value

    def _evaluated_at(self, value, token: Token):
        """\\left. \\frac{d}{dx} x^3 \\right|_{x=2}: the expression at x = 2 (several: x=1, y=2)."""
        subscript = self.subscript()
        point = {}
        for piece in _split_commas(subscript.tokens):
            at = next((n for n, t in enumerate(piece) if t.is_("symbol", "=")), None)
            if at is None or at == 0 or at == len(piece) - 1:
                raise self.error("the bar's subscript reads x = a: \\left. f(x) \\right|_{x=0}", token)
            name, where = subscript._parse(piece[:at]), subscript._parse(piece[at + 1 :])
            if not isinstance(name, sympy.Symbol) or name in point:
                raise self.error("the bar's subscript names each variable once: \\right|_{x=0}", token)
            point[name] = where
        if not isinstance(value, sympy.Basic):
            return value
        named = {entry[0] for entry in self.leibniz}
        if not set(point) & value.free_symbols and named & value.free_symbols:  # dy/dx|_{x=1}, dy/dx a write-up's name: its formula is not at hand
            raise self.error("the expression before the bar does not show the variables its subscript sets: write it out "
                             "(\\frac{d}{dx}(2x^3) \\Big|_{x=1})", token)
        result = value.subs(point)
        if result.has(sympy.zoo, sympy.nan):
            raise self.error("at that point the expression is not defined (a division by zero)", token)
        return result

    def _list(self):
        if self.peek().kind == "end":
            raise self.error("empty brackets: something is missing")
        return self._entries()

    def _norm(self, value):
        if isinstance(value, (sympy.Tuple, sympy.MatrixBase)):
            return sympy.sqrt(sum(entry**2 for entry in value))
        vector = self.context.vectors.get(getattr(value, "name", None)) if self.context.document and isinstance(value, sympy.Symbol) else None
        if vector is not None and value.name not in self.context.tables:
            return sympy.sqrt(_over_entries(lambda j: vector[j] ** 2))  # \|\mathbf{x}\| of a vector known by its entries x_i
        if isinstance(value, sympy.MatrixExpr):  # the Euclidean (Frobenius) norm, kept as a matrix expression
            return sympy.sqrt(sympy.Trace(value.T * value))
        return sympy.Abs(value)

    def _delimited(self, token: Token):
        """\\lfloor x \\rfloor, \\lceil x \\rceil, \\lvert x \\rvert, \\| x \\|."""
        closer, function = dialect.DELIMITERS[token.text]
        self.take()
        self.norms += token.text == "|"
        try:
            value = self._list()
        finally:
            self.norms -= token.text == "|"
        if not self.at("command", closer):
            raise self.error(f"'\\{token.text}' is never closed by '\\{closer}'", token)
        self.take()
        if function == "norm":
            self._norm_index(value, token)
            return self._norm(value)
        if function is None:
            raise self.error(f"\\{token.text} .. \\{closer} is not read in an answer", token)
        return function(value)

    def _frac(self, token: Token):
        """\\frac{a}{b}, \\frac12, \\frac x2, and the derivatives \\frac{d}{dx}, \\frac{dy}{dx}, \\frac{\\partial E}{\\partial x_i}."""
        self.take()
        numerator_span = self._argument_span(token)
        denominator_span = self._argument_span(token)
        derivative = self._derivative(numerator_span, denominator_span, token)
        if derivative is not None:
            return derivative
        numerator = self._parse_span(numerator_span)
        denominator = self._parse_span(denominator_span)
        if self._known(denominator) == 0:
            raise self.error("division by zero", token)
        return self._combine(numerator, denominator, "/", token)

    def _argument_span(self, token: Token) -> tuple[int, int]:
        """The tokens of one TeX argument: a braced group, or one token (a digit of a number, as \\frac12)."""
        if self.at("symbol", "{"):
            end = self.matching("{", "}")
            span = (self.position + 1, end)
            self.position = end + 1
            return span
        ahead = self.peek()
        if ahead.kind == "end":
            raise self.error("\\frac needs two arguments: \\frac{a}{b}", token)
        if first_digit_apart(self.tokens, self.position):
            self._endings.clear()  # the tokens moved: an end seen before may stand elsewhere
            self.end += 1
        if ahead.kind == "command" and ahead.text not in dialect.GREEK and ahead.text not in dialect.CONSTANTS:
            raise self.error("write the arguments of \\frac in braces: \\frac{a}{b}", ahead)
        span = (self.position, self.position + 1)
        self.position += 1
        return span

    def _parse_span(self, span: tuple[int, int]):
        start, end = span
        if start >= end:
            raise self.error("empty braces {}: something is missing", self.tokens[max(start - 1, 0)])
        saved = self.position
        self.position = start
        with self.bounded(end):
            value = self.expression()
            if self._relation_ahead():
                raise self.error("a relation inside a fraction: write it outside")
            if self.peek().kind != "end":
                raise self.error(self._leftover_message(self.peek()))
        self.position = saved
        return value

    def _derivative(self, numerator: tuple[int, int], denominator: tuple[int, int], token: Token):
        """A fraction whose denominator is d x (or \\partial x, d x^2) is a derivative; \\frac{-\\partial E}{\\partial p} its negative."""
        start, end = numerator
        if self.context.document and end - start > 2 and self.tokens[start].is_("symbol", "-") and self._after_d(start + 1, end) is not None:
            derivative = self._derivative((start + 1, end), denominator, token)
            return None if derivative is None else -derivative
        if self.context.document and not self.delta_marks and self._delta_marked(start) and self._delta_marked(denominator[0]):
            self.delta_marks = True  # \\frac{\\delta v_5}{\\delta v_4}: a derivative written with \\delta for \\partial (never delta over delta)
            try:
                return self._derivative(numerator, denominator, token)
            finally:
                self.delta_marks = False
        marks = self.tokens[start:end]
        if self.integrals and _differential_ends(marks) and self.differential is None:
            self.differential = self.context.symbol(marks[-1].text)  # \int \frac{dz}{z}, \frac{3\,dz}{z}: 3/z, in z
            factor = self._parse_span((start, end - 2)) if end - 2 > start else sympy.Integer(1)
            return self._combine(factor, self._parse_span(denominator), "/", token)
        order_den, variable_span = self._differential_in(denominator)
        if variable_span is None and self._partial_left_out(numerator, denominator):
            variable_span = denominator  # \frac{\partial y_k}{w_j}: the \partial below left out
        if variable_span is None:
            marked = self._after_d(*numerator) is not None and self._after_d(*denominator) not in (None, denominator[1])
            if self.context.document and marked and self._after_d(*numerator) < numerator[1]:
                return self._quantity_named(numerator, denominator)  # \\partial F / \\partial Relu, \\partial(f*I + b): a name
            return None
        body_start = self._after_d(start, end)
        if body_start is None and self._partial_left_out(denominator, numerator):
            body_start = start  # \frac{z(t)}{\partial w}: the \partial above left out
        if body_start is None:
            return None
        order = 1
        if body_start < end and self.tokens[body_start].is_("symbol", "^"):
            written = self._order_at(body_start, end)
            if written is None:
                raise self.error("write the order of a derivative as d^2", token)
            order, width = written
            body_start += width
        if order > 20:
            raise self.error("a derivative of order above 20 is not taken here", token)
        with self._shadowing(self._written(variable_span) if self.context.document else ""):
            return self._derivative_in(numerator, denominator, variable_span, body_start, end, order, order_den, token)

    def _written(self, span: tuple[int, int]) -> str:
        return spelled_back(self.tokens[span[0]:span[1]])

    def _derivative_in(self, numerator, denominator, variable_span, body_start, end, order, order_den, token):
        """The derivative once its variable and order are known; the operand is read with the variable shadowed."""
        variable = self._parse_span(variable_span)
        if isinstance(variable, sympy.MatrixSymbol) and order == order_den == 1:
            if not self.context.document:
                return self._derivative_of_matrix(variable, body_start, end, token)
            taken = self._derivative_of_matrix_in_document(variable, body_start, end, token) if variable.shape != (1, 1) else None
            if taken is not None and _may_hold(taken.function, variable):  # a 1 x 1 "vector" (a = u^T v, given a value later) is a number: read as one below
                return taken
            if taken is not None and isinstance(taken.function, sympy.Symbol):  # \partial J / \partial \mathbf{z}: the write-up may say what J is
                named = self._quantity_named(numerator, denominator)
                if isinstance(named, sympy.Symbol):
                    self.leibniz.append((named, taken.function, variable, 1))
                return named
        if self.context.document and (body_start < end or isinstance(variable, sympy.MatrixSymbol)) and not isinstance(variable, (sympy.Symbol, sympy.Indexed)):
            return self._quantity_named(numerator, denominator)  # \\partial L / \\partial w_3 where w_3 has a value; d/dv of a 1 x 1 v
        if not isinstance(variable, (sympy.Symbol, sympy.Indexed)):  # not a matrix, not an expression
            raise self.error(f"differentiate with respect to a scalar variable (here {variable} is not one): \\frac{{d}}{{dx}}", token)
        if order != order_den and self.context.document and order == 1:
            return self._quantity_named(numerator, denominator)  # \\partial f / \\partial \\sigma^2: in the variance
        if order != order_den:
            raise self.error(f"the orders of the derivative do not match: d^{order} over d{variable}^{order_den}", token)
        if body_start >= end:
            saved_integrals, self.integrals = self.integrals, 0
            try:
                start = self.position
                following = self._next_derivative_operator(1, in_term=True) if self.context.document else None
                if self.context.document and self._group_then_group():
                    operand = self.factor()  # \frac{d}{dx}(f)(g) - f \frac{d}{dx}(g): the operator's bracket, times the next
                elif following is not None:  # \frac{\partial}{\partial y} \log y \frac{\partial}{\partial u} S(u): a chain rule's
                    with self.bounded(self.position + following):  # links, each operator on what stands before the next
                        operand = self.term()
                else:
                    operand = self.term()  # \frac{d}{dx} f(x): the operator applies to what follows
                if self.context.document and not self._one_group(start) and not self._one_application(start):
                    operand = self._operand_goes_on(operand, variable, token)
            finally:
                self.integrals = saved_integrals
            named = self._operator_on_a_name(operand, variable, (start, self.position), variable_span, order)
            if named is not None:
                return named
        else:
            saved = self.position
            self.position = body_start
            with self.bounded(end):
                operand = self._derivative_operand(variable)
                if self.peek().kind != "end":
                    raise self.error(self._leftover_message(self.peek()))
            self.position = saved
        if isinstance(operand, (sympy.MatrixExpr, sympy.MatrixBase, sympy.Tuple)):
            raise self.error("a derivative of a matrix or a list is not read in an answer: differentiate entry by entry", token)
        operand = bound_apart(operand)  # \frac{\partial}{\partial x_k} \sum_k x_k^2: the sum's k is not the free one
        if self.context.document and isinstance(variable, sympy.Symbol) and variable not in operand.free_symbols \
                and variable.name in self.context.functions and not isinstance(self.context.functions[variable.name], IndexedFunction):
            raise self.error(f"a derivative by {variable.name}, a function the write-up defines, means by its value (as a chain rule writes "
                             "it), which is not read here: write the value's name", token)
        sibling = sibling_entry(variable, operand) if self.context.document else None
        if sibling is not None:
            raise self.error(f"{sibling} and {variable} are entries of one vector at two index letters: the derivative of one by the other "
                             f"is 1 where the letters are one entry and 0 elsewhere (a Kronecker delta), which is not read here", token)
        if self.context.document and entry_of_whole(variable, operand):
            raise self.error(f"a derivative by an entry of {entry_base(variable)}, which reads here as a whole vector or matrix: "
                             "write the expression by its entries to have it checked", token)
        if self.context.document and whole_of_entries(variable, operand):
            raise self.error(f"a derivative by the whole {variable} of an expression that holds its entries ({variable}_i): a "
                             "Jacobian, which is not read here; write it by entries (\\partial / \\partial x_j) to have it checked", token)
        hidden = subscripted_by(operand, variable, self.context.defined) if self.context.document else None
        if hidden is not None:
            raise self.error(f"{hidden} depends on {variable} through its subscript, and the write-up gives no formula for it in "
                             f"{variable}: write {hidden} as a formula to have this derivative checked", token)
        if self.context.document and body_start < end and (variable not in operand.free_symbols or sympy.diff(operand, variable) == 0):
            named = self._quantity_named(numerator, denominator)  # \\partial L / \\partial \\hat y: a name, not 0
            if isinstance(named, sympy.Symbol):
                self.leibniz.append((named, operand, variable, order))  # what it is the derivative of: the write-up may say
            return named
        return sympy.Derivative(operand, (variable, order))

    def _derivative_of_matrix_in_document(self, variable, body_start: int, end: int, token: Token):
        """In a write-up, \\frac{\\partial}{\\partial \\mathbf{x}}(\\mathbf{a}^\\top\\mathbf{x}) of a vector or matrix it declares: the
        derivative, or None when it cannot be read; the reading is left where it was when what is differentiated does
        not hold the variable (\\partial L / \\partial W with L not given is a name)."""
        saved = self.position
        try:
            derivative = self._derivative_of_matrix(variable, body_start, end, token)
        except LatexError:
            self.position = saved
            return None
        if not _may_hold(derivative.function, variable):
            self.position = saved
        return derivative  # of a name: the write-up may define it (p = softmax(z)); the judge puts that in, or says not

    def _derivative_of_matrix(self, variable, body_start: int, end: int, token: Token):
        """\\frac{\\partial L}{\\partial W}, \\frac{\\partial \\mathbf{y}}{\\partial \\mathbf{x}} (a Jacobian), \\frac{\\partial}{\\partial W} f."""
        if body_start >= end:
            operand = self.term()
        else:
            saved = self.position
            self.position = body_start
            with self.bounded(end):
                operand = self.expression()
                if self.peek().kind != "end":
                    raise self.error(self._leftover_message(self.peek()))
            self.position = saved
        return self._matrix_derivative(operand, variable, token)

    def _operator_on_a_name(self, operand, variable, operand_span: tuple[int, int], variable_span: tuple[int, int], order: int):
        """In a write-up, \\frac{\\partial}{\\partial o_k}(p_k) of a name with no formula in o_k here is the Leibniz quantity
        \\frac{\\partial p_k}{\\partial o_k} (the write-up may say what p_k is later, or never), as that fraction written
        whole would be: not 0. None for anything else."""
        if not self.context.document or order != 1 or not isinstance(operand, sympy.Expr) or isinstance(operand, sympy.MatrixExpr) \
                or variable in operand.free_symbols:
            return None
        head = self.tokens[operand_span[0]]
        own = head.text not in dialect.FUNCTIONS and head.text in self.context.functions  # the text's L, not \\log or \\sigma
        if own and self._one_application(operand_span[0]) and not (isinstance(variable, sympy.Indexed) and operand.has(variable.base)):
            # L(\mathbf{y}, \hat{\mathbf{y}}) whose formula holds nothing of o: the text differentiates through what it has not
            # tied to o (\hat{y} = softmax(o), said in words), so the Leibniz quantity, not 0
            found = [t for t in self.tokens[operand_span[0]:operand_span[1]] if t.kind != "space"]
            return self._rate_named(spelled_back(found).strip(), operand, variable, variable_span)
        if not isinstance(operand, (sympy.Symbol, sympy.Indexed)):
            return self._through_quantities(operand, variable, variable_span)
        if isinstance(operand, sympy.Symbol) and (operand.is_integer or operand in self.bound):
            return None
        found = [t for t in self.tokens[operand_span[0]:operand_span[1]] if t.kind != "space"]
        while len(found) > 2 and (found[0].is_("symbol", "(") and found[-1].is_("symbol", ")") or found[0].is_("symbol", "{") and found[-1].is_("symbol", "}")):
            found = found[1:-1]  # (p_k): the name inside its brackets
        return self._rate_named(spelled_back(found).strip(), operand, variable, variable_span)

    def _rate_named(self, written: str, quantity, variable, variable_span: tuple[int, int]):
        """The Leibniz quantity \\frac{\\partial written}{\\partial variable}: its value once the write-up gave one, else its
        symbol, noted as the derivative of `quantity` (the write-up's definitions may say what that is)."""
        name = f"\\frac{{\\partial {written}}}{{\\partial {self._written(variable_span).strip()}}}"
        given = self._given(spelled(name))
        named = sympy.Symbol(name, real=True) if given is None else given
        if isinstance(named, sympy.Symbol):
            self.leibniz.append((named, quantity, variable, 1))
        return named

    def _through_quantities(self, operand, variable, variable_span: tuple[int, int]):
        """\\frac{\\partial}{\\partial \\theta_k} \\log(\\hat{y}_i): a formula in names the write-up gives no formula in
        theta_k here, differentiated by the chain rule through them (1/y-hat_i times the Leibniz quantity
        \\frac{\\partial \\hat{y}_i}{\\partial \\theta_k}), not 0. None where it holds no such name."""
        names = sorted((s for s in operand.free_symbols if isinstance(s, sympy.Symbol) and not s.is_integer and s not in self.bound
                        and not s.name.startswith("\\frac")), key=str)
        if not names or operand.has(sympy.Indexed, sympy.Sum, sympy.Derivative) or operand.atoms(sympy.core.function.AppliedUndef) \
                or isinstance(variable, sympy.Indexed) or self.context.vectors.keys() & {name.name for name in names}:
            return None  # N(z), a function the write-up defines, or a vector's entry: read as before
        varying = {name: sympy.Function(f"_{n}")(variable) for n, name in enumerate(names)}
        taken = sympy.diff(operand.xreplace(varying), variable)
        rates = {sympy.Derivative(function, variable): self._rate_named(name.name, name, variable, variable_span) for name, function in varying.items()}
        return taken.xreplace(rates).xreplace({function: name for name, function in varying.items()})

    def _quantity_named(self, numerator: tuple[int, int], denominator: tuple[int, int]) -> sympy.Symbol:
        """A write-up's Leibniz name for a quantity it has not defined as a function: one real symbol."""
        name = f"\\frac{{{self._written(numerator)}}}{{{self._written(denominator)}}}"
        given = self._given(spelled(name))  # its value, once the write-up gave one
        return sympy.Symbol(name, real=True) if given is None else given

    def _given(self, name: str):
        """What a write-up's name stands for (a value it gave, or the name's symbol), or None if unknown."""
        for table in (self.context.expressions, self.context.symbols):
            if name in table:
                return table[name]
        return None

    def _delta_marked(self, at: int) -> bool:
        """tokens[at] is \\delta followed by a name (\\delta v_5, \\delta{v_5}), not \\delta_j, an error term."""
        return at + 1 < self.end and self.tokens[at].is_("command", "delta") and not self.tokens[at + 1].is_("symbol", "_", "^") \
            and (self.tokens[at + 1].kind == "letter" or self.tokens[at + 1].is_("symbol", "{"))

    def _after_d(self, start: int, end: int) -> int | None:
        """Where a derivative's mark (d, \\partial, \\mathrm{d}) opening tokens[start:end] ends; None if there is none."""
        if start >= end:
            return None
        first = self.tokens[start]
        if first.is_("letter", "d") or first.is_("command", "partial") or self.delta_marks and first.is_("command", "delta"):
            return start + 1
        upright = [t.text for t in self.tokens[start + 1 : start + 4]] == ["{", "d", "}"]
        if first.is_("command", "mathrm", "operatorname", "text") and end - start >= 4 and upright:
            return start + 4
        return None

    def _order_at(self, at: int, end: int) -> tuple[int, int] | None:
        """A derivative's order written at tokens[at]: ^2 or ^{2}, as (order, tokens it takes); else None."""
        written = self.tokens[at : min(at + 4, end)]
        if not written or not written[0].is_("symbol", "^"):
            return None
        if len(written) >= 2 and written[1].kind == "number" and written[1].text.isdigit():
            return int(written[1].text), 2
        if len(written) == 4 and written[1].is_("symbol", "{") and written[2].kind == "number" and written[2].text.isdigit() and written[3].is_("symbol", "}"):
            return int(written[2].text), 4
        return None

    def _closing(self, at: int, end: int) -> int | None:
        """Where the brace opened at tokens[at] closes, before `end`; None if it does not."""
        depth = 0
        for position in range(at, end):
            depth += self.tokens[position].is_("symbol", "{") - self.tokens[position].is_("symbol", "}")
            if depth == 0:
                return position
        return None

    def _partial_left_out(self, marked: tuple[int, int], unmarked: tuple[int, int]) -> bool:
        """In a write-up, a fraction with \\partial on one side only (\\frac{\\partial y_k}{w_j}, \\frac{z}{\\partial w}): a
        fraction cannot hold a lone \\partial, so it is the derivative with the other side's mark left out; the unmarked
        side must be a name or an expression (not begin with d, which may be a differential)."""
        if not self.context.document or not self.tokens[marked[0]].is_("command", "partial") or marked[1] - marked[0] < 2:
            return False
        first = self.tokens[unmarked[0]] if unmarked[0] < unmarked[1] else None
        return first is not None and self._after_d(*unmarked) is None and not any(t.is_("command", "partial") for t in self.tokens[unmarked[0]:unmarked[1]]) \
            and _opens_a_name(first)

    def _differential_in(self, span: tuple[int, int]) -> tuple[int, tuple[int, int] | None]:
        """The order and the variable's tokens of a derivative's denominator (dx, \\partial x_i, dx^2, dx^{2})."""
        start, end = span
        body = self._after_d(start, end)
        if body is None or body >= end:
            return 1, None
        order = 1
        for width in (2, 4):  # the order ends the denominator, after at least one token of the variable
            written = self._order_at(end - width, end) if end - width > body else None
            if written is not None and written[1] == width:
                order, end = written[0], end - width
                break
        if self.tokens[body].is_("symbol", "{") and self._closing(body, end) == end - 1 and end - body > 2:
            body, end = body + 1, end - 1  # \partial{v_c}: the variable in braces
        head = self.tokens[body]
        if not _opens_a_name(head):
            return 1, None
        return order, (body, end)

    def _derivative_operator_ahead(self, ahead: int) -> bool:
        """\\frac{d}{dx}, \\dfrac{\\partial}{\\partial x} (an operator, nothing over the d) at `ahead`."""
        if not self.at("command", "frac", "dfrac", "tfrac", ahead=ahead) or not self.at("symbol", "{", ahead=ahead + 1):
            return False
        numerator = self.peek(ahead + 2)
        return (numerator.is_("letter", "d") or numerator.is_("command", "partial")) and self.at("symbol", "}", ahead=ahead + 3)

    def _derivative_operator_before(self, ahead: int, in_term: bool = False) -> bool:
        """A derivative operator outside brackets from `ahead` on, before the side's relation (and, `in_term`, before the
        next + or -: (1 - t) \\frac{\\partial}{\\partial y} \\log(1 - y) is a derivative of its own, not more of the one
        before); a k = 1 under a sum is inside its braces."""
        return self._next_derivative_operator(ahead, in_term) is not None

    def _next_derivative_operator(self, ahead: int, in_term: bool = False) -> int | None:
        """How far ahead the derivative operator `_derivative_operator_before` looks for is, or None."""
        stops = ("+", "-", "=") if in_term else ("=",)
        depth, at = 0, ahead
        while self.position + at < self.end:
            token = self.peek(at)
            if token.kind == "end" or depth == 0 and (token.is_("symbol", *stops) or token.kind == "relation"):
                return None
            if depth == 0 and self._derivative_operator_ahead(at):
                return at
            depth += 1 if token.is_("symbol", "(", "[", "{") else -1 if token.is_("symbol", ")", "]", "}") else 0
            at += 1
        return None

    def _group_then_group(self) -> bool:
        """A bracketed group here, and another right after it ((e^{x_j}) (\\sum_k e^{x_k}), as the quotient rule is written), or
        a product sign (\\frac{d}{dx}(\\frac{x}{2}) \\cdot (1 + t), as the product rule is)."""
        opener = self.peek()
        if opener.is_("command", "left"):
            try:
                close = self.matching("left", "right", "command", start=self.position) + 2  # past \right and its delimiter
            except LatexError:
                return False
        elif opener.is_("symbol", "(", "["):
            try:
                close = self.matching(opener.text, {"(": ")", "[": "]"}[opener.text], start=self.position) + 1
            except LatexError:
                return False
        else:
            return False
        following = self.tokens[close] if close < self.end else None
        product = following is not None and (following.is_("symbol", "*") or following.is_("command", "cdot", "times"))  # (\frac{x}{2}) \cdot (1 + t)
        if following is None or not (following.is_("symbol", "(", "[") or following.is_("command", "left") or product):
            return False
        # only where the line writes the rule out (f' g - f g': another derivative operator later on the side); alone,
        # \\frac{d}{dx}(x^2)(x + 1) keeps its old reading, the derivative of the product
        return self._derivative_operator_before(close - self.position)

    def _one_group(self, start: int) -> bool:
        """The tokens from `start` to here are one bracketed group: (x^2), [e^{-z}], \\left( .. \\right)."""
        first = self.tokens[start]
        try:
            if first.is_("symbol", "(", "["):
                return self.matching(first.text, {"(": ")", "[": "]"}[first.text], start=start) == self.position - 1
            if first.is_("command", "left"):
                return self.matching("left", "right", "command", start=start) + 1 >= self.position - 1  # \\right and its delimiter close it
        except LatexError:  # [0, 1): closed by another bracket
            return False
        return False

    def _one_application(self, start: int) -> bool:
        """The tokens from `start` to here are one function applied: \\ln(1 + e^{-z}), \\sigma(w x), f(x) (d/dz of it, then
        whatever is added)."""
        first = self.tokens[start]
        if not (first.kind == "command" and (first.text in dialect.FUNCTIONS or first.text in self.context.functions)
                or first.kind == "letter" and first.text in self.context.functions):
            return False
        at = start + 1
        while at < self.position and not self.tokens[at].is_("symbol", "(") and not self.tokens[at].is_("command", "left"):
            at += 1  # \sigma^2(x), \log_2(x): scripts before the brackets
        return at < self.position and self._one_group(at)

    def _operand_goes_on(self, operand, variable, token: Token):
        """\\frac{\\partial}{\\partial x} x^2 + 3x in a write-up: the terms after it that still hold x are what the author
        differentiates (as a sum's body goes on); a term without x after that is either added or differentiated to 0,
        and which is meant is not written."""
        operand = self._body_goes_on(operand, {variable}, derivative=True)
        if self.at("symbol", "+", "-") and not self._derivative_operator_before(1, in_term=True):
            if self.context.operand_reach == "whole":
                return operand + self.expression()  # read as differentiating every term after it
            if self.context.operand_reach != "term":
                raise self.error(f"what \\frac{{d}}{{d{variable}}} applies to is not clear: a term after it without {variable} may be "
                                 "added or differentiated; put what is differentiated in brackets", token, kind=AmbiguousOperand)
        return operand

    def _derivative_operand(self, variable):
        """The numerator of \\frac{d\\varphi}{dx}: a bare function name means that function of x."""
        token = self.peek()
        name = token.text if token.kind in ("letter", "command") else None
        if token.is_("command", "text", "mathrm", "operatorname") and self.context.document:
            name = self._word_named_alone()  # \\frac{\\partial \\text{BCE}}{\\partial p}: the write-up's function named in words
        elif name and self.context.function(name) is not None and self.peek(1).kind == "end":
            self.take()
        else:
            name = None
        if name:
            if name in self.context.valued_functions or self.context.document and name in self.context.quantities:
                return self.context.symbols.get(name) or sympy.Symbol(name, real=True)  # d\sigma/dz after \sigma = \sigma(2z), or of a \sigma never applied: the name
            if self.context.document and name in self.context.of_vectors:
                return sympy.Symbol(name, real=True)  # dE/dx for E(o) of a vector o: a quantity of its own, not E(x)
            function = self.context.function(name)
            if isinstance(function, IndexedFunction):
                return function.build(sympy.Symbol(_vector_name(self.context)), self.context.index)
            if name in self.context.parameters:  # \partial f / \partial x_2 for f(x_1, x_2) = ...: f of its own values
                return function(*self.context.parameters[name])
            return function(variable)
        return self.expression()

    def _word_named_alone(self) -> str | None:
        """\\text{BCE} (or \\mathrm, \\operatorname) naming a function the write-up defines, and nothing after it: the
        name, read past; else None, where it was."""
        saved = self.position
        self.take()
        try:
            word = self._word()
        except LatexError:
            word = None
        if word and self.context.function(word) is not None and word not in dialect.FUNCTIONS and self.peek().kind == "end":
            return word
        self.position = saved
        return None

    def _sqrt(self, token: Token):
        self.take()
        index = None
        if self.at("symbol", "["):
            end = self.matching("[", "]")
            index = self._parse_span((self.position + 1, end))
            self.position = end + 1
        if self.at("symbol", "{"):
            radicand = self.braced()
        elif self.at("symbol", "("):
            radicand = self.group("(", ")")  # sqrt(x), typed without a backslash
        elif self.peek().kind in ("number", "letter") or self.at("command"):
            radicand = self.script()
        else:
            raise self.error("\\sqrt needs an argument: \\sqrt{x}", token)
        if isinstance(radicand, (sympy.Tuple, sympy.MatrixExpr, sympy.MatrixBase)):
            raise self.error("the square root of a list or a matrix is not read", token)
        return sympy.sqrt(radicand) if index is None else self._power(radicand, 1 / index, token)

    def _binom(self, token: Token):
        self.take()
        n = self._parse_span(self._argument_span(token))
        k = self._parse_span(self._argument_span(token))
        if n.is_number and _number_digits(n) > 4:
            raise self.error(f"a number in this answer has more than {MAX_DIGITS:,} digits; it is not evaluated", token)
        return sympy.binomial(n, k)

    def _big_operator(self, token: Token):
        """\\sum_{j=1}^{K} body, \\sum_j body (the problem's bounds), \\prod likewise."""
        if self.context.document and self._names_the_sum():
            self.take()
            if self.at("symbol", "_"):  # \\sum_K: the sum over K, named
                return self._primed(plain_name(f"{token.text}_{{{self._name_subscript().raw}}}"))
            return self._primed(token.text)  # e_j' \\sum - e_j \\sum': "the sum", a name (and its derivative's)
        self.take()
        variable, lower, upper, others = None, None, None, []
        for _ in range(2):
            if self.at("symbol", "_") and variable is None:
                variable, lower, written = self._index_range(token)
                upper = upper if written is None else written
                others, self.paired = self.paired, []
            elif self.at("symbol", "^") and upper is None:
                self.take()
                if self.at("symbol", "{") and self.at("symbol", "}", ahead=1):  # \\sum_{w \\in V}^{}: no bound written
                    self.position += 2
                    continue
                upper = self._upper_bound(subscript_to_come=variable is None)
        if variable is None and lower is None and upper is None and token.text == "sum" and self.context.document:
            entries = self._entries_summed()
            if entries is not None:  # \sum \delta of a vector: its entries added, 1^T \delta
                return entries
        if variable is None:
            variable = self._summed_index(token)
        if upper is None:
            upper = self._bare_range(variable.name)
            if upper is None:
                raise self.error(f"a sum without bounds needs bounds here: write \\{token.text}_{{{variable}=1}}^{{n}}", token)
        excluded = self.excluded.pop() if self.excluded else None
        if others and excluded is not None:
            raise self.error(f"\\{token.text} over several indices with one left out is not read: write one sum per index", token)
        self.bound.extend([variable, *others])
        try:
            with ExitStack() as shadows:
                for index in (variable, *others):
                    shadows.enter_context(self._shadowing(index.name))
                body = self.term()
                if self.context.document:
                    body = self._body_goes_on(body, {variable, *others})
        finally:
            del self.bound[-1 - len(others):]
        family = _vector_of_each(body, {variable, *others}) if self.context.document else None
        if family is not None:  # \sum_w \exp(u_w^T v_c): one vector per w, which a vector's one symbol cannot be
            self.families.append((family, variable, token))
        kind = sympy.Sum if token.text == "sum" else sympy.Product
        limits = [(index, lower if lower is not None else 1, self._bound_of(index, upper)) for index in others]  # \sum_{i, j}: over both
        if limits:  # \sum_{m, n} with the size n: the index n is its own, not the bound every index runs to
            bounds = set().union(*(getattr(limit[2], "free_symbols", set()) for limit in limits), getattr(upper, "free_symbols", set()))
            named = {str(bound) for bound in bounds}  # by name: a later stage takes one letter for one quantity
            own = {index: sympy.Dummy(index.name, integer=True) for index in (variable, *others) if index.name in named}
            body = body.xreplace(own)
            self._leibniz_moved(body, own)
            variable = own.get(variable, variable)
            limits = [(own.get(index, index), start, bound) for index, start, bound in limits]
        total = kind(body, (variable, lower if lower is not None else 1, upper), *limits)
        if excluded is not None:  # \\sum_{k \\neq i} x_k: the whole sum without its i-th term
            term = self._term_at(body, variable, excluded)
            return total - term if kind is sympy.Sum else total / term
        return total

    def _leibniz_moved(self, body, mapping: dict) -> None:
        """The Leibniz names in a sum's body whose index the sum renamed (\\sum_{m,n} over the size n: its own n), their
        quantities renamed with it: \\partial \\log X_{mn} / \\partial X_{ij} is of the sum's X_{mn}, not of X at the size."""
        for at, (named, quantity, by, order) in enumerate(self.leibniz):
            if named in body.free_symbols and set(mapping) & (_free_of(quantity) | _free_of(by)):
                self.leibniz[at] = (named, quantity.xreplace(mapping), by.xreplace(mapping), order)

    def _term_at(self, body, variable, value):
        """A sum's body at one value of its index, Leibniz names included: \\frac{\\partial a_j}{\\partial z_i} at j = i is
        the name \\frac{\\partial a_i}{\\partial z_i}, the derivative of a_i (a name keeps its letters through subs)."""
        renamed = {}
        for named, quantity, by, order in list(self.leibniz):
            if named in body.free_symbols and named not in renamed and variable in _free_of(quantity) | _free_of(by) and isinstance(value, sympy.Symbol):
                letter = re.escape(variable.name)
                name = re.sub(r"_(\{?)" + letter + r"(\}?)(?![A-Za-z])", lambda m: f"_{m.group(1)}{value.name}{m.group(2)}", named.name)
                renamed[named] = sympy.Symbol(name, **named.assumptions0)
                self.leibniz.append((renamed[named], quantity.subs(variable, value), by.subs(variable, value), order))
        return body.xreplace(renamed).subs(variable, value)

    def _letter_index_ahead(self) -> bool:
        """A letter typed right after a sum's index with nothing between (\\sum_{mn}, as the entry Y_{mn} is written)."""
        token = self.peek()
        if token.kind != "letter" or len(token.text) != 1 or token.space_before:
            return False
        return self.peek(1).kind in ("end", "letter") or self.at("symbol", "=", ahead=1)

    def _bound_of(self, index, written):
        """Where a further index of \\sum_{i, j} runs to: the bound written for both, else its own letter's bound."""
        if written is not None and written is not DOCUMENT_SIZE:
            return written
        return self.context.sum_bounds.get(index.name, written)

    def _names_the_sum(self) -> bool:
        return names_the_sum([self.peek(ahead) for ahead in range(8)])

    def _body_goes_on(self, body, indices: set, derivative: bool = False):
        """\\sum_i a_i + b_i in a write-up: a term after + or - that still uses a summed index (not read as a free
        index before the sum) is the body's, as its author meant; a term without one ends the sum (for a derivative's operand, so does a
        term that is a derivative of its own: d/dz f + d/dz g)."""
        while self.at("symbol", "+", "-") and not (derivative and self._derivative_operator_before(1, in_term=True)):
            start, sign = self.position, self.take()
            kept = len(self.notes), len(self.decimals), len(self.leibniz)  # a term read ahead and left is read again later
            try:
                following = self.term()
            except LatexError:
                following = None
            summed = {index for index in indices if index.name not in self.free_letters}  # e^{x_k} \\sum_k e^{x_k} - e^{2x_k}: k is free too
            if not (isinstance(following, sympy.Basic) and summed & following.free_symbols):
                self.position = start
                del self.notes[kept[0]:], self.decimals[kept[1]:], self.leibniz[kept[2]:]
                break
            body = self._combine(body, following if sign.text == "+" else -following, "+", sign)
        return body

    def _upper_bound(self, subscript_to_come: bool = False):
        """A sum's ^N: TeX's one token, so \\sum_{n=1}^N (a_n - b_n) sums the bracket (N is not applied to it), and in
        \\sum^K_{k=1} the _ after K is the sum's own."""
        token = self.peek()
        if token.kind == "letter" and len(token.text) == 1 and (subscript_to_come or not self.at("symbol", "_", ahead=1)):
            self.take()
            return self.resolve(token.text, None, token)
        return self.script()

    def _entries_summed(self):
        """A bare \\sum before a vector known by its entries, or a function of such vectors, with no index written (\\sum
        \\delta, \\sum \\exp(x)): the sum of the entries, as \\|x\\| is read; None (the position kept) for anything else."""
        start, notes = self.position, len(self.notes)
        try:
            body = self.term()
        except LatexError:
            body = None
        vectors = {symbol: self.context.vectors[symbol.name] for symbol in _free_of(body) if isinstance(symbol, sympy.Symbol)
                   and symbol.name in self.context.vectors and symbol.name not in self.context.tables}
        if not vectors or not isinstance(body, sympy.Expr) or body.atoms(sympy.Indexed):
            self.position = start
            del self.notes[notes:]
            return None
        return _over_entries(lambda j: body.xreplace({symbol: entries[j] for symbol, entries in vectors.items()}))

    def _summed_index(self, token: Token):
        """\\sum e^{x_j}: the one index its summand's entries carry is the sum's index (else it must be written)."""
        start, notes = self.position, len(self.notes)
        end = start
        try:
            body = self.term()  # read once to see the indices, then again with the index bound
            end = self.position
        except LatexError:
            body = None
        finally:
            self.position = start
            del self.notes[notes:]
        atoms = getattr(body, "atoms", lambda *_: set())
        indices = {index.name for entry in atoms(sympy.Indexed) for index in entry.indices if index.is_Symbol}
        indices |= {match.group(1) for symbol in atoms(sympy.Symbol) if (match := _LETTER_SUBSCRIPT.match(symbol.name))}  # x_j, unbound yet
        indices |= {match.group(1) for symbol in atoms(sympy.Symbol) if (match := _LETTER_SAMPLE.search(symbol.name))}  # y^{(i)}: sample i
        indices |= {match.group(1) for symbol in atoms(sympy.Symbol) if symbol.name.startswith("\\frac")  # dC/dz_k: a Leibniz name's
                    for match in _LEIBNIZ_INDEX.finditer(symbol.name)}
        if len(indices) > 1 and len(indices - self.context.beside) == 1:
            indices -= self.context.beside  # dC/dz_j = \\sum dC/dz_k dz_k/dz_j: j is the line's own index, k the sum's
        outside = subscript_letters(self.tokens[:self.tokens.index(token)] + self.tokens[end:])[0] if self.context.document and token in self.tokens else frozenset()
        if len(indices) > 1 and len(indices - outside) == 1:  # v_c \\frac{e^{u_o^T v_c}}{\\sum e^{u_w^T v_c}}: c is the side's own (v_c outside), w the sum's
            indices -= outside
        if len(indices) != 1:
            raise self.error(f"\\{token.text} needs its index: \\{token.text}_{{j=1}}^{{n}}", token)
        return self.context.symbol(indices.pop())

    def _fixed_before(self, variable, left_out, token: Token) -> bool:
        """\\sum_{i \\neq j} written after terms that carry i as their index and not j: the sum runs over j, i left out."""
        if not (isinstance(variable, sympy.Symbol) and isinstance(left_out, sympy.Symbol)):
            return False
        carried, summed = subscript_letters(self.tokens[:self.tokens.index(token)] if token in self.tokens else [])
        scripts = carried - summed  # a name's subscript (y_i, p_{i}), not another sum's index (\\sum_j x_j)
        return variable.name in scripts and left_out.name not in scripts

    def _index_range(self, token: Token):
        """A sum's subscript: (its index, the lower bound written or None, the upper bound written in it or None)."""
        self.take()
        if self.at("symbol", "{"):
            end = self.matching("{", "}")
            self.take()
            with self.bounded(end):
                chained = self._chained_range(end)
                if chained is not None:  # \\sum_{1 \\le i \\le n}, \\sum_{-m \\le j \\le m, j \\ne 0}
                    variable, lower, upper = chained
                    variable = self._index_conditions(variable, token)
                    if self.peek().kind != "end":
                        raise self.error(f"read the index of \\{token.text} as {variable}; write \\{token.text}_{{{variable}=1}}^{{n}}")
                    self.position = end + 1
                    return variable, lower, upper
                variable = self._index_variable(token)
                while self.context.document and self.at("symbol", ",") and self.peek(1).kind == "letter":  # \sum_{i, j}: both indices
                    self.take()
                    self.paired.append(self._index_variable(token))
                while self.context.document and self._letter_index_ahead() and len(self.paired) < 2:  # \sum_{mn}: over m and n
                    self.paired.append(self._index_variable(token))
                lower = None
                if self.at("symbol", "="):
                    self.take()
                    lower = self.expression()
                elif self.context.document:
                    variable = self._index_conditions(variable, token)
                if self.peek().kind != "end":
                    raise self.error(f"read the index of \\{token.text} as {variable}; write \\{token.text}_{{{variable}=1}}^{{n}}")
            self.position = end + 1
            return variable, lower, None
        return self._index_variable(token), None, None

    def _chained_range(self, end: int):
        """`a \\le i \\le b` opening a sum's subscript (up to a comma or its end): (i, a, b), a strict < moving its bound
        by one (whole numbers); None for any other subscript. The position is left after b."""
        depth, relations, stop = 0, [], end
        for at in range(self.position, end):
            token = self.tokens[at]
            depth += token.is_("symbol", "{", "(", "[") - token.is_("symbol", "}", ")", "]")
            if depth == 0 and token.is_("symbol", ","):
                stop = at
                break
            if depth == 0 and (token.is_("command", "le", "leq") or token.is_("symbol", "<")):
                relations.append(at)
        if len(relations) != 2 or relations[1] - relations[0] != 2 or relations[0] == self.position or relations[1] + 1 >= stop:
            return None
        letter = self.tokens[relations[0] + 1]
        if letter.kind != "letter" or len(letter.text) != 1:
            return None
        lower, upper = self._parse_span((self.position, relations[0])), self._parse_span((relations[1] + 1, stop))
        lower += int(self.tokens[relations[0]].is_("symbol", "<"))
        upper -= int(self.tokens[relations[1]].is_("symbol", "<"))
        self.position = stop
        return self.context.symbol(letter.text), lower, upper

    def _index_conditions(self, variable, token: Token):
        """What follows a write-up's sum index, condition by condition, commas between: `\\neq i` (every value but i),
        `\\in V` (every value, V the set of them all), as in \\sum_{w \\in V,\\, w \\neq o}. The index the sum runs over."""
        while True:
            if self.at("command", "ne", "neq"):  # \\sum_{k \\neq i}: every k but i
                self.take()
                left_out = self.expression()
                if self._fixed_before(variable, left_out, token):  # y_i p_i + \\sum_{i \\ne j} y_j p_i: i is the line's, j runs
                    variable, left_out = left_out, variable
                self.excluded.append(left_out)
            elif self.at("command", "in"):  # \\sum_{w \\in V}: the set is read past, up to the next condition
                self.take()
                while self.peek().kind != "end" and not self.at("symbol", ","):
                    self.position = self.matching("{", "}") + 1 if self.at("symbol", "{") else self.position + 1
            if not (self.at("symbol", ",") and self.peek(1).is_("letter", variable.name)):
                return variable
            self.take()
            self.take()  # the index again, before its next condition

    def _index_variable(self, token: Token):
        ahead = self.take()
        if ahead.kind == "letter" and self.context.document and self.at("symbol", "'"):
            primes = 0
            while self.at("symbol", "'"):
                self.take()
                primes += 1
            return self.context.symbol(ahead.text + "'" * primes)  # \sum_{k'}: another index than the k outside it
        if ahead.kind == "letter" or ahead.kind == "command" and ahead.text in dialect.GREEK:
            return self.context.symbol(ahead.text)
        if self.context.document and ahead.is_("command", "forall"):  # \sum_{\forall n}, \sum_{\forall_{n}}: over every n
            if self.at("symbol", "_"):
                self.take()
            if not self.at("symbol", "{"):
                return self._index_variable(token)
            end = self.matching("{", "}")
            self.take()
            with self.bounded(end):
                variable = self._index_variable(token)
            self.position = end + 1
            return variable
        raise self.error(f"the index of \\{token.text} must be a letter", ahead)

    def _integral(self, token: Token):
        """\\int_a^b f(t)\\, dt and \\int f\\,dx: the differential closes the integrand."""
        self.take()
        lower = upper = None
        for _ in range(2):
            if self.at("symbol", "_") and lower is None:
                self.take()
                lower = self.script()
            elif self.at("symbol", "^") and upper is None:
                self.take()
                upper = self.script()
        if (lower is None) != (upper is None):
            raise self.error("a definite integral needs both bounds: \\int_{a}^{b}", token)
        self.integrals += 1
        try:
            if self._differential_ahead():
                integrand = sympy.Integer(1)
                variable = self._differential()
                if self._starts_factor(self.peek(), False):
                    integrand = self.term()
            else:
                outer, self.differential = self.differential, None
                integrand = self.expression()
                variable, self.differential = self.differential, outer
                if variable is None:
                    if not self._differential_ahead():
                        raise self.error("an integral needs its variable: end it with dx (or dt, ...)", token)
                    variable = self._differential()
        finally:
            self.integrals -= 1
        return sympy.Integral(integrand, (variable, lower, upper)) if lower is not None else sympy.Integral(integrand, variable)

    def _differential_ahead(self) -> bool:
        token, following = self.peek(), self.peek(1)
        if token.is_("letter", "d"):
            return following.kind == "letter" or following.is_("command") and following.text in dialect.GREEK
        if token.is_("command", "mathrm", "text", "operatorname") and self.at("symbol", "{", ahead=1) and self.at("letter", "d", ahead=2) and self.at("symbol", "}", ahead=3):
            return True
        return False

    def _differential(self):
        if self.at("letter", "d"):
            self.take()
        else:
            self.position += 4
        variable = self.take()
        return self.context.symbol(variable.text)

    def _limit(self, token: Token):
        """\\lim_{x \\to a} body, with a one-sided a^+ or a^-."""
        self.take()
        if not self.at("symbol", "_"):
            raise self.error("\\lim needs where it goes: \\lim_{x \\to \\infty}", token)
        self.take()
        if not self.at("symbol", "{"):
            raise self.error("write the limit's subscript in braces: \\lim_{x \\to 0}", token)
        end = self.matching("{", "}")
        self.take()
        with self.bounded(end):
            variable = self.expression()
            implicit = self.context.document and variable in (sympy.oo, -sympy.oo) and self.peek().kind == "end"  # \\lim_{+\\infty}
        if implicit:
            self.position = end + 1
            return self._limit_of_its_one_variable(self.term(), variable, token)
        with self.bounded(end):
            if not self.at("command", "to", "rightarrow", "longrightarrow") and not (self.at("symbol", "-") and self.at("symbol", ">", ahead=1)):
                raise self.error("a limit reads \\lim_{x \\to a}")
            if self.at("symbol", "-"):
                self.take()
            self.take()
            direction, point_end = self._one_sided(end)
            with self.bounded(point_end):
                point = self.expression()
                if self.peek().kind != "end":
                    raise self.error(self._leftover_message(self.peek()))
            self.position = end
            if self.peek().kind != "end":
                raise self.error(self._leftover_message(self.peek()))
        self.position = end + 1
        if not isinstance(variable, sympy.Symbol):
            raise self.error("the limit's variable must be a name", token)
        body = self.term()
        if point in (sympy.oo, -sympy.oo):
            return sympy.Limit(body, variable, point)
        return sympy.Limit(body, variable, point, direction)

    def _limit_of_its_one_variable(self, body, point, token: Token):
        """A write-up's \\lim_{+\\infty} body: the limit in the body's one variable (none: the body itself)."""
        names = sorted(body.free_symbols, key=str) if isinstance(body, sympy.Basic) else []
        if len(names) > 1:
            shown = ", ".join(map(str, names))
            raise self.error(f"\\lim_{{{sympy.latex(point)}}} does not say which of {shown} goes to {sympy.latex(point)}: write \\lim_{{{names[0]} \\to {sympy.latex(point)}}}", token)
        return sympy.Limit(body, names[0], point) if names else body

    def _one_sided(self, end: int) -> tuple[str, int]:
        """x \\to 0^+, 0^{-}, 0+: the side a limit comes from, and where its point ends."""
        tail = [t.text for t in self.tokens[max(self.position, end - 4) : end]]
        if tail[-2:] in (["^", "+"], ["^", "-"]):
            return tail[-1], end - 2
        if tail[-4:] in (["^", "{", "+", "}"], ["^", "{", "-", "}"]):
            return tail[-2], end - 4
        if len(tail) >= 2 and tail[-1] in "+-" and end - 1 > self.position:
            return tail[-1], end - 1
        return "+-", end

    def _environment(self, token: Token):
        """\\begin{pmatrix} .. \\end{pmatrix} (and bmatrix, matrix, array, vmatrix), \\begin{cases} .. \\end{cases}."""
        self.take()
        name = self._environment_name(token)
        if name in ("cases", "dcases"):
            return self._cases(token, name)
        if name not in dialect.MATRIX_ENVIRONMENTS:
            raise self.error(f"the environment {name} is not read in an answer; matrices use pmatrix or bmatrix, cases use cases", token)
        if name == "array" and self.at("symbol", "{"):
            self.position = self.matching("{", "}") + 1
        if self.at("symbol", "[") and self.at("letter", "l", "c", "r", ahead=1) and self.at("symbol", "]", ahead=2):
            self.position += 3  # mathtools' bmatrix*[r]: how the cells are aligned
        rows = [[]]
        separators = set()  # "&" between a matrix's cells, or "," in a list typed in brackets
        while True:
            if self.at("command", "end"):
                break
            if self.peek().kind == "end":
                raise self.error(f"\\begin{{{name}}} is never closed by \\end{{{name}}}", token)
            if separators == {","} and self.at("command", "\\"):  # "a, b, \\ c": a list's line ends after a comma
                self.take()
                continue
            if self.context.document and self.at("command", *_VECTOR_ELLIPSES) and (self.at("command", "\\", "end", ahead=1) or self.at("symbol", "&", ahead=1)):
                rows[-1].append(_GAP)  # \\vdots in a column, \\cdots in a row: the entries a pattern leaves out
                self.take()
            else:
                rows[-1].append(self.expression())
            if self.at("symbol", "&", ","):
                separators.add(self.take().text)
                if len(separators) > 1:
                    raise self.error("a matrix separates its cells with & (a list typed in brackets with commas): not both")
            elif self.at("command", "\\"):
                self.take()
                while self.context.document and self.at("command", "\\"):  # a blank row typed for spacing (\\ \\)
                    self.take()
                if self.at("command", "end"):
                    break
                rows.append([])
            elif not self.at("command", "end"):
                raise self.error(self._leftover_message(self.peek()))
        self._close_environment(name, token)
        if separators == {","}:  # \\begin{bmatrix} 1, 2, \\ 5, 8 \\end{bmatrix}: the list [1, 2, 5, 8], as the student typed it
            return sympy.Tuple(*(entry for row in rows for entry in row))
        cells = [cell for row in rows for cell in row]
        if any(cell is _GAP for cell in cells):
            if len(rows) > 1 and any(len(row) > 1 for row in rows) or cells.count(_GAP) > 1 or cells[0] is _GAP or cells[-1] is _GAP:
                raise self.error("a matrix with an ellipsis is read only as one column or one row with a pattern (x_1, \\dots, x_n)", token)
            gap = cells.index(_GAP)
            return _pattern_vector([c for c in cells if c is not _GAP], gap, self, token, column=len(rows) > 1)
        widths = {len(row) for row in rows}
        if len(widths) != 1:
            raise self.error("the rows of this matrix have different lengths", token)
        matrix = sympy.ImmutableMatrix(rows)
        return matrix.det() if name == "vmatrix" else matrix

    def _environment_name(self, token: Token) -> str:
        return self._braced_text("\\begin needs an environment name: \\begin{pmatrix}").rstrip("*")

    def _braced_text(self, missing: str) -> str:
        """The raw text of {..}, for names that are not mathematics (environments, \\text{if})."""
        opener = self.expect("symbol", "{", missing)
        pieces = []
        while not self.at("symbol", "}"):
            piece = self.take()
            if piece.kind == "end":
                raise self.error("'{' is never closed", opener)
            pieces.append(piece.text)
        self.take()
        return "".join(pieces)

    def _close_environment(self, name: str, token: Token) -> None:
        self.expect("command", "end", f"\\begin{{{name}}} is never closed by \\end{{{name}}}")
        closing = self._environment_name(token)
        if closing != name:
            raise self.error(f"\\begin{{{name}}} is closed by \\end{{{closing}}}", token)

    def _cases(self, token: Token, name: str):
        pieces = []
        while not self.at("command", "end"):
            if self.peek().kind == "end":
                raise self.error("\\begin{cases} is never closed by \\end{cases}", token)
            value = self.expression()
            if self.at("symbol", ","):
                self.take()
            self.expect("symbol", "&", "each case reads value & condition")
            condition = self._condition()
            pieces.append((value, condition))
            if self.at("command", "\\"):
                self.take()
        self._close_environment(name, token)
        if not pieces:
            raise self.error("an empty cases block", token)
        return sympy.Piecewise(*pieces)

    def _condition(self):
        if self.at("command", "text", "mathrm", "textrm", "mbox"):
            self.take()
            word = self._text_words()
            if word in ("otherwise", "else", "elsewhere", "sonst"):
                return sympy.true
            if word not in ("if", "for", "when", "where", ""):
                raise self.error(f"a case's condition reads 'if x < 0' or 'otherwise', not '{word}'")
        if self.at("letter", "o") and "".join(t.text for t in self.tokens[self.position:self.position + 9]) == "otherwise":
            self.position += 9
            return sympy.true
        if self.at("letter", "i") and self.at("letter", "f", ahead=1):
            self.position += 2
        left = self.expression()
        relations = []
        try:
            while self._relation_ahead():
                op = self._take_relation()
                right = self.expression()
                relations.append(_relation(op, left, right, evaluate=True))
                left = right
        except TypeError as error:
            raise self.error(f"cannot read this condition ({error})") from None
        if not relations:
            raise self.error("a case's condition is a comparison such as x < 0, or 'otherwise'")
        return sympy.And(*relations)

    def _text_words(self) -> str:
        return self._braced_text("\\text needs braces").strip().lower()


@dataclass(frozen=True)
class Subscript:
    """What a _ carries, kept as tokens: a name's part (W_1), an index (x_i), or two (w_{kj})."""

    tokens: tuple
    parser: _Parser

    @property
    def raw(self) -> str:
        out = []
        for token in self.tokens:
            out.append(("\\" + token.text + " ") if token.kind == "command" else token.text)
        return _greek_spelled("".join(out).strip(), self.tokens)

    def value(self):
        return self._parse(self.tokens)

    def _parse(self, tokens_: tuple):
        parser = _Parser.__new__(_Parser)
        parser.__dict__.update(self.parser.__dict__)
        parser.tokens = list(tokens_) + [Token("end", "", tokens_[-1].position + 1)]
        parser.position, parser.end, parser.notes = 0, len(tokens_), []
        value = parser.expression()
        if parser.peek().kind != "end":
            raise parser.error(parser._leftover_message(parser.peek()))
        return value

    def indices(self, two: bool) -> tuple:
        """x_i -> (i,); for a weight table (`two`) w_{kj}, w_{k,j} -> (k, j) and w_{k0} -> (k, 0)."""
        pieces = _split_commas(self.tokens)
        if len(pieces) > 1:
            return tuple(self._parse(piece) for piece in pieces)
        return (two and self._adjacent_pair()) or (self.value(),)

    def is_label(self) -> bool:
        """o1, h2, o_{1}, H21.H11: a unit's label typed as a letter and its number (out_{o1}), not an index into a vector."""
        found = self.tokens
        if any(t.is_("symbol", ".") for t in found):
            return True  # w_{H21.H11}: the weight from H11 to H21, a label (a product of indices would make it w_{H11.H21})
        return len(found) >= 2 and found[0].kind == "letter" and len(found[0].text) == 1 and (
            len(found) == 2 and found[1].kind == "number" or found[1].is_("symbol", "_"))

    def pair(self):
        """The two indices of \\delta_{ki}, \\delta_{k,i} or \\delta_{12}; None when there are not two."""
        pieces = _split_commas(self.tokens)
        if len(pieces) == 2:
            return tuple(self._parse(piece) for piece in pieces)
        return self._adjacent_pair()

    def _adjacent_pair(self):
        """kj, k0 or 12 written together: two one-character indices."""
        if len(self.tokens) == 2 and all(t.kind in ("letter", "number") and len(t.text) == 1 for t in self.tokens):
            return tuple(self._parse((t,)) for t in self.tokens)
        if len(self.tokens) == 1 and self.tokens[0].kind == "number" and len(self.tokens[0].text) == 2:
            return tuple(sympy.Integer(d) for d in self.tokens[0].text)
        return None


def _split_commas(tokens_: tuple) -> list[tuple]:
    pieces, current, depth = [], [], 0
    for token in tokens_:
        if token.is_("symbol", "(", "[", "{"):
            depth += 1
        elif token.is_("symbol", ")", "]", "}"):
            depth -= 1
        if token.is_("symbol", ",") and depth == 0:
            pieces.append(tuple(current))
            current = []
        else:
            current.append(token)
    pieces.append(tuple(current))
    return [p for p in pieces if p]


MATRIX_SIZE = sympy.Symbol("n_{matrix}", integer=True, positive=True)  # square matrices of a free context
DOCUMENT_SIZE = sympy.Symbol("n", integer=True, positive=True)  # where a write-up's bare \sum_j ends


class EntryExtremum(sympy.Function):
    """max_{j=1..N} body(j) (sign 1) or min (sign -1): a write-up's \\max_j x_j, the stable softmax's shift. It stays
    unevaluated while N is a symbol and becomes sympy's Max (Min) of the terms once a size is put in, so it is computed at
    every point a step is evaluated at; its index is bound (no free symbol)."""

    @classmethod
    def eval(cls, sign, body, index, upper):
        if upper.is_Integer and 1 <= int(upper) <= MAX_EXTREMUM_TERMS:
            terms = [body.xreplace({index: sympy.Integer(k)}) for k in range(1, int(upper) + 1)]
            return sympy.Max(*terms) if sign == 1 else sympy.Min(*terms)
        return None

    @property
    def free_symbols(self):
        sign, body, index, upper = self.args
        return (body.free_symbols - {index}) | upper.free_symbols

    def _latex(self, printer):
        sign, body, index, upper = self.args
        return rf"\{'max' if sign == 1 else 'min'}_{{{index}}} {printer._print(body)}"


MAX_EXTREMUM_TERMS = 1000


_ELLIPSES = ("dots", "cdots", "ldots", "dotsb", "dotsc")
_SET_LETTERS = frozenset("RNZQC")  # \\mathbb{R}: a set; \\mathbb{E}, \\mathbb{V}, \\mathbb{P} in a write-up: operators


def _over_entries(term_of):
    """The sum of term_of(j) over the entries j of a vector known by its entries (its length the document's size)."""
    j = sympy.Dummy("j", integer=True, positive=True)
    return sympy.Sum(term_of(j), (j, 1, DOCUMENT_SIZE))


def _free_of(value) -> set:
    """The free symbols of a value, none for what has none (a number, a string)."""
    return set(getattr(value, "free_symbols", ()))


def is_transpose_mark(inner) -> bool:
    """A superscript's tokens (inside its braces) that mean a transpose: T, \\top, \\intercal, \\mathsf{T}."""
    return [t.text for t in inner] in (["T"], ["top"], ["intercal"]) or len(inner) == 4 and inner[0].text in ("mathsf", "mathrm") and inner[2].text == "T"


def listed_label(found) -> tuple[str, int] | None:
    """(p,3), (i, l) at the start of `found` and a closing brace after it: a name's labels listed in one superscript
    (a sample and a layer; a list is no power). The label ("p,3") and how many tokens the brackets take."""
    if not found or not found[0].is_("symbol", "("):
        return None
    close = next((at for at, t in enumerate(found[:12]) if t.is_("symbol", ")")), None)
    inner = [t for t in found[1:close] if t.kind != "space"] if close else []
    if len(inner) < 3 or close + 1 >= len(found) or not found[close + 1].is_("symbol", "}"):
        return None
    if not _listed(inner):
        return None
    return ",".join(t.text for t in inner[0::2]), close + 1


def _listed(found) -> bool:
    """i, j or p, 3: letters and numbers apart by commas, at least two (a list, which no power is)."""
    return len(found) >= 3 and len(found) % 2 == 1 and all(t.kind in ("number", "letter") for t in found[0::2]) \
        and all(t.is_("symbol", ",") for t in found[1::2])


def superscript_label(inner, then_subscript: bool = False, layered: bool = False) -> str | None:
    """What a name's superscript is when it is not a power: a new value's mark (w^{new}, w^{+}, w^*, w^{(t+1)},
    w^{2+}) or a label (a^{sig}, W^{[1]}; P^k_{m,n} with a subscript after it; W^{l+1} among matrices), as written;
    None for a power or a transpose. One rule for the parser and for the notation's scan of names."""
    if not inner or is_transpose_mark(inner):
        return None
    texts = [t.text for t in inner]
    written = "".join(texts)
    if len(inner) == 1 and inner[0].is_("command", "star", "ast"):
        return "*"
    letters = any(t.kind == "letter" for t in inner)
    if then_subscript and letters and written != "T" or layered and letters and len(inner) >= 3 and "_" not in texts:
        return written  # (\lambda^{G_i}, p^{y_i}: a power of a sample's entry, among matrices too)
    bracketed = len(inner) >= 3 and inner[0].is_("symbol", "(", "[") and inner[-1].is_("symbol", ")", "]") and letters  # (t+1), not (1-1)
    if len(inner) >= 3 and inner[0].is_("symbol", "[") and inner[-1].is_("symbol", "]"):
        return written  # W^{[1]}, a^{[l-1]}: a layer in square brackets, never a power
    word = len(inner) >= 2 and all(t.kind == "letter" for t in inner)  # a^{sig}, h^{out}
    signed = len(inner) >= 2 and inner[-1].is_("symbol", "+", "-") and all(t.kind in ("number", "letter") for t in inner[:-1])  # w^{2+}
    listed = _listed([t for t in inner if t.kind != "space"])  # W_1^{h, m}: an entry's indices
    if written in UPDATE_MARKS or bracketed and (any(t.is_("symbol", "+", "-") for t in inner) or inner[0].is_("symbol", "[")) or word or signed or listed:
        return written
    return None


def _number_if_one_by_one(value, other):
    """x^T x, u^T v (a 1 x 1 matrix) beside a number or divided: the number it is (its one entry)."""
    return value if matrices.is_matrix(other) else matrices.one_entry(value)


def _scalar_if_misfit(value, other, side: int):
    """A 1 x 1 matrix as the number it is when, as a matrix, it could not multiply `other` (on the left when side is
    0, on the right when 1): (w^T x) x, x (x^T w)."""
    if not (isinstance(value, sympy.MatrixExpr) and value.shape == (1, 1) and isinstance(other, (sympy.MatrixExpr, sympy.MatrixBase))):
        return value
    fits = other.shape[0] == 1 if side == 0 else other.shape[1] == 1
    return value if fits is True or fits == sympy.true else value[0, 0]


def _pattern_entries(term, context) -> dict:
    """The indexed names of a term: an entry p[1] or a name p_1 -> (p, 1)."""
    found = {}
    for entry in getattr(term, "atoms", lambda *_: set())(sympy.Indexed):
        if len(entry.indices) == 1:
            found[entry] = (str(entry.base.label), entry.indices[0])
    for symbol in getattr(term, "free_symbols", set()):
        match = re.fullmatch(r"(.+)_\{?(\d+|[A-Za-z])\}?", getattr(symbol, "name", ""))
        if match and not isinstance(symbol, sympy.Indexed):
            found[symbol] = (match.group(1), sympy.Integer(match.group(2)) if match.group(2).isdigit() else context.symbol(match.group(2)))
    return found


def _pattern_start(terms: list, last) -> int:
    """Which of the terms before an ellipsis starts the pattern that the term after it ends: the first with its names."""
    bases = {base for base, _ in _pattern_entries(last, Context(free=True)).values()}
    for at, term in enumerate(terms):
        if bases and {base for base, _ in _pattern_entries(term, Context(free=True)).values()} == bases:
            return at
    return 0


def _sum_of_pattern(first, last, parser: "_Parser", token: Token):
    """a_1 + a_2 + \\dots + a_n: the first and last terms follow one pattern in an index (the entries' subscripts, or the
    numbers in names such as p_1); the sum runs from the first term's index to the last's. Else an error (the terms
    between are what the ellipsis stands for: not compared with the pattern)."""
    if isinstance(first, sympy.Sum) and len(first.limits) == 1:  # a_1 + \dots + a_o + \dots + a_n: a_o is one of the terms
        index, low, _ = first.limits[0]
        stop = _pattern_entries(last, parser.context)
        high = {value[1] for value in stop.values()}
        if len(high) == 1 and first.function.xreplace({index: next(iter(high))}) == last:
            return sympy.Sum(first.function, (index, low, high.pop()))
    start, stop = _pattern_entries(first, parser.context), _pattern_entries(last, parser.context)
    low, high = {value[1] for value in start.values()}, {value[1] for value in stop.values()}
    if len(low) != 1 or len(high) != 1 or {v[0] for v in start.values()} != {v[0] for v in stop.values()}:
        raise parser.error("the terms around the ellipsis do not show one pattern in an index: write the sum with \\sum", token)
    index = sympy.Dummy("k", integer=True)
    pattern = first.xreplace({key: sympy.IndexedBase(base, real=True)[index] for key, (base, _) in start.items()})
    return sympy.Sum(pattern, (index, low.pop(), high.pop()))


_VECTOR_ELLIPSES = ("dots", "ldots", "cdots", "vdots", "dotsc")
_GAP = object()  # a matrix cell that is an ellipsis
MAX_PATTERN_ENTRIES = 64  # a patterned vector with a numeric end is written out up to this length


def _pattern_vector(entries: list, gap: int, parser: "_Parser", token: Token, column: bool):
    """(p_1, p_2, \\dots, p_K), a column x_1, \\vdots, x_d: the entries before and after the ellipsis follow one pattern
    in an index, from the first entry's index to the last's. Written out when the last index is a number (a list, or
    the column); a length that is a letter (K) gives a K x 1 column whose k-th entry is the pattern at k. The entries
    written beside the ellipsis must be the pattern's own; else an error, never a guess."""
    first, last = entries[0], entries[-1]
    start, stop = _pattern_entries(first, parser.context), _pattern_entries(last, parser.context)
    low, high = {value[1] for value in start.values()}, {value[1] for value in stop.values()}
    if len(low) != 1 or len(high) != 1 or {v[0] for v in start.values()} != {v[0] for v in stop.values()}:
        raise parser.error("the entries around the ellipsis do not show one pattern in an index: write every entry", token)
    low, high = low.pop(), high.pop()
    index = sympy.Dummy("k", integer=True)
    pattern = first.xreplace({key: sympy.IndexedBase(base, real=True)[index] for key, (base, _) in start.items()})
    if not low.is_Integer:
        raise parser.error("a pattern's first entry needs a number for its index (x_1, \\dots, x_n)", token)
    written = [pattern.xreplace({index: low + n}) for n in range(gap)] + [pattern.xreplace({index: high - n}) for n in range(len(entries) - gap - 1, -1, -1)]
    read = [e.xreplace({key: sympy.IndexedBase(base, real=True)[value] for key, (base, value) in _pattern_entries(e, parser.context).items()}) for e in entries]
    if [sympy.simplify(a - b) for a, b in zip(written, read)] != [0] * len(read):
        raise parser.error("the entries around the ellipsis do not show one pattern in an index: write every entry", token)
    if high.is_Integer:
        if not 0 < high - low + 1 <= MAX_PATTERN_ENTRIES:
            raise parser.error(f"a pattern of {high - low + 1} entries: write it with \\sum or a shorter list", token)
        values = [pattern.xreplace({index: low + n}) for n in range(int(high - low) + 1)]
        return sympy.ImmutableMatrix(len(values), 1, values) if column else sympy.Tuple(*values)
    row, col = sympy.Dummy("i", integer=True), sympy.Dummy("j", integer=True)
    length = high - low + 1
    if column:
        return sympy.FunctionMatrix(length, 1, sympy.Lambda((row, col), pattern.xreplace({index: row + low})))
    return sympy.FunctionMatrix(1, length, sympy.Lambda((row, col), pattern.xreplace({index: col + low})))


def _looks_like_matrix(name: str) -> bool:
    return name[:1].isupper() and name[:1].isascii()


def _vector_name(context: Context) -> str:
    return next(iter(context.vectors), "x")


def _did_you_mean(name: str, context: Context) -> str:
    import difflib

    known = list(dialect.FUNCTIONS) + list(dialect.GREEK) + list(dialect.VARIADIC) + list(context.functions) + [
        "frac", "sqrt", "sum", "prod", "int", "lim", "cdot", "times", "left", "right", "mathbf", "hat", "operatorname"]
    swapped = [word for word in known if sorted(word) == sorted(name)]  # \tahn: two letters swapped
    close = swapped or difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        return f"; did you mean \\{close[0]}?"
    return "; write functions as \\exp, \\ln, \\tanh, \\max, \\operatorname{sgn}, ..."


def _digits_of_power(base, exponent) -> float:
    """An upper estimate of the digits of base**exponent, without computing it."""
    if not (base.is_Rational and exponent.is_Rational):
        return 0.0
    size = max(_number_digits(base), 1.0)
    return abs(float(exponent)) * size if _number_digits(exponent) < 8 else math.inf


def _number_digits(value) -> float:
    if value.is_Rational:
        return math.log10(abs(int(value.p)) + 1) + math.log10(abs(int(value.q)) + 1)
    return 1.0


# --- answer-mode notation read by small functions of their own (the tables are in dialect.py) -------------


def _degrees_ahead(parser: _Parser) -> bool:
    """^\\circ or ^{\\circ} after a value: degrees (30^{\\circ}); the tokens are taken when so."""
    if parser.at("command", "circ"):
        parser.take()
        return True
    if parser.at("symbol", "{") and parser.at("command", "circ", ahead=1) and parser.at("symbol", "}", ahead=2):
        parser.position += 3
        return True
    return False


OPERATION_NAMES = {"+": "sum", "*": "product", "/": "division", "odot": "elementwise product", "outer": "outer product"}


def _binary_operator(parser: _Parser, token: Token, left, right):
    """a \\bmod n, a \\mod n: dialect.BINARY_OPERATORS, between two scalars."""
    if any(isinstance(side, (sympy.Tuple, sympy.MatrixExpr, sympy.MatrixBase)) for side in (left, right)):
        raise parser.error(f"\\{token.text} takes two numbers", token)
    if parser._known(right) == 0:
        raise parser.error("division by zero", token)
    return dialect.BINARY_OPERATORS[token.text](left, right)


def _differential_ends(marks) -> bool:
    """A fraction's numerator ending in d and a letter (\\frac{dz}{z}, \\frac{3\\,dz}{z}): an integral's differential."""
    return len(marks) >= 2 and marks[-2].is_("letter", "d") and marks[-1].kind == "letter" and not marks[-1].space_before


def _greek_spelled(raw: str, tokens_: tuple) -> str:
    """h_{theta} is h_{\\theta}: a subscript that spells a Greek letter's name (three letters or more) is that letter."""
    if len(raw) >= 3 and raw in dialect.GREEK and all(token.kind == "letter" for token in tokens_):
        return "\\" + raw
    return raw


def entry_base(variable) -> str:
    """The name an entry belongs to: w for w_i (an entry or a subscripted symbol)."""
    return str(variable.base.label) if isinstance(variable, sympy.Indexed) else str(variable).split("_")[0]


BOLD_FONTS = frozenset({"mathbf", "boldsymbol", "bm", "pmb", "bold", "mathbold"})


def name_key(name) -> str:
    """A value's key as a name: the symbol's name, or an entry's (z[2] -> z_2)."""
    if isinstance(name, sympy.Indexed):
        return f"{name.base.label}_" + "".join(str(i) for i in name.indices)
    return getattr(name, "name", str(name))


def subscript_letters(found) -> tuple[frozenset, frozenset]:
    """The single letters written as subscripts (of a braced group its first: z_j, w_{jk}, \\delta_k), as (those names
    carry, those a \\sum or \\prod runs over): the indices a run of tokens writes."""
    carried, summed = set(), set()
    for at, mark in enumerate(found[:-1]):
        if not mark.is_("symbol", "_") or not at:
            continue
        inner = found[at + 2] if found[at + 1].is_("symbol", "{") and at + 2 < len(found) else found[at + 1]
        if inner.kind == "letter" and len(inner.text) == 1:
            (summed if found[at - 1].is_("command", "sum", "prod") else carried).add(inner.text)
    return frozenset(carried), frozenset(summed)


def subscripted_by(operand, variable, defined: frozenset = frozenset()) -> str | None:
    """The name of a function the operand applies whose subscript is the variable or the vector it is an entry of (h_\\theta(x)
    under \\partial / \\partial \\theta_j, f_w(x) under d/dw): it depends on the variable in a way no formula says, so the
    derivative is not the 0 its letters alone would give."""
    if not isinstance(operand, sympy.Basic):
        return None
    name = str(variable.base.label) if isinstance(variable, sympy.Indexed) else str(variable)
    names = {name, name.split("_")[0]} - {""}
    for applied in operand.atoms(sympy.core.function.AppliedUndef):
        head, underscore, subscript = str(applied.func).partition("_")
        if underscore and head and subscript.strip("{}").lstrip("\\") in names and str(applied.func) not in defined:
            return str(applied.func)
    return None


_LETTERS_SUBSCRIPT = re.compile(r"^[^_]+_\{?([a-z](?:,?[a-z]){0,2})\}?$")  # b_j, X_{mj}, X_{m,j}: an entry at index letters


def _lower_letter_entry(symbol) -> tuple[str, str] | None:
    """b_j, b_{m}, X_{mj}: (the name, its index letters) for a symbol that is an entry at lower-case index letters (at most
    three); else None."""
    entry = _LETTERS_SUBSCRIPT.match(symbol.name) if isinstance(symbol, sympy.Symbol) else None
    return (symbol.name.split("_")[0], entry.group(1).replace(",", "")) if entry is not None else None


def sibling_entry(variable, operand) -> sympy.Symbol | None:
    """d/db_j of an expression holding b_m (one name's entries at two index letters, read as two names): the entry, else
    None. The derivative is the Kronecker delta of m and j, not the 0 that two unrelated names give."""
    entry = _lower_letter_entry(variable)
    if entry is None:
        return None
    for symbol in sorted(getattr(operand, "free_symbols", set()), key=str):
        other = _lower_letter_entry(symbol)
        if other is not None and other[0] == entry[0] and other[1] != entry[1] and len(other[1]) == len(entry[1]):
            return symbol
    return None


def entry_of_whole(variable, operand) -> bool:
    """d/dw_i of an expression holding the whole w (a vector or matrix): w_i is not a symbol of it, and the derivative
    would read as 0 whatever it is."""
    if not isinstance(variable, (sympy.Indexed, sympy.Symbol)) or (isinstance(variable, sympy.Symbol) and "_" not in variable.name):
        return False
    wholes = {m.name for m in getattr(operand, "atoms", lambda *_: set())(sympy.MatrixSymbol)}
    return entry_base(variable) in wholes and variable not in getattr(operand, "free_symbols", set())


def whole_of_entries(variable, operand) -> bool:
    """d/dx of an expression holding the entries x_i of the same name: x alone would read as a number of its own, and
    the derivative as if the entries did not move with it."""
    if not isinstance(variable, sympy.Symbol):
        return False
    labels = {str(entry.base.label) for entry in getattr(operand, "atoms", lambda *_: set())(sympy.Indexed)}
    return variable.name in labels


def _refuse_empty_accent(parser: _Parser, inner: str, token: Token) -> None:
    """\\overline{}, \\hat{}: an accent over nothing is a slip, not a name."""
    if not inner:
        raise parser.error(f"\\{token.text}{{}} has nothing under it: write the name inside, \\{token.text}{{x}}", token)


_MATRIX_FUNCTIONS = {  # tr and det of a number are that number (the trace trick's tr(y) = y for y = x^T A c)
    "diag": lambda v: DiagMatrix(v) if matrices.is_matrix(v) and 1 in v.shape else _refuse("takes a vector"),
    "tr": lambda a: a if not matrices.is_matrix(a) else sympy.Trace(a) if a.shape[0] == a.shape[1] else _refuse("takes a square matrix"),
    "Tr": lambda a: _MATRIX_FUNCTIONS["tr"](a), "trace": lambda a: _MATRIX_FUNCTIONS["tr"](a),
    "det": lambda a: a if not matrices.is_matrix(a) else sympy.Determinant(a) if a.shape[0] == a.shape[1] else _refuse("takes a square matrix"),
    "softmax": matrices.Softmax,
}
MATRIX_FUNCTION_NAMES = frozenset(_MATRIX_FUNCTIONS)  # \text{diag}(s), \operatorname{tr}(A): functions, never a word's name


def _opens_a_name(token: Token) -> bool:
    """A letter, a Greek letter, or a font or decoration over one: what a derivative's variable begins with."""
    return token.kind == "letter" or token.kind == "command" and (token.text in dialect.GREEK or token.text in dialect.FONTS or token.text in dialect.DECORATIONS)


def _spelled_as_function(word: str, context: Context) -> str:
    """\\operatorname{Softmax}, \\text{SoftMax}: the softmax, however its letters are cased (the sigmoid's and ReLU's
    cased spellings are in the dialect's table); a function the text defines under that spelling keeps it."""
    if word.lower() == "softmax" and word != "softmax" and context.function(word) is None:
        return "softmax"
    return word


def _refuse(message: str):
    raise ValueError(message)


def _transpose(parser: _Parser, token: Token):
    raise parser.error("a transpose mark belongs in a superscript: W^T", token)


_COMMANDS = {
    "frac": _Parser._frac, "dfrac": _Parser._frac, "tfrac": _Parser._frac, "cfrac": _Parser._frac,
    "sqrt": _Parser._sqrt, "binom": _Parser._binom, "dbinom": _Parser._binom, "tbinom": _Parser._binom,
    "sum": _Parser._big_operator, "prod": _Parser._big_operator, "int": _Parser._integral,
    "lim": _Parser._limit, "begin": _Parser._environment, "left": _Parser._left,
    "operatorname": _Parser._operator_name, "text": _Parser._operator_name, "textrm": _Parser._operator_name,
    "mathrm": _Parser._font, "{": lambda parser, token: parser._set_braces(),
    "lfloor": _Parser._delimited, "lceil": _Parser._delimited, "lvert": _Parser._delimited,
    "lVert": _Parser._delimited, "|": _Parser._delimited, "top": _transpose, "intercal": _transpose,
}


# --- public functions ---------------------------------------------------------------------------


def typed_plus_mark(found: list[Token], at: int) -> bool:
    """found[at] is a + typed against the name before it that ends the name's side or comes before its subscript
    (w5+ = ..., W+_{A} = ...): the update mark w^{+}, as plain text writes it (a + before nothing adds nothing).
    One rule for the parser and the notation's scan of names."""
    if at >= len(found) or not found[at].is_("symbol", "+") or found[at].space_before:
        return False
    after = found[at + 1] if at + 1 < len(found) else None
    return after is None or after.kind == "end" or after.is_("symbol", "_") or _is_relation(after)


def _is_relation(token: Token) -> bool:
    """=, <, >, \\le, \\neq, \\approx, ...: what joins the sides of a statement."""
    return token.is_("symbol", "=", "<", ">") or (token.kind == "command" and token.text in dialect.RELATIONS)


def writes_transpose_in(tokens_: list[Token]) -> bool:
    """A transpose or a Hadamard product anywhere: then capital and bold names are matrices."""
    if any(t.is_("command", "top", "intercal", "odot") for t in tokens_):
        return True
    for at, token in enumerate(tokens_[:-2]):
        if token.is_("symbol", "^"):
            following = [t.text for t in tokens_[at + 1 : at + 4]]
            if following[0] == "T" or following[:2] in (["{", "T"], ["{", "mathsf"], ["mathsf", "{"], ["{", "mathrm"]):
                return True
    return False


def writes_transpose(text: str) -> bool:
    """Whether a text writes a transpose (W^T, x^\\top) or a Hadamard product, as the parser decides it."""
    try:
        return writes_transpose_in(tokens(text))
    except LatexError:
        return False


_CAPITAL = r"(?<![\\A-Za-z{])[A-Z](?:_\{?\w+\}?)?(?:\^\{?(?:T|\\top)\}?)?"
_BOLD_VECTOR = r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*[a-z]"
MATRIX_PRODUCT = re.compile(_CAPITAL + r"\s*" + _BOLD_VECTOR)


def writes_matrix_product(text: str) -> bool:
    """Whether a write-up's text multiplies a capital by a bold vector (W\\mathbf{x}, W_1 \\mathbf{x}): then capitals
    are matrices and bold letters column vectors, as after a transpose. (C H W alone are sizes: no.)"""
    return MATRIX_PRODUCT.search(text) is not None


def read(text: str, context: Context) -> Reading:
    """Parse one answer in a context. Raises LatexError (with a position) for anything it cannot read."""
    if not isinstance(text, str):
        raise LatexError("the answer must be text")
    if len(text) > MAX_LENGTH:
        raise LatexError(f"the answer is {len(text):,} characters long; at most {MAX_LENGTH:,} are accepted")
    text = _strip_math_delimiters(text)
    if not text.strip():
        raise LatexError("the answer is empty")
    check_brackets(text)
    try:
        return _Parser(text, context).statement()
    except RecursionError:
        raise LatexError("the expression is nested too deeply") from None
    except (TypeError, ValueError, AttributeError, IndexError, ArithmeticError, NotImplementedError) as error:
        if isinstance(error, LatexError):
            raise
        # sympy refused to build what the text asks for (floor of a matrix, a function of a list, ...)
        raise LatexError(f"cannot read this LaTeX: {_sympy_reason(error)}") from None


def read_tokens(found, text: str, context: Context) -> Reading:
    """Parse a formula already cut into tokens (a side of a write-up's statement; positions are offsets in `text`,
    the whole document). Spacing tokens separate nothing here. Raises LatexError, as `read` does."""
    kept: list[Token] = []
    spaced = False
    for token in found:
        if token.kind == "space":
            spaced = True
        elif token.kind != "end":
            kept.append(replace(token, space_before=True) if spaced and not token.space_before else token)
            spaced = False
    if not kept:
        raise LatexError("an empty side: something is missing")
    if len(kept) > MAX_LENGTH:
        raise LatexError(f"the formula has {len(kept):,} tokens; at most {MAX_LENGTH:,} are read")
    if context.document:
        kept = _closed_at_its_end(kept)
    _check_token_brackets(kept, text)
    kept.append(Token("end", "", kept[-1].position + 1, spaced))
    try:
        return _Parser(text, context, kept).statement()
    except RecursionError:
        raise LatexError("the expression is nested too deeply") from None
    except (TypeError, ValueError, AttributeError, IndexError, ArithmeticError, NotImplementedError) as error:
        if isinstance(error, LatexError):
            raise
        raise LatexError(f"cannot read this LaTeX: {_sympy_reason(error)}") from None


FAMILY_AS_ONE = "a family of vectors read as one vector"  # a difference found so is one; an equality is a special case
FAMILY_BESIDE = "a family of vectors read as one vector beside a member of it"  # neither verdict holds


def _vector_of_each(body, indices: set) -> str | None:
    """A vector or matrix in a sum's body whose subscript holds the sum's index (u_w under \\sum_w, u_{w_j} under
    \\sum_j): its name, else None."""
    letters = {index.name for index in indices}
    for matrix in body.atoms(sympy.MatrixSymbol) if isinstance(body, sympy.Basic) else ():
        _, underscore, subscript = str(matrix.name).partition("_")
        if underscore and letters & set(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])", subscript)):
            return str(matrix.name)
    return None


def _sums_apart_from_free(sides: list) -> list:
    """e^{x_k} \\sum_{k=1}^{c} e^{x_k}, or x_k = \\sum_k ...: a sum's index typed with the letter of a free index of the
    same statement is the sum's own (a dummy), so putting a value in for the free k leaves the sum whole."""
    free = {symbol for side in sides if isinstance(side, sympy.Basic) for symbol in side.free_symbols}
    return [rename_bound(side, free) for side in sides]


def _closed_at_its_end(found: list[Token]) -> list[Token]:
    """A side that opens with a bracket its author never closed (`-(0 \\log 0.3 + 1 \\log 0.4 = 0.92`, the closing
    bracket forgotten before the relation): the bracket closed at the side's end, the only place it can close. Only for
    a bracket that opens the side (after a sign at most) and is the one left open: `P(y` (a function's argument cut by
    a relation) stays unbalanced."""
    start = 1 if found and found[0].is_("symbol", "-", "+") else 0
    if len(found) < start + 2 or not found[start].is_("symbol", "(", "["):
        return found
    depth = 0
    for at, token in enumerate(found):
        if at and found[at - 1].is_("command", "left", "right"):
            continue
        if token.is_("symbol", "(", "[", "{"):
            depth += 1
        elif token.is_("symbol", ")", "]", "}"):
            depth -= 1
            if depth == 0:
                return found  # the opening bracket is closed inside the side
    if depth != 1:
        return found
    return [*found, Token("symbol", _OPENERS[found[start].text], found[-1].position + len(found[-1].text))]


def _check_token_brackets(found: list[Token], text: str) -> None:
    """check_brackets, on tokens: (, [ and { closed in order (\\left and \\right pair any two)."""
    stack: list[Token] = []
    after_sizing = False
    for token in found:
        if token.is_("command", "left", "right"):
            after_sizing = True
            continue
        if after_sizing:
            after_sizing = False
            continue
        if token.is_("symbol", "(", "[", "{"):
            stack.append(token)
            if len(stack) > MAX_NESTING:
                raise LatexError(f"brackets nested more than {MAX_NESTING} deep", text, token.position)
        elif token.is_("symbol", ")", "]", "}"):
            if not stack:
                raise LatexError(f"unbalanced '{token.text}': nothing to close", text, token.position)
            opener = stack.pop()
            if _OPENERS[opener.text] != token.text:
                raise LatexError(f"'{opener.text}' opened here is closed by '{token.text}'", text, opener.position)
    if stack:
        raise LatexError(f"unbalanced '{stack[-1].text}': it is never closed", text, stack[-1].position)


def _sympy_reason(error: Exception) -> str:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return reason[:200]


def read_answer(text: str, problem: Problem | None = None) -> Reading:
    return read(text, Context.for_problem(problem))


def parse_latex(text: str, problem: Problem | None = None):
    """An answer in LaTeX -> a sympy expression (or relation) in the problem's symbols. Raises LatexError."""
    return read_answer(text, problem).value


def _strip_math_delimiters(text: str) -> str:
    stripped = text.strip()
    for left, right in (("$$", "$$"), ("$", "$"), (r"\[", r"\]"), (r"\(", r"\)")):
        if stripped.startswith(left) and stripped.endswith(right) and len(stripped) >= len(left) + len(right):
            inner = stripped[len(left) : len(stripped) - len(right)]
            if left == "$" and "$" in inner:
                continue
            return inner.strip()
    return text


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def check_brackets(text: str) -> None:
    """Every (, [ and { closed in order (\\{ \\} pair on their own), before any parsing: the clearest message."""
    stack: list[tuple[str, int]] = []
    i = 0
    left_right = re.compile(r"\\(?:m?left|m?right)\s*(?:\\?[()\[\]|.]|\\[{}])")
    while i < len(text):
        char = text[i]
        if char == "\\":
            pair = left_right.match(text, i)
            if pair:  # \left[ 0, 1 \right) may pair any two brackets
                i = pair.end()
                continue
            i += 2
            continue
        if char in _OPENERS:
            stack.append((char, i))
            if len(stack) > MAX_NESTING:
                raise LatexError(f"brackets nested more than {MAX_NESTING} deep", text, i)
        elif char in _CLOSERS:
            if not stack:
                raise LatexError(f"unbalanced '{char}': nothing to close", text, i)
            opener, where = stack.pop()
            if _OPENERS[opener] != char:
                raise LatexError(f"'{opener}' opened here is closed by '{char}'", text, where)
        i += 1
    if stack:
        opener, where = stack[-1]
        raise LatexError(f"unbalanced '{opener}': it is never closed", text, where)
