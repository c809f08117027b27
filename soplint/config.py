"""Configuration: discovery, validation (JSON Schema), and what it means for a run.

Looked up from the current folder upwards, first found wins: ``soplint.toml``,
``.soplint.toml``, ``pyproject.toml`` (``[tool.soplint]``), ``setup.cfg``
(``[soplint]``); ``--config FILE`` overrides the search. Every value keeps
where it came from (its *provenance*) for ``soplint config``.

Keys (see shared/spec/cli.md): ``select``, ``ignore``, ``severity`` (code or
name -> level), ``per-file-ignores`` (glob -> codes), ``lang``, ``template``,
``plugins``, ``rules`` (a table per rule: ``[rules.PR10] maks = 6``),
``aliases`` (actor name -> canonical name), ``fail-on``. Plugins may add keys
through the ``soplint_config_schema`` hook.
"""
from __future__ import annotations

import copy
import re
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from soplint.errors import UsageError
from soplint.findings import SEVERITIES
from soplint.i18n import tr
from soplint.rule import normalise_actor

CONFIG_FILES = ("soplint.toml", ".soplint.toml", "pyproject.toml", "setup.cfg")
LEVELS = SEVERITIES + ("off",)
FAIL_ON = ("error", "warning", "info", "never")

_STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}

BASE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "soplint configuration",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "select": _STR_LIST,
        "ignore": _STR_LIST,
        "severity": {"type": "object", "additionalProperties": {"enum": list(LEVELS)}},
        "per-file-ignores": {"type": "object", "additionalProperties": _STR_LIST},
        "lang": {"enum": ["id", "en"]},
        "template": {"type": "string", "minLength": 1},
        "plugins": _STR_LIST,
        "rules": {"type": "object", "additionalProperties": {"type": "object"}},
        "aliases": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
        "fail-on": {"enum": list(FAIL_ON)},
        # safe-reading limits of soplint.preflight.Limits (bytes, a ratio)
        "limits": {"type": "object", "additionalProperties": False, "properties": {
            name: {"type": "number", "exclusiveMinimum": 0}
            for name in ("max-file-bytes", "max-members", "max-total-uncompressed", "max-member-uncompressed",
                         "max-ratio", "ratio-floor", "max-xml-bytes")}},
    },
}

DEFAULTS = {
    "select": ["ALL"],
    "ignore": [],
    "severity": {},
    "per-file-ignores": {},
    "lang": None,
    "template": None,
    "plugins": [],
    "rules": {},
    "aliases": {},
    "fail-on": "error",
    "limits": {},
}

# keys whose value is a list of strings (for setup.cfg, where everything is text)
_LIST_KEYS = ("select", "ignore", "plugins")
#: options shaped by click (a choice; codes that the rule selection checks)
_SHAPED_BY_OPTIONS = frozenset({"--select", "--ignore", "--fail-on"})


def _src_default() -> str:
    return tr("bawaan", "default")


@dataclass
class Config:
    """The configuration in force: the values (defaults, then the file, then the command
    line), where each came from, and the file it was read from."""

    values: dict = field(default_factory=lambda: copy.deepcopy(DEFAULTS))
    #: dotted key -> where its value came from
    provenance: dict = field(default_factory=dict)
    #: the configuration file in force (or None)
    path: Optional[Path] = None
    #: keys added by plugins
    extra_schema: dict = field(default_factory=dict)
    #: the table as read from the file
    raw: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.values.get(key)

    def get(self, key, default=None):
        value = self.values.get(key)
        return default if value is None else value

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def src(self, key: str) -> str:
        return self.provenance.get(key, _src_default())

    # -- actors --------------------------------------------------------------
    def alias_table(self) -> dict:
        """normalised alias -> canonical name (canonical names map to themselves)."""
        out = {}
        for alias, canon in (self.values.get("aliases") or {}).items():
            out[normalise_actor(alias)] = canon
            out.setdefault(normalise_actor(canon), canon)
        return out

    # -- rules ---------------------------------------------------------------
    def rule_options(self, cls) -> dict:
        table = self.values.get("rules") or {}
        opts = {}
        for key in (cls.code, cls.name):
            if key in table:
                opts.update(table[key])
        return opts

    def plugin_specs(self) -> list:
        """Local plugins of the config as (spec, base dir) pairs."""
        return [(p, self.base_dir) for p in self.values.get("plugins") or []]


# --------------------------------------------------------------------------
# reading files

def _parse_cfg_value(text: str):
    text = text.strip()
    try:
        return json.loads(text)
    except ValueError:
        return text


def _split_list(text) -> list:
    if isinstance(text, list):
        return text
    parts = []
    for line in str(text).replace(",", "\n").splitlines():
        if line.strip():
            parts.append(line.strip())
    return parts


def _read_setup_cfg(path: Path) -> Optional[dict]:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep the case of codes and actor names
    parser.read(path, encoding="utf-8")
    if not parser.has_section("soplint"):
        return None
    out: dict = {}
    for key, value in parser.items("soplint"):
        if key in _LIST_KEYS:
            out[key] = _split_list(value)
        else:
            out[key] = _parse_cfg_value(value)
    for section in parser.sections():
        for sep in (".", ":"):
            prefix = "soplint" + sep
            if not section.startswith(prefix):
                continue
            sub = section[len(prefix):]
            items = dict(parser.items(section))
            if sub.startswith("rules" + sep) or sub.startswith("rules."):
                code = sub.split(sep, 1)[1] if sep in sub else sub.split(".", 1)[1]
                out.setdefault("rules", {})[code] = {k: _parse_cfg_value(v) for k, v in items.items()}
            elif sub == "per-file-ignores":
                out[sub] = {k: _split_list(v) for k, v in items.items()}
            elif sub in ("severity", "aliases"):
                out[sub] = {k: v.strip() for k, v in items.items()}
            else:
                out[sub] = items
    return out


def read_file(path: Path, *, required: bool = True) -> Optional[dict]:
    """The soplint table of one configuration file (None where the file has
    no soplint section and ``required`` is false)."""
    path = Path(path)
    try:
        if path.name == "setup.cfg" or path.suffix == ".cfg" or path.suffix == ".ini":
            data = _read_setup_cfg(path)
        else:
            import tomllib

            with open(path, "rb") as fh:
                doc = tomllib.load(fh)
            if path.name == "pyproject.toml":
                data = doc.get("tool", {}).get("soplint")
            else:
                data = doc
    except FileNotFoundError:
        raise UsageError("Berkas konfigurasi tidak ditemukan: {p}",
                         "Configuration file not found: {p}", p=path) from None
    except Exception as exc:  # tomllib.TOMLDecodeError, configparser.Error, OSError
        raise UsageError("Berkas konfigurasi {p} tidak dapat dibaca: {e}",
                         "Configuration file {p} cannot be read: {e}", p=path, e=exc) from None
    if data is None and required:
        data = {}
    return data


def _may_hold_section(path: Path) -> bool:
    """Could this project file hold a soplint section (``[tool.soplint]``,
    ``[soplint]``, ``[tool:soplint]``)? A cheap text test that spares
    parsing (and importing the TOML parser for) every project's own file."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return True  # let read_file report it
    return re.search(r"^\s*\[\s*(?:tool\s*[.:]\s*)?\"?soplint\b", text, re.M) is not None


def discover(start: Optional[Path] = None) -> Optional[Path]:
    """The first configuration file from ``start`` (default: the current
    folder) upwards that holds a soplint section."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name in ("pyproject.toml", "setup.cfg"):
                if not _may_hold_section(candidate):
                    continue  # a project file without a soplint section: not parsed at all
                try:
                    if read_file(candidate, required=False) is None:
                        continue
                except UsageError:
                    # a broken project file that may not even concern soplint
                    # does not stop the search (soplint.toml errors do)
                    continue
            return candidate
    return None


# --------------------------------------------------------------------------
# validation

def _key_path(err) -> str:
    parts = [str(p) for p in err.absolute_path]
    return ".".join(parts)


def schema(extra: Optional[dict] = None, limit_names: Iterable = ()) -> dict:
    s = copy.deepcopy(BASE_SCHEMA)  # + plugins' keys (extra) + the limits readers declare
    for key, sub in (extra or {}).items():
        s["properties"].setdefault(key, sub)
    s["properties"]["limits"]["properties"].update(dict.fromkeys(limit_names, {"type": "number", "exclusiveMinimum": 0}))
    return s


def validation_errors(data: Any, extra: Optional[dict] = None, limit_names: Iterable = ()) -> list:
    """Every problem as 'key: problem', naming the bad key."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema(extra, limit_names))
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        key = _key_path(err)
        if err.validator == "additionalProperties":
            allowed = set(err.schema.get("properties", {}))
            for bad in sorted(set(err.instance) - allowed):
                full = f"{key}.{bad}" if key else bad
                out.append(tr("{k}: kunci tidak dikenal", "{k}: unknown key", k=full))
        else:
            out.append(f"{key or '(root)'}: {schema_message(err)}")
    return out


_TYPES = {"string": ("teks", "a string"), "integer": ("bilangan bulat", "an integer"),
          "number": ("angka", "a number"), "boolean": ("true/false", "true/false"),
          "array": ("daftar", "a list"), "object": ("tabel", "a table"), "null": ("kosong", "null")}


def schema_message(err) -> str:
    """A JSON Schema error in the run's language (jsonschema writes English):
    the common checks are put in words, any other keeps jsonschema's text."""
    import json

    value = json.dumps(err.instance, ensure_ascii=False, default=str)
    v, arg = err.validator, err.validator_value
    if v == "enum":
        return tr("{v} tidak termasuk pilihan ({a})", "{v} is not one of the choices ({a})",
                  v=value, a=", ".join(json.dumps(x, ensure_ascii=False) for x in arg))
    if v == "type":
        kinds = arg if isinstance(arg, list) else [arg]
        words = [tr(*_TYPES.get(k, (k, k))) for k in kinds]
        return tr("{v} harus berupa {t}", "{v} must be {t}", v=value,
                  t=tr(" atau ", " or ").join(words))
    if v in ("minimum", "exclusiveMinimum"):
        return tr("{v} harus {o} {a}", "{v} must be {o} {a}", v=value, a=arg,
                  o=tr("paling kecil", "at least") if v == "minimum" else tr("lebih dari", "more than"))
    if v in ("maximum", "exclusiveMaximum"):
        return tr("{v} harus {o} {a}", "{v} must be {o} {a}", v=value, a=arg,
                  o=tr("paling besar", "at most") if v == "maximum" else tr("kurang dari", "less than"))
    if v == "pattern":
        return tr("{v} tidak cocok dengan pola {a}", "{v} does not match the pattern {a}", v=value, a=arg)
    if v == "required":
        missing = [k for k in arg if isinstance(err.instance, dict) and k not in err.instance]
        return tr("kunci wajib tidak ada: {k}", "required key missing: {k}", k=", ".join(missing) or arg)
    if v in ("minItems", "minLength"):
        return tr("{v} terlalu pendek (paling sedikit {a})", "{v} is too short (at least {a})", v=value, a=arg)
    return err.message


def _raise_invalid(src, errors: list):
    raise UsageError("Konfigurasi tidak sah ({s}):\n  - {e}", "Invalid configuration ({s}):\n  - {e}",
                     s=src, e="\n  - ".join(errors))


# --------------------------------------------------------------------------
# building a Config

def load(config_file: Optional[str] = None, *, cwd: Optional[Path] = None,
         overrides: Optional[dict] = None, override_src: Optional[dict] = None) -> Config:
    """Read and merge the configuration. ``overrides`` are command-line
    values (already in config shape); ``override_src`` names the option each
    came from. Validation of the base keys happens here; plugin keys and
    rule options are checked by :func:`validate_with_plugins`."""
    cfg = Config()
    for key in DEFAULTS:
        cfg.provenance[key] = _src_default()
    path = Path(config_file) if config_file else discover(cwd)
    if path is not None:
        data = read_file(path)
        cfg.path = Path(path).resolve() if not Path(path).is_absolute() else Path(path)
        if not isinstance(data, dict):
            _raise_invalid(path, [tr("isi harus berupa tabel", "content must be a table")])
        cfg.raw = data
        src = str(path)
        for key, value in data.items():
            cfg.values[key] = value
            cfg.provenance[key] = src
            if key == "rules" and isinstance(value, dict):
                for code, opts in value.items():
                    if isinstance(opts, dict):
                        for opt in opts:
                            cfg.provenance[f"rules.{code}.{opt}"] = src
    else:
        cfg.raw = {}
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        cfg.values[key] = value
        cfg.provenance[key] = (override_src or {}).get(key, tr("baris perintah", "command line"))
    return cfg


def validate_with_plugins(cfg: Config, extra_schema: Optional[dict] = None, limit_names: Iterable = ()) -> None:
    """Validate the whole configuration (base, plugin keys, readers' limits)."""
    cfg.extra_schema = dict(extra_schema or {})
    data = {k: v for k, v in cfg.values.items() if not (k in DEFAULTS and v is None)}
    if cfg.path is None and all(cfg.src(k) == _src_default() or cfg.src(k) in _SHAPED_BY_OPTIONS for k in data):
        return  # defaults (valid by construction, tested), shaped options: no jsonschema (~60 ms)
    errors = validation_errors(data, cfg.extra_schema, limit_names)
    if errors:
        _raise_invalid(cfg.path or tr("baris perintah", "command line"), errors)


# --------------------------------------------------------------------------
# rule selection

def selector_score(selector: str, cls) -> Optional[int]:
    """How specifically ``selector`` names rule ``cls`` (None: not at all).
    "ALL" < a code prefix ("RD", "RD0") < an exact code or name."""
    s = selector.strip()
    if not s:
        return None
    if s.upper() == "ALL":
        return 0
    if s.upper() == cls.code or s.lower() == cls.name:
        return 1000
    if cls.code.startswith(s.upper()):
        return len(s)
    return None


def _unknown(selectors: Iterable, rules: dict) -> list:
    return [s for s in selectors if not any(selector_score(s, c) is not None for c in rules.values())]


def find_rule(key: str, rules: dict):
    for cls in rules.values():
        if key.upper() == cls.code or key.lower() == cls.name:
            return cls
    return None


@dataclass
class RuleSetting:
    """One selected rule: its class, the severity it reports at, its options."""

    cls: type
    severity: str
    options: dict


def resolve_rules(cfg: Config, rules: dict, warn=None) -> dict:
    """``{code: RuleSetting}`` of the enabled rules, with severity overrides
    and validated options. Raises :class:`UsageError` naming a bad key."""
    errors = []
    select = cfg.get("select", ["ALL"])
    ignore = cfg.get("ignore", [])
    for s in _unknown(select, rules):
        errors.append(tr("select: kode atau nama aturan tidak dikenal: {s}",
                         "select: unknown rule code or name: {s}", s=s))
    for s in _unknown(ignore, rules):  # a typo here would silently keep a rule on: an error, as in select
        errors.append(tr("ignore: kode atau nama aturan tidak dikenal: {s}",
                         "ignore: unknown rule code or name: {s}", s=s))
    severity = {}
    for key, level in (cfg.get("severity") or {}).items():
        matched = [c for c in rules.values() if selector_score(key, c) not in (None, 0)]
        if not matched:
            errors.append(tr("severity.{k}: kode atau nama aturan tidak dikenal",
                             "severity.{k}: unknown rule code or name", k=key))
            continue
        for c in matched:
            score = selector_score(key, c)
            prev = severity.get(c.code)
            if prev is None or score >= prev[0]:
                severity[c.code] = (score, level)
    for key, opts in (cfg.get("rules") or {}).items():
        cls = find_rule(key, rules)
        if cls is None:
            errors.append(tr("rules.{k}: aturan tidak dikenal", "rules.{k}: unknown rule", k=key))
            continue
        import jsonschema  # only when rule options are configured

        validator = jsonschema.Draft202012Validator(cls.options_schema or {"type": "object"})
        for err in validator.iter_errors(opts):
            where = ".".join(str(p) for p in err.absolute_path)
            if err.validator == "additionalProperties":
                allowed = set(err.schema.get("properties", {}))
                for bad in sorted(set(err.instance) - allowed):
                    errors.append(tr("rules.{k}.{o}: opsi tidak dikenal (opsi: {a})",
                                     "rules.{k}.{o}: unknown option (options: {a})",
                                     k=key, o=bad, a=", ".join(sorted(allowed)) or "-"))
            else:
                errors.append(f"rules.{key}{'.' + where if where else ''}: {schema_message(err)}")
        if isinstance(opts, dict) and not any(True for _ in validator.iter_errors(opts)):
            resolved = cls.resolve_options({**cls.defaults, **opts}, cfg.base_dir)
            for problem in cls.option_errors(resolved):
                errors.append(f"rules.{key}.{problem}")
    if errors:
        _raise_invalid(cfg.path or tr("baris perintah", "command line"), errors)
    out = {}
    for code, cls in rules.items():
        best_sel = max((sc for sc in (selector_score(s, cls) for s in select) if sc is not None), default=None)
        best_ign = max((sc for sc in (selector_score(s, cls) for s in ignore) if sc is not None), default=None)
        if best_sel is None or (best_ign is not None and best_ign >= best_sel):
            continue
        level = severity.get(code, (None, cls.severity))[1]
        if level == "off":
            continue
        options = cls.resolve_options({**cls.defaults, **cfg.rule_options(cls)}, cfg.base_dir)
        out[code] = RuleSetting(cls=cls, severity=level, options=options)
    return out


# --------------------------------------------------------------------------
# display

def effective(cfg: Config, rules: Optional[dict] = None) -> list:
    """``[(key, value, source)]`` of the effective configuration, including
    each rule's option defaults."""
    rows = []
    for key in list(DEFAULTS) + sorted(k for k in cfg.values if k not in DEFAULTS):
        if key == "rules":
            continue
        rows.append((key, cfg.values.get(key), cfg.src(key)))
    table = cfg.values.get("rules") or {}
    for code, cls in (rules or {}).items():
        given = cfg.rule_options(cls)
        names = set(cls.defaults) | set(given)
        for opt in sorted(names):
            if opt in given:
                src = cfg.provenance.get(f"rules.{cls.code}.{opt}") or cfg.provenance.get(
                    f"rules.{cls.name}.{opt}") or cfg.src("rules")
                rows.append((f"rules.{code}.{opt}", given[opt], src))
            else:
                rows.append((f"rules.{code}.{opt}", cls.defaults[opt], _src_default()))
    if rules is None:
        for code, opts in table.items():
            for opt, value in (opts or {}).items():
                rows.append((f"rules.{code}.{opt}", value, cfg.provenance.get(f"rules.{code}.{opt}", "")))
    return rows
