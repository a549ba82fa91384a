"""The three decisions on the real knowledge base: answer, clarify, or admit not knowing."""

from __future__ import annotations

import pytest

from knowledge.search import Decision, Searcher


@pytest.mark.parametrize(
    "question",
    [
        "what is a person of trust",
        "Šta je osoba od povjerenja?",
        "sta je osoba od poverenja",
        "Шта је особа од поверења?",
        "Што е лице од доверба?",
    ],
)
def test_clear_question_is_answered_in_every_language_form(
    searcher: Searcher, question: str
) -> None:
    """English, BCMS with and without diacritics, Serbian Cyrillic and Macedonian all answer."""
    finding = searcher.find(question)
    assert finding.decision is Decision.ANSWER
    assert [h.entry_id for h in finding.choices] == ["persons-of-trust"]


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("women in peacekeeping missions", "women-in-peacekeeping-and-missions"),
        ("rezolucija 1325", "wps-unscr-1325-overview"),
        ("uniforms", "uniforms-equipment-infrastructure-for-women"),
    ],
)
def test_other_clear_questions_are_answered(
    searcher: Searcher, question: str, entry_id: str
) -> None:
    """A few more clear questions each get their one entry."""
    finding = searcher.find(question)
    assert (finding.decision, finding.choices[0].entry_id) == (Decision.ANSWER, entry_id)


def test_glass_ceiling_question_asks_which_entry_was_meant(searcher: Searcher) -> None:
    """Two entries are about equally close, so Mreža offers both."""
    finding = searcher.find("glass ceiling women officers")
    assert finding.decision is Decision.CLARIFY
    assert {h.entry_id for h in finding.choices} == {
        "retention-and-career-development",
        "women-in-officer-and-nco-ranks",
    }


def test_broad_question_offers_two_or_three_choices(searcher: Searcher) -> None:
    """ "sexual harassment" fits several entries; the member picks one of them."""
    finding = searcher.find("sexual harassment")
    assert finding.decision is Decision.CLARIFY
    assert 2 <= len(finding.choices) <= 3
    assert "sexual-harassment-definition-and-response" in {h.entry_id for h in finding.choices}


@pytest.mark.parametrize(
    "question",
    ["what is the weather in Podgorica", "tell me a joke", "kako si", "recept za sarmu"],
)
def test_out_of_scope_question_gets_none(searcher: Searcher, question: str) -> None:
    """Nothing is offered for questions the knowledge base does not cover."""
    finding = searcher.find(question)
    assert finding.decision is Decision.NONE
    assert finding.choices == ()


@pytest.mark.parametrize(
    "question",
    ["printer in the office keeps jamming, how do i fix it", "my car keeps breaking down"],
)
def test_something_that_keeps_happening_is_not_harassment_by_that_word(
    searcher: Searcher, question: str
) -> None:
    """A thing that "keeps" happening says how often, not what: a printer is no colleague."""
    assert searcher.find(question).decision is Decision.NONE


@pytest.mark.parametrize("question", ["", "   ", "?!...", "— « » …", "😀😀"])
def test_empty_or_punctuation_only_question_gets_none(searcher: Searcher, question: str) -> None:
    """A question with no words has no hits and no answer."""
    finding = searcher.find(question)
    assert (finding.decision, finding.hits, finding.normalised) == (Decision.NONE, (), "")


def test_very_long_question_does_not_crash(searcher: Searcher) -> None:
    """A 5,000-character question is searched like any other."""
    question = ("How do persons of trust handle harassment complaints in the army? " * 80)[:5000]
    finding = searcher.find(question)
    assert len(question) == 5000
    assert finding.decision in set(Decision)


def test_markup_characters_in_a_question_do_not_crash(searcher: Searcher) -> None:
    """<, &, * and _ are just separators in a question."""
    finding = searcher.find("< & * _ what is a person of trust?")
    assert finding.decision is Decision.ANSWER
    assert finding.choices[0].entry_id == "persons-of-trust"


def test_hits_are_best_first_and_limited(searcher: Searcher) -> None:
    """At most ``limit`` hits, in order of falling score."""
    hits = searcher.find("gender training", limit=5).hits
    assert 3 <= len(hits) <= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_finding_keeps_the_question_and_its_normalised_form(searcher: Searcher) -> None:
    """What was asked and how it was read travel with the decision."""
    finding = searcher.find("Šta je osoba od povjerenja?")
    assert finding.question == "Šta je osoba od povjerenja?"
    assert finding.normalised == "sta je osoba od poverenja"


def test_typo_is_forgiven(searcher: Searcher) -> None:
    """A slip of one letter still finds the entry."""
    finding = searcher.find("what is a persn of trust")
    assert finding.decision is Decision.ANSWER
    assert finding.choices[0].entry_id == "persons-of-trust"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("koliko dana godišnjeg odmora imam", "elsewhere-personnel"),
        ("when is my salary paid", "elsewhere-personnel"),
        ("колку дена годишен одмор имам", "elsewhere-personnel"),
        ("kako se prijavljuje bolovanje", "elsewhere-medical"),
        ("изгубио сам шлем на вежби", "elsewhere-logistics"),
    ],
)
def test_personnel_medical_and_kit_questions_are_pointed_elsewhere(
    searcher: Searcher, question: str, entry_id: str
) -> None:
    """Leave, pay, sick leave and kit are not the network's business: the entry that says where
    to go is the one redirect."""
    finding = searcher.find(question)
    assert (finding.decision, finding.choices[0].entry_id) == (Decision.REDIRECT, entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "што прави советникот за родови прашања",
        "šta radi savjetnik za rodna pitanja",
        "what does a gender adviser actually do",
    ],
)
def test_what_a_gender_adviser_does_is_answered_in_every_form(
    searcher: Searcher, question: str
) -> None:
    """Macedonian "прашања", like "pitanja", says only "issues": the adviser's entry answers."""
    finding = searcher.find(question)
    assert (finding.decision, finding.choices[0].entry_id) == (
        Decision.ANSWER,
        "gender-advisers-in-defence",
    )


@pytest.mark.parametrize(
    "question",
    [
        "he keeps texting me late at night",
        "desetar mi stalno dobacuje i dira me",
        "наредникот ми праќа пораки доцна навечер",
    ],
)
def test_harassment_described_by_what_happened_is_answered(
    searcher: Searcher, question: str
) -> None:
    """Members describe what happened rather than name it; the harassment entry answers."""
    finding = searcher.find(question)
    assert finding.decision is Decision.ANSWER
    assert finding.choices[0].entry_id == "sexual-harassment-definition-and-response"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("mogu li prenijeti godisnji u iducu godinu", "elsewhere-personnel"),
        ("kako da zaduzim opremu za teren", "elsewhere-logistics"),
    ],
)
def test_everyday_words_for_leave_and_kit_are_pointed_elsewhere(
    searcher: Searcher, question: str, entry_id: str
) -> None:
    """'Godišnji' alone is annual leave, and drawing kit is the logistics service's business."""
    finding = searcher.find(question)
    assert (finding.decision, finding.choices[0].entry_id) == (Decision.REDIRECT, entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "ко је победио на изборима",
        "Кој победи на изборите во Северна Македонија 2024?",
        "printer keeps jamming",
    ],
)
def test_a_guessed_spelling_does_not_make_an_answer(searcher: Searcher, question: str) -> None:
    """'Pobedi' (won) is one letter from 'poredi' (compare), and a printer that keeps jamming
    shares one word with harassment: neither is enough to answer."""
    assert searcher.find(question).decision is Decision.NONE
