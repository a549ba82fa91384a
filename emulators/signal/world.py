"""The emulated Signal: the bot's account, the people and groups it knows, and what happened.

Tests play people through this object: they write, react and type, and read what the bot sent
(every JSON-RPC call is recorded with its outcome).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ACCOUNT = "+38160000000"
KEPT_EVENTS = 1000  # as signal-cli: the last thousand events can be replayed


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone with a Signal account: a number (may be hidden) and a UUID."""

    name: str
    number: str | None
    uuid: str

    @property
    def address(self) -> dict[str, Any]:
        """How signal-cli names this person in an envelope's source fields."""
        return {
            "source": self.number or self.uuid,
            "sourceNumber": self.number,
            "sourceUuid": self.uuid,
            "sourceName": self.name,
            "sourceDevice": 1,
        }


@dataclass(frozen=True, slots=True)
class RpcCall:
    """One JSON-RPC request the bot made, and what the emulator answered."""

    seq: int
    method: str
    params: dict[str, Any]
    result: Any = None
    error: dict[str, Any] | None = None
    at: float = field(default_factory=time.monotonic)  # when it arrived, for benchmarks

    @property
    def ok(self) -> bool:
        """True when the call succeeded."""
        return self.error is None

    @property
    def text(self) -> str:
        """The message text of a send."""
        return str(self.params.get("message", ""))

    @property
    def timestamp(self) -> int:
        """The timestamp signal-cli gave the sent message (its id for quotes and reactions)."""
        stamp = self.result.get("timestamp") if isinstance(self.result, dict) else None
        return stamp if isinstance(stamp, int) else 0


@dataclass
class RateLimitFault:
    """The next ``count`` sends fail with signal-cli's rate-limit error."""

    count: int = 0
    retry_after: int = 1


@dataclass
class SignalWorld:
    """State shared by the HTTP server and the tests."""

    account: str = ACCOUNT
    contacts: dict[str, Contact] = field(default_factory=dict)  # by number and by uuid
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    calls: list[RpcCall] = field(default_factory=list)
    events: deque[tuple[int, str]] = field(default_factory=lambda: deque(maxlen=KEPT_EVENTS))
    rate_limit: RateLimitFault = field(default_factory=RateLimitFault)
    streams_opened: int = 0

    def __post_init__(self) -> None:
        self._event_ids = itertools.count(1)
        self._call_ids = itertools.count(1)
        self._numbers = itertools.count(1)
        self._clock = itertools.count(int(time.time() * 1000))
        self._listeners: list[asyncio.Queue[tuple[int, str] | None]] = []
        self.changed = asyncio.Condition()

    # people and groups

    def add_contact(self, name: str, number: str | None = "", hidden: bool = False) -> Contact:
        """A Signal user; a number is made up unless given, and ``hidden`` shares only the UUID."""
        if number == "":
            number = f"+3816{next(self._numbers):07d}"
        contact = Contact(name, None if hidden else number, str(uuid.uuid4()))
        self.contacts[contact.uuid] = contact
        if contact.number:
            self.contacts[contact.number] = contact
        return contact

    def add_group(self, *members: Contact) -> str:
        """A group with the bot's account and these people in it; its base64-style id."""
        group_id = f"group{len(self.groups) + 1}=="
        self.groups[group_id] = tuple(m.uuid for m in members)
        return group_id

    def knows(self, recipient: str) -> bool:
        """True for a registered number or UUID."""
        return recipient in self.contacts

    # what people do

    def now(self) -> int:
        """A fresh millisecond timestamp, strictly increasing."""
        return next(self._clock)

    def write(
        self,
        sender: Contact,
        text: str | None,
        *,
        group: str | None = None,
        quote: int | None = None,
        mention_bot: bool = False,
        attachments: tuple[dict[str, Any], ...] = (),
    ) -> int:
        """``sender`` sends a message to the bot (or into a group); its timestamp."""
        stamp = self.now()
        data: dict[str, Any] = {
            "timestamp": stamp,
            "message": text,
            "expiresInSeconds": 0,
            "viewOnce": False,
            "attachments": list(attachments),
            "mentions": [],
        }
        if mention_bot:
            # Signal puts one object replacement character where a mention stands.
            data["message"] = "\ufffc " + (text or "")
            data["mentions"] = [
                {
                    "name": self.account,
                    "number": self.account,
                    "uuid": "bot-uuid",
                    "start": 0,
                    "length": 1,
                }
            ]
        if group is not None:
            data["groupInfo"] = {"groupId": group, "groupName": "Group", "type": "DELIVER"}
        if quote is not None:
            data["quote"] = {
                "id": quote,
                "author": self.account,
                "authorNumber": self.account,
                "authorUuid": "bot-uuid",
                "text": "",
                "attachments": [],
            }
        self.deliver({**sender.address, "timestamp": stamp, "dataMessage": data})
        return stamp

    def react(self, sender: Contact, emoji: str, target: int, remove: bool = False) -> int:
        """``sender`` reacts to the bot's message sent at ``target``."""
        stamp = self.now()
        reaction = {
            "emoji": emoji,
            "targetAuthor": self.account,
            "targetAuthorNumber": self.account,
            "targetAuthorUuid": "bot-uuid",
            "targetSentTimestamp": target,
            "isRemove": remove,
        }
        data = {"timestamp": stamp, "message": None, "reaction": reaction}
        self.deliver({**sender.address, "timestamp": stamp, "dataMessage": data})
        return stamp

    def type_(self, sender: Contact) -> None:
        """``sender`` starts typing."""
        stamp = self.now()
        typing = {"action": "STARTED", "timestamp": stamp}
        self.deliver({**sender.address, "timestamp": stamp, "typingMessage": typing})

    def deliver(self, envelope: dict[str, Any]) -> None:
        """An envelope arrives at the bot's account, as a ``receive`` event."""
        self.push(json.dumps({"envelope": envelope, "account": self.account}))

    def push(self, data: str) -> None:
        """Any event data at all, even malformed, as the stream carries it."""
        event = (next(self._event_ids), data)
        self.events.append(event)
        for queue in self._listeners:
            queue.put_nowait(event)

    # the event stream

    def listen(self, last_event_id: str | None) -> asyncio.Queue[tuple[int, str] | None]:
        """A new stream: events after ``last_event_id`` first (all kept if unknown), then live."""
        queue: asyncio.Queue[tuple[int, str] | None] = asyncio.Queue()
        kept = list(self.events)
        ids = [event_id for event_id, _ in kept]
        start = 0
        if last_event_id is not None and last_event_id.isdigit() and int(last_event_id) in ids:
            start = ids.index(int(last_event_id)) + 1
        for event in kept[start:]:
            queue.put_nowait(event)
        self._listeners.append(queue)
        self.streams_opened += 1
        return queue

    def unlisten(self, queue: asyncio.Queue[tuple[int, str] | None]) -> None:
        """A stream closed."""
        if queue in self._listeners:
            self._listeners.remove(queue)

    def drop_streams(self) -> None:
        """Cut every open event stream, as a restarted daemon or a broken network would."""
        for queue in self._listeners:
            queue.put_nowait(None)
        self._listeners.clear()

    @property
    def listening(self) -> int:
        """Event streams open right now."""
        return len(self._listeners)

    # what the bot did

    async def record(
        self, method: str, params: dict[str, Any], result: Any, error: dict[str, Any] | None
    ) -> RpcCall:
        """Keep one call and wake whoever waits for it."""
        call = RpcCall(next(self._call_ids), method, params, result, error)
        async with self.changed:
            self.calls.append(call)
            self.changed.notify_all()
        return call

    def sent_to(self, recipient: str, since: int = 0) -> list[RpcCall]:
        """Successful sends to one number, UUID or group after call ``since``."""
        return [
            c
            for c in self.calls
            if c.seq > since and c.method == "send" and c.ok and _addressed(c, recipient)
        ]

    async def wait_for(
        self, check: Callable[[RpcCall], bool], since: int, within: float
    ) -> RpcCall:
        """The first call after ``since`` that passes ``check``; TimeoutError after ``within`` s."""

        def found() -> RpcCall | None:
            return next((c for c in self.calls if c.seq > since and check(c)), None)

        async with asyncio.timeout(within), self.changed:
            while (call := found()) is None:
                await self.changed.wait()
            return call

    @property
    def last_seq(self) -> int:
        """The sequence number of the latest call (0 before any)."""
        return self.calls[-1].seq if self.calls else 0


def _addressed(call: RpcCall, recipient: str) -> bool:
    if call.params.get("groupId") == recipient:
        return True
    recipients = call.params.get("recipient")
    listed = recipients if isinstance(recipients, list) else [recipients]
    return recipient in listed
