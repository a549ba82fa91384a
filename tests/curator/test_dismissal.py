"""Dismissal teaches: once a coordinator marks a group out of scope, its questions and close
variants get no answer, or the redirect that fits them; and a dismissal can be undone."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import update
from typer.testing import CliRunner, Result

from bot.app import open_mreza
from bot.languages import texts
from core.clock import FakeClock
from core.settings import BUNDLED_KB_PATH, Settings
from knowledge.entry_tables import AskedRow
from knowledge.search import Decision, Searcher
from tests.bot.people import Person
from tests.commands import build, shared_groundwork
from tests.moment import NOW

SPENDING = "How much money does North Macedonia spend on its army in 2024?"
SPENDING_AGAIN = "how much money does north macedonia spend on its army"
NAP_TITLE = "North Macedonia's action plans for UNSCR 1325"


async def wrongly_answered_and_dismissed(alice: Person, cora: Person) -> None:
    """Alice gets a wrong entry for the army's spending and rates it 👎; Cora dismisses it."""
    [card] = await alice.says(SPENDING)
    assert card.labels == ["👍", "👎"]
    await alice.presses("👎")
    await cora.says("/unanswered")
    await cora.presses(texts.OUT_OF_SCOPE)


async def test_a_dismissed_question_and_its_variants_get_no_answer(
    alice: Person, bob: Person, cora: Person
) -> None:
    """After the dismissal the same question, and a close variant, get "I don't know"."""
    await wrongly_answered_and_dismissed(alice, cora)
    assert (await alice.says(SPENDING))[0].text == texts.DONT_KNOW
    assert (await bob.says(SPENDING_AGAIN))[0].text == texts.DONT_KNOW


async def test_a_dismissal_does_not_touch_other_questions(
    alice: Person, bob: Person, cora: Person
) -> None:
    """A question about the action plan itself is still answered."""
    await wrongly_answered_and_dismissed(alice, cora)
    [card] = await bob.says("north macedonia national action plan 1325")
    assert card.text.startswith(NAP_TITLE)


async def test_undo_brings_the_answer_and_the_group_back(
    alice: Person, bob: Person, cora: Person
) -> None:
    """Undo under the dismissal reopens the group; the question is answered as before."""
    await wrongly_answered_and_dismissed(alice, cora)
    [done] = await cora.presses(texts.UNDO_DISMISSAL)
    assert done.text == texts.GROUP_REOPENED.format(id=1)
    [card] = await bob.says(SPENDING)
    assert card.text.startswith(NAP_TITLE)
    head, *_ = await cora.says("/unanswered")
    assert head.text == texts.UNANSWERED_QUEUE_HEAD.format(shown=1, total=1)


def test_a_declined_question_gets_its_fitting_redirect(searcher: Searcher) -> None:
    """A dismissed question that a redirect fits gets that redirect rather than nothing."""
    question = "Колку е платата на војник во Армијата?"
    finding = searcher.declining([question]).find(question)
    assert (finding.decision, finding.choices[0].entry_id) == (
        Decision.REDIRECT,
        "elsewhere-personnel",
    )


def test_declining_leaves_the_searcher_it_came_from_as_it_was(searcher: Searcher) -> None:
    """The shared searcher keeps answering; only the declining copy declines."""
    searcher.declining([SPENDING_AGAIN])
    assert searcher.find(SPENDING_AGAIN).decision is Decision.ANSWER


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}


def mreza(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(build(), list(args), env=env)


def decision(env: dict[str, str], question: str) -> str:
    return str(json.loads(mreza(env, "ask", "--json", question).stdout)["decision"])


def rated_down(env: dict[str, str], question: str) -> None:
    """A member asked on the console and rated the answer 👎."""

    async def ask() -> None:
        settings = Settings(database_url=env["MREZA_DATABASE_URL"], kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings, FakeClock(NOW), shared_groundwork()) as app:
            _, log_id = await app.librarian.ask_logged(question, "console", None, "MK")
            async with app.sessions.begin() as session:
                await session.execute(
                    update(AskedRow).where(AskedRow.id == log_id).values(feedback=-1)
                )

    asyncio.run(ask())


def test_dismiss_and_reopen_from_the_command_line(env: dict[str, str]) -> None:
    """`mreza kb dismiss` makes the question "none"; `mreza kb reopen` undoes it."""
    rated_down(env, SPENDING)
    assert json.loads(mreza(env, "kb", "unanswered", "--json").stdout)[0]["id"] == 1
    assert mreza(env, "kb", "dismiss", "1").exit_code == 0
    assert decision(env, SPENDING_AGAIN) == "none"
    result = mreza(env, "kb", "reopen", "1")
    assert (result.exit_code, result.stdout) == (0, "group 1 is open again\n")
    assert decision(env, SPENDING_AGAIN) == "answer"


def test_reopening_a_group_that_was_not_dismissed_is_one_clear_line(env: dict[str, str]) -> None:
    """No such group: exit 1 and one line, no traceback."""
    result = mreza(env, "kb", "reopen", "7")
    assert result.exit_code == 1
    assert "there is no unanswered group 7" in result.output
    assert "Traceback" not in result.output
