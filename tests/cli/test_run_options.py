"""`mreza run` refuses bad transport options before anything starts."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.commands import build


@pytest.mark.parametrize(
    ("args", "environment", "error"),
    [
        (("--transport", "whatsapp"), {}, "--transport must be telegram, signal or"),
        (("--transport", "signal,signal"), {}, "--transport must be telegram, signal or"),
        (("--transport", "signal"), {}, "set MREZA_SIGNAL_ACCOUNT"),
    ],
)
def test_bad_transport_options_are_usage_errors(
    database_url: str, args: tuple[str, ...], environment: dict[str, str], error: str
) -> None:
    """Exit 2 with the reason, before anything starts."""
    env = {"MREZA_DATABASE_URL": database_url, "MREZA_SIGNAL_ACCOUNT": "", **environment}
    result = CliRunner().invoke(build(), ["run", *args], env=env)
    assert result.exit_code == 2
    assert error in result.stderr
