"""A member's first contact: the first greeting, and their language found from how they write.

An admin may add someone without a language. Until the member or an admin chooses one, Mreža
goes by what their messaging app is set to and by the script and letters of their first
question; a choice is never replaced by a guess.
"""

from __future__ import annotations

from dataclasses import replace

from bot.conversation.services import Services
from bot.conversation.turn import Turn
from bot.languages import texts
from bot.languages.i18n import language_for
from bot.languages.names import LANGUAGE_NAMES
from core.events import Sender
from core.language_guess import Guess, guess_language, script
from core.members import Language, LanguageSource, Member

_STILL_GUESSING = (LanguageSource.UNKNOWN, LanguageSource.APP)


def first_language(code: str | None, text: str) -> tuple[Language, LanguageSource]:
    """The language to speak, from the app's language code and the text of a question.

    Many members keep their app in English, so a question written in a local form outweighs an
    English app; a question in another script outweighs the app too (Serbian apps are often
    read by members who write Latin). Cyrillic without tell-tale letters follows the app.
    """
    app = language_for(code) if code else None
    guess = guess_language(text) if text else None
    if guess is not None and _question_decides(guess, app):
        return guess.language, LanguageSource.QUESTION
    if app is not None:
        return app, LanguageSource.APP
    return Language.EN, LanguageSource.UNKNOWN


def _question_decides(guess: Guess, app: Language | None) -> bool:
    if app is None or app is Language.EN or guess.certain or guess.language is app:
        return True
    return script(guess.language) != script(app)


async def recognise(
    services: Services, member: Member, sender: Sender, question: str | None
) -> tuple[Member, bool]:
    """Note the member's first contact and refine a guessed language; the member, and whether
    this was their first contact."""
    first = not member.met and await services.members.meet(member.id, services.clock.now())
    if member.language_source in _STILL_GUESSING and (first or question):
        language, source = first_language(sender.language_code, question or "")
        if (language, source) != (member.language, member.language_source):
            member = await services.members.set_language(member.id, language, source)
    return replace(member, met=True), first


async def greet(turn: Turn) -> None:
    """The first welcome, saying which language Mreža speaks and how to change it."""
    member = turn.member
    assert member is not None  # only members are greeted
    welcome = turn.tr(texts.WELCOME).format(name=member.name)
    hint = turn.tr(texts.LANGUAGE_HINT).format(language=LANGUAGE_NAMES[member.language])
    await turn.say(f"{welcome}\n{hint}")
