"""Is one matrix expression another? For callers that hold two sympy expressions and the shapes of their names (the
write-up checker's matrix steps, `compare --var W=matrix(m,n)`), without a problem module.

Shapes first: a sum, product or entrywise product whose operands do not fit, or two sides of different shapes, is
decided "different" with a note naming the shapes ("W x has shape m x 1 but b has n x 1"). Then the grader's own
decision: values at random entries for several sizes of every size symbol (never only square, never one size), a
symbolic proof where sympy's matrix expressions (or index calculus on a symbolic entry) reach.
"""

from __future__ import annotations

import sympy

from .equivalence import Decision, decide
from .matrices import check_shapes, is_matrix, shape_text
from .model import Matrix, Problem, Scalar, Size

SIZE_CHOICES = (2, 3, 4)  # every size symbol runs through these, the others offset, so shapes are square and not


def matrix_problem(*exprs, sizes=SIZE_CHOICES) -> Problem:
    """An ad-hoc problem whose variables are the expressions' matrices (entries in [-2, 2]), the size symbols of their
    shapes, and every other symbol as a real number."""
    matrices = sorted({m for e in exprs if isinstance(e, sympy.Basic) for m in e.atoms(sympy.MatrixSymbol)}, key=str)
    shape_symbols = sorted({s for m in matrices for n in m.shape for s in sympy.sympify(n).free_symbols}, key=str)
    scalars = sorted({s for e in exprs if isinstance(e, sympy.Basic) for s in e.free_symbols
                      if isinstance(s, sympy.Symbol) and s not in shape_symbols}, key=str)
    variables = (*(Size(s, tuple(sizes)) for s in shape_symbols), *(Matrix(m) for m in matrices), *(Scalar(s) for s in scalars))
    return Problem(id="matrix_equality", title="", statement="", variables=variables, claims=())


def shape_disagreement(left, right) -> str | None:
    """Why the two sides cannot be equal for their shapes alone, or None."""
    for side in (left, right):
        found = check_shapes(side)
        if found:
            return found
    if is_matrix(left) and is_matrix(right) and left.shape != right.shape and not {left.shape, right.shape} <= {(1, 1)}:
        return f"the left side has shape {shape_text(left)} but the right side has {shape_text(right)}"
    return None


def decide_matrix_equality(left, right, budget: float = 2.0, seed: int = 2026, proof_budget: float | None = None) -> Decision:
    """left == right for every size and every value of the matrices in them (their shapes are the MatrixSymbols'
    own, in size symbols): shapes checked first, then the grader's decision. Both sides may use any name."""
    clash = shape_disagreement(left, right)
    if clash:
        return Decision("different", False, "shape", 0.0, note=clash)
    problem = matrix_problem(left, right)
    return decide(problem, left, right, budget=budget, seed=seed, strict=False, proof_budget=proof_budget)


__all__ = ["decide_matrix_equality", "matrix_problem", "shape_disagreement"]
