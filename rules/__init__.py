"""soplint's built-in rules (installed as the package ``soplint_rules``).

They register through the entry point group ``soplint`` exactly like a
third-party plugin; the core imports none of them.
"""
