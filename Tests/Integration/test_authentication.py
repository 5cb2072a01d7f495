"""Requests need valid HTTP Basic credentials (401, code 20003), except GET /health."""

import pytest
import requests
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception
from factories import fake_sid, flow_form, flow_kwargs, random_auth_token, unique_name
from raw_http import FLEX_FLOWS, accounts_path


def test_health_answers_200_without_credentials(server):
    assert requests.get(f"{server.base_url}/health", timeout=10).status_code == 200


@pytest.mark.parametrize("path", [FLEX_FLOWS, accounts_path()])
def test_request_without_credentials_is_401_20003(server, path):
    assert_error(server.raw(auth=None).get(path), 401, 20003)


@pytest.mark.parametrize("path", [FLEX_FLOWS, accounts_path()])
def test_request_with_wrong_auth_token_is_401_20003(server, path):
    assert_error(server.raw(auth=(server.account_sid, random_auth_token())).get(path), 401, 20003)


def test_request_with_unknown_account_sid_is_401_20003(server):
    assert_error(server.raw(auth=(fake_sid("AC"), server.auth_token)).get(FLEX_FLOWS), 401, 20003)


def test_write_with_wrong_auth_token_is_401_and_creates_nothing(server, raw):
    name = unique_name("unauthenticated")
    resp = server.raw(auth=(server.account_sid, random_auth_token())).post(FLEX_FLOWS, flow_form(name))
    assert_error(resp, 401, 20003)
    assert raw.get(FLEX_FLOWS, FriendlyName=name).json()["flex_flows"] == []


def test_library_with_wrong_auth_token_raises_401_20003(server):
    client = server.client(server.account_sid, random_auth_token())
    with pytest.raises(TwilioRestException) as exc_info:
        client.flex_api.v1.flex_flow.create(**flow_kwargs(unique_name("wrong token")))
    assert_rest_exception(exc_info, 401, 20003)
