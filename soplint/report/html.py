"""``check --format html``: one self-contained page for a reviewer who never
used a terminal (no scripts, no fonts, no images, no links outside the page).

Layout: the verdict (how many SOPs pass and how many need repair, following
``--fail-on``), when the report was made, the soplint version and the
settings used, and what the severities mean; a summary table (one row per
file and SOP with its verdict and counts, each row linking to its section);
an overview per rule with the rule's explanation; then the findings, grouped
by file and SOP, with the rule's explanation, where to find them in Word (the
field in the standard's words, not the model's path) and the offending text.
On a phone-width screen the tables become one card per row. Every piece of
text from a document or a finding is escaped.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from html import escape

from soplint import __version__
from soplint.report.formats import (SEVERITY_LABEL, count_severities, fails, field_label, iter_sops, lokasi_text,
                                    option_lang, pick, rule_infos, sop_label, statistics)

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5em auto;max-width:75em;
padding:0 1em;color:#1d1d1f;line-height:1.45;overflow-wrap:anywhere}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:2px solid #ccd;
padding-bottom:.2em}h3{font-size:1.1em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em}
th,td{border:1px solid #c8c8d0;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#eef0f5}td.n{text-align:right;white-space:nowrap}
.sev{display:inline-block;padding:.05em .5em;border-radius:.8em;font-weight:600;font-size:.9em;white-space:nowrap}
.error{background:#fde2e1;color:#9b1c14}.warning{background:#fff1cc;color:#7a4d00}.info{background:#e1ecfb;color:#1c4f9b}
tr.sev-error td:first-child{border-left:6px solid #d93025}tr.sev-warning td:first-child{border-left:6px solid #f2a900}
tr.sev-info td:first-child{border-left:6px solid #4a86e8}
td.zero{color:#999}.teks{font-family:Consolas,"Courier New",monospace;background:#f6f6f8;padding:.1em .3em;
white-space:pre-wrap}
.ok{color:#1e7b34;font-weight:600}.muted{color:#666;font-size:.9em}
.verdict{display:inline-block;padding:.1em .6em;border-radius:.3em;font-weight:700;white-space:nowrap}
.lulus{background:#dff3e4;color:#1e6b30}.perbaikan{background:#fde2e1;color:#9b1c14}
.banner{padding:.8em 1em;border-radius:.4em;margin:1em 0;font-size:1.1em}
.banner.lulus{border:1px solid #9fd3ad}.banner.perbaikan{border:1px solid #f0a9a4}
.totals span{margin-right:1.2em;display:inline-block}
dl.settings{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:.5em 0}
dl.settings dt{font-weight:600}dl.settings dd{margin:0}
.explain,.why{display:block;color:#444;font-size:.9em;margin-top:.2em}
code{font-family:Consolas,"Courier New",monospace;font-size:.95em}
@media (max-width:44em){
body{margin:.8em auto;padding:0 .6em}h1{font-size:1.35em}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards thead{display:none}
table.cards tr{border:1px solid #c8c8d0;border-radius:.4em;margin:0 0 .8em;padding:.3em 0}
table.cards td{border:none;padding:.2em .6em}
table.cards td.n{text-align:left}
table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#444}
tr.sev-error td:first-child,tr.sev-warning td:first-child,tr.sev-info td:first-child{border-left:none}
tr.sev-error{border-left:6px solid #d93025!important}tr.sev-warning{border-left:6px solid #f2a900!important}
tr.sev-info{border-left:6px solid #4a86e8!important}
dl.settings{grid-template-columns:1fr}dl.settings dd{margin:0 0 .4em}
}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{page-break-before:auto}}
"""

_MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _sev(lang, severity) -> str:
    return f'<span class="sev {_e(severity)}">{_e(SEVERITY_LABEL[lang].get(severity, severity))}</span>'


def _count_cell(n: int, label: str) -> str:
    return f'<td class="n{" zero" if n == 0 else ""}" data-label="{_e(label)}">{n}</td>'


def made_at(options) -> datetime:
    """When the report was made: ``options["date"]``, else
    ``SOURCE_DATE_EPOCH`` (reproducible builds), else now (local time)."""
    given = options.get("date")
    if isinstance(given, datetime):
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now().astimezone()


def date_text(when: datetime, lang: str) -> str:
    months = _MONTHS_EN if lang == "en" else _MONTHS_ID
    zone = when.strftime("%Z") or when.strftime("%z")
    return f"{when.day} {months[when.month - 1]} {when.year}, {when:%H:%M} {zone}".rstrip()


def _verdict(lang, failing: bool) -> str:
    if failing:
        return f'<span class="verdict perbaikan">{_e(pick(lang, "perlu perbaikan", "needs repair"))}</span>'
    return f'<span class="verdict lulus">{_e(pick(lang, "lulus", "passes"))}</span>'


def _fail_on_text(lang, fail_on) -> str:
    if fail_on == "never":
        return pick(lang, "tidak pernah (--fail-on never)", "never (--fail-on never)")
    level = SEVERITY_LABEL[lang].get(fail_on, fail_on)
    if fail_on == "info":
        return pick(lang, f"setiap temuan (--fail-on {fail_on})", f"any finding (--fail-on {fail_on})")
    return pick(lang, f"temuan {level} atau lebih berat (--fail-on {fail_on})",
                f"a finding of {level} or worse (--fail-on {fail_on})")


def _settings_rows(lang, options, fail_on) -> list:
    """``(label, value)`` of the settings the run used."""
    p = lambda a, b: pick(lang, a, b)  # noqa: E731
    settings = options.get("settings") or {}
    rows = [(p("Dianggap perlu perbaikan bila", "Needs repair when"), _fail_on_text(lang, fail_on))]
    config = settings.get("config")
    rows.append((p("Berkas konfigurasi", "Configuration file"),
                 config or p("tidak ada (nilai bawaan)", "none (defaults)")))
    for key, label in (("select", p("Aturan dipilih", "Rules selected")),
                       ("ignore", p("Aturan diabaikan", "Rules ignored"))):
        value = settings.get(key)
        if value:
            rows.append((label, ", ".join(map(str, value))))
    severity = settings.get("severity") or {}
    if severity:
        rows.append((p("Tingkat diubah", "Severities changed"),
                     ", ".join(f"{k} = {SEVERITY_LABEL[lang].get(v, v)}" for k, v in severity.items())))
    pfi = settings.get("per-file-ignores") or {}
    if pfi:
        rows.append((p("Pengecualian per berkas", "Per-file ignores"),
                     "; ".join(f"{k}: {', '.join(v)}" for k, v in pfi.items())))
    rules = options.get("rules")
    if rules:
        rows.append((p("Aturan yang dijalankan", "Rules run"), str(len(rules))))
    rows.append((p("Bahasa", "Language"), p("Indonesia", "English")))
    return rows


def iter_html(result, options=None):
    """The page in pieces: the head, verdict, settings and summary table,
    the overview per rule, then the findings file by file."""
    options = options or {}
    lang = option_lang(options)
    p = lambda id_text, en_text: pick(lang, id_text, en_text)  # noqa: E731
    fail_on = options.get("fail_on") or "error"
    totals = result.counts()
    infos = rule_infos(options, lang)
    sev_name = SEVERITY_LABEL[lang]

    def summary_of(code):
        info = infos.get(code)
        return info.summary if info and info.summary else ""

    out = []
    w = out.append

    def flush():
        text = "\n".join(out) + "\n" if out else ""
        out.clear()
        return text

    # one counting pass: the verdict of every SOP (the report is streamed; this keeps numbers only)
    n_sop = n_failing = 0
    for f in result.berkas:
        for _indeks, _summary, findings in iter_sops(f):
            n_sop += 1
            n_failing += any(fails(t, fail_on) for t in findings)

    title = p("Laporan pemeriksaan SOP", "SOP check report")
    w("<!DOCTYPE html>")
    w(f'<html lang="{lang}"><head><meta charset="utf-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w(f"<title>{_e(title)} \u2014 soplint</title><style>{CSS}</style></head><body>")
    w(f"<h1>{_e(title)}</h1>")
    w(f'<p class="muted">{_e(p("Dibuat", "Made"))} {_e(date_text(made_at(options), lang))} '
      f"\u00b7 soplint {_e(__version__)}</p>")
    if n_failing:
        banner = p(f"{n_failing} dari {n_sop} SOP perlu perbaikan.",
                   f"{n_failing} of {n_sop} SOP{'s' if n_sop != 1 else ''} "
                   f"need{'s' if n_failing == 1 else ''} repair.")
    elif n_sop:
        banner = p(f"Semua {n_sop} SOP lulus.", f"All {n_sop} SOPs pass." if n_sop != 1 else "The SOP passes.")
    else:
        banner = p("Tidak ada SOP yang diperiksa.", "No SOP was checked.")
    w(f'<p class="banner {"perbaikan" if n_failing else "lulus"}">{_verdict(lang, bool(n_failing))} '
      f"{_e(banner)}</p>")
    w('<p class="totals">'
      f"<span>{_e(p('Berkas', 'Files'))}: <b>{totals['berkas']}</b></span>"
      f"<span>SOP: <b>{totals['sop']}</b></span>"
      f"<span>{_sev(lang, 'error')} <b>{totals['error']}</b></span>"
      f"<span>{_sev(lang, 'warning')} <b>{totals['warning']}</b></span>"
      f"<span>{_sev(lang, 'info')} <b>{totals['info']}</b></span></p>")

    w(f"<h2>{_e(p('Pengaturan', 'Settings'))}</h2>")
    w('<dl class="settings">')
    for label, value in _settings_rows(lang, options, fail_on):
        w(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>")
    w("</dl>")
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
      f"<li>{_verdict(lang, False)} / {_verdict(lang, True)} "
      f"{_e(p('menurut aturan di atas: ', 'by the setting above: '))}{_e(_fail_on_text(lang, fail_on))}.</li>"
      f"<li>{_e(where_help)}</li></ul>")

    # ---- summary table
    w(f"<h2>{_e(p('Ringkasan', 'Summary'))}</h2>")
    h_file, h_nomor, h_verdict = p("Berkas", "File"), p("Nomor SOP", "SOP number"), p("Hasil", "Verdict")
    w('<table class="cards"><thead><tr>'
      f"<th>{_e(h_file)}</th><th>SOP</th><th>{_e(h_nomor)}</th><th>{_e(h_verdict)}</th>"
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
            failing = any(fails(t, fail_on) for t in findings)
            w(f"<tr><td data-label=\"{_e(h_file)}\">{_e(f.berkas)}</td>"
              f"<td data-label=\"SOP\"><a href=\"#{anchor}\">{_e(name)}</a></td>"
              f"<td data-label=\"{_e(h_nomor)}\">{_e(nomor)}</td>"
              f"<td data-label=\"{_e(h_verdict)}\">{_verdict(lang, failing)}</td>"
              f"{_count_cell(c['error'], sev_name['error'])}{_count_cell(c['warning'], sev_name['warning'])}"
              f"{_count_cell(c['info'], sev_name['info'])}</tr>")
        yield flush()
    w("</tbody></table>")

    # ---- per rule
    rows = statistics(result)
    w(f"<h2 id=\"aturan\">{_e(p('Temuan per aturan', 'Findings per rule'))}</h2>")
    if not rows:
        w(f'<p class="ok">{_e(p("Tidak ada temuan.", "No findings."))}</p>')
    else:
        h_rule, h_sev, h_count = p("Aturan", "Rule"), p("Tingkat", "Severity"), p("Jumlah", "Count")
        h_expl = p("Penjelasan", "What it checks")
        w(f'<table class="cards"><thead><tr><th>{_e(h_rule)}</th><th>{_e(h_expl)}</th><th>{_e(h_sev)}</th>'
          f"<th>{_e(h_count)}</th></tr></thead><tbody>")
        for code, name, severity, count in rows:
            info = infos.get(code)
            why = f'<span class="why">{_e(p("Mengapa: ", "Why: "))}{_e(info.why)}</span>' \
                if info and info.why else ""
            w(f'<tr class="sev-{_e(severity)}"><td data-label="{_e(h_rule)}"><b>{_e(code)}</b> '
              f'<span class="muted">{_e(name)}</span></td>'
              f'<td data-label="{_e(h_expl)}">{_e(summary_of(code))}{why}</td>'
              f'<td data-label="{_e(h_sev)}">{_sev(lang, severity)}</td>'
              f'<td class="n" data-label="{_e(h_count)}">{count}</td></tr>')
        w("</tbody></table>")
        w(f'<p class="muted">{_e(p("Penjelasan lengkap setiap aturan (alasan dan contoh):", "Each rule in full (why, and an example):"))} '
          f'<code>soplint rules {_e(p("KODE", "CODE"))}</code></p>')

    # ---- findings
    w(f"<h2>{_e(p('Temuan', 'Findings'))}</h2>")
    h_sev, h_rule, h_where = p("Tingkat", "Severity"), p("Aturan", "Rule"), p("Letak di dokumen", "Where in the document")
    h_msg, h_text = p("Pesan", "Message"), p("Teks yang bermasalah", "Offending text")
    for fi, f in enumerate(result.berkas):
        file_failing = any(fails(t, fail_on) for t in f.temuan)
        w(f"<section><h2>{_e(p('Berkas', 'File'))}: {_e(f.berkas)} {_verdict(lang, file_failing)}</h2>")
        for indeks, summary, findings in iter_sops(f):
            anchor = f"b{fi}-s{'x' if indeks is None else indeks}"
            heading = sop_label(lang, indeks, summary) if summary else p("Seluruh berkas", "Whole file")
            failing = any(fails(t, fail_on) for t in findings)
            w(f'<h3 id="{anchor}">{_e(heading)} {_verdict(lang, failing)}</h3>')
            if not findings:
                w(f'<p class="ok">{_e(p("Tidak ada temuan.", "No findings."))}</p>')
                continue
            w('<table class="cards"><thead><tr>'
              f"<th>{_e(h_sev)}</th><th>{_e(h_rule)}</th><th>{_e(h_where)}</th>"
              f"<th>{_e(h_msg)}</th><th>{_e(h_text)}</th>"
              "</tr></thead><tbody>")
            for t in findings:
                where = []
                if t.lokasi:
                    where.append(_e(lokasi_text(t.lokasi, lang)))
                if t.kegiatan is not None:
                    where.append(_e(p(f"kegiatan {t.kegiatan}", f"step {t.kegiatan}")))
                if t.field:
                    where.append(f'<span class="muted">{_e(field_label(t.field, lang))}</span>')
                teks = f'<span class="teks">{_e(t.teks)}</span>' if t.teks else ""
                explain = summary_of(t.code)
                explain = f'<span class="explain">{_e(explain)}</span>' if explain else ""
                w(f'<tr class="sev-{_e(t.severity)}"><td data-label="{_e(h_sev)}">{_sev(lang, t.severity)}</td>'
                  f"<td data-label=\"{_e(h_rule)}\"><b>{_e(t.code)}</b> "
                  f"<span class=\"muted\">{_e(t.name)}</span>{explain}</td>"
                  f"<td data-label=\"{_e(h_where)}\">{'<br>'.join(where)}</td>"
                  f"<td data-label=\"{_e(h_msg)}\">{_e(t.message)}</td>"
                  f"<td data-label=\"{_e(h_text)}\">{teks}</td></tr>")
            w("</tbody></table>")
        w("</section>")
        yield flush()
    w("</body></html>")
    yield flush()
