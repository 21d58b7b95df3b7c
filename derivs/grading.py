"""Grade one student answer against a problem part: correct, incorrect, invalid or undecided."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import sympy
from sympy.matrices.exceptions import MatrixError

from .discovery import LoadError, UnknownProblem, did_you_mean, load_problem, load_problems
from .equivalence import decide
from .feedback import differential_note, explain
from .latex import to_latex, to_text
from .matrices import MatrixDerivative, is_matrix, layouts
from .model import Index, IndexedFunction, Part, Problem, decimal_places, whole_part
from .dialect import COURSE_FUNCTIONS, GREEK
from .lexer import tokens
from .parsing import Context, LatexError, Reading, ShapeMismatch, parse_latex, read, read_answer
from .quoting import count
from .sandbox import Overrun, run_limited
from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

DEFAULT_TIMEOUT = 2.0  # CPU seconds per answer
PROOF_BUDGET = 0.5  # CPU seconds of the default timeout for the symbolic proof behind `proved`
# "unproved": equal at every point tried (sampled, breakpoints, jumps, far magnitudes, sizes), residual examined,
# but no symbolic proof: never plain "correct", so an instructor can find it (it scores as correct; see README).
# "wrong_form": the reference's value, not written as a part asks whose form is the exercise (tanh in terms of σ):
# not scored. Where the form is how the answer is asked for (tanh' in terms of σ), the right value is correct, with a note.
VERDICTS = ("correct", "unproved", "wrong_form", "incorrect", "invalid", "undecided")
UNPROVED = "unproved"
WRONG_FORM = "wrong_form"
SCORED = frozenset({"correct", UNPROVED})  # the verdicts that earn a part's points


class UnknownTarget(KeyError):
    """A target that names no problem part; says which targets exist."""

    def __init__(self, target: str, known: list[str], reason: str = ""):
        super().__init__(target)
        self.target, self.known, self.reason = target, known, reason

    def __str__(self) -> str:
        if self.reason:
            return f"target {self.target!r}: {self.reason}"
        problem = self.target.partition(".")[0] + "."
        siblings = [known for known in self.known if known.startswith(problem)]
        listed = f"the parts of {problem[:-1]} are {', '.join(siblings)}" if siblings else "`derivs list` shows every target"
        return f"unknown target {self.target!r}{did_you_mean(self.target, self.known)} (targets are PROBLEM.PART; {listed})"


@dataclass(frozen=True)
class GradeResult:
    target: str
    answer: str
    verdict: str  # one of VERDICTS
    feedback: str
    proved: bool  # for a correct answer: equality was proved symbolically, not only numerically
    seconds: float
    witness: dict | None = None  # where an incorrect answer differs: point and both values
    student: str | None = None
    interpreted: str = ""  # the answer as read, printed back as LaTeX in the problem's notation
    reading_notes: tuple[str, ...] = ()  # where the reading departs from TeX (e^-ax read as e^{-ax})
    other_form: str = ""  # the right value, not written as the part asks: the form asked ("write the answer without tanh")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["reading_notes"] = list(self.reading_notes)
        for unset in ("student", "other_form"):
            if not data[unset]:
                del data[unset]
        return data


def known_targets(problems_dir: str | Path | None = None) -> list[str]:
    problems = load_problems(problems_dir)
    return [f"{p.id}.{part.name}" for p in problems.values() if not isinstance(p, LoadError) for part in p.parts]


def describe_target(target: str, problems_dir: str | Path | None = None) -> dict:
    """What a student is asked and may write for a target: prompt, kind, points, the names the part knows."""
    problem, part = resolve_target(target, problems_dir)
    context = Context.for_problem(problem)
    names = {
        "functions": sorted(name for name in context.functions if name),
        "matrices": sorted(context.matrices),
        "vectors": sorted(context.vectors),
        "named expressions": sorted(context.expressions),
        "symbols": sorted(name for name in context.symbols if "^" not in name),
    }
    return {"target": target, "title": problem.title, "prompt": part.prompt, "kind": part.kind, "points": part.points,
            "names": {kind: found for kind, found in names.items() if found},
            "must be written in": [to_text(item) for item in part.in_terms_of], "must not contain": [to_text(item) for item in part.forbidden]}


def resolve_target(target: str, problems_dir: str | Path | None = None) -> tuple[Problem, Part]:
    """PROBLEM.PART, or PROBLEM.PART@SEED: that part of the problem's variant SEED (its own numbers)."""
    from .variants import VariantError, variant

    named, _, seed = str(target).partition("@")
    problem_id, _, part_name = named.partition(".")
    problem = load_problem(problem_id, problems_dir)
    if isinstance(problem, Problem) and any(p.name == part_name for p in problem.parts):
        if not seed:
            return problem, problem.part(part_name)
        try:
            chosen = variant(problem, seed)
        except VariantError as error:
            raise UnknownTarget(str(target), known_targets(problems_dir), str(error)) from None
        return chosen, chosen.part(part_name)
    raise UnknownTarget(str(target), known_targets(problems_dir))


def seeded_target(target: str, seed: int, problems_dir: str | Path | None = None) -> str:
    """PROBLEM.PART@SEED when the part's problem has parameters and the seed is not 0; else the target itself."""
    if not seed:
        return target
    problem, _ = resolve_target(target, problems_dir)
    return f"{target}@{seed}" if problem.variants is not None else target


def _incorrect_feedback(problem: Problem, part: Part, answer, decision, latex: str = "") -> str:
    reason = per_reading(explain, problem, part, answer) or _rounded(latex, answer, problem.expand_definitions(part.answer), part)
    if reason:
        return reason
    if decision.note:
        return decision.note
    witness = decision.witness
    if not witness.point:  # a number, not a function of the variables: do not give the answer away
        return f"not the expected value: yours is {witness.lhs}"
    return f"not the expected answer: at {witness.point} yours is {witness.lhs} but the expected value is {witness.rhs}"


_DECIMAL_PLACES = re.compile(r"(?<![\d.])\d*\.(\d+)")


def _rounded(latex: str, answer, reference, part: Part) -> str | None:
    """A decimal that is the exact answer rounded to the places written (35.1211 for 1/9 + 36 + cos 3): say so,
    since the part asks for the exact value (a part asking for decimals is graded by `decimal_verdict`)."""
    places = [len(found) for found in _DECIMAL_PLACES.findall(latex)]
    if not places or not getattr(answer, "is_number", False) or not getattr(reference, "is_number", False):
        return None
    written = max(places)
    if abs(sympy.N(answer - reference, 30)) <= sympy.Rational(1, 2 * 10**written):
        return f"that is the value rounded to {written} decimal places: the exact value is asked for (a fraction, a root, cos 3, ...)"
    return None


def grade_now(target: str, latex: str, timeout: float = DEFAULT_TIMEOUT, problems_dir: str | None = None, others: tuple = ()) -> GradeResult:
    """Grade in this process, under a CPU-time limit. Use `grade` for untrusted input (a hard limit too).
    `others`: the seeds of the other variants handed out (the class's); a wrong number that is one of their
    answers (or the homework's own, variant 0) says so, without saying whose."""
    graded = _graded_now(target, latex, timeout, problems_dir)
    if graded.verdict != "incorrect" or "@" not in target:
        return graded
    problem, part = resolve_target(target, problems_dir)
    if problem.variants is None or part.kind != "expression":
        return graded
    try:
        with time_limit(max(0.1, timeout - graded.seconds)):
            copied = answers_another_variant(problem, part, latex, others)
    except (TimeLimitExceeded, LatexError, ValueError, TypeError):
        copied = False
    if not copied:
        return graded
    said = "this is the answer to another version of the question, with other numbers: work it out with the numbers on your own sheet"
    return replace(graded, feedback=f"{said} ({graded.feedback})")


def answers_another_variant(problem: Problem, part: Part, latex: str, others: tuple = ()) -> bool:
    """Whether a numeric answer is the answer of the same part in another variant (variant 0 or one of `others`)
    to the places it is written, while it is not this variant's."""
    from .variants import variant

    answer = sympy.sympify(stated_value(read_answer(latex, problem))[0])
    if not getattr(answer, "is_number", False):
        return False
    written = places_written(latex)
    tolerance = sympy.Rational(1, 2 * 10**written) if written is not None else sympy.Rational(0)
    for seed in dict.fromkeys((0, *others)):
        if seed == problem.seed:
            continue
        other = variant(problem, seed).part(part.name).answer
        if getattr(other, "is_number", False) and abs(sympy.N(answer - other, 30)) <= tolerance:
            return True
    return False


def _graded_now(target: str, latex: str, timeout: float = DEFAULT_TIMEOUT, problems_dir: str | None = None) -> GradeResult:
    started = cpu_seconds()
    problem, part = resolve_target(target, problems_dir)
    reading: list = []

    def result(verdict: str, feedback: str, proved: bool = False, witness=None) -> GradeResult:
        interpreted, notes = reading if reading else ("", ())
        return GradeResult(target, latex, verdict, feedback, proved, cpu_seconds() - started, witness, None, interpreted, notes)

    if part.kind == "derivation":
        return _grade_derivation(target, latex, problem, part, timeout, started)
    try:
        with time_limit(timeout):
            first = read_answer(latex, problem)
            answer, notes = stated_value(first)
            answer = shaped_like(answer, part.answer)
            reading[:] = [shown_reading(latex, Context.for_problem(problem), first), notes]
            restated = restates_question(problem, part, answer)
            through = in_terms_of_items(problem, part, latex, answer) if restated else None
            if through:
                answer, said = through
                reading[1] = (*notes, said)
            elif restated:
                budget = max(0.1, 0.8 * timeout - (cpu_seconds() - started))
                verdict, feedback, proved, other = form_verdict(problem, part, answer, budget, PROOF_BUDGET * timeout / DEFAULT_TIMEOUT)
                return replace(result(verdict, feedback, proved), other_form=other)
            decimal = decimal_verdict(problem, part, answer, latex)
            if decimal:
                return result(*decimal)
            decision = decided(problem, part, answer, max(0.1, 0.8 * timeout - (cpu_seconds() - started)), PROOF_BUDGET * timeout / DEFAULT_TIMEOUT)
            if decision.verdict == "equal":
                return result(*equal_verdict(decision))
            layout = layout_verdict(problem, part, answer, budget=max(0.1, 0.8 * timeout - (cpu_seconds() - started)))
            if layout:
                return result(*layout)
            if decision.verdict == "undecided":
                return result("undecided", f"could not decide: {decision.note}")
            witness = vars(decision.witness) if decision.witness else None
            return result("incorrect", _incorrect_feedback(problem, part, answer, decision, latex), witness=witness)
    except ShapeMismatch as error:  # well-formed, but its matrices do not fit: a wrong answer, and which shapes clash
        return result("incorrect", _shape_message(latex, problem, error))
    except LatexError as error:
        return result("invalid", str(error))
    except TimeLimitExceeded:
        return result("undecided", f"time limit of {timeout:g} s reached before a decision")
    except MatrixError as error:  # a well-formed text whose mathematics is not (the power of a 1 x 2 matrix)
        return result("incorrect", f"this is not defined for matrices: {error}")
    except RecursionError:
        return result("invalid", "the expression is nested too deeply")
    except MemoryError:
        return result("undecided", "ran out of memory before a decision")
    except Exception as error:  # a decision we could not make is undecided, and says why
        return result("undecided", f"could not decide ({type(error).__name__}: {error})")


_NUMBER = re.compile(r"(\d*)(?:\.(\d+))?\s*(?:(?:\\times|\\cdot|×|·)\s*10\s*\^\s*\{?\s*([-−]?\s*\d+)\s*\}?|[eE]([-+]?\d+))?")


_CLOSING = re.compile(r"(?:\s|\\right\s*[)\]]|[)\].}$])+$")  # what may follow the last number: \right), a full stop, $


def places_written(latex: str) -> int | None:
    """The decimal places of the last number written, at its scale: 0.00062 has 5, 6.2 \times 10^{-4} has 5,
    1.5e3 has 0; None when it has no decimal point (a whole number, a fraction, an expression)."""
    last = None
    for match in _NUMBER.finditer(latex):
        if match.group(0).strip() and (match.group(1) or match.group(2)):
            last = match
    exponent = last and (last.group(3) or last.group(4))
    if last is None or (last.group(2) is None and not exponent) or last.end() < len(_CLOSING.sub("", latex)):
        return None
    return max(0, len(last.group(2) or "") - int((exponent or "0").replace("−", "-").replace(" ", "")))


def decimal_verdict(problem: Problem, part: Part, answer, latex: str) -> tuple[str, str] | None:
    """A part asked "to at least N decimals" (its question a rounding, round4(...)): a decimal answer with N or
    more places is graded at the places it gives (0.00062 against the exact value to 5 places), fewer
    places are incorrect and say so; an exact value (a fraction) is compared exactly. None for other parts."""
    asked = decimal_places(part.question) if part.question is not None else None
    if asked is None or not getattr(answer, "is_number", False):
        return None
    written = places_written(latex)
    if written is None:  # not a decimal: compared with the key's value as any answer is
        return None
    if written < asked:
        return "incorrect", f"give at least {asked} decimal places: {latex.strip()} has {written}"
    rounded = per_part(_roundings, problem, part)  # places -> the exact value rounded to them
    if written not in rounded:
        scaled = problem.expand_definitions(part.question.args[0]) * 10**written + sympy.Rational(1, 2)
        rounded[written] = whole_part(sympy.floor, scaled) / 10**written  # rounding's floor, by the certified evaluation
    expected = rounded[written]
    if sympy.Rational(answer) == expected:
        return "correct", f"correct to the {written} decimal places given"
    return "incorrect", f"not the value to the {written} decimal places given"


def _roundings(problem: Problem, part: Part) -> dict:
    """The exact value of a part asking for decimals, rounded to each number of places an answer gave (filled as asked)."""
    return {}


RELATIONS_SHOWN = {"==": "=", "approx": r"\approx", "<": "<", "<=": r"\le", ">": ">", ">=": r"\ge", "!=": r"\ne"}


def shown_reading(latex: str, context: Context, reading: Reading | None = None) -> str:
    """The answer as read, printed back in the student's own notation: the names the problem gives meanings
    (p_i, ŷ, S(x + c)_i) and the decimals as written, not what they stand for; an equation as an equation.
    The structure is the parse's (\\tanh x^2 shows as \\tanh(x^{2})), so a misreading shows. `reading`: the
    answer as already read in `context`, printed as it is when the text holds nothing the display reads otherwise."""
    if reading is None or _shown_otherwise(latex, context):
        reading = read(latex, _display_context(context, latex))
    literal = {placeholder: sympy.Symbol(text) for placeholder, _, _, text in reading.decimals}
    sides = [_shown(side.xreplace(literal) if isinstance(side, sympy.Basic) else side, latex) for side in reading.sides]
    shown = sides[0]
    for relation, side in zip(reading.relations, sides[1:]):
        shown += f" {RELATIONS_SHOWN.get(relation, relation)} {side}"
    return shown


def _shown_otherwise(latex: str, context: Context) -> bool:
    """Whether the display reads the text otherwise than `context` does: a decimal (kept as written), or a letter or
    command that may begin a name the problem gives a meaning (ŷ, p_i, a matrix). Errs towards reading again."""
    try:
        found = tokens(latex)
    except LatexError:
        return True
    shown_as_names = [name for name, value in context.functions.items() if isinstance(value, IndexedFunction)]
    shown_as_names += [*context.expressions, *context.matrices]
    starts = {re.match(r"\\?([A-Za-z]*)", name).group(1) for name in shown_as_names} | {name[:1] for name in shown_as_names}  # \\hat, alpha, p
    scaled = any(token.is_("number", "10") and following.is_("symbol", "^") for token, following in zip(found, found[1:]))  # 6 \\times 10^{-4}
    return scaled or any(token.kind == "number" and "." in token.text or token.kind in ("letter", "command") and token.text in starts for token in found)


def _shown(value, latex: str) -> str:
    """A side printed back; a list as a list ([5, 8], or (5, 8) when typed so), not sympy's tuple."""
    if isinstance(value, sympy.Tuple):
        opening, closing = ("(", ")") if latex.lstrip(" $").startswith("(") else ("[", "]")
        return opening + ", ".join(to_latex(entry) for entry in value) + closing
    return to_latex(value)


def _display_context(context: Context, latex: str) -> Context:
    """The context with each named expression a name (\\hat{y}) and each entry function (p_i, o_k, S(v)_i) printing
    as written; decimals kept as the text written."""
    def applied(name: str) -> bool:  # S(x + c)_i is written with its argument, p_i without
        return re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*(\(|\\left)", latex) is not None

    functions = {name: _entry_as_written(name, applied(name)) if isinstance(value, IndexedFunction) else value for name, value in context.functions.items()}
    expressions = {name: sympy.Symbol(name if name.startswith("\\") or len(name) == 1 else _latex_name(name)) for name in context.expressions}
    matrices = {name: value if isinstance(value, sympy.MatrixSymbol) else sympy.MatrixSymbol(name, *value.shape) for name, value in context.matrices.items()}
    return dataclasses.replace(context, functions=functions, expressions=expressions, matrices=matrices, decimals=True)


def _latex_name(name: str) -> str:
    return f"\\{name}" if name in GREEK else name


def _entry_as_written(name: str, with_argument: bool) -> IndexedFunction:
    def build(vector, index):
        shown = _latex_name(name)
        if not with_argument or vector is None:
            return sympy.Symbol(f"{shown}_{{{to_latex(index)}}}")
        return sympy.Symbol(f"{shown}\\left({to_latex(vector)}\\right)_{{{to_latex(index)}}}")
    return IndexedFunction(build)


def decided(problem: Problem, part: Part, answer, budget: float, proof_budget: float):
    """The answer against the part's reference (`decide`), remembered for the expression when it is settled: a
    difference, or a proof (an equality not proved within this budget might be proved within a larger one)."""
    return per_reading(_decision, problem, part, answer, budget, proof_budget, keep=_settled)


def _decision(problem: Problem, part: Part, answer, budget: float, proof_budget: float):
    return decide(problem, answer, part.answer, part.where, budget=budget, proof_budget=proof_budget)


def _settled(decision) -> bool:
    return decision.verdict == "different" or decision.verdict == "equal" and decision.proved


def equal_verdict(decision) -> tuple[str, str, bool]:
    """(verdict, feedback, proved) for a decision "equal": correct only with a proof, else unproved."""
    if decision.proved:
        return "correct", "correct (proved symbolically)", True
    return UNPROVED, f"{decision.note or 'equal at the points tried'}, but not proved symbolically within the time limit", False


def _shape_message(latex: str, problem: Problem, error: ShapeMismatch) -> str:
    """Which shapes clash, said in the names the student wrote (p, not the softmax it stands for)."""
    try:
        read(latex, _display_context(Context.for_problem(problem), latex))
    except ShapeMismatch as shown:
        return shown.message
    except (LatexError, ValueError, TypeError):
        pass
    return error.message


def layout_verdict(problem: Problem, part: Part, answer, budget: float) -> tuple[str, str, bool] | None:
    """A gradient or Jacobian written as the transpose of the expected one: the other layout. Correct, saying the
    layout it was read in, when the part fixes none; incorrect, "transposed (layout)", when it fixes one. None when
    the part asks for no such derivative or the transpose is not the expected answer either."""
    reference = part.answer
    derivative = isinstance(part.question, MatrixDerivative)
    if not (derivative or part.layout) or not is_matrix(answer) or not is_matrix(reference):
        return None
    if answer.shape != reference.shape[::-1] or reference.shape[0] == 1 == reference.shape[1]:
        return None
    decision = decide(problem, sympy.Transpose(answer), reference, part.where, budget=budget, proof_budget=PROOF_BUDGET)
    if decision.verdict != "equal":
        return None
    expected, other = layouts(part.question if derivative else None)
    if part.layout in ("numerator", "denominator"):
        return "incorrect", f"transposed (layout): this is the {other}-layout form; the problem asks for the {part.layout} layout", False
    verdict, feedback, proved = equal_verdict(decision)
    return verdict, f"{feedback}; read in {other} layout (the transpose of the {expected}-layout form)", proved


def stated_value(reading: Reading) -> tuple:
    """The value an answer states: `\\varphi'(x) = a\\varphi(1-\\varphi)` and `\\approx 0.0006` state their last side."""
    if any(op not in ("==", "approx") for op in reading.relations):
        raise LatexError("an answer is a value, not an inequality: write the value itself")
    notes = reading.notes + (("read the last side of the equation as your answer",) if reading.relations else ())
    return reading.answer, notes


def shaped_like(answer, reference):
    """A list [5, 8] or (5, 8) answers a vector part: it takes the reference's row or column shape."""
    if isinstance(answer, sympy.Tuple) and isinstance(reference, sympy.MatrixBase) and 1 in reference.shape:
        shape = (1, len(answer)) if reference.rows == 1 else (len(answer), 1)
        return sympy.ImmutableMatrix(*shape, list(answer))  # a wrong length is then a shape the feedback names
    return answer


CALCULUS = {sympy.Subs: "a derivative", sympy.Derivative: "a derivative", sympy.Integral: "an integral", sympy.Limit: "a limit"}


def restates_question(problem: Problem, part: Part, answer) -> str | None:
    """Feedback when an answer still holds what the question asks to work out, or breaks the part's
    `in_terms_of` / `forbidden`; None when it does not. (It may equal the reference: tanh'(x) does.)"""
    return unworked(problem, part, answer) or breaks_form(problem, part, answer)


def form_verdict(problem: Problem, part: Part, answer, budget: float, proof_budget: float) -> tuple[str, str, bool, str]:
    """(verdict, feedback, proved, the form asked) for an answer that restates the question or breaks the part's form:
    `incorrect`, unless only the form is broken and the value is the reference's (see `right_value`)."""
    unanswered = unworked(problem, part, answer)
    if unanswered:
        return "incorrect", unanswered, False, ""
    differential = differential_note(problem, part, answer)
    if differential:  # the x of dx would be "x outside σ": say what the student typed instead
        return "incorrect", differential, False, ""
    form = breaks_form(problem, part, answer)
    decision = decided(problem, part, answer, budget, proof_budget)
    if decision.verdict == "equal":
        return (*right_value(part, form, *equal_verdict(decision)), form)
    if decision.verdict == "different":
        return "incorrect", f"{form}; {per_reading(explain, problem, part, answer) or 'the value is not the expected one either'}", False, ""
    return "incorrect", form, False, ""


def right_value(part: Part, form: str, verdict: str, feedback: str, proved: bool) -> tuple[str, str, bool]:
    """(verdict, feedback, proved) for the reference's value not written as the part asks. Where the form is the
    exercise (`form_required`: tanh in terms of σ) it is `wrong_form`: not scored, findable, the student told the value
    is right. Else the answer is right (1 - tanh^2(x) for tanh' asked in terms of σ) and keeps the verdict its value
    earns, the form asked said beside it (and tagged `other_form` for the instructor)."""
    if part.form_required:
        return WRONG_FORM, f"the right value, but not in the form asked for: {form}", False
    return verdict, f"{feedback}, but not in the form asked for ({form})", proved


def unworked(problem: Problem, part: Part, answer) -> str | None:
    """Feedback when an answer still holds what the question asks to work out (a derivative left unevaluated,
    the question's own expression): equal to the reference, perhaps, but no answer at all."""
    if not isinstance(answer, sympy.Basic):
        return None
    reference = sympy.sympify(part.answer)
    question = None if part.question is None else sympy.sympify(part.question)
    for kind, name in CALCULUS.items():
        # a limit where a derivative is asked for is its difference quotient, the definition restated
        asked = question is None or question.has(kind) or kind is sympy.Limit and question.has(sympy.Derivative, sympy.Subs)
        if asked and answer.has(kind) and not reference.has(kind):
            return f"your answer still contains {name} ({to_text(next(iter(answer.atoms(kind))))}): work it out"
    if question is not None and not question.is_number and not reference.has(question) and answer.has(question):
        return f"your answer restates the question ({to_text(question)}): write it {_written_in(problem, part)}"
    return None


def breaks_form(problem: Problem, part: Part, answer) -> str | None:
    """Feedback when an answer is not written as the part asks (`in_terms_of`, `forbidden`): a different
    form, which may still have the right value (see `form_verdict`)."""
    if not isinstance(answer, sympy.Basic):
        return None
    for item in part.forbidden:
        if answer.has(item):
            return f"write the answer without {to_text(item)}"
    if part.in_terms_of and not any(next(_occurrences(answer, item), None) is not None for item in part.in_terms_of):
        return f"write the answer {_written_in(problem, part)}"
    through = expressed_through(problem, part)
    stray = _names(_without_items(answer, part.in_terms_of)) & through if _names(answer) & through else set()
    if stray:
        shown = ", ".join(sorted(to_text(name) for name in stray))
        return f"write the answer {_written_in(problem, part)} only: {shown} {'appears' if len(stray) == 1 else 'appear'} outside {'it' if len(part.in_terms_of) == 1 else 'them'}"
    return None


def in_terms_of_items(problem: Problem, part: Part, latex: str, answer) -> tuple | None:
    """An answer that breaks the part's form as read, written again through the items' definitions: (answer, note)
    when that makes it one in terms of the items, else None."""
    return _through_definitions(problem, part, latex) or _definitions_typed_out(problem, part, answer)


def _definitions_typed_out(problem: Problem, part: Part, answer) -> tuple | None:
    """An item's defining formula typed out where the item stands: 2/(1 + e^{-2x}) - 1 is 2σ(2x) - 1 with σ's
    formula written at 2x, so it is in terms of σ (the value is the same by definition; only the form check
    changes). Matched on the formula at any argument, 1/(1 + e^{-ax}) as φ(x), 1/(1 + e^{ax}) as φ(-x); an answer
    that only holds the formula's pieces (a e^{-ax}/(1 + e^{-ax})^2) is not one."""
    if not isinstance(answer, sympy.Basic):
        return None
    argument = sympy.Wild("argument")
    written, said = answer, []
    for item, definition in problem.definitions.items():
        if item not in part.in_terms_of or not isinstance(definition, sympy.Lambda) or len(definition.variables) != 1:
            continue
        for found in written.find(definition(argument)):
            at = item(found.match(definition(argument))[argument])
            written = written.xreplace({found: at})
            said.append(f"{to_text(found)} as {to_text(at)}")
    if not said or restates_question(problem, part, written):
        return None
    return written, f"read {', '.join(dict.fromkeys(said))}, by its definition"


def _through_definitions(problem: Problem, part: Part, latex: str) -> tuple | None:
    """A part asked in terms of φ where the problem defines φ(x) as a course function at another argument
    (φ(x) = σ(ax)): σ(ax) written is φ(x) by that definition, so the answer is read again with the course
    functions kept applied, and each application equal to an item's definition at the item's argument in the
    reference, or at the one argument that makes them equal (σ(-ax) is φ(-x)), is put as that item.
    The answer so written and a note saying so; None when that does not make it one in terms of the items."""
    defined = {item: problem.definitions[item] for item in part.in_terms_of if item in problem.definitions}
    context = Context.for_problem(problem)
    course = {name: function for name, function in COURSE_FUNCTIONS.items() if name not in context.functions}
    if not defined or not course or not any(name in latex for name in course):
        return None
    kept = {name: sympy.Function(name) for name in course}
    answer = sympy.sympify(stated_value(read(latex, replace(context, functions={**context.functions, **kept})))[0])
    reference = sympy.sympify(part.answer)
    as_items, said = {}, []
    for application in answer.atoms(*kept.values()):
        value = course[type(application).__name__](*application.args)
        for item, definition in defined.items():
            at = next((at for at in reference.atoms(item) if definition(*at.args) == value), None) or _item_at(item, definition, value)
            if at is not None:
                as_items[application] = at
                said.append(f"{to_text(application)} as {to_text(at)}")
    if not as_items:
        return None
    expanded = {application: course[type(application).__name__](*application.args) for application in answer.atoms(*kept.values())}
    answer = answer.xreplace(as_items).xreplace(expanded)
    if restates_question(problem, part, answer):
        return None
    return answer, f"read {', '.join(dict.fromkeys(said))}, by the problem's definition"


def _item_at(item, definition, value):
    """The item at the one real argument where its definition takes `value` (φ(x) = σ(ax), value σ(-ax): φ(-x)), or None."""
    if len(definition.variables) != 1:
        return None
    argument = sympy.Dummy("t", real=True)
    found = sympy.solve(sympy.Eq(definition(argument), value), argument)
    return item(found[0]) if len(found) == 1 else None


def _without_items(expr, items):
    """expr with each occurrence of an `in_terms_of` item (an application of a function, an entry of a
    vector, a symbol or a named expression) put as a fresh symbol: what is left is written outside them."""
    for item in items:
        found = set(_occurrences(expr, item))
        if found:
            expr = expr.xreplace({occurrence: sympy.Dummy() for occurrence in found})
    return expr


def _occurrences(expr, item):
    """The subexpressions of expr that are occurrences of the item, outermost first, in one walk of the tree."""
    return (node for node in sympy.preorder_traversal(expr) if _is_item(node, item))


_BOUND = (sympy.Sum, sympy.Product, sympy.Integral)


def _is_item(expr, item) -> bool:
    """expr is an occurrence of the `in_terms_of` item: an application of it (a function), an entry of it (a vector),
    or the item itself whatever its summed index is called (\\sum_{m=1}^{K} e^{x_m} for \\sum_{j=1}^{K} e^{x_j})."""
    if isinstance(item, sympy.FunctionClass):
        return isinstance(expr, item)
    if isinstance(item, sympy.IndexedBase):
        return isinstance(expr, sympy.Indexed) and expr.base == item
    if type(expr) is not type(item):
        return False
    dummied = _dummied(item)
    if dummied is None:
        return expr == item
    if isinstance(item, _BOUND):
        if [limit[1:] for limit in expr.limits] != [limit[1:] for limit in item.limits]:
            return False
        renamed = {limit[0]: own[0] for limit, own in zip(expr.limits, item.limits)}
        if not set(renamed.values()) & expr.free_symbols:  # \sum_m e^{x_m} as \sum_j e^{x_j}, when j is not free in it
            return expr.function.xreplace(renamed) == item.function
    return expr.has(*_BOUND) and expr.as_dummy() == dummied


@functools.lru_cache(maxsize=256)
def _dummied(item):
    """An item holding a sum with its bound indices as dummies, worked out once (a batch compares every answer's
    sums with it); None for an item with none."""
    return item.as_dummy() if item.has(*_BOUND) else None


def _names(expr) -> set:
    """The problem's names an expression uses: free symbols, and vectors and tables by their base."""
    if not isinstance(expr, sympy.Basic):
        return set()
    found = {s for s in expr.free_symbols if isinstance(s, (sympy.Symbol, sympy.MatrixSymbol)) and not isinstance(s, sympy.Dummy)}
    return found | {entry.base.label for entry in expr.atoms(sympy.Indexed)}


def expressed_through(problem: Problem, part: Part) -> set:
    """The problem's variables (not its indices) that the reference answer uses only through its
    `in_terms_of` items (x in 4σ(2x)(1 - σ(2x)), w in (ŷ - t)ŷ(1 - ŷ)x_i): an answer may not use them elsewhere."""
    return per_part(_expressed_through, problem, part) if part.in_terms_of else set()


_PER_PART: dict[tuple, tuple] = {}
_PER_READING: dict[tuple, tuple] = {}


def per_reading(work, problem: Problem, part: Part, answer, *args, keep=lambda result: True):
    """work(problem, part, answer, *args) for an answer as read, remembered: a class writes one answer in many
    texts (spacing, \\left( \\right), 1 \\cdot (...)) that read as the same expression, and the decisions behind a
    verdict depend on the expression only. `args` (CPU budgets) are not part of the key, so only a result that
    `keep` accepts (one the budget did not cut short) is remembered. An answer that cannot be hashed is worked out."""
    key = (work, id(problem), id(part), answer)
    try:
        hash(key)
    except TypeError:  # a mutable matrix
        return work(problem, part, answer, *args)
    return _remembered(_PER_READING, 4096, key, problem, part, lambda: work(problem, part, answer, *args), keep)


def per_part(work, problem: Problem, part: Part):
    """work(problem, part), worked out once per part: a batch asks the same of every answer to it."""
    return _remembered(_PER_PART, 1024, (work, id(problem), id(part)), problem, part, lambda: work(problem, part))  # a variant per student: bounded


def _remembered(store: dict, bound: int, key: tuple, problem: Problem, part: Part, compute, keep=lambda result: True):
    """compute(), kept in `store` under `key` while the problem and part it was worked for are the ones asked about (an
    id may be reused once they are gone); the store is emptied past `bound` entries."""
    known = store.get(key)
    if known is not None and known[0] is problem and known[1] is part:
        return known[2]
    result = compute()
    if keep(result):
        if len(store) > bound:
            store.clear()
        store[key] = (problem, part, result)
    return result


def _expressed_through(problem: Problem, part: Part) -> frozenset:
    variables = set()
    for variable in problem.variables:
        if isinstance(variable, Index):
            continue
        name = getattr(variable, "symbol", None) or getattr(variable, "base", None)
        variables.add(name.label if isinstance(name, sympy.IndexedBase) else name)
    items = {item.label if isinstance(item, sympy.IndexedBase) else item for item in part.in_terms_of}
    return frozenset(variables - items - _names(_without_items(sympy.sympify(part.answer), part.in_terms_of)))


_DECIMALS = re.compile(r"to (at least )?(\d+) decimal")


def prompt_disagreements(problem: Problem, part: Part) -> list[str]:
    """Where a part's prompt and its data disagree: "in terms of" said but not declared (or declared but
    not said, or an item the prompt does not name), a reference answer that breaks its own rule, a number
    of decimals other than the question's rounding, or decimals asked without the rule they are graded by."""
    found = []
    said = "in terms of" in part.prompt
    if said != bool(part.in_terms_of):
        found.append("the prompt says 'in terms of' but the part declares no in_terms_of" if said else "in_terms_of is declared but the prompt does not say 'in terms of'")
    for item in part.in_terms_of:
        name = _item_name(item)
        if name and name not in part.prompt:
            found.append(f"in_terms_of names {name}, which the prompt does not")
    restated = restates_question(problem, part, sympy.sympify(part.answer))
    if restated:
        found.append(f"the reference answer breaks the part's own rule: {restated}")
    asked = decimal_places(part.question) if part.question is not None else None
    decimals = _DECIMALS.search(part.prompt)
    if (decimals and int(decimals.group(2))) != asked:
        found.append(f"the prompt asks for {decimals.group(2) if decimals else 'no'} decimals, the question rounds to {asked}")
    elif decimals and not decimals.group(1):
        found.append("say how decimals are graded: 'to at least N decimals' (graded to the places given)")
    return found


def _item_name(item) -> str | None:
    """How a prompt names an in_terms_of item (\\sigma, H, p, x); None for a named expression."""
    if isinstance(item, sympy.IndexedBase):
        return str(item.label)
    if isinstance(item, sympy.Symbol):
        return to_latex(item)
    if isinstance(item, sympy.FunctionClass):
        text = to_latex(item(sympy.Symbol("x")))
        name = re.split(r"\\left\(|\(|\{\\left", text)[0]
        return name if name and "{" not in name else None
    return None


def _written_in(problem: Problem, part: Part) -> str:
    if part.in_terms_of:
        return "in terms of " + ", ".join(_item_label(problem, item) for item in part.in_terms_of)
    return "out, without the quantity asked for"


def _item_label(problem: Problem, item) -> str:
    """An in_terms_of item as the problem names it (ŷ for the unit's output), else as printed."""
    for name, value in problem.names.items():
        if value is item or (isinstance(value, sympy.Basic) and value == item):
            return to_text(sympy.Symbol(re.sub(r"\\hat\{?(\w)\}?", "\\1\u0302", name)))  # \hat{y} as ŷ, sigma as σ
        if isinstance(value, IndexedFunction) and isinstance(item, sympy.Basic):
            try:
                if value.build(None, 1) == item:
                    return f"{name}_1"
            except Exception:  # an entry function that needs its vector: not this item
                continue
    return to_text(item)


def _grade_derivation(target: str, text: str, problem: Problem, part: Part, timeout: float, started: float) -> GradeResult:
    """A whole derivation: correct when every step holds and its last expression is the answer."""
    from .derivation import check_derivation_now

    def result(verdict: str, feedback: str, proved: bool = False, witness=None) -> GradeResult:
        return GradeResult(target, text, verdict, feedback, proved, cpu_seconds() - started, witness)

    try:
        report = check_derivation_now(text, problem, timeout)
    except LatexError as error:
        return result("invalid", str(error))
    if not report.steps:
        return result("invalid", "no derivation found: write it in an align, equation, $$...$$ or \\[...\\] block with '='")
    if report.first_error is not None:
        wrong = next(s for s in report.steps if s.index == report.first_error)
        return result("incorrect", report.explanation(), witness=wrong.witness)
    unparsed = [s for s in report.steps if s.verdict == "unparsed"]
    if unparsed:
        return result("invalid", f"step {unparsed[0].index} cannot be read: {unparsed[0].feedback}")
    if any(s.verdict == "undecided" for s in report.steps):
        return result("undecided", report.explanation())
    try:
        with time_limit(timeout):
            last = parse_latex(report.steps[-1].rhs, problem)
            decision = decide(problem, last, part.answer, part.where, budget=timeout)
            restated = restates_question(problem, part, last)
            if restated and in_terms_of_items(problem, part, report.steps[-1].rhs, last):
                restated = None  # ends in a\sigma(ax)(1 - \sigma(ax)), which is a\varphi(x)(1 - \varphi(x)) by definition
    except (LatexError, TimeLimitExceeded) as error:
        return result("undecided", f"could not compare the last line with the answer ({error})")
    if decision.verdict != "equal":
        return result("incorrect", f"every step holds, but the derivation ends in {report.steps[-1].rhs}, not the expected answer")
    if restated and unworked(problem, part, last):
        return result("incorrect", f"every step holds, but the last line does not answer as asked: {restated}")
    steps = 'all ' + count(len(report.steps), 'step') + ' hold' if len(report.steps) > 1 else 'its one step holds'
    proved = decision.proved and all(s.feedback == "proved" for s in report.steps if s.verdict == "valid")
    if not proved:
        verdict = (UNPROVED, f"{steps} and the result is equal to the expected answer at the points tried, but not all is proved symbolically", False)
    else:
        verdict = ("correct", f"correct: {steps} and the result is the expected answer", True)
    return replace(result(*right_value(part, restated, *verdict)), other_form=restated) if restated else result(*verdict)


def task_limit(target: str, text: str, timeout: float, problems_dir=None) -> float:
    """The hard limit for grading one answer: a derivation gets the per-step limit for each step."""
    try:
        _, part = resolve_target(target, problems_dir)
    except UnknownTarget:
        return timeout
    if part.kind != "derivation":
        return timeout
    from .derivation import bounded_steps, derivation_limit

    try:
        return derivation_limit(len(bounded_steps(text)), timeout)
    except LatexError:
        return timeout  # refused at once by the worker, with the reason


def from_overrun(target: str, latex: str, overrun: Overrun, seconds: float) -> GradeResult:
    return GradeResult(target, latex, "undecided", f"could not decide: {overrun.reason}", False, seconds)


def with_expected(result: GradeResult, problems_dir: str | Path | None = None) -> GradeResult:
    """The result with the expected answer added to the feedback of a wrong answer (an instructor's --reveal).
    Feedback never shows it otherwise: a student re-submitting would only copy it."""
    if result.verdict != "incorrect":
        return result
    try:
        _, part = resolve_target(result.target, problems_dir)
    except UnknownTarget:
        return result
    return replace(result, feedback=f"{result.feedback} (expected: {to_text(part.answer)})")


def grade(target: str, latex: str, *, timeout: float = DEFAULT_TIMEOUT, problems_dir: str | Path | None = None, reveal: bool = False,
          seed: int | None = None, others: tuple = ()) -> GradeResult:
    """Grade one answer in an isolated worker (memory cap, hard CPU limit). Raises UnknownTarget.
    `reveal`: a wrong answer's feedback also shows the expected answer. `seed`: against that variant of the problem
    (a student's own numbers; the same as writing TARGET@SEED); `others`: the seeds of the class's other variants."""
    if seed is not None:
        target = f"{target.partition('@')[0]}@{seed}"
    resolve_target(target, problems_dir)  # fail fast, in this process, on a bad target
    started = cpu_seconds()
    limit = task_limit(target, latex, timeout, problems_dir)
    outcome = run_limited(grade_now, (target, latex, timeout, str(problems_dir) if problems_dir else None, tuple(others)), limit)
    if isinstance(outcome, Overrun):
        return from_overrun(target, latex, outcome, cpu_seconds() - started)
    return with_expected(outcome, problems_dir) if reveal else outcome


__all__ = ["GradeResult", "UnknownTarget", "UnknownProblem", "grade", "grade_now", "known_targets", "resolve_target"]
