"""Pulse checks in words: the question with its buttons or native poll, and the reminder."""

from __future__ import annotations

from datetime import datetime

from bot.conversation.buttons import ButtonSigner
from bot.languages import texts
from bot.languages.i18n import Translate
from bot.languages.times import local_time
from core.markup import Line, Paragraph, Run, Style
from core.messaging import Button, Outgoing, Poll, plain
from scheduler.composing import Occasion, Recipient
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode
from scheduler.pulses.rounds import Pulse

ANSWER_KIND = "v"  # button kind of an answer (a vote): "ROUND.PICK"
COMMENT_KIND = "c"  # button kind of "add a comment": "ROUND"
DEFAULT_ZONE = "Europe/Belgrade"


def pulse_of(occasion: Occasion) -> Pulse:
    """The pulse an occasion of kind "pulse" sends."""
    return Pulse.from_schedule(occasion.schedule_id, occasion.payload, "", None)


def closes_at(occasion: Occasion, pulse: Pulse) -> datetime:
    """When the round this occasion opens will close."""
    return occasion.fire_at + pulse.open_for


def answer_labels(pulse: Pulse, tr: Translate) -> tuple[str, ...]:
    """The options, or the scale's values in words where they have some."""
    if pulse.scale is Scale.LIKERT5:
        return tuple(tr(texts.LIKERT_LABELS[value]) for value in range(1, 6))
    return pulse.labels


def pulse_message(
    occasion: Occasion, recipient: Recipient, tr: Translate, signer: ButtonSigner, k: int
) -> Outgoing:
    """The round's question: a native poll where the transport has them, else buttons."""
    pulse = pulse_of(occasion)
    zone = str(occasion.payload.get("zone") or DEFAULT_ZONE)
    intro = _intro(pulse, tr, k, closes_at(occasion, pulse), zone)
    labels = answer_labels(pulse, tr)
    chat, round_id = recipient.chat, occasion.occurrence_id
    buttons: list[tuple[Button, ...]] = [
        (signer.button(label, chat, ANSWER_KIND, f"{round_id}.{pick}"),)
        for pick, label in enumerate(labels)
    ]
    comment_row: tuple[tuple[Button, ...], ...] = ()
    if pulse.comment:
        comment_row = ((signer.button(tr(texts.ADD_COMMENT), chat, COMMENT_KIND, str(round_id)),),)
    question: Paragraph = (Line((Run(Style.BOLD, pulse.question),)),)
    poll = None
    if pulse.native:
        anonymous = pulse.mode is Mode.ANONYMOUS
        poll = Poll(intro, pulse.question, labels, pulse.multiple, anonymous, comment_row)
    return Outgoing((*intro, question), (*buttons, *comment_row), poll=poll)


def pulse_card(occasion: Occasion, tr: Translate, k: int) -> Outgoing:
    """The round's question with its answers as text, for a preview: nothing in it answers.

    A live poll in the coordinator's chat would take a vote that belongs to no round.
    """
    pulse = pulse_of(occasion)
    zone = str(occasion.payload.get("zone") or DEFAULT_ZONE)
    intro = _intro(pulse, tr, k, closes_at(occasion, pulse), zone)
    question: Paragraph = (Line((Run(Style.BOLD, pulse.question),)),)
    answers = "\n".join(f"• {label}" for label in answer_labels(pulse, tr))
    return Outgoing((*intro, question, *plain(answers), *plain(tr(texts.PULSE_PREVIEW_NOTE))))


def _intro(
    pulse: Pulse, tr: Translate, k: int, closes: datetime, zone: str
) -> tuple[Paragraph, ...]:
    heading: Paragraph = (Line((Run(Style.BOLD, tr(texts.PULSE_HEADING)),)),)
    if pulse.mode is Mode.CONFIDENTIAL:
        note = tr(texts.PULSE_CONFIDENTIAL_NOTE).format(k=k)
    else:
        note = tr(texts.PULSE_ANONYMOUS_NOTE)
    lines = [tr(texts.PULSE_OPEN_UNTIL).format(when=f"{local_time(closes, zone)} ({zone})")]
    if pulse.multiple:
        lines.append(tr(texts.PULSE_MULTIPLE_HINT))
    if pulse.scale is Scale.NPS:
        lines.append(tr(texts.PULSE_NPS_HINT))
    if pulse.mode is Mode.ANONYMOUS and not pulse.native:
        lines.append(tr(texts.PULSE_ONE_ANSWER))
    return (heading, *plain(note), *plain("\n".join(lines)))


def pulse_reminder(occasion: Occasion, tr: Translate) -> Outgoing:
    """A reminder of an open round, pointing back to its question."""
    payload = occasion.payload
    zone = str(payload.get("zone") or DEFAULT_ZONE)
    closes = payload.get("closes_at")
    when = closes if isinstance(closes, str) else ""
    if when:
        when = f"{local_time(datetime.fromisoformat(when), zone)} ({zone})"
    question = str(payload.get("question", ""))
    return Outgoing.text(tr(texts.PULSE_REMINDER).format(question=question, when=when))
