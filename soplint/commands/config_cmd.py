"""``soplint config``: the effective configuration and where each value came from."""
from __future__ import annotations

import json
import sys

import click

from soplint.commands.common import echo_err
from soplint.errors import UsageError
from soplint.i18n import set_lang, tr


@click.command("config")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Berkas konfigurasi / configuration file.")
@click.option("--plugin", "plugins", multiple=True, help="Plugin lokal / local plugin.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Bahasa pesan / message language.")
def config(config_file, plugins, fmt, lang):
    """Tampilkan konfigurasi yang berlaku dan asal setiap nilai.

    Print the effective configuration and where each value came from."""
    from soplint.session import open_session
    from soplint.config import effective

    if lang:
        set_lang(lang)
    try:
        run = open_session(config_file, plugins=plugins, lang=lang, warn=echo_err)
    except UsageError as exc:
        echo_err(str(exc))
        sys.exit(2)
    cfg = run.config
    rows = effective(cfg, run.plugins.rules())
    enabled = sorted(run.settings)
    if fmt == "json":
        click.echo(json.dumps({
            "berkas_konfigurasi": str(cfg.path) if cfg.path else None,
            "nilai": [{"kunci": k, "nilai": v, "asal": s} for k, v, s in rows],
            "aturan_aktif": enabled,
        }, ensure_ascii=False, indent=2))
        return
    click.echo(tr("# berkas konfigurasi: {p}", "# configuration file: {p}",
                  p=cfg.path or tr("(tidak ada)", "(none)")))
    for key, value, src in rows:
        click.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}  # {src}")
    click.echo(tr("# aturan aktif ({n}): {c}", "# enabled rules ({n}): {c}", n=len(enabled), c=", ".join(enabled)))
