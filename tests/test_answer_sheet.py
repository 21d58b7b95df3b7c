"""The answer sheet asks each part's full question: the problem's setting and data before its parts, then
the prompt; and it never gives a part's answer away (a formula on the sheet equal to the answer)."""

from __future__ import annotations

import re

import pytest

from derivs import Problem, load_problems, read_answer
from derivs.autograder import answer_sheet, load_assignment
from derivs.equivalence import decide
from derivs.lexer import LatexError

PROBLEMS = {pid: p for pid, p in load_problems().items() if isinstance(p, Problem)}
PARTS = [f"{pid}.{part.name}" for pid, p in sorted(PROBLEMS.items()) for part in p.parts if part.kind == "expression"]


def sheet(*targets: str) -> str:
    return answer_sheet(load_assignment(parts=list(targets)))


@pytest.mark.parametrize(("target", "data"), [
    ("conv1d_modes.valid", ["[1, 2, 3, 4]", "[1, 0, 2]"]),  # issue 25: "the valid convolution, as a row vector" and nothing else
    ("backprop_by_hand.gradient", ["0.75, -0.63, 0.24, -1.7, 0.8, -0.2", "0.9, -1.1, -0.3, 0.8", "y = 0.5"]),
    ("conv2d_pooling.average_pool", [r"3 & 5 & 2 & 3 \\ 9 & 1 & 8 & 4", r"-1 & \frac{1}{2} & -2"]),
    ("parameter_counts.lenet5_total", ["C1 six", r"$400 \to 120$"]),
    ("conv_output_size.s001_q6_last", ["$256\\times256$", "stride 1 and padding 1 (its last layer)"]),
])
def test_the_sheet_prints_the_data_a_part_needs(target, data):
    text = sheet(target)
    assert all(piece in text for piece in data), [piece for piece in data if piece not in text]


def test_the_setting_is_printed_once_for_consecutive_parts_of_one_problem():
    text = sheet("tanh_sigmoid.tanh_via_sigmoid", "tanh_sigmoid.tanh_derivative", "sigmoid_derivative.derivative")
    assert text.count(r"Let $\sigma(x) = \frac{1}{1+e^{-x}}$") == 1 and r"Let $\varphi(x)" in text


_MATH = re.compile(r"\$([^$]+)\$")


@pytest.mark.parametrize("target", PARTS)
def test_the_sheet_does_not_give_the_answer_away(target):
    """No side of a formula the sheet prints for a part equals that part's answer."""
    problem_id, name = target.split(".")
    problem, part = PROBLEMS[problem_id], PROBLEMS[problem_id].part(name)
    text = sheet(target)
    setting = text[text.index(r"\subsection*") : text.index(r"\begin{answer}")]
    for formula in _MATH.findall(setting):
        try:
            sides = read_answer(formula, problem).sides
        except (LatexError, Exception):  # a formula of the setting outside the part's notation says nothing here
            continue
        for side in sides if len(sides) > 1 else ():
            try:
                same = decide(problem, side, part.answer, part.where, budget=0.5).verdict == "equal"
            except Exception:
                continue
            assert not same, f"{target}: the sheet prints ${formula}$, which states the answer"


def test_the_giveaway_check_can_fail():
    """The statement of tanh_sigmoid says tanh'(x) = 4σ(2x)(1 - σ(2x)): printed, it would give the answer."""
    problem = PROBLEMS["tanh_sigmoid"]
    formula = _MATH.findall(problem.statement)[-1]
    sides = read_answer(formula, problem).sides
    assert any(decide(problem, side, problem.part("tanh_derivative").answer, {}, budget=0.5).verdict == "equal" for side in sides[1:])
