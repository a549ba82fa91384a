"""Schedules in the console: a preview as members will see it, with recipients and next dates;
then scheduled, changed, cancelled; refusals in one line."""

from __future__ import annotations

import re

from core.members import Language, Role
from tests.console.conftest import Console


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
    """Countries chosen but none ticked: a clear sentence, nothing stored."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Hello.", audience="countries", step="schedule")
    assert 'role="alert"' in page


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
