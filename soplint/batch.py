"""Running one function over many input files: isolated, bounded, in order.

:func:`run` calls ``func(item)`` for every item and yields an
:class:`Outcome` per item **in input order**, as soon as that item and all
before it are done (streaming: nothing of a finished item is kept but what
``func`` returned, so ``func`` should return findings and summaries, not
models).

* ``jobs == 1`` (or a single item): in this process, no pool. The time limit
  is a ``SIGALRM`` timer (main thread only) and the memory limit a temporary
  ``RLIMIT_AS`` soft limit; both are lifted after each item.
* ``jobs > 1`` (``0`` = all cores): that many worker processes, each with an
  ``RLIMIT_AS`` memory limit set at its start. The parent enforces the time
  limit: a worker still busy after ``timeout`` seconds is killed and
  replaced, and its item is reported as ``UnreadableFile("timeout")``. A
  worker that dies (out of memory, a crash in a C library) is replaced and its
  item reported (``"memory"`` / ``"crash"``); the batch goes on. Workers are
  recycled after ``max_tasks`` items (1,000: a worker grows by about 1.5 kB
  per file, its bounded caches) so that memory stays flat, and at most
  ``window`` items are in flight or waiting for an earlier one, so the
  buffer of out-of-order results stays bounded.

``func`` raising :class:`~soplint.errors.UnreadableFile` gives an outcome
with that error; any other exception is a bug, reported as kind
``"internal"`` (with the traceback when ``SOPLINT_DEBUG`` is set) so one bad
file never stops a batch.

With the ``fork`` start method (Linux) ``func`` may be any callable; with
``spawn`` it must be picklable (a module-level function or a
``functools.partial`` of one). Items and results cross a pipe, so they must
be picklable.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

from soplint import collector
from soplint.errors import UnreadableFile

#: defaults; the CLI options --timeout / --memory-limit and the environment
#: variables SOPLINT_TIMEOUT / SOPLINT_MEMORY_MB override them
DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048
MB = 1024 * 1024


@dataclass
class Outcome:
    """What one task of a batch gave: its value, or the reason its file could not be
    read (``error``), and how long it took."""

    index: int
    item: Any
    value: Any = None
    error: Optional[UnreadableFile] = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def effective_jobs(jobs: int, n_items: Optional[int] = None) -> int:
    n = cpu_count() if not jobs or jobs < 0 else int(jobs)
    if n_items is not None:
        n = min(n, max(1, n_items))
    return max(1, n)


def default_timeout() -> float:
    return float(os.environ.get("SOPLINT_TIMEOUT") or DEFAULT_TIMEOUT)


def default_memory_mb() -> int:
    return int(os.environ.get("SOPLINT_MEMORY_MB") or DEFAULT_MEMORY_MB)


# --------------------------------------------------------------------------- errors

def _timeout_error(label: str, seconds: float) -> UnreadableFile:
    return UnreadableFile("timeout",
                          "{p}: pembacaan melebihi batas waktu {n} detik; berkas dilewati",
                          "{p}: reading took longer than the {n} s time limit; the file was skipped",
                          p=label, n=_num(seconds))


def _memory_error(label: str, mb: int) -> UnreadableFile:
    if not mb:
        return UnreadableFile("memory", "{p}: memori tidak cukup untuk membaca berkas; berkas dilewati",
                              "{p}: not enough memory to read the file; the file was skipped", p=label)
    return UnreadableFile("memory",
                          "{p}: pembacaan melebihi batas memori {n} MB; berkas dilewati",
                          "{p}: reading needed more than the {n} MB memory limit; the file was skipped",
                          p=label, n=mb)


def _crash_error(label: str, code) -> UnreadableFile:
    return UnreadableFile("crash",
                          "{p}: proses pembaca berhenti tak terduga ({c}); berkas dilewati",
                          "{p}: the reading process stopped unexpectedly ({c}); the file was skipped",
                          p=label, c=code)


def _internal_error(label: str, exc_type: str, message: str, tb: str) -> UnreadableFile:
    detail = f"\n{tb}" if os.environ.get("SOPLINT_DEBUG") and tb else ""
    return UnreadableFile("internal",
                          "{p}: kesalahan internal saat membaca ({t}: {m}); mohon laporkan{d}",
                          "{p}: internal error while reading ({t}: {m}); please report it{d}",
                          p=label, t=exc_type, m=message, d=detail)


def _num(x: float):
    return int(x) if float(x).is_integer() else x


def _pack_error(exc: UnreadableFile) -> tuple:
    return (exc.kind, exc.id_text, exc.en_text)


def _unpack_error(data: tuple) -> UnreadableFile:
    kind, id_text, en_text = data
    return UnreadableFile(kind, id_text, en_text)


# --------------------------------------------------------------------------- limits

def _vm_bytes() -> int:
    """This process's current virtual size (Linux), else 0."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _set_as_limit(limit_bytes: Optional[int]):
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


def _restore_as_limit(old) -> None:
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
    return _vm_bytes() + int(memory_mb) * MB


class _Alarm(BaseException):
    """Raised by the SIGALRM handler; a BaseException so that readers'
    ``except Exception`` cannot swallow it."""


def _call(func, item, label, memory_mb):
    """func(item) -> ("ok", value) | ("err", packed error)."""
    try:
        return ("ok", func(item))
    except UnreadableFile as exc:
        return ("err", _pack_error(exc))
    except MemoryError:
        return ("err", _pack_error(_memory_error(label, memory_mb)))
    except RecursionError as exc:
        return ("err", _pack_error(_internal_error(label, "RecursionError", str(exc)[:200], "")))
    except Exception as exc:  # a bug: reported, the batch goes on
        import traceback

        return ("err", _pack_error(_internal_error(label, type(exc).__name__, str(exc)[:300],
                                                   traceback.format_exc())))


# --------------------------------------------------------------------------- in-process

def _run_inline(func, items, timeout, memory_mb, label, progress) -> Iterator[Outcome]:
    use_alarm = bool(timeout) and hasattr(signal, "setitimer") and _main_thread()
    for index, item in enumerate(items):
        name = label(item)
        if progress:
            progress.start(name)
        start = time.perf_counter()
        old_handler = None
        old_limit = _set_as_limit(memory_limit_bytes(memory_mb)) if memory_mb else None
        try:
            if use_alarm:
                def _on_alarm(signum, frame):
                    raise _Alarm()

                old_handler = signal.signal(signal.SIGALRM, _on_alarm)
                signal.setitimer(signal.ITIMER_REAL, float(timeout))
            try:
                status, payload = _call(func, item, name, memory_mb)
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, old_handler)
        except _Alarm:
            status, payload = "err", _pack_error(_timeout_error(name, timeout))
        finally:
            if memory_mb:
                _restore_as_limit(old_limit)
        seconds = time.perf_counter() - start
        if status == "ok":
            out = Outcome(index, item, value=payload, seconds=seconds)
        else:
            out = Outcome(index, item, error=_unpack_error(payload), seconds=seconds)
        if progress:
            progress.advance()
        yield out


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# --------------------------------------------------------------------------- pool

def _worker_main(conn, func, memory_mb, label):
    """A worker: set the memory limit, then read (index, item) until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not os.environ.get("SOPLINT_DEBUG"):
        import faulthandler

        faulthandler.disable()  # a crash is reported by the parent, without a traceback
    if memory_mb:
        _set_as_limit(memory_limit_bytes(memory_mb))
    import gc

    # what the worker inherited from its parent is never collected here: the
    # collector would write to those pages and copy them into this process
    gc.freeze()
    collector.resume()  # if forked during the start-up, which paused it
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            break
        if msg is None:
            break
        index, item = msg
        start = time.perf_counter()
        status, payload = _call(func, item, label(item), memory_mb)
        seconds = time.perf_counter() - start
        try:
            conn.send((index, status, payload, seconds))
        except Exception as exc:  # the result could not be pickled: report, go on
            try:
                conn.send((index, "err", _pack_error(_internal_error(
                    label(item), type(exc).__name__, str(exc)[:300], "")), seconds))
            except Exception:
                break
        if status == "err" and payload[0] == "memory":
            break  # a process that ran out of memory is not trusted further
    conn.close()


class _Worker:
    def __init__(self, ctx, func, memory_mb, label):
        parent_conn, child_conn = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child_conn, func, memory_mb, label), daemon=True)
        self.proc.start()
        child_conn.close()
        self.conn = parent_conn
        self.index = None
        self.item = None
        self.started = 0.0
        self.done = 0

    def send(self, index, item):
        self.index, self.item, self.started = index, item, time.monotonic()
        self.conn.send((index, item))

    def ask_stop(self) -> bool:
        """Tell an idle worker to finish (without waiting for it)."""
        try:
            self.conn.send(None)
            return True
        except (OSError, ValueError):
            return False

    def stop(self, kill=False, asked=False):
        try:
            if kill:
                _kill_descendants(self.proc.pid)  # e.g. a LibreOffice started by the reader
                self.proc.kill()
            elif not asked and not self.ask_stop():
                self.proc.kill()
            self.proc.join(2 if not kill else 5)
            if self.proc.is_alive():
                self.proc.kill()
                self.proc.join(5)
        finally:
            self.conn.close()


def _descendants(pid: int) -> list:
    """Process ids below ``pid`` (Linux /proc; elsewhere none)."""
    children: dict = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(name))
    out, stack = [], list(children.get(pid, []))
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(children.get(p, []))
    return out


def _kill_descendants(pid: int) -> None:
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


def _mp_context():
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def _run_pool(func, items, jobs, timeout, memory_mb, label, progress, window, max_tasks) -> Iterator[Outcome]:
    from multiprocessing.connection import wait

    ctx = _mp_context()
    source = iter(enumerate(items))
    exhausted = False
    results: dict = {}  # index -> Outcome, waiting for earlier items
    next_out = 0
    next_in = 0
    workers: list = []
    idle: list = []
    window = max(window or jobs * 8, jobs)

    def spawn():
        _release_free_memory()  # a worker forked now inherits no freed pages of ours
        w = _Worker(ctx, func, memory_mb, label)
        workers.append(w)
        idle.append(w)

    def retire(w, kill=False):
        workers.remove(w)
        if w in idle:
            idle.remove(w)
        w.stop(kill=kill)

    def finish(w, outcome):
        results[outcome.index] = outcome
        w.index = w.item = None
        w.done += 1
        if progress:
            progress.advance()

    try:
        for _ in range(jobs):
            spawn()
        while True:
            # hand out work
            while idle and not exhausted and next_in - next_out < window:
                try:
                    index, item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                next_in = index + 1
                w = idle.pop()
                try:
                    w.send(index, item)
                except (OSError, ValueError) as exc:  # item not picklable or pipe gone
                    results[index] = Outcome(index, item, error=_internal_error(
                        label(item), type(exc).__name__, str(exc)[:300], ""))
                    retire(w, kill=True)
                    spawn()
                    continue
                if progress:
                    progress.start(label(item))
            # hand back what is ready, in order
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.index is not None]
            if not busy:
                if exhausted:
                    break
                continue
            now = time.monotonic()
            wait_for = None
            if timeout:
                wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for)
            for w in busy:
                if w.conn in ready:
                    try:
                        index, status, payload, seconds = w.conn.recv()
                    except (EOFError, OSError):
                        pass  # died while sending: handled as a dead worker below
                    else:
                        item = w.item
                        if status == "ok":
                            out = Outcome(index, item, value=payload, seconds=seconds)
                        else:
                            out = Outcome(index, item, error=_unpack_error(payload), seconds=seconds)
                        finish(w, out)
                        if (status == "err" and payload[0] == "memory") or w.done >= max_tasks:
                            retire(w, kill=status == "err")
                            if next_in < len(items):  # a replacement only while work is left
                                spawn()
                        else:
                            idle.append(w)
                        continue
                if w.index is not None and (w.proc.sentinel in ready or not w.proc.is_alive()):
                    w.proc.join(1)
                    code = w.proc.exitcode
                    name = label(w.item)
                    if code is not None and code < 0 and -code in (signal.SIGKILL, signal.SIGABRT):
                        err = _memory_error(name, memory_mb)
                    else:
                        err = _crash_error(name, _describe_exit(code))
                    finish(w, Outcome(w.index, w.item, error=err, seconds=time.monotonic() - w.started))
                    retire(w, kill=True)
                    spawn()
                elif w.index is not None and timeout and time.monotonic() - w.started >= timeout:
                    finish(w, Outcome(w.index, w.item, error=_timeout_error(label(w.item), timeout),
                                      seconds=time.monotonic() - w.started))
                    retire(w, kill=True)
                    spawn()
    finally:
        # idle workers are all told first, so that they wind down together
        asked = {id(w) for w in workers if w.index is None and w.ask_stop()}
        for w in list(workers):
            try:
                w.stop(kill=w.index is not None, asked=id(w) in asked)
            except Exception:
                pass
    while next_out in results:  # pragma: no cover - everything is yielded in the loop
        yield results.pop(next_out)
        next_out += 1


def _release_free_memory() -> None:
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


def _describe_exit(code) -> str:
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"


# --------------------------------------------------------------------------- progress

class Progress:
    """A one-line progress bar on a terminal stream (stderr)."""

    def __init__(self, total: Optional[int], stream=None, width: int = 28):
        self.total = total
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self.current = ""
        self._last = 0.0
        self._shown = False

    @staticmethod
    def wanted(no_progress: bool = False, stream=None) -> bool:
        stream = stream or sys.stderr
        if no_progress:
            return False
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    def start(self, name: str) -> None:
        self.current = name
        self._draw()

    def advance(self) -> None:
        self.done += 1
        self._draw(force=self.total is not None and self.done >= self.total)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        if self.total:
            filled = int(self.width * self.done / self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            head = f"[{bar}] {self.done}/{self.total}"
        else:
            head = f"{self.done}"
        name = self.current if len(self.current) <= 40 else "..." + self.current[-37:]
        self.stream.write(f"\r\x1b[2K{head} {name}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


# --------------------------------------------------------------------------- entry point

def run(func: Callable[[Any], Any], items: Iterable, *, jobs: int = 1, timeout: Optional[float] = None,
        memory_mb: Optional[int] = None, label: Callable[[Any], str] = str, progress: bool = False,
        window: Optional[int] = None, max_tasks: int = 1000) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per item, in input order (see the module
    doc). ``timeout`` (seconds) and ``memory_mb`` default to
    :func:`default_timeout` / :func:`default_memory_mb`; pass ``0`` to turn
    a limit off."""
    items = list(items) if not hasattr(items, "__len__") else items
    timeout = default_timeout() if timeout is None else timeout
    memory_mb = default_memory_mb() if memory_mb is None else memory_mb
    n = effective_jobs(jobs, len(items))
    bar = Progress(len(items)) if progress and len(items) > 1 else None
    try:
        if n == 1:
            outcomes = _run_inline(func, items, timeout, memory_mb, label, bar)
        else:
            outcomes = _run_pool(func, items, n, timeout, memory_mb, label, bar, window, max_tasks)
        for index, out in enumerate(outcomes):
            yield out
            if index == 0:
                # the first file has loaded the reader and the rules' data:
                # the start-up is over (soplint.collector)
                collector.resume()
    finally:
        if bar:
            bar.close()


# --------------------------------------------------------------------------- check

def slim_sop(sop):
    """What cross-document rules keep of a model once its file is done: the
    source, the identity's institution, number and title, their locations,
    the actors, and per step its number, activity, actor, symbol and
    location. Dates, signatory, detail lists, mutu-baku texts, flow and
    ``tak_terpetakan`` are dropped, so that a batch of thousands of files
    holds a few kB per SOP rather than whole models (the built-in cross rules
    RD04, RD05 and DK03 need no more)."""
    import sys as _sys

    from soplint.model import SOP, Identitas, Kegiatan

    def intern(text):
        return _sys.intern(text) if isinstance(text, str) else text

    ident = sop.identitas
    out = SOP(sumber=sop.sumber,
              identitas=Identitas(instansi=[intern(x) for x in ident.instansi or []], nomor_sop=ident.nomor_sop,
                                  nama_sop=ident.nama_sop),
              pelaksana=[intern(p) for p in sop.pelaksana],
              lokasi={k: v for k, v in (sop.lokasi or {}).items() if k.startswith(("identitas.", "sumber."))})
    out.kegiatan = [Kegiatan(no=k.no, uraian=k.uraian, pelaksana=intern(k.pelaksana), simbol=intern(k.simbol),
                             lokasi=k.lokasi) for k in sop.kegiatan]
    return out


def _check_one(path, engine):
    """Worker side of :func:`check_files`: one file's FileResult (pickled, so
    that the parent stores it as it comes without unpacking it), what the
    cross-document rules keep of its SOPs, and rule errors met."""
    import pickle

    errors_before = len(engine.errors)
    result, cross = engine.check_file(path)
    errors = engine.errors[errors_before:]
    del engine.errors[errors_before:]
    cross = {code: items for code, items in cross.items() if items}
    return (pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL),
            pickle.dumps(cross, protocol=pickle.HIGHEST_PROTOCOL) if cross else None, errors)


#: files a check worker reads before it is replaced (its caches stay small)
WORKER_FILES = 250

#: bytes of finished results kept in memory by :func:`check_files` before
#: they go to a temporary file
SPOOL_MEMORY = 256 * 1024


def check_files(engine, paths, *, jobs: int = 1, timeout=None, memory_mb=None, progress: bool = False):
    """Run ``engine`` (soplint.engine.Engine) over ``paths`` through
    :func:`run`: reading, per-SOP rules and the cross-document rules'
    summaries in the workers; each file's result goes to a
    :class:`soplint.spool.Spool` as it arrives (in input order), so memory does
    not grow with the batch but by the small summaries; the cross-document
    rules run here at the end. A file over the time or memory limit, or whose
    worker died, is reported by the engine's unreadable-file rules (DK01).
    Returns the CheckResult (its files read back from the spool)."""
    from functools import partial

    from soplint.findings import FileResult
    from soplint.spool import Spool

    paths = list(paths)
    if jobs != 1 and _mp_context().get_start_method() != "fork":
        jobs = 1  # the engine (configuration, plugins) is shared with workers by fork only
    # little is kept in memory: whatever this process holds while the batch
    # runs, each worker forked later (workers are recycled) carries a copy of
    files = Spool(memory_limit=SPOOL_MEMORY)
    # what the cross-document rules keep, also spooled (still pickled): the
    # summaries are unpacked only once every file is read and the workers
    # are gone
    kept_spool = Spool(memory_limit=SPOOL_MEMORY)
    func = partial(_check_one, engine=engine)
    if jobs != 1 and len(paths) > 1:
        # the workers are forked from this process: what it has imported they
        # need not import again, each time one is replaced
        import soplint.readers.docx.split  # noqa: F401
    for out in run(func, paths, jobs=jobs, timeout=timeout, memory_mb=memory_mb, label=str, progress=progress,
                   max_tasks=WORKER_FILES):
        if out.error is None:
            data, kept, errors = out.value
            engine.errors.extend(errors)
            files.append_bytes(data)
            if kept is not None:
                kept_spool.append_bytes(kept)
        else:
            berkas = engine.names.get(str(out.item), str(out.item))
            files.append(FileResult(berkas=berkas, temuan=engine.unreadable_findings(berkas, out.error)))
    cross = {code: [] for code in engine.cross_rules}
    for kept in kept_spool:
        for code, items in kept.items():
            cross.setdefault(code, []).extend(items)
    kept_spool.close()
    return engine.finish(files, cross)
