"""Alerts and digests end to end: rules over stored stories, a real SMTP server and a Slack stand-in
on loopback, `wirewatch digest` / `alerts` / `rules test` run as users run them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from crawler.alerts.render_slack import story_ids
from crawler.config import ConfigError, load_config
from crawler.store.database import Store
from crawler.stories.grouping import Grouper
from tests.conftest import (
    FIXTURES,
    article_html,
    query,
    rss,
    run_wirewatch,
    save_and_group,
    store_distinct_stories,
    write_config,
)
from tests.httpserver import LocalServer
from tests.slackserver import SlackStandIn
from tests.smtpserver import SMTPServer

SUMMIT = (FIXTURES / "stories" / "summit.txt").read_text("utf-8").strip()
OTHER = (FIXTURES / "stories" / "summit_other_report.txt").read_text("utf-8").strip()


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def slack(server: LocalServer) -> SlackStandIn:
    return SlackStandIn(server)


def config_text(smtp: SMTPServer, slack: SlackStandIn, rules: str, sources: str = "") -> str:
    return (
        "[delivery]\nretry_base_seconds = 0\n\n"
        f'[channels.desk]\ntype = "email"\nto = ["desk@example.org", "analyst@example.org"]\n'
        f'from = "wirewatch@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = {smtp.port}\n'
        'timezone = "Asia/Bangkok"\n\n'
        f'[channels.alerts]\ntype = "slack"\nwebhook_url = "{slack.url}"\n\n'
        + (
            sources
            or '[[sources]]\nname = "xinhua"\nkind = "feed"\nurls = ["http://127.0.0.1:9/x"]\n'
            '[[sources]]\nname = "vna"\nkind = "feed"\nurls = ["http://127.0.0.1:9/v"]\n'
            '[[sources]]\nname = "bernama"\nkind = "feed"\nurls = ["http://127.0.0.1:9/b"]\n'
            '[[sources]]\nname = "kyodo"\nkind = "feed"\nurls = ["http://127.0.0.1:9/k"]\n'
        )
        + "\n"
        + rules
    )


SCS_RULE = (
    '[[rules]]\nname = "sea code"\nquery = \'"South China Sea" OR "East Sea"\'\n'
    'actors_all = ["ASEAN", "CHN"]\nchannels = ["desk", "alerts"]\n'
)


def store_article(
    db: Path, url: str, source: str, agency: str, title: str, body: str, when: str
) -> int:
    """Store and group one article as a crawl does, in this process (real SQLite file)."""
    store = Store(db)
    try:
        return save_and_group(store, Grouper(store), url, source, title, body, when, agency=agency)
    finally:
        store.close()


def digest(cfg: Path, db: Path, *args: str) -> str:
    result = run_wirewatch("--config", str(cfg), "--db", str(db), "digest", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr


def carry_three(db: Path) -> None:
    store_article(
        db,
        "https://xinhua.example/1",
        "xinhua",
        "Xinhua",
        "China, ASEAN agree to speed up COC talks",
        SUMMIT,
        "2026-02-09T08:00:00+00:00",
    )
    store_article(
        db,
        "https://vna.example/1",
        "vna",
        "VNA",
        "ASEAN, China to accelerate East Sea code talks",
        SUMMIT.replace("South China Sea", "East Sea"),
        "2026-02-09T09:00:00+00:00",
    )
    store_article(
        db,
        "https://bernama.example/1",
        "bernama",
        "Bernama",
        "ASEAN, China speed up code talks",
        SUMMIT.replace("on Monday", "on Monday (Feb 9)"),
        "2026-02-09T10:00:00+00:00",
    )


def test_story_carried_by_three_agencies_is_one_alert_in_one_email(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """Three carriers of one wire story raise one alert per rule; the digest email lists the story
    once with all three agencies and their links, the matched terms marked, the time in the
    channel's zone; it is sent once."""
    db = tmp_path / "ww.db"
    carry_three(db)
    store_article(
        db,
        "https://kyodo.example/1",
        "kyodo",
        "Kyodo",
        "Manila presses Beijing on code deadline",
        OTHER,
        "2026-02-09T09:30:00+00:00",
    )
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    out = digest(cfg, db)
    assert "desk" in out and "alerts" in out
    alerts = query(db, "SELECT * FROM alerts")
    assert len(alerts) == 1 and json.loads(alerts[0]["actors"]) == ["ASEAN", "CHN"]
    assert "South China Sea" in json.loads(alerts[0]["terms"])
    assert len(smtp.messages) == 1
    msg = smtp.messages[0]
    assert msg["From"] == "wirewatch@example.org" and "desk@example.org" in msg["To"]
    assert msg["Message-ID"] and msg["Date"] and "1 new" in msg["Subject"]
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    for agency, url in (
        ("Xinhua", "https://xinhua.example/1"),
        ("VNA", "https://vna.example/1"),
        ("Bernama", "https://bernama.example/1"),
    ):
        assert agency in text and url in html
    assert "<mark>South China Sea</mark>" in html
    assert "09 Feb 2026 15:00 +07" in text  # 08:00 UTC in Asia/Bangkok
    assert "Manila presses" not in text
    assert len(slack.received) == 1
    # Nothing is sent twice.
    digest(cfg, db)
    assert len(smtp.messages) == 1 and len(slack.received) == 1
    sent = query(db, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")[0][0]
    assert sent == 2


def test_update_shown_as_updated_in_the_next_digest(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """A story alerted and delivered, then carried by another agency, raises no new alert: the next
    digest shows it under 'updated' with the new carrier."""
    db = tmp_path / "ww.db"
    store_article(
        db,
        "https://xinhua.example/1",
        "xinhua",
        "Xinhua",
        "China, ASEAN agree to speed up COC talks",
        SUMMIT,
        "2026-02-09T08:00:00+00:00",
    )
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    digest(cfg, db)
    assert len(smtp.messages) == 1
    store_article(
        db,
        "https://bernama.example/1",
        "bernama",
        "Bernama",
        "ASEAN, China speed up code talks",
        SUMMIT,
        "2026-02-09T10:00:00+00:00",
    )
    digest(cfg, db)
    assert query(db, "SELECT COUNT(*) FROM alerts")[0][0] == 1
    assert len(smtp.messages) == 2
    second = smtp.messages[1].get_body(("plain",)).get_content()
    assert "updated" in second.lower() and "Bernama" in second
    assert "1 updated" in smtp.messages[1]["Subject"]


def test_server_down_then_up_delivers_once_later(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """With the mail server down and Slack failing with 500, nothing is lost: the alerts wait in the
    outbox with the reason; once both are back, the next run delivers each exactly once."""
    db = tmp_path / "ww.db"
    carry_three(db)
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    smtp.stop()
    slack.then(500, "rollup_error")
    out = digest(cfg, db)
    assert "to retry" in out
    rows = query(db, "SELECT channel, status, attempts, last_error FROM outbox ORDER BY channel")
    assert [(r["channel"], r["status"], r["attempts"]) for r in rows] == [
        ("alerts", "pending", 1),
        ("desk", "pending", 1),
    ]
    assert "unreachable" in rows[1]["last_error"] and "500" in rows[0]["last_error"]
    smtp.start()
    digest(cfg, db)
    digest(cfg, db)
    assert len(smtp.messages) == 1 and len(slack.received) == 1
    assert {r[0] for r in query(db, "SELECT status FROM outbox")} == {"sent"}


def test_permanent_failures_are_recorded_and_listed(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """SMTP 550 for every recipient and Slack's 404 no_service are permanent: recorded with the
    reason, shown by `wirewatch alerts --failed`, not retried; the webhook URL appears in no
    output."""
    db = tmp_path / "ww.db"
    carry_three(db)
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    smtp.handler.rcpt_reply = "550 5.1.1 mailbox unavailable"
    slack.then(404, "no_service")
    out = digest(cfg, db)
    assert "XXXXSECRETXXXX" not in out
    rows = {r["channel"]: r for r in query(db, "SELECT * FROM outbox")}
    assert rows["desk"]["status"] == "failed" and "550" in rows["desk"]["last_error"]
    assert rows["alerts"]["status"] == "failed" and "no_service" in rows["alerts"]["last_error"]
    listed = run_wirewatch("--config", str(cfg), "--db", str(db), "alerts", "--failed")
    assert "failed" in listed.stdout and "550" in listed.stdout and "no_service" in listed.stdout
    smtp.handler.rcpt_reply = None
    digest(cfg, db)
    assert smtp.messages == [] and slack.received == []


DESK_ONLY = SCS_RULE.replace('"desk", "alerts"', '"desk"')


def email_channel(name: str, server: SMTPServer, settings: str) -> str:
    """One more email channel, to server, with settings of its own (login, STARTTLS)."""
    return (
        f'[channels.{name}]\ntype = "email"\nto = ["desk@example.org"]\n'
        f'from = "wirewatch@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = {server.port}\n'
        f"{settings}\n"
    )


def test_a_channel_the_mail_server_cannot_serve_fails_for_good(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """A login the server does not offer or refuses, STARTTLS it does not offer, a sender it refuses
    with a 5xx: each is the channel's configuration, not a passing fault. The alert fails at once
    with a reason naming the setting, `alerts --failed` lists it, `status` counts it, and later runs
    do not try it again."""
    db = tmp_path / "ww.db"
    carry_three(db)
    login = SMTPServer()  # offers AUTH, accepts one account, refuses our sender
    login.handler.mail_reply = "553 5.7.1 sender not allowed here"
    login.require_login("wire", "s3cret-pass")
    try:
        channels = {
            "noauth": (smtp, 'username = "wire"\npassword = "s3cret-pass"'),
            "nostarttls": (smtp, "starttls = true"),
            "badlogin": (login, 'username = "wire"\npassword = "0ld-s3cret-pass"'),
            "sender": (login, 'username = "wire"\npassword = "s3cret-pass"'),
        }
        rule = SCS_RULE.replace('["desk", "alerts"]', json.dumps(list(channels)))
        cfg = write_config(
            tmp_path / "c.toml",
            config_text(smtp, slack, rule)
            + "".join(email_channel(n, srv, extra) for n, (srv, extra) in channels.items()),
        )
        out = digest(cfg, db)
        plain = f"SMTP server 127.0.0.1:{smtp.port}"
        reasons = {
            "noauth": f"{plain} does not offer login (SMTP AUTH), but the channel sets a username:"
            " set starttls = true (many servers offer it only after STARTTLS), or remove username"
            " and password",
            "nostarttls": f"{plain} does not offer STARTTLS, which the channel requires"
            " (starttls = true)",
            "badlogin": "login as 'wire' refused: SMTP 535 5.7.8 Authentication credentials"
            " invalid",
            "sender": "sender 'wirewatch@example.org' refused: SMTP 553 5.7.1 sender not allowed"
            " here",
        }
        rows = {r["channel"]: r for r in query(db, "SELECT * FROM outbox")}
        listed = run_wirewatch("--config", str(cfg), "--db", str(db), "alerts", "--failed").stdout
        status = run_wirewatch("--config", str(cfg), "--db", str(db), "status").stdout
        for name, reason in reasons.items():
            assert (rows[name]["status"], rows[name]["attempts"]) == ("failed", 1), name
            assert reason in rows[name]["last_error"], rows[name]["last_error"]
            assert re.search(rf"\b{name} +1 due +0 sent .* 0 to retry +1 failed", out), out
            assert f"{name:<12} new     failed, 1 attempt ({reason}" in listed, listed
            line = next(li for li in status.splitlines() if li.startswith(f"{name} "))
            assert line.split()[1:3] == ["0", "1"], line  # pending, failed
        assert "unreachable" not in listed and "s3cret-pass" not in out + listed
        digest(cfg, db)
        assert {r[0] for r in query(db, "SELECT attempts FROM outbox")} == {1}
        assert smtp.messages == [] and login.messages == []
    finally:
        login.stop()


def test_a_passing_refusal_is_retried_with_backoff(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """A 4xx for the sender may pass: the alert stays pending with the reason and goes out once the
    server takes it."""
    db = tmp_path / "ww.db"
    carry_three(db)
    smtp.handler.mail_reply = "451 4.3.0 mailbox busy, try later"
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, DESK_ONLY))
    assert "1 to retry" in digest(cfg, db)
    [row] = query(db, "SELECT status, attempts, last_error, next_attempt_at FROM outbox")
    assert (row["status"], row["attempts"]) == ("pending", 1) and row["next_attempt_at"]
    assert "451 4.3.0" in row["last_error"]
    smtp.handler.mail_reply = None
    digest(cfg, db)
    assert len(smtp.messages) == 1
    assert query(db, "SELECT status FROM outbox")[0][0] == "sent"


def test_slack_429_retry_after_is_honoured(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """Slack's 429 with `Retry-After: 1` is waited out and the message goes through in the same
    run."""
    db = tmp_path / "ww.db"
    carry_three(db)
    cfg = write_config(
        tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE.replace('"desk", ', ""))
    )
    slack.then(429, "rate_limited", **{"Retry-After": "1"})
    digest(cfg, db)
    assert len(slack.received) == 1
    assert query(db, "SELECT status, attempts FROM outbox")[0][0] == "sent"


def test_header_injection_and_non_ascii_round_trip(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """A title carrying CR/LF and a Bcc header cannot add a header; Vietnamese and Indonesian names
    survive the email and the Slack message intact; markup in a title is escaped."""
    db = tmp_path / "ww.db"
    title = (
        "Phạm Bình Minh và Bùi Thanh Sơn meet Wang Yi\r\n"
        "Bcc: evil@example.org <b>bold</b> <!channel>"
    )
    store_article(
        db,
        "https://vna.example/1",
        "vna",
        "VNA",
        title,
        SUMMIT + "\nMenteri Luar Negeri Sugiono dan Phạm Bình Minh hadir.",
        "2026-02-09T08:00:00+00:00",
    )
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    digest(cfg, db)
    raw = smtp.handler.envelopes[0].original_content
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert msg["Bcc"] is None and list(smtp.handler.envelopes[0].rcpt_tos) == [
        "desk@example.org",
        "analyst@example.org",
    ]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Phạm Bình Minh và Bùi Thanh Sơn" in text and "Phạm Bình Minh" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;" in html
    blob = json.dumps(slack.received[0], ensure_ascii=False)
    assert "Bùi Thanh Sơn" in blob and "<!channel>" not in blob


def test_500_alerts_make_a_bounded_email_and_split_slack_messages(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """500 alerts give one email of bounded size that counts the rest, and several Slack messages
    within Slack's limits that together account for every alert; all 1,000 outbox rows are marked
    sent."""
    db = tmp_path / "ww.db"
    store_distinct_stories(db, 500)
    rule = (
        '[[rules]]\nname = "japan"\nactors_all = ["ASEAN", "JPN"]\nchannels = ["desk", "alerts"]\n'
    )
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, rule))
    digest(cfg, db)
    assert query(db, "SELECT COUNT(*) FROM alerts")[0][0] == 500
    assert len(smtp.messages) == 1
    raw = smtp.handler.envelopes[0].original_content
    assert len(raw) < 1_000_000
    assert "400 more" in smtp.messages[0].get_body(("plain",)).get_content()
    assert len(slack.received) > 1
    for payload in slack.received:
        assert len(payload["blocks"]) <= 50
    assert query(db, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")[0][0] == 1000


RELATED_BODY = (
    "KUALA LUMPUR, Feb 9 -- Malaysian Foreign Minister Mohamad Hasan and Russian Foreign Minister"
    " Sergei Lavrov agreed on Monday to expand trade and energy cooperation between Malaysia and"
    " Russia, and discussed an official visit to Moscow later this year."
)
DOMESTIC_BODY = (
    "HANOI, Feb 9 -- Hanoi opened its second metro line on Monday, the city's transport department"
    " said. The line runs twelve kilometres and carries up to forty thousand passengers a day."
)
FOUR_RULES = (
    SCS_RULE + 'description = "South China Sea code of conduct"\n'
    '[[rules]]\nname = "monday"\nquery = "Monday"\nchannels = ["desk", "alerts"]\n'
    '[[rules]]\nname = "china"\nactors_any = ["CHN"]\nchannels = ["desk", "alerts"]\n'
    '[[rules]]\nname = "japan"\nactors_all = ["ASEAN", "JPN"]\nchannels = ["desk", "alerts"]\n'
)


def test_a_story_three_rules_matched_is_shown_once_with_three_tags(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """The summit story matched by three rules is one entry in the email and in the Slack message,
    tagged with the three rules (a description in place of its rule's name), its terms and the
    actors its rules matched on marked. The subject counts four stories, not six matches; core
    stories come first, newest first, then the newer related and unrelated ones. Slack failing at
    first, then accepting: every alert row of the story is sent, none twice, and a further run
    sends nothing."""
    db = tmp_path / "ww.db"
    carry_three(db)  # story 1: core, first carried 08:00 UTC
    store_distinct_stories(db, 1, times=["2026-02-09T09:30:00+00:00"])  # story 2: core
    store_article(
        db,
        "https://bernama.example/2",
        "bernama",
        "Bernama",
        "Malaysia, Russia to expand trade and energy ties",
        RELATED_BODY,
        "2026-02-09T11:00:00+00:00",
    )  # story 3: related
    store_article(
        db,
        "https://vna.example/9",
        "vna",
        "VNA",
        "Hanoi opens new metro line",
        DOMESTIC_BODY,
        "2026-02-09T12:00:00+00:00",
    )  # story 4: none
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, FOUR_RULES))
    slack.then(500, "rollup_error")
    out = digest(cfg, db)
    assert query(db, "SELECT COUNT(*) FROM alerts WHERE story_id = 1")[0][0] == 3
    assert re.search(r"desk +6 due +6 sent in 1 message +0 to retry", out), out
    assert re.search(r"alerts +6 due +0 sent in 0 messages +6 to retry", out), out
    [msg] = smtp.messages
    assert msg["Subject"].startswith("wirewatch desk: 4 new stories, 0 updated, ")
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = msg.get_body(("html",)).get_content()
    titles = [line[2:] for line in text.splitlines() if line.startswith("- ")]
    assert titles == [
        "ASEAN, Japan talks round 0",
        "China, ASEAN agree to speed up COC talks",
        "Malaysia, Russia to expand trade and energy ties",
        "Hanoi opens new metro line",
    ]
    assert [h for h in text.splitlines() if h.startswith("## ")] == [
        "## Core",
        "## Related",
        "## Other",
    ]
    summit = text.split("- China, ASEAN", 1)[1].split("\n- ", 1)[0]
    assert "  Rules: South China Sea code of conduct, monday, china\n" in summit
    assert "*South China Sea*" in summit and "*Monday*" in summit
    actors = next(line for line in summit.splitlines() if line.startswith("  Actors: "))
    assert "*ASEAN*" in actors and "*China*" in actors and "*Philippines*" not in actors
    assert html.count("China, ASEAN agree to speed up COC talks") == 1
    assert '<span class="rule" title="rule sea code">South China Sea code of conduct</span>' in html
    assert "<mark>South China Sea</mark>" in html
    waiting = query(db, "SELECT DISTINCT status FROM outbox WHERE channel = 'alerts'")
    assert [r[0] for r in waiting] == ["pending"]

    digest(cfg, db)
    [payload] = slack.received
    assert story_ids(payload) == [2, 1, 3, 4]
    [shown] = [
        b["text"]["text"] for b in payload["blocks"] if b.get("block_id", "").endswith("#story-1")
    ]
    assert "\nRules: South China Sea code of conduct, monday, china\n" in shown
    assert "*South China Sea*" in shown
    assert payload["blocks"][0]["text"]["text"] == "wirewatch alerts: 4 new stories, 0 updated"
    rows = query(
        db,
        "SELECT o.channel, o.status, o.attempts, o.delivery_id FROM outbox o"
        " JOIN alerts a ON a.id = o.alert_id WHERE a.story_id = 1 ORDER BY o.channel",
    )
    assert [(r["channel"], r["status"], r["attempts"]) for r in rows] == [
        *[("alerts", "sent", 2)] * 3,
        *[("desk", "sent", 1)] * 3,
    ]
    assert len({r["delivery_id"] for r in rows if r["channel"] == "alerts"}) == 1
    digest(cfg, db)
    assert len(smtp.messages) == 1 and len(slack.received) == 1
    assert query(db, "SELECT COUNT(*) FROM outbox WHERE status != 'sent'")[0][0] == 0


@pytest.mark.parametrize(
    "value,message",
    [
        ("42", "must be a non-empty string"),
        ('"   "', "must be a non-empty string"),
        (
            '"South China Sea\\ncode of conduct"',
            "must be one line (no line breaks, tabs or control",
        ),
        ('"Sea\\u2028code"', "must be one line"),
        ('"' + "x" * 121 + '"', "is 121 characters long; at most 120 fit a digest's tags"),
    ],
)
def test_a_bad_rule_description_is_one_config_error(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn, value: str, message: str
) -> None:
    """A description that is not a string, is blank, holds a line break or is too long to be a tag
    is one error naming the file, the rule and the field; a good one is kept, trimmed."""
    cfg = write_config(
        tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE + f"description = {value}\n")
    )
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    assert str(info.value).startswith(
        f"{cfg}: rules[0] (name 'sea code'), field 'description': {message}"
    )
    write_config(cfg, config_text(smtp, slack, SCS_RULE + 'description = " Code talks "\n'))
    assert load_config(cfg).rules[0].description == "Code talks"


def test_dry_run_and_rules_test_send_nothing(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """`digest --dry-run` prints the digest and `rules test` prints the matches; neither sends or
    marks anything."""
    db = tmp_path / "ww.db"
    carry_three(db)
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    tested = run_wirewatch("--config", str(cfg), "--db", str(db), "rules", "test", "sea code")
    assert tested.returncode == 0 and "China, ASEAN agree to speed up COC talks" in tested.stdout
    assert "1 story matched by rule 'sea code'" in tested.stderr
    assert query(db, "SELECT COUNT(*) FROM alerts")[0][0] == 0
    digest(cfg, db)  # raises the alert and delivers it
    assert len(smtp.messages) == 1


def test_immediate_rule_alerts_right_after_the_crawl(
    tmp_path: Path, server: LocalServer, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """An immediate-mode rule on a person sends its Slack alert at the end of the crawl that found
    the story; a digest-mode rule waits for `wirewatch digest`."""
    server.page(
        "/a/1.html",
        article_html(
            "Lavrov meets ASEAN envoys in Moscow",
            "MOSCOW, February 9. /TASS/. Russian Foreign Minister Sergei Lavrov met "
            "ambassadors of ASEAN countries on Monday.",
        ),
    )
    server.page(
        "/feed.xml", rss([{"title": "1", "link": "{base}/a/1.html"}]), "application/rss+xml"
    )
    sources = f'[[sources]]\nname = "tass"\nkind = "feed"\nurls = ["{server.url("/feed.xml")}"]\n'
    rules = (
        '[[rules]]\nname = "lavrov"\nactors_any = ["person:sergei-lavrov"]\nchannels = ["alerts"]\n'
        'mode = "immediate"\n'
        '[[rules]]\nname = "russia digest"\nactors_all = ["RUS"]\nchannels = ["desk"]\n'
    )
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, rules, sources))
    db = tmp_path / "ww.db"
    result = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl")
    assert result.returncode == 0, result.stderr
    assert len(slack.received) == 1 and "Lavrov" in json.dumps(slack.received[0])
    assert smtp.messages == []
    digest(cfg, db)
    assert len(smtp.messages) == 1 and len(slack.received) == 1


def test_a_404_that_echoes_the_webhook_path_stores_no_token(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """Slack's error text quoting the webhook's path or its token: the stored error, the log and
    `alerts --failed` show `***` in their place."""
    db = tmp_path / "ww.db"
    carry_three(db)
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    slack.then(404, "no_service for /services/T000/B000/XXXXSECRETXXXX (token XXXXSECRETXXXX)")
    out = digest(cfg, db, "--channel", "alerts")
    stored = query(db, "SELECT last_error FROM outbox WHERE channel = 'alerts'")[0][0]
    listed = run_wirewatch("--config", str(cfg), "--db", str(db), "alerts", "--failed").stdout
    for text in (out, stored, listed):
        assert "XXXXSECRETXXXX" not in text and "B000" not in text, text
    assert "no_service" in stored and "***" in stored


def test_a_webhook_url_with_a_space_is_a_config_error_that_hides_it(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """`URL # comment` from an env file: one config line naming the field, exit 2, and the URL is
    not echoed."""
    db = tmp_path / "ww.db"
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    env = {"WIREWATCH_SLACK_WEBHOOK_ALERTS": slack.url + " # alerts channel"}
    result = run_wirewatch("--config", str(cfg), "--db", str(db), "digest", env=env)
    assert result.returncode == 2, result.stderr
    assert "webhook_url" in result.stderr and "Traceback" not in result.stderr
    assert "XXXXSECRETXXXX" not in result.stderr


def test_a_delivery_cut_off_while_sending_is_closed_by_the_next_run(
    tmp_path: Path, smtp: SMTPServer, slack: SlackStandIn
) -> None:
    """A deliveries row left `sending` by a crash is marked `interrupted` by the channel's next
    delivery, which then sends what is pending."""
    db = tmp_path / "ww.db"
    carry_three(db)
    cfg = write_config(tmp_path / "c.toml", config_text(smtp, slack, SCS_RULE))
    store = Store(db)
    with store.write():
        store.outbox.start_delivery("alerts", 1)
    store.close()
    digest(cfg, db, "--channel", "alerts")
    statuses = [r[0] for r in query(db, "SELECT status FROM deliveries ORDER BY id")]
    assert statuses == ["interrupted", "sent"], statuses
    assert len(slack.received) >= 1
