"""The course-sheet problems against independent computation, and the seeds' wrong figures proved wrong.

Every expected value here is computed afresh with plain Python, fractions or mpmath.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest
import sympy

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
    ("softmax_cross_entropy.softmax_derivative", r"p_k(1\{k=i\} - p_i)", "correct"),
    ("softmax_cross_entropy.softmax_derivative", r"p_k\delta_{ki} - p_k p_i", "correct"),
    ("softmax_cross_entropy.softmax_derivative", r"p_k(1 - p_i)", "incorrect"),
    ("softmax_cross_entropy.same_index", r"p_i - p_i^2", "correct"),
    ("softmax_cross_entropy.cross_entropy_gradient", r"p_i - y_i", "correct"),
    ("softmax_cross_entropy.cross_entropy_gradient", r"-p_i - y_i", "incorrect"),
    ("sigmoid_tanh_network.first_layer", r"\frac12 \omega^{(1)}_{ji}", "correct"),
    ("sigmoid_tanh_network.second_layer", r"\omega^{(2)}_{kj}", "incorrect"),
    ("sigmoid_tanh_network.output_bias", r"\omega^{(2)}_{k0} + \frac{1}{2}\sum_j \omega^{(2)}_{kj}", "correct"),
    ("sigmoid_tanh_network.output_bias", r"\omega^{(2)}_{k0}", "incorrect"),
    ("logistic_output.slope_from_output", r"\sigma(z)(1-\sigma(z))", "correct"),
    ("logistic_output.weight_gradient", r"(\hat y - t)\hat y(1 - \hat y)x_i", "correct"),
    ("logistic_output.weight_gradient", r"(\hat y - t)x_i", "incorrect"),
    ("logistic_output.max_slope", r"\frac14", "correct"),
    ("two_layer_backprop.output_delta", r"o_1 - y_1", "correct"),
    ("two_layer_backprop.hidden_slope", r"\alpha_1(1-\alpha_1)", "correct"),
    ("two_layer_backprop.hidden_slope", r"\alpha_1", "incorrect"),
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


# --- seed 002, section 3: softmax, cross-entropy and backprop ------------------------------------


def softmax(values):
    total = sum(mpmath.exp(v) for v in values)
    return [mpmath.exp(v) / total for v in values]


def test_softmax_derivative_by_finite_differences():
    logits = [mpmath.mpf("0.3"), mpmath.mpf("-1.2"), mpmath.mpf("2.0"), mpmath.mpf("0.7")]
    p = softmax(logits)
    for k in range(4):
        for i in range(4):
            bumped = lambda h: softmax([v + (h if n == i else 0) for n, v in enumerate(logits)])[k]  # noqa: E731
            assert abs(mpmath.diff(bumped, 0) - p[k] * ((1 if k == i else 0) - p[i])) < mpmath.mpf("1e-20")


def test_seed_002_cross_entropy_line_has_the_wrong_sign():
    """Eq. (18): -sum y_k p_i - sum y_k 1{k=i} is -p_i - y_i, not the p_i - y_i the seed concludes."""
    logits, label = [mpmath.mpf("0.5"), mpmath.mpf("1.5"), mpmath.mpf("-0.5")], [0, 1, 0]
    p = softmax(logits)
    for i in range(3):
        loss = lambda h: -sum(y * mpmath.log(softmax([v + (h if n == i else 0) for n, v in enumerate(logits)])[k]) for k, y in enumerate(label))  # noqa: E731
        gradient = mpmath.diff(loss, 0)
        assert abs(gradient - (p[i] - label[i])) < mpmath.mpf("1e-20")
        seed_line = -sum(y * p[i] for y in label) - label[i]
        assert abs(seed_line - gradient) > mpmath.mpf("0.1")


def random_network(rng, inputs, hidden, classes):
    draw = lambda rows, cols: mpmath.matrix([[mpmath.mpf(rng.uniform(-2, 2)) for _ in range(cols)] for _ in range(rows)])  # noqa: E731
    return draw(1, inputs), draw(inputs, hidden), draw(1, hidden), draw(hidden, classes), draw(1, classes)


def network_loss(x, W1, b1, W2, b2, labels):
    alpha = (x * W1 + b1).apply(sigmoid)
    o = softmax(list(alpha * W2 + b2))
    return -sum(y * mpmath.log(o_k) for y, o_k in zip(labels, o)), alpha, o


def test_seed_002_input_gradient_needs_transposes_and_an_elementwise_slope():
    import random

    rng = random.Random(7)
    x, W1, b1, W2, b2 = random_network(rng, 2, 3, 3)
    labels = [mpmath.mpf("0.2"), mpmath.mpf("0.5"), mpmath.mpf("0.3")]
    _, alpha, o = network_loss(x, W1, b1, W2, b2, labels)
    numeric = [
        mpmath.diff(lambda h: network_loss(x + mpmath.matrix([[h if n == d else 0 for n in range(2)]]), W1, b1, W2, b2, labels)[0], 0)
        for d in range(2)
    ]
    delta = mpmath.matrix([[o[k] - labels[k] for k in range(3)]]) * W2.T
    hidden = mpmath.matrix([[delta[j] * alpha[j] * (1 - alpha[j]) for j in range(3)]])
    right = hidden * W1.T
    assert all(abs(right[d] - numeric[d]) < mpmath.mpf("1e-15") for d in range(2))
    # The seed's (o - y) W_2 sigma'(f_1) W_1, with sigma' as a matrix product, is defined only when K = M = D:
    seed = (mpmath.matrix([[o[k] - labels[k] for k in range(3)]]) * W2) * mpmath.diag([alpha[j] * (1 - alpha[j]) for j in range(3)])
    with pytest.raises(ValueError):
        seed * W1  # (1 x 3) times (2 x 3): the shapes do not even match
    problem = get_problem("two_layer_backprop")
    assert any("(22)" in note.text for note in problem.notes)


# --- seed 001, question 3: sigmoid and tanh networks ------------------------------------------------


def two_layer(x, first, second, activation):
    """y_k = sum_j second[k][j] act(sum_i first[j][i] x_i + first[j][0]) + second[k][0], x indexed from 1."""
    hidden = [activation(sum(row[i] * x[i] for i in range(1, len(x))) + row[0]) for row in first]
    return [sum(w * h for w, h in zip(out[1:], hidden)) + out[0] for out in second]


def test_exact_map_makes_random_networks_equal_and_the_seed_identity_does_not():
    import random

    rng = random.Random(11)
    for inputs, hidden, outputs in [(1, 1, 1), (2, 3, 2), (4, 5, 3)]:
        x = [None] + [mpmath.mpf(rng.uniform(-3, 3)) for _ in range(inputs)]
        first = [[mpmath.mpf(rng.uniform(-2, 2)) for _ in range(inputs + 1)] for _ in range(hidden)]
        second = [[mpmath.mpf(rng.uniform(-2, 2)) for _ in range(hidden + 1)] for _ in range(outputs)]
        exact_first = [[w / 2 for w in row] for row in first]
        exact_second = [[row[0] + sum(row[1:]) / 2] + [w / 2 for w in row[1:]] for row in second]
        seed_first = [[row[0] / 2 + 1] + [w / 2 for w in row[1:]] for row in first]
        seed_second = [[row[0]] + [w / 2 for w in row[1:]] for row in second]
        target = two_layer(x, first, second, sigmoid)
        exact = two_layer(x, exact_first, exact_second, mpmath.tanh)
        seed = two_layer(x, seed_first, seed_second, mpmath.tanh)
        assert all(abs(a - b) < mpmath.mpf("1e-25") for a, b in zip(target, exact))
        assert all(abs(a - b) > mpmath.mpf("1e-3") for a, b in zip(target, seed))


def test_the_verifier_refutes_the_seed_identity_network():
    import problems.sigmoid_tanh_network as module
    from derivs import Claim, Status, verify_claim

    seed_net = module.network(module.tanh, module.seed_first, module.seed_second)
    result = verify_claim(module.PROBLEM, Claim("seed_map", "seed 001's map", module.sigmoid_net, seed_net))
    assert result.status is Status.FAIL and not result.symbolic.proved
    witness = dict(result.numeric.witness.values)
    assert {"D", "M", "k"} <= set(witness)


# --- seed 004, questions 5 and 6: a logistic unit's output ---------------------------------------


def test_logistic_slope_from_the_output_alone():
    for z in (mpmath.mpf("-3.5"), mpmath.mpf("0"), mpmath.mpf("1.25")):
        output = sigmoid(z)
        assert abs(mpmath.diff(sigmoid, z) - output * (1 - output)) < mpmath.mpf("1e-25")
    slopes = [mpmath.diff(sigmoid, mpmath.mpf(z) / 10) for z in range(-60, 61)]
    assert max(slopes) == mpmath.diff(sigmoid, 0) and abs(max(slopes) - mpmath.mpf(1) / 4) < mpmath.mpf("1e-25")


def test_ranges_of_sigma_and_tanh():
    samples = [mpmath.mpf(z) / 4 for z in range(-100, 101)]  # to 25, where tanh is 1 - 4e-22 at 30 digits
    assert all(0 < sigmoid(z) < 1 and -1 < mpmath.tanh(z) < 1 for z in samples)
    assert 1 - sigmoid(50) < mpmath.mpf("1e-20") and sigmoid(-50) < mpmath.mpf("1e-20")


@pytest.mark.parametrize(
    "values, expected_detail",
    [(sympy.Interval.open(0, sympy.Rational(1, 2)), "outside"), (sympy.Interval.open(-1, 1), "narrower")],
    ids=["too-small", "too-wide"],
)
def test_a_wrong_range_claim_is_refuted(values, expected_detail):
    from derivs import Claim, Status, verify_claim

    problem = get_problem("logistic_output")
    z = sympy.Symbol("z", real=True)
    result = verify_claim(problem, Claim("wrong_range", "a wrong range", sympy.Function("sigma")(z), values))
    assert result.status is Status.FAIL and not result.symbolic.proved
    assert expected_detail in result.numeric.detail


# --- every part: the key's own boxed answer, pasted back, is graded correct --------------------------


def _expression_parts():
    return [(pid, part) for pid, problem in load_problems().items() for part in problem.parts if part.kind == "expression"]


@pytest.mark.parametrize("problem_id, part", _expression_parts(), ids=lambda value: getattr(value, "name", value))
def test_the_keys_printed_answer_grades_as_correct(problem_id, part):
    """A TA pasting from the key (sympy's printer: \\sigma{\\left(z \\right)}, {x}_{i}) must not be marked wrong."""
    from derivs.grading import grade_now
    from derivs.keys import Typesetter

    problem = get_problem(problem_id)
    printed = Typesetter(problem).tex(part.answer)  # as the key prints it: the author's forms, then sympy's printer
    result = grade_now(f"{problem_id}.{part.name}", printed, 5.0)
    assert result.verdict == "correct", (printed, result.feedback)
