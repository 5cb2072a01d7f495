"""A second `switchboard serve` playing Twilio for the Twilio connector's tests, and what a test sets up on both sides."""

import json
import random
import signal
from dataclasses import dataclass

import requests
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from factories import fake_sid, random_auth_token, unique_name
from raw_http import RawApi
from server_process import ServerProcess, clean_env
from switchboard_client import PATH_MODE, SwitchboardHttpClient

SENDERS = "/switchboard/v1/Senders"


@dataclass
class Peer:
    """The peer server and its bootstrap account, which the sender's settings name."""

    process: ServerProcess
    account_sid: str
    auth_token: str

    @property
    def base_url(self) -> str:
        """Where the peer listens."""
        return self.process.base_url

    @property
    def api_base_url(self) -> str:
        """The sender's `base_url`: the peer's API 2010 under its `/api` path prefix."""
        return self.base_url + "/api"

    def raw(self) -> RawApi:
        """Raw HTTP on the peer with its bootstrap credentials."""
        return RawApi(self.base_url, (self.account_sid, self.auth_token))

    def client(self) -> Client:
        """A twilio Client for the peer's bootstrap account."""
        return Client(self.account_sid, self.auth_token, http_client=SwitchboardHttpClient(self.base_url, PATH_MODE, timeout=30))


def start_peer(binary, workdir) -> Peer:
    """A peer on its own SQLite database that may call loopback webhooks (our inbound URLs) and links under its URL."""
    account_sid, auth_token = fake_sid("AC"), random_auth_token()
    env = clean_env({"SWITCHBOARD_ACCOUNT_SID": account_sid, "SWITCHBOARD_AUTH_TOKEN": auth_token})
    process = ServerProcess(binary, workdir, str(workdir / "peer.sqlite"), env, name="twilio-peer")
    process.extra_args = ["--allow-private-webhooks", "--public-url", process.base_url]
    return Peer(process.start(), account_sid, auth_token)


def stop_peer(peer: Peer) -> int:
    """SIGTERM the peer; its exit code."""
    return peer.process.stop(signal.SIGTERM)


def business_number() -> str:
    """A fresh toll-free number for a sender, so tests never share a sender, a binding or a peer number."""
    return "+1800" + "".join(random.choice("0123456789") for _ in range(7))


def create_sender(raw: RawApi, address: str, settings: dict) -> dict:
    """A Twilio sender on SMS at `address` on our server; its JSON."""
    resp = raw.post(SENDERS, {"Address": address, "Channel": "sms", "Connector": "twilio",
                              "FriendlyName": unique_name("twilio sender"), "Settings": json.dumps(settings)})
    assert resp.status_code == 201, f"create sender: HTTP {resp.status_code} {resp.text}"
    return resp.json()


def fetch_sender(raw: RawApi, sid: str) -> dict:
    """The sender's JSON as fetched."""
    resp = raw.get(f"{SENDERS}/{sid}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def signature(auth_token: str, url: str, form: dict) -> str:
    """Twilio's `X-Twilio-Signature` of `form` posted to `url`."""
    return RequestValidator(auth_token).compute_signature(url, form)


def post_signed(url: str, form: dict, auth_token: str, signature_text: str = None) -> requests.Response:
    """Post `form` to `url` as Twilio does, signed with `auth_token` unless `signature_text` is given."""
    signed = signature(auth_token, url, form) if signature_text is None else signature_text
    headers = {"X-Twilio-Signature": signed} if signed else {}
    return requests.post(url, data=form, headers=headers, timeout=30)


def inbound_form(account_sid: str, customer: str, business: str, body: str, message_sid: str = None) -> dict:
    """The parameters Twilio posts to a number's SmsUrl for a customer's text."""
    sid = message_sid or fake_sid("SM")
    return {"ToCountry": "US", "SmsMessageSid": sid, "NumMedia": "0", "SmsSid": sid, "SmsStatus": "received",
            "Body": body, "To": business, "NumSegments": "1", "MessageSid": sid, "AccountSid": account_sid,
            "From": customer, "ApiVersion": "2010-04-01"}


def status_form(account_sid: str, message_sid: str, status: str, error_code: str = None) -> dict:
    """The parameters Twilio posts to a message's StatusCallback."""
    form = {"AccountSid": account_sid, "ApiVersion": "2010-04-01", "MessageSid": message_sid, "SmsSid": message_sid,
            "MessageStatus": status, "SmsStatus": status}
    if error_code:
        form["ErrorCode"] = error_code
    return form
