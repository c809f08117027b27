"""The plugin manager (pluggy, project ``soplint``).

Plugins come from three places, loaded one by one so that a broken one is
reported by name and skipped while the run goes on:

1. soplint's own built-in modules (the text/json report formats, and the
   other report formats where installed);
2. entry points of group ``soplint`` -- the built-in rules are the entry point
   ``builtin_rules = soplint_rules``, registered exactly like a third-party
   plugin;
3. local plugins: module names or ``.py`` paths from the configuration key
   ``plugins`` or the command-line option ``--plugin``.

The core imports no rule module: rules are only known through the
``soplint_rules`` hook.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import pluggy

from soplint import hookspec
from soplint.i18n import tr
from soplint.rule import check_rule_class

ENTRY_POINT_GROUP = "soplint"

#: modules of soplint itself that are plugins (registered by default)
BUILTIN_PLUGINS = ("soplint.report", "soplint.report.formats")


@dataclass
class Plugins:
    """The loaded plugins (built-in ones included) and what they provide."""

    pm: pluggy.PluginManager
    #: bilingual messages about plugins that failed (name first)
    problems: list = field(default_factory=list)
    _rules: Optional[dict] = None
    _origin: dict = field(default_factory=dict)

    # -- rules -------------------------------------------------------------
    def rules(self) -> dict:
        """``{code: rule class}`` from every plugin's ``soplint_rules`` hook, in
        code order. A plugin whose hook raises, or that offers an invalid rule
        or a code already taken, is reported and that part skipped."""
        if self._rules is None:
            found: dict = {}
            for impl in _impls(self.pm.hook.soplint_rules):
                try:
                    offered = list(impl.function() or [])
                except Exception as exc:  # a plugin's bug must not stop the run
                    self.problems.append(_msg_hook(impl.plugin_name, "soplint_rules", exc))
                    continue
                for cls in offered:
                    bad = check_rule_class(cls)
                    if bad:
                        self.problems.append(tr(
                            "Plugin {p}: aturan {r} dilewati: {e}",
                            "Plugin {p}: rule {r} skipped: {e}",
                            p=impl.plugin_name, r=getattr(cls, "__name__", cls), e="; ".join(bad)))
                        continue
                    if cls.code in found and found[cls.code] is not cls:
                        self.problems.append(tr(
                            "Plugin {p}: kode aturan {c} sudah dipakai oleh {o}; dilewati",
                            "Plugin {p}: rule code {c} is already used by {o}; skipped",
                            p=impl.plugin_name, c=cls.code, o=self._origin.get(cls.code)))
                        continue
                    found[cls.code] = cls
                    self._origin[cls.code] = impl.plugin_name
            names = {}
            for code, cls in list(found.items()):
                if cls.name in names:
                    self.problems.append(tr(
                        "Plugin {p}: nama aturan {n} sudah dipakai oleh {o}; {c} dilewati",
                        "Plugin {p}: rule name {n} is already used by {o}; {c} skipped",
                        p=self._origin[code], n=cls.name, o=names[cls.name], c=code))
                    del found[code]
                    continue
                names[cls.name] = code
            self._rules = dict(sorted(found.items()))
        return self._rules

    def origin(self, code: str) -> Optional[str]:
        self.rules()
        return self._origin.get(code)

    # -- other hooks -------------------------------------------------------
    def formatters(self) -> dict:
        """``{name: callable(result, options) -> str}``; the first plugin to
        offer a name keeps it (built-ins are registered first)."""
        out: dict = {}
        for impl in reversed(_impls(self.pm.hook.soplint_formatters)):
            try:
                offered = impl.function() or {}
            except Exception as exc:
                self.problems.append(_msg_hook(impl.plugin_name, "soplint_formatters", exc))
                continue
            for name, func in dict(offered).items():
                out.setdefault(name, func)
        return out

    def config_schema(self) -> dict:
        """JSON Schema ``properties`` contributed by plugins."""
        out: dict = {}
        for impl in _impls(self.pm.hook.soplint_config_schema):
            try:
                offered = impl.function() or {}
            except Exception as exc:
                self.problems.append(_msg_hook(impl.plugin_name, "soplint_config_schema", exc))
                continue
            out.update(dict(offered))
        return out


def _impls(hook) -> list:
    # pluggy calls implementations last-registered first; keep that order
    return list(reversed(hook.get_hookimpls()))


def _msg_hook(name, hook, exc) -> str:
    return tr("Plugin {p}: kait {h} gagal: {e}; dilewati",
              "Plugin {p}: hook {h} failed: {e}; skipped",
              p=name, h=hook, e=f"{type(exc).__name__}: {exc}")


def _msg_load(name, exc) -> str:
    return tr("Plugin {p} tidak dapat dimuat dan dilewati: {e}",
              "Plugin {p} could not be loaded and was skipped: {e}",
              p=name, e=f"{type(exc).__name__}: {exc}")


def new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspec.PROJECT)
    pm.add_hookspecs(hookspec)
    return pm


def _register(pm, obj, name, problems) -> bool:
    try:
        if pm.is_registered(obj) or pm.get_plugin(name) is not None:
            return True
        pm.register(obj, name=name)
        return True
    except Exception as exc:  # pluggy.PluginValidationError, ValueError
        problems.append(_msg_load(name, exc))
        return False


class _EntryPoint:
    """An entry point found by :func:`_scan_entry_points`: ``name``,
    ``value`` ("module" or "module:attr") and ``load()``, as
    ``importlib.metadata.EntryPoint`` offers them."""

    __slots__ = ("name", "value", "group")

    def __init__(self, name: str, value: str, group: str = ENTRY_POINT_GROUP):
        self.name, self.value, self.group = name, value, group

    def load(self):
        module, _, attr = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in filter(None, attr.split("[")[0].strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _scan_entry_points(group: str):
    """The ``group`` entry points of the distributions installed as folders
    on ``sys.path`` (``*.dist-info`` / ``*.egg-info`` with an
    ``entry_points.txt``), read as text: listing the metadata of every
    installed distribution (importlib.metadata) costs tens of milliseconds at
    each start. ``None`` when a ``sys.path`` entry is an archive, whose
    distributions only importlib.metadata can see."""
    header = f"[{group}]"
    found = []
    for entry in sys.path:
        where = entry or "."
        if os.path.isfile(where):
            return None
        try:
            listing = os.scandir(where)
        except OSError:
            continue
        with listing:
            names = sorted(d.name for d in listing if d.name.endswith((".dist-info", ".egg-info")))
        for name in names:
            try:
                with open(os.path.join(where, name, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if header not in text:
                continue
            section = None
            for line in text.splitlines():
                line = line.strip()
                if not line or line.startswith(("#", ";")):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    section = line[1:-1].strip()
                elif section == group and "=" in line:
                    key, _, value = line.partition("=")
                    found.append(_EntryPoint(key.strip(), value.strip(), group))
    return found


def _entry_points() -> list:
    seen = set()
    out = []
    eps = _scan_entry_points(ENTRY_POINT_GROUP)
    if eps is None:
        from importlib import metadata

        eps = metadata.entry_points(group=ENTRY_POINT_GROUP)
    for ep in eps:
        key = (ep.name, ep.value)
        if key in seen:
            continue
        seen.add(key)
        out.append(ep)
    return sorted(out, key=lambda e: (e.name != "builtin_rules", e.name))


def load_local(spec: str, base: Optional[Path] = None):
    """Import a local plugin: a ``.py`` path (relative to ``base``) or a
    module name."""
    if spec.endswith(".py") or "/" in spec or "\\" in spec:
        path = Path(spec)
        if not path.is_absolute() and base is not None:
            path = base / path
        if not path.is_file():
            raise FileNotFoundError(tr("berkas tidak ditemukan: {p}", "file not found: {p}", p=path))
        modname = "soplint_local_" + "".join(c if c.isalnum() else "_" for c in path.stem) + \
                  "_" + format(abs(hash(str(path.resolve()))) % 10**8, "d")
        spec_obj = importlib.util.spec_from_file_location(modname, path)
        module = importlib.util.module_from_spec(spec_obj)
        sys.modules[modname] = module
        try:
            spec_obj.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(modname, None)
            raise
        return module
    return importlib.import_module(spec)


def load_plugins(local: Iterable = (), *, base: Optional[Path] = None,
                 entry_points: bool = True) -> Plugins:
    """Build the plugin manager. ``local`` holds module names or ``.py`` paths
    (``(spec, base_dir)`` pairs are accepted too, for config-relative paths)."""
    pm = new_manager()
    problems: list = []
    for modname in BUILTIN_PLUGINS:
        try:
            if importlib.util.find_spec(modname) is None:
                continue
            module = importlib.import_module(modname)
        except Exception as exc:
            problems.append(_msg_load(modname, exc))
            continue
        _register(pm, module, modname, problems)
    if entry_points:
        for ep in _entry_points():
            try:
                obj = ep.load()
            except BaseException as exc:  # SystemExit from a bad plugin too
                if isinstance(exc, KeyboardInterrupt):
                    raise
                problems.append(_msg_load(ep.name, exc))
                continue
            _register(pm, obj, ep.name, problems)
    for item in local:
        spec, where = (item if isinstance(item, tuple) else (item, base))
        try:
            module = load_local(str(spec), where)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            problems.append(_msg_load(spec, exc))
            continue
        _register(pm, module, str(spec), problems)
    return Plugins(pm=pm, problems=problems)
