"""Secrets (passwords, webhook URLs) out of every log line and stored error."""

from __future__ import annotations

import logging
from collections.abc import Iterable

MASK = "***"


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return text


class RedactSecrets(logging.Filter):
    """Keeps passwords and webhook URLs out of every log line, whoever writes it."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            record.msg = redact(record.getMessage(), self.secrets)
            record.args = ()
        return True


# One filter per process: a long-running daemon that loads its config again and again adds secrets
# to it, never another filter.
_FILTER = RedactSecrets()


def install_redaction(secrets: Iterable[str]) -> None:
    """Redact these secrets (and those given before) in every handler of the root logger."""
    _FILTER.secrets.update(s for s in secrets if s)
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
