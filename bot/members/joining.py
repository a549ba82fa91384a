"""Joining the closed network with an invite code, and the one polite refusal for everyone else."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.members.first_contact import first_language, greet
from bot.members.invites import InviteRefused, Refusal
from core.members import Identity, NewMember

_REFUSALS = {
    Refusal.UNKNOWN: texts.INVITE_UNKNOWN,
    Refusal.EXPIRED: texts.INVITE_EXPIRED,
    Refusal.USED_UP: texts.INVITE_USED_UP,
}


async def start(turn: Turn, code: str) -> None:
    """/start: welcome a member back, or let someone in with the code from their invitation link.

    A member's very first /start is greeted on first contact, before this is reached.
    """
    if turn.member is not None and turn.member.active:
        await turn.say(texts.WELCOME_BACK, name=turn.member.name)
        return
    # A removed member stays out until an admin adds them again: no invite, however live, and
    # none of its uses spent on them.
    if not code or not turn.chat.private or turn.member is not None:
        await refuse(turn)
        return
    guesses, sender = turn.services.guesses, turn.sender
    if guesses.locked(sender.transport, sender.id):
        return  # too many wrong codes: this one is not even looked at
    try:
        invite = await turn.services.invites.redeem(code, turn.services.clock.now())
    except InviteRefused as refused:
        if guesses.wrong(sender.transport, sender.id):  # the first wrong code in a while
            await turn.say(_REFUSALS[refused.reason])
        return
    identity = Identity(turn.sender.transport, turn.sender.id)
    language, source = first_language(turn.sender.language_code, "")
    new = NewMember(
        name=turn.sender.name or turn.sender.id,
        country=invite.country,
        identity=identity,
        role=invite.role,
        language=language,
        met=True,
        language_source=source,
    )
    member = await turn.services.members.add(new, turn.services.clock.now())
    await turn.services.refusals.clear(identity)
    guesses.forget(sender.transport, sender.id)
    await greet(Turn(turn.services, turn.chat, turn.sender, member))


async def refuse(turn: Turn) -> None:
    """Tell a stranger, once, that Mreža is for members; after that, stay silent."""
    identity = Identity(turn.sender.transport, turn.sender.id)
    if not await turn.services.refusals.remember_refusal(identity, turn.services.clock.now()):
        return  # told once already
    removed = turn.member is not None and not turn.member.active
    await turn.say(texts.REMOVED if removed else texts.NOT_A_MEMBER)
