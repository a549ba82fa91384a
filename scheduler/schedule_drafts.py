"""What coordinators ask for, checked before anything is stored: announcements and events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from core.members import Language
from scheduler.audience import Audience
from scheduler.recurrence import Recurrence, RecurrenceError

TEXT_LIMIT = 3800  # leaves room in Telegram's 4,096 for the link and the translated heading
TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 3000
PLACE_LIMIT = 500
DEFAULT_REMINDERS = (timedelta(days=1), timedelta(hours=1))
PAST_TOLERANCE = timedelta(minutes=1)  # "now" typed a few seconds ago is still now


class ScheduleError(ValueError):
    """A request that cannot be scheduled; ``code`` names the problem for translated replies."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class When:
    """The first time (None: now) and an optional RRULE, in a time zone."""

    at: datetime | None = None  # aware
    rule: str | None = None
    zone: str = "Europe/Belgrade"

    def recurrence(self, now: datetime) -> Recurrence:
        """The schedule's recurrence, starting at ``at`` or now, in local wall time."""
        start = (self.at or now).astimezone(ZoneInfo(self.zone)).replace(tzinfo=None, microsecond=0)
        try:
            return Recurrence(start, self.zone, self.rule)
        except RecurrenceError as error:
            raise rule_error(error) from error

    def check(self, now: datetime) -> None:
        """Refuse a time in the past and an RRULE that never fires."""
        if self.at is not None and self.at < now - PAST_TOLERANCE:
            local = self.at.astimezone(ZoneInfo(self.zone)).isoformat(timespec="minutes")
            raise ScheduleError("past", f"{local} is in the past")
        first = self.recurrence(now)
        try:
            never = first.next_after((self.at or now) - PAST_TOLERANCE) is None
        except RecurrenceError as error:
            raise rule_error(error) from error
        if self.rule is not None and never:
            raise ScheduleError("rule", f"the rule {self.rule!r} never fires after the start")


def rule_error(error: RecurrenceError) -> ScheduleError:
    """A refused rule as a schedule's problem: too frequent, or otherwise unusable."""
    return ScheduleError("rule-often" if error.code == "often" else "rule", str(error))


@dataclass(frozen=True, slots=True)
class AnnouncementDraft:
    """An announcement: text, an optional link and image, an audience, and when."""

    text: str
    audience: Audience
    when: When = field(default_factory=When)
    link: str | None = None
    image: str | None = None  # an https URL of a picture
    language: Language = Language.EN  # the author's, the text's
    versions: Mapping[Language, str] = field(default_factory=dict)  # the text in other forms

    def check(self, now: datetime) -> None:
        """Every rule an announcement must follow, its versions' texts included."""
        check_forms(self.language, self.versions)
        for language, text in self.versions.items():
            in_version(language, replace(self, text=text, versions={})._check_text)
        self._check_text()
        for name, url in (("link", self.link), ("image", self.image)):
            if url is not None and not _web_url(url):
                raise ScheduleError("url", f"the {name} {url!r} is not an http(s) address")
        self.when.check(now)

    def version_fields(self) -> dict[Language, dict[str, object]]:
        """What each version replaces in the payload."""
        return {language: {"text": text} for language, text in self.versions.items()}

    def _check_text(self) -> None:
        if not self.text.strip():
            raise ScheduleError("empty", "the announcement has no text")
        if len(self.text) > TEXT_LIMIT:
            raise ScheduleError(
                "too-long", f"the text has {len(self.text)} characters; the limit is {TEXT_LIMIT}"
            )


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event: what, when it starts and ends, where, for whom, and when to remind."""

    title: str
    starts: datetime  # aware
    ends: datetime
    audience: Audience
    description: str = ""
    place: str = ""
    reminders: tuple[timedelta, ...] = DEFAULT_REMINDERS
    zone: str = "Europe/Belgrade"
    invite_at: datetime | None = None  # None: invite now
    language: Language = Language.EN  # the author's, the title's and description's
    versions: Mapping[Language, tuple[str, str]] = field(default_factory=dict)  # title, description

    def check(self, now: datetime) -> None:
        """Every rule an event must follow, its versions' titles and descriptions included."""
        check_forms(self.language, self.versions)
        for language, (title, description) in self.versions.items():
            version = replace(self, title=title, description=description, versions={})
            in_version(language, version._check_texts)
        self._check_texts()
        if self.starts < now:
            raise ScheduleError("past", f"the event starts in the past ({self.starts.isoformat()})")
        if self.ends <= self.starts:
            raise ScheduleError("order", "the event must end after it starts")
        if self.invite_at is not None and not now - PAST_TOLERANCE <= self.invite_at <= self.starts:
            raise ScheduleError("past", "the invitation must go out between now and the start")

    def version_fields(self) -> dict[Language, dict[str, object]]:
        """What each version replaces in the event."""
        # A version without a description leaves the author's in place.
        fields: dict[Language, dict[str, object]] = {}
        for language, (title, description) in self.versions.items():
            fields[language] = {"title": title.strip()}
            if description.strip():
                fields[language]["description"] = description.strip()
        return fields

    def _check_texts(self) -> None:
        if not self.title.strip():
            raise ScheduleError("empty", "the event has no title")
        limits = {"title": TITLE_LIMIT, "description": DESCRIPTION_LIMIT, "place": PLACE_LIMIT}
        for name, limit in limits.items():
            text = getattr(self, name)
            if len(text) > limit:
                raise ScheduleError(
                    "too-long", f"the {name} has {len(text)} characters; the limit is {limit}"
                )


def check_forms(author: Language, forms: Iterable[Language]) -> None:
    """Versions are for other language forms than the author's own text."""
    if author in forms:
        raise ScheduleError(
            "version-author", f"the {author.value} text is the author's own: it is no version"
        )


def in_version(language: Language, check: Callable[[], None]) -> None:
    """Run a check on one version; what it refuses names the version."""
    try:
        check()
    except ScheduleError as error:
        raise ScheduleError(error.code, f"the {language.value} version: {error}") from None


def parse_time(text: str, zone: str) -> datetime | None:
    """``now`` (None), or an ISO-8601 time; without an offset it is local time in ``zone``."""
    cleaned = text.strip()
    if cleaned.lower() == "now":
        return None
    try:
        moment = datetime.fromisoformat(
            cleaned.replace(" ", "T", 1) if "T" not in cleaned else cleaned
        )
    except ValueError:
        raise ScheduleError(
            "time", f"cannot read the time {text!r}; write it like 2026-12-01T10:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)


def _web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url
