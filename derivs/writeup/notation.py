"""The notation of a write-up, learned from all of it before any step is read.

For each section (the text under one heading): which letter runs are names (``net``, ``out``), which
names are vectors (written with an index a sum runs over: ``y_k`` under ``\\sum_k``), tables
(``w_{kj}``), matrices and their shapes (declared ``W_1 \\in \\mathbb{R}^{m \\times n}``, transposed,
or a capital times a bold vector), functions the write-up defines (``f(x) = ...``), and the
conventions its prose states. Each fact keeps the line it was learned from; ``proof --notation``
prints them. The parser is then given one context per section, so every formula of a section is
read the same way, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import sympy

from .. import dialect
from ..model import Matrix, Problem, Size
from ..parsing import FREE_FUNCTION_NAMES, MATRIX_FUNCTION_NAMES, SAMPLE_LETTERS, Context, function_of_one_letter
from . import prose
from .document import opens_denominator
from .formulas import Side
from .names import Name, Scanner, function_head, key_of, single_name
from .shapes import GIVEN_BY_ENTRIES, GUESSES, IDENTITY_NAMES, Inference

MATRIX_SIZE = sympy.Symbol("n", integer=True, positive=True)  # a matrix's size where nothing says it
TEXT_NAMES = frozenset({"text", "textrm", "mathrm", "operatorname", "textit", "mathit", "mbox"})  # a word written as a name


@dataclass(frozen=True)
class Fact:
    name: str
    kind: str  # word, vector, table, matrix, function, size
    line: int
    how: str  # what it was learned from: "declared \\in \\mathbb{R}^{m \\times n}", "indexed under \\sum_k", ...
    shape: tuple = ()


@dataclass
class Notation:
    """What one section's names are. `facts` in the order learned; the sets are what the parser is told."""

    facts: list[Fact] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    vectors: set[str] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    matrices: dict[str, tuple] = field(default_factory=dict)  # key -> (rows, columns)
    functions: set[str] = field(default_factory=set)
    conventions: list = field(default_factory=list)
    findings: list = field(default_factory=list)  # uses that cannot be shaped (shapes.Finding)
    entry_shaped: set = field(default_factory=set)  # names whose shape their entries written out give (x = [x_1, x_2]^T)
    guessed: set = field(default_factory=set)  # arrays only by how they are written (w^T, a capital): no proof of a shape
    tangents: set[str] = field(default_factory=set)  # dotted names written (\\dot{v}_5): forward mode's tangents
    of_vectors: set[str] = field(default_factory=set)  # functions of a vector's entries: dE/dx is a quantity of its own
    one_hot: dict = field(default_factory=dict)  # a one-hot label's name -> the letter of its hot entry ("" where unsaid)
    arities: dict = field(default_factory=dict)  # a function the write-up defines -> how many values it takes
    indices: set[str] = field(default_factory=set)  # letters written as a subscript (x_{nd}: n, d): n = i relates indices
    counters: set[str] = field(default_factory=set)  # letters a sequence's terms are numbered by (theta_{t+1}, w^{(k-1)}): whole numbers
    written: tuple = (set(), set(), set())  # the section's names as `uses` finds them written: applied, alone, by entries
    sizes: set[str] = field(default_factory=set)  # letters a sum runs to (\\sum_{n=1}^{N}): positive integers in every step
    ranges: dict = field(default_factory=dict)  # an index -> the one letter its sums run to (k -> K): a bare \\sum_k runs there too
    summed: set[str] = field(default_factory=set)  # letters a sum or product runs over (\\sum_t E_t): indices, never a name's abbreviation
    quantities: set[str] = field(default_factory=set)  # words written alone somewhere (out, not only out(...)): never functions
    # (a vector or matrix named by a function letter is one too: h_1(1 - h_1) is its entry times a bracket)
    numbered: dict = field(default_factory=dict)  # a name -> the entry numbers written (z_0, z_2: {0, 2}): from 0 or 1
    log_base: int | None = None  # log x = ln x / ln 10 written: this text's log is to that base (its ln is natural)
    e_named: bool = False  # e = \hat{y} - y written: e is that name (an error), e^{-z} still Euler's
    primed: set[str] = field(default_factory=set)  # single letters written primed alone (f'g): functions of one unnamed variable
    samples: set[str] = field(default_factory=set)  # names written y^{(i)} under a sum over i: y^{(i)} is y's entry i
    layered_entries: set[str] = field(default_factory=set)  # names written with a layer and a subscript (x^{(i)}_j)
    structured: dict = field(default_factory=dict)  # a square matrix -> "symmetric" or "diagonal", as the text says
    passed: set[str] = field(default_factory=set)  # function names passed as values (l(\\phi, \\mu, \\sigma)): there a quantity
    labels: dict = field(default_factory=dict)  # a cross-entropy's target -> the entry numbers it is written out with
    lengths: dict = field(default_factory=dict)  # a vector declared with a number of entries (x \\in \\mathbb{R}^3) -> that number
    stated: set = field(default_factory=set)  # the names a declaration gives a shape (z \\in \\mathbb{R}^n), however else they are written
    prime_by: dict = field(default_factory=dict)  # a function -> the name its prime is taken by (f(x) = \\sigma(w^T x) where
    # the text differentiates by w, never by x: f'(x) is d/dw, as a logistic regression's write-up means it)
    # (empty under a sum): its entries sum to 1, as a label's or a distribution's do (t_0 + t_1 + t_2 = 1)

    def learn(self, name: str, kind: str, line: int, how: str, shape: tuple = ()) -> None:
        if any(f.name == name and f.kind == kind for f in self.facts):
            return
        self.facts.append(Fact(name, kind, line, how, shape))
        {"word": self.words, "vector": self.vectors, "table": self.tables, "function": self.functions}.get(kind, set()).add(name)
        if kind in ("matrix", "vector") and shape:
            self.matrices[name] = shape

    def _numbered_declared(self, base: str) -> bool:
        """A name numbered after the base is declared a vector of its own (z_2 \\in \\mathbb{R}^{L_1}): z_2 is that
        vector, not entry 2 of a vector z, however else z_1, z_2 are written."""
        return any(re.fullmatch(rf"{re.escape(base)}_\{{?\d+\}}?", key) for key in self.stated)

    def declared(self) -> set[str]:
        """Names whose kind the text states: declared (W \\in \\mathbb{R}^{m \\times n}) or written out by entries."""
        return {fact.name for fact in self.facts if fact.how.startswith("declared")} | self.entry_shaped

    def first_entry(self, base: str, length: int) -> int:
        """The number of a list's first entry: 0 where the text writes the name's entry 0 (z_0, as code and exam answers
        number logits) and no entry beyond the list's length from there, else 1."""
        numbers = self.numbered.get(base, set())
        return 0 if 0 in numbers and max(numbers) < length else 1

    def has(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.conventions)

    def problem(self, base: Problem) -> Problem:
        """The section's problem: the base one, with its matrices declared (sizes sampled from 2 and 3), and the letters
        its sums run to as sizes (N in \\sum_{n=1}^N is a size also where a step has no sum left)."""
        taken = {str(getattr(v, "symbol", "")) for v in base.variables}
        bounds = tuple(Size(sympy.Symbol(letter, integer=True, positive=True)) for letter in sorted(self.sizes - taken - set(self.matrices)))
        if bounds:
            base = replace(base, variables=base.variables + bounds)
        if not self.matrices:
            return base
        sizes = sorted({d for shape in self.matrices.values() for d in shape if isinstance(d, sympy.Symbol)}, key=str)
        identity = {name: sympy.Identity(shape[0]) for name, shape in self.matrices.items() if name in IDENTITY_NAMES and shape[0] == shape[1]}
        arrays = {name: shape for name, shape in self.matrices.items() if name not in identity}
        declared = tuple(Size(s, (2, 3)) for s in sizes) + tuple(Matrix(sympy.MatrixSymbol(name, *shape)) for name, shape in arrays.items())
        names = {**base.names, **{name: sympy.MatrixSymbol(name, *shape) for name, shape in arrays.items()}, **identity}
        return replace(base, variables=base.variables + declared, names=names)

    def context(self, problem: Problem) -> Context:
        """The parser's context for this section: the problem's, with the words, vectors and tables learned here,
        and decimals read as placeholders (so a rounded value can be weighed)."""
        context = Context.for_problem(problem)
        context = replace(context, symbols={**context.symbols, **{name: sympy.Symbol(name, real=True) for name in sorted(self.passed)}})
        vectors = dict(context.vectors)
        for name in sorted(self.vectors | self.tables):
            if name not in context.functions and name not in context.matrices and not self._numbered_declared(name):
                vectors.setdefault(name, sympy.IndexedBase(name, real=True))
        stated = self.declared()  # shapes a declaration or the entries written out give
        labels = {fact.name for fact in self.facts if fact.kind == "vector" and "label" in fact.how}  # one-hot, or a cross-entropy's
        for name, shape in sorted(self.matrices.items()):  # z in R^n declared, or a label (one-hot, its entries summing to 1)
            # that is also a column ((\hat y - y)^T): z_i is its entry i, as z_j under a sum is
            if (name in self.stated or name in labels and name not in stated) and shape[1] == 1 and shape[0] != 1 and name not in context.functions:
                vectors.setdefault(name, sympy.IndexedBase(name, real=True))
        functions = {**context.functions, **{name: sympy.Function(name) for name in sorted(self.functions) if name not in context.functions}}
        if self.has("dirac"):  # the text names the Dirac delta: \delta(x) is it, whatever line describes it
            functions["delta"] = sympy.DiracDelta
        if self.log_base:
            functions["log"] = sympy.Lambda(_LOG_ARGUMENT, sympy.log(_LOG_ARGUMENT, self.log_base))
        ranges = {index: sympy.Symbol(bound, integer=True, positive=True) for index, bound in self.ranges.items() if index and bound}
        applied, alone, _ = self.written  # \sigma + \epsilon, 2\sigma and never \sigma(...): a quantity (a deviation), not the sigmoid
        unapplied = {key.lstrip("\\") for key in alone - applied} & set(dialect.GREEK) & set(dialect.FUNCTIONS)
        quantities = (self.quantities | self.vectors | set(self.matrices)) & (self.words | FREE_FUNCTION_NAMES) - self.functions | unapplied
        return replace(context, sum_bounds={**ranges, **context.sum_bounds}, words=frozenset(self.words), quantities=frozenset(quantities), decimals=True, vectors=vectors, tables=set(context.tables) | self.tables,
                       functions=functions, shapes_known=bool(context.document), counters=frozenset(self.counters), primed=frozenset(self.primed), samples=frozenset(self.samples - self.layered_entries), prime_by=dict(self.prime_by), of_vectors=set(context.of_vectors) | self.of_vectors,
                       arities={**context.arities, **{name: n for name, n in self.arities.items() if n > 1}},
                       parameters=dict(context.parameters))  # this section's own: its definitions add to it

    def lines(self, where=lambda line: f"line {line}") -> list[str]:
        """The facts as a reader sees them: 'line 3: W_1 is a matrix (m x n): declared ...' (`where` shows a line)."""
        shown = []
        for fact in self.facts:
            shape = f" ({' x '.join(map(str, fact.shape))})" if fact.shape else ""
            shown.append(f"{where(fact.line)}: {fact.name} is a {fact.kind}{shape}: {fact.how}")
        for convention in self.conventions:
            shown.append(f"{where(convention.line)}: convention '{convention.kind}': {convention.words}")
        for finding in self.findings:
            shown.append(f"{where(finding.line)}: cannot be shaped: {finding.text}")
        return shown


# --- learning ----------------------------------------------------------------------------------------

_SETS = {"R", "N", "Z", "Q", "C"}


TANGENT_MARK = "\\dot{"  # \\dot{v}_5: the derivative of v_5 along the direction the text seeds (forward mode)


def learn(sides: list, paragraphs, declarations=(), document=None) -> Notation:
    """The notation of one section, from every side of its formulas (with its line and the relation after it),
    the prose of its paragraphs, and the declarations (key, shape, line, how) in force there."""
    notation = Notation()
    if getattr(document, "e_named", False):  # a section before this one wrote e = \hat{y} - y
        notation.e_named = True
        notation.learn("e", "word", 0, "given a formula in a section before (e = ...): a name, not Euler's number, but in e^{-z}")
    for paragraph in paragraphs:
        found = prose.conventions_in(paragraph.words, paragraph.line)
        notation.conventions += found
        if document is not None and any(c.kind == "one-hot" for c in found):
            _learn_one_hot(notation, paragraph, document)
        if document is not None:
            _learn_structure(notation, paragraph, document)
    if document is not None:
        _learn_one_hot_by_cases(notation, paragraphs, document)
    _learn_words(notation, sides, frozenset(key for key, _, _, _ in declarations))
    sides = [written for written in sides if not any(t.kind == "error" for t in written.side.tokens)]  # prose leaked into maths ($)
    summed: set[str] = set()
    differentiated: dict = {}
    bodies: dict = {}  # a function of one value the write-up defines -> (its variable's key, the other names of its body)
    for number, written in enumerate(sides):
        names = Scanner(written.side.tokens, frozenset(notation.words)).names()
        notation.indices |= {index for name in names for index in name.indices if index.isalpha() and len(index) == 1}
        notation.counters |= {letter for name in names for letter in _counted_by(name)}
        for name in names:
            if len(name.indices) == 1 and name.indices[0].isdigit() and not name.layer and not name.mark:
                notation.numbered.setdefault(name.base, set()).add(int(name.indices[0]))
        notation.tangents |= {name.key for name in names if name.key.startswith(TANGENT_MARK)}
        notation.primed |= {name.key for name in names if _primed_in_brackets(written.side.tokens, name)}
        ranges = _sum_ranges(written.side.tokens)
        notation.sizes |= set(ranges.values())
        for index, bound in ranges.items():
            notation.ranges[index] = bound if notation.ranges.get(index, bound) == bound else ""  # two bounds: neither
        summed |= _sum_indices(written.side.tokens)
        _learn_labels(notation, written.side.tokens, names, written.line)
        _learn_passed(notation, written.side.tokens, written.line)
        _learn_indexed(notation, written.side, names, written.line)
        body = sides[number + 1].side if number + 1 < len(sides) and written.relation in ("==", "defines") else None
        approximate = sides[number + 1].side if number + 1 < len(sides) and written.relation == "approx" else None
        _learn_function(notation, written.side, written.line, written.relation, body, bodies)
        _learn_diagonal(notation, written.side, body, written.line)
        differentiated.update({key: written.line for key in _differentiated(notation, written.side) if key not in differentiated})
        if (body or approximate) is not None and not notation.e_named and _names_e(written.side.tokens, (body or approximate).tokens):
            notation.e_named = True
            if document is not None:
                document.e_named = True
            notation.learn("e", "word", written.line, "given a formula (e = ...): a name, not Euler's number, but in e^{-z}")
        if body is not None and notation.log_base is None:
            notation.log_base = _stated_log_base(written.side.tokens, body.tokens)
            if notation.log_base:
                notation.learn("log", "function", written.line, f"the logarithm to base {notation.log_base} (log x = ln x / ln {notation.log_base} written)")
    notation.written = uses(sides, frozenset(notation.words))
    for key, line in differentiated.items():
        if key not in notation.written[1] and key not in notation.functions:  # J alone elsewhere (dJ/d\theta): a quantity, J(...) its value
            notation.learn(key, "function", line, f"differentiated where it is applied (\\partial {key}(...)) and never written alone")
    _learn_sequences(notation, sides)
    _learn_prime_variables(notation, sides, bodies)
    _learn_shapes(notation, sides, declarations)
    notation.summed = summed
    for base, letter in notation.one_hot.items():
        if letter in summed:  # "y_i = 1 if the class is i" where sums run over i: which entry is hot is not said
            notation.one_hot[base] = ""
    _learn_hot_index(notation, paragraphs, sides)  # "k is the index of the correct class" says it, whatever sums run over k
    return notation


def _learn_sequences(notation: Notation, sides) -> None:
    """x(0), x(1), y(t-1): a letter written with whole numbers (or a counter and a step) in brackets, at two steps at least,
    and never alone, is a sequence, its terms values of one function of the step (not x times 1): y(1) = w x(1) + v y(0)."""
    steps: dict[str, set] = {}
    first: dict[str, int] = {}
    for written in sides:
        found = [t for t in written.side.tokens if t.kind != "space"]
        for at, token in enumerate(found[:-3]):
            joined = at and found[at - 1].kind == "letter" and not token.space_before  # max(, wx(1): a word, or unclear
            if token.kind != "letter" or not found[at + 1].is_("symbol", "(") or joined or at and found[at - 1].is_("symbol", "_", "^", "\\"):
                continue
            close = next((k for k in range(at + 2, min(at + 6, len(found))) if found[k].is_("symbol", ")")), None)
            inside = found[at + 2:close] if close is not None else []
            if inside and (len(inside) == 1 and inside[0].kind == "number" and inside[0].text.isdigit()
                           or inside[0].kind == "letter" and inside[0].text in STEP_COUNTERS | notation.counters and all(t.kind in ("number", "symbol") for t in inside[1:])):
                steps.setdefault(token.text, set()).add("".join(t.text for t in inside))
                first.setdefault(token.text, written.line)
    for letter, seen in sorted(steps.items()):
        if len(seen) >= 2 and letter not in notation.written[1] and letter not in notation.functions and letter not in ("e", "d"):
            notation.learn(letter, "function", first[letter], f"a sequence: written {letter}({sorted(seen)[0]}), {letter}({sorted(seen)[1]}), ... (its terms, not {letter} times a number)")


STEP_COUNTERS = frozenset({"t", "k", "n"})  # the letters a time or an iteration is written with: w(t + 1), x(k - 1), y(t)


_LOG_ARGUMENT = sympy.Symbol("x", positive=True)


COUNTER = re.compile(r"\(?([a-z])[+-]\d\)?")  # t+1, (k-1): a letter and a step from it


def _counted_by(name: Name) -> set[str]:
    """The letter numbering a sequence's terms, where the name is written one term on (theta_{t+1}, w^{(k-1)}):
    nothing else is shifted by a whole number."""
    subscript = "".join(t.text for t in name.subscript if t.kind in ("letter", "number", "symbol"))
    return {match.group(1) for written in (subscript, name.layer) if (match := COUNTER.fullmatch(written))}


def _names_e(left, right) -> bool:
    """e = \\hat{y} - y: the letter e alone, given a formula in names or a number other than Euler's (e \\approx -0.2891;
    e = 2.718 states Euler's number); or an entry of e given anything (e_i = 1 if x_i > 0): e is a vector of the write-up's."""
    left = [t for t in left if t.kind != "space" and not t.is_("symbol", "{", "}")]
    if len(left) == 3 and left[0].is_("letter", "e") and left[1].is_("symbol", "_") and left[2].kind in ("letter", "number"):
        return True
    if len(left) != 1 or not left[0].is_("letter", "e"):
        return False
    number = [t for t in right if t.kind != "space"]
    if len(number) in (1, 2) and number[-1].kind == "number" and (len(number) == 1 or number[0].is_("symbol", "-")):
        value = float(number[-1].text) * (-1 if len(number) == 2 else 1)  # e = -0.2891, an error's value: not Euler's 2.718...
        return not 2.7 <= value <= 2.72
    return any(t.kind in ("letter", "command") for t in right)


def _stated_log_base(left, right) -> int | None:
    """log(p) = \\frac{ln(p)}{ln(10)}, \\log x = \\ln x / \\ln 2: a text that writes both logarithms and says how they
    relate uses log for the base it names (French texts: log is log10). The base, or None."""
    left, right = ([t for t in side if t.kind != "space"] for side in (left, right))
    argument = _after_word(left, "log")
    if argument is None or not right:
        return None
    if right[0].is_("command", "frac"):
        numerator, end = script_group(right, 1)
        denominator, end = script_group(right, end) if end < len(right) else ([], end)
        if end != len(right):
            return None
    else:
        slash = next((n for n, t in enumerate(right) if t.is_("symbol", "/")), None)
        if slash is None:
            return None
        numerator, denominator = right[:slash], right[slash + 1:]
    base = [text for kind, text in _after_word(denominator, "ln") or () if (kind, text) not in (("symbol", "("), ("symbol", ")"))]
    if _after_word(numerator, "ln") != argument or base not in (["2"], ["10"]):
        return None
    return int(base[0])


def _word_at(found, at: int, word: str) -> int | None:
    """Where a function's name (\\log, or log typed as letters) starting at `at` ends, or None."""
    if at < len(found) and found[at].is_("command", word):
        return at + 1
    letters = found[at:at + len(word)]
    if len(letters) == len(word) and all(t.is_("letter", c) for t, c in zip(letters, word)):
        return at + len(word)
    return None


def _after_word(found, word: str) -> tuple | None:
    """The texts of what follows `word` when the tokens are that function's name applied to it, else None."""
    end = _word_at(found, 0, word) if found else None
    if end is None or end == len(found):
        return None
    return tuple((t.kind, t.text) for t in found[end:])


def _sum_scripts(found) -> list[tuple[int, str, str]]:
    """Each sum or product of a token run, as (where it stands, the letter it runs over, the letter it runs to), either
    script first (\\sum_{k=1}^{K}, \\sum^K_{k=1}); "" where a script is missing or is not one letter."""
    found_sums = []
    for at, token in enumerate(found):
        if not token.is_("command", "sum", "prod"):
            continue
        scripts, end = {}, at + 1
        for _ in range(2):
            if end + 1 >= len(found) or not found[end].is_("symbol", "_", "^") or found[end].text in scripts:
                break
            mark, group, end = found[end].text, *script_group(found, end + 1)
            scripts[mark] = group
        lower, upper = scripts.get("_", []), scripts.get("^", [])
        index = lower[0].text if lower and lower[0].kind == "letter" and len(lower[0].text) == 1 else ""
        if index and len(lower) > 1 and lower[1].is_("symbol", "'"):
            index += "'"  # \\sum_{k'=1}: k', another letter than the k outside
        letters = [t for t in upper if t.kind == "letter"]
        bound = letters[0].text if len(letters) == 1 and len(letters[0].text) == 1 and len(upper) == 1 else _named_bound(upper)
        found_sums.append((at, index, bound))
    return found_sums


def _named_bound(upper) -> str:
    """A sum's upper script that is one capital with a subscript (N_s in \\sum_{s=1}^{N_s}): the size, as its key; else ""."""
    name = single_name(upper) if upper and upper[0].kind != "number" else None
    plain = name is not None and name.subscript and not (name.layer or name.mark or name.primes) and name.base[:1].isupper()
    return name.key if plain else ""


def script_group(found, at: int) -> tuple[list, int]:
    """The tokens of a script starting at `at` (a braced group's inside, or one token) and where it ends."""
    if not found[at].is_("symbol", "{"):
        return [found[at]], at + 1
    depth = 0
    for end in range(at, len(found)):
        depth += found[end].is_("symbol", "{") - found[end].is_("symbol", "}")
        if depth == 0:
            return list(found[at + 1:end]), end + 1
    return list(found[at + 1:]), len(found)


def _sum_ranges(found) -> dict[str, str]:
    """The letters sums and products run to, by the index they run over: n -> N in \\sum_{n=1}^{N}, k -> K in
    \\prod_{k=1}^K (an index not one letter is kept under "")."""
    bounds: dict[str, str] = {}
    for _, index, bound in _sum_scripts(found):
        if bound:
            bounds[index] = bound if bounds.get(index, bound) == bound else ""
    return {index: bound for index, bound in bounds.items() if bound}


def _sum_indices(found) -> set[str]:
    """The letters sums run over: i in \\sum_i or \\sum_{i=1}^n."""
    return {index for _, index, _ in _sum_scripts(found) if index}


def _learn_structure(notation: Notation, paragraph, document) -> None:
    """"a symmetric matrix $A$", "$\\Sigma$ is symmetric", "$W$ is diagonal": the matrix the formula names has that
    structure (x^T A x has gradient 2Ax only then)."""
    segments = paragraph.segments
    for at, math in enumerate(segments):
        if isinstance(math, str):
            continue
        before = segments[at - 1] if at and isinstance(segments[at - 1], str) else ""
        after = segments[at + 1] if at + 1 < len(segments) and isinstance(segments[at + 1], str) else ""
        said = prose.STRUCTURE_BEFORE.search(before) or prose.STRUCTURE_AFTER.match(after)
        if not said:
            continue
        from .formulas import read_formula

        for line in read_formula(math, document).lines:
            for statement in line.statements:
                name = single_name(statement.sides[0].tokens, frozenset(notation.words))
                if name is not None and not name.subscript:
                    _learn_structured(notation, name.key, said.group(1).lower(), paragraph.line, "said in words")


def _learn_diagonal(notation: Notation, side: Side, body: Side | None, line: int) -> None:
    """W_{ij} = \\begin{cases} 0 & i \\neq j \\\\ ... & i = j \\end{cases}: a matrix given by its entries, 0 off the diagonal."""
    name = single_name(side.tokens, frozenset(notation.words))
    if body is None or name is None or len(name.indices) != 2 or not all(index.isalpha() for index in name.indices):
        return
    first, second = name.indices
    rows: list[list] = [[]]
    for token in body.tokens:
        if token.is_("command", "\\"):
            rows.append([])
        elif token.kind != "space" and not token.is_("symbol", "$", "{", "}", ","):
            rows[-1].append(token)
    for row in rows:
        cut = next((at for at, t in enumerate(row) if t.is_("symbol", "&")), None)
        if cut is None or [t.text for t in row[:cut]] not in (["0"], ["begin", "cases", "0"]) and [t.text for t in row[max(0, cut - 1):cut]] != ["0"]:
            continue
        condition = "".join(t.text for t in row[cut + 1:] if t.text not in ("text", "if", "for", "when"))
        if any(f"{a}{unequal}{b}" in condition for a, b in ((first, second), (second, first)) for unequal in ("neq", "ne", "not=", "≠")):
            _learn_structured(notation, name.base, "diagonal", line, "its entries given, 0 where the indices differ")
            return


def _learn_structured(notation: Notation, key: str, structure: str, line: int, how: str) -> None:
    if notation.structured.get(key) != "diagonal":  # diagonal says more than symmetric
        notation.structured[key] = structure
        notation.learn(key, "matrix", line, f"{structure} ({how})")


def _learn_labels(notation: Notation, found, names, line: int) -> None:
    """The weights of a cross-entropy (-\\sum_k t_k \\log y_k, or -t_0 \\log y_0 - t_1 \\log y_1 - t_2 \\log y_2 written out)
    are a label or a distribution: their entries sum to 1, which derivations use without saying (\\sum_k t_k y_j = y_j)."""
    summed = _sum_indices(found)
    weighed: dict = {}
    ordered = sorted((name for name in names if name.key not in ("log", "ln")), key=lambda name: name.start)  # log typed is no name
    for weight, logged in zip(ordered, ordered[1:]):
        between = [t for t in found[weight.end:logged.start] if t.kind != "space" and not t.is_("symbol", "(", "{") and not t.is_("command", "left")]
        typed = "".join(t.text for t in between) in ("log", "ln") and all(t.kind == "letter" for t in between)  # y_k log(p_k) typed
        if (len(between) == 1 and between[0].is_("command", "log", "ln") or typed) and weight.indices and weight.indices == logged.indices \
                and weight.base != logged.base and (weight.layer == logged.layer or not logged.layer) and len(weight.indices) == 1:
            weighed.setdefault(key_of(weight.base, (), weight.layer), set()).add(weight.indices[0])  # y_k^n: sample n's label
    for base, indices in weighed.items():
        numbers = {int(index) for index in indices if index.isdigit()}
        if indices & summed or len(numbers) > 1 and len(numbers) == len(indices):
            if base not in notation.labels:
                notation.learn(base, "vector", line, "weighs the logs of a cross-entropy: a label or a distribution, its entries summing to 1")
            notation.labels[base] = numbers if not indices & summed else set()


def _learn_passed(notation: Notation, found, line: int) -> None:
    """\\ell(\\phi, \\mu_0, \\sigma), p(x; \\mu, \\sigma): a function's name written as one of several arguments is a value
    there (a variance), so \\sigma^{-1}(x - \\mu) is its reciprocal times a bracket, not the logit."""
    shown = [t for t in found if t.kind != "space"]
    for at in range(1, len(shown) - 1):
        token, before, after = shown[at], shown[at - 1], shown[at + 1]
        if token.kind != "command" or token.text not in dialect.REDEFINABLE or token.text in notation.passed:
            continue
        if before.is_("symbol", ",", ";") and after.is_("symbol", ",", ";", ")") or before.is_("symbol", "(") and after.is_("symbol", ",", ";"):
            notation.passed.add(token.text)
            notation.learn(token.text, "word", line, "written as one of a function's arguments: a value here, not a function")


def _one_hot_said(before, after) -> bool:
    """The prose either side of a formula says that what it names is one-hot ("a one-hot vector $y$", "$y$ is
    one-hot"): only that formula, not every name in a paragraph that mentions one-hot labels."""
    return (isinstance(before, str) and prose.ONE_HOT_BEFORE.search(before) is not None
            or isinstance(after, str) and prose.ONE_HOT_AFTER.match(after) is not None)


def _words_beside(segments, at: int, step: int) -> str | None:
    """The words right before (step -1) or after (step 1) the formula at `at`, up to the next formula: pieces a font
    command split (`is a \\textbf{one-hot} vector`) read as one text; None where a formula stands there."""
    words = []
    at += step
    while 0 <= at < len(segments) and isinstance(segments[at], str):
        words.append(segments[at])
        at += step
    return "".join(words[::step]) if words else None


def _with_number_before(segments, at: int) -> str:
    """The words at `at`, after the number set as maths just before them ("a $1$ for the word"): "1 for the word"."""
    before = segments[at - 1] if at else None
    number = before.tex.strip() if before is not None and not isinstance(before, str) and before.tex.strip().isdigit() else ""
    return f"{number}{segments[at]}" if number else segments[at]


def _learn_one_hot(notation: Notation, paragraph, document) -> None:
    """"$\\mathbf{y}$ is one-hot", "$y_o = 1$ only for the true class": the label y has one entry 1 (at o) and the others 0."""
    from .formulas import read_formula

    named, hot, hot_letter = [], {}, None
    segments = paragraph.segments
    for at, math in enumerate(segments):
        if isinstance(math, str):
            continue
        letter = prose.ORDINAL_LETTER.fullmatch(math.tex)
        if at and isinstance(segments[at - 1], str) and prose.ONE_AT.search(_with_number_before(segments, at - 1)) and letter:
            hot_letter = hot_letter or letter.group(1)  # "with a 1 for the true word $o$", "with a $1$ for ...", "1 in $o^{th}$ position"
            continue
        said = _one_hot_said(_words_beside(segments, at, -1), _words_beside(segments, at, 1))
        for line in read_formula(math, document).lines:
            for statement in line.statements:
                first = single_name(statement.sides[0].tokens, frozenset(notation.words))
                if first is None:
                    continue
                value = [t.text for t in statement.sides[1].tokens] if len(statement.sides) == 2 else []
                if first.subscript and len(first.indices) == 1 and value == ["1"]:
                    hot[first.base] = first.indices[0]
                elif len(value) == 1 and len(first.key) == 1 and first.key in hot.values() and value[0].isalpha():
                    hot = {base: value[0] if letter == first.key else letter for base, letter in hot.items()}  # "y_w = 1 when w = o"
                elif said and (len(statement.sides) == 1 or statement.relations == ("in",)):
                    named.append(first.base)  # "$\mathbf{y}$ is one-hot", "$\mathbf{y} \in \mathbb{R}^V$ one-hot"
    for words in (segment for segment in segments if isinstance(segment, str)):  # the label named in plain words
        named += [found.group(1) for found in prose.ONE_HOT_WORD.finditer(words)]
        hot.update({found.group(2): found.group(1) for found in prose.HOT_ENTRY_WORDS.finditer(words)})
        typed = prose.ONE_AT_WORD.search(words)
        hot_letter = hot_letter or (typed.group(typed.lastindex) if typed else None)  # "... for the true outside word o, and 0 ..." 
    if hot_letter is not None:
        hot.update({base: hot_letter for base in named if base not in hot})
    for base in dict.fromkeys([*hot, *named]):
        notation.one_hot[base] = hot.get(base) or notation.one_hot.get(base, "")  # a later "one-hot y" keeps the hot letter
        notation.learn(base, "vector", paragraph.line, f"a one-hot label (one entry 1{', at ' + hot[base] if base in hot else ''}, the others 0)")


def _learn_one_hot_by_cases(notation: Notation, paragraphs, document) -> None:
    """"if $w = o$, then $y_w = y_o = 1$; otherwise, if $w \\neq o$, then $y_w = 0$": a label given by cases in the prose,
    its entry 1 where its index is o and 0 elsewhere, is one-hot at o. All three must be said in the section."""
    from .formulas import read_formula

    ones, zeros, cases, line = {}, set(), {}, 0
    words = frozenset(notation.words)
    for paragraph in paragraphs:
        for math in (segment for segment in paragraph.segments if not isinstance(segment, str)):
            for statement in (s for formula_line in read_formula(math, document).lines for s in formula_line.statements):
                names = [single_name(side.tokens, words) for side in statement.sides]
                last = [t.text for t in statement.sides[-1].tokens if t.kind != "space"] if statement.sides else []
                letters = [n for n in names if n is not None and len(n.key) == 1 and n.key.isalpha()]
                if len(statement.sides) == 2 and len(letters) == 2 and statement.relations[0] in ("==", "!="):
                    cases[letters[0].key] = letters[1].key  # w = o, w \neq o: which entry a case is about
                    continue
                entries = [n for n in names[:-1] if n is not None and len(n.indices) == 1 and n.indices[0].isalpha()]
                if not entries or set(statement.relations) != {"=="} or last not in (["1"], ["0"]):
                    continue
                if last == ["1"]:
                    ones.setdefault(entries[0].base, entries[0].indices[0])
                    line = line or paragraph.line
                else:
                    zeros.add((entries[0].base, entries[0].indices[0]))
    for base, index in ones.items():
        hot = cases.get(index)
        if (base, index) in zeros and hot and hot != index and base not in notation.one_hot:
            notation.one_hot[base] = hot
            notation.learn(base, "vector", line, f"a one-hot label (its entry 1 where the index is {hot}, 0 elsewhere, said by cases)")


def _learn_hot_index(notation: Notation, paragraphs, sides) -> None:
    """"where $k$ is the index of the correct class": the one label whose entries weigh a log (-\\sum_i y_i \\log \\hat y_i)
    is one-hot, with its 1 at k. Nothing is learned where no label, or more than one, weighs a log."""
    said = [(paragraph, math) for paragraph in paragraphs for math, after in zip(paragraph.segments, paragraph.segments[1:])
            if not isinstance(math, str) and isinstance(after, str) and prose.HOT_INDEX.match(after)
            and re.fullmatch(r"\s*[A-Za-z]\s*", math.tex)]
    labels = {base for written in sides for base in _log_weights(written.side.tokens, frozenset(notation.words))}
    if not said or len(labels) != 1:
        return
    paragraph, math = said[0]
    base, letter = labels.pop(), math.tex.strip()
    notation.one_hot[base] = letter
    notation.conventions.append(prose.Convention("one-hot", paragraph.line, f"{letter} is the index of the correct class"))
    notation.learn(base, "vector", paragraph.line, f"a one-hot label (one entry 1, at {letter}, the others 0): {letter} is the index of the correct class")


def _log_weights(found, words: frozenset) -> set[str]:
    """Bases of one-index names right before a log (y_i \\log \\hat y_i, y_k \\cdot \\ln p_k): a cross-entropy's label."""
    found = [t for t in found if t.kind != "space"]
    bases = set()
    for name in Scanner(found, words).names():
        after = name.end
        while after < len(found) and (found[after].is_("command", "cdot") or found[after].is_("symbol", "}")):
            after += 1  # {y_i}\\log, y_i \\cdot \\log
        if len(name.indices) == 1 and after < len(found) and found[after].is_("command", "log", "ln"):
            bases.add(name.base)
    return bases


def _learn_shapes(notation: Notation, sides, declarations) -> None:
    """Matrices and vectors, with their shapes, by unification over every use (shapes.py)."""
    inference = Inference(frozenset(notation.words), frozenset(notation.functions), frozenset(notation.vectors | notation.tables),
                          frozenset(notation.counters))
    for key, shape, line, how in declarations:
        inference.declare(key, shape, line, how)
    previous, joined, after_in = None, "", False
    for written in sides:
        side, line, relation = written.side, written.line, written.relation
        if after_in:  # the set after \in
            after_in, previous = relation == "in", None
            continue
        tree = inference.add(side.tokens, line)
        if previous is not None and joined in ("==", "approx", "defines", "update"):
            inference.equal(previous, tree, line)
        previous, joined, after_in = tree, relation, relation == "in"
    shapes = inference.solve()
    declared = {key for key, _, _, _ in declarations}
    notation.stated = declared
    notation.lengths = {key: int(shape[0]) for key, shape, _, _ in declarations if shape[1] == 1 and getattr(shape[0], "is_Integer", False)}
    for key, shape in shapes.arrays.items():
        line, why = inference.why.get(key, (0, ""))
        kind = "vector" if shape[1] == 1 else "matrix"
        notation.learn(key, kind, line, why, shape)
        notation.matrices[key] = shape
    notation.findings = list(shapes.findings)
    notation.entry_shaped = {key for key, (_, why) in shapes.evidence.items() if why == GIVEN_BY_ENTRIES}
    notation.guessed = {key for key, (_, why) in shapes.evidence.items() if why.startswith(GUESSES) and key not in declared}


def _learn_words(notation: Notation, sides, declared: frozenset = frozenset()) -> None:
    """Letters typed together are one name when the write-up writes them with a subscript (net_{h1}, out_{o1}),
    a layer or a prime, in \\text or \\mathrm elsewhere, or when the run is long (four letters or more). Capitals
    each declared a matrix (XWV after X, W, V \\in \\mathbb{R}^{...}) are their product, not a name."""
    spelled_as_words: dict[str, int] = {}  # a word written in \\text or \\mathrm -> the first line it is
    candidates: dict[str, int] = {}
    products: dict[str, set] = {}  # a two-letter run before a subscript -> its last letter with that subscript (w_0 of Xw_0)
    alone: set = set()  # single letters written with a subscript, not typed after another letter
    single: set = set()  # letters written on their own somewhere (f in f'g)
    primed_pairs: set = set()  # two letters typed together before a prime (fg' of (fg)' = f'g + fg')
    differentiated: set = set()  # runs written right after \partial
    for written in sides:
        found, line = written.side.tokens, written.line
        skipped = _environment_names(found)
        for at, token in enumerate(found):
            if at in skipped:
                continue
            if token.kind == "command" and token.text in TEXT_NAMES and at + 1 < len(found) and found[at + 1].is_("symbol", "{"):
                letters = []
                for inner in found[at + 2:]:
                    if inner.kind != "letter" or (letters and inner.space_before):
                        break
                    letters.append(inner.text)
                if len(letters) >= 2:
                    spelled_as_words.setdefault("".join(letters), line)
            if token.kind != "letter" or (at and found[at - 1].kind == "letter" and not token.space_before):
                continue
            if at and found[at - 1].is_("symbol", "_", "^") or at >= 2 and found[at - 1].is_("symbol", "{") and found[at - 2].is_("symbol", "_", "^"):
                continue  # a subscript's letters: o1 in out_{o1}
            run = at
            while run < len(found) and found[run].kind == "letter" and (run == at or not found[run].space_before):
                run += 1
            if run - at < 2:
                single.add(token.text)
                if run < len(found) and found[run].is_("symbol", "'") and not (run + 1 < len(found) and found[run + 1].is_("symbol", "(", "'")):
                    notation.primed.add(token.text)  # f'g, g' alone: not f'(x)
                continue
            word = "".join(t.text for t in found[at:run])
            if run - at == 2 and run < len(found) and found[run].is_("symbol", "'"):
                primed_pairs.add(word)
            if not (run < len(found) and (found[run].is_("symbol", "(") or found[run].is_("command", "left"))):
                notation.quantities.add(word)  # written alone here: a quantity, so out(1 - out) is a product
            if word[0] == "d" and at and found[at - 1].is_("symbol", "{"):
                continue  # \\frac{d\\sigma}{df_1}: a differential, not a name
            if word in dialect.FUNCTIONS or word in dialect.VARIADIC or word in dialect.GREEK or word in ("sqrt", "frac", "sum", "prod", "lim", "int", "pi", "infty"):
                continue
            scripted = run < len(found) and found[run].is_("symbol", "_", "'") and not any(word.endswith(f) for f in dialect.FUNCTIONS if len(f) >= 2)
            numbered = written.plain and run < len(found) and found[run].kind == "number" and not found[run].space_before  # ao1 typed for a_o1
            scripted = scripted or numbered and found[run].text.isdigit() and not any(word.endswith(f) for f in dialect.FUNCTIONS if len(f) >= 2)
            usual = word in dialect.DOCUMENT_WORDS or len(word) >= 3 and word.isupper() and not set(word) <= declared  # out, dim, FLOP
            if function_of_one_letter(word) and not scripted:
                continue  # yloga: y log a, the function's backslash left out, not a name
            if scripted or usual or len(word) >= 4 and not any(word.endswith(f) for f in dialect.FUNCTIONS if len(f) >= 2):
                candidates.setdefault(word, line)
                if at and found[at - 1].is_("command", "partial"):
                    differentiated.add(word)  # \partial io_1: one name (no one differentiates by i times o_1)
                elif scripted and not usual:
                    products.setdefault(word, set()).add(_scripted_last(found, run - 1))
        alone |= _single_letters_scripted(found)
    notation.primed |= {word[-1] for word in primed_pairs if set(word) <= single}  # g of fg'
    d_given = any(w.first and w.relation == "==" and len(w.side.tokens) == 1 and w.side.tokens[0].is_("letter", "d") for w in sides)
    gradients = {} if d_given else {name: written.line for written in sides for name in [_gradient_name(written)] if name}
    for word, line in {**gradients, **candidates}.items():
        if word in products and len(word) == 2 and products[word] <= alone and word not in gradients.keys() | differentiated:
            continue  # Xw_0 where w_0 is written alone elsewhere: X times w_0, not a name Xw
        if word in primed_pairs and set(word) <= single and word not in gradients:
            continue  # fg' beside f'g: f times g', the product rule's terms, not a name fg
        notation.learn(word, "word", line, "letters typed together, written as one name")
    for word in (set(spelled_as_words) - set(prose.CONDITION_WORDS) - set(dialect.FUNCTIONS) - MATRIX_FUNCTION_NAMES) & {w for written in sides for w in _bare_runs(written.side)}:
        notation.learn(word, "word", spelled_as_words[word], "written in \\text or \\mathrm elsewhere")
    for number, written in enumerate(sides):
        found = [t for t in written.side.tokens if t.kind != "space"]
        letter = _letter_quantity(written, sides[number + 1] if number + 1 < len(sides) else None)
        if letter:
            notation.quantities.add(letter)
        if written.plain and written.first and written.relation == "==" and 2 <= len(found) <= 3 \
                and all(t.kind == "letter" and t.text.isupper() and not t.space_before for t in found[1:]) and found[0].kind == "letter" and found[0].text.isupper():
            notation.learn("".join(t.text for t in found), "word", written.line, "capitals a line typed without $...$ defines (ET = E1 + E2)")


def _letter_quantity(written, following) -> str:
    """h_j = \\sigma(z_j), g_1 = 0.3: a usual function letter with a subscript, given a formula or a value alone on the
    left of a line, is a quantity there, so h_j(1 - h_j) is a product (\\phi_1 = \\tanh, a bare function, names a
    function). `following`: the side after it. Returns the letter ("" for any other side)."""
    if not (written.first and written.relation == "=="):
        return ""
    name = single_name(written.side.tokens)
    if name is None or not name.subscript or name.base.lstrip("\\") not in FREE_FUNCTION_NAMES:
        return ""
    body = [t for t in following.side.tokens if t.kind != "space"] if following is not None and following.line == written.line else []
    valued = len(body) > 1 or len(body) == 1 and body[0].kind == "number"
    return name.base.lstrip("\\") if valued else ""


def _gradient_name(written) -> str:
    """dw, dZ^{[l]}, db standing alone as the left side of an equation: the gradient's name in the
    deep-learning course convention (dw for the derivative of the loss in w), one name, not d times w."""
    found = written.side.tokens
    if not (written.first and written.relation == "==" and len(found) >= 2 and found[0].is_("letter", "d") and found[1].kind == "letter"):
        return ""
    if found[1].space_before or len(found) > 2 and (found[2].kind == "letter" and not found[2].space_before or not found[2].is_("symbol", "_", "^")):
        return ""
    return "d" + found[1].text


def _scripted_last(found, last: int) -> tuple:
    """The last letter of a run with the subscript after it: ('w', '0') for the w_0 of Xw_0."""
    return found[last].text, _subscript_text(found, last + 1)


def _single_letters_scripted(found) -> set:
    """(letter, subscript) for each letter written alone with a subscript (w_0, not the w of Xw_0)."""
    seen = set()
    for at, token in enumerate(found):
        if token.kind == "letter" and at + 1 < len(found) and found[at + 1].is_("symbol", "_") and not (at and found[at - 1].kind == "letter" and not token.space_before):
            seen.add((token.text, _subscript_text(found, at + 1)))
    return seen


def _subscript_text(found, underscore: int) -> str:
    if underscore + 1 >= len(found) or not found[underscore].is_("symbol", "_"):
        return ""
    if not found[underscore + 1].is_("symbol", "{"):
        return found[underscore + 1].text
    texts, depth = [], 0
    for token in found[underscore + 1:]:
        depth += token.is_("symbol", "{") - token.is_("symbol", "}")
        if depth == 0:
            break
        texts.append(token.text)
    return "".join(texts[1:])


def _environment_names(found) -> set[int]:
    """The indices of the letters naming an environment (\\begin{cases}): not names."""
    skipped = set()
    for at, token in enumerate(found):
        if token.is_("command", "begin", "end") and at + 1 < len(found) and found[at + 1].is_("symbol", "{"):
            index = at + 2
            while index < len(found) and not found[index].is_("symbol", "}"):
                skipped.add(index)
                index += 1
    return skipped


def _bare_runs(side: Side) -> set[str]:
    found, runs, at = side.tokens, set(), 0
    while at < len(found):
        run = at
        while run < len(found) and found[run].kind == "letter" and (run == at or not found[run].space_before):
            run += 1
        if run - at >= 2:
            runs.add("".join(t.text for t in found[at:run]))
        at = max(run, at + 1)
    return runs


def _learn_indexed(notation: Notation, side: Side, names: list[Name], line: int) -> None:
    """A name written with an index a sum in the same side runs over is a vector (y_k under \\sum_k); with two
    indices, one of them summed, a table (w_{kj} under \\sum_j). Names in a sum written with an ellipsis
    (p_1 y_1 + \\dots + p_K y_K) are vectors; so, where the text says repeated indices are summed, is any name
    written with letter indices (W_{ij} x_j)."""
    if any(t.kind == "command" and t.text in ("dots", "cdots", "ldots", "dotsb") for t in side.tokens):
        for name in names:
            if len(name.indices) == 1 and not name.layer and not name.mark and name.base not in ("delta", "mathbb"):
                notation.learn(name.base, "vector", line, f"written {name.key} in a sum with an ellipsis")
    if notation.has("einstein"):
        for name in names:
            if name.indices and all(len(i) == 1 and i.isalpha() for i in name.indices) and name.base not in ("delta", "mathbb") and not name.layer:
                notation.learn(name.base, "table" if len(name.indices) == 2 else "vector", line, f"written {name.key}, its repeated indices summed")
    for name in _in_softmax(side):
        if len(name.indices) == 1 and len(name.indices[0]) == 1 and name.indices[0].isalpha() and not name.layer and not name.mark:
            notation.learn(name.base, "vector", line, f"written {name.key} inside softmax(...), a function of a whole vector")
    for name in _after_a_bare_sum(side, names):
        notation.learn(name.base, "vector", line, f"written {name.key} after a bare \\sum: its entries summed")
    bound = summed_indices(side)
    if not bound:
        return
    for name in names:
        sample = not name.subscript and name.layer in SAMPLE_LETTERS and name.layer in bound and not name.transposed and not name.mark
        if sample and not name.bold and not name.base[:1].isupper() and name.base not in notation.matrices:
            notation.samples.add(name.base)
            notation.learn(name.base, "vector", line, f"written {name.key} under a sum over {name.layer}: the sample's entry")
        if name.subscript and name.layer:
            notation.layered_entries.add(name.base)  # x^{(i)}_j: sample i is a vector of its own, not a number
    for name in names:
        if not name.subscript or name.mark or name.primes or name.base in ("delta", "mathbb"):
            continue  # \\delta_{ki} is Kronecker's
        indices, whole = name.indices, key_of(name.base, (), name.layer)  # x^{(2)}_i: an entry of the layer's x^{(2)}
        if len(indices) == 1 and indices[0] in bound:
            notation.learn(whole, "vector", line, f"written {name.key} under a sum over {indices[0]}")
        elif len(indices) == 2 and set(indices) & bound and all(len(i) == 1 for i in indices):
            notation.learn(whole, "table", line, f"written {name.key} under a sum over {' and '.join(sorted(set(indices) & bound))}")


def _after_a_bare_sum(side: Side, names: list[Name]) -> list[Name]:
    """The name a \\sum with no index or bound is written before, alone or as a function's argument (\\sum p = 1, \\sum
    \\exp(x)): a vector whose entries are summed. A name with a subscript (\\sum e^{z_k}) gives the sum its index instead."""
    found = side.tokens
    taken = []
    for at, token in enumerate(found):
        if not token.is_("command", "sum"):
            continue
        ahead = next((n for n, t in enumerate(found[at + 1:], at + 1) if t.kind != "space"), None)
        if ahead is None or found[ahead].is_("symbol", "_", "^"):
            continue
        name = next((n for n in names if n.start >= ahead), None)
        between = [t for t in found[ahead:name.start] if t.kind != "space"] if name is not None else None
        if between is None or any(not (t.is_("command", *dialect.FUNCTIONS, "left") or t.is_("symbol", "(")) for t in between):
            continue
        if not name.subscript and not name.layer and not name.mark and not name.primes and name.base not in ("e", "pi"):
            taken.append(name)
    return taken


def _in_softmax(side: Side) -> list[Name]:
    """The names inside the brackets of the word softmax (softmax(x_i + c), \\text{softmax}(z_k)): entries of a vector."""
    found, inside = side.tokens, []
    for at in range(len(found) - 7):
        if "".join(t.text for t in found[at:at + 7]) != "softmax" or at and found[at - 1].kind == "letter":
            continue
        opened = at + 8 if found[at + 7].is_("symbol", "}") else at + 7
        if opened < len(found) and found[opened].is_("symbol", "("):
            depth, close = 0, opened
            for close in range(opened, len(found)):
                depth += found[close].is_("symbol", "(") - found[close].is_("symbol", ")")
                if depth == 0:
                    break
            inside += Scanner(found[opened + 1:close]).names()
    return inside


def summed_indices(side: Side, bare: bool = True) -> set[str]:
    """The letters the sums and products of a side run over: \\sum_k, \\sum_{k=1}^K, \\prod_{i}; a bare \\sum takes the
    one index its summand's names carry (\\sum e^{x_j}: j), as the parser does (unless `bare` is False: written only)."""
    found = side.tokens
    letters = set()
    for at, index, _ in _sum_scripts(found):
        if index:
            letters.add(index)
        elif bare and not (at + 1 < len(found) and found[at + 1].is_("symbol", "_", "^")):
            names = Scanner(found[at + 1:]).names()
            carried = {n.indices[0] for n in names if len(n.indices) == 1 and n.indices[0].isalpha() and len(n.indices[0]) == 1}
            carried |= {n.layer for n in names if not n.subscript and n.layer in SAMPLE_LETTERS}  # \sum (y^{(i)} - \hat{y}^{(i)})^2
            if len(carried) == 1:
                letters |= carried
    return letters


def _learn_function(notation: Notation, side: Side, line: int, relation: str, body: Side | None, bodies: dict) -> None:
    """`name(x) = ...` (or `f(x_1, x_2)`, `S_c(\\mathbf{x})`) on the left of a chain: a function the write-up defines; when
    the body uses its variable only with an index (E(o) = -\\sum_i y_i \\log o_i), a function of a vector's entries.
    `bodies` gets a function of one value's variable and the other names in its body, and the line it was defined on."""
    if relation not in ("==", "defines"):
        return
    head = function_head(side, frozenset(notation.words), of_a_sample=True)
    if head is None:
        return
    name, variables = head
    if _of_one_sample(variables) and (body is None or all(n.key != variables[0].key for n in Scanner(body.tokens, frozenset(notation.words)).names())):
        return  # f(x_i) = \ln(1 + e^{-z_i}): the quantity for the i-th sample, named, not a function of x_i
    if name.key.lstrip("\\") in dialect.FUNCTIONS and name.key.lstrip("\\") not in dialect.REDEFINABLE and len(variables) == 1:
        return  # tanh(z) = ... is a claim about tanh, however it is typed
    notation.learn(name.key, "function", line, f"defined as {side.text} = ...")
    notation.arities[name.key] = len(variables)
    if body is not None and len(variables) == 1:
        inside = Scanner(body.tokens, frozenset(notation.words)).names()
        bodies.setdefault(name.key, (variables[0].key, {n.key for n in inside} - {variables[0].key}, line))
        uses = [n for n in inside if n.base == variables[0].base]
        if uses and all(n.subscript for n in uses):
            notation.of_vectors.add(name.key)


def _primed_in_brackets(found, name: Name) -> bool:
    """(\\hat{y}^n)': a name alone in brackets with a prime after them, the derivative of a quantity written as a name (a
    function of a variable the text leaves unnamed), as f' alone is."""
    return 0 < name.start and found[name.start - 1].is_("symbol", "(") and name.end + 1 < len(found) \
        and found[name.end].is_("symbol", ")") and found[name.end + 1].is_("symbol", "'")


def _learn_prime_variables(notation: Notation, sides, bodies: dict) -> None:
    """f(x) = \\frac{1}{1 + e^{-w^T x}} in a text that differentiates by w (\\partial C / \\partial w) and never by x:
    its f'(x) is taken by w, the one name of the body the text differentiates by (a logistic regression's write-up
    means the derivative in the weights). Only for a function the text writes primed; where the text also
    differentiates by x, or by two of the body's names, the prime is f's own variable's, as written."""
    taken_by, primed = set(), set()
    for written in sides:
        found = [t for t in written.side.tokens if t.kind != "space"]
        scanner = Scanner(found, frozenset(notation.words))
        primed |= {name.key.rstrip("'") for name in scanner.names() if name.primes and name.end < len(found) and found[name.end].is_("symbol", "(")}
        for at, token in enumerate(found[:-1]):
            if (token.is_("command", "partial") or token.is_("letter", "d")) and opens_denominator(found, at):
                name = scanner.name_at(at + 1)  # the whole denominator: {\\partial w}, not {\\partial e^{a_j}}
                if name is not None and name.end < len(found) and found[name.end].is_("symbol", "}"):
                    taken_by.add(name.key)
    for function, (variable, others, line) in bodies.items():
        if function not in primed:
            continue  # a function the text never writes primed (f'(x)): nothing to take its prime by
        candidates = others & taken_by
        if variable not in taken_by and len(candidates) == 1:
            by = notation.prime_by[function] = next(iter(candidates))
            said = f"; its prime is taken by {by} (the text differentiates by {by}, never by {variable})"
            notation.facts = [replace(fact, how=fact.how + said) if fact.name == function and fact.kind == "function" else fact for fact in notation.facts]


def carry_earlier(notation: Notation, earlier: list) -> None:
    """What a question before said a name is, where this one uses the name only that way: a function it applies and never
    defines (N(z) after N(z) = ... under \\section{Definition}), a vector it writes only by its entries and as what a
    function is applied to (z_j, N(z)). A name this question also writes otherwise (J = ... after J(v_c, o, U) = ...,
    a alone) is its own here."""
    applied, bare, indexed = notation.written
    own = notation.words | set(notation.matrices) | notation.tables
    for before in earlier:
        notation.functions |= {name for name in before.functions & applied if name not in notation.arities} - bare - own - notation.vectors
        notation.vectors |= (before.vectors & indexed) - bare - own - notation.functions


def _differentiated(notation: Notation, side: Side) -> list[str]:
    """\\frac{\\partial p(o_1)}{\\partial o_1}: a name applied right after \\partial, differentiated as a function of
    what it is applied to (p times o_1 would have derivative p)."""
    found = [t for t in side.tokens if t.kind != "space"]
    scanner = Scanner(found, frozenset(notation.words))
    keys = []
    for at, token in enumerate(found[:-1]):
        name = scanner.name_at(at + 1) if token.is_("command", "partial") else None
        if name is not None and name.end < len(found) and found[name.end].is_("symbol", "(") and name.key not in notation.words \
                and name.key.lstrip("\\") not in dialect.FUNCTIONS:
            keys.append(name.key)
    return keys


def uses(sides, words: frozenset) -> tuple[set, set, set]:
    """How a part writes its names: applied (name(...)), alone (not as the one thing in brackets: N(z)'s z is
    applied to, not alone), and by entries with a letter index (z_j: the base)."""
    applied, bare, indexed = set(), set(), set()
    for written in sides:
        found = [t for t in written.side.tokens if t.kind != "space"]
        for name in Scanner(found, words).names():
            after = found[name.end] if name.end < len(found) else None
            before = found[name.start - 1] if name.start else None
            if after is not None and after.is_("symbol", "(") or power_applied(found, name.end):
                applied.add(name.key)  # sigma_i(z) too: a family's function applied, not an entry times z; h^2(x) too
            elif name.subscript and any(index.isalpha() for index in name.indices):
                indexed.add(name.base)
            elif not (before is not None and before.is_("symbol", "(") and after is not None and after.is_("symbol", ")")) \
                    and not (after is not None and (after.is_("symbol", "_") or after.kind == "letter")):  # not a piece of num_inputs
                bare.add(name.key)
    return applied, bare, indexed


def power_applied(found, at: int) -> bool:
    """h^2(x), h^{2}(x): a power written between a function's name and its argument (as \\sin^2 x)."""
    if at + 2 >= len(found) or not found[at].is_("symbol", "^"):
        return False
    end = at + 2 if not found[at + 1].is_("symbol", "{") else next((k + 1 for k in range(at + 2, len(found)) if found[k].is_("symbol", "}")), len(found))
    return end < len(found) and found[end].is_("symbol", "(")


def _of_one_sample(variables) -> bool:
    """h(x^{(i)}), g(z_k): one variable, written with a script (a function head only where its body uses it)."""
    return len(variables) == 1 and bool(variables[0].subscript or variables[0].layer)


def declarations(statements) -> list[tuple]:
    """Declarations `X \\in \\mathbb{R}^{m \\times n}` (or `\\mathbb{R}^n`, `R^{m x n}`): (key, shape, line, how)."""
    found = []
    for left, right, line in statements:
        shape = _space_shape(right)
        if shape is None:
            continue
        for piece in _comma_pieces(left.tokens):
            name = single_name(piece)
            if name is not None:
                found.append((name.key, shape, line, f"declared in {right.text}"))
    return found


def _comma_pieces(found) -> list[list]:
    pieces: list[list] = [[]]
    depth = 0
    for token in found:
        if token.is_("symbol", "(", "[", "{"):
            depth += 1
        elif token.is_("symbol", ")", "]", "}"):
            depth -= 1
        if token.is_("symbol", ",") and depth == 0:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in pieces if p]


def _space_shape(side: Side) -> tuple | None:
    """\\mathbb{R}^{m \\times n} -> (m, n); \\mathbb{R}^{n} -> (n, 1); None for anything else."""
    found = [t for t in side.tokens if t.kind != "space"]
    if len(found) < 3:
        return None
    at = 0
    if found[0].is_("command", "mathbb", "mathbf", "Bbb") and len(found) > 3 and found[1].is_("symbol", "{") and found[2].kind == "letter" and found[3].is_("symbol", "}"):
        letter, at = found[2].text, 4
    elif found[0].kind == "letter":
        letter, at = found[0].text, 1
    else:
        return None
    if letter not in _SETS or at >= len(found) or not found[at].is_("symbol", "^"):
        return None
    script = found[at + 1:]
    if script and script[0].is_("symbol", "{") and script[-1].is_("symbol", "}"):
        script = script[1:-1]
    dims: list[list] = [[]]
    for token in script:
        if token.is_("command", "times") or token.is_("letter", "x") and len(script) == 3 or token.is_("symbol", "*"):
            dims.append([])
        else:
            dims[-1].append(token)
    if not all(dims) or len(dims) > 2:
        return None
    shape = tuple(_dimension(d) for d in dims)
    if any(d is None for d in shape):
        return None
    return shape if len(shape) == 2 else (shape[0], sympy.Integer(1))


def _dimension(found) -> sympy.Basic | None:
    text = "".join(t.text for t in found)
    if text.isdigit():
        return sympy.Integer(text)
    if len(found) == 1 and found[0].kind in ("letter",) or len(found) == 1 and found[0].kind == "command" and found[0].text in dialect.GREEK:
        return sympy.Symbol(found[0].text, integer=True, positive=True)
    if len(found) == 3 and found[0].kind == "letter" and found[1].is_("symbol", "_"):
        return sympy.Symbol(f"{found[0].text}_{found[2].text}", integer=True, positive=True)
    return None
