"""`/v1/WebChannels` on flex-api: a web chat opened through its Flex Flow as `/v1/Channels` opens one, ended by the
customer's side, deleted; every answer in Twilio's `flex.v1.web_channel` shape."""

import json

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import fake_sid, unique_name
from polling import eventually
from seed_000 import ContactCenter

WEB_CHANNELS = "/flex-api/v1/WebChannels"


@pytest.fixture
def web_channel_schema(openapi_component):
    """`flex.v1.web_channel`."""
    return openapi_component("twilio_flex_v1.json", "flex.v1.web_channel")


@pytest.fixture
def list_schema(openapi_answer):
    """The list answer of `GET /v1/WebChannels`, as the spec gives it."""
    return openapi_answer("twilio_flex_v1.json", "/v1/WebChannels")


def web_flow(client, center, task=True):
    """A web Flex Flow on the center's chat service, with a task integration to its workspace unless `task` is false."""
    if not task:
        return client.flex_api.v1.flex_flow.create(friendly_name=unique_name("web"), chat_service_sid=center.chat_service.sid,
                                                   channel_type="web", integration_type="studio", integration_flow_sid="FW" + "a" * 32)
    return client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("web"), chat_service_sid=center.chat_service.sid, channel_type="web", integration_type="task",
        integration_workspace_sid=center.workspace.sid, integration_workflow_sid=center.workflow.sid, integration_channel="chat")


def open_chat(client, flow, identity="web_ann", **extra):
    """`POST /v1/WebChannels` through the library."""
    return client.flex_api.v1.web_channel.create(flex_flow_sid=flow.sid, identity=identity, customer_friendly_name="Ann",
                                                 chat_friendly_name="Chat with Ann", **extra)


def test_create_opens_the_chat_through_the_flow_in_twilios_shape(client, raw, web_channel_schema):
    center = ContactCenter(client)
    flow = web_flow(client, center)
    channel = open_chat(client, flow, chat_unique_name=unique_name("web-chat"), pre_engagement_data=json.dumps({"question": "Order?"}))
    body = raw.get(f"{WEB_CHANNELS}/{channel.sid}").json()
    assert_shape(body, web_channel_schema)
    assert body["flex_flow_sid"] == flow.sid and body["sid"].startswith("CH") and body["url"].endswith(f"/v1/WebChannels/{channel.sid}")
    # The same chat channel, member and task as `/v1/Channels` makes.
    chat = center.chat_channel(channel.sid).fetch()
    attributes = json.loads(chat.attributes)
    assert attributes["status"] == "ACTIVE" and attributes["pre_engagement_data"] == {"question": "Order?"}
    assert chat.friendly_name == "Chat with Ann"
    assert [m.identity for m in center.chat_channel(channel.sid).members.list()] == ["web_ann"]
    users = client.chat.v2.services(center.chat_service.sid).users.list()
    assert [(u.identity, u.friendly_name) for u in users] == [("web_ann", "Ann")]
    flex_channel = client.flex_api.v1.channel(channel.sid).fetch()
    assert flex_channel.task_sid is not None
    assert center.tr.tasks(flex_channel.task_sid).fetch().task_channel_unique_name == "chat"


def test_required_parameters_are_named_as_twilio_names_them(raw):
    resp = raw.post(WEB_CHANNELS, {"FlexFlowSid": fake_sid("FO"), "Identity": "web_x", "ChatFriendlyName": "x"})
    assert "CustomerFriendlyName" in assert_error(resp, 400, 20001)["message"]
    resp = raw.post(WEB_CHANNELS, {"FlexFlowSid": fake_sid("FO"), "Identity": "web_x", "CustomerFriendlyName": "x", "ChatFriendlyName": "x"})
    assert_error(resp, 404, 20404)


def test_list_and_fetch_in_twilios_shape(client, raw, web_channel_schema, list_schema):
    center = ContactCenter(client)
    flow = web_flow(client, center, task=False)
    first = open_chat(client, flow, identity="web_one")
    second = open_chat(client, flow, identity="web_two")
    listed = raw.get(WEB_CHANNELS, PageSize=1000).json()
    jsonschema.validate(listed, list_schema)
    assert listed["meta"]["key"] == "flex_chat_channels"
    sids = [c["sid"] for c in listed["flex_chat_channels"]]
    assert first.sid in sids and second.sid in sids
    for channel in listed["flex_chat_channels"]:
        assert_shape(channel, web_channel_schema)
    assert {c.sid for c in client.flex_api.v1.web_channel.list()} >= {first.sid, second.sid}
    assert client.flex_api.v1.web_channel(first.sid).fetch().flex_flow_sid == flow.sid


def test_inactive_ends_the_chat_and_wraps_the_agents_task_up(client, raw, web_channel_schema):
    center = ContactCenter(client)
    # The web flow's task goes to any agent: the seed's workflow sends tasks without a direction to its default queue.
    flow = web_flow(client, center)
    channel = open_chat(client, flow)
    task_sid = client.flex_api.v1.channel(channel.sid).fetch().task_sid
    reservation = eventually(lambda: next(iter(center.tr.tasks(task_sid).reservations.list()), None))
    center.tr.tasks(task_sid).reservations(reservation.sid).update(reservation_status="accepted")
    proxy = client.proxy.v1.services(center.proxy_service.sid)
    session = proxy.sessions.create(mode="message-only", participants=[{"Identifier": center.customer}])
    center.chat_channel(channel.sid).update(attributes=json.dumps({**json.loads(center.chat_channel(channel.sid).fetch().attributes),
                                                                   "proxySession": session.sid}))
    resp = raw.post(f"{WEB_CHANNELS}/{channel.sid}", {"ChatStatus": "inactive", "PostEngagementData": json.dumps({"rating": 5})})
    assert resp.status_code == 200, resp.text
    assert_shape(resp.json(), web_channel_schema)
    attributes = json.loads(center.chat_channel(channel.sid).fetch().attributes)
    assert attributes["status"] == "INACTIVE" and attributes["post_engagement_data"] == {"rating": 5}
    assert proxy.sessions(session.sid).fetch().status == "closed"
    assert eventually(lambda: center.tr.tasks(task_sid).fetch().assignment_status == "wrapping")


def test_inactive_cancels_a_task_nobody_took_and_post_engagement_data_alone_leaves_the_chat_open(client):
    center = ContactCenter(client)
    center.tr.workers(center.agent.sid).update(activity_sid=next(a.sid for a in center.tr.activities.list() if a.friendly_name == "Offline"))
    flow = web_flow(client, center)
    channel = open_chat(client, flow)
    updated = client.flex_api.v1.web_channel(channel.sid).update(post_engagement_data=json.dumps({"note": "later"}))
    assert updated.sid == channel.sid
    attributes = json.loads(center.chat_channel(channel.sid).fetch().attributes)
    assert attributes["status"] == "ACTIVE" and attributes["post_engagement_data"] == {"note": "later"}
    client.flex_api.v1.web_channel(channel.sid).update(chat_status="inactive")
    task_sid = client.flex_api.v1.channel(channel.sid).fetch().task_sid
    assert eventually(lambda: center.tr.tasks(task_sid).fetch().assignment_status == "canceled")


def test_bad_update_values_are_refused(client, raw):
    center = ContactCenter(client)
    channel = open_chat(client, web_flow(client, center, task=False))
    assert_error(raw.post(f"{WEB_CHANNELS}/{channel.sid}", {"ChatStatus": "closed"}), 400, 20001)
    assert_error(raw.post(f"{WEB_CHANNELS}/{channel.sid}", {"PostEngagementData": "{not json"}), 400, 20001)


def test_delete_removes_the_channel_and_its_chat(client, raw):
    center = ContactCenter(client)
    channel = open_chat(client, web_flow(client, center, task=False))
    assert client.flex_api.v1.web_channel(channel.sid).delete() is True
    assert_error(raw.get(f"{WEB_CHANNELS}/{channel.sid}"), 404, 20404)
    with pytest.raises(TwilioRestException) as exc_info:
        center.chat_channel(channel.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)


def test_another_accounts_web_channel_is_404_as_a_missing_one(client, server, new_subaccount):
    center = ContactCenter(client)
    channel = open_chat(client, web_flow(client, center, task=False))
    other = server.raw(auth=new_subaccount("web isolation"))
    ghost = fake_sid("CH")
    for method, args in (("get", ()), ("post", ({"ChatStatus": "inactive"},)), ("delete", ())):
        foreign = getattr(other, method)(f"{WEB_CHANNELS}/{channel.sid}", *args)
        missing = getattr(other, method)(f"{WEB_CHANNELS}/{ghost}", *args)
        assert foreign.status_code == missing.status_code == 404
        assert foreign.json()["code"] == 20404
        assert foreign.json()["message"].replace(channel.sid, "X") == missing.json()["message"].replace(ghost, "X")
    assert channel.sid not in [c["sid"] for c in other.get(WEB_CHANNELS, PageSize=1000).json()["flex_chat_channels"]]
    assert json.loads(center.chat_channel(channel.sid).fetch().attributes)["status"] == "ACTIVE"
