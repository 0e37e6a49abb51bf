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


def test_unchecked_reporting_duties_are_the_validated_ones():
    from gdparse.extract import reporting
    from gdparse.model import ReportingDuty

    rows = [
        {"reporter_id": "a", "recipient_ids": ("b", "c"), "frequency": "annual", "deadline": "15/12", "start": 0,
         "end": 9},
        {"reporter_id": None, "recipient_ids": ("b",), "frequency": None, "deadline": None, "start": 4, "end": 4},
    ]
    plain = [ReportingDuty(**row) for row in rows]
    for built in (reporting._DUTIES.full.validate_python([dict(r) for r in rows]),
                  reporting._DUTIES.unchecked.validate_python([dict(r) for r in rows])):
        assert built == plain
        for a, b in zip(built, plain):
            assert list(a.__dict__.items()) == list(b.__dict__.items())
            assert a.model_fields_set == b.model_fields_set


def test_mentions_made_by_tuple_new_are_mentions():
    from gdparse.extract import responsibilities
    from gdparse.extract.clauses import Mention

    made = responsibilities._new_tuple(Mention, ("a", 1, 2))
    assert type(made) is Mention and made == Mention("a", 1, 2) and (made.agency_id, made.start, made.end) == ("a", 1, 2)
