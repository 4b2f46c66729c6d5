"""Digest -> one multipart/alternative email (plain text + HTML): bounded, header-safe, UTF-8
throughout.

Headers carry only the channel name and counts, never titles; every data value that reaches a header
is made one line first, because EmailMessage raises ValueError on CR, LF, U+2028 or U+0085 and one
bad value must not abort a whole digest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from crawler.alerts.digest import (
    RULE_CHARS,
    Digest,
    DigestEntry,
    DigestSection,
    format_time,
    headline,
    layout,
    marked,
    more_line,
    one_line,
    period_label,
    web_url,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
TITLE_CHARS = 300
SNIPPET_CHARS = 600  # bounds the message size whatever the extractor put in a snippet


@dataclass(frozen=True)
class StoryView:
    """One story as the templates show it: every value already one line and bounded."""

    title: str
    link: str | None
    time: str
    relevance: str
    rules: tuple[tuple[str, str | None], ...]  # (tag, the rule's name when the tag is not it)
    carriers: tuple[tuple[str, str | None], ...]
    snippet_text: str
    snippet_html: Markup
    actors: tuple[tuple[str, bool], ...]  # (name, made a rule match)
    note: str | None
    page: str | None = None  # the story's page in `wirewatch serve`, when [web] base_url is set

    @property
    def rules_text(self) -> str:
        return ", ".join(tag for tag, _ in self.rules)

    @property
    def actors_text(self) -> str:
        return ", ".join(f"*{a}*" if hit else a for a, hit in self.actors)


@dataclass(frozen=True)
class GroupView:
    label: str
    stories: tuple[StoryView, ...]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One Jinja environment: autoescape for *.html.j2 only, so the text part is not
    HTML-escaped."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def snippet_html(pieces: list[tuple[str, bool]]) -> Markup:
    """Each piece is escaped first; <mark> wraps the escaped term, so the snippet cannot inject
    markup."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(p) if hit else escape(p) for p, hit in pieces
    )


StoryLink = Callable[[int], "str | None"]


def _no_page(story_id: int) -> str | None:
    return None


def _story(entry: DigestEntry, digest: Digest, story_url: StoryLink) -> StoryView:
    pieces = marked(one_line(entry.snippet, SNIPPET_CHARS), entry.terms)
    return StoryView(
        title=one_line(entry.title, TITLE_CHARS) or "(untitled)",
        link=entry.link,
        time=format_time(entry.published_at, digest.zone),
        relevance=one_line(entry.relevance, 20),
        rules=tuple(
            (r.label, one_line(r.name, RULE_CHARS) if r.description else None) for r in entry.rules
        ),
        carriers=tuple((c.name, web_url(c.url)) for c in entry.carriers),
        snippet_text="".join(f"*{p}*" if hit else p for p, hit in pieces),
        snippet_html=snippet_html(pieces),
        actors=tuple(entry.badges()),
        note=one_line(entry.update_note, 300) if entry.update_note else None,
        page=web_url(story_url(entry.story_id) or ""),
    )


def _groups(
    sections: tuple[DigestSection, ...], digest: Digest, story_url: StoryLink
) -> tuple[GroupView, ...]:
    return tuple(
        GroupView(s.label, tuple(_story(e, digest, story_url) for e in s.entries)) for s in sections
    )


def subject(digest: Digest) -> str:
    """Counts and period, never titles:
    'wirewatch desk: 5 new stories, 2 updated, 09 Feb 07:00–13:00 (+07)'."""
    return f"{headline(digest)}, {period_label(digest)}"


def _address(value: str, what: str) -> str:
    # Addresses come from the channel config: a broken one is a config error to name, not data to
    # clean.
    if not value.strip() or one_line(value) != value.strip():
        raise ValueError(
            f"email {what} {value!r} is empty or contains a line break or control character"
        )
    return value.strip()


def _msgid_domain(sender: str, domain: str | None) -> str:
    # Always pass a domain: make_msgid's default calls socket.getfqdn(), a DNS lookup.
    name = (domain or parseaddr(sender)[1].rpartition("@")[2] or "localhost").strip()
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"Message-ID domain {name!r} is not a valid domain name") from exc


def _message(
    subject_line: str, sender: str, recipients: list[str], when: datetime, domain: str | None
) -> EmailMessage:
    """An empty message with the headers every wirewatch email carries."""
    msg = EmailMessage()
    msg["Subject"] = subject_line
    msg["From"] = _address(sender, "sender")
    msg["To"] = ", ".join(_address(r, "recipient") for r in recipients)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain=_msgid_domain(sender, domain))
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies to the sender
    return msg


def render_notice(
    text: str,
    sender: str,
    recipients: list[str],
    *,
    domain: str | None = None,
    now: datetime | None = None,
) -> EmailMessage:
    """A one-line notice (a source failing, silent or recovered): the text is the subject and the
    body."""
    if not recipients:
        raise ValueError("email notice has no recipients")
    line = one_line(text, TITLE_CHARS)
    msg = _message(line, sender, recipients, now or datetime.now(UTC), domain)
    msg.set_content(line + "\n")
    return msg


def render_email(
    digest: Digest,
    sender: str,
    recipients: list[str],
    *,
    max_entries: int = 100,
    domain: str | None = None,
    now: datetime | None = None,
    story_url: StoryLink = _no_page,
) -> EmailMessage:
    """Render the digest as one email ready for smtplib's send_message (SMTPUTF8 not required);
    story_url gives each story's web page, linked from its entry."""
    if not recipients:
        raise ValueError(f"email digest for channel {digest.channel!r} has no recipients")
    when = now or datetime.now(UTC)
    if when.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got naive {when.isoformat()}")
    cut = layout(digest, max_entries)
    context = {
        "headline": headline(digest),
        "period": period_label(digest),
        "timezone": digest.timezone,
        "parts": [
            (label, groups)
            for label, groups in (
                ("New stories", _groups(cut.new, digest, story_url)),
                ("Updated stories", _groups(cut.updated, digest, story_url)),
            )
            if groups
        ],
        "more": more_line(cut.omitted) if cut.omitted else None,
    }
    msg = _message(subject(digest), sender, recipients, when.astimezone(digest.zone), domain)
    env = environment()
    msg.set_content(env.get_template("digest.txt.j2").render(context))
    msg.add_alternative(env.get_template("digest.html.j2").render(context), subtype="html")
    return msg
