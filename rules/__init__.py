"""soplint's built-in rules (installed as the package ``soplint_rules``).

They register through the entry point group ``soplint`` (``builtin_rules =
soplint_rules``) and the ``soplint_rules`` hook exactly like a third-party
plugin; the core imports none of them.

One module per rule family (or part of one):
  identitas.py           ID01-ID05  identity section, detail lists and dates
  nomor_pengesahan.py    ID06-ID07  the SOP number and the signing block
  dasar_hukum.py         ID08-ID09  the Dasar Hukum list
  prosedur.py            PR01-PR09  procedure table
  prosedur_kolom.py      PR10-PR12  its size and unused actor columns
  alur.py                FL01-FL04  flowchart
  redundansi.py          RD01-RD03  redundant steps
  redundansi_dokumen.py  RD04-RD05  redundant documents (across the run)
  dokumen.py             DK01-DK04  the file itself
Data files (user-extendable from the configuration) are in ``data/``.
"""
from __future__ import annotations

import importlib

from soplint.hookspec import hookimpl

FAMILIES = ("identitas", "nomor_pengesahan", "dasar_hukum", "prosedur", "prosedur_kolom", "alur", "redundansi",
            "redundansi_dokumen", "dokumen")


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
