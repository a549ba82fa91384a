"""The Telegram transport, a thin adapter over python-telegram-bot."""
