"""Trainable parameters of convolutional and fully connected layers (seeds 001, 003, 004)."""

from sympy import Function, Integer, Lambda, Mul, Symbol

from derivs.model import Claim, Note, Part, Problem

kh, kw, c_in, c_out, n_in, n_out = (Symbol(name, integer=True, positive=True) for name in ("k_h", "k_w", "c_in", "c_out", "n_in", "n_out"))
conv = Function("conv")  # conv(k_h, k_w, c_in, c_out): weights and one bias per filter
conv_weights = Function("convw")  # the same, without biases
dense = Function("dense")  # dense(n_in, n_out): a fully connected layer with biases

lenet_layers = (
    ("C1", conv(5, 5, 1, 6), 156),
    ("S2", Integer(0), 0),
    ("C3", conv(5, 5, 6, 16), 2416),
    ("S4", Integer(0), 0),
    ("C5", dense(400, 120), 48120),
    ("F6", dense(120, 84), 10164),
    ("output", dense(84, 10), 850),
)

PROBLEM = Problem(
    id="parameter_counts",
    title="Counting trainable parameters",
    statement=(
        r"A convolutional layer with $c_{out}$ filters of size $k_h \times k_w \times c_{in}$ has "
        r"$(k_h k_w c_{in} + 1) c_{out}$ parameters; a fully connected layer from $n_{in}$ to $n_{out}$ units has "
        r"$n_{in} n_{out} + n_{out}$. Count the layers of seeds 001 (Q6), 003 (Q4) and LeNet-5 (seed 004, Q4)."
    ),
    variables=(),
    definitions={
        conv: Lambda((kh, kw, c_in, c_out), (kh * kw * c_in + 1) * c_out),
        conv_weights: Lambda((kh, kw, c_in, c_out), kh * kw * c_in * c_out),
        dense: Lambda((n_in, n_out), n_in * n_out + n_out),
    },
    claims=(
        Claim("conv_5x5x3_96", "seed 003 4.1: a 5x5x3 convolution with 96 filters has 7296 parameters", conv(5, 5, 3, 96), Integer(7296)),
        Claim("fc_seed003", "seed 003 4.2: fully connected 4x4x256 -> 4x4x256 has 16,781,312 parameters", dense(4 * 4 * 256, 4 * 4 * 256), Integer(16_781_312)),
        Claim("seed003_constraints", "seed 003 4.3: 100,000 x 1,000 = 100,000,000 (the seed writes 10,000,000)", Mul(Integer(100_000), Integer(1_000), evaluate=False), Integer(100_000_000)),
        Claim("seed001_q6_last", "seed 001 Q6.2: 128 filters of 4x4 over 64 channels, no biases: 131072", conv_weights(4, 4, 64, 128), Integer(131_072)),
        Claim("lenet5_total", "LeNet-5 as counted in seed 004 (full C3 connectivity, no pooling weights): 61706", sum(layer for _, layer, _ in lenet_layers), Integer(61_706)),
    )
    + tuple(Claim(f"lenet5_{name}", f"LeNet-5 layer {name}: {count} parameters", layer, Integer(count)) for name, layer, count in lenet_layers if count),
    parts=(
        Part("conv_5x5x3_96", "parameters of a 5x5x3 convolution with 96 filters", Integer(7296), question=conv(5, 5, 3, 96)),
        Part("lenet5_total", "trainable parameters of LeNet-5 (as in seed 004)", Integer(61706), question=sum(layer for _, layer, _ in lenet_layers)),
        Part("seed001_q6_last", "parameters of seed 001's last layer, without biases", Integer(131072), question=conv_weights(4, 4, 64, 128)),
    ),
    notes=(
        Note(r"A common wrong answer (seed 003, 4.3) is $100{,}000 \cdot 1{,}000 = 10{,}000{,}000$: the product is $10^8 = 100{,}000{,}000$."),
        Note(
            r"LeNet-5 as published has 60{,}000-odd parameters: its C3 connects each map to only some of S2's maps and its "
            r"subsampling layers have a weight and a bias per map. The 61{,}706 of seed 004 counts C3 fully connected and pooling without weights."
        ),
    ),
    given=r"A convolutional layer has a weight per filter entry and a bias per filter; a fully connected layer from $n_{in}$ to $n_{out}$ units has a weight per pair and a bias per output. LeNet-5 as in seed 004: C1 six $5\times5$ filters on one channel; S2 pooling (no weights); C3 sixteen $5\times5$ filters on all 6 maps; S4 pooling; C5 fully connected $400 \to 120$; F6 $120 \to 84$; output $84 \to 10$. Seed 001's last layer: 128 filters of $4\times4$ over 64 channels.",
    source="seed 001 Q6, seed 003 Q4, seed 004 Q4",
)
