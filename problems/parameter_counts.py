"""Trainable parameters of convolutional and fully connected layers (seeds 001, 003, 004).

Variable: the sizes of the single layers (the kernel, channels and filters of two convolutions); LeNet-5 stays as it is.
"""

from sympy import Function, Integer, Lambda, Mul, Symbol

from derivs.model import Choice, Claim, Note, Part, Problem, Variants, Whole

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

ORIGINAL = {"kernel": 5, "channels": 3, "filters": 96, "last_kernel": 4, "last_channels": 64, "last_filters": 128}


def build(v):
    k, c, f = v["kernel"], v["channels"], v["filters"]
    lk, lc, lf = v["last_kernel"], v["last_channels"], v["last_filters"]
    original = v == ORIGINAL
    conv_count, last_count = (k * k * c + 1) * f, lk * lk * lc * lf  # the key's figures, in Python integers
    single = (
        Claim("conv_5x5x3_96", ("seed 003 4.1: " if original else "") + f"a {k}x{k}x{c} convolution with {f} filters has {conv_count} parameters", conv(k, k, c, f), Integer(conv_count)),
        Claim("seed001_q6_last", ("seed 001 Q6.2: " if original else "") + f"{lf} filters of {lk}x{lk} over {lc} channels, no biases: {last_count}", conv_weights(lk, lk, lc, lf), Integer(last_count)),
    )
    seed_only = (
        Claim("fc_seed003", "seed 003 4.2: fully connected 4x4x256 -> 4x4x256 has 16,781,312 parameters", dense(4 * 4 * 256, 4 * 4 * 256), Integer(16_781_312)),
        Claim("seed003_constraints", "seed 003 4.3: 100,000 x 1,000 = 100,000,000 (the seed writes 10,000,000)", Mul(Integer(100_000), Integer(1_000), evaluate=False), Integer(100_000_000)),
    )
    return Problem(
        id="parameter_counts",
        title="Counting trainable parameters",
        statement=(
            r"A convolutional layer with $c_{out}$ filters of size $k_h \times k_w \times c_{in}$ has "
            r"$(k_h k_w c_{in} + 1) c_{out}$ parameters; a fully connected layer from $n_{in}$ to $n_{out}$ units has "
            r"$n_{in} n_{out} + n_{out}$. Count the layers of seeds 001 (Q6), 003 (Q4) and LeNet-5 (seed 004, Q4)."
            if original
            else rf"Count the trainable parameters of a ${k}\times{k}\times{c}$ convolution with {f} filters, of LeNet-5 (as in seed 004), "
            rf"and of a layer of {lf} filters of ${lk}\times{lk}$ over {lc} channels without biases."
        ),
        variables=(),
        definitions={
            conv: Lambda((kh, kw, c_in, c_out), (kh * kw * c_in + 1) * c_out),
            conv_weights: Lambda((kh, kw, c_in, c_out), kh * kw * c_in * c_out),
            dense: Lambda((n_in, n_out), n_in * n_out + n_out),
        },
        claims=single[:1] + (seed_only if original else ()) + single[1:]
        + (Claim("lenet5_total", "LeNet-5 as counted in seed 004 (full C3 connectivity, no pooling weights): 61706", sum(layer for _, layer, _ in lenet_layers), Integer(61_706)),)
        + tuple(Claim(f"lenet5_{name}", f"LeNet-5 layer {name}: {count} parameters", layer, Integer(count)) for name, layer, count in lenet_layers if count),
        parts=(
            Part("conv_5x5x3_96", rf"parameters of a {k}x{k}x{c} convolution with {f} filters", Integer(conv_count), question=conv(k, k, c, f)),
            Part("lenet5_total", "trainable parameters of LeNet-5 (as in seed 004)", Integer(61706), question=sum(layer for _, layer, _ in lenet_layers)),
            Part("seed001_q6_last", "parameters of seed 001's last layer, without biases" if original else f"parameters of {lf} filters of {lk}x{lk} over {lc} channels, without biases",
                 Integer(last_count), question=conv_weights(lk, lk, lc, lf)),
        ),
        notes=(
            Note(r"A common wrong answer (seed 003, 4.3) is $100{,}000 \cdot 1{,}000 = 10{,}000{,}000$: the product is $10^8 = 100{,}000{,}000$."),
            Note(
                r"LeNet-5 as published has 60{,}000-odd parameters: its C3 connects each map to only some of S2's maps and its "
                r"subsampling layers have a weight and a bias per map. The 61{,}706 of seed 004 counts C3 fully connected and pooling without weights."
            ),
        )
        if original
        else (),
        given=r"A convolutional layer has a weight per filter entry and a bias per filter; a fully connected layer from $n_{in}$ to $n_{out}$ units has a weight per pair and a bias per output. LeNet-5 as in seed 004: C1 six $5\times5$ filters on one channel; S2 pooling (no weights); C3 sixteen $5\times5$ filters on all 6 maps; S4 pooling; C5 fully connected $400 \to 120$; F6 $120 \to 84$; output $84 \to 10$. "
        + (rf"Seed 001's last layer: {lf} filters of ${lk}\times{lk}$ over {lc} channels." if original else rf"The last layer: {lf} filters of ${lk}\times{lk}$ over {lc} channels; the convolution: {f} filters of ${k}\times{k}\times{c}$."),
        source="seed 001 Q6, seed 003 Q4, seed 004 Q4" if original else "seeds 001, 003 and 004, with other numbers",
    )


VARIANTS = Variants(
    parameters=(Choice("kernel", (1, 3, 5, 7)), Choice("channels", (1, 3, 16, 32, 64)), Whole("filters", 8, 256, 8),
                Choice("last_kernel", (2, 3, 4, 5)), Choice("last_channels", (16, 32, 64, 128)), Whole("last_filters", 16, 512, 16)),
    build=build,
    original=ORIGINAL,
)
PROBLEM = VARIANTS.problem(ORIGINAL)
