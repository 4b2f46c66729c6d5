"""How far a second careful reader agrees with a blind set's authors, beside how far wirewatch does.

Each file under tests/fixtures/agreement/ (`setN-part-X.json`) holds the labels a second labeller
gave one part of a blind set (tests/fixtures/blind/setN/part-X.json), from the texts alone and the
same labelling rules. The authors' labels are the reference for both readers; for each part the
script prints, second labeller and then wirewatch:

- grouping: precision and recall over the part's article pairs;
- relevance: precision and recall of `core`, and of `core`+`related`, per story;
- parties: precision and recall of the states and blocs labelled as actors.

A target above what the second reader reaches asks for more than the text says. Only figures are
printed, never an article, so the blind sets stay blind.

    python benchmarks/agreement.py
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_eval import prf, score, stored_versions
from stories_eval import class_scores, pair_scores

ROOT = Path(__file__).resolve().parents[1]
SECOND = ROOT / "tests" / "fixtures" / "agreement"
BLIND = ROOT / "tests" / "fixtures" / "blind"

Figures = tuple[tuple[float, float], ...]


def load_part(path: Path) -> list[dict[str, Any]]:
    articles = json.loads(path.read_text("utf-8"))["articles"]
    return sorted(
        ({**a, "part": path.stem} for a in articles), key=lambda a: (a["published_at"], a["id"])
    )


def read(first: list[dict[str, Any]], second: dict[str, dict[str, Any]]) -> Figures:
    """The second labeller's labels scored against the authors', as blind_eval.py scores
    wirewatch's."""
    grouping = pair_scores(first, {a["id"]: second[a["id"]]["story"] for a in first})[:2]
    stories = list({a["story"]: a for a in first}.values())
    relevance = {a["id"]: second[a["id"]]["relevance"] for a in stories}
    party = [0, 0, 0]
    for a in stored_versions(first):
        want, got = set(a["actors"]), set(second[a["id"]]["actors"])
        party[0] += len(want & got)
        party[1] += len(got - want)
        party[2] += len(want - got)
    return (
        grouping,
        class_scores(stories, relevance, {"core"}),
        class_scores(stories, relevance, {"core", "related"}),
        prf(*party),
    )


def program(first: list[dict[str, Any]]) -> Figures:
    with tempfile.TemporaryDirectory() as tmp:
        f, _ = score(first, Path(tmp) / "agreement.db")
    return (
        (f["grouping_precision"], f["grouping_recall"]),
        (f["core_precision"], f["core_recall"]),
        (f["core_related_precision"], f["core_related_recall"]),
        (f["party_precision"], f["party_recall"]),
    )


def cells(figures: Figures, measured: list[bool]) -> str:
    """A column the part gives nothing to measure (no two articles of one story, no `core` story)
    is shown as "-"."""
    shown = [
        f"{p:.3f} / {r:.3f}" if m else "-" for (p, r), m in zip(figures, measured, strict=True)
    ]
    return " | ".join(f"{c:>13}" for c in shown)


def main() -> int:
    files = sorted(SECOND.glob("set*-part-*.json"))
    if not files:
        print(f"no second labels under {SECOND}")
        return 1
    print(
        f"{'part':<11} {'reader':<15} | {'grouping':>13} | {'core':>13} | {'core+related':>13} |"
        f" {'parties':>13}"
    )
    for path in files:
        found = re.fullmatch(r"(set\d+)-(part-\w+)", path.stem)
        assert found is not None, path
        first = load_part(BLIND / found.group(1) / f"{found.group(2)}.json")
        second = {a["id"]: a for a in json.loads(path.read_text("utf-8"))["articles"]}
        missing = [a["id"] for a in first if a["id"] not in second]
        if missing:
            print(f"{path.name}: no second label for {len(missing)} articles", file=sys.stderr)
            return 1
        measured = [
            len({a["story"] for a in first}) < len(first),
            any(a["relevance"] == "core" for a in first),
            any(a["relevance"] != "none" for a in first),
            True,
        ]
        name = f"{found.group(1)} {found.group(2)[-1]}"
        print(f"{name:<11} {'second reader':<15} | {cells(read(first, second), measured)}")
        print(f"{'':<11} {'wirewatch':<15} | {cells(program(first), measured)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
