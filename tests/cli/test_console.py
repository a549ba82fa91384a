"""The console chat in-process: a conversation typed line by line, replies read from a buffer."""

from __future__ import annotations

import io

from sqlalchemy import select

from bot.app import Mreza
from bot.console import HELP, NOT_KNOWN, ConsoleChat
from knowledge.tables import AskedRow

TRUST_TITLE = "Persons of trust in the defence system"
RETENTION_TITLE = "Keeping women in service and developing their careers"


async def chat(mreza: Mreza, *lines: str) -> str:
    """Type the lines, then end the input; return everything Mreža printed."""
    out = io.StringIO()
    typed = iter(f"{line}\n" for line in lines)
    await ConsoleChat(mreza.librarian, out, interactive=False).run(lambda: next(typed, ""))
    return out.getvalue()


async def test_clear_question_prints_title_answer_and_sources(mreza: Mreza) -> None:
    """'what is a person of trust' prints the entry's card."""
    reply = await chat(mreza, "what is a person of trust")
    assert reply.startswith(TRUST_TITLE + "\n\n")
    assert "A person of trust is a colleague" in reply
    assert "\nSources:\n• SEESAC" in reply
    assert "https://www.seesac.org/" in reply


async def test_answer_is_plain_text(mreza: Mreza) -> None:
    """No markup characters or HTML reach the console."""
    reply = await chat(mreza, "what is a person of trust")
    assert "**" not in reply
    assert "<b>" not in reply


async def test_clarify_then_a_number_shows_that_entry(mreza: Mreza) -> None:
    """An ambiguous question offers numbered choices; typing 1 shows the first."""
    reply = await chat(mreza, "glass ceiling women officers", "1")
    offer, card = reply.split("Type a number to choose.\n")
    assert offer.startswith("Which of these did you mean?\n")
    assert f"  1. {RETENTION_TITLE}" in offer
    assert card.startswith(RETENTION_TITLE + "\n\n")


async def test_a_number_out_of_range_is_explained(mreza: Mreza) -> None:
    """Typing 9 when two choices are offered asks for a number in range."""
    reply = await chat(mreza, "glass ceiling women officers", "9")
    assert reply.endswith("Please type a number from 1 to 2.\n")


async def test_topics_then_a_number_lists_that_topics_entries(mreza: Mreza) -> None:
    """/topics lists topics by tag; a number lists the entries on that topic."""
    reply = await chat(mreza, "/topics", "1")
    assert reply.startswith("Topics:\n  1. bosnia and herzegovina (2)\n")
    assert "Entries on bosnia and herzegovina:\n" in reply
    assert "  1. Gender focal points and gender contact points\n" in reply


async def test_topic_entry_can_be_opened(mreza: Mreza) -> None:
    """From a topic's list, a number opens the entry."""
    reply = await chat(mreza, "/topics", "1", "1")
    card = reply.split("Type a number to choose.\n")[-1]
    assert card.startswith("Gender focal points and gender contact points\n\n")
    assert "\nSources:\n" in card


async def test_help_lists_the_commands(mreza: Mreza) -> None:
    """/help explains how to use the chat."""
    reply = await chat(mreza, "/help")
    assert reply == HELP + "\n"
    assert "/topics" in reply


async def test_unknown_command_gets_a_clear_message(mreza: Mreza) -> None:
    """A command Mreža does not know is named back with a pointer to /help."""
    reply = await chat(mreza, "/weather tomorrow")
    assert reply == "I don't know the command /weather. Type /help for what I understand.\n"


async def test_out_of_scope_question_gets_the_honest_i_dont_know(mreza: Mreza) -> None:
    """A question nothing answers gets "I don't know", not a guess."""
    reply = await chat(mreza, "recept za sarmu")
    assert reply == NOT_KNOWN + "\n"


async def test_number_without_choices_is_a_question(mreza: Mreza) -> None:
    """'1325' with nothing offered is searched like any question."""
    reply = await chat(mreza, "1325")
    assert "1325" in reply
    assert not reply.startswith("Please type a number")


async def test_blank_lines_are_ignored_and_quit_leaves(mreza: Mreza) -> None:
    """Empty lines print nothing; /quit ends the chat before later lines."""
    reply = await chat(mreza, "", "   ", "/quit", "/help")
    assert reply == ""


async def test_questions_asked_in_the_chat_are_logged(mreza: Mreza) -> None:
    """The chat uses `ask`, so the curators see what was asked; commands are not logged."""
    await chat(mreza, "what is a person of trust", "/help", "/topics")
    async with mreza.sessions() as session:
        rows = list(await session.scalars(select(AskedRow)))
    assert [(r.text, r.channel) for r in rows] == [("what is a person of trust", "console")]
