"""Pages from Jinja2 templates, in the language of the person reading them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

from bot.languages import console_texts, texts
from bot.languages.i18n import Translate
from core.members import Language

# The language switch of the sign-in page and the <html lang> of every page.
HTML_LANG = {
    Language.EN: "en",
    Language.BCMS: "bs",
    Language.SR_CYRL: "sr-Cyrl",
    Language.MK: "mk",
}


class Wording:
    """Texts by name, translated: ``{{ t.SIGN_OUT }}`` in a template."""

    def __init__(self, tr: Translate) -> None:
        self._tr = tr

    def __getattr__(self, name: str) -> str:
        text = getattr(console_texts, name, None)
        if not isinstance(text, str):
            raise AttributeError(name)  # StrictUndefined turns it into an error on render
        return self._tr(text)

    def role(self, role: str) -> str:
        """A role's name, as the chat says it."""
        return self._tr(texts.ROLE_NAMES.get(role, role))

    def country(self, code: str) -> str:
        """A country's name, as the chat says it."""
        return self._tr(texts.COUNTRY_NAMES.get(code, code))

    def __call__(self, text: str, **values: object) -> str:
        """Any text of the catalogs, filled in."""
        translated = self._tr(text)
        return translated.format(**values) if values else translated


@cache
def environment() -> Environment:
    """The templates, autoescaped, failing loudly on a name that does not exist."""
    return Environment(
        loader=PackageLoader("bot.console", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, context: Mapping[str, object], status_code: int = 200) -> HTMLResponse:
    """A page from a template."""
    body = environment().get_template(template).render(**context)
    return HTMLResponse(body, status_code=status_code)


def local(moment: datetime | None, zone: str) -> str:
    """``2027-01-12 10:00``: a moment on the network's wall clocks."""
    return "" if moment is None else f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"
