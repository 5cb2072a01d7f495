"""The Python samples of seed 000 run exactly as written against Switchboard."""

import pytest

from shared_data import SEED_000, the_block_containing
from switchboard_client import install

CREATE_MARKER = "client.flex_api.v1.flex_flow.create("
LIST_MARKER = "client.flex_api.v1.flex_flow.list(limit=20)"


@pytest.fixture
def seed_000(shared_dir):
    """The text of seed 000."""
    return (shared_dir / SEED_000).read_text(encoding="utf-8")


@pytest.fixture
def run_sample(server, monkeypatch, capsys):
    """Run a sample's code unchanged with the bootstrap credentials in the environment; return (namespace, stdout)."""
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", server.account_sid)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", server.auth_token)
    for name in ("TWILIO_EDGE", "TWILIO_REGION"):
        monkeypatch.delenv(name, raising=False)

    def run(code: str):
        """exec the code as a __main__ module with twilio's default HTTP client swapped for Switchboard's."""
        uninstall = install(server.base_url)
        namespace = {"__name__": "__main__"}
        try:
            capsys.readouterr()
            exec(compile(code, "<seed 000 sample>", "exec"), namespace)
        finally:
            uninstall()
        return namespace, capsys.readouterr().out

    return run


def test_create_flex_flow_sample_prints_account_sid_and_stores_the_flow_as_sent(seed_000, run_sample, client, server):
    namespace, out = run_sample(the_block_containing(seed_000, CREATE_MARKER))
    assert out.splitlines() == [server.account_sid]

    flow = client.flex_api.v1.flex_flow(namespace["flex_flow"].sid).fetch()
    assert flow.friendly_name == "Outbound SMS"
    assert flow.channel_type == "sms"
    assert flow.integration_type == "task"
    assert flow.enabled is False
    assert flow.contact_identity == "+12XXXXXXXXX"
    assert flow.chat_service_sid == "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXNone"
    assert flow.integration["workspace_sid"] == "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    assert flow.integration["workflow_sid"] == "WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    assert flow.integration["channel"] == "TCXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    # retry_count applies to studio and external only, so a task integration has none.
    assert flow.integration == {"workspace_sid": "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                                "workflow_sid": "WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                                "channel": "TCXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "timeout": 86400, "priority": 0,
                                "creation_on_message": False}


def test_list_flex_flows_sample_prints_account_sid_for_each_flow(seed_000, run_sample, client, server):
    client.flex_api.v1.flex_flow.create(friendly_name="seed list sample", chat_service_sid="IS" + "a" * 32,
                                        channel_type="sms", integration_type="studio",
                                        integration_flow_sid="FW" + "a" * 32)
    expected = len(client.flex_api.v1.flex_flow.list(limit=20))
    assert 1 <= expected <= 20

    namespace, out = run_sample(the_block_containing(seed_000, LIST_MARKER))

    assert len(namespace["flex_flows"]) == expected
    assert out.splitlines() == [server.account_sid] * expected
