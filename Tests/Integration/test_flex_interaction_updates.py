"""`POST /v1/Interactions/{Sid}` (its `WebhookTtid`) and `POST …/Channels/{UO}/Transfers/{UX}` (giving up a transfer)
on flex-api, in Twilio's shapes."""

import jsonschema
import pytest
import requests
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error
from factories import fake_sid
from flex_contact_center import ContactCenter, customer_number
from seed_000 import phone_number
from test_flex_conversations_routing import TransferBody, the_other_task, transfer_setup


@pytest.fixture
def interaction_schema(openapi_component):
    """`flex.v1.interaction`."""
    return openapi_component("twilio_flex_v1.json", "flex.v1.interaction")


@pytest.fixture
def transfer_schema(openapi_component):
    """`flex.v1.interaction.interaction_channel.interaction_transfer`."""
    return openapi_component("twilio_flex_v1.json", "flex.v1.interaction.interaction_channel.interaction_transfer")


def test_an_interactions_webhook_ttid_is_updated_and_kept(client, raw, interaction_schema):
    center = ContactCenter(client)
    interaction = center.interaction("sms", customer_number(), phone_number())
    assert interaction.webhook_ttid is None
    updated = client.flex_api.v1.interaction(interaction.sid).update(webhook_ttid="flex_interactionwebhook_01jke8z8vte4ette30t5w9h081")
    assert updated.webhook_ttid == "flex_interactionwebhook_01jke8z8vte4ette30t5w9h081"
    assert updated.channel["sid"] == interaction.channel["sid"]
    body = raw.get(f"/flex-api/v1/Interactions/{interaction.sid}").json()
    assert body["webhook_ttid"] == "flex_interactionwebhook_01jke8z8vte4ette30t5w9h081"
    resp = raw.post(f"/flex-api/v1/Interactions/{interaction.sid}", {})
    assert resp.status_code == 200, resp.text
    assert set(resp.json()) == set(interaction_schema["properties"])
    jsonschema.validate(resp.json(), interaction_schema)
    assert resp.json()["webhook_ttid"] == "flex_interactionwebhook_01jke8z8vte4ette30t5w9h081"
    # An empty value clears it.
    assert raw.post(f"/flex-api/v1/Interactions/{interaction.sid}", {"WebhookTtid": ""}).json()["webhook_ttid"] is None


def test_an_unknown_or_foreign_interaction_is_404(client, server, new_subaccount):
    center = ContactCenter(client)
    interaction = center.interaction("sms", customer_number(), phone_number())
    other = server.raw(auth=new_subaccount("interaction isolation"))
    ghost = fake_sid("KD")
    foreign = other.post(f"/flex-api/v1/Interactions/{interaction.sid}", {"WebhookTtid": "x"})
    missing = other.post(f"/flex-api/v1/Interactions/{ghost}", {"WebhookTtid": "x"})
    assert_error(foreign, 404, 20404)
    assert foreign.json()["message"].replace(interaction.sid, "X") == missing.json()["message"].replace(ghost, "X")
    assert client.flex_api.v1.interaction(interaction.sid).fetch().webhook_ttid is None


def transfer_path(channel, transfer_sid):
    """The raw path of a transfer, from the library's channel context."""
    return f"/flex-api/v1/Interactions/{channel._solution['interaction_sid']}/Channels/{channel._solution['sid']}/Transfers/{transfer_sid}"


def test_giving_up_a_transfer_nobody_took_fails_it_and_cancels_its_task(client, raw, transfer_schema):
    center, bob, task, channel, agent = transfer_setup(client)
    center.tr.workers(bob.sid).update(activity_sid=center.activities["Offline"])
    transfer = channel.transfers.create(body=TransferBody(type="warm", **{"from": agent.sid, "to": bob.sid}))
    assert transfer.status == "active"
    updated = channel.transfers(transfer.sid).update(body=TransferBody(status="failed"))
    assert (updated.sid, updated.status) == (transfer.sid, "failed")
    new_task = the_other_task(center, task)
    assert center.tr.tasks(new_task.sid).fetch().assignment_status == "canceled"
    assert center.task_status(task["sid"]) == "assigned"
    body = raw.get(transfer_path(channel, transfer.sid)).json()
    assert set(body) == set(transfer_schema["properties"])
    jsonschema.validate(body, transfer_schema)
    assert body["status"] == "failed"


def test_a_transfer_update_that_changes_nothing_answers_the_transfer(client, raw, transfer_schema, server):
    center, bob, task, channel, agent = transfer_setup(client)
    transfer = channel.transfers.create(body=TransferBody(type="warm", **{"from": agent.sid, "to": bob.sid}))
    resp = requests.post(server.base_url + transfer_path(channel, transfer.sid), data="{}", auth=(server.account_sid, server.auth_token),
                         headers={"Content-Type": "application/json"}, timeout=30)
    assert resp.status_code == 200, resp.text
    jsonschema.validate(resp.json(), transfer_schema)
    assert resp.json()["status"] == "active"
    center.accept(the_other_task(center, task).sid)
    assert channel.transfers(transfer.sid).update(body=TransferBody(status="completed")).status == "completed"


def test_a_taken_transfer_cannot_fail_and_bad_bodies_are_refused(client, raw, server):
    center, bob, task, channel, agent = transfer_setup(client)
    transfer = channel.transfers.create(body=TransferBody(type="warm", **{"from": agent.sid, "to": bob.sid}))
    center.accept(the_other_task(center, task).sid)
    for body in (TransferBody(status="failed"), TransferBody(status="paused")):
        with pytest.raises(TwilioRestException) as refused:
            channel.transfers(transfer.sid).update(body=body)
        assert (refused.value.status, refused.value.code) == (400, 20001)
    resp = requests.post(server.base_url + transfer_path(channel, transfer.sid), data="[1]", auth=(server.account_sid, server.auth_token),
                         headers={"Content-Type": "application/json"}, timeout=30)
    assert_error(resp, 400, 20001)
    with pytest.raises(TwilioRestException) as missing:
        channel.transfers(fake_sid("UX")).update(body=TransferBody(status="failed"))
    assert (missing.value.status, missing.value.code) == (404, 20404)
