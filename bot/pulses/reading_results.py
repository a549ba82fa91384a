"""/results: coordinators read a pulse's results, as the privacy rules allow, with charts."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.pulses.pulse_reports import results_message
from bot.schedules.describing import excerpt

KIND = "k"  # button kind of a pulse in the /results list: "PULSE"


async def results(turn: Turn, args: str = "") -> None:
    """/results ID shows that pulse's latest round; /results alone offers the latest pulses."""
    wanted = args.strip().lstrip("#")
    if wanted:
        if not wanted.isdigit():
            await turn.say(texts.RESULTS_UNKNOWN, id=wanted)
            return
        await _show(turn, int(wanted))
        return
    pulses = await turn.services.tally.recent_pulses()
    if not pulses:
        await turn.say(texts.RESULTS_NONE)
        return
    buttons = [
        [turn.button(f"#{pulse.id} {excerpt(pulse.question)}", KIND, str(pulse.id))]
        for pulse in pulses
    ]
    await turn.say(texts.RESULTS_PICK, buttons)


async def press(turn: Turn, payload: str) -> bool:
    """A pulse chosen from the list."""
    if not payload.isdigit():
        return False
    return await _show(turn, int(payload))


async def _show(turn: Turn, pulse_id: int) -> bool:
    tally = turn.services.tally
    rounds = await tally.rounds(pulse_id)
    if not rounds:
        await turn.say(texts.RESULTS_UNKNOWN, id=pulse_id)
        return False
    await turn.send(await results_message(tally, await tally.of_round(rounds[-1]), turn.tr))
    return True
