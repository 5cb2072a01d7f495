"""`/switchboard/v1/Senders` over HTTP: Twilio-style CRUD and paging, accounts kept apart, bad settings refused with a
400 naming the parameter, and secrets write-only: in no response, no log line and not in the database in the clear."""

import json
from urllib.parse import urlsplit

import pytest

from assertions import assert_error, assert_iso_dates
from conftest import BACKENDS, PUBLIC_URL, public_server
from factories import fake_sid, random_auth_token, unique_name
from raw_http import RawApi, accounts_path
from test_delivery_messages import customer_number

SENDERS = "/switchboard/v1/Senders"
SENDER_KEYS = {"sid", "account_sid", "address", "channel", "connector", "friendly_name", "messages_per_second", "settings",
               "inbound_url", "health", "date_created", "date_updated", "url"}
NEW_HEALTH = {"sent_count": 0, "failed_count": 0, "last_failure_at": None, "last_error": None}


@pytest.fixture(scope="module", params=BACKENDS)
def senders_server(request, switchboard_bin, tmp_path_factory):
    """A server with a public URL, so inbound URLs are built from it, that logs at debug level into its workdir."""
    yield from public_server(switchboard_bin, tmp_path_factory, "senders", request.param)


@pytest.fixture
def api(senders_server) -> RawApi:
    """The bootstrap account's Basic credentials against the senders server."""
    return senders_server.raw()


def sender_form(connector: str, address: str = None, settings: dict = None, **extra) -> dict:
    """A valid create form for `connector`, every secret distinctive; `extra` adds or (with None) drops parameters."""
    defaults = {
        "twilio": ({"Channel": "sms"}, customer_number(),
                   {"account_sid": fake_sid("AC"), "auth_token": "tw-auth-" + random_auth_token()}),
        "whatsapp-cloud": ({}, "whatsapp:" + customer_number(),
                           {"phone_number_id": "1055", "waba_id": "2077", "access_token": "wa-access-" + random_auth_token(),
                            "app_secret": "wa-app-" + random_auth_token(), "verify_token": "wa-verify-" + random_auth_token()}),
        "messenger": ({}, "messenger:" + random_auth_token()[:15],
                      {"page_id": "3099", "page_access_token": "ms-page-" + random_auth_token(),
                       "app_secret": "ms-app-" + random_auth_token(), "verify_token": "ms-verify-" + random_auth_token()}),
        "smtp": ({}, f"desk-{random_auth_token()[:8]}@example.com",
                 {"host": "smtp.example.com", "port": "587", "username": "desk", "password": "smtp-pass-" + random_auth_token()}),
        "smpp": ({}, customer_number(),
                 {"host": "smsc.example.com", "port": "2775", "system_id": "desk", "password": "smpp-pass-" + random_auth_token()}),
    }
    form_extra, default_address, default_settings = defaults[connector]
    form = {"Connector": connector, "Address": address or default_address, "FriendlyName": unique_name(connector),
            "Settings": json.dumps(default_settings if settings is None else settings), **form_extra, **extra}
    return {k: v for k, v in form.items() if v is not None}


def secrets_of(form: dict) -> list:
    """The secret values in a create form's Settings."""
    secret_keys = {"auth_token", "api_key_secret", "access_token", "app_secret", "verify_token", "page_access_token", "password"}
    return [value for key, value in json.loads(form["Settings"]).items() if key in secret_keys]


def create(api: RawApi, form: dict) -> dict:
    """Create a sender; fail unless 201."""
    resp = api.post(SENDERS, form)
    assert resp.status_code == 201, f"create sender: HTTP {resp.status_code} {resp.text}"
    return resp.json()


def local(url: str) -> str:
    """A link under the public URL as a path (with query) to ask the server directly."""
    assert url.startswith(PUBLIC_URL), url
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def subaccount(api: RawApi, base_url: str) -> RawApi:
    """A new subaccount of the bootstrap account, with its own credentials."""
    resp = api.post(accounts_path(), {"FriendlyName": unique_name("senders")})
    assert resp.status_code == 201, resp.text
    return RawApi(base_url, (resp.json()["sid"], resp.json()["auth_token"]))


def test_a_sender_is_created_fetched_listed_updated_and_deleted_in_twilios_shape(api, senders_server):
    form = sender_form("whatsapp-cloud", MessagesPerSecond="80")
    created = create(api, form)
    assert set(created) == SENDER_KEYS, sorted(set(created) ^ SENDER_KEYS)
    assert created["sid"].startswith("XE") and len(created["sid"]) == 34
    assert created["account_sid"] == senders_server.account_sid
    assert (created["address"], created["channel"], created["connector"]) == (form["Address"], "whatsapp", "whatsapp-cloud")
    assert (created["friendly_name"], created["messages_per_second"]) == (form["FriendlyName"], 80)
    assert created["settings"] == {"phone_number_id": "1055", "waba_id": "2077"}
    assert created["health"] == NEW_HEALTH
    assert created["url"] == f"{PUBLIC_URL}/switchboard/v1/Senders/{created['sid']}"
    assert created["inbound_url"] == f"{PUBLIC_URL}/switchboard/v1/Senders/{created['sid']}/Inbound"
    assert_iso_dates(created)

    fetched = api.get(f"{SENDERS}/{created['sid']}")
    assert fetched.status_code == 200, fetched.text
    assert fetched.json() == created

    updated = api.post(f"{SENDERS}/{created['sid']}", {"MessagesPerSecond": "1", "FriendlyName": "WhatsApp line",
                                                       "Settings": json.dumps({"api_version": "v23.0", "waba_id": None})})
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert (body["messages_per_second"], body["friendly_name"]) == (1, "WhatsApp line")
    assert body["settings"] == {"phone_number_id": "1055", "api_version": "v23.0"}
    assert (body["sid"], body["address"], body["date_created"], body["inbound_url"]) == (
        created["sid"], created["address"], created["date_created"], created["inbound_url"])
    unpaced = api.post(f"{SENDERS}/{created['sid']}", {"MessagesPerSecond": ""})
    assert unpaced.status_code == 200 and unpaced.json()["messages_per_second"] is None, unpaced.text
    assert api.get(f"{SENDERS}/{created['sid']}").json()["settings"] == body["settings"]

    deleted = api.delete(f"{SENDERS}/{created['sid']}")
    assert deleted.status_code == 204, deleted.text
    assert_error(api.get(f"{SENDERS}/{created['sid']}"), 404, 20404)
    assert_error(api.delete(f"{SENDERS}/{created['sid']}"), 404, 20404)
    # The address is free again.
    create(api, sender_form("whatsapp-cloud", address=form["Address"]))


def test_senders_of_every_connector_are_listed_in_pages_with_a_meta_envelope(senders_server):
    own = subaccount(senders_server.raw(), senders_server.base_url)
    made = [create(own, sender_form(kind)) for kind in ("twilio", "whatsapp-cloud", "messenger", "smtp", "smpp")]
    assert [s["channel"] for s in made] == ["sms", "whatsapp", "messenger", "email", "sms"]
    page = own.get(SENDERS, PageSize=2)
    assert page.status_code == 200, page.text
    body = page.json()
    assert set(body) == {"senders", "meta"}
    assert [s["sid"] for s in body["senders"]] == [s["sid"] for s in made[:2]]
    meta = body["meta"]
    assert (meta["key"], meta["page"], meta["page_size"], meta["previous_page_url"]) == ("senders", 0, 2, None)
    assert meta["url"].startswith(f"{PUBLIC_URL}{SENDERS}") and meta["first_page_url"].startswith(f"{PUBLIC_URL}{SENDERS}")
    seen = list(body["senders"])
    while meta["next_page_url"]:
        body = own.get(local(meta["next_page_url"])).json()
        meta = body["meta"]
        seen += body["senders"]
    assert seen == made
    assert all(s["health"] == NEW_HEALTH for s in seen)


def test_another_account_sees_none_of_them_and_an_address_is_unique_within_its_account(api, senders_server):
    mine = create(api, sender_form("twilio"))
    other = subaccount(api, senders_server.base_url)
    assert_error(other.get(f"{SENDERS}/{mine['sid']}"), 404, 20404)
    assert_error(other.post(f"{SENDERS}/{mine['sid']}", {"FriendlyName": "mine now"}), 404, 20404)
    assert_error(other.delete(f"{SENDERS}/{mine['sid']}"), 404, 20404)
    assert mine["sid"] not in [s["sid"] for s in other.get(SENDERS, PageSize=1000).json()["senders"]]
    assert api.get(f"{SENDERS}/{mine['sid']}").json()["friendly_name"] == mine["friendly_name"]
    assert_error(api.get(f"{SENDERS}/{fake_sid('XE')}"), 404, 20404)
    assert_error(RawApi(senders_server.base_url, None).get(SENDERS), 401, 20003)

    duplicate = assert_error(api.post(SENDERS, sender_form("twilio", address=mine["address"])), 409, 20409)
    assert mine["address"] in duplicate["message"]
    # The same number written differently is the same address.
    spaced = mine["address"][:2] + " " + mine["address"][2:5] + "-" + mine["address"][5:]
    assert_error(api.post(SENDERS, sender_form("twilio", address=spaced)), 409, 20409)
    second = create(api, sender_form("twilio"))
    assert_error(api.post(f"{SENDERS}/{second['sid']}", {"Address": mine["address"]}), 409, 20409)
    # Another account may send from the same address.
    assert create(other, sender_form("twilio", address=mine["address"]))["address"] == mine["address"]


BAD_CREATES = [
    ("no connector", lambda: sender_form("twilio", Connector=None), "Connector"),
    ("unknown connector", lambda: sender_form("twilio", Connector="carrier-pigeon"), "Connector"),
    ("twilio without a channel", lambda: sender_form("twilio", Channel=None), "Channel"),
    ("a channel the connector lacks", lambda: sender_form("whatsapp-cloud", Channel="sms"), "Channel"),
    ("no address", lambda: sender_form("twilio", Address=None), "Address"),
    ("an invalid number", lambda: sender_form("twilio", address="555-0100"), "Address"),
    ("an invalid messenger id", lambda: sender_form("messenger", address="messenger:page 1"), "Address"),
    ("settings that are no JSON object", lambda: sender_form("twilio", Settings="auth_token=x"), "Settings"),
    ("an unknown setting", lambda: sender_form("twilio", settings={"account_sid": "AC1", "auth_token": "t", "region": "us1"}),
     "Settings.region"),
    ("a setting that is no string", lambda: sender_form("twilio", settings={"account_sid": ["AC1"], "auth_token": "t"}),
     "Settings.account_sid"),
    ("twilio without an account", lambda: sender_form("twilio", settings={"auth_token": "t"}), "Settings.account_sid"),
    ("twilio without a token or key", lambda: sender_form("twilio", settings={"account_sid": "AC1"}), "Settings.auth_token"),
    ("an API key secret without its SID", lambda: sender_form("twilio", settings={"account_sid": "AC1", "api_key_secret": "k"}),
     "Settings.api_key_sid"),
    ("a base URL that is no URL", lambda: sender_form("twilio", settings={"account_sid": "AC1", "auth_token": "t", "base_url": "api.twilio"}),
     "Settings.base_url"),
    ("whatsapp without an access token",
     lambda: sender_form("whatsapp-cloud", settings={"phone_number_id": "1", "app_secret": "s", "verify_token": "v"}),
     "Settings.access_token"),
    ("whatsapp without an app secret",
     lambda: sender_form("whatsapp-cloud", settings={"phone_number_id": "1", "access_token": "a", "verify_token": "v"}),
     "Settings.app_secret"),
    ("a graph URL that is no http URL",
     lambda: sender_form("whatsapp-cloud", settings={"phone_number_id": "1", "access_token": "a", "app_secret": "s", "verify_token": "v",
                                                     "graph_url": "ftp://graph.example.com"}),
     "Settings.graph_url"),
    ("messenger without a page",
     lambda: sender_form("messenger", settings={"page_access_token": "a", "app_secret": "s", "verify_token": "v"}), "Settings.page_id"),
    ("messenger without a verify token",
     lambda: sender_form("messenger", settings={"page_id": "1", "page_access_token": "a", "app_secret": "s"}), "Settings.verify_token"),
    ("a port that is no number", lambda: sender_form("smtp", settings={"host": "smtp.example.com", "port": "smtp"}), "Settings.port"),
    ("a zero pace", lambda: sender_form("twilio", MessagesPerSecond="0"), "MessagesPerSecond"),
    ("a pace that is no number", lambda: sender_form("twilio", MessagesPerSecond="fast"), "MessagesPerSecond"),
    ("a pace past the limit", lambda: sender_form("twilio", MessagesPerSecond="1000000"), "MessagesPerSecond"),
]


@pytest.mark.parametrize("case,form,parameter", BAD_CREATES, ids=[case for case, _, _ in BAD_CREATES])
def test_a_bad_create_is_refused_with_a_400_naming_the_parameter(api, case, form, parameter):
    body = assert_error(api.post(SENDERS, form()), 400, 20001)
    assert parameter in body["message"], body["message"]


BAD_UPDATES = [
    ("another connector", {"Connector": "whatsapp-cloud"}, "Connector"),
    ("another channel", {"Channel": "whatsapp"}, "Channel"),
    ("an invalid address", {"Address": "+1"}, "Address"),
    ("a required setting removed", {"Settings": json.dumps({"account_sid": None})}, "Settings.account_sid"),
    ("the only credential removed", {"Settings": json.dumps({"auth_token": None})}, "Settings.auth_token"),
    ("an unknown setting", {"Settings": json.dumps({"page_id": "1"})}, "Settings.page_id"),
    ("a negative pace", {"MessagesPerSecond": "-5"}, "MessagesPerSecond"),
]


@pytest.mark.parametrize("case,form,parameter", BAD_UPDATES, ids=[case for case, _, _ in BAD_UPDATES])
def test_a_bad_update_is_refused_naming_the_parameter_and_changes_nothing(api, case, form, parameter):
    sender = create(api, sender_form("twilio"))
    body = assert_error(api.post(f"{SENDERS}/{sender['sid']}", form), 400, 20001)
    assert parameter in body["message"], body["message"]
    assert api.get(f"{SENDERS}/{sender['sid']}").json() == sender


def test_the_inbound_url_takes_no_basic_credentials(api, senders_server):
    sender = create(api, sender_form("twilio"))
    inbound = RawApi(senders_server.base_url, None).post(local(sender["inbound_url"]), {"Body": "unsigned"})
    # The provider's signature is what is checked there, so an unsigned request is refused, but not as unauthenticated.
    assert inbound.status_code != 401, inbound.text
    assert api.get(f"{SENDERS}/{sender['sid']}").json()["health"] == NEW_HEALTH


def test_secrets_are_in_no_response_no_log_line_and_not_in_the_database_in_the_clear(api, senders_server):
    forms = [sender_form(kind) for kind in ("twilio", "whatsapp-cloud", "messenger", "smtp", "smpp")]
    api_key = sender_form("twilio", settings={"account_sid": fake_sid("AC"), "api_key_sid": fake_sid("SK"),
                                               "api_key_secret": "tw-key-" + random_auth_token()})
    forms.append(api_key)
    secrets = [secret for form in forms for secret in secrets_of(form)]
    assert len(secrets) == 10
    answers = []

    created = []
    for form in forms:
        resp = api.post(SENDERS, form)
        answers.append(resp.text)
        assert resp.status_code == 201, resp.text
        created.append(resp.json())
    for sender in created:
        answers.append(api.get(f"{SENDERS}/{sender['sid']}").text)
    answers.append(api.get(SENDERS, PageSize=1000).text)

    rotated = "tw-rotated-" + random_auth_token()
    secrets.append(rotated)
    resp = api.post(f"{SENDERS}/{created[0]['sid']}", {"Settings": json.dumps({"auth_token": rotated}), "FriendlyName": "rotated"})
    assert resp.status_code == 200, resp.text
    answers.append(resp.text)
    answers.append(api.get(f"{SENDERS}/{created[0]['sid']}").text)

    # Refusals of settings that hold secrets must not repeat them either.
    leaked = "tw-refused-" + random_auth_token()
    secrets.append(leaked)
    for settings in ({"account_sid": "AC1", "auth_token": leaked, "base_url": leaked},
                     {"auth_token": leaked},
                     {"account_sid": "AC1", "auth_token": [leaked]}):
        resp = api.post(SENDERS, sender_form("twilio", settings=settings))
        assert resp.status_code == 400, resp.text
        answers.append(resp.text)
    resp = api.post(SENDERS, sender_form("twilio", address=created[0]["address"], settings={"account_sid": "AC1", "auth_token": leaked}))
    assert resp.status_code == 409, resp.text
    answers.append(resp.text)
    resp = api.post(f"{SENDERS}/{created[1]['sid']}", {"Settings": json.dumps({"access_token": leaked, "page_id": leaked})})
    assert resp.status_code == 400, resp.text
    answers.append(resp.text)

    for secret in secrets:
        for answer in answers:
            assert secret not in answer, f"a response repeats the secret {secret!r}: {answer[:300]}"

    process = senders_server.process
    log = process.stdout_path.read_text(errors="replace") + process.stderr_path.read_text(errors="replace")
    assert "Senders" in log, "the server's log has no line about the requests to check"
    for secret in secrets:
        assert secret not in log, f"the server's log holds the secret {secret!r}"

    if senders_server.backend != "sqlite":
        return
    database = process.workdir / "sb.sqlite"
    stored = b"".join(path.read_bytes() for path in process.workdir.glob("sb.sqlite*"))
    assert database.exists() and created[0]["sid"].encode() in stored, "the senders are not in the database file"
    for secret in secrets:
        assert secret.encode() not in stored, f"the database file holds the secret {secret!r} in the clear"
