"""The audience step: several countries picked by button, each showing how many it reaches,
then Done; or everyone, the coordinators or the group chats in one press."""

from __future__ import annotations

from collections.abc import Mapping

from bot.conversation.answer_checks import AUDIENCES, audience
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Buttons, Invalid, Stay, Step, choice_button
from bot.languages import texts
from core.messaging import Button
from scheduler.audience import Audience

PICK = "pick:"  # a country button's answer: "pick:RS" adds Serbia, or takes it away again
DONE = "done"
COUNTRY_ROWS = (("BA", "ME"), ("MK", "RS"), ("regional",))
PICKABLE = frozenset(code for row in COUNTRY_ROWS for code in row)
CHECKED = "✓ "


def picking(answer: str) -> bool:
    """True for the presses only the picker's buttons make."""
    return answer == DONE or (answer.startswith(PICK) and answer[len(PICK) :] in PICKABLE)


def picked(data: Mapping[str, str]) -> list[str]:
    """The countries picked so far, in the order they were pressed."""
    return [code for code in data.get("picked", "").split(",") if code]


async def audience_step(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    """A country pressed is added (or taken away) and the step asked again; Done, a one-press
    audience or a typed one moves on, if it reaches somebody now."""
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
        answer = "country:" + ",".join(chosen)
    return {"audience": str(await audience(turn, answer)), "picked": ""}


async def ask_audience(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The audience question, with live counts on every button and what is picked so far."""
    chosen = picked(dialog.data)

    async def button(label: str, written: str, value: str) -> Button:
        count = await turn.services.planner.recipients(Audience.parse(written))
        return choice_button(turn, dialog.step, f"{label} ({count})", value)

    rows: Buttons = [[await button(turn.tr(texts.EVERYONE), "all", "all")]]
    for pair in COUNTRY_ROWS:
        rows.append(
            [
                await button(
                    (CHECKED if code in chosen else "") + turn.tr(texts.COUNTRY_NAMES[code]),
                    f"country:{code}",
                    PICK + code,
                )
                for code in pair
            ]
        )
    rows.append(
        [
            await button(turn.tr(texts.COORDINATORS), "role:coordinator", "role:coordinator"),
            await button(turn.tr(texts.GROUP_CHATS), "groups", "groups"),
        ]
    )
    question = turn.tr(texts.ASK_AUDIENCE)
    if chosen:
        total = await turn.services.planner.recipients(Audience(countries=frozenset(chosen)))
        names = ", ".join(turn.tr(texts.COUNTRY_NAMES[code]) for code in chosen)
        question += "\n\n" + turn.tr(texts.AUDIENCE_PICKED).format(countries=names, count=total)
        done = turn.tr(texts.AUDIENCE_DONE).format(count=total)
        rows.append([choice_button(turn, dialog.step, done, DONE)])
    # The wizard's own rows have no counts; what follows them (Back) is kept as it is.
    await turn.say(question, rows + buttons[len(AUDIENCES) :])


# The same step in every dialog that broadcasts: announcements, events and pulses.
AUDIENCE_STEP = Step(
    "audience", audience_step, texts.ASK_AUDIENCE, AUDIENCES, ask=ask_audience, accepts=picking
)
