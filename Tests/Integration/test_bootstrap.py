"""Without configured credentials, a new database gets an account whose SID and token are printed once."""

import re
import signal

from twilio.rest import Client

from raw_http import RawApi, accounts_path
from server_process import ServerProcess, clean_env
from switchboard_client import SwitchboardHttpClient

SID_LINE = re.compile(r"^SWITCHBOARD_ACCOUNT_SID=(AC[0-9a-f]{32})$", re.MULTILINE)
TOKEN_LINE = re.compile(r"^SWITCHBOARD_AUTH_TOKEN=(\S+)$", re.MULTILINE)


def start_unconfigured(binary, workdir, database: str, name: str) -> ServerProcess:
    """Start a server with no SWITCHBOARD_* variables at all (so no bootstrap credentials)."""
    return ServerProcess(binary, workdir, database, clean_env(), name=name).start()


def test_first_start_prints_credentials_once_and_they_keep_authenticating(switchboard_bin, tmp_path):
    database = str(tmp_path / "fresh.sqlite")
    first = start_unconfigured(switchboard_bin, tmp_path, database, "bootstrap-first")
    try:
        out = first.stdout_text()
        sids, tokens = SID_LINE.findall(out), TOKEN_LINE.findall(out)
        assert (len(sids), len(tokens)) == (1, 1), f"want one SID and one token line on stdout\n{first.log_tail()}"
        sid, token = sids[0], tokens[0]
        client = Client(sid, token, http_client=SwitchboardHttpClient(first.base_url, timeout=30))
        assert client.api.v2010.accounts(sid).fetch().sid == sid
    finally:
        assert first.stop(signal.SIGTERM) == 0, first.log_tail()

    second = start_unconfigured(switchboard_bin, tmp_path, database, "bootstrap-second")
    try:
        out = second.stdout_text()
        assert not TOKEN_LINE.search(out), f"second start printed a token again:\n{out}"
        resp = RawApi(second.base_url, (sid, token)).get(accounts_path(sid))
        assert resp.status_code == 200 and resp.json()["sid"] == sid, resp.text
    finally:
        assert second.stop(signal.SIGTERM) == 0, second.log_tail()
