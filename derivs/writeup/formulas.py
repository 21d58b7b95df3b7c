"""A formula's structure, read once from its tokens: lines, statements, chains of sides and their relations.

Each formula of the document is cut into tokens once (positions are offsets in the whole document);
everything here works on those tokens: lines split at ``\\\\``, alignment marks dropped, annotations
(tags, labels, remarks in ``\\text``, equation numbers, ``\\boxed``, ``\\underbrace``) taken off and
kept as what they say, conditions (``\\text{for } x > 0``, ``\\quad (x \\neq 0)``) set apart, and
each statement split at its implications and relations into sides. A side is a run of tokens with
the source it came from; the parser reads it later, once, in the notation of the whole document.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace, field

from ..dialect import BINARY_OPERATORS, FONTS, FUNCTIONS, GREEK, LIST_ELLIPSES, RELATIONS, UNICODE
from ..lexer import TEXT_COMMANDS, Token, group_end, tokens
from ..parsing import is_transpose_mark, subscript_letters
from .document import PLAIN_ENVIRONMENTS, Math, bracket_layer, digit_superscript, in_subscript, layer_superscript, letter_before_subscript, summed_letter, t_superscript, typed_label, dashed_labels
from .macros import DEFINING, conventional_shorthand, definitions, expand
from .names import Scanner, single_name
from .prose import CONNECTIVES

REMARK_ARROWS = ("leftarrow", "Leftarrow", "longleftarrow", "Longleftarrow", "impliedby")  # ← pointing at the line from a note

# Relations between the sides of a chain, by token: the name a step records.
RELATION_NAMES = {**{name: ("approx" if meaning == "approx" else meaning) for name, meaning in RELATIONS.items()},
                  "=": "==", "<": "<", ">": ">", "coloneqq": "defines", "triangleq": "defines", "equiv": "==",
                  "leftarrow": "update", "gets": "update", "simeq": "approx", "sim": "sim", "cong": "==",
                  "propto": "propto", "in": "in", "subset": "in", "subseteq": "in", "to": "to"}
CHAIN_RELATIONS = frozenset(RELATION_NAMES) - {"to"}
IMPLICATIONS = frozenset({"Rightarrow", "implies", "Longrightarrow", "iff", "Leftrightarrow", "Longleftrightarrow",
                          "therefore", "rightarrow", "longrightarrow", "Longleftarrow", "Leftarrow", "impliedby"})
# Annotations: dropped with their one braced argument, or alone, or unwrapped (the argument kept).
DROPPED_WITH_ARGUMENT = frozenset({"tag", "label", "eqref", "ref", "textcircled", "color", "hspace", "vspace", "phantom",
                                   "hphantom", "vphantom", "intertext", "shortintertext", "footnote", "cite",
                                   "require"})  # \require{cancel}: MathJax loading an extension
DROPPED = frozenset({"nonumber", "notag", "blacksquare", "qed", "qedhere", "square", "Box", "hfill", "checkmark",
                     "Downarrow", "Uparrow", "downarrow", "uparrow", "quad", "qquad", "newline", "medskip", "smallskip",
                     "bigskip", "noindent", "centering", "allowbreak", "nobreak", "displaybreak"})
END_MARKS = (tuple("q.e.d"), tuple("Q.E.D"), tuple("QED"))  # a proof's end in letters, its last full stop already dropped
UNWRAPPED = frozenset({"boxed", "underline", "fbox", "framebox", "cancel", "bcancel", "xcancel", "cancelto", "mathstrut",
                       "bbox", "colorbox", "textcolor", "highlight"})
# Words in \text before a condition: \text{for } x > 0, \text{ at } x = 0, \text{if } x < 0.
CONDITION_WORDS = frozenset({"for", "at", "when", "if", "where", "for all", "whenever", "with", "provided", "as", "given"})
CASE_WORDS = frozenset({"otherwise", "else", "elsewhere", "o.w."})  # a cases row's condition: the parser reads it
# A remark that justifies the line it ends (\qquad \text{since } y_j = 1, \text{recalling that } a = ..., \text{by
# definition of } a): the maths after it is the reason, not more of the line.
JUSTIFICATION = re.compile(r"(?:since|because|as|by|using|use|from|recall|recalling|note|noting|due to|applying|see|cf)\b")
ROW_CONDITION_WORDS = frozenset({"if", "when", "for", "where"})  # a row opened by \text{if } i \neq j : ...
CASE_LEADS = frozenset({"if", "when", "whenever"}) | CASE_WORDS  # the first word of a piecewise row's condition


def _lead_word(words: str) -> str:
    """A \\text's words as the word that leads a condition or a case: "If:" and " for " are "if" and "for"."""
    return words.strip().lower().rstrip(":,")


# Environments whose rows are the formula's lines (not a matrix's rows): unwrapped where they stand.
LINE_ENVIRONMENTS = frozenset({"aligned", "alignedat", "gathered", "split", "align", "align*", "equation", "equation*",
                               "gather", "gather*", "multline", "multline*", "eqnarray", "eqnarray*", "flalign", "flalign*"})
OPEN = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True)
class Side:
    """One side of a statement: its tokens (positions in the document) and the source as written."""

    tokens: tuple[Token, ...]
    text: str
    start: int
    beside: frozenset = field(default=frozenset(), compare=False)  # index letters the statement's other sides carry

    def __bool__(self) -> bool:
        return bool(self.tokens)


@dataclass(frozen=True)
class Statement:
    """A chain `a = b \\approx c` (or a single side), with what its line says about it."""

    sides: tuple[Side, ...]
    relations: tuple[str, ...]  # between consecutive sides: "==", "approx", "<", "<=", "defines", "update", "in", ...
    line: int
    continues: bool = False  # it begins with a relation: it goes on from the side the formula (or the one above) ended on
    condition: Side | None = None  # where the line says it holds: x > 0, x = 0
    condition_words: str = ""  # the word before the condition: "for", "at", ...
    named: tuple[tuple[Side, Side], ...] = ()  # \underbrace{body}_{name}: (name, body)
    explains: bool = False  # the line begins "where": it names what a line above used
    labelled: bool = False  # the first side was a label ("\Sigma_1 : ..." or "Q2:"), read as `NAME =`
    dangling: bool = False  # it ends with a relation: the next line's first side goes on from here

    @property
    def is_chain(self) -> bool:
        return len(self.sides) >= 2


@dataclass(frozen=True)
class Line:
    """One line of a formula: statements, and between consecutive ones "implies" (\\Rightarrow) or "and"."""

    number: int
    statements: tuple[Statement, ...]
    connectives: tuple[str, ...] = ()
    implied: bool = False  # it opens with \implies, \Rightarrow: what it says follows from the line before


@dataclass(frozen=True)
class Formula:
    math: Math
    lines: tuple[Line, ...] = field(default_factory=tuple)


# --- reading a formula ------------------------------------------------------------------------------------


def read_formula(math: Math, document) -> Formula:
    """The lines and statements of one formula (`document` gives line numbers and the source), read once per document:
    the notation and the steps stages ask for the same formula and get the same reading."""
    known = document.formulas.get(math)
    if known is None:
        known = document.formulas[math] = _read_formula(math, document)
    return known


def _read_formula(math: Math, document) -> Formula:
    found, call_ends = _with_macros(_outer_group_unwrapped(tokens(math.tex, offset=0, tolerant=True)[:-1]), document.macros)
    if document.layers:
        found, call_ends = _respelled(found, call_ends, lambda at: _layer_as_mark(found, at, document.layers))
    if document.digit_layers or document.defined_layers:
        found, call_ends = _respelled(found, call_ends, lambda at: _digit_layer_as_mark(found, at, document.digit_layers, document.defined_layers))
    if document.transpose_t:
        found = [replace(token, text="T") if t_superscript(found, at) else token for at, token in enumerate(found)]  # K^t, (..)^{t}
    if document.bracket_layers:
        found, call_ends = _respelled(found, call_ends, lambda at: _bracket_layer_as_mark(found, at, document.bracket_layers))
    if document.dropped_marks:
        marks = _dropped_marks_at(found, document.dropped_marks)
        found, call_ends = _respelled(found, call_ends, lambda at: _mark_restored(found, at, marks))
    found, call_ends = _respelled(found, call_ends, lambda at: _bracketed_name_entry(found, at))
    found = _slashed_ds_as_partial(_deltas_as_partial(found))  # token for token: call_ends still hold
    surplus = _surplus_closers(found)
    if document.typed_labels and math.display and typed_label(found) is not None:
        surplus |= _typed_label_at(found)
    if document.dashed_labels:
        surplus |= dashed_labels(found)
    found, call_ends = _respelled(found, call_ends, lambda at: (at + 1, []) if at in surplus else None)
    local = [token.position for token in found]  # in the formula's own text, which the sides' sources are cut from
    found = [replace(token, position=math.offset(token.position)) for token in found]  # where each stands in the file
    cut = _Cutter(found, document, math.tex, local, call_ends, plain=math.environment in PLAIN_ENVIRONMENTS)
    lines = []
    for piece in cut.lines():
        line = cut.line(piece)
        if line is not None and line.statements:
            lines.append(line)
    return Formula(math, tuple(lines))


def _outer_group_unwrapped(found: list[Token]) -> list[Token]:
    """$$\\color{red}{ \\begin{aligned} ... \\end{aligned} }$$: a colour switch (or nothing) and one group around the whole
    formula, whose braces group nothing: its lines are the formula's lines."""
    at = 0
    while at < len(found) and found[at].kind == "space":
        at += 1
    if at + 3 < len(found) and found[at].is_("command", "color") and found[at + 1].is_("symbol", "{"):
        close = closing(found, at + 1)
        at = close + 1 if close is not None else at
    while at < len(found) and found[at].kind == "space":
        at += 1
    if at < len(found) and found[at].is_("symbol", "{") and closing(found, at) == len(found) - 1:
        return found[at + 1:-1]
    return found


def _with_macros(found: list[Token], macros: dict) -> tuple[list[Token], dict[int, int]]:
    """The tokens with the write-up's own commands expanded (a formula that defines some is left without its
    definitions), and where each expanded call ends in the formula's text."""
    if any(token.kind == "command" and token.text in DEFINING for token in found):
        spent = set(definitions(found)[1])
        found = [token for at, token in enumerate(found) if at not in spent]
    found, ends = expand(found, macros, lambda at: _token_end(found[at]))
    return _respelled(found, ends, lambda at: _glyph_command(found, at) or _shorthand_command(found, at) or _braced_font_name(found, at))


def _glyph_command(found: list[Token], at: int):
    """\\β, \\· left after the write-up's own commands are expanded: a command named by a pasted glyph that a private
    macro file (never in the text) defines as that glyph, the only reading: β, ·. Defined in the text, it was expanded."""
    token = found[at]
    meant = UNICODE.get(token.text) if token.kind == "command" and len(token.text) == 1 and not token.text.isascii() else None
    if meant is None or not meant.startswith("\\"):
        return None
    return at + 1, [replace(piece, position=token.position, space_before=token.space_before) for piece in tokens(meant, tolerant=True)[:-1]]


def _shorthand_command(found: list[Token], at: int):
    """\\bx, \\bSigma, \\mW left after the write-up's own commands are expanded: a course style file's shorthand, read
    as the convention has it (macros.CONVENTIONAL_SHORTHANDS)."""
    token = found[at]
    meant = conventional_shorthand(token.text) if token.kind == "command" else None
    following = next((t for t in found[at + 1:] if t.kind != "space"), None)
    if meant is None or following is not None and following.is_("symbol", "{") and not following.space_before:
        return None  # \\bs{\\mu}, \\vb{a}: a command taking an argument (\\boldsymbol's, the physics package's), no letter of its own
    return at + 1, [replace(piece, position=token.position, space_before=token.space_before if n == 0 else piece.space_before)
                    for n, piece in enumerate(tokens(meant, tolerant=True)[:-1])]


_FONT_SWITCHES = {"bf": "mathbf", "rm": "mathrm", "it": "mathit", "cal": "mathcal", "sf": "mathsf"}  # old TeX's {\\bf u}


def _braced_font_name(found: list[Token], at: int):
    """{\\boldsymbol u}_{o}, {\\bf x}_i, {\\mathbf \\theta}^T: a font and one letter in braces, then a script: the
    letter in that font carries the script, as \\boldsymbol{u}_{o} does (TeX sets both alike)."""
    if at + 4 >= len(found) or not found[at].is_("symbol", "{") or not found[at + 3].is_("symbol", "}") \
            or not found[at + 4].is_("symbol", "_", "^"):
        return None
    font, letter = found[at + 1], found[at + 2]
    if font.kind != "command" or font.text not in FONTS and font.text not in _FONT_SWITCHES:
        return None
    if not (letter.kind == "letter" and len(letter.text) == 1 or letter.kind == "command" and letter.text in GREEK):
        return None
    spelled = replace(font, text=_FONT_SWITCHES.get(font.text, font.text), space_before=found[at].space_before)
    return at + 4, [spelled, replace(found[at], space_before=False), replace(letter, space_before=False), found[at + 3]]


def _respelled(found: list[Token], call_ends: dict[int, int], spelling) -> tuple[list[Token], dict[int, int]]:
    """The tokens with each piece `spelling(at)` gives (the index after the piece, its tokens) put in its place, and
    where expanded calls end moved with them."""
    out: list[Token] = []
    ends: dict[int, int] = {}
    at = 0
    while at < len(found):
        respelled = spelling(at)
        if respelled is None:
            if at in call_ends:
                ends[len(out)] = call_ends[at]
            out.append(found[at])
            at += 1
            continue
        after, made = respelled
        for offset in range(len(made)):
            source = min(at + offset, after - 1)
            if source in call_ends:
                ends[len(out) + offset] = call_ends[source]
            elif len(made) > after - at:  # \bx as \mathbf{x}: each token made ends where the command did
                ends[len(out) + offset] = _token_end(found[after - 1])
        out += made
        at = after
    return out, ends


def _layer_as_mark(found: list[Token], at: int, letters):
    """W^L and a^{l-1} in a write-up whose superscripts number layers with l (Document.layers): the layer marks
    W^{(L)} and a^{(l-1)} are, which every later stage reads as labels, not powers."""
    layer = layer_superscript(found, at, letters)
    if layer is None:
        return None
    _, after = layer
    inner = [t for t in found[at + 1:after] if not t.is_("symbol", "{", "}")]
    first = inner[0]
    closer = found[after - 1].position  # the original superscript's last token: a side ending here shows all of it
    return after, [found[at], Token("symbol", "{", first.position), Token("symbol", "(", first.position), *inner,
                   Token("symbol", ")", closer), Token("symbol", "}", closer)]


def _dropped_marks_at(found: list[Token], dropped: dict) -> dict:
    """Where a formula writes a name without the sample mark the write-up leaves out for brevity (Document.dropped_marks):
    the index of the name's last token -> the letter; none in a formula that sums over the letter."""
    letters = set(dropped.values())
    if any(token.is_("command", "sum") and summed_letter(found, at) in letters for at, token in enumerate(found)):
        return {}
    marks = {}
    for name in Scanner(found).names():
        letter = dropped.get(name.base)
        following = found[name.end] if name.end < len(found) else None
        if letter is None or name.layer or name.mark or name.primes or following is not None and (
                following.is_("symbol", "^") or following.is_("symbol", "(") and not name.subscript):
            continue  # x^2 (a power stays where it is written), f(x) (a function's own variable)
        if in_subscript(found, name.start):
            continue  # a subscript's letters
        marks[name.end - 1] = letter
    return marks


def _mark_restored(found: list[Token], at: int, marks: dict):
    """y_k where the write-up means y^n_k: the sample's mark put back after the name (read as y^{(n)}_k)."""
    if at not in marks:
        return None
    where = found[at].position
    return at + 1, [found[at], Token("symbol", "^", where), Token("symbol", "{", where), Token("symbol", "(", where),
                    Token("letter", marks[at], where), Token("symbol", ")", where), Token("symbol", "}", where)]


def _bracketed_name_entry(found: list[Token], at: int):
    """(x^{(2)})_i, (W^{[1]})_{jk}: a name in brackets only to take a subscript after its own superscript, the entry
    of that name, as x^{(2)}_i is (a transposed name, (W^T)_{ij}, is W_{ji}: left as written)."""
    if not found[at].is_("symbol", "("):
        return None
    close = closing(found, at)
    if close is None or close + 1 >= len(found) or not found[close + 1].is_("symbol", "_"):
        return None
    name = single_name(found[at + 1:close])
    if name is None or name.subscript or name.mark or name.primes or not name.layer:
        return None
    return close + 1, [replace(found[at + 1], position=found[at].position), *found[at + 2:close]]  # a side shown from its (


def _digit_layer_as_mark(found: list[Token], at: int, letters, defined: frozenset = frozenset()):
    """w^2_{11} and W^2 where the write-up differentiates by w^2_{11} (Document.digit_layers): the layer marks w^{(2)}_{11}
    and W^{(2)}; a lowercase letter's digit with no entry under it (w^2 alone) stays a power, unless the write-up defines
    the letter at two digits (Document.defined_layers: a^1 = ..., a^2 = ...)."""
    letter = at - 1 if at and found[at - 1].kind == "letter" else letter_before_subscript(found, at)  # w^2_{11}, w_{11}^2
    script = digit_superscript(found, at) if letter is not None and found[letter].text in letters | defined else None
    if script is None:
        return None
    digit, after = script
    entry = after < len(found) and found[after].is_("symbol", "_") or letter != at - 1
    if not entry and not found[letter].text.isupper() and found[letter].text not in defined:
        return None
    first = found[digit]
    return after, [found[at], Token("symbol", "{", first.position), Token("symbol", "(", first.position), first,
                   Token("symbol", ")", first.position), Token("symbol", "}", first.position)]


def _bracket_layer_as_mark(found: list[Token], at: int, names):
    """W[1], dZ[4], A[3]^T in a write-up that numbers layers so (Document.bracket_layers): Ng's W^{[1]}, dZ^{[4]},
    A^{[3]T}, which every later stage reads as names with a layer."""
    mark = bracket_layer(found, at)
    if mark is None or mark[0] not in names:
        return None
    after = mark[2]
    made = [found[at], Token("symbol", "^", found[after - 1].position), Token("symbol", "{", found[after - 1].position), *found[at + 1:after]]
    if after + 1 < len(found) and found[after].is_("symbol", "^"):  # A[3]^T, A[3]^{\top}: the transpose joins the layer's superscript
        end = group_end(found, after + 1) if found[after + 1].is_("symbol", "{") else after + 1
        inner = found[after + 2:end] if end is not None and end > after + 1 else found[after + 1:after + 2]
        if end is not None and is_transpose_mark(inner):
            made.append(Token("letter", "T", found[after + 1].position))
            after = end + 1
    return after, [*made, Token("symbol", "}", found[after - 1].position)]


LINE_ENDS = frozenset({"\\\\", "&", ",", ".", ";", "tag", "label", "text", "forall", "end"})  # what may follow a line's last bracket


def _surplus_closers(found: list[Token]) -> set[int]:
    """The `)` and `]` that close nothing in the whole formula and are typed last on their line (log σ(-u^T v)) at the end
    of a display): one bracket too many, with no other reading, so they are left out. Anywhere else such a bracket may
    belong to an opener the author dropped ((2a + b) c or 2a + bc?), and the line stays unreadable. One pass; \\left and
    \\right pairs aside (\\bigl and the like are spacing to the lexer: their brackets count)."""
    surplus, depth, sizing = set(), 0, False
    for at, token in enumerate(found):
        if token.is_("command", "left", "right"):
            sizing = True
        elif sizing:
            sizing = False
        elif token.is_("symbol", "(", "["):
            depth += 1
        elif token.is_("symbol", ")", "]"):
            if depth == 0 and _last_on_line(found, at):
                surplus.add(at)
            depth = max(0, depth - 1)
    return surplus


def _typed_label_at(found: list[Token]) -> set[int]:
    """The indices of a display's typed label, `(6)` at its end (see document.typed_label), to leave out."""
    last = max(at for at, token in enumerate(found) if token.is_("symbol", ")"))
    return {last - 2, last - 1, last}


def _last_on_line(found: list[Token], at: int) -> bool:
    """Nothing but spacing before the line's end (\\\\, &, a full stop, \\tag, \\text, the formula's end) after `at`."""
    for token in found[at + 1:]:
        if token.kind == "space":
            continue
        return token.text in LINE_ENDS
    return True


def _token_end(token: Token) -> int:
    return token.position + len(token.text) + (1 if token.kind == "command" else 0)


def closing(found: list[Token], at: int) -> int | None:
    """The index of the bracket ((, [ or {) closing the one at `at`; None if it is never closed."""
    opener = found[at].text
    closer = OPEN.get(opener)
    depth = 0
    for index in range(at, len(found)):
        token = found[index]
        if token.is_("symbol", opener):
            depth += 1
        elif token.is_("symbol", closer):
            depth -= 1
            if depth == 0:
                return index
    return None


def _deltas_as_partial(found: list[Token]) -> list[Token]:
    """δE/δw and \\frac{\\delta E}{\\delta w}: δ written for ∂, a habit of plain-text and physics write-ups. A δ is the
    mark only in a pair, opening both the part above (or before the /) and the part below, each followed by what it
    differentiates; δ_{h2} (a unit's error) has a subscript and stays a name."""
    def marks(at: int, alone: bool = False) -> bool:
        if not (at < len(found) and found[at].is_("command", "delta")):
            return False
        following = found[at + 1] if at + 1 < len(found) else None
        if following is None or following.is_("symbol", "_", "^"):
            return False
        return following.kind in ("letter", "command") or following.is_("symbol", "(", "{") or alone and following.is_("symbol", "}")

    pairs: set[int] = set()
    for at, token in enumerate(found):
        if token.is_("command", "frac", "dfrac", "tfrac") and at + 2 < len(found) and found[at + 1].is_("symbol", "{") and marks(at + 2, alone=True):
            close = closing(found, at + 1)
            if close is not None and close + 2 < len(found) and found[close + 1].is_("symbol", "{") and marks(close + 2) and not found[close + 3].is_("symbol", "}"):
                pairs |= {at + 2, close + 2}
        elif marks(at) and at not in pairs:
            below = _slashed_pair(found, at, marks)
            if below is not None:
                pairs |= {at, below}
    unmarked = {}  # o1/δw5: the numerator's mark left out, put back
    for at, token in enumerate(found):
        if token.is_("symbol", "/") and marks(at + 1) and at + 1 not in pairs:
            start = at
            while start > 0 and (found[start - 1].kind in ("letter", "number") or found[start - 1].is_("symbol", "_")) and not found[start].space_before:
                start -= 1
            if start < at and found[start].kind == "letter" and not (start and found[start - 1].is_("command", "partial", "delta")):
                unmarked[start] = replace(found[start], kind="command", text="partial", space_before=found[start].space_before)
                pairs.add(at + 1)
    marked = [replace(token, text="partial") if at in pairs else token for at, token in enumerate(found)]
    for start in sorted(unmarked, reverse=True):
        marked[start:start] = [unmarked[start]]
    return marked


def _slashed_ds_as_partial(found: list[Token]) -> list[Token]:
    """dEtotal/da_o1, do1/dw5, d(E1 + E2)/dw5: a Leibniz fraction typed on one line, a d opening a word on both sides
    of the slash. Read as the framed \\frac{dE}{dw} is (o1/w5 it is not); a d alone, or d_1/d_2, is a name."""
    def opens(at: int) -> bool:
        if not (at + 1 < len(found) and found[at].is_("letter", "d")) or found[at + 1].space_before:
            return False
        starts = at == 0 or found[at].space_before or not (found[at - 1].kind in ("letter", "number", "command") or found[at - 1].is_("symbol", "_", "}"))
        return starts and (found[at + 1].kind in ("letter", "command") or found[at + 1].is_("symbol", "("))

    pairs: set[int] = set()
    for at in range(len(found)):
        below = _slashed_pair(found, at, opens) if opens(at) else None
        if below is not None:
            pairs |= {at, below}
    return [replace(token, kind="command", text="partial") if at in pairs else token for at, token in enumerate(found)]


def _slashed_pair(found: list[Token], at: int, marks) -> int | None:
    """Where the mark below the slash stands, for a mark at `at` opening the part above (δE/δw, do1/dw5,
    d(E1 + E2)/dw5: a bracket, or a word typed together), when `marks` says a mark opens the part below; else None."""
    end = at + 1
    if found[end].is_("symbol", "("):
        end = (closing(found, end) or len(found)) + 1
    else:
        depth = 0  # inside a subscript's braces anything goes (v_{-1})
        while end < len(found) and (end == at + 1 or depth or not found[end].space_before) and (
                depth or found[end].kind in ("letter", "number", "command") or found[end].is_("symbol", "_", "{", "}")):
            depth += found[end].is_("symbol", "{") - found[end].is_("symbol", "}")
            end += 1
    return end + 1 if end + 1 < len(found) and found[end].is_("symbol", "/") and marks(end + 1) else None


class _Cutter:
    """The token-level work on one formula: depth, lines, annotations, statements, chains."""

    def __init__(self, found: list[Token], document, tex: str, local: list[int], call_ends: dict[int, int] | None = None, plain: bool = False):
        self.found = found
        self.plain = plain  # a line typed without $...$: a wide gap of spaces parts two statements, as \quad does
        self.document = document
        self.tex, self.local = tex, local  # the formula as written, and each token's place in it
        self.call_ends = call_ends or {}  # a token a command of the write-up's own became: where the call ends
        self.whole_cases = self._only_cases()
        self.depths = _depths(found, LINE_ENVIRONMENTS | ({"cases", "dcases"} if self.whole_cases else set()))

    # --- lines

    def lines(self) -> list[list[int]]:
        """Indices of each line's tokens: split at \\\\ outside braces and inner environments (line environments
        and a formula that is only a cases block are unwrapped: their rows are the formula's lines)."""
        lines: list[list[int]] = [[]]
        skip = 0
        whole_cases = self.whole_cases
        for at, token in enumerate(self.found):
            if skip:
                skip -= 1
                continue
            depth = self.depths[at]
            if token.is_("command", "begin", "end"):
                name, width = self._environment_at(at)
                if name in LINE_ENVIRONMENTS or (name in ("cases", "dcases") and whole_cases):
                    skip = width - 1
                    continue
            if token.is_("command", "\\") and depth.braces == self._line_level(at):
                lines.append([])
                if at + 1 < len(self.found) and self.found[at + 1].is_("symbol", "["):
                    close = self._close(at + 1)
                    skip = close - at if close is not None else 0
                continue
            if token.is_("command", "intertext", "shortintertext") and depth.braces == self._line_level(at):
                close = self._argument_end(at)
                lines.append([])
                skip = close - at if close is not None else 0
                continue
            lines[-1].append(at)
        return [column for line in self._joined_continuations([line for line in lines if line]) for column in self._equation_columns(line)]

    def _equation_columns(self, line: list[int]) -> list[list[int]]:
        """`& \\mu = \\frac{1}{N}\\sum_k x_k & v = ...`: an align row holding two equations side by side, each column pair
        its own (a cell with its own left side before a relation, or a cell with none followed by one starting with a
        relation, begins the next once the row so far has a relation). `a &= b &= c` stays one chain."""
        cells: list[list[int]] = [[]]
        for at in line:
            if self.found[at].is_("symbol", "&") and self.depths[at].braces <= self.depths[at].transparent and not self.depths[at].brackets:
                cells.append([])
            cells[-1].append(at)
        if len(cells) < 3:
            return [line]
        kinds = [self._cell_kind(cell) for cell in cells]  # "equation" (own left side), "continues" (starts with a relation), "side", ""
        columns: list[list[int]] = [[]]
        related = False
        for number, cell in enumerate(cells):
            following = kinds[number + 1] if number + 1 < len(kinds) else ""
            starts = kinds[number] == "equation" or kinds[number] == "side" and following == "continues"
            starts = starts and not self._ends_in(cells[number - 1]) if number else starts  # A = B, & z = 0: where; A &=& B = C
            if related and starts:
                columns.append([])
                related = False
            columns[-1] += cell
            related = related or kinds[number] in ("equation", "continues")
        return [column for column in columns if column]

    def _ends_in(self, cell: list[int]) -> bool:
        """The cell ends in punctuation (what follows is a condition) or a relation (eqnarray's &=&: the right side follows)."""
        shown = [at for at in cell if self.found[at].kind != "space" and not self.found[at].is_("symbol", "&")]
        return bool(shown) and (self.found[shown[-1]].is_("symbol", ",", ";")
                                or self._relation(self.found[shown[-1]], self.depths[shown[-1]], self._line_level(shown[-1])) is not None)

    def _cell_kind(self, cell: list[int]) -> str:
        shown = [at for at in cell if self.found[at].kind != "space" and not self.found[at].is_("symbol", "&")]
        if not shown or self.found[shown[0]].kind == "command" and self.found[shown[0]].text in TEXT_COMMANDS:
            return ""  # & \\text{if } x > 0: a condition or a remark beside the equation
        first = next((n for n, at in enumerate(shown) if self._relation(self.found[at], self.depths[at], self._line_level(at))), None)
        if first is None:
            return "side"
        return "continues" if first == 0 else "equation"

    def _joined_continuations(self, lines: list[list[int]]) -> list[list[int]]:
        """A line that ends with an operator (a + b +) or is followed by one that starts with one (&\\quad + c) is one
        expression across the break: the lines are joined."""
        joined: list[list[int]] = []
        for line in lines:
            meaningful = [at for at in line if self.found[at].kind != "space" and not self.found[at].is_("symbol", "&")]
            if joined and meaningful:
                previous = [at for at in joined[-1] if self.found[at].kind != "space" and not self.found[at].is_("symbol", "&")]
                ends = previous and (self.found[previous[-1]].is_("symbol", "+", "-", "*") or self.found[previous[-1]].is_("command", "cdot", "times"))
                starts = self.found[meaningful[0]].is_("symbol", "+") or self.found[meaningful[0]].is_("command", "cdot", "times")
                if ends or starts:
                    joined[-1] = joined[-1] + line
                    continue
            joined.append(line)
        return joined

    def _line_level(self, at: int) -> int:
        """How many line environments enclose a token: their \\\\ still split lines."""
        return self.depths[at].transparent

    def _only_cases(self) -> bool:
        """The formula is one cases block (after an optional \\left\\{): a list of equations, not a piecewise side."""
        meaningful = [t for t in self.found if t.kind != "space"]
        start = 0
        if len(meaningful) >= 2 and meaningful[0].is_("command", "left"):
            start = 2
        return len(meaningful) > start + 2 and meaningful[start].is_("command", "begin") and "".join(
            t.text for t in meaningful[start + 2:start + 8]).startswith("cases")

    def _environment_at(self, at: int) -> tuple[str, int]:
        """\\begin{name} at `at`: the name and how many tokens it takes."""
        if at + 1 >= len(self.found) or not self.found[at + 1].is_("symbol", "{"):
            return "", 1
        close = self._close(at + 1)
        if close is None:
            return "", 1
        name = "".join(t.text for t in self.found[at + 2: close])
        width = close - at + 1
        if self.found[at].is_("command", "begin") and name.startswith("alignedat") and close + 1 < len(self.found) and self.found[close + 1].is_("symbol", "{"):
            inner = self._close(close + 1)
            width = (inner - at + 1) if inner is not None else width
        return name, width

    def _close(self, at: int) -> int | None:
        """The index of the bracket closing the one at `at`."""
        return closing(self.found, at)

    def _argument_end(self, at: int) -> int | None:
        """The last index of a command's one braced argument (the command at `at`)."""
        following = at + 1
        if following < len(self.found) and self.found[following].is_("symbol", "*"):
            following += 1
        if following < len(self.found) and self.found[following].is_("symbol", "{"):
            return self._close(following)
        return at

    # --- one line

    def line(self, indices: list[int]) -> Line | None:
        indices = self._before_remark_column(indices)
        if not indices:
            return None
        number = self.document.line_of(self.found[indices[0]].position)
        explains = self._explains(indices)
        if explains:
            indices = self._after_leading_word(indices)
        indices = self._before_arrow_remark(self._after_lead_sentence(indices))
        kept, named = self._without_annotations(indices)
        leading, leading_word, kept = self._row_condition(kept)
        pieces = self._statements(kept)
        statements, connectives = [], []
        for pieces_index, (piece, separator, compared) in enumerate(pieces):
            condition, words, piece = self._condition(piece, last=pieces_index == len(pieces) - 1)
            if condition is None and compared is not None:
                condition, words = self._side(compared[0]), compared[1]
            if condition is None and leading is not None:
                condition, words = leading, leading_word
            mapping = self._map_definition(piece, number, condition, words)
            if mapping is not None:
                if statements:
                    connectives.append(separator)
                statements.append(mapping)
                continue
            clauses = self._split(piece, self._implication)
            for clause_index, clause in enumerate(clauses):
                statement = self._statement(clause, number, condition, words, named, explains and pieces_index == 0 and clause_index == 0)
                if statement is None:
                    continue
                if statements:
                    connectives.append("implies" if clause_index > 0 else separator)
                statements.append(statement)
        opening = next((self.found[at] for at in indices if self.found[at].kind != "space" and not self.found[at].is_("symbol", "&")), None)
        implied = opening is not None and opening.kind == "command" and opening.text in IMPLICATIONS
        return Line(number, tuple(statements), tuple(connectives), implied)

    def _before_remark_column(self, indices: list[int]) -> list[int]:
        """An align's && column holds a remark: the line ends before it. A relation right after the && is the line's own
        (`net_1 &&= w_1 x_1`, an eqnarray typed with its three columns' first two marks together)."""
        for position, at in enumerate(indices[:-1]):
            token = self.found[at]
            if token.is_("symbol", "&") and self.found[indices[position + 1]].is_("symbol", "&"):
                after = next((index for index in indices[position + 2:] if self.found[index].kind != "space"), None)
                if after is None or self._relation(self.found[after], self.depths[after], self._line_level(after)) is None:
                    return indices[:position]
        return indices

    def _explains(self, indices: list[int]) -> bool:
        """The line begins with the word "where" (in \\text or typed)."""
        words = self._leading_text(indices)
        return words.startswith("where")

    def _after_leading_word(self, indices: list[int]) -> list[int]:
        """The line without its opening word (\\text{where }, or where typed)."""
        at = next((n for n, index in enumerate(indices) if self.found[index].kind != "space" and not self.found[index].is_("symbol", "&")), 0)
        first = self.found[indices[at]]
        if first.kind == "command" and first.text in TEXT_COMMANDS:
            end = self._argument_end(indices[at]) or indices[at]
            return [index for index in indices if index > end]
        return [index for n, index in enumerate(indices) if n >= at + 5 or self.found[index].kind != "letter" or n < at]

    def _leading_text(self, indices: list[int]) -> str:
        first = [self.found[at] for at in indices[:12] if not self.found[at].is_("symbol", "&") and self.found[at].kind != "space"]
        if first and first[0].kind == "command" and first[0].text in TEXT_COMMANDS:
            return "".join((" " if t.space_before else "") + t.text for t in first[2:]).strip().lower()
        if first and first[0].kind == "letter":
            return "".join(t.text for t in first[:5]).lower()
        return ""

    def _without_annotations(self, indices: list[int]) -> tuple[list[int], tuple]:
        """The line's token indices without its annotations, and the names its \\underbrace{..}_{..} give."""
        kept: list[int] = []
        named: list[tuple[Side, Side]] = []
        skip_to = -1
        position = 0
        while position < len(indices):
            at = indices[position]
            position += 1
            if at <= skip_to:
                continue
            token = self.found[at]
            if token.is_("symbol", "&") and self.depths[at].braces <= self.depths[at].transparent:
                continue  # an alignment mark (a matrix's or a piecewise side's & stay)
            if token.kind == "command" and token.text in DROPPED_WITH_ARGUMENT:
                skip_to = self._argument_end(at) or at
                continue
            if token.kind == "command" and token.text in DROPPED:
                continue
            if token.is_("command", "because", "eqno", "leqno"):
                break  # \\because and what follows is a reason; TeX's \\eqno (4) numbers the line with the rest of it
            if token.kind == "command" and token.text in UNWRAPPED:
                skip_to = self._unwrap(at)
                continue
            if token.is_("command", "underbrace", "overbrace") and at + 1 < len(self.found) and self.found[at + 1].is_("symbol", "{"):
                close = self._close(at + 1)
                if close is not None:
                    script = close + 1
                    if script < len(self.found) and self.found[script].is_("symbol", "_", "^") and script + 1 < len(self.found):
                        name_end = self._close(script + 1) if self.found[script + 1].is_("symbol", "{") else script + 1
                        if name_end is not None:
                            named.append((self._side(list(range(script + 2 if self.found[script + 1].is_("symbol", "{") else script + 1, name_end if self.found[script + 1].is_("symbol", "{") else name_end + 1))),
                                          self._side(list(range(at + 2, close)))))
                            kept += [i for i in range(at + 2, close)]
                            skip_to = name_end
                            continue
            kept.append(at)
        return self._without_edges(kept), tuple(named)

    def _unwrap(self, at: int) -> int:
        """\\boxed{x}, \\textcolor{red}{x}: the command and its braces go, x stays. Returns the last index skipped."""
        following = at + 1
        if self.found[at].text in ("textcolor", "colorbox", "cancelto") and following < len(self.found) and self.found[following].is_("symbol", "{"):
            following = (self._close(following) or following) + 1  # the colour, or cancelto's value
        if following < len(self.found) and self.found[following].is_("symbol", "{"):
            close = self._close(following)
            if close is not None:
                self._hidden.add(close)
                return following
        return at

    @property
    def _hidden(self) -> set:
        if not hasattr(self, "_hidden_set"):
            self._hidden_set: set[int] = set()
        return self._hidden_set

    def _without_edges(self, kept: list[int]) -> list[int]:
        """Drop the closing braces of unwrapped commands, a leading item label, a trailing full stop, comma or colon
        (`$k \\neq j:$` over the display it heads)."""
        kept = [at for at in kept if at not in self._hidden]
        while kept and self.found[kept[-1]].is_("symbol", ".", ",", ";", ":"):
            kept.pop()
        kept = self._without_end_mark(kept)
        while kept and self.found[kept[-1]].kind == "space":
            kept.pop()
        return self._without_leading_label(kept)

    def _without_end_mark(self, kept: list[int]) -> list[int]:
        """A proof's end typed in letters after the last formula (`\\quad q.e.d`, `Q.E.D.`, `QED`), set apart by a space:
        no product q e d."""
        for mark in END_MARKS:
            count = len(mark)
            if len(kept) <= count or tuple(self.found[at].text for at in kept[-count:]) != mark:
                continue
            rest = kept[:-count]
            spaced = self.found[kept[-count]].space_before or self.found[rest[-1]].kind == "space" or kept[-count] - rest[-1] > 1
            while rest and (self.found[rest[-1]].kind == "space" or self.found[rest[-1]].is_("symbol", ",", ";")):
                rest = rest[:-1]  # "..., \\quad q.e.d.": the comma before the mark goes with it
            before = self.found[rest[-1]] if rest else None
            if spaced and before is not None and (before.kind in ("letter", "number") or before.is_("symbol", ")", "]", "}", "|")):
                return rest
        return kept

    def _without_leading_label(self, kept: list[int]) -> list[int]:
        """(b), (ii), Q2:, 1. at the start are labels; so are \\therefore, \\Rightarrow starting a line ("so"), and a remark
        in words in brackets before a row's relation (`(\\text{one-hot: only } y_k \\text{ is } 1) &= ...`)."""
        while kept and self.found[kept[0]].kind == "space":
            kept.pop(0)
        kept = self._without_leading_remark(kept)
        if len(kept) >= 3 and self.found[kept[0]].is_("symbol", "(") and self.found[kept[2]].is_("symbol", ")"):
            inner = self.found[kept[1]]
            if (inner.kind == "letter" and len(inner.text) == 1 or inner.kind == "number" and inner.text.isdigit()) and len(kept) > 3:
                following = self.found[kept[3]]
                if following.space_before or following.kind in ("command",):
                    kept = kept[3:]
        if len(kept) >= 3 and self.found[kept[0]].is_("letter", "Q") and self.found[kept[1]].kind == "number" and self.found[kept[2]].is_("symbol", ":", ".", ")"):
            kept = kept[3:]
        while kept and self.found[kept[0]].kind == "command" and self.found[kept[0]].text in IMPLICATIONS:
            kept = kept[1:]
        return kept

    def _without_leading_remark(self, kept: list[int]) -> list[int]:
        """A bracketed group holding words (\\text) at the start of a row, with only `&` or a relation after it: the row's
        annotation, not its left side (the row goes on from the one before)."""
        close = self._close(kept[0]) if kept and self.found[kept[0]].is_("symbol", "(") else None
        if close is None or close not in kept:
            return kept
        place = kept.index(close)
        rest = [at for at in kept[place + 1:] if self.found[at].kind != "space"]
        worded = any(self.found[at].kind == "command" and self.found[at].text in TEXT_COMMANDS for at in kept[1:place])
        following = self.found[rest[0]] if rest else None
        starts_row = following is not None and (following.is_("symbol", "&", "=") or following.kind == "command" and following.text in CHAIN_RELATIONS)
        return kept[place + 1:] if worded and starts_row else kept

    # --- statements on one line

    def _statements(self, kept: list[int]) -> list[tuple[list[int], str, tuple | None]]:
        """The statements of a line: pieces apart by \\quad, a remark in \\text, or a comma or semicolon, where each
        piece has a relation of its own ("A = B \\qquad C = D", "x_1 = 1, x_2 = 2"); a piece without one belongs to
        the piece before it. An equation number "(3)" after a space goes; a comparison after one ("\\quad (x \\neq 0)",
        ", x > 0") is where the statement before it holds. Each: (tokens, separator before it, condition tokens)."""
        if not kept:
            return []
        base = min(self.depths[at].braces for at in kept)
        pieces: list[list[int]] = [[]]
        separators: list[int] = []
        skipped = 0
        for number, at in enumerate(kept):
            if skipped:
                skipped -= 1
                continue
            token, depth = self.found[at], self.depths[at]
            top = depth.braces == base and not depth.brackets
            word = self._typed_word(kept, number) if top and token.kind == "letter" and token.space_before else ""
            if word in ("or", "and") and self._has_relation(pieces[-1]) and self._has_relation(kept[number + len(word):]):
                separators.append(at)  # $Y = 0 or Y = 1$: the word typed in the maths without \text, between two statements
                pieces.append([])
                skipped = len(word) - 1
                continue
            remark = token.kind == "command" and token.text in TEXT_COMMANDS and top and self._is_remark(at) and self._text_of(at)[0].strip().lower() not in CONDITION_WORDS
            if top and number and token.kind == "letter" and self._has_relation(pieces[-1]) and self._wide_gap(kept[number - 1], at):
                separators.append(kept[number - 1])  # outh1 = sigmoid(h1)    outh1(h1) = sigmoid(h1): two statements
                pieces.append([])
            if top and (token.kind == "space" or remark or token.is_("symbol", ",", ";")):
                separators.append(at)
                pieces.append([])
                if remark:
                    pieces[-1].append(at)  # dropped with its words below
                continue
            pieces[-1].append(at)
        pieces, separators = self._ellipses_joined(pieces, separators)
        statements: list[tuple[list[int], str, tuple | None]] = []
        justified = None  # once a remark gives the line's reason: the index of the statement it justifies
        worded = False  # words stood between the last piece and this one (\quad\text{and}\quad)
        for number, piece in enumerate(pieces):
            separator = self.found[separators[number - 1]] if number else None
            cleaned = self._without_percentage(self._without_remarks(piece))
            if justified is None and statements and separator is not None and self._justifies(separators[number - 1]):
                justified = len(statements) - 1
            if justified is not None and cleaned:
                self._reason(cleaned, statements, justified)
                continue
            if not cleaned and piece:
                worded = True
            if not cleaned or self._is_signature(cleaned):
                continue  # J: \mathbb{R}^2 \to \mathbb{R}, the function's domain, before its formula
            if worded and statements and not self._has_relation(statements[-1][0]) and self._has_relation(cleaned) \
                    and self._relation_at(cleaned) > 0:
                statements[-1] = (cleaned, statements[-1][1], None)  # \tanh(u) \quad\text{and}\quad \frac{d}{du}\tanh(u) = ...: a
                worded = False  # name listed in words before a statement of its own, not the start of it
                continue
            worded = False
            if separator is not None and statements:
                if self._is_equation_number(cleaned):
                    continue
                worded = self._worded_condition(cleaned, CONDITION_WORDS)
                if worded is not None and statements[-1][2] is None:
                    statements[-1] = (statements[-1][0], statements[-1][1], worded)
                    continue
                binding = self._binding_column(separators[number - 1], cleaned, statements[-1])
                if binding is not None:
                    statements[-1] = (statements[-1][0], statements[-1][1], binding)
                    continue
                condition = self._comparison(cleaned, bracketed_only=separator.kind == "space") if self._has_relation(statements[-1][0]) else None
                if condition is not None and statements[-1][2] is None:  # (w, x \in R^n: a list of names, not w where x is in R^n)
                    statements[-1] = (statements[-1][0], statements[-1][1], (condition, "for"))
                    continue
                if not self._has_relation(cleaned) or not self._has_relation(statements[-1][0]):
                    glue = [separators[number - 1]] if separator.is_("symbol", ",", ";") else []
                    statements[-1] = (statements[-1][0] + glue + cleaned, statements[-1][1], statements[-1][2])
                    continue
            lead = self._leading_condition(statements)
            if lead is not None:
                statements[-1] = (cleaned, "", lead)
                continue
            statements.append((cleaned, "and" if statements else "", None))
        return statements

    def _typed_word(self, kept: list[int], number: int) -> str:
        """The letters from kept[number] on, typed together and set apart by spaces on both sides (" or ", " and "), as
        one word; "" where the letters run on into a name or a bracket."""
        letters = []
        for at in kept[number:number + 4]:
            token = self.found[at]
            if letters and (token.space_before or token.kind != "letter"):
                break
            if token.kind != "letter":
                return ""
            letters.append(token.text)
        after = number + len(letters)
        if after < len(kept) and not self.found[kept[after]].space_before:
            return ""
        return "".join(letters)

    def _leading_condition(self, statements: list) -> tuple | None:
        """The line so far is only a condition in words before its statement (\\text{if } i = j, \\frac{..}{..} = ...;
        {\\rm when}~x > 0: ...): the condition's tokens and word, where the statement after it holds. Else None."""
        if len(statements) != 1 or statements[0][2] is not None:
            return None
        return self._worded_condition(statements[0][0], CONDITION_WORDS | CASE_LEADS)

    def _worded_condition(self, piece: list[int], leads: frozenset) -> tuple | None:
        """A piece that opens with a condition's word in \\text (one of `leads`) and then states a relation
        (\\text{for } x > 0): (the relation's tokens, the word); else None."""
        lead = self.found[piece[0]]
        if lead.kind != "command" or lead.text not in TEXT_COMMANDS:
            return None
        words, end = self._text_of(piece[0])
        rest = [at for at in piece if at > end]
        if _lead_word(words) not in leads or not rest or not self._has_relation(rest):
            return None
        return rest, _lead_word(words)

    def _without_percentage(self, piece: list[int]) -> list[int]:
        """`= 0.659 (65.9%)`: the value again in percent, in brackets after it, is dropped (it was 0.659 times 0.659)."""
        found = [self.found[at] for at in piece[-4:]]
        percent = len(found) == 4 and found[0].is_("symbol", "(") and found[1].kind == "number" and found[3].is_("symbol", ")") \
            and (found[2].is_("symbol", "%") or found[2].is_("command", "%"))
        if percent and (len(piece) == 4 or self.found[piece[-5]].kind == "number"):
            return piece[:-4]
        return piece

    def _justifies(self, separator: int) -> bool:
        """The separator is a remark in \\text whose words give a reason (since, by definition of, recalling that)."""
        token = self.found[separator]
        if token.kind != "command" or token.text not in TEXT_COMMANDS:
            return False
        return bool(JUSTIFICATION.match(self._text_of(separator)[0].strip().lower()))

    def _reason(self, piece: list[int], statements: list, justified: int) -> None:
        """Maths in a line's reason: a value it sets (since y_j = 1, and so y_j = 0) is where the justified statement
        holds; a formula it recalls (recalling that a_j = ...) is a statement aside, checked alone; a name alone (by
        definition of a_j) is words. None of it goes on with the line's chain."""
        if not self._has_relation(piece):
            return
        tokens, separator, condition = statements[justified]
        binding = self._binding_chain(piece)
        if condition is None and binding is not None:
            statements[justified] = (tokens, separator, (binding, "where"))
            return
        if self._comparison(piece, bracketed_only=False) is not None:
            return  # since j \neq \tilde{y}: a reason, neither a value nor a claim of the line
        statements.append((piece, "aside", None))

    def _binding_chain(self, piece: list[int]) -> list[int] | None:
        """`y_j = 1`, `y_j = y_{\\tilde y} = 1`: a name's value, through other names equal to it (the first name and the
        last value); None for anything else."""
        equals = [n for n, at in enumerate(piece) if self.found[at].is_("symbol", "=")]
        if not equals:
            return None
        chained = piece[:equals[0]] + piece[equals[-1]:]
        middles = [piece[a + 1:b] for a, b in zip(equals, equals[1:])]
        if any(single_name([self.found[at] for at in middle], runs=True) is None for middle in middles):
            return None
        return chained if self._is_binding(chained) else None

    def _binding_column(self, separator: int, piece: list[int], before: tuple) -> tuple | None:
        """`&= \\frac{1}{1 + e^{-z}}, & z_2 = 0, z_1 = z`: names set to values in an align's next column, after the
        comma that ends a claim, are where that claim holds (each binding after a comma joins the first). Returns the
        statement's new condition (its tokens, "where"), or None."""
        tokens, _, condition = before
        if not self._is_binding(piece) or not self._has_relation(tokens):
            return None
        if condition is not None and condition[1] == "where":
            return condition[0] + [separator] + piece, "where"
        column = any(self.found[at].is_("symbol", "&") for at in range(separator + 1, piece[0]))
        return (piece, "where") if condition is None and column and self.found[separator].is_("symbol", ",") else None

    def _is_binding(self, piece: list[int]) -> bool:
        """`z_2 = 0`, `z_1 = z`: one name, `=`, a number or a name."""
        found = [self.found[at] for at in piece if self.found[at].kind != "space"]
        equals = [n for n, t in enumerate(found) if t.is_("symbol", "=")]
        if len(equals) != 1 or not 1 <= equals[0] <= 4 or not 1 <= len(found) - equals[0] - 1 <= 3:
            return False
        plain = lambda t: t.kind in ("letter", "number") or t.is_("symbol", "_", "{", "}", "-", ".")  # noqa: E731
        return found[0].kind == "letter" and all(plain(t) for n, t in enumerate(found) if n != equals[0])

    def _wide_gap(self, before: int, at: int) -> bool:
        """In a line typed without $...$, two spaces or more (or a tab) between two tokens."""
        if not self.plain or self.found[before].kind == "command":
            return False
        gap = self.tex[self.local[before] + len(self.found[before].text):self.local[at]]
        return (len(gap) >= 2 or "\t" in gap) and not gap.strip()

    def _is_signature(self, piece: list[int]) -> bool:
        """`f: \\mathbb{R}^n \\to \\mathbb{R}`: a function's domain and codomain, a declaration with no equation in it."""
        found = [self.found[at] for at in piece]
        colon = next((n for n, t in enumerate(found) if t.is_("symbol", ":")), None)
        arrow = any(t.is_("command", "to", "rightarrow", "longrightarrow") for t in found)
        sets = any(t.is_("command", "mathbb", "mathcal", "R") for t in found)
        return colon is not None and 0 < colon <= 4 and arrow and sets and not any(t.is_("symbol", "=") for t in found)

    def _ellipses_joined(self, pieces: list[list[int]], separators: list[int]) -> tuple[list, list]:
        """`k = 1, \\ldots, K`, `x_1, \\dots, x_n`: an ellipsis between commas joins the pieces on either side into one
        list (the statement's range, not three pieces)."""
        at = 1
        while at < len(pieces) - 1:
            alone = [i for i in pieces[at] if self.found[i].kind != "space"]
            commas = all(self.found[separators[i]].is_("symbol", ",") for i in (at - 1, at))
            if commas and len(alone) == 1 and self.found[alone[0]].is_("command", *LIST_ELLIPSES) and pieces[at - 1] and pieces[at + 1]:
                joined = pieces[at - 1] + [separators[at - 1]] + pieces[at] + [separators[at]] + pieces[at + 1]
                pieces = pieces[:at - 1] + [joined] + pieces[at + 2:]
                separators = separators[:at - 1] + separators[at + 1:]
            else:
                at += 1
        return pieces, separators

    def _is_equation_number(self, piece: list[int]) -> bool:
        """(3), (1a), (2.1): an equation's number after a space."""
        found = [self.found[at] for at in piece]
        return (len(found) in (3, 4) and found[0].is_("symbol", "(") and found[-1].is_("symbol", ")")
                and found[1].kind == "number" and (len(found) == 3 or found[2].kind == "letter"))

    def _comparison(self, piece: list[int], bracketed_only: bool) -> list[int] | None:
        """A piece that only says where the statement before it holds: (x \\neq 0), (x > 0), or (after a comma) x < 0:
        one name against a number or a name. Returns its tokens without the brackets, or None."""
        while piece and self.found[piece[-1]].is_("symbol", ".", ","):
            piece = piece[:-1]
        found = [self.found[at] for at in piece]
        inner = piece
        indices = len(found) == 3 and found[0].kind == found[2].kind == "letter" and len(found[0].text) == len(found[2].text) == 1 \
            and RELATION_NAMES.get(found[1].text) in ("==", "!=")  # \quad i = j, \quad i \neq j: the case the line is
        if len(found) >= 5 and found[0].is_("symbol", "(") and found[-1].is_("symbol", ")"):
            inner = piece[1:-1]
        elif bracketed_only and not indices:
            return None
        relations = [at for at in inner if self._relation(self.found[at], _Depth(0, 0, 0), 0)]
        if len(relations) != 1 or len(inner) > 12:
            return None
        relation = RELATION_NAMES.get(self.found[relations[0]].text)
        left = [self.found[at] for at in inner if at < relations[0]]
        right = [self.found[at] for at in inner if at > relations[0]]
        listed = len(right) == 5 and right[1].is_("symbol", ",") and right[2].is_("command", *LIST_ELLIPSES)  # k = 1, \\dots, K
        if inner is piece and relation == "==" and not indices and not listed:
            return None  # x_2 = 2 after a comma is a value given, not a condition
        simple = lambda side: 0 < len(side) <= 6 and not any(t.is_("symbol", "+", "*", "/") or t.kind == "command" and t.text in ("frac", "cdot", "times") for t in side)  # noqa: E731
        return inner if simple(left) and simple(right) else None

    def _without_remarks(self, piece: list[int]) -> list[int]:
        """Remarks in \\text inside a statement are dropped (their braces with them); names in \\text stay."""
        out, skip_to = [], -1
        for at in piece:
            if at <= skip_to:
                continue
            token = self.found[at]
            if token.kind == "space":
                continue
            if token.kind == "command" and token.text in TEXT_COMMANDS and self._is_remark(at):
                words, end = self._text_of(at)
                words = _lead_word(words)
                last = not any(self.found[i].kind != "space" for i in piece if i > end)
                if words not in CONDITION_WORDS | CASE_WORDS and not (last and self._case_in_words(words)):  # \text{for } x > 0 stays: the condition is read from it
                    skip_to = self._argument_end(at) or at
                    continue
            out.append(at)
        return out

    def _text_of(self, at: int) -> tuple[str, int]:
        """The words of \\text{..} at `at`, and the index of its closing brace."""
        end = self._argument_end(at)
        if end is None or end == at:
            return "", at
        words = []
        for token in self.found[at + 2: end]:
            words.append((" " if token.space_before else "") + (("\\" + token.text) if token.kind == "command" else token.text))
        return "".join(words), end

    def _is_remark(self, at: int) -> bool:
        """\\text{..} is a remark (prose), unless it is a name: one word followed by (, ', ^, _ or a relation,
        or standing where a value stands (\\text{FLOPs} = ..., 2 \\times \\text{batch})."""
        words, end = self._text_of(at)
        stripped = words.strip()
        if not stripped:
            return True
        if stripped in FUNCTIONS or stripped in BINARY_OPERATORS:
            return False  # \\text{ln}\\frac{2M}{\\delta}: a function's name, whatever follows; \\text{ mod }: an operator
        following = self.found[end + 1] if end + 1 < len(self.found) else None
        one_word = stripped.replace("-", "").replace("_", "").isalnum() and " " not in stripped
        if one_word and following is not None and (following.is_("symbol", "(", "'", "^", "_", "=") or following.kind == "command" and following.text in ("left", "cdot", "times")):
            return False
        named = stripped.split()
        before = next((t for t in reversed(self.found[:at]) if t.kind != "space"), None)
        first = before is None or before.is_("command", "\\") or before.is_("symbol", "&")  # first in its formula or on its line
        if 1 < len(named) <= 3 and all(word.isalnum() and word[0].isalpha() for word in named) and named[0].lower() not in CONDITION_WORDS | CONNECTIVES \
                and following is not None and following.is_("symbol", "=", "(") and (first or before.is_("symbol", "=")):
            return False  # \text{Naive Accuracy} = \frac{950}{1000}, \text{Data Loss}(w) = ...: named in words (\\ \text{Cross Entropy} = \text{Binary CE} = ...)
        if one_word and stripped.lower() not in CONDITION_WORDS | {"and", "or", "so", "thus", "hence", "i.e", "ie", "since", "then", "by", "using", "where", "s.t"}:
            before = self.found[at - 1] if at > 0 else None
            if before is not None and (before.kind == "command" and before.text in ("cdot", "times", "frac") or before.is_("symbol", "=", "+", "-", "*", "/", "(", "{")):
                return False
            if following is not None and following.is_("symbol", "+", "-", "*", "/", ")", "}") or following is not None and following.kind == "command" and following.text in RELATION_NAMES:
                return False
        return True

    def _has_relation(self, piece: list[int]) -> bool:
        return self._relation_at(piece) >= 0

    def _relation_at(self, piece: list[int]) -> int:
        """Where the piece's first relation stands among its tokens (0: it begins with one), -1 if it has none."""
        base = min((self.depths[at].braces for at in piece), default=0)
        return next((n for n, at in enumerate(piece) if self._relation(self.found[at], self.depths[at], base)), -1)

    # --- conditions

    def _condition(self, piece: list[int], last: bool) -> tuple[Side | None, str, list[int]]:
        """A condition at the end of a statement: \\text{for } x > 0, \\text{at } x = 0, (x \\neq 0) after a \\quad.
        Returns it (a side holding the relation), the word before it, and the statement without it."""
        for position, at in enumerate(piece):
            token = self.found[at]
            if token.kind == "command" and token.text in TEXT_COMMANDS and self.depths[at].braces == self.depths[piece[0]].braces:
                words, end = self._text_of(at)
                lead = _lead_word(words)
                if lead in CONDITION_WORDS and position > 0 and self._has_relation(piece[:position]):
                    rest = [i for i in piece[position:] if i > end]
                    if rest and self._has_relation(rest):
                        return self._side(rest), lead, piece[:position]
                if self._case_in_words(lead) and position > 0 and self._has_relation(piece[:position]) \
                        and not any(self.found[i].kind != "space" for i in piece[position:] if i > end):
                    return self._side([i for i in piece[position:] if i <= end]), lead, piece[:position]  # read as words: no mistake there
        return None, "", piece

    def _row_condition(self, kept: list[int]) -> tuple[Side | None, str, list[int]]:
        """`\\text{if } i \\neq j :& \\frac{\\partial y_i}{\\partial z_j} = ...`: a condition opening a row, ended by a colon or
        the row's &, holds for every statement of the row (read as `_worded_condition` reads one at a statement's start).
        Returns it, its word, and the row without it."""
        shown = [at for at in kept if self.found[at].kind != "space"]
        if not shown or self.found[shown[0]].kind != "command" or self.found[shown[0]].text not in TEXT_COMMANDS:
            return None, "", kept
        end = self._argument_end(shown[0]) or shown[0]
        stop = next((n for n, at in enumerate(shown) if at > end and self.found[at].is_("symbol", ":", "&")), None)
        worded = self._worded_condition(shown[:stop], ROW_CONDITION_WORDS) if stop else None
        if worded is None or len(worded[0]) > 8:
            return None, "", kept
        after = shown[stop:]
        while after and self.found[after[0]].is_("symbol", ":", "&"):
            after = after[1:]
        if not after or not self._has_relation(after):
            return None, "", kept
        return self._side(worded[0]), worded[1], [at for at in kept if at >= after[0]]

    @staticmethod
    def _case_in_words(lead: str) -> bool:
        """\\text{otherwise}, \\text{if object $k$ is present}: a case's condition said in words at the end of a row."""
        return lead in CASE_WORDS or lead.split(" ", 1)[0] in CASE_LEADS and " " in lead

    # --- splitting at relations

    def _relation(self, token: Token, depth, base: int) -> str | None:
        if depth.braces != base or depth.brackets:
            return None
        if token.kind == "symbol" and token.text in ("=", "<", ">"):
            return RELATION_NAMES[token.text]
        if token.kind == "command" and token.text in CHAIN_RELATIONS:
            return RELATION_NAMES[token.text]
        if token.kind == "command" and token.text in ("overset", "stackrel", "xrightarrow", "xleftarrow", "xlongequal"):
            return "=="
        return None

    def _implication(self, at: int) -> bool:
        """\\Rightarrow, \\implies, \\therefore, ...; and \\xrightarrow{s=1, p=?} whose label solves for something or sets
        values: what follows is a new statement, not equal to what precedes."""
        token, depth = self.found[at], self.depths[at]
        if depth.brackets or token.kind != "command":
            return False
        if token.text in IMPLICATIONS:
            return True
        if token.text in ("xrightarrow", "xLeftrightarrow", "xRightarrow"):
            label = self._arrow_label(at)
            return token.text != "xrightarrow" or any(t.is_("symbol", "?") for t in label) or any(t.is_("symbol", "=") for t in label) and any(t.kind == "number" for t in label)
        return False

    def _split(self, piece: list[int], is_separator) -> list[list[int]]:
        """Parts of a piece apart at the separators `is_separator(index)` finds at its own depth (their arguments go)."""
        base = min((self.depths[at].braces for at in piece), default=0)
        parts: list[list[int]] = [[]]
        skip_to = -1
        for at in piece:
            if at <= skip_to:
                continue
            if self.depths[at].braces == base and is_separator(at):
                parts.append([])
                if self.found[at].kind == "command" and self.found[at].text.startswith("x"):
                    skip_to = self._argument_end(at) or at
            else:
                parts[-1].append(at)
        return parts

    def _arrow_label(self, at: int) -> list:
        """The tokens of the label written over an arrow (\\xrightarrow{label}) at `at`; none when it has no braces."""
        end = self._argument_end(at)
        return self.found[at + 2:end] if end and end > at else []

    def _diagram(self, clause: list[int]) -> bool:
        """x \\xrightarrow{w_1} h \\xrightarrow{w_2} \\hat{y}: arrows labelled with a name draw a network (what feeds what,
        through which weight), not a chain of equal values."""
        for at in clause:
            token = self.found[at]
            if token.kind == "command" and token.text in ("xrightarrow", "xleftarrow"):
                label = [t for t in self._arrow_label(at) if t.kind != "space"]
                worded = any(t.kind == "command" and t.text in ("text", "textrm", "mathrm", "operatorname", "mbox", "textit") for t in label)
                if label and not worded and single_name(label) is not None:
                    return True
        return False

    def _sizes_only(self, indices: list[int]) -> bool:
        """Sizes multiplied with \\times, and only that (H \\times 1, (1 \\times H)[(H \\times M)(M \\times 1)]): a shape."""
        found = [self.found[at] for at in indices if self.found[at].kind != "space"]
        allowed = lambda t: t.kind == "number" or t.kind == "letter" and len(t.text) == 1 or t.is_("command", "times", "left", "right") \
            or t.is_("symbol", "(", ")", "[", "]", "+")  # noqa: E731
        end = next((n for n, t in enumerate(found) if not allowed(t)), len(found))
        rest = found[end:]  # W_1 : H \times M, b_1 : H \times 1: the first shape says what the line is, if another follows
        after = not rest or rest[0].is_("symbol", ",") or any(t.is_("symbol", ":") for t in rest) and not any(t.is_("symbol", "=") for t in rest)
        return any(t.is_("command", "times") for t in found[:end]) and after

    def _statement(self, clause: list[int], number: int, condition, words: str, named, explains: bool) -> Statement | None:
        """A chain's sides and relations; `NAME :` at the start labels it (read as NAME =)."""
        if not clause or self._diagram(clause):
            return None
        base = min(self.depths[at].braces for at in clause)
        sides: list[list[int]] = [[]]
        relations: list[str] = []
        position = 0
        labelled = False
        while position < len(clause):
            at = clause[position]
            token = self.found[at]
            relation = self._relation(token, self.depths[at], base)
            if token.is_("symbol", ":") and position + 1 < len(clause) and self.found[clause[position + 1]].is_("symbol", "="):
                relation, position = "defines", position + 1  # :=
            elif relation == "==" and position + 1 < len(clause) and self.found[clause[position + 1]].is_("symbol", ":"):
                relation, position = "defined by", position + 1  # x =: a^0, the name on the right defined
            elif token.is_("symbol", ":") and self.depths[at].braces == base and not relations and sides[-1] and self._is_label(sides[-1]):
                if self._sizes_only(clause[position + 1:]):
                    return None  # W_1 : H \times M, \hat y : (1 \times H)(H \times 1): a shape stated, not a value
                relation, labelled = "==", True  # \Sigma_1 : x_1 w_1 + ...
            elif relation == "<" and position + 1 < len(clause) and self.found[clause[position + 1]].is_("symbol", "="):
                relation, position = "<=", position + 1
            elif relation == ">" and position + 1 < len(clause) and self.found[clause[position + 1]].is_("symbol", "="):
                relation, position = ">=", position + 1
            elif relation == "==" and token.kind == "command" and token.text in ("overset", "stackrel", "xrightarrow", "xleftarrow", "xlongequal"):
                relation, position = self._annotated_relation(clause, position)
            if relation is not None:
                relations.append(relation)
                sides.append([])
            else:
                sides[-1].append(at)
            position += 1
        made = [self._side(side) for side in sides]
        if relations == ["defined by"]:
            made, relations = made[::-1], ["defines"]  # x =: a^0 is a^0 := x
        letters = [subscript_letters(side.tokens)[0] for side in made]
        made = [replace(side, beside=frozenset().union(*(letters[:n] + letters[n + 1:]))) if side else side for n, side in enumerate(made)]
        continues = not made[0] and len(made) > 1
        dangling = len(made) > 1 and not made[-1]
        if continues:
            made, relations = made, relations
        if not any(made):
            return None
        return Statement(tuple(made), tuple(relations), number, continues=continues, condition=condition, condition_words=words,
                         named=named, explains=explains, labelled=labelled, dangling=dangling)

    def _map_definition(self, piece: list[int], number: int, condition, words: str) -> Statement | None:
        """`f: x \\mapsto x^2`, `f: x \\rightarrow x`: a function given as a map, read as f(x) = x^2 (its variable one
        name, not a set: `f: \\mathbb{R} \\to \\mathbb{R}` is a signature)."""
        found = [self.found[at] for at in piece]
        colon = next((n for n, t in enumerate(found) if t.is_("symbol", ":")), None)
        arrow = next((n for n, t in enumerate(found) if t.is_("command", "mapsto", "longmapsto", "to", "rightarrow", "longrightarrow")), None)
        if colon is None or arrow is None or not 0 < colon < arrow < len(found) - 1 or any(t.is_("symbol", "=") for t in found):
            return None
        function, variable = single_name(found[:colon], runs=True), single_name(found[colon + 1:arrow], runs=True)
        if function is None or variable is None or variable.subscript or any(t.kind == "command" and t.text in ("mathbb", "mathcal", "R") for t in found):
            return None
        if not found[arrow].text.endswith("mapsto") and not any(t.kind == "letter" and t.text == variable.key for t in found[arrow + 1:]):
            return None  # f: X \to Y between sets; a map written with \to names its variable in its formula
        at = found[0].position
        applied = (*found[:colon], Token("symbol", "(", at), *found[colon + 1:arrow], Token("symbol", ")", at))
        left = Side(applied, f"{self._side(piece[:colon]).text}({self._side(piece[colon + 1:arrow]).text})", at)
        return Statement((left, self._side(piece[arrow + 1:])), ("==",), number, condition=condition, condition_words=words)

    def _annotated_relation(self, clause: list[int], position: int) -> tuple[str, int]:
        """\\overset{..}{=}, \\stackrel{..}{=}: an equals sign; \\xrightarrow{label}: "=" unless the label solves for
        something (p=?) or sets values (s=2): then what follows is a new statement ("implies")."""
        at = clause[position]
        token = self.found[at]
        first_end = self._argument_end(at)
        if token.text in ("overset", "stackrel"):
            second = (first_end or at) + 1
            if second < len(self.found) and self.found[second].is_("symbol", "{"):
                close = self._close(second)
                inner = [t for t in self.found[second + 1: close or second]]
                relation = "==" if [t.text for t in inner] == ["="] else ("approx" if inner and inner[0].text == "approx" else "==")
                label = self._text_of(at)[0]
                if "def" in label.replace(" ", "").lower():
                    relation = "defines"
                last = close if close is not None else second
            else:
                relation, last = "==", first_end or at
        else:
            label_tokens = self.found[at + 2: first_end] if first_end and first_end > at else []
            texts = [t.text for t in label_tokens]
            sets_values = "?" in texts or any(t.is_("symbol", "=") for t in label_tokens) and any(t.kind == "number" for t in label_tokens)
            relation, last = ("implies" if sets_values else "=="), first_end or at
        while position + 1 < len(clause) and clause[position + 1] <= last:
            position += 1
        return relation, position

    def _after_lead_sentence(self, indices: list[int]) -> list[int]:
        """The line after a sentence that leads into it and ends in a colon (对w_5进行更新：w_5^+ = ..., \\text{Updating }
        w_5\\text{ by}: w_5^+ = ...): the words, and a name among them, are not a side the chain equals (a label's colon,
        \\Sigma_1 : x_1 w_1, is one)."""
        if not indices:
            return indices
        base = self.depths[indices[0]].braces
        for position, at in enumerate(indices):
            token = self.found[at]
            if self._relation(token, self.depths[at], base) is not None:
                return indices
            if token.is_("symbol", ":") and self.depths[at].braces == base:
                after = indices[position + 1:]
                if after and not self.found[after[0]].is_("symbol", "=") and self._is_sentence(indices[:position]):
                    return after
                return indices
        return indices

    def _before_arrow_remark(self, indices: list[int]) -> list[int]:
        """The line before an arrow that points at it from a remark (= ... \\quad \\leftarrow \\text{here } y_i \\text{
        cancels}): the words and a name among them are a note beside the line, not the new value of an update."""
        if not indices:
            return indices
        base = self.depths[indices[0]].braces
        for position, at in enumerate(indices):
            token = self.found[at]
            if token.is_("command", *REMARK_ARROWS) and self.depths[at].braces == base and self._is_sentence(indices[position + 1:]):
                return indices[:position]
        return indices

    def _is_sentence(self, side: list[int]) -> bool:
        """Words that make a sentence (对w_5进行更新：, \\text{Updating } w_5\\text{ by}:): their \\text holds prose, a word of a
        script typed without spaces or two words at least, not one name."""
        words = " ".join(self._text_of(at)[0] for at in side if self.found[at].kind == "command" and self.found[at].text in TEXT_COMMANDS)
        return any(not char.isascii() and char.isalpha() for char in words) or len(words.split()) > 1

    def _is_label(self, side: list[int]) -> bool:
        """What may label a chain with ':': a name (\\Sigma_1, v_5, \\hat y, F'(1,1)), not an expression."""
        found = [self.found[at] for at in side]
        if not found or len(found) > 12:
            return False
        operators = [t for t in found if t.is_("symbol", "+", "-", "*", "/", "=") or t.kind == "command" and t.text in ("frac", "cdot", "times", "sum")]
        return not operators and (found[0].kind == "letter" or found[0].kind == "command")

    def _side(self, indices: list[int]) -> Side:
        """A side's tokens, and its source: the source of each run of adjacent tokens, runs joined by a space."""
        if not indices:
            return Side((), "", -1)
        runs: list[list[int]] = []
        for at in indices:
            if runs and at == runs[-1][-1] + 1:
                runs[-1].append(at)
            else:
                runs.append([at])
        pieces = []
        for run in runs:  # the lexer may reorder a run's tokens (f'_i is read f_i'): its widest span
            start = min(self.local[at] for at in run)
            end = max(self._end_of(at) for at in run)
            pieces.append(self.tex[start:end].strip())
        return Side(tuple(self.found[at] for at in indices), " ".join(p for p in pieces if p), self.found[indices[0]].position)

    def _end_of(self, at: int) -> int:
        """Where the token at `at` ends in the source: where the next token begins (or the formula ends)."""
        token, position = self.found[at], self.local[at]
        if at in self.call_ends:
            return self.call_ends[at]
        if token.kind == "command" and not self.tex.startswith("\\", position):
            return position + 1  # a command typed as a character (\\left< is \\left\\langle): that character
        if token.kind == "command":
            return position + len(token.text) + 1
        if token.is_("symbol", "'") and self.tex.startswith("^{", position) and "}" in self.tex[position:]:
            return self.tex.index("}", position) + 1  # ^{\\prime}: one prime
        if token.is_("symbol", "'") and self.tex.startswith("^\\", position):
            position += 1  # ^\\prime
        if token.kind == "symbol" and self.tex.startswith("\\", position) and self.tex[position + 1: position + 2].isalpha():
            end = position + 1  # a symbol typed as a command (\\prime for ', \\lbrack for [): the command is its source
            while end < len(self.tex) and self.tex[end].isalpha():
                end += 1
            return end
        if token.kind in ("number", "letter", "symbol") and at + 1 < len(self.found):
            nxt = self.local[at + 1]
            width = len(token.text) if token.kind != "number" else nxt - position
            return min(max(position + len(token.text), position + width), max(nxt, position + len(token.text)))
        return position + len(token.text)


@dataclass(frozen=True)
class _Depth:
    braces: int  # TeX groups { } and environments
    brackets: int  # ( ), [ ], \{ \}, \left \right
    transparent: int  # line environments (aligned, ...) among the braces


def _depths(found: list[Token], transparent_names: frozenset | set) -> list[_Depth]:
    """For each token, how deep it sits in braces (and environments) and in brackets. Unbalanced brackets in a
    formula (a line of an align may open what the next closes) count as none."""
    braces = brackets = transparent = 0
    out: list[_Depth] = []
    environments: list[bool] = []
    balance = 0
    for token in found:
        if token.is_("symbol", "(", "["):
            balance += 1
        elif token.is_("symbol", ")", "]"):
            balance -= 1
    use_brackets = balance == 0
    after_sizing = False
    for at, token in enumerate(found):
        closing = False
        if after_sizing:
            after_sizing = False
            out.append(_Depth(braces, brackets, transparent))
            continue
        if token.is_("symbol", "{"):
            braces += 1
        elif token.is_("symbol", "}"):
            closing = True
        elif token.is_("command", "begin"):
            name = "".join(t.text for t in found[at + 2: at + 12]).split("}")[0]
            line_environment = name in transparent_names
            environments.append(line_environment)
            braces += 1
            transparent += line_environment
        elif token.is_("command", "end"):
            closing = True
        elif token.is_("command", "left"):
            brackets += 1
            after_sizing = True
        elif token.is_("command", "right"):
            closing = True
            after_sizing = True
        elif token.is_("command", "{"):
            brackets += 1
        elif token.is_("command", "}"):
            closing = True
        elif use_brackets and token.is_("symbol", "(", "["):
            brackets += 1
        elif use_brackets and token.is_("symbol", ")", "]"):
            closing = True
        if closing:
            if token.is_("symbol", "}"):
                braces = max(0, braces - 1)
            elif token.is_("command", "end"):
                braces = max(0, braces - 1)
                if environments and environments.pop():
                    transparent = max(0, transparent - 1)
            else:
                brackets = max(0, brackets - 1)
            out.append(_Depth(braces, brackets, transparent))
            continue
        out.append(_Depth(braces, brackets, transparent))
    return out
