"""Built-in report formats (sarif, junit, html), registered through the same
pluggy hook as any third-party formatter, plus the small helpers they share.

A formatter is ``callable(result: CheckResult, options: dict) -> str`` with
a ``stream`` attribute giving the same text in pieces (see
:func:`soplint.report.streaming`).
``options`` may carry ``lang`` ("id"/"en"), ``statistics`` (bool) and
``rules`` (the loaded rule classes, a list or a ``{code: class}`` dict, used
for rule names, summaries and doc pages; formatters work without them).
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Optional

from soplint.hookspec import hookimpl


@hookimpl
def soplint_formatters():
    # Imported lazily: a run that prints text pays for none of these.
    from soplint.report import streaming

    return {"sarif": streaming("soplint.report.sarif", "iter_sarif"),
            "junit": streaming("soplint.report.junit", "iter_junit"),
            "html": streaming("soplint.report.html", "iter_html")}


# --------------------------------------------------------------------------
# helpers shared by the formatters


def option_lang(options: Optional[dict]) -> str:
    """The language of a report: ``options["lang"]`` or the run's language."""
    value = (options or {}).get("lang")
    if not value:
        from soplint.i18n import lang

        value = lang()
    return "en" if str(value).lower().startswith("en") else "id"


def pick(lang: str, id_text: str, en_text: str) -> str:
    return en_text if lang == "en" else id_text


SEVERITY_LABEL = {
    "id": {"error": "galat", "warning": "peringatan", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


@dataclass
class RuleInfo:
    """A rule as reports describe it: code, name, severity, summary, documentation."""

    code: str
    name: str
    severity: Optional[str] = None
    summary: Optional[str] = None
    doc: Optional[str] = None
    #: the doc page's "why" section (Mengapa / Why), in the report's language
    why: Optional[str] = None


def _text_attr(obj, names, lang):
    """First non-empty string among attributes ``names`` of ``obj``; an
    attribute may also be a ``{"id": ..., "en": ...}`` dict or an
    ``(id, en)`` pair, in which case the run's language is chosen."""
    for name in names:
        value = getattr(obj, name, None)
        if callable(value) and not isinstance(value, type):
            continue
        if isinstance(value, dict):
            value = value.get(lang) or value.get("id") or value.get("en")
        elif isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, str) for v in value):
            value = value[1] if lang == "en" else value[0]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def rule_infos(options: Optional[dict], lang: str = "id") -> dict:
    """``{code: RuleInfo}`` from ``options["rules"]``; empty when absent.

    Tolerant of what a rule class offers: ``code``, ``name``, ``severity``
    are expected; the summary is ``summary`` (or a language variant) or the
    first line of the docstring; the doc page is the docstring."""
    rules = (options or {}).get("rules")
    if not rules:
        return {}
    if isinstance(rules, dict):
        rules = list(rules.values())
    out = {}
    for rule in rules:
        code = getattr(rule, "code", None)
        if not isinstance(code, str) or not code:
            continue
        name = getattr(rule, "name", None)
        name = name if isinstance(name, str) else code
        severity = getattr(rule, "severity", None)
        severity = severity if severity in ("error", "warning", "info") else None
        doc = inspect.getdoc(rule) if isinstance(rule, type) else (getattr(rule, "__doc__", None) or None)
        if doc and isinstance(rule, type) and rule.__doc__ is None:
            doc = None  # inherited from a base class, not this rule's page
        summary = _text_attr(rule, (f"summary_{lang}", "summary", "ringkasan", "title"), lang)
        if not summary and doc:
            summary = doc.strip().splitlines()[0].strip()
        why = None
        if doc:
            from soplint.rule import doc_text

            doc = doc_text(doc, lang)  # the page in the report's language
            why = _section(doc, ("Why", "Mengapa"))
        out[code] = RuleInfo(code=code, name=name, severity=severity, summary=summary, doc=doc, why=why)
    return out


def _section(page: str, headings) -> Optional[str]:
    """The text of one section of a doc page (its heading alone on a line,
    the text indented below), joined into one paragraph."""
    lines = page.split("\n")
    for i, line in enumerate(lines):
        if line.strip() in headings and not line.startswith(" "):
            body = []
            for x in lines[i + 1:]:
                if not x.startswith(" ") or not x.strip():
                    break
                body.append(x.strip())
            return " ".join(body) or None
    return None


def _table_en(n, part):
    if n:
        return "table %d" % n
    return "table" if part == "body" else "table in " + part


def _row_en(r, c, depth):
    where = "row %d" % r if c is None else "row %d, column %d" % (r, c)
    return where if depth == 0 else "nested table " + where


#: English words of each piece of a location (see soplint.lokasi.Lokasi.pieces)
_LOKASI_EN = {
    "halaman": lambda n: "page %d" % n,
    "kotak": lambda box: "box %s pt" % " ".join("%g" % v for v in box),
    "kotak_teks": lambda: "text box",
    "tabel": _table_en,
    "baris": _row_en,
    "paragraf": lambda n: "paragraph %d" % n,
    "bagian": lambda name: "text box" if name == "textbox" else name,
    "nama_kolom": lambda name: 'column "%s"' % name,
}


def lokasi_text(lokasi, lang: str) -> str:
    """A location (:class:`soplint.lokasi.Lokasi`, or its text as a model's
    JSON holds it) in words of the report's language: "tabel 2, baris 5" ->
    "table 2, row 5". Indonesian words are the model's own text."""
    from soplint.lokasi import Lokasi

    lokasi = Lokasi.parse(lokasi)
    if not lokasi:
        return ""
    if lang != "en" or lokasi.teks is not None:
        return str(lokasi)
    return ", ".join(_LOKASI_EN[p[0]](*p[1:]) for p in lokasi.pieces())


def iter_sops(file_result):
    """``(indeks, SopSummary-or-None, findings)`` for one file: one group per
    SOP in document order, plus a group ``None`` for findings about the
    whole file (DK01) or about an SOP index the summary list lacks."""
    by_index = {}
    for t in file_result.temuan:
        by_index.setdefault(t.indeks, []).append(t)
    groups = []
    known = set()
    for s in file_result.sop:
        known.add(s.indeks)
        groups.append((s.indeks, s, by_index.get(s.indeks, [])))
    extra = [t for k, ts in by_index.items() if k not in known for t in ts]
    if extra or not file_result.sop:
        groups.insert(0, (None, None, extra))
    return groups


def sop_label(lang: str, indeks, summary) -> str:
    """How a person names one SOP of a file."""
    if summary is None:
        return pick(lang, "(berkas)", "(file)")
    name = summary.nama_sop or pick(lang, "(tanpa nama)", "(untitled)")
    nomor = f" [{summary.nomor_sop}]" if summary.nomor_sop else ""
    return f"SOP {indeks + 1}: {name}{nomor}"


#: the model's field paths as the standard's form names them (Indonesian, English)
FIELD_LABELS = {
    "identitas": ("Identitas SOP", "SOP identity"),
    "identitas.instansi": ("Instansi", "Institution"),
    "identitas.nomor_sop": ("Nomor SOP", "SOP number"),
    "identitas.tanggal_pembuatan": ("Tanggal Pembuatan", "Date made"),
    "identitas.tanggal_revisi": ("Tanggal Revisi", "Revision date"),
    "identitas.tanggal_efektif": ("Tanggal Efektif", "Effective date"),
    "identitas.disahkan_oleh": ("Disahkan oleh", "Approved by"),
    "identitas.nama_sop": ("Nama SOP", "SOP title"),
    "dasar_hukum": ("Dasar Hukum", "Legal basis"),
    "kualifikasi_pelaksana": ("Kualifikasi Pelaksana", "Qualifications of the actors"),
    "keterkaitan": ("Keterkaitan", "Related SOPs"),
    "peralatan_perlengkapan": ("Peralatan/Perlengkapan", "Equipment"),
    "peringatan": ("Peringatan", "Warning"),
    "pencatatan_pendataan": ("Pencatatan dan Pendataan", "Records"),
    "pelaksana": ("Kolom pelaksana", "Actor columns"),
    "kegiatan": ("Langkah kegiatan", "Procedure steps"),
    "kegiatan.no": ("Nomor langkah", "Step number"),
    "kegiatan.uraian": ("Uraian kegiatan", "Activity"),
    "kegiatan.pelaksana": ("Pelaksana langkah", "Actor of the step"),
    "kegiatan.simbol": ("Simbol bagan alir", "Flowchart symbol"),
    "kegiatan.cabang": ("Cabang keputusan", "Decision branches"),
    "kegiatan.kelengkapan": ("Kelengkapan (mutu baku)", "Requirements (quality standard)"),
    "kegiatan.waktu": ("Waktu (mutu baku)", "Time (quality standard)"),
    "kegiatan.output": ("Output (mutu baku)", "Output (quality standard)"),
    "kegiatan.keterangan": ("Keterangan", "Notes"),
    "tak_terpetakan": ("Teks yang tidak terpetakan", "Text not placed"),
    "sumber": ("Berkas", "File"),
    "sumber.perubahan_terlacak": ("Perubahan terlacak", "Tracked changes"),
    "sumber.komentar": ("Komentar peninjau", "Reviewer comments"),
    "sumber.jenis_dokumen": ("Jenis dokumen", "Kind of document"),
}


def field_label(field, lang: str) -> str:
    """A field path in words: ``identitas.tanggal_efektif`` -> "Tanggal
    Efektif" / "Effective date"; ``dasar_hukum[2]`` -> "Dasar Hukum, butir 3";
    an unknown path (a plugin's) in words from its last part."""
    import re

    if not field:
        return ""
    item = re.search(r"\[(\d+)\]$", field)
    base = re.sub(r"\[\d+\]", "", field)
    pair = FIELD_LABELS.get(base)
    if pair is None:
        words = base.rsplit(".", 1)[-1].replace("_", " ").strip()
        text = words[:1].upper() + words[1:]
    else:
        text = pick(lang, *pair)
    if item:
        text += pick(lang, ", butir {n}", ", item {n}").format(n=int(item.group(1)) + 1)
    return text


def fails(finding, fail_on: Optional[str]) -> bool:
    """Does ``finding`` reach the ``--fail-on`` level (``never``: none does;
    no level given: every finding does)?"""
    from soplint.findings import SEVERITY_RANK

    if fail_on == "never":
        return False
    return SEVERITY_RANK.get(finding.severity, 0) >= SEVERITY_RANK[fail_on or "info"]


def count_severities(findings) -> dict:
    out = {"error": 0, "warning": 0, "info": 0}
    for t in findings:
        if t.severity in out:
            out[t.severity] += 1
    return out


def statistics(result) -> list:
    """``[(code, name, severity, count)]`` sorted by count (desc) then code."""
    counts = {}
    for f in result.berkas:
        for t in f.temuan:
            key = (t.code, t.name, t.severity)
            counts[key] = counts.get(key, 0) + 1
    return sorted(((c, n, s, k) for (c, n, s), k in counts.items()), key=lambda r: (-r[3], r[0]))


_LIST_MARK = "\u0000soplint-list-{}\u0000"


def list_marker(n: int) -> str:
    """A placeholder value for :func:`json_pieces`."""
    return _LIST_MARK.format(n)


def indented_json(value, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, each line break
    followed by ``newline`` instead: the same text, made about twice as fast
    (the standard library writes indented JSON in Python, item by item; here
    strings and numbers go through its C functions and only the nesting is
    walked in Python). A report of thousands of files is mostly this."""
    parts: list = []
    _indented(value, newline, parts.append)
    return "".join(parts)


def _indented(o, newline, out) -> None:
    if isinstance(o, str):
        out(encode_basestring(o))
    elif o is None:
        out("null")
    elif o is True:
        out("true")
    elif o is False:
        out("false")
    elif isinstance(o, int):
        out(int.__repr__(o))
    elif isinstance(o, float):
        out(_json_float(o))
    elif isinstance(o, (list, tuple)) and o:
        inner = newline + "  "
        sep = "[" + inner
        for v in o:
            out(sep)
            _indented(v, inner, out)
            sep = "," + inner
        out(newline + "]")
    elif isinstance(o, dict) and o:
        inner = newline + "  "
        sep = "{" + inner
        for k, v in o.items():
            out(sep + encode_basestring(_json_key(k)) + ": ")
            _indented(v, inner, out)
            sep = "," + inner
        out(newline + "}")
    else:  # empty containers, and what json itself refuses (its error)
        import json

        out(json.dumps(o, ensure_ascii=False, indent=2).replace("\n", newline))


def _json_float(o: float) -> str:
    if o != o:
        return "NaN"
    if o in (float("inf"), float("-inf")):
        return "Infinity" if o > 0 else "-Infinity"
    return float.__repr__(o)


def _json_key(k) -> str:
    """A dict key as json writes it (a string; numbers, booleans and None
    converted as json converts them)."""
    if isinstance(k, str):
        return k
    if k is True or k is False or k is None:
        return {True: "true", False: "false", None: "null"}[k]
    if isinstance(k, int):
        return int.__repr__(k)
    if isinstance(k, float):
        return _json_float(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def json_pieces(envelope, lists: dict):
    """The text of ``json.dumps(envelope, ensure_ascii=False, indent=2)``
    followed by a newline, in pieces, where each value ``list_marker(n)`` in
    ``envelope`` stands for the list ``lists[n]`` (any iterable of
    JSON-able items), written item by item: a long list is never held whole."""
    import json

    text = json.dumps(envelope, ensure_ascii=False, indent=2)
    places = []
    for n, items in lists.items():
        token = json.dumps(list_marker(n), ensure_ascii=False)
        places.append((text.index(token), token, items))
    pos = 0
    for at, token, items in sorted(places, key=lambda p: p[0]):
        line = text[text.rfind("\n", 0, at) + 1:at]
        base = len(line) - len(line.lstrip(" "))
        pad = " " * (base + 2)
        yield text[pos:at]
        first = True
        for item in items:
            yield ("[\n" if first else ",\n") + pad + indented_json(item, "\n" + pad)
            first = False
        yield "[]" if first else "\n" + " " * base + "]"
        pos = at + len(token)
    yield text[pos:] + "\n"
