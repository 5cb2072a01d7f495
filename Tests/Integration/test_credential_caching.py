"""Credentials are cached per process, and every change to them takes effect at the very next request.

In one process, the unit of work that suspends or closes an account, changes its token, or deletes a key drops the
cached copy after its commit. On PostgreSQL the change also goes out with the commit by NOTIFY, and every `serve`
process LISTENs: a change made through one process is refused by the other at the next request, even right after
that other process has answered from its cache. When a process loses its LISTEN connection, it reads credentials
from the database until it listens again.

Each check first warms the cache of the process it asks afterwards, with requests that succeed.
"""

import glob
import shutil
import signal
import subprocess
import threading
import time
from urllib.parse import urlsplit

import pytest

from assertions import assert_error
from conftest import POSTGRES_URL, Server, backend_env
from factories import fake_sid, random_auth_token, unique_name
from raw_http import FLEX_FLOWS, RawApi, accounts_path, keys_path
from server_process import ServerProcess, clean_env

WARM_REQUESTS = 3
LISTEN_TIMEOUT_S = 30


def warm(server: Server, credentials) -> None:
    """Authenticated requests that succeed, so `server` holds these credentials in its cache."""
    for _ in range(WARM_REQUESTS):
        resp = server.raw(auth=credentials).get(FLEX_FLOWS)
        assert resp.status_code == 200, f"{server.process.name}: HTTP {resp.status_code} {resp.text}"


def refused(server: Server, credentials) -> None:
    """The next request with `credentials` is Twilio's 401 20003."""
    assert_error(server.raw(auth=credentials).get(FLEX_FLOWS), 401, 20003)


def subaccount(server: Server) -> tuple:
    """A new subaccount of the bootstrap account: (sid, auth token)."""
    resp = server.raw().post(accounts_path(), {"FriendlyName": unique_name("cached")})
    assert resp.status_code == 201, resp.text
    return resp.json()["sid"], resp.json()["auth_token"]


def api_key(server: Server) -> tuple:
    """A new API key of the bootstrap account: (sid, secret)."""
    resp = server.raw().post(keys_path(server.account_sid), {"FriendlyName": unique_name("cached key")})
    assert resp.status_code == 201, resp.text
    return resp.json()["sid"], resp.json()["secret"]


def set_status(server: Server, sid: str, status: str) -> None:
    """The parent account sets the subaccount's status."""
    resp = server.raw().post(accounts_path(sid), {"Status": status})
    assert resp.status_code == 200 and resp.json()["status"] == status, resp.text


def delete_key(server: Server, sid: str) -> None:
    """The owner deletes the key."""
    assert server.raw().delete(keys_path(server.account_sid, sid)).status_code == 204


def changes_are_seen(writer: Server, reader: Server) -> None:
    """Suspension, reactivation, closing and key deletion made through `writer` take effect at `reader`'s next
    request, each after `reader` answered from its cache."""
    sub = subaccount(writer)
    warm(reader, sub)
    set_status(writer, sub[0], "suspended")
    refused(reader, sub)
    set_status(writer, sub[0], "active")
    warm(reader, sub)
    set_status(writer, sub[0], "closed")
    refused(reader, sub)

    key = api_key(writer)
    warm(reader, key)
    delete_key(writer, key[0])
    refused(reader, key)

    # A key is refused once its account is suspended, though the key itself did not change.
    sub = subaccount(writer)
    sub_raw = RawApi(writer.base_url, sub)
    resp = sub_raw.post(keys_path(sub[0]), {"FriendlyName": unique_name("sub key")})
    assert resp.status_code == 201, resp.text
    sub_key = resp.json()["sid"], resp.json()["secret"]
    warm(reader, sub_key)
    set_status(writer, sub[0], "suspended")
    refused(reader, sub_key)


def test_a_change_takes_effect_at_the_next_request_of_the_same_process(server):
    changes_are_seen(server, server)


# --- several processes on PostgreSQL ---------------------------------------------------------------------------

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="needs SWITCHBOARD_TEST_POSTGRES_URL: two `serve` processes "
                                                             "share one database only on PostgreSQL")


def psql(sql: str) -> str:
    """Runs `sql` on the test database with psql; its unaligned output."""
    binary = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))), None)
    assert binary, "psql not found"
    url = urlsplit(POSTGRES_URL)
    command = [binary, "-X", "-A", "-t", "-h", url.hostname, "-p", str(url.port or 5432), "-U", url.username or "postgres",
               "-d", url.path.lstrip("/"), "-c", sql]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)
    return done.stdout.strip()


LISTENERS = ("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
             "AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()")


def listeners() -> set:
    """The backend pids of the LISTEN connections on the test database."""
    return {line for line in psql(LISTENERS).splitlines() if line}


def wait_for_listeners(at_least: int, other_than: set = frozenset()) -> set:
    """Waits until `at_least` LISTEN connections not among `other_than` exist; their pids."""
    deadline = time.monotonic() + LISTEN_TIMEOUT_S
    while time.monotonic() < deadline:
        fresh = listeners() - set(other_than)
        if len(fresh) >= at_least:
            return fresh
        time.sleep(0.1)
    pytest.fail(f"fewer than {at_least} LISTEN connections after {LISTEN_TIMEOUT_S}s")


def start(binary, workdir, name: str, sid: str, token: str) -> Server:
    """A `serve` process on the shared database with this bootstrap account and the shared secret key."""
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token, **backend_env("postgres")})
    process = ServerProcess(binary, workdir, POSTGRES_URL, env, name=name)
    return Server(process.start().base_url, sid, token, "postgres", process)


@pytest.fixture(scope="module")
def pair(switchboard_bin, tmp_path_factory):
    """Two servers on the shared PostgreSQL database, with one bootstrap account, both listening for changes."""
    workdir = tmp_path_factory.mktemp("credential-caching")
    sid, token = fake_sid("AC"), random_auth_token()
    before = listeners()
    servers = []
    try:
        for name in ("first", "second"):
            servers.append(start(switchboard_bin, workdir, name, sid, token))
        wait_for_listeners(2, other_than=before)
        yield servers
    finally:
        codes = [(server.process.name, server.process.stop(signal.SIGTERM)) for server in servers]
        assert all(code == 0 for _, code in codes), f"exit codes after SIGTERM {codes}\n" + \
            "\n".join(server.process.log_tail() for server in servers)


@needs_postgres
def test_a_change_made_through_one_process_takes_effect_at_the_next_request_of_the_other(pair):
    first, second = pair
    changes_are_seen(first, second)
    changes_are_seen(second, first)


@needs_postgres
def test_a_rotated_auth_token_is_refused_by_the_other_process_at_the_next_request(pair, switchboard_bin, tmp_path_factory):
    first, second = pair
    old = (first.account_sid, first.auth_token)
    warm(second, old)
    # The bootstrap account's token is rotated the way Switchboard rotates it: a process starts with a new one.
    new = (first.account_sid, random_auth_token())
    rotator = start(switchboard_bin, tmp_path_factory.mktemp("rotator"), "rotator", *new)
    try:
        refused(second, old)
        refused(first, old)
        warm(second, new)
    finally:
        assert rotator.process.stop(signal.SIGTERM) == 0, rotator.process.log_tail()
    # Put the pair's own token back, for the other tests of the module.
    restorer = start(switchboard_bin, tmp_path_factory.mktemp("restorer"), "restorer", *old)
    try:
        refused(second, new)
        warm(second, old)
    finally:
        assert restorer.process.stop(signal.SIGTERM) == 0, restorer.process.log_tail()


@needs_postgres
def test_a_process_that_lost_its_listen_connection_reads_credentials_until_it_listens_again(pair):
    first, second = pair
    sub = subaccount(first)
    warm(second, sub)
    connected = wait_for_listeners(2)

    # Keep terminating every LISTEN connection, so the change below is made while the processes cannot hear it.
    stop = threading.Event()

    def terminate_listeners():
        while not stop.is_set():
            psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                 "AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()")
            time.sleep(0.02)

    killer = threading.Thread(target=terminate_listeners, daemon=True)
    killer.start()
    try:
        deadline = time.monotonic() + LISTEN_TIMEOUT_S
        while listeners() & connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not listeners() & connected, "the LISTEN connections were not terminated"
        set_status(first, sub[0], "suspended")
        refused(second, sub)
        set_status(first, sub[0], "active")
        warm(second, sub)
    finally:
        stop.set()
        killer.join(timeout=30)

    # Both processes listen again, on new connections, and hear changes again at once.
    wait_for_listeners(2, other_than=connected)
    warm(second, sub)
    set_status(first, sub[0], "closed")
    refused(second, sub)
    for server in pair:
        log = server.process.stdout_text() + server.process.stderr_path.read_text(errors="replace")
        assert "lost the database change listener" in log, f"{server.process.name} never noticed the lost LISTEN"
