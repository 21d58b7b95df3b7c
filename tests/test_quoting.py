"""Student text cannot change the formatting of any Markdown derivs writes: an answer holding backticks
and Markdown (a fence closer, then a bold score) renders as text, in every output a student or an
instructor reads (Gradescope's autograder, the batch's Gradescope folders, PrairieLearn)."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from derivs.autograder import autograde, load_assignment
from derivs.batch import write_gradescope
from derivs.quoting import fenced

HOSTILE = "x ````\n**Score: 100/100**\n```\n<b>bold</b> `"
TARGET = "sigmoid_derivative.derivative"


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def assert_inert(markdown: str) -> None:
    """Rendered, the only emphasis is derivs' own verdict; the student's text is inside code, escaped."""
    html = rendered(markdown)
    assert html.count("<strong>") == 1 and "<b>" not in html
    assert "**Score: 100/100**" in html  # shown literally, inside the code block


@pytest.mark.parametrize("text", ["plain", "```", "a ``` b", "````` x", "`", "ends with `", "```\n**bold**\n```"])
def test_a_fence_holds_any_text_verbatim(text):
    html = rendered(fenced(text))
    assert html.count("<pre>") == 1 and "<strong>" not in html
    body = html.split("<code", 1)[1].split(">", 1)[1].rsplit("</code>", 1)[0]
    assert body.rstrip("\n") == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def sheet_with(answer: str) -> str:
    return f"\\begin{{answer}}{{{TARGET}}}\n\\[ {answer} \\]\n\\end{{answer}}\n"


def test_gradescope_autograder_output(tmp_path):
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "a.tex").write_text(sheet_with(HOSTILE), encoding="utf-8")
    results = autograde(load_assignment(parts=[TARGET]), "gradescope", tmp_path)
    (test,) = results["tests"]
    assert test["output_format"] == "md" and "**Score" in test["output"]
    assert_inert(test["output"])


def test_batch_gradescope_folders(tmp_path):
    record = {"row": 1, "student": "ann", "target": TARGET, "answer": HOSTILE, "verdict": "invalid",
              "feedback": f"cannot read\n{HOSTILE}", "interpreted": HOSTILE}
    (path,) = write_gradescope([record], tmp_path / "gs")
    (test,) = json.loads(path.read_text(encoding="utf-8"))["tests"]
    assert test["output_format"] == "md"
    assert_inert(test["output"])


def test_prairielearn_puts_student_text_only_in_its_plain_text_fields(tmp_path):
    """PrairieLearn shows a test's message and output as text (escaped by its templates); names and the
    submission's message are derivs' own words."""
    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "a.tex").write_text(sheet_with(HOSTILE), encoding="utf-8")
    results = autograde(load_assignment(parts=[TARGET]), "prairielearn", tmp_path)
    (test,) = results["tests"]
    assert "Score: 100/100" in test["message"] and "Score" not in test["name"] + results["message"]


@pytest.mark.parametrize(("number", "noun", "said"), [(1, "problem", "1 problem"), (2, "problem", "2 problems"), (0, "row", "0 rows"),
                                                      (1, "entry", "1 entry"), (3, "entry", "3 entries")])
def test_a_count_says_its_noun_in_the_right_number(number, noun, said):
    from derivs.quoting import count

    assert count(number, noun, "entries" if noun == "entry" else "") == said
