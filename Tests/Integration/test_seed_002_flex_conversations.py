"""Seed 002: outbound messages through Flex Interactions and Conversations, its Python samples run as written."""

import json

import pytest
from twilio.base.exceptions import TwilioRestException

from flex_contact_center import ContactCenter, approved_template, received
from shared_data import SEED_002, the_block_containing
from switchboard_client import install

SMS_MARKER = '"type": "sms",\n        "initiated_by": "agent"'
WHATSAPP_MARKER = '"type": "whatsapp",\n        "initiated_by": "agent"'


@pytest.fixture
def seed_002(shared_dir):
    """The text of seed 002."""
    return (shared_dir / SEED_002).read_text(encoding="utf-8")


@pytest.fixture
def run_sample(server, monkeypatch, capsys):
    """Run a sample's code with the bootstrap credentials, its placeholder SIDs replaced by a real workspace's (as
    a reader of the page does); return (namespace, stdout)."""
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", server.account_sid)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", server.auth_token)
    for name in ("TWILIO_EDGE", "TWILIO_REGION"):
        monkeypatch.delenv(name, raising=False)

    def run(code: str, placeholders: dict):
        for placeholder, sid in placeholders.items():
            code = code.replace(placeholder, sid)
        uninstall = install(server.base_url)
        namespace = {"__name__": "__main__"}
        try:
            capsys.readouterr()
            exec(compile(code, "<seed 002 sample>", "exec"), namespace)
        finally:
            uninstall()
        return namespace, capsys.readouterr().out

    return run


def close(client, interaction):
    """Close the interaction's channel, which frees the seed's fixed addresses for the next run."""
    for channel in client.flex_api.v1.interaction(interaction.sid).channels.list():
        client.flex_api.v1.interaction(interaction.sid).channels(channel.sid).update(status="closed")


def test_the_sms_sample_creates_an_interaction_whose_conversation_message_reaches_the_customer(seed_002, run_sample, client, raw):
    center = ContactCenter(client)
    namespace, out = run_sample(the_block_containing(seed_002, SMS_MARKER), center.placeholders())
    interaction = namespace["interaction"]
    try:
        assert out.splitlines() == [interaction.sid]
        assert interaction.sid.startswith("KD")
        assert interaction.channel["participants"][0]["address"] == "+13115552368"
        task = center.task_of(interaction)
        assert task["sid"].startswith("WT") and task["workspace_sid"] == center.workspace.sid
        attributes = task["attributes"]
        assert attributes["conversationSid"].startswith("CH")
        assert attributes["flexInteractionSid"] == interaction.sid
        assert attributes["flexInteractionChannelSid"].startswith("UO")
        assert (attributes["initiatedBy"], attributes["direction"]) == ("agent", "outbound")
        assert attributes["customerName"] == "silly name"
        assert center.reserved_worker(task["sid"]) == center.agent.sid

        # "Grab the conversation SID" and create a conversation message, as the seed's curl does.
        message = client.conversations.v1.conversations(attributes["conversationSid"]).messages.create(author="agentname", body="Hello world")
        assert (message.index, message.author, message.body) == (0, "agentname", "Hello world")
        got = received(raw, "+13115552368")
        assert [(m["from"], m["body"], m["channel"]) for m in got] == [("+192555512345", "Hello world", "sms")]
    finally:
        close(client, interaction)


def test_the_whatsapp_sample_needs_an_approved_template_until_the_customer_writes(seed_002, run_sample, client, raw):
    center = ContactCenter(client)
    namespace, out = run_sample(the_block_containing(seed_002, WHATSAPP_MARKER), center.placeholders())
    interaction = namespace["interaction"]
    try:
        assert out.splitlines() == [interaction.sid]
        conversation_sid = center.task_of(interaction)["attributes"]["conversationSid"]
        messages = client.conversations.v1.conversations(conversation_sid).messages

        with pytest.raises(TwilioRestException) as refused:
            messages.create(author="agentname", body="Hello world")
        assert refused.value.code == 63016

        content, approval = approved_template(client, "Hi {{1}}, your order {{2}} has shipped.", variables={"1": "there", "2": "#0"})
        assert approval.status == "approved"
        sent = messages.create(author="agentname", content_sid=content.sid, content_variables=json.dumps({"1": "Ann", "2": "#1234"}))
        assert sent.content_sid == content.sid
        got = received(raw, "whatsapp:+13115552368")
        assert [(m["from"], m["body"], m["content_sid"], json.loads(m["content_variables"])) for m in got] == [
            ("whatsapp:+19251235555", "Hi Ann, your order #1234 has shipped.", content.sid, {"1": "Ann", "2": "#1234"})]
    finally:
        close(client, interaction)
