"""Answering reservations: `Instruction` on a reservation update, `WorkerActivitySid`, and a worker's
`RejectPendingReservations` when it goes unavailable."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception
from test_taskrouter_routing import WORKSPACES, Center, eventually


def test_instruction_accept_accepts_the_reservation_like_reservation_status_accepted(client):
    center = Center(client)
    worker = center.worker("alma")
    task = center.task()
    reservation = center.pending_reservation(task)
    answered = center.tr.tasks(task.sid).reservations(reservation.sid).update(instruction="accept")
    assert answered.reservation_status == "accepted"
    assert center.status(task) == "assigned"
    sms = center.tr.task_channels("sms").fetch()
    assert center.tr.workers(worker.sid).worker_channels(sms.sid).fetch().assigned_tasks == 1


def test_instruction_reject_with_worker_activity_sid_rejects_and_moves_the_worker(client):
    center = Center(client)
    first, second = center.workers_longest_idle_first("bert", "cara")
    task = center.task()
    reservation = center.pending_reservation(task)
    assert reservation.worker_sid == first.sid
    answered = center.tr.workers(first.sid).reservations(reservation.sid).update(
        instruction="reject", worker_activity_sid=center.activities["Offline"])
    assert answered.reservation_status == "rejected"
    assert center.tr.workers(first.sid).fetch().activity_name == "Offline"
    assert center.pending_reservation(task).worker_sid == second.sid


def test_worker_activity_sid_on_accept_moves_the_accepting_worker(client):
    center = Center(client)
    busy = center.tr.activities.create(friendly_name="Busy", available="false")
    dina = center.worker("dina")
    task = center.task()
    reservation = center.pending_reservation(task)
    center.tr.tasks(task.sid).reservations(reservation.sid).update(reservation_status="accepted", worker_activity_sid=busy.sid)
    assert center.tr.workers(dina.sid).fetch().activity_name == "Busy"


@pytest.mark.parametrize("instruction", ["conference", "call", "dequeue", "redirect"])
def test_voice_instructions_are_refused_and_leave_the_reservation_pending(client, raw, instruction):
    center = Center(client)
    center.worker("emil")
    task = center.task()
    reservation = center.pending_reservation(task)
    path = f"{WORKSPACES}/{center.workspace.sid}/Tasks/{task.sid}/Reservations/{reservation.sid}"
    body = assert_error(raw.post(path, {"Instruction": instruction, "To": "client:emil", "From": "+15550100"}), 400, 20001)
    assert instruction in body["message"]
    assert center.tr.tasks(task.sid).reservations(reservation.sid).fetch().reservation_status == "pending"


def test_unknown_or_contradictory_instructions_are_refused(client, raw):
    center = Center(client)
    center.worker("fay")
    task = center.task()
    reservation = center.pending_reservation(task)
    path = f"{WORKSPACES}/{center.workspace.sid}/Tasks/{task.sid}/Reservations/{reservation.sid}"
    assert_error(raw.post(path, {"Instruction": "teleport"}), 400, 20001)
    assert_error(raw.post(path, {"Instruction": "accept", "ReservationStatus": "rejected"}), 400, 20001)
    assert raw.post(path, {"Instruction": "accept", "ReservationStatus": "accepted"}).json()["reservation_status"] == "accepted"


def test_reject_pending_reservations_rejects_them_and_the_task_moves_on(client):
    center = Center(client)
    first, second = center.workers_longest_idle_first("gus", "hana")
    task = center.task()
    reservation = center.pending_reservation(task)
    assert reservation.worker_sid == first.sid
    updated = center.tr.workers(first.sid).update(activity_sid=center.activities["Offline"], reject_pending_reservations=True)
    assert updated.activity_name == "Offline"
    assert center.tr.tasks(task.sid).reservations(reservation.sid).fetch().reservation_status == "rejected"
    assert center.pending_reservation(task).worker_sid == second.sid
    rejected = center.tr.events.list(task_sid=task.sid, event_type="reservation.rejected")
    assert [e.resource_sid for e in rejected] == [reservation.sid]


def test_without_reject_pending_reservations_a_worker_going_offline_keeps_them_pending(client):
    center = Center(client)
    ivan = center.worker("ivan")
    task = center.task()
    reservation = center.pending_reservation(task)
    assert center.tr.workers(ivan.sid).update(activity_sid=center.activities["Offline"]).activity_name == "Offline"
    assert center.tr.tasks(task.sid).reservations(reservation.sid).fetch().reservation_status == "pending"
    accepted = center.tr.workers(ivan.sid).reservations(reservation.sid).update(reservation_status="accepted")
    assert accepted.reservation_status == "accepted"
    assert center.status(task) == "assigned"


def test_reject_pending_reservations_needs_an_unavailable_activity(client):
    center = Center(client)
    jo = center.worker("jo")
    task = center.task()
    reservation = center.pending_reservation(task)
    with pytest.raises(TwilioRestException) as refused:
        center.tr.workers(jo.sid).update(activity_sid=center.activities["Available"], reject_pending_reservations=True)
    assert_rest_exception(refused, 400, 20001)
    assert center.tr.tasks(task.sid).reservations(reservation.sid).fetch().reservation_status == "pending"


def test_reject_pending_reservations_rejects_every_one_of_a_multitasking_worker(client):
    center = Center(client)
    kim = center.worker("kim")
    sms = center.tr.task_channels("sms").fetch()
    center.tr.workers(kim.sid).worker_channels(sms.sid).update(capacity=2)
    tasks = [center.task(), center.task()]
    assert [center.pending_reservation(t).worker_sid for t in tasks] == [kim.sid, kim.sid]
    center.tr.workers(kim.sid).update(activity_sid=center.activities["Unavailable"], reject_pending_reservations=True)
    assert [center.status(t) for t in tasks] == ["pending", "pending"]
    assert eventually(lambda: center.tr.workers(kim.sid).reservations.list(reservation_status="pending") == [])
    assert len(center.tr.workers(kim.sid).reservations.list(reservation_status="rejected")) == 2
