"""Keyed pseudonyms: the same member in the same round always maps to the same string, and
nothing in the database turns the string back into the member.

HMAC-SHA256 under a key derived from the instance key; whoever holds both the key and the
database could test a member against a pseudonym, which is why the key is kept out of the
database wherever ``MREZA_SECRET_KEY`` is set.
"""

from __future__ import annotations

import hashlib
import hmac

PURPOSE = b"mreza pulse pseudonyms"


class Pseudonyms:
    """Pseudonyms of respondents and of polls."""

    def __init__(self, instance_key: bytes) -> None:
        self._key = hmac.new(instance_key, PURPOSE, hashlib.sha256).digest()

    def respondent(self, round_id: int, member_id: int) -> str:
        """A member in one round; a different round gives an unrelated string."""
        return self._mac(f"respondent:{round_id}:{member_id}")

    def poll(self, poll_id: str) -> str:
        """An anonymous poll's answer (each poll is sent to one member alone)."""
        return self._mac(f"poll:{poll_id}")

    def _mac(self, text: str) -> str:
        return hmac.new(self._key, text.encode(), hashlib.sha256).hexdigest()[:48]
