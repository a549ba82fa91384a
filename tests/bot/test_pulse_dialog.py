"""/pulse: a coordinator is guided step by step; nothing is scheduled before Confirm."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.clock import FakeClock
from core.members import Role
from scheduler.planner import Planner
from tests.bot.people import Network, Person
from tests.bot.scheduled import LATER, schedule_rows

QUESTION = "Do you know whom to tell if you face harassment at work?"


async def up_to_preview(cora: Person, kind: str = texts.KIND_SINGLE) -> None:
    """Answer every step: options for option kinds, everyone, LATER, once, 3 days, confidential."""
    await cora.says("/pulse")
    await cora.says(QUESTION)
    await cora.presses(kind)
    if kind in (texts.KIND_SINGLE, texts.KIND_MULTIPLE):
        await cora.says("Yes\nNo\nNot sure")
    await cora.presses(texts.VERSIONS_DONE)
    await cora.presses(texts.NO)
    await cora.says(texts.EVERYONE)
    await cora.says(LATER)
    await cora.presses(texts.ONCE)
    await cora.presses(texts.THREE_DAYS)
    await cora.presses(texts.CONFIDENTIAL)


async def test_the_preview_shows_the_question_and_the_facts(cora: Person, alice: Person) -> None:
    """The preview is the pulse as members read it, then recipients, mode, and Confirm."""
    await up_to_preview(cora)
    preview, facts = cora.messages[-2:]
    assert QUESTION in preview.text
    assert "• Yes\n• No\n• Not sure" in preview.text
    assert "Recipients: 2" in facts.text
    assert "Mode: Confidential" in facts.text
    assert facts.labels == [texts.CONFIRM, texts.CANCEL, texts.BACK]


async def test_confirm_schedules_the_pulse(network: Network, cora: Person) -> None:
    """Confirm stores one pulse with its options, by Cora, and says its number."""
    await up_to_preview(cora)
    [reply] = await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert reply.text == texts.PULSE_SCHEDULED.format(id=row.id)
    assert row.kind == "pulse"
    assert row.payload["options"] == ["Yes", "No", "Not sure"]
    assert row.payload["remind_minutes"] == 2 * 24 * 60
    assert row.created_by == (await cora.member()).id


async def test_a_scale_skips_the_options(network: Network, cora: Person) -> None:
    """Agreement 1 to 5 asks for no options: after the kind come versions, then comments."""
    await cora.says("/pulse")
    await cora.says(QUESTION)
    [reply] = await cora.presses(texts.KIND_LIKERT)
    assert reply.text == texts.ASK_VERSIONS
    [reply] = await cora.presses(texts.VERSIONS_DONE)
    assert reply.text == texts.ASK_PULSE_COMMENT_ALLOWED
    await up_to_preview(cora, texts.KIND_LIKERT)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert (row.payload["scale"], row.payload["options"]) == ("likert5", [])


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ("Yes", texts.PROBLEMS["options-count"]),
        ("\n".join(f"Option {n}" for n in range(13)), texts.PROBLEMS["options-count"]),
        ("Yes\nyes", texts.PROBLEMS["options-duplicate"]),
        ("Yes\n" + "x" * 101, texts.PROBLEMS["option-too-long"]),
    ],
)
async def test_bad_options_are_explained(
    network: Network, cora: Person, options: str, problem: str
) -> None:
    """Each bad option list gets its reason and the same question again; nothing is stored."""
    await cora.says("/pulse")
    await cora.says(QUESTION)
    await cora.presses(texts.KIND_SINGLE)
    [reply] = await cora.says(options)
    assert reply.text == problem
    await cora.says("Yes\nNo")
    assert cora.last_message.text == texts.ASK_VERSIONS
    assert await schedule_rows(network) == []


async def test_the_preview_cannot_be_answered(cora: Person) -> None:
    """No answer buttons (and no poll): a vote on a preview would count nowhere."""
    await up_to_preview(cora)
    preview = cora.messages[-2]
    assert preview.buttons == ()
    assert preview.text.endswith(texts.PULSE_PREVIEW_NOTE)


async def test_a_question_too_long_is_refused(cora: Person) -> None:
    """301 characters: the limit is said, and the question asked again."""
    await cora.says("/pulse")
    [reply] = await cora.says("x" * 301)
    assert reply.text == texts.PROBLEMS["question-too-long"]


async def test_a_member_cannot_start_a_pulse(alice: Person) -> None:
    """Only coordinators may."""
    [reply] = await alice.says("/pulse")
    assert reply.text == texts.NOT_ALLOWED


async def test_confidential_is_refused_where_no_secret_key_is_set(
    mreza: Mreza, clock: FakeClock
) -> None:
    """Without the secret key the mode step says why confidential cannot be, and anonymous can."""
    keyless = replace(mreza, planner=Planner(mreza.sessions, mreza.members, clock), secret_key=None)
    network = Network(keyless, clock)
    cora = await network.member("Cora", "RS", Role.COORDINATOR)
    await network.member("Alice", "RS")
    await up_to_preview(cora)
    refusal = cora.messages[-1]
    assert refusal.text.startswith(texts.PROBLEMS["no-key"])
    await cora.presses(texts.ANONYMOUS)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.payload["mode"] == "anonymous"
