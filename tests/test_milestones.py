"""Milestones: value, unit, comparator, deadline, baseline and reference from target wording."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gdparse.extract.milestones import find_milestones
from gdparse.extract.quantities import parse_number
from gdparse.extract.rules import compiled
from gdparse.knowledge.milestones import patterns_file, units_file
from gdparse.vietnamese import fold


def milestones(text: str):
    return find_milestones(text, fold(text), 0, len(text))


def brief(text: str) -> list[tuple]:
    return [(m.value, m.unit, m.comparator, m.year) for m in milestones(text)]


@pytest.mark.parametrize(
    ("raw", "value"),
    [("3,5", 3.5), ("100.000", 100000.0), ("04", 4.0), ("23,17", 23.17), ("1.000", 1000.0), ("60", 60.0)],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chỉ tiêu 1: Đến năm 2025 đạt 60% và đến năm 2030 đạt 75% các cơ quan",
         [(60.0, "%", "=", 2025), (75.0, "%", "=", 2030)]),
        ("Tỷ lệ nữ làm chủ doanh nghiệp đạt 30% vào năm 2015.", [(30.0, "%", "=", 2015)]),
        ("đạt không dưới 40% và giảm tỷ lệ thất nghiệp xuống dưới 3,5% vào năm 2015.",
         [(40.0, "%", ">=", 2015), (3.5, "%", "<", 2015)]),
        ("Tỷ số giới tính khi sinh không vượt quá 113 trẻ sơ sinh trai/100 trẻ sơ sinh gái vào năm 2015.",
         [(113.0, "per 100 girls", "<=", 2015)]),
        ("giảm tỷ lệ tử vong bà mẹ xuống 50/100.000 trẻ đẻ sống vào năm 2015",
         [(50.0, "per 100,000 live births", "=", 2015)]),
        ("Đến năm 2015 giảm 80% sản phẩm văn hoá mang định kiến giới.", [(80.0, "%", "change", 2015)]),
        ("còn 1,4 lần vào năm 2030 so với nam giới", [(1.4, "times", "=", 2030)]),
        ("tăng tỷ lệ lao động nữ làm công hưởng lương đạt trên 60% vào năm 2030.", [(60.0, "%", ">", 2030)]),
        ("lên đạt 50% vào năm 2025 và khoảng 60% vào năm 2030",
         [(50.0, "%", "=", 2025), (60.0, "%", "approx", 2030)]),
        ("tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt từ 30% trở lên vào năm 2030",
         [(30.0, "%", ">=", 2030)]),
        ("phấn đấu đến năm 2030 có ít nhất một cơ sở y tế tuyến tỉnh", [(1.0, "facilities", ">=", 2030)]),
        ("Phấn đấu đạt tỷ lệ nữ thạc sỹ đạt 30%; nữ tiến sỹ đạt 20% vào năm 2020",
         [(30.0, "%", "=", 2020), (20.0, "%", "=", 2020)]),
        # a condition on the population is not a commitment
        ("Phấn đấu đến năm 2015, 50% cơ quan có lãnh đạo chủ chốt là nữ nếu ở cơ quan có tỷ lệ nữ từ 30% trở lên.",
         [(50.0, "%", "=", 2015)]),
        # ages, dates, document numbers and money are never values
        ("lao động nữ nông thôn dưới 45 tuổi được đào tạo nghề đạt 40%", [(40.0, "%", "=", None)]),
        ("trong độ tuổi từ 15 đến 40 duy trì 98%", [(98.0, "%", "=", None)]),
        ("theo Quyết định số 948/QĐ-UBND ngày 08/8/2011, kinh phí 5 tỷ 800 triệu đồng", []),
        ("Văn bản 1563/UBND-KGVX ngày 18/06/2018 của UBND tỉnh", []),
    ],
)
def test_milestones(text: str, expected: list[tuple]) -> None:
    assert brief(text) == expected


def test_range_recurrence_and_term() -> None:
    ms = milestones("Phấn đấu, từ năm 2020 trở đi: nữ đại biểu HĐND đạt từ 35% đến 40%; "
                    "hằng năm bảo đảm ít nhất 40% cho mỗi giới")
    assert (ms[0].value, ms[0].value_high, ms[0].comparator, ms[0].recurrence) == (35.0, 40.0, "range", "from_year")
    assert (ms[1].value, ms[1].recurrence, ms[1].year) == (40.0, "annual", None)
    term = milestones("tỷ lệ nữ đại biểu HĐND nhiệm kỳ 2016-2021 từ 35% trở lên")[0]
    assert (term.term, term.year, term.comparator) == ("2016-2021", 2021, ">=")


def test_baseline_and_reference() -> None:
    ms = milestones("Tỷ suất sinh ở vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18/1.000 vào năm 2025 "
                    "và dưới 18/1.000 vào năm 2030.")
    assert [(m.value, m.baseline_value, m.unit, m.comparator) for m in ms] == [
        (18.0, 23.0, "per 1,000 women", "="), (18.0, 23.0, "per 1,000 women", "<")]
    ref = milestones("xuống dưới 20% (TW 30) vào năm 2025")[0]
    assert (ref.value, ref.reference_value, ref.reference_source) == (20.0, 30.0, "TW")
    base_year = milestones("lên 50% vào năm 2015 so với năm 2010")[0]
    assert (base_year.year, base_year.baseline_year) == (2015, 2010)


def test_count_unit_takes_its_period() -> None:
    ms = milestones("100% xã, phường, mỗi quý có ít nhất có 04 tin, bài về bình đẳng giới")
    assert [(m.value, m.unit, m.comparator) for m in ms] == [(100.0, "%", "="), (4.0, "news items per quarter", ">=")]


def test_deadline_without_value() -> None:
    ms = milestones("Đến năm 2015 bố trí đủ cán bộ làm công tác bình đẳng giới")
    assert [(m.value, m.year) for m in ms] == [(None, 2015)]
    assert find_milestones("bố trí đủ cán bộ", fold("bố trí đủ cán bộ"), 0, 16) == []


def _pattern_rules():
    p = patterns_file()
    for r in p.times:
        yield r.name, r.pattern, r.examples
    for r in p.exclusions:
        yield r.name, r.pattern, r.examples
    yield "reference", p.reference.pattern, p.reference.examples


@pytest.mark.parametrize(("name", "pattern", "examples"), list(_pattern_rules()))
def test_pattern_rule_examples(name: str, pattern: str, examples: list[str]) -> None:
    assert examples, f"rule {name} has no examples"
    for example in examples:
        assert regex.search(pattern, fold(example)), f"{name} does not match {example!r}"


@pytest.mark.parametrize("rule", units_file().units, ids=lambda r: r.name)
def test_unit_examples(rule) -> None:
    for example in rule.examples:
        ms = milestones("đạt " + example)
        assert ms and ms[0].unit and ms[0].unit.startswith(rule.name), f"{example!r} -> {ms}"


@pytest.mark.parametrize("rule", patterns_file().comparators, ids=lambda r: r.name)
def test_comparator_examples(rule) -> None:
    for example in rule.examples:
        assert milestones(example)[0].comparator == rule.name


def test_rules_compile_once() -> None:
    assert compiled() is compiled()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 %,./-()ađtrênmăọlầu\nTWnăm2030dướihơn")), max_size=120))
def test_spans_hold_their_number(text: str) -> None:
    for m in milestones(text):
        assert 0 <= m.start <= m.end <= len(text)
        if m.value is not None and m.unit not in ("facilities", "times"):
            assert regex.search(r"\d", text[m.start:m.end])
