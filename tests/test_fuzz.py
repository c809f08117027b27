"""Fuzzing the reader: hypothesis mutates real SOP .docx files (the samples,
or python-docx documents where there are none) with bit flips, truncation,
deleted/swapped/renamed/duplicated zip members, lying zip headers and random
XML damage. The reader must return models or raise UnreadableFile: never
another exception, never hang. (``bench/fuzz.py`` runs 10,000 of these.)"""
import random
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_files import mutate
from soplint.errors import UnreadableFile
from soplint.model import SOP
from soplint.readers import read_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HANG_SECONDS = 20


def _python_docx_seeds(folder: Path) -> list:
    import docx

    out = []
    for n in range(3):
        d = docx.Document()
        d.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
        t = d.add_table(rows=4, cols=3)
        for r, label in enumerate(["Nomor SOP", "Tanggal Pembuatan", "Nama SOP", "Disahkan Oleh"]):
            t.cell(r, 0).text = label
            t.cell(r, 1).text = ":"
            t.cell(r, 2).text = f"nilai {n}-{r}"
        p = d.add_table(rows=3, cols=4)
        for r in range(3):
            for c, text in enumerate([str(r + 1), f"Kegiatan {r}", "Staf", "5 menit"]):
                p.cell(r, c).text = text
        path = folder / f"seed-{n}.docx"
        d.save(path)
        out.append(path.read_bytes())
    return out


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    files = sorted(SAMPLES.glob("*.docx"))
    if files:
        return [f.read_bytes() for f in files]
    return _python_docx_seeds(tmp_path_factory.mktemp("seeds"))


class Hang(BaseException):
    pass


def _read_bounded(path):
    def on_alarm(signum, frame):
        raise Hang(f"reading took more than {HANG_SECONDS} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HANG_SECONDS)
    try:
        return read_path(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check_one(tmp_path, data: bytes, name="fuzz.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        sops = _read_bounded(path)
    except UnreadableFile as exc:
        assert exc.kind and exc.id_text and exc.en_text
        return
    assert isinstance(sops, list) and all(isinstance(s, SOP) for s in sops)


FUZZ = settings(max_examples=90, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["bitflip", "truncate", "lie_sizes", "splice"]))
def test_byte_level_damage(seeds, tmp_path, data, kind):
    seed = data.draw(st.sampled_from(seeds))
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    check_one(tmp_path, mutate(seed, kind, rng))


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["delete_member", "swap_members", "rename_member",
                                             "duplicate_member"]))
def test_zip_member_damage(seeds, tmp_path, data, kind):
    seed = data.draw(st.sampled_from(seeds))
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    check_one(tmp_path, mutate(seed, kind, rng))


@FUZZ
@given(data=st.data())
def test_xml_damage(seeds, tmp_path, data):
    seed = data.draw(st.sampled_from(seeds))
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    check_one(tmp_path, mutate(seed, "xml_damage", rng))

