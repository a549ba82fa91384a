"""A real browser for the console's end-to-end tests: Playwright driving Debian's chromium.

Nothing is downloaded: Playwright starts the system's /usr/bin/chromium, and tests skip, saying
why, where it is absent.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("MREZA_TEST_CHROMIUM", "/usr/bin/chromium"))


def chromium_or_skip() -> Path:
    """The browser's path; the test skips when it or Playwright is missing."""
    if not CHROMIUM.is_file() and shutil.which(str(CHROMIUM)) is None:
        pytest.skip(
            f"no browser at {CHROMIUM}: apt-get install chromium (or set MREZA_TEST_CHROMIUM)"
        )
    pytest.importorskip("playwright.async_api", reason="pip install -e '.[dev]' brings Playwright")
    return CHROMIUM


@asynccontextmanager
async def browser_page(width: int = 1200, height: int = 900) -> AsyncIterator[object]:
    """A fresh page in a headless chromium, closed afterwards."""
    from playwright.async_api import async_playwright

    executable = chromium_or_skip()
    # Chromium refuses its sandbox to root (CI containers); elsewhere it keeps it.
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(executable), args=args)
        try:
            context = await browser.new_context(viewport={"width": width, "height": height})
            yield await context.new_page()
        finally:
            await browser.close()
