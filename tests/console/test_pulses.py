"""Pulse results in the console: exactly the chat's k and subtraction rules, charts, CSV."""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import replace
from datetime import timedelta

from bot.app import pseudonyms_for
from bot.pulses.pulse_reports import summary_text
from core.members import Identity, Language, NewMember, Role
from scheduler.audience import Audience
from scheduler.firing import Firing
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.machinery import pulse_machinery
from scheduler.pulses.pulse_drafts import PulseDraft
from scheduler.pulses.tally import Tally
from scheduler.schedule_drafts import When
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
    pulse_id = console.run(pulse_answered, console.mreza, console.clock, ["RS"] * 6)
    tally = Tally(console.mreza.sessions, 5)

    async def chat_summary() -> str:
        (found,) = await tally.rounds(pulse_id)
        results = await tally.of_round(found, seed=found.id)
        return summary_text(results, console.mreza.translations(Language.EN), 5)

    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    assert html.escape(console.run(chat_summary)) in client.get(f"/console/pulses/{pulse_id}").text


async def _daily_pulse_twice(console: Console) -> int:
    """A daily pulse that has opened on two days, six answers each day."""
    mreza, clock = console.mreza, console.clock
    voters = [
        await mreza.members.add(
            NewMember(f"V{n}", "RS", Identity("telegram", f"8{n}")), clock.now()
        )
        for n in range(6)
    ]
    draft = PulseDraft("Is the workload fair?", Audience(everyone=True), options=("Yes", "No"))
    draft = replace(draft, when=When(rule="FREQ=DAILY"), open_for=timedelta(hours=12),
                    remind_after=None)  # fmt: skip
    pulse_id = await mreza.planner.start_pulse(draft, None)
    pseudonyms = await pseudonyms_for(mreza)
    rules = pulse_machinery(mreza.sessions, clock, pseudonyms).rules
    ballots = Ballots(mreza.sessions, pseudonyms, clock)
    for _day in range(2):
        await Firing(mreza.sessions, mreza.members, clock, timedelta(hours=1), rules).fire_due()
        latest = (await Tally(mreza.sessions, 5).rounds(pulse_id))[-1]
        for voter in voters:
            await ballots.cast(latest, voter, [0])
        clock.advance(timedelta(days=1))
    return pulse_id


def test_a_pulse_that_ran_twice_has_a_trend(console: Console) -> None:
    """Two rounds: both summaries on the page, and the trend drawn as SVG."""
    pulse_id = console.run(_daily_pulse_twice, console)
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = client.get(f"/console/pulses/{pulse_id}").text
    assert len(re.findall(r'data-round="(\d+)"', page)) == 2
    trend = client.get(f"/console/pulses/{pulse_id}/trend.svg")
    assert trend.status_code == 200
    assert "<svg" in trend.text
