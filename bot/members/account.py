"""What Mreža knows about a member, and deleting it."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.languages.names import LANGUAGE_NAMES


async def whoami(turn: Turn, _args: str = "") -> None:
    """/whoami: the member's own record."""
    member = turn.member
    assert member is not None  # the router only lets members here
    record = turn.tr(texts.WHOAMI).format(
        name=member.name,
        country=turn.tr(texts.COUNTRY_NAMES.get(member.country, member.country)),
        institution=member.institution or "-",
        role=turn.tr(texts.ROLE_NAMES[member.role.value]),
        language=LANGUAGE_NAMES[member.language],
        joined=member.joined.date().isoformat(),
    )
    if not member.language_chosen:
        record += "\n" + turn.tr(texts.WHOAMI_LANGUAGE_GUESSED)
    await turn.say(record)


async def forget(turn: Turn, _args: str = "") -> None:
    """/forget: ask for confirmation before deleting anything."""
    buttons = [
        [
            turn.button(turn.tr(texts.FORGET_YES), "x", "yes"),
            turn.button(turn.tr(texts.FORGET_NO), "x", "no"),
        ]
    ]
    await turn.say(texts.FORGET_CONFIRM, buttons)


async def confirm_forget(turn: Turn, answer: str) -> bool:
    """Delete the member's personal data after they pressed "yes"."""
    if turn.member is None or answer not in ("yes", "no"):
        return False
    if answer == "no":
        await turn.say(texts.FORGET_CANCELLED)
        return True
    await turn.services.members.forget(turn.member.id)
    await turn.services.dialogs.forget(turn.member.id)  # a draft holds what they wrote
    await turn.say(texts.FORGOTTEN)  # said in the language of the member as they were
    return True
