"""How log lines look: readable text by default, one JSON object per line for a log collector."""

from __future__ import annotations

import logging
from typing import Literal

from pythonjsonlogger.json import JsonFormatter

TEXT_FORMAT = "%(levelname)s %(name)s: %(message)s"


def formatter_for(kind: Literal["text", "json"], instance: str) -> logging.Formatter:
    """Text, or JSON lines with the time, level, logger, message and this instance's name.

    The name tells the logs of several instances apart once they are collected in one place.
    """
    if kind == "text":
        return logging.Formatter(TEXT_FORMAT)
    return JsonFormatter(
        "{asctime}{levelname}{name}{message}",
        style="{",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        static_fields={"instance": instance},
        json_ensure_ascii=False,  # names and messages in Cyrillic stay readable
    )


def use_log_format(kind: Literal["text", "json"], instance: str) -> None:
    """Format every record of the root logger's handlers as ``kind``."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        handler.setFormatter(formatter_for(kind, instance))
