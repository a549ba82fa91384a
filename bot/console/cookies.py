"""The console's session cookie and CSRF tokens, signed with a key of the deployment's own.

The cookie holds the member's id, when it was issued and a random nonce; the CSRF token of every
form is derived from that nonce, so a page of another site can neither read nor forge it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

COOKIE = "mreza_console"
LIFETIME = timedelta(hours=12)  # a working day; the next one starts with a fresh link


@dataclass(frozen=True, slots=True)
class Session:
    """Who a valid cookie signs in, and the nonce its forms are bound to."""

    member_id: int
    nonce: str


class SessionCookies:
    """Signs and checks session cookies and CSRF tokens."""

    def __init__(self, instance_key: bytes) -> None:
        # A key of its own, derived from the instance's: a signed button is never a cookie.
        self._key = hmac.new(instance_key, b"mreza console", hashlib.sha256).digest()

    def issue(self, member_id: int, now: datetime) -> str:
        """A cookie value for the member, signed."""
        body = f"{member_id}.{int(now.timestamp())}.{secrets.token_urlsafe(16)}"
        return f"{body}.{self._sign(body)}"

    def read(self, value: str | None, now: datetime) -> Session | None:
        """The session a cookie holds, or None when it is absent, forged or too old."""
        if not value:
            return None
        body, _, signature = value.rpartition(".")
        if not hmac.compare_digest(signature, self._sign(body)):
            return None
        parts = body.split(".")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            return None
        member, issued, nonce = parts
        age = now.timestamp() - int(issued)
        if not 0 <= age <= LIFETIME.total_seconds():
            return None
        return Session(int(member), nonce)

    def csrf(self, session: Session) -> str:
        """The token every form of this session carries."""
        return self._sign(f"csrf.{session.nonce}")

    def csrf_holds(self, session: Session, given: str) -> bool:
        """Whether a form's token belongs to this session."""
        return hmac.compare_digest(given, self.csrf(session))

    def _sign(self, text: str) -> str:
        return hmac.new(self._key, text.encode(), hashlib.sha256).hexdigest()
