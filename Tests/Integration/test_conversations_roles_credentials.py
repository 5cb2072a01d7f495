"""Conversations v1 Roles (of a named service and of the account's default one), Credentials and Bindings through
the twilio library: the same rows as Chat v2's, in Twilio's `twilio_conversations_v1.json` shapes."""

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import fake_sid, unique_name

SPEC = "twilio_conversations_v1.json"
DEFAULT_ROLES = {"service admin": "service", "service user": "service", "channel admin": "conversation", "channel user": "conversation"}


@pytest.fixture
def schema(openapi_component):
    """A function: component name -> its JSON Schema, from the Conversations v1 spec."""
    return lambda name: openapi_component(SPEC, name)


@pytest.fixture
def list_schema(openapi_answer):
    """A function: path -> the JSON Schema of its GET 200 answer, from the Conversations v1 spec."""
    return lambda path: openapi_answer(SPEC, path)


def test_a_services_roles_are_its_chat_roles_in_conversations_spelling(client, raw, server, schema, list_schema):
    service = client.chat.v2.services.create(friendly_name=unique_name("conversations roles"))
    roles = client.conversations.v1.services(service.sid).roles
    listed = roles.list()
    assert {r.friendly_name: r.type for r in listed} == DEFAULT_ROLES
    assert [r.sid for r in listed] == [r.sid for r in client.chat.v2.services(service.sid).roles.list()]
    body = raw.get(f"/conversations/v1/Services/{service.sid}/Roles").json()
    jsonschema.validate(body, list_schema("/v1/Services/{ChatServiceSid}/Roles"))
    for role in body["roles"]:
        assert_shape(role, schema("conversations.v1.service.service_role"))
        assert role["url"] == f"{server.base_url}/conversations/v1/Services/{service.sid}/Roles/{role['sid']}"
        assert role["chat_service_sid"] == service.sid

    created = roles.create(friendly_name="supervisor", type="conversation", permission=["sendMessage", "removeParticipant"])
    assert (created.type, created.permissions, created.chat_service_sid) == ("conversation", ["sendMessage", "removeParticipant"], service.sid)
    assert client.chat.v2.services(service.sid).roles(created.sid).fetch().type == "channel"
    assert roles(created.sid).fetch().friendly_name == "supervisor"
    assert roles(created.sid).update(permission=["sendMessage"]).permissions == ["sendMessage"]
    assert_shape(raw.get(f"/conversations/v1/Services/{service.sid}/Roles/{created.sid}").json(),
                 schema("conversations.v1.service.service_role"))
    assert roles(created.sid).delete() is True
    with pytest.raises(TwilioRestException) as exc_info:
        roles(created.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)

    path = f"/conversations/v1/Services/{service.sid}/Roles"
    assert_error(raw.post(path, {"FriendlyName": "x", "Type": "channel", "Permission": "sendMessage"}), 400, 50105)
    assert "Type" in assert_error(raw.post(path, {"FriendlyName": "x", "Permission": "sendMessage"}), 400, 20001)["message"]
    assert_error(raw.get(f"/conversations/v1/Services/{fake_sid('IS')}/Roles"), 404, 20404)


def test_the_top_level_roles_are_the_default_services(client, raw, server, schema, list_schema):
    roles = client.conversations.v1.roles.list()
    assert {r.friendly_name: r.type for r in roles} == DEFAULT_ROLES
    default_service = roles[0].chat_service_sid
    assert {r.chat_service_sid for r in roles} == {default_service}
    body = raw.get("/conversations/v1/Roles").json()
    jsonschema.validate(body, list_schema("/v1/Roles"))
    for role in body["roles"]:
        assert_shape(role, schema("conversations.v1.role"))
        assert role["url"] == f"{server.base_url}/conversations/v1/Roles/{role['sid']}"
    created = client.conversations.v1.roles.create(friendly_name=unique_name("lead"), type="service", permission=["createConversation"])
    assert created.chat_service_sid == default_service and created.type == "service"
    assert created.sid in [r.sid for r in client.conversations.v1.services(default_service).roles.list()]
    assert client.conversations.v1.roles(created.sid).fetch().permissions == ["createConversation"]
    assert client.conversations.v1.roles(created.sid).update(permission=["joinConversation"]).permissions == ["joinConversation"]
    assert_shape(raw.get(f"/conversations/v1/Roles/{created.sid}").json(), schema("conversations.v1.role"))
    assert client.conversations.v1.roles(created.sid).delete() is True
    assert_error(raw.get(f"/conversations/v1/Roles/{created.sid}"), 404, 20404)


def test_credentials_are_shared_with_chat_and_answer_no_secret(client, raw, server, schema, list_schema, new_subaccount):
    secret = unique_name("fcm-secret")
    created = client.conversations.v1.credentials.create_with_http_info(type="fcm", friendly_name="android", secret=secret)
    assert created.status_code == 201
    credential = created.data
    assert credential.sid.startswith("CR") and credential.type == "fcm" and credential.sandbox is None
    body = raw.get(f"/conversations/v1/Credentials/{credential.sid}").json()
    assert_shape(body, schema("conversations.v1.credential"))
    assert body["url"] == f"{server.base_url}/conversations/v1/Credentials/{credential.sid}"
    assert client.chat.v2.credentials(credential.sid).fetch().friendly_name == "android"
    listed = raw.get("/conversations/v1/Credentials", PageSize=1000).json()
    jsonschema.validate(listed, list_schema("/v1/Credentials"))
    assert credential.sid in [c["sid"] for c in listed["credentials"]]

    api_key = unique_name("gcm-key")
    assert "ApiKey" in assert_error(raw.post(f"/conversations/v1/Credentials/{credential.sid}", {"Type": "gcm"}), 400, 20001)["message"]
    changed = client.conversations.v1.credentials(credential.sid).update(type="gcm", api_key=api_key, friendly_name="legacy android")
    assert (changed.type, changed.friendly_name) == ("gcm", "legacy android")
    for text in (raw.get(f"/conversations/v1/Credentials/{credential.sid}").text, raw.get("/chat/v2/Credentials").text):
        assert secret not in text and api_key not in text
    log = server.process.stderr_path.read_text() + server.process.stdout_path.read_text()
    assert secret not in log and api_key not in log

    sid, token = new_subaccount("conversations-credentials")
    assert_error(server.raw(auth=(sid, token)).get(f"/conversations/v1/Credentials/{credential.sid}"), 404, 20404)
    assert client.conversations.v1.credentials(credential.sid).delete() is True
    with pytest.raises(TwilioRestException) as exc_info:
        client.chat.v2.credentials(credential.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)


def test_a_services_bindings_list_is_empty_and_no_binding_is_found(client, raw, list_schema, server, new_subaccount):
    service = client.chat.v2.services.create(friendly_name=unique_name("conversations bindings"))
    assert client.conversations.v1.services(service.sid).bindings.list(binding_type=["twilsock"], identity=["ann"]) == []
    body = raw.get(f"/conversations/v1/Services/{service.sid}/Bindings", BindingType="apn").json()
    jsonschema.validate(body, list_schema("/v1/Services/{ChatServiceSid}/Bindings"))
    assert body["bindings"] == [] and body["meta"]["key"] == "bindings"
    assert_error(raw.get(f"/conversations/v1/Services/{service.sid}/Bindings", BindingType="sms"), 400, 20001)
    path = f"/conversations/v1/Services/{service.sid}/Bindings/{fake_sid('BS')}"
    assert_error(raw.get(path), 404, 20404)
    assert_error(raw.delete(path), 404, 20404)
    with pytest.raises(TwilioRestException) as exc_info:
        client.conversations.v1.services(service.sid).bindings(fake_sid("BS")).delete()
    assert_rest_exception(exc_info, 404, 20404)
    sid, token = new_subaccount("conversations-bindings")
    assert_error(server.raw(auth=(sid, token)).get(f"/conversations/v1/Services/{service.sid}/Bindings"), 404, 20404)
    assert_error(server.raw(auth=(sid, token)).get(f"/conversations/v1/Services/{service.sid}/Roles"), 404, 20404)
