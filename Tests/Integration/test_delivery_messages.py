"""Messages through the delivery pipeline to the sandbox's handsets, driven with the official library."""

import random

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_rest_exception
from polling import eventually
from sandbox import SANDBOX_MESSAGES, clear_failures, fail_deliveries, handset

CONTACT_CENTER = "+15005550006"


def customer_number() -> str:
    """A fresh E.164 number, so tests never read each other's handsets."""
    return "+1415" + "".join(random.choice("0123456789") for _ in range(7))


def final_status(client, sid: str, timeout: float = 10.0) -> str:
    """The message's status once it stops moving."""
    finals = {"delivered", "undelivered", "failed"}
    status = eventually(lambda: (s := client.messages(sid).fetch().status) in finals and s, timeout)
    return status or client.messages(sid).fetch().status


def test_a_message_reaches_the_customers_sandbox_handset_and_is_delivered(client, raw, openapi_component):
    to = customer_number()
    message = client.messages.create(to=to, from_=CONTACT_CENTER, body="Your order has shipped")
    assert message.status == "queued" and message.direction == "outbound-api" and message.sid.startswith("SM")
    received = eventually(lambda: handset(raw, to))
    assert [m["sid"] for m in received] == [message.sid]
    assert received[0] | {"date_created": None} == {
        "sid": message.sid, "channel": "sms", "from": CONTACT_CENTER, "to": to, "body": "Your order has shipped",
        "subject": None, "content_sid": None, "content_variables": None, "status": "delivered", "error_code": None,
        "date_created": None}
    assert final_status(client, message.sid) == "delivered"
    fetched = raw.get(f"/api/2010-04-01/Accounts/{client.account_sid}/Messages/{message.sid}.json").json()
    schema = openapi_component("twilio_api_v2010.json", "api.v2010.account.message")
    assert set(fetched) == set(schema["properties"])
    jsonschema.validate(fetched, schema)
    assert fetched["date_sent"] is not None


def test_the_handset_lists_messages_oldest_first(client, raw):
    to = customer_number()
    sids = [client.messages.create(to=to, from_=CONTACT_CENTER, body=f"part {i}").sid for i in range(3)]
    for sid in sids:
        final_status(client, sid)
    assert [m["body"] for m in handset(raw, to)] == ["part 0", "part 1", "part 2"]


def test_addresses_are_normalised_on_the_way_in(client, raw):
    digits = customer_number()[1:]
    written = f"+{digits[0]} ({digits[1:4]}) {digits[4:7]}-{digits[7:]}"
    message = client.messages.create(to=written, from_=CONTACT_CENTER, body="hi")
    assert message.to == "+" + digits
    assert eventually(lambda: handset(raw, "+" + digits))
    assert [m.sid for m in client.messages.list(to="+" + digits)] == [message.sid]


@pytest.mark.parametrize("to, from_", [
    ("whatsapp:{number}", "whatsapp:+15005550006"),
    ("messenger:{digits}", "messenger:1029384756"),
    ("{digits}@Example.COM", "support@center.example"),
])
def test_whatsapp_messenger_and_email_are_delivered_with_their_address_forms(client, raw, to, from_):
    number = customer_number()
    address = to.format(number=number, digits=number[1:])
    expected = address.replace("@Example.COM", "@example.com")
    if address[0] in "wm":
        # WhatsApp and Messenger take free text only inside the window the customer's own message opens.
        channel = address.split(":")[0]
        wrote = raw.post(SANDBOX_MESSAGES, {"Channel": channel, "From": expected, "To": from_, "Body": "hi"})
        assert wrote.status_code == 201, wrote.text
    message = client.messages.create(to=address, from_=from_, body="hello")
    assert message.to == expected
    delivered = eventually(lambda: handset(raw, expected))
    assert delivered and delivered[0]["channel"] == {"w": "whatsapp", "m": "messenger"}.get(address[0], "email")
    assert final_status(client, message.sid) == "delivered"


@pytest.mark.parametrize("to, from_, body, code", [
    ("415-555-0100", CONTACT_CENTER, "x", 21211),
    ("+1415555", CONTACT_CENTER, "x", 21211),
    ("whatsapp:+14155550100", CONTACT_CENTER, "x", 21910),
    ("+14155550100", "not a number", "x", 21212),
    ("+14155550100", CONTACT_CENTER, "", 21602),
    ("+14155550100", CONTACT_CENTER, "x" * 1601, 21617),
])
def test_invalid_messages_are_refused_with_twilios_codes(client, to, from_, body, code):
    with pytest.raises(TwilioRestException) as exc_info:
        client.messages.create(to=to, from_=from_, body=body)
    assert_rest_exception(exc_info, 400, code)


def test_a_missing_to_or_from_is_refused(raw, server):
    path = f"/api/2010-04-01/Accounts/{server.account_sid}/Messages.json"
    assert raw.post(path, {"From": CONTACT_CENTER, "Body": "x"}).json()["code"] == 21604
    assert raw.post(path, {"To": "+14155550100", "Body": "x"}).json()["code"] == 21603


def test_a_failure_rule_makes_deliveries_undelivered_or_failed_with_the_error_code(client, raw):
    to = customer_number()
    fail_deliveries(raw, to)
    undelivered = client.messages.create(to=to, from_=CONTACT_CENTER, body="one")
    assert final_status(client, undelivered.sid) == "undelivered"
    assert client.messages(undelivered.sid).fetch().error_code == 30003

    fail_deliveries(raw, to, status="failed", error_code=30007)
    failed = client.messages.create(to=to, from_=CONTACT_CENTER, body="two")
    assert final_status(client, failed.sid) == "failed"
    fetched = client.messages(failed.sid).fetch()
    assert (fetched.error_code, fetched.error_message) == (30007, "Message filtered")

    clear_failures(raw, to)
    fine = client.messages.create(to=to, from_=CONTACT_CENTER, body="three")
    assert final_status(client, fine.sid) == "delivered"
    assert [(m["body"], m["status"]) for m in handset(raw, to)] == [
        ("one", "undelivered"), ("two", "failed"), ("three", "delivered")]


def test_a_customer_message_enters_through_the_inbound_path(client, raw):
    customer = customer_number()
    resp = raw.post(SANDBOX_MESSAGES, {"Channel": "sms", "From": customer, "To": CONTACT_CENTER, "Body": "Where is my order?"})
    assert resp.status_code == 201, resp.text
    inbound = resp.json()
    assert (inbound["direction"], inbound["status"], inbound["from"]) == ("inbound", "received", customer)
    listed = client.messages.list(from_=customer)
    assert [(m.sid, m.direction, m.status, m.body) for m in listed] == [
        (inbound["sid"], "inbound", "received", "Where is my order?")]


def test_an_inbound_message_with_an_invalid_address_is_refused(raw):
    resp = raw.post(SANDBOX_MESSAGES, {"Channel": "sms", "From": "nobody", "To": CONTACT_CENTER, "Body": "x"})
    assert resp.status_code == 400 and resp.json()["code"] == 21211


def test_the_handset_is_private_to_the_account(client, raw, server, new_subaccount):
    to = customer_number()
    client.messages.create(to=to, from_=CONTACT_CENTER, body="secret")
    assert eventually(lambda: handset(raw, to))
    other = server.raw(new_subaccount("other"))
    assert handset(other, to) == []
