"""Digest -> Slack incoming-webhook payloads in Block Kit, split to stay inside Slack's limits.

Slack refuses a message with more than 50 blocks or a section text over 3,000 characters, and
answers msg_blocks_too_long near 13,200 characters in all; a long digest therefore becomes several
messages, each with its own header '(i/n)'. Slack reads `&`, `<` and `>` as control characters
(links, mentions, `<!channel>`), so every data value is escaped; text is built from unbreakable
atoms so truncation never splits an escape or a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from crawler.alerts import digest as shared
from crawler.alerts.digest import Digest, DigestEntry

MAX_BLOCKS = 50
SECTION_CHARS = 3000
HEADER_CHARS = 150
CONTEXT_CHARS = 2000
MESSAGE_CHARS = 11_000  # our budget per message: Slack's msg_blocks_too_long starts near 13,200
HEADER_RESERVE = 600  # room kept in each message for its header and fallback text, added last
TITLE_CHARS = 300
SNIPPET_CHARS = 600

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_URL_ESCAPES = {"&": "&amp;", "<": "%3C", ">": "%3E", "|": "%7C", '"': "%22"}
# Bare @channel / @here / @everyone can be parsed as broadcasts; a word joiner after '@' keeps them
# as text.
_BROADCAST = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)

_STORY_ID = re.compile(r"\d+#story-(\d+)")

Block = dict[str, Any]


def size(text: str) -> int:
    """Length in UTF-16 code units: never less than len(), so an emoji cannot push a text over
    Slack's limit."""
    return len(text.encode("utf-16-le")) // 2


def _escaped(raw: str) -> list[str]:
    return [_ESCAPES.get(c, c) for c in _BROADCAST.sub("@\u2060", raw)]


def escape(raw: str) -> str:
    """Data as Slack text: control characters escaped, broadcasts defused."""
    return "".join(_escaped(raw))


def link(url: str, label: str) -> str:
    """`<url|label>`: the URL cannot end the link early, the label has no `|` and no raw `>`."""
    target = "".join(_URL_ESCAPES.get(c, c) for c in url)
    return f"<{target}|{escape(label.replace('|', '¦')) or target}>"


class Mrkdwn:
    """Slack text as a list of atoms (one escaped character, one link, one bold term): cut only
    between atoms."""

    def __init__(self) -> None:
        self.atoms: list[str] = []

    def text(self, raw: str) -> Mrkdwn:
        self.atoms.extend(_escaped(raw))
        return self

    def markup(self, piece: str) -> Mrkdwn:
        """Our own syntax (a link, '*title*', a line break), kept whole."""
        self.atoms.append(piece)
        return self

    def render(self, limit: int) -> str:
        whole = "".join(self.atoms)
        if size(whole) <= limit:
            return whole
        kept, used = [], size("…")
        for atom in self.atoms:
            if used + size(atom) > limit:
                break
            kept.append(atom)
            used += size(atom)
        return "".join(kept).rstrip() + "…"


def _section(text: str, block_id: str | None = None) -> Block:
    # verbatim: Slack must not auto-link names or parse mentions in data we already escaped.
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}
    if block_id:
        block["block_id"] = block_id
    return block


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text, "verbatim": True}]}


def _chars(block: Block) -> int:
    texts = [e["text"] for e in block.get("elements", [])] + (
        [block["text"]["text"]] if "text" in block else []
    )
    return sum(size(t) for t in texts)


def story_ids(payload: dict[str, Any]) -> list[int]:
    """The story ids a rendered payload carries, in order, so a sender can mark exactly those alerts
    sent."""
    ids: list[int] = []
    for block in payload["blocks"]:
        found = _STORY_ID.fullmatch(block.get("block_id", ""))
        if found and int(found[1]) not in ids:
            ids.append(int(found[1]))
    return ids


def _no_page(story_id: int) -> str | None:
    return None


def _story_blocks(
    entry: DigestEntry, digest: Digest, number: int, story_url: Callable[[int], str | None]
) -> list[Block]:
    text = Mrkdwn()
    if entry.updated:
        text.markup("↻ ")
    title = shared.one_line(entry.title, TITLE_CHARS) or "(untitled)"
    target = entry.link
    text.markup(f"*{link(target, title)}*" if target else f"*{escape(title)}*")
    when = shared.format_time(entry.published_at, digest.zone)
    text.markup("\n").text(f"{when} · {shared.one_line(entry.relevance, 20)}")
    for i, carrier in enumerate(entry.carriers):
        text.markup(" · " if i == 0 else ", ")
        url = shared.web_url(carrier.url)
        if url:
            text.markup(link(url, carrier.name))
        else:
            text.text(carrier.name)
    page = shared.web_url(story_url(entry.story_id) or "")
    if page:
        text.markup(" · " + link(page, "story page"))
    if entry.rules:
        text.markup("\n").text(f"Rules: {', '.join(r.label for r in entry.rules)}")
    if entry.updated and entry.update_note:
        text.markup("\n").text(f"Updated: {shared.one_line(entry.update_note, 300)}")
    pieces = shared.marked(shared.one_line(entry.snippet, SNIPPET_CHARS), entry.terms)
    if pieces:
        text.markup("\n")
        for piece, hit in pieces:
            if hit:
                text.markup(f"*{escape(piece)}*")
            else:
                text.text(piece)
    # block_id must be unique in a message: a running number before the id keeps it so.
    blocks = [_section(text.render(SECTION_CHARS), f"{number}#story-{entry.story_id}")]
    badges = entry.badges()
    if badges:
        line = Mrkdwn()
        for i, (actor, hit) in enumerate(badges):
            if i:
                line.text(" · ")
            if hit:
                line.markup(f"*{escape(actor)}*")
            else:
                line.text(actor)
        blocks.append(_context(line.render(CONTEXT_CHARS)))
    return blocks


def _heading(label: str, updated: bool, continued: bool) -> Block:
    text = f"{'Updated · ' if updated else ''}{label}{' (cont.)' if continued else ''}"
    return _section(f"*{escape(text)}*")


class _Pager:
    """Fills messages block by block; a new message starts when the next story would break a
    limit."""

    def __init__(self, first: list[Block]) -> None:
        self.pages: list[list[Block]] = [list(first)]
        self.used = [sum(_chars(b) for b in first)]

    def fits(self, blocks: list[Block]) -> bool:
        # One block and HEADER_RESERVE characters stay free for the header added at the end.
        return (
            len(self.pages[-1]) + len(blocks) <= MAX_BLOCKS - 1
            and self.used[-1] + sum(_chars(b) for b in blocks) <= MESSAGE_CHARS - HEADER_RESERVE
        )

    def add(self, blocks: list[Block], *, new_page: bool = False) -> None:
        if new_page:
            self.pages.append([])
            self.used.append(0)
        self.pages[-1].extend(blocks)
        self.used[-1] += sum(_chars(b) for b in blocks)


def _header(digest: Digest, page: int, pages: int) -> tuple[str, Block]:
    suffix = f" ({page}/{pages})" if pages > 1 else ""
    title = Mrkdwn().text(shared.headline(digest)).render(HEADER_CHARS - size(suffix)) + suffix
    summary = f"{shared.headline(digest)}, {shared.period_label(digest)}"
    fallback = Mrkdwn().text(summary).render(400 - size(suffix)) + suffix
    return fallback, {
        "type": "header",
        "text": {"type": "plain_text", "text": title, "emoji": True},
    }


def render_slack(
    digest: Digest,
    *,
    max_entries: int = 200,
    story_url: Callable[[int], str | None] = _no_page,
) -> list[dict[str, Any]]:
    """Render the digest as webhook payloads `{"text": fallback, "blocks": [...]}`, to be posted in
    order; story_url gives each story's web page, linked from its entry."""
    cut = shared.layout(digest, max_entries)
    pager = _Pager([_context(escape(f"{shared.period_label(digest)} · {digest.timezone}"))])
    number = 0
    for updated, sections in ((False, cut.new), (True, cut.updated)):
        for section in sections:
            for i, entry in enumerate(section.entries):
                number += 1
                story = _story_blocks(entry, digest, number, story_url)
                first = [_heading(section.label, updated, False), *story] if i == 0 else story
                if pager.fits(first):
                    pager.add(first)
                else:
                    pager.add([_heading(section.label, updated, i > 0), *story], new_page=True)
    tail = [_section(escape(shared.more_line(cut.omitted)))] if cut.omitted else []
    if not cut.new and not cut.updated and not cut.omitted:
        tail.insert(0, _section("No stories in this period."))
    if tail:
        pager.add(tail, new_page=not pager.fits(tail))
    payloads = []
    for n, blocks in enumerate(pager.pages, start=1):
        fallback, header = _header(digest, n, len(pager.pages))
        payloads.append({"text": fallback, "blocks": [header, *blocks]})
    return payloads


def render_notice(text: str) -> dict[str, Any]:
    """A one-line notice (a source failing, silent or recovered) as one Slack message."""
    return {"text": escape(shared.one_line(text, SECTION_CHARS))}
