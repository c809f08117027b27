"""``check --format junit``: JUnit XML, for CI servers that show test reports.

One ``testsuite`` per input file, one ``testcase`` per SOP in it (plus a
testcase for the file itself where a finding is about the whole file, e.g.
DK01, or the file holds no SOP), one ``failure`` per finding at or above
``--fail-on`` (``options["fail_on"]``, as ``check`` passes it; without it
every finding is a failure); findings below it
are listed in the testcase's ``system-out``, so the report and the exit code
agree. ``tests`` counts testcases, ``failures`` counts failed testcases
(those with at least one failure), as JUnit consumers expect.
"""
from __future__ import annotations

import re

from lxml import etree

from soplint.report.formats import (SEVERITY_LABEL, fails, field_label, iter_sops, lokasi_text, option_lang,
                                    pick, sop_label, statistics)

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text) -> str:
    """Text safe for XML 1.0 (control characters dropped)."""
    return _XML_BAD.sub("", "" if text is None else str(text))


def _failure_body(t, lang) -> str:
    lines = [f"[{t.code} {t.name}] {t.message}",
             f"{pick(lang, 'tingkat', 'severity')}: {SEVERITY_LABEL[lang].get(t.severity, t.severity)}"]
    if t.lokasi:
        lines.append(f"{pick(lang, 'lokasi', 'location')}: {lokasi_text(t.lokasi, lang)}")
    if t.kegiatan is not None:
        lines.append(f"{pick(lang, 'kegiatan', 'step')}: {t.kegiatan}")
    if t.field:
        lines.append(f"{pick(lang, 'isian', 'field')}: {field_label(t.field, lang)}")
    if t.teks:
        lines.append(f"{pick(lang, 'teks', 'text')}: {t.teks}")
    return "\n".join(lines)


def _suite(suite_id, f, lang, fail_on="info"):
    """One file's ``testsuite`` element."""
    suite = etree.Element("testsuite", name=clean(f.berkas), id=str(suite_id))
    tests = failures = 0
    for indeks, summary, findings in iter_sops(f):
        case = etree.SubElement(suite, "testcase", classname=clean(f.berkas),
                                name=clean(sop_label(lang, indeks, summary)), time="0")
        tests += 1
        failing = [t for t in findings if fails(t, fail_on)]
        if failing:
            failures += 1
        for t in failing:
            fail = etree.SubElement(case, "failure", type=clean(t.code),
                                    message=clean(f"[{t.code} {t.name}] {t.message}"))
            fail.text = clean(_failure_body(t, lang))
        below = [t for t in findings if not fails(t, fail_on)]
        if below:
            etree.SubElement(case, "system-out").text = clean("\n\n".join(_failure_body(t, lang) for t in below))
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite


def _properties(result):
    props = etree.Element("properties")
    for code, name, severity, count in statistics(result):
        etree.SubElement(props, "property", name=clean(f"{code} {name} ({severity})"), value=str(count))
    return props


def iter_junit(result, options=None):
    """The JUnit XML in pieces, one ``testsuite`` per file as it is read
    (the totals of the root element come from a first, counting pass)."""
    from xml.sax.saxutils import quoteattr

    options = options or {}
    lang = option_lang(options)
    fail_on = options.get("fail_on") or "info"
    total_tests = total_failures = 0
    for f in result.berkas:
        groups = iter_sops(f)
        total_tests += len(groups)
        total_failures += sum(1 for _i, _s, findings in groups if any(fails(t, fail_on) for t in findings))
    yield ("<?xml version='1.0' encoding='UTF-8'?>\n"
           f"<testsuites name={quoteattr('soplint')} tests=\"{total_tests}\" failures=\"{total_failures}\" "
           "errors=\"0\" time=\"0\">\n")
    props = _properties(result) if options.get("statistics") else None
    for suite_id, f in enumerate(result.berkas):
        suite = _suite(suite_id, f, lang, fail_on)
        if props is not None:
            suite.insert(0, props)
            props = None
        yield etree.tostring(suite, encoding="unicode", pretty_print=True)
    yield "</testsuites>\n"
