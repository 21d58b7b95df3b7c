"""Check a LaTeX derivation step by step and point at the first wrong one.

The text is split into display blocks, lines and chains (structure only: no mathematics
here); each pair of consecutive expressions in a chain is a step, judged on its own
against its predecessor, the way a human marker gives credit for correct algebra after an
earlier slip. Parsing and deciding are the grader's: parse_latex, then decide.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field, replace

import sympy

from .equivalence import decide
from .model import Index, Matrix, Problem, Scalar, Size, Vector
from .parsing import Context, LatexError, parse_latex, plain_name
from .sandbox import Overrun, run_limited
from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

STEP_TIMEOUT = 2.0  # CPU seconds per step
DERIVATION_BUDGET = 60.0  # CPU seconds for a whole derivation, whatever its length
MAX_DERIVATION = 200_000  # characters
MAX_STEPS = 400
ENVIRONMENTS = r"align\*?|aligned|alignat\*?|equation\*?|gather\*?|gathered|split|multline\*?|eqnarray\*?"
NAME = r"\\?[A-Za-z]+(?:_\{?[\w,]+\}?)?"  # x_3, \Sigma_1, w_{kj}: a name a write-up gives a value
LABEL = NAME + r"|\\(?:hat|tilde|bar)\s*\{?\w\}?"  # and \hat{y}: what may name a chain (\Sigma_1 : ...)
CHAIN = r"=(?!=)|\\approx(?![A-Za-z])"  # the links of a chain: A = B \approx 0.7971
IMPLIES = r"\\Rightarrow|\\implies|\\Longrightarrow|\\therefore"
UNDERBRACE = r"\\underbrace\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}\s*_\s*\{([^{}]*)\}"


# --- structure: blocks, lines, chains -----------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the source text where the block line starts
    text: str  # the cleaned line, relations still in it
    names: tuple[tuple[str, str], ...] = ()  # \underbrace{E}_{W} on this line: W stands for E


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def display_blocks(text: str) -> list[tuple[int, str]]:
    """(source line, body) of every display block, outermost first, in reading order."""
    pattern = re.compile(
        r"\$\$(?P<dollars>.+?)\$\$|\\\[(?P<brackets>.+?)\\\]|\\begin\{(?P<env>" + ENVIRONMENTS + r")\}(?P<body>.+?)\\end\{(?P=env)\}"
        r"|(?<![$\\])\$(?P<inline>\s*(?:\(|\\?[A-Za-z]+_)[^$\n]*=[^$\n]*)\$(?!\$)",  # inline: given values, (x_1, x_2) = (..), x_3 = ..
        re.DOTALL,
    )
    blocks = []
    for match in pattern.finditer(text):
        group = next(name for name in ("dollars", "brackets", "body", "inline") if match.group(name) is not None)
        body = match.group(group)
        inner = re.sub(r"\\(?:begin|end)\{(?:" + ENVIRONMENTS + r"|cases)\}(?:\{[^}]*\})?", lambda m: " " * len(m.group()), body)
        blocks.append((_line_of(text, match.start(group)), inner))
    return blocks


def _strip_annotations(line: str) -> str:
    """Equation numbers, tags, labels and remarks are not mathematics."""
    line = re.sub(r"\\(?:tag|label|eqref|ref)\*?\{[^{}]*\}|\\(?:nonumber|notag)", " ", line)
    line = re.sub(r"\\quad\s*\(\s*\d+[a-z]?\s*\)\s*$", " ", line)
    line = re.sub(r"\\text(?:rm|bf|it)?\s*\{[^{}]*\}(?!\s*[(^])", " ", line)
    line = re.sub(r"\\(?:xrightarrow|xleftarrow)\s*(?:\[[^\]]*\])?\s*\{(?:[^{}]|\{[^{}]*\})*\}", " = ", line)
    line = re.sub(r"\\(?:overset|stackrel)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\}", " = ", line)
    line = re.sub(UNDERBRACE, r"\1", line)
    line = re.sub(r"\\(?:q?quad)\b|\\[,;:!]", " ", line)
    line = re.sub(r"(\\\\)?\[\d+(?:pt|em|ex|mm)\]", " ", line)
    line = re.sub(r"^\s*\(\s*(?:[a-z]|[ivx]+|\d+)\s*\)\s*", " ", line)  # an item label such as (b)
    line = re.sub(r"^\s*Q\s*\d+[a-z]?\s*[:.)]\s*", " ", line)  # a question label: Q2:
    line = re.sub(r"^\s*(" + LABEL + r")\s*:(?!=)\s*(?=\S)", r"\1 = ", line)  # \Sigma_1 : x_1 w_1 + ... names the chain
    line = re.sub(r"\\boxed\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}", r"\1", line)
    return line.replace("&", " ").strip().rstrip(".,;")


def block_lines(first_line: int, body: str) -> list[Line]:
    lines = []
    offset = 0
    for raw in re.split(r"\\\\(?:\s*\[[^\]]*\])?", body):
        content_at = offset + len(raw) - len(raw.lstrip())
        number = first_line + body.count("\n", 0, content_at)
        offset += len(raw) + 2
        cleaned = _strip_annotations(raw)
        if cleaned:
            names = tuple((name.strip(), body) for body, name in re.findall(UNDERBRACE, raw))
            lines.append(Line(number, cleaned, names))
    return lines


def _split_top_level(text: str, separator: str) -> list[str]:
    """Split at the separator (a regex) where no bracket is open."""
    return _split_with_separators(text, separator)[0]


def _split_with_separators(text: str, separator: str) -> tuple[list[str], list[str]]:
    """The pieces between top-level separators, and the separators themselves (= or \\approx)."""
    parts, separators, depth, start, i = [], [], 0, 0, 0
    matcher = re.compile(separator)
    while i < len(text):
        char = text[i]
        if char in "({[":
            depth += 1
        elif char in ")}]":
            depth -= 1
        elif depth == 0:
            match = matcher.match(text, i)
            if match and match.end() > i:
                parts.append(text[start:i])
                separators.append(match.group().strip())
                start = i = match.end()
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts], separators


# --- steps ----------------------------------------------------------------------------------------


@dataclass
class Step:
    index: int
    line: int
    lhs: str
    rhs: str
    kind: str = "equal"  # "equal", or "implies" when both sides are equations
    start: str = ""  # the first expression of the step's chain
    names: tuple[tuple[str, str], ...] = ()  # names the derivation has given so far (\underbrace)
    verdict: str = ""  # valid, invalid, undecided, unparsed, definition
    feedback: str = ""
    witness: dict | None = None
    matches_start: bool | None = None  # the right side equals the first expression of its chain

    def to_dict(self) -> dict:
        return asdict(self)


def find_steps(text: str) -> list[Step]:
    """Every step of every chain in the text, numbered from 1 in reading order."""
    steps: list[Step] = []
    previous: str | None = None  # a block may continue the chain of the block before it
    start = ""
    names: tuple = ()
    for first_line, body in display_blocks(text):
        for line in block_lines(first_line, body):
            names += line.names
            for clause_number, clause in enumerate(_split_top_level(line.text, IMPLIES)):
                chain, relations = _split_with_separators(clause, CHAIN)
                if clause_number > 0 and steps and "=" in clause and steps[-1].line == line.number:
                    steps.append(Step(len(steps) + 1, line.number, _equation_of_line(line.text, clause_number - 1), clause, kind="implies"))
                    previous = chain[-1]
                    continue
                if len(chain) == 1:
                    previous = None
                    continue
                if chain[0] == "" and previous is not None:
                    chain[0] = previous  # a line starting with "=" continues the chain above
                else:
                    start = chain[0]
                for left, right, relation in zip(chain, chain[1:], relations):
                    if left and right:
                        kind = "approx" if relation.startswith("\\") else "equal"
                        steps.append(Step(len(steps) + 1, line.number, left, right, kind=kind, start=start, names=names))
                previous = next((piece for piece in reversed(chain) if piece), None)  # "A = B = \\ &= C": B links to C
    return steps


def _equation_of_line(text: str, clause: int) -> str:
    return _split_top_level(text, IMPLIES)[clause]


# --- judging ---------------------------------------------------------------------------------------


@dataclass
class DerivationReport:
    steps: list[Step] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def first_error(self) -> int | None:
        return next((s.index for s in self.steps if s.verdict == "invalid"), None)

    def to_dict(self) -> dict:
        return {"steps": [s.to_dict() for s in self.steps], "first_error": self.first_error, "seconds": round(self.seconds, 3)}

    def explanation(self) -> str:
        wrong = next((s for s in self.steps if s.verdict == "invalid"), None)
        if wrong is None:
            unclear = [s.index for s in self.steps if s.verdict in ("undecided", "unparsed")]
            if unclear:
                return f"no step was found wrong; steps {', '.join(map(str, unclear))} could not be checked"
            return "every step is valid"
        text = f"step {wrong.index} (line {wrong.line}) is wrong: {wrong.lhs} is not equal to {wrong.rhs}"
        return text + (f"; {wrong.feedback}" if wrong.feedback else "")


def _with_free_symbols(problem: Problem, exprs) -> Problem:
    """The problem, plus a variable for each symbol a step uses that the problem does not declare:
    an index (1..the vector length) if it subscripts a vector, else a real number."""
    bases = [v.base for v in problem.variables if hasattr(v, "base")]
    declared = {getattr(v, "symbol", None) for v in problem.variables} | set(bases) | {b.label for b in bases}
    length = next((v.length for v in problem.variables if isinstance(v, Vector)), 3)
    extra = []
    for expr in exprs:
        indices = {i for entry in expr.atoms(sympy.Indexed) for i in entry.indices}
        for symbol in expr.free_symbols:
            if isinstance(symbol, sympy.Symbol) and symbol not in declared and symbol not in {v.symbol for v in extra}:
                if symbol in indices:
                    extra.append(Index(symbol, length))
                else:
                    extra.append(Scalar(symbol, 0.2, 3) if symbol.is_positive else Scalar(symbol))
    return replace(problem, variables=problem.variables + tuple(extra)) if extra else problem


EMPTY = Problem(id="", title="", statement="", variables=(), claims=())


def _parse_side(text: str, problem: Problem, names: tuple):
    """Parse one side; a name given by an earlier \\underbrace{E}_{W} stands for E."""
    expr = parse_latex(text, problem)
    for name, body in names:
        symbols = [s for s in expr.free_symbols | expr.atoms(sympy.MatrixSymbol) if getattr(s, "name", None) == name]
        if symbols:
            value = parse_latex(body, problem)
            expr = expr.xreplace({s: value for s in symbols})
    return expr


MATRIX_NAME = re.compile(r"(?<![A-Za-z\\^])([A-Z])(?:_\{?(\w)\}?)?")


def _with_matrices(problem: Problem, step: Step) -> Problem:
    """In a problem about matrices, the capital names of a derivation are square matrices.

    The derivation's W_1 need not be the problem's (its shapes belong to the problem's
    claims); square matrices of a symbolic size keep products in order and transposes real.
    """
    if not any(isinstance(v, Matrix) for v in problem.variables):
        return problem
    size = sympy.Symbol("n", integer=True, positive=True)
    text = " ".join([step.lhs, step.rhs, *(body for _, body in step.names)])
    found = {}
    for letter, subscript in MATRIX_NAME.findall(text):
        name = f"{letter}_{subscript}" if subscript else letter
        found[name] = sympy.MatrixSymbol(name, size, size)
    if not found:
        return problem
    variables = problem.variables + (Size(size, (2, 3)),) + tuple(Matrix(m) for m in found.values())
    return replace(problem, variables=variables, names={**problem.names, **found})


def _definition(step: Step, problem: Problem, context: Context):
    """`NAME(x) = body` for a name the problem does not define: later lines use it.

    A first line `A_2 = ...` that names a new quantity is a definition too (body None).
    """
    if step.lhs == step.start and re.fullmatch(LABEL, step.lhs.strip()) and context.function(step.lhs.strip().lstrip("\\")) is None:
        name = step.lhs.strip()
        known = _name_key(name) in context.expressions or _name_key(name) in context.symbols
        if name not in context.symbols and name not in context.vectors and name not in problem.names and not known:
            parse_latex(step.rhs, _with_matrices(problem, step))  # an unreadable body is not a definition
            return None, None
    match = re.fullmatch(r"\\?([A-Za-z]+)\s*\(\s*([A-Za-z])\s*\)", step.lhs)
    if not match or context.function(match.group(1)) is not None or step.index != 1 and step.kind != "equal":
        return None
    variable = sympy.Symbol(match.group(2), real=True)
    body = parse_latex(step.rhs, problem)
    body = body.xreplace({s: variable for s in body.free_symbols if s.name == variable.name})
    return sympy.Function(match.group(1)), sympy.Lambda(variable, body)


def _name_key(text: str) -> str:
    """The key the parser looks a name up by: \\Sigma_{1} -> Sigma_1, \\hat y -> \\hat{y}."""
    text = text.strip()
    return plain_name(text) if re.match(r"\\(?:hat|tilde|bar)", text) else plain_name(text.lstrip("\\"))


def _given_values(step: Step, problem: Problem) -> dict | None:
    """Values the text gives: (w_1, ..., w_6) = (0.75, ...), or x_3 = -0.3 for a name not known yet."""
    if step.kind != "equal" or not (step.lhs.startswith("(") or re.fullmatch(NAME, step.lhs.strip())):
        return None
    try:
        left, right = parse_latex(step.lhs, problem), parse_latex(step.rhs, problem)
    except LatexError:  # not values: the step is judged, or read as a definition, and says why
        return None
    if isinstance(left, sympy.Tuple) and isinstance(right, sympy.Tuple) and len(left) == len(right):
        if all(isinstance(name, sympy.Symbol) and "_" in name.name for name in left) and all(value.is_number for value in right):
            return {name.name: value for name, value in zip(left, right)}
    literal = re.fullmatch(r"-?\s*\d+(?:\.\d+)?", step.rhs.strip())  # x_3 = -0.3 gives a value; \sigma_1 = \sigma(\Sigma_1) computes one
    labelled = "_" in step.lhs or step.lhs.strip().startswith("\\")  # a bare x stays a variable
    if isinstance(left, sympy.Symbol) and literal and labelled and step.lhs == step.start:
        if left.name not in Context.for_problem(problem).expressions:
            return {left.name: right}
    return None


def _with_values(problem: Problem, values: dict) -> Problem:
    return replace(problem, names={**problem.names, **values})


def judge_step(step: Step, problem: Problem, timeout: float) -> Step:
    if step.kind == "implies":
        return _judge_implication(step, problem, timeout)
    try:
        with time_limit(timeout):
            problem = _with_matrices(problem, step)
            left, right = _parse_side(step.lhs, problem, step.names), _parse_side(step.rhs, problem, step.names)
            context = _with_free_symbols(problem, (left, right))
            rounded = _as_written(step, left, right, context)
            if rounded is not None:
                return rounded
            decision = decide(context, left, right, budget=0.8 * timeout, strict=False)
    except LatexError as error:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    except TimeLimitExceeded:
        return replace(step, verdict="undecided", feedback=f"time limit of {timeout:g} s reached")
    except Exception as error:  # a step we could not judge is undecided, and says why
        return replace(step, verdict="undecided", feedback=f"could not decide ({type(error).__name__})")
    if decision.verdict == "equal":
        how = "proved" if decision.proved else "equal at random points"
        return replace(step, verdict="valid", feedback=how)
    if step.kind == "approx":
        return replace(step, verdict="undecided", feedback="an approximation (\\approx) is checked against a written decimal only")
    if decision.verdict == "different":
        witness = vars(decision.witness) if decision.witness else None
        where = f"at {decision.witness.point} the left side is {decision.witness.lhs} and the right side {decision.witness.rhs}" if decision.witness else decision.note
        return replace(step, verdict="invalid", feedback=where, witness=witness)
    return replace(step, verdict="undecided", feedback=decision.note)


_DECIMAL = re.compile(r"^-?\d*\.(\d+)$")
_DECIMAL_IN_TEXT = re.compile(r"(?<![\w.])\d*\.\d{4,}")  # rounded values; 0.8 or 1.368 are inputs, taken as exact


def _as_written(step: Step, left, right, problem: Problem) -> Step | None:
    """A right side written as a decimal (0.797057) is a rounded value: the step is valid when the left side,
    a number, agrees with it to the places shown, widened by the rounding of decimals written on the left (0.7068)."""
    written = step.rhs.replace(" ", "").replace("\\,", "")
    shown = _DECIMAL.match(written)
    if shown is None:
        return None
    value = problem.expand_definitions(left)
    if not getattr(value, "is_number", False):
        return None
    places = len(shown.group(1))
    exact = sympy.N(value, 40)
    if not exact.is_real:
        return None
    slack = sympy.Rational(1, 2) / 10**places + _inherited_rounding(step.lhs, problem, exact)
    rounded = f"{float(exact):.{places}f}"
    if abs(exact - sympy.Rational(written)) <= slack:
        return replace(step, verdict="valid", feedback=f"{written} agrees with {rounded} to the {places} places shown")
    witness = {"point": "", "lhs": rounded, "rhs": written, "values": ()}
    return replace(step, verdict="invalid", feedback=f"{written} written, {rounded} to {places} places", witness=witness)


def _inherited_rounding(text: str, problem: Problem, value) -> sympy.Rational:
    """The farthest the left side moves when one decimal written in it (itself rounded) moves by half a unit."""
    farthest = sympy.Integer(0)
    for match in list(_DECIMAL_IN_TEXT.finditer(text))[:6]:
        places = len(match.group().split(".")[1])
        for sign in (1, -1):
            nudged = sympy.Rational(match.group()) + sign * sympy.Rational(1, 2) / 10**places
            changed = text[: match.start()] + f"({sympy.N(nudged, places + 8)})" + text[match.end():]
            try:
                moved = sympy.N(problem.expand_definitions(parse_latex(changed, problem)), 30)
            except (LatexError, TypeError, ValueError):
                continue
            if moved.is_real:
                farthest = max(farthest, abs(moved - value))
    return sympy.Rational(str(sympy.N(farthest, 15)))


def _judge_implication(step: Step, problem: Problem, timeout: float) -> Step:
    """A => B between equations: valid when B's solution set in the unknown is A's."""
    try:
        with time_limit(timeout):
            first = [parse_latex(side, problem) for side in _split_top_level(step.lhs, r"=(?!=)")[:2]]
            second = [parse_latex(side, problem) for side in _split_top_level(step.rhs, r"=(?!=)")[:2]]
            if len(first) < 2 or len(second) < 2:
                return replace(step, verdict="undecided", feedback="both sides of an implication must be equations")
            a, b = first[0] - first[1], second[0] - second[1]
            unknowns = sorted(a.free_symbols & b.free_symbols, key=str)
            for unknown in unknowns:
                solutions = sympy.solve(a, unknown)
                if solutions and all(sympy.simplify(b.subs(unknown, s)) == 0 for s in solutions):
                    if set(sympy.solve(b, unknown)) <= set(solutions):
                        return replace(step, verdict="valid", feedback=f"same solutions in {unknown}")
    except LatexError as error:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    except Exception:
        pass
    return replace(step, verdict="undecided", feedback="could not show that the second equation follows from the first")


def _judge_all(steps: list[Step], problem: Problem | None, timeout: float) -> list[Step]:
    problem = problem or EMPTY
    context = Context.for_problem(problem)
    judged = []
    named: dict[str, None] = {}  # chains that name a quantity (\Sigma_1 = ...), in reading order
    started = cpu_seconds()
    for step in steps:
        if cpu_seconds() - started > DERIVATION_BUDGET:  # a hostile derivation gets a total bound, not N x timeout
            judged.append(replace(step, verdict="undecided", feedback=f"the derivation's budget of {DERIVATION_BUDGET:g} s of CPU time ran out"))
            continue
        definition = None
        try:
            with time_limit(timeout):  # a huge first line must not stall every step after it
                given = _given_values(step, problem)
                if given:
                    problem = _with_values(problem, given)
                    context = Context.for_problem(problem)
                    judged.append(replace(step, verdict="definition", feedback="given: " + ", ".join(f"{n} = {v}" for n, v in given.items())))
                    continue
                definition = _definition(step, problem, context) if step.kind == "equal" else None
        except TimeLimitExceeded:
            judged.append(replace(step, verdict="undecided", feedback=f"time limit of {timeout:g} s reached"))
            continue
        except Exception:  # not a definition after all: judged as a step, which says why
            definition = None
        if definition == (None, None):
            named[step.start] = None  # \Sigma_1 = ... = 1.368: the chain's number becomes Sigma_1's value
        if definition is not None:
            function, body = definition
            if function is not None:
                problem = replace(problem, definitions={**problem.definitions, function: body})
                context = Context.for_problem(problem)
            judged.append(replace(step, verdict="definition", feedback=f"defines {step.lhs}"))
            continue
        judged.append(judge_step(step, problem, timeout))
        if step.start in named and judged[-1].verdict in ("valid", "invalid"):
            value = _number(step.rhs, problem)
            if value is not None:  # the value as the student wrote it: later lines are judged from it
                problem = _with_values(problem, {_name_key(step.start): value})
                context = Context.for_problem(problem)
    return _mark_lines_that_match_their_start(judged, problem, timeout, set(named))


def _number(text: str, problem: Problem):
    try:
        value = parse_latex(text, problem)
    except LatexError:
        return None
    return value if getattr(value, "is_number", False) else None


def _mark_lines_that_match_their_start(steps: list[Step], problem: Problem, timeout: float, named: set = frozenset()) -> list[Step]:
    """In a chain with a wrong step, say which lines are still right: equal to where the chain began.
    (Not for a chain that names a value, \\Sigma_1 = ... = 1.368: its start now holds the value written.)"""
    broken = {s.start for s in steps if s.verdict == "invalid" and s.kind == "equal" and s.start not in named}
    marked = []
    for step in steps:
        if step.start in broken and step.verdict in ("valid", "invalid"):
            verdict = judge_step(replace(step, lhs=step.start), problem, timeout).verdict
            step = replace(step, matches_start=verdict == "valid" if verdict in ("valid", "invalid") else None)
        marked.append(step)
    return marked


def bounded_steps(text: str) -> list[Step]:
    """The steps of a derivation, after its size is checked (before any splitting). Raises LatexError."""
    if not isinstance(text, str):
        raise LatexError("the derivation must be text")
    if len(text) > MAX_DERIVATION:
        raise LatexError(f"the derivation is {len(text):,} characters long; at most {MAX_DERIVATION:,} are accepted")
    steps = find_steps(text)
    if len(steps) > MAX_STEPS:
        raise LatexError(f"the derivation has {len(steps):,} steps; at most {MAX_STEPS} are checked")
    return steps


def derivation_limit(steps: int, timeout: float) -> float:
    """The CPU limit for a whole derivation: a step's timeout each, and never more than the total budget."""
    return min(timeout * (2 + 2 * steps), DERIVATION_BUDGET + 2 * timeout)


def check_derivation_now(text: str, problem: Problem | None = None, timeout: float = STEP_TIMEOUT) -> DerivationReport:
    """In this process, under CPU limits per step and for the whole. Use check_derivation for untrusted text."""
    started = cpu_seconds()
    steps = _judge_all(bounded_steps(text), problem, timeout)
    return DerivationReport(steps, cpu_seconds() - started)


def check_derivation(text: str, problem: Problem | None = None, *, timeout: float = STEP_TIMEOUT) -> DerivationReport:
    """Check every step of a derivation in a worker (memory cap, hard CPU limit for the whole). Raises LatexError."""
    steps = bounded_steps(text)  # in the caller, before any worker: a 5 MB file stops here
    limit = derivation_limit(len(steps), timeout)
    started = time.monotonic()
    outcome = run_limited(check_derivation_now, (text, problem, timeout), limit)
    if isinstance(outcome, Overrun):
        for step in steps:
            step.verdict, step.feedback = "undecided", f"could not decide: {outcome.reason}"
        return DerivationReport(steps, time.monotonic() - started)
    return outcome
