"""The Twilio connector against a real peer: a second `switchboard serve` plays Twilio. It takes our messages through
API 2010 Messages.json, delivers them to its sandbox handsets, posts signed status callbacks to our sender's inbound URL,
and posts its handsets' replies there through an IncomingPhoneNumber whose SmsUrl is that URL. A stand-in on loopback
plays a Twilio that fails, to show retries and refusals, and statuses that arrive out of order."""

import json

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_rest_exception
from factories import fake_sid, random_auth_token, unique_name
from polling import eventually
from raw_http import keys_path
from sandbox import SANDBOX_MESSAGES, fail_deliveries, handset
from test_delivery_messages import customer_number
from test_messages_content import template
from twilio_peer import (SENDERS, business_number, create_sender, fetch_sender, inbound_form, post_signed, signature, start_peer,
                         status_form, stop_peer)
from webhook_receiver import WebhookReceiver

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
WAIT_S = 30


@pytest.fixture(scope="module")
def peer(switchboard_bin, tmp_path_factory):
    """The second Switchboard, on its own SQLite database."""
    started = start_peer(switchboard_bin, tmp_path_factory.mktemp("twilio-peer"))
    yield started
    code = stop_peer(started)
    assert code == 0, f"the peer did not exit 0 after SIGTERM (exit {code})\n{started.process.log_tail()}"


def peer_sender(raw, peer, address, auth_token=None) -> dict:
    """A sender at `address` delivering through the peer's bootstrap account."""
    return create_sender(raw, address, {"base_url": peer.api_base_url, "account_sid": peer.account_sid,
                                        "auth_token": auth_token or peer.auth_token})


def status_of(client, sid: str, wanted: str) -> str:
    """The message's status once it is `wanted`, or whatever it is after the wait."""
    reached = eventually(lambda: client.messages(sid).fetch().status == wanted, WAIT_S)
    return wanted if reached else client.messages(sid).fetch().status


def test_an_agents_message_reaches_the_peers_handset_and_the_customers_reply_reaches_the_conversation(client, raw, peer):
    business, customer = business_number(), customer_number()
    sender = peer_sender(raw, peer, business)
    peer.client().incoming_phone_numbers.create(phone_number=business, sms_url=sender["inbound_url"])
    conversation = client.conversations.v1.conversations.create(friendly_name="Through Twilio")
    conversation.participants.create(identity="agent.ada")
    sms = conversation.participants.create(messaging_binding_address=customer, messaging_binding_proxy_address=business)

    sent = conversation.messages.create(author="agent.ada", body="Your order has shipped")
    got = eventually(lambda: handset(peer.raw(), customer), WAIT_S)
    assert [(m["from"], m["to"], m["body"]) for m in got] == [(business, customer, "Your order has shipped")]
    ours = client.messages.list(to=customer)
    assert [(m.from_, m.body) for m in ours] == [(business, "Your order has shipped")]
    # Delivered only through the peer's signed status callbacks to the sender's inbound URL.
    assert status_of(client, ours[0].sid, "delivered") == "delivered"
    receipts = eventually(lambda: [r for r in conversation.messages(sent.sid).delivery_receipts.list() if r.status == "delivered"], WAIT_S)
    assert [r.participant_sid for r in receipts] == [sms.sid]

    resp = peer.raw().post(SANDBOX_MESSAGES, {"Channel": "sms", "From": customer, "To": business, "Body": "Thanks, when will it arrive?"})
    assert resp.status_code == 201, resp.text
    replies = eventually(lambda: [m for m in conversation.messages.list() if m.author == customer], WAIT_S)
    assert [m.body for m in replies] == ["Thanks, when will it arrive?"]
    inbound = client.messages.list(from_=customer)
    assert [(m.to, m.direction) for m in inbound] == [(business, "inbound")]

    health = fetch_sender(raw, sender["sid"])["health"]
    assert (health["sent_count"], health["failed_count"], health["last_error"]) == (1, 0, None)


def test_a_proxy_session_relays_a_customers_text_to_the_other_participant_through_the_peer(client, raw, peer):
    business, rider, driver = business_number(), customer_number(), customer_number()
    sender = peer_sender(raw, peer, business)
    peer.client().incoming_phone_numbers.create(phone_number=business, sms_url=sender["inbound_url"])
    service = client.proxy.v1.services.create(unique_name=unique_name("through-twilio"))
    proxy = client.proxy.v1.services(service.sid)
    proxy.phone_numbers.create(phone_number=business)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": rider}, {"Identifier": driver}])

    resp = peer.raw().post(SANDBOX_MESSAGES, {"Channel": "sms", "From": rider, "To": business, "Body": "Is my driver close?"})
    assert resp.status_code == 201, resp.text
    got = eventually(lambda: handset(peer.raw(), driver), WAIT_S)
    assert [(m["from"], m["to"], m["body"]) for m in got] == [(business, driver, "Is my driver close?")]
    relayed = eventually(lambda: [i for i in proxy.sessions(session.sid).interactions.list()
                                  if i.outbound_resource_status == "delivered"], WAIT_S)
    assert len(relayed) == 1
    assert fetch_sender(raw, sender["sid"])["health"]["sent_count"] == 1


def test_media_urls_go_to_the_peer_which_stores_them(client, raw, peer):
    business, customer = business_number(), customer_number()
    peer_sender(raw, peer, business)
    message = client.messages.create(to=customer, from_=business, body="Your receipt",
                                     media_url=["https://cdn.example.com/receipt.pdf", "https://cdn.example.com/map.png"])
    assert message.num_media == "2"
    got = eventually(lambda: handset(peer.raw(), customer), WAIT_S)
    assert [m["body"] for m in got] == ["Your receipt"]
    assert peer.client().messages(got[0]["sid"]).fetch().num_media == "2"

    picture_only = client.messages.create(to=customer, from_=business, media_url=["https://cdn.example.com/parcel.jpg"])
    assert (picture_only.body, picture_only.num_media) == ("", "1")
    assert status_of(client, picture_only.sid, "delivered") == "delivered"
    with pytest.raises(TwilioRestException) as invalid:
        client.messages.create(to=customer, from_=business, body="Broken", media_url=["not a url"])
    assert_rest_exception(invalid, 400, 21620)


def test_a_wrong_signature_is_refused_and_a_repeated_webhook_is_stored_once(client, raw, peer):
    business, customer = business_number(), customer_number()
    sender = peer_sender(raw, peer, business)
    url = sender["inbound_url"]
    conversation = client.conversations.v1.conversations.create(friendly_name="Repeated webhooks")
    conversation.participants.create(messaging_binding_address=customer, messaging_binding_proxy_address=business)
    form = inbound_form(peer.account_sid, customer, business, "Is anyone there?")

    tampered = {**form, "Body": "Changed on the way"}
    for refused in (post_signed(url, form, "0" * 32), post_signed(url, form, peer.auth_token, signature_text=""),
                    post_signed(url, tampered, peer.auth_token, signature_text=signature(peer.auth_token, url, form))):
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == 20403
    assert client.messages.list(from_=customer) == []
    assert conversation.messages.list() == []

    for _ in range(2):
        accepted = post_signed(url, form, peer.auth_token)
        assert accepted.status_code == 200, accepted.text
        assert accepted.headers["Content-Type"].startswith("text/xml")
        assert accepted.text == EMPTY_TWIML
    assert [m.body for m in conversation.messages.list()] == ["Is anyone there?"]
    assert [m.body for m in client.messages.list(from_=customer)] == ["Is anyone there?"]


def test_statuses_out_of_order_never_move_a_message_backwards(client, raw):
    provider_sid, token = fake_sid("SM"), random_auth_token()
    business, customer = business_number(), customer_number()
    answer = json.dumps({"sid": provider_sid, "status": "queued", "to": customer, "from": business})
    with WebhookReceiver(answer=lambda request, earlier: (201, answer)) as twilio:
        sender = create_sender(raw, business, {"base_url": twilio.base_url, "account_sid": "AC" + "1" * 32, "auth_token": token})
        message = client.messages.create(to=customer, from_=business, body="Out of order")
        assert status_of(client, message.sid, "sent") == "sent"
        posted = twilio.snapshot()
    assert [(r["method"], r["path"]) for r in posted] == [("POST", f"/2010-04-01/Accounts/AC{'1' * 32}/Messages.json")]
    assert posted[0]["form"] == {"To": customer, "From": business, "Body": "Out of order", "StatusCallback": sender["inbound_url"]}
    assert posted[0]["headers"]["Authorization"].startswith("Basic ")

    url = sender["inbound_url"]
    for status, code in (("delivered", 200), ("sent", 200), ("queued", 200)):
        resp = post_signed(url, status_form("AC" + "1" * 32, provider_sid, status), token)
        assert (resp.status_code, resp.text) == (code, EMPTY_TWIML)
    assert client.messages(message.sid).fetch().status == "delivered"
    # A receipt for a message we do not know (yet) asks Twilio to try again later.
    unknown = post_signed(url, status_form("AC" + "1" * 32, fake_sid("SM"), "delivered"), token)
    assert unknown.status_code == 503, unknown.text


def test_a_server_error_is_retried_until_twilio_takes_the_message(client, raw):
    provider_sid, business, customer = fake_sid("SM"), business_number(), customer_number()
    answers = [(500, json.dumps({"code": 20500, "message": "Internal Server Error", "status": 500})),
               (201, json.dumps({"sid": provider_sid, "status": "queued"}))]
    answered = []

    def script(request, earlier):
        """500 the first time, then Twilio's 201."""
        answered.append(answers[min(len(answered), 1)])
        return answered[-1]

    with WebhookReceiver(answer=script) as twilio:
        sender = create_sender(raw, business, {"base_url": twilio.base_url, "account_sid": "AC" + "2" * 32, "auth_token": random_auth_token()})
        message = client.messages.create(to=customer, from_=business, body="Try again")
        assert status_of(client, message.sid, "sent") == "sent"
    assert [status for status, _ in answered] == [500, 201]
    health = fetch_sender(raw, sender["sid"])["health"]
    assert (health["sent_count"], health["failed_count"]) == (1, 0)
    assert "HTTP 500" in health["last_error"] and "20500" in health["last_error"]


def test_an_sms_template_reaches_the_peer_as_its_rendered_text(client, raw, peer):
    # Our Content SID means nothing to Twilio: on SMS the peer gets Switchboard's rendering as the Body.
    customer, business = customer_number(), business_number()
    peer_sender(raw, peer, business)
    content = template(client, "Hello from a template")
    templated = client.messages.create(to=customer, from_=business, content_sid=content.sid)
    assert status_of(client, templated.sid, "delivered") == "delivered"
    got = eventually(lambda: handset(peer.raw(), customer), WAIT_S)
    assert [m["body"] for m in got] == ["Hello from a template"]


def test_refusals_fail_the_message_with_the_providers_code_and_text(client, raw, peer):
    customer = customer_number()
    # Bad credentials are a refusal that says so.
    wrong_token = random_auth_token()
    locked_out = business_number()
    locked_sender = peer_sender(raw, peer, locked_out, auth_token=wrong_token)
    refused = client.messages.create(to=customer, from_=locked_out, body="Nobody will see this")
    assert status_of(client, refused.sid, "failed") == "failed"
    fetched = client.messages(refused.sid).fetch()
    assert fetched.error_code == 20003
    assert fetched.error_message.startswith("Twilio refused the sender's credentials (20003")
    health = fetch_sender(raw, locked_sender["sid"])["health"]
    assert (health["sent_count"], health["failed_count"]) == (0, 1)
    assert "20003" in health["last_error"] and health["last_failure_at"]

    # A stand-in answering Twilio's 21211 for a number it will not text.
    invalid = json.dumps({"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400})
    with WebhookReceiver(answer=lambda request, earlier: (400, invalid)) as twilio:
        stand_in = business_number()
        create_sender(raw, stand_in, {"base_url": twilio.base_url, "account_sid": "AC" + "3" * 32, "auth_token": random_auth_token()})
        message = client.messages.create(to=customer, from_=stand_in, body="Hello")
        assert status_of(client, message.sid, "failed") == "failed"
        assert len(twilio.snapshot()) == 1
    fetched = client.messages(message.sid).fetch()
    assert (fetched.error_code, fetched.error_message) == (21211, "The 'To' number is not a valid phone number. (Twilio 21211)")


def test_an_undelivered_report_from_the_peer_keeps_its_error_code(client, raw, peer):
    business, customer = business_number(), customer_number()
    peer_sender(raw, peer, business)
    fail_deliveries(peer.raw(), customer, status="undelivered", error_code=30003)
    message = client.messages.create(to=customer, from_=business, body="Is your phone on?")
    assert status_of(client, message.sid, "undelivered") == "undelivered"
    assert client.messages(message.sid).fetch().error_code == 30003


def test_the_senders_credentials_never_appear_in_a_response_or_the_log(client, raw, server, peer):
    business, customer = business_number(), customer_number()
    created = peer_sender(raw, peer, business)
    assert created["settings"] == {"account_sid": peer.account_sid, "base_url": peer.api_base_url}
    # An API key of the peer's account: outbound authenticates with it; inbound is still signed with the auth token.
    key = peer.raw().post(keys_path(peer.account_sid), {"FriendlyName": "switchboard connector"})
    assert key.status_code == 201, key.text
    key_sid, key_secret = key.json()["sid"], key.json()["secret"]
    updated = raw.post(f"{SENDERS}/{created['sid']}", {"FriendlyName": "Renamed", "Settings": json.dumps({"api_key_sid": key_sid, "api_key_secret": key_secret})})
    assert updated.status_code == 200, updated.text
    assert updated.json()["settings"] == {"account_sid": peer.account_sid, "api_key_sid": key_sid, "base_url": peer.api_base_url}
    message = client.messages.create(to=customer, from_=business, body="Credentials stay secret")
    assert [m["body"] for m in eventually(lambda: handset(peer.raw(), customer), WAIT_S)] == ["Credentials stay secret"]
    assert status_of(client, message.sid, "delivered") == "delivered"

    texts = [json.dumps(created), updated.text, raw.get(f"{SENDERS}/{created['sid']}").text, raw.get(SENDERS, PageSize="1000").text]
    for text in texts:
        assert peer.auth_token not in text and key_secret not in text
    process = server.process
    log = process.stdout_text() + (process.stderr_path.read_text(errors="replace") if process.stderr_path.exists() else "")
    assert peer.auth_token not in log and key_secret not in log
