"""Members read answers in their own language: titles, answers, headings and choices; a lesson
nobody has translated yet comes as written, with a note in the member's language."""

from __future__ import annotations

from bot.conversation.turn import shortened
from bot.languages import texts
from core.members import Language, Role
from knowledge.entry import Entry
from tests.bot.accepted import accepted_lesson
from tests.bot.people import Network, Person

AMBIGUOUS = "glass ceiling women officers"


def entry(network: Network, entry_id: str) -> Entry:
    found = network.mreza.librarian.entry(entry_id)
    assert found is not None, entry_id
    return found


async def test_a_macedonian_member_reads_the_macedonian_title_and_answer(
    network: Network, ana: Person
) -> None:
    """Asked in Macedonian, the card is in Macedonian: title, answer and the "Sources" heading."""
    trust = entry(network, "persons-of-trust")
    mk = trust.translation("mk")
    assert mk is not None
    [card] = await ana.says("Што е лице од доверба?")
    assert card.text.startswith(mk.title + "\n\n")
    assert mk.answer.split("\n")[0].replace("**", "") in card.text
    assert "A person of trust is a colleague" not in card.text
    assert "\n\nИзвори\n• " in card.text
    assert network.tr(Language.MK)(texts.NOT_TRANSLATED) not in card.text
    assert card.labels == ["👍", "👎"]


async def test_sources_keep_their_original_titles(network: Network, ana: Person) -> None:
    """A publication is named as it was published, whatever the member's language."""
    trust = entry(network, "persons-of-trust")
    [card] = await ana.says("Што е лице од доверба?")
    assert all(source.title in card.text for source in trust.sources)


async def test_a_question_in_english_is_answered_in_the_members_language(
    network: Network,
) -> None:
    """The member's language decides the card's language, not the question's."""
    milica = await network.member("Milica", country="RS", language=Language.SR_CYRL)
    sr = entry(network, "persons-of-trust").translation("sr-cyrl")
    assert sr is not None
    [card] = await milica.says("what is a person of trust")
    assert card.text.startswith(sr.title + "\n\n")
    assert "\n\nИзвори\n• " in card.text


async def test_clarify_choices_are_titles_in_serbian_cyrillic(network: Network) -> None:
    """A Serbian member choosing between close entries reads their Cyrillic titles."""
    milica = await network.member("Milica", country="RS", language=Language.SR_CYRL)
    offered = network.mreza.librarian.find(AMBIGUOUS).choices
    replies = await milica.says(AMBIGUOUS)
    assert [r.text for r in replies] == [network.tr(Language.SR_CYRL)(texts.CLARIFY)]
    cyrillic = [entry(network, h.entry_id).translation("sr-cyrl") for h in offered]
    assert replies[0].labels == [shortened(t.title) for t in cyrillic if t is not None]


async def test_pressing_a_cyrillic_choice_shows_the_cyrillic_card(network: Network) -> None:
    """The chosen entry comes in the language its button was in."""
    milica = await network.member("Milica", country="RS", language=Language.SR_CYRL)
    await milica.says(AMBIGUOUS)
    first = network.mreza.librarian.find(AMBIGUOUS).choices[0]
    sr = entry(network, first.entry_id).translation("sr-cyrl")
    assert sr is not None
    [card] = await milica.presses(milica.last_message.labels[0])
    assert card.text.startswith(sr.title + "\n\n")


async def test_an_untranslated_lesson_comes_as_written_with_a_note(
    network: Network, ana: Person
) -> None:
    """A Macedonian member reads a lesson accepted today in English, told it is not translated."""
    author = await network.member("Emina", country="BA")
    title = "Night shifts for parents of small children"
    answer = "Rotate night shifts so that parents of children under three work them last."
    await accepted_lesson(network, author, title, answer)
    [card] = await ana.says(title)
    note = network.tr(Language.MK)(texts.NOT_TRANSLATED)
    assert card.text == f"{title}\n\n{note}\n\n{answer}"


async def test_a_lesson_in_the_readers_own_language_has_no_note(network: Network) -> None:
    """A lesson shared in Bosnian reaches a Bosnian reader as written, with nothing to excuse."""
    author = await network.member("Emina", country="BA", language=Language.BCMS)
    reader = await network.member("Amra", country="BA", language=Language.BCMS)
    coordinator = await network.member("Cora", country="BA", role=Role.COORDINATOR)
    title = "Noćne smjene za roditelje male djece"
    answer = "Noćne smjene rasporedite tako da ih roditelji djece mlađe od tri godine rade zadnji."
    await accepted_lesson(network, author, title, answer)
    [card] = await reader.says(title)
    assert card.text == f"{title}\n\n{answer}"
    [english_card] = await coordinator.says(title)
    assert texts.NOT_TRANSLATED in english_card.text
