"""Jupyter notebooks: their Markdown cells as one Markdown text, and where each of its lines sits in the notebook.

Students hand in derivations as notebooks as often as as Markdown or LaTeX. A notebook is JSON (nbformat 4, or
3 with its worksheets and heading cells); the standard library reads it, and nbformat would add a dependency
only to validate what is skipped here anyway. Code, raw and output cells are not mathematics to check: only
Markdown (and nbformat 3's heading) cells are kept, with the code cells that only render LaTeX (`%%latex` on their
first line, as Jupyter's cell magic: what follows it is shown typeset), each ending a paragraph, so that no formula or paragraph runs
from one cell into the next. A line of the text is shown to the user as "cell C, line L": C counts every cell
of the notebook from 1 (code cells too, as Jupyter's and VS Code's cell numbers do), L the line within the cell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

MAX_NOTEBOOK = 20_000_000  # characters of a notebook file (outputs and images included); checked before JSON is read


class NotANotebook(ValueError):
    pass


@dataclass(frozen=True)
class Notebook:
    text: str  # the Markdown cells, one after another, each followed by a blank line
    places: tuple[tuple[int, int], ...]  # for each line of `text` (from line 1), its (cell, line in the cell)

    def place(self, line: int) -> tuple[int, int]:
        """The (cell, line in the cell) of a 1-based line of the text."""
        if not self.places:
            return (0, line)
        return self.places[min(max(line, 1), len(self.places)) - 1]


def shown_place(line: int, cell: int = 0) -> str:
    """A place as the reader is told it: "line 12", or in a notebook "cell 3, line 2" (cell 0: not a notebook's)."""
    return f"cell {cell}, line {line}" if cell else f"line {line}"


def read_notebook(raw: str) -> Notebook:
    """The Markdown of a notebook's text cells. Raises NotANotebook with the reason for what is not one."""
    if len(raw) > MAX_NOTEBOOK:
        raise NotANotebook(f"the notebook is {len(raw):,} characters long; at most {MAX_NOTEBOOK:,} are accepted")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise NotANotebook(f"not a Jupyter notebook: the file is not JSON ({_short(error)})") from None
    lines, places = [], []
    for number, cell in enumerate(_cells(data), start=1):
        first, text = _text_of(cell)
        for at, line in enumerate(text, start=first):
            lines.append(line)
            places.append((number, at))
        if lines and lines[-1] != "":
            lines.append("")
            places.append((number, places[-1][1] + 1))
    return Notebook("\n".join(lines), tuple(places))


def _cells(data) -> list:
    """Every cell in order: nbformat 4 keeps them at the top, nbformat 3 in worksheets."""
    if not isinstance(data, dict):
        raise NotANotebook("not a Jupyter notebook: the JSON is not an object with cells")
    if isinstance(data.get("cells"), list):
        return data["cells"]
    sheets = data.get("worksheets")
    if isinstance(sheets, list) and all(isinstance(sheet, dict) for sheet in sheets):
        return [cell for sheet in sheets if isinstance(sheet.get("cells"), list) for cell in sheet["cells"]]
    raise NotANotebook("not a Jupyter notebook: the JSON has no cells")


def _text_of(cell) -> tuple[int, list[str]]:
    """A text cell's lines (a heading cell's as a Markdown heading; a %%latex cell's after its magic line), with the
    number of the cell's line the first of them is; none for code, raw and unknown cells."""
    if not isinstance(cell, dict) or cell.get("cell_type") not in ("markdown", "heading", "code"):
        return 1, []
    source = cell.get("source", "") if cell["cell_type"] != "code" else cell.get("source", cell.get("input", ""))
    if isinstance(source, list):
        source = "".join(part for part in source if isinstance(part, str))
    if not isinstance(source, str):
        return 1, []
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if cell["cell_type"] == "code":
        return (2, lines[1:]) if lines[0].strip() == "%%latex" else (1, [])
    if cell["cell_type"] == "heading":
        level = cell.get("level", 1)
        level = level if isinstance(level, int) and 1 <= level <= 6 else 1
        lines[0] = "#" * level + " " + lines[0]
    return 1, lines


def _short(error: Exception) -> str:
    return str(error).split(":")[0] if str(error) else type(error).__name__
