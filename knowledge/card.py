"""An entry as members see it: title, answer and sources, rendered for each kind of channel."""

from __future__ import annotations

import html
import re

from core.markup import parse, to_html, to_plain
from knowledge.entry import Entry

TELEGRAM_TEXT_LIMIT = 4096
_TAG = re.compile(r"<[^>]+>")


def card_html(entry: Entry, sources_heading: str = "Sources") -> str:
    """Telegram HTML: bold title, the answer, and the sources as links."""
    links = "\n".join(
        f'• <a href="{html.escape(s.url)}">{html.escape(s.title, quote=False)}</a>'
        for s in entry.sources
    )
    title = html.escape(entry.title, quote=False)
    heading = html.escape(sources_heading, quote=False)
    return f"<b>{title}</b>\n\n{to_html(parse(entry.answer))}\n\n<i>{heading}</i>\n{links}"


def card_plain(entry: Entry, sources_heading: str = "Sources") -> str:
    """Plain text for Signal and the console, with every URL written out."""
    links = "\n".join(f"• {s.title}\n  {s.url}" for s in entry.sources)
    answer = to_plain(parse(entry.answer))
    return f"{entry.title}\n\n{answer}\n\n{sources_heading}:\n{links}"


def visible_length(telegram_html: str) -> int:
    """Length Telegram counts for a message: tags removed, entities decoded, in UTF-16 units."""
    text = html.unescape(_TAG.sub("", telegram_html))
    return len(text.encode("utf-16-le")) // 2
