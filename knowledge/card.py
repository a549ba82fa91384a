"""An entry as members see it: title, answer and sources, rendered for each kind of channel."""

from __future__ import annotations

import html
import re

from core.markup import parse, to_html
from knowledge.entry import Entry

TELEGRAM_TEXT_LIMIT = 4096
_TAG = re.compile(r"<[^>]+>")


def card_html(entry: Entry, sources_heading: str = "Sources", lang: str | None = None) -> str:
    """Telegram HTML: bold title, the answer, and the sources as links (in ``lang`` if given)."""
    title, answer = text_in(entry, lang)
    links = "\n".join(
        f'• <a href="{html.escape(s.url)}">{html.escape(s.title, quote=False)}</a>'
        for s in entry.sources
    )
    heading = html.escape(sources_heading, quote=False)
    shown = html.escape(title, quote=False)
    return f"<b>{shown}</b>\n\n{to_html(parse(answer))}\n\n<i>{heading}</i>\n{links}"


def text_in(entry: Entry, lang: str | None) -> tuple[str, str]:
    """The title and answer in language form ``lang``, or in English when not translated."""
    translated = entry.translation(lang) if lang else None
    if translated is None:
        return entry.title, entry.answer
    return translated.title, translated.answer


def visible_length(telegram_html: str) -> int:
    """Length Telegram counts for a message: tags removed, entities decoded, in UTF-16 units."""
    text = html.unescape(_TAG.sub("", telegram_html))
    return len(text.encode("utf-16-le")) // 2
