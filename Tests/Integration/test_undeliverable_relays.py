"""Issue 16, item 7: an agent's message that cannot reach the customer is never silently dropped. On every relay path
the server logs a warning naming the message and the reason, and the API shows the failure: the message's attributes
carry `delivery` (`status: failed`, Twilio's `error_code`), as does the webhook that announces the message."""

import json
import time

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_rest_exception
from factories import unique_name
from flex_contact_center import ContactCenter as ConversationsCenter
from flex_contact_center import customer_number
from polling import eventually
from sandbox import handset
from seed_000 import ContactCenter, phone_number
from webhook_receiver import WebhookReceiver

UNKNOWN_SESSION, SESSION_CLOSED, NO_PARTNER = 80409, 80607, 80614


@pytest.fixture
def chat_message_schema(openapi_component):
    """`chat.v2.service.channel.message`."""
    return openapi_component("twilio_chat_v2.json", "chat.v2.service.channel.message")


def flex_channel(client, center):
    """A Flex Channel of an SMS flow without a task, so the test decides what its `proxySession` names."""
    flow = client.flex_api.v1.flex_flow.create(friendly_name=unique_name("relay"), chat_service_sid=center.chat_service.sid,
                                               channel_type="sms", integration_type="studio", integration_flow_sid="FW" + "a" * 32)
    identity = "sms_" + center.customer.lstrip("+")
    return client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity=identity, chat_user_friendly_name="Ann",
                                             chat_friendly_name="Chat with Ann", target=center.customer)


def name_session(center, channel_sid, session_sid):
    """Step 4 of the seed's walkthrough: the channel's attributes name the session."""
    center.chat_channel(channel_sid).update(attributes=json.dumps({"proxySession": session_sid}))


def assert_failed(message, code):
    """The message's attributes record the failed delivery with Twilio's code."""
    delivery = json.loads(message.attributes)["delivery"]
    assert delivery["status"] == "failed" and delivery["error_code"] == code, delivery
    assert delivery["error_message"]


def logged(server, *words):
    """Whether a line of the server's log holds every one of `words`."""
    def check():
        text = server.process.stderr_path.read_text(errors="replace") + server.process.stdout_path.read_text(errors="replace")
        return any(all(w in line for w in words) for line in text.splitlines())
    return eventually(check, timeout=5)


def nothing_reached(raw, address):
    """Give the outbox time to act, then check the handset got nothing."""
    time.sleep(0.5)
    return handset(raw, address) == []


def agent_writes(center, channel_sid, body="Hello John"):
    """The agent's chat message, posted through the library."""
    return center.chat_channel(channel_sid).messages.create(from_="alice", body=body, attributes=json.dumps({"agent": True}))


def test_a_session_sid_that_names_no_session_fails_the_message_visibly(client, raw, server, chat_message_schema):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    missing = "KC" + "0" * 32
    name_session(center, channel.sid, missing)
    message = agent_writes(center, channel.sid)
    assert_failed(message, UNKNOWN_SESSION)
    # The client's own attributes are kept beside the failure.
    assert json.loads(message.attributes)["agent"] is True
    assert_failed(center.chat_channel(channel.sid).messages(message.sid).fetch(), UNKNOWN_SESSION)
    jsonschema.validate(raw.get(f"/chat/v2/Services/{center.chat_service.sid}/Channels/{channel.sid}/Messages/{message.sid}").json(),
                        chat_message_schema)
    assert logged(server, "Relay: agent message not delivered", message.sid, channel.sid, missing)
    assert nothing_reached(raw, center.customer)


def test_a_closed_session_fails_the_message_visibly(client, raw, server):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer}])
    proxy.sessions(session.sid).update(status="closed")
    name_session(center, channel.sid, session.sid)
    message = agent_writes(center, channel.sid)
    assert_failed(message, SESSION_CLOSED)
    assert logged(server, "Relay: agent message not delivered", message.sid, channel.sid, session.sid)
    assert nothing_reached(raw, center.customer)


def test_a_session_without_the_customer_fails_the_message_visibly(client, raw, server):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only")
    proxy.sessions(session.sid).participants.create(identifier=channel.sid, proxy_identifier=center.number)
    name_session(center, channel.sid, session.sid)
    message = agent_writes(center, channel.sid)
    assert_failed(message, NO_PARTNER)
    assert logged(server, "Relay: agent message not delivered", message.sid, channel.sid)
    assert nothing_reached(raw, center.customer)


def test_the_failure_reaches_the_services_post_webhook_with_the_message(client, raw):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    name_session(center, channel.sid, "KC" + "1" * 32)
    with WebhookReceiver() as receiver:
        client.chat.v2.services(center.chat_service.sid).update(post_webhook_url=receiver.url("/chat"), webhook_filters=["onMessageSent"])
        message = agent_writes(center, channel.sid)
        posts = eventually(lambda: [p for p in receiver.snapshot() if p["form"].get("MessageSid") == message.sid])
    assert posts and posts[0]["form"]["EventType"] == "onMessageSent"
    assert json.loads(posts[0]["form"]["Attributes"])["delivery"]["error_code"] == UNKNOWN_SESSION


def test_a_channel_with_an_open_session_still_relays_and_records_no_failure(client, raw):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer}])
    proxy.sessions(session.sid).participants.create(identifier=channel.sid, proxy_identifier=center.number)
    name_session(center, channel.sid, session.sid)
    message = agent_writes(center, channel.sid, body="Relayed")
    assert "delivery" not in json.loads(message.attributes)
    got = eventually(lambda: handset(raw, center.customer))
    assert [m["body"] for m in got] == ["Relayed"]


def test_a_conversation_message_with_no_customer_participant_fails_visibly(client, raw, server):
    center = ConversationsCenter(client)
    customer, contact = customer_number(), phone_number()
    interaction = center.interaction("sms", customer, contact)
    conversation_sid = json.loads(interaction.routing["properties"]["attributes"])["conversationSid"]
    conversation = client.conversations.v1.conversations(conversation_sid)
    for participant in conversation.participants.list():
        if participant.messaging_binding:
            conversation.participants(participant.sid).delete()
    message = conversation.messages.create(author="agent.ann", body="Anyone there?", attributes=json.dumps({"kept": 1}))
    attributes = json.loads(message.attributes)
    assert attributes["kept"] == 1
    assert attributes["delivery"]["status"] == "failed" and attributes["delivery"]["error_code"] == NO_PARTNER
    assert json.loads(conversation.messages(message.sid).fetch().attributes)["delivery"]["error_code"] == NO_PARTNER
    assert logged(server, "Relay: agent message not delivered", message.sid, conversation_sid)
    assert nothing_reached(raw, customer)


def test_a_conversation_that_is_no_interactions_is_plain_chat_and_records_no_failure(client):
    conversation = client.conversations.v1.conversations.create(friendly_name=unique_name("chat only"))
    client.conversations.v1.conversations(conversation.sid).participants.create(identity="ann")
    message = client.conversations.v1.conversations(conversation.sid).messages.create(author="ann", body="hi")
    assert "delivery" not in json.loads(message.attributes)


def test_a_message_interaction_to_a_deleted_chat_channel_is_refused_and_not_sent_as_sms(client, raw, server):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer}])
    chat_side = proxy.sessions(session.sid).participants.create(identifier=channel.sid, proxy_identifier=center.number)
    client.chat.v2.services(center.chat_service.sid).channels(channel.sid).delete()
    with pytest.raises(TwilioRestException) as exc_info:
        proxy.sessions(session.sid).participants(chat_side.sid).message_interactions.create(body="Into the void")
    assert_rest_exception(exc_info, 400, NO_PARTNER)
    assert logged(server, "Relay: message interaction not delivered", session.sid, chat_side.sid)
    assert nothing_reached(raw, channel.sid)
    assert proxy.sessions(session.sid).interactions.list() == []


def test_a_customer_reply_into_a_session_whose_chat_channel_is_gone_is_logged(client, raw, server):
    center = ContactCenter(client)
    channel = flex_channel(client, center)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer}])
    proxy.sessions(session.sid).participants.create(identifier=channel.sid, proxy_identifier=center.number)
    client.chat.v2.services(center.chat_service.sid).channels(channel.sid).delete()
    resp = raw.post("/sandbox/v1/Messages", {"Channel": "sms", "From": center.customer, "To": center.number, "Body": "Hello?"})
    assert resp.status_code == 201, resp.text
    assert logged(server, "reaches no participant", session.sid)
    assert proxy.sessions(session.sid).interactions.list() == []
