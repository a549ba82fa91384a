"""The curators' desk: the unanswered queue, teaching from it, and the suggested wordings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import suggestions, teaching
from knowledge.suggestions import Suggestion
from knowledge.teaching import Attached, TeachingRefused
from knowledge.unanswered import Group, gather, open_groups


class CurationDesk:
    """What coordinators decide about the knowledge base; refusals raise ``TeachingRefused``."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def unanswered(self, now: datetime) -> list[Group]:
        """The open groups of unanswered questions, new ones gathered first, largest first."""
        async with self._sessions.begin() as session:
            await gather(session, now)
            return await open_groups(session)

    async def waits(self, group_id: int) -> bool:
        """Whether a group still waits for a decision."""
        try:
            async with self._sessions() as session:
                await teaching.open_group(session, group_id)
        except TeachingRefused:
            return False
        return True

    async def attach(self, group_id: int, entry_id: str, now: datetime) -> Attached:
        """Make a group's questions phrasings of an entry."""
        async with self._sessions.begin() as session:
            return await teaching.attach(session, group_id, entry_id, now)

    async def dismiss(self, group_id: int, now: datetime) -> None:
        """Mark a group out of scope."""
        async with self._sessions.begin() as session:
            await teaching.dismiss(session, group_id, now)

    async def reopen(self, group_id: int) -> None:
        """Undo a dismissal."""
        async with self._sessions.begin() as session:
            await teaching.reopen(session, group_id)

    async def phrasings_of(self, group_id: int) -> tuple[str, ...]:
        """Every distinct wording of a group's questions, most asked first."""
        async with self._sessions() as session:
            return await teaching.phrasings_of(session, group_id)

    async def add_phrasings(self, entry_id: str, texts: Sequence[str]) -> tuple[str, ...]:
        """Add members' wordings to an entry; those that were new to it."""
        async with self._sessions.begin() as session:
            return await teaching.add_phrasings(session, entry_id, texts)

    async def suggestions(self, now: datetime) -> list[Suggestion]:
        """The pending suggested wordings, new ones proposed first, best backed first."""
        async with self._sessions.begin() as session:
            await suggestions.propose(session, now)
            return await suggestions.pending(session)

    async def decide(self, suggestion_id: int, adopt: bool, now: datetime) -> Suggestion:
        """Add a suggested wording to its entry, or reject it."""
        async with self._sessions.begin() as session:
            return await suggestions.decide(session, suggestion_id, adopt, now)
