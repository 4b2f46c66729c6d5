"""Alert digests: the model of what a channel is told, and pure renderers for email and Slack (no I/O)."""

from crawler.digest.model import Carrier, Digest, DigestEntry, DigestSection
from crawler.digest.render_email import render_email
from crawler.digest.render_slack import render_slack, story_ids

__all__ = ["Carrier", "Digest", "DigestEntry", "DigestSection", "render_email", "render_slack", "story_ids"]
