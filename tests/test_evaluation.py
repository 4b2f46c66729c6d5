"""The labelled wire-story sets: grouping, relevance and actor mentions each score at least 0.95."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import ROOT

SETS = list((ROOT / "tests" / "fixtures" / "labelled").glob("*.json"))
_spec = importlib.util.spec_from_file_location(
    "stories_eval", ROOT / "benchmarks" / "stories_eval.py"
)
stories_eval = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(stories_eval)  # type: ignore[union-attr]


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_labelled_set_figures(path: Path, tmp_path: Path) -> None:
    """Pairwise grouping precision and recall, relevance precision and recall for core and
    core+related, and actor-mention precision and recall are all at least 0.95 on each labelled
    set."""
    figures = stories_eval.evaluate(stories_eval.load_set(path), tmp_path / "eval.db")
    low = {name: value for name, value in figures.items() if value < 0.95}
    assert not low, low
