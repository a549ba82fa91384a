"""Pulse results in the console: exactly the chat's k and subtraction rules, charts, CSV."""

from __future__ import annotations

import csv
import io
import re

from core.members import Language, Role
from scheduler.pulses.tally import Tally
from tests.console.conftest import Console
from tests.console.pulsing import pulse_answered


def test_results_below_k_are_hidden_everywhere(console: Console) -> None:
    """Four answers with k = 5: no numbers, no chart, no CSV rows, the chat's sentence."""
    pulse_id = console.run(pulse_answered, console.mreza, console.clock, ["RS", "RS", "ME", "MK"])
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = client.get(f"/console/pulses/{pulse_id}").text
    assert "fewer than 5 people have answered" in page
    assert ".svg" not in page
    (round_id,) = re.findall(r'data-round="(\d+)"', page)
    assert client.get(f"/console/pulses/{pulse_id}/chart/{round_id}.svg").status_code == 404
    rows = list(csv.reader(io.StringIO(client.get(f"/console/pulses/{pulse_id}.csv").text)))
    assert rows == [["round", "answer", "value", "country", "role"]]


def test_a_small_country_and_the_one_that_would_give_it_away_are_hidden(console: Console) -> None:
    """Seven answers: RS 5, ME 2. ME is below k; RS would reveal ME by subtraction from the total,
    so both are hidden, as in the chat; the chart of the whole round is drawn."""
    pulse_id = console.run(pulse_answered, console.mreza, console.clock, ["RS"] * 5 + ["ME"] * 2)
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = client.get(f"/console/pulses/{pulse_id}").text
    assert "Yes: 7" in page
    assert "ME: hidden" in page
    assert "RS: hidden" in page
    (round_id,) = re.findall(r'data-round="(\d+)"', page)
    chart = client.get(f"/console/pulses/{pulse_id}/chart/{round_id}.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in chart.text
    rows = list(csv.DictReader(io.StringIO(client.get(f"/console/pulses/{pulse_id}.csv").text)))
    assert len(rows) == 7
    assert {row["country"] for row in rows} == {""}


def test_the_page_says_what_the_chat_says(console: Console) -> None:
    """The summary on the page is the chat's summary, word for word."""
    from bot.pulses.pulse_reports import summary_text

    pulse_id = console.run(pulse_answered, console.mreza, console.clock, ["RS"] * 6)
    tally = Tally(console.mreza.sessions, 5)

    async def chat_summary() -> str:
        (found,) = await tally.rounds(pulse_id)
        results = await tally.of_round(found, seed=found.id)
        return summary_text(results, console.mreza.translations(Language.EN), 5)

    import html

    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    assert html.escape(console.run(chat_summary)) in client.get(f"/console/pulses/{pulse_id}").text
