"""``check --format junit``: JUnit XML, for CI servers that show test reports.

One ``testsuite`` per input file, one ``testcase`` per SOP in it (plus a
testcase for the file itself where a finding is about the whole file, e.g.
DK01, or the file holds no SOP), one ``failure`` per finding. ``tests``
counts testcases, ``failures`` counts failed testcases (those with at least
one finding), as JUnit consumers expect.
"""
from __future__ import annotations

import re

from lxml import etree

from soplint.report.formats import (SEVERITY_LABEL, iter_sops, lokasi_text, option_lang, pick, sop_label,
                                    statistics)

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
        lines.append(f"{pick(lang, 'isian', 'field')}: {t.field}")
    if t.teks:
        lines.append(f"{pick(lang, 'teks', 'text')}: {t.teks}")
    return "\n".join(lines)


def to_junit(result, options=None):
    """The report as an lxml element ``testsuites``."""
    options = options or {}
    lang = option_lang(options)
    root = etree.Element("testsuites", name="soplint")
    total_tests = total_failures = 0
    for suite_id, f in enumerate(result.berkas):
        suite = etree.SubElement(root, "testsuite", name=clean(f.berkas), id=str(suite_id))
        tests = failures = 0
        for indeks, summary, findings in iter_sops(f):
            case = etree.SubElement(suite, "testcase", classname=clean(f.berkas),
                                    name=clean(sop_label(lang, indeks, summary)), time="0")
            tests += 1
            if findings:
                failures += 1
            for t in findings:
                fail = etree.SubElement(case, "failure", type=clean(t.code),
                                        message=clean(f"[{t.code} {t.name}] {t.message}"))
                fail.text = clean(_failure_body(t, lang))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("time", "0")
    if options.get("statistics"):
        props = etree.Element("properties")
        for code, name, severity, count in statistics(result):
            etree.SubElement(props, "property", name=clean(f"{code} {name} ({severity})"), value=str(count))
        # properties belong to a testsuite; put the run's statistics on the first one
        first = root.find("testsuite")
        if first is not None:
            first.insert(0, props)
    return root


def format_junit(result, options=None) -> str:
    root = to_junit(result, options)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
