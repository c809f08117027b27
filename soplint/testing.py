"""Helpers for rule authors' tests (public API).

* :func:`clean_sop` -- a complete SOP AP without defects (a letter-handling
  procedure of five steps with a decision); change one thing in it and check
  that your rule sees exactly that.
* :func:`langkah`, :func:`tanggal`, :func:`waktu` -- the model's step, date
  and duration in one call.
* :func:`run_rule` -- run one rule (a class, or a code/name of an installed
  rule) on one or more models, the way ``soplint check`` runs it: options
  validated and merged with the rule's defaults, actor aliases applied,
  cross-document rules over every model given, the severity in force set.
  A rule's exception is not swallowed here: the test sees it.

Example::

    from soplint.testing import clean_sop, run_rule

    def test_short_title():
        sop = clean_sop()
        sop.identitas.nama_sop = "SOP Surat"
        assert [t.code for t in run_rule(JudulTerlaluPendek, sop)] == ["XT01"]
        assert run_rule(JudulTerlaluPendek, clean_sop()) == []
"""
from __future__ import annotations

import copy
from typing import Iterable, Optional, Union

from soplint import model as m

A, B, C = "Pengadministrasi Umum", "Kasubbag Umum", "Sekretaris"


def tanggal(teks: str, iso: Optional[str] = None, presisi: Optional[str] = None) -> m.Tanggal:
    return m.Tanggal(teks, iso, presisi)


def waktu(teks: str, menit) -> m.Waktu:
    return m.Waktu(teks, menit)


def langkah(no: int, uraian: str, pelaksana: Optional[str], kelengkapan: str = "", waktu=None, output: str = "",
            keterangan: str = "", simbol: str = "proses", cabang=None, lain: Iterable = (),
            bentuk=None) -> m.Kegiatan:
    """One step (``cabang``: ``(ya, tidak)`` step numbers of a decision)."""
    return m.Kegiatan(no=no, uraian=uraian, pelaksana=pelaksana, simbol=simbol, kelengkapan=kelengkapan,
                      waktu=waktu, output=output, keterangan=keterangan,
                      cabang=m.Cabang(*cabang) if cabang else None, pelaksana_lain=list(lain), bentuk=bentuk)


def clean_sop() -> m.SOP:
    """A complete, defect-free SOP AP (surat masuk); a new object each call."""
    T, W, K = tanggal, waktu, langkah
    return m.SOP(
        identitas=m.Identitas(
            instansi=["PEMERINTAH KOTA BENGKULU", "SEKRETARIAT DAERAH", "BAGIAN UMUM"],
            nomor_sop="065/23.c/UMUM/II/2014",
            tanggal_pembuatan=T("3 Februari 2014", "2014-02-03", "hari"),
            tanggal_revisi=T("-"),
            tanggal_efektif=T("3 Maret 2014", "2014-03-03", "hari"),
            disahkan_oleh=m.Pengesahan(jabatan="KEPALA BAGIAN UMUM SEKRETARIAT DAERAH KOTA BENGKULU",
                                       nama="Drs. Ahmad Fauzi, M.Si", pangkat="Pembina Tk. I (IV/b)",
                                       nip="196111221989031005"),
            nama_sop="Pelayanan Administrasi Surat Masuk"),
        dasar_hukum=["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                     "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan"],
        kualifikasi_pelaksana=["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
        keterkaitan=["SOP Surat Keluar"],
        peralatan_perlengkapan=["Komputer", "Buku agenda surat masuk"],
        peringatan=["Jika surat tidak diagendakan, surat tidak dapat ditelusuri"],
        pencatatan_pendataan=["Buku agenda surat masuk"],
        pelaksana=[A, B, C],
        kegiatan=[
            K(1, "Menerima dan mengagendakan surat masuk", A, "Surat masuk", W("5 menit", 5), "Surat teragenda",
              simbol="mulai"),
            K(2, "Menelaah surat dan membuat catatan", B, "Surat teragenda", W("10 menit", 10), "Surat bercatatan"),
            K(3, "Memeriksa catatan, sudah benar?", C, "Surat bercatatan", W("10 menit", 10), "Catatan diperiksa",
              keterangan="Tidak: kembali ke kegiatan 2", simbol="keputusan", cabang=(4, 2)),
            K(4, "Memberikan disposisi surat", C, "Catatan diperiksa", W("10 menit", 10), "Lembar disposisi"),
            K(5, "Mengarsipkan surat dan lembar disposisi", A, "Lembar disposisi", W("5 menit", 5), "Arsip surat",
              simbol="selesai"),
        ],
    )


def run_rule(rule, sops: Union[m.SOP, Iterable[m.SOP]], options: Optional[dict] = None, *,
             aliases: Optional[dict] = None, berkas: str = "contoh.docx") -> list:
    """The findings (:class:`soplint.findings.Finding`) of one rule on
    ``sops`` (one model or several; models are copied, never changed).

    ``rule``: a :class:`soplint.rule.Rule` subclass, or the code or name of
    a rule an installed plugin provides. ``options``: the rule's
    ``[rules.CODE]`` table (validated; a bad option raises
    :class:`soplint.errors.UsageError`). ``aliases``: the ``[aliases]``
    table. Models without a file name get ``berkas`` (and their position).
    A rule that does not pass :func:`soplint.rule.check_rule_class` raises
    :class:`ValueError`."""
    from soplint import config as cfgmod
    from soplint.findings import Finding
    from soplint.rule import RunContext, check_rule_class, has_summary, iter_findings

    cls = _rule_class(rule)
    problems = check_rule_class(cls)
    if problems:
        raise ValueError("; ".join(problems))
    cfg = cfgmod.Config()
    cfg.values.update({"select": [cls.code], "rules": {cls.code: dict(options or {})},
                       "aliases": dict(aliases or {})})
    cfg.path = None
    setting = cfgmod.resolve_rules(cfg, {cls.code: cls})[cls.code]
    instance = cls(setting.options)
    ctx = RunContext(config=cfg, aliases=cfg.alias_table())
    models = [sops] if isinstance(sops, m.SOP) else list(sops)
    prepared = []
    for i, sop in enumerate(models):
        sop = copy.deepcopy(sop)
        sop.sumber.berkas = sop.sumber.berkas or berkas
        sop.sumber.indeks = i if sop.sumber.berkas == berkas else sop.sumber.indeks
        if ctx.aliases:
            sop.pelaksana = [ctx.actor(p) for p in sop.pelaksana]
            for k in sop.kegiatan:
                k.pelaksana = ctx.actor(k.pelaksana)
                k.pelaksana_lain = [ctx.actor(p) for p in (k.pelaksana_lain or [])]
        prepared.append(sop)
    found: list[Finding] = []
    if getattr(instance, "cross", False):
        from soplint.pipeline import slim_sop

        kept = []
        for sop in prepared:
            item = instance.summarise(sop, ctx) if has_summary(instance) else slim_sop(sop)
            if item is not None:
                kept.append(item)
        found.extend(iter_findings(instance.check_run(kept, ctx)))
    else:
        for sop in prepared:
            found.extend(iter_findings(instance.check(sop, ctx)))
    for t in found:
        t.severity = setting.severity
    return found


def _rule_class(rule):
    if isinstance(rule, type):
        return rule
    from soplint.config import find_rule
    from soplint.plugins import load_plugins

    cls = find_rule(str(rule), load_plugins().rules())
    if cls is None:
        raise LookupError(f"no installed rule {rule!r}")
    return cls
