"""TaskRouter's routing engine driven through the official library: tasks find workers as Twilio's do."""

import json
import time

import jsonschema

from assertions import assert_error, assert_iso_dates
from factories import unique_name

WORKSPACES = "/taskrouter/v1/Workspaces"


def eventually(check, timeout: float = 10.0):
    """Poll `check` until it returns a truthy value or `timeout` passes; return the value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


class Center:
    """A workspace with one queue and one workflow into it, and helpers to add workers and tasks."""

    def __init__(self, client, target=None, target_workers="1==1", reservation_timeout=120, filters=None, known=None):
        """Create the workspace, its queue and a workflow whose single target is described by the arguments."""
        self.client = client
        self.workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("routing"))
        self.tr = client.taskrouter.v1.workspaces(self.workspace.sid)
        self.activities = {a.friendly_name: a.sid for a in self.tr.activities.list()}
        self.queue = self.tr.task_queues.create(friendly_name="Agents", target_workers=target_workers)
        step = {"queue": self.queue.sid}
        if target:
            step["expression"] = target
        if known:
            step["known_worker_sid"] = known
        config = {"task_routing": {"filters": filters or [{"filter_friendly_name": "all", "expression": "1==1", "targets": [step]}],
                                   "default_filter": {"queue": self.queue.sid}}}
        self.workflow = self.tr.workflows.create(friendly_name="Main", configuration=json.dumps(config),
                                                 task_reservation_timeout=reservation_timeout)

    def worker(self, name, available=True, **attributes):
        """A worker with these attributes, Available or Offline."""
        activity = self.activities["Available" if available else "Offline"]
        return self.tr.workers.create(friendly_name=name, activity_sid=activity, attributes=json.dumps(attributes))

    def workers_longest_idle_first(self, *names):
        """Available workers created a second apart, so each has been idle longer than the next and is offered a
        task before them."""
        workers = []
        for name in names:
            if workers:
                time.sleep(1.1)
            workers.append(self.worker(name))
        return workers

    def task(self, channel="sms", **attributes):
        """A task with these attributes on the workflow."""
        return self.tr.tasks.create(workflow_sid=self.workflow.sid, task_channel=channel, attributes=json.dumps(attributes))

    def reservations(self, task):
        """The task's reservations, oldest first."""
        return self.tr.tasks(task.sid).reservations.list()

    def pending_reservation(self, task):
        """The task's pending reservation, waiting for it to appear."""
        return eventually(lambda: next((r for r in self.reservations(task) if r.reservation_status == "pending"), None))

    def status(self, task):
        """The task's assignment status now."""
        return self.tr.tasks(task.sid).fetch().assignment_status


def test_seed_000_target_worker_expression_reserves_the_named_agent(client):
    center = Center(client, target="task.targetWorker == worker.contact_uri")
    center.worker("alice", contact_uri="client:alice")
    bob = center.worker("bob", contact_uri="client:bob")
    task = center.task(targetWorker="client:bob")
    reservation = center.pending_reservation(task)
    assert (reservation.worker_sid, reservation.worker_name) == (bob.sid, "bob")
    assert center.status(task) == "reserved"


def test_auto_answer_accepts_the_reservation_at_once(client):
    center = Center(client, target="task.targetWorker == worker.contact_uri")
    alice = center.worker("alice", contact_uri="client:alice")
    task = center.task(targetWorker="client:alice", autoAnswer="true")
    assert [(r.worker_sid, r.reservation_status) for r in center.reservations(task)] == [(alice.sid, "accepted")]
    assert center.status(task) == "assigned"
    sms = center.tr.task_channels("sms").fetch()
    assert center.tr.workers(alice.sid).worker_channels(sms.sid).fetch().assigned_tasks == 1


def test_skills_routing_with_has_and_comparisons(client):
    center = Center(client, target_workers="skills HAS 'support'")
    config = {"task_routing": {"filters": [{"filter_friendly_name": "spanish", "expression": "language == 'spanish'",
                                            "targets": [{"queue": center.queue.sid, "expression": "worker.languages HAS 'es' AND worker.level >= task.min_level"}]}],
                               "default_filter": {"queue": center.queue.sid}}}
    center.tr.workflows(center.workflow.sid).update(configuration=json.dumps(config))
    center.worker("ana", skills=["support"], languages=["es"], level=2)
    beto = center.worker("beto", skills=["support"], languages=["es", "en"], level=4)
    center.worker("cleo", skills=["sales"], languages=["es"], level=9)
    task = center.task(language="spanish", min_level=3)
    assert center.pending_reservation(task).worker_sid == beto.sid


def test_known_worker_sid_routes_to_that_worker_only(client):
    center = Center(client, known="task.agent_sid")
    center.worker("dora")
    eve = center.worker("eve")
    task = center.task(agent_sid=eve.sid)
    assert center.pending_reservation(task).worker_sid == eve.sid


def test_a_rejected_reservation_moves_on_to_the_next_eligible_worker(client):
    center = Center(client)
    first, second = center.workers_longest_idle_first("fred", "gina")
    task = center.task()
    offered = center.pending_reservation(task)
    assert offered.worker_sid == first.sid
    center.tr.tasks(task.sid).reservations(offered.sid).update(reservation_status="rejected")
    moved = eventually(lambda: next((r for r in center.reservations(task) if r.reservation_status == "pending"), None))
    assert moved.worker_sid == second.sid
    assert [r.reservation_status for r in center.reservations(task)] == ["rejected", "pending"]


def test_a_timed_out_reservation_moves_on_and_the_worker_goes_to_the_timeout_activity(client):
    center = Center(client, reservation_timeout=1)
    first, second = center.workers_longest_idle_first("hank", "iris")
    task = center.task()
    assert center.pending_reservation(task).worker_sid == first.sid
    moved = eventually(lambda: next((r for r in center.reservations(task)
                                     if r.reservation_status == "pending" and r.worker_sid == second.sid), None), timeout=15)
    assert moved is not None
    assert [r.reservation_status for r in center.reservations(task)][0] == "timeout"
    assert center.tr.workers(first.sid).fetch().activity_name == "Offline"


def test_capacity_makes_a_task_wait_until_the_worker_frees_up(client):
    center = Center(client)
    jack = center.worker("jack")
    first = center.task(autoAnswer="true")
    second = center.task()
    assert center.status(first) == "assigned"
    assert center.status(second) == "pending"
    assert center.reservations(second) == []
    center.tr.tasks(first.sid).update(assignment_status="completed", reason="done")
    reservation = center.pending_reservation(second)
    assert reservation.worker_sid == jack.sid
    assert center.tr.tasks(first.sid).reservations.list()[0].reservation_status == "completed"


def test_a_worker_who_becomes_available_gets_the_waiting_task(client):
    center = Center(client)
    kate = center.worker("kate", available=False)
    task = center.task()
    assert center.status(task) == "pending"
    center.tr.workers(kate.sid).update(activity_sid=center.activities["Available"])
    assert center.pending_reservation(task).worker_sid == kate.sid


def test_worker_events_record_creation_each_activity_change_with_the_activity_left_and_deletion(client, raw):
    center = Center(client)
    nora = center.worker("nora", available=False)
    time.sleep(1.1)
    center.tr.workers(nora.sid).update(activity_sid=center.activities["Available"])
    center.tr.workers(nora.sid).delete()
    events = raw.get(f"{WORKSPACES}/{center.workspace.sid}/Events", WorkerSid=nora.sid).json()["events"]
    assert [e["event_type"] for e in events] == ["worker.created", "worker.activity.update", "worker.deleted"]
    created, change, deleted = (e["event_data"] for e in events)
    assert created["worker_activity_sid"] == center.activities["Offline"]
    assert (change["worker_previous_activity_sid"], change["worker_activity_sid"]) == (center.activities["Offline"], center.activities["Available"])
    assert change["worker_activity_name"] == "Available"
    assert int(change["worker_time_in_previous_activity_ms"]) >= 1000
    assert int(change["worker_time_in_previous_activity"]) == int(change["worker_time_in_previous_activity_ms"]) // 1000
    assert deleted["worker_sid"] == nora.sid


def test_accept_then_wrap_up_then_complete_from_the_workers_side(client):
    center = Center(client)
    liam = center.worker("liam")
    task = center.task()
    reservation = center.pending_reservation(task)
    side = center.tr.workers(liam.sid).reservations(reservation.sid)
    assert side.update(reservation_status="accepted").reservation_status == "accepted"
    assert center.status(task) == "assigned"
    center.tr.tasks(task.sid).update(assignment_status="wrapping", reason="wrap")
    assert side.fetch().reservation_status == "wrapping"
    center.tr.tasks(task.sid).update(assignment_status="completed", reason="done")
    assert (center.status(task), side.fetch().reservation_status) == ("completed", "completed")
    assert [r.sid for r in center.tr.workers(liam.sid).reservations.list(reservation_status="completed")] == [reservation.sid]


def test_a_task_past_its_timeout_is_canceled(client):
    center = Center(client)
    task = center.tr.tasks.create(workflow_sid=center.workflow.sid, timeout=1, attributes="{}")
    canceled = eventually(lambda: center.tr.tasks(task.sid).fetch().assignment_status == "canceled", timeout=15)
    assert canceled
    assert center.tr.tasks(task.sid).fetch().reason


def test_task_reservation_and_event_json_match_the_openapi_schemas(client, raw, openapi_component):
    center = Center(client)
    center.worker("mona")
    task = center.task(autoAnswer="true")
    base = f"{WORKSPACES}/{center.workspace.sid}"
    body = raw.get(f"{base}/Tasks/{task.sid}").json()
    for name, resource in [("taskrouter.v1.workspace.task", body),
                           ("taskrouter.v1.workspace.task.task_reservation", raw.get(f"{base}/Tasks/{task.sid}/Reservations").json()["reservations"][0])]:
        schema = openapi_component("twilio_taskrouter_v1.json", name)
        assert set(resource) == set(schema["properties"]), sorted(set(resource) ^ set(schema["properties"]))
        jsonschema.validate(resource, schema)
        assert_iso_dates(resource)
    events = raw.get(f"{base}/Events", TaskSid=task.sid).json()
    assert events["meta"]["key"] == "events"
    assert [e["event_type"] for e in events["events"]] == ["task.created", "task-queue.entered", "reservation.created", "reservation.accepted"]
    schema = openapi_component("twilio_taskrouter_v1.json", "taskrouter.v1.workspace.event")
    for event in events["events"]:
        assert set(event) == set(schema["properties"])
        assert event["event_data"]["task_sid"] == task.sid


def test_task_parameters_and_transitions_are_validated(client, raw):
    center = Center(client)
    base = f"{WORKSPACES}/{center.workspace.sid}/Tasks"
    assert_error(raw.post(base, {"WorkflowSid": center.workflow.sid, "Attributes": "[1]"}), 400, 20001)
    assert_error(raw.post(base, {"WorkflowSid": center.workflow.sid, "TaskChannel": "carrier-pigeon"}), 400, 20001)
    assert_error(raw.post(base, {"WorkflowSid": "WW" + "0" * 32}), 400, 20001)
    task = raw.post(base, {"WorkflowSid": center.workflow.sid}).json()
    assert task["assignment_status"] == "pending" and task["task_channel_unique_name"] == "default"
    assert raw.post(f"{base}/{task['sid']}", {"AssignmentStatus": "completed"}).status_code == 400
    canceled = raw.post(f"{base}/{task['sid']}", {"AssignmentStatus": "canceled", "Reason": "customer left"})
    assert canceled.status_code == 200 and canceled.json()["reason"] == "customer left"
    assert raw.delete(f"{base}/{task['sid']}").status_code == 204
    assert_error(raw.get(f"{base}/{task['sid']}"), 404, 20404)


def test_real_time_statistics_count_tasks_by_status_and_eligible_available_workers(client, raw, openapi_component):
    center = Center(client, target_workers="skills HAS 'sms'")
    center.worker("nia", skills=["sms"])
    center.worker("omar", available=False, skills=["sms"])
    center.worker("pia", skills=["voice"])
    reserved = center.task()
    waiting = center.task()
    assert center.status(reserved) == "reserved" and center.status(waiting) == "pending"
    base = f"{WORKSPACES}/{center.workspace.sid}"
    queue_stats = raw.get(f"{base}/TaskQueues/{center.queue.sid}/RealTimeStatistics").json()
    assert queue_stats["tasks_by_status"] == {"pending": 1, "reserved": 1, "assigned": 0, "wrapping": 0}
    assert (queue_stats["total_tasks"], queue_stats["total_eligible_workers"], queue_stats["total_available_workers"]) == (2, 2, 1)
    assert queue_stats["longest_task_waiting_sid"] == waiting.sid
    assert {a["friendly_name"]: a["workers"] for a in queue_stats["activity_statistics"]}["Offline"] == 1
    workspace_stats = raw.get(f"{base}/RealTimeStatistics").json()
    assert (workspace_stats["total_workers"], workspace_stats["total_tasks"]) == (3, 2)
    workers_stats = raw.get(f"{base}/Workers/RealTimeStatistics").json()
    assert {a["friendly_name"]: a["workers"] for a in workers_stats["activity_statistics"]}["Available"] == 2
    workflow_stats = raw.get(f"{base}/Workflows/{center.workflow.sid}/RealTimeStatistics").json()
    assert workflow_stats["tasks_by_status"]["pending"] == 1
    for name, body in [("taskrouter.v1.workspace.task_queue.task_queue_real_time_statistics", queue_stats),
                       ("taskrouter.v1.workspace.workspace_real_time_statistics", workspace_stats),
                       ("taskrouter.v1.workspace.worker.workers_real_time_statistics", workers_stats),
                       ("taskrouter.v1.workspace.workflow.workflow_real_time_statistics", workflow_stats)]:
        schema = openapi_component("twilio_taskrouter_v1.json", name)
        assert set(body) == set(schema["properties"]), (name, sorted(set(body) ^ set(schema["properties"])))
        jsonschema.validate(body, schema)


def test_a_lifo_queue_offers_the_newest_waiting_task_first(client):
    center = Center(client)
    center.tr.task_queues(center.queue.sid).update(task_order="LIFO")
    quinn = center.worker("quinn", available=False)
    older = center.task()
    time.sleep(1.1)
    newer = center.task()
    center.tr.workers(quinn.sid).update(activity_sid=center.activities["Available"])
    assert center.pending_reservation(newer).worker_sid == quinn.sid
    assert center.status(older) == "pending"


def test_queue_reservation_and_assignment_activities_move_the_worker(client):
    center = Center(client)
    reserved = center.tr.activities.create(friendly_name="Reserved", available="false")
    on_task = center.tr.activities.create(friendly_name="On Task", available="false")
    center.tr.task_queues(center.queue.sid).update(reservation_activity_sid=reserved.sid, assignment_activity_sid=on_task.sid)
    rita = center.worker("rita")
    task = center.task()
    reservation = center.pending_reservation(task)
    assert center.tr.workers(rita.sid).fetch().activity_name == "Reserved"
    center.tr.tasks(task.sid).reservations(reservation.sid).update(reservation_status="accepted")
    assert center.tr.workers(rita.sid).fetch().activity_name == "On Task"
