"""Every extension point of soplint, declared for pluggy (project "soplint").

Built-in features register through exactly these hooks, like any third-party
plugin: the built-in rules are the entry point ``builtin_rules =
soplint_rules`` of group ``soplint``. A plugin is a module (or object) with
functions named like the specs below, decorated with :data:`hookimpl`.
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
    """Return a list of readers for other inputs: objects with ``suffixes``
    (tuple of lower-case file endings, e.g. ``(".odt",)``) and
    ``read(path, config) -> list[soplint.model.SOP]``."""


@hookspec
def soplint_config_schema():
    """Return a dict of JSON Schema ``properties`` this plugin adds to the
    configuration (validated with the rest of the configuration)."""


@hookspec
def soplint_writers():
    """Return a dict ``{name: callable(sop, path, options)}`` of output formats
    for ``convert --to``."""
