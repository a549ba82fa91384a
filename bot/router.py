"""The one router every transport hands its events to: membership, roles, commands and buttons.

Roles are checked here, in the core, whatever the transport.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.asking import answering as asking
from bot.asking import browsing, topic_browser
from bot.console.console_command import console_link
from bot.conversation import asides, guiding
from bot.conversation.budget import Verdict
from bot.conversation.buttons import Press
from bot.conversation.services import Services
from bot.conversation.turn import Turn
from bot.curation import curating, drafting, suggesting
from bot.handoffs import handing_off, handoff_teaching
from bot.languages import texts
from bot.lessons import editing, reviewing, sharing
from bot.members import account, first_contact, joining
from bot.members import inviting as coordinating
from bot.pulses import pulse_dialog, pulsing
from bot.pulses import reading_results as results
from bot.pulses.pulse_cards import ANSWER_KIND, COMMENT_KIND
from bot.schedules import announcing, rsvp
from bot.schedules import event_planning as scheduling
from bot.schedules import schedule_list as schedules
from core.events import ButtonPressed, Event, MemberLeft, PollAnswered, PollCounted, TextReceived
from core.members import Identity, Member, Role, Status
from core.transient import retried
from knowledge.normalise import visible

log = logging.getLogger(__name__)

Command = Callable[[Turn, str], Awaitable[None]]
# A press handler returns False when the press has expired, True when handled, or a text from
# bot/languages/texts.py to show as the acknowledgement.
PressHandler = Callable[[Turn, str], Awaitable[bool | str]]


@dataclass(frozen=True, slots=True)
class _Command:
    run: Command
    role: Role = Role.MEMBER
    private_only: bool = False


async def _ask_command(turn: Turn, question: str) -> None:
    if question.strip():
        await asking.ask(turn, question.strip())
    else:
        await turn.say(texts.ASK_WHAT)


async def _show(turn: Turn, payload: str) -> bool:
    entry_id, _, picked_for = payload.partition(".")  # a clarify choice names its question
    if turn.services.librarian.entry(entry_id) is None:
        return False
    log_id = await asking.record_pick(turn, entry_id, picked_for)
    await asking.show_entry(turn, entry_id, log_id)
    return True


COMMANDS: dict[str, _Command] = {
    "help": _Command(browsing.help_),
    "topics": _Command(topic_browser.topics),
    "lang": _Command(browsing.choose_language, private_only=True),
    "whoami": _Command(account.whoami, private_only=True),
    "forget": _Command(account.forget, private_only=True),
    "ask": _Command(_ask_command),
    "unanswered": _Command(curating.unanswered, Role.COORDINATOR, private_only=True),
    "share": _Command(sharing.share, private_only=True),
    "submissions": _Command(reviewing.submissions, Role.COORDINATOR, private_only=True),
    "suggestions": _Command(suggesting.suggestions, Role.COORDINATOR, private_only=True),
    "invite": _Command(coordinating.invite, Role.COORDINATOR, private_only=True),
    "announce": _Command(announcing.announce, Role.COORDINATOR, private_only=True),
    "event": _Command(scheduling.plan_event, Role.COORDINATOR, private_only=True),
    "schedules": _Command(schedules.schedules, Role.COORDINATOR, private_only=True),
    "results": _Command(results.results, Role.COORDINATOR, private_only=True),
    "pulse": _Command(pulse_dialog.pulse, Role.COORDINATOR, private_only=True),
    "console": _Command(console_link, Role.COORDINATOR, private_only=True),
    "cancel": _Command(guiding.stop),
}
PRESSES: dict[str, PressHandler] = {
    "e": _show,
    "f": asking.record_feedback,
    asking.REPHRASE: asking.rephrase,
    "p": handing_off.pass_on,
    handing_off.KIND: handing_off.claim,
    handoff_teaching.KIND: handoff_teaching.teach,
    curating.KIND: curating.decide,
    reviewing.KIND: reviewing.review,
    editing.KIND: editing.press,
    drafting.KIND: drafting.start,
    suggesting.KIND: suggesting.choose,
    topic_browser.KIND: topic_browser.press,
    "l": browsing.set_language,
    "x": account.confirm_forget,
    "d": guiding.press,
    asides.KIND: guiding.aside,
    "r": rsvp.answer,
    "s": schedules.press,
    ANSWER_KIND: pulsing.press,
    COMMENT_KIND: pulsing.comment,
    results.KIND: results.press,
}


class Conversation:
    """Turns events into replies."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._notices: set[asyncio.Task[None]] = set()  # "slow down" notices on their way

    @property
    def services(self) -> Services:
        """The services behind the conversation (for jobs that write outside a turn)."""
        return self._services

    async def handle(self, event: Event, admitted: bool = False) -> None:
        """Respond to one event; a failure is logged, counted and never reaches the transport.

        ``admitted``: the transport checked the sender's budget when the event arrived; if
        not, it is checked here. A transient database error (a lock, a lost connection) is
        waited out and the event handled again from the start: a reply twice beats none.
        """
        kind, transport = type(event).__name__, event.chat.transport
        if not admitted and not self.admits(event):
            return
        try:
            await retried(lambda: self._route(event), self._services.timer, f"{kind} event")
        except Exception:
            log.exception("could not handle %s from %s", kind, transport)
            self._services.metrics.update_handled(transport, "failed")

    def admits(self, event: Event) -> bool:
        """Whether the sender's budget has room for this event, checked as it arrives.

        Past the budget a member is asked to slow down, once a minute, on the side: nothing
        that arrives waits for that notice.
        """
        if not isinstance(event, TextReceived | ButtonPressed):
            return True
        verdict = self._services.budget.admit(event.sender.transport, event.sender.id)
        if verdict is Verdict.ADMIT:
            return True
        self._services.metrics.update_handled(event.chat.transport, "throttled")
        if verdict is Verdict.WARN and (isinstance(event, ButtonPressed) or event.addressed):
            notice = asyncio.create_task(self._slow_down(event))
            self._notices.add(notice)
            notice.add_done_callback(self._notices.discard)
        return False

    async def notices_sent(self) -> None:
        """Wait for the "slow down" notices on their way (before shutting down, say)."""
        while self._notices:
            await asyncio.gather(*self._notices)

    async def _slow_down(self, event: TextReceived | ButtonPressed) -> None:
        """Ask a member (never a stranger) to slow down, in their language."""
        try:
            member = await self._member(event.sender.transport, event.sender.id)
            if member is not None and member.active:
                await Turn(self._services, event.chat, event.sender, member).say(texts.SLOW_DOWN)
        except Exception:  # the notice is a courtesy; its failure changes nothing
            log.exception("could not ask a sender on %s to slow down", event.chat.transport)

    async def _route(self, event: Event) -> None:
        if isinstance(event, TextReceived):
            await self._text(event)
        elif isinstance(event, ButtonPressed):
            await self._press(event)
        elif isinstance(event, PollAnswered):
            await self._poll_answer(event)
        elif isinstance(event, PollCounted):
            await pulsing.poll_counted(self._services, event)
        else:
            await self._left(event)

    async def _member(self, transport: str, external_id: str) -> Member | None:
        return await self._services.members.by_identity(Identity(transport, external_id))

    async def _text(self, event: TextReceived) -> None:
        if not event.chat.private:
            await self._services.group_chats.seen(event.chat)
        if not event.addressed:
            return
        member = await self._member(event.sender.transport, event.sender.id)
        if member is not None and member.status is Status.BLOCKED:  # writing again lifts it
            member = await self._services.members.set_status(member.id, Status.ACTIVE)
        name, args = _split_command(event.text, self._services.bot_username)
        first = False
        if member is not None and member.active and event.chat.private:
            question = None if name else event.text
            member, first = await first_contact.recognise(
                self._services, member, event.sender, question
            )
        turn = Turn(self._services, event.chat, event.sender, member)
        if first:
            await first_contact.greet(turn)
            if name == "start":
                return
        if name == "start":
            await joining.start(turn, args.strip())
            return
        if member is None or not member.active:
            await joining.refuse(turn)
            return
        if name is None:
            if await guiding.continue_dialog(turn, event.text):
                return
            if visible(event.text).strip():  # spaces and invisible characters alone ask nothing
                await asking.ask(turn, event.text.strip())
        else:
            await self._command(turn, name, args)

    async def _command(self, turn: Turn, name: str, args: str) -> None:
        command = COMMANDS.get(name)
        if command is None:
            await turn.say(texts.UNKNOWN_COMMAND, command="/" + name)
        elif not turn.allowed(command.role):
            await turn.say(texts.NOT_ALLOWED)
        elif command.private_only and not turn.chat.private:
            await turn.say(texts.GROUP_ONLY_PRIVATE, command="/" + name)
        else:
            await guiding.before_command(turn, name)
            await command.run(turn, args)

    async def _press(self, event: ButtonPressed) -> None:
        member = await self._member(event.sender.transport, event.sender.id)
        turn = Turn(self._services, event.chat, event.sender, member, event.message_id)
        press = self._services.signer.verify(event.chat, event.data)
        handler = PRESSES.get(press.kind) if press else None
        handled: bool | str = False
        if press is not None and handler is not None and member is not None and member.active:
            handled = await handler(turn, press.payload)
        notice = _notice(handled, press)
        await self._services.messenger.acknowledge(event, turn.tr(notice) if notice else None)

    async def _poll_answer(self, event: PollAnswered) -> None:
        member = await self._member(event.sender.transport, event.sender.id)
        if member is None or not member.active:
            return  # polls go to members only; a stranger's vote is no answer
        await pulsing.poll_answered(Turn(self._services, event.chat, event.sender, member), event)

    async def _left(self, event: MemberLeft) -> None:
        if not event.chat.private:  # Mreža was removed from the group: nothing about the person
            await self._services.group_chats.left(event.chat)
            return
        member = await self._member(event.sender.transport, event.sender.id)
        if member is not None and member.status is Status.ACTIVE:
            await self._services.members.set_status(member.id, Status.BLOCKED)


def _notice(handled: bool | str, press: Press | None) -> str | None:
    """What a press's acknowledgement says: expired, the handler's own words, or thanks."""
    if not handled:
        return texts.BUTTON_EXPIRED
    if isinstance(handled, str):
        return handled
    return texts.THANKS_FEEDBACK if press and press.kind == "f" else None


def _split_command(text: str, username: str | None) -> tuple[str | None, str]:
    """("help", "") for "/help", ("ask", "q") for "/ask@MrezaBot q"; (None, text) for a question."""
    stripped = text.strip()
    if not stripped.startswith("/") or len(stripped) == 1:
        return None, text
    word, _, args = stripped[1:].partition(" ")
    name, _, addressee = word.partition("@")
    if addressee and username and addressee.lower() != username.lower():
        return None, text
    return name.lower(), args
