"""The check engine: read each input, run the selected rules over its SOPs,
then the cross-document rules over every SOP of the run.

Per file (:meth:`Engine.check_file`, in a worker process in a batch): the
per-SOP rules' findings, finalised (severities, per-file ignores, sorted
stably by SOP, step, code), and what each cross-document rule keeps of the
file's SOPs (:meth:`soplint.rule.Rule.summarise`). At the end
(:meth:`Engine.finish`): the cross-document rules over those summaries; the
result's files (:class:`CheckedFiles`) are read back from wherever the batch
kept them (:class:`soplint.spool.Spool`) with their cross-document findings
merged in. Unreadable files become findings of the rules that report them
(DK01); a rule that raises is reported as an internal error
(``Engine.errors``) and the run goes on.
"""
from __future__ import annotations

import copy
import os
from typing import Iterable, Optional

from soplint.config import Config, RuleSetting, selector_score
from soplint.pathmatch import ignored_for
from soplint.findings import CheckResult, FileResult, Finding, SopSummary, tally
from soplint.i18n import tr
from soplint.rule import RunContext, has_summary, iter_findings


class Engine:
    def __init__(self, config: Config, plugins, settings: dict):
        """``settings`` is :func:`soplint.config.resolve_rules`'s result."""
        self.config = config
        self.plugins = plugins
        self.settings: dict = settings
        self.errors: list = []
        #: file path -> the name it is reported under (a document read from
        #: standard input: "-" or --stdin-filename)
        self.names: dict = {}
        #: :class:`soplint.readers.ReadOptions` for every file (set by the command)
        self.read_options = None
        self.ctx = RunContext(config=config, aliases=config.alias_table(),
                              plugin_manager=getattr(plugins, "pm", None))
        self.rules = {code: s.cls(s.options) for code, s in settings.items()}
        self.cross_rules = {code: r for code, r in self.rules.items() if getattr(r, "cross", False)}

    # -- reading -------------------------------------------------------------
    def read(self, path) -> list:
        """The file's models, read by the reader the plugins registered for
        its ending (:func:`soplint.readers.read_path`, which turns any
        reader's failure into :class:`~soplint.errors.UnreadableFile`)."""
        from soplint.readers import ReadOptions, read_path

        if self.read_options is None:
            self.read_options = ReadOptions(limits=dict(self.config.get("limits") or {}), config=self.config)
        return read_path(path, self.read_options, self.readers())

    def berkas(self, path) -> str:
        """The name the reports give the file at ``path`` (standard input's
        given name, else the path as text: :func:`soplint.inputs.shown`)."""
        from soplint.inputs import shown

        return self.names.get(str(path)) or shown(path)

    def readers(self) -> dict:
        """``{suffix: Reader}``: the readers the plugins registered."""
        from soplint.readers import builtin_readers

        return self.plugins.readers() if hasattr(self.plugins, "readers") else builtin_readers()

    def prepare(self, sop, berkas: str, indeks: int, copy_model: bool = True):
        """The model as the rules see it (a copy unless ``copy_model`` is
        false, for models the engine has just read itself): the file as
        checked, and actor names with the configured aliases applied."""
        if copy_model:
            sop = copy.deepcopy(sop)
        sop.sumber.berkas = berkas
        sop.sumber.indeks = indeks
        if self.ctx.aliases:
            actor = self.ctx.actor
            sop.pelaksana = [actor(p) for p in sop.pelaksana]
            for k in sop.kegiatan:
                k.pelaksana = actor(k.pelaksana)
                k.pelaksana_lain = [actor(p) for p in (k.pelaksana_lain or [])]
        return sop

    # -- rules ---------------------------------------------------------------
    def _run_rule(self, code, func, *args, where="") -> list:
        try:
            return list(iter_findings(func(*args)))
        except Exception as exc:
            self._rule_error(code, where, exc)
            return []

    def _rule_error(self, code, where, exc) -> None:
        if os.environ.get("SOPLINT_DEBUG"):
            import traceback

            traceback.print_exc()
        self.errors.append(tr("Kesalahan internal aturan {c} pada {w}: {e}",
                              "Internal error of rule {c} on {w}: {e}",
                              c=code, w=where, e=f"{type(exc).__name__}: {exc}"))

    def check_file(self, path) -> tuple:
        """``(FileResult, cross)`` for one input file: its per-SOP rules'
        findings, finalised (a file that cannot be read raises
        :class:`~soplint.errors.UnreadableFile`, which :func:`soplint.pipeline.check_files`
        turns into the unreadable-file rules' findings); ``cross`` maps each
        cross-document rule's code to what it keeps of this file's SOPs (its
        :meth:`~soplint.rule.Rule.summarise` results, or slim models)."""
        berkas = self.berkas(path)
        result = FileResult(berkas=berkas)
        cross = {code: [] for code in self.cross_rules}
        sops = self.read(path)  # UnreadableFile: the pipeline reports the file (DK01)
        for i, sop in enumerate(sops):
            sop = self.prepare(sop, berkas, i, copy_model=False)
            result.sop.append(SopSummary(indeks=i, nama_sop=sop.identitas.nama_sop,
                                         nomor_sop=sop.identitas.nomor_sop))
            found = []
            for code, rule in self.rules.items():
                if getattr(rule, "cross", False):
                    continue
                found.extend(self._run_rule(code, rule.check, sop, self.ctx, where=f"{berkas} #{i + 1}"))
            result.temuan.extend(self.fold(found))
            slim = None
            for code, rule in self.cross_rules.items():
                if has_summary(rule):
                    try:
                        kept = rule.summarise(sop, self.ctx)
                    except Exception as exc:
                        self._rule_error(code, f"{berkas} #{i + 1}", exc)
                        continue
                    if kept is not None:
                        cross[code].append(kept)
                else:
                    if slim is None:
                        from soplint.pipeline import slim_sop

                        slim = slim_sop(sop)
                    cross[code].append(slim)
        result.temuan = self.finalise(berkas, result.temuan)
        return result, cross

    def fold(self, found: list) -> list:
        """One SOP's findings with those a folding rule takes in (DK04: a
        document that is not an SOP AP gets one finding naming its kind
        instead of every missing field and step; its option ``lipat =
        false`` lists them all)."""
        folding = [t for t in found if getattr(self.rules.get(t.code), "folds", False)
                   and self.rules[t.code].options.get("lipat", True)]
        if not folding:
            return found

        def severity(t):
            setting = self.settings.get(t.code)
            return setting.severity if setting is not None else t.severity

        for host in folding:
            others = [t for t in found if t is not host and not t.code.startswith("DK")
                      and severity(t) in ("error", "warning")]
            if not others:
                continue
            gone = {id(t) for t in others}
            found = [t for t in found if id(t) not in gone]
            try:
                self.rules[host.code].fold(host, others)
            except Exception as exc:
                self._rule_error(host.code, host.berkas, exc)
        return found

    def unreadable_findings(self, berkas: str, error) -> list:
        """Findings (finalised) of the rules that report unreadable files."""
        found = []
        for code, rule in self.rules.items():
            if getattr(rule, "unreadable", False):
                found.extend(self._run_rule(code, rule.check_unreadable, berkas, error, self.ctx, where=berkas))
        return self.finalise(berkas, found)

    def finish(self, files, cross: dict) -> CheckResult:
        """Run the cross-document rules on what ``cross`` kept (code -> items
        in input order) and give the run's result: ``files`` (a list or a
        :class:`soplint.spool.Spool` of finalised FileResults) with each
        file's cross-document findings merged in as it is read."""
        extra: dict = {}
        for code, rule in self.cross_rules.items():
            items = cross.get(code, [])
            for t in self._run_rule(code, rule.check_run, items, self.ctx, where=tr("semua berkas", "all files")):
                extra.setdefault(t.berkas, []).append(t)
        extra = {berkas: self.finalise(berkas, found) for berkas, found in extra.items()}
        return CheckResult(berkas=CheckedFiles(files, extra))

    def finalise(self, berkas: str, findings: Iterable[Finding]) -> list:
        ignored = ignored_for(self.config, berkas)
        out = []
        for t in findings:
            setting: Optional[RuleSetting] = self.settings.get(t.code)
            if setting is not None:
                t.severity = setting.severity
                if ignored and any(selector_score(s, setting.cls) not in (None,) for s in ignored):
                    continue
            elif ignored and any(s.upper() == "ALL" or t.code.startswith(s.upper()) for s in ignored):
                continue
            out.append(t)
        # stable: findings of one rule about one field keep the document order
        out.sort(key=_finding_order)
        return out


class CheckedFiles:
    """The files of a finished run, in input order: a sequence that reads
    each FileResult from where the batch kept it and merges in the file's
    cross-document findings (sorted as :meth:`Engine.finalise` sorts).
    Iterating it again reads again; a FileResult taken from it is a fresh
    object each time."""

    def __init__(self, files, extra: dict):
        self.files = files
        self.extra = extra

    def __len__(self) -> int:
        return len(self.files)

    def _merge(self, f):
        more = self.extra.get(f.berkas)
        if more:
            f.temuan = sorted(list(f.temuan) + [copy.copy(t) for t in more], key=_finding_order)
        return f

    def __iter__(self):
        for f in self.files:
            yield self._merge(f)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self._merge(self.files[i])

    def __bool__(self) -> bool:
        return len(self) > 0

    def counts(self) -> dict:
        """:meth:`soplint.findings.CheckResult.counts`, computed once (the
        report, its summary line and the exit code all ask)."""
        if getattr(self, "_counts", None) is None:
            self._counts = tally(self)
        return dict(self._counts)


def _finding_order(t):
    return (-1 if t.indeks is None else t.indeks, t.kegiatan or 0, t.code, t.field or "")
