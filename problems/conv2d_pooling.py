"""A 3x3 convolution with padding 1, 2x2 average pooling, and the 2x2 filter of 1/4 that reproduces it (seed 002, section 4).

Variable: the map's 16 entries and the filter's 9 (variant 0: the seed's).
"""

from fractions import Fraction

from sympy import Add, Integer, Matrix, Mul, Rational, zeros

from derivs.model import Choice, Claim, Part, Problem, Variants, Whole, decimal_text

feature_map = Matrix([[3, 5, 2, 3], [9, 1, 8, 4], [6, 4, 3, 7], [7, 0, 2, 4]])
# The filter as the seed applies it (read off its products F'(i, j) = sum of window * filter).
filter_1 = Matrix([[-1, Rational(1, 2), -2], [2, 0, 1], [0, 1, Rational(3, 2)]])
quarter = Matrix(2, 2, [Rational(1, 4)] * 4)


def correlate(image, weights, stride=1, padding=0):
    """Slide the weights over the zero-padded image (no flip, as CNN layers do)."""
    padded = zeros(image.rows + 2 * padding, image.cols + 2 * padding)
    padded[padding : padding + image.rows, padding : padding + image.cols] = image
    rows = (padded.rows - weights.rows) // stride + 1
    cols = (padded.cols - weights.cols) // stride + 1
    return Matrix(rows, cols, lambda r, c: sum(
        padded[r * stride + i, c * stride + j] * weights[i, j] for i in range(weights.rows) for j in range(weights.cols)
    ))


def average_pool(image, size=2):
    return Matrix(image.rows // size, image.cols // size, lambda r, c: sum(
        image[r * size + i, c * size + j] for i in range(size) for j in range(size)
    ) / size**2)


def correlate_working(image, weights, stride=1, padding=0):
    """correlate's entries as the sums of window times filter, unevaluated (products with a 0 left out),
    so the key prints each entry's working and then its value."""
    padded = zeros(image.rows + 2 * padding, image.cols + 2 * padding)
    padded[padding : padding + image.rows, padding : padding + image.cols] = image
    rows = (padded.rows - weights.rows) // stride + 1
    cols = (padded.cols - weights.cols) // stride + 1

    def entry(r, c):
        products = [Mul(padded[r * stride + i, c * stride + j], weights[i, j], evaluate=False)
                    for i in range(weights.rows) for j in range(weights.cols) if padded[r * stride + i, c * stride + j] != 0 and weights[i, j] != 0]
        return Add(*products, evaluate=False)

    return Matrix(rows, cols, entry)


def pool_working(image, size=2):
    """average_pool's entries as (a + b + c + d) / 4, unevaluated."""
    return Matrix(image.rows // size, image.cols // size, lambda r, c: Mul(Rational(1, size**2), Add(*(
        image[r * size + i, c * size + j] for i in range(size) for j in range(size)), evaluate=False), evaluate=False))


def size_working(n, k, padding, stride=1):
    """The output size (n + 2p - k) / s + 1, unevaluated."""
    return Add(Mul(Add(Integer(n), Mul(2, padding, evaluate=False), -Integer(k), evaluate=False), Rational(1, stride), evaluate=False), Integer(1), evaluate=False)


ORIGINAL = {**{f"F{r}{c}": int(feature_map[r, c]) for r in range(4) for c in range(4)},
            **{f"K{r}{c}": filter_1[r, c] for r in range(3) for c in range(3)}}
FILTER_ENTRIES = tuple(Rational(n, 2) for n in range(-4, 5))  # -2 to 2 in halves


def _plain_convolution(image, weights):
    """F' by lists of Fractions, padding 1, stride 1 (the key's figures; check proves them against sympy's matrices)."""
    padded = [[Fraction(0)] * 6] + [[Fraction(0), *map(Fraction, row), Fraction(0)] for row in image] + [[Fraction(0)] * 6]
    return [[sum(padded[r + i][c + j] * weights[i][j] for i in range(3) for j in range(3)) for c in range(4)] for r in range(4)]


def _matrix_text(rows) -> str:
    return r"\begin{pmatrix} " + r" \\ ".join(" & ".join(decimal_text(Rational(x)) for x in row) for row in rows) + r" \end{pmatrix}"


def build(v):
    image = Matrix(4, 4, lambda r, c: Integer(v[f"F{r}{c}"]))
    weights = Matrix(3, 3, lambda r, c: Rational(v[f"K{r}{c}"]))
    convolved = correlate(image, weights, padding=1)
    plain = _plain_convolution([[v[f"F{r}{c}"] for c in range(4)] for r in range(4)], [[Fraction(str(v[f"K{r}{c}"])) for c in range(3)] for r in range(3)])
    stated = Matrix(4, 4, lambda r, c: Rational(plain[r][c].numerator, plain[r][c].denominator))
    pooled = Matrix(2, 2, lambda r, c: Rational(sum(plain[2 * r + i][2 * c + j] for i in range(2) for j in range(2)) / 4))
    return Problem(
        id="conv2d_pooling",
        title="Convolution, average pooling, and pooling as a convolution",
        statement=(
            r"Convolve the $4\times4$ map $F$ with the $3\times3$ filter given (stride 1, padding 1), average-pool "
            r"the result over $2\times2$ patches, and show that a $2\times2$ filter of $\frac14$ with stride 2 gives the same."
        ),
        variables=(),
        claims=(
            Claim("same_size", "padding (3 - 1)/2 = 1 keeps the map 4 x 4", Matrix([[size_working(4, 3, 1)] * 2]), Matrix([[4, 4]])),
            Claim("convolution", "F', every entry", correlate_working(image, weights, padding=1), stated),
            Claim("average_pool", "F'' = " + str([[decimal_text(x) for x in pooled.row(r)] for r in range(2)]), pool_working(convolved), pooled),
            Claim("pool_as_filter", "a 2x2 filter of 1/4 with stride 2 reproduces the average pooling", correlate_working(convolved, quarter, stride=2), average_pool(convolved)),
        ),
        parts=(
            Part("average_pool", "the average-pooled map F''", pooled, question=average_pool(convolved)),
            Part("filter", "the 2x2 filter that reproduces the pooling (stride 2)", quarter, question=quarter),
        ),
        given=rf"Let $F = {_matrix_text(image.tolist())}$ and the filter ${_matrix_text(weights.tolist())}$. Slide the filter over $F$ padded with one ring of zeros "
        r"(stride 1, no flipping) to get $F'$, then average-pool $F'$ over non-overlapping $2\times2$ patches to get $F''$.",
        source="seed 002 section 4, with another map and filter",
    )


VARIANTS = Variants(
    parameters=(*(Whole(f"F{r}{c}", 0, 9) for r in range(4) for c in range(4)), *(Choice(f"K{r}{c}", FILTER_ENTRIES) for r in range(3) for c in range(3))),
    build=build,
    original=ORIGINAL,
)


# Variant 0: the seed's map and filter, and F' as the seed states it.
convolved = correlate(feature_map, filter_1, padding=1)
seed_convolved = Matrix([[15.5, 21, 27, 8], [4.5, 30, 9.5, 22.5], [13.5, -6.5, 18, 4], [-5, 6, -12.5, 4.5]]).applyfunc(Rational)
seed_pooled = Matrix([[Rational("17.75"), Rational("16.75")], [2, Rational("3.5")]])

PROBLEM = Problem(
    id="conv2d_pooling",
    title="Convolution, average pooling, and pooling as a convolution",
    statement=(
        r"Convolve the $4\times4$ map $F$ with the $3\times3$ filter of seed 002 (stride 1, padding 1), average-pool "
        r"the result over $2\times2$ patches, and show that a $2\times2$ filter of $\frac14$ with stride 2 gives the same."
    ),
    variables=(),
    claims=(
        Claim("same_size", "padding (3 - 1)/2 = 1 keeps the map 4 x 4", Matrix([[size_working(4, 3, 1)] * 2]), Matrix([[4, 4]])),
        Claim("convolution", "F' as the seed states it, every entry", correlate_working(feature_map, filter_1, padding=1), seed_convolved),
        Claim("average_pool", "F'' = [[17.75, 16.75], [2, 3.5]]", pool_working(convolved), seed_pooled),
        Claim("pool_as_filter", "a 2x2 filter of 1/4 with stride 2 reproduces the average pooling", correlate_working(convolved, quarter, stride=2), average_pool(convolved)),
    ),
    parts=(
        Part("average_pool", "the average-pooled map F''", seed_pooled, question=average_pool(convolved)),
        Part("filter", "the 2x2 filter that reproduces the pooling (stride 2)", quarter, question=quarter),
    ),
    given=r"Let $F = \begin{pmatrix} 3 & 5 & 2 & 3 \\ 9 & 1 & 8 & 4 \\ 6 & 4 & 3 & 7 \\ 7 & 0 & 2 & 4 \end{pmatrix}$ and the filter $\begin{pmatrix} -1 & \frac{1}{2} & -2 \\ 2 & 0 & 1 \\ 0 & 1 & \frac{3}{2} \end{pmatrix}$ (seed 002). Slide the filter over $F$ padded with one ring of zeros (stride 1, no flipping) to get $F'$, then average-pool $F'$ over non-overlapping $2\times2$ patches to get $F''$.",
    source="seed 002 section 4 (its 16 entries of F', its F'' and the filter of 0.25 are right)",
    variants=VARIANTS,
    values=ORIGINAL,
)
