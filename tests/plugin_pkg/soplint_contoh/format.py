"""A reader for a new file type and a writer for a new ``--to`` format.

``.sopt`` is a plain-text outline of one SOP, one fact per line::

    Nama SOP: Pelayanan Surat Masuk
    Nomor SOP: 065/23/UMUM/2014
    Instansi: PEMERINTAH KOTA BENGKULU
    1. Menerima surat | Pengadministrasi Umum

``--to md`` writes a model as a Markdown page.
"""
import re

from soplint import atomic
from soplint.errors import UnreadableFile
from soplint.hookspec import hookimpl
from soplint.model import SOP, Kegiatan, TakTerpetakan
from soplint.readers import Reader
from soplint.writers import Writer

STEP = re.compile(r"(\d+)\.\s*(.+?)\s*\|\s*(.+)")


def read_sopt(path, options):
    lines = path.read_text("utf-8").splitlines()
    if len(lines) > options.limit("max-baris", 10_000):  # a limit of its own: [limits] / --limit
        raise UnreadableFile("too-large", "{p}: lebih dari {n} baris", "{p}: more than {n} lines",
                             p=path.name, n=options.limit("max-baris", 10_000))
    sop = SOP()
    for n, line in enumerate(lines, 1):
        key, _, value = line.partition(":")
        if STEP.fullmatch(line.strip()):
            no, uraian, pelaksana = STEP.fullmatch(line.strip()).groups()
            sop.kegiatan.append(Kegiatan(no=int(no), uraian=uraian, pelaksana=pelaksana))
        elif key.strip() == "Nama SOP":
            sop.identitas.nama_sop = value.strip()
        elif key.strip() == "Nomor SOP":
            sop.identitas.nomor_sop = value.strip()
        elif key.strip() == "Instansi":
            sop.identitas.instansi.append(value.strip())
        elif line.strip():  # never dropped: what the reader cannot place is kept
            sop.tak_terpetakan.append(TakTerpetakan(teks=line.strip(), lokasi=f"baris {n}"))
    sop.pelaksana = list(dict.fromkeys(k.pelaksana for k in sop.kegiatan))
    return [sop]


def write_md(sop, path, options):
    rows = "".join(f"| {k.no} | {k.uraian} | {k.pelaksana or ''} |\n" for k in sop.kegiatan)
    atomic.write_text(path, f"# {sop.identitas.nama_sop or ''}\n\nNomor: {sop.identitas.nomor_sop or '-'}\n\n"
                            f"| No | Kegiatan | Pelaksana |\n|---|---|---|\n{rows}")


@hookimpl
def soplint_readers():
    return [Reader("sopt", (".sopt",), read_sopt, limits={"max-baris": 10_000})]


@hookimpl
def soplint_writers():
    return [Writer("md", ".md", write_md)]
