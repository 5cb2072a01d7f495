"""One account cannot see or touch another account's resources: it gets the same 404 as for nothing."""

from factories import fake_sid, flow_form, unique_name
from raw_http import FLEX_FLOWS, accounts_path, keys_path


def without_sid(body: dict, sid: str) -> dict:
    """The error body with `sid` in its message replaced by a placeholder, for comparing two 404s."""
    return {**body, "message": body["message"].replace(sid, "<sid>")}


def same_404(foreign, missing, foreign_sid: str, missing_sid: str) -> None:
    """Assert two responses are both 404 20404 with identical bodies apart from the SID named."""
    assert (foreign.status_code, missing.status_code) == (404, 404), (foreign.text, missing.text)
    assert foreign.json()["code"] == 20404
    assert without_sid(foreign.json(), foreign_sid) == without_sid(missing.json(), missing_sid)


def test_other_account_gets_same_404_as_nonexistent_for_fetch_update_delete(server, new_subaccount):
    a_sid, a_token = new_subaccount("isolation A")
    b_sid, b_token = new_subaccount("isolation B")
    a, b = server.raw(auth=(a_sid, a_token)), server.raw(auth=(b_sid, b_token))
    flow = a.create_flow(flow_form(unique_name("A's flow")))
    ghost = fake_sid("FO")

    for method, args in (("get", ()), ("post", ({"FriendlyName": "hijacked"},)), ("delete", ())):
        foreign = getattr(b, method)(f"{FLEX_FLOWS}/{flow['sid']}", *args)
        missing = getattr(b, method)(f"{FLEX_FLOWS}/{ghost}", *args)
        same_404(foreign, missing, flow["sid"], ghost)

    assert a.get(f"{FLEX_FLOWS}/{flow['sid']}").json() == flow


def test_other_accounts_flows_are_not_listed(server, new_subaccount):
    a_sid, a_token = new_subaccount("list A")
    b_sid, b_token = new_subaccount("list B")
    a, b = server.raw(auth=(a_sid, a_token)), server.raw(auth=(b_sid, b_token))
    name = unique_name("A only")
    a.create_flow(flow_form(name))

    assert b.get(FLEX_FLOWS, FriendlyName=name).json()["flex_flows"] == []
    assert all(f["account_sid"] == b_sid for f in b.get(FLEX_FLOWS, PageSize=1000).json()["flex_flows"])
    assert len(a.get(FLEX_FLOWS, FriendlyName=name).json()["flex_flows"]) == 1


def test_sibling_subaccount_is_404_like_a_nonexistent_account(server, new_subaccount):
    a_sid, _ = new_subaccount("sibling A")
    b_sid, b_token = new_subaccount("sibling B")
    b = server.raw(auth=(b_sid, b_token))
    ghost = fake_sid("AC")
    same_404(b.get(accounts_path(a_sid)), b.get(accounts_path(ghost)), a_sid, ghost)
    same_404(b.get(keys_path(a_sid)), b.get(keys_path(ghost)), a_sid, ghost)
    assert {acct["sid"] for acct in b.get(accounts_path()).json()["accounts"]} == {b_sid}
