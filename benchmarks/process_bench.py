"""Whole processes, as a user runs them: CPU seconds of each command and all the processes it starts.

    python benchmarks/process_bench.py [--peer-python PEER/bin/python] [--runs N] [--root CHECKOUT] [--limit N]

Each command runs in a fresh process, N times; each keeps its least CPU (a shared machine slows single runs
by a third: the same rule for every command). CPU is the user + system time of the process and every process
it waited for (its grading workers), read with getrusage(RUSAGE_CHILDREN) around it. Before the first run
the package is compiled to bytecode, as `pip install` does (this machine sets PYTHONDONTWRITEBYTECODE).

Printed, side by side:
  - a plain 10^7-iteration Python loop, and `python -c "import sympy"` (the floor every command pays);
  - `derivs grade` of one answer, and `derivs check all`, each also as a multiple of the loop;
  - `derivs grade --batch` over the class of distinct answers (benchmarks/grade_bench.py's), as distinct answers
    per CPU-second of the whole process; and, with --peer-python, the naive approach (latex2sympy2_extended on
    both sides, then simplify(answer - reference) == 0) over the same answers in one process of its own, so
    the ratio is whole process against whole process.
--root runs another checkout's derivs (the figures before a change: --root /path/to/main).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from grade_bench import make_class  # noqa: E402

LOOP = "for _ in range(10**7): pass"
ONE_ANSWER = ("sigmoid_derivative.derivative", r"a\varphi(x)(1-\varphi(x))")


def cpu_of(command: list[str], env: dict, stdin: str | None = None) -> tuple[float, str]:
    """CPU seconds of a command and the processes it waited for; its standard output. Run in the measured
    checkout (python -m puts the working folder first on the path)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, env=env, input=stdin, capture_output=True, text=True, cwd=env.get("PYTHONPATH") or None)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command[:4])} ... exited {done.returncode}: {done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def best(command: list[str], env: dict, runs: int, stdin: str | None = None) -> tuple[float, str]:
    results = [cpu_of(command, env, stdin) for _ in range(runs)]
    return min(results, key=lambda result: result[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-python", default=os.environ.get("DERIVS_PEER_PYTHON"), help="python of an environment with latex2sympy2_extended")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per command; the least CPU is kept")
    parser.add_argument("--root", default=str(HERE.parent), help="the checkout whose derivs is measured")
    parser.add_argument("--limit", type=int, help="only the first N answers of the class")
    args = parser.parse_args()

    root = Path(args.root).resolve()
    for folder in ("derivs", "problems"):
        compileall.compile_dir(str(root / folder), quiet=1)
    env = {**os.environ, "PYTHONPATH": str(root)}
    python = sys.executable
    derivs = [python, "-m", "derivs"]

    loop, _ = best([python, "-c", LOOP], env, args.runs)
    floor, _ = best([python, "-c", "import sympy"], env, args.runs)
    print(f"derivs at {root}")
    print(f"{'plain 10^7-iteration loop':34} {loop:6.2f} s CPU")
    print(f"{'python -c import sympy':34} {floor:6.2f} s CPU  ({floor / loop:.1f}x the loop)")
    grade_once, _ = best([*derivs, "grade", *ONE_ANSWER], env, args.runs)
    print(f"{'derivs grade (one answer)':34} {grade_once:6.2f} s CPU  ({grade_once / loop:.1f}x the loop)")
    with tempfile.TemporaryDirectory() as cache:  # nothing remembered before the first run; the others may recall it
        remembering = {**env, "DERIVS_CACHE": cache}
        cold, _ = cpu_of([*derivs, "check", "all"], remembering)
        warm, _ = best([*derivs, "check", "all"], remembering, args.runs)
    print(f"{'derivs check all, first run':34} {cold:6.2f} s CPU  ({cold / loop:.1f}x the loop)")
    print(f"{'derivs check all, again':34} {warm:6.2f} s CPU  ({warm / loop:.1f}x the loop; a checkout without check's memory checks again)")

    rows = make_class(args.limit)
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "class.csv"
        with batch.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["student", "target", "answer"])
            writer.writerows((f"s{n}", target, answer) for n, (target, answer, _) in enumerate(rows))
        out = Path(folder) / "results.jsonl"
        whole, _ = best([*derivs, "grade", "--batch", str(batch), "--out", str(out)], env, args.runs)
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    deciding = sum(record["seconds"] for record in records)
    print(f"{'derivs grade --batch (whole)':34} {whole:6.2f} s CPU  {len(rows) / whole:7.1f} distinct answers per CPU-second "
          f"({len(rows)} answers; {deciding:.2f} s of it deciding, {whole - deciding:.2f} s around the decisions)")
    if not args.peer_python:
        print("naive: skipped (give --peer-python, an environment with latex2sympy2_extended)")
        return
    references = _references(rows, env)
    pairs = "".join(json.dumps({"answer": answer, "reference": references[target]}) + "\n" for target, answer, _ in rows)
    peer_env = {**os.environ, "PYTHONPATH": ""}
    naive, verdicts = best([args.peer_python, str(HERE / "peers.py"), "--only", "naive"], peer_env, 1, stdin=pairs)
    if len(verdicts.splitlines()) != len(rows):  # a peer that failed to start is no figure
        raise RuntimeError(f"the naive approach answered {len(verdicts.splitlines())} of {len(rows)} rows; is latex2sympy2_extended installed there?")
    print(f"{'naive (whole process)':34} {naive:6.2f} s CPU  {len(rows) / naive:7.1f} distinct answers per CPU-second")
    print(f"derivs per CPU-second, whole process against whole process: {naive / whole:.1f}x the naive approach")


def _references(rows, env: dict) -> dict:
    """Each target's reference as LaTeX, printed by the measured checkout's derivs (in a process of its own)."""
    targets = sorted({target for target, _, _ in rows})
    script = ("import json, sys\nfrom derivs.grading import resolve_target\nfrom derivs.latex import to_latex\n"
              "out = {}\nfor t in json.loads(sys.stdin.read()):\n    p, part = resolve_target(t)\n"
              "    out[t] = to_latex(p.expand_definitions(part.answer))\nprint(json.dumps(out))\n")
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(targets), env=env, capture_output=True, text=True, check=True, cwd=env["PYTHONPATH"])
    return json.loads(done.stdout)


if __name__ == "__main__":
    main()
