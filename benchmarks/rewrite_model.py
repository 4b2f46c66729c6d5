"""Fit and check the rewrite decision (crawler/stories/rewrites.py) on the development sets.

Run by hand (it is not a test); it prints figures and the weights to put in rewrites.py:

    python benchmarks/rewrite_model.py [--set FILE_OR_FOLDER ...] [--folds 5]

Each set is replayed in publication order through a RewriteIndex, as the grouper does: every
article is scored against the articles before it, and each candidate pair the grouper would judge
(published within MAX_HOURS, cosine at least CANDIDATE_COSINE) is one example (features: cosine,
anchor share, figure share, anchor order, sentence alignment, quotations said again (in one
sentence of the other or two that follow one another), the difference in quotation counts, one
agency, a credit to the other's agency, sentences told either way, the later text's own
quotations, quotations word for word, hours apart, speakers named in the other, the share of the
smaller vocabulary the other uses, a credit in the later text to a third agency the earlier does
not credit; label: the two articles are in one labelled story). A logistic regression is fitted
on those examples (scipy's L-BFGS, a small L2 penalty).
Cross-validation by story prints the pair precision and recall a fit reaches on stories it did not
see: the stories are dealt into folds, and a pair is judged by the fit that saw no pair of either of
its two stories. Then the fit on everything prints the weights.
Same-story pairs the grouper never judges are counted apart (candidate recall).

Only development sets go in here. The blind sets under tests/fixtures/blind/ are scored by
benchmarks/blind_eval.py and never used to fit anything.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_eval import independent_pair, load_parts  # noqa: E402

from crawler.extract.datelines import clean_wire_text  # noqa: E402
from crawler.stories import rewrites  # noqa: E402

# Development sets not yet read for errors: the one held out in its round (164, not yet
# written). They stay out of the fit until a round reads them. (From 79 to 133 the weights in
# rewrites.py stayed the fit without 79 and the sets after it, as a fit with them kept fewer
# independent pairs apart; they are the fit on every set read since the decision point is chosen
# by both targets, see DECIDE_AT. The weights stay the fit on the sets to 163 but 159: a fit with
# 159, 166 and 167 joined no more re-told pairs of the development sets and kept four fewer
# independent pairs apart.)
NOT_READ = {"set164"}
# Every development set read so far, in number order, beside the two labelled files of the first
# sets; sets without re-told or independent pairs add no candidates.
DEFAULT_SETS = [
    ROOT / "tests" / "fixtures" / "labelled" / "stories.json",
    ROOT / "tests" / "fixtures" / "labelled" / "heldout.json",
    *sorted(
        (p for p in (ROOT / "tests" / "fixtures" / "dev").glob("set*") if p.name not in NOT_READ),
        key=lambda p: int(p.name.removeprefix("set")),
    ),
]


def load(path: Path) -> list[dict[str, Any]]:
    if path.is_dir():
        articles = load_parts(path)  # each labeller's part named
    else:
        one = json.loads(path.read_text("utf-8"))["articles"]
        articles = sorted(
            ({**a, "part": path.stem} for a in one), key=lambda a: (a["published_at"], a["id"])
        )
    for a in articles:  # bodies as the crawler stores them: no dateline, no credit
        a["text"] = clean_wire_text(a["body"])[1]
    return articles


def examples(articles: list[dict[str, Any]]) -> tuple[list[tuple[Any, ...]], int, int]:
    """(candidate pairs as (features, same story, story ids, article ids, one labeller's part,
    two independent reports of one event), same-story pairs, judged)."""
    index = rewrites.RewriteIndex()
    out = []
    same_total = judged = 0
    for i, a in enumerate(articles):
        described = rewrites.describe(a["text"])
        same_total += sum(b["story"] == a["story"] for b in articles[:i])
        for m in index.candidates(described, a["published_at"]):
            b = articles[m.article_id]
            m = rewrites.with_alignment(m, a["text"], b["text"], a["agency"], b["agency"])
            same = a["story"] == b["story"]
            judged += same
            one_part = a["part"] == b["part"]
            out.append(
                (
                    rewrites.features(m),
                    same,
                    (a["story"], b["story"]),
                    (a["id"], b["id"]),
                    one_part,
                    independent_pair(a, b),
                )
            )
        index.add(i, described, a["published_at"], a["published_at"])
    return out, same_total, judged


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression (L-BFGS on the mean log-loss plus l2 times the squared weights);
    returns [bias, weights...]."""
    from scipy.optimize import minimize

    xb = np.hstack([np.ones((len(x), 1)), x])

    def loss(w: np.ndarray) -> float:
        z = xb @ w
        return float(np.mean(np.logaddexp(0, z) - y * z) + l2 * np.sum(w[1:] ** 2))

    def grad(w: np.ndarray) -> np.ndarray:
        p = 1 / (1 + np.exp(-(xb @ w)))
        return xb.T @ (p - y) / len(y) + 2 * l2 * np.r_[0, w[1:]]

    return np.asarray(minimize(loss, np.zeros(xb.shape[1]), jac=grad, method="L-BFGS-B").x)


def log_odds(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The fitted model's log-odds for each row of x (w as fit() returns it: bias first)."""
    return np.hstack([np.ones((len(x), 1)), x]) @ w


def pair_scores(pred: np.ndarray, y: np.ndarray, missed: int) -> tuple[float, float]:
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    fn = int((~pred & y).sum()) + missed
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def by_set(
    x: np.ndarray,
    y: np.ndarray,
    origin: np.ndarray,
    one_part: np.ndarray,
    independent: np.ndarray,
    l2: float,
) -> None:
    """Each set's pairs judged by a fit on the other sets, at a few decision points: how a set
    written apart from the rest would fare. Counted over pairs within one labeller's part: two
    parts may tell one event, each its own way, and were never labelled against each other.
    Beside precision and recall over every candidate pair: the share of pairs of independent
    reports of one event kept apart; the decision point (rewrites.DECIDE_AT) is where it and the
    recall are closest."""
    judged = np.zeros(len(y))
    for held in sorted(set(origin)):
        test = origin == held
        w = fit(x[~test], y[~test].astype(float), l2)
        judged[test] = log_odds(x[test], w)
    for at in sorted({0.0, -0.1, -0.15, -0.2, -0.25, -0.3, -0.5, rewrites.DECIDE_AT}, reverse=True):
        pred, same = (judged >= at)[one_part], y[one_part]
        p, r = pair_scores(pred, same, 0)
        wrong, lost = int((pred & ~same).sum()), int((~pred & same).sum())
        apart = float((judged[independent] < at).mean()) if independent.any() else 0.0
        print(
            f"leave one set out, joined from log-odds {at:+.2f}: P {p:.3f}  R {r:.3f}"
            f"  ({wrong} joined wrongly, {lost} left apart); independent pairs apart {apart:.3f}"
            f" of {int(independent.sum())}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", type=Path, action="append", help="a labelled file or folder")
    ap.add_argument("--folds", type=int, default=5)
    # Chosen by the cross-validated figures: with development sets 9, 10 and 12 (776 pairs), 0.0003
    # gives P 0.934 / R 0.927 against 0.944 / 0.927 at 0.001 and 0.925 / 0.932 at 0.0001, within
    # one pair in a hundred of each other, so the value before stays; a much weaker one gives
    # weights that hang on a few pairs.
    ap.add_argument("--l2", type=float, default=0.0003, help="weight of the L2 penalty")
    ap.add_argument("--errors", action="store_true", help="list the pairs the CV gets wrong")
    args = ap.parse_args()
    rows: list[tuple[Any, ...]] = []
    origin: list[str] = []
    missed = 0
    for path in args.set or DEFAULT_SETS:
        if not path.exists():
            print(f"{path}: absent, skipped")
            continue
        ex, same, judged = examples(load(path))
        print(
            f"{path}: {len(ex)} candidate pairs, {sum(e[1] for e in ex)} of them"
            f" same-story; candidate recall {judged}/{same}"
        )
        rows += ex
        origin += [str(path)] * len(ex)
        missed += same - judged
    x = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=bool)
    stories = sorted({s for r in rows for s in r[2]})
    random.Random(7).shuffle(stories)
    fold_of = {s: i % args.folds for i, s in enumerate(stories)}
    folds = np.array([sorted(fold_of[s] for s in r[2]) for r in rows])
    pred = np.zeros(len(y), dtype=bool)
    for k in range(args.folds):
        test = folds[:, 0] == k  # judged once, in the first fold of its stories
        train = (folds != k).all(axis=1)  # no pair of a held-out story
        w = fit(x[train], y[train].astype(float), args.l2)
        pred[test] = log_odds(x[test], w) >= rewrites.DECIDE_AT
    if args.errors:
        for row, got in zip(rows, pred, strict=True):
            if got != row[1]:
                named = zip(rewrites.FEATURES, row[0], strict=True)
                features = " ".join(f"{n} {v:.2f}" for n, v in named)
                print(f"{'merged' if got else 'split'}: {row[3][0]} / {row[3][1]}: {features}")
    p, r = pair_scores(pred, y, 0)
    print(f"cross-validated ({args.folds} folds by story), candidate pairs: P {p:.3f}  R {r:.3f}")
    by_set(
        x,
        y,
        np.array(origin),
        np.array([r[4] for r in rows]),
        np.array([r[5] for r in rows]),
        args.l2,
    )
    w = fit(x, y.astype(float), args.l2)
    pred = log_odds(x, w) >= rewrites.DECIDE_AT
    p, r = pair_scores(pred, y, 0)
    print(f"fitted on all, candidate pairs: P {p:.3f}  R {r:.3f}  (+{missed} never proposed)")
    names = ["bias", *rewrites.FEATURES]
    print("WEIGHTS = {" + ", ".join(f'"{n}": {v:.3f}' for n, v in zip(names, w, strict=True)) + "}")


if __name__ == "__main__":
    main()
