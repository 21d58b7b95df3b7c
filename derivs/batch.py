"""Grade a whole class: CSV or JSONL in, one JSON line per input row out, in input order.

Identical (target, answer) pairs are graded once. Finished rows go to a journal as they
come in (`OUT.partial`), so a crash loses nothing that was done and `resume` carries on;
the results file itself only appears, complete, by an atomic rename at the end.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import json
import os
import re
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from .grading import DEFAULT_TIMEOUT, SCORED, UNPROVED, VERDICTS, WRONG_FORM, GradeResult, UnknownTarget, from_overrun, grade_now, resolve_target, seeded_target, task_limit, with_expected
from .parsing import MAX_LENGTH
from .quoting import count, gradescope_output
from .sandbox import Overrun, WorkerPool


class BatchInputError(ValueError):
    """The batch file cannot be read at all (missing, or neither CSV nor JSONL)."""


UNGRADED = "ungraded"  # a row naming an unknown target (--keep-going): the instructor's error, no student's score


class ConfigurationError(ValueError):
    """The batch names targets that do not exist: the instructor's error, said once per target."""

    def __init__(self, unknown: dict[str, list[int]], problems_dir=None):
        self.unknown = unknown
        super().__init__("\n".join(_unknown_line(target, numbers, problems_dir) for target, numbers in unknown.items()))


def _unknown_line(target: str, numbers: list[int], problems_dir) -> str:
    from .grading import known_targets

    shown = ", ".join(map(str, numbers[:10])) + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
    reason = str(UnknownTarget(target, known_targets(problems_dir)))
    return f"row{'s' if len(numbers) > 1 else ''} {shown}: {reason}"


def unknown_targets(rows: list[Row], problems_dir=None) -> dict[str, list[int]]:
    """Each target that names no problem part, with the rows that use it, in input order."""
    found: dict[str, list[int]] = {}
    for row in rows:
        if not row.problem and _target_problem(row.target, problems_dir):
            found.setdefault(row.target, []).append(row.number)
    return found


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
        rows.append(_with_unquoted_delimiters(_row(number, record), record.get(None), reader.fieldnames, dialect.delimiter))


def _with_unquoted_delimiters(row: Row, extra, header, delimiter: str) -> Row:
    """A row with more cells than the header: an answer holding an unquoted comma (\\max(0, x), 3\\,dz). When the answer
    is the last column the cells after it are its rest, put back as typed; otherwise the row says what to quote."""
    if not extra or row.problem:
        return row
    if (header[-1] or "").strip().lower() == "answer":
        whole = replace(row, answer=delimiter.join([row.answer, *extra]))
        return replace(whole, problem=_cell_problem(whole))
    return replace(row, problem=f"the row has {len(extra)} more cell(s) than the header: quote an answer that holds '{delimiter}'")


def normalise(answer: str) -> str:
    """Spacing-insensitive key, so the same answer typed twice is graded once.

    Spaces next to punctuation go; a space between a command and a letter (\\cdot x) stays.
    """
    answer = re.sub(r"\\[,;:! ]|\\quad|\\qquad", " ", answer)
    answer = re.sub(r"\s*([-+*/=^_(){}\[\],|])\s*", r"\1", answer)
    return re.sub(r"\s+", " ", answer).strip()


def _journal(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def fingerprint(student: str | None, target: str, answer: str) -> str:
    """What a row holds, in 16 hex digits: a row edited since it was graded has another."""
    text = json.dumps([student, target, answer], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _row_fingerprint(row: Row) -> str:
    return fingerprint(row.student, row.target, row.answer)


def _record_fingerprint(record: dict) -> str:
    """A journal line carries its row's fingerprint; a finished results file's line is its row's own cells."""
    return record.get("fingerprint") or fingerprint(record.get("student"), str(record.get("target", "")), str(record.get("answer", "")))


def _read_records(path: Path) -> dict[int, dict]:
    """The records of a journal or results file by row number; a line cut short by a kill is skipped."""
    done = {}
    if not path.exists():
        return done
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
            done[int(record["row"])] = record
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            continue  # that row is graded again
    return done


@dataclass(frozen=True)
class Resumption:
    """What an earlier run left that this one keeps: the records of unchanged rows, and what it does not."""

    done: dict[int, dict]
    changed: int  # rows edited since they were graded: graded again
    dropped: int  # graded rows no longer in the input: left out
    retried: int = 0  # undecided rows graded again (--retry-undecided)


def resumption(rows: list[Row], earlier: dict[int, dict], retry_undecided: bool = False) -> Resumption:
    """Match an earlier run's records to the rows by row number and fingerprint: an edited row is graded
    again, a record whose row is gone is dropped; with `retry_undecided`, undecided rows are graded again."""
    done, changed = {}, 0
    for row in rows:
        record = earlier.get(row.number)
        if record is None:
            continue
        if _record_fingerprint(record) != _row_fingerprint(row):
            changed += 1
        else:
            done[row.number] = {key: value for key, value in record.items() if key != "fingerprint"}
    dropped = len(set(earlier) - {row.number for row in rows})
    retried = [number for number, record in done.items() if retry_undecided and record.get("verdict") == "undecided"]
    for number in retried:
        del done[number]
    return Resumption(done, changed, dropped, len(retried))


def _record(row: Row, result: GradeResult) -> dict:
    record = {"row": row.number, "student": row.student, **result.to_dict()}
    record["answer"] = row.answer
    if "@" in result.target:  # graded against the student's own variant: the target as given, and the seed
        record["target"], record["seed"] = row.target, int(result.target.rpartition("@")[2])
    return record


@dataclass
class BatchReport:
    rows: int
    graded: int  # distinct answers graded in this run
    resumed: int  # rows taken from an earlier run's journal
    seconds: float
    verdicts: dict[str, int]
    out: Path
    changed: int = 0  # rows edited since the earlier run: graded again
    dropped: int = 0  # rows of the earlier run no longer in the input
    retried: int = 0  # undecided rows graded again
    unknown: dict = field(default_factory=dict)  # with keep_going: each unknown target and its rows (left ungraded)

    def summary(self) -> str:
        order = {verdict: n for n, verdict in enumerate(VERDICTS)}  # right to wrong, as the README lists them
        counts = ", ".join(f"{n} {v}" for v, n in sorted(self.verdicts.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
        line = f"{count(self.rows, 'row')} ({counts}); {count(self.graded, 'distinct answer')} graded, {self.resumed} resumed, in {self.seconds:.1f} s -> {self.out}"
        return line + ("\n" + self.resume_summary() if self.resume_summary() else "")

    def resume_summary(self) -> str:
        """What --resume found changed since the earlier run ('' when nothing was)."""
        said = [f"{self.changed} changed since graded, graded again" if self.changed else "",
                f"{self.dropped} no longer in the input, dropped" if self.dropped else "",
                f"{self.retried} undecided, graded again" if self.retried else ""]
        said = [part for part in said if part]
        return f"resumed {count(self.resumed, 'row')} from the earlier run; " + "; ".join(said) if said else ""


class BatchInterrupted(Exception):
    """Ctrl-C: what was graded is in the journal, and `--resume` carries on."""

    def __init__(self, finished: int, rows: int):
        super().__init__(f"interrupted after {finished} of {count(rows, 'row')}; run the same command with --resume")
        self.finished, self.rows = finished, rows


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
    salt: str = "",
    others: tuple = (),
) -> tuple[list[dict], int]:
    """A record per row, in input order, and how many distinct answers were graded. With a course `salt`, each
    row of a problem with parameters is graded against its student's own variant (the seed from salt and student)."""
    done = dict(done or {})
    records: dict[int, dict] = {}
    unique: dict[tuple[str, str], list[Row]] = {}
    seeded = _seeded_targets(rows, salt, problems_dir)
    others = tuple(sorted({*others, *(int(t.rpartition("@")[2]) for t in seeded.values())}))
    for row in rows:
        if row.number in done:
            records[row.number] = done[row.number]
            continue
        failure = row.problem or _target_problem(row.target, problems_dir)
        if failure:
            verdict = "invalid" if row.problem else UNGRADED
            feedback = failure if row.problem else f"not graded, and no score: {failure} (the assignment's mistake, not the answer's)"
            records[row.number] = _record(row, GradeResult(row.target, row.answer, verdict, feedback, False, 0.0))
            if on_record:
                on_record(records[row.number])
            continue
        unique.setdefault((seeded.get(row.number, row.target), normalise(row.answer)), []).append(row)

    keys = list(unique)
    tasks = [(target, unique[(target, key)][0].answer, timeout, problems_dir, others) for target, key in keys]
    finished = 0
    limits = [task_limit(target, answer, timeout, problems_dir) for target, answer, *_ in tasks]
    with WorkerPool(jobs) as pool:
        for index, outcome in pool.run(grade_now, tasks, limits, groups=[target for target, *_ in tasks]):
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


def _seeded_targets(rows: list[Row], salt: str, problems_dir) -> dict[int, str]:
    """PROBLEM.PART@SEED for each row whose problem has parameters, its seed from the salt and the row's student;
    none without a salt. A row with no student cannot have a variant: it keeps its target and is graded as the
    homework's own numbers (variant 0)."""
    if not salt:
        return {}
    from .variants import student_seed

    seeded = {}
    for row in rows:
        if row.problem or not row.student or _target_problem(row.target, problems_dir):
            continue
        target = seeded_target(row.target, student_seed(salt, row.student), problems_dir)
        if target != row.target:
            seeded[row.number] = target
    return seeded


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
    keep_going: bool = False,
    salt: str = "",
) -> tuple[BatchReport, list[dict]]:
    """Grade `source` into `out` (JSONL); with `resume`, rows in the journal are not graded again
    (with `retry_undecided`, rows that were undecided are). Raises BatchInputError for input that
    cannot be read, ConfigurationError for unknown targets (unless `keep_going`: their rows are then
    `ungraded`) and BatchOutputError for output that cannot be written (the journal stays)."""
    started = time.monotonic()
    rows = read_rows(source)
    unknown = unknown_targets(rows, problems_dir)
    if unknown and not keep_going:
        raise ConfigurationError(unknown, problems_dir)
    if out.is_dir():
        raise BatchOutputError(f"--out {out} is a folder: give a file, such as {out / 'results.jsonl'}")
    journal_path = _journal(out)
    with _exclusive(out), _writing(out):
        earlier = {}
        if resume:  # the journal of a stopped run, else the results of a finished one
            earlier = _read_records(journal_path) if journal_path.exists() else _read_records(out)
        kept = resumption(rows, earlier, retry_undecided)
        rows_by_number = {row.number: row for row in rows}

        def journal_line(record: dict) -> str:
            return json.dumps({**record, "fingerprint": _row_fingerprint(rows_by_number[record["row"]])}) + "\n"

        # the journal holds exactly the rows kept, replaced at once: a kill now loses nothing of the earlier run
        if kept.done:
            _write_atomically(journal_path, "".join(journal_line(record) for record in kept.done.values()))
        with journal_path.open("a" if kept.done else "w", encoding="utf-8") as journal:
            finished = len(kept.done)

            def keep(record: dict) -> None:
                nonlocal finished
                journal.write(journal_line(record))
                journal.flush()
                finished += 1

            try:
                records, graded = grade_rows(rows, jobs=jobs, timeout=timeout, problems_dir=problems_dir, done=kept.done,
                                             on_record=keep, on_progress=on_progress, reveal=reveal, salt=salt)
            except KeyboardInterrupt:
                raise BatchInterrupted(finished, len(rows)) from None
            os.fsync(journal.fileno())
        _write_atomically(out, "".join(json.dumps(r) + "\n" for r in records))
        journal_path.unlink()
    verdicts: dict[str, int] = {}
    for record in records:
        verdicts[record["verdict"]] = verdicts.get(record["verdict"], 0) + 1
    report = BatchReport(len(records), graded, len(kept.done), time.monotonic() - started, verdicts, out, kept.changed, kept.dropped, kept.retried, unknown)
    return report, records


class BatchOutputError(OSError):
    """The results cannot be written (a folder, a read-only or full disk, another run on the same file)."""


@contextmanager
def _exclusive(out: Path):
    """One run per results file: a second run on the same --out stops at once instead of corrupting it.
    The lock file goes when the run ends, however it ends (finished, failed, Ctrl-C)."""
    lock_path = out.with_name(out.name + ".lock")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BatchOutputError(f"cannot write next to {out}: {error.strerror or error}") from None
    handle = _locked(lock_path, out)
    try:
        yield
    finally:
        try:
            lock_path.unlink()  # still holding the lock, so no other run is between its open and its lock
        except OSError:
            pass
        handle.close()


def _locked(lock_path: Path, out: Path):
    """The lock file, opened and locked; a lock taken on a file another run has just removed is taken again."""
    while True:
        try:
            handle = lock_path.open("a")
        except OSError as error:
            raise BatchOutputError(f"cannot write next to {out}: {error.strerror or error}") from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise BatchOutputError(f"another run is writing {out}: wait for it to finish, or choose another --out") from None
        try:
            if os.fstat(handle.fileno()).st_ino == os.stat(lock_path).st_ino:
                return handle
        except FileNotFoundError:
            pass
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
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():  # stopped half way (Ctrl-C, a full disk): no stray file
            temporary.unlink()


# --- Gradescope ---------------------------------------------------------------------------------


def gradescope_results(records: Iterable[dict], problems_dir: str | None = None, output_format: str = "md") -> dict[str, dict]:
    """Per student, a Gradescope autograder results object: one test per target, scored with the row's points
    when it has them (an instructor's override), else the part's points when correct. `output_format`: md (the
    feedback and reading fenced) or html (the verdict, the answer rendered, how it was read, the feedback)."""
    by_student: dict[str, dict] = {}
    for record in records:
        student = record.get("student") or "anonymous"
        tests = by_student.setdefault(student, {"tests": []})["tests"]
        try:
            max_score = resolve_target(record["target"], problems_dir)[1].points
        except UnknownTarget:  # the instructor's error: no test, no score, for the student
            continue
        points = record.get("points")
        score = float(points) if isinstance(points, (int, float)) else max_score if record["verdict"] in SCORED else 0.0
        if output_format == "html":
            from .pages import verdict_fragment

            output = verdict_fragment(record["verdict"], record["feedback"], record.get("answer", ""), record.get("interpreted", ""))
        else:
            output = gradescope_output(record["verdict"], record["feedback"], record.get("interpreted", ""))
        tests.append({"name": record["target"], "score": score, "max_score": max_score, "output": output,
                      "output_format": "html" if output_format == "html" else "md", "visibility": "visible", **review_marks(record["verdict"], record.get("other_form", ""))})
    for results in by_student.values():
        results["score"] = sum(t["score"] for t in results["tests"])
        results["visibility"] = "visible"
    return by_student


def review_marks(verdict: str, other_form: str = "") -> dict:
    """What makes an unproved or wrong-form answer, or a right one not in the form asked, findable in Gradescope's
    results beside its score: a tag, and the verdict (and the form asked) in the test's extra data (Gradescope's own
    status field takes only passed and failed)."""
    tags = [verdict] if verdict in (UNPROVED, WRONG_FORM) else []
    if other_form and verdict != WRONG_FORM:
        tags.append("other_form")
    extra = {"verdict": verdict, **({"other_form": other_form} if other_form else {})}
    return {"tags": tags, "extra_data": extra} if tags else {}


def safe_name(student: str) -> str:
    """A folder name for a student that stays inside the output folder: no dots or slashes, bounded
    length, and a checksum of the original when anything was changed, so two students never share one."""
    cleaned = re.sub(r"[^\w-]", "_", student)[:80] or "anonymous"
    if cleaned != student:
        cleaned += f"-{zlib.crc32(student.encode('utf-8', 'surrogateescape')):08x}"
    return cleaned


def write_gradescope(records: list[dict], path: Path, problems_dir: str | None = None, output_format: str = "md") -> list[Path]:
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
