"""``soplint rules [CODE]``: the rule list, or one rule's doc page."""
from __future__ import annotations

import inspect
import json
import sys

import click

from soplint.commands.common import echo_err
from soplint.errors import UsageError
from soplint.i18n import set_lang, tr


def doc_page(cls, origin=None) -> str:
    """The doc page of a rule: header, docstring, options with defaults."""
    lines = [f"{cls.code} {cls.name} ({cls.severity})", cls.summary_text(), ""]
    from soplint.rule import doc_text

    doc = doc_text(cls.__doc__) if cls.__doc__ else tr("(tanpa dokumentasi)", "(no documentation)")
    lines.append(doc)
    props = (cls.options_schema or {}).get("properties") or {}
    if props:
        lines.append("")
        lines.append(tr("Opsi ([rules.{c}] di konfigurasi):", "Options ([rules.{c}] in the configuration):",
                        c=cls.code))
        for name, sub in props.items():
            default = cls.defaults.get(name)
            desc = sub.get("description", "")
            kind = sub.get("type", "")
            lines.append(f"  {name} ({kind}; {tr('bawaan', 'default')}: {json.dumps(default, ensure_ascii=False)})"
                         + (f": {desc}" if desc else ""))
    if origin:
        lines.append("")
        lines.append(tr("Plugin: {p}", "Plugin: {p}", p=origin))
    return "\n".join(lines) + "\n"


@click.command("rules")
@click.argument("code", required=False)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Berkas konfigurasi / configuration file.")
@click.option("--plugin", "plugins", multiple=True, help="Plugin lokal / local plugin.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Bahasa pesan / message language.")
def rules(code, config_file, plugins, fmt, lang):
    """Daftar aturan, atau halaman dokumentasi satu aturan.

    List the rules, or print one rule's doc page."""
    from soplint.session import open_session
    from soplint.config import find_rule

    if lang:
        set_lang(lang)
    try:
        run = open_session(config_file, plugins=plugins, lang=lang, warn=echo_err)
    except UsageError as exc:
        echo_err(str(exc))
        sys.exit(2)
    available = run.plugins.rules()
    if code:
        cls = find_rule(code, available)
        if cls is None:
            echo_err(tr("Aturan tidak dikenal: {c}", "Unknown rule: {c}", c=code))
            sys.exit(2)
        if fmt == "json":
            click.echo(json.dumps(_info(cls, run), ensure_ascii=False, indent=2))
        else:
            click.echo(doc_page(cls, run.plugins.origin(cls.code)), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps([_info(c, run) for c in available.values()], ensure_ascii=False, indent=2))
        return
    for c in available.values():
        on = "" if c.code in run.settings else " " + tr("(nonaktif)", "(disabled)")
        sev = run.settings[c.code].severity if c.code in run.settings else c.severity
        click.echo(f"{c.code:<6} {c.name:<28} {sev:<8} {c.summary_text()}{on}")


def _info(cls, run) -> dict:
    setting = run.settings.get(cls.code)
    return {"code": cls.code, "name": cls.name, "severity": setting.severity if setting else cls.severity,
            "enabled": setting is not None, "summary": cls.summary_text(),
            "options": setting.options if setting else dict(cls.defaults),
            "plugin": run.plugins.origin(cls.code), "doc": doc_page(cls)}
