"""Comparison tables over the seed corpus: alignment with the national strategy, responsibilities
with lineage, coverage; and the data those rules rest on."""

from __future__ import annotations

from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from gdparse.compare import Corpus  # noqa: E402
from gdparse.compare_base import (  # noqa: E402
    ambition,
    effective,
    format_milestone,
    indicator_parts,
    lower_is_better,
    national_level,
)
from gdparse.errors import GdparseError  # noqa: E402
from gdparse.extract.indicators import match_indicator  # noqa: E402
from gdparse.knowledge.indicators import crosswalk, current_indicator, indicator  # noqa: E402
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


def _parse_outputs(out, *seeds: str, fmt: str = "json") -> None:
    from gdparse.cli import main
    from tests.conftest import seed_path

    args = ["parse", *(str(seed_path(s)) for s in seeds), "-o", str(out), "--format", fmt, "--jobs", "1"]
    assert main([*args, "--no-progress"]) == 0


def test_load_reads_every_output_gdparse_writes(tmp_path) -> None:
    _parse_outputs(tmp_path / "json", "002", "004")
    _parse_outputs(tmp_path / "jsonl", "000", fmt="jsonl")
    (tmp_path / "json" / "errors.jsonl").write_text("", encoding="utf-8")
    from_folder = Corpus.load(tmp_path / "json")
    assert sorted(d.source.sha256 for d in from_folder.documents) == sorted(
        parsed(s).source.sha256 for s in ("002", "004"))
    assert not from_folder.failures
    assert len(Corpus.load(tmp_path / "jsonl")) == 1
    (single,) = (tmp_path / "json").glob("004*.json")
    assert Corpus.load(single).documents[0].text == parsed("004").text
    assert len(Corpus.load(tmp_path)) == 3  # both folders at once


def test_load_keeps_a_document_found_twice_once(tmp_path) -> None:
    _parse_outputs(tmp_path, "002")
    _parse_outputs(tmp_path, "002", fmt="jsonl")  # the same plan as documents.jsonl beside its .json
    c = Corpus.load(tmp_path)
    assert len(c) == 1
    assert [reason for path, reason in c.skipped if "kept once" in reason]
    assert "errors.jsonl empty when nothing failed" in dict(c.skipped)[str(tmp_path / "errors.jsonl")]


def test_load_tells_gold_annotations_from_documents_by_content(tmp_path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "002.txt").write_text(parsed("002").text, encoding="utf-8")  # a user's plans in a folder named gold
    (gold / "002.json").write_bytes((ROOT / "corpora" / "gold" / "002.json").read_bytes())
    c = Corpus.load(tmp_path)
    assert len(c) == 1 and not c.failures
    assert [(path, "gold annotation" in reason) for path, reason in c.skipped] == [(str(gold / "002.json"), True)]
    with pytest.raises(GdparseError, match="gold annotation"):
        Corpus.load(gold / "002.json")


def test_load_of_the_repository_corpus_skips_gold_and_manifest() -> None:
    c = Corpus.load(ROOT / "corpora")
    assert len(c) == 5 and not c.failures
    assert {Path(path).name for path, _ in c.skipped} == {"manifest.csv", *(f"00{i}.json" for i in range(5))}


def test_load_of_a_missing_path_is_file_not_found(tmp_path) -> None:
    from gdparse.errors import InputNotFoundError

    with pytest.raises(FileNotFoundError) as info:
        Corpus.load(tmp_path / "nowhere")
    assert isinstance(info.value, InputNotFoundError) and "nowhere" in str(info.value)


def test_load_warns_when_a_folder_holds_nothing_readable(tmp_path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    with pytest.warns(UserWarning, match="no plan files and no gdparse documents"):
        c = Corpus.load(tmp_path)
    assert len(c) == 0 and c.skipped
    with pytest.raises(KeyError, match="the corpus is empty"):
        c.get("003")


def test_unknown_plan_names_the_ids() -> None:
    with pytest.raises(KeyError, match="003_lang-son"):
        corpus().get("999")
    with pytest.raises(KeyError, match="did you mean 'Lạng Sơn 2026'"):
        corpus().get("Lang Son 2026")


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
