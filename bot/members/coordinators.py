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
    """Who answers for a country: its coordinators; the regional ones when it has none; and when
    the region has none either, every admin, so that a question passed on always reaches someone
    who can answer it if anyone can."""
    active = await coordinators_for_all(members)
    local = [m for m in active if m.country == country]
    regional = [m for m in active if m.country == "regional"]
    return local or regional or [m for m in active if m.role is Role.ADMIN]
