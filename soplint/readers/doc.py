"""Word 97-2003 (.doc) and RTF: converted to .docx by LibreOffice, then read
by the .docx reader.

The conversion runs in a private temporary folder with its own LibreOffice
profile (``-env:UserInstallation``), so it never writes beside the input and
never collides with a running LibreOffice; it is stopped after a timeout.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from soplint.errors import UnreadableFile, mapping_failed
from soplint.inputs import shown
from soplint.model import SOP
from soplint.processes import MB, restore_as_limit, set_as_limit, wait_group_gone

DEFAULT_TIMEOUT = 120

#: address space LibreOffice maps of its own before it reads a file (measured:
#: about 470 MB at its peak for a small .doc, with the fresh profile each
#: conversion gets); under ``--memory-limit N`` it may map this plus N MB
SOFFICE_BASE_MB = 1024


def soffice_binary(options=None) -> Optional[str]:
    from soplint.readers import ReadOptions

    explicit = ReadOptions.of(options).soffice or os.environ.get("SOPLINT_SOFFICE")
    if explicit:
        return explicit if shutil.which(explicit) or Path(explicit).is_file() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path, workdir: Path, options=None) -> Path:
    """Convert ``path`` with LibreOffice into ``workdir``; returns the .docx."""
    from soplint.readers import ReadOptions

    options = ReadOptions.of(options)
    path = Path(path)
    binary = soffice_binary(options)
    if binary is None:
        raise UnreadableFile(
            "no-libreoffice",
            "{p}: berkas .doc perlu LibreOffice (soffice) untuk dibaca, tetapi LibreOffice tidak terpasang. "
            "Pasang LibreOffice atau simpan ulang berkas sebagai .docx di Word.",
            "{p}: a .doc file needs LibreOffice (soffice) to be read, but LibreOffice is not installed. "
            "Install LibreOffice or save the file again as .docx in Word.",
            p=path.name)
    timeout = float(options.soffice_timeout or DEFAULT_TIMEOUT)
    src_dir = workdir / "in"
    out_dir = workdir / "out"
    profile = workdir / "profile"
    for d in (src_dir, out_dir, profile):
        d.mkdir(parents=True, exist_ok=True)
    # a copy with a plain name: LibreOffice never sees (or writes beside) the original
    suffix = path.suffix.lower() if path.suffix.lower() in (".doc", ".dot", ".rtf", ".docx") else ".doc"
    src = src_dir / ("input" + suffix)
    shutil.copyfile(path, src)
    cmd = [binary, "-env:UserInstallation=" + profile.resolve().as_uri(), "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(src)]
    env = dict(os.environ)
    env["HOME"] = str(workdir)  # LibreOffice may write caches under HOME
    env["TMPDIR"] = str(src_dir)  # and its temporary files (lu*.tmp) go with the rest
    # LibreOffice inherits the address-space limit in force when it starts:
    # under --memory-limit it gets the limit on top of its own start, as this
    # process has it on top of what it maps (the limit is restored at once)
    old_limit = set_as_limit((SOFFICE_BASE_MB + int(options.memory_mb)) * MB) if options.memory_mb else None
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(workdir), env=env,
                                start_new_session=True)
    except OSError as exc:
        raise UnreadableFile("no-libreoffice", "{p}: LibreOffice tidak dapat dijalankan ({e})",
                             "{p}: LibreOffice could not be started ({e})", p=path.name, e=exc) from None
    finally:
        restore_as_limit(old_limit)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise UnreadableFile("timeout", "{p}: konversi LibreOffice melewati batas waktu ({t} detik)",
                             "{p}: LibreOffice conversion timed out ({t} s)", p=path.name, t=int(timeout)) from None
    except BaseException:  # the batch's time limit, Ctrl-C: LibreOffice stops too, before its folder goes
        _kill(proc)
        raise
    result = out_dir / "input.docx"
    if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
        text = (err or out or b"").decode("utf-8", "replace")
        if mapping_failed(text) or (options.memory_mb and "forking process" in text):
            # LibreOffice could not load, or start its second process, under
            # the memory limit it inherited: the batch names the limit
            raise MemoryError(text.strip()[-200:])
        detail = text.strip().splitlines()
        raise UnreadableFile("damaged", "{p}: LibreOffice tidak dapat mengonversi berkas ({e})",
                             "{p}: LibreOffice could not convert the file ({e})", p=path.name,
                             e=(detail[-1] if detail else "kode %s" % proc.returncode)[:200])
    return result


def _kill(proc: subprocess.Popen):
    """Stop LibreOffice and whatever it started (its own process group), and
    wait until they are gone, so that nothing writes into its folder after."""
    try:
        os.killpg(proc.pid, 9)
    except (OSError, ProcessLookupError):
        try:
            proc.kill()
        except OSError:
            pass
    try:
        proc.communicate(timeout=10)
    except Exception:
        pass
    wait_group_gone(proc.pid)


def read(path, options=None) -> list[SOP]:
    """Read every SOP of a .doc (or RTF) file through a LibreOffice conversion."""
    from soplint.readers import ReadOptions
    from soplint.readers.docx import read as read_docx

    options = ReadOptions.of(options)
    path = Path(path)
    # cleanup errors are ignored: a folder LibreOffice still wrote into as it
    # was stopped must not turn the file's real outcome into an OSError
    with tempfile.TemporaryDirectory(prefix="soplint-doc-", ignore_cleanup_errors=True) as tmp:
        converted = convert_to_docx(path, Path(tmp), options)
        fmt = "rtf" if path.suffix.lower() == ".rtf" else "doc"
        return read_docx(converted, options.replace(source_format=fmt, source_name=shown(path)))
