"""The HTTP side: Telegram's webhook (with its secret header checked) and the health check."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8"  # Prometheus' text format
WEBHOOK_PATH = "/telegram"
log = logging.getLogger(__name__)

UpdateSink = Callable[[dict[str, object]], Awaitable[bool]]  # False: not taken, ask again
MetricsPage = Callable[[], Awaitable[bytes]]


def web_app(
    sink: UpdateSink | None,
    secret: str | None,
    status: Callable[[], str],
    metrics_page: MetricsPage | None = None,
) -> Starlette:
    """/healthz always; POST /telegram when ``sink`` takes webhook updates; /metrics if given.

    ``status``: "ok" (answered 200), or why not ("starting", "blocked": answered 503).
    """

    async def metrics(_request: Request) -> Response:
        assert metrics_page is not None  # the route exists only with a page
        return Response(await metrics_page(), media_type=METRICS_TYPE)

    async def health(_request: Request) -> Response:
        now = status()
        return JSONResponse({"status": now}, status_code=200 if now == "ok" else 503)

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if secret is None or not hmac.compare_digest(given, secret):
            log.warning("webhook call without the right secret token, from %s", request.client)
            return PlainTextResponse("forbidden", status_code=403)
        try:
            update = json.loads(await request.body())
        except ValueError:
            return PlainTextResponse("not JSON", status_code=400)
        if not isinstance(update, dict):
            return PlainTextResponse("not an update", status_code=400)
        assert sink is not None  # the route exists only with a sink
        if not await sink(update):  # not recorded: an error status makes Telegram post it again
            return PlainTextResponse("try again", status_code=503)
        return PlainTextResponse("ok")

    routes = [Route("/healthz", health, methods=["GET"])]
    if sink is not None:
        routes.append(Route(WEBHOOK_PATH, receive, methods=["POST"]))
    if metrics_page is not None:
        routes.append(Route("/metrics", metrics, methods=["GET"]))
    return Starlette(routes=routes)
