"""The API also answers at the root path when addressed by Twilio's Host header (flex-api.twilio.com)."""

from factories import flow_kwargs, unique_name


def test_host_header_mode_create_fetch_list_with_twilio_urls(host_client):
    name = unique_name("host mode")
    flow = host_client.flex_api.v1.flex_flow.create(**flow_kwargs(name))
    assert flow.url == f"http://flex-api.twilio.com/v1/FlexFlows/{flow.sid}"
    fetched = host_client.flex_api.v1.flex_flow(flow.sid).fetch()
    assert (fetched.sid, fetched.friendly_name, fetched.url) == (flow.sid, name, flow.url)
    assert [f.sid for f in host_client.flex_api.v1.flex_flow.list(friendly_name=name)] == [flow.sid]


def test_host_header_mode_paging_follows_twilio_host_next_page_urls(host_client):
    name = unique_name("host paging")
    sids = {host_client.flex_api.v1.flex_flow.create(**flow_kwargs(name)).sid for _ in range(3)}
    page = host_client.flex_api.v1.flex_flow.page(friendly_name=name, page_size=2)
    assert page.next_page_url.startswith("http://flex-api.twilio.com/v1/FlexFlows?")
    seen = {f.sid for f in host_client.flex_api.v1.flex_flow.list(friendly_name=name, page_size=2)}
    assert seen == sids


def test_path_mode_urls_start_with_base_url_and_domain_prefix(client, server):
    flow = client.flex_api.v1.flex_flow.create(**flow_kwargs(unique_name("path mode")))
    assert flow.url.startswith(f"{server.base_url}/flex-api/")
    assert client.flex_api.v1.flex_flow(flow.sid).fetch().url == flow.url


def test_host_header_mode_reaches_api_2010_accounts(host_client, server):
    account = host_client.api.v2010.accounts(server.account_sid).fetch()
    assert account.sid == server.account_sid
