"""ID08-ID09: the Dasar Hukum list: citations of regulations, and regulations revoked."""
from __future__ import annotations

from soplint.rule import Rule

from soplint_rules._teks import citations, data_file, is_dash, is_placeholder, item_loc, load_toml, looks_like_citation


class DasarHukumFormat(Rule):
    """Memeriksa bahwa setiap butir Dasar Hukum adalah kutipan peraturan.
    Checks that every legal-basis entry is a recognisable regulation citation.

    Apa / What
      Butir yang tidak menyebut jenis peraturan, nomor dan tahun, mis.
      "Peraturan Walikota tentang SOTK" atau "Pedoman tata naskah dinas".
      Diterima: "Undang-Undang Nomor 23 Tahun 2014 tentang ...", "UU No. 23 Th. 2014",
      "UU 23/2014", "Permendagri 52/2011", "PER/21/M.PAN/11/2008",
      "Peraturan Menteri Keuangan Nomor 215/PMK.05/2016", "UUD 1945".

      An entry that does not give the kind of regulation, a number and a year.

    Mengapa / Why
      Dasar hukum adalah peraturan perundang-undangan yang menjadi dasar prosedur
      (PermenPAN-RB 35/2012, bagian identitas; prinsip kepatuhan hukum); tanpa
      nomor dan tahun, peraturannya tidak dapat ditelusuri.

      The legal basis is the regulations the procedure rests on (PermenPAN-RB
      35/2012, identity part; legal compliance); without a number and a year the
      regulation cannot be traced.

    Contoh / Example
      Salah / wrong:  "Peraturan Walikota tentang Tugas Pokok dan Fungsi"
      Benar / fixed:  "Peraturan Wali Kota Bengkulu Nomor 47 Tahun 2016 tentang ..."
    """

    code = "ID08"
    name = "dasar-hukum-format"
    severity = "warning"
    summary = ("Butir dasar hukum bukan kutipan peraturan (jenis, nomor, tahun)",
               "A legal-basis entry is not a regulation citation (kind, number, year)")
    messages = {"default": ("Dasar hukum tidak dikenali sebagai kutipan peraturan (jenis, Nomor, Tahun): {teks}",
                            "Legal-basis entry is not recognisable as a regulation citation "
                            "(kind, number, year): {teks}")}

    def check(self, sop, ctx):
        for i, item in enumerate(sop.dasar_hukum or []):
            t = (item or "").strip()
            if not t or is_dash(t) or is_placeholder(t):
                continue
            low = t.lower()
            if low.startswith(("tentang ", "jo ", "jo. ", "sebagaimana ", "dan ")) or t.endswith(":"):
                continue  # continuation or heading of a grouped list
            if not looks_like_citation(t):
                yield self.finding(sop, field="dasar_hukum", teks=t, lokasi=item_loc(sop, "dasar_hukum", i))


class DasarHukumDicabut(Rule):
    """Memeriksa dasar hukum yang mengutip peraturan yang sudah dicabut atau diganti.
    Checks legal-basis entries that cite a revoked or replaced regulation.

    Apa / What
      Dibandingkan dengan tabel bawaan (rules/data/regulasi_dicabut.toml), mis.
      UU 32/2004 -> UU 23/2014; PP 41/2007 -> PP 18/2016; PER/21/M.PAN/11/2008 ->
      PermenPAN-RB 35/2012; UU 8/1974, UU 43/1999 -> UU ASN; PP 24/1976 -> PP 11/2017;
      Permendagri 39/2005 -> Permendagri 78/2012. Pesan menyebut penggantinya.
      Kutipan ditemukan dalam berbagai bentuk ("UU No. 32 Tahun 2004",
      "Undang-Undang Nomor 32 Tahun 2004", "UU 32/2004"); rujukan seperti
      "... tentang Perubahan atas UU 32/2004" tidak dihitung.

      Compared with a shipped table; the message names the replacement.

    Mengapa / Why
      Prinsip kepatuhan hukum (PermenPAN-RB 35/2012): SOP harus sesuai peraturan
      yang berlaku; Pasal 2 meminta SOP AP yang ada disesuaikan.

      Legal compliance (PermenPAN-RB 35/2012): an SOP must follow the
      regulations in force; its Article 2 asks existing SOPs to be brought into
      line.

    Contoh / Example
      Salah / wrong:  "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah"
      Benar / fixed:  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"

    Opsi / Options
      tambahan: daftar entri tambahan {jenis, nomor, tahun, pengganti, judul}
      berkas: berkas TOML dengan tabel [[regulasi]] yang sama bentuknya
      (relatif terhadap folder berkas konfigurasi)
    """

    code = "ID09"
    name = "dasar-hukum-dicabut"
    severity = "warning"
    summary = ("Dasar hukum mengutip peraturan yang sudah dicabut/diganti",
               "A legal-basis entry cites a revoked or replaced regulation")
    messages = {"default": ("Dasar hukum mengutip peraturan yang sudah dicabut/diganti ({kutipan}); "
                            "penggantinya: {pengganti}",
                            "Legal basis cites a revoked/replaced regulation ({kutipan}); "
                            "replaced by: {pengganti}")}
    _entry = {
        "type": "object",
        "required": ["jenis", "nomor", "tahun", "pengganti"],
        "additionalProperties": False,
        "properties": {"jenis": {"type": "string"}, "nomor": {"type": ["string", "integer"]},
                       "tahun": {"type": "integer"}, "pengganti": {"type": "string"},
                       "judul": {"type": "string"}},
    }
    options_schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "tambahan": {"type": "array", "items": _entry, "description": "extra entries / entri tambahan"},
            "berkas": {"type": ["string", "null"], "description": "TOML file with [[regulasi]] entries"},
        },
    }
    defaults = {"tambahan": [], "berkas": None}

    @classmethod
    def resolve_options(cls, options, base_dir):
        path = options.get("berkas")
        if path and base_dir is not None:
            from pathlib import Path

            p = Path(path)
            options = {**options, "berkas": str(p if p.is_absolute() else Path(base_dir) / p)}
        return options

    @classmethod
    def option_errors(cls, options):
        path = options.get("berkas")
        if path:
            try:
                load_toml(path)
            except Exception as exc:
                return [f"berkas: {exc}"]
        return []

    def _table(self):
        entries = list(data_file("regulasi_dicabut.toml").get("regulasi", []))
        if self.options.get("berkas"):
            entries.extend(load_toml(self.options["berkas"]).get("regulasi", []))
        entries.extend(self.options.get("tambahan") or [])
        table = {}
        for e in entries:
            nomor = str(e["nomor"]).strip()
            nomor = str(int(nomor)) if nomor.isdigit() else nomor.upper()
            table[(str(e["jenis"]).lower(), nomor, int(e["tahun"]))] = e
        return table

    def check(self, sop, ctx):
        if not sop.dasar_hukum:
            return
        table = getattr(self, "_cache", None)
        if table is None:
            table = self._cache = self._table()
        for i, item in enumerate(sop.dasar_hukum):
            for c in citations(item or ""):
                if c.rujukan or c.tahun is None:
                    continue
                e = table.get((c.jenis, c.nomor, c.tahun))
                if e is None:
                    continue
                yield self.finding(sop, field="dasar_hukum", teks=item, lokasi=item_loc(sop, "dasar_hukum", i),
                                   kutipan=c.teks.strip(), pengganti=e["pengganti"])
                break


RULES = [DasarHukumFormat, DasarHukumDicabut]
