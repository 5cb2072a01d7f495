"""Abuse and bad input (issue 17): NUL characters, oversized expressions, attributes and bodies, deep JSON, malformed
reference SIDs, and the smaller findings. Every test runs on SQLite and PostgreSQL, which must answer alike."""

import json
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
import requests
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error
from factories import fake_sid, flow_form, unique_name
from flex_contact_center import ContactCenter as FlexCenter
from flex_contact_center import customer_number
from seed_000 import ContactCenter as ProxyCenter
from test_flex_conversations_routing import TransferBody, transfer_setup

NUL = "a\x00b"
TASKROUTER = "/taskrouter/v1/Workspaces"
CONVERSATIONS = "/conversations/v1/Conversations"


def workspace(raw) -> str:
    """A new workspace's SID."""
    resp = raw.post(TASKROUTER, {"FriendlyName": unique_name("hardening")})
    assert resp.status_code == 201, resp.text
    return resp.json()["sid"]


def conversation(raw) -> str:
    """A new conversation's SID."""
    resp = raw.post(CONVERSATIONS, {"FriendlyName": unique_name("hardening")})
    assert resp.status_code == 201, resp.text
    return resp.json()["sid"]


def assert_names(resp: requests.Response, parameter: str, code: int = 20001) -> None:
    """A 400 with `code` whose message names `parameter`."""
    body = assert_error(resp, 400, code)
    assert parameter in body["message"], body


# Each request a NUL character reaches, as (label, request, parameter named): every one of them was a 500 on
# PostgreSQL (SQLSTATE 22021) while SQLite stored the text.
NUL_REQUESTS = {
    "workspace FriendlyName": (lambda raw, server: raw.post(TASKROUTER, {"FriendlyName": NUL}), "FriendlyName"),
    "worker FriendlyName": (lambda raw, server: raw.post(f"{TASKROUTER}/{workspace(raw)}/Workers", {"FriendlyName": NUL}),
                            "FriendlyName"),
    "FriendlyName filter": (lambda raw, server: raw.get(TASKROUTER, FriendlyName=NUL), "FriendlyName"),
    "sandbox Address": (lambda raw, server: raw.get("/sandbox/v1/Messages", Address=NUL), "Address"),
    "ParticipantConversations Identity": (lambda raw, server: raw.get("/conversations/v1/ParticipantConversations", Identity=NUL),
                                          "Identity"),
    "Messages.json Body": (lambda raw, server: raw.post(f"/api/2010-04-01/Accounts/{server.account_sid}/Messages.json",
                                                        {"To": customer_number(), "From": "+15005550006", "Body": NUL}), "Body"),
    "Conversations message Body": (lambda raw, server: raw.post(f"{CONVERSATIONS}/{conversation(raw)}/Messages", {"Body": NUL}), "Body"),
    "Flex Flow FriendlyName": (lambda raw, server: raw.post("/flex-api/v1/FlexFlows", flow_form(NUL)), "FriendlyName"),
    "conversation webhook Configuration.Triggers": (
        lambda raw, server: raw.post(f"{CONVERSATIONS}/{conversation(raw)}/Webhooks",
                                     {"Target": "webhook", "Configuration.Url": "https://hooks.example.com/c",
                                      "Configuration.Triggers": "onMessageAdded" + NUL}),
        "Configuration.Triggers"),
    "a parameter's name": (lambda raw, server: raw.post(TASKROUTER, {"FriendlyName": "ok", "Friendly\x00Name": "x"}),
                           "Parameter names"),
}


@pytest.mark.parametrize("label", list(NUL_REQUESTS))
def test_a_nul_character_in_any_parameter_is_a_400_naming_it_on_every_database(server, raw, label):
    send, parameter = NUL_REQUESTS[label]
    assert_names(send(raw, server), parameter)


def test_a_nul_character_in_a_json_body_is_a_400_on_every_database(raw):
    body = {"friendly_name": NUL, "language": "en", "types": {"twilio/text": {"body": "hi"}}}
    resp = requests.post(raw.url("/content/v1/Content"), data=json.dumps(body), auth=raw.auth,
                         headers={"Content-Type": "application/json"}, timeout=30)
    assert_names(resp, "request body")
    assert "NUL" in resp.json()["message"]


def test_a_nul_character_inside_json_attributes_is_a_400_on_every_database(raw):
    resp = raw.post(f"{TASKROUTER}/{workspace(raw)}/Workers", {"FriendlyName": "ann", "Attributes": json.dumps({"name": NUL})})
    assert_names(resp, "Attributes")


def test_an_expression_past_sixteen_kilobytes_or_500_comparisons_is_refused(raw):
    ws = workspace(raw)
    huge = " OR ".join(f"skill{i} == 'x'" for i in range(2_000))
    assert 16384 < len(huge.encode()) < 64 * 1024
    resp = raw.post(f"{TASKROUTER}/{ws}/TaskQueues", {"FriendlyName": "huge", "TargetWorkers": huge})
    assert_names(resp, "16384 byte limit")
    many = " OR ".join(f"s{i} == 1" for i in range(501))
    assert len(many.encode()) < 16384
    assert_names(raw.post(f"{TASKROUTER}/{ws}/TaskQueues", {"FriendlyName": "many", "TargetWorkers": many}), "more than 500 comparisons")
    most = " OR ".join(f"s{i} == 1" for i in range(500))
    assert raw.post(f"{TASKROUTER}/{ws}/TaskQueues", {"FriendlyName": "most", "TargetWorkers": most}).status_code == 201
    # The same limit holds wherever an expression is read, such as a list filter.
    assert_names(raw.get(f"{TASKROUTER}/{ws}/Workers", TargetWorkersExpression=huge), "16384 byte limit")


def test_worker_attributes_past_sixteen_kilobytes_are_refused(raw):
    ws = workspace(raw)
    big = json.dumps({"notes": "x" * (16 * 1024)})
    assert_names(raw.post(f"{TASKROUTER}/{ws}/Workers", {"FriendlyName": "ann", "Attributes": big}), "Attributes")
    fits = json.dumps({"notes": "x" * (16 * 1024 - 20)})
    created = raw.post(f"{TASKROUTER}/{ws}/Workers", {"FriendlyName": "ann", "Attributes": fits})
    assert created.status_code == 201, created.text
    assert_names(raw.post(f"{TASKROUTER}/{ws}/Workers/{created.json()['sid']}", {"Attributes": big}), "Attributes")


def chat_channel(client) -> tuple:
    """A chat service's SID and a channel's SID in it."""
    service = client.chat.v2.services.create(friendly_name=unique_name("hardening"))
    channel = client.chat.v2.services(service.sid).channels.create(friendly_name="c")
    return service.sid, channel.sid


def test_chat_bodies_and_attributes_past_twilios_limits_are_refused(client, raw):
    service, channel = chat_channel(client)
    messages = f"/chat/v2/Services/{service}/Channels/{channel}/Messages"
    assert_names(raw.post(messages, {"Body": "x" * (32 * 1024 + 1)}), "Body", code=50504)
    sent = raw.post(messages, {"Body": "x" * (32 * 1024)})
    assert sent.status_code == 201, sent.text
    assert_names(raw.post(f"{messages}/{sent.json()['sid']}", {"Body": "x" * (32 * 1024 + 1)}), "Body", code=50504)
    big = json.dumps({"notes": "x" * (16 * 1024)})
    assert_names(raw.post(f"/chat/v2/Services/{service}/Channels", {"Attributes": big}), "Attributes")
    assert_names(raw.post(f"/chat/v2/Services/{service}/Channels/{channel}", {"Attributes": big}), "Attributes")


def test_a_conversations_message_body_past_1600_characters_is_refused(raw):
    ch = conversation(raw)
    assert_names(raw.post(f"{CONVERSATIONS}/{ch}/Messages", {"Body": "é" * 1601}), "Body")
    assert raw.post(f"{CONVERSATIONS}/{ch}/Messages", {"Body": "é" * 1600}).status_code == 201


@pytest.mark.parametrize("where", ["chat channel", "worker", "proxy participants"])
def test_thousands_of_levels_of_json_are_one_clear_depth_error_everywhere(client, raw, where):
    # 8,000 levels fit within the 16 KB attributes limit, so the depth limit is what answers.
    deep = '{"a":' + "[" * 8000 + "]" * 8000 + "}"
    if where == "chat channel":
        service, _ = chat_channel(client)
        resp = raw.post(f"/chat/v2/Services/{service}/Channels", {"Attributes": deep})
    elif where == "worker":
        resp = raw.post(f"{TASKROUTER}/{workspace(raw)}/Workers", {"FriendlyName": "ann", "Attributes": deep})
    else:
        center = ProxyCenter(client)
        resp = raw.post(f"/proxy/v1/Services/{center.proxy_service.sid}/Sessions", {"Participants": deep})
    body = assert_error(resp, 400, 20001)
    assert "nesting deeper than 100 levels" in body["message"], body
    assert raw.get(TASKROUTER).status_code == 200


def test_a_proxy_session_whose_date_expiry_has_passed_is_refused(client, raw):
    center = ProxyCenter(client)
    past = (datetime.now(timezone.utc) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    resp = raw.post(f"/proxy/v1/Services/{center.proxy_service.sid}/Sessions", {"DateExpiry": past})
    assert_names(resp, "DateExpiry")


@pytest.mark.parametrize("reference", ["IS" + "a" * 31, "IS" + "a" * 33, "IS" + "g" * 32])
def test_a_malformed_chat_service_sid_is_refused_instead_of_stored(raw, reference):
    assert_names(raw.post("/flex-api/v1/FlexFlows", flow_form(unique_name("flow"), ChatServiceSid=reference)), "ChatServiceSid")


def test_twilios_placeholder_sids_still_work_as_references(raw):
    flow = raw.post("/flex-api/v1/FlexFlows", flow_form(unique_name("flow"), ChatServiceSid="IS" + "X" * 32 + "None",
                                                         **{"Integration.WorkspaceSid": "WS" + "x" * 32}))
    assert flow.status_code == 201, flow.text
    assert flow.json()["chat_service_sid"] == "IS" + "X" * 32 + "None"


def test_a_proxy_message_interaction_has_twilios_interaction_shape(client, raw, openapi_component):
    center = ProxyCenter(client)
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer}])
    participant = proxy.sessions(session.sid).participants.list()[0]
    proxy.sessions(session.sid).participants(participant.sid).message_interactions.create(body="Your order shipped")
    base = f"/proxy/v1/Services/{center.proxy_service.sid}/Sessions/{session.sid}"
    interaction = raw.get(f"{base}/Interactions").json()["interactions"][0]
    assert interaction["inbound_resource_status"] is not None
    jsonschema.validate(interaction, openapi_component("twilio_proxy_v1.json", "proxy.v1.service.session.interaction"))
    message = raw.get(f"{base}/Participants/{participant.sid}/MessageInteractions").json()["interactions"][0]
    jsonschema.validate(message, openapi_component("twilio_proxy_v1.json", "proxy.v1.service.session.participant.message_interaction"))


@pytest.mark.parametrize("whose", ["missing", "another account's"])
def test_messages_json_refuses_a_content_sid_that_is_not_the_accounts_with_21655(client, server, raw, new_subaccount, whose):
    if whose == "missing":
        content_sid = fake_sid("HX")
    else:
        other = server.raw(new_subaccount())
        created = requests.post(other.url("/content/v1/Content"), auth=other.auth, timeout=30, headers={"Content-Type": "application/json"},
                                data=json.dumps({"friendly_name": "t", "language": "en", "types": {"twilio/text": {"body": "hi"}}}))
        assert created.status_code == 201, created.text
        content_sid = created.json()["sid"]
    resp = raw.post(f"/api/2010-04-01/Accounts/{server.account_sid}/Messages.json",
                    {"To": "whatsapp:" + customer_number(), "From": "whatsapp:+15005550006", "ContentSid": content_sid})
    assert_error(resp, 400, 21655)


def test_a_transfer_to_another_accounts_worker_is_refused_as_queues_and_workflows_are(client, server, new_subaccount):
    center, bob, task, channel, agent = transfer_setup(client)
    stranger = FlexCenter(server.client(*new_subaccount())).agent
    for target in [stranger.sid, fake_sid("WQ"), fake_sid("WW")]:
        with pytest.raises(TwilioRestException) as refused:
            channel.transfers.create(body=TransferBody(type="warm", **{"from": agent.sid, "to": target}))
        assert (refused.value.status, refused.value.code) == (400, 20001), target
    assert [t.sid for t in center.tr.tasks.list()] == [task["sid"]]
