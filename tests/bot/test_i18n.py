"""Every interface text is translated into every language, placeholders intact."""

from __future__ import annotations

import string
from importlib import resources

import pytest
from babel.messages.pofile import read_po

from bot.languages import texts
from bot.languages.i18n import LOCALE_DIRS, Translations, language_for
from core.members import Language


def all_texts() -> list[str]:
    """Every message bot/languages/texts.py defines, dictionaries included."""
    found: list[str] = []
    for name, value in vars(texts).items():
        if name.startswith("_"):
            continue
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found += [v for v in value.values() if isinstance(v, str)]
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", [Language.BCMS, Language.SR_CYRL, Language.MK])
def test_every_text_is_translated(language: Language) -> None:
    """No interface text is missing from, or left empty in, a local-language catalog."""
    path = (
        resources.files("bot.languages")
        / "locales"
        / LOCALE_DIRS[language]
        / "LC_MESSAGES"
        / "mreza.po"
    )
    with path.open("rb") as po:
        translated = {m.id: m.string for m in read_po(po) if m.id}
    missing = [t for t in all_texts() if not translated.get(t)]
    assert missing == []


@pytest.mark.parametrize("language", list(Language))
def test_placeholders_survive_translation(language: Language) -> None:
    """A translation keeps exactly the placeholders of its English text."""
    tr = Translations()(language)
    broken = [t for t in all_texts() if placeholders(tr(t)) != placeholders(t)]
    assert broken == []


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("en", Language.EN),
        ("en-GB", Language.EN),
        ("bs", Language.BCMS),
        ("hr", Language.BCMS),
        ("sr-Latn", Language.BCMS),
        ("sr", Language.SR_CYRL),
        ("mk", Language.MK),
        ("de", Language.EN),
        (None, Language.EN),
    ],
)
def test_app_language_picks_the_interface_language(code: str | None, language: Language) -> None:
    """A Telegram language code chooses the default interface language."""
    assert language_for(code) == language


def test_each_language_names_itself() -> None:
    """The /lang confirmation is said in the language just chosen."""
    said = {lang: Translations()(lang)(texts.LANGUAGE_SET) for lang in Language}
    assert said[Language.EN] == "From now on I will speak English."
    assert "македонски" in said[Language.MK]
    assert len(set(said.values())) == 4
