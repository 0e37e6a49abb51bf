"""The gdparse document model: one normalised text, every fact a span over it.

All models are immutable (``frozen=True``) and reject unknown fields (``extra="forbid"``).
Items live in flat typed lists on :class:`PlanDocument` and point at each other by id.
Every item with ``start``/``end`` quotes ``PlanDocument.text[start:end]`` as its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_NAME = "gdparse.plan"
SCHEMA_VERSION = "0.2.0"


class Frozen(BaseModel):
    """Base for every gdparse model: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Spanned(Frozen):
    """An item with evidence: ``text[start:end]`` of the normalised text."""

    start: int = Field(ge=0, description="Start offset (inclusive) in the normalised text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the normalised text.")
    page: int | None = Field(None, ge=1, description="1-based page of `start` (paged sources only).")

    @model_validator(mode="after")
    def _ordered(self) -> Spanned:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} < start {self.start}")
        return self


SourceFormat = Literal["txt", "md", "html", "docx", "pdf"]


class OffsetRun(Frozen):
    """A run of ``length`` characters copied unchanged from the original text."""

    norm_start: int = Field(ge=0)
    orig_start: int = Field(ge=0)
    length: int = Field(ge=0)


class Source(Frozen):
    """Where the text came from."""

    path: str = Field(description="Path of the input file as given.")
    sha256: str = Field(description="SHA-256 of the input file's bytes.")
    format: SourceFormat = Field(description="Input format as read (from the content where the name disagrees).")
    encoding: str | None = Field(None, description="Detected text encoding (text-like inputs).")
    size_bytes: int = Field(0, ge=0)
    pages: int | None = Field(None, ge=0, description="Page count (PDF).")
    page_starts: tuple[int, ...] = Field((), description="Normalised offset where each page starts (PDF).")
    ocr: bool = Field(False, description="True if any text came from OCR.")
    offset_map: tuple[OffsetRun, ...] = Field(
        (),
        description="Runs copied unchanged from the original decoded text; offsets between runs were "
        "rewritten by normalisation. See gdparse.normalize.to_original.",
    )


DocType = Literal["ke_hoach", "quyet_dinh", "chuong_trinh", "cong_van", "bao_cao", "nghi_quyet", "chi_thi", "other"]


class Metadata(Frozen):
    """Facts about the document itself (ANNOTATION.md §5)."""

    doc_number: str | None = Field(None, description='Number and symbol, e.g. "948/QĐ-UBND"; None in drafts.')
    doc_type: DocType | None = Field(
        None, description="Type of this document (quyet_dinh for a decision that issues an attached plan)."
    )
    issuer: str | None = Field(None, description="Issuing body, canonical name.")
    issuer_id: str | None = Field(None, description="Agency id of the issuer in the registry.")
    province: str | None = Field(
        None, description='Canonical province name without "tỉnh"/"thành phố"; "national" for central.'
    )
    place: str | None = Field(None, description='Place of issue as written ("Bắc Ninh").')
    issued_date: str | None = Field(None, description='ISO date, partial allowed: "2026-04", "2011".')
    period_start: int | None = Field(None, description="First year of the period the plan covers.")
    period_end: int | None = Field(
        None, description='Last year of the period the plan covers (the deadline year for "đến năm 2015").'
    )
    signer: str | None = Field(None, description="Name of the person who signed.")
    signer_title: str | None = Field(None, description='Signing title as written ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").')
    is_draft: bool = Field(
        False, description="True for a draft (Dự thảo) or a plan with its number and day left blank."
    )
    title: str | None = Field(None, description="Title of the document (the line(s) after its type).")
    issued_by_decision: str | None = Field(
        None, description="Number of the decision that issues this plan (Ban hành kèm theo Quyết định số …)."
    )
    recipients: tuple[str, ...] = Field((), description="Agency ids of recipients (Nơi nhận, Kính gửi).")
    evidence: dict[str, tuple[int, int]] = Field(
        default_factory=dict, description="Field name -> (start, end) span of its evidence."
    )


SectionKind = Literal[
    "header",
    "title",
    "purpose",
    "scope",
    "objectives",
    "targets",
    "solutions",
    "budget",
    "implementation",
    "reporting",
    "legal_basis",
    "decision",
    "plan",
    "recipients",
    "signature",
    "appendix",
    "footnotes",
    "other",
]


class Section(Spanned):
    """A node of the section tree. ``start``/``end`` cover the whole subtree.

    A section with subsections has as its first child a *lead* leaf (``is_lead``) that holds
    the section's own heading and lead-in text, so that leaves tile the text exactly.
    """

    id: str = Field(description='Section id, unique in the document ("s12").')
    kind: SectionKind = Field(description="Canonical kind of the section (ANNOTATION.md §1).")
    number: str | None = Field(None, description='Numbering as written: "II", "2.1", "a", "Mục tiêu 3".')
    heading: str | None = Field(None, description="Heading text without its number, or None.")
    heading_start: int | None = Field(None, description="Start of the heading text (without its number).")
    heading_end: int | None = Field(None, description="End of the heading text.")
    level: int = Field(ge=0, description="Depth in the tree (0 = top).")
    parent: str | None = Field(None, description="Id of the parent section; None for a top-level part.")
    children: tuple[str, ...] = Field((), description="Ids of the subsections in document order.")
    scheme: str | None = Field(None, description='Numbering scheme: "roman", "arabic-2", "label-chi-tieu" …')
    is_lead: bool = Field(False, description="True for the leaf that holds a section's own heading and lead-in text.")


class Footnote(Spanned):
    """A footnote body (``start``/``end``) and, where found, its reference marker in the text."""

    id: str = Field(description="Footnote id.")
    marker: str = Field(description='Marker as printed ("¹"; U+FFFD where the marker was lost).')
    ref_start: int | None = Field(None, description="Start of the reference marker in the body text, if found.")
    ref_end: int | None = Field(None, description="End of the reference marker.")


class TableCell(Spanned):
    pass


class TableRow(Spanned):
    cells: tuple[TableCell, ...] = Field(description="Cells in column order; an empty cell has an empty span.")


class Table(Spanned):
    id: str = Field(description="Table id.")
    section_id: str | None = Field(None, description="Leaf section where the table starts.")
    rows: tuple[TableRow, ...] = Field(description="Rows in document order (the first is usually the header).")


CitationType = Literal[
    "hien_phap",
    "luat",
    "bo_luat",
    "nghi_quyet",
    "nghi_dinh",
    "quyet_dinh",
    "chi_thi",
    "thong_tu",
    "ke_hoach",
    "cong_van",
    "chuong_trinh",
    "de_an",
    "to_trinh",
    "ket_luan",
    "thong_bao",
    "other",
]


class Citation(Spanned):
    id: str = Field(description="Citation id, unique in the document.")
    doc_type: CitationType = Field(description="Type of the cited document.")
    number: str | None = Field(None, description='Number and symbol: "28/NQ-CP", "73/2006/QH11".')
    date: str | None = Field(None, description="ISO date (partial allowed).")
    issuer: str | None = Field(None, description='Issuing body as written ("Chính phủ", "Thủ tướng Chính phủ").')
    title: str | None = Field(None, description="Title or subject of the cited document, where given.")
    key: str = Field(description='Normalised key "type:number:year", e.g. "nghi-quyet:28/NQ-CP:2021".')
    legal_basis: bool = Field(False, description="True when cited in the Căn cứ preamble (the plan's legal basis).")
    catalogue_id: str | None = Field(None, description="Id in the national documents catalogue, if known.")


ObjectiveDomain = Literal[
    "politics",
    "economy_labour",
    "education",
    "health",
    "culture_information",
    "family_gbv",
    "state_management",
    "other",
]


class Objective(Spanned):
    id: str = Field(description='Objective id ("obj-2"; "obj-general" for the general objective).')
    number: str | None = Field(None, description='The Mục tiêu number as written ("1"); None for a general objective.')
    title: str | None = Field(None, description="The objective's text after its label.")
    domain: ObjectiveDomain = Field("other", description="Policy domain of the objective.")
    general: bool = Field(False, description="True for Mục tiêu tổng quát / chung.")
    section_id: str | None = Field(None, description="Section that holds the objective.")


Comparator = Literal[">=", ">", "<=", "<", "=", "range", "approx", "change"]


class Milestone(Spanned):
    value: float | None = Field(None, description="The level to reach (decimal comma and thousands dot resolved).")
    value_high: float | None = Field(None, description='Upper bound for a range ("từ 35% đến 40%").')
    unit: str | None = Field(
        None,
        description='Normalised unit: "%", "per 100 girls", "per 100,000 live births", "per 1,000 women", '
        '"times", or a count noun.',
    )
    comparator: Comparator | None = Field(
        None, description="How the value binds: >=, >, <=, <, =, range, approx, or change (a relative change)."
    )
    direction: Literal["increase", "decrease", "maintain"] | None = Field(
        None, description="For changes and maintained levels: increase, decrease or maintain."
    )
    year: int | None = Field(None, description="Deadline year; None for annual milestones.")
    recurrence: Literal["annual", "from_year"] | None = Field(
        None, description='"annual" (hằng năm) or "from_year" (từ năm … trở đi, with `year` the first year).'
    )
    term: str | None = Field(None, description='Term as written, e.g. "2016-2021".')
    baseline_value: float | None = Field(None, description='Baseline value where stated ("giảm từ 23 … xuống 18").')
    baseline_year: int | None = Field(None, description='Baseline year where stated ("so với năm 2010").')
    reference_value: float | None = Field(
        None, description='Reference level from another plan ("(TW 80)": the national value).'
    )
    reference_source: str | None = Field(None, description='Source of the reference value, e.g. "TW".')


class Target(Spanned):
    id: str = Field(description='Target id ("tgt-2-1": objective 2, target 1).')
    objective_id: str | None = Field(None, description="Id of the objective the target belongs to.")
    label: str | None = Field(None, description='"Chỉ tiêu 2", or None when unlabelled.')
    number: str | None = Field(None, description='The Chỉ tiêu number as written ("1", "2a"), or a running number.')
    text: str = Field(description="Full text of the target (equals the quote).")
    indicator: str | None = Field(None, description="What is measured.")
    indicator_id: str | None = Field(None, description="National indicator catalogue id.")
    indicator_score: float | None = Field(None, description="Confidence of the indicator match, 0..1.")
    domain: ObjectiveDomain = Field("other", description="Policy domain (from the objective or the indicator).")
    section_id: str | None = Field(None, description="Section that holds the target.")
    milestones: tuple[Milestone, ...] = Field((), description="The quantified milestones of the target, in text order.")


BudgetSource = Literal["central", "local", "mobilised", "state", "other", "unspecified"]


class Budget(Spanned):
    amount_vnd: float | None = Field(
        None, description="Amount in Vietnamese đồng; None when the text names a source without an amount."
    )
    source: BudgetSource = Field(
        "unspecified",
        description="Funding source: central (ngân sách trung ương), local (địa phương), state, "
        "mobilised (huy động), other.",
    )


AgencyType = Literal[
    "department",
    "people_committee",
    "police",
    "inspectorate",
    "statistics",
    "mass_organisation",
    "party_body",
    "media",
    "ministry",
    "steering_board",
    "collective",
    "other",
]
AgencyLevel = Literal["central", "province", "district", "commune"]


class Mention(Spanned):
    surface: str | None = Field(None, description="The mention as written (equals the quote).")


class Agency(Frozen):
    id: str = Field(description='Stable registry id ("province.so_noi_vu"); "unresolved:<name>" for unknown bodies.')
    name: str = Field(description="Canonical name.")
    type: AgencyType = Field("other", description="Kind of body.")
    level: AgencyLevel | None = Field(None, description="Level of government.")
    resolved: bool = Field(True, description="False when the body is not in the registry (kept with a warning).")
    collective: bool = Field(
        False, description='True for collective assignees ("Các sở, ban, ngành", "UBND các huyện").'
    )
    mentions: tuple[Mention, ...] = Field((), description="Every place the agency is named in the text.")


Role = Literal["lead", "coordinate", "advise", "implement", "monitor", "report", "fund"]


class Responsibility(Spanned):
    agency_id: str = Field(description="Agency id of the body given the work.")
    role: Role = Field(description="lead, coordinate, advise, implement, monitor, report or fund (ANNOTATION.md §4).")
    requested: bool = Field(False, description='True for a request to a body the plan cannot order ("Đề nghị …").')
    task: str | None = Field(None, description="The task text the agency is given.")
    section_id: str | None = Field(None, description="Section the responsibility comes from.")
    objective_ids: tuple[str, ...] = Field(
        (), description="Objectives the responsibility covers, when the text names them."
    )
    target_ids: tuple[str, ...] = Field((), description="Targets the responsibility covers, when the text names them.")


class ReportingDuty(Spanned):
    reporter_id: str | None = Field(None, description="Agency id of the body that reports.")
    recipient_ids: tuple[str, ...] = Field(
        (), description="Agency ids of the recipients, first the direct one, then onward recipients."
    )
    frequency: str | None = Field(None, description='"annual", "semiannual", "quarterly", "monthly", "ad_hoc".')
    deadline: str | None = Field(None, description='As normalised text: "10/6", "25/12".')


class WarningCode(StrEnum):
    """What a warning is about (the meaning of each code is in ``WARNING_MEANINGS``)."""

    READER_NOTE = "reader_note"
    STAGE_FAILED = "stage_failed"
    NO_TEXT = "no_text"
    NO_NUMBERED_SECTIONS = "no_numbered_sections"
    NUMBERING_TOO_DEEP = "numbering_too_deep"
    REPEATED_NUMBER = "repeated_number"
    SKIPPED_NUMBER = "skipped_number"
    NO_TARGETS = "no_targets"
    OBJECTIVES_EMPTY = "objectives_empty"
    TARGET_NO_MILESTONE = "target_no_milestone"
    CITATION_AFTER_DOCUMENT = "citation_after_document"
    CITATION_DATE_MISMATCH = "citation_date_mismatch"
    METADATA_NO_DOC_NUMBER = "metadata_no_doc_number"
    METADATA_NO_ISSUED_DATE = "metadata_no_issued_date"
    METADATA_NO_ISSUER = "metadata_no_issuer"
    METADATA_NUMBER_CONFLICT = "metadata_number_conflict"
    AGENCY_UNRESOLVED = "agency_unresolved"
    REPORTING_UNPARSED = "reporting_unparsed"
    REFERENCE_UNLINKED = "reference_unlinked"


WARNING_MEANINGS: dict[WarningCode, str] = {
    WarningCode.READER_NOTE: "something the reader noticed: a misleading file name, OCR pages, replaced bytes",
    WarningCode.STAGE_FAILED: "a step of the pipeline raised an error: its output is missing (the stage field "
    "names the step, the message the error), everything the other steps found stands",
    WarningCode.NO_TEXT: "the document has no text after normalisation",
    WarningCode.NO_NUMBERED_SECTIONS: "no numbered heading was found: probably not a plan",
    WarningCode.NUMBERING_TOO_DEEP: "a multi-level number deeper than gdparse reads as a heading: the line is "
    "kept as text of the section above",
    WarningCode.REPEATED_NUMBER: "two sibling headings carry the same number",
    WarningCode.SKIPPED_NUMBER: "sibling heading numbers jump (a heading may be missing or misread)",
    WarningCode.NO_TARGETS: "no objectives or targets were found: probably not a plan",
    WarningCode.OBJECTIVES_EMPTY: "an objectives section was found but no objective or target in it",
    WarningCode.TARGET_NO_MILESTONE: "a labelled target holds numbers but no milestone could be read from them",
    WarningCode.CITATION_AFTER_DOCUMENT: "a cited document is dated after the citing one",
    WarningCode.CITATION_DATE_MISMATCH: "a citation's date disagrees with the year in its number",
    WarningCode.METADATA_NO_DOC_NUMBER: "no document number (số …) was found",
    WarningCode.METADATA_NO_ISSUED_DATE: "no date of issue was found",
    WarningCode.METADATA_NO_ISSUER: "no issuing body was found",
    WarningCode.METADATA_NUMBER_CONFLICT: "a decision's number and the number its plan gives for it differ",
    WarningCode.AGENCY_UNRESOLVED: "a body named in the text is not in the agency registry (kept unresolved)",
    WarningCode.REPORTING_UNPARSED: "a reporting deadline without a recipient that could be read",
    WarningCode.REFERENCE_UNLINKED: "a reference to an objective or target that no extracted item carries",
}
# The JSON Schema shows the codes with their meanings (pydantic takes an enum's docstring).
WarningCode.__doc__ = "What a warning is about:\n\n" + "\n".join(
    f"- `{code.value}`: {meaning}" for code, meaning in WARNING_MEANINGS.items()
)

# The steps of the pipeline, as named in warnings (``DocWarning.stage``).
Stage = Literal[
    "read", "normalize", "segment", "extract", "extract.citations", "extract.agencies", "extract.metadata",
    "extract.targets", "extract.budgets", "extract.responsibilities", "extract.reporting", "link", "pages",
]


class DocWarning(Frozen):
    """Something that could not be parsed or looks wrong; never silently dropped."""

    code: WarningCode = Field(description="What the warning is about (see WarningCode).")
    message: str = Field(description="What happened, for a person.")
    stage: Stage = Field(description="The step of the pipeline that gave the warning.")
    start: int | None = Field(None, description="Start of the text the warning is about, if any.")
    end: int | None = Field(None, description="End of that text.")


class PlanDocument(Frozen):
    """A parsed plan. The JSON form of this model is gdparse's public output contract."""

    schema_name: Literal["gdparse.plan"] = Field(SCHEMA_NAME, description='Always "gdparse.plan".')
    schema_version: str = Field(SCHEMA_VERSION, description="Version of this output contract (semantic versioning).")
    source: Source = Field(description="Where the text came from.")
    text: str = Field(description="The normalised text; every span points into it.")
    metadata: Metadata = Field(default_factory=Metadata, description="Facts about the document itself.")
    sections: tuple[Section, ...] = Field(
        (), description="The section tree as a flat list in document order (see Section)."
    )
    footnotes: tuple[Footnote, ...] = Field((), description="Footnote bodies and their reference markers.")
    tables: tuple[Table, ...] = Field(
        (), description="Tables (tab-separated rows in text inputs, Word/PDF tables in others)."
    )
    citations: tuple[Citation, ...] = Field((), description="Citations of other documents.")
    objectives: tuple[Objective, ...] = Field((), description="Objectives (Mục tiêu), general and specific.")
    targets: tuple[Target, ...] = Field((), description="Targets (Chỉ tiêu) with their milestones.")
    budgets: tuple[Budget, ...] = Field((), description="Money amounts and funding sources.")
    agencies: tuple[Agency, ...] = Field((), description="Agencies named in the text, resolved to the registry.")
    responsibilities: tuple[Responsibility, ...] = Field((), description="Who is given what work, with which role.")
    reporting: tuple[ReportingDuty, ...] = Field((), description="Reporting duties.")
    warnings: tuple[DocWarning, ...] = Field((), description="What could not be parsed or looks wrong.")

    def quote(self, item: Spanned) -> str:
        """The evidence of an item: the normalised text it spans."""
        return self.text[item.start : item.end]

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def section_at(self, offset: int) -> Section | None:
        """The leaf section that contains ``offset`` (a scan of the sections: the extractors ask
        :class:`gdparse.extract.context.DocumentContext`, which indexes them)."""
        return leaf_at(self.sections, offset)

    def with_warnings(self, *warnings: DocWarning) -> PlanDocument:
        return self.model_copy(update={"warnings": self.warnings + tuple(warnings)})


def leaf_at(sections: Sequence[Section], offset: int) -> Section | None:
    """The leaf section that contains ``offset``: the last one, should leaves ever overlap."""
    best = None
    for s in sections:
        if s.start <= offset < s.end and not s.children:
            best = s
    return best
