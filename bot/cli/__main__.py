"""``python -m bot.cli``: the same as the installed ``mreza`` command."""

from bot.cli import main

main()
