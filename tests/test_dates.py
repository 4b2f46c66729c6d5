"""crawler.extract.dates: parsing date strings into aware datetimes that keep their offset, and
writing them back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.extract.dates import parse_datetime, to_local_iso, to_utc_iso

KL = "Asia/Kuala_Lumpur"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-02-09T14:05:00+07:00", "2026-02-09T14:05:00+07:00"),
        ("2026-02-09T14:05:00+0700", "2026-02-09T14:05:00+07:00"),
        ("2026-02-09T14:05:00-05:00", "2026-02-09T14:05:00-05:00"),
        ("2026-02-09T14:05:00+05:45", "2026-02-09T14:05:00+05:45"),
    ],
)
def test_iso_with_offset_keeps_offset(text: str, expected: str) -> None:
    """An ISO 8601 time with an offset (with or without the colon) keeps that offset, whatever the
    home zone."""
    dt = parse_datetime(text, KL)
    assert dt is not None and dt.isoformat() == expected


@pytest.mark.parametrize(
    "text", ["2026-02-09T07:05:00Z", "2026-02-09T07:05:00.000Z", "2026-02-09T07:05:00z"]
)
def test_z_suffix_is_utc(text: str) -> None:
    """A trailing Z (RFC 3339 also allows a lower-case z) means UTC, never the home zone."""
    dt = parse_datetime(text, KL)
    assert dt is not None
    assert dt.utcoffset() == timedelta(0)
    assert dt == datetime(2026, 2, 9, 7, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mon, 09 Feb 2026 14:05:00 +0700", "2026-02-09T14:05:00+07:00"),
        ("Mon, 09 Feb 2026 14:05:00 GMT", "2026-02-09T14:05:00+00:00"),
        ("09 Feb 2026 14:05 +0800", "2026-02-09T14:05:00+08:00"),
        ("Mon, 09 Feb 2026 14:05:00 EST", "2026-02-09T14:05:00-05:00"),
    ],
)
def test_rfc822_keeps_offset(text: str, expected: str) -> None:
    """RFC 822 dates as RSS writes them keep their numeric or named offset."""
    dt = parse_datetime(text, KL)
    assert dt is not None and dt.isoformat() == expected


@pytest.mark.parametrize(
    "text", ["2026-02-09T14:05:00", "2026-02-09 14:05:00", "Mon, 09 Feb 2026 14:05:00"]
)
def test_naive_time_is_read_in_home_zone(text: str) -> None:
    """A time written without an offset is read in the given home zone (Kuala Lumpur: +08:00), never
    as UTC."""
    dt = parse_datetime(text, KL)
    assert dt is not None
    assert dt.utcoffset() == timedelta(hours=8)
    assert to_utc_iso(dt) == "2026-02-09T06:05:00+00:00"


def test_naive_time_follows_home_zone_daylight_saving() -> None:
    """The home zone's rules apply to each date: Paris is +01:00 in February and +02:00 in July."""
    assert (
        to_local_iso(parse_datetime("2026-02-09T14:05:00", "Europe/Paris"))
        == "2026-02-09T14:05:00+01:00"
    )
    assert (
        to_local_iso(parse_datetime("2026-07-09T14:05:00", "Europe/Paris"))
        == "2026-07-09T14:05:00+02:00"
    )


@pytest.mark.parametrize(
    "value", [1770620700, "1770620700", 1770620700000, "1770620700000", 1770620700.0]
)
def test_epoch_seconds_and_milliseconds(value: object) -> None:
    """Unix epoch in seconds (10 digits) or milliseconds (13 digits), as int, float or string, is
    the UTC instant."""
    dt = parse_datetime(value, KL)  # type: ignore[arg-type]
    assert dt == datetime(2026, 2, 9, 7, 5, tzinfo=UTC)
    assert dt is not None and dt.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "garbage",
        "yesterday",
        "2026-13-45T99:99:99",
        "Mon, 32 Foo 2026",
        "-1",
        "12345",
    ],
)
def test_garbage_is_none(text: str | None) -> None:
    """Empty, missing and unparseable values give None, never an exception or a made-up date."""
    assert parse_datetime(text, KL) is None


def test_to_utc_iso() -> None:
    """to_utc_iso writes the same instant in UTC with an explicit +00:00."""
    dt = parse_datetime("2026-02-09T14:05:00+07:00")
    assert dt is not None
    assert to_utc_iso(dt) == "2026-02-09T07:05:00+00:00"


def test_to_local_iso_writes_offset_not_zone_name() -> None:
    """to_local_iso writes the instant with its own numeric offset (+07:00, +08:00), whether the
    datetime came with a fixed offset or with a zone from the home-zone rule."""
    fixed = parse_datetime("2026-02-09T14:05:00+07:00")
    zoned = parse_datetime("2026-02-09T14:05:00", "Asia/Ho_Chi_Minh")
    assert fixed is not None and zoned is not None
    assert to_local_iso(fixed) == "2026-02-09T14:05:00+07:00"
    assert to_local_iso(zoned) == "2026-02-09T14:05:00+07:00"
    assert "Asia" not in to_local_iso(zoned)
