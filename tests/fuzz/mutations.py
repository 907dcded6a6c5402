"""Ways to break a report, shared by the property tests and the long fuzz run
(benchmarks/fuzz.py): each takes the text and a random generator and returns a new text."""

from __future__ import annotations

import random
import re
import unicodedata

LOOKALIKES = {"Đ": "Ð", "đ": "ð"}
CONTROL = [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\n\t"] + ["\x7f", "\u200b", "\ufeff", "\u202e"]


def delete_brackets(text: str, rng: random.Random) -> str:
    spots = [m.start() for m in re.finditer(r"[\[\]]", text)]
    for pos in sorted(rng.sample(spots, k=min(len(spots), rng.randint(1, 5))), reverse=True):
        text = text[:pos] + text[pos + 1 :]
    return text


def cut(text: str, rng: random.Random) -> str:
    """Cut the text anywhere: in a footnote body, a marker, a word."""
    return text[: rng.randint(1, max(1, len(text)))]


def shuffle_lines(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    rng.shuffle(lines)
    return "\n".join(lines)


def mix_nfd(text: str, rng: random.Random) -> str:
    return "\n".join(unicodedata.normalize(rng.choice(["NFC", "NFD", "NFKD"]), line) for line in text.split("\n"))


def lookalikes(text: str, rng: random.Random) -> str:
    return "".join(LOOKALIKES.get(c, c) if rng.random() < 0.5 else c for c in text)


def control_characters(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 20)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(CONTROL))
    return "".join(chars)


def long_line(text: str, rng: random.Random) -> str:
    return text.replace("\n", " ", rng.randint(10, 200))


def many_footnotes(text: str, rng: random.Random, count: int = 10_000) -> str:
    markers = "".join(f"chữ{i}[footnoteRef:{i}] " for i in range(1, count + 1))
    bodies = " ".join(f"[{i}: chú thích {i}]" for i in range(1, count + 1))
    return text + "\n" + markers + bodies + "\n"


MUTATIONS = [delete_brackets, cut, shuffle_lines, mix_nfd, lookalikes, control_characters, long_line]
