"""Every labelled set scored at once, one line a set: what a round of changes moved, and where.

Run by hand (it is not a test):

    python benchmarks/sets_table.py [--kind dev|blind|all] [--jobs 2] [--save FILE] [--against FILE]

Each development set (tests/fixtures/dev/set*) and blind set (tests/fixtures/blind/set*) is stored,
grouped and scored as `blind_eval.py` scores one, in `--jobs` processes. Printed per set: grouping
within each author's part (precision / recall), re-told pairs joined, independent pairs kept apart,
`core` and `core`+`related` precision / recall, parties precision / recall; then the sums over the
sets printed (re-told pairs, independent pairs, parties right / wrong / missed). `--save` keeps the
figures as JSON; `--against` an earlier such file shows each figure that moved as `before>now`, so a
change is measured by scoring once before it and once after. Blind sets are scored, never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_eval import score_set

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# (heading, figure key, shown as a share or as a count "n of total")
COLUMNS = [
    ("part P", "grouping_within_parts_precision", None),
    ("part R", "grouping_within_parts_recall", None),
    ("re-told", "rewrite_pairs_joined", "rewrite_pairs"),
    ("apart", "independent_pairs_apart", "independent_pairs"),
    ("core P", "core_precision", None),
    ("core R", "core_recall", None),
    ("c+r P", "core_related_precision", None),
    ("c+r R", "core_related_recall", None),
    ("party P", "party_precision", None),
    ("party R", "party_recall", None),
]
SUMS = [
    "rewrite_pairs_joined",
    "rewrite_pairs",
    "independent_pairs_apart",
    "independent_pairs",
    "parties_right",
    "parties_wrong",
    "parties_missed",
]


def sets(kind: str) -> list[Path]:
    kinds = ["dev", "blind"] if kind == "all" else [kind]
    found = [p for k in kinds for p in (FIXTURES / k).glob("set*") if p.is_dir()]
    return sorted(found, key=lambda p: (p.parent.name, int(p.name[3:])))


def figures(folder: Path) -> dict[str, Any]:
    return score_set(folder)[0]


def cell(f: dict[str, Any], key: str, total: str | None) -> str:
    if total is not None:
        return f"{f[key]}/{f[total]}" if f[total] else "-"
    if key.startswith("grouping_") and not (f[key.replace("precision", "recall")] or f[key]):
        return "-"  # no pair of articles in one story: nothing to group
    return f"{f[key]:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kind", choices=["dev", "blind", "all"], default="all")
    ap.add_argument("--jobs", type=int, default=2, help="sets scored at once")
    ap.add_argument("--save", type=Path, help="write every set's figures to this JSON file")
    ap.add_argument("--against", type=Path, help="an earlier --save file to compare with")
    args = ap.parse_args(argv)
    folders = sets(args.kind)
    with ProcessPoolExecutor(args.jobs) as pool:
        names = [f"{p.parent.name} {p.name[3:]}" for p in folders]
        now = dict(zip(names, pool.map(figures, folders), strict=True))
    before = json.loads(args.against.read_text("utf-8")) if args.against else {}
    print(f"{'set':<9}" + "".join(f"{h:>15}" for h, _, _ in COLUMNS))
    for name, f in now.items():
        old = before.get(name)
        cells = []
        for _, key, total in COLUMNS:
            new = cell(f, key, total)
            was = cell(old, key, total) if old and key in old else new
            cells.append(new if was == new else f"{was}>{new}")
        print(f"{name:<9}" + "".join(f"{c:>15}" for c in cells))
    for kind in dict.fromkeys(n.split()[0] for n in now):
        total = {k: sum(f.get(k, 0) for n, f in now.items() if n.startswith(kind)) for k in SUMS}
        print(
            f"{kind}: re-told pairs joined {total['rewrite_pairs_joined']} of"
            f" {total['rewrite_pairs']}, independent pairs apart"
            f" {total['independent_pairs_apart']} of {total['independent_pairs']}, parties right /"
            f" wrong / missed {total['parties_right']} / {total['parties_wrong']} /"
            f" {total['parties_missed']}"
        )
    if args.save:
        args.save.write_text(json.dumps(now, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
