"""A run's set-up, shared by every command: the configuration, the plugins
(rules, readers, writers, report formats), the selected rules and the
language. Commands build one :class:`Session` with :func:`open_session`
instead of importing each other.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional


def _echo_err(text: str) -> None:
    import click

    click.echo(text, err=True)


@dataclass
class Session:
    """What a run is set up with."""

    #: :class:`soplint.config.Config`
    config: object
    #: :class:`soplint.plugins.Plugins`
    plugins: object
    #: ``{code: RuleSetting}`` of the selected rules (empty for commands
    #: that run no rule, such as ``convert``)
    settings: dict = field(default_factory=dict)

    @property
    def lang(self) -> str:
        from soplint.i18n import lang

        return lang()

    def readers(self) -> dict:
        """``{suffix: Reader}`` of every loaded plugin (built-in ones first)."""
        return self.plugins.readers()

    def writers(self) -> dict:
        """``{name: Writer}`` for ``convert --to``."""
        return self.plugins.writers()

    def input_suffixes(self, models: bool = False) -> tuple:
        """The endings looked for in folders (model files only if ``models``)."""
        return self.plugins.input_suffixes(models=models)

    def read_options(self, timeout: Optional[float] = None, memory_mb: Optional[int] = None):
        """The :class:`soplint.readers.ReadOptions` of this run."""
        from soplint.readers import ReadOptions

        return ReadOptions(limits=dict(self.config.get("limits") or {}), config=self.config,
                           timeout=timeout or None, memory_mb=memory_mb or None)

    def warn_problems(self, warn: Callable[[str], None] = _echo_err) -> None:
        """Report (once) what went wrong with plugins so far."""
        for problem in self.plugins.problems:
            warn(problem)
        self.plugins.problems.clear()


def _split(values) -> list:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in str(v).split(",") if x.strip())
    return out


def limit_overrides(cfg, limits, extra_names: Iterable[str] = ()) -> None:
    """``--limit NAME=VALUE`` options on top of the configuration's
    ``[limits]`` table: preflight's names (checked by
    :class:`soplint.preflight.Limits`) and ``extra_names``, the limits the
    loaded readers declare. Raises UsageError for an unknown name."""
    if not limits:
        return
    from soplint.preflight import Limits

    extra = set(extra_names)
    table = dict(cfg.get("limits") or {})
    for text in limits:
        name, value = Limits.parse_option(text)
        table[name] = value
    # an unknown name is a usage error here, not per file
    Limits.from_options({k: v for k, v in table.items() if k not in extra})
    cfg.values["limits"] = table
    cfg.provenance["limits"] = (cfg.src("limits") + " + --limit") if cfg.raw.get("limits") else "--limit"


def open_session(config_file=None, *, select=None, ignore=None, plugins=(), fail_on=None, lang=None,
                 limits=(), rules: bool = True, warn: Callable[[str], None] = _echo_err) -> Session:
    """Configuration + plugins (+ the selected rules when ``rules``).
    Raises :class:`soplint.errors.UsageError` (exit 2)."""
    from soplint import config as cfgmod
    from soplint import i18n
    from soplint.plugins import load_plugins

    overrides, srcs = {}, {}
    if select:
        overrides["select"] = _split(select)
        srcs["select"] = "--select"
    if fail_on:
        overrides["fail-on"] = fail_on
        srcs["fail-on"] = "--fail-on"
    cfg = cfgmod.load(config_file, overrides=overrides, override_src=srcs)
    if ignore:
        base = list(cfg.get("ignore", []))
        cfg.values["ignore"] = base + _split(ignore)
        cfg.provenance["ignore"] = (cfg.src("ignore") + " + --ignore") if base else "--ignore"
    # --lang (of the command or of `soplint --lang`) > SOPLINT_LANG > config
    if not lang and i18n._LANG is None and not os.environ.get("SOPLINT_LANG") \
            and isinstance(cfg.get("lang"), str):
        i18n.set_lang(cfg.get("lang"))
    # plugins named in the config are relative to the config file; --plugin to the cwd
    local = cfg.plugin_specs() + [(p, None) for p in plugins or ()]
    plugs = load_plugins(local)
    if rules:
        plugs.rules()
    plugs.writers()  # known now, so that their plugins' problems are reported with the others
    reader_limits = plugs.reader_limits()
    limit_overrides(cfg, limits, reader_limits)
    cfgmod.validate_with_plugins(cfg, plugs.config_schema(), limit_names=reader_limits)
    session = Session(config=cfg, plugins=plugs)
    if rules:
        session.settings = cfgmod.resolve_rules(cfg, plugs.rules(), warn=warn)
    session.warn_problems(warn)
    return session
