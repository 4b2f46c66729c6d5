"""`wirewatch serve` started as a user starts it, on any free port, for the web tests."""

from __future__ import annotations

import subprocess
import sys


def start_serve(*args: str, options: tuple[str, ...] = ()) -> tuple[subprocess.Popen[str], str]:
    """Start `wirewatch ARGS serve --port 0 OPTIONS`; return it with the address its first line
    gives (no trailing slash)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args, "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stdout.readline() if proc.stdout else ""
    if " at http://" not in first:
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise AssertionError(f"wirewatch serve did not start: {first}{err}")
    return proc, first.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
