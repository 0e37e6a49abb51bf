"""Word's automatic numbering (numbering.xml): the literal label ("II.", "2.1.", "a)") that Word
draws before a numbered paragraph and that the paragraph's text does not contain."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # isLgl: every level drawn as a decimal
    bold: bool | None = None  # the label's own weight (lvl/rPr), if set


@dataclass
class Numbering:
    """Level definitions per list instance (numId) and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    starts: dict[str, dict[int, int]] = field(default_factory=dict)  # lvlOverride/startOverride
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    def level(self, num_id: str, ilvl: int) -> Level:
        return self.levels.get(num_id, {}).get(ilvl, Level())

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counters of ``num_id`` at ``ilvl`` and return the label Word draws."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return None
        level = levels.get(ilvl, Level())
        counters = self.counters.setdefault(num_id, [None] * 9)
        ilvl = max(0, min(ilvl, 8))
        current = counters[ilvl]
        start = self.starts.get(num_id, {}).get(ilvl, level.start)
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            return "-" if not level.text.strip() or not level.text.strip()[0].isalnum() else level.text.strip()
        if level.fmt == "none":
            return level.text.strip() or None
        out = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token not in out:
                continue
            lvl_k = levels.get(k, Level())
            value = counters[k] if counters[k] is not None else self.starts.get(num_id, {}).get(k, lvl_k.start)
            fmt = "decimal" if (level.legal and k < ilvl) else lvl_k.fmt
            out = out.replace(token, format_number(value, fmt))
        return out.strip() or None


def format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letters = _letters(value)
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(n: int) -> str:
    out = []
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb … (not spreadsheet-style ab, ac).
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def numbering_from_xml(root: Element | None) -> Numbering:
    """Parse numbering.xml into level definitions per numId."""
    numbering = Numbering()
    if root is None:
        return numbering
    abstract: dict[str, dict[int, Level]] = {}
    for a in root.iter(W + "abstractNum"):
        levels = {}
        for lvl in a.iter(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            levels[ilvl] = Level(
                fmt=_val(lvl, "numFmt") or "decimal",
                text=_val(lvl, "lvlText") or "",
                start=int(_val(lvl, "start") or 1),
                legal=lvl.find(W + "isLgl") is not None,
                bold=_bold(lvl.find(f"{W}rPr/{W}b")),
            )
        abstract[a.get(W + "abstractNumId", "")] = levels
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        ref = num.find(W + "abstractNumId")
        if ref is None:
            continue
        numbering.levels[num_id] = abstract.get(ref.get(W + "val", ""), {})
        for override in num.iter(W + "lvlOverride"):
            start = override.find(W + "startOverride")
            if start is not None:
                ilvl = int(override.get(W + "ilvl", "0"))
                numbering.starts.setdefault(num_id, {})[ilvl] = int(start.get(W + "val", "1"))
    return numbering


def _bold(el: Element | None) -> bool | None:
    return None if el is None else el.get(W + "val", "true").lower() not in ("0", "false", "off")


def _val(el: Element, tag: str) -> str | None:
    child = el.find(W + tag)
    return None if child is None else child.get(W + "val")
