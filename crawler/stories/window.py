"""What the two window indexes (MinHash twins, re-tellings) share: entries kept by arrival time and
dropped when they leave the window."""

from __future__ import annotations

import heapq
from typing import Any, Generic, Protocol, TypeVar


class _Timed(Protocol):
    seen_at: str


E = TypeVar("E", bound=_Timed)


class WindowIndex(Generic[E]):
    def __init__(self) -> None:
        self.entries: dict[int, E] = {}
        self.by_time: list[tuple[str, int]] = []  # heap of (seen_at, article id)

    def __len__(self) -> int:
        return len(self.entries)

    def _keep(self, article_id: int, entry: E) -> None:
        self.entries[article_id] = entry
        heapq.heappush(self.by_time, (entry.seen_at, article_id))

    def remove(self, article_id: int) -> Any:
        return self.entries.pop(article_id, None)

    def evict(self, cutoff: str) -> int:
        """Drop articles seen before cutoff (an article indexed again since is kept); returns how
        many."""
        dropped = 0
        while self.by_time and self.by_time[0][0] < cutoff:
            seen_at, article_id = heapq.heappop(self.by_time)
            entry = self.entries.get(article_id)
            if entry is not None and entry.seen_at == seen_at:
                self.remove(article_id)
                dropped += 1
        return dropped
