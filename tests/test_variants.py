"""A variant of each question per student: numbers drawn from a seed, the seed from a course salt and an id.

The expected figures come from the sheets' own printed numbers, worked out here by the textbook formulas with
Python's math module (not derivs), so a variant whose sheet and key disagree fails."""

from __future__ import annotations

import itertools
import json
import math
import re
import subprocess
import sys

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import derivs
from conftest import run_cli
from derivs.discovery import load_problems
from derivs.model import Choice, Decimal, Whole
from derivs.verify import CheckOptions, Status, verify_problem
from derivs.variants import VariantError, parse_seed, student_seed, values_for, variant

VARIABLE = sorted(p.id for p in load_problems().values() if getattr(p, "variants", None) is not None)
SEEDS = 200
CHUNKS = 4  # each problem's 200 seeds in 4 tests, so the workers share them


def test_at_least_eight_bundled_problems_have_a_variant_per_student():
    assert len(VARIABLE) >= 8, VARIABLE


@pytest.mark.slow
@pytest.mark.parametrize("problem_id,chunk", list(itertools.product(VARIABLE, range(CHUNKS))))
def test_every_claim_of_200_variants_holds_both_ways(problem_id, chunk):
    """Seeds 1..200 of each variable problem: every claim, part and written form proved symbolically and numerically
    (a draw that breaks a constraint is drawn again, so no seed is refused)."""
    seeds = range(1 + chunk * SEEDS // CHUNKS, 1 + (chunk + 1) * SEEDS // CHUNKS)
    problem, memo = load_problems()[problem_id], {}  # an equality the same in two variants is proved once
    rows = [row for seed in seeds for row in verify_problem(variant(problem, seed), CheckOptions(points=4, remember=False), memo)]
    failing = [f"{row.problem} {row.claim}: {row.status.value} {row.error}" for row in rows if row.status is not Status.PASS]
    assert rows and not failing, failing[:5]


def test_variant_zero_is_the_homework_as_set():
    """Seed 0 is the bundled problem itself, with the homework's own figures (seed 002: x_3 = -0.1376 for run (a);
    seed 004 Q3: 1,154,560 FLOPs with bias)."""
    gelu = derivs.get_problem("gelu_descent")
    assert variant("gelu_descent", 0) is gelu
    assert gelu.part("a_x3").answer == gelu.variants.build(gelu.variants.original).part("a_x3").answer == sympy.Rational("-0.1376")
    assert variant("conv_flops", 0).part("with_bias").answer == 1_154_560


def _values(problem_id: str, seed: int) -> dict:
    return {name: str(value) for name, value in values_for(derivs.get_problem(problem_id), seed).items()}


def test_the_same_seed_gives_the_same_numbers_in_two_fresh_processes():
    """No reliance on `random`'s stream or on hashing: two processes with different hash seeds agree."""
    script = ("import json, derivs\nfrom derivs.variants import values_for\n"
              f"print(json.dumps({{p: {{s: {{k: str(v) for k, v in values_for(derivs.get_problem(p), s).items()}} for s in (1, 7, 123456789)}} for p in {VARIABLE!r}}}))")
    outputs = []
    for hash_seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={**_environment(), "PYTHONHASHSEED": hash_seed})
        assert run.returncode == 0, run.stderr
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0]["conv_flops"]["7"] == _values("conv_flops", 7)


def _environment() -> dict:
    import os

    return dict(os.environ)


@pytest.mark.parametrize("problem_id", VARIABLE)
def test_different_seeds_give_different_numbers(problem_id):
    drawn = [tuple(sorted(_values(problem_id, seed).items())) for seed in range(1, 61)]
    pairs = list(itertools.combinations(drawn, 2))
    same = sum(a == b for a, b in pairs)
    assert same <= 0.05 * len(pairs), f"{same} of {len(pairs)} pairs of seeds drew the same numbers"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(VARIABLE), st.integers(min_value=1, max_value=10**9))
def test_every_draw_is_in_its_domain_and_meets_the_constraints(problem_id, seed):
    problem = derivs.get_problem(problem_id)
    values = values_for(problem, seed)
    for parameter in problem.variants.parameters:
        value = values[parameter.name]
        if isinstance(parameter, Whole):
            assert parameter.low <= value <= parameter.high and (value - parameter.low) % parameter.step == 0
        elif isinstance(parameter, Decimal):
            assert float(parameter.low) <= value <= float(parameter.high) and (value * 10**parameter.places).q == 1
        else:
            assert isinstance(parameter, Choice) and value in parameter.options
    assert problem.variants.broken(values) == []


def test_a_students_seed_comes_from_the_salt_and_their_id():
    assert student_seed("fall", "Ada@Uni.edu ") == student_seed("fall", "ada@uni.edu")  # ids as typed in two systems
    assert student_seed("fall", "ada@uni.edu") != student_seed("spring", "ada@uni.edu")
    assert student_seed("fall", "ada@uni.edu") != student_seed("fall", "alan@uni.edu")
    assert all(1 <= student_seed("s", str(n)) < 10**9 for n in range(500))
    with pytest.raises(VariantError):
        student_seed("", "ada")
    for bad in ("-1", "x", "1.5"):
        with pytest.raises(VariantError):
            parse_seed(bad)


def test_a_target_names_its_variant_and_a_bad_seed_is_a_clear_error():
    run = run_cli("grade", "softmax_values.loss@abc", "0.5")
    assert run.returncode != 0 and "a seed is a whole number" in run.stderr and "Traceback" not in run.stderr


# --- the course loop: sheets for a roster, each graded against its own variant -----------------------------

PARTS = ["conv_flops.with_bias", "softmax_values.loss", "sigmoid_derivative.derivative"]
ROSTER = [("ada@uni.edu", "Ada Lovelace"), ("alan@uni.edu", "Alan Turing"), ("grace@uni.edu", "Grace Hopper")]
SALT = "test-course-salt"


def flops_from_sheet(sheet: str) -> int:
    """Layer C: c x n x n input, f filters of k x k, padding p, stride s; P: w x w max windows at stride 1."""
    c, n, f, k, p, s, w = map(int, re.search(
        r"convolves a \$(\d+) \\times (\d+) \\times \d+\$ input with (\d+) filters of \$(\d+) \\times \d+\$, padding (\d+), stride (\d+); "
        r"layer P max-pools C's maps with \$(\d+) \\times", sheet).groups())
    conv = (n + 2 * p - k) // s + 1
    pooled = conv - w + 1
    return 2 * c * k * k * conv * conv * f + pooled * pooled * f * (w * w - 1)


def loss_from_sheet(sheet: str) -> str:
    """-log softmax(z)_t to 4 decimals, from the logits and class printed on the sheet."""
    logits, label = re.search(r"logits are \$z = \(([^)]*)\)\$ and the true class is (\d)", sheet).groups()
    z = [float(v) for v in logits.split(",")]
    value = -(z[int(label) - 1] - math.log(sum(math.exp(v) for v in z)))
    return f"{value:.4f}"


def fill(sheet: str, answers: dict) -> str:
    for target, answer in answers.items():
        empty = f"\\begin{{answer}}{{{target}}}\n\\[\n  % your answer\n\\]"
        assert empty in sheet
        sheet = sheet.replace(empty, f"\\begin{{answer}}{{{target}}}\n\\[\n  {answer}\n\\]")
    return sheet


def test_a_roster_gets_its_own_sheets_and_each_student_is_graded_against_their_own_numbers(tmp_path):
    assignment = tmp_path / "hw.toml"
    assignment.write_text(f'title = "Homework 4"\nparts = {json.dumps(PARTS)}\nsalt = "{SALT}"\n', encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("student,name\n" + "".join(f"{s},{n}\n" for s, n in ROSTER), encoding="utf-8")
    run = run_cli("sheet", str(assignment), "--roster", str(roster), "--out", str(tmp_path / "sheets"))
    assert run.returncode == 0, run.stderr
    sheets = {student: next((tmp_path / "sheets").glob(student.split("@")[0] + "_*.tex")).read_text(encoding="utf-8") for student, _ in ROSTER}
    assert len({flops_from_sheet(text) for text in sheets.values()}) == 3  # three students, three sets of numbers
    right = {student: {"flops": flops_from_sheet(text), "loss": loss_from_sheet(text)} for student, text in sheets.items()}
    answers = {
        "ada@uni.edu": {PARTS[0]: str(right["ada@uni.edu"]["flops"]), PARTS[1]: right["ada@uni.edu"]["loss"], PARTS[2]: r"a\varphi(x)(1-\varphi(x))"},
        "alan@uni.edu": {PARTS[0]: str(right["alan@uni.edu"]["flops"] + 1), PARTS[1]: right["alan@uni.edu"]["loss"], PARTS[2]: r"\varphi(x)(1-\varphi(x))"},
        "grace@uni.edu": {PARTS[0]: str(right["grace@uni.edu"]["flops"]), PARTS[1]: right["ada@uni.edu"]["loss"], PARTS[2]: r"a\varphi(x)(1-\varphi(x))"},
    }
    # the grading container's assignment.json, as `derivs gradescope hw.toml --roster roster.csv` writes it
    seeds = sorted(student_seed(SALT, student) for student, _ in ROSTER)
    packed = tmp_path / "assignment.json"
    packed.write_text(json.dumps({"title": "Homework 4", "parts": PARTS, "salt": SALT, "student_field": "email", "seeds": seeds}), encoding="utf-8")
    scores = {}
    for student, name in ROSTER:
        root = tmp_path / student.split("@")[0]
        (root / "submission").mkdir(parents=True)
        (root / "submission" / "answers.tex").write_text(fill(sheets[student], answers[student]), encoding="utf-8")
        (root / "submission_metadata.json").write_text(json.dumps({"users": [{"email": student, "id": 1, "name": name}]}), encoding="utf-8")
        run = run_cli("autograde", str(packed), "--platform", "gradescope", "--root", str(root))
        assert run.returncode == 0, run.stderr
        results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
        scores[student] = {test["name"]: test["score"] for test in results["tests"]}
        if student == "grace@uni.edu":
            loss = next(test for test in results["tests"] if test["name"] == PARTS[1])
            assert "another version of the question" in loss["output"] and right["ada@uni.edu"]["loss"] not in loss["output"].split("read as")[0]
    assert scores == {
        "ada@uni.edu": {PARTS[0]: 1.0, PARTS[1]: 1.0, PARTS[2]: 1.0},
        "alan@uni.edu": {PARTS[0]: 0.0, PARTS[1]: 1.0, PARTS[2]: 0.0},
        "grace@uni.edu": {PARTS[0]: 1.0, PARTS[1]: 0.0, PARTS[2]: 1.0},
    }


def test_without_knowing_who_submitted_a_variant_assignment_grades_nothing(tmp_path):
    packed = tmp_path / "assignment.json"
    packed.write_text(json.dumps({"title": "H", "parts": PARTS[:1], "salt": SALT}), encoding="utf-8")
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "a.tex").write_text("\\begin{answer}{conv_flops.with_bias}\\[ 5 \\]\\end{answer}", encoding="utf-8")
    run = run_cli("autograde", str(packed), "--platform", "gradescope", "--root", str(tmp_path))
    assert run.returncode == 0, run.stderr
    (test,) = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))["tests"]
    assert test["score"] == 0.0 and "does not say who submitted" in test["output"]


def test_batch_grading_with_a_salt_grades_each_row_against_its_students_variant(tmp_path):
    seed_ada = student_seed(SALT, "ada@uni.edu")
    ada = variant("softmax_values", seed_ada)
    z = [float(ada.values[f"z{n}"]) for n in (1, 2, 3)]
    right = f"{-(z[ada.values['label'] - 1] - math.log(sum(math.exp(v) for v in z))):.4f}"
    batch = tmp_path / "class.csv"
    batch.write_text(f"student,target,answer\nada@uni.edu,softmax_values.loss,{right}\nalan@uni.edu,softmax_values.loss,{right}\n", encoding="utf-8")
    assignment = tmp_path / "hw.toml"
    assignment.write_text(f'title = "H"\nparts = ["softmax_values.loss"]\nsalt = "{SALT}"\n', encoding="utf-8")
    run = run_cli("grade", "--batch", str(batch), "--out", str(tmp_path / "out.jsonl"), "--assignment", str(assignment))
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["verdict"] for r in records] == ["correct", "incorrect"]
    assert records[0]["seed"] == seed_ada and records[1]["seed"] == student_seed(SALT, "alan@uni.edu")
    assert all(r["target"] == "softmax_values.loss" for r in records) and "another version" in records[1]["feedback"]


def test_keys_for_a_seed_state_that_variants_numbers(tmp_path):
    seed = student_seed(SALT, "ada@uni.edu")
    run = run_cli("key", "conv_flops", "--seed", str(seed), "--out", str(tmp_path / "key"))
    assert run.returncode == 0, run.stderr
    key = (tmp_path / "key" / "conv_flops.tex").read_text(encoding="utf-8")
    sheet_numbers = variant("conv_flops", seed).given
    assert flops_from_sheet(sheet_numbers) == variant("conv_flops", seed).part("with_bias").answer
    assert f"{flops_from_sheet(sheet_numbers):,}".replace(",", "{,}") in key or str(flops_from_sheet(sheet_numbers)) in key.replace("{,}", "").replace(",", "")


def test_the_prairielearn_example_generates_and_grades_a_variant():
    """docs/prairielearn/server.py as PrairieLearn calls it: generate() with a variant_seed, then grade()."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("pl_server", Path(__file__).resolve().parents[1] / "docs" / "prairielearn" / "server.py")
    server = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(server)
    data = {"variant_seed": 1234567, "params": {}, "correct_answers": {}, "submitted_answers": {}, "partial_scores": {}}
    server.generate(data)
    problem = variant(server.PROBLEM, data["params"]["derivs_seed"])
    assert data["params"]["given"] == (problem.given or problem.statement) and "w = (" in problem.statement
    weights = [float(v) for v in re.search(r"w = \(([^)]*)\)", problem.statement).group(1).split(",")]
    inputs = [float(v) for v in re.search(r"x = \(([^)]*)\)", problem.statement).group(1).split(",")]
    label = float(re.search(r"and \$y = ([-\d.]+)\$", problem.statement).group(1))
    sig = lambda t: 1 / (1 + math.exp(-t))  # noqa: E731
    s2 = inputs[2] * weights[2] + inputs[3] * weights[3]
    out = sig(sig(inputs[0] * weights[0] + inputs[1] * weights[1]) * weights[4] + sig(s2) * weights[5])
    gradient = 2 * (out - label) * out * (1 - out) * weights[5] * sig(s2) * (1 - sig(s2)) * inputs[2]
    data["submitted_answers"] = {"gradient": f"{gradient:.4f}"}
    server.grade(data)
    assert data["score"] == 1.0 and data["partial_scores"]["gradient"]["score"] == 1.0
    data["submitted_answers"] = {"gradient": f"{gradient + 0.01:.4f}"}
    server.grade(data)
    assert data["score"] == 0.0


def test_an_equality_checked_in_one_variant_is_not_taken_for_another_whose_definitions_differ():
    """The same two sides mean something else when a parameter sits in a definition: both are checked."""
    from sympy import Function, Lambda, Symbol, exp

    from derivs.model import Claim, Problem, Scalar
    from derivs.verify import verify_problem

    x, v = Symbol("x", real=True), Symbol("v", real=True)
    f = Function("f")

    def made(scale):  # f(x) = e^{scale x}; the claim f'(0) ... stated as f(x) = e^{2x}
        return Problem(id="scaled", title="t", statement="s", variables=(Scalar(x),), definitions={f: Lambda(v, exp(scale * v))},
                       claims=(Claim("c", "f(x) = e^{2x}", f(x), exp(2 * x)),))

    memo: dict = {}
    first = verify_problem(made(2), CheckOptions(points=8, remember=False), memo)
    second = verify_problem(made(3), CheckOptions(points=8, remember=False), memo)
    assert first[0].status is Status.PASS and second[0].status is Status.FAIL


def test_answers_are_grouped_and_overridden_per_variant(tmp_path):
    """The same text in two variants is two answers: one may be right and the other wrong, so an override of one
    group never reaches another variant's rows."""
    from derivs.batch import grade_rows, Row
    from derivs.groups import Override, ResultsError, answer_groups, apply_overrides

    rows = [Row(1, "ada@uni.edu", "softmax_values.loss", "0.5000"), Row(2, "alan@uni.edu", "softmax_values.loss", "0.5000"),
            Row(3, "ada@uni.edu", "softmax_values.loss", "0.50")]
    records, _ = grade_rows(rows, salt=SALT)
    seeds = {record["row"]: record["seed"] for record in records}
    assert seeds[1] == seeds[3] != seeds[2]
    parts = answer_groups(records)
    assert sorted(part.target for part in parts) == sorted({f"softmax_values.loss@{seeds[1]}", f"softmax_values.loss@{seeds[2]}"})
    with pytest.raises(ResultsError, match="their own numbers"):
        apply_overrides(records, [Override("softmax_values.loss", "correct", None, None, "0.5000", "")])
    updated, changes = apply_overrides(records, [Override(f"softmax_values.loss@{seeds[2]}", "correct", None, None, "0.5000", "")])
    assert [change.row for change in changes] == [2] and updated[0]["verdict"] == "incorrect"


def test_the_prairielearn_grader_grades_the_variant_named_in_its_data(tmp_path):
    """The external grader's data.json carries params.derivs_seed (from server.py's generate()); without it, nothing
    is graded against anyone's numbers."""
    from derivs.autograder import Assignment, _assignment_json, autograde, load_assignment

    assignment = Assignment("H", ("softmax_values.loss",), salt=SALT, seeds=(5, 9))
    (tmp_path / "a.json").write_text(_assignment_json(assignment), encoding="utf-8")
    assert load_assignment(tmp_path / "a.json") == assignment  # what the zip and folder carry reads back whole
    problem = variant("softmax_values", 9)
    z = [float(problem.values[f"z{n}"]) for n in (1, 2, 3)]
    right = f"{-(z[problem.values['label'] - 1] - math.log(sum(math.exp(v) for v in z))):.4f}"
    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "a.tex").write_text(f"\\begin{{answer}}{{softmax_values.loss}}\\[ {right} \\]\\end{{answer}}", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "data.json").write_text(json.dumps({"params": {"derivs_seed": 9}}), encoding="utf-8")
    assert autograde(assignment, "prairielearn", tmp_path)["score"] == 1.0
    (tmp_path / "data" / "data.json").write_text(json.dumps({"params": {"derivs_seed": 5}}), encoding="utf-8")
    assert autograde(assignment, "prairielearn", tmp_path)["score"] == 0.0
    (tmp_path / "data" / "data.json").write_text(json.dumps({"params": {}}), encoding="utf-8")
    results = autograde(assignment, "prairielearn", tmp_path)
    assert results["score"] == 0.0 and "derivs_seed" in results["tests"][0]["message"]


def test_check_variants_from_the_command_line_names_what_it_checked():
    run = run_cli("check", "conv_flops", "--variants", "2")
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().splitlines()[-1].startswith("18 checks of 2 variants of 1 problem: 18 pass")  # 9 checks a variant
    bad = run_cli("check", "conv_flops", "--variants", "-1")
    assert bad.returncode == 2 and "--variants must be a whole number" in bad.stderr
