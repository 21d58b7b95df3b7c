"""Whole write-ups, in stages a reader can follow in order:

document (Markdown or LaTeX -> pieces, by real parsers) -> formulas (each formula's tokens -> lines,
statements, sides) -> steps (chains in reading order) -> notation (each section's names, kinds,
shapes and conventions, learned from all of it) -> judging (each side read once in its section's
notation; statements recorded, claims decided).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Problem
from ..timelimit import cpu_seconds
from .document import Document, Heading, Part, Table, read_document
from .judging import DOCUMENT, Judge
from .steps import Step, find_steps

__all__ = ["DOCUMENT", "Report", "Step", "check_write_up", "is_write_up", "placed", "read_document", "steps_of"]


@dataclass
class Report:
    steps: list[Step] = field(default_factory=list)
    seconds: float = 0.0
    notation: list[str] = field(default_factory=list)  # per section, what its names are (proof --notation)

    @property
    def first_error(self) -> int | None:
        return next((s.index for s in self.steps if s.verdict == "invalid"), None)

    @property
    def counts(self) -> dict[str, int]:
        """Steps by verdict: valid, invalid, undecided, unreadable (unparsed), and statements (definitions)."""
        counts = {"valid": 0, "invalid": 0, "undecided": 0, "unreadable": 0, "statements": 0}
        for step in self.steps:
            counts[{"unparsed": "unreadable", "definition": "statements"}.get(step.verdict, step.verdict)] += 1
        return counts

    @property
    def first_errors(self) -> list[Step]:
        """The first wrong step of each derivation (block of mathematics), in reading order."""
        seen, first = set(), []
        for step in self.steps:
            if step.verdict == "invalid" and step.block not in seen:
                seen.add(step.block)
                first.append(step)
        return first

    def to_dict(self) -> dict:
        return {"steps": [s.to_dict() for s in self.steps], "first_error": self.first_error, "counts": self.counts,
                "first_errors": [s.index for s in self.first_errors], "seconds": round(self.seconds, 3), "notation": self.notation}

    def explanation(self) -> str:
        if not self.steps:
            return "no step to check"
        wrong = next((s for s in self.steps if s.verdict == "invalid"), None)
        if wrong is None:
            unclear = [s.index for s in self.steps if s.verdict in ("undecided", "unparsed")]
            if unclear:
                return f"no step was found wrong; steps {', '.join(map(str, unclear))} could not be checked"
            return "every step is valid"
        text = f"step {wrong.index} ({wrong.where}) is wrong: {wrong.lhs} is not equal to {wrong.rhs}"
        return text + (f"; {wrong.feedback}" if wrong.feedback else "")


def steps_of(text: str, form: str | None = None) -> list[Step]:
    """The steps of a text (structure only)."""
    return find_steps(read_document(text, form))[0]


def is_write_up(document: Document) -> bool:
    """A whole write-up (headings, tables, prose with inline equations), not a derivation alone."""
    if any(isinstance(piece, (Heading, Part, Table)) for piece in document.pieces):
        return True
    steps, _ = find_steps(document)
    return any(step.block_kind != "display" for step in steps)


def check_write_up(document: Document, problem: Problem | None, timeout: float, candidates: tuple = (), whole: bool = True) -> Report:
    """Judge every step of a document: in its own notation (`whole`, or no problem: a write-up; its sections may be
    `candidates`), or in a problem's notation (a derivation alone)."""
    started = cpu_seconds()
    steps, sections = find_steps(document)
    own = problem is None or whole
    judge = Judge(document, sections, DOCUMENT if own else problem, timeout, candidates, own_notation=own)
    judged = judge.run(steps)
    if not own:
        judged = judge.mark_lines_that_match_their_start(judged)
    notation = [f"section {index} ({judge.sections[index].title or 'before the first heading'}): {line}"
                for index, notation in sorted(judge.notations.items()) for line in notation.lines(document.where)]
    return Report(placed(judged, document), cpu_seconds() - started, notation)


def placed(steps: list[Step], document: Document) -> list[Step]:
    """Steps with the places a reader finds them at: in a notebook, the cell and the line within it besides the
    line of the text made of its Markdown cells (which judging and a proof page work on); elsewhere as they are."""
    if document.notebook is None:
        return steps
    return [replace(step, cell=cell, cell_line=line) for step in steps for cell, line in [document.notebook.place(step.line)]]
