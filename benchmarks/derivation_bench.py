"""Time the derivation checker on 10-step derivations (a benchmark, not a test).

    python benchmarks/derivation_bench.py [--repeat 5]

Prints, for each derivation, the steps found and the seconds to check them in this
process (check_derivation_now) and through a worker (check_derivation, as the CLI does).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derivs import get_problem  # noqa: E402
from derivs.derivation import check_derivation, check_derivation_now  # noqa: E402

CASES = [
    ("seed 000, sigmoid derivative (10 steps)", "seed000_sigmoid.tex", "sigmoid_derivative"),
    ("seed 004, tanh derivative (9 steps, 4 wrong)", "seed004_tanh_derivative.tex", "tanh_sigmoid"),
    ("seed 001, softmax shift chain (6 steps)", "seed001_softmax_shift.tex", "softmax_shift"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for title, name, problem_id in CASES:
        text = (ROOT / "tests" / "data" / "derivations" / name).read_text(encoding="utf-8")
        problem = get_problem(problem_id)
        check_derivation_now(text, problem)  # warm the parser's caches, as a long-running grader would
        inside, worker = [], []
        for _ in range(args.repeat):
            started = time.monotonic()
            report = check_derivation_now(text, problem)
            inside.append(time.monotonic() - started)
            started = time.monotonic()
            check_derivation(text, problem)
            worker.append(time.monotonic() - started)
        print(
            f"{title:48} {len(report.steps):2} steps  in-process median {statistics.median(inside):.2f} s "
            f"(max {max(inside):.2f})  via worker median {statistics.median(worker):.2f} s  "
            f"per step {statistics.median(inside) / len(report.steps) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
