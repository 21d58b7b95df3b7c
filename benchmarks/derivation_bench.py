"""Time the derivation checker on the derivations of tests/data/derivations (a benchmark, not a test).

    python benchmarks/derivation_bench.py [--repeat 5]

Prints, for each derivation, the steps found and the CPU seconds to check them in this process
(check_derivation_now, warm), the wall seconds through the worker (check_derivation, as the CLI
does), and the median CPU milliseconds per step over all of them.
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
    ("seed 000, sigmoid derivative", "seed000_sigmoid.tex", "sigmoid_derivative"),
    ("seed 004, tanh derivative (4 wrong)", "seed004_tanh_derivative.tex", "tanh_sigmoid"),
    ("seed 001, softmax shift chain", "seed001_softmax_shift.tex", "softmax_shift"),
    ("seed 001, tanh map", "seed001_tanh_map.tex", "tanh_sigmoid"),
    ("seed 002, cross-entropy", "seed002_cross_entropy.tex", "softmax_cross_entropy"),
    ("seed 002, softmax derivative", "seed002_softmax_derivative.tex", "softmax_cross_entropy"),
    ("seed 004, linear collapse", "seed004_linear_collapse.tex", "linear_collapse"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    per_step = []
    for title, name, problem_id in CASES:
        text = (ROOT / "tests" / "data" / "derivations" / name).read_text(encoding="utf-8")
        problem = get_problem(problem_id)
        check_derivation_now(text, problem)  # warm the parser's caches, as a long-running grader would
        inside, worker = [], []
        for _ in range(args.repeat):
            started = time.process_time()
            report = check_derivation_now(text, problem)
            inside.append(time.process_time() - started)
            started = time.monotonic()
            check_derivation(text, problem)
            worker.append(time.monotonic() - started)
        steps = max(1, len(report.steps))
        per_step.append(statistics.median(inside) / steps)
        print(
            f"{title:40} {len(report.steps):2} steps  in-process median {statistics.median(inside):.2f} s CPU "
            f"(max {max(inside):.2f})  via worker median {statistics.median(worker):.2f} s wall  "
            f"per step {per_step[-1] * 1000:.0f} ms CPU"
        )
    print(f"median per step over these derivations: {statistics.median(per_step) * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
