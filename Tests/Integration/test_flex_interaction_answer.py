"""POST and GET /v1/Interactions answer as Twilio's real service does (the Interactions API overview page's example
response and the create example of twilio_flex_v1.json), not as the seed's illustrative JSON."""

import json

from flex_contact_center import ContactCenter, customer_number

def assert_twilios_interaction_answer(answer: dict, center: ContactCenter, channel_sid: str, initiated_by: str) -> None:
    """The channel's SID beside its type, the reservation beside the task, and the task as Flex reads it."""
    assert answer["channel"]["sid"] == channel_sid and answer["channel"]["type"] == "sms"
    assert set(answer["routing"]) == {"reservation", "properties"}
    task = answer["routing"]["properties"]
    assert task["sid"].startswith("WT") and task["workspace_sid"] == center.workspace.sid
    assert (task["task_queue_sid"], task["queue_sid"]) == (center.queue.sid, center.queue.sid)
    assert (task["task_queue_friendly_name"], task["queue_name"]) == ("Agents", "Agents")
    assert (task["workflow_friendly_name"], task["workflow_name"]) == ("Assign to Anyone", "Assign to Anyone")
    assert isinstance(task["age_in_queue"], int) and isinstance(task["assignmentCounter"], int)
    fetched = center.tr.tasks(task["sid"]).fetch()
    assert (fetched.task_queue_friendly_name, fetched.workflow_friendly_name) == ("Agents", "Assign to Anyone")

    attributes = json.loads(task["attributes"])
    conversation = attributes["conversationSid"]
    assert conversation.startswith("CH")
    assert attributes["flexInteractionSid"] == answer["sid"]
    assert attributes["flexInteractionChannelSid"] == channel_sid
    assert attributes["flexChannelInviteSid"].startswith("KG")
    assert (attributes["initiatedBy"], attributes["channelType"]) == (initiated_by, "sms")
    direction = "inbound" if initiated_by == "customer" else "outbound"
    assert attributes["direction"] == direction
    assert attributes["conversations"] == {
        "initiated_by": initiated_by.capitalize(), "communication_channel": "Sms", "direction": direction.capitalize(),
        "conversation_id": answer["sid"], "media": [{"type": "ChatTranscript", "sid": conversation, "conversation_sid": conversation}]}


def test_create_and_fetch_answer_with_the_channel_sid_the_reservation_and_the_task_flex_reads(client, raw):
    center = ContactCenter(client)
    contact_center = customer_number()
    created = center.interaction("sms", customer_number(), contact_center)
    channel_sid = client.flex_api.v1.interaction(created.sid).channels.list()[0].sid
    assert channel_sid.startswith("UO")
    created_answer = {"sid": created.sid, "channel": created.channel, "routing": created.routing}
    assert_twilios_interaction_answer(created_answer, center, channel_sid, "agent")
    # The request's own channel description stays beside the SID Twilio adds.
    assert created.channel["initiated_by"] == "agent" and created.channel["participants"][0]["proxy_address"] == contact_center

    fetched = raw.get(f"/flex-api/v1/Interactions/{created.sid}").json()
    assert_twilios_interaction_answer(fetched, center, channel_sid, "agent")
    assert fetched["routing"]["properties"]["sid"] == created.routing["properties"]["sid"]
    invite = json.loads(fetched["routing"]["properties"]["attributes"])["flexChannelInviteSid"]
    assert invite == json.loads(created.routing["properties"]["attributes"])["flexChannelInviteSid"]


def test_a_customer_initiated_interaction_says_so_in_its_task(client):
    center = ContactCenter(client)
    created = center.interaction("sms", customer_number(), customer_number(), worker=False, initiated_by="customer")
    channel_sid = client.flex_api.v1.interaction(created.sid).channels.list()[0].sid
    assert_twilios_interaction_answer({"sid": created.sid, "channel": created.channel, "routing": created.routing},
                                      center, channel_sid, "customer")
