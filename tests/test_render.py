"""Digest rendering: the email and Slack renderers are bounded, escape all data and keep headers
safe."""

from __future__ import annotations

import email
import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTPUTF8, default
from pathlib import Path
from typing import Any

import pytest

from crawler.alerts.digest import (
    Carrier,
    Digest,
    DigestEntry,
    RuleTag,
    layout,
    marked,
    period_label,
)
from crawler.alerts.render_email import render_email
from crawler.alerts.render_slack import Mrkdwn, render_slack, size, story_ids

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "digest"
NOW = datetime(2026, 2, 9, 6, 0, 30, tzinfo=UTC)
SENDER = "wirewatch <alerts@wirewatch.example>"
RECIPIENTS = ["Desk <desk@newsroom.example>", "analyst@newsroom.example"]
EVIL = "\r\nBcc: evil@example.org"
# A rendered Slack text may hold only our links and Slack's three escapes: no raw '<', '>' or stray
# '&'.
LINK = re.compile(r"<https?://[^\s<>|]+\|[^<>|]*>")
BAD_AMP = re.compile(r"&(?!amp;|lt;|gt;)")


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def load_digest(path: Path) -> Digest:
    """The fixture's JSON as model objects."""
    raw = json.loads(path.read_text("utf-8"))
    entries = tuple(
        DigestEntry(
            story_id=e["story_id"],
            title=e["title"],
            published_at=_time(e["published_at"]),
            relevance=e["relevance"],
            snippet=e["snippet"],
            rules=tuple(
                RuleTag(r["name"], r.get("description"), tuple(r["terms"]), tuple(r["actors"]))
                for r in e["rules"]
            ),
            actors=tuple(e["actors"]),
            updated=e.get("updated", False),
            update_note=e.get("update_note"),
            carriers=tuple(
                Carrier(c["agency"], c["source"], c["url"], c["title"], _time(c["published_at"]))
                for c in e["carriers"]
            ),
        )
        for e in raw["entries"]
    )
    end = _time(raw["period_end"])
    assert end is not None
    return Digest(raw["channel"], raw["timezone"], _time(raw["period_start"]), end, entries)


@pytest.fixture
def sample() -> Digest:
    return load_digest(FIXTURES / "sample.json")


def story(
    i: int,
    *,
    title: str | None = None,
    snippet: str | None = None,
    updated: bool = False,
    carriers: tuple[Carrier, ...] | None = None,
    actors: tuple[str, ...] = ("ASEAN", "Japan"),
    rules: tuple[RuleTag, ...] | None = None,
    relevance: str = "core",
    at: datetime | None = None,
) -> DigestEntry:
    """A plausible story about ASEAN and a partner, numbered i, published i minutes after 01:00."""
    at = at or datetime(2026, 2, 9, 1, 0, tzinfo=UTC) + timedelta(minutes=i)
    return DigestEntry(
        story_id=i,
        title=title
        if title is not None
        else f"ASEAN and Japan launch digital economy dialogue, round {i}",
        published_at=at,
        relevance=relevance,
        carriers=carriers
        or (
            Carrier("Kyodo", "kyodo", f"https://kyodo.example/news/{i}", "t", at),
            Carrier("Antara", "antara", f"https://antara.example/en/{i}?a=1&b=2", "t", at),
        ),
        snippet=snippet
        if snippet is not None
        else (
            f"TOKYO -- Senior officials of ASEAN and Japan opened round {i} of talks on data flows "
            "& standards."
        ),
        rules=rules or (RuleTag("ASEAN–Japan", None, ("ASEAN", "data flows"), ("Japan",)),),
        actors=actors,
        updated=updated,
        update_note="lead changed" if updated else None,
    )


def digest_of(entries: list[DigestEntry], *, channel: str = "desk") -> Digest:
    return Digest(
        channel,
        "Asia/Jakarta",
        datetime(2026, 2, 9, 0, tzinfo=UTC),
        datetime(2026, 2, 9, 6, tzinfo=UTC),
        tuple(entries),
    )


def parse(msg: EmailMessage) -> EmailMessage:
    back = email.message_from_bytes(msg.as_bytes(), policy=default)
    assert isinstance(back, EmailMessage)
    return back


def parts(msg: EmailMessage) -> tuple[str, str]:
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def slack_texts(payload: dict[str, Any]) -> list[str]:
    """Every text Slack will read in one payload, the fallback included."""
    out = [payload["text"]]
    for block in payload["blocks"]:
        if "text" in block:
            out.append(block["text"]["text"])
        out += [e["text"] for e in block.get("elements", [])]
    return out


def assert_slack_safe(text: str) -> None:
    """Only our links use '<' and '>', and every '&' starts one of Slack's three escapes."""
    rest = LINK.sub("", text)
    assert "<" not in rest and ">" not in rest, text
    assert not BAD_AMP.search(text), text


# --- model ----------------------------------------------------------------------------------------


def test_counts_split_new_and_updated(sample: Digest) -> None:
    """new_count and updated_count count stories by their updated flag; total counts stories."""
    assert (sample.new_count, sample.updated_count, sample.total) == (2, 1, 3)


TWO_RULES = (
    RuleTag("ASEAN–Japan", None, ("ASEAN",), ("Japan",)),
    RuleTag("digital", None, ("data flows",)),
)


def test_a_digest_holds_each_story_once() -> None:
    """A story is one entry carrying a tag per rule: a digest refuses the same story twice, and the
    subject, the Slack header and the '… and N more' line count stories, not rule matches."""
    with pytest.raises(ValueError, match="holds story 1 twice"):
        Digest("desk", "UTC", None, NOW, (story(1), story(2), story(1, rules=TWO_RULES)))
    twice = Digest(
        "desk",
        "UTC",
        None,
        NOW,
        (story(1, rules=TWO_RULES), story(2, rules=TWO_RULES), story(3, updated=True)),
    )
    assert (twice.new_count, twice.updated_count, twice.total) == (2, 1, 3)
    msg = parse(render_email(twice, SENDER, RECIPIENTS, max_entries=1, now=NOW))
    assert msg["Subject"] == "wirewatch desk: 2 new stories, 1 updated, until 09 Feb 06:00 (+00)"
    text, html = parts(msg)
    assert "… and 2 more stories" in text and "… and 2 more stories" in html
    [payload] = render_slack(twice, max_entries=1)
    assert payload["blocks"][0]["text"]["text"] == "wirewatch desk: 2 new stories, 1 updated"
    assert payload["blocks"][-1]["text"]["text"] == "… and 2 more stories"


def test_core_stories_come_first_then_newest_first() -> None:
    """New stories before updated ones; within each, core, then related, then none, newest first
    within a class and stories with no time last; the bound keeps the front of that order, in the
    layout, both email parts and Slack."""
    t = datetime(2026, 2, 9, 1, tzinfo=UTC)
    entries = [
        story(1, relevance="related", at=t + timedelta(hours=5)),
        story(2, relevance="core", at=t),
        story(3, relevance="none", at=t + timedelta(hours=6)),
        story(4, relevance="core", at=t + timedelta(hours=2)),
        story(5, relevance="related", at=t + timedelta(hours=1)),
        story(6, relevance="core", at=t + timedelta(hours=9), updated=True),
        replace(story(7, relevance="core"), published_at=None),
        story(8, relevance="none", at=t + timedelta(hours=9), updated=True),
    ]
    cut = layout(digest_of(entries), 100)
    assert [(s.label, [e.story_id for e in s.entries]) for s in cut.new] == [
        ("Core", [4, 2, 7]),
        ("Related", [1, 5]),
        ("Other", [3]),
    ]
    assert [(s.label, [e.story_id for e in s.entries]) for s in cut.updated] == [
        ("Core", [6]),
        ("Other", [8]),
    ]
    short = layout(digest_of(entries), 4)
    assert [e.story_id for s in short.new for e in s.entries] == [4, 2, 7, 1]
    assert (short.updated, short.omitted) == ((), 4)
    order = [4, 2, 7, 1, 5, 3, 6, 8]
    text, html = parts(parse(render_email(digest_of(entries), SENDER, RECIPIENTS, now=NOW)))
    assert [int(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line[:2] == "- "] == order
    assert [int(n) for n in re.findall(r"round (\d+)</a>", html)] == order
    assert re.findall(r"^## (.+)$", text, re.M) == ["Core", "Related", "Other", "Core", "Other"]
    [payload] = render_slack(digest_of(entries))
    assert story_ids(payload) == order
    blocks = payload["blocks"]
    assert [
        b["text"]["text"] for b in blocks if b["type"] == "section" and "block_id" not in b
    ] == [
        "*Core*",
        "*Related*",
        "*Other*",
        "*Updated · Core*",
        "*Updated · Other*",
    ]


def test_rules_are_tags_with_their_descriptions_and_what_matched_is_marked() -> None:
    """A story three rules matched shows once with three tags, a rule's description in place of its
    name; the terms of every rule are marked in the snippet and the actors a rule matched on in the
    badges: HTML <mark> and bold, *term* in the plain text, bold in Slack."""
    rules = (
        RuleTag("japan", None, ("Japan",), ("Japan",)),
        RuleTag("digital", "Digital economy & data", ("data flows",)),
        RuleTag("bloc", None, ("ASEAN",), ("ASEAN",)),
    )
    entry = story(1, rules=rules, actors=("ASEAN", "Japan", "Korea"))
    text, html = parts(parse(render_email(digest_of([entry]), SENDER, RECIPIENTS, now=NOW)))
    assert text.count("- ASEAN and Japan launch") == 1
    assert "  Rules: japan, Digital economy & data, bloc\n" in text
    assert "officials of *ASEAN* and *Japan* opened round 1 of talks on *data flows* &" in text
    assert "  Actors: *ASEAN*, *Japan*, Korea\n" in text
    assert html.count('<div class="story">') == 1
    assert (
        '<span class="rule">japan</span> '
        '<span class="rule" title="rule digital">Digital economy &amp; data</span> '
        '<span class="rule">bloc</span>'
    ) in html
    assert "<mark>ASEAN</mark> and <mark>Japan</mark>" in html and "<mark>data flows</mark>" in html
    assert (
        '<span class="actor"><strong>Japan</strong></span> <span class="actor">Korea</span>' in html
    )
    [payload] = render_slack(digest_of([entry]))
    [shown] = [b["text"]["text"] for b in payload["blocks"] if "story-" in b.get("block_id", "")]
    assert "\nRules: japan, Digital economy &amp; data, bloc\n" in shown
    assert "*ASEAN* and *Japan* opened round 1 of talks on *data flows*" in shown
    assert payload["blocks"][-1]["elements"][0]["text"] == "*ASEAN* · *Japan* · Korea"


def test_one_story_is_said_in_the_singular() -> None:
    """One story, one left out: '1 new story' and '… and 1 more story' in the subject, both email
    parts and Slack; never '1 stories'."""
    msg = parse(render_email(digest_of([story(1), story(2)]), SENDER, RECIPIENTS, now=NOW))
    assert msg["Subject"].startswith("wirewatch desk: 2 new stories, 0 updated, ")
    one = digest_of([story(1)])
    assert parse(render_email(one, SENDER, RECIPIENTS, now=NOW))["Subject"].startswith(
        "wirewatch desk: 1 new story, 0 updated, "
    )
    cut = parse(render_email(digest_of([story(1), story(2)]), SENDER, RECIPIENTS, max_entries=1))
    text, html = parts(cut)
    assert "… and 1 more story\n" in text and "… and 1 more story<" in html
    payloads = render_slack(digest_of([story(1), story(2)]), max_entries=1)
    texts = [t for p in payloads for t in slack_texts(p)]
    assert texts[-1] == "… and 1 more story"
    assert payloads[0]["blocks"][0]["text"]["text"] == "wirewatch desk: 2 new stories, 0 updated"
    rendered = "\n".join([cut["Subject"], text, html, *texts])
    assert "1 stories" not in rendered and "1 more stories" not in rendered


def test_naive_times_are_refused() -> None:
    """A naive time would be shown at the host's hour, so the model refuses it at construction."""
    with pytest.raises(ValueError, match="timezone-aware"):
        DigestEntry(1, "t", datetime(2026, 2, 9, 7, 0), "core", (), "", (), ())


def test_terms_are_marked_as_whole_words_ignoring_case() -> None:
    """Terms match case-insensitively and only as whole words; the longest phrase wins."""
    pieces = marked(
        "Asean ministers, not ASEANs; the South  China Sea and China.",
        ("ASEAN", "China", "south china sea"),
    )
    assert [p for p, hit in pieces if hit] == ["Asean", "South  China Sea", "China"]


def test_period_is_shown_in_the_channel_zone(sample: Digest) -> None:
    """The period reads in the channel's zone; over midnight the date repeats, over a DST change
    both offsets show; no start reads 'until'."""
    assert period_label(sample) == "09 Feb 07:00–13:00 (+07)"
    night = Digest(
        "desk",
        "Asia/Kolkata",
        datetime(2026, 2, 8, 17, tzinfo=UTC),
        datetime(2026, 2, 9, 1, tzinfo=UTC),
        (),
    )
    assert period_label(night) == "08 Feb 22:30 – 09 Feb 06:30 (+0530)"
    assert period_label(Digest("desk", "UTC", None, NOW, ())) == "until 09 Feb 06:00 (+00)"
    spring = Digest(
        "desk",
        "Europe/London",
        datetime(2026, 3, 29, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 6, tzinfo=UTC),
        (),
    )
    assert period_label(spring) == "29 Mar 00:00 (+00) – 29 Mar 07:00 (+01)"


# --- email ----------------------------------------------------------------------------------------


def test_email_parses_back_with_its_headers_and_both_parts(sample: Digest) -> None:
    """From/To/Subject/Date/Message-ID survive a bytes round trip; both parts carry the UTF-8
    names."""
    back = parse(render_email(sample, SENDER, RECIPIENTS, now=NOW))
    assert back["From"] == SENDER
    assert back["To"] == ", ".join(RECIPIENTS)
    assert back["Subject"] == "wirewatch desk: 2 new stories, 1 updated, 09 Feb 07:00–13:00 (+07)"
    assert back["Date"] == "Mon, 09 Feb 2026 13:00:30 +0700"
    assert re.fullmatch(r"<[^@<>\s]+@wirewatch\.example>", back["Message-ID"])
    assert back.get_content_type() == "multipart/alternative"
    text, html = parts(back)
    for name in ("Bùi Thanh Sơn", "Phạm Bình Minh"):
        assert name in text and name in html


def test_email_message_id_takes_the_given_domain_and_smtputf8_serialises(sample: Digest) -> None:
    """`domain` overrides the sender's for Message-ID; the message also serialises under the
    SMTPUTF8 policy."""
    msg = render_email(sample, SENDER, RECIPIENTS, domain="mail.wirewatch.example", now=NOW)
    assert msg["Message-ID"].endswith("@mail.wirewatch.example>")
    raw = msg.as_bytes(policy=SMTPUTF8)
    assert "07:00–13:00".encode() in raw  # the subject travels as raw UTF-8 under SMTPUTF8
    back = email.message_from_bytes(raw, policy=SMTPUTF8)
    assert isinstance(back, EmailMessage)
    assert all("Bùi Thanh Sơn" in part for part in parts(back))


def test_email_text_part_matches_the_expected_rendering(sample: Digest) -> None:
    """The plain-text part of the sample digest is exactly sample.email.txt: each story once with
    its rules as tags, by relevance class, updated stories apart."""
    text, _ = parts(parse(render_email(sample, SENDER, RECIPIENTS, now=NOW)))
    assert text == (FIXTURES / "sample.email.txt").read_text("utf-8")


def test_html_escapes_the_snippet_and_marks_terms() -> None:
    """Markup in a snippet is escaped, matched terms get <mark>, and a javascript: URL is not
    linked."""
    bad = Carrier("Xinhua", "xinhua", "javascript:alert(1)", "t", None)
    entry = story(
        1,
        title="<b>ASEAN</b> & China",
        snippet="<script>alert(1)</script> <b>ASEAN</b> & China talk",
        carriers=(bad,),
    )
    _, html = parts(parse(render_email(digest_of([entry]), SENDER, RECIPIENTS, now=NOW)))
    assert "<script>" not in html and "<b>" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;<mark>ASEAN</mark>&lt;/b&gt; &amp; China"
        in html
    )
    assert "javascript:" not in html


@pytest.mark.parametrize("bad", [EVIL, "\u2028Bcc: evil@example.org", "\x85Bcc: evil@example.org"])
def test_data_cannot_inject_an_email_header(bad: str) -> None:
    """CR/LF, U+2028 or U+0085 in channel, rule or title neither abort the digest nor add a
    header."""
    rules = (RuleTag(f"ASEAN{bad}", f"ASEAN and partners{bad}"), RuleTag(f"Japan{bad}"))
    entry = story(1, title=f"ASEAN summit{bad}", rules=rules)
    msg = render_email(digest_of([entry], channel=f"desk{bad}"), SENDER, RECIPIENTS, now=NOW)
    back = parse(msg)
    assert back["Bcc"] is None
    assert "\n" not in back["Subject"] and "\r" not in back["Subject"]
    assert back["Subject"].startswith("wirewatch desk Bcc: evil@example.org: 1 new")


def test_a_bad_address_is_named() -> None:
    """A recipient with a line break is a config error, reported with the address."""
    with pytest.raises(ValueError, match="recipient"):
        render_email(digest_of([story(1)]), SENDER, [f"desk@newsroom.example{EVIL}"], now=NOW)


def test_email_is_bounded() -> None:
    """500 stories with huge snippets give max_entries stories, a '… and N more' line, and a small
    message."""
    entries = [story(i, snippet="ASEAN & Japan " * 5000, updated=i % 5 == 0) for i in range(500)]
    msg = render_email(digest_of(entries), SENDER, RECIPIENTS, max_entries=100, now=NOW)
    text, html = parts(parse(msg))
    assert text.count("\n- ") == 100
    assert html.count('<div class="story">') == 100
    assert "… and 400 more stories" in text and "… and 400 more stories" in html
    assert len(msg.as_bytes()) < 1_000_000 // 2  # worst case: a third of the snippet words marked


# --- Slack ----------------------------------------------------------------------------------------


def test_slack_sample_matches_the_expected_payload(sample: Digest) -> None:
    """The sample digest renders exactly as sample.slack.json (one message, links, bold terms,
    badges)."""
    expected = json.loads((FIXTURES / "sample.slack.json").read_text("utf-8"))
    assert render_slack(sample) == expected


def test_slack_splits_a_long_digest_within_limits() -> None:
    """500 stories: bounded to max_entries, split into payloads of ≤50 blocks, ≤3,000 per section,
    <12,000 characters each, every header '(i/n)' and ≤150 characters; blocks pass slack_sdk's
    validation."""
    blocks_mod = pytest.importorskip("slack_sdk.models.blocks")
    entries = [
        story(i, snippet="ASEAN & Japan <data flows> " * 40, updated=i % 4 == 0) for i in range(500)
    ]
    payloads = render_slack(digest_of(entries), max_entries=200)
    n = len(payloads)
    assert n > 1
    shown = 0
    for i, payload in enumerate(payloads, start=1):
        blocks = payload["blocks"]
        assert len(blocks) <= 50
        header = blocks[0]["text"]["text"]
        assert (
            blocks[0]["type"] == "header" and header.endswith(f"({i}/{n})") and len(header) <= 150
        )
        assert payload["text"].endswith(f"({i}/{n})")
        assert sum(size(t) for t in slack_texts(payload)) < 12_000
        for block in blocks:
            if block["type"] == "section":
                assert size(block["text"]["text"]) <= 3000
            blocks_mod.Block.parse(block).validate_json()
        shown += sum(
            1 for b in blocks if b["type"] == "section" and "kyodo.example" in b["text"]["text"]
        )
    assert shown == 200
    assert payloads[-1]["blocks"][-1]["text"]["text"] == "… and 300 more stories"


def test_slack_payloads_say_which_stories_they_carry() -> None:
    """story_ids() lists each payload's stories, every shown story once (the 50 newest of 60, each
    matched by two rules); block_ids are unique per message."""
    entries = [story(i, snippet="ASEAN & Japan " * 60, rules=TWO_RULES) for i in range(60)]
    payloads = render_slack(digest_of(entries), max_entries=50)
    assert len(payloads) > 1
    ids = [story_ids(p) for p in payloads]
    assert [i for batch in ids for i in batch] == list(range(59, 9, -1))
    for payload in payloads:
        block_ids = [b["block_id"] for b in payload["blocks"] if "block_id" in b]
        assert len(block_ids) == len(set(block_ids))


def test_slack_escapes_control_characters_and_mentions() -> None:
    """`<!channel>`, `<@U123>`, `&`, `<`, `>` and a bare @here in any data come out escaped or
    defused."""
    entry = story(
        1,
        title="<!channel> ASEAN & <@U123> > China",
        snippet="Ping <!here|here> & <@U123> @here ASEAN",
        actors=("<!everyone>", "Tom & Jerry"),
        rules=(
            RuleTag("<@U999> rule", None, ("ASEAN",), ("Tom & Jerry",)),
            RuleTag("a", "<!here>"),
        ),
    )
    payloads = render_slack(digest_of([entry], channel="<!channel>"))
    texts = [t for p in payloads for t in slack_texts(p)]
    for text in texts:
        assert_slack_safe(text)
        assert "<!" not in text and "<@" not in text
    joined = "\n".join(texts)
    assert "&lt;!channel&gt; ASEAN &amp; &lt;@U123&gt; &gt; China" in joined
    assert "@\u2060here" in joined and "Tom &amp; Jerry" in joined


def test_slack_link_text_with_pipe_or_gt_stays_one_link() -> None:
    """A `|` or `>` in a title or URL cannot end or split the link: one link, the whole title inside
    it."""
    odd = Carrier("Yonhap", "yonhap", "https://yonhap.example/a?q=x|y>z", "t", None)
    entry = story(1, title="Trade | security > talks", carriers=(odd,))
    text = render_slack(digest_of([entry]))[0]["blocks"][3]["text"]["text"]
    links = LINK.findall(text)
    assert links[0] == "<https://yonhap.example/a?q=x%7Cy%3Ez|Trade ¦ security &gt; talks>"
    assert_slack_safe(text)


def test_slack_truncates_long_text_without_breaking_escapes_or_links() -> None:
    """A huge snippet or a story with hundreds of carriers is cut to ≤3,000 characters with '…',
    never inside an escape such as &amp; or a link."""
    many = tuple(
        Carrier(f"Agency {i}", f"a{i}", f"https://wire{i}.example/story?id={i}&x=1", "t", None)
        for i in range(300)
    )
    for entry in (story(1, snippet="R&D <b>ASEAN</b> " * 3000), story(2, carriers=many)):
        text = render_slack(digest_of([entry]))[0]["blocks"][3]["text"]["text"]
        assert size(text) <= 3000 and text.endswith("…")
        assert_slack_safe(text)


def test_mrkdwn_never_cuts_inside_an_atom() -> None:
    """Truncation stops before an escape or link that would not fit whole."""
    text = Mrkdwn().text("ab&").markup("<https://x.example|x>").render(6)
    assert text == "ab…"


def test_slack_marks_updated_stories_and_handles_an_empty_digest(sample: Digest) -> None:
    """Updated stories sit under an 'Updated' heading with their note; an empty digest still says
    so."""
    texts = "\n".join(slack_texts(render_slack(sample)[0]))
    assert "*Updated · Core*" in texts and "Updated: new carriers: PNA" in texts
    empty = render_slack(digest_of([]))
    assert (
        len(empty) == 1 and empty[0]["blocks"][-1]["text"]["text"] == "No stories in this period."
    )
    none_shown = render_slack(digest_of([story(1), story(2)]), max_entries=0)
    assert none_shown[0]["blocks"][-1]["text"]["text"] == "… and 2 more stories"
