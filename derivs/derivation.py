"""Check a LaTeX derivation step by step and point at the first wrong one.

The text is split into display blocks, lines and chains (structure only: no mathematics
here); each pair of consecutive expressions in a chain is a step, judged on its own
against its predecessor, the way a human marker gives credit for correct algebra after an
earlier slip. Parsing and deciding are the grader's: parse_latex, then decide.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

import mpmath
import sympy

from .discovery import load_problems
from .equivalence import decide
from .model import Index, IndexedFunction, Matrix, Problem, Scalar, Size, Table, Vector, vectors_for
from .numeric import EVALUATION_ERRORS, breakpoints, first_different_entry, point_value
from . import dialect
from .parsing import DOCUMENT_SIZE, FREE_FUNCTION_NAMES, Context, LatexError, parse_latex, plain_name, read, writes_matrix_product, writes_transpose
from .sandbox import Overrun, run_limited
from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

STEP_TIMEOUT = 2.0  # CPU seconds per step
DERIVATION_BUDGET = 60.0  # CPU seconds for a whole derivation, whatever its length
MAX_DERIVATION = 200_000  # characters
MAX_STEPS = 400
ENVIRONMENTS = r"align\*?|aligned|alignat\*?|equation\*?|gather\*?|gathered|split|multline\*?|eqnarray\*?"
LAYER = r"(?:\^\{\(\w+\)\}|\^\(\w+\))?"  # ^{(n)}: which example or layer, part of the name
NAME = r"\\?[A-Za-z]+(?:_(?:\{\\text(?:rm)?\{\w+\}\}|\{?-?[\w,]+\}?))?" + LAYER + r"(?:(?<=\w)'+|(?<=\})'+)?"  # x_3, \Sigma_1, w_{kj}, v_{-1}, w_1', z_k^{(n)}
DECORATED = r"\\(?:hat|tilde|bar|dot|ddot)\s*\{?\\?\w+\}?(?:_\{?-?[\w,]+\}?)?" + LAYER  # \hat{y}, \dot{v}_{-1}, \bar{x}_1, \hat{y}_k^{(n)}
ENTRY = r"[A-Za-z]'*\(\s*\d+\s*,\s*\d+\s*\)"  # F'(1,1): an entry of a feature map
LABEL = NAME + "|" + DECORATED + "|" + ENTRY  # what may name a chain (\Sigma_1 : ...)
CHAIN = r"=(?!=)|\\approx(?![A-Za-z])"  # the links of a chain: A = B \approx 0.7971
IMPLIES = (r"\\Rightarrow|\\implies|\\Longrightarrow|\\therefore|\\rightarrow|\\longrightarrow"  # \\rightarrow between equations: "so"
           r"|\\iff|\\Leftrightarrow|\\Longleftrightarrow")  # "if and only if": judged as "so" (the same solutions either way)
_DECIMAL_OR_INTEGER = re.compile(r"-?\s*\d*\.?\d+$")
UNDERBRACE = r"\\underbrace\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}\s*_\s*\{([^{}]*)\}"


# --- structure: blocks, lines, chains -----------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the source text where the block line starts
    text: str  # the cleaned line, relations still in it
    names: tuple[tuple[str, str], ...] = ()  # \underbrace{E}_{W} on this line: W stands for E
    condition: str = ""  # "x = 0" from a trailing \text{at } x = 0, "x > 0" from \text{for } x > 0
    explains: bool = False  # it starts "where" (\text{where } \hat y = \sigma(z) = ...): it names what was used


EXPLAINS = re.compile(r"\s*(?:\\text(?:rm)?\s*\{\s*where\s*\}|where\b)")


DISPLAY = re.compile(
    r"\$\$(?P<dollars>.+?)\$\$|\\\[(?P<brackets>.+?)\\\]|\\begin\{(?P<env>" + ENVIRONMENTS + r")\}(?P<body>.+?)\\end\{(?P=env)\}",
    re.DOTALL,
)
INLINE = re.compile(r"(?<![$\\])\$([^$\n]+)\$(?!\$)")
# An inline equation worth checking starts as given values, arithmetic or a function's definition do:
# (x_1, x_2) = (2, 5), x_3 = -0.3, 100,000 \cdot 1,000 = 10^7, \frac{1}{9} = .., \sigma(x) = ..., b = 0.1, \eta = 0.1,
# e^{-1} = 0.3679, \ln 2 = 0.6931, \sigma(2) \approx 0.881;
# not "x = 0", "z = 0" or "t = 1" (where a function is looked at, not a value given).
INLINE_EQUATION = re.compile(r"\s*(?:\(|\\?[A-Za-z]+_|\d|\\frac|\\sqrt|\\?[A-Za-z]+'*\s*\(|e\^|\\(?:ln|log|exp|hat|bar|tilde|lfloor|lceil|left\s*\\l(?:floor|ceil))\b)[^=]*?(?:=|\\approx\b)"
                             r"|\s*(?:\\mathbf\s*\{\s*[A-Za-z]\s*\}|\\vec\s*\{?\s*[A-Za-z]\s*\}?|[A-Za-z])\s*=\s*(?:\(|\[|\\left[(\[])\s*-?\d"
                             r"|\s*(?:[a-su-wyA-Z]|\\[a-z]+)\s*=\s*-?\d*\.?\d+\s*$")
# "with $W = W_2 W_1$ and $\\mathbf{b} = ...$", "where $h = ...$": an inline equation that names a quantity (not x, z or t,
# where a function is looked at, nor an index i..n: "for $k = i$" is a case, not a value)
def _after_words(words: tuple[str, ...]) -> re.Pattern:
    """Prose that ends in one of the words, then only inline formulas and words without one: "with $a = 1$ and "."""
    return re.compile(r"\b(?:" + "|".join(words) + r")\b(?:[^$]*\$[^$]*\$)*[^$]*$", re.IGNORECASE)


# "With $x = 2$, $y = 1$": after these words even x, z or t is given a value (not after "where", "for" or "at")
GIVING_WORDS = ("with", "let", "set", "given", "suppose", "assume", "assuming")
GIVING_PROSE = _after_words(GIVING_WORDS)
DEFINING_PROSE = _after_words(GIVING_WORDS + ("where", "define", "defining", "denote", "denoting", "for"))
PROSE_WINDOW = 160  # characters before an inline equation where "with", "where", ... may stand
ARROW = re.compile(r"\\(?:[Rr]ightarrow|Longrightarrow|implies|iff|to)(?![A-Za-z])")  # "$d = 1 \\rightarrow 4 = ...$": a case worked, not a name
INLINE_GIVEN = re.compile(r"\s*[xzt]\s*=\s*-?\d*\.?\d+\s*$")
INLINE_DEFINITION = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]\s*\}|\\?[A-Za-z]+_\{?\w+\}?|\\[A-Za-z]+|[a-ho-su-wyA-Z])\s*=(?!=)")
# A heading starts a new part of the write-up: the names it defines for itself start afresh.
HEADING = re.compile(r"^\s*(?:#{1,6}\s|\\(?:sub)*section\b|\*\*\s*(?:Question|Problem|Exercise)\b|\[?(?:Question|Problem|Exercise)\s+\d"
                     r"|\d+(?:\.\d+)*\s+[A-Z][a-z]+(?:\s+[a-z]+)*\s*$)")
PART = re.compile(r"^\s*\(?[a-h]\)\s*$")  # a line that is only "c)" or "(b)": a sub-question, with values of its own
CELL = re.compile(r"\$([^$]+)\$")


@dataclass(frozen=True)
class Block:
    line: int  # where its body starts in the source
    body: str
    kind: str = "display"  # display, inline, table (its rows' cells), section (a heading), part (a line "c)")
    condition: str = ""  # where its lead-in says it holds ("For $x > 0$ we can write:"): "x > 0"
    explains: bool = False  # inline after "with", "where", "let": it names a quantity ("with $W = W_2 W_1$")


# The sentence before a display block may say where it holds ("For $x > 0$ we can write :", "when $x = 0$")
# and which quantity grows ("for large $k$": \lim_{+\infty} is then \lim_{k \to \infty}).
LEAD_IN_WORD = re.compile(r"\b(?:for|when|if|where|with|at|assume|assuming|suppose)\b", re.I)
LEAD_IN_CONDITION = re.compile(r"\$\s*([^$]+?)\s*\$")
LARGE = re.compile(r"\blarge\s+\$\s*(\\?[A-Za-z]+)\s*\$", re.I)
BARE_LIMIT = re.compile(r"\\lim_\{?\s*\+?\\infty\s*\}?")


def _lead_in(prose: str) -> str:
    """The last sentence before a display block (after the last blank line or full stop)."""
    paragraph = re.split(r"\n\s*\n", prose.rstrip())[-1]
    return re.split(r"(?<=[.!?])\s+(?=[A-Z(])", paragraph.strip())[-1][-300:]


def _with_lead_in(block: Block, prose: str) -> Block:
    """The block with the condition its lead-in states (one variable against a number), and a bare
    \\lim_{+\\infty} given the variable the lead-in calls large."""
    lead = _lead_in(prose)
    if not LEAD_IN_WORD.search(lead):
        return block
    conditions = [text for text in LEAD_IN_CONDITION.findall(lead) if _CONDITION_PART.match(text) and _mentions(block.body, _CONDITION_PART.match(text).group("name"))]
    body = block.body
    large = LARGE.findall(lead)
    if len(set(large)) == 1:
        body = BARE_LIMIT.sub(lambda m: rf"\lim_{{{large[0]} \to \infty}}", body)
    return replace(block, body=body, condition=conditions[0] if len(conditions) == 1 else "")


def _mentions(body: str, name: str) -> bool:
    """The block writes the name (x in g(x + h) or e^{-kx}), not only in commands (g = 0.5 before a block without g)."""
    mathematics = re.sub(r"\\[A-Za-z]+", " ", body)
    if len(name) == 1:
        return name in mathematics
    return re.search(r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z])", body) is not None


def document_blocks(text: str) -> list[Block]:
    """Every block of mathematics in reading order: display blocks, inline equations, table rows, and headings."""
    blocks, done, lead = [], 0, ""
    cursor = [0, 1]  # an offset and its line: offsets only grow, so newlines are counted once (linear in the text)

    def line_at(offset: int) -> int:
        cursor[1] += text.count("\n", cursor[0], offset)
        cursor[0] = offset
        return cursor[1]

    for match in DISPLAY.finditer(text):
        blocks += _blocks_between(text, done, match.start(), line_at(done))
        group = next(name for name in ("dollars", "brackets", "body") if match.group(name) is not None)
        blank = lambda m: " " * len(m.group())  # noqa: E731  (kept as wide, so line numbers hold)
        inner = re.sub(r"\\(?:begin|end)\{(?:" + ENVIRONMENTS + r")\}(?:\{[^}]*\})?", blank, match.group(group))
        if re.match(r"\s*\\begin\{cases\}", inner):  # a block that is a list of equations in cases, not a piecewise right side
            inner = re.sub(r"\\(?:begin|end)\{cases\}", blank, inner)
        lead = text[done:match.start()] if text[done:match.start()].strip() else lead  # blocks one after another share a lead-in
        blocks.append(_with_lead_in(Block(line_at(match.start(group)), inner), lead))
        done = match.end()
    return blocks + _blocks_between(text, done, len(text), line_at(done))


def _blocks_between(text: str, start: int, end: int, first: int) -> list[Block]:
    """The prose between display blocks (its first line's number given), line by line: headings, table rows, inline equations."""
    blocks: list[Block] = []
    for number, line in enumerate(text[start:end].split("\n"), start=first):
        heading = "section" if HEADING.match(line) else "part" if PART.match(line) else None
        if heading:  # the heading starts a part; values given on its own line (**Problem 2.** with $\\beta = 0.9$) belong to it
            blocks.append(Block(number, line.strip(), heading))
        in_table = blocks and blocks[-1].kind == "table" and blocks[-1].line + blocks[-1].body.count("\n") == number - 1
        if in_table and TABLE_RULE.fullmatch(line):  # \hline between rows: still the same table
            blocks[-1] = replace(blocks[-1], body=blocks[-1].body + " \\\\\n")
            continue
        cells = _table_cells(line)
        if cells:  # consecutive rows are one table: one block, whose names hold for the whole table
            table = blocks[-1] if blocks and blocks[-1].kind == "table" and blocks[-1].line + blocks[-1].body.count("\n") == number - 1 else None
            if table is None:
                blocks.append(Block(number, _row_chains(cells), "table"))
            else:
                blocks[-1] = replace(table, body=table.body + " \\\\\n" + _row_chains(cells))
            continue
        for match in INLINE.finditer(line):
            arithmetic = re.sub(r"\\[A-Za-z]+", " ", match.group(1))
            before = line[max(0, match.start() - PROSE_WINDOW) : match.start()]  # a bounded look back: linear in the line
            defining = (DEFINING_PROSE.search(before) and INLINE_DEFINITION.match(match.group(1)) and not ARROW.search(match.group(1))
                        or GIVING_PROSE.search(before) and INLINE_GIVEN.match(match.group(1)))
            if defining or INLINE_EQUATION.match(match.group(1)) and not (match.group(1).lstrip()[:1].isdigit() and re.search(r"[A-Za-z]", arithmetic)):
                blocks.append(Block(number, match.group(1), "inline", explains=bool(defining)))
    return blocks


TABLE_RULE = re.compile(r"\s*(?:\\(?:hline|toprule|midrule|bottomrule|cline\{[^{}]*\})\s*)+")
TABULAR_ROW_END = re.compile(r"\\\\\s*(?:\\hline\s*)?$")  # $v_1$ & $= \\ln 2$ & $= 0.6931$ \\ (\\hline)


def _table_cells(line: str) -> list[str] | None:
    """The cells of a table row (|-, tab- or, in a LaTeX tabular, &-separated, two or more holding mathematics), else None."""
    tabular = "&" in line and "$" in line and TABULAR_ROW_END.search(line)
    separator = "|" if line.lstrip().startswith("|") else "\t" if "\t" in line.strip() else "&" if tabular else None
    if separator is None:
        return None
    line = TABULAR_ROW_END.sub("", line) if tabular else line
    cells = [" ".join(CELL.findall(cell)) for cell in line.strip().strip("|").split(separator)]
    cells = [cell.strip() for cell in cells if cell.strip()]
    if len(cells) < 2 or not any(cell.startswith("=") for cell in cells):
        return None
    return cells


def _row_chains(cells: list[str]) -> str:
    """A row's cells as chains, one per block line: '= b' continues the chain, any other cell starts one.
    A bare name after a finished computation starts a new chain (v_5 | = v_3 + v_2 | = 36.11 | = \\dot v_0 | ...)."""
    chains: list[list[str]] = []
    for cell in cells:
        continues = cell.startswith("=") and chains
        body = cell[1:].strip() if cell.startswith("=") else cell
        finished = continues and len(chains[-1]) >= 2 and _DECIMAL_OR_INTEGER.match(chains[-1][-1].replace(" ", ""))
        if continues and not (finished and re.fullmatch(LABEL, body)):
            chains[-1].append(body)
        else:
            chains.append([body])
    return " \\\\ ".join(" = ".join(chain) for chain in chains)


def _strip_annotations(line: str) -> str:
    """Equation numbers, tags, labels and remarks are not mathematics."""
    line = re.split(r"&\s*&", line)[0]  # an align's && column holds a remark: (since \sigma(x) = ...)
    line = re.sub(r"\\(?:tag|label|eqref|ref)\*?\{[^{}]*\}|\\(?:nonumber|notag)|\\(?:short)?intertext\s*\{[^{}]*\}", " ", line)
    line = re.sub(r"\\because(?![A-Za-z]).*$", " ", line)  # \\because (a-b)^2 = ...: the reason for a step, not one
    line = re.sub(r"\\quad\s*\(\s*\d+[a-z]?\s*\)\s*$", " ", line)
    line = re.sub(r"(?<!\{)\\text(?:rm|bf|it)?\s*\{[^{}]*\}(?!\s*[(^'=])", " ", line)  # a remark (not \\text{ReLU}'(x), nor \\text{FLOPs} = ..)
    line = re.sub(r"\\(?:xrightarrow|xleftarrow)\s*(?:\[[^\]]*\])?\s*\{((?:[^{}]|\{[^{}]*\})*)\}", _arrow, line)
    line = re.sub(r"\\(?:overset|stackrel)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\}", " = ", line)
    line = re.sub(r":\s*=|\\coloneqq|\\triangleq|\\equiv|\\leftarrow(?![A-Za-z])", " = ", line)  # f(x) := .., w \\leftarrow w - ..: definitions
    line = re.sub(UNDERBRACE, r"\1", line)
    line = re.sub(r"\\(?:q?quad)\b|\\[,;:!]", " ", line)
    line = re.sub(r"(\\\\)?\[\d+(?:pt|em|ex|mm)\]", " ", line)
    line = re.sub(r"^\s*\(\s*(?:[a-z]|[ivx]+|\d+)\s*\)\s*", " ", line)  # an item label such as (b)
    line = re.sub(r"^\s*Q\s*\d+[a-z]?\s*[:.)]\s*", " ", line)  # a question label: Q2:
    line = re.sub(r"^\s*\\(?:Downarrow|Uparrow|downarrow|uparrow)\s*", " ", line)  # a table's arrow, not mathematics
    line = re.sub(r"^\s*(" + LABEL + r")\s*:(?!=)\s*(?=\S)", r"\1 = ", line)  # \Sigma_1 : x_1 w_1 + ... names the chain
    line = re.sub(r"\\boxed\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}", r"\1", line)
    line = re.sub(r"\\textcircled\s*\{[^{}]*\}", " ", line)  # circled item numbers: (a)(1) TP_1 = ...
    line = re.sub(r"\\(?:blacksquare|square|qed|qedhere|Box|hfill)(?![A-Za-z])", " ", line)  # the end of a proof
    for _ in range(3):  # \underline{\underline{61706}}: a result underlined twice is still 61706
        line = re.sub(r"\\underline\s*\{((?:[^{}]|\{[^{}]*\})*)\}", r"\1", line)
    return line.replace("&", " ").strip().rstrip(".,;")


def _arrow(match: re.Match) -> str:
    r"""\xrightarrow{label}: an annotated equal step (\xrightarrow{c \text{ is scalar}}), unless its label solves
    for something (p=?) or sets values (s=2, p=0): then what follows is a new statement, not equal to what precedes."""
    label = match.group(1)
    if "?" in label or re.search(r"(?<![\w)}])[A-Za-z]\s*=\s*-?\d", label):
        return r" \Rightarrow "
    return " = "


# ", \quad \text{for } x > 0" or "\text{ at } x = 0" after an equation: where it holds, not part of it
TRAILING_CONDITION = re.compile(r"(?:\\q?quad|\\[,;]|[,\s~])*\\text(?:rm)?\s*\{\s*(?:at|for|when|where|if)\s*\}\s*(?P<condition>[^{}]+?)\s*$")
# H(x) \\quad (x \\neq 0): a condition in brackets after the line
TRAILING_BRACKETED = re.compile(r"(?:\\q?quad|\\[,;]|,)\s*\(\s*(?P<condition>\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*(?:=|>|<|\\neq?|\\geq?|\\leq?)\s*-?\d*\.?\d+)\s*\)\s*\.?\s*$")
_CONDITION_PART = re.compile(r"^\s*(?P<name>\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(?P<relation>=|>|<|\\neq?|\\geq?|\\leq?|\\ge|\\le)\s*(?P<value>-?\d*\.?\d+)\s*$")
_INNER_ENVIRONMENT = re.compile(r"\\begin\{([pbvBV]?matrix|array|cases|dcases)\}.*?\\end\{\1\}", re.S)
_ROW, _CELL = "\x01", "\x02"  # a matrix's \\ and & while the block is cut into lines


def _protect_environments(body: str) -> str:
    """A matrix's or cases' rows and cells are not the lines and columns of an align: keep them whole."""
    return _INNER_ENVIRONMENT.sub(lambda m: m.group(0).replace("\\\\", _ROW).replace("&", _CELL), body)


def block_lines(first_line: int, body: str) -> list[Line]:
    lines = []
    offset = counted = newlines = 0  # newlines are counted once, up to each line's start (linear in the block)
    body = _protect_environments(body)
    for raw in re.split(r"\\\\(?:\s*\[[^\]]*\])?", body):
        content_at = offset + len(raw) - len(raw.lstrip())
        newlines += body.count("\n", counted, content_at)
        counted = content_at
        number = first_line + newlines
        offset += len(raw) + 2
        condition = TRAILING_CONDITION.search(raw) or TRAILING_BRACKETED.search(raw)
        if condition:
            raw = raw[: condition.start()]
        statements = _split_top_level(raw, r"\\q?quad(?![A-Za-z])")  # A = B \quad C = D: two statements on one line
        for piece in statements if len(statements) > 1 and all("=" in s for s in statements) else [raw]:
            cleaned = _strip_annotations(piece).replace(_ROW, "\\\\").replace(_CELL, "&")
            piece = piece.replace(_ROW, "\\\\").replace(_CELL, "&")
            if cleaned:
                names = tuple((name.strip(), body) for body, name in re.findall(UNDERBRACE, piece))
                lines.append(Line(number, cleaned, names, condition.group("condition").strip(" ,.") if condition else "", bool(EXPLAINS.match(piece))))
    return lines


def _split_top_level(text: str, separator: str) -> list[str]:
    """Split at the separator (a regex) where no bracket is open."""
    return _split_with_separators(text, separator)[0]


def _split_with_separators(text: str, separator: str) -> tuple[list[str], list[str]]:
    """The pieces between top-level separators, and the separators themselves (= or \\approx)."""
    parts, separators, depth, start, i = [], [], 0, 0, 0
    matcher = re.compile(separator)
    while i < len(text):
        char = text[i]
        if text.startswith(("\\begin{", "\\end{"), i) and "}" in text[i:]:  # a cases' or matrix's = and & are its own
            depth += 1 if text.startswith("\\begin{", i) else -1
            i = text.index("}", i) + 1
            continue
        if char in "({[":
            depth += 1
        elif char in ")}]":
            depth -= 1
        elif depth == 0:
            match = matcher.match(text, i)
            if match and match.end() > i:
                parts.append(text[start:i])
                separators.append(match.group().strip())
                start = i = match.end()
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts], separators


# --- steps ----------------------------------------------------------------------------------------


@dataclass
class Step:
    index: int
    line: int
    lhs: str
    rhs: str
    kind: str = "equal"  # "equal", or "implies" when both sides are equations
    start: str = ""  # the first expression of the step's chain
    names: tuple[tuple[str, str], ...] = ()  # names the derivation has given so far (\underbrace)
    condition: str = ""  # where its line says it holds: "x = 0" (a point), "x > 0" (a range)
    verdict: str = ""  # valid, invalid, undecided, unparsed, definition
    feedback: str = ""
    witness: dict | None = None
    matches_start: bool | None = None  # the right side equals the first expression of its chain
    section: int = 0  # how many headings come before it: a write-up's own functions and names hold within one
    part: int = 0  # how many sub-questions (c) within the section come before it: values hold within one
    block: int = 0  # which block of mathematics it is in (a derivation, for the summary)
    block_kind: str = "display"  # display, inline or table
    explains: bool = False  # its line starts "where": the chain's first name is defined, though used before
    context: str = ""  # the bundled problem its section was recognised as (its rules and answers apply), else ""

    def to_dict(self) -> dict:
        return asdict(self)


def find_steps(text: str) -> list[Step]:
    """Every step of every chain in the text, numbered from 1 in reading order."""
    steps: list[Step] = []
    previous: str | None = None  # a block may continue the chain of the block before it
    displayed: str | None = None  # where the last display block's chain ended: only a display block continues it
    start = ""
    names: tuple = ()
    section = part = 0
    for number, block in enumerate(document_blocks(text)):
        if block.kind in ("section", "part"):
            section, part = (section + 1, 0) if block.kind == "section" else (section, part + 1)
            previous = displayed = None
            continue
        previous = displayed if block.kind == "display" else None  # "$b = 10$" in the prose is not what "$$= c$$" goes on from
        for line in block_lines(block.line, block.body):
            names += line.names
            for clause_number, clause in enumerate(_split_top_level(line.text, IMPLIES)):
                chain, relations = _split_with_separators(clause, CHAIN)
                if clause_number > 0 and steps and "=" in clause and steps[-1].line == line.number:
                    steps.append(Step(len(steps) + 1, line.number, _equation_of_line(line.text, clause_number - 1), clause, kind="implies", section=section, part=part, block=number, block_kind=block.kind))
                    previous = chain[-1]
                    continue
                if len(chain) == 1:
                    previous = None
                    continue
                if chain[0] == "" and previous is not None:
                    chain[0] = previous  # a line starting with "=" continues the chain above
                else:
                    start = chain[0]
                for left, right, relation in zip(chain, chain[1:], relations):
                    if left and right:
                        kind = "approx" if relation.startswith("\\") else "equal"
                        steps.append(Step(len(steps) + 1, line.number, left, right, kind=kind, start=start, names=names, condition=line.condition or block.condition,
                                          section=section, part=part, block=number, block_kind=block.kind, explains=line.explains or block.explains))
                previous = next((piece for piece in reversed(chain) if piece), None)  # "A = B = \\ &= C": B links to C
        if block.kind == "display":
            displayed = previous
    return steps


def _equation_of_line(text: str, clause: int) -> str:
    return _split_top_level(text, IMPLIES)[clause]


# --- judging ---------------------------------------------------------------------------------------


@dataclass
class DerivationReport:
    steps: list[Step] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def first_error(self) -> int | None:
        return next((s.index for s in self.steps if s.verdict == "invalid"), None)

    @property
    def counts(self) -> dict[str, int]:
        """Steps by verdict: valid, invalid, undecided, unreadable (unparsed), and statements (definitions)."""
        counts = {"valid": 0, "invalid": 0, "undecided": 0, "unreadable": 0, "statements": 0}
        for step in self.steps:
            counts[{"unparsed": "unreadable", "definition": "statements"}.get(step.verdict, step.verdict)] += 1
        return counts

    @property
    def first_errors(self) -> list[Step]:
        """The first wrong step of each derivation (block of mathematics), in reading order."""
        seen, first = set(), []
        for step in self.steps:
            if step.verdict == "invalid" and step.block not in seen:
                seen.add(step.block)
                first.append(step)
        return first

    def to_dict(self) -> dict:
        return {"steps": [s.to_dict() for s in self.steps], "first_error": self.first_error, "counts": self.counts,
                "first_errors": [s.index for s in self.first_errors], "seconds": round(self.seconds, 3)}

    def explanation(self) -> str:
        wrong = next((s for s in self.steps if s.verdict == "invalid"), None)
        if wrong is None:
            unclear = [s.index for s in self.steps if s.verdict in ("undecided", "unparsed")]
            if unclear:
                return f"no step was found wrong; steps {', '.join(map(str, unclear))} could not be checked"
            return "every step is valid"
        text = f"step {wrong.index} (line {wrong.line}) is wrong: {wrong.lhs} is not equal to {wrong.rhs}"
        return text + (f"; {wrong.feedback}" if wrong.feedback else "")


def _with_free_symbols(problem: Problem, exprs) -> Problem:
    """The problem, plus a variable for each symbol a step uses that the problem does not declare:
    an index (1..the vector length) if it subscripts a vector, a vector for x in x_j under \\sum_j,
    a size for n, else a real number."""
    bases = [v.base for v in problem.variables if hasattr(v, "base")]
    declared = {getattr(v, "symbol", None) for v in problem.variables} | set(bases) | {b.label for b in bases}
    length = next((v.length for v in problem.variables if isinstance(v, Vector)), 3)
    extra: list = list(vectors_for(exprs, declared, length))
    for expr in exprs:  # matrices the step reads as such (W^T x with W, x bold or capital): sized 2 or 3
        for matrix in sorted(expr.atoms(sympy.MatrixSymbol), key=str) if isinstance(expr, (sympy.Basic, sympy.MatrixBase)) else ():
            if matrix not in declared and all(getattr(v, "symbol", None) != matrix for v in extra):
                extra += [Size(n, (2, 3)) for n in matrix.shape if isinstance(n, sympy.Symbol) and n not in declared and all(getattr(v, "symbol", None) != n for v in extra)]
                extra.append(Matrix(matrix))
    for expr in exprs:
        entries = expr.atoms(sympy.Indexed)
        indices = {i for entry in entries for i in entry.indices} | {a for d in expr.atoms(sympy.KroneckerDelta) for a in d.args}
        sizes = {high for total in expr.atoms(sympy.Sum, sympy.Product) for _, _, high in total.limits}  # the K of \sum_{k=1}^K
        labels = {entry.base.label for entry in entries}
        for symbol in sorted(expr.free_symbols - labels, key=str):  # sorted: the same witness every run
            if isinstance(symbol, sympy.Symbol) and symbol not in declared and symbol not in {getattr(v, "symbol", None) for v in extra}:
                if symbol == DOCUMENT_SIZE or symbol in sizes:
                    extra.append(Size(symbol, (2, 3, 5)))
                elif symbol in indices:
                    upper = sympy.Max(*sizes) if sizes else DOCUMENT_SIZE if problem.document else length
                    extra.append(Index(symbol, upper))
                    if upper == DOCUMENT_SIZE and DOCUMENT_SIZE not in declared | {getattr(v, "symbol", None) for v in extra}:
                        extra.append(Size(DOCUMENT_SIZE, (2, 3, 5)))
                else:
                    extra.append(Scalar(symbol, 0.2, 3) if symbol.is_positive else Scalar(symbol))
    return replace(problem, variables=problem.variables + tuple(extra)) if extra else problem


_ENTRY_NAME = re.compile(r"(.+?)_\{?([a-z0-9]{1,2})\}?")


def _entries_by_name(sides: tuple) -> tuple:
    """y_i beside \\sum_k y_k is the i-th entry of that y, not a name of its own (which would make
    \\sum_k y_k 1\\{k = i\\} = y_i look false)."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    entries = [entry for expr in exprs for entry in expr.atoms(sympy.Indexed)]
    ranks = {str(entry.base.label): (entry.base, len(entry.indices)) for entry in entries}
    if not ranks:
        return sides
    known = {s.name: s for expr in exprs for s in expr.free_symbols if isinstance(s, sympy.Symbol)}
    swaps = {}
    for name, symbol in known.items():
        match = _ENTRY_NAME.fullmatch(name)
        if match and match.group(1) in ranks and len(match.group(2)) == ranks[match.group(1)][1]:
            indices = [sympy.Integer(c) if c.isdigit() else known.get(c, sympy.Symbol(c, real=True)) for c in match.group(2)]
            swaps[symbol] = ranks[match.group(1)][0][tuple(indices) if len(indices) > 1 else indices[0]]
    return tuple(side.xreplace(swaps) if isinstance(side, sympy.Basic) and swaps else side for side in sides)


def _one_length(sides: tuple) -> tuple:
    """A bare \\sum_j (or the softmax S) runs to n, 'the length'; beside \\sum_{j=1}^K in the same step, n is K."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    bounds = {high for expr in exprs for total in expr.atoms(sympy.Sum) for _, _, high in total.limits if isinstance(high, sympy.Symbol)}
    named = bounds - {DOCUMENT_SIZE}
    if DOCUMENT_SIZE not in bounds or len(named) != 1:
        return sides
    (length,) = named
    return tuple(side.xreplace({DOCUMENT_SIZE: length}) if isinstance(side, sympy.Basic) else side for side in sides)


def _given_entries(sides: tuple, problem: Problem) -> tuple:
    """A vector the write-up gave (\\mathbf{z} = (1, 2, 3): z_1, z_2, z_3): its sums and softmax run over its
    entries, whose values are put in."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    for base in {entry.base for expr in exprs for entry in expr.atoms(sympy.Indexed)}:
        values, n = {}, 1
        while f"{base.label}_{n}" in problem.names and getattr(problem.names[f"{base.label}_{n}"], "is_number", False):
            values[base[n]] = problem.names[f"{base.label}_{n}"]
            n += 1
        if not values:
            continue
        def given(side):
            side = side.xreplace({DOCUMENT_SIZE: len(values)})
            side = side.replace(lambda e: isinstance(e, sympy.Sum) and all(limit[2].is_number for limit in e.limits), lambda e: e.doit())
            return side.xreplace(values)
        sides = tuple(given(side) if isinstance(side, sympy.Basic) else side for side in sides)
    return sides


def _softmax_entry(argument, index):
    """A write-up's S(\\mathbf{x} + c)_i: the softmax's i-th entry e^{x_i + c} / sum_j e^{x_j + c}, over the one
    vector (x or z, bold or not) in the argument; without an entry or a vector, S stays a function of its own."""
    vectors = [s for s in getattr(argument, "free_symbols", ()) if isinstance(s, sympy.Symbol) and s.name in ("x", "z")]
    if index is None or len(vectors) != 1:
        return sympy.Function("S")(argument)
    vector = sympy.IndexedBase(vectors[0].name, real=True)
    j = sympy.Dummy("j", integer=True)
    entry = lambda k: sympy.exp(argument.xreplace({vectors[0]: vector[k]}))  # noqa: E731
    return entry(index) / sympy.Sum(entry(j), (j, 1, DOCUMENT_SIZE))


# A write-up with no problem named: the course's functions are known by default (the dialect's sigma, tanh,
# ReLU, H, GELU, and the softmax S(x)_i here); a write-up may define sigma, GELU, H or S for itself.
SOFTMAX = IndexedFunction(_softmax_entry)
DOCUMENT = Problem(id="write-up", title="", statement="", variables=(), claims=(), document=True, names={"S": SOFTMAX, "softmax": SOFTMAX})


def _matrices_written(text: str, problem: Problem) -> bool:
    """The text writes a transpose, or (in a write-up) a capital times a bold vector: its capitals are matrices."""
    return writes_transpose(text) or problem.document and writes_matrix_product(text)


def _parse_side(text: str, problem: Problem, names: tuple, matrices: bool = False):
    """Parse one side; a name given by an earlier \\underbrace{E}_{W} stands for E. `matrices`: the step
    writes a transpose somewhere, so capital and bold names are matrices on this side too (x^T x = ||x||^2)."""
    context = Context.for_problem(problem)
    if matrices and context.free:
        context = replace(context, matrix_letters=True)
    expr = read(text, context).value
    for name, body in names:
        symbols = [s for s in expr.free_symbols | expr.atoms(sympy.MatrixSymbol) if getattr(s, "name", None) == name]
        if symbols:
            value = read(body, context).value  # read as the side is: W = W_2 W_1 among matrices is their product
            expr = expr.xreplace({s: value for s in symbols})
    if problem.document and isinstance(expr, sympy.Basic):  # a formula the write-up stated before its values were given
        given = {s: problem.names[s.name] for s in expr.free_symbols if isinstance(s, sympy.Symbol) and getattr(problem.names.get(s.name), "is_number", False)}
        expr = expr.xreplace(given) if given else expr
    return expr


MATRIX_NAME = re.compile(r"(?<![A-Za-z\\^])([A-Z])(?:_\{?(\w)\}?)?")


def _with_matrices(problem: Problem, step: Step) -> Problem:
    """In a problem about matrices, the capital names of a derivation are square matrices.

    The derivation's W_1 need not be the problem's (its shapes belong to the problem's
    claims); square matrices of a symbolic size keep products in order and transposes real.
    """
    if not any(isinstance(v, Matrix) for v in problem.variables):
        return problem
    size = sympy.Symbol("n", integer=True, positive=True)
    text = " ".join([step.lhs, step.rhs, *(body for _, body in step.names)])
    found = {}
    for letter, subscript in MATRIX_NAME.findall(text):
        name = f"{letter}_{subscript}" if subscript else letter
        found[name] = sympy.MatrixSymbol(name, size, size)
    if not found:
        return problem
    variables = problem.variables + (Size(size, (2, 3)),) + tuple(Matrix(m) for m in found.values())
    return replace(problem, variables=variables, names={**problem.names, **found})


MATRIX_DECLARATION = re.compile(r"(" + NAME + r"|\\mathbf\s*\{\s*[A-Za-z]\s*\})\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^\s*\{([^{}]+?)\s*\\times\s*([^{}]+?)\}")


def with_declared_matrices(problem: Problem, text: str) -> Problem:
    """`W_1 \\in \\mathbb{R}^{m \\times n}` anywhere in a write-up makes W_1 an m x n matrix for all of it:
    products keep their order and transposes their meaning (sizes sampled from 2 and 3)."""
    if not problem.document:
        return problem
    sizes: dict[str, sympy.Basic] = {}

    def size(text: str):
        text = text.strip()
        if text.isdigit():
            return sympy.Integer(text)
        return sizes.setdefault(text, sympy.Symbol(text.lstrip("\\"), integer=True, positive=True))

    matrices = {}
    for name, rows, columns in MATRIX_DECLARATION.findall(text):
        key = _name_key(re.sub(r"\\mathbf\s*\{\s*([A-Za-z])\s*\}", r"\1", name))
        matrices[key] = sympy.MatrixSymbol(key, size(rows), size(columns))
    if not matrices:
        return problem
    declared = tuple(Size(s, (2, 3)) for s in sizes.values()) + tuple(Matrix(m) for m in matrices.values())
    return replace(problem, variables=problem.variables + declared, names={**problem.names, **matrices})


FUNCTION_DEFINITION = re.compile(r"(\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*\(\s*(?:\\mathbf\s*\{\s*)?([A-Za-z])\s*\}?\s*\)")


class Document:
    """What a write-up has said so far, in reading order: its functions, names and their values.

    `problem` is the context every step is read in; `base` is where each part (after a heading)
    starts again, so a name or a function defined for one question does not leak into the next.
    """

    def __init__(self, problem: Problem, candidates: tuple[Problem, ...] = ()):
        self.base = self.problem = problem
        self.candidates = candidates  # bundled problems a section may turn out to be (Problem.write_up)
        self.recognised: Problem | None = None  # the one this section is, once it states enough of its givens
        self.same_function: dict = {}  # (a sign's body, a defined body) -> one function? Asked after every definition; kept until the functions change
        self.defined: set[str] = set()  # functions the write-up itself defined in this part
        self.valued: dict[str, tuple[int, str]] = {}  # names the write-up gave a value, with the block (and its kind) that did
        self.section = self.part = 0
        self.condition: tuple[Step, object] | None = None  # the last equation to solve, and its residual
        self.facts: dict = {}  # sums the part states the value of (\\sum_k y_k = 1): put in wherever they recur
        self.ahead: dict[int, dict[str, tuple[str, int]]] = {}  # per section, names a line defines: (body, step index)

    def enter(self, step: Step) -> None:
        if step.section != self.section:
            self.section, self.part, self.problem, self.defined, self.valued, self.condition = step.section, 0, self.base, set(), {}, None
            self.recognised, self.facts, self.same_function = None, {}, {}
        elif step.part != self.part:  # a sub-question: its own values, the same functions
            self.part, self.valued, self.condition, self.facts = step.part, {}, None, {}
            self.problem = replace(self.problem, names=dict(self.base.names))

    @property
    def context(self) -> Context:
        return Context.for_problem(self.problem)

    def define_function(self, name: str, body) -> None:
        function = sympy.Function(name)
        definitions = {f: b for f, b in self.problem.definitions.items() if str(f) != str(function)}
        self.problem = replace(self.problem, definitions={**definitions, function: body})
        self.defined.add(str(function))
        self.same_function.clear()  # a body may use the function just (re)defined

    def give(self, values: dict, step: Step) -> None:
        self.problem = replace(self.problem, names={**self.problem.names, **values})
        self.valued.update({name: (step.block, step.block_kind) for name in values})

    def forget(self, key: str) -> None:
        if key in self.problem.names:
            self.problem = replace(self.problem, names={k: v for k, v in self.problem.names.items() if k != key})

    def may_define(self, name: str, step: Step, links: int) -> bool:
        """A name is new, or is worked out again in another block (dim_{out} = ... for each layer, v_1 in each
        table); `name = value` alone restates the value it has, and is checked."""
        key = _name_key(name)
        context = self.context
        if key in self.valued:
            block, kind = self.valued[key]
            given_anew = kind == step.block_kind == "inline" and _NUMBER_ONLY.fullmatch(step.rhs)  # "$s = 1$ ... then $s = 2$"
            return block != step.block and ("table" in (kind, step.block_kind) or links > 1 or bool(given_anew))
        if step.explains and step.lhs == step.start:
            return True  # "where \\hat y = \\sigma(z)": a name used above, defined now
        default = self.problem.names.get(name) is DOCUMENT.names.get(name, False)  # the softmax S until the text says otherwise
        known = key in context.expressions or key in context.symbols or name in context.vectors or name in self.problem.names and not default
        return not known


def _function_definition(step: Step, document: Document, chain: list[str]):
    """`F(x) = body`: a function the write-up defines (a default one such as \\sigma or GELU may be redefined once
    per part). In `f(x) = GELU(x) = x\\sigma(1.702x)` both names take the last body."""
    match = FUNCTION_DEFINITION.fullmatch(step.lhs.strip())
    if not match or step.kind != "equal" or _matrices_written(step.rhs, document.problem):
        return None  # f(\\mathbf{x}) = W\\mathbf{x} + \\mathbf{b}: not a function of one number (a statement, below)
    name = match.group(1).lstrip("\\")
    if name in document.defined or name in {str(f) for f in document.base.definitions}:
        return None
    if name in dialect.FUNCTIONS and name not in dialect.REDEFINABLE:
        return None  # \tanh(x) = ... is a claim about tanh, checked
    body_text = step.rhs
    for later in chain:  # f(x) = GELU(x) = body: the body is the first link that is not another F(x)
        body_text = later
        if not FUNCTION_DEFINITION.fullmatch(later.strip()):
            break
    variable = sympy.Symbol(match.group(2), real=True)
    body = _reading_in_symbols(body_text, document.problem, variable)
    if isinstance(body, (sympy.Tuple, sympy.MatrixBase)) or getattr(body, "is_Relational", False):
        return None
    if variable not in body.free_symbols:  # a = \sigma(z) = \frac{1}{1 + e^{0.5}}: z's value put in, not a definition
        return None
    return name, sympy.Lambda(variable, body)


def _name_key(text: str) -> str:
    """The key the parser looks a name up by: \\Sigma_{1} -> Sigma_1, \\hat y -> \\hat{y}."""
    text = text.strip()
    return plain_name(text) if re.match(r"\\(?:hat|tilde|bar|dot|ddot)", text) else plain_name(text.lstrip("\\"))


VECTOR_NAME = re.compile(r"\s*(?:\\mathbf\s*\{\s*([A-Za-z])\s*\}|\\vec\s*\{?\s*([A-Za-z])\s*\}?|([A-Za-z]))\s*")


def _given_values(step: Step, problem: Problem) -> dict | None:
    """Values the text gives as a list: (w_1, ..., w_6) = (0.75, ...), or a vector's entries: \\mathbf{z} = (1, 2, 3)
    gives z_1, z_2, z_3. (x_3 = -0.3 names one quantity: _named_quantity.)"""
    vector = VECTOR_NAME.fullmatch(step.lhs)
    if step.kind == "equal" and vector and re.match(r"\s*(?:\(|\[|\\left[(\[])", step.rhs):
        try:
            entries = parse_latex(step.rhs, problem)
        except LatexError:
            return None
        name = next(group for group in vector.groups() if group)
        if isinstance(entries, sympy.Tuple) and len(entries) > 1 and all(value.is_number for value in entries):
            return {f"{name}_{n}": value for n, value in enumerate(entries, start=1)}
        return None
    if step.kind != "equal" or not step.lhs.startswith("("):
        return None
    try:
        left, right = parse_latex(step.lhs, problem), parse_latex(step.rhs, problem)
    except LatexError:  # not values: the step is judged, or read as a definition, and says why
        return None
    if isinstance(left, sympy.Tuple) and isinstance(right, sympy.Tuple) and len(left) == len(right):
        if all(isinstance(name, sympy.Symbol) and "_" in name.name for name in left) and all(value.is_number for value in right):
            return {name.name: value for name, value in zip(left, right)}
    return None


def _undefined_application(text: str, document: Document) -> bool:
    """The text is one function the write-up never defines, applied to values: S(x_1), L(y, \\hat y)."""
    reading = _reading_or_none(text, document.problem)
    return isinstance(reading, sympy.core.function.AppliedUndef) and bool(_undefined_functions(reading, reading, document.problem))


def _of_matrices(step: Step, document: Document) -> bool:
    """`f(\\mathbf{x}) = W_2(W_1\\mathbf{x} + \\mathbf{b}_1) + \\mathbf{b}_2`: a network the write-up names, not a function of a number."""
    match = FUNCTION_DEFINITION.fullmatch(step.lhs.strip())
    name = match.group(1).lstrip("\\") if match else ""
    known = name in document.defined or name in dialect.FUNCTIONS or document.context.function(name) is not None  # S: the softmax
    return bool(match) and not known and _matrices_written(step.rhs, document.problem)


def _named_quantity(step: Step, document: Document, links: int):
    """`NAME = ...` starting a chain, for a name not known yet (x_3, \\Sigma_1, v_5, \\frac{\\partial L}{\\partial w_3}):
    a definition. Returns the name's key, or None."""
    text = _BOLD_NAME.sub(r"\1", step.lhs.strip())  # \\mathbf{b} = W_2 \\mathbf{b}_1 + \\mathbf{b}_2 names b
    if step.kind != "equal" or step.lhs != step.start and not ("_" in text and re.fullmatch(LABEL, text)):
        return None  # inside a chain, only a subscripted name is new: S(x_k) = p_k = \frac{..}{..}
    squared = re.fullmatch(r"(?:" + LABEL + r")\s*\^\s*\{?\s*2\s*\}?", text)  # \\sigma_B^2 = ...: a variance is named squared
    if squared and step.lhs == step.start and document.may_define(text, step, links):
        return _name_key(text)
    if re.fullmatch(LABEL, text):
        shadowed = text.lstrip("\\") in dialect.REDEFINABLE | set(DOCUMENT.names)  # S = k(w - f + 2p)/s + 1: a size, not softmax
        if document.context.function(text.lstrip("\\")) is not None and not shadowed or not document.may_define(text, step, links):
            return None
        if document.context.matrices and isinstance(_reading_or_none(text, document.problem), (sympy.MatMul, sympy.MatAdd)):
            return None  # WV with W and V declared matrices is their product, not a name
        return _name_key(text)
    if text.startswith("\\frac"):
        try:
            quantity = parse_latex(text, document.problem)
        except LatexError:
            return None
        if isinstance(quantity, sympy.Symbol) and quantity.name.startswith("\\frac") and document.may_define(quantity.name, step, links):
            return quantity.name
    return None


_INDEXED_NAME = re.compile(r"([A-Za-z]+)_([a-z])")


def _family(key: str, body) -> dict | None:
    """`p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}`: an entry for every index, so p_j and p_k are that formula at j and k
    (z_i in the body is the i-th entry of z). None unless the body uses the index."""
    match = _INDEXED_NAME.fullmatch(key)
    if not match or not isinstance(body, sympy.Expr):
        return None
    base, letter = match.groups()
    entries = {s: sympy.IndexedBase(s.name[:-2], real=True) for s in body.free_symbols
               if isinstance(s, sympy.Symbol) and re.fullmatch(r"[A-Za-z]+_" + letter, s.name) and s.name != key}
    indices = [s for s in body.free_symbols if getattr(s, "name", None) == letter]
    if not entries and not indices:
        return None

    def entry(argument, at):
        return body.xreplace({**{s: vector[at] for s, vector in entries.items()}, **{i: at for i in indices}})
    return {base: IndexedFunction(entry)}


def _reading_or_none(text: str, problem: Problem):
    try:
        return parse_latex(text, problem)
    except LatexError:
        return None


def _carried_value(chain: list[str], document: Document):
    """The value a name carries forward: the last link of its chain if it is exact (-1/81), else the first link
    that is a number once the write-up's values are in (v_5 + v_4, not the rounded 36.0278 - 0.9899 after it)."""
    numbers = [(text, _number(text, document.problem)) for text in chain]
    numbers = [(text, value) for text, value in numbers if value is not None]
    if not numbers:
        return None
    last_text, last = numbers[-1]
    return last if not _DECIMAL.search(last_text) else numbers[0][1]


def _out_of_time(step: Step, timeout: float) -> Step:
    return replace(step, verdict="undecided", feedback=f"time limit of {timeout:g} s reached")


# \frac{\partial F}{\partial Relu}, \frac{dy}{dx}: a Leibniz fraction's quantity and variable, as written
LEIBNIZ = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\partial|d)(?![a-zA-Z]{2})\s*((?:[^{}]|\{[^{}]*\})+)\}\s*\{\s*(?:\\partial|d)\s*((?:[^{}]|\{[^{}]*\})+)\}")


def _leibniz_chain(text: str) -> Counter | None:
    """A side that is only a product of Leibniz fractions, as the fractions' net quantities over variables
    (dL/dy dy/dx -> L over x); None for anything else (a number, a sum, an operator d/dx)."""
    net: Counter = Counter()
    def take(match):
        net[_quantity(match.group(1))] += 1
        net[_quantity(match.group(2))] -= 1
        return " "
    rest = LEIBNIZ.sub(take, text)
    if not net or re.sub(r"\\cdot|\\times|\\,|\s", "", rest):
        return None
    return Counter({quantity: power for quantity, power in net.items() if power})


def _quantity(text: str) -> str:
    return re.sub(r"\\left|\\right|\s|[{}]", "", text)


def _chain_rule(step: Step) -> Step | None:
    """dF/dRelu dRelu/df = dF/dRelu dRelu/d(fI+b) d(fI+b)/df: products of Leibniz fractions whose quantities
    cancel to the same quantity over the same variable are the chain rule, valid as written (for each
    link's dependence through the next, which the write-up asserts and no value of it contradicts)."""
    left, right = _leibniz_chain(step.lhs), _leibniz_chain(step.rhs)
    if left is None or right is None:
        return None
    if left == right:
        return replace(step, verdict="valid", feedback="the chain rule: the Leibniz fractions cancel to the same derivative")
    return None


def judge_step(step: Step, problem: Problem, timeout: float, facts: dict | None = None) -> Step:
    """A step between its own two sides (`facts`: sums the write-up stated the value of, put in first)."""
    if step.kind == "implies":
        return _judge_implication(step, problem, timeout)
    chained = _chain_rule(step)
    if chained is not None:
        return chained
    try:
        with time_limit(timeout):
            problem = _with_matrices(problem, step)
            matrices = _matrices_written(step.lhs + " " + step.rhs, problem)
            left, right = _parse_side(step.lhs, problem, step.names, matrices), _parse_side(step.rhs, problem, step.names, matrices)
            if facts:
                left, right = (side.xreplace(facts) if isinstance(side, sympy.Basic) else side for side in (left, right))
            left, right = _given_entries(_one_length(_entries_by_name((left, right))), problem)
            point, domain, unread = _condition_of(step.condition, problem)
            kink = _kink(problem, (left, right), point)
            if kink:
                return replace(step, verdict="undecided", feedback=kink)
            if point:
                left, right = (side.subs(point) if isinstance(side, sympy.Basic) else side for side in (left, right))  # subs: a derivative's variable too
            context = _with_totals(_with_free_symbols(problem, (left, right)), facts)
            rounded = _as_written(step, left, right, context)
            if rounded is not None:
                return rounded
            decision = decide(context, left, right, where=domain, budget=0.8 * timeout, strict=False)
            if problem.document and decision.verdict == "different" and _not_real(decision.witness):
                decision = decide(_positive(context), left, right, where=domain, budget=0.4 * timeout, strict=False)
    except LatexError as error:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    except TimeLimitExceeded:
        return _out_of_time(step, timeout)
    except Exception as error:  # a step we could not judge is undecided, and says why
        return replace(step, verdict="undecided", feedback=f"could not decide ({type(error).__name__})")
    if decision.verdict == "equal":
        how = "proved" if decision.proved else "equal at random points"
        return replace(step, verdict="valid", feedback=how)
    if step.kind == "approx":
        return replace(step, verdict="undecided", feedback="an approximation (\\approx) is checked against a written decimal only")
    unshown = _not_shown_wrong(left, right, problem, (step.lhs, step.rhs), frozenset(domain)) if decision.verdict == "different" else None
    if decision.verdict == "different" and unread:
        unshown = f"the line holds only {unread}, a condition not read here: not judged"
    if unshown:
        return replace(step, verdict="undecided", feedback=unshown)
    undefined = _undefined_functions(left, right, problem) if decision.verdict != "different" and problem.document else []
    if undefined:
        return replace(step, verdict="undecided", feedback=f"{', '.join(undefined)} is not defined in the write-up: not judged")
    if decision.verdict == "different":
        return replace(step, verdict="invalid", feedback=_difference_shown(decision), witness=vars(decision.witness) if decision.witness else None)
    return replace(step, verdict="undecided", feedback=decision.note)


def _difference_shown(decision) -> str:
    """Where the sides differ, for the reader: the point, then both values (a matrix's first differing entry)."""
    witness = decision.witness
    if witness is None:
        return decision.note
    at = f"at {witness.brief_point}: " if witness.point.strip() else ""
    entry = first_different_entry(witness.lhs, witness.rhs)
    return at + (entry or f"the left side is {witness.lhs} and the right side {witness.rhs}")


def _kink(problem: Problem, sides, point: dict) -> str | None:
    """Why a derivative taken at the point does not exist: there its function has a kink (max, |x|, H)."""
    if not point:
        return None
    for side in sides:
        for derivative in getattr(side, "atoms", lambda *_: ())(sympy.Derivative):
            for zero in breakpoints(problem.expand_definitions(derivative.expr)):
                if zero.free_symbols <= set(point) and zero.subs(point) == 0:
                    shown = ", ".join(f"{symbol} = {value}" for symbol, value in point.items())
                    return f"the derivative is taken at {shown}, where its function has a kink: it has no value there, so the line is not judged"
    return None


def _not_real(witness) -> bool:
    """A witness where a side is not a real number (log of a negative entry): outside what the step is about."""
    return witness is not None and any("j" in side for side in (witness.lhs, witness.rhs))


def _positive(problem: Problem) -> Problem:
    """The same variables drawn from positive values only: where logarithms and roots of them are real."""
    def positive(variable):
        if isinstance(variable, (Scalar, Vector, Table)):
            return replace(variable, low=0.1, high=4.0)
        return variable
    return replace(problem, variables=tuple(positive(v) for v in problem.variables))


def _condition_of(text: str, problem: Problem) -> tuple[dict, dict, str]:
    """A line's condition as a point (x = 0: put in before judging) and ranges (x > 0: where the sides are
    compared); the text of any part that is neither (then a difference is not taken as a mistake)."""
    point, domain, unread = {}, {}, []
    for part in re.split(r",|\\text\{\s*and\s*\}|\\land", text) if text else []:
        match = _CONDITION_PART.match(part)
        if not match:
            unread.append(part.strip())
            continue
        try:
            symbol, value = parse_latex(match.group("name"), problem), sympy.Rational(match.group("value"))
        except LatexError:
            unread.append(part.strip())
            continue
        relation = match.group("relation").lstrip("\\")
        if relation in ("ne", "neq"):  # x \\neq 0: on both sides of it, each side sampled
            domain[symbol] = sympy.Union(sympy.Interval.open(-sympy.oo, value), sympy.Interval.open(value, sympy.oo))
            continue
        if relation == "=":
            point[symbol] = value
        else:
            opened = relation in (">", "<")
            upward = relation in (">", "ge", "geq")
            domain[symbol] = sympy.Interval(value, sympy.oo, left_open=opened) if upward else sympy.Interval(-sympy.oo, value, right_open=opened)
    return point, domain, ("for " + ", ".join(unread)) if unread else ""


_NEW_PARAMETER = re.compile(r"\\(tilde|hat|bar)|'$")  # \tilde{\omega}, \hat w, w': new parameters, defined after use


def _names_in(side) -> set[str]:
    if not isinstance(side, sympy.Basic):
        return set()
    return {s.name for s in side.free_symbols if isinstance(s, sympy.Symbol)} | {str(e.base.label) for e in side.atoms(sympy.Indexed)}


def _undefined_functions(left, right, problem: Problem) -> list[str]:
    """Functions a step applies that neither the write-up nor the course defines (f in f'(x) = ...)."""
    written = [side for side in (left, right) if isinstance(side, sympy.Basic)]
    applied = {str(type(f)) for side in written for f in side.atoms(sympy.core.function.AppliedUndef)}
    return sorted(applied - FREE_FUNCTION_NAMES - {str(f) for f in problem.definitions})


def _not_shown_wrong(left, right, problem: Problem, written: tuple[str, str] = ("", ""), ranged: frozenset = frozenset()) -> str | None:
    """Why, in a write-up, sides that differ do not show the step wrong (the step is then undecided), or None:
    a function it applies but never defines (S(x)), a derivative its definitions make 0 (of a vector loss),
    or a number on one side while the other needs values (or Leibniz quantities) it never gives. `ranged`:
    names the line says range over (for x < 0), which are variables, not values it forgot to give."""
    if not problem.document:
        return None
    extrema = sorted(name for name in _names_in(left) | _names_in(right) if name.startswith(("\\max_", "\\min_")))
    if extrema:
        return f"{extrema[0]} is read as an unknown value, and the sides differ for some value of it: not judged"
    undefined = _undefined_functions(left, right, problem)
    if undefined:
        return f"{', '.join(undefined)} is not defined in the write-up: the step holds only for some"
    for side, other, text in ((left, right, written[1]), (right, left, written[0])):  # \\theta_0 - \\eta(v_1 + v_2) = \\theta_0 - 0.048
        gone = sorted(_names_in(side) - _names_in(other))
        if gone and _DECIMAL.search(text):  # the other side, as written, has numbers in place of those names
            return f"the other side puts in values for {', '.join(gone)}, which the write-up does not give: not judged"
    introduced = sorted(_names_in(right) - _names_in(left))
    if introduced and all(_NEW_PARAMETER.search(name) for name in introduced):
        return f"the step introduces {', '.join(introduced)}, which it does not define: the values that make it hold are not judged"
    sides = [problem.expand_definitions(side) for side in (left, right)]
    if any(isinstance(side, sympy.Basic) and side.has(sympy.Derivative) and value == 0 for side, value in zip((left, right), sides)):
        return "a derivative the write-up's definitions make 0 (of a vector or matrix quantity?): not judged"
    names = sorted({str(s) for side in sides for s in getattr(side, "free_symbols", ()) if s not in ranged})
    numeric = any(getattr(side, "is_number", False) or isinstance(side, sympy.Tuple) for side in sides)
    if not numeric:
        names = [name for name in names if name.startswith("\\frac")]
    if not names:
        return None
    return f"{'a number on one side, and ' if numeric else ''}the write-up gives no value for {', '.join(names)}"


_DECIMAL = re.compile(r"(?<![\w.])(\d*)\.(\d+)")
_NUMBER_ONLY = re.compile(r"\s*-?\d*\.?\d+\s*")
_WRITTEN_NUMBER = re.compile(r"\s*-?\s*\d*\.?\d+(?:\s*(?:\\times|\\cdot)\s*10\s*\^\s*\{?\s*-?\d+\s*\}?|[eE][-+]?\d+)?\s*")  # 0.0006, 6.2 \\times 10^{-4}, 6e-4
# Rounded values as written: a decimal (4.54e-5 whole), or a whole mantissa with a power of ten (6e-4, 6 \\times 10^{-4})
_ROUNDED = re.compile(r"(?<![\w.])(?:\d*\.(?P<fraction>\d+)|\d+(?=[eE][-+]?\d+(?![\w.])|\s*\\(?:times|cdot)\s*10\s*\^))(?:[eE](?P<exponent>[-+]?\d+)(?![\w.]))?")
_ROUNDED_INPUT = re.compile(r"(?<![\w.])\d*\.(?P<fraction>\d{4,})(?:[eE](?P<exponent>[-+]?\d+)(?![\w.]))?")  # on the left, 0.8 or 1.368 are inputs, exact


def _as_written(step: Step, left, right, problem: Problem) -> Step | None:
    """A right side written with decimals (0.797057, 36.0278 - 0.9899, 3.35 \\times 10^{-4}) holds rounded values:
    the step is valid when the left side, a number, is within how far the right side moves when each decimal
    in it moves by half a unit in its last place, widened by the same for decimals written on the left (0.7068)."""
    if not _ROUNDED.search(step.rhs):
        return None
    value, target = problem.expand_definitions(left), problem.expand_definitions(right)
    if not getattr(value, "is_number", False) or not getattr(target, "is_number", False):
        return None
    exact, claimed = sympy.N(value, 40), sympy.N(target, 40)
    if not exact.is_real or not claimed.is_real:
        return None
    shown = _moved_by_rounding(step.rhs, problem, claimed, _ROUNDED)
    slack = shown + _moved_by_rounding(step.lhs, problem, exact, _ROUNDED_INPUT)
    places = max(len(m.group("fraction") or "") for m in _ROUNDED.finditer(step.rhs))
    if shown > 0:  # 3.35 \times 10^{-4}: to 6 places, as 0.000335
        places = max(places, -int(sympy.floor(sympy.log(2 * shown, 10))))
    written = step.rhs.replace(" ", "").replace("\\,", "")
    rounded = f"{float(exact):.{places}f}"
    single = _DECIMAL.fullmatch(written.lstrip("-")) is not None
    as_shown = written if single else f"{written} ({float(claimed):.{places}f})"
    if abs(exact - claimed) <= slack:
        return replace(step, verdict="valid", feedback=f"{as_shown} agrees with {rounded} to the {places} places shown")
    witness = {"point": "", "lhs": rounded, "rhs": written, "values": ()}
    return replace(step, verdict="invalid", feedback=f"{as_shown} written, {rounded} to {places} places", witness=witness)


def _half_unit(literal: re.Match) -> sympy.Rational:
    """Half a unit in the last place of a written decimal, at its scale (4.54e-5: 5e-8)."""
    return sympy.Rational(1, 2) / 10 ** len(literal.group("fraction") or "") * sympy.Integer(10) ** int(literal.group("exponent") or 0)


def _moved_by_rounding(text: str, problem: Problem, value, literals: re.Pattern) -> sympy.Rational:
    """How far `text` moves from `value`, at most, when the decimals written in it (`literals`: rounded values)
    each move by half a unit in their last place: the tolerance they bring, at the scale they are used at."""
    moved_in_all = sympy.Integer(0)
    for literal in list(literals.finditer(text))[:6]:
        farthest = sympy.Integer(0)
        for sign in (1, -1):
            nudged = sympy.Rational(literal.group()) + sign * _half_unit(literal)
            changed = text[: literal.start()] + f"\\frac{{{nudged.p}}}{{{nudged.q}}}" + text[literal.end():]
            try:
                moved = sympy.N(problem.expand_definitions(parse_latex(changed, problem)), 30)
            except (LatexError, TypeError, ValueError):
                continue
            if moved.is_real:
                farthest = max(farthest, abs(moved - value))
        moved_in_all += farthest
    return sympy.Rational(str(sympy.N(moved_in_all, 15)))


def _residual(text: str, problem: Problem):
    """An equation `A = B` as A - B (definitions expanded), or None if it is not one."""
    sides = _split_top_level(text, r"=(?!=)")
    return _difference(*sides, problem) if len(sides) == 2 else None


def _difference(left_text: str, right_text: str, problem: Problem):
    """left - right with definitions expanded, or None when a side is a list or a matrix."""
    left, right = (parse_latex(side, problem) for side in (left_text, right_text))
    if any(isinstance(side, (sympy.Tuple, sympy.MatrixBase, sympy.MatrixExpr)) for side in (left, right)):
        return None
    return problem.expand_definitions(left - right)


def _judge_implication(step: Step, problem: Problem, timeout: float) -> Step:
    """A => B between equations: valid when B's solution set in an unknown is A's; when B only states
    a value (p = 1), valid when that value solves A."""
    try:
        with time_limit(timeout):
            first, second = _residual(step.lhs, problem), _residual(step.rhs, problem)
            if first is None or second is None:
                return replace(step, verdict="undecided", feedback="both sides of an implication must be equations")
            context = _with_free_symbols(problem, (first, second))
            conclusion = None if second == 0 else decide(context, second, sympy.Integer(0), budget=0.3 * timeout, strict=False)
            if conclusion is None or conclusion.proved:
                return replace(step, verdict="valid", feedback="what follows holds for every value (proved): it needs nothing from the line before")
            if conclusion.verdict == "different" and (first == 0 or decide(context, first, sympy.Integer(0), budget=0.3 * timeout, strict=False).proved):
                shown = f" (at {conclusion.witness.brief_point} it is off by {conclusion.witness.lhs})" if conclusion.witness and conclusion.witness.point else ""
                return replace(step, verdict="invalid", feedback=f"the line before holds for every value, so what follows must too, and it does not{shown}")
            return _follows(step, first, second, context, timeout)
    except LatexError as error:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    except TimeLimitExceeded:
        return _out_of_time(step, timeout)
    except Exception:  # sympy's solvers fail in many ways; the step is then undecided
        return replace(step, verdict="undecided", feedback="could not show that the second equation follows from the first")


def _follows(step: Step, first, second, problem: Problem, timeout: float, source: str = "the first") -> Step:
    """Whether the equation second = 0 has the solutions of first = 0 (in one unknown they share)."""
    stated = _stated_value(second)
    if stated is not None and len(sympy.solve(first, stated[0])) <= 1:  # x^2 = 4 => x = 2 drops a solution: not this shortcut
        unknown, value = stated
        residual = first.subs(unknown, value)
        if residual.free_symbols:
            return replace(step, verdict="undecided", feedback=f"{unknown} = {value} leaves other unknowns in the equation")
        verdict = decide(problem, residual, sympy.Integer(0), budget=0.5 * timeout, strict=False).verdict
        if verdict == "equal":
            return replace(step, verdict="valid", feedback=f"{unknown} = {value} solves {source} equation")
        if verdict == "different":
            return replace(step, verdict="invalid", feedback=f"{unknown} = {value} does not solve {source} equation (it leaves {sympy.N(residual, 6)})")
    for unknown in sorted(first.free_symbols & second.free_symbols, key=str):
        forward, backward = sympy.solve(first, unknown), sympy.solve(second, unknown)
        if not forward or not backward:
            continue
        kept = [decide(problem, second.subs(unknown, s), sympy.Integer(0), budget=0.2 * timeout, strict=False) for s in forward]
        sound = [decide(problem, first.subs(unknown, s), sympy.Integer(0), budget=0.2 * timeout, strict=False) for s in backward]
        checks = kept + sound
        if all(c.verdict == "equal" for c in checks):
            return replace(step, verdict="valid", feedback=f"same solutions in {unknown} as {source} equation")
        if all(c.verdict == "equal" for c in sound):  # x^2 = 4 => x = 2: true solutions, but not all of them
            return replace(step, verdict="undecided", feedback=f"its solutions solve {source} equation, which has others too")
        wrong = next((c for c in checks if c.verdict == "different"), None)
        if wrong is not None:
            where = f"solving for {unknown}: at {wrong.witness.point} one equation holds and the other does not" if wrong.witness else wrong.note
            return replace(step, verdict="invalid", feedback=f"not the solutions of {source} equation; {where}", witness=vars(wrong.witness) if wrong.witness else None)
    return replace(step, verdict="undecided", feedback=f"could not show that this equation follows from {source}")


def _stated_value(residual):
    """u - 3 (from `u = 3`): (u, 3); else None."""
    symbols = residual.free_symbols
    if len(symbols) == 1 and residual.is_polynomial(*symbols) and sympy.degree(residual, *symbols) == 1:
        unknown = next(iter(symbols))
        value = sympy.solve(residual, unknown)
        if len(value) == 1 and value[0].is_number:
            return unknown, value[0]
    return None


def _condition(step: Step, problem: Problem):
    """`expression = number` alone on its line, where the expression is not constant: an equation to solve
    (`\\sigma(z) = 0.5`), not an identity (nor where its line or lead-in says where it holds). Returns its residual, or None."""
    if step.kind != "equal" or step.condition or step.lhs != step.start or not any(_DECIMAL_OR_INTEGER.match(side.strip()) for side in (step.lhs, step.rhs)):
        return None
    try:
        residual = _difference(step.lhs, step.rhs, problem)
    except (LatexError, TypeError, ValueError, AttributeError):
        return None
    if not getattr(residual, "free_symbols", None) or _vanishes(residual):
        return None  # a number, or an identity (\\sigma(z) + \\sigma(-z) = 1): judged as a step
    return residual  # one side is a written number and the other varies: an equation to solve


def _vanishes(residual) -> bool:
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


def _judge_all(steps: list[Step], problem: Problem, timeout: float, candidates: tuple[Problem, ...] = ()) -> list[Step]:
    document = Document(problem, candidates)
    document.ahead = _defined_later(steps)
    judged: list[Step] = []
    named: dict[str, None] = {}  # chains that name a quantity (\Sigma_1 = ...), in reading order
    started = cpu_seconds()
    for step in steps:
        if cpu_seconds() - started > DERIVATION_BUDGET:  # a hostile derivation gets a total bound, not N x timeout
            judged.append(replace(step, verdict="undecided", feedback=f"the derivation's budget of {DERIVATION_BUDGET:g} s of CPU time ran out"))
            continue
        document.enter(step)
        try:
            with time_limit(timeout):  # a huge first line must not stall every step after it
                outcome = _read_as_statement(step, steps, document, named)
        except TimeLimitExceeded:
            outcome = _out_of_time(step, timeout)
        except (LatexError, TypeError, ValueError, AttributeError, NotImplementedError):
            outcome = None  # not a statement: judged as a step, which says why it cannot be read
        if outcome is None:
            outcome = _judge_in_document(step, document, timeout)
            if step.explains and step.block_kind == "inline" and outcome.verdict in ("undecided", "unparsed"):
                outcome = replace(outcome, verdict="definition", feedback=f"names {step.lhs} as the text says (not read further: {outcome.feedback})")
        elif document.recognised is None and outcome.verdict == "definition":
            document.recognised = _recognised(document)
        if document.recognised is not None:
            outcome = _held_to_the_problem(outcome, document, timeout)
        judged.append(outcome)
    return _mark_lines_that_match_their_start(judged, document.base, timeout, set(named))


# --- a section that is a bundled problem ---------------------------------------------------------------


def write_up_problems(directory=None) -> tuple[Problem, ...]:
    """The problems a write-up's section may be recognised as (those that declare Problem.write_up)."""
    return tuple(p for p in load_problems(directory).values() if isinstance(p, Problem) and p.write_up is not None)


def _recognised(document: Document) -> Problem | None:
    """The candidate whose givens this section states: two of them (all, when it has fewer), none otherwise."""
    for problem in document.candidates:
        signs = problem.write_up.recognised_by
        held = [_sign_held(name, text, document) for name, text in signs.items()]
        if False not in held and held.count(True) >= min(2, len(signs)):
            return problem
    return None


def _sign_held(name: str, text: str, document: Document) -> bool | None:
    """Whether the section states this value or function as the problem does (True), otherwise (False),
    or has not stated it (None). A function counts under any name (f(x) = x\\sigma(1.702x) is GELU's sign)
    unless the section defines the sign's own name otherwise."""
    function = FUNCTION_DEFINITION.fullmatch(name)
    try:
        if function:
            defined = {str(f): body for f, body in document.problem.definitions.items() if str(f) in document.defined}
            if not defined:
                return None  # nothing to compare with: the sign is not read (this runs after every definition)
            variable = sympy.Symbol(function.group(2), real=True)
            expected = sympy.Lambda(variable, _reading_in_symbols(text, DOCUMENT, variable))
            same = {}
            for f, body in defined.items():
                if (expected, body) not in document.same_function:
                    document.same_function[expected, body] = _same_function(body, expected, document.problem)
                same[f] = document.same_function[expected, body]
            own = function.group(1).lstrip("\\")
            return same[own] if own in same else (True if any(same.values()) else None)
        key = _name_key(name)
        if key not in document.valued:
            return None
        return _same_number(document.problem.names[key], parse_latex(text, DOCUMENT))
    except (LatexError, TypeError, ValueError, AttributeError):
        return None


_SAMPLE_POINTS = (sympy.Rational(-13, 10), sympy.Rational(2, 5), sympy.Rational(21, 10))


def _same_function(body: sympy.Lambda, expected: sympy.Lambda, problem: Problem) -> bool:
    """The two bodies agree at three points, to 20 places: one function (sympy's N, cheaper here than the decision's
    walk, which works hard on a body it cannot evaluate, such as a softmax over a symbolic length)."""
    return all(_same_number(problem.expand_definitions(body(p)), DOCUMENT.expand_definitions(expected(p))) for p in _SAMPLE_POINTS)


def _reading_in_symbols(text: str, problem: Problem, variable: sympy.Symbol):
    """A function's body, its variable the one given (the parser's x may carry other assumptions)."""
    body = parse_latex(text, problem)
    return body.xreplace({s: variable for s in body.free_symbols if getattr(s, "name", None) == variable.name})


def _same_number(first, second) -> bool:
    difference = sympy.N(sympy.sympify(first) - sympy.sympify(second), 30)
    return difference.is_number and abs(difference) < sympy.Float("1e-20")


def _spelled(text: str) -> str:
    """A name as compared with a problem's: no spaces, w_{3} as w_3, \\partial as d, \\dfrac as \\frac."""
    text = re.sub(r"\s+", "", text).replace("\\partial", "d").replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
    return re.sub(r"_\{(\w)\}", r"_\1", text)


def _held_to_the_problem(step: Step, document: Document, timeout: float) -> Step:
    """A step of a section recognised as a bundled problem says so; a name the problem's rules define, or an
    answer it asks for written as a number, is judged by the problem (the step's own verdict otherwise)."""
    problem = document.recognised
    step = replace(step, context=problem.id)
    if step.kind not in ("equal", "approx") or step.lhs != step.start:
        return step
    written = _spelled(step.lhs)
    rule = next((body for name, body in problem.write_up.rules.items() if _spelled(name) == written), None)
    answer = next((value for name, value in problem.write_up.answers.items() if _spelled(name) == written), None)
    judged = None
    if rule is not None:
        judged = _against_rule(step, rule, document, timeout)
    elif answer is not None and _WRITTEN_NUMBER.fullmatch(step.rhs):
        judged = _against_answer(step, answer, problem)
    return judged or step


def _against_rule(step: Step, rule: str, document: Document, timeout: float) -> Step | None:
    """`v_1 = ...` against the problem's formula for v_1, both read with the write-up's functions: first with none
    of its values (a formula: the rule holds whatever the numbers), then, if they differ, with them (a student who
    put in beta = 0.9 wrote the rule too)."""
    problem = document.recognised
    unvalued = replace(document.problem, names={k: v for k, v in document.problem.names.items() if k not in document.valued})
    own = replace(problem, document=True, names={k: v for k, v in problem.names.items() if not getattr(v, "is_number", False)})
    try:
        with time_limit(timeout):
            decision = _rule_decision(rule, step.rhs, own, unvalued, 0.4 * timeout)
            if decision is not None and decision.verdict == "different":
                decision = _rule_decision(rule, step.rhs, own, document.problem, 0.4 * timeout)
    except (LatexError, TimeLimitExceeded, TypeError, ValueError, AttributeError):
        return None
    if decision is None:
        return None
    shown = f"{problem.id} defines {step.lhs} = {rule}"
    if decision.verdict == "equal":
        return replace(step, verdict="valid", feedback=f"as {shown}")
    if decision.verdict == "different":
        return replace(step, verdict="invalid", feedback=f"{shown}: {_difference_shown(decision)}", witness=vars(decision.witness) if decision.witness else None)
    return None


def _rule_decision(rule: str, written_text: str, own: Problem, context: Problem, budget: float):
    """The rule, read with its problem's functions (its GELU is the problem's, whatever the write-up calls it) and
    the context's values, against the written formula read in the context; None if a function is left undefined."""
    expected = own.expand_definitions(parse_latex(rule, own))
    values = {s: context.names[s.name] for s in expected.free_symbols if isinstance(s, sympy.Symbol) and getattr(context.names.get(s.name), "is_number", False)}
    expected, written = expected.xreplace(values), context.expand_definitions(parse_latex(written_text, context))
    if _undefined_functions(expected, written, context):
        return None
    return decide(_with_free_symbols(context, (expected, written)), expected, written, budget=budget, strict=False)


def _against_answer(step: Step, answer, problem: Problem) -> Step | None:
    """The asked quantity given as a number: judged against the key's value (to the places written), not the
    value the write-up's own working carries to it."""
    try:
        value, written = problem.expand_definitions(answer), parse_latex(step.rhs, DOCUMENT)
    except (LatexError, TypeError, ValueError):
        return None
    judged = _as_written(step, value, written, problem)
    if judged is None:  # an integer: exactly
        same = _same_number(value, written)
        judged = replace(step, verdict="valid" if same else "invalid", feedback=f"{step.rhs} is {'' if same else 'not '}{sympy.N(value, 6)}")
    return replace(judged, feedback=f"{problem.id}'s answer: {judged.feedback}")


def _chain_of(step: Step, steps: list[Step]) -> list[str]:
    """The links of the chain a step starts, after its first expression."""
    links = [s.rhs for s in steps if s.start == step.start and s.line == step.line and s.block == step.block and s.index >= step.index and s.kind != "implies"]
    return links or [step.rhs]


IN_WORDS = re.compile(r"\\#|\\text(?:rm)?\s*\{[^{}]*[A-Za-z]{2,}[^{}]*\}")  # \\# of filters, \\text{filter size}


def _read_as_statement(step: Step, steps: list[Step], document: Document, named: dict) -> Step | None:
    """Given values, a function's or a name's definition: what the write-up states rather than derives."""
    if step.kind == "implies":
        return None
    given = _given_values(step, document.problem) or _given_values(step, document.base)  # (x_1, x_2) given again
    if given:
        document.give(given, step)
        return replace(step, verdict="definition", feedback="given: " + ", ".join(f"{n} = {v}" for n, v in given.items()))
    for words in (step.lhs, step.rhs):  # \\# \\text{ of FLOP}(C) = ..., TP_i = \\# \\text{ of ..}
        naming = words is step.lhs or re.fullmatch(LABEL, step.lhs.strip())
        if step.lhs == step.start and naming and IN_WORDS.search(words) and _reading_or_none(words, document.problem) is None:
            return replace(step, verdict="definition", feedback=f"names a quantity in words: {step.lhs} = {step.rhs}")
    chain = _chain_of(step, steps)
    defined = _function_definition(step, document, chain)
    if defined is not None:
        name, body = defined
        document.define_function(name, body)
        return replace(step, verdict="definition", feedback=f"defines {step.lhs}")
    if step.lhs == step.start and not writes_matrix_product(step.lhs) and (_undefined_application(step.lhs, document) or _of_matrices(step, document)):  # S(x_1) = ..., L(y, \\hat y) = ...
        return replace(step, verdict="definition", feedback=f"states what {step.lhs} is (a function the write-up does not define otherwise)")
    name = _named_quantity(step, document, len(chain))
    if name is not None:
        named[step.start] = None
        document.forget(name)  # v_1 = \\ln(v_1) = \\ln(2) in a second table: not the first table's v_1
        value = _carried_value(chain, document)
        if value is not None:
            document.give({name: value}, step)
            return replace(step, verdict="definition", feedback=f"defines {step.lhs} = {sympy.N(value, 6)}")
        body = _parse_side(step.rhs, _with_matrices(document.problem, step), (), _matrices_written(step.rhs, document.problem))  # an unreadable body is not a definition
        family = _family(name, body)
        if family is not None:
            document.give(family, step)
            return replace(step, verdict="definition", feedback=f"defines {step.lhs} for every index")
        opaque = any(getattr(s, "name", "").startswith("\\frac") for s in getattr(body, "free_symbols", ()))
        if name.startswith("\\frac") and isinstance(body, sympy.Expr) and not opaque:
            document.give({name: body}, step)  # \partial a / \partial z = a(1 - a): the chain rule may put it in later
        return replace(step, verdict="definition", feedback=f"names {step.lhs}")
    return None


def _judge_in_document(step: Step, document: Document, timeout: float) -> Step:
    """A step judged where it stands: an equation to solve follows from the one before it (in another block),
    else the step is an identity between its sides."""
    try:
        with time_limit(timeout):
            residual = _condition(step, document.problem)
    except (TimeLimitExceeded, LatexError, TypeError, ValueError, AttributeError):
        residual = None
    if residual is None or step.block_kind == "table":
        return judge_step(_with_later_definitions(step, document), document.problem, timeout, document.facts)
    fact = _stated_sum(step, document.problem)
    if fact is not None:
        document.facts.update(fact)
        return replace(step, verdict="definition", feedback=f"given: {step.lhs} = {step.rhs} (put in where it recurs)")
    previous, document.condition = document.condition, (step, residual)
    if previous is None or previous[0].block == step.block:
        return replace(step, verdict="definition", feedback="an equation to solve")
    try:
        with time_limit(timeout):
            problem = _with_free_symbols(document.problem, (previous[1], residual))
            return _follows(step, previous[1], residual, problem, timeout, source=f"line {previous[0].line}'s")
    except TimeLimitExceeded:
        return _out_of_time(step, timeout)
    except Exception:  # sympy's solvers fail in many ways; the step is then undecided
        return replace(step, verdict="undecided", feedback=f"could not show that this equation follows from line {previous[0].line}'s")


def _with_totals(problem: Problem, facts: dict | None) -> Problem:
    """A vector whose entries the write-up said sum to a value is sampled so that they do."""
    totals = {total.function.base: value for total, value in (facts or {}).items() if isinstance(total.function, sympy.Indexed) and total.function.indices == (total.limits[0][0],)}
    if not totals:
        return problem
    return replace(problem, variables=tuple(replace(v, total=totals[v.base]) if isinstance(v, Vector) and v.base in totals else v for v in problem.variables))


_BOLD_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}")


def _defined_later(steps: list[Step]) -> dict[int, dict[str, tuple[str, int]]]:
    """Per section, the first line that defines each name (`W = W_2 W_1`), with its body and step index."""
    found: dict[int, dict[str, tuple[str, int]]] = {}
    for step in steps:
        text = _BOLD_NAME.sub(r"\1", step.lhs.strip())
        if step.kind == "equal" and step.lhs == step.start and re.fullmatch(NAME, text):
            found.setdefault(step.section, {}).setdefault(_name_key(text), (step.rhs, step.index))
    return found


def _with_later_definitions(step: Step, document: Document) -> Step:
    """`... = W\\mathbf{x} + \\mathbf{b}`, then "with $W = W_2 W_1$ and $\\mathbf{b} = ...$": names the right side
    introduces and a later line defines stand for those definitions (else any step could end in new names)."""
    def writes(text: str, key: str) -> bool:
        return re.search(r"(?<![A-Za-z\\])" + re.escape(key) + r"(?![0-9_'{])", re.sub(r"_\{(\w)\}", r"_\1", _BOLD_NAME.sub(r"\1", text))) is not None

    later = document.ahead.get(step.section, {})
    found = tuple((key, body) for key, (body, index) in later.items()
                  if index > step.index and key not in document.problem.names and writes(step.rhs, key) and not writes(step.lhs, key))
    return replace(step, names=step.names + found) if found else step


def _stated_sum(step: Step, problem: Problem) -> dict | None:
    """`\\sum_k y_k = 1` (a one-hot label, probabilities): a fact the write-up states, not an equation to solve."""
    try:
        total, value = parse_latex(step.lhs, problem), parse_latex(step.rhs, problem)
    except LatexError:
        return None
    return {total: value} if isinstance(total, sympy.Sum) and getattr(value, "is_number", False) else None


def _number(text: str, problem: Problem):
    try:
        value = problem.expand_definitions(parse_latex(text, problem))
    except (LatexError, TypeError, ValueError, AttributeError):
        return None
    return value if getattr(value, "is_number", False) and not isinstance(value, sympy.Tuple) and value.is_finite is not False else None


def _mark_lines_that_match_their_start(steps: list[Step], problem: Problem, timeout: float, named: set = frozenset()) -> list[Step]:
    """In a chain with a wrong step, say which lines are still right: equal to where the chain began.
    (Not for a chain that names a value, \\Sigma_1 = ... = 1.368: its start now holds the value written.)"""
    broken = {s.start for s in steps if s.verdict == "invalid" and s.kind == "equal" and s.start not in named}
    marked = []
    for step in steps:
        if step.start in broken and step.verdict in ("valid", "invalid") and not problem.document:
            verdict = judge_step(replace(step, lhs=step.start), problem, timeout).verdict
            step = replace(step, matches_start=verdict == "valid" if verdict in ("valid", "invalid") else None)
        marked.append(step)
    return marked


def bounded_steps(text: str) -> list[Step]:
    """The steps of a derivation, after its size is checked (before any splitting). Raises LatexError."""
    if not isinstance(text, str):
        raise LatexError("the derivation must be text")
    if len(text) > MAX_DERIVATION:
        raise LatexError(f"the derivation is {len(text):,} characters long; at most {MAX_DERIVATION:,} are accepted")
    steps = find_steps(text)
    if len(steps) > MAX_STEPS:
        raise LatexError(f"the derivation has {len(steps):,} steps; at most {MAX_STEPS} are checked")
    return steps


def derivation_limit(steps: int, timeout: float) -> float:
    """The CPU limit for a whole derivation: a step's timeout each, and never more than the total budget."""
    return min(timeout * (2 + 2 * steps), DERIVATION_BUDGET + 2 * timeout)


def is_write_up(text: str) -> bool:
    """Whether a text is a whole write-up (headings, prose with inline equations, tables), not a derivation alone."""
    return any(block.kind != "display" for block in document_blocks(text))


def check_derivation_now(text: str, problem: Problem | None = None, timeout: float = STEP_TIMEOUT, problems_dir=None,
                         whole: bool = False) -> DerivationReport:
    """In this process, under CPU limits per step and for the whole. Use check_derivation for untrusted text."""
    started = cpu_seconds()
    if problem is None or whole:  # a write-up in its own notation; its sections may be bundled problems (or the one named)
        candidates = write_up_problems(problems_dir) if problem is None else (problem,) if problem.write_up else ()
        steps = _judge_all(bounded_steps(text), with_declared_matrices(DOCUMENT, text), timeout, candidates)
    else:
        steps = _judge_all(bounded_steps(text), problem, timeout)
    return DerivationReport(steps, cpu_seconds() - started)


def check_derivation(text: str, problem: Problem | None = None, *, timeout: float = STEP_TIMEOUT, problems_dir=None,
                     whole: bool = False) -> DerivationReport:
    """Check every step of a derivation in a worker (memory cap, hard CPU limit for the whole). Raises LatexError.

    With no `problem`, the text is a write-up in its own notation; a section of it that states a bundled
    problem's givens (those in `problems_dir`, default the bundled ones) is held to that problem's rules and answers.
    With a problem, the text is read in that problem's notation; or, with `whole`, as a write-up in its own
    notation whose sections that state that problem's givens are held to its rules and answers.
    """
    steps = bounded_steps(text)  # in the caller, before any worker: a 5 MB file stops here
    limit = derivation_limit(len(steps), timeout)
    started = time.monotonic()
    outcome = run_limited(check_derivation_now, (text, problem, timeout, problems_dir, whole), limit)
    if isinstance(outcome, Overrun):
        for step in steps:
            step.verdict, step.feedback = "undecided", f"could not decide: {outcome.reason}"
        return DerivationReport(steps, time.monotonic() - started)
    return outcome
