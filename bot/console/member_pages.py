"""/console/members: the members, adding one, changing a role, removing; a CSV import with a dry
run first; and the invitations, created and revoked."""

from __future__ import annotations

from datetime import timedelta

from starlette.responses import Response

from bot.cli import parsing
from bot.cli.member_csv import CsvInvalid, read_member_lines
from bot.console.gate import Visit
from bot.members.invite_store import SqlInviteBook
from bot.members.invites import deep_link
from core.members import COUNTRIES, Language, MemberError, NewMember, Role, Status

INVITE_DAYS = 7
CSV_LIMIT = 1_000_000  # characters: a network of thousands fits many times over


async def members(visit: Visit) -> Response:
    """Every member; a post (admins only) adds one, changes a role or removes one."""
    notice = problem = ""
    if visit.form is not None:
        try:
            notice = await _change(visit)
        except (ValueError, MemberError) as error:
            problem = str(error)
    listed = await visit.desk.services.members.all()
    return visit.page(
        "members.html",
        members=listed,
        notice=notice,
        problem=problem,
        roles=[r.value for r in Role],
        countries=COUNTRIES,
        languages=[language.value for language in Language],
    )


async def _change(visit: Visit) -> str:
    directory, action = visit.desk.services.members, visit.field("action")
    if action == "add":
        accounts = (
            [parsing.telegram_identity(visit.field("telegram_id"))]
            if visit.field("telegram_id")
            else []
        )
        if visit.field("signal_number"):
            accounts.append(parsing.signal_identity(visit.field("signal_number")))
        if not accounts:
            raise ValueError(visit.t.NEEDS_ACCOUNT)
        new = NewMember(
            name=parsing.name(visit.field("name")),
            country=parsing.country(visit.field("country")),
            identity=accounts[0],
            more=tuple(accounts[1:]),
            role=parsing.role(visit.field("role")),
            language=parsing.language(visit.field("language") or "en"),
        )
        added = await directory.add(new, visit.desk.services.clock.now())
        await visit.note("member-added", f"member {added.id}", f"{added.role} {added.country}")
        return visit.t.SAVED
    target = parsing.member_id(visit.field("member"))
    if action == "role":
        changed = await directory.set_role(target, parsing.role(visit.field("role")))
        await visit.note("member-role", f"member {target}", changed.role.value)
        return visit.t.SAVED
    if action == "remove":
        await directory.set_status(target, Status.REMOVED)
        await visit.note("member-removed", f"member {target}")
        return visit.t.SAVED
    raise ValueError(f"unknown action {action!r}")


async def import_members(visit: Visit) -> Response:
    """A CSV pasted or uploaded: first what would change, then, when confirmed, the import."""
    text = await _csv_text(visit)
    if not text:
        return visit.page("members_import.html", csv="", rows=None)
    try:
        report = read_member_lines(text.splitlines(keepends=True))
    except CsvInvalid as error:
        return visit.page(
            "members_import.html", status_code=422, csv=text, rows=None, problem=str(error)
        )
    directory, now = visit.desk.services.members, visit.desk.services.clock.now()
    rows: list[tuple[int, NewMember | None, str]] = [(b.line, None, b.reason) for b in report.bad]
    added = 0
    for good in report.good:
        owner = await directory.by_identity(good.member.identity)
        if owner is not None:
            rows.append((good.line, good.member, f"#{owner.id}"))
        elif visit.field("step") == "import":
            await directory.add(good.member, now)
            added += 1
            rows.append((good.line, good.member, ""))
        else:
            rows.append((good.line, good.member, ""))
    rows.sort(key=lambda row: row[0])
    if added:
        await visit.note("members-imported", f"{added} members", f"{len(rows) - added} skipped")
    notice = visit.t.IMPORTED.format(count=added) if visit.field("step") == "import" else ""
    return visit.page(
        "members_import.html",
        csv=text,
        rows=rows,
        notice=notice,
        imported=visit.field("step") == "import",
    )


async def _csv_text(visit: Visit) -> str:
    if visit.form is None:
        return ""
    upload = visit.form.get("file")
    if upload is not None and not isinstance(upload, str):
        data = await upload.read(CSV_LIMIT + 1)
        if data:
            return data[:CSV_LIMIT].decode("utf-8-sig", errors="replace")
    return visit.field("csv")[:CSV_LIMIT]


async def invitations(visit: Visit) -> Response:
    """Live invitations; a post creates one (the link is shown once) or revokes one."""
    book = SqlInviteBook(visit.desk.mreza.sessions)
    services, now = visit.desk.services, visit.desk.services.clock.now()
    notice = problem = link = ""
    if visit.form is not None and visit.field("action") == "revoke":
        number = parsing.member_id(visit.field("invite"))  # the same rule: a positive number
        if await book.revoke(str(number)):
            await visit.note("invite-revoked", f"invite {number}")
            notice = visit.t.REVOKED
    elif visit.form is not None:
        try:
            role, country = (
                parsing.role(visit.field("role")),
                parsing.country(visit.field("country")),
            )
            if role is Role.ADMIN:  # as in the chat: admins are made by admins, one by one
                raise ValueError(visit.t.FORBIDDEN)
            uses = parsing.uses(visit.field("uses") or "1")
        except ValueError as error:
            problem = str(error)
        else:
            code, invite = await book.create(
                role, country, uses, now + timedelta(days=INVITE_DAYS), now
            )
            username = services.bot_username or visit.desk.mreza.settings.telegram_bot_username
            link = deep_link(username, code) if username else code
            await visit.note("invite-created", f"invite {invite.id}", f"{role} {country} x{uses}")
    live = await book.live(now)
    return visit.page(
        "invitations.html",
        invites=live,
        link=link,
        notice=notice,
        problem=problem,
        roles=["member", "coordinator"],
        countries=COUNTRIES,
    )
