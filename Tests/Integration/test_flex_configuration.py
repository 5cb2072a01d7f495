"""`GET|POST /v1/Configuration` on flex-api: every property of `flex.v1.configuration`, what a client sets kept, and
what Switchboard knows (the account, its Flex workspace and chat service) answered where the client set nothing."""

import json

import pytest
import requests

from assertions import assert_error, assert_shape
from factories import unique_name
from seed_000 import ContactCenter

CONFIGURATION = "/flex-api/v1/Configuration"


@pytest.fixture
def configuration_schema(openapi_component):
    """`flex.v1.configuration`."""
    return openapi_component("twilio_flex_v1.json", "flex.v1.configuration")


@pytest.fixture
def account(server, new_subaccount):
    """A fresh subaccount, so each test sees its own configuration: (raw API, twilio client, account SID)."""
    sid, token = new_subaccount("flex configuration")
    return server.raw(auth=(sid, token)), server.client(sid, token), sid


class JsonBody:
    """A JSON body in the form the library serialises (`to_dict`)."""

    def __init__(self, **fields):
        self.fields = fields

    def to_dict(self):
        """The JSON object sent."""
        return self.fields


def post_json(server, auth, body):
    """`POST /v1/Configuration` with a JSON body, as Twilio takes it."""
    return requests.post(server.base_url + CONFIGURATION, data=body if isinstance(body, str) else json.dumps(body), auth=auth,
                         headers={"Content-Type": "application/json"}, timeout=30)


def test_a_new_account_answers_every_property_with_what_switchboard_knows(account, configuration_schema):
    raw, client, sid = account
    body = raw.get(CONFIGURATION).json()
    assert_shape(body, configuration_schema)
    assert body["account_sid"] == sid and body["status"] == "notstarted"
    assert body["taskrouter_workspace_sid"] is None and body["ui_attributes"] is None
    assert body["url"].endswith("/flex-api/v1/Configuration")
    fetched = client.flex_api.v1.configuration().fetch()
    assert fetched.account_sid == sid and fetched.status == "notstarted"


def test_the_flex_workspace_and_chat_service_come_from_the_accounts_task_flow(account, configuration_schema):
    raw, client, sid = account
    center = ContactCenter(client)
    client.flex_api.v1.flex_flow.create(friendly_name=unique_name("studio first"), chat_service_sid=center.chat_service.sid,
                                        channel_type="web", integration_type="studio", integration_flow_sid="FW" + "a" * 32)
    client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("sms"), chat_service_sid=center.chat_service.sid, channel_type="sms", integration_type="task",
        integration_workspace_sid=center.workspace.sid, integration_workflow_sid=center.workflow.sid, integration_channel="sms")
    body = raw.get(CONFIGURATION, UiVersion="1.34.2").json()
    assert_shape(body, configuration_schema)
    offline = next(a.sid for a in center.tr.activities.list() if a.friendly_name == "Offline")
    assert (body["status"], body["taskrouter_workspace_sid"], body["taskrouter_target_workflow_sid"]) == ("ok", center.workspace.sid, center.workflow.sid)
    assert body["chat_service_instance_sid"] == body["flex_service_instance_sid"] == center.chat_service.sid
    assert body["taskrouter_offline_activity_sid"] == offline
    assert body["ui_version"] == "1.34.2"


def test_post_keeps_what_the_client_sets_and_merges_key_by_key(server, account, configuration_schema):
    raw, client, sid = account
    auth = raw.auth
    resp = post_json(server, auth, {"account_sid": sid, "ui_language": "en", "ui_attributes": {"colorTheme": {"baseName": "DarkTheme"}},
                                    "crm_enabled": True, "serverless_service_sids": ["ZS" + "a" * 32],
                                    "taskrouter_skills": [{"name": "sales", "multivalue": False, "minimum": 0, "maximum": 0}],
                                    "something_twilio_does_not_have": 1})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert_shape(body, configuration_schema)
    assert body["ui_attributes"] == {"colorTheme": {"baseName": "DarkTheme"}} and body["crm_enabled"] is True
    assert body["serverless_service_sids"] == ["ZS" + "a" * 32] and body["taskrouter_skills"][0]["name"] == "sales"
    created = body["date_created"]
    # A second POST changes only the keys it names; null clears one.
    again = post_json(server, auth, {"ui_language": "fr", "crm_enabled": None}).json()
    assert again["ui_language"] == "fr" and again["crm_enabled"] is None
    assert again["ui_attributes"] == {"colorTheme": {"baseName": "DarkTheme"}} and again["date_created"] == created
    assert raw.get(CONFIGURATION).json() == again
    assert client.flex_api.v1.configuration().fetch().ui_language == "fr"
    # The library sends the same JSON body from any object with `to_dict`.
    updated = client.flex_api.v1.configuration().update(body=JsonBody(ui_version="1.2.3", public_attributes={"brand": "acme"}))
    assert (updated.ui_version, updated.public_attributes, updated.ui_language) == ("1.2.3", {"brand": "acme"}, "fr")


def test_a_set_workspace_wins_over_the_known_one_and_bad_values_are_refused(server, account):
    raw, client, sid = account
    auth = raw.auth
    workspace = "WS" + "b" * 32
    assert post_json(server, auth, {"taskrouter_workspace_sid": workspace}).json()["taskrouter_workspace_sid"] == workspace
    assert raw.get(CONFIGURATION).json()["status"] == "ok"
    for bad in ({"crm_enabled": "yes"}, {"taskrouter_workspace_sid": "nope"}, {"serverless_service_sids": [1]}, {"integrations": {}}):
        assert_error(post_json(server, auth, bad), 400, 20001)
    assert_error(post_json(server, auth, "[1]"), 400, 20001)
    assert_error(post_json(server, auth, "{not json"), 400, 20001)
    assert raw.get(CONFIGURATION).json()["taskrouter_workspace_sid"] == workspace


def test_one_accounts_configuration_is_not_anothers(server, new_subaccount):
    a_sid, a_token = new_subaccount("config A")
    b_sid, b_token = new_subaccount("config B")
    assert post_json(server, (a_sid, a_token), {"ui_language": "de"}).status_code == 200
    other = server.raw(auth=(b_sid, b_token)).get(CONFIGURATION).json()
    assert other["account_sid"] == b_sid and other["ui_language"] is None
