"""CPU that wirewatch's processes spend starting: the CLI, a crawl's own process, a worker's first
page, and the demo crawl end to end (all its processes). A small crawl is mostly start-up, so this
is what an on-demand `wirewatch crawl` (and the test suite, which runs hundreds) pays.

Run by hand (it is not a test):

    .venv/bin/python benchmarks/startup.py [--repeat 5] [--root CHECKOUT]

--root runs the wirewatch of another checkout (its `crawler` package, with this interpreter), to
measure the code before a change with the same benchmark.

Each figure is the median over --repeat fresh processes of their user+system CPU (children
included, from getrusage after they are reaped), and the modules each has loaded:
  - cli:    `python -m crawler.cli --help`;
  - crawl:  the imports of a crawl's process (the CLI, the runner, the item pipelines);
  - worker: what an extraction worker loads and does for its first page: the CLI module (a spawned
            worker imports the parent's main module), then extraction and analysis of one page of
            the demo site;
  - demo:   `wirewatch demo` into a new database: 18 articles, the crawl process and its worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CRAWL = "import crawler.cli, crawler.crawl.runner, crawler.pipelines"
WORKER = """
import sys
import crawler.cli
from pathlib import Path
from crawler.extract.article import Hints, extract_article
from crawler.stories.grouping import analyze
page = sorted(Path("crawler/demo/site/vna").rglob("*.html"))[0]
hints = Hints(agency="VNA", timezone="Asia/Ho_Chi_Minh")
article = extract_article(page.read_text("utf-8"), "http://127.0.0.1/" + page.name, hints)
analyze(article.title, article.body, article.published_at)
"""
REPORT = "\nprint(len([m for m in sys.modules if m.split('.')[0] != 'crawler']))"


def cpu_of(args: list[str], cwd: Path) -> tuple[float, str]:
    """(user+system seconds of the process and its children, its last line of output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.strip().splitlines()
    return spent, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT)
    opts = parser.parse_args()
    root = opts.root.resolve()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "cli": lambda n: [py, "-m", "crawler.cli", "--help"],
            "crawl": lambda n: [py, "-c", CRAWL + "\nimport sys" + REPORT],
            "worker": lambda n: [py, "-c", WORKER + REPORT],
            "demo": lambda n: [py, "-m", "crawler.cli", "--db", f"{tmp}/demo{n}.db", "demo"],
        }
        print(f"wirewatch at {root}, median of {opts.repeat} fresh processes")
        print(f"{'case':<8} {'CPU s':>7} {'min':>7} {'max':>7}  modules loaded (not wirewatch's)")
        for name, args in cases.items():
            spent, last = [], ""
            for n in range(opts.repeat):
                seconds, last = cpu_of(args(n), root)
                spent.append(seconds)
            modules = last if name in ("crawl", "worker") else ""
            print(
                f"{name:<8} {statistics.median(spent):7.2f} {min(spent):7.2f} {max(spent):7.2f}"
                f"  {modules}"
            )
    print(f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
