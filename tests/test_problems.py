"""Every claim, derivation step and part of every bundled problem holds, both ways.

Parametrized over discovery, so a new problem module is tested with no new test code.
"""

from __future__ import annotations

import pytest
import sympy

from derivs import LoadError, Problem, Status, WriteUp, load_problems
from derivs.verify import verify_write_up

PROBLEMS = load_problems()
FOUNDATION = ("sigmoid_derivative", "tanh_sigmoid", "softmax_shift", "linear_collapse", "relu_heaviside")


def test_the_foundation_problems_are_discovered():
    assert set(FOUNDATION) <= set(PROBLEMS)


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_problem_module_loads(problem_id):
    loaded = PROBLEMS[problem_id]
    assert not isinstance(loaded, LoadError), loaded.message
    assert isinstance(loaded, Problem) and loaded.id == problem_id


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_every_check_passes_symbolically_and_numerically(problem_id, bundled_report):
    rows = [r for r in bundled_report.results if r.problem == problem_id]
    assert rows, f"no checks ran for {problem_id}"
    bad = [(r.claim, r.status.value, r.symbolic and r.symbolic.method, r.numeric and r.numeric.witness, r.error) for r in rows if r.status is not Status.PASS]
    assert not bad, bad
    for row in rows:
        assert row.symbolic.proved
        assert row.numeric.holds and row.numeric.points >= 20


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_every_claim_and_derivation_step_is_reported(problem_id, bundled_report):
    problem = PROBLEMS[problem_id]
    names = {r.claim for r in bundled_report.results if r.problem == problem_id}
    expected = {c.name for c in problem.claims}
    expected |= {f"{d.title}, step {n}" for d in problem.derivations for n in range(1, len(d.steps) + 1)}
    expected |= {f"part {p.name}" for p in problem.parts}
    assert expected <= names


def test_the_twelve_foundation_parts_are_declared():
    parts = {f"{pid}.{part.name}" for pid in FOUNDATION for part in PROBLEMS[pid].parts}
    assert parts >= {
        "sigmoid_derivative.derivative",
        "sigmoid_derivative.at_zero",
        "tanh_sigmoid.tanh_via_sigmoid",
        "tanh_sigmoid.sigmoid_via_tanh",
        "tanh_sigmoid.tanh_derivative",
        "softmax_shift.shifted",
        "softmax_shift.two_class_logit",
        "softmax_shift.zero_scale",
        "linear_collapse.weight",
        "linear_collapse.bias",
        "relu_heaviside.derivative",
        "relu_heaviside.relu_via_heaviside",
    }


def test_a_write_up_declaration_that_does_not_read_is_an_error_row():
    """A rule that cannot be read would silently never apply: check says so instead."""
    x = sympy.Symbol("x", real=True)
    declared = WriteUp(recognised_by={"w_1": "0.5", "w_2": r"\frac{1}{"}, rules={"v_1": r"\beta v_0 +", "v_2": r"\beta v_1"}, answers={"y": x, "z": sympy.Integer(3)})
    problem = Problem(id="p", title="", statement="", variables=(), claims=(), write_up=declared)
    errors = {row.claim: row.status for row in verify_write_up(problem)}
    assert errors == {"write-up sign w_2": Status.ERROR, "write-up rule v_1": Status.ERROR, "write-up answer y": Status.ERROR}


@pytest.mark.parametrize("problem_id", sorted(p.id for p in PROBLEMS.values() if isinstance(p, Problem) and p.write_up))
def test_bundled_write_up_declarations_read(problem_id):
    assert verify_write_up(PROBLEMS[problem_id]) == []
