"""Webhooks leave through the outbox as Twilio sends them: signed, with a stable idempotency token, retried with
backoff on 5xx, given up on other 4xx, and never sent to private addresses unless allowed."""

import signal

import pytest
from twilio.request_validator import RequestValidator

from factories import fake_sid, random_auth_token, unique_name
from polling import eventually
from raw_http import RawApi
from sandbox import outbox
from server_process import ServerProcess, clean_env
from test_delivery_messages import CONTACT_CENTER, customer_number, final_status
from webhook_receiver import WebhookReceiver


def assert_signed(request: dict, url: str, auth_token: str) -> None:
    """The official library's validator accepts the request's signature."""
    assert RequestValidator(auth_token).validate(url, request["form"], request["signature"]), request


def test_status_callbacks_report_every_change_but_the_first_and_are_signed(client, server):
    with WebhookReceiver() as receiver:
        message = client.messages.create(to=customer_number(), from_=CONTACT_CENTER, body="hi",
                                         status_callback=receiver.url("/status"))
        final_status(client, message.sid)
        posts = eventually(lambda: len(receiver.snapshot()) >= 3 and receiver.snapshot())
    assert sorted(p["form"]["MessageStatus"] for p in posts) == ["delivered", "sending", "sent"]
    for post in posts:
        assert post["form"]["MessageSid"] == message.sid and post["form"]["AccountSid"] == server.account_sid
        assert post["headers"]["Content-Type"].startswith("application/x-www-form-urlencoded")
        assert_signed(post, receiver.url("/status"), server.auth_token)
    assert len({p["token"] for p in posts}) == 3


def test_a_receiver_that_fails_twice_gets_the_event_on_the_third_try_with_the_same_token(client, server, raw):
    with WebhookReceiver(answer=lambda request, earlier: 503 if earlier < 2 else 204) as receiver:
        message = client.messages.create(to=customer_number(), from_=CONTACT_CENTER, body="hi",
                                         status_callback=receiver.url("/flaky"))
        groups = eventually(lambda: (g := receiver.by_token()) and len(g) == 3 and all(len(v) == 3 for v in g.values()) and g,
                            timeout=30)
    assert groups, receiver.by_token()
    for token, attempts in groups.items():
        assert token and token.startswith("OE")
        assert len({a["form"]["MessageStatus"] for a in attempts}) == 1
        for attempt in attempts:
            assert_signed(attempt, receiver.url("/flaky"), server.auth_token)
    assert eventually(lambda: not [e for e in outbox(raw) if e["target"] == receiver.url("/flaky") and e["status"] != "delivered"])
    assert client.messages(message.sid).fetch().status == "delivered"


def test_a_4xx_answer_gives_up_at_once_and_the_failure_is_listed_with_its_reason(client, raw):
    with WebhookReceiver(answer=lambda request, earlier: 404) as receiver:
        client.messages.create(to=customer_number(), from_=CONTACT_CENTER, body="hi", status_callback=receiver.url("/gone"))
        failed = eventually(lambda: len(f := [e for e in outbox(raw, "failed") if e["target"] == receiver.url("/gone")]) == 3 and f)
        assert len(receiver.snapshot()) == 3
    assert failed
    for entry in failed:
        assert (entry["status"], entry["attempts"], entry["last_error"], entry["purpose"]) == ("failed", 1, "HTTP 404", "message-status")


def test_taskrouter_events_are_posted_to_the_event_callback_url_filtered_by_events_filter(client, server):
    with WebhookReceiver() as receiver:
        workspace = client.taskrouter.v1.workspaces.create(
            friendly_name=unique_name("events"), event_callback_url=receiver.url("/events"),
            events_filter="task.created,task.canceled")
        queue = workspace.task_queues.create(friendly_name="all", target_workers="1==1")
        workflow = workspace.workflows.create(friendly_name="wf", configuration=(
            '{"task_routing": {"filters": [], "default_filter": {"queue": "%s"}}}' % queue.sid))
        task = workspace.tasks.create(attributes='{"topic": "billing"}', workflow_sid=workflow.sid)
        workspace.tasks(task.sid).update(assignment_status="canceled", reason="test")
        posts = eventually(lambda: len(receiver.snapshot()) >= 2 and receiver.snapshot())
    assert posts, receiver.snapshot()
    by_type = {p["form"]["EventType"]: p for p in posts}
    assert set(by_type) == {"task.created", "task.canceled"}
    created = by_type["task.created"]["form"]
    assert (created["TaskSid"], created["WorkspaceSid"], created["AccountSid"], created["ResourceSid"]) == (
        task.sid, workspace.sid, server.account_sid, task.sid)
    assert created["WorkspaceName"] == workspace.friendly_name and created["EventDescription"]
    for post in posts:
        assert_signed(post, receiver.url("/events"), server.auth_token)


@pytest.fixture(scope="module")
def guarded_server(switchboard_bin, tmp_path_factory):
    """A server with the default SSRF guard (private webhooks refused) and a 2-second retry window."""
    workdir = tmp_path_factory.mktemp("guarded")
    sid, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token,
                     "SWITCHBOARD_DELIVERY_RETRY_SECONDS": "2"})
    process = ServerProcess(switchboard_bin, workdir, str(workdir / "sb.sqlite"), env, name="guarded").start()
    yield process, sid, token
    assert process.stop(signal.SIGTERM) == 0, process.log_tail()


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/hook", "http://localhost:{port}/hook",
                                    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook"])
def test_webhooks_to_private_addresses_are_refused_by_default(guarded_server, target):
    process, sid, token = guarded_server
    raw = RawApi(process.base_url, (sid, token))
    with WebhookReceiver() as receiver:
        url = target.format(port=receiver.base_url.rsplit(":", 1)[1])
        resp = raw.post(f"/api/2010-04-01/Accounts/{sid}/Messages.json",
                        {"To": customer_number(), "From": CONTACT_CENTER, "Body": "x", "StatusCallback": url})
        assert resp.status_code == 201, resp.text
        failed = eventually(lambda: len(f := [e for e in outbox(raw, "failed") if e["target"] == url]) == 3 and f)
        assert receiver.snapshot() == []
    assert failed and all(e["last_error"].startswith("refused: ") and e["attempts"] == 1 for e in failed), failed


def test_rc_and_rp_overrides_retry_5xx_inside_each_attempt_until_the_retry_window_ends(switchboard_bin, tmp_path):
    sid, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token,
                     "SWITCHBOARD_ALLOW_PRIVATE_WEBHOOKS": "true", "SWITCHBOARD_DELIVERY_RETRY_SECONDS": "1"})
    process = ServerProcess(switchboard_bin, tmp_path, str(tmp_path / "sb.sqlite"), env, name="overrides").start()
    raw = RawApi(process.base_url, (sid, token))
    try:
        with WebhookReceiver(answer=lambda request, earlier: 500) as receiver:
            url = receiver.url("/always-500") + "#rc=2&rp=5xx"
            to = customer_number()
            resp = raw.post(f"/api/2010-04-01/Accounts/{sid}/Messages.json",
                            {"To": to, "From": CONTACT_CENTER, "Body": "x", "StatusCallback": url})
            assert resp.status_code == 201, resp.text
            failed = eventually(lambda: len(f := outbox(raw, "failed")) == 3 and f, timeout=20)
            groups = receiver.by_token()
    finally:
        assert process.stop(signal.SIGTERM) == 0, process.log_tail()
    assert failed, groups
    for entry in failed:
        assert entry["target"] == receiver.url("/always-500") and entry["last_error"].endswith("HTTP 500")
        # Each outbox attempt made the first request and `rc` immediate retries of it.
        assert len(groups[entry["sid"]]) == 3 * entry["attempts"], (entry, len(groups[entry["sid"]]))
