"""Audiences named in words, in any of the four languages and either script."""

from __future__ import annotations

import pytest

from bot.conversation.country_names import countries_named
from bot.languages import texts
from tests.bot.people import Network, Person
from tests.bot.scheduled import schedule_rows
from tests.bot.test_announcing import at_audience


@pytest.mark.parametrize(
    ("typed", "countries"),
    [
        ("Македонија и Србија", {"MK", "RS"}),
        ("BiH i Crna Gora", {"BA", "ME"}),
        ("Bosna i Hercegovina", {"BA"}),
        ("Босна и Херцеговина и Црна Гора", {"BA", "ME"}),
        ("Северна Македонија, Србија", {"MK", "RS"}),
        ("Sjeverna Makedonija", {"MK"}),
        ("North Macedonia and Serbia", {"MK", "RS"}),
        ("Crna Gora & Srbija", {"ME", "RS"}),
        ("Македонија, Србија и Црна Гора", {"MK", "RS", "ME"}),
    ],
)
def test_countries_are_named_in_any_language(typed: str, countries: set[str]) -> None:
    """Names and short forms, Latin or Cyrillic, joined by and, i, и, commas or &."""
    assert countries_named(typed) == countries


@pytest.mark.parametrize("typed", ["Србија и нешто", "hello", "Serbia next week", ""])
def test_anything_more_than_countries_is_not_an_audience(typed: str) -> None:
    """A text that says more than which countries names none, so nothing is guessed."""
    assert countries_named(typed) == frozenset()


async def test_countries_typed_in_macedonian_are_the_audience(
    network: Network, cora: Person
) -> None:
    """Македонија и Србија, typed at the audience step, is country:MK,RS, and the dialog goes on."""
    await at_audience(cora)
    [asked] = await cora.says("Македонија и Србија")
    assert asked.text.startswith("When should it go out?")
    await cora.says("now")
    await cora.presses(texts.ONCE)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.audience == "country:MK,RS"
