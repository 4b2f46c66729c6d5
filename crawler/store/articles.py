"""Queries on `articles`, `article_urls`, `revisions` and the full-text index."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.store.headlines import headline_key
from crawler.store.queries import Queries, marks
from crawler.store.schema import Outcome, utc_now_iso

# The columns an extracted article fills; the rest (id, source, times, story) the store sets.
ARTICLE_FIELDS = (
    "url",
    "canonical_url",
    "agency",
    "title",
    "body",
    "summary",
    "published_at",
    "published_local",
    "published_from",
    "language",
    "author",
    "dateline",
    "content_hash",
)


@dataclass(frozen=True)
class KnownArticle:
    id: int
    seed_stamp: str | None
    content_hash: str


class ArticleQueries(Queries):
    def known(self, url: str) -> KnownArticle | None:
        """The article any URL (canonical form) ever led to."""
        row = self.conn.execute(
            "SELECT a.id, a.seed_stamp, a.content_hash FROM article_urls u JOIN articles a"
            " ON a.id = u.article_id"
            " WHERE u.url = ?",
            (url,),
        ).fetchone()
        return KnownArticle(*row) if row else None

    def save(
        self,
        fields: dict[str, Any],
        urls: list[tuple[str, str]],
        source: str,
        seed_stamp: str | None,
    ) -> tuple[Outcome, int]:
        """Insert or update one article; every URL in `urls` becomes known.
        Returns (outcome, article id).

        New text at a known URL replaces the article and keeps the previous text as a revision.
        """
        self._writing()
        now = utc_now_iso()
        row = {k: fields.get(k) for k in ARTICLE_FIELDS}
        row["headline"] = headline_key(row["title"])
        existing: tuple[Any, ...] | None = None
        for url, _ in urls:
            existing = self.conn.execute(
                "SELECT a.id, a.content_hash, a.title, a.body, a.fetched_at FROM article_urls u"
                " JOIN articles a ON a.id = u.article_id WHERE u.url = ?",
                (url,),
            ).fetchone()
            if existing:
                break
        if existing is None:
            cur = self.conn.execute(
                "INSERT INTO articles (url, canonical_url, source, agency, title, headline, body,"
                " summary, published_at, published_local, published_from, fetched_at, language,"
                " author, dateline, content_hash, seed_stamp) VALUES (:url, :canonical_url,"
                " :source, :agency, :title, :headline, :body, :summary, :published_at,"
                " :published_local, :published_from, :fetched_at, :language, :author,"
                " :dateline, :content_hash, :seed_stamp)",
                {**row, "source": source, "fetched_at": now, "seed_stamp": seed_stamp},
            )
            article_id, outcome = int(cur.lastrowid or 0), Outcome.STORED
        elif existing[1] == fields["content_hash"]:
            article_id, outcome = int(existing[0]), Outcome.DUPLICATE
            self.conn.execute(
                "UPDATE articles SET seed_stamp = ? WHERE id = ?", (seed_stamp, article_id)
            )
        else:
            article_id, outcome = int(existing[0]), Outcome.UPDATED
            self._replace(article_id, existing, row, seed_stamp, now)
        for url, kind in urls:
            self.conn.execute(
                "INSERT OR IGNORE INTO article_urls (url, article_id, kind) VALUES (?, ?, ?)",
                (url, article_id, kind),
            )
        self.conn.execute(
            f"DELETE FROM url_outcomes WHERE url IN ({marks(len(urls))})", [u for u, _ in urls]
        )
        return outcome, article_id

    def _replace(
        self,
        article_id: int,
        old: tuple[Any, ...],
        row: dict[str, Any],
        seed_stamp: str | None,
        now: str,
    ) -> None:
        """New text for a known article; the old text becomes a revision."""
        self.conn.execute(
            "INSERT INTO revisions (article_id, title, body, content_hash, fetched_at, replaced_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, old[2], old[3], old[1], old[4], now),
        )
        self.conn.execute(
            "UPDATE articles SET url = :url, title = :title, headline = :headline, body = :body,"
            " summary = :summary,"
            " published_at = COALESCE(:published_at, published_at),"
            " published_local = COALESCE(:published_local, published_local),"
            " published_from = COALESCE(:published_from, published_from),"
            " fetched_at = :now, updated_at = :now, language = :language, author = :author,"
            " dateline = :dateline, agency = :agency, content_hash = :content_hash,"
            " seed_stamp = :seed_stamp WHERE id = :id",
            {**row, "now": now, "seed_stamp": seed_stamp, "id": article_id},
        )

    def prune_revisions(self, before: str) -> int:
        """Delete revisions replaced before `before`; returns how many."""
        self._writing()
        return self.conn.execute("DELETE FROM revisions WHERE replaced_at < ?", (before,)).rowcount

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching an FTS5 query, newest first. Raises sqlite3.OperationalError on a bad
        query."""
        return self._rows(
            "SELECT a.id, a.source, a.agency, a.title, a.published_at, a.url, a.dateline,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY COALESCE(a.published_at, a.fetched_at) DESC"
            " LIMIT ?",
            (query, limit),
        )

    def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, source, agency, title, published_at, published_local, dateline, url"
            " FROM articles"
            " ORDER BY COALESCE(published_at, fetched_at) DESC LIMIT ?",
            (limit,),
        )
