"""An entry for one reader: the current translation, else the text as written, marked as such."""

from __future__ import annotations

from dataclasses import replace

from knowledge.entry import Entry
from knowledge.loader import LoadReport
from knowledge.reading import Reading, read_in, title_in, written_in


def trust(bundled: LoadReport) -> Entry:
    return next(e for e in bundled.entries if e.id == "persons-of-trust")


def test_a_current_translation_is_what_its_readers_get(bundled: LoadReport) -> None:
    """A Serbian reader gets the Serbian Cyrillic title and answer."""
    entry = trust(bundled)
    sr = entry.translation("sr-cyrl")
    assert sr is not None
    assert read_in(entry, "sr-cyrl") == Reading(sr.title, sr.answer, True)
    assert title_in(entry, "sr-cyrl") == sr.title


def test_english_readers_get_the_english(bundled: LoadReport) -> None:
    """English is the text curated entries are written in: nothing to note."""
    entry = trust(bundled)
    assert read_in(entry, "en") == Reading(entry.title, entry.answer, True)


def test_a_stale_translation_gives_way_to_the_english(bundled: LoadReport) -> None:
    """Once the English changed, its old translation may state old facts: English is shown."""
    entry = trust(bundled)
    changed = replace(entry, answer=entry.answer + "\n\nSince 2026 every unit has one.")
    assert read_in(changed, "mk") == Reading(changed.title, changed.answer, False)


def test_a_missing_translation_gives_the_english_with_a_note(bundled: LoadReport) -> None:
    """Without a Macedonian form, a Macedonian reader gets the English, marked untranslated."""
    entry = trust(bundled)
    without = replace(entry, translations=tuple(t for t in entry.translations if t.lang != "mk"))
    assert read_in(without, "mk") == Reading(entry.title, entry.answer, False)


def test_a_members_lesson_is_in_the_language_it_was_written_in(bundled: LoadReport) -> None:
    """A lesson accepted in Macedonian is Macedonian to its readers and foreign to others."""
    lesson = replace(
        trust(bundled),
        title="Ноќни смени за родители",
        answer="Ноќните смени распоредете ги така што родителите на мали деца ги работат последни.",
        translations=(),
        accepted=True,
    )
    assert written_in(lesson) == "mk"
    assert read_in(lesson, "mk").translated
    assert not read_in(lesson, "en").translated
    assert not read_in(lesson, "sr-cyrl").translated
