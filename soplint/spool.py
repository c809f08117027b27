"""A list of results kept out of memory: what a batch has finished, in order.

A batch of thousands of files must not hold every file's findings until the
report is written (issue #5: memory flat as the batch grows). :class:`Spool`
stores each item pickled, in memory up to ``memory_limit`` bytes, then in an
anonymous temporary file (deleted when closed or when the process ends);
reading goes by offsets, so the list can be iterated many times (a report,
its statistics, the exit code, annotated copies) and indexed, and several
iterations may be open at once.
"""
from __future__ import annotations

import os
import pickle
from array import array
from typing import Any, Iterator

#: bytes kept in memory before the spool moves to a temporary file
MEMORY_LIMIT = 4 * 1024 * 1024


class Spool:
    def __init__(self, memory_limit: int = MEMORY_LIMIT):
        self.memory_limit = memory_limit
        self._buffer = bytearray()
        self._file = None
        self._size = 0
        self._offsets = array("Q")
        self._lengths = array("Q")

    # -- writing -------------------------------------------------------------
    def append(self, item: Any) -> None:
        self.append_bytes(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))

    def append_bytes(self, data: bytes) -> None:
        """Add an item already pickled (e.g. by a worker process)."""
        if self._file is None and len(self._buffer) + len(data) > self.memory_limit:
            import tempfile  # only a spool that outgrows memory needs it

            self._file = tempfile.TemporaryFile(prefix="soplint-")
            self._file.write(self._buffer)
            self._buffer = bytearray()
        self._offsets.append(self._size)
        self._lengths.append(len(data))
        self._size += len(data)
        if self._file is None:
            self._buffer += data
        else:
            self._file.write(data)

    # -- reading -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._offsets)

    def _raw(self, i: int) -> bytes:
        start, length = self._offsets[i], self._lengths[i]
        if self._file is None:
            return bytes(self._buffer[start:start + length])
        self._file.flush()
        return os.pread(self._file.fileno(), length, start)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return pickle.loads(self._raw(i))

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield pickle.loads(self._raw(i))

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer = bytearray()
        self._offsets = array("Q")
        self._lengths = array("Q")
        self._size = 0

    def __del__(self):  # pragma: no cover - best effort
        try:
            if self._file is not None:
                self._file.close()
        except Exception:
            pass
