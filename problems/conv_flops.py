"""FLOPs of a convolution followed by max pooling, with and without bias (seed 004 Q3).

Variable: the input's channels and size, the number and size of the filters, padding, stride and the pooling window.
"""

from sympy import Function, Integer, Lambda, Symbol, floor

from derivs.model import Choice, Claim, Constraint, Derivation, Part, Problem, Variants, Whole

size_in, kernel, pad, stride = (Symbol(name, integer=True, positive=True) for name in ("n", "k", "p", "s"))
out = Function("out")
ORIGINAL = {"channels": 50, "size": 12, "filters": 20, "kernel": 4, "pad": 1, "stride": 2, "window": 3}


def side(n, k, p, s):
    """The output side, in Python integers (the key's figure; check proves it against the floor formula)."""
    return (n + 2 * p - k) // s + 1


def build(v):
    conv_size = out(v["size"], v["kernel"], v["pad"], v["stride"])
    pool_size = out(conv_size, v["window"], 0, 1)  # windows at stride 1
    macs = v["channels"] * v["kernel"] ** 2  # multiplications per output value
    per_output_without_bias = 2 * macs - 1  # the products, and the additions between them
    per_output_with_bias = 2 * macs  # one more addition for the bias
    conv_outputs = conv_size**2 * v["filters"]
    pool_flops = pool_size**2 * v["filters"] * (v["window"] ** 2 - 1)  # a max of w^2 values costs w^2 - 1
    conv_n = side(v["size"], v["kernel"], v["pad"], v["stride"])
    pool_n = side(conv_n, v["window"], 0, 1)
    pool_figure = pool_n**2 * v["filters"] * (v["window"] ** 2 - 1)
    with_bias = 2 * macs * conv_n**2 * v["filters"] + pool_figure
    without_bias = (2 * macs - 1) * conv_n**2 * v["filters"] + pool_figure
    c, n, f, k, p, s, w = (v[name] for name in ("channels", "size", "filters", "kernel", "pad", "stride", "window"))
    setting = (
        rf"Layer C convolves a ${c} \times {n} \times {n}$ input with {f} filters of ${k} \times {k}$, padding {p}, stride {s}; "
        rf"layer P max-pools C's maps with ${w} \times {w}$ windows, stride 1. A multiplication or addition is one FLOP and "
        r"a max of $n$ values $n - 1$."
    )
    return Problem(
        id="conv_flops",
        title="FLOPs of a convolution and a max pooling layer",
        statement=setting + " Count the FLOPs of one forward pass, with and without the bias.",
        variables=(),
        definitions={out: Lambda((size_in, kernel, pad, stride), floor((size_in + 2 * pad - kernel) / stride) + 1)},
        claims=(
            Claim("conv_output", f"C's maps are {conv_n} x {conv_n}", conv_size, Integer(conv_n)),
            Claim("pool_output", f"P's maps are {pool_n} x {pool_n}", pool_size, Integer(pool_n)),
            Claim("pool_flops", f"P costs {pool_n} * {pool_n} * {f} * {w * w - 1} = {pool_figure} FLOPs", pool_flops, Integer(pool_figure)),
            Claim("with_bias", f"with bias: {2 * macs} * {conv_n} * {conv_n} * {f} + {pool_figure} = {with_bias:,}", per_output_with_bias * conv_outputs + pool_flops, Integer(with_bias)),
            Claim("without_bias", f"without bias: {2 * macs - 1} * {conv_n} * {conv_n} * {f} + {pool_figure} = {without_bias:,}",
                  per_output_without_bias * conv_outputs + pool_flops, Integer(without_bias)),
        ),
        parts=(
            Part("with_bias", "FLOPs of C and P with bias", Integer(with_bias), question=per_output_with_bias * conv_outputs + pool_flops),
            Part("without_bias", "FLOPs of C and P without bias", Integer(without_bias), question=per_output_without_bias * conv_outputs + pool_flops),
        ),
        derivations=(Derivation("with bias", per_output_with_bias * conv_outputs + pool_flops,
                                (Integer(2 * macs) * (conv_n**2 * f) + pool_figure, Integer(with_bias))),),
        given=setting,
        source="seed 004 question 3 (its figures 1154560 and 1153840 and the 4 x 4 pooled maps are right)" if v == ORIGINAL else "seed 004 question 3, with other numbers",
    )


VARIANTS = Variants(
    parameters=(Whole("channels", 1, 64), Whole("size", 6, 32), Whole("filters", 2, 64), Choice("kernel", (2, 3, 4, 5)),
                Whole("pad", 0, 2), Whole("stride", 1, 3), Choice("window", (2, 3))),
    constraints=(
        Constraint("the kernel fits in the padded input", lambda v: v["kernel"] <= v["size"] + 2 * v["pad"]),
        Constraint("the pooling window fits in C's maps", lambda v: v["window"] <= side(v["size"], v["kernel"], v["pad"], v["stride"])),
    ),
    build=build,
    original=ORIGINAL,
)
PROBLEM = VARIANTS.problem(ORIGINAL)
