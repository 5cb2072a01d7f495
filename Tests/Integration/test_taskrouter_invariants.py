"""TaskRouter's routing invariants under concurrent HTTP load.

Whatever the interleaving of requests: no worker holds more live reservations (pending, accepted or wrapping)
than its channel's capacity; no task has more pending reservations than its queue's MaxReservedWorkers (one unless
the queue says more); a reservation whose acceptance was answered 200 `accepted` is never lost, and a task is
accepted once; a task waits only while capacity is used up, and is reserved once a worker frees up.

Setup goes through the official library (one Client, one thread). The hammering goes through `requests`, one
keep-alive session per thread (twilio Clients are not guaranteed thread-safe), from a pool of THREADS threads.
Every check reads the state back through the API once the server is quiet: each request routes before it
answers, so when the last concurrent request has answered, routing has settled (which `settle` double-checks
by polling until the pending reservations and task statuses stop changing).
"""

import json
import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests

from raw_http import TIMEOUT_S, every_item
from test_taskrouter_routing import WORKSPACES, Center

THREADS = 24
WORKERS = 5
CAPACITY = 2
LIVE = ("pending", "accepted", "wrapping")
SETTLE_TIMEOUT_S = 15.0
DRAIN_TIMEOUT_S = 30.0
ATTEMPTS = 3  # fresh workspaces per burst test: one burst shows the race only some of the time


_POOL = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="hammer")


def concurrently(jobs, threads: int = THREADS) -> list:
    """Run zero-argument callables at once on the shared pool of THREADS threads (or one by one in this thread
    with threads=1); their results in submission order, an exception in any re-raised."""
    if threads == 1:
        return [job() for job in jobs]
    futures = [_POOL.submit(job) for job in jobs]
    return [future.result() for future in futures]


def answered(resp) -> tuple:
    """(HTTP status, the body's reservation_status or assignment_status, or the error message) of a response."""
    try:
        body = resp.json()
    except ValueError:
        return resp.status_code, resp.text[:200]
    if not isinstance(body, dict):
        return resp.status_code, body
    return resp.status_code, body.get("reservation_status") or body.get("assignment_status") or body.get("message")


class Floor:
    """Raw HTTP access to one Center's workspace, shared by the threads that hammer it: each thread has its own
    keep-alive `requests.Session` with the RawApi's base URL and credentials."""

    def __init__(self, raw, center: Center, workers: list, sms: str):
        self.raw = raw
        self.center = center
        self.base = f"{WORKSPACES}/{center.workspace.sid}"
        self.workers = workers
        self.sms = sms  # the sms TaskChannel's SID
        self.local = threading.local()
        self.final = {}  # task SID -> reservations, for tasks already completed or canceled: they change no more

    def session(self) -> requests.Session:
        """This thread's session."""
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
            self.local.session.auth = self.raw.auth
        return self.local.session

    def get(self, path: str, **params) -> requests.Response:
        """GET a path (or the server's own absolute URL) with query parameters."""
        return self.session().get(self.raw.url(path), params=params or None, timeout=TIMEOUT_S)

    def post(self, path: str, form: dict) -> requests.Response:
        """POST a form-encoded body."""
        return self.session().post(self.raw.url(path), data=form, timeout=TIMEOUT_S)

    def _all(self, path: str, key: str, **params) -> list:
        """Every item of a list resource, following next_page_url."""
        return every_item(self.get, path, key, **params)

    def create_task(self, **attributes):
        """POST a task on the sms channel through the workflow; the response."""
        return self.post(f"{self.base}/Tasks", {"WorkflowSid": self.center.workflow.sid, "TaskChannel": "sms",
                                                "Attributes": json.dumps(attributes)})

    def tasks(self) -> dict:
        """Task SID -> assignment status, for every task of the workspace."""
        return {t["sid"]: t["assignment_status"] for t in self._all(f"{self.base}/Tasks", "tasks")}

    def task_reservations(self, task_sid: str) -> list:
        """The task's reservations, from the task's side."""
        return self._all(f"{self.base}/Tasks/{task_sid}/Reservations", "reservations")

    def worker_reservations(self, worker_sid: str, status: str) -> list:
        """The worker's reservations in one status, from the worker's side (ReservationStatus filter)."""
        return self._all(f"{self.base}/Workers/{worker_sid}/Reservations", "reservations", ReservationStatus=status)

    def answer(self, reservation: dict, status: str, side: str):
        """POST ReservationStatus to a reservation from the task's side or the worker's; the response."""
        owner = f"Tasks/{reservation['task_sid']}" if side == "task" else f"Workers/{reservation['worker_sid']}"
        return self.post(f"{self.base}/{owner}/Reservations/{reservation['sid']}", {"ReservationStatus": status})

    def move_task(self, task_sid: str, status: str):
        """POST AssignmentStatus (wrapping or completed) to a task; the response."""
        form = {"AssignmentStatus": status}
        if status == "completed":
            form["Reason"] = "done"
        return self.post(f"{self.base}/Tasks/{task_sid}", form)

    def set_activity(self, worker_sid: str, name: str):
        """Move a worker to the activity with this friendly name; the response."""
        return self.post(f"{self.base}/Workers/{worker_sid}", {"ActivitySid": self.center.activities[name]})

    def pending_count(self) -> int:
        """How many pending reservations the workers hold."""
        counts = concurrently([lambda w=w: len(self.worker_reservations(w, "pending")) for w in self.workers])
        return sum(counts)


@dataclass
class Picture:
    """The workspace as the API shows it at one quiet moment."""

    tasks: dict  # task SID -> assignment status
    reservations: dict  # task SID -> its reservations (task side)
    held: dict  # worker SID -> {reservation SID: status} of its live reservations (worker side, status filter)

    def live_by_worker(self) -> Counter:
        """Worker SID -> live reservations, from the worker's side."""
        return Counter({worker: len(held) for worker, held in self.held.items()})

    def reservation(self, task_sid: str, sid: str) -> dict:
        """One reservation of a task, or None."""
        return next((r for r in self.reservations.get(task_sid, []) if r["sid"] == sid), None)

    def pending_reservation(self, task_sid: str) -> dict:
        """The task's pending reservation, or None."""
        return next((r for r in self.reservations[task_sid] if r["reservation_status"] == "pending"), None)

    def violations(self, capacity: int, max_reserved: int = 1) -> list:
        """Every broken invariant, described with SIDs and counts; empty when all hold. `max_reserved` is the
        queue's MaxReservedWorkers: how many pending reservations a reserved task may hold at once."""
        found = []
        for worker, held in self.held.items():
            if len(held) > capacity:
                found.append(f"worker {worker} holds {len(held)} live reservations, capacity {capacity}: {held}")
        task_side = {}
        for task, status in self.tasks.items():
            reservations = self.reservations[task]
            statuses = Counter(r["reservation_status"] for r in reservations)
            live = [r for r in reservations if r["reservation_status"] in LIVE]
            task_side.update({r["sid"]: r["reservation_status"] for r in live})
            if statuses["pending"] > max_reserved:
                found.append(f"task {task} ({status}) has {statuses['pending']} pending reservations, MaxReservedWorkers "
                             f"{max_reserved}: {[(r['sid'], r['worker_sid']) for r in reservations if r['reservation_status'] == 'pending']}")
            if len(live) > 1 and any(r["reservation_status"] != "pending" for r in live):
                found.append(f"task {task} ({status}) has {len(live)} live reservations: "
                             f"{[(r['sid'], r['worker_sid'], r['reservation_status']) for r in live]}")
            if statuses["accepted"] + statuses["wrapping"] + statuses["completed"] > 1:
                found.append(f"task {task} ({status}) was accepted more than once: "
                             f"{[(r['sid'], r['worker_sid'], r['reservation_status']) for r in reservations]}")
            if statuses["rescinded"] and not statuses["accepted"] + statuses["wrapping"] + statuses["completed"]:
                found.append(f"task {task} ({status}) has rescinded reservations but none accepted: "
                             f"{[(r['sid'], r['reservation_status']) for r in reservations]}")
            live_statuses = sorted(r["reservation_status"] for r in live)
            if status == "reserved":
                wrong = not 1 <= len(live) <= max_reserved or set(live_statuses) != {"pending"}
            else:
                expected = {"pending": [], "assigned": ["accepted"], "wrapping": ["wrapping"]}.get(status)
                wrong = expected is not None and live_statuses != expected
            if wrong:
                found.append(f"task {task} is {status} but its live reservations are "
                             f"{[(r['sid'], r['reservation_status']) for r in live]}")
        worker_side = {sid: status for held in self.held.values() for sid, status in held.items()}
        if worker_side != task_side:
            found.append(f"worker-side and task-side live reservations differ: only worker side "
                         f"{ {k: v for k, v in worker_side.items() if task_side.get(k) != v} }, only task side "
                         f"{ {k: v for k, v in task_side.items() if worker_side.get(k) != v} }")
        return found


def picture(floor: Floor) -> Picture:
    """Read every task, its reservations, and every worker's live reservations, many requests at once."""
    tasks = floor.tasks()
    sids = [t for t in tasks if t not in floor.final]
    reservations = dict(zip(sids, concurrently([lambda t=t: floor.task_reservations(t) for t in sids])))
    for task in sids:
        if tasks[task] in ("completed", "canceled"):  # read after the task ended, so final
            floor.final[task] = reservations[task]
    reservations.update({t: rs for t, rs in floor.final.items() if t in tasks})
    pairs = [(w, s) for w in floor.workers for s in LIVE]
    lists = concurrently([lambda w=w, s=s: floor.worker_reservations(w, s) for w, s in pairs])
    held = {w: {} for w in floor.workers}
    for (worker, status), rows in zip(pairs, lists):
        for row in rows:
            assert row["reservation_status"] == status, f"ReservationStatus={status} filter returned {row}"
            held[worker][row["sid"]] = status
    return Picture(tasks, reservations, held)


def settle(floor: Floor) -> int:
    """Poll until the pending reservations and the task statuses stop changing (bounded); the pending count."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    last = None
    while True:
        now = (floor.pending_count(), tuple(sorted(Counter(floor.tasks().values()).items())))
        if now == last or time.monotonic() > deadline:
            return now[0]
        last = now
        time.sleep(0.2)


def assert_invariants(shot: Picture, when: str, capacity: int = CAPACITY, max_reserved: int = 1) -> None:
    """Fail with every violation found."""
    broken = shot.violations(capacity, max_reserved)
    assert not broken, f"{when}: {len(broken)} invariant violation(s):\n" + "\n".join(broken)


def staffed_floor(client, raw, workers: int = WORKERS, capacity: int = CAPACITY, available: bool = True) -> Floor:
    """A workspace with `workers` workers (Available, or Offline) of sms capacity `capacity` each, and a catch-all
    workflow whose reservations do not time out during a test."""
    center = Center(client, reservation_timeout=600)
    sms = center.tr.task_channels("sms").fetch()
    sids = []
    for n in range(workers):
        worker = center.worker(f"agent{n}", available=available)
        if capacity != 1:  # a new worker's channels have capacity 1
            channel = center.tr.workers(worker.sid).worker_channels(sms.sid).update(capacity=capacity)
            assert channel.configured_capacity == capacity
        sids.append(worker.sid)
    return Floor(raw, center, sids, sms.sid)


def create_tasks(floor: Floor, count: int, threads: int = THREADS, **attributes) -> list:
    """Create `count` tasks, concurrently (or one by one with threads=1); their SIDs (each create must answer 201)."""
    responses = concurrently([lambda: floor.create_task(**attributes) for _ in range(count)], threads=threads)
    bad = [(r.status_code, r.text[:200]) for r in responses if r.status_code != 201]
    assert not bad, f"{len(bad)} of {count} concurrent task creations failed: {bad[:5]}"
    return [r.json()["sid"] for r in responses]


def test_concurrent_task_creation_never_overfills_a_worker_nor_reserves_a_task_twice(client, raw):
    floor = staffed_floor(client, raw)
    created = create_tasks(floor, 40)
    assert len(set(created)) == 40
    settle(floor)
    shot = picture(floor)
    assert_invariants(shot, "after 40 concurrent task creations")
    statuses = Counter(shot.tasks.values())
    assert statuses == {"reserved": WORKERS * CAPACITY, "pending": 40 - WORKERS * CAPACITY}, \
        f"tasks {dict(statuses)}; live reservations per worker {dict(shot.live_by_worker())}"
    assert shot.live_by_worker() == {w: CAPACITY for w in floor.workers}
    # Capacity makes the other 30 wait: none of them has been offered to anyone.
    assert all(shot.reservations[t] == [] for t, status in shot.tasks.items() if status == "pending")


def idle_capacity(floor: Floor, when: str, capacity: int = CAPACITY) -> list:
    """After routing settles: a description of the waste if tasks wait while a worker has room, else []."""
    settle(floor)
    shot = picture(floor)
    assert_invariants(shot, when, capacity)
    statuses = Counter(shot.tasks.values())
    live = shot.live_by_worker()
    room = {w: capacity - live[w] for w in floor.workers if live[w] < capacity}
    if statuses["pending"] and room:
        waiting = sorted(t for t, s in shot.tasks.items() if s == "pending")
        return [f"{when} (workspace {floor.center.workspace.sid}): tasks {dict(statuses)}; {len(waiting)} wait "
                f"(e.g. {waiting[:2]}) while workers {room} have that much room left (live reservations per worker: "
                f"{sorted(live.values())})"]
    return []


def test_a_burst_of_new_tasks_waits_only_while_every_worker_is_full(client, raw):
    # 12 tasks for 10 places: once routing settles, 10 must be reserved and only 2 may wait. Smaller bursts
    # than the 40 above finish while earlier routing passes are still reserving, so several workspaces are tried.
    waste = []
    for attempt in range(ATTEMPTS):
        floor = staffed_floor(client, raw)
        create_tasks(floor, 12)
        waste += idle_capacity(floor, f"burst {attempt}")
    assert not waste, f"{len(waste)} of {ATTEMPTS} bursts left tasks waiting beside free capacity:\n" + "\n".join(waste)


def test_workers_becoming_available_at_once_take_every_waiting_task_they_have_room_for(client, raw):
    # 12 tasks wait for 10 Offline workers of capacity 1, who then all become Available at once.
    waste = []
    for attempt in range(ATTEMPTS):
        floor = staffed_floor(client, raw, workers=10, capacity=1, available=False)
        create_tasks(floor, 12, threads=1)
        assert Counter(floor.tasks().values()) == {"pending": 12}
        flips = concurrently([lambda w=w: floor.set_activity(w, "Available") for w in floor.workers])
        assert all(r.status_code == 200 for r in flips), [r.text for r in flips if r.status_code != 200]
        waste += idle_capacity(floor, f"all 10 workers Available at once, attempt {attempt}", capacity=1)
    assert not waste, f"{len(waste)} of {ATTEMPTS} attempts left tasks waiting beside free capacity:\n" + "\n".join(waste)


def test_concurrent_accepts_completions_and_new_tasks_never_lose_an_accepted_reservation(client, raw):
    floor = staffed_floor(client, raw)
    create_tasks(floor, 20, threads=1)  # one by one: 10 reserved, whatever happens to concurrent routing
    settle(floor)
    shot = picture(floor)
    assert Counter(shot.tasks.values()) == {"reserved": WORKERS * CAPACITY, "pending": 20 - WORKERS * CAPACITY}
    # One reservation per worker accepted up front, so there are assigned tasks to complete or wrap up.
    first = {}
    for task in sorted(t for t, s in shot.tasks.items() if s == "reserved"):
        reservation = shot.pending_reservation(task)
        if reservation["worker_sid"] not in first:
            first[reservation["worker_sid"]] = reservation
    accepts = []  # (reservation, HTTP status, reservation_status or error) of every accept sent
    rejects = {}  # reservation SID -> (HTTP status, reservation_status or error) of the reject raced against it
    for reservation in first.values():
        resp = floor.answer(reservation, "accepted", "worker")
        accepts.append((reservation, *answered(resp)))
        assert answered(resp) == (200, "accepted"), resp.text
    rng = random.Random(7)
    deadline = time.monotonic() + 12
    rounds = 0
    while rounds < 4 and time.monotonic() < deadline:
        rounds += 1
        shot = picture(floor)
        assert_invariants(shot, f"before round {rounds}")
        jobs = []
        for n, task in enumerate(sorted(t for t, s in shot.tasks.items() if s == "reserved")):
            reservation = shot.pending_reservation(task)
            side = "task" if n % 2 else "worker"
            jobs.append(lambda r=reservation, s=side: ("accept", r, floor.answer(r, "accepted", s)))
            if n % 3 != 2:  # contested: the same reservation rejected from the other side at once; one answer wins
                other = "worker" if side == "task" else "task"
                jobs.append(lambda r=reservation, s=other: ("reject", r, floor.answer(r, "rejected", s)))
        for n, task in enumerate(sorted(t for t, s in shot.tasks.items() if s in ("assigned", "wrapping"))):
            if shot.tasks[task] == "wrapping" or n % 3 == 0:
                jobs.append(lambda t=task: ("complete", t, floor.move_task(t, "completed")))
            elif n % 3 == 1:
                jobs.append(lambda t=task: ("wrap", t, floor.move_task(t, "wrapping")))
        jobs += [lambda: ("create", None, floor.create_task()) for _ in range(6)]
        rng.shuffle(jobs)
        for kind, subject, resp in concurrently(jobs):
            if kind == "accept":
                accepts.append((subject, *answered(resp)))
            elif kind in ("complete", "wrap", "create"):
                assert resp.status_code in (200, 201), f"{kind} {subject}: HTTP {resp.status_code} {resp.text}"
            else:
                assert resp.status_code in (200, 400), f"reject {subject['sid']}: HTTP {resp.status_code} {resp.text}"
                rejects[subject["sid"]] = answered(resp)
    settle(floor)
    shot = picture(floor)
    assert_invariants(shot, f"after {rounds} rounds of concurrent accepts, rejects, wrap-ups, completions and creations")
    won = [(r, code, status) for r, code, status in accepts if (code, status) == (200, "accepted")]
    assert len(won) > WORKERS + 2, f"only {len(won)} accepts succeeded: {Counter((c, s) for _, c, s in accepts)}"
    lost = []
    for reservation, _, _ in won:
        now = shot.reservation(reservation["task_sid"], reservation["sid"])
        task_status = shot.tasks.get(reservation["task_sid"])
        if now is None or now["reservation_status"] not in ("accepted", "wrapping", "completed") \
                or task_status not in ("assigned", "wrapping", "completed"):
            lost.append(f"reservation {reservation['sid']} (worker {reservation['worker_sid']}) answered 200 accepted, "
                        f"now {now and now['reservation_status']}; task {reservation['task_sid']} now {task_status}; "
                        f"the reject raced against it answered {rejects.get(reservation['sid'], 'n/a (none sent)')}")
    assert not lost, (f"{len(lost)} of {len(won)} accepted reservations lost "
                      f"({len(accepts)} accepts sent):\n" + "\n".join(lost))


def test_two_conflicting_answers_to_one_reservation_never_both_succeed(client, raw):
    floor = staffed_floor(client, raw)
    create_tasks(floor, WORKERS * CAPACITY, threads=1)  # one by one: all 10 reserved
    settle(floor)
    shot = picture(floor)
    pending = [shot.pending_reservation(t) for t, s in sorted(shot.tasks.items()) if s == "reserved"]
    assert len(pending) == WORKERS * CAPACITY
    jobs = []
    for reservation in pending:
        for status, side in (("accepted", "task"), ("rejected", "worker"), ("accepted", "worker"), ("rejected", "task")):
            jobs.append(lambda r=reservation, st=status, sd=side: (r, st, sd, answered(floor.answer(r, st, sd))))
    random.Random(11).shuffle(jobs)
    results = concurrently(jobs)
    settle(floor)
    after = picture(floor)
    assert_invariants(after, "after racing accepts and rejects")
    wrong = []
    for reservation in pending:
        mine = [(st, sd, code, body) for r, st, sd, (code, body) in results if r["sid"] == reservation["sid"]]
        winners = [(st, sd) for st, sd, code, body in mine if code == 200]
        final = after.reservation(reservation["task_sid"], reservation["sid"])["reservation_status"]
        if len(winners) != 1 or winners[0][0] != final:
            wrong.append(f"reservation {reservation['sid']} (task {reservation['task_sid']}, worker "
                         f"{reservation['worker_sid']}): answers {mine}; final status {final}")
    assert not wrong, f"{len(wrong)} of {len(pending)} raced reservations:\n" + "\n".join(wrong)


def channel_miscounts(floor: Floor, shot: Picture, when: str, capacity: int) -> list:
    """Workers whose sms WorkerChannel `assigned_tasks` / `available_capacity_percentage` disagree with their
    accepted and wrapping reservations."""
    wrong = []
    for worker in floor.workers:
        channel = floor.get(f"{floor.base}/Workers/{worker}/Channels/{floor.sms}").json()
        assigned = sum(1 for status in shot.held[worker].values() if status in ("accepted", "wrapping"))
        expected = (assigned, 100 * (capacity - assigned) // capacity)
        if (channel["assigned_tasks"], channel["available_capacity_percentage"]) != expected:
            wrong.append(f"{when}: worker {worker} has {assigned} accepted or wrapping reservations, but its sms channel "
                         f"says assigned_tasks {channel['assigned_tasks']}, available_capacity_percentage "
                         f"{channel['available_capacity_percentage']} (expected {expected[0]}, {expected[1]})")
    return wrong


def test_worker_channel_assigned_tasks_follows_concurrent_accepts_and_completions(client, raw):
    # Two workers of capacity 10, each offered 10 tasks; all 20 reservations accepted at once, then all completed.
    floor = staffed_floor(client, raw, workers=2, capacity=10)
    create_tasks(floor, 20, threads=1)
    shot = picture(floor)
    pending = [shot.pending_reservation(t) for t in sorted(shot.tasks)]
    assert None not in pending and shot.live_by_worker() == {w: 10 for w in floor.workers}
    answers = concurrently([lambda r=r, n=n: answered(floor.answer(r, "accepted", "worker" if n % 2 else "task"))
                            for n, r in enumerate(pending)])
    assert answers == [(200, "accepted")] * 20
    after = picture(floor)
    assert_invariants(after, "after 20 concurrent accepts", capacity=10)
    wrong = channel_miscounts(floor, after, "after 20 concurrent accepts", 10)
    # And back down: all 20 tasks completed at once.
    completions = concurrently([lambda t=t: floor.move_task(t, "completed") for t in sorted(after.tasks)])
    assert [r.status_code for r in completions] == [200] * 20, [r.text for r in completions if r.status_code != 200]
    done = picture(floor)
    assert_invariants(done, "after 20 concurrent completions", capacity=10)
    wrong += channel_miscounts(floor, done, "after 20 concurrent completions", 10)
    assert not wrong, "\n".join(wrong)


def test_activity_flips_during_task_creation_keep_invariants_and_every_task_is_served_once_capacity_frees(client, raw):
    floor = staffed_floor(client, raw)
    # Tasks with autoAnswer are accepted as they are reserved, so draining the queue only takes completions.
    jobs = [lambda: ("create", floor.create_task(autoAnswer="true")) for _ in range(24)]
    for worker in floor.workers:
        for flip in range(5):
            jobs.append(lambda w=worker, a=("Offline" if flip % 2 == 0 else "Available"): ("flip", floor.set_activity(w, a)))
    random.Random(3).shuffle(jobs)
    results = concurrently(jobs)
    bad = [(kind, r.status_code, r.text[:200]) for kind, r in results if r.status_code not in (200, 201)]
    assert not bad, f"{len(bad)} requests failed: {bad[:5]}"
    total = sum(1 for kind, _ in results if kind == "create")
    settle(floor)
    assert_invariants(picture(floor), "after 24 task creations racing 25 activity flips")

    assert all(r.status_code == 200 for r in concurrently([lambda w=w: floor.set_activity(w, "Available") for w in floor.workers]))
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    rounds = 0
    while True:
        # Every request routed before it answered, so the server is quiet now.
        shot = picture(floor)
        statuses = Counter(shot.tasks.values())
        assert_invariants(shot, f"drain round {rounds} ({dict(statuses)})")
        if statuses == {"completed": total} or time.monotonic() > deadline or rounds >= 40:
            break
        rounds += 1
        jobs = [lambda r=shot.pending_reservation(t): floor.answer(r, "accepted", "task")
                for t, s in shot.tasks.items() if s == "reserved"]
        jobs += [lambda t=t: floor.move_task(t, "completed") for t, s in shot.tasks.items() if s == "assigned"]
        assert jobs, (f"drain round {rounds}: stalled with {dict(statuses)}: no reservation to accept, no task to "
                      f"complete, while the Available workers hold {dict(shot.live_by_worker())} of capacity {CAPACITY}")
        bad = [(r.status_code, r.text[:200]) for r in concurrently(jobs) if r.status_code != 200]
        assert not bad, f"drain round {rounds}: {bad[:5]}"
    assert statuses == {"completed": total}, f"after {rounds} drain rounds: {dict(statuses)}"
    unserved = [t for t, rs in shot.reservations.items() if not any(r["reservation_status"] == "completed" for r in rs)]
    assert not unserved, f"tasks completed without a completed reservation: {unserved}"


def test_multi_reservation_races_accept_each_task_once_and_never_overfill_a_worker(client, raw):
    # A queue offering each task to 3 workers at once: every pending reservation of a task is accepted at the same
    # moment, from both sides, while rejects, completions and new tasks race them. One accept per task may win.
    max_reserved = 3
    floor = staffed_floor(client, raw)
    floor.center.tr.task_queues(floor.center.queue.sid).update(max_reserved_workers=max_reserved)
    create_tasks(floor, 8)
    settle(floor)
    shot = picture(floor)
    assert_invariants(shot, "after 8 concurrent task creations", max_reserved=max_reserved)
    assert sum(shot.live_by_worker().values()) == WORKERS * CAPACITY, \
        f"live reservations per worker {dict(shot.live_by_worker())} while tasks {dict(Counter(shot.tasks.values()))} wait"
    assert any(len([r for r in rs if r["reservation_status"] == "pending"]) > 1 for rs in shot.reservations.values())
    won = {}  # task SID -> reservations whose accept answered 200 accepted
    accepts = 0
    rng = random.Random(5)
    for rounds in range(1, 5):
        shot = picture(floor)
        assert_invariants(shot, f"before round {rounds}", max_reserved=max_reserved)
        jobs = []
        for n, task in enumerate(sorted(t for t, s in shot.tasks.items() if s == "reserved")):
            pending = [r for r in shot.reservations[task] if r["reservation_status"] == "pending"]
            for m, reservation in enumerate(pending):
                jobs.append(lambda r=reservation, s=("task" if (n + m) % 2 else "worker"): ("accept", r, floor.answer(r, "accepted", s)))
            if n % 2:
                jobs.append(lambda r=pending[-1]: ("reject", r, floor.answer(r, "rejected", "task")))
        for task in sorted(t for t, s in shot.tasks.items() if s == "assigned"):
            jobs.append(lambda t=task: ("complete", t, floor.move_task(t, "completed")))
        jobs += [lambda: ("create", None, floor.create_task()) for _ in range(4)]
        rng.shuffle(jobs)
        for kind, subject, resp in concurrently(jobs):
            if kind == "accept":
                accepts += 1
                assert resp.status_code in (200, 400), f"accept {subject['sid']}: HTTP {resp.status_code} {resp.text}"
                if answered(resp) == (200, "accepted"):
                    won.setdefault(subject["task_sid"], []).append(subject)
            elif kind == "reject":
                assert resp.status_code in (200, 400), f"reject {subject['sid']}: HTTP {resp.status_code} {resp.text}"
            else:
                assert resp.status_code in (200, 201), f"{kind} {subject}: HTTP {resp.status_code} {resp.text}"
        settle(floor)
    shot = picture(floor)
    assert_invariants(shot, "after rounds of racing accepts", max_reserved=max_reserved)
    twice = {task: [r["sid"] for r in rs] for task, rs in won.items() if len(rs) > 1}
    assert not twice, f"tasks accepted by more than one worker: {twice}"
    assert len(won) >= WORKERS, f"only {len(won)} tasks accepted from {accepts} accepts sent"
    lost = [f"reservation {r['sid']} of task {task} answered 200 accepted, now "
            f"{(shot.reservation(task, r['sid']) or {}).get('reservation_status')}; task {shot.tasks.get(task)}"
            for task, rs in won.items() for r in rs
            if (shot.reservation(task, r["sid"]) or {}).get("reservation_status") not in ("accepted", "wrapping", "completed")]
    assert not lost, "\n".join(lost)
