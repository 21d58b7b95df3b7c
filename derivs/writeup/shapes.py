"""Which names are matrices and vectors, and their shapes, from every use in a section (unification).

Each formula side is parsed into a small tree (sums, products, transposes, applications, groups);
each use gives a constraint: a declaration fixes a shape, a transpose or a Hadamard product makes an
array, a product joins the inner dimensions (cols(A) = rows(B)), a sum and an equation make shapes
equal, an elementwise function keeps its argument's shape. Names start unknown and are decided by
the evidence, with the conventions of the field as tie-breakers: a name right of a matrix in a product
is a vector, one left of it a scalar (row vectors are written transposed), a row times a column (w^T x,
(x - m)^T A (x - m)) a number, a Greek letter a scalar (a learning rate, a weight decay). Dimensions are unified; two that cannot be the same (a declared m
against a declared p) are a finding with its reason, as a reader would point it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import sympy

from .. import dialect
from ..lexer import first_digit_apart
from .names import Scanner

ELEMENTWISE = frozenset(dialect.FUNCTIONS) | {"softmax", "sigmoid", "relu", "ReLU", "tanh", "exp", "log", "ln", "GELU", "f"}
VECTOR_FUNCTIONS = frozenset({"softmax", "diag"})  # functions of a whole vector: what they are applied to is one
SCALAR_RESULT = frozenset({"tr", "trace", "det", "max", "min", "sum", "mean", "Var", "var", "E"})
PRODUCTS = {"cdot": "dot", "times": "times", "ast": "star", "*": "star", "odot": "hadamard", "circ": "hadamard", "otimes": "outer"}


# --- a small tree of a side ------------------------------------------------------------------------


@dataclass
class Node:
    kind: str  # name, number, sum, product, transpose, inverse, power, apply, call (a function of the write-up's), frac, matrix, scalar, group, ones (\\mathbf{1}), other
    children: list = field(default_factory=list)
    key: str = ""  # a name's key
    bold: bool = False
    capital: bool = False
    greek: bool = False
    ops: list = field(default_factory=list)  # a product's operators between factors
    size: tuple = ()  # a matrix literal's (rows, columns)
    position: int = 0
    entries: frozenset = frozenset()  # a literal's entry names' bases: w of [w_{11} & w_{12}]


class _TreeParser:
    """Tokens -> Node, never failing: what it does not know is `other` (no constraint comes from it)."""

    def __init__(self, found, words: frozenset, functions: frozenset):
        self.found = [t for t in found if t.kind != "space"]
        self.at = 0
        self.words = words
        self.functions = functions
        self.scanner = Scanner(self.found, words)

    def peek(self, ahead: int = 0):
        index = self.at + ahead
        return self.found[index] if index < len(self.found) else None

    def is_(self, kind: str, *texts: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token is not None and token.is_(kind, *texts)

    def parse(self) -> Node:
        node = self.expression()
        return node

    def expression(self) -> Node:
        terms = [self.term()]
        while self.is_("symbol", "+", "-") or self.is_("command", "pm", "mp"):  # A \pm B: a sum either way, for its shape
            self.at += 1
            terms.append(self.term())
        return terms[0] if len(terms) == 1 else Node("sum", terms)

    def term(self) -> Node:
        if self.is_("symbol", "-", "+"):
            self.at += 1
        factors, ops = [self.factor()], []
        while self.peek() is not None:
            token = self.peek()
            if token.kind == "command" and token.text in PRODUCTS or token.is_("symbol", "*"):
                self.at += 1
                ops.append(PRODUCTS.get(token.text, "star"))
                factors.append(self.factor())
            elif token.is_("symbol", "/"):
                self.at += 1
                denominator = self.factor()
                factors[-1] = Node("frac", [factors[-1], denominator])
            elif self._starts_factor(token):
                ops.append("juxt")
                factors.append(self.factor())
            else:
                break
        return factors[0] if len(factors) == 1 else Node("product", factors, ops=ops)

    def _starts_factor(self, token) -> bool:
        if token.kind in ("letter", "number"):
            return True
        if token.kind == "symbol":
            return token.text in "([{|"
        if token.kind == "command":
            return token.text not in ("right", "end", "\\") and token.text not in dialect.RELATIONS and token.text not in PRODUCTS and token.text not in ("to", "rightarrow", "Rightarrow", "implies", "quad", "qquad", "in", "pm", "mp")
        return False

    def factor(self) -> Node:
        node = self.atom()
        while True:
            if self.is_("symbol", "^"):
                self.at += 1
                script = self._script_tokens()
                texts = [t.text for t in script]
                if texts in (["T"], ["top"], ["intercal"], ["\\top"]) or texts == ["mathsf", "{", "T", "}"] or texts == ["mathrm", "{", "T", "}"]:
                    node = Node("matrix", size=node.size[::-1], position=node.position, entries=node.entries) if node.kind == "list" else Node("transpose", [node])
                elif texts in (["-", "1"],):
                    node = Node("inverse", [node])
                elif texts in (["-", "T"], ["-", "\\top"], ["-", "top"], ["-", "\\intercal"]):  # A^{-T}: the inverse's transpose
                    node = Node("inverse", [Node("transpose", [node])])
                else:
                    node = Node("power", [node], key="".join(texts), position=len(texts))  # key: the exponent as typed
            elif self.is_("symbol", "_") and node.kind in ("group", "apply", "transpose", "product"):
                self.at += 1
                self._script_tokens()
                node = Node("scalar", [node])  # (Wx)_i, S(x)_i: an entry
            elif self.is_("symbol", "'") or self.is_("symbol", "!"):
                self.at += 1
            else:
                return node

    def _script_tokens(self) -> list:
        if self.is_("symbol", "{"):
            end = self._close(self.at)
            found = self.found[self.at + 1:end]
            self.at = end + 1
            return found
        token = self.peek()
        self.at += 1
        return [token] if token is not None else []

    def _close(self, at: int) -> int:
        opener = self.found[at].text
        closer = {"{": "}", "(": ")", "[": "]"}[opener]
        depth = 0
        for index in range(at, len(self.found)):
            if self.found[index].is_("symbol", opener):
                depth += 1
            elif self.found[index].is_("symbol", closer):
                depth -= 1
                if depth == 0:
                    return index
        return len(self.found) - 1

    def _inner(self, start: int, end: int) -> Node:
        parser = _TreeParser(self.found[start:end], self.words, self.functions)
        return parser.expression()

    def atom(self) -> Node:
        token = self.peek()
        if token is None:
            return Node("other")
        position = token.position
        if token.kind == "number":
            self.at += 1
            return Node("number", position=position)
        if token.is_("symbol", "(", "["):
            start, end = self.at + 1, self._close(self.at)
            count = self._entries(start, end)
            inner = self._inner(start, end)
            self.at = end + 1
            if count > 1:  # [x_1, x_2]: a list of numbers, which ^T makes a column (alone its orientation is not meant)
                if any(t.is_("command", *ELLIPSES) for t in self.found[start:end]):
                    return Node("other", position=position)  # (x_1, \dots, x_p): as long as p, which says nothing here
                return Node("list", size=(1, count), position=position, entries=self._entry_bases(start, end))
            return Node("group", [inner], position=position)
        if token.is_("symbol", "{"):
            end = self._close(self.at)
            inner = self._inner(self.at + 1, end)
            self.at = end + 1
            return inner
        if token.is_("symbol", "|") or token.is_("command", "|"):
            self.at = self._bar_end() + 1
            return Node("scalar", position=position)  # |x|, ||x||_2, \\|A - I\\|_F: a number, whatever the bars hold
        if token.kind == "command":
            return self._command(token)
        if token.kind == "letter":
            return self._name()
        self.at += 1
        return Node("other", position=position)

    def _bar_end(self) -> int:
        """Where the bars opened here close: |x| at the next bar, ||x|| at the next two bars together, \\|x\\| at the next \\|."""
        double = self.is_("symbol", "|") and self.is_("symbol", "|", ahead=1)
        start = self.at + (2 if double else 1)
        for index in range(start, len(self.found)):
            token = self.found[index]
            if self.found[self.at].kind == "command" and token.is_("command", "|"):
                return index
            if not double and token.is_("symbol", "|"):
                return index
            if double and token.is_("symbol", "|") and index + 1 < len(self.found) and self.found[index + 1].is_("symbol", "|"):
                return index + 1
        return len(self.found) - 1

    def _entry_bases(self, start: int, end: int) -> frozenset:
        """The bases of the subscripted names between two tokens: the vector a literal writes entry by entry."""
        return frozenset(name.base for name in Scanner(self.found[start:end], self.words).names() if name.subscript)

    def _entries(self, start: int, end: int) -> int:
        """How many entries brackets hold: one more than the commas at their top level."""
        depth, commas = 0, 0
        for token in self.found[start:end]:
            if token.is_("symbol", "(", "[", "{") or token.is_("command", "left"):
                depth += 1
            elif token.is_("symbol", ")", "]", "}") or token.is_("command", "right"):
                depth -= 1
            elif depth == 0 and token.is_("symbol", ","):
                commas += 1
        return commas + 1

    def _spelled_function(self) -> str:
        """tr(, tr[, det(, exp( typed as plain letters before a bracket: the function's name, else "" (t r would be a product)."""
        letters = ""
        while self.is_("letter", ahead=len(letters)) and len(letters) < 8:
            letters += self.peek(len(letters)).text
        for end in range(len(letters), 1, -1):
            if letters[:end] in ELEMENTWISE | SCALAR_RESULT and self.is_("symbol", "(", "[", ahead=end):
                return letters[:end]
        return ""

    def _name(self) -> Node:
        spelled = self._spelled_function()
        if spelled:
            position = self.peek().position
            self.at += len(spelled)
            end = self._close(self.at)
            argument = self._inner(self.at + 1, end)
            self.at = end + 1
            return Node("scalar" if spelled in SCALAR_RESULT else "apply", [argument], key=spelled, position=position)
        name = self.scanner.name_at(self.at)
        if name is None:
            self.at += 1
            return Node("other")
        self.at = name.end
        greek = name.base in dialect.GREEK
        node = Node("name", key=name.key, bold=name.bold, capital=name.base[:1].isupper() and not name.word and len(name.base) == 1,
                    greek=greek, position=self.found[name.start].position)
        if name.transposed:
            return Node("transpose", [node])  # u^T_k
        if self.is_("symbol", "(") and (name.key in self.functions or name.base in ELEMENTWISE or name.base in SCALAR_RESULT or name.word and not name.subscript):
            end = self._close(self.at)
            argument = self._inner(self.at + 1, end)
            self.at = end + 1
            if name.base in ELEMENTWISE or name.base in SCALAR_RESULT:
                return Node("apply", [argument], key=name.key, position=node.position)
            return Node("call", [argument], key=name.key, position=node.position)  # L(\\mathbf{x}): its value's shape is its own
        return node

    def _command(self, token) -> Node:
        name = token.text
        position = token.position
        if name in dialect.GREEK or name in dialect.DECORATIONS or name in ("mathbf", "boldsymbol", "bm", "vec", "mathit", "mathrm", "text", "operatorname", "mathbb", "pmb"):
            if name in ("mathbf", "boldsymbol", "bm", "mathbb", "vec") and self._bold_one():
                self.at += 4
                return Node("ones", position=position)  # \mathbf{1}^\top: a column of ones, as long as what it meets
            if name in ("mathrm", "text", "operatorname") and self._word_function():
                return self._function_call()
            return self._name()
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            self.at += 1
            parts = []
            for _ in range(2):
                if self.is_("symbol", "{"):
                    end = self._close(self.at)
                    parts.append((self.at + 1, end))
                    self.at = end + 1
                else:
                    first_digit_apart(self.found, self.at)  # \\tfrac12\\|e\\|^2: the half, then the norm
                    parts.append((self.at, self.at + 1))
                    self.at += 1
            top = [t for t in self.found[parts[0][0]:parts[0][1]]]
            if top and (top[0].is_("command", "partial") or top[0].is_("letter", "d") and len(top) <= 3):
                return Node("other", position=position)  # a derivative: its shape is not learned here
            return Node("frac", [self._inner(*parts[0]), self._inner(*parts[1])], position=position)
        if name in ("left", "big", "Big", "bigl", "bigr"):
            self.at += 1
            opener = self.peek()
            self.at += 1
            depth, end = 0, len(self.found)
            for index in range(self.at, len(self.found)):
                if self.found[index].is_("command", "left"):
                    depth += 1
                elif self.found[index].is_("command", "right"):
                    if depth == 0:
                        end = index
                        break
                    depth -= 1
            inner = self._inner(self.at, end)
            self.at = min(end + 2, len(self.found))
            if opener is not None and (opener.is_("symbol", "|") or opener.is_("command", "|", "lVert", "Vert", "lvert", "vert")):
                return Node("scalar", [inner], position=position)
            return Node("group", [inner], position=position)
        if name in ("|", "lVert", "lvert", "Vert"):
            closer = {"|": "|", "lVert": "rVert", "lvert": "rvert", "Vert": "Vert"}[name]
            end = next((i for i in range(self.at + 1, len(self.found)) if self.found[i].is_("command", closer)), len(self.found) - 1)
            inner = self._inner(self.at + 1, end)
            self.at = end + 1
            return Node("scalar", [inner], position=position)
        if name in ("sum", "prod"):
            self.at += 1
            for _ in range(2):
                if self.is_("symbol", "_", "^"):
                    self.at += 1
                    self._script_tokens()
            operand = self.factor() if self.peek() is not None else Node("other")
            return Node("apply", [operand], key="\\" + name, position=position)
        if name == "begin":
            return self._environment()
        if name == "nabla":  # \\nabla_{\\theta} J, \\nabla_x (x^T A x): the gradient in what its script names; what follows is read on
            self.at += 1
            if not self.is_("symbol", "_"):  # \\nabla C \\odot \\sigma'(z): the gradient stands there, not C
                if self.peek() is not None and self._starts_factor(self.peek()):
                    self.factor()
                return Node("other", position=position)
            self.at += 1
            start = self.at + 1 if self.is_("symbol", "{") else self.at
            end = self._close(self.at) if self.is_("symbol", "{") else self.at + 1
            variable = self._inner(start, end)
            self.at = end + 1 if self.is_("symbol", "{") else end
            operand = self.factor() if self.peek() is not None and self._starts_factor(self.peek()) else Node("other")
            return Node("gradient", [variable, operand], position=position)  # what it is taken of is not shaped by where it stands
        if name in dialect.FUNCTIONS or name in dialect.VARIADIC or name in ("operatorname",):
            return self._function_call()
        if name in ("sqrt",):
            self.at += 1
            self._script_tokens()
            return Node("scalar", position=position)
        self.at += 1
        while self.is_("symbol", "{"):
            self.at = self._close(self.at) + 1
        return Node("other", position=position)

    def _bold_one(self, ahead: int = 0) -> bool:
        """\\mathbf{1} transposed, after a bracket, or before \\mathbf{1} transposed: the ones vector (elsewhere a write-up's
        bold 1 may be the number, as the parser reads it)."""
        one = self.is_("symbol", "{", ahead=ahead + 1) and self.is_("number", ahead=ahead + 2) and self.found[self.at + ahead + 2].text == "1" \
            and self.is_("symbol", "}", ahead=ahead + 3)
        after = self.peek(ahead + 5)
        transposed = self.is_("symbol", "^", ahead=ahead + 4) and after is not None and (after.is_("letter", "T") or after.is_("command", "top", "intercal") or after.is_("symbol", "{"))
        if not one or ahead:
            return one and transposed
        before = self.found[self.at - 1] if self.at else None
        ones_next = self.is_("command", "mathbf", "bm", "boldsymbol", ahead=4) and self._bold_one(4)
        return transposed or ones_next or before is not None and before.is_("symbol", ")")

    def _word_function(self) -> bool:
        if not self.is_("symbol", "{", ahead=1):
            return False
        end = self._close(self.at + 1)
        word = "".join(t.text for t in self.found[self.at + 2:end])
        following = self.found[end + 1] if end + 1 < len(self.found) else None
        return following is not None and following.is_("symbol", "(") and (word in ELEMENTWISE or word in SCALAR_RESULT or word in ("diag", "softmax"))

    def _function_call(self) -> Node:
        token = self.peek()
        position = token.position
        self.at += 1
        name = token.text
        if self.is_("symbol", "{") and name in ("mathrm", "text", "operatorname"):
            end = self._close(self.at)
            name = "".join(t.text for t in self.found[self.at + 1:end])
            self.at = end + 1
        while self.is_("symbol", "^", "_"):
            self.at += 1
            self._script_tokens()
        if self.is_("symbol", "(") or self.is_("command", "left"):
            argument = self.atom()
        elif self.peek() is not None and self._starts_factor(self.peek()):
            argument = self.factor()
        else:
            argument = Node("other")
        if name == "diag":
            return Node("diag", [argument], position=position)
        if name in SCALAR_RESULT:
            return Node("scalar", [argument], position=position)
        return Node("apply", [argument], key=name, position=position)

    def _environment(self) -> Node:
        position = self.peek().position
        end_name = self._close(self.at + 1) if self.is_("symbol", "{", ahead=1) else self.at
        name = "".join(t.text for t in self.found[self.at + 2:end_name])
        depth, index, cells, filled = 0, end_name + 1, 1, False
        widths, pattern = [], False  # the cells of each row written (a row with nothing in it, after a last \\, is none)
        while index < len(self.found):
            token = self.found[index]
            pattern |= token.is_("command", *ELLIPSES)
            if token.is_("command", "begin"):
                depth += 1
            elif token.is_("command", "end"):
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and token.is_("symbol", "&"):
                cells += 1
            elif depth == 0 and token.is_("command", "\\"):
                widths += [cells] if filled or cells > 1 else []
                cells, filled = 1, False
                index += 1
                continue
            filled |= token.kind != "space"
            index += 1
        widths += [cells] if filled or cells > 1 else []
        close = self._close(index + 1) if index + 1 < len(self.found) and self.found[index + 1].is_("symbol", "{") else index
        self.at = close + 1
        if name.rstrip("*") in dialect.MATRIX_ENVIRONMENTS and name != "vmatrix" and not pattern and widths:  # x_{11} ... x_{1D}: any size
            entries = self._entry_bases(end_name + 1, index)
            return Node("matrix", size=(len(widths), max(widths)), position=position, entries=entries)
        return Node("other", position=position)


ELLIPSES = ("dots", "cdots", "ldots", "vdots", "ddots", "dotsb", "dotsc")


# --- the inference ---------------------------------------------------------------------------------


class _Dims:
    """Union-find over dimensions: sympy sizes (declared) and fresh unknowns."""

    def __init__(self):
        self.parent: dict = {}
        self.fresh = 0

    def new(self):
        self.fresh += 1
        dimension = ("?", self.fresh)
        self.parent[dimension] = dimension
        return dimension

    def find(self, dimension):
        self.parent.setdefault(dimension, dimension)
        while self.parent[dimension] != dimension:
            self.parent[dimension] = self.parent[self.parent[dimension]]
            dimension = self.parent[dimension]
        return dimension

    def union(self, first, second) -> tuple | None:
        """Join two dimensions; returns the pair when both are known and cannot be one (a conflict): two different
        numbers, or two different declared sizes. A number meets a symbol in a worked example: the symbol stays;
        but not 1, a vector's one column (p - p p^T has p K x 1 and p p^T K x K: a conflict, not K = 1)."""
        first, second = self.find(first), self.find(second)
        if first == second:
            return None
        known_first, known_second = not isinstance(first, tuple), not isinstance(second, tuple)
        if known_first and known_second:
            if type(first) is type(second) or isinstance(first, sympy.Integer) == isinstance(second, sympy.Integer) or 1 in (first, second):
                return first, second
            if isinstance(first, sympy.Integer):
                first, second = second, first
            self.parent[second] = first
            return None
        if known_second:
            first, second = second, first
        self.parent[second] = first
        return None


GIVEN_BY_ENTRIES = "its entries written out"
IDENTITY_NAMES = frozenset({"I", "I_n", "I_d", "I_m", "I_k"})  # a square matrix named so is the identity, as everyone writes it
HYPERPARAMETERS = frozenset({"lambda", "eta", "alpha"})  # a penalty, a learning rate, a step: numbers unless declared
TWO_SIDES = "the two sides"
GUESSES = ("written transposed", "inside a transposed group", "a capital", "a bold letter")  # kinds told by how a name looks


@dataclass
class Finding:
    line: int
    text: str
    names: tuple = ()  # the arrays the use involves: a finding is sure only where one of them was declared


@dataclass
class Shapes:
    """The arrays of a section and their shapes; findings where a use cannot be shaped."""

    arrays: dict = field(default_factory=dict)  # key -> (rows, columns) as sympy sizes
    findings: list = field(default_factory=list)
    evidence: dict = field(default_factory=dict)  # key -> (line, why)


class Inference:
    def __init__(self, words: frozenset = frozenset(), functions: frozenset = frozenset(), entries: frozenset = frozenset(),
                 counters: frozenset = frozenset()):
        self.words = words
        self.functions = functions
        self.counters = counters  # letters numbering a sequence (theta_{t+1}): A^t is then a power, else a transpose
        self.entries = entries  # names written by their entries (y_k under \sum_k): kept as such where no use must be whole
        self.trees: list[tuple[Node, int, str]] = []  # (tree, line, relation after it)
        self.statements: list[tuple[Node, Node, int]] = []  # equal sides (left, right, line)
        self.declared: dict = {}  # key -> ((rows, columns), line)
        self.dims = _Dims()
        self.kind: dict[str, str] = {}  # key -> "array" | "scalar"
        self.shape: dict[str, tuple] = {}
        self.why: dict[str, tuple[int, str]] = {}
        self.findings: list[Finding] = []
        self.column_priors: list[str] = []  # lowercase or bold arrays: column vectors where nothing says their width

    def add(self, found, line: int) -> Node:
        tree = _TreeParser(found, self.words, self.functions).parse()
        self.trees.append((tree, line, ""))
        return tree

    def equal(self, left: Node, right: Node, line: int) -> None:
        self.statements.append((left, right, line))

    def declare(self, key: str, shape: tuple, line: int, how: str) -> None:
        """A declared matrix is a matrix; a declared vector (x \\in \\mathbb{R}^D) only has that shape if its uses make
        it an array: a write-up that writes its entries x_i and applies functions to x as a number keeps it a name."""
        self.declared[key] = (shape, line)
        if shape[1] != 1:
            self._array(key, line, how)
        rows, columns = self._shape_of(key)
        for dimension, size in zip((rows, columns), shape):
            conflict = self.dims.union(dimension, size)
            if conflict:
                self.findings.append(Finding(line, f"{key} is declared twice with other sizes ({conflict[0]} and {conflict[1]})", (key,)))

    def _array(self, key: str, line: int, why: str, node: Node | None = None) -> bool:
        """The name is a vector or matrix; a lowercase or bold one, unless declared, a column vector."""
        if self.kind.get(key) == "array":
            return False
        self.kind[key] = "array"
        self.why.setdefault(key, (line, why))
        lowercase = key[:1].islower() or node is not None and node.bold
        if lowercase and key not in self.declared:
            self.column_priors.append(key)  # a column vector, unless its uses say otherwise (applied once all are in)
        return True

    def _given_by_entries(self, name: Node, line: int) -> bool:
        """x = [x_1, x_2]^T, w = [[w_11, ...]]: a name written out by its own entries (not a numeric example's values)
        is an array of that shape, as sure as a declaration, whatever else was seen of it first."""
        if self.kind.get(name.key) == "array":
            self.why[name.key] = (line, GIVEN_BY_ENTRIES)
            return False
        return self._array(name.key, line, GIVEN_BY_ENTRIES, name)

    def _shape_of(self, key: str) -> tuple:
        if key not in self.shape:
            self.shape[key] = (self.dims.new(), self.dims.new())
        return self.shape[key]

    # --- evidence from trees

    def solve(self) -> Shapes:
        for _ in range(6):  # propagate kinds until nothing changes
            changed = False
            for tree, line, _ in self.trees:
                changed |= self._kinds(tree, line)
            for left, right, line in self.statements:
                changed |= self._kinds_equal(left, right, line)
            if not changed:
                break
        for left, right, line in self.statements:  # what a name is equal to first: a use that cannot fit is the finding
            self._join(self._dimensions(left, line), self._dimensions(right, line), line, TWO_SIDES, _keys(left, right))
        for tree, line, _ in self.trees:
            self._dimensions(tree, line)
        for key in self.column_priors:  # after the evidence: a convention never makes a finding (z_1 = a_0 W_1, rows)
            self.dims.union(self._shape_of(key)[1], sympy.Integer(1))
        return self._result()

    def _is_array(self, node: Node) -> bool | None:
        """True (an array), False (a scalar), None (unknown)."""
        kind = node.kind
        if kind == "name":
            known = self.kind.get(node.key)
            greek = node.greek and not node.bold and node.key not in self.declared  # a Greek letter is a number unless bold or declared (\theta \in \mathbb{R}^K)
            return True if known == "array" else False if known == "scalar" or greek else None
        if kind in ("number", "scalar"):
            return False
        if kind in ("matrix", "diag", "ones"):
            return node.size != (1, 1) if kind == "matrix" else True
        if kind in ("transpose", "inverse", "group", "gradient"):
            return self._is_array(node.children[0]) if node.children else None
        if kind == "apply":
            return self._is_array(node.children[0]) if node.children and node.key not in ("\\sum", "\\prod") else None
        if kind == "sum":
            found = [self._is_array(child) for child in node.children]
            return True if True in found else False if all(f is False for f in found) else None
        if kind == "product":
            found = [self._is_array(child) for child in node.children]
            if all(f is False for f in found) or _inner_product(node):
                return False
            return True if True in found and "dot" not in node.ops else None
        if kind == "frac":
            return self._is_array(node.children[0])
        if kind == "power":
            base = self._is_array(node.children[0])
            return False if base is False else True if base and (node.key == "t" or node.key in self.counters) else None
        return None

    def _kinds(self, node: Node, line: int) -> bool:
        changed = False
        for child in node.children:
            changed |= self._kinds(child, line)
        if node.kind == "transpose" and node.children and node.children[0].kind == "name":
            changed |= self._array(node.children[0].key, line, f"written transposed ({node.children[0].key}^T)", node.children[0])
        if node.kind == "transpose" and node.children and node.children[0].kind == "group":
            terms = _terms(node.children[0].children[0]) if node.children[0].children else []
            for name in _names_in(node.children[0]):  # (W x)^T, (\hat y - y)^T, (x - m)^T: what it holds is an array
                whole = any(term is name for term in terms) and name.key not in self.entries  # a term, not c in (c X a)^T
                if self._is_array(name) is None and (name.capital or name.bold or whole):
                    changed |= self._array(name.key, line, "inside a transposed group", name)
        if node.kind == "product":
            changed |= self._kinds_product(node, line)
        if node.kind == "gradient" and node.children and node.children[0].kind == "name" and node.children[0].key in self.declared:
            changed |= self._array(node.children[0].key, line, "a gradient is taken in it (declared)", node.children[0])
        vector_argument = node.kind == "diag" or node.kind == "apply" and node.key in VECTOR_FUNCTIONS
        if vector_argument and node.children and node.children[0].kind in ("name", "group"):
            argument = node.children[0] if node.children[0].kind == "name" else _only_name(node.children[0])
            if argument is not None and argument.key in self.declared and self._is_array(argument) is None:  # softmax(z), diag(p) of a vector declared in R^K
                changed |= self._array(argument.key, line, f"the argument of {node.key or node.kind}", argument)
        if node.kind == "sum":
            if any(self._is_array(child) for child in node.children):
                for child in node.children:
                    if child.kind == "name" and (self._is_array(child) is None or self._number_by_default(child)):  # Xw + \epsilon
                        changed |= self._array(child.key, line, "added to a vector or matrix", child)
                    scaled = self._scaled_name(child)  # X^TX + \lambda I: I, times a number
                    if scaled is not None:
                        changed |= self._array(scaled.key, line, "times a number, added to a vector or matrix", scaled)
        return changed

    def _scaled_name(self, node: Node) -> Node | None:
        """In a product of numbers and an identity's name of unknown kind (\\lambda I), that name; else None."""
        if node.kind != "product" or "dot" in node.ops:
            return None
        unknown = [factor for factor in node.children if factor.kind == "name" and factor.key in IDENTITY_NAMES and self._is_array(factor) is None]
        others = [factor for factor in node.children if all(factor is not u for u in unknown)]
        return unknown[0] if len(unknown) == 1 and all(self._is_array(factor) is False for factor in others) else None

    def _kinds_product(self, node: Node, line: int) -> bool:
        changed = False
        factors, ops = node.children, node.ops
        for number, op in enumerate(ops):
            left, right = factors[number], factors[number + 1]
            if op == "hadamard":
                for side in (left, right):
                    if side.kind == "name" and self._is_array(side) is None:
                        changed |= self._array(side.key, line, "in a Hadamard product", side)
                continue
            scales_a_row = left.kind == "transpose" and _lowercase(_untransposed(left)) and number + 2 < len(factors) \
                and bool(self._is_array(factors[number + 2]))  # a^T c X X^T a: c scales the row, a number
            if self._is_array(left) and right.kind == "name" and self._is_array(right) is None and not (right.greek and not right.bold and right.key not in self.declared) \
                    and not (op == "dot") and not scales_a_row:
                changed |= self._array(right.key, line, "multiplied on the left by a matrix", right)
            if left.kind == "name" and self._is_array(left) is None and self._is_array(right) and left.capital and left.key not in self.functions:
                changed |= self._array(left.key, line, "a capital multiplying a vector or matrix")
            if left.kind == "name" and left.capital and right.kind == "name" and right.bold and self._is_array(left) is None:
                changed |= self._array(left.key, line, f"a capital times the bold {right.key}", left)
                changed |= self._array(right.key, line, f"a bold letter multiplied by {left.key}", right)
        return changed

    def _kinds_equal(self, left: Node, right: Node, line: int) -> bool:
        for name, other in ((left, right), (right, left)):
            if name.kind == "name" and other.kind == "matrix" and other.size != (1, 1) and name.key not in self.entries \
                    and name.key.split("^")[0].lower() in {base.lower() for base in other.entries}:  # W = [w_{ij}]
                return self._given_by_entries(name, line)
        if left.kind == "name" and self._is_array(left) is None and self._is_array(right):
            return self._array(left.key, line, "equal to a vector or matrix")
        if right.kind == "name" and self._is_array(right) is None and self._is_array(left):
            return self._array(right.key, line, "equal to a vector or matrix")
        return False

    # --- dimensions

    def _dimensions(self, node: Node, line: int):
        """The node's shape as (rows, columns) dimensions, or None for a scalar or an unknown."""
        kind = node.kind
        if kind == "name":
            return self._shape_of(node.key) if self.kind.get(node.key) == "array" else None
        if kind == "matrix":
            rows, columns = node.size
            return (sympy.Integer(rows), sympy.Integer(columns)) if node.size != (1, 1) else None
        if kind == "ones":
            return (self.dims.new(), sympy.Integer(1))
        if kind == "transpose":
            inner = self._dimensions(node.children[0], line)
            return (inner[1], inner[0]) if inner else None
        if kind == "inverse":  # A^{-1}, A^{-T}: only a square matrix has one
            inner = self._dimensions(node.children[0], line) if node.children else None
            if inner is not None and not self._vector(inner):
                self._join((inner[0],), (inner[1],), line, f"{_shown(node)} (an inverse)", _keys(node))
            return inner
        if kind == "group":
            return self._dimensions(node.children[0], line) if node.children else None
        if kind == "power":
            return self._power_dimensions(node, line)
        if kind == "apply":
            inner = self._dimensions(node.children[0], line) if node.children else None
            return None if node.key in ("\\sum", "\\prod") else inner
        if kind == "diag":  # of a column or a row (diag(s) of the row s = [s_1 s_2]): square, as long as it
            inner = self._dimensions(node.children[0], line) if node.children else None
            length = inner[1] if inner and self.dims.find(inner[0]) == sympy.Integer(1) else inner[0] if inner else None
            return (length, length) if inner else None
        if kind == "frac":
            return self._dimensions(node.children[0], line)
        if kind == "sum":
            shapes = [(child, self._dimensions(child, line)) for child in node.children]
            known = [(child, shape) for child, shape in shapes if shape is not None]
            for (first, a), (second, b) in zip(known, known[1:]):
                if not self._broadcast(a, b):
                    self._join(a, b, line, f"{_shown(first)} + {_shown(second)}", _keys(first, second))
            full = [shape for _, shape in known if self._matrix(shape)]  # XW + b with b a row: XW's shape
            matrices = [shape for _, shape in known if not self._vector(shape)]
            return (full or matrices or [shape for _, shape in known] or [None])[0]
        if kind == "product":
            shape = self._product_dimensions(node, line)
            if shape is not None and _inner_product(node):  # w^T x is a number: (y - \sigma(w^T x)) x must not make x square
                for dimension in shape:
                    if isinstance(self.dims.find(dimension), tuple):
                        self.dims.union(dimension, sympy.Integer(1))
            return shape
        for child in node.children:
            self._dimensions(child, line)
        return None

    def _product_dimensions(self, node: Node, line: int):
        current, current_node = None, None
        unknown = False  # a factor whose shape cannot be told (\\mathcal{L}(x), a function's value): the product's neither
        for number, factor in enumerate(node.children):
            shape = self._dimensions(factor, line)
            op = node.ops[number - 1] if number else ""
            unknown |= factor.kind in ("other", "call", "gradient")
            if shape is None:
                unknown |= current is not None and self._matrix(current) and not _lowercase(_untransposed(current_node)) and self._number_by_default(factor)
                continue
            if current is None:
                current, current_node = shape, factor
                continue
            if op == "hadamard":
                if self._broadcast(current, shape):  # \gamma \odot \hat{X}, \gamma a row: scaled row by row, as numpy does
                    current, current_node = (shape, factor) if self._matrix(shape) else (current, current_node)
                    continue
                self._join(current, shape, line, f"{_shown(current_node)} \\odot {_shown(factor)}", _keys(current_node, factor))
                continue
            if op == "dot" and (current[1] == self.dims.find(current[1]) and self._vector(current) and self._vector(shape)
                                or self._row(current) and self._row(shape)):
                current = None  # u \cdot v: a dot product of two vectors (of two rows: that, or their entries scaled one by one)
                continue
            if _row_times_column(current_node, factor) and number + 1 < len(node.children):  # e^T e (A - I): a number, as u . v
                current = None
                continue
            if self._one_by_one(current) or self._one_by_one(shape):  # (1 - \sigma(w^T x)) x: a 1 x 1 factor is a number
                current, current_node = (shape, factor) if self._one_by_one(current) else (current, current_node)
                continue
            conflict = self.dims.union(current[1], shape[0])
            if conflict:
                self.findings.append(Finding(line, f"{_shown(current_node)} has {self._size(conflict[0])} columns but {_shown(factor)} has {self._size(conflict[1])} rows",
                                             _keys(current_node, factor)))
            current, current_node = (current[0], shape[1]), Node("product", [current_node, factor], ops=["juxt"])
        return None if unknown else current

    def _number_by_default(self, node: Node) -> bool:
        """A Greek letter nothing declares or shapes: a number only by convention, so (A - I)\\epsilon may be a matrix times
        a vector, and its shape says nothing of A's. Not a hyperparameter's letter: X^TX + \\lambda is X^TX + \\lambda I."""
        return node.kind == "name" and node.greek and not node.bold and node.key not in self.declared and node.key not in self.kind \
            and node.key not in HYPERPARAMETERS

    def _broadcast(self, first, second) -> bool:
        """XW + b with XW m x d and b a d-vector: the bias added to every row (or a column added to every column), as
        deep-learning texts and numpy write it, and a row b in R^{1 x d} added to every row; a sum of two vectors of
        other lengths (a row and a column among them) is still a mismatch."""
        for matrix, vector in ((first, second), (second, first)):
            if self._vector(vector) and not self._vector(matrix) and not isinstance(self.dims.find(matrix[1]), tuple):
                length = self.dims.find(vector[0])
                if not isinstance(length, tuple) and length in (self.dims.find(matrix[0]), self.dims.find(matrix[1])):
                    return True
            if self._row(vector) and self._matrix(matrix):
                length = self.dims.find(vector[1])
                if not isinstance(length, tuple) and length == self.dims.find(matrix[1]):
                    return True
        return False

    def _row(self, shape) -> bool:
        return self.dims.find(shape[0]) == sympy.Integer(1) and self.dims.find(shape[1]) != sympy.Integer(1)

    def _one_by_one(self, shape) -> bool:
        """A shape known to be 1 x 1 (w^T x of two declared vectors): a number where it multiplies."""
        return all(self.dims.find(dimension) == sympy.Integer(1) for dimension in shape)

    def _matrix(self, shape) -> bool:
        """Neither a column nor a row as far as is known."""
        return all(self.dims.find(dimension) != sympy.Integer(1) for dimension in shape)

    def _power_dimensions(self, node: Node, line: int):
        """A^t is A transposed, as the parser reads it, unless t numbers a sequence: then, as for a whole power, A is
        square and so is its power. Only a counter's power makes A square: x^2 of a vector x (its squares, or its
        squared length, loosely) must not make x a 1 x 1."""
        inner = self._dimensions(node.children[0], line) if node.children else None
        if inner is None or self._vector(inner):
            return None
        if node.key == "t" and "t" not in self.counters:
            return (inner[1], inner[0])
        if node.key in self.counters:
            self._join((inner[0],), (inner[1],), line, f"{_shown(node)} (a power of a matrix)", _keys(node))
            return inner
        square = node.key.isdigit() and self.dims.find(inner[0]) == self.dims.find(inner[1])
        return inner if square else None

    def _vector(self, shape) -> bool:
        return self.dims.find(shape[1]) == sympy.Integer(1)

    def _join(self, first, second, line: int, what: str, names: tuple = ()) -> None:
        if first is None or second is None:
            return
        for a, b in zip(first, second):
            conflict = self.dims.union(a, b)
            if conflict:
                self.findings.append(Finding(line, f"{what}: shapes {self._shown_shape(first)} and {self._shown_shape(second)} do not match", names))
                return

    def _size(self, dimension) -> str:
        found = self.dims.find(dimension)
        return "an unknown number of" if isinstance(found, tuple) else str(found)

    def _shown_shape(self, shape) -> str:
        return " x ".join("?" if isinstance(self.dims.find(d), tuple) else str(self.dims.find(d)) for d in shape)

    def _result(self) -> Shapes:
        sizes: dict = {}
        arrays = {}
        for key, kind in self.kind.items():
            if kind != "array":
                continue
            rows, columns = self._shape_of(key)
            if key not in self.declared and self.why.get(key, (0, ""))[1] in _BY_COMPANY and self._one_by_one((rows, columns)):
                continue  # b in z = w^T x + b: an array only by what it stands beside, and that is 1 x 1: a number
            arrays[key] = tuple(self._concrete(d, sizes) for d in (rows, columns))
        findings = [replace(f, names=tuple(key for key in f.names if self.kind.get(key) == "array"))  # the arrays it involves
                    for f in {(f.line, f.text): f for f in self.findings}.values()]
        return Shapes(arrays, findings, dict(self.why))

    def _concrete(self, dimension, sizes: dict):
        found = self.dims.find(dimension)
        if not isinstance(found, tuple):
            return found
        if found not in sizes:
            sizes[found] = sympy.Symbol(f"n_{len(sizes) + 1}", integer=True, positive=True)
        return sizes[found]


_BY_COMPANY = ("added to a vector or matrix", "equal to a vector or matrix")  # the weakest evidence: where a name stands


def _inner_product(node: Node) -> bool:
    """w^T x, (x - mu)^T A (x - mu): a row (a transposed lowercase name or group of them) times a column at the
    right end is a number, whatever stands between (the convention that makes lowercase names column vectors)."""
    first, last = node.children[0], node.children[-1]
    row = first.kind == "transpose" and first.children and _lowercase(first.children[0])
    return bool(row) and last.kind != "transpose" and _lowercase(last) and not {"hadamard", "outer"} & set(node.ops)


def _row_times_column(row: Node, column: Node) -> bool:
    """x^T y of two lowercase names, the row a name transposed: a number by the convention that lowercase names are
    columns (in e^T e (A - I) the convention holds before it is applied to every name at the end)."""
    return row.kind == "transpose" and bool(row.children) and row.children[0].kind == "name" and _lowercase(row.children[0]) \
        and column.kind == "name" and _lowercase(column)


def _untransposed(node: Node) -> Node:
    return node.children[0] if node.kind == "transpose" and node.children else node


def _lowercase(node: Node) -> bool:
    """A lowercase name, or a group of sums of them ((x - mu)): a column vector by convention, never a matrix."""
    if node.kind == "name":
        return not node.capital
    if node.kind == "group" and node.children:
        names = _names_in(node.children[0])
        return bool(names) and all(not name.capital for name in names) and node.children[0].kind in ("name", "sum")
    return False


def _terms(node: Node) -> list[Node]:
    """The terms a group's content adds (itself when it is no sum): x and m of (x - m)."""
    return node.children if node.kind == "sum" else [node]


def _keys(*nodes: Node) -> tuple:
    return tuple(sorted({name.key for node in nodes for name in _names_in(node)}))


def _names_in(node: Node) -> list[Node]:
    found = [node] if node.kind == "name" else []
    for child in node.children:
        found += _names_in(child)
    return found


def _shown(node: Node) -> str:
    if node.kind == "name":
        return node.key
    if node.kind == "product":
        return "".join(_shown(child) for child in node.children)
    if node.kind == "transpose":
        return _shown(node.children[0]) + "^T"
    if node.kind == "group":
        return "(" + _shown(node.children[0]) + ")"
    return "the " + node.kind


def _only_name(node: Node) -> Node | None:
    """(z) or ((z)): the one name a group holds, else None."""
    while node.kind == "group" and node.children:
        node = node.children[0]
    return node if node.kind == "name" else None
