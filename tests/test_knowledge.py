"""Knowledge as data: every file in gdparse/knowledge/data has a schema, a version and examples that
hold, and code and data agree (each test over the data entries, so an entry added to the data that
the code ignores fails here)."""

from __future__ import annotations

import pytest
import regex

import gdparse
from gdparse import registry
from gdparse.citation_graph import GENERATIONS, generation
from gdparse.compare_base import strategy_of
from gdparse.extract.clauses import leading_roles
from gdparse.extract.header import attached_to
from gdparse.extract.provinces import find_prefixed
from gdparse.knowledge import (
    agencies,
    budgets,
    columns,
    documents,
    encodings,
    indicators,
    labels,
    layout,
    loader,
    milestones,
    provinces,
    reporting,
    roles,
    signature,
    webtext,
    windows,
)
from gdparse.pipeline import raw_to_document
from gdparse.read import read_bytes
from gdparse.readers.legacy import vietnamese_score
from gdparse.rules import classify_heading, line_is
from gdparse.vietnamese import fold
from gdparse.webtext import repair_web_text

# Each data file and the accessor that loads it through its schema.
ACCESSORS = {
    "agencies.yaml": agencies.agencies,
    "budget_sources.yaml": budgets.budget_rules,
    "columns.yaml": columns.column_dictionary,
    "common_syllables.yaml": encodings.common_syllables_file,
    "document_types.yaml": documents.document_types,
    "document_windows.yaml": windows.windows_file,
    "domains.yaml": indicators.domains_file,
    "headings.yaml": layout.heading_rules,
    "labels.yaml": labels.labels_file,
    "indicator_crosswalk.yaml": indicators.crosswalk,
    "issuers.yaml": documents.issuers,
    "layout.yaml": layout.layout_rules,
    "lineage.yaml": agencies.lineage,
    "milestone_patterns.yaml": milestones.patterns_file,
    "national_documents.yaml": documents.national_catalogue,
    "national_indicators.yaml": indicators.catalogue,
    "provinces.yaml": provinces.provinces_file,
    "reporting.yaml": reporting.reporting_phrases,
    "roles.yaml": roles.roles_data,
    "signature.yaml": signature.signature_rules,
    "tcvn3.yaml": lambda: encodings.table("tcvn3"),
    "units.yaml": milestones.units_file,
    "vni.yaml": lambda: encodings.table("vni"),
    "webtext.yaml": webtext.web_text,
}


def test_every_data_file_has_a_schema() -> None:
    assert set(loader.data_names()) == set(ACCESSORS)


@pytest.mark.parametrize("name", sorted(ACCESSORS))
def test_data_file_loads_through_its_schema_with_a_version(name: str) -> None:
    ACCESSORS[name]()  # raises on a file its schema refuses
    raw = loader.read_yaml(name)
    assert isinstance(raw, dict) and isinstance(raw.get("version"), int) and raw["version"] >= 1


def _has_examples(value: object) -> bool:
    if isinstance(value, dict):
        return any((key.endswith("examples") and item) or _has_examples(item) for key, item in value.items())
    return isinstance(value, list) and any(_has_examples(item) for item in value)


@pytest.mark.parametrize("name", sorted(ACCESSORS))
def test_data_file_has_examples(name: str) -> None:
    assert _has_examples(loader.read_yaml(name))


def test_a_file_its_schema_refuses_is_named_in_one_line() -> None:
    with pytest.raises(loader.KnowledgeError, match=r"^gdparse/knowledge/data/roles\.yaml: ") as raised:
        loader.load("roles.yaml", budgets.BudgetFile)
    assert "sources: Field required" in str(raised.value) and "\n" not in str(raised.value)


def test_a_misspelt_key_is_refused() -> None:
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        roles.RolesFile.model_validate({**loader.read_yaml("roles.yaml"), "rolez": {}})


# ---------------------------------------------------------------- provinces: one table

PROVINCE_FORMS = sorted({*provinces.province_names(), *provinces.provinces_file().aliases})


@pytest.mark.parametrize("example", provinces.provinces_file().examples, ids=lambda e: e.text)
def test_province_examples(example) -> None:
    assert provinces.canonical_province(example.text) == example.province


@pytest.mark.parametrize("form", PROVINCE_FORMS)
def test_registry_and_metadata_agree_on_every_province_form(form: str) -> None:
    """The agency matcher (registry keys) and the metadata (canonical_province) read one table."""
    canonical = provinces.canonical_province(form)
    assert canonical in provinces.province_names()
    assert registry.provinces()[registry.key_of(form)] == canonical


def test_thua_thien_hue_is_hue_everywhere() -> None:
    assert provinces.canonical_province("Thừa Thiên Huế") == "Huế"
    assert registry.provinces()[registry.key_of("Thừa Thiên Huế")] == "Huế"
    assert "Huế" in provinces.central_cities()


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("example", encodings.common_syllables_file().examples)
def test_common_syllable_examples_count(example: str) -> None:
    assert vietnamese_score(example) >= 3


@pytest.mark.parametrize("alias", sorted(provinces.provinces_file().aliases))
def test_every_province_alias_is_found_in_text(alias: str) -> None:
    text = fold(f"Ủy ban nhân dân tỉnh {alias} ban hành")
    assert [name for _s, _e, name in find_prefixed(text)] == [provinces.provinces_file().aliases[alias]]


# ---------------------------------------------------------------- document types

TYPES = documents.document_types().types
ABBREVIATIONS = [(rule, abbr) for rule in TYPES for abbr in rule.abbreviations]
TITLE_WORDS = [(rule, word) for rule in TYPES for word in rule.title_words]


@pytest.mark.parametrize(("rule", "abbr"), ABBREVIATIONS, ids=lambda x: x if isinstance(x, str) else x.slug)
def test_every_abbreviation_is_recognised_in_a_citation(rule, abbr: str) -> None:
    """"TTLT 12" as well as "TT 12": the citation extractor reads the abbreviations of the data."""
    text = f"Thực hiện {abbr} số 12/2020/{abbr}-BLĐTBXH ngày 05/3/2020 của Bộ Lao động.\nThực hiện {abbr} 12 của Bộ."
    found = [(c.start, c.doc_type) for c in gdparse.parse_text(text).citations]
    second = text.index(abbr, text.index("\n"))
    assert found == [(text.index(abbr), rule.type), (second, rule.type)]


@pytest.mark.parametrize(("rule", "word"), TITLE_WORDS, ids=lambda x: x if isinstance(x, str) else x.slug)
def test_every_title_word_opens_a_title_of_its_type(rule, word: str) -> None:
    """One list for the layout's doc-type lines, the metadata's type line and the part a title opens."""
    assert line_is("doc_type", word.upper())
    text = f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\n{word.upper()}\nVề việc bình đẳng giới\n\nI. MỤC TIÊU\nNội dung.\n"
    doc = gdparse.parse_text(text)
    assert doc.metadata.doc_type == (rule.doc_type or "other")
    assert doc.sections[0].kind == (rule.part or "plan")


@pytest.mark.parametrize("word", documents.attaching_words())
def test_every_attaching_type_issues_an_attached_plan(word: str) -> None:
    """One list for the layout's attached lines and the letterhead's "kèm theo" decision."""
    line = f"(Ban hành kèm theo {word.capitalize()} số 373/QĐ-UBND ngày 08 tháng 4 năm 2024 của UBND tỉnh)"
    assert line_is("attached", line)
    assert [a.number for a in attached_to(line, fold(line))] == ["373/QĐ-UBND"]


def test_a_type_that_attaches_nothing_is_no_attached_line() -> None:
    line = "(Kèm theo Thông tư số 07/2011/TT-BLĐTBXH ngày 08/4/2011)"
    assert not line_is("attached", line) and attached_to(line, fold(line)) == ()


@pytest.mark.parametrize("rule", documents.cited_by_name(), ids=lambda r: r.slug)
def test_every_law_type_is_cited_by_name_in_every_case(rule) -> None:
    for word in rule.words:
        for written in (word.capitalize(), word.title(), word.upper()):
            (found,) = gdparse.parse_text(f"Căn cứ {written} Bình đẳng giới ngày 29 tháng 11 năm 2006;").citations
            assert (found.doc_type, found.issuer) == (rule.type, rule.issuer), written


# ---------------------------------------------------------------- signatures

SIGNATURE = signature.signature_rules()


@pytest.mark.parametrize("line", [*SIGNATURE.title.examples, *(w.upper() for w in SIGNATURE.title.words)])
def test_every_signing_title_is_a_layout_signature_line_and_a_title(line: str) -> None:
    assert line_is("signature", line)
    doc = gdparse.parse_text(f"Nội dung kế hoạch.\n\n{line}\n\n\n\nNguyễn Văn An\n")
    assert doc.metadata.signer == "Nguyễn Văn An" and doc.metadata.signer_title == line


AUTHORITY_LINES = [*SIGNATURE.authority_examples, *(f"{p.upper()} CHỦ TỊCH" for p in SIGNATURE.authority_prefixes)]


@pytest.mark.parametrize("line", AUTHORITY_LINES)
def test_every_authority_line_is_a_layout_signature_line_and_read_by_the_signature(line: str) -> None:
    assert line_is("signature", line)
    doc = gdparse.parse_text(f"Nội dung kế hoạch.\n\n{line}\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Văn An\n")
    assert doc.metadata.signer == "Nguyễn Văn An"
    # The "TM." line names the body signed for, not the signer's title.
    assert doc.metadata.signer_title == ("PHÓ CHỦ TỊCH" if line.startswith("TM.") else f"{line} / PHÓ CHỦ TỊCH")


@pytest.mark.parametrize("name", SIGNATURE.examples)
def test_signer_name_examples(name: str) -> None:
    doc = gdparse.parse_text(f"Nội dung kế hoạch.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n{name}\n")
    assert doc.metadata.signer == name


# ---------------------------------------------------------------- strategies

STRATEGIES = indicators.strategies()


@pytest.mark.parametrize("name", STRATEGIES)
def test_every_strategy_is_the_one_of_the_years_of_its_period(name: str) -> None:
    first, last = indicators.strategy_period(name)
    for years in ([first], [last], list(range(first, last + 1))):
        assert indicators.strategy_for_years(years) == name
    doc = gdparse.parse_text(f"KẾ HOẠCH\nNgày 01 tháng 02 năm {first}\n")
    doc = doc.model_copy(update={"metadata": doc.metadata.model_copy(update={"issued_date": f"{first}-02-01"})})
    assert strategy_of(doc) == name


def test_years_outside_every_strategy_go_to_the_nearest() -> None:
    first, last = indicators.strategy_period(STRATEGIES[0])[0], indicators.strategy_period(STRATEGIES[-1])[1]
    assert indicators.strategy_for_years([first - 5]) == STRATEGIES[0]
    assert indicators.strategy_for_years([last + 5]) == STRATEGIES[-1] == indicators.current_strategy()


def test_every_indicator_names_a_known_strategy() -> None:
    assert {i.strategy for i in indicators.catalogue().indicators} <= set(STRATEGIES)


# ---------------------------------------------------------------- region headings, assignee labels, roles

HEADINGS = layout.heading_rules()
NUMBER = regex.compile(r"^(?:[IVXLC]+|\d+)\.\s*")


def _regions(kind: str, text: str) -> list[str]:
    """The text of the regions of ``kind`` as the extractors get them from the document's context."""
    doc, ctx = raw_to_document(read_bytes(text.encode("utf-8"), "plan.txt"))
    return [doc.text[s:e].strip() for s, e in ctx.region(kind)]


REGION_EXAMPLES = [(kind, ex) for kind, region in HEADINGS.regions.items() for ex in region.examples]


@pytest.mark.parametrize(("kind", "example"), REGION_EXAMPLES)
def test_every_region_heading_opens_its_region_and_names_its_kind(kind: str, example: str) -> None:
    """One set of region headings: the outline's section kinds and the extractors' regions, whether
    the heading is a numbered section or a line of its own without a number."""
    assert classify_heading(NUMBER.sub("", example)) == kind
    for heading in (example, NUMBER.sub("", example)):
        text = f"KẾ HOẠCH\nI. MỞ ĐẦU\nMở đầu.\n{heading}\nNội dung của phần.\n"
        assert _regions(kind, text) == ["Nội dung của phần."], heading


@pytest.mark.parametrize("label", HEADINGS.assignee_labels)
def test_every_assignee_label_is_read_by_activities_and_tables(label: str) -> None:
    assert classify_heading(label.capitalize()) == "implementation"
    activity = f"KẾ HOẠCH\n\nII. NHIỆM VỤ\n1. Tuyên truyền về bình đẳng giới\n{label.capitalize()}: Sở Y tế.\n"
    assert [(r.agency_id, r.role) for r in gdparse.parse_text(activity).responsibilities] == [
        ("province.so_y_te", "implement")]
    table = f"PHỤ LỤC\nTT\tChỉ tiêu\t{label.capitalize()}\n1\tMục tiêu 1\t\n2\tChỉ tiêu 1\tSở Y tế\n"
    assert [(r.agency_id, r.role) for r in gdparse.parse_text(table).responsibilities] == [("province.so_y_te", "lead")]


ROLES = roles.roles_data()


@pytest.mark.parametrize("keyword", ROLES.joined_keywords)
def test_every_joined_keyword_continues_a_verb_group_without_a_comma(keyword: str) -> None:
    found, _ = leading_roles(f"Tham mưu {keyword} các sở triển khai")
    assert found[:2] == ["advise", roles.role_of_keyword(keyword)]


@pytest.mark.parametrize("joiner", [*ROLES.separators, *(f" {c}" for c in ROLES.conjunctions)])
def test_every_separator_joins_keywords(joiner: str) -> None:
    found, _ = leading_roles(f"Tham mưu{joiner} theo dõi việc triển khai")
    assert found == ["advise", "monitor"]


@pytest.mark.parametrize(("role", "example"), [(r, ex) for r, rule in ROLES.roles.items() for ex in rule.examples])
def test_role_examples_have_their_role(role: str, example: str) -> None:
    assert role in leading_roles(example)[0]


# ---------------------------------------------------------------- reporting

REPORTING = reporting.reporting_phrases()


def _duties(sentence: str) -> list[tuple[str | None, str | None]]:
    text = f"KẾ HOẠCH\n\nI. MỤC TIÊU\nNội dung.\n\nV. CHẾ ĐỘ BÁO CÁO\nSở Y tế {sentence[0].lower()}{sentence[1:]}\n"
    return [(d.frequency, d.deadline) for d in gdparse.parse_text(text).reporting]


@pytest.mark.parametrize("example", REPORTING.examples, ids=lambda e: e.text)
def test_reporting_examples(example) -> None:
    assert _duties(example.text) == [(example.frequency, example.deadline)]


@pytest.mark.parametrize(("frequency", "phrase"), [(f, p) for f, ps in REPORTING.frequencies.items() for p in ps])
def test_every_frequency_phrase_is_read(frequency: str, phrase: str) -> None:
    assert _duties(f"báo cáo kết quả {phrase} về Sở Nội vụ.") == [(frequency, None)]


@pytest.mark.parametrize("word", REPORTING.deadline_words)
def test_every_deadline_word_is_read(word: str) -> None:
    assert _duties(f"báo cáo hằng năm về Sở Nội vụ {word} ngày 15/12.") == [("annual", "15/12")]


@pytest.mark.parametrize("word", REPORTING.month_end_words)
def test_every_month_end_word_is_read(word: str) -> None:
    assert _duties(f"báo cáo hằng năm về Sở Nội vụ vào {word} 11.") == [("annual", f"{word} 11")]


# ---------------------------------------------------------------- issuers

ISSUERS = documents.issuers()
LETTERHEAD_END = "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\nVề bình đẳng giới\n"


@pytest.mark.parametrize("example", [ex for rule in ISSUERS.cited for ex in rule.examples])
def test_every_cited_issuer_is_read_after_a_citation(example: str) -> None:
    (found,) = gdparse.parse_text(f"Căn cứ Quyết định số 12/QĐ-XYZ ngày 05/3/2020 của {example};").citations
    assert found.issuer == example


@pytest.mark.parametrize("example", ISSUERS.national_examples)
def test_national_issuers_give_a_national_document(example: str) -> None:
    assert documents.is_national_issuer(fold(example))
    if example.startswith(("Bộ", "Ban")):  # the bodies a letterhead names before the motto
        assert gdparse.parse_text(example.upper() + LETTERHEAD_END).metadata.province == "national"


@pytest.mark.parametrize(("name", "example"), [(r.name, ex) for r in ISSUERS.canonical for ex in r.examples])
def test_canonical_issuer_examples(name: str, example: str) -> None:
    assert documents.canonical_issuer(fold(example)) == name
    letterhead = example.upper() if " TỈNH " in example.upper() else f"{example.upper()}\nTỈNH BẮC NINH"
    meta = gdparse.parse_text(letterhead + LETTERHEAD_END).metadata
    unit = "thành phố" if meta.province in provinces.central_cities() else "tỉnh"
    assert meta.issuer == f"{name} {unit} {meta.province}"


# ---------------------------------------------------------------- windows

WINDOWS = windows.windows_file()


def _fact(line: str, at: int, fact: str) -> object:
    padding = ("Tăng cường truyền thông.\n" * (at // 10 + 1))[:at]
    return getattr(gdparse.parse_text(padding[:-1] + "\n" + line + "\n\nNội dung.\n").metadata, fact)


@pytest.mark.parametrize("example", WINDOWS.examples, ids=lambda e: e.window)
def test_a_fact_is_read_inside_its_window_only(example) -> None:
    window = getattr(WINDOWS.windows, example.window)
    assert _fact(example.line, window - len(example.line) - 2, example.fact) == example.value
    assert _fact(example.line, window + 2, example.fact) != example.value


# ---------------------------------------------------------------- what a target measures

MEASURE = milestones.patterns_file().measure


def _measures(sentence: str) -> list[str | None]:
    doc = gdparse.parse_text(f"KẾ HOẠCH\n\nI. MỤC TIÊU\n2. Chỉ tiêu\n- Chỉ tiêu 1: {sentence}\n")
    return [t.indicator for t in doc.targets]


@pytest.mark.parametrize("example", MEASURE.examples, ids=lambda e: e.measure)
def test_measure_examples(example) -> None:
    assert _measures(example.text) == [example.measure]


@pytest.mark.parametrize("noun", MEASURE.nouns)
def test_every_measure_noun_starts_a_measure(noun: str) -> None:
    assert _measures(f"Phấn đấu {noun} nữ tham gia cấp ủy đạt 30% vào năm 2030.") == [f"{noun} nữ tham gia cấp ủy"]


@pytest.mark.parametrize("word", MEASURE.level_words)
def test_every_level_word_ends_a_measure(word: str) -> None:
    assert _measures(f"Tỷ lệ nữ tham gia cấp ủy {word} 30% vào năm 2030.")[0] == "Tỷ lệ nữ tham gia cấp ủy"


# ---------------------------------------------------------------- portal text

WEB = webtext.web_text()


@pytest.mark.parametrize("example", WEB.examples, ids=lambda e: e.text)
def test_web_text_examples(example) -> None:
    assert repair_web_text(example.text) == example.repaired


@pytest.mark.parametrize("line", WEB.navigation_lines)
def test_every_navigation_line_counts_towards_a_portal_page(line: str) -> None:
    """Two navigation lines before the letterhead: the tested one and a second one."""
    assert repair_web_text(f"{line.capitalize()}\nLiên hệ\nỦY BAN NHÂN DÂN\nTỈNH X") == "ỦY BAN NHÂN DÂN\nTỈNH X"


@pytest.mark.parametrize("phrase", WEB.split_phrases)
def test_every_split_phrase_is_joined_across_a_line_break(phrase: str) -> None:
    first, second = phrase.split()
    assert repair_web_text(f"Nội dung {first}\n{second} tiếp theo") == f"Nội dung {phrase} tiếp theo"


# ---------------------------------------------------------------- plan generations

CATALOGUE = documents.national_catalogue()
_PLAN = gdparse.parse_text("KẾ HOẠCH\nVề bình đẳng giới\n")


def _generation(start: int, end: int) -> str | None:
    meta = _PLAN.metadata.model_copy(update={"period_start": start, "period_end": end})
    return generation(_PLAN.model_copy(update={"metadata": meta}))


@pytest.mark.parametrize("example", CATALOGUE.generation_examples, ids=lambda e: e.generation)
def test_generation_examples(example) -> None:
    assert _generation(*example.period) == example.generation


@pytest.mark.parametrize("index", range(len(CATALOGUE.generations)))
def test_every_generation_is_given_to_the_plans_that_start_in_it(index: int) -> None:
    this = CATALOGUE.generations[index]
    first = CATALOGUE.generations[index - 1].until + 1 if index else 1990
    last = this.until if this.until is not None else first + 10
    assert {_generation(year, year + 4) for year in range(first, last + 1)} == {this.name}
    assert this.name in GENERATIONS


@pytest.mark.parametrize("example", documents.document_types().party_symbols.examples, ids=lambda e: e.written)
def test_symbol_examples_are_canonical(example) -> None:
    assert documents.canonical_number(example.written) == example.canonical


@pytest.mark.parametrize(("code", "body"), [(c, b) for c in documents.document_types().party_symbols.types
                                            for b in documents.document_types().party_symbols.bodies])
def test_every_party_symbol_is_read_in_party_form(code: str, body: str) -> None:
    assert documents.canonical_number(f"12/{code}-{body}") == f"12-{code}/{body}"
