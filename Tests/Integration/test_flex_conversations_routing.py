"""Inbound auto-creation, invites, channel participants and Conversations webhooks, through the official library."""

import json

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator

from factories import unique_name
from flex_contact_center import ContactCenter, customer_number, customer_writes, received
from polling import eventually
from webhook_receiver import WebhookReceiver


def contact_center_number() -> str:
    """A fresh contact-center number, so address configurations and Flex Flows of tests never meet."""
    return customer_number()


def test_a_customer_writing_to_an_auto_creating_address_opens_a_conversation_an_interaction_and_a_routed_task(client, raw):
    center = ContactCenter(client)
    number, customer = contact_center_number(), customer_number()
    client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("inbound sms"), chat_service_sid="IS" + "a" * 32, channel_type="sms", contact_identity=number,
        enabled=True, integration_type="task", integration_workspace_sid=center.workspace.sid,
        integration_workflow_sid=center.workflow.sid, integration_channel="sms")
    address = client.conversations.v1.address_configurations.create(
        type="sms", address=number, friendly_name="Support line", auto_creation_enabled=True, auto_creation_type="default")
    assert address.sid.startswith("IG") and address.auto_creation["enabled"] is True

    customer_writes(raw, "sms", customer, number, "Hello, is anyone there?")

    found = eventually(lambda: client.conversations.v1.participant_conversations.list(address=customer))
    assert [p.conversation_state for p in found] == ["active"]
    conversation = client.conversations.v1.conversations(found[0].conversation_sid)
    assert [(m.author, m.body) for m in conversation.messages.list()] == [(customer, "Hello, is anyone there?")]
    tasks = eventually(lambda: client.taskrouter.v1.workspaces(center.workspace.sid).tasks.list())
    attributes = json.loads(tasks[0].attributes)
    assert attributes["conversationSid"] == conversation.fetch().sid
    assert (attributes["initiatedBy"], attributes["direction"]) == ("customer", "inbound")
    assert tasks[0].task_channel_unique_name == "sms"
    # Routed after the inbound transaction committed: the agent has been offered the task.
    assert center.reserved_worker(tasks[0].sid) == center.agent.sid

    conversation.messages.create(author="agent.ann", body="Yes! How can I help?")
    assert [m["body"] for m in received(raw, customer)] == ["Yes! How can I help?"]
    customer_writes(raw, "sms", customer, number, "My order is late")
    assert eventually(lambda: len(conversation.messages.list()) == 3)
    assert len(client.taskrouter.v1.workspaces(center.workspace.sid).tasks.list()) == 1


def test_an_address_without_auto_creation_leaves_the_message_unthreaded(client, raw):
    number, customer = contact_center_number(), customer_number()
    client.conversations.v1.address_configurations.create(type="sms", address=number, auto_creation_enabled=False)
    customer_writes(raw, "sms", customer, number, "Anyone?")
    assert client.conversations.v1.participant_conversations.list(address=customer) == []


def test_an_invite_creates_a_second_task_for_another_agent_on_the_same_conversation(client):
    center = ContactCenter(client)
    bob = center.worker("agent.bob")
    interaction = center.interaction("sms", customer_number(), contact_center_number())
    task = center.task_of(interaction)
    channel_sid = client.flex_api.v1.interaction(interaction.sid).channels.list()[0].sid
    channel = client.flex_api.v1.interaction(interaction.sid).channels(channel_sid)

    invite = channel.invites.create(routing={"properties": {
        "workspace_sid": center.workspace.sid, "workflow_sid": center.workflow.sid, "worker_sid": bob.sid,
        "attributes": {"reason": "second opinion"}}})
    assert invite.sid.startswith("KG")
    invited = invite.routing["properties"]
    attributes = json.loads(invited["attributes"])
    assert attributes["conversationSid"] == task["attributes"]["conversationSid"]
    assert (attributes["flexChannelInviteSid"], attributes["reason"], attributes["worker_sid"]) == (invite.sid, "second opinion", bob.sid)
    assert center.reserved_worker(invited["sid"]) == bob.sid
    assert [i.sid for i in channel.invites.list()] == [invite.sid]


def test_a_participants_wrapup_wraps_its_task_and_closing_completes_it(client):
    center = ContactCenter(client)
    interaction = center.interaction("sms", customer_number(), contact_center_number())
    task = center.task_of(interaction)
    center.accept(task["sid"])
    channel_sid = client.flex_api.v1.interaction(interaction.sid).channels.list()[0].sid
    participants = client.flex_api.v1.interaction(interaction.sid).channels(channel_sid).participants
    assert [p.type for p in participants.list()] == ["customer"]

    agent = participants.create(type="agent", media_properties={"identity": "agent.ann"},
                                routing_properties={"task_sid": task["sid"], "worker_sid": center.agent.sid})
    assert agent.sid.startswith("UT") and agent.routing_properties["task_sid"] == task["sid"]
    conversation = client.conversations.v1.conversations(task["attributes"]["conversationSid"])
    assert conversation.participants("agent.ann").fetch().identity == "agent.ann"

    with pytest.raises(TwilioRestException) as refused:
        participants(agent.sid).update(status="active")
    assert (refused.value.status, refused.value.code) == (400, 20001)

    participants(agent.sid).update(status="wrapup")
    assert center.task_status(task["sid"]) == "wrapping"
    participants(agent.sid).update(status="closed")
    assert center.task_status(task["sid"]) == "completed"
    assert [p.identity for p in conversation.participants.list() if p.identity] == []


def test_conversation_events_reach_the_accounts_and_the_conversations_webhooks_signed(server, new_subaccount):
    sid, token = new_subaccount("webhooks")
    client = server.client(sid, token)
    with WebhookReceiver() as receiver:
        configuration = client.conversations.v1.configuration.webhooks.get().update(
            method="POST", filters=["onConversationAdded", "onMessageAdded"], post_webhook_url=receiver.url("/account"), target="webhook")
        assert configuration.post_webhook_url == receiver.url("/account")
        conversation = client.conversations.v1.conversations.create(friendly_name="hooks")
        scoped = client.conversations.v1.conversations(conversation.sid).webhooks.create(
            target="webhook", configuration_url=receiver.url("/scoped"), configuration_method="POST",
            configuration_filters=["onMessageAdded"])
        assert scoped.sid.startswith("WH") and scoped.configuration["filters"] == ["onMessageAdded"]
        message = client.conversations.v1.conversations(conversation.sid).messages.create(author="agent.ann", body="ping")

        posts = eventually(lambda: len(receiver.snapshot()) >= 3 and receiver.snapshot())
    assert posts, receiver.snapshot()
    events = sorted((p["path"], p["form"]["EventType"]) for p in posts)
    assert events == [("/account", "onConversationAdded"), ("/account", "onMessageAdded"), ("/scoped", "onMessageAdded")]
    for post in posts:
        assert post["form"]["ConversationSid"] == conversation.sid
        assert RequestValidator(token).validate(receiver.url(post["path"]), post["form"], post["signature"]), post
    added = next(p for p in posts if p["path"] == "/scoped")
    assert (added["form"]["MessageSid"], added["form"]["Body"], added["form"]["Index"]) == (message.sid, "ping", "0")


class TransferBody:
    """A transfer's JSON body in the form the library serialises (`to_dict`)."""

    def __init__(self, **fields):
        self.fields = fields

    def to_dict(self):
        """The JSON object sent."""
        return self.fields


def transfer_setup(client):
    """An interaction whose task alice accepted, alice as the channel's agent participant, and a second agent bob."""
    center = ContactCenter(client)
    bob = center.worker("agent.bob")
    interaction = center.interaction("sms", customer_number(), contact_center_number())
    task = center.task_of(interaction)
    center.accept(task["sid"])
    channel_sid = client.flex_api.v1.interaction(interaction.sid).channels.list()[0].sid
    channel = client.flex_api.v1.interaction(interaction.sid).channels(channel_sid)
    agent = channel.participants.create(type="agent", media_properties={"identity": "agent.ann"},
                                        routing_properties={"task_sid": task["sid"], "worker_sid": center.agent.sid})
    return center, bob, task, channel, agent


def the_other_task(center, task):
    """The workspace's task that is not `task`."""
    return next(t for t in center.tr.tasks.list() if t.sid != task["sid"])


def test_a_cold_transfer_to_an_agent_wraps_up_the_first_agents_task(client):
    center, bob, task, channel, agent = transfer_setup(client)
    transfer = channel.transfers.create(body=TransferBody(type="cold", **{"from": agent.sid, "to": bob.sid}))
    assert transfer.sid.startswith("UX")
    assert (transfer.type, transfer.status, transfer._from, transfer.to) == ("cold", "active", agent.sid, bob.sid)
    assert center.task_status(task["sid"]) == "wrapping"
    new_task = the_other_task(center, task)
    attributes = json.loads(new_task.attributes)
    assert (attributes["conversationSid"], attributes["transferSid"]) == (task["attributes"]["conversationSid"], transfer.sid)
    assert center.reserved_worker(new_task.sid) == bob.sid
    center.accept(new_task.sid)
    assert channel.transfers(transfer.sid).fetch().status == "completed"


def test_a_warm_transfer_to_a_queue_leaves_the_first_agent_their_task(client):
    center, bob, task, channel, agent = transfer_setup(client)
    transfer = channel.transfers.create(body=TransferBody(type="warm", **{"from": agent.sid, "to": center.queue.sid}))
    assert (transfer.type, transfer.to) == ("warm", center.queue.sid)
    assert center.task_status(task["sid"]) == "assigned"
    new_task = the_other_task(center, task)
    assert new_task.task_queue_sid == center.queue.sid
    assert center.reserved_worker(new_task.sid) == bob.sid
    with pytest.raises(TwilioRestException) as refused:
        channel.transfers.create(body=TransferBody(type="lukewarm", **{"from": agent.sid, "to": bob.sid}))
    assert (refused.value.status, refused.value.code) == (400, 20001)
