"""The fast paths of the responsibilities, reporting and link stages give what the plain readings give."""

from __future__ import annotations

from gdparse import link
from gdparse.vietnamese import fold
from tests.fuzzing import pieces_and_spans

_REFERENCE_PIECES = ["Mục tiêu", "mục tiêu", "MỤC TIÊU", "chỉ tiêu", "Chỉ Tiêu", "tiêu", "TiÊu", "tiêù", "tiê",
                     "u", " ", "\n", "**", "1", "2", "3a", ", ", " và ", "; ", "của", "thuộc", "Hoà", "Σ", "a",
                     "mục", "chỉ", "1.5", "\u00a0"]


def test_references_in_a_span_are_those_of_its_text():
    for text, start, end in pieces_and_spans(_REFERENCE_PIECES, 1, longest=20):
        assert list(link.references_in(text, fold(text), start, end)) == \
            link.parse_references(text[start:end]), (text, start, end)


def test_mentions_made_by_tuple_new_are_mentions():
    from gdparse.extract import responsibilities
    from gdparse.extract.clauses import Mention

    made = responsibilities._new_tuple(Mention, ("a", 1, 2))
    assert type(made) is Mention and made == Mention("a", 1, 2) and (made.agency_id, made.start, made.end) == ("a", 1, 2)
