"""One request must never take the server down: client numbers that meet arithmetic, raw bytes, forwarded
headers, methods the route does not take, and old dates."""


import pytest
import requests

from assertions import assert_error
from factories import fake_sid, unique_name
from server_process import ServerProcess, clean_env

HUGE = "9223372036854775807"
TINY = "-9223372036854775808"


def assert_alive(server):
    """The server still answers, so the request before did not kill it."""
    assert server.process.proc.poll() is None, f"the server died\n{server.process.log_tail()}"
    assert requests.get(f"{server.base_url}/health", timeout=10).status_code == 200


@pytest.fixture(scope="module")
def parents(server):
    """One parent of each kind that nested lists hang from, in the bootstrap account."""
    raw = server.raw()
    workspace = raw.post("/taskrouter/v1/Workspaces", {"FriendlyName": unique_name("edges")}).json()["sid"]
    chat = raw.post("/chat/v2/Services", {"FriendlyName": unique_name("edges")}).json()["sid"]
    proxy = raw.post("/proxy/v1/Services", {"UniqueName": unique_name("edges")}).json()["sid"]
    conversation = raw.post("/conversations/v1/Conversations", {"FriendlyName": unique_name("edges")}).json()["sid"]
    return {"workspace": workspace, "chat": chat, "proxy": proxy, "conversation": conversation}


def list_paths(server, parents):
    """Every kind of list: v1 at the top and nested, and API 2010's envelope."""
    ws, chat, proxy, conv = parents["workspace"], parents["chat"], parents["proxy"], parents["conversation"]
    return [
        "/flex-api/v1/FlexFlows", "/flex-api/v1/Channels", "/proxy/v1/Services", "/chat/v2/Services",
        "/conversations/v1/Conversations", "/conversations/v1/Configuration/Addresses", "/content/v1/Content",
        "/taskrouter/v1/Workspaces", f"/taskrouter/v1/Workspaces/{ws}/Activities", f"/taskrouter/v1/Workspaces/{ws}/Tasks",
        f"/taskrouter/v1/Workspaces/{ws}/Workers", f"/taskrouter/v1/Workspaces/{ws}/Events",
        f"/taskrouter/v1/Workspaces/{ws}/TaskQueues", f"/taskrouter/v1/Workspaces/{ws}/Workflows",
        f"/taskrouter/v1/Workspaces/{ws}/TaskChannels", f"/chat/v2/Services/{chat}/Channels", f"/chat/v2/Services/{chat}/Users",
        f"/proxy/v1/Services/{proxy}/Sessions", f"/proxy/v1/Services/{proxy}/PhoneNumbers",
        f"/conversations/v1/Conversations/{conv}/Messages", f"/conversations/v1/Conversations/{conv}/Participants",
        "/switchboard/v1/Outbox",
        "/api/2010-04-01/Accounts.json", f"/api/2010-04-01/Accounts/{server.account_sid}/Keys.json",
        f"/api/2010-04-01/Accounts/{server.account_sid}/Messages.json",
    ]


def test_a_page_number_too_large_for_arithmetic_is_20001_on_every_list_and_the_server_lives(server, parents):
    raw = server.raw()
    for path in list_paths(server, parents):
        for page in (HUGE, "2147483648", "99999999999999999999999"):
            assert_error(raw.get(path, Page=page), 400, 20001)
            assert_error(raw.get(path, Page=page, PageSize="1000", PageToken="PA1"), 400, 20001)
        assert_alive(server)


def test_the_largest_page_number_accepted_answers_an_empty_page_with_links(server, parents):
    raw = server.raw()
    v1 = raw.get("/flex-api/v1/FlexFlows", Page="2147483647", PageSize="1000")
    assert v1.status_code == 200, v1.text
    assert v1.json()["flex_flows"] == [] and v1.json()["meta"]["page"] == 2147483647
    v2010 = raw.get(f"/api/2010-04-01/Accounts/{server.account_sid}/Messages.json", Page="2147483647", PageSize="1000",
                    PageToken="PA1")
    assert v2010.status_code == 200, v2010.text
    assert v2010.json()["start"] == 2147483647 * 1000
    assert_alive(server)


def test_extreme_numbers_in_numeric_parameters_never_answer_5xx_or_stop_the_server(server, parents):
    raw = server.raw()
    ws, proxy, conv = parents["workspace"], parents["proxy"], parents["conversation"]
    queue = raw.post(f"/taskrouter/v1/Workspaces/{ws}/TaskQueues", {"FriendlyName": unique_name("q")}).json()["sid"]
    workflow = raw.post(f"/taskrouter/v1/Workspaces/{ws}/Workflows", {
        "FriendlyName": unique_name("wf"),
        "Configuration": '{"task_routing":{"default_filter":{"queue":"%s"}}}' % queue}).json()["sid"]
    worker = raw.post(f"/taskrouter/v1/Workspaces/{ws}/Workers", {"FriendlyName": unique_name("w")}).json()["sid"]
    task = raw.post(f"/taskrouter/v1/Workspaces/{ws}/Tasks", {"WorkflowSid": workflow, "Attributes": "{}"}).json()["sid"]
    attempts = []
    for number in (HUGE, TINY, "99999999999999999999", "1e400"):
        attempts += [
            (f"/proxy/v1/Services/{proxy}/Sessions", {"Ttl": number}),
            (f"/proxy/v1/Services/{proxy}", {"DefaultTtl": number}),
            (f"/taskrouter/v1/Workspaces/{ws}/Tasks", {"WorkflowSid": workflow, "Timeout": number}),
            (f"/taskrouter/v1/Workspaces/{ws}/Tasks", {"WorkflowSid": workflow, "Priority": number}),
            (f"/taskrouter/v1/Workspaces/{ws}/Tasks/{task}", {"Timeout": number}),
            (f"/taskrouter/v1/Workspaces/{ws}/TaskQueues/{queue}", {"MaxReservedWorkers": number}),
            (f"/taskrouter/v1/Workspaces/{ws}/Workflows/{workflow}", {"TaskReservationTimeout": number}),
            (f"/taskrouter/v1/Workspaces/{ws}/Workers/{worker}/Channels/default", {"Capacity": number}),
            ("/flex-api/v1/FlexFlows", {"FriendlyName": "n", "ChatServiceSid": fake_sid("IS"), "ChannelType": "web",
                                        "IntegrationType": "task", "Integration.WorkspaceSid": ws,
                                        "Integration.WorkflowSid": workflow, "Integration.Timeout": number,
                                        "Integration.Priority": number, "Integration.RetryCount": number}),
            (f"/conversations/v1/Conversations/{conv}", {"Timers.Inactive": f"P{number.lstrip('-')}D"}),
            (f"/conversations/v1/Conversations/{conv}", {"Timers.Closed": f"PT{number.lstrip('-')}S"}),
        ]
    for path, form in attempts:
        resp = raw.post(path, form)
        assert resp.status_code < 500, f"POST {path} {form}: {resp.status_code} {resp.text}"
        assert_alive(server)
    for query in ({"Minutes": HUGE}, {"Minutes": TINY}, {"SplitByWaitTime": HUGE}):
        resp = raw.get(f"/taskrouter/v1/Workspaces/{ws}/CumulativeStatistics", **query)
        assert resp.status_code < 500, f"statistics {query}: {resp.status_code} {resp.text}"
        assert_alive(server)
    # The task those requests touched still reads back: nothing was stored that cannot be written out again.
    assert raw.get(f"/taskrouter/v1/Workspaces/{ws}/Tasks/{task}").status_code == 200
    assert raw.get(f"/proxy/v1/Services/{proxy}/Sessions").status_code == 200


def test_a_form_body_with_raw_invalid_utf8_is_refused_not_stored_with_replacement_characters(server):
    resp = requests.post(f"{server.base_url}/flex-api/v1/FlexFlows", auth=(server.account_sid, server.auth_token),
                         data=b"FriendlyName=caf\xe9&ChannelType=web",
                         headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
    assert_error(resp, 400, 20001)
    names = [flow["friendly_name"] for flow in server.raw().get("/flex-api/v1/FlexFlows", PageSize="1000").json()["flex_flows"]]
    assert not any("\ufffd" in name for name in names)


def test_forwarded_headers_from_an_untrusted_client_do_not_move_response_links(server):
    resp = requests.get(f"{server.base_url}/flex-api/v1/FlexFlows", auth=(server.account_sid, server.auth_token),
                        headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}, timeout=10)
    assert resp.status_code == 200
    assert "evil.example" not in resp.text
    assert resp.json()["meta"]["url"].startswith(server.base_url + "/flex-api/v1/FlexFlows")


def test_forwarded_headers_from_a_trusted_proxy_decide_response_links(switchboard_bin, tmp_path):
    account, token = fake_sid("AC"), "trusted-proxy-token"
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account, "SWITCHBOARD_AUTH_TOKEN": token})
    proxied = ServerProcess(switchboard_bin, tmp_path, ":memory:", env, name="proxied",
                            extra_args=["--trusted-proxies", "10.0.0.0/8, 127.0.0.1"]).start()
    try:
        resp = requests.get(f"{proxied.base_url}/flex-api/v1/FlexFlows", auth=(account, token), timeout=10,
                            headers={"X-Forwarded-Host": "switchboard.example.com", "X-Forwarded-Proto": "https"})
        assert resp.status_code == 200, resp.text
        assert resp.json()["meta"]["url"].startswith("https://switchboard.example.com/flex-api/v1/FlexFlows")
    finally:
        assert proxied.stop() == 0, proxied.log_tail()


def test_a_malformed_trusted_proxy_list_stops_serve_with_one_line(switchboard_bin, tmp_path):
    import subprocess
    run = subprocess.run([str(switchboard_bin), "serve", "--port", "0", "--database", ":memory:", "--trusted-proxies",
                          "10.0.0.0/33"], env=clean_env(), capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode != 0
    assert "10.0.0.0/33" in run.stderr and "Backtrace" not in run.stderr, run.stderr


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_a_method_the_route_does_not_take_is_405_20004(server, method):
    resp = requests.request(method, f"{server.base_url}/flex-api/v1/FlexFlows",
                            auth=(server.account_sid, server.auth_token), timeout=10)
    assert_error(resp, 405, 20004)
    resp = requests.request(method, f"{server.base_url}/taskrouter/v1/Workspaces/{fake_sid('WS')}",
                            auth=(server.account_sid, server.auth_token), timeout=10)
    assert_error(resp, 405, 20004)


def test_delete_on_a_list_is_405_and_an_unknown_path_is_still_404(server):
    auth = (server.account_sid, server.auth_token)
    assert_error(requests.delete(f"{server.base_url}/flex-api/v1/FlexFlows", auth=auth, timeout=10), 405, 20004)
    assert_error(requests.put(f"{server.base_url}/flex-api/v1/NoSuchThing", auth=auth, timeout=10), 404, 20404)


def test_head_answers_wherever_get_does_with_no_body(server):
    auth = (server.account_sid, server.auth_token)
    get = requests.get(f"{server.base_url}/flex-api/v1/FlexFlows", auth=auth, timeout=10)
    head = requests.head(f"{server.base_url}/flex-api/v1/FlexFlows", auth=auth, timeout=10)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Type"] == get.headers["Content-Type"]
    assert requests.head(f"{server.base_url}/health", timeout=10).status_code == 200
    assert requests.head(f"{server.base_url}/flex-api/v1/FlexFlows", timeout=10).status_code == 401


def test_years_below_one_thousand_are_written_with_four_digits(server, parents):
    stats = server.raw().get(f"/taskrouter/v1/Workspaces/{parents['workspace']}/CumulativeStatistics",
                             StartDate="0986-03-05T00:00:00Z", EndDate="0986-03-06T00:00:00Z")
    assert stats.status_code == 200, stats.text
    assert stats.json()["start_time"] == "0986-03-05T00:00:00Z"
    assert stats.json()["end_time"] == "0986-03-06T00:00:00Z"
