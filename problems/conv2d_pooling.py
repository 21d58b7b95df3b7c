"""A 3x3 convolution with padding 1, 2x2 average pooling, and the 2x2 filter of 1/4 that reproduces it (seed 002, section 4)."""

from sympy import Add, Integer, Matrix, Mul, Rational, zeros

from derivs.model import Claim, Part, Problem

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
)
