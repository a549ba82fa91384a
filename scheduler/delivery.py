"""The delivery worker: claims due deliveries and sends them with N concurrent senders.

One claimer keeps a queue of claimed rows topped up; N senders each take a row, compose its
message for the recipient from the schedule as it is now, send it through the paced messenger,
and wait until the outcome is committed before taking the next row.

In flight at a crash: at most N (the number of senders). A row can be sent twice only if the
message reached Telegram but its outcome was not yet committed; each sender holds at most one
such row, because it sends one message at a time and takes its next row only after the outcome
of the last is in the database. Rows claimed but still queued were never sent; after a restart
they, and the at most N in flight, go back to pending (see ``Outbox.recover``). So after a kill
every recipient gets the message, and at most N of them get it twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from core.clock import Clock
from core.members import MemberDirectory, Status, UnknownMember
from core.messaging import DeliveryFailed, Messenger, Outgoing, RecipientGone
from core.metrics import Metrics, NoMetrics
from scheduler.composing import Composer, Keeper, Occasion, Recipient
from scheduler.ledger import Ledger
from scheduler.occasions import Occasions
from scheduler.outbox import Outbox
from scheduler.outcomes import Claimed, Outcome, RetryPolicy, delivered, ended
from scheduler.pacer import Pacer
from scheduler.recipients import Known, Recipients, Unreachable

log = logging.getLogger(__name__)
POLL = 1.0  # seconds between looks for due rows when nobody says there are new ones
STOP_WAIT = 15.0  # seconds a graceful stop waits for sends under way
CANCELLED = "the schedule was cancelled"
RECORD_RETRY_FIRST, RECORD_RETRY_CAP = 0.1, 5.0  # seconds between tries to commit an outcome


class DeliveryWorker:
    """Drains due deliveries until stopped."""

    def __init__(
        self,
        outbox: Outbox,
        recipients: Recipients,
        composer: Composer,
        messenger: Messenger,
        pacer: Pacer,
        members: MemberDirectory,
        clock: Clock,
        concurrency: int,
        policy: RetryPolicy | None = None,
        occasions: Occasions | None = None,
        keeper: Keeper | None = None,
        metrics: Metrics | None = None,
        batch: int | None = None,
    ) -> None:
        """``batch``: how many rows are claimed ahead of the senders (and stranded by a kill)."""
        self._outbox, self._recipients, self._composer = outbox, recipients, composer
        self._messenger, self._pacer, self._members, self._clock = messenger, pacer, members, clock
        self.concurrency = concurrency
        self._batch = batch or max(50, 4 * concurrency)
        self._policy = policy or RetryPolicy()
        self._occasions = occasions or Occasions(outbox.sessions)
        self._ledger = Ledger(outbox)
        self._keeper = keeper
        self._metrics = metrics or NoMetrics()
        self._queue: asyncio.Queue[tuple[Claimed, Known] | None] = asyncio.Queue()
        self._wake, self._room, self._idle = asyncio.Event(), asyncio.Event(), asyncio.Event()
        self._busy = 0
        self._stopping = False
        self._claimer: asyncio.Task[None] | None = None
        self._senders: list[asyncio.Task[None]] = []
        self._renewer: asyncio.Task[None] | None = None

    async def start(self, stopped: Sequence[str] = ()) -> None:
        """Take back what a previous run, or the ``stopped`` instances, left in flight; then
        start claiming and sending."""
        await self._outbox.recover(self._clock.now(), starting=True, stopped=stopped)
        self._claimer = asyncio.create_task(self._claim_loop(), name="delivery-claimer")
        self._senders = [
            asyncio.create_task(self._send_loop(), name=f"delivery-sender-{number}")
            for number in range(self.concurrency)
        ]
        self._renewer = asyncio.create_task(self._renew_loop(), name="delivery-renewer")

    async def claimants(self) -> list[str]:
        """The instance names that hold claims now."""
        return await self._outbox.claimants()

    def poke(self) -> None:
        """New deliveries may be due: look now rather than at the next poll."""
        self._idle.clear()
        self._wake.set()

    async def settled(self) -> None:
        """Wait until nothing is due and every sender is idle (tests and benchmarks)."""
        self.poke()
        await self._idle.wait()

    async def stop(self, wait: float = STOP_WAIT) -> None:
        """Finish the sends under way, give back the rows not yet tried, and stop."""
        self._stopping = True
        self._wake.set()
        self._room.set()
        if self._claimer is not None:
            await asyncio.gather(self._claimer, return_exceptions=True)
        untried = []
        while not self._queue.empty():
            item = self._queue.get_nowait()
            if item is not None:
                untried.append(item[0].id)
        await self._outbox.release(untried)
        for _ in self._senders:
            self._queue.put_nowait(None)
        if self._senders:
            _, late = await asyncio.wait(self._senders, timeout=wait)
            for task in late:  # their rows stay "sending" and are taken back on the next start
                task.cancel()
            await asyncio.gather(*self._senders, return_exceptions=True)
        if self._renewer is not None:
            self._renewer.cancel()
            await asyncio.gather(self._renewer, return_exceptions=True)

    async def _claim_loop(self) -> None:
        while not self._stopping:
            try:
                await self._claim_some()
            except Exception:
                log.exception("could not claim deliveries; trying again")
                await self._nap()

    async def _claim_some(self) -> None:
        if self._queue.qsize() > self._batch // 2:  # enough queued: wait until senders catch up
            self._room.clear()
            await self._room.wait()
            return
        jobs = await self._outbox.claim(self._clock.now(), self._batch - self._queue.qsize())
        known = await self._recipients.prefetch(job.recipient for job in jobs)
        for job in jobs:
            self._queue.put_nowait((job, known))
        if jobs:
            return
        if self._queue.empty() and self._busy == 0:
            self._idle.set()
        await self._nap()

    async def _nap(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), POLL)
        self._wake.clear()

    async def _send_loop(self) -> None:
        while (item := await self._queue.get()) is not None:
            job, known = item
            if self._queue.qsize() <= self._batch // 2:
                self._room.set()
            self._busy += 1
            try:
                try:
                    outcome = await self._attempt(job, known)
                except Exception as error:  # nothing went out: a lookup failed
                    log.warning(
                        "delivery %s not tried (%s); it goes back to pending", job.id, error
                    )
                    outcome = ended(job, "pending", f"not tried: {error}", self._clock.now())
                # the next row only once this outcome is committed: that bounds duplicates
                await self._record(outcome)
                self._metrics.delivery_ended(outcome.status)
            finally:
                self._busy -= 1
                if self._queue.empty() and self._busy == 0:
                    self._wake.set()  # the claimer looks again, and says when all is done

    async def _record(self, outcome: Outcome) -> None:
        """Commit the outcome, trying again while the database is away (it restarts, a
        connection drops mid-batch). Meanwhile this sender takes no new row, so however long
        the database is gone, each sender holds at most one sent but unrecorded message."""
        delay = RECORD_RETRY_FIRST
        while True:
            try:
                await self._ledger.record(outcome)
                return
            except Exception as error:
                if self._stopping:  # the row stays "sending": the next start takes it back
                    log.error("delivery %s: outcome lost at stop: %s", outcome.delivery_id, error)
                    return
                log.warning(
                    "delivery %s: outcome not recorded yet (%s); retrying in %.1f s",
                    outcome.delivery_id, error, delay,
                )  # fmt: skip
                await asyncio.sleep(delay)
                delay = min(2 * delay, RECORD_RETRY_CAP)

    async def _attempt(self, job: Claimed, known: Known) -> Outcome:
        occasion = await self._occasions.get(job.occurrence_id)
        if occasion is None:
            return ended(job, "cancelled", CANCELLED, self._clock.now())
        target = await self._recipients.find(job.recipient, known)
        if isinstance(target, Unreachable):
            return ended(job, target.status, target.reason, self._clock.now())
        try:
            message = self._composer.compose(occasion, target)
        except Exception as error:
            log.exception("delivery %s: could not compose the message", job.id)
            reason = f"could not compose the message: {error}"
            return ended(job, "failed", reason, self._clock.now())
        return await self._send(job, occasion, target, message)

    async def _send(
        self, job: Claimed, occasion: Occasion, target: Recipient, message: Outgoing
    ) -> Outcome:
        try:
            sent = await self._messenger.send(target.chat, message)
        except RecipientGone as gone:
            await self._gone(target)
            return ended(job, "blocked", gone.reason, self._clock.now())
        except DeliveryFailed as failure:
            if failure.retry_after is not None:
                self._pacer.pause(failure.retry_after)
            log.info("delivery %s failed: %s", job.id, failure.reason)
            return self._policy.after(job, failure, self._clock.now())
        except Exception as error:  # the transport broke in a way it did not foresee: retry
            log.exception("delivery %s: unexpected error while sending", job.id)
            broken = DeliveryFailed(f"unexpected error: {error}", transient=True)
            return self._policy.after(job, broken, self._clock.now())
        if self._keeper is not None:
            try:
                await self._keeper.kept(occasion, target, sent)
            except Exception:  # the message is out all the same: record it as delivered
                log.exception("delivery %s: sent, but what it needs later was not kept", job.id)
        return delivered(job, sent, self._clock.now())

    async def _gone(self, target: Recipient) -> None:
        """Stop writing where nobody listens: the member is blocked until they write again."""
        member = target.member
        if member is not None and member.status is Status.ACTIVE:
            with contextlib.suppress(UnknownMember):
                await self._members.set_status(member.id, Status.BLOCKED)
        elif member is None and not target.chat.private:
            await self._outbox.leave_group(target.chat.transport, target.chat.id)

    async def _renew_loop(self) -> None:
        while True:
            await asyncio.sleep(self._outbox.lease.total_seconds() / 3)
            try:
                await self._outbox.renew(self._clock.now())
                await self._outbox.recover(self._clock.now())
            except Exception:
                log.exception("could not renew delivery claims")
