"""Why a message was not delivered, and whether trying again can help."""

from __future__ import annotations


class DeliveryError(Exception):
    def __init__(self, reason: str, permanent: bool, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.permanent, self.retry_after = reason, permanent, retry_after
