"""Peak memory of a crawl whose server sends response headers without end, before and after the
header limits.

Run by hand (it is not a test):

    .venv/bin/python benchmarks/header_flood.py [--seconds 15] [--line-bytes 2000]

What it does: serves, on 127.0.0.1, one source whose feed URL answers with a status line and then
one header line of --line-bytes over and over (tests/floodserver.py), and runs `wirewatch crawl` on
it three times as a subprocess, with DOWNLOAD_TIMEOUT set to --seconds:
  1. Scrapy's own HTTP handler and no memory limit: the crawl as it was;
  2. Scrapy's own HTTP handler and the default memory limit: the memory-usage extension alone;
  3. wirewatch's defaults: the header limits (64 KiB, 100 lines) and the memory limit.
For each it prints the crawl process's peak resident memory (from wait4), the wall time, the run's
status and reason, the seed's outcome, and how many bytes the server sent before the crawler hung
up.

Long lines grow memory fastest; short ones (--line-bytes 10) keep Twisted's line splitting busy on
the CPU instead, so they fill memory slowly but hold the crawl until DOWNLOAD_TIMEOUT.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.floodserver import FloodServer  # noqa: E402

SCRAPY_HANDLER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"
CASES = {
    "Scrapy's handler, no memory limit": [
        "-s",
        f'DOWNLOAD_HANDLERS={{"http": "{SCRAPY_HANDLER}"}}',
        "-s",
        "MEMUSAGE_LIMIT_MB=0",
    ],
    "Scrapy's handler, memory limit": ["-s", f'DOWNLOAD_HANDLERS={{"http": "{SCRAPY_HANDLER}"}}'],
    "wirewatch defaults": [],
}


def crawl_once(tmp: Path, flood: FloodServer, seconds: float, extra: list[str]) -> dict[str, str]:
    cfg = tmp / "wirewatch.toml"
    cfg.write_text(
        "[crawl]\ndelay = 0.0\nautothrottle = false\nextract_workers = 1\nretries = 0\n"
        f'\n[[sources]]\nname = "flood"\nkind = "feed"\nurls = ["{flood.url("/feed.xml")}"]\n',
        "utf-8",
    )
    db = tmp / f"ww-{time.monotonic_ns()}.db"
    cmd = [sys.executable, "-m", "crawler.cli", "--config", str(cfg), "--db", str(db)]
    cmd += ["crawl", "--no-progress", "-s", f"DOWNLOAD_TIMEOUT={seconds}", *extra]
    before = flood.sent["/feed.xml"]
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ)
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    conn = sqlite3.connect(db)
    try:
        run = conn.execute("SELECT status, finish_reason FROM crawl_runs").fetchone()
        seed = conn.execute(
            "SELECT outcome, reason FROM url_outcomes WHERE kind = 'seed'"
        ).fetchone()
    finally:
        conn.close()
    time.sleep(0.5)  # the server thread records what it sent once the client is gone
    return {
        "peak RSS": f"{usage.ru_maxrss / 1024:.0f} MB",
        "wall": f"{wall:.1f} s",
        "exit": str(os.waitstatus_to_exitcode(status)),
        "run": f"{run[0]} ({run[1]})" if run else "none",
        "seed": f"{seed[0]}: {seed[1]}" if seed else "none",
        "server sent": f"{(flood.sent['/feed.xml'] - before) / 1024 / 1024:.1f} MB",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="DOWNLOAD_TIMEOUT of the runs")
    parser.add_argument(
        "--line-bytes", type=int, default=2000, help="length of the header line the server repeats"
    )
    args = parser.parse_args(argv)
    line = b"X-Pad: " + b"p" * max(1, args.line_bytes - 9) + b"\r\n"
    flood = FloodServer({"/feed.xml": line}, cap=1 << 40)
    try:
        with tempfile.TemporaryDirectory(prefix="header_flood_") as tmp:
            for name, extra in CASES.items():
                result = crawl_once(Path(tmp), flood, args.seconds, extra)
                print(f"{name}:")
                for key, value in result.items():
                    print(f"  {key:<12} {value}")
    finally:
        flood.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
