"""Third-party rule XT01 + a report format + a configuration key."""
from soplint.hookspec import hookimpl
from soplint.rule import Rule


class JudulTerlaluPendek(Rule):
    """Memeriksa Nama SOP yang terlalu pendek.
    Checks SOP titles that are too short.

    Contoh / Example
      Salah / wrong: "SOP Surat"   Benar / fixed: "Pelayanan Administrasi Surat Masuk"
    """

    code = "XT01"
    name = "judul-terlalu-pendek"
    severity = "warning"
    summary = ("Nama SOP terlalu pendek", "SOP title too short")
    messages = {"default": ("Nama SOP hanya {n} kata", "The SOP title has only {n} words")}
    options_schema = {"type": "object", "additionalProperties": False,
                      "properties": {"min_kata": {"type": "integer", "minimum": 1}}}
    defaults = {"min_kata": 3}

    def check(self, sop, ctx):
        title = sop.identitas.nama_sop or ""
        n = len(title.split())
        if title and n < self.options["min_kata"]:
            yield self.finding(sop, field="identitas.nama_sop", teks=title, n=n)


@hookimpl
def soplint_rules():
    return [JudulTerlaluPendek]


@hookimpl
def soplint_formatters():
    def hitungan(result, options=None):
        return "".join(f"{f.berkas}\t{len(f.temuan)}\n" for f in result.berkas)

    return {"hitungan": hitungan}


@hookimpl
def soplint_config_schema():
    return {"contoh": {"type": "object", "properties": {"aktif": {"type": "boolean"}},
                       "additionalProperties": False}}
