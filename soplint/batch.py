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
  per file, its bounded caches) so that memory stays flat (not for the last
  few items: a quarter more, rather than a cold worker at the end), and at most
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
import tempfile
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

from soplint import collector
from soplint.errors import UnreadableFile, crash_error, memory_limit_error, timeout_error, unreadable
from soplint.processes import (came_near_limit, cpu_count, describe_exit, kill_descendants, memory_limit_bytes, pending,
                                release_free_memory, remove_tree, restore_as_limit, set_as_limit, vm_peak_bytes)
from soplint.progress import Progress

#: defaults; the CLI options --timeout / --memory-limit and the environment
#: variables SOPLINT_TIMEOUT / SOPLINT_MEMORY_MB override them
DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048


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

def _pack_error(exc: UnreadableFile) -> tuple:
    return (exc.kind, exc.id_text, exc.en_text)


def _unpack_error(data: tuple) -> UnreadableFile:
    kind, id_text, en_text = data
    return UnreadableFile(kind, id_text, en_text)


class _Alarm(BaseException):
    """Raised by the SIGALRM handler; a BaseException so that readers'
    ``except Exception`` cannot swallow it."""


def _call(func, item, label, memory_mb):
    """func(item) -> ("ok", value) | ("err", packed error); any exception
    becomes the reason the file is unreadable (:func:`soplint.errors.unreadable`).
    Under a memory limit, a failure that is not plainly the limit (a damaged
    part, a bug) is the limit after all if the item took the process up to
    it: C libraries that cannot allocate fail in disguise."""
    if memory_mb:
        # made before the work: at the limit, not even a message may be made after it
        at_limit = _pack_error(memory_limit_error(label, memory_mb))
        keep_traceback = bool(os.environ.get("SOPLINT_DEBUG"))
        peak = vm_peak_bytes()
    try:
        return ("ok", func(item))
    except Exception as exc:  # an UnreadableFile, MemoryError, a bug: the batch goes on
        failure = exc
    if not memory_mb:
        return ("err", _pack_error(unreadable(failure, label=label)))
    if not keep_traceback:
        # the failed work's frames (and the memory they hold) go first
        failure.__traceback__ = failure.__context__ = failure.__cause__ = None
    try:
        if _disguised(failure) and came_near_limit(peak):
            return ("err", at_limit)
        return ("err", _pack_error(unreadable(failure, label=label, memory_mb=memory_mb)))
    except MemoryError:
        return ("err", at_limit)


def _disguised(exc) -> bool:
    """Could ``exc`` be the memory limit in disguise? Not when it names its
    cause itself (a zip bomb, a missing LibreOffice, the memory)."""
    return not isinstance(exc, UnreadableFile) or exc.kind in ("damaged", "internal")


# --------------------------------------------------------------------------- in-process

def _run_inline(func, items, timeout, memory_mb, label, progress) -> Iterator[Outcome]:
    use_alarm = bool(timeout) and hasattr(signal, "setitimer") and _main_thread()
    for index, item in enumerate(items):
        name = label(item)
        if progress:
            progress.start(name)
        start = time.perf_counter()
        old_handler = None
        old_limit = set_as_limit(memory_limit_bytes(memory_mb)) if memory_mb else None
        try:
            try:
                if use_alarm:
                    def _on_alarm(signum, frame):
                        raise _Alarm()

                    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
                    signal.setitimer(signal.ITIMER_REAL, float(timeout))
                status, payload = _call(func, item, name, memory_mb)
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                if memory_mb:  # before anything else allocates
                    restore_as_limit(old_limit)
                if old_handler is not None:
                    signal.signal(signal.SIGALRM, old_handler)
        except _Alarm:
            status, payload = "err", _pack_error(timeout_error(name, timeout))
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

def _worker_main(conn, func, memory_mb, label, tmp):
    """A worker: set the memory limit, then read (index, item) until None.
    Its temporary files (and its helpers', such as LibreOffice's) go into
    ``tmp``, which the parent removes once the worker is gone, killed or not."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tempfile.tempdir = os.environ["TMPDIR"] = tmp
    if not os.environ.get("SOPLINT_DEBUG"):
        import faulthandler

        faulthandler.disable()  # a crash is reported by the parent, without a traceback
    if memory_mb:
        set_as_limit(memory_limit_bytes(memory_mb))
    collector.resume(forked=True)  # its start-up is over
    try:
        _serve(conn, func, memory_mb, label)
    except MemoryError:  # taking an item in or sending a result out, under the limit
        os._exit(MEMORY_EXIT)
    conn.close()


#: a worker's exit status when the memory limit stopped it outside the work
#: on an item (receiving it, sending its result)
MEMORY_EXIT = 75


def _serve(conn, func, memory_mb, label):
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
        except MemoryError:
            raise
        except Exception as exc:  # the result could not be pickled: report, go on
            try:
                conn.send((index, "err", _pack_error(unreadable(exc, label=label(item))), seconds))
            except Exception:
                break
        if status == "err" and payload[0] == "memory":
            break  # a process that ran out of memory is not trusted further


class _Worker:
    """A worker process and the items sent to it, not answered yet: the first
    is the one it is reading (since ``started``), the others wait in its
    pipe."""

    def __init__(self, ctx, func, memory_mb, label):
        parent_conn, child_conn = ctx.Pipe()
        self.tmp = tempfile.mkdtemp(prefix="soplint-worker-")
        self.proc = ctx.Process(target=_worker_main, args=(child_conn, func, memory_mb, label, self.tmp),
                                daemon=True)
        self.proc.start()
        child_conn.close()
        self.conn = parent_conn
        self.queue: deque = deque()  # (index, item)
        self.started = 0.0
        self.sent = 0
        self.broken = False  # its pipe is gone

    @property
    def busy(self) -> bool:
        return bool(self.queue)

    def send(self, index, item):
        self.conn.send((index, item))
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append((index, item))
        self.sent += 1

    def answered(self):
        """The item just answered; the next one in the pipe starts now."""
        done = self.queue.popleft()
        self.started = time.monotonic()
        return done

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
                kill_descendants(self.proc.pid)  # e.g. a LibreOffice started by the reader
                self.proc.kill()
            elif not asked and not self.ask_stop():
                self.proc.kill()
            self.proc.join(2 if not kill else 5)
            if self.proc.is_alive():
                self.proc.kill()
                self.proc.join(5)
        finally:
            self.conn.close()
            remove_tree(self.tmp)


def mp_context():
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


#: items a worker holds at most: the one it reads and the next, already in
#: its pipe, so that it starts that one as soon as it has sent a result
#: instead of waiting for this process to read the result and answer
#: (about 0.3 ms a file, 4 % of a small file's time, bench/throughput.py)
DEPTH = 2


def _run_pool(func, items, jobs, timeout, memory_mb, label, progress, window, max_tasks) -> Iterator[Outcome]:
    from multiprocessing.connection import wait

    ctx = mp_context()
    source = iter(enumerate(items))
    again: deque = deque()  # items sent to a worker that died or was killed before it read them
    exhausted = False
    results: dict = {}  # index -> Outcome, waiting for earlier items
    next_out = 0
    handed = 0  # items taken from ``source``
    workers: list = []
    window = max(window or jobs * 8, jobs * DEPTH)

    def spawn():
        release_free_memory()  # a worker forked now inherits no freed pages of ours
        workers.append(_Worker(ctx, func, memory_mb, label))

    def retire(w, kill=False):
        """Stop ``w``; what it was sent and did not read goes to another worker."""
        workers.remove(w)
        again.extendleft(reversed(w.queue))
        w.queue.clear()
        w.stop(kill=kill)

    def fail_head(w, error):
        seconds = time.monotonic() - w.started
        index, item = w.answered()
        finish(Outcome(index, item, error=error, seconds=seconds))
        retire(w, kill=True)
        spawn()

    def finish(outcome):
        results[outcome.index] = outcome
        if progress:
            progress.advance()

    def next_item():
        nonlocal exhausted, handed
        if again:
            return again.popleft()
        if exhausted:
            return None
        try:
            pair = next(source)
        except StopIteration:
            exhausted = True
            return None
        handed += 1
        return pair

    def spent(w) -> bool:
        """Has ``w`` read its ``max_tasks`` items? Not while the items left
        are within a quarter of that: a worker forked for them would start
        cold (its rules' data, its caches) at the very end of the batch."""
        return w.sent >= max_tasks and len(items) - handed + len(again) > max_tasks // 4

    try:
        for _ in range(jobs):
            spawn()
        while True:
            # hand out work: first to the workers holding least, each up to
            # DEPTH items (1 once fewer items are left than workers could hold:
            # a last item queued behind a slow one would wait while a worker idles)
            while next_out + window > handed or again:
                room = [w for w in workers if not spent(w) and not w.broken
                        and len(w.queue) < (DEPTH if len(items) - handed > jobs * DEPTH else 1)]
                if not room:
                    break
                pair = next_item()
                if pair is None:
                    break
                w = min(room, key=lambda x: len(x.queue))
                index, item = pair
                try:
                    w.send(index, item)
                except OSError:
                    # its pipe is gone: the worker died, its current item is
                    # reported below; this one goes to another worker
                    again.appendleft(pair)
                    w.broken = True
                    if not w.busy:
                        retire(w, kill=True)
                        spawn()
                    continue
                except ValueError as exc:  # the item cannot be sent (not picklable)
                    finish(Outcome(index, item, error=unreadable(exc, label=label(item))))
                    retire(w, kill=True)
                    spawn()
                    continue
                if progress and len(w.queue) == 1:
                    progress.start(label(item))
            # hand back what is ready, in order
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.busy]
            if not busy:
                # nothing running and nothing left to hand out: done, even where
                # the last workers retired at their task limit
                if (exhausted or handed >= len(items)) and not again:
                    break
                if not workers:
                    spawn()
                continue
            now = time.monotonic()
            wait_for = None
            if timeout:
                wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for)
            for w in busy:
                answered = w.conn in ready
                ended = not answered and (w.proc.sentinel in ready or not w.proc.is_alive())
                # a worker that stops after its answer (out of memory) may have
                # ended since ``ready`` was taken, its answer still in the pipe
                if answered or (ended and pending(w.conn)):
                    try:
                        index, status, payload, seconds = w.conn.recv()
                    except (EOFError, OSError):
                        ended = True  # died before or while sending: handled as a dead worker below
                    else:
                        index, item = w.answered()
                        if progress and w.queue:
                            progress.start(label(w.queue[0][1]))
                        if status == "ok":
                            finish(Outcome(index, item, value=payload, seconds=seconds))
                        else:
                            finish(Outcome(index, item, error=_unpack_error(payload), seconds=seconds))
                        if status == "err" and payload[0] == "memory":
                            retire(w, kill=True)  # a worker that ran out of memory is not trusted further
                            spawn()
                        elif spent(w) and not w.queue:
                            retire(w)
                            if handed < len(items) or again:  # a replacement only while work is left
                                spawn()
                        continue
                if w.busy and ended:
                    w.proc.join(1)
                    code = w.proc.exitcode
                    name = label(w.queue[0][1])
                    if code == MEMORY_EXIT or (code is not None and code < 0
                                               and -code in (signal.SIGKILL, signal.SIGABRT)):
                        fail_head(w, memory_limit_error(name, memory_mb))
                    else:
                        low = memory_mb if memory_mb < DEFAULT_MEMORY_MB else None  # a limit the user lowered
                        fail_head(w, crash_error(name, describe_exit(code), low))
                elif w.busy and timeout and time.monotonic() - w.started >= timeout:
                    fail_head(w, timeout_error(label(w.queue[0][1]), timeout))
    finally:
        # idle workers are all told first, so that they wind down together
        asked = {id(w) for w in workers if not w.busy and w.ask_stop()}
        for w in list(workers):
            try:
                w.stop(kill=w.busy, asked=id(w) in asked)
            except Exception:
                pass
    while next_out in results:  # pragma: no cover - everything is yielded in the loop
        yield results.pop(next_out)
        next_out += 1


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
