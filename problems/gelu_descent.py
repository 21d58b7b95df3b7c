"""The GELU approximation x sigma(1.702x), its derivative, and gradient descent on it (seed 002, section 1)."""

from sympy import Derivative, Function, Lambda, Rational, Subs, Symbol, exp

from derivs.model import Claim, Note, Part, Problem, Scalar, WriteUp, rounding

x, v = Symbol("x", real=True), Symbol("v", real=True)
sigma, gelu, slope = Function("sigma"), Function("GELU"), Function("f'")
round4, to_4_places = rounding(4)
k = Rational("1.702")
slope_formula = sigma(k * x) + k * x * sigma(k * x) * (1 - sigma(k * x))


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


RUNS = {  # (start, learning rate) -> the seed's x_1, x_2, x_3 and GELU(x_1..3)
    "a": (0, Rational(1, 10), ("-0.05", "-0.0958", "-0.1376"), ("-0.0239", "-0.0440", "-0.0608")),
    "b": (0, 1, ("-0.5", "-0.6208", "-0.6765"), ("-0.1496", "-0.1601", "-0.1625")),
    "c": (-3, Rational(1, 10), ("-2.9975", "-2.9951", "-2.9926"), ("-0.0181", "-0.0182", "-0.0183")),
}


ITERATES = {run: descend(start, rate) for run, (start, rate, _, _) in RUNS.items()}
WITH_MOMENTUM = momentum(-3, Rational(1, 10), Rational(9, 10))
# The key writes each iterate by its name in its run, x^{(a)}_1; check reads the names back as these values.
ITERATE_NAMES = {
    **{f"x^{{({run})}}_{n}": value for run, iterates in ITERATES.items() for n, value in enumerate(iterates) if n},
    **{f"x^{{(m)}}_{n}": value for n, value in enumerate(WITH_MOMENTUM) if n},
}


def iterate_claims():
    claims = []
    for run, (start, rate, xs, values) in RUNS.items():
        iterates = ITERATES[run]
        for n, (stated_x, stated_value) in enumerate(zip(xs, values), start=1):
            claims.append(Claim(f"{run}_x{n}", f"({run}) x0 = {start}, eta = {rate}: x_{n} = {stated_x}", round4(iterates[n]), Rational(stated_x)))
            claims.append(Claim(f"{run}_gelu{n}", f"({run}) GELU(x_{n}) = {stated_value}", round4(gelu(iterates[n])), Rational(stated_value)))
    return tuple(claims)


PROBLEM = Problem(
    id="gelu_descent",
    title="Gradient descent on the GELU approximation",
    statement=(
        r"For $f(x) = x\sigma(1.702x)$ show $f'(x) = \sigma(1.702x) + 1.702x\sigma(1.702x)(1 - \sigma(1.702x))$ and compute three "
        r"steps of gradient descent $x_{n+1} = x_n - \eta f'(x_n)$, to 4 decimals: (a) $x_0 = 0$, $\eta = 0.1$; (b) $x_0 = 0$, $\eta = 1$; "
        r"(c) $x_0 = -3$, $\eta = 0.1$, also with momentum."
    ),
    variables=(Scalar(x),),
    definitions={
        sigma: Lambda(v, 1 / (1 + exp(-v))),
        gelu: Lambda(v, v * sigma(k * v)),
        slope: Lambda(v, slope_formula.subs(x, v)),
        round4: to_4_places,
    },
    names={"sigma": sigma, "f": gelu, **ITERATE_NAMES},
    written={
        **{value: name for name, value in reversed(ITERATE_NAMES.items())},
        slope_formula: r"\sigma(1.702x) + 1.702x\,\sigma(1.702x)(1 - \sigma(1.702x))",
        Subs(Derivative(gelu(x), x), x, -3): "f'(-3)",
        Derivative(gelu(x), x): "f'(x)",
    },
    claims=(
        Claim("derivative", "f'(x) = sigma(1.702x) + 1.702x sigma(1.702x)(1 - sigma(1.702x))", Derivative(gelu(x), x), slope_formula),
        Claim("momentum_x3", "(c) with momentum (beta = 0.9): x_3 = -2.9926, as without", round4(WITH_MOMENTUM[3]), Rational("-2.9926")),
        Claim("initial_velocity", "(c) v_0 = f'(-3) = -0.0245", round4(Subs(Derivative(gelu(x), x), x, -3)), Rational("-0.0245")),
    )
    + iterate_claims(),
    parts=(
        Part("derivative", r"$f'(x)$ for $f(x) = x\sigma(1.702x)$", slope_formula, question=Derivative(gelu(x), x)),
        Part("a_x3", r"(a) $x_3$ to at least 4 decimals (graded to the places you give)", Rational("-0.1376"), question=round4(ITERATES["a"][3])),
        Part("b_x2", r"(b) $x_2$ to at least 4 decimals (graded to the places you give)", Rational("-0.6208"), question=round4(ITERATES["b"][2])),
    ),
    notes=(
        Note(
            r"Seed 002 writes the momentum update as $v_1 = \beta v_0 + (1-\beta)\nabla f_{x_0}$; the gradient is taken at the new "
            r"point, $\nabla f_{x_1}$. With $\beta = 0.9$ (the seed does not state $\beta$) the positions agree with its figures to 4 decimals."
        ),
    ),
    write_up=WriteUp(
        recognised_by={"GELU(x)": r"x\sigma(1.702x)"},
        # momentum: the velocity takes the gradient at the point just reached (the seed takes it one step behind)
        rules={"v_0": r"GELU'(x_0)", **{f"v_{n}": rf"\beta v_{n - 1} + (1 - \beta) GELU'(x_{n})" for n in (1, 2, 3)}},
    ),
    given=r"Let $\sigma(v) = \frac{1}{1+e^{-v}}$ and $f(x) = x\sigma(1.702x)$ (GELU). Gradient descent takes $x_{n+1} = x_n - \eta f'(x_n)$: (a) from $x_0 = 0$ with $\eta = 0.1$; (b) from $x_0 = 0$ with $\eta = 1$.",
    source="seed 002 section 1 (all its x_i and GELU(x_i) figures are right)",
)
