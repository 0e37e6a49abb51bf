"""The HTML report: self-contained, escaped, every fact linked to a quote that exists."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser

import pytest

pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

from gdparse.compare import Corpus  # noqa: E402
from gdparse.model import PlanDocument, Source, Target  # noqa: E402
from gdparse.report import render  # noqa: E402
from tests.conftest import SEED_IDS, parsed  # noqa: E402


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        for key in ("src", "href", "xlink:href", "action"):
            if a.get(key) and not a[key].startswith("#"):
                self.urls.append(a[key])

    def handle_data(self, data):
        self.text.append(data)


@cache
def page() -> tuple[str, Page]:
    html = render(Corpus.from_documents(parsed(i) for i in SEED_IDS))
    p = Page()
    p.feed(html)
    return html, p


def test_self_contained() -> None:
    html, p = page()
    assert not p.urls
    assert "script" not in p.tags and "link" not in p.tags and "img" not in p.tags
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "")


def test_every_link_resolves_and_there_are_many() -> None:
    _, p = page()
    assert len(set(p.links)) > 50
    assert not [link for link in p.links if link not in p.ids]


def test_sections_plots_and_graphs() -> None:
    html, p = page()
    text = " ".join(p.text)
    for heading in ("Targets against the national strategy (2030)", "Who leads what", "How responsibilities moved",
                    "Evidence", "Bắc Ninh 2011 → Bắc Ninh 2024"):
        assert heading in text
    assert p.tags.count("svg") >= 2 + len(SEED_IDS)


def test_evidence_quotes_are_the_document_text() -> None:
    html, p = page()
    doc = parsed("003")
    target = next(t for t in doc.targets if t.indicator_id == "NS2030-1.1")
    assert target.text.split(":")[1].strip()[:30] in " ".join(p.text)


def test_document_text_is_escaped() -> None:
    text = "Chỉ tiêu 1: đạt <b>50%</b> & <script>alert(1)</script> năm 2030."
    doc = PlanDocument(source=Source(path="x.txt", sha256="0" * 64, format="txt"), text=text,
                       targets=(Target(id="tgt-1", text=text, start=0, end=len(text)),))
    html = render(Corpus.from_documents([doc]))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_missing_values_are_empty_cells() -> None:
    html, p = page()
    # Seeds 001-003 have no document number: their cells are empty, not "nan".
    assert ">nan<" not in html and ">None<" not in html
