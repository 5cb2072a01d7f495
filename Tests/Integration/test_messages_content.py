"""`POST …/Messages.json` as Twilio's: a `ContentSid` is rendered with its `ContentVariables`, and WhatsApp's and
Messenger's customer-care window refuses free text and unapproved templates with 63016, as Conversations does."""

import json
import signal
import time

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client
from twilio.rest.content.v1.content import ContentList

from assertions import assert_rest_exception
from factories import fake_sid, random_auth_token, unique_name
from flex_contact_center import approved_template, customer_number, customer_writes
from polling import eventually
from raw_http import RawApi
from sandbox import handset
from server_process import ServerProcess, clean_env
from switchboard_client import PATH_MODE, SwitchboardHttpClient
from test_delivery_messages import final_status
from webhook_receiver import WebhookReceiver

# A number of its own, so no other test's Conversations address or Proxy session takes the customers' replies.
CENTER = "+15005550177"


def template(client, body, variables=None):
    """A Content template never submitted for approval."""
    return client.content.v1.contents.create(ContentList.ContentCreateRequest(
        {"friendly_name": unique_name("template"), "language": "en", "variables": variables or {}, "types": {"twilio/text": {"body": body}}}))


def assert_message_schema(raw, client, sid, openapi_component):
    """The fetched message is exactly Twilio's `api.v2010.account.message`."""
    fetched = raw.get(f"/api/2010-04-01/Accounts/{client.account_sid}/Messages/{sid}.json").json()
    schema = openapi_component("twilio_api_v2010.json", "api.v2010.account.message")
    assert set(fetched) == set(schema["properties"])
    jsonschema.validate(fetched, schema)
    return fetched


def test_a_content_sid_is_rendered_with_its_variables_into_the_body_the_handset_gets(client, raw, openapi_component):
    content = template(client, "Hi {{1}}, your order {{2}} ships {{3}}.", variables={"3": "tomorrow"})
    to = customer_number()
    variables = json.dumps({"1": "Zoë", "2": "#1234"})
    message = client.messages.create(to=to, from_=CENTER, content_sid=content.sid, content_variables=variables)
    assert (message.status, message.body) == ("queued", "Hi Zoë, your order #1234 ships tomorrow.")
    got = eventually(lambda: handset(raw, to))
    assert [(m["body"], m["content_sid"], m["content_variables"]) for m in got] == [
        ("Hi Zoë, your order #1234 ships tomorrow.", content.sid, variables)]
    assert final_status(client, message.sid) == "delivered"
    assert assert_message_schema(raw, client, message.sid, openapi_component)["body"] == "Hi Zoë, your order #1234 ships tomorrow."


def test_a_content_sid_the_account_does_not_have_or_a_missing_variable_is_refused(client):
    with pytest.raises(TwilioRestException) as unknown:
        client.messages.create(to=customer_number(), from_=CENTER, content_sid=fake_sid("HX"))
    assert_rest_exception(unknown, 400, 21655)
    content = template(client, "Hi {{1}}")
    with pytest.raises(TwilioRestException) as missing:
        client.messages.create(to=customer_number(), from_=CENTER, content_sid=content.sid, content_variables=json.dumps({"2": "x"}))
    assert_rest_exception(missing, 400, 21656)


@pytest.mark.parametrize("channel, customer, center", [
    ("whatsapp", "whatsapp:{number}", "whatsapp:" + CENTER),
    ("messenger", "messenger:{digits}", "messenger:5005550177"),
])
def test_free_text_before_the_customer_writes_fails_with_63016_and_reaches_no_handset(client, raw, openapi_component, channel, customer, center):
    number = customer_number()
    to = customer.format(number=number, digits=number[1:])
    with WebhookReceiver() as receiver:
        message = client.messages.create(to=to, from_=center, body="Are you there?", status_callback=receiver.url("/status"))
        posts = eventually(lambda: receiver.snapshot())
    assert (message.status, message.error_code) == ("failed", 63016)
    assert "outside the allowed window" in message.error_message
    assert [(p["form"]["MessageStatus"], p["form"]["ErrorCode"]) for p in posts] == [("failed", "63016")]
    fetched = assert_message_schema(raw, client, message.sid, openapi_component)
    assert (fetched["status"], fetched["error_code"], fetched["body"]) == ("failed", 63016, "Are you there?")
    time.sleep(0.5)
    assert handset(raw, to) == []


def test_free_text_goes_once_the_customer_has_written_and_only_to_the_number_they_wrote_to(client, raw):
    customer = "whatsapp:" + customer_number()
    customer_writes(raw, "whatsapp", customer, "whatsapp:" + CENTER, "Hi, I need help")
    message = client.messages.create(to=customer, from_="whatsapp:" + CENTER, body="Happy to help")
    assert message.status == "queued"
    assert final_status(client, message.sid) == "delivered"
    assert [m["body"] for m in eventually(lambda: handset(raw, customer))] == ["Happy to help"]
    other = client.messages.create(to=customer, from_="whatsapp:+15005550178", body="From another number")
    assert (other.status, other.error_code) == ("failed", 63016)


def test_outside_the_window_an_approved_template_goes_and_an_unapproved_one_fails_saying_so(client, raw):
    customer = "whatsapp:" + customer_number()
    approved, _ = approved_template(client, "Your order {{1}} has shipped.")
    sent = client.messages.create(to=customer, from_="whatsapp:" + CENTER, content_sid=approved.sid,
                                  content_variables=json.dumps({"1": "#1234"}))
    assert (sent.status, sent.body) == ("queued", "Your order #1234 has shipped.")
    assert [m["body"] for m in eventually(lambda: handset(raw, customer))] == ["Your order #1234 has shipped."]

    rejected, approval = approved_template(client, "Buy now", name="please_reject")
    assert approval.status == "rejected"
    unsubmitted = template(client, "Hello there")
    for content, status in ((rejected, "rejected"), (unsubmitted, "unsubmitted")):
        failed = client.messages.create(to=customer, from_="whatsapp:" + CENTER, content_sid=content.sid)
        assert (failed.status, failed.error_code) == ("failed", 63016)
        assert content.sid in failed.error_message and "not approved" in failed.error_message and status in failed.error_message
    time.sleep(0.5)
    assert [m["body"] for m in handset(raw, customer)] == ["Your order #1234 has shipped."]


def test_an_unapproved_template_goes_inside_the_window_and_sms_has_no_window(client, raw):
    customer = "whatsapp:" + customer_number()
    customer_writes(raw, "whatsapp", customer, "whatsapp:" + CENTER, "Hello?")
    content = template(client, "Thanks for writing, {{1}}.")
    message = client.messages.create(to=customer, from_="whatsapp:" + CENTER, content_sid=content.sid, content_variables=json.dumps({"1": "Ann"}))
    assert final_status(client, message.sid) == "delivered"
    sms = customer_number()
    assert final_status(client, client.messages.create(to=sms, from_=CENTER, body="No window on SMS").sid) == "delivered"


@pytest.fixture
def short_window_server(switchboard_bin, tmp_path):
    """A server whose customer-care window lasts 2 seconds instead of 24 hours."""
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token,
                     "SWITCHBOARD_MESSAGING_WINDOW_SECONDS": "2"})
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "window.sqlite"), env, name="short-window-messages")
    process.start()
    yield process, account_sid, auth_token
    assert process.stop(signal.SIGTERM) == 0


def test_after_the_window_closes_free_text_fails_with_63016(short_window_server):
    process, account_sid, auth_token = short_window_server
    client = Client(account_sid, auth_token, http_client=SwitchboardHttpClient(process.base_url, PATH_MODE, timeout=30))
    raw = RawApi(process.base_url, (account_sid, auth_token))
    customer = "whatsapp:" + customer_number()
    customer_writes(raw, "whatsapp", customer, "whatsapp:" + CENTER, "Hello?")
    inside = client.messages.create(to=customer, from_="whatsapp:" + CENTER, body="Inside the window")
    assert inside.status == "queued"
    time.sleep(3)
    outside = client.messages.create(to=customer, from_="whatsapp:" + CENTER, body="Outside the window")
    assert (outside.status, outside.error_code) == ("failed", 63016)
    assert [m["body"] for m in eventually(lambda: handset(raw, customer))] == ["Inside the window"]
