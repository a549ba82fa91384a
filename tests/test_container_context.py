"""What `docker build` leaves out of the image: secrets, local databases, development state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ignored(path: str) -> bool:
    """Whether .dockerignore keeps ``path`` out of the build context, matched as Docker does
    (Go's filepath.Match per path segment, ``**`` for any number of segments, a pattern that
    matches a directory leaving out all it holds, the last matching line deciding)."""
    verdict = False
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        pattern = line.removeprefix("!").strip("/")
        if re.fullmatch(_regex(pattern) + "(/.*)?", path):
            verdict = not keep
    return verdict


def _regex(pattern: str) -> str:
    segments = pattern.split("/")
    out = ""
    for number, segment in enumerate(segments, start=1):
        last = number == len(segments)
        if segment == "**":
            out += ".*" if last else "(?:.*/)?"
            continue
        out += re.escape(segment).replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        out += "" if last else "/"
    return out


@pytest.mark.parametrize(
    "path",
    [".env", ".env.production", "deploy/.env", "deploy/secrets/token", "secret_key.txt",
     "tls/server.key", "tls/cert.pem", "mreza.db", "data/mreza.db-wal", ".git/config",
     ".venv/bin/python", "bot/__pycache__/app.cpython-311.pyc"],
)  # fmt: skip
def test_secrets_and_local_state_stay_out(path: str) -> None:
    """A token in .env, keys, a local database, .git and .venv never reach the image."""
    assert ignored(path)


@pytest.mark.parametrize(
    "path", ["pyproject.toml", "bot/app.py", "alembic/versions/0001_knowledge.py",
             "knowledge/data/person-of-trust.yaml", "deploy/Caddyfile"],
)  # fmt: skip
def test_what_the_image_runs_on_goes_in(path: str) -> None:
    """The code, its migrations and the knowledge base are copied."""
    assert not ignored(path)
