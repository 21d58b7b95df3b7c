"""derivs: exact checking of deep-learning maths homework."""

from .compare import compare
from .derivation import DerivationReport, check_derivation
from .discovery import LoadError, UnknownProblem, get_problem, load_problems
from .grading import GradeResult, UnknownTarget, grade
from .lexer import LatexError
from .model import Claim, Derivation, Index, Integer, Matrix, Mistake, Note, Part, Problem, Scalar, Size, Table, Vector, WriteUp, rounding
from .parsing import Reading, read_answer
from .verify import CheckOptions, CheckReport, ClaimResult, Status, check_problems, verify_claim, verify_problem

__all__ = [
    "CheckOptions",
    "CheckReport",
    "Claim",
    "ClaimResult",
    "Derivation",
    "DerivationReport",
    "GradeResult",
    "Index",
    "Integer",
    "LatexError",
    "LoadError",
    "Matrix",
    "Mistake",
    "Note",
    "Part",
    "Problem",
    "Reading",
    "Scalar",
    "Size",
    "Status",
    "Table",
    "UnknownProblem",
    "UnknownTarget",
    "Vector",
    "WriteUp",
    "check_derivation",
    "check_problems",
    "compare",
    "get_problem",
    "grade",
    "load_problems",
    "read_answer",
    "rounding",
    "verify_claim",
    "verify_problem",
]
