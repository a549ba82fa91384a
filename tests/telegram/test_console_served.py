"""The web console on ``mreza run``'s own address: a link from /console signs in there."""

from __future__ import annotations

import re

import httpx

from tests.telegram.people import Chatter
from tests.telegram.running import RunningBot


async def test_the_console_is_served_beside_the_health_check(on_telegram: RunningBot) -> None:
    """/console asks a browser without a session to sign in; /healthz is unchanged."""
    base = f"http://{on_telegram.listen.host}:{on_telegram.listen.port}"
    async with httpx.AsyncClient() as http:
        page = await http.get(f"{base}/console/")
        health = await http.get(f"{base}/healthz")
    assert page.status_code == 401
    assert "Send /console" in page.text
    assert health.status_code == 200


async def test_the_link_from_the_bot_signs_in_on_the_same_server(
    on_telegram: RunningBot, bob: Chatter
) -> None:
    """A coordinator's /console gives a link to this server; pressing Sign in opens the overview."""
    await bob.says("/console")
    found = re.search(r"http://\S+/console/sign-in/\S+", await bob.hears())
    assert found is not None
    assert found.group(0).startswith(f"http://127.0.0.1:{on_telegram.listen.port}/console/")
    async with httpx.AsyncClient(follow_redirects=True) as http:
        overview = await http.post(found.group(0))
    assert overview.status_code == 200
    assert "Waiting for a decision" in overview.text
