"""Who coordinates: the active coordinators of the network, of a country, or the regional ones."""

from __future__ import annotations

from core.members import Member, MemberDirectory, Role, Status


async def coordinators_for_all(members: MemberDirectory) -> list[Member]:
    """Every active coordinator (admins included)."""
    return [
        m
        for m in await members.all()
        if m.status is Status.ACTIVE and m.role.includes(Role.COORDINATOR)
    ]


async def coordinators_for(members: MemberDirectory, country: str) -> list[Member]:
    """The active coordinators of a country; the regional ones when it has none."""
    active = await coordinators_for_all(members)
    local = [m for m in active if m.country == country]
    return local or [m for m in active if m.country == "regional"]
