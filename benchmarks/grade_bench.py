"""Grade a generated class with derivs and with the naive approach; print throughput, latency, agreement.

    python benchmarks/grade_bench.py [--size 2000] [--jobs 2] [--naive-limit 10]

The class is drawn from the hand-labelled answers in tests/data/answers.csv (each keeps its
label), retyped with the spacing variations students produce. The naive approach is what a
user writes by hand: latex2sympy2 on the answer and on the reference, then
`sympy.simplify(answer - reference) == 0` (a parse error counts as invalid). It gets a
per-answer alarm of --naive-limit seconds so the benchmark ends; each alarm counts as a
disagreement.
"""

from __future__ import annotations

import argparse
import csv
import random
import signal
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sympy  # noqa: E402
from latex2sympy2 import latex2sympy  # noqa: E402

from derivs.batch import Row, grade_rows  # noqa: E402
from derivs.grading import resolve_target  # noqa: E402
from derivs.latex import to_latex  # noqa: E402


def retype(answer: str, rng: random.Random) -> str:
    """The same answer as another student might type it: spaces and thin spaces around operators."""
    out = []
    for char in answer:
        if char in "+-=" and rng.random() < 0.5:
            out.append(rng.choice([f" {char} ", f"\\,{char}\\,", f" {char}"]))
        else:
            out.append(char)
    return "".join(out)


def make_class(size: int, seed: int) -> list[tuple[Row, str]]:
    labelled = list(csv.DictReader((ROOT / "tests" / "data" / "answers.csv").open(encoding="utf-8")))
    rng = random.Random(seed)
    rows = []
    for number in range(1, size + 1):
        source = rng.choice(labelled)
        answer = retype(source["answer"], rng) if source["label"] != "invalid" else source["answer"]
        rows.append((Row(number, f"student{number}", source["target"], answer), source["label"]))
    return rows


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_derivs(rows, jobs: int):
    started = time.monotonic()
    records, graded = grade_rows([row for row, _ in rows], jobs=jobs)
    elapsed = time.monotonic() - started
    unique_latency = {}
    for record in records:
        unique_latency.setdefault((record["target"], record["answer"].replace(" ", "")), record["seconds"])
    return [r["verdict"] for r in records], elapsed, list(unique_latency.values()), graded


class Alarm(Exception):
    pass


def naive_verdict(answer: str, reference_latex: str, limit: float) -> str:
    def ring(signum, frame):
        raise Alarm

    signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        try:
            parsed = latex2sympy(answer)
        except Exception:
            return "invalid"
        return "correct" if sympy.simplify(parsed - latex2sympy(reference_latex)) == 0 else "incorrect"
    except Alarm:
        return "timed out"
    except Exception:
        return "incorrect"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def run_naive(rows, limit: float):
    references = {}
    for row, _ in rows:
        if row.target not in references:
            problem, part = resolve_target(row.target)
            references[row.target] = to_latex(problem.expand_definitions(part.answer))
    verdicts, latencies = [], []
    started = time.monotonic()
    for row, _ in rows:
        begun = time.monotonic()
        verdicts.append(naive_verdict(row.answer, references[row.target], limit))
        latencies.append(time.monotonic() - begun)
    return verdicts, time.monotonic() - started, latencies


def agreement(verdicts, rows) -> float:
    return sum(v == label for v, (_, label) in zip(verdicts, rows)) / len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-limit", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    rows = make_class(args.size, args.seed)
    print(f"class: {len(rows)} answers over {len({r.target for r, _ in rows})} targets, {len({(r.target, r.answer) for r, _ in rows})} distinct texts")

    verdicts, elapsed, latencies, graded = run_derivs(rows, args.jobs)
    print(
        f"derivs (--jobs {args.jobs}): {len(rows) / elapsed:8.1f} answers/s  {elapsed:7.1f} s total  "
        f"{graded} graded after de-duplication  p50 {percentile(latencies, 0.5) * 1000:6.0f} ms  p99 {percentile(latencies, 0.99) * 1000:6.0f} ms per unique answer  "
        f"agreement {agreement(verdicts, rows):.1%}"
    )
    naive, naive_elapsed, naive_latencies = run_naive(rows, args.naive_limit)
    timeouts = naive.count("timed out")
    print(
        f"naive (parse + simplify):  {len(rows) / naive_elapsed:8.1f} answers/s  {naive_elapsed:7.1f} s total  "
        f"p50 {percentile(naive_latencies, 0.5) * 1000:6.0f} ms  p99 {percentile(naive_latencies, 0.99) * 1000:6.0f} ms per answer  "
        f"agreement {agreement(naive, rows):.1%}  ({timeouts} stopped at {args.naive_limit:g} s)"
    )
    print(f"speed-up: {naive_elapsed / elapsed:.1f}x")


if __name__ == "__main__":
    main()
