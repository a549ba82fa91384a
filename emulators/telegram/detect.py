"""Entities Telegram finds by itself in what users type: commands, mentions, hashtags, links."""

from __future__ import annotations

import re
from typing import Any

from emulators.telegram.entities import utf16_len

# Simplified versions of tdlib's matchers; \w is Telegram's "word character" too.
_PATTERNS = (
    (
        "bot_command",
        re.compile(r"(?<![\w/<>])/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\w/<>])"),
    ),
    ("mention", re.compile(r"(?<!\w)@[a-zA-Z0-9_]{2,32}(?!\w)")),
    ("hashtag", re.compile(r"(?<!\w)#\w*[^\W\d_]\w*")),
    ("url", re.compile(r"(?<![\w@])https?://[^\s<>\"]+", re.IGNORECASE)),
)


def detect_entities(text: str) -> list[dict[str, Any]]:
    """Return the automatic entities of a user's text, ordered by offset."""
    found: list[dict[str, Any]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            offset = utf16_len(text[: match.start()])
            found.append({"type": kind, "offset": offset, "length": utf16_len(match.group())})
    found.sort(key=lambda entity: entity["offset"])
    kept: list[dict[str, Any]] = []
    for entity in found:
        # a mention inside "/cmd@bot" or a url is part of that entity, not a second one
        if kept and entity["offset"] < kept[-1]["offset"] + kept[-1]["length"]:
            continue
        kept.append(entity)
    return kept
