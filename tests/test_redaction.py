"""Secrets stay out of log lines, and a long-running process that installs redaction again and again
(each digest job loads the config) keeps one filter per handler, not one more each time."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from crawler.alerts.redaction import RedactSecrets, install_redaction
from crawler.retry_after import retry_after_seconds


@pytest.fixture
def handler() -> Iterator[logging.StreamHandler[io.StringIO]]:
    stream = io.StringIO()
    h = logging.StreamHandler(stream)
    logging.getLogger().addHandler(h)
    try:
        yield h
    finally:
        logging.getLogger().removeHandler(h)


def test_five_installs_leave_one_filter_that_knows_every_secret(
    handler: logging.StreamHandler[io.StringIO],
) -> None:
    """Five installs with different secrets: one RedactSecrets filter on the handler, and every
    secret given so far is masked."""
    for i in range(5):
        install_redaction([f"hunter{i}-password"])
    assert sum(isinstance(f, RedactSecrets) for f in handler.filters) == 1
    logging.getLogger("crawler.test").warning(
        "login with %s and %s", "hunter0-password", "hunter4-password"
    )
    line = handler.stream.getvalue()
    assert "hunter" not in line and line.count("***") == 2


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("", None),
        ("soon", None),
        ("inf", None),
    ],
)
def test_retry_after_reads_seconds_and_dates(value: str, seconds: float | None) -> None:
    """Delta-seconds, a date (in the past: no wait), and nothing for a missing or unreadable
    value."""
    assert retry_after_seconds(value) == seconds
