"""Flex Flow create, fetch, list, update and delete through the twilio library."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_rest_exception
from factories import fake_sid, flow_kwargs, unique_name


def test_flex_flow_create_fetch_list_update_delete_round_trip(client, server):
    name = unique_name("crud")
    kwargs = flow_kwargs(name, contact_identity="+15550001111", enabled=True,
                         integration_timeout=120, integration_priority=5,
                         integration_creation_on_message=True)
    created = client.flex_api.v1.flex_flow.create_with_http_info(**kwargs)
    assert created.status_code == 201
    flow = created.data
    assert flow.sid.startswith("FO") and flow.account_sid == server.account_sid
    assert flow.url == f"{server.base_url}/flex-api/v1/FlexFlows/{flow.sid}"
    assert flow.integration == {
        "workspace_sid": kwargs["integration_workspace_sid"],
        "workflow_sid": kwargs["integration_workflow_sid"],
        "channel": "sms", "timeout": 120, "priority": 5, "creation_on_message": True,
    }

    fetched = client.flex_api.v1.flex_flow(flow.sid).fetch()
    assert (fetched.friendly_name, fetched.chat_service_sid, fetched.channel_type, fetched.contact_identity,
            fetched.enabled, fetched.integration_type, fetched.integration) == (
        name, kwargs["chat_service_sid"], "sms", "+15550001111", True, "task", flow.integration)
    assert fetched.date_created == flow.date_created

    assert [f.sid for f in client.flex_api.v1.flex_flow.list(friendly_name=name)] == [flow.sid]

    new_name, flow_sid = unique_name("crud renamed"), fake_sid("FW")
    updated = client.flex_api.v1.flex_flow(flow.sid).update(
        friendly_name=new_name, integration_type="studio", integration_flow_sid=flow_sid,
        integration_retry_count=2, janitor_enabled=True, long_lived=True)
    assert (updated.sid, updated.friendly_name, updated.integration_type) == (flow.sid, new_name, "studio")
    assert updated.janitor_enabled is True and updated.long_lived is True
    assert updated.integration == {"flow_sid": flow_sid, "retry_count": 2}
    assert updated.date_updated >= flow.date_updated
    assert client.flex_api.v1.flex_flow.list(friendly_name=name) == []
    assert [f.sid for f in client.flex_api.v1.flex_flow.list(friendly_name=new_name)] == [flow.sid]

    deleted = client.flex_api.v1.flex_flow(flow.sid).delete_with_http_info()
    assert deleted.status_code == 204 and deleted.data is True
    with pytest.raises(TwilioRestException) as exc_info:
        client.flex_api.v1.flex_flow(flow.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)


def test_flex_flow_defaults_when_optional_fields_are_omitted(client):
    flow = client.flex_api.v1.flex_flow.create(friendly_name=unique_name("defaults"),
                                               chat_service_sid=fake_sid("IS"), channel_type="web",
                                               integration_type="external",
                                               integration_url="https://example.com/hook")
    assert flow.channel_type == "web" and flow.integration_type == "external"
    assert set(flow.integration) == {"url", "retry_count"}
    assert flow.integration["url"] == "https://example.com/hook"
    assert flow.contact_identity is None
    assert isinstance(flow.enabled, bool) and isinstance(flow.long_lived, bool)
    assert isinstance(flow.janitor_enabled, bool)
