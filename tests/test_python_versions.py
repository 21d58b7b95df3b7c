"""derivs claims Python 3.10 and later (Gradescope's Ubuntu 22.04 image runs 3.10): no feature newer than
that may be used. vermin reads the code and names any; a real 3.10 run is in test_gradescope_zip.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERMIN = "import sys; from vermin import main; sys.argv[0] = \"vermin\"; sys.exit(main())"  # vermin has no __main__


def lowest_python() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'requires-python = ">=(3\.\d+)"', text).group(1)


def test_vermin_targets_the_lowest_python_the_package_claims():
    config = (ROOT / "vermin.ini").read_text(encoding="utf-8")
    assert f"targets = {lowest_python()}-" in config


def test_no_feature_newer_than_the_lowest_supported_python():
    run = subprocess.run([sys.executable, "-c", VERMIN, "derivs", "problems", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_vermin_finds_a_newer_feature(tmp_path):
    """The check can fail: tomllib unguarded is 3.11."""
    (tmp_path / "vermin.ini").write_text((ROOT / "vermin.ini").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "new.py").write_text("import tomllib\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", VERMIN, "new.py"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode != 0 and "tomllib" in run.stdout


def test_no_source_has_an_invalid_escape():
    """'\\m' in a docstring is a DeprecationWarning today and a SyntaxError in a later Python: every source compiles
    with warnings as errors."""
    import warnings

    for path in sorted((ROOT / "derivs").rglob("*.py")) + sorted((ROOT / "problems").rglob("*.py")):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
