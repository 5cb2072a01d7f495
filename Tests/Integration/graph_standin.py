"""A stand-in for Meta's Graph API on loopback, for the WhatsApp Cloud and Messenger connectors.

It records every request, answers the WhatsApp Cloud API's send and template endpoints as Meta documents them,
checks each WhatsApp request body against Meta's OpenAPI description in `../shared/meta-oai`, and posts webhooks
signed as Meta signs them. Tests add routes of their own and queue answers or failures.

    with GraphStandIn() as graph:
        graph.fail_next(r"/messages$", 503, times=1)
        ...
        graph.post_webhook(sender["inbound_url"], payload, app_secret)
"""

import base64
import copy
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple, Union
from urllib.parse import parse_qsl, urlsplit

from shared_data import shared_path

META_SPEC = "meta-oai/business-messaging-api_v23.0.yaml"

# What a route handler returns: a status with a JSON-able body, optionally with extra headers.
Answer = Union[Tuple[int, Any], Tuple[int, Any, Dict[str, str]]]


@dataclass
class GraphRequest:
    """One request the stand-in received."""

    method: str
    path: str
    query: Dict[str, str]
    headers: Dict[str, str]
    body: bytes
    json: Any = None
    violations: List[str] = field(default_factory=list)
    # What the stand-in answered; set just after the answer is decided, so a test may have to wait for it.
    answer_status: Optional[int] = None
    answer_body: Any = None

    def header(self, name: str) -> Optional[str]:
        """A header's value, compared case-insensitively."""
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)

    @property
    def bearer(self) -> Optional[str]:
        """The access token of `Authorization: Bearer …`, else the `access_token` query parameter."""
        value = self.header("Authorization") or ""
        if value.lower().startswith("bearer "):
            return value[7:].strip()
        return self.query.get("access_token")


def graph_error(message: str, code: int, error_type: str = "OAuthException", subcode: Optional[int] = None) -> dict:
    """A Graph API error body, as Meta answers failures."""
    error = {"message": message, "type": error_type, "code": code, "fbtrace_id": "A" + secrets.token_hex(10)}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


def signature(body: bytes, app_secret: str) -> str:
    """`X-Hub-Signature-256`'s value for `body`: `sha256=` and the hex HMAC-SHA256 keyed with the app secret."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def new_wamid() -> str:
    """A fresh WhatsApp message id, shaped like Meta's."""
    return "wamid." + base64.b64encode(b"\x15\x02\x00\x11\x18" + secrets.token_bytes(18)).decode()


class MetaSpec:
    """Meta's OpenAPI description of the WhatsApp Business APIs, loaded once, with request-body validation.

    OpenAPI's `allOf` of an object and another with `additionalProperties: false` means "these properties
    together" to Meta, not what JSON Schema says, and its `discriminator` picks one `oneOf` branch; the schemas are
    rewritten so that jsonschema checks what Meta means."""

    _loaded: Dict[str, "MetaSpec"] = {}

    def __init__(self, document: dict):
        """Index the operations of `document` by method and path pattern."""
        self.document = document
        self.operations: List[Tuple[str, Pattern, str, dict]] = []
        for template, item in document.get("paths", {}).items():
            pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")
            for method, operation in item.items():
                if method in ("get", "post", "put", "delete", "patch"):
                    self.operations.append((method.upper(), pattern, template, operation))
        # The most literal template wins: `/{Version}/{Phone-Number-ID}/messages` over `/{Version}/{Id}/{edge}`.
        self.operations.sort(key=lambda op: op[2].count("{"))

    @classmethod
    def load(cls) -> Optional["MetaSpec"]:
        """The spec from ../shared, or None when ../shared is absent."""
        path = shared_path(META_SPEC)
        if path is None:
            return None
        key = str(path)
        if key not in cls._loaded:
            import yaml  # schemathesis brings PyYAML into the test venv

            with open(path, encoding="utf-8") as handle:
                cls._loaded[key] = MetaSpec(yaml.safe_load(handle))
        return cls._loaded[key]

    def operation(self, method: str, path: str) -> Optional[Tuple[str, dict]]:
        """The (path template, operation) that `method path` is, if the spec has it."""
        for op_method, pattern, template, operation in self.operations:
            if op_method == method and pattern.match(path):
                return template, operation
        return None

    def schema(self, name: str) -> dict:
        """`components.schemas[name]` as plain JSON Schema."""
        return self.to_json_schema(self.document["components"]["schemas"][name])

    def example(self, name: str) -> Any:
        """A deep copy of the `example` of schema `name` (or of its `allOf` part that has one)."""
        node = self.document["components"]["schemas"][name]
        if "example" in node:
            return copy.deepcopy(node["example"])
        for part in node.get("allOf", []):
            if "example" in part:
                return copy.deepcopy(part["example"])
        raise LookupError(f"schema {name} has no example")

    def schema_violations(self, name: str, instance: Any) -> List[str]:
        """Everything wrong with `instance` as schema `name`, such as a webhook payload against `WebhookPayload`."""
        import jsonschema

        validator = jsonschema.Draft202012Validator(self.schema(name))
        return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}" for error in validator.iter_errors(instance)]

    def request_schema(self, method: str, path: str) -> Optional[dict]:
        """The JSON request body schema of the operation `method path`, or None when it has none."""
        found = self.operation(method, path)
        if not found:
            return None
        body = (found[1].get("requestBody") or {}).get("content", {}).get("application/json")
        return self.to_json_schema(body["schema"]) if body and "schema" in body else None

    def violations(self, method: str, path: str, body: Any) -> List[str]:
        """Everything wrong with `body` as the request body of `method path`."""
        import jsonschema

        schema = self.request_schema(method, path)
        if schema is None:
            return [f"{method} {path} is not an operation of Meta's spec with a JSON body"]
        validator = jsonschema.Draft202012Validator(schema)
        return [f"{'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message}"
                for error in validator.iter_errors(body)]

    def resolve(self, ref: str) -> dict:
        """The node a local `$ref` names."""
        node: Any = self.document
        for part in ref.lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def to_json_schema(self, node: Any, seen: Tuple[str, ...] = ()) -> Any:
        """`node` with `$ref`s inlined (a recursive one left open), `allOf` merged and `discriminator` applied."""
        if isinstance(node, list):
            return [self.to_json_schema(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            ref = node["$ref"]
            return {} if ref in seen else self.to_json_schema(self.resolve(ref), seen + (ref,))
        if "discriminator" in node and "mapping" in node["discriminator"]:
            return self.discriminated(node, seen)
        if "allOf" in node:
            return self.merged([self.to_json_schema(part, seen) for part in node["allOf"]],
                               {k: v for k, v in node.items() if k != "allOf"}, seen)
        skipped = ("discriminator", "example", "examples", "description", "nullable")
        out = {k: self.to_json_schema(v, seen) for k, v in node.items()
               if k not in skipped and not k.startswith("x-")}
        if "properties" in node:
            out["properties"] = {k: self.to_json_schema(v, seen) for k, v in node["properties"].items()}
        if node.get("nullable") and "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else [*out["type"], "null"]
        return out

    def merged(self, parts: List[dict], rest: dict, seen: Tuple[str, ...]) -> dict:
        """One object schema from `allOf` parts: their properties and requirements together; additional
        properties refused when any part refuses them."""
        out: Dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        closed = False
        others: List[dict] = []
        for part in parts + [self.to_json_schema(rest, seen)]:
            out["properties"].update(part.get("properties", {}))
            out["required"] += [r for r in part.get("required", []) if r not in out["required"]]
            closed = closed or part.get("additionalProperties") is False
            extra = {k: v for k, v in part.items() if k not in ("type", "properties", "required", "additionalProperties")}
            if extra:
                others.append(extra)
        if closed:
            out["additionalProperties"] = False
        if others:
            out["allOf"] = others
        return out

    def discriminated(self, node: dict, seen: Tuple[str, ...]) -> dict:
        """A `oneOf` with a discriminator as an if/then per mapped value, so only the named branch is checked."""
        name = node["discriminator"]["propertyName"]
        branches = []
        for value, ref in node["discriminator"]["mapping"].items():
            target = {} if ref in seen else self.to_json_schema(self.resolve(ref), seen + (ref,))
            branches.append({"if": {"properties": {name: {"const": value}}, "required": [name]}, "then": target})
        values = list(node["discriminator"]["mapping"])
        return {"type": "object", "required": [name], "properties": {name: {"enum": values}}, "allOf": branches}


class GraphStandIn:
    """Meta's Graph API on a loopback port.

    - Built in: `POST /{version}/{phone-number-id}/messages` answers a fresh wamid; `POST
      /{version}/{waba-id}/message_templates` answers `{id, status: PENDING, category}`. Both check the bearer
      token (when `access_tokens` is not empty) and the body against Meta's spec.
    - `add_route(method, path_regex, handler, validate=False)`: `handler(request)` returns `(status, body)` or
      `(status, body, headers)`; later routes win. `validate=True` checks the body against Meta's spec too.
    - `fail_next(path_regex, status, body=None, times=1)` and `answer_next(...)`: queued answers, used before
      any route, in the order queued.
    - `requests` and `violations` record what came; `post_webhook` posts a signed webhook.
    """

    def __init__(self, access_tokens: Optional[List[str]] = None, spec: Optional[MetaSpec] = None, port: int = 0,
                 check_spec: bool = True):
        """Bind a loopback port (a free one by default); `access_tokens` are the tokens taken (any when empty);
        `check_spec=False` skips the spec check, which a benchmark would otherwise be measuring."""
        self.spec = (spec if spec is not None else MetaSpec.load()) if check_spec else None
        self.access_tokens = set(access_tokens or [])
        self.requests: List[GraphRequest] = []
        self.violations: List[str] = []
        self.routes: List[Tuple[str, Pattern, Callable[[GraphRequest], Answer], bool]] = []
        self.queued: List[list] = []  # [method or None, pattern, status, body, times left]
        self.templates: List[dict] = []
        self.lock = threading.Lock()
        self.add_route("POST", r"^/v[0-9.]+/[^/]+/messages$", self.whatsapp_send, validate=True)
        self.add_route("POST", r"^/v[0-9.]+/[^/]+/message_templates$", self.whatsapp_template, validate=True)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            """Hands every request to the stand-in."""

            protocol_version = "HTTP/1.1"

            def handle_any(self):
                """Read, record, answer."""
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = GraphRequest(self.command, parts.path, dict(parse_qsl(parts.query)), dict(self.headers.items()), body)
                status, answer, headers = outer.answer(request)
                request.answer_status, request.answer_body = status, answer
                data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = do_PUT = handle_any

            def log_message(self, *args):
                """Stay quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    # --- lifecycle ---------------------------------------------------------------------------------------------

    def start(self) -> "GraphStandIn":
        """Start serving."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "GraphStandIn":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- scripting ---------------------------------------------------------------------------------------------

    def add_route(self, method: str, path_regex: str, handler: Callable[[GraphRequest], Answer], validate: bool = False) -> None:
        """Answer `method` requests whose path matches `path_regex` with `handler`; later routes come first."""
        with self.lock:
            self.routes.insert(0, (method.upper(), re.compile(path_regex), handler, validate))

    def fail_next(self, path_regex: str, status: int, body: Any = None, times: int = 1, method: Optional[str] = None) -> None:
        """The next `times` requests to a matching path fail with `status` and `body` (a Graph error by default)."""
        if body is None:
            body = graph_error("An unexpected error has occurred. Please retry your request later.", 2, "OAuthException")
        self.answer_next(path_regex, status, body, times, method)

    def answer_next(self, path_regex: str, status: int, body: Any, times: int = 1, method: Optional[str] = None) -> None:
        """The next `times` requests to a matching path get `status` and `body` instead of the route's answer."""
        with self.lock:
            self.queued.append([method.upper() if method else None, re.compile(path_regex), status, body, times])

    # --- what came ---------------------------------------------------------------------------------------------

    def received(self, path_regex: str = "", method: Optional[str] = None) -> List[GraphRequest]:
        """The requests so far whose path matches `path_regex` (and method, when given)."""
        pattern = re.compile(path_regex)
        with self.lock:
            return [r for r in self.requests if pattern.search(r.path) and (method is None or r.method == method.upper())]

    def wait_for(self, path_regex: str, count: int = 1, timeout: float = 15.0, method: Optional[str] = None) -> List[GraphRequest]:
        """The matching requests once there are at least `count` of them; raise after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.received(path_regex, method)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} request(s) to {path_regex}, got {len(found)}: "
                                     f"{[(r.method, r.path) for r in self.received()]}")
            time.sleep(0.05)

    # --- answering ---------------------------------------------------------------------------------------------

    def answer(self, request: GraphRequest) -> Tuple[int, Any, Dict[str, str]]:
        """Record `request` and decide its answer: spec violations first, then queued answers, then routes."""
        if request.body:
            try:
                request.json = json.loads(request.body)
            except ValueError:
                request.json = None
        with self.lock:
            self.requests.append(request)
            route = next(((handler, validate) for method, pattern, handler, validate in self.routes
                          if method == request.method and pattern.search(request.path)), None)
        if route and route[1]:
            request.violations = self.check(request)
            if request.violations:
                with self.lock:
                    self.violations += [f"{request.method} {request.path}: {v}" for v in request.violations]
                return 400, graph_error("(#100) " + "; ".join(request.violations)[:900], 100), {}
        with self.lock:
            for entry in self.queued:
                if entry[4] > 0 and (entry[0] is None or entry[0] == request.method) and entry[1].search(request.path):
                    entry[4] -= 1
                    return entry[2], entry[3], {}
        if route is None:
            with self.lock:
                self.violations.append(f"{request.method} {request.path}: no such endpoint on the stand-in")
            return 400, graph_error(f"Unknown path components: {request.path}", 2500), {}
        answered = route[0](request)
        return (answered[0], answered[1], answered[2] if len(answered) > 2 else {})

    def check(self, request: GraphRequest) -> List[str]:
        """What is wrong with a WhatsApp request: no JSON body, a body against the spec."""
        problems = []
        if not (request.header("Content-Type") or "").lower().startswith("application/json"):
            problems.append(f"Content-Type is {request.header('Content-Type')!r}, not application/json")
        if request.json is None:
            return problems + ["the body is not JSON"]
        if self.spec is not None:
            problems += self.spec.violations(request.method, request.path, request.json)
        return problems

    def authorised(self, request: GraphRequest) -> Optional[Answer]:
        """None when the bearer token is taken, else Meta's answer for an invalid token (190)."""
        token = request.bearer
        if token and (not self.access_tokens or token in self.access_tokens):
            return None
        return 401, graph_error("Error validating access token: Session has expired.", 190, subcode=463)

    def whatsapp_send(self, request: GraphRequest) -> Answer:
        """`POST /{version}/{phone-number-id}/messages`: a fresh wamid, as Meta answers a send."""
        refused = self.authorised(request)
        if refused:
            return refused
        to = request.json.get("to", "")
        return 200, {"messaging_product": "whatsapp", "contacts": [{"input": to, "wa_id": to}],
                     "messages": [{"id": new_wamid()}]}

    def whatsapp_template(self, request: GraphRequest) -> Answer:
        """`POST /{version}/{waba-id}/message_templates`: the template is kept, pending review."""
        refused = self.authorised(request)
        if refused:
            return refused
        template = {"id": str(secrets.randbelow(10 ** 15) + 10 ** 15), "status": "PENDING",
                    "category": request.json.get("category"), "request": request.json}
        with self.lock:
            self.templates.append(template)
        return 200, {k: template[k] for k in ("id", "status", "category")}

    # --- webhooks ----------------------------------------------------------------------------------------------

    @staticmethod
    def post_webhook(url: str, payload: Any, app_secret: str, signature_header: Optional[str] = None,
                     timeout: float = 15.0) -> Tuple[int, str]:
        """POST `payload` (JSON-able, or raw bytes) to `url` signed with `app_secret` as Meta signs; a given
        `signature_header` is sent instead. Returns the status and body text."""
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {"Content-Type": "application/json", "User-Agent": "facebookexternalua",
                   "X-Hub-Signature-256": signature_header if signature_header is not None else signature(body, app_secret)}
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    @staticmethod
    def verify(url: str, verify_token: str, challenge: str, mode: str = "subscribe", timeout: float = 15.0) -> Tuple[int, str]:
        """Meta's verification GET to `url`; returns the status and body text."""
        from urllib.parse import urlencode

        query = urlencode({"hub.mode": mode, "hub.verify_token": verify_token, "hub.challenge": challenge})
        try:
            with urllib.request.urlopen(url + ("&" if "?" in url else "?") + query, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def whatsapp_webhook(phone_number_id: str, display_phone_number: str, value: dict, field_name: str = "messages",
                     waba_id: str = "102290129340398") -> dict:
    """A WhatsApp Business Account webhook carrying one change, as Meta posts it."""
    value = dict(value)
    if field_name == "messages":
        value.setdefault("messaging_product", "whatsapp")
        value.setdefault("metadata", {"display_phone_number": display_phone_number, "phone_number_id": phone_number_id})
    return {"object": "whatsapp_business_account",
            "entry": [{"id": waba_id, "changes": [{"value": value, "field": field_name}]}]}


def main() -> None:
    """Serve the stand-in until interrupted, for `switchboard-bench senders`."""
    import argparse
    parser = argparse.ArgumentParser(description="A stand-in for Meta's Graph API on loopback.")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--check-spec", action="store_true", help="check each request against ../shared/meta-oai")
    arguments = parser.parse_args()
    graph = GraphStandIn(port=arguments.port, check_spec=arguments.check_spec)
    print(f"stand-in Graph API at {graph.base_url}", flush=True)
    try:
        graph.httpd.serve_forever()
    except KeyboardInterrupt:
        graph.httpd.server_close()


if __name__ == "__main__":
    main()
