"""How a case's output differs from its golden: a short summary per top-level field, then the
unified diff of the stored files (outline, JSON, text), cut after a number of lines."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator

from tests.golden_files import files_output

ORDER = (".outline.txt", ".json", ".text")
EXAMPLES_PER_FIELD = 3
ABSENT = "(absent)"


def leaf_changes(old: object, new: object, path: str = "") -> Iterator[tuple[str, object, object]]:
    """(path, old value, new value) of every leaf that differs; lists are compared by index, and a
    missing element or key is ``ABSENT``."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            yield from leaf_changes(old.get(key, ABSENT), new.get(key, ABSENT), f"{path}.{key}" if path else key)
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            yield from leaf_changes(old[i] if i < len(old) else ABSENT, new[i] if i < len(new) else ABSENT,
                                    f"{path}[{i}]")
    elif old != new:
        yield path, old, new


def short(value: object, width: int = 50) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def changed_lines(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def count(old: object, new: object) -> str:
    """A list's length when it changed: an element added or removed shifts every later index."""
    if isinstance(old, list) and isinstance(new, list) and len(old) != len(new):
        return f"{len(old)} -> {len(new)} items, "
    return ""


def field_summary(old: dict, new: dict) -> list[str]:
    """One line per top-level field that differs: how many leaves, and the first few of them."""
    by_field: dict[str, list[tuple[str, object, object]]] = defaultdict(list)
    for key in sorted(old.keys() | new.keys()):
        if key == "text":
            continue
        for change in leaf_changes(old.get(key, ABSENT), new.get(key, ABSENT), key):
            by_field[key].append(change)
    lines = []
    if old.get("text") != new.get("text"):
        lines.append(f"  text: {changed_lines(old.get('text') or '', new.get('text') or '')} lines differ")
    for key, changes in by_field.items():
        examples = "; ".join(f"{p}: {short(a)} -> {short(b)}" for p, a, b in changes[:EXAMPLES_PER_FIELD])
        more = f"; … {len(changes) - EXAMPLES_PER_FIELD} more" if len(changes) > EXAMPLES_PER_FIELD else ""
        lines.append(f"  {key}: {count(old.get(key), new.get(key))}{len(changes)} values differ ({examples}{more})")
    return lines


def unified(old_files: dict[str, str], new_files: dict[str, str], case_id: str) -> list[str]:
    lines: list[str] = []
    for suffix in ORDER:
        old, new = old_files.get(suffix, ""), new_files.get(suffix, "")
        if old != new:
            lines += [
                line.rstrip("\n")
                for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                                 f"golden/{case_id}{suffix}", f"current/{case_id}{suffix}", n=2)
            ]
    return lines


def report(case_id: str, old_files: dict[str, str] | None, new_files: dict[str, str], *,
           limit: int | None = 60, full: str = "") -> str:
    """What changed in one case; the diff cut after ``limit`` lines (``None``: all of it), with
    ``full`` saying where to see the rest."""
    if old_files is None:
        return f"{case_id}: no golden output yet"
    head = [f"{case_id}: output changed", *field_summary(files_output(old_files), files_output(new_files))]
    diff = unified(old_files, new_files, case_id)
    if limit is not None and len(diff) > limit:
        diff = [*diff[:limit], f"… {len(diff) - limit} more diff lines{': ' + full if full else ''}"]
    return "\n".join(head + diff)
