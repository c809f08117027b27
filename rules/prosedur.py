"""PR rules: the procedure table (bagian flowchart): steps, actors, mutu baku."""
from __future__ import annotations

import re

from soplint.lokasi import Lokasi
from soplint.rule import Rule, normalise_actor
from soplint.lazyre import lazy_pattern

from soplint_rules._teks import is_dash, is_placeholder, norm

#: words that begin the name of a role (jabatan) in regional SOPs
ROLE_WORDS = frozenset("""
kepala kasi kasie kasubag kasubbag kasubbid kasubid kabid kabag kadis kaban kakan ktu kaur kasubdit
sekretaris sekda sekcam camat lurah kades staf staff petugas pemohon operator jfu jft pengadministrasi
bendahara tim ketua anggota pejabat verifikator bupati walikota wali gubernur direktur pimpinan
pengelola analis pranata arsiparis penduduk masyarakat pelapor pengirim front fo loket resepsionis
admin administrator teknisi koordinator supervisor manajer mudir wakil plt kasubsi kasubsie korwil
pegawai pengawas penyuluh pengolah pembantu pelaksana pengurus sekretariat kabiro karo asisten
inspektur auditor panitia juru bidan dokter perawat apoteker kapus kapuskesmas
""".split())

#: rows that only carry the start/end capsule ("Mulai", "Selesai")
_TERMINATOR_TEXT = re.compile(r"^(?:mulai|selesai|start|end|stop|finish|awal|akhir)$", re.I)


def is_terminator_row(k) -> bool:
    return bool(_TERMINATOR_TEXT.match(norm(k.uraian)))


def known_actors(sop, ctx) -> set:
    names = set()
    for p in sop.pelaksana or []:
        if p and p.strip():
            names.add(normalise_actor(p))
    for k in sop.kegiatan:
        for p in [k.pelaksana] + list(k.pelaksana_lain or []):
            if p and p.strip():
                names.add(normalise_actor(p))
    for alias in (ctx.aliases or {}):
        names.add(alias)
    return {n for n in names if len(n) >= 2}


def actor_column(sop, i, name):
    """Where an actor column is: the model's location, else the procedure
    table with the column's header ('tabel 3, kolom "Bendahara"')."""
    table = sop.lokasi or {}
    if i is not None and table.get(f"pelaksana[{i}]"):
        return table[f"pelaksana[{i}]"]
    if table.get("pelaksana"):
        return table["pelaksana"]
    where = Lokasi.parse(table.get("kegiatan"))
    if where and name:
        return where.dengan_kolom(name)
    return where


def _empty(text) -> bool:
    return not (text or "").strip()


class TanpaKegiatan(Rule):
    """Memeriksa bahwa SOP memiliki langkah kegiatan.
    Checks that the SOP has procedure steps.

    Apa / What
      Tidak ada satu pun langkah kegiatan yang terbaca dari tabel prosedur
      (bagian flowchart).

      No procedure step was found.

    Mengapa / Why
      Dokumen SOP AP terdiri atas bagian identitas dan bagian flowchart
      (PermenPAN-RB 35/2012); tanpa langkah kegiatan, prosedurnya tidak ada.

      An SOP AP consists of an identity part and a flowchart part (PermenPAN-RB
      35/2012); without steps there is no procedure.

    Contoh / Example
      Salah / wrong:  hanya tabel identitas.
      Benar / fixed:  tambahkan tabel prosedur: No | Kegiatan | Pelaksana | Mutu Baku | Keterangan.
    """

    code = "PR01"
    name = "tanpa-kegiatan"
    severity = "error"
    summary = ("Tidak ada langkah kegiatan", "No procedure steps found")
    messages = {"default": ("Tidak ada langkah kegiatan yang ditemukan", "No procedure steps found")}

    def check(self, sop, ctx):
        if not sop.kegiatan:
            yield self.finding(sop, field="kegiatan")


class PelaksanaKosong(Rule):
    """Memeriksa bahwa setiap langkah menandai pelaksananya.
    Checks that every step marks its actor.

    Apa / What
      Langkah yang tidak memiliki simbol atau tanda di kolom pelaksana mana pun
      (juga bila bagan alir hanya ditempel sebagai gambar: pelaksananya tidak
      tertulis di tabel). Baris yang hanya berisi "Mulai"/"Selesai" dikecualikan.

      A step with no actor marked (also where the flowchart is a pasted picture);
      rows that only say Mulai/Selesai are skipped.

    Mengapa / Why
      Pelaksana dipisahkan dari kegiatan: setiap kegiatan dilakukan oleh satu
      pelaksana yang ditandai pada kolomnya (PermenPAN-RB 35/2012, bagian flowchart).

      Actors are kept apart from activities: each activity is done by one actor,
      marked in that actor's column (PermenPAN-RB 35/2012, the flowchart part).

    Contoh / Example
      Salah / wrong:  baris 4 tanpa simbol di kolom pelaksana.
      Benar / fixed:  gambar simbol proses di kolom "Kasubbag Umum" pada baris 4.
    """

    code = "PR02"
    name = "pelaksana-kosong"
    severity = "error"
    summary = ("Langkah tanpa pelaksana", "A step has no actor marked")
    messages = {"default": ("Kegiatan {no} tidak menandai pelaksana", "Step {no} has no actor marked")}

    def check(self, sop, ctx):
        for k in sop.kegiatan:
            if _empty(k.pelaksana) and not is_terminator_row(k):
                yield self.finding(sop, field="kegiatan.pelaksana", kegiatan=k, no=k.no, teks=k.uraian or None)


#: compiled on first use (only for actors named together)
_JOIN = lazy_pattern(r"\s+(?:dan|serta)\s+|\s*[&+]\s*", re.I)


def _is_role(part: str, actors: set) -> bool:
    n = normalise_actor(part)
    if not n:
        return False
    if n in actors:
        return True
    first = norm(part).split(" ")[0] if norm(part) else ""
    return first in ROLE_WORDS


class PelaksanaGanda(Rule):
    """Memeriksa langkah dengan lebih dari satu pelaksana.
    Checks steps with more than one actor.

    Apa / What
      Dua kolom pelaksana ditandai pada satu baris, atau nama pelaksana berbentuk
      "A dan B" / "A & B" pada teks pelaksana sebuah langkah (mis. "Kasi dan Sekcam").
      Nama jabatan yang memang memuat "dan" ("Kasubbag Umum dan Kepegawaian") dan
      judul kolom pelaksana bersimbol (satu peran bersama, mis. "Kabid dan Tim
      Teknis") tidak dihitung.

      Two actor columns marked in one row, or an actor written as "A and B".

    Mengapa / Why
      Setiap kegiatan memiliki satu pelaksana; kegiatan dua pelaksana dipecah
      menjadi dua baris (PermenPAN-RB 35/2012: pelaksana dipisahkan dari kegiatan).

      Each activity has one actor; an activity of two actors is split into two
      rows (PermenPAN-RB 35/2012: actors kept apart from activities).

    Contoh / Example
      Salah / wrong:  "Kasi dan Sekcam meneliti dan memaraf" dalam satu baris.
      Benar / fixed:  baris 5 "Kasi meneliti dan memaraf", baris 6 "Sekcam memaraf".
    """

    code = "PR03"
    name = "pelaksana-ganda"
    severity = "warning"
    summary = ("Langkah dengan lebih dari satu pelaksana", "A step has more than one actor")
    messages = {
        "default": ("Kegiatan {no} menandai lebih dari satu pelaksana: {teks}",
                    "Step {no} marks more than one actor: {teks}"),
        "teks": ("Kegiatan {no} menyebut dua pelaksana: {teks}", "Step {no} names two actors: {teks}"),
    }

    def check(self, sop, ctx):
        actors = known_actors(sop, ctx)
        for k in sop.kegiatan:
            others = [p for p in (k.pelaksana_lain or []) if p and p.strip()
                      and normalise_actor(p) != normalise_actor(k.pelaksana or "")]
            if k.pelaksana and others:
                yield self.finding(sop, field="kegiatan.pelaksana", kegiatan=k, no=k.no,
                                   teks=", ".join([k.pelaksana] + others))
                continue
            text = (k.pelaksana or "").strip()
            if not text or normalise_actor(text) in {normalise_actor(a) for a in ctx.aliases.values()}:
                continue
            if k.bentuk is not None and text in (sop.pelaksana or []):
                continue  # a drawn/ticked column: its header is one (possibly joint) role
            parts = [p for p in _JOIN().split(text) if p.strip()]
            if len(parts) >= 2 and all(_is_role(p, actors - {normalise_actor(text)}) for p in parts):
                yield self.finding(sop, "teks", field="kegiatan.pelaksana", kegiatan=k, no=k.no, teks=text)


class KelengkapanKosong(Rule):
    """Memeriksa kolom Kelengkapan (mutu baku) pada langkah proses.
    Checks the Kelengkapan (input) column of process steps.

    Apa / What
      Langkah proses tanpa kelengkapan (kosong, "-" atau penanda isian).
      Langkah keputusan dan baris Mulai/Selesai tidak diperiksa.

      A process step with no requirements (Kelengkapan column).

    Mengapa / Why
      Setiap kegiatan memiliki mutu baku: kelengkapan, waktu dan output
      (PermenPAN-RB 35/2012, bagian flowchart; prinsip keterukuran).

      Every activity has a quality standard: requirements, time and output
      (PermenPAN-RB 35/2012, the flowchart part; measurability).

    Contoh / Example
      Salah / wrong:  "Mengagendakan surat" | Kelengkapan: (kosong)
      Benar / fixed:  Kelengkapan: "Surat masuk, buku agenda"
    """

    code = "PR04"
    name = "kelengkapan-kosong"
    severity = "warning"
    summary = ("Langkah proses tanpa kelengkapan", "A process step has no requirements (Kelengkapan column)")
    messages = {"default": ("Kegiatan {no} tidak memiliki kelengkapan", "Step {no} has no requirements (Kelengkapan)")}

    def check(self, sop, ctx):
        for k in sop.kegiatan:
            if k.simbol != "proses" or is_terminator_row(k):
                continue
            t = (k.kelengkapan or "").strip()
            if not t or is_dash(t) or is_placeholder(t):
                yield self.finding(sop, field="kegiatan.kelengkapan", kegiatan=k, kolom="Kelengkapan",
                                   no=k.no, teks=t or None)


class WaktuKosong(Rule):
    """Memeriksa kolom Waktu (mutu baku).
    Checks the Waktu (time) column.

    Apa / What
      Langkah tanpa waktu (kosong atau penanda isian; "-" juga, kecuali pada
      langkah keputusan yang lazim bertanda "-"). Sel Waktu yang digabung untuk
      beberapa langkah dihitung untuk semuanya. Baris Mulai/Selesai dikecualikan.

      A step with no time (a "-" is accepted on decision steps; a merged cell
      counts for every step it spans).

    Mengapa / Why
      Waktu adalah bagian mutu baku setiap kegiatan dan dasar mengukur kinerja
      (PermenPAN-RB 35/2012; prinsip keterukuran).

      Time is part of every activity's quality standard and the basis for
      measuring performance (PermenPAN-RB 35/2012; measurability).

    Contoh / Example
      Salah / wrong:  "Memeriksa berkas" | Waktu: (kosong)
      Benar / fixed:  Waktu: "15 menit"
    """

    code = "PR05"
    name = "waktu-kosong"
    severity = "warning"
    summary = ("Langkah tanpa waktu", "A step has no time (Waktu column)")
    messages = {"default": ("Kegiatan {no} tidak memiliki waktu", "Step {no} has no time (waktu)")}

    def check(self, sop, ctx):
        for k in sop.kegiatan:
            if is_terminator_row(k):
                continue
            t = (k.waktu.teks if k.waktu else "") or ""
            t = t.strip()
            if not t or is_placeholder(t) or (is_dash(t) and k.simbol != "keputusan"):
                yield self.finding(sop, field="kegiatan.waktu", kegiatan=k, kolom="Waktu", no=k.no, teks=t or None)


_VAGUE_TIME = re.compile(
    r"(?:±|\+/-|\+-|\b(?:segera|secepatnya|sesegera|sesuai\s+kebutuhan|sesuai\s+kondisi|sesuai\s+situasi|"
    r"tentatif|kondisional|situasional|fleksibel|bervariasi|tergantung|menyesuaikan|relatif|kurang\s+lebih|"
    r"lebih\s+kurang|sekitar|kira[\s-]+kira|tidak\s+tentu|tidak\s+terbatas|menunggu|sewaktu[\s-]+waktu|"
    r"asap|variatif)\b)", re.I)


class WaktuTidakTerukur(Rule):
    """Memeriksa waktu yang samar atau tidak terbaca.
    Checks times that are vague or cannot be read.

    Apa / What
      Waktu seperti "segera", "sesuai kebutuhan", "tentatif", "± 1 jam",
      "kurang lebih 2 hari", atau teks yang tidak dapat dibaca sebagai lama waktu.
      Diterima: "5 menit", "1 Jam", "2 (dua) hari kerja", "1 jam 30 menit",
      "10-15 menit", "maks. 1 hari".

      A vague or unreadable time.

    Mengapa / Why
      Mutu baku harus terukur (prinsip keterukuran, PermenPAN-RB 35/2012);
      waktu yang samar tidak dapat dipantau dan dibandingkan dengan standar
      pelayanan.

      The quality standard must be measurable (PermenPAN-RB 35/2012); a vague
      time cannot be monitored or compared with the service standard.

    Contoh / Example
      Salah / wrong:  "± 1 jam", "segera"
      Benar / fixed:  "60 menit", "15 menit"
    """

    code = "PR06"
    name = "waktu-tidak-terukur"
    severity = "warning"
    summary = ("Waktu samar atau tidak terukur", "The time (Waktu) is vague or unreadable")
    messages = {
        "samar": ("Waktu kegiatan {no} samar: {teks}", "Step {no} has a vague time: {teks}"),
        "default": ("Waktu kegiatan {no} tidak dapat diukur: {teks}", "Step {no} has an unmeasurable time: {teks}"),
    }

    def check(self, sop, ctx):
        for k in sop.kegiatan:
            if not k.waktu:
                continue
            t = (k.waktu.teks or "").strip()
            if not t or is_dash(t) or is_placeholder(t):
                continue  # PR05
            if _VAGUE_TIME.search(t):
                yield self.finding(sop, "samar", field="kegiatan.waktu", kegiatan=k, kolom="Waktu", no=k.no, teks=t)
            elif k.waktu.menit is None:
                yield self.finding(sop, field="kegiatan.waktu", kegiatan=k, kolom="Waktu", no=k.no, teks=t)


#: outputs that say nothing about the result
VAGUE_OUTPUT = frozenset("""
proses diproses selesai ok oke beres ada sudah terlaksana dilaksanakan dikerjakan hasil output lancar done
sesuai baik benar tuntas lanjut dilanjutkan diteruskan berjalan sukses
""".split())


class OutputKosong(Rule):
    """Memeriksa kolom Output (mutu baku).
    Checks the Output column.

    Apa / What
      Langkah tanpa output, dengan output yang tidak berkata apa-apa ("proses",
      "selesai", "ok", "sudah"), atau output yang hanya mengulang uraian
      kegiatan. Tanda "-" diterima pada langkah keputusan. Baris Mulai/Selesai
      dikecualikan.

      No output, an output that says nothing, or one that repeats the activity.

    Mengapa / Why
      Output adalah hasil kegiatan yang menjadi ukuran mutu baku
      (PermenPAN-RB 35/2012; prinsip keterukuran); lazimnya output langkah n
      menjadi kelengkapan langkah n+1.

      The output is the result of the activity by which its quality is measured
      (PermenPAN-RB 35/2012; measurability); usually the output of step n is the
      input of step n+1.

    Contoh / Example
      Salah / wrong:  "Mengagendakan surat masuk" | Output: "proses"
      Benar / fixed:  Output: "Surat teragenda"
    """

    code = "PR07"
    name = "output-kosong"
    severity = "warning"
    summary = ("Langkah tanpa output, atau output tidak bermakna", "A step has no output, or a meaningless one")
    messages = {
        "default": ("Kegiatan {no} tidak memiliki output", "Step {no} has no output"),
        "samar": ("Output kegiatan {no} tidak menyebut hasil: {teks}", "Step {no}'s output names no result: {teks}"),
        "ulang": ("Output kegiatan {no} hanya mengulang uraian kegiatan: {teks}",
                  "Step {no}'s output only repeats the activity: {teks}"),
    }

    def check(self, sop, ctx):
        for k in sop.kegiatan:
            if is_terminator_row(k):
                continue
            t = (k.output or "").strip()
            if not t or is_placeholder(t) or (is_dash(t) and k.simbol != "keputusan"):
                yield self.finding(sop, field="kegiatan.output", kegiatan=k, kolom="Output", no=k.no, teks=t or None)
            elif is_dash(t):
                continue
            elif norm(t) in VAGUE_OUTPUT:
                yield self.finding(sop, "samar", field="kegiatan.output", kegiatan=k, kolom="Output", no=k.no, teks=t)
            elif k.uraian and norm(t) == norm(k.uraian):
                yield self.finding(sop, "ulang", field="kegiatan.output", kegiatan=k, kolom="Output", no=k.no, teks=t)


class Penomoran(Rule):
    """Memeriksa urutan nomor langkah.
    Checks the step numbering.

    Apa / What
      Nomor langkah yang melompat (1, 2, 4), berulang (3, 3) atau mundur (5, 4).

      Step numbers that skip, repeat or run backwards.

    Mengapa / Why
      Nomor kegiatan adalah unsur bagian flowchart (PermenPAN-RB 35/2012) dan
      menjadi rujukan cabang keputusan ("Tidak: kembali ke kegiatan 4");
      penomoran yang kacau membuat rujukan salah.

      Step numbers belong to the flowchart part (PermenPAN-RB 35/2012) and are
      what decision branches refer to ("No: back to step 4"); muddled numbering
      makes those references wrong.

    Contoh / Example
      Salah / wrong:  1, 2, 3, 5, 6
      Benar / fixed:  1, 2, 3, 4, 5
    """

    code = "PR08"
    name = "penomoran"
    severity = "warning"
    summary = ("Nomor langkah melompat, berulang atau mundur", "Step numbers skip, repeat or run backwards")
    messages = {
        "lompat": ("Nomor kegiatan melompat dari {a} ke {b}", "Step numbers skip from {a} to {b}"),
        "ulang": ("Nomor kegiatan {b} berulang", "Step number {b} repeats"),
        "mundur": ("Nomor kegiatan mundur dari {a} ke {b}", "Step numbers run backwards from {a} to {b}"),
    }
    messages["default"] = messages["lompat"]

    def check(self, sop, ctx):
        steps = sop.kegiatan
        for prev, k in zip(steps, steps[1:]):
            a, b = prev.no, k.no
            if b == a + 1:
                continue
            key = "lompat" if b > a + 1 else ("ulang" if b == a else "mundur")
            yield self.finding(sop, key, field="kegiatan.no", kegiatan=k, kolom="No", a=a, b=b, teks=str(b))


class SubjekDalamUraian(Rule):
    """Memeriksa uraian kegiatan yang diawali nama pelaksana.
    Checks activity texts that start with an actor's name.

    Apa / What
      Uraian yang dimulai dengan nama pelaksana ("Kasi memverifikasi berkas",
      "KTU membuat konsep") — nama dari kolom pelaksana SOP itu, alias di
      konfigurasi, atau kata jabatan umum (Kepala, Kasi, Staf, Petugas, Pemohon...).
      Langkah yang ditulis sebagai kalimat dalam paragraf (tanpa tabel) tidak
      diperiksa: di sana pelaksana memang disebut dalam kalimat.

      An activity text starting with an actor's name (steps written as
      paragraphs, where the actor is part of the sentence, are skipped).

    Mengapa / Why
      Pelaksana dipisahkan dari kegiatan; uraian kegiatan ditulis dengan kata
      kerja aktif tanpa subjek (PermenPAN-RB 35/2012, bagian flowchart).

      Actors are kept apart from activities; an activity is written with an
      active verb and no subject (PermenPAN-RB 35/2012, the flowchart part).

    Contoh / Example
      Salah / wrong:  "Kasubbag Umum memeriksa konsep surat"
      Benar / fixed:  "Memeriksa konsep surat" (pelaksana: Kasubbag Umum)
    """

    code = "PR09"
    name = "subjek-dalam-uraian"
    severity = "info"
    summary = ("Uraian kegiatan diawali nama pelaksana", "The activity text starts with an actor name")
    messages = {"default": ("Uraian kegiatan {no} diawali nama pelaksana ({subjek}); mulailah dengan kata kerja",
                            "Step {no}'s activity starts with an actor name ({subjek}); start with a verb")}

    def check(self, sop, ctx):
        actors = sorted(known_actors(sop, ctx), key=len, reverse=True)
        for k in sop.kegiatan:
            if k.lokasi is not None and k.lokasi.di_paragraf and k.bentuk is None:
                continue  # steps written as sentences: the actor is named in them by nature
            text = normalise_actor(k.uraian or "")
            low = norm(k.uraian)
            if not low:
                continue
            subject = None
            for a in actors:
                if len(a) >= 3 and text.startswith(a + " ") and len(text) > len(a) + 2:
                    subject = k.uraian.strip()[: len(a)]
                    break
            if subject is None:
                words = low.split()
                if len(words) >= 2 and words[0] in ROLE_WORDS and not words[0].startswith(("me", "di")):
                    subject = (k.uraian or "").strip().split()[0]
            if subject:
                yield self.finding(sop, field="kegiatan.uraian", kegiatan=k, kolom="Kegiatan", no=k.no,
                                   subjek=subject, teks=k.uraian)


RULES = [TanpaKegiatan, PelaksanaKosong, PelaksanaGanda, KelengkapanKosong, WaktuKosong, WaktuTidakTerukur,
         OutputKosong, Penomoran, SubjekDalamUraian]
