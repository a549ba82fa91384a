"""/pulse: question, how to answer, options, comments, audience, when, repeat, how long, mode,
a preview as members will see it, then Confirm."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from bot.conversation.answer_checks import (
    CONFIRM,
    REPEATS,
    ask_repeat,
    confirmed,
    problem,
    repeat_step,
    restored,
    when_step,
)
from bot.conversation.audience_picker import AUDIENCE_STEP
from bot.conversation.dialogs import Dialog
from bot.conversation.language_versions import versions_of, versions_step
from bot.conversation.turn import Turn
from bot.conversation.version_previews import show_versions, summarised, who_gets_which
from bot.conversation.wizard import Buttons, Choice, Invalid, Step, Wizard
from bot.languages import texts
from bot.languages.times import local_time, span
from bot.schedules.repeats import repeat_preview
from core.durations import duration
from scheduler.audience import Audience
from scheduler.composing import Occasion
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import KIND, Mode, PulseDraft, default_reminder
from scheduler.schedule_drafts import ScheduleError, When
from scheduler.versions import stored

EVERYONE = Audience(everyone=True)
KINDS: tuple[tuple[Choice, ...], ...] = (
    ((texts.KIND_SINGLE, "single"), (texts.KIND_MULTIPLE, "multiple")),
    ((texts.KIND_LIKERT, Scale.LIKERT5.value), (texts.KIND_NPS, Scale.NPS.value)),
)
YES_NO: tuple[tuple[Choice, ...], ...] = (((texts.YES, "yes"), (texts.NO, "no")),)
SPANS: tuple[tuple[Choice, ...], ...] = (
    ((texts.ONE_DAY, "1d"), (texts.THREE_DAYS, "3d"), (texts.ONE_WEEK, "7d")),
)
MODES: tuple[tuple[Choice, ...], ...] = (
    ((texts.CONFIDENTIAL, Mode.CONFIDENTIAL.value), (texts.ANONYMOUS, Mode.ANONYMOUS.value)),
)
MODE_WORDS = {Mode.CONFIDENTIAL: texts.CONFIDENTIAL, Mode.ANONYMOUS: texts.ANONYMOUS}
# Where a refusal at Confirm sends the coordinator back to.
BACK = {
    "past": "when",
    "rule": "repeat",
    "rule-often": "repeat",
    "nobody": "audience",
    "empty": "question",
    "no-key": "mode",
}


async def pulse(turn: Turn, _args: str = "") -> None:
    """/pulse: start the guided conversation."""
    await PULSE.begin(turn)


def _checked(turn: Turn, draft: PulseDraft) -> None:
    try:
        draft.check(turn.services.clock.now())
    except ScheduleError as error:
        raise problem(error) from None


async def _question(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    _checked(turn, PulseDraft(answer, EVERYONE, Scale.LIKERT5))
    return {"question": answer.strip()}


async def _kind(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    if answer not in {value for row in KINDS for _, value in row}:
        raise Invalid("pulse-kind")
    return {"kind": answer}


def _scale(data: Mapping[str, str]) -> Scale:
    kind = data.get("kind", "single")
    return Scale.OPTIONS if kind in ("single", "multiple") else Scale(kind)


def _wants_options(data: Mapping[str, str]) -> bool:
    return _scale(data) is Scale.OPTIONS


async def _options(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    options = tuple(line.strip() for line in answer.splitlines() if line.strip())
    _checked(turn, PulseDraft(dialog.data["question"], EVERYONE, Scale.OPTIONS, options))
    return {"options": "\n".join(options)}


async def _version(turn: Turn, dialog: Dialog, answer: str) -> dict[str, object]:
    """The question on the first line, then the options in the author's order."""
    lines = [line.strip() for line in answer.strip().splitlines() if line.strip()] or [""]
    question, options = " ".join(lines), tuple[str, ...]()
    if _wants_options(dialog.data):
        question, options = lines[0], tuple(lines[1:])
        if len(options) != len(dialog.data["options"].splitlines()):
            raise Invalid("version-options")
    _checked(turn, PulseDraft(question, EVERYONE, _scale(dialog.data), options))
    return {"question": question, "options": list(options)}


async def _comment(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    if answer not in ("yes", "no"):
        raise Invalid("pulse-kind")
    return {"comment": answer}


async def _open_for(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    try:
        span_ = duration(answer)
    except ValueError:
        raise Invalid("open-for") from None
    _checked(turn, PulseDraft("?", EVERYONE, Scale.LIKERT5, open_for=span_, remind_after=None))
    return {"open_for": str(int(span_.total_seconds() // 60))}


async def _mode(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    if answer not in {mode.value for mode in Mode}:
        raise Invalid("pulse-kind")
    if answer == Mode.CONFIDENTIAL.value and not turn.services.planner.takes_confidential:
        raise Invalid("no-key")
    return {"mode": answer}


def draft(turn: Turn, data: Mapping[str, str]) -> PulseDraft:
    """The pulse the dialog describes; the reminder comes after two days, or halfway if sooner."""
    open_for = timedelta(minutes=int(data["open_for"]))
    options = tuple(data.get("options", "").splitlines()) if _wants_options(data) else ()
    versions = {
        form: (str(fields["question"]), tuple(str(o) for o in _listed(fields.get("options"))))
        for form, fields in versions_of(data).items()
    }
    return PulseDraft(
        language=turn.language,
        versions=versions,
        question=data["question"],
        audience=Audience.parse(data["audience"]),
        scale=_scale(data),
        options=options,
        multiple=data.get("kind") == "multiple",
        comment=data.get("comment") == "yes",
        when=When(restored(data["at"]), data["rule"] or None, turn.services.zone),
        open_for=open_for,
        remind_after=default_reminder(open_for),
        mode=Mode(data["mode"]),
    )


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []


async def _preview(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The pulse as members will get it, as a card nobody can answer, then the facts."""
    wanted = draft(turn, dialog.data)
    now = turn.services.clock.now()
    versions = stored(wanted.version_fields())
    occasion = Occasion(0, 0, KIND, wanted.payload(), wanted.when.at or now, None, versions)
    await show_versions(turn, occasion)
    at, zone = wanted.when.at, turn.services.zone
    assert wanted.remind_after is not None  # the dialog always plans a reminder
    summary = turn.tr(texts.PULSE_SUMMARY).format(
        count=await turn.services.planner.recipients(wanted.audience),
        when=turn.tr(texts.RIGHT_AWAY) if at is None else f"{local_time(at, zone)} ({zone})",
        repeat=repeat_preview(wanted.when, now, turn.tr),
        open_for=span(wanted.open_for, turn.language),
        remind=span(wanted.remind_after, turn.language),
        mode=turn.tr(MODE_WORDS[wanted.mode]),
    )
    await summarised(turn, await who_gets_which(turn, wanted.audience, versions), summary, buttons)


async def _confirm(turn: Turn, dialog: Dialog, answer: str) -> None:
    if not await confirmed(turn, answer):
        return
    assert turn.member is not None  # the wizard checked the role
    try:
        pulse_id = await turn.services.planner.start_pulse(draft(turn, dialog.data), turn.member.id)
    except ScheduleError as error:
        raise problem(error, BACK.get(error.code)) from None
    await turn.say(texts.PULSE_SCHEDULED, id=pulse_id)


PULSE = Wizard(
    "pulse",
    (
        Step("question", _question, texts.ASK_PULSE_QUESTION),
        Step("kind", _kind, texts.ASK_PULSE_KIND, KINDS),
        Step("options", _options, texts.ASK_PULSE_OPTIONS, needed=_wants_options),
        versions_step(texts.ASK_VERSION_PULSE, _version),
        Step("comment", _comment, texts.ASK_PULSE_COMMENT_ALLOWED, YES_NO),
        AUDIENCE_STEP,
        Step("when", when_step, texts.ASK_WHEN, (((texts.NOW, "now"),),)),
        Step("repeat", repeat_step, texts.ASK_REPEAT, REPEATS, ask=ask_repeat),
        Step("open_for", _open_for, texts.ASK_PULSE_OPEN_FOR, SPANS),
        Step("mode", _mode, texts.ASK_PULSE_MODE, MODES),
        Step("confirm", _confirm, choices=CONFIRM, ask=_preview),
    ),
)
