"""Operating-system helpers of the process pool (:mod:`soplint.batch`): the
memory limit (``RLIMIT_AS``), a worker's descendants, giving freed memory
back, describing how a process ended. Linux first; elsewhere they do nothing.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from typing import Optional

MB = 1024 * 1024


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def pending(conn) -> bool:
    """Is something waiting to be read on a pipe (a worker's answer)?"""
    try:
        return conn.poll()
    except (OSError, EOFError, ValueError):
        return False


def vm_bytes() -> int:
    """This process's current virtual size (Linux), else 0."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def vm_peak_bytes() -> int:
    """This process's highest virtual size so far (Linux), else 0."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


#: how close to the address-space limit an item must have come for a failure
#: without a memory error of its own to be taken for the limit (measured:
#: libxml2 and CPython failing small allocations in disguise came within
#: 4-112 kB of it; a file far from the limit is never near it)
NEAR_LIMIT = 1024 * 1024


def came_near_limit(peak_before: int) -> bool:
    """Did the work since ``peak_before`` (:func:`vm_peak_bytes`) take this
    process's virtual size up to its soft RLIMIT_AS? A C library that cannot
    allocate under the limit may fail with anything (lxml's XMLSyntaxError
    "<no detail available>", CPython's SystemError "error return without
    exception set"); this tells those failures from a damaged file's."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    except (ImportError, ValueError, OSError):  # pragma: no cover - Windows
        return False
    if soft == resource.RLIM_INFINITY:
        return False
    try:
        peak = vm_peak_bytes()
    except MemoryError:  # not even /proc can be read under the limit
        return True
    return peak > peak_before and soft - peak < NEAR_LIMIT


def set_as_limit(limit_bytes: Optional[int]):
    """Lower RLIMIT_AS's soft limit; returns the previous limits (or None
    where unsupported)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        old = resource.getrlimit(resource.RLIMIT_AS)
        if limit_bytes is None:
            return old
        hard = old[1]
        soft = limit_bytes if hard == resource.RLIM_INFINITY else min(limit_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        return old
    except (ValueError, OSError, AttributeError):
        return None


def restore_as_limit(old) -> None:
    if old is None:
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_AS, old)
    except (ValueError, OSError):
        pass


def memory_limit_bytes(memory_mb: Optional[int]) -> Optional[int]:
    """The RLIMIT_AS for one file: ``memory_mb`` on top of what the process
    already maps (a forked worker starts with its parent's mappings)."""
    if not memory_mb:
        return None
    return vm_bytes() + int(memory_mb) * MB


def _proc_stats():
    """``(pid, state, ppid, pgid)`` of every process (Linux /proc; elsewhere
    none)."""
    try:
        entries = os.listdir("/proc")
    except OSError:
        return
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            yield int(name), fields[0], int(fields[1]), int(fields[2])
        except (OSError, ValueError, IndexError):
            continue


def _descendants(pid: int) -> list:
    """Process ids below ``pid`` (Linux /proc; elsewhere none)."""
    children: dict = {}
    for child, _state, ppid, _pgid in _proc_stats():
        children.setdefault(ppid, []).append(child)
    out, stack = [], list(children.get(pid, []))
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(children.get(p, []))
    return out


def kill_descendants(pid: int) -> None:
    """Kill what a worker started before the worker itself is killed, so that
    nothing is left running (children in their own session included)."""
    for child in _descendants(pid):
        try:
            if os.getpgid(child) == child:
                os.killpg(child, signal.SIGKILL)
            else:
                os.kill(child, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def wait_group_gone(pgid: int, seconds: float = 2.0) -> None:
    """Wait (at most ``seconds``) until no live process is left in process
    group ``pgid``, after it was killed; a zombie left for its new parent to
    reap does not count."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _group_members(pgid):
            return
        time.sleep(0.02)


def _group_members(pgid: int) -> list:
    """Live (not zombie) processes of group ``pgid`` (Linux /proc; elsewhere
    none, so nothing is waited for)."""
    return [pid for pid, state, _ppid, group in _proc_stats() if group == pgid and state != b"Z"]


def remove_tree(path) -> None:
    """Remove a temporary folder whose writers were just killed (a second try
    catches what a dying process wrote during the first)."""
    import shutil

    for _ in range(3):
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.exists(path):
            return
        time.sleep(0.05)


def release_free_memory() -> None:
    """Give memory this process has freed back to the system (glibc's
    ``malloc_trim``), where available. A forked worker inherits every page
    its parent maps; pages the parent later reuses stay with the worker as
    its own copy, so a parent that keeps freed memory makes every worker
    forked late in a batch bigger."""
    global _TRIM
    if _TRIM is None:
        _TRIM = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes
                import ctypes.util

                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _TRIM = libc.malloc_trim
            except (OSError, AttributeError):
                _TRIM = False
    if _TRIM:
        try:
            _TRIM(0)
        except Exception:  # pragma: no cover
            pass


_TRIM = None


def describe_exit(code) -> str:
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"
