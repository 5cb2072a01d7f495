"""Chat v2 Roles, Credentials, Bindings, Invites and a user's Channels through the twilio library, each answer in
Twilio's shape from `twilio_chat_v2.json`."""

import jsonschema
import pytest
from twilio.base.exceptions import TwilioRestException

from assertions import assert_error, assert_rest_exception, assert_shape
from factories import fake_sid, unique_name

SPEC = "twilio_chat_v2.json"
DEFAULT_ROLES = {"service admin": "deployment", "service user": "deployment", "channel admin": "channel", "channel user": "channel"}


@pytest.fixture
def schema(openapi_component):
    """A function: component name -> its JSON Schema, from the Chat v2 spec."""
    return lambda name: openapi_component(SPEC, name)


@pytest.fixture
def list_schema(openapi_answer):
    """A function: path -> the JSON Schema of its GET 200 answer, from the Chat v2 spec."""
    return lambda path: openapi_answer(SPEC, path)


def new_service(client):
    """A new Chat service."""
    return client.chat.v2.services.create(friendly_name=unique_name("roles"))


def roles_by_name(client, service_sid):
    """The service's roles by friendly name."""
    return {r.friendly_name: r for r in client.chat.v2.services(service_sid).roles.list()}


def test_a_new_service_has_twilios_four_default_roles_and_uses_them(client, raw, schema, list_schema):
    service = new_service(client)
    roles = roles_by_name(client, service.sid)
    assert {name: role.type for name, role in roles.items()} == DEFAULT_ROLES
    assert roles["channel user"].permissions == ["sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"]
    assert "createChannel" in roles["service user"].permissions and "destroyChannel" in roles["service admin"].permissions
    assert service.default_service_role_sid == roles["service user"].sid
    assert service.default_channel_role_sid == roles["channel user"].sid
    assert service.default_channel_creator_role_sid == roles["channel admin"].sid
    listed = raw.get(f"/chat/v2/Services/{service.sid}/Roles").json()
    jsonschema.validate(listed, list_schema("/v2/Services/{ServiceSid}/Roles"))
    assert listed["meta"]["key"] == "roles"
    for role in listed["roles"]:
        assert_shape(role, schema("chat.v2.service.role"))
        assert role["url"].endswith(f"/v2/Services/{service.sid}/Roles/{role['sid']}") and role["sid"].startswith("RL")
    assert_shape(raw.get(f"/chat/v2/Services/{service.sid}").json(), schema("chat.v2.service"))

    user = client.chat.v2.services(service.sid).users.create(identity="agent_ann")
    assert user.role_sid == roles["service user"].sid
    admin = client.chat.v2.services(service.sid).users.create(identity="agent_bob", role_sid=roles["service admin"].sid)
    assert admin.role_sid == roles["service admin"].sid
    demoted = client.chat.v2.services(service.sid).users(admin.sid).update(role_sid=roles["service user"].sid)
    assert demoted.role_sid == roles["service user"].sid
    assert_shape(raw.get(f"/chat/v2/Services/{service.sid}/Users/{admin.sid}").json(), schema("chat.v2.service.user"))

    channel = client.chat.v2.services(service.sid).channels.create(friendly_name="support")
    member = client.chat.v2.services(service.sid).channels(channel.sid).members.create(identity="agent_ann")
    assert member.role_sid == roles["channel user"].sid
    promoted = client.chat.v2.services(service.sid).channels(channel.sid).members(member.sid).update(role_sid=roles["channel admin"].sid)
    assert promoted.role_sid == roles["channel admin"].sid
    assert_shape(raw.get(f"/chat/v2/Services/{service.sid}/Channels/{channel.sid}/Members/{member.sid}").json(),
                 schema("chat.v2.service.channel.member"))


def test_a_role_sid_must_name_a_role_of_the_right_scope_in_the_service(client):
    service, other = new_service(client), new_service(client)
    roles, others = roles_by_name(client, service.sid), roles_by_name(client, other.sid)
    users = client.chat.v2.services(service.sid).users
    for role_sid in (roles["channel user"].sid, others["service user"].sid, fake_sid("RL")):
        with pytest.raises(TwilioRestException) as exc_info:
            users.create(identity=unique_name("u"), role_sid=role_sid)
        assert_rest_exception(exc_info, 400, 50100)
    channel = client.chat.v2.services(service.sid).channels.create()
    for role_sid in (roles["service admin"].sid, others["channel user"].sid):
        with pytest.raises(TwilioRestException) as exc_info:
            client.chat.v2.services(service.sid).channels(channel.sid).members.create(identity="x", role_sid=role_sid)
        assert_rest_exception(exc_info, 400, 50101)
    assert client.chat.v2.services(service.sid).channels(channel.sid).members.list() == []


def test_role_create_fetch_list_update_delete(client, raw, schema):
    service = new_service(client)
    roles = client.chat.v2.services(service.sid).roles
    created = roles.create(friendly_name="supervisor", type="channel", permission=["sendMessage", "removeMember"])
    assert (created.friendly_name, created.type, created.permissions) == ("supervisor", "channel", ["sendMessage", "removeMember"])
    assert created.service_sid == service.sid and created.account_sid == client.account_sid
    assert_shape(raw.get(f"/chat/v2/Services/{service.sid}/Roles/{created.sid}").json(), schema("chat.v2.service.role"))
    assert roles(created.sid).fetch().permissions == ["sendMessage", "removeMember"]
    assert [r.friendly_name for r in roles.list()] == list(DEFAULT_ROLES) + ["supervisor"]
    updated = roles(created.sid).update(permission=["sendMessage"])
    assert updated.permissions == ["sendMessage"] and updated.friendly_name == "supervisor"
    member = client.chat.v2.services(service.sid).channels(client.chat.v2.services(service.sid).channels.create().sid) \
        .members.create(identity="sup", role_sid=created.sid)
    assert member.role_sid == created.sid
    assert roles(created.sid).delete() is True
    with pytest.raises(TwilioRestException) as exc_info:
        roles(created.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)


def test_role_parameters_are_checked_as_twilio_checks_them(client, raw):
    service = new_service(client)
    path = f"/chat/v2/Services/{service.sid}/Roles"
    assert "FriendlyName" in assert_error(raw.post(path, {"Type": "channel", "Permission": "sendMessage"}), 400, 20001)["message"]
    assert "Permission" in assert_error(raw.post(path, {"FriendlyName": "x", "Type": "channel"}), 400, 20001)["message"]
    assert_error(raw.post(path, {"FriendlyName": "x", "Type": "team", "Permission": "sendMessage"}), 400, 50105)
    assert_error(raw.post(path, {"FriendlyName": "x" * 65, "Type": "channel", "Permission": "sendMessage"}), 400, 20001)
    role = roles_by_name(client, service.sid)["channel user"]
    assert "Permission" in assert_error(raw.post(f"{path}/{role.sid}", {}), 400, 20001)["message"]
    assert_error(raw.get(f"{path}/{fake_sid('RL')}"), 404, 20404)
    assert_error(raw.get(f"/chat/v2/Services/{fake_sid('IS')}/Roles"), 404, 20404)


def test_credentials_keep_their_secrets_write_only(client, raw, server, schema, list_schema):
    certificate, private_key = unique_name("-----BEGIN CERTIFICATE-----"), unique_name("-----BEGIN RSA PRIVATE KEY-----")
    created = client.chat.v2.credentials.create_with_http_info(
        type="apn", friendly_name="ios", certificate=certificate, private_key=private_key, sandbox=True)
    assert created.status_code == 201
    credential = created.data
    assert credential.sid.startswith("CR") and credential.type == "apn" and credential.sandbox == "True"
    body = raw.get(f"/chat/v2/Credentials/{credential.sid}").json()
    assert_shape(body, schema("chat.v2.credential"))
    assert body["url"] == f"{server.base_url}/chat/v2/Credentials/{credential.sid}"
    secret = unique_name("fcm-secret")
    fcm = client.chat.v2.credentials.create(type="fcm", friendly_name="android", secret=secret)
    assert fcm.sandbox is None
    listed = raw.get("/chat/v2/Credentials", PageSize=1000).json()
    jsonschema.validate(listed, list_schema("/v2/Credentials"))
    assert {c["sid"] for c in listed["credentials"]} >= {credential.sid, fcm.sid}
    updated = client.chat.v2.credentials(credential.sid).update(friendly_name="ios prod", sandbox=False, certificate=unique_name("cert"))
    assert (updated.friendly_name, updated.sandbox, updated.type) == ("ios prod", "False", "apn")
    for text in (raw.get(f"/chat/v2/Credentials/{credential.sid}").text, raw.get("/chat/v2/Credentials").text):
        assert certificate not in text and private_key not in text and secret not in text
    log = server.process.stderr_path.read_text() + server.process.stdout_path.read_text()
    assert certificate not in log and private_key not in log and secret not in log
    assert client.chat.v2.credentials(fcm.sid).delete() is True
    with pytest.raises(TwilioRestException) as exc_info:
        client.chat.v2.credentials(fcm.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)


def test_credential_parameters_are_checked(raw, server, new_subaccount, client):
    assert "Type" in assert_error(raw.post("/chat/v2/Credentials", {"FriendlyName": "x"}), 400, 20001)["message"]
    assert_error(raw.post("/chat/v2/Credentials", {"Type": "sms", "Secret": "s"}), 400, 20001)
    assert "Secret" in assert_error(raw.post("/chat/v2/Credentials", {"Type": "fcm"}), 400, 20001)["message"]
    assert "ApiKey" in assert_error(raw.post("/chat/v2/Credentials", {"Type": "gcm"}), 400, 20001)["message"]
    assert "PrivateKey" in assert_error(raw.post("/chat/v2/Credentials", {"Type": "apn", "Certificate": "c"}), 400, 20001)["message"]
    mine = client.chat.v2.credentials.create(type="gcm", api_key=unique_name("key"))
    sid, token = new_subaccount("credentials")
    other = server.raw(auth=(sid, token))
    assert_error(other.get(f"/chat/v2/Credentials/{mine.sid}"), 404, 20404)
    assert_error(other.delete(f"/chat/v2/Credentials/{mine.sid}"), 404, 20404)
    assert mine.sid not in {c["sid"] for c in other.get("/chat/v2/Credentials").json()["credentials"]}


def test_bindings_lists_are_empty_and_no_binding_is_found(client, raw, list_schema):
    service = new_service(client)
    user = client.chat.v2.services(service.sid).users.create(identity="agent_ann")
    assert client.chat.v2.services(service.sid).bindings.list(binding_type=["apn"], identity=["agent_ann"]) == []
    assert client.chat.v2.services(service.sid).users(user.sid).user_bindings.list() == []
    listed = raw.get(f"/chat/v2/Services/{service.sid}/Bindings", BindingType="fcm", Identity="agent_ann").json()
    jsonschema.validate(listed, list_schema("/v2/Services/{ServiceSid}/Bindings"))
    assert listed["bindings"] == [] and listed["meta"]["key"] == "bindings"
    assert "BindingType=fcm" in listed["meta"]["url"] and "Identity=agent_ann" in listed["meta"]["url"]
    user_listed = raw.get(f"/chat/v2/Services/{service.sid}/Users/agent_ann/Bindings").json()
    jsonschema.validate(user_listed, list_schema("/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings"))
    assert user_listed["bindings"] == []
    assert_error(raw.get(f"/chat/v2/Services/{service.sid}/Bindings", BindingType="sms"), 400, 20001)
    for path in (f"/chat/v2/Services/{service.sid}/Bindings/{fake_sid('BS')}",
                 f"/chat/v2/Services/{service.sid}/Users/{user.sid}/Bindings/{fake_sid('BS')}"):
        assert_error(raw.get(path), 404, 20404)
        assert_error(raw.delete(path), 404, 20404)
    with pytest.raises(TwilioRestException) as exc_info:
        client.chat.v2.services(service.sid).bindings(fake_sid("BS")).fetch()
    assert_rest_exception(exc_info, 404, 20404)
    assert_error(raw.get(f"/chat/v2/Services/{fake_sid('IS')}/Bindings"), 404, 20404)
    assert_error(raw.get(f"/chat/v2/Services/{service.sid}/Users/{fake_sid('US')}/Bindings"), 404, 20404)


def test_invites_create_fetch_list_delete(client, raw, schema, list_schema):
    service = new_service(client)
    roles = roles_by_name(client, service.sid)
    channel = client.chat.v2.services(service.sid).channels.create(friendly_name="support")
    invites = client.chat.v2.services(service.sid).channels(channel.sid).invites
    ann = invites.create(identity="agent_ann")
    assert ann.sid.startswith("IN") and ann.role_sid == roles["channel user"].sid and ann.channel_sid == channel.sid
    bob = invites.create(identity="agent_bob", role_sid=roles["channel admin"].sid)
    assert bob.role_sid == roles["channel admin"].sid
    body = raw.get(f"/chat/v2/Services/{service.sid}/Channels/{channel.sid}/Invites/{ann.sid}").json()
    assert_shape(body, schema("chat.v2.service.channel.invite"))
    assert invites(ann.sid).fetch().identity == "agent_ann"
    assert [i.identity for i in invites.list()] == ["agent_ann", "agent_bob"]
    assert [i.sid for i in invites.list(identity=["agent_bob"])] == [bob.sid]
    listed = raw.get(f"/chat/v2/Services/{service.sid}/Channels/{channel.sid}/Invites", Identity="agent_ann").json()
    jsonschema.validate(listed, list_schema("/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites"))
    with pytest.raises(TwilioRestException) as exc_info:
        invites.create(identity="agent_ann")
    assert_rest_exception(exc_info, 409, 50212)
    with pytest.raises(TwilioRestException) as exc_info:
        invites.create(identity="agent_cy", role_sid=roles["service user"].sid)
    assert_rest_exception(exc_info, 400, 50101)
    # Joining answers the invite.
    client.chat.v2.services(service.sid).channels(channel.sid).members.create(identity="agent_bob")
    assert [i.identity for i in invites.list()] == ["agent_ann"]
    assert invites(ann.sid).delete() is True
    assert invites.list() == []
    assert_error(raw.get(f"/chat/v2/Services/{service.sid}/Channels/{channel.sid}/Invites/{ann.sid}"), 404, 20404)


def test_a_users_channels_are_its_memberships(client, raw, schema, list_schema):
    service = new_service(client)
    chat = client.chat.v2.services(service.sid)
    user = chat.users.create(identity="agent_ann")
    first, second = chat.channels.create(unique_name=unique_name("first").replace(" ", "-")), chat.channels.create(friendly_name="second")
    chat.channels.create(friendly_name="not joined")
    member = chat.channels(first.sid).members.create(identity="agent_ann")
    chat.channels(second.sid).members.create(identity="agent_ann")
    for body in ("one", "two", "three"):
        chat.channels(first.sid).messages.create(body=body)
    rows = chat.users(user.sid).user_channels.list()
    assert [(r.channel_sid, r.status, r.user_sid) for r in rows] == [(first.sid, "joined", user.sid), (second.sid, "joined", user.sid)]
    assert rows[0].member_sid == member.sid and rows[0].unread_messages_count is None and rows[0].notification_level == "default"
    listed = raw.get(f"/chat/v2/Services/{service.sid}/Users/{user.sid}/Channels").json()
    jsonschema.validate(listed, list_schema("/v2/Services/{ServiceSid}/Users/{UserSid}/Channels"))
    row = raw.get(f"/chat/v2/Services/{service.sid}/Users/agent_ann/Channels/{first.unique_name}").json()
    assert_shape(row, schema("chat.v2.service.user.user_channel"))
    assert row["links"]["member"].endswith(f"/Channels/{first.sid}/Members/{member.sid}")

    updated = chat.users(user.sid).user_channels(first.sid).update(
        notification_level="muted", last_consumed_message_index=0, last_consumption_timestamp="2026-01-02T03:04:05Z")
    assert (updated.notification_level, updated.last_consumed_message_index, updated.unread_messages_count) == ("muted", 0, 2)
    seen = chat.channels(first.sid).members(member.sid).fetch()
    assert seen.last_consumed_message_index == 0
    assert raw.get(f"/chat/v2/Services/{service.sid}/Channels/{first.sid}/Members/{member.sid}").json()[
        "last_consumption_timestamp"] == "2026-01-02T03:04:05Z"
    assert_error(raw.post(f"/chat/v2/Services/{service.sid}/Users/{user.sid}/Channels/{first.sid}", {"NotificationLevel": "loud"}), 400, 20001)

    assert chat.users(user.sid).user_channels(first.sid).delete() is True
    assert chat.channels(first.sid).members.list() == []
    assert [r.channel_sid for r in chat.users(user.sid).user_channels.list()] == [second.sid]
    assert chat.users(user.sid).fetch().joined_channels_count == 1
    with pytest.raises(TwilioRestException) as exc_info:
        chat.users(user.sid).user_channels(first.sid).fetch()
    assert_rest_exception(exc_info, 404, 20404)


def test_another_accounts_service_answers_not_found(client, server, new_subaccount):
    service = new_service(client)
    sid, token = new_subaccount("chat-roles")
    other = server.raw(auth=(sid, token))
    for path in (f"/chat/v2/Services/{service.sid}/Roles", f"/chat/v2/Services/{service.sid}/Bindings"):
        assert_error(other.get(path), 404, 20404)
    assert_error(other.post(f"/chat/v2/Services/{service.sid}/Roles", {"FriendlyName": "x", "Type": "channel", "Permission": "a"}), 404, 20404)
