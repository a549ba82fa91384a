"""Someone who holds only the database tries to tie confidential answers and comments to members.

A confidential pulse runs its whole course: answers before and after the reminder, a changed
answer, comments, the close. Then the attacker reads every table, knowing nothing of the code,
and tries what the database offers: every string in it as the pseudonyms' key, every column an
answer or comment keeps beside its choice, the pseudonym a comment shares with an answer, and the
reminders (who was reminded had not answered yet). Any member found behind an answer or a
comment fails the test.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.languages import texts
from core.members import Role
from scheduler.pulses.pseudonyms import Pseudonyms
from tests.bot.people import Network, Person
from tests.bot.pulses import K, Pulses
from tests.keys import SECRET_KEY

QUESTION = "Have you seen harassment reported in your unit this year?"
OPTIONS = ("Yes", "No", "Not sure")
# What an answer or comment row may hold without pointing at anyone.
CONTENT = {"id", "occurrence_id", "respondent", "choices", "value", "text"}
Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Tie:
    """An answer or comment the attacker put a name to, and how."""

    row: str
    member: str
    how: str


@pytest.fixture
def pulses(network: Network) -> Pulses:
    """Pulses on this network."""
    return Pulses(network)


async def test_the_database_alone_ties_no_answer_or_comment_to_a_member(
    network: Network, pulses: Pulses
) -> None:
    """Every attack on a finished confidential pulse finds nobody."""
    cora = await network.member("Cora", "RS", Role.COORDINATOR)  # the only coordinator in Serbia
    serbia = [await network.member(f"Sanja {n}", "RS") for n in range(5)]
    montenegro = [await network.member(f"Milica {n}", "ME") for n in range(5)]
    await pulses.start(QUESTION, OPTIONS, comment=True)
    await pulses.deliver()
    await answers(cora, "No", "Nobody in my unit knows whom to tell.")  # alone before the reminder
    network.clock.advance(timedelta(days=2, minutes=1))
    await pulses.deliver()  # the reminder, to everyone but Cora
    for person in (*serbia, *montenegro):
        await answers(person, "Yes")
    await answers(serbia[0], "Not sure", "We had one case; it was handled well.")
    await answers(montenegro[0], "No", "Reports go nowhere.")
    network.clock.advance(timedelta(days=2))
    await pulses.close()
    network.clock.advance(timedelta(hours=2))
    await pulses.close()  # finished deliveries forget whom they went to

    database = await everything_in(network.mreza.engine)
    assert len(database["pulse_answers"]) == 11
    assert len(database["pulse_comments"]) == 3
    assert tied(database) == []
    shown = (await pulses.results(1)).results
    assert shown.by_country["RS"] is not None  # the key still breaks the results down


async def answers(person: Person, choice: str, comment: str = "") -> None:
    """Press an option of the pulse, then add a comment if there is one."""
    await person.presses(choice)
    if comment:
        await person.presses(texts.ADD_COMMENT)
        await person.says(comment)


async def everything_in(engine: AsyncEngine) -> Rows:
    """Every row of every table, read as a stranger to the code would."""
    tables = MetaData()
    async with engine.connect() as connection:
        await connection.run_sync(tables.reflect)
        return {
            name: [dict(row._mapping) for row in await connection.execute(select(table))]
            for name, table in tables.tables.items()
        }


def tied(database: Rows) -> list[Tie]:
    """What every attack found."""
    return [*by_key(database), *by_columns(database), *by_shared_pseudonym(database),
            *by_reminders(database)]  # fmt: skip


def by_key(database: Rows) -> Iterable[Tie]:
    """Each string stored anywhere, tried as the key of the pseudonyms of every member."""
    assert SECRET_KEY not in strings(database)
    wanted = {row["respondent"]: table for table in ("pulse_answers", "pulse_comments")
              for row in database[table] if row["respondent"]}  # fmt: skip
    rounds = [row["occurrence_id"] for row in database["pulse_rounds"]]
    for candidate in strings(database):
        pseudonyms = Pseudonyms(candidate.encode())
        for round_id in rounds:
            for member in database["members"]:
                for made in (pseudonyms.respondent, pseudonyms.commenter):
                    found = made(round_id, member["id"])
                    if found in wanted:
                        yield Tie(wanted[found], member["name"], "key found in the database")


def by_columns(database: Rows) -> Iterable[Tie]:
    """Anything an answer or comment keeps besides its content, matched to fewer than k."""
    members = database["members"]
    for table in ("pulse_answers", "pulse_comments"):
        for row in database[table]:
            extra = [value for key, value in row.items() if key not in CONTENT and value]
            telling = [v for v in extra if any(v in m.values() for m in members)]
            fits = [m for m in members if all(v in m.values() for v in telling)]
            if telling and len(fits) < K:
                yield from (Tie(table, m["name"], f"kept {telling}") for m in fits)


def by_shared_pseudonym(database: Rows) -> Iterable[Tie]:
    """A comment that carries its answer's pseudonym is as named as that answer."""
    answered = {row["respondent"] for row in database["pulse_answers"]}
    for row in database["pulse_comments"]:
        if row["respondent"] in answered:
            yield Tie("pulse_comments", "whoever gave its answer", "joined to an answer")


def by_reminders(database: Rows) -> Iterable[Tie]:
    """Who got the round but not its reminder had answered already; fewer than k stand out."""
    reminders = {row["id"] for row in database["occurrences"]} - {
        row["occurrence_id"] for row in database["pulse_rounds"]
    }
    invited = {row["member_id"] for row in database["deliveries"]
               if row["occurrence_id"] not in reminders and row["member_id"]}  # fmt: skip
    reminded = {row["member_id"] for row in database["deliveries"]
                if row["occurrence_id"] in reminders and row["member_id"]}  # fmt: skip
    early = invited - reminded if reminded else set()
    if 0 < len(early) < K:
        names = {m["id"]: m["name"] for m in database["members"]}
        yield from (Tie("pulse_answers", names[m], "not reminded") for m in early)


def strings(database: Rows) -> set[str]:
    """Every text value stored, of any table and column."""
    return {
        value
        for rows in database.values()
        for row in rows
        for value in row.values()
        if isinstance(value, str) and value
    }
