"""Conversations Users (`/v1/Users`, `/v1/Services/{S}/Users`) and their User Conversations, through the twilio library."""

from datetime import datetime, timezone

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import unique_name

CONVERSATIONS = "twilio_conversations_v1.json"
USER, SERVICE_USER = "conversations.v1.user", "conversations.v1.service.service_user"
USER_CONVERSATION = "conversations.v1.user.user_conversation"
SERVICE_USER_CONVERSATION = "conversations.v1.service.service_user.service_user_conversation"


def new_identity(label: str = "agent") -> str:
    """A fresh identity that needs no escaping in a path."""
    return unique_name(label).replace(" ", ".")


def conversation_with(client, identity: str, **kwargs):
    """A new conversation of the default service in which `identity` takes part."""
    conversation = client.conversations.v1.conversations.create(**kwargs)
    participant = client.conversations.v1.conversations(conversation.sid).participants.create(identity=identity)
    return conversation, participant


def test_users_of_the_default_service_round_trip_as_chat_users(client, raw, server, openapi_component):
    identity = new_identity()
    created = client.conversations.v1.users.create_with_http_info(
        identity=identity, friendly_name="Ann", attributes='{"team":"blue"}', x_twilio_webhook_enabled="true")
    assert created.status_code == 201
    user = created.data
    assert user.sid.startswith("US") and user.account_sid == server.account_sid and user.chat_service_sid.startswith("IS")
    assert (user.identity, user.friendly_name, user.attributes) == (identity, "Ann", '{"team":"blue"}')
    assert user.url == f"{server.base_url}/conversations/v1/Users/{user.sid}"
    assert user.links == {"user_conversations": f"{user.url}/Conversations"}
    assert_shape(raw.get(f"/conversations/v1/Users/{user.sid}").json(), openapi_component(CONVERSATIONS, USER))

    # By SID or by identity, as Twilio allows; and the same user is a Chat user of the service.
    assert client.conversations.v1.users(identity).fetch().sid == user.sid
    chat_user = raw.get(f"/chat/v2/Services/{user.chat_service_sid}/Users/{user.sid}").json()
    assert (chat_user["identity"], chat_user["friendly_name"]) == (identity, "Ann")
    assert user.sid in [u.sid for u in client.conversations.v1.users.list()]
    listed = raw.get("/conversations/v1/Users", PageSize=1000).json()
    assert listed["meta"]["key"] == "users"
    for body in listed["users"]:
        assert_shape(body, openapi_component(CONVERSATIONS, USER))

    updated = client.conversations.v1.users(user.sid).update(friendly_name="Ann B", attributes='{"team":"red"}')
    assert (updated.sid, updated.friendly_name, updated.attributes, updated.identity) == (user.sid, "Ann B", '{"team":"red"}', identity)
    assert updated.date_updated >= user.date_updated

    with pytest.raises(TwilioRestException) as duplicate:
        client.conversations.v1.users.create(identity=identity)
    assert_rest_exception(duplicate, 409, 50201)
    assert_error(raw.post("/conversations/v1/Users", {"FriendlyName": "nobody"}), 400, 20001)
    assert_error(raw.post("/conversations/v1/Users", {"Identity": new_identity("x"), "Attributes": "[1"}), 400, 20001)
    assert_error(raw.post(f"/conversations/v1/Users/{user.sid}", {"Attributes": "not json"}), 400, 20001)

    deleted = client.conversations.v1.users(user.sid).delete_with_http_info()
    assert deleted.status_code == 204
    with pytest.raises(TwilioRestException) as gone:
        client.conversations.v1.users(user.sid).fetch()
    assert_rest_exception(gone, 404, 20404)
    assert_error(raw.delete(f"/conversations/v1/Users/{identity}"), 404, 20404)


def test_users_of_a_named_service_stay_in_it(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("users"))
    identity = new_identity()
    scoped = client.conversations.v1.services(service.sid).users
    created = scoped.create_with_http_info(identity=identity, friendly_name="Bo")
    assert created.status_code == 201
    user = created.data
    assert (user.chat_service_sid, user.identity) == (service.sid, identity)
    assert user.url == f"{server.base_url}/conversations/v1/Services/{service.sid}/Users/{user.sid}"
    assert user.links == {"user_conversations": f"{user.url}/Conversations"}
    assert_shape(raw.get(f"/conversations/v1/Services/{service.sid}/Users/{user.sid}").json(), openapi_component(CONVERSATIONS, SERVICE_USER))
    assert [u.sid for u in scoped.list()] == [user.sid]
    assert scoped(identity).fetch().sid == user.sid
    assert scoped(user.sid).update(friendly_name="Bo C").friendly_name == "Bo C"

    # The default service's routes do not see it, and the identity is free there.
    assert_error(raw.get(f"/conversations/v1/Users/{user.sid}"), 404, 20404)
    assert user.sid not in [u.sid for u in client.conversations.v1.users.list()]
    elsewhere = client.conversations.v1.users.create(identity=identity)
    assert elsewhere.sid != user.sid and elsewhere.chat_service_sid != service.sid

    with pytest.raises(TwilioRestException) as duplicate:
        scoped.create(identity=identity)
    assert_rest_exception(duplicate, 409, 50201)
    assert scoped(user.sid).delete() is True
    assert scoped.list() == []
    assert_error(raw.get(f"/conversations/v1/Services/IS{'0' * 32}/Users"), 404, 20404)


def test_a_users_conversations_carry_its_participants_read_state(client, raw, server, openapi_component):
    user = client.conversations.v1.users.create(identity=new_identity())
    first, first_member = conversation_with(client, user.identity, friendly_name="First", unique_name=new_identity("first"))
    second, _ = conversation_with(client, user.identity, friendly_name="Second")
    other, _ = conversation_with(client, new_identity("someone.else"))
    for body in ("one", "two", "three"):
        client.conversations.v1.conversations(first.sid).messages.create(author="customer", body=body)

    mine = client.conversations.v1.users(user.sid).user_conversations
    listed = mine.list()
    assert [c.conversation_sid for c in listed] == [first.sid, second.sid]
    entry = listed[0]
    assert (entry.user_sid, entry.participant_sid, entry.chat_service_sid) == (user.sid, first_member.sid, user.chat_service_sid)
    assert (entry.friendly_name, entry.unique_name, entry.conversation_state) == ("First", first.unique_name, "active")
    assert (entry.notification_level, entry.last_read_message_index, entry.unread_messages_count) == ("default", None, None)
    assert entry.url == f"{server.base_url}/conversations/v1/Users/{user.sid}/Conversations/{first.sid}"
    assert entry.links == {"participant": f"{server.base_url}/conversations/v1/Conversations/{first.sid}/Participants/{first_member.sid}",
                           "conversation": f"{server.base_url}/conversations/v1/Conversations/{first.sid}"}
    page = raw.get(f"/conversations/v1/Users/{user.sid}/Conversations").json()
    assert page["meta"]["key"] == "conversations"
    for body in page["conversations"]:
        assert_shape(body, openapi_component(CONVERSATIONS, USER_CONVERSATION))
    assert [c.conversation_sid for c in client.conversations.v1.users(user.identity).user_conversations.list(limit=1)] == [first.sid]

    # By the conversation's SID or unique name; a conversation the user takes no part in is 20404.
    assert mine(first.unique_name).fetch().participant_sid == first_member.sid
    with pytest.raises(TwilioRestException) as stranger:
        mine(other.sid).fetch()
    assert_rest_exception(stranger, 404, 20404)

    read = mine(first.sid).update(last_read_message_index=0, notification_level="muted")
    assert (read.last_read_message_index, read.unread_messages_count, read.notification_level) == (0, 2, "muted")
    stamped = mine(first.sid).update(last_read_timestamp=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert (stamped.last_read_message_index, stamped.notification_level) == (0, "muted")
    caught_up = mine(first.sid).update(last_read_message_index=2)
    assert (caught_up.last_read_message_index, caught_up.unread_messages_count) == (2, 0)
    assert mine(first.sid).fetch().notification_level == "muted"
    assert_shape(raw.get(f"/conversations/v1/Users/{user.sid}/Conversations/{first.sid}").json(), openapi_component(CONVERSATIONS, USER_CONVERSATION))
    path = f"/conversations/v1/Users/{user.sid}/Conversations/{first.sid}"
    assert_error(raw.post(path, {"NotificationLevel": "loud"}), 400, 20001)
    assert_error(raw.post(path, {"LastReadMessageIndex": "-1"}), 400, 20001)
    assert_error(raw.post(path, {"LastReadTimestamp": "yesterday"}), 400, 20001)
    # The index is nullable: an empty value clears the horizon.
    cleared = raw.post(path, {"LastReadMessageIndex": ""})
    assert cleared.status_code == 200, cleared.text
    assert (cleared.json()["last_read_message_index"], cleared.json()["unread_messages_count"]) == (None, None)

    # Leaving a conversation removes the user's participant from it.
    assert mine(first.sid).delete() is True
    assert first_member.sid not in [p.sid for p in client.conversations.v1.conversations(first.sid).participants.list()]
    assert [c.conversation_sid for c in mine.list()] == [second.sid]
    assert_error(raw.delete(path), 404, 20404)
    assert_error(raw.get(f"/conversations/v1/Users/US{'0' * 32}/Conversations"), 404, 20404)


def test_a_participants_read_horizon_is_its_user_conversations_both_ways(client, raw, openapi_component):
    user = client.conversations.v1.users.create(identity=new_identity())
    conversation, member = conversation_with(client, user.identity)
    for body in ("one", "two", "three"):
        client.conversations.v1.conversations(conversation.sid).messages.create(author="customer", body=body)
    participant = client.conversations.v1.conversations(conversation.sid).participants(member.sid)
    assert (participant.fetch().last_read_message_index, participant.fetch().last_read_timestamp) == (None, None)

    # Set on the participant, as a Conversations SDK client does, the horizon shows in the user's conversation.
    moved = participant.update(last_read_message_index=1)
    assert moved.last_read_message_index == 1 and moved.last_read_timestamp is not None
    mine = client.conversations.v1.users(user.sid).user_conversations(conversation.sid).fetch()
    assert (mine.last_read_message_index, mine.unread_messages_count) == (1, 1)
    body = raw.get(f"/conversations/v1/Conversations/{conversation.sid}/Participants/{member.sid}").json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.conversation.conversation_participant"))

    # Set on the user's conversation, it shows on the participant; an empty index clears it.
    client.conversations.v1.users(user.sid).user_conversations(conversation.sid).update(last_read_message_index=2)
    assert participant.fetch().last_read_message_index == 2
    cleared = raw.post(f"/conversations/v1/Conversations/{conversation.sid}/Participants/{member.sid}", {"LastReadMessageIndex": ""})
    assert cleared.status_code == 200 and cleared.json()["last_read_message_index"] is None, cleared.text
    assert_error(raw.post(f"/conversations/v1/Conversations/{conversation.sid}/Participants/{member.sid}",
                          {"LastReadMessageIndex": "-1"}), 400, 20001)


def test_a_named_services_user_sees_only_that_services_conversations(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("user conversations"))
    identity = new_identity()
    user = client.conversations.v1.services(service.sid).users.create(identity=identity)
    conversation = client.conversations.v1.services(service.sid).conversations.create(friendly_name="Scoped")
    member = client.conversations.v1.services(service.sid).conversations(conversation.sid).participants.create(identity=identity)
    conversation_with(client, identity, friendly_name="In the default service")

    mine = client.conversations.v1.services(service.sid).users(user.sid).user_conversations
    entry, = mine.list()
    assert (entry.conversation_sid, entry.participant_sid, entry.chat_service_sid) == (conversation.sid, member.sid, service.sid)
    root = f"{server.base_url}/conversations/v1/Services/{service.sid}"
    assert entry.url == f"{root}/Users/{user.sid}/Conversations/{conversation.sid}"
    assert entry.links["conversation"] == f"{root}/Conversations/{conversation.sid}"
    assert_shape(raw.get(f"/conversations/v1/Services/{service.sid}/Users/{user.sid}/Conversations/{conversation.sid}").json(),
                 openapi_component(CONVERSATIONS, SERVICE_USER_CONVERSATION))
    assert mine(conversation.sid).update(last_read_message_index=0).unread_messages_count == 0
    assert mine(conversation.sid).delete() is True
    assert mine.list() == []


def test_another_accounts_users_answer_as_missing(server, new_subaccount):
    a_sid, a_token = new_subaccount("users A")
    b_sid, b_token = new_subaccount("users B")
    a, b = server.raw(auth=(a_sid, a_token)), server.raw(auth=(b_sid, b_token))
    identity = new_identity()
    user = a.post("/conversations/v1/Users", {"Identity": identity})
    assert user.status_code == 201, user.text
    user = user.json()
    conversation = a.post("/conversations/v1/Conversations", {}).json()
    assert a.post(f"/conversations/v1/Conversations/{conversation['sid']}/Participants", {"Identity": identity}).status_code == 201

    for path in (f"/conversations/v1/Users/{user['sid']}", f"/conversations/v1/Users/{identity}",
                 f"/conversations/v1/Services/{user['chat_service_sid']}/Users/{user['sid']}",
                 f"/conversations/v1/Users/{user['sid']}/Conversations",
                 f"/conversations/v1/Users/{user['sid']}/Conversations/{conversation['sid']}"):
        assert_error(b.get(path), 404, 20404)
    assert_error(b.post(f"/conversations/v1/Users/{user['sid']}", {"FriendlyName": "hijacked"}), 404, 20404)
    assert_error(b.delete(f"/conversations/v1/Users/{user['sid']}/Conversations/{conversation['sid']}"), 404, 20404)
    assert_error(b.delete(f"/conversations/v1/Users/{user['sid']}"), 404, 20404)
    assert identity not in [u["identity"] for u in b.get("/conversations/v1/Users").json()["users"]]
    assert a.get(f"/conversations/v1/Users/{user['sid']}").json()["friendly_name"] is None
    assert len(a.get(f"/conversations/v1/Users/{user['sid']}/Conversations").json()["conversations"]) == 1
