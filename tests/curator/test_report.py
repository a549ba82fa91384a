"""`mreza kb report`: per entry, served, 👍/👎, clarify picks and days since checked."""

from __future__ import annotations

import asyncio
import json

from typer.testing import CliRunner

from core.settings import BUNDLED_KB_PATH
from knowledge.quality import EntryQuality
from tests.bot.people import Person
from tests.commands import build

TRUST = "Persons of trust in the defence system"


async def report(database_url: str) -> dict[str, dict[str, object]]:
    """The report as JSON, by entry id."""
    env = {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}
    result = await asyncio.to_thread(
        CliRunner().invoke, build(), ["kb", "report", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.stdout)}


async def test_the_report_counts_serves_ratings_and_picks(
    database_url: str, alice: Person, bob: Person
) -> None:
    """Two answers, one 👍 one 👎, and a clarify pick all land on persons-of-trust."""
    await alice.says("what is a person of trust")
    await alice.presses("👍")
    await bob.says("what is a person of trust")
    await bob.presses("👎")
    await bob.says("who chooses the confidential colleague for harassment complaints")
    await bob.presses(TRUST)
    trust = (await report(database_url))["persons-of-trust"]
    assert (trust["served"], trust["helpful"], trust["not_helpful"]) == (3, 1, 1)
    assert trust["clarify_picks"] == 1
    assert (trust["stale"], trust["low_rated"]) == (False, False)


async def test_every_entry_is_listed_and_none_is_stale_today(database_url: str) -> None:
    """All 45 entries appear; the bundled ones were checked within the year."""
    rows = await report(database_url)
    assert len(rows) == 45
    assert not any(row["stale"] for row in rows.values())


def test_an_entry_checked_over_a_year_ago_is_stale() -> None:
    """Days since checked past 365 flags the entry."""
    old = EntryQuality("x", "X", 0, 0, 0, 0, 366)
    assert old.stale
    assert not EntryQuality("y", "Y", 0, 0, 0, 0, 365).stale
