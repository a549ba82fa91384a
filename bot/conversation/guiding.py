"""The open guided conversation gets the member's plain text and its buttons; /cancel leaves it."""

from __future__ import annotations

from bot.conversation import asides
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Wizard
from bot.curation.drafting import DRAFT
from bot.handoffs.handing_off import ANSWER
from bot.languages import texts
from bot.lessons.editing import EDIT_COUNTRY, EDIT_FIELD
from bot.lessons.reviewing import DECLINE
from bot.lessons.sharing import SHARE
from bot.pulses.pulse_dialog import PULSE
from bot.pulses.pulsing import COMMENT
from bot.schedules.announcing import ANNOUNCE
from bot.schedules.event_planning import EVENT
from bot.schedules.schedule_list import EDIT_REPEAT, EDIT_TEXT, EDIT_TIME, MOVE

WIZARDS = {
    wizard.kind: wizard
    for wizard in (
        ANNOUNCE, EVENT, EDIT_TEXT, EDIT_TIME, EDIT_REPEAT, ANSWER, COMMENT, PULSE, SHARE,
        DECLINE, DRAFT, EDIT_FIELD, EDIT_COUNTRY, MOVE,
    )
}  # fmt: skip


async def continue_dialog(turn: Turn, text: str) -> bool:
    """Hand plain text in a private chat to the member's open dialog; False when there is none."""
    if not turn.chat.private:
        return False
    found = await _open(turn)
    if found is None:
        return False
    wizard, dialog = found
    if asides.PENDING in dialog.data:  # typed on instead of choosing: the question is dropped
        dialog = asides.without_pending(dialog)
        await turn.services.dialogs.save(dialog)
    if wizard.asides and wizard.takes_free_text(dialog.step) and asides.looks_like_a_question(text):
        await asides.offer(turn, dialog, text.strip())
        return True
    await wizard.take(turn, dialog, text)
    return True


async def aside(turn: Turn, payload: str) -> bool:
    """The member's choice about a question typed into a form."""
    found = await _open(turn)
    if found is None:
        return False
    return await asides.choose(turn, *found, payload)


async def before_command(turn: Turn, name: str) -> None:
    """A command in the middle of a form that keeps drafts: set the draft aside first."""
    if name in ("cancel", "start") or not turn.chat.private:
        return
    found = await _open(turn)
    if found is not None and found[0].asides and found[1].kind != name:
        await asides.set_aside(turn, found[1])


async def press(turn: Turn, payload: str) -> bool:
    """A dialog's button; False when the dialog has moved on, ended or expired."""
    step, _, value = payload.partition(".")
    found = await _open(turn)
    if found is None or found[1].step != step:
        return False
    wizard, dialog = found
    return await wizard.take(turn, dialog, value, pressed=True)


async def stop(turn: Turn, _args: str = "") -> None:
    """/cancel: leave the open dialog, leaving nothing scheduled or changed."""
    assert turn.member is not None  # the router only lets members here
    closed = await turn.services.dialogs.close(turn.member.id)
    await turn.say(texts.STOPPED if closed else texts.NOTHING_TO_STOP)


async def _open(turn: Turn) -> tuple[Wizard, Dialog] | None:
    if turn.member is None:
        return None
    dialog = await turn.services.dialogs.current(turn.member.id)
    wizard = WIZARDS.get(dialog.kind) if dialog else None
    if dialog is None or wizard is None or not wizard.knows(dialog.step):
        return None  # a dialog from another version of Mreža: treat it as gone
    return wizard, dialog
