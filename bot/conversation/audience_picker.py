"""The audience step: countries, roles and the group chats ticked by button, each press changing
the same message in place (ticks, live counts), then Done; or everyone in one press.

Ticked countries and roles narrow together (the coordinators in Serbia); the group chats come
on top: scheduler/audience.py says why, and the question says it to the coordinator.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.conversation.answer_checks import AUDIENCES, audience
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Buttons, Invalid, Stay, Step, choice_button
from bot.languages import texts
from bot.schedules.describing import audience_words
from core.members import Role
from core.messaging import Button, Outgoing
from scheduler.audience import Audience

PICK = "pick:"  # a tick button's answer: "pick:RS" ticks Serbia, or unticks it again
DONE = "done"
GROUPS = "groups"
CHAT = "chat:"  # one group chat's tick: "chat:7" for the group_chats row 7
COUNTRY_ROWS = (("BA", "ME"), ("MK", "RS"), ("regional",))
ROLES = (Role.COORDINATOR.value, Role.ADMIN.value)
PICKABLE = frozenset(code for row in COUNTRY_ROWS for code in row) | set(ROLES) | {GROUPS}
CHECKED = "✓ "
GROUP_MARK = "💬 "  # a group chat's own tick, told apart from the countries by its title alone
CHATS_SHOWN = 6  # group chats ticked one by one up to this many; past it, all of them or none


def pickable(code: str) -> bool:
    """True for what a tick can stand for: a country, a role, all group chats or one."""
    return code in PICKABLE or (code.startswith(CHAT) and code[len(CHAT) :].isdigit())


def picking(answer: str) -> bool:
    """True for the presses only the picker's buttons make."""
    return answer == DONE or (answer.startswith(PICK) and pickable(answer[len(PICK) :]))


def picked(data: Mapping[str, str]) -> list[str]:
    """What is ticked so far (country codes, role values, group chats), in the order pressed."""
    return [code for code in data.get("picked", "").split(",") if pickable(code)]


def picked_audience(ticked: Iterable[str]) -> Audience:
    """The audience the ticks make; empty when nothing is ticked."""
    chosen = set(ticked)
    chats = {code for code in chosen if code.startswith(CHAT)}
    return Audience(
        countries=frozenset(chosen - set(ROLES) - {GROUPS} - chats),
        roles=frozenset(Role(r) for r in ROLES if r in chosen),
        groups=GROUPS in chosen,
        chats=frozenset() if GROUPS in chosen else frozenset(int(c[len(CHAT) :]) for c in chats),
    )


async def audience_step(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    """A tick pressed is added (or taken away) and the step asked again; Done, Everyone or a
    typed audience moves on, if it reaches somebody now."""
    chosen = picked(dialog.data)
    if answer.startswith(PICK):
        code = answer[len(PICK) :]
        if not pickable(code):
            raise Invalid("audience")
        toggled = [c for c in chosen if c != code] if code in chosen else [*chosen, code]
        raise Stay(picked=",".join(toggled))
    if answer == DONE:
        if not chosen:
            raise Invalid("audience")
        answer = str(picked_audience(chosen))
    return {"audience": str(await audience(turn, answer)), "picked": ""}


async def ask_audience(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The audience question, with live counts on every button and what is ticked so far;
    a tick pressed changes this same message rather than sending another."""
    chosen = picked(dialog.data)
    everyone = await turn.services.planner.recipients(Audience(everyone=True))
    label = f"{turn.tr(texts.EVERYONE)} ({everyone})"
    rows: Buttons = [[choice_button(turn, dialog.step, label, "all")], *await _ticks(turn, dialog)]
    question = turn.tr(texts.ASK_AUDIENCE)
    if chosen:
        wanted = picked_audience(chosen)
        total = await turn.services.planner.recipients(wanted)
        words = audience_words(wanted, turn.tr)
        question += "\n\n" + turn.tr(texts.AUDIENCE_PICKED).format(audience=words, count=total)
        done = turn.tr(texts.AUDIENCE_DONE).format(count=total)
        rows.append([choice_button(turn, dialog.step, done, DONE)])
    # The wizard's own rows have no counts; what follows them (Back) is kept as it is.
    await turn.show(Outgoing.text(question, rows + buttons[len(AUDIENCES) :]))


async def _ticks(turn: Turn, dialog: Dialog) -> Buttons:
    """The tick rows: countries, roles, all group chats, and each group chat while few."""
    chosen = picked(dialog.data)

    async def tick(label: str, code: str) -> Button:
        count = await turn.services.planner.recipients(picked_audience([code]))
        mark = CHECKED if code in chosen else ""
        return choice_button(turn, dialog.step, f"{mark}{label} ({count})", PICK + code)

    tr = turn.tr
    rows = [[await tick(tr(texts.COUNTRY_NAMES[c]), c) for c in pair] for pair in COUNTRY_ROWS]
    rows.append([await tick(tr(texts.ROLE_AUDIENCES[r]), r) for r in ROLES])
    rows.append([await tick(tr(texts.GROUP_CHATS), GROUPS)])
    chats = await turn.services.group_chats.active()
    if 1 < len(chats) <= CHATS_SHOWN:
        ticks = [await tick(GROUP_MARK + (title or f"#{n}"), f"{CHAT}{n}") for n, title in chats]
        rows.extend(ticks[i : i + 2] for i in range(0, len(ticks), 2))
    return rows


# The same step in every dialog that broadcasts: announcements, events and pulses.
AUDIENCE_STEP = Step(
    "audience", audience_step, texts.ASK_AUDIENCE, AUDIENCES, ask=ask_audience, accepts=picking
)
