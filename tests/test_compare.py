"""Comparison tables over the seed corpus: alignment with the national strategy, responsibilities
with lineage, coverage; and the data those rules rest on."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

from gdparse.compare import Corpus  # noqa: E402
from gdparse.compare_base import (  # noqa: E402
    ambition,
    crosswalk,
    current_indicator,
    effective,
    format_milestone,
    indicator_parts,
    lower_is_better,
    national_level,
)
from gdparse.extract.indicators import indicator, match_indicator  # noqa: E402
from tests.conftest import ROOT, parsed, seed_corpus  # noqa: E402


def corpus() -> Corpus:
    return seed_corpus()


def test_load_folder_skips_gold_and_names_plans() -> None:
    c = Corpus.load(ROOT / "corpora" / "seeds")
    assert len(c) == 5 and not c.failures
    assert c.labels[c.id_of("003")] == "Lạng Sơn 2026"
    assert c.get("Bắc Ninh 2024") is c.get("004")


def test_load_reads_jsonl_and_reports_bad_files(tmp_path) -> None:
    good = tmp_path / "docs.jsonl"
    good.write_text(parsed("002").model_dump_json() + "\n", encoding="utf-8")
    assert Corpus.load(good).documents[0].text == parsed("002").text
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    from gdparse.errors import GdparseError

    with pytest.raises(GdparseError, match="bad.json"):
        Corpus.load(bad)


def test_unknown_plan_names_the_ids() -> None:
    with pytest.raises(KeyError, match="003_lang-son"):
        corpus().get("999")


def test_side_by_side_lang_son_bac_ninh_national_2030() -> None:
    table = corpus().side_by_side(["003", "004"], year=2030)
    assert len(table) >= 10
    assert {"national", "Lạng Sơn 2026", "Bắc Ninh 2024"} <= set(table.columns)
    assert table.loc["NS2030-1.1", ["national", "Lạng Sơn 2026", "Bắc Ninh 2024"]].tolist() == [75, 75, 75]
    assert table.loc["NS2030-4.1", "national"] == 109


@pytest.mark.parametrize(("plan", "indicator_id", "year", "value", "vs", "timing"), [
    ("004", "NS2030-3.2a", 2025, 90, "more", "earlier"),   # "đạt 90% (TW 80)": own level chosen
    ("004", "NS2030-2.2", 2030, 10, "more", None),         # below 10% in agriculture; lower is better
    ("004", "NS2030-5.2", 2030, 35, "less", "same"),
    ("003", "NS2030-1.1", 2030, 75, "same", "same"),
    ("003", "NS2030-3.2b", 2030, 70, "same", "same"),      # split from the combined Chỉ tiêu 2
    ("004", "NS2030-4.2", 2030, 42, "same", "same"),       # "dưới 42" against national "< 42"
])
def test_alignment_rows(plan, indicator_id, year, value, vs, timing) -> None:
    df = corpus().targets()
    row = df[(df["plan_id"] == corpus().id_of(plan)) & (df["indicator_id"] == indicator_id)
             & (df["year"] == year) & df["chosen"]]
    assert len(row) == 1
    r = row.iloc[0]
    timing_got = None if pd.isna(r["timing_vs_national"]) else r["timing_vs_national"]
    assert (r["value"], r["vs_national"], timing_got) == (value, vs, timing)
    doc = corpus().get(plan)
    assert doc.text[r["start"]:r["end"]] and r["quote"] == doc.text[r["target_start"]:r["target_end"]]


def test_rank_among_plans_orders_ambition() -> None:
    df = corpus().targets()
    rows = df[(df["indicator_id"] == "NS2030-2.2") & (df["year"] == 2030) & df["chosen"]].set_index("plan")
    assert rows.loc["Bắc Ninh 2024", "rank_among_plans"] == 1
    assert rows.loc["Lạng Sơn 2026", "rank_among_plans"] == 2


def test_responsibilities_mapped_on_request_and_marked() -> None:
    plain = corpus().responsibilities()
    mapped = corpus().responsibilities(map_successors=True)
    assert len(plain) == len(mapped) and not plain["mapped"].any()
    moved = mapped[mapped["agency_as_written"] == "province.so_lao_dong_tbxh"]
    assert len(moved) > 10
    assert (moved["agency_id"] == "province.so_noi_vu").all() and moved["mapped"].all()
    assert moved["lineage"].str.contains("2025-03-01").all()
    assert "province.so_lao_dong_tbxh" not in set(mapped["agency_id"])


def test_responsibility_matrix_is_agency_by_domain() -> None:
    m = corpus().responsibility_matrix(map_successors=True)
    assert m.index.names == ["plan", "agency"]
    assert m.loc[("Lạng Sơn 2026", "Sở Y tế"), "health"] > 0


def test_coverage_statuses() -> None:
    cov = corpus().coverage().set_index(["plan", "indicator_id"])
    assert cov.loc[("Lạng Sơn 2026", "NS2030-3.2a"), "status"] == "adopted"  # through the combined target
    assert cov.loc[("Hưng Yên 2011", "NS2020-4.1"), "status"] == "dropped"
    added = corpus().coverage().query("plan == 'Lạng Sơn 2026' and status == 'added'")
    assert added["target_text"].str.contains("dân tộc thiểu số").any()


def test_tables_are_new_objects() -> None:
    a, b = corpus().targets(), corpus().targets()
    a.loc[:, "value"] = 0
    assert (b["value"].fillna(1) != 0).any()


# ---------------------------------------------------------------- rules and data


@pytest.mark.parametrize(("indicator_id", "lower"), [
    ("NS2030-1.1", False), ("NS2030-4.1", True), ("NS2030-2.2", True), ("NS2030-3.1", True),
    ("NS2030-6.1", False), ("NS2020-4.1", True),
])
def test_lower_is_better(indicator_id: str, lower: bool) -> None:
    assert lower_is_better(indicator(indicator_id)) is lower


@pytest.mark.parametrize(("value", "comparator", "reference", "ref_comparator", "lower", "expected"), [
    (90, "=", 80, "=", False, "more"),
    (60, ">", 60, "=", False, "more"),
    (42, "<", 42, "<", True, "same"),
    (111, "=", 109, "=", True, "less"),
    (35, "=", 40, "=", False, "less"),
])
def test_ambition(value, comparator, reference, ref_comparator, lower, expected) -> None:
    assert ambition(effective(value, comparator, lower), effective(reference, ref_comparator, lower), lower) == expected


@pytest.mark.parametrize(("indicator_id", "year", "value"), [
    ("NS2030-1.1", 2030, 75), ("NS2030-3.3", 2030, 100), ("NS2030-6.4", 2024, 100), ("NS2030-3.2", 2030, None),
])
def test_national_level(indicator_id: str, year: int, value) -> None:
    level = national_level(indicator_id, year)
    assert (level.value if level else None) == value


def test_indicator_parts() -> None:
    assert indicator_parts("NS2030-3.2") == ("NS2030-3.2a", "NS2030-3.2b")
    assert indicator_parts("NS2030-4.1") == ()


@pytest.mark.parametrize(("args", "text"), [
    ((30.0, "%", ">=", 2030), ">= 30% by 2030"),
    ((100.0, "%", "=", 2025, "from_year"), "100% from 2025"),
    ((109.0, "per 100 girls", "=", 2030), "109 per 100 girls by 2030"),
    ((None, None, None, 2015), "(no value) by 2015"),
])
def test_format_milestone(args, text: str) -> None:
    assert format_milestone(*args) == text


@pytest.mark.parametrize("pair", crosswalk().pairs, ids=lambda p: f"{p.old}->{p.new}")
def test_crosswalk_examples(pair) -> None:
    assert indicator(pair.old).domain == indicator(pair.new).domain
    assert current_indicator(pair.old) == pair.new
    for old_text, new_text in pair.examples:
        assert match_indicator(old_text, "2011-2020")[0] == pair.old, old_text
        assert match_indicator(new_text, "2021-2030")[0] == pair.new, new_text
