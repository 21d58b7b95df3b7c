"""A version of a problem for each student: its numbers drawn from a seed, the seed from a course salt and an id.

A variant is a pure function of (problem, seed): every number is drawn from SHA-256 of the problem's id, the
seed, the attempt and the parameter's name, so it is the same on every machine and every Python (no `random`
stream, no dict order). A draw that breaks a constraint is drawn again (attempt 1, 2, ...), so every seed gives a
variant that may be handed out; seed 0 is the homework's own numbers. A student's seed is SHA-256 of the course
salt and the student id: an instructor who keeps the salt can make any student's variant again.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Mapping

from .model import Problem

MAX_ATTEMPTS = 1000  # draws per seed before the constraints are called unsatisfiable
SEED_LIMIT = 10**9  # a student's seed is below this: short enough to print on a sheet and say over the phone


class VariantError(ValueError):
    """A seed that is not a seed, a problem with no parameters, or constraints no draw meets."""


def _unit(*parts) -> int:
    """A 64-bit number fixed by its parts (text joined by NUL, so ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256("\0".join(str(part) for part in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def student_seed(salt: str, student: str) -> int:
    """The seed of a student's variant: from the course salt and their id (case and outer spaces ignored), never 0."""
    if not str(salt):
        raise VariantError("a course salt is needed to give each student a variant (salt = \"...\" in the assignment)")
    return 1 + _unit("student", salt, str(student).strip().lower()) % (SEED_LIMIT - 1)


def parse_seed(text) -> int:
    """A seed as given on a command line or in a file: a whole number from 0."""
    try:
        seed = int(str(text).strip())
    except ValueError:
        raise VariantError(f"a seed is a whole number from 0, not {str(text)[:40]!r}") from None
    if seed < 0:
        raise VariantError(f"a seed is a whole number from 0, not {seed}")
    return seed


def values_for(problem: Problem, seed: int) -> dict:
    """The parameter values of a variable problem's variant `seed` (0: the homework's own)."""
    variants = problem.variants
    if variants is None:
        raise VariantError(f"problem {problem.id!r} has no parameters: every student gets the same numbers")
    if seed == 0:
        return dict(variants.original)
    for attempt in range(MAX_ATTEMPTS):
        values = {p.name: p.pick(_unit("variant", problem.id, seed, attempt, p.name)) for p in variants.parameters}
        if not variants.broken(values):
            return values
    raise VariantError(f"problem {problem.id!r}: no values meeting its constraints were drawn in {MAX_ATTEMPTS} tries for seed {seed}")


def variant(problem: Problem | str, seed, problems_dir: str | Path | None = None) -> Problem:
    """The problem with the numbers of variant `seed`: the problem itself when it has no parameters or is that variant
    already (a bundled problem is variant 0); any other variant, of a bundled problem or of another variant, built."""
    if isinstance(problem, str):
        from .discovery import get_problem

        problem = get_problem(problem, problems_dir)
    seed = parse_seed(seed)
    if problem.variants is None or seed == problem.seed:
        return problem
    return _built(problem, seed)


def _built(problem: Problem, seed: int) -> Problem:
    return _cached(_Holder(problem), seed)


@functools.lru_cache(maxsize=512)
def _cached(holder: tuple, seed: int) -> Problem:
    problem = holder[0]
    return problem.variants.problem(values_for(problem, seed), seed)


class _Holder(tuple):
    """The problem carried into the cache by identity (a Problem holds dicts, so it cannot be hashed itself)."""

    def __new__(cls, problem):
        return super().__new__(cls, (problem,))

    def __hash__(self):
        return id(self[0])

    def __eq__(self, other):
        return isinstance(other, _Holder) and other[0] is self[0]


def described(values: Mapping[str, object]) -> str:
    """The values of a variant as one line, in declaration order: 'x0 = -1.5, eta = 0.2'."""
    return ", ".join(f"{name} = {value}" for name, value in values.items())


__all__ = ["VariantError", "described", "parse_seed", "student_seed", "values_for", "variant"]
