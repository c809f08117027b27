"""Report formats on hand-built results: JSON against the shipped schema,
SARIF against the SARIF 2.1.0 (subset) schema, JUnit XML counts, the HTML
page (self-contained, escaped, bilingual)."""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

import soplint
from soplint.findings import CheckResult, FileResult, Finding, SopSummary
from soplint.plugins import load_plugins
from soplint.rule import Rule

DATA = Path(__file__).parent / "data"
CHECK_SCHEMA = Path(soplint.__file__).parent / "schema" / "check-result.schema.json"
SARIF_SCHEMA = DATA / "sarif-2.1.0-subset.json"
NASTY = '<script>alert("x")</script> & \'kutip\' \u201cmiring\u201d'


class TanggalContoh(Rule):
    """Tanggal efektif contoh.

    Apa yang diperiksa: tanggal efektif harus lengkap (hari, bulan, tahun)."""

    code = "ID04"
    name = "tanggal-tidak-lengkap"
    severity = "warning"
    summary = ("Tanggal hanya bulan dan tahun", "Date gives only month and year")


def _result():
    a = "in/surat masuk.docx"
    b = "in/buku#2.docx"
    bad = "in/rusak.docx"
    return CheckResult([
        FileResult(a, [SopSummary(0, "Pelayanan <Surat> Masuk", "065/23.c/DKPS/II/2014")], [
            Finding("ID01", "identitas-wajib", "error", "Tanggal Efektif tidak ditemukan", a, 0,
                    "identitas.tanggal_efektif", None, "tabel 1", None),
            Finding("ID04", "tanggal-tidak-lengkap", "warning", "Tanggal hanya bulan dan tahun", a, 0,
                    "identitas.tanggal_pembuatan", None, "tabel 1, baris 2, kolom 3", "Maret 2014"),
            Finding("PR09", "subjek-dalam-uraian", "info", "Uraian diawali pelaksana " + NASTY, a, 0,
                    None, 3, 'tabel 3, baris 5, kolom "Kegiatan"', NASTY),
        ]),
        FileResult(b, [SopSummary(0, "A", None), SopSummary(1, None, "02"), SopSummary(2, "C", "03")], [
            Finding("PR05", "waktu-kosong", "warning", "Kegiatan 2 tanpa waktu", b, 1, "kegiatan.waktu", 2,
                    "tabel 6, baris 4", None),
            Finding("PR05", "waktu-kosong", "warning", "Kegiatan 3 tanpa waktu", b, 1, "kegiatan.waktu", 3,
                    "tabel 6, baris 5", None),
            Finding("RD05", "nomor-duplikat", "error", "Nomor SOP dipakai dua SOP", b, 2,
                    "identitas.nomor_sop", None, None, "03"),
        ]),
        FileResult(bad, [], [Finding("DK01", "berkas-tidak-terbaca", "error", "bukan berkas Word", bad)]),
        FileResult("in/bersih.docx", [SopSummary(0, "Bersih", "9")], []),
    ])


def _formatter(name):
    plugins = load_plugins(entry_points=False)
    fmts = plugins.formatters()
    assert name in fmts, sorted(fmts)
    return fmts[name]


# --------------------------------------------------------------------------- JSON


def test_json_output_validates_against_shipped_schema():
    schema = json.loads(CHECK_SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    result = _result()
    data = json.loads(_formatter("json")(result, {"lang": "id"}))
    data.pop("statistik", None)  # an added key of --statistics, not part of the contract
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["ringkasan"] == {"berkas": 4, "sop": 5, "error": 3, "warning": 3, "info": 1}
    # the schema rejects what the contract forbids
    broken = json.loads(json.dumps(data))
    broken["berkas"][0]["temuan"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)
    broken = json.loads(json.dumps(data))
    del broken["berkas"][0]["temuan"][0]["lokasi"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_spec_example_validates():
    """The example of shared/spec/cli.md itself."""
    schema = json.loads(CHECK_SCHEMA.read_text("utf-8"))
    example = {
        "versi": 1,
        "berkas": [{"berkas": "in/a.docx", "sop": [{"indeks": 0, "nama_sop": "...", "nomor_sop": "..."}],
                    "temuan": [{"code": "ID01", "name": "identitas-wajib", "severity": "error",
                                "message": "Tanggal Efektif tidak ditemukan", "berkas": "in/a.docx", "indeks": 0,
                                "field": "identitas.tanggal_efektif", "kegiatan": None,
                                "lokasi": "tabel 1", "teks": None}]}],
        "ringkasan": {"berkas": 1, "sop": 1, "error": 1, "warning": 0, "info": 0},
    }
    jsonschema.validate(example, schema, cls=jsonschema.Draft202012Validator)


# --------------------------------------------------------------------------- SARIF

_URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


def _sarif(result, **options):
    text = _formatter("sarif")(result, options)
    data = json.loads(text)
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft7Validator,
                        format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return data


def test_sarif_validates_and_maps_every_finding():
    result = _result()
    data = _sarif(result, lang="id")
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "soplint"
    results = run["results"]
    findings = [t for f in result.berkas for t in f.temuan]
    assert len(results) == len(findings)
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert set(ids) == {t.code for t in findings}
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for res, t in zip(results, findings):
        assert res["ruleId"] == t.code
        assert rules[res["ruleIndex"]]["id"] == t.code
        assert res["level"] == levels[t.severity]
        assert res["message"]["text"] == t.message
        loc = res["locations"][0]
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert _URI_CHARS.match(uri), uri
        if t.lokasi:
            assert loc["logicalLocations"][0]["name"] == str(t.lokasi)
            assert str(t.lokasi) in loc["message"]["text"]
        if t.teks:
            assert t.teks in loc["message"]["text"]
    prints = [r["partialFingerprints"]["soplintFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)  # the two PR05 findings differ by step
    again = _sarif(result, lang="en")["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == [r["partialFingerprints"] for r in results]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "in/surat%20masuk.docx" in uris and "in/buku%232.docx" in uris
    assert run["language"] == "id-ID"


def test_sarif_rule_metadata_from_loaded_rules():
    result = _result()
    data = _sarif(result, lang="en", rules={"ID04": TanggalContoh}, statistics=True)
    run = data["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "ID04")
    assert rule["name"] == "tanggal-tidak-lengkap"
    assert rule["shortDescription"]["text"] == "Date gives only month and year"
    assert "tanggal efektif harus lengkap" in rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    # without metadata a rule still has a valid descriptor
    other = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "DK01")
    assert other["name"] == "berkas-tidak-terbaca" and other["shortDescription"]["text"]
    assert run["language"] == "en-US"
    stats = {s["code"]: s["jumlah"] for s in run["properties"]["statistik"]}
    assert stats["PR05"] == 2


def test_sarif_empty_run_is_valid():
    data = _sarif(CheckResult([]))
    assert data["runs"][0]["results"] == []


# --------------------------------------------------------------------------- JUnit


def test_junit_parses_with_right_counts():
    result = _result()
    text = _formatter("junit")(result, {"lang": "en"})
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f.berkas for f in result.berkas]
    # surat masuk: one SOP, 3 findings
    s0 = suites[0]
    assert (s0.get("tests"), s0.get("failures")) == ("1", "1")
    assert len(s0.findall("testcase/failure")) == 3
    # buku: three SOPs, findings on two of them
    s1 = suites[1]
    assert (s1.get("tests"), s1.get("failures")) == ("3", "2")
    cases = s1.findall("testcase")
    assert [len(c.findall("failure")) for c in cases] == [0, 2, 1]
    # unreadable file: one testcase for the file, one failure
    s2 = suites[2]
    assert (s2.get("tests"), s2.get("failures")) == ("1", "1")
    assert s2.find("testcase/failure").get("type") == "DK01"
    # clean file: passes
    assert (suites[3].get("tests"), suites[3].get("failures")) == ("1", "0")
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites)) == "6"
    assert root.get("failures") == "4"
    total = sum(len(f.temuan) for f in result.berkas)
    assert len(list(root.iter("failure"))) == total
    # messages survive escaping intact
    texts = " ".join(f.text for f in root.iter("failure"))
    assert NASTY in texts
    assert "location: table 1, row 2, column 3" in texts  # lokasi read in the report's language


def test_junit_drops_xml_illegal_characters():
    bad = "a.docx"
    result = CheckResult([FileResult(bad, [SopSummary(0, "X\x0bY", None)], [
        Finding("DK02", "konten-tak-terpetakan", "info", "teks\x01aneh", bad, 0, None, None, "paragraf 2",
                "ab\x0ccd")])])
    root = etree.fromstring(_formatter("junit")(result, {}).encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.get("name") == "SOP 1: XY"
    assert "teksaneh" in case.find("failure").get("message")


# --------------------------------------------------------------------------- HTML


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.refs = []
        self.text = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.scripts += 1
        for k, v in attrs:
            if k in ("src", "href", "action", "data", "poster", "srcset") and v is not None:
                self.refs.append(v)

    def handle_data(self, data):
        self.text.append(data)


def _html(result, **options):
    text = _formatter("html")(result, options)
    c = _Collector()
    c.feed(text)
    c.close()
    return text, c


def test_html_is_one_self_contained_page():
    text, c = _html(_result(), lang="id")
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert c.tags.count("html") == 1 and c.tags.count("body") == 1
    assert c.scripts == 0
    # only links inside the page
    assert c.refs and all(r.startswith("#") for r in c.refs), c.refs
    ids = set(re.findall(r'id="([^"]+)"', text))
    assert {r[1:] for r in c.refs} <= ids
    assert "url(" not in text and "@import" not in text and "http://" not in text and "https://" not in text
    assert "<link" not in text and "<img" not in text and "<iframe" not in text


def test_html_escapes_document_text():
    text, c = _html(_result(), lang="id")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    page = "".join(c.text)
    assert NASTY in page  # shown to the reader as written
    assert "Pelayanan <Surat> Masuk" in page


def test_html_summary_and_findings_grouped_by_file_and_sop():
    result = _result()
    text, c = _html(result, lang="id")
    page = " ".join("".join(c.text).split())
    for f in result.berkas:
        assert f.berkas in page
        for t in f.temuan:
            assert t.code in page and t.name in page
            if t.lokasi:
                assert str(t.lokasi) in page
    # the summary row of SOP 2 of "buku#2": 0 error, 2 warnings, 0 info
    row = re.search(r"<tr><td[^>]*>in/buku#2\.docx</td><td[^>]*><a href=\"#b1-s1\">.*?</tr>", text)
    assert row
    counts = re.findall(r'<td class="n[^"]*"[^>]*>(\d+)</td>', row.group(0))
    assert counts == ["0", "2", "0"]
    # severity colours
    assert 'class="sev error"' in text and 'class="sev warning"' in text and 'class="sev info"' in text
    assert "Tidak ada temuan." in page  # the clean file
    assert '<html lang="id">' in text
    assert "Ringkasan" in page and "galat" in page


def test_html_in_english_with_statistics():
    text, c = _html(_result(), lang="en", statistics=True, rules={"ID04": TanggalContoh})
    page = " ".join("".join(c.text).split())
    assert '<html lang="en">' in text
    assert "Summary" in page and "Findings" in page and "No findings." in page
    assert "Findings per rule" in page  # always there now, --statistics or not
    assert "Ringkasan" not in page
    assert 'table 3, row 5, column "Kegiatan"' in page and "tabel 3" not in page
    # the rule's one-line summary, in the page's language, where the rule is known: visible, not a tooltip
    assert "Date gives only month and year" in page
    assert '<span class="explain">Date gives only month and year</span>' in text


def test_indented_json_is_the_standard_librarys_text():
    """report.formats.indented_json against json.dumps(ensure_ascii=False,
    indent=2) over values of every JSON kind, nested, with the characters
    json escapes, and with the line breaks moved in by a prefix."""
    import json
    import random

    from soplint.report.formats import indented_json

    rnd = random.Random(7)
    texts = ["", "a", 'kutip " dan \\ garis', "baris\nbaru\ttab\r\x00\x1f\x7f", "é ñ 日本 \u2028 😀", "ID01"]
    leaves = [None, True, False, 0, -3, 2 ** 70, 1.5, -0.0, 1e16, 3.14159e-300, float("inf"), float("-inf"),
              float("nan")] + texts

    def value(depth):
        kind = rnd.random()
        if depth > 3 or kind < 0.45:
            return rnd.choice(leaves)
        if kind < 0.7:
            return [value(depth + 1) for _ in range(rnd.randrange(0, 4))]
        if kind < 0.8:
            return tuple(value(depth + 1) for _ in range(rnd.randrange(0, 3)))
        keys = texts + [1, 2.5, True, False, None]
        return {rnd.choice(keys): value(depth + 1) for _ in range(rnd.randrange(0, 5))}

    for _ in range(3000):
        v = value(0)
        assert indented_json(v) == json.dumps(v, ensure_ascii=False, indent=2)
        assert indented_json(v, "\n    ") == json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    for bad in ({(1, 2): 3}, [object()], {"a": {1, 2}}):
        with pytest.raises(TypeError):
            indented_json(bad)
        with pytest.raises(TypeError):
            json.dumps(bad)
