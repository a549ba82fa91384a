"""First contact on Signal, which tells nothing of the app's language: the question decides."""

from __future__ import annotations

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Language
from tests.signal.people import SignalPeople, identity

pytestmark = pytest.mark.usefixtures("on_signal")


async def test_a_macedonian_first_question_gets_a_macedonian_welcome(
    people: SignalPeople, mreza: Mreza
) -> None:
    """Jana, added by number, asks in Macedonian: welcomed in Macedonian, with /lang named."""
    jana = await people.newcomer("Jana")
    await jana.says("Што е лице од доверба и кој ќе ми помогне?")
    welcome = await jana.hears()
    tr = mreza.translations(Language.MK)
    assert welcome.text.startswith(tr(texts.WELCOME).format(name="Jana"))
    assert tr(texts.LANGUAGE_HINT).format(language="Македонски") in welcome.text
    member = await mreza.members.by_identity(identity(jana))
    assert member is not None
    assert member.language is Language.MK
