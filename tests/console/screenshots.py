"""Screenshots of the console's main pages for the README: ``python -m tests.console.screenshots``.

Mreža on a scratch database at the tests' fixed moment, with a few members, unanswered
questions, a scheduled announcement and an answered pulse; Debian's chromium takes the pictures.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from pydantic import SecretStr

from bot.app import Mreza, open_mreza
from bot.cli.web import console_app
from bot.console.sign_in_links import SignInLinks
from bot.operations.http_server import ServerRunner
from core.clock import FakeClock
from core.members import Identity, NewMember, Role
from core.settings import BUNDLED_KB_PATH, Settings
from scheduler.audience import Audience
from scheduler.schedule_drafts import AnnouncementDraft, When
from tests.commands import shared_groundwork
from tests.console.browsing import browser_page
from tests.console.pulsing import pulse_answered
from tests.keys import SECRET_KEY
from tests.moment import NOW

PAGES = {
    "overview": "/console/",
    "knowledge": "/console/knowledge",
    "test-pane": "/console/knowledge/test?question=Ко+е+лице+од+доверба%3F&lang=mk",
    "editor": "/console/knowledge/persons-of-trust",
    "review": "/console/review",
    "schedules": "/console/schedules",
    "pulse": "/console/pulses/{pulse}",
    "members": "/console/members",
}
UNANSWERED = ("what is the weather in Podgorica", "weather in podgorica today?",
              "is there someone confidential in my unit")  # fmt: skip


async def _sample(mreza: Mreza, clock: FakeClock) -> tuple[NewMember, int]:
    admin = NewMember("Ana Kovačević", "RS", Identity("telegram", "1001"), Role.ADMIN)
    await mreza.members.add(admin, clock.now())
    for text in UNANSWERED:
        await mreza.librarian.ask_logged(text, "telegram", None, "ME")
    pulse = await pulse_answered(mreza, clock, ["RS"] * 6 + ["ME"] * 6 + ["MK"] * 5 + ["BA"])
    when = When(NOW.replace(day=18, hour=9), "FREQ=WEEKLY")
    draft = AnnouncementDraft(
        "Monthly call of the gender focal points.", Audience(everyone=True), when
    )
    await mreza.planner.announce(draft, None)
    return admin, pulse


async def shoot(folder: Path) -> None:
    """Save one PNG per page into ``folder`` (which exists)."""
    with tempfile.TemporaryDirectory() as scratch:
        kb = Path(scratch) / "kb"
        shutil.copytree(BUNDLED_KB_PATH, kb)
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{scratch}/m.db",
            kb_path=kb,
            secret_key=SecretStr(SECRET_KEY),
        )
        clock = FakeClock(NOW)
        async with open_mreza(settings, clock, shared_groundwork()) as mreza:
            admin, pulse = await _sample(mreza, clock)
            member = await mreza.members.by_identity(admin.identity)
            assert member is not None
            server = ServerRunner(await console_app(mreza))
            await server.start()
            try:
                link = await SignInLinks(mreza.sessions).issue(member, clock.now())
                async with browser_page(1280, 900) as page:
                    await page.goto(link.url(server.url))
                    await page.get_by_role("button", name="Sign in").click()
                    for name, path in PAGES.items():
                        await page.goto(server.url + path.format(pulse=pulse))
                        await page.screenshot(path=str(folder / f"{name}.png"), full_page=False)
            finally:
                await server.stop()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/console")
    target.mkdir(parents=True, exist_ok=True)
    asyncio.run(shoot(target))
