"""Linear time on pathological inputs, checked so that a fast machine cannot hide a quadratic.

Each input is parsed whole (``gdparse.parse_text``) at a size n and at 4n. Work that grows linearly
takes about 4 times the CPU time at 4n, quadratic work about 16 times, whatever the machine's speed:
the test asserts a ratio under 6. Each time is the least of two runs (noise only adds time; the first
run also fills the caches), and n grows until the run at n takes at least 0.08 s, so that fixed costs
and timer noise do not flatten the ratio on a fast machine. The garbage collector is paused while a
run is timed: its full passes visit every live object, and where one falls (at 4n, not at n) would
count against the parser work it did not do.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest
import regex

import gdparse
from gdparse import webtext

SCALE = 4
LIMIT = 6.0  # linear: about 4; quadratic: about 16
REPEATS = 2
MIN_CPU = 0.08  # seconds of the run at n, at least
TAB = "\t"


def nested_divs(n: int) -> str:
    return "<html><body>" + "<div>" * n + "Nội dung" + "</div>" * n + "</body></html>"


def spaces_and_tabs(n: int) -> str:
    return " " * n + "x\n" + TAB * n + "y\n" + "\u00a0\t" * (n // 2)


def numbers_and_slashes(n: int) -> str:
    return "/".join(str(i % 10) for i in range(n))


def plan_with_targets(n: int) -> str:
    """Many targets of the same number (each one's id was found by trying every suffix before)."""
    return "I. MỤC TIÊU\n2. Mục tiêu cụ thể\n" + "- Chỉ tiêu 1: Tỷ lệ nữ đạt 50% vào năm 2030.\n" * n


# name -> (the input at size n, n, format). Each n makes the run at n take about 0.1 s on a small 2-core
# machine; the test doubles it on a faster one.
INPUTS: dict[str, tuple[Callable[[int], str], int, str]] = {
    "run of blank lines": (lambda n: "Dòng đầu\n" + "\n" * n + "Dòng sau", 600_000, "txt"),
    "blank lines of spaces and tabs": (lambda n: "Dòng đầu\n" + " \t \n" * n + "Dòng sau", 60_000, "txt"),
    "nested <div> (1 MB at 4n)": (nested_divs, 23_000, "html"),
    "unclosed <!-- comments": (lambda n: "a<!--" * n, 90_000, "html"),
    "unclosed <script> tags": (lambda n: "KẾ HOẠCH" + "<script>" * n, 60_000, "html"),
    "unclosed <div tags": (lambda n: "<div" * n, 340_000, "html"),
    "runs of spaces and tabs": (spaces_and_tabs, 40_000, "txt"),
    "a line without spaces": (lambda n: "x/" * (n // 2), 350_000, "txt"),
    "many '-' bullets": (lambda n: "- Tăng cường công tác tuyên truyền\n" * n, 12_000, "txt"),
    "deep numbering 1.1.1.1": (lambda n: "1." * n + "\n" + "1.1.1.1.1.1 " * (n // 5), 200_000, "txt"),
    "unbalanced **": (lambda n: "**" * n + "a", 70_000, "txt"),
    "bold and italic words": (lambda n: "**a** *b* " * n, 7_000, "txt"),
    "repeated căn cứ": (lambda n: "căn cứ " * n, 170_000, "txt"),
    "numbers and slashes 1/2/3/4": (numbers_and_slashes, 50_000, "txt"),
    "runs of dots": (lambda n: "Mục lục" + "." * n + " 5\n", 1_000_000, "txt"),
    "runs of ellipses": (lambda n: "Mục lục" + "…" * n + " 5\n", 1_100_000, "txt"),
    "a very long Vietnamese word": (lambda n: "nghiêng" * (n // 7), 1_900_000, "txt"),
    "repeated agency names": (lambda n: "Sở Nội vụ " * n, 11_000, "txt"),
    "many carriage returns": (lambda n: "Dòng\r" + "\r" * n + "dòng", 130_000, "txt"),
    "tabs-only lines": (lambda n: "Dòng\n" + "\t\n" * n + "dòng", 60_000, "txt"),
    "many footnote markers": (lambda n: "Văn bản¹ " * n, 15_000, "txt"),
    "laws in the preamble": (lambda n: "Căn cứ Luật Bình đẳng giới;\n" * n, 3_000, "txt"),
    "laws on one line": (lambda n: "Căn cứ " + "Luật Bình đẳng giới, " * n, 5_000, "txt"),
    "repeated kèm": (lambda n: "kèm " * n, 60_000, "txt"),
    "repeated thảo": (lambda n: "thảo " * n, 100_000, "txt"),
    "targets of one number": (plan_with_targets, 1_000, "txt"),
    "a long enumeration of agencies": (lambda n: "Các sở: " + "Sở Nội vụ, " * n + "\n", 2_000, "txt"),
    "tabs after the number line": (lambda n: "Số" + TAB * n + "x\n", 350_000, "txt"),
    "tabs after a citation": (lambda n: "Căn cứ Quyết định số 12/QĐ-UBND" + TAB * n + "của x\n", 230_000, "txt"),
    "tabs after ngày": (lambda n: "Hà Nội, ngày" + TAB * n + "x\n", 330_000, "txt"),
    "spaces in a pipe row": (lambda n: "| a" + " " * n + "b | c |\n", 900_000, "txt"),
}


def _cpu(text: str, fmt: str) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        gdparse.parse_text(text, path=f"input.{fmt}", format=fmt)
        return time.process_time() - start
    finally:
        gc.enable()


def _least_cpu(text: str, fmt: str, runs: int = REPEATS) -> float:
    return min(_cpu(text, fmt) for _ in range(runs))


@pytest.mark.parametrize("name", list(INPUTS))
def test_cpu_time_grows_linearly_with_input_size(name: str) -> None:
    build, n, fmt = INPUTS[name]
    small = _least_cpu(build(n), fmt)
    while small < MIN_CPU and n < 64 * INPUTS[name][1]:  # a faster machine: a bigger n
        n *= 2
        small = _least_cpu(build(n), fmt)
    large = _least_cpu(build(SCALE * n), fmt)
    if large / small >= LIMIT:  # a busy machine slows some runs: two more of each before failing
        small = min(small, _least_cpu(build(n), fmt))
        large = min(large, _least_cpu(build(SCALE * n), fmt))
    assert large / small < LIMIT, f"{name}: {small:.3f} s at n={n}, {large:.3f} s at {SCALE}n (x{large / small:.1f})"


def test_no_syllable_is_longer_than_the_bound_that_keeps_splitting_linear() -> None:
    """``webtext._split`` tries heads of at most ``_LONGEST_SYLLABLE`` letters and no token of more than
    three syllables: the bound must be the longest string the syllable pattern accepts."""
    initial, vowel, final = regex.findall(r"\(\?:([^()]*)\)", webtext._SYLLABLE.pattern)
    longest = sum(max(1 if a.startswith("[") else len(a) for a in part.split("|")) for part in (initial, vowel, final))
    assert longest == webtext._LONGEST_SYLLABLE
    assert webtext._is_syllable("nghuyêng") and not webtext._is_syllable("nghuyêngh")
    word = "nghiêng" * 20_000  # split point by split point, this recursed once per syllable
    assert webtext.split_glued_words(word) == []
