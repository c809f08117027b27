"""RD rules: redundant steps (within an SOP) and redundant SOPs (across the run,
in :mod:`soplint_rules.redundansi_dokumen`)."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from soplint.rule import Rule, normalise_actor

from soplint_rules._teks import data_file, is_blank, norm, stem, stem_text, tokens
from soplint_rules.alur import graph, predecessors
from soplint_rules.prosedur import is_terminator_row

_DIGITS = re.compile(r"\d+")


def similar(a: str, b: str) -> float:
    """Similarity 0-100 of two normalised (stemmed) texts, word order aside."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


class KegiatanDuplikat(Rule):
    """Memeriksa dua langkah dalam satu SOP yang menyatakan hal yang sama.
    Checks two steps of one SOP that say the same thing.

    Apa / What
      Uraian kegiatan yang sama atau hampir sama setelah dinormalkan: huruf besar/
      kecil, tanda baca, dan imbuhan bahasa Indonesia (me-, di-, -kan, -i, peN-...,
      dengan stemmer PySastrawi), dibandingkan dengan rapidfuzz. Hanya langkah
      dengan pelaksana yang sama (pemeriksaan berjenjang oleh pejabat berbeda
      bukan duplikat) dan angka yang sama ("tahap 1" bukan "tahap 2").

      Identical or near-identical activity text (after normalising case,
      punctuation and affixes) by the same actor.

    Mengapa / Why
      Prinsip efisiensi dan efektivitas (PermenPAN-RB 35/2012): langkah berulang
      menambah waktu tanpa menambah hasil; sering berasal dari salin-tempel.

      Efficiency and effectiveness (PermenPAN-RB 35/2012): a repeated step adds
      time without adding a result; it often comes from copy and paste.

    Contoh / Example
      Salah / wrong:  3 "Melakukan peninjauan lapangan"; 4 "Melaksanakan peninjauan lapangan."
      Benar / fixed:  hapus salah satunya.

    Opsi / Options
      ambang: kemiripan minimum 0-100 (bawaan 90).
    """

    code = "RD01"
    name = "kegiatan-duplikat"
    severity = "warning"
    summary = ("Dua langkah menyatakan kegiatan yang sama", "Two steps of one SOP say the same thing")
    messages = {"default": ("Kegiatan {no} sama dengan kegiatan {lain} (kemiripan {skor}%)",
                            "Step {no} repeats step {lain} (similarity {skor}%)")}
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"ambang": {"type": "number", "minimum": 50, "maximum": 100,
                                                "description": "minimum similarity 0-100"}}}
    defaults = {"ambang": 90}

    def check(self, sop, ctx):
        ambang = float(self.options["ambang"])
        prepared = []
        for k in sop.kegiatan:
            if is_terminator_row(k) or len(tokens(k.uraian)) < 2:
                continue
            prepared.append((k, stem_text(k.uraian), set(_DIGITS.findall(k.uraian or ""))))
        reported = set()
        for j, (b, sb, db) in enumerate(prepared):
            for a, sa, da in prepared[:j]:
                if b.no in reported:
                    break
                if a.pelaksana and b.pelaksana and normalise_actor(a.pelaksana) != normalise_actor(b.pelaksana):
                    continue
                if da != db:
                    continue
                score = similar(sa, sb)
                if score >= ambang:
                    reported.add(b.no)
                    yield self.finding(sop, field="kegiatan.uraian", kegiatan=b, kolom="Kegiatan", no=b.no,
                                       lain=a.no, skor=int(round(score)), teks=b.uraian)


def _lexicon(options) -> dict:
    base = data_file("kata_kerja.toml")
    lex = {k: set(v) for k, v in base.items() if isinstance(v, list)}
    for key in ("terima", "teruskan", "bukan_kata_kerja", "akhir_klausa"):
        extra = options.get(f"kata_{key}") or []
        lex.setdefault(key, set()).update(stem(norm(w)) if key in ("terima", "teruskan") else norm(w)
                                          for w in extra)
    return lex


def verbs(text: str, lex: dict) -> list:
    """Roots of the verbs of the main clause ("Menerima surat dan meneruskan
    kepada Sekretaris untuk ditindaklanjuti" -> ["terima", "terus"])."""
    out = []
    for w in tokens(text):
        if w in lex.get("akhir_klausa", ()):
            break
        if w in lex.get("bukan_kata_kerja", ()):
            continue
        if not (w.startswith("me") or w.startswith("di")):
            continue
        # a me-/di- word the stemmer cannot reduce ("menindaklanjuti") is still
        # taken as a verb: an unknown verb means real work, never a hand-off
        out.append(stem(w))
    return out


_LEX_SCHEMA = {"type": "array", "items": {"type": "string", "minLength": 1}}


class KegiatanDapatDigabung(Rule):
    """Mencari langkah berurutan yang dapat digabung menjadi satu baris.
    Finds consecutive steps that could be merged into one row.

    Apa / What
      Dua langkah berurutan oleh pelaksana yang sama, tanpa keputusan di antaranya,
      di mana output langkah pertama hanya menjadi kelengkapan langkah kedua
      (tidak dipakai langkah lain, dan langkah kedua tidak menjadi tujuan cabang).

      Two consecutive steps by the same actor, no decision between, where the
      first's output is only the second's input.

    Mengapa / Why
      Prinsip efisiensi (PermenPAN-RB 35/2012): satu pelaksana yang meneruskan
      hasil kepada dirinya sendiri dapat ditulis sebagai satu kegiatan; bagan alir
      menjadi lebih pendek. Ini saran (info), bukan kesalahan.

      Efficiency (PermenPAN-RB 35/2012): an actor who hands a result to
      themselves can write it as one activity, and the flowchart gets shorter. A
      suggestion (info), not a mistake.

    Contoh / Example
      Sebelum / before:  3 "Mengetik konsep surat" (output: konsep surat);
                         4 "Mencetak konsep surat" (kelengkapan: konsep surat), keduanya Staf.
      Sesudah / after:   3 "Mengetik dan mencetak konsep surat".

    Opsi / Options
      ambang: kemiripan minimum output/kelengkapan 0-100 (bawaan 85).
    """

    code = "RD02"
    name = "kegiatan-dapat-digabung"
    severity = "info"
    summary = ("Langkah berurutan oleh pelaksana yang sama dapat digabung",
               "Consecutive steps by the same actor could be merged")
    messages = {"default": ("Kegiatan {a} dan {b} oleh {pelaksana} dapat digabung: output kegiatan {a} hanya "
                            "menjadi kelengkapan kegiatan {b}",
                            "Steps {a} and {b} by {pelaksana} could be merged: step {a}'s output is only "
                            "step {b}'s input")}
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"ambang": {"type": "number", "minimum": 50, "maximum": 100}}}
    defaults = {"ambang": 85}

    def check(self, sop, ctx):
        steps = sop.kegiatan
        if len(steps) < 2:
            return
        g = graph(sop)
        pred = predecessors(sop)
        ambang = float(self.options["ambang"])
        for i, (a, b) in enumerate(zip(steps, steps[1:])):
            if not a.pelaksana or not b.pelaksana:
                continue
            if normalise_actor(a.pelaksana) != normalise_actor(b.pelaksana):
                continue
            if a.simbol == "keputusan" or b.simbol == "keputusan" or is_terminator_row(a) or is_terminator_row(b):
                continue
            if g.get(a.no) != {b.no} or pred.get(b.no) != {a.no}:
                continue
            if is_blank(a.output) or is_blank(b.kelengkapan):
                continue
            out_a = stem_text(a.output)
            if not out_a or similar(out_a, stem_text(b.kelengkapan)) < ambang and \
                    fuzz.partial_ratio(out_a, stem_text(b.kelengkapan)) < 95:
                continue
            used_elsewhere = any(similar(out_a, stem_text(k.kelengkapan)) >= ambang
                                 for k in steps if k is not a and k is not b and not is_blank(k.kelengkapan))
            if used_elsewhere:
                continue
            yield self.finding(sop, field="kegiatan", kegiatan=a, a=a.no, b=b.no, pelaksana=a.pelaksana,
                               teks=f"{a.uraian} / {b.uraian}")


class KegiatanPerantara(Rule):
    """Mencari langkah yang hanya menerima dan meneruskan dokumen.
    Finds steps that only receive and pass a document on.

    Apa / What
      Langkah proses yang kata kerjanya hanya menerima dan/atau meneruskan
      (menerima, meneruskan, menyampaikan, mendistribusikan, menyerahkan,
      mengirimkan...), di antara langkah-langkah pelaksana lain: hanya titik
      serah-terima yang menambah waktu tanpa menambah pekerjaan. Leksikon kata
      kerja ada di rules/data/kata_kerja.toml dan dapat diperluas di konfigurasi.

      A process step whose verbs only receive and pass on, between steps of
      other actors. The verb lexicon is a data file, extendable from the config.

    Mengapa / Why
      Prinsip efisiensi dan efektivitas (PermenPAN-RB 35/2012); SOP AP memetakan
      kegiatan yang menghasilkan sesuatu. Ini saran (info), bukan kesalahan.

      Efficiency and effectiveness (PermenPAN-RB 35/2012); an SOP AP maps
      activities that produce something. A suggestion (info), not a mistake.

    Contoh / Example
      Sebelum / before:  Kasubbag "Menerima surat dan meneruskan kepada Sekretaris".
      Sesudah / after:   kirim langsung kepada Sekretaris, atau tambahkan kerja nyata
                         ("Menelaah dan memberi catatan").

    Opsi / Options
      kata_terima, kata_teruskan: kata kerja tambahan (bentuk dasar atau berimbuhan);
      kata_bukan_kata_kerja: kata ber-awalan me-/di- yang bukan kata kerja;
      kata_akhir_klausa: kata yang mengakhiri klausa utama ("untuk", "agar" ...).
    """

    code = "RD03"
    name = "kegiatan-perantara"
    severity = "info"
    summary = ("Langkah hanya menerima dan meneruskan dokumen", "A step only receives and passes a document on")
    messages = {"default": ("Kegiatan {no} hanya menerima dan meneruskan dokumen antara pelaksana lain; "
                            "pertimbangkan menghapus titik serah-terima ini",
                            "Step {no} only receives and passes a document on between other actors; "
                            "consider removing this hand-off")}
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"kata_terima": _LEX_SCHEMA, "kata_teruskan": _LEX_SCHEMA,
                                     "kata_bukan_kata_kerja": _LEX_SCHEMA, "kata_akhir_klausa": _LEX_SCHEMA}}
    defaults = {"kata_terima": [], "kata_teruskan": [], "kata_bukan_kata_kerja": [], "kata_akhir_klausa": []}

    def check(self, sop, ctx):
        if len(sop.kegiatan) < 3:
            return
        lex = _lexicon(self.options)
        handoff = lex.get("terima", set()) | lex.get("teruskan", set())
        g = graph(sop)
        pred = predecessors(sop)
        by_no = {k.no: k for k in sop.kegiatan}
        for k in sop.kegiatan:
            if k.simbol != "proses" or not k.pelaksana:
                continue
            vs = verbs(k.uraian, lex)
            if not vs or not set(vs) <= handoff or not (set(vs) & lex.get("teruskan", set())):
                continue
            before = [by_no[n] for n in pred.get(k.no, ()) if n in by_no]
            after = [by_no[n] for n in g.get(k.no, ()) if n in by_no]
            if not before or not after:
                continue
            me = normalise_actor(k.pelaksana)
            if all(x.pelaksana and normalise_actor(x.pelaksana) != me for x in before + after):
                yield self.finding(sop, field="kegiatan.uraian", kegiatan=k, kolom="Kegiatan", no=k.no,
                                   teks=k.uraian)


RULES = [KegiatanDuplikat, KegiatanDapatDigabung, KegiatanPerantara]
