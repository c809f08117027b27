"""Command line entry point. Each command lives in ``soplint/commands/`` and
is imported only when it runs, so ``soplint check`` does not pay for the
converter's imports (and vice versa)."""
from __future__ import annotations

import importlib
import sys

import click

from soplint import __version__

#: command name -> "module:attribute" of its click command
COMMANDS = {
    "convert": "soplint.commands.convert:convert",
    "check": "soplint.commands.check:check",
    "rules": "soplint.commands.rules_cmd:rules",
    "config": "soplint.commands.config_cmd:config",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="soplint")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Bahasa pesan / message language (default: SOPLINT_LANG or id).")
def cli(lang):
    """soplint: membaca, memeriksa dan menulis ulang dokumen SOP AP.

    Reads, checks and rewrites Indonesian SOP AP documents."""
    from soplint.i18n import set_lang

    set_lang(lang)  # also resets a language left by an earlier in-process run


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="soplint", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


def entry():
    """The command, then the process's end: :func:`main`, then a quick exit
    (called by :func:`soplint.__main__.run`, the ``soplint`` console script
    and ``python -m soplint``).

    A short run spends a tenth of its time in the interpreter's teardown,
    freeing every object it made one by one (the stemmer's dictionary, the
    modules). The process is about to end, so that work is skipped: the
    output streams are flushed and the ``atexit`` handlers run, as at a normal
    exit, and then the process ends with :func:`os._exit`. Where a thread
    other than the main one is still alive, the normal exit (which waits for
    it) is kept. :func:`main` itself only raises :class:`SystemExit`, for
    callers in the same process."""
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    _quick_exit(code)


def _quick_exit(code) -> None:
    import atexit
    import os

    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): printed, status 1
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: as Python's own exit reports it
            code = code or 120
    os._exit(code)
