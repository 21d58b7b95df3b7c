"""The peers, run in their own environment: the naive approach and math-verify on the same answers.

    PEER_PYTHON benchmarks/peers.py [--only naive] < pairs.jsonl > verdicts.jsonl

Reads {"answer": ..., "reference": ...} lines; writes one line per pair with each peer's verdict
(correct, incorrect, invalid, timed out) and the CPU seconds it took. The naive approach is what a
user writes by hand: latex2sympy2_extended on both sides, then simplify(answer - reference) == 0.
math-verify is HuggingFace's verify(parse(gold), parse(answer)). This file imports neither derivs
nor anything of it: it runs where latex2sympy2_extended and math-verify are installed.
"""

from __future__ import annotations

import json
import signal
import sys
import time

import sympy
from latex2sympy2_extended import latex2sympy

LIMIT = 10.0  # CPU seconds per answer and peer, so the benchmark ends


class Alarm(BaseException):
    pass


def _ring(signum, frame):
    raise Alarm


def limited(function):
    signal.signal(signal.SIGPROF, _ring)
    signal.setitimer(signal.ITIMER_PROF, LIMIT)
    started = time.process_time()
    try:
        verdict = function()
    except Alarm:
        verdict = "timed out"
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return verdict, time.process_time() - started


def naive(answer: str, reference: str) -> str:
    try:
        parsed = latex2sympy(answer)
    except Alarm:
        raise
    except Exception:
        return "invalid"
    try:
        return "correct" if sympy.simplify(parsed - latex2sympy(reference)) == 0 else "incorrect"
    except Alarm:
        raise
    except Exception:
        return "incorrect"


def math_verify(answer: str, reference: str) -> str:
    from math_verify import parse, verify  # here, so the naive approach's own process needs only latex2sympy2_extended

    gold = parse(f"${reference}$")
    given = parse(f"${answer}$")
    if not given:
        return "invalid"
    return "correct" if verify(gold, given) else "incorrect"


def main() -> None:
    only_naive = sys.argv[1:] == ["--only", "naive"]  # benchmarks/process_bench.py: the naive approach's whole process
    for line in sys.stdin:
        pair = json.loads(line)
        naive_verdict, naive_cpu = limited(lambda: naive(pair["answer"], pair["reference"]))
        if only_naive:
            print(json.dumps({"naive": naive_verdict, "naive_cpu": naive_cpu}), flush=True)
            continue
        verify_verdict, verify_cpu = limited(lambda: math_verify(pair["answer"], pair["reference"]))
        print(json.dumps({"naive": naive_verdict, "naive_cpu": naive_cpu, "math_verify": verify_verdict, "math_verify_cpu": verify_cpu}), flush=True)


if __name__ == "__main__":
    main()
