"""Time reading directive texts: each shared real text, and a made-up law of 100 articles
(3 khoản of 3 điểm each). The target (issue 13): a 100-article law read in under 50 ms.

Usage: python benchmarks/directive_read.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from vanban.read import read_directive

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus" / "directives"
HEAD = ("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLuật số: 99/2026/QH15\n"
        "Hà Nội, ngày 1 tháng 7 năm 2026\nLUẬT\nTHỬ NGHIỆM\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n")


def made_up_law(articles: int = 100) -> str:
    """A law in the shape real ones have: chapters of ten articles, khoản and điểm."""
    lines = [HEAD]
    for n in range(1, articles + 1):
        if n % 10 == 1:
            lines.append(f"Chương {n // 10 + 1}\nQUY ĐỊNH NHÓM {n // 10 + 1}")
        lines.append(f"Điều {n}. Nội dung điều {n}")
        for k in range(1, 4):
            lines.append(f"{k}. Khoản {k} của Điều {n} quy định việc thực hiện theo Nghị định số 71/2019/NĐ-CP:")
            lines += [f"{p}) Điểm {p} quy định chi tiết về trách nhiệm của cơ quan, tổ chức;" for p in "abc"]
    return "\n".join(lines) + "\n"


def time_read(path: Path, runs: int) -> tuple[float, int]:
    read_directive(path)  # warm: rules and patterns are loaded once per process
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        doc = read_directive(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, len(doc.blocks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    law = Path(tempfile.mkdtemp()) / "luat-100-dieu.txt"
    law.write_text(made_up_law(), encoding="utf-8")
    print(f"{'text':48} {'blocks':>7} {'median ms':>10}")
    for path in [law, *sorted(p for p in SHARED.glob("*.txt") if not p.name.endswith(".source.txt"))]:
        ms, blocks = time_read(path, args.runs)
        print(f"{path.name:48} {blocks:7d} {ms:10.1f}")


if __name__ == "__main__":
    main()
