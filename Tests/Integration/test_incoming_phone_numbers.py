"""API 2010 IncomingPhoneNumbers driven with the official library, and what Switchboard does with a customer's message
to one: posted to its SmsUrl as Twilio posts it (signed, to the fallback when the first URL fails), the TwiML answer
carried out, and, without an SmsUrl, threaded into Conversations as before."""

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator

from assertions import assert_rest_exception, assert_rfc2822_dates
from polling import eventually
from sandbox import SANDBOX_MESSAGES, handset
from test_delivery_messages import customer_number
from webhook_receiver import WebhookReceiver

SPEC = "twilio_api_v2010.json"
LIST_PATH = "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"


def text(raw, customer: str, business: str, body: str) -> dict:
    """The customer's handset sends `body` to the business number."""
    resp = raw.post(SANDBOX_MESSAGES, {"Channel": "sms", "From": customer, "To": business, "Body": body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def twiml(document: str):
    """A receiver answer: 200 with this TwiML."""
    return lambda request, earlier: (200, document)


def bodies_at(raw, address: str) -> list:
    """The bodies that reached the handset at `address`, oldest first."""
    return [m["body"] for m in handset(raw, address)]


def test_numbers_are_created_fetched_listed_updated_and_deleted_in_twilios_shape(client, raw, openapi_component, openapi_answer):
    business = customer_number()
    created = client.api.v2010.account.incoming_phone_numbers.create(
        phone_number=business, friendly_name="Support line", sms_url="https://app.example.com/sms", sms_method="GET",
        sms_fallback_url="https://backup.example.com/sms", status_callback="https://app.example.com/status",
        voice_url="https://app.example.com/voice")
    assert created.sid.startswith("PN") and created.phone_number == business and created.status == "in-use"
    assert (created.sms_method, created.sms_fallback_method, created.status_callback_method) == ("GET", "POST", "POST")
    assert created.capabilities == {"fax": False, "mms": True, "sms": True, "voice": True}
    assert created.voice_url == "https://app.example.com/voice"

    schema = openapi_component(SPEC, "api.v2010.account.incoming_phone_number")
    fetched = raw.get(f"/api/2010-04-01/Accounts/{client.account_sid}/IncomingPhoneNumbers/{created.sid}.json").json()
    assert set(fetched) == set(schema["properties"]), sorted(set(fetched) ^ set(schema["properties"]))
    jsonschema.validate(fetched, schema)
    assert_rfc2822_dates(fetched)
    assert fetched["uri"] == f"/2010-04-01/Accounts/{client.account_sid}/IncomingPhoneNumbers/{created.sid}.json"

    listed = raw.get(f"/api/2010-04-01/Accounts/{client.account_sid}/IncomingPhoneNumbers.json", PhoneNumber=business).json()
    jsonschema.validate(listed, openapi_answer(SPEC, LIST_PATH))
    assert [n["sid"] for n in listed["incoming_phone_numbers"]] == [created.sid]
    assert "PhoneNumber=" in listed["uri"]
    assert [n.sid for n in client.incoming_phone_numbers.list(phone_number=business[-7:])] == [created.sid]
    assert created.sid in [n.sid for n in client.incoming_phone_numbers.list(friendly_name="Support line")]
    assert client.incoming_phone_numbers.list(phone_number=business, friendly_name="Other name") == []

    updated = client.incoming_phone_numbers(created.sid).update(sms_url="", sms_fallback_method="GET", friendly_name="Renamed")
    assert (updated.sms_url, updated.sms_fallback_method, updated.friendly_name) == (None, "GET", "Renamed")
    assert client.incoming_phone_numbers(created.sid).fetch().friendly_name == "Renamed"

    assert client.incoming_phone_numbers(created.sid).delete() is True
    with pytest.raises(TwilioRestException) as gone:
        client.incoming_phone_numbers(created.sid).fetch()
    assert_rest_exception(gone, 404, 20404)


def test_bad_numbers_duplicates_and_other_accounts_are_refused_with_twilios_codes(client, server, new_subaccount):
    with pytest.raises(TwilioRestException) as invalid:
        client.incoming_phone_numbers.create(phone_number="not a number")
    assert_rest_exception(invalid, 400, 21421)
    business = customer_number()
    number = client.incoming_phone_numbers.create(phone_number=business)
    assert number.friendly_name.startswith("(")
    with pytest.raises(TwilioRestException) as duplicate:
        client.incoming_phone_numbers.create(phone_number=business)
    assert_rest_exception(duplicate, 400, 21422)
    with pytest.raises(TwilioRestException) as bad_method:
        client.incoming_phone_numbers(number.sid).update(sms_method="PUT")
    assert_rest_exception(bad_method, 400, 20001)

    sub_sid, sub_token = new_subaccount("numbers")
    other = server.client(sub_sid, sub_token)
    for attempt in (lambda: other.incoming_phone_numbers(number.sid).fetch(),
                    lambda: other.incoming_phone_numbers(number.sid).update(friendly_name="mine"),
                    lambda: other.incoming_phone_numbers(number.sid).delete(),
                    lambda: other.api.v2010.accounts(server.account_sid).incoming_phone_numbers(number.sid).fetch()):
        with pytest.raises(TwilioRestException) as hidden:
            attempt()
        assert_rest_exception(hidden, 404, 20404)
    assert other.incoming_phone_numbers.list(phone_number=business) == []
    # The subaccount may have the same number: numbers are unique within an account.
    assert other.incoming_phone_numbers.create(phone_number=business).phone_number == business


def test_a_customers_message_is_posted_to_the_sms_url_signed_with_twilios_parameters(client, server, raw):
    customer, business = customer_number(), customer_number()
    with WebhookReceiver(answer=twiml("<Response/>")) as receiver:
        client.incoming_phone_numbers.create(phone_number=business, sms_url=receiver.url("/sms"))
        sent = text(raw, customer, business, "Where is my order?")
        posts = eventually(lambda: receiver.snapshot())
    assert len(posts) == 1
    form = posts[0]["form"]
    assert form["MessageSid"] == form["SmsSid"] == form["SmsMessageSid"] == sent["sid"]
    assert (form["AccountSid"], form["From"], form["To"], form["Body"]) == (server.account_sid, customer, business, "Where is my order?")
    assert (form["NumMedia"], form["NumSegments"], form["SmsStatus"], form["ApiVersion"]) == ("0", "1", "received", "2010-04-01")
    assert "MessagingServiceSid" not in form
    assert posts[0]["method"] == "POST"
    assert RequestValidator(server.auth_token).validate(receiver.url("/sms"), form, posts[0]["signature"])
    assert client.messages(sent["sid"]).fetch().direction == "inbound"


def test_the_fallback_url_gets_the_message_when_the_sms_url_answers_500(client, server, raw):
    customer, business = customer_number(), customer_number()

    def answer(request, earlier):
        """The primary fails; the fallback replies."""
        if request["path"].startswith("/primary"):
            return 500
        return (200, "<Response><Message>Answered by the fallback</Message></Response>")

    with WebhookReceiver(answer=answer) as receiver:
        client.incoming_phone_numbers.create(phone_number=business, sms_url=receiver.url("/primary"),
                                             sms_fallback_url=receiver.url("/fallback"), sms_fallback_method="GET")
        text(raw, customer, business, "hello?")
        fallback = eventually(lambda: [r for r in receiver.snapshot() if r["path"].startswith("/fallback")])
        assert eventually(lambda: bodies_at(raw, customer) == ["Answered by the fallback"]), bodies_at(raw, customer)
    assert fallback[0]["method"] == "GET"
    # A GET carries the parameters in its query and is signed over the URL alone, as Twilio signs it.
    assert RequestValidator(server.auth_token).validate(receiver.base_url + fallback[0]["path"], {}, fallback[0]["signature"])


def test_a_twiml_message_reaches_the_handset_from_the_number_and_nested_nouns_and_addresses_work(client, raw):
    customer, business, colleague = customer_number(), customer_number(), customer_number()
    document = ("<Response><Message>Thanks, we are on it</Message>"
                f'<Message to="{colleague}"><Body>Customer waiting</Body></Message></Response>')
    with WebhookReceiver(answer=twiml(document)) as receiver:
        number = client.incoming_phone_numbers.create(phone_number=business, sms_url=receiver.url("/sms"))
        text(raw, customer, business, "Where is my order?")
        assert eventually(lambda: bodies_at(raw, customer) == ["Thanks, we are on it"]), bodies_at(raw, customer)
        assert eventually(lambda: bodies_at(raw, colleague) == ["Customer waiting"]), bodies_at(raw, colleague)
    replies = client.messages.list(to=customer)
    assert [(m.from_, m.direction) for m in replies] == [(business, "outbound-reply")]
    assert len(receiver.snapshot()) == 1
    assert number.sid.startswith("PN")


def test_a_redirect_is_followed_with_the_same_parameters(client, server, raw):
    customer, business = customer_number(), customer_number()

    def answer(request, earlier):
        """The first URL redirects relatively; the second replies."""
        if request["path"].startswith("/start"):
            return (200, '<Response><Redirect method="POST">/next</Redirect><Message>never sent</Message></Response>')
        return (200, "<Response><Message>After the redirect</Message></Response>")

    with WebhookReceiver(answer=answer) as receiver:
        client.incoming_phone_numbers.create(phone_number=business, sms_url=receiver.url("/start"))
        text(raw, customer, business, "menu")
        assert eventually(lambda: bodies_at(raw, customer) == ["After the redirect"]), bodies_at(raw, customer)
        posts = receiver.snapshot()
    assert [p["path"] for p in posts] == ["/start", "/next"]
    assert posts[0]["form"] == posts[1]["form"]
    assert RequestValidator(server.auth_token).validate(receiver.url("/next"), posts[1]["form"], posts[1]["signature"])


def test_an_empty_response_sends_nothing(client, raw):
    customer, business = customer_number(), customer_number()
    with WebhookReceiver(answer=twiml("<Response/>")) as receiver:
        client.incoming_phone_numbers.create(phone_number=business, sms_url=receiver.url("/sms"))
        text(raw, customer, business, "just saying")
        assert eventually(lambda: receiver.snapshot())
        # A message a later answer sends arrives after anything the empty one could have sent.
        receiver.answer = twiml("<Response><Message>second</Message></Response>")
        text(raw, customer, business, "again")
        assert eventually(lambda: bodies_at(raw, customer) == ["second"]), bodies_at(raw, customer)


def test_a_number_without_sms_url_still_threads_into_conversations(client, raw):
    customer, business = customer_number(), customer_number()
    client.incoming_phone_numbers.create(phone_number=business, friendly_name="no webhook")
    conversation = client.conversations.v1.conversations.create(friendly_name="threading")
    client.conversations.v1.conversations(conversation.sid).participants.create(
        messaging_binding_address=customer, messaging_binding_proxy_address=business)
    text(raw, customer, business, "Still here")
    messages = eventually(lambda: client.conversations.v1.conversations(conversation.sid).messages.list())
    assert [m.body for m in messages] == ["Still here"]
