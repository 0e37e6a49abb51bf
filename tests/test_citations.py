"""Citations: forms, keys, legal basis, catalogue and warnings."""

import json
from pathlib import Path

import pytest

import gdparse
from gdparse.knowledge.documents import canonical_number, document_types, national_catalogue, resolve

SEEDS = sorted(Path("corpora/seeds").glob("*.txt"))


def _cits(text):
    return gdparse.parse_text(text).citations


@pytest.mark.parametrize("rule", [r for r in document_types().types], ids=lambda r: r.slug)
def test_type_rule_examples(rule):
    for example in rule.examples:
        found = _cits(f"Căn cứ {example};")
        assert found and found[0].doc_type == rule.type, example


@pytest.mark.parametrize("entry", national_catalogue().documents, ids=lambda d: d.id)
def test_catalogue_examples_resolve(entry):
    for example in entry.examples:
        found = _cits(f"Căn cứ {example};")
        assert found and found[0].key == entry.key and found[0].catalogue_id == entry.id, example


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ;", "nghi-quyet:28/NQ-CP:2021"),
        ("thực hiện Nghị quyết 28/NQ-CP và NQ 28", "nghi-quyet:28/NQ-CP:2021"),
        ("Kế hoạch số 60-KH/TU ngày 08/6/2018 của Tỉnh ủy", "ke-hoach:60-KH/TU:2018"),
        ("Chỉ thị số 21/CT-TW ngày 20/01/2018", "chi-thi:21-CT/TW:2018"),
        ("Công văn số 1303/LĐT BXH-VBĐG ngày 29/3/2024", "cong-van:1303/LĐTBXH-VBĐG:2024"),
        ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;", "luat:to-chuc-chinh-quyen-dia-phuong:2015"),
        ("Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;", "luat:73/2006/QH11:2006"),
        ("Quyết định số:\n1696/QĐ-TTg ngày 02/10/2015", "quyet-dinh:1696/QĐ-TTg:2015"),
    ],
)
def test_keys(text, key):
    assert {c.key for c in _cits(text)} == {key}


def test_same_document_shares_key():
    text = "Căn cứ Nghị quyết số 99/NQ-CP ngày 03/3/2021;\nI. MỤC TIÊU\nThực hiện Nghị quyết 99/NQ-CP và NQ 99."
    assert {c.key for c in _cits(text)} == {"nghi-quyet:99/NQ-CP:2021"}


def test_misprint_flagged_and_resolved():
    doc = gdparse.parse_text("Căn cứ Nghị định số 48/2008/NĐ-CP ngày 19 tháng 5 năm 2009 của Chính phủ;")
    (c,) = doc.citations
    assert c.number == "48/2008/NĐ-CP" and c.catalogue_id == "ND-48/2009"
    assert "citation_date_mismatch" in {w.code for w in doc.warnings}


def test_citation_after_document_warns():
    doc = gdparse.parse_text("Số: 12/KH-UBND\nHà Nội, ngày 05 tháng 01 năm 2020\nKẾ HOẠCH\nCăn cứ Kế hoạch số 7/KH-UBND ngày 10/6/2021;")
    assert "citation_after_document" in {w.code for w in doc.warnings}


def test_self_and_issuing_decision_are_not_citations():
    text = "Số: 948/QĐ-UBND\nKẾ HOẠCH\n(Ban hành kèm theo Quyết định số: 948/QĐ-UBND ngày 08/8/2011 của UBND tỉnh)"
    assert _cits(text) == ()


def test_law_by_name_only_outside_preamble_is_not_citation():
    assert _cits("I. MỤC TIÊU\n- Tuyên truyền Luật Bình đẳng giới trong thanh niên.") == ()


def test_resolve_by_leading_number_and_date():
    entry, exact = resolve("nghi_dinh", "48/2008/NĐ-CP", 2009)
    assert entry.id == "ND-48/2009" and not exact


def test_canonical_number():
    assert canonical_number("21/CT-TW") == "21-CT/TW"
    assert canonical_number("948/ QD-UBND") == "948/QĐ-UBND"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_spans_quote_evidence(seed):
    doc = gdparse.parse(seed)
    gold = json.loads(Path(f"corpora/gold/{seed.name[:3]}.json").read_text(encoding="utf-8"))
    assert doc.citations
    for c in doc.citations:
        quote = doc.text[c.start : c.end]
        assert quote and (c.number is None or c.number.split("/")[0].split("-")[0] in quote)
    assert sorted(doc.quote(c) for c in doc.citations) == sorted(g["quote"] for g in gold["citations"])
