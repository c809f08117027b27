"""File-name patterns: the per-file-ignores of the configuration and the
batch's --exclude, matched as gitignore and ruff do (``**/`` also matches no
folder at all)."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath


def candidates(berkas: str, base: Path) -> list:
    p = Path(berkas)
    names = {PurePosixPath(p.as_posix()).as_posix(), p.name}
    try:
        names.add(Path(os.path.abspath(p)).relative_to(base.resolve()).as_posix())
    except ValueError:
        pass
    return sorted(names)


def glob_match(name: str, pattern: str) -> bool:
    """fnmatch, where each ``**/`` also matches no folder at all
    (``arsip/**/*.docx`` matches ``arsip/x.docx``), as in gitignore."""
    pattern = pattern.replace("\\", "/")
    if fnmatch.fnmatch(name, pattern):
        return True
    at = pattern.find("**/")
    while at != -1:
        if glob_match(name, pattern[:at] + pattern[at + 3:]):
            return True
        at = pattern.find("**/", at + 3)
    return False


def ignored_for(cfg, berkas: str) -> list:
    """Selectors ignored for one input file by ``per-file-ignores``."""
    out = []
    names = candidates(berkas, cfg.base_dir)
    for pattern, codes in (cfg.get("per-file-ignores") or {}).items():
        if any(glob_match(n, pattern) for n in names):
            out.extend(codes)
    return out
