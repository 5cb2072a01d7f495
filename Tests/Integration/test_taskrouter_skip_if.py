"""`skip_if` on workflow targets: a task entering a target that cannot offer it to anyone at once skips it when the
target's expression holds for the workers of its queue, as Twilio's "Skipping Based on Worker Availability" says."""

import json

from test_taskrouter_routing import Center, eventually


class Escalation(Center):
    """A front-line queue (team 'front') with a skip_if, then a backup queue (team 'backup'), each target waiting
    ten minutes before the next."""

    def __init__(self, client, skip_if="workers.available == 0"):
        super().__init__(client, target_workers="team == 'front'")
        self.backup = self.tr.task_queues.create(friendly_name="Backup", target_workers="team == 'backup'")
        front = {"queue": self.queue.sid, "timeout": 600}
        if skip_if:
            front["skip_if"] = skip_if
        config = {"task_routing": {"filters": [{"filter_friendly_name": "all", "expression": "1==1",
                                                "targets": [front, {"queue": self.backup.sid, "timeout": 600}]}]}}
        self.tr.workflows(self.workflow.sid).update(configuration=json.dumps(config))


def test_a_target_whose_queue_has_no_available_worker_is_skipped_at_once(client):
    center = Escalation(client)
    center.worker("fred", available=False, team="front")
    backup = center.worker("bea", team="backup")
    task = center.task()
    assert center.pending_reservation(task).worker_sid == backup.sid
    fetched = center.tr.tasks(task.sid).fetch()
    assert fetched.task_queue_sid == center.backup.sid
    assert [e.event_type for e in center.tr.events.list(task_sid=task.sid)][:2] == ["task.created", "task-queue.entered"]


def test_a_target_with_an_available_worker_is_not_skipped(client):
    center = Escalation(client)
    front = center.worker("fran", team="front")
    center.worker("bo", team="backup")
    task = center.task()
    assert center.pending_reservation(task).worker_sid == front.sid


def test_skip_if_counts_activities_not_capacity_so_a_busy_available_worker_keeps_the_task_in_the_target(client):
    center = Escalation(client)
    front = center.worker("flo", team="front")
    center.worker("ben", team="backup")
    busy = center.task(autoAnswer="true", team="front")
    assert center.status(busy) == "assigned" and center.reservations(busy)[0].worker_sid == front.sid
    # flo is Available but full: workers.available is 1, so the task waits in the front queue.
    task = center.task()
    assert center.status(task) == "pending"
    assert center.tr.tasks(task.sid).fetch().task_queue_sid == center.queue.sid
    # When flo frees up, the waiting task is hers.
    center.tr.tasks(busy.sid).update(assignment_status="completed", reason="done")
    assert center.pending_reservation(task).worker_sid == front.sid


def test_without_skip_if_the_task_waits_in_the_target_until_its_timeout(client):
    center = Escalation(client, skip_if=None)
    center.worker("fritz", available=False, team="front")
    center.worker("bianca", team="backup")
    task = center.task()
    assert center.status(task) == "pending"
    assert center.tr.tasks(task.sid).fetch().task_queue_sid == center.queue.sid


def test_skip_if_is_evaluated_only_as_the_task_enters_the_target(client):
    center = Escalation(client)
    front = center.worker("faye", team="front")
    center.worker("bart", team="backup")
    busy = center.task(autoAnswer="true")
    assert center.reservations(busy)[0].worker_sid == front.sid
    task = center.task()
    assert center.tr.tasks(task.sid).fetch().task_queue_sid == center.queue.sid
    # faye going offline now makes workers.available 0, but the task entered the target already: it stays.
    center.tr.workers(front.sid).update(activity_sid=center.activities["Offline"])
    assert eventually(lambda: center.status(task) == "pending")
    assert center.tr.tasks(task.sid).fetch().task_queue_sid == center.queue.sid


def test_a_target_entered_when_the_previous_one_times_out_is_skipped_too(client):
    center = Escalation(client)
    middle = center.tr.task_queues.create(friendly_name="Middle", target_workers="team == 'middle'")
    config = {"task_routing": {"filters": [{"filter_friendly_name": "all", "expression": "1==1", "targets": [
        {"queue": center.queue.sid, "timeout": 1},
        {"queue": middle.sid, "skip_if": "workers.available == 0", "timeout": 600},
        {"queue": center.backup.sid}]}]}}
    center.tr.workflows(center.workflow.sid).update(configuration=json.dumps(config))
    center.worker("mia", available=False, team="middle")
    backup = center.worker("bill", team="backup")
    task = center.task()
    assert center.status(task) == "pending"
    reservation = eventually(lambda: next((r for r in center.reservations(task) if r.reservation_status == "pending"), None), timeout=15)
    assert reservation is not None and reservation.worker_sid == backup.sid
    # The skipped target's queue was never waited in, so the task entered only the other two.
    queues = [e.event_data["task_queue_sid"] for e in center.tr.events.list(task_sid=task.sid, event_type="task-queue.entered")]
    assert queues == [center.queue.sid, center.backup.sid]
