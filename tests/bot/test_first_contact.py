"""First contact of a member an admin added: a proper welcome, in the language found for them."""

from __future__ import annotations

from bot.languages import texts
from core.members import Language, LanguageSource
from tests.bot.people import Network

MACEDONIAN = "Што е лице од доверба и кој ќе ми помогне?"  # ќ: Macedonian only
SERBIAN = "Шта је лице од поверења и ко ће ми помоћи?"  # ћ: Serbian only
CYRILLIC = "лице од доверба"  # either; nothing in it tells
BCMS = "šta je lice od povjerenja"
ENGLISH = "what is a person of trust"


def greeting(network: Network, language: Language, name: str, language_name: str) -> str:
    """The first welcome in one language: by name, then the language spoken and /lang."""
    tr = network.tr(language)
    hint = tr(texts.LANGUAGE_HINT).format(language=language_name)
    return tr(texts.WELCOME).format(name=name) + "\n" + hint


async def test_a_first_start_gets_the_first_welcome_not_welcome_back(network: Network) -> None:
    """Added from the command line, Amra's first /start is a welcome in her app's language."""
    amra = await network.newcomer("Amra", language_code="bs")
    replies = await amra.says("/start")
    expected = greeting(
        network, Language.BCMS, "Amra", "Bosanski / Crnogorski / Hrvatski / Srpski (latinica)"
    )
    assert [r.text for r in replies] == [expected]
    assert "/lang" in replies[0].text


async def test_the_second_start_is_welcome_back(network: Network) -> None:
    """Once met, /start says welcome back."""
    amra = await network.newcomer("Amra", language_code="bs")
    await amra.says("/start")
    replies = await amra.says("/start")
    assert [r.text for r in replies] == [
        network.tr(Language.BCMS)(texts.WELCOME_BACK).format(name="Amra")
    ]


async def test_a_serbian_app_means_cyrillic(network: Network) -> None:
    """An app set to "sr" gives Serbian Cyrillic, noted as a guess from the app."""
    milan = await network.newcomer("Milan", language_code="sr")
    await milan.says("/start")
    member = await milan.member()
    assert (member.language, member.language_source) == (Language.SR_CYRL, LanguageSource.APP)
    assert member.met


async def test_a_first_question_is_answered_after_the_welcome(network: Network) -> None:
    """Jana writes a question first: the welcome comes, then the answer, both in Macedonian."""
    jana = await network.newcomer("Jana")
    replies = await jana.says(MACEDONIAN)
    assert replies[0].text == greeting(network, Language.MK, "Jana", "Македонски")
    assert len(replies) > 1
    member = await jana.member()
    assert (member.language, member.language_source) == (Language.MK, LanguageSource.QUESTION)


async def test_a_local_question_outweighs_an_english_app(network: Network) -> None:
    """Many keep their app in English: a question in BCMS Latin decides."""
    emir = await network.newcomer("Emir", language_code="en")
    await emir.says(BCMS)
    assert (await emir.member()).language is Language.BCMS


async def test_latin_letters_outweigh_a_serbian_app(network: Network) -> None:
    """Someone whose app says Serbian but who writes Latin reads Latin."""
    marko = await network.newcomer("Marko", language_code="sr")
    await marko.says(BCMS)
    assert (await marko.member()).language is Language.BCMS


async def test_serbian_letters_outweigh_a_macedonian_app(network: Network) -> None:
    """ћ is Serbian only, whatever the app says."""
    vesna = await network.newcomer("Vesna", language_code="mk")
    await vesna.says(SERBIAN)
    assert (await vesna.member()).language is Language.SR_CYRL


async def test_cyrillic_that_tells_nothing_follows_the_app(network: Network) -> None:
    """Cyrillic words shared by Serbian and Macedonian leave the app's Macedonian in place."""
    ana = await network.newcomer("Ana", language_code="mk")
    await ana.says(CYRILLIC)
    assert (await ana.member()).language is Language.MK


async def test_english_from_an_english_app_stays_english(network: Network) -> None:
    """Nothing local in app or question: English, until something tells otherwise."""
    john = await network.newcomer("John", language_code="en")
    replies = await john.says(ENGLISH)
    assert replies[0].text == greeting(network, Language.EN, "John", "English")
    assert (await john.member()).language is Language.EN


async def test_the_first_question_after_a_start_still_tells(network: Network) -> None:
    """/start from an English app, then a Macedonian question: Mreža switches to Macedonian."""
    jana = await network.newcomer("Jana", language_code="en")
    await jana.says("/start")
    replies = await jana.says(MACEDONIAN)
    assert not any(r.text.startswith(network.tr(Language.MK)(texts.WELCOME)[:10]) for r in replies)
    assert (await jana.member()).language is Language.MK


async def test_once_found_from_a_question_the_language_stays(network: Network) -> None:
    """A later question in another form does not switch a language found from a question."""
    jana = await network.newcomer("Jana")
    await jana.says(MACEDONIAN)
    await jana.says(SERBIAN)
    assert (await jana.member()).language is Language.MK


async def test_a_language_the_admin_gave_is_never_replaced(network: Network) -> None:
    """Added with English, Milica is welcomed in English though she writes Serbian Cyrillic."""
    milica = await network.newcomer("Milica", language_code="sr", language=Language.EN)
    replies = await milica.says(SERBIAN)
    assert replies[0].text == greeting(network, Language.EN, "Milica", "English")
    member = await milica.member()
    assert (member.language, member.language_source) == (Language.EN, LanguageSource.CHOSEN)


async def test_lang_overrides_a_guess_for_good(network: Network) -> None:
    """Jana picks English with /lang; her Macedonian questions no longer change it."""
    jana = await network.newcomer("Jana", language_code="mk")
    await jana.says("/lang")
    await jana.presses("English")
    await jana.says(MACEDONIAN)
    member = await jana.member()
    assert (member.language, member.language_source) == (Language.EN, LanguageSource.CHOSEN)


async def test_whoami_names_the_language_country_and_role(network: Network) -> None:
    """/whoami shows "Македонски" and the names of country and role, and that it was a guess."""
    jana = await network.newcomer("Jana")
    await jana.says(MACEDONIAN)
    [reply] = await jana.says("/whoami")
    tr = network.tr(Language.MK)
    assert "Македонски" in reply.text
    assert tr(texts.COUNTRY_NAMES["BA"]) in reply.text
    assert tr(texts.ROLE_NAMES["member"]) in reply.text
    assert tr(texts.WHOAMI_LANGUAGE_GUESSED) in reply.text
    assert " mk" not in reply.text
    assert "BA\n" not in reply.text


async def test_a_chosen_language_is_not_called_a_guess(network: Network) -> None:
    """For a member whose language was chosen, /whoami says no more than its name."""
    alice = await network.member("Alice")
    [reply] = await alice.says("/whoami")
    assert "English" in reply.text
    assert network.tr(Language.EN)(texts.WHOAMI_LANGUAGE_GUESSED) not in reply.text


async def test_a_first_question_in_a_group_is_not_greeted_there(network: Network) -> None:
    """The welcome belongs in the private chat: a first /ask in a group gets only the answer."""
    amra = await network.newcomer("Amra", language_code="bs")
    replies = await amra.in_(network.group()).says(f"/ask {ENGLISH}")
    assert replies
    assert not any("/lang" in r.text for r in replies)
    assert not (await amra.member()).met
