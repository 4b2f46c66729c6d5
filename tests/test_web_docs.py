"""What `wirewatch serve` is told about the database, and what it lets through: the table and column
descriptions are the README's own words and cover the whole schema; arbitrary SQL is off away from
loopback; [web] base_url is checked and links digests and `wirewatch story` to story pages."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.alerts.digest import Carrier, Digest, DigestEntry
from crawler.alerts.render_email import render_email
from crawler.alerts.render_slack import render_slack
from crawler.config import ConfigError, load_config
from crawler.store.database import Store
from crawler.web.metadata import metadata
from crawler.web.schema_docs import TABLES, TableDoc
from crawler.web.serve import sql_allowed
from tests.conftest import ROOT, run_wirewatch
from tests.webserve import start_serve


def _row(name: str, doc: TableDoc) -> str:
    items = [f"`{c}`" + (f" ({d})" if d else "") for c, d in doc.columns.items()]
    cell = ", ".join(items) + (doc.note or "") if items else doc.note or ""
    return f"| `{name}` | {doc.per} | {cell} |"


def test_readme_database_tables_are_the_web_descriptions() -> None:
    """Each table row of the README's Database section is rendered from schema_docs, and no row is
    missing from either: edit both together, or this fails naming the table."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Database\n", 1)[1].split("\n## ", 1)[0]
    readme = {m[1]: m[0] for m in re.finditer(r"^\| `(\w+)` \|.*\|$", section, re.M)}
    assert set(readme) == set(TABLES)
    for name, doc in TABLES.items():
        assert readme[name] == _row(name, doc), name


def test_every_table_and_column_of_the_schema_is_described(tmp_path: Path) -> None:
    """A freshly migrated database has no table or column the descriptions leave out."""
    store = Store(tmp_path / "w.db")
    try:
        conn = store.conn
        names = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type = 'table'")
            if not r[0].startswith(("sqlite_", "articles_fts_"))
        ]
        for name in names:
            assert name in TABLES, f"table {name} is not in crawler/web/schema_docs.py"
            if TABLES[name].columns:
                columns = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
                assert list(TABLES[name].columns) == columns, name
    finally:
        store.close()
    described = metadata(True)["databases"]["wirewatch"]["tables"]
    assert described["stories"]["columns"]["first_seen"].startswith("publish time")


@pytest.mark.parametrize(
    ("host", "asked", "allowed"),
    [
        ("127.0.0.1", None, True),
        ("::1", None, True),
        ("localhost", None, True),
        ("0.0.0.0", None, False),
        ("192.168.1.5", None, False),
        ("0.0.0.0", True, True),
        ("127.0.0.1", False, False),
    ],
)
def test_arbitrary_sql_is_off_away_from_loopback_unless_asked(
    host: str, asked: bool | None, allowed: bool
) -> None:
    assert sql_allowed(host, asked) is allowed
    assert ("allow_sql" not in metadata(allowed)) is allowed


def test_serve_without_sql_refuses_a_query_but_serves_pages(tmp_path: Path) -> None:
    """With --no-sql an arbitrary query is 403 while the pages and canned queries work; a second
    server on the same port is one line and exit status 2."""
    db = tmp_path / "w.db"
    Store(db).close()
    server, url = start_serve("--db", str(db), options=("--no-sql",))
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + "/wirewatch.json?sql=select+1", timeout=10)
        assert refused.value.code == 403
        with urllib.request.urlopen(url + "/wirewatch/sources.json", timeout=10) as answer:
            assert answer.status == 200
        port = url.rsplit(":", 1)[1]
        taken = run_wirewatch("--db", str(db), "serve", "--port", port)
        assert taken.returncode == 2
        assert taken.stderr.strip().count("\n") == 0 and f":{port}" in taken.stderr
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.parametrize("where", ["before", "after"])
def test_serve_without_a_database_is_one_line(tmp_path: Path, where: str) -> None:
    """`wirewatch --db PATH serve` and `wirewatch serve --db PATH` alike."""
    db = ["--db", str(tmp_path / "none.db")]
    result = run_wirewatch(*db, "serve") if where == "before" else run_wirewatch("serve", *db)
    assert result.returncode == 2 and "no database at" in result.stderr
    assert "none.db" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "value", ["ftp://x.example", "https://x.example/?a=1", "news.example", "https://a b", 5]
)
def test_bad_base_url_is_a_config_error(tmp_path: Path, value: object) -> None:
    cfg = tmp_path / "w.toml"
    shown = f'"{value}"' if isinstance(value, str) else value
    cfg.write_text(f"sources = []\n[web]\nbase_url = {shown}\n", "utf-8")
    with pytest.raises(ConfigError, match=r"\[web\].*base_url"):
        load_config(cfg)


def test_base_url_gives_story_pages(tmp_path: Path) -> None:
    cfg = tmp_path / "w.toml"
    cfg.write_text('sources = []\n[web]\nbase_url = "https://news.example/ww/"\n', "utf-8")
    assert load_config(cfg).web.story_url(7) == "https://news.example/ww/wirewatch/stories/7"


def _digest() -> Digest:
    when = datetime(2026, 2, 9, 8, 0, tzinfo=UTC)
    carrier = Carrier("VNA", "vna", "https://vna.example/1", "Talks", when)
    entry = DigestEntry(7, "Talks", when, "core", (carrier,), "ASEAN talks", (), ())
    return Digest("desk", "UTC", None, when, (entry,))


def test_digests_link_each_story_to_its_page() -> None:
    """With a base URL each entry links to its story page, in both email parts and in Slack;
    without one, no such link."""
    page = "https://news.example/wirewatch/stories/7"
    msg = render_email(_digest(), "w@example.org", ["d@example.org"], story_url=lambda i: page)
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert f"Story page: {page}" in text and f'href="{page}"' in html
    slack = render_slack(_digest(), story_url=lambda i: page)
    assert f"<{page}|story page>" in str(slack)
    plain = render_email(_digest(), "w@example.org", ["d@example.org"])
    assert "stories/7" not in plain.as_string() and "story page" not in str(render_slack(_digest()))


def test_a_story_stored_while_the_server_runs_shows_without_a_restart(tmp_path: Path) -> None:
    """The server reads the file as crawls write it (WAL): a story grouped after it started is on
    the stories table at the next request."""
    from tests.conftest import group_texts

    db = tmp_path / "w.db"
    japan = ("ASEAN, Japan hold talks", "ASEAN and Japan held talks on maritime cooperation.")
    india = ("ASEAN, India sign pact", "ASEAN and India signed a trade pact on Friday.")
    group_texts(db, {"japan": japan}, "2026-03-02")
    server, url = start_serve("--db", str(db))
    stories = url + "/wirewatch/stories.json?_shape=array"
    try:

        def titles() -> list[str]:
            with urllib.request.urlopen(stories, timeout=10) as answer:
                return sorted(row["title"] for row in json.loads(answer.read()))

        assert titles() == [japan[0]]
        group_texts(db, {"india": india}, "2026-03-05")
        assert titles() == sorted([japan[0], india[0]])
    finally:
        server.terminate()
        server.communicate(timeout=10)
