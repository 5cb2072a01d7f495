"""Waiting for something the server does in the background."""

import time


def eventually(check, timeout: float = 10.0, interval: float = 0.1):
    """Poll `check` until it returns a truthy value or `timeout` passes; return the last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
