"""What an operator needs to see: access logs, `/metrics`, the outbox's delivered history, every handset's
messages, and a README whose first steps run as written."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import requests

from factories import fake_sid, random_auth_token, unique_name
from polling import eventually
from raw_http import RawApi, accounts_path
from sandbox import handset, outbox
from server_process import REPO_ROOT, ServerProcess, clean_env
from webhook_receiver import WebhookReceiver

REQUEST_ID = re.compile(r"^RQ[0-9a-f]{32}$")
SERIES = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def access_log(server, request_id: str) -> list:
    """The access-log lines the server wrote for the request with `request_id`."""
    lines = server.process.stderr_path.read_text(errors="replace").splitlines()
    return [entry for entry in map(json.loads, filter(None, lines))
            if entry.get("message") == "request" and entry.get("request_id") == request_id]


def logged(server, response) -> dict:
    """The one access-log line of `response`, once the server has written it."""
    request_id = response.headers.get("Twilio-Request-Id", "")
    assert REQUEST_ID.match(request_id), response.headers
    entries = eventually(lambda: access_log(server, request_id), timeout=5)
    assert entries and len(entries) == 1, entries
    return entries[0]


def test_each_request_is_logged_once_with_method_path_status_duration_account_and_request_id(server, raw):
    created = raw.post("/taskrouter/v1/Workspaces", {"FriendlyName": unique_name("logged")})
    assert created.status_code == 201, created.text
    entry = logged(server, created)
    assert (entry["method"], entry["path"], entry["status"]) == ("POST", "/taskrouter/v1/Workspaces", "201")
    assert entry["level"] == "info"
    assert entry["account_sid"] == server.account_sid
    assert float(entry["duration_ms"]) >= 0
    assert "code" not in entry


def test_a_4xx_is_logged_at_info_with_its_twilio_code_even_for_an_unknown_route_or_bad_credentials(server, raw):
    missing = raw.get("/taskrouter/v1/Workspaces/" + fake_sid("WS"))
    assert missing.status_code == 404
    entry = logged(server, missing)
    assert (entry["status"], entry["code"], entry["level"], entry["account_sid"]) == ("404", "20404", "info", server.account_sid)

    unrouted = raw.get("/no/such/route")
    assert unrouted.status_code == 404
    entry = logged(server, unrouted)
    assert (entry["status"], entry["code"], entry["path"]) == ("404", "20404", "/no/such/route")
    assert "account_sid" not in entry

    refused = RawApi(server.base_url, (server.account_sid, "not-the-token")).get("/taskrouter/v1/Workspaces")
    assert refused.status_code == 401
    entry = logged(server, refused)
    assert (entry["status"], entry["code"], entry["level"]) == ("401", "20003", "info")
    assert "account_sid" not in entry


def test_every_answer_carries_its_own_request_id(server, raw):
    ids = {raw.get("/health").headers["Twilio-Request-Id"], raw.get("/taskrouter/v1/Workspaces").headers["Twilio-Request-Id"],
           raw.get("/nowhere").headers["Twilio-Request-Id"]}
    assert len(ids) == 3 and all(REQUEST_ID.match(i) for i in ids)


def scrape(server) -> str:
    """`GET /metrics`, which takes no credentials."""
    resp = requests.get(server.base_url + "/metrics", timeout=10)
    assert resp.status_code == 200, resp.text
    assert resp.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    return resp.text


def samples(text: str) -> list:
    """(name, labels, value) for every sample line of a Prometheus text exposition."""
    found = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = SERIES.match(line)
        assert match, line
        found.append((match[1], dict(LABEL.findall(match[2] or "")), float(match[3])))
    return found


def value(found: list, name: str, **labels) -> float:
    """The sum of the samples of `name` whose labels include `labels`."""
    return sum(v for n, l, v in found if n == name and all(l.get(k) == w for k, w in labels.items()))


def send_sms(raw, server, to: str, body: str = "Hello") -> dict:
    """An SMS through Messages.json, as a client sends one."""
    resp = raw.post(accounts_path(server.account_sid) + "/Messages.json",
                    {"To": to, "From": "+15005550006", "Body": body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def test_metrics_pass_promtool_and_report_requests_deliveries_tasks_reservations_and_transactions(server, raw):
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool (Debian's prometheus package) is not installed; ./scripts/test installs it")
    # Some traffic: a message delivered to the sandbox, and a task in a workspace whose one worker lets its
    # reservation time out.
    message = send_sms(raw, server, "+14155550181")
    assert eventually(lambda: handset(raw, "+14155550181"), timeout=10)
    workspace = raw.post("/taskrouter/v1/Workspaces", {"FriendlyName": unique_name("metrics")}).json()
    ws = f"/taskrouter/v1/Workspaces/{workspace['sid']}"
    available = raw.get(ws + "/Activities", FriendlyName="Available").json()["activities"][0]["sid"]
    queue = raw.post(ws + "/TaskQueues", {"FriendlyName": "all", "TargetWorkers": "1==1"}).json()["sid"]
    config = {"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": queue}]}]}}
    workflow = raw.post(ws + "/Workflows", {"FriendlyName": "short", "Configuration": json.dumps(config),
                                            "TaskReservationTimeout": "1"}).json()["sid"]
    assert raw.post(ws + "/Workers", {"FriendlyName": "ann", "ActivitySid": available}).status_code == 201
    task = raw.post(ws + "/Tasks", {"WorkflowSid": workflow, "Attributes": "{}"})
    assert task.status_code == 201, task.text
    assert eventually(lambda: [r for r in raw.get(ws + f"/Tasks/{task.json()['sid']}/Reservations").json()["reservations"]
                               if r["reservation_status"] == "timeout"], timeout=15)

    text = scrape(server)
    checked = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    found = samples(text)
    assert value(found, "http_server_requests_total", http_route="/taskrouter/v1/Workspaces", http_request_method="POST",
                 http_response_status_code="201") >= 1
    assert value(found, "http_server_request_duration_seconds_count", http_route="/taskrouter/v1/Workspaces") >= 1
    assert value(found, "switchboard_outbox_deliveries_total", channel="sms") >= 1
    assert ("switchboard_outbox_entries", {"status": "pending"}) in [(n, l) for n, l, _ in found]
    assert value(found, "switchboard_outbox_entries", status="delivered") >= 1
    assert value(found, "switchboard_outbox_oldest_pending_age_seconds") >= 0
    assert value(found, "switchboard_tasks", workspace_sid=workspace["sid"]) == 1
    assert value(found, "switchboard_reservations_created_total") >= 1
    assert value(found, "switchboard_reservations_timed_out_total") >= 1
    assert value(found, "switchboard_database_transaction_duration_seconds_count") > 0
    assert message["sid"] in [e["target"] for e in outbox(raw, "delivered")]


def test_a_delivered_message_and_its_status_callback_stay_listed_with_attempts_response_codes_and_times(server, raw):
    with WebhookReceiver(answer=lambda request, earlier: 200) as receiver:
        resp = raw.post(accounts_path(server.account_sid) + "/Messages.json",
                        {"To": "+14155550182", "From": "+15005550006", "Body": "kept", "StatusCallback": receiver.url("/status")})
        assert resp.status_code == 201, resp.text
        sid = resp.json()["sid"]
        sent = eventually(lambda: [e for e in outbox(raw, "delivered") if e["target"] == sid], timeout=10)
        callbacks = eventually(lambda: [e for e in outbox(raw, "delivered") if e["target"] == receiver.url("/status")], timeout=10)
    assert sent and callbacks, outbox(raw)
    entry = sent[0]
    assert (entry["kind"], entry["status"], entry["attempts"], entry["last_error"]) == ("message", "delivered", 1, None)
    assert entry["first_attempt_at"] and entry["last_attempt_at"] and entry["date_delivered"] == entry["last_attempt_at"]
    assert entry["next_attempt_at"] is None
    callback = callbacks[0]
    assert (callback["purpose"], callback["last_response_code"], callback["attempts"]) == ("message-status", 200, 1)
    fetched = raw.get(f"/switchboard/v1/Outbox/{callback['sid']}")
    assert fetched.status_code == 200 and fetched.json()["status"] == "delivered"


def test_delivered_entries_are_purged_once_the_retention_set_by_the_flag_passes(switchboard_bin, tmp_path):
    account, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account, "SWITCHBOARD_AUTH_TOKEN": token})
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "retention.sqlite"), env, name="retention",
                            extra_args=["--outbox-retention-seconds", "2"]).start()
    try:
        raw = RawApi(process.base_url, (account, token))
        resp = raw.post(accounts_path(account) + "/Messages.json", {"To": "+14155550183", "From": "+15005550006", "Body": "brief"})
        assert resp.status_code == 201, resp.text
        assert eventually(lambda: outbox(raw, "delivered"), timeout=10)
        assert eventually(lambda: not outbox(raw), timeout=15), outbox(raw)
    finally:
        assert process.stop() == 0, process.log_tail()


def test_the_sandbox_lists_every_handsets_messages_newest_first_without_an_address(server, client):
    raw = RawApi(server.base_url, (server.account_sid, server.auth_token))
    first, second = "+14155550184", "+14155550185"
    sids = []
    # One at a time: messages to different handsets are delivered in parallel, so only a message that has reached
    # its handset before the next is sent has a known place in the list.
    for to, body in ((first, "one"), (second, "two"), (first, "three")):
        sids.append(client.messages.create(to=to, from_="+15005550006", body=body).sid)
        assert eventually(lambda: any(m["sid"] == sids[-1] for m in handset(raw, to)), timeout=10)
    resp = raw.get("/sandbox/v1/Messages")
    assert resp.status_code == 200, resp.text
    listed = [m["sid"] for m in resp.json()["messages"] if m["sid"] in sids]
    assert listed == list(reversed(sids))
    page = raw.get("/sandbox/v1/Messages", PageSize="1").json()
    assert len(page["messages"]) == 1 and page["meta"]["next_page_url"]
    following = requests.get(page["meta"]["next_page_url"], auth=(server.account_sid, server.auth_token), timeout=10).json()
    assert following["messages"][0]["sid"] != page["messages"][0]["sid"]


def readme_blocks(language: str) -> list:
    """The README's fenced code blocks in `language`, in order."""
    text = (REPO_ROOT / "README.md").read_text()
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_the_readmes_one_command_exports_credentials_that_the_server_creates_and_accepts(switchboard_bin, tmp_path):
    exports = [line for block in readme_blocks("sh") for line in block.splitlines() if line.startswith("export SWITCHBOARD_ACCOUNT_SID=")]
    assert len(exports) == 1, exports
    shell = subprocess.run(["bash", "-c", exports[0] + '\necho "$SWITCHBOARD_ACCOUNT_SID $SWITCHBOARD_AUTH_TOKEN"'],
                           capture_output=True, text=True, timeout=30, check=True)
    account, token = shell.stdout.split()
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "readme.sqlite"),
                            clean_env({"SWITCHBOARD_ACCOUNT_SID": account, "SWITCHBOARD_AUTH_TOKEN": token}), name="readme").start()
    try:
        assert RawApi(process.base_url, (account, token)).get("/taskrouter/v1/Workspaces").status_code == 200
    finally:
        assert process.stop() == 0, process.log_tail()


def test_the_readmes_first_python_snippet_runs_as_written(server):
    snippet = readme_blocks("python")[0]
    env = dict(os.environ, SWITCHBOARD_ACCOUNT_SID=server.account_sid, SWITCHBOARD_AUTH_TOKEN=server.auth_token,
               SWITCHBOARD_URL=server.base_url)
    ran = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, timeout=60, env=env)
    assert ran.returncode == 0, ran.stderr
