"""Jupyter notebooks handed in as write-ups: their Markdown cells are checked, steps are placed by cell and line."""

import json
import subprocess
import sys

import pytest

from derivs.derivation import check_derivation
from derivs.lexer import LatexError
from derivs.writeup.notebook import read_notebook


def notebook(*cells, nbformat=4) -> str:
    """A notebook as Jupyter writes it (nbformat 4: cells at the top, sources as lists of lines)."""
    made = []
    for kind, source in cells:
        cell = {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
        if kind == "code":
            cell.update(execution_count=1, outputs=[{"output_type": "stream", "name": "stdout", "text": ["0.25\n"]}])
        made.append(cell)
    return json.dumps({"cells": made, "metadata": {}, "nbformat": nbformat, "nbformat_minor": 5}, indent=1)


# sigma'(x) = sigma(x)(1 - sigma(x)) by the quotient rule; (1 + sigma) is wrong at every x (sigma > 0).
SIGMOID = notebook(
    ("markdown", "# Sigmoid\n\nLet $\\sigma(x) = \\frac{1}{1+e^{-x}}$."),
    ("code", "import numpy as np\n# here 1 + 1 = 3 is code, not mathematics\n"),
    ("markdown", "Its derivative:\n$$\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$$\nand so\n$$\\sigma'(0) = \\frac{1}{4}$$"),
    ("markdown", "A slip:\n\n$$\\sigma'(x) = \\sigma(x)(1+\\sigma(x))$$"),
)


def test_steps_are_judged_and_placed_by_cell_and_line():
    report = check_derivation(SIGMOID, form="notebook")
    placed = [(step.cell, step.cell_line, step.verdict) for step in report.steps]
    # cell 1 line 3 defines sigma; cell 3 lines 2 and 4 are right (sigma(0) = 1/2, so 1/2 * 1/2); cell 4 line 3 is wrong
    assert placed == [(1, 3, "definition"), (3, 2, "valid"), (3, 4, "valid"), (4, 3, "invalid")]
    assert report.first_errors[0].where == "cell 4, line 3"
    assert "cell 4, line 3" in report.explanation()


def test_a_notebook_is_told_from_its_text():
    told = check_derivation(SIGMOID)
    assert [step.verdict for step in told.steps] == ["definition", "valid", "valid", "invalid"]


def test_code_cells_and_outputs_are_not_read():
    text = read_notebook(SIGMOID).text
    assert "1 + 1 = 3" not in text and "0.25" not in text and "\\sigma'(0)" in text


def test_cells_do_not_run_into_each_other():
    # two one-line cells: each is a paragraph of its own, so the second's formula is not the first's
    joined = read_notebook(notebook(("markdown", "so $a = 2$"), ("markdown", "then $a^2 = 4$")))
    assert joined.text.split("\n") == ["so $a = 2$", "", "then $a^2 = 4$", ""]
    assert [joined.place(line) for line in (1, 3)] == [(1, 1), (2, 1)]


def test_nbformat_3_worksheets_and_heading_cells():
    old = json.dumps({"nbformat": 3, "worksheets": [{"cells": [
        {"cell_type": "heading", "level": 2, "source": "Tanh"},
        {"cell_type": "code", "input": "x = 1", "language": "python", "outputs": []},
        # tanh'(x) = 1 - tanh^2(x); 1 + tanh^2(x) equals it only at x = 0
        {"cell_type": "markdown", "source": "$$\\frac{d}{dx}\\tanh(x) = 1 + \\tanh^2(x)$$"},
    ]}]})
    assert read_notebook(old).text.startswith("## Tanh\n")
    report = check_derivation(old, form="notebook")
    assert [(step.cell, step.cell_line, step.verdict) for step in report.steps] == [(3, 1, "invalid")]


@pytest.mark.parametrize("raw, said", [
    ("not json at all", "not JSON"),
    ("[1, 2, 3]", "not an object with cells"),
    ('{"metadata": {}}', "has no cells"),
])
def test_what_is_not_a_notebook_is_said(raw, said):
    with pytest.raises(LatexError, match=said):
        check_derivation(raw, form="notebook")


def test_odd_cells_are_skipped_not_fatal():
    odd = json.dumps({"cells": [7, {"cell_type": "markdown", "source": 3}, {"cell_type": "markdown"},
                                {"cell_type": "markdown", "source": ["$$2 + 2 = 5$$", None]}], "nbformat": 4})
    report = check_derivation(odd, form="notebook")
    assert [(step.cell, step.verdict) for step in report.steps] == [(4, "invalid")]


def test_outputs_do_not_count_against_the_size_bound():
    # an embedded image makes a notebook far longer than a write-up may be; its Markdown is short
    big = json.loads(SIGMOID)
    big["cells"][1]["outputs"].append({"output_type": "display_data", "data": {"image/png": "A" * 400_000}, "metadata": {}})
    report = check_derivation(json.dumps(big), form="notebook")
    assert [step.verdict for step in report.steps][-1] == "invalid"


def test_the_cli_reads_an_ipynb_and_says_cells(tmp_path):
    path = tmp_path / "hw.ipynb"
    path.write_text(SIGMOID, encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "derivs", "proof", str(path)], capture_output=True, text=True)
    assert shown.returncode == 1  # a wrong step
    assert "first wrong line of a derivation: cell 4, line 3" in shown.stdout
    as_json = subprocess.run([sys.executable, "-m", "derivs", "proof", str(path), "--json"], capture_output=True, text=True)
    wrong = [step for step in json.loads(as_json.stdout)["steps"] if step["verdict"] == "invalid"]
    assert [(step["cell"], step["cell_line"]) for step in wrong] == [(4, 3)]


def test_a_latex_magic_cell_is_read_as_mathematics():
    # %%latex makes a code cell render its LaTeX: its formulas are the write-up's, placed from the cell's line 2. The
    # softmax's dy_1/dx_2 is -y_1 y_2 = -e^{x_1} e^{x_2} / S^2 (S the sum of the four exponentials); each factor kept
    # over S^2 gives S^4 below, which is wrong; a code cell without the magic stays unread. (With no formula for y the
    # first line names the derivative; the => restating its left side claims the right sides equal.)
    derivative = ("%%latex\n\\begin{gather*}\n"
                  "\\frac{\\partial y_1}{\\partial x_2} = \\frac{-e^{x_1}e^{x_2}}{(e^{x_1} + e^{x_2} + e^{x_3} + e^{x_4})^2}\n"
                  "\\Rightarrow \\frac{\\partial y_1}{\\partial x_2} = - (\\frac{e^{x_1}}{(e^{x_1} + e^{x_2} + e^{x_3} + e^{x_4})^2})"
                  "(\\frac{e^{x_2}}{(e^{x_1} + e^{x_2} + e^{x_3} + e^{x_4})^2})\n\\end{gather*}\n")
    report = check_derivation(notebook(("markdown", "# Softmax"), ("code", "x = 1 + 1 == 3\n"), ("code", derivative)), form="notebook")
    assert [(step.cell, step.cell_line, step.verdict) for step in report.steps] == [(3, 3, "definition"), (3, 3, "invalid")]
    right = derivative.replace("^2})(", "})(").replace("^2})\n", "})\n")
    assert [step.verdict for step in check_derivation(notebook(("code", right)), form="notebook").steps] == ["definition", "valid"]
