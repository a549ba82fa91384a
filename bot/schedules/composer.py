"""Scheduled messages in words: announcements, invitations, reminders and pulses, per recipient.

Composed when each message is sent, from the schedule as it is then, in the recipient's language.
Group chats are read by people of all four countries, so they get English, the network's
working language with SEESAC.
"""

from __future__ import annotations

import mimetypes
from dataclasses import replace
from datetime import timedelta
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bot.conversation.buttons import ButtonSigner
from bot.languages import texts
from bot.languages.i18n import Translate, Translations
from bot.languages.times import local_range, local_time, span
from bot.pulses.pulse_cards import pulse_card, pulse_message, pulse_reminder
from core.markup import Line, Paragraph, Run, Style
from core.members import Language
from core.messaging import Attachment, Button, Outgoing, plain
from scheduler.composing import EventInfo, Occasion, Recipient
from scheduler.event_changes import CANCELLATION, MOVE
from scheduler.ics import event_calendar
from scheduler.pulses.pulse_drafts import KIND as PULSE
from scheduler.pulses.pulse_drafts import REMINDER_KIND as PULSE_REMINDER
from scheduler.schedule_drafts import DEFAULT_REMINDERS
from scheduler.versions import GROUP_LANGUAGE, for_reader

ANSWERS = ("going", "maybe", "no")  # stored as rsvps.answer; "no" is what reminders skip


class Composer:
    """Implements scheduler.composing.Composer for the conversation's texts and signed buttons."""

    def __init__(self, translations: Translations, signer: ButtonSigner, k: int = 5) -> None:
        """``k``: the smallest group pulse results show, as members are told."""
        self._translations = translations
        self._signer = signer
        self._k = k

    def compose(self, occasion: Occasion, recipient: Recipient) -> Outgoing:
        """The message this recipient gets for this occasion."""
        language = recipient.member.language if recipient.member else GROUP_LANGUAGE
        tr = self._translations(language)
        occasion = for_reader(occasion, language)
        if occasion.kind == "announcement":
            return announcement(occasion.payload, tr)
        if occasion.kind == PULSE:
            return pulse_message(occasion, recipient, tr, self._signer, self._k)
        if occasion.kind == PULSE_REMINDER:
            return pulse_reminder(occasion, tr)
        if occasion.event is None:
            raise ValueError(
                f"occurrence {occasion.occurrence_id}: a {occasion.kind} needs its event"
            )
        return self._about_event(occasion, occasion.event, recipient, tr, language)

    def card(self, occasion: Occasion, recipient: Recipient) -> Outgoing:
        """A pulse as a preview shows it: text that cannot be answered; anything else as sent."""
        if occasion.kind != PULSE:
            return self.compose(occasion, recipient)
        language = recipient.member.language if recipient.member else GROUP_LANGUAGE
        tr = self._translations(language)
        return pulse_card(for_reader(occasion, language), tr, self._k)

    def _about_event(
        self,
        occasion: Occasion,
        event: EventInfo,
        recipient: Recipient,
        tr: Translate,
        language: Language,
    ) -> Outgoing:
        """Invitations, reminders and changes: each carries the RSVP buttons, but a cancellation."""
        buttons = self._rsvp_buttons(event.id, recipient, tr)
        if occasion.kind == "invitation":
            calendar = event_calendar(event, occasion.fire_at, _reminders(occasion.payload))
            return invitation(event, tr, buttons, calendar)
        if occasion.kind == "reminder":
            minutes = occasion.payload.get("before_minutes")
            before = timedelta(minutes=minutes if isinstance(minutes, int) else 0)
            return replace(reminder(event, before, tr, language), buttons=buttons)
        if occasion.kind in (MOVE, CANCELLATION):
            calendar = event_calendar(event, occasion.fire_at, _reminders(occasion.payload))
            return changed(event, tr, () if event.cancelled else buttons, calendar)
        raise ValueError(f"occurrence {occasion.occurrence_id}: unknown kind {occasion.kind!r}")

    def _rsvp_buttons(
        self, event_id: int, recipient: Recipient, tr: Translate
    ) -> tuple[tuple[Button, ...], ...]:
        return (
            tuple(
                self._signer.button(
                    tr(texts.RSVP_LABELS[a]), recipient.chat, "r", f"{event_id}.{a}"
                )
                for a in ANSWERS
            ),
        )


def announcement(payload: dict[str, object], tr: Translate) -> Outgoing:
    """A heading, the coordinator's text exactly as written (never markup), the link, the image."""
    heading: Paragraph = (Line((Run(Style.BOLD, tr(texts.ANNOUNCEMENT)),)),)
    text, link, image = (payload.get(k) for k in ("text", "link", "image"))
    paragraphs = [heading, *plain(str(text or ""))]
    if isinstance(link, str) and link:
        paragraphs.append((Line((Run(Style.PLAIN, link),)),))  # the app makes it clickable
    attachments = (picture(image),) if isinstance(image, str) and image else ()
    return Outgoing(tuple(paragraphs), attachments=attachments)


def invitation(
    event: EventInfo, tr: Translate, buttons: tuple[tuple[Button, ...], ...], calendar: bytes
) -> Outgoing:
    """The event card with the RSVP buttons and its .ics attached."""
    title: Paragraph = (Line((Run(Style.BOLD, event.title),)),)
    facts = [tr(texts.WHEN).format(when=local_range(event.starts_at, event.ends_at, event.zone))]
    if event.place:
        facts.append(tr(texts.WHERE).format(place=event.place))
    paragraphs = [title, *plain("\n".join(facts)), *plain(event.description)]
    paragraphs += plain(tr(texts.WILL_YOU_COME))
    ics = Attachment(f"event-{event.id}.ics", "text/calendar", content=calendar)
    return Outgoing(tuple(paragraphs), buttons, (ics,))


def changed(
    event: EventInfo, tr: Translate, buttons: tuple[tuple[Button, ...], ...], calendar: bytes
) -> Outgoing:
    """An event moved or called off, told to those coming, with the calendar file that updates
    (or removes) their entry."""
    when = local_range(event.starts_at, event.ends_at, event.zone)
    news = texts.EVENT_CANCELLED if event.cancelled else texts.EVENT_MOVED
    paragraphs = [
        *plain(tr(news).format(title=event.title, when=when)),
        *plain(tr(texts.EVENT_CANCELLED_CALENDAR if event.cancelled else texts.EVENT_MOVED_ASK)),
    ]
    ics = Attachment(f"event-{event.id}.ics", "text/calendar", content=calendar)
    return Outgoing(tuple(paragraphs), buttons, (ics,))


def reminder(event: EventInfo, before: timedelta, tr: Translate, language: Language) -> Outgoing:
    """Reminder: TITLE starts in 1 day, at a local time; and where, if known."""
    when = f"{local_time(event.starts_at, event.zone)} ({event.zone})"
    lines = [tr(texts.REMINDER).format(title=event.title, before=span(before, language), when=when)]
    if event.place:
        lines.append(tr(texts.WHERE).format(place=event.place))
    return Outgoing.text("\n".join(lines))


def picture(url: str) -> Attachment:
    """An image to fetch from its URL; the type is guessed from the name, JPEG when unsure."""
    name = PurePosixPath(urlsplit(url).path).name or "image.jpg"
    guessed, _ = mimetypes.guess_type(name)
    mime = guessed if guessed and guessed.startswith("image/") else "image/jpeg"
    return Attachment(name, mime, url=url)


def _reminders(payload: dict[str, object]) -> tuple[timedelta, ...]:
    """The event's own reminders, as the planner stored them with the invitation."""
    minutes = payload.get("reminder_minutes")
    if not isinstance(minutes, list):
        return DEFAULT_REMINDERS
    return tuple(timedelta(minutes=m) for m in minutes if isinstance(m, int) and m > 0)
