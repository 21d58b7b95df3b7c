"""Student LaTeX -> tokens with positions. No meaning here: the parser gives tokens their sense.

Unicode that students paste (σ, −, ·, ≤, ∑, ²) becomes the LaTeX it stands for, so the
parser meets one spelling of each thing; every token keeps the offset of the character it
came from, so an error can point at what the student typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from .dialect import GREEK, RELATIONS, SCRIPT_WRAPPERS, UNICODE, UNICODE_ACCENTS, unstyled


class LatexError(ValueError):
    """The text is not a well-formed answer; says what and where, and what would be accepted."""

    def __init__(self, message: str, text: str = "", position: int | None = None):
        self.message = message
        self.text = text
        self.position = position
        super().__init__(self._render())

    def _render(self) -> str:
        if self.position is None or not self.text:
            return self.message
        start = max(0, self.position - 30)
        snippet = self.text[start : self.position + 30].replace("\n", " ")
        caret = " " * (self.position - start) + "^"
        return f"{self.message} (at character {self.position + 1})\n{snippet}\n{caret}"


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "letter", "command", "symbol", "end"; in a write-up's formulas also "space" and "error"
    text: str  # the number's digits, the letter, the command without its backslash, the symbol
    position: int  # offset in the original text
    space_before: bool = False  # whitespace (or a spacing command) stood before it

    def is_(self, kind: str, *texts: str) -> bool:
        return self.kind == kind and (not texts or self.text in texts)


def first_digit_apart(found: list, at: int) -> bool:
    """\\frac12: TeX takes one digit of an unbraced number as an argument; the number token at `at` is split in two
    (in place). True when it was split."""
    token = found[at] if at < len(found) else None
    if token is None or token.kind != "number" or len(token.text) < 2:
        return False
    found[at:at + 1] = [Token("number", token.text[0], token.position, token.space_before), Token("number", token.text[1:], token.position + 1)]
    return True


# Thousands written 1{,}154{,}560, 61\,706, 61\;706, 1,154,560 or typed 61 706, 1 000 000: one number, not a
# product (61 706 was 61 times 706) or a list.
_GROUPED = re.compile(r"\d{1,3}(?:(?:\{,\}|\\[,;: ]|\\thinspace ?|,| |~)\d{3})+(?![\d])(?!\.\d)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_SECOND_POINT = re.compile(r"\.\d")  # after a decimal number: a second decimal point
# 6e-4, 1.5E3: a calculator's or a program's scientific notation, typed with no spaces and nothing after it
_EXPONENT = re.compile(r"[eE]([+-]?)(\d+)(?![\w.])")
_ROW_SPACE = re.compile(r"\*?\s*\[\s*-?(?:\d+\.?\d*|\.\d+)\s*(?:pt|em|ex|mm|cm|in|mu|bp|pc|dd|sp)\s*\]")
_COMMAND = re.compile(r"\\([A-Za-z]+)|\\(.)", re.DOTALL)
# Spacing that separates tokens and means nothing else (a thin space between digits is handled above); a backslash
# before a line's end is TeX's control space, as before a space.
_DELIMITER_SIZES = frozenset({"big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "middle"})
_SPACING = {",", ";", ":", "!", " ", "\n", "\t", "\r", "quad", "qquad", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits",
            "thinspace", "medspace", "thickspace", "enspace", "space", "negthinspace", "nonumber", "notag",
            "rm", "bf", "it", "sf", "tt", "cal",  # plain TeX's font switches: {\rm e}^x is e^x
            "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge"} | _DELIMITER_SIZES  # sizes
# Other spellings of one token: \lbrace is \{, \lbrack is [.
_SYNONYMS = {"lbrace": ("command", "{"), "rbrace": ("command", "}"), "lbrack": ("symbol", "["), "rbrack": ("symbol", "]"),
             "triangledown": ("command", "nabla"), "part": ("command", "partial"), "bigodot": ("command", "odot"), "bigtriangledown": ("command", "nabla"), "mathop": ("command", "operatorname"), "triangle": ("command", "Delta"), "cr": ("command", "\\"), "newline": ("command", "\\"), "mid": ("symbol", "|"), "vert": ("symbol", "|"),
             "mathbbm": ("command", "mathbb"), "mathds": ("command", "mathbb"), "dfrac": ("command", "frac"), "tfrac": ("command", "frac"),
             "nicefrac": ("command", "frac"), "sfrac": ("command", "frac"), "overrightarrow": ("command", "vec"),
             "bold": ("command", "mathbf"), "vb": ("command", "mathbf"), "vectorbold": ("command", "mathbf"),  # MathJax's \bold, physics' \vb
             "mleft": ("command", "left"), "mright": ("command", "right"), "prime": ("symbol", "'"),
             "colon": ("symbol", ":"),  # \colon as TeX spaces a colon: w \colon= w - g is :=, f \colon A \to B; mleftright's \mleft( .. \mright)
             "_": ("symbol", "_"), "*": ("symbol", "*")}  # x\_{0}, a \* b: maths escaped for Markdown (kramdown, Jekyll), as MathJax then reads it


def _escaped_script(source: str, at: int) -> bool:
    """After `\\_`: a group or one character standing alone follows (x\\_{0}, x\\_i), a subscript escaped for Markdown."""
    return source[at:at + 1] == "{" or source[at:at + 1].isalnum() and not source[at + 1:at + 2].isalnum()


def _translate(text: str) -> tuple[str, list[int]]:
    """Replace unicode by LaTeX; return the new text and, per new character, its original offset."""
    out: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        if not char.isascii() and _escaped(text, offset):  # \· in \newcommand\·{\cdot}: a command named by the character
            out.append(char)
            origin.append(offset)
            continue
        char = unstyled(char)
        replacement = UNICODE.get(char)
        letter, *marks = unicodedata.normalize("NFD", char) if replacement is None and not char.isascii() else (char,)
        if len(marks) == 1 and marks[0] in UNICODE_ACCENTS and letter.isascii() and letter.isalpha():  # ŷ
            replacement = rf"\{UNICODE_ACCENTS[marks[0]]}{{{letter}}}"
        elif char in UNICODE_ACCENTS and out and len(out[-1]) == 1 and out[-1].isascii() and out[-1].isalpha():  # x̂
            letter = out.pop()
            offset = origin.pop()
            replacement = rf"\{UNICODE_ACCENTS[char]}{{{letter}}}"
        if replacement is None:
            out.append(char)
            origin.append(offset)
        else:
            out.append(replacement)
            origin.extend([offset] * len(replacement))
    return "".join(out), origin


def _escaped(text: str, at: int) -> bool:
    """An odd run of backslashes stands before text[at] (\\\\ is a line break, not an escape)."""
    run = 0
    while at - run - 1 >= 0 and text[at - run - 1] == "\\":
        run += 1
    return run % 2 == 1


# Spacing a write-up's formulas keep as tokens: "A = B \\quad C = D" is two statements, "... \\quad (3)" a number.
_SEPARATING_SPACES = frozenset({"quad", "qquad"})


def tokens(text: str, offset: int = 0, tolerant: bool = False) -> list[Token]:
    """The tokens of `text`, ending in an "end" token. Raises LatexError for a character we never accept.

    For a write-up's formulas (`tolerant`): positions are `offset` + the offset in `text` (offsets in the whole
    document), a character we never accept becomes an "error" token for the parser to report where it is read,
    and \\quad, \\qquad stay as "space" tokens, which separate statements."""
    found = _cached_tokens(text, tolerant)
    return [replace(token, position=token.position + offset) for token in found] if offset else list(found)


@functools.lru_cache(maxsize=512)
def _cached_tokens(text: str, tolerant: bool) -> tuple[Token, ...]:
    """A text's tokens, cut once: a grade reads its answer twice (to decide, then in the notation it is shown in)."""
    return tuple(_tokens(text, tolerant))


_UPRIGHT = ("text", "mathrm", "textrm", "rm", "mathit", "textit")


def spelled_back(found) -> str:
    """Tokens written out as TeX again, the same wherever the formula came from: an image's address holds its formula
    encoded, a Markdown escape doubles its backslashes, so the source text under the tokens is not the formula.
    An upright font around plain letters is dropped (\\text{w}_3 is w_3, E_{\\text{total}} is E_{total})."""
    found = list(found)
    plain: list = []
    at = 0
    while at < len(found):
        token = found[at]
        closing = at + 2 + next((k for k, t in enumerate(found[at + 2:]) if t.is_("symbol", "}")), -at - 3)
        if token.is_("command", *_UPRIGHT) and at + 1 < len(found) and found[at + 1].is_("symbol", "{") and closing > at + 2 \
                and all(t.kind in ("letter", "number") for t in found[at + 2:closing]):
            plain += [replace(found[at + 2], space_before=token.space_before), *found[at + 3:closing]]
            at = closing + 1
            continue
        if token.is_("symbol", "_", "^") and at + 3 < len(found) and found[at + 1].is_("symbol", "{") and found[at + 3].is_("symbol", "}") \
                and found[at + 2].kind in ("letter", "number"):
            plain += [token, found[at + 2]]  # w_{3} is w_3
            at += 4
            continue
        plain.append(token)
        at += 1
    out: list[str] = []
    for token in plain:
        if token.kind in ("space", "end"):
            continue
        text = "\\" + token.text if token.kind == "command" else token.text
        after_word = bool(out) and re.fullmatch(r"\\[A-Za-z]+", out[-1]) is not None and text[:1].isalpha()
        if out and (token.space_before or after_word):
            out.append(" ")
        out.append(text)
    return "".join(out)


def _tokens(text: str, tolerant: bool) -> list[Token]:
    source, origin = _translate(text)
    found: list[Token] = []
    i, spaced, sized = 0, False, -1  # sized: where a dropped \bigl (a size for the delimiter after it) ended
    while i < len(source):
        char = source[i]
        where = origin[i] if i < len(origin) else len(text)
        if char.isspace() or char == "~":
            i, spaced = i + 1, True
            continue
        ascii_digit = "0" <= char <= "9"  # (str.isdigit is true of ² and ₁, which are no number here)
        grouped = _GROUPED.match(source, i) if ascii_digit else None
        plain_comma = re.search(r"(?<![{\\]),", grouped.group()) if grouped else None  # not {,} or \,
        if grouped and not (plain_comma and _inside_brackets(found)):
            digits = re.sub(r"\D", "", grouped.group())
            found.append(Token("number", digits, where, spaced))
            i, spaced = grouped.end(), False
            continue
        if tolerant and source.startswith("==", i):  # if $i == j$: a programmer's equality sign, one relation
            found.append(Token("symbol", "=", where, spaced))
            i, spaced = i + 2, False
            continue
        if tolerant and source.startswith("...", i):  # x_1, ..., x_n typed with full stops: an ellipsis
            found.append(Token("command", "dots", where, spaced))
            i, spaced = i + 3, False
            continue
        if ascii_digit or (char == "." and i + 1 < len(source) and "0" <= source[i + 1] <= "9"):
            number = _NUMBER.match(source, i)
            if _SECOND_POINT.match(source, number.end()) and "." in number.group():  # 1.1.1: not a number
                if not tolerant:
                    raise LatexError("a number with two decimal points: write one number (1.1), or a product with \\cdot", text, where)
                found.append(Token("error", source[i:number.end() + 2], where, spaced))
                i, spaced = number.end() + 2, False
                continue
            found.append(Token("number", number.group(), where, spaced))
            i, spaced = number.end(), False
            exponent = _EXPONENT.match(source, i)
            if exponent:  # 6e-4 is 6 \times 10^{-4}
                sign = [Token("symbol", "-", where)] if exponent.group(1) == "-" else []
                found += [Token("command", "times", where), Token("number", "10", where), Token("symbol", "^", where),
                          Token("symbol", "{", where), *sign, Token("number", exponent.group(2), where), Token("symbol", "}", where)]
                i = exponent.end()
            continue
        if char == "\\":
            command = _COMMAND.match(source, i)
            if command is None:
                if tolerant:
                    found.append(Token("error", "\\", where, spaced))
                    break
                raise LatexError("a lone backslash at the end", text, where)
            name = command.group(1) or command.group(2)
            i = command.end()
            if tolerant and name in _SEPARATING_SPACES:
                found.append(Token("space", name, where, spaced))
                spaced = True
                continue
            if tolerant and name == "_" and not _escaped_script(source, i):  # train\_loss: an underscore typed in a word, part of the name
                found.append(Token("letter", "_", where, spaced))  # (x\_{0}, x\_i: a subscript escaped for Markdown)
                spaced = False
                continue
            if name in _SPACING:
                spaced = True
                sized = i if name in _DELIMITER_SIZES else sized  # \bigl< : the size is dropped, the < is a bracket
                continue
            found.append(Token("command", name, where, spaced))
            spaced = False
            if name == "\\":  # \\[2pt]: a row break's extra space, not a bracket of 2 p t
                space = _ROW_SPACE.match(source, i)
                i = space.end() if space else i
            continue
        if char.isascii() and char.isalpha():
            found.append(Token("letter", char, where, spaced))
        elif char in "<>" and (sized == i or found and found[-1].is_("command", *_SIZED_DELIMITERS)):  # \left<, \bigl<: brackets
            found.append(Token("command", "langle" if char == "<" else "rangle", where, spaced))
        elif char in "+-*/^_()[]{}|,=<>!'&.;:%":
            found.append(Token("symbol", char, where, spaced))
        elif tolerant:
            found.append(Token("error", char, where, spaced))
        elif char == "$":
            raise LatexError("a '$' inside the answer: write the answer without dollar signs, or with one pair around all of it", text, where)
        else:
            raise LatexError(f"the character {char!r} is not part of the notation: write it in LaTeX", text, where)
        i, spaced = i + 1, False
    found.append(Token("end", "", len(text), spaced))
    return _normalized(found)


_SIZED_DELIMITERS = _DELIMITER_SIZES | {"left", "right"}  # what a delimiter may follow: \left<, \bigl< are brackets


def _normalized(found: list[Token]) -> list[Token]:
    """One spelling per token: x^{\\prime}, x^\\prime and x^{\\prime\\prime} are x', x' and x'' (one ' per prime);
    \\lbrace is \\{ (the _SYNONYMS); \\partial{x} is \\partial x; \\delta{_2} and \\delta{}_2 are \\delta_2; != typed together is \\ne; primes before a subscript go after it (y''_1 is y_1'')."""
    found = _spelled_once(found)
    found = _physics_derivatives(found) if any(token.is_("command", "dv", "pdv", "odv", "pfrac") for token in found) else found
    found = _over_as_frac(found) if any(token.is_("command", "over") for token in found) else found
    found = _boxes_as_row(found) if sum(token.is_("command", "boxed") for token in found) > 1 else found
    found = _double_braces_once(found) if any(a.is_("symbol", "{") and b.is_("symbol", "{") for a, b in zip(found, found[1:])) else found
    found = _maths_out_of_text(found) if any(token.is_("error", "$") for token in found) else found
    found = _prose_in_roman(found) if any(token.is_("symbol", "{") for token in found) else found
    found = _numbers_out_of_text(found) if any(token.kind == "command" and token.text in TEXT_COMMANDS for token in found) else found
    found = _script_prose(found) if any(token.kind == "error" and (_prose_letter(token.text) or _ascii_mark(token.text)) for token in found) else found
    found = partial_unbraced(found) if any(token.is_("command", "partial") for token in found) else found
    found = _scripts_unbraced(found) if any(token.is_("symbol", "{") for token in found) else found
    marks = {token.text for token in found if token.kind == "symbol"}
    found = _not_equal(found) if "!" in marks else found
    return _primes_after_subscripts(found) if "'" in marks and "_" in marks else found


TEXT_COMMANDS = frozenset({"text", "textrm", "mbox", "textit", "textbf", "textsf", "texttt", "hbox", "textnormal", "textup"})  # words in maths


def _physics_derivatives(found: list[Token]) -> list[Token]:
    """The physics (and derivative) package's derivatives, as Leibniz fractions: \\dv{f}{x} is \\frac{df}{dx}, \\pdv{f}{x}
    is \\frac{\\partial f}{\\partial x}, \\dv[2]{f}{x} the second derivative, \\pdv{f}{x}{y} the mixed one (\\partial^2 f over
    \\partial x \\partial y), \\pdv{x} alone the operator \\frac{\\partial}{\\partial x}. \\odv is the derivative package's \\dv;
    \\pfrac{L}{x}, a course template's partial fraction (its .sty is never in the text), is \\pdv{L}{x}.
    A form not of these shapes stays as written (and is refused where read)."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        token = found[at]
        taken = _derivative_macro(found, at) if token.is_("command", "dv", "pdv", "odv", "pfrac") else None
        if taken is None:
            out.append(token)
            at += 1
            continue
        tokens_, at = taken
        out += tokens_
    return out


def _derivative_macro(found: list[Token], at: int) -> tuple[list[Token], int] | None:
    """\\dv or \\pdv at `at` written out as a fraction, and the index after it; None for a shape not read."""
    token = found[at]
    where = token.position
    mark = [Token("command", "partial", where)] if token.text in ("pdv", "pfrac") else [Token("letter", "d", where)]
    following = at + 1
    if following < len(found) and found[following].is_("symbol", "*"):
        following += 1  # \dv*{f}{x}: typeset inline, the same derivative
    order: list[Token] = []
    if following < len(found) and found[following].is_("symbol", "["):
        close = next((k for k in range(following, min(following + 6, len(found))) if found[k].is_("symbol", "]")), None)
        if close is None or not all(t.kind in ("number", "letter") for t in found[following + 1:close]) or close == following + 1:
            return None
        order, following = list(found[following + 1:close]), close + 1
    groups = []
    while following < len(found) and found[following].is_("symbol", "{") and len(groups) < 3:
        close = group_end(found, following)
        if close is None:
            return None
        groups.append(found[following + 1:close])
        following = close + 1
    if not groups or any(not group for group in groups) or len(groups) == 3 and (order or token.text != "pdv"):
        return None
    open_, shut, frac = Token("symbol", "{", where), Token("symbol", "}", where), Token("command", "frac", where, token.space_before)
    last = replace(found[following - 1], space_before=False)  # the source's last brace: the fraction spans what was written
    power = [Token("symbol", "^", where), open_, *order, shut] if order else []
    if len(groups) == 1:  # the operator: \pdv{x} f
        return [frac, open_, *mark, *power, shut, open_, *mark, *groups[0], *power, last], following
    if len(groups) == 2:
        return [frac, open_, *mark, *power, *groups[0], shut, open_, *mark, *groups[1], *power, last], following
    two = [Token("symbol", "^", where), Token("number", "2", where)]
    return [frac, open_, *mark, *two, *groups[0], shut, open_, *mark, *groups[1], *mark, *groups[2], last], following


# Words a cases line or a condition sets in roman (\mathrm{if}, {\rm otherwise}): prose, as \text{if} is, not a product
# of letters (i times f). Only these: \mathrm{d}, \mathrm{softmax}, \mathrm{tr} stay names.
ROMAN_WORDS = frozenset({"if", "for", "when", "whenever", "otherwise", "else", "where", "and", "or", "iff"})


def _prose_letter(char: str) -> bool:
    """A letter of a script other than Latin (Han, kana, Hangul, Cyrillic...) or that script's punctuation: prose."""
    if len(char) != 1 or char.isascii() or char in UNICODE or _ascii_mark(char):
        return False  # an error token may hold more than one character (a stray command's text)
    return unicodedata.category(char)[0] in "LP"


def _ascii_mark(char: str) -> str | None:
    """The ASCII punctuation a full-width one stands for (，→ ,  ；→ ;  ：→ :  （→ (), as CJK keyboards type them in maths."""
    plain = unicodedata.normalize("NFKC", char) if len(char) == 1 else ""
    return plain if len(plain) == 1 and plain in ",;:()=+<>" else None


def _script_prose(found: list[Token]) -> list[Token]:
    """已知 z_1 = ..., 而 \\frac{..}{..}: words of another script typed straight into a display (outside \\text) are prose
    there, as \\text{已知} would be: each run of them is set in \\text, so a line's lead words are read as words."""
    out: list[Token] = []
    depth, opening, words = 0, False, []  # depth: braces open inside a \\text group (0: outside any)
    for token in found:
        if token.kind == "error" and _ascii_mark(token.text):
            token = Token("symbol", _ascii_mark(token.text), token.position, token.space_before)  # v_0=2，v_1=5: a comma
        elif token.kind == "error" and _prose_letter(token.text) and depth == 0:
            words.append(token)
            continue
        if words:
            where = words[0].position
            out += [Token("command", "text", where, words[0].space_before), Token("symbol", "{", where), *words, Token("symbol", "}", words[-1].position)]
            words = []
        if token.kind == "command" and token.text in TEXT_COMMANDS:
            opening = True
        elif token.is_("symbol", "{") and (opening or depth):
            depth, opening = depth + 1, False
        elif token.is_("symbol", "}") and depth:
            depth -= 1
        else:
            opening = False
        out.append(token)
    return out


def _prose_in_roman(found: list[Token]) -> list[Token]:
    """\\mathrm{if}, \\operatorname{otherwise}, and {\\rm if} (the font switch is dropped when cut, leaving braces that
    no command or script takes) around one of the ROMAN_WORDS: \\text{if}, words."""
    ends = _group_ends(found)
    out: list[Token] = []
    for at, token in enumerate(found):
        inner = found[at + 1:ends[at]] if at in ends else []
        word = "".join(t.text for t in inner).lower()
        if inner and all(t.kind == "letter" for t in inner) and not any(t.space_before for t in inner[1:]) and word in ROMAN_WORDS:
            before = out[-1] if out else None
            if before is not None and before.is_("command", "mathrm", "operatorname", "mathit"):
                out[-1] = replace(before, text="text")
            elif before is None or not (before.kind == "command" or before.is_("symbol", "_", "^")):
                out.append(Token("command", "text", token.position, token.space_before))
                token = replace(token, space_before=False)
        out.append(token)
    return out


def _text_group_end(found: list[Token], at: int) -> int | None:
    """Where the braced words of a \\text (\\mbox, \\textrm ...) starting at `at` close; None if no such group starts there."""
    token = found[at]
    if token.kind == "command" and token.text in TEXT_COMMANDS and at + 1 < len(found) and found[at + 1].is_("symbol", "{"):
        return group_end(found, at + 1)
    return None


def _numbers_out_of_text(found: list[Token]) -> list[Token]:
    """\\text{-0.01} \\times \\text{0.1} (a number set upright, as a line of words in numbers is typed): the number
    itself, sign and all; a group with any letter in it stays words."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        token = found[at]
        close = _text_group_end(found, at)
        inner = [t for t in found[at + 2:close] if t.kind != "space"] if close is not None else []
        signed = inner[1:] if inner and inner[0].is_("symbol", "-", "+") else inner
        if len(signed) == 1 and signed[0].kind == "number":
            out += [replace(inner[0], space_before=token.space_before), *inner[1:]]
            at = close + 1
            continue
        out.append(token)
        at += 1
    return out


def _maths_out_of_text(found: list[Token]) -> list[Token]:
    """\\text{if $x > 0$} (maths typed back inside words, in a cases condition) is \\text{if } x > 0: the maths between the
    dollars leaves the words, as TeX sets it, so a condition is read, not dropped with the words. Only maths that
    states a relation is taken out: in \\text{if object $k$ is present} the $k$ is a word of the sentence."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        token = found[at]
        close = _text_group_end(found, at)
        inner = found[at + 2:close] if close is not None else []
        dollars = [index for index, inside in enumerate(inner) if inside.is_("error", "$")]
        if close is None or not dollars or len(dollars) % 2 or not _relations_between(inner, dollars):
            out.append(token)
            at += 1
            continue
        words = True
        out += [token, found[at + 1]]
        for index, inside in enumerate(inner):
            if index in dollars:
                out += [Token("symbol", "}", inside.position)] if words else [Token("command", token.text, inside.position), Token("symbol", "{", inside.position)]
                words = not words
            else:
                out.append(inside)
        out.append(found[close])
        at = close + 1
        if len(out) >= 3 and out[-3].kind == "command" and out[-3].text in TEXT_COMMANDS and out[-2].is_("symbol", "{") and out[-1].is_("symbol", "}"):
            del out[-3:]  # the words after the last dollar were none
    return out


def _relations_between(inner: list[Token], dollars: list[int]) -> bool:
    """Each piece of maths between a pair of dollars states a relation (x > 0, i \\neq j)."""
    return all(any(token.kind in ("symbol", "command") and token.text in RELATIONS for token in inner[start + 1:end])
               for start, end in zip(dollars[::2], dollars[1::2]))


def _over_as_frac(found: list[Token]) -> list[Token]:
    """TeX's {a \\over b} is \\frac{a}{b} ({d \\over dz} g(z) the derivative operator, as \\frac{d}{dz} is); one \\over at the
    group's own level, each group on its own (nested ones too)."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        token = found[at]
        close = group_end(found, at) if token.is_("symbol", "{") else None
        if close is None:
            out.append(token)
            at += 1
            continue
        inner = found[at + 1:close]
        depth, overs = 0, []
        for index, inside in enumerate(inner):
            depth += inside.is_("symbol", "{") - inside.is_("symbol", "}")
            if depth == 0 and inside.is_("command", "over"):
                overs.append(index)
        if len(overs) != 1:
            out += [token, *_over_as_frac(inner), found[close]]
        else:
            over = inner[overs[0]]
            out += [Token("command", "frac", token.position, token.space_before), Token("symbol", "{", token.position),
                    *_over_as_frac(inner[:overs[0]]), Token("symbol", "}", over.position), Token("symbol", "{", over.position),
                    *_over_as_frac(inner[overs[0] + 1:]), found[close]]
        at = close + 1
    return out


def _group_ends(found: list[Token]) -> dict[int, int]:
    """Each { that is closed -> the index of its }, in one pass."""
    ends, opened = {}, []
    for index, token in enumerate(found):
        if token.is_("symbol", "{"):
            opened.append(index)
        elif token.is_("symbol", "}") and opened:
            ends[opened.pop()] = index
    return ends


def _double_braces_once(found: list[Token]) -> list[Token]:
    """{{dE}} is {dE}: a group that is all of the group around it groups nothing more (\\frac{{dE}}{{db}} is dE/db, as
    an equation editor writes it; read as two groups, the d's were products). One pass over the braces' pairs."""
    ends = _group_ends(found)
    dropped = {index for outer, close in ends.items() for inner in [outer + 1]
               if inner in ends and ends[inner] + 1 == close for index in (inner, ends[inner])}
    return [token for index, token in enumerate(found) if index not in dropped]


def _boxes_as_row(found: list[Token]) -> list[Token]:
    """\\boxed{2}\\boxed{3}\\boxed{4}: boxes drawn side by side are the cells of one row, as a tensor is drawn: the list
    [2, 3, 4] (one box alone is an answer marked, left to the formula reader)."""
    ends = _group_ends(found)
    out: list[Token] = []
    at = 0
    while at < len(found):
        cells, end = _boxed_run(found, at, ends)
        if len(cells) < 2:
            out.append(found[at])
            at += 1
            continue
        opened = found[at]
        out.append(Token("symbol", "[", opened.position, opened.space_before))
        for number, cell in enumerate(cells):
            if number:
                out.append(Token("symbol", ",", cell[0].position if cell else opened.position))
            out += cell
        out.append(Token("symbol", "]", found[end - 1].position))
        at = end
    return out


def _boxed_run(found: list[Token], at: int, ends: dict) -> tuple[list[list[Token]], int]:
    """The contents of the boxes written one after another from `at` (spaces between them allowed), and the index after."""
    spans: list[tuple[int, int]] = []
    while at + 1 < len(found) and found[at].is_("command", "boxed") and found[at + 1].is_("symbol", "{"):
        close = ends.get(at + 1)
        if close is None:
            break
        spans.append((at + 2, close))
        at = close + 1
        while at < len(found) and found[at].kind == "space":
            at += 1
    return ([found[start:close] for start, close in spans] if len(spans) > 1 else []), at


def partial_unbraced(found) -> list[Token]:
    """\\partial{x}, \\partial {w_1}: \\partial takes no argument, so the braces after it group nothing and go
    (\\partial x is the one spelling the Leibniz readers meet); a group holding a sum or a difference keeps them."""
    out = list(found)
    at = 0
    while at + 1 < len(out):
        if out[at].is_("command", "partial") and out[at + 1].is_("symbol", "{"):
            close = _script_end(out, at)
            inner = out[at + 2:close - 1] if close is not None else []
            depth, summed = 0, False
            for token in inner:
                depth += token.is_("symbol", "{", "(", "[") - token.is_("symbol", "}", ")", "]")
                summed = summed or (depth == 0 and token.is_("symbol", "+", "-"))
            if inner and not summed:
                out[at + 1:close] = [replace(inner[0], space_before=True), *inner[1:]]
        at += 1
    return out


def _scripts_unbraced(found: list[Token]) -> list[Token]:
    """\\delta{_2} and \\delta{}_2: a script set in braces, or after an empty group, right after a name, which TeX shows
    as \\delta_2 (a slip of braces, or the {}_2 spacing idiom): the braces go. So do an equation editor's braces around
    a name before its script ({ w }_{ 1 }, { zh }_{ 1 }, { e }^{ -x }: w_1, zh_1, e^{-x})."""
    out = _names_unbraced(list(found))
    at = 1
    while at + 2 < len(out):
        named = out[at - 1].kind == "letter" or out[at - 1].kind == "command" and out[at - 1].text in GREEK  # not \\widehat{}^2
        if named and out[at].is_("symbol", "{") and out[at + 1].is_("symbol", "}") and out[at + 2].is_("symbol", "_", "^"):
            del out[at:at + 2]  # \delta{}_2
        elif named and out[at].is_("symbol", "{") and out[at + 1].is_("symbol", "_", "^"):
            close = _script_end(out, at - 1)  # the group from `at`
            if close is not None and close - at > 2:
                out[at:close] = out[at + 1:close - 1]  # \delta{_2}
        at += 1
    return out


def _names_unbraced(found: list[Token]) -> list[Token]:
    """An equation editor's spaced braces (a space inside, after the brace): { w }_{ 1 } is w_1, { e }^{ -x } is e^{-x},
    { d }b_{ 2 } is db_2 (braces around one letter group nothing); { zh }_{ 1 } is the one name zh_1, as \\mathrm{zh}_1
    (the braces say the letters are one name; before a superscript they may be a product); in { dw }_{ i } the d is a
    differential (or dW's d), read as dw_i typed plainly. One pass, each brace looked at a bounded way ahead."""
    openers = {close: opener for opener, close in _group_ends(found).items()}
    out: list[Token] = []
    at = 0
    while at < len(found):
        inner = _spaced_name(found, at) if not _an_argument(found, at, openers) else None
        if inner is None:
            out.append(found[at])
            at += 1
            continue
        opened, close = found[at], at + len(inner) + 1
        after = found[close + 1] if close + 1 < len(found) else None
        if len(inner) == 1 or after is not None and inner[0].text == "d" and after.is_("symbol", "_"):
            out += [replace(inner[0], position=opened.position, space_before=opened.space_before), *inner[1:]]
        elif after is not None and after.is_("symbol", "_"):
            out += [Token("command", "mathrm", opened.position, opened.space_before), replace(opened, space_before=False), *inner, found[close]]
        else:
            out += found[at:close + 1]
        at = close + 1
    return out


NAME_RUN = 12  # the most letters braced as one name ({ zh }, { dzo }) that the editor's braces are read around


TAKE_NO_ARGUMENT = frozenset({"\\", "quad", "qquad", ",", ";", ":", "!", "cdot", "times", "ast", "pm", "mp", "div", "odot",
                              "circ", "hline", "left", "right"}) | GREEK
TWO_ARGUMENTS = frozenset({"frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "overset", "underset", "stackrel", "textcolor", "colorbox", "cancelto"})


def _an_argument(found: list[Token], at: int, openers: dict) -> bool:
    """The group at `at` is a command's argument: right after the command (\\mathbb{R}^d, \\hat{y}_1) or the second of a
    command that takes two (the b of \\frac{a}{ b }); after a script's group ({ w }_{ 1 }{ x }) or a fraction it is not."""
    before = at - 1
    if before >= 0 and found[before].kind == "command":
        return found[before].text not in TAKE_NO_ARGUMENT  # (after a line break or \\cdot a group is no argument)
    opener = openers.get(before) if before >= 0 and found[before].is_("symbol", "}") else None
    return opener is not None and opener > 0 and found[opener - 1].kind == "command" and found[opener - 1].text in TWO_ARGUMENTS


def _spaced_name(found: list[Token], at: int) -> list[Token] | None:
    """The letters (or the one Greek letter) of { zh } at `at`, typed with a space after the brace, or of {x} before a
    script (a Word export's {x}_{11}); else None."""
    if not found[at].is_("symbol", "{"):
        return None
    end = at + 1
    while end < len(found) and end - at <= NAME_RUN and found[end].kind == "letter":
        end += 1
    if end == at + 1 and end < len(found) and found[end].kind == "command" and found[end].text in GREEK:
        end += 1  # { \\theta }^{ \\top }
    inner = found[at + 1:end]
    if not inner or end >= len(found) or not found[end].is_("symbol", "}"):
        return None
    scripted = end + 1 < len(found) and found[end + 1].is_("symbol", "_", "^")  # {x}_{11}: one letter's braces, unspaced
    return inner if inner[0].space_before or len(inner) == 1 and scripted else None


def _not_equal(found: list[Token]) -> list[Token]:
    """x != 3: a programmer's not-equal, when ! and = are typed together (n! = 6, spaced, stays a factorial)."""
    out: list[Token] = []
    for token in found:
        if token.is_("symbol", "=") and not token.space_before and out and out[-1].is_("symbol", "!"):
            bang = out.pop()
            out.append(Token("command", "ne", bang.position, bang.space_before))
            continue
        out.append(token)
    return out


def group_end(found, at: int) -> int | None:
    """The index of the } closing the { at `at`; None if it is never closed."""
    depth = 0
    for index in range(at, len(found)):
        depth += found[index].is_("symbol", "{") - found[index].is_("symbol", "}")
        if depth == 0:
            return index
    return None


def _script_end(found: list[Token], underscore: int) -> int | None:
    """The index after a subscript that starts at `underscore`: one token, or a braced group."""
    if underscore + 1 >= len(found) or found[underscore + 1].kind == "end":
        return None
    if not found[underscore + 1].is_("symbol", "{"):
        return underscore + 2
    close = group_end(found, underscore + 1)
    return close + 1 if close is not None else None


def _spelled_once(found: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(found):
        token = found[i]
        if token.is_("symbol", "^") and i + 1 < len(found):
            braced = found[i + 1].is_("symbol", "{")
            j = i + 2 if braced else i + 1
            primes = 0
            while j < len(found) and (found[j].is_("command", "prime") or braced and found[j].is_("symbol", "'")):
                primes, j = primes + 1, j + 1  # x^{\\prime}, and x^{'} as an equation editor writes it
            closed = not braced or (j < len(found) and found[j].is_("symbol", "}"))
            if primes and closed and (braced or primes == 1):
                out += [Token("symbol", "'", token.position, token.space_before)] * primes
                i = j + 1 if braced else j
                continue
        if token.is_("command", "text", "textrm", "mathrm", "mbox") and _number_in_braces(found, i + 1):
            i += 1  # \text{1e-1}: a number typed as text is the number
            continue
        operator = _big_operator_named(found, i) if token.is_("command", "mathop") else None
        if operator is not None:  # \mathop \sum \limits_{..}, \mathop{\lim}: an equation editor's wrapping of \sum, \lim
            out.append(found[operator])
            i = operator + 2 if found[operator - 1].is_("symbol", "{") else operator + 1
            continue
        synonym = _SYNONYMS.get(token.text) if token.kind == "command" else None
        out.append(Token(*synonym, token.position, token.space_before) if synonym else token)
        i += 1
    return _primes_after_subscripts(out)


BIG_OPERATORS = frozenset({"sum", "prod", "lim", "max", "min", "sup", "inf", "int", "iint", "oint", "liminf", "limsup", "arg"})


def _big_operator_named(found: list[Token], at: int) -> int | None:
    """At \\mathop: the index of the big operator it wraps (\\mathop \\sum, \\mathop{\\sum}), else None (\\mathop{softmax}
    names an operator, read as \\operatorname)."""
    braced = at + 3 < len(found) and found[at + 1].is_("symbol", "{") and found[at + 3].is_("symbol", "}")
    inside = at + 2 if braced else at + 1
    if inside < len(found) and found[inside].kind == "command" and found[inside].text in BIG_OPERATORS:
        return inside
    return None


def _primes_after_subscripts(found: list[Token]) -> list[Token]:
    """g'_j and y''_1 are g_j' and y_1'': primes written before a subscript move after it."""
    out = list(found)
    i = 0
    while i < len(out):
        if not out[i].is_("symbol", "'") or (i and out[i - 1].is_("symbol", "'")):
            i += 1
            continue
        primes = i
        while primes < len(out) and out[primes].is_("symbol", "'"):
            primes += 1
        if primes + 1 < len(out) and out[primes].is_("symbol", "_"):
            end = primes + 2
            opens = primes + 2 if out[primes + 1].kind == "command" and out[primes + 1].text in SCRIPT_WRAPPERS else primes + 1
            if opens < len(out) and out[opens].is_("symbol", "{"):  # _{j}, or _\mathrm{tanh}: the command and its group
                depth = 0
                for end in range(opens, len(out)):
                    depth += out[end].is_("symbol", "{") - out[end].is_("symbol", "}")
                    if depth == 0:
                        break
                end += 1
            out[i:end] = out[primes:end] + out[i:primes]
            i = end
            continue
        i = primes
    return out


def _number_in_braces(found: list[Token], at: int) -> bool:
    """{1e-1}, {0.5}: a group holding one number (its exponent read as \\times 10^{...})."""
    if at + 2 >= len(found) or not found[at].is_("symbol", "{") or found[at + 1].kind != "number":
        return False
    depth, j = 0, at
    for j in range(at, len(found)):
        depth += found[j].is_("symbol", "{") - found[j].is_("symbol", "}")
        if depth == 0:
            break
        if not (found[j].kind == "number" or found[j].is_("symbol", "{", "}", "^", "-") or found[j].is_("command", "times")):
            return False
    return depth == 0 and j > at + 1


def _inside_brackets(found: list[Token]) -> bool:
    """Inside ( or [, a plain comma separates entries: (1,000) is a pair, 1{,}000 still one number."""
    depth = 0
    for token in reversed(found):
        if token.kind == "symbol" and token.text in ")]":
            depth += 1
        elif token.kind == "symbol" and token.text in "([":
            if depth == 0:
                return True
            depth -= 1
    return False
