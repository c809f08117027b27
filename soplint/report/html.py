"""``check --format html``: one self-contained page for a reviewer who never
used a terminal (no scripts, no fonts, no images, no links outside the page).

Layout: the overall counts and what the severities mean; a summary table (one
row per file and SOP, counts by severity, each row linking to its section);
then the findings, grouped by file and SOP, with where to find them in Word
and the offending text. Every piece of text from a document or a finding is
escaped.
"""
from __future__ import annotations

from html import escape

from soplint import __version__
from soplint.report.formats import (SEVERITY_LABEL, count_severities, iter_sops, lokasi_text, option_lang,
                                    pick, rule_infos, sop_label, statistics)

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2em auto;max-width:75em;
padding:0 1em;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:2px solid #ccd;
padding-bottom:.2em;word-break:break-all}h3{font-size:1.1em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em}
th,td{border:1px solid #c8c8d0;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#eef0f5}td.n{text-align:right;white-space:nowrap}
.sev{display:inline-block;padding:.05em .5em;border-radius:.8em;font-weight:600;font-size:.9em;white-space:nowrap}
.error{background:#fde2e1;color:#9b1c14}.warning{background:#fff1cc;color:#7a4d00}.info{background:#e1ecfb;color:#1c4f9b}
tr.sev-error td:first-child{border-left:6px solid #d93025}tr.sev-warning td:first-child{border-left:6px solid #f2a900}
tr.sev-info td:first-child{border-left:6px solid #4a86e8}
td.zero{color:#999}.teks{font-family:Consolas,"Courier New",monospace;background:#f6f6f8;padding:.1em .3em;
white-space:pre-wrap;word-break:break-word}
.ok{color:#1e7b34;font-weight:600}.muted{color:#666;font-size:.9em}
.totals span{margin-right:1.2em}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{page-break-before:auto}}
"""


def _e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _sev(lang, severity) -> str:
    return f'<span class="sev {_e(severity)}">{_e(SEVERITY_LABEL[lang].get(severity, severity))}</span>'


def _count_cell(n: int) -> str:
    return f'<td class="n{" zero" if n == 0 else ""}">{n}</td>'


def iter_html(result, options=None):
    """The page in pieces: the head and totals, then the summary table and
    the findings file by file."""
    options = options or {}
    lang = option_lang(options)
    p = lambda id_text, en_text: pick(lang, id_text, en_text)  # noqa: E731
    totals = result.counts()
    infos = rule_infos(options, lang)

    def summary_of(code):
        info = infos.get(code)
        return info.summary if info and info.summary else ""

    out = []
    w = out.append

    def flush():
        text = "\n".join(out) + "\n" if out else ""
        out.clear()
        return text
    title = p("Laporan pemeriksaan SOP", "SOP check report")
    w("<!DOCTYPE html>")
    w(f'<html lang="{lang}"><head><meta charset="utf-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w(f"<title>{_e(title)} \u2014 soplint</title><style>{CSS}</style></head><body>")
    w(f"<h1>{_e(title)}</h1>")
    w(f'<p class="muted">soplint {_e(__version__)}</p>')
    w('<p class="totals">'
      f"<span>{_e(p('Berkas', 'Files'))}: <b>{totals['berkas']}</b></span>"
      f"<span>SOP: <b>{totals['sop']}</b></span>"
      f"<span>{_sev(lang, 'error')} <b>{totals['error']}</b></span>"
      f"<span>{_sev(lang, 'warning')} <b>{totals['warning']}</b></span>"
      f"<span>{_sev(lang, 'info')} <b>{totals['info']}</b></span></p>")
    where_help = p("Letak di dokumen: \u201ctabel 2, baris 5\u201d berarti tabel kedua dalam dokumen Word, "
                   "baris kelima (baris judul tabel ikut dihitung); \u201cparagraf 12\u201d berarti paragraf "
                   "ke-12 di luar tabel.",
                   "Where in the document: \u201ctable 2, row 5\u201d means the second table of the Word "
                   "document, fifth row (header rows count); \u201cparagraph 12\u201d means the 12th "
                   "paragraph outside the tables.")
    w("<ul class=\"muted\">"
      f"<li>{_sev(lang, 'error')} {_e(p('harus diperbaiki sebelum SOP diajukan atau disahkan.', 'must be fixed before the SOP is submitted or signed.'))}</li>"
      f"<li>{_sev(lang, 'warning')} {_e(p('sebaiknya diperbaiki; periksa dan putuskan.', 'should be fixed; check and decide.'))}</li>"
      f"<li>{_sev(lang, 'info')} {_e(p('saran perbaikan.', 'a suggestion.'))}</li>"
      f"<li>{_e(where_help)}</li></ul>")

    # ---- summary table
    w(f"<h2>{_e(p('Ringkasan', 'Summary'))}</h2>")
    w("<table><thead><tr>"
      f"<th>{_e(p('Berkas', 'File'))}</th><th>SOP</th><th>{_e(p('Nomor SOP', 'SOP number'))}</th>"
      f"<th>{_sev(lang, 'error')}</th><th>{_sev(lang, 'warning')}</th><th>{_sev(lang, 'info')}</th>"
      "</tr></thead><tbody>")
    for fi, f in enumerate(result.berkas):
        for indeks, summary, findings in iter_sops(f):
            anchor = f"b{fi}-s{'x' if indeks is None else indeks}"
            c = count_severities(findings)
            if summary is None:
                name = p("(seluruh berkas)", "(whole file)")
                nomor = ""
            else:
                name = summary.nama_sop or p("(tanpa nama)", "(untitled)")
                nomor = summary.nomor_sop or ""
            w(f"<tr><td>{_e(f.berkas)}</td><td><a href=\"#{anchor}\">{_e(name)}</a></td><td>{_e(nomor)}</td>"
              f"{_count_cell(c['error'])}{_count_cell(c['warning'])}{_count_cell(c['info'])}</tr>")
        yield flush()
    w("</tbody></table>")

    if options.get("statistics"):
        w(f"<h2>{_e(p('Statistik aturan', 'Rule statistics'))}</h2>")
        w(f"<table><thead><tr><th>{_e(p('Kode', 'Code'))}</th><th>{_e(p('Aturan', 'Rule'))}</th>"
          f"<th>{_e(p('Tingkat', 'Severity'))}</th><th>{_e(p('Jumlah', 'Count'))}</th></tr></thead><tbody>")
        for code, name, severity, count in statistics(result):
            extra = f'<br><span class="muted">{_e(summary_of(code))}</span>' if summary_of(code) else ""
            w(f"<tr><td>{_e(code)}</td><td>{_e(name)}{extra}</td><td>{_sev(lang, severity)}</td>"
              f"<td class=\"n\">{count}</td></tr>")
        w("</tbody></table>")

    # ---- findings
    w(f"<h2>{_e(p('Temuan', 'Findings'))}</h2>")
    for fi, f in enumerate(result.berkas):
        w(f"<section><h2>{_e(p('Berkas', 'File'))}: {_e(f.berkas)}</h2>")
        for indeks, summary, findings in iter_sops(f):
            anchor = f"b{fi}-s{'x' if indeks is None else indeks}"
            heading = sop_label(lang, indeks, summary) if summary else p("Seluruh berkas", "Whole file")
            w(f'<h3 id="{anchor}">{_e(heading)}</h3>')
            if not findings:
                w(f'<p class="ok">{_e(p("Tidak ada temuan.", "No findings."))}</p>')
                continue
            w("<table><thead><tr>"
              f"<th>{_e(p('Tingkat', 'Severity'))}</th><th>{_e(p('Aturan', 'Rule'))}</th>"
              f"<th>{_e(p('Letak di dokumen', 'Where in the document'))}</th>"
              f"<th>{_e(p('Pesan', 'Message'))}</th><th>{_e(p('Teks yang bermasalah', 'Offending text'))}</th>"
              "</tr></thead><tbody>")
            for t in findings:
                where = []
                if t.lokasi:
                    where.append(_e(lokasi_text(t.lokasi, lang)))
                if t.kegiatan is not None:
                    where.append(_e(p(f"kegiatan {t.kegiatan}", f"step {t.kegiatan}")))
                if t.field:
                    where.append(f'<span class="muted">{_e(t.field)}</span>')
                teks = f'<span class="teks">{_e(t.teks)}</span>' if t.teks else ""
                w(f'<tr class="sev-{_e(t.severity)}"><td>{_sev(lang, t.severity)}</td>'
                  f"<td title=\"{_e(summary_of(t.code))}\"><b>{_e(t.code)}</b><br>"
                  f"<span class=\"muted\">{_e(t.name)}</span></td>"
                  f"<td>{'<br>'.join(where)}</td><td>{_e(t.message)}</td><td>{teks}</td></tr>")
            w("</tbody></table>")
        w("</section>")
        yield flush()
    w("</body></html>")
    yield flush()
