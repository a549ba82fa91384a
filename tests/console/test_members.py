"""Members in the console: a CSV import shown first as a dry run, then done; invitations."""

from __future__ import annotations

import re

from core.members import Role
from tests.console.conftest import Console

CSV = """telegram_id,name,country,role,language
7001,Jelena Petrović,RS,member,bcms
7002,Марко Марковић,RS,coordinator,sr-cyrl
not-a-number,Broken Row,RS,member,en
{taken},Already Here,ME,member,en
"""


def test_a_csv_import_is_a_dry_run_first(console: Console) -> None:
    """The dry run lists each row's outcome and adds nobody; Import adds the good rows."""
    admin = console.person("Boss", Role.ADMIN)
    client = console.sign_in(admin)
    text = CSV.format(taken=admin.identities[0].external_id)
    token = console.csrf("/console/members/import")
    before = len(console.run(console.mreza.members.all))
    dry = client.post(
        "/console/members/import", data={"csrf": token, "csv": text, "step": "dry-run"}
    )
    assert dry.text.count("would be added") == 2
    assert dry.text.count('class="problems"') == 1  # the row without a number
    assert f"already a member: #{admin.id}" in dry.text
    assert len(console.run(console.mreza.members.all)) == before
    done = client.post(
        "/console/members/import", data={"csrf": token, "csv": text, "step": "import"}
    )
    assert "Imported 2 member(s)." in done.text
    names = {m.name for m in console.run(console.mreza.members.all)}
    assert {"Jelena Petrović", "Марко Марковић"} <= names
    assert "members-imported" in client.get("/console/audit").text


def test_a_csv_with_a_wrong_header_says_so(console: Console) -> None:
    """One line about the header; nothing imported."""
    client = console.sign_in(console.person("Boss", Role.ADMIN))
    page = client.post(
        "/console/members/import",
        data={"csrf": console.csrf("/console/members/import"), "csv": "who,where\nx,y\n"},
    )
    assert page.status_code == 422
    assert "the header must be" in page.text


def test_an_invitation_is_created_once_and_revoked(console: Console) -> None:
    """The link is shown once; revoked, it leaves the list and no longer admits anyone."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    token = console.csrf("/console/invitations")
    made = client.post(
        "/console/invitations",
        data={"csrf": token, "action": "create", "role": "member", "country": "MK", "uses": "3"},
    ).text
    code = re.search(r"<code>([^<]+)</code>", made)
    assert code is not None
    (invite,) = re.findall(r'name="invite" value="(\d+)"', made)
    revoked = client.post(
        "/console/invitations", data={"csrf": token, "action": "revoke", "invite": invite}
    ).text
    assert "Revoked." in revoked
    assert 'name="invite"' not in revoked


def test_nobody_invites_an_admin(console: Console) -> None:
    """Admins are made by admins one by one, not by invitation links."""
    client = console.sign_in(console.person("Boss", Role.ADMIN))
    page = client.post(
        "/console/invitations",
        data={"csrf": console.csrf("/console/invitations"), "action": "create", "role": "admin",
              "country": "RS", "uses": "1"},
    ).text  # fmt: skip
    assert "<code>" not in page
    assert "does not allow" in page
