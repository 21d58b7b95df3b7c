"""FLOPs of a convolution followed by max pooling, with and without bias (seed 004 Q3)."""

from sympy import Function, Integer, Lambda, Symbol, floor

from derivs.model import Claim, Derivation, Part, Problem

size_in, kernel, pad, stride = (Symbol(name, integer=True, positive=True) for name in ("n", "k", "p", "s"))
out = Function("out")
channels, filters = 50, 20
conv_size = out(12, 4, 1, 2)  # 6
pool_size = out(conv_size, 3, 0, 1)  # 4: 3x3 windows, stride 1
macs = channels * 4 * 4  # multiplications per output value
per_output_without_bias = 2 * macs - 1  # 800 products, 799 additions between them
per_output_with_bias = 2 * macs  # one more addition for the bias
conv_outputs = conv_size**2 * filters
pool_flops = pool_size**2 * filters * (3 * 3 - 1)  # a max of 9 values costs 8

PROBLEM = Problem(
    id="conv_flops",
    title="FLOPs of a convolution and a max pooling layer",
    statement=(
        r"Layer C convolves a $50 \times 12 \times 12$ input with 20 filters of $4 \times 4$, padding 1, stride 2; "
        r"layer P max-pools C's maps with $3 \times 3$ windows, stride 1. A multiplication or addition is one FLOP and "
        r"a max of $n$ values $n - 1$. Count the FLOPs of one forward pass, with and without the bias."
    ),
    variables=(),
    definitions={out: Lambda((size_in, kernel, pad, stride), floor((size_in + 2 * pad - kernel) / stride) + 1)},
    claims=(
        Claim("conv_output", "C's maps are 6 x 6", conv_size, Integer(6)),
        Claim("pool_output", "P's maps are 4 x 4", pool_size, Integer(4)),
        Claim("pool_flops", "P costs 4 * 4 * 20 * 8 = 2560 FLOPs", pool_flops, Integer(2560)),
        Claim("with_bias", "with bias: 1600 * 6 * 6 * 20 + 2560 = 1,154,560", per_output_with_bias * conv_outputs + pool_flops, Integer(1_154_560)),
        Claim("without_bias", "without bias: 1599 * 6 * 6 * 20 + 2560 = 1,153,840", per_output_without_bias * conv_outputs + pool_flops, Integer(1_153_840)),
    ),
    parts=(
        Part("with_bias", "FLOPs of C and P with bias", Integer(1_154_560), question=per_output_with_bias * conv_outputs + pool_flops),
        Part("without_bias", "FLOPs of C and P without bias", Integer(1_153_840), question=per_output_without_bias * conv_outputs + pool_flops),
    ),
    derivations=(Derivation("with bias", per_output_with_bias * conv_outputs + pool_flops, (Integer(1600) * 720 + 2560, Integer(1_154_560))),),
    source="seed 004 question 3 (its figures 1154560 and 1153840 and the 4 x 4 pooled maps are right)",
)
