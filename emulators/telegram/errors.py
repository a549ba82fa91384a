"""Errors the emulated Bot API answers with, in Telegram's own shapes and wording."""

from __future__ import annotations

import math
from typing import Any

_PREFIXES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class ApiError(Exception):
    """A failed Bot API call: HTTP status, Telegram's description and optional retry_after."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        """Return the JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class EmulatorError(Exception):
    """A test asked the emulator for something that cannot happen (e.g. press a missing button)."""


def bad_request(message: str) -> ApiError:
    """Return a 400 error with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {message}")


def forbidden(message: str) -> ApiError:
    """Return a 403 error with Telegram's "Forbidden: " prefix."""
    return ApiError(403, f"Forbidden: {message}")


def conflict(message: str) -> ApiError:
    """Return a 409 error with Telegram's "Conflict: " prefix."""
    return ApiError(409, f"Conflict: {message}")


def retry_after(seconds: float) -> ApiError:
    """Return a 429 flood-wait error; Telegram always rounds the wait up to whole seconds."""
    whole = max(1, math.ceil(seconds))
    return ApiError(429, f"Too Many Requests: retry after {whole}", retry_after=whole)


def status_error(status: int, description: str | None = None) -> ApiError:
    """Return an error for an arbitrary status with Telegram's standard text for it."""
    return ApiError(status, description or _PREFIXES.get(status, f"Error {status}"))


def not_found() -> ApiError:
    """Return Telegram's answer to an unknown method."""
    return ApiError(404, "Not Found")


def unauthorized() -> ApiError:
    """Return Telegram's answer to a wrong token."""
    return ApiError(401, "Unauthorized")
