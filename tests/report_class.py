"""A class of 60 students x 5 parts (300 rows) whose answer groups were worked out by hand.

Each group is one piece of mathematics written at least three ways (the invalid group: one text with
its spacing varied, since an unreadable answer can only be grouped by its text). Why the members of each
group are equal, with phi = 1/(1 + e^{-ax}) (so phi(1 - phi) = e^{-ax}/(1 + e^{-ax})^2) and
sech^2 = 1/cosh^2 = 1 - tanh^2 = 4 sigma(2x)(1 - sigma(2x)); the prompts ask for phi' in terms of phi
and tanh' in terms of sigma, so the same value written otherwise is right (correct) but a group of its own, apart from
the answers in the form asked:
"""

from __future__ import annotations

# target -> [(label, verdict, notations, students in the group)]; students per part add up to 60
GROUPS = {
    "sigmoid_derivative.derivative": [
        ("right", "correct", [r"a\varphi(x)(1-\varphi(x))", r"a\varphi(x) - a\varphi(x)^2", r"a(\varphi(x) - \varphi(x)^2)"], 30),
        ("not in phi", "correct", [r"\frac{a e^{-ax}}{(1+e^{-ax})^2}", r"\frac{a}{4\cosh^2(ax/2)}", r"\frac{a}{(e^{ax/2}+e^{-ax/2})^2}"], 8),  # = phi', correct, not as asked
        ("no a", "incorrect", [r"\varphi(x)(1-\varphi(x))", r"\frac{e^{-ax}}{(1+e^{-ax})^2}", r"\varphi(x) - \varphi(x)^2"], 10),  # phi'/a
        ("sign", "incorrect", [r"-a\varphi(x)(1-\varphi(x))", r"a\varphi(x)^2 - a\varphi(x)", r"-\frac{a e^{-ax}}{(1+e^{-ax})^2}"], 7),  # -phi'
        ("unclosed", "invalid", [r"a\varphi(x)(1-\varphi(x)", r"a\varphi(x)( 1 - \varphi(x)", r"a\varphi(x) (1-\varphi(x)"], 5),
    ],
    "sigmoid_derivative.at_zero": [
        ("right", "correct", [r"\frac{a}{4}", "a/4", "0.25a", r"a\varphi(0)(1-\varphi(0))"], 36),  # phi(0) = 1/2
        ("quarter", "incorrect", [r"\frac{1}{4}", "0.25", "1/4"], 15),
        ("half", "incorrect", [r"\frac{a}{2}", "0.5a", "a/2"], 9),
    ],
    "tanh_sigmoid.tanh_derivative": [
        ("right", "correct", [r"4\sigma(2x)(1-\sigma(2x))", r"4\sigma(2x) - 4\sigma(2x)^2", r"4(\sigma(2x) - \sigma(2x)^2)"], 33),
        ("not in sigma", "correct", [r"1-\tanh^2(x)", r"\sech^2(x)", r"\frac{1}{\cosh^2(x)}"], 7),  # = tanh', correct, not as asked
        ("half", "incorrect", [r"2\sigma(2x)(1-\sigma(2x))", r"2\sigma(2x) - 2\sigma(2x)^2", r"\frac{4\sigma(2x)(1-\sigma(2x))}{2}"], 11),
        ("tanh of x squared", "incorrect", [r"1-\tanh x^2", r"1-\tanh(x^2)", r"1 - \tanh\left(x^2\right)"], 9),  # \tanh x^2 is tanh(x^2)
    ],
    "linear_collapse.weight": [
        ("right", "correct", ["W_2 W_1", "W_2W_1", r"(W_1^T W_2^T)^T"], 39),  # (AB)^T = B^T A^T
        ("twice", "incorrect", ["2 W_2 W_1", r"W_2 W_1 \cdot 2", r"(2W_2)W_1"], 12),
        ("reversed", "incorrect", ["W_1 W_2", "W_1W_2", r"(W_2^T W_1^T)^T"], 9),
    ],
    "conv1d_modes.valid": [
        ("right", "correct", ["[5, 8]", "(5,8)", r"\begin{bmatrix} 5 & 8 \end{bmatrix}"], 42),
        ("off by one", "incorrect", ["[5, 9]", "(5,9)", r"\begin{pmatrix} 5 & 9 \end{pmatrix}"], 18),
    ],
}
STUDENTS = [f"s{n:03d}" for n in range(1, 61)]


def class_rows() -> list[dict]:
    """300 rows, student by student, each answering every part; within a group the notations take turns."""
    answers: dict[str, list[str]] = {}
    for target, groups in GROUPS.items():
        column = []
        for _, _, notations, size in groups:
            column += [notations[n % len(notations)] for n in range(size)]
        # spread the groups over the students (so no student's row order follows the groups)
        answers[target] = [column[(7 * n) % len(column)] for n in range(len(column))]
    rows = []
    for index, student in enumerate(STUDENTS):
        for target in GROUPS:
            rows.append({"student": student, "target": target, "answer": answers[target][index]})
    return rows


def expected_groups(target: str) -> list[tuple[str, frozenset, int]]:
    """A part's groups by hand, largest first: (verdict, the notations, how many students)."""
    return sorted(((verdict, frozenset(notations), size) for _, verdict, notations, size in GROUPS[target]), key=lambda g: -g[2])
