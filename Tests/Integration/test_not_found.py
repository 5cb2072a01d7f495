"""Unknown resources and paths answer 404 with Twilio error 20404."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception
from factories import fake_sid, flow_form, unique_name
from raw_http import FLEX_FLOWS


def test_nonexistent_flex_flow_is_404_20404_on_fetch_update_delete(raw):
    path = f"{FLEX_FLOWS}/{fake_sid('FO')}"
    assert_error(raw.get(path), 404, 20404)
    assert_error(raw.post(path, {"FriendlyName": unique_name("ghost")}), 404, 20404)
    assert_error(raw.delete(path), 404, 20404)


@pytest.mark.parametrize("action", ["fetch", "update", "delete"])
def test_nonexistent_flex_flow_raises_404_20404_through_library(client, action):
    context = client.flex_api.v1.flex_flow(fake_sid("FO"))
    call = {"fetch": context.fetch, "delete": context.delete,
            "update": lambda: context.update(friendly_name=unique_name("ghost"))}[action]
    with pytest.raises(TwilioRestException) as exc_info:
        call()
    assert_rest_exception(exc_info, 404, 20404)


@pytest.mark.parametrize("path", ["/no-such-domain/v1/Things", "/flex-api/v1/NoSuchResource",
                                  "/flex-api/v9/FlexFlows", "/api/2010-04-01/NoSuchThing.json"])
def test_unknown_path_is_404_20404(raw, path):
    assert_error(raw.get(path), 404, 20404)


def test_deleted_flex_flow_is_404_20404_on_second_delete(raw):
    flow = raw.create_flow(flow_form(unique_name("delete twice")))
    assert raw.delete(f"{FLEX_FLOWS}/{flow['sid']}").status_code == 204
    assert_error(raw.delete(f"{FLEX_FLOWS}/{flow['sid']}"), 404, 20404)
