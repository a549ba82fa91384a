"""Reply markup rules the spec alone does not express (button actions, data size, URLs)."""

from __future__ import annotations

from typing import Any

from emulators.telegram.errors import bad_request
from emulators.telegram.spec import ApiSpec

# "Exactly one of the fields other than text, icon_custom_emoji_id, and style must be used."
_NOT_ACTIONS = frozenset({"text", "icon_custom_emoji_id", "style"})
_URL_SCHEMES = ("http://", "https://", "tg://")
_MAX_BUTTONS = 100


def _actions(spec: ApiSpec) -> tuple[str, ...]:
    button = spec.type("InlineKeyboardButton")
    fields = button.fields if button is not None else {}
    return tuple(name for name in fields if name not in _NOT_ACTIONS)


def _check_inline_button(button: dict[str, Any], actions: tuple[str, ...]) -> None:
    # Telegram treats an empty url or callback_data as absent.
    used = [name for name in actions if button.get(name) not in (None, "")]
    if not used:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(used) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be "
            f"used, found {', '.join(used)}"
        )
    data = button.get("callback_data")
    if isinstance(data, str) and len(data.encode("utf-8")) > 64:
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if isinstance(url, str) and (not url.startswith(_URL_SCHEMES) or " " in url):
        raise bad_request("BUTTON_URL_INVALID")


def check_reply_markup(spec: ApiSpec, markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """Apply Telegram's keyboard rules to an already type-checked reply_markup."""
    if markup is None:
        return None
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    actions = _actions(spec)
    buttons = [button for row in rows for button in row]
    if len(buttons) > _MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    for button in buttons:
        _check_inline_button(button, actions)
    return markup
