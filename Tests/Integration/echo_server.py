"""A tiny local HTTP server that records each request and answers with fixed JSON, for client tests."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import List


class EchoServer:
    """Records (method, path, Host, Authorization, body) of every request; answers 200 `{}` by default."""

    def __init__(self, reply: dict = None):
        """Bind to a free loopback port; `reply` is the JSON every request gets."""
        self.requests: List[dict] = []
        self.reply = reply if reply is not None else {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            """Record the request and reply with `outer.reply`."""

            def _handle(self):
                """Shared handler for every method."""
                length = int(self.headers.get("Content-Length") or 0)
                outer.requests.append({
                    "method": self.command, "path": self.path, "host": self.headers.get("Host"),
                    "authorization": self.headers.get("Authorization"),
                    "body": self.rfile.read(length).decode() if length else "",
                })
                payload = json.dumps(outer.reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = _handle

            def log_message(self, *args):
                """Stay quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "EchoServer":
        """Start serving in a background thread."""
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        """Stop serving and close the socket."""
        self.httpd.shutdown()
        self.httpd.server_close()
