"""Every extension point of soplint, declared for pluggy (project "soplint").

Built-in features register through exactly these hooks, like any third-party
plugin: the built-in rules are the entry point ``builtin_rules =
soplint_rules`` of group ``soplint``; the built-in readers and writers are the
module :mod:`soplint.builtin`. A plugin is a module (or object) with functions
named like the specs below, decorated with :data:`hookimpl`, found through an
entry point of group ``soplint``, ``--plugin`` or the configuration key
``plugins`` (both ``check`` and ``convert`` load them).

Isolation: a plugin that cannot be imported, a hook that raises, or a rule,
reader or writer that breaks the contract below is reported by the plugin's
name (in Indonesian and English) and skipped; the run goes on.
"""
from __future__ import annotations

import pluggy

PROJECT = "soplint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def soplint_rules():
    """Return a list of rule classes (subclasses of :class:`soplint.rule.Rule`)."""


@hookspec
def soplint_formatters():
    """Return a dict ``{format_name: callable(result, options) -> str}`` of
    report formats (``result`` is a :class:`soplint.findings.CheckResult`)."""


@hookspec
def soplint_readers():
    """Return a list of readers, :class:`soplint.readers.Reader` objects::

        Reader(name="pdf", suffixes=(".pdf",), read=read_pdf,
               limits={"max-pages": 200})

    * ``suffixes``: the lower-case file endings it reads, with the dot. The
      first plugin to claim an ending keeps it (the built-in readers are
      registered first); a later claim is reported and skipped.
    * ``read(path, options) -> list[soplint.model.SOP]``: every SOP of the
      file, in document order (an empty list: no SOP found). ``path`` is a
      :class:`pathlib.Path`; ``options`` a
      :class:`soplint.readers.ReadOptions` (limits, configuration, the
      batch's per-file time and memory limits). Text the reader cannot place
      goes to the model's ``tak_terpetakan``, never dropped. A file that
      cannot be read raises :class:`soplint.errors.UnreadableFile` with a
      bilingual message (reported as DK01); any other exception is turned
      into one too (naming the plugin), and the batch goes on.
    * ``read`` runs in a worker process of the batch (``--jobs``), under the
      per-file time and memory limits (``--timeout``, ``--memory-limit``): a
      reader that runs over them is stopped and the file reported, so a
      reader needs no watchdog of its own; a helper program it starts is
      stopped with it.
    * ``limits`` (optional): limits of its own beyond the zip pre-flight's,
      ``{name: default}`` with hyphenated names. They may be set in the
      configuration's ``[limits]`` table and with ``--limit NAME=VALUE``, and
      reach ``read`` as ``options.limit("max-pages", 200)``.
    * ``folder_suffixes`` (optional): the endings looked for when a folder
      is given (default: ``suffixes``); a file named directly is read by its
      ending. ``models=True`` marks readers of soplint's own model files,
      which ``check`` does not look for in folders.

    Any object with ``suffixes`` and ``read`` (and optionally the other
    attributes) is accepted as well."""


@hookspec
def soplint_config_schema():
    """Return a dict of JSON Schema ``properties`` this plugin adds to the
    configuration (validated with the rest of the configuration)."""


@hookspec
def soplint_writers():
    """Return a list of output formats for ``convert --to NAME``,
    :class:`soplint.writers.Writer` objects::

        Writer(name="md", suffix=".md", write=write_markdown)

    * ``name``: the ``--to`` value; the first plugin to offer a name keeps it
      (the built-in docx, json and yaml are registered first).
    * ``suffix``: the ending of the files it writes (output names are the
      input's name with this ending, ``-01``, ``-02``... for a file holding
      several SOPs).
    * ``write(sop, path, options) -> None``: write one model
      (:class:`soplint.model.SOP`) to ``path`` (a :class:`pathlib.Path`),
      atomically (:mod:`soplint.atomic`). ``options`` is a dict with
      ``template``, ``kertas`` and ``logo`` (the docx writer's options).
      It runs in a batch worker; an exception is reported for that input and
      the batch goes on.

    A dict ``{name: write}`` is accepted too (suffix ``"." + name``)."""
