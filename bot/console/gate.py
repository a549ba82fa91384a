"""Every page behind one gate: a valid session, the role the page needs, a CSRF token on posts.

Pages are written as ``async def view(visit: Visit) -> Response`` and registered with the role
they need; the gate answers everything else itself: a sign-in page without a session, 403
for a role too low or a form without its token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from bot.console.cookies import COOKIE, Session
from bot.console.desk import Desk
from bot.console.rendering import HTML_LANG, Wording, local, render
from bot.languages.i18n import language_for
from core.members import Language, Member, Role

MAX_FORM_PARTS = 2000  # fields of one form: the bulk actions of a long review list fit


@dataclass(frozen=True)
class Visit:
    """One request of a signed-in coordinator or admin."""

    request: Request
    desk: Desk
    member: Member
    session: Session
    form: FormData | None  # a post's fields, its CSRF token checked

    @property
    def t(self) -> Wording:
        """The console's texts in the member's language."""
        return Wording(self.desk.services.translations(self.member.language))

    @property
    def admin(self) -> bool:
        """Whether the member is an admin."""
        return self.member.role.includes(Role.ADMIN)

    @property
    def zone(self) -> str:
        """The network's time zone, in which every time is shown."""
        return self.desk.mreza.settings.timezone

    def field(self, name: str, default: str = "") -> str:
        """One field of the posted form, stripped."""
        value = self.form.get(name) if self.form is not None else None
        return value.strip() if isinstance(value, str) else default

    def fields(self, name: str) -> list[str]:
        """Every value of a repeated field (checkboxes, multi-selects)."""
        if self.form is None:
            return []
        return [v.strip() for v in self.form.getlist(name) if isinstance(v, str) and v.strip()]

    def page(self, template: str, *, status_code: int = 200, **values: Any) -> Response:
        """A page of the console, with what every page shows."""
        context = {
            "t": self.t,
            "me": self.member,
            "csrf": self.desk.cookies.csrf(self.session),
            "lang": HTML_LANG[self.member.language],
            "path": self.request.url.path,
            "root": self.request.scope.get("root_path", ""),
            "local": lambda moment: local(moment, self.zone),
            "admin": self.member.role.includes(Role.ADMIN),
            **values,
        }
        return render(template, context, status_code)

    async def note(self, action: str, target: object, detail: str = "") -> None:
        """Write one change to the audit log."""
        now = self.desk.services.clock.now()
        await self.desk.audit.record(self.member, action, str(target), detail, now)


View = Callable[[Visit], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


def gated(desk: Desk, role: Role, view: View, write_role: Role | None = None) -> Endpoint:
    """The Starlette endpoint of a view: session, role and CSRF checked before it runs.

    ``write_role``: the role a post needs when it is higher than what reading needs.
    """

    async def endpoint(request: Request) -> Response:
        now = desk.services.clock.now()
        session = desk.cookies.read(request.cookies.get(COOKIE), now)
        member = await desk.services.members.get(session.member_id) if session else None
        if session is None or member is None or not member.active:
            return signed_out(request, desk)
        tr = Wording(desk.services.translations(member.language))
        needed = write_role if request.method == "POST" and write_role else role
        if not member.role.includes(needed):
            return refusal(tr, member.language, tr.FORBIDDEN, 403)
        form = None
        if request.method == "POST":
            form = await request.form(max_fields=MAX_FORM_PARTS)
            given = form.get("csrf")
            if not isinstance(given, str) or not desk.cookies.csrf_holds(session, given):
                return refusal(tr, member.language, tr.CSRF_FAILED, 403)
        return await view(Visit(request, desk, member, session, form))

    return endpoint


def signed_out(request: Request, desk: Desk) -> Response:
    """What anyone without a valid session gets: how to sign in, and nothing else."""
    language = language_for(_first_language(request.headers))
    tr = Wording(desk.services.translations(language))
    return render(
        "signed_out.html", {"t": tr, "lang": HTML_LANG[language], "me": None}, status_code=401
    )


def refusal(tr: Wording, language: Language, message: str, status_code: int) -> Response:
    """A short page saying why not."""
    context = {"t": tr, "lang": HTML_LANG[language], "me": None, "message": message}
    return render("refused.html", context, status_code)


def _first_language(headers: Mapping[str, str]) -> str | None:
    accepted = headers.get("accept-language", "")
    first = accepted.split(",")[0].split(";")[0].strip()
    return first or None
