"""The rule base class.

A rule is a small class: a stable ``code`` ("ID01"), a kebab-case Indonesian
``name`` ("identitas-wajib"), a default ``severity``, a one-line ``summary``
and message templates in Indonesian and English, a JSON Schema for its
options, and a docstring that is its doc page (``soplint rules CODE``).

Per-SOP rules implement :meth:`Rule.check` and yield findings for one SOP;
cross-document rules set ``cross = True`` and implement
:meth:`Rule.check_run`, which sees every SOP of the run at once (as the small
summaries :meth:`Rule.summarise` makes of them, where a rule defines one). A rule about
files that could not be read sets ``unreadable = True`` and implements
:meth:`Rule.check_unreadable`.

Rules are registered by plugins through the ``soplint_rules`` hook; the core
never imports a rule module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from soplint.findings import SEVERITIES, Finding
from soplint.lokasi import Lokasi
from soplint.i18n import lang, tr

CODE_RE = re.compile(r"^[A-Z]{1,6}[0-9]{1,4}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class RunContext:
    """What a rule may know about the run besides the SOP it checks."""

    #: the effective configuration (soplint.config.Config) or None
    config: Any = None
    #: actor alias table, normalised key -> canonical name
    aliases: dict = field(default_factory=dict)
    #: the plugin manager (for rules that want to call other hooks)
    plugin_manager: Any = None

    def actor(self, name: Optional[str]) -> Optional[str]:
        """An actor name with the configured aliases applied."""
        if name is None:
            return None
        key = normalise_actor(name)
        return self.aliases.get(key, name)


def normalise_actor(name: str) -> str:
    """Key for comparing actor names: case, dots and whitespace ignored."""
    text = re.sub(r"[.\s\u00a0]+", " ", name or "").strip().lower()
    return text


class Rule:
    """Base class of every rule. Subclasses set the class attributes below and
    override :meth:`check` (or :meth:`check_run` / :meth:`check_unreadable`)."""

    code: str = ""
    name: str = ""
    severity: str = "warning"
    #: one line, (Indonesian, English)
    summary: tuple = ("", "")
    #: message templates: key -> (Indonesian, English); "default" is used
    #: when a rule emits a finding without naming one
    messages: dict = {}
    #: JSON Schema of the options table ``[rules.CODE]``
    options_schema: dict = {"type": "object", "properties": {}, "additionalProperties": False}
    #: default option values
    defaults: dict = {}
    #: True: a cross-document rule (implements check_run)
    cross: bool = False
    #: True: reports files that could not be read (implements check_unreadable)
    unreadable: bool = False

    def __init__(self, options: Optional[dict] = None):
        self.options = dict(self.defaults)
        self.options.update(options or {})

    # -- to override -----------------------------------------------------
    @classmethod
    def resolve_options(cls, options: dict, base_dir) -> dict:
        """Options as the rule will use them, e.g. file names made absolute
        against ``base_dir`` (the folder of the configuration file)."""
        return options

    @classmethod
    def option_errors(cls, options: dict) -> list:
        """Problems the JSON Schema cannot express (e.g. a bad regex); each a
        message naming the option. Called when the configuration is loaded."""
        return []

    def check(self, sop, ctx: RunContext) -> Iterable[Finding]:
        return ()

    def check_run(self, sops: list, ctx: RunContext) -> Iterable[Finding]:
        """Cross-document rules: findings over every SOP of the run. ``sops``
        holds, per SOP in input order, what :meth:`summarise` returned for it
        (``None`` left out), or (when the rule does not override
        :meth:`summarise`) a slim copy of the model
        (:func:`soplint.pipeline.slim_sop`)."""
        return ()

    def summarise(self, sop, ctx: RunContext) -> Any:
        """Cross-document rules may override this: what :meth:`check_run`
        needs of one SOP, computed where the file is read (a worker process
        in a batch), right after the per-SOP rules. It must be small and
        picklable: the run keeps one per SOP until every file is read, so a
        batch of thousands of files stays light; ``None`` keeps nothing of
        this SOP. Findings are then built with
        ``self.finding(None, ..., berkas=..., indeks=..., lokasi=...)``.
        Not overridden: the rule receives slim models."""
        return sop

    def check_unreadable(self, berkas: str, error: Exception, ctx: RunContext) -> Iterable[Finding]:
        return ()

    # -- helpers ---------------------------------------------------------
    @classmethod
    def summary_text(cls) -> str:
        s = cls.summary
        if isinstance(s, (tuple, list)) and len(s) == 2:
            return tr(s[0], s[1])
        return str(s or "")

    @classmethod
    def message_text(cls, key: str = "default", **params) -> str:
        pair = cls.messages.get(key) or cls.messages.get("default")
        if pair is None:
            return cls.summary_text()
        # a missing placeholder must not crash a run: fill what is known
        safe = _SafeDict({k: ("" if v is None else v) for k, v in params.items()})
        text = pair[1] if lang() == "en" else pair[0]
        return text.format_map(safe)

    def finding(self, sop, key: str = "default", *, field: Optional[str] = None,
                kegiatan=None, kolom: Optional[str] = None, teks: Optional[str] = None,
                lokasi=None, berkas: Optional[str] = None,
                indeks: Optional[int] = None, **params) -> Finding:
        """Build a finding about ``sop`` (and one of its steps when
        ``kegiatan`` is a step object or number). The location is taken from
        the model (``sop.lokasi[field]`` or the step's ``lokasi``) unless
        given (a :class:`~soplint.lokasi.Lokasi`, or its text); ``kolom``
        names the table column of a step ("Waktu")."""
        step = None
        if kegiatan is not None and not isinstance(kegiatan, int):
            step = kegiatan
            kegiatan = step.no
        elif kegiatan is not None and sop is not None:
            step = sop.step(kegiatan)
        if lokasi is None:
            lokasi = locate(sop, field, step, kolom)
        if sop is not None:
            berkas = sop.sumber.berkas if berkas is None else berkas
            indeks = sop.sumber.indeks if indeks is None else indeks
        if teks is not None:
            teks = str(teks)
            if len(teks) > 300:
                teks = teks[:297] + "..."
        params.setdefault("teks", teks if teks is not None else "")
        return Finding(code=self.code, name=self.name, severity=self.severity,
                       message=self.message_text(key, **params), berkas=berkas or "",
                       indeks=indeks, field=field, kegiatan=kegiatan, lokasi=lokasi, teks=teks)


class _SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def locate(sop, field: Optional[str], step=None, kolom: Optional[str] = None) -> Optional[Lokasi]:
    """A location a person can find in Word, from the model's ``lokasi``
    (a step's table row narrowed to the column ``kolom`` when given)."""
    if step is not None and getattr(step, "lokasi", None):
        where = Lokasi.parse(step.lokasi)
        if kolom and where.di_tabel and not where.kotak_teks and where.halaman is None:
            where = where.dengan_kolom(kolom)
        return where
    if sop is None:
        return None
    table = getattr(sop, "lokasi", None) or {}
    if field:
        key = field
        while key:
            if key in table and table[key]:
                return Lokasi.parse(table[key])
            # "identitas.tanggal_efektif" -> "identitas"; "dasar_hukum[2]" -> "dasar_hukum"
            if "[" in key:
                key = key[: key.rindex("[")]
            elif "." in key:
                key = key[: key.rindex(".")]
            else:
                break
    return None


_HEADING = re.compile(r"^(\S[^/]*?) / (\S.*)$")
_PAIR_LABEL = re.compile(r"^(\s*)([A-Za-z]+) / ([a-z]+):")


def doc_text(doc: Optional[str], language: Optional[str] = None) -> str:
    """A rule's doc page (its docstring) in one language.

    The convention of the pages: a first line in Indonesian and a second in
    English; headings "Apa / What"; under a heading an Indonesian paragraph,
    a blank line, then the English one. A section with one paragraph (the
    examples, which quote documents) is kept for both, its "Salah / wrong:"
    labels cut to the language; "Opsi / Options" written only in Indonesian
    is left out of the English page (the options list follows it). A page
    that does not follow the convention is shown as written."""
    import inspect

    if not doc:
        return ""
    english = (language or lang()) == "en"
    lines = inspect.cleandoc(doc).split("\n")
    if not any(_HEADING.match(x) for x in lines):
        return "\n".join(lines)
    # the two-line head
    head_end = next((i for i, x in enumerate(lines) if not x.strip()), len(lines))
    head = lines[:head_end]
    out = [head[1] if english and len(head) == 2 else head[0]] if len(head) == 2 else list(head)
    i = head_end
    while i < len(lines):
        m = _HEADING.match(lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not _HEADING.match(lines[j]):
            j += 1
        body = lines[i + 1:j]
        while body and not body[-1].strip():
            body.pop()
        paragraphs, current = [], []
        for line in body:
            if line.strip():
                current.append(line)
            elif current:
                paragraphs.append(current)
                current = []
        if current:
            paragraphs.append(current)
        options = m.group(2).strip().lower() == "options"
        if len(paragraphs) >= 2:
            chosen = [x for p in paragraphs[1:] for x in p] if english else paragraphs[0]
        elif english and options:
            chosen = []
        else:
            chosen = [x for p in paragraphs for x in p]
        if chosen:
            label = lambda x: _PAIR_LABEL.sub(  # noqa: E731
                lambda mm: mm.group(1) + (mm.group(3).capitalize() if english else mm.group(2)) + ":", x)
            out += ["", m.group(2) if english else m.group(1)] + [label(x) for x in chosen]
        i = j
    return "\n".join(out)


def has_summary(rule) -> bool:
    """Does this (cross-document) rule make its own summaries?"""
    return getattr(type(rule), "summarise", None) is not Rule.summarise


def check_rule_class(cls) -> list[str]:
    """Problems with a rule class offered by a plugin (empty when fine)."""
    problems = []
    if not isinstance(cls, type) or not issubclass(cls, Rule):
        return [tr("bukan turunan soplint.rule.Rule", "not a subclass of soplint.rule.Rule")]
    if not isinstance(cls.code, str) or not CODE_RE.match(cls.code):
        problems.append(tr("kode aturan tidak sah: {c!r}", "invalid rule code: {c!r}", c=cls.code))
    if not isinstance(cls.name, str) or not NAME_RE.match(cls.name):
        problems.append(tr("nama aturan tidak sah (harus kebab-case): {n!r}",
                           "invalid rule name (must be kebab-case): {n!r}", n=cls.name))
    if cls.severity not in SEVERITIES:
        problems.append(tr("tingkat tidak sah: {s!r}", "invalid severity: {s!r}", s=cls.severity))
    if not _text_pair(cls.summary):
        problems.append(tr("tidak ada summary: beri (\"ringkasan\", \"summary\") satu baris dalam bahasa "
                           "Indonesia dan Inggris",
                           "no summary: give a one-line (\"ringkasan\", \"summary\") in Indonesian and English"))
    messages = cls.messages
    if not isinstance(messages, dict) or not messages or not all(_text_pair(v) for v in messages.values()):
        problems.append(tr("tidak ada messages: beri {\"default\": (\"pesan\", \"message\")}, tiap pesan "
                           "dalam bahasa Indonesia dan Inggris",
                           "no messages: give {\"default\": (\"pesan\", \"message\")}, each message in "
                           "Indonesian and English"))
    return problems


def _text_pair(value) -> bool:
    """An (Indonesian, English) pair of non-empty texts."""
    return isinstance(value, (tuple, list)) and len(value) == 2 and \
        all(isinstance(x, str) and x.strip() for x in value)


def iter_findings(result) -> Iterator[Finding]:
    """Normalise what a rule returned (None, a finding, an iterable)."""
    if result is None:
        return
    if isinstance(result, Finding):
        yield result
        return
    for item in result:
        if item is not None:
            yield item
