"""GET /switchboard/v1/Agent/Events: one worker's TaskRouter events and conversation messages, pushed as
Server-Sent Events, resumable with Last-Event-ID; read the way the agent desktop reads it."""

import json
import signal

import pytest

from conftest import EVENTS_KEEPALIVE_SECONDS as KEEPALIVE_SECONDS
from event_stream import EventStream
from factories import fake_sid, random_auth_token, unique_name
from flex_contact_center import ContactCenter, customer_number, customer_writes
from server_process import STOP_TIMEOUT_S, ServerProcess, clean_env

EVENTS = "/switchboard/v1/Agent/Events"


@pytest.fixture
def center(events_server):
    return ContactCenter(events_server.client(events_server.account_sid, events_server.auth_token))


def open_stream(server, center, worker_sid=None, **headers_or_params) -> EventStream:
    params = {"WorkspaceSid": center.workspace.sid, "WorkerSid": worker_sid or center.agent.sid}
    params.update(headers_or_params.pop("params", {}))
    stream = EventStream(server.base_url + EVENTS, (server.account_sid, server.auth_token), params=params,
                         headers=headers_or_params.pop("headers", None))
    assert stream.response.status_code == 200, stream.response.text
    assert stream.response.headers["Content-Type"].startswith("text/event-stream")
    return stream


def task_for(center, worker_sid, **attributes):
    """A task the workflow offers to `worker_sid`."""
    return center.tr.tasks.create(workflow_sid=center.workflow.sid, attributes=json.dumps({"worker_sid": worker_sid, **attributes}))


def summary(frame) -> tuple:
    """What identifies an event, for comparing two streams' frames."""
    data = frame["data"]
    if frame["event"] == "conversation.message":
        return (frame["event"], data["sid"], json.dumps(data["delivery"], sort_keys=True))
    return (frame["event"], (data["reservation"] or {}).get("sid"), (data["task"] or {}).get("sid"))


def test_a_reservation_for_the_worker_arrives_as_an_event_and_another_workers_does_not(events_server, center):
    bob = center.worker(unique_name("agent.bob"))
    stream = open_stream(events_server, center)
    try:
        others = task_for(center, bob.sid)
        assert center.reserved_worker(others.sid) == bob.sid
        mine = task_for(center, center.agent.sid)

        events = stream.events_until(lambda f: f["event"] == "reservation.created")
        created = events[-1]["data"]
        assert created["event_type"] == "reservation.created" and created["event_date"].endswith("Z")
        assert created["task"]["sid"] == mine.sid and created["reservation"]["task_sid"] == mine.sid
        assert created["reservation"]["worker_sid"] == center.agent.sid and created["reservation"]["reservation_status"] == "pending"
        assert created["worker"]["sid"] == center.agent.sid and created["worker"]["activity_name"] == "Available"
        everything = events + stream.quiet_events()
        assert all((f["data"].get("task") or {}).get("sid") != others.sid for f in everything), everything
        assert all((f["data"].get("reservation") or {}).get("worker_sid") in (None, center.agent.sid) for f in everything)
    finally:
        stream.close()


def test_a_customers_message_and_the_agents_reply_with_its_delivery_arrive(events_server, center):
    client, raw = center.client, events_server.raw()
    number, customer = customer_number(), customer_number()
    client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("inbound sms"), chat_service_sid="IS" + "a" * 32, channel_type="sms", contact_identity=number,
        enabled=True, integration_type="task", integration_workspace_sid=center.workspace.sid,
        integration_workflow_sid=center.workflow.sid, integration_channel="sms")
    client.conversations.v1.address_configurations.create(type="sms", address=number, auto_creation_enabled=True,
                                                          auto_creation_type="default")
    stream = open_stream(events_server, center)
    try:
        customer_writes(raw, "sms", customer, number, "Hello, is anyone there?")
        created = stream.events_until(lambda f: f["event"] == "reservation.created")[-1]["data"]
        conversation_sid = json.loads(created["task"]["attributes"])["conversationSid"]
        first = stream.events_until(lambda f: f["event"] == "conversation.message")[-1]["data"]
        assert (first["conversation_sid"], first["author"], first["body"]) == (conversation_sid, customer, "Hello, is anyone there?")
        fetched = raw.get(f"/conversations/v1/Conversations/{conversation_sid}/Messages/{first['sid']}").json()
        assert first == fetched

        reply = client.conversations.v1.conversations(conversation_sid).messages.create(author="agent.ann", body="How can I help?")
        delivered = stream.events_until(lambda f: f["event"] == "conversation.message" and f["data"]["sid"] == reply.sid
                                        and (f["data"]["delivery"] or {}).get("delivered") == "all")[-1]["data"]
        assert delivered["body"] == "How can I help?" and delivered["delivery"]["total"] == 1
        fetched = raw.get(f"/conversations/v1/Conversations/{conversation_sid}/Messages/{reply.sid}").json()
        assert delivered == fetched
    finally:
        stream.close()


@pytest.mark.parametrize("resume", ["header", "query"])
def test_reconnecting_with_the_last_event_id_replays_exactly_what_happened_in_between(events_server, center, resume):
    witness = open_stream(events_server, center)  # connected throughout: what the agent should have seen
    agent = open_stream(events_server, center)
    try:
        first = task_for(center, center.agent.sid)
        seen_before = agent.events_until(lambda f: f["event"] == "reservation.created")
        last_id = agent.last_id
        agent.close()

        center.accept(first.sid)
        center.tr.tasks(first.sid).update(assignment_status="wrapping")
        center.tr.tasks(first.sid).update(assignment_status="completed", reason="resolved")
        second = task_for(center, center.agent.sid)
        center.reserved_worker(second.sid)
        expected = witness.events_until(lambda f: f["event"] == "reservation.created" and f["data"]["task"]["sid"] == second.sid)
        expected += witness.quiet_events()

        option = {"headers": {"Last-Event-ID": last_id}} if resume == "header" else {"params": {"LastEventId": last_id}}
        agent = open_stream(events_server, center, **option)
        replayed = agent.events_until(lambda f: f["id"] == expected[-1]["id"]) + agent.quiet_events()

        assert [summary(f) for f in seen_before + replayed] == [summary(f) for f in expected], "lost or repeated events"
        assert [f["id"] for f in seen_before + replayed] == [f["id"] for f in expected]
        assert {"reservation.accepted", "task.completed", "reservation.completed"} <= {f["event"] for f in replayed}
    finally:
        witness.close()
        agent.close()


def test_a_silent_stream_carries_keepalives(events_server, center):
    stream = open_stream(events_server, center)
    try:
        assert stream.comments.get(timeout=KEEPALIVE_SECONDS * 3) == "keepalive"
        assert stream.comments.get(timeout=KEEPALIVE_SECONDS * 3) == "keepalive"
    finally:
        stream.close()


def test_basic_credentials_must_name_a_worker_of_their_own_workspace(events_server, center):
    raw = events_server.raw()
    missing = raw.get(EVENTS, WorkspaceSid=center.workspace.sid)
    assert missing.status_code == 400 and missing.json()["code"] == 20001
    unknown = raw.get(EVENTS, WorkspaceSid=center.workspace.sid, WorkerSid=fake_sid("WK"))
    assert unknown.status_code == 404 and unknown.json()["code"] == 20404
    garbled = raw.get(EVENTS, WorkspaceSid=center.workspace.sid, WorkerSid=center.agent.sid, LastEventId="yesterday")
    assert garbled.status_code == 400 and garbled.json()["code"] == 20001


def test_sigterm_ends_open_streams_and_exits_0(switchboard_bin, tmp_path):
    sid, token = fake_sid("AC"), random_auth_token()
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "sb.sqlite"),
                            clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token}), name="streams").start()
    from conftest import Server
    server = Server(process.base_url, sid, token, "sqlite", process)
    try:
        center = ContactCenter(server.client(sid, token))
        streams = [open_stream(server, center) for _ in range(3)]
        assert all(s.next_frame()["id"] for s in streams)
    finally:
        code = process.stop(signal.SIGTERM)
    assert code == 0, f"exit {code} (None = still running after {STOP_TIMEOUT_S}s)\n{process.log_tail()}"
    for stream in streams:
        stream.thread.join(timeout=5)
        assert not stream.thread.is_alive(), "the stream did not end"
