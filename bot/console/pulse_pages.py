"""/console/pulses: results with charts and trends under the chat's own k and subtraction rules,
and the CSV export without identities."""

from __future__ import annotations

import csv
import io

from starlette.responses import Response

from bot.console.gate import Visit
from bot.pulses.pulse_reports import round_chart, summary_text, trend
from scheduler.pulses.rounds import Round
from scheduler.pulses.tally import RoundResults

LISTED = 50
SVG = "image/svg+xml"
# The export's columns, as `mreza pulse export` writes them.
COLUMNS = ("round", "answer", "value", "country", "role")


async def pulses(visit: Visit) -> Response:
    """The pulses that have opened, newest first."""
    found = await visit.desk.services.tally.recent_pulses(LISTED)
    return visit.page("pulses.html", pulses=found)


async def pulse(visit: Visit) -> Response:
    """Every round of one pulse: its summary as the chat gives it, its chart, and the trend."""
    history = await _history(visit)
    if history is None:
        return visit.page("refused.html", status_code=404, message=visit.t.PULSE_NOT_FOUND)
    tally = visit.desk.services.tally
    tr = visit.desk.services.translations(visit.member.language)
    rounds = [
        (found, summary_text(found, tr, tally.k), _shown(found)) for found in reversed(history)
    ]
    pulse_id = visit.request.path_params["pulse_id"]
    return visit.page(
        "pulse.html",
        pulse_id=pulse_id,
        rounds=rounds,
        trend=len(history) > 1,
        question=history[0].round.pulse.question if history else "",
    )


def _shown(found: RoundResults) -> bool:
    """Whether the rules let the round's numbers be drawn."""
    return not found.results.hidden and found.results.summary is not None


async def chart(visit: Visit) -> Response:
    """One round's bars as SVG; 404 where the rules hide the round."""
    history = await _history(visit) or []
    round_id = visit.request.path_params["round_id"]
    found = next((r for r in history if r.round.id == round_id), None)
    tr = visit.desk.services.translations(visit.member.language)
    drawn = round_chart(found, tr, "svg") if found else None
    return Response(drawn, media_type=SVG) if drawn else Response(status_code=404)


async def trend_svg(visit: Visit) -> Response:
    """The trend across rounds as SVG; hidden rounds are gaps."""
    tr = visit.desk.services.translations(visit.member.language)
    drawn = trend(await _history(visit) or [], tr, "svg")
    return Response(drawn, media_type=SVG) if drawn else Response(status_code=404)


async def export(visit: Visit) -> Response:
    """Every answer the rules show, one row each, without who or when in the day."""
    pulse_id = visit.request.path_params["pulse_id"]
    rows = await visit.desk.services.tally.export(pulse_id)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    await visit.note("pulse-exported", f"pulse {pulse_id}", f"{len(rows)} rows")
    headers = {"Content-Disposition": f'attachment; filename="pulse-{pulse_id}.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


async def _history(visit: Visit) -> list[RoundResults] | None:
    """Every round of the pulse in the path with what the rules allow; None for no such pulse."""
    tally = visit.desk.services.tally
    pulse_id = visit.request.path_params["pulse_id"]
    if await tally.pulse(pulse_id) is None:
        return None
    rounds: list[Round] = await tally.rounds(pulse_id)
    return [await tally.of_round(r, seed=r.id) for r in rounds]
