"""Score wirewatch's article extraction against the ScrapingHub article-extraction benchmark.

Run by hand (it is not a test):

    /work/venv/bin/python benchmarks/extraction_score.py [--limit N] [--corpus DIR]

Two extractors are run on every page of the corpus, in this process:

  (a) trafilatura alone:  trafilatura.extract(html, include_comments=False, include_tables=True,
                                              include_formatting=False)
  (b) wirewatch's path:   crawler.extract.article.extract_article(
                              html, url, Hints(agency="", timezone="UTC")).body
                          (an ExtractionError counts as empty output)

Both get the page as a str, decoded from the gzipped file as UTF-8.

Scoring, as the corpus notes (PROVENANCE.md, section 1) describe the upstream method:
  * tokens are the matches of the Unicode regex \\w+; a text is turned into 4-gram shingles of its
    tokens (a text with 1 to 3 tokens gives one shorter shingle of all its tokens; an empty text
    gives none);
  * per document, shingles are compared as multisets: TP = sum of min(gold, predicted) counts, FP =
    predicted excess, FN = gold excess; (TP, FP, FN) are divided by their sum so every document
    weighs the same;
  * per document precision = TP/(TP+FP), recall = TP/(TP+FN), both 1.0 when FP = FN = 0; a document
    with TP+FP = 0 (an empty prediction) has no precision and is left out of the precision mean,
    while its recall is 0.0 (so an empty output costs recall only);
  * P and R are means over the documents that have them; F1 is the harmonic mean of mean P and
    mean R;
  * accuracy is the share of documents whose predicted token list equals the gold token list;
  * the +- figure on F1 is the standard deviation over 1,000 bootstrap resamples of the documents.

The stored outputs of other extractors (output/*.json) are scored the same way first, as a check of
this scorer against the published figures (trafilatura 2.0.0: F1 0.958, P 0.938, R 0.978,
accuracy 0.293).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpus/extraction/scrapinghub-aeb")
TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4
BOOTSTRAP_ROUNDS = 1000
# Figures published upstream for the stored outputs, to check this scorer against.
PUBLISHED_F1 = {"trafilatura": 0.958, "readability": 0.922, "newspaper": 0.949, "html-text": 0.665}


# -- scoring ---------------------------------------------------------------------------------------


def tokens(text: str | None) -> list[str]:
    return TOKEN_RE.findall(text or "")


def shingles(toks: list[str], n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def doc_counts(gold: str, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) of one document, normalised to sum to 1."""
    g, p = shingles(tokens(gold)), shingles(tokens(pred))
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def doc_precision_recall(tp: float, fp: float, fn: float) -> tuple[float | None, float]:
    """(precision or None when it is undefined, recall) of one document."""
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return precision, recall


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float
    docs: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score(gold: dict[str, str], pred: dict[str, str | None], seed: int = 0) -> Score:
    ids = sorted(gold)
    per_doc: list[tuple[float | None, float]] = []
    exact = 0
    for item_id in ids:
        per_doc.append(doc_precision_recall(*doc_counts(gold[item_id], pred.get(item_id))))
        exact += tokens(gold[item_id]) == tokens(pred.get(item_id))

    def summary(rows: list[tuple[float | None, float]]) -> tuple[float, float]:
        precisions = [p for p, _ in rows if p is not None]
        return (sum(precisions) / len(precisions) if precisions else 0.0), sum(
            r for _, r in rows
        ) / len(rows)

    mp, mr = summary(per_doc)
    rng = random.Random(seed)
    boot = []
    for _ in range(BOOTSTRAP_ROUNDS):
        sample = [per_doc[rng.randrange(len(per_doc))] for _ in per_doc]
        boot.append(_f1(*summary(sample)))
    mean = sum(boot) / len(boot)
    std = (sum((b - mean) ** 2 for b in boot) / (len(boot) - 1)) ** 0.5
    return Score(mp, mr, _f1(mp, mr), exact / len(ids), std, len(ids))


# -- corpus ----------------------------------------------------------------------------------------


@dataclass
class Page:
    item_id: str
    url: str
    gold: str
    html: str = field(repr=False)


def load_corpus(folder: Path, limit: int | None) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for item_id in sorted(truth)[:limit] if limit else sorted(truth):
        path = folder / "html" / f"{item_id}.html.gz"
        with gzip.open(path, "rb") as fh:
            html = fh.read().decode("utf-8")
        pages.append(
            Page(item_id, truth[item_id].get("url", ""), truth[item_id]["articleBody"], html)
        )
    return pages


def load_reference_outputs(folder: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted((folder / "output").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        if isinstance(data, dict) and "output" in data and isinstance(data["output"], dict):
            data = data["output"]
        out[path.stem] = {k: (v or {}).get("articleBody") or "" for k, v in data.items()}
    return out


# -- extractors ------------------------------------------------------------------------------------


def make_extractors() -> dict[str, Callable[[Page], str]]:
    import trafilatura

    from crawler.extract.article import ExtractionError, Hints, extract_article

    hints = Hints(agency="", timezone="UTC")

    def trafilatura_alone(page: Page) -> str:
        return (
            trafilatura.extract(
                page.html, include_comments=False, include_tables=True, include_formatting=False
            )
            or ""
        )

    def wirewatch(page: Page) -> str:
        try:
            return extract_article(page.html, page.url, hints).body or ""
        except ExtractionError:
            return ""

    return {"trafilatura": trafilatura_alone, "wirewatch": wirewatch}


# -- differences -----------------------------------------------------------------------------------


@dataclass
class Loss:
    item_id: str
    lost: int  # tokens in trafilatura's output that wirewatch's body does not have (multiset)
    lost_in_gold: (
        int  # gold tokens matched by trafilatura's output but not by wirewatch's body (multiset)
    )
    hint: str


def _clip(words: list[str], n: int = 10) -> str:
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def loss_of(page: Page, traf: str, ww: str) -> Loss | None:
    t_toks, w_toks = tokens(traf), tokens(ww)
    missing = Counter(t_toks) - Counter(w_toks)
    lost = sum(missing.values())
    if lost == 0:
        return None
    g = Counter(tokens(page.gold))
    lost_in_gold = sum((Counter(t_toks) & g).values()) - sum((Counter(w_toks) & g).values())
    if not w_toks:
        hint = f"wirewatch body empty (trafilatura had {len(t_toks)} tokens: {_clip(t_toks)!r})"
    else:
        matcher = difflib.SequenceMatcher(None, t_toks, w_toks, autojunk=False)
        gaps = [
            (i2 - i1, i1, i2)
            for op, i1, i2, _, _ in matcher.get_opcodes()
            if op in ("delete", "replace")
        ]
        size, i1, i2 = max(gaps) if gaps else (0, 0, 0)
        where = "start" if i1 == 0 else "end" if i2 == len(t_toks) else f"token {i1}"
        hint = f"biggest gap {size} tokens at {where}: {_clip(t_toks[i1:i2])!r}" + (
            f" (+{len(gaps) - 1} more gaps)" if len(gaps) > 1 else ""
        )
    return Loss(page.item_id, lost, lost_in_gold, hint)


# -- main ------------------------------------------------------------------------------------------


def _line(name: str, s: Score) -> str:
    return (
        f"{name:<22} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f} ± {s.f1_std:.3f}  "
        f"accuracy {s.accuracy:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--limit", type=int, default=None, metavar="N", help="score only the first N pages (by id)"
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"corpus folder (default {DEFAULT_CORPUS})",
    )
    args = ap.parse_args(argv)

    folder: Path = args.corpus
    if not (folder / "ground-truth.json").is_file() or not (folder / "html").is_dir():
        print(
            f"extraction_score: corpus not found at {folder}"
            " (expected ground-truth.json and html/*.html.gz); pass --corpus DIR",
            file=sys.stderr,
        )
        return 2
    if args.limit is not None and args.limit <= 0:
        print("extraction_score: --limit must be a positive number", file=sys.stderr)
        return 2

    pages = load_corpus(folder, args.limit)
    gold = {p.item_id: p.gold for p in pages}
    print(f"corpus: {folder} ({len(pages)} pages)")

    refs = load_reference_outputs(folder)
    if refs:
        print(
            "\nstored outputs of other extractors, scored here"
            " (check of this scorer; published F1 in brackets"
            + (", over all 181 pages" if args.limit else "")
            + "):"
        )
        for name, pred in refs.items():
            pub = f"  [{PUBLISHED_F1[name]:.3f}]" if name in PUBLISHED_F1 and not args.limit else ""
            print("  " + _line(name, score(gold, pred)) + pub)

    import trafilatura

    extractors = make_extractors()
    for fn in extractors.values():  # warm up: imports, caches, first-call costs
        fn(pages[0])
    outputs: dict[str, dict[str, str]] = {name: {} for name in extractors}
    wall: dict[str, float] = dict.fromkeys(extractors, 0.0)
    cpu: dict[str, float] = dict.fromkeys(extractors, 0.0)
    for i, page in enumerate(pages, 1):
        for name, fn in extractors.items():
            w0, c0 = time.perf_counter(), time.process_time()
            outputs[name][page.item_id] = fn(page)
            cpu[name] += time.process_time() - c0
            wall[name] += time.perf_counter() - w0
        if i % 25 == 0:
            print(f"  … {i}/{len(pages)} pages", file=sys.stderr)

    scores = {name: score(gold, outputs[name]) for name in extractors}
    labels = {
        "trafilatura": f"(a) trafilatura {trafilatura.__version__}",
        "wirewatch": "(b) wirewatch path",
    }
    print(f"\nextraction on {len(pages)} pages:")
    for name in extractors:
        print("  " + _line(labels[name], scores[name]))
    a, b = scores["trafilatura"], scores["wirewatch"]
    print(
        f"  {'difference (b - a)':<22} P {b.precision - a.precision:+.3f}  "
        f"R {b.recall - a.recall:+.3f}  "
        f"F1 {b.f1 - a.f1:+.3f}          accuracy {b.accuracy - a.accuracy:+.3f}"
    )

    empty = {name: sum(1 for v in outputs[name].values() if not tokens(v)) for name in extractors}
    print(
        f"\nempty output: trafilatura {empty['trafilatura']} pages, "
        f"wirewatch {empty['wirewatch']} pages"
    )

    losses = [
        loss
        for p in pages
        if (loss := loss_of(p, outputs["trafilatura"][p.item_id], outputs["wirewatch"][p.item_id]))
    ]
    losses.sort(key=lambda x: (-x.lost, x.item_id))
    print(
        "pages where wirewatch's body lost tokens vs trafilatura's output: "
        f"{len(losses)} of {len(pages)}"
        f" ({sum(x.lost for x in losses)} tokens in all, "
        f"{sum(x.lost_in_gold for x in losses)} of them in gold)"
    )
    gold_hit = [x for x in losses if x.lost_in_gold > 0]
    print(
        f"  of which {len(gold_hit)} lost gold tokens"
        " (the rest lost only text the gold does not have either);"
        " worst 5 by tokens lost:"
    )
    for loss in losses[:5]:
        print(
            f"  {loss.item_id[:16]}  lost {loss.lost:>5} tokens "
            f"({loss.lost_in_gold} in gold)  {loss.hint}"
        )

    print("\ntime per page (this process, one core, after one warm-up page):")
    for name in extractors:
        print(
            f"  {labels[name]:<30} {1000 * wall[name] / len(pages):7.1f} ms wall  "
            f"{1000 * cpu[name] / len(pages):7.1f} ms CPU"
        )
    print(f"  ratio wirewatch / trafilatura (CPU): {cpu['wirewatch'] / cpu['trafilatura']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
