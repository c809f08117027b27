"""Every sample .docx reads into exactly its oracle model.

The samples and their oracles are produced by ``samples/make_samples.py``
from one source (the oracle is the model the document was rendered from, not
a recording of the reader's output). Equality is on ``to_dict`` with
``sumber.berkas`` reduced to the file name and every ``lokasi`` key left out
(locations are checked to be present for steps and unplaced texts instead);
``tak_terpetakan`` is compared as a multiset of texts.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from soplint import model as m

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ORACLES = SAMPLES / ".oracle"
DOCS = sorted(SAMPLES.glob("*.docx"))


def _strip_lokasi(obj):
    if isinstance(obj, dict):
        return {k: _strip_lokasi(v) for k, v in obj.items() if k != "lokasi"}
    if isinstance(obj, list):
        return [_strip_lokasi(v) for v in obj]
    return obj


def comparable(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["sumber"]["berkas"] = Path(data["sumber"]["berkas"]).name
    # what the reader measures about its reading is checked apart (below)
    data["sumber"].pop("jenis_dokumen", None)
    data["sumber"].pop("pembacaan", None)
    # the source logo's part name (for the converter) is checked in test_writer_docx
    data["sumber"].pop("logo", None)
    data["tak_terpetakan"] = sorted(t["teks"] for t in data.get("tak_terpetakan", []))
    return _strip_lokasi(data)


def differences(exp, got, path=""):
    """Readable list of 'path: expected ... got ...' lines."""
    out = []
    if isinstance(exp, dict) and isinstance(got, dict):
        for k in list(exp) + [k for k in got if k not in exp]:
            if k not in got:
                out.append(f"{path}.{k}: missing (expected {exp[k]!r})")
            elif k not in exp:
                out.append(f"{path}.{k}: unexpected {got[k]!r}")
            else:
                out += differences(exp[k], got[k], f"{path}.{k}")
    elif isinstance(exp, list) and isinstance(got, list) and len(exp) == len(got):
        for i, (a, b) in enumerate(zip(exp, got)):
            out += differences(a, b, f"{path}[{i}]")
    elif exp != got:
        out.append(f"{path}: expected {exp!r}, got {got!r}")
    return out


def oracle(doc: Path) -> list:
    return json.loads((ORACLES / f"{doc.stem}.expected.json").read_text("utf-8"))


def test_there_are_enough_samples():
    assert len(DOCS) >= 12
    for doc in DOCS:
        assert (ORACLES / f"{doc.stem}.expected.json").is_file(), doc.name
        assert (ORACLES / f"{doc.stem}.defects.json").is_file(), doc.name


@pytest.mark.parametrize("doc", DOCS, ids=[d.stem for d in DOCS])
def test_oracle_is_a_valid_model(doc):
    for item in oracle(doc):
        m.validate(item)
        assert item["sumber"]["berkas"] == doc.name


def test_oracles_are_what_the_generator_makes(tmp_path):
    """The committed oracles/defects are exactly what make_samples.py builds
    today (so a change to the script without regenerating is caught)."""
    sys.path.insert(0, str(SAMPLES))
    try:
        import make_samples
    finally:
        sys.path.remove(str(SAMPLES))
    made = make_samples.build(tmp_path)
    lo = ["lo-" + name for name in make_samples.LIBREOFFICE]
    assert sorted(name for name, _, _ in made) + lo == sorted(d.stem for d in DOCS if not d.stem.startswith("lo-")) + lo
    assert sorted(d.stem for d in DOCS if d.stem.startswith("lo-")) == sorted(lo)
    for name, _, _ in made:
        for kind in ("expected", "defects"):
            fresh = json.loads((tmp_path / ".oracle" / f"{name}.{kind}.json").read_text("utf-8"))
            kept = json.loads((ORACLES / f"{name}.{kind}.json").read_text("utf-8"))
            assert fresh == kept, f"{name}.{kind}.json is stale: run python samples/make_samples.py"
    # the LibreOffice re-saves (made with --libreoffice) keep their source's oracle
    for name in make_samples.LIBREOFFICE:
        fresh = json.loads((tmp_path / ".oracle" / f"{name}.expected.json").read_text("utf-8"))
        kept = json.loads((ORACLES / f"lo-{name}.expected.json").read_text("utf-8"))
        assert make_samples.libreoffice_oracle(fresh, f"lo-{name}.docx") == kept, \
            f"lo-{name}: stale, run python samples/make_samples.py --libreoffice"


@pytest.mark.parametrize("doc", DOCS, ids=[d.stem for d in DOCS])
def test_sample_reads_as_its_oracle(doc):
    from soplint.readers import read_path

    got = [m.to_dict(s) for s in read_path(doc)]
    exp = oracle(doc)
    assert len(got) == len(exp), f"{doc.name}: {len(got)} SOPs read, {len(exp)} expected"
    problems = []
    for i, (g, e) in enumerate(zip(got, exp)):
        for k in g["kegiatan"]:
            assert re.fullmatch(r"tabel \d+, baris \d+|paragraf \d+", k.get("lokasi") or ""), \
                f"{doc.name} SOP {i} step {k['no']}: lokasi {k.get('lokasi')!r}"
        for t in g["tak_terpetakan"]:
            assert t["lokasi"], f"{doc.name} SOP {i}: unplaced {t['teks']!r} without lokasi"
        problems += [f"SOP {i}{line}" for line in differences(comparable(e), comparable(g))]
        # every sample is an SOP AP, read with its confidence
        assert g["sumber"]["jenis_dokumen"]["jenis"] in ("sop_ap", "sop_ap_draf"), (doc.name, g["sumber"])
        assert g["sumber"]["pembacaan"]["tingkat"] in ("tinggi", "sedang"), (doc.name, g["sumber"])
    assert not problems, f"{doc.name}:\n  " + "\n  ".join(problems)


def test_cli_converts_the_samples_folder(tmp_path):
    """The README's first command: one schema-valid JSON per SOP."""
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "soplint", "convert", str(SAMPLES), "--to", "json", "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    written = sorted(out.rglob("*.json"))
    expected_count = sum(len(oracle(d)) for d in DOCS)
    assert len(written) == expected_count, [p.name for p in written]
    for path in written:
        data = json.loads(path.read_text("utf-8"))
        assert m.validation_errors(data) == [], path.name
    # a buku SOP gives numbered outputs, in document order
    buku = [d for d in DOCS if len(oracle(d)) > 1]
    for d in buku:
        for i, exp in enumerate(oracle(d), 1):
            data = json.loads((out / f"{d.stem}-{i:02d}.json").read_text("utf-8"))
            assert data["identitas"]["nama_sop"] == exp["identitas"]["nama_sop"]


def test_seeded_defects_name_real_rules_and_steps():
    from click.testing import CliRunner

    from soplint.cli import cli

    res = CliRunner().invoke(cli, ["rules"])
    assert res.exit_code == 0, res.output
    codes = {line.split()[0] for line in res.output.splitlines() if line.strip()}
    for doc in DOCS:
        sops = oracle(doc)
        for d in json.loads((ORACLES / f"{doc.stem}.defects.json").read_text("utf-8")):
            assert d["code"] in codes, (doc.name, d)
            assert 0 <= d["indeks"] < len(sops), (doc.name, d)
            if d["kegiatan"] is not None:
                assert d["kegiatan"] in [k["no"] for k in sops[d["indeks"]]["kegiatan"]], (doc.name, d)


def test_seeded_defects_are_reported(tmp_path):
    """Every defect seeded in a sample is found by `soplint check` (same
    code, SOP, and step or field)."""
    out = tmp_path / "check.json"
    res = subprocess.run([sys.executable, "-m", "soplint", "check", str(SAMPLES), "--format", "json",
                          "--fail-on", "never", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    report = json.loads(out.read_text("utf-8"))
    found = {Path(b["berkas"]).stem: b["temuan"] for b in report["berkas"]}
    missing = []
    for doc in DOCS:
        for d in json.loads((ORACLES / f"{doc.stem}.defects.json").read_text("utf-8")):
            hits = [t for t in found.get(doc.stem, [])
                    if t["code"] == d["code"] and t.get("indeks", 0) == d["indeks"]
                    and (d["kegiatan"] is None or t.get("kegiatan") == d["kegiatan"])
                    and (d["field"] is None or (t.get("field") or "").split(".")[0] == d["field"].split(".")[0])]
            if not hits:
                missing.append(f"{doc.name}: {d}")
    assert not missing, "seeded defects not reported:\n  " + "\n  ".join(missing)


def test_reading_warns_nothing():
    """Reading the samples and the unseen documents raises no warning (a
    warning from soplint's own code, such as lxml's element truth test, would
    be printed to every user; where the reader keeps going after an
    exception, as for the logo, an error filter alone would not show it)."""
    import warnings

    from soplint.readers.docx import read

    files = sorted(SAMPLES.glob("*.docx")) + sorted((ROOT / "tests" / "unseen" / "files").glob("*.docx"))
    assert len(files) > 40
    for f in files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            read(f)
        assert not caught, (f.name, [f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught])
