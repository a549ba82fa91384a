"""The console in a real browser, end to end: signed in by the link the bot sends, an entry's
Macedonian answer fixed and then given to a member on (emulated) Telegram, an announcement
scheduled and delivered, and a pulse's results hidden below k."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.app import Mreza, open_mreza
from bot.cli.web import console_app
from bot.console.sign_in_links import SignInLinks
from bot.groundwork import Groundwork
from bot.operations.http_server import ServerRunner
from bot.transports.telegram_api.telegram_runner import Listen
from core.clock import FakeClock
from core.members import Identity, Language, NewMember, Role
from core.settings import BUNDLED_KB_PATH, Settings
from emulators.telegram import DEFAULT_TOKEN, BotApiEmulator
from scheduler.pacer import Timer
from tests.console.browsing import browser_page, chromium_or_skip
from tests.console.pulsing import QUESTION, pulse_answered
from tests.keys import SECRET_KEY
from tests.telegram.people import Chatter, People, identity
from tests.telegram.running import RUNNER_LOGGER, free_port, logged, running

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ENTRY = "persons-of-trust"
ASKED_IN_MACEDONIAN = "Ко е лице од доверба?"
NEW_ANSWER = "Лицето од доверба е прв контакт при вознемирување. Ова е проверен нов одговор."


@pytest.fixture(autouse=True)
def browser_present() -> None:
    """Skip, saying why, before anything starts where there is no browser."""
    chromium_or_skip()


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    """A fresh emulated Telegram."""
    async with BotApiEmulator() as emulator:
        yield emulator


@pytest.fixture
async def mreza(
    database_url: str, tmp_path: Path, clock: FakeClock, groundwork: Groundwork, timer: Timer
) -> AsyncIterator[Mreza]:
    """Mreža on a copy of the knowledge base (the console writes to it) and the emulator's token."""
    kb = tmp_path / "kb"
    shutil.copytree(BUNDLED_KB_PATH, kb)
    settings = Settings(database_url=database_url, kb_path=kb, secret_key=SecretStr(SECRET_KEY),
                        telegram_token=SecretStr(DEFAULT_TOKEN))  # fmt: skip
    async with open_mreza(settings, clock, groundwork, timer) as app:
        yield app


@pytest.fixture
def people(emu: BotApiEmulator, mreza: Mreza) -> People:
    """Makes members on the emulated Telegram."""
    return People(emu, mreza)


async def macedonian_member(people: People, mreza: Mreza) -> Chatter:
    """A member who reads Macedonian."""
    person = await people.stranger("Marija", "mk")
    new = NewMember("Marija", "MK", identity(person), Role.MEMBER, Language.MK, met=True)
    await mreza.members.add(new, mreza.clock.now())
    return person


async def test_a_macedonian_answer_fixed_in_the_console_reaches_members(
    emu: BotApiEmulator, mreza: Mreza, people: People, caplog: pytest.LogCaptureFixture
) -> None:
    """/console in Telegram gives a link; the browser signs in with it, the editor saves the new
    Macedonian answer, and a Macedonian member asking on Telegram gets it."""
    caplog.set_level("INFO", logger=RUNNER_LOGGER)
    cora = await people.member("Cora", Role.COORDINATOR)
    marija = await macedonian_member(people, mreza)
    async with running(mreza, emu.base_url, Listen(port=free_port())):
        await logged(caplog, "is running on Telegram")
        await cora.says("/console")
        found = re.search(r"http://\S+/console/sign-in/\S+", await cora.hears())
        assert found is not None
        async with browser_page() as page:
            await page.goto(found.group(0))
            await page.get_by_role("button", name="Sign in").click()
            await page.get_by_role("heading", name="Overview").wait_for()
            await page.get_by_role("link", name="Knowledge").click()
            await page.get_by_label("Search entries").fill("trust")
            await page.get_by_role("button", name="Filter").click()
            await page.get_by_role("link", name="Persons of trust in the defence system").click()
            title = await page.input_value("#title")
            await page.fill("#title", "")  # the check speaks up as the curator types
            await page.locator("#check-report").get_by_text("missing field").wait_for()
            await page.fill("#title", title)
            await page.locator("#check-report").get_by_text("passes every check").wait_for()
            await page.fill("#answer-mk", NEW_ANSWER)
            await page.get_by_role("button", name="Save").click()
            await page.get_by_text("Saved to the entry's file").wait_for()
        await marija.says(ASKED_IN_MACEDONIAN)
        assert NEW_ANSWER in await marija.hears()


async def test_an_announcement_scheduled_in_the_console_is_delivered(
    emu: BotApiEmulator, mreza: Mreza, people: People, caplog: pytest.LogCaptureFixture
) -> None:
    """A coordinator writes an announcement, ticks Serbia (Everyone unticks itself), previews
    who and how many, schedules it for now; members in Serbia get it."""
    caplog.set_level("INFO", logger=RUNNER_LOGGER)
    await people.member("Cora", Role.COORDINATOR)
    alice = await people.member("Alice")
    listen = Listen(port=free_port())
    async with running(mreza, emu.base_url, listen):
        await logged(caplog, "is running on Telegram")
        coordinator = next(m for m in await mreza.members.all() if m.name == "Cora")
        link = await SignInLinks(mreza.sessions).issue(coordinator, mreza.clock.now())
        async with browser_page(width=390, height=844) as page:  # a phone's screen
            await page.goto(link.url(listen.url))
            await page.get_by_role("button", name="Sign in").click()
            await page.goto(listen.url + "/console/schedules/new?kind=announcement")
            await page.get_by_label("Text").fill("The regional workshop moves to Ohrid.")
            await page.get_by_label("Serbia").check()
            assert not await page.get_by_label("Everyone").is_checked()
            await page.get_by_role("button", name="Preview").click()
            await page.get_by_text("recipients").wait_for()
            assert await page.locator("[data-who]").inner_text() == "Serbia"
            assert await page.locator("[data-recipients]").inner_text() == "2"  # Cora, Alice
            await page.get_by_role("button", name="Schedule it").click()
            await page.get_by_text("Scheduled.").wait_for()
        assert "The regional workshop moves to Ohrid." in await alice.hears()


async def test_a_pulse_answered_by_fewer_than_k_shows_no_numbers(
    mreza: Mreza, clock: FakeClock
) -> None:
    """On the console alone (mreza web), a pulse with two answers shows only that it is hidden."""
    await pulse_answered(mreza, clock, ["RS", "ME"])
    cora = await mreza.members.add(
        NewMember("Cora", "RS", Identity("telegram", "4711"), Role.COORDINATOR), clock.now()
    )
    server = ServerRunner(await console_app(mreza))
    await server.start()
    try:
        link = await SignInLinks(mreza.sessions).issue(cora, clock.now())
        async with browser_page() as page:
            await page.goto(link.url(server.url))
            await page.get_by_role("button", name="Sign in").click()
            await page.get_by_role("link", name="Pulses").click()
            await page.get_by_role("link", name=QUESTION).click()
            summary = await page.locator("pre[data-round]").inner_text()
            assert "fewer than 5 people have answered" in summary
            assert "Yes:" not in summary
            assert await page.locator("img[src$='.svg']").count() == 0
    finally:
        await server.stop()
