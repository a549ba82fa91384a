"""The emulated signal-cli daemon answers as the real one does: JSON-RPC, errors, events."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.transports.signal_cli.stream import StreamEvent, parse
from emulators.signal import SignalEmulator

STARTUP_WAIT = 30.0


@pytest.fixture
async def http(signal_emu: SignalEmulator) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the emulator."""
    async with httpx.AsyncClient(base_url=signal_emu.url) as client:
        yield client


async def rpc(http: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    """One JSON-RPC request and its response object."""
    request = {"jsonrpc": "2.0", "id": 7, "method": method, "params": params}
    response = await http.post("/api/v1/rpc", json=request)
    answer: dict[str, Any] = response.json()
    return answer


async def test_a_send_to_a_registered_number_succeeds(
    http: httpx.AsyncClient, signal_emu: SignalEmulator
) -> None:
    """The result carries the timestamp and a SUCCESS per recipient."""
    number = signal_emu.world.add_contact("Ana").number
    answer = await rpc(http, "send", recipient=[number], message="Hello")
    assert answer["id"] == 7
    assert isinstance(answer["result"]["timestamp"], int)
    assert [r["type"] for r in answer["result"]["results"]] == ["SUCCESS"]


async def test_a_send_to_an_unregistered_number_is_a_user_error(http: httpx.AsyncClient) -> None:
    """Code -1, with UNREGISTERED_FAILURE in the data's response."""
    answer = await rpc(http, "send", recipient=["+38169999999"], message="Hello")
    assert answer["error"]["code"] == -1
    results = answer["error"]["data"]["response"]["results"]
    assert [r["type"] for r in results] == ["UNREGISTERED_FAILURE"]


async def test_a_rate_limited_send_is_error_minus_5(
    http: httpx.AsyncClient, signal_emu: SignalEmulator
) -> None:
    """Code -5 with RATE_LIMIT_FAILURE and retryAfterSeconds; the next send goes through."""
    number = signal_emu.world.add_contact("Ana").number
    signal_emu.world.rate_limit.count, signal_emu.world.rate_limit.retry_after = 1, 3
    limited = await rpc(http, "send", recipient=[number], message="Hello")
    assert limited["error"]["code"] == -5
    [result] = limited["error"]["data"]["response"]["results"]
    assert (result["type"], result["retryAfterSeconds"]) == ("RATE_LIMIT_FAILURE", 3)
    assert "result" in await rpc(http, "send", recipient=[number], message="Hello")


@pytest.mark.parametrize(
    ("request_body", "code"),
    [
        ({"jsonrpc": "2.0", "id": 1}, -32600),
        ({"jsonrpc": "2.0", "id": 1, "method": "launchRockets"}, -32601),
        ({"jsonrpc": "2.0", "id": 1, "method": "send", "params": {"message": "x"}}, -32602),
        ({"jsonrpc": "2.0", "id": 1, "method": "sendReaction", "params": {"emoji": "👍"}}, -32602),
    ],
)
async def test_bad_requests_get_json_rpc_errors(
    http: httpx.AsyncClient, request_body: dict[str, Any], code: int
) -> None:
    """Missing method, unknown method, missing parameters: each its JSON-RPC code."""
    answer = (await http.post("/api/v1/rpc", json=request_body)).json()
    assert answer["error"]["code"] == code


async def test_a_batch_gets_one_answer_per_request(http: httpx.AsyncClient) -> None:
    """Two requests in a list, two answers in a list."""
    batch = [{"jsonrpc": "2.0", "id": n, "method": "version"} for n in (1, 2)]
    answers = (await http.post("/api/v1/rpc", json=batch)).json()
    assert [a["id"] for a in answers] == [1, 2]


async def test_the_health_check_answers(http: httpx.AsyncClient) -> None:
    """GET /api/v1/check is 200 while the daemon runs."""
    assert (await http.get("/api/v1/check")).status_code == 200


async def first_events(http: httpx.AsyncClient, count: int, last: str | None) -> list[StreamEvent]:
    """The first ``count`` events of a new stream, resuming after ``last`` if given."""
    headers = {"Last-Event-ID": last} if last else {}
    found: list[StreamEvent] = []
    async with http.stream("GET", "/api/v1/events", headers=headers) as response:
        async for event in parse(response.aiter_lines()):
            found.append(event)
            if len(found) == count:
                break
    return found


async def test_events_are_replayed_after_the_last_event_id(
    http: httpx.AsyncClient, signal_emu: SignalEmulator
) -> None:
    """Three messages kept; a stream resuming after the first gets the other two."""
    ana = signal_emu.world.add_contact("Ana")
    for text in ("one", "two", "three"):
        signal_emu.world.write(ana, text)
    everything = await first_events(http, 3, None)
    assert [e.kind for e in everything] == ["receive"] * 3
    resumed = await first_events(http, 2, everything[0].id)
    assert [e.id for e in resumed] == [e.id for e in everything[1:]]


@pytest.mark.slow  # a process of its own
async def test_the_emulator_runs_as_its_own_process() -> None:
    """python -m emulators.signal says where it listens and answers there."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulators.signal", "--port", "0",
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), STARTUP_WAIT)).decode()
        url = line.rsplit(" ", 1)[-1].strip()
        async with httpx.AsyncClient(base_url=url) as client:
            assert (await client.get("/api/v1/check")).status_code == 200
    finally:
        process.terminate()
        await process.wait()
