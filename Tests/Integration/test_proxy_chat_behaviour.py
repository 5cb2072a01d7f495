"""Proxy and Programmable Chat behaviour beyond the seed's happy path: conflicts, pool selection, TTL, the
out-of-session callback, chat webhooks, long-lived channels and the external integration."""

from assertions import assert_error
from factories import unique_name
from polling import eventually
from seed_000 import ContactCenter, phone_number
from webhook_receiver import WebhookReceiver


def proxy_path(center, rest=""):
    """The raw path of the center's Proxy service, plus `rest`."""
    return f"/proxy/v1/Services/{center.proxy_service.sid}{rest}"


def test_a_session_has_two_participants_at_most(client, raw):
    center = ContactCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    client.proxy.v1.services(center.proxy_service.sid).phone_numbers.create(phone_number=phone_number())
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": phone_number()}, {"identifier": phone_number()}])
    assert len(proxy.sessions(session.sid).participants.list()) == 2
    resp = raw.post(proxy_path(center, f"/Sessions/{session.sid}/Participants"), {"Identifier": phone_number()})
    assert_error(resp, 400, 80609)


def test_one_identifier_never_gets_the_same_proxy_number_in_two_open_sessions(client, raw):
    center = ContactCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    first = proxy.sessions.create(participants=[{"Identifier": center.customer}])
    assert proxy.sessions(first.sid).participants.list()[0].proxy_identifier == center.number
    second = proxy.sessions.create()
    resp = raw.post(proxy_path(center, f"/Sessions/{second.sid}/Participants"), {"Identifier": center.customer})
    assert_error(resp, 409, 80604)
    # A second pool number is free for the pair, so Proxy picks it.
    other = phone_number()
    proxy.phone_numbers.create(phone_number=other)
    assert proxy.sessions(second.sid).participants.create(identifier=center.customer).proxy_identifier == other
    assert {n.phone_number: n.in_use for n in proxy.phone_numbers.list()} == {center.number: 1, other: 1}


def test_a_proxy_identifier_outside_the_pool_is_refused(client, raw):
    center = ContactCenter(client)
    session = client.proxy.v1.services(center.proxy_service.sid).sessions.create()
    resp = raw.post(proxy_path(center, f"/Sessions/{session.sid}/Participants"),
                    {"Identifier": center.customer, "ProxyIdentifier": phone_number()})
    assert_error(resp, 400, 80402)


def test_a_session_closes_when_its_ttl_passes_without_interactions(client):
    center = ContactCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(ttl=1, participants=[{"Identifier": center.customer}])
    assert session.status == "open" and session.date_expiry is not None
    closed = eventually(lambda: (s := proxy.sessions(session.sid).fetch()).status == "closed" and s, timeout=10)
    assert closed and closed.closed_reason == "ttl"


def test_a_message_to_a_pool_number_without_an_open_session_goes_to_the_out_of_session_callback(client, raw):
    center = ContactCenter(client)
    with WebhookReceiver() as receiver:
        client.proxy.v1.services(center.proxy_service.sid).update(out_of_session_callback_url=receiver.url("/oos"))
        resp = raw.post("/sandbox/v1/Messages", {"Channel": "sms", "From": center.customer, "To": center.number, "Body": "hello?"})
        assert resp.status_code == 201, resp.text
        posts = eventually(lambda: receiver.snapshot())
    assert posts[0]["path"] == "/oos"
    assert posts[0]["form"]["From"] == center.customer and posts[0]["form"]["To"] == center.number
    assert posts[0]["form"]["Body"] == "hello?"


def test_a_message_interaction_reaches_the_participant_from_its_proxy_number(client, raw):
    center = ContactCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(participants=[{"Identifier": center.customer}])
    participant = proxy.sessions(session.sid).participants.list()[0]
    interaction = proxy.sessions(session.sid).participants(participant.sid).message_interactions.create(body="Your driver is here")
    assert interaction.outbound_participant_sid == participant.sid and interaction.outbound_resource_type == "Message"
    delivered = eventually(lambda: [m for m in raw.get("/sandbox/v1/Messages", Address=center.customer).json()["messages"]])
    assert [(m["from"], m["body"]) for m in delivered] == [(center.number, "Your driver is here")]
    assert [i.sid for i in proxy.sessions(session.sid).interactions.list()] == [interaction.sid]
    assert proxy.sessions(session.sid).fetch().status == "in-progress"


def test_chat_service_and_channel_webhooks_receive_message_events_through_the_outbox(client):
    center = ContactCenter(client)
    with WebhookReceiver() as receiver:
        client.chat.v2.services(center.chat_service.sid).update(post_webhook_url=receiver.url("/service"), webhook_filters=["onMessageSent"])
        channel = client.chat.v2.services(center.chat_service.sid).channels.create(friendly_name="support")
        chat = center.chat_channel(channel.sid)
        hook = chat.webhooks.create(type="webhook", configuration_url=receiver.url("/channel"), configuration_filters=["onMessageSent"])
        assert hook.configuration["filters"] == ["onMessageSent"]
        chat.webhooks.create(type="trigger", configuration_url=receiver.url("/trigger"), configuration_triggers=["refund"])
        chat.messages.create(body="hello", from_="alice")
        chat.messages.create(body="I want a refund please", from_="alice")
        posts = eventually(lambda: len(receiver.snapshot()) >= 5 and receiver.snapshot())
    assert posts, receiver.snapshot()
    by_path = {}
    for post in posts:
        by_path.setdefault(post["path"], []).append(post["form"]["Body"])
    assert sorted(by_path["/service"]) == ["I want a refund please", "hello"]
    assert sorted(by_path["/channel"]) == ["I want a refund please", "hello"]
    assert by_path["/trigger"] == ["I want a refund please"]
    assert {post["form"]["EventType"] for post in posts} == {"onMessageSent"}


def test_a_long_lived_flow_hands_back_the_identitys_active_channel(client):
    center = ContactCenter(client)
    flow = client.flex_api.v1.flex_flow.create(friendly_name=unique_name("long lived"), chat_service_sid=center.chat_service.sid,
                                               channel_type="sms", integration_type="studio", integration_flow_sid="FW" + "a" * 32,
                                               long_lived=True)
    first = client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity="sms_15550001", chat_user_friendly_name="Ann",
                                              chat_friendly_name="Chat with Ann")
    again = client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity="sms_15550001", chat_user_friendly_name="Ann",
                                              chat_friendly_name="Chat with Ann")
    assert again.sid == first.sid and first.task_sid is None
    assert center.chat_channel(first.sid).members.list()[0].identity == "sms_15550001"
    user = client.chat.v2.services(center.chat_service.sid).users(first.user_sid).fetch()
    assert user.identity == "sms_15550001" and user.joined_channels_count == 1


def test_an_external_flow_is_told_of_each_new_channel_at_its_url(client):
    center = ContactCenter(client)
    with WebhookReceiver() as receiver:
        flow = client.flex_api.v1.flex_flow.create(friendly_name=unique_name("external"), chat_service_sid=center.chat_service.sid,
                                                   channel_type="sms", integration_type="external", integration_url=receiver.url("/flex"))
        channel = client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity="sms_15550002", chat_user_friendly_name="Bob",
                                                    chat_friendly_name="Chat with Bob", target="+15550002")
        posts = eventually(lambda: receiver.snapshot())
    assert posts[0]["path"] == "/flex"
    assert posts[0]["form"]["ChannelSid"] == channel.sid and posts[0]["form"]["FlexFlowSid"] == flow.sid


def test_flex_channel_create_names_the_first_missing_parameter_and_an_unknown_flow_is_404(raw):
    resp = raw.post("/flex-api/v1/Channels", {"Identity": "sms_1", "ChatUserFriendlyName": "A", "ChatFriendlyName": "B"})
    assert "FlexFlowSid" in assert_error(resp, 400, 20001)["message"]
    resp = raw.post("/flex-api/v1/Channels", {"FlexFlowSid": "FO" + "0" * 32, "Identity": "sms_1", "ChatUserFriendlyName": "A",
                                              "ChatFriendlyName": "B"})
    assert_error(resp, 404, 20404)


def test_chat_and_proxy_resources_of_another_account_are_not_found(client, server, new_subaccount):
    center = ContactCenter(client)
    sid, token = new_subaccount("proxy isolation")
    stranger = server.raw(auth=(sid, token))
    assert_error(stranger.get(f"/chat/v2/Services/{center.chat_service.sid}"), 404, 20404)
    assert_error(stranger.get(proxy_path(center)), 404, 20404)
    assert_error(stranger.get(proxy_path(center, "/PhoneNumbers")), 404, 20404)


def test_a_first_message_to_a_flows_contact_identity_opens_a_conversation_with_a_task(client, raw):
    center = ContactCenter(client)
    flow = client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("inbound"), chat_service_sid=center.chat_service.sid, channel_type="sms", contact_identity=center.number,
        integration_type="task", integration_workspace_sid=center.workspace.sid, integration_workflow_sid=center.workflow.sid,
        integration_channel="sms")
    resp = raw.post("/sandbox/v1/Messages", {"Channel": "sms", "From": center.customer, "To": center.number, "Body": "Is my order late?"})
    assert resp.status_code == 201, resp.text

    channels = client.flex_api.v1.channel.list()
    opened = [c for c in channels if c.flex_flow_sid == flow.sid]
    assert len(opened) == 1 and opened[0].task_sid is not None
    chat = center.chat_channel(opened[0].sid)
    assert [(m._from, m.body) for m in chat.messages.list()] == [("sms_" + center.customer[1:], "Is my order late?")]
    assert eventually(lambda: center.tr.tasks(opened[0].task_sid).reservations.list())[0].worker_sid == center.agent.sid

    # The channel now names its session, so the agent's answer goes back to the customer from the same number.
    chat.messages.create(body="It ships today", from_="alice")
    delivered = eventually(lambda: [m for m in raw.get("/sandbox/v1/Messages", Address=center.customer).json()["messages"]])
    assert [(m["from"], m["body"]) for m in delivered] == [(center.number, "It ships today")]


def test_the_janitor_keeps_a_long_lived_channel_open_for_the_next_conversation(client):
    center = ContactCenter(client)
    flow = client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("long lived janitor"), chat_service_sid=center.chat_service.sid, channel_type="sms",
        integration_type="task", integration_workspace_sid=center.workspace.sid, integration_workflow_sid=center.workflow.sid,
        integration_channel="sms", long_lived=True, janitor_enabled=True)
    channel = client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity="sms_15550003", chat_user_friendly_name="Cy",
                                                chat_friendly_name="Chat with Cy", target=center.customer)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(participants=[{"Identifier": center.customer}])
    center.chat_channel(channel.sid).update(attributes='{"proxySession": "%s", "status": "ACTIVE"}' % session.sid)
    center.tr.tasks(channel.task_sid).update(assignment_status="canceled", reason="customer left")

    assert proxy.sessions(session.sid).fetch().status == "closed"
    assert '"status": "ACTIVE"' in center.chat_channel(channel.sid).fetch().attributes
    again = client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity="sms_15550003", chat_user_friendly_name="Cy",
                                              chat_friendly_name="Chat with Cy")
    assert again.sid == channel.sid


def test_a_whatsapp_flow_relays_over_whatsapp_from_the_proxy_number(client, raw):
    center = ContactCenter(client)
    flow = client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("whatsapp"), chat_service_sid=center.chat_service.sid, channel_type="whatsapp",
        integration_type="studio", integration_flow_sid="FW" + "b" * 32)
    channel = client.flex_api.v1.channel.create(flex_flow_sid=flow.sid, identity="whatsapp_" + center.customer[1:],
                                                chat_user_friendly_name="Di", chat_friendly_name="WhatsApp with Di")
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": "whatsapp:" + center.customer},
                                                                       {"Identifier": channel.sid, "ProxyIdentifier": center.number}])
    center.chat_channel(channel.sid).update(attributes='{"proxySession": "%s"}' % session.sid)
    center.chat_channel(channel.sid).messages.create(body="Hola", from_="alice")
    delivered = eventually(lambda: raw.get("/sandbox/v1/Messages", Address="whatsapp:" + center.customer).json()["messages"])
    assert [(m["channel"], m["from"], m["body"]) for m in delivered] == [("whatsapp", "whatsapp:" + center.number, "Hola")]

    resp = raw.post("/sandbox/v1/Messages", {"Channel": "whatsapp", "From": "whatsapp:" + center.customer,
                                             "To": "whatsapp:" + center.number, "Body": "Gracias"})
    assert resp.status_code == 201, resp.text
    assert eventually(lambda: [m.body for m in center.chat_channel(channel.sid).messages.list() if m.body == "Gracias"])


def test_the_services_callback_url_hears_of_every_relayed_message(client, raw):
    center = ContactCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    with WebhookReceiver() as receiver:
        proxy.update(callback_url=receiver.url("/interactions"))
        session = proxy.sessions.create(participants=[{"Identifier": center.customer}])
        participant = proxy.sessions(session.sid).participants.list()[0]
        interaction = proxy.sessions(session.sid).participants(participant.sid).message_interactions.create(body="On my way")
        posts = eventually(lambda: receiver.snapshot())
    assert posts[0]["path"] == "/interactions"
    assert posts[0]["form"]["interactionSid"] == interaction.sid
    assert posts[0]["form"]["outboundParticipantSid"] == participant.sid
    assert posts[0]["form"]["outboundResourceType"] == "Message"


def test_an_edited_chat_message_says_so_and_is_not_relayed_again(client, raw):
    center = ContactCenter(client)
    channel = client.chat.v2.services(center.chat_service.sid).channels.create(friendly_name="edits")
    chat = center.chat_channel(channel.sid)
    message = chat.messages.create(body="Helo", from_="alice")
    assert message.was_edited is False and message.index == 0
    edited = chat.messages(message.sid).update(body="Hello", last_updated_by="alice")
    assert (edited.body, edited.was_edited, edited.last_updated_by) == ("Hello", True, "alice")
    member = chat.members.create(identity="bob")
    assert chat.members(member.sid).update(attributes='{"role": "supervisor"}').attributes == '{"role": "supervisor"}'
    assert chat.fetch().members_count == 1 and chat.fetch().messages_count == 1


def test_concurrent_posts_to_one_chat_channel_take_consecutive_indexes(client):
    from concurrent.futures import ThreadPoolExecutor

    service = client.chat.v2.services.create(friendly_name=unique_name("index race"))
    channel = client.chat.v2.services(service.sid).channels.create(friendly_name="race")
    messages = client.chat.v2.services(service.sid).channels(channel.sid).messages

    with ThreadPoolExecutor(max_workers=8) as pool:
        posted = list(pool.map(lambda i: messages.create(body=f"message {i}", from_="agent"), range(24)))
    assert sorted(m.index for m in posted) == list(range(24))
    assert sorted(m.index for m in messages.list()) == list(range(24))
