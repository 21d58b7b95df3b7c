"""A write-up's structure, by real parsers: Markdown through markdown-it-py, LaTeX through pylatexenc.

The result is a flat list of pieces in reading order (headings, sub-question marks, paragraphs
with their inline formulas, display formulas, tables), each with the line it starts on, and
every formula with its exact offset in the text: later stages never look at the raw text again.
Code blocks, comments and raw HTML are skipped; block quotes and list items are read through.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from .. import dialect
from ..lexer import group_end, tokens
from .macros import DEFINING, definitions
from .names import Scanner
from .notebook import Notebook, read_notebook, shown_place

MAX_TEXT = 200_000  # characters; checked before any parsing
MAX_DEFINITION = 2_000  # characters of a \def read for its parameters and body

# Display environments whose body is mathematics (LaTeX files, and Markdown through the amsmath plugin).
MATH_ENVIRONMENTS = frozenset(
    "equation equation* align align* aligned alignat alignat* gather gather* gathered multline multline* split "
    "eqnarray eqnarray* displaymath math flalign flalign*".split()
)
# LaTeX environments that begin a new question: their values and functions start afresh.
QUESTION_ENVIRONMENTS = frozenset("problem question exercise homework task".split())
# Commands a homework template defines to open a question (\prob, \problem{3}, \question), from its own header file
# the write-up does not carry: the same as such an environment. Spelled exactly (\Prob is a probability), and only
# where the write-up does not define the command itself (\newcommand{\prob}{\mathbb{P}}).
QUESTION_MACROS = QUESTION_ENVIRONMENTS | frozenset("prob ques exer hwproblem newproblem".split())
TABLE_ENVIRONMENTS = frozenset("tabular tabular* tabularx array longtable".split())
SKIPPED_ENVIRONMENTS = frozenset("verbatim lstlisting minted comment tikzpicture thebibliography".split())  # a figure is walked: students set equations in one
SECTION_MACROS = {"part": 1, "chapter": 1, "section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4, "subparagraph": 5}

# A paragraph that opens like a heading starts a new part of the write-up (its names start afresh):
# **Question 3**, [Question 1] Activation Functions, Problem 2., Q2:, "3 Backpropagation", Part 1 : ...
HEADING_LINE = re.compile(
    r"\s*(?:\*\*\s*|__\s*)?\[?(?:Question|Problem|Exercise|Task|Part|Homework|HW|Assignment|Q)\s*\d+[a-z]?\]?\s*(?:[.:)\]]|\*\*|\s|$)"
    r"|\s*\d+(?:\.\d+)*\.?\s+[A-Z][a-z]+(?:[ \t]+[A-Za-z][a-z]*){0,5}\s*$",
    re.IGNORECASE,
)
# A line that is only a sub-question's label: "c)", "(b)", "**(a)**", "Part (c)".
PART_LABEL = re.compile(r"\s*(?:\*\*)?\s*(?:part\s*)?\(?([a-h]|i{1,3}|iv|v|vi{0,3})\)\s*[.:]?\s*(?:\*\*)?\s*", re.IGNORECASE)
# The start of a paragraph that labels a sub-question before its text: "(b) Show that ...", "c) Compute".
PART_START = re.compile(r"\s*(?:\*\*)?\s*\(?([a-h])\)\s*(?:\*\*)?(?=\s)")


@dataclass(frozen=True)
class Math:
    """One formula as written: its LaTeX, where it starts in the document, and how it was set."""

    tex: str
    start: int  # offset of tex[0] in the document's text
    line: int  # 1-based line of tex[0]
    display: bool
    environment: str = ""  # align*, equation, aligned, $$, \[ ... ("" for inline)
    shifts: tuple = ()  # (offset in tex, offset in the text) where each line starts, when lines are apart in the text (> $$ ...)
    pinned: bool = False  # not in the text as written (an image's address): every piece stands at its start

    def offset(self, at: int) -> int:
        """The document offset of tex[at]."""
        if self.pinned:
            return self.start
        if not self.shifts:
            return self.start + at
        index = bisect.bisect_right([tex for tex, _ in self.shifts], at) - 1
        tex, text = self.shifts[max(index, 0)]
        return text + (at - tex)


@dataclass(frozen=True)
class Heading:
    """A heading. One that names a question (Question 3, Problem 2., Q1:, a numbered "3 Backpropagation", a LaTeX
    \\section) starts a new part of the write-up, whose values and functions start afresh; any other (## The backward
    pass) only titles what follows, which goes on with what came before."""

    line: int
    words: str
    level: int = 1
    new_problem: bool = True
    maths: tuple = ()  # its inline formulas: "#### When $j \\neq i$" says where what follows holds


@dataclass(frozen=True)
class Part:
    """A sub-question begins: values given before it no longer hold; functions do."""

    line: int
    label: str


@dataclass(frozen=True)
class Paragraph:
    """Prose and its inline formulas, in order."""

    line: int
    segments: tuple  # str (words) and Math (inline formulas)
    item: int = 0  # the list item it stands in (numbered through the document), 0 outside lists

    @property
    def maths(self) -> tuple[Math, ...]:
        return tuple(s for s in self.segments if isinstance(s, Math))

    @property
    def words(self) -> str:
        return "".join(s if isinstance(s, str) else " $ " for s in self.segments)


@dataclass(frozen=True)
class Display:
    math: Math
    item: int = 0  # the list item it stands in, as a paragraph's

    @property
    def line(self) -> int:
        return self.math.line


@dataclass(frozen=True)
class Table:
    """Rows of cells; each cell is prose and inline formulas, as a paragraph's segments."""

    line: int
    rows: tuple[tuple[tuple, ...], ...]
    row_lines: tuple[int, ...] = ()


Piece = Heading | Part | Paragraph | Display | Table


@dataclass
class Document:
    text: str
    pieces: list = field(default_factory=list)
    form: str = "markdown"  # or "latex"
    macros: dict = field(default_factory=dict)  # the write-up's own commands, by name (see macros.py)
    layers: frozenset = frozenset()  # letters its superscripts use as a layer's or a sample's number (W^L, a^{l-1}, C^n): never powers
    bracket_layers: frozenset = frozenset()  # names it numbers by layer in brackets typed after them (W[1], dZ[4])
    digit_layers: frozenset = frozenset()  # letters it numbers by layer in a digit superscript (\partial w^2_{11}: w, W)
    defined_layers: frozenset = frozenset()  # letters whose digit superscript is a layer even alone (a^1 = ..., a^2 = ...)
    dropped_marks: dict = field(default_factory=dict)  # a name written with its sample mark and, elsewhere, without it -> the letter
    transpose_t: bool = False  # its small t is only ever a superscript, over capitals or brackets (K^t, (QK^t)^t): a transpose
    dashed_labels: bool = False  # its lines end with a number typed after a spaced dash ( -(11)): their labels
    typed_labels: bool = False  # its displays end with a number typed in brackets after a space (= x_1 (6)): their labels
    lists: dict = field(default_factory=dict)  # a list item's number -> the number of the list it is an item of
    formulas: dict = field(default_factory=dict, repr=False)  # each Math as read (formulas.read_formula): read once
    e_named: bool = False  # a section wrote e = \hat{y} - y: e is that name in the sections after it too
    notebook: Notebook | None = field(default=None, repr=False)  # read from a notebook: where each line of `text` sits in it
    _newlines: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._newlines = [at for at, char in enumerate(self.text) if char == "\n"]

    def line_of(self, offset: int) -> int:
        """The 1-based line of a character offset."""
        return bisect.bisect_left(self._newlines, offset) + 1

    def where(self, line: int) -> str:
        """A line of the text as the reader finds it: "line 12", or in a notebook "cell 3, line 2"."""
        cell, at = self.notebook.place(line) if self.notebook is not None else (0, line)
        return shown_place(at, cell)

    def offset_of_line(self, line: int) -> int:
        """The offset where a 1-based line starts."""
        if line <= 1:
            return 0
        if line - 2 >= len(self._newlines):
            return len(self.text)
        return self._newlines[line - 2] + 1

    @property
    def maths(self) -> list[Math]:
        found = []
        for piece in self.pieces:
            if isinstance(piece, Display):
                found.append(piece.math)
            elif isinstance(piece, Paragraph):
                found += piece.maths
            elif isinstance(piece, Table):
                found += [s for row in piece.rows for cell in row for s in cell if isinstance(s, Math)]
        return found


class DocumentTooLong(ValueError):
    pass


def read_document(text: str, form: str | None = None) -> Document:
    """The pieces of a write-up. `form` is "markdown", "latex" or "notebook" (its Markdown cells are read); by
    default it is told from the text. Raises DocumentTooLong, or NotANotebook for a notebook that is not one."""
    form = form or guess_form(text)
    notebook = read_notebook(text) if form == "notebook" else None
    if notebook is not None:
        text, form = notebook.text, "markdown"
    if len(text) > MAX_TEXT:
        raise DocumentTooLong(f"the write-up is {len(text):,} characters long; at most {MAX_TEXT:,} are accepted")
    document = Document(text, form=form, notebook=notebook)
    (_read_latex if form == "latex" else _read_markdown)(document)
    scanned = [tokens(math.tex, tolerant=True) for math in document.maths]
    for found in scanned:  # MathJax's way: $\newcommand{\R}{\mathbb{R}}$ in the text
        if any(token.kind == "command" and token.text in DEFINING for token in found):
            document.macros.update(definitions(found)[0])
    named = [(found, Scanner(found).names()) for found in scanned]  # each formula's names, read once for both rules
    samples = _sample_letters(named)
    document.layers = _layer_letters(scanned) | samples
    document.dropped_marks = _dropped_marks(named, samples)
    document.bracket_layers = _bracket_layer_names(scanned)
    document.digit_layers = _digit_layer_letters(scanned)
    document.defined_layers = _defined_layer_letters(scanned)
    document.transpose_t = _t_marks_transposes(scanned)
    document.dashed_labels = sum(found[at].is_("symbol", ")") for found in scanned for at in dashed_labels(found)) >= 2
    document.typed_labels = len({label for math, found in zip(document.maths, scanned) if math.display
                                 for label in [typed_label(found)] if label is not None}) >= 2
    return document


def typed_label(found) -> str | None:
    """The number a formula's tokens end with, in brackets after a space (`\\frac{dz}{dw_1} = x_1 (6)`): an equation's
    label typed by hand where Markdown has no \\tag. Read as one only where two displays or more end so, with numbers
    of their own (one `= 2 (3)` is a product)."""
    meaningful = [t for t in found if t.kind != "end"]
    while meaningful and (meaningful[-1].kind == "space" or meaningful[-1].is_("symbol", ".", ",")):
        meaningful.pop()
    if len(meaningful) < 5 or not (meaningful[-3].is_("symbol", "(") and meaningful[-2].kind == "number" and meaningful[-1].is_("symbol", ")")):
        return None
    before = meaningful[-4]
    spaced = before.kind == "space" or meaningful[-3].position > before.position + len(before.text) + (before.kind == "command")
    if not spaced or not meaningful[-2].text.isdigit():
        return None
    return meaningful[-2].text


def dashed_labels(found) -> set[int]:
    """The token indices of equation numbers typed as ` -(11)` (the dash apart, the bracket against it) at the end of a line or row (`\\sigma'(x) = \\sigma(x)(1 -
    \\sigma(x)) \\ -(11) \\\\`), a whole number in brackets after a spaced dash: a label, where a write-up numbers two lines
    or more so (Document.dashed_labels); one `x - (2)` alone is arithmetic."""
    shown = [at for at, t in enumerate(found) if t.kind not in ("space", "end")]
    ends = [n for n, at in enumerate(shown) if found[at].is_("command", "\\", "end")] + [len(shown)]
    labels = set()
    for end in ends:
        if end < 5:
            continue
        dash, opener, number, closer = (found[at] for at in shown[end - 4:end])
        apart = dash.space_before and not opener.space_before or found[shown[end - 5]].is_("symbol", "&")  # x -(11), out_h2 &-(12)
        if dash.is_("symbol", "-") and apart and opener.is_("symbol", "(") and number.kind == "number" and number.text.isdigit() \
                and closer.is_("symbol", ")"):
            labels.update(shown[end - 4:end] + ([shown[end - 5]] if found[shown[end - 5]].is_("symbol", "&") else []))
    return labels


LAYER_LETTERS = frozenset({"l", "L", "ell"})  # the letters deep-learning texts number layers with (Nielsen's a^l, W^L)


def _layer_letters(scanned) -> frozenset:
    """The layer letters a write-up writes as bare superscripts: W^L, z^{l}, a^{l-1}. A letter counts when it stands
    over two names or more and also shifted (a^{l-1}, W^{l+1}) somewhere, as a layer's number does (or over three names
    in one formula: no formula raises three names to one power l), or when its other
    case counts (Nielsen's a^l and the last layer's a^L); x^l alone, or
    [..]^{l}[..]^{1-l} (a Bernoulli likelihood's powers, over brackets), is a power."""
    bases: dict[str, set] = {}
    shifted: set[str] = set()  # letters shifted somewhere (a^{l-1}), or over three names in one formula (Z^l = a^l X^l + b^l)
    for found in scanned:  # each formula's tokens
        here: dict[str, set] = {}
        for at in range(len(found)):
            layer = layer_superscript(found, at, LAYER_LETTERS)
            if layer is not None:
                letter, end = layer
                here.setdefault(letter, set()).add(found[at - 1].text)
                if end - at > 4:
                    shifted.add(letter)
        for letter, over in here.items():
            bases.setdefault(letter, set()).update(over)
            if len(over) >= 3:
                shifted.add(letter)
    letters = {letter for letter, over in bases.items() if len(over) >= 2 and letter in shifted}
    # Nielsen's a^l and a^L: where l numbers layers, L over two names or more is the last one (and the other way)
    letters |= {letter for letter, over in bases.items() if len(over) >= 2 and letter.swapcase() in letters}
    return frozenset(letters)


SAMPLE_MARKS = frozenset("ijkmn")  # the letters texts number samples with when they write them bare over names (C^n, x^n_i)


def _sample_letters(named) -> frozenset:
    """The letters a write-up writes bare over names to number its samples (a course template's C^n(w), x^n_i, \\hat{y}^n).
    A letter counts when it stands over three names or more, or over two where the text also sums over it or
    differentiates by such a name (no one differentiates by a power); never where it is shifted somewhere (x^{n-1}: a
    power rule's exponent) or stands over a bracket or a number ((1 + x)^n, 2^n): there it is a power."""
    over: dict[str, set] = {}
    summed, differentiated, powers = set(), set(), set()
    for found, names in named:  # (a formula's tokens, its names)
        for name in names:
            letter = _bare_letter_over(found, name.end)
            if letter is None or name.layer or name.mark or in_subscript(found, name.start) or name.base in ("e", "R", "mathbb"):
                continue
            over.setdefault(letter, set()).add(name.base)
            if _in_denominator_after_partial(found, name.start):
                differentiated.add(letter)
        for at, token in enumerate(found):
            if token.is_("symbol", "^") and at and (found[at - 1].is_("symbol", ")", "]") or found[at - 1].kind == "number"):
                powers |= {letter for letter in [_bare_letter_over(found, at)] if letter}
            shifted = layer_superscript(found, at, SAMPLE_MARKS)
            if shifted is not None and shifted[1] - at > 4:
                powers.add(shifted[0])
            if token.is_("command", "sum"):
                summed |= {letter for letter in [summed_letter(found, at)] if letter}
    return frozenset(letter for letter, bases in over.items() if letter not in powers
                     and (len(bases) >= 3 or len(bases) == 2 and letter in summed | differentiated))


def _dropped_marks(named, letters) -> dict:
    """Names a write-up numbering its samples by a bare superscript (C^n, y^n_k) also writes without the mark where it
    means the same sample (y_k beside y^n_k, the mark left out for brevity, as such reports do): name -> letter. Only
    names never written bare in a formula that sums over the letter (C(w) = \\frac{1}{N}\\sum_n C^n(w): C is the total),
    never defined bare (a formula opening with them and =) and never applied (f(x): a function's own variable)."""
    if len(letters) != 1:
        return {}
    letter = next(iter(letters))
    marked, bare, kept = set(), set(), set()
    for found, names in named:
        kept |= {name.base for name in names if in_subscript(found, name.start)}  # an index letter (k of y_k) is never a sample's
        summed = any(token.is_("command", "sum") and summed_letter(found, at) == letter for at, token in enumerate(found))
        for number, name in enumerate(names):
            if in_subscript(found, name.start) or name.base in ("e", "R", "mathbb", "sum", "partial"):
                continue
            if name.layer == letter or _bare_letter_over(found, name.end) == letter:
                marked.add(name.base)
                continue
            if name.layer or name.mark or name.primes:
                continue
            applied = not name.subscript and name.end < len(found) and found[name.end].is_("symbol", "(")  # f(x), not y_k (1 - p_k)
            opening = number == 0 and any(token.is_("symbol", "=") for token in found[name.end:name.end + 12])
            if summed or applied or opening:
                kept.add(name.base)
            else:
                bare.add(name.base)
    return {base: letter for base in sorted((marked & bare) - kept)}


def _bare_letter_over(found, at: int) -> str | None:
    """The sample letter of ^n or ^{n} at `at`, else None."""
    if at >= len(found) or not found[at].is_("symbol", "^"):
        return None
    braced = at + 1 < len(found) and found[at + 1].is_("symbol", "{")
    inner = at + 2 if braced else at + 1
    if inner >= len(found) or found[inner].kind != "letter" or found[inner].text not in SAMPLE_MARKS:
        return None
    if braced and not (inner + 1 < len(found) and found[inner + 1].is_("symbol", "}")):
        return None
    return found[inner].text


def in_subscript(found, at: int) -> bool:
    """The token at `at` opens a subscript (\\sum_i^m: i is the sum's index, m its bound)."""
    return at > 0 and (found[at - 1].is_("symbol", "_") or found[at - 1].is_("symbol", "{") and at > 1 and found[at - 2].is_("symbol", "_"))


def _in_denominator_after_partial(found, at: int) -> bool:
    """\\frac{..}{\\partial x^n}: the name at `at` is what a fraction's derivative is taken by."""
    return at > 0 and found[at - 1].is_("command", "partial") and opens_denominator(found, at - 1)


def opens_denominator(found, at: int) -> bool:
    """The token at `at` is the first of a \\frac's denominator ({\\partial w}, {dw}): its brace follows a closing one."""
    return at >= 2 and found[at - 1].is_("symbol", "{") and found[at - 2].is_("symbol", "}")


def summed_letter(found, at: int) -> str | None:
    """The index letter of the \\sum at `at` (\\sum_n, \\sum_{n=1}, \\sum\\limits_{n}), else None."""
    at += 1
    if at < len(found) and found[at].is_("command", "limits"):
        at += 1
    if at + 1 >= len(found) or not found[at].is_("symbol", "_"):
        return None
    letter = found[at + 2] if found[at + 1].is_("symbol", "{") and at + 2 < len(found) else found[at + 1]
    return letter.text if letter.kind == "letter" else None


def _bound_of_operator(found, at: int) -> bool:
    """The ^ at `at` writes a sum's or a product's upper bound (\\sum_j^n, \\prod_{i=1}^{n}), not a name's superscript."""
    underscore = _underscore_before(found, at)
    return underscore is not None and underscore >= 1 and found[underscore - 1].is_("command", "sum", "prod", "limits", "bigcup", "bigcap")


def _underscore_before(found, caret: int) -> int | None:
    """For a ^ right after a subscript (_j^n, _{i=1}^{n}, z_{0}^2): the index of that subscript's _, else None."""
    at = caret - 1
    if at >= 0 and found[at].is_("symbol", "}"):
        depth = 0
        while at >= 0:
            depth += found[at].is_("symbol", "}") - found[at].is_("symbol", "{")
            if depth == 0:
                break
            at -= 1
    elif at >= 0 and found[at].kind not in ("letter", "number"):
        return None
    at -= 1
    return at if at >= 0 and found[at].is_("symbol", "_") else None


def layer_superscript(found, at: int, letters) -> tuple[str, int] | None:
    """At a ^ after a name: (the layer letter, the index after the superscript) for ^L, ^{l}, ^{l-1}, ^{L+2}; else None."""
    if not found[at].is_("symbol", "^") or at == 0 or not (found[at - 1].kind in ("letter", "command") or found[at - 1].is_("symbol", "}")):
        return None
    if found[at - 1].kind == "command" and found[at - 1].text not in dialect.GREEK or _bound_of_operator(found, at):
        return None
    inner_at = at + 2 if at + 1 < len(found) and found[at + 1].is_("symbol", "{") else at + 1
    if inner_at >= len(found) or found[inner_at].kind not in ("letter", "command") or found[inner_at].text not in letters:
        return None
    if inner_at == at + 1:
        return found[inner_at].text, at + 2
    end = inner_at + 1
    if end + 1 < len(found) and found[end].is_("symbol", "+", "-") and found[end + 1].kind == "number":
        end += 2
    return (found[inner_at].text, end + 1) if end < len(found) and found[end].is_("symbol", "}") else None


def digit_superscript(found, at: int) -> tuple[int, int] | None:
    """At a ^: (the digit's index, the index after the superscript) for ^2 or ^{2}; else None."""
    if not found[at].is_("symbol", "^"):
        return None
    braced = at + 1 < len(found) and found[at + 1].is_("symbol", "{")
    digit = at + 2 if braced else at + 1
    if digit >= len(found) or found[digit].kind != "number" or not found[digit].text.isdigit():
        return None
    if braced and not (digit + 1 < len(found) and found[digit + 1].is_("symbol", "}")):
        return None
    return digit, digit + 2 if braced else digit + 1


def _digit_layer_letters(scanned) -> frozenset:
    """Letters a write-up differentiates by with a digit over them and an entry under (\\partial w^2_{11}): no one
    differentiates by a power, so the digit numbers a layer, for that letter and its other case (W^2, the layer's
    matrix)."""
    letters = set()
    for found in scanned:
        found = [t for t in found if t.kind != "space"]
        for at, token in enumerate(found[:-3]):
            if not (token.is_("command", "partial") and found[at + 1].kind == "letter"):
                continue
            script = digit_superscript(found, at + 2)
            if script is not None and script[1] < len(found) and found[script[1]].is_("symbol", "_"):
                letters.add(found[at + 1].text)
            after = subscript_end(found, at + 2)  # \partial w_{11}^2: the entry written first
            if after is not None and digit_superscript(found, after) is not None:
                letters.add(found[at + 1].text)
    return frozenset(letters | {letter.swapcase() for letter in letters})


def _t_marks_transposes(scanned) -> bool:
    """A small t the write-up writes only as a superscript (never alone, in a subscript or as a counter), twice or
    more and at least once over a capital or a closing bracket (K^t, (e_i^t Q K^t)^t): its transpose mark, as ^T is.
    A t written anywhere else (\\beta^t beside m_t, a time t) keeps every ^t a power."""
    marks, over_matrices = 0, False
    for found in scanned:
        found = [t for t in found if t.kind != "space"]
        for at, token in enumerate(found):
            if not token.is_("letter", "t") or _in_a_word(found, at):
                continue  # (\mathrm{Att}, \begin{bmatrix}: letters of a word)
            if not t_superscript(found, at):
                return False
            marks += 1
            base = found[at - 2] if found[at - 1].is_("symbol", "^") else found[at - 3] if at >= 3 else None
            over_matrices |= base is not None and (base.kind == "letter" and base.text.isupper() or base.is_("symbol", ")", "]"))
    return marks >= 2 and over_matrices


def t_superscript(found, at: int) -> bool:
    """The token at `at` is a small t alone as a superscript (^t, ^{t}), not a letter of a word (^{tx})."""
    if not found[at].is_("letter", "t") or _in_a_word(found, at):
        return False
    bare = at >= 1 and found[at - 1].is_("symbol", "^")
    braced = at >= 2 and found[at - 1].is_("symbol", "{") and found[at - 2].is_("symbol", "^") \
        and at + 1 < len(found) and found[at + 1].is_("symbol", "}")
    return bare or braced


def _in_a_word(found, at: int) -> bool:
    """The letter at `at` is typed together with another (att, bmatrix), not alone."""
    before = at >= 1 and found[at - 1].kind == "letter" and not found[at].space_before
    after = at + 1 < len(found) and found[at + 1].kind == "letter" and not found[at + 1].space_before
    return before or after


STATEMENT_STARTS = ("&", ",", ";")  # what may stand before a statement's left side within a formula


def _defined_layer_letters(scanned) -> frozenset:
    """Letters a write-up defines with a digit over them (`z^1 = W^1 x + b^1`, `a^1 = \\text{ReLU}(z^1)`), where one of
    them is defined at two digits (`z^2 = ...`): nobody defines a letter's square and its cube, so the digits number
    layers, also where the letter stands alone (a^1, not a power); in such a text, so do the digits of a letter written
    with two of them anywhere (the weights w^1, w^2). A letter seen with one digit only (x^2) keeps its power."""
    defined: dict[str, set] = {}
    written: dict[str, set] = {}
    for found in scanned:
        found = [t for t in found if t.kind != "space"]
        for at, token in enumerate(found[:-2]):
            script = digit_superscript(found, at + 1) if token.kind == "letter" and len(token.text) == 1 else None
            if script is None:
                continue
            written.setdefault(token.text, set()).add(found[script[0]].text)
            starts = at == 0 or found[at - 1].is_("symbol", *STATEMENT_STARTS) or found[at - 1].is_("command", "\\", "quad", "qquad") \
                or _opens_environment(found, at)
            after = script[1] + 1 if script[1] < len(found) and found[script[1]].is_("symbol", "&") else script[1]  # z^1 &= ... in a column
            if starts and after < len(found) and found[after].is_("symbol", "="):
                defined.setdefault(token.text, set()).add(found[script[0]].text)
    if not any(len(digits) >= 2 for digits in defined.values()):
        return frozenset()
    return frozenset(defined) | {letter for letter, digits in written.items() if len(digits) >= 2}


def _opens_environment(found, at: int) -> bool:
    """The token at `at` is the first of an environment's body: \\begin{aligned} just before it."""
    if at < 4 or not found[at - 1].is_("symbol", "}"):
        return False
    opening = at - 2
    while opening > 0 and (found[opening].kind == "letter" or found[opening].is_("symbol", "*")):
        opening -= 1  # the environment's name, letter by letter
    return opening > 0 and found[opening].is_("symbol", "{") and found[opening - 1].is_("command", "begin")


def subscript_end(found, at: int) -> int | None:
    """The index after the subscript whose _ is at `at` (_1, _{01}), else None."""
    if at + 1 >= len(found) or not found[at].is_("symbol", "_"):
        return None
    if not found[at + 1].is_("symbol", "{"):
        return at + 2
    close = group_end(found, at + 1)
    return None if close is None else close + 1


def letter_before_subscript(found, caret: int) -> int | None:
    """For a ^ right after a letter's subscript (z_{0}^2, w_1^2): the letter's index, else None."""
    underscore = _underscore_before(found, caret)
    if underscore is None or underscore < 1 or found[underscore - 1].kind != "letter":
        return None
    return underscore - 1 if subscript_end(found, underscore) == caret else None


def _bracket_layer_names(scanned) -> frozenset:
    """Names a write-up numbers by layer in square brackets typed right after them: W[1], dZ[4], A[3]^T (Ng's W^{[1]},
    the caret left out). The text must write a capital or a gradient's dW so, and two layers or names in all (W[1] and
    W[2], or W[1] and b[1]); then its lower-case a[1], z[2] are layers too. A lone x[1], or x[0], x[1] alone, is
    indexing."""
    layered: dict[str, set] = {}
    for found in scanned:
        for at in range(len(found)):
            mark = bracket_layer(found, at)
            if mark is not None:
                layered.setdefault(mark[0], set()).add(mark[1])
    convention = any(name[-1].isupper() or len(name) == 2 for name in layered)
    return frozenset(layered) if convention and sum(map(len, layered.values())) >= 2 else frozenset()


def bracket_layer(found, at: int) -> tuple[str, str, int] | None:
    """At a name's last letter: (the name, its layer, the index after the closing bracket) for W[1], dZ[4], a[l-1] typed
    with no space before the bracket; else None. The name is one letter, or d and a letter (a gradient's dW)."""
    if at + 3 >= len(found) or found[at].kind != "letter" or len(found[at].text) != 1:
        return None
    opening = found[at + 1]
    if not opening.is_("symbol", "[") or opening.position != found[at].position + 1:
        return None
    name = found[at].text
    if at > 0 and found[at - 1].kind == "letter" and found[at - 1].position == found[at].position - 1:
        if found[at - 1].text != "d" or at > 1 and found[at - 2].kind in ("letter", "command") and found[at - 2].position == found[at].position - 2:
            return None  # part of a word (softmax[..]), or d after another letter
        name = "d" + name
    inner = at + 2
    if found[inner].kind == "number" and found[inner].text.isdigit() and len(found[inner].text) <= 2:
        end = inner + 1
    elif found[inner].kind == "letter" and found[inner].text in ("l", "L"):
        end = inner + 1
        if end + 1 < len(found) and found[end].is_("symbol", "+", "-") and found[end + 1].kind == "number":
            end += 2
    else:
        return None
    if end >= len(found) or not found[end].is_("symbol", "]"):
        return None
    return name, "".join(t.text for t in found[inner:end]), end + 1


_LATEX_SIGNS = re.compile(r"\\documentclass|\\begin\{document\}|\\(?:sub)*section\*?\{|\\item\b|\\begin\{(?:enumerate|itemize|tabular|problem|solution)\}")


_NOTEBOOK_SIGNS = re.compile(r'\s*\{\s*"(?:cells|worksheets|metadata|nbformat(?:_minor)?)"\s*:')


def looks_like_notebook(text: str) -> bool:
    return _NOTEBOOK_SIGNS.match(text) is not None


def guess_form(text: str) -> str:
    """A notebook when the text is a JSON object opening with a notebook's keys; LaTeX when it has a document's or
    a list's commands; else Markdown (which reads $..$, $$..$$, \\[..\\] and top-level align blocks too)."""
    if looks_like_notebook(text):
        return "notebook"
    return "latex" if _LATEX_SIGNS.search(text) else "markdown"


def form_of_path(name: str) -> str | None:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return {"tex": "latex", "ltx": "latex", "md": "markdown", "markdown": "markdown", "txt": "markdown", "ipynb": "notebook"}.get(suffix)


# --- Markdown ----------------------------------------------------------------------------------------

_MARKDOWN = None


def _markdown_parser():
    """The checker's parser, made once."""
    global _MARKDOWN
    if _MARKDOWN is None:
        _MARKDOWN = markdown_parser(html=True)
    return _MARKDOWN


def markdown_parser(html: bool):
    """markdown-it-py as write-ups are read, and their pages drawn: $ and $$ (dollarmath), \\( and \\[ (texmath),
    amsmath environments, tables, \\\\( as blogs escape it; `html` whether raw HTML is markup (on a page it is text)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.dollarmath.index import math_block_dollar
    from mdit_py_plugins.texmath import texmath_plugin

    parser = (MarkdownIt("commonmark", {"html": html})
              .use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True, allow_labels=True)
              .use(texmath_plugin, delimiters="brackets")
              .use(amsmath_plugin)
              .enable("table"))
    parser.block.ruler.before("table", "front_matter", _front_matter)
    # "The loss is\n$$\n...\n$$": a $$ line ends the paragraph above it, as MathJax blogs (kramdown) write it
    parser.block.ruler.at("math_block", _interrupting(_display_across_blank_lines(math_block_dollar)), {"alt": ["paragraph", "reference", "blockquote", "list"]})
    parser.inline.ruler.before("escape", "math_escaped", _escaped_math)
    parser.inline.ruler.before("math_escaped", "math_template", _template_math)
    # "If $X = \n\begin{pmatrix}...\end{pmatrix}$ and": an environment at a line's start inside an open $ is that inline
    # formula's, not a display of its own
    amsmath = next(rule.fn for rule in parser.block.ruler.__rules__ if rule.name == "amsmath")
    parser.block.ruler.at("amsmath", _outside_open_dollar(amsmath), {"alt": ["paragraph", "reference", "blockquote", "list", "footnote_def"]})
    return parser


FRONT_MATTER_MARKS = ("---", "+++")  # Jekyll's and Hugo's YAML, Hugo's TOML (title = '...', date = 2024-08-09T13:27)


def _front_matter(state, start: int, end: int, silent: bool) -> bool:
    """A blog's front matter (its first line ---, or +++, to the next such line): settings, not text, skipped whole.
    (`date = 2024-08-09` in it is no equation.)"""
    if start != 0:
        return False
    mark = state.src[state.bMarks[0]:state.eMarks[0]].strip()
    if mark not in FRONT_MATTER_MARKS:
        return False
    closing = next((line for line in range(1, end) if state.src[state.bMarks[line]:state.eMarks[line]].strip() == mark), None)
    if closing is None:
        return False
    if not silent:
        state.push("front_matter", "", 0).hidden = True
    state.line = closing + 1
    return True


def _outside_open_dollar(rule):
    """A block rule that does not start on a line where the paragraph's lines above it leave a $ open."""
    def guarded(state, start: int, end: int, silent: bool) -> bool:
        above = start
        while above > 0 and not state.isEmpty(above - 1):
            above -= 1
        if above < start:
            text = state.src[state.bMarks[above]:state.eMarks[start - 1]]
            if text.replace("\\$", "").replace("$$", "").count("$") % 2:
                return False
        return rule(state, start, end, silent)
    return guarded


def _display_across_blank_lines(make_rule):
    """$$ ... $$ on lines of their own with blank lines between (a derivation spaced out): one display, as MathJax
    shows it, when nothing in it opens other maths; a $$ never closed on a line of its own (`$$.`) does not swallow
    the paragraphs after it."""
    tight, loose = make_rule(True), make_rule(True, allow_blank_lines=True)

    def rule(state, start: int, end: int, silent: bool) -> bool:
        if tight(state, start, end, silent):
            return True
        count, line = len(state.tokens), state.line
        if not loose(state, start, end, False):
            return False
        swallowed = "$" in state.tokens[-1].content
        if silent or swallowed:
            del state.tokens[count:]
            state.line = line
        return not swallowed

    return rule


def _interrupting(rule):
    """A block rule that may end a paragraph: asked silently whether a block starts on a line, it answers without
    leaving tokens behind (the plugin's rule pushes its token even when asked silently)."""
    def asked(state, start: int, end: int, silent: bool) -> bool:
        if not silent:
            return rule(state, start, end, False)
        count, line = len(state.tokens), state.line
        found = rule(state, start, end, False)
        del state.tokens[count:]
        state.line = line
        return found
    return asked


class _Locator:
    """Finds each formula's exact offset: the next occurrence of its text, searching forward from where the last
    one was found (formulas come in reading order), within its block's lines."""

    def __init__(self, document: Document):
        self.document = document
        self.cursor = 0

    def find(self, tex: str, first_line: int | None, last_line: int | None = None) -> int:
        at = self._exact(tex, first_line, last_line)
        return self._low(first_line) if at < 0 else at

    def _low(self, first_line: int | None) -> int:
        return max(self.cursor, self.document.offset_of_line(first_line + 1)) if first_line is not None else self.cursor

    def _exact(self, tex: str, first_line: int | None, last_line: int | None) -> int:
        text = self.document.text
        low = self._low(first_line)
        high = self.document.offset_of_line(last_line + 1) if last_line is not None else len(text)
        at = text.find(tex, low, max(high, low + len(tex)) + len(tex)) if tex else -1
        if at < 0:
            at = text.find(tex, self.cursor) if tex else -1
        if at >= 0:
            self.cursor = at + len(tex)
        return at

    def _by_lines(self, tex: str, first_line: int | None) -> tuple:
        """Where each line of a formula stands when its lines are apart in the text (a blockquote's '> ' before each):
        ((offset in tex, offset in text), ...), or () where a line is not found."""
        text, cursor, shifts, at = self.document.text, self._low(first_line), [], 0
        for piece in tex.split("\n"):
            stripped = piece.strip()
            if stripped:
                found = text.find(stripped, cursor)
                if found < 0 or text.count("\n", cursor, found) > 2:
                    return ()
                shifts.append((at + piece.index(stripped), found))
                cursor = found + len(stripped)
            at += len(piece) + 1
        if shifts:
            self.cursor = cursor
        return tuple(shifts)

    def escaped(self, source: str, display: bool, first_line: int | None) -> Math:
        """\\\\( ... \\\\) as MathJax blogs write it in Markdown: the formula is the source with Markdown's backslash
        escapes undone (\\\\ is \\, \\_ is _), each piece kept at its place in the text."""
        start = self._exact(source, first_line, None)
        start = self._low(first_line) if start < 0 else start
        tex, shifts = _unescaped(source, start)
        return Math(tex, start, self.document.line_of(start), display, "\\[" if display else "", shifts)

    def image(self, tex: str, source: str, first_line: int | None) -> Math:
        """A formula drawn by a LaTeX image service (![](https://latex.codecogs.com/svg.latex?...)): every piece of it
        stands where the image's address does."""
        low = self._low(first_line)
        at = self.document.text.find(source[:40], low)
        start = at if at >= 0 else low
        if at >= 0:
            self.cursor = at + len(source[:40])
        return Math(tex, start, self.document.line_of(start), True, "image", ((0, start),), pinned=True)

    def math(self, tex: str, display: bool, environment: str, first_line: int | None, last_line: int | None = None) -> Math:
        start = self._exact(tex, first_line, last_line)
        shifts = self._by_lines(tex, first_line) if start < 0 and tex.strip() else ()
        if start < 0:
            start = shifts[0][1] - shifts[0][0] if shifts else self._low(first_line)
        return Math(tex, start, self.document.line_of(start), display, environment, shifts)


# MyST (Jupyter Book) directives whose body is Markdown: ```{warning} ... ``` holds text and formulas to read.
MYST_MARKDOWN_DIRECTIVES = frozenset({"admonition", "note", "warning", "tip", "hint", "important", "caution", "attention",
                                      "danger", "error", "seealso", "dropdown", "topic", "sidebar", "margin", "epigraph"})
MYST_DIRECTIVE = re.compile(r"\{([a-z-]+)\}")


def _markdown_tokens(text: str, first_line: int = 0, in_html: bool = False) -> list:
    """The document's tokens; a MyST directive whose body is Markdown gives its body's tokens, at their lines.

    An HTML block's text is read once as Markdown: HTML left in that text (a tag the line-wise strip could not close)
    is not opened again, so nested markup cannot recurse without end."""
    found = []
    for token in _markdown_parser().parse(text):
        directive = MYST_DIRECTIVE.match(token.info.strip()) if token.type == "fence" else None
        if directive and directive.group(1) in MYST_MARKDOWN_DIRECTIVES and token.map:
            body = token.content.split("\n")
            options = next((n for n, line in enumerate(body) if not line.startswith(":")), len(body))  # :class: note
            found += _markdown_tokens("\n".join(body[options:]), first_line + token.map[0] + 1 + options, in_html)
            continue
        if token.type == "html_block" and in_html:
            continue
        if token.type == "html_block" and token.map and MATHJAX_SCRIPT.search(token.content):
            found += _script_displays(token, first_line)
            continue
        if token.type == "html_block" and token.map and HTML_MATH.search(token.content):
            found += _markdown_tokens(_html_text(token.content), first_line + token.map[0], in_html=True)
            continue
        if token.map and first_line:
            token.map = [token.map[0] + first_line, token.map[1] + first_line]
        found.append(token)
    return found


# Maths inside raw HTML (a blog's <div style="..."> around \( a_1 = ... \)): read as the Markdown it holds.
HTML_MATH = re.compile(r"\$|\\\(|\\\[|\\begin\{|\{%-?\s*(?:mathjax|katex|math)\b")
HTML_TAG = re.compile(r"<[^<>]*>")
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # a draft the page does not show (unclosed: to the end)


# MathJax 2's own markup, as Jekyll's kramdown writes a page's maths: <script type="math/tex; mode=display">..</script>.
MATHJAX_SCRIPT = re.compile(r"<script\s+type=[\"']math/tex(?:;\s*mode=display)?[\"']\s*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def _script_displays(token, first_line: int) -> list:
    """Each MathJax script of an HTML block as a display formula, at its lines."""
    from markdown_it.token import Token

    found = []
    for script in MATHJAX_SCRIPT.finditer(token.content):
        start = first_line + token.map[0] + token.content.count("\n", 0, script.start(1))
        end = start + script.group(1).count("\n") + 1
        found.append(Token("math_block", "math", 0, map=[start, end], content=script.group(1), markup="$$", block=True))
    return found


def _html_text(html: str) -> str:
    """An HTML block's text, line for line: comments and tags taken out, each line's indent too (a tag's indent is not
    a code block)."""
    shown = HTML_COMMENT.sub(lambda comment: "\n" * comment.group(0).count("\n"), html)
    return "\n".join(HTML_TAG.sub(" ", line).strip() for line in shown.split("\n"))


def _read_markdown(document: Document) -> None:
    tokens = _markdown_tokens(document.text)
    locate = _Locator(document)
    pieces = document.pieces
    table: list | None = None
    row: list | None = None
    table_line = 0
    row_lines: list[int] = []
    items: list[int] = []  # the list items open, innermost last
    lists: list[int] = []  # the lists open, innermost last
    numbered = listed = 0
    for at, token in enumerate(tokens):
        span = token.map or (None, None)
        item = items[-1] if items else 0
        if token.type in ("bullet_list_open", "ordered_list_open"):
            listed += 1
            lists.append(listed)
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif token.type == "list_item_open":
            numbered += 1
            items.append(numbered)
            document.lists[numbered] = lists[-1] if lists else 0
        elif token.type == "list_item_close" and items:
            items.pop()
        elif token.type == "heading_open":
            words = tokens[at + 1].content if at + 1 < len(tokens) else ""
            pieces.append(Heading(span[0] + 1, words, int(token.tag[1:]) if token.tag[1:].isdigit() else 1, bool(HEADING_LINE.match(words))))
        elif token.type in ("math_block", "math_block_eqno", "amsmath"):
            environment = "$$" if token.markup == "$$" else token.markup or "amsmath"
            tex = token.content
            if token.type == "amsmath":
                environment, tex = _strip_environment(tex)
            for number, part in enumerate(tex.split("$$")):  # "$$a = b$$ and $$= c$$" on one line: two displays
                if number % 2 == 0 and part.strip():
                    pieces.append(Display(locate.math(part, True, environment, span[0], span[1]), item))
        elif token.type in ("fence", "code_block") and token.map:
            pieces += _code_displays(document, token)
        elif token.type == "table_open":
            table, table_line, row_lines = [], span[0] + 1, []
        elif token.type == "tr_open":
            row = []
            row_lines.append(span[0] + 1 if span[0] is not None else table_line)
        elif token.type == "tr_close" and table is not None and row is not None:
            table.append(tuple(row))
            row = None
        elif token.type == "table_close" and table is not None:
            pieces.append(Table(table_line, tuple(table), tuple(row_lines)))
            table = None
        elif token.type == "inline":
            line = span[0] + 1 if span[0] is not None else (row_lines[-1] if row_lines else 1)
            segments = _inline_segments(token, locate, line)
            if table is None and token.map and not any(isinstance(s, Math) for s in segments):
                segments = _plain_formula_lines(document, locate, token.map) or segments
            if table is not None and row is not None:
                row.append(segments if any(isinstance(s, Math) for s in segments) else _plain_formula_cell(document, locate, token.content, line, segments))
                continue
            if tokens[at - 1].type == "heading_open":  # the heading's own words: its formulas say where what follows holds
                pieces[-1] = replace(pieces[-1], maths=tuple(s for s in segments if isinstance(s, Math)))
                continue
            title = _bold_case_title(token, segments, line)
            if title is not None:
                pieces.append(title)
                continue
            _add_paragraph(pieces, line, segments, token.content, item)


# Services that draw a formula from its LaTeX in the address (READMEs written before GitHub rendered maths):
# (the host, or a domain any of whose hosts serve it; the path's start; where the LaTeX is: "query" for all of the
# query, "path" after the path's start, else a query parameter). codecogs.com: latex., private. (CSDN's copies), www.
IMAGE_SERVICES = (
    ("codecogs.com", "/", "query"), ("chart.googleapis.com", "/chart", "chl"), ("chart.apis.google.com", "/chart", "chl"),
    ("render.githubusercontent.com", "/render/math", "math"), ("www.zhihu.com", "/equation", "tex"),
    ("i.upmath.me", "/svg/", "path"), ("i.upmath.me", "/png/", "path"), ("tex.s2cms.ru", "/svg/", "path"),
)
# codecogs's settings before the formula: \dpi{150}, \bg_white, \bg{white}, \large, \inline, \fn_cm ...
IMAGE_SETTINGS = re.compile(r"^\s*(?:\\(?:dpi|bg|fg|fn|inline|tiny|small|normal|large|Large|LARGE|huge|Huge|displaystyle)(?:\{[^}]*\}|_\w+)?\s*)+")
MAX_IMAGE_FORMULA = 4000


def formula_of_image(source) -> str | None:
    """The LaTeX an image's address asks a formula service to draw, or None for any other image."""
    from urllib.parse import parse_qs, unquote, urlsplit

    source = str(source)
    if len(source) > 3 * MAX_IMAGE_FORMULA or not source.startswith(("https://", "http://")):
        return None
    address = urlsplit(source)
    host = (address.hostname or "").lower()
    for domain, path, where in IMAGE_SERVICES:
        if not (host == domain or host.endswith("." + domain)) or not address.path.startswith(path):
            continue
        if where == "query":
            tex = unquote(source.split("?", 1)[1]) if "?" in source else ""
            tex = tex[len("latex="):] if tex.startswith("latex=") else tex
        elif where == "path":
            tex = unquote(address.path[len(path):])
        else:
            tex = (parse_qs(address.query).get(where) or [""])[0]
        tex = IMAGE_SETTINGS.sub("", tex).strip()
        return tex or None
    return None


ESCAPED_OPENERS = {"\\\\(": ("\\\\)", "inline"), "\\\\[": ("\\\\]", "display")}


def _escaped_math(state, silent: bool) -> bool:
    """Inline rule: \\\\( ... \\\\) and \\\\[ ... \\\\] (the Markdown spelling of MathJax's \\( and \\[)."""
    opener = state.src[state.pos:state.pos + 3]
    if opener not in ESCAPED_OPENERS:
        return False
    closer, kind = ESCAPED_OPENERS[opener]
    end = state.src.find(closer, state.pos + 3, state.posMax)
    if end < 0:
        return False
    if not silent:
        token = state.push("math_escaped", "math", 0)
        token.content, token.markup, token.info = state.src[state.pos + 3:end], opener, kind
    state.pos = end + 3
    return True


# A static site's template tag around a formula: {% mathjax %}..{% endmathjax %} (Hexo's hexo-math), {% katex %} and
# {% katex display %} (jekyll-katex), {% math %}: the tag's name, its options, where its body starts.
TEMPLATE_MATH_OPENER = re.compile(r"\{%-?[ \t]*(mathjax|katex|math)\b([^%\n]*?)-?%\}")


def _template_math(state, silent: bool) -> bool:
    """Inline rule: a template tag's formula, read as $$..$$ is (a display when alone on its lines, else inline)."""
    if not state.src.startswith("{%", state.pos):
        return False
    opener = TEMPLATE_MATH_OPENER.match(state.src, state.pos, state.posMax)
    closer = re.compile(r"\{%-?[ \t]*end" + opener.group(1) + r"[ \t]*-?%\}") if opener else None
    close = closer.search(state.src, opener.end(), state.posMax) if closer else None
    if close is None:
        return False
    if not silent:
        token = state.push("math_inline_double", "math", 0)
        token.content, token.markup = state.src[opener.end():close.start()], "$$"
    state.pos = close.end()
    return True


MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation escapes it
PLAIN_MARKUP = re.compile(MARKDOWN_ESCAPE.pattern + r"|<(sub|sup)>([^<>]{1,20})</\2>", re.IGNORECASE)  # and HTML's scripts


def unescaped(source: str) -> str:
    """\\\\( ... \\\\)'s source as the formula it is (Markdown's escapes undone)."""
    return _unescaped(source, 0)[0]


def _unescaped(source: str, start: int, markup: re.Pattern = MARKDOWN_ESCAPE) -> tuple[str, tuple]:
    """The source with Markdown's escapes undone (and, with PLAIN_MARKUP, HTML scripts as LaTeX's), and (offset in it,
    offset in the text) where each piece starts."""
    pieces, shifts, written, at = [], [], 0, 0
    for match in markup.finditer(source):
        pieces.append(source[at:match.start()])
        shifts.append((written, start + at))
        written += match.start() - at
        for piece, offset in _markup_pieces(match):
            pieces.append(piece)
            shifts.append((written, start + offset))
            written += len(piece)
        at = match.end()
    pieces.append(source[at:])
    shifts.append((written, start + at))
    return "".join(pieces), tuple(shifts)


def _markup_pieces(match: re.Match) -> list:
    """What a piece of markup in a typed formula is in LaTeX, each part with its offset in the source: \\* is *, and
    a<sub>0</sub> is a_{0} (blogs converted from a word processor type scripts so)."""
    if match.group(1) is not None:
        return [(match.group(1), match.start(1))]
    mark = "_{" if match.group(2).lower() == "sub" else "^{"
    return [(mark, match.start()), (match.group(3), match.start(3)), ("}", match.end(3))]


def _inline_segments(token, locate: _Locator, line: int) -> tuple:
    """A paragraph's words and formulas; $$..$$ inside a paragraph is a display formula, kept in place."""
    segments: list = []
    for child in token.children or ():
        if child.type in ("math_inline", "math_inline_double"):
            display = child.type == "math_inline_double"
            tex = child.content[1:-1] if len(child.content) > 2 and child.content[0] == child.content[-1] == "`" else child.content  # GitHub's $`x^2`$
            segments.append(locate.math(tex, display, "$$" if display else "$", line - 1, token.map[1] if token.map else None))
        elif child.type == "math_escaped":
            segments.append(locate.escaped(child.content, child.info == "display", line - 1))
        elif child.type == "image" and formula_of_image(child.attrs.get("src", "")) is not None:
            segments.append(locate.image(formula_of_image(child.attrs["src"]), str(child.attrs["src"]), line - 1))
        elif child.type in ("softbreak", "hardbreak"):
            segments.append("\n")
        elif child.type == "code_inline" and _maths_as_code(child.content):
            segments.append(locate.math(child.content, False, "`", line - 1, token.map[1] if token.map else None))
        elif child.type in ("text", "code_inline"):
            segments.append(child.content)
    return tuple(_typed_lead(_related_inline(_inline_unless_alone(segments)), locate.document))


def _typed_lead(segments: list, document: Document) -> list:
    """g(z) = tanh(z) = $\\frac{e^z - e^{-z}}{e^z + e^{-z}}$: the easy part of a formula typed plain (see plain_formula)
    up to a relation, the hard part in $...$ right after it: one formula, each piece at its place."""
    found = list(segments)
    for at in range(1, len(found)):
        math, before = found[at], found[at - 1]
        if not isinstance(math, Math) or math.display or math.pinned or not isinstance(before, str) or math.environment != "$":
            continue
        lead = before.rsplit("\n", 1)[-1].strip()
        if not lead.endswith("=") or not plain_formula(lead + " 0"):
            continue
        opening = math.start - 1
        start = document.text.rfind(lead, max(0, opening - len(lead) - 8), opening)
        if start < 0 or document.text[opening:opening + 1] != "$" or document.text[start + len(lead):opening].strip():
            continue
        shifts = ((0, start),) + tuple((len(lead) + 1 + tex, text) for tex, text in math.shifts or ((0, math.start),))
        found[at - 1] = before[:before.rstrip().rfind(lead)]
        found[at] = replace(math, tex=f"{lead} {math.tex}", start=start, line=document.line_of(start), shifts=shifts)
    return [segment for segment in found if segment != ""]


def _related_inline(segments: list) -> list:
    """Inline formulas the author split but meant as one: "Let $\\theta$ = $U^T v_c$" (an equals sign typed between
    them: θ = U^T v_c), and "$w_0 = 0 - (0.1)$ $(\\frac{1}{3} ...) = .2$" (only spaces between them, and the first ends
    in an operator or the second starts with one or with a bracket)."""
    found: list = []
    for segment in segments:
        if found and _continues(found[-1], segment):  # nothing at all typed between them
            found[-1] = _joined(found[-1], " ", segment)
            continue
        joint = _joint(found[-2], found[-1], segment) if len(found) >= 2 else None
        if joint is None:
            found.append(segment)
            continue
        found[-2:] = [_joined(found[-2], joint, segment)]
    return found


def _joined(left: Math, joint: str, right: Math) -> Math:
    """One formula of two, each piece still pointing at where it was typed."""
    at = len(left.tex) + len(joint)
    shifts = (left.shifts or ((0, left.start),)) + tuple((at + tex, text) for tex, text in right.shifts or ((0, right.start),))
    return replace(left, tex=f"{left.tex}{joint}{right.tex}", shifts=shifts)


def _joins(left, right) -> bool:
    return isinstance(left, Math) and isinstance(right, Math) and not left.display and not right.display \
        and not left.pinned and not right.pinned


def _joint(left, between, right) -> str | None:
    """What joins two inline formulas with `between` typed between them, or None when they stay apart."""
    if not isinstance(between, str) or between.strip(" ") not in ("", "=") or not _joins(left, right):
        return None  # words, a tab (a typed table's cell) or a line break between them: two formulas
    if between.strip() == "=":
        return " = "
    return " " if _continues(left, right) else None


CONTINUED_END = re.compile(r"(?:[=+\-*/(]|\\cdot|\\times|\\left\()\s*$")
CONTINUING_START = re.compile(r"^\s*(?:[=+\-*/()]|\\cdot|\\times|\\left\()")


def _continues(left, right) -> bool:
    """Side by side with only spaces between, the second continues the first when an operator or bracket joins them."""
    return _joins(left, right) and bool(CONTINUED_END.search(left.tex) or CONTINUING_START.search(right.tex))


# A line of a paragraph or a list item outside $...$ is a formula when it has a relation and every word in it is a
# name or a function: letters typed with digits or an underscore (w5, a_h1, E_total, out_o1), one letter, a Greek
# letter, a function the dialect reads (exp, log, sigma), a write-up's short word (net, out). Any other word is prose.
PLAIN_RELATION = re.compile(r"(?<![<>=!:])=(?![=>])|≈")
PLAIN_WORD = re.compile(r"[^\W\d_]+")
PLAIN_DEFINED = re.compile(r"\s*([^\W\d_]{4,12})\s*(?:=|≈)(?!=)")  # Etotal = ...: the one word (4 letters or more) a line defines is a name
LIST_MARK = re.compile(r"^\s*(?:>\s*)*(?:(?:[*+-]|\d{1,2}[.)])\s+)?")
EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.*\S)\1$")  # **h1 = w1 * i1**: the line set in bold or italics
BOLD_PART = re.compile(r"(?<!\S)\*\*(\S(?:[^*]*\S)?)\*\*(?!\S)")  # ≈ **0.5768**: a result set in bold (x**2 is a power)
LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*$", re.IGNORECASE)  # h1 = w1*i1 + w2*i2 <br>: a README's line break
EQUATION_NUMBER = re.compile(r"(?:\s{2,}|\t)[-–—]?\s*\(\d{1,3}[a-z]?\)\s*$")  # ∂o1/∂w6 = out_h2   -(12): the formula's number
MAX_PLAIN_FORMULA = 300
SCRIPT_GLYPHS = "₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹ᵀ"  # digits typed as subscripts or superscripts (and the transpose's ᵀ)


def plain_formula(text: str) -> bool:
    """Whether a line typed without maths delimiters (h1 = w1*i1 + w2*i2, Jo1 = 1/2 * (0.75 - 0.01)^2 = 0.28) is a
    formula: see the table above. Lines with prose, code or links are not."""
    line = text.strip()
    if not (3 <= len(line) <= MAX_PLAIN_FORMULA) or not PLAIN_RELATION.search(line) or any(mark in line for mark in ("`", "$", "http", "](", "<", ">")):
        return False
    if any(line.count(a) != line.count(b) for a, b in ("()", "[]", "{}")) or line.endswith(("=", ":")) or line.strip("= ") == "":
        return False
    defined = PLAIN_DEFINED.match(line)
    for found in PLAIN_WORD.finditer(line):
        word, before, after = found.group(), line[found.start() - 1:found.start()], line[found.end():found.end() + 1]
        scripted = word.rstrip(SCRIPT_GLYPHS)
        if not scripted:  # ² or ₂ alone (x ²): a script of what stands before it, no word
            continue
        if scripted != word:  # b₂, h₂², W₃ᵀ: letters typed with subscript or superscript digits, as w5 is
            word, after = scripted, word[len(scripted)]
        command = before == "\\"
        typed_as_name = before == "_" or after == "_" or after.isdigit() or word[0] == "d" and "/" in (before, after) \
            or word.isupper() and len(word) <= 3 or defined is not None and found.start() == defined.start(1)  # dEtotal/da_o1; ET, MSE; Etotal = ...
        known = word in dialect.FUNCTIONS or word in dialect.DOCUMENT_WORDS or word in dialect.GREEK or word in ("sqrt", "sum", "max", "min", "softmax")
        if not (len(word) == 1 or command or typed_as_name or known) or not all(char.isascii() or dialect.unstyled(char) in dialect.UNICODE for char in word):
            return False
    return True


def _maths_as_code(text: str) -> bool:
    """`∂E_total/∂w5 = ∂E1/∂w5`: a code span holding maths symbols no program writes (∂, σ, ², ½) and reading as a
    formula is maths set as code; `nc0 = 3` or `lr = 0.01` is code."""
    return any(not char.isascii() and char in dialect.UNICODE for char in text) and plain_formula(text)


def _plain_formula_lines(document: Document, locate: _Locator, span) -> tuple | None:
    """A paragraph's or list item's lines, each a formula (see plain_formula) or words; None when no line is a formula.
    A formula typed this way is read with Markdown's escapes undone (1/2 \\* x is 1/2 * x), kept at its place."""
    first, last = span
    read = []  # (line number, its text, the text without list mark and emphasis, words before a formula, it, words after)
    for number in range(first + 1, last + 1):
        text = document.text[document.offset_of_line(number):document.offset_of_line(number + 1)].rstrip("\n")
        body = _unemphasised(LIST_MARK.sub("", text, count=1).strip())
        read.append((number, text, body, *_after_lead_in(body)))
    if not any(formula for *_, formula, _ in read):
        return None
    segments: list = []
    for number, text, body, words, formula, after in read:
        if formula:
            start = document.offset_of_line(number) + text.index(formula, text.index(body))
            segments += _typed_formula(locate, words, formula, start, number, after)
        else:
            segments.append(body)
        segments.append("\n")
    return tuple(segments[:-1])


def _plain_formula_cell(document: Document, locate: _Locator, content: str, line: int, segments: tuple) -> tuple:
    """A table cell typed without $...$ (| h1 = w1*i1 + w2*i2 | pre-activation |): a formula when it reads as one."""
    body = _unemphasised(content.strip())
    words, formula, after = _after_lead_in(body)
    row = document.text[document.offset_of_line(line):document.offset_of_line(line + 1)]
    at = row.find(formula) if formula else -1
    if at < 0:
        return segments
    return tuple(_typed_formula(locate, words, formula, document.offset_of_line(line) + at, line, after))


def _typed_formula(locate: _Locator, words: str, formula: str, start: int, line: int, after: str = "") -> list:
    """A formula typed without $...$ found at `start`, with Markdown's escapes and HTML's scripts undone and its pieces
    kept at their places (and the words either side of it, if any); later formulas are looked for after it."""
    locate.cursor = max(locate.cursor, start + len(formula))
    formula = _shown_once(formula)
    tex, shifts = _unescaped(formula, start, PLAIN_MARKUP)
    tex = BOLD_PART.sub(lambda found: "  " + found.group(1) + "  ", tex)  # same length: every piece stays at its place
    math = Math(tex, start, line, False, PLAIN, shifts)
    return [piece for piece in (words, math, after) if piece]


def _shown_once(formula: str) -> str:
    """f′(x)=f(x)(1−f(x))f′(x)=f(x)(1−f(x)): text copied from a page whose maths was rendered holds each formula twice
    in a row (what is shown, then the screen reader's copy); it is one formula, read once."""
    half, odd = divmod(len(formula), 2)
    return formula[:half] if not odd and half >= 3 and formula[:half] == formula[half:] else formula


# How a formula typed without $...$ is marked (its Math.environment): a line or a table cell, or a code block's line.
PLAIN, CODE = "", "```"
PLAIN_ENVIRONMENTS = frozenset({PLAIN, CODE})

# Code blocks whose lines may be formulas: no language, or one that says text or maths (```math is GitHub's display maths).
CODE_AS_TEXT = frozenset({"", "text", "txt", "plain", "plaintext", "none"})
CODE_AS_MATHS = frozenset({"math", "latex", "tex", "katex"})
# A line of a program: a keyword opening it, a call of a method, an operator no formula uses, a statement's ; or braces.
CODE_LINE = re.compile(r"^\s*(?:def|class|import|from|return|for|while|if|elif|else|try|except|with|print|var|let|const|function|public|private)\b"
                       r"|\w\.\w+\(|\+=|-=|\w\s*[=!]=\s*\w|[;{}]\s*$|^\s*//|#include")
CODE_COMMENT = re.compile(r"\s+#(?!\w*\()\s.*$|^\s*#.*$")  # ET = E1 + E2  # total error; a line that is a comment


def _code_displays(document: Document, token) -> list:
    """A README's formulas set as a code block (dEtotal/dw5 = dEtotal/da_o1 * ..., a line '= a_o1 - t1' going on with
    the one above): each formula, with the lines that go on with it, is a display. A block that names a programming
    language, or has a line of a program in it, gives none; ```math is LaTeX, one display where it breaks its own lines."""
    info = token.info.strip().lower() if token.type == "fence" else ""
    if info not in CODE_AS_TEXT and info not in CODE_AS_MATHS:
        return []
    first, last = token.map
    if info in CODE_AS_MATHS and ("\\\\" in token.content or "\\begin" in token.content):
        return [Display(Math(token.content, document.offset_of_line(first + 2), first + 2, True, CODE))] if token.content.strip() else []
    if info not in CODE_AS_MATHS and any(CODE_LINE.search(line) for line in token.content.split("\n")):
        return []
    inner = range(first + 2, last) if token.type == "fence" else range(first + 1, last + 1)
    displays = []
    for group in _formula_groups(document, inner, latex=info in CODE_AS_MATHS):
        tex, shifts = "", []
        for _, at, text in group:
            shifts.append((len(tex), at))
            tex += text + "\n"
        displays.append(Display(Math(tex.rstrip("\n"), group[0][1], group[0][0], True, CODE, tuple(shifts))))
    return displays


OPEN_ENDS = ("+", "-", "*", "/", "×", "·", "−")  # a typed line ending so goes on with the next


def _formula_groups(document: Document, lines: range, latex: bool) -> list[list[tuple[int, int, str]]]:
    """A code block's formulas: per formula, (line, offset, text) of its first line and of each line after it that
    starts with '='. A comment (# ...) or a list mark (- h1 = ...) is not part of a line; in LaTeX any line with a
    relation is a formula."""
    groups: list[list[tuple[int, int, str]]] = []
    joining = False
    opened: list[tuple[int, int, str]] = []  # lines ending in an operator (1 + 0 - 3 +), waiting for the line that ends the sum
    for number in lines:
        start = document.offset_of_line(number)
        text = document.text[start:document.offset_of_line(number + 1)].rstrip("\n")
        body = text if latex else EQUATION_NUMBER.sub("", LIST_MARK.sub(lambda mark: " " * len(mark.group()), CODE_COMMENT.sub("", text), count=1))  # - h1 = ...
        if not latex and "\t" in body.strip():  # a_h1 = σ(h1) <tab> 1/(1 + exp(-h1)): a note in a column of its own
            first = body.strip().split("\t")[0]
            body = body[:body.index(first) + len(first)]
        stripped = body.strip()
        if not latex and (opened or not PLAIN_RELATION.search(stripped)) and stripped.endswith(OPEN_ENDS):
            opened.append((number, start + body.index(stripped), stripped))
            continue
        if opened:  # the sum typed across lines ends here: one formula when the whole reads as one
            whole, opened = opened + [(number, start + body.index(stripped), stripped)], []
            if stripped and plain_formula(" ".join(text for _, _, text in whole)):
                groups.append(whole)
                joining = True
                continue
        going_on = joining and stripped.startswith("=") and stripped.strip("= ") != "" and (latex or plain_formula("x " + stripped))
        if going_on:
            groups[-1].append((number, start + body.index(stripped), stripped))
        elif stripped and not stripped.startswith("=") and (PLAIN_RELATION.search(stripped) is not None if latex else plain_formula(stripped)):
            groups.append([(number, start + body.index(stripped), stripped)])
        joining = going_on or bool(stripped) and groups and groups[-1][-1][0] == number
    return groups


def _unemphasised(body: str) -> str:
    body = EQUATION_NUMBER.sub("", LINE_BREAK.sub("", body))
    emphasised = EMPHASIS.match(body)
    return emphasised.group(2) if emphasised else body


def _after_lead_in(body: str) -> tuple[str, str, str]:
    """A line's words before a colon and the formula after it ("The derivative in w5 is: dE/dw5 = ..."), or ("", the
    whole line) when it is a formula; in a language without spaces, words either side of it ("u=exp(a_0)+exp(a_1)とおいて",
    "令z=wx+b"); ("", "", "") when there is none."""
    if _plain(body):
        return "", body, ""
    head, colon, tail = body.rpartition(": ")
    if colon and tail.strip() and _plain(tail.strip()):
        return head + colon, tail.strip(), ""
    runs = [(wordy, "".join(chars)) for wordy, chars in itertools.groupby(body, key=_wide)]
    typed = [at for at, (wordy, run) in enumerate(runs) if not wordy and not run.strip()[:1].isdigit() and _plain(run.strip())]  # 数を3(K=3): the 3 is the sentence's
    if len(typed) != 1 or len(runs) < 2:
        return "", "", ""
    (at,) = typed
    return "".join(run for _, run in runs[:at]), runs[at][1].strip(), "".join(run for _, run in runs[at + 1:])


def _plain(text: str) -> bool:
    return plain_formula(_unescaped(_shown_once(text), 0, PLAIN_MARKUP)[0])


def _wide(char: str) -> bool:
    """A wide character (CJK, kana, Hangul, their punctuation), of scripts typed without spaces between words: a
    formula typed in such prose ends where they start (ŷ, σ, ∂ and other narrow ones are a formula's own)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _inline_unless_alone(segments: list) -> list:
    """$$..$$ with words beside it on its line ("If $$i = j$$, then", kramdown's inline maths) is inline; alone on its
    lines (punctuation after it at most), a display."""
    found = list(segments)
    for at, segment in enumerate(found):
        if not isinstance(segment, Math) or not segment.display:
            continue
        before = found[at - 1] if at and isinstance(found[at - 1], str) else "\n" if at == 0 else "x"
        after = found[at + 1] if at + 1 < len(found) and isinstance(found[at + 1], str) else "\n" if at + 1 == len(found) else "x"
        words_before = before.rsplit("\n", 1)[-1].strip(INVISIBLE)
        words_after = any(char.isalnum() for char in after.split("\n", 1)[0])
        if words_before or words_after:
            found[at] = replace(segment, display=False)
    return found


def _bold_case_title(token, segments: tuple, line: int) -> Heading | None:
    """A line set wholly in bold that names a case ("**Case 2: $i \\neq k$**", "**2-2. 다른 녀석$(i \\neq k)$을 미분할 때**"): a
    title over what follows, as "#### Case 2" would be, whose formulas say where the displays under it hold."""
    from .prose import states_condition

    children = [child for child in token.children or () if not (child.type == "text" and not child.content.strip())]
    if len(children) < 3 or children[0].type != "strong_open" or children[-1].type != "strong_close" or "\n" in token.content:
        return None
    words = "".join(s if isinstance(s, str) else " $ " for s in segments)
    maths = tuple(s for s in segments if isinstance(s, Math))
    if not maths or not states_condition(words.replace("$", " ")):  # words that name a case, not a formula set in bold
        return None
    return Heading(line, words.strip(), 4, new_problem=False, maths=maths)


def _add_paragraph(pieces: list, line: int, segments: tuple, source: str, item: int = 0) -> None:
    """A paragraph, after what its first line says it is: a heading, a sub-question's label, a table typed with tabs or
    bars ("$v_1$ | $= 2$ | $= 3$" without a header rule), or prose."""
    table = _typed_table(segments, line)
    if table is not None:
        pieces.append(table)
        return
    first = source.split("\n", 1)[0]
    if PART_LABEL.fullmatch(first):
        pieces.append(Part(line, first.strip()))
        rest = _after_first_line(segments)
        if rest:
            pieces.append(Paragraph(line + 1, rest, item))
        return
    if HEADING_LINE.match(first):
        pieces.append(Heading(line, first.strip("*_ \t"), 2))
    elif PART_START.match(first):
        pieces.append(Part(line, PART_START.match(first).group(0).strip()))
    # a display formula written $$..$$ inside a paragraph is a display of its own, in order
    prose: list = []
    for segment in segments:
        if isinstance(segment, Math) and segment.display:
            if any(isinstance(s, Math) or _shows_text(s) for s in prose):
                pieces.append(Paragraph(line, tuple(prose), item))
            pieces.append(Display(segment, item))
            prose = []
        else:
            prose.append(segment)
    if any(isinstance(s, Math) or _shows_text(s) for s in prose):
        pieces.append(Paragraph(line, tuple(prose), item))


# Characters that show nothing: a zero-width space typed before an image (so the editor keeps the line), a BOM.
INVISIBLE = " \t\r\n\u200b\u200c\u200d\u2060\ufeff"


def _shows_text(segment: str) -> bool:
    return bool(segment.strip(INVISIBLE))


_CELL_BREAK = re.compile(r"(\n|\t|\|)")


def _typed_table(segments: tuple, line: int) -> Table | None:
    """Rows typed with tabs or | between cells, at least two cells holding formulas in each row that has any, and
    some cell going on with '=' (a worked table: $v_5$ | $= v_4 - v_3$ | $= 11.65$). None for prose."""
    rows: list[list[list]] = [[[]]]
    lines = [line]
    for segment in segments:
        if isinstance(segment, Math):
            rows[-1][-1].append(segment)
            continue
        for piece in _CELL_BREAK.split(segment):
            if piece == "\n":
                rows.append([[]])
                lines.append(lines[-1] + 1)
            elif piece in ("\t", "|"):
                rows[-1].append([])
            elif piece:
                rows[-1][-1].append(piece)
    kept, kept_lines = [], []
    for row, row_line in zip(rows, lines):
        cells = [tuple(cell) for cell in row if any(isinstance(s, Math) for s in cell)]
        if not cells:
            continue
        if len(cells) < 2:
            return None
        kept.append(tuple(cells))
        kept_lines.append(row_line)
    continues = any(s.tex.lstrip().startswith("=") for row in kept for cell in row for s in cell if isinstance(s, Math))
    if not kept or not continues:
        return None
    return Table(kept_lines[0], tuple(kept), tuple(kept_lines))


def _after_first_line(segments: tuple) -> tuple:
    for at, segment in enumerate(segments):
        if segment == "\n":
            return segments[at + 1:]
    return ()


_ENVIRONMENT_EDGES = re.compile(r"\A\s*\\begin\{([^{}]+)\}(\{[^{}]*\})?(.*)\\end\{\1\}\s*\Z", re.DOTALL)


def _strip_environment(tex: str) -> tuple[str, str]:
    """\\begin{align*} body \\end{align*} -> ("align*", body)."""
    match = _ENVIRONMENT_EDGES.match(tex)
    return (match.group(1), match.group(3)) if match else ("amsmath", tex)


# --- LaTeX -------------------------------------------------------------------------------------------


def _read_latex(document: Document) -> None:
    from pylatexenc.latexwalker import LatexWalker

    body = _body_start(document.text)
    if body:
        document.macros.update(definitions(tokens(_without_comments(document.text[:body]), tolerant=True))[0])
    walker = LatexWalker(document.text, tolerant_parsing=True)
    try:
        nodes, _, _ = walker.get_latex_nodes(pos=body)
    except Exception:  # pylatexenc in tolerant mode rarely raises; a text it cannot walk is read as Markdown
        document.form = "markdown"
        _read_markdown(document)
        return
    _LatexReader(document).nodes(nodes)


_DOCUMENT_BEGINS = "\\begin{document}"


def _body_start(text: str) -> int:
    """Where the document's body begins: its preamble holds no write-up, only definitions, and pylatexenc's tolerant
    walk is slow on it (each \\newenvironment's unclosed \\begin{trivlist} sends it to the end of the text and back: seconds for
    a common homework template)."""
    begins = text.find(_DOCUMENT_BEGINS)
    return max(begins, 0)


LATEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")  # from an unescaped % to the end of its line


def _without_comments(tex: str) -> str:
    """Each line up to its first unescaped %."""
    return LATEX_COMMENT.sub("", tex)


def _comments_blanked(tex: str) -> str:
    """A formula's % comments (to the end of their line) as spaces: TeX never reads them, and each character keeps its
    place in the document."""
    return LATEX_COMMENT.sub(lambda comment: " " * len(comment.group(0)), tex)


LIST_ENVIRONMENTS = frozenset({"enumerate", "itemize", "description", "compactitem", "compactenum", "inparaenum", "questions", "parts"})
SHORTHAND_DISPLAYS = {"beq": "eeq", "be": "ee", "bea": "eea", "beqa": "eeqa", "beqn": "eeqn"}  # \\beq ... \\eeq: an equation


class _LatexReader:
    """Walks pylatexenc's nodes, gathering prose and inline formulas into paragraphs (a blank line ends one)."""

    def __init__(self, document: Document):
        self.document = document
        self.segments: list = []
        self.line = 1
        self.items = 0  # \\item's met so far
        self.lists = self.list = 0  # lists (enumerate, itemize, description) met so far; the one being read
        self.item = 0  # the one being read, 0 outside lists

    def flush(self) -> None:
        if any(isinstance(s, Math) or s.strip() for s in self.segments):
            _add_paragraph(self.document.pieces, self.line, tuple(self.segments), "".join(s if isinstance(s, str) else "$" for s in self.segments).lstrip(), self.item)
        self.segments = []

    def words(self, text: str, at: int) -> None:
        paragraphs = re.split(r"\n[ \t]*\n", text)
        for number, words in enumerate(paragraphs):
            if number:
                self.flush()
            if not self.segments and words.strip():
                self.line = self.document.line_of(at + len(text) - len(text.lstrip()))
            self.segments.append(words)

    def math(self, node, tex: str, start: int, display: bool, environment: str) -> None:
        math = Math(_comments_blanked(tex), start, self.document.line_of(start), display, environment)
        if display:
            self.flush()
            self.document.pieces.append(Display(math, self.item))
        else:
            if not self.segments:
                self.line = math.line
            self.segments.append(math)

    def nodes(self, nodes) -> None:
        nodes = list(nodes or ())
        at = 0
        while at < len(nodes):
            node = nodes[at]
            closer = self._shorthand_display(nodes, at)
            if closer is not None:  # \beq ... \eeq: a display between a preamble's shorthands for \begin{equation}
                start = node.pos + node.len
                self.flush()
                self.document.pieces.append(Display(Math(_comments_blanked(self.document.text[start:nodes[closer].pos]), start, self.document.line_of(start), True, "equation"), self.item))
                at = closer + 1
                continue
            if node is not None:
                self.node(node)
            at += 1

    def _shorthand_display(self, nodes: list, at: int) -> int | None:
        """At \\beq (\\be, \\bea, \\beqa), shorthands physics and engineering preambles define for \\begin{equation} (and
        eqnarray), when the text does not define them otherwise: the index of the closing \\eeq among the same nodes."""
        from pylatexenc.latexwalker import LatexMacroNode

        node = nodes[at]
        if not isinstance(node, LatexMacroNode) or node.macroname not in SHORTHAND_DISPLAYS:
            return None
        closing = SHORTHAND_DISPLAYS[node.macroname]
        opens, closes = self.document.macros.get(node.macroname), self.document.macros.get(closing)
        if opens is not None and not any(t.is_("command", "begin") for t in opens.body) \
                or closes is not None and not any(t.is_("command", "end") for t in closes.body):
            return None  # \\newcommand{\\ee}{\\mathrm{e}}: the text's own
        return next((k for k in range(at + 1, len(nodes)) if isinstance(nodes[k], LatexMacroNode) and nodes[k].macroname == closing), None)

    def node(self, node) -> None:
        from pylatexenc.latexwalker import (LatexCharsNode, LatexCommentNode, LatexEnvironmentNode, LatexGroupNode,
                                            LatexMacroNode, LatexMathNode, LatexSpecialsNode)

        text = self.document.text
        if isinstance(node, LatexCharsNode):
            self.words(node.chars, node.pos)
        elif isinstance(node, LatexCommentNode):
            return
        elif isinstance(node, LatexMathNode):
            verbatim = text[node.pos: node.pos + node.len]
            opener = node.delimiters[0] if node.delimiters else ""
            closer = node.delimiters[1] if node.delimiters else ""
            inner_start = node.pos + len(opener)
            tex = verbatim[len(opener): len(verbatim) - len(closer)] if closer and verbatim.endswith(closer) else verbatim[len(opener):]
            self.math(node, tex, inner_start, node.displaytype == "display", opener)
        elif isinstance(node, LatexEnvironmentNode):
            self.environment(node)
        elif isinstance(node, LatexMacroNode):
            self.macro(node)
        elif isinstance(node, LatexGroupNode):
            self.nodes(node.nodelist)
        elif isinstance(node, LatexSpecialsNode):
            self.segments.append(" " if node.specials_chars in ("~",) else node.specials_chars if node.specials_chars not in ("&",) else " & ")

    def environment(self, node) -> None:
        name = node.environmentname
        text = self.document.text
        verbatim = text[node.pos: node.pos + node.len]
        if name in MATH_ENVIRONMENTS:
            begin = re.match(r"\\begin\s*\{[^{}]*\}", verbatim)
            end = verbatim.rfind("\\end")
            start = node.pos + (begin.end() if begin else 0)
            body = text[start: node.pos + end] if end > 0 else text[start: node.pos + node.len]
            if name.startswith("alignat") and body.lstrip().startswith("{"):  # \begin{alignat}{2}: the column count
                skipped = body.index("}") + 1
                start, body = start + skipped, body[skipped:]
            self.flush()
            self.document.pieces.append(Display(Math(_comments_blanked(body), start, self.document.line_of(start), True, name), self.item))
        elif name in SKIPPED_ENVIRONMENTS:
            self.flush()
        elif name in TABLE_ENVIRONMENTS:
            self.flush()
            self.table(node)
        else:
            self.flush()
            if name.rstrip("*").lower() in QUESTION_ENVIRONMENTS:
                self.document.pieces.append(Heading(self.document.line_of(node.pos), name, 2))
            outer, outer_list = self.item, self.list
            if name.rstrip("*") in LIST_ENVIRONMENTS:
                self.lists += 1
                self.list = self.lists
            self.nodes(node.nodelist)
            self.flush()
            self.item, self.list = outer, outer_list  # after \\end{itemize}: outside its items again

    def macro(self, node) -> None:
        name = node.macroname
        arguments = [a for a in (node.nodeargd.argnlist if node.nodeargd else ()) if a is not None]
        line = self.document.line_of(node.pos)
        if name in SECTION_MACROS:
            self.flush()
            title = self.document.text[arguments[-1].pos: arguments[-1].pos + arguments[-1].len].strip("{}") if arguments else ""
            self.document.pieces.append(Heading(line, title, SECTION_MACROS[name], SECTION_MACROS[name] == 1 or bool(HEADING_LINE.match(title))))
        elif name in QUESTION_MACROS and name not in self.document.macros:  # not the text's own \\prob (a probability, \\mathbb{P})
            self.flush()
            self.document.pieces.append(Heading(line, name, 2))
        elif name == "item":
            self.flush()
            self.items += 1
            self.item = self.items
            self.document.lists[self.item] = self.list
            label = self.document.text[arguments[0].pos: arguments[0].pos + arguments[0].len].strip("[]") if arguments else ""
            if label and PART_LABEL.fullmatch(label):
                self.document.pieces.append(Part(line, label))
        elif name in ("textbf", "textit", "emph", "underline", "textsc", "text", "mbox", "hbox", "textrm", "texttt"):
            inner = self.document.text[arguments[-1].pos: arguments[-1].pos + arguments[-1].len].strip("{}") if arguments else ""
            if not self.segments or not "".join(s for s in self.segments if isinstance(s, str)).strip():
                if HEADING_LINE.match(inner) and name in ("textbf", "underline", "textsc"):
                    self.flush()
                    self.document.pieces.append(Heading(line, inner.strip(), 3))
                    return
            for argument in arguments:
                self.node(argument)
        elif name in ("\\", "newline", "par"):
            if name == "par":
                self.flush()
            else:
                self.segments.append("\n")
        elif name in DEFINING:
            self.define(node)
        elif name in ("label", "ref", "eqref", "cite", "footnote", "vspace", "hspace", "includegraphics", "caption",
                      "usepackage", "documentclass", "newcommand", "renewcommand", "DeclareMathOperator", "title",
                      "author", "date", "maketitle", "hline", "toprule", "midrule", "bottomrule", "cline", "url", "href"):
            return
        else:
            for argument in arguments:
                self.node(argument)

    def define(self, node) -> None:
        """A command the write-up defines. \\def's parameters and body are not its arguments to pylatexenc: they are
        read from the text that follows, up to the body's closing brace."""
        text = self.document.text
        span = text[node.pos: node.pos + (MAX_DEFINITION if node.macroname == "def" else node.len)]
        self.document.macros.update(definitions(tokens(span, tolerant=True))[0])

    def table(self, node) -> None:
        """A tabular's rows (split at \\\\) of cells (split at &), each cell's prose and inline formulas."""
        rows: list = []
        lines: list[int] = []
        cells: list = []
        cell: list = []
        outer, self.segments = self.segments, cell
        from pylatexenc.latexwalker import LatexMacroNode, LatexSpecialsNode

        def end_cell():
            nonlocal cell
            cells.append(tuple(self.segments))
            cell = []
            self.segments = cell

        def end_row():
            nonlocal cells
            end_cell()
            if any(isinstance(s, Math) or (isinstance(s, str) and s.strip()) for c in cells for s in c):
                rows.append(tuple(cells))
                lines.append(row_line[0])
            cells = []

        row_line = [self.document.line_of(node.pos)]
        for child in node.nodelist or ():
            if child is None:
                continue
            if isinstance(child, LatexSpecialsNode) and child.specials_chars == "&":
                end_cell()
            elif isinstance(child, LatexMacroNode) and child.macroname == "\\":
                end_row()
                row_line[0] = self.document.line_of(child.pos + child.len)
            elif isinstance(child, LatexMacroNode) and child.macroname in ("hline", "toprule", "midrule", "bottomrule", "cline"):
                continue
            else:
                if not cells and not self.segments:
                    row_line[0] = self.document.line_of(child.pos)
                self.node(child)
        end_row()
        self.segments = outer
        if rows:
            self.document.pieces.append(Table(lines[0], tuple(rows), tuple(lines)))
