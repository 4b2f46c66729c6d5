"""The story window's LSH lookup: the same candidates as datasketch's MinHashLSH, in memory that
follows the window, not the articles that went through it."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from crawler.stories.lsh import BandIndex
from crawler.stories.signatures import (
    LSH_BANDS,
    LSH_ROWS,
    LSH_THRESHOLD,
    NUM_PERM,
    SCHEME,
    StoryIndex,
    _permutations,
    signature,
)

ROOT = Path(__file__).resolve().parents[1]
EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)  # the signature of a body without words


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        seed=7,
        scheme=SCHEME,
        hashvalues=values,
        permutations=_permutations(),
    )


def test_bands_are_those_datasketch_chooses_for_the_threshold() -> None:
    """LSH_THRESHOLD still means what it says: the bands are MinHashLSH's for it."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (LSH_BANDS, LSH_ROWS)


def test_same_candidates_as_datasketch_while_articles_flow_through_the_window() -> None:
    """Articles added, re-indexed with a new text and evicted, thousands more than the window holds:
    every lookup finds exactly the articles MinHashLSH finds, with the number of values each agrees
    on, and the arrays stay the size of the window."""
    rng = random.Random(11)
    nprng = np.random.default_rng(11)
    window = 1500
    mine = BandIndex(NUM_PERM, LSH_BANDS, LSH_ROWS)
    ref = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    kept: dict[int, np.ndarray] = {}
    bases: list[np.ndarray] = []

    def new_signature() -> np.ndarray:
        if bases and rng.random() < 0.6:  # a relative of a recent text: some bands in common
            values = rng.choice(bases[-200:]).copy()
            changed = nprng.random(NUM_PERM) < rng.choice((0.3, 0.6, 0.9))
            values[changed] = nprng.integers(0, 2**32, int(changed.sum()), dtype=np.uint32)
            return values
        if rng.random() < 0.02:
            return EMPTY.copy()
        values = nprng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)
        bases.append(values)
        return values

    def put(article_id: int, values: np.ndarray) -> None:
        if article_id in kept:
            ref.remove(article_id)
        mine.add(article_id, values)
        ref.insert(article_id, _minhash(values))
        kept[article_id] = values

    def check(values: np.ndarray) -> None:
        found = sorted(mine.query(values))
        want = sorted(
            (key, int(np.count_nonzero(kept[key] == values))) for key in ref.query(_minhash(values))
        )
        assert found == want

    for article_id in range(1, 6001):
        put(article_id, new_signature())
        if rng.random() < 0.05:  # an article stored again with a changed text
            put(rng.choice(list(kept)), new_signature())
        while len(kept) > window:
            oldest = min(kept)
            mine.remove(oldest)
            ref.remove(oldest)
            del kept[oldest]
        if article_id % 97 == 0:
            check(kept[rng.choice(list(kept))])
            check(new_signature())
            check(EMPTY)
    assert len(mine) == window
    assert len(mine.values) <= 4 * window
    for article_id in list(kept):
        mine.remove(article_id)
    mine.add(1, EMPTY)  # what is left after the window emptied: the memory is given back
    assert len(mine.values) < 1000 and mine.query(EMPTY) == [(1, NUM_PERM)]


def test_band_keys_that_differ_in_their_last_bits_are_told_apart() -> None:
    """Two signatures whose first band differs by one in its lowest bit (64-bit keys, beyond what a
    float holds) are not each other's candidates, whether the bands are sorted or not yet."""
    nprng = np.random.default_rng(5)
    index = BandIndex(NUM_PERM, LSH_BANDS, LSH_ROWS)
    a, b = nprng.integers(0, 2**32, (2, NUM_PERM), dtype=np.uint32)
    a[:2], b[:2] = (6, 0x7FFFFF00), (7, 0x7FFFFF00)
    index.add(1, a)
    index.add(2, b)
    assert index.query(a) == [(1, NUM_PERM)]
    for article_id in range(3, 1100):  # enough for the bands to be sorted
        index.add(article_id, nprng.integers(0, 2**32, NUM_PERM, dtype=np.uint32))
    assert index.sorted > 2
    assert index.query(a) == [(1, NUM_PERM)] and index.query(b) == [(2, NUM_PERM)]


def test_an_unreadable_signature_is_refused_and_changes_nothing() -> None:
    """A stored signature of the wrong length is a clear error, and the article indexed before
    under that id is still found."""
    index = StoryIndex()
    blob, size = signature("The ministers met in Hanoi on Monday to discuss the trade corridor.")
    index.add(1, blob, size, "2026-02-09T08:00:00+00:00")
    with pytest.raises(ValueError, match=r"holds 128 affine32 values .* not these 13 bytes"):
        index.add(1, b"not a minhash", size, "2026-02-09T09:00:00+00:00")
    assert [t[0] for t in index.twins(blob, size)] == [1]


def test_a_signature_needs_no_scipy_and_equals_datasketchs_minhash() -> None:
    """A worker signs articles without loading the rest of datasketch (its LSH tuning pulls in
    scipy, seconds of start-up per crawl); the values are those of datasketch's own MinHash, so
    stored signatures stay comparable, and a full `import datasketch` afterwards still works."""
    code = (
        "import sys\n"
        "import numpy as np\n"
        "from crawler.stories.signatures import NUM_PERM, SCHEME, shingles, signature\n"
        "text = 'Ministers of ASEAN and Japan met in Manila on Monday to review the plan'\n"
        "blob, size = signature(text)\n"
        "print(sorted(m for m in ('scipy', 'datasketch', 'datasketch.lsh') if m in sys.modules))\n"
        "import datasketch\n"
        "mh = datasketch.MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)\n"
        "mh.update_batch(list(shingles(text)))\n"
        "print(mh.hashvalues.astype(np.uint64).tobytes() == blob, size, datasketch.MinHashLSH)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.splitlines()
    assert out[0] == "[]"
    assert out[1].startswith("True 11 <class 'datasketch.lsh.MinHashLSH'>")


def test_threads_that_sign_at_once_each_get_a_signature() -> None:
    """The first signature loads MinHash; threads that sign at the same moment wait for it rather
    than find a half-loaded datasketch."""
    code = (
        "import threading\n"
        "from crawler.stories.signatures import signature\n"
        "results = []\n"
        "def sign(n):\n"
        "    try:\n"
        "        blob, _ = signature(f'ministers met in Manila on day {n} of the talks')\n"
        "        results.append(len(blob))\n"
        "    except Exception as exc:\n"
        "        results.append(repr(exc))\n"
        "threads = [threading.Thread(target=sign, args=(n,)) for n in range(8)]\n"
        "for t in threads:\n"
        "    t.start()\n"
        "for t in threads:\n"
        "    t.join()\n"
        "print(results)\n"
    )
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        ).stdout
        assert out.strip() == str([8 * NUM_PERM] * 8), out
