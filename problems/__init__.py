"""The bundled homework problems: one module per claim family, each defining PROBLEM."""
