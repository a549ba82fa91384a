"""Search reads an entry in every language form it is written in, not only its English."""

from __future__ import annotations

from datetime import date

from knowledge.analysis import Analyzer, Glossary
from knowledge.entry import Entry, Question, Source, Translation
from knowledge.index import SearchIndex
from knowledge.search import Decision, Searcher


def entry(entry_id: str, title: str, answer: str, translations: tuple[Translation, ...]) -> Entry:
    return Entry(
        id=entry_id,
        title=title,
        answer=answer,
        questions=(Question(title, "en"),),
        tags=(),
        countries=("regional",),
        sources=(Source("Example", "https://example.org/"),),
        checked=date(2026, 1, 1),
        translations=translations,
    )


MESS_TIN = entry(
    "mess-tin",
    "Field kitchen rota",
    "Who cooks on exercise and when.",
    (
        Translation("bcms", "Raspored poljske kuhinje", "Ko kuha na vježbi i kada.", "x"),
        Translation("mk", "Распоред на полската кујна", "Кој готви на вежба и кога.", "x"),
    ),
)
LIBRARY = entry("library", "Opening hours of the library", "The library opens at nine.", ())


def searcher(*entries: Entry) -> Searcher:
    return Searcher(SearchIndex(entries, Analyzer(Glossary.from_mapping({}))))


def test_a_bosnian_question_meets_the_bosnian_title() -> None:
    """Words only the BCMS title uses find the entry."""
    finding = searcher(MESS_TIN, LIBRARY).find("raspored poljske kuhinje")
    assert (finding.decision, finding.choices[0].entry_id) == (Decision.ANSWER, "mess-tin")


def test_a_macedonian_question_meets_the_macedonian_answer() -> None:
    """A word only the Macedonian answer uses is enough to find the entry."""
    finding = searcher(MESS_TIN, LIBRARY).find("кој готви")
    assert [h.entry_id for h in finding.hits][:1] == ["mess-tin"]


def test_an_entry_without_translations_is_found_in_its_own_language() -> None:
    """A member's lesson written in BCMS is found by a BCMS question, in the author's words."""
    lesson = entry("lesson", "Kako smo organizovali vrtić u kasarni", "Roditelji su ...", ())
    finding = searcher(MESS_TIN, LIBRARY, lesson).find("vrtic u kasarni")
    assert (finding.decision, finding.choices[0].entry_id) == (Decision.ANSWER, "lesson")


def test_a_word_of_the_questions_own_form_weighs_more_than_another_forms() -> None:
    """Two entries alike but for one word, in the Macedonian answer of one and the Serbian
    answer of the other: a Macedonian question puts the first first, a Serbian one the second."""
    macedonian = entry(
        "drill-mk",
        "Drill",
        "Drill on weekdays.",
        (Translation("mk", "Вежба", "Вежбите се на парадата.", "x"),),
    )
    serbian = entry(
        "drill-sr",
        "Drill",
        "Drill on weekdays.",
        (Translation("sr-cyrl", "Вежба", "Вежбе су на паради.", "x"),),
    )
    in_macedonian = searcher(serbian, macedonian).find("вежба парадата ѓ")
    in_serbian = searcher(macedonian, serbian).find("вежба паради ђ")
    assert [h.entry_id for h in in_macedonian.hits][:2] == ["drill-mk", "drill-sr"]
    assert [h.entry_id for h in in_serbian.hits][:2] == ["drill-sr", "drill-mk"]
