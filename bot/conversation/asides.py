"""What a member writes beside a form: a question typed where a field was expected, or a command.

A form is for one thing at a time, but people ask as things occur to them. A question is not
stored as the field the form waits for: the member chooses to keep the draft for later, to leave
the form, or to say that it does belong there. A command sets the draft aside by itself.
"""

from __future__ import annotations

import re

from bot.asking import answering
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Wizard
from bot.languages import texts

KIND = "a"  # the button kind of the choice: "pause", "leave" or "keep"
PENDING = "_aside"  # where the dialog keeps the question until the member has chosen
LONGEST_QUESTION = 200  # characters: longer than this, it is somebody telling a story
# How questions start in English, BCMS (both scripts) and Macedonian, once normalised to Latin.
QUESTION_WORDS = re.compile(
    r"^(what|how|who|where|when|why|which|can|could|is|are|do|does|should|"
    r"sta|šta|što|sto|kako|ko|tko|koj|koja|koje|gdje|gde|kade|kada|koga|kad|zasto|zašto|zosto|zošto|"
    r"da li|dali|ima li|može li|moze li|"
    r"шта|што|како|ко|кој|која|које|где|каде|када|кога|зашто|зошто|да ли|дали|има ли|може ли)\b",
    re.IGNORECASE,
)


def looks_like_a_question(text: str) -> bool:
    """True for a short text that ends with a question mark or opens with a question word."""
    said = " ".join(text.split())
    if not said or len(said) > LONGEST_QUESTION:
        return False
    return said.endswith("?") or QUESTION_WORDS.match(said) is not None


async def offer(turn: Turn, dialog: Dialog, question: str) -> None:
    """Keep the question beside the form, and ask the member what to do with it."""
    await turn.services.dialogs.save(dialog.moved(dialog.step, **{PENDING: question}))
    choices = (
        (texts.PAUSE_AND_ASK, "pause"),
        (texts.LEAVE_AND_ASK, "leave"),
        (texts.KEEP_AS_ANSWER, "keep"),
    )
    buttons = [[turn.button(turn.tr(label), KIND, value)] for label, value in choices]
    await turn.say(texts.QUESTION_BESIDE_FORM, buttons)


async def choose(turn: Turn, wizard: Wizard, dialog: Dialog, choice: str) -> bool:
    """Do what the member chose with the question kept beside the form."""
    question = dialog.data.get(PENDING)
    if question is None or choice not in ("pause", "leave", "keep"):
        return False
    draft = without_pending(dialog)
    if choice == "keep":
        await turn.services.dialogs.save(draft)
        return await wizard.take(turn, draft, question)
    if choice == "pause":
        await turn.services.dialogs.pause(draft)
        await turn.say(texts.FORM_PAUSED, command="/" + dialog.kind)
    else:
        await turn.services.dialogs.close(dialog.member_id)
        await turn.say(texts.FORM_LEFT)
    await answering.ask(turn, question)
    return True


def without_pending(dialog: Dialog) -> Dialog:
    """The dialog without a question kept beside it."""
    kept = {key: value for key, value in dialog.data.items() if key != PENDING}
    return Dialog(dialog.member_id, dialog.kind, dialog.step, kept)


async def set_aside(turn: Turn, dialog: Dialog) -> None:
    """A command came in the middle of the form: keep the draft, and say how to come back."""
    await turn.services.dialogs.pause(dialog)
    await turn.say(texts.FORM_PAUSED, command="/" + dialog.kind)


async def resume(turn: Turn, wizard: Wizard) -> bool:
    """Open the member's draft of this form where they left it, whether it is still open or was
    set aside; False if there is none."""
    assert turn.member is not None  # the router only lets members here
    dialog = await turn.services.dialogs.current(turn.member.id)
    if dialog is None or dialog.kind != wizard.kind:  # open, the form is picked up as it stands
        dialog = await turn.services.dialogs.resume(turn.member.id, wizard.kind)
    if dialog is None:
        return False
    await turn.say(texts.FORM_RESUMED)
    await wizard.ask(turn, dialog, hint=True)
    return True
