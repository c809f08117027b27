"""Atomic output: write to a temporary file beside the target, then rename."""
from __future__ import annotations

import os
from pathlib import Path


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    write_pieces(path, (data,))


def write_pieces(path: str | os.PathLike, pieces) -> None:
    """Write ``pieces`` (bytes, or text written as UTF-8) one after the
    other; the target appears only once all are written."""
    path = Path(path)
    if _special(path):
        # a device, pipe or socket (``-o /dev/null``, ``-o /dev/stdout``, a
        # FIFO): written in place; renaming a file over it would replace it
        with open(path, "wb") as fh:
            _write_all(fh, pieces)
        return
    import tempfile  # not needed for a device (and costs a start-up its imports)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); an output is an ordinary file
        # meant to be shared, so it gets the mode any new file would get
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, pieces)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    """The process's umask (read by setting it and putting it back at once;
    Linux also shows it in /proc/self/status, read first)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_all(fh, pieces) -> None:
    for piece in pieces:
        fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


def _special(path: Path) -> bool:
    """Does ``path`` name something other than a regular file or nothing?"""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_text(path: str | os.PathLike, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
