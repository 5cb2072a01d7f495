"""Real SMSCs from PyPI for the SMPP tests, each run in a process of its own on a loopback port.

- `smpp34` (Real Time Telecom's Rust-backed SMPP 3.4 server): takes binds, answers `submit_sm` as the test
  decides (accept with a message id, reject with a `command_status`, or leave it unanswered), and sends the
  `deliver_sm`s the test asks for (delivery receipts, customers' messages). Its Python server binds any
  credentials, so it cannot show a refused bind.
- `smppy` (an SMPP server application framework): checks the credentials of a bind and refuses others with
  `ESME_RBINDFAIL`, which shows a refused bind, and tells an `unbind` from a connection that just ends.

Each peer runs in a child process, driven by JSON lines on its stdin and answering one JSON line per command on
its stdout: killing the process is how a test drops the link mid-send, which also keeps the Rust runtime's threads
out of pytest's process. Run as `python smsc_peer.py smpp34|smppy PORT [SYSTEM_ID PASSWORD]`."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Peer:
    """A peer process, and the commands a test gives it."""

    def __init__(self, kind: str, port: int = None, credentials: tuple = ()):
        self.kind, self.port, self.credentials = kind, port or free_port(), credentials
        self.process = None
        self.lock = threading.Lock()

    def start(self) -> "Peer":
        self.process = subprocess.Popen([sys.executable, __file__, self.kind, str(self.port), *self.credentials],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = json.loads(self.process.stdout.readline() or "{}")
        assert ready.get("listening") == self.port, f"the {self.kind} SMSC did not start: {ready}"
        return self

    def command(self, op: str, **arguments):
        """Sends one command and returns the peer's answer."""
        with self.lock:
            self.process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        assert line, f"the {self.kind} SMSC exited"
        return json.loads(line)

    def kill(self):
        """Ends the process at once: every ESME's TCP connection drops with it."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.kill()


class SMSC(Peer):
    """smpp34's SMSC, with what it was sent and what the test has it answer."""

    def __init__(self, port: int = None):
        super().__init__("smpp34", port)

    def submits(self) -> list:
        """Every submit_sm so far: addresses, coding, esm_class, registered_delivery, the short message (hex) and
        how it was answered (`message_id`, or `status` when rejected, or `held` when left unanswered)."""
        return self.command("submits")["submits"]

    def answer_next(self, *statuses: int):
        """Rejects the next submit_sms with these command_statuses, in order."""
        self.command("reject", statuses=list(statuses))

    def hold_next(self, count: int = 1):
        """Leaves the next submit_sms unanswered."""
        self.command("hold", count=count)

    def deliver(self, system_id: str, source: str, destination: str, short_message: bytes, esm_class: int = 0,
                data_coding: int = 0) -> int:
        """Sends a deliver_sm to the ESME bound as `system_id`; returns the command_status of its deliver_sm_resp."""
        answer = self.command("deliver", system_id=system_id, source=source, destination=destination, message=short_message.hex(),
                              esm_class=esm_class, data_coding=data_coding)
        assert "status" in answer, answer
        return answer["status"]

    def bound(self) -> list:
        """The system_ids of the sessions bound now."""
        return self.command("sessions")["bound"]


class CheckingSMSC(Peer):
    """smppy's SMSC, which binds only `system_id` with `password`."""

    def __init__(self, system_id: str, password: str, port: int = None):
        super().__init__("smppy", port, (system_id, password))

    def binds(self) -> list:
        """Every bind attempt so far: its system_id and whether it was taken."""
        return self.command("binds")["binds"]

    def unbinds(self) -> list:
        """The system_ids of the ESMEs that sent unbind."""
        return self.command("binds")["unbinds"]


def wait_for(check, timeout: float = 20.0):
    """Polls `check` until it is truthy; returns its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


# --- the peer processes -------------------------------------------------------------------------------------------

def serve_smpp34(port: int):
    import smpp34

    state = {"submits": [], "reject": [], "hold": 0, "sessions": {}, "held": []}

    async def pump(server):
        while True:
            event = await server.next()
            if isinstance(event, smpp34.Esme):
                state["sessions"][event.session_id] = event
            elif isinstance(event, smpp34.Unbound):
                state["sessions"].pop(event.session_id, None)
            elif isinstance(event, smpp34.SubmitSmEvent):
                record = {"source": event.source_addr, "destination": event.destination_addr, "data_coding": event.data_coding,
                          "esm_class": event.esm_class, "registered_delivery": event.registered_delivery,
                          "source_ton": event.source_addr_ton, "source_npi": event.source_addr_npi,
                          "short_message": event.short_message.hex()}
                if state["reject"]:
                    record["status"] = state["reject"].pop(0)
                    event.reject(record["status"])
                elif state["hold"] > 0:
                    state["hold"] -= 1
                    record["held"] = True
                    state["held"].append(event)  # kept, since an event dropped unanswered is NAKed
                else:
                    record["message_id"] = uuid.uuid4().hex[:16]
                    event.accept(record["message_id"])
                state["submits"].append(record)

    async def command(request):
        op = request["op"]
        if op == "submits":
            return {"submits": state["submits"]}
        if op == "reject":
            state["reject"].extend(request["statuses"])
            return {}
        if op == "hold":
            state["hold"] += request["count"]
            return {}
        if op == "sessions":
            return {"bound": [esme.system_id for esme in state["sessions"].values()]}
        if op == "deliver":
            receivers = [esme for esme in state["sessions"].values() if esme.can_receive and esme.system_id == request["system_id"]]
            if not receivers:
                return {"error": "no ESME is bound to receive"}
            answer = await receivers[-1].deliver_sm(request["destination"], bytes.fromhex(request["message"]),
                                                    source_addr=request["source"], source_addr_ton=1, source_addr_npi=1,
                                                    dest_addr_ton=1, dest_addr_npi=1, esm_class=request["esm_class"],
                                                    data_coding=request["data_coding"])
            return {"status": answer.command_status}
        return {"error": f"unknown op {op}"}

    async def main():
        server = smpp34.Server(host="127.0.0.1", port=port, system_id="smpp34-smsc")
        await server.start()
        asyncio.ensure_future(pump(server))
        await control(command, port)

    asyncio.run(main())


def serve_smppy(port: int, system_id: str, password: str):
    from smppy import Application
    from smppy.server import SmppProtocol

    binds, unbinds = [], []

    class CheckingApplication(Application):
        async def handle_bound_client(self, client):
            taken = client.system_id == system_id and client.password == password
            binds.append({"system_id": client.system_id, "taken": taken})
            return client if taken else None

        async def handle_unbound_client(self, client):
            # smppy calls this on an unbind PDU only, not when a connection just ends.
            unbinds.append(client.system_id)

        async def handle_sms_received(self, client, source_number, dest_number, text):
            pass

    async def command(request):
        if request["op"] == "binds":
            return {"binds": binds, "unbinds": unbinds}
        return {"error": f"unknown op {request['op']}"}

    async def main():
        application = CheckingApplication(name="smppy-smsc")
        loop = asyncio.get_running_loop()
        await loop.create_server(lambda: SmppProtocol(app=application), host="127.0.0.1", port=port)
        await control(command, port)

    asyncio.run(main())


async def control(command, port: int):
    """Announces the port, then answers each command line on stdin until it closes."""
    loop = asyncio.get_running_loop()
    print(json.dumps({"listening": port}), flush=True)
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            # Skips the interpreter's teardown, which the Rust runtime's threads do not survive cleanly.
            os._exit(0)
        print(json.dumps(await command(json.loads(line))), flush=True)


if __name__ == "__main__":
    kind, port = sys.argv[1], int(sys.argv[2])
    if kind == "smpp34":
        serve_smpp34(port)
    else:
        serve_smppy(port, sys.argv[3], sys.argv[4])
