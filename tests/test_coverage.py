"""Nothing is lost: every text of a document is in its model or in tak_terpetakan.

The texts are collected here independently of the reader: lxml over every
``w:t`` of every paragraph of the body, the headers and footers (text boxes
included, accepted view: ``w:del`` skipped, the VML ``mc:Fallback`` copy
skipped since it repeats the DrawingML choice). A paragraph is cut into
fragments at tabs, label colons and inline list numbers; a fragment is covered
when it is a structural label of the SOP layout (identity labels, detail
headings, procedure headers, column numbers, ticks, Ya/Tidak), or appears
(whitespace-normalised, case-insensitive; also with all spaces removed, for
NIPs) in the strings of the models read from the file, tak_terpetakan
included. Runs on every sample and every real .docx of ../shared/corpus/real.
"""
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from rapidfuzz import fuzz

from soplint import model as m

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REAL = ROOT.parent / "shared" / "corpus" / "real"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
Q = {"w": W, "mc": MC}

FILES = sorted(SAMPLES.glob("*.docx")) + (sorted(REAL.glob("*.docx")) if REAL.is_dir() else [])

#: labels and headings of the layout: recognised, so neither model data nor unplaced
LABELS = """
standar operasional prosedur; standar operasional prosedur (sop); sop; standar operasional prosedur
administrasi pemerintahan; sop ap; uraian prosedur; prosedur; langkah-langkah; langkah langkah;
prosedur kerja; mekanisme; mekanisme kerja; alur kerja; alur prosedur; tata cara; langkah kerja;
langkah-langkah kegiatan; diagram alir; flowchart; bagan alir;
nomor sop; no. sop; no sop; nomor; no. dokumen; no dokumen; tanggal pembuatan; tgl pembuatan;
tgl. pembuatan; tanggal revisi; tgl revisi; tgl. revisi; tanggal efektif; tgl efektif; tgl. efektif;
tanggal pengesahan; tgl pengesahan; tgl. pengesahan; tanggal berlaku; mulai berlaku; tanggal terbit;
disahkan oleh; ditetapkan oleh; pengesahan; mengesahkan; disetujui oleh; nama sop; judul sop; judul;
dasar hukum; landasan hukum; dasar hukum / referensi; referensi; keterkaitan; keterkaitan dengan sop;
sop terkait; keterkaitan sop; peringatan; peringatan/resiko; peringatan/risiko; kualifikasi pelaksana;
kualifikasi pelaksanaan; kompetensi / kualifikasi pelaksana; peralatan/perlengkapan;
peralatan / perlengkapan; peralatan dan perlengkapan; alat dan bahan; pencatatan dan pendataan;
pencatatan/pendataan; pencatatan / pendataan; pencatatan / pendataan / lampiran; no; no.; nomor urut;
kegiatan; uraian kegiatan; uraian prosedur; aktivitas; pelaksana; mutu baku; kelengkapan;
persyaratan/kelengkapan; persyaratan; waktu; output; keluaran; hasil; keterangan; ket.; ket; ya;
tidak; nip; nip.;
kriteria pelaksana; kriteria petugas; kriteria; spesifikasi; spesifikasi peralatan; spesifikasi perangkat;
dokumen yang digunakan; dokumen yang dipakai; formulir yang digunakan
"""
LABEL_SET = {re.sub(r"\s+", " ", x.strip()) for x in LABELS.replace("\n", " ").split(";") if x.strip()}
TICKS = {"√", "v", "V", "x", "X", "✓", "✔"}


def _norm(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text).strip()


def _label_key(text: str) -> str:
    return _norm(text).lower().strip(" :.")


def is_label(fragment: str) -> bool:
    key = _label_key(fragment)
    if not key or key in LABEL_SET:
        return True
    return len(key) >= 5 and max(fuzz.ratio(key, lab) for lab in LABEL_SET) >= 90


def _paragraph_text(p) -> str:
    """Accepted-view text of one paragraph, not descending into nested
    paragraphs (text boxes are their own paragraphs)."""
    parts = []
    for t in p.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}noBreakHyphen"):
        owner = next(a for a in t.iterancestors(f"{{{W}}}p"))
        if owner is not p:
            continue
        if any(a.tag in (f"{{{W}}}del", f"{{{MC}}}Fallback") for a in t.iterancestors()):
            continue
        if t.tag == f"{{{W}}}t":
            parts.append(t.text or "")
        elif t.tag == f"{{{W}}}noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\t")
    return "".join(parts)


def document_texts(path: Path) -> list[tuple[str, str]]:
    """(part, paragraph text) for every non-empty paragraph."""
    out = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist()
                 if n == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", n)]
        for name in sorted(names):
            root = etree.fromstring(z.read(name), parser)
            for p in root.iter(f"{{{W}}}p"):
                if any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors()):
                    continue
                text = _paragraph_text(p)
                if _norm(text):
                    out.append((name, text))
    return out


_INLINE_NUM = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[a-zA-Z])[.)](?=\s)")
_SPLIT = re.compile(r"\t|\s:\s*|:\s+|:$|^:|(?<=\S):(?=\s)")


def fragments(text: str) -> list[str]:
    out = []
    for piece in _SPLIT.split(text):
        for frag in _INLINE_NUM.split(piece):
            frag = _norm(frag).strip(" :;,")
            frag = re.sub(r"^(NIP|Nip)\.?\s*", "", frag)  # "NIP. 19611122 ..." label prefix
            frag = re.sub(r"^[-•·*]\s+", "", frag)  # bullets
            if frag:
                out.append(frag)
    return out


def model_strings(sops) -> str:
    strings = []

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k != "lokasi":
                    walk(v)
            if x and all(isinstance(v, str) for v in x.values()):
                strings.extend(x.keys())  # lainnya: labels as written
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            strings.append(x)

    for sop in sops:
        d = m.to_dict(sop)
        walk({k: v for k, v in d.items() if k != "sumber"})
    return "\n".join(_norm(s).lower() for s in strings)


def uncovered(path: Path, sops) -> list[str]:
    corpus = model_strings(sops)
    flat = re.sub(r"\s+", "", corpus)
    missing = []
    for part, text in document_texts(path):
        for frag in fragments(text):
            low = frag.lower()
            if is_label(frag) or frag in TICKS or re.fullmatch(r"[\d\s.,;:()/\-–—]+", frag):
                continue
            if re.fullmatch(r"[^\w]+", frag) or re.fullmatch(r"[a-zA-Z][.)]", frag):  # punctuation, "a." markers
                continue
            if low in corpus or re.sub(r"\s+", "", low) in flat:
                continue
            # a title line: its "SOP" / "STANDAR OPERASIONAL PROSEDUR" prefix is a layout label, the
            # rest is the SOP's name
            named = re.sub(r"^(standar(d)?\s+operasional\s+prosedur|sop)\s*(\(\s*sop\s*\))?\s*", "", low)
            if named != low and named and (named in corpus or re.sub(r"\s+", "", named) in flat):
                continue
            missing.append(f"{part}: {frag!r}  (in {_norm(text)[:120]!r})")
    return missing


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_every_text_is_in_the_model_or_unplaced(path):
    from soplint.readers import read_path

    sops = read_path(path)  # must not crash
    assert isinstance(sops, list)
    missing = uncovered(path, sops)
    assert not missing, f"{path.name}: {len(missing)} texts neither in the model nor in tak_terpetakan:\n  " + \
        "\n  ".join(missing[:40])


def test_collector_sees_text_boxes_headers_and_skips_deletions():
    """The independent collector itself: text boxes, header, footer are
    collected; deleted text and the VML fallback copy are not."""
    izin = SAMPLES / "izin-pengobat-tradisional-dpmptsp.docx"
    texts = [t for _, t in document_texts(izin)]
    joined = "\n".join(texts)
    assert "menyampaikan" not in joined  # inside w:del
    assert "meneruskan kepada Kepala Bidang" in joined.replace("\u00a0", " ")  # inside w:ins
    assert any(part.startswith("word/footer") for part, _ in document_texts(izin))
    pkm = [t for _, t in document_texts(SAMPLES / "cuti-pegawai-puskesmas.docx")]
    assert pkm.count("Formulir cuti terlampir (Lampiran 1)") == 1  # text box once, not its fallback
    assert any("Ya" == t for t in pkm)  # decision label text boxes
    laik = document_texts(SAMPLES / "laik-sehat-dinkes.docx")
    assert ("word/header1.xml", "PEMERINTAH KABUPATEN SEMARANG") in [(p, _norm(t)) for p, t in laik] or any(
        p.startswith("word/header") and "SEMARANG" in t for p, t in laik)


def test_fragments_and_labels():
    assert fragments("Nomor SOP\t: 065/23.c") == ["Nomor SOP", "065/23.c"]
    assert fragments("1. UU 23/2014 tentang Pemda 2. PP 18/2016") == ["UU 23/2014 tentang Pemda", "PP 18/2016"]
    assert fragments("NIP. 19611122 198903 1 005") == ["19611122 198903 1 005"]
    assert fragments("Tidak: kembali ke kegiatan 4") == ["Tidak", "kembali ke kegiatan 4"]
    assert is_label("Tgl. Pembuatan") and is_label("Kualifikasi Pelaksanaan") and is_label("Dasar Hukum:")
    assert not is_label("Menerima surat masuk")
