"""The course-sheet problems against independent computation, and the seeds' wrong figures proved wrong.

Every expected value here is computed afresh with plain Python, fractions or mpmath.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest

from derivs import get_problem, load_problems

mpmath.mp.dps = 30


def sigmoid(z):
    return 1 / (1 + mpmath.exp(-z))


def round4(value) -> Fraction:
    return Fraction(int(mpmath.floor(value * 10**4 + mpmath.mpf(1) / 2)), 10**4)


# --- seed 001, question 4: automatic differentiation --------------------------------------------


def test_seed_001_trace_value_v5_and_y_are_wrong():
    v5 = mpmath.mpf(1) / 9 + 36
    y = v5 + mpmath.cos(3)
    assert round4(v5) == Fraction("36.1111") != Fraction("36.0278")
    assert round4(y) == Fraction("35.1211") != Fraction("35.0379")
    assert round4(mpmath.cos(3)) == Fraction("-0.9900") != Fraction("-0.9899")


def test_seed_001_dy_dx1_rounds_to_minus_0_1535_not_0_1534():
    derivative = mpmath.diff(lambda t: 1 / (t + 6) + 36 + mpmath.cos(t), 3)
    assert round4(derivative) == Fraction("-0.1535")
    assert round4(-mpmath.mpf(1) / 81) + round4(-mpmath.sin(3)) == Fraction("-0.1534")  # the seed's rounded sum


def test_seed_001_the_other_figures_are_right():
    assert round4(mpmath.diff(lambda t: 1 / (3 + t) + t**2 + mpmath.cos(3), 6)) == Fraction("11.9877")
    assert round4(mpmath.log(2) + 10 - mpmath.sin(5)) == Fraction("11.6521")
    assert round4(2 - mpmath.cos(5)) == Fraction("1.7163")


# --- seed 004, question 2: backpropagation by hand -------------------------------------------------


def seed_004_network(w3):
    x1, x2, x3, x4 = map(mpmath.mpf, ("0.9", "-1.1", "-0.3", "0.8"))
    w1, w2, w4, w5, w6 = map(mpmath.mpf, ("0.75", "-0.63", "-1.7", "0.8", "-0.2"))
    s3 = sigmoid(x1 * w1 + x2 * w2) * w5 + sigmoid(x3 * w3 + x4 * w4) * w6
    return (mpmath.mpf("0.5") - sigmoid(s3)) ** 2


def test_seed_004_dl_dw3_is_0_0006_and_both_seed_figures_are_wrong():
    gradient = mpmath.diff(seed_004_network, mpmath.mpf("0.24"))
    assert mpmath.almosteq(gradient, mpmath.mpf("0.000622"), rel_eps=1e-3)
    assert round4(gradient) == Fraction("0.0006")
    assert round4(gradient) not in (Fraction("0.0001"),) and abs(gradient - mpmath.mpf("0.00143")) > 5e-4
    assert mpmath.almosteq(sigmoid(mpmath.mpf("1.368")), 1 - mpmath.mpf("0.202943"), abs_eps=1e-6)  # the seed used sigma(-1.368)
    assert abs(0.061818 * 0.249044 * (-0.2) * 0.155620 * (-0.3) - 0.00143) > 1e-3  # its own product is 0.000144


# --- seed 003, question 4 ----------------------------------------------------------------------------


def test_seed_003_counts():
    assert (5 * 5 * 3 + 1) * 96 == 7296
    assert (4 * 4 * 256) ** 2 + 4 * 4 * 256 == 16_781_312
    assert 100_000 * 1_000 == 100_000_000 != 10_000_000  # the seed's 4.3 is off by a factor of 10


def test_lenet5_total_as_counted_in_seed_004():
    layers = [(5 * 5 * 1 + 1) * 6, (5 * 5 * 6 + 1) * 16, 400 * 120 + 120, 120 * 84 + 84, 84 * 10 + 10]
    assert sum(layers) == 61706


def test_seed_004_flops():
    out = (12 + 2 - 4) // 2 + 1
    pooled = out - 3 + 1
    conv_outputs = out * out * 20
    pool = pooled * pooled * 20 * 8
    assert (out, pooled) == (6, 4)
    assert 50 * 16 * 2 * conv_outputs + pool == 1_154_560
    assert (50 * 16 * 2 - 1) * conv_outputs + pool == 1_153_840


# --- convolution --------------------------------------------------------------------------------------


def output_size(n, k, p, s, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


@pytest.mark.parametrize("n, k, p, s", [(n, k, p, s) for n in range(1, 30, 3) for k in range(1, 8) for p in range(0, 3) for s in range(1, 5) if n >= k])
def test_floor_and_seed_ceiling_forms_agree_on_integers(n, k, p, s):
    assert output_size(n, k, p, s) == math.ceil(Fraction(n - k + 1 + 2 * p, s))


def test_every_seed_size_claim_matches_plain_arithmetic():
    problem = get_problem("conv_output_size")
    from problems.conv_output_size import SEED_SIZES

    for name, _, args, size in SEED_SIZES:
        assert output_size(*args) == size, name
        assert problem.claim(name).rhs == size


def test_one_dimensional_convolution_modes():
    a, b = [1, 2, 3, 4], [1, 0, 2]
    full = [sum(a[k] * b[n - k] for k in range(len(a)) if 0 <= n - k < len(b)) for n in range(len(a) + len(b) - 1)]
    assert full == [1, 2, 5, 8, 6, 8]
    assert full[2:4] == [5, 8] and full[1:5] == [2, 5, 8, 6]


def test_two_dimensional_convolution_and_pooling():
    image = [[3, 5, 2, 3], [9, 1, 8, 4], [6, 4, 3, 7], [7, 0, 2, 4]]
    weights = [[-1, 0.5, -2], [2, 0, 1], [0, 1, 1.5]]
    padded = [[0] * 6] + [[0] + row + [0] for row in image] + [[0] * 6]
    out = [[sum(padded[i + a][j + b] * weights[a][b] for a in range(3) for b in range(3)) for j in range(4)] for i in range(4)]
    assert out == [[15.5, 21, 27, 8], [4.5, 30, 9.5, 22.5], [13.5, -6.5, 18, 4], [-5, 6, -12.5, 4.5]]
    pooled = [[sum(out[2 * i + a][2 * j + b] for a in range(2) for b in range(2)) / 4 for j in range(2)] for i in range(2)]
    assert pooled == [[17.75, 16.75], [2, 3.5]]


def test_every_course_problem_has_gradable_parts():
    for problem in load_problems().values():
        assert problem.parts, f"{problem.id} declares no parts"
        assert all(part.question is not None for part in problem.parts), problem.id


GRADED = [
    ("backprop_by_hand.gradient", "0.0006", "correct"),
    ("backprop_by_hand.gradient", "0.0001", "incorrect"),
    ("conv_output_size.s000_layer1", "147", "correct"),
    ("conv_output_size.s000_layer1", "148", "incorrect"),
    ("autodiff_traces.dy_dx1", r"-\frac{1}{81} - \sin(3)", "correct"),
    ("autodiff_traces.dy_dx2", r"12 - \frac{1}{81}", "correct"),
    ("conv1d_modes.valid", r"\begin{pmatrix} 5 & 8 \end{pmatrix}", "correct"),
    ("conv1d_modes.valid", r"\begin{bmatrix} 8 & 5 \end{bmatrix}", "incorrect"),
    ("parameter_counts.lenet5_total", "61706", "correct"),
    ("conv_flops.without_bias", "1153840", "correct"),
    ("conv_dot_shift.valid_length", "n - k + 1", "correct"),
    ("conv_dot_shift.valid_length", "n - k", "incorrect"),
]


@pytest.mark.parametrize("target, answer, verdict", GRADED, ids=[f"{t}:{a}" for t, a, _ in GRADED])
def test_course_parts_are_gradable(target, answer, verdict):
    from derivs.grading import grade_now

    result = grade_now(target, answer)
    assert result.verdict == verdict, result.feedback
    if verdict == "incorrect" and answer.isdigit():
        assert answer in result.feedback and "147" not in result.feedback  # a number's feedback does not give the answer away


def test_seed_002_gradient_descent_iterates_recomputed():
    k = mpmath.mpf("1.702")

    def slope(t):
        return sigmoid(k * t) + k * t * sigmoid(k * t) * (1 - sigmoid(k * t))

    def run(start, rate):
        xs = [mpmath.mpf(start)]
        for _ in range(3):
            xs.append(xs[-1] - rate * slope(xs[-1]))
        return [round4(t) for t in xs[1:]], [round4(t * sigmoid(k * t)) for t in xs[1:]]

    assert run(0, mpmath.mpf("0.1")) == ([Fraction("-0.05"), Fraction("-0.0958"), Fraction("-0.1376")], [Fraction("-0.0239"), Fraction("-0.0440"), Fraction("-0.0608")])
    assert run(0, 1) == ([Fraction("-0.5"), Fraction("-0.6208"), Fraction("-0.6765")], [Fraction("-0.1496"), Fraction("-0.1601"), Fraction("-0.1625")])
    assert run(-3, mpmath.mpf("0.1"))[0] == [Fraction("-2.9975"), Fraction("-2.9951"), Fraction("-2.9926")]
    assert mpmath.almosteq(mpmath.diff(lambda t: t * sigmoid(k * t), mpmath.mpf("0.7")), slope(mpmath.mpf("0.7")))


def test_decision_boundary_coefficients_by_finite_differences():
    import random

    rng = random.Random(3)
    c, w = rng.uniform(-2, 2), [rng.uniform(-2, 2) for _ in range(9)]

    def pre(x1, x2):
        h1 = c * (w[2] * x1 + w[4] * x2 + w[0])
        h2 = c * (w[3] * x1 + w[5] * x2 + w[1])
        return w[7] * h1 + w[8] * h2 + w[6]

    assert pre(1, 0) - pre(0, 0) == pytest.approx(c * (w[7] * w[2] + w[8] * w[3]))
    assert pre(0, 1) - pre(0, 0) == pytest.approx(c * (w[7] * w[4] + w[8] * w[5]))
    assert pre(0, 0) == pytest.approx(c * (w[7] * w[0] + w[8] * w[1]) + w[6])
