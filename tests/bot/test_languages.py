"""A whole conversation in the member's language: every message, button label and notice."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

import pytest

from bot.languages import texts
from bot.languages.i18n import Translate
from core.members import Language, Role
from tests.bot.people import Network, Person

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Transcript:
    """A member who joined in a local language, after a whole conversation."""

    person: Person
    language: Language
    tr: Translate


def interface_texts() -> list[str]:
    """Every text of bot/languages/texts.py, dictionaries included."""
    found: list[str] = []
    for name, value in vars(texts).items():
        if isinstance(value, str) and not name.startswith("_"):
            found.append(value)
        elif isinstance(value, dict):
            found += [v for v in value.values() if isinstance(v, str)]
    return found


def pieces(text: str, shortest: int) -> set[str]:
    """The literal lines of a text, without its placeholders."""
    literal = [part for part, _, _, _ in string.Formatter().parse(text)]
    stripped = (line.strip() for part in literal for line in part.split("\n"))
    return {p for p in stripped if len(p) >= shortest}


async def converse(person: Person, tr: Translate) -> None:
    """Ask, vote, browse, pass a question on, try commands and a forged button, keep the data."""
    await person.says("what is a person of trust")
    await person.presses("👍")
    await person.says("glass ceiling women officers")
    await person.presses(person.last_message.labels[0])
    await person.says("what is the weather in Podgorica")
    await person.presses(tr(texts.PASS_ON))
    for command in ("/help", "/whoami", "/foo", "/ask", "/invite", "/unanswered", "/topics"):
        await person.says(command)
    await person.presses(person.last_message.labels[0])
    await person.says("x" * 1200)
    await person.sends_press("forged")
    await person.says("/forget")
    await person.presses(tr(texts.FORGET_NO))
    await person.says("/start")


@pytest.fixture(
    params=[("mk", Language.MK), ("sr", Language.SR_CYRL), ("bs", Language.BCMS)],
    ids=["mk", "sr-cyrl", "bcms"],
)
async def transcript(request: pytest.FixtureRequest, network: Network) -> Transcript:
    """Someone joins from an app in a local language and talks to Mreža for a while."""
    code, language = request.param
    await network.member("Koordinator", country="MK", role=Role.COORDINATOR)
    person = network.stranger("Jovana", language_code=code)
    await person.says(f"/start {await network.invite(country='MK')}")
    await converse(person, network.tr(language))
    return Transcript(person, language, network.tr(language))


async def test_no_message_contains_english_interface_text(
    network: Network, transcript: Transcript
) -> None:
    """No interface sentence reaches the member untranslated (entry cards, whose sources keep
    their original titles, aside)."""
    english = {
        piece
        for text in interface_texts()
        for piece in pieces(text, 12)
        if piece not in transcript.tr(text)
    }
    entries = network.mreza.librarian.entries
    titles = {entry.title for entry in entries} | {
        form.title for entry in entries for form in entry.translations
    }
    said = [m.text for m in transcript.person.messages if m.text.split("\n")[0] not in titles]
    assert len(said) >= 15
    assert [(piece, text) for text in said for piece in english if piece in text] == []


async def test_every_message_speaks_the_members_language(transcript: Transcript) -> None:
    """Each message carries text of the member's catalog (cards: the translated "Sources")."""
    local = {
        piece
        for text in interface_texts()
        for piece in pieces(transcript.tr(text), 4)
        if piece not in text
    }
    said = [m.text for m in transcript.person.messages]
    assert [text for text in said if not any(piece in text for piece in local)] == []


async def test_every_message_is_in_the_languages_script(transcript: Transcript) -> None:
    """Macedonian and Serbian Cyrillic messages are in Cyrillic; BCMS ones are not."""
    cyrillic = transcript.language in (Language.MK, Language.SR_CYRL)
    said = [m.text for m in transcript.person.messages]
    assert [text for text in said if bool(CYRILLIC.search(text)) != cyrillic] == []


async def test_button_labels_are_translated(transcript: Transcript) -> None:
    """Interface buttons (pass on, yes, no) are labelled in the member's language."""
    labels = {label for m in transcript.person.messages for label in m.labels}
    tr = transcript.tr
    assert {tr(texts.PASS_ON), tr(texts.FORGET_YES), tr(texts.FORGET_NO)} <= labels
    assert {texts.PASS_ON, texts.FORGET_YES, texts.FORGET_NO}.isdisjoint(labels)


async def test_notices_are_translated(network: Network, transcript: Transcript) -> None:
    """The thanks for a vote and "this button has expired" come in the member's language."""
    shown = [notice for notice in network.notices() if notice is not None]
    tr = transcript.tr
    assert shown == [tr(texts.THANKS_FEEDBACK), tr(texts.BUTTON_EXPIRED)]


async def test_cards_carry_the_translated_sources_heading(transcript: Transcript) -> None:
    """An answer's sources are headed in the member's language."""
    cards = [m for m in transcript.person.messages if m.labels[:1] == ["👍"]]
    assert cards
    assert all(f"\n\n{transcript.tr(texts.SOURCES)}\n• " in card.text for card in cards)


async def test_a_passed_on_question_reaches_a_coordinator_in_their_own_language(
    network: Network, ana: Person
) -> None:
    """Ana asks in Macedonian; her English-speaking coordinator reads the hand-over in English."""
    goran = await network.member("Goran", country="MK", role=Role.COORDINATOR)
    await ana.says("кое е времето во Скопје")
    replies = await ana.presses(network.tr(Language.MK)(texts.PASS_ON))
    handed_over = texts.HANDED_OVER.format(
        country="North Macedonia", question="кое е времето во Скопје"
    )
    assert [r.text for r in replies if r.chat == goran.chat] == [handed_over]
    assert ana.last_message.text == network.tr(Language.MK)(texts.PASSED_ON)
