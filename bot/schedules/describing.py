"""Schedules in a few words, for lists, previews and reports."""

from __future__ import annotations

from bot.languages import texts
from bot.languages.i18n import Translate
from core.members import Role
from scheduler.audience import Audience

EXCERPT = 60  # characters: enough to recognise a text in a list


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The first words of a text, on one line, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut + "…"


def audience_words(audience: str, tr: Translate) -> str:
    """Who an audience reaches, in words: Everyone, Serbia and Montenegro, coordinators..."""
    parsed = Audience.parse(audience)
    if parsed.everyone:
        return tr(texts.EVERYONE)
    if parsed.groups:
        return tr(texts.GROUP_CHATS)
    if parsed.countries:
        return ", ".join(tr(texts.COUNTRY_NAMES[c]) for c in sorted(parsed.countries))
    assert parsed.role is not None  # parse never makes an empty audience
    if parsed.role is Role.COORDINATOR:
        return tr(texts.COORDINATORS)
    return tr(texts.ROLE_NAMES[parsed.role.value])


def kind_words(kind: str, tr: Translate) -> str:
    """announcement, event invitation, event reminder."""
    return tr(texts.KIND_NAMES.get(kind, kind))
