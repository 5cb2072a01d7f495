"""TaskRouter's routing invariants with two `serve` processes on one PostgreSQL database.

The invariants are the ones `test_taskrouter_invariants.py` checks against one process: no worker holds more live
reservations than its channel's capacity, no task more pending reservations than its queue's MaxReservedWorkers, a
reservation answered 200 `accepted` is never lost, and a task waits only while every worker is full. Here every
thread's keep-alive session talks to one of two processes sharing the database, so each routing pass, reservation
answer and completion races the other process's: whatever either process holds in memory must not let it decide
on a stale picture of what the other committed. Flex interaction creates (seed 002's POST /v1/Interactions) and
plain task creates both bring tasks in.

SQLite is one process's file, so the module needs PostgreSQL.
"""

import json
import random
import signal
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
import requests

from conftest import POSTGRES_URL, Server, backend_env
from factories import fake_sid, random_auth_token
from flex_contact_center import customer_number
from raw_http import TIMEOUT_S
from server_process import ServerProcess, clean_env
from test_taskrouter_invariants import (CAPACITY, DRAIN_TIMEOUT_S, WORKERS, Floor, answered, assert_invariants,
                                        concurrently, idle_capacity, picture, settle, staffed_floor)

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs SWITCHBOARD_TEST_POSTGRES_URL: two `serve` processes "
                                                         "share one database only on PostgreSQL (SQLite is single-process)")

INTERACTIONS = "/flex-api/v1/Interactions"
CONTACT_CENTER = "+19255550100"
ATTEMPTS = 3  # fresh workspaces per test: one burst shows a race only some of the time


@pytest.fixture(scope="module")
def pair(switchboard_bin, tmp_path_factory):
    """Two servers on the shared PostgreSQL database with one bootstrap account and the shared secret key."""
    workdir = tmp_path_factory.mktemp("two-processes")
    sid, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token, **backend_env("postgres")})
    servers = []
    try:
        for name in ("first", "second"):
            process = ServerProcess(switchboard_bin, workdir, POSTGRES_URL, env, name=name)
            servers.append(Server(process.start().base_url, sid, token, "postgres", process))
        yield servers
    finally:
        codes = [(server.process.name, server.process.stop(signal.SIGTERM)) for server in servers]
        assert all(code == 0 for _, code in codes), f"exit codes after SIGTERM {codes}\n" + \
            "\n".join(server.process.log_tail() for server in servers)


class TwoDoorFloor(Floor):
    """A Floor whose threads each talk to one of several processes, taking turns as threads first ask; a paging
    URL names the process that answered, so it is rebased on the thread's own."""

    def __init__(self, floor: Floor, servers: list):
        super().__init__(floor.raw, floor.center, floor.workers, floor.sms)
        self.bases = [server.base_url for server in servers]
        self.turn = 0
        self.lock = threading.Lock()

    def door(self) -> str:
        """This thread's process."""
        if not hasattr(self.local, "base"):
            with self.lock:
                self.local.base = self.bases[self.turn % len(self.bases)]
                self.turn += 1
        return self.local.base

    def url(self, path: str) -> str:
        """`path` (or a URL the server gave) on this thread's process."""
        if path.startswith("http"):
            parts = urlsplit(path)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.door() + path

    def get(self, path: str, **params) -> requests.Response:
        """GET on this thread's process."""
        return self.session().get(self.url(path), params=params or None, timeout=TIMEOUT_S)

    def post(self, path: str, form: dict) -> requests.Response:
        """POST a form on this thread's process."""
        return self.session().post(self.url(path), data=form, timeout=TIMEOUT_S)

    def create_interaction(self) -> requests.Response:
        """Seed 002's outbound SMS interaction, for a fresh customer, routed through the floor's workflow."""
        channel = {"type": "sms", "initiated_by": "agent", "properties": {"type": "sms"},
                   "participants": [{"address": customer_number(), "proxy_address": CONTACT_CENTER, "type": "sms"}]}
        routing = {"properties": {"workspace_sid": self.center.workspace.sid, "workflow_sid": self.center.workflow.sid,
                                  "attributes": {"customerName": "two processes"}}}
        return self.post(INTERACTIONS, {"Channel": json.dumps(channel), "Routing": json.dumps(routing)})


def two_door_floor(pair, workers: int = WORKERS, capacity: int = CAPACITY) -> TwoDoorFloor:
    """A fresh staffed workspace (set up through the first process) reached through both."""
    first = pair[0]
    client = first.client(first.account_sid, first.auth_token)
    return TwoDoorFloor(staffed_floor(client, first.raw(), workers=workers, capacity=capacity), pair)


def created_tasks(results: list) -> list:
    """The task SIDs of ("interaction" | "task", response) results, each of which must have answered 201."""
    bad = [(kind, r.status_code, r.text[:200]) for kind, r in results if r.status_code != 201]
    assert not bad, f"{len(bad)} of {len(results)} creations failed: {bad[:5]}"
    return [r.json()["routing"]["properties"]["sid"] if kind == "interaction" else r.json()["sid"] for kind, r in results]


def creations(floor: TwoDoorFloor, interactions: int, tasks: int) -> list:
    """Jobs creating interactions and plain tasks, shuffled."""
    jobs = [lambda: ("interaction", floor.create_interaction()) for _ in range(interactions)]
    jobs += [lambda: ("task", floor.create_task()) for _ in range(tasks)]
    random.shuffle(jobs)
    return jobs


def test_bursts_of_interactions_and_tasks_through_two_processes_fill_every_free_place_and_never_overfill(pair):
    # 14 tasks for 10 places, half of them Flex interactions, created at once through both processes: once routing
    # settles, no worker is over capacity, no task offered twice, and a task waits only while every place is taken.
    waste = []
    for attempt in range(ATTEMPTS):
        floor = two_door_floor(pair)
        created = created_tasks(concurrently(creations(floor, 7, 7)))
        waste += idle_capacity(floor, f"burst {attempt}")
        tasks = floor.tasks()
        assert set(created) == set(tasks), f"burst {attempt}: answered {sorted(created)}, listed {sorted(tasks)}"
    assert not waste, f"{len(waste)} of {ATTEMPTS} bursts left tasks waiting beside free capacity:\n" + "\n".join(waste)


def test_a_worker_made_offline_through_one_process_is_offered_nothing_by_the_other_until_available_again(pair):
    # Each process routes after its own writes, by what it knows of the workers: what the second commits about them
    # must hold for the first at once, whatever either keeps in memory.
    for attempt in range(ATTEMPTS):
        floor = two_door_floor(pair)
        first, second = TwoDoorFloor(floor, pair[:1]), TwoDoorFloor(floor, pair[1:])
        created_tasks(concurrently(creations(first, 2, 2)))  # the first process has routed this workspace
        settle(first)
        offline = concurrently([lambda w=w: second.set_activity(w, "Offline") for w in floor.workers])
        assert all(r.status_code == 200 for r in offline), [r.text for r in offline if r.status_code != 200]
        later = created_tasks(concurrently(creations(first, 3, 3)))
        settle(first)
        shot = picture(first)
        assert_invariants(shot, f"attempt {attempt}: after creations while every worker is Offline")
        offered = {t: [(r["sid"], r["worker_sid"]) for r in shot.reservations[t]] for t in later if shot.reservations[t]}
        assert not offered, (f"attempt {attempt}: tasks created through the first process after every worker went Offline "
                             f"through the second were offered: {offered}")
        available = concurrently([lambda w=w: second.set_activity(w, "Available") for w in floor.workers])
        assert all(r.status_code == 200 for r in available), [r.text for r in available if r.status_code != 200]
        waste = idle_capacity(first, f"attempt {attempt}: every worker Available again through the second process")
        assert not waste, "\n".join(waste)


def racing_round(floor: TwoDoorFloor, rng: random.Random, flips: bool) -> list:
    """One round of concurrent requests over both processes, from the picture now: each reserved task's pending
    reservation accepted from one side and, for two in three, rejected from the other; assigned tasks wrapped or
    completed, wrapping ones completed; new interactions and tasks; with `flips`, two workers flipped Offline and
    back. The (kind, subject, response) of each."""
    shot = picture(floor)
    jobs = []
    for n, task in enumerate(sorted(t for t, s in shot.tasks.items() if s == "reserved")):
        reservation = shot.pending_reservation(task)
        side = "task" if n % 2 else "worker"
        jobs.append(lambda r=reservation, s=side: ("accept", r, floor.answer(r, "accepted", s)))
        if n % 3 != 2:
            other = "worker" if side == "task" else "task"
            jobs.append(lambda r=reservation, s=other: ("reject", r, floor.answer(r, "rejected", s)))
    for n, task in enumerate(sorted(t for t, s in shot.tasks.items() if s in ("assigned", "wrapping"))):
        if shot.tasks[task] == "wrapping" or n % 2 == 0:
            jobs.append(lambda t=task: ("complete", t, floor.move_task(t, "completed")))
        else:
            jobs.append(lambda t=task: ("wrap", t, floor.move_task(t, "wrapping")))
    jobs += [lambda: ("create", None, floor.create_interaction()) for _ in range(2)]
    jobs += [lambda: ("create", None, floor.create_task()) for _ in range(2)]
    if flips:
        for worker in rng.sample(floor.workers, 2):
            jobs.append(lambda w=worker: ("flip", w, floor.set_activity(w, "Offline")))
            jobs.append(lambda w=worker: ("flip", w, floor.set_activity(w, "Available")))
    rng.shuffle(jobs)
    return concurrently(jobs)


def check_answers(results: list, when: str) -> list:
    """The reservations whose accept answered 200 `accepted`; fails on any answer no race explains."""
    won, bad = [], []
    for kind, subject, resp in results:
        if kind == "accept" and answered(resp) == (200, "accepted"):
            won.append(subject)
        elif kind in ("accept", "reject"):
            if resp.status_code not in (200, 400):
                bad.append(f"{kind} {subject['sid']}: HTTP {resp.status_code} {resp.text[:200]}")
        elif resp.status_code not in (200, 201):
            bad.append(f"{kind} {subject}: HTTP {resp.status_code} {resp.text[:200]}")
    assert not bad, f"{when}: {len(bad)} requests failed:\n" + "\n".join(bad[:10])
    return won


def lost_acceptances(floor: TwoDoorFloor, won: list) -> list:
    """Reservations answered 200 `accepted` that are no longer accepted, wrapping or completed."""
    shot = picture(floor)
    lost = []
    for reservation in won:
        now = shot.reservation(reservation["task_sid"], reservation["sid"])
        task_status = shot.tasks.get(reservation["task_sid"])
        if now is None or now["reservation_status"] not in ("accepted", "wrapping", "completed") \
                or task_status not in ("assigned", "wrapping", "completed"):
            lost.append(f"reservation {reservation['sid']} (worker {reservation['worker_sid']}) answered 200 accepted, "
                        f"now {now and now['reservation_status']}; task {reservation['task_sid']} now {task_status}")
    return lost


def drain(floor: TwoDoorFloor, when: str) -> None:
    """With every worker Available, accept every pending reservation and complete every assigned or wrapping task,
    round after round through both processes, until every task is completed by a worker; the invariants hold at
    each round, and a round with nothing to do while tasks wait fails."""
    flips = concurrently([lambda w=w: floor.set_activity(w, "Available") for w in floor.workers])
    assert all(r.status_code == 200 for r in flips), [r.text for r in flips if r.status_code != 200]
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    rounds = 0
    while True:
        settle(floor)
        shot = picture(floor)
        statuses = Counter(shot.tasks.values())
        assert_invariants(shot, f"{when}, drain round {rounds} ({dict(statuses)})")
        if set(statuses) == {"completed"} or time.monotonic() > deadline or rounds >= 40:
            break
        rounds += 1
        jobs = [lambda r=shot.pending_reservation(t): floor.answer(r, "accepted", "task")
                for t, s in shot.tasks.items() if s == "reserved"]
        jobs += [lambda t=t: floor.move_task(t, "completed") for t, s in shot.tasks.items() if s in ("assigned", "wrapping")]
        assert jobs, (f"{when}, drain round {rounds}: stalled with {dict(statuses)}: nothing to accept or complete, "
                      f"while the Available workers hold {dict(shot.live_by_worker())} of capacity {CAPACITY}")
        bad = [(r.status_code, r.text[:200]) for r in concurrently(jobs) if r.status_code != 200]
        assert not bad, f"{when}, drain round {rounds}: {bad[:5]}"
    assert set(statuses) == {"completed"}, f"{when}: after {rounds} drain rounds: {dict(statuses)}"
    unserved = [t for t, rs in shot.reservations.items() if not any(r["reservation_status"] == "completed" for r in rs)]
    assert not unserved, f"{when}: tasks completed without a completed reservation: {unserved}"


def test_answers_completions_flips_and_creates_racing_on_two_processes_keep_every_invariant_and_serve_every_task(pair):
    for attempt in range(2):
        when = f"workspace {attempt}"
        floor = two_door_floor(pair)
        created_tasks(concurrently(creations(floor, 8, 8)))
        settle(floor)
        assert_invariants(picture(floor), f"{when}: after 16 creations")
        rng = random.Random(attempt)
        won = []
        for rounds in range(1, 4):
            won += check_answers(racing_round(floor, rng, flips=rounds % 2 == 1), f"{when}, round {rounds}")
            settle(floor)
            shot = picture(floor)
            assert_invariants(shot, f"{when}: after round {rounds} ({dict(Counter(shot.tasks.values()))})")
        assert len(won) > WORKERS, f"{when}: only {len(won)} accepts succeeded"
        accepted_tasks = Counter(r["task_sid"] for r in won)
        assert all(n == 1 for n in accepted_tasks.values()), \
            f"{when}: tasks accepted more than once: {[t for t, n in accepted_tasks.items() if n > 1]}"
        lost = lost_acceptances(floor, won)
        assert not lost, f"{when}: {len(lost)} of {len(won)} accepted reservations lost:\n" + "\n".join(lost)
        drain(floor, when)
