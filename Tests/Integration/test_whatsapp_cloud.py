"""The WhatsApp Business Cloud API connector against a stand-in Graph API on loopback.

Every request Switchboard makes is checked against Meta's OpenAPI description (`../shared/meta-oai`), and the
customers' messages are the spec's own webhook examples (with fresh ids), posted signed as Meta signs them. Both
directions end to end; an approved template outside the window; Meta's errors mapped to Twilio's codes, throttling
and 5xx retried; wrong signatures refused; duplicated webhooks stored once; statuses out of order; the verification
handshake; Meta's template review; and the sender's secrets in no response and no log line."""

import json
import random
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest.content.v1.content import ContentList
from twilio.rest.content.v1.content.approval_create import ApprovalCreateList

from conftest import BACKENDS, PUBLIC_URL, public_server
from factories import random_auth_token, unique_name
from graph_standin import GraphStandIn, MetaSpec, graph_error, whatsapp_webhook
from polling import eventually
from raw_http import RawApi, accounts_path

SENDERS = "/switchboard/v1/Senders"
SEND_PATH = r"^/v23\.0/\d+/messages$"
TEMPLATES_PATH = r"^/v23\.0/\d+/message_templates$"


@pytest.fixture(scope="module")
def spec():
    """Meta's OpenAPI description; the module is skipped without ../shared."""
    loaded = MetaSpec.load()
    if loaded is None:
        pytest.skip("../shared/meta-oai is absent: the WhatsApp stand-in checks every request against it")
    return loaded


@pytest.fixture(scope="module", params=BACKENDS)
def wa_server(request, spec, switchboard_bin, tmp_path_factory):
    """A server that may call loopback peers, with a public URL for inbound URLs, logging at debug level."""
    yield from public_server(switchboard_bin, tmp_path_factory, "whatsapp", request.param)


@pytest.fixture(scope="module")
def graph(spec):
    """The Graph stand-in; it takes only the access tokens the tests' senders were given."""
    with GraphStandIn(access_tokens=["placeholder-never-sent"], spec=spec) as stand_in:
        yield stand_in
        assert not stand_in.violations, f"requests Meta would refuse: {stand_in.violations}"


@pytest.fixture
def api(wa_server) -> RawApi:
    """The bootstrap account over raw HTTP."""
    return wa_server.raw()


@pytest.fixture
def client(wa_server):
    """A twilio Client for the bootstrap account."""
    return wa_server.client(wa_server.account_sid, wa_server.auth_token)


# The friendly names of the templates created, newest last.
LAST_CREATED = []
# Every Senders response and every secret given, for the last test.
ANSWERS = []
SECRETS = []


def digits(count: int) -> str:
    """A random number of `count` digits, not starting with 0."""
    return str(random.randrange(10 ** (count - 1), 10 ** count))


def make_line(api, wa_server, graph, token_known=True):
    """A WhatsApp Cloud sender on a fresh phone number id of the stand-in, and a fresh customer of it."""
    number = "1555" + digits(7)
    secrets = {"access_token": "EAAG" + random_auth_token() + random_auth_token(), "app_secret": "wa-app-" + random_auth_token(),
               "verify_token": "wa-verify-" + random_auth_token()}
    settings = {"graph_url": graph.base_url, "api_version": "v23.0", "phone_number_id": digits(15), "waba_id": digits(15), **secrets}
    resp = api.post(SENDERS, {"Connector": "whatsapp-cloud", "Channel": "whatsapp", "Address": "whatsapp:+" + number,
                              "FriendlyName": unique_name("wa"), "Settings": json.dumps(settings)})
    assert resp.status_code == 201, resp.text
    ANSWERS.append(resp.text)
    SECRETS.extend(secrets.values())
    if token_known:
        graph.access_tokens.add(secrets["access_token"])
    sender = resp.json()
    assert sender["inbound_url"].startswith(PUBLIC_URL), sender["inbound_url"]
    assert sender["settings"] == {k: settings[k] for k in ("graph_url", "api_version", "phone_number_id", "waba_id")}
    customer = "1650" + digits(7)
    return SimpleNamespace(
        number=number, address="whatsapp:+" + number, sid=sender["sid"], phone_number_id=settings["phone_number_id"],
        waba_id=settings["waba_id"], customer_id=customer, customer="whatsapp:+" + customer,
        inbound=wa_server.base_url + urlsplit(sender["inbound_url"]).path, **secrets)


@pytest.fixture
def line(api, wa_server, graph):
    """A WhatsApp Cloud sender whose token the stand-in takes."""
    return make_line(api, wa_server, graph)


@pytest.fixture
def account(wa_server):
    """A fresh subaccount, as (twilio client, raw API): an account's first WhatsApp Cloud sender is the one that
    submits its templates, so each template test has an account of its own."""
    resp = wa_server.raw().post(accounts_path(), {"FriendlyName": unique_name("wa-templates")})
    assert resp.status_code == 201, resp.text
    sid, token = resp.json()["sid"], resp.json()["auth_token"]
    return wa_server.client(sid, token), RawApi(wa_server.base_url, (sid, token))


@pytest.fixture
def own_line(account, wa_server, graph):
    """A WhatsApp Cloud sender, the only one of its account."""
    return make_line(account[1], wa_server, graph)


def webhook(line, value, field_name="messages"):
    """The WhatsApp Business Account webhook for `line` carrying `value`."""
    return whatsapp_webhook(line.phone_number_id, line.number, value, field_name, waba_id=line.waba_id)


def spec_message(spec, line, schema_name):
    """The spec's example inbound message of `schema_name`, from the line's customer, with a fresh id."""
    message = spec.example(schema_name)
    message["from"] = line.customer_id
    message["id"] = "wamid.HBgL" + random_auth_token()
    message.pop("context", None)
    return message


def customer_writes(spec, graph, line, schema_name="TextMessage_2"):
    """Meta posts the line's customer's message (a spec example) to the inbound URL; returns the payload."""
    message = spec_message(spec, line, schema_name)
    payload = webhook(line, {"contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": line.customer_id}], "messages": [message]})
    assert graph.post_webhook(line.inbound, payload, line.app_secret) == (200, "EVENT_RECEIVED")
    return payload


def statuses(spec, line, *items):
    """A signed-ready `statuses` webhook, checked against the spec's webhook schema."""
    payload = webhook(line, {"statuses": [{"timestamp": str(int(time.time())), "recipient_id": line.customer_id, **item} for item in items]})
    assert spec.schema_violations("WebhookPayload", payload) == []
    return payload


def conversation_for(client, line):
    """A conversation in which the line's customer takes part through the WhatsApp sender."""
    conversation = client.conversations.v1.conversations.create(friendly_name=unique_name("whatsapp"))
    conversation.participants.create(messaging_binding_address=line.customer, messaging_binding_proxy_address=line.address)
    return client.conversations.v1.conversations(conversation.sid)


def sent_to(graph, line, count=1):
    """The send requests for the line's customer, once there are `count`."""
    found = eventually(lambda: (lambda got: got if len(got) >= count else None)(
        [r for r in graph.received(SEND_PATH, "POST") if (r.json or {}).get("to") == line.customer_id]), timeout=20)
    assert found, f"the stand-in got no send to {line.customer_id}: {[r.json for r in graph.received(SEND_PATH)]}"
    return found


def outbound(client, line, count=1, status=None):
    """The messages to the customer, once there are `count` (all in `status`, when given)."""
    def ready():
        found = client.messages.list(to=line.customer)
        if len(found) >= count and (status is None or all(m.status == status for m in found)):
            return found
        return None
    return eventually(ready, timeout=20) or client.messages.list(to=line.customer)


def wamid(request):
    """The message id the stand-in answered `request` with, once its answer is recorded."""
    assert eventually(lambda: request.answer_body is not None, timeout=5)
    return request.answer_body["messages"][0]["id"]


def test_a_customers_message_reaches_the_conversation_and_the_agents_answer_reaches_meta(spec, client, graph, line):
    conversation = conversation_for(client, line)
    binding = next(p for p in conversation.participants.list() if p.messaging_binding).messaging_binding
    assert binding["window_closes_at"] is None
    customer_writes(spec, graph, line)
    customer_writes(spec, graph, line, "ImageMessage_1")
    messages = eventually(lambda: (lambda got: got if len(got) == 2 else None)(conversation.messages.list()))
    assert [m.body for m in messages] == ["Does it come in another color?", "Taj Mahal"]
    inbound = client.messages.list(from_=line.customer)
    assert sorted((m.to, m.direction, m.num_media) for m in inbound) == [(line.address, "inbound", "0"), (line.address, "inbound", "1")]
    # The customer's message opened the window, as a sandbox handset's does.
    binding = next(p for p in conversation.participants.list() if p.messaging_binding).messaging_binding
    assert binding["window_closes_at"] is not None

    conversation.messages.create(author="agent.ann", body="Yes, in blue and green")
    request = sent_to(graph, line)[0]
    assert request.bearer == line.access_token and "access_token" not in request.query
    assert request.violations == []
    assert request.json == {"messaging_product": "whatsapp", "recipient_type": "individual", "to": line.customer_id,
                            "type": "text", "text": {"body": "Yes, in blue and green", "preview_url": False}}
    sent = outbound(client, line, status="sent")
    assert [(m.from_, m.body, m.status) for m in sent] == [(line.address, "Yes, in blue and green", "sent")]


def test_media_goes_by_url_with_its_caption(spec, client, graph, line):
    customer_writes(spec, graph, line)
    eventually(lambda: client.messages.list(from_=line.customer) or None)
    client.messages.create(from_=line.address, to=line.customer, body="Your invoice", media_url=["https://cdn.example.com/inv/42.pdf"])
    request = sent_to(graph, line)[0]
    assert request.json["type"] == "document"
    assert request.json["document"] == {"link": "https://cdn.example.com/inv/42.pdf", "caption": "Your invoice", "filename": "42.pdf"}
    outbound(client, line, status="sent")


def submit(client, graph, line, body, name, types=None, variables=None):
    """A Content template submitted for WhatsApp approval; returns the content, the answer and Meta's request."""
    LAST_CREATED.append(unique_name("template"))
    content = client.content.v1.contents.create(ContentList.ContentCreateRequest({
        "friendly_name": LAST_CREATED[-1], "language": "en_US", "variables": variables or {},
        "types": types or {"twilio/text": {"body": body}}}))
    before = len(graph.received(TEMPLATES_PATH, "POST"))
    approval = client.content.v1.contents(content.sid).approval_create.create(
        ApprovalCreateList.ContentApprovalRequest({"name": name, "category": "UTILITY"}))
    request = graph.wait_for(TEMPLATES_PATH, before + 1, method="POST")[-1]
    return content, approval, request


def decide(graph, line, name, event, reason="NONE"):
    """Meta's signed `message_template_status_update` webhook for template `name`."""
    payload = webhook(line, {"event": event, "message_template_id": int(digits(15)), "message_template_name": name,
                             "message_template_language": "en_US", "reason": reason}, "message_template_status_update")
    assert graph.post_webhook(line.inbound, payload, line.app_secret) == (200, "EVENT_RECEIVED")


def approval_of(api, content_sid):
    """`GET …/ApprovalRequests`'s WhatsApp part."""
    resp = api.get(f"/content/v1/Content/{content_sid}/ApprovalRequests")
    assert resp.status_code == 200, resp.text
    return resp.json()["whatsapp"]


def test_meta_reviews_the_template_and_an_approved_one_reaches_a_customer_outside_the_window(account, graph, own_line):
    (client, api), line = account, own_line
    name = "order_shipped_" + digits(8)
    content, approval, request = submit(client, graph, line, "Hi {{1}}, order {{2}} has shipped", name,
                                        variables={"1": "Ann", "2": "A-1"})
    assert approval.status == "pending"
    assert request.path == f"/v23.0/{line.waba_id}/message_templates" and request.violations == []
    assert request.bearer in graph.access_tokens
    assert request.json == {"name": name, "language": "en_US", "category": "UTILITY", "components": [
        {"type": "BODY", "text": "Hi {{1}}, order {{2}} has shipped", "example": {"body_text": [["Ann", "A-1"]]}}]}
    assert approval_of(api, content.sid)["status"] == "pending"

    conversation = conversation_for(client, line)
    with pytest.raises(TwilioRestException) as refused:
        conversation.messages.create(author="agent.ann", content_sid=content.sid, content_variables=json.dumps({"1": "Zoë", "2": "B-7"}))
    assert refused.value.code == 63016, "a template still under review must not pass the closed window"

    decide(graph, line, name, "APPROVED")
    assert approval_of(api, content.sid)["status"] == "approved"
    # The customer never wrote: free text is refused, the approved template goes out as a WhatsApp template.
    with pytest.raises(TwilioRestException) as closed:
        conversation.messages.create(author="agent.ann", body="Free text")
    assert closed.value.code == 63016
    conversation.messages.create(author="agent.ann", content_sid=content.sid, content_variables=json.dumps({"1": "Zoë", "2": "B-7"}))
    sent = sent_to(graph, line)[0]
    assert sent.violations == []
    assert sent.json["type"] == "template"
    assert sent.json["template"] == {"name": name, "language": {"code": "en_US", "policy": "deterministic"}, "components": [
        {"type": "body", "parameters": [{"type": "text", "text": "Zoë"}, {"type": "text", "text": "B-7"}]}]}
    assert [m.status for m in outbound(client, line, status="sent")] == ["sent"]


def test_a_quick_reply_template_is_submitted_with_its_buttons_and_meta_can_reject_it(account, graph, own_line):
    (client, api), line = account, own_line
    name = "feedback_" + digits(8)
    types = {"twilio/quick-reply": {"body": "Was {{name}} helpful?", "actions": [{"title": "Yes", "id": "y"}, {"title": "No", "id": "n"}]}}
    content, approval, request = submit(client, graph, line, None, name, types=types)
    assert request.json["components"] == [
        {"type": "BODY", "text": "Was {{1}} helpful?", "example": {"body_text": [["name"]]}},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Yes"}, {"type": "QUICK_REPLY", "text": "No"}]}]
    decide(graph, line, name, "REJECTED", reason="INVALID_FORMAT")
    decided = approval_of(api, content.sid)
    assert (decided["status"], decided["rejection_reason"]) == ("rejected", "INVALID_FORMAT")


def test_a_template_meta_refuses_to_review_is_a_clear_error_and_stays_unsubmitted(account, graph, own_line):
    (client, api), line = account, own_line
    graph.answer_next(TEMPLATES_PATH, 400, graph_error("Invalid parameter: name contains invalid characters", 100), method="POST")
    with pytest.raises(TwilioRestException) as refused:
        submit(client, graph, line, "Hi", "Bad Name")
    assert refused.value.status == 400 and "WhatsApp 100" in refused.value.msg
    content = next(c for c in client.content.v1.contents.list() if c.friendly_name == LAST_CREATED[-1])
    assert approval_of(api, content.sid)["status"] == "unsubmitted"


@pytest.mark.parametrize("error, code, text", [
    (graph_error("Re-engagement message", 131047), 63016, "WhatsApp 131047: Re-engagement message"),
    (graph_error("Message undeliverable", 131026), 63024, "WhatsApp 131026: Message undeliverable"),
    (graph_error("(#100) Invalid parameter: the recipient phone number is not valid", 100), 21211, "WhatsApp 100"),
])
def test_metas_refusals_fail_the_message_with_twilios_code_and_metas_text(spec, client, api, graph, line, error, code, text):
    customer_writes(spec, graph, line)
    eventually(lambda: client.messages.list(from_=line.customer) or None)
    graph.answer_next(SEND_PATH, 400, error, method="POST")
    client.messages.create(from_=line.address, to=line.customer, body="Hello")
    failed = outbound(client, line, status="failed")
    assert [(m.status, m.error_code) for m in failed] == [("failed", code)]
    assert text in failed[0].error_message
    assert len(sent_to(graph, line)) == 1, "a refusal is not retried"
    health = api.get(f"{SENDERS}/{line.sid}")
    ANSWERS.append(health.text)
    assert health.json()["health"]["failed_count"] == 1 and text in health.json()["health"]["last_error"]


def test_an_expired_token_fails_clearly_on_the_sender(spec, client, api, wa_server, graph):
    line = make_line(api, wa_server, graph, token_known=False)
    customer_writes(spec, graph, line)
    eventually(lambda: client.messages.list(from_=line.customer) or None)
    client.messages.create(from_=line.address, to=line.customer, body="Hello")
    failed = outbound(client, line, status="failed")
    assert [m.error_code for m in failed] == [63001]
    assert "access token is invalid or has expired" in failed[0].error_message and "WhatsApp 190" in failed[0].error_message
    assert line.access_token not in failed[0].error_message
    health = api.get(f"{SENDERS}/{line.sid}").json()["health"]
    assert "access token is invalid or has expired" in health["last_error"]


@pytest.mark.parametrize("status, error", [
    (400, graph_error("(#130429) Rate limit hit", 130429)),
    (503, graph_error("Service temporarily unavailable", 2)),
])
def test_throttling_and_server_errors_are_retried_until_meta_takes_the_message(spec, client, graph, line, status, error):
    customer_writes(spec, graph, line)
    eventually(lambda: client.messages.list(from_=line.customer) or None)
    graph.fail_next(SEND_PATH, status, error, times=1, method="POST")
    client.messages.create(from_=line.address, to=line.customer, body="Still there?")
    requests = sent_to(graph, line, 2)
    assert [r.json["text"]["body"] for r in requests] == ["Still there?"] * 2
    assert eventually(lambda: [r.answer_status for r in requests] == [status, 200], timeout=5)
    assert [m.status for m in outbound(client, line, status="sent")] == ["sent"]


def test_a_wrong_signature_is_refused_and_nothing_is_stored(spec, client, graph, line):
    conversation = conversation_for(client, line)
    message = spec_message(spec, line, "TextMessage_2")
    payload = webhook(line, {"contacts": [{"profile": {"name": "Mallory"}, "wa_id": line.customer_id}], "messages": [message]})
    assert graph.post_webhook(line.inbound, payload, "another-app-secret")[0] == 403
    assert graph.post_webhook(line.inbound, payload, line.app_secret, signature_header="")[0] == 403
    assert graph.post_webhook(line.inbound, b"{not json", line.app_secret)[0] == 400
    time.sleep(0.5)
    assert conversation.messages.list() == []
    assert client.messages.list(from_=line.customer) == []


def test_a_duplicated_webhook_is_stored_once(spec, client, graph, line):
    conversation = conversation_for(client, line)
    payload = customer_writes(spec, graph, line, "ButtonMessage")
    assert graph.post_webhook(line.inbound, payload, line.app_secret) == (200, "EVENT_RECEIVED")
    assert eventually(lambda: conversation.messages.list() or None)
    time.sleep(0.5)
    assert [m.body for m in conversation.messages.list()] == ["Unsubscribe"]
    assert [m.body for m in client.messages.list(from_=line.customer)] == ["Unsubscribe"]


def test_statuses_out_of_order_never_move_a_message_back_and_a_failure_carries_twilios_code(spec, client, graph, line):
    customer_writes(spec, graph, line, "InteractiveMessageReply")
    eventually(lambda: client.messages.list(from_=line.customer) or None)
    first = client.messages.create(from_=line.address, to=line.customer, body="First")
    outbound(client, line, status="sent")
    first_id = wamid(sent_to(graph, line)[0])

    for status in ("read", "delivered", "sent"):
        payload = statuses(spec, line, {"id": first_id, "status": status})
        assert graph.post_webhook(line.inbound, payload, line.app_secret) == (200, "EVENT_RECEIVED")
    assert client.messages(first.sid).fetch().status == "read"

    client.messages.create(from_=line.address, to=line.customer, body="Second")
    second_id = wamid(sent_to(graph, line, 2)[1])
    eventually(lambda: {m.body: m.status for m in client.messages.list(to=line.customer)} == {"First": "read", "Second": "sent"} or None)
    failed = statuses(spec, line, {"id": second_id, "status": "failed", "errors": [
        {"code": 131047, "title": "Re-engagement message", "message": "Re-engagement message",
         "error_data": {"details": "Message failed to send because more than 24 hours have passed since the customer last replied."}}]})
    assert graph.post_webhook(line.inbound, failed, line.app_secret) == (200, "EVENT_RECEIVED")
    second = next(m for m in client.messages.list(to=line.customer) if m.body == "Second")
    assert (second.status, second.error_code) == ("failed", 63016)
    assert "WhatsApp 131047" in second.error_message


def test_the_verification_handshake_echoes_the_challenge_only_for_the_verify_token(line):
    assert GraphStandIn.verify(line.inbound, line.verify_token, "1158201444") == (200, "1158201444")
    assert GraphStandIn.verify(line.inbound, "not-the-token", "1158201444")[0] == 403
    assert GraphStandIn.verify(line.inbound, line.verify_token, "1158201444", mode="unsubscribe")[0] == 403


def test_the_senders_secrets_are_in_no_senders_response_and_no_log_line(api, wa_server, line):
    ANSWERS.append(api.get(f"{SENDERS}/{line.sid}").text)
    ANSWERS.append(api.get(SENDERS, PageSize=1000).text)
    rotated = {"access_token": "EAAG" + random_auth_token() + random_auth_token(), "app_secret": "wa-app-" + random_auth_token()}
    SECRETS.extend(rotated.values())
    resp = api.post(f"{SENDERS}/{line.sid}", {"Settings": json.dumps(rotated)})
    assert resp.status_code == 200, resp.text
    ANSWERS.append(resp.text)
    assert len(SECRETS) >= 5
    for secret in SECRETS:
        for answer in ANSWERS:
            assert secret not in answer, f"a Senders response repeats a secret: {answer[:300]}"
    process = wa_server.process
    log = process.stdout_path.read_text(errors="replace") + process.stderr_path.read_text(errors="replace")
    assert "Senders" in log, "the server's log has no line about the requests to check"
    for secret in SECRETS:
        assert secret not in log, "the server's log holds a sender secret"
