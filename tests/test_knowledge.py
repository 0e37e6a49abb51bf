"""Knowledge as data: every file in gdparse/knowledge/data has a schema, a version and examples that
hold, and code and data agree (each test over the data entries, so an entry added to the data that
the code ignores fails here)."""

from __future__ import annotations

import pytest

from gdparse import registry
from gdparse.extract.provinces import find_prefixed
from gdparse.knowledge import (
    agencies,
    budgets,
    columns,
    documents,
    encodings,
    indicators,
    layout,
    loader,
    milestones,
    provinces,
    roles,
    signature,
)
from gdparse.readers.legacy import vietnamese_score
from gdparse.vietnamese import fold

# Each data file and the accessor that loads it through its schema.
ACCESSORS = {
    "agencies.yaml": agencies.agencies,
    "budget_sources.yaml": budgets.budget_rules,
    "columns.yaml": columns.column_dictionary,
    "common_syllables.yaml": lambda: loader.load("common_syllables.yaml", encodings.CommonSyllables),
    "document_types.yaml": documents.document_types,
    "domains.yaml": indicators.domains_file,
    "headings.yaml": layout.heading_rules,
    "indicator_crosswalk.yaml": indicators.crosswalk,
    "layout.yaml": layout.layout_rules,
    "lineage.yaml": agencies.lineage,
    "milestone_patterns.yaml": milestones.patterns_file,
    "national_documents.yaml": documents.national_catalogue,
    "national_indicators.yaml": indicators.catalogue,
    "provinces.yaml": provinces.provinces_file,
    "roles.yaml": roles.roles_data,
    "signature.yaml": signature.signature_rules,
    "tcvn3.yaml": lambda: encodings.table("tcvn3"),
    "units.yaml": milestones.units_file,
    "vni.yaml": lambda: encodings.table("vni"),
}


def test_every_data_file_has_a_schema() -> None:
    assert set(loader.data_names()) == set(ACCESSORS)


@pytest.mark.parametrize("name", sorted(ACCESSORS))
def test_data_file_loads_through_its_schema_with_a_version(name: str) -> None:
    ACCESSORS[name]()  # raises on a file its schema refuses
    raw = loader.read_yaml(name)
    assert isinstance(raw, dict) and isinstance(raw.get("version"), int) and raw["version"] >= 1


@pytest.mark.parametrize("name", sorted(ACCESSORS))
def test_data_file_has_examples(name: str) -> None:
    assert "examples" in loader.read_text(name)


def test_a_misspelt_key_names_the_file() -> None:
    with pytest.raises(loader.KnowledgeError, match=r"gdparse/knowledge/data/roles\.yaml"):
        raise loader.KnowledgeError("roles.yaml", "unknown key")
    with pytest.raises(Exception, match="extra"):
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

@pytest.mark.parametrize("example", encodings.CommonSyllables.model_validate(
    loader.read_yaml("common_syllables.yaml")).examples)
def test_common_syllable_examples_count(example: str) -> None:
    assert vietnamese_score(example) >= 3


@pytest.mark.parametrize("alias", sorted(provinces.provinces_file().aliases))
def test_every_province_alias_is_found_in_text(alias: str) -> None:
    text = fold(f"Ủy ban nhân dân tỉnh {alias} ban hành")
    assert [name for _s, _e, name in find_prefixed(text)] == [provinces.provinces_file().aliases[alias]]
