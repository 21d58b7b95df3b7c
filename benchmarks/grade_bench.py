"""Grade a class of distinct answers with derivs, the naive approach and math-verify; print CPU figures.

    python benchmarks/grade_bench.py [--peer-python /path/to/peer/venv/bin/python] [--limit N] [--repeat N]

The class: every hand-labelled answer of tests/data/answers.csv and, for each answer that is not
invalid, the same answer written three other ways (in \\left( \\right), with \\left( for every (, and
as 1\\cdot(...)), each keeping its label. Texts differ in more than spacing, so nothing is graded
once for many rows: each figure is per distinct answer, in CPU seconds of one process.

Lines printed: parse time per answer; derivs' grade_now per answer (answers per CPU-second, p50,
p99, agreement with the labels); the overhead of grade() through its warm worker; and, when
--peer-python names an environment with math-verify installed (pip install 'math-verify[antlr4_13_2]'),
the naive approach and math-verify on the same answers, run by benchmarks/peers.py.

--repeat N runs every contender N times, each time in a fresh process (cold caches), and keeps
each one's run with the least CPU: a shared machine slows single runs by a third or more, and
the same rule for every contender keeps the comparison fair.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derivs.grading import grade, grade_now, resolve_target  # noqa: E402
from derivs.latex import to_latex  # noqa: E402
from derivs.parsing import LatexError, read_answer  # noqa: E402


def variants(answer: str) -> list[str]:
    """The same answer as other students write it (same value, different text)."""
    if any(mark in answer for mark in ("=", "\\approx", "&", "\\begin{cases}")):
        return [answer]
    answer = answer.rstrip(".,")  # a full stop ends the sentence; it is not wrapped with the answer
    if re.search(r"\d,\d", answer):  # 1,154,560 in brackets would be a list: no bracketed variants
        return [answer]
    if "^{(" in answer or "^(" in answer:  # a layer label, not brackets to resize
        return list(dict.fromkeys([answer, rf"\left({answer}\right)", rf"1\cdot\left({answer}\right)"]))
    sized = re.sub(r"(?<!\\left)\((?![^()]*\\right\))", r"\\left(", answer)
    sized = re.sub(r"(?<!\\right)\)", r"\\right)", sized) if sized != answer else answer
    return list(dict.fromkeys([answer, rf"\left({answer}\right)", sized, rf"1\cdot\left({answer}\right)"]))


def make_class(limit: int | None) -> list[tuple[str, str, str]]:
    labelled = list(csv.DictReader((ROOT / "tests" / "data" / "answers.csv").open(encoding="utf-8")))
    seen, rows = set(), []
    for row in labelled:
        texts = [row["answer"]] if row["label"] == "invalid" else variants(row["answer"])
        for text in texts:
            if (row["target"], text) not in seen:
                seen.add((row["target"], text))
                rows.append((row["target"], text, row["label"]))
    return rows[:limit] if limit else rows


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def agreement(verdicts: list[str], rows) -> float:
    return sum(v == label for v, (_, _, label) in zip(verdicts, rows)) / len(rows)


def line(name: str, cpu: list[float], verdicts: list[str], rows, extra: str = "") -> str:
    total = sum(cpu)
    return (f"{name:28} {len(cpu) / total:8.1f} answers per CPU-second  p50 {percentile(cpu, 0.5) * 1000:7.1f} ms  "
            f"p99 {percentile(cpu, 0.99) * 1000:8.1f} ms  agreement {agreement(verdicts, rows):6.1%}  {extra}")


def run_parse(rows) -> list[float]:
    times = []
    for target, answer, _ in rows:
        problem, _ = resolve_target(target)
        started = time.process_time()
        try:
            read_answer(answer, problem)
        except LatexError:
            pass
        times.append(time.process_time() - started)
    return times


def run_derivs(rows) -> tuple[list[str], list[float]]:
    grade_now(rows[0][0], rows[0][1])  # warm: the problems loaded, sympy's caches filled, as in a worker
    verdicts, cpu = [], []
    for target, answer, _ in rows:
        started = time.process_time()
        verdicts.append(grade_now(target, answer).verdict)
        cpu.append(time.process_time() - started)
    return verdicts, cpu


def derivs_pass(limit: int | None) -> None:
    """One cold pass of grade_now over the class, in this process: one JSON line per answer."""
    rows = make_class(limit)
    verdicts, cpu = run_derivs(rows)
    for verdict, seconds in zip(verdicts, cpu):
        print(json.dumps({"verdict": verdict, "cpu": seconds}))


def best_derivs_run(limit: int | None, repeat: int) -> tuple[list[str], list[float]]:
    """The pass with the least CPU of `repeat` fresh processes."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--derivs-pass"] + (["--limit", str(limit)] if limit else []),
                              capture_output=True, text=True, check=True)
        records = [json.loads(text) for text in done.stdout.splitlines()]
        runs.append(([r["verdict"] for r in records], [r["cpu"] for r in records]))
    return min(runs, key=lambda run: sum(run[1]))


def grade_overhead(rows, count: int = 60) -> tuple[float, float]:
    """Median CPU of the calling process per grade() call, and median wall time beyond the decision."""
    grade(rows[0][0], rows[0][1])  # the first call starts the worker
    parent, beyond = [], []
    for target, answer, _ in rows[:count]:
        started, wall = time.process_time(), time.monotonic()
        result = grade(target, answer)
        parent.append(time.process_time() - started)
        beyond.append(max(0.0, time.monotonic() - wall - result.seconds))
    return statistics.median(parent), statistics.median(beyond)


def run_peers(rows, peer_python: str) -> list[dict]:
    references = {}
    for target, _, _ in rows:
        if target not in references:
            problem, part = resolve_target(target)
            references[target] = to_latex(problem.expand_definitions(part.answer))
    pairs = "".join(json.dumps({"answer": answer, "reference": references[target]}) + "\n" for target, answer, _ in rows)
    environment = {**os.environ, "PYTHONPATH": ""}
    done = subprocess.run([peer_python, str(ROOT / "benchmarks" / "peers.py")], input=pairs, capture_output=True, text=True, env=environment, check=True)
    return [json.loads(text) for text in done.stdout.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-python", default=os.environ.get("DERIVS_PEER_PYTHON"), help="python of an environment with math-verify")
    parser.add_argument("--limit", type=int, help="grade only the first N answers of the class")
    parser.add_argument("--repeat", type=int, default=1, help="run each contender N times (fresh processes); keep each one's fastest")
    parser.add_argument("--derivs-pass", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.derivs_pass:
        derivs_pass(args.limit)
        return

    rows = make_class(args.limit)
    print(f"class: {len(rows)} distinct answers over {len({t for t, _, _ in rows})} targets")
    parse_cpu = run_parse(rows)
    print(f"{'parse (read_answer)':28} p50 {percentile(parse_cpu, 0.5) * 1000:7.2f} ms  p99 {percentile(parse_cpu, 0.99) * 1000:7.2f} ms per answer")
    verdicts, cpu = best_derivs_run(args.limit, args.repeat)
    best = f"(best of {args.repeat} runs)" if args.repeat > 1 else ""
    print(line("derivs (grade_now)", cpu, verdicts, rows, best))
    parent, beyond = grade_overhead(rows)
    print(f"{'derivs grade() overhead':28} {parent * 1000:7.1f} ms CPU in the caller, {beyond * 1000:7.1f} ms wall beyond the decision (median, warm worker)")
    if not args.peer_python:
        print("naive, math-verify: skipped (give --peer-python, an environment with: pip install 'math-verify[antlr4_13_2]')")
        return
    runs = [run_peers(rows, args.peer_python) for _ in range(args.repeat)]
    naive = min(runs, key=lambda peers: sum(p["naive_cpu"] for p in peers))
    math_verify = min(runs, key=lambda peers: sum(p["math_verify_cpu"] for p in peers))
    naive_cpu = [p["naive_cpu"] for p in naive]
    verify_cpu = [p["math_verify_cpu"] for p in math_verify]
    timeouts = sum(p["naive"] == "timed out" for p in naive)
    print(line("naive (parse + simplify)", naive_cpu, [p["naive"] for p in naive], rows, f"({timeouts} stopped at 10 s) {best}"))
    print(line("math-verify", verify_cpu, [p["math_verify"] for p in math_verify], rows, best))
    print(f"derivs per CPU-second: {sum(naive_cpu) / sum(cpu):.1f}x the naive approach, {sum(verify_cpu) / sum(cpu):.1f}x math-verify")


if __name__ == "__main__":
    main()
