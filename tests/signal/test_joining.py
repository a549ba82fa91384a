"""Joining on Signal with an invitation code, and choosing a language by number."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Identity, Language, Role
from tests.signal.people import SignalPeople, SignalPerson

pytestmark = pytest.mark.usefixtures("on_signal")


async def test_an_invitation_code_lets_a_stranger_in(people: SignalPeople, mreza: Mreza) -> None:
    """ "/start CODE" from an unknown number makes them a member, known by that number."""
    now = mreza.clock.now()
    code, _ = await mreza.invites.create(Role.MEMBER, "ME", 1, now + timedelta(days=7), now)
    newcomer = people.stranger("Nina")
    await newcomer.says(f"/start {code}")
    assert (await newcomer.hears()).text.startswith("Welcome to Mreža")
    member = await mreza.members.by_identity(Identity("signal", newcomer.address))
    assert member is not None
    assert member.country == "ME"


async def test_the_language_is_chosen_by_number(alice: SignalPerson, mreza: Mreza) -> None:
    """/lang lists the languages; "4" switches to Macedonian and the reply says so in it."""
    await alice.says("/lang")
    choices = await alice.hears()
    assert "Македонски" in choices.labels
    await alice.picks("Македонски")
    said = await alice.hears()
    assert said.text == mreza.translations(Language.MK)(texts.LANGUAGE_SET)
    member = await mreza.members.by_identity(Identity("signal", alice.address))
    assert member is not None
    assert member.language is Language.MK


async def test_choices_are_prompted_in_the_members_language(
    people: SignalPeople, mreza: Mreza
) -> None:
    """A Macedonian member reads "Одговорете ..." under numbered choices."""
    ana = await people.member("Ana", language=Language.MK)
    await ana.says("SEESAC")
    clarify = await ana.hears()
    assert clarify.text.endswith("Одговорете со бројот 1 или 2.")
