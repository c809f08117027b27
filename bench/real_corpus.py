#!/usr/bin/env python
"""How the reader and `check` fare on real Word files nobody on the team wrote.

    python bench/real_corpus.py [CORPUS_DIR] [-v]

Default corpus: ``../shared/corpus/real`` (beside the checkout; not part of
the project). The facts below were written by hand from the documents' text
(never from the reader's output): for each file, the paragraphs that are the
procedure's written steps (by paragraph number, as the reader numbers them),
the actors the steps may name, the identity values a reader should find,
and how many SOPs the file holds. Printed per file and in total:

- kind decided (``sumber.jenis_dokumen``) and whether ``check`` gave DK04;
- error/warning findings of ``check`` (DK04 counted);
- steps read that are written steps / written steps, steps invented
  (read from anything else), actors invented (not a role of the document);
- identity values found / expected;
- RD04 across the whole corpus (the same SOP in two files).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "real"


def rng(a: int, b: int) -> list:
    return list(range(a, b + 1))


#: file -> facts. "langkah": paragraph numbers of written steps per SOP;
#: "pelaksana": roles a step may name; "nilai": dotted model path -> text the
#: value must contain (case-insensitive), per SOP.
TRUTH = {
    "bapenda-tabalong_sop-simata-buku-tamu_draft.docx": {
        "sop": 1, "langkah": [rng(56, 57) + rng(63, 68) + rng(73, 78)],
        "pelaksana": {"Resepsionis", "Pimpinan", "Karyawan", "Admin", "Pengguna"},
        "nilai": [{}],
    },
    "bapenda-tabalong_sop-simata-buku-tamu_final.docx": {
        "sop": 1, "langkah": [rng(118, 119) + rng(124, 129) + rng(134, 139)],
        "pelaksana": {"Resepsionis", "Pimpinan", "Karyawan", "Admin", "Pengguna"},
        "nilai": [{"identitas.nama_sop": "SIMaTa",
                   "identitas.instansi": "Badan Pendapatan Daerah Kabupaten Tabalong",
                   "identitas.disahkan_oleh.nama": "Nanang Mulkani",
                   "identitas.disahkan_oleh.nip": "19720306",
                   "identitas.disahkan_oleh.jabatan": "Kepala Badan Pendapatan Daerah"}],
    },
    "pesantren-mabaiz_konsep-wali-asrama.doc": {
        "sop": 1, "langkah": [[]], "pelaksana": set(),
        "nilai": [{"identitas.nama_sop": "WALI ASRAMA", "identitas.instansi": "BAITUL IZZAH",
                   "kualifikasi_pelaksana": "Beriman dan bertaqwa"}],
    },
    "pesantren-mabaiz_sop-bagian-kesantrian.docx": {
        "sop": 1, "langkah": [[]], "pelaksana": set(),
        "nilai": [{"identitas.nama_sop": "KESANTRIAN", "identitas.instansi": "BAITUL IZZAH"}],
    },
    "pesantren-mabaiz_sop-bendahara.docx": {
        "sop": 1, "langkah": [rng(15, 18) + rng(20, 23) + rng(25, 27) + rng(29, 31) + rng(33, 35)],
        "pelaksana": {"Bendahara", "Unit", "Kepala Madrasah", "Unit Pemohon"},
        "nilai": [{"identitas.nama_sop": "BENDAHARA", "identitas.instansi": "Baitul Izzah",
                   "pencatatan_pendataan": "Buku Kas Umum", "lainnya.Tujuan": "transparan",
                   "lainnya.Ruang Lingkup": "Penerimaan dana"}],
    },
    "pesantren-mabaiz_sop-koordinator-tahsin.docx": {
        "sop": 1, "langkah": [rng(46, 53)],
        "pelaksana": {"Guru", "Murid"},
        "aktor": {47: "Guru", 49: "Murid"},
        "nilai": [{"identitas.nama_sop": "TAHSIN"}],
    },
    "pesantren-mabaiz_sop-mudir-aam.docx": {
        "sop": 1, "langkah": [rng(26, 28) + rng(30, 32) + rng(34, 37)],
        "pelaksana": {"Mudir Aam", "Kepala Kuttab", "Kepala Madrasah"},
        "nilai": [{"identitas.nama_sop": "MUDIR AAM", "identitas.instansi": "Baitul Izzah"}],
    },
    "pesantren-mabaiz_sop-tata-usaha.docx": {
        "sop": 2, "langkah": [rng(17, 20) + rng(22, 25) + rng(27, 29) + rng(31, 33) + rng(35, 37) + rng(39, 41),
                              rng(57, 60) + rng(62, 65) + rng(67, 69) + rng(71, 73) + rng(75, 77)],
        "pelaksana": {"Tata Usaha", "Sekretaris", "Kepala Madrasah", "Bendahara", "Unit", "Unit Pemohon"},
        "nilai": [{"identitas.nama_sop": "TATA USAHA", "identitas.instansi": "Baitul Izzah"},
                  {"identitas.nama_sop": "BENDAHARA", "identitas.instansi": "Baitul Izzah",
                   "pencatatan_pendataan": "Buku Kas Umum"}],
    },
    "pesantren-mabaiz_sop-waka-kesantrian.docx": {
        "sop": 1, "langkah": [rng(17, 19) + rng(21, 23) + rng(25, 27)],
        "pelaksana": {"Waka Kesantrian", "Santri", "Bagian Keamanan", "Musyrif"},
        "nilai": [{"identitas.nama_sop": "KESANTRIAN", "identitas.instansi": "Baitul Izzah",
                   "kualifikasi_pelaksana": "Beriman dan bertaqwa", "lainnya.Tujuan": "pembinaan santri"}],
    },
}


def value_at(model: dict, path: str):
    cur = model
    head, _, rest = path.partition(".")
    if head == "lainnya":
        return (model.get("lainnya") or {}).get(rest)
    for part in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def has_text(value, want: str) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, dict)):
        flat = json.dumps(value, ensure_ascii=False)
    else:
        flat = str(value)
    norm = lambda s: re.sub(r"\s+", "", s).lower()  # noqa: E731
    return norm(want) in norm(flat)


def para_no(lokasi) -> int | None:
    m = re.fullmatch(r"paragraf (\d+)", str(lokasi or ""))
    return int(m.group(1)) if m else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from soplint.model import to_dict
    from soplint.readers import read_path

    files = sorted(p for p in corpus.iterdir() if p.name in TRUTH)
    res = subprocess.run([sys.executable, "-m", "soplint", "check", *map(str, files), "--format", "json",
                          "--fail-on", "never", "--no-progress"], capture_output=True, text=True, cwd=ROOT)
    report = json.loads(res.stdout[res.stdout.index("{"):])
    by_file = {Path(f["berkas"]).name: f for f in report["berkas"]}
    tot = dict(files=0, dk04=0, serious=0, over5=0, steps_ok=0, steps=0, invented=0, actors_bad=0,
               values_ok=0, values=0, sops_ok=0, actor_ok=0, actor_want=0)
    print(f"{'file':52} {'kind':14} DK04 err/warn steps(ok/written) invented bad-actors values")
    for path in files:
        truth = TRUTH[path.name]
        models = [to_dict(s) for s in read_path(path)]
        temuan = by_file.get(path.name, {}).get("temuan", [])
        serious = [t for t in temuan if t["severity"] in ("error", "warning")]
        dk04 = any(t["code"] == "DK04" for t in temuan)
        kinds = ",".join(sorted({(m["sumber"].get("jenis_dokumen") or {}).get("jenis", "?") for m in models}))
        written = {n for group in truth["langkah"] for n in group}
        ok = invented = 0
        bad_actors = set()
        for m in models:
            for k in m["kegiatan"]:
                n = para_no(k.get("lokasi"))
                if n in written:
                    ok += 1
                else:
                    invented += 1
                if k.get("pelaksana") and k["pelaksana"] not in truth["pelaksana"] and not any(
                        k["pelaksana"].lower() == r.lower() for r in truth["pelaksana"]):
                    bad_actors.add(k["pelaksana"])
                want = truth.get("aktor", {}).get(n)
                if want:
                    tot["actor_want"] += 1
                    tot["actor_ok"] += int((k.get("pelaksana") or "").lower() == want.lower())
        vals_ok = vals = 0
        for i, want in enumerate(truth["nilai"]):
            m = models[i] if i < len(models) else {}
            for key, text in want.items():
                vals += 1
                vals_ok += int(has_text(value_at(m, key), text))
        tot["files"] += 1
        tot["dk04"] += int(dk04)
        tot["serious"] += len(serious)
        tot["over5"] += int(len(serious) > 5)
        tot["steps_ok"] += ok
        tot["steps"] += len(written)
        tot["invented"] += invented
        tot["actors_bad"] += len(bad_actors)
        tot["values_ok"] += vals_ok
        tot["values"] += vals
        tot["sops_ok"] += int(len(models) == truth["sop"])
        print(f"{path.name[:52]:52} {kinds[:14]:14} {'yes' if dk04 else 'no ':4} {len(serious):8} "
              f"{ok:5}/{len(written):<5} {invented:8} {len(bad_actors):10} {vals_ok}/{vals}"
              f"  sops {len(models)}/{truth['sop']}")
        if args.verbose and bad_actors:
            print("    invented actors:", sorted(bad_actors))
    rd04 = [t for f in report["berkas"] for t in f["temuan"] if t["code"] == "RD04"]
    print()
    print(f"files with DK04: {tot['dk04']}/{tot['files']}; error/warning findings: {tot['serious']} "
          f"(files over 5: {tot['over5']})")
    print(f"written steps read: {tot['steps_ok']}/{tot['steps']}; steps invented: {tot['invented']}; "
          f"invented actors: {tot['actors_bad']}; named step actors right: {tot['actor_ok']}/{tot['actor_want']}")
    print(f"identity/list values found: {tot['values_ok']}/{tot['values']}; files split right: "
          f"{tot['sops_ok']}/{tot['files']}; RD04 findings: {len(rd04)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
