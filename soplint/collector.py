"""The cyclic garbage collector while the program starts: the only module
that switches it.

Starting a run imports some hundreds of modules, reads the configuration,
loads the plugins and, with the run's first file, the reader and the rules'
data (the stemmer's dictionary among them): objects that live as long as the
process, none of them garbage. The collector would still scan them over and
over as they are made (about a twentieth of a one-file ``check``). So the
process entry point (:func:`soplint.__main__.run`) pauses it before anything
is imported (:func:`pause_for_start_up`, the one pause), and the batch
(:func:`soplint.batch.run`) calls :func:`resume` once the start-up of a
process is over: in the main process once the first file is done, in a
worker process as it starts. Everything made until then is frozen out of
later collections, and the collector runs as usual for the rest of the
batch. Nothing else needs it switched off: the reader's document tree has no
reference cycles (its references up the tree are weak), so it is freed by
reference counting. Used as a library, soplint leaves the collector alone.
"""
from __future__ import annotations

import gc

_paused = False


def pause_for_start_up() -> None:
    """Pause the collector (if it runs) until :func:`resume`."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(forked: bool = False) -> None:
    """The start-up of this process is over: resume the collector if
    :func:`pause_for_start_up` paused it, what exists now frozen (kept out of
    later collections). ``forked``: this is a worker just forked from its
    parent, whose objects are frozen in any case (collecting them would write
    to those pages and copy them into the worker)."""
    global _paused
    if _paused or forked:
        gc.freeze()
    if _paused:
        _paused = False
        gc.enable()
