"""The write-up's own commands: \\newcommand, \\renewcommand, \\providecommand, \\def (\\gdef) and \\DeclareMathOperator.

LaTeX homework starts with a preamble of shorthands (`\\newcommand\\pf[2]{\\frac{\\partial #1}{\\partial #2}}`,
`\\newcommand{\\R}{\\mathbb{R}}`) and MathJax lets a Markdown page define them inside a formula. A formula's tokens
are read with every such command replaced by its body, as TeX would: arguments put in for #1 .. #9, an optional
first argument taking its default, bodies expanded again. The tokens a call becomes stand at the call's place in
the text, and `ends` says where the call ends, so a side still shows what the author wrote.

Student text is hostile: a definition that calls itself, or calls that multiply, stop at a bounded depth and a
bounded number of tokens; what is left unexpanded is an unknown command, reported where it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import re

from .. import dialect
from ..lexer import Token, group_end

DEFINING = frozenset({"newcommand", "renewcommand", "providecommand", "DeclareMathOperator", "def", "gdef"})  # \gdef: KaTeX pages' \def
MAX_DEPTH = 16  # a body's commands expanded again at most this deep
MAX_TOKENS = 20_000  # a formula's tokens after expansion
_TRANSPARENT = frozenset({"ensuremath", "relax", "xspace"})  # in a body: nothing of their own in a formula


@dataclass(frozen=True)
class Macro:
    """A command's replacement: its tokens, with parameter marks ("#", digit) left in place."""

    arguments: int
    body: tuple[Token, ...]
    default: tuple[Token, ...] | None = None  # an optional first argument's default ([1][x])


def definitions(found: list[Token]) -> tuple[dict[str, Macro], list[int]]:
    """The commands these tokens define, and the indices of the tokens that are definitions (not mathematics)."""
    macros: dict[str, Macro] = {}
    spent: list[int] = []
    at = 0
    while at < len(found):
        token = found[at]
        if token.kind == "command" and token.text in DEFINING:
            read = _definition(found, at)
            if read is not None:
                name, macro, end = read
                macros[name] = macro
                spent += range(at, end)
                at = end
                continue
        at += 1
    return macros, spent


# Commands a definition never changes in a formula: \\part (LaTeX's sectioning command, which templates renew) reads as
# \\partial where Typora users type it in maths, so its renewal must not turn every \\partial into a heading.
KEPT = frozenset({"partial"})


def _definition(found: list[Token], at: int) -> tuple[str, Macro, int] | None:
    """The definition starting at `at`: (name, macro, index after it), or None if it is not one."""
    kind = found[at].text
    at += 1
    if at < len(found) and found[at].is_("symbol", "*"):
        at += 1
    name, at = _defined_name(found, at)
    if name is None:
        return None
    if name in KEPT:
        return None
    if kind == "DeclareMathOperator":
        body, at = _group(found, at)
        if body is None:
            return None
        word = [t for t in body if t.kind in ("letter", "number") or t.is_("symbol", "-")]
        position = found[at - 1].position
        spelled = [Token("command", "operatorname", position), Token("symbol", "{", position), *word, Token("symbol", "}", position)]
        return name, Macro(0, tuple(spelled)), at
    arguments, default = 0, None
    if kind in ("def", "gdef"):
        while at + 1 < len(found) and found[at].is_("error", "#") and found[at + 1].kind == "number":
            arguments += 1
            at += 2
    elif at < len(found) and found[at].is_("symbol", "["):
        close = _closing_square(found, at)
        if close is None or close != at + 2 or found[at + 1].kind != "number":
            return None
        arguments, at = int(found[at + 1].text), close + 1
        if at < len(found) and found[at].is_("symbol", "["):
            close = _closing_square(found, at)
            if close is None:
                return None
            default, at = tuple(found[at + 1:close]), close + 1
    body, at = _group(found, at)
    if body is None or not 0 <= arguments <= 9:
        return None
    return name, Macro(arguments, _math_branch(body), default), at


def _defined_name(found: list[Token], at: int) -> tuple[str | None, int]:
    """The command being defined: \\name or {\\name}."""
    if at < len(found) and found[at].kind == "command":
        return found[at].text, at + 1
    if at + 2 < len(found) and found[at].is_("symbol", "{") and found[at + 1].kind == "command" and found[at + 2].is_("symbol", "}"):
        return found[at + 1].text, at + 3
    return None, at


def _group(found: list[Token], at: int) -> tuple[tuple[Token, ...] | None, int]:
    """A braced group's inner tokens and the index after it (a single token stands for itself)."""
    if at >= len(found) or found[at].kind == "end":
        return None, at
    if not found[at].is_("symbol", "{"):
        return (found[at],), at + 1
    close = group_end(found, at)
    return (tuple(found[at + 1:close]), close + 1) if close is not None else (None, at)


def _closing_square(found: list[Token], at: int) -> int | None:
    depth = 0
    for index in range(at, len(found)):
        if found[index].is_("symbol", "{"):
            depth += 1
        elif found[index].is_("symbol", "}"):
            depth -= 1
        elif depth == 0 and found[index].is_("symbol", "]"):
            return index
    return None


def _math_branch(body: tuple[Token, ...]) -> tuple[Token, ...]:
    """`\\ifmmode A\\else B\\fi` is A in a formula; \\ensuremath and \\relax stand for nothing there."""
    kept = list(body)
    if kept and kept[0].is_("command", "ifmmode"):
        otherwise = next((k for k, t in enumerate(kept) if t.is_("command", "else")), None)
        finish = next((k for k, t in enumerate(kept) if t.is_("command", "fi")), len(kept))
        kept = kept[1:otherwise if otherwise is not None else finish]
    out: list[Token] = []
    at = 0
    while at < len(kept):
        token = kept[at]
        if token.is_("command", "ensuremath"):
            group, after = _group(kept, at + 1)
            if group is not None:  # \ensuremath{\cdot} is \cdot: its braces group nothing in a formula
                kept[at + 1:after] = list(group)
            at += 1
            continue
        if not (token.kind == "command" and token.text in _TRANSPARENT):
            out.append(token)
        at += 1
    return tuple(out)


def expand(found: list[Token], macros: dict[str, Macro], end_of) -> tuple[list[Token], dict[int, int]]:
    """The tokens with every defined command replaced, and for each token a call became, where that call ends
    in the text (`end_of(index)` gives where an original token ends)."""
    if not macros or not any(t.kind == "command" and t.text in macros for t in found):
        return found, {}
    ends = [None] * len(found)
    out, out_ends = list(found), ends
    for _ in range(MAX_DEPTH):
        out, out_ends, changed = _expand_once(out, out_ends, macros, end_of)
        if not changed or len(out) > MAX_TOKENS:
            break
    return out, {k: e for k, e in enumerate(out_ends) if e is not None}


def _expand_once(found: list[Token], ends: list, macros: dict[str, Macro], end_of) -> tuple[list, list, bool]:
    out: list[Token] = []
    out_ends: list = []
    changed = False
    at = 0
    while at < len(found):
        token = found[at]
        macro = macros.get(token.text) if token.kind == "command" else None
        if macro is None or len(out) > MAX_TOKENS:
            out.append(token)
            out_ends.append(ends[at])
            at += 1
            continue
        arguments, after = _arguments(found, at + 1, macro)
        if arguments is None:
            out.append(token)
            out_ends.append(ends[at])
            at += 1
            continue
        last = after - 1
        call_end = ends[last] if ends[last] is not None else end_of(last)
        if ends[at] is not None:
            call_end = max(call_end, ends[at])
        for number, piece in enumerate(_substituted(macro.body, arguments)):
            out.append(replace(piece, position=token.position, space_before=token.space_before if number == 0 else piece.space_before))
            out_ends.append(call_end)
        changed = True
        at = after
    return out, out_ends, changed


def _arguments(found: list[Token], at: int, macro: Macro) -> tuple[list | None, int]:
    """The call's arguments (each a token list) and the index after the call."""
    arguments: list = []
    wanted = macro.arguments
    if macro.default is not None and wanted:
        if at < len(found) and found[at].is_("symbol", "["):
            close = _closing_square(found, at)
            if close is None:
                return None, at
            arguments.append(list(found[at + 1:close]))
            at = close + 1
        else:
            arguments.append(list(macro.default))
        wanted -= 1
    for _ in range(wanted):
        group, at = _group(found, at)
        if group is None:
            return None, at
        arguments.append(list(group))
    return arguments, at


def _substituted(body: tuple[Token, ...], arguments: list) -> list[Token]:
    """The body with each parameter mark #k replaced by the k-th argument's tokens."""
    out: list[Token] = []
    at = 0
    while at < len(body):
        token = body[at]
        if token.is_("error", "#") and at + 1 < len(body) and body[at + 1].kind == "number":
            digits = body[at + 1].text
            index = int(digits[0]) - 1
            if 0 <= index < len(arguments):
                out += arguments[index]
            if len(digits) > 1:  # #12 is the first argument and then the digit 2
                out.append(replace(body[at + 1], text=digits[1:]))
            at += 2
            continue
        out.append(token)
        at += 1
    return out


# Shorthands a course's private style file defines (never in the text itself), in the spellings common to ML homework
# templates and the Deep Learning book's math_commands.tex: \bx, \boldx, \vx for a bold x, \bpi, \vtheta for a bold
# Greek letter, \mW for a matrix, \mcN, \calL for a calligraphic letter, \bbR and \R for the reals. Read only where
# the write-up does not define the command itself and the name is no command of its own.
_GREEK_NAMES = "|".join(sorted(dialect.GREEK - {"ell"} | {"pi"}, key=len, reverse=True))
CONVENTIONAL_SHORTHANDS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(rf"(?:bold|b|v)({_GREEK_NAMES})"), "\\boldsymbol{{\\{0}}}"),
    (re.compile(r"(?:bold|b|v)([A-Za-z])"), "\\mathbf{{{0}}}"),
    (re.compile(r"m([A-Z])"), "\\mathbf{{{0}}}"),
    (re.compile(r"(?:mc|cal)([A-Z])"), "\\mathcal{{{0}}}"),
    (re.compile(r"(?:bb|mbb)([A-Z])"), "\\mathbb{{{0}}}"),
    (re.compile(r"(R)"), "\\mathbb{{{0}}}"),
)
_OWN_COMMANDS = frozenset(dialect.GREEK | dialect.FONTS | dialect.DECORATIONS | set(dialect.FUNCTIONS) | set(dialect.CONSTANTS)
                          | set(dialect.VARIADIC) | {"bf", "be"})  # \bf: a font switch; \be: \begin{equation}


def conventional_shorthand(name: str) -> str | None:
    """The LaTeX a command no definition in the text gives stands for by convention (\\bSigma: \\boldsymbol{\\Sigma}), or None."""
    if name in _OWN_COMMANDS:
        return None
    for pattern, meaning in CONVENTIONAL_SHORTHANDS:
        found = pattern.fullmatch(name)
        if found:
            return meaning.format(found.group(1))
    return None

