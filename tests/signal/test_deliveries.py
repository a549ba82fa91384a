"""Announcements on Signal through the delivery engine; each member once, where they prefer."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import pytest

from bot.app import Mreza
from bot.transports.memory import MemoryMessenger
from bot.transports.routes import Routes
from bot.transports.signal_cli.choices import ChoiceBook
from bot.transports.signal_cli.rpc import SignalRpc
from bot.transports.signal_cli.signal_messenger import Backoff, SignalMessenger
from bot.transports.signal_cli.wording import Wording
from core.members import Identity, Member, NewMember, Status
from emulators.signal import SignalEmulator
from scheduler.audience import Audience
from scheduler.delivery import DeliveryWorker
from scheduler.firing import Firing
from scheduler.outbox import Outbox
from scheduler.outcomes import RetryPolicy
from scheduler.pacer import Pacer
from scheduler.recipients import Recipients
from scheduler.schedule_drafts import AnnouncementDraft, When
from tests.scheduler.fakes import PlainComposer
from tests.scheduler.world import GRACE, settle
from tests.signal.people import SignalPeople, SignalPerson

TRANSPORTS = ("telegram", "signal")


@pytest.fixture
async def rpc(signal_emu: SignalEmulator) -> AsyncIterator[SignalRpc]:
    """A JSON-RPC client of the emulated daemon."""
    client = SignalRpc(signal_emu.url)
    yield client
    await client.close()


@pytest.fixture
def telegram() -> MemoryMessenger:
    """Telegram's side, recorded in memory."""
    return MemoryMessenger()


@pytest.fixture
def worker(mreza: Mreza, rpc: SignalRpc, telegram: MemoryMessenger) -> DeliveryWorker:
    """A delivery worker serving Telegram and Signal, in that order."""
    wording = Wording(mreza.members, mreza.translations)
    signal = SignalMessenger(rpc, ChoiceBook(), wording, Pacer(1000, mreza.timer), Backoff(0.01))
    return DeliveryWorker(
        outbox=Outbox(mreza.sessions, "test"),
        recipients=Recipients(mreza.members, TRANSPORTS),
        composer=PlainComposer(),
        messenger=Routes({"telegram": telegram, "signal": signal}),
        pacer=Pacer(1000, mreza.timer),
        members=mreza.members,
        clock=mreza.clock,
        concurrency=4,
        policy=RetryPolicy(rng=random.Random(7)),
    )


async def announce_and_deliver(mreza: Mreza, worker: DeliveryWorker, text: str) -> None:
    """Schedule an announcement to everyone for now, fire it and send it all."""
    draft = AnnouncementDraft(text, Audience.parse("all"), When())
    await mreza.planner.announce(draft, None)
    await Firing(mreza.sessions, mreza.members, mreza.clock, GRACE).fire_due()
    await worker.start()
    try:
        await settle(worker)
    finally:
        await worker.stop()


async def on_both(mreza: Mreza, person: SignalPerson, telegram_id: str) -> Member:
    """A member with the Signal account of ``person`` and a Telegram account too."""
    signal = Identity("signal", person.address)
    new = NewMember(person.contact.name, "RS", Identity("telegram", telegram_id), more=(signal,))
    return await mreza.members.add(new, mreza.clock.now())


async def test_members_get_the_announcement_once_each_on_their_transport(
    mreza: Mreza,
    worker: DeliveryWorker,
    telegram: MemoryMessenger,
    people: SignalPeople,
    signal_emu: SignalEmulator,
) -> None:
    """Signal only, Telegram only, both, and both preferring Signal: four messages in all."""
    sonja = await people.member("Sonja")
    await mreza.members.add(NewMember("Tara", "RS", Identity("telegram", "11")), mreza.clock.now())
    await on_both(mreza, people.stranger("Dana"), "12")
    petra = people.stranger("Petra")
    await mreza.members.set_preferred((await on_both(mreza, petra, "13")).id, "signal")
    await announce_and_deliver(mreza, worker, "Regional meeting in Skopje")
    assert sorted(s.chat.id for s in telegram.said) == ["11", "12"]
    assert [c.text for c in signal_emu.world.sent_to(sonja.address)] == [
        "Regional meeting in Skopje"
    ]
    assert [c.text for c in signal_emu.world.sent_to(petra.address)] == [
        "Regional meeting in Skopje"
    ]
    assert len([c for c in signal_emu.world.calls if c.method == "send"]) == 2


async def test_a_number_no_longer_on_signal_marks_the_member_blocked(
    mreza: Mreza, worker: DeliveryWorker
) -> None:
    """UNREGISTERED_FAILURE ends the delivery as blocked, like a Telegram 403."""
    gone = await mreza.members.add(
        NewMember("Gone", "RS", Identity("signal", "+38169999999")), mreza.clock.now()
    )
    await announce_and_deliver(mreza, worker, "Hello")
    member = await mreza.members.get(gone.id)
    assert member is not None
    assert member.status is Status.BLOCKED


@pytest.mark.usefixtures("on_signal")
async def test_mreza_run_on_signal_delivers_announcements(
    mreza: Mreza, alice: SignalPerson
) -> None:
    """The running bot's own engine fires the announcement and sends it on Signal."""
    draft = AnnouncementDraft("Workshop on Monday", Audience.parse("all"), When())
    await mreza.planner.announce(draft, None)
    assert (await alice.hears()).text.endswith("Workshop on Monday")
