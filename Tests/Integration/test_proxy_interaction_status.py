"""A Proxy interaction's `outbound_resource_status` follows the relayed message's delivery, as Twilio's does."""

from polling import eventually
from sandbox import fail_deliveries
from seed_000 import ContactCenter


def settled_status(proxy, session_sid, interaction_sid, final):
    """The interaction's outbound status once it reaches `final`, as both the session and the participant list it."""
    def settled():
        interaction = proxy.sessions(session_sid).interactions(interaction_sid).fetch()
        return interaction if interaction.outbound_resource_status == final else None
    interaction = eventually(settled)
    assert interaction is not None, proxy.sessions(session_sid).interactions(interaction_sid).fetch().outbound_resource_status
    return interaction


def test_a_message_interaction_moves_to_delivered_with_its_message(client):
    center = ContactCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(participants=[{"Identifier": center.customer}])
    participant = proxy.sessions(session.sid).participants.list()[0]
    created = proxy.sessions(session.sid).participants(participant.sid).message_interactions.create(body="Your driver is here")
    assert created.outbound_resource_status == "queued"

    interaction = settled_status(proxy, session.sid, created.sid, "delivered")
    assert client.messages(interaction.outbound_resource_sid).fetch().status == "delivered"
    assert interaction.date_updated >= created.date_updated
    listed = proxy.sessions(session.sid).participants(participant.sid).message_interactions(created.sid).fetch()
    assert listed.outbound_resource_status == "delivered"


def test_a_relayed_chat_message_that_cannot_be_delivered_leaves_its_interaction_undelivered_or_failed(client, raw):
    center = ContactCenter(client)
    channel = client.chat.v2.services(center.chat_service.sid).channels.create(friendly_name="relay status")
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer},
                                                                       {"Identifier": channel.sid, "ProxyIdentifier": center.number}])
    center.chat_channel(channel.sid).update(attributes='{"proxySession": "%s"}' % session.sid)

    fail_deliveries(raw, center.customer)
    center.chat_channel(channel.sid).messages.create(body="Are you there?", from_="alice")
    first = eventually(lambda: next(iter(proxy.sessions(session.sid).interactions.list()), None))
    assert first.outbound_resource_type == "Message"
    undelivered = settled_status(proxy, session.sid, first.sid, "undelivered")
    assert client.messages(undelivered.outbound_resource_sid).fetch().error_code == 30003

    fail_deliveries(raw, center.customer, status="failed", error_code=30007)
    center.chat_channel(channel.sid).messages.create(body="Hello?", from_="alice")
    second = eventually(lambda: next((i for i in proxy.sessions(session.sid).interactions.list() if i.sid != first.sid), None))
    failed = settled_status(proxy, session.sid, second.sid, "failed")
    assert client.messages(failed.outbound_resource_sid).fetch().status == "failed"
