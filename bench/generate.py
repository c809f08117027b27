#!/usr/bin/env python
"""Generate N realistic SOP .docx files for the benchmarks.

    python bench/generate.py N OUT_DIR [--seed 1] [--jobs 0]

Each file takes one of the sample SOPs of ``samples/make_samples.py`` (so
every layout of ``samples/sopdocx.py`` is mixed in: standard table with
DrawingML shapes, VML, ticks, one actor text column, narrative paragraphs,
page-header identity, a "buku SOP" with two SOPs ...) and varies its content
so that files differ the way a region's SOPs do: a new title and number from
a pool of services and units, the objects of the activities replaced from a
pool of documents, the actors renamed from a pool of positions, dates moved.
Rendering with python-docx takes about a second per file, so the first 300
files are rendered and the others are textual variants of them (title,
number, activities and outputs replaced in the XML). Files are written in
parallel; an existing folder with the same N and seed is reused
(``.generated`` marker).
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

LAYANAN = ["Pelayanan", "Penerbitan", "Pengelolaan", "Verifikasi", "Pengajuan", "Penyusunan", "Pemeriksaan",
           "Pendaftaran", "Penyaluran", "Pelaporan", "Pengadaan", "Pemeliharaan", "Penanganan", "Perpanjangan"]
OBJEK = ["Surat Masuk", "Surat Keluar", "Izin Usaha Mikro", "Surat Keterangan Domisili", "Kartu Keluarga",
         "Akta Kelahiran", "Izin Mendirikan Bangunan", "Rekomendasi Teknis", "Cuti Pegawai", "Kenaikan Pangkat",
         "Surat Perintah Perjalanan Dinas", "Barang Milik Daerah", "Arsip Inaktif", "Pengaduan Masyarakat",
         "Bantuan Sosial", "Laporan Keuangan", "Rencana Kerja Anggaran", "Izin Reklame", "Sertifikat Laik Hygiene",
         "Data Kependudukan", "Tunjangan Kinerja", "Surat Keterangan Tidak Mampu", "Izin Praktik Bidan",
         "Pajak Bumi dan Bangunan", "Retribusi Pasar", "Izin Keramaian", "Dokumen Lingkungan",
         "Kendaraan Dinas", "Aset Tetap", "Informasi Publik", "Beasiswa Daerah", "Mutasi Pegawai"]
UNIT = ["Kecamatan Tengah", "Kelurahan Sukamaju", "Dinas Kesehatan", "Dinas Pendidikan", "BPKAD", "BKPSDM",
        "DPMPTSP", "Disdukcapil", "Bappeda", "Sekretariat Daerah", "Dinas Sosial", "Dinas Perhubungan",
        "Inspektorat", "Satpol PP", "Dinas Lingkungan Hidup", "Dinas Pertanian"]
DOKUMEN = ["berkas permohonan", "surat pengantar", "formulir isian", "dokumen persyaratan", "draf keputusan",
           "nota dinas", "laporan hasil verifikasi", "lembar disposisi", "berita acara", "surat rekomendasi",
           "data pemohon", "bukti pembayaran", "surat keterangan", "naskah dinas", "daftar hadir",
           "rekapitulasi data", "kuitansi", "surat tugas", "dokumen kontrak", "register layanan"]
JABATAN = ["Staf Pelayanan", "Petugas Loket", "Kasubbag Umum", "Kasi Pelayanan", "Kepala Bidang", "Sekretaris",
           "Kepala Dinas", "Camat", "Lurah", "Verifikator", "Operator", "Bendahara", "Analis Kebijakan",
           "Pengadministrasi Umum", "Kasubbag Keuangan", "Kepala UPT", "Pemohon", "Arsiparis"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]


def _templates():
    import make_samples

    out = []
    for name, layout, _desc, opts, fn in make_samples.SAMPLES:
        sops, _defects = fn()
        opts = {k: v for k, v in opts.items() if k != "lacak"}  # tracked change text is tied to one uraian
        out.append((name, layout, opts, sops if isinstance(sops, list) else [sops]))
    return out


def _vary_sop(sop, rng: random.Random, i: int, j: int):
    from soplint import model as m

    sop = copy.deepcopy(sop)
    ident = sop.identitas
    ident.nama_sop = f"{rng.choice(LAYANAN)} {rng.choice(OBJEK)} {rng.choice(UNIT)}"
    if ident.nomor_sop:
        ident.nomor_sop = f"{rng.randint(0, 999):03d}/{i:05d}.{j}/{rng.choice(['SOP', 'ORG', 'KEC', 'DIN'])}/" \
                          f"{rng.randint(2015, 2025)}"
    year = rng.randint(2015, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    if ident.tanggal_pembuatan and ident.tanggal_pembuatan.presisi == "hari":
        ident.tanggal_pembuatan = m.Tanggal(f"{day} {BULAN[month - 1]} {year}", f"{year}-{month:02d}-{day:02d}",
                                            "hari")
    if ident.tanggal_efektif and ident.tanggal_efektif.presisi == "hari":
        ident.tanggal_efektif = m.Tanggal(f"{day} {BULAN[month - 1]} {year + 1}",
                                          f"{year + 1}-{month:02d}-{day:02d}", "hari")
    # actors: a consistent renaming, so marked columns still line up
    names = rng.sample(JABATAN, len(sop.pelaksana)) if len(sop.pelaksana) <= len(JABATAN) else sop.pelaksana
    rename = dict(zip(sop.pelaksana, names))
    sop.pelaksana = [rename[p] for p in sop.pelaksana]
    for k in sop.kegiatan:
        for old, new in rename.items():
            if k.uraian.startswith(old + " "):  # narrative layouts name the actor in the sentence
                k.uraian = new + k.uraian[len(old):]
        k.pelaksana = rename.get(k.pelaksana, k.pelaksana)
        k.pelaksana_lain = [rename.get(p, p) for p in (k.pelaksana_lain or [])]
        words = k.uraian.rstrip(".?").split()
        verb_at = 1 if k.uraian.split()[0] in rename.values() else 0
        if len(words) > verb_at + 1:
            end = "?" if k.uraian.rstrip().endswith("?") else ("." if k.uraian.rstrip().endswith(".") else "")
            k.uraian = " ".join(words[:verb_at + 1]).rstrip(",;:") + f" {rng.choice(DOKUMEN)} {rng.choice(OBJEK).lower()}" + end
        if k.output:
            k.output = f"{rng.choice(DOKUMEN).capitalize()} {rng.choice(OBJEK).lower()}"
    return sop


_TEMPLATES = None


def _init():
    global _TEMPLATES
    _TEMPLATES = _templates()


BASES = 300  # files rendered with python-docx (slow: ~1 s each); the rest are textual variants of them


def _varied(index: int, seed: int):
    rng = random.Random(seed * 100_003 + index)
    name, layout, opts, sops = _TEMPLATES[index % len(_TEMPLATES)]
    return name, layout, opts, [_vary_sop(s, rng, index, j) for j, s in enumerate(sops)]


def _build(task):
    index, out_dir, seed, n_bases = task
    import sopdocx

    if index < n_bases:
        name, layout, opts, varied = _varied(index, seed)
        path = Path(out_dir) / f"{index:05d}-{name}.docx"
        sopdocx.build_docx(varied if len(varied) > 1 else varied[0], path, layout=layout, **opts)
        return path.name
    return _variant(index, out_dir, seed, index % n_bases)


def _texts(sop):
    out = [sop.identitas.nama_sop, sop.identitas.nomor_sop]
    for k in sop.kegiatan:
        out += [k.uraian, k.output]
    return out


def _variant(index, out_dir, seed, base):
    """A copy of base file ``base`` whose title, number, activities and
    outputs are replaced, in the XML, by those of a new variation."""
    import zipfile
    from xml.sax.saxutils import escape

    name, _layout, _opts, old = _varied(base, seed)
    _, _, _, new = _varied(index, seed)
    # the new variation must come from the same template as the base
    rng = random.Random(seed * 7_919 + index)
    new = [_vary_sop(s, rng, index, j) for j, s in enumerate(_TEMPLATES[base % len(_TEMPLATES)][3])]
    pairs = []
    for a, b in zip(old, new):
        pairs += [(x, y) for x, y in zip(_texts(a), _texts(b)) if x and y and x != y]
    src = Path(out_dir) / f"{base:05d}-{name}.docx"
    dst = Path(out_dir) / f"{index:05d}-{name}.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                for x, y in sorted(pairs, key=lambda p: -len(p[0])):
                    text = text.replace(">" + escape(x) + "<", ">" + escape(y) + "<")
                data = text.encode("utf-8")
            zout.writestr(info, data)
    return dst.name


def generate(n: int, out_dir, seed: int = 1, jobs: int = 0) -> list:
    out_dir = Path(out_dir)
    marker = out_dir / ".generated"
    if marker.exists() and json.loads(marker.read_text()) == {"n": n, "seed": seed}:
        return sorted(out_dir.glob("*.docx"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.docx"):
        old.unlink()
    jobs = jobs or os.cpu_count() or 1
    # build the templates once here first: a pool whose initializer fails (e.g. soplint not
    # installed) would start new workers forever instead of reporting the error
    _templates()
    n_bases = min(n, BASES)
    done = 0
    with Pool(jobs, initializer=_init) as pool:
        # bases first (variants copy them), then the variants
        for batch in ([(i, str(out_dir), seed, n_bases) for i in range(n_bases)],
                      [(i, str(out_dir), seed, n_bases) for i in range(n_bases, n)]):
            for _ in pool.imap_unordered(_build, batch, chunksize=4):
                done += 1
                if done % 20 == 0 or done == n:
                    print(f"\rgenerated {done}/{n}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    marker.write_text(json.dumps({"n": n, "seed": seed}))
    return sorted(out_dir.glob("*.docx"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=0)
    args = ap.parse_args(argv)
    files = generate(args.n, args.out_dir, args.seed, args.jobs)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files in {args.out_dir} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
