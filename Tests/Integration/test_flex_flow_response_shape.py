"""Flex Flow JSON has exactly the properties of Twilio's OpenAPI schema and validates against it."""

import re

import jsonschema
import pytest

from assertions import assert_iso_dates
from factories import flow_form, unique_name
from raw_http import FLEX_FLOWS

SID_PATTERN = re.compile(r"^FO[0-9a-f]{32}$")
META_KEYS = {"page", "page_size", "first_page_url", "previous_page_url", "url", "next_page_url", "key"}


@pytest.fixture
def flex_flow_schema(openapi_component):
    """The JSON Schema of `flex.v1.flex_flow` from twilio_flex_v1.json."""
    return openapi_component("twilio_flex_v1.json", "flex.v1.flex_flow")


def assert_flex_flow_shape(flow: dict, schema: dict) -> None:
    """Exact property names, schema-valid, lowercase-hex FO sid, ISO 8601 dates."""
    assert set(flow) == set(schema["properties"]), f"keys differ: {sorted(set(flow) ^ set(schema['properties']))}"
    jsonschema.validate(flow, schema)
    assert SID_PATTERN.match(flow["sid"]), flow["sid"]
    assert_iso_dates(flow)


@pytest.mark.parametrize("integration_type", ["task", "studio", "external"])
def test_flex_flow_json_matches_openapi_schema_on_create_fetch_update_list(raw, flex_flow_schema, integration_type):
    name = unique_name("shape")
    created = raw.create_flow(flow_form(name, integration_type))
    assert_flex_flow_shape(created, flex_flow_schema)

    fetched = raw.get(f"{FLEX_FLOWS}/{created['sid']}")
    assert fetched.status_code == 200
    assert fetched.json() == created
    assert_flex_flow_shape(fetched.json(), flex_flow_schema)

    updated = raw.post(f"{FLEX_FLOWS}/{created['sid']}", {"ContactIdentity": "+15550002222"})
    assert updated.status_code == 200
    assert updated.json()["contact_identity"] == "+15550002222"
    assert_flex_flow_shape(updated.json(), flex_flow_schema)

    listed = raw.get(FLEX_FLOWS, FriendlyName=name)
    assert listed.status_code == 200
    body = listed.json()
    assert set(body) == {"meta", "flex_flows"}
    assert set(body["meta"]) == META_KEYS and body["meta"]["key"] == "flex_flows"
    assert [f["sid"] for f in body["flex_flows"]] == [created["sid"]]
    for flow in body["flex_flows"]:
        assert_flex_flow_shape(flow, flex_flow_schema)


@pytest.mark.parametrize("integration_type, keys", [
    ("task", {"workspace_sid", "workflow_sid", "channel", "timeout", "priority", "creation_on_message"}),
    ("studio", {"flow_sid", "retry_count"}),
    ("external", {"url", "retry_count"}),
])
def test_flex_flow_integration_object_has_the_keys_of_its_type(raw, integration_type, keys):
    flow = raw.create_flow(flow_form(unique_name("integration"), integration_type))
    assert set(flow["integration"]) == keys
