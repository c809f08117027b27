"""Options and helpers shared by several commands."""
from __future__ import annotations

import click

from soplint.i18n import set_lang


def lang_option(f):
    def _cb(ctx, param, value):
        if value:
            set_lang(value)
        return value

    return click.option("--lang", type=click.Choice(["id", "en"]), default=None, expose_value=False,
                        callback=_cb, is_eager=True,
                        help="Bahasa pesan / message language.")(f)


def echo_err(text: str) -> None:
    click.echo(text, err=True)
