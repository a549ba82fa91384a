"""The HTTP side of EmulatorClient: one control operation = one POST /emulator/<name>."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

import httpx

from emulators.telegram.errors import EmulatorError
from emulators.telegram.wire import to_wire


class ControlTransport:
    """Talks to the /emulator control API of an emulator in another process."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self._http = httpx.AsyncClient(base_url=self.url, timeout=timeout)

    @property
    def base_url(self) -> str:
        """Value for PTB's base_url."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's base_file_url."""
        return f"{self.url}/file/bot"

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def health(self) -> dict[str, Any]:
        """The emulator's bot and operations; raises httpx errors while it is not up."""
        response = await self._http.get("/emulator/health")
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data

    async def _op(self, name: str, *, http_timeout: float | None = None, **kwargs: Any) -> Any:
        timeout = self._http.timeout if http_timeout is None else httpx.Timeout(http_timeout)
        response = await self._http.post(f"/emulator/{name}", json=to_wire(kwargs), timeout=timeout)
        try:
            body = response.json()
        except ValueError:
            raise EmulatorError(f"HTTP {response.status_code}: {response.text[:500]}") from None
        if body.get("ok"):
            return body["result"]
        if body.get("error") == "TimeoutError":
            raise TimeoutError(body["description"])
        raise EmulatorError(f"{body.get('error')}: {body.get('description')}")
