"""Coordinators' commands: inviting new members."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation.turn import Turn
from bot.languages import texts
from core.members import COUNTRIES, Role

INVITE_DAYS = 7


async def invite(turn: Turn, args: str) -> None:
    """/invite [member|coordinator] [country] [uses]: a link for new members."""
    member = turn.member
    assert member is not None  # the router checked the role
    parsed = _invite_arguments(args.split(), member.country)
    if parsed is None or (parsed[0] is not Role.MEMBER and not member.role.includes(Role.ADMIN)):
        await turn.say(texts.INVITE_USAGE)
        return
    role, country, uses = parsed
    now = turn.services.clock.now()
    code, _ = await turn.services.invites.create(
        role, country, uses, now + timedelta(days=INVITE_DAYS), now
    )
    username = turn.services.bot_username
    if username is None:
        await turn.say(texts.INVITE_NEEDS_USERNAME, code=code)
        return
    link = f"https://t.me/{username}?start={code}"
    await turn.say(
        texts.INVITE_CREATED,
        uses=uses,
        role=turn.tr(texts.ROLE_NAMES[role.value]),
        country=country,
        link=link,
    )


def _invite_arguments(words: list[str], default_country: str) -> tuple[Role, str, int] | None:
    """Role, country and number of uses, in any order; None when something is not understood."""
    role, country, uses = Role.MEMBER, default_country, 1
    for word in words:
        if word.lower() in ("member", "coordinator"):
            role = Role(word.lower())
        elif word.upper() in COUNTRIES or word.lower() == "regional":
            country = "regional" if word.lower() == "regional" else word.upper()
        elif word.isdigit() and 1 <= int(word) <= 500:
            uses = int(word)
        else:
            return None
    return role, country, uses
