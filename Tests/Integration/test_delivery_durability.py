"""A 201 means the message survives `kill -9`: every message the API accepted before the crash is delivered after
a restart on the same database, once."""

import signal
import threading
import time

import pytest
import requests

from conftest import BACKENDS, POSTGRES_URL
from factories import fake_sid, random_auth_token
from polling import eventually
from raw_http import RawApi
from sandbox import handset
from server_process import ServerProcess, clean_env
from test_delivery_messages import CONTACT_CENTER, customer_number
from webhook_receiver import WebhookReceiver

SENDERS = 6


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_message_accepted_before_kill_9_is_delivered_after_restart(switchboard_bin, tmp_path, backend):
    sid, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token,
                     # A short lease, so that on PostgreSQL (where a restarted process cannot tell its own old
                     # claims from another live process's) entries the killed process held come due quickly.
                     "SWITCHBOARD_OUTBOX_LEASE_SECONDS": "2"})
    database = str(tmp_path / "sb.sqlite") if backend == "sqlite" else POSTGRES_URL
    first = ServerProcess(switchboard_bin, tmp_path, database, env, name="before-kill").start()
    path = f"/api/2010-04-01/Accounts/{sid}/Messages.json"
    to = customer_number()
    accepted, lock, stop = [], threading.Lock(), threading.Event()

    def send(worker: int) -> None:
        """Send until told to stop or the server is gone; keep the SID of every 201."""
        session = requests.Session()
        n = 0
        while not stop.is_set():
            n += 1
            try:
                resp = session.post(first.base_url + path, data={"To": to, "From": CONTACT_CENTER, "Body": f"{worker}-{n}"},
                                    auth=(sid, token), timeout=5)
            except requests.RequestException:
                return
            if resp.status_code == 201:
                with lock:
                    accepted.append(resp.json()["sid"])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(SENDERS)]
    for thread in threads:
        thread.start()
    try:
        assert eventually(lambda: len(accepted) >= 150, timeout=60), f"only {len(accepted)} accepted"
        first.proc.send_signal(signal.SIGKILL)
        first.proc.wait(timeout=10)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        first.kill()
    with lock:
        sent = list(accepted)

    second = ServerProcess(switchboard_bin, tmp_path, database, env, name="after-restart").start()
    try:
        raw = RawApi(second.base_url, (sid, token))
        delivered = eventually(lambda: len(got := handset(raw, to)) >= len(sent) and got, timeout=60, interval=0.5)
        got = handset(raw, to)
    finally:
        assert second.stop(signal.SIGTERM) == 0, second.log_tail()
    received = [m["sid"] for m in got]
    assert delivered, f"{len(received)} of {len(sent)} accepted messages reached the handset"
    assert set(sent) <= set(received), f"lost: {sorted(set(sent) - set(received))[:5]}"
    assert len(received) == len(set(received)), "a message reached the handset twice"


@pytest.mark.skipif(not POSTGRES_URL, reason="needs SWITCHBOARD_TEST_POSTGRES_URL: several processes share an outbox only on PostgreSQL")
def test_two_processes_sharing_a_postgres_outbox_deliver_each_webhook_once(switchboard_bin, tmp_path):
    sid, token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": sid, "SWITCHBOARD_AUTH_TOKEN": token, "SWITCHBOARD_ALLOW_PRIVATE_WEBHOOKS": "true"})
    servers = [ServerProcess(switchboard_bin, tmp_path, POSTGRES_URL, env, name=f"shared-{i}").start() for i in range(2)]
    try:
        with WebhookReceiver() as receiver:
            sent = []
            for n in range(40):
                raw = RawApi(servers[n % 2].base_url, (sid, token))
                resp = raw.post(f"/api/2010-04-01/Accounts/{sid}/Messages.json",
                                {"To": customer_number(), "From": CONTACT_CENTER, "Body": str(n),
                                 "StatusCallback": receiver.url("/shared")})
                assert resp.status_code == 201, resp.text
                sent.append(resp.json()["sid"])
            # Three callbacks per message: sending, sent, delivered.
            groups = eventually(lambda: len(g := receiver.by_token()) >= 3 * len(sent) and g, timeout=60, interval=0.5)
            time.sleep(1)
            groups = receiver.by_token()
    finally:
        for server in servers:
            assert server.stop(signal.SIGTERM) == 0, server.log_tail()
    assert len(groups) == 3 * len(sent), f"{len(groups)} callbacks for {len(sent)} messages"
    twice = {token: len(posts) for token, posts in groups.items() if len(posts) != 1}
    assert not twice, f"delivered more than once: {twice}"
    per_message = {}
    for posts in groups.values():
        per_message.setdefault(posts[0]["form"]["MessageSid"], []).append(posts[0]["form"]["MessageStatus"])
    assert set(per_message) == set(sent)
    assert all(sorted(statuses) == ["delivered", "sending", "sent"] for statuses in per_message.values())
