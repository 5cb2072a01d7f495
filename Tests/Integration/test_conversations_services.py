"""Conversations services (`/v1/Services`) and the service-scoped mirrors of Conversations, through the twilio library."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import fake_sid, unique_name

CONVERSATIONS = "twilio_conversations_v1.json"


def default_service_sid(client) -> str:
    """The account's default Conversations service, created on first need."""
    return client.conversations.v1.configuration().fetch().default_chat_service_sid


def test_services_round_trip_and_are_chat_services(client, raw, server, openapi_component):
    name = unique_name("service")
    created = client.conversations.v1.services.create_with_http_info(friendly_name=name)
    assert created.status_code == 201
    service = created.data
    assert service.sid.startswith("IS") and service.account_sid == server.account_sid and service.friendly_name == name
    url = f"{server.base_url}/conversations/v1/Services/{service.sid}"
    assert service.url == url
    assert service.links == {key: f"{url}/{path}" for key, path in [
        ("conversations", "Conversations"), ("users", "Users"), ("roles", "Roles"), ("bindings", "Bindings"),
        ("configuration", "Configuration"), ("participant_conversations", "ParticipantConversations")]}
    assert_shape(raw.get(f"/conversations/v1/Services/{service.sid}").json(), openapi_component(CONVERSATIONS, "conversations.v1.service"))

    assert client.conversations.v1.services(service.sid).fetch().friendly_name == name
    assert service.sid in [s.sid for s in client.conversations.v1.services.list()]
    listed = raw.get("/conversations/v1/Services", PageSize=1000).json()
    assert listed["meta"]["key"] == "services"
    for body in listed["services"]:
        assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service"))
    # The same service is a Chat v2 service.
    assert raw.get(f"/chat/v2/Services/{service.sid}").json()["friendly_name"] == name

    assert_error(raw.post("/conversations/v1/Services", {}), 400, 20001)
    assert_error(raw.post("/conversations/v1/Services", {"FriendlyName": "x" * 257}), 400, 20001)
    assert_error(raw.get(f"/conversations/v1/Services/{fake_sid('IS')}"), 404, 20404)

    assert client.conversations.v1.services(service.sid).delete_with_http_info().status_code == 204
    with pytest.raises(TwilioRestException) as gone:
        client.conversations.v1.services(service.sid).fetch()
    assert_rest_exception(gone, 404, 20404)
    assert_error(raw.get(f"/chat/v2/Services/{service.sid}"), 404, 20404)


def test_the_default_service_cannot_be_deleted(client, raw):
    default = default_service_sid(client)
    assert_error(raw.delete(f"/conversations/v1/Services/{default}"), 400, 20001)
    assert client.conversations.v1.services(default).fetch().sid == default


def test_conversations_of_a_service_live_apart_from_the_default_service(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("apart"))
    scoped = client.conversations.v1.services(service.sid).conversations
    name = unique_name("shared-name").replace(" ", "-")
    created = scoped.create_with_http_info(friendly_name="in service", unique_name=name, attributes='{"a":1}')
    assert created.status_code == 201
    conversation = created.data
    url = f"{server.base_url}/conversations/v1/Services/{service.sid}/Conversations/{conversation.sid}"
    assert (conversation.chat_service_sid, conversation.url) == (service.sid, url)
    assert conversation.links == {"participants": f"{url}/Participants", "messages": f"{url}/Messages", "webhooks": f"{url}/Webhooks"}
    body = raw.get(f"/conversations/v1/Services/{service.sid}/Conversations/{conversation.sid}").json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_conversation"))

    # By SID or unique name in its service; invisible to the top-level routes, which act on the default service.
    assert scoped(name).fetch().sid == conversation.sid
    assert [c.sid for c in scoped.list()] == [conversation.sid]
    assert_error(raw.get(f"/conversations/v1/Conversations/{conversation.sid}"), 404, 20404)
    assert conversation.sid not in [c.sid for c in client.conversations.v1.conversations.list()]

    # Unique names are unique per service: the default service may reuse it, the same service may not.
    top = client.conversations.v1.conversations.create(unique_name=name)
    assert top.chat_service_sid == default_service_sid(client)
    assert top.url == f"{server.base_url}/conversations/v1/Conversations/{top.sid}"
    with pytest.raises(TwilioRestException) as taken:
        scoped.create(unique_name=name)
    assert_rest_exception(taken, 409, 50353)
    assert_error(raw.get(f"/conversations/v1/Services/{service.sid}/Conversations/{top.sid}"), 404, 20404)

    updated = scoped(conversation.sid).update(friendly_name="renamed", state="inactive")
    assert (updated.friendly_name, updated.state, updated.chat_service_sid) == ("renamed", "inactive", service.sid)
    assert [c.sid for c in scoped.list(state="inactive")] == [conversation.sid]
    assert scoped.list(state="active") == []
    assert scoped(conversation.sid).delete_with_http_info().status_code == 204
    assert scoped.list() == []
    client.conversations.v1.conversations(top.sid).delete()
    client.conversations.v1.services(service.sid).delete()


def test_participants_messages_receipts_and_webhooks_under_a_service(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("scoped"))
    root = f"/conversations/v1/Services/{service.sid}"
    conversation = client.conversations.v1.services(service.sid).conversations.create(friendly_name="scoped")
    handle = client.conversations.v1.services(service.sid).conversations(conversation.sid)
    base = f"{server.base_url}{root}/Conversations/{conversation.sid}"

    participant = handle.participants.create(identity="agent-scoped", attributes='{"role":"agent"}')
    assert (participant.chat_service_sid, participant.conversation_sid, participant.identity) == (service.sid, conversation.sid, "agent-scoped")
    assert participant.url == f"{base}/Participants/{participant.sid}"
    body = raw.get(f"{root}/Conversations/{conversation.sid}/Participants/{participant.sid}").json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_conversation.service_conversation_participant"))
    customer = handle.participants.create(messaging_binding_address="+15550102030", messaging_binding_proxy_address="+15550009999")
    assert handle.participants("agent-scoped").fetch().sid == participant.sid
    assert [p.sid for p in handle.participants.list()] == [participant.sid, customer.sid]
    assert handle.participants(participant.sid).update(attributes='{"role":"lead"}').attributes == '{"role":"lead"}'
    # The conversation is not reachable through the top-level routes, nor its participants.
    assert_error(raw.get(f"/conversations/v1/Conversations/{conversation.sid}/Participants"), 404, 20404)

    created = handle.messages.create_with_http_info(author="agent-scoped", body="hello")
    assert created.status_code == 201
    message = created.data
    assert (message.chat_service_sid, message.index, message.body) == (service.sid, 0, "hello")
    assert message.url == f"{base}/Messages/{message.sid}"
    body = raw.get(f"{root}/Conversations/{conversation.sid}/Messages/{message.sid}").json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_conversation.service_conversation_message"))
    assert [m.sid for m in handle.messages.list()] == [message.sid]

    updated = handle.messages(message.sid).update(body="hello again", attributes='{"edited":true}', author="editor",
                                                  subject="re: hello")
    assert (updated.body, updated.attributes, updated.author) == ("hello again", '{"edited":true}', "editor")
    dated = raw.post(f"{root}/Conversations/{conversation.sid}/Messages/{message.sid}",
                     {"DateCreated": "2020-01-02T03:04:05Z", "DateUpdated": "2020-01-03T00:00:00Z"}).json()
    assert (dated["date_created"], dated["date_updated"]) == ("2020-01-02T03:04:05Z", "2020-01-03T00:00:00Z")
    assert_error(raw.post(f"{root}/Conversations/{conversation.sid}/Messages/{message.sid}", {"Attributes": "[1"}), 400, 20001)
    assert_error(raw.post(f"{root}/Conversations/{conversation.sid}/Messages/{message.sid}", {"DateCreated": "yesterday"}), 400, 20001)

    receipts = handle.messages(message.sid).delivery_receipts.list()
    assert len(receipts) == 1 and receipts[0].message_sid == message.sid and receipts[0].participant_sid == customer.sid
    receipt = raw.get(f"{root}/Conversations/{conversation.sid}/Messages/{message.sid}/Receipts/{receipts[0].sid}").json()
    assert receipt["url"] == f"{base}/Messages/{message.sid}/Receipts/{receipts[0].sid}"
    assert_shape(receipt, openapi_component(
        CONVERSATIONS, "conversations.v1.service.service_conversation.service_conversation_message.service_conversation_message_receipt"))

    webhook = handle.webhooks.create(target="webhook", configuration_url="https://example.com/hook",
                                     configuration_filters=["onMessageAdded"])
    assert (webhook.chat_service_sid, webhook.conversation_sid) == (service.sid, conversation.sid)
    assert webhook.url == f"{base}/Webhooks/{webhook.sid}"
    body = raw.get(f"{root}/Conversations/{conversation.sid}/Webhooks/{webhook.sid}").json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_conversation.service_conversation_scoped_webhook"))
    assert [w.sid for w in handle.webhooks.list()] == [webhook.sid]
    assert handle.webhooks(webhook.sid).update(configuration_url="https://example.com/other").configuration["url"] == "https://example.com/other"
    assert handle.webhooks(webhook.sid).delete() is True

    found = client.conversations.v1.services(service.sid).participant_conversations.list(identity="agent-scoped")
    assert [(p.conversation_sid, p.chat_service_sid) for p in found] == [(conversation.sid, service.sid)]
    listed = raw.get(f"{root}/ParticipantConversations", Identity="agent-scoped").json()
    assert listed["meta"]["url"].startswith(f"{server.base_url}{root}/ParticipantConversations")
    for body in listed["conversations"]:
        assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_participant_conversation"))
    assert client.conversations.v1.participant_conversations.list(identity="agent-scoped") == []

    assert handle.messages(message.sid).delete() is True
    assert handle.participants(customer.sid).delete() is True
    assert [p.sid for p in handle.participants.list()] == [participant.sid]
    client.conversations.v1.services(service.sid).delete()


def test_top_level_messages_can_be_updated(client, raw, openapi_component):
    conversation = client.conversations.v1.conversations.create(friendly_name="edit me")
    message = client.conversations.v1.conversations(conversation.sid).messages.create(author="a", body="first")
    updated = client.conversations.v1.conversations(conversation.sid).messages(message.sid).update(body="second")
    assert (updated.sid, updated.body, updated.index, updated.author) == (message.sid, "second", 0, "a")
    body = raw.get(f"/conversations/v1/Conversations/{conversation.sid}/Messages/{message.sid}").json()
    assert body["body"] == "second"
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.conversation.conversation_message"))
    assert_error(raw.post(f"/conversations/v1/Conversations/{conversation.sid}/Messages/IM{'0' * 32}", {"Body": "x"}), 404, 20404)
    client.conversations.v1.conversations(conversation.sid).delete()


def test_deleting_a_service_removes_its_conversations(client, raw):
    service = client.conversations.v1.services.create(friendly_name=unique_name("doomed"))
    conversation = client.conversations.v1.services(service.sid).conversations.create(unique_name=unique_name("doomed"))
    client.conversations.v1.services(service.sid).conversations(conversation.sid).participants.create(
        messaging_binding_address="+15550104040", messaging_binding_proxy_address="+15550009998")
    client.conversations.v1.services(service.sid).delete()
    assert_error(raw.get(f"/conversations/v1/Services/{service.sid}/Conversations/{conversation.sid}"), 404, 20404)
    # Its participant's binding went with it: the address is free for a conversation elsewhere.
    other = client.conversations.v1.conversations.create()
    client.conversations.v1.conversations(other.sid).participants.create(
        messaging_binding_address="+15550104040", messaging_binding_proxy_address="+15550009998")
    client.conversations.v1.conversations(other.sid).delete()


def test_another_accounts_service_is_not_found(server, client, raw, new_subaccount):
    service = client.conversations.v1.services.create(friendly_name=unique_name("mine"))
    conversation = client.conversations.v1.services(service.sid).conversations.create()
    sub_sid, sub_token = new_subaccount("services")
    other = server.client(sub_sid, sub_token)
    for call in (lambda: other.conversations.v1.services(service.sid).fetch(),
                 lambda: other.conversations.v1.services(service.sid).delete(),
                 lambda: other.conversations.v1.services(service.sid).conversations.create(),
                 lambda: other.conversations.v1.services(service.sid).conversations(conversation.sid).fetch(),
                 lambda: other.conversations.v1.services(service.sid).configuration().fetch()):
        with pytest.raises(TwilioRestException) as hidden:
            call()
        assert_rest_exception(hidden, 404, 20404)
    # A page the library cannot read raises its own exception, so lists are checked over raw HTTP.
    other_raw = server.raw((sub_sid, sub_token))
    for path in ("Conversations", "ParticipantConversations?Identity=x", "Configuration/Webhooks"):
        assert_error(other_raw.get(f"/conversations/v1/Services/{service.sid}/{path}"), 404, 20404)
    assert service.sid not in [s.sid for s in other.conversations.v1.services.list()]
    assert client.conversations.v1.services(service.sid).conversations(conversation.sid).fetch().sid == conversation.sid
    client.conversations.v1.services(service.sid).delete()
