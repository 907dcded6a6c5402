"""A longer fuzz run than the property tests: random report-like texts and mutations of the
seed through read → extract → check → render, counting crashes and lost words.

Usage: python benchmarks/fuzz_run.py [--inputs N] [--seed S]
Prints figures; asserts nothing. A crash is any exception other than vanban's own error.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.mutations import MUTATIONS  # noqa: E402
from fuzz.oracle import lost_words  # noqa: E402
from vanban.check import check_report  # noqa: E402
from vanban.cite import extract_citations  # noqa: E402
from vanban.errors import VanbanError  # noqa: E402
from vanban.read import read_report  # noqa: E402
from vanban.render.report_page import render_report  # noqa: E402

PIECES = ["I. KẾT QUẢ", "1. Mục", "1.1. Tiểu mục", "- gạch", "+ cộng", "***", "BÁO CÁO", "-----",
          "[footnoteRef:2]", "[2: thân]", "[3:", "]", "[", "“", "”", '"', "Nghị quyết số 35-NQ/TW ngày 22/10/2018",
          "chiếm 85,7%", "42/49", "<script>", "*x*", "{: .c }", "*[TW]: x", "[^1]:", "--8<--", "|", "Đảng",
          "\n", " ", "Ð", "#", ">", "&amp;", "{{ x }}", "trong đó:", "6.576 đảng viên", "(sau đây gọi tắt là X)"]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 80)):
        if rng.random() < 0.7:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 10))))
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20201231)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seed_text = (ROOT / "data" / "reports" / "dong-ha-2020-xay-dung-dang.txt").read_text(encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="vanban-fuzz-"))
    path = folder / "r.txt"
    tried = refused = crashes = losses = 0
    started = time.perf_counter()
    for i in range(args.inputs):
        if i % 2:
            text = seed_text
            for mutate in rng.sample(MUTATIONS, k=rng.randint(1, 3)):
                text = mutate(text, rng)
        else:
            text = random_text(rng)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        tried += 1
        try:
            report = read_report(path, slug="r")
            check_report(report, extract_citations([report], folder))
            page = render_report(report)
        except VanbanError:
            refused += 1
            continue
        except Exception:  # a crash: report it with the input's number
            crashes += 1
            print(f"crash on input {i}:", traceback.format_exc().splitlines()[-1], file=sys.stderr)
            continue
        lost = lost_words(text, page)
        if lost:
            losses += 1
            print(f"lost words on input {i}: {dict(list(lost.items())[:5])}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"inputs tried: {tried} (seed {args.seed}); refused with a clear error: {refused}; "
          f"crashes: {crashes}; inputs that lost words: {losses}; {elapsed:.0f} s")


if __name__ == "__main__":
    main()
