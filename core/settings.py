"""Runtime settings, read from the environment (prefix ``MREZA_``) by the composition root."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_KB_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "data"


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

    # Signs button data and keys pseudonyms; set it to the same value on every instance.
    secret_key: SecretStr | None = None
