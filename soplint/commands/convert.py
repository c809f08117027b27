"""``soplint convert``: any SOP input -> standard template (.docx), JSON or YAML."""
from __future__ import annotations

import re
from pathlib import Path

import click

from soplint.commands.common import echo_err, lang_option
from soplint.i18n import tr
from soplint.inputs import MODEL_SUFFIXES, WORD_SUFFIXES, collect

SUFFIX = {"docx": ".docx", "json": ".json", "yaml": ".yaml"}


def safe_stem(name: str) -> str:
    """An output name derived from an input name, safe on every OS."""
    stem = re.sub(r"[\x00-\x1f<>:\"/\\|?*]+", "_", name).strip(" .")
    return stem[:150] or "sop"


def output_names(rel: Path, count: int, to: str) -> list[Path]:
    base = rel.parent / safe_stem(rel.stem)
    suffix = SUFFIX[to]
    if count == 1:
        return [base.with_name(base.name + suffix)]
    return [base.with_name(f"{base.name}-{i:02d}{suffix}") for i in range(1, count + 1)]


def _writer(to: str):
    if to == "json":
        from soplint.writers.jsonyaml import write_json

        return write_json
    if to == "yaml":
        from soplint.writers.jsonyaml import write_yaml

        return write_yaml
    from soplint.writers.docx import write

    return write


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder keluaran / output folder.")
@click.option("--to", "to", type=click.Choice(["docx", "json", "yaml"]), default="docx", show_default=True,
              help="Format keluaran / output format.")
@click.option("--force", is_flag=True, help="Timpa keluaran yang ada / overwrite existing outputs.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Templat .docx daerah / a region's .docx template.")
@lang_option
def convert(paths, out_dir, to, force, template):
    """Tulis ulang SOP ke templat baku, JSON atau YAML.

    Rewrite SOPs into the standard template, JSON or YAML."""
    from soplint.errors import UnreadableFile
    from soplint.readers import read_path

    out_dir = Path(out_dir)
    inputs = collect(paths, WORD_SUFFIXES + MODEL_SUFFIXES)
    input_keys = {i.path.resolve() for i in inputs}
    write = _writer(to)
    options = {"template": template}
    failed = 0
    written = 0
    for item in inputs:
        try:
            sops = read_path(item.path)
        except UnreadableFile as exc:
            failed += 1
            echo_err(tr("{p}: DK01 berkas tidak terbaca: {e}", "{p}: DK01 file cannot be read: {e}",
                        p=item.path, e=exc))
            continue
        if not sops:
            echo_err(tr("{p}: tidak ada SOP yang ditemukan", "{p}: no SOP found", p=item.path))
            continue
        for sop, name in zip(sops, output_names(item.rel, len(sops), to)):
            target = out_dir / name
            if target.resolve() in input_keys:
                failed += 1
                echo_err(tr("{t}: tidak menimpa berkas masukan", "{t}: refusing to overwrite an input file",
                            t=target))
                continue
            if target.exists() and not force:
                failed += 1
                echo_err(tr("{t}: sudah ada (gunakan --force untuk menimpa)",
                            "{t}: already exists (use --force to overwrite)", t=target))
                continue
            write(sop, target, options)
            written += 1
            click.echo(str(target))
    echo_err(tr("{n} berkas ditulis, {f} gagal", "{n} files written, {f} failed", n=written, f=failed))
    raise SystemExit(1 if failed else 0)
