"""RD04-RD05: redundant SOPs across the run (same document twice, one SOP number twice)."""
from __future__ import annotations

import re
import sys as _sys

from rapidfuzz import fuzz, process

from soplint.rule import Rule

from soplint_rules._teks import is_blank, norm, stem_text, stems
from soplint_rules.prosedur import is_terminator_row

_GOVERNMENT = ("pemerintah", "pemkab", "pemkot", "pemprov")
_TITLE_NOISE = frozenset("sop standar operasional prosedur ap administrasi pemerintahan tentang".split())


def title_key(title) -> list:
    return sorted(w for w in stems(title) if w not in _TITLE_NOISE)


def _same_title(ka, kb, ambang) -> bool:
    """Titles given as :func:`title_key` lists."""
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    only_a = set(ka) - set(kb)
    only_b = set(kb) - set(ka)
    # differing words must be near-typos of each other (WNI/WNA are not)
    for w in only_a:
        if len(w) < 5 or not any(len(v) >= 5 and fuzz.ratio(w, v) >= 80 for v in only_b):
            return False
    for w in only_b:
        if len(w) < 5 or not any(len(v) >= 5 and fuzz.ratio(w, v) >= 80 for v in only_a):
            return False
    return fuzz.token_sort_ratio(" ".join(ka), " ".join(kb)) >= ambang


class _Profile:
    """What RD04 and RD05 keep of one SOP: made where the file is read (a
    worker process in a batch, :meth:`SopDuplikat.summarise`) and kept until
    every file is read, so it holds only the keys compared and what a finding
    names: about 1 kB per SOP."""

    __slots__ = ("berkas", "indeks", "nama_sop", "nomor_sop", "lokasi", "units", "nomor", "title",
                 "steps_text", "nsteps", "words")

    def __init__(self, sop):
        from soplint.rule import locate

        self.berkas = sop.sumber.berkas
        self.indeks = sop.sumber.indeks
        self.nama_sop = sop.identitas.nama_sop
        self.nomor_sop = sop.identitas.nomor_sop
        self.lokasi = {f: v for f in ("identitas.nama_sop", "identitas.nomor_sop", "kegiatan") if (v := locate(sop, f))}
        self.units = _units(sop)
        self.nomor = nomor_key(sop.identitas.nomor_sop)
        t = sop.identitas.nama_sop
        self.title = tuple(title_key(t)) if t and not is_blank(t) else ()
        steps = [x for x in (stem_text(k.uraian) for k in sop.kegiatan if not is_terminator_row(k)) if x]
        self.steps_text = "\n".join(steps)
        self.nsteps = len(steps)
        self.words = tuple(sorted(set(" ".join(steps).split())))

    @property
    def steps(self) -> list:
        return self.steps_text.split("\n") if self.nsteps else []

    def __getstate__(self):
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state):
        for k, v in zip(self.__slots__, state):
            setattr(self, k, v)
        # one copy of each word, title word, file name and institution set,
        # however many SOPs use it
        intern = _sys.intern
        self.words = tuple(intern(w) for w in self.words)
        self.title = tuple(intern(w) for w in self.title)
        self.berkas = intern(self.berkas) if isinstance(self.berkas, str) else self.berkas
        units = frozenset(intern(u) for u in self.units)
        self.units = _UNITS.setdefault(units, units)
        self.lokasi = {k: v for k, v in self.lokasi.items() if v}


_UNITS: dict = {}
#: the last SOP summarised and its profile: RD04 and RD05 share one profile
#: (pickled once with the file's other summaries)
_LAST: list = [None, None]


def profile_of(sop) -> _Profile:
    if _LAST[0] is not sop:
        _LAST[0], _LAST[1] = sop, _Profile(sop)
    return _LAST[1]


def _profiles(items) -> list:
    """Summaries, from summaries or from SOP models (a caller may pass models)."""
    return [x if isinstance(x, _Profile) else _Profile(x) for x in items]


def _word_share(shared: int, n_a: int, n_b: int) -> float:
    """The words two step lists have in common (``shared`` of ``n_a`` and
    ``n_b`` distinct words), as a share of the smaller list's words:
    :func:`_steps_overlap`'s first filter, and :func:`candidate_pairs`' (which
    must keep every pair this one lets through: one formula for both)."""
    return shared / min(n_a, n_b)


def _steps_overlap(a: _Profile, b: _Profile, share: float) -> float:
    """The smaller of the shares of each SOP's steps found in the other's
    (exact where it reaches ``share``; below it, only known to be below)."""
    if a.nsteps < 4 or b.nsteps < 4:
        return 0.0
    # cheap filter first: step lists that share few words cannot match
    if not a.words or not b.words or \
            _word_share(len(frozenset(a.words) & frozenset(b.words)), len(a.words), len(b.words)) < share * 0.8:
        return 0.0

    def cover(xs, ys):
        """The share of ``xs`` found in ``ys``; any value under ``share`` once
        that share can no longer be reached (it is only compared with it)."""
        same = set(ys)
        hits = 0
        left = len(xs)
        for x in xs:
            if (hits + left) / len(xs) < share:  # even every step left found would not reach it
                break
            left -= 1
            # a step found as it is needs no search (its similarity is 100)
            if (x in same or process.extractOne(x, ys, scorer=fuzz.ratio, score_cutoff=90) is not None
                    or process.extractOne(x, ys, scorer=fuzz.token_sort_ratio, score_cutoff=90) is not None):
                hits += 1
        return hits / len(xs)

    sa, sb = a.steps, b.steps
    first = cover(sa, sb)
    return 0.0 if first < share else min(first, cover(sb, sa))


def same_document(pa: "_Profile", pb: "_Profile") -> bool:
    """Two files holding one and the same SOP (a draft and its final copy, a
    .doc and its .docx): same number, same title, mostly the same steps. That is one
    document checked twice, not one activity standardised twice; RD04/RD05
    leave such a pair alone (within one file they always report)."""
    if pa.berkas == pb.berkas:
        return False
    if not pa.nomor or pa.nomor != pb.nomor or pa.title != pb.title:
        return False
    if not pa.nsteps and not pb.nsteps:
        return True
    # versions of one document may differ in a few steps
    return pa.steps_text == pb.steps_text or _steps_overlap(pa, pb, 0.6) >= 0.6


def _title_pairs(profiles, ambang: float) -> set:
    """Pairs (i, j), i < j, whose titles could pass :func:`_same_title`: equal
    keys, or sorted-word texts whose similarity reaches ``ambang``. A text of
    length ``la`` cannot reach it against one of length ``lb`` unless
    ``200 * min / (la + lb) >= ambang``, so each title is compared only with
    titles of a similar length (rapidfuzz, in C)."""
    by_text: dict = {}
    for i, p in enumerate(profiles):
        if p.title:
            by_text.setdefault(" ".join(p.title), []).append(i)
    pairs = set()
    for members in by_text.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pairs.add((i, j))
    texts = sorted(by_text, key=len)
    lengths = [len(t) for t in texts]
    ratio = max(ambang, 1e-9) / 100.0
    lo = 0
    for x, text in enumerate(texts):
        la = lengths[x]
        # the shortest partner: 2 * lb / (la + lb) >= ratio  <=>  lb >= la * ratio / (2 - ratio)
        need = la * ratio / (2 - ratio) - 1e-9
        while lo < x and lengths[lo] < need:
            lo += 1
        window = texts[lo:x]
        if not window:
            continue
        for _other, _score, y in process.extract(text, window, scorer=fuzz.token_sort_ratio,
                                                 score_cutoff=ambang - 1e-6, limit=None):
            for i in by_text[text]:
                for j in by_text[window[y]]:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _unit_keys(units: frozenset) -> tuple:
    """Keys under which :func:`same_unit` can be true: each institution line
    other than the regional government's, or, where there is none, the whole
    set of (government) lines. No lines: no key (such an SOP may pair with
    any other)."""
    specific = [x for x in units if not x.startswith(_GOVERNMENT)]
    if specific:
        return tuple(("unit", x) for x in sorted(specific))
    return (("government", units),) if units else ()


def candidate_pairs(profiles, ambang: float, share: float):
    """Yield the pairs RD04 compares, as ``(i, j)`` with ``i < j``, ordered by
    ``j`` then ``i`` (the order of comparing each SOP with every earlier one).

    Only SOPs that may belong to one institution are paired (one bucket per
    institution line, see :func:`same_unit`), and of those only pairs whose
    titles could match (:func:`_title_pairs`) or whose step words pass
    :func:`_steps_overlap`'s first filter. Every pair that passes the title or
    the step test is among them; a batch of thousands of files from many OPDs
    is thus not compared all against all."""
    from bisect import bisect_left

    titles = _title_pairs(profiles, ambang)
    need = share * 0.8
    # each SOP's step words as the bits of one integer (a bit per word of the
    # run): the words two SOPs share are the bits of an ``&``, counted in C
    bit: dict = {}
    masks = [sum(1 << bit.setdefault(w, len(bit)) for w in p.words) for p in profiles]  # words are unique
    sizes = [len(p.words) for p in profiles]
    keys = [_unit_keys(p.units) for p in profiles]
    buckets: dict = {}
    anywhere = []  # SOPs naming no institution
    for i, ks in enumerate(keys):
        if not ks:
            anywhere.append(i)
        for k in ks:
            buckets.setdefault(k, []).append(i)
    for j, pb in enumerate(profiles):
        if keys[j]:
            earlier = set(anywhere[:bisect_left(anywhere, j)])
            for k in keys[j]:
                members = buckets[k]
                earlier.update(members[:bisect_left(members, j)])
            earlier = sorted(earlier)
        else:
            earlier = range(j)
        words_b = masks[j] if pb.nsteps >= 4 else 0
        size_b = sizes[j]
        for i in earlier:
            if (i, j) in titles:
                yield i, j
            elif words_b:
                pa = profiles[i]
                if pa.words and pa.nsteps >= 4 and \
                        _word_share((words_b & masks[i]).bit_count(), size_b, sizes[i]) >= need:
                    yield i, j


class SopDuplikat(Rule):
    """Mencari SOP yang sama atau hampir sama di antara berkas yang diperiksa bersama.
    Finds the same SOP standardised twice among the files checked together.

    Apa / What
      Dua SOP dengan judul (Nama SOP) yang sama setelah dinormalkan, atau dengan
      daftar langkah yang hampir sama (sedikitnya `ambang_kegiatan` bagian langkah
      masing-masing ada pada yang lain, minimal 4 langkah), dari instansi yang sama
      (OPD lain boleh memiliki SOP sejenis). Dua berkas yang berisi SOP yang persis
      sama (nomor dan judul sama, langkah sebagian besar sama: draf dan final,
      .doc dan .docx) adalah
      satu dokumen yang diperiksa dua kali, bukan temuan. Temuan dicatat pada
      kedua SOP (mana yang salinan tidak dapat diketahui).

      Two SOPs with the same title, or nearly the same step list; reported on
      both.

    Mengapa / Why
      Prinsip keselarasan: kegiatan yang sama distandarkan dalam satu SOP
      (KemenPAN-RB 2013; PermenPAN-RB 35/2012).

      Alignment: the same activity is standardised in one SOP (KemenPAN-RB 2013;
      PermenPAN-RB 35/2012).

    Contoh / Example
      Salah / wrong:  "SOP Pelayanan Surat Masuk" di Sekretariat dan di Subbag Umum.
      Benar / fixed:  satu SOP, dirujuk dari Keterkaitan SOP lain.

    Opsi / Options
      ambang: kemiripan judul minimum 0-100 (bawaan 92);
      ambang_kegiatan: bagian langkah yang sama 0-1 (bawaan 0.8).
    """

    code = "RD04"
    name = "sop-duplikat"
    severity = "warning"
    cross = True
    summary = ("SOP yang sama distandarkan dua kali", "Two SOPs with the same or near-identical title or steps")
    messages = {
        "judul": ("SOP ini berjudul sama dengan SOP {lain_indeks} di {lain}: {judul}",
                  "This SOP has the same title as SOP {lain_indeks} in {lain}: {judul}"),
        "kegiatan": ("Langkah SOP ini hampir sama dengan SOP {lain_indeks} di {lain} ({judul})",
                     "This SOP's steps nearly match SOP {lain_indeks} in {lain} ({judul})"),
    }
    messages["default"] = messages["judul"]
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"ambang": {"type": "number", "minimum": 50, "maximum": 100},
                                     "ambang_kegiatan": {"type": "number", "minimum": 0.3, "maximum": 1}}}
    defaults = {"ambang": 92, "ambang_kegiatan": 0.8}

    def summarise(self, sop, ctx):
        return profile_of(sop)

    def check_run(self, sops, ctx):
        ambang = float(self.options["ambang"])
        share = float(self.options["ambang_kegiatan"])
        done = set()
        profiles = _profiles(sops)
        # only pairs that could pass either test are compared (see candidate_pairs),
        # in the order of an all-pairs loop, so the findings are the same
        for i, j in candidate_pairs(profiles, ambang, share):
            pa, pb = profiles[i], profiles[j]
            if not same_unit(pa.units, pb.units) or same_document(pa, pb):
                continue
            if _same_title(pa.title, pb.title, ambang):
                key = "judul"
            elif _steps_overlap(pa, pb, share) >= share:
                key = "kegiatan"
            else:
                continue
            # both SOPs of a pair are reported (which one is the copy is not known)
            field = "identitas.nama_sop" if key == "judul" else "kegiatan"
            for this, other in ((pa, pb), (pb, pa)):
                if id(this) in done:
                    continue
                done.add(id(this))
                yield self.finding(None, key, field=field, berkas=this.berkas, indeks=this.indeks,
                                   lokasi=this.lokasi.get(field), teks=this.nama_sop, lain=other.berkas,
                                   lain_indeks=other.indeks + 1, judul=other.nama_sop or "?")


def _units(sop) -> frozenset:
    return frozenset(n for n in (norm(x) for x in sop.identitas.instansi or []) if n)


def same_unit(a, b) -> bool:
    """Could two SOPs belong to one institution? True where either names no
    institution, or they share a line other than the regional government
    ("PEMERINTAH KOTA ...", shared by every OPD of a region). Two OPDs may
    each have their own "Pelayanan Surat Masuk" SOP and their own number 01.
    ``a``/``b`` are SOPs or their normalised institution-line sets."""
    la = a if isinstance(a, frozenset) else _units(a)
    lb = b if isinstance(b, frozenset) else _units(b)
    if not la or not lb:
        return True
    specific = {x for x in la & lb if not x.startswith(_GOVERNMENT)}
    if specific:
        return True
    only_government = all(x.startswith(_GOVERNMENT) for x in la | lb)
    return only_government and la == lb


def nomor_key(nomor) -> str:
    return re.sub(r"\s+", "", (nomor or "")).upper()


class NomorDuplikat(Rule):
    """Memeriksa Nomor SOP yang dipakai dua SOP di antara berkas yang diperiksa bersama.
    Checks SOP numbers shared by two SOPs among the files checked together.

    Apa / What
      Dua SOP dari satu instansi dengan Nomor SOP yang sama (spasi dan huruf
      besar/kecil diabaikan); SOP dari OPD lain boleh memakai nomor yang sama, dan
      dua berkas berisi SOP yang persis sama (salinan) tidak dilaporkan.
      Nomor kosong, "-" dan penanda isian tidak dibandingkan. Temuan dicatat pada
      setiap SOP yang memakai nomor itu.

      Two SOPs with one SOP number (whitespace and case aside); each is reported.

    Mengapa / Why
      Daftar nama dan nomor SOP ditetapkan dengan keputusan kepala daerah
      (Permendagri 52/2011 Pasal 7); satu nomor menunjuk satu SOP.

      The list of SOP names and numbers is set by a decree of the regional head
      (Permendagri 52/2011 Article 7); one number points to one SOP.

    Contoh / Example
      Salah / wrong:  "SOP Surat Masuk" dan "SOP Surat Keluar" keduanya "065/01/UMUM/2020".
      Benar / fixed:  "065/01/UMUM/2020" dan "065/02/UMUM/2020".
    """

    code = "RD05"
    name = "nomor-duplikat"
    severity = "error"
    cross = True
    summary = ("Dua SOP memakai Nomor SOP yang sama", "Two SOPs share one SOP number")
    messages = {"default": ("Nomor SOP {teks} sudah dipakai SOP {lain_indeks} di {lain} ({judul})",
                            "SOP number {teks} is already used by SOP {lain_indeks} in {lain} ({judul})")}

    def summarise(self, sop, ctx):
        return profile_of(sop)

    def check_run(self, sops, ctx):
        groups = {}
        for s in _profiles(sops):
            nomor = s.nomor_sop
            if not nomor or is_blank(nomor):
                continue
            key = s.nomor
            if len(key) < 2 or not re.search(r"\d", key):
                continue  # a real number has digits; anything else is a misread label
            groups.setdefault(key, []).append(s)
        for group in groups.values():
            if len(group) < 2:
                continue
            # every SOP sharing its number with another SOP of the same
            # institution is reported, naming the first such other SOP
            for s in group:
                other = next((a for a in group if a is not s and same_unit(a.units, s.units)
                              and not same_document(a, s)), None)
                if other is not None:
                    yield self.finding(None, field="identitas.nomor_sop", berkas=s.berkas, indeks=s.indeks,
                                       lokasi=s.lokasi.get("identitas.nomor_sop"), teks=s.nomor_sop,
                                       lain=other.berkas, lain_indeks=other.indeks + 1, judul=other.nama_sop or "?")


RULES = [SopDuplikat, NomorDuplikat]
