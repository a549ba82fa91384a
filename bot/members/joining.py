"""Joining the closed network with an invite code, and the one polite refusal for everyone else."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.languages.i18n import language_for
from bot.members.invites import InviteRefused, Refusal
from core.members import Identity, MemberError, NewMember, Status

_REFUSALS = {
    Refusal.UNKNOWN: texts.INVITE_UNKNOWN,
    Refusal.EXPIRED: texts.INVITE_EXPIRED,
    Refusal.USED_UP: texts.INVITE_USED_UP,
}


async def start(turn: Turn, code: str) -> None:
    """/start: greet a member, or let someone in with the code from their invitation link."""
    if turn.member is not None and turn.member.active:
        await turn.say(texts.WELCOME_BACK, name=turn.member.name)
        return
    if not code or not turn.chat.private:
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
    new = NewMember(
        name=turn.sender.name or turn.sender.id,
        country=invite.country,
        identity=identity,
        role=invite.role,
        language=language_for(turn.sender.language_code),
    )
    try:
        member = await turn.services.members.add(new, turn.services.clock.now())
    except MemberError:  # a removed member re-joining keeps their row; bring it back
        existing = await turn.services.members.by_identity(identity)
        if existing is None:
            raise
        member = await turn.services.members.set_status(existing.id, Status.ACTIVE)
        member = await turn.services.members.set_role(member.id, invite.role)
    await turn.services.refusals.clear(identity)
    guesses.forget(sender.transport, sender.id)
    await Turn(turn.services, turn.chat, turn.sender, member).say(texts.WELCOME, name=member.name)


async def refuse(turn: Turn) -> None:
    """Tell a stranger, once, that Mreža is for members; after that, stay silent."""
    identity = Identity(turn.sender.transport, turn.sender.id)
    if not await turn.services.refusals.remember_refusal(identity, turn.services.clock.now()):
        return  # told once already
    removed = turn.member is not None and not turn.member.active
    await turn.say(texts.REMOVED if removed else texts.NOT_A_MEMBER)
