"""/console: what waits for a decision, what goes out next, how the last broadcasts went."""

from __future__ import annotations

from starlette.responses import Response

from bot.console.gate import Visit
from bot.handoffs.handoff_book import OPEN
from scheduler.reports import recent_reports

NEXT_SHOWN, REPORTS_SHOWN = 5, 5


async def home(visit: Visit) -> Response:
    """The overview."""
    services = visit.desk.services
    now = services.clock.now()
    waiting = {
        "unanswered": len(await services.curation.unanswered(now)),
        "submissions": len(await services.submissions.listed()),
        "suggestions": len(await services.curation.suggestions(now)),
        "handoffs": len(await services.handoffs.listed(OPEN)),
    }
    upcoming = [s for s in await services.planner.schedules() if s.next_fire_at is not None]
    upcoming.sort(key=lambda s: s.next_fire_at or now)
    reports = await recent_reports(visit.desk.mreza.sessions, REPORTS_SHOWN)
    return visit.page("home.html", waiting=waiting, upcoming=upcoming[:NEXT_SHOWN], reports=reports)
