"""Shared fixtures: the bundled knowledge base, a searcher over it, and Mreža on a temp database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.app import Mreza, open_mreza
from core.clock import FakeClock
from core.settings import BUNDLED_KB_PATH, Settings
from knowledge.analysis import Analyzer, Glossary
from knowledge.index import SearchIndex
from knowledge.loader import LoadReport, load_knowledge_base
from knowledge.search import Searcher
from tests import databases


@pytest.fixture(scope="session")
def today() -> date:
    """The day the bundled entries are validated against (their `checked` dates are real)."""
    return datetime.now(UTC).date()


@pytest.fixture(scope="session")
def bundled(today: date) -> LoadReport:
    """The 42 curated entries, loaded and validated once."""
    return load_knowledge_base(BUNDLED_KB_PATH, today)


@pytest.fixture(scope="session")
def searcher(bundled: LoadReport) -> Searcher:
    """Mreža's searcher over the bundled entries, with the bundled glossary."""
    return Searcher(SearchIndex(bundled.entries, Analyzer(Glossary.bundled())))


@pytest.fixture(scope="session")
def schema_template() -> Iterator[str | None]:
    """On a PostgreSQL run, a migrated empty database that each test's database copies."""
    server = databases.configured_server()
    if server is None:
        yield None
        return
    template = databases.migrated_database(server)
    yield template
    databases.drop_database(server, template)


@pytest.fixture
def database_url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh SQLite file per test, or a fresh migrated database on a PostgreSQL run."""
    server = databases.configured_server()
    if server is None:
        yield f"sqlite+aiosqlite:///{tmp_path}/t.db"
        return
    template = request.getfixturevalue("schema_template")
    with databases.fresh_database(server, template) as url:
        yield url


@pytest.fixture
def clock() -> FakeClock:
    """A clock that starts now (the bundled entries were checked up to today) and stays put."""
    return FakeClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
async def mreza(database_url: str, clock: FakeClock) -> AsyncIterator[Mreza]:
    """The real app, on a temp database and a fake clock."""
    settings = Settings(database_url=database_url, kb_path=BUNDLED_KB_PATH)
    async with open_mreza(settings, clock) as app:
        yield app
