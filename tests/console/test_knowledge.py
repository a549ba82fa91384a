"""The knowledge pages: the test pane, and the editor that writes the entry's file and serves it."""

from __future__ import annotations

import html
import re
from pathlib import Path

from core.members import Language, Role
from tests.console.conftest import Console

ENTRY = "persons-of-trust"
QUESTION = "Ко е лице од доверба?"


def _form(console: Console, entry_id: str) -> dict[str, str]:
    """The editor's fields as the page fills them, and its token."""
    page = console.client.get(f"/console/knowledge/{entry_id}").text
    values = dict(
        re.findall(r'<input type="(?:text|date)" id="[^"]+" name="([^"]+)" value="([^"]*)"', page)
    )
    values |= dict(re.findall(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)</textarea>', page))
    values = {k: html.unescape(v) for k, v in values.items()}
    values["csrf"] = console.csrf(f"/console/knowledge/{entry_id}")
    return values


def _countries(page: str) -> list[str]:
    return re.findall(r'name="countries" value="([^"]+)" checked', page)


def test_the_test_pane_shows_decision_scores_and_the_members_reply(console: Console) -> None:
    """A Macedonian question: the decision, the candidates and scores, the card in Macedonian."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    page = client.get("/console/knowledge/test", params={"question": QUESTION, "lang": "mk"}).text
    assert "data-decision>answer<" in page
    assert f"/console/knowledge/{ENTRY}" in page
    assert "Извори" in page  # "Sources", as a Macedonian member reads it


def test_the_test_pane_logs_nothing(console: Console) -> None:
    """Trying questions leaves the unanswered queue as it was."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    client.get("/console/knowledge/test", params={"question": "what is the weather on mars"})
    assert "<strong>0</strong>" in client.get("/console/").text


def test_saving_writes_the_file_and_members_get_it(console: Console, kb_copy: Path) -> None:
    """A new Macedonian answer lands in the YAML file and in the reply a member gets at once."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR, Language.MK))
    page = client.get(f"/console/knowledge/{ENTRY}").text
    form = _form(console, ENTRY)
    form["answer-mk"] = "Лицето од доверба е првиот контакт. Нов одговор за проверка."
    saved = client.post(f"/console/knowledge/{ENTRY}", data={**form, "countries": _countries(page)})
    assert saved.status_code == 200, saved.text[:500]
    assert "Нов одговор за проверка." in (kb_copy / f"{ENTRY}.yaml").read_text(encoding="utf-8")
    reply = client.get("/console/knowledge/test", params={"question": QUESTION, "lang": "mk"}).text
    assert "Нов одговор за проверка." in reply
    assert "entry-saved" in client.get("/console/audit").text


def test_an_invalid_entry_is_refused_with_its_problems(console: Console, kb_copy: Path) -> None:
    """Without a title the file stays as it was and the page says which field is wrong."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    before = (kb_copy / f"{ENTRY}.yaml").read_text(encoding="utf-8")
    form = _form(console, ENTRY) | {"title": ""}
    refused = client.post(f"/console/knowledge/{ENTRY}", data={**form, "countries": ["RS"]})
    assert refused.status_code == 422
    assert "title" in refused.text
    assert (kb_copy / f"{ENTRY}.yaml").read_text(encoding="utf-8") == before


def test_the_live_check_reports_as_kb_check_does(console: Console) -> None:
    """The editor's check, asked as the curator types, names the field and the reason."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    form = _form(console, ENTRY) | {"sources": "A source without an address"}
    report = client.post(f"/console/knowledge/{ENTRY}/check", data={**form, "countries": ["RS"]})
    assert "sources" in report.text
    fine = client.post(
        f"/console/knowledge/{ENTRY}/check", data={**_form(console, ENTRY), "countries": ["RS"]}
    )
    assert "passes every check" in fine.text


def test_a_question_another_entry_has_is_refused_as_kb_check_would(
    console: Console, kb_copy: Path
) -> None:
    """Two entries may not share a question: the live check names the other entry, and saving is
    refused, so the knowledge base keeps passing ``mreza kb check``."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    before = (kb_copy / f"{ENTRY}.yaml").read_text(encoding="utf-8")
    form = _form(console, ENTRY)
    form["questions-en"] += "\nWhat is the Gender Coach Programme?"
    report = client.post(f"/console/knowledge/{ENTRY}/check", data={**form, "countries": ["RS"]})
    assert "also in gender-coach-programme" in html.unescape(report.text)
    refused = client.post(f"/console/knowledge/{ENTRY}", data={**form, "countries": ["RS"]})
    assert refused.status_code == 422
    assert (kb_copy / f"{ENTRY}.yaml").read_text(encoding="utf-8") == before


def test_a_file_changed_on_disk_is_never_overwritten(console: Console, kb_copy: Path) -> None:
    """Someone edited the file by hand since Mreža loaded it: the save is refused."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    path = kb_copy / f"{ENTRY}.yaml"
    form = _form(console, ENTRY)
    changed = path.read_text(encoding="utf-8").replace("checked:", "# edited by hand\nchecked:")
    path.write_text(changed.replace("title: ", "title: Hand ", 1), encoding="utf-8")
    refused = client.post(f"/console/knowledge/{ENTRY}", data={**form, "countries": ["RS"]})
    assert refused.status_code == 422
    assert "changed on disk" in refused.text
    assert "Hand " in path.read_text(encoding="utf-8")


def test_saving_an_unchanged_entry_leaves_every_file_byte_for_byte(
    console: Console, kb_copy: Path
) -> None:
    """The editor's round trip keeps each file's order, quoting and comments: no noisy diffs."""
    client = console.sign_in(console.person("Ana", Role.COORDINATOR))
    before = {p.name: p.read_text(encoding="utf-8") for p in kb_copy.glob("*.yaml")}
    for entry in console.mreza.librarian.entries[:10]:
        page = client.get(f"/console/knowledge/{entry.id}").text
        form = _form(console, entry.id)
        saved = client.post(
            f"/console/knowledge/{entry.id}", data={**form, "countries": _countries(page)}
        )
        assert saved.status_code == 200, entry.id
    after = {p.name: p.read_text(encoding="utf-8") for p in kb_copy.glob("*.yaml")}
    assert after == before
