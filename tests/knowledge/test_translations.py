"""Every entry in four language forms: complete, current, in the right script, true to English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.figures import fingerprint, missing_figures, undated_figures
from knowledge.loader import coverage, load_knowledge_base
from knowledge.translating import mark_translated

from .yaml_entries import TODAY, entry, only_problem, problems_of, write


def with_answer(answer: str, **forms: str) -> dict[str, Any]:
    """An entry whose English answer is ``answer`` and whose translations say ``forms``."""
    data = entry()
    data["answer"] = answer
    stamp = fingerprint(data["title"], answer)
    for lang, text in forms.items():
        data["translations"][lang]["answer"] = text
    for given in data["translations"].values():
        given["from"] = stamp
    return data


def test_a_complete_entry_has_no_problems(tmp_path: Path) -> None:
    """Four forms, current and faithful: nothing to report."""
    write(tmp_path, entry())
    assert problems_of(tmp_path) == []


def test_a_missing_form_is_reported_but_the_entry_is_served(tmp_path: Path) -> None:
    """Without Macedonian the check fails, yet the entry loads for members."""
    data = entry()
    del data["translations"]["mk"]
    write(tmp_path, data)
    problem = only_problem(tmp_path)
    assert (problem.field, problem.blocking) == ("translations.mk", False)
    assert "missing" in problem.reason
    assert load_knowledge_base(tmp_path, TODAY).ok


def edited_after_translation() -> dict[str, Any]:
    """An entry translated from its English, whose English answer then changed."""
    data = entry()
    original = fingerprint(data["title"], data["answer"])
    for given in data["translations"].values():
        given["from"] = original
    data["answer"] += " Updated."
    return data


def test_changing_the_english_marks_every_translation_stale(tmp_path: Path) -> None:
    """An edited English answer makes the three translations stale until reviewed."""
    data = edited_after_translation()
    write(tmp_path, data)
    stale = problems_of(tmp_path)
    assert [p.field for p in stale] == [
        "translations.bcms",
        "translations.sr-cyrl",
        "translations.mk",
    ]
    assert all("stale" in p.reason for p in stale)


def test_marking_a_reviewed_translation_clears_it(tmp_path: Path) -> None:
    """`kb translated` records the English as it now stands, for the forms named."""
    data = edited_after_translation()
    write(tmp_path, data)
    mark_translated(tmp_path, "uniforms", ["bcms", "sr-cyrl"])
    assert [p.field for p in problems_of(tmp_path)] == ["translations.mk"]


def test_a_translation_missing_a_figure_is_reported(tmp_path: Path) -> None:
    """A year the English gives and the translation drops is named."""
    english = "Women were 10.59% of PMP in 2023 [BDM](https://balkandefencemonitor.com/)."
    bcms = (
        "Žene su činile 10,59% profesionalnih pripadnika [BDM](https://balkandefencemonitor.com/)."
    )
    write(tmp_path, with_answer(english, bcms=bcms))
    found = [p for p in problems_of(tmp_path) if p.field == "translations.bcms.answer"]
    assert len(found) == 1
    assert found[0].reason == "figures of the English missing: 2023"


def test_a_decimal_comma_and_a_thousands_point_are_the_same_figure() -> None:
    """8.2 is 8,2 and 8,639 is 8.639 (or 8 639) in the local forms."""
    assert missing_figures("8,639 staff, 8.2%", "8.639 pripadnika, 8,2%") == []
    assert missing_figures("8,639 staff", "8 639 вработени") == []
    assert missing_figures("8,639 staff", "639 staff") == ["8,639"]


def test_a_translation_missing_a_link_is_reported(tmp_path: Path) -> None:
    """A link of the English must be in every form."""
    bcms = "Kratak odgovor bez linka."
    write(tmp_path, with_answer(entry()["answer"], bcms=bcms))
    found = only_problem(tmp_path)
    assert found.field == "translations.bcms.answer"
    assert "links of the English missing: https://www.seesac.org/" in found.reason


def test_serbian_in_latin_script_is_refused(tmp_path: Path) -> None:
    """The Serbian form is Cyrillic; a Latin text is a blocking problem."""
    data = entry()
    data["translations"]["sr-cyrl"]["title"] = "O uniformama"
    data["translations"]["sr-cyrl"]["answer"] = (
        "Kratak odgovor, vidi [SEESAC](https://www.seesac.org/)."
    )
    write(tmp_path, data)
    problem = only_problem(tmp_path)
    assert (problem.field, problem.blocking) == ("translations.sr-cyrl", True)
    assert "not in Cyrillic" in problem.reason


def test_macedonian_letters_in_serbian_are_refused(tmp_path: Path) -> None:
    """ќ belongs to Macedonian: a Serbian text with it is a mistake of form."""
    data = entry()
    data["translations"]["sr-cyrl"]["title"] = "Ќе видиме"
    write(tmp_path, data)
    assert "Macedonian letters" in only_problem(tmp_path).reason


def test_a_figure_without_a_year_is_reported() -> None:
    """A percentage or a count of people needs the year in the same sentence or bullet."""
    answer = (
        "SEESAC trained 350 trainers at first. In 2023 women were 8.2% of PMP.\n\n"
        "- 106 women, 4.2% of all staff\n"
        "- 21 participants came to Borkovac in March 2020"
    )
    assert undated_figures(answer) == [
        "SEESAC trained 350 trainers at first.",
        "106 women, 4.2% of all staff",
    ]


def test_an_undated_figure_fails_the_check(tmp_path: Path) -> None:
    """The validator reports it against the answer, without blocking the entry."""
    write(
        tmp_path,
        with_answer(
            "About 20% of them.",
            bcms="Oko 20% njih.",
            **{"sr-cyrl": "Око 20% њих.", "mk": "Околу 20% од нив."},
        ),
    )
    problem = only_problem(tmp_path)
    assert (problem.field, problem.blocking) == ("answer", False)
    assert "a figure without a year" in problem.reason


def test_coverage_counts_current_translations_per_form(tmp_path: Path) -> None:
    """One complete entry and one stale Macedonian: mk is half covered."""
    write(tmp_path, entry())
    other = entry("boots", "cizme", "чизме")
    other["translations"]["mk"]["from"] = "000000000000"
    write(tmp_path, other)
    report = load_knowledge_base(tmp_path, TODAY)
    assert coverage(report.entries) == {
        "en": (2, 2),
        "bcms": (2, 2),
        "sr-cyrl": (2, 2),
        "mk": (1, 2),
    }
