"""Segmentation and quotation layers on their own."""

from __future__ import annotations

from newsclaims.extraction import find_quotes, segment


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in segment(text).sentences]


def test_paragraphs_are_non_blank_lines() -> None:
    """Paragraphs are the non-blank lines, stripped."""
    text = "Title line\n\n  First paragraph.  \n\nSecond."
    assert [text[a:b] for a, b in segment(text).paragraphs] == [
        "Title line",
        "First paragraph.",
        "Second.",
    ]


def test_abbreviations_do_not_end_sentences() -> None:
    """Titles and initials keep their sentence together."""
    text = "Mr. Smith met Gov. J. Brown. They talked."
    assert _sentences(text) == ["Mr. Smith met Gov. J. Brown.", "They talked."]


def test_a_dotted_abbreviation_ends_a_sentence_before_a_starter() -> None:
    """``U.S.`` before a capitalised noun is inside a sentence; before ``The`` it ends one."""
    text = "He visited the U.S. Senate. He left the U.S. The trip was short."
    assert _sentences(text) == [
        "He visited the U.S. Senate.",
        "He left the U.S.",
        "The trip was short.",
    ]


def test_quotations_keep_their_sentences_together() -> None:
    """Stops inside a quotation do not split the sentence that reports it."""
    text = '"We won. They lost," she said. Then she left.'
    assert _sentences(text) == ['"We won. They lost," she said.', "Then she left."]


def test_a_stop_before_a_closing_quote_ends_the_sentence() -> None:
    """``...end.'' Next`` splits after the closing marks."""
    text = "He said ''it is over.'' A spokesman declined."
    assert _sentences(text) == ["He said ''it is over.''", "A spokesman declined."]


def test_tokens_are_words_and_marks() -> None:
    """Tokens are words (with inner apostrophes) and single marks."""
    text = "Iran's mission, it said."
    assert [text[a:b] for a, b in segment(text).tokens] == [
        "Iran's",
        "mission",
        ",",
        "it",
        "said",
        ".",
    ]


def test_quotes_pair_within_a_paragraph() -> None:
    """Straight, curly and doubled-apostrophe quotes pair up."""
    text = "A \"one\" B “two” C ''three'' D"
    quotes = find_quotes(text, [(0, len(text))])
    assert [text[q.start : q.end] for q in quotes] == ['"one"', "“two”", "''three''"]


def test_an_unclosed_quote_continues_when_the_next_paragraph_opens_one() -> None:
    """A paragraph that opens a quote without closing it continues into a quoted paragraph."""
    text = '"First part.\n\n"Second part."'
    paragraphs = [(0, 12), (14, len(text))]
    quotes = find_quotes(text, paragraphs)
    assert [(q.start, q.end, q.closed, q.continues) for q in quotes] == [
        (0, 12, False, True),
        (14, 28, True, False),
    ]


def test_an_unclosed_quote_stops_at_its_paragraph() -> None:
    """A stray opening mark never reaches past its paragraph."""
    text = 'He said "oops\n\nNext paragraph.'
    paragraphs = [(0, 13), (15, len(text))]
    (quote,) = find_quotes(text, paragraphs)
    assert (quote.start, quote.end, quote.closed, quote.continues) == (8, 13, False, False)


def test_headline_single_quotes_are_quotes() -> None:
    """Single quotes count as quotes in a headline, and only there."""
    text = "City 'alarmed' by flood\n\nIt's 'fine' here"
    paragraphs = [(0, 23), (25, len(text))]
    quotes = find_quotes(text, paragraphs, headline=(0, 23))
    assert [text[q.start : q.end] for q in quotes] == ["'alarmed'"]
