"""The README's command examples, read and run as a person would: each `console` block holds commands
("$ " lines, heredocs included) followed by what they print; "..." in the printed text stands for any text
(as doctest's ELLIPSIS). `python tests/readme_examples.py` prints what each command prints now."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


@dataclass(frozen=True)
class Example:
    line: int  # where the command starts in the README
    command: str
    expected: str


def examples(text: str) -> list[Example]:
    """Every command of every ```console block, with the text shown after it."""
    found: list[Example] = []
    lines = text.splitlines()
    inside, n = False, 0
    while n < len(lines):
        line = lines[n]
        if line.startswith("```"):
            inside = line.strip() == "```console" and not inside
            n += 1
            continue
        if inside and line.startswith("$ "):
            start, command = n + 1, [line[2:]]
            heredoc = re.search(r"<<'?(\w+)'?", line)
            while heredoc or command[-1].endswith("\\"):
                n += 1
                command.append(lines[n])
                if heredoc and lines[n] == heredoc.group(1):
                    break
            output = []
            while n + 1 < len(lines) and not lines[n + 1].startswith(("$ ", "```")):
                n += 1
                output.append(lines[n])
            found.append(Example(start, "\n".join(command), "\n".join(output)))
        n += 1
    return found


def matches(expected: str, actual: str) -> bool:
    """The output as shown, trailing spaces aside; '...' stands for any text, across lines too."""
    def tidy(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())

    pattern = ".*?".join(re.escape(piece) for piece in tidy(expected).split("..."))
    return re.fullmatch(pattern, tidy(actual), re.DOTALL) is not None


def workspace() -> Path:
    """A fresh folder to run the examples in, with the repository's tests/ (its data files) beside them."""
    folder = Path(tempfile.mkdtemp(prefix="derivs-readme-"))
    (folder / "tests").symlink_to(ROOT / "tests")
    (folder / "bin").mkdir()
    (folder / "bin" / "python").symlink_to(sys.executable)
    return folder


def environment(folder: Path) -> dict[str, str]:
    """This checkout's derivs, run as `python` (whatever the interpreter is called here), at a fixed width, with
    check's memory kept between the commands as on a user's machine: the test run's own (see conftest), else a
    folder of the workspace, empty at first."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "PATH": f"{folder / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "200",
            "DERIVS_CACHE": os.environ.get("DERIVS_CACHE") or str(folder / "cache")}


def run(example: Example, folder: Path) -> str:
    done = subprocess.run(["bash", "-c", example.command], cwd=folder, env=environment(folder), capture_output=True, text=True, timeout=900)
    return done.stdout + done.stderr


if __name__ == "__main__":
    folder = workspace()
    for example in examples(README.read_text(encoding="utf-8")):
        actual = run(example, folder)
        print(f"--- README line {example.line}: {'ok' if matches(example.expected, actual) else 'DIFFERS'}\n$ {example.command}\n{actual}")
