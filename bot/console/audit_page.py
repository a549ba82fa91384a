"""/console/audit: every change made in the console, newest first."""

from __future__ import annotations

from starlette.responses import Response

from bot.console.gate import Visit


async def audit(visit: Visit) -> Response:
    """The audit log, optionally of one kind of change."""
    action = visit.request.query_params.get("action") or None
    return visit.page("audit.html", entries=await visit.desk.audit.recent(action=action))
