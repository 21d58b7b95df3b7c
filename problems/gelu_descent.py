"""The GELU approximation x sigma(1.702x), its derivative, and gradient descent on it (seed 002, section 1).

Variable: each run's start x_0 and learning rate eta are parameters; the seed's runs are variant 0.
"""

import mpmath
from sympy import Derivative, Function, Lambda, Rational, Subs, Symbol, exp

from derivs.model import Choice, Claim, Decimal, Note, Part, Problem, Scalar, Variants, WriteUp, decimal_text, rounded_independently, rounding

x, v = Symbol("x", real=True), Symbol("v", real=True)
sigma, gelu, slope = Function("sigma"), Function("GELU"), Function("f'")
round4, to_4_places = rounding(4)
k = Rational("1.702")
slope_formula = sigma(k * x) + k * x * sigma(k * x) * (1 - sigma(k * x))
BETA = Rational(9, 10)  # momentum, run (c)


DIGITS = 40  # each iterate is evaluated to 40 digits before the next step, so the expressions stay small


def f_prime_at(point):
    return slope_formula.subs(x, point).replace(sigma, lambda arg: 1 / (1 + exp(-arg))).evalf(DIGITS)


def descend(start, rate, steps=3):
    """x_{n+1} = x_n - rate * f'(x_n)."""
    iterates = [Rational(start)]
    for _ in range(steps):
        iterates.append((iterates[-1] - rate * f_prime_at(iterates[-1])).evalf(DIGITS))
    return iterates


def momentum(start, rate, beta, steps=3):
    """v_0 = f'(x_0); x_{n+1} = x_n - rate v_n; v_{n+1} = beta v_n + (1 - beta) f'(x_{n+1})."""
    xs, velocity = [Rational(start)], f_prime_at(Rational(start))
    for _ in range(steps):
        xs.append((xs[-1] - rate * velocity).evalf(DIGITS))
        velocity = beta * velocity + (1 - beta) * f_prime_at(xs[-1])
    return xs


# The figures a variant's key states, worked out again with mpmath alone (not sympy), so check compares two computations.
def _mp_slope(point):
    s = 1 / (1 + mpmath.exp(-mpmath.mpf("1.702") * point))
    return s + mpmath.mpf("1.702") * point * s * (1 - s)


def _mp_runs(start, rate, beta=None, steps=3):
    with mpmath.workdps(50):
        xs, velocity = [mpmath.mpf(start.p) / start.q], None
        rate = mpmath.mpf(rate.p) / rate.q
        velocity = _mp_slope(xs[0])
        for _ in range(steps):
            xs.append(xs[-1] - rate * (velocity if beta is not None else _mp_slope(xs[-1])))
            if beta is not None:
                velocity = mpmath.mpf(beta.p) / beta.q * velocity + (1 - mpmath.mpf(beta.p) / beta.q) * _mp_slope(xs[-1])
        gelus = [point / (1 + mpmath.exp(-mpmath.mpf("1.702") * point)) for point in xs]
        return [rounded_independently(point, 4) for point in xs], [rounded_independently(value, 4) for value in gelus], rounded_independently(_mp_slope(xs[0]), 4)


SEED_RUNS = {  # the seed's stated x_1, x_2, x_3 and GELU(x_1..3) for each run
    "a": (("-0.05", "-0.0958", "-0.1376"), ("-0.0239", "-0.0440", "-0.0608")),
    "b": (("-0.5", "-0.6208", "-0.6765"), ("-0.1496", "-0.1601", "-0.1625")),
    "c": (("-2.9975", "-2.9951", "-2.9926"), ("-0.0181", "-0.0182", "-0.0183")),
}
ORIGINAL = {"x0_a": Rational(0), "eta_a": Rational(1, 10), "x0_b": Rational(0), "eta_b": Rational(1), "x0_c": Rational(-3), "eta_c": Rational(1, 10)}
RATES = tuple(Rational(r) for r in ("0.05", "0.1", "0.2", "0.5", "1"))


def build(values):
    runs = {run: (values[f"x0_{run}"], values[f"eta_{run}"]) for run in "abc"}
    original = dict(values) == ORIGINAL
    iterates = {run: descend(start, rate) for run, (start, rate) in runs.items()}
    with_momentum = momentum(*runs["c"], BETA)
    stated = {run: _mp_runs(start, rate) for run, (start, rate) in runs.items()}
    momentum_stated = _mp_runs(*runs["c"], beta=BETA)
    if original:  # the seed's own figures, as it states them
        stated = {run: ([Rational(t) for t in xs], [Rational(t) for t in gs], stated[run][2]) for run, (xs, gs) in SEED_RUNS.items()}
    # The key writes each iterate by its name in its run, x^{(a)}_1; check reads the names back as these values.
    iterate_names = {
        **{f"x^{{({run})}}_{n}": value for run, points in iterates.items() for n, value in enumerate(points) if n},
        **{f"x^{{(m)}}_{n}": value for n, value in enumerate(with_momentum) if n},
    }
    claims = []
    for run, (start, rate) in runs.items():
        xs, gelus = stated[run][0], stated[run][1]
        offset = 0 if original else 1  # mpmath's list starts at x_0
        for n in (1, 2, 3):
            said_x, said_g = xs[n - 1 + offset], gelus[n - 1 + offset]
            setting = f"({run}) x0 = {decimal_text(start)}, eta = {decimal_text(rate)}"
            claims.append(Claim(f"{run}_x{n}", f"{setting}: x_{n} = {decimal_text(said_x)}", round4(iterates[run][n]), said_x))
            claims.append(Claim(f"{run}_gelu{n}", f"{setting}: GELU(x_{n}) = {decimal_text(said_g)}", round4(gelu(iterates[run][n])), said_g))
    momentum_x3 = momentum_stated[0][3]
    start_c = runs["c"][0]
    velocity = stated["c"][2]
    a, b, c = (f"$x_0 = {decimal_text(runs[r][0])}$, $\\eta = {decimal_text(runs[r][1])}$" for r in "abc")
    return Problem(
        id="gelu_descent",
        title="Gradient descent on the GELU approximation",
        statement=(
            r"For $f(x) = x\sigma(1.702x)$ show $f'(x) = \sigma(1.702x) + 1.702x\sigma(1.702x)(1 - \sigma(1.702x))$ and compute three "
            rf"steps of gradient descent $x_{{n+1}} = x_n - \eta f'(x_n)$, to 4 decimals: (a) {a}; (b) {b}; (c) {c}, also with momentum $\beta = 0.9$."
        ),
        variables=(Scalar(x),),
        definitions={
            sigma: Lambda(v, 1 / (1 + exp(-v))),
            gelu: Lambda(v, v * sigma(k * v)),
            slope: Lambda(v, slope_formula.subs(x, v)),
            round4: to_4_places,
        },
        names={"sigma": sigma, "f": gelu, **iterate_names},
        written={
            **{value: name for name, value in reversed(iterate_names.items())},
            slope_formula: r"\sigma(1.702x) + 1.702x\,\sigma(1.702x)(1 - \sigma(1.702x))",
            Subs(Derivative(gelu(x), x), x, start_c): f"f'({decimal_text(start_c)})",
            Derivative(gelu(x), x): "f'(x)",
        },
        claims=(
            Claim("derivative", "f'(x) = sigma(1.702x) + 1.702x sigma(1.702x)(1 - sigma(1.702x))", Derivative(gelu(x), x), slope_formula),
            Claim("momentum_x3", f"(c) with momentum (beta = 0.9): x_3 = {decimal_text(momentum_x3)}", round4(with_momentum[3]), momentum_x3),
            Claim("initial_velocity", f"(c) v_0 = f'({decimal_text(start_c)}) = {decimal_text(velocity)}", round4(Subs(Derivative(gelu(x), x), x, start_c)), velocity),
        )
        + tuple(claims),
        parts=(
            Part("derivative", r"$f'(x)$ for $f(x) = x\sigma(1.702x)$", slope_formula, question=Derivative(gelu(x), x)),
            Part("a_x3", r"(a) $x_3$ to at least 4 decimals (graded to the places you give)", stated["a"][0][2 + (0 if original else 1)], question=round4(iterates["a"][3])),
            Part("b_x2", r"(b) $x_2$ to at least 4 decimals (graded to the places you give)", stated["b"][0][1 + (0 if original else 1)], question=round4(iterates["b"][2])),
        ),
        notes=(
            Note(
                r"Seed 002 writes the momentum update as $v_1 = \beta v_0 + (1-\beta)\nabla f_{x_0}$; the gradient is taken at the new "
                r"point, $\nabla f_{x_1}$. With $\beta = 0.9$ (the seed does not state $\beta$) the positions agree with its figures to 4 decimals."
            ),
        )
        if original
        else (),
        write_up=WriteUp(
            recognised_by={"GELU(x)": r"x\sigma(1.702x)"},
            # momentum: the velocity takes the gradient at the point just reached (the seed takes it one step behind)
            rules={"v_0": r"GELU'(x_0)", **{f"v_{n}": rf"\beta v_{n - 1} + (1 - \beta) GELU'(x_{n})" for n in (1, 2, 3)}},
        ),
        given=(
            r"Let $\sigma(v) = \frac{1}{1+e^{-v}}$ and $f(x) = x\sigma(1.702x)$ (GELU). Gradient descent takes $x_{n+1} = x_n - \eta f'(x_n)$: "
            rf"(a) from {a}; (b) from {b}."
        ),
        source="seed 002 section 1 (all its x_i and GELU(x_i) figures are right)" if original else "seed 002 section 1, with other numbers",
    )


VARIANTS = Variants(
    parameters=tuple(p for run in "abc" for p in (Decimal(f"x0_{run}", "-3", "3", 1), Choice(f"eta_{run}", RATES))),
    build=build,
    original=ORIGINAL,
)
PROBLEM = VARIANTS.problem(ORIGINAL)
