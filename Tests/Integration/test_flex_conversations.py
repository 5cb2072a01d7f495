"""Flex interactions and Conversations driven through the official library: threading, the WhatsApp window,
email and chat, closing, and the errors Twilio gives."""

import json
import signal
import time

import pytest
from twilio.base.exceptions import TwilioRestException

from twilio.rest import Client

from factories import fake_sid, random_auth_token
from flex_contact_center import ContactCenter, approved_template, customer_number, customer_writes, received
from polling import eventually
from raw_http import RawApi
from server_process import ServerProcess, clean_env
from switchboard_client import PATH_MODE, SwitchboardHttpClient

CONTACT_CENTER = "+15005550006"


def test_a_customers_reply_threads_into_the_same_conversation_and_reaches_the_same_agent(client, raw):
    center = ContactCenter(client)
    customer = customer_number()
    interaction = center.interaction("sms", customer, CONTACT_CENTER)
    task = center.task_of(interaction)
    center.accept(task["sid"])
    conversation = client.conversations.v1.conversations(task["attributes"]["conversationSid"])
    conversation.messages.create(author=center.agent.friendly_name, body="Your order is on its way")
    assert [m["body"] for m in received(raw, customer)] == ["Your order is on its way"]

    customer_writes(raw, "sms", customer, CONTACT_CENTER, "Thanks! When will it arrive?")

    messages = eventually(lambda: (lambda listed: listed if len(listed) == 2 else None)(conversation.messages.list()))
    assert [(m.index, m.author, m.body) for m in messages] == [
        (0, "agent.ann", "Your order is on its way"), (1, customer, "Thanks! When will it arrive?")]
    customer_participant = next(p for p in conversation.participants.list() if p.messaging_binding)
    assert messages[1].participant_sid == customer_participant.sid
    # The same task, still with the agent who accepted it: the reply reached that agent.
    assert center.task_status(task["sid"]) == "assigned"
    assert [r.worker_sid for r in center.reservations(task["sid"])] == [center.agent.sid]
    assert len(client.taskrouter.v1.workspaces(center.workspace.sid).tasks.list()) == 1
    # The customer's own message is not sent back to the customer.
    assert [m["body"] for m in received(raw, customer)] == ["Your order is on its way"]


def test_whatsapp_free_text_flows_inside_the_window_and_the_window_is_visible(client, raw):
    center = ContactCenter(client)
    customer = "whatsapp:" + customer_number()
    proxy = "whatsapp:" + CONTACT_CENTER
    interaction = center.interaction("whatsapp", customer, proxy)
    conversation = client.conversations.v1.conversations(center.task_of(interaction)["attributes"]["conversationSid"])
    binding = next(p for p in conversation.participants.list() if p.messaging_binding).messaging_binding
    assert binding["window_closes_at"] is None

    customer_writes(raw, "whatsapp", customer, proxy, "Hi, I need help")
    binding = next(p for p in conversation.participants.list() if p.messaging_binding).messaging_binding
    assert binding["window_closes_at"] is not None
    conversation.messages.create(author="agent.ann", body="Happy to help")
    assert [m["body"] for m in received(raw, customer)] == ["Happy to help"]


@pytest.fixture
def short_window_server(switchboard_bin, tmp_path):
    """A server whose customer-care window lasts 2 seconds instead of 24 hours."""
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token,
                     "SWITCHBOARD_MESSAGING_WINDOW_SECONDS": "2"})
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "window.sqlite"), env, name="short-window")
    process.start()
    yield process, account_sid, auth_token
    assert process.stop(signal.SIGTERM) == 0


def test_after_the_window_closes_free_text_is_refused_with_63016_and_a_template_goes_through(short_window_server):
    process, account_sid, auth_token = short_window_server
    client = Client(account_sid, auth_token, http_client=SwitchboardHttpClient(process.base_url, PATH_MODE, timeout=30))
    raw = RawApi(process.base_url, (account_sid, auth_token))
    center = ContactCenter(client)
    customer, proxy = "whatsapp:" + customer_number(), "whatsapp:" + CONTACT_CENTER
    interaction = center.interaction("whatsapp", customer, proxy)
    conversation = client.conversations.v1.conversations(center.task_of(interaction)["attributes"]["conversationSid"])
    customer_writes(raw, "whatsapp", customer, proxy, "Hello?")
    conversation.messages.create(author="agent.ann", body="Inside the window")

    time.sleep(3)
    with pytest.raises(TwilioRestException) as refused:
        conversation.messages.create(author="agent.ann", body="Outside the window")
    assert (refused.value.status, refused.value.code) == (400, 63016)

    content, _ = approved_template(client, "Hi {{1}}, reply to continue.")
    conversation.messages.create(author="agent.ann", content_sid=content.sid, content_variables=json.dumps({"1": "Zoë"}))
    assert [m["body"] for m in received(raw, customer, count=2)] == ["Inside the window", "Hi Zoë, reply to continue."]


def test_a_rejected_template_does_not_open_the_window(client, raw):
    center = ContactCenter(client)
    customer = "whatsapp:" + customer_number()
    interaction = center.interaction("whatsapp", customer, "whatsapp:" + CONTACT_CENTER)
    conversation = client.conversations.v1.conversations(center.task_of(interaction)["attributes"]["conversationSid"])
    content, approval = approved_template(client, "Buy now", name="please_reject")
    assert approval.status == "rejected"
    with pytest.raises(TwilioRestException) as refused:
        conversation.messages.create(author="agent.ann", content_sid=content.sid)
    assert refused.value.code == 63016


def test_a_quick_reply_template_is_delivered_as_its_body(client, raw):
    center = ContactCenter(client)
    customer = "whatsapp:" + customer_number()
    interaction = center.interaction("whatsapp", customer, "whatsapp:" + CONTACT_CENTER)
    conversation = client.conversations.v1.conversations(center.task_of(interaction)["attributes"]["conversationSid"])
    content, _ = approved_template(client, None, types={"twilio/quick-reply": {
        "body": "How did we do, {{1}}?", "actions": [{"title": "Great", "id": "great"}, {"title": "Poor", "id": "poor"}]}})
    conversation.messages.create(author="agent.ann", content_sid=content.sid, content_variables=json.dumps({"1": "Ann"}))
    assert [m["body"] for m in received(raw, customer)] == ["How did we do, Ann?"]


def test_an_email_interaction_sends_the_subject_and_body_to_the_customer(client, raw):
    center = ContactCenter(client)
    customer = f"customer.{customer_number()[1:]}@example.com"
    interaction = center.interaction("email", customer, "support@switchboard.example")
    task = center.task_of(interaction)
    assert task["task_channel_unique_name"] == "email"
    conversation = client.conversations.v1.conversations(task["attributes"]["conversationSid"])
    conversation.messages.create(author="agent.ann", body="Your refund is on its way.", subject="Your refund")
    got = received(raw, customer)
    assert [(m["channel"], m["from"], m["subject"], m["body"]) for m in got] == [
        ("email", "support@switchboard.example", "Your refund", "Your refund is on its way.")]


def test_a_chat_interaction_delivers_to_the_customers_identity_and_takes_their_messages(client, raw):
    center = ContactCenter(client)
    identity = "web-visitor-" + customer_number()[1:]
    interaction = center.interaction("chat", identity)
    task = center.task_of(interaction)
    assert task["task_channel_unique_name"] == "chat"
    conversation = client.conversations.v1.conversations(task["attributes"]["conversationSid"])
    customer = conversation.participants(identity).fetch()
    assert customer.identity == identity and customer.messaging_binding is None

    conversation.messages.create(author="agent.ann", body="Hi, how can I help?")
    assert [(m["channel"], m["body"]) for m in received(raw, identity)] == [("chat", "Hi, how can I help?")]
    reply = conversation.messages.create(author=identity, body="My parcel is late")
    assert (reply.index, reply.participant_sid) == (1, customer.sid)
    assert len(received(raw, identity)) == 1


def test_closing_the_channel_closes_the_conversation_and_completes_the_agents_task(client, raw):
    center = ContactCenter(client)
    customer = customer_number()
    interaction = center.interaction("sms", customer, CONTACT_CENTER)
    task = center.task_of(interaction)
    center.accept(task["sid"])
    channel_list = client.flex_api.v1.interaction(interaction.sid).channels.list()
    assert [(c.type, c.status) for c in channel_list] == [("sms", "active")]
    channel = client.flex_api.v1.interaction(interaction.sid).channels(channel_list[0].sid)

    with pytest.raises(TwilioRestException) as refused:
        channel.update(status="active")
    assert (refused.value.status, refused.value.code) == (400, 20001)

    assert channel.update(status="closed").status == "closed"
    assert client.conversations.v1.conversations(task["attributes"]["conversationSid"]).fetch().state == "closed"
    assert center.task_status(task["sid"]) == "completed"
    with pytest.raises(TwilioRestException) as closed:
        client.conversations.v1.conversations(task["attributes"]["conversationSid"]).messages.create(author="agent.ann", body="late")
    assert closed.value.code == 50360
    # The customer's address is free again for a new interaction.
    assert center.interaction("sms", customer, CONTACT_CENTER).sid.startswith("KD")


def test_an_inactive_channel_wraps_the_agents_task_up(client):
    center = ContactCenter(client)
    interaction = center.interaction("sms", customer_number(), CONTACT_CENTER)
    task = center.task_of(interaction)
    center.accept(task["sid"])
    channel_sid = client.flex_api.v1.interaction(interaction.sid).channels.list()[0].sid
    updated = client.flex_api.v1.interaction(interaction.sid).channels(channel_sid).update(status="inactive")
    assert updated.status == "inactive"
    assert center.task_status(task["sid"]) == "wrapping"
    assert client.conversations.v1.conversations(task["attributes"]["conversationSid"]).fetch().state == "inactive"


def test_an_interaction_can_be_fetched_and_a_pending_task_is_canceled_on_close(client):
    center = ContactCenter(client)
    center.tr.workers(center.agent.sid).update(activity_sid=center.activities["Offline"])
    interaction = center.interaction("sms", customer_number(), CONTACT_CENTER)
    fetched = client.flex_api.v1.interaction(interaction.sid).fetch()
    assert fetched.sid == interaction.sid and fetched.routing["properties"]["sid"] == center.task_of(interaction)["sid"]
    assert fetched.links["channels"].endswith(f"/v1/Interactions/{interaction.sid}/Channels")
    channel_sid = client.flex_api.v1.interaction(interaction.sid).channels.list()[0].sid
    client.flex_api.v1.interaction(interaction.sid).channels(channel_sid).update(status="closed")
    assert center.task_status(center.task_of(interaction)["sid"]) == "canceled"


def test_a_second_open_conversation_for_the_same_binding_is_refused_with_50416(client):
    center = ContactCenter(client)
    customer = customer_number()
    center.interaction("sms", customer, CONTACT_CENTER)
    with pytest.raises(TwilioRestException) as refused:
        center.interaction("sms", customer, CONTACT_CENTER)
    assert refused.value.code == 50416
    conversation = client.conversations.v1.conversations.create(friendly_name="manual")
    with pytest.raises(TwilioRestException) as again:
        conversation.participants.create(messaging_binding_address=customer, messaging_binding_proxy_address=CONTACT_CENTER)
    assert again.value.code == 50416


def test_concurrent_participants_for_one_binding_leave_exactly_one_open_conversation_holding_it(client):
    from concurrent.futures import ThreadPoolExecutor

    customer = customer_number()
    conversations = [client.conversations.v1.conversations.create(friendly_name=f"race {i}") for i in range(8)]

    def join(conversation):
        try:
            conversation.participants.create(messaging_binding_address=customer, messaging_binding_proxy_address=CONTACT_CENTER)
            return "joined"
        except TwilioRestException as error:
            return error.code

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(join, conversations))
    assert sorted(outcomes, key=str) == [50416] * 7 + ["joined"]


def test_interactions_refuse_unknown_workspaces_and_bad_channels(client):
    center = ContactCenter(client)
    with pytest.raises(TwilioRestException) as unknown:
        client.flex_api.v1.interaction.create(
            channel={"type": "sms", "initiated_by": "agent", "participants": [{"address": customer_number(), "proxy_address": CONTACT_CENTER}]},
            routing={"properties": {"workspace_sid": "WS" + "0" * 32, "workflow_sid": center.workflow.sid}})
    assert (unknown.value.status, unknown.value.code) == (400, 20001)
    with pytest.raises(TwilioRestException) as bad:
        client.flex_api.v1.interaction.create(channel={"type": "fax", "participants": []}, routing=center.routing())
    assert bad.value.code == 20001


def test_conversations_participants_and_messages_through_the_conversations_api(client, raw):
    conversation = client.conversations.v1.conversations.create(
        friendly_name="Support", unique_name="support-" + customer_number()[1:], attributes=json.dumps({"topic": "billing"}),
        timers_inactive="PT10M", timers_closed="P1D")
    assert (conversation.sid[:2], conversation.state, conversation.friendly_name) == ("CH", "active", "Support")
    assert set(conversation.timers) == {"date_inactive", "date_closed"}
    assert client.conversations.v1.conversations(conversation.unique_name).fetch().sid == conversation.sid

    customer = customer_number()
    agent = client.conversations.v1.conversations(conversation.sid).participants.create(identity="agent.bob")
    sms = client.conversations.v1.conversations(conversation.sid).participants.create(
        messaging_binding_address=customer, messaging_binding_proxy_address=CONTACT_CENTER)
    assert sms.messaging_binding == {"type": "sms", "address": customer, "proxy_address": CONTACT_CENTER}
    with pytest.raises(TwilioRestException) as duplicate:
        client.conversations.v1.conversations(conversation.sid).participants.create(identity="agent.bob")
    assert duplicate.value.code == 50433

    message = client.conversations.v1.conversations(conversation.sid).messages.create(author="agent.bob", body="Hi")
    assert (message.index, message.participant_sid) == (0, agent.sid)
    received(raw, customer)
    receipts = eventually(lambda: (lambda r: r if r and r[0].status == "delivered" else None)(
        client.conversations.v1.conversations(conversation.sid).messages(message.sid).delivery_receipts.list()))
    assert [(r.status, r.participant_sid) for r in receipts] == [("delivered", sms.sid)]
    fetched = client.conversations.v1.conversations(conversation.sid).messages(message.sid).fetch()
    assert fetched.delivery["total"] == 1 and fetched.delivery["delivered"] == "all"

    found = client.conversations.v1.participant_conversations.list(address=customer)
    assert [(p.conversation_sid, p.participant_sid, p.conversation_state) for p in found] == [(conversation.sid, sms.sid, "active")]
    assert [p.conversation_sid for p in client.conversations.v1.participant_conversations.list(identity="agent.bob")] == [conversation.sid]

    closed = client.conversations.v1.conversations(conversation.sid).update(state="closed")
    assert closed.state == "closed"
    client.conversations.v1.conversations(conversation.sid).delete()
    with pytest.raises(TwilioRestException) as gone:
        client.conversations.v1.conversations(conversation.sid).fetch()
    assert gone.value.status == 404


def test_conversation_timers_make_it_inactive_and_then_close_it(client):
    conversation = client.conversations.v1.conversations.create(friendly_name="timers", timers_inactive="PT1S", timers_closed="PT3S")
    assert conversation.state == "active"
    fetch = client.conversations.v1.conversations(conversation.sid).fetch
    assert eventually(lambda: fetch().state == "inactive", timeout=10)
    assert eventually(lambda: fetch().state == "closed", timeout=10)


def test_a_closed_timer_ends_the_interaction_channel_and_completes_the_task(client):
    center = ContactCenter(client)
    interaction = center.interaction("sms", customer_number(), CONTACT_CENTER)
    task = center.task_of(interaction)
    center.accept(task["sid"])
    client.conversations.v1.conversations(task["attributes"]["conversationSid"]).update(timers_closed="PT1S")
    assert eventually(lambda: center.task_status(task["sid"]) == "completed", timeout=10)
    assert [c.status for c in client.flex_api.v1.interaction(interaction.sid).channels.list()] == ["closed"]


def test_messenger_has_the_same_window_as_whatsapp(client, raw):
    center = ContactCenter(client)
    customer, page = "messenger:" + customer_number()[1:], "messenger:switchboard-page"
    interaction = center.interaction("messenger", customer, page)
    conversation = client.conversations.v1.conversations(center.task_of(interaction)["attributes"]["conversationSid"])
    with pytest.raises(TwilioRestException) as refused:
        conversation.messages.create(author="agent.ann", body="Hello from the page")
    assert refused.value.code == 63016
    customer_writes(raw, "messenger", customer, page, "Hi page")
    conversation.messages.create(author="agent.ann", body="Hello from the page")
    assert [(m["channel"], m["body"]) for m in received(raw, customer)] == [("messenger", "Hello from the page")]
