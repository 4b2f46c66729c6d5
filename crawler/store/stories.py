"""Queries on `stories`, `article_signatures`, `signature_log`, `article_actors`, `story_actors`,
`article_places` and `story_places`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from crawler.store.queries import Queries, marks
from crawler.store.schema import utc_now_iso


class StoryQueries(Queries):
    # -- per article -------------------------------------------------------------------------------

    def save_analysis(
        self,
        article_id: int,
        blob: bytes,
        shingles: int,
        seen_at: str,
        actors: Iterable[tuple[str, int, int, str | None]],
        features: dict[str, Any] | None = None,
        places: Iterable[tuple[str, int, int]] = (),
    ) -> int:
        """Signature, rewrite description and actor counts of one article; replaces what an earlier
        text of it had. Returns the signature's place in commit order."""
        self._writing()
        self.conn.execute(
            "INSERT OR REPLACE INTO article_signatures"
            " (article_id, minhash, shingles, seen_at, features) VALUES (?, ?, ?, ?, ?)",
            (
                article_id,
                blob,
                shingles,
                seen_at,
                None if features is None else json.dumps(features, ensure_ascii=False),
            ),
        )
        seq = self.conn.execute(
            "INSERT INTO signature_log (article_id) VALUES (?)", (article_id,)
        ).lastrowid
        self.conn.execute("DELETE FROM article_places WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO article_places (article_id, actor, count, first_offset)"
            " VALUES (?, ?, ?, ?)",
            [(article_id, *p) for p in places],
        )
        self.conn.execute("DELETE FROM article_actors WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO article_actors (article_id, actor, count, first_offset, via)"
            " VALUES (?, ?, ?, ?, ?)",
            [(article_id, *a) for a in actors],
        )
        return int(seq or 0)

    def signatures_after(
        self, last_seq: int, cutoff: str
    ) -> list[tuple[int, int, bytes, int, str, str | None, str | None]]:
        """(seq, article id, signature, shingles, seen_at, features, published_at) written
        after last_seq, in commit order, that are still inside the window. On a fresh index
        (last_seq 0) the window's index on seen_at does the work."""
        if last_seq == 0:
            return self.conn.execute(
                "SELECT (SELECT MAX(seq) FROM signature_log l WHERE l.article_id = s.article_id),"
                " s.article_id, s.minhash, s.shingles, s.seen_at, s.features,"
                " a.published_at FROM article_signatures s JOIN articles a ON a.id = s.article_id"
                " WHERE s.seen_at >= ? ORDER BY s.article_id",
                (cutoff,),
            ).fetchall()
        return self.conn.execute(
            "SELECT l.seq, s.article_id, s.minhash, s.shingles, s.seen_at, s.features,"
            " a.published_at FROM signature_log l JOIN articles a ON a.id = l.article_id"
            " JOIN article_signatures s ON s.article_id = l.article_id"
            " WHERE l.seq > ? AND s.seen_at >= ? ORDER BY l.seq",
            (last_seq, cutoff),
        ).fetchall()

    def newest_signature(self) -> str | None:
        return self.conn.execute("SELECT MAX(seen_at) FROM article_signatures").fetchone()[0]

    def article_text(self, article_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT id, title, body, published_at, fetched_at, story_id, agency, dateline, source,"
            " headline FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        keys = (
            "id",
            "title",
            "body",
            "published_at",
            "fetched_at",
            "story_id",
            "agency",
            "dateline",
            "source",
            "headline",
        )
        return dict(zip(keys, row, strict=True))

    def same_headline(self, source: str, headline: str, exclude: int) -> list[int]:
        """The source's grouped articles printed under `headline` (`articles.headline`), newest
        first."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE source = ? AND headline = ? AND id != ?"
                " AND story_id IS NOT NULL ORDER BY fetched_at DESC LIMIT 20",
                (source, headline, exclude),
            )
        ]

    def articles_without_story(self, limit: int = 10_000, up_to: int | None = None) -> list[int]:
        """up_to: only articles of at most this id (those stored before a crawl began)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE story_id IS NULL AND (? IS NULL OR id <= ?)"
                " ORDER BY COALESCE(published_at, fetched_at), id LIMIT ?",
                (up_to, up_to, limit),
            )
        ]

    def last_article_id(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0])

    def articles_since(self, since: str | None, after_id: int, limit: int) -> list[int]:
        """Ids of articles fetched at or after `since` (all when None), in id order, after
        `after_id`: a batch for re-reading what is stored."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE id > ? AND (? IS NULL OR fetched_at >= ?)"
                " ORDER BY id LIMIT ?",
                (after_id, since, since, limit),
            )
        ]

    def count_articles_since(self, since: str | None) -> int:
        """How many articles `articles_since` goes through."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM articles WHERE ? IS NULL OR fetched_at >= ?", (since, since)
            ).fetchone()[0]
        )

    def stories_of(self, article_ids: list[int]) -> dict[int, int]:
        if not article_ids:
            return {}
        rows = self.conn.execute(
            "SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"
            f" AND id IN ({marks(len(article_ids))})",
            article_ids,
        )
        return {r[0]: r[1] for r in rows}

    # -- stories -----------------------------------------------------------------------------------

    def new_story(self, article_id: int) -> int:
        self._writing()
        now = utc_now_iso()
        cur = self.conn.execute(
            "INSERT INTO stories (first_seen, last_updated) VALUES (?, ?)", (now, now)
        )
        story_id = int(cur.lastrowid or 0)
        self.conn.execute(
            "UPDATE articles SET story_id = ?, joined_as = NULL, joined_via = NULL,"
            " joined_score = NULL WHERE id = ?",
            (story_id, article_id),
        )
        return story_id

    def join_story(
        self,
        article_id: int,
        story_id: int,
        joined_as: str | None = None,
        via: int | None = None,
        score: float | None = None,
    ) -> None:
        """`joined_as` ("near-copy", "re-telling"), `via` (the story's article it was found
        alike) and `score` (how alike) are kept with the article."""
        self._writing()
        self.conn.execute(
            "UPDATE articles SET story_id = ?, joined_as = ?, joined_via = ?, joined_score = ?"
            " WHERE id = ?",
            (story_id, joined_as, via, score, article_id),
        )

    def story_members(self, story_id: int) -> list[dict[str, Any]]:
        """Articles of a story, earliest published first (the first one gives the story its
        title)."""
        rows = self.conn.execute(
            "SELECT id, source, agency, title, body, url, published_at, published_local,"
            " fetched_at, joined_as, joined_via, joined_score FROM articles"
            " WHERE story_id = ? ORDER BY COALESCE(published_at, fetched_at), id",
            (story_id,),
        ).fetchall()
        keys = (
            "id",
            "source",
            "agency",
            "title",
            "body",
            "url",
            "published_at",
            "published_local",
            "fetched_at",
            "joined_as",
            "joined_via",
            "joined_score",
        )
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def article_actor_rows(
        self, article_ids: list[int]
    ) -> list[tuple[int, str, int, int, str | None]]:
        if not article_ids:
            return []
        return self.conn.execute(
            "SELECT article_id, actor, count, first_offset, via FROM article_actors"
            f" WHERE article_id IN ({marks(len(article_ids))})",
            article_ids,
        ).fetchall()

    def article_place_rows(self, article_ids: list[int]) -> list[tuple[int, str, int]]:
        if not article_ids:
            return []
        return self.conn.execute(
            "SELECT article_id, actor, count FROM article_places"
            f" WHERE article_id IN ({marks(len(article_ids))})",
            article_ids,
        ).fetchall()

    def update_story(
        self,
        story_id: int,
        members: list[dict[str, Any]],
        actors: list[tuple[str, int, int]],
        relevance: str,
        score: float,
        reasons: list[str],
        places: list[tuple[str, int, int]] | None = None,
    ) -> None:
        """Write a story's roll-up: title and time of its earliest article, carriers, actors,
        relevance."""
        self._writing()
        first = members[0]
        sources = sorted({m["source"] for m in members})
        self.conn.execute(
            "UPDATE stories SET first_seen = ?, last_updated = ?, title = ?, article_id = ?,"
            " article_count = ?, sources = ?, relevance = ?, score = ?, reasons = ? WHERE id = ?",
            (
                first["published_at"] or first["fetched_at"],
                utc_now_iso(),
                first["title"],
                first["id"],
                len(members),
                json.dumps(sources),
                relevance,
                round(score, 3),
                json.dumps(reasons),
                story_id,
            ),
        )
        self.conn.execute("DELETE FROM story_actors WHERE story_id = ?", (story_id,))
        self.conn.executemany(
            "INSERT INTO story_actors (story_id, actor, articles, mentions) VALUES (?, ?, ?, ?)",
            [(story_id, *a) for a in actors],
        )
        self.conn.execute("DELETE FROM story_places WHERE story_id = ?", (story_id,))
        self.conn.executemany(
            "INSERT INTO story_places (story_id, actor, articles, mentions) VALUES (?, ?, ?, ?)",
            [(story_id, *p) for p in places or []],
        )

    # -- reading -----------------------------------------------------------------------------------

    def list_stories(
        self, relevance: str | None = None, since: str | None = None, limit: int = 50
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM stories WHERE 1 = 1"
        args: list[Any] = []
        if relevance:
            levels = relevance.split(",")
            sql += f" AND relevance IN ({marks(len(levels))})"
            args += levels
        if since:
            sql += " AND first_seen >= ?"
            args.append(since)
        sql += " ORDER BY first_seen DESC, id DESC LIMIT ?"
        args.append(limit)
        return self._rows(sql, args)

    def story(self, story_id: int) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM stories WHERE id = ?", (story_id,))
        return rows[0] if rows else None

    def story_actor_rows(
        self, story_id: int, table: str = "story_actors"
    ) -> list[tuple[str, int, int]]:
        return self.conn.execute(
            f"SELECT actor, articles, mentions FROM {table} WHERE story_id = ?"
            " ORDER BY mentions DESC, actor",
            (story_id,),
        ).fetchall()

    def story_place_rows(self, story_id: int) -> list[tuple[str, int, int]]:
        return self.story_actor_rows(story_id, "story_places")
