"""Everything the console's pages work with, built once on Mreža's stores and services."""

from __future__ import annotations

from dataclasses import dataclass

from bot.app import Mreza
from bot.console.audit_log import AuditLog
from bot.console.cookies import SessionCookies
from bot.console.sign_in_links import SignInLinks
from bot.conversation.services import Services
from core.instance_key import button_key


@dataclass(frozen=True)
class Desk:
    """The console's view of Mreža: the same services the chat uses, plus sign-in and audit."""

    mreza: Mreza
    services: Services
    links: SignInLinks
    audit: AuditLog
    cookies: SessionCookies


async def desk_for(mreza: Mreza, services: Services) -> Desk:
    """The console desk over the services of a running conversation (or a console of its own)."""
    # Whoever holds the database could forge a session; they could change anything there anyway.
    key = await button_key(mreza.sessions, mreza.secret_key)
    return Desk(
        mreza=mreza,
        services=services,
        links=SignInLinks(mreza.sessions),
        audit=AuditLog(mreza.sessions),
        cookies=SessionCookies(key),
    )
