"""ID06-ID07: the SOP number (Nomor SOP) and the signing block (Disahkan oleh)."""
from __future__ import annotations

import re

from soplint.rule import Rule
from soplint_rules._teks import is_dash, is_placeholder
from soplint_rules.identitas import disahkan_empty


class NomorSop(Rule):
    """Memeriksa bentuk Nomor SOP.
    Checks the form of the SOP number.

    Apa / What
      Nomor SOP dengan segmen kosong ("530/ /01-IND/IV/2019"), segmen penanda
      isian ("800/.../2020", "xxx/SOP/2021"), atau (bila opsi `pola` diisi) yang tidak
      cocok dengan pola penomoran daerah. Tanpa `pola` tidak ada pola nasional yang
      dipaksakan, karena penomoran ditetapkan oleh kepala daerah.

      An empty or placeholder segment, or (with option `pola`) a number that does
      not match the region's pattern. No national pattern is imposed.

    Mengapa / Why
      Nomor SOP mengikuti tata naskah dinas yang berlaku dan daftar nama dan
      nomor SOP ditetapkan dengan keputusan kepala daerah (Permendagri 52/2011
      Pasal 7; PermenPAN-RB 35/2012).

      The SOP number follows the rules for official documents in force, and the
      list of SOP names and numbers is set by a decree of the regional head
      (Permendagri 52/2011 Article 7; PermenPAN-RB 35/2012).

    Contoh / Example
      Salah / wrong:  "530/ /01-IND/IV/2019"
      Benar / fixed:  "530/12/01-IND/IV/2019"

    Opsi / Options
      pola: ekspresi reguler (Python) yang harus cocok dengan seluruh nomor, mis.
      pola = "^\\d{3}(\\.\\d+)?/\\d+/[A-Z.-]+/[IVX]+/\\d{4}$"
    """

    code = "ID06"
    name = "nomor-sop"
    severity = "warning"
    summary = ("Nomor SOP bersegmen kosong, berisi penanda isian, atau tidak sesuai pola",
               "SOP number has an empty or placeholder segment, or does not match the pattern")
    messages = {
        "kosong": ("Nomor SOP memiliki segmen kosong: {teks}", "SOP number has an empty segment: {teks}"),
        "isian": ("Nomor SOP memiliki segmen penanda isian: {teks}", "SOP number has a placeholder segment: {teks}"),
        "pola": ("Nomor SOP tidak sesuai pola {pola}: {teks}", "SOP number does not match the pattern {pola}: {teks}"),
    }
    messages["default"] = messages["kosong"]
    options_schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"pola": {"type": ["string", "null"],
                                "description": "regex the whole number must match / regex for the whole number"}},
    }
    defaults = {"pola": None}

    @classmethod
    def option_errors(cls, options):
        pola = options.get("pola")
        if pola:
            try:
                re.compile(pola)
            except re.error as exc:
                return [f"pola: {exc}"]
        return []

    def check(self, sop, ctx):
        nomor = sop.identitas.nomor_sop
        if nomor is None:
            return
        t = nomor.strip()
        if not t or is_dash(t) or is_placeholder(t):
            return  # ID02
        f = "identitas.nomor_sop"
        segments = re.split(r"/", t)
        if len(segments) > 1 and any(not s.strip() for s in segments):
            yield self.finding(sop, "kosong", field=f, teks=t)
            return
        parts = re.split(r"[/\s]+", t)
        if any(is_placeholder(p) for p in parts if p) or re.search(r"\.{3,}|…|_{2,}", t):
            yield self.finding(sop, "isian", field=f, teks=t)
            return
        pola = self.options.get("pola")
        if pola and not re.fullmatch(pola, t):
            yield self.finding(sop, "pola", field=f, teks=t, pola=pola)


#: signers who are not civil servants (no NIP): regional heads, village heads
_POLITICAL = re.compile(
    r"^(?:(?:plt|plh|pj|pjs|pth)\.?\s+)?(?:wakil\s+)?(?:bupati|wali\s*kota|walikota|gubernur|kepala\s+daerah|"
    r"kepala\s+desa|kades|presiden|menteri|ketua\s+dprd)\b", re.I)


class PengesahanTidakLengkap(Rule):
    """Memeriksa kelengkapan blok pengesahan (Disahkan oleh).
    Checks that the approval block is complete.

    Apa / What
      Blok "Disahkan oleh" tanpa jabatan, tanpa nama, atau tanpa NIP, atau NIP yang
      tidak 18 digit. Penandatangan yang bukan PNS (Bupati, Wali Kota, Gubernur,
      Kepala Desa) tidak memerlukan NIP. Blok yang seluruhnya kosong dilaporkan
      oleh ID02.

      No position, name or NIP, or a NIP that is not 18 digits. Signers who are
      not civil servants (regional or village heads) need no NIP.

    Mengapa / Why
      Pengesahan memuat nomenklatur jabatan, tanda tangan, nama dan NIP pejabat
      yang berwenang (PermenPAN-RB 35/2012, bagian identitas; prinsip kepastian
      hukum). NIP PNS terdiri atas 18 digit.

      The approval gives the position, signature, name and NIP of the official
      in charge (PermenPAN-RB 35/2012, identity part; legal certainty). A civil
      servant's NIP has 18 digits.

    Contoh / Example
      Salah / wrong:  "KEPALA DINAS ... / Drs. Ahmad" (tanpa NIP)
      Benar / fixed:  tambahkan "NIP. 19611122 198903 1 005"
    """

    code = "ID07"
    name = "pengesahan-tidak-lengkap"
    severity = "error"
    summary = ("Pengesahan tanpa jabatan, nama atau NIP, atau NIP tidak 18 digit",
               "Approval lacks position, name or NIP, or the NIP is not 18 digits")
    messages = {
        "jabatan": ("Pengesahan tidak menyebut jabatan penandatangan", "The approval does not name the signer's position"),
        "nama": ("Pengesahan tidak menyebut nama penandatangan", "The approval does not name the signer"),
        "nip": ("Pengesahan tidak memuat NIP penandatangan", "The approval lacks the signer's NIP"),
        "nip18": ("NIP penandatangan tidak 18 digit ({n} digit): {teks}",
                  "The signer's NIP is not 18 digits ({n} digits): {teks}"),
    }
    messages["default"] = messages["nip"]

    def check(self, sop, ctx):
        p = sop.identitas.disahkan_oleh
        if p is None or disahkan_empty(p):
            return
        f = "identitas.disahkan_oleh"
        jabatan = (p.jabatan or "").strip()
        if not jabatan or is_placeholder(jabatan):
            yield self.finding(sop, "jabatan", field=f)
        nama = (p.nama or "").strip()
        if not nama or is_placeholder(nama):
            yield self.finding(sop, "nama", field=f)
        nip = re.sub(r"\D", "", p.nip or "")
        political = bool(_POLITICAL.match(jabatan))
        if not nip:
            if not political:
                yield self.finding(sop, "nip", field=f, teks=nama or None)
        elif len(nip) != 18:
            yield self.finding(sop, "nip18", field=f, teks=p.nip, n=len(nip))


RULES = [NomorSop, PengesahanTidakLengkap]
