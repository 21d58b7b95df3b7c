"""From answer sheet to gradebook: the sheet students fill in, and graders for Gradescope and PrairieLearn.

An assignment is a list of targets (a small TOML or JSON file, or --parts). `answer_sheet` writes
a LaTeX sheet with one `answer` box per part; `read_sheet` finds the boxes in a filled-in sheet;
`grade_sheet` grades them with the batch machinery (warm workers, CPU limits), and the results go
out in Gradescope's or PrairieLearn's format. `gradescope_zip` packs a complete autograder.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .batch import Row, grade_rows, unproved_marks
from .grading import DEFAULT_TIMEOUT, SCORED, resolve_target

VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
OUTPUT_FORMATS = ("md", "html")  # how each test's output is written for Gradescope
SHEET_LIMIT = 1_000_000  # characters of a submitted sheet


class AssignmentError(ValueError):
    """An assignment file that cannot be used; says what and where."""


@dataclass(frozen=True)
class Assignment:
    title: str
    targets: tuple[str, ...]
    visibility: str = "visible"  # Gradescope's test visibility for every part
    output_format: str = "md"  # Gradescope's output_format for every test: md, or html (the answer rendered as MathML)


def load_assignment(path: str | Path | None = None, parts: list[str] | None = None, problems_dir=None) -> Assignment:
    """From a TOML or JSON file ({"title": ..., "parts": [...], "visibility": ...}) or a list of targets."""
    if path is None:
        if not parts:
            raise AssignmentError("give an assignment file, or the targets with --parts")
        assignment = Assignment("Assignment", tuple(parts))
    else:
        file = Path(path)
        if not file.is_file():
            raise AssignmentError(f"assignment file {file} does not exist")
        text = file.read_text(encoding="utf-8")
        import tomllib  # here, not at the top: the autograder image may run Python 3.10, reading JSON only

        try:
            data = tomllib.loads(text) if file.suffix.lower() == ".toml" else json.loads(text)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
            raise AssignmentError(f"{file}: not valid {'TOML' if file.suffix.lower() == '.toml' else 'JSON'} ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("parts"), list) or not data["parts"]:
            raise AssignmentError(f"{file}: an assignment needs a list 'parts' of targets (PROBLEM.PART)")
        visibility = str(data.get("visibility", "visible"))
        if visibility not in VISIBILITIES:
            raise AssignmentError(f"{file}: visibility must be one of {', '.join(VISIBILITIES)}")
        output_format = str(data.get("output_format", "md"))
        if output_format not in OUTPUT_FORMATS:
            raise AssignmentError(f"{file}: output_format must be one of {', '.join(OUTPUT_FORMATS)}")
        assignment = Assignment(str(data.get("title", file.stem)), tuple(str(t) for t in data["parts"]), visibility, output_format)
    for target in assignment.targets:
        resolve_target(target, problems_dir)  # raises UnknownTarget, with did-you-mean
    if len(set(assignment.targets)) != len(assignment.targets):
        raise AssignmentError("a target appears twice in the assignment")
    return assignment


# --- the sheet --------------------------------------------------------------------------------------

_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\setlength{\parindent}{0pt}
% Write each answer inside its answer box, in LaTeX, between \[ and \] (derivations: an align* block).
% Do not change the \begin{answer}{...} lines: the grader finds your answers by them.
\newenvironment{answer}[1]{\par\medskip\hrule\smallskip\noindent\textbf{Answer} (\texttt{\detokenize{#1}})\par\nopagebreak}{\par\vspace{1.5em}\hrule\medskip}
"""


def answer_sheet(assignment: Assignment, problems_dir=None) -> str:
    """A LaTeX answer sheet: each part's prompt and points, and an empty box for the answer."""
    body = [_PREAMBLE, r"\begin{document}", rf"\section*{{{_escape(assignment.title)}}}"]
    for number, target in enumerate(assignment.targets, start=1):
        problem, part = resolve_target(target, problems_dir)
        points = f"{part.points:g} point" + ("" if part.points == 1 else "s")
        body.append(rf"\subsection*{{{number}. {_escape(problem.title)} ({points})}}")
        body.append(part.prompt + r"\par")
        inside = "\\begin{align*}\n  % every step, one per line, each line starting with =\n\\end{align*}" if part.kind == "derivation" else "\\[\n  % your answer\n\\]"
        body.append(f"\\begin{{answer}}{{{target}}}\n{inside}\n\\end{{answer}}")
    body.append(r"\end{document}")
    return "\n".join(body) + "\n"


def _escape(text: str) -> str:
    return re.sub(r"([_&%#])", r"\\\1", text)


_BOX = re.compile(r"\\begin\{answer\}\{([^{}]*)\}(.*?)\\end\{answer\}", re.DOTALL)


def read_sheet(text: str) -> dict[str, str]:
    """The answers of a filled-in sheet, by target: the box's content without comments and math delimiters."""
    answers: dict[str, str] = {}
    for match in _BOX.finditer(_without_comments(text[:SHEET_LIMIT])):  # comments first: they may mention a box
        target, content = match.group(1).strip(), match.group(2).strip()
        if target not in answers and _EMPTY.sub("", content):
            answers[target] = content
    return answers


_EMPTY = re.compile(r"\\\[|\\\]|\\begin\{align\*?\}|\\end\{align\*?\}|\$|\s")  # what an untouched box holds


def _without_comments(text: str) -> str:
    return re.sub(r"(?<!\\)%[^\n]*", "", text)


# --- grading a sheet ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartResult:
    target: str
    points: float
    max_points: float
    verdict: str  # correct, incorrect, invalid, undecided, missing
    message: str
    read_as: str = ""
    answer: str = ""


def grade_sheet(assignment: Assignment, text: str | None, problems_dir=None, timeout: float = DEFAULT_TIMEOUT) -> list[PartResult]:
    """One result per part, in the assignment's order; a missing or unreadable part scores 0 with a message."""
    answers = read_sheet(text) if text else {}
    rows, missing = [], {}
    for number, target in enumerate(assignment.targets, start=1):
        answer = answers.get(target, "")
        if not answer:
            missing[target] = "no answer found for this part: write it inside its answer box" if text else "no answer sheet (.tex) in the submission"
        else:
            rows.append(Row(number, None, target, answer))
    records = {record["target"]: record for record in grade_rows(rows, timeout=timeout, problems_dir=problems_dir)[0]} if rows else {}
    results = []
    for target in assignment.targets:
        max_points = resolve_target(target, problems_dir)[1].points
        if target in missing:
            results.append(PartResult(target, 0.0, max_points, "missing", missing[target]))
            continue
        record = records[target]
        points = max_points if record["verdict"] in SCORED else 0.0
        results.append(PartResult(target, points, max_points, record["verdict"], record["feedback"], record.get("interpreted", ""), record["answer"]))
    return results


def gradescope_results(assignment: Assignment, results: list[PartResult]) -> dict:
    """Gradescope's results.json: one test per part, its output (Markdown, or HTML with the answer rendered) with the
    verdict, the reading and the feedback."""
    tests = []
    for result in results:
        if assignment.output_format == "html":
            from .pages import verdict_fragment

            output = verdict_fragment(result.verdict, result.message, result.answer if result.verdict != "invalid" else "", result.read_as)
        else:
            first, *rest = result.message.splitlines() or [""]
            lines = [f"**{result.verdict}**", "", first] + (["", "```", *rest, "```"] if rest else [])
            if result.read_as:
                lines += ["", f"Your answer was read as: `{result.read_as}`"]
            output = "\n".join(lines)
        tests.append({"name": result.target, "score": result.points, "max_score": result.max_points, "output": output,
                      "output_format": assignment.output_format, "visibility": assignment.visibility, **unproved_marks(result.verdict)})
    return {"score": sum(r.points for r in results), "tests": tests, "visibility": assignment.visibility, "stdout_visibility": "hidden"}


def prairielearn_results(assignment: Assignment, results: list[PartResult]) -> dict:
    """PrairieLearn's results.json: score in [0, 1]; an unreadable answer is not gradable and costs no attempt."""
    unreadable = [f"{r.target}: {r.message}" for r in results if r.verdict == "invalid"]
    if unreadable:
        return {"gradable": False, "format_errors": unreadable}
    total = sum(r.max_points for r in results) or 1.0
    tests = [{"name": r.target, "points": r.points, "max_points": r.max_points, "message": r.message,
              "output": f"read as: {r.read_as}" if r.read_as else ""} for r in results]
    return {"gradable": True, "score": sum(r.points for r in results) / total, "message": f"{assignment.title}: {sum(r.points for r in results):g} of {total:g} points", "tests": tests}


PLATFORMS = {
    "gradescope": ("/autograder", "submission", "results", gradescope_results),
    "prairielearn": ("/grade", "student", "results", prairielearn_results),
}


def autograde(assignment: Assignment, platform: str, root: str | Path | None = None, problems_dir=None) -> dict:
    """Read the submitted sheet under `root` (the container's /autograder or /grade), grade it, write results.json."""
    default_root, submission_name, results_name, formatter = PLATFORMS[platform]
    root = Path(root or default_root)
    sheet = _submitted_sheet(root / submission_name)
    results = formatter(assignment, grade_sheet(assignment, sheet, problems_dir))
    out = root / results_name
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def _submitted_sheet(folder: Path) -> str | None:
    """The first .tex file (then .txt) in the submission holding an answer box; None when there is none."""
    if not folder.is_dir():
        return None
    candidates = sorted(folder.rglob("*.tex")) + sorted(folder.rglob("*.txt"))
    for path in candidates:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")[:SHEET_LIMIT]
        except OSError:
            continue
        if "\\begin{answer}" in text:
            return text
    return None


# --- the Gradescope autograder zip ------------------------------------------------------------------

_SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image: install Python and derivs.
set -euo pipefail
cd "$(dirname "$0")"
apt-get update -qq
apt-get install -y -qq python3 python3-pip python3-venv >/dev/null
python3 -m venv /autograder/derivs-venv
/autograder/derivs-venv/bin/pip install -q ./derivs-src
"""

_RUN = """#!/usr/bin/env bash
# Gradescope runs this for every submission: grade /autograder/submission, write /autograder/results/results.json.
# DERIVS_AUTOGRADER_ROOT and DERIVS_PYTHON let a test run it outside the container.
set -uo pipefail
ROOT="${DERIVS_AUTOGRADER_ROOT:-/autograder}"
PYTHON="${DERIVS_PYTHON:-/autograder/derivs-venv/bin/python}"
exec "$PYTHON" -m derivs autograde "$ROOT/source/assignment.json" --platform gradescope --root "$ROOT"
"""


def gradescope_zip(assignment: Assignment, out: str | Path, problems_dir=None) -> Path:
    """A complete Gradescope autograder: setup.sh, run_autograder, the assignment, derivs and the problems."""
    import derivs

    from .discovery import default_problem_dir

    out = Path(out)
    package = Path(derivs.__file__).parent
    problems = Path(problems_dir) if problems_dir else default_problem_dir()
    with tempfile.TemporaryDirectory() as staging:
        source = Path(staging) / "derivs-src"
        shutil.copytree(package, source / "derivs", ignore=shutil.ignore_patterns("__pycache__", "problems"))
        shutil.copytree(problems, source / "problems", ignore=shutil.ignore_patterns("__pycache__"))
        (source / "problems" / "__init__.py").touch()
        (source / "pyproject.toml").write_text(_PYPROJECT, encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in (("setup.sh", _SETUP), ("run_autograder", _RUN)):
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFREG | 0o755) << 16
                archive.writestr(info, text)
            archive.writestr("assignment.json", json.dumps({"title": assignment.title, "parts": list(assignment.targets), "visibility": assignment.visibility,
                                                            "output_format": assignment.output_format}, indent=2))
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    archive.write(path, str(Path("derivs-src") / path.relative_to(source)))
    return out


_PYPROJECT = """[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "derivs"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = ["sympy==1.14.0", "mpmath==1.3.0", "rich>=13.7", "markdown-it-py>=3.0", "mdit-py-plugins>=0.4", "pylatexenc>=2.10,<3",
                "latex2mathml>=3.77"]

[tool.setuptools]
packages = ["derivs", "derivs.writeup", "derivs.problems"]

[tool.setuptools.package-dir]
"derivs.problems" = "problems"
"""
