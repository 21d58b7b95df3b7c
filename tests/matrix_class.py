"""A labelled class of matrix-form answers (issue 22): each base form is labelled by hand, right or wrong (and why),
and written in three notations (plain x and ^T; \\mathbf{x} and ^\\top; \\boldsymbol{x} and ^{\\top}).

Why each label holds, with L = (1/2)||Wx - y||^2, p = softmax(z), y_hat = p and the two-layer network of
backprop_matrix_form (delta^(2) = z^(2) - y, delta^(1) = (W_2^T delta^(2)) odot sigma'(z^(1))):
- grad_W L = (Wx - y) x^T (m x n, the part fixes this denominator layout: x (Wx - y)^T is "transposed (layout)");
- grad_x L = W^T (Wx - y) in either layout ((Wx - y)^T W is its transpose);
- d p / d z = diag(p) - p p^T (symmetric, so its transpose is itself);
- grad_z (-y^T log p) = p - y when the labels sum to 1, in either layout;
- grad_b1 L = delta^(1), grad_W1 L = delta^(1) x^T (either layout), grad_W2 L = delta^(2) a^(1)T;
- linear collapse: W = W_2 W_1, b = W_2 b_1 + b_2.
A wrong answer's kind names the slip the issue lists (transpose, order, odot for a product, missing diag) or another
(sign, factor, missing term, wrong variable).
"""

from __future__ import annotations

NOTATIONS = (  # (how a vector name is written, how a transpose is written)
    ("{}", "^T"),
    (r"\mathbf{{{}}}", r"^\top"),
    (r"\boldsymbol{{{}}}", r"^{\top}"),
)

# target -> [(label, kind, template)]; in a template {x} is a vector name in the notation, {T} a transpose mark
FORMS = {
    "least_squares_gradient.weight_gradient": [
        ("right", "", "(W{x} - {y}){x}{T}"),
        ("right", "", "W{x} {x}{T} - {y} {x}{T}"),
        ("right", "", "-({y} - W{x}){x}{T}"),
        ("right", "", r"\left(W{x} - {y}\right){x}{T}"),
        ("wrong", "transposed (layout)", "{x}(W{x} - {y}){T}"),
        ("wrong", "wrong order", "{x}{T}(W{x} - {y})"),
        ("wrong", "odot for a product", r"(W{x} - {y}) \odot {x}{T}"),
        ("wrong", "factor", "2(W{x} - {y}){x}{T}"),
        ("wrong", "sign", "({y} - W{x}){x}{T}"),
        ("wrong", "missing transpose", "(W{x} - {y}){x}"),
        ("wrong", "wrong variable", "W{T}(W{x} - {y})"),
        ("wrong", "missing term", "W{x} {x}{T}"),
    ],
    "least_squares_gradient.input_gradient": [
        ("right", "", "W{T}(W{x} - {y})"),
        ("right", "", "(W{x} - {y}){T} W"),
        ("right", "", "W{T} W{x} - W{T} {y}"),
        ("wrong", "missing transpose", "W(W{x} - {y})"),
        ("wrong", "factor", "2W{T}(W{x} - {y})"),
        ("wrong", "sign", "W{T}({y} - W{x})"),
        ("wrong", "wrong variable", "(W{x} - {y}){x}{T}"),
    ],
    "softmax_jacobian_matrix.jacobian": [
        ("right", "", r"\operatorname{{diag}}({p}) - {p}{p}{T}"),
        ("right", "", r"\operatorname{{diag}}({p}) - {p} \otimes {p}"),
        ("right", "", r"-{p}{p}{T} + \operatorname{{diag}}({p})"),
        ("right", "", r"(\operatorname{{diag}}({p}) - {p}{p}{T}){T}"),
        ("wrong", "sign", r"{p}{p}{T} - \operatorname{{diag}}({p})"),
        ("wrong", "missing diag", "{p} - {p}{p}{T}"),
        ("wrong", "wrong order", r"\operatorname{{diag}}({p}) - {p}{T}{p}"),
        ("wrong", "odot for a product", r"\operatorname{{diag}}({p}) - {p} \odot {p}{T}"),
        ("wrong", "identity for diag", "I - {p}{p}{T}"),
        ("wrong", "missing term", r"\operatorname{{diag}}({p})"),
    ],
    "softmax_cross_entropy_vector.gradient": [
        ("right", "", r"\hat{{{y}}} - {y}"),
        ("right", "", r"(\hat{{{y}}} - {y}){T}"),
        ("right", "", "{p} - {y}"),
        ("right", "", r"\operatorname{{softmax}}({z}) - {y}"),
        ("wrong", "sign", r"{y} - \hat{{{y}}}"),
        ("wrong", "missing term", r"\hat{{{y}}}"),
        ("wrong", "missing term", "-{y}"),
        ("wrong", "odot for a difference", r"\hat{{{y}}} \odot {y}"),
    ],
    "backprop_matrix_form.hidden_delta": [
        ("right", "", r"(W_2{T}\delta^{{(2)}}) \odot \sigma'({z}^{{(1)}})"),
        ("right", "", r"\sigma'({z}^{{(1)}}) \odot (W_2{T}\delta^{{(2)}})"),
        ("right", "", r"(W_2{T}({z}^{{(2)}} - {y})) \odot \sigma'({z}^{{(1)}})"),
        ("wrong", "missing factor", r"W_2{T}\delta^{{(2)}}"),
        ("wrong", "missing transpose", r"(W_2\delta^{{(2)}}) \odot \sigma'({z}^{{(1)}})"),
        ("wrong", "product for odot", r"(W_2{T}\delta^{{(2)}}) \sigma'({z}^{{(1)}})"),
        ("wrong", "sigma for its derivative", r"(W_2{T}\delta^{{(2)}}) \odot \sigma({z}^{{(1)}})"),
    ],
    "backprop_matrix_form.hidden_weights": [
        ("right", "", r"\delta^{{(1)}}{x}{T}"),
        ("right", "", r"{x}(\delta^{{(1)}}){T}"),
        ("wrong", "missing transpose", r"\delta^{{(1)}}{x}"),
        ("wrong", "wrong order", r"{x}{T}\delta^{{(1)}}"),
        ("wrong", "wrong variable", r"\delta^{{(1)}}(W_1{x}){T}"),
    ],
    "backprop_matrix_form.output_weights": [
        ("right", "", r"\delta^{{(2)}}({a}^{{(1)}}){T}"),
        ("right", "", r"({z}^{{(2)}} - {y})({a}^{{(1)}}){T}"),
        ("wrong", "wrong variable", r"\delta^{{(2)}}({z}^{{(1)}}){T}"),
        ("wrong", "wrong order", r"({a}^{{(1)}}){T}\delta^{{(2)}}"),
    ],
    "linear_collapse.weight": [
        ("right", "", "W_2 W_1"),
        ("right", "", "(W_1{T} W_2{T}){T}"),
        ("wrong", "wrong order", "W_1 W_2"),
        ("wrong", "missing transpose", "W_1{T} W_2{T}"),
    ],
    "linear_collapse.bias": [
        ("right", "", "W_2 b_1 + b_2"),
        ("wrong", "missing term", "W_2 b_1"),
        ("wrong", "missing factor", "b_1 + b_2"),
    ],
}


def rows() -> list[tuple[str, str, str, str]]:
    """(target, answer, label, kind) for every form in every notation, each distinct text once."""
    found, seen = [], set()
    for target, forms in FORMS.items():
        for label, kind, template in forms:
            for vector, transpose in NOTATIONS:
                names = {name: vector.format(name) for name in ("x", "y", "p", "z", "a")}
                text = template.format(T=transpose, **names)
                if (target, text) not in seen:
                    seen.add((target, text))
                    found.append((target, text, label, kind))
    return found


def agrees(label: str, verdict: str) -> bool:
    """A right answer earns its points (correct, or unproved: equal at every point, not proved); a wrong one is incorrect."""
    return verdict in ("correct", "unproved") if label == "right" else verdict == "incorrect"
