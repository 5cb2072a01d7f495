"""A loopback HTTP endpoint that records the webhooks Switchboard sends and answers as a test scripts it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Tuple, Union
from urllib.parse import parse_qsl


class WebhookReceiver:
    """Records every request; `answer(request, earlier_with_same_token)` gives the HTTP status (default 204), or a
    (status, JSON body) pair."""

    def __init__(self, answer: Callable[[dict, int], Union[int, Tuple[int, str]]] = None):
        """Bind to a free loopback port."""
        self.requests: List[dict] = []
        self.answer = answer or (lambda request, earlier: 204)
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            """Record the request, then answer with the scripted status."""

            def do_POST(self):
                """Record and answer."""
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                request = {
                    "method": self.command, "path": self.path, "headers": dict(self.headers.items()),
                    "body": body, "form": dict(parse_qsl(body, keep_blank_values=True)),
                    "token": self.headers.get("I-Twilio-Idempotency-Token"),
                    "signature": self.headers.get("X-Twilio-Signature"),
                }
                with outer.lock:
                    earlier = sum(1 for r in outer.requests if r["token"] == request["token"])
                    outer.requests.append(request)
                answered = outer.answer(request, earlier)
                status, body = answered if isinstance(answered, tuple) else (answered, "")
                data = body.encode()
                self.send_response(status)
                if data:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST

            def log_message(self, *args):
                """Stay quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str = "/hook") -> str:
        """The URL of `path` on this receiver."""
        return self.base_url + path

    def snapshot(self) -> List[dict]:
        """The requests so far."""
        with self.lock:
            return list(self.requests)

    def by_token(self) -> Dict[str, List[dict]]:
        """The requests so far, grouped by idempotency token."""
        groups: Dict[str, List[dict]] = {}
        for request in self.snapshot():
            groups.setdefault(request["token"], []).append(request)
        return groups

    def __enter__(self) -> "WebhookReceiver":
        """Start serving in a background thread."""
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        """Stop serving and close the socket."""
        self.httpd.shutdown()
        self.httpd.server_close()
