"""Fixtures: a running Switchboard server per storage backend, and twilio clients pointed at it."""

import base64
import os
import signal
from dataclasses import dataclass

import pytest
from twilio.rest import Client

from factories import fake_sid, random_auth_token, unique_name
from openapi_schema import component, load_spec, to_json_schema
from raw_http import RawApi, accounts_path
from server_process import STOP_TIMEOUT_S, ServerProcess, clean_env, find_binary
from shared_data import SHARED_DIR
from switchboard_client import HOST_MODE, PATH_MODE, SwitchboardHttpClient

POSTGRES_URL = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])
CLIENT_TIMEOUT_S = 30


@dataclass
class Server:
    """A running server and the bootstrap account it was started with."""

    base_url: str
    account_sid: str
    auth_token: str
    backend: str
    process: ServerProcess

    def raw(self, auth="bootstrap") -> RawApi:
        """Raw HTTP access; auth is 'bootstrap', None (no credentials) or a (user, password) pair."""
        return RawApi(self.base_url, (self.account_sid, self.auth_token) if auth == "bootstrap" else auth)

    def client(self, username: str, password: str, account_sid=None, mode: str = PATH_MODE) -> Client:
        """A twilio Client for these credentials, talking to this server."""
        http = SwitchboardHttpClient(self.base_url, mode, timeout=CLIENT_TIMEOUT_S)
        return Client(username, password, account_sid, http_client=http)


@pytest.fixture(scope="session")
def switchboard_bin():
    """The built server binary; fails every test that needs it with a hint to run `swift build`."""
    try:
        return find_binary()
    except FileNotFoundError as exc:
        message = str(exc)
    pytest.fail(message, pytrace=False)


# The public URL of the servers that providers call back: senders' inbound URLs are built from it.
PUBLIC_URL = "https://switchboard.example.com"
# The servers of a run on PostgreSQL share one database, and so claim each other's outbox work: like the processes
# of a scale-out deployment, they must all hold the key that seals senders' secrets.
SHARED_SECRET_KEY = base64.b64encode(os.urandom(32)).decode()


def backend_env(backend: str) -> dict:
    """What a server needs for `backend` beyond its account: the shared secret key on the shared database."""
    return {"SWITCHBOARD_SECRET_KEY": SHARED_SECRET_KEY} if backend == "postgres" else {}


def public_server(switchboard_bin, tmp_path_factory, name: str, backend: str, extra_env: dict = None):
    """A server of its own for one module: `--public-url` set, loopback peers allowed, logging at debug level so
    tests can search its log; yields it, then stops it with SIGTERM, which must exit 0."""
    workdir = tmp_path_factory.mktemp(f"{name}-{backend}")
    database = str(workdir / "sb.sqlite") if backend == "sqlite" else POSTGRES_URL
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token,
                     "SWITCHBOARD_ALLOW_PRIVATE_WEBHOOKS": "true", "SWITCHBOARD_LOG_LEVEL": "debug",
                     **backend_env(backend), **(extra_env or {})})
    process = ServerProcess(switchboard_bin, workdir, database, env, name=f"{name}-{backend}",
                            extra_args=["--public-url", PUBLIC_URL]).start()
    yield Server(process.base_url, account_sid, auth_token, backend, process)
    code = process.stop(signal.SIGTERM)
    assert code == 0, f"exit {code} after SIGTERM\n{process.log_tail()}"


@pytest.fixture(scope="session", params=BACKENDS)
def server(request, switchboard_bin, tmp_path_factory):
    """A server on a free port with a known bootstrap account; stopped with SIGTERM, which must exit 0."""
    backend = request.param
    workdir = tmp_path_factory.mktemp(f"switchboard-{backend}")
    database = str(workdir / "sb.sqlite") if backend == "sqlite" else POSTGRES_URL
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    # Test webhook receivers listen on loopback, which the SSRF guard refuses unless told otherwise.
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token,
                     "SWITCHBOARD_ALLOW_PRIVATE_WEBHOOKS": "true", **backend_env(backend)})
    process = ServerProcess(switchboard_bin, workdir, database, env, name=f"server-{backend}")
    try:
        process.start()
    except RuntimeError as exc:
        message = str(exc)
    else:
        message = None
    if message:
        pytest.fail(message, pytrace=False)
    yield Server(process.base_url, account_sid, auth_token, backend, process)
    code = process.stop(signal.SIGTERM)
    assert code == 0, (f"server did not exit 0 within {STOP_TIMEOUT_S:.0f}s of SIGTERM "
                       f"(exit code {code}; None = hung and was killed)\n{process.log_tail()}")


EVENTS_KEEPALIVE_SECONDS = 1


@pytest.fixture(scope="module", params=BACKENDS)
def events_server(request, switchboard_bin, tmp_path_factory):
    """A server whose event streams send a keepalive every second; one per test module that streams."""
    workdir = tmp_path_factory.mktemp(f"events-{request.param}")
    database = str(workdir / "sb.sqlite") if request.param == "sqlite" else POSTGRES_URL
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token,
                     "SWITCHBOARD_AGENT_EVENTS_KEEPALIVE_SECONDS": str(EVENTS_KEEPALIVE_SECONDS)})
    process = ServerProcess(switchboard_bin, workdir, database, env, name=f"events-{request.param}").start()
    yield Server(process.base_url, account_sid, auth_token, request.param, process)
    code = process.stop(signal.SIGTERM)
    assert code == 0, f"exit {code} after SIGTERM\n{process.log_tail()}"


@pytest.fixture
def client(server) -> Client:
    """A twilio Client for the bootstrap account, in path-prefix mode."""
    return server.client(server.account_sid, server.auth_token)


@pytest.fixture
def host_client(server) -> Client:
    """A twilio Client for the bootstrap account, in host-header mode."""
    return server.client(server.account_sid, server.auth_token, mode=HOST_MODE)


@pytest.fixture
def raw(server) -> RawApi:
    """Raw HTTP access with the bootstrap account's credentials."""
    return server.raw()


@pytest.fixture
def new_subaccount(server):
    """A factory: create a subaccount of the bootstrap account over raw HTTP, return (sid, auth_token)."""
    def make(label: str = "subaccount"):
        """Create one subaccount named `label` plus a random suffix."""
        resp = server.raw().post(accounts_path(), {"FriendlyName": unique_name(label)})
        assert resp.status_code == 201, f"create subaccount: HTTP {resp.status_code} {resp.text}"
        body = resp.json()
        return body["sid"], body["auth_token"]

    return make


@pytest.fixture(scope="session")
def shared_dir():
    """`<repo>/../shared`; skips the test where it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DIR} (shared/ must sit beside the repo)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def openapi_component(shared_dir):
    """A function (file name, component name) -> that OpenAPI component as JSON Schema."""
    specs = {}

    def get(file_name: str, name: str) -> dict:
        """Load twilio-oai/<file_name> once and convert one of its schemas."""
        if file_name not in specs:
            specs[file_name] = load_spec(shared_dir / "twilio-oai" / file_name)
        return component(specs[file_name], name)

    return get


@pytest.fixture(scope="session")
def openapi_answer(shared_dir):
    """A function (file name, path, method="get", status="200") -> the schema of that answer, as JSON Schema."""
    specs = {}

    def get(file_name: str, path: str, method: str = "get", status: str = "200") -> dict:
        """Load twilio-oai/<file_name> once and convert one operation's answer schema."""
        if file_name not in specs:
            specs[file_name] = load_spec(shared_dir / "twilio-oai" / file_name)
        spec = specs[file_name]
        return to_json_schema(spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"], spec)

    return get


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the server's log tail to the report of a failed test that used the server."""
    report = yield
    srv = getattr(item, "funcargs", {}).get("server")
    if report.failed and isinstance(srv, Server):
        report.sections.append((f"switchboard log ({srv.backend})", srv.process.log_tail()))
    return report

