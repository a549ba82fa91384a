"""Previews of texts in several language forms: each version as its readers will get it, and
how many members get which, so the coordinator sees exactly what goes to whom."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot.conversation.turn import Turn
from bot.conversation.wizard import Buttons
from bot.languages import texts
from bot.languages.names import LANGUAGE_NAMES
from core.members import Language
from core.messaging import Outgoing
from scheduler.audience import Audience
from scheduler.composing import Occasion, Recipient
from scheduler.versions import shares


async def show_versions(turn: Turn, occasion: Occasion) -> None:
    """The message once per version, as a reader of that form gets it; a pulse as a card
    that cannot be answered."""
    assert turn.member is not None  # only coordinators reach previews
    forms = [turn.language, *(Language(form) for form in occasion.versions)]
    for form in forms:
        if len(forms) > 1:
            await turn.say(texts.VERSION_PREVIEW, language=LANGUAGE_NAMES[form])
        reader = Recipient("preview", turn.chat, replace(turn.member, language=form))
        await turn.send(turn.services.composer.card(occasion, reader))


async def who_gets_which(
    turn: Turn, audience: Audience, versions: Mapping[str, Mapping[str, object]]
) -> str:
    """How many members get each version, and the rule that decides it, in the turn's language."""
    author = LANGUAGE_NAMES[turn.language]
    if not versions:
        return turn.tr(texts.ONE_VERSION).format(language=author)
    counts = shares(await turn.services.planner.readers(audience), versions)
    return "\n".join(
        [
            turn.tr(texts.WHO_GETS_WHICH),
            "• " + turn.tr(texts.AUTHORS_SHARE).format(language=author, count=counts.get(None, 0)),
            *(
                f"• {LANGUAGE_NAMES[Language(form)]}: {counts.get(Language(form), 0)}"
                for form in versions
            ),
        ]
    )


async def summarised(turn: Turn, versions_text: str, summary: str, buttons: Buttons) -> None:
    """The preview's last message: who gets which version, then the facts and the buttons."""
    await turn.send(Outgoing.text(f"{versions_text}\n\n{summary}", buttons))
