"""derivs: exact checking of deep-learning maths homework."""

from importlib import import_module

from .compare import compare  # eagerly: the submodule derivs.compare would otherwise shadow the function of its name

# Names of the public API, by the module that defines each. Imported on first use (PEP 562), so a command
# imports only what it needs: `derivs grade` never loads the write-up reader, `derivs check` never the grader.
_PUBLIC = {
    "DerivationReport": "derivation", "check_derivation": "derivation",
    "LoadError": "discovery", "UnknownProblem": "discovery", "get_problem": "discovery", "load_problems": "discovery",
    "GradeResult": "grading", "UnknownTarget": "grading", "grade": "grading", "LatexError": "lexer",
    **{name: "model" for name in ("Choice", "Claim", "Constraint", "Decimal", "Derivation", "Index", "Integer", "Matrix", "Mistake", "Note",
                                  "Part", "Problem", "Scalar", "Size", "Table", "Variants", "Vector", "Whole", "WriteUp", "rounding")},
    "Reading": "parsing", "read_answer": "parsing",
    **{name: "variants" for name in ("VariantError", "student_seed", "variant")},
    **{name: "verify" for name in ("CheckOptions", "CheckReport", "ClaimResult", "Status", "check_problems", "check_selection", "verify_claim", "verify_problem")},
}


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'derivs' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once
    return value


__all__ = [
    "CheckOptions",
    "CheckReport",
    "Choice",
    "Claim",
    "ClaimResult",
    "Constraint",
    "Decimal",
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
    "VariantError",
    "Variants",
    "Vector",
    "Whole",
    "WriteUp",
    "check_derivation",
    "check_problems",
    "check_selection",
    "compare",
    "get_problem",
    "grade",
    "load_problems",
    "read_answer",
    "rounding",
    "student_seed",
    "variant",
    "verify_claim",
    "verify_problem",
]
