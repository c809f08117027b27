"""The procedure part written as text, on real Word files built here: where it
starts and ends, groups and restarting numbers, actors from sentences (never
"Tidak", "Segera", "Jika ..."), mutu baku in and beside the sentences,
decisions as questions with their branches."""
from fixtures_reader.docbuild import new, numbered, numbering_id
from soplint.model import to_dict, validate
from soplint.readers.docx import read


def _read(d, tmp_path, name="sop.docx"):
    path = tmp_path / name
    d.save(str(path))
    sops = read(path)
    for s in sops:
        validate(to_dict(s))
    return sops


def test_steps_only_from_the_procedure_part(tmp_path):
    d = new()
    d.add_paragraph("SOP BENDAHARA")
    d.add_paragraph("Yayasan Al Ikhlas")
    d.add_paragraph("A. Tujuan")
    d.add_paragraph("Menjamin pengelolaan keuangan yang tertib.")
    d.add_paragraph("B. Tugas dan Tanggung Jawab")
    for t in ("Menyusun anggaran tahunan;", "Segera melaporkan kas kepada ketua;", "Tidak menunda pembayaran;"):
        d.add_paragraph(t, style="List Number")
    d.add_paragraph("C. Prosedur Kerja")
    d.add_paragraph("1. Penerimaan Dana")
    for t in ("Menerima pembayaran atau transfer.", "Memverifikasi nominal."):
        d.add_paragraph(t, style="List Bullet")
    d.add_paragraph("2. Pengeluaran Dana")
    for t in ("Unit mengajukan kebutuhan dana.", "Ketua Yayasan memberikan persetujuan.",
              "Bendahara mencairkan dana."):
        d.add_paragraph(t, style="List Bullet")
    d.add_paragraph("D. Pelanggaran")
    for t in ("Jika tugas tidak dilaksanakan, diberi teguran;", "Tidak hadir tanpa izin;"):
        d.add_paragraph(t, style="List Number")
    [sop] = _read(d, tmp_path)
    assert [k.uraian for k in sop.kegiatan] == [
        "Menerima pembayaran atau transfer.", "Memverifikasi nominal.", "Unit mengajukan kebutuhan dana.",
        "Ketua Yayasan memberikan persetujuan.", "Bendahara mencairkan dana."]
    assert [k.no for k in sop.kegiatan] == [1, 2, 3, 4, 5]
    assert [k.pelaksana for k in sop.kegiatan] == [None, None, "Unit", "Ketua Yayasan", "Bendahara"]
    # duties and violations are kept as text, their words never actors
    left = [t.teks for t in sop.tak_terpetakan]
    assert "Segera melaporkan kas kepada ketua;" in left and "Tidak hadir tanpa izin;" in left
    assert "1. Penerimaan Dana" in left  # a group heading is kept
    assert not {"Tidak", "Segera", "Jika tugas"} & set(sop.pelaksana)


def test_numbered_heading_ends_the_part_and_passive_actor(tmp_path):
    d = new()
    d.add_paragraph("KONSEP HALAQAH")
    nid = numbering_id(d)
    heads = numbering_id(d)
    numbered(d.add_paragraph("Tahapan Proses dalam halaqah"), heads)
    for t in ("Dibuka oleh guru dengan salam dan doa.", "Guru membaca ayat per ayat.",
              "Murid membaca ayat dan disimak oleh guru.", "Ditutup dengan doa kafaratul majelis oleh guru."):
        numbered(d.add_paragraph(t), nid)
    numbered(d.add_paragraph("Teknis Tilawah"), nid)
    for t in ("Dasar: belum tilawah", "Tengah: juz 27-30"):
        numbered(d.add_paragraph(t), nid)
    [sop] = _read(d, tmp_path)
    assert [(k.no, k.pelaksana, k.simbol) for k in sop.kegiatan] == [
        (1, "Guru", "mulai"), (2, "Guru", "proses"), (3, "Murid", "proses"), (4, "Guru", "selesai")]
    assert "Teknis Tilawah" in [t.teks for t in sop.tak_terpetakan]


def test_prose_mutu_baku_and_decision_branches(tmp_path):
    d = new()
    d.add_paragraph("Nomor SOP : 12/2024")
    d.add_paragraph("Nama SOP : Pelayanan Izin")
    d.add_paragraph("Uraian Prosedur:")
    d.add_paragraph("1. Pemohon menyerahkan berkas kepada Petugas Loket (5 menit).")
    d.add_paragraph("\tKelengkapan: formulir permohonan")
    d.add_paragraph("\tOutput: berkas permohonan")
    d.add_paragraph("2. Petugas Loket memeriksa berkas: apakah berkas lengkap? Jika tidak, kembali ke langkah 1; "
                    "jika ya, lanjut ke langkah 3.")
    d.add_paragraph("3. Kepala Seksi menandatangani izin selama 1 hari kerja; output: izin bertanda tangan.")
    d.add_paragraph("4. Petugas Loket menyerahkan izin dalam waktu 10 menit.")
    [sop] = _read(d, tmp_path)
    k1, k2, k3, k4 = sop.kegiatan
    assert (k1.kelengkapan, k1.output, k1.waktu.menit) == ("formulir permohonan", "berkas permohonan", 5)
    assert k2.simbol == "keputusan" and (k2.cabang.ya, k2.cabang.tidak) == (3, 1)
    assert (k3.waktu.menit, k3.output) == (480, "izin bertanda tangan")
    assert k4.waktu.menit == 10 and k4.simbol == "selesai"
    assert sop.pelaksana == ["Pemohon", "Petugas Loket", "Kepala Seksi"]


def test_stages_with_restarting_numbers(tmp_path):
    d = new()
    d.add_paragraph("Nama SOP : Pengusulan Tunjangan")
    d.add_paragraph("PROSEDUR")
    for stage, steps in (("Tahap 1: Penerimaan", ["Operator Sekolah mengunggah usulan (30 menit).",
                                                  "Operator Dinas mencetak daftar usulan (15 menit)."]),
                         ("Tahap 2: Penetapan", ["Kepala Dinas menandatangani keputusan (1 hari).",
                                                 "Operator Dinas mengarsipkan keputusan (30 menit)."])):
        d.add_paragraph(stage)
        for i, s in enumerate(steps, 1):
            d.add_paragraph(f"{i}. {s}")
    [sop] = _read(d, tmp_path)
    assert [(k.no, k.pelaksana, k.waktu.menit) for k in sop.kegiatan] == [
        (1, "Operator Sekolah", 30), (2, "Operator Dinas", 15), (3, "Kepala Dinas", 480), (4, "Operator Dinas", 30)]
    assert {"Tahap 1: Penerimaan", "Tahap 2: Penetapan"} <= {t.teks for t in sop.tak_terpetakan}


def test_decision_note_back_to_step_one(tmp_path):
    """'Tidak: kembali ke kegiatan 1' sends only the 'tidak' branch to step 1."""
    d = new()
    d.add_paragraph("Langkah-langkah:")
    d.add_paragraph("1. Pemohon mengajukan permohonan.")
    d.add_paragraph("2. Petugas Loket memeriksa berkas, lengkap? Tidak: kembali ke kegiatan 1")
    d.add_paragraph("3. Petugas Loket mencatat permohonan.")
    [sop] = _read(d, tmp_path)
    k2 = sop.step(2)
    assert k2.simbol == "keputusan" and (k2.cabang.ya, k2.cabang.tidak) == (3, 1)
