"""The console as an ASGI app, to be mounted under /console; every route with the role it needs."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.console import (
    audit_page,
    home_page,
    knowledge_pages,
    member_pages,
    pulse_pages,
    review_pages,
    schedule_pages,
    signing_in,
)
from bot.console.desk import Desk
from bot.console.gate import View, gated
from core.members import Role

PREFIX = "/console"
COORDINATOR, ADMIN = Role.COORDINATOR, Role.ADMIN
# path, view, the role that reads it, the role that posts to it (None: the same)
PAGES: tuple[tuple[str, View, Role, Role | None], ...] = (
    ("/", home_page.home, COORDINATOR, None),
    ("/sign-out", signing_in.sign_out, COORDINATOR, None),
    ("/knowledge", knowledge_pages.entries, COORDINATOR, None),
    ("/knowledge/test", knowledge_pages.test_pane, COORDINATOR, None),
    ("/knowledge/{entry_id}", knowledge_pages.editor, COORDINATOR, None),
    ("/knowledge/{entry_id}/check", knowledge_pages.check, COORDINATOR, None),
    ("/review", review_pages.review, COORDINATOR, None),
    ("/schedules", schedule_pages.schedules, COORDINATOR, None),
    ("/schedules/new", schedule_pages.new_schedule, COORDINATOR, None),
    ("/schedules/{schedule_id:int}", schedule_pages.schedule, COORDINATOR, None),
    ("/pulses", pulse_pages.pulses, COORDINATOR, None),
    ("/pulses/{pulse_id:int}", pulse_pages.pulse, COORDINATOR, None),
    ("/pulses/{pulse_id:int}/chart/{round_id:int}.svg", pulse_pages.chart, COORDINATOR, None),
    ("/pulses/{pulse_id:int}/trend.svg", pulse_pages.trend_svg, COORDINATOR, None),
    ("/pulses/{pulse_id:int}.csv", pulse_pages.export, COORDINATOR, None),
    ("/members", member_pages.members, COORDINATOR, ADMIN),
    ("/members/import", member_pages.import_members, ADMIN, None),
    ("/invitations", member_pages.invitations, COORDINATOR, None),
    ("/audit", audit_page.audit, COORDINATOR, None),
)


def console_routes(desk: Desk) -> list[BaseRoute]:
    """Every route of the console, relative to where it is mounted."""
    routes: list[BaseRoute] = [
        Route(path, gated(desk, role, view, write_role), methods=["GET", "POST"])
        for path, view, role, write_role in PAGES
    ]
    routes.append(Route("/sign-in/{token}", signing_in.link_page(desk), methods=["GET", "POST"]))
    routes.append(Mount("/static", StaticFiles(packages=[("bot.console", "static")])))
    return routes


def console_mount(desk: Desk) -> Mount:
    """The console under /console, for the server of ``mreza run`` or ``mreza web``."""
    return Mount(PREFIX, app=Starlette(routes=console_routes(desk)))
