"""``check --format sarif``: SARIF 2.1.0 (OASIS Static Analysis Results
Interchange Format), for code-review and dashboard tools.

One run; ``tool.driver.rules`` describes each rule (from the loaded rule
classes when the caller passes them, else from the findings themselves);
each finding is one result whose location names the file
(``artifactLocation.uri``) and, because Word documents have no lines, the
place in Word as a logical location (``tabel 2, baris 5`` / ``paragraf 12``).
"""
from __future__ import annotations

from pathlib import PureWindowsPath
from urllib.parse import quote

from soplint import __version__
from soplint.report.formats import lokasi_text, option_lang, pick, rule_infos, statistics

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(berkas: str) -> str:
    """A URI reference for an input path as given (relative stays relative,
    absolute becomes a ``file:`` URI), percent-encoded."""
    win = PureWindowsPath(berkas)
    if win.drive and not berkas.startswith("/"):
        return "file:///" + quote(win.as_posix().lstrip("/"), safe="/:")
    posix = berkas.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _rules(result, options, lang):
    infos = rule_infos(options, lang)
    seen = {}
    for f in result.berkas:
        for t in f.temuan:
            seen.setdefault(t.code, t)
    codes = sorted(set(infos) | set(seen))
    descriptors = []
    for code in codes:
        info = infos.get(code)
        finding = seen.get(code)
        name = (info.name if info else None) or (finding.name if finding else code)
        desc = {"id": code, "name": name}
        short = (info.summary if info else None) or name
        desc["shortDescription"] = {"text": short}
        if info and info.doc:
            desc["fullDescription"] = {"text": info.doc}
            desc["help"] = {"text": info.doc}
        severity = (info.severity if info and info.severity else None) or (finding.severity if finding else None)
        if severity:
            desc["defaultConfiguration"] = {"level": LEVEL.get(severity, "warning")}
        desc["properties"] = {"tags": [code[:2]]}
        descriptors.append(desc)
    return descriptors


def _location(t, sop_names, lang):
    loc = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(t.berkas)}}}
    parts = []
    if t.indeks is not None:
        parts.append(sop_names.get(t.indeks) or f"SOP {t.indeks + 1}")
    if t.lokasi:
        parts.append(str(t.lokasi))
    logical = {"name": str(t.lokasi) if t.lokasi else (parts[0] if parts else t.berkas),
               "fullyQualifiedName": " / ".join([t.berkas] + parts),
               "kind": "element"}
    loc["logicalLocations"] = [logical]
    where = lokasi_text(t.lokasi, lang) or pick(lang, "dokumen", "document")
    text = f"{where}: \u201c{t.teks}\u201d" if t.teks else where
    loc["message"] = {"text": text}
    return loc


def fingerprint(t) -> str:
    """A stable identity of a finding across runs (same file, SOP, rule, place
    and text), so viewers can match results of successive runs; not changed by
    the message language."""
    import hashlib

    key = "\x1f".join(str(x) for x in (t.berkas, t.indeks, t.code, t.field, t.kegiatan, t.lokasi, t.teks))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _results(result, index, lang):
    for f in result.berkas:
        sop_names = {s.indeks: f"SOP {s.indeks + 1}" + (f" ({s.nama_sop})" if s.nama_sop else "") for s in f.sop}
        for t in f.temuan:
            yield {
                "ruleId": t.code,
                "partialFingerprints": {"soplintFinding/v1": fingerprint(t)},
                "ruleIndex": index[t.code],
                "level": LEVEL.get(t.severity, "warning"),
                "message": {"text": t.message},
                "locations": [_location(t, sop_names, lang)],
                "properties": {
                    "name": t.name,
                    "severity": t.severity,
                    "indeks": t.indeks,
                    "field": t.field,
                    "kegiatan": t.kegiatan,
                    "lokasi": None if t.lokasi is None else str(t.lokasi),
                    "teks": t.teks,
                },
            }


def iter_sarif(result, options=None):
    """The SARIF text in pieces; artifacts and results written as they are
    read, so a long batch is never held whole."""
    from soplint.report.formats import json_pieces, list_marker

    options = options or {}
    lang = option_lang(options)
    rules = _rules(result, options, lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    run = {
        "tool": {"driver": {
            "name": "soplint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": "https://pypi.org/project/soplint/",
            "language": "en-US" if lang == "en" else "id-ID",
            "rules": rules,
        }},
        "language": "en-US" if lang == "en" else "id-ID",
        "artifacts": list_marker(0),
        "invocations": [{"executionSuccessful": True}],
        "results": list_marker(1),
        "properties": {"ringkasan": result.counts()},
    }
    if options.get("statistics"):
        run["properties"]["statistik"] = [
            {"code": c, "name": n, "severity": s, "jumlah": k} for c, n, s, k in statistics(result)]
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_pieces(log, {0: ({"location": {"uri": artifact_uri(f.berkas)}} for f in result.berkas),
                             1: _results(result, index, lang)})
