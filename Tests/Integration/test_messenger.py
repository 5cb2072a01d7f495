"""The Messenger connector against a stand-in Graph API on loopback: an agent's answer in a conversation reaches
Meta's Send API, a customer's signed page webhook reaches the conversation, receipts move messages forward only,
Meta's errors map to Twilio's codes, and the page's secrets show nowhere.

The `HUMAN_AGENT` tag (one to seven windows after the customer's last message) is shown on a server whose window is
shortened to 2 seconds, since the server has no clock a test can move; the Swift unit tests cover the seven-window
limit (`MessengerMessagingTypeTests`, `MessagingWindowTests`)."""

import json
import random
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from conftest import BACKENDS, PUBLIC_URL, public_server
from factories import random_auth_token, unique_name
from graph_standin import GraphStandIn, graph_error
from graph_standin_messenger import (SEND_PATH, MessengerSendApi, delivery_event, message_event, milliseconds, page_webhook,
                                     read_event)
from polling import eventually
from raw_http import RawApi

SENDERS = "/switchboard/v1/Senders"


@pytest.fixture(scope="module", params=BACKENDS)
def messenger_server(request, switchboard_bin, tmp_path_factory):
    """A server that may call loopback peers, with a public URL for inbound URLs, logging at debug level."""
    yield from public_server(switchboard_bin, tmp_path_factory, "messenger", request.param)


@pytest.fixture(scope="module")
def graph():
    """The Graph stand-in with Messenger's Send API, any page token taken (each page's is checked by the tests)."""
    with GraphStandIn() as stand_in:
        stand_in.messenger = MessengerSendApi(stand_in)
        yield stand_in
        assert not stand_in.violations, f"requests Meta would refuse: {stand_in.violations}"


@pytest.fixture
def api(messenger_server) -> RawApi:
    """The bootstrap account over raw HTTP."""
    return messenger_server.raw()


@pytest.fixture
def client(messenger_server):
    """A twilio Client for the bootstrap account."""
    return messenger_server.client(messenger_server.account_sid, messenger_server.auth_token)


# Every Senders response, for the last test to search for secrets.
ANSWERS = []
SECRETS = []


@pytest.fixture
def page(api, messenger_server, graph):
    """A Messenger sender for a fresh page on the stand-in, and a fresh customer of it."""
    return make_page(api, messenger_server, graph)


def make_page(api, server, graph):
    """A Messenger sender for a fresh page on the stand-in, and a fresh customer of it."""
    page_id = str(random.randrange(10 ** 14, 10 ** 15))
    secrets = {"page_access_token": "EAAG" + random_auth_token() + random_auth_token(), "app_secret": "ms-app-" + random_auth_token(),
               "verify_token": "ms-verify-" + random_auth_token()}
    settings = {"graph_url": graph.base_url, "page_id": page_id, **secrets}
    resp = api.post(SENDERS, {"Connector": "messenger", "Address": "messenger:" + page_id, "FriendlyName": unique_name("page"),
                              "Settings": json.dumps(settings)})
    assert resp.status_code == 201, resp.text
    ANSWERS.append(resp.text)
    SECRETS.extend(secrets.values())
    sender = resp.json()
    parts = urlsplit(sender["inbound_url"])
    assert sender["inbound_url"].startswith(PUBLIC_URL), sender["inbound_url"]
    psid = str(random.randrange(10 ** 15, 10 ** 16))
    return SimpleNamespace(id=page_id, address="messenger:" + page_id, sid=sender["sid"], psid=psid, customer="messenger:" + psid,
                           inbound=server.base_url + parts.path, **secrets)


def conversation_for(client, page):
    """A conversation in which the page's customer takes part through Messenger."""
    conversation = client.conversations.v1.conversations.create(friendly_name=unique_name("messenger"))
    conversation.participants.create(messaging_binding_address=page.customer, messaging_binding_proxy_address=page.address)
    return client.conversations.v1.conversations(conversation.sid)


def customer_writes(graph, page, text, **extra):
    """The customer's message, posted by 'Meta' to the page's inbound URL; returns its webhook payload."""
    payload = page_webhook(page.id, message_event(page.psid, page.id, text, **extra))
    assert graph.post_webhook(page.inbound, payload, page.app_secret) == (200, "EVENT_RECEIVED")
    return payload


def sent_to(graph, page, count=1):
    """The Send API requests for the page's customer, once there are `count`."""
    found = eventually(lambda: (lambda got: got if len(got) >= count else None)(
        [r for r in graph.received(SEND_PATH, "POST") if (r.json or {}).get("recipient", {}).get("id") == page.psid]), timeout=15)
    assert found, f"the Send API got no request for {page.psid}: {[r.json for r in graph.received(SEND_PATH)]}"
    return found


def outbound(client, page, count=1, status=None):
    """The messages to the customer, once there are `count` (all in `status`, when given)."""
    def ready():
        found = client.messages.list(to=page.customer)
        if len(found) >= count and (status is None or all(m.status == status for m in found)):
            return found
        return None
    return eventually(ready, timeout=15) or client.messages.list(to=page.customer)


def test_a_customers_message_reaches_the_conversation_and_the_agents_answer_reaches_the_send_api(client, graph, page):
    conversation = conversation_for(client, page)
    customer_writes(graph, page, "Hi, where is my order?", attachments=["https://scontent.example.com/receipt.jpg"])
    messages = eventually(lambda: conversation.messages.list() or None)
    assert [m.body for m in messages] == ["Hi, where is my order?"]
    inbound = client.messages.list(from_=page.customer)
    assert [(m.to, m.direction, m.num_media) for m in inbound] == [(page.address, "inbound", "1")]

    conversation.messages.create(author="agent.ann", body="It ships today")
    request = sent_to(graph, page)[0]
    assert request.bearer == page.page_access_token
    assert "access_token" not in request.query
    assert request.json == {"recipient": {"id": page.psid}, "messaging_type": "RESPONSE", "message": {"text": "It ships today"}}
    sent = outbound(client, page, status="sent")
    assert [(m.from_, m.body, m.status) for m in sent] == [(page.address, "It ships today", "sent")]


def test_receipts_move_messages_forward_and_a_late_delivery_never_moves_one_back(client, graph, page):
    conversation = conversation_for(client, page)
    customer_writes(graph, page, "Hello")
    eventually(lambda: conversation.messages.list() or None)
    conversation.messages.create(author="agent.ann", body="First")
    first = sent_to(graph, page)[0]
    outbound(client, page, status="sent")
    first_mid = graph.messenger.mid_of(first)

    # Read before delivered, as Meta may post them: the read holds.
    read = page_webhook(page.id, read_event(page.psid, page.id, milliseconds() + 1000))
    assert graph.post_webhook(page.inbound, read, page.app_secret) == (200, "EVENT_RECEIVED")
    assert [m.status for m in outbound(client, page, status="read")] == ["read"]
    late = page_webhook(page.id, delivery_event(page.psid, page.id, [first_mid], milliseconds() - 60_000))
    assert graph.post_webhook(page.inbound, late, page.app_secret) == (200, "EVENT_RECEIVED")
    time.sleep(0.5)
    assert [m.status for m in client.messages.list(to=page.customer)] == ["read"]

    # A delivery naming the second message moves it, even with a watermark before it was sent.
    time.sleep(1.1)
    conversation.messages.create(author="agent.ann", body="Second")
    second_mid = graph.messenger.mid_of(sent_to(graph, page, 2)[1])
    eventually(lambda: {m.body: m.status for m in client.messages.list(to=page.customer)} == {"First": "read", "Second": "sent"} or None)
    delivered = page_webhook(page.id, delivery_event(page.psid, page.id, [second_mid], milliseconds() - 60_000))
    assert graph.post_webhook(page.inbound, delivered, page.app_secret) == (200, "EVENT_RECEIVED")
    statuses = eventually(lambda: (lambda s: s if s == {"First": "read", "Second": "delivered"} else None)(
        {m.body: m.status for m in client.messages.list(to=page.customer)}))
    assert statuses == {"First": "read", "Second": "delivered"}


def test_a_duplicated_webhook_is_stored_once(client, graph, page):
    conversation = conversation_for(client, page)
    payload = customer_writes(graph, page, "Only once, please")
    assert graph.post_webhook(page.inbound, payload, page.app_secret) == (200, "EVENT_RECEIVED")
    assert eventually(lambda: conversation.messages.list() or None)
    time.sleep(0.5)
    assert [m.body for m in conversation.messages.list()] == ["Only once, please"]
    assert [m.body for m in client.messages.list(from_=page.customer)] == ["Only once, please"]


def test_a_wrong_signature_is_refused_and_nothing_is_stored(client, graph, page):
    conversation = conversation_for(client, page)
    payload = page_webhook(page.id, message_event(page.psid, page.id, "forged"))
    status, _ = graph.post_webhook(page.inbound, payload, "another-app-secret")
    assert status == 403
    status, _ = graph.post_webhook(page.inbound, payload, page.app_secret, signature_header="")
    assert status == 403
    time.sleep(0.5)
    assert conversation.messages.list() == []
    assert client.messages.list(from_=page.customer) == []


def test_the_verification_handshake_echoes_the_challenge_only_for_the_verify_token(page):
    assert GraphStandIn.verify(page.inbound, page.verify_token, "1158201444") == (200, "1158201444")
    assert GraphStandIn.verify(page.inbound, "not-the-token", "1158201444")[0] == 403
    assert GraphStandIn.verify(page.inbound, page.verify_token, "1158201444", mode="unsubscribe")[0] == 403


def test_a_server_error_is_retried_until_meta_takes_the_message(client, graph, page):
    customer_writes(graph, page, "Are you there?")
    eventually(lambda: client.messages.list(from_=page.customer) or None)
    graph.fail_next(SEND_PATH, 500, times=1, method="POST")
    client.messages.create(from_=page.address, to=page.customer, body="Yes, here")
    requests = sent_to(graph, page, 2)
    assert [r.json["message"] for r in requests] == [{"text": "Yes, here"}] * 2
    assert [m.status for m in outbound(client, page, status="sent")] == ["sent"]


@pytest.mark.parametrize("error, code, meta", [
    (graph_error("(#10) This message is sent outside of allowed window.", 10, subcode=2018278), 63016, "Messenger 10/2018278"),
    (graph_error("(#100) No matching user found", 100, subcode=2018001), 21211, "Messenger 100/2018001"),
    (graph_error("Error validating access token: Session has expired.", 190, subcode=463), 20003, "Messenger 190/463"),
])
def test_metas_refusals_fail_the_message_with_twilios_code_and_metas_text(client, graph, page, api, error, code, meta):
    customer_writes(graph, page, "Hello")
    eventually(lambda: client.messages.list(from_=page.customer) or None)
    graph.answer_next(SEND_PATH, 400, error, times=1, method="POST")
    client.messages.create(from_=page.address, to=page.customer, body="Hi")
    failed = outbound(client, page, status="failed")
    assert [(m.status, m.error_code) for m in failed] == [("failed", code)]
    assert meta in failed[0].error_message and error["error"]["message"] in failed[0].error_message
    assert len(sent_to(graph, page)) == 1
    health = api.get(f"{SENDERS}/{page.sid}")
    ANSWERS.append(health.text)
    assert health.json()["health"]["failed_count"] == 1
    assert meta in health.json()["health"]["last_error"]


def test_the_page_secrets_are_in_no_senders_response_and_no_log_line(api, messenger_server, page):
    ANSWERS.append(api.get(f"{SENDERS}/{page.sid}").text)
    ANSWERS.append(api.get(SENDERS, PageSize=1000).text)
    rotated = "EAAG" + random_auth_token() + random_auth_token()
    SECRETS.append(rotated)
    resp = api.post(f"{SENDERS}/{page.sid}", {"Settings": json.dumps({"page_access_token": rotated})})
    assert resp.status_code == 200, resp.text
    ANSWERS.append(resp.text)
    assert len(SECRETS) >= 4
    for secret in SECRETS:
        for answer in ANSWERS:
            assert secret not in answer, f"a Senders response repeats a secret: {answer[:300]}"
    process = messenger_server.process
    log = process.stdout_path.read_text(errors="replace") + process.stderr_path.read_text(errors="replace")
    assert "Senders" in log, "the server's log has no line about the requests to check"
    for secret in SECRETS:
        assert secret not in log, "the server's log holds a page secret"


@pytest.fixture(scope="module")
def short_window_server(switchboard_bin, tmp_path_factory):
    """A server on SQLite whose customer-care window is 2 seconds, so a day-old customer takes a few seconds."""
    yield from public_server(switchboard_bin, tmp_path_factory, "messenger-short-window", "sqlite",
                             {"SWITCHBOARD_MESSAGING_WINDOW_SECONDS": "2"})


def test_after_the_window_an_agent_answers_with_the_human_agent_tag_but_the_messages_api_is_refused(short_window_server, graph):
    client = short_window_server.client(short_window_server.account_sid, short_window_server.auth_token)
    page = make_page(short_window_server.raw(), short_window_server, graph)
    conversation = conversation_for(client, page)
    customer_writes(graph, page, "Can someone call me back?")
    eventually(lambda: conversation.messages.list() or None)
    time.sleep(2.5)

    conversation.messages.create(author="agent.ann", body="Sorry for the wait, calling you now")
    request = sent_to(graph, page)[0]
    assert request.json == {"recipient": {"id": page.psid}, "messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT",
                            "message": {"text": "Sorry for the wait, calling you now"}}
    assert [m.status for m in outbound(client, page, status="sent")] == ["sent"]

    # An automated message through the Messages API gets no such grace.
    automated = client.messages.create(to=page.customer, from_=page.address, body="Rate our service")
    assert (automated.status, automated.error_code) == ("failed", 63016)
    assert len(sent_to(graph, page)) == 1
