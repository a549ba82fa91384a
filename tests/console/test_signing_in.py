"""Sign-in by one-time link: ten minutes, once, coordinators and admins only, rate-limited."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.console.sign_in_links import LinkRefused
from core.members import Role, Status
from tests.console.conftest import Console


def test_nothing_is_served_without_a_session(console: Console) -> None:
    """Every page answers a stranger with how to sign in, and nothing else."""
    for path in ("/console/", "/console/knowledge", "/console/review", "/console/schedules",
                 "/console/pulses", "/console/members", "/console/audit"):  # fmt: skip
        page = console.client.get(path)
        assert page.status_code == 401
        assert "/console" in page.text
        assert "Send /console" in page.text


def test_a_coordinator_signs_in_with_a_link(console: Console) -> None:
    """Opening the link asks first (chat previews must not use it); pressing signs in."""
    ana = console.person("Ana", Role.COORDINATOR)
    path = console.link(ana)
    assert "Sign in to the Mreža console" in console.client.get(path).text
    signed = console.client.post(path)
    assert signed.status_code == 200
    assert "Ana" in signed.text
    cookie = signed.history[0].headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie


def test_a_link_works_once(console: Console) -> None:
    """The second press of the same link is refused."""
    ana = console.person("Ana", Role.COORDINATOR)
    path = console.link(ana)
    console.client.post(path)
    console.client.cookies.clear()
    again = console.client.post(path)
    assert again.status_code == 403
    assert "not valid" in again.text


def test_a_link_expires_after_ten_minutes(console: Console) -> None:
    """Eleven minutes later the link signs nobody in."""
    ana = console.person("Ana", Role.COORDINATOR)
    path = console.link(ana)
    console.clock.advance(timedelta(minutes=11))
    assert console.client.post(path).status_code == 403


def test_members_get_no_link(console: Console) -> None:
    """A member without a coordinator's role is refused a link."""
    mila = console.person("Mila", Role.MEMBER)
    with pytest.raises(LinkRefused):
        console.link(mila)


def test_links_are_rate_limited(console: Console) -> None:
    """Three links in ten minutes; the fourth is refused, and allowed again later."""
    ana = console.person("Ana", Role.COORDINATOR)
    for _ in range(3):
        console.link(ana)
    with pytest.raises(LinkRefused):
        console.link(ana)
    console.clock.advance(timedelta(minutes=11))
    assert console.link(ana).startswith("/console/sign-in/")


def test_a_forged_cookie_is_no_session(console: Console) -> None:
    """A cookie changed by hand (another member's id) is not accepted."""
    ana = console.person("Ana", Role.COORDINATOR)
    boss = console.person("Boss", Role.ADMIN)
    client = console.sign_in(ana)
    value = client.cookies["mreza_console"]
    client.cookies.clear()
    client.cookies.set("mreza_console", str(boss.id) + value[len(str(ana.id)) :])
    assert client.get("/console/").status_code == 401


def test_sign_out_ends_the_session(console: Console) -> None:
    """After signing out, the pages ask for a sign-in again."""
    ana = console.person("Ana", Role.COORDINATOR)
    client = console.sign_in(ana)
    client.post("/console/sign-out", data={"csrf": console.csrf()})
    assert client.get("/console/").status_code == 401


def test_the_session_ends_after_a_working_day(console: Console) -> None:
    """Thirteen hours later the cookie no longer signs in."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    console.clock.advance(timedelta(hours=13))
    assert client.get("/console/").status_code == 401


def test_a_removed_member_loses_the_console(console: Console) -> None:
    """Removing a coordinator ends what their cookie can do."""
    ana = console.person("Ana", Role.COORDINATOR)
    client = console.sign_in(ana)
    console.run(console.mreza.members.set_status, ana.id, Status.REMOVED)
    assert client.get("/console/").status_code == 401


def test_the_cookie_is_secure_behind_https(console: Console) -> None:
    """Behind a proxy that terminates https, the session cookie is marked Secure."""
    path = console.link(console.person("Ana", Role.COORDINATOR))
    signed = console.client.post(path, headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in signed.history[0].headers["set-cookie"]


def test_a_link_elsewhere_cannot_sign_anyone_out(console: Console) -> None:
    """GET /console/sign-out (an image or link on another site) leaves the session alone."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    client.get("/console/sign-out")
    assert client.get("/console/").status_code == 200
