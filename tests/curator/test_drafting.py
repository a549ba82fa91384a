"""A new entry drafted from an unanswered group in Telegram: a short dialog, then review."""

from __future__ import annotations

from bot.languages import texts
from core.members import Role
from tests.bot.people import Network, Person

PARKING = "where can I park at the ministry"
PARKING_AGAIN = "where can i park at the ministry building"
TITLE = "Parking at the ministry"
ANSWER = "Visitors park at the main gate; staff need a **permit** from the logistics office."
DRAFT_CARD_HEAD = "Draft #1 from group #1 (regional, "


async def queued(asker: Person, coordinator: Person) -> None:
    """A member asked what Mreža cannot answer; the coordinator opened the queue."""
    await asker.says(PARKING)
    await coordinator.says("/unanswered")


async def drafts(coordinator: Person, title: str = TITLE, answer: str = ANSWER) -> None:
    """The coordinator drafts an entry from the group on screen and confirms it."""
    await coordinator.presses(texts.DRAFT_NEW_ENTRY)
    await coordinator.says(title)
    await coordinator.says(answer)
    await coordinator.presses(texts.CONFIRM)


async def test_each_group_offers_to_draft_a_new_entry(alice: Person, cora: Person) -> None:
    """A group's card has "Draft a new entry" just above "Out of scope"."""
    await queued(alice, cora)
    assert cora.last_message.labels[-2:] == [texts.DRAFT_NEW_ENTRY, texts.OUT_OF_SCOPE]


async def test_the_dialog_asks_for_the_title_then_the_answer(alice: Person, cora: Person) -> None:
    """Draft asks for the title (with the /cancel hint), then for the answer."""
    await queued(alice, cora)
    [ask] = await cora.presses(texts.DRAFT_NEW_ENTRY)
    assert ask.text == texts.ASK_DRAFT_TITLE.format(group=1) + "\n" + texts.STOP_HINT
    assert [r.text for r in await cora.says(TITLE)] == [texts.ASK_DRAFT_ANSWER]


async def test_a_title_past_80_characters_is_asked_again(alice: Person, cora: Person) -> None:
    """An 81-character title is refused with the limit; the dialog waits for another."""
    await queued(alice, cora)
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    replies = await cora.says("x" * 81)
    assert [r.text for r in replies] == [texts.PROBLEMS["too-long"].format(limit=80)]
    assert [r.text for r in await cora.says(TITLE)] == [texts.ASK_DRAFT_ANSWER]


async def test_an_empty_answer_is_refused(alice: Person, cora: Person) -> None:
    """A blank answer gets the "empty" explanation."""
    await queued(alice, cora)
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    await cora.says(TITLE)
    assert [r.text for r in await cora.says("  ")] == [texts.PROBLEMS["empty"]]


async def test_an_answer_with_broken_markup_is_refused_with_the_reason(
    alice: Person, cora: Person
) -> None:
    """An unclosed ** is the knowledge base's invalid markup, said with the line."""
    await queued(alice, cora)
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    await cora.says(TITLE)
    [reply] = await cora.says("Staff need a **permit")
    assert reply.text == texts.PROBLEMS["markup"].format(reason="line 1: unbalanced '**'")


async def test_an_answer_longer_than_one_message_is_refused(alice: Person, cora: Person) -> None:
    """An answer that would not fit one Telegram message with its title is refused."""
    await queued(alice, cora)
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    await cora.says(TITLE)
    [reply] = await cora.says("word " * 1000)
    assert reply.text.startswith("That answer is too long for one message: ")
    assert reply.text.endswith("at most 4096.")


async def test_the_preview_shows_the_draft_and_the_groups_questions(
    alice: Person, bob: Person, cora: Person
) -> None:
    """Before Confirm: title, answer and every wording of the group's questions."""
    await alice.says(PARKING)
    await bob.says(PARKING_AGAIN)
    await cora.says("/unanswered")
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    await cora.says(TITLE)
    [preview] = await cora.says(ANSWER)
    assert preview.text == texts.DRAFT_SUMMARY.format(
        title=TITLE, answer=ANSWER, phrasings=f"– {PARKING}\n– {PARKING_AGAIN}"
    )
    assert preview.labels == [texts.CONFIRM, texts.CANCEL, texts.BACK]


async def test_a_confirmed_draft_waits_for_review_and_leaves_the_queue(
    alice: Person, cora: Person
) -> None:
    """Confirm: the draft is submission #1 with one phrasing; the group is off /unanswered."""
    await queued(alice, cora)
    await drafts(cora)
    assert cora.last_message.text == texts.DRAFT_QUEUED.format(id=1, count=1, group=1)
    assert [r.text for r in await cora.says("/unanswered")] == [texts.UNANSWERED_EMPTY]
    [card] = await cora.says("/submissions")
    assert card.text.startswith(DRAFT_CARD_HEAD)
    assert card.text.endswith(f"\nTitle: {TITLE}\nAnswer: {ANSWER}\nKeywords: -\n"
                              f"It will also answer:\n– {PARKING}")  # fmt: skip
    assert card.labels == [texts.ACCEPT, texts.DECLINE, texts.EDIT]


async def test_an_accepted_draft_answers_the_groups_question_at_once(
    network: Network, alice: Person, bob: Person, cora: Person
) -> None:
    """Accept: the entry has the title and the group's question as phrasings, served now."""
    await queued(alice, cora)
    await drafts(cora)
    await cora.says("/submissions")
    [done] = await cora.presses(texts.ACCEPT)
    assert done.text == texts.SUBMISSION_ACCEPTED.format(id=1, entry="parking-at-the-ministry-1")
    entry = network.mreza.librarian.entry("parking-at-the-ministry-1")
    assert entry is not None
    assert [(q.text, q.curated) for q in entry.questions] == [(TITLE, False), (PARKING, False)]
    [answer] = await bob.says(PARKING)
    assert answer.text.startswith(TITLE + "\n")


async def test_a_cancelled_draft_stores_nothing(alice: Person, cora: Person) -> None:
    """Cancel at the preview: nothing is queued, and the group still waits."""
    await queued(alice, cora)
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    await cora.says(TITLE)
    await cora.says(ANSWER)
    assert [r.text for r in await cora.presses(texts.CANCEL)] == [texts.STOPPED]
    assert [r.text for r in await cora.says("/submissions")] == [texts.SUBMISSIONS_NONE]
    assert len(await cora.says("/unanswered")) == 2


async def test_a_group_cannot_be_drafted_twice(alice: Person, cora: Person) -> None:
    """The same card's Draft, pressed after a draft was queued, is refused and opens nothing."""
    await queued(alice, cora)
    card = cora.last_message
    await drafts(cora)
    assert await cora.sends_press(card.button(texts.DRAFT_NEW_ENTRY).data) == []
    assert cora.last_notice == texts.GROUP_DECIDED


async def test_a_dismissed_group_cannot_be_drafted(alice: Person, cora: Person) -> None:
    """Draft after Out of scope is refused with the group's notice."""
    await queued(alice, cora)
    card = cora.last_message
    await cora.presses(texts.OUT_OF_SCOPE)
    assert await cora.sends_press(card.button(texts.DRAFT_NEW_ENTRY).data) == []
    assert cora.last_notice == texts.GROUP_DECIDED


async def test_a_group_decided_during_the_dialog_is_not_drafted(
    network: Network, alice: Person, cora: Person
) -> None:
    """Another coordinator marks the group out of scope before Confirm: nothing is queued."""
    dana = await network.member("Dana", country="ME", role=Role.COORDINATOR)
    await queued(alice, cora)
    await cora.presses(texts.DRAFT_NEW_ENTRY)
    await cora.says(TITLE)
    await cora.says(ANSWER)
    await dana.says("/unanswered")
    await dana.presses(texts.OUT_OF_SCOPE)
    assert [r.text for r in await cora.presses(texts.CONFIRM)] == [texts.GROUP_DECIDED]
    assert [r.text for r in await cora.says("/submissions")] == [texts.SUBMISSIONS_NONE]


async def test_a_declined_draft_puts_the_group_back_in_the_queue(
    alice: Person, cora: Person
) -> None:
    """Decline with a note: the group's questions wait for another decision."""
    await queued(alice, cora)
    await drafts(cora)
    await cora.says("/submissions")
    await cora.presses(texts.DECLINE)
    await cora.says("We do not answer questions about buildings.")
    head, group = await cora.says("/unanswered")
    assert head.text == texts.UNANSWERED_QUEUE_HEAD.format(shown=1, total=1)
    assert group.text.startswith("#1 · 1× · RS 1 · ")


async def test_a_member_cannot_press_draft(network: Network, alice: Person, cora: Person) -> None:
    """A Draft button signed for a member's own chat still needs the coordinator's role."""
    await queued(alice, cora)
    forged = network.signer.sign(alice.chat, "n", "1")
    assert await alice.sends_press(forged) == []
    assert alice.last_notice == texts.NOT_ALLOWED


async def test_an_unknown_group_cannot_be_drafted(network: Network, cora: Person) -> None:
    """A press naming no group is refused like a decided one."""
    assert await cora.sends_press(network.signer.sign(cora.chat, "n", "99")) == []
    assert cora.last_notice == texts.GROUP_DECIDED
