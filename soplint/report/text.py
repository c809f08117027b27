"""``check --format text``: findings grouped by file and SOP, each with its
place in the document (table/row/column or paragraph) and the offending text,
then a summary line (and per-rule counts with ``--statistics``)."""
from __future__ import annotations

from soplint.i18n import tr


def _groups(file_result):
    by_index: dict = {}
    for t in file_result.temuan:
        by_index.setdefault(t.indeks, []).append(t)
    known = {s.indeks for s in file_result.sop}
    loose = [t for k, ts in by_index.items() if k not in known for t in ts]
    groups = []
    if loose:
        groups.append((None, loose))
    for s in file_result.sop:
        groups.append((s, by_index.get(s.indeks, [])))
    return groups


def _sop_label(s) -> str:
    name = s.nama_sop or tr("(tanpa nama)", "(untitled)")
    nomor = f" [{s.nomor_sop}]" if s.nomor_sop else ""
    return f"SOP {s.indeks + 1}: {name}{nomor}"


def _lokasi(lokasi: str) -> str:
    """The location in the report's language ("tabel 2, baris 5" -> "table 2, row 5")."""
    try:
        from soplint.report.formats import lokasi_text
    except ImportError:  # pragma: no cover - the shared helper is optional
        return lokasi
    from soplint.i18n import lang

    return lokasi_text(lokasi, lang())


#: terminal colours of the severities (``--color``)
COLORS = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True},
          "info": {"fg": "blue"}}


def severity_label(severity: str, color: bool = False) -> str:
    """The severity in the report's language, padded to one width
    ("galat", "peringatan" / "error", "warning"), coloured on request."""
    from soplint.i18n import lang
    from soplint.report.formats import SEVERITY_LABEL

    labels = SEVERITY_LABEL[lang()]
    text = labels.get(severity, severity)
    pad = " " * max(0, max(len(v) for v in labels.values()) - len(text))
    if color:
        import click

        text = click.style(text, **COLORS.get(severity, {}))
    return text + pad


def _finding_lines(t, color: bool = False) -> list:
    from soplint.i18n import lang
    from soplint.report.formats import field_label

    where = []
    if t.lokasi:
        where.append(_lokasi(t.lokasi))
    if t.kegiatan is not None:
        where.append(tr("kegiatan {n}", "step {n}", n=t.kegiatan))
    if t.field and not t.lokasi:
        where.append(field_label(t.field, lang()))
    code = t.code
    if color:
        import click

        code = click.style(code, bold=True)
    head = f"    {severity_label(t.severity, color)} {code} {t.name}: {t.message}"
    lines = [head]
    if where:
        lines.append("            " + tr("di", "at") + ": " + "; ".join(where))
    if t.teks:
        lines.append("            " + tr("teks", "text") + f': "{t.teks}"')
    return lines


def statistics_lines(result) -> list:
    counts: dict = {}
    for f in result.berkas:
        for t in f.temuan:
            key = (t.code, t.name, t.severity)
            counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    out = [tr("Statistik:", "Statistics:")]
    for (code, name, sev), n in rows:
        out.append(f"  {n:>5}  {code:<6} {name} ({severity_label(sev).strip()})")
    if not rows:
        out.append("  " + tr("tidak ada temuan", "no findings"))
    return out


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(result) -> str:
    c = result.counts()
    return tr("Ringkasan: {b} berkas, {s} SOP; {e} galat, {w} peringatan, {i} info",
              "Summary: {b}, {s}; {e}, {w}, {i} info",
              b=c["berkas"] if _lang_id() else _n(c["berkas"], "file", "files"),
              s=c["sop"] if _lang_id() else _n(c["sop"], "SOP", "SOPs"),
              e=c["error"] if _lang_id() else _n(c["error"], "error", "errors"),
              w=c["warning"] if _lang_id() else _n(c["warning"], "warning", "warnings"), i=c["info"])


def _lang_id() -> bool:
    from soplint.i18n import lang

    return lang() != "en"


def iter_text(result, options=None):
    """The report in pieces: one per file, then the statistics and the
    summary line."""
    options = options or {}
    quiet = options.get("quiet")
    color = bool(options.get("color"))
    written = False
    for f in result.berkas:
        if quiet and not f.temuan:
            continue
        lines = [f.berkas]
        if not f.sop and not f.temuan:
            lines.append("  " + tr("(tidak ada SOP yang ditemukan)", "(no SOP found)"))
        for s, findings in _groups(f):
            if quiet and not findings:
                continue
            if s is None:
                lines.append("  " + tr("(berkas)", "(file)"))
            else:
                lines.append("  " + _sop_label(s))
            if not findings:
                lines.append("    " + tr("tidak ada temuan", "no findings"))
            for t in findings:
                lines.extend(_finding_lines(t, color))
        # a blank line between files; the text ends with exactly one newline
        yield ("\n" if written else "") + "\n".join(lines) + "\n"
        written = True
    tail = []
    if options.get("statistics"):
        tail.extend(statistics_lines(result))
        tail.append("")
    if not quiet:
        tail.append(summary_line(result))
    if tail:
        yield ("\n" if written else "") + "\n".join(tail).rstrip("\n") + "\n"
