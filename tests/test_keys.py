"""Answer keys: written as a person would, every formula read back as the object checked, nothing off the page."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest
import sympy
from sympy import Derivative, Function, IndexedBase, Rational, Symbol, tanh

from conftest import run_cli
from derivs import Claim, Problem, load_problems
from derivs.keys import Formula, Typesetter, decimal, misread, overfull_boxes, render_problem, width, write_keys
from derivs.latex import to_latex
from derivs.parsing import parse_latex
from derivs.verify import Status, verify_written

PROBLEMS = load_problems()
HAS_TEX = shutil.which("pdflatex") is not None and shutil.which("pdftotext") is not None


# --- every formula of every key reads back as what was checked -----------------------------------


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_every_formula_of_the_key_reads_back_as_the_object_checked(problem_id):
    problem = PROBLEMS[problem_id]
    typeset = Typesetter(problem)
    render_problem(problem, [], "instructors", typeset)
    assert typeset.formulas, "a key with no formulas"
    misread_ones = {f"{f.where}: {f.latex[:80]}": reason for f in typeset.formulas if (reason := misread(problem, f))}
    assert misread_ones == {}


def test_a_formula_that_says_something_else_is_caught():
    problem = PROBLEMS["sigmoid_derivative"]
    x, a = Symbol("x", real=True), Symbol("a", positive=True)
    phi = Function("varphi")
    honest = Formula(r"a\varphi(x)(1 - \varphi(x))", a * phi(x) * (1 - phi(x)), "test")
    wrong_sign = Formula(r"a\varphi(x)(1 + \varphi(x))", a * phi(x) * (1 - phi(x)), "test")
    unreadable = Formula(r"a\varphi(x)(1 - ", a * phi(x) * (1 - phi(x)), "test")
    assert misread(problem, honest) == ""
    assert "reads back as" in misread(problem, wrong_sign)
    assert "does not read back" in misread(problem, unreadable)


def test_an_authors_form_that_does_not_equal_its_object_fails_check():
    problem = PROBLEMS["sigmoid_derivative"]
    x, a = Symbol("x", real=True), Symbol("a", positive=True)
    phi = Function("varphi")
    lying = dataclasses.replace(problem, written={a * phi(x) * (1 - phi(x)): r"a\varphi(x)(1 + \varphi(x))", a / 4: r"\frac{a}{2}"})
    verdicts = [r.status for r in verify_written(lying)]
    assert verdicts == [Status.FAIL, Status.FAIL]
    garbled = dataclasses.replace(problem, written={a / 4: r"\frac{a}{"})
    (result,) = verify_written(garbled)
    assert result.status is Status.ERROR and "does not read back" in result.error


def test_every_bundled_authors_form_is_proved(bundled_report):
    written = [r for r in bundled_report.results if r.claim.startswith("written ")]
    assert len(written) == sum(len(p.written) for p in PROBLEMS.values()) > 40
    assert {r.status for r in written} == {Status.PASS}


# --- written as a person would ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, places, text",
    [
        (Rational(-99, 100), 4, "-0.9900"),  # cos 3 to 4 places, as the question asks
        (Rational(3, 5000), 4, "0.0006"),
        (Rational(1111, 10000), 4, "0.1111"),
        (Rational(123456789, 1000), 2, "123{,}456.79"),  # 123456.789 rounds up; thousands separated
        (Rational(-1, 2000), 2, "0.00"),  # rounds to zero: no minus sign on 0
    ],
)
def test_decimals_print_to_the_places_asked(value, places, text):
    assert decimal(value, places) == text


def test_the_printer_writes_in_a_persons_order_and_notation():
    x, a, n, k = Symbol("x"), Symbol("a"), Symbol("n"), Symbol("k")
    phi, sigma = Function("varphi"), Function("sigma")
    assert to_latex(n + 1 - k) == "n - k + 1"
    assert to_latex(a * phi(x) * (1 - phi(x))) == r"a \varphi(x) (1 - \varphi(x))"
    assert to_latex(Derivative(tanh(x), x)) == r"\tanh'(x)"
    assert to_latex(Derivative(sigma(x), x, 2)) == r"\sigma''(x)"
    assert to_latex(IndexedBase("x")[k]) == "x_{k}"
    assert to_latex(sympy.Integer(100000000)) == "100{,}000{,}000"
    assert to_latex((x + 1) * (x - 1) / 2) == r"\frac{(x - 1) (x + 1)}{2}"  # the numerator keeps its braces
    assert parse_latex(to_latex(sympy.Integer(1234567))) == 1234567


def test_the_issues_examples_print_as_an_author_wrote_them():
    key = {pid: render_problem(PROBLEMS[pid]) for pid in ("sigmoid_derivative", "softmax_cross_entropy", "two_layer_backprop", "backprop_by_hand", "autodiff_traces", "conv_dot_shift", "decision_boundary")}
    assert r"a\varphi(x)(1 - \varphi(x))" in key["sigmoid_derivative"]
    assert r"\frac{a}{4} \\" not in key["sigmoid_derivative"] or key["sigmoid_derivative"].count(r"&= \frac{a}{4}") == 1  # no repeated line
    assert r"\frac{\partial}{\partial x}" not in key["sigmoid_derivative"]  # no d/dx beside a partial
    assert r"p_k(\delta_{ki} - p_i)" in key["softmax_cross_entropy"]
    assert "o_{3} - y_{3}" in key["two_layer_backprop"] and "y_{1} + y_{2}" not in key["two_layer_backprop"]
    assert r"\frac{\partial L}{\partial w_3} &\approx 0.0006" in key["backprop_by_hand"]
    assert r"&\approx -0.9900" in key["autodiff_traces"]
    assert "1 e^" not in key["softmax_cross_entropy"]
    assert "n - k + 1" in key["conv_dot_shift"]
    assert "0 &= 0" not in key["decision_boundary"]
    for text in key.values():
        assert r"\operatorname{round}" not in text and r"\right|_{" not in text  # no helper notation


def test_derivation_rules_stand_beside_their_steps():
    text = render_problem(PROBLEMS["softmax_cross_entropy"])
    assert r"\tag*{\small quotient rule}" in text


# --- long lines -----------------------------------------------------------------------------------


def test_width_counts_what_prints():
    assert width(r"\frac{a + b + c}{2}") < width("a + b + c + 2")  # a fraction is as wide as its wider part
    assert width(r"\left(x\right)") == width("(x)") == 3  # \left and \right take no room of their own
    assert width(r"\begin{matrix}aaaa\\bb\end{matrix}") < width("aaaabb") + 8  # a column is as wide as its widest row


def test_a_long_sum_is_broken_into_lines_that_read_back_whole():
    problem = PROBLEMS["two_layer_backprop"]
    typeset = Typesetter(problem)
    claim = problem.claim("input_gradient")
    rows = typeset.claim(claim)
    assert len(rows) >= 4 and all(r"\quad" in row or r"\partial E" in row for row in rows)
    assert all(misread(problem, f) == "" for f in typeset.formulas)


def test_overfull_boxes_are_read_from_the_log_with_their_claim(tmp_path):
    log = tmp_path / "k.log"
    log.write_text(
        "derivs-key: p: statement\nOverfull \\hbox (0.4pt too wide) in paragraph\n"
        "derivs-key: p: claim wide\nOverfull \\hbox (812.5pt too wide) detected at line 14\n",
        encoding="latin-1",
    )
    boxes = overfull_boxes(log, at_least=1.0)
    assert [(b.points, b.where) for b in boxes] == [(812.5, "p: claim wide")]
    assert "812.5 pt past the margin" in str(boxes[0])


# --- editions ------------------------------------------------------------------------------------


def test_the_student_edition_has_no_verification_metadata_and_the_instructor_edition_has_it(bundled_report):
    problem = PROBLEMS["sigmoid_derivative"]
    students = render_problem(problem, bundled_report.results, "students")
    instructors = render_problem(problem, bundled_report.results, "instructors")
    assert r"\boxed{\frac{a}{4}}" in students and problem.statement in students
    assert "proved" not in students and "points" not in students
    assert "How each line was checked" in instructors and "proved" in instructors
    methods = {r.symbolic.method for r in bundled_report.results if r.problem == problem.id}
    assert all(method in instructors for method in methods)
    with pytest.raises(ValueError, match="students, instructors"):
        render_problem(problem, [], "teachers")


def test_key_files_for_all_problems(tmp_path, bundled_report):
    problems = list(PROBLEMS.values())
    files = write_keys(problems, bundled_report.results, tmp_path)
    assert sorted(p.name for p in files.problems) == sorted(f"{p.id}.tex" for p in problems)
    combined = files.combined.read_text()
    assert combined.startswith(r"\documentclass") and combined.rstrip().endswith(r"\end{document}")
    for problem in problems:
        assert rf"\input{{{problem.id}.tex}}" in combined


def _pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.skipif(not HAS_TEX, reason="needs pdflatex and pdftotext (CI installs them)")
def test_the_bundled_key_compiles_with_nothing_off_the_page(tmp_path):
    """Both editions, one after the other as an instructor makes them: the checks come from check's memory (the test
    run's, see conftest) once they were proved, so the claims are proved at most once here, not twice."""
    for edition in ("students", "instructors"):
        out = tmp_path / edition
        run = run_cli("key", "all", "--out", str(out), "--pdf", "--for", edition)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "past the margin" not in run.stderr
        assert overfull_boxes(out / "answer_key.log", at_least=1.0) == []
        text = _pdf_text(out / "answer_key.pdf")
        for problem in PROBLEMS.values():
            assert problem.title.split()[0] in text
        assert "0.0006" in text and "\u22120.9900" in text  # the 4-decimal figures, with a typeset minus sign
        if edition == "students":
            assert "proved" not in text and "random points" not in text and "round4" not in text
        else:
            assert "How each line was checked" in text and "identical" in text


# --- what a key shows: working, not a value equal to itself; titles as mathematics; provenance for instructors

from derivs.keys import same_sides, typeset_title  # noqa: E402

@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_no_claim_prints_a_value_equal_to_itself(problem_id):
    assert same_sides(PROBLEMS[problem_id]) == []


def test_the_same_sides_check_can_fail():
    x = sympy.Symbol("x")
    bare = Problem(id="p", title="", statement="", variables=(), claims=(Claim("c", "100,000,000", sympy.Integer(10**8), sympy.Integer(10**8)),))
    worked = Problem(id="q", title="", statement="", variables=(), claims=(Claim("c", "", sympy.Mul(10**5, 1000, evaluate=False), sympy.Integer(10**8)),))
    assert same_sides(bare) == ["c"] and same_sides(worked) == [] and x


@pytest.mark.parametrize(("plain", "typeset"), [
    ("seed 003 4.1: a 5x5x3 convolution with 96 filters", r"a $5 \times 5 \times 3$ convolution with $96$ filters"),
    ("S(cx)_1 -> 1 as c -> oo", r"$S(cx)_1  \to  1$ as $c  \to  \infty$"),
    ("dL/dw3 = 0.0006 (the seed's 0.00143 is wrong)", r"$\frac{d L}{d w_{3}} = 0.0006$ (the seed's $0.00143$ is wrong)"),
])
def test_claim_titles_are_typeset_as_mathematics(plain, typeset):
    assert typeset in typeset_title(plain)


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_titles_hold_no_ascii_mathematics_outside_math_mode(problem_id):
    for claim in PROBLEMS[problem_id].claims:
        prose = " ".join(re.split(r"\$[^$]*\$", typeset_title(claim.statement)))
        assert not re.search(r"->|<=|>=|!=|\d+x\d+|\bd\w*/d\w+|\bsigma\b|\boo\b", prose), (claim.name, prose)


def test_provenance_is_for_instructors_only():
    problem = PROBLEMS["conv1d_modes"]
    assert "Source:" not in render_problem(problem, [], "students") and "its three results are right" not in render_problem(problem, [], "students")
    assert "Source: seed 001 question 5" in render_problem(problem, [], "instructors")
