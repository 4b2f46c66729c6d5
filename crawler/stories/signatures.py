"""Near-duplicate grouping: the same wire story carried by several agencies, or updated at a new
URL, is one story.

Each article body becomes a set of word shingles and a MinHash signature (datasketch). A MinHash LSH
index over the articles of the last `window_days` finds candidates in time that does not grow with
the archive; a candidate is a twin when the estimated Jaccard similarity, or the containment of the
shorter text in the longer (an update that adds paragraphs), passes its threshold. The thresholds
come from `benchmarks/stories_eval.py` on the labelled set.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
import types
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

import numpy as np

from crawler.stories.lsh import BandIndex
from crawler.stories.mentions import fold
from crawler.stories.window import WindowIndex

NUM_PERM = 128
SHINGLE_WORDS = 4
LSH_THRESHOLD = 0.2  # recall stage: candidates down to this Jaccard are looked at ...
LSH_BANDS, LSH_ROWS = 28, 2  # ... with the bands datasketch's MinHashLSH chooses for it
JACCARD_MIN = 0.3  # a twin: this much of the shingles shared ...
CONTAINMENT_MIN = 0.5  # ... or this much of the shorter text found in the longer one
DEFAULT_WINDOW_DAYS = 7
_SEED = 7
# Stored signatures are only comparable within one permutation scheme: named, not left to the
# default.
SCHEME = "affine32"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-grams of the folded text (case and diacritics ignored)."""
    words = _TOKEN.findall(fold(text))
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> tuple[bytes, int]:
    """(MinHash signature as bytes, number of distinct shingles)."""
    sh = shingles(text)
    mh = _minhash_class()(
        num_perm=NUM_PERM, seed=_SEED, scheme=SCHEME, permutations=_permutations()
    )
    if sh:
        mh.update_batch(list(sh))
    return mh.hashvalues.astype(np.uint64).tobytes(), len(sh)


@cache
def _permutations() -> object:
    return _minhash_class()(num_perm=NUM_PERM, seed=_SEED, scheme=SCHEME).permutations


_LOADING = threading.Lock()


@cache
def _minhash_class() -> type:
    """datasketch's MinHash, loaded on first use (a crawl that stores nothing, all 304s, never
    needs it) and without the package's `__init__`, which imports every sketch datasketch has and,
    for MinHashLSH's parameter search, scipy.integrate: 1.2 s of CPU in each worker process, for
    code signatures never run (`benchmarks/startup.py`). `datasketch.minhash` needs only numpy
    and `datasketch.hashfunc`; a stand-in parent package is in `sys.modules` while they load and
    gone after, so a later `import datasketch` runs the real one, which finds them loaded (as
    modules; the real package then lacks them as attributes: `from datasketch.minhash import`
    works, `datasketch.minhash.MinHash` does not). The first call holds a lock, so threads that
    sign at once wait for it; an `import datasketch` in another thread at that very moment could
    still find the stand-in, which no caller here does (workers sign in one thread)."""
    with _LOADING:
        loaded = sys.modules.get("datasketch")
        if loaded is not None and hasattr(loaded, "MinHash"):
            return loaded.MinHash
        spec = importlib.util.find_spec("datasketch")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("datasketch is not installed", name="datasketch")
        stand_in = types.ModuleType("datasketch")
        stand_in.__path__ = list(spec.submodule_search_locations)
        sys.modules["datasketch"] = stand_in
        try:
            minhash = importlib.import_module("datasketch.minhash")
        finally:
            if sys.modules.get("datasketch") is stand_in:
                del sys.modules["datasketch"]
        return minhash.MinHash


def hashvalues(blob: bytes) -> np.ndarray:
    """A stored signature as its values (uint32: the scheme's hashes are 32-bit, stored in 64)."""
    values = np.frombuffer(blob, dtype=np.uint64) if len(blob) == 8 * NUM_PERM else None
    if values is None or int(values.max()) >> 32:
        raise ValueError(
            f"a signature holds {NUM_PERM} {SCHEME} values (8 bytes each, under 2**32), "
            f"not these {len(blob)} bytes"
        )
    return values.astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of values the two signatures agree on."""
    return int(np.count_nonzero(a == b)) / len(a)


def similarity(a: np.ndarray, a_size: int, b: np.ndarray, b_size: int) -> tuple[float, float]:
    """(estimated Jaccard, estimated containment of the smaller set in the larger)."""
    return _estimates(jaccard(a, b), a_size, b_size)


def _estimates(j: float, a_size: int, b_size: int) -> tuple[float, float]:
    if not a_size or not b_size:
        return 0.0, 0.0
    inter = j / (1 + j) * (a_size + b_size)
    return j, min(1.0, inter / min(a_size, b_size))


def is_twin(jaccard: float, containment: float) -> bool:
    return jaccard >= JACCARD_MIN or containment >= CONTAINMENT_MIN


@dataclass(slots=True)
class _Entry:
    size: int
    seen_at: str


class StoryIndex(WindowIndex[_Entry]):
    """MinHash LSH over the signatures of recent articles, bounded by a time window (signatures and
    buckets in numpy arrays: crawler/stories/lsh.py).

    State lives in SQLite (`article_signatures`); this index is a cache that any process rebuilds on
    start and refreshes with what other processes added, so grouping holds across runs, restarts and
    concurrent crawls.
    """

    def __init__(self, window_days: float = DEFAULT_WINDOW_DAYS):
        super().__init__()
        self.window = timedelta(days=window_days)
        self.lsh = BandIndex(NUM_PERM, LSH_BANDS, LSH_ROWS)
        self.last_seq = 0  # the signature_log position this index has read up to
        self.newest: str | None = None

    def cutoff(self, newest: str | None = None) -> str:
        """Start of the window: `window` before the newest article time known (not the wall clock,
        so that a backfill of old articles groups as well as a live crawl)."""
        latest = max(filter(None, (newest, self.newest))) if (newest or self.newest) else None
        anchor = datetime.fromisoformat(latest) if latest else datetime.now(UTC)
        return (anchor - self.window).isoformat()

    def add(self, article_id: int, blob: bytes, size: int, seen_at: str) -> None:
        values = hashvalues(blob)  # first: a signature that cannot be read changes nothing
        if article_id in self.entries:
            self.remove(article_id)
        self.lsh.add(article_id, values)
        self._keep(article_id, _Entry(size, seen_at))
        self.newest = max(self.newest, seen_at) if self.newest else seen_at

    def add_many(self, rows: Iterable[tuple[int, int, bytes, int, str]]) -> None:
        """Rows of (seq, article id, signature, shingles, seen_at), in commit order."""
        for seq, article_id, blob, size, seen_at in rows:
            self.add(article_id, blob, size, seen_at)
            self.last_seq = max(self.last_seq, seq or 0)

    def remove(self, article_id: int) -> _Entry | None:
        entry = super().remove(article_id)
        if entry is not None:
            self.lsh.remove(article_id)
        return entry  # type: ignore[no-any-return]

    def twins(
        self, blob: bytes, size: int, exclude: int | None = None
    ) -> list[tuple[int, float, float]]:
        """(article id, Jaccard, containment) of indexed articles that are near-duplicates, best
        first."""
        found = [(c, agree) for c, agree in self.lsh.query(hashvalues(blob)) if c != exclude]
        if not found or not size:
            return []
        # _estimates and is_twin over all candidates at once: a formulaic wire text has hundreds.
        ids = np.array([c for c, _ in found], dtype=np.int64)
        j = np.array([agree for _, agree in found], dtype=np.float64) / NUM_PERM
        theirs = np.array([self.entries[c].size for c, _ in found], dtype=np.float64)
        inter = j / (1 + j) * (size + theirs)
        c = np.minimum(1.0, inter / np.minimum(float(size), theirs))
        keep = (theirs > 0) & ((j >= JACCARD_MIN) | (c >= CONTAINMENT_MIN))
        ids, j, c = ids[keep], j[keep], c[keep]
        order = np.lexsort((ids, -np.maximum(j, c)))
        return list(zip(ids[order].tolist(), j[order].tolist(), c[order].tolist(), strict=True))
