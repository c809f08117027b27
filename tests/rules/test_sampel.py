"""Each sample in samples/, checked on its own, yields exactly its seeded defects (oracle beside
it, samples/.oracle/NAME.defects.json) as errors and warnings: nothing
seeded is missed and nothing else is reported at those levels (info
findings -- suggestions and unplaced text -- are not counted)."""
import json
from pathlib import Path

import pytest
from _sopkit import run_cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ORACLES = SAMPLES / ".oracle"


def _key(t):
    return (t["code"], t.get("indeks") or 0, t.get("kegiatan"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Each sample checked on its own (some samples are copies of others, which
    the cross-document rules would rightly report when checked together)."""
    docs = sorted(SAMPLES.glob("*.docx"))
    if not docs or not ORACLES.is_dir():
        pytest.skip("no samples")
    out_dir = tmp_path_factory.mktemp("sampel")
    found = {}
    for doc in docs:
        out = out_dir / f"{doc.stem}.json"
        code, text = run_cli(["check", doc, "--format", "json", "--fail-on", "never", "-o", out])
        assert code == 0, text
        found[doc.stem] = json.loads(out.read_text("utf-8"))["berkas"][0]["temuan"]
    return found


def test_samples_yield_exactly_their_seeded_defects(report):
    problems = []
    for stem, found in sorted(report.items()):
        path = ORACLES / f"{stem}.defects.json"
        if not path.is_file():
            continue
        seeded = json.loads(path.read_text("utf-8"))
        want = {(d["code"], d["indeks"], d["kegiatan"]) for d in seeded}
        want_codes = {(d["code"], d["indeks"]) for d in seeded if d["kegiatan"] is None}
        got = {_key(t) for t in found}
        for d in seeded:
            k = (d["code"], d["indeks"], d["kegiatan"])
            if d["kegiatan"] is None:
                if not any(g[:2] == k[:2] for g in got):
                    problems.append(f"{stem}: missed {k}")
            elif k not in got:
                problems.append(f"{stem}: missed {k}")
        for t in found:
            if t["severity"] == "info":
                continue
            k = _key(t)
            if k not in want and k[:2] not in want_codes:
                problems.append(f"{stem}: unexpected {t['code']} {t['severity']} (SOP {k[1]}, step {k[2]}): "
                                f"{t['message']}")
    assert not problems, "\n".join(problems)
