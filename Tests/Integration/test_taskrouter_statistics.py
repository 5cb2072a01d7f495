"""TaskRouter's cumulative and combined statistics: counted from what happened in the workspace, over a window,
in exactly the shapes of Twilio's OpenAPI schemas."""

import json
from datetime import datetime, timezone

import jsonschema
import pytest

from assertions import assert_error
from test_taskrouter_routing import WORKSPACES, Center, eventually

SPEC = "twilio_taskrouter_v1.json"
IDENTITY = {"account_sid", "workspace_sid", "task_queue_sid", "workflow_sid", "worker_sid", "url"}
RESERVATION_COUNTS = ["reservations_created", "reservations_accepted", "reservations_rejected", "reservations_timed_out",
                      "reservations_canceled", "reservations_rescinded"]


def history(client) -> Center:
    """A workspace where three tasks went through the workflow: the first was rejected by one worker, then accepted
    by the other and completed; the second, on the voice channel, was canceled while reserved; the third was
    deleted while reserved."""
    center = Center(client)
    center.worker("ana")
    center.worker("ben")
    first = center.task()
    rejected = center.pending_reservation(first)
    center.tr.tasks(first.sid).reservations(rejected.sid).update(reservation_status="rejected")
    accepted = center.pending_reservation(first)
    center.tr.tasks(first.sid).reservations(accepted.sid).update(reservation_status="accepted")
    center.tr.tasks(first.sid).update(assignment_status="completed", reason="done")
    second = center.task(channel="voice")
    assert center.status(second) == "reserved"
    center.tr.tasks(second.sid).update(assignment_status="canceled", reason="hung up")
    third = center.task()
    assert center.status(third) == "reserved"
    center.tr.tasks(third.sid).delete()
    return center


def assert_schema(body: dict, openapi_component, name: str) -> None:
    """Exactly the schema's properties, schema-valid."""
    schema = openapi_component(SPEC, name)
    assert set(body) == set(schema["properties"]), (name, sorted(set(body) ^ set(schema["properties"])))
    jsonschema.validate(body, schema)


def properties_of(openapi_component, name: str) -> set:
    """A schema's properties but the resource's identity: what a combined resource's nested object holds."""
    return set(openapi_component(SPEC, name)["properties"]) - IDENTITY


def counts(body: dict, *names: str) -> tuple:
    """Several counts of a statistics body, in order."""
    return tuple(body[name] for name in names)


def test_workspace_queue_and_workflow_cumulative_statistics_count_what_happened(client, raw, openapi_component):
    center = history(client)
    base = f"{WORKSPACES}/{center.workspace.sid}"
    workspace = raw.get(f"{base}/CumulativeStatistics").json()
    assert_schema(workspace, openapi_component, "taskrouter.v1.workspace.workspace_cumulative_statistics")
    assert counts(workspace, *RESERVATION_COUNTS) == (4, 1, 1, 0, 1, 0)
    assert counts(workspace, "tasks_created", "tasks_completed", "tasks_canceled", "tasks_deleted", "tasks_moved",
                  "tasks_timed_out_in_workflow") == (3, 1, 1, 1, 0, 0)
    accepted = workspace["wait_duration_until_accepted"]
    assert accepted["total"] == accepted["min"] == accepted["max"] == workspace["avg_task_acceptance_time"] >= 0
    assert workspace["split_by_wait_time"] is None

    queue = raw.get(f"{base}/TaskQueues/{center.queue.sid}/CumulativeStatistics").json()
    assert_schema(queue, openapi_component, "taskrouter.v1.workspace.task_queue.task_queue_cumulative_statistics")
    assert counts(queue, *RESERVATION_COUNTS) == (4, 1, 1, 0, 1, 0)
    assert counts(queue, "tasks_entered", "tasks_completed", "tasks_canceled", "tasks_deleted", "tasks_moved") == (3, 1, 1, 1, 0)
    assert queue["task_queue_sid"] == center.queue.sid
    in_queue = queue["wait_duration_in_queue_until_accepted"]
    assert 0 <= in_queue["min"] <= in_queue["max"] <= accepted["max"]

    workflow = raw.get(f"{base}/Workflows/{center.workflow.sid}/CumulativeStatistics").json()
    assert_schema(workflow, openapi_component, "taskrouter.v1.workspace.workflow.workflow_cumulative_statistics")
    assert counts(workflow, "tasks_entered", "tasks_completed", "tasks_canceled", "tasks_deleted") == (3, 1, 1, 1)
    assert counts(workflow, *RESERVATION_COUNTS) == (4, 1, 1, 0, 1, 0)

    other = center.tr.task_queues.create(friendly_name="Other", target_workers="1==1")
    assert counts(raw.get(f"{base}/TaskQueues/{other.sid}/CumulativeStatistics").json(), "tasks_entered", *RESERVATION_COUNTS) \
        == (0, 0, 0, 0, 0, 0, 0)


def test_task_channel_and_split_by_wait_time(client, raw):
    center = history(client)
    base = f"{WORKSPACES}/{center.workspace.sid}"
    voice = raw.get(f"{base}/CumulativeStatistics", TaskChannel="voice").json()
    assert counts(voice, "tasks_created", "tasks_canceled", "tasks_completed", "reservations_created", "reservations_canceled") == (1, 1, 0, 1, 1)
    sms_sid = center.tr.task_channels("sms").fetch().sid
    by_sid = raw.get(f"{base}/CumulativeStatistics", TaskChannel=sms_sid).json()
    assert counts(by_sid, "tasks_created", "tasks_canceled", "tasks_completed", "tasks_deleted") == (2, 0, 1, 1)
    # Every wait so far is under an hour and at least zero seconds.
    split = raw.get(f"{base}/CumulativeStatistics", SplitByWaitTime="0,3600").json()["split_by_wait_time"]
    assert split == {
        "0": {"above": {"tasks_canceled": 1, "reservations_accepted": 1}, "below": {"tasks_canceled": 0, "reservations_accepted": 0}},
        "3600": {"above": {"tasks_canceled": 0, "reservations_accepted": 0}, "below": {"tasks_canceled": 1, "reservations_accepted": 1}},
    }


def test_the_window_comes_from_start_date_end_date_and_minutes(client, raw):
    center = history(client)
    base = f"{WORKSPACES}/{center.workspace.sid}"
    before = raw.get(f"{base}/CumulativeStatistics", StartDate="2000-01-01T00:00:00Z", EndDate="2000-01-02T00:00:00Z").json()
    assert (before["start_time"], before["end_time"]) == ("2000-01-01T00:00:00Z", "2000-01-02T00:00:00Z")
    assert counts(before, "tasks_created", *RESERVATION_COUNTS) == (0, 0, 0, 0, 0, 0, 0)
    default = raw.get(f"{base}/CumulativeStatistics", EndDate="2000-01-01T00:00:00Z").json()
    assert (default["start_time"], default["end_time"]) == ("1999-12-31T23:45:00Z", "2000-01-01T00:00:00Z")
    hour = raw.get(f"{base}/CumulativeStatistics", Minutes=60).json()
    span = datetime.fromisoformat(hour["end_time"].replace("Z", "+00:00")) - datetime.fromisoformat(hour["start_time"].replace("Z", "+00:00"))
    assert span.total_seconds() == 3600 and hour["tasks_created"] == 3
    since = raw.get(f"{base}/CumulativeStatistics", StartDate="2000-01-01T00:00:00+02:00").json()
    assert since["start_time"] == "1999-12-31T22:00:00Z" and since["tasks_created"] == 3
    # The library sends its datetimes as ISO 8601 too.
    fetched = center.tr.cumulative_statistics().fetch(start_date=datetime(2000, 1, 1, tzinfo=timezone.utc))
    assert fetched.tasks_created == 3


@pytest.mark.parametrize("query", [{"Minutes": "0"}, {"Minutes": "many"}, {"StartDate": "yesterday"},
                                   {"StartDate": "2030-01-01T00:00:00Z", "EndDate": "2029-01-01T00:00:00Z"},
                                   {"TaskChannel": "carrier-pigeon"}, {"SplitByWaitTime": "5,soon"}])
def test_bad_statistics_parameters_are_refused(client, raw, query):
    center = Center(client)
    assert_error(raw.get(f"{WORKSPACES}/{center.workspace.sid}/CumulativeStatistics", **query), 400, 20001)


def test_worker_statistics_count_their_reservations_and_activity_durations(client, raw, openapi_component):
    center = Center(client)
    solo = center.worker("solo")
    other = center.worker("other", available=False)
    declined = center.task()
    center.tr.tasks(declined.sid).reservations(center.pending_reservation(declined).sid).update(reservation_status="rejected")
    taken = center.task()
    center.tr.tasks(taken.sid).reservations(center.pending_reservation(taken).sid).update(reservation_status="accepted")
    base = f"{WORKSPACES}/{center.workspace.sid}"

    mine = raw.get(f"{base}/Workers/{solo.sid}/Statistics").json()
    assert_schema(mine, openapi_component, "taskrouter.v1.workspace.worker.worker_instance_statistics")
    assert set(mine["cumulative"]) == properties_of(openapi_component, "taskrouter.v1.workspace.worker.workers_cumulative_statistics")
    assert counts(mine["cumulative"], *RESERVATION_COUNTS) == (2, 1, 1, 0, 0, 0)
    durations = {d["friendly_name"]: d for d in mine["cumulative"]["activity_durations"]}
    assert set(durations) == set(center.activities)
    # solo has been Available since being created, and never anything else.
    assert all(d["total"] == 0 for name, d in durations.items() if name != "Available")
    assert all(set(d) == {"sid", "friendly_name", "avg", "min", "max", "total"} for d in durations.values())

    every = raw.get(f"{base}/Workers/CumulativeStatistics").json()
    assert_schema(every, openapi_component, "taskrouter.v1.workspace.worker.workers_cumulative_statistics")
    assert counts(every, *RESERVATION_COUNTS) == (2, 1, 1, 0, 0, 0)

    combined = raw.get(f"{base}/Workers/Statistics").json()
    assert_schema(combined, openapi_component, "taskrouter.v1.workspace.worker.worker_statistics")
    assert set(combined["realtime"]) == properties_of(openapi_component, "taskrouter.v1.workspace.worker.workers_real_time_statistics")
    assert combined["realtime"]["total_workers"] == 2
    theirs = raw.get(f"{base}/Workers/Statistics", FriendlyName="other").json()
    assert theirs["realtime"]["total_workers"] == 1
    assert {a["friendly_name"]: a["workers"] for a in theirs["realtime"]["activity_statistics"]}["Offline"] == 1
    assert counts(theirs["cumulative"], *RESERVATION_COUNTS) == (0, 0, 0, 0, 0, 0)
    queued = center.tr.workers.statistics().fetch(task_queue_sid=center.queue.sid)
    assert queued.realtime["total_workers"] == 2 and queued.cumulative["reservations_created"] == 2
    assert center.tr.workers(other.sid).statistics().fetch().cumulative["reservations_created"] == 0


def test_combined_statistics_hold_cumulative_and_realtime_objects(client, raw, openapi_component):
    center = history(client)
    waiting = center.task()
    base = f"{WORKSPACES}/{center.workspace.sid}"
    cases = [
        (f"{base}/Statistics", "taskrouter.v1.workspace.workspace_statistics",
         "taskrouter.v1.workspace.workspace_cumulative_statistics", "taskrouter.v1.workspace.workspace_real_time_statistics"),
        (f"{base}/TaskQueues/{center.queue.sid}/Statistics", "taskrouter.v1.workspace.task_queue.task_queue_statistics",
         "taskrouter.v1.workspace.task_queue.task_queue_cumulative_statistics",
         "taskrouter.v1.workspace.task_queue.task_queue_real_time_statistics"),
        (f"{base}/Workflows/{center.workflow.sid}/Statistics", "taskrouter.v1.workspace.workflow.workflow_statistics",
         "taskrouter.v1.workspace.workflow.workflow_cumulative_statistics",
         "taskrouter.v1.workspace.workflow.workflow_real_time_statistics"),
    ]
    for path, name, cumulative, realtime in cases:
        body = raw.get(path).json()
        assert_schema(body, openapi_component, name)
        assert set(body["cumulative"]) == properties_of(openapi_component, cumulative), path
        assert set(body["realtime"]) == properties_of(openapi_component, realtime), path
        assert body["realtime"]["tasks_by_status"]["reserved"] == 1, path
        assert body["cumulative"]["reservations_created"] == 5, path
    listed = raw.get(f"{base}/TaskQueues/Statistics", PageSize=1).json()
    assert listed["meta"]["key"] == "task_queues_statistics"
    [item] = listed["task_queues_statistics"]
    assert_schema(item, openapi_component, "taskrouter.v1.workspace.task_queue.task_queues_statistics")
    assert item["task_queue_sid"] == center.queue.sid
    assert item["cumulative"]["tasks_entered"] == 4 and item["realtime"]["total_tasks"] == 1
    # Through the library: the queues' list follows its filters, and each resource fetches.
    center.tr.task_queues.create(friendly_name="Quiet", target_workers="1==1")
    assert [s.task_queue_sid for s in center.tr.task_queues.statistics.list(friendly_name="Agents")] == [center.queue.sid]
    assert len(center.tr.task_queues.statistics.list()) == 2
    assert center.tr.statistics().fetch().realtime["total_tasks"] == 1
    assert center.tr.task_queues(center.queue.sid).statistics().fetch(minutes=30).cumulative["tasks_entered"] == 4
    assert center.tr.workflows(center.workflow.sid).cumulative_statistics().fetch().tasks_entered == 4
    assert center.tr.tasks(waiting.sid).fetch().assignment_status == "reserved"


def test_real_time_statistics_honour_task_channel(client, raw):
    center = Center(client)
    center.task(channel="voice")
    center.task()
    base = f"{WORKSPACES}/{center.workspace.sid}"
    assert raw.get(f"{base}/RealTimeStatistics").json()["total_tasks"] == 2
    assert raw.get(f"{base}/RealTimeStatistics", TaskChannel="voice").json()["total_tasks"] == 1
    queue = raw.get(f"{base}/TaskQueues/{center.queue.sid}/RealTimeStatistics", TaskChannel="sms").json()
    assert queue["tasks_by_status"]["pending"] == 1


def test_a_task_moved_between_queues_and_one_timed_out_of_its_workflow_are_counted(client, raw):
    center = Center(client)
    backup = center.tr.task_queues.create(friendly_name="Backup", target_workers="1==1")
    config = {"task_routing": {"filters": [{"filter_friendly_name": "all", "expression": "1==1", "targets": [
        {"queue": center.queue.sid, "timeout": 1}, {"queue": backup.sid, "timeout": 1}]}]}}
    center.tr.workflows(center.workflow.sid).update(configuration=json.dumps(config))
    task = center.task()
    base = f"{WORKSPACES}/{center.workspace.sid}"

    assert eventually(lambda: raw.get(f"{base}/CumulativeStatistics").json()["tasks_timed_out_in_workflow"] == 1, timeout=15)
    assert center.status(task) == "canceled"
    workspace = raw.get(f"{base}/CumulativeStatistics").json()
    assert counts(workspace, "tasks_moved", "tasks_canceled", "tasks_timed_out_in_workflow") == (1, 1, 1)
    moved_into = raw.get(f"{base}/TaskQueues/{backup.sid}/CumulativeStatistics").json()
    assert counts(moved_into, "tasks_entered", "tasks_moved") == (1, 1)
    first = raw.get(f"{base}/TaskQueues/{center.queue.sid}/CumulativeStatistics").json()
    assert counts(first, "tasks_entered", "tasks_moved") == (1, 0)
    workflow = raw.get(f"{base}/Workflows/{center.workflow.sid}/CumulativeStatistics").json()
    assert workflow["tasks_timed_out_in_workflow"] == 1
