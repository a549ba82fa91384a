"""Signing in with a one-time link, and signing out.

Opening the link shows a button rather than signing in at once: chat apps fetch links to show
a preview, and that fetch must not use up the link.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console.cookies import COOKIE, LIFETIME
from bot.console.desk import Desk
from bot.console.gate import Endpoint, Visit, refusal
from bot.console.rendering import HTML_LANG, Wording, render
from bot.languages.i18n import language_for


def link_page(desk: Desk) -> Endpoint:
    """GET the link: one button that signs in; POST it: signed in, or told why not."""

    async def endpoint(request: Request) -> Response:
        language = language_for(request.headers.get("accept-language", "").split(",")[0] or None)
        tr = Wording(desk.services.translations(language))
        token = request.path_params["token"]
        if request.method == "GET":
            context = {"t": tr, "lang": HTML_LANG[language], "me": None, "token": token}
            return render("sign_in.html", context)
        now = desk.services.clock.now()
        member_id = await desk.links.redeem(token, now)
        member = await desk.services.members.get(member_id) if member_id is not None else None
        if member is None or not member.active:
            return refusal(tr, language, tr.LINK_INVALID, 403)
        root = request.scope.get("root_path", "")
        response = RedirectResponse(f"{root}/", status_code=303)
        response.set_cookie(
            COOKIE,
            desk.cookies.issue(member.id, now),
            max_age=int(LIFETIME.total_seconds()),
            path=root or "/",
            httponly=True,
            samesite="lax",
            secure=_behind_https(request),
        )
        await desk.audit.record(member, "sign-in", f"member {member.id}", "", now)
        return response

    return endpoint


async def sign_out(visit: Visit) -> Response:
    """Forget the session in this browser (a post, so a link on another site cannot do it)."""
    root = visit.request.scope.get("root_path", "")
    response = RedirectResponse(f"{root}/", status_code=303)
    if visit.form is None:
        return response
    response.delete_cookie(COOKIE, path=root or "/", httponly=True, samesite="lax")
    await visit.note("sign-out", f"member {visit.member.id}")
    return response


def _behind_https(request: Request) -> bool:
    """True when the browser reached us over https, directly or through a proxy that says so."""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip()
    return request.url.scheme == "https" or forwarded == "https"
