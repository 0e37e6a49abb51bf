"""Cross-plan comparison: a :class:`Corpus` of plans and pandas tables over it.

    corpus = Corpus.load("corpora")
    corpus.side_by_side(["003…", "004…"], year=2030)   # plans next to the national values
    corpus.responsibilities(map_successors=True)      # LĐTBXH mapped to Nội vụ, marked
    corpus.coverage()                                  # indicators adopted, dropped, added
    corpus.diff(old, new)                              # see gdparse.diff

Every table is a new DataFrame; the corpus itself is immutable. Columns are documented in
``gdparse/knowledge/data/columns.yaml``.
"""

from __future__ import annotations

import difflib
import stat
import sys
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from gdparse import graph as graph_mod
from gdparse import graph_metrics
from gdparse.citation_graph import generation
from gdparse.compare_base import (
    agency_name,
    indicator_parts,
    map_agency,
    plan_id,
    plan_label,
    plan_year,
    responsibility_domain,
    strategy_of,
)
from gdparse.compare_targets import choose_rows, milestone_rows, rank_among_plans
from gdparse.errors import GdparseError
from gdparse.file_access import read_regular, stat_path
from gdparse.inputs import OUTPUT_SUFFIXES, output_kind
from gdparse.knowledge.columns import column_dictionary
from gdparse.knowledge.indicators import catalogue, current_strategy, indicator, strategy_period
from gdparse.model import PlanDocument


def _frame(rows: list[dict], table: str) -> pd.DataFrame:
    """A table from rows; with no rows, still the documented columns (the column dictionary)."""
    if rows:
        return pd.DataFrame(rows)
    return pd.DataFrame(columns=list(column_dictionary().tables[table].columns))


def _read_documents(path: Path) -> list[PlanDocument]:
    """PlanDocuments stored as JSON (one) or JSON Lines (one per line), as gdparse writes them."""
    data = read_regular(path, max_bytes=sys.maxsize)  # typed errors for a missing, unreadable or special file
    try:
        if path.suffix.lower() == ".jsonl":
            return [PlanDocument.model_validate_json(line) for line in data.splitlines() if line.strip()]
        return [PlanDocument.model_validate_json(data)]
    except ValueError as exc:
        if output_kind(path) != "documents":
            cause = 'not a gdparse document file: no "schema_name": "gdparse.plan" (a gold annotation?)'
        else:
            cause = f"a damaged gdparse document file ({' '.join(str(exc).split()[:40])})"
        raise GdparseError(str(path), cause) from None


class NoSuchPlanError(KeyError):
    """No plan of the corpus answers to the key; a KeyError whose message prints as written."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Corpus:
    """A set of parsed plans, in order, with unique ids and readable labels."""

    documents: tuple[PlanDocument, ...]
    failures: tuple[tuple[str, str], ...] = field(default=())  # (path, cause) of the files that failed
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (path, reason) of what is not a plan

    @classmethod
    def from_documents(cls, docs: Iterable[PlanDocument]) -> Corpus:
        return cls(tuple(docs))

    @classmethod
    def load(cls, *paths: str | Path, progress: bool = False) -> Corpus:
        """Plans from folders and files. Plan files (.txt, .md, .html, .docx, .pdf, .doc) are parsed;
        gdparse's outputs are read as parsed documents, wherever they are: a folder of ``parse -o``
        JSON files, ``documents.jsonl``, a single ``.json``. A JSON file is a parsed document when
        its content says so (``"schema_name": "gdparse.plan"``): gold annotations and other files
        are listed in ``skipped`` with the reason, as are hidden and lock files; a document found
        twice (the same source sha256) is kept once. A missing path raises FileNotFoundError
        (:class:`gdparse.errors.InputNotFoundError`), a .json/.jsonl file given by name that is not
        a document file raises GdparseError; files in folders that fail are kept in ``failures``
        (path, cause). Warns when a folder, or all the paths, give no document."""
        loading = _Loading()
        for p in map(Path, paths):
            loading.add(p)
        loading.parse(progress)
        docs, repeats = _once_each(loading.loaded)
        failures, skipped = loading.failures, loading.skipped + repeats
        if not docs and not loading.warned:
            warnings.warn(f"the corpus is empty: no plan or document could be read from {', '.join(map(str, paths))} "
                          f"({len(failures)} failed, {len(skipped)} skipped: see Corpus.failures and .skipped)",
                          stacklevel=2)
        return cls(tuple(docs), tuple(failures), tuple(skipped))

    # ------------------------------------------------------------ identity

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """Plan ids (file stems), made unique by a "~N" suffix where two files share a stem."""
        out: list[str] = []
        for doc in self.documents:
            base, n = plan_id(doc), 1
            pid = base
            while pid in out:
                n += 1
                pid = f"{base}~{n}"
            out.append(pid)
        return tuple(out)

    @cached_property
    def labels(self) -> dict[str, str]:
        """Plan id -> readable label ("Bắc Ninh 2024"), unique in the corpus."""
        out: dict[str, str] = {}
        for pid, doc in zip(self.ids, self.documents):
            base, n = plan_label(doc), 1
            label = base
            while label in out.values():
                n += 1
                label = f"{base} ({n})"
            out[pid] = label
        return out

    def __len__(self) -> int:
        return len(self.documents)

    def get(self, key: str) -> PlanDocument:
        """A plan by id, id prefix ("003") or label."""
        for pid, doc in zip(self.ids, self.documents):
            if key in (pid, self.labels[pid]) or pid.startswith(key + "_"):
                return doc
        raise NoSuchPlanError(self._no_plan(key))

    def _no_plan(self, key: str) -> str:
        """Why ``key`` names no plan, and what would."""
        if not self.documents:
            return (f"no plan {key!r}: the corpus is empty ({len(self.failures)} file(s) failed, "
                    f"{len(self.skipped)} skipped; see Corpus.failures and Corpus.skipped)")
        names = [*self.ids, *self.labels.values()]
        close = difflib.get_close_matches(key, names, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        return (f"no plan {key!r} in the corpus{hint} A plan is named by its id, the id's number before '_' "
                f"(\"003\"), or its label. Ids: {', '.join(self.ids)}. Labels: {', '.join(self.labels.values())}.")

    def id_of(self, key: str | PlanDocument) -> str:
        doc = key if isinstance(key, PlanDocument) else self.get(key)
        return next(pid for pid, d in zip(self.ids, self.documents) if d is doc)

    def select(self, keys: Sequence[str]) -> Corpus:
        """A new corpus with only the given plans, in the given order."""
        return Corpus(tuple(self.get(k) for k in keys))

    # ------------------------------------------------------------ tables

    def plans(self) -> pd.DataFrame:
        """One row per plan."""
        rows = []
        for pid, doc in zip(self.ids, self.documents):
            m = doc.metadata
            rows.append({"plan_id": pid, "plan": self.labels[pid], "province": m.province, "year": plan_year(doc),
                         "period_start": m.period_start, "period_end": m.period_end, "generation": generation(doc),
                         "strategy": strategy_of(doc), "doc_type": m.doc_type, "doc_number": m.doc_number,
                         "issued_date": m.issued_date, "is_draft": m.is_draft, "title": m.title,
                         "objectives": len(doc.objectives), "targets": len(doc.targets),
                         "agencies": len(doc.agencies), "responsibilities": len(doc.responsibilities),
                         "citations": len(doc.citations), "source_path": doc.source.path,
                         "source_sha256": doc.source.sha256})
        return _frame(rows, "plans")

    @cached_property
    def _milestone_rows(self) -> tuple[dict, ...]:
        rows: list[dict] = []
        for pid, doc in zip(self.ids, self.documents):
            rows.extend(milestone_rows(doc, pid, self.labels[pid]))
        return tuple(rank_among_plans(choose_rows(rows)))

    def targets(self) -> pd.DataFrame:
        """One row per milestone, aligned by national indicator, with the national level in force
        that year, ``vs_national`` (more / less / same ambitious), ``timing_vs_national``
        (earlier / same / later) and the rank among the corpus's plans."""
        return _frame(list(self._milestone_rows), "targets")

    def indicator_matrix(self, year: int | None = None, plans: Sequence[str] | None = None,
                         strategy: str | None = None) -> pd.DataFrame:
        """Indicator × plan → the level each plan commits to for ``year`` (chosen rows), with the
        national value in the first column. By default the latest national strategy and its last year."""
        strategy = strategy or current_strategy()
        year = strategy_period(strategy)[1] if year is None else year
        ids = [self.id_of(k) for k in plans] if plans else list(self.ids)
        df = self.targets()
        if df.empty:
            return pd.DataFrame()
        df = df[df["chosen"] & (df["year"] == year) & df["plan_id"].isin(ids) & (df["strategy"] == strategy)]
        inds = [i for i in catalogue().indicators if i.strategy == strategy]
        rows = []
        for ind in inds:
            sub = df[df["indicator_id"] == ind.id]
            nat = sub["national_value"].dropna()
            row = {"indicator_id": ind.id, "indicator": ind.description,
                   "national": nat.iloc[0] if len(nat) else _national_value(ind.id, year)}
            for pid in ids:
                hit = sub[sub["plan_id"] == pid]
                row[self.labels[pid]] = hit["value"].iloc[0] if len(hit) else None
            rows.append(row)
        return pd.DataFrame(rows).set_index("indicator_id")

    def side_by_side(self, plans: Sequence[str], year: int | None = None) -> pd.DataFrame:
        """The indicator matrix restricted to indicators that every given plan and the national
        strategy set a level for in ``year``."""
        matrix = self.indicator_matrix(year, plans)
        if matrix.empty:
            return matrix
        return matrix.dropna(subset=["national", *[self.labels[self.id_of(p)] for p in plans]])

    def responsibilities(self, map_successors: bool = False) -> pd.DataFrame:
        """One row per responsibility. With ``map_successors`` agencies are replaced by their
        current successors and ``mapped`` / ``agency_as_written`` / ``lineage`` say so."""
        rows = []
        for pid, doc in zip(self.ids, self.documents):
            for r in doc.responsibilities:
                used, chain = map_agency(r.agency_id) if map_successors else (r.agency_id, ())
                rows.append({"plan_id": pid, "plan": self.labels[pid], "plan_year": plan_year(doc),
                             "agency_id": used, "agency": agency_name(used, doc),
                             "agency_as_written": r.agency_id, "mapped": bool(chain),
                             "lineage": "; ".join(f"{c.kind} {c.date.isoformat()}: {agency_name(c.predecessor)} -> "
                                                  f"{agency_name(c.successor)}" for c in chain) or None,
                             "role": r.role, "requested": r.requested, "domain": responsibility_domain(doc, r),
                             "target_ids": "; ".join(r.target_ids) or None,
                             "objective_ids": "; ".join(r.objective_ids) or None, "section_id": r.section_id,
                             "task": r.task, "start": r.start, "end": r.end, "quote": doc.text[r.start:r.end]})
        return _frame(rows, "responsibilities")

    def responsibility_matrix(self, map_successors: bool = False, roles: Iterable[str] | None = None) -> pd.DataFrame:
        """(plan, agency) × domain → number of responsibilities."""
        df = self.responsibilities(map_successors)
        if roles is not None:
            df = df[df["role"].isin(list(roles))]
        if df.empty:
            return pd.DataFrame()
        return df.pivot_table(index=["plan", "agency"], columns="domain", values="start", aggfunc="count",
                              fill_value=0)

    def coverage(self) -> pd.DataFrame:
        """Per plan, each national indicator of the strategy it follows: ``adopted`` (a target
        measures it, itself or as part of a combined one) or ``dropped``; and each target that
        matches no national indicator: ``added``."""
        rows = []
        for pid, doc in zip(self.ids, self.documents):
            strategy = strategy_of(doc)
            by_ind: dict[str, list[str]] = {}
            for t in doc.targets:
                if t.indicator_id:
                    for covered in (t.indicator_id, *indicator_parts(t.indicator_id)):
                        by_ind.setdefault(covered, []).append(t.id)
            for ind in catalogue().indicators:
                if ind.strategy != strategy:
                    continue
                tids = by_ind.get(ind.id) or [tid for p in indicator_parts(ind.id) for tid in by_ind.get(p, [])]
                rows.append({"plan_id": pid, "plan": self.labels[pid], "strategy": strategy, "indicator_id": ind.id,
                             "indicator": ind.description, "domain": ind.domain,
                             "status": "adopted" if tids else "dropped",
                             "target_ids": "; ".join(dict.fromkeys(tids)) or None, "target_text": None})
            for t in doc.targets:
                if not t.indicator_id or (indicator(t.indicator_id) and indicator(t.indicator_id).strategy != strategy):
                    rows.append({"plan_id": pid, "plan": self.labels[pid], "strategy": strategy,
                                 "indicator_id": t.indicator_id, "indicator": None, "domain": t.domain,
                                 "status": "added", "target_ids": t.id, "target_text": t.text})
        return _frame(rows, "coverage")

    # ------------------------------------------------------------ graph

    def graph(self, map_successors: bool = False):
        """The responsibility graph of the whole corpus (see :mod:`gdparse.graph`)."""
        return graph_mod.build_graph(self.documents, map_successors=map_successors)

    def lead_counts(self, map_successors: bool = False) -> pd.DataFrame:
        return pd.DataFrame(graph_metrics.lead_counts(self.graph(map_successors)),
                            columns=["agency_id", "agency", "targets_led", "plans"])

    def targets_without_lead(self) -> pd.DataFrame:
        return pd.DataFrame(graph_metrics.targets_without_lead(self.graph()),
                            columns=["plan_id", "target", "label", "indicator_id", "text"])

    def coordination_hubs(self, map_successors: bool = False) -> pd.DataFrame:
        return pd.DataFrame(graph_metrics.coordination_hubs(self.graph(map_successors)),
                            columns=["agency_id", "agency", "partners", "shared_items", "betweenness"])

    def concentration(self) -> pd.DataFrame:
        """Concentration of responsibility per plan (and over all plans)."""
        g = self.graph()
        rows = [graph_metrics.concentration(g, pid) for pid in self.ids] + [graph_metrics.concentration(g)]
        for row in rows:
            row["plan"] = self.labels.get(row["plan_id"], "all plans")
        return pd.DataFrame(rows)

    # ------------------------------------------------------------ diff

    def diff(self, old: str, new: str, map_successors: bool = True):
        """What changed from plan ``old`` to plan ``new`` (see :func:`gdparse.diff.diff_plans`)."""
        from gdparse.diff import diff_plans

        return diff_plans(self.get(old), self.get(new), map_successors=map_successors)

    def successive_pairs(self) -> list[tuple[str, str]]:
        """(older, newer) plan ids of the same province, in order of year."""
        by_province: dict[str, list[tuple[int, str]]] = {}
        for pid, doc in zip(self.ids, self.documents):
            if doc.metadata.province:
                by_province.setdefault(doc.metadata.province, []).append((plan_year(doc) or 0, pid))
        pairs = []
        for plans in by_province.values():
            plans.sort()
            pairs.extend((a[1], b[1]) for a, b in zip(plans, plans[1:]))
        return pairs

    def diff_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Target and responsibility diffs of every successive pair of plans of one province."""
        diffs = [self.diff(a, b) for a, b in self.successive_pairs()]
        if not diffs:
            return _frame([], "diff_targets"), _frame([], "diff_responsibilities")
        return (pd.concat([d.target_frame() for d in diffs], ignore_index=True),
                pd.concat([d.responsibility_frame() for d in diffs], ignore_index=True))

    def tables(self, map_successors: bool = True) -> dict[str, pd.DataFrame]:
        """Every table by its export name."""
        diff_targets, diff_responsibilities = self.diff_tables()
        return {
            "plans": self.plans(),
            "targets": self.targets(),
            "indicator_matrix_2030": self.indicator_matrix(2030).reset_index(),
            "responsibilities": self.responsibilities(map_successors),
            "coverage": self.coverage(),
            "lead_counts": self.lead_counts(map_successors),
            "targets_without_lead": self.targets_without_lead(),
            "coordination_hubs": self.coordination_hubs(map_successors),
            "concentration": self.concentration(),
            "diff_targets": diff_targets,
            "diff_responsibilities": diff_responsibilities,
        }


@dataclass
class _Loading:
    """What :meth:`Corpus.load` has gathered so far."""

    loaded: list[tuple[str, PlanDocument]] = field(default_factory=list)  # (where it came from, document)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    to_parse: list[Path] = field(default_factory=list)
    warned: bool = False

    def add(self, path: Path) -> None:
        """A path given to ``load``: a document file read now, a plan or a folder sorted out."""
        from gdparse.inputs import discover

        mode = stat_path(path).st_mode  # raises InputNotFoundError (a FileNotFoundError) for a missing path
        if stat.S_ISREG(mode) and path.suffix.lower() in OUTPUT_SUFFIXES:
            self.loaded.extend((str(path), doc) for doc in _read_documents(path))
            return
        found = discover([path])
        self.to_parse += found.files
        self.failures += [(str(e.path), e.cause) for e in found.rejected]
        self.skipped += [(str(s.path), s.reason) for s in found.skipped]
        for f in found.documents:
            try:
                self.loaded.extend((str(f), doc) for doc in _read_documents(f))
            except GdparseError as exc:
                self.failures.append((str(f), exc.cause))
        if stat.S_ISDIR(mode) and not found.files and not found.documents:
            self.warned = True
            warnings.warn(f"{path}: no plan files and no gdparse documents in this folder ({len(found.skipped)} "
                          f"skipped, {len(found.rejected)} refused: see Corpus.skipped)", stacklevel=3)

    def parse(self, progress: bool) -> None:
        from gdparse.batch import parse_many

        for path, doc, cause in parse_many(self.to_parse, progress=progress):
            if doc is None:
                self.failures.append((str(path), cause or "unknown error"))
            else:
                self.loaded.append((str(path), doc))


def _once_each(loaded: list[tuple[str, PlanDocument]]) -> tuple[list[PlanDocument], list[tuple[str, str]]]:
    """The documents, each source (by sha256) once, in order; and the (path, reason) of the repeats
    (a folder with a parse output's JSON files and its documents.jsonl holds every plan twice)."""
    first: dict[str, str] = {}
    docs, repeats = [], []
    for origin, doc in loaded:
        sha = doc.source.sha256
        if sha in first:
            repeats.append((origin, f"the same document as {first[sha]} (source sha256 {sha[:12]}…): kept once"))
        else:
            first[sha] = origin
            docs.append(doc)
    return docs, repeats


def _national_value(indicator_id: str, year: int) -> float | None:
    from gdparse.compare_base import national_level

    m = national_level(indicator_id, year)
    return m.value if m else None
