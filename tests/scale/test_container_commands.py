"""The container's own commands, run outside a container: its health check asks /healthz."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path

import pytest

from tests.telegram.running import RunningBot, free_port

pytestmark = pytest.mark.slow  # several instances on PostgreSQL

DOCKERFILE = Path(__file__).resolve().parents[2] / "Dockerfile"
CONTAINER_PORT = "8080"


def health_check(port: int) -> list[str]:
    """The Dockerfile's HEALTHCHECK command, aimed at ``port`` instead of the container's."""
    text = DOCKERFILE.read_text()
    found = re.search(r"HEALTHCHECK [^\n]*\\\n\s*CMD (\[.*\])", text)
    assert found is not None, "the Dockerfile has no exec-form HEALTHCHECK"
    command: list[str] = json.loads(found.group(1))
    assert command[0] == "python"
    return [sys.executable, *(part.replace(CONTAINER_PORT, str(port)) for part in command[1:])]


async def exit_code(command: list[str]) -> int:
    """Run a command and wait for it."""
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )
    return await process.wait()


async def test_the_health_check_passes_while_mreza_runs(on_telegram: RunningBot) -> None:
    """Against a running Mreža the HEALTHCHECK command exits 0."""
    assert await exit_code(health_check(on_telegram.listen.port)) == 0


async def test_the_health_check_fails_where_nothing_answers() -> None:
    """With nothing listening it exits non-zero, and the container counts as unhealthy."""
    assert await exit_code(health_check(free_port())) != 0


def test_the_image_runs_mreza_run() -> None:
    """The entry point is `mreza run`, listening on every interface of the container."""
    text = DOCKERFILE.read_text()
    assert 'ENTRYPOINT ["mreza", "run"]' in text
    assert f'CMD ["--listen", "0.0.0.0:{CONTAINER_PORT}"]' in text
    assert "USER mreza" in text
