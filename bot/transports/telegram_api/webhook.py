"""The HTTP side: Telegram's webhook (with its secret header checked) and the health check."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8"  # Prometheus' text format
WEBHOOK_PATH = "/telegram"
# Telegram's updates are a few kilobytes (a message holds at most 4,096 characters); a body far
# beyond that is not Telegram's, and reading it whole would let anyone fill the memory.
MAX_BODY = 1024 * 1024
log = logging.getLogger(__name__)


class NotAnUpdate(ValueError):
    """A webhook body that is JSON but no update Telegram would send."""


def webhook_url(public_url: str) -> str:
    """Where Telegram posts: the public address with /telegram, given with it or without."""
    base = public_url.strip().rstrip("/")
    return base if base.endswith(WEBHOOK_PATH) else base + WEBHOOK_PATH


UpdateSink = Callable[[dict[str, object]], Awaitable[bool]]  # False: not taken, ask again
MetricsPage = Callable[[], Awaitable[bytes]]


def web_app(
    sink: UpdateSink | None,
    secret: str | None,
    status: Callable[[], str],
    metrics_page: MetricsPage | None = None,
    also: Sequence[BaseRoute] = (),
) -> Starlette:
    """/healthz always; POST /telegram when ``sink`` takes webhook updates; /metrics if given;
    ``also``: more routes on the same address (the web console).

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
        body = await _bounded_body(request)
        if body is None:
            return PlainTextResponse("too large", status_code=413)
        try:
            update = json.loads(body)
        except ValueError:
            return PlainTextResponse("not JSON", status_code=400)
        if not isinstance(update, dict):
            return PlainTextResponse("not an update", status_code=400)
        assert sink is not None  # the route exists only with a sink
        try:
            taken = await sink(update)
        except NotAnUpdate as error:
            log.warning("webhook body is not an update: %s", error)
            return PlainTextResponse("not an update", status_code=400)
        if not taken:  # not recorded: an error status makes Telegram post it again
            return PlainTextResponse("try again", status_code=503)
        return PlainTextResponse("ok")

    routes: list[BaseRoute] = [Route("/healthz", health, methods=["GET"]), *also]
    if sink is not None:
        routes.append(Route(WEBHOOK_PATH, receive, methods=["POST"]))
    if metrics_page is not None:
        routes.append(Route("/metrics", metrics, methods=["GET"]))
    return Starlette(routes=routes)


async def _bounded_body(request: Request) -> bytes | None:
    """The body, or None once it is longer than ``MAX_BODY`` (read no further)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return bytes(body)
