"""/console in a private chat: a one-time sign-in link to the web console, for coordinators."""

from __future__ import annotations

from bot.console.sign_in_links import LinkRefused
from bot.conversation.turn import Turn
from bot.languages import texts


async def console_link(turn: Turn, _args: str = "") -> None:
    """Send a fresh sign-in link (the router lets only coordinators and admins ask)."""
    services = turn.services
    if not services.console_url or turn.member is None:
        await turn.say(texts.CONSOLE_NO_ADDRESS)
        return
    try:
        made = await services.sign_in_links.issue(turn.member, services.clock.now())
    except LinkRefused as refused:
        await turn.say(
            texts.CONSOLE_TOO_MANY if refused.reason == "too-many" else texts.NOT_ALLOWED
        )
        return
    await turn.say(texts.CONSOLE_LINK, link=made.url(services.console_url))
