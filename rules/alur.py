"""FL rules: the flowchart (symbols, start/end, decisions, reachability)."""
from __future__ import annotations

import re

from soplint.rule import Rule
from soplint.lazyre import lazy_pattern

SIMBOL_NAMA = {"mulai": ("kapsul mulai", "start terminator"), "selesai": ("kapsul selesai", "end terminator")}


def graph(sop) -> dict:
    """Step number -> the numbers of the steps that follow (lanjut ∪ cabang).
    A non-final process step without a recorded successor falls through to the
    next row (the reader's default), so an unknown arrow never cuts the flow;
    a decision branch that is unknown falls through too (FL02 reports it)."""
    steps = sop.kegiatan
    nos = [k.no for k in steps]
    out = {}
    for i, k in enumerate(steps):
        nxt = set(k.lanjut or [])
        open_branch = False
        if k.cabang is not None:
            for t in (k.cabang.ya, k.cabang.tidak):
                if t is not None:
                    nxt.add(t)
                else:
                    open_branch = True
        elif k.simbol == "keputusan":
            open_branch = True
        if (open_branch or not nxt) and k.simbol != "selesai" and i + 1 < len(steps):
            nxt.add(nos[i + 1])
        out.setdefault(k.no, set()).update(nxt)
    # in a drawn flowchart, a step without a symbol cannot be the end of an
    # arrow: assume the row above leads to it rather than call it unreachable
    drawn = any(k.bentuk and k.bentuk != "centang" for k in steps)
    if drawn:
        for i, k in enumerate(steps[1:], 1):
            if not k.bentuk and steps[i - 1].simbol != "selesai":
                out.setdefault(nos[i - 1], set()).add(k.no)
    return out


def predecessors(sop) -> dict:
    g = graph(sop)
    out = {k.no: set() for k in sop.kegiatan}
    for a, targets in g.items():
        for b in targets:
            out.setdefault(b, set()).add(a)
    return out


def _flow_unknown(sop) -> bool:
    """Symbols cannot be judged: no steps, or the flowchart is a picture."""
    return not sop.kegiatan or getattr(sop.sumber, "gambar_alur", False)


class MulaiSelesai(Rule):
    """Memeriksa kapsul mulai dan selesai pada bagan alir.
    Checks the start and end terminators of the flowchart.

    Apa / What
      Bagan alir tanpa kapsul mulai, tanpa kapsul selesai, atau dengan lebih dari
      satu kapsul mulai. Lebih dari satu kapsul selesai hanya dilaporkan bila
      opsi `satu_selesai` bernilai true. Bila dokumen tidak menggambar simbol,
      langkah pertama dan terakhir dianggap mulai dan selesai.

      No start or no end terminator, or more than one start.

    Mengapa / Why
      Simbol kapsul (terminator) menandai awal dan akhir alur kegiatan; SOP AP
      memiliki awal dan akhir yang jelas (PermenPAN-RB 35/2012, lima simbol
      bagan alir).

      The terminator marks where the flow of activities starts and ends; an SOP
      AP has one clear start and end (PermenPAN-RB 35/2012, the five flowchart
      symbols).

    Contoh / Example
      Salah / wrong:  langkah 1 digambar dengan kotak proses, tidak ada kapsul.
      Benar / fixed:  langkah 1 digambar dengan kapsul (terminator).

    Opsi / Options
      satu_selesai: laporkan juga lebih dari satu kapsul selesai (bawaan false).
    """

    code = "FL01"
    name = "mulai-selesai"
    severity = "warning"
    summary = ("Bagan alir tanpa mulai/selesai, atau lebih dari satu mulai",
               "The flow has no start or no end terminator, or more than one start")
    messages = {
        "tanpa_mulai": ("Bagan alir tidak memiliki kapsul mulai", "The flowchart has no start terminator"),
        "tanpa_selesai": ("Bagan alir tidak memiliki kapsul selesai", "The flowchart has no end terminator"),
        "mulai_ganda": ("Bagan alir memiliki {n} kapsul mulai (kegiatan {nos})",
                        "The flowchart has {n} start terminators (steps {nos})"),
        "selesai_ganda": ("Bagan alir memiliki {n} kapsul selesai (kegiatan {nos})",
                          "The flowchart has {n} end terminators (steps {nos})"),
    }
    messages["default"] = messages["tanpa_mulai"]
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"satu_selesai": {"type": "boolean",
                                                      "description": "report more than one end terminator"}}}
    defaults = {"satu_selesai": False}

    def check(self, sop, ctx):
        if _flow_unknown(sop):
            return
        mulai = [k for k in sop.kegiatan if k.simbol == "mulai"]
        selesai = [k for k in sop.kegiatan if k.simbol == "selesai"]
        if not mulai:
            first = sop.kegiatan[0]
            yield self.finding(sop, "tanpa_mulai", field="kegiatan.simbol", kegiatan=first)
        elif len(mulai) > 1:
            yield self.finding(sop, "mulai_ganda", field="kegiatan.simbol", kegiatan=mulai[1], n=len(mulai),
                               nos=", ".join(str(k.no) for k in mulai))
        if not selesai:
            last = sop.kegiatan[-1]
            yield self.finding(sop, "tanpa_selesai", field="kegiatan.simbol", kegiatan=last)
        elif len(selesai) > 1 and self.options.get("satu_selesai"):
            yield self.finding(sop, "selesai_ganda", field="kegiatan.simbol", kegiatan=selesai[1], n=len(selesai),
                               nos=", ".join(str(k.no) for k in selesai))


class CabangKeputusan(Rule):
    """Memeriksa cabang setiap simbol keputusan.
    Checks the branches of every decision.

    Apa / What
      Keputusan tanpa dua cabang (ya dan tidak), dengan kedua cabang menuju langkah
      yang sama, atau dengan cabang yang menunjuk langkah yang tidak ada. Cabang
      yang ditulis tetapi menuju ke luar SOP ("Tidak: diproses sesuai SOP
      Penanganan Temuan", "Jika ditolak, berkas dikembalikan") dianggap ada.

      A decision without two branches (ya/tidak), or with a branch to a step that
      does not exist.

    Mengapa / Why
      Belah ketupat (keputusan) memiliki dua jawaban, mis. Ya/Tidak,
      Lengkap/Tidak Lengkap, dan keduanya harus menuju langkah yang ada
      (PermenPAN-RB 35/2012, diagram alir bercabang).

      A decision (diamond) has two answers, e.g. Yes/No or Complete/Incomplete,
      and both must lead to a step that exists (PermenPAN-RB 35/2012, branching
      flowcharts).

    Contoh / Example
      Salah / wrong:  "Berkas lengkap?" tanpa keterangan cabang Tidak.
      Benar / fixed:  Keterangan: "Tidak: kembali ke kegiatan 2".
    """

    code = "FL02"
    name = "cabang-keputusan"
    severity = "error"
    summary = ("Keputusan tanpa dua cabang, atau cabang ke langkah yang tidak ada",
               "A decision lacks two branches, or a branch points to a missing step")
    messages = {
        "kurang": ("Keputusan pada kegiatan {no} tidak memiliki cabang {cabang}",
                   "The decision at step {no} has no '{cabang}' branch"),
        "sama": ("Kedua cabang keputusan pada kegiatan {no} menuju kegiatan yang sama ({t})",
                 "Both branches of the decision at step {no} go to the same step ({t})"),
        "hilang": ("Cabang {cabang} keputusan pada kegiatan {no} menunjuk kegiatan {t} yang tidak ada",
                   "The '{cabang}' branch of the decision at step {no} points to step {t}, which does not exist"),
    }
    messages["default"] = messages["kurang"]

    def check(self, sop, ctx):
        nos = {k.no for k in sop.kegiatan}
        for k in sop.kegiatan:
            if k.simbol != "keputusan":
                continue
            c = k.cabang
            ya = c.ya if c else None
            tidak = c.tidak if c else None
            text = f"{k.keterangan or ''} {k.uraian or ''}"
            # a branch written out but leading outside the SOP ("Tidak: diproses
            # sesuai SOP Penanganan Temuan", "Jika ditolak, selesai") exists
            missing = [name for name, t in (("ya", ya), ("tidak", tidak))
                       if t is None and not _DESCRIBED[name]().search(text)]
            if missing:
                yield self.finding(sop, "kurang", field="kegiatan.cabang", kegiatan=k, kolom="Keterangan",
                                   no=k.no, cabang="/".join(missing), teks=k.keterangan or k.uraian or None)
                continue
            bad = False
            for name, t in (("ya", ya), ("tidak", tidak)):
                if t is not None and t not in nos:
                    bad = True
                    yield self.finding(sop, "hilang", field="kegiatan.cabang", kegiatan=k, kolom="Keterangan",
                                       no=k.no, cabang=name, t=t, teks=k.keterangan or None)
            if not bad and ya is not None and ya == tidak:
                yield self.finding(sop, "sama", field="kegiatan.cabang", kegiatan=k, kolom="Keterangan",
                                   no=k.no, t=ya, teks=k.keterangan or None)


_ARROW = r"\s*(?::|=|->|→|=>|-|–)"
#: compiled on first use: only decisions without a branch target need them
_DESCRIBED = {
    "ya": lazy_pattern(r"(?<!tidak\s)(?<!belum\s)\b(?:ya|lengkap|sesuai|benar|setuju|disetujui|diterima|"
                     r"memenuhi\s+syarat)\b" + _ARROW
                     + r"|\b(?:jika|apabila|bila|kalau)\s+(?:ya|lengkap|sesuai|benar|setuju|disetujui|diterima)\b",
                     re.I),
    "tidak": lazy_pattern(r"\b(?:tidak|belum|ditolak|salah)(?:\s+(?:lengkap|sesuai|benar|setuju|disetujui|"
                        r"memenuhi\s+syarat))?\b" + _ARROW
                        + r"|\b(?:jika|apabila|bila|kalau)\s+(?:tidak|belum|ditolak|salah)\b", re.I),
}


class TidakTerjangkau(Rule):
    """Memeriksa langkah yang tidak dapat dicapai dari kapsul mulai.
    Checks steps that cannot be reached from the start.

    Apa / What
      Mengikuti panah (langkah berikut dan cabang keputusan) dari kapsul mulai
      (atau langkah pertama); langkah yang tidak pernah tercapai dilaporkan,
      mis. langkah yang dilompati kedua cabang sebuah keputusan.

      Following the arrows from the start, steps never reached.

    Mengapa / Why
      Setiap kegiatan merupakan bagian dari alur dari awal sampai akhir; langkah
      yatim menandakan panah yang salah atau langkah sisa (PermenPAN-RB 35/2012,
      diagram alir bercabang).

      Every activity is part of one flow from start to end; an orphan step means
      a wrong arrow or a left-over step (PermenPAN-RB 35/2012, branching
      flowcharts).

    Contoh / Example
      Salah / wrong:  4 (keputusan) Ya -> 6, Tidak -> 2; langkah 5 tak terjangkau.
      Benar / fixed:  Ya -> 5.
    """

    code = "FL03"
    name = "tidak-terjangkau"
    severity = "warning"
    summary = ("Langkah tidak terjangkau dari mulai", "A step cannot be reached from the start")
    messages = {"default": ("Kegiatan {no} tidak dapat dicapai dari awal alur",
                            "Step {no} cannot be reached from the start of the flow")}

    def check(self, sop, ctx):
        if len(sop.kegiatan) < 2:
            return
        g = graph(sop)
        roots = [k.no for k in sop.kegiatan if k.simbol == "mulai"] or [sop.kegiatan[0].no]
        seen = set()
        todo = list(roots)
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            todo.extend(t for t in g.get(n, ()) if t not in seen)
        reported = set()
        for k in sop.kegiatan:
            if k.no not in seen and k.no not in reported:
                reported.add(k.no)
                yield self.finding(sop, field="kegiatan", kegiatan=k, no=k.no, teks=k.uraian or None)


class SimbolTidakBaku(Rule):
    """Memeriksa simbol di luar lima simbol baku.
    Checks symbols outside the five allowed ones.

    Apa / What
      Simbol yang digambar selain kapsul (terminator), kotak (proses), belah
      ketupat (keputusan), anak panah, dan segilima (penghubung antarhalaman), mis.
      lingkaran penghubung dalam halaman, simbol dokumen, jajaran genjang.

      A drawn symbol outside the five allowed (terminator, process, decision,
      arrow, off-page connector).

    Mengapa / Why
      SOP AP hanya memakai lima simbol, karena kegiatan administrasi hanya
      "melaksanakan" atau "memutuskan" (PermenPAN-RB 35/2012, bagian flowchart).

      An SOP AP uses only five symbols, since an administrative activity either
      "carries out" or "decides" (PermenPAN-RB 35/2012, the flowchart part).

    Contoh / Example
      Salah / wrong:  langkah 3 digambar dengan simbol dokumen.
      Benar / fixed:  gunakan kotak proses; lingkaran penghubung diganti panah.
    """

    code = "FL04"
    name = "simbol-tidak-baku"
    severity = "warning"
    summary = ("Simbol di luar lima simbol baku", "A drawn symbol outside the five allowed")
    messages = {"default": ("Kegiatan {no} memakai simbol tidak baku ({bentuk})",
                            "Step {no} uses a non-standard symbol ({bentuk})")}

    def check(self, sop, ctx):
        for k in sop.kegiatan:
            if k.simbol == "tidak_baku":
                yield self.finding(sop, field="kegiatan.simbol", kegiatan=k, no=k.no,
                                   bentuk=shape_words(k.bentuk), teks=k.bentuk or None)


class BaganGambar(Rule):
    """Melaporkan bagan alir yang ditempel sebagai gambar.
    Reports a flowchart pasted as a picture.

    Apa / What
      Tabel prosedur tanpa simbol yang digambar (kapsul, kotak, belah ketupat)
      sementara dokumen memuat gambar besar: bagan alirnya berupa gambar,
      sehingga alur, simbol dan cabang keputusan tidak dapat diperiksa (FL01-FL04
      tidak dijalankan). Langkah dan mutu baku tetap dibaca dari teks.

      A procedure without drawn symbols and a large picture in the document:
      the flowchart is an image, so its flow, symbols and branches cannot be
      checked (FL01-FL04 do not run); steps and mutu baku are still read.

    Mengapa / Why
      Bagan alir SOP AP memakai lima simbol baku dengan pelaksana terpisah
      (PermenPAN-RB 35/2012); gambar tidak dapat diperiksa atau ditulis ulang
      ke templat.

      An SOP AP flowchart uses the five standard symbols in separate actor
      columns (PermenPAN-RB 35/2012); a picture can be neither checked nor
      rewritten into the template.

    Contoh / Example
      Salah / wrong:  bagan alir dari aplikasi lain ditempel sebagai PNG.
      Benar / fixed:  gambar simbol di sel kolom pelaksana (soplint convert).
    """

    code = "FL05"
    name = "bagan-alir-gambar"
    severity = "info"
    summary = ("Bagan alir berupa gambar, alurnya tidak dapat diperiksa",
               "The flowchart is a picture: its flow cannot be checked")
    messages = {"default": ("Bagan alir berupa gambar: simbol, alur dan cabang keputusan tidak dapat diperiksa",
                            "The flowchart is a picture: its symbols, flow and decision branches cannot be checked")}

    def check(self, sop, ctx):
        if getattr(sop.sumber, "gambar_alur", False):
            yield self.finding(sop, field="kegiatan")


#: drawn shapes in words: DrawingML preset names and the VML shape types
#: (o:spt / "t<number>") Word writes for the same shapes
_SHAPES = {
    "flowChartDocument": (114, "dokumen", "document"),
    "flowChartMultidocument": (115, "dokumen ganda", "multiple documents"),
    "flowChartInputOutput": (111, "data (jajaran genjang)", "data (parallelogram)"),
    "flowChartPredefinedProcess": (112, "proses terdefinisi", "predefined process"),
    "flowChartInternalStorage": (113, "penyimpanan internal", "internal storage"),
    "flowChartPreparation": (117, "persiapan (segi enam)", "preparation (hexagon)"),
    "flowChartManualInput": (118, "input manual", "manual input"),
    "flowChartManualOperation": (119, "operasi manual (trapesium)", "manual operation (trapezoid)"),
    "flowChartConnector": (120, "lingkaran penghubung", "on-page connector (circle)"),
    "flowChartPunchedCard": (121, "kartu berlubang", "punched card"),
    "flowChartPunchedTape": (122, "pita berlubang", "punched tape"),
    "flowChartSummingJunction": (123, "titik penjumlahan", "summing junction"),
    "flowChartOr": (124, "atau", "or"),
    "flowChartCollate": (125, "susun", "collate"),
    "flowChartSort": (126, "urut", "sort"),
    "flowChartExtract": (127, "ekstrak (segitiga)", "extract (triangle)"),
    "flowChartMerge": (128, "gabung (segitiga terbalik)", "merge (inverted triangle)"),
    "flowChartOfflineStorage": (129, "penyimpanan luring", "offline storage"),
    "flowChartOnlineStorage": (130, "penyimpanan daring", "stored data"),
    "flowChartMagneticTape": (131, "pita magnetik", "magnetic tape"),
    "flowChartMagneticDisk": (132, "disk magnetik (tabung)", "magnetic disk (cylinder)"),
    "flowChartMagneticDrum": (133, "akses langsung", "direct access storage"),
    "flowChartDisplay": (134, "tampilan", "display"),
    "flowChartDelay": (135, "tunda", "delay"),
    "flowChartAlternateProcess": (176, "proses alternatif (kotak bersudut bulat)",
                                  "alternate process (rounded box)"),
    "ellipse": (3, "elips", "ellipse"),
    "triangle": (5, "segitiga", "triangle"),
    "rtTriangle": (6, "segitiga siku-siku", "right triangle"),
    "parallelogram": (7, "jajaran genjang", "parallelogram"),
    "trapezoid": (8, "trapesium", "trapezoid"),
    "hexagon": (9, "segi enam", "hexagon"),
    "octagon": (10, "segi delapan", "octagon"),
    "plus": (11, "tanda tambah", "plus sign"),
    "star5": (12, "bintang", "star"),
    "rightArrow": (13, "panah blok", "block arrow"),
    "cube": (16, "kubus", "cube"),
    "can": (22, "tabung", "cylinder"),
    "donut": (23, "cincin", "ring"),
    "wedgeRectCallout": (61, "balon keterangan", "callout"),
    "wedgeRoundRectCallout": (62, "balon keterangan", "callout"),
    "wedgeEllipseCallout": (63, "balon keterangan", "callout"),
    "cloudCallout": (106, "balon keterangan awan", "cloud callout"),
    "textBox": (202, "kotak teks", "text box"),
    "line": (20, "garis", "line"),
}
_BY_NAME = {name.lower(): words for name, (_n, *words) in _SHAPES.items()}
_BY_NAME.update({f"t{n}": words for _name, (n, *words) in _SHAPES.items()})


def shape_words(bentuk) -> str:
    """A drawn shape named in words for the message ("dokumen" / "document"
    for flowChartDocument or the VML t114); an unknown one as "bentuk lain"
    with its name."""
    from soplint.i18n import tr

    if not bentuk:
        return tr("bentuk tak dikenal", "unknown shape")
    words = _BY_NAME.get(str(bentuk).lower())
    if words is not None:
        return tr(*words)
    return tr("bentuk lain: {b}", "other shape: {b}", b=bentuk)


RULES = [MulaiSelesai, CabangKeputusan, TidakTerjangkau, SimbolTidakBaku, BaganGambar]
