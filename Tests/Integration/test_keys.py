"""API keys: created with a one-time secret, listed without it, usable for Basic auth, dead once deleted."""

import re

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_rfc2822_dates
from factories import fake_sid, unique_name
from raw_http import FLEX_FLOWS, keys_path

SK_PATTERN = re.compile(r"^SK[0-9a-f]{32}$")
KEY_KEYS = {"sid", "friendly_name", "date_created", "date_updated"}


def test_new_key_returns_sk_sid_and_secret_once_and_list_hides_secret(client, raw, server):
    name = unique_name("key")
    created = client.new_keys.create_with_http_info(friendly_name=name)
    assert created.status_code == 201
    key = created.data
    assert SK_PATTERN.match(key.sid) and key.secret and key.friendly_name == name

    listed = [k for k in client.keys.list() if k.sid == key.sid]
    assert [k.friendly_name for k in listed] == [name]

    body = raw.get(keys_path(server.account_sid), PageSize=1000).json()
    [row] = [k for k in body["keys"] if k["sid"] == key.sid]
    assert set(row) == KEY_KEYS
    assert_rfc2822_dates(row)
    fetched = raw.get(keys_path(server.account_sid, key.sid)).json()
    assert set(fetched) == KEY_KEYS


def test_key_created_through_account_context_belongs_to_that_account(client, server):
    key = client.api.v2010.accounts(server.account_sid).new_keys.create(friendly_name=unique_name("ctx key"))
    assert SK_PATTERN.match(key.sid) and key.secret
    assert client.api.v2010.accounts(server.account_sid).keys(key.sid).fetch().sid == key.sid


def test_api_key_authenticates_for_its_account_until_deleted(client, server):
    key = client.new_keys.create(friendly_name=unique_name("auth key"))
    key_client = server.client(key.sid, key.secret, server.account_sid)

    name = unique_name("key flow")
    flow = key_client.flex_api.v1.flex_flow.create(friendly_name=name, chat_service_sid=fake_sid("IS"),
                                                   channel_type="sms", integration_type="studio",
                                                   integration_flow_sid=fake_sid("FW"))
    assert flow.account_sid == server.account_sid
    assert [f.sid for f in key_client.flex_api.v1.flex_flow.list(friendly_name=name)] == [flow.sid]

    deleted = client.keys(key.sid).delete_with_http_info()
    assert deleted.status_code == 204
    with pytest.raises(TwilioRestException) as exc_info:
        key_client.flex_api.v1.flex_flow(flow.sid).fetch()
    assert_rest_exception(exc_info, 401, 20003)
    assert_error(server.raw(auth=(key.sid, key.secret)).get(FLEX_FLOWS), 401, 20003)


def test_api_key_with_wrong_secret_is_401_20003(client, server):
    key = client.new_keys.create(friendly_name=unique_name("bad secret"))
    assert_error(server.raw(auth=(key.sid, "not-the-secret")).get(FLEX_FLOWS), 401, 20003)


def test_key_json_has_exactly_the_openapi_key_properties(client, raw, server, openapi_component):
    new_key_schema = openapi_component("twilio_api_v2010.json", "api.v2010.account.new_key")
    key_schema = openapi_component("twilio_api_v2010.json", "api.v2010.account.key")
    created = raw.post(keys_path(server.account_sid), {"FriendlyName": unique_name("schema key")})
    assert created.status_code == 201, created.text
    assert set(created.json()) == set(new_key_schema["properties"])
    jsonschema.validate(created.json(), new_key_schema)
    fetched = raw.get(keys_path(server.account_sid, created.json()["sid"])).json()
    assert set(fetched) == set(key_schema["properties"])
    jsonschema.validate(fetched, key_schema)
