"""Index terms: stop words dropped, inflections shared, glossary terms joined into concepts."""

from __future__ import annotations

import pytest

from knowledge.analysis import Analyzer, Glossary
from knowledge.corpus import analyse
from knowledge.loader import LoadReport

PERSON_OF_TRUST = "@person-of-trust"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Glossary.bundled())


def test_stop_words_are_dropped(analyzer: Analyzer) -> None:
    """Function words of every language say nothing about the entry meant."""
    assert analyzer.terms("what is the and of a") == []
    assert analyzer.terms("šta je to i od na") == []
    assert analyzer.terms("што е тоа и од на") == []


def test_inflected_forms_share_a_term(analyzer: Analyzer) -> None:
    """žena, žene and ženama (woman, women, to women) are one term."""
    assert len(set(analyzer.terms("žena žene ženama"))) == 1


def test_inflected_forms_without_a_glossary_share_a_stem() -> None:
    """The stemmer alone already maps case forms together."""
    bare = Analyzer(Glossary.from_mapping({}))
    assert len(set(bare.terms("uznemiravanje uznemiravanja uznemiravanjima"))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "person of trust",
        "persons of trust",
        "What is a person of trust?",
        "osoba od povjerenja",
        "Šta je osoba od poverenja?",
        "lica od poverenja",
        "особа од поверења",
        "лице од доверба",
        "Што е лице од доверба?",
    ],
)
def test_multi_word_glossary_term_is_one_concept_in_every_language(
    analyzer: Analyzer, text: str
) -> None:
    """'person of trust', 'osoba od povjerenja' and 'лице од доверба' are one concept."""
    assert analyzer.terms(text) == [PERSON_OF_TRUST]


def test_concept_sits_among_the_other_terms_in_order(analyzer: Analyzer) -> None:
    """Words around a multi-word term keep their own terms, in order."""
    terms = analyzer.terms("training for persons of trust in Serbia")
    assert PERSON_OF_TRUST in terms
    assert terms.index(PERSON_OF_TRUST) > 0
    assert len(terms) == 3


def test_sexual_harassment_is_one_concept_in_three_languages(analyzer: Analyzer) -> None:
    """A second glossary phrase, to show it is not a special case."""
    forms = ["sexual harassment", "seksualno uznemiravanje", "сексуално вознемирување"]
    assert {tuple(analyzer.terms(f)) for f in forms} == {("@sexual-harassment",)}


def test_typo_correction_is_applied_before_analysis(analyzer: Analyzer) -> None:
    """A `correct` callback replaces words before stemming."""
    fixed = {"persn": "person"}
    assert analyzer.terms("persn of trust", lambda w: fixed.get(w, w)) == [PERSON_OF_TRUST]


TEXTS = [
    "what is a person of trust",
    "Šta je osoba od povjerenja?",
    "лице од доверба",
    "žene u oružanim snagama (2010-2015).",
    "",
    "Gender focal points and contact points in the MoD",
    "training for persons of trust in Serbia, and sexual harassment complaints",
    "Кога е донесена Резолуцијата 1325 на Советот за безбедност?",
    "  person\u00a0of trust\t",  # whitespace at the edges and between words of a term
    " \n ",
]


def test_bulk_analysis_agrees_with_one_by_one(analyzer: Analyzer) -> None:
    """knowledge.corpus.analyse gives every text the terms Analyzer.terms gives it."""
    corpus = analyse(TEXTS, analyzer)
    bulk = [
        [corpus.terms[t] for t in corpus.term_ids[start:end]]
        for start, end in zip(corpus.term_offsets[:-1], corpus.term_offsets[1:], strict=True)
    ]
    assert bulk == [analyzer.terms(text) for text in TEXTS]


def test_bulk_analysis_agrees_on_the_whole_knowledge_base(
    analyzer: Analyzer, bundled: LoadReport
) -> None:
    """Every title, phrasing and answer of the bundled entries, glossary terms and all."""
    texts = [
        t for e in bundled.entries for t in (e.title, e.answer, *(q.text for q in e.questions))
    ]
    texts.append("person of trust person of trust of trust, persons of trust")  # back to back
    corpus = analyse(texts, analyzer)
    bulk = [
        [corpus.terms[t] for t in corpus.term_ids[start:end]]
        for start, end in zip(corpus.term_offsets[:-1], corpus.term_offsets[1:], strict=True)
    ]
    assert bulk == [analyzer.terms(text) for text in texts]
    assert sum(row.count(PERSON_OF_TRUST) for row in bulk) > 40


def test_bulk_analysis_keeps_the_normalised_words(analyzer: Analyzer) -> None:
    """The corpus holds every text's normalised words, as Analyzer.phrasing gives them."""
    corpus = analyse(TEXTS, analyzer)
    bulk = [
        " ".join(corpus.words[w] for w in corpus.word_ids[start:end])
        for start, end in zip(corpus.word_offsets[:-1], corpus.word_offsets[1:], strict=True)
    ]
    assert bulk == [analyzer.phrasing(text)[0] for text in TEXTS]


def test_macedonian_definite_form_is_the_same_concept(analyzer: Analyzer) -> None:
    """'лицето од доверба' (the person of trust) is the person-of-trust concept."""
    assert analyzer.terms("лицето од доверба") == [PERSON_OF_TRUST]
