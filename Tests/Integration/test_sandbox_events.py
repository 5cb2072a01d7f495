"""GET /sandbox/v1/Messages/Events: what reaches one sandbox handset, pushed as Server-Sent Events and resumable
with Last-Event-ID; read the way the customer simulator reads it."""

import pytest

from agent_tokens import create_api_key, mint_token
from conftest import EVENTS_KEEPALIVE_SECONDS
from event_stream import EventStream
from flex_contact_center import ContactCenter, customer_number
from polling import eventually
from sandbox import fail_deliveries, handset

EVENTS = "/sandbox/v1/Messages/Events"
CONTACT_CENTER = "+15005550006"


@pytest.fixture
def client(events_server):
    return events_server.client(events_server.account_sid, events_server.auth_token)


def open_stream(server, address, headers=None, params=None, auth="bootstrap") -> EventStream:
    """The handset's stream, with the account's credentials unless `auth` is None (the headers carry a token)."""
    credentials = (server.account_sid, server.auth_token) if auth == "bootstrap" else auth
    stream = EventStream(server.base_url + EVENTS, credentials, params={"Address": address, **(params or {})}, headers=headers)
    assert stream.response.status_code == 200, stream.response.text
    assert stream.response.headers["Content-Type"].startswith("text/event-stream")
    return stream


def send(client, to, body):
    return client.messages.create(to=to, from_=CONTACT_CENTER, body=body)


def test_a_stream_opens_with_its_position_and_shows_only_what_arrives_after(events_server, client):
    address = customer_number()
    earlier = send(client, address, "before the stream")
    assert eventually(lambda: handset(events_server.raw(), address))
    stream = open_stream(events_server, address)
    try:
        opening = stream.next_frame()
        assert opening["id"] and opening["event"] is None and opening["data"] is None
        later = send(client, address, "after the stream opened")
        arrived = stream.next_event()
        assert arrived["data"]["sid"] == later.sid and arrived["id"] != opening["id"]
        assert all(f["data"]["sid"] != earlier.sid for f in stream.quiet_events())
    finally:
        stream.close()


def test_a_message_to_the_address_arrives_as_the_handset_lists_it_and_another_addresss_does_not(events_server, client):
    raw = events_server.raw()
    address, other = customer_number(), customer_number()
    stream = open_stream(events_server, address)
    try:
        elsewhere = send(client, other, "for someone else")
        mine = send(client, address, "Your order has shipped")
        arrived = stream.events_until(lambda f: f["data"]["sid"] == mine.sid)
        assert arrived[-1]["event"] == "message"
        assert arrived[-1]["data"] == handset(raw, address)[-1]
        assert arrived[-1]["data"]["status"] == "delivered" and arrived[-1]["data"]["body"] == "Your order has shipped"
        everything = arrived + stream.quiet_events()
        assert [f["data"]["sid"] for f in everything] == [mine.sid]
        assert eventually(lambda: [m["sid"] for m in handset(raw, other)] == [elsewhere.sid])
    finally:
        stream.close()


@pytest.mark.parametrize("status, error_code", [("undelivered", 30003), ("failed", 30008)])
def test_a_delivery_turned_away_arrives_with_the_status_and_error_the_handset_shows(events_server, client, status, error_code):
    raw = events_server.raw()
    address = customer_number()
    fail_deliveries(raw, address, status=status)
    stream = open_stream(events_server, address)
    try:
        message = send(client, address, "this will not get through")
        arrived = stream.next_event()["data"]
        assert (arrived["sid"], arrived["status"], arrived["error_code"]) == (message.sid, status, error_code)
        assert arrived == handset(raw, address)[-1]
    finally:
        stream.close()


@pytest.mark.parametrize("resume", ["header", "query"])
def test_reconnecting_with_the_last_event_id_replays_exactly_the_deliveries_missed(events_server, client, resume):
    address = customer_number()
    witness = open_stream(events_server, address)  # connected throughout: what the handset should have seen
    customer = open_stream(events_server, address)
    try:
        first = send(client, address, "one")
        seen_before = customer.events_until(lambda f: f["data"]["sid"] == first.sid)
        last_id = customer.last_id
        customer.close()

        missed = [send(client, address, body).sid for body in ("two", "three", "four")]
        expected = witness.events_until(lambda f: f["data"]["sid"] == missed[-1]) + witness.quiet_events()

        option = {"headers": {"Last-Event-ID": last_id}} if resume == "header" else {"params": {"LastEventId": last_id}}
        customer = open_stream(events_server, address, **option)
        replayed = customer.events_until(lambda f: f["id"] == expected[-1]["id"]) + customer.quiet_events()

        assert [f["data"]["sid"] for f in replayed] == missed
        assert [(f["id"], f["data"]) for f in seen_before + replayed] == [(f["id"], f["data"]) for f in expected]
    finally:
        witness.close()
        customer.close()


def test_a_silent_stream_carries_keepalives(events_server):
    stream = open_stream(events_server, customer_number())
    try:
        assert stream.comments.get(timeout=EVENTS_KEEPALIVE_SECONDS * 3) == "keepalive"
        assert stream.comments.get(timeout=EVENTS_KEEPALIVE_SECONDS * 3) == "keepalive"
    finally:
        stream.close()


def test_an_agents_access_token_opens_the_stream_as_the_simulator_does(events_server, client):
    raw = events_server.raw()
    center = ContactCenter(client)
    key_sid, secret = create_api_key(raw, events_server.account_sid)
    token = mint_token(events_server.account_sid, key_sid, secret, center.workspace.sid, center.agent.sid)
    address = customer_number()
    stream = open_stream(events_server, address, headers={"Authorization": f"Bearer {token}"}, auth=None)
    try:
        message = send(client, address, "seen by the simulator")
        assert stream.next_event()["data"]["sid"] == message.sid
    finally:
        stream.close()


def test_a_stream_needs_credentials_an_address_and_an_event_id_it_sent(events_server):
    anonymous = events_server.raw(auth=None).get(EVENTS, Address=customer_number())
    assert anonymous.status_code == 401 and anonymous.json()["code"] == 20003
    raw = events_server.raw()
    missing = raw.get(EVENTS)
    assert missing.status_code == 400 and missing.json()["code"] == 20001
    for garbled in ("yesterday", "1.2.3.4", "-1.2"):
        refused = raw.get(EVENTS, Address=customer_number(), LastEventId=garbled)
        assert refused.status_code == 400 and refused.json()["code"] == 20001, garbled
