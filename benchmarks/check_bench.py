"""CPU time of `python -m derivs check all`, run whole several times; print the figures.

    python benchmarks/check_bench.py [--runs N]

Two figures per run: the CPU seconds the checks themselves take (what `check all` reports) and
the CPU seconds of the whole command (Python's start, imports, loading the problems, printing).
A shared machine makes single runs vary by a third or more, so the minimum and the median of
the runs are printed; every run must still pass every check both ways.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run() -> tuple[float, float, str]:
    """(checks' CPU seconds, whole command's CPU seconds, summary line) of one `check all`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "derivs", "check", "all", "--json"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(done.stdout)
    whole = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if report["passed"] != len(report["results"]):
        raise SystemExit(f"not every check passed: {report['summary']}")
    return report["seconds"], whole, report["summary"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    checks, whole = [r[0] for r in runs], [r[1] for r in runs]
    print(runs[-1][2])
    print(f"check all, the checks      min {min(checks):5.2f} s CPU  median {statistics.median(checks):5.2f} s CPU  ({args.runs} runs)")
    print(f"check all, whole command   min {min(whole):5.2f} s CPU  median {statistics.median(whole):5.2f} s CPU")


if __name__ == "__main__":
    main()
