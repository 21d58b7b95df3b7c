"""Reading has no shared state: any sequence of answers parsed in one process reads each as it reads alone.

latex2sympy2 kept a module-global after an answer with a differential, and every later parse in
the process failed; these properties would have caught it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivs import get_problem
from derivs.parsing import Context, LatexError, read, read_answer
from test_notation import ROWS

POOL = [text for text, _ in ROWS] + [
    r"\int \frac{dz}{z}", r"\int_0^1 x\,dx", "I don't know", r"\frac{d}{dx}", r"\lim_{x\to 0}", "dx", "d", r"\partial",
    r"1-\tanh^2(x)", r"1-\tanh(x)^2", r"\varphi'(x) = a\varphi(x)(1-\varphi(x))", r"\sigma(2x)", "}{", r"\left(", "$$", "x_",
]
PROBLEMS = [None, get_problem("sigmoid_derivative"), get_problem("softmax_cross_entropy"), get_problem("linear_collapse")]


def outcome(text: str, problem) -> str:
    try:
        reading = read_answer(text, problem) if problem is not None else read(text, Context.free_context())
        return f"ok {reading.sides!r} {reading.relations!r} {reading.notes!r}"
    except LatexError as error:
        return f"error {error}"


ALONE = {}


def alone(text: str, problem) -> str:
    key = (text, problem.id if problem else None)
    if key not in ALONE:
        ALONE[key] = outcome(text, problem)
    return ALONE[key]


answers = st.one_of(st.sampled_from(POOL), st.text(alphabet="\\{}()^_dxyz+-=&$ 0123456789intfrac", max_size=25))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(answers, st.sampled_from(range(len(PROBLEMS)))), min_size=2, max_size=12))
def test_a_sequence_reads_each_answer_as_it_reads_alone(sequence):
    seen = [(text, index, outcome(text, PROBLEMS[index])) for text, index in sequence]
    for text, index, result in seen:
        assert result == alone(text, PROBLEMS[index]), text


@pytest.mark.parametrize("first", [r"\int \frac{dz}{z}", "I don't know", r"\int_0^1 dx"])
def test_a_differential_does_not_poison_later_answers(first):
    problem = get_problem("tanh_sigmoid")
    before = read_answer(r"1-\tanh(x)^2", problem).value
    try:
        read_answer(first, problem)
    except LatexError:
        pass
    assert read_answer(r"1-\tanh(x)^2", problem).value == before
