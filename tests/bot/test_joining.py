"""Joining the closed network with the code from an invitation link."""

from __future__ import annotations

from datetime import timedelta

from bot.languages import texts
from bot.languages.i18n import Translate
from core.members import Language, NewMember, Role, Status
from tests.bot.people import Network, Person


def welcome(tr: Translate, name: str, language_name: str) -> str:
    """The first welcome: the member by name, then the language Mreža speaks and /lang."""
    return (
        tr(texts.WELCOME).format(name=name)
        + "\n"
        + tr(texts.LANGUAGE_HINT).format(language=language_name)
    )


async def test_a_valid_code_makes_the_sender_a_member(network: Network) -> None:
    """/start with a valid code adds a member: name from the sender, role and country from it."""
    code = await network.invite(Role.MEMBER, "ME")
    dana = network.stranger("Dana Vuković", language_code="en")
    await dana.says(f"/start {code}")
    member = await dana.member()
    assert (member.name, member.role, member.country) == ("Dana Vuković", Role.MEMBER, "ME")
    assert (member.language, member.status) == (Language.EN, Status.ACTIVE)


async def test_a_new_member_is_welcomed_by_name(network: Network) -> None:
    """Joining gets one welcome, with the member's name."""
    dana = network.stranger("Dana", language_code="en-GB")
    replies = await dana.says(f"/start {await network.invite()}")
    assert [r.text for r in replies] == [welcome(network.tr(Language.EN), "Dana", "English")]
    assert "/lang" in replies[0].text


async def test_a_coordinator_invitation_makes_a_coordinator(network: Network) -> None:
    """The invite's role, not a default, is what the new member gets."""
    code = await network.invite(Role.COORDINATOR, "BA")
    emir = network.stranger("Emir")
    await emir.says(f"/start {code}")
    member = await emir.member()
    assert (member.role, member.country) == (Role.COORDINATOR, "BA")


async def test_a_serbian_app_gets_the_cyrillic_welcome(network: Network) -> None:
    """A sender whose app is set to "sr" joins in Serbian Cyrillic and is welcomed in it."""
    milica = network.stranger("Милица", language_code="sr")
    replies = await milica.says(f"/start {await network.invite(country='RS')}")
    greeting = welcome(network.tr(Language.SR_CYRL), "Милица", "Српски (ћирилица)")
    assert [r.text for r in replies] == [greeting]
    assert "Добро" in greeting
    member = await milica.member()
    assert member.language is Language.SR_CYRL


async def test_a_macedonian_app_gets_the_macedonian_welcome(network: Network) -> None:
    """A sender whose app is set to "mk" joins in Macedonian and is welcomed in it."""
    marija = network.stranger("Марија", language_code="mk")
    replies = await marija.says(f"/start {await network.invite(country='MK')}")
    greeting = welcome(network.tr(Language.MK), "Марија", "Македонски")
    assert [r.text for r in replies] == [greeting]
    assert greeting != welcome(network.tr(Language.SR_CYRL), "Марија", "Македонски")
    member = await marija.member()
    assert member.language is Language.MK


async def test_a_used_up_code_is_refused_and_creates_nobody(network: Network) -> None:
    """The second person to use a one-use code hears it was used, and is not added."""
    code = await network.invite(uses=1)
    await network.stranger("First").says(f"/start {code}")
    second = network.stranger("Second")
    replies = await second.says(f"/start {code}")
    assert [r.text for r in replies] == [texts.INVITE_USED_UP]
    assert await second.record() is None


async def test_an_expired_code_is_refused_and_creates_nobody(network: Network) -> None:
    """A code used after its week is up gets the expired message, and adds nobody."""
    code = await network.invite()
    network.clock.advance(timedelta(days=8))
    late = network.stranger("Late")
    replies = await late.says(f"/start {code}")
    assert [r.text for r in replies] == [texts.INVITE_EXPIRED]
    assert await late.record() is None


async def test_an_unknown_code_is_refused_and_creates_nobody(network: Network) -> None:
    """A made-up code gets the not-valid message, and adds nobody."""
    guesser = network.stranger("Guesser")
    replies = await guesser.says("/start not-a-real-code")
    assert [r.text for r in replies] == [texts.INVITE_UNKNOWN]
    assert await guesser.record() is None


async def test_a_refused_code_is_explained_in_the_apps_language(network: Network) -> None:
    """Someone whose app is Macedonian hears about their bad code in Macedonian."""
    guesser = network.stranger("Гоце", language_code="mk")
    replies = await guesser.says("/start nope")
    assert [r.text for r in replies] == [network.tr(Language.MK)(texts.INVITE_UNKNOWN)]


async def test_a_member_starting_again_is_welcomed_back(alice: Person) -> None:
    """/start from an existing member says welcome back, by name."""
    replies = await alice.says("/start")
    assert [r.text for r in replies] == [texts.WELCOME_BACK.format(name="Alice")]


async def test_a_member_with_a_new_code_is_welcomed_back_and_keeps_their_role(
    network: Network, alice: Person
) -> None:
    """A member opening another invitation is not re-added or promoted by it."""
    replies = await alice.says(f"/start {await network.invite(Role.COORDINATOR, 'MK')}")
    assert [r.text for r in replies] == [texts.WELCOME_BACK.format(name="Alice")]
    member = await alice.member()
    assert (member.role, member.country) == (Role.MEMBER, "RS")


async def test_start_in_a_group_does_not_let_anyone_in(network: Network) -> None:
    """A code posted in a group admits nobody: invitations are redeemed in a private chat."""
    code = await network.invite()
    stranger = network.stranger("Groupie")
    await stranger.in_(network.group()).says(f"/start {code}")
    assert await stranger.record() is None


async def test_a_removed_member_stays_out_whatever_invite_they_open(
    network: Network, alice: Person
) -> None:
    """A live invitation lets no removed member back, and none of its uses is spent on them."""
    member = await alice.member()
    await network.mreza.members.set_status(member.id, Status.REMOVED)
    code = await network.invite(Role.COORDINATOR, "MK")
    assert [r.text for r in await alice.says(f"/start {code}")] == [texts.REMOVED]
    assert await alice.says(f"/start {code}") == []
    assert (await alice.member()).status is Status.REMOVED
    dana = network.stranger("Dana")
    await dana.says(f"/start {code}")
    assert (await dana.member()).country == "MK"  # the one use was still there


async def test_a_removed_member_added_again_by_an_admin_is_welcomed_back(
    network: Network, alice: Person
) -> None:
    """Adding the same account again is the way back; the member answers as before."""
    member = await alice.member()
    await network.mreza.members.set_status(member.id, Status.REMOVED)
    again = NewMember("Alice", "RS", alice.identity)
    await network.mreza.members.add(again, network.clock.now())
    replies = await alice.says("/start")
    assert [r.text for r in replies] == [texts.WELCOME_BACK.format(name="Alice")]
