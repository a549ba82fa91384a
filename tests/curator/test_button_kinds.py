"""Every kind of button has its own letter: two handlers on one letter would swallow presses."""

from __future__ import annotations

from bot.conversation.wizard import KIND as DIALOG
from bot.curation import curating, drafting, suggesting
from bot.handoffs import handing_off, handoff_teaching
from bot.lessons import editing, reviewing
from bot.pulses import pulse_cards
from bot.pulses import reading_results as results
from bot.schedules import schedule_list as schedules


def test_button_kinds_are_distinct() -> None:
    """The curator's kinds differ from each other and from every other handler's."""
    kinds = [
        "e", "f", "p", "t", "l", "x", "r", DIALOG, schedules.KIND, results.KIND,
        pulse_cards.ANSWER_KIND, pulse_cards.COMMENT_KIND,
        handing_off.KIND, handoff_teaching.KIND, curating.KIND, reviewing.KIND, suggesting.KIND,
        drafting.KIND, editing.KIND,
    ]  # fmt: skip
    assert len(kinds) == len(set(kinds))
