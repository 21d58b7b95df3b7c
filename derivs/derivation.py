"""Check a derivation, or a whole write-up, step by step and point at the first wrong line.

The work is done in stages by the `writeup` package (document, formulas, steps, notation, judging);
this module is the entry point: size bounds before any work, a worker with CPU and memory limits for
untrusted text, and which bundled problems a write-up's sections may be held to.
"""

from __future__ import annotations

import time

from .discovery import load_problems
from .lexer import LatexError
from .model import Problem
from .sandbox import Overrun, run_limited
from .timelimit import STEP_TIMEOUT
from .writeup import Report, Step, check_write_up, placed, read_document
from .writeup import is_write_up as _is_write_up
from .writeup.document import DocumentTooLong, looks_like_notebook
from .writeup.notebook import NotANotebook
from .writeup.steps import find_steps as _find_steps

DERIVATION_BUDGET = 60.0  # CPU seconds for a whole derivation, whatever its length
MAX_DERIVATION = 200_000  # characters
MAX_STEPS = 400

DerivationReport = Report

__all__ = ["DerivationReport", "MAX_DERIVATION", "MAX_STEPS", "STEP_TIMEOUT", "Step", "bounded_steps", "check_derivation",
           "check_derivation_now", "derivation_limit", "find_steps", "is_write_up", "write_up_problems"]


def _document(text, form: str | None = None):
    if not isinstance(text, str):
        raise LatexError("the derivation must be text")
    notebook = form == "notebook" or form is None and looks_like_notebook(text)
    if len(text) > MAX_DERIVATION and not notebook:  # a notebook's outputs do not count: its Markdown is bounded when read
        raise LatexError(f"the derivation is {len(text):,} characters long; at most {MAX_DERIVATION:,} are accepted")
    try:
        return read_document(text, form)
    except (DocumentTooLong, NotANotebook) as error:
        raise LatexError(str(error)) from None
    except RecursionError:  # markup nested past what a reader follows (a guard, not a path any text is known to take)
        raise LatexError("the text's structure is nested too deeply to read (brackets, lists or HTML inside one another)") from None


def find_steps(text: str, form: str | None = None) -> list[Step]:
    """Every step of every chain in the text, numbered from 1 in reading order (structure only)."""
    document = _document(text, form)
    return placed(_find_steps(document)[0], document)


def bounded_steps(text: str, form: str | None = None) -> list[Step]:
    """The steps of a derivation, after its size is checked (before any splitting). Raises LatexError."""
    steps = find_steps(text, form)
    if len(steps) > MAX_STEPS:
        raise LatexError(f"the derivation has {len(steps):,} steps; at most {MAX_STEPS} are checked")
    return steps


def derivation_limit(steps: int, timeout: float) -> float:
    """The CPU limit for a whole derivation: a step's timeout each, and never more than the total budget."""
    return min(timeout * (2 + 2 * steps), DERIVATION_BUDGET + 2 * timeout)


def is_write_up(text: str, form: str | None = None) -> bool:
    """Whether a text is a whole write-up (headings, prose with inline equations, tables), not a derivation alone."""
    return _is_write_up(_document(text, form))


def write_up_problems(directory=None) -> tuple[Problem, ...]:
    """The problems a write-up's section may be recognised as (those that declare Problem.write_up)."""
    return tuple(p for p in load_problems(directory).values() if isinstance(p, Problem) and p.write_up is not None)


def check_derivation_now(text: str, problem: Problem | None = None, timeout: float = STEP_TIMEOUT, problems_dir=None,
                         whole: bool = False, form: str | None = None) -> Report:
    """In this process, under CPU limits per step and for the whole. Use check_derivation for untrusted text."""
    document = _document(text, form)
    if problem is None or whole:  # a write-up in its own notation; its sections may be bundled problems (or the one named)
        candidates = write_up_problems(problems_dir) if problem is None else (problem,) if problem.write_up else ()
        return check_write_up(document, problem, timeout, candidates, whole=True)
    return check_write_up(document, problem, timeout, whole=False)


def check_derivation(text: str, problem: Problem | None = None, *, timeout: float = STEP_TIMEOUT, problems_dir=None,
                     whole: bool = False, form: str | None = None) -> Report:
    """Check every step of a derivation in a worker (memory cap, hard CPU limit for the whole). Raises LatexError.

    With no `problem`, the text is a write-up in its own notation; a section of it that states a bundled
    problem's givens (those in `problems_dir`, default the bundled ones) is held to that problem's rules and answers.
    With a problem, the text is read in that problem's notation; or, with `whole`, as a write-up in its own
    notation whose sections that state that problem's givens are held to its rules and answers.
    """
    steps = bounded_steps(text, form)  # in the caller, before any worker: a 5 MB file stops here
    limit = derivation_limit(len(steps), timeout)
    started = time.monotonic()
    outcome = run_limited(check_derivation_now, (text, problem, timeout, problems_dir, whole, form), limit)
    if isinstance(outcome, Overrun):
        for step in steps:
            step.verdict, step.feedback = "undecided", f"could not decide: {outcome.reason}"
        return Report(steps, time.monotonic() - started)
    return outcome
