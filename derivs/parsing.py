"""Student LaTeX -> sympy, in the problem's own symbols.

latex2sympy2 does the parsing. Around it: checks that reject what it would silently
accept (an extra `)`, unknown commands, huge numbers), small named rewrites for the way
people write (`\\sigma(3x)` is an application, bare `\\sum_j`, `\\varphi'(0)`), and a
final mapping of names onto the problem's symbols, vectors, matrices and functions.
Student text is never evaluated as code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import sympy

from .model import Index, IndexedFunction, Matrix, Problem, Table, Vector

MAX_LENGTH = 10_000
MAX_NESTING = 60
MAX_DIGITS = 10_000  # a number with more digits than this is refused, not computed


class LatexError(ValueError):
    """The text is not a well-formed answer; says what and where."""

    def __init__(self, message: str, text: str = "", position: int | None = None):
        self.message = message
        self.text = text
        self.position = position
        super().__init__(self._render())

    def _render(self) -> str:
        if self.position is None or not self.text:
            return self.message
        start = max(0, self.position - 30)
        snippet = self.text[start : self.position + 30]
        caret = " " * (self.position - start) + "^"
        return f"{self.message} (at character {self.position + 1})\n{snippet}\n{caret}"


# --- what names mean ----------------------------------------------------------------------------

_x = sympy.Dummy("x")
LOGISTIC = sympy.Lambda(_x, 1 / (1 + sympy.exp(-_x)))
# Function names understood in every problem; a problem's own definitions and names win.
DEFAULT_FUNCTIONS: dict[str, object] = {
    "sigma": LOGISTIC,
    "sigmoid": LOGISTIC,
    "tanh": sympy.tanh,
    "sinh": sympy.sinh,
    "cosh": sympy.cosh,
    "sin": sympy.sin,
    "cos": sympy.cos,
    "tan": sympy.tan,
    "exp": sympy.exp,
    "ln": sympy.log,
    "H": sympy.Heaviside,
    "sgn": sympy.sign,
    "sign": sympy.sign,
    "ReLU": sympy.Lambda(_x, sympy.Max(0, _x)),
    "relu": sympy.Lambda(_x, sympy.Max(0, _x)),
}

GREEK = set(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho "
    "sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split()
)
# Commands latex2sympy2 understands, or that the rewrites below remove.
KNOWN_COMMANDS = GREEK | set(
    "frac dfrac tfrac cdot times left right exp ln log sin cos tan sinh cosh tanh arcsin arccos arctan sqrt "
    "sum prod int lim to infty max min operatorname mathrm mathbf boldsymbol bm top intercal prime partial "
    "displaystyle quad qquad cdots ldots dots mid vert lvert rvert lbrace rbrace rightarrow limits nolimits "
    "textstyle big Big bigg Bigg bigl bigr Bigl Bigr mathit mathbb hat text begin end".split()
)


@dataclass
class Context:
    """What the names in an answer mean for one problem."""

    symbols: dict[str, sympy.Basic] = field(default_factory=dict)  # plain name -> symbol
    functions: dict[str, object] = field(default_factory=dict)  # name (no backslash) -> Function/Lambda
    vectors: dict[str, sympy.IndexedBase] = field(default_factory=dict)
    matrices: dict[str, sympy.MatrixSymbol] = field(default_factory=dict)  # "W_1" -> W_1
    sum_bound: sympy.Basic | None = None  # the K in a bare \sum_j
    sum_bounds: dict[str, sympy.Basic] = field(default_factory=dict)  # per index letter, from the problem
    expressions: dict[str, sympy.Basic] = field(default_factory=dict)  # "\\hat{y}" -> sigma(w . x)
    index: sympy.Basic | None = None  # the entry F(v) means when written without a subscript

    @classmethod
    def for_problem(cls, problem: Problem | None) -> "Context":
        context = cls(functions=dict(DEFAULT_FUNCTIONS))
        if problem is None:
            return context
        for var in problem.variables:
            if isinstance(var, Vector):
                context.vectors[str(var.base)] = var.base
                context.sum_bound = context.sum_bound or sympy.sympify(var.length)
            elif isinstance(var, Table):
                context.vectors[str(var.base)] = var.base
            elif isinstance(var, Matrix):
                context.matrices[_plain_name(var.symbol.name)] = var.symbol
            elif isinstance(var, Index):
                context.index = context.index or var.symbol
                context.symbols[var.symbol.name] = var.symbol
            else:
                context.symbols[var.symbol.name] = var.symbol
        context.sum_bounds = {name: sympy.sympify(bound) for name, bound in problem.sum_bounds.items()}
        for function in problem.definitions:
            context.functions[str(function)] = function
        for name, value in problem.names.items():
            if isinstance(value, sympy.MatrixSymbol):
                context.matrices[_plain_name(name)] = value
            elif isinstance(value, sympy.IndexedBase):
                context.vectors[name] = value
            elif isinstance(value, (sympy.Symbol, sympy.Dummy)):
                context.symbols[name] = value
            elif isinstance(value, sympy.Expr):
                context.expressions[name] = value
            elif isinstance(value, IndexedFunction) or callable(value) or isinstance(value, sympy.Lambda):
                context.functions[name] = value
                context.vectors.pop(name, None)  # the problem's names win over a vector of that name
        for symbol in _all_symbols(problem):
            context.symbols.setdefault(symbol.name, symbol)
        return context


def _plain_name(name: str) -> str:
    """'W_{1}' and 'W_1' are the same name."""
    return re.sub(r"_\{(\w+)\}", r"_\1", name.replace(" ", ""))


def _all_symbols(problem: Problem) -> set:
    found = set()
    for claim in problem.claims:
        found |= sympy.sympify(claim.lhs).free_symbols | sympy.sympify(claim.rhs).free_symbols
    for part in problem.parts:
        found |= sympy.sympify(part.answer).free_symbols
    return {s for s in found if isinstance(s, sympy.Symbol) and not isinstance(s, sympy.Dummy)}


# --- checks on the raw text ---------------------------------------------------------------------

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def check_brackets(text: str) -> None:
    """Every (, [ and { closed in order; \\{ \\} and \\left. \\right. count as brackets or not at all."""
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in "{}|,;!. ":
            i += 2
            continue
        if char in _OPENERS:
            stack.append((char, i))
            if len(stack) > MAX_NESTING:
                raise LatexError(f"brackets nested more than {MAX_NESTING} deep", text, i)
        elif char in _CLOSERS:
            if not stack:
                raise LatexError(f"unbalanced '{char}': nothing to close", text, i)
            opener, where = stack.pop()
            if _OPENERS[opener] != char:
                raise LatexError(f"'{opener}' opened here is closed by '{char}'", text, where)
        i += 1
    if stack:
        opener, where = stack[-1]
        raise LatexError(f"unbalanced '{opener}': it is never closed", text, where)


def check_commands(text: str) -> None:
    for match in re.finditer(r"\\([A-Za-z]+)", text):
        if match.group(1) not in KNOWN_COMMANDS:
            raise LatexError(
                f"unknown command \\{match.group(1)}; write functions as \\exp, \\ln, \\tanh, \\max, \\operatorname{{sgn}}, ...",
                text,
                match.start(),
            )


# --- rewrites: tiny named functions, applied in order ------------------------------------------


def strip_math_delimiters(text: str) -> str:
    text = text.strip()
    for left, right in (("$$", "$$"), ("$", "$"), (r"\[", r"\]"), (r"\(", r"\)")):
        if text.startswith(left) and text.endswith(right) and len(text) >= len(left) + len(right):
            return text[len(left) : len(text) - len(right)].strip()
    return text


def drop_spacing(text: str) -> str:
    text = re.sub(r"\\(?:displaystyle|textstyle|limits|nolimits|quad|qquad|[,;:! ])", " ", text)
    return re.sub(r"\\(?:big|Big|bigg|Bigg)[lr]?(?![A-Za-z])", "", text)


def drop_left_right(text: str) -> str:
    text = re.sub(r"\\left\s*\.|\\right\s*\.", "", text)
    text = re.sub(r"\\(?:left|right)\s*\\([{}])", lambda m: "(" if m.group(1) == "{" else ")", text)
    text = re.sub(r"\\(?:left|right)\s*\\?(?:\||vert)", "|", text)
    return re.sub(r"\\(?:left|right)(?![A-Za-z])\s*", "", text)


def sympy_printed_forms(text: str) -> str:
    """What sympy's own LaTeX printer writes (so answers pasted from a key read back):
    \\sigma{(z)} -> \\sigma(z), {x}_{i} -> x_{i}, {\\omega^{(1)}}_{j,i} -> \\omega^{(1)}_{j,i}."""
    text = re.sub(r"(?<![A-Za-z])\{\s*(\\?[A-Za-z]+(?:\^\{\(\d+\)\})?)\s*\}(?=\s*_)", r"\1", text)  # not \\mathbf{x}_i
    out, position = [], 0
    for match in re.finditer(r"(?<=[A-Za-z])\{\s*\(", text):
        if match.start() < position:
            continue
        open_at = match.end() - 1
        try:
            close_at = _matching_paren(text, open_at)
        except LatexError:
            break
        tail = re.match(r"\s*\}", text[close_at + 1 :])
        if tail is None:
            continue
        out.append(text[position : match.start()] + text[open_at : close_at + 1])
        position = close_at + 1 + tail.end()
    out.append(text[position:])
    return "".join(out)


def normalise_fractions(text: str) -> str:
    """\\dfrac, \\tfrac -> \\frac; the shorthand \\frac12 and \\frac1{n} get their braces."""
    text = re.sub(r"\\[dt]frac(?![A-Za-z])", r"\\frac", text)
    text = re.sub(r"\\frac\s*(\d)\s*(\d)", r"\\frac{\1}{\2}", text)
    return re.sub(r"\\frac\s*(\d)\s*(?=\{)", r"\\frac{\1}", text)


def normalise_operator_names(text: str) -> str:
    """\\operatorname{sgn}(x), \\mathrm{ReLU}(x) -> \\sgn(x), \\ReLU(x); \\mathrm{H} -> H."""
    def plain(match):
        name = match.group(1)
        return name if len(name) == 1 else "\\" + name

    return re.sub(r"\\(?:operatorname|mathrm|text)\s*\{\s*([A-Za-z]+)\s*\}", plain, text)


def braces_to_max_args(text: str) -> str:
    """\\max\\{0, x\\} and \\max\\{0,x\\} -> \\max(0, x)."""
    return re.sub(r"\\(max|min)\s*\\\{(.*?)\\\}", r"\\\1(\2)", text)


def hat_braces(text: str) -> str:
    """\\hat y -> \\hat{y}, the one form latex2sympy2 reads."""
    return re.sub(r"\\hat\s+([A-Za-z])", r"\\hat{\1}", text)


def bold_vectors(text: str) -> str:
    return re.sub(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}", r"\1", text)


def natural_log(text: str) -> str:
    """\\log is the natural logarithm, as in machine-learning texts (latex2sympy2 reads base 10)."""
    return re.sub(r"\\log(?![A-Za-z])", r"\\ln", text)


def transpose_marks(text: str) -> str:
    """W^T, W^{T}, W^{\\top}, W^\\intercal -> W^{\\top} (only matrices can be transposed)."""
    return re.sub(r"\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T(?![A-Za-z])|\\top|\\intercal)", r"^{\\top}", text)


REWRITES = (
    strip_math_delimiters,
    drop_spacing,
    drop_left_right,
    sympy_printed_forms,
    normalise_fractions,
    normalise_operator_names,
    braces_to_max_args,
    bold_vectors,
    hat_braces,
    natural_log,
    transpose_marks,
)


def _bare_sums(text: str, context: Context) -> str:
    """\\sum_j, \\sum_{k}: the bounds are the problem's, 1..K."""
    def bounded(match):
        bound = context.sum_bounds.get(match.group(1), context.sum_bound)
        if bound is None:
            raise LatexError("a sum without bounds needs bounds here: write \\sum_{j=1}^{n}", text, match.start())
        return rf"\sum_{{{match.group(1)}=1}}^{{{sympy.latex(bound)}}}"

    return re.sub(r"\\sum_\{?\s*([A-Za-z])\s*\}?(?!\s*\^|\s*=|[A-Za-z])", bounded, text)


def _function_token(context: Context) -> re.Pattern:
    """One group matching any function name: \\sigma anywhere, a bare letter like H only as a word."""
    names = sorted(context.functions, key=len, reverse=True)
    alternatives = [rf"\\{re.escape(n)}" if n in GREEK or len(n) > 1 else rf"(?<!\\){re.escape(n)}" for n in names]
    if "phi" not in context.functions and "varphi" in context.functions:
        alternatives.append(r"\\phi")
    return re.compile("(" + "|".join(alternatives) + r")(?![A-Za-z])")


def _inside_command(text: str, index: int) -> bool:
    """Whether the single letter at text[index] belongs to a \\command word (the g of \\log)."""
    if text[index] == "\\":
        return False
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start > 0 and text[start - 1] == "\\"


def _matching_paren(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise LatexError("unbalanced '(': it is never closed", text, start)


@dataclass
class _Placeholders:
    values: dict[str, sympy.Basic] = field(default_factory=dict)

    def add(self, value) -> str:
        name = f"Xi_{len(self.values) + 1}"
        self.values[name] = value
        return rf"{{\Xi_{{{len(self.values)}}}}}"


def _applications(text: str, context: Context, holders: _Placeholders, depth: int) -> str:
    """NAME(arg), NAME^2(arg), NAME'(arg): parse the argument on its own, leave a placeholder."""
    pattern = _function_token(context)
    out, position = [], 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            out.append(text[position:])
            return "".join(out)
        after = match.end()
        if _inside_command(text, match.start()):  # the g of \log, the H of \Hat
            out.append(text[position:after])
            position = after
            continue
        tail = re.match(r"\s*(')?\s*(\^\s*(?:\{[^{}]*\}|\d))?\s*\(", text[after:])
        if tail is None:
            out.append(text[position:after])
            position = after
            continue
        open_at = after + tail.end() - 1
        close_at = _matching_paren(text, open_at)
        argument = parse_expression(text[open_at + 1 : close_at], context, depth + 1)
        function = _resolve_function(match.group(1), context)
        if isinstance(function, IndexedFunction):
            subscript = re.match(r"\s*_\s*(\{[^{}]*\}|\w)", text[close_at + 1 :])
            index = parse_expression(subscript.group(1).strip("{}"), context, depth + 1) if subscript else context.index
            close_at += subscript.end() if subscript else 0
            value = function.build(argument, index)
        else:
            value = _apply(function, argument, derivative=bool(tail.group(1)))
        replacement = holders.add(value)
        if tail.group(2):
            replacement = f"{{{replacement}}}{tail.group(2)}"
        out.append(text[position : match.start()] + replacement)
        position = close_at + 1


def _resolve_function(token: str, context: Context):
    name = token.lstrip("\\")
    if name == "phi" and "phi" not in context.functions:
        name = "varphi"
    return context.functions[name]


def _apply(function, argument, derivative: bool):
    if not derivative:
        return function(argument)
    u = sympy.Dummy("u")
    return sympy.Subs(sympy.Derivative(function(u), u), u, argument).doit() if not argument.is_Symbol else sympy.Derivative(function(argument), argument)


_BRACED = r"(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*?"


def _named_expressions(text: str, context: Context, holders: "_Placeholders") -> str:
    """Names the problem gives to expressions (E for the loss, \\hat{y} for an output), as placeholders.

    latex2sympy2 cannot even read a lone E, so they are replaced before it sees the text.
    """
    for name in sorted(context.expressions, key=len, reverse=True):
        pattern = re.escape(name) if name.startswith("\\") else rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z_])"
        text = re.sub(pattern, lambda _: holders.add(context.expressions[name]), text)
    return text


_INDEX = r"\s*([A-Za-z0-9]'?)\s*"
_INDICATOR = re.compile(
    r"(?:\\mathbb\s*\{\s*1\s*\}|\\mathbb\s*1|\\mathbf\s*\{\s*1\s*\}|\\mathbf\s*1|(?<![\w.])1)\s*"
    r"(?:\\\{" + _INDEX + "=" + _INDEX + r"\\\}|_\s*\{\s*\\?\{?" + _INDEX + "=" + _INDEX + r"\\?\}?\s*\})"
)
_KRONECKER = re.compile(r"\\delta\s*_\s*(?:\{" + _INDEX + ",?" + _INDEX + r"\}|([A-Za-z0-9])([A-Za-z0-9])?)")


def _index(name: str, context: Context):
    """A written subscript: a number, or the problem's index of that name."""
    return sympy.Integer(name) if name.isdigit() else context.symbols.get(name, sympy.Symbol(name))


def _indicators(text: str, context: Context, holders: "_Placeholders") -> str:
    """1\\{k=i\\}, \\mathbb{1}_{k=i} and \\delta_{ki}: the indicator of k = i, as KroneckerDelta."""
    def delta(*names):
        left, right = (n for n in names if n)
        return holders.add(sympy.KroneckerDelta(_index(left, context), _index(right, context)))

    text = _INDICATOR.sub(lambda m: delta(*m.groups()), text)
    if "delta" in context.symbols or "delta" in context.functions:
        return text  # the problem has its own delta (an error term, say)

    def kronecker(match):
        names = [n for n in match.groups() if n]
        if len(names) != 2:
            raise LatexError("\\delta needs two indices here: write \\delta_{ki} for the Kronecker delta", text, match.start())
        return delta(*names)

    return _KRONECKER.sub(kronecker, text)


_LAYER_ENTRY = re.compile(
    r"(\\?[A-Za-z]+)\s*(?:\^\s*\{\s*\(\s*(\d+)\s*\)\s*\}\s*_\s*(\{[^{}]*\}|\w)|_\s*(\{[^{}]*\}|\w)\s*\^\s*\{\s*\(\s*(\d+)\s*\)\s*\})"
)


def _layer_entries(text: str, context: Context, holders: "_Placeholders") -> str:
    """\\omega^{(2)}_{kj} and w_{k0}^{(2)}: entry (k, j) of the problem's layer-2 weights."""
    def entry(match):
        name, layer = match.group(1).lstrip("\\"), match.group(2) or match.group(5)
        base = context.vectors.get(f"{name}^({layer})")
        if base is None:
            return match.group(0)
        written = (match.group(3) or match.group(4)).strip("{}")
        names = [n.strip() for n in written.split(",")] if "," in written else list(written.replace(" ", ""))
        if len(names) != 2 or not all(names):
            raise LatexError(f"{name}^{{({layer})}} needs two indices, as in {name}^{{({layer})}}_{{kj}}", text, match.start())
        return holders.add(base[_index(names[0], context), _index(names[1], context)])

    return _LAYER_ENTRY.sub(entry, text)


def _partials(text: str, context: Context, holders: "_Placeholders", depth: int) -> str:
    """\\frac{\\partial E}{\\partial x_i} -> the Derivative of E with respect to x_i (latex2sympy2 has no \\partial)."""
    pattern = re.compile(r"\\frac\s*\{\s*\\partial\s*(" + _BRACED + r")\}\s*\{\s*\\partial\s*(" + _BRACED + r")\}")

    def derivative(match):
        top, variable = match.group(1).strip(), match.group(2).strip()
        if not top:
            raise LatexError("write the function in the numerator: \\frac{\\partial f}{\\partial x}", text, match.start())
        return holders.add(sympy.Derivative(parse_expression(top, context, depth + 1), parse_expression(variable, context, depth + 1)))

    return pattern.sub(derivative, text)


def _leibniz(text: str, context: Context) -> str:
    """\\frac{d\\varphi}{dx} and \\frac{d \\varphi(x)}{dx} -> \\frac{d}{dx} \\varphi(x)."""
    pattern = re.compile(r"\\frac\s*\{\s*d\s*(" + _function_token(context).pattern + r")\s*(\([^()]*\))?\s*\}\s*\{\s*d\s*([A-Za-z])\s*\}")

    def rewrite(match):
        token, argument, variable = match.group(2), match.group(3), match.group(4)
        return rf"\frac{{d}}{{d{variable}}} {token}{argument or '(' + variable + ')'}"

    return pattern.sub(rewrite, text)


# --- numbers that must not be computed ----------------------------------------------------------


def _digits(expr) -> float:
    """An upper estimate of the number of decimal digits of a numeric subexpression."""
    if expr.is_Integer or expr.is_Rational:
        return math.log10(abs(int(expr.p)) + 1) + math.log10(abs(int(expr.q)) + 1)
    if isinstance(expr, sympy.Pow) and expr.base.is_number and expr.exp.is_number:
        exponent_digits = _digits(expr.exp)
        if exponent_digits > 7:
            return math.inf
        return abs(_value(expr.exp)) * max(_digits(expr.base), 1)
    if isinstance(expr, sympy.factorial) and expr.args[0].is_number:
        size_digits = _digits(expr.args[0])
        if size_digits > 7:
            return math.inf
        n = abs(_value(expr.args[0]))
        return n * max(math.log10(n + 1), 1)
    if expr.args and expr.is_number:
        return sum(_digits(arg) for arg in expr.args)
    return 1.0


def _value(expr) -> float:
    try:
        return float(sympy.N(expr, 15)) if _digits(expr) < 300 else math.inf
    except (TypeError, ValueError, OverflowError):
        return math.inf


def check_magnitudes(expr, text: str) -> None:
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Pow, sympy.factorial)) and node.is_number and _digits(node) > MAX_DIGITS:
            raise LatexError(f"a number in this answer has more than {MAX_DIGITS:,} digits; it is not evaluated", text)


# --- the matrix case: a small parser, because products must not commute -------------------------


def _parse_matrix_expression(text: str, context: Context):
    """Sums and products of the problem's matrices, transposes and numbers, in written order."""
    tokens = re.findall(r"\\top|[A-Za-z](?:_(?:\{\w+\}|\w))?|\d+(?:\.\d+)?|[-+*/()^{}]|\\cdot|\\times|\S", text)
    position = 0

    def peek():
        return tokens[position] if position < len(tokens) else None

    def take():
        nonlocal position
        position += 1
        return tokens[position - 1]

    def expression():
        sign = -1 if peek() == "-" and take() else 1
        value = sign * term() if sign == -1 else term()
        while peek() in ("+", "-"):
            op = take()
            right = term()
            value = value + right if op == "+" else value - right
        return value

    def term():
        value = factor()
        while peek() is not None and peek() not in ("+", "-", ")", "}"):
            if peek() in ("*", r"\cdot", r"\times"):
                take()
            value = value * factor()
        return value

    def factor():
        value = atom()
        while peek() == "^":
            take()
            braced = peek() == "{" and take()
            mark = take()
            if braced:
                if take() != "}":
                    raise LatexError("expected '}' after a transpose", text)
            if mark != r"\top":
                raise LatexError(f"only transposes (^T) are understood for matrices, not ^{mark}", text)
            value = value.T
        return value

    def atom():
        token = take() if peek() is not None else None
        if token is None:
            raise LatexError("the answer ends too early", text)
        if token in ("(", "{"):
            value = expression()
            closer = take() if peek() is not None else None
            if closer not in (")", "}"):
                raise LatexError("unbalanced '(': it is never closed", text)
            return value
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            return sympy.Rational(token)
        name = _plain_name(token)
        if name in context.matrices:
            return context.matrices[name]
        known = ", ".join(sorted(context.matrices))
        raise LatexError(f"'{token}' is not one of this problem's matrices or vectors ({known})", text)

    value = expression()
    if peek() is not None:
        raise LatexError(f"unexpected '{peek()}'", text)
    return value


# --- the whole pipeline -------------------------------------------------------------------------


def _to_problem_names(expr, context: Context):
    """latex2sympy2's plain symbols and functions -> the problem's objects."""
    replacements = {}
    for symbol in expr.atoms(sympy.Symbol):  # bound variables too, so t in \int ... dt matches H(t)
        name = symbol.name
        indexed = re.fullmatch(r"(\w+?)_\{?(\w+)\}?", name)
        if indexed and name not in context.symbols:
            base, index = indexed.groups()
            index_value = _index(index, context)
            if base in context.vectors:
                replacements[symbol] = context.vectors[base][index_value]
            elif isinstance(context.functions.get(base), IndexedFunction):  # p_i for the entries of p = S(x)
                replacements[symbol] = context.functions[base].build(sympy.Symbol(_vector_name(context)), index_value)
        elif name in context.symbols:
            replacements[symbol] = context.symbols[name]
        elif name in context.expressions:
            replacements[symbol] = context.expressions[name]
    return expr.xreplace(replacements)


def _uses_matrices(text: str, context: Context) -> bool:
    if not context.matrices or re.search(r"\\(?:frac|sum|exp|sigma)", text):
        return False
    return any(_plain_name(token) in context.matrices for token in re.findall(r"[A-Za-z](?:_(?:\{\w+\}|\w))?", text))


def _vector_name(context: Context) -> str:
    return next(iter(context.vectors), "x")


def parse_expression(text: str, context: Context, depth: int = 0):
    if depth > MAX_NESTING:
        raise LatexError("function applications nested too deeply")
    for rewrite in REWRITES:
        text = rewrite(text)
    if not text.strip():
        raise LatexError("empty expression")
    if _uses_matrices(text, context):
        return _parse_matrix_expression(text, context)
    text = _bare_sums(text, context)
    text = _leibniz(text, context)
    holders = _Placeholders()
    text = _indicators(text, context, holders)
    text = _layer_entries(text, context, holders)
    text = _partials(text, context, holders, depth)
    text = _applications(text, context, holders, depth)
    text = _named_expressions(text, context, holders)  # last: inner parses above handle their own
    expr = _latex2sympy(text)
    check_magnitudes(expr, text)
    expr = expr.xreplace({sympy.Symbol(name): value for name, value in holders.values.items()})
    return _to_problem_names(expr, context)


def _latex2sympy(text: str):
    from latex2sympy2 import latex2sympy

    try:
        return latex2sympy(text)
    except RecursionError:
        raise LatexError("the expression is nested too deeply") from None
    except Exception as error:  # latex2sympy2 raises plain Exception with an ANTLR message
        lines = str(error).splitlines()
        caret = next((line for line in lines if line.strip().endswith("^")), None)
        position = len(caret) - 1 if caret else None
        raise LatexError(f"cannot read this LaTeX: {lines[0] if lines else type(error).__name__}", text, position) from None


def parse_latex(text: str, problem: Problem | None = None):
    """An answer in LaTeX -> a sympy expression in the problem's symbols. Raises LatexError."""
    if not isinstance(text, str):
        raise LatexError("the answer must be text")
    if len(text) > MAX_LENGTH:
        raise LatexError(f"the answer is {len(text):,} characters long; at most {MAX_LENGTH:,} are accepted")
    if not text.strip():
        raise LatexError("the answer is empty")
    check_brackets(text)
    check_commands(text)
    return parse_expression(text, Context.for_problem(problem))
