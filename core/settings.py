"""Runtime settings, read from the environment (prefix ``MREZA_``) by the composition root."""

from __future__ import annotations

import os
import secrets
import socket
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.durations import duration

BUNDLED_KB_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "data"


@cache
def process_name() -> str:
    """A name no other process shares: host, process id and a random part (a container's
    process often has id 1, and a restarted one the same again)."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class Settings(BaseSettings):
    """Everything an operator can configure; secrets are held as masked values."""

    model_config = SettingsConfigDict(env_prefix="MREZA_", env_file=".env", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./mreza.db"
    kb_path: Path = Field(default=BUNDLED_KB_PATH)
    timezone: str = "Europe/Belgrade"

    # Telegram
    telegram_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_bot_username: str | None = None  # for invite links; asked of Telegram when unset
    telegram_webhook_secret: SecretStr | None = None

    # Signal, through signal-cli's JSON-RPC daemon (signal-cli -a +NUMBER daemon --http HOST:PORT)
    signal_rpc_url: str = "http://127.0.0.1:8090"  # not 8080: mreza run serves /healthz there
    signal_account: str | None = None  # the bot's number, +381...
    # Signal publishes no limit and rate-limits accounts that send much: one message a second
    # in all is well below what is reported to trip it.
    signal_send_rate: float = Field(default=1.0, gt=0)
    signal_backoff: float = Field(default=5.0, gt=0)  # seconds after a first rate limit, doubling

    # Where coordinators open the web console (https://mreza.example.org); sign-in links the bot
    # sends start with it. Unset: the --listen address, which only this machine can reach.
    console_url: str | None = None

    # Signs button data and keys pseudonyms; set it to the same value on every instance. Either
    # the key itself or a file holding it (a container secret); never kept in the database.
    secret_key: SecretStr | None = None
    secret_key_file: Path | None = None

    # Scheduled delivery. Telegram allows about 30 messages a second (1,000 with paid broadcasts).
    send_rate: float = Field(default=30.0, gt=0)
    send_concurrency: int | None = Field(default=None, ge=1)  # None: enough for the rate
    # Seconds between looks at the schedules: announcements go out within about this.
    schedule_tick: float = Field(default=1.0, gt=0)
    # A firing found later than this is reported to its creator as missed, never sent late.
    misfire_grace: timedelta = timedelta(hours=1)
    # Names this instance's claims on deliveries; a restart under the same name takes its
    # unfinished ones back at once. Unset, each process gets a name of its own; a second live
    # process under a name already held refuses to start (scheduler/instances.py).
    instance_id: str = Field(default_factory=process_name)

    # Several instances on PostgreSQL: a dead scheduler leader is replaced within this many
    # seconds (an advisory lock; see scheduler/leadership.py).
    leader_timeout: float = Field(default=15.0, gt=0)
    # "json": one JSON object per log line, for a log collector; "text" reads better by eye.
    log_format: Literal["text", "json"] = "text"

    # What one sender may ask at once, then one message every sender_every seconds; past it
    # one "slow down", then silence (bot/conversation/budget.py).
    sender_burst: int = Field(default=5, ge=1)
    sender_every: float = Field(default=3.0, gt=0)

    # How much the log says; by default warnings and worse, and what ``mreza run`` is doing.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] | None = None

    # Pulse results show nothing about fewer people than this; 3 is the floor whatever is set.
    pulse_min_respondents: int = Field(default=5, ge=3)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """A zone from the tz database, so that a typo stops Mreža before anything is scheduled."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("unknown time zone; use a name like Europe/Belgrade") from None
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("misfire_grace", mode="before")
    @classmethod
    def _readable_grace(cls, value: object) -> object:
        """Accept 1h or 30m as people write them, besides seconds (3600) and ISO 8601 (PT1H)."""
        if not isinstance(value, str) or value.strip().upper().startswith("P"):
            return value
        try:
            return timedelta(seconds=float(value))
        except ValueError:
            return duration(value)


def settings_mistakes(error: ValidationError) -> str:
    """What is wrong with the settings, on one line, each naming its environment variable."""
    said = []
    for problem in error.errors():
        name = "MREZA_" + "_".join(str(part) for part in problem["loc"]).upper()
        message = str(problem["msg"]).removeprefix("Value error, ")
        given = problem.get("input")
        shown = f"={given!r}" if isinstance(given, str) and not _secret(name) else ""
        said.append(f"{name}{shown}: {message[:1].lower()}{message[1:]}")
    return "; ".join(said)


def _secret(name: str) -> bool:
    """Settings whose values never print, not even when they are wrong."""
    return any(word in name for word in ("SECRET", "TOKEN", "DATABASE_URL"))
