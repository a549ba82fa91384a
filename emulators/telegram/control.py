"""The /emulator/... HTTP control API: each operation calls the same Simulator method."""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulators.telegram.errors import EmulatorError
from emulators.telegram.simulator import Simulator
from emulators.telegram.wire import to_wire

Operation = Callable[..., Awaitable[Any]]


def operations(simulator: Simulator) -> dict[str, Operation]:
    """Simulator's public async methods, by name (never the lifecycle of a subclass)."""
    return {
        name: getattr(simulator, name)
        for name, member in inspect.getmembers(Simulator, inspect.iscoroutinefunction)
        if not name.startswith("_")
    }


def _reply(body: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status, media_type="application/json")


def _failure(error: Exception, status: int) -> Response:
    return _reply({"ok": False, "error": type(error).__name__, "description": str(error)}, status)


def control_routes(simulator: Simulator) -> list[Route]:
    """Routes for the control API of `simulator`."""
    table = operations(simulator)

    async def health(request: Request) -> Response:
        """GET /emulator/health: the bot and the operations on offer."""
        return _reply({"ok": True, "bot": to_wire(simulator.bot), "operations": sorted(table)})

    async def run(request: Request) -> Response:
        """POST /emulator/<operation> with JSON keyword arguments."""
        operation = table.get(request.path_params["operation"])
        if operation is None:
            return _failure(EmulatorError("unknown operation"), 404)
        body = await request.body()
        try:
            kwargs = json.loads(body) if body else {}
            result = await operation(**kwargs)
        except EmulatorError as error:
            return _failure(error, 422)
        except TimeoutError as error:
            return _failure(error, 408)
        except (TypeError, ValueError) as error:  # wrong or malformed arguments
            return _failure(error, 400)
        return _reply({"ok": True, "result": to_wire(result)})

    return [
        Route("/emulator/health", health, methods=["GET"]),
        Route("/emulator/{operation}", run, methods=["POST"]),
    ]
