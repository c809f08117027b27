"""The rule catalog matches shared/spec/rules.md (codes, names, default
severities) and every rule is documented: bilingual summary and messages, a
doc page with what/why/example, a valid options schema; `soplint rules`."""
import re

import jsonschema
import pytest
from _sopkit import run_cli

from shared_corpus import need

from soplint.plugins import load_plugins

RULES = load_plugins().rules()


def spec_table():
    spec = need("spec/rules.md")
    rows = re.findall(r"^\| ([A-Z]{2}\d{2}) \| ([a-z-]+) \| (error|warning|info) \|", spec.read_text("utf-8"), re.M)
    return {code: (name, sev) for code, name, sev in rows}


def test_catalog_matches_the_spec():
    spec = spec_table()
    assert len(spec) == 34
    ours = {code: (cls.name, cls.severity) for code, cls in RULES.items() if code in spec}
    assert ours == spec


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented(code):
    cls = RULES[code]
    assert all(isinstance(x, str) and x for x in cls.summary) and len(cls.summary) == 2
    assert cls.messages and all(len(pair) == 2 and all(pair) for pair in cls.messages.values())
    doc = cls.__doc__ or ""
    for heading in ("Apa / What", "Mengapa / Why", "Contoh / Example"):
        assert heading in doc, (code, heading)
    jsonschema.Draft202012Validator.check_schema(cls.options_schema)
    jsonschema.validate(dict(cls.defaults), cls.options_schema)
    for name in cls.options_schema.get("properties", {}):
        assert name in doc, (code, "option not documented", name)


def test_rules_command_lists_every_rule():
    code, out = run_cli(["rules"])
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert set(RULES) <= set(listed)
    line = next(x for x in out.splitlines() if x.startswith("PR10"))
    assert "pelaksana-terlalu-banyak" in line and "warning" in line


def test_rules_command_prints_a_doc_page_by_code_or_name():
    code, out = run_cli(["rules", "PR10", "--lang", "en"])
    assert code == 0
    assert out.startswith("PR10 pelaksana-terlalu-banyak (warning)")
    assert "More actor columns than the option maks" in out and "maks (integer; default: 7)" in out
    code2, out2 = run_cli(["rules", "pelaksana-terlalu-banyak", "--lang", "en"])
    assert out2 == out
    code, out = run_cli(["rules", "ZZ99"])
    assert code == 2 and "ZZ99" in out
