"""Names in a formula's tokens, keyed as the parser keys the symbols it makes.

A name is a letter, a Greek letter, a word the notation says is one (``net``, ``out``), a word in
``\\text``/``\\mathrm``, or a decorated letter (``\\hat{y}``), with what it carries: a subscript
(``w_{kj}``, ``\\Sigma_1``, ``z1`` typed together), a layer mark (``a^{(2)}``), an update mark
(``w^{new}``, ``w_6^{+}``) and primes. The notation stage scans every formula of a write-up this
way before any is read, so kinds and shapes come from the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import dialect
from ..lexer import Token
from ..parsing import listed_label, names_the_sum, plain_name, superscript_label, typed_plus_mark, unbraced_script_end

NAME_FONTS = frozenset({"mathbf", "boldsymbol", "bm", "vec", "mathit", "mathnormal", "pmb", "mathsf", "mathcal", "mathbb", "mathscr", "mathfrak"})
BOLD_FONTS = ("mathbf", "boldsymbol", "bm", "vec", "pmb")
WORD_COMMANDS = frozenset({"text", "textrm", "mathrm", "operatorname", "textit", "textbf", "mathit", "mbox"})


@dataclass(frozen=True)
class Name:
    """One name as written, with where it stands among the tokens (start and end: indices, end exclusive)."""

    key: str  # the parser's symbol name: "w_3", "Sigma_1", "\\hat{y}", "a^(2)_1", "net_h1"
    base: str  # without subscript, layer or primes: "w", "Sigma", "\\hat{y}", "net"
    subscript: tuple[Token, ...]
    start: int
    end: int
    bold: bool = False  # \mathbf, \boldsymbol, \bm, \vec: written as a vector
    layer: str = ""  # the (2) of a^{(2)}
    mark: str = ""  # the update mark of w^{new}
    primes: int = 0
    word: bool = False  # a word (net, FLOPs) rather than a letter
    transposed: bool = False  # u^T_k: the transpose written before the subscript, TeX's u_k^T (the name ends after both)

    @property
    def indices(self) -> tuple[str, ...]:
        """The subscript's pieces as letters or numbers: w_{kj} -> (k, j), x_1 -> (1,), z_{i,j} -> (i, j)."""
        pieces = [t.text for t in self.subscript if t.kind in ("letter", "number")]
        if any(t.is_("symbol", ",") for t in self.subscript):
            return tuple(pieces)
        if len(pieces) == 1 and pieces[0].isalpha() and len(pieces[0]) > 1:
            return tuple(pieces[0])
        return tuple(pieces)


def subscript_raw(found) -> str:
    """A subscript's tokens as the parser spells them (Subscript.raw)."""
    return "".join((("\\" + t.text + " ") if t.kind == "command" else t.text) for t in found).strip()


def key_of(base: str, subscript=(), layer: str = "", primes: int = 0) -> str:
    key = f"{base}^({layer})" if layer else base
    if subscript:
        key = plain_name(f"{key}_{{{subscript_raw(subscript)}}}")
    else:
        key = plain_name(key)
    return key + "'" * primes


class Scanner:
    """Reads names off a token list; `words` are letter runs the notation takes as one name (net, out)."""

    def __init__(self, found, words: frozenset = frozenset(), digits_name: bool = True, runs: bool = False):
        self.found = list(found)
        self.words = words
        self.digits_name = digits_name
        self.runs = runs  # any letters typed together are one name (before the notation has said which are)

    def at(self, index: int, kind: str, *texts: str) -> bool:
        return index < len(self.found) and self.found[index].is_(kind, *texts)

    def group_end(self, index: int) -> int | None:
        """The index of the } closing the { at `index`."""
        depth = 0
        for at in range(index, len(self.found)):
            if self.found[at].is_("symbol", "{"):
                depth += 1
            elif self.found[at].is_("symbol", "}"):
                depth -= 1
                if depth == 0:
                    return at
        return None

    def word_run(self, index: int) -> int:
        """How many letters typed together start at `index` (no space between)."""
        run = index
        while run < len(self.found) and self.found[run].kind == "letter" and (run == index or not self.found[run].space_before):
            run += 1
        return run - index

    def name_at(self, index: int) -> Name | None:
        """The name starting at `index`, or None."""
        token = self.found[index] if index < len(self.found) else None
        if token is None:
            return None
        bold = word = False
        if token.kind == "letter":
            run = self.word_run(index)
            text = "".join(t.text for t in self.found[index:index + run])
            if run >= 3 and text in dialect.GREEK and text not in dialect.FUNCTIONS:
                base, end = text, index + run  # alpha, sigma typed as letters: the Greek letter, as the parser reads it
            elif run >= 2 and (self.runs or text in self.words or text in dialect.FUNCTIONS or text in dialect.VARIADIC):
                base, end, word = text, index + run, True  # net, out (the notation's words); GELU, tanh typed as letters
            else:
                base, end = token.text, index + 1
        elif token.is_("command", "Delta") and self._increment_letter(index + 1) is not None:
            letter, end = self._increment_letter(index + 1)
            base = f"\\Delta {letter}"  # \\Delta w, \\Delta{w}: the increment of w, one name (as the parser reads it)
        elif token.kind == "command" and (token.text in dialect.GREEK or token.text in ("ell", "nabla")
                                           or token.text == "sum" and names_the_sum(self.found[index:index + 8])):
            base, end = token.text, index + 1  # \\sum alone: "the sum", as the parser reads it
        elif token.kind == "command" and (token.text in dialect.DECORATIONS or token.text in NAME_FONTS or token.text in WORD_COMMANDS):
            inner = self._braced_word(index + 1)
            if inner is None:
                return None
            letters, end = inner
            if not letters or not (letters[0].isalpha() or letters.startswith("\\")):
                return None
            if token.text in dialect.DECORATIONS:
                accent = {"widehat": "hat", "widetilde": "tilde", "overline": "bar"}.get(token.text, token.text)
                bold = letters.startswith(tuple(f"\\{font}{{" for font in BOLD_FONTS))  # \\hat{\\mathbf{y}}: a bold y, hatted
                inside = self._subscripted_inside(index + 1)
                if inside is not None:  # \\hat{y_i} is \\hat{y}_i, as the parser reads it: the entry i of \\hat{y}
                    letter, subscript = inside
                    return self._scripts(plain_name(f"\\{accent}{{{letter}}}"), index, end, bold, word, subscript)
                base = plain_name(f"\\{accent}{{{letters}}}")
            else:
                bold = token.text in BOLD_FONTS
                inside = self._decorated_inside(index + 1, end - 1)
                if inside is not None:  # \\mathbb{\\hat{y}}, \\mathbf{\\hat{y_i}}: the decorated name, as the parser reads it
                    return self._scripts(inside.base, index, end, bold or inside.bold, inside.word, inside.subscript)
                base = letters.lstrip("\\")
                word = len(base) > 1 and base not in dialect.GREEK
        elif token.is_("symbol", "{"):  # {y}_k, {y}_{j} (as equation editors and sympy print): the braced name, then its scripts
            close = self.group_end(index)
            inner = self.name_at(index + 1) if close is not None else None
            if inner is None or inner.end != close or inner.subscript or inner.layer or inner.mark or inner.primes:
                return None
            base, end, bold, word = inner.base, close + 1, inner.bold, inner.word
        else:
            return None
        return self._scripts(base, index, end, bold, word)

    def _increment_letter(self, index: int) -> tuple[str, int] | None:
        """The one letter \\Delta is the increment of, at `index` (w or {w}), and the index after it; else None."""
        if self.at(index, "symbol", "{") and index + 2 < len(self.found) and self.found[index + 1].kind == "letter" \
                and len(self.found[index + 1].text) == 1 and self.at(index + 2, "symbol", "}"):
            return self.found[index + 1].text, index + 3
        if index < len(self.found) and self.found[index].kind == "letter" and len(self.found[index].text) == 1 and self.word_run(index) == 1:
            return self.found[index].text, index + 1
        return None

    def _braced_word(self, index: int) -> tuple[str, int] | None:
        """The letters of {..} at `index` (or one token), and the index after them. A subscript inside
        (\\hat{y_1}) is kept: 'y_1'."""
        if self.at(index, "symbol", "{"):
            close = self.group_end(index)
            if close is None:
                return None
            inner = self.found[index + 1:close]
            text = "".join(("\\" + t.text) if t.kind == "command" else t.text for t in inner if t.kind != "space")
            return text, close + 1
        if index < len(self.found):
            token = self.found[index]
            if token.kind == "letter":
                return token.text, index + 1
            if token.kind == "command" and token.text in dialect.GREEK:
                return "\\" + token.text, index + 1
        return None

    def _decorated_inside(self, opening: int, closing: int) -> Name | None:
        """The decorated name that alone fills a font's braces (\\mathbb{\\hat{y}}), else None."""
        if not self.at(opening, "symbol", "{") or not self.at(opening + 1, "command", *dialect.DECORATIONS):
            return None
        inner = [t for t in self.found[opening + 1:closing] if t.kind != "space"]
        name = Scanner(inner, self.words, self.digits_name).name_at(0)
        return name if name is not None and name.end == len(inner) else None

    def _subscripted_inside(self, index: int) -> tuple[str, tuple] | None:
        """{y_i}, {y_{ik}} after a decoration: the letter and its subscript's tokens; None for anything else."""
        close = self.group_end(index) if self.at(index, "symbol", "{") else None
        inner = [t for t in self.found[index + 1:close] if t.kind != "space"] if close is not None else []
        if len(inner) < 3 or not inner[1].is_("symbol", "_") or not (inner[0].kind == "letter" and len(inner[0].text) == 1
                                                                   or inner[0].kind == "command" and inner[0].text in dialect.GREEK):
            return None
        script = inner[2:]
        if script[0].is_("symbol", "{") and script[-1].is_("symbol", "}"):
            script = script[1:-1]
        if not script or len(script) > 1 and not inner[2].is_("symbol", "{"):
            return None
        letter = inner[0].text if inner[0].kind == "letter" else "\\" + inner[0].text
        return letter, tuple(script)

    def _scripts(self, base: str, start: int, end: int, bold: bool, word: bool, subscript: tuple = ()) -> Name:
        """The subscript, layer, update mark and primes after a name's base."""
        layer = mark = bracketed = ""
        primes, transposed = 0, False
        for _ in range(4):
            if not subscript and self._digits_typed_on(base, end, word):
                subscript, end = (self.found[end],), end + 1  # z1, w5, ao1, delta2: a letter (a word, a Greek letter spelled)
                continue  # and digits typed together; a prime may follow (net1^{'}, the pre-activation)
            if self.at(end, "symbol", "_") and not subscript:
                read = self._subscript_at(end)
                if read is None:
                    break
                subscript, end = read
                continue
            if self.at(end, "symbol", "^") and not subscript and not transposed:
                after = self._transpose_end(end + 1)
                read = self._subscript_at(after) if after is not None and self.at(after, "symbol", "_") else None
                if read is not None:  # u^T_k, x^{\top}_{i}: the name u_k, transposed
                    (subscript, end), transposed = read, True
                    continue
            if self.at(end, "symbol", "^") and not layer and not mark:
                found = self._superscript_mark(end + 1)
                if found is None:
                    break
                kind, text, end = found
                if kind == "layer":
                    layer = text
                elif kind == "bracketed":
                    bracketed = text
                else:
                    mark = text
                continue
            if self.at(end, "symbol", "'"):
                while self.at(end, "symbol", "'"):
                    primes, end = primes + 1, end + 1
                continue
            break
        if not mark and typed_plus_mark(self.found, end):
            mark, end = "+", end + 1  # w5+ = ..., W+_{A}: typed for w_5^{+}
            read = self._subscript_at(end) if not subscript and self.at(end, "symbol", "_") else None
            if read is not None:
                subscript, end = read
        if bracketed and subscript:
            layer = bracketed  # a_i^{[L-1]}, \omega_{ji}^{[L]}: an entry of layer L's array, as a_i^{(L-1)} (the parser agrees)
        elif bracketed:
            mark = f"[{bracketed}]"  # W^{[1]} alone keeps its name as written
        key = key_of(base, subscript, layer, primes) + (f"^{{{mark}}}" if mark else "")
        return Name(key, base, subscript, start, end, bold, layer, mark, primes, word, transposed)

    def _digits_typed_on(self, base: str, at: int, word: bool) -> bool:
        """Digits typed right after a name's letter, a word or a spelled Greek letter (z1, w5, ao1, delta2): its subscript."""
        return self.digits_name and self.at(at, "number") and not self.found[at].space_before and base.isalpha() \
            and (len(base) == 1 or word or base in dialect.GREEK and base not in dialect.CONSTANTS) and self.found[at].text.isdigit()

    def _transpose_end(self, at: int) -> int | None:
        """Where a transpose's script starting at `at` ends (T, \\top, \\intercal, or one of them braced), else None."""
        marks = ("top", "intercal")
        if self.at(at, "letter", "T") or self.at(at, "command", *marks):
            return at + 1
        if self.at(at, "symbol", "{") and (self.at(at + 1, "letter", "T") or self.at(at + 1, "command", *marks)) and self.at(at + 2, "symbol", "}"):
            return at + 3
        return None

    def _subscript_at(self, end: int) -> tuple[tuple, int] | None:
        """The subscript whose _ is at `end` (braced, or run on as authors type it) and where it ends; None if it is not closed."""
        if self.at(end + 1, "symbol", "{"):
            close = self.group_end(end + 1)
            return None if close is None else (tuple(self.found[end + 2:close]), close + 1)
        if end + 1 < len(self.found):
            close = unbraced_script_end(self.found, end + 1)
            return tuple(self.found[end + 1:close]), close
        return None

    def _superscript_mark(self, index: int) -> tuple[str, str, int] | None:
        """^{(2)} or ^(2): a layer; ^{new}, ^{+}, ^*, ^{(t+1)}: an update mark. Else None (a power, a transpose)."""
        if self.at(index, "symbol", "{"):
            close = self.group_end(index)
            if close is None:
                return None
            inner = self.found[index + 1:close]
        elif self.at(index, "symbol", "("):
            close = next((at for at in range(index, min(index + 6, len(self.found))) if self.found[at].is_("symbol", ")")), None)
            if close is None:
                return None
            inner = self.found[index:close + 1]
        elif index < len(self.found):
            close, inner = index, [self.found[index]]
        else:
            return None
        texts = [t.text for t in inner]
        if self.at(index, "symbol", "{") and len(inner) == 3 and inner[0].is_("symbol", "[") and inner[-1].is_("symbol", "]") \
                and inner[1].kind in ("number", "letter"):
            return "bracketed", texts[1], close + 1  # Ng's a_i^{[2]}: a layer where the name has a subscript (see _scripts)
        if len(inner) >= 3 and inner[0].is_("symbol", "(") and inner[-1].is_("symbol", ")"):
            middle = texts[1:-1]
            if len(middle) == 1 and (inner[1].kind in ("number", "letter")):
                return "layer", middle[0], close + 1
            listed = listed_label([*inner, self.found[close]]) if self.at(close, "symbol", "}") else None
            if listed is not None:  # x^{(p,3)}: a sample and a layer
                return "layer", listed[0], close + 1
            return "mark", "".join(texts), close + 1
        if len(inner) == 1 and inner[0].is_("command", "prime"):
            return "mark", "prime", close + 1
        label = superscript_label(inner, self.at(close + 1, "symbol", "_"))
        return ("mark", "".join(texts), close + 1) if label is not None else None

    def _transpose_mark(self, index: int) -> bool:
        """The T of W^T or W^{T}: a transpose, not a name."""
        if not self.at(index, "letter", "T"):
            return False
        return index >= 1 and self.found[index - 1].is_("symbol", "^") or index >= 2 and self.found[index - 1].is_("symbol", "{") and self.found[index - 2].is_("symbol", "^")

    def names(self) -> list[Name]:
        """Every name in reading order (a name's subscript holds names of its own, listed after it)."""
        found, index = [], 0
        while index < len(self.found):
            if self._transpose_mark(index):
                index += 1
                continue
            if self.found[index].is_("command", "begin", "end") and index + 1 < len(self.found) and self.found[index + 1].is_("symbol", "{"):
                index = (self.group_end(index + 1) or index) + 1  # \begin{cases}: an environment's name, no names in it
                continue
            name = self.name_at(index)
            if name is None:
                index += 1
                continue
            found.append(name)
            inner = Scanner(name.subscript, self.words, self.digits_name).names() if name.subscript else []
            found += inner
            index = max(name.end, index + 1)
        return found


def single_name(found, words: frozenset = frozenset(), runs: bool = False) -> Name | None:
    """The one name a run of tokens is, or None (a sum, a product, a number, a function applied). With `runs`, letters
    typed together count as one name (the structure stage's view, before the notation is known)."""
    meaningful = [t for t in found if t.kind != "space"]
    shift = 0
    while len(meaningful) > 2 and meaningful[0].is_("symbol", "{") and Scanner(meaningful).group_end(0) == len(meaningful) - 1:
        meaningful, shift = meaningful[1:-1], shift + 1  # {\delta_k}: what \color{purple}{\delta_k} leaves
    if not meaningful:
        return None
    if len(meaningful) > 1 and meaningful[0].is_("command", "partial"):  # \\partial w_1 alone: a walk-through's shorthand for
        inner = single_name(meaningful[1:], words, runs)  # the loss's derivative in w_1 (code's dw1), a name as the parser reads it
        return None if inner is None or inner.mark or inner.primes else replace(inner, key=f"\\partial {inner.key}", start=shift, end=inner.end + 1 + shift)
    scanner = Scanner(meaningful, words, runs=runs)
    name = scanner.name_at(0)
    if name is None or name.end != len(meaningful) or name.transposed:
        return None
    return replace(name, start=name.start + shift, end=name.end + shift) if shift else name


def application(side, words: frozenset):
    """`NAME(...)` spanning the whole side: the name and the comma-separated pieces inside the brackets, else None."""
    found = [t for t in side.tokens if t.kind != "space"]
    if len(found) < 4 or not found[-1].is_("symbol", ")"):
        return None
    opener = next((at for at, t in enumerate(found) if t.is_("symbol", "(")), None)
    if opener is None or opener == 0:
        return None
    name = single_name(found[:opener], words)
    if name is None or name.mark or name.primes:
        return None  # f'(x) = ... is a claim about a derivative, not a definition
    return name, _comma_split(found[opener + 1:-1])


def function_head(side, words: frozenset = frozenset(), of_a_sample: bool = False, at_a_point: bool = False):
    """`F(x)`, `F(\\mathbf{x})`, `f(x_1, x_2)`, `S_c(x)`: the function's name and its variables' tokens, else None.
    `of_a_sample`: also a name the course does not know applied to any one sample (h_\\theta(x^{(i)}), g(z_k));
    `at_a_point`: or to one numbered name (g_4(x_4)), which may be a point or the function's variable: the caller says."""
    applied = application(side, words)
    if applied is None:
        return None
    name, pieces = applied
    variables = []
    if len(pieces) == 1 and not (len(pieces[0]) == 1 or len(pieces[0]) == 4 and pieces[0][0].kind == "command"):
        sample = _any_sample(pieces[0], words, at_a_point) if of_a_sample and name.key.lstrip("\\") not in dialect.FUNCTIONS else None
        return (name, (sample,)) if sample is not None else None  # \sigma(z_k) = ...: a claim at a point
    for piece in pieces:
        if len(piece) == 4 and piece[0].is_("command", "mathbf", "boldsymbol", "bm", "vec") and piece[1].is_("symbol", "{") and piece[3].is_("symbol", "}"):
            piece = [piece[2]]
        variable = single_name(piece, words)
        if variable is None or variable.primes or variable.mark:
            return None
        variables.append(variable)
    if not variables or len({v.key for v in variables}) != len(variables):
        return None
    return name, tuple(variables)


def _any_sample(piece, words: frozenset, numbered: bool = False):
    """The variable of `h(x^{(i)})`, `g(z_k)`: one name whose only script is a letter, the sample or entry it stands for
    (not a number: g(z_1) = ... is a value at one point, unless `numbered`)."""
    variable = single_name(piece, words)
    if variable is None or variable.primes or variable.mark or variable.word:
        return None
    layer = variable.layer.strip("()")
    scripts = [script for script in (layer, "".join(variable.indices)) if script]
    return variable if len(scripts) == 1 and (len(scripts[0]) == 1 and scripts[0].isalpha() or numbered and scripts[0].isdigit()) else None


def applied_head(side, words: frozenset = frozenset()):
    """`\\sigma(A_{ic})`, `S(\\mathbf{z})`: a name applied to one argument, the whole side; (name, the argument's tokens)."""
    applied = application(side, words)
    if applied is None or len(applied[1]) != 1 or not applied[1][0]:
        return None
    return applied[0], applied[1][0]


def variable_tokens(found, name) -> list:
    """The tokens of one variable of a function's head (the piece between commas that reads as `name`)."""
    for piece in _comma_split(found):
        candidate = piece
        if len(piece) == 4 and piece[0].is_("command", "mathbf", "boldsymbol", "bm", "vec"):
            candidate = [piece[2]]
        found_name = single_name(candidate)
        if found_name is not None and found_name.key == name.key:
            return list(candidate)
    return []


def _comma_split(found) -> list[list]:
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
    return pieces
