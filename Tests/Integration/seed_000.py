"""Running seed 000's Python samples as written: only the placeholders the guide tells the reader to replace are
replaced, with the resources a test made."""

import json
import secrets

from factories import unique_name
from shared_data import SEED_000, python_blocks, the_block_containing
from switchboard_client import install

CUSTOMER_IN_SAMPLES = "+18001231234"
TARGET_WORKER = "reference_worker_attribute_contact_uri_here"


def phone_number() -> str:
    """An E.164 number no other test uses, so sessions of different tests never share an (identifier, proxy number) pair."""
    return "+1555" + "".join(str(secrets.randbelow(10)) for _ in range(7))


def block(seed: str, marker: str) -> str:
    """The sample block containing `marker`; when both strategies show the same sample, their first copy."""
    found = [b for b in python_blocks(seed) if marker in b]
    if not found:
        raise LookupError(f"no python block contains {marker!r}")
    return found[0] if len(set(found)) == 1 else the_block_containing(seed, marker)


class ContactCenter:
    """What seed 000 assumes exists: a workspace whose workflow targets `task.targetWorker`, an agent whose
    contact_uri is the sample's, a chat service, a Proxy service whose pool holds the contact-center number."""

    def __init__(self, client):
        """Create the resources through the official library."""
        self.client = client
        self.workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("seed 000"))
        self.tr = client.taskrouter.v1.workspaces(self.workspace.sid)
        activities = {a.friendly_name: a.sid for a in self.tr.activities.list()}
        queue = self.tr.task_queues.create(friendly_name="Agents", target_workers="1==1")
        # Outbound tasks (the seed's carry direction and targetWorker) go to the agent they name; the customer's
        # replies (strategy two's tasks carry no targetWorker) go to any agent.
        config = {"task_routing": {"filters": [{"filter_friendly_name": "targeted", "expression": "direction == 'outbound'",
                                                "targets": [{"queue": queue.sid, "expression": "task.targetWorker == worker.contact_uri"}]}],
                                   "default_filter": {"queue": queue.sid}}}
        self.workflow = self.tr.workflows.create(friendly_name="Outbound", configuration=json.dumps(config))
        self.sms_channel = next(c for c in self.tr.task_channels.list() if c.unique_name == "sms")
        self.agent = self.tr.workers.create(friendly_name="alice", activity_sid=activities["Available"],
                                            attributes=json.dumps({"contact_uri": TARGET_WORKER}))
        self.chat_service = client.chat.v2.services.create(friendly_name=unique_name("flex chat"))
        self.proxy_service = client.proxy.v1.services.create(unique_name=unique_name("flex proxy"))
        self.number = phone_number()
        self.customer = phone_number()
        client.proxy.v1.services(self.proxy_service.sid).phone_numbers.create(phone_number=self.number)

    def tasks(self):
        """Every task of the workspace."""
        return self.tr.tasks.list()

    def chat_channel(self, sid):
        """The chat channel's context."""
        return self.client.chat.v2.services(self.chat_service.sid).channels(sid)

    def replaced(self, code: str, **more) -> str:
        """`code` with the guide's placeholders replaced by this contact center's resources."""
        pairs = {
            "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXNone": self.chat_service.sid,
            "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": self.chat_service.sid,
            "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.workspace.sid,
            "WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.workflow.sid,
            "TCXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.sms_channel.sid,
            "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": self.proxy_service.sid,
            "+12XXXXXXXXX": self.number,
            "CONTACT_CENTER_NUMBER": self.number,
            CUSTOMER_IN_SAMPLES: self.customer,
            **more,
        }
        # The customer's number is replaced before names containing it ("SOME_FRIENDLY_NAME_<CUSTOMER_NUMBER>" stays readable).
        pairs.setdefault("CUSTOMER_NUMBER", self.customer)
        for placeholder, value in pairs.items():
            code = code.replace(placeholder, value)
        return code


def make_runner(server, monkeypatch, capsys):
    """A function that execs a sample unchanged but for placeholders, with the bootstrap credentials in the
    environment and the twilio library's HTTP client pointed at Switchboard; returns the sample's namespace."""
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", server.account_sid)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", server.auth_token)
    for name in ("TWILIO_EDGE", "TWILIO_REGION"):
        monkeypatch.delenv(name, raising=False)

    def run(code: str):
        """exec `code` as __main__; return (namespace, printed lines)."""
        uninstall = install(server.base_url)
        namespace = {"__name__": "__main__"}
        try:
            capsys.readouterr()
            exec(compile(code, "<seed 000 sample>", "exec"), namespace)
        finally:
            uninstall()
        return namespace, capsys.readouterr().out.splitlines()

    return run


def seed_text(shared_dir) -> str:
    """Seed 000's text."""
    return (shared_dir / SEED_000).read_text(encoding="utf-8")
