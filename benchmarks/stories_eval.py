"""Score story grouping, relevance and actor mentions on the labelled set
(tests/fixtures/labelled/stories.json).

Prints grouping precision and recall over article pairs, relevance precision and recall for `core`
and for `core`+`related`, actor-mention precision and recall, and the similarity of same-story and
different-story pairs that the grouping thresholds are chosen from.

    python benchmarks/stories_eval.py [--set PATH] [--errors]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

# crawler is imported from this checkout, whether or not it is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.extract.article import content_hash
from crawler.extract.datelines import clean_wire_text
from crawler.store.database import Store
from crawler.stories.gazetteer import load_gazetteer
from crawler.stories.grouping import Grouper
from crawler.stories.signatures import hashvalues, is_twin, signature, similarity

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_SET = ROOT / "tests" / "fixtures" / "labelled" / "stories.json"


def load_set(path: Path) -> list[dict[str, Any]]:
    articles = json.loads(path.read_text("utf-8"))["articles"]
    return sorted(articles, key=lambda a: (a["published_at"], a["id"]))


def run(articles: list[dict[str, Any]], db: Path) -> tuple[Store, dict[str, int]]:
    """Store each labelled article as a crawl would, oldest first, and group it; returns article id
    map."""
    store = Store(db)
    grouper = Grouper(store, window_days=36500)
    ids: dict[str, int] = {}
    for a in articles:
        # the body as extraction stores it: dateline and credit parsed off
        dateline, body = clean_wire_text(a["body"], title=a["title"])
        fields = {
            "url": a["url"],
            "canonical_url": a["url"],
            "agency": a["agency"],
            "title": a["title"],
            "body": body,
            "published_at": a["published_at"],
            "dateline": dateline.place if dateline else None,
            "content_hash": content_hash(body),
        }
        with store.write():
            _, article_id = store.articles.save(
                fields, [(a["url"], "canonical")], a["source"], None
            )
        ids[a["id"]] = article_id
        grouper.assign(article_id)
    return store, ids


def pair_scores(
    articles: list[dict[str, Any]], predicted: dict[str, int]
) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    errors = []
    for a, b in itertools.combinations(articles, 2):
        same_true = a["story"] == b["story"]
        same_pred = predicted[a["id"]] == predicted[b["id"]]
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
        if same_true != same_pred:
            errors.append(
                f"{'split' if same_true else 'merged'}: {a['id']} {a['title'][:50]!r} / "
                f"{b['id']} {b['title'][:50]!r}"
            )
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1), errors


def class_scores(
    articles: list[dict[str, Any]], predicted: dict[str, str], positive: set[str]
) -> tuple[float, float]:
    tp = sum(1 for a in articles if a["relevance"] in positive and predicted[a["id"]] in positive)
    fp = sum(
        1 for a in articles if a["relevance"] not in positive and predicted[a["id"]] in positive
    )
    fn = sum(
        1 for a in articles if a["relevance"] in positive and predicted[a["id"]] not in positive
    )
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)


def expected_actors(a: dict[str, Any], gaz: Any) -> set[str]:
    """The labels, plus the states that labelled people stood for on the day (as the matcher counts
    them)."""
    day = datetime.fromisoformat(a["published_at"]).date()
    out = set(a["actors"])
    for actor in a["actors"]:
        if actor in gaz and gaz[actor].type == "person":
            out.update(gaz[actor].states_on(day))
    return out


def evaluate(articles: list[dict[str, Any]], db: Path) -> dict[str, float]:
    """The six figures, for tests and for the report."""
    return _score(articles, db)[0]


def _score(articles: list[dict[str, Any]], db: Path) -> tuple[dict[str, float], dict[str, Any]]:
    gaz = load_gazetteer()
    store, ids = run(articles, db)
    story_of = {
        k: store.conn.execute("SELECT story_id FROM articles WHERE id = ?", (v,)).fetchone()[0]
        for k, v in ids.items()
    }
    relevance = {
        k: store.conn.execute("SELECT relevance FROM stories WHERE id = ?", (s,)).fetchone()[0]
        for k, s in story_of.items()
    }
    # These sets label every actor named, party or place: both tables count.
    found = {
        k: {
            r[0]
            for r in store.conn.execute(
                "SELECT actor FROM article_actors WHERE article_id = ?"
                " UNION SELECT actor FROM article_places WHERE article_id = ?",
                (v, v),
            )
        }
        for k, v in ids.items()
    }
    reasons = {
        k: store.conn.execute("SELECT reasons FROM stories WHERE id = ?", (s,)).fetchone()[0]
        for k, s in story_of.items()
    }
    store.close()
    gp, gr, gerr = pair_scores(articles, story_of)
    cp, cr = class_scores(articles, relevance, {"core"})
    rp, rr = class_scores(articles, relevance, {"core", "related"})
    atp = afp = afn = 0
    aerr = []
    for a in articles:
        want, got = expected_actors(a, gaz), found[a["id"]]
        atp += len(want & got)
        afp += len(got - want)
        afn += len(want - got)
        if want != got:
            aerr.append(f"{a['id']}: extra {sorted(got - want)} missing {sorted(want - got)}")
    figures = {
        "grouping_precision": gp,
        "grouping_recall": gr,
        "core_precision": cp,
        "core_recall": cr,
        "core_related_precision": rp,
        "core_related_recall": rr,
        "actor_precision": atp / ((atp + afp) or 1),
        "actor_recall": atp / ((atp + afn) or 1),
    }
    details = {
        "relevance": relevance,
        "reasons": reasons,
        "grouping_errors": gerr,
        "actor_errors": aerr,
        "actor_counts": (atp, afp, afn),
    }
    return figures, details


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--errors", action="store_true", help="list every wrong pair, class and actor")
    args = ap.parse_args(argv)
    articles = load_set(args.set)
    with tempfile.TemporaryDirectory() as tmp:
        f, d = _score(articles, Path(tmp) / "eval.db")
    relevance, reasons, gerr, aerr = (
        d["relevance"],
        d["reasons"],
        d["grouping_errors"],
        d["actor_errors"],
    )
    gp, gr, cp, cr = (
        f["grouping_precision"],
        f["grouping_recall"],
        f["core_precision"],
        f["core_recall"],
    )
    rp, rr, ap_, ar = (
        f["core_related_precision"],
        f["core_related_recall"],
        f["actor_precision"],
        f["actor_recall"],
    )
    atp, afp, afn = d["actor_counts"]
    stories = len({a["story"] for a in articles})
    several = sum(
        1 for s in {a["story"] for a in articles} if sum(x["story"] == s for x in articles) > 1
    )
    print(
        f"labelled set: {len(articles)} articles, {stories} stories "
        f"({several} with"
        f" several articles)"
    )
    print(f"grouping (article pairs):        precision {gp:.3f}  recall {gr:.3f}")
    print(f"relevance core:                  precision {cp:.3f}  recall {cr:.3f}")
    print(f"relevance core+related:          precision {rp:.3f}  recall {rr:.3f}")
    print(
        f"actor mentions:                  precision {ap_:.3f}  recall {ar:.3f}  "
        f"({atp} right, {afp} extra, "
        f"{afn} missed)"
    )
    sims_same, sims_diff = [], []
    sigs = {a["id"]: signature(a["body"]) for a in articles}
    for a, b in itertools.combinations(articles, 2):
        (sa, na), (sb, nb) = sigs[a["id"]], sigs[b["id"]]
        j, c = similarity(hashvalues(sa), na, hashvalues(sb), nb)
        (sims_same if a["story"] == b["story"] else sims_diff).append((j, c, a["id"], b["id"]))
    print(
        f"same-story pairs:      {len(sims_same)}; "
        f"lowest Jaccard {min(s[0] for s in sims_same):.2f}, "
        f"lowest containment {min(s[1] for s in sims_same):.2f}, "
        f"twins by the thresholds {sum(is_twin(j, c) for j, c, *_ in sims_same)}"
    )
    print(
        f"different-story pairs: {len(sims_diff)}; "
        f"highest Jaccard {max(s[0] for s in sims_diff):.2f}, "
        f"highest containment {max(s[1] for s in sims_diff):.2f}, "
        f"twins by the thresholds {sum(is_twin(j, c) for j, c, *_ in sims_diff)}"
    )
    if args.errors:
        print("\n".join(["", "grouping errors:", *gerr[:50]]))
        print("\nrelevance errors:")
        for a in articles:
            if relevance[a["id"]] != a["relevance"]:
                print(
                    f"  {a['id']} want {a['relevance']} got {relevance[a['id']]}: "
                    f"{a['title'][:60]!r} "
                    f"{reasons[a['id']]}"
                )
        print("\n".join(["", "actor errors:", *aerr]))
        print(
            "\nclosest different-story pairs:",
            sorted(sims_diff, key=lambda s: -max(s[0], s[1]))[:5],
        )
        print("loosest same-story pairs:", sorted(sims_same, key=lambda s: max(s[0], s[1]))[:5])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
