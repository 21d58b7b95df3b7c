"""A section that states a bundled problem's givens is held to that problem (Problem.write_up).

Two of the problem's signs (all, when it has fewer), none contradicted: values the section gives
(w_3 = 0.24) or a function it defines under any name (f(x) = x\\sigma(1.702x) is GELU). There a name
the problem's rules define is compared as a formula, and an asked quantity written as a number is
judged against the key's value, not the value the section's own working carries to it.
"""

from __future__ import annotations

from dataclasses import replace

import sympy

from ..equivalence import decide
from ..lexer import LatexError, tokens
from ..model import Problem
from ..parsing import read_tokens
from ..timelimit import TimeLimitExceeded, time_limit
from .claims import as_written
from .formulas import Side
from .judging import DOCUMENT, Read, difference_shown, function_head, is_written_number, same_number, undefined_functions, with_free_symbols
from .steps import Step

_SAMPLE_POINTS = (sympy.Rational(-13, 10), sympy.Rational(2, 5), sympy.Rational(21, 10))


def _side(text: str) -> Side:
    return Side(tuple(tokens(text, tolerant=True)[:-1]), text, 0)


def _read(text: str, context):
    return read_tokens(tokens(text, tolerant=True), text, context)


def recognised(judge, scope) -> Problem | None:
    """The candidate whose givens this section states: two of them (all, when it has fewer), none otherwise."""
    for problem in judge.candidates:
        signs = problem.write_up.recognised_by
        held = [_sign_held(name, text, scope) for name, text in signs.items()]
        if False not in held and held.count(True) >= min(2, len(signs)):
            return problem
    return None


def _sign_held(name: str, text: str, scope) -> bool | None:
    """Whether the section states this value or function as the problem does (True), otherwise (False), or has not
    stated it (None). A function counts under any name unless the section defines the sign's own name otherwise."""
    try:
        head = function_head(_side(name))
        if head is not None:
            return _function_sign(head, text, scope)
        symbol = _read(name, scope.context).value
        if symbol not in scope.values:
            return None
        return same_number(scope.values[symbol], _read(text, DOCUMENT_CONTEXT()).value)
    except (LatexError, TypeError, ValueError, AttributeError):
        return None


def DOCUMENT_CONTEXT():
    from ..parsing import Context

    return Context.for_problem(DOCUMENT)


def _function_sign(head, text: str, scope) -> bool | None:
    defined = {str(f): body for f, body in scope.problem.definitions.items() if str(f) in scope.defined}
    if not defined:
        return None  # nothing to compare with
    name, variables = head
    letter = variables[0].key
    variable = sympy.Symbol(letter, real=True)
    body = _read(text, DOCUMENT_CONTEXT()).value
    expected = sympy.Lambda(variable, body.xreplace({s: variable for s in body.free_symbols if getattr(s, "name", None) == letter}))
    same = {}
    for function, body in defined.items():
        if (expected, body) not in scope.same_function:
            scope.same_function[expected, body] = _same_function(body, expected, scope.problem)
        same[function] = scope.same_function[expected, body]
    own = name.key.lstrip("\\")
    return same[own] if own in same else (True if any(same.values()) else None)


def _same_function(body: sympy.Lambda, expected: sympy.Lambda, problem: Problem) -> bool:
    """The two bodies agree at three points, to 20 places: one function."""
    return all(same_number(problem.expand_definitions(body(p)), DOCUMENT.expand_definitions(expected(p))) for p in _SAMPLE_POINTS)


def _spelling(found) -> tuple:
    """A name's tokens as compared with a problem's: no spaces or braces, \\partial as d, \\dfrac as \\frac."""
    out = []
    for token in found:
        if token.kind in ("space", "end") or token.is_("symbol", "{", "}"):
            continue
        text = {"partial": "d", "dfrac": "frac", "tfrac": "frac"}.get(token.text, token.text) if token.kind == "command" else token.text
        out.append(("letter" if text == "d" else token.kind, text))
    return tuple(out)


def held_to_the_problem(judge, step: Step, scope) -> Step:
    """A step of a section recognised as a bundled problem says so; a name the problem's rules define, or an answer
    it asks for written as a number, is judged by the problem (the step's own verdict otherwise)."""
    problem = scope.recognised
    step = replace(step, context=problem.id)
    if step.kind not in ("equal", "approx") or not step.first_of_chain or step.left is None:
        return step
    written = _spelling(step.left.tokens)
    rule = next((body for name, body in problem.write_up.rules.items() if _spelling(tokens(name, tolerant=True)) == written), None)
    answer = next((value for name, value in problem.write_up.answers.items() if _spelling(tokens(name, tolerant=True)) == written), None)
    judged = None
    if rule is not None:
        judged = _against_rule(judge, step, rule, scope)
    elif answer is not None and is_written_number(step.right):
        judged = _against_answer(judge, step, answer, problem, scope)
    return judged or step


def _against_rule(judge, step: Step, rule: str, scope) -> Step | None:
    """`v_1 = ...` against the problem's formula for v_1, both read with the write-up's functions: first with none of
    its values (a formula: the rule holds whatever the numbers), then, if they differ, with them (a student who put
    in beta = 0.9 wrote the rule too)."""
    problem = scope.recognised
    own = replace(problem, document=True, names={k: v for k, v in problem.names.items() if not getattr(v, "is_number", False)})
    try:
        with time_limit(judge.timeout):
            decision = _rule_decision(judge, step, rule, own, scope, with_values=False)
            if decision is not None and decision.verdict == "different":
                decision = _rule_decision(judge, step, rule, own, scope, with_values=True)
    except (LatexError, TimeLimitExceeded, TypeError, ValueError, AttributeError):
        return None
    if decision is None:
        return None
    shown = f"{problem.id} defines {step.lhs} = {rule}"
    if decision.verdict == "equal":
        return replace(step, verdict="valid", feedback=f"as {shown}")
    if decision.verdict == "different":
        return replace(step, verdict="invalid", feedback=f"{shown}: {difference_shown(decision)}", witness=vars(decision.witness) if decision.witness else None)
    return None


def _rule_decision(judge, step: Step, rule: str, own: Problem, scope, with_values: bool):
    """The rule, read with its problem's functions and (`with_values`) the section's values, against the written
    formula read in the section; None if a function is left undefined."""
    from ..parsing import Context

    expected = own.expand_definitions(_read(rule, Context.for_problem(own)).value)
    written = scope.problem.expand_definitions(judge.read(step.right, scope).exact)
    if with_values:
        by_name = {getattr(k, "name", None): v for k, v in scope.values.items() if getattr(v, "is_number", False)}
        expected = expected.xreplace({s: by_name[s.name] for s in expected.free_symbols if getattr(s, "name", None) in by_name})
        written = scope.put_in(written, formulas=False)
    if undefined_functions(expected, written, scope.problem):
        return None
    return decide(with_free_symbols(scope.problem, (expected, written)), expected, written, budget=0.4 * judge.timeout, strict=False)


def _against_answer(judge, step: Step, answer, problem: Problem, scope) -> Step | None:
    """The asked quantity given as a number: judged against the key's value (to the places written), not the value the
    write-up's own working carries to it."""
    try:
        value = problem.expand_definitions(answer)
        right = judge.read(step.right, scope)
        written = right.exact
    except (LatexError, TypeError, ValueError):
        return None
    judged = as_written(step, scope, Read(value), right, (value, written), {}, loose=False)
    if judged is None:  # an integer: exactly
        same = same_number(value, written)
        judged = replace(step, verdict="valid" if same else "invalid", feedback=f"{step.rhs} is {'' if same else 'not '}{sympy.N(value, 6)}")
    return replace(judged, feedback=f"{problem.id}'s answer: {judged.feedback}")
