"""Interface languages: gettext catalogs per language, compiled from locales/ when loaded."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from importlib import resources
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from core.members import Language

DOMAIN = "mreza"
# Catalog directory per language: gettext locale names.
LOCALE_DIRS = {
    Language.EN: "en",
    Language.BCMS: "sr_Latn",
    Language.SR_CYRL: "sr",
    Language.MK: "mk",
}
# What Telegram's language_code tells us: Bosnian, Croatian and Montenegrin read BCMS Latin,
# Serbian apps default to Cyrillic (members switch with /lang), Macedonian reads Macedonian.
_BY_CODE = {"bs": Language.BCMS, "hr": Language.BCMS, "sh": Language.BCMS, "cnr": Language.BCMS,
            "me": Language.BCMS, "sr": Language.SR_CYRL, "mk": Language.MK}  # fmt: skip

# Each language named in itself, as members look for it.
Translate = Callable[[str], str]


def language_for(code: str | None) -> Language:
    """The interface language for a client's language code, English when unknown."""
    if not code:
        return Language.EN
    code = code.replace("_", "-").lower()
    if code.startswith("sr-latn"):
        return Language.BCMS
    return _BY_CODE.get(code.split("-")[0], Language.EN)


def catalog(language: Language) -> gettext.GNUTranslations:
    """The compiled translations of one language."""
    path = (
        resources.files("bot.languages")
        / "locales"
        / LOCALE_DIRS[language]
        / "LC_MESSAGES"
        / f"{DOMAIN}.po"
    )
    with path.open("rb") as po:
        parsed = read_po(po, locale=LOCALE_DIRS[language], domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, parsed, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


class Translations:
    """All four catalogs, loaded once."""

    def __init__(self) -> None:
        self._catalogs = {language: catalog(language) for language in Language}

    def __call__(self, language: Language) -> Translate:
        """The translate function of one language."""
        return self._catalogs[language].gettext
