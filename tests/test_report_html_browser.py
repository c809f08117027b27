"""The HTML report as a browser shows it: made by the real command, rendered
by headless Chromium at a phone's width and at a desktop width, and checked
on the rendered page (nothing wider than the screen, the tables turned into
cards, the verdicts, the rule explanations visible, fields in words).

Chromium is Debian's ``chromium`` (CI installs it, see ``.ci/run``, and sets
``SOPLINT_REQUIRE_CHROMIUM=1``); without it these tests skip locally."""
from __future__ import annotations

import html
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
#: warnings (ID04 dates: identitas.tanggal_* fields, ID09) and no error; an error (FL02) and warnings; info only
FILES = [SAMPLES / "surat-masuk-bappeda.docx", SAMPLES / "laik-sehat-dinkes.docx",
         SAMPLES / "akta-kelahiran-disdukcapil.docx"]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if path is None:
        if os.environ.get("SOPLINT_REQUIRE_CHROMIUM"):
            pytest.fail("chromium is required in CI but not installed")
        pytest.skip("chromium (Debian's headless browser) not installed; CI installs it")
    return path


def _browser(chromium, *args, timeout=120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="soplint-chromium-") as profile:
        return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              timeout=timeout)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The page, made by the real command (--fail-on warning, English)."""
    out = tmp_path_factory.mktemp("html") / "laporan.html"
    proc = subprocess.run([sys.executable, "-m", "soplint", "--lang", "en", "check", *map(str, FILES),
                           "--format", "html", "-o", str(out), "--fail-on", "warning", "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    return out


#: measures the page shown in an iframe of the given width (the iframe is the
#: phone's screen: its media queries follow its own width) and writes the
#: figures into the outer document for --dump-dom
MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="width:%(w)dpx;height:900px;border:0" srcdoc="%(page)s"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument, win = this.contentWindow, r = {};
  r.viewport = win.innerWidth;
  r.scroll = d.documentElement.scrollWidth;
  r.right = 0;
  d.querySelectorAll("body *").forEach(function (e) {
    var b = e.getBoundingClientRect();
    if (b.width > 0 && b.right > r.right) r.right = b.right;
  });
  function shown(e) { var b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }
  r.explain = Array.prototype.filter.call(d.querySelectorAll(".explain"), shown).length;
  r.why = Array.prototype.filter.call(d.querySelectorAll(".why"), shown).length;
  r.rules = d.querySelectorAll("#aturan + table tbody tr").length;
  r.findings = d.querySelectorAll("tr.sev-error, tr.sev-warning, tr.sev-info").length;
  r.headers = Array.prototype.filter.call(d.querySelectorAll("thead"), shown).length;
  r.cardLabels = Array.prototype.filter.call(d.querySelectorAll("td[data-label]"), function (e) {
    return win.getComputedStyle(e, "::before").content.indexOf(":") >= 0; }).length;
  r.text = d.body.innerText;
  var pre = document.createElement("pre");
  pre.id = "measure";
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
});
</script></body></html>"""


def _measure(chromium, page: Path, width: int, tmp_path) -> dict:
    wrapper = tmp_path / f"measure-{width}.html"
    wrapper.write_text(MEASURE % {"w": width, "page": html.escape(page.read_text("utf-8"), quote=True)}, "utf-8")
    proc = _browser(chromium, "--window-size=1400,1000", "--virtual-time-budget=10000", "--dump-dom",
                    wrapper.as_uri())
    dom = proc.stdout.decode("utf-8", "replace")
    start = dom.find('<pre id="measure">')
    assert start >= 0, (proc.returncode, proc.stderr[-2000:])
    text = dom[start + len('<pre id="measure">'): dom.index("</pre>", start)]
    return json.loads(html.unescape(text))


def _png_size(path: Path) -> tuple:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_report_fits_a_phone_screen(chromium, report, tmp_path):
    m = _measure(chromium, report, 360, tmp_path)
    assert m["viewport"] == 360
    # nothing runs off the right edge: no sideways scrolling on a phone
    assert m["scroll"] <= m["viewport"], m
    assert m["right"] <= m["viewport"] + 0.5, m
    # the tables became cards: no header row shown, every cell says what it is
    assert m["headers"] == 0
    assert m["cardLabels"] > 0
    # every finding shows its rule's explanation without hovering
    assert m["findings"] > 0 and m["explain"] == sum(1 for _ in _finding_rows(report))
    # the overview per rule says why each rule matters, also on a phone
    assert m["rules"] > 0 and m["why"] == m["rules"]
    text = m["text"]
    assert "needs repair" in text and "passes" in text
    assert "Effective date" in text and "identitas.tanggal_efektif" not in text
    assert "Findings per rule" in text and "ID04" in text
    assert "Needs repair when" in text and "--fail-on warning" in text


def test_the_report_on_a_desktop_screen_keeps_its_tables(chromium, report, tmp_path):
    m = _measure(chromium, report, 1280, tmp_path)
    assert m["scroll"] <= m["viewport"], m
    assert m["headers"] >= 3  # summary, rules and findings tables with their header rows
    assert m["cardLabels"] == 0


def test_screenshots_have_the_asked_widths(chromium, report, tmp_path):
    """The plain screenshot path a reviewer would use (also the images to
    look at when the layout changes)."""
    for width in (390, 1280):
        shot = tmp_path / f"laporan-{width}.png"
        proc = _browser(chromium, f"--screenshot={shot}", f"--window-size={width},1600", report.as_uri())
        assert shot.is_file(), proc.stderr[-2000:]
        assert _png_size(shot) == (width, 1600)
        assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def _finding_rows(report: Path):
    text = report.read_text("utf-8")
    marker = '<td data-label="Severity"><span class="sev'
    index = text.find("<h2>Findings</h2>")
    while True:
        index = text.find(marker, index + 1)
        if index < 0:
            return
        yield index
