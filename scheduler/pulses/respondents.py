"""Which group each answer of a confidential round belongs to, worked out when results are read.

The database keeps no country or role beside an answer (in a small group that would name the
member). With the secret key, the pseudonym of every member the round went to can be computed
again and matched to the answers; the groups are those the members have now.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.pulse_drafts import Mode
from scheduler.pulses.rounds import Round
from scheduler.schedule_tables import DeliveryRow


@dataclass(frozen=True, slots=True)
class Groups:
    """The groups an answer is broken down by."""

    country: str = ""
    role: str = ""


class MemberGroups(Protocol):
    """Country and role of many members at once."""

    async def groups(self, member_ids: Collection[int]) -> dict[int, tuple[str, str]]:
        """(country, role) by member id, for those that exist."""
        ...


class Respondents:
    """Groups of a round's answers, by their pseudonyms; nothing for anonymous rounds."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        pseudonyms: Pseudonyms,
        members: MemberGroups,
    ) -> None:
        self._sessions = sessions
        self._pseudonyms = pseudonyms
        self._members = members

    async def groups(self, found: Round) -> dict[str, Groups]:
        """Pseudonym -> groups, for every member the round went to."""
        if found.pulse.mode is not Mode.CONFIDENTIAL or not self._pseudonyms.keyed:
            return {}
        async with self._sessions() as session:
            invited = {
                member
                for member in await session.scalars(
                    select(DeliveryRow.member_id).where(DeliveryRow.occurrence_id == found.id)
                )
                if member is not None
            }
        return {
            self._pseudonyms.respondent(found.id, member): Groups(country, role)
            for member, (country, role) in (await self._members.groups(invited)).items()
        }
