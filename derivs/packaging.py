"""derivs as a grading container installs it: with no network, from wheels carried beside the grader.

`wheelhouse` writes a wheel of derivs (the engine and the problems it grades, built here: no build backend
is needed) and one of each library it needs, on every Python it claims (3.10 to 3.13: libraries needed
only on 3.10, such as tomli, are carried too), and the wheel of pip itself, so a Python with no pip and
no network can install them: `python -m venv --without-pip V; V/bin/python wheels/pip-*.whl/pip install
--no-index --find-links wheels derivs`. The Gradescope zip and the PrairieLearn folder are built on it.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

LOWEST_PYTHON = "3.10"  # pyproject's requires-python; dependency wheels are chosen to install there


class PackagingError(RuntimeError):
    """The wheels cannot be gathered (no network and no --wheels folder, a folder missing a wheel)."""


def project_metadata() -> tuple[str, list[str]]:
    """derivs' version and its dependencies as pyproject.toml declares them (in a source tree), else as
    the installed package's metadata does: one list, never a second copy to drift."""
    source = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if source.is_file():
        from .autograder import toml

        project = toml.loads(source.read_text(encoding="utf-8"))["project"]
        return project["version"], list(project["dependencies"])
    from importlib.metadata import metadata, requires

    return metadata("derivs")["Version"], [r for r in requires("derivs") or [] if "extra ==" not in r]


def build_wheel(dest: Path, problems_dir: Path) -> Path:
    """derivs-VERSION-py3-none-any.whl with the package and `problems_dir` as derivs.problems."""
    from .discovery import default_problem_dir

    version, dependencies = project_metadata()
    package = Path(__file__).resolve().parent
    files: dict[str, bytes] = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if "__pycache__" not in relative.parts and relative.parts[0] != "problems":
            files[f"derivs/{relative.as_posix()}"] = path.read_bytes()
    for path in sorted(Path(problems_dir or default_problem_dir()).glob("*.py")):
        files[f"derivs/problems/{path.name}"] = path.read_bytes()
    files.setdefault("derivs/problems/__init__.py", b"")
    info = f"derivs-{version}.dist-info"
    metadata = ["Metadata-Version: 2.1", "Name: derivs", f"Version: {version}", f"Requires-Python: >={LOWEST_PYTHON}"]
    metadata += [f"Requires-Dist: {requirement}" for requirement in dependencies]
    files[f"{info}/METADATA"] = ("\n".join(metadata) + "\n").encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: derivs\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    files[f"{info}/entry_points.txt"] = b"[console_scripts]\nderivs = derivs.cli:console_main\n"
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        writer.writerow([name, f"sha256={digest}", len(data)])
    writer.writerow([f"{info}/RECORD", "", ""])
    files[f"{info}/RECORD"] = record.getvalue().encode()
    wheel = dest / f"derivs-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return wheel


def _unconditional(requirement: str) -> str:
    """tomli>=1.1; python_version < '3.11' -> tomli>=1.1: carried for every Python, installed where needed."""
    return requirement.split(";", 1)[0].strip()


def dependency_wheels(dest: Path, wheels_from: str | Path | None = None) -> list[Path]:
    """A wheel of each library derivs needs, and of pip: from the folder `wheels_from`, else from the
    package index pip is set up for (one `pip download`, for the lowest Python derivs supports)."""
    _, dependencies = project_metadata()
    wanted = [_unconditional(r) for r in dependencies] + ["pip"]
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(dest), "--only-binary=:all:",
               "--python-version", LOWEST_PYTHON, "--implementation", "py", "--abi", "none", "--platform", "any"]
    if wheels_from is not None:
        folder = Path(wheels_from)
        if not folder.is_dir():
            raise PackagingError(f"--wheels {folder}: no such folder")
        command += ["--no-index", "--find-links", str(folder)]
    run = subprocess.run(command + wanted, capture_output=True, text=True)
    if run.returncode != 0:
        reason = [line for line in run.stderr.splitlines() if line.startswith("ERROR")] or run.stderr.strip().splitlines()[-1:]
        where = f"in {wheels_from}" if wheels_from is not None else "from the package index (is there a network?)"
        raise PackagingError(f"could not gather the wheels of {', '.join(wanted)} {where}: {' '.join(reason)}; "
                             "give --wheels DIR, a folder holding them (pip download -d DIR derivs pip)")
    return sorted(dest.glob("*.whl"))


def wheelhouse(dest: Path, problems_dir=None, wheels_from=None) -> list[Path]:
    """`dest` filled with derivs' wheel (with the problems) and the wheels of what it needs."""
    dest.mkdir(parents=True, exist_ok=True)
    dependency_wheels(dest, wheels_from)
    for stale in dest.glob("derivs-*.whl"):  # a derivs wheel in --wheels is replaced by this one, with these problems
        stale.unlink()
    build_wheel(dest, problems_dir)
    return sorted(dest.glob("*.whl"))


INSTALL = """# derivs, offline, from the wheels beside this script: a Python 3.10 or later is all it needs (no pip, no network)
install_derivs() {  # VENV
    local python="${DERIVS_SETUP_PYTHON:-python3}" pip_wheel
    pip_wheel="$(ls "$HERE"/wheels/pip-*.whl | head -n 1)"
    "$python" -m venv --without-pip --clear "$1" &&
        "$1/bin/python" "$pip_wheel/pip" install --quiet --no-index --find-links "$HERE/wheels" derivs
}
"""

