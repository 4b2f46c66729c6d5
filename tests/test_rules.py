"""Rule matching: every field of a rule, against stories as the store describes them."""

from __future__ import annotations

import pytest

from crawler.alerts.rules import match_rules
from crawler.config.alerts import Rule, check_fts_query

FACTS = {
    1: {
        "relevance": "core",
        "sources": {"xinhua", "vna"},
        "actors": {"ASEAN", "CHN", "COC"},
        "articles": [
            {
                "id": 10,
                "title": "ASEAN, China speed up sea code talks",
                "body": "Ministers of ASEAN and China agreed to speed up talks on the South China "
                "Sea code, with partners watching closely.",
            }
        ],
    },
    2: {
        "relevance": "related",
        "sources": {"tass"},
        "actors": {"RUS", "VNM", "person:sergei-lavrov"},
        "articles": [
            {
                "id": 20,
                "title": "Lavrov visits Hanoi",
                "body": "Russian Foreign Minister Sergei Lavrov held talks in Hanoi on energy "
                "partnership.",
            }
        ],
    },
    3: {
        "relevance": "none",
        "sources": {"bernama"},
        "actors": {"MYS"},
        "articles": [
            {
                "id": 30,
                "title": "Football: Selangor win",
                "body": "Selangor beat their rivals in the South China Sea derby of the league.",
            }
        ],
    },
}


def stories(rule: Rule) -> list[int]:
    return sorted(m.story_id for m in match_rules((rule,), FACTS, set()))


@pytest.mark.parametrize(
    "rule,expected",
    [
        (Rule("q", query='"South China Sea"'), [1, 3]),
        (Rule("q", query='"South China Sea" NOT football'), [1]),
        (Rule("q", query="partner*"), [1, 2]),
        (Rule("q", query="NEAR(Lavrov energy, 6)"), [2]),
        (Rule("q", query="(Lavrov OR Selangor) AND talks"), [2]),
        (Rule("a", actors_all=("ASEAN", "CHN")), [1]),
        (Rule("a", actors_any=("person:sergei-lavrov", "MYS")), [2, 3]),
        (Rule("a", actors_any=("RUS", "CHN", "MYS"), actors_none=("CHN",)), [2, 3]),
        (Rule("s", query="talks", sources=("tass",)), [2]),
        (Rule("r", query='"South China Sea"', min_relevance="related"), [1]),
        (Rule("r", actors_any=("RUS", "CHN"), min_relevance="core"), [1]),
        (Rule("x", query="talks", actors_all=("VNM",)), [2]),
    ],
)
def test_every_rule_field(rule: Rule, expected: list[int]) -> None:
    """Phrases, NOT, prefixes, NEAR, parentheses, actors all/any/none, sources and min_relevance
    each narrow the stories a rule matches as documented."""
    assert stories(rule) == expected


def test_match_records_terms_actors_and_snippet() -> None:
    """An alert keeps the matched terms, the matched actors, the triggering article and a
    snippet."""
    [m] = match_rules(
        (Rule("q", query='"South China Sea"', actors_all=("ASEAN",)),), {1: FACTS[1]}, set()
    )
    assert (m.story_id, m.article_id) == (1, 10)
    assert m.terms == ["South China Sea"] and m.actors == ["ASEAN"]
    assert "South China Sea" in m.snippet


def test_stories_already_alerted_are_skipped() -> None:
    """A (rule, story) that has its alert raises none again."""
    assert match_rules((Rule("a", actors_any=("MYS",)),), FACTS, {("a", 3)}) == []


def test_fts_query_check() -> None:
    """Invalid FTS5 queries are found before any crawl."""
    assert check_fts_query('"South China Sea" AND ASEAN') is None
    assert "syntax error" in (check_fts_query("ASEAN AND") or "")
