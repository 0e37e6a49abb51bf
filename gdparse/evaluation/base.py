"""Counting helpers shared by the area scorers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from gdparse.model import Frozen


class Score(Frozen):
    """Counts for one field on one document: true positives, false positives, false negatives.

    Accuracy-style fields (one value per document) use ``tp`` for right and ``fn`` for wrong.
    """

    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind: str = "prf"  # "prf" (precision/recall/F1) or "accuracy"

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn
        return self.tp / total if total else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            field=self.field, tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn, kind=self.kind
        )


def compare_sets(field: str, gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Score:
    """Multiset comparison: each gold item can be matched once."""
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return Score(field=field, tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def compare_value(field: str, gold: object, predicted: object) -> Score:
    """Accuracy for one value: right counts as tp, wrong as fn."""
    right = gold == predicted
    return Score(field=field, tp=int(right), fn=int(not right), kind="accuracy")
