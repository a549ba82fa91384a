"""Fixtures of the scale-out tests: PostgreSQL, and the emulated Telegram as in tests/telegram."""

from collections.abc import Iterator

import pytest

from tests import databases
from tests.telegram.conftest import (  # noqa: F401  # fixtures, shared by name
    alice,
    emu,
    mreza,
    on_telegram,
    people,
    runner_log,
    settings,
)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database, whatever database the run uses; dropped after."""
    server = databases.postgres_server()
    url = databases.migrated_database(server)
    try:
        yield url
    finally:
        databases.drop_database(server, url)
