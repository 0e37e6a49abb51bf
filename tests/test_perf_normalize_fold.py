"""The fast paths of fold() and strip_accents() against straightforward reference implementations."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gdparse.vietnamese import _PUNCT, fold, fold_tone_placement, lower_same_length, strip_accents

# Vietnamese letters in both cases and tone placements, open pairs, punctuation that fold rewrites,
# and characters that take the slow paths: letters without an ASCII base, a singleton decomposition
# to ASCII (Kelvin sign), combining marks, context-dependent and length-changing lowercase.
_ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy AĂÂĐEÊOÔƠUƯY "
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴỦỶ"
    "oauyoeq\n\t.,;:-–—−‐‑“”‘’\u00a0\u202f…•¹²©×ÆæǽøßðΣσİ\u212a\u0300\u0301\u0323\u0302ΑάйЙ한\ufffd0123456789"
)
_TEXTS = st.text(alphabet=_ALPHABET, max_size=200)


def _reference_strip(text: str) -> str:
    out = []
    for char in text:
        if char in "đĐ":
            out.append("d" if char == "đ" else "D")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base if base.isascii() else char)
    return "".join(out)


def _reference_fold(text: str) -> str:
    return fold_tone_placement(lower_same_length(text).translate(_PUNCT))


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(min_value=1, max_value=60))
def test_strip_accents_matches_reference(text: str, repeat: int) -> None:
    for sample in (text, text * repeat):  # short texts take the table, long ones decomposition
        stripped = strip_accents(sample)
        assert len(stripped) == len(sample)
        assert stripped == _reference_strip(sample)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(min_value=1, max_value=60))
def test_fold_matches_reference(text: str, repeat: int) -> None:
    for sample in (text, text * repeat):  # long texts skip the prefilter and go through the cache
        folded = fold(sample)
        assert len(folded) == len(sample)
        assert folded == _reference_fold(sample)


def test_strip_accents_long_texts_with_other_characters() -> None:
    words = "Kế hoạch thực hiện bình đẳng giới… • ²³ Æsir ǽ Ωmega \u212a ĐỒNG \u0301 한국 "
    for count in (1, 3, 40, 400):
        text = words * count
        assert strip_accents(text) == _reference_strip(text)
    dense = "•é" * 500  # many pieces: the table path
    assert strip_accents(dense) == _reference_strip(dense)


def test_fold_long_text_tone_pairs() -> None:
    text = ("Hoà bình, thuỷ lợi, khoẻ mạnh, quý, Uỷ ban, hoàng, toàn, hoà\u00a0" * 100) + "Σ"
    assert fold(text) == _reference_fold(text)
