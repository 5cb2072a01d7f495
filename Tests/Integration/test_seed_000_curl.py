"""Seed 000's curl samples run against Switchboard with the base address changed (and the guide's placeholders
replaced by the test's resources, as the guide tells its reader to), through the real curl."""

import json
import re
import shutil
import subprocess

import pytest

from polling import eventually
from sandbox import handset
from seed_000 import ContactCenter, seed_text

BASH_BLOCK = re.compile(r"^```bash[ \t]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
# Only the curl's HTTP status is added, after the body, so the test can see it; the sample itself is unchanged.
CURL_STATUS = "curl() { command curl -sS -w '\\n%{http_code}' \"$@\"; }\n"


def curl_samples(seed: str):
    """Every curl sample of the seed, in order."""
    return [block for block in BASH_BLOCK.findall(seed) if "curl -X" in block]


def sample(seed: str, marker: str) -> str:
    """The first curl sample containing `marker` (the two strategies repeat some)."""
    return next(block for block in curl_samples(seed) if marker in block)


@pytest.fixture
def run_curl(server):
    """Run a curl sample with bash; return (HTTP status, JSON body)."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")

    def run(code: str):
        """The sample with Twilio's hosts replaced by this server's prefixes."""
        for domain in ("flex-api", "proxy", "chat"):
            code = code.replace(f"https://{domain}.twilio.com", f"{server.base_url}/{domain}")
        env = {"TWILIO_ACCOUNT_SID": server.account_sid, "TWILIO_AUTH_TOKEN": server.auth_token, "PATH": "/usr/bin:/bin"}
        done = subprocess.run(["bash", "-c", CURL_STATUS + code], capture_output=True, text=True, env=env, timeout=30)
        body, _, status = done.stdout.rpartition("\n")
        assert done.returncode == 0, done.stderr
        return int(status), json.loads(body)

    return run


def test_strategy_one_curl_samples_create_the_flow_channel_task_session_and_relay(shared_dir, run_curl, client, raw):
    seed = seed_text(shared_dir)
    assert len(curl_samples(seed)) == 10
    center = ContactCenter(client)
    status, flow = run_curl(center.replaced(sample(seed, "/v1/FlexFlows\" \\")))
    assert status == 201 and flow["integration_type"] == "task"
    status, channel = run_curl(center.replaced(sample(seed, "ChatFriendlyName=Outbound Chat with John"),
                                               FOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=flow["sid"]))
    assert status == 201 and channel["task_sid"].startswith("WT") and channel["user_sid"].startswith("US")
    status, session = run_curl(center.replaced(sample(seed, "UniqueName=SID_FROM_CHANNELS_API"), SID_FROM_CHANNELS_API=channel["sid"]))
    assert status == 201 and session["mode"] == "message-only" and session["unique_name"] == channel["sid"]
    status, participant = run_curl(center.replaced(sample(seed, "Identifier=CHAT_CHANNEL_SID"), CHAT_CHANNEL_SID=channel["sid"],
                                                   KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=session["sid"]))
    assert status == 201 and participant["proxy_identifier"] == center.number
    status, updated = run_curl(center.replaced(sample(seed, "Channels/Sid"), KCXXXXXXXXXXXXXXXXXXXXXXXX=session["sid"],
                                               **{"Channels/Sid": f"Channels/{channel['sid']}"}))
    assert status == 200 and json.loads(updated["attributes"]) == {"proxySession": session["sid"]}
    status, flows = run_curl(sample(seed, "FlexFlows?PageSize=20"))
    assert status == 200 and flows["meta"]["page_size"] == 20 and 1 <= len(flows["flex_flows"]) <= 20

    center.chat_channel(channel["sid"]).messages.create(body="Hello from curl", from_="alice")
    assert eventually(lambda: [m for m in handset(raw, center.customer) if m["body"] == "Hello from curl"])


def test_strategy_two_curl_samples_open_a_channel_without_a_task_and_a_session_with_both_participants(shared_dir, run_curl, client):
    seed = seed_text(shared_dir)
    center = ContactCenter(client)
    flow = client.flex_api.v1.flex_flow.create(
        friendly_name="Inbound SMS", chat_service_sid=center.chat_service.sid, channel_type="sms", integration_type="task",
        integration_workspace_sid=center.workspace.sid, integration_workflow_sid=center.workflow.sid, integration_channel="sms",
        integration_creation_on_message=True)
    status, channel = run_curl(center.replaced(sample(seed, "ChatFriendlyName=Chat with Jane"), FOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=flow.sid))
    assert status == 201 and channel["task_sid"] is None
    status, session = run_curl(center.replaced(sample(seed, "UniqueName=CHXXXXXXXXXXXXXXXXXXXXXXXXX"), CHAT_CHANNEL_SID=channel["sid"]))
    assert status == 201
    status, customer = run_curl(center.replaced(sample(seed, "FriendlyName=This is the Customer"), KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=session["sid"]))
    assert status == 201 and customer["identifier"] == center.customer and customer["proxy_identifier"] == center.number
    participants = client.proxy.v1.services(center.proxy_service.sid).sessions(session["sid"]).participants.list()
    assert {p.identifier for p in participants} == {channel["sid"], center.customer}
