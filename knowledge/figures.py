"""Figures in an answer: each one dated, and the same in every language form.

A figure is a percentage or a count of people. Whoever reads "18% of the armed forces" must be
able to tell when, of whom and according to whom; the year is the part a checker can see, so a
sentence with a figure and no year is reported. Translations must carry every number and every
link of the English they were made from: a decimal comma for a decimal point, or a full stop for
a thousands comma, is the same figure.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from core.markup import parse

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
PERCENT = re.compile(r"\d\s?%|\bper ?cent\b", re.IGNORECASE)
# A number, then at most two words, then a word for people: "350 trainers", "21 participants",
# "106 women", "2,538 young people", "15 officers".
PEOPLE = re.compile(
    r"(?<![\d.,])\d[\d,.]*\s+(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:women|men|people|persons|participants|members|officers|soldiers|trainers|cadets|"
    r"staff|employees|respondents|students|advisers|advisors|coaches|instructors|NCOs|"
    r"personnel|girls|boys|trainees|commanders|graduates|representatives|experts|"
    r"focal points|persons of trust)\b",
    re.IGNORECASE,
)
# Digits with their separators: 8.2 and 8,2 are one figure, as are 8,639 and 8.639 and 8 639.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:[ \u00a0\u202f]\d{3}(?![\d]))*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(*_\[A-Z\u0400-\u04ff])")


def undated_figures(answer: str) -> list[str]:
    """Each sentence or bullet of ``answer`` that states a figure but names no year."""
    return [unit for unit in _units(answer) if _has_figure(unit) and not YEAR.search(unit)]


def _has_figure(text: str) -> bool:
    return bool(PERCENT.search(text) or PEOPLE.search(text))


def _units(answer: str) -> Iterator[str]:
    """Bullets whole; other lines split into sentences."""
    for line in answer.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("- "):
            yield stripped[2:]
            continue
        yield from (s for s in SENTENCE_END.split(stripped) if s)


def numbers(text: str) -> set[str]:
    """The numbers in a text, separators dropped, so that 8.2, 8,2 and 8 639 compare alike."""
    return {re.sub(r"\D", "", found) for found in NUMBER.findall(_without_links(text))}


def links(answer: str) -> set[str]:
    """The web addresses an answer links to."""
    return {
        run.url for paragraph in parse(answer) for line in paragraph for run in line.runs if run.url
    }


def missing_figures(original: str, translation: str) -> list[str]:
    """Numbers of ``original`` that ``translation`` leaves out, in the order they appear."""
    have = numbers(translation)
    seen: list[str] = []
    for found in NUMBER.findall(_without_links(original)):
        digits = re.sub(r"\D", "", found)
        if digits not in have and found not in seen:
            seen.append(found)
    return seen


def missing_links(original: str, translation: str) -> list[str]:
    """Links of ``original`` that ``translation`` does not link to."""
    return sorted(links(original) - links(translation))


def fingerprint(title: str, answer: str) -> str:
    """Twelve hex digits naming an English text; rewrapping its lines does not change it."""
    text = " ".join(f"{title}\n{answer}".split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _without_links(text: str) -> str:
    """The text with link targets removed: numbers in a URL are not figures."""
    return re.sub(r"\]\([^)]*\)", "]", re.sub(r"https?://\S+", "", text))
