"""A deterministic synthetic archive: N reports shaped like real ones, for the scale benchmark.

Each report (~50 KB) has a header, sections at three levels, numbered paragraphs, bullets,
footnotes, figures and citations drawn from a pool of a few thousand directives across levels
and terms: numbers reused across terms, `/TU` of a Tỉnh ủy and of a Thành ủy, short forms,
conference resolutions. Prose is sentences of the seed report, shuffled.

Usage: python benchmarks/corpus.py OUT_DIR N [--seed S]   (writes a project folder)
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "reports" / "dong-ha-2020-xay-dung-dang.txt"
TERMS = [("X", 2006, 2010), ("XI", 2011, 2015), ("XII", 2016, 2020), ("XIII", 2021, 2025)]
CENTRAL = [("Nghị quyết", "NQ", ["Bộ Chính trị", "Ban Chấp hành Trung ương"]),
           ("Chỉ thị", "CT", ["Bộ Chính trị", "Ban Bí thư"]), ("Kết luận", "KL", ["Bộ Chính trị", "Ban Bí thư"]),
           ("Quy định", "QĐ", ["Bộ Chính trị", "Ban Bí thư"]), ("Hướng dẫn", "HD", ["Ban Tổ chức Trung ương"])]
LOCAL = [("Kế hoạch", "KH"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Quyết định", "QĐ"), ("Công văn", "CV")]
PLACES = [("QUẢNG TRỊ", "ĐÔNG HÀ"), ("THỪA THIÊN HUẾ", "HUẾ"), ("QUẢNG BÌNH", "ĐỒNG HỚI"), ("NGHỆ AN", "VINH"),
          ("HÀ TĨNH", "HÀ TĨNH"), ("QUẢNG NAM", "TAM KỲ"), ("BÌNH ĐỊNH", "QUY NHƠN"), ("PHÚ YÊN", "TUY HÒA")]
ROMAN = ["I", "II", "III"]
MARKUP = re.compile(r"\[footnoteRef:\d+\]|\[\d+:.*?\][ \t]*(?=\[\d+:|\n|$)", re.DOTALL)


def sentences() -> list[str]:
    text = MARKUP.sub("", SEED.read_text(encoding="utf-8"))
    out = []
    for line in text.split("\n")[13:]:
        for s in re.split(r"(?<=[.;])\s+", line.strip()):
            s = re.sub(r"^[\d.]+\s*|^[-+]\s*", "", s).strip()
            if 40 < len(s) < 400 and "footnote" not in s and "[" not in s:
                out.append(s)
    return out


def directive_pool(rng: random.Random, size: int = 3000) -> list[dict]:
    pool = []
    while len(pool) < size:
        if rng.random() < 0.45:
            name, code, issuers = rng.choice(CENTRAL)
            term, first, last = rng.choice(TERMS)
            year = rng.randint(first, last)
            pool.append({"type": name, "symbol": f"{rng.randint(1, 60):02d}-{code}/TW", "year": year,
                         "issuer": rng.choice(issuers), "term": term})
        else:
            name, code = rng.choice(LOCAL)
            province = rng.random() < 0.5
            year = rng.randint(2010, 2020)
            pool.append({"type": name, "symbol": f"{rng.randint(1, 200):02d}-{code}/TU", "year": year,
                         "issuer": "Ban Thường vụ Tỉnh ủy" if province else "Ban Thường vụ Thành ủy", "term": None})
    return pool


def citation(d: dict, rng: random.Random, full: bool) -> str:
    if not full:
        number = d["symbol"].split("-")[0]
        return f"{d['type']} {number}" if rng.random() < 0.5 else f"{d['type']} số {d['symbol']}"
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    when = f" ngày {day}/{month}/{d['year']}" if rng.random() < 0.8 else ""
    term = f" khóa {d['term']}" if d["term"] and rng.random() < 0.3 else ""
    return f"{d['type']} số {d['symbol']}{when} của {d['issuer']}{term}"


def report(i: int, rng: random.Random, pool: list[dict], prose: list[str]) -> tuple[str, str]:
    province, city = PLACES[i % len(PLACES)]
    year = 2011 + i % 10
    lines = [f"ĐẢNG BỘ TỈNH {province}", f"THÀNH ỦY {city}", "*", f"Số {rng.randint(100, 999)}-BC/TU",
             "ĐẢNG CỘNG SẢN VIỆT NAM", f"{city.title()}, ngày {rng.randint(1, 28)} tháng 12 năm {year}", "",
             "BÁO CÁO", f"tổng kết công tác xây dựng Đảng năm {year}, phương hướng, nhiệm vụ năm {year + 1}", "-----"]
    cited = [d for d in pool if d["year"] <= year]
    footnote = 2
    size = 0
    for r, roman in enumerate(ROMAN):
        lines.append(f"{roman}. {'KẾT QUẢ THỰC HIỆN NHIỆM VỤ' if r == 0 else 'PHƯƠNG HƯỚNG, NHIỆM VỤ'} NĂM {year + r // 2}")
        for a in range(1, 4):
            lines.append(f"{a}. Lĩnh vực công tác thứ {a}")
            for b in range(1, 4):
                lines.append(f"{a}.{b}. Nội dung công tác {a}.{b}")
                for _ in range(rng.randint(2, 3)):
                    body = " ".join(rng.sample(prose, 3))
                    d = rng.choice(cited)
                    body += f" Thực hiện {citation(d, rng, True)}, kết quả đạt {rng.randint(20, 49)}/49 TCCS đảng."
                    if rng.random() < 0.4:
                        body += f" Tiếp tục quán triệt {citation(d, rng, False)}."
                    if rng.random() < 0.5:
                        body += f"[footnoteRef:{footnote}] [{footnote}: {citation(rng.choice(cited), rng, True)}; " \
                                f"{rng.choice(prose)}]"
                        footnote += 1
                    lines.append(body)
                if rng.random() < 0.5:
                    lines += [f"- {rng.choice(prose)}" for _ in range(2)]
                size = sum(len(line) for line in lines)
                if size > 50_000:
                    break
    lines += ["***", rng.choice(prose)]
    committee = f"Thành ủy {city.title()} (Đảng bộ tỉnh {province.title()})"
    sidecar = f"slug: bao-cao-{i:04d}\ncommittee: {committee}\ndate: {year}-12\n"
    return "\n".join(lines) + "\n", sidecar


def make_project(out: Path, n: int, seed: int = 2021) -> Path:
    """A project folder: the repo's mkdocs.yml, assets, catalog and glossary, and N reports."""
    rng = random.Random(seed)
    prose = sentences()
    pool = directive_pool(rng)
    if out.exists():
        shutil.rmtree(out)
    (out / "data" / "reports").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", out / "docs" / "assets")
    for name in ("directives.yml", "glossary.yml"):
        shutil.copy(ROOT / "data" / name, out / "data" / name)
    for i in range(n):
        text, sidecar = report(i, rng, pool, prose)
        (out / "data" / "reports" / f"bao-cao-{i:04d}.txt").write_text(text, encoding="utf-8")
        (out / "data" / "reports" / f"bao-cao-{i:04d}.yml").write_text(sidecar, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    make_project(args.out, args.n, args.seed)
    sizes = [p.stat().st_size for p in (args.out / "data" / "reports").glob("*.txt")]
    print(f"{len(sizes)} reports, {sum(sizes) / len(sizes) / 1024:.0f} KB each on average, in {args.out}")


if __name__ == "__main__":
    main()
