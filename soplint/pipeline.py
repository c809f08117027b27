"""The check pipeline: every input file read and checked in a batch
(:func:`soplint.batch.run`), the results kept in a spool, the cross-document
rules run at the end.

Per file, in a worker (:func:`_check_one`): the engine's per-SOP findings and
what each cross-document rule keeps of the file's SOPs. In this process, in
input order (:func:`check_files`): each file's result goes to a
:class:`soplint.spool.Spool`; a file the batch could not finish (an
:class:`~soplint.errors.UnreadableFile` from the reader, the time or memory
limit, a worker that died, a bug) becomes the unreadable-file findings (DK01)
here, in this one place; at the end the cross-document rules run over the
kept summaries.
"""
from __future__ import annotations

from soplint.batch import mp_context, run


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
    :func:`soplint.batch.run`: reading, per-SOP rules and the cross-document rules'
    summaries in the workers; each file's result goes to a
    :class:`soplint.spool.Spool` as it arrives (in input order), so memory does
    not grow with the batch but by the small summaries; the cross-document
    rules run here at the end. A file over the time or memory limit, or whose
    worker died, is reported by the engine's unreadable-file rules (DK01).
    Returns the CheckResult (its files read back from the spool)."""
    from functools import partial

    from soplint.findings import FileResult
    from soplint.readers import prepare, readers_for
    from soplint.spool import Spool

    paths = list(paths)
    if jobs != 1 and mp_context().get_start_method() != "fork":
        jobs = 1  # the engine (configuration, plugins) is shared with workers by fork only
    # little is kept in memory: whatever this process holds while the batch
    # runs, each worker forked later (workers are recycled) carries a copy of
    files = Spool(memory_limit=SPOOL_MEMORY)
    # what the cross-document rules keep, also spooled (still pickled): the
    # summaries are unpacked only once every file is read and the workers
    # are gone
    kept_spool = Spool(memory_limit=SPOOL_MEMORY)
    func = partial(_check_one, engine=engine)
    # the readers' modules are loaded here, before the per-file memory limit
    # (a module loaded under it may load half) and before workers are forked
    # (they inherit them, each time one is replaced)
    prepare(readers_for(paths, engine.readers()))
    for out in run(func, paths, jobs=jobs, timeout=timeout, memory_mb=memory_mb, label=str, progress=progress,
                   max_tasks=WORKER_FILES):
        if out.error is None:
            data, kept, errors = out.value
            engine.errors.extend(errors)
            files.append_bytes(data)
            if kept is not None:
                kept_spool.append_bytes(kept)
        else:
            berkas = engine.berkas(out.item)
            files.append(FileResult(berkas=berkas, temuan=engine.unreadable_findings(berkas, out.error)))
    cross = {code: [] for code in engine.cross_rules}
    for kept in kept_spool:
        for code, items in kept.items():
            cross.setdefault(code, []).extend(items)
    kept_spool.close()
    return engine.finish(files, cross)
