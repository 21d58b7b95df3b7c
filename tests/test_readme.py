"""Every command example in the README, run in a fresh folder in the order shown, prints what the README
shows ('...' for any text): the README cannot drift from the program again."""

from __future__ import annotations

import shutil

import pytest

from readme_examples import README, ROOT, examples, matches, run, workspace

TEXT = README.read_text(encoding="utf-8")


def test_the_readme_has_its_command_examples():
    found = examples(TEXT)
    assert len(found) >= 25 and any("grade --batch" in e.command for e in found) and any("compare" in e.command for e in found)


def test_the_matcher_can_fail():
    assert matches("a\n...\nz", "a\nb\nc\nz") and matches("x = ... s", "x = 1.5 s")
    assert not matches("read as: x", "read as: y") and not matches("a\nb", "a\nb\nc")


def test_the_getting_started_commands_are_what_ci_runs():
    """The two quick-start commands are not run here (they install): CI runs the test command verbatim."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install . && python -m derivs check all" in TEXT
    assert "pip install '.[test]' && python -m pytest" in TEXT and "pip install '.[test]' && python -m pytest" in ci


@pytest.mark.slow
def test_every_readme_command_prints_what_the_readme_shows():
    folder = workspace()
    try:
        differ = []
        for example in examples(TEXT):
            actual = run(example, folder)
            if not matches(example.expected, actual):
                differ.append(f"README line {example.line}: $ {example.command}\n--- shown:\n{example.expected}\n--- printed:\n{actual}")
        assert not differ, "\n\n".join(differ)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
