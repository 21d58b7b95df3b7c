"""CPU per decision for matrix-form answers (issue 22), beside the scalar class, in one process.

    python benchmarks/matrix_bench.py [--repeat N]

The matrix class: every row of tests/matrix_class.py (170 distinct answers to the matrix-form parts, right and wrong,
in three notations). The scalar class: the hand-labelled answers of tests/data/answers.csv with their rewritten
variants (benchmarks/grade_bench.py's class). Each answer is graded with grade_now after one warm-up answer, so the
problems are loaded and sympy's caches filled, as in a grading worker. Printed per class: answers per CPU-second, the
median (p50) and p99 CPU per decision, and the agreement with the labels. --repeat N grades each class N times and
keeps each answer's least CPU (a shared machine slows single runs; the same rule for both classes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from grade_bench import make_class, percentile, run_derivs  # noqa: E402
from matrix_class import agrees, rows  # noqa: E402

TARGET_P50_MS = 20.0


def figures(name: str, cpu: list[float], agreed: int, total: int) -> str:
    return (f"{name:14} {total:4d} answers  {len(cpu) / sum(cpu):7.1f} answers per CPU-second  p50 {percentile(cpu, 0.5) * 1000:6.1f} ms  "
            f"p99 {percentile(cpu, 0.99) * 1000:7.1f} ms  agreement {agreed / total:6.1%}")


def least_of(runs: list[list[float]]) -> list[float]:
    return [min(times) for times in zip(*runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="grade each class this many times, keep each answer's least CPU")
    args = parser.parse_args()
    matrix_rows = [(target, text, label) for target, text, label, _ in rows()]
    scalar_rows = make_class(None)
    results = {}
    for name, class_rows in (("matrix class", matrix_rows), ("scalar class", scalar_rows)):
        runs, verdicts = [], None
        for _ in range(args.repeat):
            verdicts, cpu = run_derivs(class_rows)
            runs.append(cpu)
        results[name] = (least_of(runs), verdicts, class_rows)
    matrix_cpu, matrix_verdicts, _ = results["matrix class"]
    print(figures("matrix class", matrix_cpu, sum(agrees(label, v) for v, (_, _, label) in zip(matrix_verdicts, matrix_rows)), len(matrix_rows)))
    scalar_cpu, scalar_verdicts, _ = results["scalar class"]
    print(figures("scalar class", scalar_cpu, sum(v == label for v, (_, _, label) in zip(scalar_verdicts, scalar_rows)), len(scalar_rows)))
    wrong_scored = sum(label == "wrong" and v in ("correct", "unproved") for v, (_, _, label) in zip(matrix_verdicts, matrix_rows))
    print(f"matrix class: wrong answers scored as right: {wrong_scored}; median {percentile(matrix_cpu, 0.5) * 1000:.1f} ms "
          f"against the target of {TARGET_P50_MS:.0f} ms")


if __name__ == "__main__":
    main()
