"""Interactions, Conversations and Content answer with exactly the properties of Twilio's OpenAPI schemas."""

import json


from flex_contact_center import ContactCenter, approved_template, customer_number
from assertions import assert_shape

FLEX, CONVERSATIONS, CONTENT = "twilio_flex_v1.json", "twilio_conversations_v1.json", "twilio_content_v1.json"


def test_every_resource_of_an_interaction_has_twilios_shape(client, raw, openapi_component):
    center = ContactCenter(client)
    interaction = center.interaction("whatsapp", "whatsapp:" + customer_number(), "whatsapp:+15005550006")
    kd = interaction.sid
    assert_shape(raw.get(f"/flex-api/v1/Interactions/{kd}").json(), openapi_component(FLEX, "flex.v1.interaction"))
    channel = raw.get(f"/flex-api/v1/Interactions/{kd}/Channels").json()["channels"][0]
    assert_shape(channel, openapi_component(FLEX, "flex.v1.interaction.interaction_channel"))
    participant = raw.get(f"/flex-api/v1/Interactions/{kd}/Channels/{channel['sid']}/Participants").json()["participants"][0]
    assert_shape(participant, openapi_component(FLEX, "flex.v1.interaction.interaction_channel.interaction_channel_participant"))
    invite = raw.post(f"/flex-api/v1/Interactions/{kd}/Channels/{channel['sid']}/Invites",
                      {"Routing": json.dumps(center.routing(worker=False))}).json()
    assert_shape(invite, openapi_component(FLEX, "flex.v1.interaction.interaction_channel.interaction_channel_invite"))

    ch = json.loads(interaction.routing["properties"]["attributes"])["conversationSid"]
    assert_shape(raw.get(f"/conversations/v1/Conversations/{ch}").json(), openapi_component(CONVERSATIONS, "conversations.v1.conversation"))
    member = raw.get(f"/conversations/v1/Conversations/{ch}/Participants").json()["participants"][0]
    assert_shape(member, openapi_component(CONVERSATIONS, "conversations.v1.conversation.conversation_participant"))
    content, _ = approved_template(client, "Hi {{1}}")
    message = raw.post(f"/conversations/v1/Conversations/{ch}/Messages", {"ContentSid": content.sid, "ContentVariables": '{"1": "Ann"}'}).json()
    assert_shape(message, openapi_component(CONVERSATIONS, "conversations.v1.conversation.conversation_message"))
    receipts = raw.get(f"/conversations/v1/Conversations/{ch}/Messages/{message['sid']}/Receipts").json()["delivery_receipts"]
    assert_shape(receipts[0], openapi_component(CONVERSATIONS, "conversations.v1.conversation.conversation_message.conversation_message_receipt"))
    webhook = raw.post(f"/conversations/v1/Conversations/{ch}/Webhooks",
                       {"Target": "webhook", "Configuration.Url": "https://hooks.example.com/c", "Configuration.Filters": "onMessageAdded"}).json()
    assert_shape(webhook, openapi_component(CONVERSATIONS, "conversations.v1.conversation.conversation_scoped_webhook"))
    found = raw.get("/conversations/v1/ParticipantConversations", Address=member["messaging_binding"]["address"]).json()["conversations"][0]
    assert_shape(found, openapi_component(CONVERSATIONS, "conversations.v1.participant_conversation"))
    assert_shape(raw.get(f"/content/v1/Content/{content.sid}").json(), openapi_component(CONTENT, "content.v1.content"))
    assert_shape(raw.get(f"/content/v1/Content/{content.sid}/ApprovalRequests").json(), openapi_component(CONTENT, "content.v1.content.approval_fetch"))


def test_configuration_resources_have_twilios_shape(raw, openapi_component):
    address = raw.post("/conversations/v1/Configuration/Addresses",
                       {"Type": "sms", "Address": customer_number(), "AutoCreation.Enabled": "true", "AutoCreation.Type": "default"})
    assert address.status_code == 201, address.text
    assert_shape(address.json(), openapi_component(CONVERSATIONS, "conversations.v1.configuration_address"))
    webhooks = raw.get("/conversations/v1/Configuration/Webhooks").json()
    assert_shape(webhooks, openapi_component(CONVERSATIONS, "conversations.v1.configuration.configuration_webhook"))
