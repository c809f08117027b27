"""Finding the input files of a run (shared by ``check`` and ``convert``)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

WORD_SUFFIXES = (".docx", ".doc", ".docm", ".dotx")
MODEL_SUFFIXES = (".json", ".yaml", ".yml")


@dataclass(frozen=True)
class Input:
    """One input file, and its path relative to the folder it was found in."""

    path: Path
    #: path relative to the folder it was found in (for output names)
    rel: Path


def shown(path) -> str:
    """A path as text for reports and models: a name that is not valid in
    the file system's encoding (an archive unpacked from another system:
    Python keeps the bytes as lone surrogates) gets U+FFFD for the bad bytes,
    so that it can be written as UTF-8 (JSON, SARIF, HTML, side files)."""
    from soplint.errors import utf8_text

    return utf8_text(str(path))


def excluded(rel: Path, patterns) -> bool:
    """Does a path found in a folder (relative to it) match an ``--exclude``
    glob? A pattern matches the path, any of its folders, or its name
    (``arsip``, ``arsip/**``, ``**/draf-*.docx``, ``*.dotx``); ``**/`` also
    matches no folder."""
    if not patterns:
        return False
    from soplint.pathmatch import glob_match

    text = rel.as_posix()
    parts = rel.parts
    candidates = [text, rel.name] + ["/".join(parts[:i]) for i in range(1, len(parts))]
    return any(glob_match(c, p.rstrip("/")) for p in patterns for c in candidates)


def collect(paths, suffixes=WORD_SUFFIXES, exclude=(), skip_dirs=()) -> list[Input]:
    """Files named directly are taken whatever their ending; folders are
    searched recursively for ``suffixes``, leaving out what matches an
    ``exclude`` glob (see :func:`excluded`) and the folders ``skip_dirs``
    (real paths: ``convert``'s output folder, when it lies inside an input
    folder, is not read back as input). Order is stable (sorted), Word's
    lock files (``~$x.docx``) are skipped, duplicates removed."""
    seen: set[Path] = set()
    out: list[Input] = []
    skip = {Path(d).resolve() for d in skip_dirs}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                here = Path(root).relative_to(p)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(here / d, exclude)
                                 and not (skip and (Path(root) / d).resolve() in skip))
                for name in files:
                    if name.startswith("~$") or name.startswith("."):
                        continue
                    if name.lower().endswith(tuple(suffixes)) and not excluded(here / name, exclude):
                        found.append(Path(root) / name)
            # the walk follows no folder link, so a file's real path is the
            # folder's real path and its relative path, unless it is a link
            real = p.resolve()
            for f in sorted(found):
                key = f.resolve() if os.path.islink(f) else real / f.relative_to(p)
                if key not in seen:
                    seen.add(key)
                    out.append(Input(f, f.relative_to(p)))
        else:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(Input(p, Path(p.name)))
    return out


def no_inputs_warning(paths, suffixes) -> str:
    """What a run that found no input file says on standard error."""
    from soplint.i18n import tr

    return tr("peringatan: tidak ada berkas SOP ({s}) ditemukan di {p}",
              "warning: no SOP files ({s}) found in {p}", s=", ".join(suffixes), p=", ".join(map(str, paths)))
