"""Answer keys: one .tex per problem, a combined document, and a real PDF when pdflatex exists."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import run_cli
from derivs import load_problems
from derivs.keys import render_problem, write_keys
from derivs.latex import to_latex


def test_a_problem_key_holds_statement_derivation_and_boxed_answers(bundled_report):
    problem = load_problems()["sigmoid_derivative"]
    text = render_problem(problem, [r for r in bundled_report.results if r.problem == problem.id])
    assert r"\section{Derivative of the logistic sigmoid}" in text
    assert problem.statement in text
    assert text.count(r"\begin{align*}") >= 2
    assert r"\boxed{\frac{a}{4}}" in text
    assert text.count(r"\boxed{") == len(problem.parts)
    assert "proved" in text and "REFUTED" not in text


def test_every_derivation_line_of_the_key_is_a_checked_object(bundled_report):
    problem = load_problems()["tanh_sigmoid"]
    text = render_problem(problem, bundled_report.results)
    for derivation in problem.derivations:
        for step in derivation.steps:
            assert to_latex(step) in text


def test_key_files_for_all_problems(tmp_path, bundled_report):
    problems = [p for p in load_problems().values()]
    files = write_keys(problems, bundled_report.results, tmp_path)
    assert sorted(p.name for p in files.problems) == sorted(f"{p.id}.tex" for p in problems)
    combined = files.combined.read_text()
    assert combined.startswith(r"\documentclass") and combined.rstrip().endswith(r"\end{document}")
    for problem in problems:
        assert rf"\input{{{problem.id}.tex}}" in combined


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdflatex") is None or shutil.which("pdftotext") is None, reason="needs pdflatex and pdftotext (CI installs them)")
def test_key_compiles_to_a_pdf_whose_text_reads_back(tmp_path):
    run = run_cli("key", "all", "--out", str(tmp_path), "--pdf")
    assert run.returncode == 0, run.stdout + run.stderr
    pdf = tmp_path / "answer_key.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for problem in load_problems().values():
        assert problem.title in text
    assert "Derivation" in text and "proved" in text
