"""From answer sheet to gradebook: the sheet students fill in, and graders for Gradescope and PrairieLearn.

An assignment is a list of targets (a small TOML or JSON file, or --parts). `answer_sheet` writes
a LaTeX sheet with one `answer` box per part; `read_sheet` finds the boxes in a filled-in sheet;
`grade_sheet` grades them with the batch machinery (warm workers, CPU limits), and the results go
out in Gradescope's or PrairieLearn's format. `gradescope_zip` packs a complete autograder.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .batch import Row, grade_rows, review_marks

try:
    import tomllib as toml  # novermin: guarded; on 3.10 tomli, below
except ModuleNotFoundError:  # Python 3.10 (Gradescope's Ubuntu 22.04 image): the same parser, as the package tomli
    import tomli as toml
from .grading import DEFAULT_TIMEOUT, SCORED, resolve_target, seeded_target
from .quoting import gradescope_output

VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
STUDENT_FIELDS = ("email", "sid", "id", "name")  # what identifies a student in Gradescope's submission_metadata.json
OUTPUT_FORMATS = ("md", "html")  # how each test's output is written for Gradescope
SHEET_LIMIT = 1_000_000  # characters of a submitted sheet
NO_SHEET = "no answer sheet in the submission: hand in the .tex answer sheet, with your answers in its boxes"


class AssignmentError(ValueError):
    """An assignment file that cannot be used; says what and where."""


@dataclass(frozen=True)
class Assignment:
    title: str
    targets: tuple[str, ...]
    visibility: str = "visible"  # Gradescope's test visibility for every part
    output_format: str = "md"  # Gradescope's output_format for every test: md, or html (the answer rendered as MathML)
    # A variant per student: the course salt (kept from students) from which each student's seed is made with their id,
    # the field of Gradescope's submission metadata that is that id, and the class's seeds (a wrong answer that is
    # another student's answer says so).
    salt: str = ""
    student_field: str = "email"
    seeds: tuple[int, ...] = ()


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
        try:
            data = toml.loads(text) if file.suffix.lower() == ".toml" else json.loads(text)
        except (toml.TOMLDecodeError, json.JSONDecodeError) as error:
            raise AssignmentError(f"{file}: not valid {'TOML' if file.suffix.lower() == '.toml' else 'JSON'} ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("parts"), list) or not data["parts"]:
            raise AssignmentError(f"{file}: an assignment needs a list 'parts' of targets (PROBLEM.PART)")
        visibility = str(data.get("visibility", "visible"))
        if visibility not in VISIBILITIES:
            raise AssignmentError(f"{file}: visibility must be one of {', '.join(VISIBILITIES)}")
        output_format = str(data.get("output_format", "md"))
        if output_format not in OUTPUT_FORMATS:
            raise AssignmentError(f"{file}: output_format must be one of {', '.join(OUTPUT_FORMATS)}")
        student_field = str(data.get("student_field", "email"))
        if student_field not in STUDENT_FIELDS:
            raise AssignmentError(f"{file}: student_field must be one of {', '.join(STUDENT_FIELDS)} (a field of Gradescope's submission metadata)")
        seeds = data.get("seeds", [])
        if not isinstance(seeds, list) or not all(isinstance(seed, int) and seed >= 0 for seed in seeds):
            raise AssignmentError(f"{file}: seeds must be a list of whole numbers")
        assignment = Assignment(str(data.get("title", file.stem)), tuple(str(t) for t in data["parts"]), visibility, output_format,
                                str(data.get("salt", "")), student_field, tuple(seeds))
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


def answer_sheet(assignment: Assignment, problems_dir=None, student: str | None = None, name: str = "") -> str:
    """A LaTeX answer sheet: for each part its full question (the problem's setting and data, printed once for
    the parts of one problem that follow each other, then the part's prompt and points) and an empty box.
    For a `student` of an assignment with a salt: their own variant's numbers, their name and id at the top."""
    seed = seed_for(assignment, student)
    body = [_PREAMBLE, r"\begin{document}", rf"\section*{{{_escape(assignment.title)}}}"]
    if student is not None:
        who = f"{_escape(name)} ({_escape(student)})" if name else _escape(student)
        body.append(rf"\noindent Student: {who}\quad Version {seed}: your numbers are your own; answer with them.\par\medskip")
    shown = None
    for number, target in enumerate(assignment.targets, start=1):
        problem, part = resolve_target(seeded_target(target, seed, problems_dir), problems_dir)
        points = f"{part.points:g} point" + ("" if part.points == 1 else "s")
        body.append(rf"\subsection*{{{number}. {_escape(problem.title)} ({points})}}")
        if problem.id != shown:
            body.append(question_setting(problem) + r"\par\smallskip")
            shown = problem.id
        body.append(part.prompt + r"\par")
        inside = "\\begin{align*}\n  % every step, one per line, each line starting with =\n\\end{align*}" if part.kind == "derivation" else "\\[\n  % your answer\n\\]"
        body.append(f"\\begin{{answer}}{{{target}}}\n{inside}\n\\end{{answer}}")
    body.append(r"\end{document}")
    return "\n".join(body) + "\n"


def seed_for(assignment: Assignment, student: str | None) -> int:
    """The seed of a student's variant: from the assignment's salt and their id; 0 (the homework's own numbers)
    when the assignment has no salt or there is no student."""
    from .variants import student_seed

    return student_seed(assignment.salt, student) if assignment.salt and student is not None else 0


def read_roster(path) -> list[tuple[str, str]]:
    """(student, name) for each row of a roster CSV with a column `student` (an id: an email, a student number)
    and optionally `name`, in file order; a student listed twice is an error (two sheets of one name)."""
    file = Path(path)
    if not file.is_file():
        raise AssignmentError(f"roster {file} does not exist")
    rows = list(csv.DictReader(io.StringIO(file.read_text(encoding="utf-8-sig"))))
    if not rows or "student" not in {str(key).strip().lower() for key in rows[0]}:
        raise AssignmentError(f"roster {file}: a CSV with a header row naming a column 'student' (and optionally 'name')")
    students, seen = [], set()
    for number, row in enumerate(rows, start=2):
        cells = {str(key).strip().lower(): (value or "").strip() for key, value in row.items() if key is not None}
        if not cells.get("student"):
            raise AssignmentError(f"roster {file}, line {number}: no student id")
        if cells["student"].lower() in seen:
            raise AssignmentError(f"roster {file}, line {number}: student {cells['student']!r} is listed twice")
        seen.add(cells["student"].lower())
        students.append((cells["student"], cells.get("name", "")))
    return students


def sheet_name(student: str) -> str:
    """A student's sheet file name: their id made safe for a file name."""
    from .batch import safe_name

    return f"{safe_name(student)}.tex"


def question_setting(problem) -> str:
    """What a student is given before a problem's parts: its `given` (the data and definitions, without the
    results to show), else its statement."""
    return problem.given or problem.statement


def _escape(text: str) -> str:
    return re.sub(r"([_&%#])", r"\\\1", text)


_BOX = re.compile(r"\\begin\{answer\}\{([^{}]*)\}(.*?)\\end\{answer\}", re.DOTALL)


def read_sheet(text: str) -> dict[str, str]:
    """The answers of a filled-in sheet, by target: the box's content without comments and math delimiters."""
    answers: dict[str, str] = {}
    for match in _BOX.finditer(_without_comments(text[:SHEET_LIMIT])):  # comments first: they may mention a box
        target, content = match.group(1).strip(), _formula_in(match.group(2).strip())
        if target not in answers and _EMPTY.sub("", content):
            answers[target] = content
    return answers


_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\[(.+?)\\\]|\\\((.+?)\\\)", re.DOTALL)


def _formula_in(content: str) -> str:
    """A box holding one formula in $...$, \\[...\\] or \\(...\\) with prose beside it (\\quad (by the chain
    rule)): the formula. Anything else (a derivation, bare LaTeX, several formulas) is read as it is."""
    if "\\begin{align" in content:
        return content
    found = [next(group for group in match.groups() if group is not None) for match in _MATH.finditer(content)]
    return found[0].strip() if len(found) == 1 else content


_EMPTY = re.compile(r"\\\[|\\\]|\\begin\{align\*?\}|\\end\{align\*?\}|\$|\s")  # what an untouched box holds


def _without_comments(text: str) -> str:
    return re.sub(r"(?<!\\)%[^\n]*", "", text)


# --- grading a sheet ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartResult:
    target: str
    points: float
    max_points: float
    verdict: str  # one of grading.VERDICTS, or missing
    message: str
    read_as: str = ""
    answer: str = ""
    other_form: str = ""  # the right value, not written as the part asks: the form asked


def grade_sheet(assignment: Assignment, text: str | None, problems_dir=None, timeout: float = DEFAULT_TIMEOUT, seed: int = 0) -> list[PartResult]:
    """One result per part, in the assignment's order; a missing or unreadable part scores 0 with a message.
    Each part of a problem with parameters is graded against variant `seed` (the student's, see `seed_for`)."""
    answers = read_sheet(text) if text else {}
    rows, missing = [], {}
    for number, target in enumerate(assignment.targets, start=1):
        answer = answers.get(target, "")
        if not answer:
            missing[target] = "no answer found for this part: write it inside its answer box" if text else NO_SHEET
        else:
            rows.append(Row(number, None, seeded_target(target, seed, problems_dir), answer))
    graded = grade_rows(rows, timeout=timeout, problems_dir=problems_dir, others=assignment.seeds)[0] if rows else []
    records = {assignment.targets[record["row"] - 1]: record for record in graded}
    results = []
    for target in assignment.targets:
        max_points = resolve_target(target, problems_dir)[1].points
        if target in missing:
            results.append(PartResult(target, 0.0, max_points, "missing", missing[target]))
            continue
        record = records[target]
        points = max_points if record["verdict"] in SCORED else 0.0
        results.append(PartResult(target, points, max_points, record["verdict"], record["feedback"], record.get("interpreted", ""), record["answer"],
                                  record.get("other_form", "")))
    return results


def gradescope_results(assignment: Assignment, results: list[PartResult]) -> dict:
    """Gradescope's results.json: one test per part, its output (Markdown with the feedback and the reading fenced,
    or HTML with the answer rendered) with the verdict, the reading and the feedback."""
    tests = []
    for result in results:
        if assignment.output_format == "html":
            from .pages import verdict_fragment

            output = verdict_fragment(result.verdict, result.message, result.answer if result.verdict != "invalid" else "", result.read_as)
        else:
            output = gradescope_output(result.verdict, result.message, result.read_as)
        tests.append({"name": result.target, "score": result.points, "max_score": result.max_points, "output": output,
                      "output_format": assignment.output_format, "visibility": assignment.visibility, **review_marks(result.verdict, result.other_form)})
    return {"score": sum(r.points for r in results), "tests": tests, "visibility": assignment.visibility, "stdout_visibility": "hidden"}


def prairielearn_results(assignment: Assignment, results: list[PartResult] | None) -> dict:
    """PrairieLearn's results.json: score in [0, 1]. A part that cannot be read scores 0 with its message, the
    rest are graded; only a submission with no sheet at all is not gradable (it costs the student no attempt).
    PrairieLearn shows `message` and `output` as plain text."""
    if results is None:
        return {"gradable": False, "format_errors": [NO_SHEET]}
    total = sum(r.max_points for r in results) or 1.0
    tests = [{"name": r.target, "points": r.points, "max_points": r.max_points, "message": f"{r.verdict}: {r.message}",
              "output": f"read as: {r.read_as}" if r.read_as else ""} for r in results]
    unreadable = sum(r.verdict == "invalid" for r in results)
    note = f" ({unreadable} could not be read: see {'its' if unreadable == 1 else 'their'} message)" if unreadable else ""
    return {"gradable": True, "score": sum(r.points for r in results) / total,
            "message": f"{assignment.title}: {sum(r.points for r in results):g} of {total:g} points{note}", "tests": tests}


PLATFORMS = {
    "gradescope": ("/autograder", "submission", "results", gradescope_results),
    "prairielearn": ("/grade", "student", "results", prairielearn_results),
}


def autograde(assignment: Assignment, platform: str, root: str | Path | None = None, problems_dir=None) -> dict:
    """Read the submitted sheet under `root` (the container's /autograder or /grade), grade it, write results.json."""
    default_root, submission_name, results_name, formatter = PLATFORMS[platform]
    root = Path(root or default_root)
    sheet = _submitted_sheet(root / submission_name)
    seed, unknown = _submitter_seed(assignment, platform, root)
    if unknown:  # a variant per student, and no way to tell whose: grading against anyone's numbers would be wrong
        graded = [PartResult(target, 0.0, resolve_target(target, problems_dir)[1].points, "undecided", unknown) for target in assignment.targets]
    else:
        graded = grade_sheet(assignment, sheet, problems_dir, seed=seed) if sheet is not None or platform == "gradescope" else None
    results = formatter(assignment, graded)
    out = root / results_name
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def _submitter_seed(assignment: Assignment, platform: str, root: Path) -> tuple[int, str]:
    """The seed of the submitter's variant, for an assignment with a variant per student: (seed, "") or (0, why it is
    not known). Gradescope: from the salt and the assignment's student_field of the first user in
    submission_metadata.json. PrairieLearn: the seed server.py's generate() put in the variant's params
    (params.derivs_seed). (0, "") with no salt: everyone has the homework's own numbers."""
    from .variants import VariantError, parse_seed

    if not assignment.salt:
        return 0, ""
    if platform == "prairielearn":
        try:
            params = json.loads((root / "data" / "data.json").read_text(encoding="utf-8")).get("params", {})
            return parse_seed(params["derivs_seed"]), ""
        except (OSError, ValueError, KeyError, TypeError, AttributeError, VariantError):
            return 0, "not graded: the question's data.json has no params.derivs_seed (set it in server.py's generate())"
    try:
        users = json.loads((root / "submission_metadata.json").read_text(encoding="utf-8"))["users"]
        student = users[0][assignment.student_field]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return 0, (f"not graded: the submission's metadata does not say who submitted ({assignment.student_field}), so your own "
                   "version of the question cannot be found; ask your instructor")
    return seed_for(assignment, str(student)), ""


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


# --- what the grading container installs: Gradescope's zip, PrairieLearn's serverFilesCourse folder -------

_SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image. Offline: derivs (with the problems) and
# every library it needs are wheels in ./wheels; Python 3.10 or later is all it needs (Ubuntu 22.04's python3).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="${DERIVS_AUTOGRADER_ROOT:-/autograder}"
%s
install_derivs "$ROOT/derivs-venv"
"""

_RUN = """#!/usr/bin/env bash
# Gradescope runs this for every submission: grade /autograder/submission, write /autograder/results/results.json.
# DERIVS_AUTOGRADER_ROOT and DERIVS_PYTHON let a test run it outside the container.
set -uo pipefail
ROOT="${DERIVS_AUTOGRADER_ROOT:-/autograder}"
PYTHON="${DERIVS_PYTHON:-$ROOT/derivs-venv/bin/python}"
exec "$PYTHON" -m derivs autograde "$ROOT/source/assignment.json" --platform gradescope --root "$ROOT"
"""

_PRAIRIELEARN_RUN = """#!/usr/bin/env bash
# PrairieLearn's external grader runs this for every submission (info.json's entrypoint): it installs derivs
# from ./wheels (the grader has no network), grades /grade/student, writes /grade/results/results.json.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="${DERIVS_AUTOGRADER_ROOT:-/grade}"
VENV="${DERIVS_VENV:-${TMPDIR:-/tmp}/derivs-venv}"
%s
"$VENV/bin/python" -c "import derivs" 2>/dev/null || install_derivs "$VENV" || exit 1
exec "$VENV/bin/python" -m derivs autograde "$HERE/assignment.json" --platform prairielearn --root "$ROOT"
"""


def _assignment_json(assignment: Assignment) -> str:
    variants = {"salt": assignment.salt, "student_field": assignment.student_field, "seeds": list(assignment.seeds)} if assignment.salt else {}
    return json.dumps({"title": assignment.title, "parts": list(assignment.targets), "visibility": assignment.visibility,
                       "output_format": assignment.output_format, **variants}, indent=2)


def _executable(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFREG | 0o755) << 16
    return info


def gradescope_zip(assignment: Assignment, out: str | Path, problems_dir=None, wheels_from=None) -> Path:
    """A complete Gradescope autograder: setup.sh, run_autograder, the assignment, and the wheels of derivs
    (with the problems) and of everything it needs, so the image installs with no network."""
    from .packaging import INSTALL, wheelhouse

    out = Path(out)
    with tempfile.TemporaryDirectory() as staging:
        wheels = wheelhouse(Path(staging), problems_dir, wheels_from)
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(_executable("setup.sh"), _SETUP % INSTALL)
            archive.writestr(_executable("run_autograder"), _RUN)
            archive.writestr("assignment.json", _assignment_json(assignment))
            for wheel in wheels:
                archive.write(wheel, f"wheels/{wheel.name}")
    return out


def prairielearn_folder(assignment: Assignment, out: str | Path, problems_dir=None, wheels_from=None) -> Path:
    """A folder for the course's serverFilesCourse/: run.sh (the external grader's entrypoint), the
    assignment, and the wheels it installs from (PrairieLearn's graders have no network)."""
    from .packaging import INSTALL, wheelhouse

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise AssignmentError(f"--out {out} is a file: give the folder to write (serverFilesCourse/derivs)")
    wheels_dir = out / "wheels"
    if wheels_dir.is_dir():
        shutil.rmtree(wheels_dir)  # no wheel of an earlier derivs left beside this one
    wheelhouse(wheels_dir, problems_dir, wheels_from)
    (out / "assignment.json").write_text(_assignment_json(assignment), encoding="utf-8")
    run = out / "run.sh"
    run.write_text(_PRAIRIELEARN_RUN % INSTALL, encoding="utf-8")
    run.chmod(0o755)
    return out
