"""``check --annotate DIR``: a copy of each checked Word file with one real
Word comment per finding, anchored at the text the finding is about.

The file is read again by the .docx reader with its node-to-element map
(:func:`soplint.readers.docx.read_sourced`); :mod:`soplint.report.anchor`
finds each finding's paragraph or cell in that tree, and the comment range is
put around the elements the reader read them from.

The comment says ``[CODE name] message`` (the message is already in the
run's language), author "soplint". The copy is written atomically; the
original is never opened for writing, and a target that is one of the inputs
is refused. A Strict OOXML document is not annotated.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from lxml import etree

from soplint.atomic import write_bytes
from soplint.errors import UnreadableFile, UsageError, cannot_write
from soplint.i18n import tr
from soplint.lokasi import Lokasi
from soplint.report.anchor import Anchor, Locator
from soplint.safezip import DocxPackage

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
R_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "soplint"
INITIALS = "SL"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


#: characters XML 1.0 cannot hold, left out of a comment's text
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def comment_text(finding) -> str:
    return f"[{finding.code} {finding.name}] {finding.message}"


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --------------------------------------------------------------------------
# writing comments


def _insert_range(anchor: Anchor, cid: int) -> None:
    sid = str(cid)
    start = etree.Element(w("commentRangeStart"))
    start.set(w("id"), sid)
    ppr = anchor.start.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        anchor.start.insert(0, start)
    end = etree.SubElement(anchor.end, w("commentRangeEnd"))
    end.set(w("id"), sid)
    run = etree.SubElement(anchor.end, w("r"))
    ref = etree.SubElement(run, w("commentReference"))
    ref.set(w("id"), sid)


def _comment_element(cid: int, text: str, date: str):
    c = etree.Element(w("comment"))
    c.set(w("id"), str(cid))
    c.set(w("author"), AUTHOR)
    c.set(w("date"), date)
    c.set(w("initials"), INITIALS)
    p = etree.SubElement(c, w("p"))
    r0 = etree.SubElement(p, w("r"))
    etree.SubElement(r0, w("annotationRef"))
    r1 = etree.SubElement(p, w("r"))
    t = etree.SubElement(r1, w("t"))
    t.text = _XML_BAD.sub("", text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return c


@dataclass
class Annotated:
    """What annotating one file did."""

    source: Path
    target: Optional[Path]
    comments: int = 0
    #: how each comment was anchored (lokasi kinds, in finding order)
    anchors: list = None
    message: Optional[str] = None
    #: not written because of where it would go (not because of the file)
    refused: bool = False


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def annotate_docx(source, target, findings, sops=(), inputs=()) -> Annotated:
    """Write ``target``: a copy of the .docx ``source`` with one comment per
    finding. ``sops`` are the file's SopSummary entries (for titles);
    ``inputs`` every input path of the run (none may be overwritten).
    Raises :class:`UnreadableFile` when the source cannot be read, and
    ``ValueError`` when ``target`` is an input."""
    source = Path(source)
    target = Path(target)
    protected = {Path(p).resolve() for p in inputs} | {source.resolve()}
    if target.resolve() in protected:
        raise ValueError(tr("{t}: tidak menimpa berkas masukan", "{t}: refusing to overwrite an input file",
                            t=target))
    from soplint.readers.docx import read_sourced

    with DocxPackage(source) as pkg:
        src = read_sourced(pkg)
        main, root = src.part, src.root
        locator = Locator(src, list(sops))
        rels_part = _rels_name(main)
        rels = pkg.xml(rels_part) if pkg.has(rels_part) else etree.Element(f"{{{REL_NS}}}Relationships",
                                                                            nsmap={None: REL_NS})
        comments_part = None
        for rel in rels.findall(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == R_COMMENTS and rel.get("TargetMode") != "External":
                comments_part = posixpath.normpath(posixpath.join(posixpath.dirname(main), rel.get("Target")))
                comments_part = comments_part.lstrip("/")
        if comments_part and pkg.has(comments_part):
            comments = pkg.xml(comments_part)
            new_part = False
        else:
            comments = etree.Element(w("comments"), nsmap={"w": W})
            comments_part = posixpath.join(posixpath.dirname(main), "comments.xml")
            new_part = True
        used = [_int(c.get(w("id")), -1) for c in comments.iter(w("comment"))]
        used += [_int(e.get(w("id")), -1) for e in root.iter(w("commentRangeStart"), w("commentReference"))]
        next_id = max(used, default=-1) + 1
        date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        anchors = []
        for finding in _per_block(findings):
            anchor = locator.locate(finding)
            _insert_range(anchor, next_id)
            comments.append(_comment_element(next_id, comment_text(finding), date))
            anchors.append(anchor.how)
            next_id += 1

        replaced = {main: _xml_bytes(root), comments_part: _xml_bytes(comments)}
        if new_part:
            rid_nums = [_int("".join(c for c in r.get("Id") or "" if c.isdigit()), 0)
                        for r in rels.findall(f"{{{REL_NS}}}Relationship")]
            rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
            rel.set("Id", f"rId{max(rid_nums, default=0) + 1}")
            rel.set("Type", R_COMMENTS)
            rel.set("Target", posixpath.relpath(comments_part, posixpath.dirname(main) or "."))
            replaced[rels_part] = _xml_bytes(rels)
            ctypes = pkg.xml("[Content_Types].xml")
            partname = "/" + comments_part
            if not any(o.get("PartName") == partname for o in ctypes.findall(f"{{{CT_NS}}}Override")):
                o = etree.SubElement(ctypes, f"{{{CT_NS}}}Override")
                o.set("PartName", partname)
                o.set("ContentType", CT_COMMENTS)
            replaced["[Content_Types].xml"] = _xml_bytes(ctypes)

        names = sorted(pkg.names | set(replaced),
                       key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name in names:
                if name.endswith("/"):
                    continue
                data = replaced[name] if name in replaced else pkg.read(name)
                out.writestr(name, data)
    try:
        write_bytes(target, buf.getvalue())
    except OSError as exc:
        raise cannot_write(target, exc) from None
    return Annotated(source, target, len(anchors), anchors)


def _same_block(prev, cur) -> bool:
    """Are two unplaced texts parts of one block: the same place, paragraphs
    that follow each other, or the same table?"""
    prev, cur = Lokasi.parse(prev), Lokasi.parse(cur)
    if not prev or not cur:
        return bool(prev) == bool(cur)
    if prev == cur:
        return True
    if prev.paragraf and cur.paragraf and prev == Lokasi(paragraf=prev.paragraf) and cur == Lokasi(paragraf=cur.paragraf):
        return cur.paragraf - prev.paragraf in (0, 1)
    return bool(prev.tabel) and not (prev.kotak_teks or cur.kotak_teks or prev.halaman or cur.halaman) and \
        prev.tabel == cur.tabel


def _per_block(findings):
    """The findings to comment on: a finding that gathers items ("butir",
    DK02) becomes one comment per block of them (at most one per unplaced
    block), the others stay as they are."""
    import copy

    for f in findings:
        items = getattr(f, "butir", None)
        if not items:
            yield f
            continue
        blocks: list = []
        for item in items:
            if blocks and _same_block(blocks[-1][-1].get("lokasi"), item.get("lokasi")):
                blocks[-1].append(item)
            else:
                blocks.append([item])
        for block in blocks:
            one = copy.copy(f)
            one.butir = None
            one.lokasi = block[0].get("lokasi")
            one.teks = block[0].get("teks")
            shown = "; ".join(x.get("teks") or "" for x in block[:3]) + (" ..." if len(block) > 3 else "")
            one.message = tr("Teks tidak terpetakan ke bagian SOP mana pun ({n}): {t}",
                             "Text not placed in any part of the SOP ({n}): {t}", n=len(block), t=shown)
            yield one


def _xml_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------
# a whole run


def target_for(out_dir, rel) -> Path:
    """Where the annotated copy of an input goes: same relative path, .docx."""
    rel = Path(rel)
    name = rel.name if rel.suffix.lower() in (".docx", ".docm", ".dotx", ".dotm") else rel.stem + ".docx"
    return Path(out_dir) / rel.parent / name


def _to_docx(src: Path, workdir: Path) -> Path:
    """A .doc/.rtf converted to .docx exactly as the reader converts it (so the
    findings' locations match the copy); raises UnreadableFile."""
    from soplint.readers.doc import convert_to_docx

    return convert_to_docx(src, workdir)


class Refused(ValueError):
    """A copy that is not written: its name is taken or it exists already."""


def annotate_result(result, out_dir, inputs=None, force=False) -> list:
    """Annotate every file of a :class:`CheckResult` into ``out_dir``.

    ``inputs``: the run's :class:`soplint.inputs.Input` items (path and
    relative name); without them each file keeps its own name. A Word
    97-2003 (.doc) or RTF file is converted with LibreOffice and its .docx
    copy annotated (LibreOffice missing: skipped with a message).
    Returns one :class:`Annotated` per file (``target`` None and a bilingual
    ``message`` when skipped; ``refused`` when the copy would overwrite an
    input, an earlier copy of this run, or, without ``force``, an existing
    file); one bad file never stops the others."""
    import tempfile

    from soplint.inputs import shown
    from soplint.preflight import sniff

    out_dir = Path(out_dir)
    by_name = {}
    all_inputs = []
    for item in inputs or []:
        by_name[shown(item.path)] = item  # the name the report has (soplint.inputs.shown)
        all_inputs.append(item.path)
    all_inputs = all_inputs or [Path(x.berkas) for x in result.berkas]
    out = []
    taken = set()
    protected = {Path(p).resolve() for p in all_inputs}
    for f in result.berkas:
        item = by_name.get(f.berkas)
        src = item.path if item is not None else Path(f.berkas)
        rel = item.rel if item is not None else Path(Path(f.berkas).name)
        if not f.sop and any(t.code == "DK01" for t in f.temuan):
            out.append(Annotated(src, None, message=tr(
                "{p}: tidak dianotasi (berkas tidak terbaca)", "{p}: not annotated (file cannot be read)",
                p=f.berkas)))
            continue
        if src.suffix.lower() == ".pdf":
            out.append(Annotated(src, None, message=tr(
                "{p}: tidak dianotasi (PDF tidak dapat diberi komentar Word; gunakan laporan atau convert --to docx)",
                "{p}: not annotated (a PDF cannot carry Word comments; use the report or convert --to docx)",
                p=f.berkas)))
            continue
        target = target_for(out_dir, rel)
        try:
            with tempfile.TemporaryDirectory(prefix="soplint-annotate-") as tmp:
                docx_src = src
                if sniff(src) != "zip":
                    docx_src = _to_docx(src, Path(tmp))
                    if target.suffix.lower() != ".docx":
                        target = target.with_suffix(".docx")
                elif target.suffix.lower() not in (".docx", ".docm", ".dotx", ".dotm"):
                    target = target.with_suffix(".docx")
                # two inputs with one output name (a.doc beside a.docx): the first
                # one wins, in input order, as in convert; an existing copy is kept
                # unless force
                if target.resolve() in protected:
                    raise Refused(tr("{t}: tidak menimpa berkas masukan", "{t}: refusing to overwrite an input file",
                                     t=target))
                if target.resolve() in taken:
                    raise Refused(tr("{t}: sudah ditulis dari masukan lain pada proses ini",
                                     "{t}: already written from another input in this run", t=target))
                if target.exists() and not force:
                    raise Refused(tr("{t}: sudah ada (gunakan --force untuk menimpa)",
                                     "{t}: already exists (use --force to overwrite)", t=target))
                taken.add(target.resolve())
                done = annotate_docx(docx_src, target, f.temuan, f.sop, all_inputs)
            done.source = src
            out.append(done)
        except ValueError as exc:  # Refused, or a copy that would land on an input
            out.append(Annotated(src, None, message=str(exc), refused=True))
        except UnreadableFile as exc:
            out.append(Annotated(src, None, message=tr("{p}: tidak dianotasi: {e}", "{p}: not annotated: {e}",
                                                       p=f.berkas, e=exc)))
        except UsageError as exc:  # the copy could not be written (a full disk): not written, like a refusal
            out.append(Annotated(src, None, refused=True, message=tr(
                "{p}: tidak dianotasi: {e}", "{p}: not annotated: {e}", p=f.berkas, e=exc)))
        except Exception as exc:  # one odd document must not stop the batch
            out.append(Annotated(src, None, message=tr(
                "{p}: tidak dianotasi (galat internal: {e})", "{p}: not annotated (internal error: {e})",
                p=f.berkas, e=f"{type(exc).__name__}: {exc}")))
    return out


def annotate_and_report(result, out_dir, inputs=None, echo=None, force=False) -> list:
    """:func:`annotate_result`, with one line per skipped file and a summary
    on standard error (for ``check --annotate DIR``)."""
    if echo is None:
        import click

        def echo(text):
            click.echo(text, err=True)
    done = annotate_result(result, out_dir, inputs, force=force)
    written = [d for d in done if d.target is not None]
    for d in done:
        if d.message:
            echo(d.message)
    echo(tr("{n} salinan beranotasi ({k} komentar) ditulis ke {d}",
            "{n} annotated copies ({k} comments) written to {d}",
            n=len(written), k=sum(d.comments for d in written), d=out_dir))
    return done
