"""``mreza invite create``: a code and a t.me link that let someone join."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from bot.members.invite_store import SqlInviteBook
from bot.members.invites import Invite, InviteRefused
from core.storage import create_engine, session_factory
from tests.members.conftest import Cli, never_opened, one_line_error
from tests.moment import NOW


def redeem(database_url: str, code: str) -> Invite:
    """Use the code once, as a newcomer would."""

    async def run() -> Invite:
        engine = create_engine(database_url)
        try:
            return await SqlInviteBook(session_factory(engine)).redeem(code, NOW)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def printed_code(stdout: str) -> str:
    """The code from the ``code:`` line."""
    found = re.search(r"^code: (\S+)$", stdout, re.MULTILINE)
    assert found, stdout
    return found.group(1)


def test_an_invite_comes_with_its_link(mreza_cli: Cli) -> None:
    """With the bot's username set, the admin gets the code and the deep link that carries it."""
    result = replace(mreza_cli, bot_username="MrezaBot")(
        "invite", "create", "--role", "coordinator", "--country", "rs", "--uses", "3"
    )
    assert result.exit_code == 0, result.output
    code = printed_code(result.stdout)
    assert f"link: https://t.me/MrezaBot?start={code}\n" in result.stdout
    assert re.match(r"invite 1: coordinator in RS, 3 uses, expires \d{4}-\d\d-\d\d", result.stdout)
    invite = redeem(mreza_cli.database_url, code)
    assert (invite.role, invite.country, invite.uses_left) == ("coordinator", "RS", 2)
    assert invite.expires_at is not None
    assert invite.expires_at - invite.created_at == timedelta(days=7)


def test_an_invite_in_json(mreza_cli: Cli) -> None:
    """--json: what it grants, until when, its code and its link, the code one that works."""
    result = replace(mreza_cli, bot_username="MrezaBot")(
        "invite", "create", "--role", "member", "--country", "ME", "--json"
    )
    assert result.exit_code == 0, result.output
    made = json.loads(result.stdout)
    assert (made["id"], made["role"], made["country"], made["uses_left"]) == (1, "member", "ME", 1)
    assert made["link"] == f"https://t.me/MrezaBot?start={made['code']}"
    assert datetime.fromisoformat(made["expires_at"]) - NOW == timedelta(days=7)
    assert redeem(mreza_cli.database_url, made["code"]).country == "ME"


def test_without_a_username_the_code_comes_with_a_hint(mreza_cli: Cli) -> None:
    """Without MREZA_TELEGRAM_BOT_USERNAME the code is printed and the missing setting named."""
    result = mreza_cli("invite", "create", "--role", "member", "--country", "BA")
    assert result.exit_code == 0, result.output
    assert "https://t.me" not in result.stdout
    assert "MREZA_TELEGRAM_BOT_USERNAME" in result.stdout
    assert redeem(mreza_cli.database_url, printed_code(result.stdout)).uses_left == 0


@pytest.mark.parametrize(
    ("expires", "valid_for"),
    [("12h", timedelta(hours=12)), ("30m", timedelta(minutes=30)), ("1d12h", timedelta(hours=36))],
)
def test_the_expiry_is_read_from_a_short_duration(
    mreza_cli: Cli, expires: str, valid_for: timedelta
) -> None:
    """12h, 30m and 1d12h mean what they say."""
    result = mreza_cli(
        "invite", "create", "--role", "member", "--country", "ME", "--expires", expires
    )
    invite = redeem(mreza_cli.database_url, printed_code(result.stdout))
    assert invite.expires_at is not None
    assert invite.expires_at - invite.created_at == valid_for


def test_an_invite_can_be_made_to_never_expire(mreza_cli: Cli) -> None:
    """`--expires never` makes a code without an end date."""
    result = mreza_cli(
        "invite", "create", "--role", "member", "--country", "MK", "--expires", "never"
    )
    assert "never expires" in result.stdout
    assert redeem(mreza_cli.database_url, printed_code(result.stdout)).expires_at is None


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("--role", "boss"), "unknown role 'boss'; use member, coordinator or admin"),
        (("--country", "XK"), "unknown country 'XK'; use BA, ME, MK, RS or regional"),
        (("--uses", "0"), "--uses must be a positive whole number, not '0'"),
        (("--uses", "many"), "--uses must be a positive whole number, not 'many'"),
        (("--expires", "7y"), "cannot read the duration '7y'; write it like 7d, 12h or 30m"),
        (("--expires", "0d"), "the duration '0d' is zero"),
        (("--expires", "5000d"), "the duration '5000d' is longer than ten years"),
    ],
)
def test_a_bad_invite_argument_is_refused(
    unopened_cli: Cli, change: tuple[str, str], complaint: str
) -> None:
    """Each bad value gets one line on stderr, exit 2, and no database is created."""
    result = unopened_cli("invite", "create", "--role", "member", "--country", "BA", *change)
    assert result.exit_code == 2
    assert one_line_error(result) == f"mreza: {complaint}\n"
    assert never_opened(unopened_cli)


def test_the_list_shows_each_invite_and_whether_it_still_admits(mreza_cli: Cli) -> None:
    """One line per invite, oldest first: what it grants, uses left, expiry and state."""
    used = printed_code(mreza_cli("invite", "create", "--role", "member", "--country", "ME").stdout)
    mreza_cli("invite", "create", "--role", "coordinator", "--country", "RS", "--uses", "5")
    redeem(mreza_cli.database_url, used)
    lines = mreza_cli("invite", "list").stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("invite 1: member in ME, 0 uses, expires ")
    assert lines[0].endswith("(used up)")
    assert lines[1].startswith("invite 2: coordinator in RS, 5 uses, expires ")
    assert lines[1].endswith("(live)")


def test_the_list_as_json(mreza_cli: Cli) -> None:
    """--json prints one object per invite, without its code."""
    mreza_cli("invite", "create", "--role", "member", "--country", "MK", "--expires", "never")
    result = mreza_cli("invite", "list", "--json")
    [invite] = json.loads(result.stdout)
    assert invite == {
        "id": 1, "role": "member", "country": "MK", "uses_left": 1, "expires_at": None,
        "created_at": invite["created_at"], "state": "live",
    }  # fmt: skip


def test_a_revoked_invite_admits_nobody(mreza_cli: Cli) -> None:
    """Revoked by its code (or link), the invite is gone and its code is unknown."""
    created = replace(mreza_cli, bot_username="MrezaBot")(
        "invite", "create", "--role", "member", "--country", "RS", "--uses", "20"
    )
    link = re.search(r"^link: (\S+)$", created.stdout, re.MULTILINE)
    assert link is not None
    result = mreza_cli("invite", "revoke", link.group(1))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("revoked invite 1: member in RS, 20 uses")
    with pytest.raises(InviteRefused):
        redeem(mreza_cli.database_url, printed_code(created.stdout))
    assert mreza_cli("invite", "list").stdout == "no invites\n"


def test_an_invite_can_be_revoked_by_its_id(mreza_cli: Cli) -> None:
    """The list shows no codes, so the id it shows revokes an invite too."""
    mreza_cli("invite", "create", "--role", "member", "--country", "RS")
    assert mreza_cli("invite", "revoke", "1").exit_code == 0
    assert mreza_cli("invite", "list").stdout == "no invites\n"


def test_revoking_what_is_not_there_fails_cleanly(mreza_cli: Cli) -> None:
    """Exit 1 and one line naming what was asked for."""
    result = mreza_cli("invite", "revoke", "nosuchcode")
    assert result.exit_code == 1
    assert "there is no invite 'nosuchcode'" in one_line_error(result)
