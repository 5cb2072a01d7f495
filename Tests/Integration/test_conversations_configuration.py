"""The account's Conversations `/v1/Configuration` and a service's `Configuration`, `Configuration/Notifications`
and `Configuration/Webhooks`, through the twilio library. Tests that move the default service run in a
subaccount of their own, so other tests keep theirs."""

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import fake_sid, unique_name
from polling import eventually
from webhook_receiver import WebhookReceiver

CONVERSATIONS = "twilio_conversations_v1.json"


@pytest.fixture
def fresh(server, new_subaccount):
    """A twilio Client and raw access for a new subaccount, whose Conversations were never touched."""
    sid, token = new_subaccount("conversations configuration")
    return server.client(sid, token), server.raw((sid, token)), sid


def test_the_default_service_is_created_on_first_need_and_named_by_the_configuration(fresh, server, openapi_component):
    client, raw, account_sid = fresh
    body = raw.get("/conversations/v1/Configuration").json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.configuration"))
    default = body["default_chat_service_sid"]
    assert default.startswith("IS") and body["account_sid"] == account_sid
    assert body["url"] == f"{server.base_url}/conversations/v1/Configuration"
    assert body["links"] == {"service": f"{server.base_url}/conversations/v1/Services/{default}/Configuration",
                             "webhooks": f"{server.base_url}/conversations/v1/Configuration/Webhooks"}
    assert (body["default_messaging_service_sid"], body["default_inactive_timer"], body["default_closed_timer"]) == (None, None, None)
    # Only one default, however it is reached; it is one of the account's services.
    conversation = client.conversations.v1.conversations.create()
    assert conversation.chat_service_sid == default
    assert client.conversations.v1.configuration().fetch().default_chat_service_sid == default
    assert [s.sid for s in client.conversations.v1.services.list()] == [default]


def test_changing_the_default_service_moves_the_top_level_routes_but_not_old_conversations(fresh, raw, server):
    client, sub_raw, _ = fresh
    old_default = client.conversations.v1.configuration().fetch().default_chat_service_sid
    kept = client.conversations.v1.conversations.create(unique_name="kept")
    other = client.conversations.v1.services.create(friendly_name=unique_name("next default"))
    before = client.conversations.v1.services(other.sid).conversations.create(unique_name="before")

    updated = client.conversations.v1.configuration().update(default_chat_service_sid=other.sid)
    assert updated.default_chat_service_sid == other.sid
    assert client.conversations.v1.configuration().fetch().default_chat_service_sid == other.sid

    # The top-level routes now act on the new default: its conversations appear, the old default's stay behind.
    assert [c.sid for c in client.conversations.v1.conversations.list()] == [before.sid]
    assert client.conversations.v1.conversations("before").fetch().chat_service_sid == other.sid
    assert_error(sub_raw.get(f"/conversations/v1/Conversations/{kept.sid}"), 404, 20404)
    still = client.conversations.v1.services(old_default).conversations("kept").fetch()
    assert (still.sid, still.chat_service_sid) == (kept.sid, old_default)
    created = client.conversations.v1.conversations.create(unique_name="kept")
    assert created.chat_service_sid == other.sid and created.sid != kept.sid

    # Now the old default may be deleted, and the new one may not; back again, nothing moves.
    assert_error(sub_raw.delete(f"/conversations/v1/Services/{other.sid}"), 400, 20001)
    client.conversations.v1.configuration().update(default_chat_service_sid=old_default)
    assert [c.sid for c in client.conversations.v1.conversations.list()] == [kept.sid]
    assert {c.sid for c in client.conversations.v1.services(other.sid).conversations.list()} == {before.sid, created.sid}

    assert_error(sub_raw.post("/conversations/v1/Configuration", {"DefaultChatServiceSid": fake_sid("IS")}), 400, 20001)
    assert_error(sub_raw.post("/conversations/v1/Configuration", {"DefaultChatServiceSid": "nonsense"}), 400, 20001)
    # Another account's service is not one of this account's.
    theirs = server.client(server.account_sid, server.auth_token).conversations.v1.services.create(friendly_name=unique_name("theirs"))
    assert_error(sub_raw.post("/conversations/v1/Configuration", {"DefaultChatServiceSid": theirs.sid}), 400, 20001)
    raw.delete(f"/conversations/v1/Services/{theirs.sid}")


def test_default_timers_and_messaging_service(fresh):
    client, raw, _ = fresh
    messaging = fake_sid("MG")
    updated = client.conversations.v1.configuration().update(
        default_messaging_service_sid=messaging, default_inactive_timer="PT5M", default_closed_timer="PT1H")
    assert (updated.default_messaging_service_sid, updated.default_inactive_timer, updated.default_closed_timer) == (messaging, "PT5M", "PT1H")
    timed = client.conversations.v1.conversations.create()
    assert set(timed.timers) == {"date_inactive", "date_closed"}
    own = client.conversations.v1.conversations.create(timers_closed="PT2H")
    assert own.timers["date_closed"] > timed.timers["date_closed"]

    assert_error(raw.post("/conversations/v1/Configuration", {"DefaultInactiveTimer": "PT30S"}), 400, 20001)
    assert_error(raw.post("/conversations/v1/Configuration", {"DefaultClosedTimer": "PT5M"}), 400, 20001)
    assert_error(raw.post("/conversations/v1/Configuration", {"DefaultClosedTimer": "soon"}), 400, 20001)
    assert_error(raw.post("/conversations/v1/Configuration", {"DefaultMessagingServiceSid": "MG123"}), 400, 20001)
    cleared = raw.post("/conversations/v1/Configuration", {"DefaultInactiveTimer": "", "DefaultClosedTimer": ""}).json()
    assert (cleared["default_inactive_timer"], cleared["default_closed_timer"]) == (None, None)
    assert client.conversations.v1.conversations.create().timers == {}


def test_service_configuration_round_trip(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("configured"))
    root = f"/conversations/v1/Services/{service.sid}/Configuration"
    url = f"{server.base_url}{root}"
    body = raw.get(root).json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_configuration"))
    assert (body["chat_service_sid"], body["url"], body["reachability_enabled"]) == (service.sid, url, False)
    assert body["links"] == {"notifications": f"{url}/Notifications", "webhooks": f"{url}/Webhooks"}
    for key in ("default_conversation_creator_role_sid", "default_conversation_role_sid", "default_chat_service_role_sid"):
        assert body[key].startswith("RL")

    configuration = client.conversations.v1.services(service.sid).configuration()
    updated = configuration.update(reachability_enabled=True, default_conversation_role_sid=body["default_conversation_creator_role_sid"])
    assert updated.reachability_enabled is True
    assert updated.default_conversation_role_sid == body["default_conversation_creator_role_sid"]
    assert configuration.fetch().reachability_enabled is True
    # A conversation role must be one of the service's conversation roles; the service role a service one.
    assert_error(raw.post(root, {"DefaultConversationRoleSid": body["default_chat_service_role_sid"]}), 400, 50101)
    assert_error(raw.post(root, {"DefaultChatServiceRoleSid": fake_sid("RL")}), 400, 50100)
    assert_error(raw.post(root, {"ReachabilityEnabled": "maybe"}), 400, 20001)


def test_service_notifications_round_trip(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("notified"))
    path = f"/conversations/v1/Services/{service.sid}/Configuration/Notifications"
    body = raw.get(path).json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_configuration.service_notification"))
    assert (body["account_sid"], body["chat_service_sid"], body["log_enabled"]) == (server.account_sid, service.sid, False)
    assert body["url"] == f"{server.base_url}{path}"
    assert body["new_message"] == {"enabled": False, "badge_count_enabled": False, "with_media": {"enabled": False}}
    assert body["added_to_conversation"] == {"enabled": False} and body["removed_from_conversation"] == {"enabled": False}

    notifications = client.conversations.v1.services(service.sid).configuration.notifications()
    updated = notifications.update(
        log_enabled=True, new_message_enabled=True, new_message_template="${PARTICIPANT}: ${MESSAGE}", new_message_sound="ping",
        new_message_badge_count_enabled=True, new_message_with_media_enabled=True, new_message_with_media_template="file from ${PARTICIPANT}",
        added_to_conversation_enabled=True, added_to_conversation_template="added to ${CONVERSATION}",
        removed_from_conversation_enabled=False, removed_from_conversation_sound="bye")
    assert updated.log_enabled is True
    assert updated.new_message == {"enabled": True, "template": "${PARTICIPANT}: ${MESSAGE}", "sound": "ping", "badge_count_enabled": True,
                                   "with_media": {"enabled": True, "template": "file from ${PARTICIPANT}"}}
    assert updated.added_to_conversation == {"enabled": True, "template": "added to ${CONVERSATION}"}
    assert updated.removed_from_conversation == {"enabled": False, "sound": "bye"}
    fetched = raw.get(path).json()
    assert fetched["new_message"] == updated.new_message
    assert_shape(fetched, openapi_component(CONVERSATIONS, "conversations.v1.service.service_configuration.service_notification"))
    assert_error(raw.post(path, {"NewMessage.Enabled": "sometimes"}), 400, 20001)


def test_service_webhooks_round_trip(client, raw, server, openapi_component):
    service = client.conversations.v1.services.create(friendly_name=unique_name("hooked"))
    path = f"/conversations/v1/Services/{service.sid}/Configuration/Webhooks"
    body = raw.get(path).json()
    assert_shape(body, openapi_component(CONVERSATIONS, "conversations.v1.service.service_configuration.service_webhook_configuration"))
    assert (body["pre_webhook_url"], body["post_webhook_url"], body["filters"], body["method"]) == (None, None, [], "POST")
    assert body["url"] == f"{server.base_url}{path}"

    webhooks = client.conversations.v1.services(service.sid).configuration.webhooks()
    updated = webhooks.update(pre_webhook_url="https://example.com/pre", post_webhook_url="https://example.com/post",
                              filters=["onMessageAdd", "onConversationAdded"], method="GET")
    assert (updated.pre_webhook_url, updated.post_webhook_url, updated.filters, updated.method) == (
        "https://example.com/pre", "https://example.com/post", ["onMessageAdd", "onConversationAdded"], "GET")
    assert webhooks.fetch().filters == ["onMessageAdd", "onConversationAdded"]
    cleared = raw.post(path, {"PreWebhookUrl": ""}).json()
    assert (cleared["pre_webhook_url"], cleared["post_webhook_url"]) == (None, "https://example.com/post")
    assert_error(raw.post(path, {"PostWebhookUrl": "ftp://example.com"}), 400, 20001)
    assert_error(raw.post(path, {"Method": "PUT"}), 400, 20001)
    assert_error(raw.post(path, {"Filters": "onNothing"}), 400, 20001)
    # Another service's settings are its own.
    other = client.conversations.v1.services.create(friendly_name=unique_name("plain"))
    assert client.conversations.v1.services(other.sid).configuration.webhooks().fetch().post_webhook_url is None
    client.conversations.v1.services(other.sid).delete()
    client.conversations.v1.services(service.sid).delete()
    with pytest.raises(TwilioRestException) as gone:
        webhooks.fetch()
    assert_rest_exception(gone, 404, 20404)


def test_a_services_webhooks_hear_of_its_conversations_only(client, server):
    service = client.conversations.v1.services.create(friendly_name=unique_name("heard"))
    with WebhookReceiver() as receiver:
        client.conversations.v1.services(service.sid).configuration.webhooks().update(
            post_webhook_url=receiver.url("/service"), filters=["onConversationAdded", "onMessageAdded"])
        conversation = client.conversations.v1.services(service.sid).conversations.create(friendly_name="heard")
        client.conversations.v1.services(service.sid).conversations(conversation.sid).messages.create(author="a", body="hi")
        elsewhere = client.conversations.v1.conversations.create(friendly_name="not heard")
        posts = eventually(lambda: len(receiver.snapshot()) >= 2 and receiver.snapshot())
        assert posts, receiver.snapshot()
        assert sorted(p["form"]["EventType"] for p in posts) == ["onConversationAdded", "onMessageAdded"]
        assert {(p["form"]["ConversationSid"], p["form"]["ChatServiceSid"]) for p in posts} == {(conversation.sid, service.sid)}
        for post in posts:
            assert RequestValidator(server.auth_token).validate(receiver.url("/service"), post["form"], post["signature"])
    client.conversations.v1.conversations(elsewhere.sid).delete()
    client.conversations.v1.services(service.sid).delete()
