"""What the re-telling check reads in a body: figures written either way are one figure, names
are kept in order and word by word, and no text can break it."""

from __future__ import annotations

from crawler.stories.rewrites import aligned, anchors, describe


def test_figures_are_one_however_written_and_years_and_small_counts_are_left_out() -> None:
    found = anchors(
        "Trade reached 1,500 tonnes in 2025, worth 1.5 billion dollars, up 12 percent."
        " Officials said 1500 tonnes went by sea in 3 shipments."
    )
    figures = [a for a in found if a.startswith("#")]
    assert figures == ["#1500", "#1.5e9", "#12%"]


def test_names_in_text_order_word_by_word_without_sentence_starts_or_titles() -> None:
    found = anchors(
        "Officials met in Kuala Lumpur. Foreign Minister Sergei Lavrov spoke first; later Lavrov"
        " and Mohamad Hasan signed."
    )
    assert found == ["kuala", "lumpur", "sergei", "lavrov", "mohamad", "hasan"]


def test_a_hostile_body_is_described_without_error() -> None:
    body = "9" * 5000 + " " + "1," * 3000 + "5 " + "Aaaa " * 2000 + "\u201c" + "x " * 5000
    described = describe(body)
    assert described["terms"] and described["anchors"]
    assert 0.0 <= aligned(body, body) <= 1.0


def test_a_retelling_is_aligned_sentence_by_sentence_and_an_unrelated_text_is_not() -> None:
    original = (
        "The minister said the two countries would double trade by 2030.\n"
        "She added that talks on a maritime code would resume in March.\n"
        "Both sides agreed to open a consulate in the northern port city."
    )
    retold = (
        "Trade between the two countries will double by 2030, the minister said.\n"
        "Talks on the maritime code are to resume in March, she added.\n"
        "The sides also agreed to open a consulate in the port city in the north."
    )
    unrelated = (
        "Heavy rain flooded the capital's main roads on Tuesday morning.\n"
        "Schools closed and thousands of commuters were stranded for hours."
    )
    assert aligned(original, retold) == 1.0
    assert aligned(original, unrelated) == 0.0
