"""Updates already taken by some instance: each Telegram update is handled at most once.

Telegram posts an update again when a webhook answer is slow or lost, and behind a load
balancer the retry may reach another instance. The first instance to record an update's id
handles it; every other attempt finds the id taken and drops the update. The id is recorded
before handling, so a crash in the middle loses that one update rather than doing it twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import BigInteger, DateTime, String, delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from core.clock import Clock
from core.storage import Base, insert_ignoring_duplicates

# Telegram gives up on an update after a day of failed webhook posts; two days is plenty.
KEPT_FOR = timedelta(days=2)
PRUNE_EVERY = 1000  # recorded updates between removals of old ones


class HandledUpdateRow(Base):
    """An update one of the instances has taken."""

    __tablename__ = "handled_updates"

    transport: Mapped[str] = mapped_column(String(20), primary_key=True)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class HandledUpdates:
    """``await handled.first_time(update_id)`` before handling an update."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Clock, transport: str = "telegram"
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._transport = transport
        self._since_pruned = 0

    async def first_time(self, update_id: int) -> bool:
        """Record the update as taken; False when an instance took it before."""
        return update_id in await self.first_times([update_id])

    async def first_times(self, update_ids: list[int]) -> set[int]:
        """Record updates as taken, in one transaction; the ids no instance took before."""
        if not update_ids:
            return set()
        now = self._clock.now()
        rows: list[dict[str, object]] = [
            {"transport": self._transport, "update_id": update_id, "handled_at": now}
            for update_id in update_ids
        ]
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            statement = insert_ignoring_duplicates(dialect, HandledUpdateRow, rows)
            taken = set(await session.scalars(statement.returning(HandledUpdateRow.update_id)))
        self._since_pruned += len(update_ids)
        if self._since_pruned >= PRUNE_EVERY:
            await self.prune(now)
        return taken

    async def prune(self, now: datetime) -> None:
        """Forget updates older than Telegram would ever send again."""
        self._since_pruned = 0
        async with self._sessions.begin() as session:
            await session.execute(
                delete(HandledUpdateRow).where(
                    HandledUpdateRow.transport == self._transport,
                    HandledUpdateRow.handled_at < now - KEPT_FOR,
                )
            )
