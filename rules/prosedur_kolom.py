"""PR10-PR12: the size of the procedure table (actor columns, steps) and
actor columns no step uses."""
from __future__ import annotations

from soplint.rule import Rule, normalise_actor

from soplint_rules.prosedur import actor_column


class PelaksanaTerlaluBanyak(Rule):
    """Memeriksa jumlah kolom pelaksana.
    Checks the number of actor columns.

    Apa / What
      Lebih banyak kolom pelaksana daripada opsi `maks` (bawaan 7).

      More actor columns than the option `maks` (default 7).

    Mengapa / Why
      Terlalu banyak pelaksana membuat bagan alir sulit dibaca dalam satu halaman;
      PermenPAN-RB 35/2012 menyarankan memecah prosedur panjang menjadi SOP makro
      dan mikro (prinsip kemudahan dan kejelasan).

      Too many actors make the flowchart hard to read on one page; PermenPAN-RB
      35/2012 suggests splitting a long procedure into a macro SOP and micro
      SOPs (ease and clarity).

    Contoh / Example
      Salah / wrong:  9 kolom pelaksana dalam satu tabel.
      Benar / fixed:  pecah menjadi SOP makro dan beberapa SOP mikro.

    Opsi / Options
      maks: jumlah kolom pelaksana terbanyak yang diterima (bawaan 7).
    """

    code = "PR10"
    name = "pelaksana-terlalu-banyak"
    severity = "warning"
    summary = ("Terlalu banyak kolom pelaksana", "More actor columns than the option maks (default 7)")
    messages = {"default": ("SOP memiliki {n} kolom pelaksana (lebih dari {maks})",
                            "The SOP has {n} actor columns (more than {maks})")}
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"maks": {"type": "integer", "minimum": 1,
                                              "description": "most actor columns accepted"}}}
    defaults = {"maks": 7}

    def check(self, sop, ctx):
        actors = [p for p in sop.pelaksana or [] if p and p.strip()]
        maks = self.options["maks"]
        if len(actors) > maks:
            yield self.finding(sop, field="pelaksana", n=len(actors), maks=maks, teks=", ".join(actors),
                               lokasi=actor_column(sop, None, None))


class KegiatanTerlaluBanyak(Rule):
    """Memeriksa jumlah langkah.
    Checks the number of steps.

    Apa / What
      Lebih banyak langkah daripada opsi `maks` (bawaan 25).

      More steps than the option `maks` (default 25).

    Mengapa / Why
      PermenPAN-RB 35/2012 menganjurkan SOP makro yang memadukan beberapa SOP
      mikro untuk prosedur panjang; SOP yang sangat panjang sulit diikuti.

      PermenPAN-RB 35/2012 recommends a macro SOP joining several micro SOPs for
      a long procedure; a very long SOP is hard to follow.

    Contoh / Example
      Salah / wrong:  40 langkah dalam satu SOP.
      Benar / fixed:  SOP makro + SOP mikro per tahap.

    Opsi / Options
      maks: jumlah langkah terbanyak yang diterima (bawaan 25).
    """

    code = "PR11"
    name = "kegiatan-terlalu-banyak"
    severity = "info"
    summary = ("Terlalu banyak langkah; pertimbangkan SOP makro/mikro",
               "More steps than the option maks (default 25)")
    messages = {"default": ("SOP memiliki {n} langkah (lebih dari {maks}); pertimbangkan memecahnya menjadi SOP "
                            "makro dan mikro",
                            "The SOP has {n} steps (more than {maks}); consider splitting it into macro and "
                            "micro SOPs")}
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"maks": {"type": "integer", "minimum": 1,
                                              "description": "most steps accepted"}}}
    defaults = {"maks": 25}

    def check(self, sop, ctx):
        n = len(sop.kegiatan)
        if n > self.options["maks"]:
            yield self.finding(sop, field="kegiatan", n=n, maks=self.options["maks"])


class PelaksanaTidakDipakai(Rule):
    """Memeriksa kolom pelaksana yang tidak dipakai oleh langkah mana pun.
    Checks actor columns that no step uses.

    Apa / What
      Kolom pelaksana tanpa satu pun simbol atau tanda (juga bila bagan alir
      hanya ditempel sebagai gambar di atas kolom-kolomnya).

      An actor column with no mark in any row.

    Mengapa / Why
      Setiap pelaksana dalam bagan alir melakukan sedikitnya satu kegiatan
      (PermenPAN-RB 35/2012); kolom kosong biasanya sisa salinan dari SOP lain.

      Every actor of the flowchart does at least one activity (PermenPAN-RB
      35/2012); an empty column is usually left over from a copied SOP.

    Contoh / Example
      Salah / wrong:  kolom "Bendahara" tanpa simbol.
      Benar / fixed:  hapus kolom itu, atau tandai kegiatannya.
    """

    code = "PR12"
    name = "pelaksana-tidak-dipakai"
    severity = "warning"
    summary = ("Kolom pelaksana yang tidak dipakai", "An actor column that no step uses")
    messages = {"default": ("Pelaksana {teks} tidak melakukan satu kegiatan pun", "Actor {teks} has no step")}

    def check(self, sop, ctx):
        if not sop.kegiatan:
            return  # PR01
        used = set()
        for k in sop.kegiatan:
            for p in [k.pelaksana] + list(k.pelaksana_lain or []):
                if p and p.strip():
                    used.add(normalise_actor(p))
        for i, p in enumerate(sop.pelaksana or []):
            if not p or not p.strip():
                continue
            if normalise_actor(p) not in used:
                yield self.finding(sop, field="pelaksana", teks=p, lokasi=actor_column(sop, i, p))


RULES = [PelaksanaTerlaluBanyak, KegiatanTerlaluBanyak, PelaksanaTidakDipakai]
