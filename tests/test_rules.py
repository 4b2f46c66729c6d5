"""Rule matching: every field of a rule, against stories as the store describes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.alerts.rules import match_rules
from crawler.config.alerts import Rule, check_fts_query
from crawler.store.database import Store
from crawler.stories.grouping import Grouper
from tests.conftest import run_wirewatch, save_and_group, write_config

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
    """Invalid FTS5 queries are found before any crawl; punctuated words are quoted in the fix
    offered, phrases, prefixes and NEAR kept; a query quoting cannot mend gets the rules instead."""
    assert check_fts_query('"South China Sea" AND ASEAN') is None
    assert "syntax error" in (check_fts_query("ASEAN AND") or "")
    assert (check_fts_query('NEAR(ASEAN-China trade, 10) OR "U.S." OR Indo-Pac*') or "").endswith(
        'put such words in double quotes: NEAR("ASEAN-China" trade, 10) OR "U.S." OR "Indo-Pac"*'
    )
    unmendable = check_fts_query("(ASEAN-China") or ""
    assert "close every bracket and quote" in unmendable and "(ASEAN-China" in unmendable


EXPLAINED = (
    "invalid {what} 'ASEAN-China' (no such column: China): FTS5 reads '-' and ':' as column filters"
    " and other punctuation as syntax, not as part of a word; put such words in double quotes:"
    ' "ASEAN-China"'
)


def test_a_hyphen_in_a_rule_or_a_search_is_explained_the_same_way(tmp_path: Path) -> None:
    """`ASEAN-China` as a rule query or a `wirewatch search`: one line that names the query, says
    what FTS5 makes of '-' and ':' and offers the quoted form instead of SQLite's 'no such column';
    the quoted form finds the article."""
    db = tmp_path / "ww.db"
    store = Store(db)
    try:
        save_and_group(
            store,
            Grouper(store),
            "https://xinhua.example/1",
            "xinhua",
            "ASEAN-China trade fair opens in Nanning",
            "The ASEAN-China trade fair opened in Nanning on Monday with record exhibitors.",
            "2026-02-09T08:00:00+00:00",
        )
    finally:
        store.close()
    source = '[[sources]]\nname = "xinhua"\nkind = "feed"\nurls = ["http://127.0.0.1:9/x"]\n'
    good = write_config(tmp_path / "good.toml", source)
    searched = run_wirewatch("--config", str(good), "--db", str(db), "search", "ASEAN-China")
    assert searched.returncode == 2 and "Traceback" not in searched.stderr
    assert searched.stderr == f"wirewatch: {EXPLAINED.format(what='search query')}\n"
    found = run_wirewatch("--config", str(good), "--db", str(db), "search", '"ASEAN-China"')
    assert found.returncode == 0 and "ASEAN-China trade fair opens" in found.stdout
    rule = '[[rules]]\nname = "fair"\nquery = "ASEAN-China"\n'
    bad = write_config(tmp_path / "bad.toml", source + rule)
    loaded = run_wirewatch("--config", str(bad), "--db", str(db), "rules", "test", "fair")
    assert loaded.returncode == 2 and len(loaded.stderr.splitlines()) == 1
    assert loaded.stderr.endswith(
        f"rules[0] (name 'fair'), field 'query': {EXPLAINED.format(what='query')}\n"
    )
