"""/schedules: what is scheduled, each with Cancel (confirmed first), Edit text, Edit time and
Repeat.

An edit changes the schedule's payload or time in the database; the engine composes every
message when it sends it, so nothing of the old version goes out after the change.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from bot.conversation.answer_checks import (
    REPEATS,
    ask_repeat,
    future,
    moment,
    problem,
    restored,
    stored,
    typed_rule,
)
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Step, Wizard
from bot.languages import texts
from bot.languages.times import local_range, local_time
from bot.schedules.describing import audience_words, excerpt, kind_words
from bot.schedules.repeats import first_local, repeat_preview, repeat_words
from core.members import Role
from core.messaging import Button
from scheduler.schedule_drafts import TEXT_LIMIT, ScheduleError, When
from scheduler.schedule_rows import ScheduleView

SHOWN = 10  # one message each: more would trip Telegram's one-message-a-second per chat
KIND = "s"
FINAL = ("unknown", "ended", "kind")  # problems no other answer can fix
REPEATABLE = ("announcement", "pulse")  # an event's invitation and reminders follow the event


async def schedules(turn: Turn, _args: str = "") -> None:
    """/schedules: the active schedules, soonest first, each with its buttons."""
    views = await turn.services.planner.schedules()
    if not views:
        await turn.say(texts.SCHEDULES_NONE)
        return
    for view in views[:SHOWN]:
        await turn.say(card(turn, view), [_buttons(turn, view)])
    if len(views) > SHOWN:
        await turn.say(texts.SCHEDULES_MORE, count=len(views) - SHOWN)


def card(turn: Turn, view: ScheduleView) -> str:
    """One schedule in a few lines, times in the network's time zone."""
    zone = turn.services.zone
    when = f"{local_time(view.next_fire_at, zone)} ({zone})" if view.next_fire_at else "-"
    return turn.tr(texts.SCHEDULE_CARD).format(
        id=view.id,
        kind=kind_words(view.kind, turn.tr),
        when=when,
        repeat=repeat_words(view.rule, turn.tr),
        audience=audience_words(view.audience, turn.tr),
        summary=excerpt(view.summary),
    )


def _buttons(turn: Turn, view: ScheduleView) -> list[Button]:
    labels = [(texts.CANCEL, "cancel")]
    if view.kind == "announcement":
        labels.append((texts.EDIT_TEXT, "text"))
    # An event's time is the event's own: its invitation and reminders follow it.
    labels.append((texts.MOVE_EVENT, "move") if view.event_id else (texts.EDIT_TIME, "time"))
    if view.kind in REPEATABLE:
        labels.append((texts.EDIT_REPEAT, "repeat"))
    return [turn.button(turn.tr(label), KIND, f"{action}.{view.id}") for label, action in labels]


async def press(turn: Turn, payload: str) -> bool:
    """A schedule's button; False (expired) once the schedule is no longer active."""
    action, _, number = payload.partition(".")
    act = _ACTIONS.get(action)
    if act is None or not number.isdigit() or not turn.allowed(Role.COORDINATOR):
        return False
    try:
        view = await turn.services.planner.get(int(number))
    except ScheduleError:
        return False
    if view.status != "active":
        return False
    return await act(turn, view)


async def _ask_to_cancel(turn: Turn, view: ScheduleView) -> bool:
    question = texts.CANCEL_EVENT if view.event_id is not None else texts.CANCEL_SCHEDULE
    buttons = [[
        turn.button(turn.tr(texts.YES_CANCEL), KIND, f"drop.{view.id}"),
        turn.button(turn.tr(texts.NO_KEEP), KIND, f"keep.{view.id}"),
    ]]  # fmt: skip
    await turn.say(question, buttons, id=view.id, summary=excerpt(view.summary))
    return True


async def _cancel(turn: Turn, view: ScheduleView) -> bool:
    planner = turn.services.planner
    told = await planner.coming(view.event_id) if view.event_id is not None else None
    await planner.cancel(view.id)
    said = turn.tr(texts.SCHEDULE_CANCELLED).format(id=view.id)
    if told is not None:
        said += "\n" + turn.tr(texts.EVENT_CANCELLED_TOLD).format(count=told)
    await turn.say(said)
    return True


async def _keep(turn: Turn, _view: ScheduleView) -> bool:
    await turn.say(texts.SCHEDULE_KEPT)
    return True


async def _edit_text(turn: Turn, view: ScheduleView) -> bool:
    if view.kind != "announcement":
        return False
    await EDIT_TEXT.begin(turn, id=str(view.id))
    return True


async def _edit_time(turn: Turn, view: ScheduleView) -> bool:
    await EDIT_TIME.begin(turn, id=str(view.id))
    return True


async def _move_event(turn: Turn, view: ScheduleView) -> bool:
    if view.event_id is None:
        return False
    await MOVE.begin(turn, id=str(view.id), event=str(view.event_id))
    return True


async def _edit_repeat(turn: Turn, view: ScheduleView) -> bool:
    if view.kind not in REPEATABLE or view.next_fire_at is None:
        return False
    await EDIT_REPEAT.begin(turn, id=str(view.id), at=stored(view.next_fire_at))
    return True


_ACTIONS: dict[str, Callable[[Turn, ScheduleView], Awaitable[bool]]] = {
    "cancel": _ask_to_cancel,
    "drop": _cancel,
    "keep": _keep,
    "text": _edit_text,
    "time": _edit_time,
    "move": _move_event,
    "repeat": _edit_repeat,
}


async def _new_text(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    try:
        view = await turn.services.planner.edit_text(int(dialog.data["id"]), answer)
    except ScheduleError as error:
        await _give_up(turn, error, TEXT_LIMIT)
        return None
    await turn.say(texts.TEXT_CHANGED, id=view.id)
    return None


async def _new_time(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    at, planner, zone = moment(turn, answer), turn.services.planner, turn.services.zone
    try:
        rule = (await planner.get(int(dialog.data["id"]))).rule
        view = await planner.edit_time(int(dialog.data["id"]), When(at, rule, zone))
    except ScheduleError as error:
        await _give_up(turn, error)
        return None
    when = f"{local_time(view.next_fire_at, zone)} ({zone})" if view.next_fire_at else "-"
    await turn.say(texts.TIME_CHANGED, id=view.id, when=when)
    return None


async def _new_start(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    """The event's new start; it keeps its length, and those coming are told."""
    try:
        moved = await turn.services.planner.move_event(
            int(dialog.data["event"]), future(turn, answer)
        )
    except ScheduleError as error:
        await _give_up(turn, error)
        return None
    zone = turn.services.zone
    when = local_range(moved.starts, moved.ends, zone)
    await turn.say(texts.EVENT_MOVED_SAVED, when=when, count=moved.told)
    return None


async def _new_repeat(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    """From the next time it goes out, the schedule repeats as chosen (or goes out once)."""
    at, zone = restored(dialog.data["at"]), turn.services.zone
    rule = typed_rule(answer, first_local(at, turn.services.clock.now(), zone))
    try:
        view = await turn.services.planner.edit_time(int(dialog.data["id"]), When(at, rule, zone))
    except ScheduleError as error:
        await _give_up(turn, error)
        return None
    when = When(view.next_fire_at, view.rule, zone)
    shown = repeat_preview(when, turn.services.clock.now(), turn.tr)
    await turn.say(texts.REPEAT_CHANGED, id=view.id, repeat=shown)
    return None


async def _give_up(turn: Turn, error: ScheduleError, limit: int = 0) -> None:
    """Say what is wrong; stay for another answer unless no answer could help."""
    if error.code not in FINAL:
        raise problem(error, limit=limit) from None
    await turn.say(texts.PROBLEMS[error.code])


EDIT_TEXT = Wizard("edit-text", (Step("text", _new_text, texts.ASK_NEW_TEXT),))
MOVE = Wizard("move-event", (Step("starts", _new_start, texts.ASK_EVENT_START),))
EDIT_TIME = Wizard(
    "edit-time", (Step("when", _new_time, texts.ASK_NEW_TIME, (((texts.NOW, "now"),),)),)
)
EDIT_REPEAT = Wizard(
    "edit-repeat",
    (Step("repeat", _new_repeat, texts.ASK_REPEAT, REPEATS, ask=ask_repeat),),
)
