"""The students' dialect, as data: every command, function and character we accept, in one place.

Read top to bottom, this is the notation `derivs` understands; the parser (parsing.py) only
consults these tables. Adding `\\sech` is one row here, not a new rewrite.
"""

from __future__ import annotations

import functools

import sympy

_x = sympy.Dummy("x")
LOGISTIC = sympy.Lambda(_x, 1 / (1 + sympy.exp(-_x)))
RELU = sympy.Lambda(_x, sympy.Max(0, _x))
GELU = sympy.Lambda(_x, _x * (1 + sympy.erf(_x / sympy.sqrt(2))) / 2)  # x Φ(x), exact; a write-up may define its own
SOFTPLUS = sympy.Lambda(_x, sympy.log(1 + sympy.exp(_x)))
LOGIT = sympy.Lambda(_x, sympy.log(_x / (1 - _x)))  # the log-odds, the logistic function's inverse
LOG10 = sympy.Lambda(_x, sympy.log(_x, 10))  # \lg, as ISO 80000-2 and other graders' tables read it

# Functions of one argument, by command or operator name: \tanh, \operatorname{sech}, \text{ReLU}.
# `\log` is the natural logarithm, as in machine-learning texts; `\log_{2}` names its base.
FUNCTIONS: dict[str, object] = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec, "csc": sympy.csc,
    "cosec": sympy.csc,
    "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan, "arccot": sympy.acot, "arcsec": sympy.asec,
    "arccsc": sympy.acsc, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan, "acot": sympy.acot,
    "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh, "coth": sympy.coth, "sech": sympy.sech,
    "csch": sympy.csch,
    "arsinh": sympy.asinh, "arcsinh": sympy.asinh, "asinh": sympy.asinh, "arcosh": sympy.acosh,
    "arccosh": sympy.acosh, "acosh": sympy.acosh, "artanh": sympy.atanh, "arctanh": sympy.atanh,
    "atanh": sympy.atanh, "arcoth": sympy.acoth, "arccoth": sympy.acoth, "acoth": sympy.acoth,
    "arsech": sympy.asech, "asech": sympy.asech, "arcsch": sympy.acsch, "acsch": sympy.acsch,
    "exp": sympy.exp, "ln": sympy.log, "log": sympy.log,
    "sgn": sympy.sign, "sign": sympy.sign, "abs": sympy.Abs,
    "sigma": LOGISTIC, "sigmoid": LOGISTIC, "Sigmoid": LOGISTIC, "H": sympy.Heaviside, "Heaviside": sympy.Heaviside,
    "ReLU": RELU, "relu": RELU, "Relu": RELU, "erf": sympy.erf, "GELU": GELU, "gelu": GELU,
    "softplus": SOFTPLUS, "Softplus": SOFTPLUS, "logit": LOGIT,
    "lg": LOG10, "floor": sympy.floor, "ceil": sympy.ceiling, "ceiling": sympy.ceiling,  # \operatorname{floor}(x)
}

# The course's own functions among them, defined by a formula (what a problem may define another way: φ(x) = σ(ax)).
COURSE_FUNCTIONS = {name: function for name, function in FUNCTIONS.items() if isinstance(function, sympy.Lambda)}

# Functions a write-up may define its own way (a slope k, an approximation of GELU, a value of H at 0);
# a line `\tanh(x) = ...` is a claim to check, but `\sigma(x) = \frac{1}{1+e^{-kx}}` defines the write-up's sigma.
REDEFINABLE = frozenset({"sigma", "sigmoid", "Sigmoid", "GELU", "gelu", "H", "Heaviside", "softplus", "Softplus", "logit"})

# In a write-up (not an answer), these short words are names: out = \lfloor ... \rfloor, dim_{in}.
# Longer runs of letters are names there too; two or three letters otherwise multiply (ax, kxy).
DOCUMENT_WORDS = frozenset({"in", "out", "net", "dim", "pad", "len", "err", "OR", "AND", "XOR"})

# f^{-1} for these is the inverse function, not 1/f: \sin^{-1} x = arcsin x, \sigma^{-1}(p) = logit(p).
INVERSES: dict[object, object] = {
    LOGISTIC: LOGIT,
    sympy.sin: sympy.asin, sympy.cos: sympy.acos, sympy.tan: sympy.atan, sympy.cot: sympy.acot,
    sympy.sec: sympy.asec, sympy.csc: sympy.acsc, sympy.sinh: sympy.asinh, sympy.cosh: sympy.acosh,
    sympy.tanh: sympy.atanh, sympy.coth: sympy.acoth, sympy.sech: sympy.asech, sympy.csch: sympy.acsch,
}
INVERSE_NAMES = {"sigma": "logit", "sigmoid": "logit", "Sigmoid": "logit"}  # the same, by name (a write-up's sigma)

def _of_whole_numbers(pairwise):
    """gcd or lcm of any number of whole numbers (sympy's own takes two, and reads a third as a generator)."""
    def combined(*values):
        if not all(getattr(value, "is_integer", False) and value.is_number for value in values):
            raise ValueError("gcd and lcm are read for whole numbers")
        return functools.reduce(pairwise, values)
    return combined


GCD, LCM = _of_whole_numbers(sympy.gcd), _of_whole_numbers(sympy.lcm)

# Functions of several arguments: \max(0, x), \max\{0, x\}, \min(a, b), \gcd(12, 18, 8), \operatorname{lcm}(4, 6, 10).
VARIADIC: dict[str, object] = {"max": sympy.Max, "min": sympy.Min, "gcd": GCD, "lcm": LCM}

GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron rho "
    "varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon "
    "Phi Psi Omega ell".split()
)  # and \ell, a script l (a loss, a layer): a letter as the Greek ones are
# Spellings of one letter: a problem that defines \varphi accepts \phi for it, and the other way round.
GREEK_VARIANTS = {"phi": "varphi", "varphi": "phi", "epsilon": "varepsilon", "varepsilon": "epsilon",
                  "theta": "vartheta", "vartheta": "theta", "rho": "varrho", "varrho": "rho"}

CONSTANTS = {"pi": sympy.pi, "infty": sympy.oo, "infinity": sympy.oo, "e": sympy.E}

# Decorations that make a new name (\hat y is not y) and ones that only change the font (\mathbf x is x).
DECORATIONS = frozenset("hat widehat tilde widetilde bar overline dot ddot check breve".split())
FONTS = frozenset("mathbf boldsymbol bm vec mathit mathrm mathsf mathnormal mathcal mathbb pmb textbf textit".split())
# Commands a script typed without braces may be, taking their group along (x_\mathrm{tanh}, w_\text{new}), as TeX
# sets them.
SCRIPT_WRAPPERS = FONTS | DECORATIONS | {"text", "textrm", "operatorname", "mbox"}

# Relations, by command or symbol, with the sympy relation they build (approx is kept apart: a rounded value).
RELATIONS = {"=": "==", "<": "<", ">": ">", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
             "geqslant": ">=", "ne": "!=", "neq": "!=", "lt": "<", "gt": ">", "approx": "approx", "simeq": "approx", "doteq": "approx",
             "coloneqq": "==", "equiv": "=="}

# The ellipses a list or range writes between its terms (x_1, \dots, x_n; k = 1, \ldots, K).
LIST_ELLIPSES = ("dots", "ldots", "cdots")

# Products written with an operator; \odot is the Hadamard (entrywise) product.
PRODUCTS = frozenset({"cdot", "times", "ast", "odot", "circ", "otimes"})

# Other operators between two factors, at the products' precedence: 7 \bmod 3, a \mod n (the remainder).
BINARY_OPERATORS = {"bmod": sympy.Mod, "mod": sympy.Mod}

# Operators between the two halves of a braced group, as TeX's \over: {a \over b}, {n \choose k}.
GENERALISED_FRACTIONS = {"over": lambda a, b: a / b, "choose": sympy.binomial}

# A superscript that is a unit, not a power: 30^{\circ} (30°) is 30 degrees, in radians.
DEGREE = sympy.pi / 180

# Commands that open and close a pair of brackets, with the function the pair applies.
DELIMITERS = {"lfloor": ("rfloor", sympy.floor), "lceil": ("rceil", sympy.ceiling), "lvert": ("rvert", sympy.Abs),
              "lVert": ("rVert", "norm"), "|": ("|", "norm"), "langle": ("rangle", None)}

# Matrix environments and the bracket each draws (vmatrix is a determinant).
MATRIX_ENVIRONMENTS = frozenset({"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array"})

# Greek letters as one reads them: how feedback prints a name (sigma -> σ), and, read back, the LaTeX a pasted
# letter stands for (σ -> \sigma; for a letter with two spellings, the first listed: φ -> \varphi, ε -> \epsilon).
GREEK_GLYPHS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
    "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "upsilon": "υ", "varphi": "φ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ",
}
_PASTED_GREEK: dict[str, str] = {"ϕ": r"\phi "}
for _name, _glyph in GREEK_GLYPHS.items():
    _PASTED_GREEK.setdefault(_glyph, rf"\{_name} ")

# Characters students paste, as the LaTeX they stand for.
UNICODE = {
    **_PASTED_GREEK,
    "−": "-", "–": "-", "·": r"\cdot ", "⋅": r"\cdot ", "×": r"\times ", "∗": "*", "÷": "/", "′": "'", "″": "''", "’": "'",  # ’: a prime an editor's smart quotes made
    "≈": r"\approx ", "≤": r"\le ", "≥": r"\ge ", "≠": r"\ne ", "∑": r"\sum ", "∏": r"\prod ", "∂": r"\partial ",
    "∞": r"\infty ", "√": r"\sqrt ", "⊙": r"\odot ", "∘": r"\circ ", "∫": r"\int ", "→": r"\to ", "⇒": r"\Rightarrow ",
    "←": r"\leftarrow ", "⇔": r"\iff ", "⊗": r"\otimes ",
    "∇": r"\nabla ", "ᵀ": "^T", "⊤": r"\top ", "²": "^2", "³": "^3", "¹": "^1", "½": r"\frac12 ",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",  # zero-width: invisible
    "⌊": r"\lfloor ", "⌋": r"\rfloor ",
    "⋯": r"\cdots ", "…": r"\ldots ", "⋮": r"\vdots ", "⋱": r"\ddots ",  # an ellipsis pasted: x_1 + ⋯ + x_n
    "⌈": r"\lceil ", "⌉": r"\rceil ", "‖": r"\| ", "∈": r"\in ", "°": r"^{\circ}",
    **{chr(0x2080 + digit): f"_{digit}" for digit in range(10)},  # w₁, x₂: subscript digits
    **{glyph: f"^{digit}" for digit, glyph in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},  # x⁴: superscript digits
}
MATH_ALPHANUMERICS = range(0x1D400, 0x1D800)  # 𝑥, 𝐰, 𝜕, 𝝈 pasted from a word processor: the letter or sign they style


def unstyled(char: str) -> str:
    """A mathematical alphanumeric (𝑥, 𝐖, 𝜕, 𝝈) as the plain character it styles (x, W, ∂, σ); any other as it is."""
    import unicodedata

    return unicodedata.normalize("NFKC", char) if ord(char) in MATH_ALPHANUMERICS else char


# Accents on a pasted letter, precomposed (ŷ) or combining (x̂: x then U+0302): the LaTeX accent over that letter.
UNICODE_ACCENTS = {"\u0302": "hat", "\u0304": "bar", "\u0305": "bar", "\u0303": "tilde", "\u0307": "dot", "\u0308": "ddot", "\u20d7": "vec"}
