"""A learned second reading of parties, measured on the development sets and not kept (README,
"Tried and not kept"): a logistic model that takes the rules' decision (crawler/stories/places/)
for each state or bloc a story names, how the rules reached it, where and how often the name is
given and the words on either side of each mention, and decides again whether it is a party.

Run by hand (it is not a test):

    python benchmarks/party_model.py [--c 0.3] [--min-count 5]

Every article of every development set (tests/fixtures/dev/set*) is read by the rules
(`reading`). Each state or bloc it names that the rules made a party on a weak sign, or a place
for want of any evidence (`place_actors`' `evidence`), is one example; its label: the set's
authors made it a party. States or blocs already parties through another of their names (a body
of ASEAN, say) are left out, and so are blocs a set's authors never code. A logistic regression
(scipy's L-BFGS, an L2 penalty of 1/2C, words seen in fewer than --min-count examples left out) is
fitted leave-one-set-out: each set is judged by the fit on all the others. Printed: per set, the
right and wrong parties of the rules and of the model; in all, what the model changes when it
overrules the rules only past a given certainty; and both by the kind of evidence the rules had.

Only development sets go in here. The blind sets under tests/fixtures/blind/ are scored by
benchmarks/blind_eval.py and never used to fit anything.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from blind_eval import LABEL_BLOCS, in_label_terms, load_parts, stored_versions  # noqa: E402

from crawler.extract.datelines import clean_wire_text  # noqa: E402
from crawler.stories.gazetteer import (  # noqa: E402
    Gazetteer,
    load_gazetteer,
)
from crawler.stories.grouping import reading  # noqa: E402
from crawler.stories.mentions import Mention, fold  # noqa: E402
from crawler.stories.places import LEAD, WEAK_EVIDENCE, demonym_form  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "dev"
# (below this a rule party becomes a place, above this a place becomes a party)
CERTAINTIES = [(0.5, 0.5), (0.3, 0.7), (0.2, 0.8), (0.1, 0.9), (0.2, 1.0)]

# Actors the model reads: a state or bloc is a party or a place; people and bodies act by nature.
KINDS = {"state", "bloc", "igo"}
# The rules' decisions the model reads again: parties on a weak sign, places for want of evidence.
OPEN = WEAK_EVIDENCE | {"none"}
# Characters on either side of a mention that its words are taken from, and how many words.
SPAN = 40
WORDS = 3
# A story shorter than this (characters) is read as one of this length: "low in the story" means
# as far down a full story.
SHORT = 2000

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Candidate:
    actor: str
    rule: bool  # what the rules decided
    # False when the decision is out of the model's hands: another name of the same state or bloc
    # is a party, or the rules decided on strong evidence or an explicit cue (places/)
    open: bool
    features: dict[str, float]


def candidates(
    title: str,
    text: str,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    parties: set[str],
    home: str | None,
    home_party: str,
    evidence: dict[str, str],
) -> list[Candidate]:
    """One candidate per state or bloc that `text` (title, newline, body) names, or that is its
    home state made a party by the rules (`home_party`); `parties` are the actors the rules made
    parties, and `evidence` how they decided (`place_actors`)."""
    folded = fold(text)
    named = {m.actor for m in mentions} | ({home} if home_party and home else set())
    # where parties are counted: a state or bloc itself, ASEAN for its bodies and frameworks
    blocs = {a for a, actor in gazetteer.actors.items() if actor.type in KINDS - {"state"}}
    labels: dict[str, set[str]] = {}
    for actor_id in named:
        for label in in_label_terms({actor_id}, gazetteer, blocs):
            labels.setdefault(label, set()).add(actor_id)
    lead_end = LEAD.search(folded).end()  # type: ignore[union-attr]  # `$` always matches
    size = max(len(text), 1)
    kinds = {a: gazetteer.actors[a].type for a in named if a in gazetteer.actors}
    party_labels = {label for label, ids in labels.items() if ids & parties}
    out = []
    for label, ids in sorted(labels.items()):
        if label not in ids or kinds.get(label) not in KINDS:
            continue
        direct = [m for m in mentions if m.actor == label and m.via is None]
        forms = [demonym_form(m, gazetteer) if kinds[label] == "state" else None for m in direct]
        rule = label in parties
        f: dict[str, float] = {
            "rule": float(rule),
            "count": math.log1p(len(direct)),
            "title": float(any(m.start < len(title) for m in direct)),
            "lead": float(any(m.start < lead_end for m in direct)),
            "position": min((m.start for m in direct), default=size) / max(size, SHORT),
            "via": float(any(m.actor == label and m.via for m in mentions)),
            "home": float(label == home),
            "home_party": float(label == home and bool(home_party)),
            "bloc": float(kinds[label] != "state"),
            "adjective_only": float(bool(forms) and all(f == "adjective" for f in forms)),
            "named": float(any(f is None for f in forms)),
            "other_parties": math.log1p(len(party_labels - {label})),
            "states": math.log1p(len(labels)),
        }
        how = evidence.get(label, "none")
        f["evidence:" + how] = 1.0
        for word in _context(folded, direct):
            f[word] = 1.0
        moot = bool((ids - {label}) & parties)
        out.append(Candidate(label, rule, not moot and how in OPEN, f))
    return out


def _context(folded: str, mentions: list[Mention]) -> set[str]:
    """The words on either side of each mention: any of the nearest three ('b:'/'a:'), the
    nearest one ('b1:'/'a1:') and the nearest two together ('b2:'/'a2:')."""
    words: set[str] = set()
    for m in mentions:
        before = _WORD.findall(folded[max(0, m.start - SPAN) : m.start])[-WORDS:]
        after = _WORD.findall(folded[m.end : m.end + SPAN])[:WORDS]
        words.update(f"b:{w}" for w in before)
        words.update(f"a:{w}" for w in after)
        if before:
            words.add(f"b1:{before[-1]}")
        if len(before) > 1:
            words.add(f"b2:{before[-2]}_{before[-1]}")
        if after:
            words.add(f"a1:{after[0]}")
        if len(after) > 1:
            words.add(f"a2:{after[0]}_{after[1]}")
    return words


def examples(folder: Path) -> list[tuple[dict[str, float], bool, bool]]:
    """(features, the rules made it a party, the authors did) for each example of a set."""
    gaz = load_gazetteer()
    articles = stored_versions(load_parts(folder))
    labelled = {c for a in articles for c in a["actors"] + a.get("places", [])}
    blocs = LABEL_BLOCS | {c for c in labelled if c in gaz.actors and gaz.actors[c].type != "state"}
    out = []
    for a in articles:
        dateline, body = clean_wire_text(a["body"], title=a["title"])
        r = reading(
            a["title"],
            body,
            a["published_at"],
            dateline=dateline.place if dateline else None,
            agency=a["agency"],
        )
        parties = {m.actor for m in r.mentions} - r.places
        if r.home_party and r.home:
            parties.add(r.home)
        found = candidates(
            r.title, r.text, r.mentions, r.gazetteer, parties, r.home, r.home_party, r.evidence
        )
        for c in found:
            if not c.open or (gaz.actors[c.actor].type != "state" and c.actor not in blocs):
                continue
            out.append((c.features, c.rule, c.actor in a["actors"]))
    return out


def fit(x: sparse.csr_matrix, y: np.ndarray, c: float) -> np.ndarray:
    """Logistic regression: L-BFGS on the summed log-loss plus |w|^2 / 2c; [bias, weights...]."""
    xb = sparse.hstack([np.ones((x.shape[0], 1)), x]).tocsr()
    penalty = np.ones(xb.shape[1]) / c
    penalty[0] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1 / (1 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(penalty * w * w))
        return value, xb.T @ (p - y) + penalty * w

    start = np.zeros(xb.shape[1])
    return np.asarray(minimize(loss, start, jac=True, method="L-BFGS-B").x)


def matrix(rows: list[dict[str, float]], names: dict[str, int], grow: bool) -> sparse.csr_matrix:
    data, cols, indptr = [], [], [0]
    for f in rows:
        for k, v in f.items():
            if k not in names:
                if not grow:
                    continue
                names[k] = len(names)
            cols.append(names[k])
            data.append(v)
        indptr.append(len(cols))
    return sparse.csr_matrix((data, cols, indptr), shape=(len(rows), len(names)))


def train(
    rows: list[tuple[dict[str, float], bool, bool]], c: float, min_count: int
) -> tuple[dict[str, int], Any]:
    seen = Counter(k for f, _, _ in rows for k in f)
    names = {k: i for i, k in enumerate(k for k, n in seen.items() if n >= min_count)}
    x = matrix([f for f, _, _ in rows], names, grow=False)
    return names, fit(x, np.array([y for _, _, y in rows], dtype=float), c)


def predict(rows: list[tuple[dict[str, float], bool, bool]], names: dict[str, int], w: Any) -> Any:
    x = matrix([f for f, _, _ in rows], dict(names), grow=False)
    x = sparse.csr_matrix((x.data, x.indices, x.indptr), shape=(x.shape[0], len(names)))
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--c", type=float, default=0.3, help="inverse strength of the L2 penalty")
    ap.add_argument(
        "--min-count", type=int, default=5, help="leave out words seen in fewer examples"
    )
    args = ap.parse_args()
    sets = sorted(DEV.glob("set*"), key=lambda p: int(p.name[3:]))
    rows = {s.name: examples(s) for s in sets}
    print(f"{sum(map(len, rows.values()))} examples from {len(sets)} development sets")
    print(f"{'set':<6} {'rules: right':>12} {'wrong':>6} {'model: right':>13} {'wrong':>6}")
    every: list[Any] = []
    for s in rows:
        names, w = train([r for k, v in rows.items() if k != s for r in v], args.c, args.min_count)
        p = predict(rows[s], names, w)
        rule = np.array([r for _, r, _ in rows[s]], dtype=bool)
        y = np.array([y for _, _, y in rows[s]], dtype=bool)
        how = np.array([next(k for k in f if k.startswith("evidence:"))[9:] for f, _, _ in rows[s]])
        every.append((p, rule, y, how))
        model = p > 0.5
        print(
            f"{s:<6} {(rule & y).sum():>12} {(rule & ~y).sum():>6}"
            f" {(model & y).sum():>13} {(model & ~y).sum():>6}"
        )
    p, rule, y, how = (np.concatenate(a) for a in zip(*every, strict=True))
    print(f"all: the rules {(rule & y).sum()} right, {(rule & ~y).sum()} wrong")
    for drop, add in CERTAINTIES:
        model = np.where(rule, p >= drop, p > add)
        print(
            f"  overruling below {drop:.1f} and above {add:.1f}:"
            f" right {int((model & y).sum() - (rule & y).sum()):+d},"
            f" wrong {int((model & ~y).sum() - (rule & ~y).sum()):+d}"
        )
    print("by the rules' evidence (model at 0.5):")
    model = p > 0.5
    for e in sorted(set(how)):
        m = how == e
        print(
            f"  {e:<9} {m.sum():>5} examples; the rules {(rule & y & m).sum()} right,"
            f" {(rule & ~y & m).sum()} wrong, {(~rule & y & m).sum()} missed;"
            f" the model: right {int((model & y & m).sum() - (rule & y & m).sum()):+d},"
            f" wrong {int((model & ~y & m).sum() - (rule & ~y & m).sum()):+d}"
        )


if __name__ == "__main__":
    main()
