"""TaskRouter Workspaces, Activities and TaskChannels through the official library, shaped as Twilio's schemas."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_shape
from factories import unique_name
from raw_http import RawApi

WORKSPACES = "/taskrouter/v1/Workspaces"
DEFAULT_ACTIVITIES = {"Offline": False, "Available": True, "Unavailable": False, "Break": False}
DEFAULT_CHANNELS = ["default", "voice", "chat", "sms", "video", "email"]


@pytest.fixture
def schema(openapi_component):
    """A TaskRouter component schema by name."""
    return lambda name: openapi_component("twilio_taskrouter_v1.json", name)


def test_a_new_workspace_has_twilios_default_activities_and_task_channels(client):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("defaults"))
    activities = {a.friendly_name: a.available for a in client.taskrouter.v1.workspaces(workspace.sid).activities.list()}
    assert activities == DEFAULT_ACTIVITIES
    channels = [c.unique_name for c in client.taskrouter.v1.workspaces(workspace.sid).task_channels.list()]
    assert channels == DEFAULT_CHANNELS
    assert workspace.default_activity_name == "Offline" and workspace.timeout_activity_name == "Offline"
    assert workspace.multi_task_enabled is True and workspace.prioritize_queue_order == "FIFO"


def test_workspace_activity_and_channel_json_match_the_openapi_schemas(raw, schema):
    created = raw.post(WORKSPACES, {"FriendlyName": unique_name("shape"), "EventCallbackUrl": "https://example.com/events",
                                    "EventsFilter": "task.created,worker.activity.update", "PrioritizeQueueOrder": "LIFO"})
    assert created.status_code == 201, created.text
    workspace = created.json()
    assert_shape(workspace, schema("taskrouter.v1.workspace"))
    assert workspace["prioritize_queue_order"] == "LIFO"
    assert workspace["events_filter"] == "task.created,worker.activity.update"
    assert workspace["links"]["activities"] == workspace["url"] + "/Activities"
    activities = raw.get(f"{WORKSPACES}/{workspace['sid']}/Activities").json()
    assert activities["meta"]["key"] == "activities"
    for activity in activities["activities"]:
        assert_shape(activity, schema("taskrouter.v1.workspace.activity"))
    channels = raw.get(f"{WORKSPACES}/{workspace['sid']}/TaskChannels").json()
    assert channels["meta"]["key"] == "channels"
    for channel in channels["channels"]:
        assert_shape(channel, schema("taskrouter.v1.workspace.task_channel"))


def test_workspace_update_and_delete(client):
    workspaces = client.taskrouter.v1.workspaces
    workspace = workspaces.create(friendly_name=unique_name("update"))
    lunch = workspaces(workspace.sid).activities.create(friendly_name="Lunch", available="no")
    assert lunch.available is False
    updated = workspaces(workspace.sid).update(friendly_name="Renamed", default_activity_sid=lunch.sid, multi_task_enabled=False)
    assert (updated.friendly_name, updated.default_activity_name, updated.multi_task_enabled) == ("Renamed", "Lunch", False)
    assert any(w.sid == workspace.sid for w in workspaces.list(friendly_name="Renamed"))
    workspaces(workspace.sid).delete()
    with pytest.raises(TwilioRestException) as gone:
        workspaces(workspace.sid).fetch()
    assert (gone.value.status, gone.value.code) == (404, 20404)


def test_activity_available_takes_true_1_or_yes_and_cannot_change_afterwards(client):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("available"))
    activities = client.taskrouter.v1.workspaces(workspace.sid).activities
    for word, expected in [("true", True), ("1", True), ("yes", True), ("no", False), ("false", False)]:
        assert activities.create(friendly_name=f"state-{word}", available=word).available is expected
    busy = activities.create(friendly_name="Busy", available="true")
    renamed = activities(busy.sid).update(friendly_name="Occupied")
    assert (renamed.friendly_name, renamed.available) == ("Occupied", True)


def test_activity_names_are_unique_and_the_default_activity_cannot_be_deleted(raw):
    workspace = raw.post(WORKSPACES, {"FriendlyName": unique_name("unique")}).json()
    activities = f"{WORKSPACES}/{workspace['sid']}/Activities"
    assert_error(raw.post(activities, {"FriendlyName": "Offline"}), 400, 20001)
    assert_error(raw.post(activities, {}), 400, 20001)
    resp = raw.delete(f"{activities}/{workspace['default_activity_sid']}")
    assert_error(resp, 400, 20001)
    extra = raw.post(activities, {"FriendlyName": "Temporary"}).json()
    assert raw.delete(f"{activities}/{extra['sid']}").status_code == 204
    assert_error(raw.get(f"{activities}/{extra['sid']}"), 404, 20404)


def test_task_channels_are_addressed_by_sid_or_unique_name_and_unique_names_are_unique(client, raw):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("channels"))
    channels = client.taskrouter.v1.workspaces(workspace.sid).task_channels
    custom = channels.create(friendly_name="Messenger", unique_name="messenger", channel_optimized_routing=True)
    assert custom.channel_optimized_routing is True
    assert channels("messenger").fetch().sid == custom.sid
    assert channels(custom.sid).update(friendly_name="FB Messenger").friendly_name == "FB Messenger"
    assert_error(raw.post(f"{WORKSPACES}/{workspace.sid}/TaskChannels", {"FriendlyName": "x", "UniqueName": "sms"}), 400, 20001)
    assert_error(raw.post(f"{WORKSPACES}/{workspace.sid}/TaskChannels", {"FriendlyName": "x"}), 400, 20001)
    channels("messenger").delete()
    assert "messenger" not in [c.unique_name for c in channels.list()]


def test_workspace_parameters_are_validated(raw):
    assert_error(raw.post(WORKSPACES, {}), 400, 20001)
    assert_error(raw.post(WORKSPACES, {"FriendlyName": "x" * 65}), 400, 20001)
    assert_error(raw.post(WORKSPACES, {"FriendlyName": "bad", "PrioritizeQueueOrder": "RANDOM"}), 400, 20001)
    assert_error(raw.post(WORKSPACES, {"FriendlyName": "bad", "EventCallbackUrl": "not a url"}), 400, 20001)
    assert_error(raw.post(WORKSPACES, {"FriendlyName": "bad", "Template": "SHINY"}), 400, 20001)


def test_the_fifo_template_adds_a_queue_for_every_worker_and_a_workflow_into_it(client):
    workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("fifo"), template="FIFO")
    queues = client.taskrouter.v1.workspaces(workspace.sid).task_queues.list()
    workflows = client.taskrouter.v1.workspaces(workspace.sid).workflows.list()
    assert [(q.friendly_name, q.target_workers) for q in queues] == [("Sample Queue", "1==1")]
    assert [w.friendly_name for w in workflows] == ["Default Fifo Workflow"]
    assert queues[0].sid in workflows[0].configuration


def test_another_accounts_workspace_is_indistinguishable_from_a_missing_one(server, new_subaccount):
    owner = RawApi(server.base_url, new_subaccount("tr-owner"))
    stranger = RawApi(server.base_url, new_subaccount("tr-stranger"))
    workspace = owner.post(WORKSPACES, {"FriendlyName": unique_name("private")}).json()
    missing = "WS" + "0" * 32
    for path in ["", "/Activities", "/TaskChannels", f"/Activities/{workspace['default_activity_sid']}"]:
        theirs = stranger.get(f"{WORKSPACES}/{workspace['sid']}{path}")
        nobody = stranger.get(f"{WORKSPACES}/{missing}{path}")
        assert theirs.status_code == nobody.status_code == 404
        assert theirs.json()["code"] == nobody.json()["code"] == 20404
    assert stranger.post(f"{WORKSPACES}/{workspace['sid']}", {"FriendlyName": "mine"}).status_code == 404
    assert workspace["sid"] not in [w["sid"] for w in stranger.get(WORKSPACES).json()["workspaces"]]
