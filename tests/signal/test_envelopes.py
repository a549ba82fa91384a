"""Envelopes as signal-cli documents them, read into Mreža's values."""

from __future__ import annotations

import pytest

from bot.transports.signal_cli.envelopes import Author, Malformed, Reacted, Written, read

ACCOUNT = "+33999999999"
# signal-cli-jsonrpc(5), "Basic usage": an incoming message
DOCUMENTED = (
    '{"envelope":{"source":"+33123456789","sourceNumber":"+33123456789","sourceUuid":"uuid",'
    '"sourceName":"name","sourceDevice":1,"timestamp":1631458508784,"dataMessage":{'
    '"timestamp":1631458508784,"message":"foobar","expiresInSeconds":0,"viewOnce":false,'
    '"mentions":[],"attachments":[],"contacts":[]}}}'
)
# the same page: what one's own other device sent, as a sync message
SYNC = (
    '{"envelope":{"source":"+33123456789","sourceNumber":"+33123456789","sourceUuid":"uuid",'
    '"sourceName":"name","sourceDevice":2,"timestamp":1693064367769,"syncMessage":{'
    '"sentMessage":{"destination":"+33123456789","timestamp":1693064367769,"message":"j"}}},'
    '"account":"+33123456789"}'
)


def test_the_documented_message_is_read() -> None:
    """Author, timestamp and text of signal-cli's own example."""
    assert read(DOCUMENTED, ACCOUNT) == Written(
        Author("+33123456789", "uuid", "name"), 1631458508784, "foobar"
    )


def test_a_sync_message_is_ignored() -> None:
    """What the account sent from another device concerns nobody here."""
    assert read(SYNC, ACCOUNT) is None


def test_a_reaction_is_read() -> None:
    """Emoji, target and whether it was taken back."""
    data = (
        '{"envelope":{"sourceUuid":"u1","timestamp":5,"dataMessage":{"timestamp":5,'
        '"reaction":{"emoji":"👍","targetAuthorNumber":"+33999999999",'
        '"targetSentTimestamp":42,"isRemove":false}}}}'
    )
    assert read(data, ACCOUNT) == Reacted(Author(None, "u1", ""), "👍", 42)


def test_a_mention_of_the_bot_in_a_group_is_read_and_taken_out() -> None:
    """The placeholder goes; the message is marked as meant for Mreža."""
    data = (
        '{"envelope":{"sourceNumber":"+1","timestamp":5,"dataMessage":{"timestamp":5,'
        '"message":"\\ufffc what is 1325?","groupInfo":{"groupId":"g=","type":"DELIVER"},'
        '"mentions":[{"number":"+33999999999","start":0,"length":1}]}}}'
    )
    written = read(data, ACCOUNT)
    assert isinstance(written, Written)
    assert (written.text, written.group, written.mentions_bot) == ("what is 1325?", "g=", True)


@pytest.mark.parametrize(
    "data",
    ["[]", '{"envelope": 3}', '{"envelope": {"dataMessage": {"timestamp": 1}}}',
     '{"envelope": {"sourceNumber": "+1", "dataMessage": {"message": "x"}}}',
     '{"envelope": {"sourceNumber": "+1", "dataMessage": {"timestamp": 1, "groupInfo": {}}}}'],
)  # fmt: skip
def test_what_signal_cli_would_never_send_is_malformed(data: str) -> None:
    """Not an envelope, no sender, no timestamp, a group without id."""
    with pytest.raises(Malformed):
        read(data, ACCOUNT)
