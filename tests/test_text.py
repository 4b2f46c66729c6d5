"""The words and tables every command prints: counted nouns and aligned columns."""

from __future__ import annotations

from crawler.text import counted, table


def test_counted_nouns_agree_with_their_count() -> None:
    """One of a thing is singular, none or many are plural, the English way for each ending."""
    assert [counted(n, "story") for n in (0, 1, 2)] == ["0 stories", "1 story", "2 stories"]
    assert [counted(n, "article") for n in (1, 3)] == ["1 article", "3 articles"]
    assert [counted(n, "match") for n in (1, 2)] == ["1 match", "2 matches"]
    assert counted(2, "day") == "2 days"
    assert counted(2, "person", "people") == "2 people" and counted(1, "person") == "1 person"


def test_a_table_keeps_its_columns_apart_and_each_record_on_one_line() -> None:
    """A value longer than its header widens the column for every line and still leaves two spaces
    before the next; counts line up on the right; a missing or empty value is '-'; a line break in
    a title does not split its record."""
    lines = table(
        ("source", "new", "note", "title"),
        [("a-wire-with-a-long-name", 7, None, "First"), ("vna", 12, "", "Two\nlines")],
    )
    assert lines == [
        "source                   new  note  title",
        "a-wire-with-a-long-name    7  -     First",
        "vna                       12  -     Two lines",
    ]
    assert table(("job", "status"), []) == ["job  status"]
