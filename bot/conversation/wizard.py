"""Guided conversations as a list of steps: ask, check the answer, move on or say what is wrong.

Every step's state is in the database (bot/conversation/dialogs.py), so any instance can take
the next answer.
A button press and a typed answer are the same thing: a button carries the text it stands for,
and typing a button's label counts as pressing it (Signal and the console have no buttons).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.typed_times import DEFAULT_HOUR, example, example_day
from bot.languages import texts
from core.members import Role
from core.messaging import Button

Choice = tuple[str, str]  # a label from bot/languages/texts.py, and the answer it gives
Buttons = list[list[Button]]
Taker = Callable[[Turn, Dialog, str], Awaitable[Mapping[str, str] | None]]
Asker = Callable[[Turn, Dialog, Buttons], Awaitable[None]]
KIND = "d"  # the button kind of dialog answers
BACK = "back"  # the answer of the Back button every step after the first has


class Invalid(Exception):
    """An answer a step cannot take: a code of texts.PROBLEMS, its values, and where to go back."""

    def __init__(self, code: str, back_to: str | None = None, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.back_to = back_to
        self.values = values


class Stay(Exception):
    """An answer that changes what the step holds and asks it again: a pick among several."""

    def __init__(self, **changes: str) -> None:
        super().__init__("stay")
        self.changes = changes


@dataclass(frozen=True)
class Step:
    """One question; ``take`` returns what to remember, or None when the dialog is over."""

    name: str
    take: Taker
    question: str = ""
    choices: tuple[tuple[Choice, ...], ...] = ()
    ask: Asker | None = None  # instead of the question: previews send more than one message
    needed: Callable[[Mapping[str, str]], bool] | None = None  # asked only when this says so
    again: Callable[[Mapping[str, str]], bool] | None = None  # asked once more while this says so
    accepts: Callable[[str], bool] | None = None  # presses beyond the choices (a custom ask's)
    # Back inside a step that asks more than once: what to change to stay on it, or None to leave.
    back_within: Callable[[Mapping[str, str]], Mapping[str, str] | None] | None = None

    def value_of(self, typed: str, turn: Turn) -> str:
        """What a typed answer means: a button's label typed out is that button."""
        wanted = typed.strip().casefold()
        for label, value in (choice for row in self.choices for choice in row):
            if wanted in (label.casefold(), turn.tr(label).casefold()):
                return value
        return typed


@dataclass(frozen=True)
class Wizard:
    """A kind of guided conversation: its steps in order, and who may hold it."""

    kind: str
    steps: tuple[Step, ...]
    role: Role = Role.COORDINATOR
    # A long form a member fills in their own words: a question typed into it, or a command, is
    # set beside it (bot/conversation/asides.py) rather than taken as an answer or lost.
    asides: bool = False

    async def begin(self, turn: Turn, **data: str) -> None:
        """Open the dialog (replacing any other) and ask the first question."""
        assert turn.member is not None  # the router only lets members here
        dialog = Dialog(turn.member.id, self.kind, self.steps[0].name, data)
        await turn.services.dialogs.save(dialog)
        await self.ask(turn, dialog, hint=True)

    async def ask(
        self, turn: Turn, dialog: Dialog, hint: bool = False, in_place: bool = False
    ) -> None:
        """Ask the question of the step the dialog waits on; ``in_place``: a step asked again
        after a press on its own question, which a custom ask may change rather than resend."""
        step = self._step(dialog.step)
        buttons = self._buttons(turn, step, dialog.data)
        if step.ask is not None:
            # Only a press on this step's own message may be edited: never the question before.
            await step.ask(turn if in_place else replace(turn, pressed=None), dialog, buttons)
            return
        question = turn.tr(step.question).format(**_examples(turn, dialog), **dialog.data)
        if hint:
            question += "\n" + turn.tr(texts.STOP_HINT)
        await turn.say(question, buttons)

    async def take(self, turn: Turn, dialog: Dialog, answer: str, pressed: bool = False) -> bool:
        """Check an answer and move on; False when a press came for a step already answered."""
        step = self._step(dialog.step)
        known = answer == BACK or any(answer == value for row in step.choices for _, value in row)
        known = known or (step.accepts is not None and step.accepts(answer))
        if pressed and not known:
            return False
        if not turn.allowed(self.role):  # their role changed since they began
            await turn.services.dialogs.close(dialog.member_id)
            await turn.say(texts.NOT_ALLOWED)
            return True
        if await self._went_back(turn, dialog, step, answer, pressed):
            return True
        last = step is self.steps[-1]
        if last and not await turn.services.dialogs.claim(dialog):
            return False  # the same Confirm, pressed twice: the first one did it
        value = answer if pressed else step.value_of(answer, turn)
        try:
            remembered = await step.take(turn, dialog, value)
        except Invalid as problem:
            await self._refuse(turn, dialog, step, problem, pressed)
            return True
        except Stay as staying:
            again = dialog.moved(step.name, **staying.changes)
            await turn.services.dialogs.save(again)
            await self.ask(turn, again, in_place=pressed)
            return True
        if remembered is None:
            await turn.services.dialogs.close(dialog.member_id)
            return True
        data = {**dialog.data, **remembered}
        following = step if step.again is not None and step.again(data) else self._after(step, data)
        moved = dialog.moved(following.name, **remembered)
        await turn.services.dialogs.save(moved)
        await self.ask(turn, moved)
        return True

    async def _went_back(
        self, turn: Turn, dialog: Dialog, step: Step, answer: str, pressed: bool
    ) -> bool:
        """Go back one question when Back was the answer: within the step, or to the one before."""
        if not (answer == BACK if pressed else _says_back(turn, answer)):
            return False
        within = step.back_within(dialog.data) if step.back_within is not None else None
        previous = self._before(step, dialog.data)
        if within is not None:
            back = dialog.moved(step.name, **within)
        elif previous is not None:
            back = dialog.moved(previous.name)
        else:
            return False  # the first step has no Back: the word is an answer like any other
        await turn.services.dialogs.save(back)
        await self.ask(turn, back)
        return True

    async def _refuse(
        self, turn: Turn, dialog: Dialog, step: Step, problem: Invalid, pressed: bool = False
    ) -> None:
        """Say what is wrong and wait again: on this step, or on the one the problem belongs to."""
        target = dialog.moved(problem.back_to or step.name)
        await turn.services.dialogs.save(target)
        values = {**_examples(turn, dialog), **problem.values}
        explanation = turn.tr(texts.PROBLEMS[problem.code]).format(**values)
        if target.step == step.name and step.accepts is not None:
            # A picker keeps what is ticked on its own buttons: the one pressed is still there to
            # use; after a typed answer it is shown again below, not the bare choices.
            await turn.say(explanation)
            if not pressed:
                await self.ask(turn, target)
            return
        if target.step == step.name:
            await turn.say(explanation, self._buttons(turn, step, dialog.data))
            return
        await turn.say(explanation)
        await self.ask(turn, target)

    def takes_free_text(self, step: str) -> bool:
        """True when the step waits for the member's own words, not for a choice."""
        found = self._step(step)
        return not found.choices and found.ask is None

    def knows(self, step: str) -> bool:
        """True when this wizard has a step of that name."""
        return any(s.name == step for s in self.steps)

    def _buttons(self, turn: Turn, step: Step, data: Mapping[str, str]) -> Buttons:
        rows = [
            [choice_button(turn, step.name, turn.tr(label), value) for label, value in row]
            for row in step.choices
        ]
        if self._before(step, data) is not None:
            rows.append([choice_button(turn, step.name, turn.tr(texts.BACK), BACK)])
        return rows

    def _step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    def _before(self, step: Step, data: Mapping[str, str]) -> Step | None:
        """The step asked before this one, given the answers so far; None for the first."""
        for earlier in reversed(self.steps[: self.steps.index(step)]):
            if earlier.needed is None or earlier.needed(data):
                return earlier
        return None

    def _after(self, step: Step, data: Mapping[str, str]) -> Step:
        """The next step the answers so far call for."""
        for following in self.steps[self.steps.index(step) + 1 :]:
            if following.needed is None or following.needed(data):
                return following
        raise ValueError(f"the dialog {self.kind} has no step after {step.name}")


def _says_back(turn: Turn, typed: str) -> bool:
    """True when the member typed the Back button's label (Signal and the console have none)."""
    wanted = typed.strip().casefold()
    return wanted in (texts.BACK.casefold(), turn.tr(texts.BACK).casefold())


def choice_button(turn: Turn, step: str, label: str, value: str) -> Button:
    """A button that answers ``step`` with ``value``, under a label already in the language."""
    return turn.button(label, KIND, f"{step}.{value}")


def _examples(turn: Turn, dialog: Dialog) -> dict[str, str]:
    """What prompts show: the time zone, example times that are always still to come, and the
    hour a date written alone is taken at."""
    zone, now = turn.services.zone, turn.services.clock.now()
    starts = dialog.data.get("starts")
    if starts:  # an event's end: two hours after the start given
        end = datetime.fromisoformat(starts).astimezone(ZoneInfo(zone)) + timedelta(hours=2)
        example_end = end.strftime("%d.%m.%Y %H:%M")
    else:
        example_end = example(zone, now, timedelta(hours=2))
    return {
        "zone": zone,
        "example": example(zone, now),
        "example_end": example_end,
        "day": example_day(zone, now),
        "hour": DEFAULT_HOUR,
    }
