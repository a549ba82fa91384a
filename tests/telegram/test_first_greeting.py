"""First contact on Telegram of members added from the command line: the app's language code
picks their language, the welcome says how to change it, and /lang wins."""

from __future__ import annotations

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Language, LanguageSource
from tests.telegram.people import People, identity

pytestmark = pytest.mark.usefixtures("on_telegram")


def welcome(mreza: Mreza, language: Language, name: str, language_name: str) -> str:
    """The first welcome in one language, with the line on /lang."""
    tr = mreza.translations(language)
    hint = tr(texts.LANGUAGE_HINT).format(language=language_name)
    return tr(texts.WELCOME).format(name=name) + "\n" + hint


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("mk", Language.MK, "Македонски"),
        ("sr", Language.SR_CYRL, "Српски (ћирилица)"),
        ("hr", Language.BCMS, "Bosanski / Crnogorski / Hrvatski / Srpski (latinica)"),
        ("de", Language.EN, "English"),
    ],
)
async def test_the_apps_language_picks_the_first_welcomes(
    people: People, mreza: Mreza, code: str, language: Language, name: str
) -> None:
    """/start from an app set to ``code`` gets the first welcome in that language, not
    "Welcome back"."""
    jana = await people.newcomer("Jana", language_code=code)
    await jana.sends("start")
    assert await jana.hears() == welcome(mreza, language, "Jana", name)


async def test_a_first_question_gets_the_welcome_then_the_answer(
    people: People, mreza: Mreza
) -> None:
    """Asking straight away, Jana hears the welcome in Macedonian, then her answer."""
    jana = await people.newcomer("Jana", language_code="mk")
    await jana.says("што е лице од доверба")
    assert await jana.hears() == welcome(mreza, Language.MK, "Jana", "Македонски")
    assert await jana.hears()  # the answer follows


async def test_lang_overrides_what_the_app_said(people: People, mreza: Mreza) -> None:
    """Jana's app is Macedonian; she picks English with /lang, and English it stays."""
    jana = await people.newcomer("Jana", language_code="mk")
    await jana.sends("start")
    await jana.hears()
    await jana.sends("lang")
    await jana.presses("English")
    assert await jana.hears() == texts.LANGUAGE_SET
    await jana.says("што е лице од доверба")
    await jana.hears()
    member = await mreza.members.by_identity(identity(jana))
    assert member is not None
    assert (member.language, member.language_source) == (Language.EN, LanguageSource.CHOSEN)


async def test_whoami_names_the_language(people: People) -> None:
    """/whoami says "Македонски", not a code."""
    jana = await people.newcomer("Jana", language_code="mk")
    await jana.sends("start")
    await jana.hears()
    await jana.sends("whoami")
    record = await jana.hears()
    assert "Македонски" in record
    assert "Северна Македонија" in record
