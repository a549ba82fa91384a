"""Texts given in more than one language form, and which one each reader gets.

A schedule (or an event) keeps its author's text as written, and may keep versions in other
language forms beside it: an announcement's text, an event's title and description, a pulse's
question and options (matched by position, so an answer counts the same in every form). A reader
gets the version in their own form, else the author's text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from core.members import Language
from scheduler.composing import Occasion

Fields = Mapping[str, object]  # what a version replaces: {"text": ...}, {"question": ..., ...}
Versions = Mapping[str, Fields]  # by Language value
# Group chats are read by people of all four countries: English, the network's working language.
GROUP_LANGUAGE = Language.EN
EVENT_FIELDS = ("title", "description")


def form_for(reader: Language | None, versions: Versions) -> Language | None:
    """The form a reader gets: their own if there is a version in it, else None (the author's)."""
    return reader if reader is not None and reader.value in versions else None


def for_reader(occasion: Occasion, reader: Language | None) -> Occasion:
    """The occasion in the reader's form: its payload, and its event, in their version if any."""
    form = form_for(reader, occasion.versions)
    if form is None:
        return occasion
    chosen = occasion.versions[form.value]
    event = occasion.event
    if event is not None:
        changes = {name: str(chosen[name]) for name in EVENT_FIELDS if name in chosen}
        event = replace(event, **changes)  # type: ignore[arg-type]  # only str fields change
    return replace(occasion, payload={**occasion.payload, **chosen}, event=event)


def shares(readers: Iterable[Language | None], versions: Versions) -> dict[Language | None, int]:
    """How many readers get each version (None: the author's text), largest first."""
    counted = Counter(form_for(reader, versions) for reader in readers)
    return dict(sorted(counted.items(), key=lambda item: (-item[1], str(item[0]))))


def stored(versions: Mapping[Language, Fields]) -> dict[str, dict[str, object]]:
    """Versions as a schedule or event keeps them."""
    return {language.value: dict(fields) for language, fields in versions.items()}
