"""`POST /v1/Workspaces/{WorkspaceSid}/TaskQueues/RealTimeStatistics`: the real-time statistics of up to 50 queues
at once, through the official library, counted as each queue's own `RealTimeStatistics` counts them."""


import jsonschema
import pytest
import requests
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception
from factories import fake_sid
from test_taskrouter_routing import WORKSPACES, Center

SPEC = "twilio_taskrouter_v1.json"
ENTRY_KEYS = {"task_queue_sid", "longest_task_waiting_age", "longest_task_waiting_sid", "total_tasks", "total_eligible_workers",
              "total_available_workers", "tasks_by_status", "tasks_by_priority", "activity_statistics"}


class QueueSids:
    """The JSON body the library sends: it calls `to_dict()` on what it is given."""

    def __init__(self, *sids):
        self.sids = list(sids)

    def to_dict(self):
        return {"QueueSids": self.sids}


def test_bulk_statistics_answer_each_named_queue_as_its_own_real_time_statistics_do(client, raw, openapi_component):
    center = Center(client, target_workers="skills HAS 'sms'")
    voice = center.tr.task_queues.create(friendly_name="Voice", target_workers="skills HAS 'voice'")
    center.worker("nia", skills=["sms"])
    center.worker("omar", available=False, skills=["sms", "voice"])
    reserved, waiting = center.task(), center.task()
    assert center.status(reserved) == "reserved" and center.status(waiting) == "pending"

    answer = center.tr.task_queues.bulk_real_time_statistics.create_with_http_info(
        body=QueueSids(center.queue.sid, voice.sid, fake_sid("WQ"), center.queue.sid))
    assert answer.status_code == 200
    stats = answer.data
    assert (stats.account_sid, stats.workspace_sid, stats.task_queue_response_count) == (client.account_sid, center.workspace.sid, 2)
    assert stats.url.endswith(f"{WORKSPACES}/{center.workspace.sid}/TaskQueues/RealTimeStatistics")
    entries = {entry["task_queue_sid"]: entry for entry in stats.task_queue_data}
    assert list(entries) == [center.queue.sid, voice.sid]
    for sid, entry in entries.items():
        assert set(entry) == ENTRY_KEYS
        single = raw.get(f"{WORKSPACES}/{center.workspace.sid}/TaskQueues/{sid}/RealTimeStatistics").json()
        assert entry == {key: single[key] for key in ENTRY_KEYS}
    sms = entries[center.queue.sid]
    assert sms["tasks_by_status"] == {"pending": 1, "reserved": 1, "assigned": 0, "wrapping": 0}
    assert (sms["total_tasks"], sms["total_eligible_workers"], sms["total_available_workers"], sms["longest_task_waiting_sid"]) == (
        2, 2, 1, waiting.sid)
    assert (entries[voice.sid]["total_tasks"], entries[voice.sid]["total_eligible_workers"]) == (0, 1)

    resp = requests.post(raw.url(f"{WORKSPACES}/{center.workspace.sid}/TaskQueues/RealTimeStatistics"), auth=raw.auth,
                         json={"QueueSids": [voice.sid]}, timeout=30)
    assert resp.status_code == 200, resp.text
    schema = openapi_component(SPEC, "taskrouter.v1.workspace.task_queue.task_queue_bulk_real_time_statistics")
    assert set(resp.json()) == set(schema["properties"])
    jsonschema.validate(resp.json(), schema)


def test_task_channel_narrows_the_tasks_counted(client, raw):
    center = Center(client)
    center.task(channel="voice")
    center.task()
    path = f"{WORKSPACES}/{center.workspace.sid}/TaskQueues/RealTimeStatistics"
    resp = requests.post(raw.url(path) + "?TaskChannel=voice", auth=raw.auth, json={"QueueSids": [center.queue.sid]}, timeout=30)
    assert resp.status_code == 200, resp.text
    assert resp.json()["task_queue_data"][0]["total_tasks"] == 1


def test_queue_sids_are_required_at_most_50_and_another_accounts_workspace_is_not_found(client, server, new_subaccount):
    center = Center(client)
    bulk = center.tr.task_queues.bulk_real_time_statistics
    for body in (QueueSids(), QueueSids(*[fake_sid("WQ") for _ in range(51)]), QueueSids("not-a-queue")):
        with pytest.raises(TwilioRestException) as refused:
            bulk.create(body=body)
        assert_rest_exception(refused, 400, 20001)
    path = f"{WORKSPACES}/{center.workspace.sid}/TaskQueues/RealTimeStatistics"
    assert_error(requests.post(server.raw().url(path), auth=server.raw().auth, json={}, timeout=30), 400, 20001)
    assert bulk.create(body=QueueSids(*[fake_sid("WQ") for _ in range(49)], center.queue.sid)).task_queue_response_count == 1

    other = server.client(*new_subaccount())
    with pytest.raises(TwilioRestException) as missing:
        other.taskrouter.v1.workspaces(center.workspace.sid).task_queues.bulk_real_time_statistics.create(body=QueueSids(center.queue.sid))
    assert_rest_exception(missing, 404, 20404)
