"""A coordinator's visit to the new-schedule form: countries, roles and group chats ticked
together, as the chat's /announce picks them; repeats offered as the chat offers them."""

from __future__ import annotations

import re
from html import unescape

from bot.members.group_chats import GroupChats
from core.events import Chat
from core.members import Role
from scheduler.schedule_drafts import When
from tests.console.conftest import Console

MK_RS_COORDINATORS = ["country:MK", "country:RS", "role:coordinator"]


def _post(console: Console, **fields: object) -> str:
    """Post the new-schedule form as the browser sends it; the page that comes back, unescaped."""
    data = {"csrf": console.csrf("/console/schedules/new"), "kind": "announcement",
            "audience": "all", "repeat": "", **fields}  # fmt: skip
    return unescape(console.client.post("/console/schedules/new", data=data).text)


def _stored(console: Console) -> tuple[str, str | None]:
    """The audience and rule of the schedule the list shows first, as the planner stores them."""
    listed = console.client.get("/console/schedules").text
    schedule_id = int(re.findall(r'href="/console/schedules/(\d+)"', listed)[0])
    view = console.run(console.mreza.planner.get, schedule_id)
    return str(view.audience), view.rule


def _network(console: Console) -> None:
    """Coordinators in Skopje and Belgrade, a member in Belgrade, a coordinator in Podgorica."""
    console.person("Marija", Role.COORDINATOR, country="MK")
    console.person("Luka", Role.COORDINATOR, country="RS")
    console.person("Ivana", Role.MEMBER, country="RS")
    console.person("Nikola", Role.COORDINATOR, country="ME")


def test_the_form_offers_every_tick_and_says_how_they_combine(console: Console) -> None:
    """Checkboxes, no radio; Everyone ticked until the coordinator chooses otherwise."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = console.client.get("/console/schedules/new").text
    assert 'type="radio"' not in page
    assert 'type="checkbox" name="audience" value="all" checked' in page
    for tick in ("North Macedonia", "Serbia", "Coordinators", "Administrators", "Group chats"):
        assert f"> {tick} (" in page
    assert "Serbia with Coordinators is the coordinators in Serbia" in page


def test_each_tick_says_how_many_it_reaches(console: Console) -> None:
    """As the chat's buttons do: Serbia 3 (Luka, Ivana and Ana), coordinators 4, everyone 5."""
    _network(console)
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = console.client.get("/console/schedules/new").text
    for tick, count in (
        ("Everyone", 5),
        ("Serbia", 3),
        ("North Macedonia", 1),
        ("Coordinators", 4),
    ):
        assert f"> {tick} ({count})</label>" in page


def test_a_few_group_chats_are_ticked_one_by_one(console: Console) -> None:
    """Two group chats: each has its own tick, and ticking one sends to that chat alone."""
    groups = GroupChats(console.mreza.sessions, console.clock)
    for number, title in ((1, "Trainers"), (2, "Focal points")):
        console.run(groups.seen, Chat("telegram", f"-100{number}", private=False), title)
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = console.client.get("/console/schedules/new").text
    assert "> 💬 Trainers (1)</label>" in page
    [trainers] = re.findall(r'value="(groups:\d+)"> 💬 Trainers', page)
    _post(console, audience=[trainers], text="Hello, trainers.", at="2027-01-14T10:00",
          step="schedule")  # fmt: skip
    assert _stored(console) == (trainers, None)


def test_coordinators_in_two_countries_are_previewed_and_scheduled(console: Console) -> None:
    """Tick North Macedonia, Serbia and Coordinators: the preview says who and how many,
    and the schedule stores the audience the chat would."""
    _network(console)
    console.sign_in(console.person("Ana", Role.COORDINATOR, country="BA"))
    ticked = {"audience": MK_RS_COORDINATORS, "text": "Coordinators' call on Thursday.",
              "at": "2027-01-14T10:00"}  # fmt: skip
    page = _post(console, step="preview", **ticked)
    assert "data-who>Coordinators in North Macedonia, Serbia<" in page
    assert "data-recipients>2<" in page  # Marija and Luka; not Ivana, not Nikola
    assert 'value="country:MK" checked' in page  # the ticks kept for Schedule it
    assert 'value="all" checked' not in page
    _post(console, step="schedule", **ticked)
    assert _stored(console) == ("country:MK,RS;role:coordinator", None)


def test_group_chats_come_on_top_of_the_members(console: Console) -> None:
    _network(console)
    console.sign_in(console.person("Ana", Role.COORDINATOR, country="BA"))
    page = _post(console, audience=["country:ME", "groups"], text="Hello.", step="preview")
    assert "data-who>Montenegro + Group chats<" in page


def test_a_forged_audience_is_refused_in_one_line(console: Console) -> None:
    """A value no tick offers: one line saying what is expected, the text kept, nothing stored."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, audience=["country:XX"], text="Forged.", step="schedule")
    (alert,) = re.findall(r'role="alert"[^>]*>([^<]*)<', page)
    assert "unknown country 'XX'" in alert
    assert "\n" not in alert.strip()
    assert "Forged." in page
    assert "Forged." not in console.client.get("/console/schedules").text


def test_everyone_with_a_country_is_refused(console: Console) -> None:
    """Without the page's script both can be ticked: the parser's one line says why not."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, audience=["all", "country:RS"], text="Both.", step="preview")
    assert "all goes alone" in page


def test_an_audience_reaching_nobody_is_refused_with_the_ticks_kept(console: Console) -> None:
    """Administrators in Montenegro: there are none, so the planner's reason, nothing stored."""
    _network(console)
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, audience=["country:ME", "role:admin"], text="Nobody.", step="preview")
    assert "the audience country:ME;role:admin reaches nobody right now" in page
    assert 'value="role:admin" checked' in page
    assert "Nobody." in page


def test_repeats_are_the_chats_presets_named_from_the_first_time(console: Console) -> None:
    """Monday 1 February: the labels say what each preset means from that day; no daily."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Monthly call.", at="2027-02-01T10:00", step="preview")
    labels = ("Once", "Every week on Monday", "Every month on day 1",
              "Every month on the first Monday", "Every workday (Monday to Friday)")  # fmt: skip
    for label in labels:
        assert f">{label}</option>" in page
    assert 'value="daily"' not in page
    assert "FREQ=MONTHLY<" not in page


def test_the_first_monday_is_previewed_and_stored_as_such(console: Console) -> None:
    """Every month on the first Monday from 1 February: five first Mondays, BYDAY=1MO stored."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    first_monday = {"text": "Monthly call.", "at": "2027-02-01T10:00", "repeat": "monthly-weekday"}
    page = _post(console, step="preview", **first_monday)
    assert ("2027-02-01 10:00, 2027-03-01 10:00, 2027-04-05 10:00, 2027-05-03 10:00, "
            "2027-06-07 10:00") in page  # fmt: skip
    _post(console, step="schedule", **first_monday)
    assert _stored(console) == ("all", "FREQ=MONTHLY;BYDAY=1MO")


def test_an_unknown_repeat_is_refused_in_one_line(console: Console) -> None:
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = _post(console, text="Daily.", at="2027-02-01T10:00", repeat="daily", step="schedule")
    assert "unknown repeat 'daily'" in page
    assert "Daily." not in console.client.get("/console/schedules").text


def test_a_schedules_repeat_is_changed_with_the_same_presets(console: Console) -> None:
    """Weekly on Mondays becomes the first Monday of each month, keeping its next time."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, text="Call.", at="2027-02-01T10:00", repeat="weekly", step="schedule")
    listed = console.client.get("/console/schedules").text
    path = "/console/schedules/" + re.findall(r'href="/console/schedules/(\d+)"', listed)[0]
    page = console.client.get(path).text
    assert "<dd>Every week on Monday</dd>" in page
    assert '<option value="weekly" selected>' in page
    data = {"csrf": console.csrf(path), "action": "time", "repeat": "monthly-weekday"}
    page = console.client.post(path, data=data).text
    assert "<dd>Every month on the first Monday</dd>" in page
    assert "2027-02-01 10:00" in page


def test_a_rule_no_preset_makes_is_kept_when_the_schedule_moves(console: Console) -> None:
    """Every other Monday, written as an RRULE in the chat: the page offers to keep it, and a
    move keeps it rather than making it go out once."""
    console.sign_in(console.person("Ana", Role.COORDINATOR))
    _post(console, text="Call.", at="2027-02-01T10:00", repeat="weekly", step="schedule")
    listed = console.client.get("/console/schedules").text
    schedule_id = int(re.findall(r'href="/console/schedules/(\d+)"', listed)[0])
    fortnightly = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
    console.run(_repeat, console, schedule_id, fortnightly)
    path = f"/console/schedules/{schedule_id}"
    assert f'<option value="keep" selected>{fortnightly}</option>' in console.client.get(path).text
    data = {
        "csrf": console.csrf(path),
        "action": "time",
        "at": "2027-02-08T10:00",
        "repeat": "keep",
    }
    assert "Saved." in console.client.post(path, data=data).text
    assert _stored(console) == ("all", fortnightly)


async def _repeat(console: Console, schedule_id: int, rule: str) -> None:
    """Change the rule as the chat's /schedules does with a typed RRULE."""
    view = await console.mreza.planner.get(schedule_id)
    await console.mreza.planner.edit_time(
        schedule_id, When(view.next_fire_at, rule, "Europe/Belgrade")
    )
