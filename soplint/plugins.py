"""The plugin manager (pluggy, project ``soplint``).

Plugins come from three places, loaded one by one so that a broken one is
reported by name and skipped while the run goes on:

1. soplint's own built-in modules (the readers and writers of
   :mod:`soplint.builtin`, the report formats);
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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

import pluggy

from soplint import hookspec
from soplint.i18n import tr
from soplint.rule import check_rule_class

ENTRY_POINT_GROUP = "soplint"

#: modules of soplint itself that are plugins (registered by default)
BUILTIN_PLUGINS = ("soplint.builtin", "soplint.report", "soplint.report.formats")


@dataclass
class Plugins:
    """The loaded plugins (built-in ones included) and what they provide."""

    pm: pluggy.PluginManager
    #: bilingual messages about plugins that failed (name first)
    problems: list = field(default_factory=list)
    _rules: Optional[dict] = None
    _origin: dict = field(default_factory=dict)
    _readers: Optional[dict] = None
    _writers: Optional[dict] = None

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

    # -- readers and writers -----------------------------------------------
    def readers(self) -> dict:
        """``{suffix: Reader}`` from every plugin's ``soplint_readers`` hook
        (the built-in ones first). A plugin whose hook raises, or that offers
        an invalid reader, is reported by name and skipped; an ending another
        plugin already reads stays with that one (reported)."""
        if self._readers is None:
            from soplint.readers import Reader

            found: dict = {}
            for impl in reversed(_impls(self.pm.hook.soplint_readers)):  # registration order
                try:
                    offered = list(impl.function() or [])
                except Exception as exc:
                    self.problems.append(_msg_hook(impl.plugin_name, "soplint_readers", exc))
                    continue
                for obj in offered:
                    reader, bad = _as_reader(obj, impl.plugin_name, Reader)
                    if bad:
                        self.problems.append(tr("Plugin {p}: pembaca {r} dilewati: {e}",
                                                "Plugin {p}: reader {r} skipped: {e}",
                                                p=impl.plugin_name, r=_name_of(obj), e=bad))
                        continue
                    for suffix in reader.suffixes:
                        if suffix in found:
                            self.problems.append(tr(
                                "Plugin {p}: akhiran {s} sudah dibaca oleh {o}; dilewati",
                                "Plugin {p}: the ending {s} is already read by {o}; skipped",
                                p=impl.plugin_name, s=suffix, o=found[suffix].plugin))
                            continue
                        found[suffix] = reader
            self._readers = found
        return self._readers

    def reader_limits(self) -> dict:
        """``{limit name: default}`` the readers declare beyond preflight's."""
        out: dict = {}
        for reader in self.readers().values():
            for name, default in dict(reader.limits or {}).items():
                out.setdefault(str(name).replace("_", "-"), default)
        return out

    def input_suffixes(self, models: bool = True) -> tuple:
        """The endings looked for in folders (model files only if ``models``)."""
        out: list = []
        for reader in self.readers().values():
            if reader.models and not models:
                continue
            for suffix in reader.found_in_folders():
                if suffix not in out:
                    out.append(suffix)
        return tuple(out)

    def writers(self) -> dict:
        """``{name: Writer}`` from every plugin's ``soplint_writers`` hook
        (the built-in ones first; the first plugin to offer a name keeps it).
        Broken hooks and invalid writers are reported by name and skipped."""
        if self._writers is None:
            from soplint.writers import Writer

            found: dict = {}
            for impl in reversed(_impls(self.pm.hook.soplint_writers)):  # registration order
                try:
                    offered = impl.function() or []
                    if isinstance(offered, dict):  # {name: write}, the shape promised before
                        offered = [Writer(str(n), "." + str(n), f) for n, f in offered.items()]
                    offered = list(offered)
                except Exception as exc:
                    self.problems.append(_msg_hook(impl.plugin_name, "soplint_writers", exc))
                    continue
                for obj in offered:
                    bad = _writer_problem(obj, Writer)
                    if bad:
                        self.problems.append(tr("Plugin {p}: penulis {r} dilewati: {e}",
                                                "Plugin {p}: writer {r} skipped: {e}",
                                                p=impl.plugin_name, r=_name_of(obj), e=bad))
                        continue
                    if obj.name in found:
                        self.problems.append(tr(
                            "Plugin {p}: format keluaran {n} sudah ada dari {o}; dilewati",
                            "Plugin {p}: output format {n} is already given by {o}; skipped",
                            p=impl.plugin_name, n=obj.name, o=found[obj.name].plugin))
                        continue
                    found[obj.name] = replace(obj, suffix=obj.suffix.lower(), plugin=impl.plugin_name,
                                              prepare=obj.prepare if callable(obj.prepare) else None)
            self._writers = found
        return self._writers

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


def _name_of(obj) -> str:
    return str(getattr(obj, "name", None) or getattr(obj, "__name__", None) or type(obj).__name__)


def _as_reader(obj, plugin: str, Reader):
    """``(Reader, None)`` for a valid reader (a :class:`Reader`, or any
    object with ``suffixes`` and ``read``), else ``(None, problem)``."""
    suffixes = getattr(obj, "suffixes", None)
    read = getattr(obj, "read", None)
    if isinstance(suffixes, str):
        suffixes = (suffixes,)
    try:
        suffixes = tuple(str(x).lower() for x in suffixes or ())
    except TypeError:
        suffixes = ()
    if not suffixes or not all(x.startswith(".") and len(x) > 1 for x in suffixes):
        return None, tr("suffixes harus berupa akhiran berkas seperti \".pdf\"",
                        "suffixes must be file endings such as \".pdf\"")
    if not callable(read):
        return None, tr("tidak ada fungsi read(path, options)", "no read(path, options) function")
    folder = getattr(obj, "folder_suffixes", None)
    limits = getattr(obj, "limits", None) or {}
    prepare = getattr(obj, "prepare", None)
    try:
        limits = {str(k).replace("_", "-"): v for k, v in dict(limits).items()}
    except (TypeError, ValueError):
        return None, tr("limits harus berupa tabel nama -> nilai", "limits must be a table of name -> value")
    return Reader(name=str(getattr(obj, "name", None) or suffixes[0][1:]), suffixes=suffixes, read=read,
                  folder_suffixes=None if folder is None else tuple(str(x).lower() for x in folder),
                  models=bool(getattr(obj, "models", False)), limits=limits, plugin=plugin,
                  prepare=prepare if callable(prepare) else None), None


def _writer_problem(obj, Writer) -> Optional[str]:
    if not isinstance(obj, Writer):
        return tr("bukan soplint.writers.Writer", "not a soplint.writers.Writer")
    if not obj.name or not isinstance(obj.name, str):
        return tr("nama kosong", "empty name")
    if not (isinstance(obj.suffix, str) and obj.suffix.startswith(".") and len(obj.suffix) > 1):
        return tr("suffix harus berupa akhiran berkas seperti \".html\"",
                  "suffix must be a file ending such as \".html\"")
    if not callable(obj.write):
        return tr("write tidak dapat dipanggil", "write is not callable")
    return None


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
