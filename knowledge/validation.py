"""The rules a knowledge-base file must follow, turned into an ``Entry`` or a list of problems."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from core import markup
from knowledge.card import TELEGRAM_TEXT_LIMIT, card_html, visible_length
from knowledge.entry import ANSWER, COUNTRIES, KINDS, QUESTION_LANGUAGES, Entry, Question, Source
from knowledge.problems import Problem
from knowledge.translation_checks import check_translations, read_translations

REQUIRED = ("id", "title", "answer", "questions", "tags", "countries", "sources", "checked")
OPTIONAL = ("translations", "kind")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DIACRITICS = set("čćšžđČĆŠŽĐ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MIN_QUESTIONS = {"en": 3, "bcms": 2, "sr-cyrl": 1, "mk": 1}
_MIN_LOCAL = 3


class _Report:
    """Collects the problems of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, field: str, reason: str, blocking: bool = True) -> None:
        self.problems.append(Problem(self.file, field, reason, blocking))

    @property
    def blocked(self) -> bool:
        return any(p.blocking for p in self.problems)


def check_entry(
    file: str, stem: str, raw: object, today: date
) -> tuple[Entry | None, list[Problem]]:
    """Validate one parsed YAML document; ``stem`` is the file name without ``.yaml``."""
    report = _Report(file)
    if not isinstance(raw, Mapping):
        report.add("(file)", "expected a mapping of fields at the top level")
        return None, report.problems
    for name in REQUIRED:
        if raw.get(name) in (None, "", [], {}):
            report.add(name, "missing field")
    for name in raw:
        if name not in REQUIRED + OPTIONAL:
            report.add(str(name), f"unknown field (known: {', '.join(REQUIRED + OPTIONAL)})")
    if report.problems:
        return None, report.problems
    checks: tuple[Callable[[_Report, Mapping[str, Any]], None], ...] = (
        lambda r, d: _check_id(r, d, stem),
        _check_text_fields,
        _check_questions,
        _check_tags,
        _check_countries,
        _check_sources,
        lambda r, d: _check_checked(r, d, today),
        _check_kind,
    )
    for check in checks:
        check(report, raw)
    if report.problems:
        return None, report.problems
    check_translations(report.add, raw, raw["title"].strip(), raw["answer"].strip())
    if report.blocked:
        return None, report.problems
    entry = _entry(raw)
    _check_length(report, entry)
    return (None if report.blocked else entry), report.problems


def _check_id(report: _Report, raw: Mapping[str, Any], stem: str) -> None:
    value = str(raw["id"])
    if not SLUG.match(value):
        report.add("id", f"{value!r} is not a slug (lowercase letters, digits and hyphens)")
    elif value != stem:
        report.add("id", f"{value!r} does not match the file name {stem!r}")


def _check_text_fields(report: _Report, raw: Mapping[str, Any]) -> None:
    for name in ("title", "answer"):
        if not isinstance(raw[name], str):
            report.add(name, "must be text")
    if isinstance(raw["answer"], str):
        for reason in markup.problems(raw["answer"]):
            report.add("answer", f"invalid markup: {reason}")


def _check_questions(report: _Report, raw: Mapping[str, Any]) -> None:
    questions = raw["questions"]
    if not isinstance(questions, Mapping):
        report.add("questions", "must map a language (en, bcms, sr-cyrl, mk, sq) to a list")
        return
    for lang, items in questions.items():
        if lang not in QUESTION_LANGUAGES:
            report.add(
                f"questions.{lang}", f"unknown language (known: {', '.join(QUESTION_LANGUAGES)})"
            )
        elif not isinstance(items, list) or not all(
            isinstance(q, str) and q.strip() for q in items
        ):
            report.add(f"questions.{lang}", "must be a list of non-empty texts")
    if report.problems:
        return
    _check_question_counts(report, questions)
    _check_scripts(report, questions)


def _check_question_counts(report: _Report, questions: Mapping[str, list[str]]) -> None:
    for lang, minimum in _MIN_QUESTIONS.items():
        found = len(questions.get(lang, []))
        if found < minimum:
            report.add(f"questions.{lang}", f"at least {minimum} needed, found {found}")
    local = sum(len(questions.get(lang, [])) for lang in ("bcms", "sr-cyrl", "mk", "sq"))
    if local < _MIN_LOCAL:
        report.add("questions", f"at least {_MIN_LOCAL} in local languages needed, found {local}")
    bcms = questions.get("bcms", [])
    if bcms and not any(_DIACRITICS & set(q) for q in bcms):
        report.add("questions.bcms", "none is written with diacritics (č ć š ž đ)")
    if bcms and all(_DIACRITICS & set(q) for q in bcms):
        report.add("questions.bcms", "none is written without diacritics, as people type on phones")


def _check_scripts(report: _Report, questions: Mapping[str, list[str]]) -> None:
    for lang in ("sr-cyrl", "mk"):
        for text in questions.get(lang, []):
            if not _CYRILLIC.search(text):
                report.add(f"questions.{lang}", f"{text!r} is not written in Cyrillic")
    for lang in ("en", "bcms", "sq"):
        for text in questions.get(lang, []):
            if _CYRILLIC.search(text):
                report.add(f"questions.{lang}", f"{text!r} is written in Cyrillic")


def _check_kind(report: _Report, raw: Mapping[str, Any]) -> None:
    kind = raw.get("kind", ANSWER)
    if kind not in KINDS:
        report.add("kind", f"unknown kind {kind!r} (known: {', '.join(KINDS)})")


def _check_tags(report: _Report, raw: Mapping[str, Any]) -> None:
    tags = raw["tags"]
    if not isinstance(tags, list):
        report.add("tags", "must be a list")
        return
    for tag in tags:
        if not isinstance(tag, str) or not SLUG.match(tag):
            report.add("tags", f"{tag!r} is not a slug (lowercase letters, digits and hyphens)")


def _check_countries(report: _Report, raw: Mapping[str, Any]) -> None:
    countries = raw["countries"]
    if not isinstance(countries, list):
        report.add("countries", "must be a list")
        return
    for country in countries:
        if country not in COUNTRIES:
            report.add("countries", f"unknown country {country!r} (known: {', '.join(COUNTRIES)})")


def _check_sources(report: _Report, raw: Mapping[str, Any]) -> None:
    sources = raw["sources"]
    if not isinstance(sources, list):
        report.add("sources", "must be a list of {title, url}")
        return
    for number, source in enumerate(sources, start=1):
        field = f"sources[{number}]"
        if not isinstance(source, Mapping) or set(source) != {"title", "url"}:
            report.add(field, "must have exactly a title and a url")
        elif not isinstance(source["title"], str) or not source["title"].strip():
            report.add(field, "title is empty")
        elif not isinstance(source["url"], str) or not markup.is_web_url(source["url"]):
            report.add(field, f"bad URL {source['url']!r} (an absolute http(s) URL is needed)")


def _check_checked(report: _Report, raw: Mapping[str, Any], today: date) -> None:
    value = raw["checked"]
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            report.add("checked", f"{value!r} is not a date (YYYY-MM-DD)")
            return
    if isinstance(value, datetime) or not isinstance(value, date):
        report.add("checked", "must be a date without a time (YYYY-MM-DD)")
    elif value > today:
        report.add("checked", f"{value.isoformat()} is in the future")


def _check_length(report: _Report, entry: Entry) -> None:
    forms = [
        ("answer", None),
        *((f"translations.{t.lang}.answer", t.lang) for t in entry.translations),
    ]
    for field, lang in forms:
        length = visible_length(card_html(entry, lang=lang))
        if length > TELEGRAM_TEXT_LIMIT:
            report.add(
                field,
                f"too long for one Telegram message: {length} characters with title and "
                f"sources, the limit is {TELEGRAM_TEXT_LIMIT}",
            )


def _entry(raw: Mapping[str, Any]) -> Entry:
    checked = raw["checked"]
    return Entry(
        id=str(raw["id"]),
        title=raw["title"].strip(),
        answer=raw["answer"].strip(),
        questions=tuple(
            Question(text.strip(), lang)
            for lang, items in raw["questions"].items()
            for text in items
        ),
        tags=tuple(raw["tags"]),
        countries=tuple(raw["countries"]),
        sources=tuple(Source(s["title"].strip(), s["url"]) for s in raw["sources"]),
        checked=checked if isinstance(checked, date) else date.fromisoformat(checked),
        translations=read_translations(raw),
        kind=str(raw.get("kind", ANSWER)),
    )
