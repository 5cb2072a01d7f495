"""A waiting task is never forgotten: whatever frees a worker for it offers it again. A worker who let the
task's reservation time out or rejected it comes back to it once they return to an available activity; raised
capacity, a queue's new TargetWorkers and a workflow's new configuration each route the workspace again."""

import json
import random

from test_taskrouter_routing import Center, eventually


def offered_to(center, task, worker):
    """Whether the task holds a pending reservation for the worker, waiting a moment for routing."""
    return eventually(lambda: any(r.reservation_status == "pending" and r.worker_sid == worker.sid
                                  for r in center.reservations(task)), timeout=5)


def test_a_worker_who_let_the_reservation_time_out_is_offered_the_task_again_once_available(client):
    center = Center(client, reservation_timeout=1)
    worker = center.worker("ines")
    task = center.task()
    first = center.pending_reservation(task)
    assert eventually(lambda: center.tr.workers(worker.sid).fetch().activity_name == "Offline", timeout=15)
    assert center.tr.tasks(task.sid).reservations(first.sid).fetch().reservation_status == "timeout"
    assert center.status(task) == "pending"
    center.tr.workers(worker.sid).update(activity_sid=center.activities["Available"])
    assert offered_to(center, task, worker)
    assert center.status(task) == "reserved"


def test_a_worker_who_rejected_and_went_offline_is_offered_the_task_again_once_available(client):
    center = Center(client)
    worker = center.worker("jon")
    task = center.task()
    first = center.pending_reservation(task)
    center.tr.workers(worker.sid).reservations(first.sid).update(
        reservation_status="rejected", worker_activity_sid=center.activities["Offline"])
    assert center.status(task) == "pending"
    center.tr.workers(worker.sid).update(activity_sid=center.activities["Available"])
    assert offered_to(center, task, worker)


def test_a_worker_who_rejected_and_stayed_available_is_not_offered_the_task_again(client):
    center = Center(client)
    worker = center.worker("kai")
    task = center.task()
    first = center.pending_reservation(task)
    center.tr.tasks(task.sid).reservations(first.sid).update(reservation_status="rejected")
    center.tr.workers(worker.sid).update(attributes=json.dumps({"note": "still here"}))
    assert [r.reservation_status for r in center.reservations(task)] == ["rejected"]
    assert center.status(task) == "pending"


def test_raised_capacity_offers_a_waiting_task(client):
    center = Center(client)
    worker = center.worker("lia")
    sms = center.tr.task_channels("sms").fetch()
    center.tr.workers(worker.sid).worker_channels(sms.sid).update(capacity=1)
    busy = center.task()
    center.tr.tasks(busy.sid).reservations(center.pending_reservation(busy).sid).update(reservation_status="accepted")
    waiting = center.task()
    assert center.status(waiting) == "pending"
    center.tr.workers(worker.sid).worker_channels(sms.sid).update(capacity=2)
    assert offered_to(center, waiting, worker)


def test_a_queue_whose_target_workers_now_match_offers_its_waiting_task(client):
    center = Center(client, target_workers="skills HAS 'billing'")
    worker = center.worker("max", skills=["support"])
    task = center.task()
    assert center.status(task) == "pending"
    center.tr.task_queues(center.queue.sid).update(target_workers="skills HAS 'support'")
    assert offered_to(center, task, worker)


def test_a_workflow_whose_new_configuration_matches_offers_its_waiting_task(client):
    center = Center(client, target="worker.level >= 5")
    worker = center.worker("nia", level=3)
    task = center.task()
    assert center.status(task) == "pending"
    config = {"task_routing": {"filters": [{"filter_friendly_name": "all", "expression": "1==1",
                                            "targets": [{"queue": center.queue.sid, "expression": "worker.level >= 3"}]}],
                               "default_filter": {"queue": center.queue.sid}}}
    center.tr.workflows(center.workflow.sid).update(configuration=json.dumps(config))
    assert offered_to(center, task, worker)


class Floor:
    """Three workers, two queues by team, and a workflow that sends each task to its team's queue; the test's own
    record of who declined which task since they last became available."""

    TEAMS = {"ora": ["a"], "pim": ["b"], "quin": ["a", "b"]}

    def __init__(self, client):
        self.workspace = client.taskrouter.v1.workspaces.create(friendly_name="reoffer floor", multi_task_enabled=True)
        self.tr = client.taskrouter.v1.workspaces(self.workspace.sid)
        self.activities = {a.friendly_name: a.sid for a in self.tr.activities.list()}
        self.queues = {team: self.tr.task_queues.create(friendly_name=f"team {team}", target_workers=f"teams HAS '{team}'")
                       for team in "ab"}
        config = {"task_routing": {"filters": [{"filter_friendly_name": team, "expression": f"team == '{team}'",
                                                "targets": [{"queue": self.queues[team].sid}]} for team in "ab"],
                                   "default_filter": {"queue": self.queues["a"].sid}}}
        self.workflow = self.tr.workflows.create(friendly_name="by team", configuration=json.dumps(config),
                                                 task_reservation_timeout=600)
        self.sms = self.tr.task_channels("sms").fetch().sid
        self.workers = {name: self.tr.workers.create(friendly_name=name, activity_sid=self.activities["Available"],
                                                     attributes=json.dumps({"teams": teams}))
                        for name, teams in self.TEAMS.items()}
        self.tasks = {}
        self.declined = set()

    def reservations(self, status):
        """Every reservation of the workspace in this status, as (task SID, worker SID, reservation SID)."""
        found = []
        for worker in self.workers.values():
            for r in self.tr.workers(worker.sid).reservations.list(reservation_status=status):
                found.append((r.task_sid, worker.sid, r.sid))
        return found

    def violations(self):
        """Pending tasks that an available worker of their team, with room on the channel, has not declined."""
        statuses = {sid: self.tr.tasks(sid).fetch().assignment_status for sid in self.tasks}
        load = {}
        for status in ("pending", "accepted", "wrapping"):
            for _, worker_sid, _ in self.reservations(status):
                load[worker_sid] = load.get(worker_sid, 0) + 1
        found = []
        for name, worker in self.workers.items():
            fetched = self.tr.workers(worker.sid).fetch()
            channel = self.tr.workers(worker.sid).worker_channels(self.sms).fetch()
            if not fetched.available or not channel.available or load.get(worker.sid, 0) >= channel.configured_capacity:
                continue
            for task_sid, team in self.tasks.items():
                if statuses[task_sid] == "pending" and team in self.TEAMS[name] and (task_sid, worker.sid) not in self.declined:
                    found.append((task_sid, name))
        return found

    def step(self, rng):
        """One random operation, described for the failure message."""
        operation = rng.choice(["create", "create", "accept", "reject", "reject", "complete", "activity", "activity", "capacity"])
        if operation == "create":
            team = rng.choice("ab")
            task = self.tr.tasks.create(workflow_sid=self.workflow.sid, task_channel="sms", attributes=json.dumps({"team": team}))
            self.tasks[task.sid] = team
            return f"create {team}"
        if operation in ("accept", "reject"):
            pending = self.reservations("pending")
            if not pending:
                return f"{operation}: nothing pending"
            task_sid, worker_sid, sid = rng.choice(pending)
            self.tr.workers(worker_sid).reservations(sid).update(reservation_status=f"{operation}ed" if operation == "reject" else "accepted")
            if operation == "reject":
                self.declined.add((task_sid, worker_sid))
            return f"{operation} {task_sid} by {worker_sid}"
        if operation == "complete":
            assigned = [sid for sid in self.tasks if self.tr.tasks(sid).fetch().assignment_status == "assigned"]
            if not assigned:
                return "complete: nothing assigned"
            sid = rng.choice(assigned)
            self.tr.tasks(sid).update(assignment_status="completed", reason="done")
            return f"complete {sid}"
        name = rng.choice(sorted(self.workers))
        worker = self.workers[name]
        if operation == "activity":
            available = not self.tr.workers(worker.sid).fetch().available
            self.tr.workers(worker.sid).update(activity_sid=self.activities["Available" if available else "Offline"])
            if available:
                # Coming back to an available activity makes every task the worker declined theirs to take again.
                self.declined = {(task, who) for task, who in self.declined if who != worker.sid}
            return f"{name} {'Available' if available else 'Offline'}"
        capacity = rng.randint(1, 3)
        self.tr.workers(worker.sid).worker_channels(self.sms).update(capacity=capacity)
        return f"{name} capacity {capacity}"


def test_randomized_operations_never_leave_a_task_pending_while_an_eligible_worker_has_room(client):
    # Seed 2 rejects a task, takes the worker Offline and brings them back while the task still waits.
    rng = random.Random(2)
    floor = Floor(client)
    history = []
    for _ in range(40):
        history.append(floor.step(rng))
        eventually(lambda: not floor.violations(), timeout=3)
        assert floor.violations() == [], history
