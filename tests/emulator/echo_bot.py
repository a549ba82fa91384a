"""A minimal PTB polling bot run as a child process by test_process (so it can be SIGKILLed).

Usage: python echo_bot.py BASE_URL TOKEN
"""

from __future__ import annotations

import sys

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(f"echo: {update.message.text}")


def main() -> None:
    base_url, token = sys.argv[1], sys.argv[2]
    app = Application.builder().token(token).base_url(base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(poll_interval=0, timeout=5)


if __name__ == "__main__":
    main()
