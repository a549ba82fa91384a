"""Every body encoding a client may use reaches the methods: form, multipart with files, JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import telegram
from telegram import InputFile

from emulators.telegram import BotApiEmulator, UserInfo


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


def method_url(emu: BotApiEmulator, method: str) -> str:
    return f"{emu.base_url}{emu.token}/{method}"


async def test_ptb_upload_is_summarised_in_the_call_log(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """The log keeps an upload's name, type and size, never its bytes."""
    photo = InputFile(b"\x89PNG-fake-bytes", filename="slika.png")
    sent = await bot.send_photo(ana.id, photo=photo, caption="Slika")
    assert sent.caption == "Slika"
    record = await emu.wait_for(method="sendPhoto")
    assert record.params["photo"] == {
        "upload": "slika.png",
        "content_type": "image/png",
        "size": len(b"\x89PNG-fake-bytes"),
    }


async def test_attach_reference_names_another_part(
    emu: BotApiEmulator, http: httpx.AsyncClient, ana: UserInfo
) -> None:
    """ "attach://name" points at the file posted as part "name" of the same request."""
    response = await http.post(
        method_url(emu, "sendDocument"),
        data={"chat_id": str(ana.id), "document": "attach://report"},
        files={"report": ("izvještaj.txt", b"tekst", "text/plain")},
    )
    document = response.json()["result"]["document"]
    assert (document["file_name"], document["mime_type"]) == ("izvještaj.txt", "text/plain")
    assert document["file_size"] == len(b"tekst")
    (shown,) = await emu.shown_messages(ana.id)
    assert shown.kind == "document"


async def test_part_without_content_type_is_octet_stream(
    emu: BotApiEmulator, http: httpx.AsyncClient, ana: UserInfo
) -> None:
    """A file part that declares no type is stored as plain bytes."""
    body = (
        b"--b\r\n"
        b'Content-Disposition: form-data; name="chat_id"\r\n\r\n'
        + str(ana.id).encode()
        + b"\r\n--b\r\n"
        b'Content-Disposition: form-data; name="document"; filename="x.bin"\r\n\r\n'
        b"\x00\x01\r\n--b--\r\n"
    )
    headers = {"Content-Type": "multipart/form-data; boundary=b"}
    response = await http.post(method_url(emu, "sendDocument"), content=body, headers=headers)
    document = response.json()["result"]["document"]
    assert (document["mime_type"], document["file_size"]) == ("application/octet-stream", 2)


async def test_urlencoded_form_keeps_unicode(
    emu: BotApiEmulator, http: httpx.AsyncClient, ana: UserInfo
) -> None:
    """Percent-encoded UTF-8 in a urlencoded body arrives as the same text."""
    text = "Rodna ravnopravnost — čćžšđ"
    response = await http.post(
        method_url(emu, "sendMessage"), data={"chat_id": str(ana.id), "text": text}
    )
    assert response.json()["result"]["text"] == text


async def test_multipart_without_boundary_is_bad_request(
    emu: BotApiEmulator, http: httpx.AsyncClient
) -> None:
    """A body that cannot be parsed is refused as Bad Request and still recorded."""
    response = await http.post(
        method_url(emu, "sendMessage"),
        content=b"chat_id=1",
        headers={"Content-Type": "multipart/form-data"},
    )
    body = response.json()
    assert (response.status_code, body["ok"]) == (400, False)
    assert body["description"].startswith("Bad Request: can't parse request body")
    record = await emu.wait_for(method="sendMessage")
    assert record.status == 400


async def test_malformed_json_is_bad_request(emu: BotApiEmulator, http: httpx.AsyncClient) -> None:
    """A JSON body must be a JSON object."""
    url = method_url(emu, "sendMessage")
    broken = await http.post(url, content=b"{", headers={"Content-Type": "application/json"})
    assert broken.json()["description"] == "Bad Request: can't parse JSON encoded request"
    listed = await http.post(url, json=[1, 2])
    assert listed.json()["description"] == "Bad Request: JSON object expected as request body"
