"""``check --format json``: the result exactly as shared/spec/cli.md shows it
(``versi``, ``berkas`` with ``sop`` and ``temuan``, ``ringkasan``); the shape
is described by ``soplint/schema/check-result.schema.json``. Written file by
file (:func:`iter_json`), so a batch of thousands of files is never held as
one text."""
from __future__ import annotations


def iter_json(result, options=None):
    from soplint.report.formats import json_pieces, list_marker

    envelope = {"versi": 1, "berkas": list_marker(0), "ringkasan": result.counts()}
    return json_pieces(envelope, {0: (f.to_dict() for f in result.berkas)})
