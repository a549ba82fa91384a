"""Invite codes guessed: a wrong code is answered once a minute, and many lock the sender out.

An invite code is the only door into the closed network, so trying codes must not pay: a
sender who gave ``LOCK_AFTER`` wrong codes within the hour is not even checked for an hour,
whatever they send, and within a minute only their first wrong code gets an answer.
Kept in memory: a restart forgives, which costs an attacker a restart of ours they cannot cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.conversation.budget import Monotonic

ANSWER_EVERY = 60.0  # seconds between answers to wrong codes from one sender
LOCK_AFTER = 5  # wrong codes within the hour that lock a sender out
LOCKED_FOR = 3600.0  # seconds
PRUNE_AT = 4096  # senders remembered before those quiet for an hour are forgotten


@dataclass(slots=True)
class _Tries:
    wrong: list[float] = field(default_factory=list)  # when, within the last hour
    answered_at: float | None = None
    locked_until: float = 0.0


class CodeGuesses:
    """Wrong invite codes per sender (transport, id)."""

    def __init__(self, timer: Monotonic) -> None:
        self._timer = timer
        self._tries: dict[tuple[str, str], _Tries] = {}

    def locked(self, transport: str, sender: str) -> bool:
        """True while the sender is locked out: their codes are not looked at."""
        tries = self._tries.get((transport, sender))
        return tries is not None and self._timer.now() < tries.locked_until

    def wrong(self, transport: str, sender: str) -> bool:
        """Note a wrong code; True when it should be answered (the first in a minute)."""
        now = self._timer.now()
        if len(self._tries) >= PRUNE_AT:
            self._tries = {k: t for k, t in self._tries.items() if t.wrong[-1] > now - LOCKED_FOR}
        tries = self._tries.setdefault((transport, sender), _Tries())
        tries.wrong = [at for at in tries.wrong if now - at < LOCKED_FOR] + [now]
        if len(tries.wrong) >= LOCK_AFTER:
            tries.locked_until = now + LOCKED_FOR
        if tries.answered_at is not None and now - tries.answered_at < ANSWER_EVERY:
            return False
        tries.answered_at = now
        return True

    def forget(self, transport: str, sender: str) -> None:
        """The sender joined: their wrong codes no longer count."""
        self._tries.pop((transport, sender), None)
