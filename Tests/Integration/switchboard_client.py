"""A twilio-python HTTP client that sends every request to a local Switchboard server.

Two modes:
- ``path`` (default): ``https://<domain>.twilio.com/<rest>`` -> ``<base>/<domain>/<rest>``.
- ``host``: ``https://<domain>.twilio.com/<rest>`` -> ``<base>/<rest>`` with ``Host: <domain>.twilio.com``.

URLs that already point at the local server (the server's own paging URLs) pass through.
"""

from typing import Callable, Optional, Tuple
from urllib.parse import urlsplit, urlunsplit

import twilio.base.client_base as _client_base
from twilio.http.http_client import TwilioHttpClient

PATH_MODE = "path"
HOST_MODE = "host"
MODES = (PATH_MODE, HOST_MODE)
TWILIO_SUFFIX = ".twilio.com"


def rewrite_url(url: str, base_url: str, mode: str = PATH_MODE) -> Tuple[str, Optional[str]]:
    """Map a Twilio or local URL to (url to send, Host header to set or None)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {MODES}")
    base = urlsplit(base_url.rstrip("/"))
    target = urlsplit(url)
    if (target.scheme, target.netloc) == (base.scheme, base.netloc):
        return url, None
    host = (target.hostname or "").lower()
    if not host.endswith(TWILIO_SUFFIX) or host == TWILIO_SUFFIX[1:]:
        raise ValueError(f"refusing to send a request outside Switchboard: {url}")
    domain = host[: -len(TWILIO_SUFFIX)]
    prefix = f"{base.path}/{domain}" if mode == PATH_MODE else base.path
    rewritten = urlunsplit((base.scheme, base.netloc, prefix + target.path, target.query, target.fragment))
    return rewritten, (target.netloc if mode == HOST_MODE else None)


class SwitchboardHttpClient(TwilioHttpClient):
    """The stock TwilioHttpClient, except that request URLs are rewritten to a local server."""

    def __init__(self, base_url: str, mode: str = PATH_MODE, **kwargs):
        """Keep the stock client's options; remember where Switchboard listens and how to address it."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {MODES}")
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.mode = mode

    def request(self, method, url, params=None, data=None, headers=None, auth=None,
                timeout=None, allow_redirects=False):
        """Rewrite the URL (and Host header in host mode), then send exactly as the stock client."""
        new_url, host = rewrite_url(url, self.base_url, self.mode)
        if host is not None:
            headers = dict(headers or {})
            headers["Host"] = host
        return super().request(method, new_url, params=params, data=data, headers=headers,
                               auth=auth, timeout=timeout, allow_redirects=allow_redirects)


def install(base_url: str, mode: str = PATH_MODE, timeout: Optional[float] = 30) -> Callable[[], None]:
    """Make every Client built without an http_client use Switchboard; return an uninstall function."""
    original = _client_base.TwilioHttpClient

    def factory(**kwargs):
        """Build the Switchboard client where twilio would build its default TwilioHttpClient."""
        kwargs.setdefault("timeout", timeout)
        return SwitchboardHttpClient(base_url, mode, **kwargs)

    _client_base.TwilioHttpClient = factory

    def uninstall():
        """Restore twilio's default HTTP client."""
        _client_base.TwilioHttpClient = original

    return uninstall
