"""Topics: the knowledge base's tags, each with a display name in every language form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from knowledge.entry import LANGUAGE_FORMS, Entry
from knowledge.problems import Problem

TOPICS_FILE = "topics.yaml"


@dataclass(frozen=True, slots=True)
class Topics:
    """Display names of tags: ``names[tag][language form]``."""

    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def bundled(cls) -> Topics:
        """The topic names that ship with Mreža (what passes the checks of ``read_topics``)."""
        return read_topics(_bundled_text(), TOPICS_FILE)[0]

    def name(self, tag: str, lang: str) -> str:
        """The tag's name in ``lang``; else its English name; else the tag in words.

        A lesson a member shared brings tags of its own, which no curator has named yet.
        """
        named = self.names.get(tag, {})
        return named.get(lang) or named.get("en") or tag.replace("-", " ")


def read_topics(text: str, where: str) -> tuple[Topics, list[Problem]]:
    """The names in a topics file, and every problem with them (a name missing, not text)."""
    try:
        raw = YAML(typ="safe").load(text)
    except YAMLError as error:
        return Topics(), [Problem(where, "(file)", f"not valid YAML: {error}")]
    if not isinstance(raw, Mapping):
        return Topics(), [Problem(where, "(file)", "expected a mapping of tags to their names")]
    names: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for tag, given in raw.items():
        named, wrong = _names_of(str(tag), given, where)
        names[str(tag)] = named
        problems.extend(wrong)
    return Topics(names), problems


def untitled_tags(topics: Topics, entries: Iterable[Entry], where: str) -> list[Problem]:
    """A problem for every tag the entries use that the topics file does not name.

    Entries that point elsewhere are left out of the topic browser, so their tags need no names.
    """
    users: dict[str, list[str]] = {}
    for entry in entries:
        for tag in entry.tags if not entry.redirects else ():
            users.setdefault(tag, []).append(entry.id)
    return [
        Problem(
            where, tag, f"unknown tag (used by {', '.join(ids)}): name it in every language form"
        )
        for tag, ids in sorted(users.items())
        if tag not in topics.names
    ]


def topics_problems(entries: Iterable[Entry]) -> list[Problem]:
    """Every problem of the bundled topics file, checked against ``entries``."""
    topics, problems = read_topics(_bundled_text(), _bundled_path())
    return problems + untitled_tags(topics, entries, _bundled_path())


def _names_of(tag: str, given: Any, where: str) -> tuple[dict[str, str], list[Problem]]:
    if not isinstance(given, Mapping):
        return {}, [Problem(where, tag, f"expected a name in each of {', '.join(LANGUAGE_FORMS)}")]
    names = {
        str(lang): name.strip()
        for lang, name in given.items()
        if isinstance(name, str) and name.strip()
    }
    known = ", ".join(LANGUAGE_FORMS)
    problems = [
        Problem(where, f"{tag}.{lang}", f"unknown language form (known: {known})")
        for lang in given
        if lang not in LANGUAGE_FORMS
    ]
    problems += [
        Problem(where, f"{tag}.{lang}", "missing name")
        for lang in LANGUAGE_FORMS
        if lang not in names
    ]
    return {lang: name for lang, name in names.items() if lang in LANGUAGE_FORMS}, problems


def _bundled_text() -> str:
    return resources.files("knowledge").joinpath(TOPICS_FILE).read_text("utf-8")


def _bundled_path() -> str:
    return str(resources.files("knowledge").joinpath(TOPICS_FILE))
