"""The stemmer the rules use is Sastrawi's own, built without its factory:
same dictionary, same stems as ``StemmerFactory().create_stemmer()``."""
import random

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from soplint_rules import _teks

AFFIXES = [("me", ""), ("mem", "kan"), ("pe", "an"), ("peng", "an"), ("di", "kan"), ("ber", ""),
           ("ter", ""), ("", "an"), ("", "nya"), ("meng", "i"), ("ke", "an"), ("se", "")]


def test_same_dictionary_and_stems_as_the_factory():
    factory = StemmerFactory().create_stemmer()
    ours = _teks._stemmer()
    roots = list(factory.delegatedStemmer.dictionary.words)
    # the same words (ours keeps no value: the stemmer only asks whether a word is there)
    assert ours.dictionary.words.keys() == factory.delegatedStemmer.dictionary.words.keys()
    assert all(ours.dictionary.contains(w) for w in roots)
    rng = random.Random(52)
    words = ["menyerahkan", "mengagendakan", "peninjauan", "didisposisikan", "pencatatan", "verifikasi",
             "ditandatangani", "memparaf", "pengarsipan", "menindaklanjuti", "kepala", "surat"]
    for root in rng.sample(roots, 400):
        pre, suf = rng.choice(AFFIXES)
        words.append(pre + root + suf)
    for word in words:
        assert _teks.stem(word) == (factory.stem(word) or word), word
    assert _teks.stem("mengagendakan") == "agenda"
