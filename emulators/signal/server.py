"""The daemon's HTTP endpoints: JSON-RPC, the server-sent event stream, and the health check."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from emulators.signal import rpc
from emulators.signal.world import SignalWorld

KEEP_ALIVE = 15.0  # seconds between comment lines on an idle stream, as signal-cli sends


def build_app(world: SignalWorld, closing: asyncio.Event) -> Starlette:
    """The ASGI app of one emulated daemon."""

    async def rpc_endpoint(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            error = rpc.RpcError(-32700, "Parse error")
            return JSONResponse({"jsonrpc": "2.0", "error": error.as_json(), "id": None})
        if isinstance(body, list):
            answers = [await rpc.call(world, item) for item in body]
            return JSONResponse([a for a in answers if a is not None])
        answer = await rpc.call(world, body)
        return JSONResponse(answer) if answer is not None else Response(status_code=201)

    async def events_endpoint(request: Request) -> Response:
        queue = world.listen(request.headers.get("last-event-id"))
        return StreamingResponse(
            _stream(world, queue, closing),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache"},
        )

    async def check(request: Request) -> Response:
        return PlainTextResponse("")

    return Starlette(
        routes=[
            Route("/api/v1/rpc", rpc_endpoint, methods=["POST"]),
            Route("/api/v1/events", events_endpoint, methods=["GET"]),
            Route("/api/v1/check", check, methods=["GET"]),
        ]
    )


async def _stream(
    world: SignalWorld, queue: asyncio.Queue[tuple[int, str] | None], closing: asyncio.Event
) -> AsyncIterator[bytes]:
    try:
        yield b":\n"  # signal-cli flushes at once, so a client knows it is connected
        while not closing.is_set():
            try:
                event = await asyncio.wait_for(queue.get(), KEEP_ALIVE)
            except TimeoutError:
                yield b":\n"
                continue
            if event is None:
                return
            event_id, data = event
            lines = "".join(f"data:{line}\n" for line in data.split("\n"))
            yield f"id:{event_id}\nevent:receive\n{lines}\n".encode()
    finally:
        world.unlisten(queue)
