"""`/v1/ConversationWithParticipants` and its service twin: a conversation and its participants in one write."""

import json

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import unique_name

CONVERSATIONS = "twilio_conversations_v1.json"


def test_a_conversation_is_created_with_its_participants(client, raw, server, openapi_component):
    name = unique_name("with").replace(" ", "-")
    created = client.conversations.v1.conversation_with_participants.create_with_http_info(
        friendly_name="together", unique_name=name, attributes='{"topic":"billing"}', timers_closed="PT1H",
        participant=[json.dumps({"identity": "cwp-agent", "attributes": '{"role":"agent"}'}),
                     json.dumps({"messaging_binding": {"address": "+15550201010", "proxy_address": "+15550009000"}})])
    assert created.status_code == 201
    conversation = created.data
    assert conversation.sid.startswith("CH") and conversation.friendly_name == "together" and conversation.unique_name == name
    assert conversation.chat_service_sid == client.conversations.v1.configuration().fetch().default_chat_service_sid
    assert conversation.url == f"{server.base_url}/conversations/v1/Conversations/{conversation.sid}"
    assert set(conversation.timers) == {"date_closed"}
    body = raw.post("/conversations/v1/ConversationWithParticipants",
                    {"Participant": json.dumps({"identity": "cwp-solo"}), "DateCreated": "2021-05-06T07:08:09Z"}).json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.conversation_with_participants"))
    assert body["date_created"] == "2021-05-06T07:08:09Z"

    participants = client.conversations.v1.conversations(conversation.sid).participants.list()
    assert [(p.identity, p.attributes) for p in participants] == [("cwp-agent", '{"role":"agent"}'), (None, "{}")]
    assert participants[1].messaging_binding["address"] == "+15550201010"
    assert client.conversations.v1.conversations(name).fetch().sid == conversation.sid
    client.conversations.v1.conversations(conversation.sid).delete()
    client.conversations.v1.conversations(body["sid"]).delete()


def test_a_bad_participant_stores_nothing(client, raw):
    name = unique_name("atomic").replace(" ", "-")
    good = json.dumps({"identity": "cwp-good"})
    for bad, code in [("not json", 20001), (json.dumps(["identity"]), 20001), (json.dumps({}), 50402),
                      (json.dumps({"identity": "x", "messaging_binding": {"address": "+15550201011", "proxy_address": "+15550009000"}}), 50402),
                      (json.dumps({"identity": "cwp-x", "role": "admin"}), 20001),
                      (json.dumps({"identity": "cwp-x", "attributes": "[1"}), 20001),
                      (good, 50433)]:
        assert_error(raw.post("/conversations/v1/ConversationWithParticipants",
                              {"UniqueName": name, "Participant": [good, bad]}), 409 if code == 50433 else 400, code)
    assert_error(raw.get(f"/conversations/v1/Conversations/{name}"), 404, 20404)
    assert_error(raw.post("/conversations/v1/ConversationWithParticipants",
                          {"Participant": [json.dumps({"identity": f"p{i}"}) for i in range(11)]}), 400, 20001)

    # A binding already in an open conversation fails in the write: the conversation is rolled back with it.
    holder = client.conversations.v1.conversations.create()
    client.conversations.v1.conversations(holder.sid).participants.create(
        messaging_binding_address="+15550201012", messaging_binding_proxy_address="+15550009000")
    with pytest.raises(TwilioRestException) as taken:
        client.conversations.v1.conversation_with_participants.create(
            unique_name=name, participant=[good, json.dumps({"messaging_binding": {"address": "+15550201012", "proxy_address": "+15550009000"}})])
    assert_rest_exception(taken, 409, 50416)
    assert_error(raw.get(f"/conversations/v1/Conversations/{name}"), 404, 20404)
    assert client.conversations.v1.participant_conversations.list(identity="cwp-good") == []
    # The unique name is still free.
    assert client.conversations.v1.conversation_with_participants.create(unique_name=name).unique_name == name
    client.conversations.v1.conversations(name).delete()
    client.conversations.v1.conversations(holder.sid).delete()


def test_a_service_conversation_is_created_with_its_participants(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("cwp"))
    created = client.conversations.v1.services(service.sid).conversation_with_participants.create(
        friendly_name="scoped", participant=[json.dumps({"identity": "cwp-scoped"})])
    assert created.chat_service_sid == service.sid
    assert created.url == f"{server.base_url}/conversations/v1/Services/{service.sid}/Conversations/{created.sid}"
    body = raw.post(f"/conversations/v1/Services/{service.sid}/ConversationWithParticipants", {}).json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_conversation_with_participants"))
    participants = client.conversations.v1.services(service.sid).conversations(created.sid).participants.list()
    assert [p.identity for p in participants] == ["cwp-scoped"]
    assert_error(raw.get(f"/conversations/v1/Conversations/{created.sid}"), 404, 20404)
    assert_error(raw.post(f"/conversations/v1/Services/IS{'0' * 32}/ConversationWithParticipants", {}), 404, 20404)
    client.conversations.v1.services(service.sid).delete()
