"""``soplint check PATH...``: lint SOP documents.

Structure (kept simple so options can be added with small edits):
:func:`setup_run` loads configuration and plugins, :func:`build_result` reads
and checks the inputs into a :class:`soplint.findings.CheckResult`,
:func:`render` formats it through the ``soplint_formatters`` hook, and the
click command writes it and picks the exit code.
"""
from __future__ import annotations

import os
import sys

import click

from soplint.commands.common import echo_err
from soplint.errors import UsageError
from soplint.findings import SEVERITY_RANK
from soplint.i18n import lang as current_lang
from soplint.i18n import tr
from soplint.i18n import set_lang
from soplint.session import Session, open_session


#: what a run is set up with (kept under its old name)
Run = Session


def setup_run(config_file=None, select=None, ignore=None, plugins=(), fail_on=None,
              lang=None, warn=echo_err, limits=()) -> Session:
    """Configuration + plugins + selected rules. Raises UsageError (exit 2)."""
    return open_session(config_file, select=select, ignore=ignore, plugins=plugins, fail_on=fail_on, lang=lang,
                        limits=limits, warn=warn)


def input_suffixes(run: Session) -> tuple:
    """The endings looked for in folders: documents of every loaded reader."""
    return run.input_suffixes(models=False)


def stdin_document(name=None) -> str:
    """Standard input saved to a private temporary file (removed at exit),
    named after ``name`` (``--stdin-filename``) or by its content, so the
    readers see the document as if it were that file."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    data = sys.stdin.buffer.read()
    folder = tempfile.mkdtemp(prefix="soplint-stdin-")
    atexit.register(shutil.rmtree, folder, True)
    suffix = Path(name).suffix if name else ""
    if not suffix:
        suffix = ".doc" if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" else ".docx"
    path = Path(folder) / ((Path(name).stem if name else "stdin") + suffix)
    path.write_bytes(data)
    return str(path)


def build_result(run: Run, paths, progress=False, jobs=1, timeout=None, memory_mb=None, stdin_name=None,
                 exclude=(), say=None):
    """Read and check ``paths`` (files or folders): ``(CheckResult, engine)``.
    Files go through :func:`soplint.pipeline.check_files` (``jobs`` worker
    processes, per-file time and memory limits, results in input order)."""
    from soplint.pipeline import check_files
    from soplint.engine import Engine
    from soplint.inputs import collect

    engine = Engine(run.config, run.plugins, run.settings)
    engine.read_options = run.read_options(timeout, memory_mb)
    if "-" in paths:  # `check -`: the document on standard input
        saved = stdin_document(stdin_name)
        engine.names[saved] = stdin_name or "-"
        paths = [saved if p == "-" else p for p in paths]
    # plain strings: a batch of thousands of paths held as Path objects costs megabytes
    files = [str(i.path) for i in collect(paths, input_suffixes(run), exclude)]
    if say is not None:
        for f in files:
            say(tr("berkas: {f}", "file: {f}", f=engine.names.get(f, f)))
    result = check_files(engine, files, jobs=jobs, timeout=timeout, memory_mb=memory_mb,
                         progress=bool(progress))
    return result, engine


def use_color(choice: str, output=None) -> bool:
    """``--color``: ``always`` and ``never`` as said; ``auto`` colours a
    terminal on standard output unless ``NO_COLOR`` is set (no-color.org)."""
    if choice == "always":
        return True
    if choice == "never" or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def verbose_lines(run: Run) -> list:
    """What ``-v`` says about the configuration before the files are read."""
    cfg = run.config
    path = getattr(cfg, "path", None)
    lines = [tr("konfigurasi: {c}", "configuration: {c}",
                c=path or tr("tidak ada berkas (nilai bawaan)", "no file (defaults)"))]
    for key in ("fail-on", "select", "ignore", "severity", "per-file-ignores", "limits"):
        value = cfg.get(key)
        if value not in (None, [], {}):
            lines.append(f"  {key} = {value!r} ({cfg.src(key)})")
    lines.append(tr("aturan aktif: {n}", "rules enabled: {n}", n=len(run.settings)))
    return lines


def report_options(run: Run, statistics=False, quiet=False, color=False) -> dict:
    return {"lang": current_lang(), "statistics": statistics, "quiet": quiet, "color": color,
            "rules": {code: s.cls for code, s in run.settings.items()},
            "fail_on": run.config.get("fail-on", "error"), "settings": report_settings(run)}


def report_settings(run: Run) -> dict:
    """The settings a report states it was made with."""
    cfg = run.config
    return {"config": str(cfg.path) if getattr(cfg, "path", None) else None,
            "select": list(cfg.get("select") or []), "ignore": list(cfg.get("ignore") or []),
            "severity": dict(cfg.get("severity") or {}), "per-file-ignores": dict(cfg.get("per-file-ignores") or {})}


def formatter(run: Run, fmt: str):
    """The formatter ``fmt`` of the loaded plugins (UsageError if none)."""
    formatters = run.plugins.formatters()
    for problem in run.plugins.problems:
        echo_err(problem)
    run.plugins.problems.clear()
    func = formatters.get(fmt)
    if func is None:
        raise UsageError("Format tidak dikenal: {f} (tersedia: {a})", "Unknown format: {f} (available: {a})",
                         f=fmt, a=", ".join(sorted(formatters)))
    return func


def render(run: Run, result, fmt: str, options: dict) -> str:
    return formatter(run, fmt)(result, options)


def render_pieces(run: Run, result, fmt: str, options: dict):
    """The report as an iterable of text pieces: the formatter's ``stream``
    where it has one, else its whole text."""
    func = formatter(run, fmt)
    stream = getattr(func, "stream", None)
    if callable(stream):
        return stream(result, options)
    return (func(result, options),)


def write_report(pieces, output=None, color=None) -> None:
    """Write the pieces to ``output`` (atomically) or to standard output."""
    if output:
        from soplint.atomic import write_pieces
        from soplint.errors import cannot_write

        try:
            write_pieces(output, pieces)
        except OSError as exc:  # a full disk, a folder that is not there or not ours
            raise cannot_write(output, exc) from None
        return
    last = ""
    for piece in pieces:
        if piece:
            click.echo(piece, nl=False, color=color)
            last = piece
    if last and not last.endswith("\n"):
        click.echo("")


def mirrored(paths, items) -> list:
    """The inputs named for ``--annotate``: relative to the one folder given,
    else to the deepest folder holding every argument, so that the copies
    mirror the input tree (``check a b/x.docx`` writes ``a/...`` and
    ``b/x.docx``) and two inputs never share a name."""
    from pathlib import Path

    from soplint.inputs import Input

    if len(paths) == 1 and Path(paths[0]).is_dir():
        return list(items)
    folders = [os.path.abspath(p if Path(p).is_dir() else os.path.dirname(os.path.abspath(p))) for p in paths]
    try:
        base = os.path.commonpath(folders)
    except ValueError:  # different drives (Windows): names as found
        return list(items)
    return [Input(i.path, Path(os.path.relpath(os.path.abspath(i.path), base))) for i in items]


def exit_code(result, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    counts = result.counts()
    return 1 if any(counts.get(level, 0) for level, rank in SEVERITY_RANK.items() if rank >= threshold) else 0


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True,
              help="text | json | sarif | junit | html (atau format dari plugin / or a plugin's format).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
              help="Tulis laporan ke berkas / write the report to a file.")
@click.option("--select", multiple=True, help="Kode, nama atau awalan aturan / rule codes, names or prefixes.")
@click.option("--ignore", multiple=True, help="Kode, nama atau awalan yang diabaikan / codes, names or prefixes to skip.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Berkas konfigurasi / configuration file.")
@click.option("--plugin", "plugins", multiple=True, help="Plugin lokal (.py atau modul) / local plugin (.py or module).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Tingkat yang membuat kode keluar 1 / level that makes the exit code 1 (default: error).")
@click.option("--statistics", is_flag=True, help="Jumlah temuan per aturan / count of findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Hanya temuan / findings only.")
@click.option("--no-progress", is_flag=True, help="Tanpa kemajuan / no progress display.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Jumlah proses (0 = semua inti) / number of processes (0 = all cores).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None,
              help="Batas waktu per berkas, detik (0 = tanpa batas) / time limit per file, seconds.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=None,
              help="Batas memori per berkas, MB (0 = tanpa batas) / memory limit per file, MB.")
@click.option("--limit", "limits", multiple=True, metavar="NAMA=NILAI",
              help="Batas pembacaan aman, mis. max-ratio=200 atau max-total-uncompressed=512MB / "
                   "a safe-reading limit (see `[limits]` in the configuration).")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Bahasa pesan / message language.")
@click.option("--annotate", "annotate", type=click.Path(file_okay=False), default=None,
              help="Tulis salinan tiap berkas dengan komentar Word per temuan ke folder ini / "
                   "write a copy of each file with one Word comment per finding into this folder.")
@click.option("--stdin-filename", "stdin_name", default=None, metavar="NAMA",
              help="Nama dokumen dari masukan standar (`check -`) dalam pesan dan per-file-ignores / "
                   "the name of the document read from standard input (`check -`), for messages and "
                   "per-file-ignores.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Lewati berkas/folder yang cocok dalam folder yang diperiksa, mis. 'arsip' atau '**/draf-*.docx' / "
                   "skip files or folders matching a glob inside the folders checked.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Warna pada keluaran teks (auto: terminal tanpa NO_COLOR) / colour in the text output.")
@click.option("--verbose", "-v", "verbose", is_flag=True,
              help="Sebutkan konfigurasi, berkas dan lama proses di stderr / say the configuration, the files "
                   "and how long it took on standard error.")
@click.option("--force", is_flag=True,
              help="Timpa salinan --annotate yang ada / overwrite existing --annotate copies.")
def check(paths, fmt, output, select, ignore, config_file, plugins, fail_on, statistics, quiet,
          no_progress, jobs, lang, annotate=None, timeout=None, memory_mb=None, limits=(), force=False,
          stdin_name=None, exclude=(), color="auto", verbose=False):
    """Periksa SOP (Word, PDF, model) dengan aturan.

    Lint SOP documents (.docx, .doc, .pdf, JSON/YAML models) with the rules."""
    if lang:
        set_lang(lang)
    try:
        import time

        started = time.perf_counter()
        if annotate and "-" in paths:
            raise UsageError("--annotate tidak dapat dipakai dengan masukan standar (check -): sebutkan berkasnya",
                             "--annotate cannot be used with standard input (check -): name the file instead")
        run = setup_run(config_file, select, ignore, plugins, fail_on, lang, limits=limits)
        from soplint.progress import Progress

        say = echo_err if verbose else None
        if say:
            for line in verbose_lines(run):
                say(line)
        progress = Progress.wanted(quiet or no_progress)
        result, engine = build_result(run, paths, progress, jobs=jobs, timeout=timeout, memory_mb=memory_mb,
                                      stdin_name=stdin_name, exclude=exclude, say=say)
        if not len(result.berkas):
            from soplint.inputs import no_inputs_warning

            echo_err(no_inputs_warning(paths, input_suffixes(run)))
        colored = fmt == "text" and use_color(color, output)
        pieces = render_pieces(run, result, fmt, report_options(run, statistics, quiet, colored))
        if statistics and fmt != "text":
            from soplint.report.text import statistics_lines

            echo_err("\n".join(statistics_lines(result)))
        write_report(pieces, output, color=colored or None)
        if annotate:
            from soplint.inputs import collect
            from soplint.report.annotate import annotate_and_report

            done = annotate_and_report(result, annotate,
                                       mirrored(paths, collect(paths, input_suffixes(run), exclude)),
                                       force=force)
            if any(d.refused for d in done):
                raise UsageError("--annotate {d}: ada salinan yang tidak ditulis (lihat di atas)",
                                 "--annotate {d}: some copies were not written (see above)", d=annotate)
        if say:
            say(tr("{n} berkas diperiksa dalam {t:.2f} s", "{n} files checked in {t:.2f} s",
                   n=len(result.berkas), t=time.perf_counter() - started))
    except UsageError as exc:
        echo_err(str(exc))
        sys.exit(2)
    for problem in engine.errors:
        echo_err(problem)
    if engine.errors:
        sys.exit(2)
    sys.exit(exit_code(result, run.config.get("fail-on", "error")))
