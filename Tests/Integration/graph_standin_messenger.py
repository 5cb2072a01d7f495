"""Messenger's Send API on the Graph stand-in, and page webhooks shaped as Meta's Messenger Platform documents them.

Meta publishes no OpenAPI description of the Messenger Platform (`../shared/meta-oai` covers WhatsApp), so each
Send API request is checked here against the documented shape: the page token as Bearer (or `access_token`),
`recipient.id`, `messaging_type` (and `tag` for `MESSAGE_TAG`), and `message` holding exactly one of `text` or
`attachment` (`type` image/video/audio/file, `payload.url`).

    graph = GraphStandIn().start()
    messenger = MessengerSendApi(graph, page_tokens=[token])
    ...
    messenger.sent()  # the Send API requests so far
"""

import secrets
import time
from typing import Any, Dict, List, Optional, Tuple

from graph_standin import GraphRequest, GraphStandIn, graph_error

SEND_PATH = r"^/v[0-9.]+/me/messages$"
MESSAGING_TYPES = {"RESPONSE", "UPDATE", "MESSAGE_TAG"}
TAGS = {"HUMAN_AGENT", "ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE"}
ATTACHMENT_TYPES = {"image", "video", "audio", "file"}


def new_mid() -> str:
    """A fresh Messenger message id, shaped like Meta's `m_…`."""
    return "m_" + secrets.token_urlsafe(40)


def send_api_problems(request: GraphRequest) -> List[str]:
    """What is wrong with a Send API request, as Meta's Messenger Platform reference describes one."""
    problems = []
    if not (request.header("Content-Type") or "").lower().startswith("application/json"):
        problems.append(f"Content-Type is {request.header('Content-Type')!r}, not application/json")
    body = request.json
    if not isinstance(body, dict):
        return problems + ["the body is not a JSON object"]
    unknown = set(body) - {"recipient", "messaging_type", "tag", "message", "notification_type"}
    if unknown:
        problems.append(f"unknown fields {sorted(unknown)}")
    recipient = body.get("recipient")
    if not (isinstance(recipient, dict) and isinstance(recipient.get("id"), str) and recipient["id"]):
        problems.append("recipient.id is missing")
    messaging_type = body.get("messaging_type")
    if messaging_type not in MESSAGING_TYPES:
        problems.append(f"messaging_type is {messaging_type!r}")
    if messaging_type == "MESSAGE_TAG" and body.get("tag") not in TAGS:
        problems.append(f"MESSAGE_TAG needs a tag; got {body.get('tag')!r}")
    if messaging_type != "MESSAGE_TAG" and "tag" in body:
        problems.append("tag is given without messaging_type MESSAGE_TAG")
    message = body.get("message")
    if not isinstance(message, dict) or len({"text", "attachment"} & set(message)) != 1:
        return problems + ["message must hold exactly one of text and attachment"]
    if "text" in message and not (isinstance(message["text"], str) and message["text"]):
        problems.append("message.text is empty")
    if "attachment" in message:
        attachment = message["attachment"]
        if not isinstance(attachment, dict) or attachment.get("type") not in ATTACHMENT_TYPES:
            problems.append(f"message.attachment.type is not one of {sorted(ATTACHMENT_TYPES)}")
        elif not isinstance(attachment.get("payload"), dict) or not str(attachment["payload"].get("url", "")).startswith("http"):
            problems.append("message.attachment.payload.url is missing")
    return problems


class MessengerSendApi:
    """`POST /{version}/me/messages` on a Graph stand-in: checks each request, then answers a fresh `message_id`."""

    def __init__(self, graph: GraphStandIn, page_tokens: Optional[List[str]] = None):
        """Add the route to `graph`; `page_tokens` are the tokens taken (any when empty)."""
        self.graph = graph
        self.page_tokens = set(page_tokens or [])
        self.answers: List[Tuple[GraphRequest, str]] = []  # each answered request with the message_id it got
        graph.add_route("POST", SEND_PATH, self.send)

    def send(self, request: GraphRequest) -> tuple:
        """Meta's answer to one Send API request."""
        token = request.bearer
        if not token or (self.page_tokens and token not in self.page_tokens):
            return 401, graph_error("Error validating access token: Session has expired.", 190, subcode=463)
        problems = send_api_problems(request)
        if problems:
            with self.graph.lock:
                self.graph.violations += [f"{request.method} {request.path}: {p}" for p in problems]
            return 400, graph_error("(#100) " + "; ".join(problems)[:900], 100)
        mid = new_mid()
        with self.graph.lock:
            self.answers.append((request, mid))
        return 200, {"recipient_id": request.json["recipient"]["id"], "message_id": mid}

    def mid_of(self, request: GraphRequest) -> str:
        """The `message_id` `request` was answered with."""
        with self.graph.lock:
            return next(mid for answered, mid in self.answers if answered is request)

    def sent(self) -> List[GraphRequest]:
        """The Send API requests so far, answered or not."""
        return self.graph.received(SEND_PATH, "POST")

    def wait_for(self, count: int = 1, timeout: float = 15.0) -> List[GraphRequest]:
        """The Send API requests once there are at least `count`."""
        return self.graph.wait_for(SEND_PATH, count, timeout, "POST")


def milliseconds(at: Optional[float] = None) -> int:
    """A Messenger timestamp: milliseconds since 1970."""
    return int((time.time() if at is None else at) * 1000)


def page_webhook(page_id: str, *events: dict) -> dict:
    """A page webhook carrying `events` in one entry, as Meta posts it."""
    return {"object": "page", "entry": [{"id": page_id, "time": milliseconds(), "messaging": list(events)}]}


def message_event(psid: str, page_id: str, text: Optional[str] = None, mid: Optional[str] = None,
                  attachments: Optional[List[str]] = None) -> dict:
    """A customer's message to the page: its text, and attachments by URL."""
    message: Dict[str, Any] = {"mid": mid or new_mid()}
    if text is not None:
        message["text"] = text
    if attachments:
        message["attachments"] = [{"type": "image", "payload": {"url": url}} for url in attachments]
    return {"sender": {"id": psid}, "recipient": {"id": page_id}, "timestamp": milliseconds(), "message": message}


def delivery_event(psid: str, page_id: str, mids: List[str], watermark: Optional[int] = None) -> dict:
    """Meta's `message_deliveries`: the messages named, and everything sent up to the watermark, were delivered."""
    return {"sender": {"id": psid}, "recipient": {"id": page_id},
            "delivery": {"mids": mids, "watermark": watermark or milliseconds()}}


def read_event(psid: str, page_id: str, watermark: Optional[int] = None) -> dict:
    """Meta's `message_reads`: everything sent up to the watermark was read."""
    return {"sender": {"id": psid}, "recipient": {"id": page_id}, "timestamp": milliseconds(),
            "read": {"watermark": watermark or milliseconds()}}
