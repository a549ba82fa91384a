"""The Starlette app: /bot<token>/<method>, file downloads, and the /emulator control API."""

from __future__ import annotations

import json
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from emulators.telegram.control import control_routes
from emulators.telegram.core import Core
from emulators.telegram.dispatch import DROPPED, Dispatcher
from emulators.telegram.errors import ApiError
from emulators.telegram.http_params import request_params
from emulators.telegram.simulator import Simulator


class DroppedResponse(Response):
    """Starts a response and never finishes it, so the server closes the connection."""

    def __init__(self) -> None:
        super().__init__()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send only the response head; uvicorn then drops the connection."""
        await send({"type": "http.response.start", "status": 200, "headers": []})


def json_response(body: Any, status: int = 200) -> Response:
    """A compact UTF-8 JSON response, cheaper than Starlette's JSONResponse checks."""
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(content, status_code=status, media_type="application/json")


async def _params(request: Request) -> dict[str, Any] | ApiError:
    # An unreadable body is still a recorded call, so the dispatcher gets the error to log.
    try:
        return await request_params(request)
    except ApiError as error:
        return error


def build_app(core: Core, simulator: Simulator) -> Starlette:
    """Return the ASGI app serving one emulated bot."""
    dispatcher = Dispatcher(core)

    async def bot_api(request: Request) -> Response:
        """/bot<token>/<method>: one Bot API call."""
        token, method = request.path_params["token"], request.path_params["method"]
        outcome = await dispatcher.call(token, method, await _params(request))
        if outcome.status == DROPPED:
            return DroppedResponse()
        return json_response(outcome.body, outcome.status)

    async def download(request: Request) -> Response:
        """/file/bot<token>/<file_path>: the bytes of a stored file."""
        stored = core.files.by_path(request.path_params["path"])
        if request.path_params["token"] != core.config.token or stored is None:
            return json_response({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        return Response(stored.data, media_type=stored.mime_type)

    routes = [
        Route("/bot{token}/{method}", bot_api, methods=["GET", "POST"]),
        Route("/file/bot{token}/{path:path}", download, methods=["GET"]),
        *control_routes(simulator),
    ]
    return Starlette(routes=routes)
