"""SIGTERM and SIGINT stop the server cleanly (exit 0 within 15 s) and what it stored survives a restart."""

import signal

from factories import fake_sid, flow_form, random_auth_token, unique_name
from raw_http import FLEX_FLOWS, RawApi
from server_process import STOP_TIMEOUT_S, ServerProcess, clean_env


def test_sigterm_and_sigint_exit_0_and_data_survives_restart(switchboard_bin, tmp_path):
    sid, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token})
    database = str(tmp_path / "sb.sqlite")

    first = ServerProcess(switchboard_bin, tmp_path, database, env, name="sigterm").start()
    try:
        flow = RawApi(first.base_url, (sid, token)).create_flow(flow_form(unique_name("survivor")))
    finally:
        code = first.stop(signal.SIGTERM)
    assert code == 0, f"SIGTERM: exit {code} (None = still running after {STOP_TIMEOUT_S}s)\n{first.log_tail()}"

    second = ServerProcess(switchboard_bin, tmp_path, database, env, name="sigint").start()
    try:
        resp = RawApi(second.base_url, (sid, token)).get(f"{FLEX_FLOWS}/{flow['sid']}")
    finally:
        code = second.stop(signal.SIGINT)
    assert code == 0, f"SIGINT: exit {code} (None = still running after {STOP_TIMEOUT_S}s)\n{second.log_tail()}"
    assert resp.status_code == 200, resp.text
    restored = resp.json()
    assert {k: v for k, v in restored.items() if k != "url"} == {k: v for k, v in flow.items() if k != "url"}
