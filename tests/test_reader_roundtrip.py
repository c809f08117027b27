"""The reader reads back what soplint's own standard-template writer writes:
for every sample model, write -> read gives the writer's canonical model
(identity, lists, actors, every step with its symbol, actor, times and
branches), and the writer's "Catatan konversi" comes back as tak_terpetakan."""
import json
from pathlib import Path

import pytest

from soplint.model import from_dict, to_dict
from soplint.readers.docx import read

ORACLES = sorted((Path(__file__).resolve().parent.parent / "samples" / ".oracle").glob("*.expected.json"))
MODELS = [(p.name.split(".")[0], i, d) for p in ORACLES for i, d in enumerate(json.loads(p.read_text("utf-8")))]


def _strip(obj):
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items() if k not in ("lokasi", "sumber", "tak_terpetakan")}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


@pytest.mark.skipif(not MODELS, reason="no sample models")
@pytest.mark.parametrize("name,i,data", MODELS, ids=[f"{n}-{i}" for n, i, _ in MODELS])
def test_writer_output_reads_back(tmp_path, name, i, data):
    from soplint.writers.docx import write
    from writer_oracle import canonical

    out = tmp_path / f"{name}-{i}.docx"
    write(from_dict(data), out, {"lampiran": True})  # leftovers as the appendix: read back too
    [got] = read(out)
    expected = to_dict(canonical(from_dict(data), {"lampiran": True}))
    assert _strip(to_dict(got)) == _strip(expected)
    assert [(t.teks, str(t.lokasi)) for t in got.tak_terpetakan] == [(t["teks"], t["lokasi"]) for t in data["tak_terpetakan"]]
