"""getUpdates and the webhook methods."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from emulators.telegram.core import Core
from emulators.telegram.errors import bad_request, conflict
from emulators.telegram.methods.common import Handler, Params
from emulators.telegram.webhook import WebhookSettings

_SECRET = re.compile(r"[A-Za-z0-9_-]*")


async def get_updates(core: Core, params: Params) -> Any:
    """Long-poll for updates; refused while a webhook is set, as on Telegram."""
    if core.webhook.settings is not None:
        raise conflict(
            "can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first"
        )
    core.updates.set_allowed(params.get("allowed_updates"))
    limit = min(max(params.get("limit", 100), 1), 100)
    timeout = max(params.get("timeout", 0), 0)
    return await core.updates.get_updates(params.get("offset"), limit, timeout)


def _check_secret(secret: str | None) -> None:
    if secret is None:
        return
    if len(secret) > 256:
        raise bad_request("secret token is too long")
    if not _SECRET.fullmatch(secret):
        raise bad_request("secret token contains unallowed characters")


async def set_webhook(core: Core, params: Params) -> Any:
    """Start POSTing updates to `url` (plain http is allowed here, unlike on Telegram)."""
    url = params["url"]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad_request("invalid webhook URL specified")
    _check_secret(params.get("secret_token"))
    if params.get("drop_pending_updates"):
        core.updates.clear()
    core.updates.set_allowed(params.get("allowed_updates"))
    settings = WebhookSettings(
        url=url,
        secret_token=params.get("secret_token"),
        max_connections=params.get("max_connections", 40),
        ip_address=params.get("ip_address"),
    )
    core.webhook.configure(settings)
    return True


async def delete_webhook(core: Core, params: Params) -> Any:
    """Stop the webhook; pending updates become available to getUpdates."""
    if params.get("drop_pending_updates"):
        core.updates.clear()
    core.webhook.configure(None)
    return True


async def get_webhook_info(core: Core, params: Params) -> Any:
    """Describe the webhook and the pending updates."""
    return core.webhook.info()


HANDLERS: dict[str, Handler] = {
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
}
