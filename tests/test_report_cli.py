"""End to end through ``soplint check``: every report format on real .docx
files (built here and the shipped samples), and ``--annotate``."""
import hashlib
import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import docx
import jsonschema
from click.testing import CliRunner
from lxml import etree
from test_report_annotate import build_docx, comment_places
from test_report_formats import _URI_CHARS, CHECK_SCHEMA, SARIF_SCHEMA, _Collector

from soplint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _inputs(tmp_path):
    d = tmp_path / "in"
    build_docx(d / "surat masuk.docx")
    build_docx(d / "sub" / "buku.docx", sops=2)
    (d / "rusak.docx").write_bytes(b"PK\x03\x04 bukan zip yang utuh")
    return d


def _check(*args):
    res = CliRunner().invoke(cli, ["check", *map(str, args)], catch_exceptions=False)
    assert res.exit_code in (0, 1), (res.exit_code, res.output)
    return res


def _json(*args):
    res = _check(*args, "--format", "json")
    return json.loads(res.stdout), res


def test_every_format_through_check(tmp_path):
    src = _inputs(tmp_path)
    data, res = _json(src)
    schema = json.loads(CHECK_SCHEMA.read_text("utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert res.exit_code == 1
    files = {Path(f["berkas"]).name: f for f in data["berkas"]}
    assert [t["code"] for t in files["rusak.docx"]["temuan"]] == ["DK01"]
    assert len(files["buku.docx"]["sop"]) == 2
    codes = {t["code"] for t in files["surat masuk.docx"]["temuan"]}
    assert {"ID01", "ID04", "ID06", "PR02", "PR05", "PR06"} <= codes
    findings = [t for f in data["berkas"] for t in f["temuan"]]

    # SARIF, written with --output
    out = tmp_path / "r.sarif"
    _check(src, "--format", "sarif", "--output", out)
    sarif = json.loads(out.read_text("utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text("utf-8")), cls=jsonschema.Draft7Validator)
    run = sarif["runs"][0]
    assert len(run["results"]) == len(findings)
    assert [r["ruleId"] for r in run["results"]] == [t["code"] for t in findings]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) >= 30  # the whole loaded catalog, not only the codes that fired
    by_id = {r["id"]: r for r in rules}
    for r in run["results"]:
        desc = by_id[r["ruleId"]]
        assert desc["fullDescription"]["text"] and desc["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert _URI_CHARS.match(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])

    # JUnit
    res = _check(src, "--format", "junit")
    root = etree.fromstring(res.stdout.encode("utf-8"))
    suites = root.findall("testsuite")
    assert len(suites) == len(data["berkas"])
    # failures at or above --fail-on (error); the other findings as system-out
    assert len(list(root.iter("failure"))) == sum(t["severity"] == "error" for t in findings)
    assert len(list(root.iter("failure"))) + sum(x.text.count("\n\n") + 1 for x in root.iter("system-out")) \
        == len(findings)
    res = _check(src, "--format", "junit", "--fail-on", "info")
    assert len(list(etree.fromstring(res.stdout.encode("utf-8")).iter("failure"))) == len(findings)
    for suite, f in zip(suites, data["berkas"]):
        assert suite.get("name") == f["berkas"]
        assert int(suite.get("tests")) == max(1, len(f["sop"]))

    # HTML, in English
    out = tmp_path / "r.html"
    _check(src, "--format", "html", "--output", out, "--lang", "en")
    text = out.read_text("utf-8")
    c = _Collector()
    c.feed(text)
    assert c.scripts == 0 and all(r.startswith("#") for r in c.refs)
    page = " ".join("".join(c.text).split())
    assert "Summary" in page
    en, _ = _json(src, "--lang", "en")
    for f in en["berkas"]:
        for t in f["temuan"]:
            assert " ".join(t["message"].split()) in page


def _lokasi(lokasi):
    out = {}
    for key in ("tabel", "baris", "paragraf"):
        m = re.search(rf"\b{key}\s+(\d+)", lokasi or "")
        if m:
            out[key] = int(m.group(1))
    return out


def _assert_annotated(data, ann_dir, base):
    """Each readable file has a copy with one comment per finding, in finding
    order, each anchored where its lokasi says."""
    total = 0
    for f in data["berkas"]:
        rel = Path(f["berkas"]).relative_to(base)
        copy = ann_dir / rel
        if not f["sop"]:
            assert not copy.exists()
            continue
        # comments already in the document (a reviewer's) are kept; ours come after them
        comments = sorted((c for c in docx.Document(str(copy)).comments if c.author == "soplint"),
                          key=lambda c: c.comment_id)
        places = comment_places(copy)
        queue = list(comments)
        pairs = []
        for t in f["temuan"]:
            if not t.get("butir"):
                pairs.append((queue.pop(0), t))
                continue
            # a finding gathering unplaced texts: at most one comment per block
            # of them, each quoting its block
            mine = [c for c in queue if c.text.startswith(f"[{t['code']} {t['name']}] ")]
            mine = mine[:len(t["butir"])]
            assert 1 <= len(mine) <= len(t["butir"])
            for c in mine:
                queue.remove(c)
                assert any(b["teks"][:60] in c.text for b in t["butir"]), c.text
        assert not queue, copy
        for c, t in pairs:
            assert c.text == f"[{t['code']} {t['name']}] {t['message']}"
            text, place = places[str(c.comment_id)]
            where = _lokasi(t["lokasi"])
            if "tabel" in where and "baris" in where:
                assert place[:3] == ("tabel", where["tabel"], where["baris"]), (t, place)
            elif "paragraf" in where and "tabel" not in where and not t["teks"]:
                assert place == ("paragraf", where["paragraf"]), (t, place)
            elif "tabel" in where:
                assert place[:2] == ("tabel", where["tabel"]), (t, place)
        total += len(comments)
    return total


def test_annotate_through_check(tmp_path):
    src = _inputs(tmp_path)
    before = {p: sha(p) for p in src.rglob("*.docx")}
    ann = tmp_path / "ann"
    data, res = _json(src, "--annotate", ann)
    assert {p: sha(p) for p in src.rglob("*.docx")} == before
    assert sorted(p.relative_to(ann).as_posix() for p in ann.rglob("*.docx")) == ["sub/buku.docx",
                                                                                  "surat masuk.docx"]
    assert "rusak.docx" in res.stderr
    total = _assert_annotated(data, ann, src)
    # one comment per finding; DK02 one per block of unplaced text
    assert total >= sum(len(f["temuan"]) for f in data["berkas"] if f["sop"])

    # the places a reviewer would look for, in the built document
    f = next(x for x in data["berkas"] if x["berkas"].endswith("surat masuk.docx"))
    copy = ann / "surat masuk.docx"
    comments = sorted(docx.Document(str(copy)).comments, key=lambda c: c.comment_id)
    places = comment_places(copy)
    got = {}
    for c, t in zip(comments, f["temuan"]):
        got.setdefault(t["code"], places[str(c.comment_id)])
    assert got["ID06"] == ("065/ /2014", ("tabel", 1, 1, 3))  # the Nomor SOP value
    assert got["ID04"] == ("Maret 2014", ("tabel", 1, 4, 3))  # the Tanggal Efektif value
    assert got["PR06"] == ("segera", ("tabel", 3, 4, 6))  # the Waktu cell of step 2
    assert got["PR05"] == ("", ("tabel", 3, 5, 6))  # the empty Waktu cell of step 3
    assert got["ID01"] == ("Pelayanan Administrasi Surat Masuk", ("tabel", 1, 6, 3))  # absent item: title

    # the message language follows --lang
    ann_en = tmp_path / "ann-en"
    en, _ = _json(src / "surat masuk.docx", "--annotate", ann_en, "--lang", "en")
    texts = sorted(docx.Document(str(ann_en / "surat masuk.docx")).comments, key=lambda c: c.comment_id)
    want = [f"[{t['code']} {t['name']}] {t['message']}" for t in en["berkas"][0]["temuan"]]
    got_texts = [c.text for c in texts]
    assert [x for x in got_texts if not x.startswith("[DK02")] == [x for x in want if not x.startswith("[DK02")]
    assert all(x.startswith("[DK02 konten-tak-terpetakan] Text not placed") for x in got_texts
               if x.startswith("[DK02"))
    assert en["berkas"][0]["temuan"][0]["message"] != f["temuan"][0]["message"]


def test_annotate_never_overwrites_an_input(tmp_path):
    src = tmp_path / "in"
    build_docx(src / "a.docx")
    before = sha(src / "a.docx")
    res = CliRunner().invoke(cli, ["check", str(src), "--format", "json", "--annotate", str(src)])
    assert sha(src / "a.docx") == before
    assert "a.docx" in res.stderr
    assert sorted(p.name for p in src.iterdir()) == ["a.docx"]
    assert res.exit_code == 2  # nothing could be written: a usage error
    assert json.loads(res.stdout)["berkas"]  # the report itself is still written


def test_annotated_samples_open_in_libreoffice(tmp_path, soffice):
    """The shipped samples plus a built document: annotated copies carry one
    comment per finding at their lokasi, and LibreOffice converts them all."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.py", "*.json", "*.yaml", "__pycache__"))
    build_docx(src / "dibangun.docx", sops=2, with_comment=True)
    before = {p: sha(p) for p in src.rglob("*.docx")}
    ann = tmp_path / "ann"
    data, res = _json(src, "--annotate", ann)
    assert {p: sha(p) for p in src.rglob("*.docx")} == before
    copies = sorted(ann.rglob("*.docx"))
    assert len(copies) == len([f for f in data["berkas"] if f["sop"]]) >= 10
    built = next(f for f in data["berkas"] if f["berkas"].endswith("dibangun.docx"))
    # the reviewer's comment already in the document is kept beside ours
    comments = list(docx.Document(str(ann / "dibangun.docx")).comments)
    assert len(comments) == len(built["temuan"]) + 1
    assert sum(c.author == "soplint" for c in comments) == len(built["temuan"])
    _assert_annotated({"berkas": [f for f in data["berkas"] if not f["berkas"].endswith("dibangun.docx")]},
                      ann, src)
    # PDF of the built document and of the four samples with the most comments
    # (one LibreOffice start; the whole folder would only cost time)
    counts = {ann / Path(f["berkas"]).relative_to(src): len(f["temuan"]) for f in data["berkas"] if f["sop"]}
    chosen = [ann / "dibangun.docx"] + sorted((c for c in copies if c.name != "dibangun.docx"),
                                               key=lambda c: -counts[c])[:4]
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    pdf = tmp_path / "pdf"
    proc = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(pdf), *map(str, chosen)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for c in chosen:
        out = pdf / (c.stem + ".pdf")
        assert out.exists() and out.read_bytes().startswith(b"%PDF"), (c, proc.stdout, proc.stderr)
