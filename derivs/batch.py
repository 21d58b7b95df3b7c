"""Grade a whole class: CSV or JSONL in, one JSON line per input row out, in input order.

Identical (target, answer) pairs are graded once. Finished rows go to a journal as they
come in (`OUT.partial`), so a crash loses nothing that was done and `resume` carries on;
the results file itself only appears, complete, by an atomic rename at the end.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import re
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from .grading import DEFAULT_TIMEOUT, SCORED, UNPROVED, GradeResult, UnknownTarget, from_overrun, grade_now, resolve_target, task_limit, with_expected
from .parsing import MAX_LENGTH
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


MAX_CELL = MAX_LENGTH  # characters in an answer, the parser's own limit; a larger cell is that row's `invalid`
MAX_STUDENT = 10_000  # characters in a student name or target (a longer one is that row's `invalid`)
_UNREADABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape


def read_rows(path: Path) -> list[Row]:
    """Every row of a CSV or JSONL batch, in order: a row that cannot be read is still a row, with its problem."""
    if path.is_dir():
        raise BatchInputError(f"batch file {path} is a folder, not a CSV or JSONL file")
    if not path.is_file():
        raise BatchInputError(f"batch file {path} does not exist")
    raw = path.read_bytes()
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson") or raw.lstrip().startswith(b"{"):
        return _jsonl_rows(raw)
    return _csv_rows(raw.decode("utf-8", errors="surrogateescape"), path)


def _row(number: int, record) -> Row:
    if not isinstance(record, dict):
        return Row(number, None, "", "", "the row is not an object with student, target and answer")
    record = {str(key).strip().lower(): value for key, value in record.items()}  # Answer, TARGET, " student"
    student = record.get("student")
    target, answer = record.get("target"), record.get("answer")
    missing = [name for name, value in (("target", target), ("answer", answer)) if value is None]
    row = Row(number, None if student is None else str(student), str(target or ""), str(answer or ""))
    return replace(row, problem=f"the row has no {' or '.join(missing)}" if missing else _cell_problem(row))


def _cell_problem(row: Row) -> str:
    """Why a row's cells cannot be graded (bytes that are not UTF-8, a cell too long), or ""."""
    for name, value in (("answer", row.answer), ("target", row.target), ("student", row.student or "")):
        found = _UNREADABLE.search(value)
        if found:
            return f"the {name} holds a byte that is not UTF-8 (0x{ord(found.group()) - 0xdc00:02x}) at character {found.start() + 1}"
    if len(row.answer) > MAX_CELL:
        return f"the answer is {len(row.answer):,} characters long; at most {MAX_CELL:,} are accepted"
    if len(row.target) > MAX_STUDENT or len(row.student or "") > MAX_STUDENT:
        return f"the target or student is over {MAX_STUDENT} characters long"
    return ""


def _jsonl_rows(raw: bytes) -> list[Row]:
    """One JSON object per line, lines split at \\n only: U+2028, \\x0c or \\x85 inside an answer split nothing."""
    rows = []
    lines = [line for line in raw.split(b"\n") if line.strip()]
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            rows.append(Row(number, None, "", "", f"the line holds a byte that is not UTF-8 (0x{line[error.start]:02x}) at byte {error.start + 1}"))
            continue
        try:
            rows.append(_row(number, json.loads(text)))
        except (json.JSONDecodeError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            rows.append(Row(number, None, "", text[:200], f"the line is not JSON: {reason}"))
    return rows


def _csv_rows(text: str, path: Path) -> list[Row]:
    """The csv module on the text as a file (newline=''), with the delimiter sniffed (',', ';' or tab)."""
    csv.field_size_limit(2**31 - 1)  # an oversized cell is that row's problem, not a csv.Error for the batch
    try:
        dialect = csv.Sniffer().sniff(text[:4096].split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        names = {(name or "").strip().lower() for name in reader.fieldnames or ()}
    except csv.Error as error:
        raise BatchInputError(f"{path}: the header cannot be read as CSV ({error})") from None
    if not {"target", "answer"} <= names:
        raise BatchInputError(f"{path}: a CSV batch needs a header with the columns target and answer (student optional)")
    rows = []
    number = 0
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:  # a malformed quote: this row, reported, and reading goes on
            rows.append(Row(number, None, "", "", f"the row cannot be read as CSV ({error})"))
            continue
        rows.append(_row(number, record))


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
    reveal: bool = False,
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
            result = with_expected(result, problems_dir) if reveal else result
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
    retry_undecided: bool = False,
    problems_dir: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    reveal: bool = False,
) -> tuple[BatchReport, list[dict]]:
    """Grade `source` into `out` (JSONL); with `resume`, rows in the journal are not graded again
    (with `retry_undecided`, rows that were undecided are). Raises BatchInputError for input that
    cannot be read and BatchOutputError for output that cannot be written (the journal stays)."""
    started = time.monotonic()
    rows = read_rows(source)
    if out.is_dir():
        raise BatchOutputError(f"--out {out} is a folder: give a file, such as {out / 'results.jsonl'}")
    journal_path = _journal(out)
    with _exclusive(out), _writing(out):
        done = _read_journal(journal_path) if resume else {}
        if retry_undecided:
            done = {number: record for number, record in done.items() if record.get("verdict") != "undecided"}
        if not resume and journal_path.exists():
            journal_path.unlink()
        out.parent.mkdir(parents=True, exist_ok=True)
        with journal_path.open("a", encoding="utf-8") as journal:
            def keep(record: dict) -> None:
                journal.write(json.dumps(record) + "\n")
                journal.flush()

            records, graded = grade_rows(rows, jobs=jobs, timeout=timeout, problems_dir=problems_dir, done=done, on_record=keep, on_progress=on_progress, reveal=reveal)
            os.fsync(journal.fileno())
        _write_atomically(out, "".join(json.dumps(r) + "\n" for r in records))
        journal_path.unlink()
    verdicts: dict[str, int] = {}
    for record in records:
        verdicts[record["verdict"]] = verdicts.get(record["verdict"], 0) + 1
    report = BatchReport(len(records), graded, len(done), time.monotonic() - started, verdicts, out)
    return report, records


class BatchOutputError(OSError):
    """The results cannot be written (a folder, a read-only or full disk, another run on the same file)."""


@contextmanager
def _exclusive(out: Path):
    """One run per results file: a second run on the same --out stops at once instead of corrupting it."""
    lock_path = out.with_name(out.name + ".lock")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a")
    except OSError as error:
        raise BatchOutputError(f"cannot write next to {out}: {error.strerror or error}") from None
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchOutputError(f"another run is writing {out}: wait for it to finish, or choose another --out") from None
        yield
    finally:
        handle.close()


@contextmanager
def _writing(out: Path):
    """A disk that refuses (read-only, full) is a one-line error; the journal keeps what was done, for --resume."""
    try:
        yield
    except BatchOutputError:
        raise
    except OSError as error:
        raise BatchOutputError(f"cannot write {getattr(error, 'filename', None) or out}: {error.strerror or error}; "
                               "what was graded is kept, run again with --resume") from None


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


# --- Gradescope ---------------------------------------------------------------------------------


def gradescope_results(records: Iterable[dict], problems_dir: str | None = None, output_format: str = "text") -> dict[str, dict]:
    """Per student, a Gradescope autograder results object: one test per target, scored with the row's points
    when it has them (an instructor's override), else the part's points when correct. `output_format`: text or
    html (the verdict, the answer rendered, how it was read, the feedback)."""
    by_student: dict[str, dict] = {}
    for record in records:
        student = record.get("student") or "anonymous"
        tests = by_student.setdefault(student, {"tests": []})["tests"]
        try:
            max_score = resolve_target(record["target"], problems_dir)[1].points
        except UnknownTarget:
            max_score = 0.0
        points = record.get("points")
        score = float(points) if isinstance(points, (int, float)) else max_score if record["verdict"] in SCORED else 0.0
        output = f"{record['verdict']}: {record['feedback']}"
        if output_format == "html":
            from .pages import verdict_fragment

            output = verdict_fragment(record["verdict"], record["feedback"], record.get("answer", ""), record.get("interpreted", ""))
        test = {"name": record["target"], "score": score, "max_score": max_score, "output": output, "visibility": "visible", **unproved_marks(record["verdict"])}
        tests.append(test | ({"output_format": "html"} if output_format == "html" else {}))
    for results in by_student.values():
        results["score"] = sum(t["score"] for t in results["tests"])
        results["visibility"] = "visible"
    return by_student


def unproved_marks(verdict: str) -> dict:
    """What makes an unproved answer findable in Gradescope's results beside its score: a tag, and the verdict in
    the test's extra data (Gradescope's own status field takes only passed and failed)."""
    return {"tags": [UNPROVED], "extra_data": {"verdict": UNPROVED}} if verdict == UNPROVED else {}


def safe_name(student: str) -> str:
    """A folder name for a student that stays inside the output folder: no dots or slashes, bounded
    length, and a checksum of the original when anything was changed, so two students never share one."""
    cleaned = re.sub(r"[^\w-]", "_", student)[:80] or "anonymous"
    if cleaned != student:
        cleaned += f"-{zlib.crc32(student.encode('utf-8', 'surrogateescape')):08x}"
    return cleaned


def write_gradescope(records: list[dict], path: Path, problems_dir: str | None = None, output_format: str = "text") -> list[Path]:
    """One student: `path` itself. Several: `path` is a folder with <student>/results.json."""
    results = gradescope_results(records, problems_dir, output_format)
    if len(results) == 1 and path.suffix == ".json":
        _write_atomically(path, json.dumps(next(iter(results.values())), indent=2))
        return [path]
    written = []
    for student, result in results.items():
        target = path / safe_name(student) / "results.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, json.dumps(result, indent=2))
        written.append(target)
    return written
