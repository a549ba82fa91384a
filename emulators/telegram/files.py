"""Uploaded and referenced files: file_ids, getFile paths and the bytes to download."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import Any

from emulators.telegram.errors import bad_request
from emulators.telegram.uploads import UploadedFile


@dataclass(frozen=True)
class StoredFile:
    """A file Telegram would keep: ids, name, type and (for uploads) the content."""

    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    data: bytes
    file_path: str
    source_url: str | None = None

    def to_api(self) -> dict[str, Any]:
        """Return the file as a Bot API File object (what getFile answers)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


class FileStore:
    """Files by file_id; resolves the photo/document parameter of send methods."""

    def __init__(self) -> None:
        self._files: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}

    def _add(self, kind: str, name: str, mime: str, data: bytes, url: str | None) -> StoredFile:
        number = len(self._files) + 1
        extension = mimetypes.guess_extension(mime) or ""
        stored = StoredFile(
            file_id=f"EMU-{kind}-{number:06d}",
            file_unique_id=f"U{kind[:1].upper()}{number:06d}",
            file_name=name,
            mime_type=mime,
            data=data,
            file_path=f"{kind}s/file_{number}{extension}",
            source_url=url,
        )
        self._files[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def resolve(self, value: object, params: dict[str, Any], kind: str) -> StoredFile:
        """Turn an upload, "attach://name", an http(s) URL or a known file_id into a file."""
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value[len("attach://") :])
        if isinstance(value, UploadedFile):
            return self._add(kind, value.filename, value.content_type, value.data, None)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            name = value.rsplit("/", 1)[-1] or "file"
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return self._add(kind, name, mime, b"", value)
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        raise bad_request("wrong file identifier/HTTP URL specified")

    def alias(self, file_id: str, stored: StoredFile) -> None:
        """Make another file_id (a photo's smaller size) refer to the same file."""
        self._files[file_id] = stored

    def get(self, file_id: str) -> StoredFile:
        """Return a known file or raise Telegram's error for getFile."""
        if file_id not in self._files:
            raise bad_request("invalid file_id")
        return self._files[file_id]

    def by_path(self, file_path: str) -> StoredFile | None:
        """Return the file served at `file_path` for downloads, if any."""
        return self._by_path.get(file_path)
