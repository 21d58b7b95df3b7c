"""LaTeX answer keys, printed from the same objects the verifier checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sympy import S, Set, sympify

from .latex import to_latex
from .model import Problem
from .verify import ClaimResult, Status

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\input{glyphtounicode}
\pdfgentounicode=1
\allowdisplaybreaks
"""

MARKS = {Status.PASS: "proved", Status.FAIL: "REFUTED", Status.UNDECIDED: "not proved", Status.ERROR: "check failed"}


def _escape(text: str) -> str:
    """Plain text for LaTeX; text inside $...$ is kept as mathematics."""
    pieces = re.split(r"(\$[^$]*\$)", text)
    special = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\~{}", "^": r"\^{}"}
    return "".join(p if p.startswith("$") else "".join(special.get(c, c) for c in p) for p in pieces)


def _mark(results: dict[str, ClaimResult], name: str) -> str:
    result = results.get(name)
    if result is None:
        return ""
    text = MARKS[result.status]
    if result.status is Status.PASS:
        text += f" ({_escape(result.symbolic.method)}; {_numeric_phrase(result.numeric)})"
    return rf"\hfill\textit{{{text}}}"


def _numeric_phrase(numeric) -> str:
    if numeric.worst == 0:
        return f"no difference at {numeric.points} random points (30 digits)"
    mantissa, exponent = f"{numeric.worst:.1e}".split("e")
    return f"{numeric.points} random points, error $\\le {mantissa}\\times 10^{{{int(exponent)}}}$"


def _where(where) -> str:
    if not where:
        return ""
    return ", ".join(f"${to_latex(s)} \\in {to_latex(d)}$" for s, d in where.items())


def _claim_latex(claim, show) -> str:
    if isinstance(claim.rhs, Set):  # a range claim: the set of values of the left side
        (variable,) = claim.lhs.free_symbols
        domain = claim.where.get(variable, S.Reals)
        return rf"\left\{{ {show(claim.lhs)} : {show(variable)} \in {to_latex(domain)} \right\}} = {to_latex(claim.rhs)}"
    return f"{show(claim.lhs)} = {show(claim.rhs)}"


def render_problem(problem: Problem, results: list[ClaimResult] = ()) -> str:
    """One problem's key as a LaTeX fragment (a \\section)."""
    by_name = {r.claim: r for r in results}
    show = lambda expr: to_latex(sympify(expr).xreplace(problem.abbreviations))  # noqa: E731
    out = [rf"\section{{{_escape(problem.title)}}}", rf"\label{{sec:{problem.id}}}"]
    if problem.source:
        out.append(rf"\noindent\textit{{Source: {_escape(problem.source)}. Problem id: \texttt{{{_escape(problem.id)}}}.}}\par")
    out += [r"\subsection*{Statement}", problem.statement, ""]
    if problem.definitions:
        out.append(r"\noindent Definitions:")
        out.append(r"\begin{align*}")
        rows = [f"{show(f(*body.variables))} &= {show(body.expr)}" for f, body in problem.definitions.items()]
        out.append(" \\\\\n".join(rows))
        out.append(r"\end{align*}")
    out.append(r"\subsection*{Claims}")
    out.append(r"\begin{enumerate}")
    for claim in problem.claims:
        condition = _where(claim.where)
        out.append(rf"\item {_escape(claim.statement)} {_mark(by_name, claim.name)}")
        out.append(rf"\[ {_claim_latex(claim, show)} \]")
        if condition:
            out.append(rf"for {condition}.")
    out.append(r"\end{enumerate}")
    for derivation in problem.derivations:
        out.append(rf"\subsection*{{Derivation: {_escape(derivation.title)}}}")
        lines = [f"{show(derivation.start)} &= {show(derivation.steps[0])}"]
        lines += [f"&= {show(step)}" for step in derivation.steps[1:]]
        out.append(r"\begin{align*}")
        out.append(" \\\\\n".join(lines))
        out.append(r"\end{align*}")
        steps = [by_name.get(f"{derivation.title}, step {n}") for n in range(1, len(derivation.steps) + 1)]
        if steps and all(s is not None and s.status is Status.PASS for s in steps):
            out.append(r"\noindent\textit{Every step above was checked symbolically and numerically.}\par")
    if problem.parts:
        out.append(r"\subsection*{Answers}")
        out.append(r"\begin{itemize}")
        for part in problem.parts:
            out.append(rf"\item \texttt{{{_escape(part.name)}}} ({part.points:g} pt): {part.prompt} {_mark(by_name, 'part ' + part.name)}")
            out.append(rf"\[ \boxed{{{show(part.answer)}}} \]")
        out.append(r"\end{itemize}")
    if problem.notes:
        out.append(r"\subsection*{Common mistakes}")
        out.append(r"\begin{itemize}")
        out += [rf"\item {note.text}" for note in problem.notes]
        out.append(r"\end{itemize}")
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


@dataclass
class KeyFiles:
    directory: Path
    problems: list[Path] = field(default_factory=list)
    combined: Path | None = None
    pdf: Path | None = None


class PdfUnavailable(RuntimeError):
    """pdflatex is not on PATH."""


def write_keys(problems: list[Problem], results: list[ClaimResult], out_dir: Path, title: str = "Answer key") -> KeyFiles:
    """One .tex per problem plus answer_key.tex that \\inputs them all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = KeyFiles(out_dir)
    fragments = {}
    for problem in problems:
        text = render_problem(problem, [r for r in results if r.problem == problem.id])
        path = out_dir / f"{problem.id}.tex"
        path.write_text(text, encoding="utf-8")
        files.problems.append(path)
        fragments[problem.id] = text
    files.combined = out_dir / "answer_key.tex"
    files.combined.write_text(render_document(fragments, title), encoding="utf-8")
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
