"""``soplint convert``: any SOP input -> standard template (.docx), JSON or YAML."""
from __future__ import annotations

import re
from pathlib import Path

import click

from soplint.commands.common import echo_err, lang_option
from soplint.i18n import tr
from soplint.inputs import MODEL_SUFFIXES, PDF_SUFFIXES, WORD_SUFFIXES, collect

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


def _convert_one(item, ctx: dict):
    """Read one input and write its outputs (runs in a batch worker).
    Returns ``[("ok", target) | ("err", message) | ("note", message)]``."""
    from soplint.i18n import set_lang
    from soplint.readers import read_path

    set_lang(ctx["lang"])
    out_dir = ctx["out_dir"]
    to = ctx["to"]
    sops = read_path(item.path, ctx["read_options"])
    if not sops:
        return [("note", tr("{p}: tidak ada SOP yang ditemukan", "{p}: no SOP found", p=item.path))]
    write = _writer(to)
    events = []
    for sop, name in zip(sops, output_names(item.rel, len(sops), to)):
        target = out_dir / name
        if target.resolve() in ctx["input_keys"]:
            events.append(("err", tr("{t}: tidak menimpa berkas masukan", "{t}: refusing to overwrite an input file",
                                     t=target)))
            continue
        if item.path in ctx["shadowed"]:
            events.append(("err", tr("{t}: sudah ditulis dari masukan lain pada proses ini",
                                     "{t}: already written from another input in this run", t=target)))
            continue
        if target.exists() and not ctx["force"]:
            events.append(("err", tr("{t}: sudah ada (gunakan --force untuk menimpa)",
                                     "{t}: already exists (use --force to overwrite)", t=target)))
            continue
        write(sop, target, ctx["write_options"])
        events.append(("ok", str(target)))
    return events


def _configuration(config_file, limits=()):
    from soplint import config as cfgmod
    from soplint.commands.check import limit_overrides
    from soplint.errors import SoplintError

    try:
        cfg = cfgmod.load(config_file)
        limit_overrides(cfg, limits)
    except SoplintError as exc:
        raise click.UsageError(str(exc)) from None
    return cfg


def _configured_template(config_file, cfg=None):
    """The `template` key of the configuration in force, relative to its file."""
    cfg = cfg if cfg is not None else _configuration(config_file)
    value = cfg.get("template")
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = cfg.base_dir / path
    if not path.is_file():
        raise click.UsageError(tr("templat tidak ditemukan: {p}", "template not found: {p}", p=path))
    return str(path)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder keluaran / output folder.")
@click.option("--to", "to", type=click.Choice(["docx", "json", "yaml"]), default="docx", show_default=True,
              help="Format keluaran / output format.")
@click.option("--force", is_flag=True, help="Timpa keluaran yang ada / overwrite existing outputs.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Templat .docx daerah / a region's .docx template.")
@click.option("--kertas", type=click.Choice(["F4", "A4"], case_sensitive=False), default="F4", show_default=True,
              help="Ukuran kertas (lanskap) / paper size (landscape), --to docx.")
@click.option("--logo", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Gambar logo untuk sel instansi / logo image for the institution cell.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Jumlah proses paralel (0 = semua inti) / parallel processes (0 = all cores).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None,
              help="Batas waktu per berkas, detik (0 = tanpa batas) / time limit per file, seconds.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=None,
              help="Batas memori per berkas, MB (0 = tanpa batas) / memory limit per file, MB.")
@click.option("--no-progress", is_flag=True, help="Tanpa bilah kemajuan / no progress bar.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Berkas konfigurasi / configuration file (its `template` key is used).")
@click.option("--limit", "limits", multiple=True, metavar="NAMA=NILAI",
              help="Batas pembacaan aman, mis. max-ratio=200 / a safe-reading limit (see `[limits]`).")
@lang_option
def convert(paths, out_dir, to, force, template, kertas, logo, jobs, timeout, memory_mb, no_progress,
            config_file=None, limits=()):
    """Tulis ulang SOP ke templat baku, JSON atau YAML.

    Rewrite SOPs into the standard template, JSON or YAML."""
    from functools import partial

    from soplint import batch
    from soplint.i18n import lang

    out_dir = Path(out_dir)
    cfg = _configuration(config_file, limits)
    if template is None and to == "docx":
        template = _configured_template(config_file, cfg)
    inputs = collect(paths, WORD_SUFFIXES + PDF_SUFFIXES + MODEL_SUFFIXES)
    # two inputs giving the same output name (a.docx and a.doc): the first one wins, in input order
    seen_bases, shadowed = set(), set()
    for item in inputs:
        base = str(item.rel.parent / safe_stem(item.rel.stem)).lower()
        if base in seen_bases:
            shadowed.add(item.path)
        seen_bases.add(base)
    ctx = {"lang": lang(), "out_dir": out_dir, "to": to, "force": force,
           "input_keys": {i.path.resolve() for i in inputs}, "shadowed": shadowed,
           "read_options": {"limits": cfg.get("limits") or None}, "write_options": {"template": template, "kertas": kertas.upper(), "logo": logo}}
    failed = 0
    written = 0
    outcomes = batch.run(partial(_convert_one, ctx=ctx), inputs, jobs=jobs, timeout=timeout, memory_mb=memory_mb,
                         label=lambda item: str(item.path), progress=batch.Progress.wanted(no_progress))
    for outcome in outcomes:
        if outcome.error is not None:
            failed += 1
            echo_err(tr("{p}: DK01 berkas tidak terbaca: {e}", "{p}: DK01 file cannot be read: {e}",
                        p=outcome.item.path, e=outcome.error))
            continue
        for status, text in outcome.value:
            if status == "ok":
                written += 1
                click.echo(text)
            else:
                failed += status == "err"
                echo_err(text)
    echo_err(tr("{n} berkas ditulis, {f} gagal", "{n} files written, {f} failed", n=written, f=failed))
    raise SystemExit(1 if failed else 0)
