"""Greetings, thanks and goodbyes are told apart from questions, in every language form."""

from __future__ import annotations

import pytest

from knowledge.search import Decision, Searcher
from knowledge.smalltalk import Remark, remark


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("hi", Remark.HELLO),
        ("good morning, anyone there?", Remark.HELLO),
        ("Dobar dan", Remark.HELLO),
        ("ко си ти", Remark.HELLO),
        ("ало, има ли некој тука", Remark.HELLO),
        ("thanks a lot!", Remark.THANKS),
        ("hvala puno", Remark.THANKS),
        ("Хвала", Remark.THANKS),
        ("фала многу", Remark.THANKS),
        ("good bot", Remark.THANKS),
        ("ok, thanks, bye", Remark.BYE),
        ("ćao, vidimo se", Remark.BYE),
        ("пријатно", Remark.BYE),
    ],
)
def test_small_talk_is_recognised_with_its_kind(said: str, kind: Remark) -> None:
    """Each greeting, thanks or goodbye is small talk of its kind."""
    assert remark(said) is kind


@pytest.mark.parametrize(
    "said",
    [
        "hvala, a sta je osoba od povjerenja",
        "hi, what is a person of trust",
        "weather in skopje",
        "you",
        "",
    ],
)
def test_a_question_is_not_small_talk(said: str) -> None:
    """One word about anything else makes a message a question; filler alone is nothing."""
    assert remark(said) is None


def test_search_answers_small_talk_without_searching(searcher: Searcher) -> None:
    """Thanks get the small-talk decision and no hits."""
    finding = searcher.find("hvala puno")
    assert (finding.decision, finding.hits, finding.remark) == (
        Decision.SMALLTALK,
        (),
        Remark.THANKS,
    )
