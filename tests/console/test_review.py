"""The review page: the chat's curator actions, one item at a time or several at once."""

from __future__ import annotations

import re

from core.members import Role
from tests.console.conftest import Console

WEATHER = "what will the weather be in belgrade tomorrow"
CONFIDENTIAL = "is there someone confidential in my unit"


def _asked(console: Console, *questions: str) -> None:
    """Members asked these and got no answer."""
    for text in questions:
        console.run(console.mreza.librarian.ask_logged, text, "telegram", None, "RS")


def _groups(page: str) -> list[str]:
    return re.findall(r'name="item" value="(\d+)" form="bulk-groups"', page)


def test_a_group_is_attached_to_the_entry_search_offers(console: Console) -> None:
    """Attach: the group's question becomes a phrasing of the entry, and it leaves the queue."""
    _asked(console, CONFIDENTIAL)
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = client.get("/console/review").text
    (group,) = _groups(page)
    entry = re.search(rf'name="entry-{group}">\s*<option value="([^"]+)"', page)
    assert entry is not None
    done = client.post(
        "/console/review",
        data={"csrf": console.csrf("/console/review"), "action": "attach", "item": group,
              f"entry-{group}": entry.group(1)},
    )  # fmt: skip
    assert _groups(done.text) == []
    assert CONFIDENTIAL in [q.text for q in console.mreza.librarian.entry(entry.group(1)).questions]
    assert "group-attached" in client.get("/console/audit").text


def test_several_groups_are_dismissed_at_once(console: Console) -> None:
    """Bulk: two groups chosen, one press, both out of scope."""
    _asked(console, WEATHER, "recipe for a chocolate cake with walnuts")
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    groups = _groups(client.get("/console/review").text)
    assert len(groups) == 2
    done = client.post(
        "/console/review",
        data={"csrf": console.csrf("/console/review"), "action": "dismiss", "item": groups},
    )
    assert _groups(done.text) == []
    assert done.text.count("group-dismissed") == 0  # the audit is on its own page
    assert client.get("/console/audit").text.count("group-dismissed") == 2


def test_a_draft_from_a_group_waits_for_review_and_is_accepted(console: Console) -> None:
    """Draft: a new entry from a group goes to the shared lessons; accepting serves it."""
    _asked(console, WEATHER)
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    (group,) = _groups(client.get("/console/review").text)
    token = console.csrf("/console/review")
    drafted = client.post(
        "/console/review",
        data={
            "csrf": token,
            "action": "draft",
            "item": group,
            f"title-{group}": "Weather on exercises",
            f"answer-{group}": "Mreža answers about gender equality in defence, not the weather.",
        },
    )
    (number,) = re.findall(r'name="item" value="(\d+)" form="bulk-submissions"', drafted.text)
    accepted = client.post(
        "/console/review", data={"csrf": token, "action": "accept", "item": number}
    )
    assert "Done" in accepted.text
    assert any(e.title == "Weather on exercises" for e in console.mreza.librarian.entries)


def test_a_decline_without_a_note_is_refused(console: Console) -> None:
    """The author must hear why: no note, no decline, and the page says so."""
    _asked(console, WEATHER)
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    (group,) = _groups(client.get("/console/review").text)
    token = console.csrf("/console/review")
    drafted = client.post(
        "/console/review",
        data={"csrf": token, "action": "draft", "item": group, f"title-{group}": "Weather",
              f"answer-{group}": "Not our topic."},
    )  # fmt: skip
    (number,) = re.findall(r'name="item" value="(\d+)" form="bulk-submissions"', drafted.text)
    refused = client.post(
        "/console/review", data={"csrf": token, "action": "decline", "item": number}
    )
    assert 'role="alert"' in refused.text
    assert re.findall(r'name="item" value="(\d+)" form="bulk-submissions"', refused.text) == [
        number
    ]


def test_nothing_chosen_is_said_plainly(console: Console) -> None:
    """A bulk press with nothing ticked changes nothing and says what is missing."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = client.post(
        "/console/review", data={"csrf": console.csrf("/console/review"), "action": "dismiss"}
    )
    assert "Choose at least one item" in page.text
