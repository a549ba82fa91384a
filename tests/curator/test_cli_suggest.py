"""`mreza kb suggestions|adopt-suggestion|reject-suggestion` on what members did in the chat."""

from __future__ import annotations

import asyncio
import json

from typer.testing import CliRunner, Result

from core.settings import BUNDLED_KB_PATH
from tests.bot.people import Person
from tests.commands import build

AMBIGUOUS = "who chooses the confidential colleague for harassment complaints"
TRUST = "Persons of trust in the defence system"


async def mreza(database_url: str, *args: str) -> Result:
    """Run the command as a curator would, beside the running bot (its own event loop)."""
    env = {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}
    return await asyncio.to_thread(CliRunner().invoke, build(), list(args), env=env)


async def both_pick(alice: Person, bob: Person) -> None:
    """Alice and Bob get a clarify for the same words and both pick persons of trust."""
    for member in (alice, bob):
        await member.says(AMBIGUOUS)
        await member.presses(TRUST)


async def test_suggestions_json(database_url: str, alice: Person, bob: Person) -> None:
    """--json lists the wording, its entry, why, and how many members back it."""
    await both_pick(alice, bob)
    result = await mreza(database_url, "kb", "suggestions", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "id": 1,
            "text": AMBIGUOUS,
            "entry_id": "persons-of-trust",
            "reason": "clarify",
            "members": 2,
        }
    ]


async def test_adopt_and_reject_decide_once(database_url: str, alice: Person, bob: Person) -> None:
    """Adopting makes the wording a phrasing; deciding again is refused with the reason."""
    await both_pick(alice, bob)
    await mreza(database_url, "kb", "suggestions")
    adopted = await mreza(database_url, "kb", "adopt-suggestion", "1")
    assert adopted.exit_code == 0, adopted.output
    entries = json.loads((await mreza(database_url, "kb", "export", "--json")).stdout)
    trust = next(e for e in entries if e["id"] == "persons-of-trust")
    assert {"text": AMBIGUOUS, "curated": False} in trust["questions"]["en"]
    again = await mreza(database_url, "kb", "reject-suggestion", "1")
    assert again.exit_code == 1
    assert "suggestion 1 was already accepted" in again.stderr
