"""What operators see: Prometheus metrics on /metrics, and logs as JSON lines when asked."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from bot.operations.log_format import formatter_for
from tests.telegram.people import Chatter
from tests.telegram.running import RunningBot

pytestmark = pytest.mark.slow  # several instances on PostgreSQL


async def scraped(bot: RunningBot) -> dict[str, float]:
    """/metrics as Prometheus reads it: each sample line's name and labels, and its value."""
    url = bot.health_url.replace("/healthz", "/metrics")
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for line in response.text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


async def test_metrics_count_updates_answers_and_messages(
    on_telegram: RunningBot, alice: Chatter
) -> None:
    """Alice asks one question: one update handled, one answer, one message sent."""
    await alice.says("What is resolution 1325?")
    await alice.reply()
    samples = await scraped(on_telegram)
    assert samples['mreza_updates_total{result="handled",transport="telegram"}'] == 1
    assert samples['mreza_answers_total{decision="answer"}'] == 1
    assert samples["mreza_messages_sent_total"] == 1
    assert samples["mreza_send_rate_limit"] == 30


async def test_metrics_show_the_delivery_queue(on_telegram: RunningBot) -> None:
    """The queue depth is there from the start, by status, at zero when nothing is due."""
    samples = await scraped(on_telegram)
    assert samples['mreza_delivery_queue{status="pending"}'] == 0
    assert samples['mreza_delivery_queue{status="sending"}'] == 0


def test_json_logs_are_one_object_a_line_naming_the_instance() -> None:
    """MREZA_LOG_FORMAT=json: each record is a JSON object with level, logger and instance."""
    record = logging.LogRecord("bot.x", logging.WARNING, __file__, 1, "Ђорђе %s", ("ok",), None)
    line = formatter_for("json", "mreza-2").format(record)
    assert "\n" not in line
    assert json.loads(line) | {"time": None} == {
        "time": None,
        "level": "WARNING",
        "logger": "bot.x",
        "message": "Ђорђе ok",
        "instance": "mreza-2",
    }
