"""/console/review: unanswered groups, shared lessons, suggested wordings and hand-offs, with the
chat's actions (attach, draft, dismiss, accept, edit, decline, adopt, reject) one by one or in bulk.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.responses import Response

from bot.console.gate import Visit
from bot.handoffs.handoff_book import OPEN
from knowledge.lessons import FieldInvalid, Lesson
from knowledge.teaching import TeachingRefused

REGIONAL = "regional"
Action = Callable[[Visit, int], Awaitable[str]]


async def review(visit: Visit) -> Response:
    """Everything waiting for a decision; a post carries out one action on one or more items."""
    notice = problem = ""
    if visit.form is not None:
        notice, problem = await _act(visit)
    services = visit.desk.services
    now = services.clock.now()
    groups = await services.curation.unanswered(now)
    candidates = {
        g.id: services.librarian.find(g.examples[0]).hits[:3] if g.examples else () for g in groups
    }
    return visit.page(
        "review.html",
        groups=groups,
        candidates=candidates,
        entries=services.librarian.entries,
        submissions=await services.submissions.listed(),
        suggestions=await services.curation.suggestions(now),
        handoffs=await services.handoffs.listed(OPEN),
        notice=notice,
        problem=problem,
    )


async def _act(visit: Visit) -> tuple[str, str]:
    """Carry out the posted action on every chosen item: (what was done, what was refused)."""
    action = ACTIONS.get(visit.field("action"))
    numbers = [int(n) for n in visit.fields("item") if n.isdigit()]
    if action is None or not numbers:
        return "", visit.t.NOTHING_CHOSEN
    done, refused = [], []
    for number in numbers:
        try:
            done.append(await action(visit, number))
        except (TeachingRefused, FieldInvalid, LookupError) as error:
            refused.append(f"#{number}: {error}")
    await visit.desk.services.librarian.refresh()
    return (visit.t.DONE + ": " + "; ".join(done) if done else ""), "; ".join(refused)


async def _attach(visit: Visit, group: int) -> str:
    entry_id = visit.field(f"entry-{group}") or visit.field("entry")
    services = visit.desk.services
    attached = await services.curation.attach(group, entry_id, services.clock.now())
    await visit.note("group-attached", group, f"to {entry_id}: {len(attached.added)} phrasings")
    return f"#{group} → {entry_id}"


async def _dismiss(visit: Visit, group: int) -> str:
    await visit.desk.services.curation.dismiss(group, visit.desk.services.clock.now())
    await visit.note("group-dismissed", group)
    return f"#{group}"


async def _draft(visit: Visit, group: int) -> str:
    title, answer = visit.field(f"title-{group}"), visit.field(f"answer-{group}")
    lesson = Lesson("", "", "", "", REGIONAL, (), given_title=title, given_answer=answer)
    services, member = visit.desk.services, visit.member
    drafted = await services.submissions.draft(
        group, lesson, member.id, member.language.value, services.clock.now()
    )
    await visit.note("group-drafted", group, f"submission {drafted.id}: {title}")
    return f"#{group} → {drafted.id}"


async def _accept(visit: Visit, number: int) -> str:
    entry_id = await visit.desk.services.submissions.accept(number, visit.desk.services.clock.now())
    await visit.note("submission-accepted", number, f"as entry {entry_id}")
    return f"#{number} → {entry_id}"


async def _edit(visit: Visit, number: int) -> str:
    changes = {
        name: visit.field(f"{name}-{number}")
        for name in ("title", "answer")
        if visit.field(f"{name}-{number}")
    }
    await visit.desk.services.submissions.edit(number, changes)
    await visit.note("submission-edited", number, ", ".join(sorted(changes)))
    return f"#{number}"


async def _decline(visit: Visit, number: int) -> str:
    note = visit.field(f"note-{number}") or visit.field("note")
    await visit.desk.services.submissions.decline(number, note, visit.desk.services.clock.now())
    await visit.note("submission-declined", number, note)
    return f"#{number}"


async def _decide(visit: Visit, number: int, adopt: bool) -> str:
    services = visit.desk.services
    decided = await services.curation.decide(number, adopt, services.clock.now())
    action = "suggestion-adopted" if adopt else "suggestion-rejected"
    await visit.note(action, number, f"{decided.text!r} for {decided.entry_id}")
    return f"#{number}"


async def _adopt(visit: Visit, number: int) -> str:
    return await _decide(visit, number, True)


async def _reject(visit: Visit, number: int) -> str:
    return await _decide(visit, number, False)


ACTIONS: dict[str, Action] = {
    "attach": _attach,
    "dismiss": _dismiss,
    "draft": _draft,
    "accept": _accept,
    "edit": _edit,
    "decline": _decline,
    "adopt": _adopt,
    "reject": _reject,
}
