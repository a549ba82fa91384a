"""Roles and CSRF checked on the server for every route; every page renders for who may see it."""

from __future__ import annotations

import pytest

from bot.console.console_app import PAGES
from core.members import Role
from tests.console.conftest import Console

ENTRY = "complaint-mechanisms-overview"
READABLE = ("/console/", "/console/knowledge", "/console/knowledge?q=harass&country=RS",
            "/console/knowledge/test?question=who+is+a+person+of+trust&lang=mk",
            f"/console/knowledge/{ENTRY}", "/console/review", "/console/schedules",
            "/console/schedules/new", "/console/schedules/new?kind=event",
            "/console/schedules/new?kind=pulse", "/console/pulses", "/console/members",
            "/console/invitations", "/console/audit")  # fmt: skip


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_every_page_renders_for_coordinators_and_admins(console: Console, role: Role) -> None:
    """Each page answers 200 with its texts filled in."""
    client = console.sign_in(console.person("Ana", role))
    for path in READABLE:
        page = client.get(path)
        assert page.status_code == 200, (path, page.text[:300])


def test_every_page_has_a_route_with_its_role() -> None:
    """No route is registered without the role that may read it."""
    assert all(role in (Role.COORDINATOR, Role.ADMIN) for _, _, role, _ in PAGES)


def test_a_coordinator_cannot_change_members(console: Console) -> None:
    """Reading the members is for coordinators; changing a role needs an admin."""
    ana = console.person("Ana", Role.COORDINATOR)
    client = console.sign_in(ana)
    token = console.csrf("/console/members")
    refused = client.post(
        "/console/members",
        data={"csrf": token, "action": "role", "member": str(ana.id), "role": "admin"},
    )
    assert refused.status_code == 403
    assert console.run(console.mreza.members.get, ana.id).role is Role.COORDINATOR


def test_an_admin_changes_a_role_and_it_is_audited(console: Console) -> None:
    """An admin makes a member a coordinator; the audit log says who did it."""
    boss = console.person("Boss", Role.ADMIN)
    mila = console.person("Mila", Role.MEMBER)
    client = console.sign_in(boss)
    token = console.csrf("/console/members")
    client.post(
        "/console/members",
        data={"csrf": token, "action": "role", "member": str(mila.id), "role": "coordinator"},
    )
    assert console.run(console.mreza.members.get, mila.id).role is Role.COORDINATOR
    audit = client.get("/console/audit").text
    assert "member-role" in audit
    assert "Boss" in audit
    assert f"member {mila.id}" in audit


def test_a_post_without_its_csrf_token_changes_nothing(console: Console) -> None:
    """A form posted from elsewhere (no token, or another session's) is refused."""
    boss = console.person("Boss", Role.ADMIN)
    mila = console.person("Mila", Role.MEMBER)
    client = console.sign_in(boss)
    for token in ("", "0" * 64):
        refused = client.post(
            "/console/members",
            data={"csrf": token, "action": "remove", "member": str(mila.id)},
        )
        assert refused.status_code == 403
        assert "expired" in refused.text
    assert console.run(console.mreza.members.get, mila.id).active


def test_admins_only_import_members(console: Console) -> None:
    """The CSV import is refused to a coordinator, even to read."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    assert client.get("/console/members/import").status_code == 403
