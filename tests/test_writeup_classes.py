"""Each kind of false alarm and unread step seen on public write-ups (issue 21), as small made-up examples.

Every row is a write-up of its own and the verdicts its steps must get, in order. The expected verdicts come
from the mathematics of each row (worked by hand in its comment), never from running the checker.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import sympy

from derivs.derivation import check_derivation_now

NETWORK = ("Given $i_1 = 0.05$, $w_1 = 0.15$, $b_1 = 0.35$, $w_5 = 0.4$, $b_2 = 0.6$ and $t = 0.01$.\n\n"
       "$$net_{h1} = w_1 i_1 + b_1$$\n\n$$out_{h1} = \\sigma(net_{h1})$$\n\n$$net_{o1} = w_5 out_{h1} + b_2$$\n\n"
       "$$out_{o1} = \\sigma(net_{o1})$$\n\n$$E = \\frac{1}{2}(t - out_{o1})^2$$\n\n")

SYMBOLIC_NET = ("$$h_1 = w_1 i_1 + w_2 i_2$$\n\n$$h_2 = w_3 i_1 + w_4 i_2$$\n\n$$a_1 = \\sigma(h_1)$$\n\n$$a_2 = \\sigma(h_2)$$\n\n"
                "$$E = \\frac{1}{2}(t - v_1 a_1 - v_2 a_2)^2$$\n\n")  # two hidden units, no numbers

COLUMNS = "$$\\mathbf{x} = [x_1, x_2]^T$$\n\n$$\\mathbf{p} = [p_1, p_2, p_3]^T$$\n\n"  # a 2-vector and a 3-vector, by their entries


NEGATIVE_SAMPLING = "$$J = -\\log \\sigma(u_o^\\top v_c) - \\sum_{k=1}^{K} \\log \\sigma(-u_k^\\top v_c)$$\n\n"  # word2vec's loss


SOFTMAX_BOUNDED = "Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$, where $y$ is one-hot.\n\n"

SOFTMAX_WORKED = '# Softmax and cross-entropy\n\nLet $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$ and $L = -\\sum_{k=1}^{K} y_k \\log p_k$, where $y$ is one-hot.\n\n## Derivative of the softmax\n\nIf $i = j$:\n\n$$\\frac{\\partial p_i}{\\partial z_j} = \\frac{e^{z_i}\\sum_k e^{z_k} - e^{z_i}e^{z_i}}{(\\sum_k e^{z_k})^2} = p_i - p_i^2 = p_i(1 - p_i)$$\n\nIf $i \\neq j$:\n\n$$\\frac{\\partial p_i}{\\partial z_j} = \\frac{0 - e^{z_i}e^{z_j}}{(\\sum_k e^{z_k})^2} = -p_i p_j$$\n\n## Derivative of the loss\n\n$$\\frac{\\partial L}{\\partial z_i} = -\\sum_k \\frac{y_k}{p_k}\\frac{\\partial p_k}{\\partial z_i}$$\n\n$$= -\\frac{y_i}{p_i}p_i(1-p_i) - \\sum_{k \\neq i}\\frac{y_k}{p_k}(-p_k p_i)$$\n\n$$= -y_i + y_i p_i + \\sum_{k \\neq i} y_k p_i$$\n\n$$= -y_i + p_i\\sum_k y_k = p_i - y_i$$\n\nNumerically, with $z = (1, 2, 3)$: $p = (0.0900, 0.2447, 0.6652)$, and for $y = (0, 1, 0)$ the gradient is $(0.0900, -0.7553, 0.6652)$.\n\nThe loss is $L = -\\log 0.2447 = 1.4076$.\n'


NORMALISER = "$$N(z) = \\sum_{k=1}^n e^{z_k}$$\n\n"  # a softmax's denominator, a function of the whole vector z

HOT_AT_O = "The label $y$ is a one-hot vector with a $1$ for the true outside word $o$, and 0 everywhere else.\n\n"

RECURRENCE = ("Let $\\mathbf{H} = \\begin{bmatrix} 4 & 0 \\\\ 0 & 8 \\end{bmatrix}$ and $\\boldsymbol{\\theta}_{t+1} = (I - \\alpha \\mathbf{H})\\boldsymbol{\\theta}_t$.\n\n")
# gradient descent on a quadratic: a sequence numbered by t


SOFTMAX_ENTRY = "$$\\phi(z)_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"  # a softmax's entry, named by the function applied


LATEX_MACROS = ("\\documentclass{article}\n\\newcommand{\\pd}[2]{\\ensuremath{\\frac{\\partial {#1}}{\\partial {#2}}}}\n\\def\\sq#1{{#1}^2}\n"
                "\\DeclareMathOperator{\\sgm}{sigmoid}\n\\newcommand{\\D}[2][x]{\\frac{d #2}{d #1}}\n\\newcommand\\·{\\cdot}\n"
                "\\begin{document}\n")  # a preamble's shorthands: a partial, a square, an operator, an optional argument, \\·


TEMPLATE_ENVIRONMENTS = "".join(f"\\newenvironment{{{name}}}[2][{name.title()}]{{\\begin{{trivlist}}\n\\item[\\hskip \\labelsep {{\\bfseries #1}}\\hskip \\labelsep {{\\bfseries #2.}}]}}{{\\end{{trivlist}}}}\n"
                                for name in ("theorem", "lemma", "problem", "question", "corollary"))  # a common homework template's


WIDE = "Let $A = \\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{bmatrix}$.\n\n"  # a 2 x 3 matrix of numbers
SWISH = "$$f(x) = x \\cdot \\operatorname{sigmoid}(\\beta x)$$\n\n"  # Swish, with its parameter beta
BINARY_LOSS = "$$L = -y \\log p - (1 - y) \\log(1 - p)$$\n\n"
STEP_SIZES = "Let $\\eta = 0.3$, $\\delta_n = 0.5$ and $o_j = 2$.\n\n"  # a step size, an error, an input
ENTRIES_LATER = ("$$h = \\begin{bmatrix} h_1 \\\\ h_2 \\end{bmatrix}$$\n\n$$n = \\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}$$\n\n"
                 "$$h = \\sigma(n) = \\begin{pmatrix} 0.5 \\\\ 0.7311 \\end{pmatrix}$$\n\n")  # sigma(0) = 0.5, sigma(1) = 0.731059
PAIR = "Let $h = \\begin{bmatrix} 0.5 \\\\ 0.25 \\end{bmatrix}$.\n\n"  # a vector named by a function letter
LOGISTIC_PAIR = ("Let $z = \\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}$.\n\n"
                 "$$a = \\sigma(z) = \\begin{pmatrix} 0.5 \\\\ 0.7511 \\end{pmatrix}$$\n\n")  # sigma(1) = 0.7311, written 0.7511


def image(tex: str) -> str:
    """A formula as a README draws it: an image from a LaTeX service, the formula encoded in its address."""
    return f"![f](https://latex.codecogs.com/svg.latex?{quote(tex)})\n\n"


NUMBERED = ("With $x_1 = 0.5$, $w_1 = 0.2$ and $b_1 = 0.1$:\n\n$$h_1 = \\sigma(w_1 x_1 + b_1)$$\n\n$$y_1 = w_5 h_1 + b_2$$\n\n"
            "$$\\hat{y}_1 = \\sigma(y_1)$$\n\n")  # a hidden unit built from given numbers, an output built from w_5; no error yet

TWO_PATHS = "$$o_1 = w_5 h$$\n\n$$o_2 = w_7 h$$\n\n$$E = \\frac{1}{2}(o_1 - t_1)^2 + \\frac{1}{2}(o_2 - t_2)^2$$\n\n"  # h feeds two outputs

HIDDEN_PAIR = "$$h_1 = w_1 x$$\n\n$$h_2 = w_2 x$$\n\n$$a_1 = \\sigma(h_1)$$\n\n$$a_2 = \\sigma(h_2)$$\n\n"  # two hidden units and their activations

ERA_NETWORK = ("```\nh1 = w1*i1 + w2*i2\nh2 = w3*i1 + w4*i2\na_h1 = σ(h1)\na_h2 = σ(h2)\no1 = w5*a_h1 + w6*a_h2\no2 = w7*a_h1 + w8*a_h2\n"
               "a_o1 = σ(o1)\na_o2 = σ(o2)\nE1 = ½ * (t1 - a_o1)²\nE2 = ½ * (t2 - a_o2)²\nE_total = E1 + E2\n```\n\n")  # a 2-2-2 network, 11 definitions

SOLVING_DECLARED = "Let $X \\in \\mathbb{R}^{n \\times d}$, $w \\in \\mathbb{R}^d$ and $t \\in \\mathbb{R}^n$, with $n > d$.\n\n"  # least squares

TRACE_NAMED = "$$t = Xw + \\epsilon$$\n\n$$A = X(X^TX)^{-1}X^T$$\n\n"  # t a vector, A a projection

NORMS_DECLARED = "Let $A \\in \\mathbb{R}^{n \\times n}$ and $w \\in \\mathbb{R}^n$.\n\n"

SEQUENCE = "Let $\\gamma = 1 - \\beta$.\n\n$$\\theta_t = \\theta_0 - \\alpha m \\sum_{k=1}^t \\gamma^k$$\n\n"  # a sequence by a sum up to t

PROBLEM_MACRO = ("\\documentclass{{article}}\n\\begin{{document}}\n\\{macro} Let $f(x) = x^2$. Then\n\\[\\frac{{d}}{{dx}} f(x) = 2x.\\]\n\n"
                 "\\{macro} Let $f(x) = x^3$. Then\n\\[\\frac{{d}}{{dx}} f(x) = {second}.\\]\n\\end{{document}}\n")  # two questions

BY_ENTRIES = "Let $J(\\boldsymbol{\\theta}) = 2\\theta_1^2 + 4\\theta_2^2$.\n\n"  # a function of a vector, by its entries

MATRIX_AND_COLUMN = "$$W = \\begin{bmatrix} w_{11} & w_{12} & w_{13} \\\\ w_{21} & w_{22} & w_{23} \\end{bmatrix}$$\n\n$$\\mathbf{x} = (x_1, x_2)^T$$\n\n"

ROWS = [
    # --- conventions stated in prose
    # Einstein: a repeated index is summed, so a_i b_i is the dot product; twice it is not.
    ("Repeated indices are summed (Einstein notation).\n\n$$\\sum_i a_i b_i = a_i b_i$$", ["valid"]),
    ("Repeated indices are summed (Einstein notation).\n\n$$\\sum_i a_i b_i = 2 a_i b_i$$", ["invalid"]),
    # one-hot: sum_k y_k = 1 and sum_k y_k log p_k = log p_o when y_o = 1 for the true class o
    ("The label $\\mathbf{y}$ is one-hot, $y_o = 1$ only for the true class.\n\n$$\\sum_k y_k p_k = p_o$$", ["definition", "valid"]),
    ("The label $\\mathbf{y}$ is one-hot, $y_o = 1$ only for the true class.\n\n$$-\\sum_k y_k \\log p_k = -\\log p_o$$", ["definition", "valid"]),
    ("The label $\\mathbf{y}$ is one-hot, $y_o = 1$ only for the true class.\n\n$$-\\sum_k y_k \\log p_k = -\\log p_k$$", ["definition", "invalid"]),
    # "y_i = 1 if the class is i" says which entry is hot; it gives y_i no value, so -y_i(1 - p_i) = p_i - y_i is wrong
    ("Here $y$ is one-hot: $y_i = 1$ if the class is $i$, else 0. The loss is $L = -\\sum_i y_i \\log p_i$.\n\n$$-y_i (1 - p_i) = p_i - y_i$$",
     ["definition", "definition", "invalid"]),
    # a hypothetical changes nothing that follows: p_2 stays 0.3, and 0.3 + 0.7 = 1
    ("Let $p_2 = 0.3$. Say $p_2 = 0.9$, then the loss is small.\n\n$$p_2 + 0.7 = 1$$", ["definition", "definition", "valid"]),
    ("Suppose $x = 5$ for a moment. With $x = 2$:\n\n$$x^2 = 4$$", ["definition", "definition", "valid"]),
    # another convention's way of writing it is offered, not claimed: with delta = o - t, dE/dw = delta h, and
    # "some authors" write -delta h with the opposite delta; an ordinary lead-in keeps the claim (and its slip)
    ("$$\\delta = o - t$$\n\n$$\\frac{\\partial E}{\\partial w} = \\delta h$$\n\nSome authors take the sign out of $\\delta$, so it would be written as:\n\n"
     "$$\\frac{\\partial E}{\\partial w} = -\\delta h$$", ["definition", "definition", "definition"]),
    ("$$\\delta = o - t$$\n\n$$\\frac{\\partial E}{\\partial w} = \\delta h$$\n\nSo, taking the sign out:\n\n"
     "$$\\frac{\\partial E}{\\partial w} = -\\delta h$$", ["definition", "definition", "invalid"]),
    # "for n = 3" gives a value for the example after it: 1 + 2 + 3 = 6 = n(n+1)/2
    ("For $n = 3$:\n\n$$\\frac{n(n+1)}{2} = 6$$", ["definition", "valid"]),
    # --- names as authors write them
    ("With $w5 = 0.4$ and $h1 = 0.5$:\n\n$$z1 = w5 h1 = 0.2$$", ["definition", "definition", "definition", "valid"]),
    ("With $w5 = 0.4$ and $h1 = 0.5$:\n\n$$z1 = w5 h1 = 0.3$$", ["definition", "definition", "definition", "invalid"]),
    ("With $\\hat{y_1} = 0.8$:\n\n$$1 - \\hat{y_1} = 0.2$$", ["definition", "valid"]),
    ("With $w_6 = 0.45$:\n\n$$w_6^{+} = w_6 - 0.5 \\cdot 0.1 = 0.40$$", ["definition", "definition", "valid"]),
    ("With $w = 2$:\n\n$$w^{new} = w - 0.1 \\cdot 4 = 1.6$$", ["definition", "definition", "valid"]),
    ("With $E_{o1} = 0.25$ and $E_{o2} = 0.05$:\n\n$$E_{total} = E_{o1} + E_{o2} = 0.30$$", ["definition", "definition", "definition", "valid"]),
    ("With $E_{o1} = 0.25$ and $E_{o2} = 0.05$:\n\n$$E_{total} = E_{o1} + E_{o2} = 0.35$$", ["definition", "definition", "definition", "invalid"]),
    # an update rule assigns; it is not an equation that is false
    ("$$w_5 = w_5 - \\alpha \\frac{\\partial E}{\\partial w_5}$$", ["definition"]),
    ("With $w = 0.5$ and $\\eta = 0.1$ and $g = 2$:\n\n$$w \\leftarrow w - \\eta g$$", ["definition", "definition", "definition", "definition"]),
    # dz, dw: the course's names of the loss's derivatives (dz = a - y = -0.2, dw = x dz = 2(-0.2) = -0.4), not d times z;
    # where d has a value of its own, dw is d times w (3 * 2 = 6)
    ("With $a = 0.8$, $y = 1$ and $x = 2$:\n\n$$dz = a - y = -0.2$$\n\n$$dw = x dz = -0.4$$", ["definition"] * 4 + ["valid", "definition", "valid"]),
    ("With $a = 0.8$, $y = 1$ and $x = 2$:\n\n$$dz = a - y = -0.2$$\n\n$$dw = x dz = -0.5$$", ["definition"] * 4 + ["valid", "definition", "invalid"]),
    ("With $d = 3$ and $w = 2$:\n\n$$dw = 6$$", ["definition", "definition", "valid"]),
    # out_{o1}: a unit's label, not an index into a vector out
    ("With $out_{o1} = 0.75$ and $target_{o1} = 0.01$:\n\n$$E_{o1} = \\frac{1}{2}(target_{o1} - out_{o1})^2 = 0.27380$$",
     ["definition", "definition", "definition", "valid"]),
    # --- shapes from declarations
    # W_1 is m x n, so x is an n-vector and b_1 an m-vector: the linear collapse holds
    ("Let $W_1 \\in \\mathbb{R}^{m \\times n}$ and $W_2 \\in \\mathbb{R}^{p \\times m}$.\n\n$$W_2(W_1 x + b_1) + b_2 = W_2 W_1 x + W_2 b_1 + b_2$$",
     ["valid"]),
    # the product in the wrong order cannot be shaped (m x n times p x m)
    ("Let $W_1 \\in \\mathbb{R}^{m \\times n}$ and $W_2 \\in \\mathbb{R}^{p \\times m}$.\n\n$$W_2(W_1 x + b_1) + b_2 = W_1 W_2 x + W_2 b_1 + b_2$$",
     ["invalid"]),
    # a concrete 2 x 2 example under symbolic names is not a shape mistake
    ("Let $A \\in \\mathbb{R}^{n \\times n}$. For example\n\n$$A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n"
     "$$A^T = \\begin{bmatrix} 1 & 3 \\\\ 2 & 4 \\end{bmatrix}$$", ["definition", "valid"]),
    # a vector given by its entries: v v^T is its outer product
    ("With $\\mathbf{v} = [3, 1]^T$:\n\n$$\\mathbf{v}\\mathbf{v}^T = \\begin{bmatrix} 9 & 3 \\\\ 3 & 1 \\end{bmatrix}$$", ["definition", "valid"]),
    ("With $\\mathbf{v} = [3, 1]^T$:\n\n$$\\mathbf{v}\\mathbf{v}^T = \\begin{bmatrix} 9 & 3 \\\\ 3 & 2 \\end{bmatrix}$$", ["definition", "invalid"]),
    # w^T x is a number (a row times a column), so z = b + w^T x and b are numbers, and the sigmoid's derivative in z
    # is e^{-z}/(1 + e^{-z})^2 (d/dz (1 + e^{-z})^{-1} = e^{-z} (1 + e^{-z})^{-2}); without the minus of e^{-z} it is wrong
    ("$$z = b + w^T x$$\n\n$$\\frac{\\partial}{\\partial z}\\frac{1}{1+e^{-z}} = \\frac{e^{-z}}{(1+e^{-z})^2}$$", ["definition", "valid"]),
    ("$$z = b + w^T x$$\n\n$$\\frac{\\partial}{\\partial z}\\frac{1}{1+e^{-z}} = \\frac{e^{z}}{(1+e^{-z})^2}$$", ["definition", "invalid"]),
    ("$$z = (x - m)^T A (x - m) + c$$\n\n$$\\frac{\\partial}{\\partial z} z^2 = 2z$$", ["definition", "valid"]),
    # --- a summed index is not the free one: L = sum_i (y_i - p_i)^2 has dL/dp_i = -2(y_i - p_i), one term, not all
    ("$$L = \\sum_{i=1}^{n} (y_i - p_i)^2$$\n\n$$\\frac{\\partial L}{\\partial p_i} = -2(y_i - p_i)$$", ["definition", "valid"]),
    ("$$L = \\sum_{i=1}^{n} (y_i - p_i)^2$$\n\n$$\\frac{\\partial L}{\\partial p_i} = 2(y_i - p_i)$$", ["definition", "invalid"]),
    ("$$L = \\sum_{k=1}^{n} y_k \\log p_k$$\n\n$$\\frac{\\partial L}{\\partial p_k} = \\frac{y_k}{p_k}$$", ["definition", "valid"]),
    # --- a family of entries under a hat: \hat{y}_k = softmax for every k, so sum_k \hat{y}_k u_k is that sum; squared it is not
    ("$$\\hat{y}_k = \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}}$$\n\n$$g = \\sum_{k=1}^{n} \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}} u_k = \\sum_{k=1}^{n} \\hat{y}_k u_k$$",
     ["definition", "definition", "valid"]),
    ("$$\\hat{y}_k = \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}}$$\n\n$$g = \\sum_{k=1}^{n} \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}} u_k = \\sum_{k=1}^{n} \\hat{y}_k^2 u_k$$",
     ["definition", "definition", "invalid"]),
    # d/dz_i of e^{z_i}/sum_j e^{z_j} is p_i - p_i^2 = \hat{y}_i(1 - \hat{y}_i)
    ("$$\\hat{y}_k = \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}}$$\n\n$$\\frac{\\partial \\hat{y}_i}{\\partial z_i} = \\hat{y}_i(1 - \\hat{y}_i)$$", ["definition", "valid"]),
    # the family given again is a claim about it: (x_i - m)/s is not (x_i - m) s^{-1/2} (at x_i = 3, m = 1, s = 4: 1/2 against 1)
    ("The mean is $m = \\frac{1}{n}\\sum_{i=1}^{n} x_i$.\n\n$$\\hat{x}_i = \\frac{x_i - m}{s}$$\n\n$$\\hat{x}_i = (x_i - m) s^{-0.5}$$",
     ["definition", "definition", "invalid"]),
    ("The mean is $m = \\frac{1}{n}\\sum_{i=1}^{n} x_i$.\n\n$$\\hat{x}_i = \\frac{x_i - m}{s}$$\n\n$$\\hat{x}_i = (x_i - m) s^{-1}$$",
     ["definition", "definition", "valid"]),
    # the entries of a vector the write-up never gives, on one side only: the step holds for some values of them only
    ("$$g = \\sum_{k=1}^{n} \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}} u_k = \\sum_{k=1}^{n} q_k u_k$$", ["definition", "undecided"]),
    # one-hot with the hot entry named by a condition ("y_w = 1 when w = o"), a sum over the vocabulary V: -log of entry o
    ("Since $y$ is a one-hot vector where $y_w = 1$ when $w = o$,\n\n$$-\\sum_{w \\in V} y_w \\log(\\hat{y}_w) = -\\log(\\hat{y}_o)$$",
     ["definition", "definition", "valid"]),
    ("Since $y$ is a one-hot vector where $y_w = 1$ when $w = o$,\n\n$$-\\sum_{w \\in V}^{} y_w \\log(\\hat{y}_w) = -\\log(1 - \\hat{y}_o)$$",
     ["definition", "definition", "invalid"]),
    # \delta{ik} (the _ left out) is the Kronecker delta: summed over i, x_i delta_ik = x_k
    ("Repeated indices are summed (Einstein notation).\n\n$$x_i \\delta{ik} = x_k$$", ["valid"]),
    # dz as the write-up's word for dL/dz does not turn \frac{d\hat y}{dz} into a fraction: sigma'(z) = e^{-z}/(1 + e^{-z})^2
    ("$$\\hat y = \\frac{1}{1+e^{-z}}$$\n\nWe call $\\frac{dL}{dz}$ simply $dz$, and write $dz = \\hat y - y$.\n\n$$\\frac{d\\hat y}{dz} = \\frac{e^{-z}}{(1+e^{-z})^2}$$",
     ["definition", "definition", "valid"]),
    ("$$\\hat y = \\frac{1}{1+e^{-z}}$$\n\nWe call $\\frac{dL}{dz}$ simply $dz$, and write $dz = \\hat y - y$.\n\n$$\\frac{d\\hat y}{dz} = \\frac{e^{-z}}{1+e^{-z}}$$",
     ["definition", "definition", "invalid"]),
    # b beside the 1 x 1 w^T x (and its vectorised Z = w^T X + b) stays a number, so z is one and d/dz is read
    ("$$Z = w^T X + b$$\n\n$$z = w^T x + b$$\n\n$$\\frac{\\partial}{\\partial z} \\frac{1}{1+e^{-z}} = \\frac{e^{-z}}{(1+e^{-z})^2}$$",
     ["definition", "definition", "valid"]),
    # --- chain-rule lines whose factors are known are claims
    # E = (t - o)^2 / 2, o = sigma(net), net = w x: dE/dw = -(t - o) o (1 - o) x
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$o = \\sigma(net)$$\n\n$$net = w x$$\n\n"
     "$$\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial o}\\frac{\\partial o}{\\partial net}\\frac{\\partial net}{\\partial w} = -(t - o) o (1 - o) x$$",
     ["definition", "definition", "definition", "valid", "valid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$o = \\sigma(net)$$\n\n$$net = w x$$\n\n"
     "$$\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial o}\\frac{\\partial o}{\\partial net}\\frac{\\partial net}{\\partial w} = -(t - o) (1 - o) x$$",
     ["definition", "definition", "definition", "valid", "invalid"]),
    # --- operator-form derivatives, taken through the definitions before any value
    ("$$\\frac{\\partial}{\\partial x}\\left(x^2 + 3x\\right) = 2x + 3$$", ["valid"]),
    ("$$\\frac{d}{dx}\\left[\\sin(x) x\\right] = \\cos(x) x + \\sin(x)$$", ["valid"]),
    ("$$\\frac{d}{dx}\\left[\\sin(x) x\\right] = \\cos(x) x$$", ["invalid"]),
    # mu = (1/N) sum_t x_t, so d/dx_i (x_k - mu) = delta_ki - 1/N
    ("$$\\mu = \\frac{1}{N}\\sum_{t=1}^{N} x_t$$\n\n$$\\frac{\\partial}{\\partial x_i}\\left(x_k - \\mu\\right) = \\delta_{ki} - \\frac{1}{N}$$",
     ["definition", "valid"]),
    ("$$\\mu = \\frac{1}{N}\\sum_{t=1}^{N} x_t$$\n\n$$\\frac{\\partial}{\\partial x_i}\\left(x_k - \\mu\\right) = \\delta_{ki}$$",
     ["definition", "invalid"]),
    # --- ellipses and sums over all but one index
    ("$$p_1 y_1 + \\dots + p_K y_K = \\sum_{k=1}^K p_k y_k$$", ["valid"]),
    ("$$\\sum_{k=1}^{K} p_k = p_i + \\sum_{k \\neq i} p_k$$", ["valid"]),
    # a + typed against a name before = or its subscript is the update mark (w6+ for w_6^{+}, W+_A for W_A^{+}): the new
    # weight is defined, and its value checked (0.45 - 0.5 * 0.1 = 0.40, not 0.41; 0.5 + 0.1 = 0.6, not 0.7)
    ("```\nw6 = 0.45\nw6+ = w6 - 0.5 * 0.1\nw6+ = 0.40\n```", ["definition", "definition", "valid"]),
    ("```\nw6 = 0.45\nw6+ = w6 - 0.5 * 0.1\nw6+ = 0.41\n```", ["definition", "definition", "invalid"]),
    ("```\nW_A = 0.5\nW+_A = W_A + 0.1\nW+_A = 0.6\n```", ["definition", "definition", "valid"]),
    ("```\nW_A = 0.5\nW+_A = W_A + 0.1\nW+_A = 0.7\n```", ["definition", "definition", "invalid"]),
    # a sum over k of the vectors u_k (negative sampling) runs over K different vectors, which the one vector u_k cannot
    # stand for (read so, it was K (1 - sigma(-u_k^T v_c)) v_c, a false alarm): by one member u_k, only its own term
    # -log sigma(-u_k^T v_c) has a derivative, (1 - sigma(-u_k^T v_c)) v_c = sigma(u_k^T v_c) v_c by hand (sigma' =
    # sigma(1 - sigma), 1 - sigma(-x) = sigma(x)); (sigma(u_k^T v_c) - 1) v_c and its negative are wrong (a sign slip
    # of cs224n answers). The sum may be written over another letter (j); over two families at once (w_i^T w_j) it
    # is not worked out. dJ/du_o: -(1 - sigma(u_o^T v_c)) v_c by hand, and without the minus it is wrong
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (1 - \\sigma(-u_k^\\top v_c)) v_c$$", ["definition", "valid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = \\sigma(u_k^\\top v_c) v_c$$", ["definition", "valid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c$$", ["definition", "invalid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = -(1 - \\sigma(-u_k^\\top v_c)) v_c$$", ["definition", "invalid"]),
    ("$$J = -\\sum_{j=1}^{K} \\log \\sigma(-u_j^\\top v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_k} = \\sigma(u_k^\\top v_c) v_c$$", ["definition", "valid"]),
    ("$$J = -\\sum_{j=1}^{K} \\log \\sigma(-u_j^\\top v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c$$", ["definition", "invalid"]),
    # the transpose written before the subscript (u^T_k, u^{\\top}_{k}) is TeX's u_k^T: the vector u_k transposed, not an
    # entry k of u^T (which made u_k a number and the line unreadable)
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (1 - \\sigma(-u^T_k v_c)) v_c$$", ["definition", "valid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (1 - \\sigma(u^{\\top}_{k} v_c)) v_c$$", ["definition", "invalid"]),
    ("$$J = -\\log \\sigma(u^T_o v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_o} = -(1 - \\sigma(u^T_o v_c)) v_c$$", ["definition", "valid"]),
    ("$$J = -\\log \\sigma(u^T_o v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_o} = (1 - \\sigma(u^T_o v_c)) v_c$$", ["definition", "invalid"]),
    # J alone in a derivative, where the text stated J_{neg-sample}(o, v_c, U) = ... (a function of vectors, named where it
    # is applied, as cs224n writes it): J is that body. dJ/du_o = (sigma(u_o^T v_c) - 1) v_c and dJ/du_k =
    # -(sigma(-u_k^T v_c) - 1) v_c by hand; with the signs turned, wrong (they were not judged: J had no formula)
    ("$$J_{neg-sample}(o, v_c, U) = -\\log(\\sigma(u_o^\\top v_c)) - \\sum_{k=1}^{K} \\log(\\sigma(-u_k^\\top v_c))$$\n\n"
     "$$\\frac{\\partial J}{\\partial u_o} = (\\sigma(u_o^\\top v_c) - 1) v_c$$\n\n$$\\frac{\\partial J}{\\partial u_k} = -(\\sigma(-u_k^\\top v_c) - 1) v_c$$",
     ["definition", "valid", "valid"]),
    ("$$J_{neg-sample}(o, v_c, U) = -\\log(\\sigma(u_o^\\top v_c)) - \\sum_{k=1}^{K} \\log(\\sigma(-u_k^\\top v_c))$$\n\n"
     "$$\\frac{\\partial J}{\\partial u_o} = (1 - \\sigma(u_o^\\top v_c)) v_c$$\n\n$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(-u_k^\\top v_c) - 1) v_c$$",
     ["definition", "invalid", "invalid"]),
    ("$$L = \\sum_{i=1}^{V} \\sum_{j=1}^{V} (w_i^\\top w_j - c)^2$$\n\n$$\\frac{\\partial L}{\\partial w_i} = 2 \\sum_{j=1}^{V} (w_i^\\top w_j - c) w_j$$", ["definition", "definition"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_o} = -(1 - \\sigma(u_o^\\top v_c)) v_c$$", ["definition", "valid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_o} = (1 - \\sigma(u_o^\\top v_c)) v_c$$", ["definition", "invalid"]),
    # "for every k in the range the family runs over" (\\forall k \\in [1, K], 1 \\le k \\le K, k \\in \\{1, \\dots, K\\})
    # says the line holds for each member: it is judged for a generic k, as written (it was "a condition not read
    # here", so leehanchung-style sign slips went unseen). dJ/du_k = sigma(u_k^T v_c) v_c by hand (above); a range that
    # is not the whole family's (k from 2) still leaves the line unjudged
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c, \\forall k \\in [1, K]$$", ["definition", "invalid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = \\sigma(u_k^\\top v_c) v_c, \\forall k \\in [1, K]$$", ["definition", "valid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c, 1 \\le k \\le K$$", ["definition", "invalid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c, k \\in \\{1, \\dots, K\\}$$", ["definition", "invalid"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c, k \\in [2, K]$$", ["definition", "undecided"]),
    (NEGATIVE_SAMPLING + "$$\\frac{\\partial J}{\\partial u_k} = (\\sigma(u_k^\\top v_c) - 1) v_c, k = 1, \\ldots, K$$", ["definition", "invalid"]),
    # a family given for every index (a_i = \\sigma(z_i)) and the derivative of one member by its own input: worked out
    # entry by entry (z_i is the entry z[i] the family's formula holds; it was "names" the derivative, never checked).
    # sigma' = sigma(1 - sigma), tanh' = 1 - tanh^2, softmax's dp_i/dz_i = p_i(1 - p_i) by hand; with + they are wrong.
    # h_j (a usual function letter with a subscript) given a formula alone is a quantity: h_j(1 - h_j) is a product
    ("$$a_i = \\sigma(z_i)$$\n\n$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 - a_i)$$", ["definition", "valid"]),
    ("$$a_i = \\sigma(z_i)$$\n\n$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 + a_i)$$", ["definition", "invalid"]),
    ("$$a_i = \\tanh(z_i)$$\n\n$$\\frac{\\partial a_i}{\\partial z_i} = 1 + a_i^2$$", ["definition", "invalid"]),
    ("$$y_k = \\tanh(s_k)$$\n\n$$\\frac{\\partial y_k}{\\partial s_k} = 1 - y_k^2$$", ["definition", "valid"]),
    ("$$p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n$$\\frac{\\partial p_i}{\\partial z_i} = p_i(1 + p_i)$$", ["definition", "invalid"]),
    ("$$h_j = \\sigma(z_j)$$\n\n$$\\frac{\\partial h_j}{\\partial z_j} = h_j(1 - h_j)$$", ["definition", "valid"]),
    ("$$h_j = \\sigma(z_j)$$\n\n$$\\frac{\\partial h_j}{\\partial z_j} = h_j(1 + h_j)$$", ["definition", "invalid"]),
    ("$$a_i = \\sigma(z_i)$$\n\n$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 + a_i), \\forall i \\in \\{1, \\dots, n\\}$$", ["definition", "invalid"]),
    ("$$g_1(x) = x^2$$\n\n$$g_1(3) = 9$$", ["definition", "valid"]),  # g_1 defined as a function stays one
    ("$$g_1 = 0.5$$\n\n$$g_1(1 - g_1) = 0.25$$", ["definition", "valid"]),  # g_1 given a value: 0.5 (1 - 0.5) = 0.25
    ("$$g_1 = 0.5$$\n\n$$g_1(1 - g_1) = 0.4$$", ["definition", "invalid"]),
    # matrices whose shapes the write-up states (declared, or written out) that cannot be multiplied are a mistake, with
    # the reason: (W x)^T = x^T W^T by hand, and x^T W is 1 x 2 times 3 x 2
    ("Let $W \\in \\mathbb{R}^{3 \\times 2}$ and $x \\in \\mathbb{R}^{2}$.\n\n$$(W x)^T = x^T W$$", ["invalid"]),
    ("Let $W \\in \\mathbb{R}^{3 \\times 2}$ and $x \\in \\mathbb{R}^{2}$.\n\n$$(W x)^T = x^T W^T$$", ["valid"]),
    ("Let $x = \\begin{bmatrix} x_1 \\\\ x_2 \\end{bmatrix}$ and $W = \\begin{bmatrix} w_{11} & w_{12} \\\\ w_{21} & w_{22} \\\\ w_{31} & w_{32} \\end{bmatrix}$.\n\n"
     "$$(W x)^T = x^T W$$", ["definition", "definition", "invalid"]),
    ("Let $x = \\begin{bmatrix} x_1 \\\\ x_2 \\end{bmatrix}$ and $W = \\begin{bmatrix} w_{11} & w_{12} \\\\ w_{21} & w_{22} \\\\ w_{31} & w_{32} \\end{bmatrix}$.\n\n"
     "$$(W x)^T = x^T W^T$$", ["definition", "definition", "valid"]),
    # forward mode: \\dot{v} is v's tangent, so where v has a formula its tangent is the formula's partial derivatives
    # times the tangents of the names it uses (a name whose tangent is never written, w, is a constant): by hand,
    # (v_0^2)' = 2 v_0 \\dot{v}_0, sin' = cos, sqrt(v)' = \\dot{v} / (2 sqrt(v)), (w x)' = w \\dot{x}; with the sign turned, or
    # the constant's factor left out, wrong (they were "names \\dot{v}_2", never checked; in one aligned block, "an
    # equation to solve")
    ("$$v_1 = v_0^2$$\n\n$$v_2 = \\sin(v_1)$$\n\n$$\\dot{v}_0 = 1$$\n\n$$\\dot{v}_1 = 2 v_0 \\dot{v}_0$$\n\n$$\\dot{v}_2 = \\cos(v_1) \\dot{v}_1$$",
     ["definition"] * 3 + ["valid", "valid"]),
    ("$$v_1 = v_0^2$$\n\n$$v_2 = \\sin(v_1)$$\n\n$$\\dot{v}_0 = 1$$\n\n$$\\dot{v}_1 = 2 v_0 \\dot{v}_0$$\n\n$$\\dot{v}_2 = -\\cos(v_1) \\dot{v}_1$$",
     ["definition"] * 3 + ["valid", "invalid"]),
    ("$$\\begin{aligned} v_1 &= v_0^2 \\\\ v_2 &= \\sqrt{v_1} \\end{aligned}$$\n\n$$\\begin{aligned} \\dot{v}_1 &= 2 v_0 \\dot{v}_0 \\\\ "
     "\\dot{v}_2 &= -\\frac{1}{2} v_1^{-\\frac{1}{2}} \\dot{v}_1 \\\\ \\dot{v}_3 &= \\dot{v}_2 \\end{aligned}$$", ["definition"] * 2 + ["valid", "invalid", "definition"]),
    ("$$y = w x$$\n\n$$\\dot{y} = w \\dot{x}$$", ["definition", "valid"]),
    ("$$y = w x$$\n\n$$\\dot{y} = \\dot{x}$$", ["definition", "invalid"]),
    # a bare \\sum_k runs to the bound the text gives sums over k elsewhere (K), so a one-hot y's entries summed that way
    # are 1: -y_i + p_i sum_k y_k = p_i - y_i (it ran to another size, and y's hot entry fell outside it: a false alarm)
    (SOFTMAX_BOUNDED + "$$-y_i + p_i\\sum_k y_k = p_i - y_i$$", ["definition", "valid"]),
    (SOFTMAX_BOUNDED + "$$-y_i + p_i\\sum_k y_k = p_i + y_i$$", ["definition", "invalid"]),
    # a whole softmax and cross-entropy derivation, every step right (worked by hand, and the numbers with mpmath:
    # softmax(1, 2, 3) = (0.09003, 0.24473, 0.66524), -log 0.2447 = 1.40772); a list given in the numeric example at
    # the end is not put into the symbolic steps before it (it broke them: "could not decide")
    (SOFTMAX_WORKED, ["definition"] * 3 + ["valid"] * 10 + ["definition"] * 4 + ["valid"]),
    # a sum with its bound written first (\\sum^K_{k=1}) is the same sum: da_i/dz_j = -a_i a_j for the softmax a, i != j
    ("$$a_i = \\frac{e^{z_i}}{\\sum^K_{k=1} e^{z_k}}$$\n\n$$\\frac{\\partial a_i}{\\partial z_j} = -a_i a_j \\quad (i \\neq j)$$", ["definition", "valid"]),
    ("$$a_i = \\frac{e^{z_i}}{\\sum^K_{k=1} e^{z_k}}$$\n\n$$\\frac{\\partial a_i}{\\partial z_j} = a_i a_j \\quad (i \\neq j)$$", ["definition", "invalid"]),
    # a colon inside a subscript (the layers 1 to L) labels nothing
    ("$$\\mathcal{L}(w_{1:L}) = -\\sum_{i=1}^{n} y_i \\log h_i$$", ["definition"]),
    # a sentence typed as maths ("when y = 1, but p = 0.1") is prose, not a claim about y or p
    ("$$\\ln(p) => when y = 1, but p = 0.1$$", ["unparsed", "unparsed"]),
    # a name given a formula in an index (df/dz_i = z_i - y_i), summed over that index, is that formula at each term:
    # sum_i df/dz_i = sum_i (z_i - y_i) holds; = sum_i (z_i + y_i) does not (it read N (z_i - y_i) for one free i)
    ("$$\\frac{df}{dz_i} = z_i - y_i$$\n\n$$\\sum_{i=1}^{N} \\frac{df}{dz_i} = \\sum_{i=1}^{N} (z_i - y_i)$$", ["definition", "valid"]),
    ("$$\\frac{df}{dz_i} = z_i - y_i$$\n\n$$\\sum_{i=1}^{N} \\frac{df}{dz_i} = \\sum_{i=1}^{N} (z_i + y_i)$$", ["definition", "invalid"]),
    # phi(z)_i, the i-th entry of a vector-valued function's value (a softmax written so), is a quantity named as written,
    # whose formula the text gives: p(1 - p) with p = e^{z_i}/sum_k e^{z_k} holds, p(1 + p) does not, and so does
    # dp/dz_i = p(1 - p) by hand
    (SOFTMAX_ENTRY + "$$\\frac{e^{z_i}}{\\sum_k e^{z_k}} \\left(1 - \\frac{e^{z_i}}{\\sum_k e^{z_k}} \\right) = \\phi(z)_i \\left( 1 - \\phi(z)_i \\right)$$", ["definition", "valid"]),
    (SOFTMAX_ENTRY + "$$\\frac{e^{z_i}}{\\sum_k e^{z_k}} \\left(1 - \\frac{e^{z_i}}{\\sum_k e^{z_k}} \\right) = \\phi(z)_i \\left( 1 + \\phi(z)_i \\right)$$", ["definition", "invalid"]),
    (SOFTMAX_ENTRY + "$$\\frac{\\partial \\phi(z)_i}{\\partial z_i} = \\phi(z)_i (1 - \\phi(z)_i)$$", ["definition", "valid"]),
    # the variable of a derivative in braces (\partial{v_c}, as for a function's argument) is that variable: d(x^2)/dx = 2x
    ("$$\\frac{\\partial}{\\partial{x}} \\left( x^2 \\right) = 2x$$", ["valid"]),
    ("$$\\frac{\\partial}{\\partial{x}} \\left( x^2 \\right) = 3x$$", ["invalid"]),
    ("$$\\frac{ \\partial{x^3}}{\\partial{x}} = 3x^2$$", ["valid"]),
    ("$$\\frac{ \\partial{x^3}}{\\partial{x}} = x^2$$", ["invalid"]),
    # a term named in the middle of an ellipsis is one of the sum's terms: x_1 + ... + x_m + ... + x_n is the sum to n
    # (not a sum to m of sums); so is y_o log p_o for the one-hot y hot at o, which leaves log p_o alone of the sum;
    # without the one-hot convention, that sum is not y_o log p_o (n = 2: y_1 log p_1 + y_2 log p_2 with o = 1)
    ("$$\\sum_{i=1}^{n} x_i = x_1 + \\cdots + x_m + \\cdots + x_n$$", ["valid"]),
    ("$$\\sum_{i=1}^{n} x_i = x_1 + \\cdots + x_m + \\cdots + x_{n-1}$$", ["invalid"]),
    ("$$x_1 + \\dots + x_j + \\dots + x_n = x_j$$", ["invalid"]),
    ("$y$ is a one-hot vector with a 1 for the true class $o$.\n\n$$-\\sum_{k=1}^{n} y_k \\log p_k = -[y_1 \\log p_1 + \\cdots + y_o \\log p_o + \\cdots + y_n \\log p_n] = -\\log p_o$$",
     ["valid", "valid"]),
    ("$y$ is a one-hot vector with a 1 for the true class $o$.\n\n$$-[y_1 \\log p_1 + \\cdots + y_o \\log p_o + \\cdots + y_n \\log p_n] = -\\log p_n$$",
     ["invalid"]),
    ("$$-\\sum_{k=1}^{n} y_k \\log p_k = -[y_1 \\log p_1 + \\cdots + y_o \\log p_o + \\cdots + y_n \\log p_n] = -y_o \\log p_o$$",
     ["valid", "invalid"]),
    # a vector listed with an ellipsis names its entries and claims nothing
    ("$$\\mathbf{x} = (x_1, \\dots, x_n)^T$$", ["definition"]),
    # --- conditions on indices: where a case holds, never a value
    ("If $i = j$:\n\n$$\\frac{\\partial}{\\partial z_j} \\frac{e^{z_i}}{\\sum_k e^{z_k}} = p_i (1 - p_j)$$\n\nwhere $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.",
     ["definition", "valid", "definition"]),
    ("$$\\frac{\\partial p_j}{\\partial z_i} = -p_i p_j, \\quad i \\neq j$$\n\nwhere $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.", ["valid", "definition"]),
    ("$$\\frac{\\partial p_j}{\\partial z_i} = p_i p_j, \\quad i \\neq j$$\n\nwhere $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.", ["invalid", "definition"]),
    # --- Markdown and LaTeX as blogs write them
    ("> With $x = 3$:\n>\n> $$x^2 = 9$$", ["definition", "valid"]),
    ("The loss is\n$$\nL = 2 + 2\n$$\nwhere nothing else is said.\n\n$$L + 1 = 5$$", ["definition", "valid"]),
    ("$$\\begin{aligned} a &= 2 \\newline b &= a + 1 \\newline b &= 3 \\end{aligned}$$", ["definition", "definition", "valid"]),
    ("| step | value |\n|---|---|\n| $\\boxed{2 + 2 = 4}$ | $\\boxed{3 \\cdot 3 = 9}$ |", ["valid", "valid"]),
    # a name worked out again in a later block takes its new value there, and its rounding slip is judged
    ("$$z = 1 + 1 = 2$$\n\nThen for the second input:\n\n$$z = 0.5 + 0.25 = 0.85$$", ["definition", "valid", "definition", "invalid"]),
    # a function defined again under a new title is a new definition
    ("### Linear\n\n$$A(z) = z$$\n\n### Sigmoid\n\n$$A(z) = \\frac{1}{1 + e^{-z}}$$\n\n$$A(0) = 0.5$$", ["definition", "definition", "valid"]),
    # the value a computation comes to, stated alone in the next block, is a claim about that computation:
    # 0.5 - 0.01 (0.2) = 0.498; [0.1, 0.2] - 0.01 [0.5, 0.4] = [0.095, 0.196]; a new value after other steps is a new value
    ("$$b = 0.5 - 0.01 \\cdot 0.2$$\n\n$$b = 0.498$$", ["definition", "valid"]),
    ("$$b = 0.5 - 0.01 \\cdot 0.2$$\n\n$$b = 0.497$$", ["definition", "invalid"]),
    ("$$W = \\begin{bmatrix} 0.1 & 0.2 \\end{bmatrix} - 0.01 \\begin{bmatrix} 0.5 & 0.4 \\end{bmatrix}$$\n\n"
     "$$W = \\begin{bmatrix} 0.095 & 0.196 \\end{bmatrix}$$", ["definition", "valid"]),
    ("$$W = \\begin{bmatrix} 0.1 & 0.2 \\end{bmatrix} - 0.01 \\begin{bmatrix} 0.5 & 0.4 \\end{bmatrix}$$\n\n"
     "$$W = \\begin{bmatrix} 0.095 & 0.195 \\end{bmatrix}$$", ["definition", "invalid"]),
    ("$$x = 1 + 1$$\n\n$$y = 3$$\n\n$$x = 5$$\n\n$$x + y = 8$$", ["definition", "definition", "definition", "valid"]),
    # a unit's error term \delta_{h2}, \delta_{o1} is a name, not the Kronecker delta of h and 2 (\delta_{ik} still is):
    # 0.5 x 2 = 1
    ("With $\\delta_{h2} = 0.5$ and $w = 2$:\n\n$$\\delta_{h2} w = 1$$", ["definition", "definition", "valid"]),
    ("With $\\delta_{h2} = 0.5$ and $w = 2$:\n\n$$\\delta_{h2} w = 1.5$$", ["definition", "definition", "invalid"]),
    ("$$\\sum_k \\delta_{ik} x_k = x_i$$", ["valid"]),
    # a stated number that is another number altogether (1/(1 + e^0) = 0.5, written 0.6) is judged once, and the text
    # works on from it (2a = 1.2); a rounding slip (1/3 = 0.334) is carried exactly, so restating it is wrong again
    ("$$a = \\frac{1}{1 + e^{0}} = 0.6$$\n\n$$b = 2a = 1.2$$", ["definition", "invalid", "definition", "valid"]),
    ("$$a = \\frac{1}{3} = 0.334$$\n\n$$b = a = 0.334$$", ["definition", "invalid", "definition", "invalid"]),
    ("$$u = 0.5 + 0.25 = 0.6 + 0.25$$\n\n$$y = u = 0.85$$", ["definition", "invalid", "definition", "invalid"]),
    # "assign delta = dE/do do/dn, therefore dE/dw = delta dn/dw": the chain rule, not two equations to solve
    ("$$\\delta = \\frac{\\partial E}{\\partial o}\\frac{\\partial o}{\\partial n} \\therefore \\frac{\\partial E}{\\partial w} = \\delta \\frac{\\partial n}{\\partial w}$$",
     ["definition", "undecided"]),
    # numbers put into a name's formula written on an earlier line give the names without a value theirs:
    # dE/do = -(t - o), then dE/do = -(0.01 - 0.75) gives t = 0.01, so 1/2 (t - o)^2 = 1/2 (0.74)^2 = 0.2738
    ("With $o = 0.75$:\n\n$$\\frac{\\partial E}{\\partial o} = -(t - o)$$\n\n$$\\frac{\\partial E}{\\partial o} = -(0.01 - 0.75) = 0.74$$\n\n"
     "$$E = \\frac{1}{2}(t - o)^2 = 0.2738$$", ["definition"] * 3 + ["valid", "definition", "valid"]),
    ("With $o = 0.75$:\n\n$$\\frac{\\partial E}{\\partial o} = -(t - o)$$\n\n$$\\frac{\\partial E}{\\partial o} = -(0.01 - 0.75) = 0.74$$\n\n"
     "$$E = \\frac{1}{2}(t - o)^2 = 0.2838$$", ["definition"] * 3 + ["valid", "definition", "invalid"]),
    # digits pasted as subscripts (w₁ is w_1; the whole write-up ended in an AttributeError): 2 (0.5) = 1
    ("With $w₁ = 0.5$:\n\n$$2 w_1 = 1$$", ["definition", "valid"]),
    ("With $w_1 = 0.5$:\n\n$$2 w₁ = 1.5$$", ["definition", "invalid"]),
    # \sigma given a softmax's body (a sum over its argument's vector) is the text's own function, not the logistic;
    # a body in the argument alone is a claim about the logistic, checked: 1/(1 + e^{-z}) holds, 1/(1 + e^{z}) does not
    ("$$\\sigma(z_i) = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$", ["definition"]),
    ("$$\\sigma(z_i) = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n$$\\frac{1}{\\sigma(z_i)} \\sigma(z_i) = 1$$", ["definition", "valid"]),
    ("$$\\sigma(z_k) = \\frac{1}{1 + e^{-z_k}}$$", ["valid"]),
    ("$$\\sigma(z_k) = \\frac{1}{1 + e^{z_k}}$$", ["invalid"]),
    # H of two arguments is the text's cross-entropy, never Heaviside's step (whose second argument is its value at 0)
    ("$$L = H(y, \\sigma(z)) = -y \\log \\sigma(z)$$", ["definition", "undecided"]),
    # a value only seen put in ((y - a)^2 = (0 - 0.75)^2 gives y = 0) is no statement: the next example may put in
    # another (y = 1, and (1 - 0.75)^2 = 0.0625); a value the text states (y = 0) is held to
    ("With $a = 0.75$:\n\n$$(y - a)^2 = (0 - 0.75)^2 = 0.5625$$\n\nNow the second example:\n\n$$(y - a)^2 = (1 - 0.75)^2 = 0.0625$$",
     ["definition", "definition", "valid", "definition", "valid"]),
    ("With $a = 0.75$ and $y = 0$:\n\n$$(y - a)^2 = (1 - 0.75)^2 = 0.0625$$", ["definition", "definition", "invalid", "valid"]),
    # "since z = 0.5 > 0": z's value is 0.5, not the 0 it is compared with (x = 3 > 2 gave x = 2, so x^2 = 9 was "wrong")
    ("$$a = \\max(0, z)$$\n\nSince $z = 0.5 > 0$:\n\n$$\\frac{da}{dz} = 1$$", ["definition", "definition", "valid", "valid"]),
    ("$$a = \\max(0, z)$$\n\nSince $z = 0.5 > 0$:\n\n$$\\frac{da}{dz} = 0$$", ["definition", "definition", "valid", "invalid"]),
    ("Since $x = 3 > 2$:\n\n$$x^2 = 9$$", ["definition", "valid", "valid"]),
    # numbers put into a formula written above must be the values its names have: g = 0.01, so 0.2 - 0.5 (0.08) puts
    # the wrong number in g's place; 0.2 - 0.5 (0.01) = 0.195 is right
    ("With $w = 0.2$, $\\alpha = 0.5$ and $g = 0.01$:\n\n$$w' = w - \\alpha g$$\n\n$$w' = 0.2 - 0.5 \\cdot 0.08$$", ["definition"] * 4 + ["invalid"]),
    ("With $w = 0.2$, $\\alpha = 0.5$ and $g = 0.01$:\n\n$$w' = w - \\alpha g$$\n\n$$w' = 0.2 - 0.5 \\cdot (0.01) = 0.195$$", ["definition"] * 5 + ["valid"]),
    # a derivative's name is one name however its letters are set (\text{w}_{3} is w_3): 2 (0.5) = 1
    ("$$\\frac{\\partial E}{\\partial w_3} = 0.5$$\n\n$$2 \\frac{\\partial E}{\\partial \\text{w}_{3}} = 1$$", ["definition", "valid"]),
    ("$$\\frac{\\partial E}{\\partial w_3} = 0.5$$\n\n$$2 \\frac{\\partial E}{\\partial \\text{w}_{3}} = 1.2$$", ["definition", "invalid"]),
    # a layer in square brackets (a^{[1]}, deeplearning.ai's notation) is a label, never a power: 0.5 + 0.2 = 0.7, 0.5 (0.2) = 0.1
    ("With $a^{[1]} = 0.5$ and $a^{[2]} = 0.2$:\n\n$$a^{[1]} + a^{[2]} = 0.7$$", ["definition", "definition", "valid"]),
    ("With $a^{[1]} = 0.5$ and $a^{[2]} = 0.2$:\n\n$$a^{[1]} a^{[2]} = 0.25$$", ["definition", "definition", "invalid"]),
    # a number times a list multiplies each entry, each judged to the places written: 0.404 (0.55, 0.60) = (0.2222, 0.2424)
    ("$$0.404 \\times [0.55, 0.60] = [0.222, 0.242]$$", ["valid"]),
    ("$$0.404 \\times [0.55, 0.60] = [0.222, 0.243]$$", ["invalid"]),
    # g = 2 (0.05) written 0.01 (a slip, judged once): a later line may put in the right 0.1 as well as the 0.01 carried,
    # but not another number (0.3); a formula with a rate written in it (1 - 0.5 g) is a formula still
    ("$$g = 2 \\cdot 0.05 = 0.01$$\n\n$$w' = 1 - 0.5 g$$\n\n$$w' = 1 - 0.5 \\cdot 0.1 = 0.95$$", ["definition", "invalid", "definition", "definition", "valid"]),
    ("$$g = 2 \\cdot 0.05 = 0.01$$\n\n$$w' = 1 - 0.5 g$$\n\n$$w' = 1 - 0.5 \\cdot 0.3 = 0.85$$", ["definition", "invalid", "definition", "invalid", "valid"]),
    # --- formulas where blogs and READMEs put them
    # an image drawn by a LaTeX service is its formula: 2 + 2 = 4 holds, 2 + 2 = 5 does not
    ("The sum:\n\n![sum](https://latex.codecogs.com/svg.latex?%5Cdpi%7B120%7D%202%2B2%3D4)\n", ["valid"]),
    ("The sum:\n\n![sum](https://latex.codecogs.com/svg.latex?%5Cdpi%7B120%7D%202%2B2%3D5)\n", ["invalid"]),
    # Leibniz names in images are told apart: with E = (y - t)^2, dE/dy = 2(y - t) and dE/dt = -2(y - t), so they are
    # equal only with a minus sign between them
    (image("E = (y - t)^2") + image("\\frac{\\partial E}{\\partial y} = \\frac{\\partial E}{\\partial t}"), ["definition", "invalid"]),
    (image("E = (y - t)^2") + image("\\frac{\\partial E}{\\partial y} = -\\frac{\\partial E}{\\partial t}"), ["definition", "valid"]),
    # ... also where their variables have values: z = w y gives dz/dy = w = 3 and dz/dw = y = 0.5
    (image("w = 3") + image("y = 0.5") + image("z = w y") + image("\\frac{\\partial z}{\\partial y} = w"), ["definition"] * 3 + ["valid"]),
    (image("w = 3") + image("y = 0.5") + image("z = w y") + image("\\frac{\\partial z}{\\partial y} = \\frac{\\partial z}{\\partial w}"),
     ["definition"] * 3 + ["invalid"]),
    # \\( ... \\) is MathJax's \( ... \) as Markdown escapes it: x = 3 gives x^2 = 9
    ("With \\\\(x = 3\\\\):\n\n\\\\(x^2 = 9\\\\)\n", ["definition", "valid"]),
    ("With \\\\(x = 3\\\\):\n\n\\\\(x^2 = 8\\\\)\n", ["definition", "invalid"]),
    # a matrix's rows in such a blog end in six backslashes: Markdown leaves \\\\ (a new row) and \\ before the line's end,
    # TeX's control space (it was "unknown command"); v = (1, 2) by column, so v^T v = 1 + 4 = 5
    ("Let \\\\(v = \\begin{bmatrix} 1 \\\\\\\\\\\\\n2 \\end{bmatrix}\\\\).\n\nThen \\\\(v^T v = 5\\\\).\n", ["definition", "valid"]),
    ("Let \\\\(v = \\begin{bmatrix} 1 \\\\\\\\\\\\\n2 \\end{bmatrix}\\\\).\n\nThen \\\\(v^T v = 6\\\\).\n", ["definition", "invalid"]),
    # a word written alone is a quantity, so out(1 - out) is a product: 0.5 (1 - 0.5) = 0.25
    ("With $out = 0.5$:\n\n$$out(1 - out) = 0.25$$", ["definition", "valid"]),
    ("With $out = 0.5$:\n\n$$out(1 - out) = 0.4$$", ["definition", "invalid"]),
    # a square I among matrices is the identity: A I = A, not 2A
    ("Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$A I = A$$", ["valid"]),
    ("Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$A I = 2A$$", ["invalid"]),
    # a list given for a column vector is its entries: x x^T for x = (2, 1) is [[4, 2], [2, 1]]
    ("Let $x_1 = [2, 1]$.\n\n$$x_1 x_1^T = \\begin{pmatrix}4 & 2\\\\ 2 & 1\\end{pmatrix}$$", ["definition", "valid"]),
    ("Let $x_1 = [2, 1]$.\n\n$$x_1 x_1^T = \\begin{pmatrix}4 & 2\\\\ 2 & 2\\end{pmatrix}$$", ["definition", "invalid"]),
    # a function is what its chain ends in: max(2x, x) is x for x < 0, so the cases are wrong there; the derivative
    # of the cases as written is then judged against them (the slip is reported once, where it is)
    ("$$f(x) = \\max(2x, x) = \\begin{cases} 2x & x < 0 \\\\ x & x > 0 \\end{cases}$$\n\n"
     "$$f'(x) = \\begin{cases} 2 & x < 0 \\\\ 1 & x > 0 \\end{cases}$$", ["definition", "invalid", "valid"]),
    # --- functions: subscripts kept, generic ones checked for any function, positive parts, dual numbers
    ("$$\\phi_1(z) + 1 = \\phi_2(z) + 1$$", ["undecided"]),
    ("$$\\frac{d}{dz} g(2z) = 2 g'(2z)$$", ["valid"]),
    ("$$|z| = 2(z)_+ - z$$", ["valid"]),
    ("where $\\epsilon^2 = 0$.\n\n$$(u + \\dot{u}\\epsilon)(v + \\dot{v}\\epsilon) = uv + (u\\dot{v} + \\dot{u}v)\\epsilon$$", ["definition", "valid"]),
    ("where $\\epsilon^2 = 0$.\n\n$$(u + \\dot{u}\\epsilon)(v + \\dot{v}\\epsilon) = uv + u\\dot{v}\\epsilon$$", ["definition", "invalid"]),
    # a subscript inside a font's braces: \mathbf{x_1} is x_1, \mathbb{\hat{y_i}} is \hat{y}_i (the softmax's diagonal slope)
    ("$$\\mathbf{x_1} + \\mathbf{x_2} = \\mathbf{x}_2 + \\mathbf{x}_1$$", ["valid"]),
    ("$$\\mathbb{\\hat{y_i}} = \\frac{e^{\\theta_i}}{\\sum_{j=1}^{3} e^{\\theta_j}}$$\n\n"
     "$$\\frac{\\partial \\mathbb{\\hat{y_i}}}{\\partial \\theta_i} = \\mathbb{\\hat{y_i}}(1 - \\mathbb{\\hat{y_i}})$$", ["definition", "valid"]),
    ("$$\\mathbb{\\hat{y_i}} = \\frac{e^{\\theta_i}}{\\sum_{j=1}^{3} e^{\\theta_j}}$$\n\n"
     "$$\\frac{\\partial \\mathbb{\\hat{y_i}}}{\\partial \\theta_i} = \\mathbb{\\hat{y_i}}(1 + \\mathbb{\\hat{y_i}})$$", ["definition", "invalid"]),
    # \Delta x is one name, the increment of x: a derivative from first principles (the limit of (2x dx + dx^2)/dx is 2x)
    ("$$\\frac{d}{dx} x^2 = \\lim_{\\Delta x \\to 0} \\frac{(x + \\Delta x)^2 - x^2}{\\Delta x} = \\lim_{\\Delta{x} \\to 0} (2x + \\Delta x) = 2x$$", ["valid", "valid", "valid"]),
    ("$$\\lim_{\\Delta x \\to 0} \\frac{(x + \\Delta x)^2 - x^2}{\\Delta x} = 2x + 1$$", ["invalid"]),
    # a name defined as a vector, then added to a number (w^T x is 1 x 1): not judged, and the step says which shapes
    ("Let $w, x \\in \\mathbb{R}^2$.\n\n$$y = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$w^\\top x + y = 3$$", ["definition", "unparsed"]),
    # a chain mixing = and >= is judged link by link
    ("$$3 - 3 = 0 \\ge 0$$", ["valid", "valid"]),
    ("$$3 - 2 = 0 \\ge 0$$", ["invalid", "valid"]),
    # --- a function of several values, differentiated by its bare name: f means f(x_1, x_2)
    # by hand: f = x_1 x_2^2, so df/dx_2 = 2 x_1 x_2 and df/dx_1 = x_2^2
    ("$$f(x_1, x_2) = x_1 x_2^2$$\n\n$$\\frac{\\partial f}{\\partial x_2} = 2 x_1 x_2$$", ["definition", "valid"]),
    ("$$f(x_1, x_2) = x_1 x_2^2$$\n\n$$\\frac{\\partial f}{\\partial x_2} = x_1 x_2$$", ["definition", "invalid"]),
    ("$$f(x_1, x_2) = x_1 x_2^2$$\n\n$$\\frac{\\partial f}{\\partial x_1} = x_2^2$$", ["definition", "valid"]),
    # L(yhat, y) = -(y log yhat + (1 - y) log(1 - yhat)): dL/dyhat = -y/yhat + (1 - y)/(1 - yhat); the sign slip is wrong
    ("$$L(\\hat{y}, y) = -(y\\log(\\hat{y}) + (1-y)\\log(1-\\hat{y}))$$\n\n$$\\frac{dL}{d\\hat y} = -\\frac{y}{\\hat y} + \\frac{1-y}{1-\\hat y}$$",
     ["definition", "valid"]),
    ("$$L(\\hat{y}, y) = -(y\\log(\\hat{y}) + (1-y)\\log(1-\\hat{y}))$$\n\n$$\\frac{dL}{d\\hat y} = \\frac{y}{\\hat y} + \\frac{1-y}{1-\\hat y}$$",
     ["definition", "invalid"]),
    # --- a function's backslash left out right after a factor: ylog(p) is y log p, xexp(x) is x e^x
    # by hand: d/dp (-y log p) = -y/p; d/dx (x e^x) = e^x + x e^x
    ("$$L = -ylog(p)$$\n\n$$\\frac{dL}{dp} = -\\frac{y}{p}$$", ["definition", "valid"]),
    ("$$L = -ylog(p)$$\n\n$$\\frac{dL}{dp} = \\frac{y}{p}$$", ["definition", "invalid"]),
    ("$$g = xexp(x)$$\n\n$$\\frac{dg}{dx} = exp(x) + xexp(x)$$", ["definition", "valid"]),
    ("$$g = xexp(x)$$\n\n$$\\frac{dg}{dx} = xexp(x)$$", ["definition", "invalid"]),
    # --- a gradient in either layout, of a Greek vector declared in R^K: with t = (t_1, t_2) and J = -y^T log softmax(theta)
    # for a one-hot y, dJ/dtheta_k = softmax(theta)_k - y_k, a column; its transpose is the numerator-layout row
    ("Let $\\theta \\in \\mathbb{R}^K$ and $\\mathbf{y} \\in \\mathbb{R}^K$ a one-hot label, $\\mathbf{p} = \\operatorname{softmax}(\\theta)$, "
     "$J = -\\mathbf{y}^\\top \\log \\mathbf{p}$.\n\n$$\\nabla_{\\theta} J = \\mathbf{p} - \\mathbf{y}$$", ["definition", "definition", "valid"]),
    ("Let $\\theta \\in \\mathbb{R}^K$ and $\\mathbf{y} \\in \\mathbb{R}^K$ a one-hot label, $\\mathbf{p} = \\operatorname{softmax}(\\theta)$, "
     "$J = -\\mathbf{y}^\\top \\log \\mathbf{p}$.\n\n$$\\frac{\\partial J}{\\partial \\theta} = (\\mathbf{p} - \\mathbf{y})^\\top$$", ["definition", "definition", "valid"]),
    ("Let $\\theta \\in \\mathbb{R}^K$ and $\\mathbf{y} \\in \\mathbb{R}^K$ a one-hot label, $\\mathbf{p} = \\operatorname{softmax}(\\theta)$, "
     "$J = -\\mathbf{y}^\\top \\log \\mathbf{p}$.\n\n$$\\frac{\\partial J}{\\partial \\theta} = \\mathbf{y} - \\mathbf{p}$$", ["definition", "definition", "invalid"]),
    ("Let $\\theta \\in \\mathbb{R}^K$ and $\\mathbf{y} \\in \\mathbb{R}^K$ a one-hot label, $\\mathbf{p} = \\operatorname{softmax}(\\theta)$, "
     "$J = -\\mathbf{y}^\\top \\log \\mathbf{p}$.\n\n$$\\frac{\\partial J}{\\partial \\theta} = \\mathbf{p}^\\top$$", ["definition", "definition", "invalid"]),
    # --- a sum over a family of vectors (w_1, ..., w_V): the one vector w_i cannot stand for it, so the loss's formula
    # is not differentiated as if every term held the same w_i (that gave V times the gradient, a false alarm)
    ("Let $\\mathbf{w}_i, \\mathbf{u}_j \\in \\mathbb{R}^d$.\n\n$$L = \\sum_{i=1}^{V} \\sum_{j=1}^{V} (\\mathbf{w}_i^T \\mathbf{u}_j - c_{ij})^2$$\n\n"
     "$$\\frac{\\partial L}{\\partial \\mathbf{w}_i} = 2 \\sum_{j=1}^{V} (\\mathbf{w}_i^T \\mathbf{u}_j - c_{ij}) \\mathbf{u}_j$$", ["definition", "definition"]),

    # --- how far a sum's body and a log's argument reach, as authors write them
    # a term after + that still uses the summed index is the body's: sum_i a_i + b_i is sum_i (a_i + b_i); one
    # without it ends the sum (sum_i a_i + c is (sum_i a_i) + c, so doubling c is wrong)
    ("$$\\sum_{i=1}^n a_i + b_i = \\sum_{i=1}^n (a_i + b_i)$$", ["valid"]),
    ("$$\\sum_{i=1}^n a_i - b_i = \\sum_{i=1}^n a_i - \\sum_{i=1}^n b_i$$", ["valid"]),
    ("$$\\sum_{i=1}^n a_i + c = c + \\sum_{i=1}^n a_i$$", ["valid"]),
    ("$$\\sum_{i=1}^n a_i + c = \\sum_{i=1}^n (a_i + c)$$", ["invalid"]),
    # log s^y (1 - s)^{1-y}: one log of the whole likelihood factor, = y log s + (1 - y) log(1 - s) for 0 < s < 1;
    # \log(1-s)^{1-y}: the log of the power; where 1 - s < 0 the sides are not real, which says nothing
    ("$$\\log \\sigma(a)^{y}(1-\\sigma(a))^{1-y} = y \\log \\sigma(a) + (1-y)\\log(1-\\sigma(a))$$", ["valid"]),
    ("$$\\log \\sigma(a)^{y}(1-\\sigma(a))^{1-y} = y \\log \\sigma(a) + y\\log(1-\\sigma(a))$$", ["invalid"]),
    ("$$\\log (1-\\sigma(a))^{1-y} = (1-y)\\log(1-\\sigma(a))$$", ["valid"]),
    ("$$\\log (1-s)^{1-y} = (1-y)\\log(1-s)$$", ["undecided"]),
    # --- a chain rule whose fractions cancel to another variable of the same name: an index slip
    # dE/dh_2 dh_2/dw_11 is dE/dw_11, so it cannot be dE/dw_12; over w_12 it cancels right (the chain rule holds);
    # E_total over E_o1 (only E_o1 depends on w_5) is the usual shortcut, not a slip
    ("$$\\frac{\\partial E}{\\partial w_{12}} = \\frac{\\partial E}{\\partial h_2}\\frac{\\partial h_2}{\\partial w_{11}}$$", ["invalid"]),
    ("$$\\frac{\\partial E}{\\partial w_{12}} = \\frac{\\partial E}{\\partial h_2}\\frac{\\partial h_2}{\\partial w_{12}}$$", ["valid"]),
    ("$$\\frac{\\partial L}{\\partial x_1} = \\frac{\\partial L}{\\partial z} \\cdot \\frac{\\partial z}{\\partial x_2}$$", ["invalid"]),
    ("$$\\frac{\\partial E_{total}}{\\partial w_5} = \\frac{\\partial E_{o1}}{\\partial o_1}\\frac{\\partial o_1}{\\partial w_5}$$", ["definition"]),
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial z}\\frac{\\partial z}{\\partial W}$$", ["definition"]),
    # ... and, in a chain of two links or more, to a variable of other letters: dJ/dtheta dtheta/dU is dJ/dU (a matrix's
    # gradient), not dJ/dv_c; dL/dy dy/dz dz/dw is dL/dw, not dL/db. One fraction alone can be right (dL/db = dL/dz
    # when z = wx + b, dz/db = 1), and a variable written loosely (bold or not, w for W, theta for its entry theta_j)
    # is not a slip
    ("$$\\frac{\\partial J}{\\partial v_c} = \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial U}$$", ["invalid"]),
    ("$$\\frac{\\partial J}{\\partial v_c} = \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial v_c}$$", ["valid"]),
    ("$$\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial \\hat y}\\frac{\\partial \\hat y}{\\partial z}\\frac{\\partial z}{\\partial w}$$", ["invalid"]),
    ("$$\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial \\hat y}\\frac{\\partial \\hat y}{\\partial z}\\frac{\\partial z}{\\partial b}$$", ["valid"]),
    ("$$\\frac{dL}{db} = \\frac{dL}{dz}$$", ["definition"]),
    ("$$\\frac{\\partial L}{\\partial \\theta} = \\frac{\\partial L}{\\partial z}\\frac{\\partial z}{\\partial \\theta_j}$$", ["definition"]),
    ("$$\\frac{\\partial L}{\\partial \\mathbf{w}} = \\frac{\\partial L}{\\partial z}\\frac{\\partial z}{\\partial w}$$", ["definition"]),
    ("$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial o_1}\\frac{\\partial o_1}{\\partial w5}$$", ["definition"]),
    # --- a link of a chain that is 0 by the definitions while the chain's quantity depends on its variable: E1 = (t1 -
    # a_o1)^2/2 does not hold a_o2 (dE1/da_o2 = 0), yet E2 reaches a_h1 through o2 (w7 a_h1); w5 is a weight, an input
    # of the formulas, so dw5/da_h1 = 0, yet E1 reaches a_h1 through o1. The same chains through the right quantities
    # hold: dE2/da_h1 = (a_o2 - t2) a_o2 (1 - a_o2) w7 both ways, dE1/da_h1 = (a_o1 - t1) a_o1 (1 - a_o1) w5
    (ERA_NETWORK + "```\n∂E2/∂a_h1 = ∂E1/∂a_o2 * ∂a_o2/∂o2 * ∂o2/∂a_h1\n```", ["definition"] * 11 + ["invalid"]),
    (ERA_NETWORK + "```\n∂E2/∂a_h1 = ∂E2/∂a_o2 * ∂a_o2/∂o2 * ∂o2/∂a_h1\n```", ["definition"] * 11 + ["valid"]),
    (ERA_NETWORK + "```\n∂E1/∂a_h1 = ∂E1/∂a_o1 * ∂a_o1/∂o1 * ∂o1/∂w5 * ∂w5/∂a_h1\n```", ["definition"] * 11 + ["invalid"]),
    (ERA_NETWORK + "```\n∂E1/∂a_h1 = ∂E1/∂a_o1 * ∂a_o1/∂o1 * ∂o1/∂a_h1\n```", ["definition"] * 11 + ["valid"]),
    # --- w^T x of two vectors is a 1 x 1 matrix, a number where a number stands (in exp, added to 1): sigma(w^T x) =
    # 1/(1 + e^{-w^T x}) by the logistic's definition, and with e^{+w^T x} it is sigma(-w^T x), another number
    # (it could not be evaluated at any point: undecided)
    ("Let $\\mathbf{w}, \\mathbf{x} \\in \\mathbb{R}^d$.\n\n$$\\sigma(\\mathbf{w}^T\\mathbf{x}) = \\frac{1}{1 + e^{-\\mathbf{w}^T\\mathbf{x}}}$$", ["valid"]),
    ("Let $\\mathbf{w}, \\mathbf{x} \\in \\mathbb{R}^d$.\n\n$$\\sigma(\\mathbf{w}^T\\mathbf{x}) = \\frac{1}{1 + e^{\\mathbf{w}^T\\mathbf{x}}}$$", ["invalid"]),
    ("Let $\\mathbf{w}, \\mathbf{x} \\in \\mathbb{R}^d$.\n\n$$(1 + \\mathbf{w}^T\\mathbf{x})^2 = 1 + 2\\mathbf{w}^T\\mathbf{x} + (\\mathbf{w}^T\\mathbf{x})^2$$", ["valid"]),
    ("Let $\\mathbf{w}, \\mathbf{x} \\in \\mathbb{R}^d$.\n\n$$(1 + \\mathbf{w}^T\\mathbf{x})^2 = 1 + \\mathbf{w}^T\\mathbf{x} + (\\mathbf{w}^T\\mathbf{x})^2$$", ["invalid"]),
    # --- a derivative where its function has a kink is compared away from the kink: ReLU'(z) = 1_{z > 0} holds for every
    # z != 0, and at z = 0 the derivative does not exist (it was called wrong there: 1/2 against 0); 1_{z < 0} is
    # wrong at every z != 0
    ("$$f(z) = \\max(0, z)$$\n\n$$f'(z) = \\mathbf{1}_{z > 0}$$", ["definition", "valid"]),
    ("$$f(z) = \\max(0, z)$$\n\n$$f'(z) = \\mathbf{1}_{z < 0}$$", ["definition", "invalid"]),
    ("$$f(z) = |z|$$\n\n$$f'(z) = \\operatorname{sgn}(z)$$", ["definition", "valid"]),
    ("$$f(z) = |z|$$\n\n$$f'(z) = -\\operatorname{sgn}(z)$$", ["definition", "invalid"]),
    # "where phi'(z) = ..." of a function the text defines is a claim about its derivative (1 - tanh^2 for tanh), not
    # notation explained; 1 + tanh^2 is wrong
    ("$\\phi(z) = \\tanh(z)$ where $\\phi'(z) = 1 - \\tanh^2(z)$", ["definition", "valid"]),
    ("$\\phi(z) = \\tanh(z)$ where $\\phi'(z) = 1 + \\tanh^2(z)$", ["definition", "invalid"]),
    # ... and a chain that starts from a numbered sibling of its left side's quantity: dE1/da_o2 ... cancels to dE1/da_h1,
    # which is not dE2/da_h1 (E1 and E2 are two outputs' errors); from E2 it cancels right (the chain rule holds);
    # E_total over E_o1 is the usual shortcut (only E_o1 depends on w_5), not a sibling
    ("```\n∂E2/∂a_h1 = ∂E1/∂a_o2 * ∂a_o2/∂o2 * ∂o2/∂a_h1\n```", ["invalid"]),
    ("```\n∂E2/∂a_h1 = ∂E2/∂a_o2 * ∂a_o2/∂o2 * ∂o2/∂a_h1\n```", ["valid"]),
    ("$$\\frac{\\partial E_{o2}}{\\partial w_7} = \\frac{\\partial E_{o1}}{\\partial o_2}\\frac{\\partial o_2}{\\partial w_7}$$", ["invalid"]),
    # --- an entry of what brackets hold: [a - b]_k is a_k - b_k (each vector's k-th entry), so + b_k is wrong
    ("$$[\\hat{y} - y]_b = \\hat{y}_b - y_b$$", ["valid"]),
    ("$$[\\hat{y} - y]_b = \\hat{y}_b + y_b$$", ["invalid"]),
    ("$$\\big( u + 2 v \\big)_k = u_k + 2 v_k$$", ["valid"]),
    ("$$(u + 2 v)_k = u_k + v_k$$", ["invalid"]),
    # of a vector expression: with a = (1, 2)^T and b = (3, 5)^T, (a + b)_2 = 2 + 5 = 7
    ("$$a = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$b = \\begin{bmatrix} 3 \\\\ 5 \\end{bmatrix}$$\n\n$$(a + b)_2 = 7$$", ["definition", "definition", "valid"]),
    ("$$a = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$b = \\begin{bmatrix} 3 \\\\ 5 \\end{bmatrix}$$\n\n$$(a + b)_2 = 4$$", ["definition", "definition", "invalid"]),
    # the chain rule written with * between its fractions cancels as with \cdot: valid as written
    ("$$\\frac{\\partial E}{\\partial o} * \\frac{\\partial o}{\\partial n} = \\frac{\\partial E}{\\partial n}$$", ["valid"]),
    ("$$\\frac{\\partial E}{\\partial w_{12}} = \\frac{\\partial E}{\\partial h_2} * \\frac{\\partial h_2}{\\partial w_{11}}$$", ["invalid"]),
    # a derivative in an entry of a vector that a sum runs over: d/dp_j sum_k y_k log p_k = y_j / p_j (only k = j
    # holds p_j); with the minus in the numerator, -y_j/p_j
    ("$$\\frac{\\partial}{\\partial p_j} \\sum_k y_k \\log p_k = \\frac{y_j}{p_j}$$", ["valid"]),
    ("$$\\frac{-\\partial \\sum_k y_k \\log p_k}{\\partial p_j} = -\\frac{y_j}{p_j}$$", ["valid"]),
    ("$$\\frac{-\\partial \\sum_k y_k \\log p_k}{\\partial p_j} = \\frac{y_j}{p_j}$$", ["invalid"]),
    # a heading that states a condition holds for the displays under it: d p_j / d x_i = -p_i p_j only where j != i
    # (for j = i it is p_i(1 - p_i)); with p = softmax(x)
    ("Let $p_k = \\frac{e^{x_k}}{\\sum_m e^{x_m}}$.\n\n#### When $j \\neq i$\n\n$$\\frac{\\partial p_j}{\\partial x_i} = -p_i p_j$$",
     ["definition", "valid"]),
    ("Let $p_k = \\frac{e^{x_k}}{\\sum_m e^{x_m}}$.\n\n#### When $j \\neq i$\n\n$$\\frac{\\partial p_j}{\\partial x_i} = p_i p_j$$",
     ["definition", "invalid"]),
    # the same under a heading that names the case without a lead word ("### Case 2: $i \neq j$")
    ("Let $p_k = \\frac{e^{x_k}}{\\sum_m e^{x_m}}$.\n\n### Case 2: $j \\neq i$\n\n$$\\frac{\\partial p_j}{\\partial x_i} = -p_i p_j$$",
     ["definition", "valid"]),
    ("Let $p_k = \\frac{e^{x_k}}{\\sum_m e^{x_m}}$.\n\n### Case 1: $j = i$\n\n$$\\frac{\\partial p_j}{\\partial x_i} = p_i (1 - p_i)$$",
     ["definition", "valid"]),
    ("Let $p_k = \\frac{e^{x_k}}{\\sum_m e^{x_m}}$.\n\n### Case 1: $j = i$\n\n$$\\frac{\\partial p_j}{\\partial x_i} = -p_i p_j$$",
     ["definition", "invalid"]),
    # a row times a column is a number: (y - sigma(w^T x)) x leaves x a d-vector (it made x d x d, and the line
    # unreadable), so distributing x over the bracket holds, and a sign changed in it does not
    ("The weights are $w \\in \\mathbb{R}^{d}$.\n\n$$(y - \\sigma(w^\\top x)) x = y x - \\sigma(w^\\top x) x$$", ["valid"]),
    ("The weights are $w \\in \\mathbb{R}^{d}$.\n\n$$(y - \\sigma(w^\\top x)) x = y x + \\sigma(w^\\top x) x$$", ["invalid"]),
    # "sigma = sigma(w^T x)" (simplify notation): from there sigma alone is that value, so sigma(1 - sigma) is a
    # product; d sigma(u)/dw = sigma(1 - sigma) x for u = w^T x
    ("The weights are $w \\in \\mathbb{R}^{d}$.\n\n$$\\sigma = \\sigma(w^\\top x)$$\n\n$$\\nabla_w \\sigma = \\sigma(1 - \\sigma) x$$",
     ["definition", "valid"]),
    ("The weights are $w \\in \\mathbb{R}^{d}$.\n\n$$\\sigma = \\sigma(w^\\top x)$$\n\n$$\\nabla_w \\sigma = (1 - \\sigma) x$$",
     ["definition", "invalid"]),
    # the same in one variable: s = sigma(2z) has ds/dz = 2 s (1 - s)
    ("$$\\sigma = \\sigma(2z)$$\n\n$$\\frac{d\\sigma}{dz} = 2\\sigma(1 - \\sigma)$$", ["definition", "valid"]),
    ("$$\\sigma = \\sigma(2z)$$\n\n$$\\frac{d\\sigma}{dz} = \\sigma(1 - \\sigma)$$", ["definition", "invalid"]),
    # a MyST admonition's body is Markdown (Jupyter Book draws it as text): its formulas are read; a fenced code
    # block's are not. tanh z = (e^z - e^{-z})/(e^z + e^{-z}); with - below the line it is 1, which tanh is not
    ("```{note}\n$$\\tanh(z) = \\frac{e^z - e^{-z}}{e^z + e^{-z}}$$\n```", ["valid"]),
    ("```{warning}\n:class: dropdown\n$$\\tanh(z) = \\frac{e^z - e^{-z}}{e^z - e^{-z}}$$\n```", ["invalid"]),
    ("```python\n$$\\tanh(z) = \\frac{e^z - e^{-z}}{e^z - e^{-z}}$$\n```\n\n$$\\tanh(0) = 0$$", ["valid"]),
    # a side that reads as a number only because it cancels, written in the other side's letters, is a claim for every
    # z (f(1 - f) is not 1); such a slip gives t no value, so dt/dz = 1 - t^2 still holds for t = tanh z
    ("$$f(z) = \\frac{1}{1+e^{-z}}$$\n\n$$f(z)(1-f(z)) = \\frac{1-e^{-z}}{1-e^{-z}}$$", ["definition", "invalid"]),
    ("$$t = \\tanh(z) = \\frac{e^z - e^{-z}}{e^z - e^{-z}}$$\n\n$$\\frac{dt}{dz} = 1 - t^2$$", ["definition", "invalid", "valid"]),
    # under a new titled heading, t = f(z) = body gives f a new body (a cheat sheet's next activation): dt/dz = H(z) for
    # ReLU; in the same section the same line is a claim about the f defined, and max(0, z) is not the sigmoid
    ("## Sigmoid\n\n$$t = f(z) = \\frac{1}{1+e^{-z}}$$\n\n## ReLU\n\n$$t = f(z) = \\max(0, z)$$\n\n$$f(2) = 2$$",
     ["definition", "definition", "definition", "definition", "valid"]),
    ("## Sigmoid\n\n$$f(z) = \\frac{1}{1+e^{-z}}$$\n\n$$t = f(z) = \\max(0, z)$$", ["definition", "definition", "invalid"]),
    # f, g, h applied and never defined are any functions: the quotient rule (g/h)' = (g'h - gh')/h^2 holds for every
    # g, h, with + it fails for almost every pair; \prime is a prime, and h^2(x) is h(x) squared
    ("$$f(x) = \\frac{g(x)}{h(x)}$$\n\n$$f'(x) = \\frac{g'(x)h(x) - g(x)h'(x)}{h^2(x)}$$", ["definition", "valid"]),
    ("$$f(x) = \\frac{g(x)}{h(x)}$$\n\n$$f\\prime(x) = \\frac{g\\prime(x)h(x) + g(x)h\\prime(x)}{h^2(x)}$$", ["definition", "invalid"]),
    ("$$f(x) = \\frac{g(x)}{h(x)}$$\n\n$$f^{\\prime}(x) = \\frac{g^{\\prime}(x)h(x) - g(x)h^{\\prime}(x)}{h(x)^2}$$", ["definition", "valid"]),
    # the product rule: (fg)' = f'g + fg', not f'g'
    ("$$\\frac{d}{dx}[f(x)g(x)] = f'(x)g(x) + f(x)g'(x)$$", ["valid"]),
    ("$$\\frac{d}{dx}[f(x)g(x)] = f'(x)g'(x)$$", ["invalid"]),
    # but g'(z) given through g itself is what one function satisfies (the sigmoid, named g in the prose), not a rule
    # for every g: a generic g that fails it does not make the line wrong
    ("Here $g$ is the logistic sigmoid.\n\n$$g'(z) = g(z)(1 - g(z))$$", ["undecided"]),
    ("Let $F$ be an antiderivative of $f$.\n\n$$F'(x) = f(x)$$", ["undecided"]),  # a relation the text sets, not a rule
    # a prime after brackets is the derivative of what they hold in its one variable: (1/(1+e^{-x}))' = e^{-x}/(1+e^{-x})^2,
    # and [e^{-2z}]' = -2e^{-2z} (without the minus, wrong)
    ("$$\\sigma'(x) = \\left(\\frac{1}{1+e^{-x}}\\right)' = \\frac{e^{-x}}{(1+e^{-x})^2}$$", ["valid", "valid"]),
    ("$$[e^{-2z}]' = 2e^{-2z}$$", ["invalid"]),
    # "where k is the index of the correct class": the label weighing the logs is one-hot at k, so the cross-entropy
    # is -log yhat_k; with the hat over the subscripted name (\hat{y_i}) the same entries; +log yhat_k (the sign) is not
    ("$$\\text{CE}(y, \\hat y) = -\\sum_i y_i \\log \\hat{y}_i = -\\log \\hat{y}_k$$\n\nwhere $k$ is the index of the correct class.",
     ["definition", "valid"]),
    ("$$\\text{CE}(y, \\hat y) = -\\sum_i {y_i} \\log{\\hat {y_i}} = -\\log{\\hat {y_k}}$$\n\nwhere $k$ is the index of the true class.",
     ["definition", "valid"]),
    ("$$\\text{CE}(y, \\hat y) = -\\sum_i y_i \\log \\hat{y}_i = \\log \\hat{y}_k$$\n\nwhere $k$ is the index of the correct class.",
     ["definition", "invalid"]),
    # the chain rule with placeholder functions: (g(h(x)))' = g'(h(x)) h'(x); without h'(x), or with g' at x, wrong
    ("$$f(x) = g(h(x))$$\n\n$$f'(x) = g'(h(x)) h'(x)$$", ["definition", "valid"]),
    ("$$f(x) = g(h(x))$$\n\n$$f'(x) = g'(h(x))$$", ["definition", "invalid"]),
    ("$$f(x) = g(h(x))$$\n\n$$f'(x) = g'(x) h'(x)$$", ["definition", "invalid"]),
    # y(x, w): a letter before a bracket of several values is a function of them (a number times a list means nothing);
    # y(1 - e) + (1 - y)e = y - 2ye + e for any value y(x, w) takes
    ("$$y(x, w)(1 - \\epsilon) + (1 - y(x, w))\\epsilon = y(x, w) - 2y(x, w)\\epsilon + \\epsilon$$", ["valid"]),
    # a bare \sum with nothing after it to sum is the write-up's short name for the sum (and \sum' its derivative):
    # (e_i S - e_i^2)/S^2 = (e_i/S)(1 - e_i/S) for any S; with + in the bracket it is not
    ("$$\\frac{e_i \\sum - e_i e_i}{\\sum^2} = \\frac{e_i}{\\sum}\\left(1 - \\frac{e_i}{\\sum}\\right)$$", ["valid"]),
    ("$$\\frac{e_i \\sum - e_i e_i}{\\sum^2} = \\frac{e_i}{\\sum}\\left(1 + \\frac{e_i}{\\sum}\\right)$$", ["invalid"]),
    ("$$\\sum' = e_i$$\n\n$$\\frac{e_i \\sum - e_i \\sum'}{\\sum^2} = \\frac{e_i \\sum - e_i^2}{\\sum^2}$$", ["definition", "valid"]),
    # so is \sum_K alone ("the sum over K"): (e^t S - e^{2t})/S^2 = (e^t/S)(1 - e^t/S); a sum with a summand stays a sum
    ("$$\\frac{e^{\\theta_i}\\sum_K - e^{\\theta_i}e^{\\theta_i}}{(\\sum_K)^2} = \\frac{e^{\\theta_i}}{\\sum_K}\\left(1 - \\frac{e^{\\theta_i}}{\\sum_K}\\right)$$", ["valid"]),
    ("$$\\frac{e^{\\theta_i}\\sum_K - e^{\\theta_i}e^{\\theta_i}}{(\\sum_K)^2} = \\frac{e^{\\theta_i}}{\\sum_K}$$", ["invalid"]),
    ("$$\\sum_{k=1}^{3} k = 6$$", ["valid"]),
    # --- a vector or matrix written out by its own entries has that shape, as surely as if declared: x = [x_1, x_2]^T is
    # 2 x 1 and W is 2 x 3, so W^T x is 3 x 1; x^T(p - y) with p = [p_1, p_2, p_3]^T multiplies a 1 x 2 by a 3 x 1,
    # which no order of summing makes defined (a shape mistake, even in the line that names the gradient)
    (COLUMNS + "$$\\frac{\\partial J}{\\partial W} = \\mathbf{x}^T(\\mathbf{p} - \\mathbf{y})$$", ["definition", "definition", "invalid"]),
    (COLUMNS + "$$\\frac{\\partial J}{\\partial W} = \\mathbf{x}(\\mathbf{p} - \\mathbf{y})^T$$", ["definition", "definition", "definition"]),
    (MATRIX_AND_COLUMN + "$$\\mathbf{z} = W \\mathbf{x}$$", ["definition", "definition", "invalid"]),
    (MATRIX_AND_COLUMN + "$$\\mathbf{z} = W^T \\mathbf{x}$$", ["definition", "definition", "definition"]),
    # a list with an ellipsis says no length (it is as long as p), so it gives x no shape: A x + b is only named
    ("$$\\mathbf{x} = (x_1, \\dots, x_p)^T$$\n\n$$\\mathbf{a} = W\\mathbf{x} + \\mathbf{b}$$", ["definition", "definition"]),
    # numbers under a name are one example's values, and a shape only guessed from how a name looks (w^T: a row)
    # proves nothing: neither makes a later use of the name wrong
    ("$$W = \\begin{bmatrix} 1 & 0 & 2 \\\\ 0 & 1 & 3 \\end{bmatrix}$$\n\n# The general case\n\n$$\\mathbf{z} = W\\mathbf{x} + \\mathbf{b}$$",
     ["definition", "definition"]),
    ("$$\\theta = [\\theta_1, \\theta_2, \\theta_3]^T$$\n\n$$\\theta = w^T x + b$$", ["definition", "definition"]),
    # a font around a decorated name is the same name as the decoration around the font: \mathbb{\hat{y}} is \hat{\mathbb{y}}
    ("$$\\hat{\\mathbb{y}} = [\\hat{y}_1, \\hat{y}_2]^T$$\n\n$$\\mathbf{x} = [x_1, x_2, x_3]^T$$\n\n$$G = \\mathbf{x}^T \\mathbb{\\hat{y}}$$",
     ["definition", "definition", "invalid"]),
    ("With $\\mathbb{\\hat{y}} = 0.25$:\n\n$$1 - \\hat{\\mathbf{y}} = 0.75$$", ["definition", "valid"]),
    ("With $\\mathbb{\\hat{y}} = 0.25$:\n\n$$1 - \\hat{\\mathbf{y}} = 0.65$$", ["definition", "invalid"]),
    # --- a chain must pass through what depends on its variable: out_h1 is built from i_1, w_1, b_1 alone, so
    # d out_h1 / d w_5 = 0 and the product is 0, while E reaches w_5 through net_o1 (dE/dw_5 = (out_o1 - t) out_o1 (1 - out_o1) out_h1 != 0)
    (NETWORK + "$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial out_{o1}} \\frac{\\partial out_{o1}}{\\partial out_{h1}} \\frac{\\partial out_{h1}}{\\partial w_5}$$",
     ["definition"] * 11 + ["invalid"]),
    (NETWORK + "$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial out_{o1}} \\frac{\\partial out_{o1}}{\\partial net_{o1}} \\frac{\\partial net_{o1}}{\\partial w_5}$$",
     ["definition"] * 11 + ["valid"]),
    (NETWORK + "$$\\frac{\\partial E}{\\partial w_1} = \\frac{\\partial E}{\\partial out_{o1}} \\frac{\\partial out_{o1}}{\\partial net_{o1}} \\frac{\\partial net_{o1}}{\\partial w_1}$$",
     ["definition"] * 11 + ["valid"]),
    # the same slip written before E has a formula: the chain's first link says E depends on y-hat_1, which the
    # definitions build from w_5 (y_1 = w_5 h_1 + b_2), so E reaches w_5, and dh_1/dw_5 = 0 makes the product 0;
    # through y_1 the chain is right, and a chain whose first link does not reach w_5 (E_2 through y_2 = w_7 h_1 + b_2)
    # may be 0 as written (dE_2/dw_5 = 0): nothing to contradict
    (NUMBERED + "$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial \\hat{y}_1} \\frac{\\partial \\hat{y}_1}{\\partial h_1} \\frac{\\partial h_1}{\\partial w_5}$$",
     ["definition"] * 6 + ["invalid"]),
    (NUMBERED + "$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial \\hat{y}_1} \\frac{\\partial \\hat{y}_1}{\\partial y_1} \\frac{\\partial y_1}{\\partial w_5}$$",
     ["definition"] * 6 + ["valid"]),
    (NUMBERED + "$$y_2 = w_7 h_1 + b_2$$\n\n$$\\hat{y}_2 = \\sigma(y_2)$$\n\n"
     "$$\\frac{\\partial E_2}{\\partial w_5} = \\frac{\\partial E_2}{\\partial \\hat{y}_2} \\frac{\\partial \\hat{y}_2}{\\partial h_1} \\frac{\\partial h_1}{\\partial w_5}$$",
     ["definition"] * 8 + ["valid"]),
    # numbers put in with the sum's terms grouped otherwise, (0.4 x 0.5 + 0.45 x 0.5) + 0.6 for w_5 h + w_6 h + b, give
    # w_5 = 0.4 and w_6 = 0.45 (sum 0.85); a bracket after a minus changes the expression and gives nothing
    ("$$y = w_5 h + w_6 h + b$$\n\n$$y = (0.4 \\times 0.5 + 0.45 \\times 0.5) + 0.6$$\n\n$$w_5 + w_6 = 0.85$$", ["definition", "definition", "valid"]),
    ("$$y = w_5 h + w_6 h + b$$\n\n$$y = (0.4 \\times 0.5 + 0.45 \\times 0.5) + 0.6$$\n\n$$w_5 + w_6 = 0.95$$", ["definition", "definition", "invalid"]),
    ("$$y = w_5 h - w_6 h + b$$\n\n$$y = 0.4 \\times 0.5 - (0.45 \\times 0.5 + 0.6)$$\n\n$$w_5 + w_6 = 0.85$$", ["definition"] * 3),
    # an error given only as a number may hide any dependence (E_o1 = 0.27 is a function of every weight): no finding
    ("Given $E_{o1} = 0.27$ and $E_{o2} = 0.02$.\n\n$$E_{total} = E_{o1} + E_{o2}$$\n\n"
     "$$\\frac{\\partial E_{total}}{\\partial w_5} = \\frac{\\partial E_{total}}{\\partial out_{o1}} \\frac{\\partial out_{o1}}{\\partial w_5}$$",
     ["definition"] * 3 + ["valid"]),
    # --- a known name said to equal an expression in itself (not an update) is a claim about its value:
    # sigma(0.75) = 1/(1 + e^{-0.75}) = 0.679 (mpmath), not 0.75; x = x^2 + 0.25 holds at x = 0.5 (0.25 + 0.25)
    ("With $\\hat{y} = 0.75$:\n\n$$\\hat{y} = \\frac{1}{1 + e^{-\\hat{y}}}$$", ["definition", "invalid"]),
    ("With $x = 0.5$:\n\n$$x = x^2 + 0.25$$", ["definition", "valid"]),
    # a new value made from the old one, affine in it (momentum: v = 0.9 v + 0.1 g), is an update: v = 0.9(0.5) + 0.2 = 0.65
    ("With $v = 0.5$ and $g = 2$:\n\n$$v = 0.9 v + 0.1 g$$\n\n$$v + 1 = 1.65$$", ["definition", "definition", "definition", "valid"]),
    # a nested subscript is the letters and digits typed together: net_{h_1} and net_{h1} are one name (2 x 0.5 = 1)
    ("With $net_{h_{1}} = 0.5$:\n\n$$2 net_{h1} = 1$$", ["definition", "valid"]),
    ("With $net_{h1} = 0.5$:\n\n$$2 net_{h_1} = 1.2$$", ["definition", "invalid"]),
    # a dot between labels separates them as a comma does: with w a table (w_{ji} under a sum), w_{H21.H11} (H11 to
    # H21) and w_{H11.H21} are two entries, so their sum is not twice one of them
    ("$$net_j = \\sum_i w_{ji} x_i$$\n\n$$w_{H21.H11} + w_{H11.H21} = 2 w_{H21.H11}$$", ["definition", "invalid"]),
    ("$$net_j = \\sum_i w_{ji} x_i$$\n\n$$w_{H21.H11} + w_{H11.H21} = w_{H11.H21} + w_{H21.H11}$$", ["definition", "valid"]),
    # a negative number can stand in a name's place ((0.1 * -1) for w_3 I_3): 0.5 - 0.1 = 0.4
    ("$$net = (w_{1} * I_1) + (w_{3} * I_3) = (0.5 * 1) + (0.1 * -1) = 0.4$$", ["definition", "definition", "valid"]),
    ("$$net = (w_{1} * I_1) + (w_{3} * I_3) = (0.5 * 1) + (0.1 * -1) = 0.6$$", ["definition", "definition", "invalid"]),
    # --- $$ ... $$ spaced out with blank lines is one display (d/dx x^3 = 3x^2, and 3x^2 is not 3x^3); a $$ closed
    # with a full stop after it does not swallow the paragraphs after it (y = 2: y + 1 = 3, y^2 = 4)
    ("$$\n\\frac{d}{dx} x^3\n\n= 3x^2\n\n= 3x^3\n$$", ["valid", "invalid"]),
    ("$$\n\\frac{d}{dx} x^3\n\n= 3x^2\n$$", ["valid"]),
    ("$$ y = 2 $$.\n\n- and $y + 1 = 3$\n\nThen\n$$\ny^2 = 4\n$$", ["definition", "valid", "valid"]),
    # --- a subscript typed without braces runs on as authors mean it: E_o1 is E_{o1}, a_h2 is a_{h2}, E_total is
    # E_{total} (0.25 + 0.05 = 0.30; 0.6 - 0.5 = 0.1); x_iy_i is still x_i y_i, and y_klog(p_k) is y_k log p_k
    ("With $E_o1 = 0.25$ and $E_o2 = 0.05$:\n\n$$E_total = E_o1 + E_o2 = 0.30$$", ["definition", "definition", "definition", "valid"]),
    ("With $E_o1 = 0.25$ and $E_o2 = 0.05$:\n\n$$E_total = E_o1 + E_o2 = 0.35$$", ["definition", "definition", "definition", "invalid"]),
    ("With $a_h1 = 0.6$ and $a_h2 = 0.5$:\n\n$$a_h1 - a_h2 = 0.1$$", ["definition", "definition", "valid"]),
    ("With $a_h1 = 0.6$ and $a_h2 = 0.5$:\n\n$$a_h1 + a_h2 = 1.0$$", ["definition", "definition", "invalid"]),
    ("$$\\sum_i x_iy_i = \\sum_i y_i x_i$$", ["valid"]),
    ("With $y_1 = 1$, $y_2 = 0$, $p_1 = 0.5$, $p_2 = 0.5$:\n\n$$-\\sum_{k=1}^{2} y_klog(p_k) = \\log 2$$", ["definition"] * 4 + ["valid"]),
    # --- δ written for ∂, in a pair (δE/δo, \\frac{\\delta E}{\\delta o}): dE/do = o - t for E = (t - o)^2 / 2, not t - o
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$\\frac{\\delta E}{\\delta o} = o - t$$", ["definition", "valid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$\\frac{\\delta E}{\\delta o} = t - o$$", ["definition", "invalid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$δE/δo = t - o$$", ["definition", "invalid"]),
    # the part above may be in brackets with a / of its own (∂(1/2 (t - o)^2)/∂o = o - t); the numerator's mark
    # left out (E/δo) is a typo of the same derivative when a δ stands below
    ("$$∂(1/2 (t - o)^2)/∂o = o - t$$", ["valid"]),
    ("$$∂(1/2 (t - o)^2)/∂o = t - o$$", ["invalid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$E/δo = o - t$$", ["definition", "valid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$E/δo = t + o$$", ["definition", "invalid"]),
    # a unit's error δ_o stays a name: δ_o = 0.2 given, δ_o h = 0.1 at h = 0.5
    ("With $\\delta_o = 0.2$ and $h = 0.5$:\n\n$$\\delta_o h = 0.1$$", ["definition", "definition", "valid"]),
    # --- a line typed without $...$ whose every word is a name or a function is a formula (0.2 x 0.5 = 0.1, not
    # 0.2; 1/2 (0.8 - 0.3)^2 = 0.125, with Markdown's \\* for *); a line with words in it is prose
    ("Given:\n\n* i1 = 0.5\n* w1 = 0.2\n* h1 = w1 * i1 = 0.1\n", ["definition", "definition", "definition", "valid"]),
    ("Given:\n\n* i1 = 0.5\n* w1 = 0.2\n* h1 = w1 * i1 = 0.2\n", ["definition", "definition", "definition", "invalid"]),
    ("E1 = 1/2 \\* (0.8 - 0.3)^2 = 0.125\n", ["definition", "valid"]),
    ("E1 = 1/2 \\* (0.8 - 0.3)^2 = 0.25\n", ["definition", "invalid"]),
    # in a blockquote or set in bold, the same (E1 for E = (t - o)^2 / 2 at t = 1, o = 0.5 is 0.125)
    ("With $t = 1$ and $o = 0.5$:\n\n> E1 = 1/2 * (t - o)^2 = 0.125\n", ["definition", "definition", "definition", "valid"]),
    ("With $t = 1$ and $o = 0.5$:\n\n**E1 = 1/2 * (t - o)^2 = 0.25**\n", ["definition", "definition", "definition", "invalid"]),
    ("The total error = the sum of the errors we make, so we add them.\n\nWith $x = 1$:\n\n$$x + 1 = 2$$", ["definition", "valid"]),
    ("Run `loss = model(x)` and then lr = 0.01 is the rate we use.\n\n$$z = 2$$", ["definition"]),
    # --- a name defined through a name that a later line defines through it is circular (a slip: a = σ(o) where
    # o = w a + b); a name defined through one defined later, not back through it, is not
    ("$$a = \\sigma(o)$$\n\n$$o = w a + b$$", ["invalid", "definition"]),
    ("$$a = \\sigma(o)$$\n\n$$o = w x + b$$", ["definition", "definition"]),
    # --- a chain rule on one line (∂E/∂a_1 ∂a_1/∂h_1 ∂h_1/∂w_3) through a quantity built without the variable has a
    # link that is 0 (h_1 = w_1 i_1 + w_2 i_2 holds no w_3) while E reaches w_3 through h_2: wrong; through h_2, right
    (SYMBOLIC_NET + "$$∂E/∂w_3 = ∂E/∂a_1 ∂a_1/∂h_1 ∂h_1/∂w_3$$", ["definition"] * 5 + ["invalid"]),
    (SYMBOLIC_NET + "$$∂E/∂w_3 = ∂E/∂a_2 ∂a_2/∂h_2 ∂h_2/∂w_3$$", ["definition"] * 5 + ["valid"]),
    # the chain rule over a function's name (z = f(g(x)), dz/dx = dz/dg dg/dx) has no link that is 0: g is applied,
    # not a weight the quantity leaves out
    ("If we compose $z = f(g(x))$, then:\n\n$$\\frac{dz}{dx} = \\frac{dz}{dg} \\cdot \\frac{dg}{dx}$$", ["definition", "valid"]),
    # --- a derivative the definitions work out, said to equal a formula in other names the definitions use, is a
    # claim: ∂o_1/∂w_5 = a_{h1}, not a_{h2}; a name nothing has used yet (a_{h3}) leaves it undecided
    ("$$o_1 = w_5 a_{h1} + w_6 a_{h2}$$\n\n$$\\frac{\\partial o_1}{\\partial w_5} = a_{h2}$$", ["definition", "invalid"]),
    ("$$o_1 = w_5 a_{h1} + w_6 a_{h2}$$\n\n$$\\frac{\\partial o_1}{\\partial w_5} = a_{h1}$$", ["definition", "valid"]),
    ("$$o_1 = w_5 a_{h1} + w_6 a_{h2}$$\n\n$$\\frac{\\partial o_1}{\\partial w_5} = a_{h3}$$", ["definition", "undecided"]),
    # --- a code span holding maths symbols (∂) is maths set as code: dE/do = o - t, not t - o; `nc0 = 3` is code
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\nThe gradient is `∂E/∂o = t - o`.", ["definition", "invalid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\nThe gradient is `∂E/∂o = o - t`.", ["definition", "valid"]),
    ("Set `nc0 = 3` and `lr = 0.01`.\n\n$$z = 2$$", ["definition"]),
    # --- "about" after \\approx is rounded or cut off: 1/3 = 0.3333... is 0.333 either way, so ≈ 0.334 is a slip (0.67
    # of a unit up); 2/3 = 0.6666... ≈ 0.666 is cut off, which is fine. The value written after \\approx, a unit off, is
    # still the one the text works on from: 3(0.334) = 1.002 and b ≈ 1.002 hold as worked. After = the same 0.334 is
    # carried exactly, so 3(0.334) is not 3a (1.000); 1.003 is wrong either way; 0.336 is more than a unit off, no value
    # the text can work on from
    ("$$a = \\frac{1}{3} \\approx 0.334$$\n\n$$b = 3a = 3 \\cdot 0.334 = 1.002$$", ["definition", "invalid", "definition", "valid", "valid"]),
    ("$$a = \\frac{1}{3} = 0.334$$\n\n$$b = 3a = 3 \\cdot 0.334 = 1.002$$", ["definition", "invalid", "definition", "invalid", "valid"]),
    ("$$a = \\frac{1}{3} \\approx 0.334$$\n\n$$b = 3a = 3 \\cdot 0.334 = 1.003$$", ["definition", "invalid", "definition", "valid", "invalid"]),
    ("$$a = \\frac{1}{3}$$\n\n$$a \\approx 0.334$$\n\n$$b = 3a = 3 \\cdot 0.334$$\n\n$$b \\approx 1.002$$", ["definition", "invalid", "definition", "valid", "valid"]),
    ("$$a = \\frac{2}{3} \\approx 0.666$$\n\n$$b = 3a = 3 \\cdot 0.666 = 1.998$$", ["definition", "valid", "definition", "valid", "valid"]),
    ("$$a = \\frac{1}{3}$$\n\n$$a \\approx 0.336$$\n\n$$b = 3a = 3 \\cdot 0.336$$", ["definition", "invalid", "definition", "invalid"]),
    # the sigmoid's slope at 0.528: 0.528(1 - 0.528) = 0.249216, which is 0.249 rounded or cut off, not ≈ 0.250
    ("$$s = 0.528 (1 - 0.528) \\approx 0.250$$", ["definition", "invalid"]),
    ("$$s = 0.528 (1 - 0.528) \\approx 0.249$$", ["definition", "valid"]),
    # --- a Greek letter typed as a word (alpha = 0.1, then alpha = 0.2 for the next plot) is that letter, given anew:
    # 2(0.2) = 0.4, not 0.2
    ("alpha = 0.1\n\nalpha = 0.2\n\n$$2 \\alpha = 0.4$$", ["definition", "definition", "valid"]),
    ("alpha = 0.1\n\nalpha = 0.2\n\n$$2 \\alpha = 0.2$$", ["definition", "definition", "invalid"]),
    # --- a subscripted name nothing defines or uses, whose letter the text uses with other subscripts (a_{01} typed
    # for a_{o1}), is read as the name it looks like (see the slips of name below); with a_{o1}, dE/do_1 =
    # (a - t) a (1 - a) holds and (t - a) a (1 - a) does not
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial o_1} = (a_{01} - t) a_{o1}(1 - a_{o1})$$",
     ["definition", "definition", "valid"]),
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial o_1} = (a_{o1} - t) a_{o1}(1 - a_{o1})$$",
     ["definition", "definition", "valid"]),
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial o_1} = (t - a_{o1}) a_{o1}(1 - a_{o1})$$",
     ["definition", "definition", "invalid"]),
    # --- a README's line break after a plain formula (h1 = w1*i1 <br>) is not part of it: 0.2 x 0.5 = 0.1
    ("i1 = 0.5 <br>\nw1 = 0.2 <br>\nh1 = w1 * i1 = 0.1 <br>\n", ["definition", "definition", "definition", "valid"]),
    # --- a bias vector added to a matrix product (XW + b, b a d-vector, XW m x d) is added to every row, as deep-learning
    # texts write it; a vector of another length still does not fit
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $W \\in \\mathbb{R}^{n \\times d}$ and $\\mathbf{b} \\in \\mathbb{R}^{d}$.\n\n$$Y = XW + \\mathbf{b}$$", ["definition"]),
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $W \\in \\mathbb{R}^{n \\times d}$ and $\\mathbf{b} \\in \\mathbb{R}^{p}$.\n\n$$Y = XW + \\mathbf{b}$$", ["invalid"]),
    # --- the norm of a vector known by its entries (x_i under a sum): ||x||^2 = sum_i x_i^2, not sum_i x_i
    ("$$\\lVert \\mathbf{x} \\rVert_2^2 = \\sum_{i} x_i^2$$", ["valid"]),
    ("$$\\|\\mathbf{x}\\|^2 = \\sum_{i} x_i$$", ["invalid"]),
    # --- a definition through a name is not circular when the later line is an update of that name (b = b + a(y - y-hat),
    # b on both sides): y-hat = sigma(wx + b) stays a definition; a_h1 = sigma(o_1) before o_1 = w_5 a_h1 + ... is circular
    ("$$\\hat{y} = \\sigma(w x + b)$$\n\n$$b = b + 0.1(y - \\hat{y})$$", ["definition", "definition"]),
    ("$$\\hat{y} = \\sigma(w x + b)$$\n\n$$b \\overset{\\mathrm{def}}{=} b - 0.1(\\hat{y} - y)$$", ["definition", "definition"]),
    # --- "a one-hot vector with a 1 for the true class $c$" says which entry is hot: y_c = 1, so -sum_k y_k log p_k is
    # -log p_c, and -y_c log p_c is -log p_c, not -2 log p_c; "a 1 at the index of the correct label $k$" alike
    ("Here $\\mathbf{y}$ is a one-hot vector with a 1 for the true class $c$.\n\n$$-\\sum_k y_k \\log p_k = -\\log p_c$$", ["valid"]),
    ("Here $\\mathbf{y}$ is a one-hot vector with a 1 for the true class $c$.\n\n$$-y_c \\log p_c = -\\log p_c$$", ["valid"]),
    ("Here $\\mathbf{y}$ is a one-hot vector with a 1 for the true class $c$.\n\n$$-y_c \\log p_c = -2\\log p_c$$", ["invalid"]),
    ("The target $t$ is one-hot, with a 1 at the index of the correct label $k$.\n\n$$\\sum_i t_i q_i = q_k$$", ["valid"]),
    # --- a value of a function the write-up never defines (y_3 = F(0.21) = 1/(1 + e^{-0.21}): F is the sigmoid the
    # text means) says what that function gives, and cannot be wrong for every F; once F is defined it is checked
    # (sigma(0.21) = 0.552, 1/(1 + e^{-0.25}) = 0.562)
    ("$$y_3 = F(0.21) = \\frac{1}{1 + e^{-0.21}}$$", ["definition", "undecided"]),
    ("$$F(a) = \\frac{1}{1 + e^{-a}}$$\n\n$$y_3 = F(0.21) = \\frac{1}{1 + e^{-0.25}}$$", ["definition", "definition", "invalid"]),
    # --- formulas a README sets as a code block (no language named): each line that reads as a formula, a line going on
    # with '=' joined to the one above; dh1/dw1 is the Leibniz fraction (i1 for h1 = w1 i1 + w2 i2, not i2), and
    # d/da of (t - a)^2 / 2 is a - t only with the inner -1. A block in a named language, or with a line of a program, is code.
    ("```\nh1 = w1*i1 + w2*i2\ndh1/dw1 = i1\n```", ["definition", "valid"]),
    ("```\nh1 = w1*i1 + w2*i2\ndh1/dw1 = i2\n```", ["definition", "invalid"]),
    ("```\nE = 1/2*(t1 - a_o1)^2\ndE/da_o1 = 2 * 1/2 * (t1 - a_o1) * (-1)\n         = a_o1 - t1\n```", ["definition", "valid", "valid"]),
    ("```\nE = 1/2*(t1 - a_o1)^2\ndE/da_o1 = 2 * 1/2 * (t1 - a_o1)\n         = a_o1 - t1\n```", ["definition", "invalid", "invalid"]),
    ("```python\nh1 = w1*i1 + w2*i2\ndh1 = i2\n```", []),
    ("```\nh1 = w1*i1 + w2*i2\nif h1 == 0:\n    h2 = 3\n```", []),
    # ```math is GitHub's display maths: 0.5 x 0.2 + 0.1 = 0.2
    ("```math\nz = 0.5 \\cdot 0.2 + 0.1 = 0.2\n```", ["definition", "valid"]),
    ("```math\nz = 0.5 \\cdot 0.2 + 0.1 = 0.3\n```", ["definition", "invalid"]),
    # --- a table's cell typed without $...$ is a formula when it reads as one (the comment cell is prose)
    ("| Equation | Comment |\n|---|---|\n| h1 = w1*i1 + w2*i2 | pre-activation |\n| dh1/dw1 = i1 | input |\n", ["definition", "valid"]),
    ("| Equation | Comment |\n|---|---|\n| h1 = w1*i1 + w2*i2 | pre-activation |\n| dh1/dw1 = w1 | input |\n", ["definition", "invalid"]),
    # --- a paragraph that goes on with '=' from the formula above it (alone in its paragraph, so its right side y(1 - y)
    # is where the chain goes on: y(1 - y) = 0.5(1 - 0.5) at y = 0.5, then 0.5(1 - 0.5) = 0.25)
    ("With $y = 0.5$:\n\n> $d = y(1 - y)$\n\n=0.5(1 - 0.5)=0.25\n", ["definition", "definition", "valid", "valid"]),
    ("With $y = 0.5$:\n\n> $d = y(1 - y)$\n\n=0.5(1 - 0.5)=0.4\n", ["definition", "definition", "valid", "invalid"]),
    # --- a chain rule that follows one path of two: h feeds o_1 and o_2, so dE/dh = (o_1 - t_1) w_5 + (o_2 - t_2) w_7, not
    # dE/do_1 do_1/dh = (o_1 - t_1) w_5, although the fractions cancel; w_5 reaches E only through o_1, and the sum of both paths is right
    (TWO_PATHS + "$$\\frac{\\partial E}{\\partial h} = \\frac{\\partial E}{\\partial o_1} \\frac{\\partial o_1}{\\partial h}$$", ["definition"] * 3 + ["invalid"]),
    (TWO_PATHS + "$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial o_1} \\frac{\\partial o_1}{\\partial w_5}$$", ["definition"] * 3 + ["valid"]),
    (TWO_PATHS + "$$\\frac{\\partial E}{\\partial h} = \\frac{\\partial E}{\\partial o_1} \\frac{\\partial o_1}{\\partial h} + "
     "\\frac{\\partial E}{\\partial o_2} \\frac{\\partial o_2}{\\partial h}$$", ["definition"] * 3 + ["valid"]),
    # --- the one word a plain line defines is a name (Etotal = ...), so dEtotal/da = a - t is checked against it
    ("```\nEtotal = 1/2*(t - a)^2\ndEtotal/da = a - t\n```", ["definition", "valid"]),
    ("```\nEtotal = 1/2*(t - a)^2\ndEtotal/da = t - a\n```", ["definition", "invalid"]),
    # --- one term of a sum of parallel terms takes a quantity where the others take its activation: o = v_1 h_1 + v_2 a_2
    # with a_2 = sigma(h_2) and a_1 = sigma(h_1) defined is a slip for v_1 a_1 (flagged), and do/dv_1 = a_1 then holds;
    # all terms alike, or no a_1 defined, is no finding
    (HIDDEN_PAIR + "$$o = v_1 h_1 + v_2 a_2$$", ["definition"] * 4 + ["invalid"]),
    (HIDDEN_PAIR + "$$o = v_1 h_1 + v_2 a_2$$\n\n$$\\frac{\\partial o}{\\partial v_1} = a_1$$", ["definition"] * 4 + ["invalid", "valid"]),
    (HIDDEN_PAIR + "$$o = v_1 a_1 + v_2 a_2$$", ["definition"] * 5),
    ("$$h_1 = w_1 x$$\n\n$$h_2 = w_2 x$$\n\n$$a_2 = \\sigma(h_2)$$\n\n$$o = v_1 h_1 + v_2 a_2$$", ["definition"] * 4),
    # --- a name defined again by another formula on the next line, while a name of its family that the text uses (o2 in
    # a_o2 = sigmoid(o2)) is defined nowhere, is a slip of name: flagged, and the formula taken as o2's (do2/dw7 = h1);
    # with o2 defined, or no o2 used, nothing is flagged. A list mark inside a code block is not a minus.
    ("```\no1 = w5 * h1 + w6 * h2\no1 = w7 * h1 + w8 * h2\na_o1 = sigmoid(o1)\na_o2 = sigmoid(o2)\n```", ["definition", "invalid", "definition", "definition"]),
    ("```\no1 = w5 * h1 + w6 * h2\no1 = w7 * h1 + w8 * h2\na_o2 = sigmoid(o2)\ndo2/dw7 = h1\n```", ["definition", "invalid", "definition", "valid"]),
    ("```\no1 = w5 * h1 + w6 * h2\no2 = w7 * h1 + w8 * h2\na_o1 = sigmoid(o1)\na_o2 = sigmoid(o2)\n```", ["definition"] * 4),
    ("```\no1 = w5 * h1 + w6 * h2\no1 = w7 * h1 + w8 * h2\na_o1 = sigmoid(o1)\n```", ["definition"] * 3),
    ("```\n- h1 = w1*i1 + w2*i2\n- dh1/dw1 = i1\n```", ["definition", "valid"]),
    ("```\n- h1 = w1*i1 + w2*i2\n- dh1/dw1 = i2\n```", ["definition", "invalid"]),
    # --- the forward pass again after an update: y = 4.6 x 2 after w_new = 3 + 1.6 = 4.6 puts in the new w, not a slip
    # for w = 3; another number (4.4) is still one
    ("With $w = 3$ and $x = 2$:\n\n$$\\hat{y} = w \\cdot x = 6$$\n\n$$w_{\\text{new}} = 3 - 0.1(-16) = 4.6$$\n\n$$\\hat{y} = 4.6 \\cdot 2 = 9.2$$",
     ["definition", "definition", "definition", "valid", "definition", "valid", "definition", "valid"]),
    ("With $w = 3$ and $x = 2$:\n\n$$\\hat{y} = w \\cdot x = 6$$\n\n$$w_{\\text{new}} = 3 - 0.1(-16) = 4.6$$\n\n$$\\hat{y} = 4.4 \\cdot 2 = 8.8$$",
     ["definition", "definition", "definition", "valid", "definition", "valid", "invalid", "valid"]),
    # --- "if $z_1 < 0$, then $ReLU'(z_1) = 0$" holds under the condition it supposes, not at z_1 = 0.5 given above;
    # said of the value given, ReLU'(0.5) = 1, not 0
    ("Take $z_1 = 0.5$. But if $z_1 < 0$, then $\\text{ReLU}'(z_1) = 0$, and the gradient vanishes.", ["definition", "undecided"]),
    ("Take $z_1 = 0.5$. Then $\\text{ReLU}'(z_1) = 0$.", ["definition", "invalid"]),
    # --- a styled ∂ pasted from a word processor (U+1D715) is ∂, and a note after a tab is not part of a code line's formula
    ("```\nh1 = w1*i1 + w2*i2\thidden unit 1\n\U0001D715h1/\U0001D715w1 = i1\n```", ["definition", "valid"]),
    ("```\nh1 = w1*i1 + w2*i2\thidden unit 1\n\U0001D715h1/\U0001D715w1 = w1\n```", ["definition", "invalid"]),
    # --- two numbers for one derivative, neither worked out in the text (dF/da = -0.0190 stated, then -0.0109 put in its
    # place): one is a slip, and which cannot be told here; the same number is no conflict (0.0553 - 0.0190 = 0.0363)
    ("$$\\frac{\\partial E}{\\partial a} = 0.0553$$\n\n$$\\frac{\\partial F}{\\partial a} = -0.0190$$\n\n$$\\frac{\\partial G}{\\partial a} = "
     "\\frac{\\partial E}{\\partial a} + \\frac{\\partial F}{\\partial a} = 0.0553 + -0.0109 = 0.0444$$", ["definition"] * 3 + ["undecided", "valid"]),
    ("$$\\frac{\\partial E}{\\partial a} = 0.0553$$\n\n$$\\frac{\\partial F}{\\partial a} = -0.0190$$\n\n$$\\frac{\\partial G}{\\partial a} = "
     "\\frac{\\partial E}{\\partial a} + \\frac{\\partial F}{\\partial a} = 0.0553 + -0.0190 = 0.0363$$", ["definition"] * 3 + ["valid", "valid"]),
    # --- two or three capitals that a line typed without $...$ defines are one name (ET = E1 + E2), so dET/da1 is checked:
    # a1 - t1, not (a1 - t1) + (a2 - t2)
    ("```\nE1 = 1/2*(t1 - a1)^2\nE2 = 1/2*(t2 - a2)^2\nET = E1 + E2\ndET/da1 = a1 - t1\n```", ["definition"] * 3 + ["valid"]),
    ("```\nE1 = 1/2*(t1 - a1)^2\nE2 = 1/2*(t2 - a2)^2\nET = E1 + E2\ndET/da1 = (a1 - t1) + (a2 - t2)\n```", ["definition"] * 3 + ["invalid"]),
    # --- E_t, defined nowhere, for the one defined E_total (ERA write-ups shorten the total error so): dE_t/da2 = a2 - t2,
    # not a2 - t1; where a sum runs over t (E = sum_t E_t), E_t is a term of it, not an abbreviation, and nothing is read in
    ("```\nE1 = 1/2*(t1 - a1)^2\nE2 = 1/2*(t2 - a2)^2\nE_total = E1 + E2\ndE_t/da2 = a2 - t2\n```", ["definition"] * 3 + ["valid"]),
    ("```\nE1 = 1/2*(t1 - a1)^2\nE2 = 1/2*(t2 - a2)^2\nE_total = E1 + E2\ndE_t/da2 = a2 - t1\n```", ["definition"] * 3 + ["invalid"]),
    ("$$E = \\sum_t E_t$$\n\n$$E_{total} = 2 a$$\n\n$$\\frac{\\partial E_t}{\\partial a} = 2$$", ["definition"] * 3),
    # --- a name of several letters that nothing defines or uses (ao_1 typed for a_o1) cannot show a claim wrong;
    # a name that a definition uses can (t is in E, and (o - t) t is not dE/do = o - t)
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$\\frac{\\partial E}{\\partial o} = (o - t) ao_1$$", ["definition", "undecided"]),
    # ... but a name that is a slip for exactly one name the write-up defines (a_01 for a_o1: 0 for o; ao_o1 for a_o1: a
    # letter too many) is read as it, and the verdict says so: dE/da_o1 = a_o1 - t for E = (t - a_o1)^2 / 2, so t - a_o1
    # and 2(a_o1 - t) are wrong whichever way the name is typed
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial a_{o1}} = a_{01} - t$$", ["definition", "definition", "valid"]),
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial a_{o1}} = t - a_{01}$$", ["definition", "definition", "invalid"]),
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial a_{o1}} = ao_{o1} - t$$", ["definition", "definition", "valid"]),
    ("$$a_{o1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o1})^2$$\n\n$$\\frac{\\partial E}{\\partial a_{o1}} = 2(ao_{o1} - t)$$", ["definition", "definition", "invalid"]),
    # a_01 written beside a_o1 in one claim, where neither is defined (the network's formulas are in a picture): the 0 is
    # a slip for o, so d/da_o1 of (t1 - a_o1)^2 / 2 is a_o1 - t1 (valid), not t1 - a_o1; a digit subscript alone is
    # never such a slip (a_0 and a_o may be two names: a_0 - t is not d/da_o of the same, undecided)
    ("```\n∂(½ * (t1 - a_o1)²)/∂a_o1 = (a_01 - t1)\n```", ["valid"]),
    ("```\n∂(½ * (t1 - a_o1)²)/∂a_o1 = (t1 - a_01)\n```", ["invalid"]),
    ("```\n∂(½ * (t1 - a_o)²)/∂a_o = (a_0 - t1)\n```", ["undecided"]),
    # typed without $...$, letters and digits together (ao1) are one name, not a times o1 (which made a right line wrong),
    # and ao1 is the a_o1 the text defines: dE1/do1 = (a - t) a (1 - a) holds, with 1 + a it does not
    ("```\na_o1 = 1/(1 + exp(-o1))\nE1 = 1/2 * (t1 - a_o1)^2\ndE1/do1 = (a_o1 - t1) * ao1 * (1 - a_o1)\n```", ["definition", "definition", "valid"]),
    ("```\na_o1 = 1/(1 + exp(-o1))\nE1 = 1/2 * (t1 - a_o1)^2\ndE1/do1 = (a_o1 - t1) * ao1 * (1 + a_o1)\n```", ["definition", "definition", "invalid"]),
    ("$$E = \\frac{1}{2}(t - o)^2$$\n\n$$\\frac{\\partial E}{\\partial o} = (o - t) t$$", ["definition", "invalid"]),
    # --- the write-up's own commands (\newcommand, \def, \DeclareMathOperator; MathJax's \newcommand in a formula) are
    # read as their bodies: d/dx x^3 = 3x^2 (not 3x); d/dx (x^2 + x) = 2x + 1; sigmoid(0) = 1/2; d/dx x^2 = 2x by the
    # optional argument's default x; d/dx sin x = cos x; 2 \cdot 3 = 6 through a command named by a character
    (LATEX_MACROS + "Let $f(x) = x^3$.\n\\[ \\pd{f}{x} = 3x^2 \\]\n\\end{document}\n", ["definition", "valid"]),
    (LATEX_MACROS + "Let $f(x) = x^3$.\n\\[ \\pd{f}{x} = 3x \\]\n\\end{document}\n", ["definition", "invalid"]),
    (LATEX_MACROS + "Let $g(x) = \\sq{x} + x$.\n\\[ \\frac{dg}{dx} = 2x + 1 \\]\n\\end{document}\n", ["definition", "valid"]),
    (LATEX_MACROS + "Let $g(x) = \\sq{x} + x$.\n\\[ \\frac{dg}{dx} = 2x \\]\n\\end{document}\n", ["definition", "invalid"]),
    (LATEX_MACROS + "\\[ \\sgm(0) = \\frac{1}{2} \\]\n\\[ \\sgm(0) = 1 \\]\n\\end{document}\n", ["valid", "invalid"]),
    (LATEX_MACROS + "Let $f(x) = x^2$.\n\\[ \\D{f} = 2x \\]\n\\[ \\D{f} = x \\]\n\\end{document}\n", ["definition", "valid", "invalid"]),
    (LATEX_MACROS + "\\[ 2 \\· 3 = 6 \\]\n\\[ 2 \\· 3 = 5 \\]\n\\end{document}\n", ["valid", "invalid"]),
    # a preamble is read for its definitions only: a commented-out one (% \renewcommand) defines nothing (d/dx x^2 = 2x,
    # not the 3x^2 of a cube), and a homework template's \newenvironment whose body opens \begin{trivlist} without closing
    # it leaves the body read as before (d/dx x^3 = 3x^2, not 3x)
    (LATEX_MACROS.replace("\\begin{document}", "%\\renewcommand{\\sq}[1]{{#1}^3}\n\\begin{document}") + "Let $g(x) = \\sq{x}$.\n\\[ \\frac{dg}{dx} = 2x \\]\n\\[ \\frac{dg}{dx} = 3x^2 \\]\n\\end{document}\n",
     ["definition", "valid", "invalid"]),
    (LATEX_MACROS.replace("\\begin{document}", TEMPLATE_ENVIRONMENTS + "\\begin{document}") + "\\begin{theorem}{1}Let $f(x) = x^3$.\\end{theorem}\n\\[ \\pd{f}{x} = 3x^2 \\]\n\\[ \\pd{f}{x} = 3x \\]\n\\end{document}\n",
     ["definition", "valid", "invalid"]),
    ("$\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}$\n\n$$f(x) = \\sin x$$\n\n$$\\pd{f}{x} = \\cos x$$\n\n$$\\pd{f}{x} = -\\cos x$$",
     ["definition", "valid", "invalid"]),
    # --- braces after \partial group nothing: \partial{f} is \partial f, so the derivative of the known f is checked
    # (d/dx (x^2 + 3x) = 2x + 3, not 2x + 4); \delta{_2} and \delta{}_2 are \delta_2 (2 \cdot 3 = 6, not 7)
    ("$$f(x) = x^2 + 3x$$\n\n$$\\frac{\\partial{f}}{\\partial{x}} = 2x + 3$$\n\n$$\\frac{\\partial {f}}{\\partial {x}} = 2x + 4$$", ["definition", "valid", "invalid"]),
    ("$$\\delta{_2} = 3$$\n\n$$2\\delta_2 = 6$$\n\n$$2\\delta{}_2 = 7$$", ["definition", "valid", "invalid"]),
    # --- superscripts that number layers (W^L, a^{l-1} over several names, shifted somewhere) are labels, not powers:
    # dz^l/da^{l-1} = w^l for z^l = w^l a^{l-1} + b^l, not a^{l-1}; x^l over one name alone stays a power (d/dx x^l = l x^{l-1})
    ("$$z^l = w^l a^{l-1} + b^l$$\n\n$$\\frac{\\partial z^l}{\\partial a^{l-1}} = w^l$$", ["definition", "valid"]),
    ("$$z^l = w^l a^{l-1} + b^l$$\n\n$$\\frac{\\partial z^l}{\\partial a^{l-1}} = a^{l-1}$$", ["definition", "invalid"]),
    ("$$f = x^l$$\n\n$$\\frac{df}{dx} = l x^{l-1}$$", ["definition", "valid"]),
    # --- a name with a layer mark of several characters (a^{(l-1)}) given a column is that column: a^T a = 1 + 4 = 5
    ("$$a^{(l-1)} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$(a^{(l-1)})^T a^{(l-1)} = 5$$", ["definition", "valid"]),
    ("$$a^{(l-1)} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$(a^{(l-1)})^T a^{(l-1)} = 4$$", ["definition", "invalid"]),
    # --- a line opening with \implies follows from the line before: 2wA + Cb + D = 0 gives w = (-Cb - D)/(2A), not
    # (-Cb + D)/(2A); a conclusion in names the line before does not hold (A, D) rests on more lines: not judged against it
    ("$$\\begin{aligned} 2wA + Cb + D &= 0 \\\\ \\implies w &= \\frac{-Cb - D}{2A} \\end{aligned}$$", ["definition", "valid"]),
    ("$$\\begin{aligned} 2wA + Cb + D &= 0 \\\\ \\implies w &= \\frac{-Cb + D}{2A} \\end{aligned}$$", ["definition", "invalid"]),
    ("$$\\begin{aligned} w &= \\frac{-2Bb - E}{C} \\\\ \\implies b &= \\frac{2AE - CD}{C^2 - 4AB} \\end{aligned}$$", ["definition", "undecided"]),
    # --- typed without $...$, letters with subscript or superscript digits (h₂, b₂, W₃ᵀ) are names as w5 is, so the line
    # is a formula: 2 x 0.5 = 1.0, not 1.2
    ("```\nh₂ = 0.5\ny₂ = 2 × h₂ = 1.0\n```", ["definition", "definition", "valid"]),
    ("```\nh₂ = 0.5\ny₂ = 2 × h₂ = 1.2\n```", ["definition", "definition", "invalid"]),
    # --- an update typed with ← (w ← w - 0.1 × 2 = 0.3): the chain after the arrow holds the old w (0.5 - 0.2 = 0.3, not
    # 0.1), and the new value holds from the next line on (2 × 0.3 = 0.6)
    ("```\nw = 0.5\nw ← w - 0.1 × 2 = 0.3\nv = 2 × w = 0.6\n```", ["definition", "definition", "valid", "definition", "valid"]),
    ("```\nw = 0.5\nw ← w - 0.1 × 2 = 0.1\n```", ["definition", "definition", "invalid"]),
    # --- a zero-width space pasted into a formula is nothing: 2 + 3 = 5, not 6
    ("$$2 + 3\u200b = 5$$", ["valid"]),
    ("$$2 + 3\u200b = 6$$", ["invalid"]),
    # --- ^t of a vector or matrix is its transpose (a matrix has no power t): W^T [1, 1]^T = [4, 6]^T for W = [[1, 2], [3, 4]]
    ("$$W = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$\\mathbf{a} = \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}$$\n\n$$W^t \\mathbf{a} = \\begin{bmatrix} 4 \\\\ 6 \\end{bmatrix}$$",
     ["definition", "definition", "valid"]),
    ("$$W = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$\\mathbf{a} = \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}$$\n\n$$W^t \\mathbf{a} = \\begin{bmatrix} 3 \\\\ 7 \\end{bmatrix}$$",
     ["definition", "definition", "invalid"]),
    # --- a bold Greek letter with its subscript inside the braces (\mathbf{\delta_2}) is \delta_2 in bold: [1, 2] [1, 2]^T = 5
    ("$$\\mathbf{\\delta_2} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$\\mathbf{\\delta_2}^T \\mathbf{\\delta_2} = 5$$", ["definition", "valid"]),
    ("$$\\mathbf{\\delta_2} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$\\mathbf{\\delta_2}^T \\mathbf{\\delta_2} = 4$$", ["definition", "invalid"]),
    # --- a list of numbers beside a matrix is the row or column numpy prints it as: [1, 2] W = [0.5 + 1.4, 0.6 + 1.6] =
    # [1.9, 2.2] (not [1.9, 2.3]); + [0.1, 0.2] gives [2.0, 2.4]; [1, 2] [1, 1]^T ... W [1, 1] = [3, 7] for W = [[1, 2], [3, 4]]
    ("$$[1, 2] \\cdot \\begin{bmatrix}0.5 & 0.6 \\\\ 0.7 & 0.8\\end{bmatrix} + [0.1, 0.2] = [2.0, 2.4]$$", ["valid"]),
    ("$$[1, 2] \\cdot \\begin{bmatrix}0.5 & 0.6 \\\\ 0.7 & 0.8\\end{bmatrix} = [1.9, 2.3]$$", ["invalid"]),
    ("$$\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix} [1, 1] = [3, 7]$$", ["valid"]),
    ("$$[0.8808, 0.9084] \\cdot [0.9, 0.1]^T + 0.3 = 1.1835$$", ["valid"]),
    # --- a colour switch and one group around a whole display (\color{red}{ \begin{aligned} ... }) group nothing: its lines
    # are read (d/dx x^2 = 2x, not 3x)
    ("$$\\color{red}{\\begin{aligned} f &= x^2 \\\\ \\frac{df}{dx} &= 2x \\end{aligned}}$$", ["definition", "valid"]),
    ("$$\\color{red}{\\begin{aligned} f &= x^2 \\\\ \\frac{df}{dx} &= 3x \\end{aligned}}$$", ["definition", "invalid"]),
    ("$${\\begin{aligned} f &= x^2 \\\\ \\frac{df}{dx} &= 3x \\end{aligned}}$$", ["definition", "invalid"]),
    # --- an ellipsis in a list, a column (\vdots) or a row (\cdots) whose written entries show one pattern is the vector of
    # the pattern: [x_1 x_2 x_3] [1, 1, 1]^T = x_1 + x_2 + x_3 (not x_1 + x_2); with a letter for its end (x_K) it is a K x 1
    # column: x^T x = sum_k x_k^2, not sum_k x_k; entries that are not the pattern's (x_1, x_3, \dots) are not read
    ("$$(x_1, x_2, \\dots, x_4) = (x_1, x_2, x_3, x_4)$$", ["valid"]),
    ("$$\\begin{bmatrix} x_1 & \\cdots & x_3 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 1 \\\\ 1 \\end{bmatrix} = x_1 + x_2 + x_3$$", ["valid"]),
    ("$$\\begin{bmatrix} x_1 & \\cdots & x_3 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 1 \\\\ 1 \\end{bmatrix} = x_1 + x_2$$", ["invalid"]),
    ("Let $\\mathbf{x} \\in \\mathbb{R}^K$.\n\n$$\\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_K \\end{bmatrix}^T \\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_K \\end{bmatrix} = \\sum_{k=1}^K x_k^2$$", ["valid"]),
    ("Let $\\mathbf{x} \\in \\mathbb{R}^K$.\n\n$$\\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_K \\end{bmatrix}^T \\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_K \\end{bmatrix} = \\sum_{k=1}^K x_k$$", ["invalid"]),
    ("$$(x_1, x_3, \\dots, x_4) = (x_1, x_2, x_3, x_4)$$", ["unparsed"]),
    # --- a total typed as its initials (ET for the E_Total the text defines; ERA-style write-ups do) is that total:
    # d/da_1 of (t_1 - a_1)^2 / 2 + (t_2 - a_2)^2 / 2 is a_1 - t_1, not t_1 - a_1
    ("$$E_{Total} = \\frac{1}{2}(t_1 - a_1)^2 + \\frac{1}{2}(t_2 - a_2)^2$$\n\n$$\\frac{\\partial ET}{\\partial a_1} = a_1 - t_1$$", ["definition", "valid"]),
    ("$$E_{Total} = \\frac{1}{2}(t_1 - a_1)^2 + \\frac{1}{2}(t_2 - a_2)^2$$\n\n$$\\frac{\\partial ET}{\\partial a_1} = t_1 - a_1$$", ["definition", "invalid"]),
    # --- a declared vector and its entries are one vector: y^T y = sum_k y_k^2 and y^T p = sum_k y_k p_k (these were once
    # called wrong, y's entries drawn apart from y), not sum_k y_k; the row (y_1, \dots, y_K) times p is y^T p
    ("Let $\\mathbf{y} \\in \\mathbb{R}^K$.\n\n$$\\mathbf{y}^T \\mathbf{y} = \\sum_{k=1}^K y_k^2$$", ["valid"]),
    ("Let $\\mathbf{y} \\in \\mathbb{R}^K$.\n\n$$\\mathbf{y}^T \\mathbf{y} = \\sum_{k=1}^K y_k$$", ["invalid"]),
    ("Let $\\mathbf{y} \\in \\mathbb{R}^K$ and $\\mathbf{p} \\in \\mathbb{R}^K$.\n\n$$\\mathbf{y}^T \\mathbf{p} = \\sum_{k=1}^K y_k p_k$$", ["valid"]),
    ("Let $\\mathbf{y} \\in \\mathbb{R}^K$ and $\\mathbf{p} \\in \\mathbb{R}^K$.\n\n$$\\begin{pmatrix} y_1 & \\dots & y_K \\end{pmatrix} \\mathbf{p} = \\mathbf{y}^T \\mathbf{p}$$", ["valid"]),
    ("Let $\\mathbf{y} \\in \\mathbb{R}^K$ and $\\mathbf{p} \\in \\mathbb{R}^K$.\n\n$$\\begin{pmatrix} y_1 & \\dots & y_K \\end{pmatrix} \\mathbf{p} = \\mathbf{p}^T \\mathbf{p}$$", ["invalid"]),
    # --- a name read as one number beside the entries of a patterned vector of the same letter (1/\phi beside \phi_1,
    # \dots, \phi_K) is not judged: nothing links the two readings, so no difference found between them means anything
    ("Let $\\mathbf{y} \\in \\mathbb{R}^K$.\n\n$$\\left(-\\mathbf{y} \\odot \\frac{1}{\\phi}\\right)^T = \\begin{pmatrix} -\\frac{y_1}{\\phi_1} & \\dots & -\\frac{y_K}{\\phi_K} \\end{pmatrix}$$", ["undecided"]),
    # --- a value accepted after = a unit off in its last place (tanh(0.4404) = 0.41398, written 0.4139) is the value the
    # text works on from: 1 - h^2 = 1 - (0.4139)^2 is no slip; putting in 0.4200 is one
    ("$$h = \\tanh(0.4404) = 0.4139$$\n\n$$1 - h^2 = 1 - (0.4139)^2$$", ["definition", "valid", "valid"]),
    ("$$h = \\tanh(0.4404) = 0.4139$$\n\n$$1 - h^2 = 1 - (0.4200)^2$$", ["definition", "valid", "invalid"]),
    # --- plain TeX's \eqno (and \leqno) numbers the line with the rest of it, braced or not: d/dx x^3 = 3x^2, not 3x
    ("$$f = x^3 \\eqno{(1)}$$\n\n$$\\frac{df}{dx} = 3x^2 \\eqno(2)$$\n\n$$\\frac{df}{dx} = 3x \\leqno (3)$$", ["definition", "valid", "invalid"]),
    # --- MathJax's \require{cancel} loads an extension and writes nothing: the formula after it is read (d/dx x^2 = 2x)
    ("$$ \\require{cancel} f = x^2 $$\n\n$$\\frac{df}{dx} = 2x$$", ["definition", "valid"]),
    ("$$ \\require{cancel} f = x^2 $$\n\n$$\\frac{df}{dx} = 3x$$", ["definition", "invalid"]),
    # --- a function the course does not know, defined on one sample (h(x^{(i)}) = 3x^{(i)} + 1, g(z_k) = z_k^2), is that
    # function everywhere: h(2) = 7 and g(3) = 9, not 6; the hypothesis of logistic regression so defined gives
    # h(1 - h) = e^{-u} / (1 + e^{-u})^2 (u = theta_0 + theta_1 x), not e^{-u} / (1 + e^{-u}); a course function at an
    # entry (sigma(z_k)) is still a claim about sigma
    ("$$h(x^{(i)}) = 3 x^{(i)} + 1$$\n\n$$h(2) = 7$$", ["definition", "valid"]),
    ("$$h(x^{(i)}) = 3 x^{(i)} + 1$$\n\n$$h(2) = 6$$", ["definition", "invalid"]),
    ("$$g(z_k) = z_k^2$$\n\n$$g(3) = 9$$", ["definition", "valid"]),
    ("$$g(z_k) = z_k^2$$\n\n$$g(3) = 6$$", ["definition", "invalid"]),
    ("$$h_\\theta(x^{(i)}) = \\frac{1}{1 + e^{-\\theta_0 - \\theta_1 x^{(i)}}}$$\n\n$$h_\\theta(x)(1 - h_\\theta(x)) = \\frac{e^{-\\theta_0 - \\theta_1 x}}{(1 + e^{-\\theta_0 - \\theta_1 x})^2}$$", ["definition", "valid"]),
    ("$$h_\\theta(x^{(i)}) = \\frac{1}{1 + e^{-\\theta_0 - \\theta_1 x^{(i)}}}$$\n\n$$h_\\theta(x)(1 - h_\\theta(x)) = \\frac{e^{-\\theta_0 - \\theta_1 x}}{1 + e^{-\\theta_0 - \\theta_1 x}}$$", ["definition", "invalid"]),
    ("$$\\sigma(z_k) = \\frac{1}{1 + e^{-z_k}}$$", ["valid"]),
    ("$$\\sigma(z_k) = \\frac{1}{1 + e^{z_k}}$$", ["invalid"]),
    # --- a vector whose entries are written from 0 (theta_0 + theta_1 x_1 + \dots) has an entry 0: (theta_0 + theta_1)^2
    # expands with its cross term 2 theta_0 theta_1 (no values could be found for theta_0 before)
    ("Later: $\\theta_0 x_0 + \\theta_1 x_1 + \\dots + \\theta_n x_n$.\n\n$$(\\theta_0 + \\theta_1)^2 = \\theta_0^2 + 2\\theta_0\\theta_1 + \\theta_1^2$$", ["valid"]),
    ("Later: $\\theta_0 x_0 + \\theta_1 x_1 + \\dots + \\theta_n x_n$.\n\n$$(\\theta_0 + \\theta_1)^2 = \\theta_0^2 + \\theta_1^2$$", ["invalid"]),
    # --- a name the notation only inferred to be a vector (x of theta^T x), used where only a number can stand (1 + theta_1 x,
    # one feature), is a number there: (1 + theta_1 x)^2 = 1 + 2 theta_1 x + theta_1^2 x^2, not without the cross term
    ("$$z = \\theta^T x$$\n\n$$(1 + \\theta_1 x)^2 = 1 + 2\\theta_1 x + \\theta_1^2 x^2$$", ["definition", "valid"]),
    ("$$z = \\theta^T x$$\n\n$$(1 + \\theta_1 x)^2 = 1 + \\theta_1^2 x^2$$", ["definition", "invalid"]),
    # --- layers numbered in brackets typed after the name (W[1], dZ[2]: Ng's W^{[1]} without the caret), where the text
    # numbers two layers or names so: W[1] W[2] = 2 * 3 = 6, not 5; d(W[1] x)/dx = W[1], not x; dZ[2] + 1 = 0.8 - 1 + 1 = 0.8
    ("$$W[1] = 2$$\n\n$$W[2] = 3$$\n\n$$W[1] W[2] = 6$$", ["definition", "definition", "valid"]),
    ("$$W[1] = 2$$\n\n$$W[2] = 3$$\n\n$$W[1] W[2] = 5$$", ["definition", "definition", "invalid"]),
    ("$$Z[1] = W[1] x$$\n\n$$\\frac{\\partial Z[1]}{\\partial x} = W[1]$$", ["definition", "valid"]),
    ("$$Z[1] = W[1] x$$\n\n$$\\frac{\\partial Z[1]}{\\partial x} = x$$", ["definition", "invalid"]),
    ("$$dZ[2] = A[2] - Y$$\n\n$$A[2] = 0.8$$\n\n$$Y = 1$$\n\n$$dZ[2] + 1 = 0.8$$", ["definition", "definition", "definition", "valid"]),
    ("$$dZ[2] = A[2] - Y$$\n\n$$A[2] = 0.8$$\n\n$$Y = 1$$\n\n$$dZ[2] + 1 = 0.6$$", ["definition", "definition", "definition", "invalid"]),
    # --- a layer's array transposed in its own superscript (Ng's A^{[1]T}, A^{[1]\top}) or after its bracket (W[1]^T):
    # the transpose of [[1, 2], [3, 4]] is [[1, 3], [2, 4]] (it was read as A to the power T); A^T e_1 is A's first row
    ("$$A^{[1]} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$A^{[1]T} = \\begin{bmatrix} 1 & 3 \\\\ 2 & 4 \\end{bmatrix}$$", ["definition", "valid"]),
    ("$$A^{[1]} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$A^{[1]T} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$", ["definition", "invalid"]),
    ("$$A^{[1]} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$A^{[1]\\top} \\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$", ["definition", "valid"]),
    ("$$A^{[1]} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$A^{[1]\\top} \\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix} = \\begin{bmatrix} 1 \\\\ 3 \\end{bmatrix}$$", ["definition", "invalid"]),
    ("$$W[1] = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$b[1] = 0$$\n\n$$W[1]^T = \\begin{bmatrix} 1 & 3 \\\\ 2 & 4 \\end{bmatrix}$$", ["definition", "definition", "valid"]),
    ("$$W[1] = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$b[1] = 0$$\n\n$$W[1]^T = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$", ["definition", "definition", "invalid"]),
    # --- the largest entry written \max(z) or max(z_i) (the stable softmax's shift) is a quantity of its own, as \max_i z_i
    # is: the shift cancels, so the softmax is unchanged (valid); a side that keeps it does not hold for every value of it,
    # and is never called wrong for that alone (undecided)
    ("$$\\frac{e^{z_i - \\max(z)}}{\\sum_{j=1}^{K} e^{z_j - \\max(z)}} = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}$$", ["valid"]),
    ("$$\\frac{e^{z_i - max(z_i)}}{\\sum_{j=1}^{K} e^{z_j - max(z_i)}} = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}$$", ["valid"]),
    ("$$\\frac{e^{z_i - \\max(z)}}{\\sum_{j=1}^{K} e^{z_j - \\max(z)}} = \\frac{e^{z_i - \\max(z)}}{\\sum_{j=1}^{K} e^{z_j}}$$", ["undecided"]),
    # --- a derivative stated as a number in an example (dL/dw = 2 x (-1) = -2) and then given its general formula: the
    # formula needs values the text does not give here, so it is not judged against the example's number; a second
    # example's inputs ($x = 1$, $y = 2$, $w = 2$) replace the first's, and the stated -2 no longer holds: there
    # dL/dw = 2(wx - y)x = 2(2 - 2) = 0, not 1
    ("$$\\frac{\\partial L}{\\partial w} = 2 \\times (-1) = -2$$\n\n$$L = (w x - y)^2$$\n\n$$\\frac{\\partial L}{\\partial w} = 2(w x - y) x$$", ["definition", "valid", "definition", "undecided"]),
    ("$$\\frac{\\partial L}{\\partial w} = 2 \\times (-1) = -2$$\n\n$$L = (w x - y)^2$$\n\nA second example: $x = 1$, $y = 2$, $w = 2$.\n\n$$\\frac{\\partial L}{\\partial w} = 0$$", ["definition", "valid", "definition", "definition", "definition", "definition", "valid"]),
    ("$$\\frac{\\partial L}{\\partial w} = 2 \\times (-1) = -2$$\n\n$$L = (w x - y)^2$$\n\nA second example: $x = 1$, $y = 2$, $w = 2$.\n\n$$\\frac{\\partial L}{\\partial w} = 1$$", ["definition", "valid", "definition", "definition", "definition", "definition", "invalid"]),
    # --- values given as a list ($x = 2$, $y = 3$ and $w = 1$) are values, x's too: x y = 6, not 5 (alone, $x = 2$ with no
    # word before it is where a function is looked at, and "at $x = 2$, $y = 3$" stays a point)
    ("Now $x = 2$, $y = 3$ and $w = 1$.\n\n$$x y = 6$$", ["definition", "definition", "definition", "valid"]),
    ("Now $x = 2$, $y = 3$ and $w = 1$.\n\n$$x y = 5$$", ["definition", "definition", "definition", "invalid"]),
    # --- an equation's number typed after a formula set without $...$ (   -(12), or    (2)) is its label, not "minus 12"
    # or "times 2": d(2x)/dx = 2, not 3
    ("```\nz = 2 * x   -(12)\ndz/dx = 2   -(13)\n```\n", ["definition", "valid"]),
    ("```\nz = 2 * x   -(12)\ndz/dx = 3   -(13)\n```\n", ["definition", "invalid"]),
    ("z = 2 * x    (1)\n\ndz/dx = 2    (2)\n", ["definition", "valid"]),
    # --- an activation defined by another's formula (out_o1 = σ(h1), where out_h1 = σ(h1) and o1 = w5 out_h1 are defined):
    # each activation takes the quantity its name ends in, so the line is a copy slip (σ(o1) meant); σ(o1) itself, two
    # names of one quantity (b_{h_1} beside a_{h_1}), or an o1 the text never defines are no slip
    ("```\nh1 = w1 * i1\nh2 = w3 * i1\nout_h1 = σ(h1)\nout_h2 = σ(h2)\no1 = w5 * out_h1\nout_o1 = σ(h1)\n```\n", ["definition"] * 5 + ["invalid"]),
    ("```\nh1 = w1 * i1\nh2 = w3 * i1\nout_h1 = σ(h1)\nout_h2 = σ(h2)\no1 = w5 * out_h1\nout_o1 = σ(o1)\n```\n", ["definition"] * 6),
    ("$$h_1 = w_1 i_1$$\n\n$$a_{h_1} = \\sigma(h_1)$$\n\n$$o_1 = w_5 a_{h_1}$$\n\n$$a_{o_1} = \\sigma(h_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o_1})^2$$", ["definition", "definition", "definition", "invalid", "definition"]),
    ("$$h_1 = w_1 i_1$$\n\n$$a_{h_1} = \\sigma(h_1)$$\n\n$$o_1 = w_5 a_{h_1}$$\n\n$$a_{o_1} = \\sigma(o_1)$$\n\n$$E = \\frac{1}{2}(t - a_{o_1})^2$$", ["definition"] * 5),
    ("$$h_1 = w_1 i_1$$\n\n$$a_{h_1} = \\sigma(h_1)$$\n\n$$b_{h_1} = \\sigma(h_1)$$", ["definition"] * 3),
    ("$$h_1 = w_1 i_1$$\n\n$$a_{h_1} = \\sigma(h_1)$$\n\n$$a_{o_1} = \\sigma(h_1)$$", ["definition"] * 3),
    # --- the Dirac delta, named in the prose: \delta(x) is that function (it was \delta times x), its integral over the line
    # is 1, not 0, and a line describing it by cases does not redefine it; without the name, \delta(x + 1) stays a product
    ("By the Dirac delta's defining property,\n\n$$\\int_{-\\infty}^{\\infty} \\delta(x) \\, dx = 1$$", ["valid"]),
    ("By the Dirac delta's defining property,\n\n$$\\int_{-\\infty}^{\\infty} \\delta(x) \\, dx = 0$$", ["invalid"]),
    ("The Dirac delta is the derivative of the step, $H'(x) = \\delta(x) = \\begin{cases} +\\infty, & x = 0 \\\\ 0, & x \\ne 0 \\end{cases}$, so\n\n$$\\int_{-\\infty}^{\\infty} H'(x) \\, dx = \\int_{-\\infty}^{\\infty} \\delta(x) \\, dx$$", ["valid", "valid", "valid"]),
    ("$$\\delta(x + 1) = \\delta x + \\delta$$", ["valid"]),
    # --- a label given by cases in the prose ("if w = o, then y_w = y_o = 1; otherwise y_w = 0") is one-hot at o: the
    # cross-entropy's sum is -log of the true word's probability (it was drawn as any vector: a false alarm); a wrong
    # factor is never valid; with no cases said, y is any vector and the step is wrong
    ("- if $w = o$, then $y_w = y_o = 1$;\n- otherwise, if $w \\neq o$, then $y_w = 0$.\n\n$$-\\sum_{w=1}^{V} y_w \\log(\\hat{y}_w) = -\\log(\\hat{y}_o)$$", ["definition", "definition", "definition", "definition", "valid"]),
    ("- if $w = o$, then $y_w = y_o = 1$;\n- otherwise, if $w \\neq o$, then $y_w = 0$.\n\n$$-\\sum_{w=1}^{V} y_w \\log(\\hat{y}_w) = -2\\log(\\hat{y}_o)$$", ["definition", "definition", "definition", "definition", "undecided"]),
    ("$$-\\sum_{w=1}^{V} y_w \\log(\\hat{y}_w) = -\\log(\\hat{y}_o)$$", ["invalid"]),
    # --- lists of numbers combined as numpy prints vectors: [0.1, 0.7, 0.2] - [0, 0, 1] = [0.1, 0.7, -0.8] entry by entry,
    # [1, 2] \odot [3, 4] = [3, 8], [2, 2] \otimes [1, 3] = [[2, 6], [2, 6]] (rows from the left list)
    ("$$[0.1, 0.7, 0.2] - [0, 0, 1] = [0.1, 0.7, -0.8]$$", ["valid"]),
    ("$$[0.1, 0.7, 0.2] - [0, 0, 1] = [0.1, 0.7, 0.8]$$", ["invalid"]),
    ("$$[1, 2] \\odot [3, 4] = [3, 8]$$", ["valid"]),
    ("$$[1, 2] \\odot [3, 4] = [3, 6]$$", ["invalid"]),
    ("$$[2, 2] \\otimes [1, 3] = \\begin{bmatrix} 2 & 6 \\\\ 2 & 6 \\end{bmatrix}$$", ["valid"]),
    ("$$[2, 2] \\otimes [1, 3] = \\begin{bmatrix} 2 & 2 \\\\ 6 & 6 \\end{bmatrix}$$", ["invalid"]),
    # --- a prime typed as an editor's smart apostrophe (σ’(x)) is a prime: σ' = σ(1 - σ), not σ(1 + σ)
    ("$$σ’(x) = σ(x)(1 - σ(x))$$", ["valid"]),
    ("$$σ’(x) = σ(x)(1 + σ(x))$$", ["invalid"]),
    # --- an equals sign typed between two inline formulas ("Let $z$ = $2x + 1$") makes them one: dz/dx = 2, not 1;
    # \overrightarrow{w} is \vec{w}, one name: w^T w = 1 + 4 = 5, not 3
    ("Let $z$ = $2x + 1$.\n\n$$\\frac{dz}{dx} = 2$$", ["definition", "valid"]),
    ("Let $z$ = $2x + 1$.\n\n$$\\frac{dz}{dx} = 1$$", ["definition", "invalid"]),
    ("$$\\overrightarrow{w} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$\\vec{w}^T \\vec{w} = 5$$", ["definition", "valid"]),
    ("$$\\overrightarrow{w} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$\\vec{w}^T \\vec{w} = 3$$", ["definition", "invalid"]),
    # --- a Greek letter spelled out (or its command) with digits typed after it is one name, as z1 is: theta0 is θ_0,
    # not θ times 0, so y = 0.5 + 2·3 = 6.5 (7.5 is wrong); delta1 = w2 * delta2 defines δ_1 (it was δ = 2 w_2 δ)
    ("```\ntheta0 = 0.5\ntheta1 = 2\ny = theta0 + theta1*3 = 6.5\n```", ["definition", "definition", "definition", "valid"]),
    ("```\ntheta0 = 0.5\ntheta1 = 2\ny = theta0 + theta1*3 = 7.5\n```", ["definition", "definition", "definition", "invalid"]),
    ("```\ndelta2 = y_hat - y\ndelta1 = w2 * delta2\n```", ["definition", "definition"]),
    ("```\nalpha1 = 0.1\nalpha2 = alpha1 * 3\nalpha2 = 0.3\n```", ["definition", "definition", "valid"]),
    ("$$\\theta1 = 2$$\n\n$$\\theta2 = 3\\theta1$$\n\n$$\\theta2 = 6$$", ["definition", "definition", "valid"]),
    # --- log x = ln x / ln 10 written (French texts: log is log10, ln natural): the text's log is to that base from
    # there on, so d log(p)/dp = 1/(p ln 10), and log 8 = 3 once log x = ln x / ln 2 is said; unsaid, log is natural
    ("$$\\log(p) = \\frac{\\ln(p)}{\\ln(10)}$$\n\n$$\\frac{d \\log(p)}{dp} = \\frac{1}{p \\ln(10)}$$", ["valid", "valid"]),
    ("$$\\log(p) = \\frac{\\ln(p)}{\\ln(10)}$$\n\n$$\\frac{d \\log(p)}{dp} = \\frac{1}{p}$$", ["valid", "invalid"]),
    ("$$\\frac{d \\log(p)}{dp} = \\frac{1}{p}$$", ["valid"]),
    ("$$log(x) = ln(x) / ln(2)$$\n\n$$\\log 8 = 3$$", ["valid", "valid"]),
    ("$$log(x) = ln(x) / ln(2)$$\n\n$$\\log 8 = 2$$", ["valid", "invalid"]),
    ("$$\\log 8 = 3$$", ["invalid"]),
    # --- ^T of what reads as a number (nothing says f gives a vector) is that number: 2(f(x) - y) = 2f(x) - 2y, and
    # with + 2y it is wrong
    ("$$2\\left[f(x) - y\\right]^T = 2f(x) - 2y$$", ["valid"]),
    ("$$2\\left[f(x) - y\\right]^T = 2f(x) + 2y$$", ["invalid"]),
    # --- a list whose name the text numbers from 0 (z_0 written, nothing past the list's end): z = [1.2, 2.0, 0.5] is z_0 =
    # 1.2, z_1 = 2.0 (e^{z_1} = e^{1.2} is wrong); with z_3 written it counts from 1; x_0 = 1 given (a bias) keeps x = [2, 3]
    # as x_1, x_2
    ("- $z = [1.2, 2.0, 0.5]$\n- $e^{z_0} = e^{1.2}$\n- $e^{z_1} = e^{2.0}$", ["definition", "valid", "valid"]),
    ("- $z = [1.2, 2.0, 0.5]$\n- $e^{z_0} = e^{1.2}$\n- $e^{z_1} = e^{1.2}$", ["definition", "valid", "invalid"]),
    ("- $z = [1.2, 2.0, 0.5]$\n- $e^{z_1} = e^{1.2}$\n- $e^{z_3} = e^{0.5}$", ["definition", "valid", "valid"]),
    ("- $x_0 = 1$\n- $x = [2, 3]$\n- $x_1 + x_0 = 3$", ["definition", "definition", "valid"]),
    # --- a quantity named in two words, first in its formula (\text{Naive Accuracy}), is a name of its own, not prose:
    # 950/1000 = 0.95 (0.85 is wrong), never compared with the accuracy before it
    ("$$\\text{Accuracy} = 0.895$$\n\n$$\\text{Naive Accuracy} = \\frac{950}{1000} = 0.95$$", ["definition", "definition", "valid"]),
    ("$$\\text{Accuracy} = 0.895$$\n\n$$\\text{Naive Accuracy} = \\frac{950}{1000} = 0.85$$", ["definition", "definition", "invalid"]),
    # --- a function named with a word subscript, \sigma_\mathrm{tanh}(z), \sigma_\text{relu}: a function of its own (its
    # \mathrm{tanh} is no word that hides \tanh); its prime may stand before the subscript: tanh' = 1 - tanh^2
    ("$$\\sigma_\\mathrm{tanh}(z) = \\tanh(z)$$\n\n$$\\sigma'_\\mathrm{tanh}(z) = 1 - \\tanh^2(z)$$", ["definition", "valid"]),
    ("$$\\sigma_\\mathrm{tanh}(z) = \\tanh(z)$$\n\n$$\\sigma'_\\mathrm{tanh}(z) = 1 + \\tanh^2(z)$$", ["definition", "invalid"]),
    ("$$\\sigma_\\text{relu}(z) = \\max(0, z)$$\n\n$$\\sigma_\\text{relu}(2) = 2$$", ["definition", "valid"]),
    # --- Nielsen's a^l and a^L: where l numbers layers, L over two names is the last layer: d/da^L_j of
    # (1/2) sum_j (y_j - a^L_j)^2 is a^L_j - y_j (it was a_j to the power L)
    ("$$z^l = w^l a^{l-1} + b^l$$\n\n$$z^L = w^L a^{L} + b^L$$\n\n$$C = \\frac{1}{2}\\sum_j (y_j - a_j^L)^2$$\n\n$$\\frac{\\partial C}{\\partial a_j^L} = a_j^L - y_j$$", ["definition", "definition", "definition", "valid"]),
    ("$$z^l = w^l a^{l-1} + b^l$$\n\n$$z^L = w^L a^{L} + b^L$$\n\n$$C = \\frac{1}{2}\\sum_j (y_j - a_j^L)^2$$\n\n$$\\frac{\\partial C}{\\partial a_j^L} = y_j - a_j^L$$", ["definition", "definition", "definition", "invalid"]),
    # --- f(x) = g(x)/h(x) with g, h never defined is a pattern (the quotient rule): "if f(x) = e^x/(e^x + b)" fills it
    # in, and f' = e^x b/(e^x + b)^2 by hand; a second concrete formula for f is still a claim (b against 2b)
    ("$$f(x) = \\frac{g(x)}{h(x)}$$\n\nIf\n\n$$f(x) = \\frac{e^x}{e^x + b}$$\n\n$$f'(x) = \\frac{e^x b}{(e^x + b)^2}$$", ["definition", "definition", "valid"]),
    ("$$f(x) = \\frac{g(x)}{h(x)}$$\n\nIf\n\n$$f(x) = \\frac{e^x}{e^x + b}$$\n\n$$f'(x) = \\frac{e^x}{(e^x + b)^2}$$", ["definition", "definition", "invalid"]),
    ("$$f(x) = \\frac{e^x}{e^x + b}$$\n\n$$f(x) = \\frac{e^x}{e^x + 2b}$$", ["definition", "invalid"]),
    # --- a formula given again under a new heading (## Linear decay, ## Exponential decay) is that heading's own; under
    # the same heading it is a claim: a - (a - c)t/N = a + (c - a)t/N, not a + (a - c)t/N
    ("## Linear decay\n\n$$\\alpha_t = a - (a - c) \\frac{t}{N}$$\n\n## Exponential decay\n\n$$\\alpha_t = a \\left(\\frac{c}{a}\\right)^{t/N}$$", ["definition", "definition"]),
    # (a name with a value, or one written through itself, stays a claim under a new heading: \\hat{y} = 1/(1 + e^{-\\hat{y}})
    # is no new definition of a \\hat{y} worked out to 0.6225 above)
    ("## Forward\n\n$$h = 0.5$$\n\n$$\\hat{y} = \\sigma(h) = 0.6225$$\n\n## Backward\n\n$$\\hat{y} = \\frac{1}{1 + e^{-\\hat{y}}}$$", ["definition", "definition", "valid", "invalid"]),
    ("## Linear\n\n$$\\alpha_t = a - (a - c) \\frac{t}{N}$$\n\n## Again\n\n$$\\alpha_t = \\frac{1}{1 + \\alpha_t}$$", ["definition", "invalid"]),
    ("$$\\alpha_t = a - (a - c) \\frac{t}{N}$$\n\n$$\\alpha_t = a + (c - a) \\frac{t}{N}$$", ["definition", "valid"]),
    ("$$\\alpha_t = a - (a - c) \\frac{t}{N}$$\n\n$$\\alpha_t = a + (a - c) \\frac{t}{N}$$", ["definition", "invalid"]),
    # --- two equations to solve in a row where the second brings an unknown of its own (x): another fact, not a step
    # solving the first, so undecided (it was "not the solutions")
    ("$$2a + 3 = 7$$\n\n$$a x = 2$$", ["definition", "undecided"]),
    # --- a write-up that gives e a formula (e = \\hat{y} - y, an error) means that name by e from there on, in the sections
    # after too: L = e^2 = 0.09 (not 7.39); e^{-0.9} stays Euler's; e = 2.71828 alone states Euler's number
    ("$$\\hat{y} = 0.7$$\n\n$$e = \\hat{y} - 1$$\n\n$$L = e^2 = 0.09$$", ["definition", "definition", "definition", "valid"]),
    ("$$\\hat{y} = 0.7$$\n\n$$e = \\hat{y} - 1$$\n\n$$L = e^2 = 7.39$$", ["definition", "definition", "definition", "invalid"]),
    ("$$\\hat{y} = 0.7$$\n\n$$e = \\hat{y} - 1$$\n\n$$\\sigma(0.9) = \\frac{1}{1 + e^{-0.9}} = 0.7109$$", ["definition", "definition", "valid", "valid"]),
    ("$$e = 2.71828$$\n\n$$e^2 = 7.389$$", ["definition", "valid"]),
    # --- a chain rule that ends over another variable is right where the write-up makes that link 1 (u = wh + b, so
    # dE/db = dE/du): not a slip; with u = wh + 2b it is one, and with nothing said (v_c against U) it stays one
    ("$$u = w h + b$$\n\n$$\\frac{\\partial u}{\\partial b} = 1$$\n\n$$\\frac{\\partial E}{\\partial b} = \\frac{\\partial E}{\\partial h}\\frac{\\partial h}{\\partial u}$$", ["definition", "valid", "definition"]),
    ("$$u = w h + 2b$$\n\n$$\\frac{\\partial E}{\\partial b} = \\frac{\\partial E}{\\partial h}\\frac{\\partial h}{\\partial u}$$", ["definition", "invalid"]),
    ("$$\\frac{\\partial J}{\\partial v_c} = \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial U}$$", ["invalid"]),
    # the sum's index and the entry's: z_j = sum_i w_ij x_i + b_j, so dz_j/dw_ij = x_i and dz_j/dx_i = w_ij (by hand:
    # only the term with the sum's index equal to i holds w_ij or x_i); x_j and w_ji are wrong
    ("$$z_j = \\sum_{i=1}^{n} w_{ij} x_i + b_j$$\n\n$$\\frac{\\partial z_j}{\\partial w_{ij}} = x_i$$", ["definition", "valid"]),
    ("$$z_j = \\sum_{i=1}^{n} w_{ij} x_i + b_j$$\n\n$$\\frac{\\partial z_j}{\\partial w_{ij}} = x_j$$", ["definition", "invalid"]),
    ("$$z_j = \\sum_{i=1}^{n} w_{ij} x_i + b_j$$\n\n$$\\frac{\\partial z_j}{\\partial x_i} = w_{ij}$$", ["definition", "valid"]),
    ("$$z_j = \\sum_{i=1}^{n} w_{ij} x_i + b_j$$\n\n$$\\frac{\\partial z_j}{\\partial x_i} = w_{ji}$$", ["definition", "invalid"]),
    # operator form: d/dx_k of sum_k x_k^2 is 2x_k (one term), not the sum of 2x_k (that was called valid)
    ("$$\\frac{\\partial}{\\partial x_{k}} \\sum_{k=1}^{n} x_k^2 = 2 x_k$$", ["valid"]),
    ("$$\\frac{\\partial}{\\partial x_{k}} \\sum_{k=1}^{n} x_k^2 = \\sum_{k=1}^{n} 2 x_k$$", ["invalid"]),
    ("$$\\frac{\\partial}{\\partial w_{ij}} \\sum_{i=1}^{n} w_{ij} x_i = x_i$$", ["valid"]),
    # a sample and a layer listed in one superscript, x^{(p,3)}: a name's label, not a power of a list
    ("$$x^{(p,3)}_j = \\sum_{i=1}^{n} w_{ij} x^{(p,2)}_i$$\n\n$$\\frac{\\partial x^{(p,3)}_j}{\\partial w_{ij}} = x^{(p,2)}_i$$", ["definition", "valid"]),
    ("$$x^{(p,3)}_j = \\sum_{i=1}^{n} w_{ij} x^{(p,2)}_i$$\n\n$$\\frac{\\partial x^{(p,3)}_j}{\\partial w_{ij}} = x^{(p,2)}_j$$", ["definition", "invalid"]),
    ("$$a^{(i,l)} = 2 b^{(i,l)}$$\n\n$$\\frac{\\partial a^{(i,l)}}{\\partial b^{(i,l)}} = 2$$", ["definition", "valid"]),
    # a layer's vector, its entries under a sum, is a vector: x^{(3)}_j = sum_i w_ij x^{(2)}_i, so dx^{(3)}_j/dw_ij is
    # x^{(2)}_i (x^{(2)}_j is wrong); its entry formula holds for every index: dz^{(3)}_q/dw_ij is 0 for q != j, not x_i
    ("$$x^{(3)}_j = \\sum_{i=1}^{n} w_{ij} x^{(2)}_i$$\n\n$$\\frac{\\partial x^{(3)}_j}{\\partial w_{ij}} = x^{(2)}_j$$", ["definition", "invalid"]),
    ("$$x^{(3)}_j = \\sum_{i=1}^{n} w_{ij} x^{(2)}_i$$\n\n$$\\frac{\\partial x^{(3)}_j}{\\partial w_{ij}} = x^{(2)}_i$$", ["definition", "valid"]),
    ("$$z^{(3)}_j = \\sum_{i=1}^{n} w_{ij} x_i + b_j$$\n\n$$\\frac{\\partial z^{(3)}_q}{\\partial w_{ij}} = x_i$$", ["definition", "invalid"]),
    ("$$z^{(3)}_j = \\sum_{i=1}^{n} w_{ij} x_i + b_j$$\n\n$$\\frac{\\partial z^{(3)}_q}{\\partial w_{ij}} = \\delta_{qj} x_i$$", ["definition", "valid"]),
    # a layer's name in brackets to take its subscript, (x^{(2)})_i, is the entry x^{(2)}_i
    ("$$(x^{(3)})_j = \\sum_{i=1}^{n} w_{ij} (x^{(2)})_i$$\n\n$$\\frac{\\partial (x^{(3)})_j}{\\partial w_{ij}} = (x^{(2)})_i$$", ["definition", "valid"]),
    ("$$(x^{(3)})_j = \\sum_{i=1}^{n} w_{ij} (x^{(2)})_i$$\n\n$$\\frac{\\partial (x^{(3)})_j}{\\partial w_{ij}} = (x^{(2)})_j$$", ["definition", "invalid"]),
    # --- solving an equation: each line that rewrites it must hold wherever the line before does
    # 3w - 6 = 0 gives w = 2, so 3w = 6 and w = 2 follow; 3w = -6 does not (w = 2 leaves 6 = -6), though w = -2 follows from it
    ("$$\\begin{align*} 3w - 6 &= 0 \\\\ 3w &= 6 \\\\ w &= 2 \\end{align*}$$", ["definition", "valid", "valid"]),
    ("$$\\begin{align*} 3w - 6 &= 0 \\\\ 3w &= -6 \\\\ w &= -2 \\end{align*}$$", ["definition", "invalid", "valid"]),
    # a system: w_1 - w_2 = 1 does not follow from w_1 + w_2 = 3, nor w_1 = 2 from the line before alone; each is a
    # condition of its own, never a slip (two unknowns: one equation does not fix them)
    ("$$\\begin{align*} w_1 + w_2 &= 3 \\\\ w_1 - w_2 &= 1 \\\\ w_1 &= 2 \\end{align*}$$", ["definition", "definition", "definition"]),
    # a derivative set to 0 at the end of its chain: dL/dw = 2(w - 3) is right, 2(w - 3) = 0 is the equation, w = 3 its
    # solution; w = 6 leaves 2(6 - 3) = 6
    ("$$L = (w - 3)^2$$\n\n$$\\frac{dL}{dw} = 2(w - 3) = 0$$\n\nso $w = 3$.", ["definition", "valid", "definition", "valid"]),
    ("$$L = (w - 3)^2$$\n\n$$\\frac{dL}{dw} = 2(w - 3) = 0$$\n\nso $w = 6$.", ["definition", "valid", "definition", "invalid"]),
    # a claim after an equation to solve shares none of its unknowns: judged as a claim, (a + b)^2 - a^2 - b^2 = 2ab
    ("$$2(w - 3) = 0$$\n\n$$(a + b)^2 = a^2 + b^2$$", ["definition", "invalid"]),
    # the normal equations: 0 against a vector is the zero vector; X^T(Xw - t) = X^TXw - X^Tt, so X^TXw = X^Tt is the
    # same equation and w = (X^TX)^{-1}X^Tt its one solution (X^TX invertible for n > d); -X^Tt instead leaves
    # X^Tt = -X^Tt, false unless X^Tt = 0; Xw = t follows only where X^T v = 0 forces v = 0 (n <= d), so not here, and
    # in one block it stays a condition; X^Tt (X^TX)^{-1} is d x 1 times d x d, a shape mistake
    (SOLVING_DECLARED + "$$\\begin{align*} X^T(Xw - t) &= 0 \\\\ X^TXw &= X^Tt \\\\ w &= (X^TX)^{-1}X^Tt \\end{align*}$$", ["definition", "valid", "valid"]),
    (SOLVING_DECLARED + "$$\\begin{align*} X^T(Xw - t) &= 0 \\\\ X^TXw &= -X^Tt \\end{align*}$$", ["definition", "invalid"]),
    (SOLVING_DECLARED + "$$\\begin{align*} X^T(Xw - t) &= 0 \\\\ Xw &= t \\end{align*}$$", ["definition", "definition"]),
    (SOLVING_DECLARED + "$$\\frac{2}{n} X^T(Xw - t) = 0$$\n\nTherefore\n\n$$X^TXw = X^Tt$$", ["definition", "valid"]),
    (SOLVING_DECLARED + "$$L = \\|Xw - t\\|^2 = (Xw - t)^T(Xw - t)$$\n\n$$X^TXw - X^Tt = 0$$\n\n$$w = X^Tt (X^TX)^{-1}$$", ["definition", "valid", "definition", "invalid"]),
    # shapes by the whole document: t = Xw + \epsilon makes \epsilon a vector (a Greek letter is a number only where
    # nothing says otherwise), the bars of ||\epsilon||^2 and \|A - I\|^2 hold a number, and e^T e (A - I) is a number
    # times a matrix: none of them may shrink X to one row. Then X^T(A - I)\epsilon = X^T X(X^TX)^{-1}X^T\epsilon -
    # X^T\epsilon = 0 (0 is the zero vector), not X^T\epsilon; and X(X^TX)^{-1}X^T\epsilon - \epsilon factors as written
    ("$$t = Xw + \\epsilon$$\n\n$$A = X(X^TX)^{-1}X^T$$\n\n$$E = ||\\epsilon||^2 \\, ||A - I||^2$$\n\n$$X^T(A - I)\\epsilon = 0$$", ["definition", "definition", "definition", "valid"]),
    ("$$t = Xw + \\epsilon$$\n\n$$A = X(X^TX)^{-1}X^T$$\n\n$$E = ||\\epsilon||^2 \\, ||A - I||^2$$\n\n$$X^T(A - I)\\epsilon = X^T\\epsilon$$", ["definition", "definition", "definition", "invalid"]),
    ("$$t = Xw + \\epsilon$$\n\n$$A = X(X^TX)^{-1}X^T$$\n\n$$E = \\|\\epsilon\\|^2 \\, \\|A - I\\|^2$$\n\n$$X^T(A - I)\\epsilon = 0$$", ["definition", "definition", "definition", "valid"]),
    ("$$t = Xw + \\epsilon$$\n\n$$X(X^TX)^{-1}X^T\\epsilon - \\epsilon = (X(X^TX)^{-1}X^T - I)\\epsilon$$", ["definition", "valid"]),
    ("$$t = Xw + \\epsilon$$\n\n$$A = X(X^TX)^{-1}X^T$$\n\n$$X^T t = X^T(Xw + \\epsilon)$$\n\n$$\\epsilon^T\\epsilon (A - I) = (A - I)\\epsilon^T\\epsilon$$", ["definition", "definition", "valid", "valid"]),
    # tr(...) and tr[...] typed as letters among matrices are the trace, though t names a vector here (not t times r):
    # the trace of a number is itself; tr(e^T B^T B e) = tr(B e e^T B^T) (cyclic), not tr(e^T e B^T B) = ||e||^2 tr(B^T B);
    # tr[(A - I)^T(A - I)] = tr[A^TA] - tr[A^T] - tr[A] + tr[I], and tr[A^T] = tr[A]
    (TRACE_NAMED + "$$tr(\\epsilon^T(A - I)\\epsilon) = \\epsilon^T(A - I)\\epsilon$$", ["definition", "definition", "valid"]),
    (TRACE_NAMED + "$$tr(\\epsilon^T(A - I)^T(A - I)\\epsilon) = tr((A - I)\\epsilon\\epsilon^T(A - I)^T)$$", ["definition", "definition", "valid"]),
    (TRACE_NAMED + "$$tr(\\epsilon^T(A - I)^T(A - I)\\epsilon) = tr(\\epsilon^T\\epsilon(A - I)^T(A - I))$$", ["definition", "definition", "invalid"]),
    (TRACE_NAMED + "$$tr[(A - I)^T(A - I)] = tr[A^TA] - 2tr[A] + tr[I]$$", ["definition", "definition", "valid"]),
    (TRACE_NAMED + "$$tr(A) = tr(X(X^TX)^{-1}X^T)$$", ["definition", "definition", "valid"]),
    # a norm's subscript: _F is a matrix's Frobenius norm, ||A||_F^2 = tr(A^TA) = tr(AA^T) (the sum of squared entries),
    # not tr(A^2) unless A is symmetric; _2 is a vector's length, ||w||_2^2 = w^Tw; the 1-norm squared is not w^Tw
    # (w = (1, 1): 4 against 2) and a matrix's _2 is its largest singular value, not sqrt(tr(A^TA)): neither is read
    # as the 2-norm or the Frobenius norm, both are refused
    (NORMS_DECLARED + "$$||A||^2_F = tr(A^TA)$$", ["valid"]),
    (NORMS_DECLARED + "$$\\|A\\|_F^2 = tr(AA^T)$$", ["valid"]),
    (NORMS_DECLARED + "$$||A||_F^2 = tr(A^2)$$", ["invalid"]),
    (NORMS_DECLARED + "$$\\|w\\|_{2}^2 = w^Tw$$", ["valid"]),
    (NORMS_DECLARED + "$$||w||_{1}^2 = w^Tw$$", ["unparsed"]),
    (NORMS_DECLARED + "$$||A||_2 = \\sqrt{tr(A^TA)}$$", ["unparsed"]),
    # a sequence's index is the letter its closed form uses: theta_t given by a sum up to t, then by the geometric
    # series, sum_{k=1}^t g^k = (g - g^{t+1})/(1 - g); with g^t instead the two differ at t = 1 (g against 0); a
    # momentum-like v_t = sum_{k=1}^t b^{t-k} g = g(1 + b + ... + b^{t-1}) = g(1 - b^t)/(1 - b)
    (SEQUENCE + "$$\\theta_t = \\theta_0 - \\alpha m \\left( \\frac{\\gamma - \\gamma^{t+1}}{1-\\gamma}\\right)$$", ["definition", "definition", "valid"]),
    (SEQUENCE + "$$\\theta_t = \\theta_0 - \\alpha m \\left( \\frac{\\gamma - \\gamma^{t}}{1-\\gamma}\\right)$$", ["definition", "definition", "invalid"]),
    ("$$v_t = \\sum_{k=1}^{t} \\beta^{t-k} g$$\n\n$$v_t = g\\frac{1 - \\beta^t}{1 - \\beta}$$", ["definition", "valid"]),
    # a sequence's counter as a power is a whole number: (1 - 2a)^{t+1} theta_0 is not (1 - 2a)^t theta_0 (they differ by the
    # factor 1 - 2a), which tried at a fractional t and a negative base was "not a real number" and left alone
    ("$$\\theta_{t+1} = (1 - 2\\alpha)\\theta_t$$\n\n$$\\theta_t = (1-2\\alpha)^t \\theta_0$$\n\n$$\\theta_t = (1-2\\alpha)^{t+1} \\theta_0$$", ["definition", "definition", "invalid"]),
    ("$$\\theta_t = (1-8\\alpha)^t \\theta_0$$\n\n$$\\theta_t = (1-8\\alpha)^{t-1}(1 - 8\\alpha) \\theta_0$$", ["definition", "valid"]),
    # \sum_{\forall n} is a sum over every n (a sum is linear; the sum of w over n is N w, not w); \space is a space
    ("$$\\sum_{\\forall n} (t_n - w) = \\sum_{n} t_n - \\sum_{n} w$$", ["valid"]),
    ("$$\\sum_{\\forall_{n}} 2 (w + x_n) = 2\\sum_{n} w + 2\\sum_{n} x_n$$", ["valid"]),
    ("$$\\sum_{\\forall n} (t_n - w) = \\sum_{n} t_n - w$$", ["invalid"]),
    ("With $w = 0$:\n\n$$w - (0.1) \\space (-2) = 0.2$$", ["definition", "valid"]),
    # a homework template's \prob or \problem opens a question: f is given again there, d/dx x^3 = 3x^2, not 2x
    (PROBLEM_MACRO.format(macro="prob", second="3x^2"), ["definition", "valid", "definition", "valid"]),
    (PROBLEM_MACRO.format(macro="problem", second="2x"), ["definition", "valid", "definition", "invalid"]),
    # a text that defines \prob itself (a probability, \mathbb{P}), or writes \Prob, opens no question: f stays x^2,
    # so d/dx f = 2x holds and 3x^2 does not
    ("\\documentclass{article}\n\\newcommand{\\prob}{\\mathbb{P}}\n\\begin{document}\nLet $f(x) = x^2$. The event has \\prob{} one half, so\n"
     "\\[\\frac{d}{dx} f(x) = 2x.\\]\n\\Prob again.\n\\[\\frac{d}{dx} f(x) = 3x^2.\\]\n\\end{document}\n", ["definition", "valid", "invalid"]),
    # equations with sums over the samples, solved: 0 = sum_n (w + x_n - t_n) is N w = sum_n (t_n - x_n), so
    # w = (1/N) sum_n (t_n - x_n); without the 1/N it is wrong for every N > 1; halving an equation keeps its solutions
    ("$$0 = \\sum_{n=1}^{N} (w + x_n - t_n)$$\n\nso\n\n$$N w = \\sum_{n=1}^{N} (t_n - x_n)$$", ["definition", "valid"]),
    ("$$0 = \\sum_{n=1}^{N} (w + x_n - t_n)$$\n\nso\n\n$$w = \\frac{1}{N}\\sum_{n=1}^{N} (t_n - x_n)$$", ["definition", "valid"]),
    ("$$0 = \\sum_{n=1}^{N} (w + x_n - t_n)$$\n\nso\n\n$$w = \\sum_{n=1}^{N} (t_n - x_n)$$", ["definition", "invalid"]),
    ("$$0 = \\sum_{n} 2(w - t_n)$$\n\n$$0 = \\sum_{n} (w - t_n)$$", ["definition", "valid"]),
    # "Solving for w_0" (before a display, or as the title over it) says the next line is the equation before solved for
    # w_0, so a wrong one is a slip even with two unknowns: w_0 + w_1 = 3 gives w_0 = 3 - w_1, not 3 + w_1; with no such
    # words w_0 = 3 + w_1 may be a system's second equation and stays a condition; (1/N) sum (t_n - w_1 x_n) = w_0 is
    # the solution of 0 = sum (w_0 + w_1 x_n - t_n), the sum without 1/N is not
    ("$$w_0 + w_1 = 3$$\n\nSolving for $w_0$:\n\n$$w_0 = 3 - w_1$$", ["definition", "valid"]),
    ("$$w_0 + w_1 = 3$$\n\nSolving for $w_0$:\n\n$$w_0 = 3 + w_1$$", ["definition", "invalid"]),
    ("$$w_0 + w_1 = 3$$\n\n$$w_0 = 3 + w_1$$", ["definition", "definition"]),
    ("## Solving for $w_0$\n\n$$w_0 + w_1 = 3$$\n\n$$w_0 = 3 + w_1$$", ["definition", "invalid"]),
    ("$$0 = \\sum_{n=1}^{N} (w_0 + w_1 x_n - t_n)$$\n\nSolving for $w_0$:\n\n$$\\frac{1}{N}\\sum_{n=1}^{N} (t_n - w_1 x_n) = w_0$$", ["definition", "valid"]),
    ("$$0 = \\sum_{n=1}^{N} (w_0 + w_1 x_n - t_n)$$\n\nSolving for $w_0$:\n\n$$\\sum_{n=1}^{N} (t_n - w_1 x_n) = w_0$$", ["definition", "invalid"]),
    # a function of a vector written in its entries: J(theta) = 2 theta_1^2 + 4 theta_2^2 has gradient (4 theta_1, 8 theta_2),
    # not (4 theta_1, 4 theta_2) (the second entry is dJ/dtheta_2 = 8 theta_2); the derivative in theta itself is not 0
    (BY_ENTRIES + "$$\\nabla J(\\boldsymbol{\\theta}) = \\begin{bmatrix} 4\\theta_1 \\\\ 8\\theta_2 \\end{bmatrix}$$", ["definition", "valid"]),
    (BY_ENTRIES + "$$\\nabla J(\\boldsymbol{\\theta}) = \\begin{bmatrix} 4\\theta_1 \\\\ 4\\theta_2 \\end{bmatrix}$$", ["definition", "invalid"]),    # one formula typed as two inline spans on a line, an operator or bracket where they meet: w = 0.5 - 0.1(2(0.5) - 3)
    # = 0.5 + 0.2 = 0.7, not 0.3; two spans that are each a whole equation (x = 1, y = 2) stay two
    ("1. $w = 0.5 - (0.1)$ $(2 \\cdot 0.5 - 3) = 0.7$", ["definition", "valid"]),
    ("1. $w = 0.5 - (0.1)$ $(2 \\cdot 0.5 - 3) = 0.3$", ["definition", "invalid"]),
    ("We get $w = 0.5 -$ $0.1 \\cdot 2 = 0.3$.", ["definition", "valid"]),
    ("Take $x = 1$ $y = 2$.\n\n$$x + y = 3$$", ["definition", "definition", "valid"]),
    # a derivative, or a known function, at its variable with a number times the variable on the right is a claim about
    # the function (f(x) = x^2 has f'(x) = 2x, not 3x; g(x) = x^2 is not 3x), never the name f' or g given the value 3;
    # sigma' = sigma(1 - sigma) for the logistic sigma, not 3x; a derivative of a function nothing defines names it
    ("$$f(x) = x^2$$\n\n$$f'(x) = 2x$$", ["definition", "valid"]),
    ("$$f(x) = x^2$$\n\n$$f'(x) = 3x$$", ["definition", "invalid"]),
    ("$$g(x) = x^2$$\n\n$$g(x) = 3x$$", ["definition", "invalid"]),
    ("$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\n$$\\sigma'(z) = 3z$$", ["definition", "invalid"]),
    ("$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$", ["definition", "valid"]),
    ("$$h'(x) = 3x$$", ["undecided"]),
    # a function of a vector through a sum over all its entries: N(z) = sum_k e^{z_k} has dN/dz_j = e^{z_j} (only the
    # k = j term holds z_j), not 2e^{z_j}; e^{z_i}/N(z) is the softmax written out
    (NORMALISER + "$$\\frac{\\partial}{\\partial z_j}N(z) = e^{z_j}$$", ["definition", "valid"]),
    (NORMALISER + "$$\\frac{\\partial}{\\partial z_j}N(z) = 2e^{z_j}$$", ["definition", "invalid"]),
    (NORMALISER + "$$\\frac{e^{z_i}}{N(z)} = \\frac{e^{z_i}}{\\sum_{k=1}^n e^{z_k}}$$", ["definition", "valid"]),
    # a function defined under one LaTeX section holds under the next, which uses it without defining it (the values
    # given there do not): the same N, dN/dz_j = e^{z_j}; 2e^{z_j} is wrong
    ("\\section{Definition}\n\\begin{equation}\nN(z)=\\sum_{k=1}^n e^{z_k}\n\\end{equation}\n\\section{Derivative}\n"
     "\\begin{equation}\n\\frac{\\partial}{\\partial z_j}N(z)=e^{z_j}\n\\end{equation}\n", ["definition", "valid"]),
    ("\\section{Definition}\n\\begin{equation}\nN(z)=\\sum_{k=1}^n e^{z_k}\n\\end{equation}\n\\section{Derivative}\n"
     "\\begin{equation}\n\\frac{\\partial}{\\partial z_j}N(z)=2e^{z_j}\n\\end{equation}\n", ["definition", "invalid"]),
    # "a one-hot vector with a $1$ for the true word $o$" (the 1 typed as maths) says where the 1 is: the cross-entropy
    # -sum_w y_w log yhat_w is -log yhat_o, not -log yhat_w
    (HOT_AT_O + "$$-\\sum_{w} y_{w} \\log(\\hat{y}_{w}) = -\\log(\\hat{y}_{o})$$", ["valid"]),
    (HOT_AT_O + "$$-\\sum_{w} y_{w} \\log(\\hat{y}_{w}) = -2\\log(\\hat{y}_{o})$$", ["invalid"]),
    # \colon= is :=, an update (w = 2 - 0.1(0.5) = 1.95 from then on, so w + 1 = 2.95, not 3.05); \ell is a letter (the
    # loss l = (y - yhat)^2 has dl/dyhat = -2(y - yhat), not 2(y - yhat))
    ("With $w = 2$ and $g = 0.5$:\n\n$$w \\colon= w - 0.1 g$$\n\n$$w + 1 = 2.95$$", ["definition", "definition", "definition", "valid"]),
    ("With $w = 2$ and $g = 0.5$:\n\n$$w \\colon= w - 0.1 g$$\n\n$$w + 1 = 3.05$$", ["definition", "definition", "definition", "invalid"]),
    ("$$\\ell = (y - \\hat y)^2$$\n\n$$\\frac{\\partial \\ell}{\\partial \\hat y} = -2(y - \\hat y)$$", ["definition", "valid"]),
    ("$$\\ell = (y - \\hat y)^2$$\n\n$$\\frac{\\partial \\ell}{\\partial \\hat y} = 2(y - \\hat y)$$", ["definition", "invalid"]),
    # maths inside a blog's raw HTML is read: a <div> around \\( ... \\) (1/2 = 0.5, not 0.6), MathJax's own
    # <script type="math/tex; mode=display"> (2 + 3 = 5, not 6)
    ('<div style="color: white;">\n\\( a = \\frac{1}{2} = 0.5 \\)\n</div>\n', ["definition", "valid"]),
    ('<div style="color: white;">\n\\( a = \\frac{1}{2} = 0.6 \\)\n</div>\n', ["definition", "invalid"]),
    ('<script type="math/tex; mode=display">\nx = 2 + 3 = 5\n</script>\n', ["definition", "valid"]),
    ('<script type="math/tex; mode=display">\nx = 2 + 3 = 6\n</script>\n', ["definition", "invalid"]),
    # Sigmoid typed as a word is the logistic (sigma(0) = 1/2); a matrix of names set equal to one of numbers gives
    # each name its number (w_1 + w_2 = 0.3 + 0.2 = 0.5); a prime after \\{ \\} differentiates what they hold
    ("$$a = Sigmoid(0) = 0.5$$", ["definition", "valid"]),
    ("$$a = Sigmoid(0) = 0.6$$", ["definition", "invalid"]),
    ("$$W = \\begin{bmatrix} w_1 & w_2 \\end{bmatrix} = \\begin{bmatrix} 0.3 & 0.2 \\end{bmatrix}$$\n\n$$w_1 + w_2 = 0.5$$", ["definition", "definition", "valid"]),
    ("$$W = \\begin{bmatrix} w_1 & w_2 \\end{bmatrix} = \\begin{bmatrix} 0.3 & 0.2 \\end{bmatrix}$$\n\n$$w_1 + w_2 = 0.6$$", ["definition", "definition", "invalid"]),
    ("$$g(x) = x^3$$\n\n$$\\{ g(x) \\}' = 3x^2$$", ["definition", "valid"]),
    ("$$g(x) = x^3$$\n\n$$\\{ g(x) \\}' = 2x^2$$", ["definition", "invalid"]),
    # a sum over two indices in one subscript is the double sum: sum_{i,j} x_i y_j = (sum_i x_i)(sum_j y_j), not the
    # diagonal sum_i x_i y_i (at n = 2 with x = (1, 2), y = (3, 4): 21 against 11)
    ("$$\\sum_{i, j=1}^{n} x_i y_j = \\left(\\sum_{i=1}^n x_i\\right)\\left(\\sum_{j=1}^n y_j\\right)$$", ["valid"]),
    ("$$\\sum_{i, j=1}^{n} x_i y_j = \\sum_{i=1}^n x_i y_i$$", ["invalid"]),
    # the indices typed together (\\sum_{mn}, as the entry Y_{mn} is), n also being the size every sum runs to: still the
    # double sum, n its own index (sum_{mn} x_m y_n = (sum_m x_m)(sum_n y_n), not the diagonal)
    ("$$\\sum_{mn} x_m y_n = \\sum_{m} x_m \\sum_n y_n$$", ["valid"]),
    ("$$\\sum_{mn} x_m y_n = \\sum_{m} x_m y_m$$", ["invalid"]),
    # differentiating by w^2_{11} says the 2 numbers a layer (no one differentiates by a power): o = h_1 w^2_{11} + h_2 w^2_{21}
    # has do/dw^2_{21} = h_2, not h_1; x^2 with no such use stays a square
    ("$$o = h_1 w^2_{11} + h_2 w^2_{21}$$\n\n$$\\frac{\\partial o}{\\partial w^2_{11}} = h_1$$\n\n$$x^2 + 1 = x \\cdot x + 1$$", ["definition", "valid", "valid"]),
    ("$$o = h_1 w^2_{11} + h_2 w^2_{21}$$\n\n$$\\frac{\\partial o}{\\partial w^2_{21}} = h_1$$", ["definition", "invalid"]),
    # an operator's derivative goes on over the terms that hold its variable (d/dx x^2 + 3x = 2x + 3, not 2x + 3x); a term
    # without it after that may be added or differentiated, which the text leaves open: the line holds if it holds either
    # way (d/dx x^2 + 3 = 2x and = 2x + 3), and is wrong if neither (= 3x, = 2x + 6); brackets say which
    ("$$\\frac{d}{dx} x^2 + 3x = 2x + 3$$", ["valid"]),
    ("$$\\frac{d}{dx} x^2 + 3x = 2x + 3x$$", ["invalid"]),
    ("$$\\frac{d}{dx} x^2 + 3 = 2x$$", ["valid"]),
    ("$$\\frac{d}{dx} x^2 + 3 = 2x + 3$$", ["valid"]),
    ("$$\\frac{d}{dx} x^2 + 3 = 3x$$", ["invalid"]),
    ("$$\\frac{d}{dx} x^2 + 3 = 2x + 6$$", ["invalid"]),
    ("$$\\frac{d}{dx}(x^2) + 3 = 2x + 3$$", ["valid"]),
    ("$$\\frac{d}{dx}\\left(x^2\\right) + 3 = 2x$$", ["invalid"]),
    # an operator before one function applied takes that application: d/dz ln(1 + e^{-z}) + (1 - y) adds 1 - y to
    # -e^{-z}/(1 + e^{-z}); with + y instead it is wrong
    ("$$\\dfrac{d}{dz}\\ln(1 + e^{-z}) + (1 - y) = -\\frac{e^{-z}}{1+e^{-z}} + 1 - y$$", ["valid"]),
    ("$$\\dfrac{d}{dz}\\ln(1 + e^{-z}) + (1 - y) = -\\frac{e^{-z}}{1+e^{-z}} + 1 + y$$", ["invalid"]),
    # two operators side by side are two derivatives (d/dz of ln(1 + e^{-z}) plus d/dz of (1 - y)z), not one of the other
    ("$$\\dfrac{d}{dz}[\\ln(1 + e^{-z}) + (1-y)z] = \\dfrac{d}{dz}\\ln(1 + e^{-z}) + \\dfrac{d}{dz}(1 - y)z$$", ["valid"]),
    # a loss given a new formula (squared error, then cross-entropy under a new title): numbers worked out for dL/dw_1 under
    # the old one no longer hold; the cross-entropy's dL/dw_1 = (yhat - y) x_1 for yhat = sigma(w_1 x_1) (by hand: dL/dyhat =
    # (yhat - y)/(yhat(1 - yhat)), dyhat/dw_1 = yhat(1 - yhat) x_1)
    ('$$L = \\frac{1}{2}(\\hat y - y)^2$$\n\nWith $\\hat y = 0$, $y = 5$ and $x_1 = 2$:\n\n- $\\frac{\\partial L}{\\partial w_1} = (0 - 5) \\times 2 = -10$\n\n## Logistic regression\n\n$$\\hat y = \\sigma(w_1 x_1)$$\n\n$$L = -[y \\log \\hat y + (1-y) \\log(1 - \\hat y)]$$\n\n$$\\frac{\\partial L}{\\partial w_1} = (\\hat y - y) x_1$$\n',
     ["definition", "definition", "definition", "definition", "definition", "valid", "definition", "definition", "valid"]),
    # a function named again with other arguments (J(W, b; x, y), one example's cost, beside J(W, b) = W^2 + b) is another
    # function, not a misreading: J(W, b) = W^2 + b still has dJ/db = 1, not 2
    ("$$J(W,b) = W^2 + b$$\n\n$$J(W,b;x,y) = \\frac{1}{2} (W x + b - y)^2$$\n\n$$\\frac{\\partial}{\\partial b} J(W,b) = 1$$", ["definition", "undecided", "valid"]),
    ("$$J(W,b) = W^2 + b$$\n\n$$J(W,b;x,y) = \\frac{1}{2} (W x + b - y)^2$$\n\n$$\\frac{\\partial}{\\partial b} J(W,b) = 2$$", ["definition", "undecided", "invalid"]),
    # theta_{t+1} = (I - alpha H) theta_t numbers a sequence by t, so (I - alpha H)^t is a power, not a transpose: with
    # H = diag(4, 8) it is diag((1 - 4 alpha)^t, (1 - 8 alpha)^t) (a diagonal matrix's power is its entries' powers);
    # (1 - 4 alpha)^t in both corners is wrong at t = 1 already (1 - 8 alpha != 1 - 4 alpha for alpha != 0). With no
    # sequence, W^t of a matrix is its transpose, as many texts write it: [[1, 3], [2, 4]] for [[1, 2], [3, 4]]
    (RECURRENCE + "$$(I - \\alpha \\mathbf{H})^t \\boldsymbol{\\theta}_0 = \\begin{bmatrix} (1-4\\alpha)^t & 0 \\\\ 0 & (1-8\\alpha)^t \\end{bmatrix} \\boldsymbol{\\theta}_0$$",
     ["definition", "definition", "valid"]),
    (RECURRENCE + "$$(I - \\alpha \\mathbf{H})^t \\boldsymbol{\\theta}_0 = \\begin{bmatrix} (1-4\\alpha)^t & 0 \\\\ 0 & (1-4\\alpha)^t \\end{bmatrix} \\boldsymbol{\\theta}_0$$",
     ["definition", "definition", "invalid"]),
    ("$$W = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$W^t = \\begin{bmatrix} 1 & 3 \\\\ 2 & 4 \\end{bmatrix}$$", ["definition", "valid"]),
    ("$$W = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n$$W^t = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$", ["definition", "invalid"]),
    # one bracket too many, typed last on its line, closes nothing and has no other reading: left out, the formula is read
    # (d/dx of -log sigma(x) is sigma(x) - 1, by hand: -sigma'(x)/sigma(x) = -(1 - sigma(x))); anywhere else the surplus
    # bracket may close an opener the author dropped ((x + 1)) y: (x + 1)y or x + 1 y?), so the line stays unreadable
    ("$$g(x) = -\\log\\sigma(x))$$\n\n$$g'(x) = \\sigma(x) - 1$$", ["definition", "valid"]),
    ("$$g(x) = -\\log\\sigma(x))$$\n\n$$g'(x) = 1 - \\sigma(x)$$", ["definition", "invalid"]),
    ("$$a = 2$$\n\n$$(a + 1)) \\cdot 2 = 6$$", ["definition", "unparsed"]),
    ("$$a = 2$$\n\n$$b = (a + 1) \\cdot 3) \\quad \\text{so}$$\n\n$$b = 9$$", ["definition", "definition", "valid"]),
    ("$$a = 2$$\n\n$$b = (a + 1) \\cdot 3) \\quad \\text{so}$$\n\n$$b = 8$$", ["definition", "definition", "invalid"]),
    # a chain through net_h for a loss E given no formula (only used: F = 2E) says E reaches w_kh through net_h; the link
    # dE/dnet_h is then what the chain assumes, not a 0 "because E is an input". With E = w_kh^2 given, E does not depend on
    # net_h (dE/dnet_h = 0 while dE/dw_kh = 2 w_kh): that chain is wrong
    ("$$F = 2 E$$\n\n$$net_h = \\sum_i w_{ih} o_i$$\n\n$$\\frac{\\partial E}{\\partial w_{kh}} = \\frac{\\partial E}{\\partial net_h} \\cdot \\frac{\\partial net_h}{\\partial w_{kh}}$$",
     ["definition", "definition", "valid"]),
    ("$$net_h = \\sum_i w_{ih} o_i$$\n\n$$E = w_{kh}^2$$\n\n$$\\frac{\\partial E}{\\partial w_{kh}} = \\frac{\\partial E}{\\partial net_h} \\cdot \\frac{\\partial net_h}{\\partial w_{kh}}$$",
     ["definition", "definition", "invalid"]),
    # a vector given by its entries (e_i = 1 where x_i > 0, -1 elsewhere: a letter index) and then written whole with bars
    # is read as a number, so \|e\| says nothing of e: not judged (it was invalid, e read as Euler's number, or as a
    # free number); e's entries given make e a name, while e^{2x} stays Euler's (d/dx e^{2x} = 2e^{2x})
    ("Let $e_i = 1$ if $x_i > 0$ and $e_i = -1$ otherwise.\n\n$$\\|x\\|\\|e\\| = \\|x\\|_2\\sqrt{n}$$", ["definition", "undecided"]),
    ("Let $e_i = 1$ for every $i$.\n\n$$\\frac{d}{dx} e^{2x} = 2e^{2x}$$", ["definition", "valid"]),
    ("Let $e_i = 1$ for every $i$.\n\n$$\\frac{d}{dx} e^{2x} = e^{2x}$$", ["definition", "invalid"]),
    # two matrices side by side are their product, worked out, not a value written: the next block's numbers for the
    # same name restate it and are checked ([2; 3][1 4] = [[2, 8], [3, 12]] by hand; 13 is a slip)
    ("$$D = \\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix} \\begin{bmatrix} 1 & 4 \\end{bmatrix}$$\n\nResulting in:\n\n$$D = \\begin{bmatrix} 2 & 8 \\\\ 3 & 12 \\end{bmatrix}$$",
     ["definition", "valid"]),
    ("$$D = \\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix} \\begin{bmatrix} 1 & 4 \\end{bmatrix}$$\n\nResulting in:\n\n$$D = \\begin{bmatrix} 2 & 8 \\\\ 3 & 13 \\end{bmatrix}$$",
     ["definition", "invalid"]),
    ("$$D = \\begin{bmatrix} 2 & 1 \\\\ 3 & 1 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 4 \\end{bmatrix}$$\n\nso\n\n$$D = \\begin{bmatrix} 6 \\\\ 8 \\end{bmatrix}$$",
     ["definition", "invalid"]),  # [2 + 4, 3 + 4] = [6, 7]
    # the numbers put in for D = A B^T with A and B given none (so not judged) are what the text goes on with: the
    # result stated next is checked against them (13 for 3 x 4 = 12 is a slip); with no numbers, nothing is kept
    ("$$D = A B^T$$\n\n$$D = \\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix} \\begin{bmatrix} 1 & 4 \\end{bmatrix}$$\n\nResulting in:\n\n$$D = \\begin{bmatrix} 2 & 8 \\\\ 3 & 12 \\end{bmatrix}$$",
     ["definition", "undecided", "valid"]),
    ("$$D = A B^T$$\n\n$$D = \\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix} \\begin{bmatrix} 1 & 4 \\end{bmatrix}$$\n\nResulting in:\n\n$$D = \\begin{bmatrix} 2 & 8 \\\\ 3 & 13 \\end{bmatrix}$$",
     ["definition", "undecided", "invalid"]),
    # sigma'(0.6), the derivative at a decimal: sigma(0.6) = 0.6457 and sigma'(0.6) = sigma(1 - sigma) = 0.6457 x 0.3543 =
    # 0.2288 (mpmath: 0.22878); 0.6457^2 is not it (it ended in "could not decide" before)
    ("$$\\sigma'(0.6) = 0.6457 \\times 0.3543$$", ["valid"]),
    ("$$\\sigma'(0.6) = 0.6457 \\times 0.6457$$", ["invalid"]),
    # a function of a numbered name given no number (x_3 = g_4(x_4) = e^{x_4}, a computation graph's nodes) is defined by
    # that formula: dg_4/dx_4 = e^{x_4} holds, dg_3/dx_3 = 2 for g_3(x_3) = x_3 + c does not (it is 1); a number at that
    # point (y = g(z_1) = 0.3) defines nothing, and g'(z_1) = 1 then only names a value
    ("Let $x_3 = g_4(x_4) = e^{x_4}$.\n\n$$\\frac{\\partial g_4(x_4)}{\\partial x_4} = e^{x_4}$$", ["definition", "definition", "valid"]),
    ("Let $x_2 = g_3(x_3) = x_3 + c$.\n\n$$\\frac{\\partial g_3(x_3)}{\\partial x_3} = 2$$", ["definition", "definition", "invalid"]),
    ("Let $y = g(z_1) = 0.3$.\n\n$$g'(z_1) = 1$$", ["definition", "undecided", "definition"]),
    # a node defined through another (x_4 = Z - m, then g_4(x_4) = e^{x_4}): the derivative by x_4 is taken at x_4's formula
    ("Let $x_4 = Z - m$ and $x_3 = g_4(x_4) = e^{x_4}$.\n\n$$\\frac{\\partial g_4(x_4)}{\\partial x_4} = e^{Z - m}$$", ["definition", "definition", "definition", "valid"]),
    # E worked out from out typed rounded (out = sigma(1.1) = 0.7502601056..., typed 0.75026011): E = (out - o)^2/2 with out
    # exact differs from it by ~2e-9, a billionth of its size, which the typed figures leave (mpmath: 0.27399251522860605
    # against 0.2739925136...); 10^-6 more is not rounding
    ("$$o = 0.01$$\n\n$$out = \\sigma(1.1) = 0.75026011$$\n\n$$E = \\frac{1}{2}(0.75026011 - 0.01)^2 = 0.27399252$$\n\n$$T = E = \\frac{1}{2}(out - o)^2$$",
     ["definition", "definition", "valid", "definition", "valid", "definition", "valid"]),
    ("$$o = 0.01$$\n\n$$out = \\sigma(1.1) = 0.75026011$$\n\n$$E = \\frac{1}{2}(0.75026011 - 0.01)^2 = 0.27399252$$\n\n$$T = E = \\frac{1}{2}(out - o)^2 + 10^{-6}$$",
     ["definition", "definition", "valid", "definition", "valid", "definition", "invalid"]),
    # a list of names equal to a list of numbers gives each name its number ([w_1, w_2, b] = [0.15, 0.2, 0.35]), so the
    # weighted sum after it is checked (0.15 x 0.05 + 0.2 x 0.1 + 0.35 = 0.3775; 0.3875 is a slip)
    ("$$[w_1, w_2, b] = [0.15, 0.20, 0.35]$$\n\n$$n = w_1 \\times 0.05 + w_2 \\times 0.10 + b = 0.3775$$", ["definition", "definition", "valid"]),
    ("$$[w_1, w_2, b] = [0.15, 0.20, 0.35]$$\n\n$$n = w_1 \\times 0.05 + w_2 \\times 0.10 + b = 0.3875$$", ["definition", "definition", "invalid"]),
    # h written alone as a number (h d, m/h: a count of heads) makes h(m d + m d) possibly h times a sum: with d = m/h the
    # line is 3m^2, right as a product, wrong "for every function h": not judged either way
    ("$$N = h(m d + m d) + h d \\cdot m$$\n\nWith $d = m/h$:\n\n$$h(m d + m d) + h d \\cdot m = 3 m^2$$", ["definition", "definition", "undecided"]),
    # "with d_k = d_v = m/n" gives both names that value, also a size the text declared (d_v in W's shape): not a claim
    # that d_v = m/n for every m, n
    ("Let $W \\in \\mathbb{R}^{m \\times d_v}$.\n\n$$P = n(m d_k + m d_v)$$\n\nWith $d_k = d_v = m/n$:\n\n$$Q = 1$$",
     ["definition", "definition", "definition", "definition"]),
    # a quantity named in words and applied (\text{Data Loss}(w) = ...) is defined there, not "(w) = ..."
    ("$$\\text{Data Loss}(w) = \\frac{1}{2}(y - xw)^2$$", ["definition"]),
    # \β, \· (a private macro file's shorthands for the pasted glyphs, never defined in the text) are β and ·:
    # 0.9 x 2 = 1.8, not 1.7; a command the text defines (\newcommand{\β}{7}) is its definition (7 + 1 = 8)
    ("$$\\β_1 = 0.9$$\n\n$$v = \\β_1 \\· 2 = 1.8$$", ["definition", "definition", "valid"]),
    ("$$\\β_1 = 0.9$$\n\n$$v = \\β_1 \\· 2 = 1.7$$", ["definition", "definition", "invalid"]),
    # an opener on the line above closes here: the bracket is not surplus, and the two lines are one formula ((a + 1)(2 + 1) = 9)
    ("$$a = 2$$\n\n$$\\begin{aligned} b &= (a + 1)(2 \\\\ &\\quad + 1) \\end{aligned}$$\n\n$$b = 9$$", ["definition", "definition", "valid"]),
    # a paragraph that is only a condition ("1. $i \neq j$" over a display) is the case the display works: for i != j,
    # dp_i/dz_j = -p_i p_j (p_i p_j has the wrong sign); for i = j it is p_i(1 - p_i), so -p_i p_j is wrong there
    ("Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n1. $i \\neq j$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$", ["definition", "valid"]),
    ("Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n1. $i \\neq j$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i p_j$$", ["definition", "invalid"]),
    ("Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n2. $i = j$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i (1 - p_i)$$", ["definition", "definition", "valid"]),
    ("Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n2. $i = j$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$", ["definition", "definition", "invalid"]),
    ("(a) $x < 0$\n\n$$|x| = -x$$", ["valid"]),
    ("(a) $x > 0$\n\n$$|x| = -x$$", ["invalid"]),
    # the product and quotient rules in primes, the letters written primed alone (f'g): functions of one variable, f' the
    # derivative of f; (uv)' = u'v' and (f + g)' = f' - g' are wrong (u = x, v = x: (x^2)' = 2x, not 1)
    ("Product rule: $(fg)' = f'g + fg'$", ["valid"]),
    ("$$(uv)' = u'v'$$", ["invalid"]),
    ("$$(u/v)' = \\frac{u'v - uv'}{v^2}$$", ["valid"]),
    ("$$(u/v)' = \\frac{u'v + uv'}{v^2}$$", ["invalid"]),
    ("$$(f + g)' = f' - g'$$", ["invalid"]),
    # values in an align's next column after a comma (", & z_2 = 0, z_1 = z") are where that line holds:
    # 1/(1 + e^{0 - z}) = 1/(1 + e^{-z}); with e^{z} on the right it is wrong; 2^2 + 1 = 5, not 6
    ("$$\\begin{aligned} \\frac{1}{1 + e^{z_2 - z_1}} &= \\frac{1}{1 + e^{-z}}, & z_2 = 0, z_1 = z \\end{aligned}$$", ["valid"]),
    ("$$\\begin{aligned} \\frac{1}{1 + e^{z_2 - z_1}} &= \\frac{1}{1 + e^{z}}, & z_2 = 0, z_1 = z \\end{aligned}$$", ["invalid"]),
    ("$$\\begin{aligned} x^2 + y &= 5, & x = 2, y = 1 \\end{aligned}$$", ["valid"]),
    ("$$\\begin{aligned} x^2 + y &= 6, & x = 2, y = 1 \\end{aligned}$$", ["invalid"]),
    # a name at a time step after the counter's (w(t + 1) = w(t) - ...) is an update, not an equation; a known
    # function's \sigma(t + 1) = \sigma(t) + 1 is still a claim, and false (\sigma is below 1)
    ("$$w(t + 1) = w(t) - \\eta \\frac{\\partial E}{\\partial w}$$", ["definition"]),
    ("$$w_{11}(t + 1) = w_{11}t - \\eta \\delta x_1$$", ["definition"]),
    ("$$\\sigma(t + 1) = \\sigma(t) + 1$$", ["invalid"]),
    # the word softmax of an entry (softmax(x_i + c), as students write S(x + c)_i) is the softmax's entry i; a formula
    # for it in x's entries alone is a claim: a sum over j of e^{x_i} (the index not running) is n e^{x_i}, so the
    # right side is 1/n; e^{x_i} over e^{x_j + c} misses e^c. A formula with a name of its own (T) defines a variant
    ("$$softmax(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_i}}$$", ["invalid"]),
    ("$$softmax(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$", ["valid"]),
    ("$$\\text{softmax}(x_i + c) = \\frac{e^{x_i + c}}{\\sum_j e^{x_j + c}}$$", ["valid"]),
    ("$$\\text{softmax}(x_i + c) = \\frac{e^{x_i}}{\\sum_j e^{x_j + c}}$$", ["invalid"]),
    ("$$softmax(z_i) = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$$", ["definition"]),
    # y^{(i)} under a sum over i (the i-th sample, Ng's notation) is entry i of y, as y_i: J = (1/m) sum_k (y_k - yhat_k)^2
    # gives dJ/dyhat_i = -(2/m)(y_i - yhat_i) (it was read as one name, so the sum was m times one square and the right
    # derivative was called wrong); 2(y_i - yhat_i) misses -1/m. A bare \sum takes the sample's i as its index
    ("$$J = \\frac{1}{m} \\sum_{i=1}^m (y^{(i)} - \\hat{y}^{(i)})^2$$\n\n$$\\frac{\\partial J}{\\partial \\hat{y}^{(i)}} = -\\frac{2}{m}(y^{(i)} - \\hat{y}^{(i)})$$", ["definition", "valid"]),
    ("$$J = \\frac{1}{m} \\sum_{i=1}^m (y^{(i)} - \\hat{y}^{(i)})^2$$\n\n$$\\frac{\\partial J}{\\partial \\hat{y}^{(i)}} = 2(y^{(i)} - \\hat{y}^{(i)})$$", ["definition", "invalid"]),
    ("$$J = \\frac{1}{n} \\sum (y^{(i)} - \\hat{y}^{(i)})^2$$\n\n$$\\frac{\\partial J}{\\partial \\hat{y}^{(i)}} = -\\frac{2}{n}(y^{(i)} - \\hat{y}^{(i)})$$", ["definition", "valid"]),
    ("$$J = \\frac{1}{n} \\sum{ (y^{(i)} - \\hat{y}^{(i)})^2 }$$\n\n$$\\frac{\\partial J}{\\partial \\hat{y}^{(i)}} = 2(y^{(i)} - \\hat{y}^{(i)})$$", ["definition", "invalid"]),
    ("$$a^{(2)} = 3$$\n\n$$2 a^{(2)} = 6$$", ["definition", "valid"]),
    # a derivative by a function the text defines (d/dh_theta of log h_theta(x), a chain rule's factor) means by its value:
    # it read as 0 (h_theta's formula put in has no h_theta in it), so the right chain rule was called wrong; not read now
    ("Let $h_{\\theta}(x) = \\frac{1}{1+e^{-\\theta x}}$.\n\n$$\\frac{\\partial}{\\partial \\theta} \\left( \\log (h_{\\theta}(x)) \\right) = \\frac{\\partial}{\\partial h_{\\theta}} \\left( \\log (h_{\\theta}(x)) \\right) \\frac{\\partial h_{\\theta}}{\\partial \\theta}$$",
     ["definition", "unparsed"]),
    # a name given again by a formula equal to the one it has restates it, which is checked (x(x + 2) = x^2 + 2x,
    # e^a/(e^a + e^b) = 1/(1 + e^{b - a}), dividing by e^a); by another formula (2x + 2) it is defined anew, a new
    # example or loss, not a claim
    ("$$L = x^2 + 2x$$\n\n$$L = x(x + 2)$$", ["definition", "valid"]),
    ("$$L = x^2 + 2x$$\n\n$$L = 2x + 2$$", ["definition", "definition"]),
    ("$$p = \\frac{e^{a}}{e^{a} + e^{b}}$$\n\n$$p = \\frac{1}{1 + e^{b - a}}$$", ["definition", "valid"]),
    # a number exactly halfway rounds to either neighbour (half up or half to even): 0.5 x 0.25 = 0.125 is 0.13 (or 0.12)
    # to two places, -0.94 x 0.25 x 0.5 = -0.1175 is -0.118 (both were called wrong); -0.119 is a slip
    ("$$0.5 \\cdot 0.25 = 0.13$$", ["valid"]),
    ("$$-0.94 \\cdot 0.25 \\cdot 0.5 = -0.118$$", ["valid"]),
    ("$$-0.94 \\cdot 0.25 \\cdot 0.5 = -0.119$$", ["invalid"]),
    # a line typed without $...$ holding two statements apart by a wide gap of spaces is two statements (the second
    # writes outh1 as a function of h1, restating its formula: not outh1 times h1); a gap before + joins nothing apart
    ("outh1 = sigmoid(h1)      outh1(h1) = sigmoid(h1)", ["definition", "valid"]),
    ("h1 = i1 * w1    outh1 = sigmoid(h1)", ["definition", "definition"]),
    ("a = 2\n\nb = a  + 1 = 3", ["definition", "definition", "valid"]),
    # MathJax's \bold and the physics package's \vb are bold, as \mathbf: x^T x = 1 + 4 = 5 (6 is wrong)
    ("$$\\bold{x} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$\\bold{x}^T \\bold{x} = 5$$", ["definition", "valid"]),
    ("$$\\vb{x} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$\\vb{x}^T \\vb{x} = 6$$", ["definition", "invalid"]),
    # a superscript listing indices (W^{h,m}, CS181's weight from unit m to h) is a label, no power; a vector's ^m (no
    # vector has a power m) is its entry m: z^m z^m = (z^m)^2, not 2 z^m
    ("$$W^{h,m} = 2$$\n\n$$3 W^{h,m} = 6$$", ["definition", "valid"]),
    ("Let $\\mathbf{z} \\in \\mathbb{R}^n$.\n\n$$\\mathbf{z}^m \\mathbf{z}^m = (\\mathbf{z}^m)^2$$", ["valid"]),
    ("Let $\\mathbf{z} \\in \\mathbb{R}^n$.\n\n$$\\mathbf{z}^m \\mathbf{z}^m = 2\\mathbf{z}^m$$", ["invalid"]),
    # the chain rule written out for a derivative seen there first is a claim (its fractions cancel), not a definition;
    # one that cancels to another variable's derivative is wrong
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial w}$$", ["valid"]),
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial b}$$", ["invalid"]),
    # a last \\ before \end{bmatrix} starts no row: A is 2 x 2 and x 2 x 1, so Ax = [3; 7] (and [3; 8] is a slip)
    ("Let $A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\\\ \\end{bmatrix}$ and $x = \\begin{bmatrix} 1 \\\\ 1 \\\\ \\end{bmatrix}$.\n\n$$Ax = \\begin{bmatrix} 3 \\\\ 7 \\end{bmatrix}$$",
     ["definition", "definition", "valid"]),
    ("Let $A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\\\ \\end{bmatrix}$ and $x = \\begin{bmatrix} 1 \\\\ 1 \\\\ \\end{bmatrix}$.\n\n$$Ax = \\begin{bmatrix} 3 \\\\ 8 \\end{bmatrix}$$",
     ["definition", "definition", "invalid"]),
    # a condition in a sentence ("when $\beta = 0$", Chinese 当...时) holds for the formulas after it in that sentence, also
    # where it reaches them through a function's formula: x sigma(0 x) = x/2 (not x/3); -y log p - (1 - y) log(1 - p) is
    # -log p at y = 1 and -log(1 - p) at y = 0; after a full stop it holds no more (no value of x: not judged)
    (SWISH + "When $\\beta = 0$, the function becomes linear: $f(x) = \\frac{x}{2}$.", ["definition", "valid"]),
    (SWISH + "When $\\beta = 0$, the function becomes linear: $f(x) = \\frac{x}{3}$.", ["definition", "invalid"]),
    (SWISH + "当$\\beta=0$时，激活函数成为线性函数$f(x)=\\frac{x}{2}$。", ["definition", "valid"]),
    (SWISH + "当$\\beta=0$时，激活函数成为线性函数$f(x)=x$。", ["definition", "invalid"]),
    (BINARY_LOSS + "If $y = 1$, the loss is $L = -\\log p$; when $y = 0$ it is $L = -\\log(1 - p)$.", ["definition", "valid", "valid"]),
    (BINARY_LOSS + "If $y = 1$, the loss is $L = -\\log p$; when $y = 0$ it is $L = -\\log p$.", ["definition", "valid", "invalid"]),
    ("$$f(x) = \\frac{1}{1 + e^{-x}}$$\n\nAt $x = 0$, we have $f(x) = \\frac{1}{2}$. And $f(x) = \\frac{1}{3}$.", ["definition", "valid", "undecided"]),
    # a number in brackets typed after a space at the end of displays, numbered one after another (no \tag in Markdown),
    # is the equation's label: dz/dw_1 = x_1, not 3 x_1, for z = w_0 + w_1 x_1 (and 2 x_1 is wrong); one such display
    # alone is a product (b = a (3) = 6 for a = 2)
    ("$$z = w_0 + w_1 x_1 \\quad (1)$$\n\n$$\\frac{dz}{dw_0} = 1 (2)$$\n\n$$\\frac{dz}{dw_1} = x_1 (3)$$\n\n$$\\frac{dz}{dw_1} = 2 x_1 (4)$$",
     ["definition", "valid", "valid", "invalid"]),
    ("$$a = 2$$\n\n$$b = a (3)$$\n\n$$b = 6$$", ["definition", "definition", "valid"]),
    ("$$a = 2$$\n\n$$b = a (3)$$\n\n$$b = 2$$", ["definition", "definition", "invalid"]),
    # sigma^{-1} is the logistic function's inverse, the log-odds log(p/(1 - p)) (as sin^{-1} is arcsin), and logit names
    # it; a function's name alone in braces ({\rm softplus}(x)) is applied to what follows: d/dx log(1 + e^x) = sigma(x)
    ("$$\\sigma^{-1}(p) = \\log\\left(\\frac{p}{1-p}\\right)$$", ["valid"]),
    ("$$\\sigma^{-1}(p) = \\log\\left(\\frac{1-p}{p}\\right)$$", ["invalid"]),
    ("$$\\operatorname{logit}(\\sigma(x)) = x$$", ["valid"]),
    ("$$\\operatorname{logit}(\\sigma(x)) = -x$$", ["invalid"]),
    ("$$\\frac{d}{dx}{\\rm{softplus}}(x) = \\sigma(x)$$", ["valid"]),
    ("$$\\frac{d}{dx}{\\rm softplus}(x) = \\sigma(-x)$$", ["invalid"]),
    # a function the text never defines, whose derivative it finds by differentiating a formula (g'(z) = (tanh's
    # formula)'), is that formula: 1 - g(z)^2 after it is about tanh (valid), 1 + g(z)^2 is not; h(2) = 8 for h = x^3.
    # A function already defined keeps its formula (f = x^2: f'(x) = (x^3)' is wrong), a quantity's derivative (dL/dy)
    # defines nothing
    ("$$\\begin{aligned} g^{\\prime}(z) &=\\left(\\frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}\\right)^{\\prime} \\\\ &=\\frac{4}{\\left(e^{z}+e^{-z}\\right)^{2}} \\\\ "
     "&=1-g(z)^{2} \\\\ &= 1 + g(z)^2 \\end{aligned}$$", ["definition", "valid", "valid", "invalid"]),
    ("$$\\frac{d}{dx} h(x) = \\frac{d}{dx}\\left(x^3\\right) = 3x^2$$\n\n$$h(2) = 8$$\n\n$$h(2) = 9$$", ["definition", "valid", "valid", "invalid"]),
    ("$$f(x) = x^2$$\n\n$$f^{\\prime}(x) = (x^3)^{\\prime} = 3x^2$$", ["definition", "invalid", "valid"]),
    ("$$\\frac{d L}{d y} = \\frac{d}{d y}\\left(y^3\\right) = 3y^2$$\n\n$$L = 9$$", ["definition", "valid", "definition"]),
    # an entry (row, column) of a bracketed matrix: (2A)_{21} = 2 x 3 = 6, (2A)_{12} = 2 x 2 = 4
    ("Let $A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$.\n\n$$(2A)_{21} = 6$$\n\n$$(2A)_{12} = 6$$", ["definition", "valid", "invalid"]),
    # a bold 1 after a bracket, or before a bold 1 transposed, is the ones vector: (2A)1 sums 2A's rows (12, 30);
    # A - (A)1 1^T takes each row's sum (6, 15) from its entries
    (WIDE + "$$(2A)\\mathbf{1} = \\begin{bmatrix} 12 \\\\ 30 \\end{bmatrix}$$", ["definition", "valid"]),
    (WIDE + "$$(2A)\\mathbf{1} = \\begin{bmatrix} 12 \\\\ 31 \\end{bmatrix}$$", ["definition", "invalid"]),
    (WIDE + "$$A - (A)\\mathbf{1}\\,\\mathbf{1}^{\\top} = \\begin{bmatrix} -5 & -4 & -3 \\\\ -11 & -10 & -9 \\end{bmatrix}$$", ["definition", "valid"]),
    (WIDE + "$$A - (A)\\mathbf{1}\\,\\mathbf{1}^{\\top} = \\begin{bmatrix} -5 & -4 & -3 \\\\ -11 & -10 & -8 \\end{bmatrix}$$", ["definition", "invalid"]),
    # a function's name before brackets that hold the name alone is a value there, and so is it: sigma - sigma^2 =
    # sigma(1 - sigma) for the number sigma (sigma(1 + sigma) = sigma + sigma^2 is not); sigma(1 - x) stays the logistic
    # function of 1 - x, and a letter inside a subscript (w_{1:L}) is no value
    ("$$σ - σ^2 = σ(1 - σ)$$", ["valid"]),
    ("$$\\sigma - \\sigma^2 = \\sigma(1 + \\sigma)$$", ["invalid"]),
    ("$$\\sigma(1 - x) = \\frac{1}{1 + e^{x - 1}}$$", ["valid"]),
    ("$$\\sigma(1 - x) = \\frac{1}{1 + e^{1 - x}}$$", ["invalid"]),
    # \text{ln} before a fraction is the logarithm, not a word: sqrt(ln(2000/0.9)/100) = 0.2776 (0.2976 is wrong)
    ("$$\\sqrt{\\frac{1}{2\\times 50}\\text{ln}\\frac{2\\times 1000}{0.9}} \\approx 0.2776$$", ["valid"]),
    ("$$\\sqrt{\\frac{1}{2\\times 50}\\text{ln}\\frac{2\\times 1000}{0.9}} \\approx 0.2976$$", ["invalid"]),
    # a unit's name in \text (\text{h1}, \text{out h1}) is a name, h1 the same as typed plainly; a display that puts
    # numbers in for a formula's names, one decimal per name (whatever the operations: a fraction, an exponent), is
    # checked against their values: 0.7 in place of h1 = 0.5 is a slip, 0.5 is right; 7 for out h1 = 2 x 3 is wrong
    ("$$\\text{h1} = 0.5$$\n\n$$o = \\frac{1}{1+e^{-h1}}$$\n\n$$o = \\frac{1}{1+e^{-0.7}}$$", ["definition", "definition", "invalid"]),
    ("$$\\text{h1} = 0.5$$\n\n$$o = \\frac{1}{1+e^{-h1}}$$\n\n$$o = \\frac{1}{1+e^{-0.5}}$$", ["definition", "definition", "valid"]),
    ("$$\\text{out h1} = 2 \\cdot 3$$\n$$\\text{out h1} = 7$$", ["definition", "invalid"]),
    ("$$\\text{out h1} = 2 \\cdot 3$$\n$$\\text{out h1} = 6$$", ["definition", "valid"]),
    ("$$\\text{out h1} = \\frac{1}{1+e^{-0.3775}}$$\n$$\\text{out h1} = 0.5932$$", ["definition", "invalid"]),
    ("$$\\text{out h1} = \\frac{1}{1+e^{-0.3775}}$$\n$$\\text{out h1} = 0.5933$$", ["definition", "valid"]),
    # a result set in bold in a line typed without $ (≈ **0.5767**) is that number: sigma(0.30935) = 0.576727
    ("Z = σ(0.30935) ≈ **0.5767**", ["definition", "valid"]),
    ("Z = σ(0.30935) ≈ **0.5867**", ["definition", "invalid"]),
    # an HTML comment is a draft the page does not show: 1 + 1 = 3 inside one is not read (nor is the comment's text
    # read again as Markdown without end); 2 + 2 = 5 after it is judged
    ("<!-- $$\n    a = 1 + 1 = 3\n$$ -->\n\n$$b = 2 + 2 = 5$$", ["definition", "invalid"]),
    ("<!-- $$\n    a = 1 + 1 = 3\n$$ -->\n\n$$b = 2 + 2 = 4$$", ["definition", "valid"]),
    # any codecogs host draws formulas (private.codecogs.com in copied posts; + sent as &plus;), and \bigtriangledown,
    # the editor's nabla, is the gradient: d/dw w^3 = 3w^2
    ("![f](https://private.codecogs.com/gif.latex?a%3D1&plus;1%3D3)", ["definition", "invalid"]),
    ("![f](https://private.codecogs.com/gif.latex?a%3D1&plus;1%3D2)", ["definition", "valid"]),
    ("$$f(w) = w^3$$\n\n$$\\bigtriangledown f(w) = 3w^2$$", ["definition", "valid"]),
    ("$$f(w) = w^3$$\n\n$$\\bigtriangledown f(w) = 3w$$", ["definition", "invalid"]),
    # an entry of a vector named by a function letter (h = [0.5, 0.25]) is a number: h_1(1 - h_1) = 0.5 x 0.5 = 0.25
    (PAIR + "$$h_1 (1 - h_1) = 0.25$$", ["definition", "valid"]),
    (PAIR + "$$h_1 (1 - h_1) = 0.5$$", ["definition", "invalid"]),
    # in a formula with an elementwise product, 1 - h is 1 - h_k in each entry: h ⊙ (1 - h) = (0.25, 0.1875), shown to
    # two places as (0.25, 0.19); (0.25, 0.17) is wrong in entry 2
    (PAIR + "$$h \\odot (1 - h) = \\begin{pmatrix} 0.25 \\\\ 0.19 \\end{pmatrix}$$", ["definition", "valid"]),
    (PAIR + "$$h \\odot (1 - h) = \\begin{pmatrix} 0.25 \\\\ 0.17 \\end{pmatrix}$$", ["definition", "invalid"]),
    # a product of matrices of numbers is checked entry by entry to the places shown: h h^T = [[0.25, 0.125], [0.125,
    # 0.0625]], shown as [[0.25, 0.13], [0.13, 0.06]]; 0.07 for 0.0625 is wrong
    (PAIR + "$$h h^T = \\begin{pmatrix} 0.25 & 0.13 \\\\ 0.13 & 0.06 \\end{pmatrix}$$", ["definition", "valid"]),
    (PAIR + "$$h h^T = \\begin{pmatrix} 0.25 & 0.13 \\\\ 0.13 & 0.07 \\end{pmatrix}$$", ["definition", "invalid"]),
    # a vector of numbers against entries the text never gives values for (y_1, y_2) holds for some values only: not judged
    (PAIR + "$$h \\odot (1 - h) = \\begin{pmatrix} y_1 (1 - y_1) \\\\ y_2 (1 - y_2) \\end{pmatrix}$$", ["definition", "undecided"]),
    # a vector written with a slip (sigma(1) = 0.7311, not 0.7511) and then worked on with its right value: 2a = (1, 1.4621)
    # holds for the right a (valid); (1, 1.5122) holds for neither a (invalid)
    (LOGISTIC_PAIR + "$$b = 2 a = \\begin{pmatrix} 1.0 \\\\ 1.4621 \\end{pmatrix}$$", ["definition", "definition", "invalid", "definition", "valid"]),
    (LOGISTIC_PAIR + "$$b = 2 a = \\begin{pmatrix} 1.0 \\\\ 1.5122 \\end{pmatrix}$$", ["definition", "definition", "invalid", "definition", "invalid"]),
    # a chain rule split into the k = j term and the sum over k != j: each term's fractions must cancel to dL/dz_j. A
    # first term over z_k (k summed nowhere there) is an index slip; links that do not meet (dL/dz_j then dz_k/dW_ji)
    # too; the same with the indices right names dL/dz_j (a definition) or is the chain rule (valid)
    ("$$\\frac{\\partial L}{\\partial z_j} = \\frac{\\partial L}{\\partial y_j}\\frac{\\partial y_j}{\\partial z_j} + \\sum_{k \\neq j} "
     "\\frac{\\partial L}{\\partial y_k}\\frac{\\partial y_k}{\\partial z_j}$$", ["definition"]),
    ("$$\\frac{\\partial L}{\\partial z_j} = \\frac{\\partial L}{\\partial y_k}\\frac{\\partial y_k}{\\partial z_k} + \\sum_{k \\neq j} "
     "\\frac{\\partial L}{\\partial y_k}\\frac{\\partial y_k}{\\partial z_j}$$", ["invalid"]),
    ("$$\\frac{\\partial L}{\\partial W_{j,i}} = \\frac{\\partial L}{\\partial z_j}\\frac{\\partial z_k}{\\partial W_{j,i}}$$", ["invalid"]),
    ("$$\\frac{\\partial L}{\\partial W_{j,i}} = \\frac{\\partial L}{\\partial z_j}\\frac{\\partial z_j}{\\partial W_{j,i}}$$", ["valid"]),
    # a value stated under an \\underbrace (_{=1}: weights that sum to 1, a one-hot label's entries) holds in the steps
    # after the one that shows it: a(sum b) + (1 - a)(sum c) = a + (1 - a) = 1 (a - (1 - a) is not);
    # -y_j + p_j(y_j + sum_{k != j} y_k) is p_j - y_j (p_j + y_j is not)
    ("$$\\alpha \\underbrace{\\left(\\sum_{i=1}^p \\beta_i\\right)}_{=1} + (1 - \\alpha)\\underbrace{\\left(\\sum_{j=1}^q \\gamma_j\\right)}_{=1} "
     "= \\alpha + (1 - \\alpha) = 1$$", ["valid", "valid"]),
    ("$$\\alpha \\underbrace{\\left(\\sum_{i=1}^p \\beta_i\\right)}_{=1} + (1 - \\alpha)\\underbrace{\\left(\\sum_{j=1}^q \\gamma_j\\right)}_{=1} "
     "= \\alpha - (1 - \\alpha)$$", ["invalid"]),
    ("$$\\begin{align}\na &= -y_j + y_j p_j + p_j \\sum_{k \\neq j} y_k \\\\\n&= -y_j + p_j \\underbrace{\\left(y_j + \\sum_{k \\neq j} y_k \\right)}_{=1} "
     "\\\\\n&= p_j - y_j \\\\\n&= p_j + y_j\n\\end{align}$$", ["definition", "valid", "valid", "invalid"]),
    # a name given with an index whose formula is written in another: a sum over the name's own index (the j inside
    # z_j = sum_j ... is not the one outside), or an index nothing binds while the name's own is absent (p_j written
    # with e^{a_i}, where the text sums over i elsewhere); the same formulas in the name's index define it. A label
    # (h_{out}, z_o with no sum over o) and a line under a condition (p_i = p_j when i = j) are no index
    ("$$z_j = \\sum_j w_{jk} a_k + b_j$$", ["invalid"]),
    ("$$z_j = \\sum_k w_{jk} a_k + b_j$$", ["definition"]),
    ("Let $s = \\sum_i a_i$.\n\n$$p_j = \\frac{e^{a_i}}{\\sum_{k=1}^N e^{a_k}}$$", ["definition", "invalid"]),
    ("Let $s = \\sum_i a_i$.\n\n$$p_j = \\frac{e^{a_j}}{\\sum_{k=1}^N e^{a_k}}$$", ["definition", "definition"]),
    ("Let $s = \\sum_i h_i$.\n\n$$z_o = \\sum_i h_i w_i$$", ["definition", "definition"]),
    ("Let $s = \\sum_i p_i$.\n\nIf $i = j$, $$p_i = p_j$$", ["definition", "definition", "definition"]),
    # a step that rewrites sigma(a) as a name the text never gives a value or formula (y-hat = sigma(a), said in a
    # problem it does not quote) holds only under that reading: not judged; the next step, in y-hat alone, is proved
    ("$$\\frac{\\partial L}{\\partial a} = -\\left(\\frac{y}{\\hat y} + \\frac{y - 1}{1 - \\hat y}\\right) \\sigma(a)(1 - \\sigma(a)) "
     "= -\\left(\\frac{y}{\\hat y} + \\frac{y - 1}{1 - \\hat y}\\right) \\hat y (1 - \\hat y) = \\hat y - y$$", ["definition", "undecided", "valid"]),
    # \\Delta w (or \\triangle w, as typed for it) is one name, the increment of w, defined where first given; a period
    # typed spaced alike on both sides (eta . delta . o) is a product: 0.3 x 0.5 x 2 = 0.3, and w^+ = 1 - 0.3 = 0.7
    (STEP_SIZES + "$$\\Delta w = \\eta \\delta_n o_j = 0.3$$\n\n$$w^+ = 1 - \\Delta w = 0.7$$",
     ["definition"] * 3 + ["definition", "valid", "definition", "valid"]),
    (STEP_SIZES + "$$\\Delta w = \\eta \\delta_n o_j = 0.3$$\n\n$$w^+ = 1 - \\Delta w = 0.8$$",
     ["definition"] * 3 + ["definition", "valid", "definition", "invalid"]),
    (STEP_SIZES + "$$\\triangle w_{j,n} = \\eta . \\delta_n . o_j = 0.3$$\n\n$$\\Delta w_{j,n} = 0.4$$",
     ["definition"] * 3 + ["definition", "valid", "invalid"]),
    ("$$(0.3) . (-0.5387) . (1) = -0.1616$$", ["valid"]),
    ("$$(0.3) . (-0.5387) . (1) = 0.1616$$", ["invalid"]),
    # an update through an increment defined by the gradient at the old value is no circular definition; a sum written
    # with an ellipsis runs to a size (n), not to a stray index
    ("$$w_j:=w_j+\\Delta w_j, \\ \\ \\Delta w_j=-\\eta\\frac{\\partial J(w)}{\\partial w_j}$$", ["definition", "definition"]),
    ("Let $s = \\sum_n X_n$.\n\n$$Y_i = W_1X_1 + W_2X_2 + \\dotsb + W_n X_n$$", ["definition", "definition"]),
    # d/dx applied to a name the text gives no formula in x (q) is the Leibniz quantity dq/dx, unknown, not 0: the step
    # relates it to x and is not judged; with q = x^2 it is 2x, and (1/q) dq/dx = 2/x (1/x is wrong)
    ("$$\\frac{1}{q}\\frac{\\partial}{\\partial x}(q) = \\frac{1}{q}\\frac{\\partial}{\\partial x}(x^2)$$", ["undecided"]),
    ("$$q = x^2$$\n\n$$\\frac{1}{q}\\frac{\\partial}{\\partial x}(q) = \\frac{2}{x}$$", ["definition", "valid"]),
    ("$$q = x^2$$\n\n$$\\frac{1}{q}\\frac{\\partial}{\\partial x}(q) = \\frac{1}{x}$$", ["definition", "invalid"]),
    # the same through a formula of such names: d/dt log(q) = (1/q) dq/dt by the chain rule (not 0); with q = x^2,
    # d/dx log(q) = 2/x (1/x is wrong)
    ("$$-y \\frac{\\partial}{\\partial t} \\log(q) = -y \\frac{1}{q}\\frac{\\partial}{\\partial t} q$$", ["valid"]),
    ("$$q = x^2$$\n\n$$\\frac{\\partial}{\\partial x} \\log(q) = \\frac{2}{x}$$", ["definition", "valid"]),
    ("$$q = x^2$$\n\n$$\\frac{\\partial}{\\partial x} \\log(q) = \\frac{1}{x}$$", ["definition", "invalid"]),
    # log, ln or exp typed without a backslash against the letter it applies to (yloga: y log a, as in the logistic
    # loss -(y log a + (1 - y) log(1 - a))): dL/da = (1 - y)/(1 - a) - y/a (with + y/a it is wrong)
    ("$$L(a,y)=-(yloga+(1-y)log(1-a))$$\n\n$$\\frac{d}{da}L(a,y)=-\\frac{y}{a}+\\frac{1-y}{1-a}$$", ["definition", "valid"]),
    ("$$L(a,y)=-(yloga+(1-y)log(1-a))$$\n\n$$\\frac{d}{da}L(a,y)=\\frac{y}{a}+\\frac{1-y}{1-a}$$", ["definition", "invalid"]),
    ("$$lnx + expy = \\ln x + e^y$$", ["valid"]),
    # a list whose items each open with a label of their own and a colon ("**Sigmoid**: ...", "**Tanh**: ...") gives
    # cases: each item's first formula defines the name for that case; what follows it in the item is checked against
    # it (tanh' = 1 - tanh^2, not 1 + tanh^2); three output units' dy_k/da_l are three definitions, not claims
    ("Derivatives:\n\n- **Sigmoid**: $f(x) = \\sigma(x)$, $f^\\prime(x) = f(x)(1 - f(x))$\n- **Tanh**: $f(x) = \\tanh(x)$, "
     "$f^\\prime(x) = 1 - f(x)^2$\n- **Tanh**: $f(x) = \\tanh(x)$, $f^\\prime(x) = 1 + f(x)^2$",
     ["definition", "valid", "definition", "valid", "definition", "invalid"]),
    ("Output units:\n\n- **Linear**: $\\frac{\\partial y_k}{\\partial a_l} = \\delta_{kl}$\n- **Sigmoid**: $\\frac{\\partial y_k}{\\partial a_l} = "
     "\\delta_{kl}\\sigma^\\prime(a_l)$\n- **Softmax**: $\\frac{\\partial y_k}{\\partial a_l} = \\delta_{kl}y_k - y_ky_l$", ["definition"] * 3),
    ("- Step 1: $f(x) = x^2$\n- Step 2: $f(x) = x^3$", ["definition", "invalid"]),  # labels that order steps name no cases
    # a list item opening with a label and a colon holding one value ("- Input: $x = 2$") gives that value: w x = 3 x 2
    # = 6 (7 is wrong); nothing else in such a list changes (the later items' formulas are steps as ever)
    ("- Input: $x = 2$\n- Weight: $w = 3$\n\n$$\\hat{y} = w x = 6$$", ["definition", "definition", "definition", "valid"]),
    ("- Input: $x = 2$\n- Weight: $w = 3$\n\n$$\\hat{y} = w x = 7$$", ["definition", "definition", "definition", "invalid"]),
    # a bar with a point below it (\\Big|_{x=2}, |_{x=2}) evaluates what comes before it: d/dx x^3 at 2 is 12
    ("$$\\frac{d}{dx} x^3 \\Big|_{x=2} = 12$$", ["valid"]),
    ("$$\\frac{d}{dx} x^3 |_{x=2} = 13$$", ["invalid"]),
    # NAME : sizes times sizes states a shape (a homework's dimension count), not a value: y-hat keeps no formula from it
    ("$$\\mathbf{W}_1 : H \\times M, \\quad \\mathbf{b}_1 : H \\times 1$$", []),
    ("$$\\hat{y} : (1 \\times H)\\left[(H \\times M)(M \\times 1) + (H \\times 1)\\right] + (1 \\times 1)$$\n\n"
     "$$\\hat y (1 - \\hat y) = \\hat y - \\hat y^2$$", ["valid"]),
    ("$$\\Sigma_1 : 2 \\times 3 + 1 = 7$$", ["definition", "valid"]),
    # a zero-width space typed before an image (so the editor keeps the line) shows nothing: the image alone on its line
    # is a display, and one that starts with = goes on from the one above (1 + 2 = 4 is wrong)
    ("\u200b   " + image("a=1+2") + "\u200b    " + image("=4"), ["definition", "invalid"]),
    ("\u200b   " + image("a=1+2") + "\u200b    " + image("=3"), ["definition", "valid"]),
    # a vector written by its entries (h = [h_1, h_2]) and later given numbers (h = sigma(n) = (0.5, 0.7311)): its
    # entries are those numbers (h_1 + h_2 = 1.2311); a matrix's numbers are its entries v_{11}, v_{12}, ... too
    (ENTRIES_LATER + "$$h_1 + h_2 = 1.2311$$", ["definition"] * 3 + ["valid", "valid"]),
    (ENTRIES_LATER + "$$h_1 + h_2 = 1.3311$$", ["definition"] * 3 + ["valid", "invalid"]),
    ("$$v = \\begin{bmatrix} v_{11} & v_{12} \\\\ v_{21} & v_{22} \\end{bmatrix}$$\n\n$$v = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n"
     "$$v_{12} v_{21} = 6$$", ["definition", "undecided", "valid"]),
    ("$$v = \\begin{bmatrix} v_{11} & v_{12} \\\\ v_{21} & v_{22} \\end{bmatrix}$$\n\n$$v = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$\n\n"
     "$$v_{12} v_{21} = 8$$", ["definition", "undecided", "invalid"]),
    # a formula typed in prose without $, its scripts as HTML (blogs converted from a word processor), inside words of a
    # language typed without spaces: u = e^{a_0} + e^{a_1} is given, so d/da_0 (e^{a_0}/u) = (e^{a_0} u - e^{2 a_0})/u^2
    ("u=exp(a<sub>0</sub>)+exp(a<sub>1</sub>)とおいて計算すると\n\n$$\\frac{\\partial}{\\partial a_0} \\frac{e^{a_0}}{u} = "
     "\\frac{e^{a_0} u - e^{a_0} e^{a_0}}{u^2}$$", ["definition", "valid"]),
    ("u=exp(a<sub>0</sub>)+exp(a<sub>1</sub>)とおいて計算すると\n\n$$\\frac{\\partial}{\\partial a_0} \\frac{e^{a_0}}{u} = "
     "\\frac{e^{a_0}}{u^2}$$", ["definition", "invalid"]),
    ("令z=w<sup>2</sup>+1，则\n\n$$\\frac{dz}{dw} = 2w$$", ["definition", "valid"]),
    ("令z=w<sup>2</sup>+1，则\n\n$$\\frac{dz}{dw} = w$$", ["definition", "invalid"]),
    # the weights of a cross-entropy (-sum_k t_k log y_k) are a label or a distribution: their entries sum to 1, as the
    # softmax derivation uses without saying (sum_k t_k y_j - t_j = y_j - t_j; 2 y_j - t_j stays wrong); written out
    # (t_0, t_1, t_2) the same for those entries
    ("$$E = -\\sum_k t_k \\log y_k$$\n\n$$\\sum_k t_k y_j - t_j = y_j - t_j$$", ["definition", "valid"]),
    ("$$E = -\\sum_k t_k \\log y_k$$\n\n$$\\sum_k t_k y_j - t_j = 2 y_j - t_j$$", ["definition", "invalid"]),
    ("$$E = -t_0 \\log y_0 - t_1 \\log y_1 - t_2 \\log y_2$$\n\n$$(t_0 + t_1 + t_2) y_0 - t_0 = y_0 - t_0$$", ["definition", "valid"]),
    ("$$E = -t_0 \\log y_0 - t_1 \\log y_1 - t_2 \\log y_2$$\n\n$$(t_0 + t_1) y_0 - t_0 = y_0 - t_0$$", ["definition", "invalid"]),
    ("$$E = -\\sum_k t_k \\log t_k$$\n\n$$\\sum_k t_k y_j = y_j$$", ["definition", "invalid"]),  # an entropy's t weighs its own logs: no label
    ("$$E = -\\sum_k t_k log(y_k)$$\n\n$$\\sum_k t_k y_j - t_j = y_j - t_j$$", ["definition", "valid"]),  # log typed without its backslash
    # a gradient operator applies to the whole product after it: -1/2 d/dmu (x - mu) s^{-1} (x - mu) = (x - mu)/s
    ("$$-\\frac{1}{2}\\nabla_{\\mu}(x-\\mu)s^{-1}(x-\\mu) = s^{-1}(x-\\mu)$$", ["valid"]),
    ("$$-\\frac{1}{2}\\nabla_{\\mu}(x-\\mu)s^{-1}(x-\\mu) = \\frac{1}{2} s^{-1}(x-\\mu)$$", ["invalid"]),
    # sigma written as one of a function's arguments (l(phi, mu, sigma)) is a value there (a variance): sigma^{-1}(x - mu)
    # is its reciprocal times a bracket, not the logit
    ("Let $\\ell(\\phi, \\mu, \\sigma)$ be the log-likelihood.\n\n$$-\\frac{1}{2}\\nabla_{\\mu}(x-\\mu)\\sigma^{-1}(x-\\mu) = \\sigma^{-1}(x-\\mu)$$", ["valid"]),
    ("Let $\\ell(\\phi, \\mu, \\sigma)$ be the log-likelihood.\n\n$$-\\frac{1}{2}\\nabla_{\\mu}(x-\\mu)\\sigma^{-1}(x-\\mu) = -\\sigma^{-1}(x-\\mu)$$", ["invalid"]),
    # a function named again as another named function of the same variables is one more choice (a list of activations),
    # not a claim that they agree; each choice's own formula is still checked
    ("$g(s) = \\sigma(s) = \\frac{1}{1 + e^{-s}}$\n\n$g(s) = \\tanh(s) = \\frac{e^{s} - e^{-s}}{e^{s} + e^{-s}}$", ["definition"] * 3 + ["valid"]),
    ("$g(s) = \\sigma(s) = \\frac{1}{1 + e^{-s}}$\n\n$g(s) = \\tanh(s) = \\frac{e^{s} - e^{-s}}{e^{s} + e^{-s} + 1}$", ["definition"] * 3 + ["invalid"]),
    # an align row holding two equations side by side (& mu = ... & v = ...): each its own, not mu's side times v
    ("$$\\begin{align} & m = \\frac{a + b}{2} & v = \\frac{(a - m)^2 + (b - m)^2}{2} \\\\ & 2 v = \\frac{(a - b)^2}{2} \\end{align}$$",
     ["definition", "definition", "valid"]),
    ("$$\\begin{align} & m = \\frac{a + b}{2} & v = \\frac{(a - m)^2 + (b - m)^2}{2} \\\\ & 2 v = (a - b)^2 \\end{align}$$",
     ["definition", "definition", "invalid"]),
    # a formula listing only definitions (one of a name new there) gives a name known before its new formula (a new figure's
    # notation): y = gamma x-hat + beta, then "& m = ... & y = (x - m)/s" defines y anew; a chain about y still is checked
    ("$$y = g x + b$$\n\n$$\\begin{align} & m = 2 x & y = \\frac{x - m}{s} \\end{align}$$\n\n$$y s = x - m$$", ["definition"] * 3 + ["valid"]),
    ("$$y = g x + b$$\n\n$$\\begin{align} & m = 2 x & y = \\frac{x - m}{s} \\end{align}$$\n\n$$y s = x + m$$", ["definition"] * 3 + ["invalid"]),
    # a function the write-up defines written alone, as a number, on the line that applies it: f(x + h) beside (d + h) f
    # may be a product or another f (a node of the graph called f): not judged, never wrong
    ("$$f(x) = 3x^2$$\n\n$$\\frac{f(x+h) - f(x)}{h} = \\frac{(d+h) f - d f}{h}$$", ["definition", "undecided"]),
    ("$$f(x) = 3x^2$$\n\n$$\\frac{f(x+h) - f(x)}{h} = 6x + 2h$$", ["definition", "invalid"]),  # 6x + 3h is right
    # a matrix the text calls symmetric or diagonal is one: grad x^T A x = 2 A x only then ((A + A^T) x in general);
    # W_{ij} = 0 where i differs from j is diagonal, so grad y^T W X theta = X^T W y
    ("Let $A \\in \\mathbb{R}^{n \\times n}$ be a symmetric matrix and $x \\in \\mathbb{R}^n$.\n\n$$\\nabla_{x} x^T A x = 2 A x$$", ["valid"]),
    ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$.\n\n$$\\nabla_{x} x^T A x = 2 A x$$", ["invalid"]),
    ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$, where $A$ is symmetric.\n\n$$\\nabla_{x} x^T A x = 3 A x$$", ["invalid"]),
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $\\theta \\in \\mathbb{R}^n$, $y \\in \\mathbb{R}^m$, $W \\in \\mathbb{R}^{m \\times m}$ with "
     "$W_{ij} = \\begin{cases} 0 & i \\neq j \\\\ w_i & i = j \\end{cases}$.\n\n$$\\nabla_{\\theta} y^T W X \\theta = X^T W y$$", ["definition", "valid"]),
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $\\theta \\in \\mathbb{R}^n$, $y \\in \\mathbb{R}^m$, $W \\in \\mathbb{R}^{m \\times m}$.\n\n"
     "$$\\nabla_{\\theta} y^T W X \\theta = X^T W y$$", ["invalid"]),
    # a row of a display that starts with a name in words (\\ \text{Cross Entropy} = \text{Binary CE} = ...) is a new
    # statement naming a quantity, not the row above going on (1 - y is not the cross-entropy)
    ("$$\ny_0 = 1-y \\\\\n\\text{Cross Entropy} = \\text{Binary Cross Entropy} = -\\Bigl[y \\log(p) + (1-y) \\log(1-p)\\Bigr]\n$$",
     ["definition"] * 3),
    ("$$\ny_0 = 1-y \\\\\n= 2 - 1 - y\n$$", ["definition", "valid"]),  # a row that starts with = does go on
    # a subscripted name before a bracket of several values is a function of them (a number times a list means nothing):
    # J_{naive}(v_c; o; U) = ... names the loss; its derivative is then a claim about an undefined function, not unread
    ("$$J_{naive}(v_c; o; U) = -\\log(\\hat{y}_o)$$", ["definition"]),
    ("$$J_{naive}(v_c, o, U) = 2 \\quad J_{naive}(v_c, o, U) + 1 = 3$$", ["definition", "valid"]),
    # NAME(NAME2) = a formula in NAME2 without NAME, where NAME has a value: how NAME depends on NAME2 (a walk-through's
    # function head), a product only by accident: not judged; a bracket holding more than one name is a product as ever
    ("Let $y_1 = 0.5$, $w_5 = 0.3$, $o_1 = 0.7$.\n\n$$y_1(o_1) = o_1 w_5$$", ["definition"] * 3 + ["undecided"]),
    ("Let $y_1 = 0.5$ and $o_1 = 0.7$.\n\n$$y_1(o_1 + 1) = 0.85$$", ["definition"] * 2 + ["valid"]),
    ("Let $y_1 = 0.5$ and $o_1 = 0.7$.\n\n$$y_1(o_1 + 1) = 0.95$$", ["definition"] * 2 + ["invalid"]),
    # the chain rule summed over every intermediate (sum_k dC/da_k da_k/dz_j = dC/dz_j) is the chain rule, valid as
    # written; summing a product whose intermediates do not carry the index (da_k/dz_k: every k's own z) is not it
    ("$$C = \\sum_k a_k^2$$\n\n$$\\frac{\\partial C}{\\partial z_j} = \\sum_k \\frac{\\partial C}{\\partial a_k} \\frac{\\partial a_k}{\\partial z_j}$$",
     ["definition", "valid"]),
    ("$$C = \\sum_k a_k^2$$\n\n$$\\frac{\\partial C}{\\partial z_j} = \\sum_k \\frac{\\partial C}{\\partial a_k} \\frac{\\partial a_k}{\\partial z_k}$$",
     ["definition", "definition"]),
    # a = f(g(c)) restating a = f(b) with b = g(c) keeps a's formula in b: the chain rule through b is still the chain rule
    ("If $a = f(b)$ and $b = g(c)$, so that $a = f(g(c))$, then $\\frac{d a}{d c} = \\frac{d a}{d b} \\cdot \\frac{d b}{d c}$.",
     ["definition", "definition", "valid", "valid"]),
    ("If $a = b^2$ and $b = 3c$, so that $a = 9c^2$, then $\\frac{d a}{d c} = 18 c$ and $\\frac{d a}{d b} = 2b$.",
     ["definition", "definition", "valid", "valid", "valid"]),
    # the easy part of a formula typed plain up to a relation, the rest in $...$ right after it, is one formula (g is
    # tanh here, so g' = 1 - tanh^2; 1 + tanh^2 is wrong); {d \over dz} is TeX's d/dz
    ("g(z) = tanh(z) = $\\frac{e^z - e^{-z}}{e^z + e^{-z}}$\n\n$g'(z) = {d \\over dz}g(z) = 1 - (tanh(z))^2$", ["definition", "valid", "valid", "valid"]),
    ("g(z) = tanh(z) = $\\frac{e^z - e^{-z}}{e^z + e^{-z}}$\n\n$g'(z) = {d \\over dz}g(z) = 1 + (tanh(z))^2$", ["definition", "valid", "valid", "invalid"]),
    # "$f(a) = 6$ when $a = 2$": the value after "when" is where the formula holds (f(2) = 6; 7 is wrong)
    ("Take $f(a) = 3a$. Then $f(a) = 6$ when $a = 2$.", ["definition", "valid"]),
    ("Take $f(a) = 3a$. Then $f(a) = 7$ when $a = 2$.", ["definition", "invalid"]),
    # "say to $a = 2.001$ ... Then $f(a) = 6.003$": an imagined value changes nothing that follows, but the line or two
    # after it that work it out are worked at it (6.004 is wrong there)
    ("Take $f(a) = 3a$. Give $a$ a nudge, say to $a = 2.001$.\n\nThen $f(a) = 6.003$.", ["definition", "definition", "valid"]),
    ("Take $f(a) = 3a$. Give $a$ a nudge, say to $a = 2.001$.\n\nThen $f(a) = 6.004$.", ["definition", "definition", "invalid"]),
    ("Let $a = 2$ and $f(a) = 3a$. Give $a$ a nudge, say to $a = 2.001$.\n\nThen $f(a) = 6.003$.", ["definition"] * 3 + ["valid"]),
    # an example the text imagines later ("e.g., $u = 2v$") defines nothing, so v = a + u is no circular definition; a
    # later line that does define u through v makes it one (u not defined before v's line: with u = bc before it, u
    # meant bc there, and the later line gives u anew)
    ("$$v = a + u$$\n\nMultiply a matrix by a vector, e.g., $u = 2v$.", ["definition"] * 2),
    ("$$v = a + u$$\n\n$$u = 2v$$", ["invalid", "definition"]),
    ("$$u = bc$$\n\n$$v = a + u$$\n\n$$u = 2v$$", ["definition"] * 3),
    # a formula for one number (a = sigma(z), y-hat = sigma(z)) says nothing of the entries a sum over samples writes
    # (a^{(i)}, y-hat^{(i)}): a step that reads one for the other is not judged; the same sum in one name is checked
    ("Given $a = \\sigma(z)$ and $\\hat y = \\sigma(z)$,\n\n$$J = \\frac{1}{m} \\sum_{i=1}^{m} (\\hat y^{(i)} - y^{(i)}) = \\frac{1}{m} \\sum_{i=1}^{m} (a^{(i)} - y^{(i)})$$",
     ["definition"] * 3 + ["undecided"]),
    ("Given $a = \\sigma(z)$,\n\n$$J = \\frac{1}{m} \\sum_{i=1}^{m} (a^{(i)} - y^{(i)}) = \\frac{1}{m} \\sum_{i=1}^{m} a^{(i)} - \\frac{2}{m} \\sum_{i=1}^{m} y^{(i)}$$",
     ["definition"] * 2 + ["invalid"]),
    # a sum over a set (w in V) against its terms written out to |V|: the set's size is |V| (the bound of an ellipsis, a
    # size, never a real number)
    ("$$\\sum_{w \\in V} x_w = x_1 + \\ldots + x_{|V|}$$", ["valid"]),
    ("$$\\sum_{w \\in V} x_w = 2 x_1 + \\ldots + x_{|V|}$$", ["invalid"]),
    # a cases block's rows keep their conditions in words (\text{otherwise}) and in maths typed back inside the words
    # (\text{if $x > 0$}): g is then read, g(2) = 2 and g(-1) = 0 (1 is wrong)
    ("$$ g(x) = \\begin{cases} x & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases} $$\n\n$$g(2) = 2$$\n\n$$g(-1) = 1$$",
     ["definition", "valid", "invalid"]),
    ("$$ g(x) = \\begin{cases} x & \\text{if $x > 0$} \\\\ 0 & \\text{otherwise} \\end{cases} $$\n\n$$g(2) = 2$$\n\n$$g(-1) = 0$$",
     ["definition", "valid", "valid"]),
    # dt/dz written as a Leibniz name for t = max(0, z): at z = 0 the derivative does not exist, so a case split that
    # puts z = 0 in either row is not wrong there (as for f'(z)); a wrong row elsewhere still is
    ("$$t = max(0, z)$$\n\n$$\\frac{dt}{dz} = \\begin{cases} 1 & z \\geq 0 \\\\ 0 & z < 0 \\end{cases}$$", ["definition", "valid"]),
    ("$$t = max(0, z)$$\n\n$$\\frac{dt}{dz} = \\begin{cases} 1 & z \\geq 0 \\\\ 2 & z < 0 \\end{cases}$$", ["definition", "invalid"]),
    # an environment's name (\begin{cases}) holds no names: e = y - y-hat is no circular definition of y-hat's cases
    ("$$\\hat{y} = \\begin{cases} 1 & \\text{if } z \\geq 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$\n\n$$e = y - \\hat{y}$$",
     ["definition", "definition"]),
    # a declared vector, Greek or not, is one where a gradient is taken in it: grad_theta y^T X theta = X^T y (n x 1)
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $\\theta \\in \\mathbb{R}^n$, $y \\in \\mathbb{R}^m$.\n\n$$\\nabla_{\\theta} (y^T X \\theta) = X^T y$$", ["valid"]),
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $\\theta \\in \\mathbb{R}^n$, $y \\in \\mathbb{R}^m$.\n\n$$\\nabla_{\\theta} (y^T X \\theta) = 2 X^T y$$", ["invalid"]),    # a loss named in words (\text{BCE}, \mathrm{MSE}) and defined as a function of p: its Leibniz derivative in p is worked
    # out from that definition (by hand: d/dp [-y log p - (1 - y) log(1 - p)] = -y/p + (1 - y)/(1 - p); d/dp (p - y)^2 =
    # 2(p - y)), so a sign slip in it is found; it was taken for a new name's definition ("names a quantity in words")
    ("$$\\text{BCE}(y, p) = -y \\log(p) - (1 - y) \\log(1 - p)$$\n\n$$\\frac{\\partial \\text{BCE}}{\\partial p} = - \\frac{y}{p} + \\frac{1 - y}{1 - p}$$",
     ["definition", "valid"]),
    ("$$\\text{BCE}(y, p) = -y \\log(p) - (1 - y) \\log(1 - p)$$\n\n$$\\frac{\\partial \\text{BCE}}{\\partial p} = - \\frac{y}{p} - \\frac{1 - y}{1 - p}$$",
     ["definition", "invalid"]),
    ("$$\\mathrm{MSE}(p, y) = (p - y)^2$$\n\n$$\\frac{d \\mathrm{MSE}}{d p} = 2(p - y)$$", ["definition", "valid"]),
    ("$$\\mathrm{MSE}(p, y) = (p - y)^2$$\n\n$$\\frac{d \\mathrm{MSE}}{d p} = 2(y - p)$$", ["definition", "invalid"]),
    # a word naming no function the text defines stays a name of its own (its derivative a new quantity)
    ("$$\\frac{\\partial \\text{Loss}}{\\partial p} = 2(p - y)$$", ["definition"]),    # a derivative only named (its quantity has no formula) under one heading and given another formula under a later one
    # (## MSE with sigmoid, then ## Cross-entropy with sigmoid): that heading's own, as a plain name's is; a second formula
    # under the same heading is checked against it, and a derivative worked out from a formula stays checked
    ("## MSE\n\n$$\\frac{\\partial L}{\\partial w} = (y - a) x$$\n\n## Cross-entropy\n\n$$\\frac{\\partial L}{\\partial w} = (a - y) x$$",
     ["definition", "definition"]),
    ("## MSE\n\n$$\\frac{\\partial L}{\\partial w} = (y - a) x$$\n\n$$\\frac{\\partial L}{\\partial w} = (a - y) x$$", ["definition", "invalid"]),
    ("## Loss\n\n$$L = (a - y)^2$$\n\n## Gradient\n\n$$\\frac{\\partial L}{\\partial a} = (a - y)$$", ["definition", "invalid"]),    # a chain rule with one link upside down (de/dd for dd/de): its fractions cancel to dL/de only with that link turned
    # over, so as a rule it is wrong (it holds only where the link is 1 or -1); the right order is the chain rule
    ("$$\\frac{dL}{de} = \\frac{de}{dd} \\times \\frac{dL}{dd}$$", ["invalid"]),
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y}\\frac{\\partial w}{\\partial y}$$", ["invalid"]),
    ("$$\\frac{dL}{de} = \\frac{dd}{de} \\times \\frac{dL}{dd}$$", ["definition"]),
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y}\\frac{\\partial y}{\\partial z}\\frac{\\partial z}{\\partial w}$$", ["valid"]),    # numbered units: a chain rule whose links do not meet (do_2/dt_2 followed by dt_1/dU_12, as a numeric walk-through
    # slips) is an index slip as with letters (z_k for z_j); the links that meet are the chain rule, and a sum over both
    # units' paths is not broken
    ("$$\\frac{\\partial E}{\\partial U_{12}} = \\frac{\\partial E}{\\partial o_2} \\frac{\\partial o_2}{\\partial t_2} \\frac{\\partial t_1}{\\partial U_{12}}$$", ["invalid"]),
    ("$$\\frac{\\partial E}{\\partial U_{12}} = \\frac{\\partial E}{\\partial o_2} \\frac{\\partial o_2}{\\partial t_2} \\frac{\\partial t_2}{\\partial U_{12}}$$", ["valid"]),
    ("$$\\frac{\\partial E}{\\partial h_1} = \\frac{\\partial E}{\\partial o_1} \\frac{\\partial o_1}{\\partial h_1} + \\frac{\\partial E}{\\partial o_2} \\frac{\\partial o_2}{\\partial h_1}$$", ["definition"]),
    ("$$\\frac{\\partial E}{\\partial h_1} = \\frac{\\partial E}{\\partial o_1} \\frac{\\partial o_1}{\\partial h_2} + \\frac{\\partial E}{\\partial o_2} \\frac{\\partial o_2}{\\partial h_1}$$", ["invalid"]),    # h written through x (h = sigma(xw + b)) before z names its argument (z = xw + b): h depends on z as the text names it,
    # so dh/dz is the sigmoid's derivative and the chain through it is the chain rule; a chain through z then h (z built
    # without h) still has a link that is 0
    ("$$h = \\sigma(x w + b)$$\n\n$$z = x w + b$$\n\n$$\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial h}\\frac{\\partial h}{\\partial z} \\frac{\\partial z}{\\partial x}$$",
     ["definition", "definition", "valid"]),
    ("$$h = \\sigma(x w + b)$$\n\n$$z = x w + b$$\n\n$$\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial z} \\frac{\\partial z}{\\partial h}\\frac{\\partial h}{\\partial x}$$",
     ["definition", "definition", "invalid"]),    # z defined before a = sigma(z) means its formula there; a later heading giving z anew (", where z = a") makes no
    # circle of a's definition; a name first defined later through a still does
    ("$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n## Next\n\n$$L = (a - y)^2$$, where $z = a$.", ["definition"] * 4),
    ("$$a = \\sigma(z)$$\n\n## Next\n\n$$z = w a + b$$", ["invalid", "definition"]),    # text copied from a page with rendered maths holds each formula twice in a row (shown, then the screen reader's
    # copy): one formula, read once (it was read as f'(x) = f(x)(1 - f(x)) f'(x) = f(x)(1 - f(x)), two false claims)
    ("$$f(x) = x^2$$\n\n导数为：f′(x)=2xf′(x)=2x。", ["definition", "valid"]),
    ("$$f(x) = x^2$$\n\n导数为：f′(x)=3xf′(x)=3x。", ["definition", "invalid"]),
    ("$$f(x) = x^2$$\n\nThe derivative:\n\nf′(x)=2xf′(x)=2x", ["definition", "valid"]),    # a vector given as a list of numbers is that vector where its name stands alone: p - y is worked entry by entry
    # (by hand: [0.1, 0.2, 0.7] - [0, 1, 0] = [0.1, -0.8, 0.7]), so a slip in one entry is found
    ("$$p = [0.1, 0.2, 0.7]$$\n\n$$y = [0, 1, 0]$$\n\n$$\\frac{\\partial L}{\\partial o} = p - y = [0.1, -0.8, 0.7]$$", ["definition"] * 3 + ["valid"]),
    ("$$p = [0.1, 0.2, 0.7]$$\n\n$$y = [0, 1, 0]$$\n\n$$\\frac{\\partial L}{\\partial o} = p - y = [0.1, -0.2, 0.7]$$", ["definition"] * 3 + ["invalid"]),
    # boxes drawn side by side are the cells of one row (a tensor drawn as boxes): o = [2, 3, 4], not the product 24
    ("$$o = \\boxed{2}\\boxed{3}\\boxed{4}$$\n\n$$o_1 + o_3 = 6$$", ["definition", "valid"]),
    ("$$o = \\boxed{2}\\boxed{3}\\boxed{4}$$\n\n$$o_1 + o_3 = 8$$", ["definition", "invalid"]),
    ("$$p = \\boxed{0.1} \\boxed{0.9}$$\n\n$$y = \\boxed{0}\\boxed{1}$$\n\n$$p - y = \\boxed{0.1}\\boxed{-0.1}$$", ["definition"] * 2 + ["valid"]),    # LaTeX: equations set inside a figure (to keep them with a caption) are the write-up's (the figure was skipped
    # whole); a tikz drawing inside it still is skipped
    ("\\documentclass{article}\n\\begin{document}\n\\begin{figure}[H]\n\\centering\n\\begin{equation}\nf(x) = x^2 + 1\n\\end{equation}\n"
     "\\caption{The loss.}\n\\end{figure}\n\n\\[ f(2) = 5 \\]\n\\end{document}\n", ["definition", "valid"]),
    ("\\documentclass{article}\n\\begin{document}\n\\begin{figure}[H]\n\\centering\n\\begin{equation}\nf(x) = x^2 + 1\n\\end{equation}\n"
     "\\caption{The loss.}\n\\end{figure}\n\n\\[ f(2) = 4 \\]\n\\end{document}\n", ["definition", "invalid"]),
    # eqnarray typed with its first two column marks together (a &&= b): the relation is the line's, not a remark column's
    ("\\begin{eqnarray}\na &&= 2 \\\\\nb &&= a + 1 \\\\\nb &&= 3\n\\end{eqnarray}\n", ["definition", "definition", "valid"]),
    ("\\begin{eqnarray}\na &&= 2 \\\\\nb &&= a + 1 \\\\\nb &&= 4\n\\end{eqnarray}\n", ["definition", "definition", "invalid"]),
    # a piecewise formula written as align rows, each with its own condition (f'(x) = 1 if x > 0 \\ = 0 if x < 0, or
    # "otherwise", or words: "if object k is absent"): each row is a case of f'(x), not 1 = 0; a wrong case is found, a
    # claim under a condition in words is not judged, a name given by cases is defined by each (l_k = +1, l_k = -1), and
    # has no one value after them (z = 2y is no number)
    ("\\begin{align}\nf(x) &= \\max(0, x) \\\\\nf'(x) &= 1 \\text{ if } x > 0 \\\\\n&= 0 \\text{ if } x < 0\n\\end{align}\n",
     ["definition", "valid", "valid"]),
    ("\\begin{align}\nf(x) &= \\max(0, x) \\\\\nf'(x) &= 1 \\text{ if } x > 0 \\\\\n&= 2 \\text{ if } x < 0\n\\end{align}\n",
     ["definition", "valid", "invalid"]),
    ("\\begin{align}\nf(x) &= \\max(0, x) \\\\\nf'(x) &= 1 \\text{ if } x > 0 \\\\\n&= 0 \\text{ otherwise}\n\\end{align}\n",
     ["definition", "valid", "undecided"]),
    ("\\begin{align}\nl_k &= +1 \\text{ if object $k$ is present} \\\\\n&= -1 \\text{ if object $k$ is absent}\n\\end{align}\n",
     ["definition", "definition"]),
    ("\\begin{align}\ny &= 1 \\text{ if } x > 0 \\\\\n&= 0 \\text{ otherwise}\n\\end{align}\n\n\\[ z = 2 y \\]\n\n\\[ z = 2 \\]\n",
     ["definition"] * 4),
    # an equation editor's spaced braces: { -e }^{ -x } shows as -e^{-x}, the minus before the power, and is read so
    # (as (-e)^{-x} the side was complex and the right derivative of (1 + e^{-x})^{-1} "invalid")
    ("$$\\frac { d }{ dx } { (1+{ e }^{ -x }) }^{ -1 } = -{ (1+{ e }^{ -x }) }^{ -2 }\\cdot ({ -e }^{ -x })$$", ["valid"]),
    ("$$\\frac { d }{ dx } { (1+{ e }^{ -x }) }^{ -1 } = { (1+{ e }^{ -x }) }^{ -2 }\\cdot ({ -e }^{ -x })$$", ["invalid"]),    # the same editor's names: { w }_{ 1 } is w_1, { zh }_{ 1 } the one name zh_1 (not z times h_1), and { dw }_{ 1 } under
    # a fraction the differential of w_1 (they were "unexpected '_'"): zh_1 = 2 w_1 + 1 = 5 at w_1 = 2, d zh_1/d w_1 = 2
    ("$${ w }_{ 1 } = 2$$\n\n$$h_1 = 7$$\n\n$${ zh }_{ 1 } = 2{ w }_{ 1 } + 1$$\n\n$${ zh }_{ 1 } = 5$$\n\n$$\\frac { d{ zh }_{ 1 } }{ { dw }_{ 1 } } = 2$$",
     ["definition"] * 3 + ["valid", "valid"]),
    ("$${ w }_{ 1 } = 2$$\n\n$$h_1 = 7$$\n\n$${ zh }_{ 1 } = 2{ w }_{ 1 } + 1$$\n\n$${ zh }_{ 1 } = 15$$\n\n$$\\frac { d{ zh }_{ 1 } }{ { dw }_{ 1 } } = 1$$",
     ["definition"] * 3 + ["invalid", "invalid"]),    # braces that group nothing more: \frac{{dE}}{{db}} is dE/db (read as two groups, the d's multiplied: E/b), and
    # { d }b_{ 2 } is d b_2; by hand dE/db = (o - t) o (1 - o) for E = (o - t)^2 / 2, o = sigma(z), z = wh + b
    ("$$E = \\frac{1}{2}(o - t)^2$$\n\n$$o = \\sigma(z)$$\n\n$$z = w h + b$$\n\n$$\\frac { { dE } }{ { db } } = (o - t) o (1 - o)$$\n\n"
     "$$\\frac { dE }{ { d }b } = (o - t) o (1 - o)$$", ["definition"] * 3 + ["valid", "valid"]),
    ("$$E = \\frac{1}{2}(o - t)^2$$\n\n$$o = \\sigma(z)$$\n\n$$z = w h + b$$\n\n$$\\frac { { dE } }{ { db } } = (o - t) o$$\n\n"
     "$$\\frac { dE }{ { d }b } = (o - t) (1 - o)$$", ["definition"] * 3 + ["invalid", "invalid"]),    # the editor's prime and Greek names: { f }^{ ' }(x) is f'(x) (it was "a prime belongs right after a function's
    # name"), { \\theta }^{ 2 } is theta squared; for the sigmoid f' = f(1 - f), not f(2 - f)
    ("$${ f }(x)=\\frac { 1 }{ 1+{ e }^{ -x } }$$\n\n$${ f }^{ ' }(x)=f(x)(1-f(x))$$\n\n$$\\theta = 2$$\n\n$${ \\theta }^{ 2 } = 4$$",
     ["definition", "valid", "definition", "valid"]),
    ("$${ f }(x)=\\frac { 1 }{ 1+{ e }^{ -x } }$$\n\n$${ f }^{ ' }(x)=f(x)(2-f(x))$$\n\n$$\\theta = 2$$\n\n$${ \\theta }^{ 2 } = 2$$",
     ["definition", "invalid", "definition", "invalid"]),
    # a remark giving the line's reason: the maths in it is not more of the line. "recalling that a_j = ..." is checked
    # alone (right here) and the next row goes on from -a_j(1/a_j - 1) = a_j - 1; "since y_j = 1" is where its row holds
    # (a_j - 1 = a_j - y_j at y_j = 1)
    ("Let $a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$.\n\n$$\n\\begin{aligned}\ng &= -a_j \\left( \\frac{1}{a_j} - 1 \\right) \\qquad \\text{recalling that } a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}} \\\\\n"
     "&= a_j - 1 \\\\\n&= a_j - y_j \\qquad \\text{since } y_j = 1\n\\end{aligned}\n$$", ["definition", "definition", "valid", "valid", "valid"]),
    # the same rows wrong: the recalled formula sums e^{z_j} (n e^{z_j}, not the softmax's denominator), -a_j(1/a_j - 1)
    # is a_j - 1 not a_j + 1; a_j + 1 = a_j - y_j holds at y_j = -1 (through y_t = -1)
    ("Let $a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$.\n\n$$\n\\begin{aligned}\ng &= -a_j \\left( \\frac{1}{a_j} - 1 \\right) \\qquad \\text{recalling that } a_j = \\frac{e^{z_j}}{\\sum_k e^{z_j}} \\\\\n"
     "&= a_j + 1 \\\\\n&= a_j - y_j \\qquad \\text{since } y_j = y_{t} = -1\n\\end{aligned}\n$$", ["definition", "definition", "invalid", "invalid", "valid"]),
    # "because x = 2": x^2 + 1 = 5 there, not 6
    ("$$\n\\begin{aligned}\nf &= x^2 + 1 \\\\\n&= 5 \\qquad \\text{because } x = 2\n\\end{aligned}\n$$", ["definition", "valid"]),
    ("$$\n\\begin{aligned}\nf &= x^2 + 1 \\\\\n&= 6 \\qquad \\text{because } x = 2\n\\end{aligned}\n$$", ["definition", "invalid"]),
    # "by definition of a_j": the name after the words is words, not a factor of the line (it was read as ... times a_j)
    ("Let $a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$.\n\n$$\n\\begin{aligned}\ng &= 2 a_j \\\\\n&= \\frac{2 e^{z_j}}{\\sum_k e^{z_k}} \\qquad \\text{by definition of } a_j\n\\end{aligned}\n$$",
     ["definition", "definition", "valid"]),
    ("Let $a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$.\n\n$$\n\\begin{aligned}\ng &= 2 a_j \\\\\n&= \\frac{e^{z_j}}{\\sum_k e^{z_k}} \\qquad \\text{by definition of } a_j\n\\end{aligned}\n$$",
     ["definition", "definition", "invalid"]),
    # a function given as a map: f: x -> x^2 is f(x) = x^2, so f(3) = 9 and not 6; h: t -> 2t gives h(1) = 2
    ("Take $f: x \\mapsto x^2$ and $h: t \\rightarrow 2t$.\n\nSo $f(3) = 9$ and $h(1) = 2$.", ["definition", "definition", "valid", "valid"]),
    ("Take $f: x \\mapsto x^2$ and $h: t \\rightarrow 2t$.\n\nSo $f(3) = 6$ and $h(1) = 3$.", ["definition", "definition", "invalid", "invalid"]),
    # a lead-in that changes the set-up gives the function anew: after scaling w and b by c, f(x) = c w x + c b, and
    # f(x)/c = w x + b; with a lead-in that changes nothing, f(x) = c w x + c b contradicts f(x) = w x + b
    ("$$f(x) = w x + b$$\n\nIf we multiply all the weights and biases by a positive constant $c$ and re-examine the function $f$:\n\n"
     "$$f(x) = c w x + c b$$\n\n$$\\frac{1}{c} f(x) = w x + b$$", ["definition", "definition", "valid"]),
    ("$$f(x) = w x + b$$\n\nSo we have:\n\n$$f(x) = c w x + c b$$", ["definition", "invalid"]),
    # an equation the entries satisfy is no definition of z_j through a_j: z_j = ln a_j + ln sum_k e^{z_k} holds for the
    # softmax a_j, and no circle goes through it
    ("By definition:\n\n$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\nSo:\n\n$$z_j = \\ln(a_j) + \\ln\\left(\\sum_k e^{z_k}\\right)$$", ["definition", "definition"]),
    # v^T v is the sum of the squares of v's n entries (the column v and the entries v_i are one vector of length n)
    ("$$v^T v = \\sum_{i=1}^n v_i^2$$", ["valid"]),
    ("$$v^T v = \\sum_{i=1}^n v_i^3$$", ["invalid"]),
    # a sum typed across lines in a code block, each line ending in an operator: 1 + 2 + 3 = 6, not 7
    ("Compute:\n\n```\n1 + 0 - 3 +\n4 + 0 - 6 +\n7 + 0 - 9 = -6\n```", ["valid"]),
    ("Compute:\n\n```\n1 + 2 +\n3 = 7\n```", ["invalid"]),
    # a name declared again with another space starts another set-up: z = xW with W in R^{m x n} is no clash with the
    # W in R^{n x m} of z = Wx above it
    ("(1) Matrix times column vector:\n$$z=Wx,\\ z\\in\\mathbb{R}^n, \\ W \\in \\mathbb{R}^{n\\times m}, x\\in \\mathbb{R}^m$$\n\n"
     "Then $\\frac{\\partial z}{\\partial x} = W$.\n\n(2) Row vector times matrix:\n$$z=xW, z^T\\in \\mathbb{R}^n, x^T\\in \\mathbb{R}^m, W\\in \\mathbb{R}^{m\\times n}$$\n\n"
     "Then $\\frac{\\partial z}{\\partial x} = W^T$.", ["definition", "valid", "definition", "definition"]),
    # a one-hot label whose 1 the text places nowhere: -sum_w y_w log p_w = -log p_o holds with the 1 at o, which the
    # line claims rather than slips (not judged); twice the log holds wherever the 1 is put, so it is wrong
    ("The label $y$ is a one-hot vector.\n\n$$-\\sum_{w=1}^{n} y_w \\log(p_w) = -\\log(p_o)$$", ["undecided"]),
    ("The label $y$ is a one-hot vector.\n\n$$-\\sum_{w=1}^{n} y_w \\log(p_w) = -2\\log(p_o)$$", ["invalid"]),
    ("The label $y$ is a one-hot vector.\n\n$$\\sum_{k=1}^{n} y_k p_k = p_c$$", ["undecided"]),
    ("The label $y$ is a one-hot vector.\n\n$$\\sum_{k=1}^{n} y_k p_k = p_c + 1$$", ["invalid"]),
    # a function whose subscript is the variable (h_\\theta(x), f_w(x)) depends on it in a way the letters do not show:
    # d/dw f_w(x)^2 is 2 f_w df_w/dw, not 0 (it was proved "valid", both sides read as 0), so without a formula for f_w
    # the step is not judged; with f_w(x) = w x^2 the derivative is x^2, not 2x^2
    ("$$\\frac{\\partial}{\\partial w}(f_w(x))^2 = 0$$", ["unparsed"]),
    ("$$\\frac{\\partial h_\\theta(x)}{\\partial \\theta_j} = 0$$", ["unparsed"]),
    ("$$\\frac{\\partial}{\\partial \\theta_j}\\frac{1}{2}\\sum_{i=1}^{m}(h_{\\theta}(x^{(i)})-y^{(i)})^2 = 5\\sum_{i=1}^{m}(h_{\\theta}(x^{(i)})-y^{(i)})$$", ["unparsed"]),
    ("$$f_w(x) = w x^2$$\n\n$$\\frac{\\partial}{\\partial w} f_w(x) = x^2$$", ["definition", "valid"]),
    ("$$f_w(x) = w x^2$$\n\n$$\\frac{\\partial}{\\partial w} f_w(x) = 2x^2$$", ["definition", "invalid"]),
    # \\nabla C (\\triangledown C) \\odot \\sigma'(z): the gradient stands in the Hadamard product, not C, so C stays the
    # number its formula gives: dC/da = a - y for C = (a - y)^2 / 2
    ("$$\\triangledown C \\odot \\sigma'(z)$$\n\n$$C = \\frac{1}{2}(a - y)^2$$\n\n$$\\frac{\\partial C}{\\partial a} = a - y$$", ["definition", "valid"]),
    ("$$\\triangledown C \\odot \\sigma'(z)$$\n\n$$C = \\frac{1}{2}(a - y)^2$$\n\n$$\\frac{\\partial C}{\\partial a} = y - a$$", ["definition", "invalid"]),
    # an inline formula whose matrices start lines of their own ("If $X = \\n\\begin{pmatrix}..."): the environments are that
    # formula's, not displays that cut the paragraph; (1 2)(3 4)^T = 1*3 + 2*4 = 11, not 12
    ("Words.\n\nIf $X = \n\\begin{pmatrix}x_1 \\\\ x_2 \\end{pmatrix}$\nand $Y = \n\\begin{pmatrix}y_1 \\\\ y_2 \\end{pmatrix}$\nthen $X^T Y = \n"
     "\\begin{pmatrix}x_1 & x_2\\end{pmatrix}\n\\begin{pmatrix}y_1 \\\\ y_2\\end{pmatrix} = x_1 y_1 + x_2 y_2$.", ["definition", "definition", "valid", "valid"]),
    ("Words.\n\nWith $X = \n\\begin{pmatrix}1 \\\\ 2 \\end{pmatrix}$\nand $Y = \n\\begin{pmatrix}3 \\\\ 4 \\end{pmatrix}$\nwe get $X^T Y = \n"
     "\\begin{pmatrix}1 & 2\\end{pmatrix}\n\\begin{pmatrix}3 \\\\ 4\\end{pmatrix} = 12$.", ["definition", "definition", "valid", "invalid"]),
    # a value restated in percent in brackets after it is the same value: 2.718 / 11.212 = 0.2424..., 0.242 (24.2%) holds;
    # 1.105 / 11.212 = 0.0986, not 0.120 (12.0%); typed without $: 7.389 / 11.212 = 0.659 (65.9%)
    ("$$p = 2.718 / 11.212 = 0.242 \\; (24.2\\%)$$", ["definition", "valid"]),
    ("$$q = 1.105 / 11.212 = 0.120 \\; (12.0\\%)$$", ["definition", "invalid"]),
    ("Values:\n\n7.389 / 11.212 = 0.659  (65.9%)", ["valid"]),
    # a change of variables written both ways is no circle: Theta = theta + mu v and theta = Theta - mu v say the same;
    # theta = Theta + mu v with it is a slip of sign (it goes round unless mu v = 0)
    ("$$\\Theta = \\theta + \\mu v$$\n\n$$\\theta = \\Theta - \\mu v$$", ["definition", "definition"]),
    ("$$\\Theta = \\theta + \\mu v$$\n\n$$\\theta = \\Theta + \\mu v$$", ["invalid", "definition"]),
    # a font written twice over a name (\\mathbf{\\mathbf{w}}) is that name once: dJ/dz dz/dh dh/dw is dJ/dw, the chain
    # rule; over another variable (dh/dx) it is not
    ("$$\\frac{\\partial J}{\\partial \\mathbf{w}} = \\frac{\\partial J}{\\partial \\mathbf{z}} \\frac{\\partial \\mathbf{z}}{\\partial \\mathbf{h}} "
     "\\frac{\\partial \\mathbf{h}}{\\partial \\mathbf{\\mathbf{w}}}$$", ["valid"]),
    ("$$\\frac{\\partial J}{\\partial \\mathbf{w}} = \\frac{\\partial J}{\\partial \\mathbf{z}} \\frac{\\partial \\mathbf{z}}{\\partial \\mathbf{h}} "
     "\\frac{\\partial \\mathbf{h}}{\\partial \\mathbf{\\mathbf{x}}}$$", ["invalid"]),
    # an operator named in words: 17 \\text{ mod } 5 is 2 (the remark \\text{ mod } was dropped: 17 times 5)
    ("$$17 \\text{ mod } 5 = 2$$", ["valid"]),
    ("$$17 \\operatorname{mod} 5 = 3$$", ["invalid"]),
    # an expectation with a subscript (\\mathbb{E}_1[...]) is one quantity, not E_1 times a bracket: E_1[(x - mu)^2] = sigma^2
    # depends on the distribution, so it is not judged either way
    ("$$a + \\mathbb{E}_1\\left[(x - \\mu_1)^2\\right] = a + \\sigma_1^2$$", ["undecided"]),
    # maths escaped for Markdown (kramdown): x\\_{0} is x_0, so x_0 = x defines it and x_0 + 1 = x + 1 holds; a\\_loss typed in a
    # word is still one name
    ("So $\\mathbf{x}\\_{0} = \\mathbf{x}$.\n\nThen $\\mathbf{x}\\_{0} + 1 = \\mathbf{x} + 1$.", ["definition", "valid"]),
    ("So $\\mathbf{x}\\_{0} = \\mathbf{x}$.\n\nThen $\\mathbf{x}\\_{0} + 1 = \\mathbf{x} + 2$.", ["definition", "invalid"]),
    ("With $train\\_loss = 2$:\n\n$$2 \\cdot train\\_loss = 4$$", ["definition", "valid"]),
    # a case named in Korean before the display ("i≠j인 경우", the case i ≠ j): the softmax's off-diagonal derivative
    # -p_i p_j holds there; the diagonal one p_i(1 - p_i) does not
    ("$$p_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n다음은 $i≠j$인 경우입니다.\n\n$$\\frac{\\partial p_i}{\\partial a_j} = -p_i p_j$$", ["definition", "valid"]),
    ("$$p_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n다음은 $i≠j$인 경우입니다.\n\n$$\\frac{\\partial p_i}{\\partial a_j} = p_i (1 - p_i)$$", ["definition", "invalid"]),
    # \\sum_{i \\neq j} after terms indexed by i: i is the line's own index and the sum runs over j, leaving i out:
    # y_i p_i + \\sum_{j \\ne i} y_j p_i = \\sum_j y_j p_i; with p_j in the last sum it is another quantity
    ("$$p_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n$$-y_i + y_i p_i + \\sum_{i \\neq j} y_j p_i = -y_i + \\sum_{j} y_j p_i$$", ["definition", "valid"]),
    ("$$p_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n$$-y_i + y_i p_i + \\sum_{i \\neq j} y_j p_i = -y_i + \\sum_{j} y_j p_j$$", ["definition", "invalid"]),
    # a derivative written with \\delta for \\partial (\\frac{\\delta v_3}{\\delta x}): for v_3 = x^2 it is 2x, not x; delta over delta
    # with subscripts (error terms) stays a quotient
    ("$$v_3 = x^2$$\n\n$$\\frac{\\delta v_3}{\\delta x} = 2x$$", ["definition", "valid"]),
    ("$$v_3 = x^2$$\n\n$$\\frac{\\delta v_3}{\\delta x} = x$$", ["definition", "invalid"]),
    ("$$\\frac{\\delta_j}{\\delta_k} \\delta_k = \\delta_j$$", ["valid"]),
    # a one-hot label named in plain words ("y is the one-hot label vector") and its 1 placed in words ("only the k-th
    # dimension of y is one"): -sum_i y_i log p_i = -log p_k; twice that is wrong
    ("Here y is the one-hot label vector: only the k-th dimension of y is one.\n\n$$-\\sum_{i=1}^{n} y_i \\log(p_i) = -\\log(p_k)$$", ["valid"]),
    ("Here y is the one-hot label vector: only the k-th dimension of y is one.\n\n$$-\\sum_{i=1}^{n} y_i \\log(p_i) = -2\\log(p_k)$$", ["invalid"]),
    # another sum's index before it is no fixed index: \\sum_j x_j \\cdot \\sum_{j \\neq i} x_j runs over j, leaving i out
    ("$$\\sum_j x_j \\cdot \\sum_{j \\neq i} x_j = \\sum_j x_j \\left(\\sum_j x_j - x_i\\right)$$", ["valid"]),
    # a \\sum written with no index over a body with two index letters: the one the other side carries is the line's own,
    # the other the sum's: da_j/dx_i = sum_k w_{jk} dx_k/dx_i = w_{ji}; with w_{kj} it is w_{ij}, another entry
    ("$$a_j = \\sum_k w_{jk} x_k$$\n\n$$\\frac{\\partial a_j}{\\partial x_i} = \\sum w_{jk} \\frac{\\partial x_k}{\\partial x_i}$$", ["definition", "valid"]),
    ("$$a_j = \\sum_k w_{jk} x_k$$\n\n$$\\frac{\\partial a_j}{\\partial x_i} = \\sum w_{kj} \\frac{\\partial x_k}{\\partial x_i}$$", ["definition", "invalid"]),
    # --- twenty-fourth stop
    # a case written before its formula, in words set in roman or \\text: the formula holds there. With y_i the softmax,
    # dy_i/dx_j = y_i(1 - y_i) where i = j (and -y_i y_j elsewhere); y_i(1 + y_i) is wrong in either case
    ("$$y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n\n$${\\rm if}~i=j,~\\frac{\\partial y_i}{\\partial x_j} = y_i(1 - y_i)$$", ["definition", "valid"]),
    ("$$y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n\n$$\\mathrm{if}\\ i=j, \\quad \\frac{\\partial y_i}{\\partial x_j} = y_i(1 - y_i)$$", ["definition", "valid"]),
    ("$$y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n\n$$\\text{if } i=j, \\ \\frac{\\partial y_i}{\\partial x_j} = y_i(1 - y_i)$$", ["definition", "valid"]),
    ("$$y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n\n$$\\text{when } i=j, \\ \\frac{\\partial y_i}{\\partial x_j} = y_i(1 + y_i)$$", ["definition", "invalid"]),
    ("$$y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n\n$$\\text{if } i \\neq j, \\ \\frac{\\partial y_i}{\\partial x_j} = y_i(1 - y_i)$$", ["definition", "invalid"]),
    # under i = j, a fraction over x_j is one over x_i: the chain of fractions does not slip an index
    ("$$y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$$\n\n$${\\rm if}~i=j,~\\frac{\\partial y_i}{\\partial x_j}=\\frac{\\partial y_i}{\\partial x_i}$$", ["definition", "valid"]),
    # an inequality after "if" or "when" in a sentence is what the sentence supposes, not a claim (dL/dw = -16 here)
    ("Let $w = 1.5$, $x = 4$, $t = 8$ and $L = (wx - t)^2$, so $\\frac{dL}{dw} = 2x(wx - t)$.\n\n"
     "If $\\frac{dL}{dw} > 0$ then decrease $w$.", ["definition"] * 4 + ["valid", "undecided"]),
    # a product of shapes: (J x K)(K x 1) is J x 1; inner sizes that differ, or another outcome, are wrong; a x b = b x a stays arithmetic
    ("A check: $(J\\times K)(K \\times 1) = J\\times 1$.", ["valid"]),
    ("A check: $(K \\times 1)(1 \\times J) = (K \\times J)$.", ["valid"]),
    ("A check: $(J\\times K)(J \\times 1) = J\\times 1$.", ["invalid"]),
    ("A check: $(J\\times K)(K \\times 1) = K\\times 1$.", ["invalid"]),
    ("$$a \\times b = b \\times a$$", ["valid"]),
    # shapes multiplied with a sign between them, as texts write it; numbers whose product holds stay arithmetic
    ("The dot product: $(1 \\times n) \\times (n \\times 1) = (1 \\times 1)$.", ["valid"]),
    ("So $(3\\times 3)\\cdot(3\\times 1) = (3\\times 1)$ and $(6 \\times 12)(12 \\times 1) = (6 \\times 1)$.", ["valid", "valid"]),
    ("So $(64 \\times 20) \\times (20 \\times 1) = (20 \\times 1)$.", ["invalid"]),
    ("So $(N\\times 1) = (N\\times 2)\\cdot (3\\times 1)$.", ["invalid"]),
    ("$$(2 \\times 3)(1 \\times 1) = (6 \\times 1)$$", ["valid"]),
    # entries of one vector at two index letters: d b_m / d b_j is a Kronecker delta, not 0 (0 was proved valid)
    ("$$\\frac{\\partial}{\\partial b_j} \\left(\\sum_l W_{nl}X_{lm} + b_m\\right) = 0$$", ["unparsed"]),
    ("$$\\frac{\\partial}{\\partial x_i} (x_i^2 + x_j) = 2x_i$$", ["unparsed"]),
    ("$$\\frac{\\partial}{\\partial x_i} (x_i^2 + 3) = 2x_i$$", ["valid"]),
    # the physics package's derivatives: \\dv{f}{x}, \\dv[2]{f}{x}, \\pdv{x}(...), \\pdv{f}{x}{y}; d/dx x^3 = 3x^2, d2 = 6x
    ("Let $f(x) = x^3$.\n\n$$\\dv{f}{x} = 3x^2$$\n\n$$\\dv[2]{f}{x} = 6x$$\n\n$$\\dv{f}{x} = 3x$$", ["definition", "valid", "valid", "invalid"]),
    ("$$\\pdv{x}(x^2 y) = 2xy$$\n\n$$\\pdv{x}(x^2 y) = 2x$$\n\n$$\\pdv{y}(x^2 y^2) = 2x^2 y$$", ["valid", "invalid", "valid"]),
    # (a mixed partial is written out as \\frac{\\partial^2 g}{\\partial x \\partial y}, which is not read: unreadable, as typed)
    ("Let $g(x, y) = x^2 y^3$.\n\n$$\\pdv{g}{x}{y} = 6xy^2$$\n\n$$\\pdv*{g}{x} = 2xy^2$$", ["definition", "unparsed", "invalid"]),
    # --- twenty-fifth stop
    # a course template's sample superscript: C^n, y^n, \hat{y}^n over three names are sample n's, never powers;
    # dC/d\hat{y} of -(y ln yh + (1-y) ln(1-yh)) is -y/yh + (1-y)/(1-yh); with +y/yh it is wrong
    ("$$C^n = -(y^n \\ln \\hat{y}^n + (1-y^n)\\ln(1-\\hat{y}^n))$$\n\n$$\\frac{\\partial C^n}{\\partial \\hat{y}^n} = -\\frac{y^n}{\\hat{y}^n} + \\frac{1-y^n}{1-\\hat{y}^n}$$", ["definition", "valid"]),
    ("$$C^n = -(y^n \\ln \\hat{y}^n + (1-y^n)\\ln(1-\\hat{y}^n))$$\n\n$$\\frac{\\partial C^n}{\\partial \\hat{y}^n} = \\frac{y^n}{\\hat{y}^n} + \\frac{1-y^n}{1-\\hat{y}^n}$$", ["definition", "invalid"]),
    # over two names where the text sums over the letter: the same (a mean of per-sample errors, e^n = y^n - t^n)
    ("$$E = \\frac{1}{N}\\sum_{n=1}^N (y^n - t^n)^2$$\n\n$$\\frac{\\partial E}{\\partial y^n} = \\frac{2}{N}(y^n - t^n)$$", ["definition", "valid"]),
    # a power rule keeps its power: n shifted (x^{n-1}) says n is an exponent; d/dx x^n = n x^{n-1}, not x^{n-1}
    ("$$\\frac{d}{dx} x^n = n x^{n-1}$$\n\n$$\\frac{d}{dy} y^n = y^{n-1}$$\n\n$$\\frac{d}{dz} z^n = n z^{n-1}$$", ["valid", "invalid", "valid"]),
    # a group that opens with a sign continues the sum (what a colour switch leaves): a - b(1-c) - bc = a - b + bc - bc
    ("$$a - b(1 - c) - bc = a - b\\color{red}{+bc - bc}$$\n\n$$a - b(1 - c) = a - b {-bc}$$", ["valid", "invalid"]),
    # f(x) = sigma(wx) in a text that differentiates by w and never by x: f'(x) is d/dw, sigma(1 - sigma) x; ... w is d/dx's
    ("$$f(x) = \\frac{1}{1 + e^{-wx}}$$\n\n$$L = -\\ln f(x)$$\n\n$$\\frac{\\partial L}{\\partial w} = -\\frac{f'(x)}{f(x)}$$\n\n$$f'(x) = f(x)(1 - f(x)) x$$\n\n$$f'(x) = f(x)(1 - f(x)) w$$",
     ["definition", "definition", "valid", "valid", "invalid"]),
    # where the text differentiates by x as well, the prime is f's own variable's
    ("$$f(x) = \\frac{1}{1 + e^{-wx}}$$\n\n$$\\frac{d f(x)}{d x} = f(x)(1 - f(x)) w$$\n\n$$f'(x) = f(x)(1 - f(x)) w$$", ["definition", "valid", "valid"]),
    # a name in brackets with a prime, (\\hat{y})': its derivative, whose formula a later line gives: dC/dw = -(1 - yh) x
    # (the lines that write (\\hat{y})' before its formula are undecided: what it is, is not yet said)
    ("$$f(x) = \\frac{1}{1+e^{-wx}}$$\n\n$$\\hat{y} = f(x)$$\n\n$$C = -\\ln \\hat{y}$$\n\n$$\\frac{\\partial C}{\\partial w} = -\\frac{(\\hat{y})'}{\\hat{y}}$$\n\n$$(\\hat{y})' = f'(x)$$\n\n"
     "$$\\frac{\\partial C}{\\partial w} = -(1 - \\hat{y})x$$\n\n$$\\frac{\\partial C}{\\partial w} = -(1 - \\hat{y})w$$", ["definition"] * 3 + ["undecided", "undecided", "valid", "invalid"]),
    # a sum leaving one index out holds Leibniz names of its index: \\sum_{j \\neq i} f_j \\partial a_j/\\partial z_i less than the
    # whole sum by its j = i term, whose name is \\partial a_i/\\partial z_i (it was the j-th: a true split called wrong)
    ("$$a_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n$$C = -\\sum_j y_j \\ln a_j$$\n\n$$\\frac{\\partial C}{\\partial z_i} = -\\frac{y_i}{a_i} \\frac{\\partial a_i}{\\partial z_i} - \\sum_{j \\neq i} \\frac{y_j}{a_j} \\frac{\\partial a_j}{\\partial z_i}$$",
     ["definition", "definition", "valid"]),
    ("$$a_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n$$C = -\\sum_j y_j \\ln a_j$$\n\n$$\\frac{\\partial C}{\\partial z_i} = -\\frac{y_i}{a_i} \\frac{\\partial a_i}{\\partial z_i} + \\sum_{j \\neq i} \\frac{y_j}{a_j} \\frac{\\partial a_j}{\\partial z_i}$$",
     ["definition", "definition", "invalid"]),
    # a case stated after a display ("where $j \\neq i$"): the softmax's off-diagonal derivative -a_j a_i holds there
    ("$$a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$$\\frac{\\partial a_j}{\\partial z_i} = -a_j a_i$$\n\nwhere $j \\neq i$.", ["definition", "valid"]),
    ("$$a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$$\\frac{\\partial a_j}{\\partial z_i} = a_j a_i$$\n\nwhere $j \\neq i$.", ["definition", "invalid"]),
    ("$$a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$$\\frac{\\partial a_j}{\\partial z_i} = -a_j a_i$$\n\nfor every $j$.", ["definition", "invalid"]),
    # a function's own arguments are held in its partial derivatives: with y given a formula elsewhere ("if we had"),
    # \\partial f / \\partial x of f(x, y) = 3x^2 + 2xy + 5 is 6x + 2y, not 6x + 2y + 2x dy/dx; 6x alone is wrong
    ("For example if we had $y = w_0 + w_1 x$.\n\n$$f(x,y) = 3x^2 + 2xy + 5$$\n\n$$\\frac{\\partial f}{\\partial x} = 6x + 2y$$\n\n$$\\frac{\\partial f}{\\partial x} = 6x$$",
     ["definition", "definition", "valid", "invalid"]),
    # one name for functions of one and of two values: L(w) = (3w - 8)^2 at w = 2 is 4 (not "L takes 2 arguments"); 5 is wrong
    ("$$L(w) = (3w - 8)^2$$\n\n$$L(2) = 4$$\n\n$$L(2) = 5$$\n\n$$L(y_1, y_2) = y_1^2 + y_2^2$$", ["definition", "valid", "invalid", "definition"]),
    # what an undefined function gives, stated in prose ("because $f(x) = p$"), is put in where the text applies it so:
    # -x p(1-p)(y-p)/(p(1-p)) = -(y - p)x; -(y + p)x is wrong
    ("$$\\frac{\\partial C}{\\partial w} = -x f(x)(1 - f(x)) \\frac{y - p}{p(1-p)}$$\n\nbecause $f(x) = p$.\n\n$$\\frac{\\partial C}{\\partial w} = -(y - p) x$$\n\n$$\\frac{\\partial C}{\\partial w} = -(y + p) x$$",
     ["definition", "undecided", "valid", "invalid"]),
    # a per-sample cross-entropy's target (y_k^n under \\sum_k y_k^n \\ln \\hat{y}_k^n) sums to 1: dC/dz_i = \\hat{y}_i - y_i
    ("$$\\hat{y}_k^n = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$$\n\n$$C^n = -\\sum_k y_k^n \\ln \\hat{y}_k^n$$\n\n$$\\frac{\\partial C^n}{\\partial z_i} = \\hat{y}_i^n - y_i^n$$\n\n$$\\frac{\\partial C^n}{\\partial z_i} = y_i^n - \\hat{y}_i^n$$",
     ["definition", "definition", "valid", "invalid"]),
    # a derivative by a whole vector z of an expression holding its entries z_k is a Jacobian: read with z a number of its
    # own, d/dz e^z / sum_k e^{z_k} was e^z / sum_k e^{z_k} and the line was proved; it is not read (unparsed), never proved
    ("$$\\frac{\\partial}{\\partial z} \\frac{e^{z}}{\\sum_{k=1}^{3} e^{z_k}} = \\frac{e^{z}}{\\sum_{k=1}^{3} e^{z_k}}$$", ["unparsed"]),
    ("$$\\frac{\\partial}{\\partial z_1} \\frac{e^{z_1}}{\\sum_{k=1}^{3} e^{z_k}} = \\frac{e^{z_1}}{\\sum_{k=1}^{3} e^{z_k}}$$", ["invalid"]),
    # a course template's \\pfrac{L}{x} (its .sty never in the text) is the partial fraction: d/dx of x^2 y is 2xy, not 2x
    ("$$\\pfrac{(x^2 y)}{x} = 2xy$$\n\n$$\\pfrac{(x^2 y)}{x} = 2x$$", ["valid", "invalid"]),
    # a sum over m, n where n is also the size: its Leibniz names are of the sum's own n (d log X_mn / dX_ij = d_mi d_nj / X_mn)
    ("$$\\sum_{m, n}T_{mn}\\frac{\\partial \\log X_{mn}}{\\partial X_{ij}} = \\sum_{m, n}\\frac{T_{mn}}{X_{mn}}\\frac{\\partial X_{mn}}{\\partial X_{ij}}$$\n\n"
     "$$\\sum_{m, n}T_{mn}\\frac{\\partial \\log X_{mn}}{\\partial X_{ij}} = \\sum_{m, n}T_{mn}\\frac{\\partial X_{mn}}{\\partial X_{ij}}$$", ["valid", "invalid"]),
    # "A and B are respectively" over a display: each line gives its own formula (two schedules for eta_t), not a claim
    # that they agree; lines about functions the text knows stay claims (tanh' = 1 - tanh^2, not 1 + tanh^2)
    ("The exponential decay and the $1/t$-decay functions are respectively\n\n$$\\begin{split}\\eta_t &= \\eta_o \\exp(-k t)\\\\ \\eta_t &= \\frac{\\eta_o}{1+k t}\\end{split}$$",
     ["definition", "definition"]),
    ("The derivatives of the sigmoid and of tanh are respectively\n\n$$\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$$\n\n$$\\tanh'(x) = 1 + \\tanh^2(x)$$", ["valid", "invalid"]),
    # a sample's mark left out for brevity: x beside x^n, in a text that numbers samples by a bare n, is sample n's x
    # (dC/dw of the per-sample log-loss is -(y - yhat) x); with + it is wrong
    ("$$\\hat{y}^n = \\frac{1}{1 + e^{-w x^n}}$$\n\n$$C^n = -(y^n \\ln \\hat{y}^n + (1-y^n)\\ln(1-\\hat{y}^n))$$\n\n$$\\frac{\\partial C^n}{\\partial w} = -(y^n - \\hat{y}^n) x$$\n\n$$\\frac{\\partial C^n}{\\partial w} = (y^n - \\hat{y}^n) x$$",
     ["definition", "definition", "valid", "invalid"]),
    # a sum over a primed index written without its start (\\sum_{k'}^K): every k' from 1, another letter than k
    ("$$p_k = \\frac{e^{z_k}}{\\sum_{k'}^K e^{z_{k'}}}$$\n\n$$\\frac{\\partial p_k}{\\partial z_k} = p_k(1 - p_k)$$\n\n$$\\frac{\\partial p_k}{\\partial z_k} = p_k(1 + p_k)$$",
     ["definition", "valid", "invalid"]),
    # the same with the mark left out before a bracket (y_k (1 - p_k) is a product, y_k sample n's) and a target summed to 1:
    # p_k sum_i y_i^n - y_k = p_k - y_k for the cross-entropy's target
    ("$$p_k^n = \\frac{e^{z_k}}{\\sum_{j} e^{z_j}}$$\n\n$$C^n = -\\sum_i y_i^n \\ln p_i^n$$\n\n$$p_k^n \\sum_i y_i^n - y_k = p_k^n - y_k (1 + 0)$$\n\n$$p_k^n \\sum_i y_i^n - y_k = p_k^n + y_k (1 + 0)$$",
     ["definition", "definition", "valid", "invalid"]),
    # a preamble's shorthand for an equation (\\beq ... \\eeq), the preamble not in the text: a display; (x+1)^2 is not x^2 + 1
    ("\\documentclass{article}\n\\begin{document}\nWe have\n\\beq x^2 + 2x = x(x + 2) \\eeq\nand\n\\beq (x+1)^2 = x^2 + 1 \\eeq\n\\end{document}\n", ["valid", "invalid"]),
    # words of another script typed straight into a display (已知 "given", 而 "and", 所以 "so"): prose, as in \\text
    ("$$已知 z = 3x$$\n\n$$而 \\frac{dz}{dx} = 3$$\n\n$$所以 \\frac{dz}{dx} = 4$$", ["definition", "valid", "invalid"]),
    ("$$Пусть\\ z = x^2,$$\n\n$$тогда\\ \\frac{dz}{dx} = 2x$$", ["definition", "valid"]),
    # "we let $\\sum_j e^{f_j} = \\Sigma$": a new name on the right of the sum it stands for is that sum (the line holds by it);
    # then dp_k/df_k = e^{f_k}(Sigma - e^{f_k}) / Sigma^2, not e^{f_k} Sigma / Sigma^2
    ("We let $\\sum_j e^{f_j} = \\Sigma$, and so\n\n$$p_k = \\frac{e^{f_k}}{\\Sigma}$$\n\n$$\\frac{\\partial p_k}{\\partial f_k} = \\frac{e^{f_k}(\\Sigma - e^{f_k})}{\\Sigma^2}$$\n\n$$\\frac{\\partial p_k}{\\partial f_k} = \\frac{e^{f_k}\\Sigma}{\\Sigma^2}$$",
     ["valid", "definition", "valid", "invalid"]),
    # full-width punctuation typed in maths (，；) separates as its ASCII mark does: two values, not a product 2 v_0
    ("Here $v_1=x_1=2，v_0=x_2=5$.\n\n$$v_1 v_0 = 10$$\n\n$$v_1 v_0 = 12$$", ["definition", "definition", "definition", "definition", "valid", "invalid"]),
    # \\delta{v}/\\delta{x} with braces, and \\delta v_{-1}/\\delta x written with a slash: derivatives (d(3x)/dx = 3)
    ("Let $v_{-1} = 3x$.\n\n$$\\frac{\\delta{v_{-1}}}{\\delta{x}} = 3$$\n\n$$\\delta v_{-1}/ \\delta x = 3$$\n\n$$\\delta v_{-1}/ \\delta x = 4$$", ["definition", "valid", "valid", "invalid"]),
    # a static site's template tags around maths ({% mathjax %} of Hexo, {% katex display %} of jekyll-katex), in the
    # text or inside a <div>: displays alone on their lines, inline beside words (d/dx x^3 = 3x^2, not 3x)
    ("Let {% mathjax %}y = x^3{% endmathjax %}.\n\n{% mathjax %}\n\\frac{dy}{dx} = 3x^2\n{% endmathjax %}\n\n{% mathjax %}\n\\frac{dy}{dx} = 3x\n{% endmathjax %}",
     ["definition", "valid", "invalid"]),
    ("<div style=\"text-align: center;\">\n\t{% mathjax %}\n\t(x + 1)^2 = x^2 + 2x + 1\n\t{% endmathjax %}\n</div>\n\n<div>\n\t{% mathjax %}\n\t(x + 1)^2 = x^2 + 1\n\t{% endmathjax %}\n</div>",
     ["valid", "invalid"]),
    ("With {% katex %}u = 2x{% endkatex %}:\n\n{% katex display %}\n\\frac{d}{dx} u^2 = 8x\n{% endkatex %}\n\n{% katex display %} \\frac{d}{dx} u^2 = 4x {% endkatex %}",
     ["definition", "valid", "invalid"]),
    # a side opening with a bracket its author forgot to close before the relation: closed at the side's end (-ln 0.4 =
    # 0.916 is 0.92, not 0.91); a bracket after a name or a product's second factor left open stays unread
    ("$$L = -(0 \\times \\log 0.3 + 1 \\times \\log 0.4 = 0.92$$\n\n$$M = -(1 \\times \\log 0.4 + 0 \\times \\log 0.3 = 0.91$$",
     ["definition", "valid", "definition", "invalid"]),
    ("$$(x + 1)(x - 1 = x^2 - 1$$\n\n$$\\sigma(2 = 0.88$$", ["unparsed", "unparsed"]),
    # a proof's end typed in letters after the last formula: no product q e d (x(x+1) = x^2 + x; + 2x is wrong)
    ("$$x(x+1) = x^2 + x \\quad q.e.d$$\n\n$$x(x+1) = x^2 + x \\quad Q.E.D.$$\n\n$$x(x+1) = x^2 + 2x \\quad q.e.d.$$", ["valid", "valid", "invalid"]),
    # w^T x beside its entries w_i x_i, with a bias added: one vector (the probes at growing magnitudes scaled the entries
    # and not the column, and a true line was called wrong); 2b on one side only is wrong
    ("$$z = \\sum_{i=1}^{n} w_i x_i + b = w^T x + b$$\n\n$$\\sum_{i=1}^{n} w_i x_i + b = w^T x + 2b$$", ["definition", "valid", "invalid"]),
    # a column written with semicolons and an ellipsis (typed or pasted), as textbooks and MATLAB write it: x^T x is the
    # sum of squares, not the sum of entries
    ("Let $x = [x_1; x_2; \\cdots; x_D]$.\n\n$$\\sum_{d=1}^D x_d^2 = x^T x$$\n\n$$\\sum_{d=1}^D x_d = x^T x$$", ["definition", "valid", "invalid"]),
    ("Let $x = [x_1; x_2; ⋯; x_D]$.\n\n$$\\sum_{d=1}^D x_d^2 = x^\\top x$$", ["definition", "valid"]),
    # a regulariser of a matrix's entries (R(w) = sum_{i,j} w_{ij}^2): d/dw_{12} of lambda R(w) is 2 lambda w_{12} (lambda w_{12}
    # is wrong); d/dw of the whole is a gradient, not worked out (read with w a number apart from its entries it was 0,
    # and the true 2 lambda w was called wrong)
    ("$$R(w)=\\sum_{i, j} w_{i, j}^2$$\n\n$$\\frac{\\partial}{\\partial w} \\left( \\lambda \\, R(w) \\right) = 2\\lambda w$$\n\n"
     "$$\\frac{\\partial}{\\partial w_{1,2}} \\left( \\lambda \\, R(w) \\right) = 2\\lambda w_{1,2}$$\n\n$$\\frac{\\partial}{\\partial w_{1,2}} \\left( \\lambda \\, R(w) \\right) = \\lambda w_{1,2}$$",
     ["definition", "undecided", "valid", "invalid"]),
    # one entry by another of the same family, alone in a sum over one of its indices: sum_k dX_{sk}/dX_{ri} is delta_{sr}
    # (the k-th term is delta_{sr} delta_{ki}), not M delta_{sr}; the sum's k stayed free and a true line was called wrong
    ("$$\\frac{1}{M} \\sum_{k=1}^M \\frac{\\partial X_{sk}}{\\partial X_{ri}} = \\frac{1}{M} \\sum_{k=1}^M \\delta_{sr} \\delta_{ki}$$\n\n"
     "$$\\sum_{k=1}^M \\frac{\\partial X_{sk}}{\\partial X_{ri}} = \\delta_{sr}$$\n\n$$\\sum_{k=1}^M \\frac{\\partial X_{sk}}{\\partial X_{ri}} = M\\delta_{sr}$$",
     ["valid", "valid", "invalid"]),
    ("$$\\mu_s = \\frac{1}{M} \\sum_{k=1}^M X_{sk}$$\n\n$$\\frac{\\delta \\mu_s}{\\delta X_{ri}} = \\frac{1}{M} \\sum_{k=1}^M \\frac{\\delta X_{sk}}{\\delta X_{ri}} = \\frac{\\delta_{sr}}{M}$$\n\n"
     "$$\\frac{\\delta \\mu_s}{\\delta X_{ri}} = \\frac{\\delta_{ri}}{M}$$", ["definition", "valid", "valid", "invalid"]),
    # numbers set upright in \\text (a line of words in numbers): 0.55 + (-0.01)(0.1) = 0.549, not 0.551; a group with a letter
    # stays words
    ("$$a = 0.55 + \\text{-0.01} \\times \\text{0.1} = 0.549$$\n\n$$b = 0.55 + \\text{-0.01} \\times \\text{0.1} = 0.551$$",
     ["definition", "valid", "definition", "invalid"]),
    # index notation with a gradient nothing works out (dL/dY_{mn}, L never given): the entries of one family, so the delta
    # picks the entry at i (sum_{m,n} G_{mn} delta_{ni} = sum_m G_{mi}); keeping the sum over n makes it n times too large
    ("$$\\sum_{m,n} \\frac{\\partial L}{\\partial Y_{mn}} \\delta_{ni} = \\sum_m \\frac{\\partial L}{\\partial Y_{mi}}$$\n\n"
     "$$\\sum_{m,n} \\frac{\\partial L}{\\partial Y_{mn}} \\delta_{ni} = \\sum_{m,n} \\frac{\\partial L}{\\partial Y_{mi}}$$", ["valid", "invalid"]),
    # a function of an entry differentiated by another entry, inside a sum over the first's index: delta_{mi} h'(X_{mj}),
    # summed with delta_{mi} to h'(X_{ij}) (the sum's m was lost, and the left side came out 0); twice it is wrong
    ("$$\\sum_{m} \\delta_{mi}\\frac{\\partial h(X_{mj})}{\\partial X_{ij}} = \\frac{\\partial h(X_{ij})}{\\partial X_{ij}}$$\n\n"
     "$$\\sum_{m} \\delta_{mi}\\frac{\\partial h(X_{mj})}{\\partial X_{ij}} = 2\\frac{\\partial h(X_{ij})}{\\partial X_{ij}}$$", ["valid", "invalid"]),
    # an index a delta pairs with a sum's own runs over that sum's range: with W in R^{N x M} and samples s up to S,
    # sum_s sum_n G_{sn} X_{sj} delta_{ni} = sum_s G_{si} X_{sj} (i up to N; drawn up to S it was called wrong); without the
    # delta's pick (a sum over n left) it is wrong
    ("$$\\sum_{s=1}^{S} \\sum_{n=1}^{N} \\frac{\\partial L}{\\partial Y_{sn}} X_{sj} \\delta_{ni} = \\sum_{s=1}^{S} \\frac{\\partial L}{\\partial Y_{si}} X_{sj}$$\n\n"
     "$$\\sum_{s=1}^{S} \\sum_{n=1}^{N} \\frac{\\partial L}{\\partial Y_{sn}} X_{sj} \\delta_{ni} = \\sum_{s=1}^{S} \\sum_{n=1}^{N} \\frac{\\partial L}{\\partial Y_{si}} X_{sj}$$",
     ["valid", "invalid"]),
    # an activation f the text never defines, its derivative written through itself (f' = f(1 - f), the sigmoid's): a
    # property of one f, not judged for a generic one; a line wrong for every f (a chain factor dropped) is still wrong
    ("$$a \\cdot f^{\\prime}(x) = a f(x)(1 - f(x))$$\n\n$$\\frac{d}{dx} f(2x) = f^\\prime(2x)$$\n\n$$\\frac{d}{dx} f(2x) = 2f^\\prime(2x)$$",
     ["undecided", "invalid", "valid"]),
    # the same pick under a derivative taken into the sum: d/dX_{ri} (1/M) sum_k X_{sk} = (1/M) sum_k dX_{sk}/dX_{ri} (i runs to M,
    # the sum's range); without the 1/M it is wrong; and q.e.d. after a comma ends the line
    ("$$\\frac{\\delta}{\\delta X_{ri}} \\frac{1}{M} \\sum_{k=1}^M X_{sk} = \\frac{1}{M} \\sum_{k=1}^M \\frac{\\delta X_{sk}}{\\delta X_{ri}}, \\quad q.e.d.$$\n\n"
     "$$\\frac{\\delta}{\\delta X_{ri}} \\frac{1}{M} \\sum_{k=1}^M X_{sk} = \\sum_{k=1}^M \\frac{\\delta X_{sk}}{\\delta X_{ri}}$$", ["valid", "invalid"]),
    # two operator-form derivatives in one line, the second after a factor ((1 - t) d/dy log(1 - y)): each its own, the first
    # not reaching over the second; by y itself although y has a formula (y = sigma(a)): -t/y + (1 - t)/(1 - y); with - wrong
    ("$$y = \\sigma(a)$$\n\n$$D = -t\\frac{\\partial}{\\partial y}\\log y - (1-t)\\frac{\\partial}{\\partial y}\\log(1-y) = - \\frac{t}{y} + \\frac{1-t}{1-y}$$\n\n"
     "$$F = -t\\frac{\\partial}{\\partial y}\\log y - (1-t)\\frac{\\partial}{\\partial y}\\log(1-y) = - \\frac{t}{y} - \\frac{1-t}{1-y}$$",
     ["definition", "definition", "valid", "definition", "invalid"]),
    # the stable softmax's shift \max_k x_k: an identity whatever its value is proved; a slip (a sum over i of x_j, a +
    # for the -) is wrong with the maximum computed at each point (it was "an unknown value", never judged)
    ("$$\\frac{e^{x_i}}{\\sum_j e^{x_j}} = \\frac{e^{(x_i - \\max_k x_k)}}{\\sum_j e^{(x_j - \\max_k x_k)}}$$\n\n"
     "$$\\frac{e^{x_i}}{\\sum_j e^{x_j}} = \\frac{e^{(x_i - \\max_k x_k)}}{\\sum_i e^{(x_j - \\max_k x_k)}}$$\n\n"
     "$$\\log \\sum_j e^{x_j} = \\max_k x_k + \\log \\sum_j e^{x_j - \\max_k x_k}$$\n\n$$\\log \\sum_j e^{x_j} = \\max_k x_k + \\log \\sum_j e^{x_j + \\max_k x_k}$$",
     ["valid", "invalid", "valid", "invalid"]),
    ("$$\\frac{e^{z_i}}{\\sum_j e^{z_j}} = \\frac{e^{z_i - \\max(z_j)}}{\\sum_j e^{z_j - \\max(z_j)}}$$\n\n"
     "$$\\frac{e^{z_i}}{\\sum_j e^{z_j}} = \\frac{e^{z_i + \\max(z_j)}}{\\sum_j e^{z_j - \\max(z_j)}}$$", ["valid", "invalid"]),
    # the chain rule summed over several indices on the way (\sum_m \sum_n, \sum_{m,f}, through o_{mn} then a_f): the
    # fractions cancel to dL/dk_{ij}, as through one summed index
    ("$$\\frac{\\partial L}{\\partial k_{i,j}} = \\sum_m\\sum_n \\frac{\\partial L}{\\partial o_{m, n}} \\frac{\\partial o_{m, n}}{\\partial k_{i,j}}$$\n\n"
     "$$\\frac{\\partial L}{\\partial k_{i}} = \\sum_{m,f} \\frac{\\partial L}{\\partial o_{m}} \\frac{\\partial o_{m}}{\\partial a_{f}}\\frac{\\partial a_{f}}{\\partial k_{i}}$$",
     ["valid", "valid"]),
    # a heading that is only its conditions ("### $i = k$, $l \neq j$"): both hold for the displays under it (d e^{x_{kl}}/dx_{ij}
    # is 0 there, not e^{x_{ij}}); only the last was kept, and a true line was called wrong
    ("$$y_{kl} = \\frac{e^{x_{kl}}}{\\sum_{p} e^{x_{kp}}}$$\n\n### $i = k$, $l \\neq j$\n\n"
     "$$\\frac{\\partial e^{x_{kl}}}{\\partial x_{ij}} = \\frac{\\partial e^{x_{il}}}{\\partial x_{ij}} = 0$$\n\n$$\\frac{\\partial e^{x_{kl}}}{\\partial x_{ij}} = e^{x_{ij}}$$",
     ["definition", "valid", "valid", "invalid"]),
    ("$$y_{kl} = \\frac{e^{x_{kl}}}{\\sum_{p} e^{x_{kp}}}$$\n\n### $i = k$, $l \\neq j$\n\n"
     "$\\frac{\\partial e^{x_{kl}}}{\\partial x_{ij}} = \\frac{\\partial e^{x_{il}}}{\\partial x_{ij}} = 0$\n\n$\\frac{\\partial e^{x_{kl}}}{\\partial x_{ij}} = e^{x_{ij}}$",
     ["definition", "valid", "valid", "invalid"]),  # the same with each formula a paragraph of its own ($...$ alone)
    # the quotient rule written out with operators, f' g - f g' (d/dx_i (e^{x_j}) (sum_k e^{x_k}) - e^{x_j} d/dx_i (sum_k e^{x_k})):
    # the first operator takes its own bracket, the next bracket multiplies it; with + for - it is wrong
    ("$$\\frac{\\partial}{\\partial x_i}\\left(e^{x_j}\\right) \\left(\\sum_{k=1}^{n} e^{x_k}\\right) - e^{x_j}\\, \\frac{\\partial}{\\partial x_i}\\left(\\sum_{k=1}^{n} e^{x_k}\\right) = \\delta_{ij} e^{x_j} \\sum_{k=1}^{n} e^{x_k} - e^{x_j} e^{x_i}$$\n\n"
     "$$\\frac{\\partial}{\\partial x_i}\\left(e^{x_j}\\right) \\left(\\sum_{k=1}^{n} e^{x_k}\\right) - e^{x_j}\\, \\frac{\\partial}{\\partial x_i}\\left(\\sum_{k=1}^{n} e^{x_k}\\right) = \\delta_{ij} e^{x_j} \\sum_{k=1}^{n} e^{x_k} + e^{x_j} e^{x_i}$$",
     ["valid", "invalid"]),
    # a function given again after "let" (令) inside a chain: x_2 = g_3(x_3) = e^{x_3} gives g_3 anew (it was x_3 + c), and its
    # derivative is then e^{x_3}, not x_3 e^{x_3}
    ("令 $x_2 = g_3(x_3) = x_3 + c$\n\n令 $x_2 = g_3(x_3) = e^{x_3}$\n\n$$\\frac{\\partial g_3(x_3)}{\\partial x_3} = e^{x_3}$$\n\n$$\\frac{\\partial g_3(x_3)}{\\partial x_3} = x_3 e^{x_3}$$",
     ["definition", "definition", "definition", "definition", "valid", "invalid"]),
    # a softmax's entries of any vector (theta, a, a declared z): softmax(a)_i softmax(a)_w is the product of two entries,
    # e^{a_i} e^{a_w} / (sum_j e^{a_j})^2; the index was dropped for a vector not named x or z (both read S(a), so the product
    # "equalled" softmax(a)_i^2), and a declared z in R^n made softmax(z)_i unreadable and z_i a name apart from z_j
    ("$$\\frac{e^{\\theta_i}e^{\\theta_w}}{(\\sum_j e^{\\theta_j})^2} = \\operatorname{softmax}(\\theta)_i \\operatorname{softmax}(\\theta)_w$$\n\n"
     "$$\\operatorname{softmax}(\\theta)_i \\operatorname{softmax}(\\theta)_w = \\operatorname{softmax}(\\theta)_i^2$$\n\n"
     "$$softmax(a)_i softmax(a)_w = softmax(a)_w softmax(a)_i$$", ["valid", "invalid", "valid"]),
    ("Let $z \\in \\mathbb{R}^n$.\n\n$$e^{z_i} = \\operatorname{softmax}(z)_i \\sum_j e^{z_j}$$\n\n"
     "$$\\frac{e^{z_i}e^{z_w}}{(\\sum_j e^{z_j})^2} = \\operatorname{softmax}(z)_i \\operatorname{softmax}(z)_w$$\n\n"
     "$$\\frac{e^{z_i}e^{z_w}}{(\\sum_j e^{z_j})^2} = \\operatorname{softmax}(z)_i \\operatorname{softmax}(z)_i$$", ["valid", "valid", "invalid"]),
    ("Let $\\mathbf{x} \\in \\mathbb{R}^K$.\n\n$$\\sum_{k=1}^K \\operatorname{softmax}(\\mathbf{x})_k = 1$$\n\n$$\\sum_{k=1}^K \\operatorname{softmax}(\\mathbf{x})_k = \\sum_{k=1}^K \\frac{e^{x_k}}{\\sum_{j=1}^K e^{x_j}} = \\sum_{k=1}^K e^{x_k}$$",
     ["valid", "valid", "invalid"]),
    # a sentence leading into a display's formula and ending in a colon (对w_5进行更新：, \text{Updating } w_5 ...:): the
    # name among its words is not a side, so w_5 keeps its value (0.4) and w_5^+ is a name of its own; it was read as
    # w_5 = w_5^+, w_5 became 0.36, and three true lines after it were called wrong
    ("Let $w_5 = 0.4$.\n\n$$\n对w_5进行更新：w_5^+=w_5-0.5*0.08=0.36\n$$\n\n$$\\frac{\\partial (w_5 x)}{\\partial x} = w_5 = 0.40$$\n\n"
     "$$\\text{Updating } w_5 \\text{ once more}: w_5^+ = w_5 - 0.5 \\cdot 0.08 = 0.35$$",
     ["definition", "definition", "valid", "valid", "valid", "definition", "invalid"]),
    # \left< ... \right> are angle brackets, as \left\langle \right\rangle: the > after \right is no "greater than" splitting
    # the line (a write-up marking rows <y> and columns {y} this way had 19 of 23 steps unreadable); a bare \bigl< \bigr>
    # is the bare \langle, refused as in an answer, and never "4 < a"
    ("Let $a = 2$.\n\n$$\\left< a \\right> + 1 = 3$$\n\n$$\\left< a \\right> + 1 = 4$$\n\n$$\\bigl< a \\bigr> = 2$$",
     ["definition", "valid", "invalid", "unparsed"]),
    # a paragraph naming a case and its condition before a display ("**Case 2:** $j \neq c$ (a wrong class)", "Với $i \neq j$:",
    # "Si $i = j$ :"): the display holds there; the softmax Jacobian's off-diagonal line was checked at j = c and called wrong
    ("Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n**Case 2:** $j \\neq c$ (a wrong class)\n$$\\frac{\\partial p_c}{\\partial z_j} = -p_c p_j$$\n\n"
     "Với $i \\neq j$:\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n\nSi $i = j$ :\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_i)$$\n\n"
     "**Case 3:** $i \\neq j$\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_i)$$",
     ["definition", "valid", "valid", "definition", "valid", "invalid"]),  # $i = j$ alone: a condition, defining nothing
    # a line wholly in bold that names a case ("**Case 2: $i \neq k$**", "**2-2. 다른 녀석$(i \neq k)$을 미분할 때**", its condition
    # in brackets): a title, whose condition holds for the displays under it past the prose between; a bold line that names
    # no case ("**Remember: $a_k$ is a logit**") is no condition
    ("Let $y_i = \\frac{e^{a_i}}{S}$ where $S = \\sum_j e^{a_j}$.\n\n**2-2. <b>다른 녀석$(i \\neq k)$을 미분할 때</b> (행렬의 나머지 성분)**\n\n"
     "분자에는 $a_k$가 없다.\n\n$$\n\\frac{\\partial y_i}{\\partial a_k} = -y_i y_k\n$$\n\n**Case 2: $i \\neq k$**\n\nSome words.\n\n"
     "$$\n\\frac{\\partial y_i}{\\partial a_k} = -y_i y_k\n$$\n\n$$\n\\frac{\\partial y_i}{\\partial a_k} = y_i y_k\n$$\n\n"
     "**Remember: $a_k$ is a logit**\n\n$$\\frac{\\partial y_k}{\\partial a_k} = y_k(1 - y_k)$$",
     ["definition", "definition", "valid", "valid", "invalid", "valid"]),
    # "Recall that ..." restates a definition: the formula after it is a claim about the name defined before (a 1/n dropped
    # in the recap is a mistake, not a new L from there on); a name never defined before is given by it as usual
    ("$$L = \\frac{1}{n}\\sum_{i=1}^n (y_i - p_i)^2$$\n\nRecall that\n\n$$L = \\sum_{i=1}^n (y_i - p_i)^2$$\n\n"
     "Recall that $L = \\frac{1}{n}\\sum_{i=1}^n (y_i - p_i)^2$, so we go on.\n\nRemember that we defined $L = \\frac{2}{n}\\sum_{i=1}^n (y_i - p_i)^2$.\n\n"
     "Recall that $q = 2$.", ["definition", "invalid", "valid", "invalid", "definition"]),
    # a name listed in words before a statement of its own ("$\tanh(u) \quad\text{and}\quad \frac{d}{du}\tanh(u) = 1 - \tanh^2(u)$"):
    # the statement is the derivative's, not tanh(u) times it
    ("- Activation and its derivative  \n  $\\displaystyle \\tanh(u) \\quad\\text{and}\\quad \\frac{d}{du}\\tanh(u) = 1-\\tanh^2(u)$\n\n"
     "$\\tanh(u) \\quad\\text{and}\\quad \\frac{d}{du}\\tanh(u) = 1+\\tanh^2(u)$", ["valid", "invalid"]),
    # a softmax's sum of unknown length against one the step writes to 3 (or written out to its third entry): the text's
    # vector has 3 entries, so the step holds; a slip in it (the sum over e^{\theta_i}) is still found
    ("$$\\operatorname{softmax}(z)_i = \\frac{\\exp(z_i)}{\\sum_{j=1}^3 \\exp(z_j)}$$\n\n"
     "$$\\operatorname{softmax}(z)_i = \\frac{\\exp(z_i)}{\\exp(z_1) + \\exp(z_2) + \\exp(z_3)}$$\n\n"
     "$$\\operatorname{softmax}(\\theta)_i = \\frac{\\exp(\\theta_i)}{\\sum_{j=1}^3 \\exp(\\theta_i)}$$", ["valid", "valid", "invalid"]),
    # a sequence written by its terms, x(0), x(1), y(t-1) (an RNN's inputs and states over time), never alone: its terms are
    # values of one function of the step, not x times 1 (x(1) = x(2) was "invalid": x differs from 2x)
    ("$$y(1) = w x(1) + v y(0) = v w x(0)$$\n\nNote that $x(1) = x(2) = 0$.\n\n$$y(2) = w x(2) + v y(1)$$",
     ["definition", "undecided", "definition", "undecided", "definition"]),
    # \nabla G with no point after it: G's gradient, a quantity of its own (unreadable before), so a step along -\nabla G
    # that keeps a stray \eta is found; \nabla f(2) is still f'(2)
    ("$$\\nabla G \\cdot -\\nabla G = -||\\nabla G||^2$$\n\n$$\\nabla G \\cdot -\\nabla G = -\\eta||\\nabla G||^2$$\n\n$$\\nabla f(2) = f'(2)$$",
     ["valid", "invalid", "valid"]),
    # a bold I (\mathbf{I}, \mathbf{I}_D) where every name is a number: the identity, which multiplies as 1 (it was a name I_D,
    # and delta (g I_D) = g delta was called wrong); a plain I_n stays a name
    ("$$a (g \\mathbf{I}_{D}) = g a$$\n\n$$a (g \\mathbf{I}) = 2 g a$$", ["valid", "invalid"]),
    # a sequence's terms given numbers (w(0) = 1, w(1) = ... = 0.8): put in where they recur, so the next step's slip
    # (0.8 - 0.2 written 0.5) is found; before, w(0) = 1 was "invalid" (w times 0) and so were the true lines after it
    ("Let $w(0) = 1$.\n\n$$w(1) = w(0) - 0.1 \\cdot 2 = 0.8$$\n\n$$w(2) = w(1) - 0.1 \\cdot 2 = 0.5$$",
     ["definition", "definition", "valid", "definition", "invalid"]),
    # an equation the sentence says holds "only when" (or "iff", "exactly when", "holds if") something else does: a
    # condition on its unknowns, not a claim (t + ri + ri' = t was "invalid" at random i, i'); the same formula stated
    # alone, and a false one followed by a plain "when", are still judged
    ("One can observe that $t + r i + r j = t$ only occurs when $j = -i$. $\\mathrm{Var}(X+Y) = \\mathrm{Var}(X) + \\mathrm{Var}(Y)$ "
     "only when $X$ and $Y$ are independent, and $a + b = 2a$ iff $a = b$; $c + d = 2c$ holds if and only if $c = d$.\n\n"
     "So $t + r i + r k = t$.\n\nBut $2 + 2 = 5$ when $x = 1$.\n\nIn other words, $w_i = w_j$ may be true when $i \\neq j$ is true.",
     ["definition", "definition", "definition", "definition", "definition", "definition", "definition", "invalid", "invalid", "definition"]),
    # a 2 typed against the bracket before it, nothing against it after ((t1 - a_o1)2, copied from a rendered page that
    # raised it): a square, so dE1/da_o1 = -(t1 - a_o1) holds and its sign slip is found (read as twice the bracket, the
    # true line was "invalid"); 2(y - p) stays a product
    ("```\nE1 = 1/2 * (t1 - a_o1)2\ndE1/da_o1 = -(t1 - a_o1)\ndE1/da_o1 = (t1 - a_o1)\n```\n\n"
     "$$L = (y - p)2 + 2(y - p)$$\n\n$$\\frac{\\partial L}{\\partial p} = -2(y - p) - 2$$",
     ["definition", "valid", "invalid", "definition", "valid"]),
    # values stated rounded after = (1/6 = 0.1667) and then added by name: the sum of the values shown (0.3334) is right,
    # as is the exact one rounded (0.3333); another number is not (it was "0.3334 written, 0.3333 to 4 places")
    ("$$E_1 = \\frac{1}{6} = 0.1667$$\n\n$$E_2 = \\frac{1}{6} = 0.1667$$\n\n$$E = E_1 + E_2 = 0.3334$$\n\n$$E_1 + E_2 = 0.3333$$\n\n"
     "$$E_1 + E_2 = 0.3336$$", ["definition", "valid", "definition", "valid", "definition", "valid", "valid", "invalid"]),
    # a chain rule's links written as operators one after another: each operator takes what stands before the next one
    # (d/dy log y, times d/du sigma(u)), not the rest of the product (the true line was "invalid"); an operator on an
    # operator is still the second derivative
    ("$$y = \\sigma(u)$$\n\n$$\\frac{\\partial}{\\partial y} \\log y \\frac{\\partial}{\\partial u} \\sigma(u) = \\frac{1}{y} \\sigma(u)(1 - \\sigma(u))$$\n\n"
     "$$\\frac{\\partial}{\\partial y} \\log y \\frac{\\partial}{\\partial u} \\sigma(u) = \\frac{1}{y} \\sigma(u)$$\n\n"
     "$$\\frac{\\partial}{\\partial x} \\frac{\\partial}{\\partial z} x^2 z^3 = 6 x z^2$$\n\n$$\\frac{\\partial}{\\partial x} x^3 \\frac{\\partial}{\\partial z} z^2 = 6 x z$$",
     ["definition", "valid", "invalid", "valid", "invalid"]),
    # a sum of vectors (a logistic regression's gradient, \sum_i (w^T x_i) x_i) is added entry by entry, with one vector
    # for every x_i: a wrong vector in the sum is found, while an equality holds only in that special case (undecided)
    ("Let $w \\in \\mathbb{R}^m$ and $x_i \\in \\mathbb{R}^m$.\n\n$$\\sum_{i=1}^n (w^T x_i) x_i = \\sum_{i=1}^n x_i (x_i^T w)$$\n\n"
     "$$\\sum_{i=1}^n (w^T x_i) x_i = \\sum_{i=1}^n (x_i x_i^T) w$$\n\n$$\\sum_{i=1}^n (w^T x_i) x_i = \\sum_{i=1}^n x_i (x_i^T x_i)$$",
     ["undecided", "undecided", "invalid"]),
    # a number given for a name whose formula is a 1 x 1 product (z = W x = 1.7), then used times a vector: the number,
    # so the outer product's entries are checked (it was "does not fit": a number put in a product of matrices)
    ("$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$W = \\begin{bmatrix} 0.5 & 0.6 \\end{bmatrix}$$\n\n$$z = W x = 1.7$$\n\n"
     "$$(z - 1) x^T = 0.7 \\begin{bmatrix} 1 & 2 \\end{bmatrix}$$\n\n$$(z - 1) x^T = 0.7 \\begin{bmatrix} 2 & 1 \\end{bmatrix}$$",
     ["definition", "definition", "valid", "valid", "valid", "invalid"]),
    # a case typed with its colon inside the maths ($i \neq j:$ over the display it heads): the colon is the sentence's, the
    # relation the case's condition (it was "unexpected ':'", and both true cases were called wrong); a slip is still found
    ("$$y_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$i = j:$\n\n$$\\frac{\\partial y_i}{\\partial z_j} = y_i(1 - y_j)$$\n\n"
     "$i \\neq j:$\n\n$$\\frac{\\partial y_i}{\\partial z_j} = -y_i y_j$$\n\n$i \\neq j:$\n\n$$\\frac{\\partial y_i}{\\partial z_j} = y_i y_j$$",
     ["definition", "definition", "valid", "valid", "invalid"]),
    # a derivative with its \partial left out on one side (\frac{\partial y}{w}, \frac{y}{\partial w}): a fraction cannot hold
    # a lone \partial, so it is the derivative (it was unreadable); a wrong one is found; a plain fraction stays one
    ("$$y = w^2 x$$\n\n$$\\frac{\\partial y}{w} = 2 w x$$\n\n$$\\frac{y}{\\partial w} = 2 w x$$\n\n$$\\frac{\\partial y}{w} = w x$$\n\n"
     "$$\\frac{a}{b} = \\frac{2a}{2b}$$", ["definition", "valid", "valid", "invalid", "valid"]),
    # a name in braces before its subscript ({y}_k, as equation editors write it) is y_k, so "only ${y}_k=1$" makes y
    # one-hot at k; a remark in words in brackets before a row's relation ((\text{one-hot: ...}) &= ...) is not its left
    # side: the row goes on from the one before (it was "( {y}_k 1) = ...", not judged); the wrong entry is found
    ("Let $\\mathbf{y}$ be the true label (one-hot, only ${y}_k=1$).\n\n$$\\begin{aligned}\nL &= -\\sum_{j=1}^K {y}_j \\log \\hat{y}_j \\\\\n"
     "(\\text{one-hot: only } {y}_k \\text{ is } 1) &= -\\log \\hat{y}_k\n\\end{aligned}$$\n\n$$\\begin{aligned}\nL &= -\\sum_{j=1}^K {y}_j \\log \\hat{y}_j \\\\\n"
     "(\\text{one-hot}) &= -\\log \\hat{y}_1\n\\end{aligned}$$", ["definition", "definition", "valid", "definition", "invalid"]),
    # an operator on an application of the text's function whose formula holds nothing of the variable (L(y, \hat{y}), with
    # \hat{y} the softmax of o only in words): the derivative the text names, not 0 (0 = softmax - y was "invalid")
    ("Let $\\hat{\\mathbf{y}}$ be the softmax of the logits $\\mathbf{o}$.\n\n$$L(\\mathbf{y}, \\hat{\\mathbf{y}}) = -\\sum_{j=1}^K y_j \\log \\hat{y}_j$$\n\n"
     "$$\\frac{\\partial}{\\partial o_p} L(\\mathbf{y}, \\hat{\\mathbf{y}}) = \\hat{y}_p - y_p$$", ["definition", "definition"]),
    # \operatorname{Softmax}, \operatorname{SoftMax}: the softmax however it is cased (it was "unknown function Softmax")
    ("$$\\frac{e^{o_p}}{\\sum_{i=1}^K e^{o_i}} = \\operatorname{Softmax}(\\mathbf{o})_p$$\n\n$$\\frac{e^{o_p}}{\\sum_{i=1}^K e^{o_i}} = \\operatorname{SoftMax}(\\mathbf{o})_1$$",
     ["valid", "invalid"]),
    # a function's chain ending in constants of its own (z(x) = \sqrt{2} x (1 + 0.5 x^2) = x (a + b x^2), GELU's tanh form):
    # a and b are what make the two agree for every x (matched coefficients), and z keeps its first formula; z' in a, b
    # is then checked (it was "invalid" at random a, b, and so was every line after); a rewriting no constants can make
    # true (x (c + d x^3) for 3x + x^3) is wrong
    ("$$z(x) = \\sqrt{2} x (1 + 0.5 x^2) = x (a + b x^2)$$\n\n$$z'(x) = a + 3 b x^2$$\n\n$$z'(x) = a + 2 b x^2$$\n\n"
     "$$g(x) = 3x + x^3 = x (c + d x^3)$$\n\n$$g'(x) = 3 + 3x^2$$", ["definition", "valid", "valid", "invalid", "definition", "invalid", "valid"]),
    # a condition opening a row, ended by a colon (\text{if } i \neq j :& ...): where the row's statements hold (the row was
    # read as a name in words and an unreadable ":"); a slip in a case is found
    ("$$y_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$$\\begin{split}\n\\text{if} \\; i = j :& \\frac{\\partial y_i}{\\partial z_j} = y_i(1 - y_j) \\\\\n"
     "\\text{if} \\; i \\neq j :& \\frac{\\partial y_i}{\\partial z_j} = -y_i y_j \\\\\n\\text{if} \\; i \\neq j :& \\frac{\\partial y_i}{\\partial z_j} = y_i y_j\n\\end{split}$$",
     ["definition", "valid", "valid", "invalid"]),
    # layers numbered by a bare digit (z^1 = w^1 x, a^1 = \sigma(z^1), z^2 = w^2 a^1): a letter defined at two digits says
    # the digits number layers (nobody defines z squared and z cubed), for the letters defined with a digit and those
    # written at two digits (w^1, w^2); the chain rule through a^1 is then checked (it read w^2 as w squared)
    ("$$z^1 = w^1 x$$\n\n$$a^1 = \\sigma(z^1)$$\n\n$$z^2 = w^2 a^1$$\n\n$$\\frac{\\partial z^2}{\\partial a^1} = w^2$$\n\n"
     "$$\\frac{\\partial z^2}{\\partial w^1} = w^2 a^1 (1 - a^1) x$$\n\n$$\\frac{\\partial z^2}{\\partial a^1} = 2 w^2$$",
     ["definition", "definition", "definition", "valid", "valid", "invalid"]),
    # numpy's x.T is said to be a transpose typed as code, not read as x times T (x.T = x T was "invalid" at random T);
    # the 1 x 1 product of a row and a column said to equal a rounded number is weighed to its places
    ("$$W = \\begin{bmatrix} 0.5 & 0.5 \\end{bmatrix}$$\n\n$$x = \\begin{bmatrix} 0.2 \\\\ 0.1 \\end{bmatrix}$$\n\n"
     "$$\\sigma(W x) = 0.5374$$\n\n$$\\sigma(W x) = 0.5384$$\n\n$$b = x.T$$",
     ["definition", "definition", "valid", "invalid", "unparsed"]),
    # a derivative given a formula while its quantity has none (a / node's dy/dx = -1/x^2), then the quantity's first
    # formula (the exp node's y = e^x): what was said of dy/dx was not of this y, and dy/dx = e^x holds (it was "invalid"
    # against -1/x^2); a wrong one is still found
    ("The / node:\n\n$$\\frac{\\partial y}{\\partial x} = -\\frac{1}{x^2}$$\n\nThe exp node computes $y = e^x$, so\n\n"
     "$$\\frac{\\partial y}{\\partial x} = e^x$$\n\n$$\\frac{\\partial y}{\\partial x} = -e^x$$", ["definition", "definition", "valid", "invalid"]),
    # equation numbers typed as "-(2)" after a spaced dash (or "&-(1)" in a column of their own), where the text numbers
    # two lines or more so: labels, not "minus 2" (6x -(2) was "differs by the constant 2"); 4 - (2) is still arithmetic
    ("$$\\begin{align*}\ny &= 3x^2 &-(1) \\\\\n\\frac{dy}{dx} &= 6x \\ -(2) \\\\\n\\frac{dy}{dx} &= 5x \\ -(3)\n\\end{align*}$$\n\n$$z = 4 - (2)$$",
     ["definition", "valid", "invalid", "definition"]),
    # a derivative claim whose sides differ only on the kink of the function differentiated, a curve in two variables
    # (y \hat{y} = 1 for the hinge's max(0, 1 - y \hat{y})): there the derivative has no value, so not judged (it was
    # "invalid" at a probe on the kink); a wrong case differs off the kink and is found
    ("$$\\text{Hinge}(y, \\hat{y}) = \\max(0, 1 - y \\hat{y})$$\n\n"
     "$$\\frac{\\partial \\text{Hinge}}{\\partial \\hat{y}} = \\begin{cases} 0, & \\text{if } y \\hat{y} \\geq 1 \\\\ -y, & \\text{if } y \\hat{y} < 1 \\end{cases}$$\n\n"
     "$$\\frac{\\partial \\text{Hinge}}{\\partial \\hat{y}} = \\begin{cases} 0, & \\text{if } y \\hat{y} \\geq 1 \\\\ y, & \\text{if } y \\hat{y} < 1 \\end{cases}$$",
     ["definition", "undecided", "invalid"]),
    # \gdef (KaTeX pages' \def) defines a command as \def does: \par{C}{w} is \frac{\partial C}{\partial w} (every formula
    # of a page defining it was unreadable); a slip through the shorthand is found
    ("$$\n\\gdef\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}\n$$\n\nLet $y = x^3$.\n\n$$\\pd{y}{x} = 3x^2$$\n\n$$\\pd{y}{x} = 3x$$",
     ["definition", "valid", "invalid"]),
    # a function of a quantity the text defined (a = g(z), then C(a) = (y - a)^2 / 2) named alone in a derivative:
    # \partial C / \partial w is of C(a), a reaching w through z, not C with w put in for a (the chain rule was "invalid")
    ("We apply $z = wx + b$ and then $a = g(z)$. The cost is $C(a) = \\frac{1}{2}(y - a)^2$.\n\n"
     "$$\\frac{\\partial C}{\\partial w} = \\frac{\\partial C}{\\partial a} \\frac{\\partial a}{\\partial z} \\frac{\\partial z}{\\partial w}$$\n\n"
     "$$\\frac{\\partial C}{\\partial w} = C'(a) g'(z) x$$\n\n$$\\frac{\\partial C}{\\partial w} = C'(a) g'(z) w$$",
     ["definition", "definition", "definition", "valid", "valid", "invalid"]),
    # a sum's index with several conditions (\sum_{w \in V,\, w \neq o}): every one is read (the \neq after \in was dropped,
    # so the sum kept the o-th term: the one-hot split of a cross-entropy was "invalid"); dropping the o-th term twice is wrong
    ("$$-\\sum_{w \\in V} y_w \\log \\hat{y}_w = -\\left(y_o \\log \\hat{y}_o + \\sum_{w \\in V,\\, w \\neq o} y_w \\log \\hat{y}_w\\right)$$\n\n"
     "$$-\\sum_{w} y_w \\log \\hat{y}_w = -\\left(y_o \\log \\hat{y}_o + \\sum_{w \\neq o,\\, w \\in V} y_w \\log \\hat{y}_w\\right)$$\n\n"
     "$$-\\sum_{w} y_w \\log \\hat{y}_w = -\\sum_{w \\in V,\\, w \\neq o} y_w \\log \\hat{y}_w$$",
     ["valid", "valid", "invalid"]),
    # a side computation of one term of a chain ("simplify the second term: 1 - \sigma = ... = e^{-x}/(1 + e^{-x})"), then
    # "substitute back: = \sigma \cdot e^{-x}/(1 + e^{-x})": the chain goes on from where it stood (it was "invalid" against
    # the side computation's last line); a wrong substitution is still found
    ("$$\\sigma(x)(1 - \\sigma(x)) = \\frac{1}{1 + e^{-x}} \\left(1 - \\frac{1}{1 + e^{-x}}\\right)$$\n\nSimplify the second term:\n\n"
     "$$1 - \\frac{1}{1 + e^{-x}} = \\frac{e^{-x}}{1 + e^{-x}}$$\n\nSubstitute back:\n\n$$= \\frac{1}{1 + e^{-x}} \\cdot \\frac{e^{-x}}{1 + e^{-x}}$$\n\n"
     "$$= \\frac{e^{-x}}{(1 + e^{-x})^2}$$\n\n$$1 - \\frac{1}{1 + e^{x}} = \\frac{1}{1 + e^{-x}}$$\n\n$$= \\frac{2}{1 + e^{-x}}$$",
     ["valid", "valid", "valid", "valid", "valid", "invalid"]),
    # "using the quotient rule, where f(x) = g(x)/h(x)" of the text's f: g and h are named (f's numerator and denominator,
    # when its formula is a fraction), not a claim that f is every quotient (it was "invalid" for a generic g, h)
    ("$$f(x) = \\frac{x^2}{1 + x}$$\n\nUsing the quotient rule, where\n\n$$f(x) = \\frac{g(x)}{h(x)}$$\n\n"
     "$$g'(x) = 2x$$\n\n$$h'(x) = 1$$\n\n$$h'(x) = x$$",
     ["definition", "definition", "valid", "valid", "invalid"]),
    # \exp^{x_j}: e to that power, as students type it (it was "\exp needs an argument"); \exp^2(x) stays exp(x) squared
    ("$$\\frac{\\exp^{x}}{1 + \\exp^{x}} = \\frac{1}{1 + e^{-x}}$$\n\n$$\\exp^{2}(x) = e^{2x}$$\n\n$$\\exp^{2x} = e^{x}$$",
     ["valid", "valid", "invalid"]),
    # a paragraph opening with a case of indices ("When $i \neq j$, ...:", or "When i = j:" typed without $) holds for the
    # displays after it, paragraphs between, until the next case (the i = j derivative was judged at i != j); a wrong case is found
    ("$$p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\nWhen i = j:\n\nwe use the quotient rule:\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_i)$$\n\n"
     "When $i \\neq j$, the numerator is constant.\n\nUsing the quotient rule:\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i p_j$$",
     ["definition", "valid", "valid", "invalid"]),
    # after \approx a value may be cut off rather than rounded (e^{-0.5}/(1 + e^{-0.5}) \approx 0.377 for 0.37754): valid, and
    # the feedback says it is cut, not that it agrees with the rounding (0.378); after = a cut value is a rounding slip, as
    # the corpus's labels count it; a value off by more than the cut is wrong either way
    ("$$\\frac{e^{-0.5}}{1 + e^{-0.5}} \\approx 0.377$$\n\n$$\\frac{e^{-0.5}}{1 + e^{-0.5}} = 0.377$$\n\n$$\\frac{69}{36} \\approx 1.90$$",
     ["valid", "invalid", "invalid"]),
    # an LSTM gate's own parameters, labelled by the gate's letter (i_t = \sigma(W_i x_t + b_i)): labels, not an index slip,
    # where the text sums over i elsewhere; another name with them is still a slip
    ("We sum $\\sum_i x_i$.\n\n$$i_t = \\sigma(W_i x_t + U_i h_{t-1} + b_i)$$\n\n$$z_t = \\sigma(W_i x_t + b_i)$$",
     ["definition", "invalid"]),
    # "denote A as B": B is the notation the text goes on in (h_t = f(uv) for h_t = f(W h_{t-1} + ...), u = W, v = h_{t-1}),
    # not a claim (it was "invalid" against h_t's formula); said without "denote ... as", the same line is a claim, and false
    ("Let $h_t = f(W h_{t-1} + U x_t)$. We denote it as $h_t = f(uv)$, where $u = W$ and $v = h_{t-1}$.",
     ["definition", "definition", "definition", "definition"]),
    ("Let $h_t = f(W h_{t-1} + U x_t)$. So $h_t = f(uv)$, where $u = W$ and $v = h_{t-1}$.",
     ["definition", "invalid", "definition", "definition"]),
    # a subscript in words (E_{\text{total}}) is the subscript typed plainly (E_{total}): one name, so a later formula
    # for \partial E_{total} / \partial w is checked against the text's E_{\text{total}} (it was "names" each time)
    ("$$E_{\\text{total}} = \\frac{1}{2}(t - a)^2$$\n\n$$a = w x$$\n\n$$\\frac{\\partial E_{total}}{\\partial w} = (a - t) x$$\n\n"
     "$$\\frac{\\partial E_{total}}{\\partial w} = (t - a) x$$", ["definition", "definition", "valid", "invalid"]),
    # x =: a^0 (the name on the right defined by the left): a^0 is x from there on (it was unreadable, ":" unexpected), in
    # a text whose digits number layers
    ("We call $x =: a^0$, so $z^1 = w^1 a^0 + b^1$ and $z^2 = w^2 a^1 + b^2$.\n\n$$\\frac{\\partial z^1}{\\partial w^1} = x$$\n\n"
     "$$\\frac{\\partial z^1}{\\partial w^1} = 2x$$", ["definition", "definition", "definition", "valid", "invalid"]),
    # layers numbered by bare digits in an aligned column (z^1 &= w^1 x + b^1, z^2 &= w^2 a^1 + b^2): z^2 is the second
    # layer's z, not z squared (the rows were "an equation to solve" and the chain rule read squares)
    ("$$\\begin{aligned} z^1 &= w^1 x + b^1 \\\\ a^1 &= g(z^1) \\\\ z^2 &= w^2 a^1 + b^2 \\end{aligned}$$\n\n"
     "$$\\frac{\\partial z^2}{\\partial a^1} = w^2$$\n\n$$\\frac{\\partial z^2}{\\partial a^1} = 2 w^2$$",
     ["definition", "definition", "definition", "valid", "invalid"]),
    # "we need to find $x_1$": the value x_1 had is no longer put in, the lines after it solve for x_1 (they were "invalid"
    # at the old value); a wrong solution is found
    ("Given $x_1 = 40$.\n\nWe need to find $x_1$ for an even chance.\n\n$$0.5 = \\frac{e^{-6 + 0.05 x_1 + 3.5}}{1 + e^{-6 + 0.05 x_1 + 3.5}}$$\n\n"
     "$$e^{-6 + 0.05 x_1 + 3.5} = 1$$\n\n$$x_1 = 50$$", ["definition", "definition", "valid", "valid"]),
    ("Given $x_1 = 40$.\n\nWe need to find $x_1$ for an even chance.\n\n$$0.5 = \\frac{e^{-6 + 0.05 x_1 + 3.5}}{1 + e^{-6 + 0.05 x_1 + 3.5}}$$\n\n"
     "$$e^{-6 + 0.05 x_1 + 3.5} = 2$$", ["definition", "definition", "invalid"]),
    # a claim stated under a condition ("... = -a_j a_i, where $j \neq i$"), then its proof, a chain opening with the same
    # left side: the proof holds under the condition too (it was "invalid" at j = i); a wrong proof line is found
    ("Let $a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$.\n\n$$\\frac{\\partial a_j}{\\partial z_i} = -a_j a_i$$ where $j \\neq i$.\n\n"
     "**Proof:**\n\n$$\\frac{\\partial a_j}{\\partial z_i} = \\frac{-e^{z_j} e^{z_i}}{(\\sum_k e^{z_k})^2}$$\n\n"
     "$$\\frac{\\partial a_j}{\\partial z_i} = \\frac{e^{z_j} e^{z_i}}{(\\sum_k e^{z_k})^2}$$",
     ["definition", "valid", "valid", "invalid"]),
    # Ng's layers in square brackets over subscripted names inside a sum (z_j^{[L]} = \sum_i a_i^{[L-1]} \omega_{ji}^{[L]}):
    # the sum's terms are the weights' entries, so its derivative by one weight is one term (it was the sum's length times
    # a_i, "invalid"); a wrong derivative is found
    ("We have $z_j^{[L]} = \\sum_i a_i^{[L-1]} \\omega_{ji}^{[L]} + b_j^{[L]}$.\n\n"
     "$$\\frac{\\partial}{\\partial \\omega_{ji}^{[L]}} z_j^{[L]} = \\frac{\\partial}{\\partial \\omega_{ji}^{[L]}} a_i^{[L-1]} \\omega_{ji}^{[L]}$$\n\n"
     "$$\\frac{\\partial z_j^{[L]}}{\\partial \\omega_{ji}^{[L]}} = 2 a_i^{[L-1]}$$", ["definition", "valid", "invalid"]),
    # values given rounded (e \approx -0.2891, \hat{y} \approx 0.7109, "using the values from above"): e is the text's
    # error, not Euler's number (it was "-0.2891 written, 2.7183"), and both are values the lines after work on; e \approx
    # 2.718 is still a claim about Euler's number
    ("Using the values from above: $e \\approx -0.2891$, $\\hat{y} \\approx 0.7109$.\n\n$$2e \\approx -0.5782$$\n\n"
     "$$2e \\cdot \\hat{y} \\approx -0.4110$$\n\n$$2e \\approx -0.6782$$",
     ["definition", "definition", "valid", "valid", "invalid"]),
    ("$$e \\approx 2.718$$\n\n$$e^{2} \\approx 7.389$$\n\n$$e^{2} \\approx 7.489$$", ["valid", "valid", "invalid"]),
    # a derivative named by its Leibniz fraction (\partial C / \partial a^L_k) whose formula is written in another index
    # that no sum binds (2(a^L_i - y_i)): an index slip, found whether the line defines the derivative or claims it; the
    # fraction's own indices (w_{jk}: j and k) are its own
    ("We sum $\\sum_i x_i$ and $\\sum_k y_k$.\n\n$$\\frac{\\partial C}{\\partial a_k} = 2(a_i - y_i)$$\n\n"
     "$$\\frac{\\partial C}{\\partial a_k} = 2(a_k - y_k)$$\n\n$$\\frac{\\partial C}{\\partial w_{jk}} = a_k \\delta_j$$",
     ["invalid", "definition", "definition"]),
    # "or" and "and" typed in the maths without \text between two statements ($Y = 0 or Y = 1$): two statements, as with
    # \text{ or } (it was "0 or Y = 1", invalid); a word that joins no second relation stays letters (a = b or c)
    ("The label takes the values $Y = 0 or Y = 1$.\n\n$$x = 2 and y = 3$$\n\n$$x + y = 5$$\n\n$$x + y = 6$$",
     ["definition", "definition", "definition", "definition", "valid", "invalid"]),
    # a case typed without $ in a programmer's spelling (When i == j:, When i != j:) holds for the displays after it, as
    # "When i = j:" does (it was read as no case: the i = j formula was invalid for i != j); f'_i is f_i' and shown as typed
    ("Let $S_i = \\frac{f_i}{g_i}$ with $f_i = e^{\\theta_i}$ and $g_i = \\sum_k e^{\\theta_k}$.\n\n"
     "When i == j:\n$$\nf'_i = f_i\n$$\n$$\\frac{\\partial S_i}{\\partial \\theta_j} = S_i(1 - S_i)$$\n\n"
     "When i != j:\n$$\\frac{\\partial S_i}{\\partial \\theta_j} = -S_i S_j$$\n\n"
     "When i == j:\n$$\\frac{\\partial S_i}{\\partial \\theta_j} = -S_i S_j$$",
     ["definition", "definition", "definition", "definition", "valid", "valid", "invalid"]),
    # a one-hot label that is also a column ((\hat y - y)^T further on) keeps its entries: y_i is the label's entry i, as y_k
    # under the sum is (it was a number of its own, and every line with y_i beside \sum_k y_k was invalid); a wrong line stays so
    ("Let $S_i = \\frac{e^{\\theta_i}}{\\sum_k e^{\\theta_k}}$ and $L = -\\sum_k y_k \\log S_k$, where $y$ is one-hot.\n\n"
     "$$-\\sum_k \\frac{y_k}{S_k} \\frac{\\partial S_k}{\\partial \\theta_i} = -y_i(1 - S_i) + \\sum_{k \\neq i} y_k S_i$$\n\n"
     "$$-y_i(1 - S_i) + \\sum_{k \\neq i} y_k S_i = S_i - y_i$$\n\n"
     "$$-y_i(1 - S_i) + \\sum_{k \\neq i} y_k S_i = S_i + y_i$$\n\n"
     "$$\\frac{\\partial L}{\\partial U} = v(\\hat{y} - y)^T$$",
     ["definition", "definition", "valid", "valid", "invalid", "definition"]),
    # sizes labelled by the indices that run to them (N_i = N_s \times N_k, each the bound of a sum) are no index slip;
    # a name given in another index than its own still is
    ("The batch has $N_s$ samples of $N_k$ entries: $\\mu = \\frac{1}{N_s N_k}\\sum_{s=1}^{N_s}\\sum_{k=1}^{N_k} x_{s,k}$, "
     "or with one index $\\mu = \\frac{1}{N_i}\\sum_{i=1}^{N_i} x_i$ where $N_i = N_s \\times N_k$.\n\n"
     "$$p_j = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$",
     ["definition", "definition", "definition", "invalid"]),
    # a value worked out from a number the text wrote rounded (a = \sigma(0.382) after z \approx 0.382) is known only to
    # that number's precision: \sigma'(z) = a(1 - a) holds to it (it was invalid by 4e-5 of its size); a wrong formula is not
    # excused, and an input typed with few places (\sigma(1.1)) is exact (the E, T row above)
    ("$$z = 0.3 \\cdot 0.574 + 0.2 \\cdot 0.550 + 0.1 \\approx 0.382$$\n\n$$a = \\sigma(0.382) \\approx 0.5944$$\n\n"
     "$$\\sigma'(z) = a(1 - a)$$\n\n$$\\sigma'(z) = a(1 + a)$$",
     ["definition", "valid", "definition", "valid", "valid", "invalid"]),
    # a run of letters differentiated by (\partial io_1) is one name, though o_1 is written alone elsewhere: nobody
    # differentiates by i times o_1 (it was unreadable)
    ("$$io_1 = h_1 w_5 + h_2 w_6$$\n\n$$o_1 = \\sigma(io_1)$$\n\n$$\\frac{\\partial io_1}{\\partial w_5} = h_1$$\n\n"
     "$$\\frac{\\partial o_1}{\\partial io_1} = o_1(1 - o_1)$$\n\n$$\\frac{\\partial io_1}{\\partial w_5} = h_2$$",
     ["definition", "definition", "valid", "valid", "invalid"]),
    # a layer letter over three names in one formula (Z^l = a^l X^l + b^l) numbers layers there, as a^{l-1} beside a^l
    # does: the names are labelled, not powers (Z^l = ... was an equation to solve)
    ("$$Z^l = a^l X^l + b^l$$\n\n$$\\frac{\\partial Z^l}{\\partial b^l} = 1$$\n\n"
     "$$\\frac{\\partial Z^l}{\\partial X^l} = a^l$$\n\n$$\\frac{\\partial Z^l}{\\partial X^l} = 2 a^l$$",
     ["definition", "valid", "valid", "invalid"]),
    # \sigma never applied in the text (\sigma + \epsilon, n\sigma) is a quantity (a deviation): \partial\sigma/\partial x
    # names its derivative (it was the sigmoid's derivative, and the line invalid); an applied \sigma(z) stays the sigmoid
    ("$$z = \\frac{x - \\mu}{\\sigma + \\epsilon}$$\n\n$$\\frac{\\partial \\sigma}{\\partial x} = \\frac{x - \\mu}{n\\sigma}$$",
     ["definition", "definition"]),
    ("$$\\frac{d\\sigma}{dz} = \\sigma(z)(1 - \\sigma(z))$$\n\n$$\\frac{d\\sigma}{dz} = \\sigma(z)(1 + \\sigma(z))$$",
     ["valid", "invalid"]),
    # a power whose exponent is a sample's entry (\lambda^{G_i}) in a text with matrices stays a power (it was read as a
    # label, a name of its own, and the Poisson log-likelihood's lines invalid); a wrong expansion is found
    ("Let $X \\in \\mathbb{R}^{n \\times d}$.\n\n"
     "$$\\ln \\prod_{i=1}^n \\frac{\\lambda^{G_i}}{G_i!} = \\sum_{i=1}^n (G_i \\ln \\lambda - \\ln G_i!)$$\n\n"
     "$$\\ln \\prod_{i=1}^n \\frac{\\lambda^{G_i}}{G_i!} = \\sum_{i=1}^n (\\ln \\lambda - \\ln G_i!)$$",
     ["undecided", "invalid"]),
    # a small t written only as a superscript, over capitals and brackets ((e_i^t Q K^t)^t), is the text's transpose mark
    # (it was a power of an unknown t, and the identity invalid); a blog's front matter (+++ ... +++, --- ... ---) is
    # settings, not text (its date = 2024-08-09 was a statement); a t the text uses elsewhere (m_t) keeps ^t a power
    ("+++\ntitle = 'Attention'\ndate = 2024-08-09\n+++\n\nLet $Q, K \\in \\mathbb{R}^{n \\times d}$.\n\n"
     "$$(e_i^t Q K^t)^t = K Q^t e_i$$\n\n$$(e_i^t Q K^t)^t = Q K^t e_i$$", ["valid", "invalid"]),
    ("$$(e_i^t Q K^t)^t = K Q^t e_i$$\n\n$$(e_i^t Q K^t)^t = Q K^t e_i$$", ["valid", "invalid"]),
    ("At step $t$ the moment is $m_t = \\beta m_{t-1} + (1 - \\beta) g_t$.\n\n$$\\beta^t \\beta = \\beta^{t+1}$$\n\n"
     "$$\\beta^t \\beta = \\beta^{t}$$", ["definition", "valid", "invalid"]),
    # a matrix of names the text has not given, equal to a matrix of formulas of its shape (a later row of the chain when
    # the first is a convolution *, or the link before it: O = PV = [...] = [o_ij]), defines each name by its entry: the
    # derivatives stated of them are worked out and a wrong one is found (they were only names, or an equation to solve);
    # a Word export's braces around one letter before a script ({x}_{1}) read as x_1, after a line break too
    ("$$\n\\begin{aligned}\n\\begin{bmatrix} {y}_{1} & {y}_{2} \\end{bmatrix} &= \\begin{bmatrix} {w}_{1} & {w}_{2} & {w}_{3} \\end{bmatrix} * "
     "\\begin{bmatrix} {x}_{1} & {x}_{2} \\end{bmatrix}\\\\\n"
     "&= \\begin{bmatrix} {w}_{1}{x}_{1} + {w}_{2}{x}_{2} & {w}_{2}{x}_{1} + {w}_{3}{x}_{2} \\end{bmatrix}\n\\end{aligned}\n$$\n\n"
     "$$\\frac{\\partial {y}_{1}}{\\partial {x}_{2}} = {w}_{2}$$\n\n"
     "$$\\frac{\\partial {y}_{2}}{\\partial {x}_{2}} = {w}_{2}$$",
     ["definition", "unparsed", "valid", "invalid"]),
    ("$$A = \\begin{bmatrix} p_{1} v_{1} + p_{2} v_{2} \\\\ p_{3} v_{1} \\end{bmatrix} = \\begin{bmatrix} o_{1} \\\\ o_{2} \\end{bmatrix}$$\n\n"
     "$$\\frac{\\partial o_{1}}{\\partial v_{1}} = p_{1}$$\n\n"
     "$$\\frac{\\partial o_{2}}{\\partial v_{1}} = p_{1}$$",
     ["definition", "definition", "valid", "invalid"]),
    ("$$Y = {x}_{11} + {x}_{12}$$\n\n$$\\frac{\\partial Y}{\\partial {x}_{11}} = 1$$\n\n"
     "$$\\frac{\\partial Y}{\\partial {x}_{11}} = 2$$\n\n$$x = \\begin{bmatrix} 5 \\\\ 9 \\end{bmatrix}$$",
     ["definition", "valid", "invalid", "definition"]),
    # a number on the right that is exactly an input the text gave a name on its own line (0.5 for \eta = 0.5) is that
    # input copied, not a rounded value: it brings no rounding slack, so 0.0395 put in for g = -0.0395 is found (the two
    # 0.5s' slack had called 0.48025 "agrees with 0.51975": a wrong line valid); a negative number in brackets, 0.5 \cdot
    # (-0.0395), stands in a name's place, so the learning rate put in for \eta there is its value
    ("Let $v_1 = 0.5$, $\\eta = 0.5$ and $g = -0.0395$.\n\n$$w = v_1 - \\eta \\cdot g = 0.5 - 0.5 \\cdot 0.0395 = 0.48$$\n\n"
     "$$u = v_1 - \\eta \\cdot g = 0.5 - 0.5 \\cdot (-0.0395) = 0.51975$$",
     ["definition", "definition", "definition", "definition", "invalid", "valid", "definition", "valid", "valid"]),
    ("Let $v_1 = 0.5$ and $g = -0.0395$.\n\n$$u = v_1 - \\eta \\cdot g = 0.5 - 0.5 \\cdot (-0.0395) = 0.51975$$\n\n"
     "$$u - \\eta \\cdot g = 0.51975 - 0.5 \\cdot (-0.0395) = 0.5395$$\n\n$$u - \\eta \\cdot g = 0.51975 - 0.5 \\cdot (-0.0395) = 0.5295$$",
     ["definition", "definition", "definition", "definition", "valid", "valid", "valid", "valid", "invalid"]),
    # a derivative's formula stated under a case (", i = j" after it) is not its value under another case: the i \neq j
    # line names its own formula (it was judged against the i = j one, and invalid)
    ("Given $p_j = \\frac{e^{x_j}}{\\sum_k e^{x_k}}$\n\n$$\\frac{\\partial p_j}{\\partial \\theta_i} = p_i (1 - p_i), i =j$$\n\n"
     "$$\\frac{\\partial p_j}{\\partial \\theta_i} = -p_i p_j, i \\neq j$$", ["definition", "definition", "definition"]),
    # a formula that cannot be shaped makes the statement holding it wrong, not every statement on its line (s = \sum x_j^2
    # beside p = V^T x was invalid too); \lambda added to a matrix (X^TX + \lambda, shorthand for \lambda I) stays a number,
    # and I in \lambda I beside a matrix is the identity of that size
    ("Let $V \\in \\mathbb{R}^{k \\times d}$ and $x \\in \\mathbb{R}^{d}$.\n\n$$s = \\sum_{j=1}^{d} x_j^2, \\quad p = V^T x$$",
     ["definition", "invalid"]),
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$ and $Y \\in \\mathbb{R}^{n \\times k}$, with $\\hat{W} \\in \\mathbb{R}^{k \\times d}$.\n\n"
     "$$\\sum_j (X^TX + \\lambda)w_j = \\sum_j X^Ty_j$$\n\n$$W = (X^TX + \\lambda I)^{-1}X^TY$$\n\n$$w = (XX^T + \\lambda I)^{-1}X^Ty$$",
     ["unparsed", "definition", "invalid"]),
    # a table whose rows are labelled cases (| Sigmoid | ... |, | Tanh | ...|): a row's f'(x) is about its own function; where
    # the row does not define f (a summary after sections that each defined f anew) the row is not judged against the last f;
    # a row that defines f, or writes its own function's name, is checked (sigmoid' = s(1 - s), not s(1 + s))
    ("## Sigmoid\n\n$$f(x) = \\frac{1}{1 + e^{-x}}$$\n\n$$f'(x) = f(x)(1 - f(x))$$\n\n## Tanh\n\n$$f(x) = \\tanh(x)$$\n\n$$f'(x) = 1 - f(x)^2$$\n\n## Summary\n\n| Activation | Derivative |\n|---|---|\n| Sigmoid | $f'(x) = f(x)(1 - f(x))$ |\n| Tanh | $f'(x) = 1 - f(x)^2$ |\n",
     ["definition", "valid", "definition", "valid", "undecided", "valid"]),
    ("| Activation | Formula | Derivative |\n|---|---|---|\n| **Tanh** | $f(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}$ | $f'(x) = 1 - f(x)^2$ |\n| **Sigmoid** | $f(x) = \\frac{1}{1 + e^{-x}}$ | $f'(x) = f(x)(1 + f(x))$ |\n",
     ["definition", "valid", "definition", "invalid"]),
    ("| Activation | Function | Derivative |\n|---|---|---|\n| Sigmoid | $\\sigma(x) = \\frac{1}{1+e^{-x}}$ | $\\sigma'(x) = \\sigma(x)(1 + \\sigma(x))$ |\n| Tanh | $\\tanh(x)$ | $\\tanh'(x) = 1 - \\tanh^2(x)$ |\n",
     ["definition", "invalid", "valid"]),
    # \log \frac{1}{\sqrt{2\pi}\sigma}\exp(...) in a write-up is the log of the density (of the whole product, as with e^{...}),
    # not log(1/(sqrt(2 pi) sigma)) times exp(...); dropping the n of n log(...) stays wrong
    ("$$\n\\begin{align}\n\\ell &= \\sum_{i=1}^n \\log \\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp \\left(-\\frac{(y^{(i)}-\\theta^Tx^{(i)})^2}{2\\sigma^2}\\right) \\\\\n&= n\\log\\frac{1}{\\sqrt{2\\pi}\\sigma}-\\frac{1}{2\\sigma^2} \\sum_{i=1}^n (y^{(i)}-\\theta^Tx^{(i)})^2\n\\end{align}\n$$",
     ["definition", "valid"]),
    ("$$\n\\begin{align}\n\\ell &= \\sum_{i=1}^n \\log \\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp \\left(-\\frac{(y^{(i)}-\\theta^Tx^{(i)})^2}{2\\sigma^2}\\right) \\\\\n&= \\log\\frac{1}{\\sqrt{2\\pi}\\sigma}-\\frac{1}{2\\sigma^2} \\sum_{i=1}^n (y^{(i)}-\\theta^Tx^{(i)})^2\n\\end{align}\n$$",
     ["definition", "invalid"]),
    # A = B \Rightarrow A = C with the same left side (each line restating dy/da): the claim is B = C, as in a chain of =
    # (softmax's dy/da = y(1 - y), not y(1 + y))
    ("$$y = \\frac{e^{a}}{e^{a} + e^{b}}$$\n\n$$\\frac{\\partial y}{\\partial a} = \\frac{e^{a}(e^{a} + e^{b}) - e^{a}e^{a}}{(e^{a} + e^{b})^2} \\Rightarrow \\frac{\\partial y}{\\partial a} = y(1 - y)$$",
     ["definition", "valid", "valid"]),
    ("$$y = \\frac{e^{a}}{e^{a} + e^{b}}$$\n\n$$\\frac{\\partial y}{\\partial a} = \\frac{e^{a}(e^{a} + e^{b}) - e^{a}e^{a}}{(e^{a} + e^{b})^2} \\Rightarrow \\frac{\\partial y}{\\partial a} = y(1 + y)$$",
     ["definition", "valid", "invalid"]),
    # mathtools' bmatrix*[r] (the [r] aligns the cells) and a blank row typed for spacing (\\ \\) are one matrix's
    ("Let $x \\in \\mathbb{R}^2$.\n\n$$J = \\begin{bmatrix*}[r] x_1 & 0 \\\\ \\\\ 0 & x_2 \\end{bmatrix*}$$\n\n$$J x = \\begin{bmatrix} x_1^2 \\\\ x_2^2 \\end{bmatrix}$$",
     ["definition", "valid"]),
    ("Let $x \\in \\mathbb{R}^2$.\n\n$$J = \\begin{bmatrix*}[r] x_1 & 0 \\\\ \\\\ 0 & x_2 \\end{bmatrix*}$$\n\n$$J x = \\begin{bmatrix} x_1^2 \\\\ x_1 x_2 \\end{bmatrix}$$",
     ["definition", "invalid"]),
    # f(x) = [e^{x_1}/S, e^{x_2}/S] for a vector x and an f nothing defines: what f gives, not a claim for every f
    ("$$x = \\begin{bmatrix} x_1 \\\\ x_2 \\end{bmatrix}$$\n\n$$y = f(x) = \\begin{bmatrix} \\frac{e^{x_1}}{e^{x_1}+e^{x_2}} \\\\ \\frac{e^{x_2}}{e^{x_1}+e^{x_2}} \\end{bmatrix}$$",
     ["definition", "definition", "undecided"]),
    # matrix calculus's differentials (dX, d\sigma(X), d(X^T X)) are not read: d taken for a matrix of its own made true lines
    # (d(X^T X) = dX^T X + X^T dX) wrong, so such a line is undecided; a d the text gives a value is a number as before
    ("Let $X \\in \\mathbb{R}^{m \\times n}$, $A \\in \\mathbb{R}^{p \\times m}$, $B \\in \\mathbb{R}^{n \\times q}$ and $Y = AXB$.\n\n$$dY = A\\,dX\\,B$$\n\n$$d\\sigma(X) = \\sigma'(X) \\odot dX$$\n\n$$d(X^T X) = dX^T X + X^T dX$$\n\n$$d(X^T X) = 2 X^T dX$$",
     ["definition", "definition", "undecided", "undecided", "undecided"]),
    ("Let $d = 3$ and $X \\in \\mathbb{R}^{2 \\times 2}$.\n\n$$d X = 3X$$\n\n$$d X = 4X$$",
     ["definition", "valid", "invalid"]),
    # a period typed between factors is a product before a fraction or a sum too (dz/dy.dy/dx; 3.<line break>\sum_j a_j)
    ("$$y = 3x^2$$\n\n$$z = 2y$$\n\n$$\\frac{dz}{dx} = \\frac{dz}{dy}.\\frac{dy}{dx} = 12x$$",
     ["definition", "definition", "valid", "valid"]),
    ("$$y = 3x^2$$\n\n$$z = 2y$$\n\n$$\\frac{dz}{dx} = \\frac{dz}{dy}.\\frac{dy}{dx} = 6x$$",
     ["definition", "definition", "valid", "invalid"]),
    ("$$a = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$s = 3.\n\\sum_{j=1}^2 a_j$$\n\n$$s = 9$$",
     ["definition", "definition", "valid"]),
    ("$$a = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$s = 3.\n\\sum_{j=1}^2 a_j$$\n\n$$s = 8$$",
     ["definition", "definition", "invalid"]),
    # a programmer's == in a case's condition (if $i == j$:) is one equality sign: the displays after it hold for i = j
    ("Let $y(x_i) = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$.\n\nif $i == j$:\n\n$$\n\\frac{\\partial y(x_i)}{\\partial x_j} = \\frac{\ne^{x_i}(\\sum_k e^{x_k}) - e^{x_i}e^{x_i}\n}{\n(\\sum_k e^{x_k})^2\n}\n$$\n\nif $i \\ne j$\n\n$$\n\\frac{\\partial y(x_i)}{\\partial x_j} = \\frac{- e^{x_i}e^{x_j}}{(\\sum_k e^{x_k})^2}\n$$\n",
     ["definition", "definition", "valid", "valid"]),
    ("Let $y(x_i) = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$.\n\nif $i == j$:\n\n$$\n\\frac{\\partial y(x_i)}{\\partial x_j} = \\frac{\ne^{x_i}(\\sum_k e^{x_k}) + e^{x_i}e^{x_i}\n}{\n(\\sum_k e^{x_k})^2\n}\n$$\n\nif $i \\ne j$\n\n$$\n\\frac{\\partial y(x_i)}{\\partial x_j} = \\frac{- e^{x_i}e^{x_j}}{(\\sum_k e^{x_k})^2}\n$$\n",
     ["definition", "definition", "invalid", "valid"]),
    # GitHub's inline maths $`...`$ (backticks inside the dollars) is the formula inside the backticks
    ("where $`W \\in \\mathbb{R}^{2 \\times 3}`$ : the weight\n\n- $`\\displaystyle s = \\frac{\\lambda}{2} x^2`$ : the term\n\n$`\\frac{ds}{dx} = \\lambda x`$\n",
     ["definition", "valid"]),
    ("where $`W \\in \\mathbb{R}^{2 \\times 3}`$ : the weight\n\n- $`\\displaystyle s = \\frac{\\lambda}{2} x^2`$ : the term\n\n$`\\frac{ds}{dx} = 2\\lambda x`$\n",
     ["definition", "invalid"]),
    # \partial_{\theta} J: the operator d/d(theta) on what follows (its variable the subscript), as \frac{\partial}{\partial \theta} J reads
    ("$$J(\\theta) = \\frac{1}{2}(\\theta x - y)^2$$\n\n$$\\partial_{\\theta} J(\\theta) = \\partial_{\\theta} \\frac{1}{2}(\\theta x - y)^2 = (\\theta x - y) x$$",
     ["definition", "valid", "valid"]),
    ("$$J(\\theta) = \\frac{1}{2}(\\theta x - y)^2$$\n\n$$\\partial_{\\theta} J(\\theta) = \\partial_{\\theta} \\frac{1}{2}(\\theta x - y)^2 = (\\theta x - y)^2 x$$",
     ["definition", "valid", "invalid"]),
    ("$$\\partial_x (x^2 y) = 2xy$$",
     ["valid"]),
    ("$$\\partial_x (x^2 y) = 2x$$",
     ["invalid"]),
    # a function defined through names whose formulas reach its variable (g(x) = x/2 (1 + t), t = tanh(2x)): its derivative
    # goes through them; \frac{d}{dx}(\frac{x}{2}) \cdot (1 + t) in the product rule written out is the bracket's derivative times (1 + t)
    ("Let $u = 2x$ and $t = \\tanh(u)$. Then $g(x) = \\frac{x}{2}(1 + t)$.\n\n$$\\frac{d}{dx}g(x) = \\frac{d}{dx}\\left(\\frac{x}{2}\\right) \\cdot (1 + t) + \\frac{x}{2} \\cdot \\frac{d}{dx}(1 + t) = \\frac{1}{2}(1 + t) + x(1 - t^2)$$",
     ["definition", "definition", "definition", "valid", "valid"]),
    ("Let $u = 2x$ and $t = \\tanh(u)$. Then $g(x) = \\frac{x}{2}(1 + t)$.\n\n$$\\frac{d}{dx}g(x) = \\frac{d}{dx}\\left(\\frac{x}{2}\\right) \\cdot (1 + t) + \\frac{x}{2} \\cdot \\frac{d}{dx}(1 + t) = \\frac{1}{2}(1 + t) + \\frac{x}{2}(1 - t^2)$$",
     ["definition", "definition", "definition", "valid", "invalid"]),
    # names taken for numbers only from their uses (x, A never declared) and multiplied in another order on the other side
    # (x^T A x = tr[x^T x A]): equal as numbers, not shown equal, so not judged (it was called valid)
    ("$$\\frac{\\partial}{\\partial A} \\log |A| = A^{-T}$$\n\n$$x^tAx = tr[x^TAx] = tr[x^txA]$$\n\n$$\\frac{\\partial}{\\partial A} x^tAx = [xx^t]^T$$",
     ["undecided", "valid", "undecided", "undecided"]),
    # A^{-T} is the inverse's transpose
    ("Let $A \\in \\mathbb{R}^{2 \\times 2}$.\n\n$$A^{-T} = (A^T)^{-1}$$\n\n$$A^{-T} = A^{-1}$$",
     ["valid", "invalid"]),
    # LaTeX's \Pr(y | x) is a probability, a quantity named by what it is of (as P(y | x)): its log of a product is a sum of logs
    ("$$\\Pr(y | x) = \\prod_i \\Pr(y_i | x_i)$$\n\n$$\\log \\Pr(y|x) = \\sum_i \\log \\Pr(y_i|x_i)$$",
     ["definition", "valid"]),
    ("$$\\Pr(y | x) = \\prod_i \\Pr(y_i | x_i)$$\n\n$$\\log \\Pr(y|x) = \\sum_i \\Pr(y_i|x_i)$$",
     ["definition", "undecided"]),
    # \det of a declared square matrix is its determinant: scaling by 2 multiplies it by 2^n, the transpose keeps it, and a product's is not the square plus 1 (a 2 x 2 matrix scaled by 3 has 9 times the determinant, not 3)
    ("Let $A \\in \\mathbb{R}^{n \\times n}$ and $B \\in \\mathbb{R}^{2 \\times 2}$.\n\n$$\\det(2A) = 2^n\\det(A)$$\n\n$$\\det(A^T) = \\det(A)$$\n\n$$\\det(A A) = \\det(A)^2 + 1$$\n\n$$\\det(3B) = 3\\det B$$\n\n$$\\det(3B) = 9 \\det(B)$$",
     ["valid", "valid", "invalid", "invalid", "valid"]),
    # \operatorname{Pr}(y | x) is LaTeX's \Pr typed as an operator name: a probability, named by what it is of
    ("$$\\operatorname{Pr}(y=1 \\mid x) = \\sigma(w x)$$\n\n$$1 - \\operatorname{Pr}(y=1 \\mid x) = 1 - \\sigma(w x) = \\sigma(-w x)$$\n\n$$1 - \\operatorname{Pr}(y=1 \\mid x) = \\sigma(w x)$$",
     ["definition", "valid", "valid", "invalid"]),
    # log det of a square matrix: d/dS log det S = S^{-T} (denominator layout) or S^{-1} (numerator layout, as a covariance"s is written); S, or 2 S^{-T}, in neither. The sampled S have a positive determinant (a row negated), so the log has a value
    ("Let $\\Sigma \\in \\mathbb{R}^{n \\times n}$.\n\n$$\\frac{\\partial}{\\partial \\Sigma} \\log \\det \\Sigma = \\Sigma^{-T}$$\n\n$$\\frac{\\partial}{\\partial \\Sigma} \\log \\det \\Sigma = \\Sigma^{-1}$$\n\n$$\\frac{\\partial}{\\partial \\Sigma} \\log \\det(\\Sigma) = \\Sigma$$\n\n$$\\frac{\\partial}{\\partial \\Sigma} \\ln \\det(\\Sigma) = 2\\Sigma^{-T}$$\n\n$$\\frac{\\partial \\det(\\Sigma)}{\\partial \\Sigma} = \\det(\\Sigma) \\Sigma^{-T}$$",
     ["valid", "valid", "invalid", "invalid", "valid"]),
    # a derivative by a square matrix is read in either layout (as one by a vector or a non-square matrix is): d tr(S^T S)/dS = 2S both ways, so S^T is wrong in both
    ("Let $S \\in \\mathbb{R}^{n \\times n}$.\n\n$$\\frac{\\partial}{\\partial S} \\operatorname{tr}(S^T S) = 2S$$\n\n$$\\frac{\\partial}{\\partial S} \\operatorname{tr}(S^T S) = S^T$$",
     ["valid", "invalid"]),
    # the search at other sizes, along a random direction, still sees a factor that vanishes at every sampled size: (d-1)...(d-6) is 0 for d up to 6, not at 7; (d-1)...(d-10) not at 11
    ("Let $w \\in \\mathbb{R}^{d}$ and $x \\in \\mathbb{R}^{d}$.\n\n$$\\nabla_w \\sigma(w^\\top x) = \\sigma(w^\\top x)(1 - \\sigma(w^\\top x)) x (1 + (d-1)(d-2)(d-3)(d-4)(d-5)(d-6))$$\n\n$$\\nabla_w \\log \\sigma(w^\\top x) = (1 - \\sigma(w^\\top x)) x (1 + (d-1)(d-2)(d-3)(d-4)(d-5)(d-6)(d-7)(d-8)(d-9)(d-10))$$\n\n$$\\nabla_w \\log \\sigma(w^\\top x) = (1 - \\sigma(w^\\top x)) x$$",
     ["invalid", "invalid", "valid"]),
    # a name given a new formula (y = x^T A c after y = sum_j x_j^2): what was said of its derivative (dy/dx = 2x) was the old y's, not the new one's
    ("Let $x \\in \\mathbb{R}^n$, $c \\in \\mathbb{R}^n$ and $A \\in \\mathbb{R}^{n \\times n}$.\n\n$$y = \\sum_j x_j^2, \\quad \\frac{dy}{dx} = 2x$$\n\n$$y = x^T A c$$\n\n$$\\frac{dy}{dx} = A c$$\n\n$$\\frac{dy}{dx} = 2x$$",
     ["definition", "definition", "definition", "valid", "invalid"]),
    # a \sum typed without its index runs over the one index its summand carries and the side does not carry outside it: in
    # \sum e^{u_w^T v_c} beside v_c that is w (c is the side's own)
    ("Let $u_o, v_c \\in \\mathbb{R}^d$.\n\n$$\\frac{e^{u_o^Tv_c}}{\\sum e^{u_w^Tv_c}} = \\frac{e^{u_o^Tv_c}}{\\sum_w e^{u_w^Tv_c}}$$\n\n$$v_c - v_c\\frac{e^{u_o^Tv_c}}{\\sum e^{u_w^Tv_c}} = v_c(1 - \\frac{e^{u_o^Tv_c}}{\\sum_w e^{u_w^Tv_c}})$$\n\n$$v_c - v_c\\frac{e^{u_o^Tv_c}}{\\sum e^{u_w^Tv_c}} = v_c(1 + \\frac{e^{u_o^Tv_c}}{\\sum_w e^{u_w^Tv_c}})$$",
     ["valid", "valid", "invalid"]),
    # a sum's range written as inequalities in its subscript (\sum_{1 \le i \le n}, skip-gram's \sum_{-m \le j \le m, j \ne 0}):
    # a strict < moves the bound by one, and a condition after the comma leaves its term out (2m terms, not 2m + 1)
    ("$$\\sum_{1 \\le i \\le n} i = \\frac{n(n+1)}{2}$$\n\n$$\\sum_{1 \\le i \\le n} i = \\frac{n(n-1)}{2}$$\n\n$$\\sum_{1 \\le i < n} i = \\frac{n(n-1)}{2}$$\n\n$$\\sum_{-m \\le j \\le m, j \\ne 0} j^2 = \\frac{m(m+1)(2m+1)}{3}$$\n\n$$\\sum_{-m \\le j \\le m, j \\neq 0} 1 = 2m$$\n\n$$\\sum_{-m \\le j \\le m} 1 = 2m$$",
     ["valid", "invalid", "valid", "valid", "valid", "invalid"]),
    # the trace trick: a number's trace is that number (tr(y) = y for y = x^T A c), so tr(y) = 2y is a slip
    ("Let $x, c \\in \\mathbb{R}^N$ and $A \\in \\mathbb{R}^{N \\times N}$.\n\n$$y = x^TAc$$\n\n$$tr(y) = y = tr(x^TAc) = tr(cx^TA)$$\n\n$$tr(y) = 2y$$",
     ["definition", "valid", "valid", "valid", "invalid"]),
    # an accent or a font over a name with its sample's or layer's mark inside the braces (\hat{y^{(i)}}, \vec{a^{[1]}}) is the
    # marked name under the accent, as \hat{y_1} is; the derivatives of the sigmoid and tanh through them are checked
    ("$$\\hat{y^{(i)}} = \\sigma(z^{(i)})$$\n\n$$\\frac{\\partial \\hat{y^{(i)}}}{\\partial z^{(i)}} = \\hat{y^{(i)}}(1 - \\hat{y^{(i)}})$$\n\n$$\\frac{\\partial \\hat{y^{(i)}}}{\\partial z^{(i)}} = \\hat{y^{(i)}}(1 + \\hat{y^{(i)}})$$\n\n$$\\vec{a^{[1]}} = \\tanh(\\vec{z^{[1]}})$$\n\n$$\\frac{\\partial \\vec{a^{[1]}}}{\\partial \\vec{z^{[1]}}} = 1 - (\\vec{a^{[1]}})^2$$\n\n$$\\frac{\\partial \\vec{a^{[1]}}}{\\partial \\vec{z^{[1]}}} = 1 - \\vec{a^{[1]}}$$",
     ["definition", "valid", "invalid", "definition", "valid", "invalid"]),
    # a word and digits typed together with a prime after them (hidden1^{'}, a unit's value before its activation, as z1 is z_1)
    # is a name the line gives a value, not a derivative of hidden1: the sigmoid of it is then checked, and a slipped exponent found
    ("$$x_1 = 0.05, x_2 = 0.10, w_1 = 0.15, w_2 = 0.20, b_1 = 0.35$$\n\n$$hidden1^{'} = x_{1}*w_{1}+x_{2}*w_{2}+b_{1} = 0.3775$$\n\n$$hidden1 = sigmoid(hidden1^{'}) = \\frac{1}{1+e^{-0.3775}} = 0.5932699921$$\n\n$$hidden2 = sigmoid(hidden1^{'}) = \\frac{1}{1+e^{-0.3875}}$$",
     ["definition", "definition", "definition", "definition", "definition", "definition", "valid", "definition", "valid", "valid", "definition", "invalid"]),
    # \partial and a number's name, with no fraction or slash (\partial w_1 = 2(-7) \cdot 1, a walk-through's shorthand for the
    # loss's derivative in w_1, as code writes dw1), is a name with a value; its arithmetic and the update through it are checked
    ("With $x = 1$, $w_1 = 2$ and $b = 0$ the error is $e = -7$.\n\n* $\\partial w_1 = 2(-7) \\cdot 1 = -14$\n* $\\partial b = 2(-7) = -12$\n\n$$w_1^{new} = w_1 - 0.1 \\cdot \\partial w_1 = 3.4$$\n\n$$w_1^{new} = w_1 - 0.1 \\cdot \\partial w_1 = 0.6$$",
     ["definition", "definition", "definition", "definition", "definition", "valid", "definition", "invalid", "definition", "valid", "definition", "invalid"]),
    # --- a bias declared a row (b \in R^{1 x h}, as d2l writes it) is added to every row of XW (n x h); a row of another
    # length, or a product in the wrong order, still does not fit
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $W \\in \\mathbb{R}^{d \\times h}$ and $\\mathbf{b} \\in \\mathbb{R}^{1 \\times h}$.\n\n$$H = XW + \\mathbf{b}$$", ["definition"]),
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $W \\in \\mathbb{R}^{d \\times h}$ and $\\mathbf{b} \\in \\mathbb{R}^{1 \\times d}$.\n\n$$H = XW + \\mathbf{b}$$", ["invalid"]),
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $W \\in \\mathbb{R}^{d \\times h}$, $V \\in \\mathbb{R}^{h \\times q}$, $\\mathbf{b} \\in \\mathbb{R}^{1 \\times h}$.\n\n"
     "$$(XW + \\mathbf{b})V = XWV + \\mathbf{b}V$$", ["valid"]),
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $W \\in \\mathbb{R}^{d \\times h}$, $V \\in \\mathbb{R}^{h \\times q}$, $\\mathbf{b} \\in \\mathbb{R}^{1 \\times h}$.\n\n"
     "$$(XW + \\mathbf{b})V = XWV + V\\mathbf{b}$$", ["invalid"]),
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $W \\in \\mathbb{R}^{d \\times h}$, $V \\in \\mathbb{R}^{h \\times h}$, $\\mathbf{b} \\in \\mathbb{R}^{1 \\times h}$.\n\n"
     "$$(XW + \\mathbf{b})V = XWV + \\mathbf{b}$$", ["invalid"]),
    # --- a condition on indices said before its formula ("when $i \neq j$: ...") holds for that formula: the softmax's
    # off-diagonal derivative -p_i p_j is right there (and wrong at i = j, where it is p_i(1 - p_i)); its sign flipped is wrong
    ("when $i \\neq j$: $\\frac{\\partial}{\\partial z_j}\\frac{e^{z_i}}{\\sum_{m=1}^n e^{z_m}} = -\\frac{e^{z_i}e^{z_j}}{(\\sum_{m=1}^n e^{z_m})^2}$", ["valid"]),
    ("when $i \\neq j$: $\\frac{\\partial}{\\partial z_j}\\frac{e^{z_i}}{\\sum_{m=1}^n e^{z_m}} = \\frac{e^{z_i}e^{z_j}}{(\\sum_{m=1}^n e^{z_m})^2}$", ["invalid"]),
    ("$\\frac{\\partial}{\\partial z_j}\\frac{e^{z_i}}{\\sum_{m=1}^n e^{z_m}} = -\\frac{e^{z_i}e^{z_j}}{(\\sum_{m=1}^n e^{z_m})^2}$", ["invalid"]),
    # --- a sum typed with the letter of a free index (\sum_j beside z_j, the derivative's variable): the sum's own index;
    # a term after it that uses the free letter is not pulled into the sum (p_j S - p_j^2, not p_j sum(1 - p_j))
    ("when $i \\neq j$: $\\frac{\\partial}{\\partial z_j}\\frac{e^{z_i}}{\\sum_{j=1}^n e^{z_j}} = -\\frac{e^{z_i}e^{z_j}}{(\\sum_{j=1}^n e^{z_j})^2}$", ["valid"]),
    ("$$\\frac{\\partial}{\\partial z_j}\\frac{e^{z_j}}{\\sum_{j=1}^{n} e^{z_j}} = \\frac{e^{z_j}\\sum_{j=1}^{n} e^{z_j} - e^{2z_j}}{(\\sum_{j=1}^{n} e^{z_j})^2}$$", ["valid"]),
    ("$$\\frac{\\partial}{\\partial z_j}\\frac{e^{z_j}}{\\sum_{j=1}^{n} e^{z_j}} = \\frac{e^{z_j}\\sum_{j=1}^{n} e^{z_j} + e^{2z_j}}{(\\sum_{j=1}^{n} e^{z_j})^2}$$", ["invalid"]),
    ("$$y_i \\sum_{i=1}^{3} y_i - y_i^2 = y_i(y_1 + y_2 + y_3) - y_i^2$$", ["valid"]),
    ("$$y_i \\sum_{i=1}^{3} y_i - y_i^2 = y_i(y_1 + y_2 + y_3 - y_1^2 - y_2^2 - y_3^2)$$", ["invalid"]),
    # --- a bare \sum over the free index's own name (p_t = e^{y_t} / \sum e^{y_t}, y_t the scores at time t) sums the
    # vector's entries, loosely: no index slip; a sum whose index is written as the free one still is
    ("$$y_t = W h_t$$\n\n$$p_t = \\frac{\\exp(y_t)}{\\sum \\exp(y_t)}$$", ["definition", "definition"]),
    ("$$y_t = W h_t$$\n\n$$p_t = \\frac{\\exp(y_t)}{\\sum_t \\exp(y_t)}$$", ["definition", "invalid"]),
    # --- a label said one-hot in words ("$t$ is 1 in the $c^{th}$ position and 0 elsewhere"): t_c = 1, the rest 0
    ("The target $t$ is 1 in the $c^{th}$ position and 0 elsewhere, so $-\\sum_{k=1}^{K} t_k \\log q_k = -\\log q_c$.", ["valid"]),
    ("The target $t$ is 1 in the $c^{th}$ position and 0 elsewhere, so $-\\sum_{k=1}^{K} t_k \\log q_k = -\\log q_1$.", ["invalid"]),
    ("The label $y$ is 1 at the $c$-th entry and 0 otherwise, so $\\sum_{k=1}^{K} y_k (q_k - 1) = q_c - 1$.", ["valid"]),
    ("The label $y$ is 1 at the $c$-th entry and 0 otherwise, so $\\sum_{k=1}^{K} y_k (q_k - 1) = q_c$.", ["invalid"]),
    # --- a sum over a family of vectors (u_w, one for each w: word2vec's outside vectors) differentiated by one member in
    # the step itself is not judged either way (with one symbol for u_w every term would be the same vector: V times the
    # derivative, a false alarm whether the line is right or wrong)
    ("$$\\frac{\\partial}{\\partial u_w}\\log\\sum_{w=1}^{V}\\exp(u_w^Tv_c) = \\frac{\\exp(u_w^Tv_c)v_c}{\\sum_{w=1}^{V}\\exp(u_w^Tv_c)}$$", ["undecided"]),
    ("$$-\\frac{\\partial}{\\partial u_k}\\sum_{k=1}^K\\log(\\sigma(-u_k^Tv_c)) = (1-\\sigma(-u_k^Tv_c))v_c$$", ["undecided"]),
    ("$$-\\frac{\\partial}{\\partial u_k}\\sum_{k=1}^K\\log(\\sigma(-u_k^Tv_c)) = -(1-\\sigma(-u_k^Tv_c))v_c$$", ["undecided"]),
    # --- arrows labelled with a weight's name draw a network (x -> h through w_1), not values equal to each other; an
    # arrow labelled in words ("expand") still joins two sides of a step
    ("A tiny network: $x \\xrightarrow{w_1} h \\xrightarrow{w_2} \\hat{y}$.\n\n$$h = \\sigma(w_1 x)$$", ["definition"]),
    ("$$(x+1)^2 \\xrightarrow{\\text{expand}} x^2 + 2x + 1$$", ["valid"]),
    ("$$(x+1)^2 \\xrightarrow{\\text{expand}} x^2 + 2x + 2$$", ["invalid"]),
    # --- a declared matrix H and its entries H_{jk} in one step are one matrix (z^T H w = sum_jk z_j H_jk w_k), as a
    # column and its entries are; the entries transposed, or a repeated index, do not give it
    ("Let $H \\in \\mathbb{R}^{n \\times n}$ and $z \\in \\mathbb{R}^n$.\n\n$$z^T H z = \\sum_{j=1}^{n} \\sum_{k=1}^{n} H_{jk} z_j z_k$$", ["valid"]),
    ("Let $H \\in \\mathbb{R}^{n \\times n}$ and $z \\in \\mathbb{R}^n$.\n\n$$z^T H z = \\sum_{j=1}^{n} \\sum_{k=1}^{n} H_{jk} z_j z_j$$", ["invalid"]),
    ("Let $H \\in \\mathbb{R}^{n \\times m}$, $z \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^m$.\n\n$$z^T H w = \\sum_{j=1}^{n} \\sum_{k=1}^{m} z_j H_{jk} w_k$$", ["valid"]),
    ("Let $H \\in \\mathbb{R}^{n \\times n}$, $z \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^n$.\n\n$$z^T H w = \\sum_{j=1}^{n} \\sum_{k=1}^{n} z_j H_{kj} w_k$$", ["invalid"]),
    # --- |A| of a square matrix is its determinant, and A^{-T} the inverse's transpose (only a square matrix has one):
    # d log|A| / dA = A^{-T}; A^{-1}A^{-T} is not; |x| of a number stays its absolute value
    ("$$\\frac{\\partial}{\\partial A} \\log \\vert A \\vert = A^{-T}$$", ["valid"]),
    ("$$\\frac{\\partial}{\\partial A} \\log |A| = A^{-1}A^{-T}$$", ["invalid"]),
    ("Let $\\Sigma \\in \\mathbb{R}^{n \\times n}$.\n\n$$\\log |\\Sigma^{-1}| = -\\log |\\Sigma|$$", ["valid"]),
    ("Let $\\Sigma \\in \\mathbb{R}^{n \\times n}$.\n\n$$\\log |\\Sigma^{-1}| = \\log |\\Sigma|$$", ["invalid"]),
    ("$$\\frac{d}{dx} |x|^2 = 2x$$", ["valid"]),
    # --- a family of vectors only inside sums (x_i under \sum_i) is read with every member one vector: a difference found
    # so is a real one, an equality only a special case (undecided); a member beside its family's sum (u_o beside
    # \sum_w u_w) leaves a step undecided; a definition keeps it (its derivatives are worked out member by member)
    ("Let $w \\in \\mathbb{R}^d$ and $x_i \\in \\mathbb{R}^d$.\n\n$$\\sum_{i=1}^n (w^T x_i) x_i = \\sum_{i=1}^n x_i x_i^T w$$", ["undecided"]),
    ("Let $w \\in \\mathbb{R}^d$ and $x_i \\in \\mathbb{R}^d$.\n\n$$\\sum_{i=1}^n (w^T x_i) x_i = \\sum_{i=1}^n x_i^T x_i w$$", ["invalid"]),
    ("$$J = -u_o^Tv_c + \\log \\sum_{w=1}^{V} \\exp(u_w^T v_c)$$", ["definition"]),
    # --- A \pm B is a sum for its shape (either sign), not A times B: an identity in \pm is not a shape mistake (its two
    # readings are not judged)
    ("Let $A \\in \\mathbb{R}^{m \\times n}$ and $B \\in \\mathbb{R}^{m \\times n}$.\n\n$$tr(A\\pm B) = tr(A)\\pm tr(B)$$", ["unparsed"]),
    # --- three items or more of one list, each opening with a formula for the same left side, are cases (as labelled
    # items are): a later item's formulas hold for its own case, not claims about the earlier one's; a claim inside a
    # case is checked against that case; two items may restate one formula, checked; items of three lists are no cases
    ("\\begin{enumerate}\n\\item $\\phi_j(x) = x^j$ and $f(x) = x/2$.\n\\item $\\phi_j(x) = e^{-(x - j)^2}$ and $f(x) = x/4$.\n"
     "\\item $\\phi_j(x) = \\cos(x/j)$ and $f(x) = 3x$.\n\\end{enumerate}",
     ["definition", "definition", "definition", "definition", "definition", "definition"]),
    ("\\begin{enumerate}\n\\item $g(x) = x^2$.\n\\item $g(x) = e^{-x}$.\n"
     "\\item $g(x) = \\cos(x)$, so $g(0) = 1$.\n\\end{enumerate}", ["definition", "definition", "definition", "valid"]),
    ("\\begin{enumerate}\n\\item $g(x) = x^2$.\n\\item $g(x) = e^{-x}$.\n"
     "\\item $g(x) = \\cos(x)$, so $g(0) = 0$.\n\\end{enumerate}", ["definition", "definition", "definition", "invalid"]),
    ("\\begin{enumerate}\n\\item $f(x) = x^2 + 2x$.\n\\item $f(x) = x(x + 3)$.\n\\end{enumerate}", ["definition", "invalid"]),
    ("- $g(x) = x^2$\n- $g(x) = e^{-x}$\n- $g(x) = \\cos(x)$\n", ["definition", "definition", "definition"]),
    ("- $g(x) = x^2$\n\nand\n\n- $g(x) = e^{-x}$\n\nand\n\n- $g(x) = \\cos(x)$\n", ["definition", "invalid", "definition"]),
    # --- derivatives by different variables in one chain ending in zero (dL/dw = dL/db = 0) are conditions set together,
    # not a claim that they agree; a formula solving them for w, written through a name defined through w, is a system
    # being solved, not a circle of definitions; without the derivatives set to zero, such a circle is still a slip
    ("Let $\\hat{y}_i = x_i w + b$ and $L = \\sum_{i=1}^{n} (\\hat{y}_i - y_i)^2$.\n\nAt the optimum $\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial b} = 0$.",
     ["definition", "definition", "definition", "definition"]),
    ("Let $L = (w - 1)^2 + (b - 2)^2$.\n\n$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial b} = 2(b - 2)$$", ["definition", "invalid", "valid"]),
    ("Let $\\hat{y}_i = x_i w + b$ and $L = \\sum_{i=1}^{n} (\\hat{y}_i - y_i)^2$.\n\nAt the optimum $\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial b} = 0$, so\n\n"
     "$$w = \\frac{\\sum_{i=1}^{n} x_i(\\hat{y}_i - y_i)}{\\sum_{i=1}^{n} x_i^2}$$", ["definition", "definition", "definition", "definition", "definition"]),
    ("The hidden output is $a_1 = \\sigma(o_1)$.\n\n$$o_1 = w_5 a_1 + w_6 a_2$$", ["invalid", "definition"]),
    # --- words right after a formula that make it an approximation in a limit ("as p is very small", "for small x",
    # "when x is close to zero", after a display too): a link that does not hold exactly is not judged; without them it is
    ("Then $q = 1 - (1 - p)^{\\frac{1}{m}} = 1 - (1 - \\frac{p}{m}) = \\frac{p}{m}$ as p is very small.", ["definition", "undecided", "valid"]),
    ("Also $\\sin(x) = x$ for small $x$.", ["undecided"]),
    ("$$e^x = 1 + x$$\nwhen $x$ is close to zero.", ["undecided"]),
    ("$$e^x = 1 + x$$\n\nThis holds for every $x$.", ["invalid"]),
    ("Then $q = 1 - (1 - p)^{\\frac{1}{m}} = 1 - (1 - \\frac{p}{m})$ as we showed.", ["definition", "invalid"]),
    # --- a vector the uses make 1 x 1 (no size declared): a claim that holds only for a vector of one entry (a a^T = a^T a,
    # an outer product against an inner one) is not proved; the whole transposed (a^T w = w^T a) still is, and numbers are
    ("$$a a^T = a^T a$$", ["undecided"]),
    ("$$g(a) = a^T w$$\n\n$$a a^T = a^T a$$", ["definition", "undecided"]),
    ("$$g(a) = a^T w$$\n\n$$a^T w = w^T a$$", ["definition", "valid"]),
    ("$$x^T x = \\sum_i x_i^2$$", ["valid"]),
    ("$$a b = b a$$", ["valid"]),
    # --- a LaTeX comment inside a formula (% to the end of the line) is not part of it
    ("\\begin{document}\n$$ x^2 - 1 % expand it\n = (x-1)(x+1) $$\n\\begin{align}\ny &= 2x % a note\n\\\\ &= x + x\n\\end{align}\n\\end{document}",
     ["valid", "definition", "valid"]),
    ("\\begin{document}\n$$ x^2 - 1 % expand it\n = (x-1)(x+2) $$\n\\end{document}", ["invalid"]),
    # --- a bare \sum before a vector (or a function of one) with no index written sums its entries; a length the text
    # declares for the vector is the only one it has (a sum written out with too few terms is wrong, not "a shorter vector")
    ("$$p_i = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}$$\n\n$$\\sum p = 1$$", ["definition", "valid"]),
    ("Let $x \\in \\mathbb{R}^3$.\n\n$$\\sum \\exp(x) = e^{x_1} + e^{x_2} + e^{x_3}$$", ["valid"]),
    ("Let $x \\in \\mathbb{R}^3$.\n\n$$\\sum \\exp(x) = e^{x_1} + 2e^{x_2} + e^{x_3}$$", ["invalid"]),
    ("Let $x \\in \\mathbb{R}^3$.\n\n$$\\sum x = x_1 + x_2$$", ["invalid"]),
    ("Let $x \\in \\mathbb{R}^3$.\n\n$$\\sum_{i} x_i = x_1 + x_2$$", ["invalid"]),
    ("$$\\sum_{i} x_i = x_1 + x_2$$", ["valid"]),
    # --- a course style file's shorthands the text never defines (\bx, \boldx, \vx, \bSigma, \mW, \mcN, \R) read as the
    # convention has them: bold letters, calligraphic, the reals; a command the text defines keeps its own meaning
    ("\\begin{document}\nLet $\\bx \\in \\R^n$ and $\\bA \\in \\R^{n \\times n}$.\n$$\\nabla_{\\bx} \\bx^T \\bA \\bx = (\\bA + \\bA^T)\\bx$$\n"
     "$$\\nabla_{\\bx} \\bx^T \\bA \\bx = 2\\bA\\bx$$\n\\end{document}", ["valid", "invalid"]),
    ("\\begin{document}\nLet $\\vx \\in \\R^n$ and $\\mW \\in \\R^{m \\times n}$.\n$$\\nabla_{\\vx} \\|\\mW\\vx\\|^2 = 2\\mW^T\\mW\\vx$$\n\\end{document}", ["valid"]),
    ("\\begin{document}\nLet $\\vx \\in \\R^n$ and $\\mW \\in \\R^{m \\times n}$.\n$$\\nabla_{\\vx} \\|\\mW\\vx\\|^2 = 2\\mW\\mW^T\\vx$$\n\\end{document}", ["invalid"]),
    ("\\begin{document}\n\\newcommand{\\bx}{x}\n$$\\bx^2 - 1 = (\\bx - 1)(\\bx + 1)$$\n\\end{document}", ["valid"]),
    ("\\begin{document}\n$$\\bs{x}^T\\bs{x} = \\bx^T\\bx$$\n\\end{document}", ["unparsed"]),  # \\bs{...} takes an argument: no letter's shorthand
    # --- \mbox{if } in a cases block is \text{if } (an old LaTeX habit)
    ("$$\\theta(s) = \\begin{cases} -1, & \\mbox{if } s < -1 \\\\ s, & \\mbox{otherwise} \\end{cases}$$\n\n$$\\theta(-2) = -1$$\n\n$$\\theta(-2) = -2$$",
     ["definition", "valid", "invalid"]),
    # --- the derivative by u_o of a loss that sums over the whole vocabulary (to V, |V|, or over w \in V) takes u_o's own
    # term of the sum too: -v_c alone drops the softmax's share (it was "valid"); a sum over K negative samples holds no
    # u_o (rows above); over a range that does not say (to N), no derivative is worked out
    ("$$J = -u_o^{\\top}v_c + \\log\\sum_{w=1}^{V} \\exp(u_w^{\\top}v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_o} = -v_c$$", ["definition", "invalid"]),
    ("$$J = -u_o^{\\top}v_c + \\log\\sum_{w \\in V} \\exp(u_w^{\\top}v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_o} = -v_c$$", ["definition", "invalid"]),
    ("$$J = -u_o^{\\top}v_c + \\log\\sum_{w=1}^{|V|} \\exp(u_w^{\\top}v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_o} = -v_c$$", ["definition", "invalid"]),
    ("$$J = -u_o^{\\top}v_c + \\log\\sum_{w=1}^{N} \\exp(u_w^{\\top}v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_o} = -v_c$$", ["definition", "definition"]),
    # by a member w of the sum's own family inside a log: its own term, and the other words' share stays (v_c alone was "valid")
    ("$$J = -u_o^{\\top}v_c + \\log\\sum_{w=1}^{V} \\exp(u_w^{\\top}v_c)$$\n\n$$\\frac{\\partial J}{\\partial u_w} = v_c$$", ["definition", "invalid"]),
    # --- a font and one letter in braces, then a script ({\boldsymbol u}_{o}, {\bf x}_i): that letter in the font carries
    # the script, as \boldsymbol{u}_{o} does
    ("$${\\bf x}_i^2 - 1 = ({\\bf x}_i - 1)({\\bf x}_i + 1)$$", ["valid"]),
    ("$${\\bf x}_i^2 - 1 = ({\\bf x}_i - 1)({\\bf x}_i + 2)$$", ["invalid"]),
    ("$$J = -\\log \\sigma({\\boldsymbol u}_{o}^{\\top}{\\boldsymbol v}_{c})$$\n\n$$\\frac{\\partial J}{\\partial {\\boldsymbol u}_{o}} = (\\sigma({\\boldsymbol u}_{o}^{\\top}{\\boldsymbol v}_{c}) - 1){\\boldsymbol v}_{c}$$",
     ["definition", "valid"]),
    ("$$J = -\\log \\sigma({\\boldsymbol u}_{o}^{\\top}{\\boldsymbol v}_{c})$$\n\n$$\\frac{\\partial J}{\\partial {\\boldsymbol u}_{o}} = (1 - \\sigma({\\boldsymbol u}_{o}^{\\top}{\\boldsymbol v}_{c})){\\boldsymbol v}_{c}$$",
     ["definition", "invalid"]),
    # --- a letter between a row and a matrix (a^T c X X^T a) scales the row: a number, not a matrix (the true expansion
    # of a^T [I - cXX^T]^2 a was called wrong, c taken for a matrix)
    ("Let $X \\in \\mathbb{R}^{n \\times m}$ and $a \\in \\mathbb{R}^n$.\n\n$$a^T c X X^T a = c\\, a^T X X^T a$$", ["valid"]),
    ("Let $X \\in \\mathbb{R}^{n \\times m}$ and $a \\in \\mathbb{R}^n$.\n\n$$a^T c X X^T a = c^2 a^T X X^T a$$", ["invalid"]),
    ("Let $X \\in \\mathbb{R}^{n \\times m}$ and $a \\in \\mathbb{R}^n$.\n\n$$a^T\\left[I - cXX^T\\right]^2 a = a^T\\left[I - 2cXX^T + c^2 XX^TXX^T\\right]a$$", ["valid"]),
    # --- an algorithm whose steps repeat ("repeat until convergence", coordinate descent): a name computed from another that
    # the next step computes from it is a loop's update, not a circle; without such words it still is one
    ("Repeat until convergence:\n\n- Compute $\\rho = x(y - w x)$.\n- Set $w = \\rho / 2$.\n", ["definition", "definition"]),
    ("Then:\n\n- Compute $\\rho = x(y - w x)$.\n- Set $w = \\rho / 2$.\n", ["invalid", "definition"]),
    # --- a row scales a matrix entry by entry row by row (\gamma \odot \hat{X}, \gamma \in R^{1 x D}), as numpy broadcasts it:
    # no shape mistake; a row of another length still is one
    ("Let $\\gamma, \\beta \\in \\mathbb{R}^{1 \\times D}$ and $\\hat{X} \\in \\mathbb{R}^{N \\times D}$.\n\n$$Y = \\gamma \\odot \\hat{X} + \\beta$$\n", ["unparsed"]),
    ("Let $\\gamma \\in \\mathbb{R}^{1 \\times 3}$, $\\beta \\in \\mathbb{R}^{1 \\times 2}$ and $\\hat{X} \\in \\mathbb{R}^{4 \\times 2}$.\n\n$$Y = \\gamma \\odot \\hat{X} + \\beta$$\n", ["invalid"]),
    # --- a name numbered after a base and declared a vector of its own (z_2 \in R^n) is that vector, not entry 2 of z
    ("Let $z_2 \\in \\mathbb{R}^{n}$ and $z_1 \\in \\mathbb{R}^{n}$, with $z_1 + \\dots + z_n = s$.\n\nElement-wise, $\\sigma(z_1)(1 - \\sigma(z_1)) = z_2(1 - z_2)$.\n",
     ["undecided", "undecided"]),
    # --- "one-hot" set in a font (\textbf{one-hot}) after the label still says it is one-hot, and a hot letter typed as a
    # plain word ("a 1 for the true outside word o") is where its 1 is
    ("\\begin{document}\n$y$ is a \\textbf{one-hot} vector with a 1 for the true outside word o, and 0 everywhere else.\n"
     "$$-\\sum_{w=1}^{V} y_w \\log(\\hat{y}_w) = - \\log (\\hat{y}_o)$$\n\\end{document}", ["valid"]),
    ("\\begin{document}\n$y$ is a \\textbf{one-hot} vector with a 1 for the true outside word o, and 0 everywhere else.\n"
     "$$-\\sum_{w=1}^{V} y_w \\log(\\hat{y}_w) = - \\log (1 - \\hat{y}_o)$$\n\\end{document}", ["invalid"]),
]


@pytest.mark.parametrize("text, verdicts", ROWS)
def test_a_write_up_of_each_kind_is_read_as_its_author_meant(text, verdicts):
    assert [step.verdict for step in check_derivation_now(text).steps] == verdicts


@pytest.mark.parametrize("prime", ["^{\\prime}", "^\\prime", "'"])
def test_a_side_shows_its_prime_as_typed(prime):
    """A prime typed as a command (^{\\prime}) is shown whole in the side, not cut to ^."""
    steps = check_derivation_now(f"$$f(x) = x^2$$\n\n$$f{prime}(x) = (x^2){prime} = 2x$$").steps
    assert [(step.lhs, step.rhs) for step in steps[1:]] == [(f"f{prime}(x)", f"(x^2){prime}"), (f"(x^2){prime}", "2x")]


# Loose writing around right mathematics, each a false alarm on a public write-up once: every line below holds (by
# hand), so no step may be called wrong, whatever else is said of it.
RIGHT_BUT_LOOSE = [
    # sigma(z) = P, then a chain of => lines: that names P; sigma stays e^z/(1 + e^z), for which sigma(-z) = 1 - sigma(z)
    ("$$\\sigma(z) = \\frac{e^z}{1 + e^z}$$\n\nWe map $z = w_1x_1 + w_2x_2 + b$ to a probability.\n\n## Decision boundary\n\n"
     "$$\\begin{align*}\n\\sigma(z) &= P \\\\\n=> P &= \\frac{1}{1 + e^{-z}} \\\\\n=> 0.5 &= \\frac{1}{1 + e^{-z}} \\\\\n=> 1 &= e^{-z} \\\\\n=> z &= 0\n"
     "\\end{align*}$$\n\n$$\\sigma(-z) = 1 - \\sigma(z)$$"),
    # cases listed, each with its own numbers, not claims that y or p changed
    "$$\\begin{align*} y = 1, p = 0, \\quad \\text{error} \\\\ y = 0, p = 1, \\quad \\text{error} \\\\ y = 1, p = 1, \\quad \\text{good} \\end{align*}$$",
    "$$\\begin{align*} y = 1, p &= 0.1, \\quad \\text{big error} \\\\ y = 1, p &= 0.3, \\quad \\text{minor error} \\\\ y = 1, p &= 0.9 \\end{align*}$$",
    # a name of two words joined by a hyphen: Log-Odds, not L o g minus Odds
    "$$Odds = \\frac{P}{1 - P}$$\n\n$$Log-Odds = \\ln(\\frac{P}{1-P})$$",
    # "when i != target" says which case, after "when i = target" (which is no value of i either)
    "When $i = target$, the gradient is $p_i - 1$.\n\nWhen $i \\neq target$, the gradient is $p_i$.",
    # a line defining sigma as a softmax that cannot be read: sigma is then the text's own, not the logistic
    ("$$\\sigma(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum^K_{j=1}e^{z_j}}$$\n\n"
     "$$\\frac{\\partial[\\sigma(\\mathbf{a})]_i}{\\partial a_j} = \\frac{\\partial}{\\partial a_j}\\frac{e^{a_i}}{\\sum^K_{k=1}e^{a_k}}$$"),
    # a list the prose offers as choices: each item defines phi anew (tanh, then ReLU), not a claim that tanh = ReLU
    ("For example, popular choices include element-wise application of\n\n- $\\phi(z) = \\tanh(z)$ where $\\phi'(z) = 1 - \\tanh^2(z)$\n\n"
     "- $\\phi(z) = ReLU(z) = \\max(0, z)$ where $\\phi'(z) = \\mathbf{1}_{z \\gt 0}$"),
    ("Common activations such as:\n\n1. $f(x) = \\sigma(x)$, with $f'(x) = \\sigma(x)(1 - \\sigma(x))$\n2. $f(x) = \\tanh(x)$, with $f'(x) = 1 - \\tanh^2(x)$"),
    # cases of a Kronecker-like derivative with i = j compared: a_i and a_j are entries of one vector a
    "$$g_i = e^{a_i}$$\n\n$$\\frac{\\partial}{\\partial a_j}g_i = \\begin{cases} e^{a_i} & i=j \\\\ 0 & i\\neq j \\end{cases}$$\n\nwhere $h_i = \\sum^K_{k=1}e^{a_k}$.",
    # the normal equations solved by substitution: a isolated through b, then b through a; both names were in the
    # equations before, so this is solving (a system), not a circular definition
    ("$$a\\sum x_i^2 + b\\sum x_i = \\sum x_i y_i$$\n\nIsolate $a$:\n\n$$a = \\frac{\\sum x_i y_i - b\\sum x_i}{\\sum x_i^2}$$\n\n"
     "$$a\\sum x_i + bN = \\sum y_i$$\n\nIsolate $b$:\n\n$$b = \\frac{\\sum y_i - a\\sum x_i}{N}$$"),
    # a function's signature before its formula (J: R^2 -> R, J(theta) = ...) declares its domain: no equation J = R^2
    "$$J: \\mathbb{R}^2 \\to \\mathbb{R}, \\quad J(\\theta_1, \\theta_2) = \\theta_1^2 + 3\\theta_2^2$$\n\n$$\\frac{\\partial J}{\\partial \\theta_1} = 2\\theta_1$$",
    # a softmax named p in prose and differentiated where applied: dp(o_1)/do_1 = p(o_1)(1 - p(o_1)) is about the
    # function p, not p times o_1 (whose derivative would be p)
    "Let softmax(x) function be $p(x)$.\n\n$$\\frac{\\partial p(o_1)}{\\partial o_1} = p(o_1)(1 - p(o_1))$$",
    # a vector's squared norm beside its entries: 1/2 ||y - a||^2 = 1/2 sum_k (y_k - a_k)^2 (the bold letters are vectors)
    "$$\\frac12 \\| \\mathbf{y} - \\mathbf{a} \\|^2 = \\frac12 \\sum_{k} | y_k - a_k |^2$$",
    # a row vector's diag is square as long as the row: diag([s_1 s_2]) - s^T s is 2 x 2, no shape slip
    ("Here $\\mathbf s$ is a row vector.\n\n$$\\mathbf s = \\begin{bmatrix} s_1 & s_2 \\end{bmatrix}$$\n\n"
     "$$\\frac{\\partial \\mathbf s}{\\partial \\mathbf x} = \\text{diag}(\\mathbf s) - \\mathbf s^\\top \\mathbf s$$"),
    # the derivative by an entry w_i of a loss written through the whole vector w: 2(w^T x - y) x_i is right (by hand), and
    # reading w_i as a name the formula does not hold made it 0
    "Let $w, x \\in \\mathbb{R}^3$ and $y \\in \\mathbb{R}$.\n\n$$L = (w^T x - y)^2$$\n\n$$\\frac{\\partial}{\\partial w_i} L = 2(w^T x - y) x_i$$",
    # the same gradient as H theta with H = diag(4, 8) given just below ("where"): right, whatever else is said of it
    BY_ENTRIES + "$$\\nabla J(\\boldsymbol{\\theta}) = \\mathbf{H} \\boldsymbol{\\theta}$$\n\nwhere\n\n$$\\mathbf{H} = \\begin{bmatrix} 4 & 0 \\\\ 0 & 8 \\end{bmatrix}$$",    # a sum over a primed index (k') beside the k outside it: another letter, no index slip
    "$$y_k = \\frac{e^{x_k}}{\\sum_{k'=1}^D e^{x_{k'}}}$$",
]


@pytest.mark.parametrize("text", RIGHT_BUT_LOOSE)
def test_right_mathematics_written_loosely_is_never_called_wrong(text):
    assert "invalid" not in [step.verdict for step in check_derivation_now(text).steps]


def test_a_sum_over_infinitely_many_values_of_an_undefined_function_is_not_judged_and_says_why():
    """A convolution of f and g the write-up never defines: no stand-in function has a value there (sympy's attempt ran to
    the step's time limit, on each of the seed's eight such lines); undecided at once, never invalid, saying why."""
    text = "$$(f * g)[n] = \\sum_{k=-\\infty}^{\\infty} f(k) \\cdot g(n-k)$$\n\n$$\\sum_{k=-\\infty}^{\\infty} f(k) g(n-k) = \\sum_{i=-\\infty}^{\\infty} f(i) g(n-i)$$"
    steps = check_derivation_now(text).steps
    assert [step.verdict for step in steps] == ["undecided", "undecided"], [(s.verdict, s.feedback) for s in steps]
    assert all("infinitely many values of f, g" in step.feedback for step in steps), [s.feedback for s in steps]


def test_a_definition_that_does_not_fit_its_use_says_which_name():
    (text,) = [text for text, _ in ROWS if "w^\\top x + y = 3" in text]
    steps = check_derivation_now(text).steps
    assert "w^T x has shape 1 x 1 but y has 2 x 1" in steps[-1].feedback, steps[-1].feedback


def test_a_vector_added_to_a_number_says_which_name():
    """y is [1, 2]^T (given in another section), so 3y + 1 adds a number to a vector: unread, naming y."""
    text = "# One\n\n$$y = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n# Two\n\n$$3 y + 1 = 3$$\n"
    step = check_derivation_now(text).steps[-1]
    assert step.verdict == "unparsed" and "a vector or matrix (of y) is added to a number" in step.feedback, step.feedback


def test_a_script_digit_typed_apart_from_its_letter_in_a_plain_formula_is_no_crash():
    """`L = (y - ŷ) ²` typed without $...$, the square apart from its bracket: the line was an IndexError in the document
    reader (a 'word' of script digits alone); now the write-up is read and the line gets a verdict."""
    steps = check_derivation_now("Loss:\n\nL = (3 - 1) ² = 4\n").steps
    assert steps and all(step.verdict in ("valid", "definition", "undecided", "unparsed") for step in steps), [s.verdict for s in steps]


def test_a_function_of_two_values_named_like_a_course_function_of_one_is_not_that_function():
    """H(p, q) (a cross-entropy) beside the course's Heaviside H(x): applying the one-value H to two values crashed the
    step ("could not decide (BadArgumentsError)"); it is a function of its own, and H(p, q) = H(q, p) holds for some such
    functions and not others: undecided, never invalid."""
    step = check_derivation_now("$$H(p, q) = \\log$$\n\n$$H(p, q) = H(q, p)$$").steps[-1]  # its definition unreadable
    assert step.verdict == "undecided" and "could not decide" not in step.feedback, (step.verdict, step.feedback)


def test_a_free_index_ranges_over_the_entries_a_formula_writes_out():
    """a_0 = v_00 z_0 + v_01 z_1 + v_02 z_2 put into da_0/dv_{0i} = z_i: the derivative is a sum of deltas at 0, 1, 2, so i
    is compared there (at i = 3 the formula has no term, and z_3 no meaning); deltas the step writes itself change nothing,
    nor does one delta alone (y_i(delta_{i0} - y_0) is about every i)."""
    from derivs.writeup.claims import _written_positions

    i = sympy.Symbol("i", integer=True)
    v, z = sympy.IndexedBase("v"), sympy.IndexedBase("z")
    a_0 = v[0, 0] * z[0] + v[0, 1] * z[1] + v[0, 2] * z[2]
    put_in = (sympy.diff(a_0, v[0, i]), z[i])
    assert _written_positions((sympy.Symbol("L"), z[i]), put_in, {}) == {i: sympy.Range(0, 3)}
    assert _written_positions(put_in, put_in, {}) == {}  # written in the step: its own
    one = (sympy.KroneckerDelta(i, 0) * z[0], z[i])
    assert _written_positions((sympy.Symbol("L"), z[i]), one, {}) == {}


def test_a_template_renewing_part_does_not_change_partial_and_part_reads_as_partial_in_maths():
    """\\part is LaTeX's sectioning command (templates renew it) and Typora's \\partial: a renewal must not turn each
    \\partial into the template's heading (it did once \\part read as \\partial), and \\part in maths is the derivative.
    d/dx x^2 = 2x is right, = 3x wrong."""
    template = ("\\documentclass{article}\n\\renewcommand{\\part}[1]{\\textbf{Part #1}\\stepcounter{partCounter}\\\\}\n"
                "\\begin{document}\n\\[ \\frac{\\partial}{\\partial x} x^2 = 2x \\]\n\\[ \\frac{\\partial}{\\partial x} x^2 = 3x \\]\n\\end{document}\n")
    assert [step.verdict for step in check_derivation_now(template, form="latex").steps] == ["valid", "invalid"]
    typed = "$$\\frac{\\part}{\\part x} x^2 = 2x$$\n\n$$\\frac{\\part}{\\part x} x^2 = 3x$$"
    assert [step.verdict for step in check_derivation_now(typed).steps] == ["valid", "invalid"]


def test_a_name_alone_beside_entries_is_found_through_a_derivative_by_an_entry():
    """p written alone beside a patterned vector of p's entries is the mix `_alone_and_by_entries` reports; a derivative by
    an entry (dJ/du_1, as a gradient written entry by entry has) on the same side crashed it ("could not decide
    (ValueError)": the entry was put to 0, and sympy cannot differentiate by 0). The entries of u are not p's."""
    from derivs.writeup.claims import _alone_and_by_entries

    i, j = sympy.symbols("i j", integer=True)
    u, p = sympy.IndexedBase("u"), sympy.IndexedBase("p")
    patterned = sympy.FunctionMatrix(3, 1, sympy.Lambda((i, j), p[i]))
    by_an_entry = sympy.Derivative(sympy.Function("J")(u[1]), u[1])
    assert _alone_and_by_entries(by_an_entry + sympy.Symbol("p"), patterned) == ["p"]
    assert _alone_and_by_entries(by_an_entry, patterned) == []


def test_a_word_learned_from_its_mathrm_spelling_says_the_line_that_spells_it():
    """{ zo }_{ 1 } (an equation editor's braces: the one name zo_1, as \\mathrm{zo}_1) on line 3 makes the plain zo_{ 1 }
    of line 5 the same name; --notation says where it learned that (it said "line 0")."""
    text = "Some words.\n\n$${ o }_{ 1 } = \\sigma({ zo }_{ 1 })$$\n\n$$zo_{ 1 } = w_7 h_1 + b_2$$\n"
    notes = [note for note in check_derivation_now(text).notation if "zo is a word" in note]
    assert len(notes) == 1 and "line 3: zo is a word" in notes[0], notes


@pytest.mark.parametrize("text", [
    "$$L = \\sum_{i} w_{i}^2$$\n\n$$\\frac{\\partial L}{\\partial w} = 0$$",
    "$$L(w) = \\sum_{i=1}^{3} w_{i}^2$$\n\n$$\\frac{\\partial}{\\partial w} L(w) = 0$$",
    "$$R(w)=\\sum_{i, j} w_{i, j}^2$$\n\n$$\\frac{\\partial}{\\partial w} R(w) = 0$$",
    # two entries of one table at other index letters, read as two names, are not unrelated: d/dX_{ij} h(X_{mj}) is
    # delta_{mi} h'(X_{mj}), not 0
    "$$\\frac{\\partial}{\\partial X_{ij}} h(X_{mj}) = 0$$",
])
def test_a_derivative_by_a_whole_vector_of_its_entries_is_never_proved_zero(text):
    """d/dw of sum_i w_i^2 is the gradient 2w, never 0: with w read as a number apart from its entries w_i the
    derivative came out 0 and `= 0` was proved. Whatever else is said of the last line, it is not valid."""
    assert check_derivation_now(text).steps[-1].verdict != "valid"


def test_a_summed_chain_that_ends_at_another_entry_is_not_the_chain_rule():
    """sum_{m,n,f} dL/do_{mn} do_{mn}/da_f da_f/dk_{im} cancels to dL/dk_{im} summed over m, not to dL/dk_{ij}: whatever is
    said of the line, it is not valid as the chain rule."""
    text = ("$$\\frac{\\partial L}{\\partial k_{i,j}} = \\sum_m\\sum_n\\sum_f \\frac{\\partial L}{\\partial o_{m, n}} "
            "\\frac{\\partial o_{m, n}}{\\partial a_{f}}\\frac{\\partial a_{f}}{\\partial k_{i,m}}$$")
    assert check_derivation_now(text).steps[-1].verdict != "valid"


@pytest.mark.parametrize("text", [
    # a gradient by a matrix the text gives numbers (it crashed: a number took the variable's place)
    "$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$W = \\begin{bmatrix} 0.5 & 0.6 \\end{bmatrix}$$\n\n$$z = W x = 1.7$$\n\n"
    "$$L = \\frac{1}{2} (z - 1)^2$$\n\n$$\\frac{\\partial L}{\\partial W} = (z - 1) x^T$$",
    # the max of a name whose formula is a 1 x 1 product (z = w^T x)
    "Let $w, x \\in \\mathbb{R}^n$ and $z = w^T x$.\n\n$$\\mathrm{ReLU}(z) = \\max(0, z)$$\n\n$$\\max(0, z) = \\max(0, x^T w)$$",
    # a product of a d-vector and a 2-vector: sampled sizes that do not fit are no value, not an IndexError
    "Let $w \\in \\mathbb{R}^d$.\n\n$$x = \\begin{bmatrix} -3 \\\\ 1 \\end{bmatrix}$$\n\n$$\\sigma(w^\\top x) = \\sigma(\\begin{bmatrix} 1 & 1 \\end{bmatrix} \\begin{bmatrix} -3 \\\\ 1 \\end{bmatrix}) = 0.12$$",
])
def test_a_step_the_mathematics_cannot_be_carried_through_for_says_why(text):
    """Each of these ended in "could not decide (ValueError)" (or IndexError): an error from inside sympy, which tells an
    author nothing. Now each step is judged or says in words what was not read."""
    steps = check_derivation_now(text).steps
    assert steps and not [step.feedback for step in steps if step.feedback.startswith("could not decide")]


def test_a_one_by_one_matrix_said_to_equal_a_number_is_its_entry():
    """a^2 = 0.5374 where a^2 worked out is the 1 x 1 matrix [0.53743] (a walk-through's sigma(W^2 a^1 + b^2)): compared as
    the number 0.53743, so the written 0.5374 is weighed to its four places (it was "in entry (1, 1) ... 0.5374", wrong)."""
    from derivs.writeup.claims import _number_beside

    entry = sympy.Rational(53743, 100000)
    assert _number_beside(sympy.ImmutableMatrix([[entry]]), sympy.Rational(5374, 10000)) == entry
    row = sympy.ImmutableMatrix([[entry, entry]])
    assert _number_beside(row, sympy.Rational(5374, 10000)) == row  # a row of two is no number


def test_a_derivative_of_names_read_as_one_by_one_is_not_proved_as_numbers():
    """d(a^T X a)/dX read with a 1 x 1 (only from its uses) is X a^2 differentiated: a^2, where a vector's derivative
    is the matrix a a^T; such a derivative names the collapsed vector, and the judge leaves it unjudged."""
    from derivs.writeup.claims import _differentiated

    a, X = sympy.MatrixSymbol("a", 1, 1), sympy.Symbol("X")
    read = sympy.Derivative(X * a[0, 0] ** 2, X)
    assert _differentiated(["a"], read, (a.T * a)) == ["a"]
    assert _differentiated(["a"], X * a[0, 0] ** 2, (a.T * a)) == []  # no derivative: the order rule decides
    assert _differentiated(["w"], read) == []
