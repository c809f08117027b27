"""The reader on Word files from OTHER producers than samples/sopdocx.py.

tests/unseen/files/ holds SOPs made through LibreOffice (HTML and flat ODT ->
.docx / Word 97 .doc), python-docx written the careless way, and rebuilds of real
BPS Bengkulu SOPs with DrawingML / VML flowchart shapes (generator:
tests/unseen/make_unseen.py). Each <name>.expect.json lists the key facts a
correct reader must get, written by hand from the source texts.

One test per file; a failure lists every wrong key fact (file, field, expected, got).
``python tests/test_unseen.py`` prints how many facts the reader gets per file.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from soplint.model import to_dict
from soplint.readers import read_path

HERE = Path(__file__).resolve().parent
FILES = HERE / "unseen" / "files"

# Files whose facts the reader does not all get yet: file name -> reason (bug reports in
# /work/team/reader-bugs.md, section "From H7"). Marked xfail(strict=False).
KNOWN_BUGS: dict[str, str] = {}


def _norm(s):
    return re.sub(r"\s+", " ", str(s).replace("\u00a0", " ")).strip()


def expand(exp: dict) -> list[tuple[str, object]]:
    """Turn one SOP's expectation block into (fact key, expected value) pairs."""
    facts = []
    for key, val in exp.items():
        if key == "langkah":
            for no, pel, simbol in val:
                facts.append((f"kegiatan[{no}].pelaksana", pel))
                facts.append((f"kegiatan[{no}].simbol", simbol))
        elif key in ("cabang", "pelaksana_lain", "lanjut"):
            for no, v in val.items():
                facts.append((f"kegiatan[{no}].{key}", v))
        elif key == "waktu_menit":
            for no, v in val.items():
                facts.append((f"kegiatan[{no}].waktu.menit", v))
        elif key == "waktu_gabungan":
            for no, v in val.items():
                facts.append((f"kegiatan[{no}].waktu.gabungan", v))
        elif key == "kolom":
            for no, fields in val.items():
                for field, v in fields.items():
                    facts.append((f"kegiatan[{no}].{field}", v))
        elif key == "bersih":  # `check` gives no error/warning finding on this SOP
            facts.append(("bersih", val))
        elif key == "tak_terpetakan~":
            for text in val:
                facts.append((f"tak_terpetakan~{text}", text))
        elif key == "ada~":  # text that must be kept somewhere in the model (any field)
            for text in val:
                facts.append((f"ada~{text}", "kept"))
        elif key == "tanpa~":  # text that must appear nowhere in the model (e.g. field codes)
            for text in val:
                facts.append((f"tanpa~{text}", "absent"))
        else:
            facts.append((key, val))
    return facts


_MISSING = object()


def resolve(model: dict, key: str):
    """Value of a fact key in a model dict; _MISSING where the path does not exist."""
    if key.startswith("ada~"):
        want = _norm(key.split("~", 1)[1])
        dump = _norm(json.dumps({k: v for k, v in model.items() if k != "sumber"}, ensure_ascii=False))
        return "kept" if want in dump else None
    if key.startswith("tanpa~"):
        want = key.split("~", 1)[1]
        return "absent" if want not in json.dumps(model, ensure_ascii=False) else f"found {want!r}"
    if key.startswith("tak_terpetakan~"):
        want = _norm(key.split("~", 1)[1])
        texts = [_norm(t.get("teks", "")) for t in model.get("tak_terpetakan") or []]
        return next((want for t in texts if want in t), None)
    count = key.endswith("#")
    path = key[:-1] if count else key
    cur = model
    for part in path.split("."):
        m = re.fullmatch(r"kegiatan\[(\d+)\]", part)
        if m:
            steps = [k for k in cur.get("kegiatan") or [] if k.get("no") == int(m.group(1))]
            if not steps:
                return _MISSING
            cur = steps[0]
        elif isinstance(cur, dict) and part in cur:
            cur = cur[part]
        else:
            return _MISSING
    if count:
        return None if cur is None else len(cur)
    return cur


def same(got, want) -> bool:
    if isinstance(want, str) and isinstance(got, str):
        return _norm(got) == _norm(want)
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    if isinstance(want, dict) and isinstance(got, dict):
        return all(same(got.get(k), v) for k, v in want.items())
    return got == want


def cases():
    out = []
    for exp_path in sorted(FILES.glob("*.expect.json")):
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        for fname in exp["files"]:
            out.append((fname, "sops#", len(exp["sops"]), 0))
            for i, block in enumerate(exp["sops"]):
                for key, val in expand(block):
                    out.append((fname, key, val, i))
    return out


_CACHE: dict[str, object] = {}
_SOPS: dict[str, list] = {}


def models_of(fname: str):
    if fname not in _CACHE:
        try:
            _SOPS[fname] = read_path(FILES / fname)
            _CACHE[fname] = [to_dict(s) for s in _SOPS[fname]]
        except Exception as exc:  # reported per fact, the other files go on
            _CACHE[fname] = exc
    return _CACHE[fname]


def _slow(fname: str) -> bool:
    """Files read through LibreOffice (~10 s each)."""
    return fname.endswith((".doc", ".rtf"))


def _files():
    seen = []
    for fname, _k, _v, _i in cases():
        if fname not in seen:
            seen.append(fname)
    return seen


def _params():
    params = []
    for fname in _files():
        marks = [pytest.mark.xfail(strict=False, reason=KNOWN_BUGS[fname])] if fname in KNOWN_BUGS else []
        params.append(pytest.param(fname, id=fname, marks=marks))
    return params


_FINDINGS: dict[str, list] = {}


def serious_of(fname: str, index: int) -> list:
    """Error/warning findings of `soplint check` on one file for SOP ``index``
    ("code: message"): a clean document ("bersih": true) has none."""
    if fname not in _FINDINGS:
        from click.testing import CliRunner

        from soplint.cli import cli

        res = CliRunner().invoke(cli, ["check", str(FILES / fname), "--format", "json", "--fail-on", "never",
                                       "--no-progress"])
        data = json.loads(res.output[res.output.index("{"):])
        _FINDINGS[fname] = [t for f in data["berkas"] for t in f["temuan"]
                            if t["severity"] in ("error", "warning")]
    return [f"{t['code']}: {t['message']}" for t in _FINDINGS[fname] if t["indeks"] in (index, None)]


def _check(models, fname, key, want, index):
    """None when the fact holds, else the failure text."""
    if key == "sops#":
        return None if len(models) == want else f"{len(models)} SOPs read, expected {want}"
    if index >= len(models):
        return f"SOP {index} not read (only {len(models)})"
    if key == "bersih":
        found = serious_of(fname, index)
        return None if bool(not found) == want else f"bersih: expected {want!r}, got {found!r}"
    got = resolve(models[index], key)
    if got is _MISSING:
        return f"{key} missing in the model"
    return None if same(got, want) else f"{key}: expected {want!r}, got {got!r}"


@pytest.mark.parametrize("fname", _params())
def test_unseen_facts(request, fname):
    """Every key fact of one file (one test per file keeps the suite fast; the message lists
    each wrong fact with the field, the expected and the read value)."""
    if _slow(fname):
        request.getfixturevalue("soffice")  # .doc / RTF go through LibreOffice
    models = models_of(fname)
    if isinstance(models, Exception):
        pytest.fail(f"{fname}: reader raised {type(models).__name__}: {models}")
    facts = [(k, v, i) for f, k, v, i in cases() if f == fname]
    wrong = [(f"sop {i}: " if i else "") + msg for k, v, i in facts if (msg := _check(models, fname, k, v, i))]
    assert facts and not wrong, f"{fname}: {len(wrong)} of {len(facts)} key facts wrong:\n  " + "\n  ".join(wrong)


#: layout words of the unseen files that test_coverage's label list does not carry:
#: the "Input" Mutu Baku header (BPS), the second line of a label wrapped by hand
#: ("Tanggal" / "Pembuatan"), decision answer pairs on connectors, Wingdings ticks
EXTRA_LAYOUT = {"input", "pembuatan", "lengkap", "tidak lengkap", "setuju", "tidak setuju", "ü", "p"}


@pytest.mark.parametrize("fname", sorted(p.name for p in FILES.glob("*.docx")))
def test_unseen_nothing_lost(fname):
    """Every text of the unseen .docx files is in the model or in tak_terpetakan
    (collector and matching from tests/test_coverage.py)."""
    import ast
    import importlib

    cov = importlib.import_module("test_coverage")
    path = FILES / fname
    sops = _SOPS.get(fname) or read_path(path)
    corpus = cov.model_strings(sops)
    missing = []
    for line in cov.uncovered(path, sops):
        frag = ast.literal_eval(line.split(": ", 1)[1].split("  (in ", 1)[0])
        low = frag.lower()
        if low in EXTRA_LAYOUT:
            continue
        stripped = re.sub(r"^\d{1,2}[.)]\s*", "", low)  # "1.Memiliki ..." (no space after the number)
        if stripped in corpus:
            continue
        missing.append(line)
    assert not missing, f"{fname}: texts neither in the model nor in tak_terpetakan:\n" + "\n".join(missing)


def _without_place(d):
    if isinstance(d, dict):
        return {k: _without_place(v) for k, v in d.items() if k not in ("lokasi", "sumber")}
    if isinstance(d, list):
        return [_without_place(x) for x in d]
    return d


def test_reviewer_annotated_copy_reads_the_same(tmp_path):
    """A reviewer runs `soplint check --annotate` and sends the commented copies back: the
    Word comments (w:commentRangeStart/End, w:commentReference, comments part) must not
    change what the reader gets, only sumber.komentar."""
    from click.testing import CliRunner

    from soplint.cli import cli

    names = ["careless-pengantar-nikah.docx", "bps-314-gratifikasi-upg.docx", "bps-098-serawai.docx"]
    out = tmp_path / "annotated"
    result = CliRunner().invoke(cli, ["check", "--no-progress", "-q", "--fail-on", "never", "--annotate", str(out)]
                                + [str(FILES / n) for n in names])
    assert result.exit_code == 0, result.output
    for n in names:
        before = [to_dict(s) for s in read_path(FILES / n)]
        after = [to_dict(s) for s in read_path(out / n)]
        assert _without_place(after) == _without_place(before), n
        assert after[0]["sumber"]["komentar"] > 0, n   # these three files have findings
        assert before[0]["sumber"]["komentar"] == 0, n


def test_every_expectation_names_existing_files():
    exps = sorted(FILES.glob("*.expect.json"))
    assert len(exps) >= 8
    for exp_path in exps:
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        for fname in exp["files"]:
            assert (FILES / fname).is_file(), fname
        assert exp["sops"] and all(expand(b) for b in exp["sops"])


def score():
    """Per file: facts right / facts total, and the wrong ones."""
    per = {}
    for fname, key, want, i in cases():
        models = models_of(fname)
        ok = False
        got = None
        if not isinstance(models, Exception):
            if key == "sops#":
                got = len(models)
                ok = got == want
            elif key == "bersih" and i < len(models):
                got = serious_of(fname, i)
                ok = (not got) == want
            elif i < len(models):
                got = resolve(models[i], key)
                ok = got is not _MISSING and same(got, want)
        else:
            got = f"{type(models).__name__}: {models}"
        right, total, wrong = per.setdefault(fname, [0, 0, []])
        per[fname][0] += ok
        per[fname][1] += 1
        if not ok:
            wrong.append((key, want, None if got is _MISSING else got))
    return per


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    per = score()
    R = T = 0
    for fname, (right, total, wrong) in per.items():
        R += right
        T += total
        print(f"{right:4d}/{total:<4d} {fname}")
        if verbose:
            for key, want, got in wrong:
                print(f"          {key}: expected {want!r}, got {got!r}")
    print(f"{R:4d}/{T:<4d} total")
