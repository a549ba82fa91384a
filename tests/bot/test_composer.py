"""The Composer: announcements, invitations and reminders, in the recipient's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from bot.conversation.buttons import ButtonSigner, Press
from bot.languages import texts
from bot.languages.i18n import Translations
from bot.schedules.composer import Composer
from core.events import Chat
from core.markup import Style, to_html, to_plain
from core.members import Language, Member, Role, Status
from scheduler.composing import EventInfo, Occasion, Recipient

SIGNER = ButtonSigner(b"composer test key")
CHAT = Chat("memory", "42")
GROUP = Chat("memory", "-100", private=False)
STARTS = datetime(2030, 1, 15, 9, 0, tzinfo=UTC)  # 10:00 in Belgrade
EVENT = EventInfo(
    7, "Workshop", "Bring the 2029 figures.", STARTS, STARTS + timedelta(hours=2),
    "Skopje", "Europe/Belgrade", 1,
)  # fmt: skip
AT = "2030-01-15 10:00 (Europe/Belgrade)"
MARKUP = "**not bold** _not italic_ <b>not html</b> [not](https://a.link) & {braces}"


@pytest.fixture(scope="module")
def composer() -> Composer:
    """The Composer with the real catalogs and a fixed key."""
    return Composer(Translations(), SIGNER)


def reader(language: Language = Language.EN) -> Recipient:
    """A member reading in ``language``, in their private chat."""
    joined = datetime(2026, 1, 1, tzinfo=UTC)
    member = Member(42, "Alice", "RS", Role.MEMBER, language, Status.ACTIVE, joined)
    return Recipient("member:42", CHAT, member)


def announcement(text: str = "Meeting moved to Skopje.", **more: object) -> Occasion:
    """An announcement occurrence with this payload."""
    payload: dict[str, object] = {"text": text, "link": None, "image": None, **more}
    return Occasion(1, 2, "announcement", payload, STARTS)


def invitation() -> Occasion:
    """The invitation of EVENT."""
    return Occasion(3, 4, "invitation", {"title": EVENT.title}, STARTS - timedelta(days=5), EVENT)


def reminder(minutes: int) -> Occasion:
    """A reminder of EVENT, ``minutes`` before its start."""
    payload: dict[str, object] = {"title": EVENT.title, "before_minutes": minutes}
    return Occasion(5, 6, "reminder", payload, STARTS - timedelta(minutes=minutes), EVENT)


def test_an_announcement_is_the_heading_and_the_text(composer: Composer) -> None:
    """A bold translated heading, then the coordinator's text."""
    message = composer.compose(announcement(), reader())
    assert to_plain(message.paragraphs) == "Announcement\n\nMeeting moved to Skopje."
    assert message.paragraphs[0][0].runs[0].style is Style.BOLD
    assert (message.buttons, message.attachments) == ((), ())


def test_the_coordinators_text_is_never_markup(composer: Composer) -> None:
    """Stars, underscores, tags and brackets stay as typed, and are escaped for HTML."""
    message = composer.compose(announcement(MARKUP), reader())
    runs = [run for paragraph in message.paragraphs[1:] for line in paragraph for run in line.runs]
    assert [(run.style, run.text) for run in runs] == [(Style.PLAIN, MARKUP)]
    assert "&lt;b&gt;not html&lt;/b&gt;" in to_html(message.paragraphs)


def test_an_announcement_keeps_its_lines_and_paragraphs(composer: Composer) -> None:
    """Line breaks and blank lines of the text survive."""
    text = "First line\nsecond line\n\nNew paragraph"
    message = composer.compose(announcement(text), reader())
    assert to_plain(message.paragraphs) == f"Announcement\n\n{text}"


def test_the_link_follows_the_text(composer: Composer) -> None:
    """The announcement's link is the last paragraph, written out."""
    message = composer.compose(announcement(link="https://seesac.org/news"), reader())
    assert to_plain(message.paragraphs).endswith("\n\nhttps://seesac.org/news")


@pytest.mark.parametrize(
    ("url", "name", "mime"),
    [
        ("https://seesac.org/pictures/meeting.png", "meeting.png", "image/png"),
        ("https://seesac.org/pictures/photo.jpg?size=large", "photo.jpg", "image/jpeg"),
        ("https://seesac.org/picture", "picture", "image/jpeg"),
    ],
)
def test_an_image_is_attached_by_its_url(
    composer: Composer, url: str, name: str, mime: str
) -> None:
    """The payload's image goes with the message, fetched from its URL."""
    [attachment] = composer.compose(announcement(image=url), reader()).attachments
    assert (attachment.url, attachment.filename, attachment.mime) == (url, name, mime)
    assert attachment.is_image


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        (Language.EN, "Announcement"),
        (Language.BCMS, "Obavještenje"),
        (Language.SR_CYRL, "Обавештење"),
        (Language.MK, "Известување"),
    ],
)
def test_the_heading_is_in_the_members_language(
    composer: Composer, language: Language, heading: str
) -> None:
    """Each member reads the heading in their own language; the text stays as written."""
    message = composer.compose(announcement(), reader(language))
    assert to_plain(message.paragraphs) == f"{heading}\n\nMeeting moved to Skopje."


def test_group_chats_read_english(composer: Composer) -> None:
    """A group chat, where no one member's language applies, gets English."""
    message = composer.compose(announcement(), Recipient("group:memory:-100", GROUP))
    assert to_plain(message.paragraphs).startswith("Announcement\n\n")


def test_an_invitation_is_the_event_card(composer: Composer) -> None:
    """Title, when in the event's time zone, where, the description, and the question."""
    message = composer.compose(invitation(), reader())
    assert to_plain(message.paragraphs) == (
        "Workshop\n\nWhen: 2030-01-15 10:00–12:00 (Europe/Belgrade)\nWhere: Skopje\n\n"
        f"Bring the 2029 figures.\n\n{texts.WILL_YOU_COME}"
    )


def test_the_invitation_has_three_signed_answers(composer: Composer) -> None:
    """Going, maybe and not going, each signed for the recipient's chat as "r" EVENT.answer."""
    message = composer.compose(invitation(), reader(Language.BCMS))
    [row] = message.buttons
    assert [b.label for b in row] == ["Dolazim", "Možda", "Ne dolazim"]
    assert [SIGNER.verify(CHAT, b.data) for b in row] == [
        Press("r", "7.going"),
        Press("r", "7.maybe"),
        Press("r", "7.no"),
    ]
    assert SIGNER.verify(Chat("memory", "43"), row[0].data) is None


def test_the_invitation_carries_a_calendar_file(composer: Composer) -> None:
    """The .ics parses back: UID, UTC start and end, summary, description, place, two alarms."""
    [attachment] = composer.compose(invitation(), reader()).attachments
    assert (attachment.filename, attachment.mime) == ("event-7.ics", "text/calendar")
    assert attachment.content is not None
    [event] = Calendar.from_ical(attachment.content).walk("VEVENT")
    assert str(event["UID"]) == "event-7@mreza"
    assert event["DTSTART"].dt == STARTS
    assert event["DTEND"].dt == STARTS + timedelta(hours=2)
    assert (str(event["SUMMARY"]), str(event["LOCATION"])) == ("Workshop", "Skopje")
    assert str(event["DESCRIPTION"]) == "Bring the 2029 figures."
    alarms = [alarm["TRIGGER"].dt for alarm in event.walk("VALARM")]
    assert alarms == [-timedelta(days=1), -timedelta(hours=1)]
    assert b"DTSTART:20300115T090000Z" in attachment.content


def test_the_calendar_alarms_are_the_events_own_reminders(composer: Composer) -> None:
    """An event planned with 2-day and 3-hour reminders gets those alarms in its .ics."""
    occasion = Occasion(
        3, 4, "invitation", {"title": EVENT.title, "reminder_minutes": [2880, 180]}, STARTS, EVENT
    )
    [attachment] = composer.compose(occasion, reader()).attachments
    assert attachment.content is not None
    [event] = Calendar.from_ical(attachment.content).walk("VEVENT")
    assert [a["TRIGGER"].dt for a in event.walk("VALARM")] == [
        -timedelta(days=2),
        -timedelta(hours=3),
    ]


@pytest.mark.parametrize(
    ("minutes", "language", "expected"),
    [
        (1440, Language.EN, f"Reminder: Workshop starts in 1 day, at {AT}.\nWhere: Skopje"),
        (60, Language.EN, f"Reminder: Workshop starts in 1 hour, at {AT}.\nWhere: Skopje"),
        (1440, Language.BCMS, f"Podsjetnik: Workshop počinje za 1 dan, {AT}.\nMjesto: Skopje"),
        (180, Language.SR_CYRL, f"Подсетник: Workshop почиње за 3 сата, {AT}.\nМесто: Skopje"),
        (2880, Language.MK, f"Потсетник: Workshop почнува за 2 дена, {AT}.\nМесто: Skopje"),
    ],
)  # fmt: skip
def test_a_reminder_says_how_soon_when_and_where(
    composer: Composer, minutes: int, language: Language, expected: str
) -> None:
    """Reminder: TITLE starts in 1 day, at a local time, and where, in the member's language."""
    message = composer.compose(reminder(minutes), reader(language))
    assert to_plain(message.paragraphs) == expected


def test_a_reminder_carries_the_rsvp_buttons(composer: Composer) -> None:
    """A member who had not answered, or changed their mind, answers under the reminder."""
    [row] = composer.compose(reminder(60), reader()).buttons
    assert [b.label for b in row] == ["Going", "Maybe", "Not going"]
    assert SIGNER.verify(CHAT, row[2].data) == Press("r", "7.no")


def test_an_invitation_without_its_event_is_an_error(composer: Composer) -> None:
    """The engine always passes the event: without it, composing fails loudly."""
    broken = Occasion(3, 4, "invitation", {"title": "x"}, STARTS)
    with pytest.raises(ValueError, match="needs its event"):
        composer.compose(broken, reader())
