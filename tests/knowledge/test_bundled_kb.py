"""The bundled knowledge base: the 42 required lessons and 3 redirects, all valid."""

from __future__ import annotations

import pytest

from knowledge.card import TELEGRAM_TEXT_LIMIT, card_html, visible_length
from knowledge.loader import LoadReport

REDIRECT_IDS = ("elsewhere-logistics", "elsewhere-medical", "elsewhere-personnel")
REQUIRED_IDS = (
    "complaint-mechanisms-overview",
    "dcaf-gender-and-security-toolkit",
    "gender-advisers-in-defence",
    "gender-analysis-in-operations",
    "gender-coach-programme",
    "gender-disaggregated-hr-data",
    "gender-focal-points-and-contact-points",
    "gender-in-military-education-baseline-study",
    "gender-responsive-leadership",
    "gender-sensitive-language",
    "gender-trainers-network",
    "gender-training-of-trainers-course",
    "glossary-multilingual",
    "nap-bih",
    "nap-montenegro",
    "nap-north-macedonia",
    "nap-serbia",
    "national-gender-training-manuals",
    "nato-bi-sc-directive-40-1",
    "nato-committee-on-gender-perspectives",
    "ncgm-and-racviac-courses",
    "online-gender-awareness-course",
    "persons-of-trust",
    "recruitment-of-women",
    "regional-gem-meetings",
    "regional-handbook-gbd-sh-abuse",
    "retention-and-career-development",
    "seesac-project-evaluation-2023",
    "seesac-project-history",
    "sexual-harassment-definition-and-response",
    "study-position-of-women-2014",
    "study-position-of-women-2021",
    "teaching-gender-in-the-military-handbook",
    "uniforms-equipment-infrastructure-for-women",
    "women-in-af-statistics-by-country",
    "women-in-officer-and-nco-ranks",
    "women-in-peacekeeping-and-missions",
    "work-life-balance-and-parenthood",
    "wps-follow-up-resolutions",
    "wps-resolutions-and-ssr",
    "wps-unscr-1325-overview",
    "youth-perception-survey-2021",
)


def test_bundled_knowledge_base_has_no_problems(bundled: LoadReport) -> None:
    """Every curated file passes validation, in all four language forms."""
    assert bundled.problems == ()


def test_bundled_knowledge_base_has_42_lessons_and_3_redirects(bundled: LoadReport) -> None:
    """There are exactly 42 lessons and 3 entries that point elsewhere, one per file."""
    kinds = [e.kind for e in bundled.entries]
    assert (kinds.count("answer"), kinds.count("redirect")) == (42, 3)


@pytest.mark.parametrize("entry_id", REQUIRED_IDS)
def test_required_entry_is_present(bundled: LoadReport, entry_id: str) -> None:
    """Each required lesson learnt is in the knowledge base."""
    assert entry_id in {e.id for e in bundled.entries}


def test_no_entry_beyond_the_required_ones(bundled: LoadReport) -> None:
    """The lessons' ids are exactly the required ones, and the redirects are the three below."""
    assert sorted(e.id for e in bundled.entries if not e.redirects) == sorted(REQUIRED_IDS)
    assert sorted(e.id for e in bundled.entries if e.redirects) == sorted(REDIRECT_IDS)


def test_every_bundled_card_fits_one_telegram_message(bundled: LoadReport) -> None:
    """Title, answer and sources of every entry fit Telegram's 4,096 characters."""
    too_long = [e.id for e in bundled.entries if visible_length(card_html(e)) > TELEGRAM_TEXT_LIMIT]
    assert too_long == []


def test_every_bundled_entry_has_all_four_language_forms(bundled: LoadReport) -> None:
    """en, bcms, sr-cyrl and mk questions exist for every entry."""
    missing = [
        (e.id, lang)
        for e in bundled.entries
        for lang in ("en", "bcms", "sr-cyrl", "mk")
        if not any(q.lang == lang for q in e.questions)
    ]
    assert missing == []
