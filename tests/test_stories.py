"""Stories: wire copy re-sent by other agencies and updates join one story; separate reports stay
separate; grouping holds across restarts and is bounded to a window of recent days."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.extract.article import content_hash
from crawler.store.database import Store
from crawler.stories.grouping import Grouper
from tests.conftest import FIXTURES, group_texts, query, run_wirewatch, save_and_group

SUMMIT = (FIXTURES / "stories" / "summit.txt").read_text("utf-8").strip()
OTHER = (FIXTURES / "stories" / "summit_other_report.txt").read_text("utf-8").strip()


def carried(text: str) -> str:
    """The same wire text as another agency carries it: a sentence reworded, a paragraph dropped,
    names spelled their way."""
    paras = text.split("\n")
    paras[0] = paras[0].replace("agreed on Monday to speed up", "on Monday agreed to accelerate")
    del paras[4]
    return "\n".join(paras).replace("South China Sea", "East Sea")


def updated(text: str) -> str:
    """An UPDATE: a new top paragraph and a new last one, the rest as before."""
    return (
        "The meeting also produced a joint statement on the sidelines, officials said later on "
        "Monday.\n"
        + text
        + "\nThe next round of talks will be held in Hanoi in March, the chair's office said."
    )


add = save_and_group


def story_of_id(tmp_path: Path, article_id: int) -> int:
    store = Store(tmp_path / "ww.db")
    try:
        return story_of(store, article_id)
    finally:
        store.close()


def story_of(store: Store, article_id: int) -> int:
    return store.conn.execute(
        "SELECT story_id FROM articles WHERE id = ?", (article_id,)
    ).fetchone()[0]


def test_one_story_for_three_carriers_and_an_update(tmp_path: Path) -> None:
    """Xinhua, VNA and Bernama carrying one wire story, and an UPDATE at a new URL, make one story
    whose title is that of the earliest-published article; an independent report of the same meeting
    stays apart."""
    store = Store(tmp_path / "ww.db")
    grouper = Grouper(store)
    vna = add(
        store,
        grouper,
        "https://vna.example/a",
        "vna",
        "ASEAN, China speed up East Sea code talks",
        carried(SUMMIT),
        "2026-02-09T09:00:00+00:00",
    )
    xinhua = add(
        store,
        grouper,
        "https://xinhua.example/a",
        "xinhua",
        "China, ASEAN agree to accelerate COC talks",
        SUMMIT,
        "2026-02-09T08:00:00+00:00",
    )
    bernama = add(
        store,
        grouper,
        "https://bernama.example/a",
        "bernama",
        "ASEAN, China to speed up COC talks",
        SUMMIT.replace("Wang Yi", "Wang"),
        "2026-02-09T10:00:00+00:00",
    )
    update = add(
        store,
        grouper,
        "https://xinhua.example/b",
        "xinhua",
        "UPDATE: China, ASEAN agree to accelerate",
        updated(SUMMIT),
        "2026-02-09T12:00:00+00:00",
    )
    other = add(
        store,
        grouper,
        "https://kyodo.example/a",
        "kyodo",
        "Manila presses Beijing on sea code deadline",
        OTHER,
        "2026-02-09T09:30:00+00:00",
    )
    story = story_of(store, vna)
    assert {story_of(store, a) for a in (xinhua, bernama, update)} == {story}
    assert story_of(store, other) != story
    row = store.stories.story(story)
    assert row["title"] == "China, ASEAN agree to accelerate COC talks"
    assert row["article_count"] == 4 and row["sources"] == '["bernama", "vna", "xinhua"]'
    assert row["relevance"] == "core"
    assert store.count("stories") == 2
    store.close()


def test_a_batch_written_in_one_transaction_makes_the_stories_of_one_by_one(
    tmp_path: Path,
) -> None:
    """Articles grouped several at a time in one write transaction (as a crawl does) end in the
    same stories, with the same titles, actors, places and relevance, as when grouped one by one;
    every story is queued for the rules."""
    texts = [
        ("vna", "ASEAN, China speed up East Sea code talks", carried(SUMMIT)),
        ("xinhua", "China, ASEAN agree to accelerate COC talks", SUMMIT),
        ("kyodo", "Manila presses Beijing on sea code deadline", OTHER),
        ("xinhua", "UPDATE: China, ASEAN agree to accelerate", updated(SUMMIT)),
    ]

    def stored(name: str) -> tuple[Store, list[int]]:
        store = Store(tmp_path / f"{name}.db")
        ids = []
        for n, (source, title, body) in enumerate(texts):
            url = f"https://{source}.example/{n}"
            fields = {"url": url, "canonical_url": url, "title": title, "body": body}
            fields |= {"published_at": f"2026-02-09T{8 + n:02d}:00:00+00:00"}
            with store.write():
                ids.append(
                    store.articles.save(
                        {**fields, "content_hash": content_hash(body)},
                        [(url, "canonical")],
                        source,
                        None,
                    )[1]
                )
        return store, ids

    def outcome(store: Store) -> list[tuple]:
        return [
            tuple(r)
            for r in store.conn.execute(
                "SELECT a.id, a.story_id, s.title, s.article_count, s.relevance, s.score,"
                " (SELECT group_concat(actor) FROM story_actors WHERE story_id = s.id),"
                " (SELECT group_concat(actor) FROM story_places WHERE story_id = s.id),"
                " (SELECT COUNT(*) FROM rule_queue WHERE story_id = s.id)"
                " FROM articles a JOIN stories s ON s.id = a.story_id ORDER BY a.id"
            )
        ]

    one, ids = stored("one")
    grouper = Grouper(one)
    for article_id in ids:
        grouper.assign(article_id)
    batch, ids = stored("batch")
    assignments = Grouper(batch).assign_many([(article_id, None) for article_id in ids])
    assert [a.story_id for a in assignments if a] == [r[1] for r in outcome(batch)]
    assert outcome(batch) == outcome(one)
    assert len({r[1] for r in outcome(one)}) == 2
    one.close()
    batch.close()


def test_grouping_holds_across_restarts(tmp_path: Path) -> None:
    """A twin stored after a restart (a new process, a new index) joins the story of the one stored
    before."""
    store = Store(tmp_path / "ww.db")
    first = add(
        store,
        Grouper(store),
        "https://a.example/1",
        "xinhua",
        "T1",
        SUMMIT,
        "2026-02-09T08:00:00+00:00",
    )
    store.close()
    store = Store(tmp_path / "ww.db")
    second = add(
        store,
        Grouper(store),
        "https://b.example/1",
        "vna",
        "T2",
        carried(SUMMIT),
        "2026-02-09T09:00:00+00:00",
    )
    assert story_of(store, first) == story_of(store, second)
    store.close()


def test_index_is_bounded_to_the_window(tmp_path: Path) -> None:
    """Articles fetched longer ago than the window leave the index: a copy re-sent a month later
    starts a new story, and the index holds only the recent article."""
    store = Store(tmp_path / "ww.db")
    old = add(
        store,
        Grouper(store),
        "https://a.example/1",
        "xinhua",
        "T1",
        SUMMIT,
        "2026-01-01T08:00:00+00:00",
    )
    with store.write():
        store.conn.execute(
            "UPDATE articles SET fetched_at = '2026-01-01T08:05:00+00:00' WHERE id = ?", (old,)
        )
        store.conn.execute("UPDATE article_signatures SET seen_at = '2026-01-01T08:05:00+00:00'")
    grouper = Grouper(store, window_days=7)
    new = add(
        store,
        grouper,
        "https://b.example/1",
        "vna",
        "T2",
        carried(SUMMIT),
        "2026-02-09T09:00:00+00:00",
    )
    assert story_of(store, old) != story_of(store, new)
    assert len(grouper.index) == 1
    store.close()


def test_article_stored_without_story_is_grouped_later(tmp_path: Path) -> None:
    """An article whose grouping never ran (a crash between the two steps) is grouped by
    assign_pending."""
    store = Store(tmp_path / "ww.db")
    fields = {
        "url": "https://a.example/1",
        "canonical_url": "https://a.example/1",
        "title": "T",
        "body": SUMMIT,
        "published_at": "2026-02-09T08:00:00+00:00",
        "content_hash": content_hash(SUMMIT),
    }
    with store.write():
        _, article_id = store.articles.save(
            fields, [("https://a.example/1", "canonical")], "xinhua", None
        )
    assert story_of(store, article_id) is None
    assert Grouper(store).assign_pending() == 1
    assert story_of(store, article_id) is not None
    store.close()


def _group_fixture(tmp_path: Path, path: Path, wanted: tuple[str, ...]) -> dict[str, int | None]:
    """Articles of a labelled file stored and grouped in publication order, as crawled (no
    dateline, no credit line); their story ids by article id."""
    from crawler.extract.datelines import clean_wire_text

    part = json.loads(path.read_text("utf-8"))
    arts = {a["id"]: a for a in part["articles"] if a["id"] in wanted}
    store = Store(tmp_path / "ww.db")
    grouper = Grouper(store)
    try:
        ids = {
            k: add(
                store,
                grouper,
                a["url"],
                a["source"],
                a["title"],
                clean_wire_text(a["body"])[1],
                a["published_at"],
            )
            for k, a in sorted(arts.items(), key=lambda kv: kv[1]["published_at"])
        }
        return {k: story_of(store, i) for k, i in ids.items()}
    finally:
        store.close()


def test_a_retold_report_joins_its_story_and_an_independent_one_does_not(tmp_path: Path) -> None:
    """From the development set: VNA's re-telling of a Xinhua briefing report (hardly a 4-word
    phrase in common) joins it; TASS's and Antara's own reports of one ministerial meeting, which
    share its names but not its quotes, figures or order, stay apart."""
    wanted = ("d1a-003", "d1a-004", "d1a-079", "d1a-080")
    story = _group_fixture(tmp_path, FIXTURES / "dev" / "set1" / "part-a.json", wanted)
    assert story["d1a-003"] == story["d1a-004"]
    assert story["d1a-079"] != story["d1a-080"]


def test_a_heavy_retelling_joins_and_two_reports_of_one_press_release_stay_apart(
    tmp_path: Path,
) -> None:
    """From the development sets. Xinhua's re-telling of a Khmer Times report (set 28) tells
    most of it in other words, turns its one quote into nothing and adds a line of history: one
    story. Viet Nam News' and Xinhua's reports of one ministry press release on investment (set 8)
    quote the same sentences word for word and give the same figures in the same order, but each
    tells much the other does not, and VNS quotes two people Xinhua never heard: two stories."""
    retold = _group_fixture(
        tmp_path / "retold", FIXTURES / "dev" / "set28" / "part-a.json", ("d28a-a037", "d28a-a038")
    )
    assert retold["d28a-a037"] == retold["d28a-a038"]
    apart = _group_fixture(
        tmp_path / "apart", FIXTURES / "dev" / "set8" / "part-a.json", ("d8a-a082", "d8a-a084")
    )
    assert apart["d8a-a082"] != apart["d8a-a084"]


def test_each_article_keeps_how_it_came_into_its_story(tmp_path: Path) -> None:
    """The article that began a story keeps nothing; a near-copy keeps the article it copies and
    how alike they are; a re-telling the article it re-tells and the model's log-odds; and
    `wirewatch story` shows them (development set 28's Khmer Times report, a paper's copy of it,
    Xinhua's re-telling)."""
    from crawler.extract.datelines import clean_wire_text
    from crawler.stories.rewrites import DECIDE_AT
    from tests.conftest import run_wirewatch

    part = json.loads((FIXTURES / "dev" / "set28" / "part-a.json").read_text("utf-8"))
    found = {a["id"]: a for a in part["articles"]}
    original, retelling = found["d28a-a037"], found["d28a-a038"]
    body = clean_wire_text(original["body"])[1]
    copy = "\n".join(body.split("\n")[:-1])  # the last paragraph dropped
    assert len(copy) > len(body) * 0.8
    db = tmp_path / "ww.db"
    store = Store(db)
    grouper = Grouper(store)
    ids = [
        add(store, grouper, a["url"], a["source"], a["title"], text, a["published_at"])
        for a, text in (
            (original, body),
            ({**original, "url": "https://paper.example/copy", "source": "paper"}, copy),
            (retelling, clean_wire_text(retelling["body"])[1]),
        )
    ]
    rows = {
        r[0]: r[1:]
        for r in store.conn.execute(
            "SELECT id, story_id, joined_as, joined_via, joined_score FROM articles"
        )
    }
    store.close()
    first, near, retold = (rows[i] for i in ids)
    assert first[1:] == (None, None, None)
    assert near[:3] == (first[0], "near-copy", ids[0]) and 0.3 <= near[3] <= 1.0
    assert retold[:2] == (first[0], "re-telling") and retold[2] in ids[:2]
    assert retold[3] >= DECIDE_AT
    shown = run_wirewatch("--db", str(db), "story", str(first[0]), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert f"near-copy of {ids[0]} ({near[3]:.2f})" in shown.stdout
    assert f"re-telling of {retold[2]} ({retold[3]:+.2f})" in shown.stdout


def test_a_one_sentence_item_on_the_same_forum_joins_no_report_by_its_order(tmp_path: Path) -> None:
    """A one-sentence item shows no order of its own: that its one sentence has a counterpart in
    a longer report of a bilateral meeting held in the same city says nothing of a re-telling, so
    the two stay apart."""
    from tests.conftest import group_texts, query

    db = tmp_path / "ww.db"
    ids = group_texts(
        db,
        {
            "bilateral": (
                "Russian, Lao foreign ministers discuss energy and education",
                "Russian Foreign Minister Sergey Lavrov held talks with Lao Foreign Minister "
                "Saleumxay Kommasith in Vientiane on Thursday, the Russian Foreign Ministry said."
                "\n\nThe two ministers discussed cooperation in energy.\n\nLavrov is in "
                "Vientiane to attend the ASEAN Regional Forum.",
            ),
            "flash": (
                "Ministers meet at the ASEAN Regional Forum",
                "Foreign ministers discussed the Korean Peninsula at the ASEAN Regional Forum in "
                "Vientiane on Saturday, the chairman's statement said.",
            ),
        },
        "2024-07-25",
    )
    stories = {
        name: query(db, "SELECT story_id FROM articles WHERE id = ?", (i,))[0][0]
        for name, i in ids.items()
    }
    assert stories["bilateral"] != stories["flash"]


def test_a_retelling_with_reworded_quotes_joins_and_a_report_with_its_own_quotes_does_not(
    tmp_path: Path,
) -> None:
    """Another agency's re-telling (its quotes reworded or turned into indirect speech) joins the
    original's story the next day; a third report of the same talks that morning, with the same
    figures in much the same order but its own quotes and speakers, starts its own
    (tests/fixtures/stories/retold_and_independent.json)."""
    fixture = json.loads((FIXTURES / "stories" / "retold_and_independent.json").read_text("utf-8"))
    db = tmp_path / "ww.db"
    store = Store(db)
    try:
        grouper = Grouper(store)
        ids = {
            a["name"]: save_and_group(
                store,
                grouper,
                f"https://wire.example/{a['name']}",
                "wire",
                a["title"],
                a["body"],
                a["published"],
            )
            for a in sorted(fixture["articles"], key=lambda a: a["published"])
        }
    finally:
        store.close()
    story = {
        name: query(db, "SELECT story_id FROM articles WHERE id = ?", (i,))[0][0]
        for name, i in ids.items()
    }
    for a, b in fixture["one_story"]:
        assert story[a] == story[b], (a, b)
    for a, b in fixture["apart"]:
        assert story[a] != story[b], (a, b)


def test_a_retelling_that_turns_the_quotes_into_indirect_speech_joins(tmp_path: Path) -> None:
    """PNA's re-telling of a Reuters report (development set 24, d24a-a023 and d24a-a024) says the
    spokesperson's quote again in indirect speech, adds a paragraph of its own and rewords every
    sentence: one story."""
    part = json.loads((FIXTURES / "dev" / "set24" / "part-a.json").read_text("utf-8"))
    found = {a["id"]: a for a in part["articles"]}
    texts = {i: (found[i]["title"], found[i]["body"]) for i in ("d24a-a023", "d24a-a024")}
    db = tmp_path / "ww.db"
    ids = group_texts(db, texts, "2025-07-09")
    stories = {
        query(db, "SELECT story_id FROM articles WHERE id = ?", (i,))[0][0] for i in ids.values()
    }
    assert len(stories) == 1


ROLLED_TOP = (
    "China and the ten ASEAN members will hold monthly rounds of talks from March, with the first "
    "in Hanoi, a spokesperson for the Chinese delegation said on Monday evening.\n"
    "Beijing also offered to host a workshop on marine scientific research for coast guard and "
    "navy officers of the region in June, the spokesperson added.\n"
    "Analysts in Manila said the timetable was the most ambitious since negotiations began in "
    "2002, but warned that the hardest issues remained open.\n"
)


def rolled(text: str, top: str = ROLLED_TOP) -> str:
    """An outlet's rolling update: a new top of three paragraphs, and of the earlier text its
    first and last paragraphs, trimmed."""
    paras = text.split("\n")
    return top + paras[0] + "\n" + paras[-1].split(" and agreed")[0] + "."


def test_an_update_under_the_same_headline_joins_however_rewritten(tmp_path: Path) -> None:
    """An outlet's update at a new URL, hours later under the same headline (its mark and case
    aside), joins the story of the version before it though its new top leaves little text in
    common (`joined_as` = `update`). The same headline joins nothing by itself: from another
    outlet, over other news the same day (other names and figures), or a day later."""
    store = Store(tmp_path / "ww.db")
    grouper = Grouper(store)
    title = "ASEAN, China agree to speed up sea code talks"
    other_news = (
        "Senior officials of Cambodia and Laos began a round of border demarcation talks in "
        "Vientiane on Monday afternoon. Deputy Minister Sok Chenda and his counterpart Phoxay "
        "Khaykhamphithoune said 18 markers remained to be settled along the Mekong."
    )
    next_top = (
        "The first monthly round of code talks opened in Hanoi on Tuesday with a session on the "
        "preamble, a day after the ministers set the timetable, officials said.\n"
        "Delegates spent the afternoon on the rules of procedure for future meetings.\n"
    )
    posted = [
        add(store, grouper, f"https://{source}.example/{n}", source, headline, body, when)
        for n, (source, headline, body, when) in enumerate(
            [
                ("vna", title, SUMMIT, "2026-02-09T09:00:00+00:00"),
                ("vna", "UPDATE: " + title.upper(), rolled(SUMMIT), "2026-02-09T13:00:00+00:00"),
                ("pna", title, OTHER, "2026-02-09T14:00:00+00:00"),
                ("vna", title, other_news, "2026-02-09T16:00:00+00:00"),
                ("vna", title, rolled(SUMMIT, next_top), "2026-02-10T11:00:00+00:00"),
            ]
        )
    ]
    first, update, elsewhere, other, next_day = posted
    try:
        assert story_of(store, update) == story_of(store, first)
        assert store.conn.execute(
            "SELECT joined_as, joined_via FROM articles WHERE id = ?", (update,)
        ).fetchone() == ("update", first)
        assert story_of(store, elsewhere) != story_of(store, first)
        assert story_of(store, other) != story_of(store, first)
        # a day later the headline says nothing (the re-telling check judges it on its text)
        joined_as = store.conn.execute(
            "SELECT joined_as FROM articles WHERE id = ?", (next_day,)
        ).fetchone()[0]
        assert joined_as != "update"
    finally:
        store.close()
    shown = run_wirewatch(
        "--db", str(tmp_path / "ww.db"), "story", str(story_of_id(tmp_path, first)), cwd=tmp_path
    )
    assert shown.returncode == 0, shown.stderr
    assert f"update of {first}" in shown.stdout


def test_a_version_printed_a_day_later_is_no_update() -> None:
    """The same names and figures under the same headline are an update within hours, and a
    daily item a day later."""
    from crawler.stories.rewrites import describe, entry_of
    from crawler.stories.updates import is_update

    text = describe(SUMMIT)
    first = entry_of(text, "2026-02-09T09:00:00+00:00", "2026-02-09T09:00:00+00:00")
    hours_later = entry_of(text, "2026-02-09T13:00:00+00:00", "2026-02-09T13:00:00+00:00")
    next_day = entry_of(text, "2026-02-10T11:00:00+00:00", "2026-02-10T11:00:00+00:00")
    assert is_update(hours_later, first, SUMMIT, SUMMIT)
    assert not is_update(next_day, first, SUMMIT, SUMMIT)


def test_a_template_headline_over_other_news_joins_nothing(tmp_path: Path) -> None:
    """ "China, Laos pledge to deepen cooperation" for the foreign ministers in the morning and the
    party leaders at night: the stock names are the same, no sentence is, so the second is no
    update; a flash's "UPDATE 1-" that keeps its sentence is."""
    store = Store(tmp_path / "ww.db")
    grouper = Grouper(store)
    title = "China, Laos pledge to deepen cooperation"
    morning = (
        "BEIJING, Nov. 20 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Lao Foreign "
        "Minister Thongsavanh Phomvihane in Beijing on Thursday, pledging to advance the "
        "China-Laos Railway and the Belt and Road Initiative.\nWang said China is ready to work "
        "with Laos to build a community with a shared future."
    )
    night = (
        "BEIJING, Nov. 20 (Xinhua) -- Chinese President Xi Jinping met Lao leader Thongloun "
        "Sisoulith in Beijing on Thursday evening, and the two sides agreed to expand the "
        "China-Laos Railway's freight services under the Belt and Road Initiative.\nXi called "
        "for closer party-to-party exchanges and more cooperation on agriculture."
    )
    flash = "Indonesia's central bank unexpectedly cut its key rate by 25 basis points to 4.75%."
    posted = [
        add(store, grouper, f"https://{source}.example/{n}", source, headline, body, when)
        for n, (source, headline, body, when) in enumerate(
            [
                ("xinhua", title, morning, "2025-11-20T02:00:00+00:00"),
                ("xinhua", title, night, "2025-11-20T13:30:00+00:00"),
                (
                    "reuters",
                    "Indonesia central bank cuts key rate to 4.75%",
                    flash,
                    "2025-11-20T07:30:00+00:00",
                ),
                (
                    "reuters",
                    "UPDATE 1-Indonesia central bank cuts key rate to 4.75%",
                    flash
                    + "\nThe rupiah weakened after the decision, and analysts had expected no "
                    "change.",
                    "2025-11-20T08:15:00+00:00",
                ),
            ]
        )
    ]
    first, second, rate, rate_update = posted
    try:
        assert story_of(store, second) != story_of(store, first)
        assert story_of(store, rate_update) == story_of(store, rate)
    finally:
        store.close()
