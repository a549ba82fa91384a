"""How members and invites are shown on the command line: a line, a table, or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.members.invites import Invite
from core.members import Member

COLUMNS = ("id", "name", "country", "role", "language", "status", "telegram", "signal")


def member_line(member: Member) -> str:
    """One member in a sentence: id, name, country, role and language."""
    name = member.name or "(forgotten)"
    return f"member {member.id}: {name} ({member.country}, {member.role}, {member.language})"


def member_json(member: Member) -> dict[str, Any]:
    """The JSON shape of a member."""
    return {
        "id": member.id,
        "name": member.name,
        "country": member.country,
        "institution": member.institution,
        "role": member.role.value,
        "language": member.language.value,
        "status": member.status.value,
        "joined": member.joined.isoformat(),
        "identities": [
            {"transport": i.transport, "external_id": i.external_id} for i in member.identities
        ],
        "preferred_transport": member.preferred,
    }


def members_table(members: Sequence[Member]) -> str:
    """Members as aligned columns, one line each."""
    if not members:
        return "no members yet"
    rows = [COLUMNS, *(_cells(m) for m in members)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _cells(member: Member) -> tuple[str, ...]:
    def accounts(transport: str) -> str:
        return ",".join(i.external_id for i in member.identities if i.transport == transport)

    return (
        str(member.id),
        member.name or "(forgotten)",
        member.country,
        member.role.value,
        member.language.value,
        member.status.value,
        accounts("telegram") or "-",
        accounts("signal") or "-",
    )


def invite_line(invite: Invite) -> str:
    """What an invite grants and until when."""
    uses = f"{invite.uses_left} use" + ("" if invite.uses_left == 1 else "s")
    return f"invite {invite.id}: {invite.role} in {invite.country}, {uses}, {_until(invite)}"


def invite_json(invite: Invite) -> dict[str, Any]:
    """The JSON shape of an invite, without its code."""
    return {
        "id": invite.id,
        "role": invite.role.value,
        "country": invite.country,
        "uses_left": invite.uses_left,
        "expires_at": invite.expires_at.isoformat() if invite.expires_at else None,
    }


def _until(invite: Invite) -> str:
    if invite.expires_at is None:
        return "never expires"
    return f"expires {_minute(invite.expires_at)}"


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
