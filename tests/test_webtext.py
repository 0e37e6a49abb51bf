"""Repairs of messy portal text: each rule's examples, and edits that the normaliser can apply."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdparse import webtext
from gdparse.normalize import normalize

CASES = [(rule, i, o) for rule in webtext.RULES for i, o in rule.EXAMPLES]


@pytest.mark.parametrize(("rule", "given_text", "expected"), CASES, ids=lambda x: getattr(x, "__name__", None))
def test_rule_examples(rule, given_text, expected):
    assert webtext.apply(given_text, rule(given_text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Xây dựng kế hoạch\nChủ trì, phối hợp", "Kết quả năm\n1.1\tCác cơ quan", "Hội đồng nhân dân tỉnh", "email online",
     "Luật Bình đẳng giới", "Thực hiện Quyết định số 1696/QĐ-TTg."],
)
def test_clean_text_untouched(text):
    assert webtext.repair_web_text(text) == text


def test_news_summary_keeps_article():
    text = "Tin tức\nUBND tỉnh vừa ban hành Kế hoạch số 12/KH-UBND ngày 05/3/2022."
    assert webtext.repair_web_text(text) == text


def test_normalize_applies_edits_with_offsets():
    messy = "Trang chủ\nĐăng nhập\nỦY\nBAN NHÂN DÂN\nSố:\n1696/QĐ-\nTTg\n|\nKếhoạch"
    norm = normalize(messy, extra_passes=(webtext.web_text_edits,))
    assert "ỦY BAN NHÂN DÂN" in norm.text and "Số: 1696/QĐ-TTg" in norm.text and "Kế hoạch" in norm.text
    assert "Trang chủ" not in norm.text and "|" not in norm.text


@given(st.text(alphabet="aăâbcdđeêhgiklmnoôơpqrstuưvxyàáạảãếềểễệ|/-:0123456789 \n\t.,ỦYBANSố", max_size=200))
def test_edits_sorted_non_overlapping(text):
    edits = webtext.web_text_edits(text)
    for (s1, e1, _), (s2, e2, _) in zip(edits, edits[1:]):
        assert s1 <= e1 <= s2 <= e2
    webtext.repair_web_text(text)
