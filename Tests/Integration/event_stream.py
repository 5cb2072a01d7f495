"""Reading a Server-Sent Events stream, as the agent desktop does, frame by frame in a background thread."""

import json
import queue
import threading
import time

import requests


class EventStream:
    """One open `text/event-stream` response; its frames arrive in `frames` as dicts with `id`, `event` and `data`
    (parsed JSON, or None), and comment lines in `comments`."""

    def __init__(self, url: str, auth, params=None, headers=None):
        self.response = requests.get(url, auth=auth, params=params, headers=headers, stream=True, timeout=(5, 30))
        self.frames: "queue.Queue[dict]" = queue.Queue()
        self.comments: "queue.Queue[str]" = queue.Queue()
        self.last_id = None
        if self.response.status_code == 200:
            self.thread = threading.Thread(target=self._read, daemon=True)
            self.thread.start()

    def _read(self):
        fields = {}
        try:
            while True:
                line = self.response.raw.readline()
                if not line:
                    return
                line = line.decode("utf-8").rstrip("\r\n")
                if line.startswith(":"):
                    self.comments.put(line[1:].strip())
                elif line == "":
                    if "id" in fields:
                        self.last_id = fields["id"]
                    if fields:
                        data = fields.get("data")
                        self.frames.put({"id": fields.get("id"), "event": fields.get("event"),
                                         "data": json.loads(data) if data is not None else None})
                    fields = {}
                else:
                    name, _, value = line.partition(":")
                    fields[name] = value[1:] if value.startswith(" ") else value
        except Exception:  # the test closed the connection
            return

    def next_frame(self, timeout: float = 10.0) -> dict:
        """The next frame, failing the test when none comes within `timeout` seconds."""
        try:
            return self.frames.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout}s") from None

    def next_event(self, timeout: float = 10.0) -> dict:
        """The next frame that carries an event (skipping frames that only move the ID)."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self.next_frame(max(0.01, deadline - time.monotonic()))
            if frame["event"] is not None:
                return frame

    def events_until(self, done, timeout: float = 10.0) -> list:
        """Events, in order, up to and including the first for which `done(event)` holds."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            seen.append(self.next_event(max(0.01, deadline - time.monotonic())))
            if done(seen[-1]):
                return seen

    def quiet_events(self, quiet: float = 1.5) -> list:
        """Every event that arrives until none has for `quiet` seconds."""
        seen = []
        while True:
            try:
                frame = self.frames.get(timeout=quiet)
            except queue.Empty:
                return seen
            if frame["event"] is not None:
                seen.append(frame)

    def close(self):
        """Hangs up, as a browser tab that closes."""
        self.response.close()
