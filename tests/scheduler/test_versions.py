"""Which version of a text each reader gets, and how many get which."""

from __future__ import annotations

from datetime import UTC, datetime

from core.members import Language
from scheduler.composing import EventInfo, Occasion
from scheduler.versions import for_reader, form_for, shares

AT = datetime(2030, 1, 15, 9, 0, tzinfo=UTC)
VERSIONS = {"mk": {"text": "Состанок"}, "sr-cyrl": {"text": "Састанак"}}


def test_a_reader_gets_their_own_form_where_there_is_one() -> None:
    """Macedonian readers get the Macedonian version; BCMS readers, with none, the author's."""
    assert form_for(Language.MK, VERSIONS) is Language.MK
    assert form_for(Language.BCMS, VERSIONS) is None
    assert form_for(None, VERSIONS) is None


def test_the_version_replaces_only_what_it_gives() -> None:
    """The text changes; the link and the rest of the payload stay."""
    occasion = Occasion(1, 2, "announcement", {"text": "Meeting", "link": "https://a.org"}, AT,
                        versions=VERSIONS)  # fmt: skip
    assert for_reader(occasion, Language.MK).payload == {
        "text": "Состанок",
        "link": "https://a.org",
    }
    assert for_reader(occasion, Language.EN) is occasion


def test_an_events_version_gives_its_title_and_keeps_the_authors_description() -> None:
    """A version with a title alone leaves the description as the author wrote it."""
    event = EventInfo(7, "Workshop", "Bring figures.", AT, AT, "Skopje", "Europe/Belgrade", 1)
    occasion = Occasion(1, 2, "invitation", {"title": "Workshop"}, AT, event,
                        {"mk": {"title": "Работилница"}})  # fmt: skip
    changed = for_reader(occasion, Language.MK).event
    assert changed is not None
    assert (changed.title, changed.description) == ("Работилница", "Bring figures.")


def test_shares_count_each_version_and_the_authors_for_the_rest() -> None:
    """Two Macedonian readers, one Cyrillic, three without a version: largest first."""
    readers = [Language.MK, Language.EN, Language.MK, Language.SR_CYRL, Language.BCMS, Language.EN]
    assert shares(readers, VERSIONS) == {None: 3, Language.MK: 2, Language.SR_CYRL: 1}
