"""The weekly digest: Monday from 09:00 network time, once a week, in each coordinator's words."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.curation.digest import weekly_digest
from bot.languages import texts
from core.members import Language, Role
from tests.bot.people import Network, Person

BELGRADE = ZoneInfo("Europe/Belgrade")


def monday_nine_after(moment: datetime, days: int = 1) -> datetime:
    """The first Monday 09:00 in Belgrade at least ``days`` after ``moment``."""
    local = (moment + timedelta(days=days)).astimezone(BELGRADE)
    monday = local.date() + timedelta(days=(7 - local.weekday()) % 7)
    return datetime(monday.year, monday.month, monday.day, 9, tzinfo=BELGRADE)


def move_to(network: Network, moment: datetime) -> None:
    """Wind the fake clock forward to ``moment``."""
    network.clock.advance(moment - network.clock.now())


def expected(groups: int = 0, handoffs: int = 0, submissions: int = 0) -> str:
    """The digest's words with these figures and nothing low-rated or stale."""
    return texts.DIGEST.format(
        groups=groups, handoffs=handoffs, submissions=submissions, suggestions=0, low="-", stale="-"
    )


async def test_the_digest_reaches_coordinators_on_monday_morning(
    network: Network, alice: Person, cora: Person
) -> None:
    """An unanswered question passed on: one new group and one open hand-off in the digest."""
    monday = monday_nine_after(network.clock.now())
    await alice.says("recept za sarmu")
    await alice.presses(texts.PASS_ON)
    move_to(network, monday)
    chore = weekly_digest(network.conversation.services)
    assert await chore() == 1
    assert cora.last_message.text == expected(groups=1, handoffs=1)
    assert alice.last_message.text != expected(groups=1, handoffs=1)


async def test_not_before_nine_and_only_once_a_week(network: Network, cora: Person) -> None:
    """08:59 sends nothing; 09:00 sends; later that week nothing more; next Monday again."""
    chore = weekly_digest(network.conversation.services)
    monday = monday_nine_after(network.clock.now())
    move_to(network, monday - timedelta(minutes=1))
    assert await chore() == 0
    move_to(network, monday + timedelta(minutes=5))
    assert await chore() == 1
    move_to(network, monday + timedelta(hours=3))
    assert await chore() == 0
    move_to(network, monday + timedelta(days=7))
    assert await chore() == 1
    assert [m.text for m in cora.messages] == [expected(), expected()]


async def test_a_second_instance_does_not_send_it_again(network: Network, cora: Person) -> None:
    """Two chores (two instances, or a restart) on one database: one digest."""
    move_to(network, monday_nine_after(network.clock.now()))
    first = weekly_digest(network.conversation.services)
    second = weekly_digest(network.conversation.services)
    assert (await first(), await second()) == (1, 0)


async def test_the_digest_speaks_each_coordinators_language(network: Network) -> None:
    """A Macedonian coordinator reads it in Macedonian."""
    marko = await network.member("Marko", country="MK", role=Role.COORDINATOR, language=Language.MK)
    move_to(network, monday_nine_after(network.clock.now()))
    await weekly_digest(network.conversation.services)()
    mk = network.tr(Language.MK)(texts.DIGEST)
    assert marko.last_message.text == mk.format(
        groups=0, handoffs=0, submissions=0, suggestions=0, low="-", stale="-"
    )
