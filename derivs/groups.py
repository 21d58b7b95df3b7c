"""A graded class as answer groups: per part, the answers that are the same mathematics, largest group first.

An instructor then reviews one representative per group, as Gradescope's answer groups let them, and may
set a group's verdict or points (overrides); `apply_overrides` re-scores the rows and the results are
exported again (JSONL, CSV, Gradescope folders).

How answers are grouped, per part (members of a group are equal by the grader's own decision procedure):
- every `correct` answer was decided equal to the reference, so they are one group (no new decision);
- `incorrect` and `undecided` answers are read again and valued at a few fixed points (a fingerprint, in
  a worker with a CPU limit); answers whose fingerprints differ differ at a point, so only answers with one
  fingerprint are compared, each with `equivalence.decide` against each group's first member;
  answers with no fingerprint (a reading out of time, matrices that do not fit) are compared among themselves;
- answers whose matrices do not fit the problem's shapes (W_1 W_2 where W_2 W_1 is defined) have no value; they
  are read again with all the problem's sizes made one size and grouped when sympy proves them the same product
  ((W_2^T W_1^T)^T is W_1 W_2);
- `invalid` answers cannot be read: they are grouped by their text (up to spacing).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import mpmath
import sympy

from .batch import normalise
from .grading import DEFAULT_TIMEOUT, PROOF_BUDGET, SCORED, UnknownTarget, VERDICTS, resolve_target, shaped_like, stated_value
from .sandbox import WorkerPool

FINGERPRINT_POINTS = 6
FINGERPRINT_DIGITS = 12  # significant digits kept of each value (values are worked out to 30)
FINGERPRINT_SEED = 4242
MAX_RESULTS = 100_000  # rows of a results file
MAX_TEXT = 10_000  # characters of an answer, a feedback, a student name kept from a results file


class ResultsError(ValueError):
    """A results file or overrides file that cannot be used; says what and where."""


# --- reading results ------------------------------------------------------------------------------


def read_results(path: Path) -> list[dict]:
    """The records of a batch's JSONL results, each with its points; a line that is not a record is an error."""
    if not Path(path).is_file():
        raise ResultsError(f"results file {path} does not exist")
    records = []
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if len(records) >= MAX_RESULTS:
                raise ResultsError(f"{path}: more than {MAX_RESULTS:,} rows")
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                raise ResultsError(f"{path}, line {number}: not a JSON record (is this a derivs results file?)") from None
            if not isinstance(record, dict) or not {"target", "answer", "verdict"} <= set(record):
                raise ResultsError(f"{path}, line {number}: a record needs target, answer and verdict")
            records.append(_bounded(record, number))
    return records


def _bounded(record: dict, number: int) -> dict:
    record = dict(record)
    record.setdefault("row", number)
    for key in ("answer", "feedback", "student", "target", "interpreted"):
        if record.get(key) is not None:
            record[key] = str(record[key])[:MAX_TEXT]
    if record["verdict"] not in VERDICTS:
        record["verdict"] = "invalid"
    return record


def max_points(target: str, problems_dir=None) -> float:
    try:
        return float(resolve_target(target, problems_dir)[1].points)
    except UnknownTarget:
        return 0.0


def points_of(record: dict, problems_dir=None) -> float:
    """A row's points: as set (an override), else the part's points when correct, else 0."""
    if isinstance(record.get("points"), (int, float)):
        return float(record["points"])
    return max_points(record["target"], problems_dir) if record["verdict"] in SCORED else 0.0


# --- groups -----------------------------------------------------------------------------------------------


@dataclass
class Group:
    target: str
    verdict: str
    rows: list[dict]  # the member records, in input order
    how: str  # why they are together
    number: int = 0  # 1 = the largest group of its part

    @property
    def id(self) -> str:
        return f"{self.target}#{self.number}"

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def notations(self) -> list[tuple[str, int]]:
        """The distinct answers as written (up to spacing), most written first."""
        counts: dict[str, list] = {}
        for record in self.rows:
            counts.setdefault(normalise(record["answer"]), [record["answer"], 0])[1] += 1
        return sorted(((text, n) for text, n in counts.values()), key=lambda item: -item[1])

    @property
    def representative(self) -> dict:
        """The first row written the most common way."""
        text = normalise(self.notations[0][0])
        return next(r for r in self.rows if normalise(r["answer"]) == text)

    @property
    def students(self) -> list[str]:
        return [str(r.get("student") or f"row {r['row']}") for r in self.rows]

    def points(self, problems_dir=None) -> list[float]:
        return sorted({points_of(r, problems_dir) for r in self.rows})

    def to_dict(self, problems_dir=None) -> dict:
        representative = self.representative
        return {"id": self.id, "target": self.target, "verdict": self.verdict, "count": self.count, "how": self.how,
                "representative": representative["answer"], "interpreted": representative.get("interpreted", ""),
                "feedback": representative.get("feedback", ""), "points": self.points(problems_dir),
                "max_points": max_points(self.target, problems_dir),
                "notations": [{"answer": text, "count": n} for text, n in self.notations],
                "rows": [r["row"] for r in self.rows], "students": self.students}


@dataclass
class PartGroups:
    target: str
    groups: list[Group] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(g.count for g in self.groups)

    def verdicts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for group in self.groups:
            for record in group.rows:
                counts[record["verdict"]] += 1
        return counts


VERDICT_ORDER = {verdict: n for n, verdict in enumerate(VERDICTS)}


def answer_groups(records: list[dict], *, jobs: int = 1, timeout: float = DEFAULT_TIMEOUT, problems_dir=None) -> list[PartGroups]:
    """Per part (in the order parts first appear), its answer groups, largest first."""
    by_target: dict[str, list[dict]] = {}
    for record in records:
        by_target.setdefault(grouping_target(record), []).append(record)
    plans = {target: _Plan(target, rows, problems_dir) for target, rows in by_target.items()}
    with WorkerPool(jobs) as pool:
        tasks = [(plan.target, plan.texts, timeout, problems_dir) for plan in plans.values() if plan.texts]
        limits = [timeout * (len(task[1]) + 1) for task in tasks]
        for index, outcome in pool.run(fingerprints_now, tasks, limits):
            plans[tasks[index][0]].fingerprints = outcome if isinstance(outcome, list) else [None] * len(tasks[index][1])
        for plan in plans.values():
            plan.sort_into_buckets()
        splits = [(plan, bucket) for plan in plans.values() for bucket in plan.buckets if len(bucket) > 1]
        tasks = [(plan.target, [plan.texts[i] for i in bucket], timeout, problems_dir) for plan, bucket in splits]
        limits = [timeout * (len(task[1]) ** 2 + 1) for task in tasks]
        for index, outcome in pool.run(split_now, tasks, limits):
            plan, bucket = splits[index]
            classes = outcome if isinstance(outcome, list) else [[i] for i in range(len(bucket))]
            plan.split([[bucket[i] for i in members] for members in classes])
    return [plan.part_groups() for plan in plans.values()]


def grouping_target(record: dict) -> str:
    """The part a record answers, with its variant when the student had their own numbers (TARGET@SEED): the same
    text is a different answer in another variant, so answers are grouped, and overridden, per variant."""
    return f"{record['target']}@{record['seed']}" if record.get("seed") else record["target"]


class _Plan:
    """One part's grouping: what can be grouped at once (correct, invalid), and the texts to fingerprint."""

    def __init__(self, target: str, rows: list[dict], problems_dir):
        self.target = target
        self.groups: list[Group] = []
        correct = [r for r in rows if r["verdict"] == "correct" and not r.get("other_form")]
        if correct:
            self.groups.append(Group(target, "correct", correct, "each decided equal to the expected answer"))
        other_form = [r for r in rows if r["verdict"] == "correct" and r.get("other_form")]
        if other_form:  # right, but not in the form asked: a group of its own, for the instructor to look at
            self.groups.append(Group(target, "correct", other_form, "each decided equal to the expected answer, not in the form asked"))
        self.by_text: dict[tuple[str, str], list[dict]] = {}
        for record in rows:
            if record["verdict"] != "correct":
                self.by_text.setdefault((record["verdict"], normalise(record["answer"])), []).append(record)
        self.keys = [key for key in self.by_text if key[0] in ("incorrect", "undecided", "unproved", "wrong_form")]
        self.texts = [self.by_text[key][0]["answer"] for key in self.keys]
        self.fingerprints: list = [None] * len(self.texts)
        self.buckets: list[list[int]] = []
        self.classes: list[list[int]] = []  # texts found equal (indices into texts); a bucket of one is a class
        for key, members in self.by_text.items():
            if key[0] == "invalid":
                self.groups.append(Group(target, "invalid", members, "the same text (it could not be read)"))

    def sort_into_buckets(self) -> None:
        """Texts with one verdict and one fingerprint. Texts with none (a reading that ran out of time, matrices that
        do not fit the problem's shapes) share a bucket per verdict: split_now compares them."""
        found: dict = {}
        for index, (key, print_) in enumerate(zip(self.keys, self.fingerprints)):
            found.setdefault((key[0], print_), []).append(index)
        self.buckets = list(found.values())
        self.classes = [bucket for bucket in self.buckets if len(bucket) == 1]

    def split(self, classes: list[list[int]]) -> None:
        self.classes += classes

    def part_groups(self) -> PartGroups:
        for members in self.classes:
            rows = sorted((r for i in members for r in self.by_text[self.keys[i]]), key=lambda r: r["row"])
            how = "equal by the decision procedure" if len(members) > 1 else "one answer (up to spacing)"
            self.groups.append(Group(self.target, self.keys[members[0]][0], rows, how))
        self.groups.sort(key=lambda g: (-g.count, VERDICT_ORDER[g.verdict], g.rows[0]["row"]))
        for number, group in enumerate(self.groups, start=1):
            group.number = number
        return PartGroups(self.target, self.groups)


def _reading(target: str, latex: str, problems_dir):
    """An answer as the grader reads it: its stated value, shaped like the reference, definitions expanded."""
    from .parsing import read_answer

    problem, part = resolve_target(target, problems_dir)
    if part.kind == "derivation":
        raise ValueError("a derivation is grouped by its text")
    answer, _ = stated_value(read_answer(latex, problem))
    answer = shaped_like(answer, part.answer)
    return problem, part, problem.expand_definitions(answer) if isinstance(answer, sympy.Basic) else answer


def _formal_reading(target: str, latex: str, problems_dir):
    """An answer whose matrices do not fit the problem's shapes, read with every size of the problem one size n:
    it has no value, but two such answers written differently can still be the same formal product."""
    from .parsing import Context, read

    problem, _ = resolve_target(target, problems_dir)
    context = Context.for_problem(problem)
    sizes = {s for m in context.matrices.values() for d in m.shape for s in sympy.sympify(d).free_symbols}
    one_size = dict.fromkeys(sizes, sympy.Symbol("n", positive=True, integer=True))
    square = dataclasses.replace(context, matrices={name: m.xreplace(one_size) for name, m in context.matrices.items()})
    return stated_value(read(latex, square))[0]


def _formally_equal(left, right) -> bool:
    """Proved the same matrix expression by sympy's rules for products, sums and transposes (never by sampling)."""
    if not (isinstance(left, sympy.MatrixExpr) and isinstance(right, sympy.MatrixExpr)) or left.shape != right.shape:
        return False
    difference = sympy.expand((left - right).doit())
    return difference == 0 or isinstance(difference, sympy.ZeroMatrix)


def fingerprints_now(target: str, texts: list[str], timeout: float = DEFAULT_TIMEOUT, problems_dir=None) -> list:
    """Each answer's values at fixed points of the part's variables (rounded), or None where it cannot be valued."""
    from .timelimit import TimeLimitExceeded, time_limit

    found = []
    for text in texts:
        try:
            with time_limit(timeout):
                found.append(_fingerprint(target, text, problems_dir))
        except TimeLimitExceeded:
            found.append(None)
        except Exception:  # unreadable here, or not a value at a point: the answer is grouped by its text
            found.append(None)
    return found


def _fingerprint(target: str, text: str, problems_dir) -> tuple | None:
    from .numeric import point_value, sample_points

    problem, part, value = _reading(target, text, problems_dir)
    if isinstance(value, sympy.Tuple):
        entries = list(value)
    else:
        entries = [value]
    points = sample_points(problem.variables, part.where or {}, FINGERPRINT_POINTS, FINGERPRINT_SEED)
    names = tuple(sorted(str(s) for entry in entries for s in getattr(entry, "free_symbols", ())))
    shape = (len(entries),) + tuple(getattr(entries[0], "shape", ()))
    values = tuple(_rounded(point_value(entry, point, 30)) for point in points for entry in entries)
    return (names, shape, values)


def _rounded(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, mpmath.matrix):
        return "[" + ",".join(_rounded(value[r, c]) for r in range(value.rows) for c in range(value.cols)) + "]"
    if isinstance(value, mpmath.mpc):
        return f"{_rounded(value.real)}+{_rounded(value.imag)}i"
    number = mpmath.mpf(value)
    return "0" if number == 0 else mpmath.nstr(number, FINGERPRINT_DIGITS, min_fixed=-10**9, max_fixed=10**9)


def split_now(target: str, texts: list[str], timeout: float = DEFAULT_TIMEOUT, problems_dir=None) -> list[list[int]]:
    """Answers with one fingerprint, split into classes of equal ones: each is decided against the first member of
    each class so far (the grader's decide, under its time limit); undecided counts as different."""
    from .equivalence import decide
    from .parsing import ShapeMismatch
    from .timelimit import TimeLimitExceeded, time_limit

    classes: list[tuple[object, list[int]]] = []
    misfits: list[tuple[object, list[int]]] = []  # answers whose shapes do not fit, by their formal reading
    for index, text in enumerate(texts):
        try:
            problem, part, value = _reading(target, text, problems_dir)
        except ShapeMismatch:
            _group_misfit(target, text, index, misfits, timeout, problems_dir)
            continue
        except Exception:
            classes.append((None, [index]))
            continue
        for first, members in classes:
            if first is None:
                continue
            try:
                with time_limit(timeout):
                    decision = decide(problem, value, first, part.where, budget=timeout, strict=False,
                                      proof_budget=PROOF_BUDGET * timeout / DEFAULT_TIMEOUT)
            except TimeLimitExceeded:
                continue
            except Exception:
                continue
            if decision.verdict == "equal":
                members.append(index)
                break
        else:
            classes.append((value, [index]))
    return [members for _, members in classes + misfits]


def _group_misfit(target: str, text: str, index: int, misfits: list, timeout: float, problems_dir) -> None:
    """Into the first misfit group whose formal reading is the same product, else a group of its own."""
    from .timelimit import TimeLimitExceeded, time_limit

    try:
        with time_limit(timeout):
            formal = _formal_reading(target, text, problems_dir)
            first_equal = next((members for first, members in misfits if _formally_equal(formal, first)), None)
    except (TimeLimitExceeded, Exception):
        formal, first_equal = None, None
    if first_equal is not None:
        first_equal.append(index)
    else:
        misfits.append((formal, [index]))


# --- overrides ---------------------------------------------------------------------------------------------


@dataclass
class Override:
    """An instructor's decision for a group: the rows it covers (or any one answer of the group), a verdict, points."""

    target: str
    verdict: str | None = None
    points: float | None = None
    rows: list[int] | None = None
    answer: str | None = None
    note: str = ""


def load_overrides(path: Path) -> tuple[str | None, list[Override]]:
    """The results file an overrides file names (or None) and its overrides. Raises ResultsError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResultsError(f"overrides file {path} does not exist") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise ResultsError(f"{path}: not JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("overrides"), list):
        raise ResultsError(f'{path}: an overrides file is {{"results": "results.jsonl", "overrides": [{{"target": ..., "rows": [...], "verdict": ..., "points": ...}}]}}')
    overrides = []
    for number, item in enumerate(data["overrides"], start=1):
        overrides.append(_override(item, f"{path}, override {number}"))
    results = data.get("results")
    return (str(results) if isinstance(results, str) and results else None), overrides


def _override(item, where: str) -> Override:
    if not isinstance(item, dict) or not isinstance(item.get("target"), str):
        raise ResultsError(f"{where}: needs a target")
    verdict, points, rows, answer = item.get("verdict"), item.get("points"), item.get("rows"), item.get("answer")
    if verdict is not None and verdict not in VERDICTS:
        raise ResultsError(f"{where}: verdict must be one of {', '.join(VERDICTS)}")
    if points is not None and (isinstance(points, bool) or not isinstance(points, (int, float)) or not 0 <= points < float("inf")):
        raise ResultsError(f"{where}: points must be a number, 0 or more")
    if verdict is None and points is None:
        raise ResultsError(f"{where}: gives neither a verdict nor points")
    if rows is not None and (not isinstance(rows, list) or not all(isinstance(r, int) and not isinstance(r, bool) for r in rows) or not rows):
        raise ResultsError(f"{where}: rows must be a list of row numbers")
    if rows is None and not isinstance(answer, str):
        raise ResultsError(f"{where}: name the group by its rows, or by one of its answers (answer)")
    return Override(item["target"], verdict, None if points is None else float(points), rows, answer, str(item.get("note") or "")[:500])


@dataclass
class Change:
    row: int
    student: str | None
    target: str
    verdict_was: str
    points_was: float
    verdict: str
    points: float


def apply_overrides(records: list[dict], overrides: list[Override], *, problems_dir=None, jobs: int = 1,
                    timeout: float = DEFAULT_TIMEOUT) -> tuple[list[dict], list[Change]]:
    """The records with the overrides applied (in order; every row keeps its place) and what changed."""
    by_row = {record["row"]: index for index, record in enumerate(records)}
    updated = [dict(record, points=points_of(record, problems_dir)) for record in records]
    changes: list[Change] = []
    grouped: dict[str, PartGroups] = {}
    for override in overrides:
        rows = override.rows if override.rows is not None else _rows_of_answer(override, records, grouped, problems_dir, jobs, timeout)
        top = max_points(override.target.partition("@")[0], problems_dir)
        if override.points is not None and override.points > top:
            raise ResultsError(f"{override.target} is worth {top:g} points; an override gives {override.points:g}")
        for row in rows:
            if row not in by_row or override.target not in (records[by_row[row]]["target"], grouping_target(records[by_row[row]])):
                raise ResultsError(f"row {row} is not an answer to {override.target} in the results")
            record = updated[by_row[row]]
            verdict = override.verdict or record["verdict"]
            points = override.points if override.points is not None else (top if verdict in SCORED else 0.0) if override.verdict else record["points"]
            if (verdict, points) == (record["verdict"], record["points"]):
                continue
            changes.append(Change(row, record.get("student"), override.target, record["verdict"], record["points"], verdict, points))
            note = f" ({override.note})" if override.note else ""
            record["override"] = {"verdict": record["verdict"], "points": record["points"], "feedback": record.get("feedback", "")}
            record["feedback"] = f"set by the instructor: {verdict}, {points:g} of {top:g} points{note}; graded {record['verdict']}: {record.get('feedback', '')}"
            record["verdict"], record["points"] = verdict, points
    return updated, changes


def _rows_of_answer(override: Override, records, grouped: dict, problems_dir, jobs: int, timeout: float) -> list[int]:
    """The rows of the group that holds the override's answer (the groups of its part are made once)."""
    if override.target not in grouped:
        mine = [r for r in records if grouping_target(r) == override.target]
        if not mine:
            varied = sorted({grouping_target(r) for r in records if r["target"] == override.target})
            if varied:
                raise ResultsError(f"each student has their own numbers for {override.target}: override an answer of one variant "
                                   f"({', '.join(varied[:3])}{', ...' if len(varied) > 3 else ''}) or give the rows")
            raise ResultsError(f"no row answers {override.target}")
        grouped[override.target] = answer_groups(mine, jobs=jobs, timeout=timeout, problems_dir=problems_dir)[0]
    wanted = normalise(override.answer or "")
    for group in grouped[override.target].groups:
        if any(normalise(r["answer"]) == wanted for r in group.rows):
            return [r["row"] for r in group.rows]
    raise ResultsError(f"no answer to {override.target} is written {override.answer!r}")


# --- exports ---------------------------------------------------------------------------------------------

CSV_COLUMNS = ("row", "student", "target", "answer", "verdict", "points", "max_points", "feedback", "overridden")


def results_csv(records: list[dict], problems_dir=None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow([r["row"], r.get("student") or "", r["target"], _cell(r["answer"]), r["verdict"], f"{points_of(r, problems_dir):g}",
                         f"{max_points(r['target'], problems_dir):g}", _cell(r.get("feedback", "")), "yes" if r.get("override") else ""])
    return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet never reads a cell as a formula (=, +, -, @ first): such a cell starts with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export(records: list[dict], out: Path, problems_dir=None, output_format: str = "md") -> list[Path]:
    """results.jsonl, results.csv and gradescope/<student>/results.json in `out`."""
    from .batch import _write_atomically, write_gradescope

    out.mkdir(parents=True, exist_ok=True)
    jsonl, table = out / "results.jsonl", out / "results.csv"
    _write_atomically(jsonl, "".join(json.dumps(r) + "\n" for r in records))
    _write_atomically(table, results_csv(records, problems_dir))
    folders = write_gradescope(records, out / "gradescope", problems_dir, output_format=output_format)
    return [jsonl, table, out / "gradescope"] if folders else [jsonl, table]


def student_totals(records: list[dict], problems_dir=None) -> dict[str, float]:
    totals: dict[str, float] = {}
    for record in records:
        student = record.get("student") or "anonymous"
        totals[student] = totals.get(student, 0.0) + points_of(record, problems_dir)
    return totals


__all__ = ["Change", "Group", "Override", "PartGroups", "ResultsError", "answer_groups", "apply_overrides", "export",
           "load_overrides", "read_results", "results_csv", "student_totals"]
