"""Robustness: no rule raises on odd but schema-valid models (empty texts,
missing fields, dangling branches, repeated numbers, odd Unicode). A rule
that raised would turn a whole run into an internal error (exit 2)."""
import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soplint import model as m
from soplint.config import Config, resolve_rules
from soplint.engine import Engine
from soplint.plugins import load_plugins

PLUGINS = load_plugins()
SETTINGS = resolve_rules(Config(), PLUGINS.rules())

texts = st.one_of(st.just(""), st.just("-"), st.just("..."), st.just("Nomor 32 Tahun 2004"),
                  st.text(max_size=40), st.sampled_from(["Kasi dan Sekcam", "Menerima dan meneruskan surat",
                                                         "± 1 jam", "segera", "Mulai", "Selesai", "?"]))
opt_texts = st.one_of(st.none(), texts)
nos = st.integers(min_value=-3, max_value=30)
dates = st.one_of(st.none(), st.builds(m.Tanggal, texts, st.one_of(st.none(), st.just("2014-02-03"),
                                                                   st.just("2013-12-01")),
                                        st.sampled_from([None, "hari", "bulan", "tahun"])))
steps = st.builds(
    m.Kegiatan, no=nos, uraian=texts, pelaksana=opt_texts, simbol=st.sampled_from(m.SIMBOL), kelengkapan=texts,
    waktu=st.one_of(st.none(), st.builds(m.Waktu, texts, st.one_of(st.none(), st.floats(0, 1e4)))),
    output=texts, keterangan=texts, lanjut=st.lists(nos, max_size=3),
    cabang=st.one_of(st.none(), st.builds(m.Cabang, st.one_of(st.none(), nos), st.one_of(st.none(), nos))),
    pelaksana_lain=st.lists(texts, max_size=2), bentuk=opt_texts, lokasi=opt_texts)
lists = st.one_of(st.none(), st.lists(texts, max_size=4))
sops = st.builds(
    m.SOP,
    identitas=st.builds(m.Identitas, instansi=st.lists(texts, max_size=3), nomor_sop=opt_texts,
                        tanggal_pembuatan=dates, tanggal_revisi=dates, tanggal_efektif=dates,
                        disahkan_oleh=st.one_of(st.none(), st.builds(m.Pengesahan, opt_texts, opt_texts, opt_texts,
                                                                     opt_texts)),
                        nama_sop=opt_texts),
    dasar_hukum=lists, kualifikasi_pelaksana=lists, keterkaitan=lists, peralatan_perlengkapan=lists,
    peringatan=lists, pencatatan_pendataan=lists, pelaksana=st.lists(texts, max_size=9),
    kegiatan=st.lists(steps, max_size=12), lainnya=st.dictionaries(texts, texts, max_size=4),
    tak_terpetakan=st.lists(st.builds(m.TakTerpetakan, texts, texts), max_size=3))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sops, min_size=1, max_size=3))
def test_no_rule_raises_on_odd_models(models):
    engine = Engine(Config(), PLUGINS, SETTINGS)
    prepared = [engine.prepare(copy.deepcopy(s), f"f{i}.docx", 0) for i, s in enumerate(models)]
    for sop in prepared:
        for code, rule in engine.rules.items():
            if not rule.cross:
                for f in engine._run_rule(code, rule.check, sop, engine.ctx, where="x"):
                    assert f.code == code and f.message and f.severity in ("error", "warning", "info")
    for code, rule in engine.rules.items():
        if rule.cross:
            engine._run_rule(code, rule.check_run, prepared, engine.ctx, where="x")
    assert engine.errors == []
