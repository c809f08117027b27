"""Report formats. This package is a built-in plugin: the plugin manager
registers it by default, and it offers the ``text`` and ``json`` formats
through the ``soplint_formatters`` hook, exactly like a third-party plugin.

A formatter is ``callable(result: CheckResult, options: dict) -> str``;
``options`` carries ``lang``, ``statistics``, ``quiet`` and ``rules``
(``{code: rule class}`` of the run). A formatter may also offer
``callable.stream(result, options)``, an iterator of text pieces: ``check``
then writes the report piece by piece instead of building it whole in
memory (the built-in formats all do; see :func:`streaming`).
"""
from __future__ import annotations

import importlib

from soplint.hookspec import hookimpl


def streaming(module: str, function: str):
    """A formatter whose ``stream`` is ``module.function(result, options)``
    (imported when first used) and whose call joins the pieces."""

    def stream(result, options=None):
        return getattr(importlib.import_module(module), function)(result, options or {})

    def formatter(result, options=None):
        return "".join(stream(result, options))

    formatter.stream = stream
    return formatter


@hookimpl
def soplint_formatters():
    return {"text": streaming("soplint.report.text", "iter_text"),
            "json": streaming("soplint.report.json", "iter_json")}
