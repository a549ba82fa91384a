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
COUNTRY_ROWS = (("BA", "ME"), ("MK", "RS"), ("regional",))
ROLES = (Role.COORDINATOR.value, Role.ADMIN.value)
PICKABLE = frozenset(code for row in COUNTRY_ROWS for code in row) | set(ROLES) | {GROUPS}
CHECKED = "✓ "


def picking(answer: str) -> bool:
    """True for the presses only the picker's buttons make."""
    return answer == DONE or (answer.startswith(PICK) and answer[len(PICK) :] in PICKABLE)


def picked(data: Mapping[str, str]) -> list[str]:
    """What is ticked so far (country codes, role values, "groups"), in the order pressed."""
    return [code for code in data.get("picked", "").split(",") if code in PICKABLE]


def picked_audience(ticked: Iterable[str]) -> Audience:
    """The audience the ticks make; empty when nothing is ticked."""
    chosen = set(ticked)
    return Audience(
        countries=frozenset(chosen - set(ROLES) - {GROUPS}),
        roles=frozenset(Role(r) for r in ROLES if r in chosen),
        groups=GROUPS in chosen,
    )


async def audience_step(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    """A tick pressed is added (or taken away) and the step asked again; Done, Everyone or a
    typed audience moves on, if it reaches somebody now."""
    chosen = picked(dialog.data)
    if answer.startswith(PICK):
        code = answer[len(PICK) :]
        if code not in PICKABLE:
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

    async def tick(label: str, code: str, alone: Audience) -> Button:
        count = await turn.services.planner.recipients(alone)
        mark = CHECKED if code in chosen else ""
        return choice_button(turn, dialog.step, f"{mark}{label} ({count})", PICK + code)

    everyone = await turn.services.planner.recipients(Audience(everyone=True))
    rows: Buttons = [
        [choice_button(turn, dialog.step, f"{turn.tr(texts.EVERYONE)} ({everyone})", "all")]
    ]
    for pair in COUNTRY_ROWS:
        rows.append(
            [
                await tick(turn.tr(texts.COUNTRY_NAMES[c]), c, Audience(countries=frozenset({c})))
                for c in pair
            ]
        )
    rows.append(
        [
            await tick(turn.tr(texts.ROLE_AUDIENCES[r]), r, Audience(roles=frozenset({Role(r)})))
            for r in ROLES
        ]
    )
    rows.append([await tick(turn.tr(texts.GROUP_CHATS), GROUPS, Audience(groups=True))])
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


# The same step in every dialog that broadcasts: announcements, events and pulses.
AUDIENCE_STEP = Step(
    "audience", audience_step, texts.ASK_AUDIENCE, AUDIENCES, ask=ask_audience, accepts=picking
)
