"""Vietnamese dates in every written form, as spans with an ISO value (partial allowed).

Forms: "ngày 08 tháng 8 năm 2011", "08/8/2011", "19-05-2009", "08.8.2011", "ngày 03/3/2021",
drafts with blanks ("ngày tháng 4 năm 2026" -> "2026-04", "ngày ... tháng ... năm 2026" -> "2026"),
"tháng 4/2026" and "tháng 4 năm 2026" -> "2026-04". Whitespace between parts may contain line
breaks (web portals break lines anywhere). Impossible dates (31/02) are not matched.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from gdparse.extract.anchors import is_digit
from gdparse.vietnamese import fold

MIN_YEAR, MAX_YEAR = 1945, 2100

# Spaces with at most one line break, taken whole (possessive): "[ \t]*\n?[ \t]*" splits a run of
# tabs in as many ways as it is long, and the written form has five such gaps before it can fail.
# Taking fewer never helps: what may come next (a blank of at most 30 dots, spaces and line breaks)
# would then have to take the rest as well.
_SP = r"[ \t\u00a0]*+(?:\n[ \t\u00a0]*+)?"
_BLANK = r"(?:[ \t\u00a0._…/-]|\n){0,30}?"  # a left-blank day or month in a draft

# Written form, on folded text: "ngày 08 tháng 8 năm 2011" with any part possibly blank.
_WRITTEN = regex.compile(
    rf"(?<!\p{{L}})ngày{_SP}(?P<d>\d{{1,2}})?{_BLANK}{_SP}tháng{_SP}(?P<m>\d{{1,2}})?{_BLANK}{_SP}"
    rf"năm{_SP}(?P<y>\d{{4}})(?!\d)"
)
# Numeric form: 08/8/2011, 8-8-2011, 08.8.2011 (one separator kind per date).
_NUMERIC = regex.compile(
    r"(?<![\d/.-])(?:ngày" + _SP + r")?(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"
)
# Month and year: "tháng 4/2026", "tháng 4 năm 2026", "tháng 04-2026".
_MONTH_YEAR = regex.compile(
    rf"(?<!\p{{L}})tháng{_SP}(?P<m>\d{{1,2}}){_SP}(?:năm{_SP}|[/-])(?P<y>\d{{4}})(?!\d)"
)
# The group numbers of year, month and day (if it has one) of each form: named group access is
# slow, and Match.re.groupindex builds a new dict on each call.
_DATE_GROUPS = {p: tuple(p.groupindex[g] for g in ("y", "m", "d") if g in p.groupindex)
                for p in (_WRITTEN, _NUMERIC, _MONTH_YEAR)}
# The forms that can start after "ngày", after "tháng" and at a digit, in the order tried.
_AFTER_NGAY, _AFTER_THANG, _AT_DIGIT = (_WRITTEN, _NUMERIC), (_MONTH_YEAR,), (_NUMERIC,)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: its span and its parts (``None`` where left blank)."""

    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        """ISO form, partial when parts are missing: "2011-08-08", "2026-04", "2026"."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_MONTH_DAYS = calendar.mdays  # days per month of a common year, index 1..12


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return False
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    # calendar.monthrange also computes the weekday: a table and a leap test are enough
    return day is None or 1 <= day <= _MONTH_DAYS[month] + (month == 2 and calendar.isleap(year))


def _make(m: regex.Match[str]) -> DateMatch | None:
    parts = m.group(*_DATE_GROUPS[m.re])
    year = int(parts[0])
    month = int(parts[1]) if parts[1] else None
    day = int(parts[2]) if len(parts) > 2 and parts[2] else None
    if month is None:
        day = None  # "ngày 5 tháng năm 2026" is not a usable day
    if not _valid(year, month, day):
        return None
    return DateMatch(m.start(), m.end(), year, month, day)


def find_dates(text: str, *, folded: str | None = None) -> list[DateMatch]:
    """Every date in ``text``, sorted by position, without overlaps (longest form wins)."""
    folded = fold(text) if folded is None else folded
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_WRITTEN, _NUMERIC, _MONTH_YEAR):
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            date = _make(m)
            if date is not None:
                found.append(date)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def date_at(text: str, pos: int = 0, *, folded: str | None = None) -> DateMatch | None:
    """The date that starts exactly at ``pos`` (after optional spaces), or None."""
    folded = fold(text) if folded is None else folded
    # Only the forms that can start here: written and numeric after "ngày", numeric at a digit,
    # month and year at "tháng" (same order as find_dates).
    if folded.startswith("ngày", pos):
        patterns = _AFTER_NGAY
    elif folded.startswith("tháng", pos):
        patterns = _AFTER_THANG
    elif pos < len(folded) and is_digit(folded[pos]):
        patterns = _AT_DIGIT
    else:
        return None
    for pattern in patterns:
        m = pattern.match(folded, pos)
        if m is not None:
            date = _make(m)
            if date is not None:
                return date
    return None


def parse_date(text: str) -> str | None:
    """ISO value of the first date in ``text``: ``parse_date("ngày 03/3/2021") == "2021-03-03"``."""
    dates = find_dates(text)
    return dates[0].iso if dates else None
