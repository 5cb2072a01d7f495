"""TaskQueues, Workflows, Workers and WorkerChannels: schemas, validation at creation, filters."""

import json

import pytest

from assertions import assert_error, assert_shape
from factories import unique_name

WORKSPACES = "/taskrouter/v1/Workspaces"


@pytest.fixture
def workspace(client):
    """A fresh workspace with Twilio's defaults."""
    return client.taskrouter.v1.workspaces.create(friendly_name=unique_name("routing"))


@pytest.fixture
def tr(client, workspace):
    """The workspace's resource collections in the library."""
    return client.taskrouter.v1.workspaces(workspace.sid)


def schema_of(openapi_component, name):
    """A TaskRouter component schema."""
    return openapi_component("twilio_taskrouter_v1.json", name)


def test_queue_workflow_worker_and_channel_json_match_the_openapi_schemas(raw, workspace, openapi_component):
    base = f"{WORKSPACES}/{workspace.sid}"
    queue = raw.post(f"{base}/TaskQueues", {"FriendlyName": "Support", "TargetWorkers": "skills HAS 'support'",
                                            "ReservationActivitySid": workspace.default_activity_sid})
    assert queue.status_code == 201, queue.text
    assert_shape(queue.json(), schema_of(openapi_component, "taskrouter.v1.workspace.task_queue"))
    assert queue.json()["reservation_activity_name"] == "Offline"
    config = {"task_routing": {"filters": [{"filter_friendly_name": "support", "expression": "type == 'support'",
                                            "targets": [{"queue": queue.json()["sid"], "timeout": 30}]}],
                               "default_filter": {"queue": queue.json()["sid"]}}}
    workflow = raw.post(f"{base}/Workflows", {"FriendlyName": "Main", "Configuration": json.dumps(config)})
    assert workflow.status_code == 201, workflow.text
    assert_shape(workflow.json(), schema_of(openapi_component, "taskrouter.v1.workspace.workflow"))
    assert json.loads(workflow.json()["configuration"]) == config
    worker = raw.post(f"{base}/Workers", {"FriendlyName": "alice", "Attributes": json.dumps({"skills": ["support"]})})
    assert worker.status_code == 201, worker.text
    assert_shape(worker.json(), schema_of(openapi_component, "taskrouter.v1.workspace.worker"))
    channels = raw.get(f"{base}/Workers/{worker.json()['sid']}/Channels").json()
    assert channels["meta"]["key"] == "channels"
    assert sorted(c["task_channel_unique_name"] for c in channels["channels"]) == sorted(
        ["default", "voice", "chat", "sms", "video", "email"])
    for channel in channels["channels"]:
        assert_shape(channel, schema_of(openapi_component, "taskrouter.v1.workspace.worker.worker_channel"))


def test_an_expression_that_does_not_parse_is_refused_when_the_queue_or_workflow_is_set(raw, workspace):
    base = f"{WORKSPACES}/{workspace.sid}"
    assert_error(raw.post(f"{base}/TaskQueues", {"FriendlyName": "bad", "TargetWorkers": "skills HAS"}), 400, 20001)
    queue = raw.post(f"{base}/TaskQueues", {"FriendlyName": "ok"}).json()
    assert queue["target_workers"] == "1==1"
    assert_error(raw.post(f"{base}/TaskQueues/{queue['sid']}", {"TargetWorkers": "(a == 1"}), 400, 20001)
    bad_filter = {"task_routing": {"filters": [{"expression": "type ==", "targets": [{"queue": queue["sid"]}]}]}}
    response = raw.post(f"{base}/Workflows", {"FriendlyName": "bad", "Configuration": json.dumps(bad_filter)})
    assert_error(response, 400, 20001)
    assert "task_routing.filters[0].expression" in response.json()["message"]
    assert_error(raw.post(f"{base}/Workflows", {"FriendlyName": "bad", "Configuration": "{not json"}), 400, 20001)
    unknown_queue = {"task_routing": {"default_filter": {"queue": "WQ" + "0" * 32}}}
    assert_error(raw.post(f"{base}/Workflows", {"FriendlyName": "bad", "Configuration": json.dumps(unknown_queue)}), 400, 20001)


def test_worker_attributes_must_be_a_json_object_and_names_unique(raw, workspace):
    base = f"{WORKSPACES}/{workspace.sid}"
    assert_error(raw.post(f"{base}/Workers", {"FriendlyName": "bad", "Attributes": "[1, 2]"}), 400, 20001)
    assert_error(raw.post(f"{base}/Workers", {"FriendlyName": "bad", "Attributes": "{oops"}), 400, 20001)
    assert_error(raw.post(f"{base}/Workers", {"FriendlyName": "bad", "ActivitySid": "WA" + "0" * 32}), 400, 20001)
    assert raw.post(f"{base}/Workers", {"FriendlyName": "bob"}).status_code == 201
    assert_error(raw.post(f"{base}/Workers", {"FriendlyName": "bob"}), 400, 20001)


def test_workers_start_in_the_default_activity_and_change_activity_with_its_availability(tr, workspace):
    worker = tr.workers.create(friendly_name="carol", attributes=json.dumps({"contact_uri": "client:carol"}))
    assert (worker.activity_sid, worker.activity_name, worker.available) == (workspace.default_activity_sid, "Offline", False)
    available = next(a for a in tr.activities.list() if a.friendly_name == "Available")
    moved = tr.workers(worker.sid).update(activity_sid=available.sid)
    assert (moved.activity_name, moved.available) == ("Available", True)
    assert moved.date_status_changed >= worker.date_status_changed


def test_worker_list_filters_by_activity_availability_and_expression(tr):
    available = next(a for a in tr.activities.list() if a.friendly_name == "Available")
    tr.workers.create(friendly_name="dan", activity_sid=available.sid, attributes=json.dumps({"skills": ["sales"], "level": 3}))
    tr.workers.create(friendly_name="erin", attributes=json.dumps({"skills": ["support"], "level": 5}))
    tr.workers.create(friendly_name="fay", activity_sid=available.sid, attributes=json.dumps({"skills": ["support"], "level": 1}))
    names = lambda **filters: sorted(w.friendly_name for w in tr.workers.list(**filters))
    assert names(available="true") == ["dan", "fay"]
    assert names(activity_name="Offline") == ["erin"]
    assert names(target_workers_expression="skills HAS 'support'") == ["erin", "fay"]
    assert names(target_workers_expression="skills HAS 'support' AND level > 2") == ["erin"]
    queue = tr.task_queues.create(friendly_name="Sales", target_workers="skills HAS 'sales'")
    assert names(task_queue_sid=queue.sid) == ["dan"]
    assert names(task_queue_name="Sales", available="false") == []
    assert names(friendly_name="fay") == ["fay"]


def test_worker_channel_capacity_and_availability_can_be_set(tr):
    worker = tr.workers.create(friendly_name="gus")
    sms = tr.task_channels("sms").fetch()
    channel = tr.workers(worker.sid).worker_channels(sms.sid).update(capacity=3)
    assert (channel.configured_capacity, channel.available, channel.available_capacity_percentage) == (3, True, 100)
    assert tr.workers(worker.sid).worker_channels("sms").fetch().sid == channel.sid
    off = tr.workers(worker.sid).worker_channels(channel.sid).update(available=False)
    assert (off.available, off.available_capacity_percentage) == (False, 0)


def test_a_new_task_channel_reaches_existing_workers_and_leaves_with_its_deletion(tr):
    worker = tr.workers.create(friendly_name="hal")
    tr.task_channels.create(friendly_name="WhatsApp", unique_name="whatsapp")
    assert "whatsapp" in [c.task_channel_unique_name for c in tr.workers(worker.sid).worker_channels.list()]
    tr.task_channels("whatsapp").delete()
    assert "whatsapp" not in [c.task_channel_unique_name for c in tr.workers(worker.sid).worker_channels.list()]


def test_an_activity_with_workers_in_it_cannot_be_deleted(tr, raw, workspace):
    lunch = tr.activities.create(friendly_name="Lunch", available="false")
    worker = tr.workers.create(friendly_name="ivy", activity_sid=lunch.sid)
    assert_error(raw.delete(f"{WORKSPACES}/{workspace.sid}/Activities/{lunch.sid}"), 400, 20001)
    tr.workers(worker.sid).delete()
    assert raw.delete(f"{WORKSPACES}/{workspace.sid}/Activities/{lunch.sid}").status_code == 204


def test_queue_update_and_workflow_update_keep_what_was_not_sent(tr):
    queue = tr.task_queues.create(friendly_name="Billing", target_workers="department == 'billing'", max_reserved_workers=2)
    updated = tr.task_queues(queue.sid).update(task_order="LIFO")
    assert (updated.task_order, updated.target_workers, updated.max_reserved_workers) == ("LIFO", "department == 'billing'", 2)
    config = json.dumps({"task_routing": {"default_filter": {"queue": queue.sid}}})
    workflow = tr.workflows.create(friendly_name="Flow", configuration=config, task_reservation_timeout=30)
    renamed = tr.workflows(workflow.sid).update(friendly_name="Renamed")
    assert (renamed.friendly_name, renamed.task_reservation_timeout, renamed.configuration) == ("Renamed", 30, config)
    tr.workflows(workflow.sid).delete()
    tr.task_queues(queue.sid).delete()
    assert tr.task_queues.list() == []


def test_a_queue_a_workflow_routes_to_and_an_activity_a_queue_names_cannot_be_deleted(tr, raw, workspace):
    lunch = tr.activities.create(friendly_name="Lunch", available="false")
    queue = tr.task_queues.create(friendly_name="Routed", reservation_activity_sid=lunch.sid)
    workflow = tr.workflows.create(friendly_name="Into Routed",
                                   configuration=json.dumps({"task_routing": {"default_filter": {"queue": queue.sid}}}))
    base = f"{WORKSPACES}/{workspace.sid}"
    assert_error(raw.delete(f"{base}/TaskQueues/{queue.sid}"), 400, 20001)
    assert_error(raw.delete(f"{base}/Activities/{lunch.sid}"), 400, 20001)
    tr.workflows(workflow.sid).delete()
    assert raw.delete(f"{base}/TaskQueues/{queue.sid}").status_code == 204
    assert raw.delete(f"{base}/Activities/{lunch.sid}").status_code == 204
