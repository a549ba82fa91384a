"""Answers members' questions from the index and keeps a log of what they asked."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from knowledge.entry import Entry
from knowledge.entry_tables import AskedRow
from knowledge.search import Decision, Finding, Searcher
from knowledge.store import active_entries
from knowledge.teaching import dismissed_questions, revision

SearcherBuilder = Callable[[Sequence[Entry]], Searcher]


class Librarian:
    """Finds the entry for a question, and records the question for the curators."""

    def __init__(
        self,
        searcher: Searcher,
        entries: Sequence[Entry],
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        rebuild: SearcherBuilder | None = None,
        loaded_revision: str = "",
    ) -> None:
        self._searcher = searcher
        self._entries = {e.id: e for e in entries}
        self._sessions = sessions
        self._clock = clock
        self._rebuild = rebuild
        self._revision = loaded_revision
        self._rebuilding = asyncio.Lock()

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

    async def refresh(self) -> bool:
        """Rebuild the index if a curator taught something since it was built (here or elsewhere).

        One primary-key read per question: cheap next to the search itself, and it lets a
        phrasing attached from the command line take effect in a running bot at once.
        """
        if self._rebuild is None:
            return False
        async with self._sessions() as session:
            current = await revision(session)
        if current == self._revision:
            return False
        async with self._rebuilding:
            if current == self._revision:
                return False  # another question rebuilt it while this one waited
            async with self._sessions() as session:
                entries = await active_entries(session)
                declined = await dismissed_questions(session)
            # The build is CPU work (seconds for tens of thousands of entries): off the loop,
            # so other members' messages keep flowing; the old index serves until it is done.
            rebuilt = await asyncio.to_thread(self._rebuild, entries)
            self._searcher = rebuilt.declining(declined)
            self._entries = {e.id: e for e in entries}
            self._revision = current
        return True

    async def ask_logged(
        self,
        question: str,
        channel: str,
        member_id: int | None = None,
        country: str | None = None,
    ) -> tuple[Finding, int]:
        """Like ``ask``, also returning the id of the log row (for feedback and hand-offs)."""
        await self.refresh()
        finding = self._searcher.find(question)
        best = finding.hits[0] if finding.hits and finding.decision is not Decision.NONE else None
        async with self._sessions.begin() as session:
            row = AskedRow(
                asked_at=self._clock.now(),
                channel=channel,
                member_id=member_id,
                country=country,
                text=question,
                normalised=finding.normalised,
                decision=finding.decision.value,
                entry_id=best.entry_id if best else None,
                score=float(finding.hits[0].score) if finding.hits else None,
            )
            session.add(row)
            await session.flush()
        return finding, row.id
