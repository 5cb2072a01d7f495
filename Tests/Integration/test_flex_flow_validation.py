"""Invalid Flex Flow requests are rejected with 400 and Twilio error 20001, over raw HTTP and the library."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception
from factories import flow_form, flow_kwargs, unique_name
from raw_http import FLEX_FLOWS

INVALID_FORMS = {
    "missing FriendlyName": {"FriendlyName": None},
    "missing ChatServiceSid": {"ChatServiceSid": None},
    "missing ChannelType": {"ChannelType": None},
    "unknown ChannelType": {"ChannelType": "carrier-pigeon"},
    "unknown IntegrationType": {"IntegrationType": "carrier-pigeon"},
    "task without Integration.WorkspaceSid": {"Integration.WorkspaceSid": None},
    "studio without Integration.FlowSid": {"IntegrationType": "studio"},
    "external without Integration.Url": {"IntegrationType": "external"},
}


@pytest.mark.parametrize("overrides", INVALID_FORMS.values(), ids=INVALID_FORMS.keys())
def test_invalid_flex_flow_create_over_http_is_400_with_code_20001(raw, overrides):
    name = unique_name("invalid")
    resp = raw.post(FLEX_FLOWS, flow_form(name, **overrides))
    assert_error(resp, 400, 20001)
    if "FriendlyName" not in overrides:
        assert raw.get(FLEX_FLOWS, FriendlyName=name).json()["flex_flows"] == []


INVALID_KWARGS = {
    "missing friendly_name": {"friendly_name": None},
    "missing chat_service_sid": {"chat_service_sid": None},
    "missing channel_type": {"channel_type": None},
    "unknown channel_type": {"channel_type": "carrier-pigeon"},
    "task without integration_workspace_sid": {"integration_workspace_sid": None},
    "studio without integration_flow_sid": {"integration_type": "studio"},
    "external without integration_url": {"integration_type": "external"},
}


@pytest.mark.parametrize("overrides", INVALID_KWARGS.values(), ids=INVALID_KWARGS.keys())
def test_invalid_flex_flow_create_through_library_raises_400_20001(client, overrides):
    with pytest.raises(TwilioRestException) as exc_info:
        client.flex_api.v1.flex_flow.create(**flow_kwargs(unique_name("invalid"), **overrides))
    assert_rest_exception(exc_info, 400, 20001)


def test_update_to_studio_without_flow_sid_is_400_20001_and_changes_nothing(raw):
    flow = raw.create_flow(flow_form(unique_name("update invalid")))
    assert_error(raw.post(f"{FLEX_FLOWS}/{flow['sid']}", {"IntegrationType": "studio"}), 400, 20001)
    assert_error(raw.post(f"{FLEX_FLOWS}/{flow['sid']}", {"ChannelType": "carrier-pigeon"}), 400, 20001)
    assert raw.get(f"{FLEX_FLOWS}/{flow['sid']}").json() == flow
