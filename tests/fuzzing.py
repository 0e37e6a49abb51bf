"""Mutations of real documents for fuzzing: delete, duplicate and swap lines, inject noise,
break encodings. Shared by tests/test_fuzz.py (a bounded run in CI) and bench/fuzz_campaign.py
(a long campaign)."""

from __future__ import annotations

import random
import unicodedata

NOISE = [
    "\x00", "\x07", "\ufffd", "\u0301", "\u0323\u0300", "**", "*", "###", "|", "\t", "\t\t", "<i>", "</sup>",
    "&nbsp;", "&#x1EA1;", "\u00a0", "\u200b", "\r", "\n\n\n", "¹", "⁴", "1.", "II.", "Mục tiêu 1:", "- Chỉ tiêu 2:",
    "Điều 1.", "Nơi nhận:", "KT. CHỦ TỊCH", "đạt 50% vào năm 2030", "((((", "))))", "1.1.1.1.1.1.", "Sở Sở Sở",
    "\ufeff", "a" * 300, " " * 200,
]


def mutate(text: str, rng: random.Random, steps: int = 3) -> str:
    """Apply ``steps`` random line-level or character-level mutations."""
    for _ in range(steps):
        lines = text.split("\n")
        op = rng.choice(("delete", "duplicate", "swap", "noise", "noise", "truncate", "mojibake", "nfd"))
        i = rng.randrange(len(lines))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "noise":
            line = lines[i]
            pos = rng.randrange(len(line) + 1)
            lines[i] = line[:pos] + rng.choice(NOISE) + line[pos:]
        elif op == "truncate":
            lines = lines[: max(1, i)]
        elif op == "mojibake":
            # A slice decoded with the wrong code page, as when a portal mislabels its charset.
            lines[i] = lines[i].encode("utf-8").decode("latin-1")
        elif op == "nfd":
            lines[i] = unicodedata.normalize("NFD", lines[i])
        text = "\n".join(lines)
    return text


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage: a cut multi-byte character, random bytes, a stray BOM."""
    op = rng.choice(("cut", "bytes", "bom", "utf16"))
    pos = rng.randrange(len(data) + 1)
    if op == "cut":
        return data[:pos] + data[pos + 1 :]
    if op == "bytes":
        return data[:pos] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + data[pos:]
    if op == "bom":
        return data[:pos] + b"\xef\xbb\xbf" + data[pos:]
    return data.decode("utf-8", errors="replace").encode("utf-16")


def pieces_and_spans(pieces: list[str], seed: int, count: int = 3000, longest: int = 30):
    """``count`` texts of up to ``longest`` random ``pieces`` (fixed by ``seed``), each with a
    random span ``(text, start, end)`` of it: inputs for fast paths checked against plain ones."""
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))
        start = rng.randint(0, len(text))
        yield text, start, rng.randint(start, len(text))
