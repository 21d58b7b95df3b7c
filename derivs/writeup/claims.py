"""A claim between two sides: an identity, a rounded value, an inequality, the chain rule.

The sides come read (once) from the judge; here the write-up's values and definitions are put in,
a condition of the line (``\\text{for } x > 0``, ``\\text{at } x = 0``) narrows or fixes where they
are compared, a right side written as a decimal is held to the places it shows, and everything
else goes to the grader's decision procedure. A difference that could come from something the
write-up never gave (a value, a function's definition) is `undecided`, never `invalid`.
"""

from __future__ import annotations

import decimal
from dataclasses import replace

import sympy
from sympy.matrices.expressions.diagonal import DiagMatrix

from .. import dialect
from ..equivalence import concrete_functions, decide
from ..lexer import LatexError, spelled_back
from ..matrices import MatrixDerivative, layouts
from ..model import Problem
from ..parsing import DOCUMENT_SIZE, FAMILY_AS_ONE, FAMILY_BESIDE, EntryExtremum, ShapeMismatch, whole_of_entries
from ..timelimit import TimeLimitExceeded, cpu_seconds, time_limit
from .judging import (DefinitionMisfit, chain_rule, reaches, decimals_shown, difference_shown, given_entries, is_matrix_expr, kink, kinks, letters_shared, names_in, not_real,
                      one_length, one_symbol_per_name, out_of_time, could_not_decide, placeholder_functions, positive, sequence_indices, told_value,
                      undefined_functions, with_differentials_unread, with_free_symbols)
from .matrix_equations import zero_of_shape
from .formulas import Side
from .names import Scanner, application, single_name
from .notation import power_applied
from .steps import Step

_NEW_PARAMETER = ("\\tilde", "\\hat", "\\bar")  # \tilde{\omega}, \hat w, w': new parameters, defined after use


PROOF_SHARE = 0.5  # of a claim's decision budget, at most, for the symbolic proof (see _judge_sides)


def _misfit(step: Step, scope, error: ShapeMismatch) -> Step:
    """Matrices that cannot be combined: a mistake where the problem declared their shapes; in a write-up's own
    notation the shapes were inferred (the inference reports its own misfits), so the step is only unreadable."""
    if scope.problem.document:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    return replace(step, verdict="invalid", feedback=f"the shapes do not fit: {error.message}")


def _number_beside(value, other):
    """A 1 x 1 matrix said to equal a number (a^2 = 0.5374, with a^2 = \\sigma(W^2 a^1 + b^2) worked out 1 x 1): its one
    entry, so the number is weighed as written (rounded to its places)."""
    if isinstance(value, sympy.MatrixBase) and value.shape == (1, 1) and getattr(other, "is_number", False) and not isinstance(other, sympy.MatrixBase):
        return value[0, 0]
    return value


def _compared_as_array(entries, other):
    """A list of values ([2.0, 2.4], or p_1, \\dots, p_n) said to equal a one-row or one-column array of as many entries is
    that array."""
    if isinstance(entries, sympy.Tuple) and isinstance(other, sympy.MatrixBase) and 1 in other.shape and len(entries) == len(other) \
            and not any(isinstance(e, (sympy.Tuple, sympy.MatrixBase, sympy.MatrixExpr)) for e in entries):
        return sympy.ImmutableMatrix(*other.shape, list(entries))
    if isinstance(entries, sympy.FunctionMatrix) and hasattr(other, "shape") and entries.shape[0] == 1 and tuple(other.shape) == (entries.shape[1], 1):
        return entries.T  # {p_1, \dots, p_n} said to equal a column: the list is that column
    return zero_of_shape(entries, other)  # 0 said to equal a vector or matrix: its zero


def _alone_and_by_entries(left, right) -> list[str]:
    """Names a step reads both as one number and by the entries of a patterned vector (1/\\phi beside (\\phi_1, \\dots,
    \\phi_K)): a vector read as a number on one side, whose entries the other side holds; nothing links the two, so no
    difference between them means anything."""
    sides = [side for side in (left, right) if isinstance(side, (sympy.Basic, sympy.MatrixBase))]
    patterned = [m for side in sides for m in side.atoms(sympy.FunctionMatrix)]
    if not patterned:
        return []  # only a patterned vector's entries (p_1, \\dots, p_K) are checked so: elsewhere a name and entries of one letter are told apart upstream
    entries = {str(e.base.label) for m in patterned for e in m.lamda.expr.atoms(sympy.Indexed)}
    alone = set()
    for side in sides:  # an entry's own label (the x of x[k]) is no use of x alone; a stand-in, not 0 (d/dx[1] stays a derivative)
        bare = side.replace(lambda e: isinstance(e, sympy.Indexed), lambda e: sympy.Dummy()) if isinstance(side, sympy.Basic) else side
        alone |= {s.name for s in getattr(bare, "free_symbols", ()) if isinstance(s, sympy.Symbol) and not isinstance(s, sympy.Dummy)}
    return sorted(alone & entries)


def judge_claim(judge, step: Step, scope) -> Step:
    if step.kind == "implies":
        from .equations import judge_implication

        restated = _restated_left(step)
        return _judge_in_full(judge, restated, scope) if restated is not None else judge_implication(judge, step, scope)
    chained = chain_rule(step)
    if chained is not None and not _built_by_formulas(judge, step, scope):
        return chained
    judged = _judge_in_full(judge, step, scope)
    if chained is None:
        return judged
    if judged.verdict == "invalid" and judged.witness is not None:  # dE/da_h1 = dE/da_o1 da_o1/do1 do1/da_h1, a_h1 also feeding o2
        return replace(judged, feedback=f"the Leibniz fractions cancel, but by the write-up's definitions the product is not the derivative "
                                        f"(does a quantity on the way reach the variable by another path too?): {judged.feedback}")
    return chained


def _built_by_formulas(judge, step: Step, scope) -> bool:
    """Every quantity a chain rule differentiates has a formula in the write-up and no value (E_total = E_1 + E_2,
    o_1 = w_5 a_h1 + ...): then its links can be worked out and the chain checked against them. A quantity given a
    number (f = r t = 20) or known only by name leaves the chain rule as written."""
    try:
        read = [judge.read(side, scope).expr for side in (step.left, step.right)]
    except (LatexError, TypeError, ValueError, AttributeError):
        return False
    links = [atom for side in read if isinstance(side, sympy.Basic) for atom in side.atoms(sympy.Symbol) if atom in scope.leibniz]
    quantities = [scope.leibniz[link][0] for link in links]
    if not quantities or not all(q in scope.formulas and q not in scope.values for q in quantities):
        return False
    try:  # a link whose quantity's formulas never reach its variable (\hat{y}_i = \sigma(w_0 + ...) over z_i): the text's own chain
        return all(reaches(scope._through_definitions(quantity, variable), variable) for quantity, variable, _ in (scope.leibniz[link] for link in links))
    except (TypeError, ValueError, AttributeError):
        return False


def _restated_left(step: Step) -> Step | None:
    """A => B where both are equations with the same left side (\\frac{\\partial y_1}{\\partial x_2} = ... \\Rightarrow
    \\frac{\\partial y_1}{\\partial x_2} = ...): the author's way of chaining, so the claim is that the right sides are
    equal, as in a chain of =. None for any other implication."""
    first, second = step.statements
    if any(len(s.sides) != 2 or s.relations[0] != "==" for s in (first, second)):
        return None
    if spelled_back(first.sides[0].tokens) != spelled_back(second.sides[0].tokens):
        return None
    left, right = first.sides[1], second.sides[1]
    return replace(step, kind="equal", relation="=", left=left, right=right, first=left, lhs=left.text, rhs=right.text)


def _judge_in_full(judge, step: Step, scope) -> Step:
    """A claim's two sides read, the write-up's values and definitions put in, and decided; where a name in it is a
    slip for one the write-up defines (a_01 for a_o1), read as that name, and the verdict says so."""
    slips: dict = {}
    judged = _judge_sides(judge, step, scope, slips)
    if judged.verdict == "invalid":
        judged = _rescued_by_supposition(judge, step, scope) or _resumed_chain(judge, step, scope) or _one_term_reached(judge, step, scope) or judged
    if judged.verdict == "invalid":
        judged = with_differentials_unread(judged, scope)
    elif judged.verdict == "valid" and _operand_left_open(judge, step, scope):
        judged = replace(judged, feedback=f"{judged.feedback} (reading the derivative operator as applying to every term after it)")
    stated = slips.pop(STATED, None)
    if stated and judged.verdict in ("valid", "invalid"):
        judged = replace(judged, feedback=f"{judged.feedback} (taking {'; '.join(stated)}, as the text states under \\underbrace)")
    if not slips or judged.verdict not in ("valid", "invalid"):
        return judged
    read = ", ".join(f"{written} as {meant}" for written, meant in slips.items())
    return replace(judged, feedback=f"{judged.feedback} (reading {read}, as the write-up names it elsewhere)")


def _rescued_by_supposition(judge, step: Step, scope) -> Step | None:
    """A line that does not hold with the values given but does with the value the text just imagined (say $a = 2.001$;
    then $f(a) = 6.003$): valid under that supposition, saying so. None otherwise."""
    supposed = scope.supposition_for(step, its_own_line=True)
    if supposed is None:
        return None
    supposition, values = supposed
    with scope.supposing(values):
        judged = _judge_sides(judge, step, scope, {})
    if judged.verdict != "valid":
        return None
    return replace(judged, feedback=f"{judged.feedback} (supposing {supposition.lhs} = {supposition.rhs}, as {judge.document.where(supposition.line)} imagines)")


def _resumed_chain(judge, step: Step, scope) -> Step | None:
    """`= (\\frac{1}{1+e^{-x}})(\\frac{e^{-x}}{1+e^{-x}})` after a side computation of one of the chain's terms
    (1 - \\frac{1}{1+e^{-x}} = ... = \\frac{e^{-x}}{1+e^{-x}}): false after the side computation's last line, it goes on
    from where the chain stood before it. Valid so, saying so; None otherwise."""
    if step.resumes is None:
        return None
    judged = _judge_sides(judge, replace(step, left=step.resumes, lhs=step.resumes.text), scope, {})
    if judged.verdict != "valid":
        return None
    where = judge.document.where(judge.document.line_of(step.resumes.start))
    return replace(judged, left=step.left, lhs=step.lhs,
                   feedback=f"{judged.feedback} (going on from {step.resumes.text.strip()}, {where}, after the side computation)")


def _operand_left_open(judge, step: Step, scope) -> bool:
    """A side whose derivative operator's reach is not written (\\frac{d}{dw} w a + b), read as reaching every term."""
    try:
        return any(side is not None and judge.read(side, scope).ambiguous for side in (step.left, step.right))
    except LatexError:
        return False


def _one_term_reached(judge, step: Step, scope) -> Step | None:
    """`\\frac{d}{dx} x^2 + 3 = 2x + 3`: false with the operator reaching every term after it, true with it reaching the
    first alone, which the text may mean as well: valid so, saying so. None otherwise."""
    if not _operand_left_open(judge, step, scope):
        return None
    whole = scope.context
    scope.context = replace(whole, operand_reach="term")
    try:
        judged = _judge_sides(judge, step, scope, {})
    finally:
        scope.context = whole
    if judged.verdict != "valid":
        return None
    return replace(judged, feedback=f"{judged.feedback} (reading the derivative operator as applying to the first term after it only)")


def _judge_sides(judge, step: Step, scope, slips: dict) -> Step:
    timeout = judge.timeout
    started = cpu_seconds()
    placeholders: list[str] = []
    try:
        with time_limit(timeout):
            left_read, right_read = judge.read(step.left, scope), judge.read(step.right, scope)
            left, right = _named(judge, step, scope, left_read.exact, slips), _named(judge, step, scope, right_read.exact, slips)
            left, right = as_read = _leibniz_families((left, right), scope)
            gradient = _derivative_by_whole_of_entries(as_read, scope)
            if gradient is not None:
                return replace(step, verdict="undecided", feedback=f"a derivative by the whole {gradient} of a formula in its entries "
                                                                   f"(a gradient, entry by entry): not worked out here, so not judged")
            whole = _by_entry_of_whole(as_read, scope)
            if whole is not None:
                return replace(step, verdict="undecided", feedback=f"a derivative by an entry of {whole}, which the write-up uses as a "
                                                                   "whole vector or matrix: its formula cannot be differentiated entry by entry here, so not judged")
            slips.update(slips_of_name((left, right), scope))
            left, right = (side.xreplace(slips) if isinstance(side, sympy.Basic) else side for side in (left, right))
            left, right = _with_later_definitions(judge, step, scope, left, right)
            if scope.facts:
                left, right = (side.xreplace(scope.facts) if isinstance(side, sympy.Basic) else side for side in (left, right))
            point, domain, unread = condition_of(judge, step, scope)
            kinked = kink(scope.problem, (left, right), point)
            if kinked:
                return replace(step, verdict="undecided", feedback=kinked)
            written = _entries_as_sizes(one_length((left, right)))  # as read: its sums' bounds say which names are sizes
            left, right = given_entries(sequence_indices(one_symbol_per_name(one_length((scope.put_in(left), scope.put_in(right)))), written), scope.values)
            left, right = _entries_as_sizes((left, right))
            undefined = _derivative_of_an_undefined_name(left, right)
            if undefined is not None and undefined == left:  # \\partial L / \\partial W = ...: names the gradient, as in scalar form
                return replace(step, verdict="definition", feedback=f"names {step.lhs} (what it is the derivative of is not given)")
            if undefined is not None:
                return replace(step, verdict="undecided", feedback=f"the derivative of {undefined.function} with respect to "
                               f"{undefined.variable}: the write-up does not say what {undefined.function} is in terms of "
                               f"{undefined.variable}, so it is not judged")
            if point:
                left, right = (side.subs(point) if isinstance(side, sympy.Basic) else side for side in (left, right))
            for symbol, power in scope.nilpotent.items():  # (u + \\dot u \\epsilon)(v + \\dot v \\epsilon) with \\epsilon^2 = 0
                left, right = (sympy.series(side, symbol, 0, power).removeO() if isinstance(side, sympy.Expr) and side.has(symbol) else side for side in (left, right))
            left, right = _number_beside(left, right), _number_beside(right, left)
            left, right = _compared_as_array(left, right), _compared_as_array(right, left)
            named_by = _leibniz_variables(as_read, scope)  # X_{ri} of \\partial X_{sk} / \\partial X_{ri}: its i is an index, worked out or not
            context = _one_hot(_with_totals(with_free_symbols(scope.problem, (*written, *named_by, left, right)), scope.facts), scope.notation)
            context, (left, right) = _structured(*_labels_sum_to_one(context, scope, (left, right)), scope)
            rounded = as_written(step, scope, left_read, right_read, (left, right), point)
            if rounded is not None and rounded.verdict == "invalid" and scope.also:
                rounded = _as_worked_on(step, scope, left_read, right_read, point) or rounded
            if rounded is not None:
                _remember_rounding(step, scope, _chain_name(judge, step, scope, left_read), right_read, rounded)
                return rounded
            if step.relation == "\\ne":
                return _not_equal(step, context, left, right, domain, timeout)
            if step.kind == "inequality":
                return _inequality(step, left, right, context, domain, timeout)
            told = told_value(left, right, scope.problem) if scope.problem.document else None
            if told is not None:
                applied, gives = told
                if not isinstance(applied, sympy.MatrixBase):
                    scope.told[applied] = gives  # put in where the text applies it so again (f(x^n) = \\hat{y}^n, "because")
                name = str(type(applied[0] if isinstance(applied, sympy.MatrixBase) else applied))
                return replace(step, verdict="undecided", feedback=f"says what {name} gives here, and the write-up does not define {name} "
                               "(a formula for it would let this be checked): not judged")
            mixed = _alone_and_by_entries(left, right) if scope.problem.document else []
            if mixed:
                return replace(step, verdict="undecided", feedback=f"{', '.join(mixed)} is written alone (read as one number) and by its entries "
                               f"({mixed[0]}_k) in one step: what it is cannot be told here, so it is not judged")
            generic = undefined_functions(left, right, scope.problem) if scope.problem.document else []
            placeholders = placeholder_functions(left, right, scope.problem, (step.left, step.right)) if scope.problem.document else []
            if (generic or placeholders) and any(_infinite_sum(side) for side in (left, right)):
                return replace(step, verdict="undecided", feedback=f"a sum over infinitely many values of {', '.join(generic + placeholders)}, "
                               "which the write-up does not define: not judged")
            if generic or placeholders:  # g_j(z_j), g(x) never defined: a fixed smooth function in its place; equal for it, equal for any (at points)
                left, right = (concrete_functions(side, frozenset(generic + placeholders)) for side in (left, right))
            # what reading and putting in took comes off the decision's share: a proof running to the step's own limit
            # would lose an equality the search had already found
            domain = _written_positions(as_read, (left, right), _off_kinks(scope.problem, (*as_read, *_leibniz_derivatives(as_read, scope)), domain))
            budget = max(0.1, 0.85 * timeout - (cpu_seconds() - started))
            # the proof gets half: in a write-up a proof only says how (valid either way), while the search for a difference
            # after a failed proof decides valid against undecided, and must not be left the crumbs (a verdict at the boundary
            # of the budget flips from run to run)
            decision = _whatever_the_extremum(scope, context, left, right, domain, budget) \
                or decide(context, left, right, where=domain, budget=budget, strict=False, proof_budget=PROOF_SHARE * budget)
            if generic and decision.verdict != "equal":
                return replace(step, verdict="undecided", feedback=f"{', '.join(generic)} is not defined in the write-up, and the step "
                               "does not hold for every such function: not judged")
            if generic:
                return replace(step, verdict="valid", feedback=f"holds for any {', '.join(generic)} (checked with a generic one at random points)")
            own = _derivative_beside_itself(as_read, placeholders)
            if own and decision.verdict == "different":
                return replace(step, verdict="undecided", feedback=f"relates {own}' to {own}, which the write-up never defines: a property of one "
                               f"function ({own}' = {own}(1 - {own}) is the sigmoid's), not of every one, so not judged")
            if scope.problem.document and decision.verdict == "different" and not_real(decision.witness):
                decision = decide(positive(context), left, right, where=domain, budget=0.4 * timeout, strict=False)
                if decision.verdict == "different" and not_real(decision.witness, both=True):  # log(p/(1-p)): a real point between 0 and 1
                    between = decide(positive(context, 0.05, 0.95), left, right, where=domain, budget=0.2 * timeout, strict=False)
                    decision = between if between.verdict == "different" and not not_real(between.witness, both=True) else decision
                if decision.verdict == "different" and not_real(decision.witness, both=True):  # log(1 - p)^{1-y} with p > 1
                    return replace(step, verdict="undecided", feedback="the sides differ only where neither is a real number "
                                   f"({difference_shown(decision)}): not judged")
            if decision.verdict == "different" and (decision.method == "shape" or _by_a_square_matrix(left, right)):
                # the shapes told at once: most of the step's time is left; a square matrix's (\frac{\partial}{\partial \Sigma}
                # \log\det\Sigma = \Sigma^{-1}) was found by values, and gets what is left of the step
                left_over = 0.75 * timeout if decision.method == "shape" else max(0.1, min(0.75 * timeout, 0.85 * timeout - (cpu_seconds() - started)))
                laid_out = _other_layout(step, context, left, right, domain, left_over)
                if laid_out is not None:
                    return laid_out
            if decision.verdict == "different" and _on_a_kink(scope.problem, (*as_read, *_leibniz_derivatives(as_read, scope)), decision.witness):
                return replace(step, verdict="undecided", feedback=f"the sides differ only where a function differentiated here has a kink "
                               f"({difference_shown(decision)}): a derivative has no value there, so the line is not judged")
            if decision.verdict == "different":
                declared = _declared_lengths(left, right, scope)
                stated = _holds_at_stated_length(context, left, right, domain, 0.3 * timeout, declared)
                if stated is not None:
                    return replace(step, verdict="valid", feedback=f"holds for a vector of {stated} entries, as the write-up declares it"
                                   if declared else f"holds for a vector of {stated} entries, as the step's own sum says (the write-up gives no other length)")
                hot = _holds_if_hot_at(context, left, right, domain, 0.3 * timeout, scope.notation.summed)
                if hot is not None:
                    return replace(step, verdict="undecided", feedback=f"holds if the one-hot {hot[0]}'s 1 is at {hot[1]}, and the text does not "
                                                                       "say where it is: not judged")
    except ShapeMismatch as error:
        return _misfit(step, scope, error)
    except LatexError as error:
        return replace(step, verdict="unparsed", feedback=str(error).splitlines()[0])
    except TimeLimitExceeded:
        return out_of_time(step, timeout)
    except DefinitionMisfit as error:
        return replace(step, verdict="undecided", feedback=f"what the write-up says {error} is does not fit where it is used here "
                                                           "(a number where a vector or matrix stands, or the other way): not judged")
    except Exception as error:  # a step we could not judge is undecided, and says why
        return replace(step, verdict="undecided", feedback=could_not_decide(error))
    covered = _rounding_covers(written, left, right, scope) if decision.verdict == "different" else None
    if covered:
        return replace(step, verdict="valid", feedback=covered)
    judged = _verdict(step, scope, decision, left, right, domain, unread, scope.worked_quantity(left_read.expr))
    family = next((note for read in (left_read, right_read) if read.reading is not None for note in read.reading.notes if note.startswith(FAMILY_AS_ONE)), None)
    if family and (judged.verdict == "valid" or family.startswith(FAMILY_BESIDE) and judged.verdict == "invalid"):
        members = family.partition("(")[2].rstrip(")")
        return replace(judged, verdict="undecided", witness=None, feedback=(
            f"a sum over a family of vectors ({members}) beside a member of it, read with one vector for them all: not judged"
            if family.startswith(FAMILY_BESIDE) else
            f"equal where every vector of the family is one and the same ({members}), which is all that is read here: not judged"))
    collapsed = _collapsed(left, right, scope) if judged.verdict == "valid" and scope.problem.document else []
    differentiated = _differentiated(collapsed, left_read.expr, right_read.expr)
    if differentiated:  # d(a^T X a)/dX = a^T a: as numbers X a^2 gives a^2, where a vector's gives a a^T
        return replace(judged, verdict="undecided", witness=None, feedback=f"{', '.join(differentiated)} {'is' if len(differentiated) == 1 else 'are'} "
                       f"read as 1 x 1 only from how the write-up uses {'it' if len(differentiated) == 1 else 'them'}, inside a derivative: its value as numbers is not the "
                       "vector's or matrix's, so it is not judged")
    reordered = _reordered(left, right, collapsed)
    if reordered:  # x^T A x = tr[x^T x A]: equal only because x and A were taken for numbers
        return replace(judged, verdict="undecided", witness=None, feedback=f"{', '.join(reordered)} {'is' if len(reordered) == 1 else 'are'} "
                       f"read as 1 x 1 only from how the write-up uses {'it' if len(reordered) == 1 else 'them'}, and the sides multiply "
                       f"{'it' if len(reordered) == 1 else 'them'} in another order: equal as numbers, "
                       "which a vector or matrix need not be, so it is not judged")
    functions = placeholders + sorted(set(scope.defined) - set(placeholders))
    alone = _also_alone(step, functions, scope) if functions and judged.verdict == "invalid" else []
    if alone:  # h(d k + d v) + h d: h may be a number (heads) times a sum, not a function; f(x + h) and the node f
        return replace(judged, verdict="undecided", witness=None, feedback=f"{', '.join(alone)} is also written alone on this line, as a "
                       f"number, so {alone[0]}(...) may be a product, or another {alone[0]} than the function: not judged")
    if placeholders and judged.verdict == "invalid":
        judged = replace(judged, feedback=f"{judged.feedback} (for a generic {', '.join(placeholders)}: the write-up never defines "
                                          f"{'it' if len(placeholders) == 1 else 'them'}, so the step must hold for every one)")
    return judged


ROUNDING_GAP = sympy.Rational(1, 10**7)  # of the sides' size: what decimals typed to 8 or more figures leave, not a slip


def _also_alone(step: Step, functions: list, scope) -> list[str]:
    """The function letters a step applies (a never-defined one, or one the write-up defines) that the same line also
    writes alone, as factors (h d_v, m/h; f(x + h) beside (d + h) * f, a node called f)."""
    alone, applied = set(), set()
    for side in (step.left, step.right):
        found = [t for t in side.tokens if t.kind != "space"] if side is not None else []
        for name in Scanner(found, frozenset(scope.notation.words)).names():
            after = found[name.end] if name.end < len(found) else None
            if name.key in functions:
                (applied if after is not None and after.is_("symbol", "(") or power_applied(found, name.end) else alone).add(name.key)
    return sorted(alone & applied)


def _rounding_covers(written, left, right, scope) -> str | None:
    """E_total = E_o1 + E_o2 = (out_o1 - o_1)^2/2 + ..., where E_o1 = (0.75136507 - 0.01)^2/2 was worked out from out_o1 typed
    rounded: the sides, numbers, differ by less than a ten-millionth of their size, and a name's value on them came from
    decimals as typed. Equal to the precision of those numbers; said so (a slip in a typed number is judged on its own
    line, where it is written; here no number is written)."""
    if not all(getattr(side, "is_number", False) and side.is_finite for side in (left, right)) or not all(isinstance(side, sympy.Basic) for side in written):
        return None
    gap, size = abs(sympy.N(left - right, 30)), max(abs(sympy.N(left, 30)), abs(sympy.N(right, 30)))
    if not (gap.is_real and size.is_real) or gap == 0:
        return None
    names = written[0].free_symbols | written[1].free_symbols
    typed = sorted(str(name) for name in names if _from_decimals(scope.values.get(name)))
    if typed and gap <= size * ROUNDING_GAP:
        return (f"equal to the precision of the numbers typed for {', '.join(typed)} (the sides differ by {float(gap):.1g}, "
                f"{float(gap / size):.0e} of their size)")
    rounded = {abs(value) for value in scope.also.values() if isinstance(value, sympy.Rational)}  # results the text wrote rounded
    worked = {str(name): _typed_precision(scope.values.get(name), rounded) for name in names if not _from_decimals(scope.values.get(name))}
    worked = {name: precision for name, precision in worked.items() if precision}
    if worked and gap <= size * max(worked.values()) / 10:  # a_o = \sigma(0.382) after z_o \approx 0.382 (a tenth of that
        # precision: a wrong formula moves the sides far more)
        return (f"equal to the precision of the rounded numbers {', '.join(sorted(worked))} {'was' if len(worked) == 1 else 'were'} "
                f"worked out from (the sides differ by {float(gap):.1g}, {float(gap / size):.0e} of their size)")
    return None


def _typed_precision(value, rounded: set) -> float:
    """How closely a value worked out from results the text wrote rounded (\\sigma(0.382) after z_o \\approx 0.382) is
    known: the largest relative half-unit in the last place of those decimals (0.382: 0.0005 / 0.382); 0 for anything
    else (\\sigma(1.1) of an input 1.1 is exact)."""
    if not isinstance(value, sympy.Expr) or isinstance(value, sympy.Rational) or not value.is_number:
        return 0.0
    precisions = [0.5 / 10**_places_of(atom) / abs(float(atom)) for atom in value.atoms(sympy.Rational)
                  if abs(atom) in rounded and _from_decimals(atom) and atom.q <= 10**6]
    return max(precisions, default=0.0)


def _places_of(decimal: sympy.Rational) -> int:
    """The decimal places a decimal typed as a rational (191/500 for 0.382) shows: 3."""
    places = 0
    while (decimal * 10**places).q != 1:
        places += 1
    return places


def _from_decimals(value) -> bool:
    """A value worked out from decimals as typed (0.274811083, (0.75136507 - 0.01)^2/2): a rational whose denominator
    has no factor but 2 and 5."""
    if not isinstance(value, sympy.Rational) or value.is_Integer:
        return False
    q = int(value.q)
    for factor in (2, 5):
        while q % factor == 0:
            q //= factor
    return q == 1


def _verdict(step: Step, scope, decision, left, right, domain, unread, worked: frozenset = frozenset()) -> Step:
    if decision.verdict == "equal":
        return replace(step, verdict="valid", feedback="proved" if decision.proved else "equal at random points")
    if step.kind == "approx":
        return replace(step, verdict="undecided", feedback="an approximation (\\approx) is checked against a written decimal only")
    unshown = not_shown_wrong(step, scope, left, right, frozenset(domain), worked) if decision.verdict == "different" else None
    if decision.verdict == "different" and decision.method == "shape" and scope.problem.document:
        unshown = f"the two sides are read with different shapes ({decision.note.replace('wrong shape: ', '')}): not judged"
    if decision.verdict == "different" and unread:
        unshown = f"the line holds only {unread}, a condition not read here: not judged"
    if unshown:
        return replace(step, verdict="undecided", feedback=unshown)
    undefined = undefined_functions(left, right, scope.problem) if decision.verdict != "different" and scope.problem.document else []
    if undefined:
        return replace(step, verdict="undecided", feedback=f"{', '.join(undefined)} is not defined in the write-up: not judged")
    if decision.verdict == "different":
        return replace(step, verdict="invalid", feedback=difference_shown(decision), witness=vars(decision.witness) if decision.witness else None)
    return replace(step, verdict="undecided", feedback=decision.note)


def _not_equal(step: Step, problem: Problem, left, right, domain, timeout: float) -> Step:
    """`a \\neq b` says the two are not the same function: valid when a point shows them apart, invalid when they are
    proved equal."""
    decision = decide(problem, left, right, where=domain, budget=0.8 * timeout, strict=False)
    if decision.verdict == "different":
        return replace(step, verdict="valid", feedback=f"they differ: {difference_shown(decision)}")
    if decision.verdict == "equal" and decision.proved:
        return replace(step, verdict="invalid", feedback="the two sides are equal (proved), so \\neq does not hold")
    return replace(step, verdict="undecided", feedback="no point where they differ was found, and no proof that they are equal")


def _inequality(step: Step, left, right, problem: Problem, domain, timeout: float) -> Step:
    """`a \\le b`: valid when b - a is never negative at the points tried and where it is a number; a point where it
    fails is shown. (0 \\ge 0 holds; 3 - 3 = 0 \\ge 0 is judged link by link.)"""
    from ..numeric import sample_points, point_value

    relation = step.relation
    left, right = _one_by_one_as_number(left), _one_by_one_as_number(right)
    difference = (right - left) if relation in ("<", "\\le") else (left - right)
    strict = relation in ("<", ">")
    if getattr(difference, "is_number", False):
        value = sympy.N(difference, 30)
        holds = value > 0 if strict else value >= 0
        said = "holds" if holds else "does not hold"
        return replace(step, verdict="valid" if holds else "invalid", feedback=f"{step.lhs} {relation} {step.rhs} {said}: the difference is {sympy.N(difference, 6)}")
    if _unknowns(difference):
        return replace(step, verdict="undecided", feedback="an inequality in unknowns (a condition on them, or a claim for every value): not judged")
    points = sample_points(problem.variables, domain, 24, 2026)
    for point in points:
        try:
            value = point_value(difference, point)
        except Exception:
            continue
        if value is not None and not isinstance(value, complex) and (value <= 0 if strict else value < -1e-25):
            shown = ", ".join(f"{k} = {sympy.N(v, 4)}" for k, v in point.items())
            return replace(step, verdict="invalid", feedback=f"at {shown} it does not hold ({float(value):.6g})")
    return replace(step, verdict="undecided", feedback="held at every point tried, not proved")


def _one_by_one_as_number(side):
    """A 1 x 1 matrix (w^T x, z^T H z) compared with a number is its one entry."""
    if isinstance(side, sympy.MatrixExpr) and side.shape == (1, 1):
        return side[0, 0]
    return side


def _by_a_square_matrix(left, right) -> bool:
    """A side is the derivative of a number by a square matrix: its two layouts have one shape, so a difference in one
    is no mistake until the other differs too."""
    return any(isinstance(side, MatrixDerivative) and not side.is_jacobian and side.shape[0] == side.shape[1] != 1 for side in (left, right))


def _other_layout(step: Step, context: Problem, left, right, domain, budget: float) -> Step | None:
    """A gradient written as a row (\\frac{\\partial J}{\\partial \\mathbf{z}} = (\\hat{\\mathbf{y}} - \\mathbf{y})^\\top), or a Jacobian
    as its transpose: both layouts are in use and a write-up need not say which it follows, so the line is
    valid when the transpose is equal (saying which layout it was read in), and invalid when it differs there too."""
    derivative, other = (left, right) if isinstance(left, MatrixDerivative) else (right, left)
    if not isinstance(derivative, MatrixDerivative) or not is_matrix_expr(other) or other.shape != derivative.shape[::-1]:
        return None
    decision = decide(context, derivative, sympy.Transpose(other), where=domain, budget=budget, strict=False)
    expected, layout = layouts(derivative)
    if decision.verdict == "different" and decision.witness is not None:
        return replace(step, verdict="invalid", feedback=f"wrong in either layout: read in {layout} layout, {difference_shown(decision)}",
                       witness=vars(decision.witness))
    if decision.verdict == "undecided" and decision.note:
        return replace(step, verdict="undecided", feedback=f"read in {layout} layout: {decision.note}")
    if decision.verdict != "equal":
        return None
    how = "proved" if decision.proved else "equal at random points"
    return replace(step, verdict="valid", feedback=f"{how}; read in {layout} layout (the transpose of the {expected}-layout form)")


def _derivative_of_an_undefined_name(*sides) -> MatrixDerivative | None:
    """\\frac{\\partial L}{\\partial W} where the write-up never says what L is in terms of W: not 0, but unknown."""
    for side in sides:
        for derivative in (side.atoms(MatrixDerivative) if isinstance(side, sympy.Basic) else ()):
            if not derivative.function.has(derivative.variable):
                return derivative
    return None


STATED = "stated under an underbrace"  # the key, among a step's slips, of the values \underbrace{E}_{=1} stated that it used


def _named(judge, step: Step, scope, expr, slips: dict):
    """A name given by an earlier \\underbrace{E}_{W} stands for E; a value stated under one (\\underbrace{E}_{=1}) is
    what E is in the steps after the one that shows it (that one compares E as written)."""
    if not step.underbraces or not isinstance(expr, (sympy.Basic, sympy.MatrixBase)):
        return expr
    present = {getattr(s, "name", None): s for s in expr.free_symbols | (expr.atoms(sympy.MatrixSymbol) if isinstance(expr, sympy.Basic) else set())}
    swaps = {}
    for name_side, body_side in step.underbraces:
        stated = _stated_value(name_side)
        try:
            if stated is not None and not _shown_in(body_side, step):
                body = judge.read(body_side, scope).exact
                if isinstance(body, sympy.Basic) and expr.has(body):
                    swaps[body] = judge.read(stated, scope).exact
                    slips.setdefault(STATED, []).append(f"{body_side.text.strip()} = {stated.text.strip()}")
            if stated is not None:
                continue
            name = judge.read(name_side, scope).expr
            body = judge.read(body_side, scope).exact
        except LatexError:
            continue
        written = getattr(name, "name", None)
        if written in present:
            swaps[present[written]] = body
    return expr.xreplace(swaps) if swaps else expr


def _stated_value(script: Side) -> Side | None:
    """The value an \\underbrace's script states (= 1 in _{=1}), as a side; None for a name."""
    found = [t for t in script.tokens if t.kind != "space"]
    if len(found) < 2 or not found[0].is_("symbol", "="):
        return None
    return Side(tuple(found[1:]), spelled_back(found[1:]), found[1].position)


def _shown_in(body: Side, step: Step) -> bool:
    """The \\underbrace's group is written in this step's right side: the step that rewrites into it compares it as
    written (the steps from it on take its stated value)."""
    side = step.right
    return side is not None and bool(side.tokens) and side.start <= body.start <= side.tokens[-1].position


def _with_later_definitions(judge, step: Step, scope, left, right):
    """`... = W\\mathbf{x} + \\mathbf{b}`, then "with $W = W_2 W_1$": names the right side introduces and a later line
    of the section defines stand for those definitions (else any step could end in new names)."""
    if not isinstance(right, (sympy.Basic, sympy.MatrixBase)):
        return left, right
    later = _defined_later(judge, step)
    if not later:
        return left, right
    on_left = {getattr(s, "name", None) for s in _atoms(left)}
    swaps = {}
    for symbol in _atoms(right):
        name = getattr(symbol, "name", None)
        if name in later and name not in on_left and symbol not in scope.values and not _in_definitions(name, scope):  # z in p_i = e^{z_i}/...: not new
            try:
                swaps[symbol] = judge.read(later[name], scope).exact
            except LatexError:
                continue
    if swaps:
        scope.used.extend(f"{name} as defined below" for name in sorted(str(s) for s in swaps))
        right = right.xreplace(swaps)
    return left, right


def _atoms(expr) -> set:
    if not isinstance(expr, (sympy.Basic, sympy.MatrixBase)):
        return set()
    found = set(expr.free_symbols)
    if isinstance(expr, sympy.Basic):
        found |= expr.atoms(sympy.MatrixSymbol)
    return found


def _defined_later(judge, step: Step) -> dict:
    """Per section, the names a later line defines first (`with $W = W_2 W_1$`): name -> the defining side."""
    cache = judge.__dict__.setdefault("_later", {})
    if step.section not in cache:
        found: dict = {}
        for other in judge.steps:
            if other.section == step.section and other.kind == "equal" and other.first_of_chain and other.left is not None \
                    and (other.explains or other.role in ("defines", "given", "for")) and not judge.relates_indices(other, judge.notation(other.section)):
                from .judging import name_of

                name = name_of(other.left, judge.notation(step.section))
                if name is not None and not name.primes:
                    found.setdefault(name.key, (other.right, other.index))
        cache[step.section] = found
    return {key: side for key, (side, index) in cache[step.section].items() if index > step.index}


def _one_hot(problem: Problem, notation) -> Problem:
    """A label the text calls one-hot is sampled so: one entry 1 (at the index it names, if it names one), the rest 0."""
    from ..model import Matrix, Vector

    if not notation.one_hot:
        return problem

    def hot(variable):
        if isinstance(variable, Matrix) and variable.symbol.name in notation.one_hot:
            return replace(variable, one_hot=True)  # \mathbf{y}, a column
        if not isinstance(variable, Vector) or str(variable.base.label) not in notation.one_hot:
            return variable
        letter = notation.one_hot[str(variable.base.label)]
        return replace(variable, one_hot=sympy.Symbol(letter, real=True) if letter else True)
    return replace(problem, variables=tuple(hot(v) for v in problem.variables))


def _declared_lengths(left, right, scope) -> set[int]:
    """The lengths the write-up declares for the vectors whose entries the sides write (x \\in \\mathbb{R}^3: 3)."""
    bases = {str(entry.base.label) for side in (left, right) if isinstance(side, sympy.Basic) for entry in side.atoms(sympy.Indexed)}
    return {scope.notation.lengths[base] for base in bases if base in scope.notation.lengths}


def _holds_at_stated_length(context: Problem, left, right, domain, budget: float, declared: set[int] = frozenset()) -> int | None:
    """The length a sum in the step states (\\sum_{j=1}^3 e^{\\theta_j}, or its last entry written out) when the step holds with the vector's unknown length
    (a bare \\sum_j, a softmax's) set to it: the text's vector has that many entries, so the step is no slip. A length the
    write-up declares for the vector (x \\in \\mathbb{R}^3) is the only one it may have."""
    sides = [side for side in (left, right) if isinstance(side, sympy.Basic)]
    if not any(DOCUMENT_SIZE in side.free_symbols for side in sides):
        return None
    stated = {int(limit[2]) for side in sides for total in side.atoms(sympy.Sum) for limit in total.limits
              if limit[1] == 1 and limit[2].is_Integer and 1 < limit[2] <= 50}
    stated |= {int(entry.indices[0]) for side in sides for entry in side.atoms(sympy.Indexed)  # the sum written out: its last entry
               if len(entry.indices) == 1 and entry.indices[0].is_Integer and 1 < entry.indices[0] <= 50}
    stated = sorted(stated & declared if declared else stated, reverse=True)
    for length in stated[:2]:
        at = {DOCUMENT_SIZE: sympy.Integer(length)}
        if decide(context, left.xreplace(at), right.xreplace(at), where=domain, budget=budget / 2, strict=False).verdict == "equal":
            return length
    return None


def _holds_if_hot_at(context: Problem, left, right, domain, budget: float, summed) -> tuple[str, str] | None:
    """(label, index) when a one-hot label whose 1 the text places nowhere makes the step hold with its 1 at an index the
    step writes (-\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o, the 1 at o): a claim about where the 1 is, not a slip.
    An index the text's sums run over (i of \\sum_i y_i \\log p_i) stands for every entry, not for the true class."""
    from ..model import Index, Vector

    labels = [v for v in context.variables if isinstance(v, Vector) and v.one_hot is True]
    indices = [v.symbol for v in context.variables if isinstance(v, Index) and str(v.symbol) not in summed]
    for label in labels[:2]:
        for index in indices[:3]:
            placed = tuple(replace(v, one_hot=index) if v is label else v for v in context.variables)
            if decide(replace(context, variables=placed), left, right, where=domain, budget=budget / 6, strict=False).verdict == "equal":
                return str(label.base.label), str(index)
    return None


def _with_totals(problem: Problem, facts: dict):
    """A vector whose entries the write-up said sum to a value is sampled so that they do."""
    from ..model import Vector

    totals = {total.function.base: value for total, value in (facts or {}).items()  # (a sequence's terms are facts too)
              if isinstance(total, sympy.Sum) and isinstance(total.function, sympy.Indexed) and total.function.indices == (total.limits[0][0],)}
    if not totals:
        return problem
    return replace(problem, variables=tuple(replace(v, total=totals[v.base]) if isinstance(v, Vector) and v.base in totals else v for v in problem.variables))


def _labels_sum_to_one(problem: Problem, scope, sides) -> tuple:
    """A cross-entropy's target (notation.labels) has entries summing to 1: under a sum it is sampled so, and written
    out (t_0, t_1, t_2) its last entry is 1 less the others. The step records that it took this."""
    from ..model import Vector

    labels = scope.notation.labels
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    held = {base for base in labels if any(_holds_entry_of(expr, base) for expr in exprs)}
    if not held:
        return problem, sides
    last: dict = {}
    for base in held:
        numbers = sorted(labels[base])
        if numbers:
            entries = [(sympy.Symbol(f"{base}_{n}", real=True), sympy.IndexedBase(base, real=True)[n]) for n in numbers]
            for form in (0, 1):
                last[entries[-1][form]] = 1 - sum(entry[form] for entry in entries[:-1])
    variables = tuple(replace(v, total=sympy.Integer(1)) if isinstance(v, Vector) and str(v.base.label) in held and v.total is None
                      and v.one_hot is None and not labels[str(v.base.label)] else v for v in problem.variables)
    scope.used.extend(f"{base}'s entries sum to 1 (it weighs the logs of a cross-entropy: a label or a distribution)" for base in sorted(held))
    sides = tuple(side.xreplace(last) if isinstance(side, sympy.Basic) and last else side for side in sides)
    return replace(problem, variables=variables), sides


def _leibniz_families(sides, scope) -> tuple:
    """\\partial L / \\partial Y_{mn} and \\partial L / \\partial Y_{mi}, names nothing works out: entries (m, n) and (m, i) of one
    family, the gradient of L by Y, so a sum over n with \\delta_{ni} in it picks the entry at i, as index notation means.
    Only a name whose quantity or variable is an entry at index letters, and which is no value or formula of the text's."""
    found = []
    for side in sides:
        families = {}
        bound = {dummy.name: dummy for dummy in sorted(getattr(side, "atoms", lambda *_: ())(sympy.Dummy), key=lambda d: d.dummy_index)}
        for symbol in getattr(side, "free_symbols", ()):
            family = _family_of(symbol, scope)
            if family is not None:  # a sum's own index, renamed apart when read, is this side's (a reading of it kept earlier has another)
                families[symbol] = family.xreplace({i: bound.get(i.name, i) for i in family.indices if isinstance(i, sympy.Dummy)})
        found.append(side.xreplace(families) if families else side)
    return tuple(found)


def _family_of(symbol, scope):
    """The entry of its family a Leibniz name is (see _leibniz_families), or None."""
    if not isinstance(symbol, sympy.Symbol) or symbol not in scope.leibniz or symbol in scope.values or symbol in scope.formulas:
        return None
    quantity, variable, order = scope.leibniz[symbol]
    parts = [_entry_parts(quantity), _entry_parts(variable)]
    if order != 1 or not any(parts) or any(part is None for part in parts):
        return None
    (top, top_indices), (bottom, bottom_indices) = parts[0] or (str(quantity), ()), parts[1] or (str(variable), ())
    indices = (*top_indices, *bottom_indices)
    given = {str(key) for known in (scope.values, scope.formulas, scope.bodies) for key in known}
    if not all(isinstance(index, sympy.Symbol) for index in indices) or top in given or str(quantity) in given:
        return None  # the quantity has a formula: its gradient has a structure (its entries may sum to 0), not any values
    if scope.derivative(symbol) is not None:
        return None  # worked out from the definitions (the costliest test, so the last)
    return sympy.IndexedBase(f"\\partial {top}/\\partial {bottom}", real=True)[indices]


def _entry_parts(expr):
    """(its family's name, its indices) for an entry (Y_{mn}, or W[m, n] of a matrix); () for a plain name; None else."""
    if isinstance(expr, sympy.Indexed):
        return str(expr.base.label), tuple(expr.indices)
    if isinstance(expr, sympy.matrices.expressions.matexpr.MatrixElement):
        return str(expr.parent), (expr.i, expr.j)
    return () if isinstance(expr, sympy.Symbol) else None


def _entries_as_sizes(sides) -> tuple:
    """\\sum_{j=1}^{N_\\mathrm{in}} where N is also written with other subscripts (N_\\mathrm{out}): the bound reads as an entry of
    N, but a sum runs to a whole number: the entry is a size of its own (N_in), sampled as one."""
    exprs = [side for side in sides if isinstance(side, sympy.Basic)]
    bounds = {entry for expr in exprs for total in expr.atoms(sympy.Sum, sympy.Product) for _, low, high in total.limits
              for entry in (sympy.sympify(low).atoms(sympy.Indexed) | sympy.sympify(high).atoms(sympy.Indexed))}
    if not bounds:
        return tuple(sides)
    sizes = {entry: sympy.Symbol(f"{entry.base.label}_{''.join(map(str, entry.indices))}", integer=True, positive=True) for entry in bounds}
    return tuple(side.xreplace(sizes) if isinstance(side, sympy.Basic) else side for side in sides)


def _structured(problem: Problem, sides, scope) -> tuple:
    """A matrix the text calls symmetric or diagonal (notation.structured) is sampled so, and its transpose is itself."""
    from ..model import Matrix

    structured = scope.notation.structured
    if not structured:
        return problem, sides
    matrices = {v.symbol: structured[v.symbol.name] for v in problem.variables if isinstance(v, Matrix) and v.symbol.name in structured
                and v.symbol.shape[0] == v.symbol.shape[1]}
    if not matrices:
        return problem, sides
    held = [matrix for matrix in matrices if any(isinstance(side, sympy.Basic) and side.has(matrix) for side in sides)]
    scope.used.extend(f"{matrix} is {matrices[matrix]} (as the text says)" for matrix in held)
    itself = {sympy.Transpose(matrix): matrix for matrix in matrices}
    sides = tuple(side.xreplace(itself) if isinstance(side, sympy.Basic) else side for side in sides)
    variables = tuple(replace(v, structure=matrices[v.symbol]) if isinstance(v, Matrix) and v.symbol in matrices else v for v in problem.variables)
    return replace(problem, variables=variables), sides


def _holds_entry_of(expr, base: str) -> bool:
    return any(str(entry.base.label) == base for entry in expr.atoms(sympy.Indexed)) \
        or any(symbol.name.startswith(base + "_") for symbol in expr.free_symbols if isinstance(symbol, sympy.Symbol))


# --- conditions -------------------------------------------------------------------------------------


def _derivative_beside_itself(sides, placeholders: list) -> str | None:
    """An undefined function whose derivative one side holds and whose value the other does (f'(z) = f(z)(1 - f(z))): its
    name; the step states what f is, and holds for some f only."""
    def holds(expr) -> bool:
        return any(str(applied.func) == name for applied in expr.atoms(sympy.core.function.AppliedUndef))

    for name in placeholders:
        derived = [isinstance(side, sympy.Basic) and any(holds(node.expr) for node in side.atoms(sympy.Derivative, sympy.Subs)) for side in sides]
        bare = [isinstance(side, sympy.Basic) and holds(side.replace(lambda node: isinstance(node, (sympy.Derivative, sympy.Subs)), lambda node: sympy.Integer(0)))
                for side in sides]
        if derived[0] != derived[1] and any(bare[at] and not derived[at] for at in (0, 1)):
            return name
    return None


def _whatever_the_extremum(scope, context, left, right, domain, budget: float):
    """A step about \\max_k x_k (the stable softmax's shift) that holds whatever value the maximum has: decided with
    it as a number of its own, which a proof handles at once; None when it does not hold so (then it is decided with
    the maximum computed at each point, where a wrong line shows)."""
    extrema = {node for side in (left, right) if isinstance(side, sympy.Basic) for node in side.atoms(EntryExtremum)}
    if not extrema:
        return None
    named = {node: sympy.Symbol(f"\\max_{{{node.args[2].name}}} {sympy.sstr(node.args[1])}", real=True) for node in extrema}
    sides = tuple(side.xreplace(named) if isinstance(side, sympy.Basic) else side for side in (left, right))
    trial = decide(with_free_symbols(context, sides), *sides, where=domain, budget=budget / 3, strict=False, proof_budget=budget / 6)
    return trial if trial.verdict == "equal" else None


def _leibniz_variables(sides, scope) -> list:
    """The entries the sides' Leibniz names differentiate and are of (X_{ri}, X_{sk}): what their index letters are."""
    return [part for side in sides for symbol in getattr(side, "free_symbols", ()) if symbol in scope.leibniz
            for part in scope.leibniz[symbol][:2] if isinstance(part, sympy.Indexed)]


def _leibniz_derivatives(sides, scope) -> list:
    """dt/dz written as a Leibniz name, for t = max(0, z): the derivative it names, unevaluated, so the kinks of what it
    differentiates are found as for f'(z)."""
    found = []
    for side in sides:
        for symbol in side.free_symbols if isinstance(side, sympy.Basic) else ():
            if symbol in scope.leibniz:
                quantity, variable = scope.leibniz[symbol][:2]
                try:
                    found.append(sympy.Derivative(scope.put_in(quantity), variable, evaluate=False))
                except (TypeError, ValueError, DefinitionMisfit):
                    continue
    return found


def _on_a_kink(problem: Problem, sides, witness) -> bool:
    """The point where the sides differ lies on a kink of a function they differentiate (y \\hat{y} = 1 for the hinge's
    max(0, 1 - y \\hat{y})), a curve in two variables or more that `_off_kinks` cannot take out of a range: there the
    derivative does not exist, and the comparison says nothing."""
    values = dict(getattr(witness, "values", ()) or ())
    if not values:
        return False
    for zero in kinks(problem, sides):
        if len(zero.free_symbols) < 2 or not {str(s) for s in zero.free_symbols} <= set(values):
            continue
        try:
            at = sympy.N(zero.xreplace({s: sympy.Float(values[str(s)], 30) for s in zero.free_symbols}), 30)
        except (TypeError, ValueError, SyntaxError):
            continue
        if at.is_number and abs(at) < sympy.Float("1e-9"):
            return True
    return False


def _off_kinks(problem: Problem, sides, domain: dict) -> dict:
    """The ranges a claim about a derivative is compared on, without the points where the function differentiated has a
    kink (ReLU'(z) = 1_{z > 0}: at z = 0 the derivative does not exist, and the line says nothing there)."""
    found = dict(domain)
    for zero in kinks(problem, sides):
        if len(zero.free_symbols) != 1:
            continue
        (symbol,) = zero.free_symbols
        try:
            at = [value for value in sympy.solve(zero, symbol) if value.is_real]
        except (NotImplementedError, TypeError, ValueError):
            continue
        if at:
            found[symbol] = found.get(symbol, sympy.S.Reals) - sympy.FiniteSet(*at)
    return found


def _written_positions(as_read, put_in, domain: dict) -> dict:
    """An index the claim leaves free ranges over the entries a formula put in writes out (a_0 = v_{00} z_0 + v_{01} z_1
    + v_{02} z_2, so da_0/dv_{0i} = z_i is about i = 0, 1, 2: at i = 3 the formula has no term and z_3 no meaning).
    Only where putting in made the deltas (none written) and they name two positions or more."""
    written = {d for side in as_read if isinstance(side, sympy.Basic) for d in side.atoms(sympy.KroneckerDelta)}
    positions: dict = {}
    for side in put_in:
        for delta in side.atoms(sympy.KroneckerDelta) if isinstance(side, sympy.Basic) else ():
            if delta in written:
                continue
            symbol, at = sorted(delta.args, key=lambda a: a.is_Integer)
            if isinstance(symbol, sympy.Symbol) and at.is_Integer:
                positions.setdefault(symbol, set()).add(int(at))
    found = dict(domain)
    for symbol, at in positions.items():
        if len(at) > 1 and symbol not in found:
            found[symbol] = sympy.Range(min(at), max(at) + 1)
    return found


def condition_of(judge, step: Step, scope) -> tuple[dict, dict, str]:
    """A line's condition as a point (x = 0: put in before judging) and ranges (x > 0: where the sides are
    compared); the text of a condition that is neither (then a difference is not taken as a mistake)."""
    side = step.condition_side
    if side is None or every_index(side):
        return {}, {}, ""
    if step.bindings:
        return _bindings(judge, side, scope)
    parts = _conditions_apart(side)
    if len(parts) > 1:  # "$i = k$, $l \\neq j$" over a display: each condition holds
        point, domain, unread = {}, {}, []
        for part in parts:
            found = condition_of(judge, replace(step, condition_side=part), scope)
            point.update(found[0])
            domain.update(found[1])
            unread += [found[2]] if found[2] else []
        return point, domain, "; ".join(unread)
    try:
        reading = judge.read(side, scope).reading
    except LatexError:
        return {}, {}, f"for {side.text}"
    if reading is None or len(reading.sides) != 2:
        return {}, {}, f"for {side.text}"
    symbol, value = reading.sides
    if reading.decimals:
        values = {p: v for p, v, _, _ in reading.decimals}
        symbol, value = symbol.xreplace(values) if isinstance(symbol, sympy.Basic) else symbol, value.xreplace(values) if isinstance(value, sympy.Basic) else value
    relation = reading.relations[0]
    if isinstance(symbol, sympy.Symbol) and isinstance(value, sympy.Symbol) and relation in ("==", "!="):  # i = j, i \\neq j
        return ({symbol: value}, {}, "") if relation == "==" else ({}, {symbol: sympy.Complement(sympy.Integers, sympy.FiniteSet(value))}, "")
    if not isinstance(symbol, sympy.Symbol) or not getattr(value, "is_number", False):
        return {}, {}, f"for {side.text}"
    if relation == "!=":
        return {}, {symbol: sympy.Union(sympy.Interval.open(-sympy.oo, value), sympy.Interval.open(value, sympy.oo))}, ""
    if relation == "==":
        return {symbol: value}, {}, ""
    if relation in ("<", "<=", ">", ">="):
        opened = relation in (">", "<")
        upward = relation in (">", ">=")
        interval = sympy.Interval(value, sympy.oo, left_open=opened) if upward else sympy.Interval(-sympy.oo, value, right_open=opened)
        return {}, {symbol: interval}, ""
    return {}, {}, f"for {side.text}"


def _bindings(judge, side, scope) -> tuple[dict, dict, str]:
    """`z_2 = 0, z_1 = z` beside a claim: each name's value put in before judging it."""
    point, part = {}, []
    for token in (*side.tokens, None):
        if token is not None and not token.is_("symbol", ","):
            part.append(token)
            continue
        try:
            reading = judge.read(Side(tuple(part), " ".join(t.text for t in part), part[0].position if part else -1), scope).reading
        except LatexError:
            reading = None
        if reading is None or len(reading.sides) != 2 or reading.relations[0] != "==" or not isinstance(reading.sides[0], (sympy.Symbol, sympy.Indexed)):
            return {}, {}, f"where {side.text}"
        point[reading.sides[0]] = reading.sides[1]
        part = []
    return point, {}, ""


def _infinite_sum(side) -> bool:
    """\\sum_{k=-\\infty}^{\\infty} f(k) g(n - k): a sum with an infinite bound (a stand-in for an undefined f has no
    value there; sympy's attempt at one runs to the step's limit)."""
    return isinstance(side, sympy.Basic) and any(limit[1].is_infinite or limit[2].is_infinite for total in side.atoms(sympy.Sum, sympy.Product)
                                                 for limit in total.limits if len(limit) == 3)


def _conditions_apart(side) -> list:
    """A condition side cut at its commas outside brackets (one side when there is none)."""
    parts, current, depth = [], [], 0
    for token in side.tokens:
        depth += 1 if token.is_("symbol", "(", "[", "{") else -1 if token.is_("symbol", ")", "]", "}") else 0
        if depth == 0 and token.is_("symbol", ","):
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    if len(parts) < 2 or not all(parts):
        return [side]
    return [Side(tuple(part), spelled_back(part), part[0].position) for part in parts]


def every_index(side) -> bool:
    """`\\forall k \\in [1, K]`, `k \\in \\{1, \\dots, K\\}`, `1 \\le k \\le K`, `k = 1, \\dots, K`: an index over the
    whole range it runs over (from 0 or 1 to a size or a number), which says the line holds for each member; the line
    is judged for a generic index, as it is written."""
    tokens = [t for t in side.tokens if t.kind != "space" and not t.is_("command", "forall")]
    texts = [t.text for t in tokens]
    low = lambda t: t.is_("number", "0", "1")  # noqa: E731
    high = lambda t: t.kind == "number" or t.kind == "letter" and len(t.text) == 1  # noqa: E731
    index = lambda t: t.kind == "letter" and len(t.text) == 1  # noqa: E731
    dots = lambda t: t.is_("command", *dialect.LIST_ELLIPSES)  # noqa: E731 (... typed is \\dots by then)
    if len(tokens) >= 7 and index(tokens[0]) and tokens[1].is_("command", "in"):
        opened, closed = tokens[2], tokens[-1]
        inner = tokens[3:-1]
        bracketed = opened.is_("symbol", "[") and closed.is_("symbol", "]") or opened.is_("command", "{") and closed.is_("command", "}")
        shaped = [t.text for t in inner[1:-1]] == [","] or len(inner) == 5 and inner[1].is_("symbol", ",") and dots(inner[2]) and inner[3].is_("symbol", ",")
        return bracketed and shaped and low(inner[0]) and high(inner[-1])
    if len(tokens) == 5 and all(t.kind == "command" and dialect.RELATIONS.get(t.text) == "<=" for t in (tokens[1], tokens[3])):
        return low(tokens[0]) and index(tokens[2]) and high(tokens[4])
    if len(tokens) == 7 and index(tokens[0]) and texts[1] == "=" and texts[3] == texts[5] == ",":
        return low(tokens[2]) and dots(tokens[4]) and high(tokens[6])
    return False


# --- numbers as written -----------------------------------------------------------------------------


# Exactly halfway (-0.94 x 0.25 x 0.5 = -0.1175), either neighbour is a rounding (-0.118 half up, -0.117 half to even, as
# Python's round gives); 40-digit floats of the tie may land a hair past it.
TIE = sympy.Rational(1, 10 ** 30)


def as_written(step: Step, scope, left_read, right_read, sides, point, loose: bool = True) -> Step | None:
    """A right side written with decimals (0.797057, 36.0278 - 0.9899, 3.35 \\times 10^{-4}, a vector of them) holds
    rounded values: the step is valid when the left side, a number (or each entry), is within how far the right side
    moves when each decimal in it moves by half a unit in its last place, widened by the same for decimals written
    on the left (0.7068)."""
    if not right_read.decimals:
        return None
    value, target = (_explicit(sympy.ImmutableMatrix(list(side)) if isinstance(side, sympy.Tuple) and len(side) > 1 else side) for side in sides)  # [-0.222, -0.243]
    entries = _numeric_entries(value, target)
    if entries is None:
        return None
    exact, claimed = entries
    shown = _moved_by_rounding(scope, step, right_read, target, point, every=True)
    from_left = _moved_by_rounding(scope, step, left_read, value, point, every=False)
    slack = [a + b for a, b in zip(shown, from_left)]
    if len(slack) != len(exact):  # each entry has its own tolerance, or none is weighed
        return None
    places = _places_written(right_read)
    if max(shown) > 0:  # 3.35 \\times 10^{-4}: to 6 places, as 0.000335
        places = max(places, -int(sympy.floor(sympy.log(2 * min(s for s in shown if s > 0), 10))))
    written = step.rhs.replace(" ", "").replace("\\,", "")
    cut = step.kind == "approx" and loose  # \\approx 0.10 for 0.105: "about" is rounded or cut off (a key's answer is rounded)
    wrong = next((n for n, (e, c, room, moved) in enumerate(zip(exact, claimed, slack, from_left))
                  if abs(e - c) > room + TIE and not (cut and abs(_cut_to(e, places) - c) <= moved + TIE)), None)  # a tie: either neighbour
    if len(exact) > 1:
        rounded = "(" + ", ".join(_to_places(e, places) for e in exact) + ")"
        if wrong is None:
            return replace(step, verdict="valid", feedback=f"every entry agrees with {rounded} to the {places} places shown")
        where = _entry_name(value if isinstance(value, sympy.MatrixBase) else target, wrong)
        feedback = f"in entry {where}: {_to_places(claimed[wrong], places)} written, {_to_places(exact[wrong], places)} to {places} places"
        return replace(step, verdict="invalid", feedback=feedback, witness={"point": "", "lhs": rounded, "rhs": written, "values": ()})
    rounded = _to_places(exact[0], places)
    as_shown = written if is_single_decimal(step) else f"{written} ({_to_places(claimed[0], places)})"
    if wrong is None and abs(exact[0] - claimed[0]) > slack[0] + TIE:  # \\approx 0.377 for 0.37754
        return replace(step, verdict="valid", feedback=f"{as_shown} is {_to_places(exact[0], places + 3)} cut off at {places} places (rounded: {rounded})")
    if wrong is None:
        return replace(step, verdict="valid", feedback=f"{as_shown} agrees with {rounded} to the {places} places shown")
    witness = {"point": "", "lhs": rounded, "rhs": written, "values": ()}
    return replace(step, verdict="invalid", feedback=f"{as_shown} written, {rounded} to {places} places", witness=witness)


def _cut_to(number, places: int):
    """The number with its digits after `places` dropped (0.1059 -> 0.105 at 3 places, -0.1059 -> -0.105)."""
    scale = sympy.Integer(10) ** places
    magnitude = sympy.floor(abs(number) * scale) / scale
    return -magnitude if number < 0 else magnitude


def _as_worked_on(step: Step, scope, left_read, right_read, point) -> Step | None:
    """A number that does not hold with the exact values may hold with the rounded ones the text accepted and works on
    from (-2(1 - 0.0831) = -1.8338 after y ≈ 0.0831 for 0.08317): valid then, saying so; else None."""
    sides = []
    for read in (left_read, right_read):
        try:
            value = scope.put_in(read.exact, worked_on=True)
        except (TypeError, ValueError, AttributeError):
            return None
        sides.append(value.subs(point) if point and isinstance(value, sympy.Basic) else value)
    again = as_written(step, scope, left_read, right_read, tuple(sides), point)
    if again is None or again.verdict != "valid":
        return None
    used = ", ".join(f"{name} = {_shown(value)}" for name, value in scope.also.items() if name in getattr(left_read.exact, "free_symbols", ()))
    return replace(again, feedback=f"{again.feedback}, with the rounded values the text works on from ({used})" if used else again.feedback)


def _shown(value) -> str:
    """A number to 10 figures, a matrix of numbers as the list of its entries."""
    if isinstance(value, sympy.MatrixBase):
        return "(" + ", ".join(f"{float(entry):.6g}" for entry in value) + ")"
    return f"{float(value):.10g}"


def _chain_name(judge, step: Step, scope, left_read):
    """What a value is the value of: the left side, or the name its chain starts with (h = tanh(0.4404) = 0.4139)."""
    if isinstance(left_read.expr, sympy.Symbol) or step.first is None or step.first is step.left:
        return left_read.expr
    try:
        first = judge.read(step.first, scope).expr
    except LatexError:
        return left_read.expr
    return first if isinstance(first, sympy.Symbol) else left_read.expr


def _remember_rounding(step: Step, scope, name, right_read, judged: Step) -> None:
    """`y ≈ 0.0831` accepted for 0.08317, or `h = tanh(0.4404) = 0.4139` accepted for 0.41398 (a unit off in its last
    place): the text works on from the value it wrote, so putting that value in later is no slip. (A number after =
    that was wrong is carried exactly: a final answer restating it is wrong too.) After \\approx, a value a unit off in its
    last place (1/3 ≈ 0.334) is a slip on its own line, and still the value the text goes on with."""
    stated = right_read.exact
    if not isinstance(name, sympy.Symbol) or name not in scope.values or step.kind not in ("approx", "equal"):
        return
    if judged.verdict != "valid" and not (step.kind == "approx" and judged.verdict == "invalid" and _a_unit_off(stated, scope.values[name], right_read)):
        return
    if step.kind == "equal" and name in scope.leibniz:
        return  # a derivative's value after = is put in as worked, to the places shown
    if getattr(stated, "is_number", False) and stated != scope.values[name]:
        scope.also[name] = stated


def _a_unit_off(stated, value, right_read) -> bool:
    """A number written with decimals that is at most one unit in its last place from the value."""
    if not right_read.decimals or not getattr(stated, "is_number", False) or not getattr(value, "is_number", False):
        return False
    return abs(sympy.N(stated - value, 30)) <= sympy.Rational(1, 10**_places_written(right_read))


def _places_written(read) -> int:
    """The most decimal places a read's decimals are written to (0.249 and 1.5: 3)."""
    return max(len(text.split(".")[1]) if "." in text else 0 for _, _, _, text in read.decimals)


def _numeric_entries(value, target):
    """Two numbers, or two numeric matrices of one shape, as lists of real 40-digit entries; else None."""
    if isinstance(value, sympy.MatrixBase) and isinstance(target, sympy.MatrixBase):
        if value.shape != target.shape:
            return None
        pairs = list(zip(value, target))
    elif getattr(value, "is_number", False) and getattr(target, "is_number", False):
        pairs = [(value, target)]
    else:
        return None
    if not all(getattr(v, "is_number", False) and getattr(t, "is_number", False) for v, t in pairs):
        return None
    exact, claimed = [sympy.N(v, 40) for v, _ in pairs], [sympy.N(t, 40) for _, t in pairs]
    if not all(e.is_real for e in exact) or not all(c.is_real for c in claimed):
        return None
    return exact, claimed


def _explicit(side):
    """A product or sum of numeric matrices (h \\odot (1 - h) with h's entries given) as the matrix it is; else as it is."""
    if not isinstance(side, sympy.MatrixExpr) or isinstance(side, sympy.MatrixBase) or side.free_symbols:
        return side
    try:
        return sympy.ImmutableMatrix(side.as_explicit())
    except (TypeError, ValueError, AttributeError, sympy.ShapeError):
        return side


def _entry_name(matrix, n: int) -> str:
    columns = matrix.shape[1]
    return f"({n // columns + 1}, {n % columns + 1})"


def is_single_decimal(step: Step) -> bool:
    found = [t for t in step.right.tokens if t.kind != "space"]
    if found and found[0].is_("symbol", "-"):
        found = found[1:]
    return len(found) == 1 and found[0].kind == "number" and "." in found[0].text


def _to_places(number, places: int) -> str:
    """A number to `places` decimals as a person rounds it (half away from zero: -0.1175 is -0.118)."""
    return str(decimal.Decimal(str(sympy.N(number, 40))).quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP))


def _moved_by_rounding(scope, step: Step, read, value, point, every: bool) -> list:
    """How far a side moves from `value` (each entry, for a matrix), at most, when the decimals written in it (all of
    them on the right; on the left only those with four places or more, rounded values rather than inputs) each move
    by half a unit in their last place: the tolerance they bring, at the scale they are used at. A decimal that is
    exactly a number the text gave a name on a line of its own (0.5 for \\eta = 0.5) is that input copied, and does not
    move."""
    size = len(value) if isinstance(value, sympy.MatrixBase) else 1
    moved_in_all = [sympy.Integer(0)] * size
    inputs = scope.inputs(step)
    literals = [d for d in read.decimals if (every or ("." in d[3] and len(d[3].split(".")[1]) >= 4)) and d[1] not in inputs][:6]
    if not literals:
        return moved_in_all
    base = scope.put_in(read.expr)
    if point and isinstance(base, (sympy.Basic, sympy.MatrixBase)):
        base = base.subs(point)
    exact_values = {placeholder: exact for placeholder, exact, _, _ in read.decimals}
    targets = list(value) if isinstance(value, sympy.MatrixBase) else [value]
    for placeholder, exact, places, _ in literals:
        half = sympy.Rational(1, 2) / 10 ** places
        farthest = [sympy.Integer(0)] * size
        for sign in (1, -1):
            nudged = {**exact_values, placeholder: exact + sign * half}
            try:
                moved = scope.put_in(base.xreplace(nudged)) if isinstance(base, (sympy.Basic, sympy.MatrixBase)) else base
                moved = [sympy.N(m, 30) for m in (moved if isinstance(moved, (sympy.MatrixBase, sympy.Tuple)) else [moved])]
            except (TypeError, ValueError):
                continue
            if len(moved) != size:
                continue
            farthest = [max(f, abs(m - t)) if getattr(m, "is_real", False) else f for f, m, t in zip(farthest, moved, targets)]
        moved_in_all = [a + f for a, f in zip(moved_in_all, farthest)]
    return [sympy.Rational(str(sympy.N(m, 15))) for m in moved_in_all]


# --- why a difference does not show a step wrong ---------------------------------------------------


def _opaque(name: str) -> bool:
    """A quantity named by what it is of: E[Z], V[X], p(y = 1 | x) (not a layer's a^(2), nor a Leibniz name)."""
    if name.startswith("\\frac") or name.startswith("\\nabla"):
        return False
    return "[" in name and "^{[" not in name or "(" in name and ("|" in name or "=" in name)


def _derivative_by_whole_of_entries(sides, scope):
    """d/dw of a formula that, once the write-up's functions are put in, holds w's entries (R(w) = \\sum_{i,j} w_{ij}^2):
    the name of w, else None. Read with w a number of its own, the derivative would be 0 whatever the line says."""
    for side in sides:
        for node in sympy.preorder_traversal(side) if isinstance(side, sympy.Basic) else ():
            if isinstance(node, sympy.Derivative):
                operand = scope.problem.expand_definitions(scope.put_in(node.expr))
                for variable, _ in node.variable_count:
                    if whole_of_entries(variable, operand):
                        return variable
    return None


def _by_entry_of_whole(sides, scope) -> str | None:
    """d/dw_i of a quantity where w is a whole vector or matrix in the write-up's notation (L(b, w) = ... w^T x ...): the
    name w, since its formula would read the derivative as 0; else None."""
    for side in sides:
        for derivative in side.atoms(sympy.Derivative) if isinstance(side, sympy.Basic) else ():
            for variable, _ in derivative.variable_count:
                base = str(variable.base.label) if isinstance(variable, sympy.Indexed) else str(variable).split("_")[0] if "_" in str(variable) else None
                if base is None or base not in scope.context.matrices:
                    continue
                try:
                    bodies = [scope.put_in(derivative.expr), *scope.applied.get(str(derivative.expr).lstrip("\\"), [])]  # L, or L(b, w) = ...
                except (TypeError, ValueError, AttributeError):
                    continue
                for through in (body for body in bodies if isinstance(body, sympy.Basic)):
                    if isinstance(through, sympy.Symbol) and through != variable:
                        return base  # L(b, w) stated, L alone given no formula: how it holds w_i is not written (not 0)
                    if base in {m.name for m in through.atoms(sympy.MatrixSymbol)} and variable not in through.free_symbols:
                        return base
    return None


def _collapsed(left, right, scope) -> list[str]:
    """Vectors and matrices the notation made 1 x 1 by unifying uses (s^T s read as a number), with no declaration or
    entries to say so: a difference there may be the reading's, not the author's."""
    declared = scope.notation.declared()
    found = {matrix for side in (left, right) if isinstance(side, sympy.Basic) for matrix in _multiplied_arrays(side)}
    return sorted(str(m) for m in found if m.shape == (1, 1) and str(m) not in declared and m.name not in declared)


def _differentiated(collapsed: list[str], *reads) -> list[str]:
    """The collapsed names (see _collapsed) that a derivative written on the line takes of an expression in them."""
    inside = {str(symbol) for read in reads if isinstance(read, sympy.Basic) for derivative in read.atoms(sympy.Derivative)
              for symbol in derivative.expr.atoms(sympy.MatrixSymbol)}
    return [name for name in collapsed if name in inside]


def _reordered(left, right, collapsed: list[str]) -> list[str]:
    """The collapsed names (see _collapsed) when the sides write them in different orders or transposed otherwise (x^T A
    x against x^T x A, a a^T against a^T a), not just the whole transposed (x^T A x against x^T A^T x); [] when the
    order is the same."""
    if not collapsed:
        return []
    def order(expr, flipped: bool = False) -> list:
        if isinstance(expr, sympy.MatrixSymbol):
            return [(str(expr), flipped)] if str(expr) in collapsed else []
        if isinstance(expr, sympy.Transpose):  # (AB)^T = B^T A^T
            return order(expr.arg, not flipped)[::-1]
        return [found for arg in expr.args for found in order(arg, flipped)] if isinstance(expr, sympy.Basic) else []
    first, second = order(left), order(right)
    whole_transposed = [(name, not flipped) for name, flipped in second[::-1]]
    return collapsed if first != second and first != whole_transposed and sorted(n for n, _ in first) == sorted(n for n, _ in second) else []


def _multiplied_arrays(expr) -> set:
    """The named arrays a product with anything but a number (s^T s, s x_i), a diag, a trace or an inverse takes: where
    a 1 x 1 reading of a vector changes the value, which it does not in sums and multiples (2(f - y)^T is 2(f - y)
    either way)."""
    found = set()
    for product in expr.atoms(sympy.MatMul, sympy.Mul):
        factors = [arg for arg in product.args if not arg.is_number]
        if len(factors) >= 2:  # s^T s, s x_i (s(x)_i read as a product): not a number times s
            found |= {m for arg in factors for m in arg.atoms(sympy.MatrixSymbol)}
    for taken in expr.atoms(sympy.Trace, sympy.Inverse, DiagMatrix):
        found |= taken.atoms(sympy.MatrixSymbol)
    return found


def _whole_and_entries(step: Step, left, right) -> list[str]:
    """Names a step uses as a plain number on a side written with bars and by their entries (\\|\\mathbf{y} -
    \\mathbf{a}\\|^2 beside y_k - a_k): a vector's norm read as a number's absolute value."""
    sides = [(left, step.left), (right, step.right)]
    entries = {str(entry.base.label) for side, _ in sides if isinstance(side, sympy.Basic) for entry in side.atoms(sympy.Indexed)}
    normed = {str(symbol) for side, written in sides if isinstance(side, sympy.Basic) and _has_bars(written)
              for symbol in _outside_entries(side) if type(symbol) is sympy.Symbol and not symbol.is_integer}
    return sorted(normed & entries)


def _whole_given_by_entries(step: Step, left, right, scope) -> list[str]:
    """Names a step writes with bars and uses whole as a plain number where the write-up gave only their entries by an
    index (e_i = 1 if x_i > 0, e_i = -1 if not; p_k = ... for every k): \\|e\\| read as |a number| says nothing of e."""
    sides = [(left, step.left), (right, step.right)]
    normed = {str(symbol) for side, written in sides if isinstance(side, sympy.Basic) and _has_bars(written)
              for symbol in _outside_entries(side) if type(symbol) is sympy.Symbol and not symbol.is_integer}
    by_entries = {str(base) for base in scope.families}
    for key in (*scope.values, *scope.formulas):
        base, _, index = str(key).partition("_")
        if type(key) is sympy.Symbol and len(index) == 1 and index.isalpha():
            by_entries.add(base)
    given_whole = {str(key) for key in (*scope.values, *scope.formulas)}
    return sorted((normed & by_entries) - given_whole)


def _outside_entries(expr) -> set:
    """The free symbols of expr but those only in its entries (sympy counts x[i]'s base x among them)."""
    return expr.xreplace({entry: sympy.Dummy() for entry in expr.atoms(sympy.Indexed)}).free_symbols


def _has_bars(written) -> bool:
    return written is not None and any(t.is_("symbol", "|") or t.is_("command", "|", "Vert", "lVert", "rVert", "vert", "lvert", "rvert")
                                       for t in written.tokens)


def _unknowns(side) -> set[str]:
    """The names a side still holds once the write-up's values and formulas are in: vectors by their names (x for
    x_j), without the indices and sizes that only say which entry or how many."""
    if not isinstance(side, (sympy.Basic, sympy.MatrixBase)):
        return set()
    entries = side.atoms(sympy.Indexed) if isinstance(side, sympy.Basic) else set()
    indices = {i for entry in entries for i in entry.indices}
    found = {str(entry.base.label) for entry in entries}
    for symbol in side.free_symbols:
        if isinstance(symbol, sympy.Indexed) or isinstance(symbol, sympy.Dummy) or symbol in indices:
            continue
        if getattr(symbol, "is_integer", False) and getattr(symbol, "is_positive", False):
            continue  # a size: n, K
        found.add(str(symbol))
    if isinstance(side, sympy.Basic):
        found |= {str(m) for m in side.atoms(sympy.MatrixSymbol)}
    return found


def _renaming(side, other, scope) -> str | None:
    """sigma(a)(1 - sigma(a)) = y(1 - y) where the write-up never gives y a value or a formula: the step reads y as
    sigma(a), an expression in unknowns only this side has, and holds exactly under that reading. Which reading the
    text means (y = sigma(a), stated in a problem it does not quote) is not judged. Returns why, or None."""
    scalar = (sympy.MatrixExpr, sympy.MatrixBase, sympy.Indexed, sympy.Sum, sympy.Derivative)
    if not isinstance(side, sympy.Expr) or not isinstance(other, sympy.Expr) or any(s.has(*scalar) or isinstance(s, scalar) for s in (side, other)):
        return None  # numbers and scalar names only: an index, a size or an entry is not a value to read a name as
    own = side.free_symbols - other.free_symbols
    indices = {symbol for expr in (side, other) for delta in expr.atoms(sympy.KroneckerDelta) for symbol in delta.free_symbols}
    if not own or any(s.is_integer or s in indices for s in own | other.free_symbols & indices):
        return None  # k, l of \delta_{kl}: indices, not values a name could be read as
    names = sorted((s for s in other.free_symbols if isinstance(s, sympy.Symbol) and not s.is_integer and _valueless(s, scope)), key=str)[:4]
    parts = [p for p in sympy.preorder_traversal(side) if isinstance(p, sympy.Expr) and not p.is_Atom and p.free_symbols and p.free_symbols <= own][:12]
    for name in names:
        for part in parts:
            try:
                same = _same_at_points(side.xreplace({part: name}), other)
            except (TypeError, ValueError, AttributeError):
                same = False
            if same:
                return f"it reads {name} as {part}, which the write-up does not say: holds only under that reading, so not judged"
    return None


def _valueless(symbol, scope) -> bool:
    """No value and no formula here, or a formula that is another such name (\\hat y = z_2, z_2 never given)."""
    for _ in range(3):
        if symbol in scope.values:
            return False
        formula = scope.formulas.get(symbol)
        if formula is None:
            return True
        if not isinstance(formula, sympy.Symbol):
            return False
        symbol = formula
    return False


def _same_at_points(first, second) -> bool:
    """Equal at three points of their unknowns (values in (0.1, 0.9), as probabilities and activations are)."""
    symbols = sorted(first.free_symbols | second.free_symbols, key=str)
    for seed in (0.23, 0.41, 0.67):
        point = {s: sympy.Float(0.1 + ((seed * (n + 3) * 7.31) % 0.8)) for n, s in enumerate(symbols)}
        try:
            difference = complex(sympy.N((first - second).xreplace(point), 15))
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if not abs(difference) < 1e-9:
            return False
    return True


def _numeric_matrix(side) -> bool:
    side = _explicit(side)
    return isinstance(side, sympy.MatrixBase) and all(getattr(entry, "is_number", False) for entry in side)


def _free_indices(side) -> set:
    """The indices of a side's entries and deltas that no sum binds."""
    if not isinstance(side, sympy.Basic):
        return set()
    found = {i for entry in side.atoms(sympy.Indexed) for i in entry.indices if isinstance(i, sympy.Symbol)}
    found |= {a for delta in side.atoms(sympy.KroneckerDelta) for a in delta.args if isinstance(a, sympy.Symbol)}
    return found - {limit[0] for total in side.atoms(sympy.Sum) for limit in total.limits}


def _partly_defined(left, right, scope) -> str | None:
    """An entry left without a formula (p[i]) of a vector some of whose entries have one (p_j = e^{a_i} / ...): the
    write-up's definition was read for those entries only, so a difference in this one shows nothing."""
    given = {str(name.base.label) for name in scope.formulas if isinstance(name, sympy.Indexed)}
    for side in (left, right):
        for entry in getattr(side, "atoms", lambda *_: ())(sympy.Indexed):
            if str(entry.base.label) in given:
                return str(entry)
    return None


def _vector_names(side) -> set[str]:
    """The vectors a side uses by their entries (\\hat{y} of \\hat{y}_k)."""
    return {str(entry.base.label) for entry in side.atoms(sympy.Indexed)} if isinstance(side, sympy.Basic) else set()


def _never_defined(names: list[str], scope, vectors: frozenset = frozenset()) -> bool:
    """Some of the names have no value, formula or family in the write-up so far (p_i in `... = p_i(1 - p_j)` where
    p was never defined here): a link to them cannot be shown wrong. A name in `vectors` (used by its entries) is
    known by its entries' values or a formula, not by a number the same letter was given (p = 0.1 in an example)."""
    entries = {str(name.base.label) for name in scope.values if isinstance(name, sympy.Indexed) and isinstance(name.base, sympy.IndexedBase)}
    known = {str(name) for name in scope.formulas} | set(scope.families)
    whole = {str(name) for name in scope.formulas if not isinstance(name, sympy.Symbol)} | set(scope.families)  # a = sigma(z) is one
    # number's formula: it says nothing of a^{(i)}, the entries a sum over samples writes
    scalars = {str(name) for name in scope.values} | {str(getattr(name, "base", name)).split("[")[0] for name in scope.values}
    return any(name not in (whole | entries if name in vectors else known | scalars) for name in names)


def _in_definitions(name: str, scope) -> bool:
    """The write-up has defined the name, or used it in a definition, so far."""
    if not _never_defined([name], scope):
        return True
    bodies = [*scope.values.values(), *scope.formulas.values()]
    return any(name in {str(symbol) for symbol in getattr(body, "free_symbols", ())} | _vector_names(body) for body in bodies)


def _stray(name: str, scope) -> bool:
    """A name the write-up neither defines nor uses in any definition so far, that is not a variable of its own: a
    name of several letters (ao1 typed for a_o1), or a subscripted one that looks like a name the write-up defines
    (a_01 typed for a_o1: 0 for o). A claim that only it makes false shows a slip of the name, not of the
    mathematics. (x, v_1 beside v_2, \\sigma: variables, which a claim may be wrong about.)"""
    base, _, subscript = name.partition("_")
    if _in_definitions(name, scope) or not base.isalpha() or base in dialect.GREEK:
        return False
    if len(base) >= 2:
        return True
    if base in scope.notation.vectors or base in scope.notation.tables:
        return False  # w_{H11.H21} of a table w: an entry, a variable
    defined = {str(symbol) for symbol in [*scope.values, *scope.formulas]}
    siblings = {other.partition("_")[2] for other in defined if other.partition("_")[0] == base and other != name}
    return any(_looks_alike(subscript, sibling) for sibling in siblings)


def slips_of_name(sides, scope) -> dict:
    """{a stray name: the one name the write-up defines (or the claim writes beside it) that it was typed for}: a_01
    for a_o1 (0 for o), ao_o1 for a_o1 (a letter too many); a stray with no such name, or with two, is left as it is
    (and the step not judged)."""
    defined = {str(symbol): symbol for symbol in [*scope.values, *scope.formulas] if isinstance(symbol, sympy.Symbol)}
    written = {s for side in sides if isinstance(side, sympy.Basic) for s in side.free_symbols}
    slips = {}
    for symbol in written:
        name = str(symbol)
        if name in defined or name.startswith("\\"):
            continue
        beside = {str(other): other for other in written if isinstance(other, sympy.Symbol) and _zero_for_o(name, str(other))}
        if not beside and not _stray(name, scope):
            continue
        known = {**defined, **beside}
        meant = [other for other in known if _typed_for(name, other)]
        if len(meant) == 1:
            slips[symbol] = known[meant[0]]
    return slips


def _zero_for_o(written: str, meant: str) -> bool:
    """a_01 beside a_o1 in one claim, neither defined: a 0 typed for the o of a unit's label (o1, o2), which a
    subscript of digits alone never is (a_0 and a_o, a_1 and a_l may be two names)."""
    base, _, subscript = written.partition("_")
    meant_base, _, meant_subscript = meant.partition("_")
    return (base == meant_base and len(subscript) == len(meant_subscript) >= 2 and subscript.isdigit() and subscript[0] == "0"
            and meant_subscript == "o" + subscript[1:])


def _typed_for(written: str, meant: str) -> bool:
    """`written` is `meant` with a slip: one pair of look-alike characters in the subscript (a_01 for a_o1), the
    subscript's mark left out or moved (ao1 for a_o1), or one letter typed once too often (ao_o1 for a_o1)."""
    base, _, subscript = written.partition("_")
    meant_base, _, meant_subscript = meant.partition("_")
    if base == meant_base and subscript and _looks_alike(subscript, meant_subscript):
        return True
    if written.replace("_", "") == meant.replace("_", ""):
        return True
    return len(meant) >= 3 and len(written) == len(meant) + 1 and any(
        written[at].isalpha() and written[at] in meant and written[:at] + written[at + 1:] == meant for at in range(len(written)))


LOOK_ALIKE = frozenset({frozenset("0o"), frozenset("0O"), frozenset("1l"), frozenset("1I")})  # typed for each other


def _looks_alike(written: str, meant: str) -> bool:
    """Two subscripts that differ in one character, a pair typed for each other (01 for o1)."""
    if len(written) != len(meant):
        return False
    different = [frozenset((a, b)) for a, b in zip(written, meant) if a != b]
    return len(different) == 1 and different[0] in LOOK_ALIKE


def _worked_derivative(left) -> bool:
    """The left side, worked out, holds no derivative's name and no entries or indices (which are free is not read)."""
    return isinstance(left, sympy.Basic) and not any(str(symbol).startswith("\\frac") for symbol in left.free_symbols) \
        and not left.has(sympy.Indexed, sympy.KroneckerDelta, sympy.Sum)


def _dependence_named(step: Step, scope) -> str | None:
    """y1(outh1) = outh1 * w5 where y1 has a value: the left side says how y1 depends on outh1 (a function's head, as a
    walk-through writes it), which reads as a product of two numbers only by accident: not judged, saying so."""
    if step.left is None or step.right is None:
        return None
    words = frozenset(scope.notation.words)
    applied = application(step.left, words)
    outer, pieces = applied if applied is not None else (None, ())
    inner = single_name(pieces[0], words) if len(pieces) == 1 else None
    if inner is None or outer.key not in scope.valued or scope.context.function(outer.key) is not None:
        return None  # f'(x) = 3x, g(x) = ...: a function's, checked
    on_the_right = {name.key for name in Scanner([t for t in step.right.tokens if t.kind != "space"], frozenset(scope.notation.words)).names()}
    if inner.key not in on_the_right or outer.key in on_the_right:
        return None
    return (f"{step.lhs} may say how {outer.key} depends on {inner.key} (as a function of it), not {outer.key} times {inner.key}: "
            "not judged")


def not_shown_wrong(step: Step, scope, left, right, ranged: frozenset, worked: frozenset = frozenset()) -> str | None:
    """Why, in a write-up, sides that differ do not show the step wrong (the step is then undecided), or None:
    a function it applies but never defines (S(x)), a derivative its definitions make 0 (of a vector loss),
    or a number on one side while the other needs values (or Leibniz quantities) it never gives. `ranged`:
    names the line says range over (for x < 0), which are variables, not values it forgot to give."""
    problem = scope.problem
    if not problem.document:
        return None
    dependence = _dependence_named(step, scope)
    if dependence:
        return dependence
    extrema = sorted(name for name in names_in(left) | names_in(right) if name.startswith(("\\max_", "\\min_")))
    if extrema:
        return f"{extrema[0]} is read as an unknown value, and the sides differ for some value of it: not judged"
    opaque = sorted(name for name in names_in(left) | names_in(right) if _opaque(name))
    if opaque:
        return f"{opaque[0]} is read as a quantity of its own (an expectation, a probability): the step holds only for some values of it"
    collapsed = _collapsed(left, right, scope)
    if collapsed:
        return (f"{', '.join(collapsed)} {'is' if len(collapsed) == 1 else 'are'} read as 1 x 1 only from how the write-up uses "
                f"{'it' if len(collapsed) == 1 else 'them'} (no size is declared): a vector written as a row or column, taken "
                "for a number, is not judged")
    by_entries = _whole_given_by_entries(step, left, right, scope)
    if by_entries:
        return (f"{', '.join(by_entries)} {'is' if len(by_entries) == 1 else 'are'} given by {'its' if len(by_entries) == 1 else 'their'} "
                "entries and used whole here, read as a number (a vector's norm read as |a number|): not judged")
    both = _whole_and_entries(step, left, right)
    if both:
        return (f"{', '.join(both)} {'is' if len(both) == 1 else 'are'} used whole, read as a number, and by {'its' if len(both) == 1 else 'their'} "
                "entries in one step (a vector's norm read as |a number|): not judged")
    renamed = _renaming(left, right, scope) or _renaming(right, left, scope)
    if renamed:
        return renamed
    only_left, only_right = sorted(_unknowns(left) - _unknowns(right)), sorted(_unknowns(right) - _unknowns(left))
    worked_out = _worked_derivative(left) and set(only_left + only_right) <= worked
    if only_left and only_right and not worked_out and (step.first_of_chain or _never_defined(only_left + only_right, scope, frozenset(_vector_names(left) | _vector_names(right)))):
        return f"an equation between different unknowns ({', '.join(only_left)} and {', '.join(only_right)}), not an identity: not judged"
    stray = sorted(name for name in only_left + only_right if not name.startswith("\\frac") and _stray(name, scope))
    if stray:
        return f"{', '.join(stray)} {'is' if len(stray) == 1 else 'are'} not defined, nor used in any definition, in the write-up (a slip of name?): not judged"
    vectors = _vector_names(left) | _vector_names(right)
    one_side = [name for name in only_left or only_right if name in vectors and name not in scope.notation.one_hot]  # a one-hot label's entries are known
    if one_side and not (only_left and only_right) and _never_defined(one_side, scope) and not step.first_of_chain:
        return (f"the entries of {', '.join(one_side)} appear on one side only and the write-up never says what they are "
                "(values, a formula): the step holds only for some values of them, so it is not judged")
    if scope.notation.has("einstein") and _free_indices(left) != _free_indices(right):
        return (f"under the summation convention the two sides carry other free indices ({', '.join(sorted(map(str, _free_indices(left))))} and "
                f"{', '.join(sorted(map(str, _free_indices(right))))}): which sums are meant is not read, so not judged")
    partly = _partly_defined(left, right, scope)
    if partly:
        return f"{partly} has no formula here, though other entries of its vector have one: not judged"
    undefined = undefined_functions(left, right, problem)
    if undefined:
        return f"{', '.join(undefined)} is not defined in the write-up: the step holds only for some"
    for side, other, written in ((left, right, step.right), (right, left, step.left)):  # \theta_0 - \eta(v_1 + v_2) = \theta_0 - 0.048
        gone = sorted(names_in(side) - names_in(other))
        if gone and decimals_shown(written):  # the other side, as written, has numbers in place of those names
            return f"the other side puts in values for {', '.join(gone)}, which the write-up does not give: not judged"
    introduced = sorted(names_in(right) - names_in(left))
    if introduced and all(name.startswith(_NEW_PARAMETER) or name.endswith("'") for name in introduced):
        return f"the step introduces {', '.join(introduced)}, which it does not define: the values that make it hold are not judged"
    sides = [problem.expand_definitions(side) if isinstance(side, sympy.Basic) else side for side in (left, right)]
    if any(isinstance(side, sympy.Basic) and side.has(sympy.Derivative) and value == 0 for side, value in zip((left, right), sides)):
        return "a derivative the write-up's definitions make 0 (of a vector or matrix quantity?): not judged"
    names = sorted({str(s) for side in sides for s in getattr(side, "free_symbols", ()) if s not in ranged})
    numeric = any((getattr(side, "is_number", False) or isinstance(side, sympy.Tuple) or _numeric_matrix(side)) and not letters_shared(written, other)
                  for side, written, other in zip(sides, (step.left, step.right), reversed(sides)))
    if not numeric:
        names = [name for name in names if name.startswith("\\frac")]
    if not names:
        return None
    return f"{'a number on one side, and ' if numeric else ''}the write-up gives no value for {', '.join(names)}"


__all__ = ["judge_claim", "chain_rule", "as_written", "condition_of", "not_shown_wrong", "is_matrix_expr"]
