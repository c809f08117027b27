"""convert with model inputs (json/yaml): the pipeline without Word files."""
import json
import subprocess
import sys

from click.testing import CliRunner

from soplint import model as m
from soplint.cli import cli


def _model(name="Pelayanan Surat Masuk"):
    return m.SOP(identitas=m.Identitas(nama_sop=name, nomor_sop="01"),
                 pelaksana=["Staf"],
                 kegiatan=[m.Kegiatan(no=1, uraian="Menerima surat", pelaksana="Staf", simbol="mulai",
                                      lanjut=[2]),
                           m.Kegiatan(no=2, uraian="Mengarsipkan", pelaksana="Staf", simbol="selesai")])


def test_json_to_yaml_and_back(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.json").write_text(m.to_json(_model()), "utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["convert", str(src), "--to", "yaml", "-o", str(tmp_path / "y")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["convert", str(tmp_path / "y"), "--to", "json", "-o", str(tmp_path / "j")])
    assert res.exit_code == 0, res.output
    back = json.loads((tmp_path / "j" / "a.json").read_text("utf-8"))
    assert m.from_dict(back) == _model()


def test_list_of_models_gives_numbered_outputs(tmp_path):
    data = [m.to_dict(_model("A")), m.to_dict(_model("B"))]
    (tmp_path / "buku.json").write_text(json.dumps(data), "utf-8")
    res = CliRunner().invoke(cli, ["convert", str(tmp_path / "buku.json"), "--to", "json", "-o",
                                   str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert names == ["buku-01.json", "buku-02.json"]


def test_bad_file_reported_and_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.json").write_text(m.to_json(_model()), "utf-8")
    bad = m.to_dict(_model())
    bad["identitas"]["nomor"] = "x"  # unknown key
    (src / "b.json").write_text(json.dumps(bad), "utf-8")
    before = (src / "b.json").read_bytes()
    proc = subprocess.run([sys.executable, "-m", "soplint", "convert", str(src), "--to", "json",
                           "-o", str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "identitas.nomor" in proc.stderr and "DK01" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "o" / "a.json").exists()
    assert (src / "b.json").read_bytes() == before


def test_refuses_to_overwrite_without_force(tmp_path):
    (tmp_path / "a.json").write_text(m.to_json(_model()), "utf-8")
    out = tmp_path / "o"
    runner = CliRunner()
    assert runner.invoke(cli, ["convert", str(tmp_path / "a.json"), "--to", "json", "-o", str(out)]).exit_code == 0
    again = runner.invoke(cli, ["--lang", "en", "convert", str(tmp_path / "a.json"), "--to", "json", "-o", str(out)])
    assert again.exit_code == 1 and "already exists" in again.output
    forced = runner.invoke(cli, ["convert", str(tmp_path / "a.json"), "--to", "json", "-o", str(out), "--force"])
    assert forced.exit_code == 0


def test_never_overwrites_an_input(tmp_path):
    (tmp_path / "a.json").write_text(m.to_json(_model()), "utf-8")
    before = (tmp_path / "a.json").read_bytes()
    res = CliRunner().invoke(cli, ["convert", str(tmp_path / "a.json"), "--to", "json", "-o", str(tmp_path),
                                   "--force"])
    assert res.exit_code == 1
    assert (tmp_path / "a.json").read_bytes() == before


def test_the_summary_line_shortens_a_long_title_visibly_and_the_model_keeps_it_whole(tmp_path):
    short = "Pengajuan Surat Permintaan Pembayaran Uang Persediaan (SPP-UP)"
    long_ = ("Penerbitan Surat Keterangan Tidak Mampu bagi Warga Kurang Mampu untuk Keperluan Pendidikan "
             "dan Kesehatan")
    for i, name in enumerate((short, long_)):
        (tmp_path / f"{i}.json").write_text(m.to_json(_model(name)), "utf-8")
    res = CliRunner().invoke(cli, ["--lang", "en", "convert", str(tmp_path / "0.json"), str(tmp_path / "1.json"),
                                   "--to", "json", "-o", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    assert f'SOP "{short}", 2 steps' in res.output  # whole, up to 80 characters
    line = next(x for x in res.output.splitlines() if "1.json" in x)
    shown = line.split('SOP "', 1)[1].split('", ', 1)[0]
    assert shown.endswith("\u2026") and len(shown) <= 80 and long_.startswith(shown[:-1])
    assert json.loads((tmp_path / "o" / "1.json").read_text("utf-8"))["identitas"]["nama_sop"] == long_


def test_inputs_of_the_same_name_are_all_converted_under_distinct_names(tmp_path):
    """a.json and a.yaml (as a.doc and a.docx in a legacy archive) would both
    give a.json: the first in input order (sorted) keeps the name, a later
    one keeps its ending in its name, both are written, and the run says so;
    names compare without case (A.yml and a.json would clash on Windows); an
    input whose every name is taken is refused by name, the others written."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "A.yml").write_text(m.to_yaml(_model("Pertama")), "utf-8")
    (src / "a-yaml.json").write_text(m.to_json(_model("Nama sendiri")), "utf-8")
    (src / "a.json").write_text(m.to_json(_model("Dari JSON")), "utf-8")
    (src / "a.yaml").write_text(m.to_yaml(_model("Dari YAML")), "utf-8")
    out = tmp_path / "o"
    res = CliRunner().invoke(cli, ["--lang", "en", "convert", str(src), "--to", "json", "-o", str(out)])
    titles = {p.name: json.loads(p.read_text("utf-8"))["identitas"]["nama_sop"] for p in out.iterdir()}
    assert titles == {"A.json": "Pertama", "a-yaml.json": "Nama sendiri", "a-json.json": "Dari JSON"}, res.output
    assert "a.json: output named a-json (the name a is taken" in res.output
    # a.yaml: "a" is taken by A.yml, "a-yaml" by a-yaml.json: refused, by name
    assert "already written from another input" in res.output and res.exit_code == 1
    assert "3 files written, 1 failed" in res.output
