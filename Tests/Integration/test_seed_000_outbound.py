"""Seed 000 end to end through the official library: outbound messages through Flex Channels, Programmable Chat
and Proxy, for both task-creation strategies, the customer's reply, and the janitor."""

import json

import pytest

from polling import eventually
from sandbox import handset
from seed_000 import ContactCenter, block, make_runner, seed_text

FLOW_SAMPLE = "client.flex_api.v1.flex_flow.create("
CHANNEL_WITH_TASK_SAMPLE = 'chat_friendly_name="Outbound Chat with John"'
CHANNEL_WITHOUT_TASK_SAMPLE = 'chat_friendly_name="Chat with Jane"'
SESSION_WITH_CUSTOMER_SAMPLE = 'unique_name="SID_FROM_CHANNELS_API"'
CHAT_PARTICIPANT_SAMPLE = 'identifier="CHAT_CHANNEL_SID"'
SESSION_WITH_CHANNEL_SAMPLE = 'unique_name="CHXXXXXXXXXXXXXXXXXXXXXXXXX"'
CUSTOMER_PARTICIPANT_SAMPLE = 'friendly_name="This is the Customer"'
ATTRIBUTES_SAMPLE = 'json.dumps({"proxySession": "KCXXXXXXXXXXXXXXXXXXXXXXXX"})'


@pytest.fixture
def seed(shared_dir):
    """Seed 000's text."""
    return seed_text(shared_dir)


@pytest.fixture
def run_sample(server, monkeypatch, capsys):
    """Run a sample as written against the server."""
    return make_runner(server, monkeypatch, capsys)


@pytest.fixture
def center(client):
    """A fresh contact center for one test."""
    return ContactCenter(client)


def send_customer_message(raw, center, body):
    """The customer writes to the contact-center number from their handset."""
    resp = raw.post("/sandbox/v1/Messages", {"Channel": "sms", "From": center.customer, "To": center.number, "Body": body})
    assert resp.status_code == 201, resp.text


def agent_reply_reaches_handset(raw, center, body):
    """The message from the contact-center number that reached the customer's handset with this body."""
    return eventually(lambda: next((m for m in handset(raw, center.customer) if m["body"] == body), None))


def strategy_one(seed, run_sample, center, server):
    """Steps 1-4 of "Create Task when agent messages customer"; returns (flow, channel, session)."""
    flow_ns, out = run_sample(center.replaced(block(seed, FLOW_SAMPLE)))
    assert out == [server.account_sid]
    flow = flow_ns["flex_flow"]
    channel_ns, out = run_sample(center.replaced(block(seed, CHANNEL_WITH_TASK_SAMPLE), FOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=flow.sid))
    assert out == [server.account_sid]
    channel = channel_ns["channel"]
    session_ns, _ = run_sample(center.replaced(block(seed, SESSION_WITH_CUSTOMER_SAMPLE), SID_FROM_CHANNELS_API=channel.sid))
    session = session_ns["session"]
    participant_ns, out = run_sample(center.replaced(block(seed, CHAT_PARTICIPANT_SAMPLE), CHAT_CHANNEL_SID=channel.sid,
                                                     KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=session.sid))
    assert out == [participant_ns["participant"].sid]
    _, out = run_sample(center.replaced(block(seed, ATTRIBUTES_SAMPLE), KCXXXXXXXXXXXXXXXXXXXXXXXX=session.sid,
                                        **{'channels("Sid")': f'channels("{channel.sid}")'}))
    assert out == [channel.sid]
    return flow, channel, session


def test_strategy_one_creates_the_task_with_the_channel_and_relays_both_ways(seed, run_sample, center, server, client, raw):
    flow, channel, session = strategy_one(seed, run_sample, center, server)

    assert channel.task_sid.startswith("WT") and channel.user_sid.startswith("US")
    assert channel.flex_flow_sid == flow.sid
    task = center.tr.tasks(channel.task_sid).fetch()
    attributes = json.loads(task.attributes)
    assert attributes["targetWorker"] == "reference_worker_attribute_contact_uri_here"
    assert attributes["to"] == center.customer
    reservation = eventually(lambda: center.tr.tasks(task.sid).reservations.list())
    assert [r.worker_sid for r in reservation] == [center.agent.sid]

    members = center.chat_channel(channel.sid).members.list()
    assert [m.identity for m in members] == ["sms_18001231234"]
    participants = client.proxy.v1.services(center.proxy_service.sid).sessions(session.sid).participants.list()
    assert {p.identifier for p in participants} == {center.customer, channel.sid}
    assert {p.proxy_identifier for p in participants} == {center.number}

    center.chat_channel(channel.sid).messages.create(body="Hello John, this is Flex", from_="alice")
    delivered = agent_reply_reaches_handset(raw, center, "Hello John, this is Flex")
    assert delivered and delivered["from"] == center.number and delivered["channel"] == "sms"

    send_customer_message(raw, center, "Thanks, I am here")
    replies = eventually(lambda: [m for m in center.chat_channel(channel.sid).messages.list() if m.body == "Thanks, I am here"])
    assert [(m._from, m.body) for m in replies] == [("sms_18001231234", "Thanks, I am here")]
    # The task made with the channel is still live, so the reply makes no second one.
    assert [t.sid for t in center.tasks()] == [task.sid]

    interactions = client.proxy.v1.services(center.proxy_service.sid).sessions(session.sid).interactions.list()
    assert sorted(i.outbound_resource_type for i in interactions) == ["ChatMessage", "Message"]


def test_strategy_two_creates_exactly_one_task_when_the_customer_first_replies(seed, run_sample, center, server, client, raw):
    flow = client.flex_api.v1.flex_flow.create(
        friendly_name="Inbound SMS", chat_service_sid=center.chat_service.sid, channel_type="sms", contact_identity=center.number,
        integration_type="task", integration_workspace_sid=center.workspace.sid, integration_workflow_sid=center.workflow.sid,
        integration_channel="sms", integration_creation_on_message=True)
    # Step 1 of this strategy lists the account's flows (at most 20) to find the one handling inbound messages.
    listed_ns, out = run_sample(block(seed, "client.flex_api.v1.flex_flow.list(limit=20)"))
    assert 1 <= len(listed_ns["flex_flows"]) <= 20
    assert out == [server.account_sid] * len(listed_ns["flex_flows"])

    channel_ns, out = run_sample(center.replaced(block(seed, CHANNEL_WITHOUT_TASK_SAMPLE), FOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=flow.sid))
    channel = channel_ns["channel"]
    assert out == [server.account_sid]
    assert channel.task_sid is None
    session_ns, _ = run_sample(center.replaced(block(seed, SESSION_WITH_CHANNEL_SAMPLE), CHAT_CHANNEL_SID=channel.sid))
    session = session_ns["session"]
    run_sample(center.replaced(block(seed, CUSTOMER_PARTICIPANT_SAMPLE), KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=session.sid))
    run_sample(center.replaced(block(seed, ATTRIBUTES_SAMPLE), KCXXXXXXXXXXXXXXXXXXXXXXXX=session.sid,
                               **{'channels("Sid")': f'channels("{channel.sid}")'}))

    center.chat_channel(channel.sid).messages.create(body="Hi Jane, your order shipped", from_="alice")
    assert agent_reply_reaches_handset(raw, center, "Hi Jane, your order shipped")["from"] == center.number
    assert center.tasks() == []

    send_customer_message(raw, center, "Great, thanks")
    tasks = eventually(lambda: center.tasks())
    assert len(tasks) == 1
    assert json.loads(tasks[0].attributes)["channelSid"] == channel.sid
    assert client.flex_api.v1.channel(channel.sid).fetch().task_sid == tasks[0].sid
    assert eventually(lambda: center.tr.tasks(tasks[0].sid).reservations.list())[0].worker_sid == center.agent.sid

    send_customer_message(raw, center, "One more thing")
    eventually(lambda: any(m.body == "One more thing" for m in center.chat_channel(channel.sid).messages.list()))
    assert [t.sid for t in center.tasks()] == [tasks[0].sid]


def test_janitor_closes_the_session_and_deactivates_the_channel_when_the_task_completes(seed, run_sample, center, server, client, raw):
    flow, channel, session = strategy_one(seed, run_sample, center, server)
    client.flex_api.v1.flex_flow(flow.sid).update(janitor_enabled=True)
    # The seed's task says autoAnswer, so the agent's reservation is accepted without anyone answering it.
    assert eventually(lambda: center.tr.tasks(channel.task_sid).fetch().assignment_status == "assigned")
    center.tr.tasks(channel.task_sid).update(assignment_status="completed", reason="done")

    assert client.proxy.v1.services(center.proxy_service.sid).sessions(session.sid).fetch().status == "closed"
    attributes = center.chat_channel(channel.sid).fetch().attributes
    assert '"status":"INACTIVE"' in attributes.replace(" ", "")

    # A closed session threads nothing: the customer's message no longer reaches the channel.
    send_customer_message(raw, center, "Anyone there?")
    assert all(m.body != "Anyone there?" for m in center.chat_channel(channel.sid).messages.list())

