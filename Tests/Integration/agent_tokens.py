"""Twilio Access Tokens for the agent desktop, minted as a Flex backend mints them, and requests that carry one."""

from typing import Optional

import requests
from twilio.jwt.access_token import AccessToken
from twilio.jwt.access_token.grants import ChatGrant, TaskRouterGrant

from raw_http import TIMEOUT_S, keys_path


def create_api_key(raw, account_sid: str, name: str = "agent desktop") -> tuple:
    """A new API key of the account, through the API: (sid, secret)."""
    resp = raw.post(keys_path(account_sid), {"FriendlyName": name})
    assert resp.status_code == 201, f"create API key: HTTP {resp.status_code} {resp.text}"
    body = resp.json()
    return body["sid"], body["secret"]


def mint_token(account_sid: str, key_sid: str, secret: str, workspace_sid: Optional[str], worker_sid: Optional[str],
               identity: str = "agent", ttl: int = 3600, task_router: bool = True, **token_args) -> str:
    """An Access Token with a TaskRouter grant for the worker and a Chat grant, as the `twilio` library makes it."""
    token = AccessToken(account_sid, key_sid, secret, identity=identity, ttl=ttl, **token_args)
    if task_router:
        token.add_grant(TaskRouterGrant(workspace_sid=workspace_sid, worker_sid=worker_sid, role="worker"))
    token.add_grant(ChatGrant(service_sid="IS" + "0" * 32))
    return token.to_jwt()


class BearerApi:
    """Requests in path-prefix form with `Authorization: Bearer <token>`, as the agent desktop sends them."""

    def __init__(self, base_url: str, token: str):
        """Requests to `base_url` carrying `token`."""
        self.base_url = base_url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params) -> requests.Response:
        """GET with query parameters."""
        return requests.get(self.base_url + path, params=params or None, headers=self.headers, timeout=TIMEOUT_S)

    def post(self, path: str, form: dict) -> requests.Response:
        """POST a form-encoded body."""
        return requests.post(self.base_url + path, data=form, headers=self.headers, timeout=TIMEOUT_S)

    def delete(self, path: str) -> requests.Response:
        """DELETE."""
        return requests.delete(self.base_url + path, headers=self.headers, timeout=TIMEOUT_S)
