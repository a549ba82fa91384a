"""A submission edited in Telegram before it is accepted: a field, its new text, the card again."""

from __future__ import annotations

from bot.languages import texts
from core.members import Role
from tests.bot.people import Network, Person
from tests.curator.test_drafting import ANSWER, TITLE, drafts, queued
from tests.curator.test_sharing import SITUATION, WORKED, shares

NEW_TITLE = "Persons of trust on night shifts"
LESSON_FIELDS = [texts.FIELD_NAMES[f] for f in (
    "title", "situation", "action", "worked", "not_worked", "answer", "country", "tags",
)]  # fmt: skip


async def editing(member: Person, coordinator: Person, field: str) -> None:
    """The member shared a lesson; the coordinator opened it and chose a field to edit."""
    await shares(member)
    await coordinator.says("/submissions")
    await coordinator.presses(texts.EDIT)
    await coordinator.presses(texts.FIELD_NAMES[field])


async def test_edit_offers_every_field_of_a_lesson(alice: Person, cora: Person) -> None:
    """Edit asks what should change, with the lesson's eight fields as buttons."""
    await shares(alice)
    await cora.says("/submissions")
    [ask] = await cora.presses(texts.EDIT)
    assert ask.text == texts.ASK_EDIT_FIELD.format(id=1)
    assert ask.labels == LESSON_FIELDS


async def test_a_field_shows_its_text_and_asks_for_the_new_one(alice: Person, cora: Person) -> None:
    """A field's button shows what it says now, and the /cancel hint."""
    await shares(alice)
    await cora.says("/submissions")
    await cora.presses(texts.EDIT)
    [ask] = await cora.presses(texts.FIELD_NAMES["worked"])
    name = texts.FIELD_NAMES["worked"]
    expected = texts.ASK_EDIT_VALUE.format(id=1, field=name, current=WORKED)
    assert ask.text == expected + "\n" + texts.STOP_HINT


async def test_a_new_title_comes_back_on_the_card_with_its_buttons(
    alice: Person, cora: Person
) -> None:
    """After the new text, the card shows it, with Accept, Decline and Edit."""
    await editing(alice, cora, "title")
    [card] = await cora.says(NEW_TITLE)
    assert f"\nTitle: {NEW_TITLE}\nSituation: {SITUATION}\n" in card.text
    assert card.labels == [texts.ACCEPT, texts.DECLINE, texts.EDIT]


async def test_accept_uses_the_edited_title(network: Network, alice: Person, cora: Person) -> None:
    """The entry takes the edited title, and its author hears it."""
    await editing(alice, cora, "title")
    await cora.says(NEW_TITLE)
    done, _told = await cora.presses(texts.ACCEPT)
    entry_id = "persons-of-trust-on-night-shifts-1"
    assert done.text == texts.SUBMISSION_ACCEPTED.format(id=1, entry=entry_id)
    entry = network.mreza.librarian.entry(entry_id)
    assert entry is not None
    assert entry.title == NEW_TITLE
    assert alice.last_message.text == texts.SHARE_ACCEPTED.format(id=1, title=NEW_TITLE)


async def test_an_edited_answer_becomes_the_entrys_answer(
    network: Network, alice: Person, cora: Person
) -> None:
    """A written answer replaces the composed one; the author who agreed is still credited."""
    await editing(alice, cora, "answer")
    [card] = await cora.says("Appoint one person of trust per shift.")
    assert card.text.endswith("\n" + texts.SUBMISSION_ANSWER.format(
        answer="Appoint one person of trust per shift."
    ))  # fmt: skip
    await cora.presses(texts.ACCEPT)
    entry = network.mreza.librarian.entry("our-unit-had-no-person-of-1")
    assert entry is not None
    assert entry.answer == "Appoint one person of trust per shift.\n\n_Shared by Alice (RS)._"


async def test_the_country_is_chosen_with_buttons(alice: Person, cora: Person) -> None:
    """Country shows the countries as buttons; a press puts the new one on the card."""
    await editing(alice, cora, "country")
    ask = cora.last_message
    assert ask.text.startswith(texts.ASK_EDIT_COUNTRY.format(id=1, current="Serbia"))
    assert texts.COUNTRY_NAMES["ME"] in ask.labels
    [card] = await cora.presses(texts.COUNTRY_NAMES["ME"])
    assert card.text.startswith("Lesson #1 (ME, ")


async def test_keywords_are_made_slugs_like_the_forms(alice: Person, cora: Person) -> None:
    """New keywords are cleaned as /share cleans them."""
    await editing(alice, cora, "tags")
    [card] = await cora.says("Night shifts, Persons of trust")
    assert "\nKeywords: night-shifts, persons-of-trust\n" in card.text


async def test_a_text_past_the_forms_limit_is_asked_again(alice: Person, cora: Person) -> None:
    """10,000 characters for "What worked" is refused with the form's limit; nothing changes."""
    await editing(alice, cora, "worked")
    replies = await cora.says("x" * 10_000)
    assert [r.text for r in replies] == [texts.PROBLEMS["too-long"].format(limit=2000)]
    [card] = await cora.says("/submissions")
    assert f"\nWhat worked: {WORKED}\n" in card.text


async def test_an_answer_with_broken_markup_is_asked_again(alice: Person, cora: Person) -> None:
    """An edited answer is checked like the knowledge base's answers."""
    await editing(alice, cora, "answer")
    [reply] = await cora.says("Appoint [two](javascript:alert)")
    reason = "line 1: link to 'javascript:alert' is not an http(s) URL"
    assert reply.text == texts.PROBLEMS["markup"].format(reason=reason)


async def test_a_draft_offers_only_its_own_fields(alice: Person, cora: Person) -> None:
    """A draft from the queue has a title, an answer, a country and keywords to edit."""
    await queued(alice, cora)
    await drafts(cora)
    await cora.says("/submissions")
    [ask] = await cora.presses(texts.EDIT)
    names = ("title", "answer", "country", "tags")
    assert ask.labels == [texts.FIELD_NAMES[f] for f in names]


async def test_an_edited_draft_is_accepted_as_edited(
    network: Network, alice: Person, cora: Person
) -> None:
    """A draft's answer and country, edited, are the entry's."""
    await queued(alice, cora)
    await drafts(cora)
    await cora.says("/submissions")
    await cora.presses(texts.EDIT)
    await cora.presses(texts.FIELD_NAMES["answer"])
    await cora.says("Ask the duty officer at the main gate.")
    await cora.presses(texts.EDIT)
    await cora.presses(texts.FIELD_NAMES["country"])
    [card] = await cora.presses(texts.COUNTRY_NAMES["ME"])
    assert card.text.startswith("Draft #1 from group #1 (ME, ")
    await cora.presses(texts.ACCEPT)
    entry = network.mreza.librarian.entry("parking-at-the-ministry-1")
    assert entry is not None
    assert (entry.title, entry.answer, entry.countries) == (
        TITLE, "Ask the duty officer at the main gate.", ("ME",)
    )  # fmt: skip
    assert ANSWER not in entry.answer


async def test_a_field_not_in_the_list_is_refused(
    network: Network, alice: Person, cora: Person
) -> None:
    """A press naming a field the lesson lacks gets a clear notice and asks for nothing."""
    await shares(alice)
    forged = network.signer.sign(cora.chat, "m", "f.1.author")
    assert await cora.sends_press(forged) == []
    assert cora.last_notice == texts.FIELD_UNKNOWN


async def test_a_drafts_situation_is_not_in_its_list(
    network: Network, alice: Person, cora: Person
) -> None:
    """A draft has no situation: a press for one is refused."""
    await queued(alice, cora)
    await drafts(cora)
    assert await cora.sends_press(network.signer.sign(cora.chat, "m", "f.1.situation")) == []
    assert cora.last_notice == texts.FIELD_UNKNOWN


async def test_a_reviewed_lesson_cannot_be_edited(alice: Person, cora: Person) -> None:
    """Edit after Accept is answered with a notice, and opens nothing."""
    await shares(alice)
    await cora.says("/submissions")
    card = cora.last_message
    await cora.presses(texts.ACCEPT)
    assert await cora.sends_press(card.button(texts.EDIT).data) == []
    assert cora.last_notice == texts.SUBMISSION_DECIDED


async def test_an_unknown_lesson_cannot_be_edited(network: Network, cora: Person) -> None:
    """A press naming no submission gets the same notice."""
    assert await cora.sends_press(network.signer.sign(cora.chat, "m", "f.9.title")) == []
    assert cora.last_notice == texts.SUBMISSION_DECIDED


async def test_a_lesson_accepted_during_the_edit_keeps_its_text(
    network: Network, alice: Person, cora: Person
) -> None:
    """Another coordinator accepts first: the new text is refused and the entry is as accepted."""
    dana = await network.member("Dana", country="ME", role=Role.COORDINATOR)
    await editing(alice, cora, "title")
    await dana.says("/submissions")
    await dana.presses(texts.ACCEPT)
    assert [r.text for r in await cora.says(NEW_TITLE)] == [texts.SUBMISSION_DECIDED]
    entry = network.mreza.librarian.entry("our-unit-had-no-person-of-1")
    assert entry is not None
    assert entry.title == SITUATION


async def test_members_cannot_edit(network: Network, alice: Person) -> None:
    """An Edit button signed for a member's own chat still needs the coordinator's role."""
    await shares(alice)
    assert await alice.sends_press(network.signer.sign(alice.chat, "m", "e.1")) == []
    assert alice.last_notice == texts.NOT_ALLOWED


async def test_a_lesson_too_long_for_one_message_waits_for_a_shorter_answer(
    network: Network, alice: Person, cora: Person
) -> None:
    """Four full answers of the form make more than one message: accept says what to do and
    keeps the lesson; with a shorter written answer it becomes an entry."""
    await alice.says("/share")
    for word in ("situation", "action", "worked", "missed"):
        await alice.says((f"{word} " * 300)[:1900])  # within the form's 2,000 each
    await alice.presses(texts.COUNTRY_NAMES["RS"])
    await alice.says("shifts")
    await alice.presses(texts.NO)
    await alice.presses(texts.CONFIRM)
    await cora.says("/submissions")
    [refusal] = await cora.presses(texts.ACCEPT)
    assert refusal.text == texts.SUBMISSION_NOT_AN_ENTRY.format(id=1)
    entry = "situation-situation-situation-situation-situation-situation-1"
    assert network.mreza.librarian.entry(entry) is None
    await cora.presses(texts.EDIT)
    await cora.presses(texts.FIELD_NAMES["answer"])
    await cora.says("Rotate the night shifts fairly.")
    done, *_ = await cora.presses(texts.ACCEPT)
    assert done.text == texts.SUBMISSION_ACCEPTED.format(id=1, entry=entry)
    assert [r.text for r in await cora.says("/submissions")] == [texts.SUBMISSIONS_NONE]
