"""Multi-reservation: a queue with MaxReservedWorkers above 1 offers each task to that many workers at once; the
first to accept wins and TaskRouter rescinds the others."""

import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_rest_exception
from test_taskrouter_routing import Center, eventually


def multi_center(client, max_reserved: int, workers: int = 0) -> Center:
    """A Center whose queue reserves up to `max_reserved` workers per task, with `workers` Available workers."""
    center = Center(client)
    center.tr.task_queues(center.queue.sid).update(max_reserved_workers=max_reserved)
    for n in range(workers):
        center.worker(f"agent{n}")
    return center


def statuses(center: Center, task) -> dict:
    """Reservation SID -> status, for the task's reservations."""
    return {r.sid: r.reservation_status for r in center.reservations(task)}


def test_a_task_is_offered_to_max_reserved_workers_at_once_and_the_first_accept_rescinds_the_others(client):
    center = multi_center(client, 3)
    workers = {center.worker(f"agent{n}").sid for n in range(4)}
    task = center.task()
    offered = center.reservations(task)
    assert [r.reservation_status for r in offered] == ["pending"] * 3
    assert len({r.worker_sid for r in offered}) == 3 and {r.worker_sid for r in offered} <= workers
    assert center.status(task) == "reserved"

    winner, *others = offered
    accepted = center.tr.workers(winner.worker_sid).reservations(winner.sid).update(reservation_status="accepted")
    assert accepted.reservation_status == "accepted"
    assert center.status(task) == "assigned"
    assert statuses(center, task) == {winner.sid: "accepted", **{r.sid: "rescinded" for r in others}}
    rescinded = center.tr.events.list(task_sid=task.sid, event_type="reservation.rescinded")
    assert sorted(e.resource_sid for e in rescinded) == sorted(r.sid for r in others)
    # A rescinded reservation can no longer be answered.
    with pytest.raises(TwilioRestException) as late:
        center.tr.tasks(task.sid).reservations(others[0].sid).update(reservation_status="accepted")
    assert_rest_exception(late, 400, 20001)
    assert center.status(task) == "assigned"


def test_a_rejection_keeps_the_task_reserved_and_makes_room_for_the_next_worker(client):
    center = multi_center(client, 2, workers=3)
    task = center.task()
    first, second = center.reservations(task)
    center.tr.tasks(task.sid).reservations(first.sid).update(reservation_status="rejected")
    assert center.status(task) == "reserved"
    now = center.reservations(task)
    pending = [r for r in now if r.reservation_status == "pending"]
    assert len(pending) == 2
    assert first.worker_sid not in {r.worker_sid for r in pending}
    assert second.sid in {r.sid for r in pending}
    # Once every worker has declined, the task waits again.
    for reservation in pending:
        center.tr.tasks(task.sid).reservations(reservation.sid).update(reservation_status="rejected")
    assert center.status(task) == "pending"
    assert [r.reservation_status for r in center.reservations(task)] == ["rejected"] * 3


def test_a_reserved_task_is_offered_to_a_worker_who_becomes_available_until_the_queue_is_full(client):
    center = multi_center(client, 2)
    center.worker("early")
    late = center.worker("late", available=False)
    task = center.task()
    assert len(center.reservations(task)) == 1
    center.tr.workers(late.sid).update(activity_sid=center.activities["Available"])
    offered = eventually(lambda: len([r for r in center.reservations(task) if r.reservation_status == "pending"]) == 2)
    assert offered
    assert late.sid in {r.worker_sid for r in center.reservations(task)}
    third = center.worker("third")
    assert third.sid not in {r.worker_sid for r in center.reservations(task)}


def test_auto_answer_assigns_the_task_to_one_worker_only(client):
    center = multi_center(client, 3, workers=3)
    task = center.task(autoAnswer="true")
    assert [r.reservation_status for r in center.reservations(task)] == ["accepted"]
    assert center.status(task) == "assigned"


def test_canceling_a_task_offered_to_several_workers_cancels_every_reservation(client):
    center = multi_center(client, 3, workers=3)
    task = center.task()
    assert len(center.reservations(task)) == 3
    center.tr.tasks(task.sid).update(assignment_status="canceled", reason="customer hung up")
    assert set(statuses(center, task).values()) == {"canceled"}
