"""The steps of a write-up, in reading order: each link of each chain, with where it stands.

A display formula's statements, an inline formula's (with the role its lead words give it), a
table row's cells joined into chains; a line or display starting with a relation goes on from the
side the display above ended on; `A = B \\Rightarrow C = D` is the step A = B and the implication.
Headings start sections (a write-up's functions and names hold within one), sub-question marks
start parts (values hold within one). Structure only: nothing is read into mathematics here.
"""

from __future__ import annotations

import collections
import itertools
from dataclasses import dataclass, field, fields, replace

from .. import dialect
from ..lexer import Token
from ..parsing import subscript_letters
from . import prose
from .document import PLAIN_ENVIRONMENTS, Display, Document, Heading, Math, Paragraph, Part, Table
from .formulas import CASE_LEADS, Formula, Side, Statement, read_formula
from .notebook import shown_place

KINDS = {"==": "equal", "approx": "approx", "defines": "equal", "update": "update", "<": "inequality", "<=": "inequality",
         ">": "inequality", ">=": "inequality", "!=": "inequality", "in": "declaration", "propto": "proportional"}
SHOWN = {"==": "=", "approx": "\\approx", "defines": ":=", "update": "\\leftarrow", "<": "<", "<=": "\\le", ">": ">",
         ">=": "\\ge", "!=": "\\ne", "in": "\\in", "propto": "\\propto", "implies": "\\Rightarrow"}


@dataclass
class Step:
    index: int
    line: int
    lhs: str
    rhs: str
    kind: str = "equal"  # equal, approx, implies, inequality, update, declaration
    start: str = ""  # the first expression of the step's chain
    names: tuple[tuple[str, str], ...] = ()  # names the derivation has given so far (\underbrace): (name, body)
    condition: str = ""  # where its line says it holds: "x = 0" (a point), "x > 0" (a range)
    verdict: str = ""  # valid, invalid, undecided, unparsed, definition
    feedback: str = ""
    witness: dict | None = None
    matches_start: bool | None = None  # the right side equals the first expression of its chain
    section: int = 0  # how many headings come before it: a write-up's own functions and names hold within one
    part: int = 0  # how many sub-questions within the section come before it: values hold within one
    block: int = 0  # which formula it is in (a derivation, for the summary)
    block_kind: str = "display"  # display, inline or table
    explains: bool = False  # it names what was used before ("where ...")
    context: str = ""  # the bundled problem its section was recognised as (its rules and answers apply), else ""
    relation: str = "="  # as written: =, \approx, <, \le, :=, \leftarrow
    role: str = ""  # from the lead words: given, defines, condition, hypothetical, required; a display's: another way, defines anew
    used: tuple[str, ...] = ()  # the definitions and conventions the verdict used ("x_1 = 0.9 (line 3)")
    cell: int = 0  # in a notebook, the cell it is in (from 1, every cell counted) and its line there; `line` is
    cell_line: int = 0  # then the line in the text made of the notebook's Markdown cells (as a proof page shows it)
    # the tokens behind the text (not printed, not in JSON)
    left: Side | None = field(default=None, repr=False, compare=False)
    right: Side | None = field(default=None, repr=False, compare=False)
    first: Side | None = field(default=None, repr=False, compare=False)
    underbraces: tuple = field(default=(), repr=False, compare=False)  # (name Side, body Side)
    condition_side: Side | None = field(default=None, repr=False, compare=False)
    statements: tuple = field(default=(), repr=False, compare=False)  # an implication's two statements
    chain: tuple = field(default=(), repr=False, compare=False)  # the sides of its chain after its first
    case: bool = field(default=False, repr=False, compare=False)  # its condition is a case worked (d = 1 \rightarrow ...)
    case_row: bool = field(default=False, repr=False, compare=False)  # one row of a piecewise formula (= 1 if x > 0, = 0 otherwise)
    bindings: bool = field(default=False, repr=False, compare=False)  # its condition is values put in (\text{where } z_2 = 0, z_1 = z)
    title: int = field(default=0, repr=False, compare=False)  # how many titles (### Sigmoid) come before it in its section
    item: int = field(default=0, repr=False, compare=False)  # the list item it stands in (0 outside lists)
    labelled_item: bool = field(default=False, repr=False, compare=False)  # that item opens with a label and a colon (a case)
    resumes: Side | None = field(default=None, repr=False, compare=False)  # the chain a side computation interrupted, if this goes on from it
    sought: tuple = field(default=(), repr=False, compare=False)  # names the text said it now looks for ("we need to find $x_1$"): unknowns again
    timed_out: bool = field(default=False, repr=False, compare=False)  # undecided because a CPU limit ran out: never made invalid after

    @property
    def where(self) -> str:
        """Where a reader finds it: "line 12", or in a notebook "cell 3, line 2"."""
        return shown_place(self.cell_line if self.cell else self.line, self.cell)

    def to_dict(self) -> dict:
        hidden = {"left", "right", "first", "underbraces", "condition_side", "statements", "chain", "case", "case_row", "bindings", "title", "item", "labelled_item"}
        shown = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in hidden}
        if not self.cell:  # not from a notebook
            del shown["cell"], shown["cell_line"]
        return shown

    @property
    def first_of_chain(self) -> bool:
        return self.left is not None and self.first is not None and self.left.start == self.first.start


CASES_AT_LEAST = 3  # two items may restate one formula; three that each open with it list cases


def _cases_by_repetition(steps: list[Step], lists: dict) -> list[Step]:
    """Items of one list that each open with a formula for the same left side (\\item $\\phi_j(x) = f(x)^j$,
    \\item $\\phi_j(x) = \\cos(f(x)/j)$, ...) list cases, as items labelled with a name and a colon do: each item's
    formulas hold for its own case. Three items at least: two might restate one claim."""
    opening: dict[tuple[int, int], str] = {}
    for step in steps:
        if step.item > 0 and (step.section, step.item) not in opening and step.left is not None:
            opening[(step.section, step.item)] = step.lhs if step.first_of_chain and step.kind == "equal" else ""
    items_of = collections.Counter((section, lists.get(item), lhs) for (section, item), lhs in opening.items() if lhs)
    cases = {place for place, lhs in opening.items() if lhs and items_of[(place[0], lists.get(place[1]), lhs)] >= CASES_AT_LEAST}
    return [replace(step, labelled_item=True) if (step.section, step.item) in cases else step for step in steps]


@dataclass(frozen=True)
class Written:
    """One side as the notation learns from it: where it stands and what follows it."""

    side: Side
    line: int
    relation: str  # the relation after it in its statement ("" for the last side)
    first: bool  # it begins its statement
    plain: bool = False  # typed without maths delimiters (a README's line, a code block, a table cell)


@dataclass(frozen=True)
class Section:
    """A heading's text (or none, before the first), with where it starts, the prose under it and every side of
    its formulas (with the side's line and the relation after it), for the notation to learn from."""

    index: int
    title: str
    line: int
    paragraphs: tuple = ()
    sides: tuple = ()


class _Builder:
    def __init__(self, document: Document):
        self.document = document
        self.steps: list[Step] = []
        self.section = self.part = self.title = 0
        self.block = 0
        self.previous: Side | None = None  # the side a continuation goes on from
        self.cased = False  # the last row held under a condition of its own (f'(x) = 1 if x > 0): a row going on is another case
        self.displayed: Side | None = None  # where the last display ended: only a display continues it
        self.outer: Side | None = None  # where a chain stood when a side computation of one of its terms began
        self.conditioned: dict = {}  # a left side stated under a condition (j \\neq i) -> that condition, for its proof below
        self.just_displayed = False  # the piece before was a display (or a formula alone in its paragraph), no words between
        self.start: Side | None = None
        self.underbraces: tuple = ()
        self.lead_condition: Side | None = None
        self.case_condition: Side | None = None  # "When $i \\neq j$, ...:" opening a paragraph: the case the displays after it work
        self.sought: tuple = ()  # names the text said it looks for, until the next heading: given to the next step only
        self.plain = False  # the formula being read was typed without maths delimiters
        self.heading_condition: Side | None = None  # a heading's "When $j \\neq i$": for every display under it
        self.lead_words = ""
        self.large = ""
        self.lead_role = ""  # a display's role from the lead-in ("some sources write it as:": another way)
        self.heading_role = ""  # from the title over it ("Solving for $w_0$": the lines under it solve an equation)
        self.lead_sentence = ""  # the last sentence of the last paragraph
        self.item = 0  # the list item being read (0: none)
        self.item_role = ""  # for the first formula of each item of a list offered as choices: defines anew
        self.list_of_choices = False  # the list being read was offered as choices by the prose before it
        self.item_labelled = False  # the item being read opens with a label and a colon: one case of several
        self.item_first = False  # no formula of the current item read yet
        self.sections: list[Section] = [Section(0, "", 1)]
        self.paragraphs: list = []
        self.sides: list = []
        self.reaches: dict[str, set[str]] = {}  # a name -> the names its formulas write (f -> x, beta of f(x) = x sigmoid(beta x))

    def build(self) -> list[Step]:
        pieces = self.document.pieces
        for at, piece in enumerate(pieces):
            if isinstance(piece, Heading) and not piece.new_problem and self._declares_anew(itertools.islice(pieces, at + 1, None)):
                piece = replace(piece, new_problem=True)  # ## Word embeddings: y in R^V after y in R^K above: a new part
            if isinstance(piece, Heading):
                self._heading_condition(piece)
                self.heading_role = "solves" if prose.solves(piece.words) else ""  # #### Solving for $w_0$: what follows solves
            if isinstance(piece, Heading) and not piece.new_problem:
                self.previous = self.displayed = None  # ## The backward pass: a title; the values go on
                self.lead_condition = self.case_condition = None
                self.title += 1
            elif isinstance(piece, Heading):
                self._new_section(piece.words, piece.line)
            elif isinstance(piece, (Paragraph, Display)) and _declares(piece) and self._declares_anew([piece]):
                self._new_section("", piece.line)  # (2) z = xW, W \in R^{m x n} after W \in R^{n x m}: another set-up begins
            if isinstance(piece, Part):
                self.part += 1
                self.previous = self.displayed = None
                self.lead_condition = self.case_condition = None
            elif isinstance(piece, Paragraph):
                self._enter_item(piece.item, piece)
                self.paragraphs.append(piece)
                self._paragraph(piece)
            elif isinstance(piece, Display):
                self._enter_item(piece.item)
                self.block += 1
                self.previous = self.displayed
                formula = read_formula(piece.math, self.document)
                if self.large:
                    formula = _with_limit_variable(formula, self.large)
                condition = self._lead_in_condition(formula) or _condition_after_display(pieces, at, formula, self.document)
                role = "approximates" if _approximated_after_display(pieces, at) else self._item_role() or self.lead_role or self.heading_role
                self._formula(formula, "display", condition, role)
                self.displayed, self.just_displayed = self.previous, True
            elif isinstance(piece, Table):
                self.block += 1
                self.just_displayed = False
                self._table(piece)
        self._close_section()
        return _cases_by_repetition(self.steps, self.document.lists)

    def _enter_item(self, item: int, piece: Paragraph | None = None) -> None:
        """A list starting after prose that offers choices ("popular choices include:") makes each of its items a
        choice of its own; an item opening with a label of its own and a colon ("**Softmax**: ...") is a case, whose
        first formula stands for that case where an earlier case gave the name another; another item of the list
        starts here, or the list has ended."""
        if item and not self.item:
            self.list_of_choices = prose.lists_alternatives(self.lead_sentence)
        if item != self.item:
            self.item, self.item_first = item, bool(item)
            self.item_labelled = bool(item) and piece is not None and prose.labels_a_case(_words_before_formula(piece))
            self.item_role = "defines anew" if item and self.list_of_choices else ""

    def _item_role(self) -> str:
        """The role of the first formula of a choice in a list of them; '' for any other formula."""
        first, self.item_first = self.item_first, False
        return self.item_role if first else ""

    def _declares_anew(self, following) -> bool:
        """The text under a title (up to the next heading) declares a name this part declared with another space."""
        from .notation import declarations

        ahead = []
        for piece in following:
            if isinstance(piece, Heading):
                break
            maths = piece.maths if isinstance(piece, Paragraph) else (piece.math,) if isinstance(piece, Display) else ()
            ahead.extend(pair for math in maths for line in read_formula(math, self.document).lines for statement in line.statements
                         for pair in declared_pairs([Written(side, statement.line, relation, number == 0) for number, (side, relation)
                                                     in enumerate(itertools.zip_longest(statement.sides, statement.relations, fillvalue=""))]))
        declared_ahead = declarations(ahead)
        if not declared_ahead:
            return False
        before = {key: shape for key, shape, _, _ in declarations(declared_pairs(self.sides))}
        return any(key in before and before[key] != shape for key, shape, _, _ in declared_ahead)

    def _new_section(self, title: str, line: int) -> None:
        self._close_section()
        self.section, self.part = self.section + 1, 0
        self.previous = self.displayed = None
        self.underbraces = ()
        self.sections.append(Section(self.section, title, line))
        self.lead_condition = self.case_condition = None
        self.conditioned = {}

    def _close_section(self) -> None:
        last = self.sections[-1]
        self.sections[-1] = Section(last.index, last.title, last.line, tuple(self.paragraphs), tuple(self.sides))
        self.paragraphs, self.sides = [], []

    def _remember(self, statement: Statement) -> None:
        from .names import Scanner

        if len(statement.sides) >= 2 and statement.relations[0] == "==" and statement.sides[0]:
            named = Scanner(statement.sides[0].tokens, runs=True).name_at(0)
            if named is not None:
                self.reaches.setdefault(named.key, set()).update(_names_written(statement.sides[1:]))
        for number, side in enumerate(statement.sides):
            if side:
                relation = statement.relations[number] if number < len(statement.relations) else ""
                self.sides.append(Written(side, statement.line, relation, number == 0, self.plain))

    # --- prose and inline formulas

    def _paragraph(self, paragraph: Paragraph) -> None:
        before = ""  # the words just before the next formula (a bounded window: linear however long the line)
        segments = paragraph.segments
        formulas = {at: read_formula(segment, self.document) for at, segment in enumerate(segments) if not isinstance(segment, str)}
        listed = _listed_values(segments, formulas, labelled=self.item_labelled)
        lone = len(formulas) == 1 and all(not segment.strip() for segment in segments if isinstance(segment, str))  # a display in all but name
        following, self.just_displayed = self.just_displayed, lone  # words between: a lone formula after them starts anew
        looked_at = None  # "when $\\beta = 0$": where the formulas after it in its sentence hold
        for at, segment in enumerate(segments):
            if isinstance(segment, str):
                before = (before + segment)[-2 * prose.WINDOW:]
                looked_at = None if prose.ends_a_sentence(segment) else looked_at
                continue
            self.block += 1
            after = segments[at + 1] if at + 1 < len(segments) and isinstance(segments[at + 1], str) else ""
            first_of_item = self._item_role()  # taken by this formula whatever its own lead words say
            role = "required" if prose.requires(after) else "approximates" if prose.approximates(after) \
                else prose.role_of(before) or first_of_item or self.heading_role
            if at in listed and role in ("", "for"):
                role = "given"  # "Inputs: $x = 1$, $y = 2$, $w = 2$": values, x's too (alone, $x = 1$ is where a function is looked at)
            self.previous = self.displayed if lone and following else None  # "$b = 10$" in the prose is not what a display "$$= c$$" goes on from
            condition = self._bearing(looked_at, formulas[at]) or _condition_after(segments, formulas, at)
            if condition is None and lone:  # a display in all but name, under a heading that states its case
                condition = self._bearing(self.heading_condition, formulas[at])
            sought = _lone_side(formulas[at]) if prose.seeks(before) else None
            if sought is not None and _is_bare_name(sought):
                self.sought += (sought,)  # "We need to find $x_1$": x_1 is unknown again
            self._formula(formulas[at], "inline", condition, role)
            self._named_in_words(segments, formulas, at)
            if lone:  # > $Error = y - y_5$, then a line "= 0.5 - 0.61 = -0.11": the chain goes on
                self.displayed = self.previous
            statements = [statement for line in formulas[at].lines for statement in line.statements]
            if len(statements) == 1 and statements[0].relations in (("==",), ("!=",)) and _looked_at(statements[0], role):
                looked_at = _joined(statements[0])
            before = (before + f"${segment.tex}$")[-2 * prose.WINDOW:]
        self._remember_lead(paragraph)

    def _named_in_words(self, segments, formulas: dict, at: int) -> None:
        """"$S$ is the sum $\\sum_i e^{a_i}$" ("($S$는 전체 합 $...$)", "$S$ 为 $...$"): a lone name, words saying what it is,
        then a formula with no relation in it: the name's definition, as "$S = \\sum_i e^{a_i}$" would be."""
        if at < 2 or at - 2 not in formulas or not isinstance(segments[at - 1], str) or not prose.names_as(segments[at - 1]):
            return
        name, body = _lone_side(formulas[at - 2]), _lone_side(formulas[at])
        if name is None or body is None or not _is_bare_name(name) or _is_bare_name(body) or _is_number(body):
            return
        if any(t.kind == "command" and t.text in ("mathbb", "in", "mathcal") for t in body.tokens):
            return  # "$x$ is $\\mathbb{R}^n$": a set, said loosely
        if _names_written((name,)) & _names_written((body,)):
            return
        self._chain(Statement((name, body), ("==",), formulas[at].lines[0].number), "inline", None, "defines")

    def _remember_lead(self, paragraph: Paragraph) -> None:
        """The last sentence of a paragraph may say where the displays after it hold ("For $x > 0$ we can write:"),
        or which quantity grows ("for large $k$")."""
        self._remember_case(paragraph)
        self.lead_condition, self.large = None, ""
        sentence = prose.lead_in(paragraph.words[-2 * prose.WINDOW:])
        self.lead_sentence = sentence
        self.lead_role = "another way" if prose.offers_another_way(sentence) else "defines anew" if prose.defines_anew(sentence) \
            else "solves" if prose.solves(sentence) else "recalls" if prose.recalls(sentence) else ""
        if len(paragraph.maths) == 1 and prose.is_bare_label(paragraph.words):
            self.lead_condition = self._condition_from(paragraph.maths[0], alone=True)  # "1. $i \neq j$" over a display: the case it works
            return
        if not prose.states_condition(sentence):
            return
        inline = [segment for segment in paragraph.segments if isinstance(segment, Math)]
        last = inline[-sentence.count("$"):] if sentence.count("$") else []  # the formulas of the last sentence
        words = ""
        for segment in paragraph.segments[-4 * len(last) - 2:] if last else ():
            if isinstance(segment, str):
                words = (words + segment)[-prose.WINDOW:]
            elif segment in last:
                if prose.calls_large(words):
                    self.large = segment.tex.strip()
                else:
                    self.lead_condition = self._condition_from(segment) or self.lead_condition
                words += " $ "

    def _proved_under(self, first: Side, condition: Side | None, kind: str) -> Side | None:
        """A derivative stated under a condition ("$\\partial a_j / \\partial z_i = -a_j a_i$, where $j \\neq i$"), then its
        proof, a displayed chain opening with the same derivative and no condition of its own: the proof holds under it too."""
        key = "".join(first.text.split())
        if condition is not None:
            if "\\partial" in key or "\\frac{d" in key:
                self.conditioned[key] = condition
            return condition
        return self.conditioned.get(key) if kind != "inline" else None

    def _remember_case(self, paragraph: Paragraph) -> None:
        """A paragraph opening with a case of indices ("When $i \\neq j$, since ...:", "If $k = i$:") sets the case for the
        displays after it, its own paragraphs between ("Using the quotient rule:"), until the next case, an "Otherwise"
        or a heading."""
        first = next((segment for segment in paragraph.segments if isinstance(segment, str) and segment.strip()), "")
        if prose.opens_otherwise(first):
            self.case_condition = None
            return
        opening = paragraph.segments[1] if len(paragraph.segments) > 1 and isinstance(paragraph.segments[0], str) else None
        plain = prose.plain_case(first) if len(paragraph.segments) == 1 else None  # "When i = j:" typed without $
        if plain is not None:
            at = self.document.text.find(plain, self.document.offset_of_line(paragraph.line))
            opening = Math(plain, max(at, 0), paragraph.line, display=False)
        elif not isinstance(opening, Math) or not prose.opens_a_case(paragraph.segments[0]):
            return
        found = self._condition_from(opening)
        if found is not None and _compares_names(found):
            self.case_condition = found

    def _condition_from(self, math: Math, alone: bool = False) -> Side | None:
        """A condition the lead-in states: a name against a number, or two names (i \\neq j), the last such statement of
        the formula; None if it states none. `alone`: the formula is all the paragraph says, so a name equal to a number is
        a value, not a case."""
        found = None
        bare = math.tex.strip()
        if bare.startswith("(") and bare.endswith(")") and "(" not in bare[1:-1]:  # 녀석$(i \\neq k)$을: a condition in brackets
            opening, closing = math.tex.index("("), math.tex.rindex(")")  # (blanked, so every place stays where it was)
            math = replace(math, tex=f"{math.tex[:opening]} {math.tex[opening + 1:closing]} {math.tex[closing + 1:]}")
        for line in read_formula(math, self.document).lines:
            for statement in line.statements:
                if len(statement.sides) != 2 or not _is_bare_name(statement.sides[0]):
                    continue
                relation, value = statement.relations[0], statement.sides[1]
                against_number = ("<", ">", "<=", ">=", "!=") if alone else ("<", ">", "<=", ">=", "!=", "==")
                if relation in against_number and _is_number(value) or relation in ("!=", "==") and _is_bare_name(value):
                    found = _joined(statement)
        return found

    def _heading_condition(self, heading: Heading) -> None:
        """"#### When $j \\neq i$", "Case 2: $x < 0$": the displays under the heading hold there, until the next heading."""
        self.heading_condition, self.lead_condition = None, None
        if heading.maths and (prose.states_condition(heading.words) or prose.names_a_case(heading.words)):
            found = [condition for condition in map(self._condition_from, heading.maths) if condition is not None]
            self.heading_condition = _all_of(found)

    def _lead_in_condition(self, formula: Formula) -> Side | None:
        """The lead-in's condition (else the heading's), where it bears on the display."""
        return self._bearing(self.lead_condition or self.case_condition or self.heading_condition, formula)

    def _bearing(self, condition: Side | None, formula: Formula) -> Side | None:
        """The condition, when the formula writes its name or a name whose formula reaches it ("when $\\beta = 0$,
        $f(x) = x/2$" for f(x) = x sigmoid(beta x)); "at $g = 0.5$" before a formula without g is not its condition."""
        from .names import single_name

        if condition is None:
            return None
        name = single_name(condition.tokens[:next((n for n, t in enumerate(condition.tokens) if t.kind == "symbol" and t.text in "=<>" or t.kind == "command" and t.text in ("le", "leq", "ge", "geq", "ne", "neq")), 0)], runs=True)
        if name is None:
            return None
        written = [side for line in formula.lines for statement in line.statements for side in statement.sides]
        if name.key in _letters_indexing(written):
            return condition  # "when $j \\neq k$: $\\partial p_j / \\partial z_k = ...$": which entries, by their indices
        reached = _names_written(written)
        for _ in range(4):  # through formulas of formulas, a bounded depth
            if name.key in reached:
                return condition
            reached = reached.union(*(self.reaches.get(key, ()) for key in reached))
        return condition if name.key in reached else None

    # --- formulas

    def _formula(self, formula: Formula, kind: str, condition: Side | None, role: str = "") -> None:
        self.plain = formula.math.environment in PLAIN_ENVIRONMENTS
        before = None  # the last statement of the line before, in this formula
        for line in formula.lines:
            case = None  # "d = 1 \\rightarrow 4 = ...": a case worked, where the statement after the arrow holds
            solved = _last_equation(before) if line.implied and line.statements else None
            before = line.statements[-1] if line.statements else before
            if solved is not None and _is_equation(line.statements[0]):
                first = line.statements[0]  # ... = 2wA + Cb + D = 0 \\ \implies w = \frac{-Cb - D}{2A}: solved, not defined
                self._remember(first)
                self._implication(solved, first, line.number, kind)
                self.previous = first.sides[-1]
                line = replace(line, statements=line.statements[1:], connectives=line.connectives[1:])
            for number, statement in enumerate(line.statements):
                connective = line.connectives[number - 1] if number else ""
                following = line.connectives[number] if number < len(line.connectives) else ""
                if following == "implies" and _is_value(statement):
                    self._remember(statement)
                    case = _joined(statement)
                    continue
                if case is not None:
                    self._chain(replace(statement, condition=statement.condition or case, condition_words="case"), kind, condition, role)
                    case = None
                    continue
                if connective == "aside":  # recalling that a_j = ...: checked alone; the next row goes on from the line before it
                    kept = self.previous, self.start, self.cased
                    self.previous = None
                    self._chain(statement, kind, None, role)
                    self.previous, self.start, self.cased = kept
                    continue
                if connective == "implies" and self.steps and self.steps[-1].line == line.number and statement.is_chain and line.statements[number - 1].is_chain:
                    self._remember(statement)
                    self._implication(line.statements[number - 1], statement, line.number, kind)
                    self.previous = statement.sides[-1]
                    continue
                self._chain(statement, kind, condition, role)

    def _chain(self, statement: Statement, kind: str, condition: Side | None, role: str) -> None:
        self._remember(statement)
        if kind == "inline" and _looked_at(statement, role) or _assumption(statement) or {"in", "sim"} & set(statement.relations):
            return  # "at $x = 0$", "for $x > 0$": where something is looked at or what is assumed, not a value or a step
        sides = list(statement.sides)
        relations = list(statement.relations)
        resumes = None
        self.underbraces += statement.named
        if len(sides) == 1:
            self.previous = None
            return
        if sides[0]:
            before = self.previous or self.displayed
            self.outer = before if before is not None and _a_term_of(sides[0], before) else None
            condition = self._proved_under(sides[0], statement.condition or condition, kind)
        if not sides[0]:
            if self.previous is None:
                sides, relations = sides[1:], relations[1:]
                if len(sides) < 2:
                    self.previous = sides[-1] if sides and sides[-1] else None
                    return
            elif self.cased and _a_case(statement) and self.start is not None:
                sides[0] = self.start  # f'(x) = 1 if x > 0 \\ = 0 otherwise: another case of the chain's first side
            else:
                sides[0] = self.previous  # a line starting with "=" continues the chain above
                resumes = self.outer  # or, after a side computation, the chain it interrupted ("substitute back: = ...")
                carried = subscript_letters(self.previous.tokens)[0]  # and its side carries the line's indices beside the new ones
                sides[1:] = [replace(side, beside=side.beside | carried) if side else side for side in sides[1:]]
        if sides[0] is not self.previous:
            self.start = sides[0]
        links = [(left, right, relation) for left, right, relation in zip(sides, sides[1:], relations) if left and right]
        equal = list(itertools.takewhile(lambda link: KINDS.get(link[2], "equal") in ("equal", "approx"), links))
        chain = tuple(right for _, right, _ in equal) or tuple(right for _, right, _ in links)  # z = 0.5 > 0: z's chain ends at 0.5
        for left, right, relation in links:
            self.steps.append(Step(
                len(self.steps) + 1, self.document.line_of(right.start), left.text, right.text, kind=KINDS.get(relation, "equal"),
                start=self.start.text if self.start else left.text, names=tuple((n.text, b.text) for n, b in self.underbraces),
                condition=(statement.condition or condition).text if (statement.condition or condition) else "",
                section=self.section, part=self.part, title=self.title, block=self.block, block_kind=kind, explains=statement.explains or role == "defines",
                relation=SHOWN.get(relation, relation), role=role, left=left, right=right, first=self.start or left,
                underbraces=self.underbraces, condition_side=statement.condition or condition, chain=chain, case=statement.condition_words == "case", case_row=_a_case(statement),
                bindings=statement.condition_words == "where", item=self.item, labelled_item=self.item_labelled,
                resumes=resumes if left is sides[0] else None, sought=self.sought))
            self.sought = ()
        self.previous = next((side for side in reversed(sides) if side), None)  # "A = B = \\ &= C": B links to C
        self.cased = _a_case(statement)

    def _implication(self, before: Statement, after: Statement, line: int, kind: str) -> None:
        left, right = _joined(before), _joined(after)
        self.steps.append(Step(len(self.steps) + 1, line, left.text, right.text, kind="implies", section=self.section, part=self.part, title=self.title,
                               block=self.block, block_kind=kind, relation=SHOWN["implies"], left=left, right=right, first=left,
                               statements=(before, after)))

    # --- tables

    def _table(self, table: Table) -> None:
        """Each row's cells as chains: a cell '= b' goes on with the chain, any other cell starts one; a bare name after a
        finished computation (its last link a number) starts one too (v_5 | = v_3 + v_2 | = 36.11 | = \\dot v_0 | ...)."""
        outer = self.item, self.item_labelled
        labelled = [_labels_its_row(row) for row in table.rows]
        for number, (row, line) in enumerate(zip(table.rows, table.row_lines or (table.line,) * len(table.rows))):
            if sum(labelled) >= 2:  # | Sigmoid | $f'(x) = f(x)(1 - f(x))$ |: each labelled row one case, as a list's labelled items
                self.item, self.item_labelled = -(self.block * 1000 + number + 1), labelled[number]
            cells = []
            for cell in row:
                for segment in cell:
                    if isinstance(segment, Math):
                        formula = read_formula(segment, self.document)
                        self.plain = segment.environment in PLAIN_ENVIRONMENTS
                        cells += [statement for formula_line in formula.lines for statement in formula_line.statements]
            if not any(statement.continues for statement in cells):
                for statement in cells:
                    self.previous = None
                    self._chain(statement, "table", None, "")
                continue
            chains: list[tuple[list, list]] = []
            for statement in cells:
                body = list(statement.sides[1:]) if statement.continues else list(statement.sides)
                finished = chains and len(chains[-1][0]) >= 2 and _is_number(chains[-1][0][-1])
                if statement.continues and chains and not (finished and _is_bare_name(body[0]) and len(body) == 1):
                    chains[-1][0].extend(body)
                    chains[-1][1].extend(statement.relations)
                else:
                    chains.append((body, list(statement.relations[1:] if statement.continues else statement.relations)))
            for sides, relations in chains:
                self.previous = None
                self._chain(Statement(tuple(sides), tuple(relations), line), "table", None, "")
        self.item, self.item_labelled = outer


def _labels_its_row(row: tuple) -> bool:
    """A table row whose first cell is words only (| Leaky ReLU | ... |) and whose other cells hold formulas."""
    first = row[0] if row else ()
    words = "".join(segment for segment in first if isinstance(segment, str))
    return not any(isinstance(s, Math) for s in first) and bool(words.strip()) and any(isinstance(s, Math) for cell in row[1:] for s in cell)


def _with_limit_variable(formula: Formula, letter: str) -> Formula:
    """After "for large $k$", a bare \\lim_{+\\infty} is the limit as k goes to infinity (tokens rewritten)."""
    from dataclasses import replace as copy

    from ..lexer import Token

    def rewrite(side: Side) -> Side:
        found = list(side.tokens)
        at = 0
        while at < len(found):
            if found[at].is_("command", "lim") and at + 1 < len(found) and found[at + 1].is_("symbol", "_"):
                start = at + 2
                braced = start < len(found) and found[start].is_("symbol", "{")
                inner_start = start + 1 if braced else start
                end = inner_start
                while end < len(found) and not (found[end].is_("symbol", "}") if braced else end > inner_start):
                    end += 1
                inner = [t for t in found[inner_start:end] if not t.is_("symbol", "+")]
                if len(inner) == 1 and inner[0].is_("command", "infty"):
                    where = inner[0].position
                    replacement = [Token("symbol", "{", where), Token("letter", letter, where), Token("command", "to", where, True),
                                   Token("command", "infty", where, True), Token("symbol", "}", where)]
                    found[start:end + 1 if braced else end] = replacement
            at += 1
        return copy(side, tokens=tuple(found))

    lines = tuple(copy(line, statements=tuple(copy(statement, sides=tuple(rewrite(side) for side in statement.sides)) for statement in line.statements))
                  for line in formula.lines)
    return copy(formula, lines=lines)


def _is_equation(statement: Statement) -> bool:
    return len(statement.sides) == 2 and statement.relations == ("==",) and all(statement.sides)


def _last_equation(statement: Statement | None) -> Statement | None:
    """The last link of a chain (A = B = C: B = C) when it is an equation, as an implication's premise."""
    if statement is None or len(statement.sides) < 2 or statement.relations[-1] != "==" or not all(statement.sides[-2:]):
        return None
    return replace(statement, sides=statement.sides[-2:], relations=statement.relations[-1:])


def _names_written(sides) -> set[str]:
    """The keys of every name the sides write, letters typed together read both ways."""
    from .names import Scanner

    return {n.key for side in sides if side for runs in (True, False) for n in Scanner(side.tokens, runs=runs).names()}


def _letters_indexing(sides) -> set[str]:
    """The single letters the sides' names carry as indices (j and k of x_j, w_{jk})."""
    from .names import Scanner

    return {index for side in sides if side for n in Scanner(side.tokens).names() for index in n.indices if len(index) == 1 and index.isalpha()}


def _all_of(conditions: list) -> Side | None:
    """Several conditions a heading states at once ("$i = k$, $l \\neq j$"): one side, a comma between each, where
    condition_of reads each in turn."""
    if len(conditions) < 2:
        return conditions[0] if conditions else None
    found = list(conditions[0].tokens)
    for condition in conditions[1:]:
        found += [Token("symbol", ",", condition.start), *condition.tokens]
    return Side(tuple(found), ", ".join(condition.text for condition in conditions), conditions[0].start)


def _joined(statement: Statement) -> Side:
    """A whole statement as one side (an equation's tokens, relations included): what an implication relates."""
    found = []
    for number, side in enumerate(statement.sides):
        found += list(side.tokens)
    text = " ".join(side.text for side in statement.sides)
    tokens_in_order = []
    for number, side in enumerate(statement.sides):
        if number:
            tokens_in_order.append(_relation_token(statement.relations[number - 1], side))
        tokens_in_order += list(side.tokens)
    shown = f" {SHOWN.get(statement.relations[0], '=')} ".join(side.text for side in statement.sides) if statement.relations else text
    return Side(tuple(tokens_in_order), shown, statement.sides[0].start if statement.sides else -1)


def _relation_token(relation: str, side: Side):

    position = side.tokens[0].position if side.tokens else side.start
    symbol = {"==": "=", "<": "<", ">": ">"}.get(relation)
    if symbol:
        return Token("symbol", symbol, position, True)
    command = {"<=": "le", ">=": "ge", "!=": "ne", "approx": "approx", "defines": "coloneqq"}.get(relation, "approx")
    return Token("command", command, position, True)


VARIABLES = frozenset({"x", "z", "t", "epsilon", "varepsilon", "h"})  # where a function is looked at, not a value given

LIST_JOINS = frozenset({",", "and", ";", ",and"})  # what stands between the formulas of a list: $x = 1$, $y = 2$ and $w = 2$


def _listed_values(segments, formulas: dict, labelled: bool = False) -> set[int]:
    """The inline formulas that are one of a list of two or more values given in a row ($x = 1$, $y = 2$ and $w = 2$):
    each one name set to a number, apart only by commas or "and"; in a list item opening with a label and a colon
    ("- Input: $x = 2$"), its one value too."""
    listed: set[int] = set()
    run: list[int] = []
    first = next((at for at, segment in enumerate(segments) if not isinstance(segment, str)), None)
    if labelled and first is not None:
        statements = [statement for line in formulas[first].lines for statement in line.statements]
        if len(statements) == 1 and _is_value(statements[0]):
            listed.add(first)
    for at, segment in enumerate(segments):
        if isinstance(segment, str):
            if "".join(segment.split()).lower() not in LIST_JOINS:
                listed.update(run if len(run) >= 2 else ())
                run = []
            continue
        statements = [statement for line in formulas[at].lines for statement in line.statements]
        if len(statements) == 1 and _is_value(statements[0]):
            run.append(at)
        else:
            listed.update(run if len(run) >= 2 else ())
            run = []
    listed.update(run if len(run) >= 2 else ())
    return listed


def _declares(piece: Paragraph | Display) -> bool:
    """The piece may declare a name (a formula with \\in): worth reading for one."""
    maths = piece.maths if isinstance(piece, Paragraph) else (piece.math,)
    return any("\\in" in math.tex for math in maths)


def declared_pairs(sides) -> list[tuple]:
    """(named side, space, line) for each `X \\in S` among written sides, and for each name a chain sets equal to X
    first (W = \\frac{QK^T}{d_k} \\in \\mathbb{R}^{n \\times n} declares W too)."""
    pairs = []
    for number, written in enumerate(sides[:-1]):
        if written.relation != "in":
            continue
        space = sides[number + 1].side
        pairs.append((written.side, space, written.line))
        back = number - 1
        while back >= 0 and sides[back].relation == "==" and sides[back].line == written.line and not sides[back + 1].first:
            pairs.append((sides[back].side, space, written.line))
            back -= 1
    return pairs


def _words_before_formula(paragraph: Paragraph) -> str:
    """The prose a paragraph opens with, up to its first formula."""
    words = []
    for segment in paragraph.segments:
        if not isinstance(segment, str):
            break
        words.append(segment)
    return "".join(words)


AFTER_CONDITION_WORDS = ("when", "if", "at", "whenever")
AFTER_CASE_WORDS = ("where", "for", "with")  # "$$\\frac{\\partial a_j}{\\partial z_i} = -a_j a_i$$ where $j \\neq i$": which case


def _condition_after(segments, formulas: dict, at: int) -> Side | None:
    """"$f(a) = 6$ when $a = 2$": a value right after the formula, joined to it by "when", "if" or "at" alone, is where
    the formula holds (its condition), as the same words before a formula say where what follows holds. "where", "for"
    and "with" say so only of two index letters (j \\neq i, i = j): after a formula "where $y = \\sigma(z)$" defines."""
    if at + 2 >= len(segments) or not isinstance(segments[at + 1], str) or at + 2 not in formulas:
        return None
    word = segments[at + 1].strip().strip(",").strip().lower()
    if word not in AFTER_CONDITION_WORDS + AFTER_CASE_WORDS:
        return None
    statements = [statement for line in formulas[at + 2].lines for statement in line.statements]
    if len(statements) != 1:
        return None
    if _relates_indices(statements[0]) or word in AFTER_CONDITION_WORDS and _is_value(statements[0]):
        return _joined(statements[0])
    return None


def _condition_after_display(pieces, at: int, formula: Formula, document: Document) -> Side | None:
    """$$\\frac{\\partial a_j}{\\partial z_i} = -a_j a_i$$ and a paragraph after it opening "where $j \\neq i$": the
    display's condition, as the same words in its own paragraph would be (_condition_after)."""
    following = pieces[at + 1] if at + 1 < len(pieces) else None
    if not isinstance(following, Paragraph) or len(following.segments) < 2 or not isinstance(following.segments[0], str):
        return None
    if not following.segments[0].strip()[:1].islower():
        return None  # "If $y = 1$, the loss is ...": a new sentence, about what follows it
    segments = [formula.math, *following.segments[:2]]
    return _condition_after(segments, {0: formula, 2: read_formula(segments[2], document)} if not isinstance(segments[2], str) else {}, 0)


def _approximated_after_display(pieces, at: int) -> bool:
    """A display and the paragraph right after it going on in lower case "as $p$ is very small": an approximation."""
    following = pieces[at + 1] if at + 1 < len(pieces) else None
    if not isinstance(following, Paragraph) or not following.segments or not isinstance(following.segments[0], str):
        return False
    words = "".join(segment if isinstance(segment, str) else f"${segment.tex}$" for segment in following.segments[:3])
    return words.strip()[:1].islower() and prose.approximates(words)


def _relates_indices(statement: Statement) -> bool:
    """`j \\neq i`, `i = j`: two index letters, equal or not (which case of a formula's indices)."""
    from .names import single_name

    if len(statement.sides) != 2 or statement.relations[0] not in ("==", "!="):
        return False
    names = [single_name(side.tokens) for side in statement.sides]
    return all(name is not None and len(name.key) == 1 and name.key.islower() for name in names)


def _looked_at(statement: Statement, role: str) -> bool:
    """An inline `x = 0` after "at", "when", "if" (or "for", or no word, for a function's variable x, z or t): where
    something is looked at, not a value or a step."""
    from .names import single_name

    if len(statement.sides) != 2 or statement.relations[0] not in ("==", "!="):
        return False
    name = single_name(statement.sides[0].tokens)
    if name is None:
        return False
    if role == "condition" and statement.relations[0] == "!=" and single_name(statement.sides[1].tokens, runs=True) is not None:
        return True  # "when $i \\neq target$": which case, between two names
    if statement.relations[0] != "==":
        return False
    if _enumeration(statement.sides[1]):
        return True  # "for $i = 1, 2, 3$": which indices, not a value
    if not _is_number(statement.sides[1]):
        return False
    return role == "condition" or role in ("for", "defines", "") and name.key in VARIABLES


def _enumeration(side: Side) -> bool:
    """1, 2, 3 or 1, \\dots, K: numbers (or a last bound) apart by commas, outside brackets."""
    found = [t for t in side.tokens if t.kind != "space"]
    commas = [t for t in found if t.is_("symbol", ",")]
    rest = [t for t in found if not t.is_("symbol", ",") and not t.is_("command", *dialect.LIST_ELLIPSES)]
    return bool(commas) and all(t.kind in ("number", "letter") for t in rest)


def _assumption(statement: Statement) -> bool:
    """`x > 0`, `c \\geq 0`, `1 \\le k \\le K`: comparisons of bare names with numbers or names state what is assumed
    (where a formula holds, what an index runs over), not something to check."""
    from .names import single_name

    if not statement.relations or any(r not in ("<", "<=", ">", ">=", "!=", "in") for r in statement.relations):
        return False
    simple = [side for side in statement.sides if _is_number(side) or single_name(side.tokens) is not None]
    return len(simple) == len(statement.sides) and any(single_name(side.tokens) is not None for side in statement.sides)


def _is_value(statement: Statement) -> bool:
    """`d = 1`: one name given one number."""
    return len(statement.sides) == 2 and statement.relations == ("==",) and _is_bare_name(statement.sides[0]) and _is_number(statement.sides[1])


def _is_number(side: Side) -> bool:
    meaningful = [t for t in side.tokens if t.kind != "space"]
    if meaningful and meaningful[0].is_("symbol", "-"):
        meaningful = meaningful[1:]
    return len(meaningful) == 1 and meaningful[0].kind == "number"


def _lone_side(formula: Formula) -> Side | None:
    """The one side of a formula that is one expression and no relation ($S$, $\\sum_i e^{a_i}$), else None."""
    statements = [statement for line in formula.lines for statement in line.statements]
    return statements[0].sides[0] if len(statements) == 1 and len(statements[0].sides) == 1 and statements[0].sides[0].tokens else None


def _is_bare_name(side: Side) -> bool:
    from .names import single_name

    return single_name(side.tokens, runs=True) is not None


def find_steps(document: Document) -> tuple[list[Step], list[Section]]:
    """Every step of every chain, numbered from 1 in reading order, and the sections they fall in."""
    builder = _Builder(document)
    steps = builder.build()
    return steps, builder.sections


def _compares_names(condition: Side) -> bool:
    """i \\neq j, k = i: a relation between two index names (not a name against a number, a value)."""
    letters = [t for t in condition.tokens if t.kind == "letter"]
    return len(letters) == 2 and not any(t.kind == "number" for t in condition.tokens)


def _a_term_of(side: Side, whole: Side) -> bool:
    """A new chain's first side written inside the last one (1 - \\frac{1}{1 + e^{-x}} of (\\frac{1}{1+e^{-x}})(1 - \\frac{1}{1+e^{-x}})):
    a side computation, after which the text may go back to the whole."""
    term, text = "".join(side.text.split()), "".join(whole.text.split())
    return 4 <= len(term) < len(text) and term in text


def _a_case(statement: Statement) -> bool:
    """A row of a piecewise formula written as lines (f'(x) = 1 if x > 0, = 0 otherwise): its own condition, led by
    if, when or otherwise."""
    return statement.condition is not None and statement.condition_words.split(" ", 1)[0] in CASE_LEADS
