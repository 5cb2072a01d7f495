"""Flex Flow list paging: page sizes, next/previous URLs, rows added while paging, PageSize limits."""

import pytest

from assertions import assert_error
from factories import flow_form, unique_name
from raw_http import FLEX_FLOWS


def create_flows(raw, name: str, count: int) -> list:
    """Create `count` flows named `name`; return their SIDs in creation order."""
    return [raw.create_flow(flow_form(name))["sid"] for _ in range(count)]


def raw_pages(raw, first_url: str, **params) -> list:
    """Follow meta.next_page_url from the first page to the last; return every page's JSON."""
    pages = [raw.get(first_url, **params).json()]
    while pages[-1]["meta"]["next_page_url"]:
        assert len(pages) < 20, "paging does not end"
        resp = raw.get(pages[-1]["meta"]["next_page_url"])
        assert resp.status_code == 200, resp.text
        pages.append(resp.json())
    return pages


def test_raw_next_page_url_chain_returns_every_flow_once_in_pages_of_3_3_1(raw, server):
    name = unique_name("paging raw")
    sids = create_flows(raw, name, 7)
    pages = raw_pages(raw, FLEX_FLOWS, FriendlyName=name, PageSize=3)

    assert [len(p["flex_flows"]) for p in pages] == [3, 3, 1]
    seen = [f["sid"] for p in pages for f in p["flex_flows"]]
    assert sorted(seen) == sorted(sids) and len(set(seen)) == 7
    assert pages[0]["meta"]["previous_page_url"] is None
    assert all(p["meta"]["previous_page_url"] for p in pages[1:])
    assert pages[-1]["meta"]["next_page_url"] is None
    back = raw.get(pages[1]["meta"]["previous_page_url"]).json()
    assert [f["sid"] for f in back["flex_flows"]] == [f["sid"] for f in pages[0]["flex_flows"]]
    assert [p["meta"]["page"] for p in pages] == [0, 1, 2]
    assert all(p["meta"]["page_size"] == 3 for p in pages)
    for page in pages:
        for url_key in ("url", "first_page_url", "next_page_url", "previous_page_url"):
            url = page["meta"][url_key]
            assert url is None or url.startswith(f"{server.base_url}/flex-api/v1/FlexFlows?"), url


def test_library_list_and_page_objects_return_every_flow_once_in_pages_of_3_3_1(raw, client):
    name = unique_name("paging library")
    sids = create_flows(raw, name, 7)

    listed = [f.sid for f in client.flex_api.v1.flex_flow.list(friendly_name=name, page_size=3)]
    assert sorted(listed) == sorted(sids) and len(listed) == 7

    page, sizes, seen = client.flex_api.v1.flex_flow.page(friendly_name=name, page_size=3), [], []
    while page is not None:
        records = list(page)
        sizes.append(len(records))
        seen += [r.sid for r in records]
        page = page.next_page()
    assert sizes == [3, 3, 1]
    assert sorted(seen) == sorted(sids)


def test_flows_created_while_paging_are_seen_exactly_once(raw):
    name = unique_name("paging growth")
    sids = create_flows(raw, name, 7)
    first = raw.get(FLEX_FLOWS, FriendlyName=name, PageSize=3).json()
    sids += create_flows(raw, name, 2)

    pages = [first] + raw_pages(raw, first["meta"]["next_page_url"])
    seen = [f["sid"] for p in pages for f in p["flex_flows"]]
    assert sorted(seen) == sorted(sids) and len(seen) == 9


@pytest.mark.parametrize("page_size", ["0", "1001", "-1", "abc"])
def test_page_size_outside_1_to_1000_is_400_20001(raw, page_size):
    assert_error(raw.get(FLEX_FLOWS, PageSize=page_size), 400, 20001)


def test_page_size_1000_is_accepted(raw):
    resp = raw.get(FLEX_FLOWS, PageSize=1000)
    assert resp.status_code == 200, resp.text
    assert resp.json()["meta"]["page_size"] == 1000


def test_default_page_size_is_50(raw):
    resp = raw.get(FLEX_FLOWS)
    assert resp.status_code == 200, resp.text
    assert resp.json()["meta"]["page_size"] == 50
    assert len(resp.json()["flex_flows"]) <= 50
