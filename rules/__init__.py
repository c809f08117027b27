"""soplint's built-in rules (installed as the package ``soplint_rules``).

They register through the entry point group ``soplint`` (``builtin_rules =
soplint_rules``) and the ``soplint_rules`` hook exactly like a third-party
plugin; the core imports none of them.

One module per rule family:
  identitas.py   ID01-ID09  identity section and detail lists
  prosedur.py    PR01-PR12  procedure table
  alur.py        FL01-FL04  flowchart
  redundansi.py  RD01-RD05  redundant steps and documents
  dokumen.py     DK01-DK04  the file itself
Data files (user-extendable from the configuration) are in ``data/``.
"""
from __future__ import annotations

import importlib

from soplint.hookspec import hookimpl

FAMILIES = ("identitas", "prosedur", "alur", "redundansi", "dokumen")


@hookimpl
def soplint_rules():
    out = []
    for family in FAMILIES:
        try:
            module = importlib.import_module(f"soplint_rules.{family}")
        except Exception as exc:  # one broken family must not take the others down
            import sys

            from soplint.i18n import tr

            sys.stderr.write(tr("Aturan bawaan {f} tidak dapat dimuat dan dilewati: {e}\n",
                                "Built-in rules {f} could not be loaded and were skipped: {e}\n",
                                f=family, e=f"{type(exc).__name__}: {exc}"))
            continue
        out.extend(module.RULES)
    return out
