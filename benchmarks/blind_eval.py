"""Score grouping, relevance and actor mentions on a blind labelled set (tests/fixtures/blind/):
copy written by authors who never saw wirewatch's code, gazetteer, rules or earlier sets.

The set is stored and grouped as a crawl would (see stories_eval.py), then compared with its labels:

- grouping: precision and recall over article pairs; rewrite pairs (same story, kinds
  rewrite-original/rewrite-carry) found; independent reports of one event kept apart;
- relevance: precision and recall of `core`, and of `core`+`related`, per story; a confusion
  matrix; per kind of article;
- actors: the labels name the states and blocs that are parties (ISO 3166-1 alpha-3, ASEAN, EU, UN)
  and, apart, states named only as places. wirewatch's mentions are put in the same terms (ASEAN's
  bodies and frameworks count as ASEAN, a person's role as their state; other bodies and frameworks
  are left out) and compared twice: with the parties (what actor rules should see), and with parties
  and places together (was the name found at all).

    python benchmarks/blind_eval.py [--set DIR] [--errors]

Never tune on a blind set: score it once before a change made for it, and after.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_eval import class_scores, pair_scores, run

from crawler.stories.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = ROOT / "tests" / "fixtures" / "blind" / "set1"
LABEL_BLOCS = {"ASEAN", "EU", "UN"}
REWRITE = {"rewrite-original", "rewrite-carry"}


def load_parts(folder: Path) -> list[dict[str, Any]]:
    articles = []
    for part in sorted(folder.glob("part-*.json")):
        for a in json.loads(part.read_text("utf-8"))["articles"]:
            articles.append({**a, "part": part.stem})
    return sorted(articles, key=lambda a: (a["published_at"], a["id"]))


def in_label_terms(found: set[str], gaz: Any, blocs: set[str] = LABEL_BLOCS) -> set[str]:
    """wirewatch's actor ids as the labels name them: states, and the blocs the labels use (ASEAN,
    EU and UN, and any other a set's authors coded, such as GCC)."""
    out = set()
    for actor_id in found:
        actor = gaz.actors.get(actor_id)
        if actor is None or actor.type == "person":
            continue  # a person's state is its own row (`via`)
        if actor.type == "state" or actor_id in blocs:
            out.add(actor_id)
        elif actor.part_of == "ASEAN" or "ASEAN" in actor.involves:
            out.add("ASEAN")
    return out


_PAIR_TAG = re.compile(r"\b(?:Pair|Event) ([A-Z]+\d+)\b")


def _pair_tag(a: dict[str, Any]) -> str | None:
    """Independent reports of one event are tagged in their note: `Pair P01 (Xinhua side): ...`
    (or `Event E01: ...` where an event has carries as well), first or after another remark
    ("Hard parties: ... Pair P07")."""
    found = _PAIR_TAG.search(a["note"])
    return found.group(1) if found else None


def independent_pair(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two independent reports of one event: two stories of one author's part under one pair tag
    (each author numbers their own pairs)."""
    return (
        a.get("kind") == b.get("kind") == "independent"
        and a["part"] == b["part"]
        and a["story"] != b["story"]
        and _pair_tag(a) is not None
        and _pair_tag(a) == _pair_tag(b)
    )


def stored_versions(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles whose text stays stored. An update that keeps its URL replaces the text of the
    version before it: that version is read no more, so its labels are not compared with its
    successor's text. `articles` in publication order: the last of each URL stays."""
    last = {a["url"]: a["id"] for a in articles}
    return [a for a in articles if last[a["url"]] == a["id"]]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)


def score(articles: list[dict[str, Any]], db: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    gaz = load_gazetteer()
    store, ids = run(articles, db)
    q = store.conn.execute
    story_of = {
        k: q("SELECT story_id FROM articles WHERE id = ?", (v,)).fetchone()[0]
        for k, v in ids.items()
    }
    relevance = {
        k: q("SELECT relevance FROM stories WHERE id = ?", (s,)).fetchone()[0]
        for k, s in story_of.items()
    }
    reasons = {
        k: q("SELECT reasons FROM stories WHERE id = ?", (s,)).fetchone()[0]
        for k, s in story_of.items()
    }

    labelled = {c for a in articles for c in a["actors"] + a["places"]}
    blocs = LABEL_BLOCS | {c for c in labelled if c in gaz.actors and gaz.actors[c].type != "state"}

    def named(table: str) -> dict[str, set[str]]:
        """Per labelled article, the actors in `table`, in the labels' terms."""
        sql = f"SELECT actor FROM {table} WHERE article_id = ?"
        return {k: in_label_terms({r[0] for r in q(sql, (v,))}, gaz, blocs) for k, v in ids.items()}

    found, found_places = named("article_actors"), named("article_places")
    store.close()

    gp, gr, gerr = pair_scores(articles, story_of)
    # Each part has its own author, and only pairs within a part were judged by one: two parts may
    # tell the same real event (one as a re-telling, the other as an agency's own report), and such
    # a pair is labelled apart because its authors never met, not because anyone weighed it.
    within = [0, 0, 0]  # joined rightly, joined wrongly, split wrongly
    for a, b in itertools.combinations(articles, 2):
        if a["part"] != b["part"]:
            continue
        same, joined = a["story"] == b["story"], story_of[a["id"]] == story_of[b["id"]]
        if joined:
            within[0 if same else 1] += 1
        elif same:
            within[2] += 1
    across = Counter(
        "same agency" if a["agency"] == b["agency"] else "other agencies"
        for a, b in itertools.combinations(articles, 2)
        if a["part"] != b["part"]
        and a["story"] != b["story"]
        and story_of[a["id"]] == story_of[b["id"]]
    )
    by_id = {a["id"]: a for a in articles}
    rewrite_pairs = [
        (a, b)
        for a, b in itertools.combinations(articles, 2)
        if a["story"] == b["story"] and a["kind"] in REWRITE and b["kind"] in REWRITE
    ]
    rewrite_joined = sum(story_of[a["id"]] == story_of[b["id"]] for a, b in rewrite_pairs)
    independent = [(a, b) for a, b in itertools.combinations(articles, 2) if independent_pair(a, b)]
    independent_apart = sum(story_of[a["id"]] != story_of[b["id"]] for a, b in independent)

    # relevance per story, as labelled (one label per story)
    stories = {a["story"]: a for a in articles}
    story_articles = list(stories.values())
    cp, cr = class_scores(story_articles, relevance, {"core"})
    rp, rr = class_scores(story_articles, relevance, {"core", "related"})
    confusion = Counter((a["relevance"], relevance[a["id"]]) for a in story_articles)
    per_kind: dict[str, list[int]] = {}
    for a in story_articles:
        right = per_kind.setdefault(a["kind"], [0, 0])
        right[0] += relevance[a["id"]] == a["relevance"]
        right[1] += 1

    party = [0, 0, 0]
    anyname = [0, 0, 0]
    aerr = []
    for a in stored_versions(articles):
        want, places, got = set(a["actors"]), set(a.get("places", [])), found[a["id"]]
        named = got | found_places[a["id"]]
        for counts, expected, seen in ((party, want, got), (anyname, want | places, named)):
            counts[0] += len(expected & seen)
            counts[1] += len(seen - expected)
            counts[2] += len(expected - seen)
        if want != got:
            aerr.append(
                f"{a['id']} ({a['kind']}): extra {sorted(got - want)}"
                f" (of which places {sorted((got - want) & places)}) missing {sorted(want - got)}"
            )
    figures = {
        "articles": len(articles),
        "stories": len(stories),
        "grouping_precision": gp,
        "grouping_recall": gr,
        "grouping_within_parts_precision": prf(*within)[0],
        "grouping_within_parts_recall": prf(*within)[1],
        "merged_across_parts_same_agency": across["same agency"],
        "merged_across_parts_other_agencies": across["other agencies"],
        "rewrite_pairs": len(rewrite_pairs),
        "rewrite_pairs_joined": rewrite_joined,
        "independent_pairs": len(independent),
        "independent_pairs_apart": independent_apart,
        "core_precision": cp,
        "core_recall": cr,
        "core_related_precision": rp,
        "core_related_recall": rr,
        "party_precision": prf(*party)[0],
        "party_recall": prf(*party)[1],
        "parties_right": party[0],
        "parties_wrong": party[1],
        "parties_missed": party[2],
        "mention_precision": prf(*anyname)[0],
        "mention_recall": prf(*anyname)[1],
    }
    details = {
        "confusion": confusion,
        "per_kind": per_kind,
        "grouping_errors": gerr,
        "actor_errors": aerr,
        "relevance": relevance,
        "reasons": reasons,
        "by_id": by_id,
        "stories": story_articles,
    }
    return figures, details


def score_set(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """A set's folder stored, grouped and scored in a database of its own (score())."""
    with tempfile.TemporaryDirectory() as tmp:
        return score(load_parts(folder), Path(tmp) / "set.db")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET, help="folder of part-*.json files")
    ap.add_argument("--errors", action="store_true", help="list every wrong pair, class and actor")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    f, d = score_set(args.set)
    print(
        f"labelled set {args.set.parent.name}/{args.set.name}: {f['articles']} articles,"
        f" {f['stories']} stories"
    )
    print(
        f"grouping (article pairs):      precision {f['grouping_precision']:.3f}"
        f"  recall {f['grouping_recall']:.3f}"
    )
    print(
        f"  within each part (one author): precision {f['grouping_within_parts_precision']:.3f}"
        f"  recall {f['grouping_within_parts_recall']:.3f}"
    )
    print(
        f"  merged across parts:         {f['merged_across_parts_same_agency']} pairs of one"
        f" agency, {f['merged_across_parts_other_agencies']} of two"
    )
    print(
        f"rewrite pairs joined:          {f['rewrite_pairs_joined']} of {f['rewrite_pairs']}"
        f" ({f['rewrite_pairs_joined'] / (f['rewrite_pairs'] or 1):.3f})"
    )
    print(
        f"independent reports apart:     {f['independent_pairs_apart']} of"
        f" {f['independent_pairs']}"
        f" ({f['independent_pairs_apart'] / (f['independent_pairs'] or 1):.3f})"
    )
    print(
        f"relevance core (stories):      precision {f['core_precision']:.3f}"
        f"  recall {f['core_recall']:.3f}"
    )
    print(
        f"relevance core+related:        precision {f['core_related_precision']:.3f}"
        f"  recall {f['core_related_recall']:.3f}"
    )
    print(
        f"actors as parties:             precision {f['party_precision']:.3f}"
        f"  recall {f['party_recall']:.3f}"
    )
    print(
        f"names found (parties+places):  precision {f['mention_precision']:.3f}"
        f"  recall {f['mention_recall']:.3f}"
    )
    print("relevance, labelled -> judged (stories):")
    for want in ("core", "related", "none"):
        row = "  ".join(
            f"{got} {d['confusion'][(want, got)]:>3}" for got in ("core", "related", "none")
        )
        print(f"  {want:<8} {row}")
    print("relevance right per kind:")
    for kind, (right, total) in sorted(d["per_kind"].items()):
        print(f"  {kind:<17} {right:>3} of {total:<3} ({right / total:.2f})")
    if args.json:
        args.json.write_text(json.dumps(f, indent=1), "utf-8")
    if args.errors:
        print("\n".join(["", "grouping errors:", *d["grouping_errors"]]))
        print("\nrelevance errors:")
        for a in d["stories"]:
            got = d["relevance"][a["id"]]
            if got != a["relevance"]:
                print(
                    f"  {a['id']} ({a['kind']}) want {a['relevance']} got {got}:"
                    f" {a['title'][:60]!r} {d['reasons'][a['id']]}"
                )
        print("\n".join(["", "actor errors:", *d["actor_errors"]]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
