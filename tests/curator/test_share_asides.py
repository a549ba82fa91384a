"""/share and what a member writes beside it: a question is never stored as a field."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.conversation.asides import looks_like_a_question
from bot.conversation.dialog_tables import PausedDialogRow
from bot.languages import texts
from tests.bot.people import Network, Person
from tests.curator.test_sharing import ACTION, NOT_WORKED, SITUATION, WORKED

QUESTION = "What is a person of trust?"


async def midway(member: Person) -> None:
    """The member has told the situation and waits to be asked what was done."""
    await member.says("/share")
    await member.says(SITUATION)


async def test_a_question_in_the_form_is_recognised_and_not_stored(alice: Person) -> None:
    """A question typed where the action was expected: three choices, and the step unanswered."""
    await midway(alice)
    [offer] = await alice.says(QUESTION)
    assert offer.text == texts.QUESTION_BESIDE_FORM
    assert offer.labels == [texts.PAUSE_AND_ASK, texts.LEAVE_AND_ASK, texts.KEEP_AS_ANSWER]


async def test_keeping_the_draft_answers_the_question_and_share_goes_on(
    network: Network, alice: Person
) -> None:
    """Pause: the draft is kept, the question answered; /share comes back to the same step."""
    await midway(alice)
    await alice.says(QUESTION)
    paused, answer = await alice.presses(texts.PAUSE_AND_ASK)
    assert paused.text == texts.FORM_PAUSED.format(command="/share")
    assert answer.labels == ["👍", "👎"]
    resumed, asked = await alice.says("/share")
    assert resumed.text == texts.FORM_RESUMED
    assert asked.text == texts.ASK_ACTION + "\n" + texts.STOP_HINT
    for said in (ACTION, WORKED, NOT_WORKED):
        await alice.says(said)
    await alice.presses(texts.COUNTRY_NAMES["RS"])
    await alice.presses(texts.SKIP)
    [preview] = await alice.presses(texts.NO)
    assert SITUATION in preview.text
    assert QUESTION not in preview.text


async def test_leaving_the_form_answers_the_question_and_keeps_nothing(
    network: Network, alice: Person
) -> None:
    """Leave: the form is gone, the question answered, and /share starts afresh."""
    await midway(alice)
    await alice.says(QUESTION)
    left, answer = await alice.presses(texts.LEAVE_AND_ASK)
    assert left.text == texts.FORM_LEFT
    assert answer.labels == ["👍", "👎"]
    [first] = await alice.says("/share")
    assert first.text == texts.ASK_SITUATION + "\n" + texts.STOP_HINT


async def test_a_question_that_is_the_answer_can_be_kept_as_it(alice: Person) -> None:
    """It is my answer: the text is taken for the step after all, and the form goes on."""
    await midway(alice)
    await alice.says("Why did nobody report it?")
    [next_question] = await alice.presses(texts.KEEP_AS_ANSWER)
    assert next_question.text == texts.ASK_WORKED


async def test_typing_on_instead_of_choosing_drops_the_question(alice: Person) -> None:
    """The member ignores the choice and writes the action: that is what the step keeps."""
    await midway(alice)
    await alice.says(QUESTION)
    [following] = await alice.says(ACTION)
    assert following.text == texts.ASK_WORKED
    assert await alice.presses(texts.KEEP_AS_ANSWER) == []
    assert alice.last_notice == texts.BUTTON_EXPIRED


async def test_a_command_in_the_form_sets_the_draft_aside(alice: Person) -> None:
    """/topics in the middle of /share: the draft is kept, said so, and the topics shown."""
    await midway(alice)
    replies = await alice.says("/topics")
    assert replies[0].text == texts.FORM_PAUSED.format(command="/share")
    assert len(replies) > 1
    [_, asked] = await alice.says("/share")
    assert asked.text.startswith(texts.ASK_ACTION)


async def test_cancel_still_leaves_the_form(alice: Person) -> None:
    """/cancel is how a form is left on purpose: nothing is set aside."""
    await midway(alice)
    assert [r.text for r in await alice.says("/cancel")] == [texts.STOPPED]
    [first] = await alice.says("/share")
    assert first.text.startswith(texts.ASK_SITUATION)


async def test_forgetting_a_member_drops_their_paused_draft(
    network: Network, alice: Person
) -> None:
    """/forget erases what they wrote in a draft set aside, too."""
    await midway(alice)
    await alice.says("/help")
    async with network.mreza.sessions() as session:
        assert len(list(await session.scalars(select(PausedDialogRow)))) == 1
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    async with network.mreza.sessions() as session:
        assert list(await session.scalars(select(PausedDialogRow))) == []


@pytest.mark.parametrize(
    "text",
    [
        "What is a person of trust?",
        "Šta je osoba od povjerenja",
        "Kako prijaviti uznemiravanje",
        "Где да пријавим узнемиравање",
        "Што е лице од доверба",
        "Дали имаме родов советник",
        "the deadline for the report?",
    ],
)
def test_questions_are_recognised_in_the_four_languages(text: str) -> None:
    """A question mark, or a question word in English, BCMS, Serbian or Macedonian, opening it."""
    assert looks_like_a_question(text)


@pytest.mark.parametrize(
    "text",
    [
        SITUATION,
        ACTION,
        "Jedinica nije imala lice od povjerenja u noćnoj smjeni",
        "Нашата единица немаше лице од доверба",
        "Why? " + "x" * 300,  # a story that happens to contain a question
    ],
)
def test_answers_to_the_form_are_not_taken_for_questions(text: str) -> None:
    """What members write as a situation or an action goes into the form as it is."""
    assert not looks_like_a_question(text)


async def test_share_again_in_the_middle_of_the_form_goes_on_with_it(alice: Person) -> None:
    """/share typed while the form is open picks it up where it is instead of starting over."""
    await midway(alice)
    resumed, asked = await alice.says("/share")
    assert resumed.text == texts.FORM_RESUMED
    assert asked.text.startswith(texts.ASK_ACTION)
