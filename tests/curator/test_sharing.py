"""/share: a member's lesson learnt, step by step, to review; accepted or declined in Telegram."""

from __future__ import annotations

from bot.languages import texts
from tests.bot.people import Network, Person

SITUATION = "Our unit had no person of trust for night shifts"
ACTION = "We appointed two, one per shift"
WORKED = "Complaints came earlier"
NOT_WORKED = "The first training was too short"


async def shares(member: Person, credit: str = texts.YES) -> None:
    """The member fills in the whole form and confirms."""
    await member.says("/share")
    for answer in (SITUATION, ACTION, WORKED, NOT_WORKED):
        await member.says(answer)
    await member.presses(texts.COUNTRY_NAMES["RS"])
    await member.says("persons of trust, Night shifts")
    await member.presses(credit)
    await member.presses(texts.CONFIRM)


async def test_the_form_asks_each_question_in_turn(alice: Person) -> None:
    """/share asks the situation first, with the hint that /cancel stops."""
    [first] = await alice.says("/share")
    assert first.text == texts.ASK_SITUATION + "\n" + texts.STOP_HINT
    assert [r.text for r in await alice.says(SITUATION)] == [texts.ASK_ACTION]


async def test_an_empty_answer_is_refused_and_asked_again(alice: Person) -> None:
    """A blank answer gets the "empty" explanation, and the form stays where it was."""
    await alice.says("/share")
    assert [r.text for r in await alice.says("   ")] == [texts.PROBLEMS["empty"]]
    assert [r.text for r in await alice.says(SITUATION)] == [texts.ASK_ACTION]


async def test_10000_characters_are_refused_with_the_limit(alice: Person) -> None:
    """An answer past 2000 characters is refused and nothing is kept."""
    await alice.says("/share")
    replies = await alice.says("x" * 10_000)
    assert [r.text for r in replies] == [texts.PROBLEMS["too-long"].format(limit=2000)]


async def test_the_preview_shows_the_lesson_before_anything_is_sent(alice: Person) -> None:
    """Before Confirm, the member sees every answer, the keywords as tags, and the credit."""
    await alice.says("/share")
    for answer in (SITUATION, ACTION, WORKED, NOT_WORKED):
        await alice.says(answer)
    await alice.presses(texts.COUNTRY_NAMES["RS"])
    await alice.says("persons of trust, Night shifts")
    [preview] = await alice.presses(texts.NO)
    assert "Keywords: persons-of-trust,night-shifts\nNamed as author: No" in preview.text
    assert preview.labels == [texts.CONFIRM, texts.CANCEL, texts.BACK]


async def test_a_confirmed_lesson_waits_for_review(alice: Person, cora: Person) -> None:
    """After Confirm the member is thanked, and /submissions shows it with its buttons."""
    await shares(alice)
    assert alice.last_message.text == texts.SHARE_THANKS.format(id=1)
    [card] = await cora.says("/submissions")
    assert card.text.startswith("Lesson #1 (RS, ")
    assert "Named as author: Yes" in card.text
    assert card.labels == [texts.ACCEPT, texts.DECLINE, texts.EDIT]


async def test_accepting_makes_an_entry_that_answers_at_once(
    network: Network, alice: Person, bob: Person, cora: Person
) -> None:
    """Accept: the entry exists, credits Alice, and its author hears of it."""
    await shares(alice)
    await cora.says("/submissions")
    replies = await cora.presses(texts.ACCEPT)
    entry_id = "our-unit-had-no-person-of-1"
    assert replies[0].text == texts.SUBMISSION_ACCEPTED.format(id=1, entry=entry_id)
    assert alice.last_message.text == texts.SHARE_ACCEPTED.format(id=1, title=SITUATION)
    entry = network.mreza.librarian.entry(entry_id)
    assert entry is not None
    assert "_Shared by Alice (RS)._" in entry.answer
    [answer] = await bob.says(SITUATION)
    assert answer.text.startswith(SITUATION + "\n")


async def test_an_author_who_did_not_agree_is_not_named(
    network: Network, alice: Person, cora: Person
) -> None:
    """Credit No: the entry does not name its author."""
    await shares(alice, credit=texts.NO)
    await cora.says("/submissions")
    await cora.presses(texts.ACCEPT)
    entry = network.mreza.librarian.entry("our-unit-had-no-person-of-1")
    assert entry is not None
    assert "Alice" not in entry.answer


async def test_declining_sends_the_note_to_the_author(alice: Person, cora: Person) -> None:
    """Decline asks for a note; the author gets it through Mreža; the lesson leaves the queue."""
    await shares(alice)
    await cora.says("/submissions")
    [ask] = await cora.presses(texts.DECLINE)
    assert ask.text == texts.ASK_DECLINE_NOTE.format(submission=1) + "\n" + texts.STOP_HINT
    await cora.says("Already covered by persons-of-trust.")
    note = "Already covered by persons-of-trust."
    assert alice.last_message.text == texts.SHARE_DECLINED.format(id=1, note=note)
    assert cora.last_message.text == texts.SUBMISSION_DECLINED.format(id=1)
    assert [r.text for r in await cora.says("/submissions")] == [texts.SUBMISSIONS_NONE]


async def test_a_reviewed_lesson_cannot_be_reviewed_again(alice: Person, cora: Person) -> None:
    """Decline after Accept is answered with a notice, and changes nothing."""
    await shares(alice)
    await cora.says("/submissions")
    await cora.presses(texts.ACCEPT)
    assert await cora.presses(texts.DECLINE) == []
    assert cora.last_notice == texts.SUBMISSION_DECIDED


async def test_members_cannot_review(alice: Person) -> None:
    """/submissions is for coordinators."""
    assert [r.text for r in await alice.says("/submissions")] == [texts.NOT_ALLOWED]
