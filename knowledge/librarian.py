"""Answers members' questions from the index and keeps a log of what they asked."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from knowledge.entry import Entry
from knowledge.search import Decision, Finding, Searcher
from knowledge.tables import AskedRow


class Librarian:
    """Finds the entry for a question, and records the question for the curators."""

    def __init__(
        self,
        searcher: Searcher,
        entries: Sequence[Entry],
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
    ) -> None:
        self._searcher = searcher
        self._entries = {e.id: e for e in entries}
        self._sessions = sessions
        self._clock = clock

    @property
    def entries(self) -> Sequence[Entry]:
        """Every entry that can be served, in id order."""
        return [self._entries[k] for k in sorted(self._entries)]

    def entry(self, entry_id: str) -> Entry | None:
        """One entry by id, if it exists."""
        return self._entries.get(entry_id)

    def find(self, question: str) -> Finding:
        """Search without logging (for previews and tools)."""
        return self._searcher.find(question)

    async def ask(self, question: str, channel: str, member_id: int | None = None) -> Finding:
        """Search, log the question with its outcome, and return the finding."""
        return (await self.ask_logged(question, channel, member_id))[0]

    async def ask_logged(
        self, question: str, channel: str, member_id: int | None = None
    ) -> tuple[Finding, int]:
        """Like ``ask``, also returning the id of the log row (for feedback and hand-offs)."""
        finding = self._searcher.find(question)
        best = finding.hits[0] if finding.hits and finding.decision is not Decision.NONE else None
        async with self._sessions.begin() as session:
            row = AskedRow(
                asked_at=self._clock.now(),
                channel=channel,
                member_id=member_id,
                text=question,
                normalised=finding.normalised,
                decision=finding.decision.value,
                entry_id=best.entry_id if best else None,
                score=float(finding.hits[0].score) if finding.hits else None,
            )
            session.add(row)
            await session.flush()
        return finding, row.id
