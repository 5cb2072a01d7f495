"""The `switchboard` command line: settings from SWITCHBOARD_* variables, defaults, and `migrate`."""

import socket
import sqlite3
import subprocess

import pytest

from raw_http import RawApi
from server_process import ServerProcess, clean_env, free_port

ACCOUNT = "AC" + "e" * 32
TOKEN = "command-line-token"


class EnvConfiguredServer(ServerProcess):
    """A server whose every setting comes from the environment: `switchboard serve` and nothing else."""

    def command(self):
        """No flags at all."""
        return [str(self.binary), "serve"]


def port_is_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:`port`."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_every_serve_setting_can_come_from_the_environment(switchboard_bin, tmp_path):
    port = free_port()
    database = tmp_path / "from-env.sqlite"
    env = clean_env({
        "SWITCHBOARD_HOST": "127.0.0.1", "SWITCHBOARD_PORT": str(port), "SWITCHBOARD_DATABASE": str(database),
        "SWITCHBOARD_PUBLIC_URL": "https://switchboard.example.com", "SWITCHBOARD_LOG_LEVEL": "warning",
        "SWITCHBOARD_ACCOUNT_SID": ACCOUNT, "SWITCHBOARD_AUTH_TOKEN": TOKEN,
    })
    server = EnvConfiguredServer(switchboard_bin, tmp_path, str(database), env, name="env")
    server.port, server.base_url = port, f"http://127.0.0.1:{port}"
    server.start()
    try:
        api = RawApi(server.base_url, (ACCOUNT, TOKEN))
        created = api.post("/flex-api/v1/FlexFlows", {"FriendlyName": "env", "ChatServiceSid": "IS" + "1" * 32,
                                                      "ChannelType": "web", "Integration.FlowSid": "FW" + "1" * 32})
        assert created.status_code == 201, created.text
        assert created.json()["url"].startswith("https://switchboard.example.com/flex-api/v1/FlexFlows/FO")
        assert database.exists()
        # info-level request logs are silenced by SWITCHBOARD_LOG_LEVEL=warning
        assert '"level":"info"' not in server.stderr_path.read_text()
    finally:
        assert server.stop() == 0, server.log_tail()


def test_flags_take_precedence_over_the_environment(switchboard_bin, tmp_path):
    env = clean_env({"SWITCHBOARD_PORT": "1", "SWITCHBOARD_ACCOUNT_SID": ACCOUNT, "SWITCHBOARD_AUTH_TOKEN": TOKEN})
    server = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "flags.sqlite"), env, name="flags").start()
    try:
        assert RawApi(server.base_url, (ACCOUNT, TOKEN)).get("/health").status_code == 200
    finally:
        assert server.stop() == 0, server.log_tail()


def test_serve_without_arguments_uses_port_8080_and_switchboard_sqlite_in_the_working_directory(switchboard_bin, tmp_path):
    if not port_is_free(8080):
        pytest.skip("127.0.0.1:8080 is in use on this machine, so the no-argument default cannot be checked")
    server = EnvConfiguredServer(switchboard_bin, tmp_path, "", clean_env(), name="defaults")
    server.port, server.base_url = 8080, "http://127.0.0.1:8080"
    server.start()
    try:
        assert (tmp_path / "switchboard.sqlite").exists()
        assert "SWITCHBOARD_ACCOUNT_SID=AC" in server.stdout_text()
    finally:
        assert server.stop() == 0, server.log_tail()


def test_migrate_creates_the_schema_once_and_then_has_nothing_to_do(switchboard_bin, tmp_path):
    database = tmp_path / "migrated.sqlite"
    for _ in range(2):
        run = subprocess.run([str(switchboard_bin), "migrate", "--database", str(database)], env=clean_env(),
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
    with sqlite3.connect(database) as db:
        versions = [row[0] for row in db.execute("SELECT version FROM switchboard_migrations")]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    # Each version once, in order; versions may have gaps while branches that add them are merged one by one.
    assert versions == sorted(set(versions)) and versions[0] == 1 and len(versions) >= 2
    assert {"accounts", "api_keys", "flex_flows"} <= tables
    assert journal == "wal"


def test_a_database_url_that_cannot_be_reached_fails_with_a_message_not_a_crash(switchboard_bin, tmp_path):
    port = free_port()
    # A server that never comes up is given up on after the wait; one second keeps this test short.
    run = subprocess.run([str(switchboard_bin), "migrate", "--database", f"postgres://nobody@127.0.0.1:{port}/none"],
                         env=clean_env({"SWITCHBOARD_DATABASE_WAIT_SECONDS": "1"}), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode != 0
    assert "Fatal error" not in run.stderr and "Backtrace" not in run.stderr, run.stderr
    assert "could not open the database postgres://nobody@127.0.0.1" in run.stderr, run.stderr
    assert "Connection refused" in run.stderr, run.stderr


def test_serve_on_a_port_already_taken_exits_with_a_message(switchboard_bin, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([str(switchboard_bin), "serve", "--port", str(port), "--database", ":memory:"],
                             env=clean_env(), capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode != 0
    assert "Fatal error" not in run.stderr and "Backtrace" not in run.stderr, run.stderr
    assert "Address already in use" in run.stdout + run.stderr, (run.stdout, run.stderr)
