"""Command line: parse arguments, call the API, print. No mathematics here."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
from enum import IntEnum
from pathlib import Path

from .discovery import LoadError, UnknownProblem, load_problems, select
from .quoting import count
from .timelimit import STEP_TIMEOUT
from .verify import CheckOptions, CheckReport, ClaimResult, Status, check_problems, check_selection


class ExitCode(IntEnum):
    OK = 0  # everything asked for holds / was done
    FAILED = 1  # a check failed or could not be decided, a key could not be compiled, a batch row was not graded
    USAGE = 2  # bad arguments: unknown problem id or target, missing file, bad option
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class UsageError(Exception):
    """A mistake in how the command was called; printed as one line, exit status 2."""


class Console:
    """rich's Console, imported on first use: a command whose output goes to a pipe (derivs grade in a script)
    never imports rich, a tenth of a second of CPU."""

    def __init__(self, **options):
        self._options, self._console = options, None

    @property
    def real(self):
        if self._console is None:
            from rich.console import Console as RichConsole

            self._console = RichConsole(**self._options)
        return self._console

    def __getattr__(self, name: str):
        return getattr(self.real, name)


def _progress(*columns: str, console: Console):
    """A transient progress bar on stderr, with the given text column."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(columns[0]), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console.real, transient=True)


def _table(*headings: str):
    from rich.table import Table

    table = Table(show_lines=False)
    for heading in headings:
        table.add_column(heading, overflow="fold")
    return table


STATUS_STYLE = {Status.PASS: "green", Status.FAIL: "bold red", Status.UNDECIDED: "yellow", Status.ERROR: "bold red"}


def _problems(args) -> list:
    try:
        return select(load_problems(args.problems), args.problem)
    except UnknownProblem as error:
        raise UsageError(str(error)) from None
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None


def _options(args) -> CheckOptions:
    _positive(args.budget, "--budget")
    if args.points < 1:
        raise UsageError("--points must be a positive whole number")
    return CheckOptions(budget=args.budget, points=args.points, remember=not getattr(args, "fresh", False))


def _check_with_progress(problems: list, options: CheckOptions, err: Console) -> CheckReport:
    """Run the checks; a progress bar on stderr when it is a terminal."""
    if not err.is_terminal:
        return check_problems(problems, options)
    with _progress("{task.description}", console=err) as bar:
        task = bar.add_task("checking", total=len(problems))
        report = CheckReport()
        for problem in problems:
            bar.update(task, description=f"checking {problem.id}")
            part = check_problems([problem], options)
            report.results += part.results
            report.seconds += part.seconds
            bar.advance(task)
    return report


def _symbolic_cell(result: ClaimResult) -> str:
    if result.error:
        return f"[red]error: {result.error}[/]"
    proof = result.symbolic
    mark = "[green]proved[/]" if proof.proved else "[yellow]not proved[/]"
    return f"{mark} {proof.method} ({proof.seconds:.2f} s)"


def _numeric_cell(result: ClaimResult) -> str:
    numeric = result.numeric
    if numeric is None:
        return ""
    if numeric.holds is False:
        return f"[red]differs[/] {numeric.witness or numeric.detail}"
    if numeric.holds is None:
        return f"[yellow]undecided[/] {numeric.detail}"
    return f"[green]holds[/] at {numeric.points} points, worst {numeric.worst:.1e}"


def print_report(report: CheckReport, out: Console) -> None:
    table = _table("problem", "claim", "status", "symbolic", "numeric")
    for r in report.results:
        status = f"[{STATUS_STYLE[r.status]}]{r.status.value}[/]"
        table.add_row(r.problem, r.claim, status, _symbolic_cell(r), _numeric_cell(r))
    out.print(table)
    out.print(report.summary())


def run_check(args, out: Console, err: Console) -> int:
    if args.variants < 0:
        raise UsageError("--variants must be a whole number from 0")
    try:
        report = check_selection(args.problems, args.problem, _options(args), lambda problems, options: _check_with_progress(problems, options, err))
    except (UnknownProblem, FileNotFoundError) as error:
        raise UsageError(str(error)) from None
    variants = _check_variants(_problems(args), args.variants, _options(args), err) if args.variants else None
    if args.json:
        print(json.dumps({**report.to_dict(), "variants": variants.to_dict() if variants else None}, indent=2))
    else:
        print_report(report, out)
        if variants is not None:
            print_variants(variants, out)
    return report.return_code or (variants.return_code if variants is not None and variants.results else 0)


def _check_variants(problems: list, count_each: int, options: CheckOptions, err: Console) -> CheckReport:
    """Variants 1..N of each variable problem, with a progress bar on a terminal."""
    from .verify import check_variants

    variable = [p for p in problems if not isinstance(p, LoadError) and p.variants is not None]
    if not variable:
        err.print("[yellow]warning:[/] no problem chosen has parameters: --variants checks nothing", highlight=False)
        return CheckReport()
    if not err.is_terminal:
        return check_variants(variable, count_each, options)
    with _progress("{task.description}", console=err) as bar:
        task = bar.add_task("checking variants", total=len(variable) * count_each)
        seen: dict = {}

        def advance(row: ClaimResult) -> None:
            if row.problem not in seen:
                seen[row.problem] = True
                bar.update(task, description=f"checking {row.problem}")
                bar.advance(task)

        return check_variants(variable, count_each, options, on_result=advance)


def print_variants(report: CheckReport, out: Console) -> None:
    """Per variable problem: how many variants and checks passed, and the seeds that failed with their rows."""
    from .verify import failing_seeds

    failing = failing_seeds(report)
    by_problem: dict[str, list[ClaimResult]] = {}
    for row in report.results:
        by_problem.setdefault(row.problem.partition("@")[0], []).append(row)
    table = _table("problem", "variants", "checks", "seeds that fail")
    for problem, rows in by_problem.items():
        seeds = len({row.problem for row in rows})
        bad = failing.get(problem, [])
        table.add_row(problem, str(seeds), f"{sum(r.status is Status.PASS for r in rows)} of {len(rows)} pass",
                      "[red]" + ", ".join(map(str, bad)) + "[/]" if bad else "[green]none[/]")
    out.print(table)
    wrong = [row for row in report.results if row.status is not Status.PASS]
    if wrong:
        print_report(CheckReport(wrong, report.seconds), out)
    else:
        passed = sum(row.status is Status.PASS for row in report.results)
        out.print(f"{count(len(report.results), 'check')} of {count(len({r.problem for r in report.results}), 'variant')} of "
                  f"{count(len(by_problem), 'problem')}: {passed} pass ({report.seconds:.1f} s CPU)")


def run_list(args, out: Console, err: Console) -> int:
    """Every problem and its parts: what a student is asked, and the points."""
    try:
        problems = load_problems(args.problems)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    rows = [{"problem": p.id, "title": p.title, "parameters": [parameter.name for parameter in p.variants.parameters] if p.variants else [],
             "parts": [{"target": f"{p.id}.{part.name}", "prompt": part.prompt, "kind": part.kind, "points": part.points} for part in p.parts]}
            for p in problems.values() if not isinstance(p, LoadError)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return ExitCode.OK
    table = _table("target", "points", "prompt")
    for problem in rows:
        named = problem["parameters"]
        varies = f"  [cyan](a variant per student: {', '.join(named) if len(named) <= 6 else count(len(named), 'parameter')})[/]" if named else ""
        table.add_row(f"[bold]{problem['problem']}[/]", "", problem["title"] + varies)
        for part in problem["parts"]:
            table.add_row(f"  {part['target']}", f"{part['points']:g}", part["prompt"] + ("  (a derivation)" if part["kind"] == "derivation" else ""))
    out.print(table)
    return ExitCode.OK


def run_show(args, out: Console, err: Console) -> int:
    """One target: its prompt, what kind of answer it takes, the names it knows, its points."""
    from .grading import UnknownTarget, describe_target

    try:
        info = describe_target(args.target, args.problems)
    except UnknownTarget as error:
        raise UsageError(str(error)) from None
    if args.json:
        print(json.dumps(info, indent=2))
        return ExitCode.OK
    points = f"{info['points']:g} point" + ("" if info["points"] == 1 else "s")
    out.print(f"[bold]{info['target']}[/]  ({points})  {info['title']}", highlight=False)
    out.print(f"prompt: {info['prompt']}", markup=False, highlight=False)
    kind = "a whole derivation, in $$..$$ or align blocks, ending in the answer" if info["kind"] == "derivation" else "one expression, in LaTeX"
    out.print(f"answer: {kind}", markup=False, highlight=False)
    for label, found in info["names"].items():
        out.print(f"{label}: {', '.join(found)}", markup=False, highlight=False)
    for label in ("must be written in", "must not contain"):
        if info[label]:
            out.print(f"{label}: {', '.join(info[label])}", markup=False, highlight=False)
    return ExitCode.OK


def _assignment(args):
    parts = [p.strip() for p in args.parts.split(",") if p.strip()] if getattr(args, "parts", None) else None
    return _assignment_file(args.assignment, args.problems, parts)


def _assignment_file(path, problems_dir, parts=None):
    from .autograder import AssignmentError, load_assignment
    from .grading import UnknownTarget

    try:
        return load_assignment(path, parts, problems_dir)
    except (AssignmentError, UnknownTarget) as error:
        raise UsageError(str(error)) from None


def _roster(args, assignment) -> list:
    """The students of --roster, (id, name) in file order, for an assignment whose salt gives each their numbers."""
    from .autograder import AssignmentError, read_roster

    if not assignment.salt:
        raise UsageError("--roster needs a salt in the assignment file (salt = \"...\"): it is what makes each student's numbers")
    try:
        return read_roster(args.roster)
    except AssignmentError as error:
        raise UsageError(str(error)) from None


def run_sheet(args, out: Console, err: Console) -> int:
    """The LaTeX answer sheet students fill in: one box per part, with its prompt and points; with --roster, one
    sheet per student with their own numbers (the folder --out)."""
    from .autograder import answer_sheet, sheet_name

    assignment = _assignment(args)
    if not args.roster:
        _write_output(Path(args.out), answer_sheet(assignment, args.problems))
        out.print(f"wrote {args.out}", markup=False, highlight=False)
        return ExitCode.OK
    folder = Path(args.out)
    if folder.suffix.lower() == ".tex":
        raise UsageError(f"with --roster, --out is a folder for one sheet per student, not {folder}")
    students = _roster(args, assignment)
    for student, name in students:
        _write_output(folder / sheet_name(student), answer_sheet(assignment, args.problems, student=student, name=name))
    out.print(f"wrote {count(len(students), 'sheet')} in {folder}", markup=False, highlight=False)
    return ExitCode.OK


def run_gradescope(args, out: Console, err: Console) -> int:
    """A complete Gradescope autograder zip for the assignment."""
    return _write_package(args, out, "gradescope_zip", "upload it as the autograder (setup.sh installs derivs from the wheels inside, offline; {parts})")


def run_prairielearn(args, out: Console, err: Console) -> int:
    """The folder PrairieLearn's external grader runs: run.sh, the assignment, the wheels."""
    return _write_package(args, out, "prairielearn_folder", "put it in serverFilesCourse/ and make {name}/run.sh the question's entrypoint ({parts})")


def _write_package(args, out: Console, builder: str, said: str) -> int:
    from . import autograder
    from .packaging import PackagingError

    assignment = _assignment(args)
    if args.roster:  # the class's seeds go in, so a wrong answer that is another student's answer says so
        assignment = dataclasses.replace(assignment, seeds=tuple(sorted({autograder.seed_for(assignment, student) for student, _ in _roster(args, assignment)})))
    try:
        path = getattr(autograder, builder)(assignment, args.out, args.problems, args.wheels)
    except (autograder.AssignmentError, PackagingError) as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {args.out}: {error.strerror or error}") from None
    out.print(f"wrote {path}: " + said.format(name=path.name, parts=count(len(assignment.targets), "part")), markup=False, highlight=False)
    return ExitCode.OK


def run_autograde(args, out: Console, err: Console) -> int:
    """Inside the grading container: read the submitted sheet, write results.json (exit 0 whatever the scores)."""
    from .autograder import autograde

    results = autograde(_assignment(args), args.platform, args.root or os.environ.get("DERIVS_AUTOGRADER_ROOT"), args.problems)
    score = results.get("score")
    out.print(f"graded: score {score:g}" if isinstance(score, (int, float)) else "not gradable: " + "; ".join(results.get("format_errors", [])), markup=False, highlight=False)
    return ExitCode.OK


def _write_output(path: Path, text: str) -> None:
    try:
        if path.is_dir():
            raise UsageError(f"--out {path} is a folder: give a file name")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("derivs")
    except Exception:  # running from a source tree that was never installed
        return "unknown (not installed)"


def run_key(args, out: Console, err: Console) -> int:
    """The key of a problem (or all); --seed S: of variant S; an assignment file with --roster: one key per student
    (each in a folder of their id), with their own numbers, every line checked."""
    if args.roster:
        return _keys_for_roster(args, out, err)
    problems = _problems_or_assignment(args)
    if args.seed is not None:
        problems = [_variant_of(problem, args.seed) for problem in problems]
    return _write_key(problems, Path(args.out), args, out, err)


def _problems_or_assignment(args) -> list:
    """The problems named: an id, 'all', or an assignment file (the problems of its parts, in order)."""
    from .grading import resolve_target

    if Path(args.problem).suffix.lower() in (".toml", ".json"):
        assignment = _assignment_file(args.problem, args.problems)
        return list({problem.id: problem for problem in (resolve_target(t, args.problems)[0] for t in assignment.targets)}.values())
    return _problems(args)


def _variant_of(problem, seed):
    from .variants import VariantError, variant

    if isinstance(problem, LoadError):
        return problem
    try:
        return variant(problem, seed)
    except VariantError as error:
        raise UsageError(str(error)) from None


def _keys_for_roster(args, out: Console, err: Console) -> int:
    from .autograder import seed_for
    from .batch import safe_name

    if Path(args.problem).suffix.lower() not in (".toml", ".json"):
        raise UsageError("--roster goes with an assignment file (its salt makes each student's numbers): derivs key hw.toml --roster roster.csv --out keys")
    assignment = _assignment_file(args.problem, args.problems)
    problems = _problems_or_assignment(args)
    code = ExitCode.OK
    for student, _ in _roster(args, assignment):
        seed = seed_for(assignment, student)
        code = max(code, _write_key([_variant_of(p, seed) for p in problems], Path(args.out) / safe_name(student), args, out, err))
    return code


def _write_key(problems: list, folder: Path, args, out: Console, err: Console) -> int:
    from .keys import compile_pdf, overfull_boxes, same_sides, write_keys

    report = _check_with_progress(problems, _options(args), err)
    loaded = [p for p in problems if not isinstance(p, LoadError)]
    bare = [f"{p.id}: {name}" for p in loaded for name in same_sides(p)]
    for where in bare:
        err.print(f"[red]error:[/] {where}: the claim's two sides print as the same text; give its working (the sum, the product, the formula with its numbers)", highlight=False)
    files = write_keys(loaded, report.results, folder, edition=args.edition)
    for path in files.problems:
        out.print(f"wrote {path}")
    out.print(f"wrote {files.combined}")
    code = report.return_code or (ExitCode.FAILED if bare else ExitCode.OK)
    if report.return_code != ExitCode.OK:
        err.print(f"[yellow]warning:[/] not every line of the key was verified: {report.summary()}")
    if args.pdf:
        try:
            pdf = compile_pdf(files.combined)
            out.print(f"wrote {pdf}")
        except RuntimeError as error:  # PdfUnavailable, or pdflatex failed
            err.print(f"[red]error:[/] {error}")
            return ExitCode.FAILED
        for box in overfull_boxes(pdf.with_suffix(".log"), at_least=1.0):
            err.print(f"[yellow]warning:[/] {box}")
    return code


VERDICT_STYLE = {"correct": "green", "unproved": "cyan", "wrong_form": "blue", "incorrect": "red", "invalid": "magenta", "undecided": "yellow"}


def run_grade(args, out: Console, err: Console) -> int:
    from .grading import UnknownTarget, grade

    if args.batch:
        return _run_grade_batch(args, out, err)
    if args.target is None or args.answer is None:
        raise UsageError("give TARGET and 'LATEX', or --batch FILE --out RESULTS.jsonl")
    try:
        answer = _unprotect(args.answer)
        _positive(args.timeout, "--timeout")
        result = grade(args.target, answer, timeout=args.timeout, problems_dir=args.problems, reveal=args.reveal)
    except UnknownTarget as error:
        raise UsageError(str(error)) from None
    return _print_result(result, args.json, out)


def _print_result(result, as_json: bool, out: Console) -> int:
    """One grade or compare result: the verdict, how the answer was read, the feedback."""
    if as_json:
        print(json.dumps(result.to_dict(), indent=2))
    elif not sys.stdout.isatty():  # plain lines, as rich would print them to a pipe (without importing it)
        print(f"{result.verdict}  {result.target}")
        if result.interpreted:
            print(f"read as: {result.interpreted}")
        for note in result.reading_notes:
            print(f"  ({note})")
        print(result.feedback)
    else:
        style = VERDICT_STYLE[result.verdict]
        out.print(f"[{style}]{result.verdict}[/]  {result.target}", highlight=False)
        if result.interpreted:
            out.print(f"read as: {result.interpreted}", markup=False, highlight=False)
        for note in result.reading_notes:
            out.print(f"  ({note})", markup=False, highlight=False)
        out.print(result.feedback, markup=False, highlight=False)
    return ExitCode.OK if result.verdict == "correct" else ExitCode.FAILED


def run_compare(args, out: Console, err: Console) -> int:
    from .compare import VariableError, compare
    from .parsing import LatexError

    variables = {}
    for spec in args.var or []:
        name, equals, kind = spec.partition("=")
        if not equals or not name.strip():
            raise UsageError(f"--var {spec}: write NAME=KIND, e.g. x=0..5, K=size, n=integer, W=matrix")
        variables[name.strip()] = kind
    _positive(args.timeout, "--timeout")
    try:
        result = compare(_unprotect(args.gold), _unprotect(args.answer), variables=variables, timeout=args.timeout)
    except VariableError as error:
        raise UsageError(str(error)) from None
    except LatexError as error:
        raise UsageError(f"the gold answer cannot be read: {error}") from None
    return _print_result(result, args.json, out)


def _unprotect(text: str) -> str:
    return text[1:] if text.startswith(" -") else text  # see _protect_negative_answer


def _positive(value: float, option: str) -> None:
    if not value > 0:
        raise UsageError(f"{option} must be a positive number of CPU seconds")


def _run_grade_batch(args, out: Console, err: Console) -> int:
    from .batch import UNGRADED, BatchInputError, BatchInterrupted, BatchOutputError, ConfigurationError, run_batch, write_gradescope

    if args.target or args.answer:
        raise UsageError("--batch takes its targets and answers from the file; do not also give TARGET or LATEX")
    if not args.out:
        raise UsageError("--batch needs --out RESULTS.jsonl")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.retry_undecided and not args.resume:
        raise UsageError("--retry-undecided goes with --resume: it regrades the undecided rows of an earlier run")
    _positive(args.timeout, "--timeout")
    salt = _assignment_file(args.assignment, args.problems).salt if args.assignment else ""
    progress = _progress_callback(err)
    try:
        with progress as advance:
            report, records = run_batch(
                Path(args.batch), Path(args.out), jobs=args.jobs, timeout=args.timeout, resume=args.resume,
                retry_undecided=args.retry_undecided, problems_dir=args.problems, on_progress=advance, reveal=args.reveal,
                keep_going=args.keep_going, salt=salt,
            )
        out.print(report.summary(), markup=False, highlight=False)
        if args.gradescope:
            for path in write_gradescope(records, Path(args.gradescope), args.problems):
                out.print(f"wrote {path}", markup=False, highlight=False)
    except ConfigurationError as error:
        raise UsageError(f"{error}\nnothing was graded: correct the targets, or give --keep-going to grade the other rows") from None
    except BatchInterrupted as error:
        print(str(error), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except (BatchInputError, BatchOutputError) as error:
        raise UsageError(str(error)) from None
    except OSError as error:  # the Gradescope folder cannot be written
        raise UsageError(f"cannot write {error.filename or args.gradescope}: {error.strerror or error}") from None
    if report.unknown:
        for line in str(ConfigurationError(report.unknown, args.problems)).splitlines():
            print(f"derivs grade: error: {line}", file=sys.stderr)
        print(f"derivs grade: {count(report.verdicts[UNGRADED], 'row')} not graded (unknown targets): no student was charged for them", file=sys.stderr)
        return ExitCode.FAILED
    return ExitCode.OK


class _progress_callback:
    """A context manager giving an `advance(done, total)` callback; a bar only on a terminal."""

    def __init__(self, err: Console):
        self._err = err
        self._bar = None

    def __enter__(self):
        if not self._err.is_terminal:
            return None
        self._bar = _progress("grading", console=self._err)
        self._bar.start()
        task = self._bar.add_task("grading", total=None)
        return lambda done, total: self._bar.update(task, completed=done, total=total)

    def __exit__(self, *exc):
        if self._bar:
            self._bar.stop()


RELATION_SHOWN = {"equal": "=", "approx": "\\approx", "implies": "\\Rightarrow"}


def _relation_shown(step) -> str:
    """A step's relation as printed: the kind's sign, else the relation as written (\\ne, \\le, \\leftarrow), else =."""
    return RELATION_SHOWN.get(step.kind) or getattr(step, "relation", "") or "="


STEP_MARKS = {"valid": "[green]✓[/]", "invalid": "[red]✗[/]", "undecided": "[yellow]?[/]", "unparsed": "[magenta]![/]", "definition": "[cyan]:=[/]"}


def run_proof(args, out: Console, err: Console) -> int:
    from .derivation import check_derivation, is_write_up, write_up_problems
    from .writeup.document import form_of_path
    from .writeup.notebook import read_notebook
    from .discovery import get_problem
    from .parsing import LatexError

    paths = [Path(name) for name in args.files]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    if args.problem == "all":
        raise UsageError("--problem takes one problem id; leave it out to check a write-up in its own notation")
    try:
        problem = get_problem(args.problem, args.problems) if args.problem else None
        write_up_problems(args.problems)  # loaded here once (and a bad --problems folder said here), not in each worker
    except (UnknownProblem, FileNotFoundError) as error:
        raise UsageError(str(error)) from None
    reports, pages = {}, []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        form = form_of_path(path.name)
        try:
            whole = problem is not None and is_write_up(text, form)  # a whole write-up: its own notation, held to the problem
            reports[str(path)] = check_derivation(text, problem, timeout=args.timeout, problems_dir=args.problems, whole=whole, form=form)
        except LatexError as error:
            if args.html:  # the page still shows the text, and why it was not checked
                _write_proof_page(args.html, pages + [(str(path), text, None, str(error))], out)
            raise UsageError(f"{path}: {error}") from None
        pages.append((str(path), read_notebook(text).text if form == "notebook" else text, reports[str(path)], ""))
    if args.html:
        _write_proof_page(args.html, pages, out)
    if args.json:
        documents = [{"file": name, **report.to_dict()} for name, report in reports.items()]
        for document in documents:  # one object per file: indented when alone, else one a line (JSON Lines)
            print(json.dumps(document, indent=2 if len(documents) == 1 else None))
    else:
        for name, report in reports.items():
            if args.notation:
                _print_notation(name, report, out)
            _print_write_up(name, report, out, verbose=not args.summary)
    if not any(report.steps for report in reports.values()):
        err.print("no mathematics with an '=' was found (display blocks, inline $...$ equations, table rows)")
        return ExitCode.FAILED
    return ExitCode.FAILED if any(report.first_error is not None for report in reports.values()) else ExitCode.OK


def _print_notation(name: str, report, out: Console) -> None:
    """What the checker learned each name is, section by section, before judging any step (proof --notation)."""
    out.print(f"{name}: notation", highlight=False)
    for line in report.notation or ["  (no names needed a kind: every name is a number)"]:
        out.print(f"  {line}", markup=False, highlight=False)


def _write_proof_page(path: str, documents: list[tuple], out: Console) -> None:
    from .proof_page import Written, proof_page

    _write_output(Path(path), proof_page([Written(*document) for document in documents]))
    out.print(f"wrote {path}", markup=False, highlight=False)


def _print_write_up(name: str, report, out: Console, verbose: bool) -> None:
    """Every step (unless --summary), then the file's counts and the first wrong line of each derivation."""
    if verbose:
        context = ""
        for step in report.steps:
            if step.context != context and step.context:
                out.print(f"  (from {step.where}, this part is read as problem {step.context}: its rules and answers apply)", highlight=False)
            context = step.context
            mark = STEP_MARKS.get(step.verdict, step.verdict)
            out.print(f"{mark} step {step.index} ({step.where}): ", end="", highlight=False)
            out.print(f"{step.lhs} {_relation_shown(step)} {step.rhs}", markup=False, highlight=False)
            if step.verdict not in ("valid", "definition"):
                out.print(f"    {step.verdict}: {step.feedback}", markup=False, highlight=False)
            if step.matches_start and step.verdict == "invalid":
                out.print("    (this line itself is right again: it equals the start of the chain)", highlight=False)
    counts = report.counts
    out.print(f"[bold]{name}[/]: {count(len(report.steps), 'step')}: {counts['valid']} valid, {counts['invalid']} invalid, "
              f"{counts['undecided']} undecided, {counts['unreadable']} unreadable, {counts['statements']} definitions or given values", highlight=False)
    recognised = {}
    for step in report.steps:
        recognised.setdefault(step.context, step.line)
    for problem, line in recognised.items():
        if problem:
            out.print(f"  read as problem {problem} from line {line} (its rules and answers apply there)", highlight=False)
    for step in report.first_errors:
        out.print(f"  first wrong line of a derivation: {step.where}: ", end="", highlight=False)
        out.print(f"{step.lhs} {_relation_shown(step)} {step.rhs}  ({step.feedback})", markup=False, highlight=False)
    if not report.first_errors:
        out.print("  " + report.explanation(), markup=False, highlight=False)


def _grouped(args, records):
    from .groups import answer_groups

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    _positive(args.timeout, "--timeout")
    return answer_groups(records, jobs=args.jobs, timeout=args.timeout, problems_dir=args.problems)


def _results(path: str):
    from .groups import ResultsError, read_results

    try:
        return read_results(Path(path))
    except ResultsError as error:
        raise UsageError(str(error)) from None


def run_groups(args, out: Console, err: Console) -> int:
    """A graded class's answer groups as text (or JSON): per part, largest group first."""
    parts = _grouped(args, _results(args.results))
    if args.json:
        print(json.dumps([{"target": p.target, "groups": [g.to_dict(args.problems) for g in p.groups]} for p in parts], indent=2))
        return ExitCode.OK
    for part in parts:
        out.print(f"{part.target}: {part.rows} answers in {len(part.groups)} groups", markup=False, highlight=False)
        for group in part.groups:
            points = "/".join(f"{p:g}" for p in group.points(args.problems))
            names = ", ".join(group.students[:6]) + (f" and {group.count - 6} more" if group.count > 6 else "")
            others = len(group.notations) - 1
            out.print(f"  #{group.number:<3} {group.count:>4} x  {group.verdict:<9} {points:>4} pt  {group.representative['answer']}"
                      + (f"   (+{others} other notation{'s' if others > 1 else ''})" if others else ""), markup=False, highlight=False)
            out.print(f"        {group.representative.get('feedback', '')}", markup=False, highlight=False)
            out.print(f"        students: {names}", markup=False, highlight=False)
    return ExitCode.OK


def run_report(args, out: Console, err: Console) -> int:
    """The class page (--html), or the results again with an instructor's overrides applied (--apply)."""
    if args.apply:
        return _apply(args, out)
    if not args.results or not args.html:
        raise UsageError("give RESULTS.jsonl --html class.html, or --apply overrides.json")
    from .class_page import class_page

    parts = _grouped(args, _results(args.results))
    _write_output(Path(args.html), class_page(parts, str(Path(args.results).resolve()), args.problems))
    out.print(f"wrote {args.html}: {sum(p.rows for p in parts)} answers in {sum(len(p.groups) for p in parts)} groups over {len(parts)} parts",
              markup=False, highlight=False)
    return ExitCode.OK


def _apply(args, out: Console) -> int:
    from .groups import ResultsError, apply_overrides, export, load_overrides, student_totals

    try:
        named, overrides = load_overrides(Path(args.apply))
        results = args.results or named
        if not results:
            raise UsageError("the overrides file names no results file: give RESULTS.jsonl too")
        source = Path(results) if Path(results).is_absolute() or args.results else Path(args.apply).parent / results
        records = _results(str(source))
        updated, changes = apply_overrides(records, overrides, problems_dir=args.problems, jobs=args.jobs, timeout=args.timeout)
        folder = Path(args.out) if args.out else source.with_name(source.stem + "-final")
        written = export(updated, folder, args.problems, output_format=args.gradescope_format)
    except ResultsError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {error.filename or args.out}: {error.strerror or error}") from None
    out.print(f"applied {len(overrides)} override{'s' if len(overrides) != 1 else ''} to {source}: {len(changes)} row{'s' if len(changes) != 1 else ''} changed",
              markup=False, highlight=False)
    for change in changes:
        out.print(f"  row {change.row} ({change.student or 'anonymous'}) {change.target}: {change.verdict_was} {change.points_was:g} -> "
                  f"{change.verdict} {change.points:g}", markup=False, highlight=False)
    before, after = student_totals(records, args.problems), student_totals(updated, args.problems)
    moved = [f"{name} {before[name]:g} -> {after[name]:g}" for name in after if after[name] != before.get(name)]
    if moved:
        out.print("scores changed: " + "; ".join(moved), markup=False, highlight=False)
    for path in written:
        out.print(f"wrote {path}", markup=False, highlight=False)
    return ExitCode.OK


def _add_problem_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("problem", help="a problem id, or 'all'")
    _add_problems_dir(parser)
    parser.add_argument("--budget", type=float, default=CheckOptions.budget, help="CPU seconds for each symbolic proof (default %(default)s)")
    parser.add_argument("--points", type=int, default=CheckOptions.points, help="random points per numeric check (default %(default)s)")


def _add_problems_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--problems", metavar="DIR", help="folder of problem modules (replaces the bundled problems)")


def _add_assignment(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", nargs="?", metavar="ASSIGNMENT", help="a TOML or JSON file: title, parts = [targets], visibility")
    parser.add_argument("--parts", metavar="T1,T2,...", help="the targets, instead of an assignment file")
    _add_problems_dir(parser)


def _add_wheels(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wheels", metavar="DIR", help="take the libraries' wheels from DIR instead of the package index (offline)")
    parser.add_argument("--roster", metavar="ROSTER.csv", help="the class (column student): with a salt, a wrong answer that is another student's version's answer says so")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="derivs", description="Exact checking of deep-learning maths homework.")
    parser.add_argument("--version", action="version", version=f"derivs {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="list the problems and their parts (targets), with prompts and points")
    _add_problems_dir(listing)
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(run=run_list)

    show = commands.add_parser("show", help="show one target: its prompt, the notation it knows, its points")
    show.add_argument("target", help="PROBLEM.PART, e.g. sigmoid_derivative.derivative")
    _add_problems_dir(show)
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.set_defaults(run=run_show)

    check = commands.add_parser("check", help="prove every claim of a problem (or all) symbolically and numerically")
    _add_problem_selection(check)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--fresh", action="store_true", help="check every problem again, even one that passed before with nothing changed since")
    check.add_argument("--variants", type=int, default=0, metavar="N",
                       help="also check variants 1..N of every problem with parameters (each student's numbers), and say which seeds fail")
    check.set_defaults(run=run_check)

    key = commands.add_parser("key", help="write a LaTeX answer key from the checked objects")
    _add_problem_selection(key)
    key.add_argument("--out", required=True, metavar="DIR", help="folder for the .tex files")
    key.add_argument("--pdf", action="store_true", help="also compile the combined key with pdflatex (and warn of lines that run off the page)")
    key.add_argument("--for", dest="edition", choices=("students", "instructors"), default="students",
                     help="students: statement, derivations, boxed answers, common mistakes (default); instructors: also how each line was checked")
    key.add_argument("--seed", type=int, metavar="S", help="the key of variant S (a student's numbers; 0 is the homework's own)")
    key.add_argument("--roster", metavar="ROSTER.csv", help="with an assignment file: one key per student on the roster, in a folder of their id")
    key.set_defaults(run=run_key)

    grade = commands.add_parser("grade", help="grade a student's LaTeX answer (or a whole class with --batch)")
    grade.add_argument("target", nargs="?", help="PROBLEM.PART, e.g. sigmoid_derivative.derivative")
    grade.add_argument("answer", nargs="?", metavar="LATEX", help="the answer, in LaTeX (quote it)")
    grade.add_argument("--json", action="store_true", help="print the result as one JSON object")
    grade.add_argument("--batch", metavar="FILE", help="CSV or JSONL with columns student (optional), target, answer")
    grade.add_argument("--out", metavar="RESULTS.jsonl", help="with --batch: one JSON line per input row, in input order")
    grade.add_argument("--jobs", type=int, default=1, metavar="N", help="grade in N worker processes (default 1)")
    grade.add_argument("--resume", action="store_true", help="with --batch: continue a run that was stopped")
    grade.add_argument("--reveal", action="store_true", help="a wrong answer's feedback also shows the expected answer (off: students would copy it)")
    grade.add_argument("--retry-undecided", action="store_true", help="with --resume: grade again the rows that were undecided")
    grade.add_argument("--keep-going", action="store_true", help="with --batch: grade the other rows when some name an unknown target (exit status 1)")
    grade.add_argument("--gradescope", metavar="PATH", help="also write Gradescope results (a .json for one student, else a folder)")
    grade.add_argument("--timeout", type=float, default=2.0, help="CPU seconds per answer before it is undecided (default %(default)s)")
    grade.add_argument("--assignment", metavar="FILE", help="with --batch: the assignment whose salt gives each student their own variant")
    _add_problems_dir(grade)
    grade.set_defaults(run=run_grade)

    compare = commands.add_parser("compare", help="compare two LaTeX answers with no problem module (a quick check)")
    compare.add_argument("gold", metavar="GOLD", help="the expected answer, in LaTeX (quote it)")
    compare.add_argument("answer", metavar="ANSWER", help="the answer to judge, in LaTeX")
    compare.add_argument("--var", action="append", metavar="NAME=KIND", help="declare a name: x=0..5 (range), K=size, n=integer, a=positive, W=matrix")
    compare.add_argument("--json", action="store_true", help="print the result as one JSON object")
    compare.add_argument("--timeout", type=float, default=2.0, help="CPU seconds before it is undecided (default %(default)s)")
    compare.set_defaults(run=run_compare)

    sheet = commands.add_parser("sheet", help="write the LaTeX answer sheet for an assignment (one box per part)")
    _add_assignment(sheet)
    sheet.add_argument("--out", required=True, metavar="answers.tex", help="the sheet; with --roster, a folder for one sheet per student")
    sheet.add_argument("--roster", metavar="ROSTER.csv", help="a CSV with a column student (and optionally name): one sheet per student, with their own numbers")
    sheet.set_defaults(run=run_sheet)

    gradescope = commands.add_parser("gradescope", help="write a complete Gradescope autograder zip for an assignment")
    _add_assignment(gradescope)
    gradescope.add_argument("--out", required=True, metavar="autograder.zip")
    _add_wheels(gradescope)
    gradescope.set_defaults(run=run_gradescope)

    prairielearn = commands.add_parser("prairielearn", help="write the serverFilesCourse folder for PrairieLearn's external grader")
    _add_assignment(prairielearn)
    prairielearn.add_argument("--out", required=True, metavar="DIR", help="the folder to write, e.g. serverFilesCourse/derivs")
    _add_wheels(prairielearn)
    prairielearn.set_defaults(run=run_prairielearn)

    autograde = commands.add_parser("autograde", help="(inside a grading container) grade the submitted sheet, write results.json")
    _add_assignment(autograde)
    autograde.add_argument("--platform", choices=("gradescope", "prairielearn"), default="gradescope")
    autograde.add_argument("--root", metavar="DIR", help="the container's root: /autograder (Gradescope) or /grade (PrairieLearn)")
    autograde.set_defaults(run=run_autograde)

    proof = commands.add_parser("proof", help="check every step of a LaTeX derivation and point at the first wrong one")
    proof.add_argument("files", nargs="+", metavar="FILE", help="write-ups (Markdown or LaTeX): display blocks, inline $...$ equations, table rows")
    proof.add_argument("--problem", metavar="ID", help="read the write-up with this problem's definitions and variables (default: its own notation)")
    proof.add_argument("--json", action="store_true", help='print {"file": ..., "steps": [...], "counts": ..., "first_error": ...} as JSON, one object per file (a line each when several)')
    proof.add_argument("--summary", action="store_true", help="print only each file's counts and first wrong lines")
    proof.add_argument("--notation", action="store_true", help="first print what each name is (vector, matrix and shape, word, function) and the conventions read, with the line each was learned from")
    proof.add_argument("--timeout", type=float, default=STEP_TIMEOUT, help="CPU seconds per step before it is undecided (default %(default)s)")
    proof.add_argument("--html", metavar="REPORT.html", help="also write the write-up as a page, each step marked beside its line")
    _add_problems_dir(proof)
    proof.set_defaults(run=run_proof)

    groups = commands.add_parser("groups", help="a graded class's answers grouped by equivalence, per part, largest group first")
    _add_results_options(groups, required=True)
    groups.add_argument("--json", action="store_true", help="print the groups as JSON")
    groups.set_defaults(run=run_groups)

    report = commands.add_parser("report", help="a graded class as a page (--html), or its results with overrides applied (--apply)")
    _add_results_options(report, required=False)
    report.add_argument("--html", metavar="CLASS.html", help="write the class page: verdict counts and answer groups per part")
    report.add_argument("--apply", metavar="OVERRIDES.json", help="apply an overrides file: write results.jsonl, results.csv and Gradescope folders again")
    report.add_argument("--out", metavar="DIR", help="with --apply: the folder for the new results (default: RESULTS-final beside the results)")
    report.add_argument("--gradescope-format", choices=("md", "html"), default="md", help="with --apply: each test's output as Markdown (student text fenced) or HTML")
    report.set_defaults(run=run_report)
    return parser


def _add_results_options(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("results", nargs=None if required else "?", metavar="RESULTS.jsonl", help="the results of grade --batch")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="group in N worker processes (default 1)")
    parser.add_argument("--timeout", type=float, default=2.0, help="CPU seconds per comparison before two answers count as different (default %(default)s)")
    _add_problems_dir(parser)


def _protect_negative_answer(argv: list[str]) -> list[str]:
    """`derivs grade T '-p_k p_i'`: an answer that starts with '-' is an answer, not an option."""
    if len(argv) < 3 or argv[0] not in ("grade", "compare") or argv[1].startswith("-") and argv[0] == "grade":
        return argv
    protected = list(argv)
    for position in (1, 2) if argv[0] == "compare" else (2,):
        text = protected[position] if position < len(protected) else ""
        option = re.fullmatch(r"--?[a-z][a-z-]*(=.*)?", text) and (argv[0] == "grade" or text.startswith("--") or text == "-h")
        if text.startswith("-") and text != "--" and not option:
            protected[position] = " " + text
    return protected


def main(argv: list[str] | None = None) -> int:
    """The one place that turns a usage mistake into a message and an exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(_protect_negative_answer(list(sys.argv[1:] if argv is None else argv)))
    except SystemExit as stop:  # argparse has printed its own message
        return ExitCode.USAGE if stop.code else ExitCode.OK
    out = Console(width=None if sys.stdout.isatty() else 200)
    err = Console(stderr=True)
    try:
        return int(args.run(args, out, err))
    except UsageError as error:
        message = str(error).replace("\n", f"\nderivs {args.command}: error: ")
        print(f"derivs {args.command}: error: {message}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        print(f"derivs {args.command}: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED


def console_main() -> None:
    """Run the command, then leave without the interpreter's teardown when nothing needs closing: freeing
    every remembered expression one by one costs `check all` a third of a second of CPU. With worker
    processes running (grade, batch, proof), the normal exit runs, so they are stopped. A reader that goes away
    (`| head`) ends the run quietly, as other command-line tools do."""
    try:
        code = main()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more reaches it, not even at exit
        code = 141  # 128 + SIGPIPE, as a shell reports a pipe's writer that was cut off
    sandbox = sys.modules.get("derivs.sandbox")
    if sandbox is not None and sandbox.workers_running():
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (| head): nothing more to say
        pass
    os._exit(int(code))
