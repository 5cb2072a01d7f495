"""API 2010 Accounts through the library: subaccounts, fetch, list, status, RFC 2822 dates, list envelope."""

import re

import jsonschema

from assertions import assert_rfc2822_dates
from factories import unique_name
from raw_http import accounts_path

AC_PATTERN = re.compile(r"^AC[0-9a-f]{32}$")
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")
ENVELOPE_KEYS = {"first_page_uri", "end", "previous_page_uri", "uri", "page_size", "start", "next_page_uri", "page"}


def test_create_subaccount_returns_ac_sid_and_auth_token_and_it_can_be_fetched(client, server):
    name = unique_name("subaccount")
    created = client.api.v2010.accounts.create_with_http_info(friendly_name=name)
    assert created.status_code == 201
    sub = created.data
    assert AC_PATTERN.match(sub.sid) and TOKEN_PATTERN.match(sub.auth_token)
    assert (sub.friendly_name, sub.status, sub.owner_account_sid) == (name, "active", server.account_sid)

    fetched = client.api.v2010.accounts(sub.sid).fetch()
    assert (fetched.sid, fetched.friendly_name, fetched.status) == (sub.sid, name, "active")


def test_account_list_contains_parent_and_subaccount(client, server):
    sub = client.api.v2010.accounts.create(friendly_name=unique_name("listed"))
    sids = {a.sid for a in client.api.v2010.accounts.list()}
    assert {server.account_sid, sub.sid} <= sids
    assert [a.sid for a in client.api.v2010.accounts.list(friendly_name=sub.friendly_name)] == [sub.sid]


def test_account_list_pages_through_next_page_uri(client):
    name = unique_name("paged accounts")
    sids = {client.api.v2010.accounts.create(friendly_name=name).sid for _ in range(3)}
    assert {a.sid for a in client.api.v2010.accounts.list(friendly_name=name, page_size=2)} == sids


def test_subaccount_status_can_be_suspended_and_reactivated(client):
    sub = client.api.v2010.accounts.create(friendly_name=unique_name("status"))
    assert client.api.v2010.accounts(sub.sid).update(status="suspended").status == "suspended"
    assert client.api.v2010.accounts(sub.sid).fetch().status == "suspended"
    assert client.api.v2010.accounts(sub.sid).update(status="active").status == "active"
    assert client.api.v2010.accounts(sub.sid).fetch().status == "active"


def test_subaccount_credentials_work_with_a_new_client(client, server):
    sub = client.api.v2010.accounts.create(friendly_name=unique_name("own client"))
    sub_client = server.client(sub.sid, sub.auth_token)
    assert sub_client.api.v2010.accounts(sub.sid).fetch().sid == sub.sid
    flow = sub_client.flex_api.v1.flex_flow.create(friendly_name=unique_name("sub flow"), chat_service_sid="IS" + "b" * 32,
                                                   channel_type="web", integration_type="studio",
                                                   integration_flow_sid="FW" + "b" * 32)
    assert flow.account_sid == sub.sid


def test_account_json_uses_rfc2822_dates_and_relative_uri(raw, server, new_subaccount):
    sub_sid, _ = new_subaccount("dates")
    for body in (raw.get(accounts_path(server.account_sid)).json(), raw.get(accounts_path(sub_sid)).json()):
        assert_rfc2822_dates(body)
        assert body["uri"] == f"/2010-04-01/Accounts/{body['sid']}.json"


def test_account_list_envelope_has_2010_paging_keys(raw):
    resp = raw.get(accounts_path(), PageSize=1)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert set(body) == ENVELOPE_KEYS | {"accounts"}
    assert (body["page"], body["page_size"], body["start"], body["previous_page_uri"]) == (0, 1, 0, None)
    assert body["end"] == len(body["accounts"]) - 1 + body["start"]
    assert body["uri"].startswith("/2010-04-01/Accounts.json")
    assert body["first_page_uri"].startswith("/2010-04-01/Accounts.json")
    for account in body["accounts"]:
        assert_rfc2822_dates(account)


def test_account_json_has_exactly_the_openapi_account_properties(raw, server, new_subaccount, openapi_component):
    schema = openapi_component("twilio_api_v2010.json", "api.v2010.account")
    sub_sid, _ = new_subaccount("schema")
    for body in (raw.get(accounts_path(server.account_sid)).json(), raw.get(accounts_path(sub_sid)).json()):
        assert set(body) == set(schema["properties"])
        jsonschema.validate(body, schema)
