"""Report formats. This package is a built-in plugin: the plugin manager
registers it by default, and it offers the ``text`` and ``json`` formats
through the ``soplint_formatters`` hook, exactly like a third-party plugin.

A formatter is ``callable(result: CheckResult, options: dict) -> str``;
``options`` carries ``lang``, ``statistics``, ``quiet`` and ``rules``
(``{code: rule class}`` of the run).
"""
from __future__ import annotations

from soplint.hookspec import hookimpl


@hookimpl
def soplint_formatters():
    def text(result, options=None):
        from soplint.report.text import format_text

        return format_text(result, options or {})

    def json(result, options=None):
        from soplint.report.json import format_json

        return format_json(result, options or {})

    return {"text": text, "json": json}
