"""The cyclic garbage collector while the program starts.

Starting a run imports some hundreds of modules, reads the configuration,
loads the plugins and, with the run's first file, the reader and the rules'
data (the stemmer's dictionary among them): objects that live as long as the
process, none of them garbage. The collector would still scan them over and
over as they are made (about a twentieth of a one-file ``check``). So the
process entry point (:func:`soplint.__main__.run`) pauses it before anything
is imported, and the batch (:mod:`soplint.batch`) resumes it once the first
file is done, or as a worker process starts: everything made until then is
frozen out of later collections, and the collector runs as usual for the rest
of the batch. Used as a library, soplint leaves the collector alone.
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


def resume() -> None:
    """Resume the collector if :func:`pause_for_start_up` paused it; what
    exists now is frozen (kept out of later collections). Otherwise nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
