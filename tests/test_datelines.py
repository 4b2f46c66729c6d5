"""crawler.extract.datelines: wire datelines and credit tails, from the cases in
fixtures/datelines.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from crawler.extract.datelines import clean_wire_text, parse_dateline, strip_credit

DATA = json.loads(
    (Path(__file__).resolve().parent / "fixtures" / "datelines.json").read_text("utf-8")
)
CASES = DATA["cases"]
POSITIVE = [c for c in CASES if c["expected"]["place"] is not None]
# A place on a line of its own (Anadolu's "ANKARA" above the story) is a dateline only as the
# first line of a text: clean_wire_text reads it, parse_dateline on that one line does not.
IN_PARAGRAPH = [c for c in POSITIVE if not c["expected"].get("own_line")]


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in cases]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_clean_wire_text(case: dict[str, Any]) -> None:
    """clean_wire_text returns the dateline fields (place, agency, country, date) the case expects,
    drops the repeated title, bylines above the dateline, inserted 'Related news' / 'Also read'
    lines and the credit tail, and keeps the story from its first words to its last; a body without
    a dateline keeps its text unchanged."""
    body = "\n".join(case["paragraphs"])
    want = case["expected"]
    dateline, text = clean_wire_text(body, title=case.get("title"))
    got = (
        None
        if dateline is None
        else {
            "place": dateline.place,
            "agency": dateline.agency,
            "country": dateline.country,
            "date_text": dateline.date_text,
        }
    )
    expected = (
        None
        if want["place"] is None
        else {
            "place": want["place"],
            "agency": want["agency"],
            "country": want["country"],
            "date_text": want["date_text"],
        }
    )
    assert got == expected
    assert text.startswith(want["first_words"]), text[:80]
    assert text.endswith(want["last_words"]), text[-80:]
    for gone in want.get("absent", []):
        assert gone not in text
    if want.get("unchanged"):
        assert text == body


@pytest.mark.parametrize("case", IN_PARAGRAPH, ids=_ids(IN_PARAGRAPH))
def test_parse_dateline_on_the_dateline_paragraph(case: dict[str, Any]) -> None:
    """parse_dateline on the paragraph that carries the dateline returns the same fields and the
    rest of the paragraph starting at the story's first words (nothing of the dateline left in
    front)."""
    want = case["expected"]
    para = next(p for p in case["paragraphs"] if want["place"] in p[:40])
    dateline, rest = parse_dateline(para)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.country, dateline.date_text) == (
        want["place"],
        want["agency"],
        want["country"],
        want["date_text"],
    )
    assert rest.startswith(want["first_words"])


def test_parse_dateline_without_dateline_returns_text_untouched() -> None:
    """Text with no dateline gives (None, the same text)."""
    text = "Officials met on Monday to discuss the tariff schedule."
    assert parse_dateline(text) == (None, text)


def test_source_pattern_is_tried_first() -> None:
    """A source's own dateline pattern (from config) wins over the built-in forms, and its named
    groups fill the dateline fields."""
    pattern = re.compile(r"^\[(?P<place>[A-Z ]+)\]\s+")
    dateline, rest = parse_dateline(
        "[PHNOM PENH] Cambodia and China opened a new expressway.", pattern
    )
    assert dateline is not None and dateline.place == "PHNOM PENH" and dateline.agency is None
    assert rest == "Cambodia and China opened a new expressway."


CREDITS = DATA["credits"]


@pytest.mark.parametrize("case", CREDITS, ids=_ids(CREDITS))
def test_strip_credit(case: dict[str, Any]) -> None:
    """strip_credit removes each agency's credit tail (/. , -- BERNAMA, -- NNN-BERNAMA, (PNA),
    Enditem, (END), — VNS) and reports it; a text that merely mentions an agency keeps everything
    and reports no credit."""
    assert strip_credit(case["text"]) == (case["credit"], case["rest"])


def test_an_agency_name_alone_before_the_dash_is_no_place() -> None:
    """Nhan Dan opens with its own name ("NDO –"), not a place: the dateline names the agency and
    no place, so no state is read from it."""
    dateline, rest = parse_dateline("NDO – The Prime Minister joined other leaders at the summit.")
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (None, "NDO")
    assert rest.startswith("The Prime Minister joined")
