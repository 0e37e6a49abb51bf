"""Numbering and labels of a plan's lines (``labels.yaml``): bullets, part words, and the labels
written at the start of a line ("Mục tiêu 2:", "Chỉ tiêu 1.2:", "Điều 3.", "Nhóm giải pháp …",
"Mục tiêu chung" …). The grammar that reads them is :mod:`gdparse.numbering` and
:mod:`gdparse.labels`."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from gdparse.knowledge.loader import KnowledgeError, Schema, load, phrases_pattern
from gdparse.model import SectionKind

LabelKind = Literal["objectives_heading", "general_objective", "specific_objectives", "objective", "activity_goal",
                    "target", "article", "group"]


class LabelExample(Schema):
    line: str
    number: str | None = None  # the number the label gives (numbered labels)


class Label(Schema):
    kind: LabelKind
    words: tuple[str, ...] = ()  # a numbered label: its words before the number
    number: Literal["required", "optional"] | None = None
    patterns: tuple[str, ...] = ()  # a named label: patterns of the folded line content
    end: Literal["whole_line", "optional", "colon", "none"] | None = None
    after_bullet: bool = True
    scheme: str | None = None  # the scheme of a section a line starting with it opens
    section_kind: SectionKind | None = None
    display: str | None = None  # how the output names the label
    examples: tuple[LabelExample, ...] = Field(min_length=1)

    @property
    def numbered(self) -> bool:
        return bool(self.words)


class LabelsFile(Schema):
    version: int
    bullets: tuple[str, ...] = Field(min_length=1)
    star: str
    part_words: tuple[str, ...]
    ordinal_word: str
    first_numbers: tuple[str, ...]
    number_words: tuple[str, ...]
    list_joiners: tuple[str, ...]
    reference_joiners: tuple[str, ...]
    labels: tuple[Label, ...]

    def label(self, kind: LabelKind) -> Label:
        return next(label for label in self.labels if label.kind == kind)


@cache
def labels_file() -> LabelsFile:
    """``labels.yaml``, checked: each label numbered (words and a number rule) or named (patterns and
    an end), kinds and schemes each given once, the star one of the bullets, every bullet one
    character; named patterns get the words of the numbered labels they name put in."""
    data = load("labels.yaml", LabelsFile)
    name = "labels.yaml"
    kinds = [label.kind for label in data.labels]
    schemes = [label.scheme for label in data.labels if label.scheme]
    if len(set(kinds)) != len(kinds) or len(set(schemes)) != len(schemes):
        raise KnowledgeError(name, "a label kind or scheme is given twice")
    if any(len(b) != 1 for b in data.bullets) or data.star not in data.bullets:
        raise KnowledgeError(name, "bullets are single characters, and the star is one of them")
    for label in data.labels:
        if bool(label.words) == bool(label.patterns) or bool(label.words) != (label.number is not None) \
                or bool(label.patterns) != (label.end is not None):
            raise KnowledgeError(name, f"label {label.kind}: either words and a number rule, or patterns and an end")
    lists = {f"{label.kind}_words": f"(?:{phrases_pattern(label.words)})" for label in data.labels if label.words}
    filled = []
    for label in data.labels:
        patterns = []
        for pattern in label.patterns:
            for key, alternation in lists.items():
                pattern = pattern.replace("{{" + key + "}}", alternation)
            if "{{" in pattern:
                raise KnowledgeError(name, f"label {label.kind}: unknown list in {pattern!r}")
            patterns.append(pattern)
        filled.append(label.model_copy(update={"patterns": tuple(patterns)}))
    return data.model_copy(update={"labels": tuple(filled)})


def label_words(*kinds: LabelKind) -> tuple[str, ...]:
    """The words of the numbered labels of ``kinds`` (all numbered labels when none is named)."""
    return tuple(word for label in labels_file().labels if label.words and (not kinds or label.kind in kinds)
                 for word in label.words)
