"""Objective/target references: parsing and graceful degradation without extracted targets."""

import pytest

from gdparse.link import parse_references


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("thực hiện mục tiêu 2 đạt", [("2", None)]),
        ("chỉ tiêu 1 của Mục tiêu 2", [("2", "1")]),
        ("các chỉ tiêu 1, 2, 3 của Mục tiêu 5", [("5", "1"), ("5", "2"), ("5", "3")]),
        ("Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2; chỉ tiêu 4 của Mục tiêu 5", [("1", None), ("2", "1"), ("5", "4")]),
        ("chỉ tiêu 1, 2 của **Mục tiêu 6**", [("6", "1"), ("6", "2")]),
        ("các mục tiêu, chỉ tiêu về bình đẳng giới", []),
    ],
)
def test_parse_references(text, refs):
    assert parse_references(text) == refs


def test_unlinked_numbers_kept_in_a_warning():
    import gdparse
    from gdparse.extract.context import whole_text_context
    from gdparse.extract.responsibilities import extract_responsibilities

    doc = gdparse.parse_text("VI. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Theo dõi chỉ tiêu 9 của Mục tiêu 9.\n")
    assert any(w.code == "reference_unlinked" and "Mục tiêu 9" in w.message for w in doc.warnings)
    assert extract_responsibilities(doc.model_copy(update={"responsibilities": ()}),
                                    whole_text_context(doc)).responsibilities
