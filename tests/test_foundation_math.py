"""The five foundation claims checked independently of the engine, with plain mpmath.

Expected values are the mathematics: finite differences, direct sums, explicit matrices.
"""

from __future__ import annotations

import random

import mpmath
import pytest
from hypothesis import given, settings, strategies as st

from derivs import get_problem

mpmath.mp.dps = 30
reals = st.floats(min_value=-4, max_value=4, allow_nan=False)


def logistic(z, slope=1):
    return 1 / (1 + mpmath.exp(-slope * z))


@given(x=reals, a=st.floats(min_value=0.1, max_value=5))
@settings(max_examples=40, deadline=None)
def test_sigmoid_derivative_by_finite_differences(x, a):
    x, a = mpmath.mpf(x), mpmath.mpf(a)
    numeric = mpmath.diff(lambda z: logistic(z, a), x)
    assert mpmath.almosteq(numeric, a * logistic(x, a) * (1 - logistic(x, a)), rel_eps=1e-12, abs_eps=1e-25)


def test_sigmoid_derivative_at_zero_is_a_quarter_of_a():
    for a in (0.5, 1, 3):
        assert mpmath.almosteq(mpmath.diff(lambda z: logistic(z, a), 0), mpmath.mpf(a) / 4)


@given(x=reals)
@settings(max_examples=40, deadline=None)
def test_tanh_and_sigmoid_identities(x):
    x = mpmath.mpf(x)
    s2 = logistic(2 * x)
    assert mpmath.almosteq(mpmath.tanh(x), 2 * s2 - 1, abs_eps=1e-25)
    assert mpmath.almosteq(logistic(x), (1 + mpmath.tanh(x / 2)) / 2, abs_eps=1e-25)
    assert mpmath.almosteq(mpmath.diff(mpmath.tanh, x), 4 * s2 * (1 - s2), abs_eps=1e-12)


def softmax(v):
    total = mpmath.fsum(mpmath.exp(e) for e in v)
    return [mpmath.exp(e) / total for e in v]


@given(v=st.lists(reals, min_size=2, max_size=6), c=reals)
@settings(max_examples=40, deadline=None)
def test_softmax_translation_invariance_and_reduction(v, c):
    v, c = [mpmath.mpf(e) for e in v], mpmath.mpf(c)
    base = softmax(v)
    assert all(mpmath.almosteq(p, q, abs_eps=1e-25) for p, q in zip(base, softmax([e + c for e in v])))
    assert all(mpmath.almosteq(p, q, abs_eps=1e-25) for p, q in zip(base, softmax([e - v[0] for e in v])))
    assert all(mpmath.almosteq(p, mpmath.mpf(1) / len(v)) for p in softmax([0 * e for e in v]))
    if len(v) == 2:
        assert mpmath.almosteq(base[0], logistic(v[0] - v[1]), abs_eps=1e-25)


def test_softmax_hardens_to_one_hot_argmax():
    v = [0.3, 1.7, -0.2]
    hard = softmax([1000 * e for e in v])
    assert mpmath.almosteq(hard[1], 1) and hard[0] < 1e-100 and hard[2] < 1e-100


def matmul(p, q):
    return [[sum(p[r][k] * q[k][c] for k in range(len(q))) for c in range(len(q[0]))] for r in range(len(p))]


def matadd(p, q):
    return [[p[r][c] + q[r][c] for c in range(len(p[0]))] for r in range(len(p))]


def random_matrix(rng, rows, cols):
    return [[rng.randint(-9, 9) for _ in range(cols)] for _ in range(rows)]


@pytest.mark.parametrize("shape", [(1, 2, 3), (3, 2, 1), (4, 4, 2)])
def test_two_linear_layers_are_one(shape):
    rng = random.Random(sum(shape))
    n0, n1, n2 = shape
    x, W1, b1 = random_matrix(rng, n0, 1), random_matrix(rng, n1, n0), random_matrix(rng, n1, 1)
    W2, b2 = random_matrix(rng, n2, n1), random_matrix(rng, n2, 1)
    network = matadd(matmul(W2, matadd(matmul(W1, x), b1)), b2)
    collapsed = matadd(matmul(matmul(W2, W1), x), matadd(matmul(W2, b1), b2))
    assert network == collapsed


def test_products_of_layers_do_not_commute():
    W1, W2 = [[1, 2], [0, 1]], [[1, 0], [3, 1]]
    assert matmul(W2, W1) != matmul(W1, W2)


def test_relu_derivative_and_heaviside():
    relu = lambda z: max(mpmath.mpf(0), z)
    for z in (-2.5, -0.1, 0.1, 3):
        assert mpmath.diff(relu, z) == (1 if z > 0 else 0)
    h = mpmath.mpf("1e-20")
    assert (relu(h) - relu(0)) / h == 1 and (relu(-h) - relu(0)) / -h == 0
    for z in (-3, 0, 2):
        heaviside = 1 if z > 0 else (mpmath.mpf(1) / 2 if z == 0 else 0)
        assert relu(mpmath.mpf(z)) == z * heaviside
        assert mpmath.almosteq(logistic(z, 10**6), heaviside, abs_eps=1e-20)
        assert mpmath.almosteq(mpmath.quad(lambda t: 1 if t > 0 else 0, [-50, 0, max(z, 0)]) if z > 0 else 0, relu(z))


def test_reference_answers_match_the_independent_values():
    """The modules' boxed answers, evaluated here, agree with the mpmath values above."""
    import sympy

    sigmoid = get_problem("sigmoid_derivative")
    x, a = sorted(sigmoid.part("derivative").answer.free_symbols, key=str)[::-1]
    answer = sigmoid.expand_definitions(sigmoid.part("derivative").answer)
    value = answer.subs({x: sympy.Rational(3, 10), a: 2}).evalf(30)
    assert mpmath.almosteq(mpmath.mpf(str(value)), mpmath.diff(lambda z: logistic(z, 2), mpmath.mpf(3) / 10), rel_eps=1e-20)
    zero = get_problem("softmax_shift").part("zero_scale").answer
    assert zero.subs(dict.fromkeys(zero.free_symbols, 5)) == sympy.Rational(1, 5)
