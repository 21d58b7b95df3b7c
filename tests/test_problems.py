"""Every claim, derivation step and part of every bundled problem holds, both ways.

Parametrized over discovery, so a new problem module is tested with no new test code.
"""

from __future__ import annotations

import pytest

from derivs import LoadError, Problem, Status, load_problems

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
