"""`proof` on the corpus of public write-ups (tests/corpus), scored against the labels made by hand.

The labels (each mistake with its evidence, lines carrying an earlier error, ambiguous lines) are the
expected values; the floors below are what the checker achieved when they were set (26 found, 1 false
alarm, 33% judged), less a small margin, so a change that finds fewer mistakes, raises false alarms or judges
fewer steps fails here. Raise them as it improves.
`python tests/corpus_score.py -v` prints the table and every false alarm and missed mistake.
"""

from __future__ import annotations

import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from corpus_score import CORPUS, Score, labelled, score

FOUND_AT_LEAST = 140  # of the labelled mistakes, found (an invalid step covers the line; 142 of 326 now at this step limit)
FALSE_ALARMS_AT_MOST = 3  # invalid steps covering no labelled line (the goal: at most one per 15 files, 8 for 125; 3 now)
JUDGED_AT_LEAST = 0.55  # of the steps that are not definitions or given values, valid or invalid (1999 of 3529 now, 57%)
ENGINE = Path(__file__).resolve().parents[1] / "derivs"


STEP_LIMIT = 1.0  # CPU seconds per step: half proof's default, which changes one judged step of 1,367 and halves the slowest files


def _score(item: tuple) -> Score:
    return score(*item, timeout=STEP_LIMIT)


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    """Every write-up scored, two at a time (each is independent; the verdicts budget CPU time, not wall time)."""
    found = labelled()
    if len(found) < 40:
        pytest.fail(f"the corpus has {len(found)} labelled write-ups; it needs at least 40")
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_score, found))


def test_the_corpus_is_labelled_with_evidence():
    for path, data in labelled():
        assert data.get("source") and data.get("licence"), f"{path.name}: where it came from and its licence"
        lines = path.read_text(encoding="utf-8").splitlines()
        for mistake in data.get("mistakes", []):
            assert mistake.get("evidence") and mistake.get("what"), f"{path.name}:{mistake['line']}: a mistake without evidence"
            assert 1 <= int(mistake["line"]) <= len(lines), f"{path.name}: line {mistake['line']} is not in the file"


@pytest.mark.slow
def test_mistakes_found_false_alarms_and_steps_judged_do_not_get_worse(scores):
    found = sum(s.found for s in scores)
    alarms = [f"{s.file}:{step.line}: {step.lhs} {step.relation} {step.rhs}" for s in scores for step in s.false_alarms]
    judged, claims = sum(s.judged for s in scores), sum(s.claims for s in scores)
    assert found >= FOUND_AT_LEAST, f"{found} mistakes found, fewer than {FOUND_AT_LEAST}"
    assert len(alarms) <= FALSE_ALARMS_AT_MOST, "false alarms:\n" + "\n".join(alarms)
    assert judged / claims >= JUDGED_AT_LEAST, f"{judged} of {claims} steps judged"


def test_no_code_names_a_corpus_file():
    """A rule that fixes one file and no other is a defect: the engine never mentions a corpus write-up."""
    names = {path.stem for path, _ in labelled()} | {re.sub(r"^(?:hw|num|blog|notes)_", "", p.stem) for p, _ in labelled()}
    for source in ENGINE.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        named = sorted(n for n in names if len(n) > 6 and n in text)
        assert not named, f"{source.name} names corpus files: {named}"
    assert CORPUS.is_dir()
