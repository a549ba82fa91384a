"""The dialogs' "add another language" step: pick a language form, write the version, again.

Coordinators write in their own language; a version in another form reaches the members who
read it, and everyone else gets the author's text. The step keeps the versions so far as JSON
in the dialog, by Language value, each as the fields it replaces ({"text": ...} and so on).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping

from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import KIND, Buttons, Choice, Invalid, Step
from bot.languages import texts
from bot.languages.names import LANGUAGE_NAMES
from core.members import Language

NAME = "versions"
DONE = "done"
CHOICES: tuple[tuple[Choice, ...], ...] = (
    *(((name, language.value),) for language, name in LANGUAGE_NAMES.items()),
    ((texts.VERSIONS_DONE, DONE),),
)
FORMS = frozenset(language.value for language in Language)
Fields = dict[str, object]
Reader = Callable[[Turn, Dialog, str], Awaitable[Fields]]  # a typed version, checked


def versions_of(data: Mapping[str, str]) -> dict[Language, Fields]:
    """The versions a dialog holds so far."""
    stored: dict[str, Fields] = json.loads(data.get(NAME) or "{}")
    return {Language(form): fields for form, fields in stored.items()}


def versions_step(prompt: str, read: Reader) -> Step:
    """The step: ``prompt`` asks for a version (with {language}); ``read`` checks what was typed."""

    async def take(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
        adding = dialog.data.get("adding", "")
        if answer == DONE:
            return {"adding": "", "more": "", "added": ""}
        if not adding or answer in FORMS:  # a form's button pressed while writing: switch
            return {"adding": _form(turn, answer).value, "more": "yes", "added": ""}
        versions = {form.value: fields for form, fields in versions_of(dialog.data).items()}
        versions[adding] = await read(turn, dialog, answer)
        stored = json.dumps(versions, ensure_ascii=False)
        return {NAME: stored, "adding": "", "more": "yes", "added": adding}

    async def ask(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
        back = buttons[len(CHOICES) :]  # the wizard's Back row, after the choices' rows
        adding = dialog.data.get("adding", "")
        if adding:
            await turn.say(prompt, back, language=LANGUAGE_NAMES[Language(adding)])
            return
        given = versions_of(dialog.data)
        rows = [
            [turn.button(name, KIND, f"{NAME}.{form.value}")]
            for form, name in LANGUAGE_NAMES.items()
            if form is not turn.language and form not in given
        ]
        rows.append([turn.button(turn.tr(texts.VERSIONS_DONE), KIND, f"{NAME}.{DONE}")])
        rows.extend(back)
        question = turn.tr(texts.ASK_VERSIONS)
        added = dialog.data.get("added", "")
        if added:
            saved = turn.tr(texts.VERSION_ADDED).format(language=LANGUAGE_NAMES[Language(added)])
            question = f"{saved}\n{question}"
        await turn.say(question, rows)

    return Step(
        NAME,
        take,
        choices=CHOICES,
        ask=ask,
        again=lambda data: bool(data.get("more")),
        back_within=_back_within,
    )


def _back_within(data: Mapping[str, str]) -> Mapping[str, str] | None:
    """Back while writing a version returns to the list of languages; from the list, it leaves."""
    if data.get("adding"):
        return {"adding": "", "added": ""}
    return None


def _form(turn: Turn, answer: str) -> Language:
    """The language form a coordinator picked; their own is no version."""
    try:
        form = Language(answer)
    except ValueError:
        raise Invalid("pulse-kind") from None  # "Please press one of the buttons."
    if form is turn.language:
        raise Invalid("version-author")
    return form
