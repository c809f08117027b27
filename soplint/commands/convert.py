"""``soplint convert``: any SOP input -> standard template (.docx), JSON or YAML."""
from __future__ import annotations

import re
from pathlib import Path

import click

from soplint.commands.common import echo_err, lang_option
from soplint.i18n import tr
from soplint.inputs import collect, shown


def safe_stem(name: str) -> str:
    """An output name derived from an input name, safe on every OS."""
    stem = re.sub(r"[\x00-\x1f<>:\"/\\|?*]+", "_", name).strip(" .")
    return stem[:150] or "sop"


def output_names(rel: Path, count: int, suffix: str, stem: str | None = None) -> list[Path]:
    """Output names for ``count`` SOPs read from ``rel``, ending in ``suffix``
    (``stem``: the name to use instead of the input's own)."""
    base = rel.parent / (stem or safe_stem(rel.stem))
    if count == 1:
        return [base.with_name(base.name + suffix)]
    return [base.with_name(f"{base.name}-{i:02d}{suffix}") for i in range(1, count + 1)]


def output_stems(inputs) -> dict:
    """``{input path: output stem}`` for inputs whose own name is taken by an
    earlier input (a.doc and a.docx, a.docx in two folders given on the
    command line): the later one keeps its ending in its name (a-docx.json),
    so that both are converted; "" where even that name is taken (that input
    is then refused). Names compare without case, as Windows and macOS do."""
    taken, out = set(), {}
    for item in inputs:
        parent = str(item.rel.parent).lower()
        stem = safe_stem(item.rel.stem)
        if (parent, stem.lower()) in taken:
            tagged = safe_stem(f"{item.rel.stem}-{item.rel.suffix.lstrip('.')}") if item.rel.suffix else ""
            stem = tagged if tagged and (parent, tagged.lower()) not in taken else ""
            out[item.path] = stem
        if stem:
            taken.add((parent, stem.lower()))
    return out


def _convert_one(item, ctx: dict):
    """Read one input and write its outputs (runs in a batch worker).
    Returns ``[("ok", target) | ("err", message) | ("note", message)]``."""
    from soplint.errors import cannot_write
    from soplint.i18n import set_lang
    from soplint.readers import read_path

    set_lang(ctx["lang"])
    out_dir = ctx["out_dir"]
    writer = ctx["writer"]
    sops = read_path(item.path, ctx["read_options"], ctx["readers"])
    if not sops:
        return [("note", tr("{p}: tidak ada SOP yang ditemukan", "{p}: no SOP found", p=shown(item.path)))]
    events = []
    stem = ctx["stems"].get(item.path)
    if stem:
        events.append(("note", tr("{p}: nama keluaran {s} (nama {b} sudah dipakai masukan lain dengan nama sama)",
                                  "{p}: output named {s} (the name {b} is taken by another input of the same name)",
                                  p=shown(item.path), s=stem, b=safe_stem(item.rel.stem))))
    for sop, name in zip(sops, output_names(item.rel, len(sops), writer.suffix, stem)):
        target = out_dir / name
        if target.resolve() in ctx["input_keys"]:
            events.append(("err", tr("{t}: tidak menimpa berkas masukan", "{t}: refusing to overwrite an input file",
                                     t=target)))
            continue
        if stem == "":
            events.append(("err", tr("{t}: sudah ditulis dari masukan lain pada proses ini",
                                     "{t}: already written from another input in this run", t=target)))
            continue
        if target.exists() and not ctx["force"]:
            events.append(("err", tr("{t}: sudah ada (gunakan --force untuk menimpa)",
                                     "{t}: already exists (use --force to overwrite)", t=target)))
            continue
        try:
            written = writer.write(sop, target, ctx["write_options"])
            line, strict_hit = _summary(sop, target, writer, ctx, written)
        except OSError as exc:  # a full disk, no permission: this output failed, not the reading
            events.append(("err", str(cannot_write(target, exc))))
            continue
        events.append(("ok", line))
        if strict_hit:
            events.append(("strict", str(target)))
    return events


def _summary(sop, target: Path, writer, ctx: dict, written=None) -> tuple[str, bool]:
    """One line for an output: the SOP, its steps and its warnings (low reading
    confidence, empty identity fields, a picture flowchart, leftovers written to
    the side file). ``written``: what the writer returned (the .docx writer:
    its layout). Returns (line, whether --strict fails on it)."""
    from soplint.writers.docx import leftovers, undrawn_symbol_texts

    warnings, strict_hit, facts = [], False, []
    conf = getattr(sop.sumber, "pembacaan", None)
    if isinstance(conf, dict) and conf.get("tingkat"):
        level = conf.get("tingkat")
        why = "; ".join(str(a) for a in conf.get("alasan") or [])
        text = tr("keyakinan baca {t} ({s})", "reading confidence {t} ({s})", t=level,
                  s=f"{float(conf.get('skor') or 0):.2f}")
        if level == "tinggi":
            facts.append(text)
        else:
            warnings.append(text + (f": {why}" if why else ""))
        strict_hit |= level == "rendah"
    idn = sop.identitas
    empty = [lab for key, lab in (("nomor_sop", "Nomor SOP"), ("tanggal_pembuatan", "Tanggal Pembuatan"),
                                  ("tanggal_efektif", "Tanggal Efektif"), ("disahkan_oleh", "Disahkan oleh"),
                                  ("nama_sop", "Nama SOP")) if not _filled(getattr(idn, key))]
    if empty:
        warnings.append(tr("kosong di formulir: {f}", "left blank in the form: {f}", f=", ".join(empty)))
    if sop.sumber.gambar_alur:
        drawn = any(k.pelaksana for k in sop.kegiatan)
        warnings.append(tr("bagan alir sumber berupa gambar: {w}", "the source flowchart is a picture: {w}",
                           w=tr("digambar ulang dari pelaksana dan simbol kegiatan",
                                "redrawn from the steps' actors and symbols") if drawn else
                           tr("kolom pelaksana dibiarkan kosong", "actor columns left empty")))
    items = leftovers(sop) if writer.name == "docx" else []
    # texts inside symbols too long for the symbol as drawn: in the side file
    undrawn = undrawn_symbol_texts(sop, ctx["write_options"], lay=written if hasattr(written, "cols") else None) \
        if writer.name == "docx" else []
    if items or undrawn:
        if items and ctx["write_options"].get("lampiran"):
            warnings.append(tr("{n} teks tak terpetakan sebagai lampiran", "{n} unplaced texts as an appendix",
                               n=len(items)))
            items = []
        if items or undrawn:
            side = side_file(target)
            _write_side_file(sop, side, items + undrawn)
            warnings.append(tr("{n} teks tak terpetakan -> {f}", "{n} unplaced texts -> {f}",
                               n=len(items) + len(undrawn), f=side.name))
        strict_hit = True
    name = " ".join((idn.nama_sop or "").split()) or "-"
    if len(name) > 80:  # a long title is shortened, visibly
        name = name[:79].rstrip() + "\u2026"
    line = f"{target}\t" + ", ".join([tr("SOP \"{s}\", {k} kegiatan", "SOP \"{s}\", {k} steps", s=name,
                                          k=len(sop.kegiatan))] + facts)
    if warnings:
        line += "; " + tr("peringatan", "warnings") + ": " + "; ".join(warnings)
    return line, strict_hit


def _filled(v) -> bool:
    if v is None:
        return False
    if isinstance(v, str):
        return bool(v.strip())
    if hasattr(v, "teks"):
        return bool((v.teks or "").strip())
    return any(getattr(v, f, None) for f in ("jabatan", "nama", "nip"))


def side_file(target: Path) -> Path:
    """Where an output's leftovers go: ``NAME.tak-terpetakan.txt`` beside it
    (text, so that converting the output folder again never takes it for a model)."""
    return target.with_name(target.stem + ".tak-terpetakan.txt")


def _write_side_file(sop, path: Path, items: list) -> None:
    from soplint import atomic

    head = tr("Teks yang tidak dapat ditempatkan pembaca, dari {b} (SOP {i}: {n})",
              "Text the reader could not place, from {b} (SOP {i}: {n})",
              b=sop.sumber.berkas, i=sop.sumber.indeks + 1, n=sop.identitas.nama_sop or "-")
    atomic.write_bytes(path, ("\n".join([head, ""] + items) + "\n").encode("utf-8"))


def _session(config_file, limits=(), plugins=()):
    from soplint.errors import SoplintError
    from soplint.session import open_session

    try:
        return open_session(config_file, plugins=plugins, limits=limits, rules=False, warn=echo_err)
    except SoplintError as exc:
        raise click.UsageError(str(exc)) from None


def _configured_template(config_file, cfg=None):
    """The `template` key of the configuration in force, relative to its file."""
    cfg = cfg if cfg is not None else _session(config_file).config
    value = cfg.get("template")
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = cfg.base_dir / path
    if not path.is_file():
        raise click.UsageError(tr("templat tidak ditemukan: {p}", "template not found: {p}", p=path))
    check_template(path, f"template ({cfg.src('template')})")
    return str(path)


def check_template(path, option: str = "--template") -> None:
    """A template python-docx can open, else a usage error naming the option
    (checked once, before any input is read)."""
    try:
        import docx

        docx.Document(str(path))
    except Exception as exc:  # not a zip, no main part, damaged XML...
        raise click.BadParameter(tr("{p} bukan dokumen Word .docx yang dapat dibuka ({e})",
                                    "{p} is not a Word .docx document that can be opened ({e})",
                                    p=path, e=type(exc).__name__), param_hint=option) from None


def check_logo(path, option: str = "--logo") -> None:
    """An image Word can hold (PNG, JPEG, GIF, BMP, TIFF), else a usage error."""
    try:
        from docx.image.image import Image

        Image.from_file(str(path))
    except Exception as exc:
        raise click.BadParameter(tr("{p} bukan gambar yang dikenal (PNG, JPEG, GIF, BMP, TIFF) ({e})",
                                    "{p} is not a known image (PNG, JPEG, GIF, BMP, TIFF) ({e})",
                                    p=path, e=type(exc).__name__), param_hint=option) from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder keluaran / output folder.")
@click.option("--to", "to", default="docx", show_default=True,
              help="Format keluaran: docx, json, yaml (atau format dari plugin) / "
                   "output format: docx, json, yaml (or a plugin's format).")
@click.option("--force", is_flag=True, help="Timpa keluaran yang ada / overwrite existing outputs.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Templat .docx daerah / a region's .docx template.")
@click.option("--kertas", type=click.Choice(["F4", "A4"], case_sensitive=False), default="F4", show_default=True,
              help="Ukuran kertas (lanskap) / paper size (landscape), --to docx.")
@click.option("--logo", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Gambar logo untuk sel instansi / logo image for the institution cell.")
@click.option("--lampiran", is_flag=True,
              help="Teks tak terpetakan sebagai lampiran dokumen (bawaan: berkas samping .tak-terpetakan.txt) / "
                   "unplaced text as the document's appendix (default: a .tak-terpetakan.txt side file).")
@click.option("--strict", is_flag=True,
              help="Keluar 1 bila keyakinan baca rendah atau ada teks tak terpetakan / "
                   "exit 1 on low reading confidence or unplaced text.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Jumlah proses paralel (0 = semua inti) / parallel processes (0 = all cores).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None,
              help="Batas waktu per berkas, detik (0 = tanpa batas) / time limit per file, seconds.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=None,
              help="Batas memori per berkas, MB (0 = tanpa batas) / memory limit per file, MB.")
@click.option("--no-progress", is_flag=True, help="Tanpa bilah kemajuan / no progress bar.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Berkas konfigurasi / configuration file (its `template` and `plugins` keys are used).")
@click.option("--plugin", "plugins", multiple=True, help="Plugin lokal (.py atau modul) / local plugin (.py or module).")
@click.option("--limit", "limits", multiple=True, metavar="NAMA=NILAI",
              help="Batas pembacaan aman, mis. max-ratio=200 / a safe-reading limit (see `[limits]`).")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Lewati berkas/folder yang cocok dalam folder masukan / skip files or folders matching a glob.")
@lang_option
def convert(paths, out_dir, to, force, template, kertas, logo, jobs, timeout, memory_mb, no_progress,
            config_file=None, limits=(), plugins=(), exclude=(), lampiran=False, strict=False):
    """Tulis ulang SOP ke templat baku, JSON atau YAML.

    Rewrite SOPs into the standard template, JSON or YAML."""
    from functools import partial

    from soplint import batch
    from soplint.i18n import lang
    from soplint.readers import prepare, readers_for

    out_dir = Path(out_dir)
    session = _session(config_file, limits, plugins)
    cfg = session.config
    writer = session.writers().get(to)
    if writer is None:
        raise click.UsageError(tr("Format keluaran tidak dikenal: {f} (tersedia: {a})",
                                  "Unknown output format: {f} (available: {a})",
                                  f=to, a=", ".join(session.writers())))
    if template is None and to == "docx":
        template = _configured_template(config_file, cfg)
    elif template is not None:
        check_template(template)
    if logo is not None:
        check_logo(logo)
    inputs = collect(paths, session.input_suffixes(models=True), exclude, skip_dirs=[out_dir])
    inside = [p for p in paths if Path(p).is_dir() and out_dir.resolve().is_relative_to(Path(p).resolve())
              and out_dir.resolve() != Path(p).resolve()]
    if inside and out_dir.is_dir():
        echo_err(tr("{o}: folder keluaran tidak dibaca sebagai masukan (ada di dalam {p})",
                    "{o}: the output folder is not read as input (it is inside {p})", o=out_dir, p=inside[0]))
    if not inputs:
        from soplint.inputs import no_inputs_warning

        echo_err(no_inputs_warning(paths, session.input_suffixes(models=True)))
    stems = output_stems(inputs)
    ctx = {"lang": lang(), "out_dir": out_dir, "writer": writer, "readers": session.readers(), "force": force,
           "input_keys": {i.path.resolve() for i in inputs}, "stems": stems,
           "read_options": session.read_options(timeout, memory_mb), "write_options": {"template": template, "kertas": kertas.upper(), "logo": logo,
                             "lampiran": lampiran}}
    failed = 0
    written = 0
    strict_hits = 0
    # loaded here, before the per-file memory limit and the workers' fork
    prepare(readers_for([i.path for i in inputs], ctx["readers"]) + [writer])
    outcomes = batch.run(partial(_convert_one, ctx=ctx), inputs, jobs=jobs, timeout=timeout, memory_mb=memory_mb,
                         label=lambda item: shown(item.path), progress=batch.Progress.wanted(no_progress))
    for outcome in outcomes:
        if outcome.error is not None:
            failed += 1
            echo_err(tr("{p}: DK01 berkas tidak terbaca: {e}", "{p}: DK01 file cannot be read: {e}",
                        p=shown(outcome.item.path), e=outcome.error))
            continue
        for status, text in outcome.value:
            if status == "ok":
                written += 1
                click.echo(text)
            elif status == "strict":
                strict_hits += 1
            else:
                failed += status == "err"
                echo_err(text)
    echo_err(tr("{n} berkas ditulis, {f} gagal", "{n} files written, {f} failed", n=written, f=failed))
    if strict and strict_hits:
        echo_err(tr("--strict: {n} keluaran dengan keyakinan baca rendah atau teks tak terpetakan",
                    "--strict: {n} outputs with low reading confidence or unplaced text", n=strict_hits))
    raise SystemExit(1 if failed or (strict and strict_hits) else 0)
