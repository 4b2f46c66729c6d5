"""FTS5 query syntax: whether a query is valid, and why not in words a user can act on.

SQLite's own message is about its parser: `ASEAN-China` fails with `no such column: China`, because
FTS5 reads `-` and `:` as column filters. Rule checks on config load and `wirewatch search` give the
same explanation, with the query quoted so that it works.
"""

from __future__ import annotations

import re
import sqlite3

from crawler.store.schema import scratch_fts

# A quoted string (a `""` inside is one quote), a bracket or comma, or a run of anything else but
# spaces.
_PIECES = re.compile(r'"(?:[^"]|"")*"?|[(),]|[^\s(),"]+')
# What FTS5 takes as a bare word: letters, digits, '_' and any non-ASCII character.
_BAREWORD = re.compile(r"[\w\x80-\U0010ffff]+")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def query_error(query: str) -> str | None:
    """SQLite's reason an FTS5 query is invalid, or None; run against an empty in-memory table
    with the archive's tokenizer."""
    conn = sqlite3.connect(":memory:")
    try:
        scratch_fts(conn, "t")
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def explain_query_error(query: str, error: str, what: str = "query") -> str:
    """One line: the query, SQLite's reason, what FTS5 makes of punctuation, and the query with
    its punctuated words quoted when that form is valid."""
    quoted = quote_words(query)
    fix = (
        f"put such words in double quotes: {quoted}"
        if quoted != query and query_error(quoted) is None
        else 'put such words in double quotes ("ASEAN-China"), close every bracket and quote,'
        " and give AND, OR and NOT a term on each side"
    )
    return (
        f"invalid {what} {query!r} ({error}): FTS5 reads '-' and ':' as column filters and other"
        f" punctuation as syntax, not as part of a word; {fix}"
    )


def quote_words(query: str) -> str:
    """The query with every bare word that holds punctuation put in double quotes (a trailing '*'
    stays a prefix search); phrases, brackets and AND, OR, NOT, NEAR are kept as they are."""
    return _PIECES.sub(_quoted, query)


def _quoted(found: re.Match[str]) -> str:
    piece = found.group()
    stem, star = (piece[:-1], "*") if piece.endswith("*") and len(piece) > 1 else (piece, "")
    if piece[0] in '(),"' or piece in _OPERATORS or _BAREWORD.fullmatch(stem):
        return piece
    return f'"{stem}"{star}'
