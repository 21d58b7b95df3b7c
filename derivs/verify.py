"""Prove every claim of a problem twice, symbolically and numerically, and report both."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable, Mapping

import sympy

from .quoting import count
from .equivalence import expanded
from .model import Claim, Derivation, Problem, decimal_places
from .parsing import Context, LatexError, read
from .numeric import NumericResult, compare_at_points, compare_limit, compare_range, probe_points, sample_points
from .symbolic import DEFAULT_BUDGET, Proof, prove_equal, prove_range
from .timelimit import cpu_seconds


class Status(str, Enum):
    PASS = "pass"  # proved symbolically and confirmed numerically
    FAIL = "fail"  # refuted: the numeric check found a point where the sides differ
    UNDECIDED = "undecided"  # numerically fine, but no symbolic proof within the budget
    ERROR = "error"  # the problem could not be loaded or the check itself broke


@dataclass(frozen=True)
class CheckOptions:
    budget: float = DEFAULT_BUDGET  # seconds for the symbolic proof of one claim
    points: int = 24  # random points for the numeric check
    seed: int = 2026
    remember: bool = True  # results of problems that pass are kept between runs (checkcache); False: check afresh


@dataclass(frozen=True)
class ClaimResult:
    problem: str
    claim: str
    statement: str
    symbolic: Proof | None
    numeric: NumericResult | None
    seconds: float
    error: str = ""

    @property
    def status(self) -> Status:
        if self.error:
            return Status.ERROR
        if self.numeric is not None and self.numeric.holds is False:
            return Status.FAIL
        if self.symbolic is not None and self.symbolic.proved and self.numeric is not None and self.numeric.holds:
            return Status.PASS
        return Status.UNDECIDED

    def to_dict(self) -> dict:
        numeric = self.numeric
        return {
            "problem": self.problem,
            "claim": self.claim,
            "statement": self.statement,
            "status": self.status.value,
            "symbolic": None
            if self.symbolic is None
            else {"proved": self.symbolic.proved, "method": self.symbolic.method, "seconds": round(self.symbolic.seconds, 3), "cases": self.symbolic.cases},
            "numeric": None
            if numeric is None
            else {
                "holds": numeric.holds,
                "points": numeric.points,
                "worst_relative_error": numeric.worst,
                "witness": None if numeric.witness is None else vars(numeric.witness),
                "detail": numeric.detail,
            },
            "seconds": round(self.seconds, 3),
            "error": self.error,
        }


@dataclass
class CheckReport:
    results: list[ClaimResult] = field(default_factory=list)
    seconds: float = 0.0
    remembered: bool = False  # read back whole from check's memory: nothing changed since every check passed

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def return_code(self) -> int:
        return 0 if self.results and all(r.status is Status.PASS for r in self.results) else 1

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s.value}" for s in Status if self.count(s) or s is Status.PASS]
        problems = len(dict.fromkeys(r.problem for r in self.results))
        cost = "remembered: nothing changed since they passed; check --fresh proves them again" if self.remembered else f"{self.seconds:.1f} s CPU"
        return f"{count(len(self.results), 'check')} in {count(problems, 'problem')}: " + ", ".join(parts) + f" ({cost})"

    def to_dict(self) -> dict:
        return {
            "summary": self.summary(),
            "passed": self.count(Status.PASS),
            "failed": self.count(Status.FAIL),
            "undecided": self.count(Status.UNDECIDED),
            "errored": self.count(Status.ERROR),
            "seconds": round(self.seconds, 3),
            "remembered": self.remembered,
            "results": [r.to_dict() for r in self.results],
        }


def check_equal(problem: Problem, lhs, rhs, where: Mapping, options: CheckOptions) -> tuple[Proof, NumericResult]:
    """The two independent checks of lhs == rhs under the problem's definitions."""
    if isinstance(rhs, sympy.Set):
        return _check_range(problem, lhs, rhs, where, options)
    left, right = expanded(problem, lhs), expanded(problem, rhs)  # once per expression: a claim's side recurs in steps and parts
    symbolic = prove_equal(left, right, where, options.budget, problem.indices)
    points = sample_points(problem.variables, where, options.points, options.seed)
    if isinstance(left, sympy.Limit):
        numeric = compare_limit(left, right, points)
    elif isinstance(right, sympy.Limit):
        numeric = compare_limit(right, left, points)
    else:  # the grader's points: random ones, and probes where a non-analytic piece changes
        numeric = compare_at_points(left, right, points + probe_points((left, right), problem.variables, where, points))
    return symbolic, numeric


def _check_range(problem: Problem, expr, expected: sympy.Set, where: Mapping, options: CheckOptions) -> tuple[Proof, NumericResult]:
    """A claim whose right side is a set: the values of the left side, over its one variable, are that set."""
    values = expanded(problem, expr)
    (variable,) = values.free_symbols
    domain = where.get(variable, sympy.S.Reals)
    symbolic = prove_range(values, variable, domain, expected, options.budget)
    points = sample_points(problem.variables, where, options.points, options.seed)
    return symbolic, compare_range(values, variable, expected, points, domain)


def _timed(problem: Problem, name: str, statement: str, lhs, rhs, where, options: CheckOptions, memo: dict | None = None) -> ClaimResult:
    """Both checks of one equality; with a `memo`, an equality checked already (in another variant, under the same
    definitions and variables) is not checked again."""
    if memo is None:
        return _checked(problem, name, statement, lhs, rhs, where, options)
    key = (_setting(problem, memo), _hashable(lhs), _hashable(rhs), tuple(sorted((str(k), str(v)) for k, v in where.items())))
    if key in memo:
        return dataclasses.replace(memo[key], problem=problem.id, claim=name, statement=statement, seconds=0.0)
    memo[key] = _checked(problem, name, statement, lhs, rhs, where, options)
    return memo[key]


def _hashable(expr):
    """An expression as a memo key: itself (sympy compares trees, assumptions included), or its srepr where it cannot
    be hashed (a mutable matrix)."""
    try:
        hash(expr)
    except TypeError:
        return sympy.srepr(expr)
    return expr


def _setting(problem: Problem, memo: dict) -> str:
    """What an equality's meaning depends on besides its two sides: the definitions and what the variables range over
    (worked out once per problem: the memo keeps it under the problem's identity, beside the problem itself)."""
    known = memo.get(id(problem))
    if known is None or known[0] is not problem:
        definitions = sorted((str(function), sympy.srepr(body)) for function, body in problem.definitions.items())
        known = memo[id(problem)] = (problem, repr((definitions, problem.variables, sorted(problem.sum_bounds.items(), key=str))))
    return known[1]


def _checked(problem: Problem, name: str, statement: str, lhs, rhs, where, options: CheckOptions) -> ClaimResult:
    started = cpu_seconds()
    try:
        symbolic, numeric = check_equal(problem, lhs, rhs, where, options)
    except Exception as error:  # a broken claim must not hide the other claims' results
        return ClaimResult(problem.id, name, statement, None, None, cpu_seconds() - started, f"{type(error).__name__}: {error}")
    return ClaimResult(problem.id, name, statement, symbolic, numeric, cpu_seconds() - started)


def verify_claim(problem: Problem, claim: Claim, options: CheckOptions = CheckOptions(), memo: dict | None = None) -> ClaimResult:
    return _timed(problem, claim.name, claim.statement, claim.lhs, claim.rhs, claim.where, options, memo)


def verify_derivation(problem: Problem, derivation: Derivation, options: CheckOptions = CheckOptions(), memo: dict | None = None) -> list[ClaimResult]:
    """Each consecutive pair of the worked chain, so no unchecked line reaches a key."""
    results = []
    for number, (before, after) in enumerate(derivation.links(), start=1):
        name = f"{derivation.title}, step {number}"
        statement = f"{sympy.sstr(before)} = {sympy.sstr(after)}"
        results.append(_timed(problem, name, statement, before, after, derivation.where, options, memo))
    return results


def verify_parts(problem: Problem, options: CheckOptions = CheckOptions(), memo: dict | None = None) -> list[ClaimResult]:
    """question == answer for each part; a part without a question stays undecided."""
    results = []
    for part in problem.parts:
        name = f"part {part.name}"
        if part.question is not None:
            results.append(_timed(problem, name, part.prompt, part.question, part.answer, part.where, options, memo))
            continue
        started = cpu_seconds()
        points = sample_points(problem.variables, part.where, options.points, options.seed)
        answer = expanded(problem, part.answer)
        numeric = compare_at_points(answer, answer, points)
        symbolic = Proof(False, "no question stated, so the reference answer is unchecked", 0.0)
        results.append(ClaimResult(problem.id, name, part.prompt, symbolic, numeric, cpu_seconds() - started))
    return results


def point_of(expr) -> dict:
    """The values a substitution puts in (also under a rounding): a form written for it is read, then evaluated there."""
    inner = expr.args[0] if decimal_places(expr) else expr
    return dict(zip(inner.args[1], inner.args[2])) if isinstance(inner, sympy.Subs) else {}


def read_back(problem: Problem, latex: str, expr, names: Mapping | None = None):
    """What derivs' parser reads in a formula printed for `expr`, in the problem's names (plus `names`,
    abbreviations the formula uses, by symbol name), at the point `expr` substitutes. Raises LatexError."""
    context = Context.for_problem(problem)
    if names:  # the formula's abbreviations (o_1, E) are read as plain names, then put back
        letters = {name.split("_")[0] for name in names}
        context = dataclasses.replace(
            context,
            functions={k: v for k, v in context.functions.items() if k not in letters},
            vectors={k: v for k, v in context.vectors.items() if k not in letters},
            expressions={k: v for k, v in context.expressions.items() if k not in names},
        )
    value = read(latex, context).value
    if names:
        value = value.xreplace({s: names[s.name] for s in value.free_symbols if getattr(s, "name", None) in names})
    if isinstance(expr, sympy.Basic):  # a bound name (a limit's, a sum's index) is the object's own symbol
        by_name = {s.name: s for s in expr.atoms(sympy.Symbol)}
        value = value.xreplace({s: by_name[s.name] for s in value.atoms(sympy.Symbol) if s.name in by_name})
    point = point_of(expr)
    return value.subs(point) if point else value


def abbreviations_in(problem: Problem, expr) -> dict:
    """The problem's abbreviations (Problem.abbreviations) that occur in an expression, by name: the names
    a formula printed for it may use, which reading it back puts in."""
    if not isinstance(expr, (sympy.Basic, sympy.MatrixBase)):
        return {}
    return {str(name): e for e, name in problem.abbreviations.items() if e not in problem.written and expr.has(e)}


def verify_written(problem: Problem, options: CheckOptions = CheckOptions(), memo: dict | None = None) -> list[ClaimResult]:
    """Each author's form (Problem.written) read back and proved equal to its expression: a key cannot lie."""
    results = []
    for expr, latex in problem.written.items():
        name, statement = f"written {latex}", f"{latex} is {sympy.sstr(expr)}"
        try:
            reading = read_back(problem, latex, expr, abbreviations_in(problem, expr))
        except LatexError as error:
            results.append(ClaimResult(problem.id, name, statement, None, None, 0.0, f"the written form does not read back: {error}"))
            continue
        results.append(_timed(problem, name, statement, reading, expr, {}, options, memo))
    return results


def verify_write_up(problem: Problem) -> list[ClaimResult]:
    """An error row for each part of Problem.write_up that does not read in a write-up's notation (a rule that
    cannot be read would never be applied), or an answer that is not a number; none when all is well."""
    if problem.write_up is None:
        return []
    context = Context.for_problem(dataclasses.replace(problem, document=True))
    write_up = problem.write_up
    texts = [(f"write-up sign {name}", text) for name, text in write_up.recognised_by.items()]
    texts += [(f"write-up rule {name}", text) for name, text in write_up.rules.items()]
    results = []
    for name, text in texts:
        try:
            read(text, context)
        except LatexError as error:
            results.append(ClaimResult(problem.id, name, text, None, None, 0.0, f"does not read as a write-up would: {error}"))
    for name, value in write_up.answers.items():
        if not getattr(problem.expand_definitions(value), "is_number", False):
            results.append(ClaimResult(problem.id, f"write-up answer {name}", sympy.sstr(value), None, None, 0.0, "an answer must be a number"))
    return results


def verify_prompts(problem: Problem) -> list[ClaimResult]:
    """An error row for each part whose prompt and data disagree ('in terms of', decimals); none when all agree."""
    from .grading import prompt_disagreements

    return [ClaimResult(problem.id, f"part {part.name} prompt", part.prompt, None, None, 0.0, reason)
            for part in problem.parts for reason in prompt_disagreements(problem, part)]


def verify_problem(problem: Problem, options: CheckOptions = CheckOptions(), memo: dict | None = None) -> list[ClaimResult]:
    """Every check of a problem; `memo` carries the equalities checked already from one variant to the next."""
    results = [verify_claim(problem, claim, options, memo) for claim in problem.claims]
    for derivation in problem.derivations:
        results.extend(verify_derivation(problem, derivation, options, memo))
    results.extend(verify_parts(problem, options, memo))
    results.extend(verify_written(problem, options, memo))
    results.extend(verify_write_up(problem))
    results.extend(verify_prompts(problem))
    return results


def check_problems(
    problems: Iterable,
    options: CheckOptions = CheckOptions(),
    on_result: Callable[[ClaimResult], None] | None = None,
) -> CheckReport:
    """Check every loaded problem; a problem that failed to load becomes one error row. A problem loaded from a
    module whose checks all passed before, with nothing changed since, gives its remembered results (checkcache)."""
    from . import checkcache
    from .discovery import LoadError, folder_of

    report = CheckReport()
    started = cpu_seconds()
    for problem in problems:
        if isinstance(problem, LoadError):
            rows = [ClaimResult(problem.id, "(load)", "import the problem module", None, None, 0.0, problem.message)]
        else:
            folder = folder_of(problem) if options.remember else None
            rows = checkcache.recall(problem.id, folder, options) if folder is not None else None
            if rows is None:
                rows = verify_problem(problem, options)
                if folder is not None:
                    checkcache.remember(problem.id, folder, options, rows)
        for row in rows:
            report.results.append(row)
            if on_result:
                on_result(row)
    report.seconds = cpu_seconds() - started
    return report


def check_selection(directory, wanted: str, options: CheckOptions = CheckOptions(),
                    run: Callable[[list, CheckOptions], CheckReport] = check_problems) -> CheckReport:
    """`all` or one problem id of a folder, checked by `run`. A folder whose every check passed before, with nothing
    in it or in derivs changed since, answers from checkcache without loading a module; raises UnknownProblem and
    FileNotFoundError as load_problems and select do."""
    from . import checkcache
    from .discovery import load_problems, problem_folder, select

    folder = problem_folder(directory)
    started = cpu_seconds()
    remembered = checkcache.recall(None, folder, options) if options.remember and folder.is_dir() else None
    rows = [row for row in remembered or () if wanted in ("all", row.problem)]
    if rows:
        return CheckReport(rows, cpu_seconds() - started, remembered=True)
    report = run(select(load_problems(folder), wanted), options)
    if wanted == "all" and options.remember:
        checkcache.remember(None, folder, options, report.results)
    return report


def check_variants(
    problems: Iterable,
    variants: int,
    options: CheckOptions = CheckOptions(),
    on_result: Callable[[ClaimResult], None] | None = None,
) -> CheckReport:
    """Every check of variants 1..`variants` of each variable problem (problems without parameters are skipped), each
    row's problem written PROBLEM@SEED. An equality that is the same in two variants (a derivative that no number
    enters) is checked once; every figure that changes is proved both ways in each variant."""
    from .discovery import LoadError
    from .variants import VariantError, variant

    report = CheckReport()
    started = cpu_seconds()
    for problem in problems:
        if isinstance(problem, LoadError) or problem.variants is None:
            continue
        memo: dict = {}
        for seed in range(1, variants + 1):
            try:
                rows = verify_problem(variant(problem, seed), options, memo)
            except (VariantError, Exception) as error:  # a build that breaks for one seed is that seed's error row
                rows = [ClaimResult(problem.id, "(build)", f"make variant {seed}", None, None, 0.0, f"{type(error).__name__}: {error}")]
            for row in rows:
                row = dataclasses.replace(row, problem=f"{problem.id}@{seed}")
                report.results.append(row)
                if on_result:
                    on_result(row)
    report.seconds = cpu_seconds() - started
    return report


def failing_seeds(report: CheckReport) -> dict[str, list[int]]:
    """The seeds whose variant has a check that did not pass, by problem."""
    found: dict[str, list[int]] = {}
    for row in report.results:
        problem, _, seed = row.problem.partition("@")
        if seed and row.status is not Status.PASS and int(seed) not in found.get(problem, []):
            found.setdefault(problem, []).append(int(seed))
    return found
