"""The sandbox's handsets, read and driven over raw HTTP."""

from urllib.parse import urlencode

from raw_http import RawApi

SANDBOX_MESSAGES = "/sandbox/v1/Messages"
SANDBOX_FAILURES = "/sandbox/v1/Failures"
OUTBOX = "/switchboard/v1/Outbox"


def handset(raw: RawApi, address: str) -> list:
    """What reached the handset at `address`, oldest first."""
    resp = raw.get(SANDBOX_MESSAGES, Address=address)
    assert resp.status_code == 200, resp.text
    return resp.json()["messages"]


def fail_deliveries(raw: RawApi, address: str, status: str = None, error_code: int = None) -> dict:
    """Make deliveries to `address` fail."""
    form = {"Address": address}
    if status:
        form["Status"] = status
    if error_code:
        form["ErrorCode"] = str(error_code)
    resp = raw.post(SANDBOX_FAILURES, form)
    assert resp.status_code == 201, resp.text
    return resp.json()


def clear_failures(raw: RawApi, address: str) -> None:
    """Let deliveries to `address` succeed again."""
    resp = raw.delete(SANDBOX_FAILURES + "?" + urlencode({"Address": address}))
    assert resp.status_code == 204, resp.text


def outbox(raw: RawApi, status: str = None) -> list:
    """The account's outbox entries, optionally in one status."""
    params = {"PageSize": "1000"}
    if status:
        params["Status"] = status
    resp = raw.get(OUTBOX, **params)
    assert resp.status_code == 200, resp.text
    return resp.json()["entries"]
