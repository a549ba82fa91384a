"""Keyed pseudonyms: the same member in the same round always maps to the same string, and
nothing in the database turns the string back into the member.

HMAC-SHA256 under a key derived from the configured secret key, which is never stored in the
database: whoever holds the database alone cannot compute a member's pseudonym. Without a
configured key there are no respondents' pseudonyms, and confidential pulses are refused.
Anonymous pulses never store an answer under a member's pseudonym, so their tokens (that a
member voted, and a poll's one answer) fall back to the stored button key where none is set.
"""

from __future__ import annotations

import hashlib
import hmac

from core.instance_key import HOW_TO_SET

PURPOSE = b"mreza pulse pseudonyms"


class NoPseudonymKey(RuntimeError):
    """A confidential pulse needs the configured secret key, and there is none."""

    def __init__(self) -> None:
        super().__init__(f"confidential pulses need a secret key: {HOW_TO_SET}")


class Pseudonyms:
    """Pseudonyms of respondents, of comment writers and of polls."""

    def __init__(self, secret_key: bytes | None, fallback: bytes | None = None) -> None:
        self._key = _derived(secret_key)
        self._anonymous_key = _derived(secret_key or fallback)

    @property
    def keyed(self) -> bool:
        """Whether a secret key is configured, so confidential pulses can run."""
        return self._key is not None

    def respondent(self, round_id: int, member_id: int) -> str:
        """A member in one round; a different round gives an unrelated string."""
        return self._mac(f"respondent:{round_id}:{member_id}")

    def commenter(self, round_id: int, member_id: int) -> str:
        """A member's comment in one round: unrelated to their answer's pseudonym, so the
        database cannot join a comment to the answer it came with."""
        return self._mac(f"commenter:{round_id}:{member_id}")

    def voter(self, round_id: int, member_id: int) -> str:
        """That a member voted in an anonymous round (their answer is stored apart from it)."""
        return _mac(self._anonymous_key, f"respondent:{round_id}:{member_id}")

    def poll(self, poll_id: str) -> str:
        """An anonymous poll's answer (each poll is sent to one member alone)."""
        return _mac(self._anonymous_key, f"poll:{poll_id}")

    def _mac(self, text: str) -> str:
        return _mac(self._key, text)


def _derived(secret_key: bytes | None) -> bytes | None:
    return None if secret_key is None else hmac.new(secret_key, PURPOSE, hashlib.sha256).digest()


def _mac(key: bytes | None, text: str) -> str:
    if key is None:
        raise NoPseudonymKey
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:48]
