"""A TaskRouter workspace set up the way Flex Conversations expects, and helpers for interactions and templates."""

import json
import random

from twilio.rest.content.v1.content import ContentList
from twilio.rest.content.v1.content.approval_create import ApprovalCreateList

from factories import unique_name
from polling import eventually
from sandbox import SANDBOX_MESSAGES, handset


def customer_number() -> str:
    """A fresh E.164 number, so tests never share a customer's open conversation or handset."""
    return "+1415" + "".join(random.choice("0123456789") for _ in range(7))


class ContactCenter:
    """A workspace whose workflow offers a task to the agent named by `worker_sid` when the task names one, and to
    any available agent otherwise; with one available agent."""

    def __init__(self, client, agent_name="agent.ann"):
        self.client = client
        self.workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("flex"))
        self.tr = client.taskrouter.v1.workspaces(self.workspace.sid)
        self.activities = {a.friendly_name: a.sid for a in self.tr.activities.list()}
        self.queue = self.tr.task_queues.create(friendly_name="Agents", target_workers="1==1")
        config = {"task_routing": {"filters": [
            {"filter_friendly_name": "known agent", "expression": "worker_sid != null",
             "targets": [{"queue": self.queue.sid, "known_worker_sid": "task.worker_sid"}]},
            {"filter_friendly_name": "anyone", "expression": "1==1", "targets": [{"queue": self.queue.sid}]},
        ]}}
        self.workflow = self.tr.workflows.create(friendly_name="Assign to Anyone", configuration=json.dumps(config))
        self.agent = self.worker(agent_name)

    def worker(self, name, available=True):
        """An agent, Available or Offline."""
        activity = self.activities["Available" if available else "Offline"]
        return self.tr.workers.create(friendly_name=name, activity_sid=activity, attributes=json.dumps({"contact_uri": "client:" + name}))

    def placeholders(self) -> dict:
        """The seed samples' placeholder SIDs and this workspace's real ones."""
        return {"WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.workspace.sid, "WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.workflow.sid,
                "WQXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.queue.sid, "WKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX": self.agent.sid}

    def routing(self, worker=True, **extra) -> dict:
        """A Routing parameter for this workspace, to the agent when `worker`."""
        properties = {"workspace_sid": self.workspace.sid, "workflow_sid": self.workflow.sid, "attributes": extra}
        if worker:
            properties["worker_sid"] = self.agent.sid
        return {"properties": properties}

    def interaction(self, channel_type, address, proxy_address=None, worker=True, initiated_by="agent"):
        """Create an interaction for one customer through the official library."""
        participant = {"address": address, "type": channel_type}
        if proxy_address:
            participant["proxy_address"] = proxy_address
        return self.client.flex_api.v1.interaction.create(
            channel={"type": channel_type, "initiated_by": initiated_by, "properties": {"type": channel_type}, "participants": [participant]},
            routing=self.routing(worker=worker))

    def task_of(self, interaction) -> dict:
        """The task an interaction's `routing.properties` describes, with parsed attributes."""
        task = dict(interaction.routing["properties"])
        task["attributes"] = json.loads(task["attributes"])
        return task

    def reservations(self, task_sid):
        """The task's reservations, oldest first."""
        return self.tr.tasks(task_sid).reservations.list()

    def reserved_worker(self, task_sid):
        """The worker the task was offered to, waiting for the offer."""
        reservation = eventually(lambda: next(iter(self.reservations(task_sid)), None))
        return reservation.worker_sid if reservation else None

    def accept(self, task_sid):
        """The agent accepts the task's pending reservation."""
        reservation = eventually(lambda: next((r for r in self.reservations(task_sid) if r.reservation_status == "pending"), None))
        assert reservation is not None, "no pending reservation"
        self.tr.tasks(task_sid).reservations(reservation.sid).update(reservation_status="accepted")

    def task_status(self, task_sid):
        """The task's assignment status now."""
        return self.tr.tasks(task_sid).fetch().assignment_status


def approved_template(client, body, variables=None, name=None, types=None):
    """A Content template submitted for WhatsApp approval, which the sandbox grants unless `name` asks otherwise."""
    request = ContentList.ContentCreateRequest({"friendly_name": unique_name("template"), "language": "en",
                                                "variables": variables or {}, "types": types or {"twilio/text": {"body": body}}})
    content = client.content.v1.contents.create(request)
    approval = client.content.v1.contents(content.sid).approval_create.create(
        ApprovalCreateList.ContentApprovalRequest({"name": name or "order_update", "category": "UTILITY"}))
    return content, approval


def customer_writes(raw, channel, customer, contact_center, body):
    """The customer's handset sends a message to the contact center."""
    resp = raw.post(SANDBOX_MESSAGES, {"Channel": channel, "From": customer, "To": contact_center, "Body": body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def received(raw, address, count=1):
    """What reached the handset at `address`, waiting for `count` messages."""
    return eventually(lambda: (lambda got: got if len(got) >= count else None)(handset(raw, address))) or handset(raw, address)
