"""The verifier refutes false claims both ways, shows a witness, and survives broken modules."""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from conftest import DATA
from derivs import CheckOptions, LoadError, Status, check_problems, load_problems, verify_claim
from derivs.numeric import compare_at_points, sample_points
from derivs.model import Scalar
from derivs.symbolic import prove_equal

FALSE = load_problems(DATA / "false_problems")["false_claims"]


@pytest.mark.parametrize("claim", FALSE.claims, ids=lambda c: c.name)
def test_false_claims_are_refuted_both_ways(claim):
    result = verify_claim(FALSE, claim, CheckOptions(budget=5))
    assert result.status is Status.FAIL
    assert not result.symbolic.proved
    assert result.numeric.holds is False
    witness = result.numeric.witness
    assert witness is not None and witness.lhs != witness.rhs
    assert witness.values, "the witness names the point"


def test_dropped_chain_factor_witness_is_a_real_difference():
    """Recompute both sides at the reported point with mpmath: they differ by the factor a."""
    result = verify_claim(FALSE, FALSE.claim("dropped_chain_factor"))
    point = {name: mpmath.mpf(value) for name, value in result.numeric.witness.values}
    x, a = point["x"], point["a"]
    phi = 1 / (1 + mpmath.exp(-a * x))
    true_derivative = mpmath.diff(lambda z: 1 / (1 + mpmath.exp(-a * z)), x)
    claimed = phi * (1 - phi)
    assert not mpmath.almosteq(true_derivative, claimed, rel_eps=1e-6)
    assert mpmath.almosteq(true_derivative / claimed, a)
    assert math.isclose(float(result.numeric.witness.lhs), float(true_derivative), rel_tol=1e-5)


def test_a_wrong_derivation_step_is_caught_and_the_right_one_passes():
    report = check_problems([FALSE], CheckOptions(budget=5))
    steps = {r.claim: r.status for r in report.results if r.claim.startswith("one wrong step")}
    assert steps == {"one wrong step, step 1": Status.PASS, "one wrong step, step 2": Status.FAIL}
    assert report.return_code == 1
    assert report.count(Status.FAIL) == len(FALSE.claims) + 1


def test_a_broken_module_is_an_error_row_and_the_others_are_still_checked():
    problems = load_problems(DATA / "broken_problems")
    assert isinstance(problems["broken"], LoadError)
    assert "NameError" in problems["broken"].message and "broken.py" in problems["broken"].message
    report = check_problems(problems.values())
    statuses = {r.problem: r.status for r in report.results}
    assert statuses == {"broken": Status.ERROR, "good": Status.PASS}
    assert report.return_code == 1


def test_a_claim_true_only_to_25_digits_is_not_passed():
    x = sympy.Symbol("x", real=True)
    claim_lhs, claim_rhs = sympy.exp(x), sympy.exp(x) + sympy.Rational(1, 10**25)
    proof = prove_equal(claim_lhs, claim_rhs, budget=2)
    assert not proof.proved


# --- laws that hold for every input ------------------------------------------------------------

x = sympy.Symbol("x", real=True)


@given(coefficients=st.lists(st.integers(-5, 5), min_size=1, max_size=4), power=st.integers(1, 4))
@settings(max_examples=25, deadline=None)
def test_an_expansion_is_always_proved_equal_to_its_factored_form(coefficients, power):
    polynomial = sum(c * x**k for k, c in enumerate(coefficients))
    proof = prove_equal(sympy.expand(polynomial**power), polynomial**power, budget=5)
    assert proof.proved


@given(shift=st.fractions(min_value=-10, max_value=10).filter(lambda q: abs(q) > sympy.Rational(1, 10**6)))
@settings(max_examples=25, deadline=None)
def test_adding_any_nonzero_constant_is_refuted_numerically(shift):
    expression = sympy.exp(-x) / (1 + x**2)
    points = sample_points([Scalar(x)], {}, 20)
    result = compare_at_points(expression, expression + sympy.Rational(shift.numerator, shift.denominator), points)
    assert result.holds is False and result.witness is not None


# --- rungs of the symbolic ladder: what each proves, and that it proves nothing false ---------------

i, k, K = (sympy.Symbol(name, integer=True, positive=True) for name in ("i", "k", "K"))
j = sympy.Symbol("j", integer=True)
v = sympy.IndexedBase("x")
softmax = lambda n: sympy.exp(v[n]) / sympy.Sum(sympy.exp(v[j]), (j, 1, K))  # noqa: E731


def test_a_kronecker_delta_is_split_into_its_two_cases():
    """p_i(delta_ki - p_k) = p_k(delta_ki - p_i): at k = i both are p_i - p_i^2, elsewhere both -p_i p_k."""
    delta = sympy.KroneckerDelta(k, i)
    proof = prove_equal(softmax(i) * (delta - softmax(k)), softmax(k) * (delta - softmax(i)), budget=5)
    assert proof.proved and "Kronecker" in proof.method


@pytest.mark.parametrize("wrong", [
    lambda delta: softmax(k) * (delta + softmax(i)),  # sign of the second term
    lambda delta: softmax(i) * (1 - softmax(k)),  # delta taken as 1 everywhere
    lambda delta: softmax(k) * (delta - softmax(i)) + delta * softmax(k) ** 2,  # wrong only where k = i
    lambda delta: softmax(k) * (delta - softmax(i)) + (1 - delta) * softmax(i),  # wrong only where k != i
])
def test_a_kronecker_case_split_proves_nothing_false(wrong):
    right = softmax(k) * (sympy.KroneckerDelta(k, i) - softmax(i))
    assert not prove_equal(wrong(sympy.KroneckerDelta(k, i)), right, budget=5).proved


def test_putting_i_for_k_does_not_capture_a_sum_over_k():
    """delta_ki sum_k x_k x_i = delta_ki x_i sum_k x_k: with i put in for k the sum's k must stay a sum index."""
    total = sympy.Sum(v[k] * v[i], (k, 1, K))
    left = sympy.KroneckerDelta(k, i) * total
    assert prove_equal(left, sympy.KroneckerDelta(k, i) * v[i] * sympy.Sum(v[k], (k, 1, K)), budget=5).proved
    assert not prove_equal(left, sympy.KroneckerDelta(k, i) * sympy.Sum(v[k] ** 2, (k, 1, K)), budget=5).proved


def sigmoid(t):
    return 1 / (1 + sympy.exp(-t))


@pytest.mark.parametrize("left, right", [
    (sympy.tanh(x), 2 * sigmoid(2 * x) - 1),
    (1 - sympy.tanh(x) ** 2, 4 * sigmoid(2 * x) * (1 - sigmoid(2 * x))),
    (sympy.sech(x) ** 2, 1 - sympy.tanh(x) ** 2),
    (sigmoid(x), (1 + sympy.tanh(x / 2)) / 2),
    ((sympy.exp(x / 3) + 1) ** 3, sympy.exp(x) + 3 * sympy.exp(2 * x / 3) + 3 * sympy.exp(x / 3) + 1),
    (sigmoid(x) * (1 - sigmoid(x)), 1 / (4 * sympy.cosh(x / 2) ** 2)),
])
def test_exponential_atoms_prove_hyperbolic_and_scaled_exponentials(left, right):
    proof = prove_equal(left, right, budget=5)
    assert proof.proved and proof.method == "exponential atoms"


@pytest.mark.parametrize("left, right", [
    (sympy.tanh(x), 2 * sigmoid(x) - 1),  # the chain factor 2 dropped inside
    (sympy.tanh(x), sigmoid(2 * x) - 1),
    (sympy.exp(x / 2) ** 2, sympy.exp(2 * x)),
    (sympy.exp(x + 1), sympy.E * sympy.exp(2 * x)),
    (sympy.cosh(x), sympy.exp(x) / 2),
])
def test_exponential_atoms_prove_nothing_false(left, right):
    assert not prove_equal(left, right, budget=5).proved
