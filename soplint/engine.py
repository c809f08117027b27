"""The check engine: read each input, run the selected rules over its SOPs,
then the cross-document rules over every SOP of the run.

The result is a :class:`soplint.findings.CheckResult` in input order, each
file's findings sorted stably (SOP, step, code). Unreadable files become
findings of the rules that report them (DK01); a rule that raises is reported
as an internal error (``Engine.errors``) and the run goes on.
"""
from __future__ import annotations

import copy
import os
import traceback
from pathlib import Path
from typing import Callable, Iterable, Optional

from soplint.config import Config, RuleSetting, ignored_for, selector_score
from soplint.errors import UnreadableFile
from soplint.findings import CheckResult, FileResult, Finding, SopSummary
from soplint.i18n import tr
from soplint.rule import RunContext, iter_findings


class Engine:
    def __init__(self, config: Config, plugins, settings: dict):
        """``settings`` is :func:`soplint.config.resolve_rules`'s result."""
        self.config = config
        self.plugins = plugins
        self.settings: dict = settings
        self.errors: list = []
        self.ctx = RunContext(config=config, aliases=config.alias_table(),
                              plugin_manager=getattr(plugins, "pm", None))
        self.rules = {code: s.cls(s.options) for code, s in settings.items()}

    # -- reading -------------------------------------------------------------
    def read(self, path) -> list:
        from soplint.readers import read_path

        options = {"plugin_manager": self.ctx.plugin_manager, "config": self.config}
        try:
            return read_path(path, options)
        except UnreadableFile:
            raise
        except MemoryError:
            raise UnreadableFile("memory", "Memori tidak cukup untuk membaca berkas",
                                 "Not enough memory to read the file") from None
        except RecursionError:
            raise UnreadableFile("damaged", "Struktur berkas terlalu dalam atau rusak",
                                 "The file's structure is too deep or damaged") from None
        except Exception as exc:  # a reader bug must not stop the batch
            if os.environ.get("SOPLINT_DEBUG"):
                traceback.print_exc()
            raise UnreadableFile("damaged", "Berkas tidak dapat dibaca ({e})",
                                 "The file cannot be read ({e})",
                                 e=f"{type(exc).__name__}: {exc}") from None

    def prepare(self, sop, berkas: str, indeks: int):
        """A copy of the model as the rules see it: the file as checked, and
        actor names with the configured aliases applied."""
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
            if os.environ.get("SOPLINT_DEBUG"):
                traceback.print_exc()
            self.errors.append(tr("Kesalahan internal aturan {c} pada {w}: {e}",
                                  "Internal error of rule {c} on {w}: {e}",
                                  c=code, w=where, e=f"{type(exc).__name__}: {exc}"))
            return []

    def check_file(self, path) -> tuple:
        """``(FileResult, [prepared SOP models])`` for one input file."""
        berkas = str(path)
        result = FileResult(berkas=berkas)
        try:
            sops = self.read(path)
        except UnreadableFile as exc:
            for code, rule in self.rules.items():
                if getattr(rule, "unreadable", False):
                    result.temuan.extend(self._run_rule(code, rule.check_unreadable, berkas, exc,
                                                        self.ctx, where=berkas))
            return result, []
        prepared = []
        for i, sop in enumerate(sops):
            sop = self.prepare(sop, berkas, i)
            prepared.append(sop)
            result.sop.append(SopSummary(indeks=i, nama_sop=sop.identitas.nama_sop,
                                         nomor_sop=sop.identitas.nomor_sop))
            for code, rule in self.rules.items():
                if getattr(rule, "cross", False):
                    continue
                result.temuan.extend(self._run_rule(code, rule.check, sop, self.ctx,
                                                    where=f"{berkas} #{i + 1}"))
        return result, prepared

    def finish(self, files: list, sops: list) -> CheckResult:
        """Run the cross-document rules, then apply severities and per-file
        ignores, and sort each file's findings."""
        by_berkas = {f.berkas: f for f in files}
        for code, rule in self.rules.items():
            if not getattr(rule, "cross", False):
                continue
            for t in self._run_rule(code, rule.check_run, sops, self.ctx, where=tr("semua berkas", "all files")):
                target = by_berkas.get(t.berkas)
                if target is not None:
                    target.temuan.append(t)
        for f in files:
            f.temuan = self.finalise(f.berkas, f.temuan)
        return CheckResult(berkas=files)

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
        out.sort(key=lambda t: (-1 if t.indeks is None else t.indeks, t.kegiatan or 0, t.code, t.field or ""))
        return out

    def run(self, paths: Iterable, progress: Optional[Callable] = None) -> CheckResult:
        paths = list(paths)
        files, sops = [], []
        for n, path in enumerate(paths, 1):
            if progress:
                progress(n, len(paths), path)
            fr, prepared = self.check_file(path)
            files.append(fr)
            sops.extend(prepared)
        return self.finish(files, sops)


def run_check(paths, config: Config, plugins, settings: dict, progress=None) -> tuple:
    """Convenience: ``(CheckResult, engine)`` for input paths."""
    engine = Engine(config, plugins, settings)
    return engine.run([Path(p) if not isinstance(p, Path) else p for p in paths], progress), engine
