"""The URL-rewriting twilio HTTP client, checked without the Switchboard binary."""

import base64

import pytest
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from echo_server import EchoServer
from switchboard_client import HOST_MODE, PATH_MODE, SwitchboardHttpClient, install, rewrite_url

BASE = "http://127.0.0.1:8080"
SID = "AC" + "0" * 32


@pytest.mark.parametrize("url, expected", [
    ("https://flex-api.twilio.com/v1/FlexFlows", f"{BASE}/flex-api/v1/FlexFlows"),
    ("https://api.twilio.com/2010-04-01/Accounts.json", f"{BASE}/api/2010-04-01/Accounts.json"),
    ("https://flex-api.twilio.com/v1/FlexFlows?PageSize=2&Page=1", f"{BASE}/flex-api/v1/FlexFlows?PageSize=2&Page=1"),
    (f"{BASE}/flex-api/v1/FlexFlows?PageSize=2&Page=1&PageToken=PAx", f"{BASE}/flex-api/v1/FlexFlows?PageSize=2&Page=1&PageToken=PAx"),
])
def test_path_mode_maps_twilio_domain_to_path_prefix_and_passes_local_urls(url, expected):
    assert rewrite_url(url, BASE, PATH_MODE) == (expected, None)


@pytest.mark.parametrize("url, expected, host", [
    ("https://flex-api.twilio.com/v1/FlexFlows", f"{BASE}/v1/FlexFlows", "flex-api.twilio.com"),
    ("http://flex-api.twilio.com/v1/FlexFlows?PageSize=2&Page=1", f"{BASE}/v1/FlexFlows?PageSize=2&Page=1", "flex-api.twilio.com"),
    ("https://api.twilio.com/2010-04-01/Accounts.json", f"{BASE}/2010-04-01/Accounts.json", "api.twilio.com"),
    (f"{BASE}/v1/FlexFlows", f"{BASE}/v1/FlexFlows", None),
])
def test_host_mode_keeps_path_and_sets_host_header(url, expected, host):
    assert rewrite_url(url, BASE, HOST_MODE) == (expected, host)


def test_rewrite_refuses_urls_outside_twilio_and_the_local_server():
    with pytest.raises(ValueError):
        rewrite_url("https://example.com/v1/FlexFlows", BASE)


def test_client_is_a_stock_twilio_http_client_subclass():
    assert isinstance(SwitchboardHttpClient(BASE), TwilioHttpClient)


@pytest.mark.parametrize("mode, path, host", [
    (PATH_MODE, "/flex-api/v1/FlexFlows?PageSize=5", None),
    (HOST_MODE, "/v1/FlexFlows?PageSize=5", "flex-api.twilio.com"),
])
def test_library_requests_reach_local_server_with_auth_and_host(mode, path, host):
    with EchoServer({"meta": {"key": "flex_flows", "next_page_url": None}, "flex_flows": []}) as echo:
        client = Client(SID, "token", http_client=SwitchboardHttpClient(echo.base_url, mode, timeout=10))
        assert client.flex_api.v1.flex_flow.list(page_size=5) == []
    [req] = echo.requests
    assert req["path"] == path
    assert req["host"] == (host or echo.base_url.split("//")[1])
    assert req["authorization"] == "Basic " + base64.b64encode(f"{SID}:token".encode()).decode()


def test_install_makes_unmodified_client_construction_use_switchboard():
    with EchoServer({"sid": "FO" + "1" * 32}) as echo:
        uninstall = install(echo.base_url)
        try:
            client = Client(SID, "token")
            assert isinstance(client.http_client, SwitchboardHttpClient)
            assert client.flex_api.v1.flex_flow("FO" + "1" * 32).fetch().sid == "FO" + "1" * 32
        finally:
            uninstall()
    assert echo.requests[0]["path"] == "/flex-api/v1/FlexFlows/FO" + "1" * 32
    assert type(Client(SID, "token").http_client) is TwilioHttpClient
