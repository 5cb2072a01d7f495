"""Half-sent requests (slowloris) cannot hold the server: headers, bodies and silence have deadlines, and open
connections have a limit, so /health still answers while an attacker holds hundreds of sockets."""

import socket
import time

import pytest
import requests

from server_process import ServerProcess, clean_env

# Well above what the server may hold open: without deadlines and a limit, these exhaust its descriptors.
SLOW_CONNECTIONS = 700
DESCRIPTOR_LIMIT = 512


class LimitedServer(ServerProcess):
    """A server with few file descriptors and short deadlines, so an attack fits in a test."""

    def command(self):
        """The usual command, under a descriptor limit like a small container's."""
        return ["prlimit", f"--nofile={DESCRIPTOR_LIMIT}:{DESCRIPTOR_LIMIT}", *super().command(),
                "--header-timeout-seconds", "2", "--body-timeout-seconds", "3", "--idle-timeout-seconds", "4",
                "--max-connections", "200"]


@pytest.fixture
def limited_server(switchboard_bin, tmp_path):
    server = LimitedServer(switchboard_bin, tmp_path, ":memory:", clean_env(), name="limited").start()
    yield server
    assert server.stop() == 0, server.log_tail()


def open_half_sent(port, count, payload):
    """`count` connections that each send the start of a request and then nothing more."""
    sockets = []
    for _ in range(count):
        sock = socket.socket()
        sock.settimeout(10)
        try:
            sock.connect(("127.0.0.1", port))
            sock.sendall(payload)
        except OSError:
            sock.close()
            continue
        sockets.append(sock)
    return sockets


def closed_by_server(sock, within):
    """Whether the server closes `sock` (EOF or reset) within `within` seconds; anything it still sends is read."""
    deadline = time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            if sock.recv(65536) == b"":
                return True
        except ConnectionResetError:
            return True
        except socket.timeout:
            return False
    return False


def test_health_answers_while_hundreds_of_half_sent_requests_are_held_open(limited_server):
    attackers = open_half_sent(limited_server.port, SLOW_CONNECTIONS, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    try:
        # A generous client timeout: this checks that the server answers at all, not how fast.
        resp = requests.get(f"{limited_server.base_url}/health", timeout=60)
        assert resp.status_code == 200
        assert limited_server.proc.poll() is None
    finally:
        for sock in attackers:
            sock.close()


def test_a_connection_that_never_finishes_its_headers_is_closed(limited_server):
    [sock] = open_half_sent(limited_server.port, 1, b"POST /flex-api/v1/FlexFlows HTTP/1.1\r\nHost: x\r\n")
    try:
        for _ in range(5):
            sock.sendall(b"X-Drip: 1\r\n")  # a byte now and then must not keep it alive
            time.sleep(0.5)
        assert closed_by_server(sock, within=30)
    finally:
        sock.close()


def test_a_body_dripped_slowly_is_cut_off_at_the_body_deadline(limited_server):
    head = (b"POST /flex-api/v1/FlexFlows HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 100000\r\n\r\n")
    [sock] = open_half_sent(limited_server.port, 1, head)
    try:
        closed = False
        for _ in range(40):
            try:
                sock.sendall(b"a")
            except OSError:
                closed = True
                break
            if closed_by_server(sock, within=0.5):
                closed = True
                break
        assert closed, "the server kept a connection whose body took 20 s and more"
    finally:
        sock.close()


def test_a_kept_alive_connection_that_falls_silent_is_closed(limited_server):
    sock = socket.create_connection(("127.0.0.1", limited_server.port), timeout=10)
    try:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert b"200" in sock.recv(4096).split(b"\r\n", 1)[0]
        assert closed_by_server(sock, within=30)
    finally:
        sock.close()
