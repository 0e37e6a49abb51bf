"""Reporting duties: reporter, recipients, frequency, deadline (ANNOTATION.md §4, §5).

A sentence about reports ("báo cáo … gửi về Sở A để tổng hợp, báo cáo UBND tỉnh và Bộ B") gives a chain:
reporter -> Sở A (first hop, or the body after "qua") -> UBND tỉnh, Bộ B (onward). Each hop is one
ReportingDuty per (frequency, deadline) stated in the sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import TYPE_CHECKING

import regex

from gdparse.compact import is_big
from gdparse.extract.clauses import Mention
from gdparse.extract.matching import scan
from gdparse.knowledge.loader import phrases_pattern
from gdparse.knowledge.reporting import reporting_phrases
from gdparse.model import DocWarning, PlanDocument, ReportingDuty
from gdparse.model_build import ModelListBuilder
from gdparse.numbering import bullets

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.reporting"

_SENTENCE = regex.compile(r"[^\n.]*(?:\.(?!\s+\p{Lu})[^\n.]*)*")
_LEAD = " \t" + "".join(bullets())  # what a sentence's start loses
_REPORT_WORD = "báo cáo"
_TRIGGER = regex.compile(r"báo cáo|gửi")
_SEND = regex.compile(r"gửi")
# A sentence about the reports listed before it: "Các báo cáo nêu trên gửi về …", "Báo cáo gửi về …".
_BACKREF = regex.compile(r"(?:các|những)\s+báo\s+cáo\s+(?:nêu\s+|kể\s+)?trên|^\W*(?:các\s+)?báo\s+cáo\s+gửi")
_ONWARD = regex.compile(r"để\s+tổng\s+hợp|tổng\s+hợp,?\s+(?:báo cáo|trình)")
# Possessive runs: two adjacent runs of the same class split a gap of n tabs in n ways before failing.
_RUN_GAP = regex.compile(r"^[\s,;&]*+(?:và)?[\s,;&]*+$")
_VIA = regex.compile(r"\(?\s*qua\s+")
_PHRASES = reporting_phrases()
# A frequency phrase (reporting.yaml), in the group its frequency names.
_FREQUENCY = scan("|".join(f"(?P<{name}>{phrases_pattern(phrases)})" for name, phrases in _PHRASES.frequencies.items()))
_YEAR_AFTER = regex.compile(r"(?:/|\s+năm\s+)\d{4}")
_DEADLINE = scan(
    rf"(?:{phrases_pattern(_PHRASES.deadline_words)})\s+(?:ngày\s+)?(\d{{1,2}})\s*(?:/|tháng\s+)(\d{{1,2}})"
    rf"|((?:{phrases_pattern(_PHRASES.month_end_words)})\s+\d{{1,2}})"
)

# A duty found: the keyword arguments of ``ReportingDuty``, built in one batch at the end (one validator
# call for the document instead of one model construction per duty).
_Row = dict
_DUTIES = ModelListBuilder(ReportingDuty)


def _schedule(folded: str, start: int, end: int) -> list[tuple[str | None, str | None]]:
    """(frequency, deadline) pairs in order; a deadline belongs to the frequency stated before it."""
    freqs, kinds = [], set()
    for f in _FREQUENCY.finditer(folded, start, end):
        # "một năm (trước ngày 10/12 hàng năm)" states the annual report once.
        if f.lastgroup not in kinds:
            freqs.append(f)
            kinds.add(f.lastgroup)
    deadlines = list(_DEADLINE.finditer(folded, start, end))
    out: list[tuple[str | None, str | None]] = []
    for i, f in enumerate(freqs):
        stop = freqs[i + 1].start() if i + 1 < len(freqs) else end
        d = next((d for d in deadlines if f.end() <= d.start() < stop), None)
        out.append((f.lastgroup, _deadline_text(d) if d else None))
    if not freqs:
        # A day and month with no year ("trước ngày 25 tháng 12") recur every year.
        out = [(None if _YEAR_AFTER.match(folded, d.end()) else "annual", _deadline_text(d)) for d in deadlines]
        out = out or [(None, None)]
    return list(dict.fromkeys(out))


def _deadline_text(m: regex.Match) -> str:
    return m.group(3) if m.group(3) else f"{int(m.group(1))}/{int(m.group(2))}"


def _duty_rows(folded: str, mentions: list[Mention], start: int, end: int,
               default_reporters: list[str]) -> list[_Row]:
    """The fields of the reporting duties stated in the sentence at ``start:end`` (``folded``: the folded text)."""
    trig = _TRIGGER.search(folded, start, end)
    if not trig:
        return []
    if not folded[start : trig.start()].strip(" 0123456789.)") and trig.group() == "báo cáo":
        # "Báo cáo kết quả … trước ngày 25/12": the sentence names a report; its recipient, if any,
        # follows "gửi" (else a later "các báo cáo nêu trên gửi về …" gives it).
        trig = _SEND.search(folded, trig.end(), end)
        if not trig:
            return []
    # The reporter is named in the trigger's own clause, or is the sentence's leading run of agencies
    # ("Các sở, ban, ngành; UBND các huyện … báo cáo"); recipients stay within the trigger's clause.
    clause_start = max(start, folded.rfind(";", start, trig.start()) + 1)
    semi = folded.find(";", trig.end(), end)
    end = end if semi < 0 else semi
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.agency_id]
    before = [m.agency_id for m in inside if clause_start <= m.start and m.end <= trig.start()]
    run: list[str] = []
    pos = start
    for m in (m for m in inside if m.end <= trig.start()):
        if not _RUN_GAP.match(folded[pos : m.start]):
            break
        run.append(m.agency_id)
        pos = m.end
    if run and set(before) <= set(run):
        before = run
    reporters = list(dict.fromkeys(before)) or default_reporters
    after = [m for m in inside if m.start >= trig.start()]
    if not after:
        return []
    onward_at = _ONWARD.search(folded, trig.start(), end)
    via = _VIA.search(folded, trig.start(), end)
    hops: list[tuple[list[str], list[str]]] = []
    if via and any(m.start >= via.end() - 1 for m in after):
        via_ids = [m.agency_id for m in after if m.start >= via.start()][:1]
        final = [m.agency_id for m in after if m.end <= via.start()]
        hops = [(reporters, via_ids), (via_ids, final)]
    elif onward_at:
        first = [m.agency_id for m in after if m.end <= onward_at.start()]
        onward = [m.agency_id for m in after if m.start >= onward_at.start()]
        hops = [(reporters, first), (first, onward)]
    else:
        hops = [(reporters, [m.agency_id for m in after])]
    duties = []
    for frequency, deadline in _schedule(folded, start, end):
        for sources, targets in hops:
            targets = list(dict.fromkeys(t for t in targets if t))
            for reporter in sources or [None]:
                recipients = tuple(t for t in targets if t != reporter)
                if recipients:
                    duties.append({"reporter_id": reporter, "recipient_ids": recipients, "frequency": frequency,
                                   "deadline": deadline, "start": start, "end": end})
    return duties


class _Index:
    """Per-document lookups for the sentences about reports, built on the first such sentence."""

    def __init__(self, doc: PlanDocument) -> None:
        mentions = [(m.start, m.end, agency_id) for a in doc.agencies if a.resolved
                    for agency_id in (a.id,) for m in a.mentions]
        mentions.sort(key=itemgetter(0))  # stable: mentions at one offset keep their order
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        # Responsibilities by start (then by their order in the document), and the longest span: a
        # responsibility containing a sentence starts at most that far before it.
        self.items = sorted([(r.start, i, r.end, r.agency_id) for i, r in enumerate(doc.responsibilities)])
        self.item_starts = [it[0] for it in self.items]
        self.longest = max([end - start for start, _, end, _ in self.items], default=0)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        # Only mentions starting within the sentence can lie inside it.
        found = self.mentions[bisect_left(self.mention_starts, start) : bisect_right(self.mention_starts, end)]
        return [Mention(agency_id, s, e) for s, e, agency_id in found]

    def owners(self, start: int, end: int) -> list[str]:
        """Agencies of the responsibilities whose span holds the sentence (2 characters of slack at the
        end), in document order; else of those that start before it and reach into it."""
        lo = bisect_left(self.item_starts, end - 2 - self.longest)
        hi = bisect_right(self.item_starts, start)
        owners = [agency_id for _, agency_id in
                  sorted((i, agency_id) for _, i, r_end, agency_id in self.items[lo:hi] if end <= r_end + 2)]
        return owners or self._subjects_at(start)

    def _subjects_at(self, start: int) -> list[str]:
        """``[a for (rs, re), a in {(r.start, r.end): r.agency_id for r in responsibilities}.items() if rs <=
        start < re]``: per span the agency of its last responsibility, spans in the order they first
        occur; only the responsibilities that can reach ``start`` are looked at."""
        spans: dict[tuple[int, int], tuple[int, str]] = {}
        lo = bisect_left(self.item_starts, start - self.longest)
        for r_start, i, r_end, agency_id in self.items[lo : bisect_right(self.item_starts, start)]:
            if start < r_end:
                first = spans.get((r_start, r_end))
                spans[(r_start, r_end)] = (i if first is None else first[0], agency_id)
        return [agency_id for _, agency_id in sorted(spans.values())]


def extract_reporting(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Reporting duties from the reporting part and the implementation items."""
    folded = ctx.folded
    duties: list[_Row] = []
    warnings: list[DocWarning] = []
    regions = ctx.reporting_regions + ctx.implementation_regions
    seen: set[tuple[int, int]] = set()
    index: _Index | None = None
    for rstart, rend in regions:
        pending: list[tuple[int, int, tuple[str, ...]]] = []
        for m in _SENTENCE.finditer(doc.text, rstart, rend):
            s, e = m.start(), m.end()
            while s < e and doc.text[s] in _LEAD:
                s += 1
            if e - s < 10 or (s, e) in seen or folded.find(_REPORT_WORD, s, e) < 0:
                continue
            seen.add((s, e))
            index = index or _Index(doc)
            reporters = list(dict.fromkeys(index.owners(s, e)))[:3]
            found = _duty_rows(folded, index.mentions_in(s, e), s, e, reporters)
            if not found and (_DEADLINE.search(folded, s, e) or _FREQUENCY.search(folded, s, e)):
                pending.append((s, e, tuple(reporters)))
            elif found and pending and _BACKREF.search(folded[s:e]):
                # "Các báo cáo nêu trên gửi về Sở …": the recipient of every report listed above.
                first = [d for d in found if d["recipient_ids"] == found[0]["recipient_ids"]]
                duties.extend(_resolve_pending(pending, first, folded))
                pending = []
            duties.extend(found)
        for s, e, _ in pending:
            warnings.append(DocWarning(code="reporting_unparsed", stage=STAGE, start=s, end=e,
                                       message="reporting deadline without a recognisable recipient"))
    built = _DUTIES.build(duties, compact=is_big(doc.text))
    return doc.model_copy(update={"reporting": doc.reporting + tuple(built),
                                  "warnings": doc.warnings + tuple(warnings)})


def _resolve_pending(pending: list[tuple[int, int, tuple[str, ...]]], first_hop: list[_Row],
                     folded: str) -> list[_Row]:
    """Duties for reports listed before a sentence that names their common recipient; a report keeps
    the reporter of its own item, else takes the reporters of that sentence."""
    recipients = first_hop[0]["recipient_ids"]
    fallback = tuple(d["reporter_id"] for d in first_hop) or (None,)
    return [{"reporter_id": reporter, "recipient_ids": recipients, "frequency": frequency, "deadline": deadline,
             "start": s, "end": e}
            for s, e, owners in pending for frequency, deadline in _schedule(folded, s, e) if frequency or deadline
            for reporter in (owners or fallback)]
