"""CPU time of `proof` on whole write-ups, per 100 steps (a benchmark, not a test).

    python benchmarks/writeup_bench.py [--runs 3] [--corpus]

Each write-up is checked in a fresh process, as `derivs proof FILE` does: the start-up (Python, sympy,
derivs imported) is measured apart from the check itself, which is measured twice in that process:
first (cold: the parser's and the evaluator's caches empty), again (warm: this very text seen before), and, in
another process, after a different write-up was checked first (the process's one-time costs paid, none of
this text's: what each further write-up costs a grader that stays up).
Figures are CPU seconds (user + system), the least of --runs fresh processes, so a busy machine does not
inflate them. The target of issue 21 is under 1 s of CPU per 100 steps after start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# One process: start-up, then the check twice; prints JSON.
PROBE = """
import json, sys, time
started = time.process_time()
from derivs.derivation import check_derivation_now
from derivs.writeup.document import form_of_path
startup = time.process_time() - started
path, other = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
times = []
if other:  # another write-up first: the process's one-time costs paid, none of this text's
    check_derivation_now(open(other, encoding="utf-8").read(), form=form_of_path(other))
for _ in range(2):
    started = time.process_time()
    report = check_derivation_now(text, form=form_of_path(path))
    times.append(time.process_time() - started)
print(json.dumps({"startup": startup, "cold": times[0], "warm": times[1], "steps": len(report.steps)}))
"""


def measure(path: Path, runs: int, other: Path | None = None) -> dict:
    """The least start-up, cold and warm CPU seconds over `runs` fresh processes (after `other` was checked)."""
    found = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", PROBE, str(path), str(other or "")], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        if done.returncode:
            raise SystemExit(f"{path.name}: {done.stderr.strip().splitlines()[-1]}")
        found.append(json.loads(done.stdout))
    return {key: min(f[key] for f in found) for key in ("startup", "cold", "warm")} | {"steps": found[0]["steps"]}


def write_ups(corpus: bool) -> list[Path]:
    paths = sorted((ROOT / "tests" / "data" / "writeups").glob("*.*"))
    if corpus:
        paths += sorted(p for p in (ROOT / "tests" / "corpus").glob("*.*") if p.suffix in (".md", ".tex"))
    return [p for p in paths if p.suffix in (".md", ".tex")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", action="store_true", help="the corpus of public write-ups too (several minutes)")
    args = parser.parse_args()
    cold, later, warm, startups, steps = [], [], [], [], 0
    paths = write_ups(args.corpus)
    print(f"{'write-up':40} {'steps':>5} {'cold s':>7} {'after another s':>15} {'warm s':>7}")
    for at, path in enumerate(paths):
        figures = measure(path, args.runs)
        if not figures["steps"]:
            continue
        after = measure(path, args.runs, other=paths[at - 1])
        steps += figures["steps"]
        cold.append(figures["cold"])
        later.append(after["cold"])
        warm.append(figures["warm"])
        startups.append(figures["startup"])
        print(f"{path.name[:40]:40} {figures['steps']:5} {figures['cold']:7.2f} {after['cold']:15.2f} {figures['warm']:7.2f}")
    print(f"start-up (Python, sympy, derivs): median {statistics.median(startups):.2f} s CPU")
    for label, seconds in (("cold, first in its process", cold), ("after another write-up", later), ("warm, the same text again", warm)):
        print(f"{label:28} {sum(seconds):6.1f} s CPU for {steps} steps = {100 * sum(seconds) / steps:.2f} s per 100 steps")
    print("target (issue 21): under 1 s of CPU per 100 steps after start-up")


if __name__ == "__main__":
    main()
