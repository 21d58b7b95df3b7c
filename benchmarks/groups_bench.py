"""Grouping a graded class by equivalence against grading it: CPU seconds of each, side by side.

    python benchmarks/groups_bench.py [--repeat N] [--parts 4] [--distinct 50] [--rows 1000]

The class: --parts targets of tests/data/answers.csv with at least --distinct distinct answers once each
answer is also written the other ways grade_bench.py writes it (\\left( \\right), 1\\cdot(...)); the first
--distinct of each, repeated (with their spacing varied, so the texts differ but are graded once) up to --rows
rows in all. Grading is `grade_rows` (what `grade --batch` runs); grouping is `answer_groups` on its
records (what `groups` and `report --html` run). Both with one worker process; each figure is the CPU of
the calling process and its workers together, in a fresh process, the least of --repeat runs.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from grade_bench import variants  # noqa: E402


def make_class(parts: int, distinct: int, rows: int) -> list[tuple[str, str]]:
    answers: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader((ROOT / "tests" / "data" / "answers.csv").open(encoding="utf-8")):
        for text in ([row["answer"]] if row["label"] == "invalid" else variants(row["answer"])):
            if text not in answers[row["target"]]:
                answers[row["target"]].append(text)
    targets = [t for t, found in answers.items() if len(found) >= distinct][:parts]
    if len(targets) < parts:
        raise SystemExit(f"only {len(targets)} targets have {distinct} distinct answers")
    pool = [(t, a) for t in targets for a in answers[t][:distinct]]
    spacing = ["{}", " {}", "{} ", "  {}", "{}  ", " {} "]
    return [(pool[n % len(pool)][0], spacing[(n // len(pool)) % len(spacing)].format(pool[n % len(pool)][1])) for n in range(rows)]


def cpu() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def one_run(parts: int, distinct: int, rows: int) -> dict:
    from derivs.batch import Row, grade_rows
    from derivs.groups import answer_groups
    from derivs.grading import resolve_target

    klass = make_class(parts, distinct, rows)
    for target in {t for t, _ in klass}:
        resolve_target(target)  # the problems loaded before either is timed (the workers are forked with them)
    batch = [Row(n, f"s{n:04d}", t, a) for n, (t, a) in enumerate(klass, start=1)]
    started = cpu()
    records, graded = grade_rows(batch, jobs=1)
    grading = cpu() - started
    started = cpu()
    groups = answer_groups(records, jobs=1)
    grouping = cpu() - started
    return {"rows": len(records), "parts": len(groups), "graded": graded, "groups": sum(len(p.groups) for p in groups),
            "grading": grading, "grouping": grouping}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--distinct", type=int, default=50)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes; keep each figure's least")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_run:
        print(json.dumps(one_run(args.parts, args.distinct, args.rows)))
        return
    runs = []
    for _ in range(args.repeat):
        done = subprocess.run([sys.executable, __file__, "--one-run", "--parts", str(args.parts), "--distinct", str(args.distinct),
                               "--rows", str(args.rows)], capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.splitlines()[-1]))
    first = runs[0]
    grading, grouping = min(r["grading"] for r in runs), min(r["grouping"] for r in runs)
    best = f"(least of {args.repeat} runs)" if args.repeat > 1 else ""
    print(f"class: {first['rows']} rows, {first['parts']} parts, {first['graded']} distinct answers; {first['groups']} answer groups")
    print(f"{'grading (grade_rows)':28} {grading:7.2f} s CPU  {best}")
    print(f"{'grouping (answer_groups)':28} {grouping:7.2f} s CPU  {best}")
    print(f"grouping costs {grouping / grading:.2f}x the grading")


if __name__ == "__main__":
    main()
