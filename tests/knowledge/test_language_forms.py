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
