"""A 2xx means the unit of work is committed, whole, even when the server dies in the middle of a flood of writers.

Many threads write at once (Flex Flows, Flex interactions, Conversations messages, TaskRouter tasks, reservation
accepts, task completions, and interactions refused with 50416 after their conversation was written) until the server
is killed with SIGKILL at a random moment, three times over; then a server on the same database must show every
request answered 2xx with the content it was answered with, and no unit of work of any other request split across
commits: no conversation without its interaction and task, no task without its `task.created` event (or the reverse),
no message without its delivery nor with a reused index, no task whose status disagrees with its reservations nor a
worker channel whose count disagrees with them, nothing listed that no request asked for. A writer that shares one transaction among many requests (SQLite's group commit)
must not answer any of them before that transaction commits, and must roll back a failing one alone.
"""

import json
import random
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

import pytest
import requests
from twilio.rest import Client

from conftest import BACKENDS, POSTGRES_URL, PUBLIC_URL, backend_env
from factories import fake_sid, random_auth_token
from flex_contact_center import ContactCenter, customer_number
from polling import eventually
from raw_http import FLEX_FLOWS, RawApi, every_item
from sandbox import handset
from server_process import ServerProcess, clean_env
from switchboard_client import SwitchboardHttpClient
from test_taskrouter_invariants import Floor, channel_miscounts, picture

WRITERS = 32
WORKERS = 4  # agents of the contact center, each taking CAPACITY sms tasks at once
CAPACITY = 3
KILLS = 3  # floods, each cut by SIGKILL and followed by a restart on the same database
CONVERSATIONS_BEFORE = 8  # open before the flood, so messages race on a few conversation locks
ANSWERED_BEFORE_KILL = 60  # the flood is in full swing once this many writes answered 2xx
KILL_DELAY_S = (0.05, 1.0)  # then the kill comes after a random delay in this range
CONTACT_CENTER = "+19255550111"
INTERACTIONS = "/flex-api/v1/Interactions"
CONVERSATIONS = "/conversations/v1/Conversations"
WORKSPACES = "/taskrouter/v1/Workspaces"
# Each writer cycles through these; a duplicate reaches an open conversation's customer again, which is refused
# with 50416 only after the new conversation was written in the same unit of work.
# An accept or a completion first reads a worker's reservations, and is skipped when there is none to answer.
CYCLE = ("flow", "message", "task", "interaction", "accept", "message", "flow", "task", "duplicate", "complete")


@dataclass
class Attempt:
    """One write sent during the flood, and how (if at all) it was answered."""

    kind: str
    token: str
    form: dict
    conversation: Optional[str] = None  # a message's conversation, or a duplicate interaction's customer
    reservation: Optional[dict] = None  # the reservation an accept or a completion answers
    status: Optional[int] = None  # None: no answer (the connection died with the server)
    body: Optional[dict] = None

    @property
    def committed(self) -> bool:
        """Answered 2xx."""
        return self.status is not None and 200 <= self.status < 300


@dataclass
class Flood:
    """Everything the writers sent, shared between them."""

    center: ContactCenter
    workers: list  # the agents' SIDs
    sms: str  # the sms TaskChannel's SID
    customers: dict  # conversation SID -> its customer's address
    attempts: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answered(self) -> int:
        """How many writes answered 2xx so far."""
        with self.lock:
            return sum(1 for attempt in self.attempts if attempt.committed)


def interaction_form(center: ContactCenter, customer: str, token: str) -> dict:
    """Seed 002's outbound SMS interaction to `customer`, its task carrying `token`."""
    channel = {"type": "sms", "initiated_by": "agent", "properties": {"type": "sms"},
               "participants": [{"address": customer, "proxy_address": CONTACT_CENTER, "type": "sms"}]}
    routing = {"properties": {"workspace_sid": center.workspace.sid, "workflow_sid": center.workflow.sid,
                              "attributes": {"token": token}}}
    return {"Channel": json.dumps(channel), "Routing": json.dumps(routing)}


def next_attempt(flood: Flood, kill: int, writer: int, n: int, rng: random.Random, session: requests.Session, base_url: str):
    """(path, attempt) of the writer's n-th write in the flood before kill number `kill`; None for an accept or a
    completion that finds nothing to answer."""
    kind = CYCLE[(writer + n) % len(CYCLE)]
    token = f"k{kill}-w{writer}-{n}"
    center = flood.center
    if kind in ("accept", "complete"):
        return reservation_answer(flood, kind, token, rng, session, base_url)
    if kind == "flow":
        form = {"FriendlyName": f"flow {token}", "ChatServiceSid": fake_sid("IS"), "ChannelType": "sms",
                "IntegrationType": "task", "Integration.WorkspaceSid": center.workspace.sid,
                "Integration.WorkflowSid": center.workflow.sid, "Integration.Channel": "sms"}
        return FLEX_FLOWS, Attempt(kind, token, form)
    if kind == "message":
        with flood.lock:
            conversation = rng.choice(sorted(flood.customers))
        return f"{CONVERSATIONS}/{conversation}/Messages", Attempt(kind, token, {"Author": "agent", "Body": f"message {token}"}, conversation)
    if kind == "task":
        form = {"WorkflowSid": center.workflow.sid, "TaskChannel": "sms", "Attributes": json.dumps({"token": token})}
        return f"{WORKSPACES}/{center.workspace.sid}/Tasks", Attempt(kind, token, form)
    if kind == "interaction":
        return INTERACTIONS, Attempt(kind, token, interaction_form(center, customer_number(), token))
    with flood.lock:
        taken = rng.choice(sorted(flood.customers.values()))
    return INTERACTIONS, Attempt(kind, token, interaction_form(center, taken, token), taken)


def reservation_answer(flood: Flood, kind: str, token: str, rng: random.Random, session: requests.Session, base_url: str):
    """(path, attempt) accepting one of a random agent's pending reservations, or completing the task of one of its
    accepted ones; None when it has none."""
    base = f"{WORKSPACES}/{flood.center.workspace.sid}"
    worker = rng.choice(flood.workers)
    resp = session.get(f"{base_url}{base}/Workers/{worker}/Reservations", timeout=30,
                       params={"ReservationStatus": "pending" if kind == "accept" else "accepted"})
    held = resp.json()["reservations"] if resp.status_code == 200 else []
    if not held:
        return None
    reservation = rng.choice(held)
    if kind == "accept":
        return (f"{base}/Workers/{worker}/Reservations/{reservation['sid']}",
                Attempt(kind, token, {"ReservationStatus": "accepted"}, reservation=reservation))
    return (f"{base}/Tasks/{reservation['task_sid']}",
            Attempt(kind, token, {"AssignmentStatus": "completed", "Reason": token}, reservation=reservation))


def write_until_gone(flood: Flood, base_url: str, auth: tuple, kill: int, writer: int, stop: threading.Event) -> None:
    """Send writes on one keep-alive connection until told to stop or the server is gone."""
    session = requests.Session()
    session.auth = auth
    rng = random.Random(writer)
    n = 0
    while not stop.is_set():
        n += 1
        try:
            planned = next_attempt(flood, kill, writer, n, rng, session, base_url)
            if planned is None:
                continue
            path, attempt = planned
            with flood.lock:
                flood.attempts.append(attempt)
            resp = session.post(base_url + path, data=attempt.form, timeout=30)
        except requests.RequestException:
            return
        attempt.status = resp.status_code
        if resp.headers.get("Content-Type", "").startswith("application/json"):
            attempt.body = resp.json()
        if attempt.kind == "interaction" and attempt.committed:
            conversation = json.loads(attempt.body["routing"]["properties"]["attributes"])["conversationSid"]
            with flood.lock:
                flood.customers[conversation] = json.loads(attempt.form["Channel"])["participants"][0]["address"]


class PublicRawApi(RawApi):
    """Raw HTTP access to a server started with the public URL, which the URLs it gives (paging) carry."""

    def url(self, path: str) -> str:
        """Absolute URL for a path, or for a URL naming the public URL."""
        if path.startswith(PUBLIC_URL):
            parts = urlsplit(path)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        return super().url(path)

    def every(self, path: str, key: str, **params) -> list:
        """Every item of a list resource, following next_page_url."""
        return every_item(self.get, path, key, **params)

    def fetch(self, path: str) -> Optional[dict]:
        """A resource's JSON, or None when it answers 404."""
        resp = self.get(path)
        if resp.status_code == 404:
            return None
        assert resp.status_code == 200, f"GET {path}: HTTP {resp.status_code} {resp.text}"
        return resp.json()


def start(switchboard_bin, tmp_path, database: str, env: dict, name: str) -> ServerProcess:
    """A server with the public URL set, so answers before and after the restart name the same URLs."""
    return ServerProcess(switchboard_bin, tmp_path, database, env, name=name, extra_args=["--public-url", PUBLIC_URL]).start()


def open_conversations(raw: RawApi, center: ContactCenter) -> dict:
    """Conversation SID -> customer, for interactions opened before the flood."""
    customers = {}
    for n in range(CONVERSATIONS_BEFORE):
        customer = customer_number()
        resp = raw.post(INTERACTIONS, interaction_form(center, customer, f"before-{n}"))
        assert resp.status_code == 201, resp.text
        customers[json.loads(resp.json()["routing"]["properties"]["attributes"])["conversationSid"]] = customer
    return customers


def staff(center: ContactCenter) -> tuple:
    """The contact center's agent and WORKERS - 1 more, all Available with sms capacity CAPACITY: their SIDs, and
    the sms TaskChannel's."""
    sms = center.tr.task_channels("sms").fetch().sid
    workers = [center.agent.sid] + [center.worker(f"agent{n}").sid for n in range(1, WORKERS)]
    for worker in workers:
        assert center.tr.workers(worker).worker_channels(sms).update(capacity=CAPACITY).configured_capacity == CAPACITY
    return workers, sms


def flood_then_kill(server: ServerProcess, flood: Flood, auth: tuple, rng: random.Random, kill: int) -> float:
    """Start the writers, SIGKILL the server once enough writes answered plus a random delay, stop the writers;
    the delay."""
    stop = threading.Event()
    threads = [threading.Thread(target=write_until_gone, args=(flood, server.base_url, auth, kill, w, stop), daemon=True)
               for w in range(WRITERS)]
    before = flood.answered()
    for thread in threads:
        thread.start()
    delay = rng.uniform(*KILL_DELAY_S)
    try:
        assert eventually(lambda: flood.answered() - before >= ANSWERED_BEFORE_KILL, timeout=60, interval=0.01), \
            f"only {flood.answered() - before} writes answered 2xx in 60 s:\n{server.log_tail()}"
        time.sleep(delay)
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait(timeout=10)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=40)
        server.kill()
    return delay


def same(answered: dict, now: Optional[dict], keys) -> Optional[str]:
    """How `now` differs from what was answered on `keys`, or None."""
    if now is None:
        return "missing"
    diff = {k: (answered.get(k), now.get(k)) for k in keys if answered.get(k) != now.get(k)}
    return f"differs {diff}" if diff else None


def flow_problems(reader: PublicRawApi, attempts: list) -> list:
    """Every Flex Flow answered 2xx is there as answered; every one listed is one a writer sent, as sent."""
    problems = []
    sent = {a.form["FriendlyName"]: a for a in attempts if a.kind == "flow"}
    for attempt in sent.values():
        if attempt.committed:
            now = reader.fetch(f"{FLEX_FLOWS}/{attempt.body['sid']}")
            if now != attempt.body:
                problems.append(f"flow {attempt.token} answered {attempt.status} {attempt.body}, after restart {now}")
    for flow in reader.every(FLEX_FLOWS, "flex_flows"):
        attempt = sent.get(flow["friendly_name"])
        expected = attempt and (attempt.form["ChatServiceSid"], attempt.form["Integration.WorkflowSid"], "sms")
        if attempt is None or (flow["chat_service_sid"], flow["integration"].get("workflow_sid"), flow["channel_type"]) != expected:
            problems.append(f"flow listed that no writer sent as such: {flow}")
    return problems


def task_problems(reader: PublicRawApi, attempts: list, tasks: dict, center: ContactCenter) -> list:
    """Every task answered 2xx is there as answered; tasks and their `task.created` events match one to one;
    every task listed is one a writer (or the setup) asked for."""
    problems = []
    base = f"{WORKSPACES}/{center.workspace.sid}"
    created = Counter(e["resource_sid"] for e in reader.every(f"{base}/Events", "events", EventType="task.created"))
    if set(created) != set(tasks) or any(n != 1 for n in created.values()):
        problems.append(f"tasks without their task.created event {sorted(set(tasks) - set(created))}; events without "
                        f"their task {sorted(set(created) - set(tasks))}; events twice {[s for s, n in created.items() if n > 1]}")
    tokens = {a.token for a in attempts if a.kind in ("task", "interaction")}
    for sid, task in tasks.items():
        token = json.loads(task["attributes"]).get("token", "")
        if token not in tokens and not token.startswith("before-"):
            problems.append(f"task {sid} listed that no writer sent: {task['attributes']}")
    for attempt in attempts:
        if attempt.kind == "task" and attempt.committed:
            why = same(attempt.body, tasks.get(attempt.body["sid"]),
                       ("attributes", "workflow_sid", "task_channel_unique_name", "priority", "timeout", "date_created"))
            if why:
                problems.append(f"task {attempt.token} ({attempt.body['sid']}) answered {attempt.status}, after restart {why}")
    return problems


def interaction_problems(reader: PublicRawApi, attempts: list, tasks: dict, conversations: dict) -> list:
    """Every interaction answered 2xx is there as answered; every conversation has its customer, its task and its
    interaction (whose channel has the customer), and every interaction's task has its conversation."""
    problems = []
    by_conversation = {}
    for sid, task in tasks.items():
        attributes = json.loads(task["attributes"])
        if "conversationSid" in attributes:
            by_conversation.setdefault(attributes["conversationSid"], []).append(sid)
    for attempt in attempts:
        if attempt.kind in ("interaction", "duplicate") and attempt.committed:
            if attempt.kind == "duplicate":
                problems.append(f"interaction {attempt.token} to a customer with an open conversation answered {attempt.status}")
                continue
            now = reader.fetch(f"{INTERACTIONS}/{attempt.body['sid']}")
            why = same(attempt.body, now, ("sid", "channel", "interaction_context_sid", "webhook_ttid", "url", "links"))
            if why is None and now["routing"]["properties"]["sid"] != attempt.body["routing"]["properties"]["sid"]:
                why = f"task {attempt.body['routing']['properties']['sid']} answered, {now['routing']['properties']['sid']} now"
            if why:
                problems.append(f"interaction {attempt.token} ({attempt.body['sid']}) answered {attempt.status}, after restart {why}")
    for conversation in conversations:
        participants = reader.every(f"{CONVERSATIONS}/{conversation}/Participants", "participants")
        linked = by_conversation.get(conversation, [])
        if len(participants) != 1 or len(linked) != 1:
            problems.append(f"conversation {conversation} has participants {[p['sid'] for p in participants]} and tasks {linked}")
            continue
        attributes = json.loads(tasks[linked[0]]["attributes"])
        interaction = reader.fetch(f"{INTERACTIONS}/{attributes['flexInteractionSid']}")
        channel = f"{INTERACTIONS}/{attributes['flexInteractionSid']}/Channels/{attributes['flexInteractionChannelSid']}"
        customers = reader.every(f"{channel}/Participants", "participants") if interaction else []
        if interaction is None or interaction["routing"]["properties"]["sid"] != linked[0] \
                or [p["type"] for p in customers] != ["customer"]:
            problems.append(f"conversation {conversation}'s task {linked[0]} names interaction {attributes['flexInteractionSid']}: "
                            f"{interaction and interaction['routing']['properties']['sid']}, channel participants {customers}")
    orphans = sorted(set(by_conversation) - set(conversations))
    if orphans:
        problems.append(f"tasks whose conversation is missing: {[(c, by_conversation[c]) for c in orphans]}")
    return problems


def message_problems(reader: PublicRawApi, attempts: list, conversations: dict) -> tuple:
    """Every message answered 2xx is there as answered; each conversation's indices run 0..n-1 and every message
    listed is one a writer sent to it. Also (customer -> the bodies its handset must get) for each conversation."""
    problems, expected = [], {}
    sent = {(a.conversation, a.form["Body"]): a for a in attempts if a.kind == "message"}
    for conversation, customer in conversations.items():
        messages = reader.every(f"{CONVERSATIONS}/{conversation}/Messages", "messages")
        if sorted(m["index"] for m in messages) != list(range(len(messages))):
            problems.append(f"conversation {conversation}'s message indices are {sorted(m['index'] for m in messages)}")
        strangers = [m["body"] for m in messages if (conversation, m["body"]) not in sent]
        if strangers:
            problems.append(f"conversation {conversation} lists messages no writer sent to it: {strangers[:5]}")
        listed = {m["sid"]: m for m in messages}
        for (target, _), attempt in sent.items():
            if target == conversation and attempt.committed:
                why = same(attempt.body, listed.get(attempt.body["sid"]),
                           ("sid", "index", "author", "body", "attributes", "participant_sid", "date_created"))
                if why:
                    problems.append(f"message {attempt.token} ({attempt.body['sid']}) answered {attempt.status}, after restart {why}")
        expected[customer] = Counter(m["body"] for m in messages)
    return problems, expected


def routing_problems(reader: PublicRawApi, flood: Flood, attempts: list, tasks: dict) -> list:
    """Every accept answered 200 `accepted` and every completion answered 200 holds (with its reason); each task's
    status agrees with its reservations, and each agent's sms channel count with its accepted ones."""
    floor = Floor(reader, flood.center, flood.workers, flood.sms)
    shot = picture(floor)
    problems = shot.violations(CAPACITY) + channel_miscounts(floor, shot, "after restart", CAPACITY)
    for attempt in attempts:
        if not attempt.committed or attempt.kind not in ("accept", "complete"):
            continue
        task, sid = attempt.reservation["task_sid"], attempt.reservation["sid"]
        now = (shot.reservation(task, sid) or {}).get("reservation_status")
        if attempt.kind == "accept" and attempt.body.get("reservation_status") == "accepted" \
                and (now not in ("accepted", "wrapping", "completed") or shot.tasks.get(task) not in ("assigned", "wrapping", "completed")):
            problems.append(f"accept {attempt.token} of reservation {sid} answered 200 accepted; after restart it is {now}, "
                            f"its task {task} {shot.tasks.get(task)}")
        reason = tasks.get(task, {}).get("reason")
        if attempt.kind == "complete" and (shot.tasks.get(task), now, reason) != ("completed", "completed", attempt.form["Reason"]):
            problems.append(f"completion {attempt.token} of task {task} answered {attempt.status} {attempt.body.get('reason')}; "
                            f"after restart the task is {shot.tasks.get(task)} ({reason}), its reservation {sid} {now}")
    return problems


def delivery_problems(reader: PublicRawApi, expected: dict) -> list:
    """Each customer's handset gets exactly the messages of its conversation, once each, after the restart."""
    def delivered():
        return {customer: Counter(m["body"] for m in handset(reader, customer)) for customer in expected}

    got = eventually(lambda: (lambda now: now if now == expected else None)(delivered()), timeout=40, interval=0.5) or delivered()
    return [f"handset {customer} got {dict(got[customer])}, its conversation lists {dict(bodies)}"
            for customer, bodies in expected.items() if got[customer] != bodies]


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_write_answered_2xx_before_kill_9_is_whole_after_restart_and_no_other_is_half_written(switchboard_bin, tmp_path, backend):
    sid, token = fake_sid("AC"), random_auth_token()
    # A short lease, so that on PostgreSQL deliveries the killed process had claimed come due soon after restart.
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token,
                     "SWITCHBOARD_OUTBOX_LEASE_SECONDS": "2", **backend_env(backend)})
    database = str(tmp_path / "sb.sqlite") if backend == "sqlite" else POSTGRES_URL
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    first = start(switchboard_bin, tmp_path, database, env, "before-kill")
    try:
        center = ContactCenter(Client(sid, token, http_client=SwitchboardHttpClient(first.base_url, timeout=30)))
        flood = Flood(center, *staff(center), open_conversations(RawApi(first.base_url, (sid, token)), center))
    except BaseException:
        first.kill()
        raise
    delays = [flood_then_kill(first, flood, (sid, token), rng, 0)]
    for kill in range(1, KILLS):
        server = start(switchboard_bin, tmp_path, database, env, f"after-kill-{kill}")
        delays.append(flood_then_kill(server, flood, (sid, token), rng, kill))
    attempts = list(flood.attempts)
    outcome = Counter("2xx" if a.committed else "no answer" if a.status is None else str(a.status) for a in attempts)
    when = (f"seed {seed}, killed {', '.join(f'{d:.2f}' for d in delays)} s after {ANSWERED_BEFORE_KILL} answers each, "
            f"{len(attempts)} writes {dict(outcome)}")

    second = start(switchboard_bin, tmp_path, database, env, "after-last-kill")
    try:
        reader = PublicRawApi(second.base_url, (sid, token))
        tasks = {t["sid"]: t for t in reader.every(f"{WORKSPACES}/{center.workspace.sid}/Tasks", "tasks")}
        customers = {}
        for conversation in (c["sid"] for c in reader.every(CONVERSATIONS, "conversations")):
            participants = reader.every(f"{CONVERSATIONS}/{conversation}/Participants", "participants")
            customers[conversation] = participants[0]["messaging_binding"]["address"] if participants else None
        problems = flow_problems(reader, attempts)
        problems += task_problems(reader, attempts, tasks, center)
        problems += routing_problems(reader, flood, attempts, tasks)
        problems += interaction_problems(reader, attempts, tasks, customers)
        found, expected = message_problems(reader, attempts, {c: a for c, a in customers.items() if a})
        problems += found
        problems += delivery_problems(reader, expected)
    finally:
        code = second.stop(signal.SIGTERM)
    assert not problems, f"{when}: {len(problems)} problem(s):\n" + "\n".join(problems[:30])
    assert code == 0, f"exit {code} after SIGTERM\n{second.log_tail()}"
    assert outcome["no answer"] >= KILLS, f"{when}: the kills cut no write short"
