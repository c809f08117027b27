"""convert takes the region template from the configuration file (cli.md `template`)."""
import docx
from click.testing import CliRunner

from soplint import model as m
from soplint.cli import cli


def _model():
    return m.SOP(identitas=m.Identitas(nama_sop="Pelayanan Surat Masuk", nomor_sop="01"),
                 pelaksana=["Staf", "Kepala"],
                 kegiatan=[m.Kegiatan(no=1, uraian="Menerima surat", pelaksana="Staf", simbol="mulai", lanjut=[2]),
                           m.Kegiatan(no=2, uraian="Menandatangani", pelaksana="Kepala", simbol="selesai")])


def _template(path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "KOP TEMPLAT KABUPATEN CONTOH"
    d.add_paragraph("isi lama templat")
    d.save(path)


def test_template_key_of_the_config_is_used(tmp_path, monkeypatch):
    _template(tmp_path / "tpl.docx")
    (tmp_path / "soplint.toml").write_text('template = "tpl.docx"\n', "utf-8")
    (tmp_path / "a.json").write_text(m.to_json(_model()), "utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["convert", "a.json", "-o", "out"])
    assert res.exit_code == 0, res.output
    out = docx.Document(tmp_path / "out" / "a.docx")
    header = " ".join(p.text for s in out.sections for p in s.header.paragraphs)
    assert "KOP TEMPLAT KABUPATEN CONTOH" in header
    assert "isi lama templat" not in "\n".join(p.text for p in out.paragraphs)


def test_missing_configured_template_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "soplint.toml").write_text('template = "tidak-ada.docx"\n', "utf-8")
    (tmp_path / "a.json").write_text(m.to_json(_model()), "utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["--lang", "en", "convert", "a.json", "-o", "out"])
    assert res.exit_code == 2 and "template not found" in res.output
