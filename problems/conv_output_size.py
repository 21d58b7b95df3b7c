"""Convolution output sizes over the integers, and every size in seeds 000, 001 and 002.

Variable: the input, kernel, padding and stride of the four graded layers (variant 0: the seeds' layers).
"""

from sympy import Function, Integer, Lambda, Symbol, ceiling, floor

from derivs.model import Choice, Claim, Constraint, Derivation, Integer as IntegerVar, Note, Part, Problem, Variants, Whole

n, k, p = (Symbol(name, integer=True, nonnegative=True) for name in ("n", "k", "p"))
s, d = (Symbol(name, integer=True, positive=True) for name in ("s", "d"))
m = Symbol("m", integer=True, nonnegative=True)  # n - k >= 0: the input is at least the kernel
out = Function("out")  # out(n, k, p, s, d): output length for input n, kernel k, padding p, stride s, dilation d

general = floor((n + 2 * p - d * (k - 1) - 1) / s) + 1
seed_form = ceiling((n - k + 1 + 2 * p) / s)

# (name, statement, (n, k, p, s, d), stated size)
SEED_SIZES = (
    ("s000_layer1", "seed 000: 7x7 conv, s = 2, p = 0 on 300", (300, 7, 0, 2, 1), 147),
    ("s000_layer2", "seed 000: 3x3 maxpool, s = 2 on 147", (147, 3, 0, 2, 1), 73),
    ("s000_layer3", "seed 000: 3x3 conv, s = 1, p = 3 on 73", (73, 3, 3, 1, 1), 77),
    ("s001_q6_conv1", "seed 001 Q6: 8x8 conv, s = 2, p = 0 on 256", (256, 8, 0, 2, 1), 125),
    ("s001_q6_pool", "seed 001 Q6: 5x5 non-overlapping max pool on 125", (125, 5, 0, 5, 1), 25),
    ("s001_q6_conv2", "seed 001 Q6: 4x4 conv, s = 1, p = 1 on 25", (25, 4, 1, 1, 1), 24),
    ("s001_q7_1a", "seed 001 Q7 table 1(a): i=64, p=3, d=1, k=8, s=2", (64, 8, 3, 2, 1), 32),
    ("s001_q7_1b", "seed 001 Q7 table 1(b): i=64, p=3, d=7, k=2, s=2", (64, 2, 3, 2, 7), 32),
    ("s001_q7_2a", "seed 001 Q7 table 2(a): i=32, p=0, d=1, k=4, s=4", (32, 4, 0, 4, 1), 8),
    ("s001_q7_2b", "seed 001 Q7 table 2(b): i=32, p=0, d=1, k=8, s=4", (32, 8, 0, 4, 1), 7),
    ("s001_q7_3a", "seed 001 Q7 table 3(a): i=8, p=0, d=1, k=2, s=2", (8, 2, 0, 2, 1), 4),
    ("s001_q7_3b", "seed 001 Q7 table 3(b): i=8, p=2, d=2, k=3, s=2", (8, 3, 2, 2, 2), 4),
    ("s001_q7_3b_alt", "seed 001 Q7 3(b) alternative: k=5, s=1", (8, 5, 2, 1, 2), 4),
    ("s001_q7_3c", "seed 001 Q7 table 3(c): i=8, p=1, d=1, k=4, s=2", (8, 4, 1, 2, 1), 4),
    ("s001_q7_3c_alt", "seed 001 Q7 3(c) alternative: k=7, s=1", (8, 7, 1, 1, 1), 4),
    ("s002_same", "seed 002 4(a): 3x3 filter, p = 1, s = 1 keeps 4x4", (4, 3, 1, 1, 1), 4),
    ("s002_filter2_s1", "seed 002 4(b): 2x2 filter, p = 1, s = 1 gives 5x5", (4, 2, 1, 1, 1), 5),
    ("s002_filter2_s2", "seed 002 4(b): 2x2 filter, p = 1, s = 2 gives 3x3", (4, 2, 1, 2, 1), 3),
)

GRADED = ("s000_layer1", "s000_layer3", "s001_q6_last", "s001_q7_2b")  # the parts, each one layer
ORIGINAL = {**dict(zip(("n1", "k1", "p1", "s1"), (300, 7, 0, 2))), **dict(zip(("n2", "k2", "p2", "s2"), (73, 3, 3, 1))),
            **dict(zip(("n3", "k3", "p3", "s3"), (25, 4, 1, 1))), **dict(zip(("n4", "k4", "p4", "s4"), (32, 8, 0, 4)))}


def size(n, k, p, s):
    """The output length in Python integers (the key's figure; check proves it against the floor formula)."""
    return (n + 2 * p - k) // s + 1


def build(v):
    layers = [tuple(v[f"{name}{i}"] for name in "nkps") for i in range(1, 5)]
    sized = [size(*layer) for layer in layers]
    said = [f"{'an' if k in (8, 11) else 'a'} {k}x{k} convolution, stride {s}, padding {p}, on a {n}x{n} input" for n, k, p, s in layers]
    ceiling_claim = (
        Claim("ceiling_form", "floor((n + 2p - k)/s) + 1 = ceil((n - k + 1 + 2p)/s) for integers n >= k, p >= 0, s >= 1",
              general.subs({d: 1, n: k + m}), seed_form.subs(n, k + m)),
    )
    return Problem(
        id="conv_output_size",
        title="Convolution output sizes",
        statement=(
            r"For input length $n$, kernel $k$, padding $p$, stride $s$ and dilation $d$ the output length is "
            r"$\left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1$. Show that for $d = 1$ it equals "
            r"$\left\lceil \frac{n - k + 1 + 2p}{s} \right\rceil$ for all integers $n \ge k$, $p \ge 0$, $s \ge 1$, and give the output width of "
            + "; ".join(f"({letter}) {text}" for letter, text in zip("abcd", said)) + "."
        ),
        variables=(IntegerVar(k, 1, 9), IntegerVar(m, 0, 40), IntegerVar(p, 0, 4), IntegerVar(s, 1, 5), IntegerVar(d, 1, 3)),
        definitions={out: Lambda((n, k, p, s, d), general)},
        claims=ceiling_claim + tuple(Claim(name, f"{text}: {width} wide", out(*layer, 1), Integer(width)) for name, text, layer, width in zip(GRADED, said, layers, sized)),
        parts=tuple(Part(name, f"output width of {text}", Integer(width), question=out(*layer, 1)) for name, text, layer, width in zip(GRADED, said, layers, sized)),
        derivations=(
            Derivation(
                "ceiling form, with m = n + 2p - k >= 0",
                general.subs({d: 1, n: k + m}),
                (floor((m + 2 * p) / s) + 1, floor((m + 2 * p + s) / s), ceiling((m + 2 * p + 1) / s), seed_form.subs(n, k + m)),
            ),
        ),
        given=r"For input length $n$, kernel $k$, padding $p$ and stride $s$, a convolution or pooling layer outputs $\left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1$ values along each side. Layers: "
        + "; ".join(f"({letter}) {text}" for letter, text in zip("abcd", said)) + ".",
        source="seeds 000, 001 and 002, with other sizes",
    )


VARIANTS = Variants(
    parameters=tuple(param for i in range(1, 5) for param in (Whole(f"n{i}", 8, 512), Choice(f"k{i}", (1, 2, 3, 4, 5, 7, 8, 11)), Whole(f"p{i}", 0, 3), Whole(f"s{i}", 1, 4))),
    constraints=tuple(Constraint(f"layer {i}'s kernel fits in its padded input", lambda v, i=i: v[f"k{i}"] <= v[f"n{i}"] + 2 * v[f"p{i}"]) for i in range(1, 5)),
    build=build,
    original=ORIGINAL,
)


# Variant 0: every size of the seeds, as they state them.
PROBLEM = Problem(
    id="conv_output_size",
    title="Convolution output sizes",
    statement=(
        r"For input length $n$, kernel $k$, padding $p$, stride $s$ and dilation $d$ the output length is "
        r"$\left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1$. Show that for $d = 1$ it equals the form "
        r"$\left\lceil \frac{n - k + 1 + 2p}{s} \right\rceil$ used in seed 000 for all integers $n \ge k$, $p \ge 0$, $s \ge 1$, "
        r"and check every feature-map size in seeds 000, 001 (questions 6 and 7) and 002 (section 4)."
    ),
    variables=(IntegerVar(k, 1, 9), IntegerVar(m, 0, 40), IntegerVar(p, 0, 4), IntegerVar(s, 1, 5), IntegerVar(d, 1, 3)),
    definitions={out: Lambda((n, k, p, s, d), general)},
    claims=(
        Claim(
            "ceiling_form",
            "floor((n + 2p - k)/s) + 1 = ceil((n - k + 1 + 2p)/s) for integers n >= k, p >= 0, s >= 1",
            general.subs({d: 1, n: k + m}),
            seed_form.subs(n, k + m),
        ),
        Claim("s001_q6_volume", "seed 001 Q6.1: the last layer's output has 24 x 24 x 128 = 73728 values", out(25, 4, 1, 1, 1) ** 2 * 128, Integer(73728)),
    )
    + tuple(Claim(name, statement, out(*args), Integer(size)) for name, statement, args, size in SEED_SIZES),
    parts=(
        Part("s000_layer1", "seed 000: output width of the 7x7, stride 2 convolution on 300x300", Integer(147), question=out(300, 7, 0, 2, 1)),
        Part("s000_layer3", "seed 000: output width of layer 3 (3x3 conv, s = 1, p = 3 on 73x73)", Integer(77), question=out(73, 3, 3, 1, 1)),
        Part("s001_q6_last", "seed 001 Q6: output width of the last layer", Integer(24), question=out(25, 4, 1, 1, 1)),
        Part("s001_q7_2b", "seed 001 Q7 2(b): output width for k = 8, s = 4 on 32", Integer(7), question=out(32, 8, 0, 4, 1)),
    ),
    derivations=(
        Derivation(
            "ceiling form, with m = n + 2p - k >= 0",
            general.subs({d: 1, n: k + m}),
            (floor((m + 2 * p) / s) + 1, floor((m + 2 * p + s) / s), ceiling((m + 2 * p + 1) / s), seed_form.subs(n, k + m)),
        ),
    ),
    notes=(
        Note(
            r"Seed 002 (4b) writes $S = k\frac{w - f + 2p}{s} + 1$ with a stray factor $k$; with it removed, "
            r"$4 = \frac{4 - 2 + 2}{s} + 1$ gives $s = \frac{4}{3}$, so no integer stride keeps a $4\times4$ map with a $2\times2$ filter and $p = 1$ (the seed's conclusion stands)."
        ),
    ),
    given=r"For input length $n$, kernel $k$, padding $p$, stride $s$ and dilation $d$, a convolution or pooling layer outputs $\left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1$ values along each side. Seed 000's network takes a $300\times300$ image through a $7\times7$ convolution with stride 2 and no padding; its layer 3 is a $3\times3$ convolution, stride 1, padding 3, on a $73\times73$ map. Seed 001 Q6 takes $256\times256$ through an $8\times8$ convolution (stride 2, no padding), a $5\times5$ non-overlapping max pool, then a $4\times4$ convolution with stride 1 and padding 1 (its last layer). Seed 001 Q7 2(b): input 32, kernel 8, stride 4, no padding, no dilation.",
    source="seed 000 section 3, seed 001 questions 6 and 7, seed 002 section 4",
    variants=VARIANTS,
    values=ORIGINAL,
)
