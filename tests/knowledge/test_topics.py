"""Topic names: every tag an entry uses is named in English, BCMS, Serbian and Macedonian."""

from __future__ import annotations

from dataclasses import replace

from knowledge.loader import LoadReport
from knowledge.problems import Problem
from knowledge.topics import Topics, read_topics, topics_problems, untitled_tags

COMPLETE = """
harassment:
  en: Harassment
  bcms: Uznemiravanje
  sr-cyrl: Узнемиравање
  mk: Вознемирување
"""


def test_the_bundled_topics_name_every_tag_of_the_bundled_entries(bundled: LoadReport) -> None:
    """The shipped topics file passes its checks against the 42 curated entries."""
    assert topics_problems(bundled.entries) == []


def test_a_complete_file_reads_without_problems() -> None:
    """Four names for a tag: each language gets its own."""
    topics, problems = read_topics(COMPLETE, "topics.yaml")
    assert problems == []
    assert [topics.name("harassment", lang) for lang in ("en", "bcms", "sr-cyrl", "mk")] == [
        "Harassment",
        "Uznemiravanje",
        "Узнемиравање",
        "Вознемирување",
    ]


def test_a_missing_name_is_reported_and_english_stands_in() -> None:
    """Without Macedonian the check names the gap; a Macedonian reader still sees a name."""
    text = COMPLETE.replace("  mk: Вознемирување\n", "")
    topics, problems = read_topics(text, "topics.yaml")
    assert problems == [Problem("topics.yaml", "harassment.mk", "missing name")]
    assert topics.name("harassment", "mk") == "Harassment"


def test_an_empty_name_is_missing_too() -> None:
    """A name that is only spaces names nothing."""
    _, problems = read_topics(COMPLETE.replace("Узнемиравање", "'  '"), "topics.yaml")
    assert [p.field for p in problems] == ["harassment.sr-cyrl"]


def test_an_unknown_language_form_is_reported() -> None:
    """A name in a form entries are not written in is a mistake, most likely a typo."""
    _, problems = read_topics(COMPLETE + "  hr: Uznemiravanje\n", "topics.yaml")
    assert [(p.field, p.reason) for p in problems] == [
        ("harassment.hr", "unknown language form (known: en, bcms, sr-cyrl, mk)")
    ]


def test_a_tag_without_names_is_reported() -> None:
    """A tag listed with a bare word instead of four names is one problem."""
    _, problems = read_topics(COMPLETE + "nato: NATO\n", "topics.yaml")
    assert [p.field for p in problems] == ["nato"]


def test_a_file_that_is_not_a_mapping_is_one_problem() -> None:
    """A list, or broken YAML, is reported once, not as a crash."""
    assert [p.field for p in read_topics("- a\n- b\n", "t.yaml")[1]] == ["(file)"]
    assert [p.field for p in read_topics("a: [oops\n", "t.yaml")[1]] == ["(file)"]


def test_an_unknown_tag_names_the_entries_that_use_it(bundled: LoadReport) -> None:
    """A tag no topic names is reported with the entries that carry it."""
    trust = next(e for e in bundled.entries if e.id == "persons-of-trust")
    retagged = replace(trust, tags=(*trust.tags, "night-shifts"))
    topics, _ = read_topics(COMPLETE, "topics.yaml")
    problems = untitled_tags(topics, [retagged], "topics.yaml")
    assert (
        Problem(
            "topics.yaml",
            "night-shifts",
            "unknown tag (used by persons-of-trust): name it in every language form",
        )
        in problems
    )


def test_a_tag_nobody_named_is_shown_in_words() -> None:
    """A member's lesson brings its own tags: they read as words, not as slugs."""
    assert Topics().name("night-shifts", "mk") == "night shifts"


def test_tags_of_entries_that_point_elsewhere_need_no_names(bundled: LoadReport) -> None:
    """Pay and leave questions are redirected, not browsed: their tags are not topics."""
    redirect = next(e for e in bundled.entries if e.redirects)
    topics, _ = read_topics(COMPLETE, "topics.yaml")
    assert untitled_tags(topics, [replace(redirect, tags=("night-shifts",))], "t.yaml") == []
