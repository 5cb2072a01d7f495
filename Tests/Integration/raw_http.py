"""Plain HTTP access to the server with `requests`, for checks the library hides (status, exact JSON)."""

from typing import Optional, Tuple

import requests

TIMEOUT_S = 30
FLEX_FLOWS = "/flex-api/v1/FlexFlows"


def accounts_path(account_sid: Optional[str] = None) -> str:
    """The API 2010 path of the Accounts list, or of one account."""
    return "/api/2010-04-01/Accounts.json" if account_sid is None else f"/api/2010-04-01/Accounts/{account_sid}.json"


def keys_path(account_sid: str, key_sid: Optional[str] = None) -> str:
    """The API 2010 path of an account's Keys list, or of one key."""
    tail = "Keys.json" if key_sid is None else f"Keys/{key_sid}.json"
    return f"/api/2010-04-01/Accounts/{account_sid}/{tail}"


class RawApi:
    """HTTP Basic requests against the server in path-prefix form (`/flex-api/v1/...`, `/api/2010-04-01/...`)."""

    def __init__(self, base_url: str, auth: Optional[Tuple[str, str]]):
        """`auth` is (username, password), or None to send no credentials."""
        self.base_url = base_url.rstrip("/")
        self.auth = auth

    def url(self, path: str) -> str:
        """Absolute URL for a path, or the URL itself if already absolute."""
        return path if path.startswith("http") else self.base_url + path

    def get(self, path: str, **params) -> requests.Response:
        """GET with query parameters."""
        return requests.get(self.url(path), params=params or None, auth=self.auth, timeout=TIMEOUT_S)

    def post(self, path: str, form: dict) -> requests.Response:
        """POST a form-encoded body."""
        return requests.post(self.url(path), data=form, auth=self.auth, timeout=TIMEOUT_S)

    def delete(self, path: str) -> requests.Response:
        """DELETE."""
        return requests.delete(self.url(path), auth=self.auth, timeout=TIMEOUT_S)

    def create_flow(self, form: dict) -> dict:
        """POST a Flex Flow and return its JSON; fail unless 201."""
        resp = self.post(FLEX_FLOWS, form)
        assert resp.status_code == 201, f"create Flex Flow: HTTP {resp.status_code} {resp.text}"
        return resp.json()


def every_item(get, path: str, key: str, **params) -> list:
    """Every item of a list resource, following next_page_url; `get(path, **params)` sends one request."""
    resp = get(path, PageSize=1000, **params)
    items = []
    for _ in range(100):
        assert resp.status_code == 200, f"GET {path} {params}: HTTP {resp.status_code} {resp.text}"
        body = resp.json()
        items += body[key]
        if not body["meta"].get("next_page_url"):
            return items
        resp = get(body["meta"]["next_page_url"])
    raise AssertionError(f"GET {path}: more than 100 pages")
