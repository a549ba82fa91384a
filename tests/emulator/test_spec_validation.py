"""The emulator refuses calls the way Telegram does, driven by the official spec."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

import emulators.telegram
from emulators.telegram import BotApiEmulator, UserInfo
from emulators.telegram.spec import DEFAULT_SPEC_PATH

from .conftest import RawApi


async def test_unknown_method_is_not_found(api: RawApi) -> None:
    """A method that is not in the spec answers 404 "Not Found"."""
    status, body = await api("sendTelepathy", chat_id=1)
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})


async def test_method_names_ignore_case(api: RawApi) -> None:
    """Telegram looks methods up case-insensitively."""
    status, body = await api("GETME")
    assert status == 200
    assert body["result"]["is_bot"] is True


async def test_wrong_token_is_unauthorized(emu: BotApiEmulator) -> None:
    """Any other token gets 401 Unauthorized."""
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{emu.base_url}1:WRONG/getMe")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_missing_chat_id(api: RawApi) -> None:
    """A missing required chat_id gets Telegram's "chat_id is empty"."""
    assert await api.error("sendMessage", text="hi") == "Bad Request: chat_id is empty"


async def test_missing_generic_parameter(api: RawApi, ana: UserInfo) -> None:
    """Other required parameters name themselves."""
    description = await api.error("sendChatAction", chat_id=ana.id)
    assert description == 'Bad Request: parameter "action" is required'


async def test_integer_parameter_rejects_words(api: RawApi, ana: UserInfo) -> None:
    """An Integer parameter given as text is a Bad Request."""
    description = await api.error("deleteMessage", chat_id=ana.id, message_id="first")
    assert description == 'Bad Request: parameter "message_id" must be of type Integer'


async def test_boolean_parameter_rejects_words(api: RawApi, ana: UserInfo) -> None:
    """A Boolean parameter accepts true/false only."""
    description = await api.error(
        "sendMessage", chat_id=ana.id, text="hi", disable_notification="maybe"
    )
    assert description == 'Bad Request: parameter "disable_notification" must be of type Boolean'


async def test_object_parameter_rejects_non_objects(api: RawApi, ana: UserInfo) -> None:
    """reply_markup must be a JSON object."""
    description = await api.error("sendMessage", chat_id=ana.id, text="hi", reply_markup=[1, 2])
    assert description == "Bad Request: object expected as reply markup"


async def test_object_parameter_rejects_bad_json(api: RawApi, ana: UserInfo) -> None:
    """Unparseable JSON in reply_markup gets Telegram's wording."""
    description = await api.error("sendMessage", chat_id=ana.id, text="hi", reply_markup="{oops")
    assert description == "Bad Request: can't parse reply keyboard markup JSON object"


async def test_nested_field_types_are_checked(api: RawApi, ana: UserInfo) -> None:
    """Fields inside objects are checked against the spec too."""
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": {"not": "a string"}}]]}
    description = await api.error("sendMessage", chat_id=ana.id, text="hi", reply_markup=markup)
    assert description == (
        'Bad Request: can\'t parse reply markup: Field "callback_data" must be of type String'
    )


async def test_array_parameter_rejects_scalars(api: RawApi) -> None:
    """An Array parameter needs a JSON array."""
    description = await api.error("getUpdates", allowed_updates=5)
    assert description == "Bad Request: expected an Array of String as allowed updates"


async def test_json_body_is_accepted(emu: BotApiEmulator, ana: UserInfo) -> None:
    """application/json bodies with native values work like forms."""
    async with httpx.AsyncClient() as http:
        url = f"{emu.base_url}{emu.token}/sendMessage"
        response = await http.post(url, json={"chat_id": ana.id, "text": "from JSON"})
    assert response.json()["result"]["text"] == "from JSON"


async def test_get_with_query_string_is_accepted(emu: BotApiEmulator, ana: UserInfo) -> None:
    """GET /bot<token>/sendMessage?chat_id=...&text=... works, as on Telegram."""
    async with httpx.AsyncClient() as http:
        url = f"{emu.base_url}{emu.token}/sendMessage"
        response = await http.get(url, params={"chat_id": ana.id, "text": "by GET"})
    assert response.json()["result"]["text"] == "by GET"


async def test_unimplemented_spec_method_says_so(api: RawApi, ana: UserInfo) -> None:
    """A real method the emulator does not emulate fails loudly instead of pretending."""
    status, body = await api("sendDice", chat_id=ana.id)
    assert status == 501
    assert "does not implement sendDice" in body["description"]


async def test_every_call_is_recorded(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """Successful and failed calls both land in the call log with status and response."""
    await api("sendMessage", chat_id=ana.id, text="one")
    await api("sendMessage", chat_id=ana.id)
    first, second = await emu.calls(method="sendMessage")
    assert (first.status, first.params["chat_id"], first.chat_id) == (200, ana.id, ana.id)
    assert second.status == 400
    assert second.response["description"] == "Bad Request: message text is empty"
    assert second.time >= first.time


def test_default_spec_is_vendored_in_the_package() -> None:
    """The spec ships inside emulators.telegram, with its licence, not in a shared folder."""
    package = Path(emulators.telegram.__file__).resolve().parent
    assert package / "telegram-bot-api" / "api.min.json" == DEFAULT_SPEC_PATH
    assert (package / "telegram-bot-api" / "LICENSE").is_file()
    assert json.loads(DEFAULT_SPEC_PATH.read_text(encoding="utf-8"))["methods"]["sendMessage"]


async def test_spec_path_is_overridable(tmp_path: Path) -> None:
    """The spec file decides which methods exist: without sendMessage it is Not Found."""
    spec = json.loads(DEFAULT_SPEC_PATH.read_text(encoding="utf-8"))
    spec["methods"] = {"getMe": spec["methods"]["getMe"]}
    path = tmp_path / "api.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    async with BotApiEmulator(spec_path=path) as emulator:
        api = RawApi(emulator)
        assert (await api("getMe"))[0] == 200
        assert (await api("sendMessage", chat_id=1, text="x"))[0] == 404
        await api.http.aclose()
