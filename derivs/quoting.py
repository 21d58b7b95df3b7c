"""Student text in Markdown and HTML output, quoted so that nothing in it can change the formatting.

A student's answer is hostile input: three backticks in it would close a code fence and what follows
would render as Markdown (a bold "Score: 100/100"). Everything derived from it (feedback, which quotes
the answer, and how it was read) goes in a fence longer than any run of backticks the text holds
(CommonMark: a fence closes only on a run at least as long, so nothing inside can close it).
"""

from __future__ import annotations

import re


def fenced(text: str) -> str:
    """A Markdown code block holding `text` verbatim, its fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"



def gradescope_output(verdict: str, feedback: str, read_as: str = "") -> str:
    """A Gradescope test's Markdown: the verdict (ours) in bold, the feedback and the reading fenced."""
    lines = [f"**{verdict}**", "", fenced(feedback)]
    if read_as:
        lines += ["", "Your answer was read as:", "", fenced(read_as)]
    return "\n".join(lines)


def count(number: int, noun: str, plural: str = "") -> str:
    """1 part, 2 parts, 0 rows, 3 entries: a count with its noun in the right number."""
    return f"{number:,} " + (noun if number == 1 else plural or noun + "s")
