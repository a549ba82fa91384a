"""The web console under Starlette's TestClient, on the real app, a fresh database and the fake
clock; people are added and sign-in links made on the app's own event loop."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.testclient import TestClient

from bot.app import Mreza, open_mreza, pseudonyms_for, services_for, signer_for
from bot.console.console_app import console_mount
from bot.console.desk import desk_for
from bot.console.without_chat import NoChat
from bot.groundwork import Groundwork
from core.clock import FakeClock
from core.members import Identity, Language, Member, NewMember, Role
from core.settings import BUNDLED_KB_PATH, Settings
from tests.keys import SECRET_KEY

T = TypeVar("T")
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


@dataclass
class Console:
    """The console app and a way to run Mreža's own coroutines on its loop."""

    client: TestClient
    app: Starlette
    clock: FakeClock

    @property
    def mreza(self) -> Mreza:
        """The running app."""
        mreza: Mreza = self.app.state.mreza
        return mreza

    def run(self, work: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run a coroutine function on the app's event loop."""
        assert self.client.portal is not None  # inside the client's context
        return self.client.portal.call(work, *args)

    def person(
        self, name: str, role: Role, language: Language = Language.EN, country: str = "RS"
    ) -> Member:
        """A member of the network with a Telegram account."""
        new = NewMember(name, country, Identity("telegram", str(next(_ids))), role, language)
        return self.run(self.mreza.members.add, new, self.clock.now())

    def link(self, member: Member) -> str:
        """A fresh sign-in link's path, as the bot would send it."""
        made = self.run(self.app.state.desk.links.issue, member, self.clock.now())
        return made.url("")

    def sign_in(self, member: Member) -> TestClient:
        """Open a fresh link and press Sign in: the client holds the session from then on."""
        path = self.link(member)
        self.client.post(path)
        return self.client

    def csrf(self, path: str = "/console/") -> str:
        """The CSRF token the forms of a page carry."""
        found = CSRF.search(self.client.get(path).text)
        assert found is not None, "the page has no form"
        return found.group(1)


_ids = count(5001)


def console_app(settings: Settings, clock: FakeClock, groundwork: Groundwork) -> Starlette:
    """The console as ``mreza web`` serves it, Mreža opened by the app's own lifespan."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_mreza(settings, clock, groundwork) as mreza:
            signer, pseudonyms = await signer_for(mreza), await pseudonyms_for(mreza)
            desk = await desk_for(mreza, services_for(mreza, NoChat(), signer, pseudonyms))
            app.state.mreza, app.state.desk = mreza, desk
            app.router.routes.append(console_mount(desk))
            yield

    return Starlette(lifespan=lifespan)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A copy of the bundled entries, for tests that save one."""
    target = tmp_path / "kb"
    shutil.copytree(BUNDLED_KB_PATH, target)
    return target


@pytest.fixture
def console(
    database_url: str, clock: FakeClock, groundwork: Groundwork, kb_copy: Path
) -> Iterator[Console]:
    """The console on a fresh database, its entries in a copy of the knowledge base."""
    settings = Settings(
        database_url=database_url, kb_path=kb_copy, secret_key=SecretStr(SECRET_KEY)
    )
    app = console_app(settings, clock, groundwork)
    with TestClient(app, base_url="http://testserver") as client:
        yield Console(client, app, clock)
