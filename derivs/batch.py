"""Grade a whole class: CSV or JSONL in, one JSON line per input row out, in input order.

Identical (target, answer) pairs are graded once. Finished rows go to a journal as they
come in (`OUT.partial`), so a crash loses nothing that was done and `resume` carries on;
the results file itself only appears, complete, by an atomic rename at the end.
"""

from __future__ import annotations

import csv
import json
import os
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from .grading import DEFAULT_TIMEOUT, GradeResult, UnknownTarget, from_overrun, grade_now, resolve_target, task_limit
from .sandbox import Overrun, WorkerPool


class BatchInputError(ValueError):
    """The batch file cannot be read at all (missing, or neither CSV nor JSONL)."""


@dataclass(frozen=True)
class Row:
    number: int  # 1-based position in the input
    student: str | None
    target: str
    answer: str
    problem: str = ""  # why the row could not be read, if it could not


def read_rows(path: Path) -> list[Row]:
    if not path.is_file():
        raise BatchInputError(f"batch file {path} does not exist")
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson") or text.lstrip().startswith("{"):
        return _jsonl_rows(text)
    return _csv_rows(text, path)


def _row(number: int, record) -> Row:
    if not isinstance(record, dict):
        return Row(number, None, "", "", "the row is not an object with student, target and answer")
    student = record.get("student")
    target, answer = record.get("target"), record.get("answer")
    missing = [name for name, value in (("target", target), ("answer", answer)) if value is None]
    problem = f"the row has no {' or '.join(missing)}" if missing else ""
    return Row(number, None if student is None else str(student), str(target or ""), str(answer or ""), problem)


def _jsonl_rows(text: str) -> list[Row]:
    rows = []
    for number, line in enumerate((l for l in text.splitlines() if l.strip()), start=1):
        try:
            rows.append(_row(number, json.loads(line)))
        except json.JSONDecodeError as error:
            rows.append(Row(number, None, "", line[:200], f"the line is not JSON: {error.msg}"))
    return rows


def _csv_rows(text: str, path: Path) -> list[Row]:
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or not {"target", "answer"} <= set(reader.fieldnames):
        raise BatchInputError(f"{path}: a CSV batch needs a header with the columns target and answer (student optional)")
    return [_row(number, record) for number, record in enumerate(reader, start=1)]


def normalise(answer: str) -> str:
    """Spacing-insensitive key, so the same answer typed twice is graded once.

    Spaces next to punctuation go; a space between a command and a letter (\\cdot x) stays.
    """
    answer = re.sub(r"\\[,;:! ]|\\quad|\\qquad", " ", answer)
    answer = re.sub(r"\s*([-+*/=^_(){}\[\],|])\s*", r"\1", answer)
    return re.sub(r"\s+", " ", answer).strip()


def _journal(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def _read_journal(path: Path) -> dict[int, dict]:
    done = {}
    if not path.exists():
        return done
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
            done[int(record["row"])] = record
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            continue  # a line cut short by a kill: that row is graded again
    return done


def _record(row: Row, result: GradeResult) -> dict:
    record = {"row": row.number, "student": row.student, **result.to_dict()}
    record["answer"] = row.answer
    return record


@dataclass
class BatchReport:
    rows: int
    graded: int  # distinct answers graded in this run
    resumed: int  # rows taken from an earlier run's journal
    seconds: float
    verdicts: dict[str, int]
    out: Path

    def summary(self) -> str:
        counts = ", ".join(f"{n} {v}" for v, n in sorted(self.verdicts.items()))
        return f"{self.rows} rows ({counts}); {self.graded} distinct answers graded, {self.resumed} resumed, in {self.seconds:.1f} s -> {self.out}"


def grade_rows(
    rows: list[Row],
    *,
    jobs: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    problems_dir: str | None = None,
    done: dict[int, dict] | None = None,
    on_record: Callable[[dict], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[list[dict], int]:
    """A record per row, in input order, and how many distinct answers were graded."""
    done = dict(done or {})
    records: dict[int, dict] = {}
    unique: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        if row.number in done:
            records[row.number] = done[row.number]
            continue
        failure = row.problem or _target_problem(row.target, problems_dir)
        if failure:
            records[row.number] = _record(row, GradeResult(row.target, row.answer, "invalid", failure, False, 0.0))
            if on_record:
                on_record(records[row.number])
            continue
        unique.setdefault((row.target, normalise(row.answer)), []).append(row)

    keys = list(unique)
    tasks = [(target, unique[(target, key)][0].answer, timeout, problems_dir) for target, key in keys]
    finished = 0
    limits = [task_limit(target, answer, timeout, problems_dir) for target, answer, _, _ in tasks]
    with WorkerPool(jobs) as pool:
        for index, outcome in pool.run(grade_now, tasks, limits):
            target, answer = tasks[index][0], tasks[index][1]
            result = from_overrun(target, answer, outcome, timeout) if isinstance(outcome, Overrun) else outcome
            for row in unique[keys[index]]:
                records[row.number] = _record(row, replace(result, answer=row.answer))
                if on_record:
                    on_record(records[row.number])
            finished += 1
            if on_progress:
                on_progress(finished, len(tasks))
    return [records[row.number] for row in rows], len(tasks)


def _target_problem(target: str, problems_dir: str | None) -> str:
    try:
        resolve_target(target, problems_dir)
    except UnknownTarget as error:
        return str(error)
    return ""


def run_batch(
    source: Path,
    out: Path,
    *,
    jobs: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    resume: bool = False,
    problems_dir: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[BatchReport, list[dict]]:
    """Grade `source` into `out` (JSONL); with `resume`, rows in the journal are not graded again."""
    started = time.monotonic()
    rows = read_rows(source)
    journal_path = _journal(out)
    done = _read_journal(journal_path) if resume else {}
    if not resume and journal_path.exists():
        journal_path.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    with journal_path.open("a", encoding="utf-8") as journal:
        def keep(record: dict) -> None:
            journal.write(json.dumps(record) + "\n")
            journal.flush()

        records, graded = grade_rows(rows, jobs=jobs, timeout=timeout, problems_dir=problems_dir, done=done, on_record=keep, on_progress=on_progress)
        os.fsync(journal.fileno())
    _write_atomically(out, "".join(json.dumps(r) + "\n" for r in records))
    journal_path.unlink()
    verdicts: dict[str, int] = {}
    for record in records:
        verdicts[record["verdict"]] = verdicts.get(record["verdict"], 0) + 1
    report = BatchReport(len(records), graded, len(done), time.monotonic() - started, verdicts, out)
    return report, records


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


# --- Gradescope ---------------------------------------------------------------------------------


def gradescope_results(records: Iterable[dict], problems_dir: str | None = None) -> dict[str, dict]:
    """Per student, a Gradescope autograder results object: one test per target."""
    by_student: dict[str, dict] = {}
    for record in records:
        student = record.get("student") or "anonymous"
        tests = by_student.setdefault(student, {"tests": []})["tests"]
        try:
            max_score = resolve_target(record["target"], problems_dir)[1].points
        except UnknownTarget:
            max_score = 0.0
        score = max_score if record["verdict"] == "correct" else 0.0
        output = f"{record['verdict']}: {record['feedback']}"
        tests.append({"name": record["target"], "score": score, "max_score": max_score, "output": output, "visibility": "visible"})
    for results in by_student.values():
        results["score"] = sum(t["score"] for t in results["tests"])
        results["visibility"] = "visible"
    return by_student


def write_gradescope(records: list[dict], path: Path, problems_dir: str | None = None) -> list[Path]:
    """One student: `path` itself. Several: `path` is a folder with <student>/results.json."""
    results = gradescope_results(records, problems_dir)
    if len(results) == 1 and path.suffix == ".json":
        _write_atomically(path, json.dumps(next(iter(results.values())), indent=2))
        return [path]
    written = []
    for student, result in results.items():
        target = path / re.sub(r"[^\w.-]", "_", student) / "results.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, json.dumps(result, indent=2))
        written.append(target)
    return written
