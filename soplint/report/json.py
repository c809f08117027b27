"""``check --format json``: the result exactly as shared/spec/cli.md shows it
(``versi``, ``berkas`` with ``sop`` and ``temuan``, ``ringkasan``); the shape
is described by ``soplint/schema/check-result.schema.json``."""
from __future__ import annotations

import json as _json


def format_json(result, options=None) -> str:
    return _json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
