"""Files posted with a Bot API call, held in memory so the method handlers stay synchronous."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart request: its name, declared type and bytes."""

    filename: str
    content_type: str
    data: bytes

    def summary(self) -> dict[str, object]:
        """Return a JSON-friendly description (for the call log) without the bytes."""
        return {
            "upload": self.filename,
            "content_type": self.content_type,
            "size": len(self.data),
        }


def loggable(params: dict[str, Any]) -> dict[str, Any]:
    """Return params with uploads replaced by summaries, so the call log stays JSON."""
    return {
        name: value.summary() if isinstance(value, UploadedFile) else value
        for name, value in params.items()
    }
