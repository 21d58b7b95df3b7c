"""A checked write-up as a page: the document itself, each judged step marked beside its line.

Markdown is rendered by markdown-it-py with the plugins the checker reads it with (dollarmath, texmath,
amsmath, tables), LaTeX by walking pylatexenc's nodes as the checker does; raw HTML is never passed
through (it shows as text), links and images become their text, formulas become MathML (mathml.py).
Steps are placed by the line the report gives them: a display formula is drawn row by row with the
row's marks in the left margin; an inline formula gets its marks right after it. Each mark opens (a
<details>, no script) onto the step as read, the feedback, the witness and the definitions it used.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from .mathml import MathRenderer, tex_code
from .pages import PROOF_MARKS, escape, mark_symbol, page
from .writeup.document import formula_of_image, markdown_parser, unescaped

MAX_SHOWN = 200_000  # characters of a write-up the page shows as a document; past it, only a plain preview
PREVIEW = 20_000  # characters shown of a write-up too long to read

ROW_ENVIRONMENTS = frozenset(
    "align align* aligned alignat alignat* flalign flalign* gather gather* gathered split multline multline* "
    "eqnarray eqnarray* equation equation* displaymath math".split()
)
_TOKEN = re.compile(r"\\begin\s*\{[^{}]*\}|\\end\s*\{[^{}]*\}|\\\\|\\.|[{}&]", re.DOTALL)
_SPACES = re.compile(r"\s+|\\left|\\right|\\[,;:! ]|\\quad|\\qquad|&")

STYLE = """
.doc { position: relative; padding-left: 7.5em; }
.doc .p { margin: .7em 0; overflow-wrap: anywhere; }
.marks { position: absolute; left: 0; width: 7em; text-align: right; white-space: normal; line-height: 1.2; }
.mark { display: inline-block; position: relative; margin: 0 .08em; }
.mark > summary { list-style: none; cursor: pointer; padding: 0 .15em; border-radius: 3px; }
.mark > summary::-webkit-details-marker { display: none; }
.mark > summary:focus-visible { outline: 2px solid #0969da; }
.mark .n { font: 10px "DejaVu Sans", sans-serif; color: var(--given); vertical-align: sub; }
.mark[open] > summary { background: #eef1f4; }
.mark > .why { position: absolute; z-index: 5; top: 1.5em; left: 0; width: 34em; max-width: 80vw; background: #fff;
  border: 1px solid #8c959f; border-radius: 6px; padding: .5em .7em; box-shadow: 0 4px 14px rgba(0,0,0,.18); }
.display { margin: .6em 0; }
.display table.rows > tbody > tr > td { padding: .15em .2em; vertical-align: baseline; }
tr.row > td.l, tr.row > td.l math { text-align: right; } tr.row > td.r, tr.row > td.r math { text-align: left; }
tr.row.s-wrong > td.l, tr.row.s-wrong > td.r { background: #fdecee; }
tr.row > td:nth-child(2) { border-left: 4px solid transparent; }
tr.row.s-wrong > td:nth-child(2) { border-left: 4px solid var(--wrong); }
tr.row.s-unsure > td:nth-child(2) { border-left: 4px dashed var(--unsure); }
tr.row.s-unread > td:nth-child(2) { border-left: 4px dotted var(--unread); }
.stepped.s-wrong { background: #fdecee; border-bottom: 2px solid var(--wrong); }
.stepped.s-unsure { border-bottom: 2px dashed var(--unsure); }
.stepped.s-unread { border-bottom: 2px dotted var(--unread); }
.firsts .f { display: inline-block; max-width: 100%; overflow-x: auto; overflow-y: hidden; padding: .2em 0; vertical-align: middle; }
.doc table.md td, .doc table.md th { border: 1px solid var(--line); padding: .2em .5em; }
:target > summary, tr.row:target td { outline: 3px solid #0969da; }
.print-only { display: none; }
@media print { .print-only { display: block; } .doc { padding-left: 7em; } .marks { width: 6.5em; } }
"""


@dataclass
class Written:
    """One write-up to show: its name, its text, and its report (or why it was not checked)."""

    name: str
    text: str
    report: object | None = None  # a derivs Report (steps, counts, first_errors)
    error: str = ""


# --- the steps, by line -------------------------------------------------------------------------------


def _plain(tex: str) -> str:
    return _SPACES.sub("", tex)


class StepMarks:
    """A write-up's steps by line, each handed out once to the place on the page that shows its line."""

    def __init__(self, steps, prefix: str, math: MathRenderer):
        self.prefix, self.math = prefix, math
        self.by_line: dict[int, list] = defaultdict(list)
        for step in steps:
            self.by_line[step.line].append(step)
        self.placed: set[int] = set()
        self.steps = list(steps)

    def anchor(self, step) -> str:
        return f"{self.prefix}step-{step.index}"

    def free(self, first: int, last: int) -> list:
        return [s for line in range(first, last + 1) for s in self.by_line.get(line, ()) if s.index not in self.placed]

    def take(self, steps) -> list:
        self.placed.update(s.index for s in steps)
        return list(steps)

    def unplaced(self) -> list:
        return [s for s in self.steps if s.index not in self.placed]

    # what a place shows

    def kind(self, steps) -> str:
        """The row's mark kind: its worst step's."""
        for verdict in ("invalid", "unparsed", "undecided", "valid", "definition"):
            if any(s.verdict == verdict for s in steps):
                return PROOF_MARKS[verdict][0]
        return ""

    def details(self, step) -> str:
        kind, symbol, word = PROOF_MARKS.get(step.verdict, ("unsure", "?", step.verdict or "not judged"))
        return (f'<details class="mark" id="{self.anchor(step)}"><summary title="step {step.index}, {step.where}: {escape(word)}">'
                f'{mark_symbol(kind, symbol, word)}<span class="n">{step.index}</span></summary>'
                f'<div class="why">{self.explanation(step, kind, word)}</div></details>')

    def explanation(self, step, kind: str, word: str) -> str:
        parts = [f'<p><b class="k-{kind}">{escape(word)}</b>: step {step.index}, {step.where}'
                 + (f", held to problem <code>{escape(step.context)}</code>" if step.context else "") + "</p>",
                 f'<p class="read">read as: {self.math(_written(step))}'
                 + (f' <span class="note">where {self.math(step.condition)}</span>' if step.condition else "") + "</p>"]
        if step.feedback:
            parts.append(f'<p class="feedback">{escape(step.feedback)}</p>')
        if step.matches_start and step.verdict == "invalid":
            parts.append("<p>this line itself is right again: it equals the start of the chain</p>")
        witness = step.witness if isinstance(step.witness, dict) else None
        if witness:
            parts.append(_witness_table(witness))
        if step.used:
            used = "".join(f"<li>{escape(item)}</li>" for item in step.used)
            parts.append(f'<div class="used">definitions used:<ul>{used}</ul></div>')
        return "".join(parts)

    def gutter(self, steps) -> str:
        return f'<span class="marks">{"".join(self.details(s) for s in steps)}</span>' if steps else ""

    def badges(self, steps) -> str:
        return "".join(self.details(s) for s in steps)


def _written(step) -> str:
    """A step as the checker read it: its two sides and the relation between them, in LaTeX."""
    relation = r"\Rightarrow" if step.kind == "implies" else (step.relation or "=")
    return f"{step.lhs} {relation} {step.rhs}"


def _witness_table(witness: dict) -> str:
    rows = []
    if witness.get("point"):
        rows.append(("at", witness["point"]))
    for label, key in (("left side", "lhs"), ("right side", "rhs")):
        if witness.get(key) not in (None, ""):
            rows.append((label, witness[key]))
    cells = "".join(f"<tr><th>{escape(label)}</th><td><code>{escape(value)}</code></td></tr>" for label, value in rows)
    return f'<p class="note">witness: where the two sides differ</p><table class="witness">{cells}</table>' if cells else ""


# --- formulas: rows and cells -------------------------------------------------------------------------


def split_top(tex: str, separator: str) -> list[tuple[int, str]]:
    """The pieces of a formula between separators ('\\\\' or '&') outside braces and environments, each with its
    offset in `tex`."""
    pieces, depth, start = [], 0, 0
    for token in _TOKEN.finditer(tex):
        text = token.group()
        if text == "{" or text.startswith("\\begin"):
            depth += 1
        elif text == "}" or text.startswith("\\end"):
            depth = max(0, depth - 1)
        elif depth == 0 and text == separator:
            pieces.append((start, tex[start:token.start()]))
            start = token.end()
    pieces.append((start, tex[start:]))
    return pieces


_OUTER = re.compile(r"\s*\\begin\s*\{([^{}]*)\}(\{\d+\})?(.*)\\end\s*\{\1\}\s*$", re.DOTALL)


def _inner(tex: str) -> tuple[int, str]:
    """A formula's rows' text: inside one outer aligned/align/gather... environment, if that is all there is."""
    found = _OUTER.match(tex)
    if found and found.group(1) in ROW_ENVIRONMENTS and not split_top(found.group(3), "\\\\")[0][1].count("\\end{" + found.group(1)):
        return found.start(3), found.group(3)
    return 0, tex


class Lines:
    """Offsets to 1-based lines in a text."""

    def __init__(self, text: str):
        self.newlines = [at for at, char in enumerate(text) if char == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

    def start(self, line: int) -> int:
        """The offset where a line starts (past the last line: the end of the text's last newline)."""
        if line <= 1 or not self.newlines:
            return 0
        return self.newlines[min(line - 2, len(self.newlines) - 1)] + 1


def display_html(tex: str, offset: int | None, lines: Lines, first: int, last: int, marks: StepMarks) -> str:
    """A display formula drawn row by row (split at its '\\\\'), cells at its '&', each row's steps in the margin.
    `offset` is where `tex` starts in the document (None when unknown: rows take the block's lines)."""
    shift, body = _inner(tex)
    rows = [(at + shift, row) for at, row in split_top(body, "\\\\") if row.strip()]
    if not rows:
        return ""
    row_lines = [lines.line(offset + at + len(row) - len(row.lstrip())) if offset is not None else first for at, row in rows]
    chosen = _steps_by_row(rows, row_lines, marks.free(first, last))
    out = []
    for number, ((_, row), line) in enumerate(zip(rows, row_lines)):
        steps = marks.take(chosen.get(number, ()))
        kind = marks.kind(steps)
        anchor = f' id="{marks.prefix}L{line}"' if number == 0 or row_lines[number - 1] != line else ""
        cells = _cells(row, marks.math)
        out.append(f'<tr class="row{" s-" + kind if kind else ""}"{anchor}><td class="w">{marks.gutter(steps)}</td>{cells}</tr>')
    return f'<div class="display"><table class="rows">{"".join(out)}</table></div>'


def _steps_by_row(rows, row_lines: list[int], steps) -> dict[int, list]:
    """Which row shows each step: the row on its line (the last row that starts on or before it); of several
    rows on one line, the one where the step's right side is written, in order."""
    chosen: dict[int, list] = defaultdict(list)
    for line in set(row_lines):  # as many steps as rows on a line (a chain written on one line): one each, in order
        on_line = [n for n, row_line in enumerate(row_lines) if row_line == line]
        mine = [s for s in steps if s.line == line]
        if len(on_line) > 1 and len(mine) == len(on_line):
            for number, step in zip(on_line, mine):
                chosen[number].append(step)
    steps = [s for s in steps if not any(s in placed for placed in chosen.values())]
    previous = 0
    for step in steps:
        on_line = [n for n, line in enumerate(row_lines) if line == step.line]
        if not on_line:
            before = [n for n, line in enumerate(row_lines) if line <= step.line]
            on_line = [before[-1] if before else 0]
        target = _plain(step.rhs)
        found = next((n for n in on_line if n >= previous and target and target in _plain(rows[n][1])), None)
        if found is None:
            found = previous if previous in on_line else on_line[0]
        previous = found
        chosen[found].append(step)
    return chosen


def _cells(row: str, math: MathRenderer) -> str:
    """A row's cells: right-aligned before the first '&', left-aligned after (as align sets them)."""
    cells = [cell for _, cell in split_top(row, "&")]
    if len(cells) == 1:
        return f'<td class="r" colspan="2">{math(cells[0], True)}</td>'
    rendered = [math(cell, True) if cell.strip() else "" for cell in cells]
    if any(part.startswith("<code") for part in rendered):  # a construct spans the '&': draw the row whole
        return f'<td class="r" colspan="2">{math(" ".join(cells), True)}</td>'
    left, right = rendered[0], " ".join(rendered[1:])
    return f'<td class="l">{left}</td><td class="r">{right}</td>'


def inline_html(tex: str, line: int, marks: StepMarks, display: bool = False) -> str:
    """An inline formula, with the steps on its line that it holds (either side written in it) marked after it."""
    plain = _plain(tex)
    steps = marks.take([s for s in marks.free(line, line) if (_plain(s.lhs) and _plain(s.lhs) in plain) or (_plain(s.rhs) and _plain(s.rhs) in plain)])
    rendered = marks.math(tex, display)
    if not steps:
        return rendered
    kind = marks.kind(steps)
    return f'<span class="stepped s-{kind}" id="{marks.prefix}L{line}-{steps[0].index}">{rendered}</span>{marks.badges(steps)}'


# --- Markdown ---------------------------------------------------------------------------------------


def _markdown():
    return markdown_parser(html=False)  # the checker's parse, except raw HTML: here it is text, never markup


class _MarkdownPage:
    def __init__(self, text: str, marks: StepMarks):
        self.text, self.marks, self.lines = text, marks, Lines(text)
        self.md = _markdown()
        rules = {"paragraph_open": lambda tokens, index: '<div class="p">', "paragraph_close": lambda tokens, index: "</div>\n",
                 "table_open": lambda tokens, index: '<table class="md">', "image": self.image, "link_open": self.link_open,
                 "link_close": self.link_close}
        rules.update(dict.fromkeys(("math_inline", "math_inline_double", "math_single", "math_escaped"), self.inline_math))
        rules.update(dict.fromkeys(("math_block", "math_block_label", "math_block_eqno", "amsmath"), self.display_math))
        for name, rule in rules.items():  # markdown-it calls a rule as (renderer, tokens, index, options, env)
            self.md.add_render_rule(name, lambda renderer, tokens, index, options, env, rule=rule: rule(tokens, index))

    def render(self) -> str:
        tokens = self.md.parse(self.text)
        self._number_inline_lines(tokens)
        out, index = [], 0
        while index < len(tokens):
            end = self._block_end(tokens, index)
            block = tokens[index:end + 1]
            html = self.md.renderer.render(block, self.md.options, {})
            span = next((t.map for t in block if t.map), None)
            if span:
                html = self.marks.gutter(self.marks.take(self.marks.free(span[0] + 1, span[1]))) + html
            out.append(html)
            index = end + 1
        return "".join(out)

    @staticmethod
    def _block_end(tokens, index: int) -> int:
        if tokens[index].nesting != 1:
            return index
        depth = 0
        for end in range(index, len(tokens)):
            depth += tokens[end].nesting
            if depth == 0:
                return end
        return len(tokens) - 1

    def _number_inline_lines(self, tokens) -> None:
        """Each inline formula's line: its block's first line and the line breaks before it."""
        for token in tokens:
            if token.type != "inline" or not token.map or not token.children:
                continue
            line = token.map[0] + 1
            for child in token.children:
                child.meta["line"] = line
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                else:
                    line += child.content.count("\n")

    def inline_math(self, tokens, index) -> str:
        token = tokens[index]
        if token.type == "math_escaped":  # \\\\( ... \\\\) as Markdown blogs write it
            return inline_html(unescaped(token.content), token.meta.get("line", 0), self.marks, display=token.info == "display")
        return inline_html(token.content, token.meta.get("line", 0), self.marks, display=token.type == "math_inline_double")

    def display_math(self, tokens, index) -> str:
        token = tokens[index]
        first, last = (token.map[0] + 1, token.map[1]) if token.map else (0, 0)
        offset = None
        if token.map:
            end = self.lines.start(last + 1) if last <= len(self.lines.newlines) else len(self.text)
            found = self.text.find(token.content, self.lines.start(first), max(end, self.lines.start(first)) + len(token.content))
            offset = found if found >= 0 else None
        return display_html(token.content, offset, self.lines, first, last, self.marks)

    def image(self, tokens, index) -> str:
        """Never fetched: an image is its description, and where it pointed, as text; an image of a formula (a LaTeX
        service's address) is the formula, drawn here."""
        token = tokens[index]
        formula = formula_of_image(token.attrGet("src") or "")
        if formula is not None:
            return inline_html(formula, token.meta.get("line", 0), self.marks, display=True)
        alt = "".join(child.content for child in token.children or ()) or "image"
        return f'<span class="note">[image not shown: {escape(alt)}; {escape(token.attrGet("src") or "")}]</span>'

    def link_open(self, tokens, index) -> str:
        href = str(tokens[index].attrGet("href") or "")
        tokens[index].meta["local"] = href.startswith("#") and re.fullmatch(r"#[\w\-.]{1,100}", href) is not None
        return f'<a href="{escape(href)}">' if tokens[index].meta["local"] else '<span class="link">'

    def link_close(self, tokens, index) -> str:
        opening = next((t for t in reversed(tokens[:index]) if t.type == "link_open"), None)
        if opening is not None and opening.meta.get("local"):
            return "</a>"
        href = str(opening.attrGet("href") or "") if opening is not None else ""
        return f'</span><span class="note"> ({escape(href)})</span>' if href else "</span>"


# --- LaTeX --------------------------------------------------------------------------------------------

SECTIONS = {"part": "h2", "chapter": "h2", "section": "h2", "subsection": "h3", "subsubsection": "h4", "paragraph": "h4", "subparagraph": "h4"}
STYLES = {"textbf": "b", "textit": "i", "emph": "i", "textsl": "i", "underline": "u", "texttt": "code", "textsc": "span", "textrm": "span", "textsf": "span", "mbox": "span"}
QUIET = frozenset("documentclass usepackage newcommand renewcommand providecommand DeclareMathOperator title author date maketitle "
                  "label ref eqref cite hline cline toprule midrule bottomrule noindent newpage clearpage pagebreak vspace hspace "
                  "setlength bigskip medskip smallskip centering small large Large footnotesize normalsize tableofcontents".split())
SHOWN_RAW = frozenset("verbatim lstlisting minted comment".split())
NOT_SHOWN = frozenset("figure tikzpicture thebibliography".split())
TABLES = frozenset("tabular tabular* tabularx array longtable".split())


class _LatexPage:
    def __init__(self, text: str, marks: StepMarks):
        self.text, self.marks, self.lines = text, marks, Lines(text)
        self.out: list[str] = []
        self.paragraph_start: int | None = None  # index in out where the open paragraph began
        self.paragraph_lines = [0, 0]

    def render(self) -> str:
        from pylatexenc.latexwalker import LatexWalker

        try:
            nodes, _, _ = LatexWalker(self.text, tolerant_parsing=True).get_latex_nodes()
        except Exception:  # pylatexenc gave up: the text is shown as it is
            return f"<pre>{escape(self.text)}</pre>"
        self.nodes(nodes)
        self.close_paragraph()
        return "".join(self.out)

    # paragraphs: opened by text or inline maths, closed by a blank line or a block

    def open_paragraph(self, line: int) -> None:
        if self.paragraph_start is None:
            self.paragraph_start = len(self.out)
            self.paragraph_lines = [line, line]
            self.out.append('<div class="p">')
        self.paragraph_lines[1] = max(self.paragraph_lines[1], line)

    def close_paragraph(self) -> None:
        if self.paragraph_start is None or self.paragraph_start < 0:  # none open, or inside captured(): its caller's
            return
        first, last = self.paragraph_lines
        self.out.append("</div>\n")
        self.out.insert(self.paragraph_start, self.marks.gutter(self.marks.take(self.marks.free(first, last))))
        self.paragraph_start = None

    def block(self, html: str) -> None:
        self.close_paragraph()
        self.out.append(html)

    def nodes(self, nodes) -> None:
        for node in nodes or ():
            self.node(node)

    def node(self, node) -> None:
        kind = type(node).__name__
        if kind == "LatexCharsNode":
            self.chars(node.chars, node.pos)
        elif kind == "LatexGroupNode":
            self.nodes(node.nodelist)
        elif kind == "LatexMathNode":
            self.maths(node)
        elif kind == "LatexEnvironmentNode":
            self.environment(node)
        elif kind == "LatexMacroNode":
            self.macro(node)
        elif kind == "LatexSpecialsNode":
            self.open_paragraph(self.lines.line(node.pos))
            self.out.append(escape({"~": "\u00a0", "``": "“", "''": "”", "--": "–", "---": "—"}.get(node.specials_chars, node.specials_chars)))

    def chars(self, chars: str, at: int) -> None:
        pieces = re.split(r"(\n[ \t]*\n\s*)", chars)
        offset = at
        for piece in pieces:
            if re.fullmatch(r"\n[ \t]*\n\s*", piece):
                self.close_paragraph()
            elif piece.strip():
                self.open_paragraph(self.lines.line(offset + len(piece) - len(piece.lstrip())))
                self.paragraph_lines[1] = max(self.paragraph_lines[1], self.lines.line(offset + len(piece.rstrip())))
                self.out.append(escape(piece))
            offset += len(piece)

    def maths(self, node) -> None:
        source = self.text[node.pos: node.pos + node.len]
        opening = next((d for d in ("$$", "\\[", "\\(", "$") if source.startswith(d)), "")
        closing = {"$$": "$$", "\\[": "\\]", "\\(": "\\)", "$": "$"}.get(opening, "")
        tex = source[len(opening): len(source) - len(closing) if closing and source.endswith(closing) else len(source)]
        start = node.pos + len(opening)
        if node.displaytype == "display":
            first, last = self.lines.line(node.pos), self.lines.line(node.pos + node.len)
            self.block(display_html(tex, start, self.lines, first, last, self.marks))
        else:
            line = self.lines.line(start)
            self.open_paragraph(line)
            self.out.append(inline_html(tex, line, self.marks))

    def environment(self, node) -> None:
        name = node.environmentname
        source = self.text[node.pos: node.pos + node.len]
        if name in ROW_ENVIRONMENTS:
            head = re.match(r"\\begin\s*\{[^{}]*\}(\{\d+\})?", source)
            tail = source.rfind("\\end")
            start = node.pos + (head.end() if head else 0)
            tex = self.text[start: node.pos + (tail if tail > 0 else len(source))]
            first, last = self.lines.line(node.pos), self.lines.line(node.pos + node.len)
            self.block(display_html(tex, start, self.lines, first, last, self.marks))
        elif name in SHOWN_RAW:
            self.block(f"<pre>{escape(source)}</pre>")
        elif name in NOT_SHOWN:
            self.block(f'<div class="p note">[{escape(name)} not shown]</div>')
        elif name in TABLES:
            self.table(node)
        elif name in ("itemize", "enumerate", "description"):
            self.close_paragraph()
            self.nodes(node.nodelist)
            self.close_paragraph()
        else:
            self.nodes(node.nodelist)

    def macro(self, node) -> None:
        name = node.macroname
        arguments = [a for a in (node.nodeargd.argnlist if node.nodeargd else ()) if a is not None]
        line = self.lines.line(node.pos)
        if name in SECTIONS:
            self.close_paragraph()
            title = self.captured(arguments[-1:]) if arguments else ""
            self.out.append(f'<{SECTIONS[name]} id="{self.marks.prefix}L{line}">{title}</{SECTIONS[name]}>\n')
        elif name in STYLES:
            self.open_paragraph(line)
            tag = STYLES[name]
            self.out.append(f"<{tag}>{self.captured(arguments[-1:])}</{tag}>")
        elif name == "item":
            self.close_paragraph()
            self.open_paragraph(line)
            self.out.append("• ")
        elif name == "\\" and self.paragraph_start is not None:
            self.out.append("<br>")
        elif name in ("href", "url"):
            self.open_paragraph(line)
            target = self.text[arguments[0].pos: arguments[0].pos + arguments[0].len].strip("{}") if arguments else ""
            shown = self.captured(arguments[1:]) if name == "href" and len(arguments) > 1 else ""
            self.out.append(f'{shown}<span class="note"> ({escape(target)})</span>')
        elif name == "includegraphics":
            self.open_paragraph(line)
            self.out.append('<span class="note">[image not shown]</span>')
        elif name not in QUIET:
            for argument in arguments:
                self.node(argument)

    def captured(self, nodes) -> str:
        """What nodes render to, as a string (a title, a bold phrase), without opening paragraphs of their own."""
        saved, self.out = self.out, []
        start, self.paragraph_start = self.paragraph_start, -1
        self.nodes(nodes)
        rendered = "".join(part for part in self.out if part != '<div class="p">')
        self.out, self.paragraph_start = saved, start
        return rendered

    def table(self, node) -> None:
        self.close_paragraph()
        rows, cells, current = [], [], []
        for child in node.nodelist or ():
            kind = type(child).__name__
            if kind == "LatexSpecialsNode" and child.specials_chars == "&":
                cells.append(current)
                current = []
            elif kind == "LatexMacroNode" and child.macroname == "\\":
                cells.append(current)
                rows.append(cells)
                cells, current = [], []
            else:
                current.append(child)
        if any(type(c).__name__ != "LatexCharsNode" or c.chars.strip() for c in current) or cells:
            cells.append(current)
            rows.append(cells)
        body = []
        for row in rows:
            rendered = [self.captured(cell) for cell in row]
            if not any(part.strip() for part in rendered):
                continue
            body.append("<tr>" + "".join(f"<td>{part}</td>" for part in rendered) + "</tr>")
        self.out.append(f'<table class="md">{"".join(body)}</table>\n')


# --- the page -------------------------------------------------------------------------------------------


def _summary(written: Written, marks: StepMarks | None) -> str:
    report = written.report
    parts = [f"<h1>{escape(written.name)}</h1>"]
    if written.error:
        parts.append(f'<p class="banner"><b>not checked:</b> {escape(written.error)}</p>')
    if report is not None and marks is not None:
        counts = report.counts
        shown = [("valid", "valid"), ("invalid", "invalid"), ("undecided", "undecided"), ("unparsed", "unreadable"), ("definition", "statements")]
        cells = "".join(f'<span>{mark_symbol(*PROOF_MARKS[verdict])} {counts[key]} {escape(PROOF_MARKS[verdict][2] if key != "statements" else "definitions or given values")}</span>'
                        for verdict, key in shown)
        parts.append(f'<p class="counts">{len(report.steps)} steps: {cells}</p>')
        recognised: dict = {}
        for step in report.steps:
            recognised.setdefault(step.context, step.line)
        for problem, line in recognised.items():
            if problem:
                parts.append(f'<p>read as problem <code>{escape(problem)}</code> from <a href="#{marks.prefix}L{line}">line {line}</a>: its rules and answers apply there</p>')
        firsts = report.first_errors
        if firsts:
            items = "".join(f'<li><a href="#{marks.anchor(step)}">line {step.line}</a>: <span class="f">{marks.math(_written(step))}</span>'
                            f' <span class="note">{escape(step.feedback)}</span></li>' for step in firsts)
            parts.append(f"<p><b>First wrong line of each derivation</b> ({len(firsts)}):</p><ul class=\"firsts\">{items}</ul>")
        else:
            parts.append(f"<p>{escape(report.explanation())}</p>")
    legend = "".join(f"<span>{mark_symbol(*mark)} {escape(mark[2])}</span>" for mark in PROOF_MARKS.values())
    if report is not None:
        parts.append(f'<p class="legend no-print">Marks: {legend}. Select a mark to see the step as read, the feedback, the witness and the definitions used.</p>')
    return f'<header class="summary">{"".join(parts)}</header>'


def _notes(marks: StepMarks) -> str:
    """For print, where a mark cannot be opened: every step not valid, with its feedback."""
    rows = [s for s in marks.steps if s.verdict in ("invalid", "undecided", "unparsed")]
    if not rows:
        return ""
    items = "".join(f"<li>{mark_symbol(*PROOF_MARKS[s.verdict])} step {s.index} ({s.where}): {escape(s.feedback)}</li>" for s in rows)
    return f'<section class="print-only"><h2>Notes on the marked steps</h2><ul>{items}</ul></section>'


def _document(written: Written, number: int, math: MathRenderer) -> str:
    prefix = f"f{number}-"
    report = written.report
    marks = StepMarks(report.steps if report is not None else (), prefix, math)
    if len(written.text) > MAX_SHOWN:
        rest = len(written.text) - PREVIEW
        body = f'<pre class="preview">{escape(written.text[:PREVIEW])}</pre><p class="note">… {rest:,} more characters not shown</p>'
    else:
        body = (_LatexPage if _is_latex(written.text) else _MarkdownPage)(written.text, marks).render()
    left = marks.unplaced()
    if left:
        body += f'<section><h2>Steps on lines the page does not show</h2><div class="p">{marks.gutter(marks.take(left))}</div></section>'
    return f'<article class="writeup">{_summary(written, marks if report is not None else None)}<div class="doc">{body}</div>{_notes(marks)}</article>'


# How the checker tells a LaTeX write-up from a Markdown one (by its text, whatever the file's name).
_LATEX_SIGNS = re.compile(r"\\documentclass|\\begin\{document\}|\\(?:sub)*section\*?\{|\\item\b|\\begin\{(?:enumerate|itemize|tabular|problem|solution)\}")


def _is_latex(text: str) -> bool:
    return _LATEX_SIGNS.search(text) is not None


def proof_page(documents: list[Written]) -> str:
    """One self-contained page for one or more checked write-ups."""
    math = MathRenderer()
    body = "\n".join(_document(written, number, math) for number, written in enumerate(documents, start=1))
    title = "derivs: " + ", ".join(w.name for w in documents)
    return page(title, body, STYLE)


__all__ = ["Written", "proof_page", "display_html", "split_top", "tex_code"]
