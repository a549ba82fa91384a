"""Guided conversations in the database: one open dialog per member, picked up by any instance.

A dialog is a kind (``announce``, ``event``, ...), the step it waits on, and what the member has
given so far, as text. It expires an hour after the member last moved it on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import ColumnElement, delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.conversation.dialog_tables import DialogRow, PausedDialogRow
from core.clock import Clock
from core.storage import utc
from core.upsert import upsert

LIFETIME = timedelta(hours=1)  # long enough to look up a date, short enough to forget a stray one


@dataclass(frozen=True, slots=True)
class Dialog:
    """Where one member's guided conversation stands."""

    member_id: int
    kind: str
    step: str
    data: Mapping[str, str] = field(default_factory=dict)

    def moved(self, step: str, **changes: str) -> Dialog:
        """The dialog at another step, with some values added or replaced."""
        return Dialog(self.member_id, self.kind, step, {**self.data, **changes})


class DialogStore:
    """Reads, saves and closes dialogs."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    async def current(self, member_id: int) -> Dialog | None:
        """The member's open dialog; an expired one is deleted and counts as none."""
        async with self._sessions.begin() as session:
            row = await session.get(DialogRow, member_id)
            if row is None:
                return None
            if utc(row.updated_at) < self._clock.now() - LIFETIME:
                await session.delete(row)
                return None
            data = {key: str(value) for key, value in row.data.items()}
            return Dialog(row.member_id, row.kind, row.step, data)

    async def save(self, dialog: Dialog) -> None:
        """Open or move on the member's dialog (a new one replaces any other)."""
        values = {**_row(dialog), "updated_at": self._clock.now()}
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            await session.execute(upsert(dialect, DialogRow, values, ["member_id"]))

    async def close(self, member_id: int) -> bool:
        """End the member's dialog; False when there was none."""
        return await self._delete(member_id)

    async def claim(self, dialog: Dialog) -> bool:
        """End a dialog only if it still waits where it did: of two presses of Confirm, one wins."""
        return await self._delete(
            dialog.member_id, DialogRow.kind == dialog.kind, DialogRow.step == dialog.step
        )

    async def pause(self, dialog: Dialog) -> None:
        """Set the dialog aside, however long the member stays away; it is open no more."""
        values = {**_row(dialog), "paused_at": self._clock.now()}
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            await session.execute(upsert(dialect, PausedDialogRow, values, ["member_id", "kind"]))
        await self.close(dialog.member_id)

    async def resume(self, member_id: int, kind: str) -> Dialog | None:
        """The member's paused dialog of this kind, open again; None when there is none."""
        async with self._sessions.begin() as session:
            row = await session.get(PausedDialogRow, (member_id, kind))
            if row is None:
                return None
            await session.delete(row)
            data = {key: str(value) for key, value in row.data.items()}
        dialog = Dialog(member_id, kind, row.step, data)
        await self.save(dialog)
        return dialog

    async def forget(self, member_id: int) -> None:
        """Drop every dialog of the member, open or paused, with what they had written."""
        async with self._sessions.begin() as session:
            mine = PausedDialogRow.member_id == member_id
            await session.execute(delete(PausedDialogRow).where(mine))
        await self.close(member_id)

    async def _delete(self, member_id: int, *conditions: ColumnElement[bool]) -> bool:
        query = delete(DialogRow).where(DialogRow.member_id == member_id, *conditions)
        async with self._sessions.begin() as session:
            result = await session.execute(query)
        return bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult for DELETE


def _row(dialog: Dialog) -> dict[str, object]:
    """What an open and a paused dialog both keep: whose, which form, where, what so far."""
    return {
        "member_id": dialog.member_id,
        "kind": dialog.kind,
        "step": dialog.step,
        "data": dict(dialog.data),
    }
