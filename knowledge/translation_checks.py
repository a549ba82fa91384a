"""The rules an entry's translations follow: complete, in the right script, true to the English.

Missing, stale or unfaithful translations do not stop Mreža from serving an entry (a member then
reads the English, with a note), so they are reported as problems that fail ``mreza kb check``
without blocking a start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from core import markup
from knowledge.entry import TRANSLATED_FORMS, Translation
from knowledge.figures import fingerprint, missing_figures, missing_links, undated_figures

FIELDS = ("title", "answer", "from")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zčćšžđČĆŠŽĐ]")
_MACEDONIAN_ONLY = set("ѓќѕЃЌЅ")
_SERBIAN_ONLY = set("ђћЂЋ")
# Share of letters that must be Cyrillic in a Cyrillic form: names of bodies (NATO, SEESAC, DCAF)
# and source titles stay in Latin.
_CYRILLIC_SHARE = 0.6

Add = Callable[[str, str, bool], None]


def check_translations(add: Add, raw: Mapping[str, Any], title: str, answer: str) -> None:
    """Report every problem of ``raw["translations"]`` against the English title and answer."""
    for problem in undated_figures(answer):
        add("answer", f"a figure without a year: {_short(problem)!r}", False)
    translations = raw.get("translations") or {}
    if not isinstance(translations, Mapping):
        add("translations", f"must map a language form ({', '.join(TRANSLATED_FORMS)})", True)
        return
    for lang in translations:
        if lang not in TRANSLATED_FORMS:
            add(
                f"translations.{lang}", f"unknown form (known: {', '.join(TRANSLATED_FORMS)})", True
            )
    english = fingerprint(title, answer)
    for lang in TRANSLATED_FORMS:
        field = f"translations.{lang}"
        given = translations.get(lang)
        if given is None:
            add(field, "missing: translate the title and answer", False)
        elif _well_formed(add, field, given):
            _check_one(add, field, lang, given, answer, english)


def read_translations(raw: Mapping[str, Any]) -> tuple[Translation, ...]:
    """The translations of an entry that passed its checks, in the order of the forms."""
    translations = raw.get("translations") or {}
    return tuple(
        Translation(
            lang, str(given["title"]).strip(), str(given["answer"]).strip(), str(given["from"])
        )
        for lang in TRANSLATED_FORMS
        if (given := translations.get(lang)) is not None
    )


def _well_formed(add: Add, field: str, given: object) -> bool:
    if not isinstance(given, Mapping) or set(given) != set(FIELDS):
        add(field, "must have exactly a title, an answer and from (the English fingerprint)", True)
        return False
    for name in FIELDS:
        if not isinstance(given[name], str) or not given[name].strip():
            add(f"{field}.{name}", "must be non-empty text", True)
            return False
    for reason in markup.problems(given["answer"]):
        add(f"{field}.answer", f"invalid markup: {reason}", True)
        return False
    return True


def _check_one(
    add: Add, field: str, lang: str, given: Mapping[str, str], answer: str, english: str
) -> None:
    text = f"{given['title']}\n{given['answer']}"
    script = _script_problem(lang, text)
    if script:
        add(field, script, True)
    figures = missing_figures(answer, given["answer"])
    if figures:
        add(f"{field}.answer", f"figures of the English missing: {', '.join(figures)}", False)
    lost = missing_links(answer, given["answer"])
    if lost:
        add(f"{field}.answer", f"links of the English missing: {', '.join(lost)}", False)
    if given["from"] != english:
        add(
            field,
            f"stale: made from English {given['from']}, which is now {english}; review it, then "
            f"`mreza kb translated ID {lang}`",
            False,
        )


def _script_problem(lang: str, text: str) -> str | None:
    letters = [c for c in text if _CYRILLIC.match(c) or _LATIN.match(c)]
    cyrillic = sum(1 for c in letters if _CYRILLIC.match(c))
    share = cyrillic / len(letters) if letters else 0.0
    if lang == "bcms" and cyrillic:
        return "BCMS is written in Latin script here; found Cyrillic letters"
    if lang in ("sr-cyrl", "mk") and share < _CYRILLIC_SHARE:
        return f"mostly not in Cyrillic ({share:.0%} of the letters)"
    if lang == "sr-cyrl" and _MACEDONIAN_ONLY & set(text):
        return "has Macedonian letters (ѓ ќ ѕ) in Serbian"
    if lang == "mk" and _SERBIAN_ONLY & set(text):
        return "has Serbian letters (ђ ћ) in Macedonian"
    return None


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
