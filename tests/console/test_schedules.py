"""Schedules in the console: a preview as members will see it, with recipients and next dates;
then scheduled, changed, cancelled; refusals in one line."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from bot.app import Mreza, signer_for
from bot.schedules.composer import Composer
from core.events import Chat
from core.markup import to_html
from core.members import Language, Member, Role
from scheduler.composing import Recipient
from scheduler.firing import Firing
from scheduler.occasions import load_occasion
from scheduler.schedule_tables import OccurrenceRow
from tests.console.conftest import Console
from tests.console.pulsing import QUESTION, pulse_answered


def _post(console: Console, **fields: object) -> str:
    """Post the new-schedule form; the page that comes back."""
    data = {"csrf": console.csrf("/console/schedules/new"), "kind": "announcement",
            "audience": "all", "repeat": "", **fields}  # fmt: skip
    return console.client.post("/console/schedules/new", data=data).text


def test_a_preview_counts_recipients_and_shows_every_language(console: Console) -> None:
    """Weekly from Monday 10:00: five dates, the recipients now, the heading in each language."""
    console.person("Mila", Role.MEMBER, Language.MK)
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Regional meeting notes are online.", at="2027-01-18T10:00",
                 repeat="weekly", step="preview")  # fmt: skip
    assert "data-recipients>2<" in page
    assert "2027-01-18 10:00, 2027-01-25 10:00, 2027-02-01 10:00" in page
    assert page.count("Regional meeting notes are online.") == 5  # the form and four previews
    assert "Известување" in page  # the heading as a Macedonian member reads it


def test_an_announcement_is_scheduled_and_audited(console: Console) -> None:
    """Schedule it: its page says so, the list and calendar show it, the audit log names who."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Training on Friday.", at="2027-01-15T09:00", step="schedule")
    assert "Scheduled." in page
    listed = console.client.get("/console/schedules").text
    assert "Training on Friday." in listed
    assert "09:00 Training on Friday." in listed  # in the calendar's day
    assert "announcement-scheduled" in console.client.get("/console/audit").text


def test_a_time_in_the_past_is_refused_in_one_line(console: Console) -> None:
    """Nothing is stored; the page keeps what was typed and says why."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Too late.", at="2026-01-01T09:00", step="schedule")
    assert "is in the past" in page
    assert "Too late." in page
    assert "Too late." not in console.client.get("/console/schedules").text


def test_an_audience_of_nobody_is_refused(console: Console) -> None:
    """Everyone unticked and nothing else ticked: a clear sentence, nothing stored."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Hello.", audience=[], step="schedule")
    assert 'role="alert"' in page
    assert "nobody is ticked" in page
    assert "Hello." not in console.client.get("/console/schedules").text


def test_a_schedule_is_cancelled(console: Console) -> None:
    """Cancel: its status says so and it leaves the list of what goes out."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, text="Maybe not.", at="2027-01-20T09:00", step="schedule")
    (schedule,) = re.findall(
        r'href="/console/schedules/(\d+)"', console.client.get("/console/schedules").text
    )[:1]
    path = f"/console/schedules/{schedule}"
    page = console.client.post(path, data={"csrf": console.csrf(path), "action": "cancel"}).text
    assert "Cancelled." in page
    assert "cancelled" in page
    assert "Maybe not." not in console.client.get("/console/schedules").text


def test_an_event_preview_is_the_invitation_members_get(console: Console) -> None:
    """Title, when and where, and the RSVP question, in each language."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, kind="event", title="Regional workshop", starts="2027-02-02T10:00",
                 ends="2027-02-02T16:00", place="Ohrid", step="preview")  # fmt: skip
    assert "2027-02-02 10:00–16:00 (Europe/Belgrade)" in page
    assert "Will you come?" in page
    assert page.count("Ohrid") == 5  # the form, and the invitation in four languages


def _first_schedule(console: Console) -> str:
    """The path of the first schedule the list links to."""
    listed = console.client.get("/console/schedules").text
    return "/console/schedules/" + re.findall(r'href="/console/schedules/(\d+)"', listed)[0]


def _change(console: Console, path: str, **fields: str) -> str:
    """Post a change on a schedule's page; the page that comes back."""
    return console.client.post(path, data={"csrf": console.csrf(path), **fields}).text


async def _what_gets(mreza: Mreza, schedule_id: int, member: Member) -> str:
    """Fire what is due and compose the schedule's message as this member will get it."""
    await Firing(mreza.sessions, mreza.members, mreza.clock, timedelta(hours=1)).fire_due()
    async with mreza.sessions() as session:
        occurrence = await session.scalar(
            select(OccurrenceRow.id).where(OccurrenceRow.schedule_id == schedule_id)
        )
    assert occurrence is not None, "the schedule did not fire"
    occasion = await load_occasion(mreza.sessions, occurrence)
    assert occasion is not None
    composer = Composer(mreza.translations, await signer_for(mreza))
    recipient = Recipient("member", Chat("telegram", "1"), member)
    return to_html(composer.compose(occasion, recipient).paragraphs)


def test_an_events_title_is_edited_and_members_get_it(console: Console) -> None:
    """The workshop gets a clearer title: the list shows it, the invitation carries it,
    and the audit log names who changed it."""
    mila = console.person("Mila", Role.MEMBER, Language.MK)
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, kind="event", title="Regional workshop", starts="2027-02-02T10:00",
          ends="2027-02-02T16:00", place="Ohrid", step="schedule")  # fmt: skip
    path = _first_schedule(console)
    page = _change(console, path, action="event", title="Regional workshop on the NAP",
                   description="Bring the national action plan.")  # fmt: skip
    assert "Saved." in page
    assert "Bring the national action plan." in page
    assert "Regional workshop on the NAP" in console.client.get("/console/schedules").text
    got = console.run(_what_gets, console.mreza, int(path.rsplit("/", 1)[1]), mila)
    assert "Regional workshop on the NAP" in got
    assert "Bring the national action plan." in got
    assert "event-text-changed" in console.client.get("/console/audit").text


def test_an_event_without_a_title_is_refused_in_one_line(console: Console) -> None:
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, kind="event", title="Regional workshop", starts="2027-02-02T10:00",
          ends="2027-02-02T16:00", step="schedule")  # fmt: skip
    path = _first_schedule(console)
    page = _change(console, path, action="event", title=" ", description="")
    assert 'role="alert"' in page
    assert "the event has no title" in page
    assert "Regional workshop" in console.client.get("/console/schedules").text


def test_a_pulse_question_is_edited_before_it_opens(console: Console) -> None:
    """Scheduled for next week: its question can still be put better."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, kind="pulse", question="Do you know your person of trust?",
          options="Yes\nNo", at="2027-01-19T10:00", step="schedule")  # fmt: skip
    path = _first_schedule(console)
    page = _change(
        console, path, action="question", question="Do you know who your person of trust is?"
    )
    assert "Saved." in page
    assert (
        "Do you know who your person of trust is?" in console.client.get("/console/schedules").text
    )
    assert "pulse-question-changed" in console.client.get("/console/audit").text


def test_a_pulse_question_is_refused_once_members_were_asked(console: Console) -> None:
    """Answers belong to the question members saw: a clear refusal, the question unchanged."""
    pulse = console.run(pulse_answered, console.mreza, console.clock, ["RS"])
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    path = f"/console/schedules/{pulse}"
    page = _change(console, path, action="question", question="Something else?")
    assert 'role="alert"' in page
    assert "has already asked its question" in page
    assert console.run(console.mreza.planner.get, pulse).summary == QUESTION


def test_an_edit_without_its_csrf_token_changes_nothing(console: Console) -> None:
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, kind="pulse", question="Do you know your person of trust?",
          options="Yes\nNo", at="2027-01-19T10:00", step="schedule")  # fmt: skip
    path = _first_schedule(console)
    refused = console.client.post(
        path, data={"csrf": "0" * 64, "action": "question", "question": "Forged?"}
    )
    assert refused.status_code == 403
    assert "Forged?" not in console.client.get("/console/schedules").text


def test_a_member_no_longer_coordinating_cannot_edit(console: Console) -> None:
    """Ana's role is taken back while her page is open: her edit is refused on the server."""
    ana = console.person("Ana", Role.COORDINATOR)
    console.sign_in(ana)
    _post(console, kind="event", title="Regional workshop", starts="2027-02-02T10:00",
          ends="2027-02-02T16:00", step="schedule")  # fmt: skip
    path = _first_schedule(console)
    token = console.csrf(path)
    console.run(console.mreza.members.set_role, ana.id, Role.MEMBER)
    refused = console.client.post(
        path, data={"csrf": token, "action": "event", "title": "Hijacked", "description": ""}
    )
    assert refused.status_code == 403
    console.run(console.mreza.members.set_role, ana.id, Role.COORDINATOR)
    assert "Hijacked" not in console.client.get("/console/schedules").text
