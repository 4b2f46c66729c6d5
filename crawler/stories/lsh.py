"""The MinHash LSH lookup of the story window, kept in a few numpy arrays.

datasketch's MinHashLSH holds a bytes key per band and article and a Python set per bucket: about
8 KB an article with 28 bands, so 14,000 articles (a week at 2,000 a day) took over 100 MB. Here
the signatures are the rows of one uint32 array and each band's keys (its two values packed in one
uint64) are kept sorted, with the row each came from, so a lookup is a binary search per band:
about 1 KB an article, and the same candidates as MinHashLSH (an article whose values agree with the
query's on every row of at least one band).

New rows are searched by a scan until enough have come to sort them in; removed rows are dropped
then too.
"""

from __future__ import annotations

import numpy as np

RESORT_MIN = 512  # unsorted rows scanned before the bands are sorted again ...
RESORT_SHARE = 0.125  # ... or this share of the sorted ones, whichever is more
_GONE = -1  # owner of a removed row


class BandIndex:
    """Signatures by article id, found by band collisions."""

    def __init__(self, num_perm: int, bands: int, rows: int):
        if rows != 2:
            raise ValueError(f"a band packs two 32-bit values in one 64-bit key, not {rows}")
        self.bands = bands
        self.row_of: dict[int, int] = {}
        self.values = np.empty((RESORT_MIN, num_perm), dtype=np.uint32)
        self.owners = np.empty(RESORT_MIN, dtype=np.int64)  # article id of each row, or _GONE
        self.used = 0  # rows written since the last sort
        self.sorted = 0  # rows [0, sorted) are in the sorted bands
        self.keys = np.empty((bands, 0), dtype=np.uint64)  # each band's keys, ascending
        self.key_rows = np.empty((bands, 0), dtype=np.int32)  # the row of each of those keys

    def __len__(self) -> int:
        return len(self.row_of)

    def __contains__(self, article_id: int) -> bool:
        return article_id in self.row_of

    def _band_keys(self, start: int, stop: int) -> np.ndarray:
        """(rows, bands) uint64: the band keys of rows [start, stop)."""
        return self.values[start:stop, : 2 * self.bands].view(np.uint64)

    def add(self, article_id: int, values: np.ndarray) -> None:
        if article_id in self.row_of:
            self.remove(article_id)
        if self.used == len(self.owners):
            self._sort()
            if self.used > len(self.owners) // 2:
                self._resize(2 * len(self.owners))
        row = self.used
        self.values[row] = values
        self.owners[row] = article_id
        self.row_of[article_id] = row
        self.used += 1
        if self.used - self.sorted > max(RESORT_MIN, RESORT_SHARE * self.sorted):
            self._sort()

    def remove(self, article_id: int) -> None:
        row = self.row_of.pop(article_id, None)
        if row is not None:
            self.owners[row] = _GONE
            if self.used > RESORT_MIN and len(self.row_of) < self.used // 4:
                self._sort()  # the window shrank (a crawler idle for days): compact it

    def signature(self, article_id: int) -> np.ndarray:
        return self.values[self.row_of[article_id]]

    def query(self, values: np.ndarray) -> list[tuple[int, int]]:
        """(article id, number of values it agrees on) of the signatures that agree with `values`
        on a whole band, in no set order."""
        mine = values[: 2 * self.bands].view(np.uint64)
        found: set[int] = set()
        for band in range(self.bands):
            # A uint64 scalar: with a Python int numpy would compare in float64 and lose bits.
            key, keys = mine[band], self.keys[band]
            lo = int(keys.searchsorted(key))
            if lo < len(keys) and keys[lo] == key:
                hi = int(keys.searchsorted(key, side="right"))
                found.update(self.key_rows[band, lo:hi].tolist())
        if self.used > self.sorted:
            hits = (self._band_keys(self.sorted, self.used) == mine).any(axis=1)
            found.update((np.flatnonzero(hits) + self.sorted).tolist())
        rows = np.fromiter(found, dtype=np.int64, count=len(found))
        rows = rows[self.owners[rows] != _GONE]
        agree = np.count_nonzero(self.values[rows] == values, axis=1)
        return list(zip(self.owners[rows].tolist(), agree.tolist(), strict=True))

    def _sort(self) -> None:
        """Drop removed rows, then sort every band's keys again."""
        live = np.flatnonzero(self.owners[: self.used] != _GONE)
        n = len(live)
        self.values[:n] = self.values[live]
        self.owners[:n] = self.owners[live]
        self.row_of = dict(zip(self.owners[:n].tolist(), range(n), strict=True))
        self.used = self.sorted = n
        if len(self.owners) > 2 * max(2 * n, RESORT_MIN):  # the window shrank: give memory back
            self._resize(max(2 * n, RESORT_MIN))
        keys = self._band_keys(0, n).T
        order = np.argsort(keys, axis=1)
        self.keys = np.take_along_axis(keys, order, axis=1)
        self.key_rows = order.astype(np.int32)

    def _resize(self, capacity: int) -> None:
        values = np.empty((capacity, self.values.shape[1]), dtype=np.uint32)
        owners = np.empty(capacity, dtype=np.int64)
        values[: self.used] = self.values[: self.used]
        owners[: self.used] = self.owners[: self.used]
        self.values, self.owners = values, owners
