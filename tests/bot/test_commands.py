"""The members' commands: /help, /lang, /whoami, and commands Mreža does not know."""

from __future__ import annotations

from bot.asking.browsing import LANGUAGE_NAMES, coordinator_help, member_help
from bot.languages import texts
from core.members import Language
from tests.bot.people import Network, Person


async def test_help_explains_the_members_commands(alice: Person) -> None:
    """/help lists what a member can do, and nothing for coordinators."""
    replies = await alice.says("/help")
    assert [r.text for r in replies] == [member_help(str)]


async def test_help_shows_coordinators_their_section(cora: Person) -> None:
    """A coordinator's /help ends with the coordinators' commands."""
    replies = await cora.says("/help")
    assert [r.text for r in replies] == [member_help(str) + "\n\n" + coordinator_help(str)]


async def test_a_command_addressed_to_mreza_by_name_works(alice: Person) -> None:
    """/help@MrezaBot is /help."""
    assert [r.text for r in await alice.says("/help@MrezaBot")] == [member_help(str)]


async def test_lang_offers_the_four_languages_each_named_in_itself(alice: Person) -> None:
    """/lang asks which language, with one button per interface language."""
    replies = await alice.says("/lang")
    assert [r.text for r in replies] == [texts.LANGUAGE_PROMPT]
    assert replies[0].labels == list(LANGUAGE_NAMES.values())


async def test_choosing_a_language_confirms_in_that_language(
    network: Network, alice: Person
) -> None:
    """Pressing Macedonian is confirmed in Macedonian."""
    await alice.says("/lang")
    replies = await alice.presses("Македонски")
    assert [r.text for r in replies] == [network.tr(Language.MK)(texts.LANGUAGE_SET)]


async def test_after_choosing_a_language_mreza_speaks_it(network: Network, alice: Person) -> None:
    """The next reply after switching to Serbian Cyrillic is in Serbian Cyrillic."""
    await alice.says("/lang")
    await alice.presses("Српски (ћирилица)")
    replies = await alice.says("/help")
    assert [r.text for r in replies] == [member_help(network.tr(Language.SR_CYRL))]
    member = await alice.member()
    assert member.language is Language.SR_CYRL


async def test_whoami_shows_the_members_record(network: Network, alice: Person) -> None:
    """/whoami shows name, country, institution, role, language and the day they joined."""
    replies = await alice.says("/whoami")
    joined = network.clock.now().date().isoformat()
    assert [r.text for r in replies] == [
        f"Name: Alice\nCountry: Serbia\nInstitution: -\nRole: member\nLanguage: English\n"
        f"Member since: {joined}"
    ]


async def test_whoami_is_in_the_members_language(network: Network, ana: Person) -> None:
    """A Macedonian member's record is labelled in Macedonian, with the country's local name."""
    [reply] = await ana.says("/whoami")
    tr = network.tr(Language.MK)
    assert reply.text.startswith("Име: Ana\n")
    assert tr(texts.COUNTRY_NAMES["MK"]) in reply.text
    assert tr(texts.COUNTRY_NAMES["MK"]) != texts.COUNTRY_NAMES["MK"]


async def test_an_unknown_command_is_named_back_with_a_pointer_to_help(alice: Person) -> None:
    """/foo gets a clear message naming it, and is not searched as a question."""
    replies = await alice.says("/foo bar")
    assert [r.text for r in replies] == [texts.UNKNOWN_COMMAND.format(command="/foo")]


async def test_commands_are_not_logged_as_questions(network: Network, alice: Person) -> None:
    """/help, /topics and an unknown command leave the question log empty."""
    for command in ("/help", "/topics", "/foo"):
        await alice.says(command)
    assert await network.question_log() == []
