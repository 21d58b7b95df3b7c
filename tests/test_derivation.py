"""The derivation checker: structure (blocks, lines, chains) and the seed students' real derivations.

Which lines of the seeds are right or wrong was worked out by hand; witnesses are re-checked
with mpmath.
"""

from __future__ import annotations

import json

import mpmath
import pytest

from conftest import DATA, run_cli
from derivs import get_problem
from derivs.derivation import check_derivation, check_derivation_now, find_steps
from derivs.grading import grade_now

SEEDS = DATA / "derivations"


def pairs(text):
    return [(s.lhs, s.rhs) for s in find_steps(text)]


# --- structure ------------------------------------------------------------------------------------

STRUCTURES = [
    (r"$$a = b = c$$", [("a", "b"), ("b", "c")]),
    (r"\begin{align*} f &= g \\ &= h \end{align*}", [("f", "g"), ("g", "h")]),
    (r"\begin{align} f &= g \tag{1} \\ &= h \quad (2) \end{align}", [("f", "g"), ("g", "h")]),
    (r"\[ f = g \text{ by the chain rule} \]", [("f", "g")]),
    (r"\begin{equation} f \xrightarrow{c \text{ is scalar}} g \end{equation}", [("f", "g")]),
    (r"\begin{gather} f \overset{(i)}{=} g \end{gather}", [("f", "g")]),
    (r"$$\left. f \right. = g$$", [(r"\left. f \right.", "g")]),
    (r"$$\begin{aligned} f &= g \end{aligned}$$ and $$= h$$", [("f", "g"), ("g", "h")]),
    (r"$$2x + 1 = 5 \Rightarrow x = 2$$", [("2x + 1", "5"), ("2x + 1 = 5", "x = 2")]),
    ("no display maths, only $x = 1$ inline", []),
]


@pytest.mark.parametrize("text, expected", STRUCTURES, ids=[t[:30] for t, _ in STRUCTURES])
def test_steps_are_found_in_reading_order(text, expected):
    assert pairs(text) == expected


def test_steps_are_numbered_from_one_with_their_source_line():
    steps = find_steps("first\n$$a = b$$\n\n\\begin{align*}\nc &= d \\\\\n  &= e\n\\end{align*}")
    assert [s.index for s in steps] == [1, 2, 3]
    assert [s.line for s in steps] == [2, 5, 6]


def test_implication_between_equations():
    steps = check_derivation_now(r"$$2x + 1 = 5 \Rightarrow x = 2$$").steps
    assert [(s.kind, s.verdict) for s in steps] == [("equal", "definition"), ("implies", "valid")]  # an equation to solve, then its solution
    weaker = check_derivation_now(r"$$x^2 = 4 \implies x = 2$$").steps
    assert weaker[-1].kind == "implies" and weaker[-1].verdict == "undecided"


def test_a_first_line_definition_fixes_a_name():
    text = r"\begin{align*} f(x) &= x^2 + 1 \\ f(x) &= (x+1)^2 - 2x \\ f(2) &= 6 \end{align*}"
    verdicts = [s.verdict for s in check_derivation_now(text).steps]
    assert verdicts == ["definition", "valid", "invalid"]  # f(2) = 5


def test_unreadable_and_hostile_steps_get_a_verdict_not_a_crash():
    text = r"$$x = \frac{1}{$$ $$2^{2^{2^{2^{100}}}} = 1$$ $$a + 0 = a$$"
    report = check_derivation(text, timeout=1.0)
    assert [s.verdict for s in report.steps] == ["unparsed", "unparsed", "valid"]
    assert report.first_error is None


# --- the seed homework ------------------------------------------------------------------------------


def seed(name):
    return (SEEDS / name).read_text(encoding="utf-8")


def test_seed_000_sigmoid_derivative_every_step_valid():
    report = check_derivation_now(seed("seed000_sigmoid.tex"), get_problem("sigmoid_derivative"))
    assert len(report.steps) == 10
    assert all(s.verdict == "valid" for s in report.steps), [(s.index, s.verdict, s.feedback) for s in report.steps]
    assert report.steps[-1].lhs == r"\varphi'(0)" and report.steps[-1].rhs == r"\frac{a}{4}"
    assert report.first_error is None


def test_seed_000_without_a_problem_takes_the_first_line_as_the_definition():
    report = check_derivation_now(seed("seed000_sigmoid.tex"))
    assert report.steps[0].verdict == "definition"
    assert all(s.verdict == "valid" for s in report.steps[1:])


def test_seed_001_softmax_translation_invariance_chain_is_valid():
    report = check_derivation_now(seed("seed001_softmax_shift.tex"), get_problem("softmax_shift"))
    assert len(report.steps) == 6
    assert all(s.verdict == "valid" for s in report.steps), [(s.index, s.verdict, s.feedback) for s in report.steps]


def test_seed_001_sigma_through_tanh_and_its_parameter_map_are_flagged():
    report = check_derivation_now(seed("seed001_tanh_map.tex"), get_problem("tanh_sigmoid"))
    verdicts = [s.verdict for s in report.steps]
    assert verdicts == ["valid", "valid", "valid", "invalid", "invalid", "valid"]
    assert report.first_error == 4
    witness = report.steps[3].witness
    x = mpmath.mpf(dict(witness["values"])["x"])
    sigma, claimed = 1 / (1 + mpmath.exp(-x)), mpmath.tanh(x / 2 + 1) / 2
    assert float(witness["lhs"]) == pytest.approx(float(sigma), rel=1e-5)
    assert float(witness["rhs"]) == pytest.approx(float(claimed), rel=1e-5)


def test_seed_004_tanh_derivative_wrong_line_found_and_right_lines_accepted():
    report = check_derivation_now(seed("seed004_tanh_derivative.tex"), get_problem("tanh_sigmoid"))
    steps = {s.index: s for s in report.steps}
    assert report.first_error == 4  # into the line with 2e^{-4x}e^{-2x}: the product is -2e^{-4x}
    assert [steps[n].verdict for n in (1, 2, 3)] == ["valid"] * 3
    assert [steps[n].verdict for n in (8, 9)] == ["valid", "valid"]
    # the lines 4e^{-2x}/(1+e^{-2x})^2 and 4((1+e^{-2x})/(...)^2 - 1/(...)^2) are right again
    assert steps[5].matches_start is True and steps[7].matches_start is True
    # the two lines that are wrong in themselves
    assert steps[4].matches_start is False and steps[6].matches_start is False


def test_seed_004_linear_collapse_chain_drops_a_transpose():
    report = check_derivation_now(seed("seed004_linear_collapse.tex"), get_problem("linear_collapse"))
    assert report.steps[0].verdict == "definition"  # A_2 = ... names the output
    assert report.first_error == 2  # W_0^T in the network became W_0 in the expansion


def test_seed_002_softmax_derivative_is_valid():
    report = check_derivation_now(seed("seed002_softmax_derivative.tex"), get_problem("softmax_shift"))
    assert len(report.steps) == 5
    assert all(s.verdict == "valid" for s in report.steps), [(s.index, s.verdict, s.feedback) for s in report.steps]


def test_seed_002_cross_entropy_sign_slip_is_the_first_error():
    """Eq. (18) across a line break: -sum y_k(1{k=i} - p_i) is p_i - y_i, but the seed's next line is -p_i - y_i."""
    report = check_derivation_now(seed("seed002_cross_entropy.tex"), get_problem("softmax_cross_entropy"))
    verdicts = [s.verdict for s in report.steps]
    assert verdicts == ["valid", "valid", "valid", "invalid", "invalid"], [(s.index, s.verdict, s.feedback) for s in report.steps]
    assert report.first_error == 4
    wrong = report.steps[3]
    assert "1\\{k = i\\} - p_i)" in wrong.lhs and "y_k p_i" in wrong.rhs  # the link across "= \\ &="


# --- interfaces -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_json_and_exit_status():
    run = run_cli("proof", str(SEEDS / "seed004_tanh_derivative.tex"), "--problem", "tanh_sigmoid", "--json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["first_error"] == 4
    assert set(report["steps"][0]) >= {"index", "line", "lhs", "rhs", "verdict", "feedback"}
    good = run_cli("proof", str(SEEDS / "seed000_sigmoid.tex"), "--problem", "sigmoid_derivative")
    assert good.returncode == 0 and "every step is valid" in good.stdout
    missing = run_cli("proof", "nowhere.tex")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_a_derivation_part_is_gradable():
    right = grade_now("sigmoid_derivative.derivation", seed("seed000_sigmoid.tex").split("Value of")[0])
    assert right.verdict == "correct"
    wrong = grade_now("sigmoid_derivative.derivation", r"$$\frac{d\varphi}{dx} = \frac{e^{-ax}}{(1+e^{-ax})^2} = \varphi(x)(1-\varphi(x))$$")
    assert wrong.verdict == "incorrect" and "step 1" in wrong.feedback


NUMBERS_AS_WRITTEN = [  # (step, valid?): the right side is a rounded decimal, judged to the places shown
    (r"\frac{1}{1 + e^{-1.368}} = 0.797057", True),  # 1/(1+e^-1.368) = 0.7970570...
    (r"\frac{1}{1 + e^{-1.368}} = 0.202943", False),  # that is 1 - sigma(1.368)
    (r"\sigma(1.368) \approx 0.7971", True),
    (r"\cos 3 = -0.9899", False),  # cos 3 = -0.98999..., -0.9900 to 4 places (seed 001's table)
    (r"\cos 3 \approx -0.9900", True),
    (r"\frac{1}{9} + 36 = 36.1111", True),
    (r"\frac{1}{9} + 36 = 36.0278", False),  # seed 001's v5
    (r"0.202943 \cdot 0.8 = 0.162354", True),  # 0.1623544
    (r"(0.9)(0.75) + (-1.1)(-0.63) = 1.368", True),  # exact
    (r"0.1 \cdot 3 = 0.3", True),
]


@pytest.mark.parametrize("line, valid", NUMBERS_AS_WRITTEN, ids=[l for l, _ in NUMBERS_AS_WRITTEN])
def test_a_decimal_is_judged_to_the_digits_shown(line, valid):
    (step,) = check_derivation_now(f"$${line}$$", get_problem("tanh_sigmoid")).steps
    assert step.verdict == ("valid" if valid else "invalid"), step.feedback
    if not valid:
        assert "written" in step.feedback and "places" in step.feedback


def test_rounding_of_the_decimals_on_the_left_widens_the_tolerance():
    # 1.368 is itself rounded (to 3 places): sigma moves by up to 0.5e-3 * sigma' = 8e-5, so 0.7970 and 0.7971 both pass
    (step,) = check_derivation_now(r"$$\sigma(1.368) = 0.79706$$", get_problem("tanh_sigmoid")).steps
    assert step.verdict == "valid"
    (wrong,) = check_derivation_now(r"$$\sigma(1.368) = 0.7975$$", get_problem("tanh_sigmoid")).steps
    assert wrong.verdict == "invalid"


def test_an_approximation_without_a_decimal_is_not_called_wrong():
    (step,) = check_derivation_now(r"$$\tanh(x) \approx x$$", get_problem("tanh_sigmoid")).steps
    assert step.verdict == "undecided" and "approximation" in step.feedback


def test_a_write_up_carries_given_and_computed_values_forward():
    """tests/data/writeups/backprop_by_hand.md, worked by hand:
    Sigma_1 = 1.2*0.5 + 0.7*0.4 = 0.88; sigma(0.88) = 0.70682 -> 0.7068 (right);
    Sigma_2 = 0.7068*0.3 = 0.21204 -> 0.2120 (right); sigma(0.2120) = 0.55280, written 0.4472 (slip: 1 - 0.5528);
    0.7068*0.9 = 0.63612, written 0.6362: within half a unit plus the rounding of the 0.7068 written on the
    left (0.00005 * 0.9), so valid by the rule for rounded decimals;
    h_1 w_3 + h_1 w_4 with h_1 = 0.7068 as written = 0.84816 -> 0.8482, written 0.8481 (slip)."""
    text = (DATA / "writeups" / "backprop_by_hand.md").read_text(encoding="utf-8")
    steps = check_derivation_now(text).steps
    by_line = {(s.lhs, s.rhs): s for s in steps}
    assert by_line[("(1.2)(0.5) + (-0.7)(-0.4)", "0.88")].verdict == "valid"
    assert by_line[(r"\frac{1}{1 + e^{-\Sigma_1}}", "0.7068")].verdict == "valid"
    assert by_line[("h_1 w_3", "(0.7068)(0.3)")].verdict == "valid"  # h_1 is the value written above
    slip = by_line[(r"\frac{1}{1 + e^{-\Sigma_2}}", "0.4472")]
    assert slip.verdict == "invalid" and "0.4472 written, 0.5528 to 4 places" in slip.feedback
    assert by_line[("(0.7068)(0.9)", "0.6362")].verdict == "valid"
    assert by_line[("h_1 w_3 + h_1 w_4", "0.8481")].verdict == "invalid"
    given = [s for s in steps if s.verdict == "definition" and s.feedback.startswith("given")]
    assert len(given) == 2  # the weights, and the input from inline math
    assert by_line[(r"\hat{y}", r"\sigma(\Sigma_2)")].verdict == "definition"  # the label \hat{y} : names the chain
