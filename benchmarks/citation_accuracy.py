"""Recall, precision and field accuracy of the citation finder on real texts read by hand
(benchmarks/citation_gold.yml, texts in ../shared/corpus/extra/ and, named `office/…`, office
files of ../shared/corpus/office/). It runs `vanban citations`
as a user would and compares its JSON with the hand-made list: it shares no code with vanban.

A found citation matches a listed mention on the same line when one's words hold the other's, or
both hold the same symbol. Fields (type, number, name, date, issuer) are compared where the list
states them. The targets (issue 14): recall >= 0.93, precision >= 0.97, fields >= 0.95.

Usage: python benchmarks/citation_accuracy.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXTRA = CORPUS / "extra"
GOLD = Path(__file__).with_name("citation_gold.yml")
FIELDS = ("type", "number", "name", "date", "issuer")
SYMBOL = re.compile(r"\d+[a-z]?\s?[-/][^\s,;()]*")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("oá", "óa")
    return " ".join(re.sub(r"\s*([-/,])\s*", r"\1", text).split()).lower()


def found_in(path: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "vanban", "citations", str(path)], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{path.name}: vanban citations failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def _matches(entry: dict, found: dict) -> bool:
    core, raw = norm(entry["core"]), norm(found["raw"])
    if core in raw or raw in core:
        return True
    symbols = {s for s in SYMBOL.findall(core) if any(ch.isalpha() for ch in s)}
    return bool(symbols & {s for s in SYMBOL.findall(raw)})


def measure(gold: dict, verbose: bool = False) -> dict:
    totals = {"listed": 0, "found": 0, "matched": 0, "fields": 0, "fields_right": 0}
    per_text = {}
    for name, entries in gold.items():
        entries = entries or []
        found = found_in(CORPUS / name if "/" in name else EXTRA / name)
        used: set[int] = set()
        matched = fields = right = 0
        misses, wrong = [], []
        for entry in sorted(entries, key=lambda e: (e["line"], e.get("nth", 1))):
            candidates = [i for i, f in enumerate(found) if i not in used and f["line"] == entry["line"]
                          and _matches(entry, f)]
            if not candidates:
                misses.append(entry["core"])
                continue
            i = candidates[0]
            used.add(i)
            matched += 1
            for field in FIELDS:
                if field in entry:
                    fields += 1
                    value = found[i].get(field)
                    if value is not None and norm(str(value)) == norm(str(entry[field])):
                        right += 1
                    else:
                        wrong.append(f"{entry['core']}: {field} {value!r} (listed {entry[field]!r})")
        extra = [f["raw"] for i, f in enumerate(found) if i not in used]
        per_text[name] = (len(entries), len(found), matched, fields, right)
        for key, value in zip(("listed", "found", "matched", "fields", "fields_right"), per_text[name]):
            totals[key] += value
        if verbose:
            for m in misses:
                print(f"  {name}: missed   {m}")
            for e in extra:
                print(f"  {name}: not listed {e}")
            for w in wrong:
                print(f"  {name}: field    {w}")
    totals["recall"] = totals["matched"] / totals["listed"] if totals["listed"] else 1.0
    totals["precision"] = totals["matched"] / totals["found"] if totals["found"] else 1.0
    totals["field_accuracy"] = totals["fields_right"] / totals["fields"] if totals["fields"] else 1.0
    totals["per_text"] = per_text
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list each miss, extra and wrong field")
    parser.add_argument("--only", choices=("extra", "office"), help="only the report-like texts, or only the office files")
    parser.add_argument("--texts", nargs="+", metavar="NAME", help="only these texts (as the list names them)")
    args = parser.parse_args()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    if args.only:
        gold = {name: entries for name, entries in gold.items() if name.startswith("office/") == (args.only == "office")}
    if args.texts:
        gold = {name: entries for name, entries in gold.items() if name in args.texts}
    t = measure(gold, args.verbose)
    print(f"{'text':45} listed found matched fields right")
    for name, (listed, found, matched, fields, right) in t["per_text"].items():
        print(f"{name:45} {listed:6} {found:5} {matched:7} {fields:6} {right:5}")
    print(f"recall {t['recall']:.3f} ({t['matched']}/{t['listed']}), precision {t['precision']:.3f} "
          f"({t['matched']}/{t['found']}), fields right {t['field_accuracy']:.3f} ({t['fields_right']}/{t['fields']})")


if __name__ == "__main__":
    main()
