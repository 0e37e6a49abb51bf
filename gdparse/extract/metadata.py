"""Document facts from header, title, opening and signature (ANNOTATION.md §5).

Decisions:

- A Quyết định that issues an attached Kế hoạch (the decision text and the plan in one file) is
  one document of type ``quyet_dinh``; ``doc_number`` and ``issued_date`` are the decision's.
  When the decision's own letterhead is missing, they come from the plan's "(Kèm theo Quyết định
  số 373/QĐ-UBND ngày 08 tháng 4 năm 2024 …)". ``issued_by_decision`` stays None then, since it
  would repeat ``doc_number``; it is set only when it differs: for a plan file without its
  decision (type ``ke_hoach``, ``doc_number`` None or the plan's own number), and a conflicting
  number is also a warning.
- The "kèm theo" line is not a citation (see gdparse/extract/citations.py).
- A document is a draft if it says so ("Dự thảo" as a line or in parentheses, a letter asking
  for comments on a "dự thảo"), or if its number is left blank ("Số: /KH-UBND"): an unnumbered
  text has not been issued.
- ``province`` comes from the letterhead, the place of issue, the title, the body ("tỉnh X",
  most frequent), and last a government URL or e-mail domain; central issuers give "national".
- ``signer_title`` is the signature's title lines without the "TM. …" line, joined with " / ":
  "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". ``issuer`` is canonical: "Ủy ban nhân dân tỉnh Bắc Ninh".
- The period comes from the title ("giai đoạn 2011 - 2015", "năm 2024", "đến năm 2015"); an open
  start ("đến năm 2015") is the year of issue, else the year of the latest dated legal basis.
  Without a period in the title, the end is the most frequent "đến năm N" of the objectives.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import regex

from gdparse.extract import provinces as prov
from gdparse.extract.anchors import LineSearch, finditer_at, literal_positions
from gdparse.extract.dates import find_dates
from gdparse.extract.header import PlaceDate
from gdparse.extract.signature import signature
from gdparse.knowledge.documents import (
    canonical_issuer,
    document_types,
    is_national_issuer,
    title_words,
    type_for_symbol,
)
from gdparse.knowledge.loader import phrases_pattern
from gdparse.knowledge.provinces import canonical_province, central_cities
from gdparse.knowledge.windows import windows
from gdparse.lost_case import lost_letters, recognition_text
from gdparse.model import DocWarning, Metadata, PlanDocument
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.metadata"
_WINDOWS = windows()  # how far into the text each fact of the opening is looked for
# A line naming the document's type ("KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG"): the title words of the types.
_TYPE_LINE = LineSearch(
    rf"[ \t#*]*(?P<t>{phrases_pattern(list(title_words()), space=' ')})"
    rf"(?:[ \t]+(?:{phrases_pattern(document_types().title_qualifiers, space=' ')}))?[ \t*:]*$"
)
_KINH_GUI = LineSearch(r"[ \t]*kính\s+gửi\s*:")
_DRAFT = regex.compile(r"(?m)^[ \t*(]*dự\s+thảo[ \t*)]*(?:\d+)?[ \t]*$|\(\s*dự\s+thảo\s*\)|(?:ý kiến|góp ý)[^.\n]{0,40}dự\s+thảo")
_PERIOD_RANGE = regex.compile(r"(?:giai đoạn|thời kỳ|nhiệm kỳ)?\s*(?<!\d)((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)(?!\d)")
_PERIOD_TO_WORDS = ("đến", "tới")
_PERIOD_TO = regex.compile(rf"(?:{'|'.join(_PERIOD_TO_WORDS)})\s+năm\s+((?:19|20)\d\d)(?!\d)")
_PERIOD_YEAR = regex.compile(r"(?<!đến |tới )năm\s+((?:19|20)\d\d)(?![\d-])(?!\s*-\s*\d)")
_ISSUER_HEAD = regex.compile(
    r"(?P<body>ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|sở\s+[^\n]{3,60}?|ban\s+[^\n]{3,60}?|bộ\s+[^\n]{3,60}?)"
    r"\s*\n?\s*(?:(?:tỉnh|thành\s+phố)\s+(?P<prov>[^\n]{2,30}))?\s*$", regex.M)
_ACTOR = regex.compile(
    r"(?<!\p{L})(?P<a>sở\s+[\p{L} &,–-]{3,60}?)\s+(?:tỉnh\s+\S+\s+)?(?:kính\s+)?(?:đề\s+nghị|xây\s+dựng|trân\s+trọng|gửi)")
_AUTHORITY_BODY = r"[ \t*]*chủ\s+tịch\s+(?:ủy\s+ban\s+nhân\s+dân|ubnd)\s+(?:tỉnh|thành\s+phố)[^\n]*$"
_AUTHORITY = regex.compile(rf"(?m)^{_AUTHORITY_BODY}")
_AUTHORITY_LINE = LineSearch(_AUTHORITY_BODY)
_TM = regex.compile(r"(?m)^[ \t]*tm\.\s*(?P<body>[^\n]+)$")
# The spaces before a "thảo", read backwards ("dự" is then looked for right before them): matched
# backwards from each "thảo", "(?r)dự\s+" first looked for a "dự" back to the start of the text.
_SPACES_BEFORE = regex.compile(r"(?r)\s+")
_DRAFT_WORDS = regex.compile(r"dự\s+thảo\s*")  # in every _DRAFT match, with the spaces before ")"
# What may precede "dự thảo" in a _DRAFT match: line indent, "(" and spaces, "ý kiến" and 40 more.
_DRAFT_LEAD = regex.compile(r"(?r)[\s*(]*")
_DRAFT_REACH = 47
_UBND = regex.compile(r"(ủy ban nhân dân|ubnd)")
_ISSUING_UBND = regex.compile(r"(?:ủy ban nhân dân|ubnd)(?: tỉnh)?\s+(?:\S+\s+){0,6}?(?:ban hành|xây dựng)\s+kế hoạch")
# Compiled once: a pattern passed as a string is looked up (and its flags combined) on every call.
_SPACES = regex.compile(r"\s+")
_DASH = regex.compile(r"\s*[–—-]\s*")
_UNIT_TAIL = regex.compile(r"\s+(?:tỉnh|thành phố)\s+.*$", regex.I)


def _doc_type(text: str, folded: str, number: str | None, code: str | None) -> tuple[str | None, tuple[int, int] | None]:
    kinh_gui = _KINH_GUI.search(folded, 0, _WINDOWS.letter_addressee)  # (line start, match)
    first = _TYPE_LINE.search(folded, 0, _WINDOWS.type_line)
    if kinh_gui and (first is None or kinh_gui[0] < first[0]):
        return "cong_van", (kinh_gui[0], kinh_gui[1].end())
    if first is not None:
        m = first[1]
        return title_words()[m.group("t")], (m.start("t"), m.end("t"))
    symbol = number or (f"0/{code}" if code else None)
    if symbol:
        rule = type_for_symbol(symbol)
        return (rule.doc_type if rule and rule.doc_type else "cong_van"), None
    return None, None


def _title(doc: PlanDocument) -> tuple[int, int, str] | None:
    for s in doc.sections:
        if s.kind == "title" and not s.children:
            lines = [ln for ln in doc.text[s.start : s.end].split("\n") if not _AUTHORITY.match(fold(ln))]
            body = "\n".join(lines).strip()
            if body and body in doc.text[s.start : s.end]:
                off = doc.text.index(body, s.start)
                return off, off + len(body), _SPACES.sub(" ", body)
    return None


def _issuer(doc: PlanDocument, folded: str, province: str | None) -> tuple[str | None, tuple[int, int] | None]:
    lost = lost_letters(doc.source.encoding)
    for motto in literal_positions(folded, ("cộng hòa xã hội",))[:3]:  # letterheads of decision and plan
        m = _ISSUER_HEAD.search(folded, max(0, motto - _WINDOWS.issuer_before_motto), motto)
        # Letterheads are in capitals (those a legacy encoding lost count as capitals).
        if m is not None and recognition_text(doc.text[m.start() : m.end()], lost).isupper():
            return _canonical_issuer(doc.text[m.start("body"): m.end("body")], province), (m.start(), m.end())
    auth = _AUTHORITY_LINE.search(folded, 0, _WINDOWS.authority_line)  # (line start, match)
    if auth is not None:
        return _canonical_issuer("Ủy ban nhân dân", province), (auth[0], auth[1].end())
    tm = _tm_line(folded)
    if tm is not None and _UBND.match(tm.group("body")):
        return _canonical_issuer("Ủy ban nhân dân", province), (tm.start("body"), tm.end("body"))
    actor = _ACTOR.search(folded, 0, _WINDOWS.issuing_actor)
    if actor is not None:
        return _canonical_issuer(doc.text[actor.start("a"): actor.end("a")], province), (actor.start("a"), actor.end("a"))
    for line in (folded[:_WINDOWS.issuing_sentence].split("\n")):
        if _ISSUING_UBND.search(line):
            return _canonical_issuer("Ủy ban nhân dân", province), None
    return None, None


def _tm_line(folded: str) -> regex.Match[str] | None:
    """``_TM.search(folded)``, tried only on lines that hold "tm." (a scan of every line start is slow)."""
    previous = 0
    for pos in literal_positions(folded, ("tm.",)):
        newline = folded.rfind("\n", previous, pos)  # from the previous "tm." only: linear
        if newline >= 0 or previous == 0:
            m = _TM.match(folded, newline + 1)
            if m is not None:
                return m
        previous = pos
    return None


def _draft(folded: str) -> regex.Match[str] | None:
    """``_DRAFT.search(folded)`` without scanning the text: every match holds a "dự thảo" and lies
    between a bounded reach before it and the end of its line."""
    windows = []
    for j in literal_positions(folded, ("thảo",)):  # rarer than "dự" (xây dựng)
        spaces = _SPACES_BEFORE.match(folded, 0, j)
        if spaces is not None and spaces.start() >= 2 and folded.startswith("dự", spaces.start() - 2):
            k = spaces.start() - 2  # where "(?r)dự\s+" matched backwards from j starts
            words = _DRAFT_WORDS.match(folded, k)
            line_end = folded.find("\n", words.end())
            windows.append((max(0, _DRAFT_LEAD.match(folded, 0, k).start() - _DRAFT_REACH),
                            len(folded) if line_end < 0 else line_end))
    # A window ends at a line end, where "$" holds in the text too: a match in it is a real match.
    # Overlapping windows (several "dự thảo" on a line) are searched as one: linear time.
    merged: list[list[int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not any(_DRAFT.search(folded, start, end) for start, end in merged):
        return None
    return _DRAFT.search(folded, min(start for start, _ in windows))


def _canonical_issuer(raw: str, province: str | None) -> str:
    name = _SPACES.sub(" ", raw).strip(" ,.:;")
    name = _DASH.sub(" - ", name)
    canonical = canonical_issuer(fold(name))
    if canonical is not None:
        name = canonical
    else:
        name = name[:1].upper() + name[1:].lower() if name.isupper() else name
        name = _UNIT_TAIL.sub("", name)
    if province and province != "national":
        unit = "thành phố" if province in central_cities() else "tỉnh"
        return f"{name} {unit} {province}"
    return name


def _province(doc: PlanDocument, folded: str, title, pd: PlaceDate | None) -> tuple[str | None, tuple[int, int] | None]:
    head_end = folded.find("cộng hòa xã hội")
    head = prov.find_prefixed(folded, 0, head_end) if 0 <= head_end < _WINDOWS.letterhead_province else []
    if head:
        return head[0][2], head[0][:2]
    if pd is not None and canonical_province(pd.place):
        return canonical_province(pd.place), (pd.start, pd.start + len(pd.place))
    if title is not None:
        found = prov.find_prefixed(folded, title[0], title[1])
        if found:
            return found[0][2], found[0][:2]
    body = prov.most_common(folded)
    if body is not None:
        return body[2], body[:2]
    # folded holds ".gov.vn" wherever the lowercased text does: skip lowercasing the text if absent
    domain = prov.from_domain(doc.text, folded) if ".gov.vn" in folded else None
    if domain is not None:
        return domain[2], domain[:2]
    return None, None


def _period(doc, folded, title, issued_year) -> tuple[int | None, int | None, tuple[int, int] | None]:
    if title is not None:
        t0, t1 = title[0], title[1]
        m = _PERIOD_RANGE.search(folded, t0, t1)
        if m:
            return int(m.group(1)), int(m.group(2)), m.span()
        m = _PERIOD_TO.search(folded, t0, t1)
        if m:
            return _open_start(doc, issued_year), int(m.group(1)), m.span()
        m = _PERIOD_YEAR.search(folded, t0, t1)
        if m:
            return int(m.group(1)), int(m.group(1)), m.span()
    ends = Counter()
    spans = {}
    for s in doc.sections:
        if s.kind in ("objectives", "targets"):
            starts = literal_positions(folded, _PERIOD_TO_WORDS, s.start, s.end)
            for m in finditer_at(_PERIOD_TO, folded, starts, s.start, s.end):
                ends[int(m.group(1))] += 1
                spans.setdefault(int(m.group(1)), m.span())
    if ends:
        end = ends.most_common(1)[0][0]
        return _open_start(doc, issued_year), end, spans[end]
    return None, None, None


def _open_start(doc: PlanDocument, issued_year: int | None) -> int | None:
    if issued_year is not None:
        return issued_year
    years = [int(c.date[:4]) for c in doc.citations if c.legal_basis and c.date]
    if years:
        return max(years)
    dates = [d.year for d in find_dates(doc.text[:_WINDOWS.opening_dates])]
    return max(dates) if dates else None


def _recipients(doc: PlanDocument) -> tuple[str, ...]:
    blocks = [(s.start, s.end) for s in doc.sections if s.kind == "recipients"]
    if not blocks:
        return ()
    ids = []
    for agency in doc.agencies:
        if any(s <= m.start < e for m in agency.mentions for s, e in blocks):
            ids.append(agency.id)
    return tuple(dict.fromkeys(ids))


def _issuer_id(doc: PlanDocument, issuer: str | None) -> str | None:
    if not issuer:
        return None
    target = fold(issuer)
    for agency in doc.agencies:
        name = fold(agency.name)
        if name and (target == name or target.startswith(name + " ")):
            return agency.id
    return None


def build_metadata(doc: PlanDocument, ctx: DocumentContext) -> tuple[Metadata, list[DocWarning]]:
    text, folded = doc.text, ctx.folded
    evidence: dict[str, tuple[int, int]] = {}
    warnings: list[DocWarning] = []
    own = ctx.number_line
    attached = ctx.attached
    pd = ctx.place_date
    doc_type, type_span = _doc_type(text, folded, own.number if own else None, own.code if own else None)
    if type_span:
        evidence["doc_type"] = type_span
    number = own.number if own else None
    if own is not None:
        evidence["doc_number"] = (own.start, own.end)
    issued = pd.date if pd else None
    decision = attached[0] if attached else None
    issued_by = None
    if decision is not None:
        if doc_type == "quyet_dinh" and number is None:
            number = decision.number
            evidence["doc_number"] = (decision.start, decision.end)
            issued = issued or decision.date
        elif decision.number != number:
            issued_by = decision.number
            evidence["issued_by_decision"] = (decision.start, decision.end)
            if doc_type == "quyet_dinh":
                warnings.append(DocWarning(code="metadata_number_conflict", stage=STAGE, start=decision.start,
                                           end=decision.end, message=f"the decision is {number} but its plan says {decision.number}"))
            issued = issued or decision.date
    if issued is not None:
        evidence["issued_date"] = (issued.start, issued.end)
    title = _title(doc)
    if title:
        evidence["title"] = title[:2]
    province, pspan = _province(doc, folded, title, pd)
    issuer, ispan = _issuer(doc, folded, province)
    if issuer and is_national_issuer(fold(issuer)):
        province, pspan = "national", ispan
    if pspan:
        evidence["province"] = pspan
    if ispan:
        evidence["issuer"] = ispan
    start, end, period_span = _period(doc, folded, title, issued.year if issued else None)
    if period_span:
        evidence["period"] = period_span
    signer, signer_title = signature(doc, folded)
    if signer:
        evidence["signer"] = signer[:2]
    if signer_title:
        evidence["signer_title"] = signer_title[:2]
    draft = _draft(folded)
    is_draft = draft is not None or (own is not None and own.number is None)
    if draft is not None:
        evidence["is_draft"] = draft.span()
    elif is_draft and own is not None:
        evidence["is_draft"] = (own.start, own.end)
    if pd is not None:
        evidence["place"] = (pd.start, pd.start + len(pd.place))
    for field, value in (("doc_number", number or is_draft), ("issued_date", issued), ("issuer", issuer)):
        if not value:
            warnings.append(DocWarning(code=f"metadata_no_{field}", stage=STAGE, message=f"no {field} found"))
    meta = Metadata(
        doc_number=number, doc_type=doc_type, issuer=issuer, issuer_id=_issuer_id(doc, issuer), province=province,
        place=pd.place if pd else None, issued_date=issued.iso if issued else None, period_start=start,
        period_end=end, signer=signer[2] if signer else None, signer_title=signer_title[2] if signer_title else None,
        is_draft=is_draft, title=title[2] if title else None, issued_by_decision=issued_by,
        recipients=_recipients(doc), evidence=evidence,
    )
    return meta, warnings


def extract_metadata(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Fill ``doc.metadata``; what cannot be found is a warning."""
    meta, warnings = build_metadata(doc, ctx)
    return doc.model_copy(update={"metadata": meta, "warnings": doc.warnings + tuple(warnings)})
