"""Read models back from their JSON or YAML form (one model or a list)."""
from __future__ import annotations

import json
from pathlib import Path

from soplint.errors import UnreadableFile, out_of_memory
from soplint.model import SOP, ModelError, from_dict


def read(path: Path, options: dict | None = None) -> list[SOP]:
    try:
        text = Path(path).read_text("utf-8")
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (UnicodeDecodeError, ValueError, OSError) as exc:
        raise UnreadableFile("damaged", "Berkas model tidak dapat dibaca: {e}",
                             "Model file cannot be read: {e}", e=exc) from None
    except Exception as exc:  # yaml.YAMLError and friends
        if out_of_memory(exc):  # the batch names its memory limit
            raise MemoryError(str(exc)) from None
        raise UnreadableFile("damaged", "Berkas model tidak dapat dibaca: {e}",
                             "Model file cannot be read: {e}", e=exc) from None
    items = data if isinstance(data, list) else [data]
    out = []
    for i, item in enumerate(items):
        try:
            out.append(from_dict(item))
        except ModelError as exc:
            raise UnreadableFile("invalid-model", "{e}", "{e}", e=exc) from None
    return out
