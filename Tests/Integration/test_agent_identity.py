"""The agent desktop's sign-in: Twilio Access Tokens minted with the `twilio` library from a key made through the
API, the worker, workspace and account they confine the bearer to, their 401s, and `switchboard agent-token`."""

import base64
import json
import os
import stat
import subprocess
import time

import requests

from agent_tokens import BearerApi, create_api_key, mint_token
from assertions import assert_error
from raw_http import RawApi, accounts_path, keys_path
from server_process import ServerProcess, clean_env
from test_taskrouter_routing import Center

AGENT = "/switchboard/v1/Agent"


class Desk:
    """A workspace with two workers, Ana and Ben, and an Access Token for Ana signed by a new API key."""

    def __init__(self, server, client, ana_available=True, ben_available=False):
        """Create the workspace, the workers, the key and Ana's token."""
        self.server = server
        self.center = Center(client)
        self.workspace_sid = self.center.workspace.sid
        self.ana = self.center.worker("ana", available=ana_available)
        self.ben = self.center.worker("ben", available=ben_available)
        self.key_sid, self.secret = create_api_key(server.raw(), server.account_sid)
        self.agent = BearerApi(server.base_url, self.token())

    def token(self, worker_sid=None, **overrides) -> str:
        """A token for Ana (or `worker_sid`) in this workspace, with `overrides` for mint_token."""
        args = dict(account_sid=self.server.account_sid, key_sid=self.key_sid, secret=self.secret,
                    workspace_sid=self.workspace_sid, worker_sid=worker_sid or self.ana.sid, identity="ana@example.com")
        args.update(overrides)
        return mint_token(**args)

    def path(self, tail: str = "") -> str:
        """A TaskRouter path in this workspace."""
        return f"/taskrouter/v1/Workspaces/{self.workspace_sid}{tail}"


def test_the_agent_reads_its_worker_and_accepts_its_own_reservation(server, client):
    desk = Desk(server, client)
    me = desk.agent.get(AGENT)
    assert me.status_code == 200, me.text
    body = me.json()
    assert (body["identity"], body["account_sid"], body["workspace_sid"], body["worker_sid"]) == (
        "ana@example.com", server.account_sid, desk.workspace_sid, desk.ana.sid)
    assert body["expires_at"].endswith("Z")
    assert body["worker"] == server.raw().get(desk.path(f"/Workers/{desk.ana.sid}")).json()

    assert desk.agent.get(desk.path(f"/Workers/{desk.ana.sid}")).json() == body["worker"]
    task = desk.center.task()
    reservation = desk.center.pending_reservation(task)
    assert reservation.worker_sid == desk.ana.sid
    accepted = desk.agent.post(desk.path(f"/Tasks/{task.sid}/Reservations/{reservation.sid}"), {"ReservationStatus": "accepted"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["reservation_status"] == "accepted"
    completed = desk.agent.post(desk.path(f"/Tasks/{task.sid}"), {"AssignmentStatus": "wrapping"})
    assert completed.status_code == 200, completed.text
    moved = desk.agent.post(desk.path(f"/Workers/{desk.ana.sid}"), {"ActivitySid": desk.center.activities["Offline"]})
    assert moved.status_code == 200 and moved.json()["activity_name"] == "Offline", moved.text


def test_another_workers_reservation_and_worker_are_refused(server, client):
    desk = Desk(server, client, ana_available=False, ben_available=True)
    task = desk.center.task()
    reservation = desk.center.pending_reservation(task)
    assert reservation.worker_sid == desk.ben.sid
    for refused in [
        desk.agent.post(desk.path(f"/Tasks/{task.sid}/Reservations/{reservation.sid}"), {"ReservationStatus": "accepted"}),
        desk.agent.post(desk.path(f"/Workers/{desk.ben.sid}/Reservations/{reservation.sid}"), {"ReservationStatus": "accepted"}),
        desk.agent.get(desk.path(f"/Workers/{desk.ben.sid}/Reservations")),
        desk.agent.post(desk.path(f"/Workers/{desk.ben.sid}"), {"ActivitySid": desk.center.activities["Offline"]}),
        desk.agent.post(desk.path(f"/Tasks/{task.sid}"), {"AssignmentStatus": "canceled"}),
        desk.agent.post(desk.path("/Workers"), {"FriendlyName": "intruder"}),
        desk.agent.delete(desk.path()),
    ]:
        assert_error(refused, 403, 20403)
    assert desk.center.reservations(task)[0].reservation_status == "pending"
    assert desk.center.status(task) == "reserved"
    # Transfers need the workspace's workers and queues.
    workers = desk.agent.get(desk.path("/Workers"))
    assert workers.status_code == 200 and {w["sid"] for w in workers.json()["workers"]} == {desk.ana.sid, desk.ben.sid}
    assert desk.agent.get(desk.path("/TaskQueues")).status_code == 200


def test_another_workspace_is_refused(server, client):
    desk = Desk(server, client)
    other = client.taskrouter.v1.workspaces.create(friendly_name="elsewhere")
    assert_error(desk.agent.get(f"/taskrouter/v1/Workspaces/{other.sid}/Workers"), 403, 20403)
    assert_error(desk.agent.get(f"/taskrouter/v1/Workspaces/{other.sid}"), 403, 20403)
    assert_error(desk.agent.get("/taskrouter/v1/Workspaces"), 403, 20403)
    # A token naming a worker of one workspace under another workspace's SID is not a sign-in.
    crossed = BearerApi(server.base_url, desk.token(workspace_sid=other.sid))
    assert_error(crossed.get(AGENT), 401, 20106)


def test_another_account_is_refused(server, client, new_subaccount):
    desk = Desk(server, client)
    sub_sid, sub_token = new_subaccount("agent-elsewhere")
    sub = server.client(sub_sid, sub_token)
    foreign = sub.conversations.v1.conversations.create(friendly_name="not ana's")
    assert_error(desk.agent.get(f"/conversations/v1/Conversations/{foreign.sid}"), 404, 20404)
    mine = client.conversations.v1.conversations.create(friendly_name="ana's")
    assert desk.agent.get(f"/conversations/v1/Conversations/{mine.sid}").status_code == 200
    # The subaccount's own key cannot sign for the parent account, nor the parent's for a worker of another account.
    sub_key, sub_secret = create_api_key(RawApi(server.base_url, (sub_sid, sub_token)), sub_sid)
    assert_error(BearerApi(server.base_url, desk.token(key_sid=sub_key, secret=sub_secret)).get(AGENT), 401, 20103)
    assert_error(BearerApi(server.base_url, desk.token(account_sid=sub_sid)).get(AGENT), 401, 20103)
    sub_workspace = sub.taskrouter.v1.workspaces.create(friendly_name="sub desk")
    sub_worker = sub.taskrouter.v1.workspaces(sub_workspace.sid).workers.create(friendly_name="sam")
    assert_error(BearerApi(server.base_url, desk.token(workspace_sid=sub_workspace.sid, worker_sid=sub_worker.sid)).get(AGENT),
                 401, 20106)


def test_accounts_keys_and_other_domains_are_refused(server, client):
    desk = Desk(server, client)
    flow = {"FriendlyName": "x", "ChatServiceSid": "IS" + "1" * 32, "ChannelType": "web", "Integration.FlowSid": "FW" + "1" * 32}
    for refused in [
        desk.agent.get(accounts_path(server.account_sid)),
        desk.agent.get(accounts_path()),
        desk.agent.get(keys_path(server.account_sid)),
        desk.agent.post(keys_path(server.account_sid), {"FriendlyName": "more"}),
        desk.agent.get(f"/api/2010-04-01/Accounts/{server.account_sid}/Messages.json"),
        desk.agent.get("/switchboard/v1/Outbox"),
        desk.agent.get("/flex-api/v1/FlexFlows"),
        desk.agent.post("/flex-api/v1/FlexFlows", flow),
        desk.agent.get("/chat/v2/Services"),
        desk.agent.get("/proxy/v1/Services"),
    ]:
        assert_error(refused, 403, 20403)
    assert desk.agent.get("/flex-api/v1/Interactions/KD" + "0" * 32).status_code == 404
    assert desk.agent.get("/content/v1/Content").status_code == 200


def test_bad_tokens_are_refused_with_twilios_codes(server, client):
    desk = Desk(server, client)
    def refused(token):
        return BearerApi(server.base_url, token).get(AGENT)
    assert_error(refused(desk.token(ttl=-60)), 401, 20104)
    assert_error(refused(desk.token(nbf=int(time.time()) + 3600)), 401, 20105)
    assert_error(refused(desk.token(secret="f" * 32)), 401, 20107)
    header, payload, signature = desk.token().split(".")
    assert_error(refused(".".join([header, desk.token(identity="someone-else").split(".")[1], signature])), 401, 20107)
    assert_error(refused("not-a-token"), 401, 20101)
    assert_error(refused(desk.token(key_sid="SK" + "0" * 32)), 401, 20103)
    assert_error(refused(desk.token(task_router=False)), 401, 20106)
    assert_error(refused(desk.token(worker_sid="WK" + "0" * 32)), 401, 20106)


def test_basic_credentials_work_as_before_and_are_not_an_agent(server, client):
    desk = Desk(server, client, ana_available=False, ben_available=True)
    raw = server.raw()
    assert_error(raw.get(AGENT), 403, 20403)
    task = desk.center.task()
    reservation = desk.center.pending_reservation(task)
    answered = raw.post(desk.path(f"/Workers/{desk.ben.sid}/Reservations/{reservation.sid}"), {"ReservationStatus": "accepted"})
    assert answered.status_code == 200, answered.text
    assert raw.get(accounts_path(server.account_sid)).status_code == 200
    assert raw.get(keys_path(server.account_sid)).status_code == 200
    assert raw.get("/switchboard/v1/Outbox").status_code == 200
    assert raw.get("/taskrouter/v1/Workspaces").status_code == 200
    assert_error(requests.get(server.base_url + AGENT, timeout=30), 401, 20003)


def test_agent_token_command_prints_a_working_token_and_a_sign_in_link(switchboard_bin, tmp_path):
    account, auth = "AC" + "c" * 32, "agent-token-test"
    database = tmp_path / "desk.sqlite"
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account, "SWITCHBOARD_AUTH_TOKEN": auth})
    server = ServerProcess(switchboard_bin, tmp_path, str(database), env, name="agent-token").start()
    try:
        api = RawApi(server.base_url, (account, auth))
        workspace = api.post("/taskrouter/v1/Workspaces", {"FriendlyName": "desk"}).json()
        worker = api.post(f"/taskrouter/v1/Workspaces/{workspace['sid']}/Workers",
                          {"FriendlyName": "dora", "Attributes": json.dumps({"contact_uri": "client:dora"})}).json()
        run = subprocess.run([str(switchboard_bin), "agent-token", "--worker", worker["sid"], "--ttl", "600",
                              "--database", str(database), "--public-url", server.base_url],
                             env=env, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        token, link = run.stdout.split()
        assert link == f"{server.base_url}/#token={token}"
        me = BearerApi(server.base_url, token).get(AGENT)
        assert me.status_code == 200, me.text
        assert (me.json()["worker_sid"], me.json()["identity"]) == (worker["sid"], "dora")
        key_file = tmp_path / "switchboard.key"
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and key_file.stat().st_size == 32

        missing = subprocess.run([str(switchboard_bin), "agent-token", "--worker", "WK" + "0" * 32, "--database", str(database)],
                                 env=env, capture_output=True, text=True, timeout=60)
        assert missing.returncode != 0 and "no worker WK" in missing.stderr, missing.stderr
    finally:
        assert server.stop() == 0, server.log_tail()


def test_a_secret_key_from_the_environment_is_shared_by_serve_and_agent_token_and_no_key_file_is_written(switchboard_bin, tmp_path):
    account, auth = "AC" + "d" * 32, "secret-key-test"
    database = tmp_path / "env-key.sqlite"
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account, "SWITCHBOARD_AUTH_TOKEN": auth,
                     "SWITCHBOARD_SECRET_KEY": base64.b64encode(os.urandom(32)).decode()})
    server = ServerProcess(switchboard_bin, tmp_path, str(database), env, name="env-key").start()
    try:
        api = RawApi(server.base_url, (account, auth))
        workspace = api.post("/taskrouter/v1/Workspaces", {"FriendlyName": "desk"}).json()
        worker = api.post(f"/taskrouter/v1/Workspaces/{workspace['sid']}/Workers", {"FriendlyName": "eve"}).json()
        run = subprocess.run([str(switchboard_bin), "agent-token", "--worker", worker["sid"], "--database", str(database)],
                             env=env, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        token, link = run.stdout.split()
        assert link == f"http://127.0.0.1:8080/#token={token}"
        assert BearerApi(server.base_url, token).get(AGENT).status_code == 200
        assert not (tmp_path / "switchboard.key").exists()
    finally:
        assert server.stop() == 0, server.log_tail()
