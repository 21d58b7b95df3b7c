"""derivs: exact checking of deep-learning maths homework."""

from .discovery import LoadError, UnknownProblem, get_problem, load_problems
from .model import Claim, Derivation, Index, Integer, Matrix, Note, Part, Problem, Scalar, Size, Vector
from .verify import CheckOptions, CheckReport, ClaimResult, Status, check_problems, verify_claim, verify_problem

__all__ = [
    "CheckOptions",
    "CheckReport",
    "Claim",
    "ClaimResult",
    "Derivation",
    "Index",
    "Integer",
    "LoadError",
    "Matrix",
    "Note",
    "Part",
    "Problem",
    "Scalar",
    "Size",
    "Status",
    "UnknownProblem",
    "Vector",
    "check_problems",
    "get_problem",
    "load_problems",
    "verify_claim",
    "verify_problem",
]
