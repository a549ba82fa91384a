"""Members from a CSV file: the good rows, and each bad row with its line number and reason."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.cli import parsing
from core.members import Identity, NewMember

# An empty language cell leaves the language to be found from the member's first message; the
# column itself stays required, so that a misspelt header is caught rather than read as "empty".
REQUIRED = ("name", "country", "role", "language")
ACCOUNTS = ("telegram_id", "signal_number")  # at least one; a row may fill both
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
            return read_member_lines(file)
    except UnicodeDecodeError:
        raise CsvInvalid("the file is not UTF-8 text") from None


def read_member_lines(lines: Iterable[str]) -> CsvReport:
    """The same for a CSV already in memory (an upload); ``CsvInvalid`` for a bad header."""
    try:
        reader = csv.DictReader(lines)
        reader.fieldnames = _header(reader.fieldnames)
        return _sort((reader.line_num, record) for record in reader)
    except csv.Error as error:
        raise CsvInvalid(f"the file is not readable CSV ({error})") from None


def _header(names: Iterable[str] | None) -> list[str]:
    header = [n.strip().lower() for n in names or ()]
    missing = [n for n in REQUIRED if n not in header]
    if not any(n in header for n in ACCOUNTS):
        missing.insert(0, " or ".join(ACCOUNTS))
    unknown = [n for n in header if n not in REQUIRED + ACCOUNTS + OPTIONAL]
    if missing or unknown:
        raise CsvInvalid(
            f"the header must be telegram_id and/or signal_number, {','.join(REQUIRED)} "
            f"(and optionally {','.join(OPTIONAL)})"
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
        repeated = [(i, first_line[i]) for i in member.identities if i in first_line]
        if repeated:
            identity, first = repeated[0]
            bad.append(BadRow(line, f"{_account(identity)} repeats line {first}"))
            continue
        first_line.update(dict.fromkeys(member.identities, line))
        good.append(GoodRow(line, member))
    return CsvReport(tuple(good), tuple(bad))


def _account(identity: Identity) -> str:
    kind = "telegram id" if identity.transport == parsing.TELEGRAM else "signal number"
    return f"{kind} {identity.external_id}"


def _member(record: Mapping[str | None, object]) -> NewMember:
    if record.get(None):  # DictReader's place for fields beyond the header
        raise ValueError("the row has more fields than the header")
    # A short row: its last cells are not empty, they are not there at all (a cut line, a lost
    # comma), and taking the defaults for them would import a coordinator as a member.
    missing = [key for key in (*ACCOUNTS, *REQUIRED) if key in record and record[key] is None]
    if missing:
        raise ValueError(
            f"the row has fewer fields than the header (missing: {', '.join(missing)})"
        )

    def field(key: str) -> str:
        value = record.get(key)
        return value.strip() if isinstance(value, str) else ""

    country = parsing.country(field("country"))
    accounts = []
    if field("telegram_id"):
        accounts.append(parsing.telegram_identity(field("telegram_id")))
    if field("signal_number"):
        accounts.append(parsing.signal_identity(field("signal_number"), country))
    if not accounts:
        raise ValueError("the row has neither a telegram_id nor a signal_number")
    return NewMember(
        identity=accounts[0],
        more=tuple(accounts[1:]),
        name=parsing.name(field("name")),
        country=country,
        role=parsing.role(field("role") or "member"),
        language=parsing.language(field("language")) if field("language") else None,
        institution=field("institution"),
    )
