"""Scoring `proof` on the corpus of real write-ups in tests/corpus/ (each labelled by hand, see its .json).

A labelled mistake is found when a step called invalid covers its line; an invalid step covering no
labelled line (mistake, carried error or ambiguous) is a false alarm; a step is judged when it is
valid or invalid, out of every step that is not a definition or a given value.

    python tests/corpus_score.py            # the table, per file and in all
    python tests/corpus_score.py -v tests/heldout/set_j   # a held-out set kept apart from the corpus, same labels
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
sys.path.insert(0, str(CORPUS.parents[1]))  # this checkout's derivs, whatever else is installed

from derivs.timelimit import STEP_TIMEOUT  # noqa: E402 (after the path: this checkout's)


@dataclass
class Score:
    file: str
    steps: int = 0
    valid: int = 0
    invalid: int = 0
    undecided: int = 0
    unreadable: int = 0
    statements: int = 0
    mistakes: int = 0
    found: int = 0
    false_alarms: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def judged(self) -> int:
        return self.valid + self.invalid

    @property
    def claims(self) -> int:
        return self.steps - self.statements


def labelled(folder: Path = CORPUS) -> list[tuple[Path, dict]]:
    """Every write-up of a folder (the corpus unless told) with its labels, in name order."""
    found = []
    for labels in sorted(folder.glob("*.json")):
        data = json.loads(labels.read_text(encoding="utf-8"))
        text = folder / data["file"]
        if text.is_file():
            found.append((text, data))
    return found


def _line_of(entry, document=None) -> int:
    """A label's line of the text: a bare number, or an entry with its reason; in a notebook an entry gives its
    cell too, and the line within that cell is found in the text made of the notebook's Markdown cells."""
    line = int(entry["line"] if isinstance(entry, dict) else entry)
    if document is None or document.notebook is None:
        return line
    place = (int(entry["cell"]), line)
    return document.notebook.places.index(place) + 1 if place in document.notebook.places else -1


def _lines(step, document) -> set[int]:
    """The lines a step's two sides are written on."""
    covered = {step.line}
    for side in (step.left, step.right):
        if side is not None and side.tokens:
            first, last = side.tokens[0].position, side.tokens[-1].position
            covered |= set(range(document.line_of(first), document.line_of(last) + 1))
    return covered


def score(path: Path, data: dict, timeout: float = STEP_TIMEOUT) -> Score:
    from derivs.derivation import check_derivation_now
    from derivs.writeup.document import form_of_path, read_document

    text = path.read_text(encoding="utf-8", errors="replace")  # as `derivs proof` reads a file (one note is GBK-encoded)
    form = form_of_path(path.name)
    report = check_derivation_now(text, timeout=timeout, form=form)
    document = read_document(text, form)
    result = Score(path.name, steps=len(report.steps), seconds=report.seconds)
    counts = report.counts
    result.valid, result.invalid, result.undecided = counts["valid"], counts["invalid"], counts["undecided"]
    result.unreadable, result.statements = counts["unreadable"], counts["statements"]
    mistakes = {_line_of(m, document) for m in data.get("mistakes", [])}
    excused = mistakes | {_line_of(entry, document) for entry in data.get("carried", []) + data.get("ambiguous", [])}
    flagged = [(step, _lines(step, document)) for step in report.steps if step.verdict == "invalid"]
    result.mistakes = len(mistakes)
    for line in sorted(mistakes):
        if any(line in lines for _, lines in flagged):
            result.found += 1
        else:
            result.missed.append(document.where(line))
    result.false_alarms = [step for step, lines in flagged if not lines & excused]
    return result


def table(scores: list[Score]) -> str:
    rows = ["| file | steps | valid | invalid (true / false) | undecided | unreadable | mistakes found |", "|---|---:|---:|---:|---:|---:|---:|"]
    for s in scores:
        rows.append(f"| {s.file} | {s.steps} | {s.valid} | {s.invalid - len(s.false_alarms)} / {len(s.false_alarms)} | {s.undecided} | {s.unreadable} | {s.found} of {s.mistakes} |")
    total = Score("all")
    for s in scores:
        for name in ("steps", "valid", "invalid", "undecided", "unreadable", "statements", "mistakes", "found"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        total.false_alarms += s.false_alarms
    rows.append(f"| **{len(scores)} files** | {total.steps} | {total.valid} | {total.invalid - len(total.false_alarms)} / {len(total.false_alarms)} | "
                f"{total.undecided} | {total.unreadable} | {total.found} of {total.mistakes} |")
    judged = total.judged / total.claims if total.claims else 1.0
    found = total.found / total.mistakes if total.mistakes else 1.0
    rows.append("")
    rows.append(f"mistakes found {total.found}/{total.mistakes} = {found:.0%}; false alarms {len(total.false_alarms)} in {len(scores)} files; "
                f"steps judged {total.judged}/{total.claims} = {judged:.0%} (of the steps that are not definitions or given values)")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(arg) for arg in argv if not arg.startswith("-")]
    scores = []
    for path, data in labelled(folders[0] if folders else CORPUS):
        result = score(path, data)
        scores.append(result)
        if verbose:
            for step in result.false_alarms:
                print(f"  false alarm {path.name}:{step.where}: {step.lhs} {step.relation} {step.rhs}  // {step.feedback[:160]}")
            for line in result.missed:
                print(f"  missed {path.name}:{line}")
    print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
