"""crawler.extract.written_dates: dates as pages print them, read in the site's zone and with its
day/month order."""

from __future__ import annotations

import pytest

from crawler.extract.written_dates import date_order, find_written_dates

HCM = "Asia/Ho_Chi_Minh"


def _read(text: str, zone: str) -> list[tuple[str, bool]]:
    return [
        (d.value.isoformat(), d.has_time) for d in find_written_dates(text, zone, date_order(zone))
    ]


@pytest.mark.parametrize(
    "text, zone, expected",
    [
        ("Published: 03/12/2026 14:05", HCM, "2026-12-03T14:05:00+07:00"),
        ("Updated 3 Dec 2026, 2:05 pm", "Asia/Kuala_Lumpur", "2026-12-03T14:05:00+08:00"),
        ("December 3, 2026 | 14:05 GMT+7", "Asia/Singapore", "2026-12-03T14:05:00+07:00"),
        ("Thứ Ba, 03/12/2026 - 14:05", HCM, "2026-12-03T14:05:00+07:00"),
        ("03 Dec 2026 02:05 PM", "Asia/Manila", "2026-12-03T14:05:00+08:00"),
        ("2026-12-03 14:05 WIB", "UTC", "2026-12-03T14:05:00+07:00"),
        ("Kamis, 3 Desember 2026 14:05 WIB", "Asia/Jakarta", "2026-12-03T14:05:00+07:00"),
        ("Jumaat, 3 Disember 2026 14:05", "Asia/Kuala_Lumpur", "2026-12-03T14:05:00+08:00"),
        ("Thứ năm, 3/12/2026, 14:05 (GMT+7)", "Asia/Kuala_Lumpur", "2026-12-03T14:05:00+07:00"),
        ("14:05 03/12/2026", HCM, "2026-12-03T14:05:00+07:00"),
        ("Cập nhật: 14h05 ngày 3 tháng 12 năm 2026", HCM, "2026-12-03T14:05:00+07:00"),
        ("3 Des 2026 14.05 WITA", "Asia/Jakarta", "2026-12-03T14:05:00+08:00"),
        ("Dec. 3, 2026, 2:05 p.m. ET", "UTC", "2026-12-03T14:05:00-05:00"),
        ("2026-12-03T14:05:00+07:00", "Europe/Moscow", "2026-12-03T14:05:00+07:00"),
        ("2026-12-03T07:05:00Z", HCM, "2026-12-03T07:05:00+00:00"),
        ("Dec 3, 2026 @14:05 PM", "Asia/Manila", "2026-12-03T14:05:00+08:00"),
    ],
)
def test_printed_formats(text: str, zone: str, expected: str) -> None:
    """Each format the agencies print is one instant: a time without an offset in the site's zone,
    a named zone or offset (GMT+7, WIB, WITA, ET, Z) as printed, a 12-hour clock turned into 14:05,
    weekdays and labels around the date ignored, and the time found before or after the date."""
    assert _read(text, zone) == [(expected, True)]


def test_date_without_time_is_the_start_of_the_day() -> None:
    """`Posted on 3 December 2026` is the start of that day in the site's zone, marked as having
    no time of day."""
    assert _read("Posted on 3 December 2026", "Asia/Manila") == [
        ("2026-12-03T00:00:00+08:00", False)
    ]


@pytest.mark.parametrize(
    "zone, expected",
    [
        (HCM, "2026-12-03T14:05:00+07:00"),
        ("Asia/Jakarta", "2026-12-03T14:05:00+07:00"),
        ("Asia/Kuala_Lumpur", "2026-12-03T14:05:00+08:00"),
        ("Asia/Manila", "2026-12-03T14:05:00+08:00"),
        ("America/New_York", "2026-03-12T14:05:00-04:00"),
        ("America/Chicago", "2026-03-12T14:05:00-05:00"),
    ],
)
def test_numeric_date_follows_the_site_country(zone: str, expected: str) -> None:
    """`03/12/2026 14:05` is 3 December on a site in Viet Nam, Indonesia, Malaysia or the
    Philippines (day first) and 12 March on a site in the United States (month first)."""
    assert _read("03/12/2026 14:05", zone) == [(expected, True)]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/Toronto"])
def test_ambiguous_numeric_date_is_left_out(zone: str) -> None:
    """Where the country's order is unknown (UTC, an unknown agency) or not settled (Japan writes
    the year first, Canada both ways), `03/12/2026` could be 3 December or 12 March: nothing is
    read rather than a guess."""
    assert _read("Published: 03/12/2026 14:05", zone) == []


@pytest.mark.parametrize(
    "text, zone, expected",
    [
        ("25/11/2026 09:30", "UTC", "2026-11-25T09:30:00+00:00"),
        ("11/25/2026 09:30", HCM, "2026-11-25T09:30:00+07:00"),
        ("05/05/2026 09:30", "UTC", "2026-05-05T09:30:00+00:00"),
        ("2026/11/03 09:30", "UTC", "2026-11-03T09:30:00+00:00"),
    ],
)
def test_numeric_date_with_one_reading(text: str, zone: str, expected: str) -> None:
    """A numeric date with only one valid reading needs no convention: a day over 12, the same day
    and month, or the year first."""
    assert _read(text, zone) == [(expected, True)]


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2026 10:00",
        "03/12/2026 25:10",
        "3 Dec 2026 13:05 am",
        "3 Dec 2026 0:05 pm",
        "2:05 pm",
        "Dec 3, 14:05",
        "Version 3.12.2026-beta",
        "call 0903/12/2026",
    ],
)
def test_no_date_or_an_impossible_one(text: str) -> None:
    """An impossible date or time, a time without a date, a date without a year and digits glued
    to other text give nothing."""
    assert _read(text, HCM) == []


def test_each_date_keeps_its_own_time() -> None:
    """`Published 02/12/2026 10:00 | Updated 03/12/2026 14:05` is two instants; in `3 Dec 2026
    14:05 · 4 Dec 2026` the time belongs to the first date, not to both."""
    assert _read("Published 02/12/2026 10:00 | Updated 03/12/2026 14:05", HCM) == [
        ("2026-12-02T10:00:00+07:00", True),
        ("2026-12-03T14:05:00+07:00", True),
    ]
    assert _read("3 Dec 2026 14:05 · 4 Dec 2026", HCM) == [
        ("2026-12-03T14:05:00+07:00", True),
        ("2026-12-04T00:00:00+07:00", False),
    ]


@pytest.mark.parametrize(
    "zone, order",
    [
        (HCM, "dmy"),
        ("Asia/Saigon", "dmy"),
        ("Asia/Jakarta", "dmy"),
        ("Asia/Phnom_Penh", "dmy"),
        ("Europe/Moscow", "dmy"),
        ("America/New_York", "mdy"),
        ("US/Eastern", "mdy"),
        ("Pacific/Guam", "mdy"),
        ("Asia/Shanghai", None),
        ("UTC", None),
    ],
)
def test_date_order_of_a_zone(zone: str, order: str | None) -> None:
    """The order comes from the zone's country in tzdata, old names (Asia/Saigon, US/Eastern)
    included."""
    assert date_order(zone) == order
