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


def audience_words(audience: str | Audience, tr: Translate) -> str:
    """Who an audience reaches, in words: Everyone, Serbia, Montenegro, Coordinators in Serbia,
    and the group chats on top ("Serbia + Group chats")."""
    parsed = audience if isinstance(audience, Audience) else Audience.parse(audience)
    if parsed.everyone:
        return tr(texts.EVERYONE)
    countries = ", ".join(tr(texts.COUNTRY_NAMES[c]) for c in sorted(parsed.countries))
    roles = ", ".join(tr(texts.ROLE_AUDIENCES[r.value]) for r in Role if r in parsed.roles)
    if countries and roles:
        members = tr(texts.AUDIENCE_ROLES_IN).format(roles=roles, countries=countries)
    else:
        members = countries or roles
    chats = tr(texts.GROUP_CHATS) if parsed.groups else ""
    if parsed.chats:
        chats = tr(texts.SOME_GROUP_CHATS).format(count=len(parsed.chats))
    return " + ".join(words for words in (members, chats) if words)


def kind_words(kind: str, tr: Translate) -> str:
    """announcement, event invitation, event reminder."""
    return tr(texts.KIND_NAMES.get(kind, kind))
