"""The actor matcher's cost as the gazetteer grows: build time, memory, Matcher.find per article.

Run by hand (it is not a test); it prints figures:

    python benchmarks/matcher_scale.py [--gazetteer PATH] [--repeat 20]

- build: seconds to load the gazetteer and build the automaton (best of three, each in a fresh
  process), the number of names in it, and the process's resident memory before and after;
- find: milliseconds per call of Matcher.find on a typical labelled article (title + body, median
  over the default labelled set) and on one long article (every labelled body joined, about
  110 KB), the median of --repeat runs each.

Other work on the machine skews the timings; the long article's ms per KB is the figure to compare.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

# crawler is imported from this checkout, whether or not it is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.stories.gazetteer import load_gazetteer
from crawler.stories.mentions import Matcher

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "fixtures" / "labelled" / "stories.json"


def rss_mb() -> float:
    """Resident memory of this process now (Linux: /proc/self/statm)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * 4096 / 1e6


def build_once(gazetteer: str | None) -> dict[str, float]:
    """Load and build in this process; the figures as a dict."""
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    matcher = Matcher(load_gazetteer(gazetteer))
    seconds = time.perf_counter() - start
    gc.collect()
    return {
        "seconds": seconds,
        "rss_before": before,
        "rss_after": rss_mb(),
        "names": matcher.alias_count,
        "actors": len(matcher.gazetteer.actors),
    }


def build_in_fresh_process(gazetteer: str | None) -> dict[str, float]:
    args = [sys.executable, __file__, "--build-only"]
    if gazetteer:
        args += ["--gazetteer", gazetteer]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def time_find(matcher: Matcher, text: str, day: date, repeat: int) -> float:
    """Median milliseconds of one Matcher.find over `repeat` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        matcher.find(text, day)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gazetteer", default=None)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.build_only:
        print(json.dumps(build_once(args.gazetteer)))
        return 0
    builds = [build_in_fresh_process(args.gazetteer) for _ in range(3)]
    best = min(builds, key=lambda b: b["seconds"])
    print(
        f"gazetteer: {best['actors']} actors, {best['names']} names in the automaton\n"
        f"build (load + automaton), best of 3 fresh processes: {best['seconds']:.3f} s; "
        f"resident memory {best['rss_before']:.1f} MB -> {best['rss_after']:.1f} MB "
        f"(+{best['rss_after'] - best['rss_before']:.1f} MB)"
    )
    matcher = Matcher(load_gazetteer(args.gazetteer))
    articles = json.loads(LABELLED.read_text("utf-8"))["articles"]
    day = date(2026, 2, 9)
    typical = [time_find(matcher, f"{a['title']}\n{a['body']}", day, args.repeat) for a in articles]
    long_text = "\n".join(a["body"] for a in articles)
    long_ms = time_find(matcher, long_text, day, max(3, args.repeat // 4))
    kb = len(long_text.encode("utf-8")) / 1000
    print(
        f"find, labelled article (median of {len(articles)}): {statistics.median(typical):.3f} ms\n"
        f"find, long article ({kb:.0f} KB, {len(long_text.split()):,} words): {long_ms:.1f} ms "
        f"({long_ms / kb:.3f} ms per KB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
