"""Startup errors are one clear line and a non-zero exit: never an assertion, a backtrace or a wrong port."""

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests

from server_process import ServerProcess, clean_env, free_port

POSTGRES_URL = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")


def run_switchboard(binary, args, cwd, env=None, user=None, timeout=90):
    """Run `switchboard` to completion; `user` runs it as that account (tests run as root, whom no permission stops)."""
    command = [str(binary), *args]
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, env=clean_env(env), capture_output=True, text=True, timeout=timeout, cwd=cwd)


def assert_one_clear_line(run, *fragments):
    """A failed start: non-zero exit, no crash or backtrace, the reason in one line of standard error."""
    assert run.returncode != 0, (run.stdout, run.stderr)
    assert "Fatal error" not in run.stderr and "Backtrace" not in run.stderr and "Program crashed" not in run.stderr, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, run.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    assert "SWITCHBOARD_AUTH_TOKEN=" not in run.stdout, "credentials were printed before the failure"


@pytest.mark.parametrize("port", ["99999", "65536", "-1"])
def test_a_port_outside_the_tcp_range_is_refused_instead_of_wrapping(switchboard_bin, tmp_path, port):
    run = run_switchboard(switchboard_bin, ["serve", f"--port={port}", "--database", ":memory:"], tmp_path)
    assert_one_clear_line(run, "port must be between 0 and 65535", port)


def test_a_file_that_is_not_sqlite_is_named_as_such(switchboard_bin, tmp_path):
    impostor = tmp_path / "notes.txt"
    impostor.write_text("these are my notes, not a database\n" * 20)
    for command in (["serve", "--port", "0"], ["migrate"]):
        run = run_switchboard(switchboard_bin, [*command, "--database", str(impostor)], tmp_path)
        assert_one_clear_line(run, f"{impostor} is not a SQLite database")
    assert impostor.read_text().startswith("these are my notes"), "the file was changed"


def test_a_mysql_url_is_refused_as_unsupported_not_taken_for_a_file(switchboard_bin, tmp_path):
    run = run_switchboard(switchboard_bin, ["serve", "--port", "0", "--database", "mysql://root:pw@127.0.0.1/db"], tmp_path)
    assert_one_clear_line(run, "'mysql://' databases are not supported")
    assert list(tmp_path.iterdir()) == [], "something was created for the URL"


@pytest.mark.parametrize("url", ["postgres://user:secret@", "postgres://user:secret@[::1/db", "postgres://user:secret@host"])
def test_an_unparseable_postgres_url_says_so_without_the_password(switchboard_bin, tmp_path, url):
    run = run_switchboard(switchboard_bin, ["migrate", "--database", url], tmp_path)
    assert_one_clear_line(run, "is not a valid PostgreSQL URL")
    assert "secret" not in run.stderr and "NSURLErrorDomain" not in run.stderr


@pytest.fixture
def open_folder():
    """A folder every user can reach (pytest's own are private to root), removed afterwards."""
    folder = tempfile.mkdtemp(prefix="switchboard-perm-")
    os.chmod(folder, 0o755)
    yield Path(folder)
    for root, dirs, _ in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def nobody_can_run_the_binary(switchboard_bin):
    """The permission tests run the server as `nobody`; the binary and its folders must be reachable to it."""
    if os.geteuid() != 0:
        return None
    if shutil.which("runuser") is None:
        pytest.skip("runuser is needed to drop root for the permission tests")
    probe = subprocess.run(["runuser", "-u", "nobody", "--", str(switchboard_bin), "--version"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"`nobody` cannot run {switchboard_bin}: {probe.stderr.decode(errors='replace')}")
    return "nobody"


def test_a_folder_without_write_permission_is_named(switchboard_bin, open_folder, nobody_can_run_the_binary):
    folder = open_folder / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    database = folder / "switchboard.sqlite"
    run = run_switchboard(switchboard_bin, ["serve", "--port", "0", "--database", str(database)], open_folder,
                          user=nobody_can_run_the_binary)
    assert_one_clear_line(run, f"cannot write in the folder {folder}")


def test_a_database_file_without_write_permission_is_named(switchboard_bin, open_folder, nobody_can_run_the_binary):
    database = open_folder / "readonly.sqlite"
    migrated = run_switchboard(switchboard_bin, ["migrate", "--database", str(database)], open_folder)
    assert migrated.returncode == 0, migrated.stderr
    database.chmod(0o444)
    open_folder.chmod(0o777)
    run = run_switchboard(switchboard_bin, ["serve", "--port", "0", "--database", str(database)], open_folder,
                          user=nobody_can_run_the_binary)
    assert_one_clear_line(run, f"cannot write to the database file {database}")


def test_a_missing_folder_is_named(switchboard_bin, tmp_path):
    database = tmp_path / "no" / "such" / "folder" / "switchboard.sqlite"
    run = run_switchboard(switchboard_bin, ["serve", "--port", "0", "--database", str(database)], tmp_path)
    assert_one_clear_line(run, f"the folder {database.parent} does not exist")


def test_a_port_in_use_is_named_and_no_first_account_credentials_are_printed(switchboard_bin, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        database = tmp_path / "fresh.sqlite"
        run = run_switchboard(switchboard_bin, ["serve", "--port", str(port), "--database", str(database)], tmp_path)
    assert_one_clear_line(run, f"port {port} is already in use")
    assert not database.exists(), "the first account was created although the server never served"


class LateProxy:
    """A TCP forwarder that starts listening only after `delay` seconds, as a database container that is still
    starting: until then, connections to its port are refused."""

    def __init__(self, port, target, delay):
        self.port, self.target, self.delay = port, target, delay
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        time.sleep(self.delay)
        with socket.socket() as listener:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen()
            listener.settimeout(0.2)
            while not self.stopping.is_set():
                try:
                    client, _ = listener.accept()
                except socket.timeout:
                    continue
                upstream = socket.create_connection(self.target)
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.mark.skipif(not POSTGRES_URL, reason="needs SWITCHBOARD_TEST_POSTGRES_URL (scripts/test starts PostgreSQL)")
def test_a_postgres_that_is_not_up_yet_is_waited_for_and_then_served(switchboard_bin, tmp_path):
    from urllib.parse import urlsplit, urlunsplit
    real = urlsplit(POSTGRES_URL)
    port = free_port()
    proxy = LateProxy(port, (real.hostname, real.port or 5432), delay=3)
    late_url = urlunsplit(real._replace(netloc=real.netloc.replace(f"{real.hostname}:{real.port}", f"127.0.0.1:{port}")))
    account, token = "AC" + "5" * 32, "late-postgres-token"
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account, "SWITCHBOARD_AUTH_TOKEN": token,
                     "SWITCHBOARD_DATABASE_WAIT_SECONDS": "60"})
    server = ServerProcess(switchboard_bin, tmp_path, late_url, env, name="late-postgres")
    proxy.thread.start()
    try:
        server.start()
        assert requests.get(f"{server.base_url}/api/2010-04-01/Accounts/{account}.json", auth=(account, token),
                            timeout=10).status_code == 200
        assert "database not reachable yet; trying again" in server.stderr_path.read_text()
    finally:
        proxy.stopping.set()
        assert server.stop() == 0, server.log_tail()


def test_version_prints_the_release(switchboard_bin, tmp_path):
    run = run_switchboard(switchboard_bin, ["--version"], tmp_path)
    assert run.returncode == 0
    assert run.stdout.strip().count(".") == 2, run.stdout
