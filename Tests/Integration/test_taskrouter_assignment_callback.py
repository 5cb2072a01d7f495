"""A workflow's AssignmentCallbackUrl hears of every reservation through the outbox, signed, with Twilio's
parameters; the instruction in its answer is carried out, and FallbackAssignmentCallbackUrl stands in for it."""

import json

from twilio.request_validator import RequestValidator

from polling import eventually
from sandbox import outbox
from test_taskrouter_routing import Center
from webhook_receiver import WebhookReceiver


def workflow_calling(center, url, fallback=None):
    """A second workflow into the center's queue that calls `url` (and `fallback`) on each reservation."""
    config = {"task_routing": {"filters": [], "default_filter": {"queue": center.queue.sid}}}
    extra = {"fallback_assignment_callback_url": fallback} if fallback else {}
    return center.tr.workflows.create(friendly_name="called", configuration=json.dumps(config),
                                      assignment_callback_url=url, **extra)


def answered(raw, url):
    """Whether every call to `url` has been answered: each is listed as delivered."""
    return not [entry for entry in outbox(raw) if entry["target"] == url and entry["status"] != "delivered"]


def test_each_reservation_is_posted_signed_with_twilios_parameters_and_an_empty_answer_leaves_it_pending(client, server, raw):
    center = Center(client)
    kate = center.worker("kate", language="en")
    with WebhookReceiver(answer=lambda request, earlier: 200) as receiver:
        workflow = workflow_calling(center, receiver.url("/assign"))
        task = center.tr.tasks.create(workflow_sid=workflow.sid, attributes=json.dumps({"topic": "billing"}))
        posts = eventually(lambda: receiver.snapshot())
        assert eventually(lambda: answered(raw, receiver.url("/assign")))
        reservation = center.pending_reservation(task)
    assert len(posts) == 1, posts
    form = posts[0]["form"]
    assert (form["AccountSid"], form["WorkspaceSid"], form["WorkflowSid"], form["TaskQueueSid"]) == (
        server.account_sid, center.workspace.sid, workflow.sid, center.queue.sid)
    assert (form["TaskSid"], form["ReservationSid"], form["WorkerSid"]) == (task.sid, reservation.sid, kate.sid)
    assert json.loads(form["TaskAttributes"]) == {"topic": "billing"}
    assert json.loads(form["WorkerAttributes"]) == {"language": "en"}
    assert int(form["TaskAge"]) >= 0 and form["TaskPriority"] == "0"
    assert RequestValidator(server.auth_token).validate(receiver.url("/assign"), form, posts[0]["signature"])
    assert center.tr.tasks(task.sid).reservations(reservation.sid).fetch().reservation_status == "pending"


def test_an_accept_instruction_in_the_answer_accepts_the_reservation(client):
    center = Center(client)
    center.worker("liam")
    with WebhookReceiver(answer=lambda request, earlier: (200, '{"instruction": "accept"}')) as receiver:
        workflow = workflow_calling(center, receiver.url("/assign"))
        task = center.tr.tasks.create(workflow_sid=workflow.sid, attributes="{}")
        assert eventually(lambda: center.status(task) == "assigned")
    assert [r.reservation_status for r in center.reservations(task)] == ["accepted"]


def test_a_reject_instruction_moves_the_task_on_and_the_worker_to_the_named_activity(client):
    center = Center(client)
    offline = center.activities["Offline"]
    first = center.worker("mona")
    with WebhookReceiver(answer=lambda request, earlier: (200, json.dumps({"instruction": "reject", "activity_sid": offline}))) as receiver:
        workflow = workflow_calling(center, receiver.url("/assign"))
        task = center.tr.tasks.create(workflow_sid=workflow.sid, attributes="{}")
        assert eventually(lambda: [r.reservation_status for r in center.reservations(task)] == ["rejected"])
    assert center.tr.workers(first.sid).fetch().activity_sid == offline
    assert center.status(task) == "pending"


def test_the_fallback_url_gets_the_call_when_the_assignment_callback_fails(client, server):
    center = Center(client)
    center.worker("nina")
    with WebhookReceiver(answer=lambda request, earlier: 500) as broken, \
            WebhookReceiver(answer=lambda request, earlier: (200, '{"instruction": "accept"}')) as fallback:
        workflow = workflow_calling(center, broken.url("/assign"), fallback=fallback.url("/fallback"))
        task = center.tr.tasks.create(workflow_sid=workflow.sid, attributes="{}")
        assert eventually(lambda: center.status(task) == "assigned")
        posts = fallback.snapshot()
        assert len(broken.snapshot()) >= 1
    assert posts[0]["form"]["TaskSid"] == task.sid
    assert RequestValidator(server.auth_token).validate(fallback.url("/fallback"), posts[0]["form"], posts[0]["signature"])
    assert posts[0]["token"] == broken.snapshot()[0]["token"]


def test_a_voice_instruction_is_not_carried_out_and_the_reservation_waits_for_the_worker(client, raw):
    center = Center(client)
    center.worker("omar")
    with WebhookReceiver(answer=lambda request, earlier: (200, '{"instruction": "dequeue", "from": "+14155550100"}')) as receiver:
        workflow = workflow_calling(center, receiver.url("/assign"))
        task = center.tr.tasks.create(workflow_sid=workflow.sid, attributes="{}")
        assert eventually(lambda: receiver.snapshot())
        assert eventually(lambda: answered(raw, receiver.url("/assign")))
        reservation = center.pending_reservation(task)
    assert center.tr.tasks(task.sid).reservations(reservation.sid).fetch().reservation_status == "pending"
