"""LaTeX answer keys, printed from the same objects the verifier checked.

Two editions: for students (statement, definitions, claims, worked derivations, boxed answers, common
mistakes) and for instructors (the same, plus how each line was checked). Every formula printed is
recorded with the object it stands for, so a test can read each one back with derivs' own parser.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import sympy
from sympy import S, Set, sympify

from .latex import to_latex
from .model import Claim, Derivation, Part, Problem, decimal_places
from .parsing import LatexError
from .verify import CheckOptions, ClaimResult, Status, abbreviations_in, check_equal, point_of, read_back

EDITIONS = ("students", "instructors")

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb,mathtools}
\usepackage{longtable,booktabs,array}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\input{glyphtounicode}
\pdfgentounicode=1
\allowdisplaybreaks
\setlength{\parindent}{0pt}
"""

# How wide a display line may be, in the rough characters `width` counts: the text is 6.8 in wide at 11 pt.
LINE_WIDTH = 66

MARKS = {Status.PASS: "proved", Status.FAIL: "REFUTED", Status.UNDECIDED: "not proved", Status.ERROR: "check failed"}


# --- what a key prints, and what each formula stands for ---------------------------------------


@dataclass(frozen=True)
class Formula:
    """One formula printed in a key: its LaTeX, the object it must read back as, and the names it uses.

    `names` are the problem's abbreviations this formula prints (E for the loss); reading it back puts
    them in. `where` says where in the key it stands ("claim v3").
    """

    latex: str
    value: object
    where: str
    names: dict = field(default_factory=dict)


def _escape(text: str) -> str:
    """Plain text for LaTeX; text inside $...$ is kept as mathematics."""
    pieces = re.split(r"(\$[^$]*\$)", text)
    special = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\~{}", "^": r"\^{}"}
    return "".join(p if p.startswith("$") else "".join(special.get(c, c) for c in p) for p in pieces)


def decimal(value, places: int) -> str:
    """A number to `places` decimals as a person writes it: -0.9900, 0.0006, 1{,}234.5000."""
    exact = Fraction(int(sympy.numer(value)), int(sympy.denom(value))) if value.is_Rational else Fraction(str(sympy.N(value, 30)))
    scaled = round(abs(exact) * 10**places)
    whole, rest = divmod(scaled, 10**places)
    text = to_latex(sympy.Integer(whole)) + (f".{rest:0{places}d}" if places else "")
    return ("-" if exact < 0 and scaled else "") + text


# --- claim titles: the author's plain text with its mathematics typeset -----------------------------

_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "eta", "theta", "lambda", "mu", "pi", "rho", "sigma", "tau", "phi",
          "omega", "Sigma", "Theta", "Omega", "Phi", "Delta")
_FUNCTIONS = ("sin", "cos", "tan", "tanh", "ln", "log", "exp", "max", "min", "sum")
_OPERATORS = ("floor", "ceil", "argmax", "ReLU", "GELU")
_TITLE_TOKEN = re.compile(r"\$[^$]*\$|\S+")
_WORDS = ("as", "is", "at", "of", "on", "in", "to", "by", "an", "or", "so", "if", "it")
_NAMES = r"(?<![A-Za-z\\])(" + "|".join(_GREEK + _FUNCTIONS) + r")(?![A-Za-z])"
_MATH_RULES = (  # plain text -> LaTeX, applied in order inside a run of mathematics
    (re.compile(r"(\w+)-hat"), r"\\hat{\1}"),
    (re.compile(r"([A-Za-z])_?(\d*)-dot"), lambda m: rf"\dot{{{m.group(1)}}}" + (f"_{{{m.group(2)}}}" if m.group(2) else "")),
    (re.compile(r"\bd ?(\w+?)/d ?(ReLU|GELU|[A-Za-z])(\d+|_\w+'?)?"), lambda m: rf"\frac{{d {m.group(1)}}}{{d {m.group(2)}" + (f"_{{{m.group(3).lstrip('_')}}}" if m.group(3) else "") + "}"),
    (re.compile(r"(?<=\d) ?x ?(?=\d)"), r" \\times "),
    (re.compile(r"->"), r" \\to "),
    (re.compile(r"<="), r" \\le "),
    (re.compile(r">="), r" \\ge "),
    (re.compile(r"!="), r" \\ne "),
    (re.compile(r"(?<![A-Za-z])oo(?![A-Za-z])"), r"\\infty"),
    (re.compile(r"\*"), r" \\cdot "),
    (re.compile(r"1\{([^}]*)\}"), r"1\\{\1\\}"),
    (re.compile(_NAMES), r"\\\1"),
    (re.compile(r"(?<![A-Za-z\\])(" + "|".join(_OPERATORS) + r")(?![A-Za-z])"), r"\\operatorname{\1}"),
    (re.compile(r"(?<=\d),(?=\d{3})"), r"{,}"),
    (re.compile(r"(\\?[A-Za-z]+)~"), r"\\tilde{\1}"),
    (re.compile(r"(?<![\\\w])([A-Za-z])(\d+)\b"), r"\1_{\2}"),
)


def _is_math(token: str, in_run: bool) -> bool:
    """A token of a claim title that is mathematics: a symbol, a number, an operator, a formula, a Greek
    letter or function name; not a word of prose."""
    bare = token.strip(",.;:()")
    if not bare or bare in _WORDS or (bare == "a" and not in_run):
        return False
    if re.fullmatch(r"[A-Z][A-Za-z]*-?\d+[a-z]?(\.\d+)*:?|\d+(\.\d+)*:", token.rstrip(",;")):  # labels: Q6.2, LeNet-5, 4.1:
        return False
    if re.fullmatch(r"[A-Za-z]{2,}('s)?", bare) and bare not in _GREEK + _FUNCTIONS + _OPERATORS + ("oo",):
        return False
    if re.fullmatch(r"[A-Za-z]{2,}(-[A-Za-z]{2,})+", bare) and not bare.endswith(("-hat", "-dot")):
        return False
    return bool(re.search(r"[=<>^_/()*+\-\d{}~']", token) or re.fullmatch(r"[A-Za-z]{1,2}", bare) or bare in _GREEK + _FUNCTIONS + _OPERATORS)


def typeset_title(text: str) -> str:
    """A claim's title for a typeset key: its runs of plain-text mathematics (5x5x3, dL/dw3, sigma(2x), ->)
    set as mathematics, its prose as text; $...$ the author wrote is kept."""
    out, run = [], []

    def close() -> None:
        if run:
            body, tail = " ".join(run), ""
            while body and body[-1] in ",.;:" or (body.endswith(")") and body.count(")") > body.count("(")):
                body, tail = body[:-1], body[-1] + tail
            for pattern, replacement in _MATH_RULES:
                body = pattern.sub(replacement, body)
            out.append(f"${body}${tail}")
            run.clear()

    previous = ""
    for token in _TITLE_TOKEN.findall(text):
        after_seed, previous = previous == "seed", token
        if after_seed:  # seed 003: a name, not a number
            close()
            out.append(_escape(token))
        elif token.startswith("$"):
            close()
            out.append(token)
        elif _is_math(token, bool(run)):
            if token.startswith("(") and token.count("(") > token.count(")") and not _is_math(token[1:], True):
                close()
            run.append(token)
            if token.endswith((":", ";")):  # a colon ends the formula: what follows starts another (and the line may break)
                close()
        else:
            close()
            out.append(_escape(token))
    close()
    return " ".join(out)


def same_sides(problem: Problem) -> list[str]:
    """The claims whose two sides the key would print as the same text ("100{,}000{,}000 = 100{,}000{,}000"
    shows the reader nothing): each must show its working. The names of such claims; none when all is well."""
    typeset = Typesetter(problem)
    found = []
    for claim in problem.claims:
        if isinstance(claim.rhs, Set):
            continue
        places = decimal_places(claim.lhs)
        left = typeset.tex(claim.lhs.args[0]) if places is not None else typeset.tex(claim.lhs)
        right = decimal(claim.rhs, places) if places is not None else typeset.tex(claim.rhs)
        if left == right:
            found.append(claim.name)
    return found


# --- how wide a formula prints -----------------------------------------------------------------

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\S")
_SILENT = {r"\left", r"\right", r"\,", r"\!", r"\;", r"\displaystyle", r"\limits", r"\quad", r"\qquad", r"\begin", r"\end"}
_SPACED = {"+", "-", "=", r"\approx", "<", ">", r"\cdot", r"\times", r"\leq", r"\geq", r"\to", ","}
_AS_LETTERS = {r"\operatorname", r"\text", r"\mathrm", r"\textit", r"\mathbf", r"\boldsymbol"}


def width(latex: str) -> float:
    """Roughly how many characters wide a formula prints: a fraction is as wide as its wider part,
    scripts are smaller, \\left and spacing commands take no room, a matrix is as wide as its widest row."""
    return _group_width(_TOKEN.findall(latex), 0)[0]


def _group_width(tokens: list[str], i: int) -> tuple[float, int]:
    total = widest_row = 0.0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token == "}":
            break
        if token == "{":
            part, i = _group_width(tokens, i)
        elif token in (r"\frac", r"\dfrac", r"\tfrac", r"\binom"):
            top, i = _argument_width(tokens, i)
            bottom, i = _argument_width(tokens, i)
            part = max(top, bottom) + 1
        elif token in ("^", "_"):
            script, i = _argument_width(tokens, i)
            part = 0.7 * script
        elif token in _AS_LETTERS:
            part, i = _argument_width(tokens, i)
        elif token == r"\\":
            widest_row, part, total = max(widest_row, total), 0.0, 0.0
        elif token in _SILENT:
            part = 0.0
        elif token in _SPACED or token == "&":
            part = 2.0
        elif token.startswith("\\") and token[1:] in ("log", "ln", "exp", "sin", "cos", "tan", "tanh", "max", "min", "lim", "sum"):
            part = min(len(token) - 1, 3)
        else:
            part = 1.0
        total += part
    return max(widest_row, total), i


def _argument_width(tokens: list[str], i: int) -> tuple[float, int]:
    if i < len(tokens) and tokens[i] == "{":
        return _group_width(tokens, i + 1)
    return (1.0, i + 1) if i < len(tokens) else (0.0, i)


# --- one problem's formulas ----------------------------------------------------------------------


class Typesetter:
    """Prints one problem's objects in its author's forms and names, breaking long lines, and records
    every formula it prints (Formula) for the round trip."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.formulas: list[Formula] = []
        abbreviated = {expr: to_latex(name) for expr, name in problem.abbreviations.items()}
        self.written = {**abbreviated, **problem.written}

    def tex(self, expr) -> str:
        return to_latex(sympify(expr), self.written)

    def record(self, latex: str, value, where: str) -> str:
        self.formulas.append(Formula(latex, value, where, abbreviations_in(self.problem, value)))
        return latex

    def side(self, expr, where: str) -> tuple[list[str], str]:
        """A side of an equation as lines (one unless too wide), and the 'at x = 3' a substitution adds
        unless its author wrote it."""
        point = point_of(expr)
        clause = ""
        shown = expr
        if point and expr not in self.written:
            clause = r"\text{at } " + ",\\ ".join(f"{self.tex(symbol)} = {self.tex(value)}" for symbol, value in point.items())
            shown = expr.args[0]
        lines = [self.tex(shown)]
        if isinstance(shown, sympy.MatrixBase):
            if shown.rows == 1 and shown.cols > 1 and width(lines[0]) > LINE_WIDTH / 2 - 3:  # a long row, stood up
                lines = [self.tex(shown.T) + r"^{\top}"]
        elif width(lines[0]) > LINE_WIDTH - 6:
            lines = self._packed(self.pieces(shown, LINE_WIDTH - 6))
        self.record(" ".join(lines), expr, where)
        return lines, clause

    def pieces(self, expr, room: float) -> list[str]:
        """An expression cut where a line may break: between terms, then between a wide term's factors.
        Each piece after the first starts with its operator, so joined they read as the whole."""
        expr = sympify(expr)
        if expr in self.written:
            return [self.tex(expr)]
        if isinstance(expr, sympy.Add):
            out = []
            for term in expr.as_ordered_terms():
                negative = term.could_extract_minus_sign()
                body = -term if negative else term
                parts = self.pieces(body, room) if isinstance(body, sympy.Mul) else [self.tex(body)]
                out.append(f"{'-' if negative else '+'} {parts[0]}")
                out += parts[1:]
            out[0] = out[0].removeprefix("+ ")
            return out
        if isinstance(expr, sympy.Mul) and width(self.tex(expr)) > room:
            coefficient, factors = expr.as_coeff_mul()
            texts = [rf"\left({self.tex(f)}\right)" if isinstance(f, sympy.Add) else self.tex(f) for f in factors]
            if coefficient == -1:
                texts[0] = f"- {texts[0]}"
            elif coefficient != 1:
                texts.insert(0, self.tex(coefficient))
            return [texts[0]] + [rf"\cdot {text}" for text in texts[1:]]
        return [self.tex(expr)]

    @staticmethod
    def _packed(pieces: list[str]) -> list[str]:
        lines: list[str] = []
        for piece in pieces:
            if lines and width(lines[-1]) + width(piece) <= LINE_WIDTH - 6:
                lines[-1] += " " + piece
            else:
                lines.append(piece)
        return lines

    @staticmethod
    def rows(left: list[str], relation: str, right: list[str], clause: str = "") -> list[str]:
        """align* rows for `left relation right`: one if it fits; else a long left side gets lines of its
        own (mathtools' \\MoveEqLeft) and the right side's lines are indented under the relation."""
        head = " ".join(left)
        if len(left) == 1 and width(head) + width(right[0]) + 3 <= LINE_WIDTH:
            rows = [rf"{head} &{relation} {right[0]}" if head else rf"&{relation} {right[0]}"]
        else:
            rows = [rf"\MoveEqLeft {left[0]}", *(rf"&\quad {line}" for line in left[1:]), rf"&{relation} {right[0]}"]
        rows += [rf"&\quad {line}" for line in right[1:]]
        if clause and width(rows[-1]) + width(clause) > LINE_WIDTH:
            rows.append(rf"&\quad {clause}")
        elif clause:
            rows[-1] += rf"\quad {clause}"
        return rows

    def equation(self, lhs, rhs, where: str, relation: str = "=") -> list[str]:
        """align* rows for lhs = rhs: a rounding prints as ≈ a decimal, a matrix too wide entry by entry."""
        places = decimal_places(lhs)
        if places is not None:
            left, clause = self.side(lhs.args[0], where)
            return self.rows(left, r"\approx", [self.record(decimal(rhs, places), rhs, where)], clause)
        formulas = len(self.formulas)
        left, clause = self.side(lhs, where)
        right, _ = self.side(rhs, where)
        if isinstance(rhs, sympy.MatrixBase) and max(width(left[0]), width(right[0])) > LINE_WIDTH:
            del self.formulas[formulas:]  # too wide even stood up: entry by entry, leaving out the ones that read 0 = 0
            pairs = [(l, r) for l, r in zip(lhs, rhs) if self.tex(l) != self.tex(r)]
            return [row for l, r in pairs for row in self.equation(l, r, where)]
        return self.rows(left, relation, right, clause)

    def claim(self, claim: Claim) -> list[str]:
        where = f"claim {claim.name}"
        if isinstance(claim.rhs, Set):  # a range claim: the set of values of the left side
            (variable,) = claim.lhs.free_symbols
            domain = claim.where.get(variable, S.Reals)
            left = self.record(self.tex(claim.lhs), claim.lhs, where)
            return [rf"\left\{{ {left} : {self.tex(variable)} \in {to_latex(domain)} \right\}} &= {to_latex(claim.rhs)}"]
        return self.equation(claim.lhs, claim.rhs, where)

    def derivation(self, derivation: Derivation) -> list[str]:
        """The chain as its author wrote it: one row per step, a repeated line once, each rule beside its step."""
        where = f"derivation {derivation.title}"
        left, clause = self.side(derivation.start, where)
        rows, previous = [], None
        for number, step in enumerate(derivation.steps):
            right, _ = self.side(step, where)
            if right == previous:
                continue
            previous = right
            step_rows = self.rows(left if not rows else [""], "=", right)
            reason = derivation.reasons[number] if number < len(derivation.reasons) else ""
            if reason:
                step_rows[-1] += rf" \tag*{{\small {_escape(reason)}}}"
            rows += step_rows
        if clause:
            rows.append(rf"&\quad {clause}")
        return rows

    def answer(self, part: Part) -> str:
        where = f"part {part.name}"
        places = decimal_places(part.question) if part.question is not None else None
        text = decimal(part.answer, places) if places is not None else self.tex(part.answer)
        return self.record(text, part.answer, where)

    def definitions(self) -> list[str]:
        """The problem's functions, without the key's own helpers (a rounding is said in words instead)."""
        rows = []
        for function, body in self.problem.definitions.items():
            call = function(*body.variables)
            if decimal_places(call) is None:
                rows.append(f"{self.tex(call)} &= {self.record(self.tex(body.expr), body.expr, 'definitions')}")
        return rows


def misread(problem: Problem, formula: Formula, options: CheckOptions = CheckOptions(budget=1.0, points=12)) -> str:
    """Why a printed formula does not read back, with derivs' own parser, as the object it stands for
    ('' when it does): the evidence that a key says what was checked."""
    try:
        reading = read_back(problem, formula.latex, formula.value, formula.names)
    except LatexError as error:
        return f"does not read back: {error}"
    value = sympify(formula.value)
    left, right = problem.expand_definitions(reading), problem.expand_definitions(value)
    if left == right:
        return ""
    _, numeric = check_equal(problem, reading, value, {}, options)
    if numeric.holds:
        return ""
    loose = sorted(right.free_symbols - {v.symbol for v in problem.variables if hasattr(v, "symbol")}, key=str)
    if numeric.holds is None and loose:  # a definition's own variable: any values will do
        point = {s: sympy.Rational(7 + 3 * n, 10) for n, s in enumerate(loose)}
        difference = sympy.N((left - right).xreplace(point).doit(), 30)
        if difference.is_number and abs(difference) < 1e-20:
            return ""
    return f"reads back as {sympy.sstr(reading)[:120]}, not {sympy.sstr(value)[:120]} ({numeric.detail or 'no verdict'})"


# --- one problem's page ---------------------------------------------------------------------------


def _align(rows: list[str]) -> list[str]:
    return [r"\begin{align*}", " \\\\\n".join(rows), r"\end{align*}"]


def _marker(problem: Problem, where: str) -> str:
    """A line in pdflatex's log naming what follows, so an overfull box can be traced to its claim."""
    return rf"\typeout{{derivs-key: {problem.id}: {where}}}"


def _evidence(result: ClaimResult) -> tuple[str, str]:
    symbolic = result.symbolic.method if result.symbolic is not None else result.error or "none"
    numeric = result.numeric
    if numeric is None:
        return symbolic, "none"
    if numeric.worst == 0:
        return symbolic, f"{numeric.points} points, no difference"
    mantissa, exponent = f"{numeric.worst:.1e}".split("e")
    return symbolic, f"{numeric.points} points, error $\\le {mantissa}\\times 10^{{{int(exponent)}}}$"


def _check_table(results: list[ClaimResult]) -> list[str]:
    """The instructor edition's compact record: each checked line, its verdict, and the evidence."""
    out = [r"\subsection*{How each line was checked}", r"{\small", r"\begin{longtable}{@{}>{\raggedright}p{0.30\linewidth}p{0.10\linewidth}>{\raggedright}p{0.28\linewidth}>{\raggedright\arraybackslash}p{0.24\linewidth}@{}}"]
    out.append(r"\toprule Line & Verdict & Symbolic proof & Numeric check \\ \midrule \endhead")
    for result in results:
        symbolic, numeric = _evidence(result)
        line = f"written form ${result.claim.removeprefix('written ')}$" if result.claim.startswith("written ") else _escape(result.claim)
        out.append(rf"{line} & {MARKS[result.status]} & {_escape(symbolic)} & {_escape(numeric)} \\")
    out += [r"\bottomrule", r"\end{longtable}}"]
    return out


def render_problem(problem: Problem, results: list[ClaimResult] = (), edition: str = "students", typesetter: Typesetter | None = None) -> str:
    """One problem's key as a LaTeX fragment (a \\section)."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; choose one of: {', '.join(EDITIONS)}")
    results = [r for r in results if r.problem == problem.id]
    typeset = typesetter or Typesetter(problem)
    out = [rf"\section{{{_escape(problem.title)}}}", rf"\label{{sec:{problem.id}}}", _marker(problem, "statement")]
    if problem.source and edition == "instructors":  # where it comes from, and what the seed got right: not for students
        out.append(rf"\textit{{Source: {_escape(problem.source)}.}}\par")
    out += [r"\subsection*{Statement}", problem.statement, ""]
    definitions = typeset.definitions()
    if definitions:
        out += [_marker(problem, "definitions"), r"Definitions:", *_align(definitions)]
    if any(decimal_places(c.lhs) for c in problem.claims):
        out.append(r"Decimals are rounded, halves up, from the exact values.\par")
    out += [r"\subsection*{Results}", r"\begin{enumerate}"]
    for claim in problem.claims:
        out += [_marker(problem, f"claim {claim.name}"), rf"\item {{\raggedright {typeset_title(claim.statement)}\par}}", *_align(typeset.claim(claim))]
    out.append(r"\end{enumerate}")
    for derivation in problem.derivations:
        out += [rf"\subsection*{{Derivation: {_escape(derivation.title)}}}", _marker(problem, f"derivation {derivation.title}")]
        out += _align(typeset.derivation(derivation))
    if problem.parts:
        out += [r"\subsection*{Answers}", r"\begin{itemize}"]
        for part in problem.parts:
            out += [_marker(problem, f"part {part.name}"), rf"\item {part.prompt} ({part.points:g} pt, \texttt{{{_escape(part.name)}}})"]
            out.append(rf"\[ \boxed{{{typeset.answer(part)}}} \]")
        out.append(r"\end{itemize}")
    if problem.notes:
        out += [_marker(problem, "common mistakes"), r"\subsection*{Common mistakes}", r"\begin{itemize}"]
        out += [rf"\item {note.text}" for note in problem.notes]
        out.append(r"\end{itemize}")
    if edition == "instructors" and results:
        out += [_marker(problem, "checks"), *_check_table(results)]
    return "\n".join(out) + "\n"


def render_document(fragments: dict[str, str], title: str = "Answer key") -> str:
    body = "\n\\clearpage\n".join(rf"\input{{{pid}.tex}}" for pid in fragments)
    return PREAMBLE + rf"""\title{{{_escape(title)}}}
\date{{}}
\begin{{document}}
\maketitle
\tableofcontents
\clearpage
{body}
\end{{document}}
"""


# --- files, PDF, and what pdflatex said ------------------------------------------------------------


@dataclass
class KeyFiles:
    directory: Path
    problems: list[Path] = field(default_factory=list)
    combined: Path | None = None
    pdf: Path | None = None


@dataclass(frozen=True)
class Overfull:
    """A line pdflatex could not fit: how far it runs into the margin, and the claim it belongs to."""

    points: float
    where: str  # "problem_id: claim name", from the key's markers

    def __str__(self) -> str:
        return f"{self.where}: a line runs {self.points:.1f} pt past the margin"


class PdfUnavailable(RuntimeError):
    """pdflatex is not on PATH."""


def write_keys(problems: list[Problem], results: list[ClaimResult], out_dir: Path, title: str = "Answer key", edition: str = "students") -> KeyFiles:
    """One .tex per problem plus answer_key.tex that \\inputs them all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = KeyFiles(out_dir)
    fragments = {}
    for problem in problems:
        text = render_problem(problem, results, edition)
        path = out_dir / f"{problem.id}.tex"
        path.write_text(text, encoding="utf-8")
        files.problems.append(path)
        fragments[problem.id] = text
    files.combined = out_dir / "answer_key.tex"
    heading = title if edition == "students" else f"{title} (for instructors)"
    files.combined.write_text(render_document(fragments, heading), encoding="utf-8")
    return files


def compile_pdf(tex: Path, timeout: float = 180.0) -> Path:
    """Run pdflatex twice (the second pass fills in the contents); RuntimeError with the log tail on failure."""
    if shutil.which("pdflatex") is None:
        raise PdfUnavailable("pdflatex is not on PATH; install TeX Live (Debian: texlive-latex-base texlive-latex-recommended lmodern)")
    command = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.name]
    for _ in range(2):
        run = subprocess.run(command, cwd=tex.parent, capture_output=True, text=True, timeout=timeout)
        if run.returncode != 0:
            tail = "\n".join(run.stdout.splitlines()[-25:])
            raise RuntimeError(f"pdflatex failed on {tex}:\n{tail}")
    return tex.with_suffix(".pdf")


_MARKER = re.compile(r"^derivs-key: (.*)$")
_OVERFULL = re.compile(r"^Overfull \\hbox \(([\d.]+)pt too wide\)")


def overfull_boxes(log: Path, at_least: float = 0.0) -> list[Overfull]:
    """Every overfull line pdflatex reported in its log, with the claim it belongs to."""
    where, found = "the key's front matter", []
    for line in log.read_text(encoding="latin-1").splitlines():
        if marker := _MARKER.match(line):
            where = marker.group(1)
        elif (overfull := _OVERFULL.match(line)) and float(overfull.group(1)) > at_least:
            found.append(Overfull(float(overfull.group(1)), where))
    return found
