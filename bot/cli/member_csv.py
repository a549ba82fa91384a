"""Members from a CSV file: the good rows, and each bad row with its line number and reason."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.cli import parsing
from core.members import Identity, NewMember

REQUIRED = ("telegram_id", "name", "country", "role", "language")
OPTIONAL = ("institution",)


class CsvInvalid(ValueError):
    """The file as a whole cannot be read; no row is worth trying."""


@dataclass(frozen=True, slots=True)
class GoodRow:
    """A row that names a new member."""

    line: int
    member: NewMember


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that cannot be imported, and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class CsvReport:
    """Every row of the file, sorted into good and bad."""

    good: tuple[GoodRow, ...]
    bad: tuple[BadRow, ...]


def read_members(path: Path) -> CsvReport:
    """Read and check every row; ``CsvInvalid`` when the header or the encoding is wrong."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as file:
            reader = csv.DictReader(file)
            reader.fieldnames = _header(reader.fieldnames)
            return _sort((reader.line_num, record) for record in reader)
    except UnicodeDecodeError:
        raise CsvInvalid("the file is not UTF-8 text") from None
    except csv.Error as error:
        raise CsvInvalid(f"the file is not readable CSV ({error})") from None


def _header(names: Iterable[str] | None) -> list[str]:
    header = [n.strip().lower() for n in names or ()]
    missing = [n for n in REQUIRED if n not in header]
    unknown = [n for n in header if n not in REQUIRED + OPTIONAL]
    if missing or unknown:
        raise CsvInvalid(
            f"the header must be {','.join(REQUIRED)} (and optionally {','.join(OPTIONAL)})"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
    return header


def _sort(records: Iterable[tuple[int, Mapping[str | None, object]]]) -> CsvReport:
    good: list[GoodRow] = []
    bad: list[BadRow] = []
    first_line: dict[Identity, int] = {}
    for line, record in records:
        try:
            member = _member(record)
        except ValueError as error:
            bad.append(BadRow(line, str(error)))
            continue
        first = first_line.setdefault(member.identity, line)
        if first == line:
            good.append(GoodRow(line, member))
        else:
            bad.append(
                BadRow(line, f"telegram id {member.identity.external_id} repeats line {first}")
            )
    return CsvReport(tuple(good), tuple(bad))


def _member(record: Mapping[str | None, object]) -> NewMember:
    if record.get(None):  # DictReader's place for fields beyond the header
        raise ValueError("the row has more fields than the header")

    def field(key: str) -> str:
        value = record.get(key)
        return value.strip() if isinstance(value, str) else ""

    return NewMember(
        identity=parsing.telegram_identity(field("telegram_id")),
        name=parsing.name(field("name")),
        country=parsing.country(field("country")),
        role=parsing.role(field("role") or "member"),
        language=parsing.language(field("language") or "en"),
        institution=field("institution"),
    )
