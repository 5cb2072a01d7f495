"""Content v1 through the official library: every operation of Twilio's spec, each answer exactly its schema."""

import jsonschema
import pytest
import requests
from twilio.base.exceptions import TwilioRestException
from twilio.rest.content.v1.content import ContentList
from twilio.rest.content.v1.content.approval_create import ApprovalCreateList

from assertions import assert_rest_exception
from factories import fake_sid, unique_name

SPEC = "twilio_content_v1.json"


def assert_schema(body: dict, openapi_component, name: str) -> None:
    """Exactly the schema's properties, schema-valid."""
    schema = openapi_component(SPEC, name)
    assert set(body) == set(schema["properties"]), (name, sorted(set(body) ^ set(schema["properties"])))
    jsonschema.validate(body, schema)


def create(client, body="Hi {{1}}", name=None):
    """A text template."""
    return client.content.v1.contents.create(ContentList.ContentCreateRequest(
        {"friendly_name": name or unique_name("template"), "language": "en", "variables": {"1": "name"},
         "types": {"twilio/text": {"body": body}}}))


def submit(client, sid, name="order_update"):
    """Submits for WhatsApp approval; the sandbox rejects names that ask for it."""
    return client.content.v1.contents(sid).approval_create.create(
        ApprovalCreateList.ContentApprovalRequest({"name": name, "category": "UTILITY"}))


def content_url(server, path: str) -> str:
    return f"{server.base_url}/content/v1/{path}"


def get(server, path: str, auth=None, **params) -> requests.Response:
    return requests.get(content_url(server, path), params=params, auth=auth or (server.account_sid, server.auth_token), timeout=30)


def test_every_existing_operation_answers_exactly_its_schema(client, server, openapi_component):
    content = create(client)
    created = get(server, f"Content/{content.sid}").json()
    assert_schema(created, openapi_component, "content.v1.content")
    listed = get(server, "Content", PageSize=1000).json()
    assert content.sid in [c["sid"] for c in listed["contents"]]
    for item in listed["contents"]:
        assert_schema(item, openapi_component, "content.v1.content")
    resp = requests.post(content_url(server, f"Content/{content.sid}/ApprovalRequests/whatsapp"), auth=(server.account_sid, server.auth_token),
                         json={"name": "order_update", "category": "UTILITY"}, timeout=30)
    assert resp.status_code == 201, resp.text
    assert_schema(resp.json(), openapi_component, "content.v1.content.approval_create")
    assert_schema(get(server, f"Content/{content.sid}/ApprovalRequests").json(), openapi_component, "content.v1.content.approval_fetch")


def test_update_replaces_the_types_and_changes_only_what_is_given(client, server, openapi_component):
    content = create(client, name="before")
    update = client.content.v1.contents(content.sid).update_with_http_info(ContentList.ContentUpdateRequest(
        {"types": {"twilio/text": {"body": "Hello {{1}}, welcome back"}}}))
    assert update.status_code == 200
    updated = update.data
    assert (updated.sid, updated.friendly_name, updated.language, updated.variables) == (content.sid, "before", "en", {"1": "name"})
    assert updated.types == {"twilio/text": {"body": "Hello {{1}}, welcome back"}}
    assert updated.date_created == content.date_created and updated.date_updated >= content.date_updated
    renamed = client.content.v1.contents(content.sid).update(ContentList.ContentUpdateRequest(
        {"friendly_name": "after", "language": "es", "variables": {"1": "nombre"}, "types": {"twilio/text": {"body": "Hola {{1}}"}}}))
    assert (renamed.friendly_name, renamed.language, renamed.variables) == ("after", "es", {"1": "nombre"})
    fetched = client.content.v1.contents(content.sid).fetch()
    assert (fetched.friendly_name, fetched.types) == ("after", {"twilio/text": {"body": "Hola {{1}}"}})
    resp = requests.put(content_url(server, f"Content/{content.sid}"), auth=(server.account_sid, server.auth_token),
                        json={"types": {"twilio/text": {"body": "Once more"}}}, timeout=30)
    assert resp.status_code == 200
    assert_schema(resp.json(), openapi_component, "content.v1.content")


def test_update_needs_valid_types_and_refuses_a_submitted_template_with_92009(client):
    content = create(client)
    with pytest.raises(TwilioRestException) as no_types:
        client.content.v1.contents(content.sid).update(ContentList.ContentUpdateRequest({"friendly_name": "x"}))
    assert_rest_exception(no_types, 400, 20001)
    for name in ("order_update", "please_reject"):
        submitted = create(client)
        submit(client, submitted.sid, name=name)
        with pytest.raises(TwilioRestException) as refused:
            client.content.v1.contents(submitted.sid).update(ContentList.ContentUpdateRequest({"types": {"twilio/text": {"body": "changed"}}}))
        assert_rest_exception(refused, 400, 92009)
        assert client.content.v1.contents(submitted.sid).fetch().types == {"twilio/text": {"body": "Hi {{1}}"}}


def test_another_accounts_template_cannot_be_updated_and_is_not_listed(client, server, new_subaccount):
    other = server.client(*new_subaccount())
    theirs = create(other)
    with pytest.raises(TwilioRestException) as missing:
        client.content.v1.contents(theirs.sid).update(ContentList.ContentUpdateRequest({"types": {"twilio/text": {"body": "x"}}}))
    assert_rest_exception(missing, 404, 20404)
    with pytest.raises(TwilioRestException) as unknown:
        client.content.v1.contents(fake_sid("HX")).update(ContentList.ContentUpdateRequest({"types": {"twilio/text": {"body": "x"}}}))
    assert_rest_exception(unknown, 404, 20404)
    assert theirs.sid not in [c.sid for c in client.content.v1.content_and_approvals.list()]
    assert [c.sid for c in other.content.v1.content_and_approvals.list()] == [theirs.sid]


def test_content_and_approvals_lists_each_template_with_its_approval_request(client, server, openapi_component, new_subaccount):
    account = server.client(*new_subaccount())
    fresh, approved, rejected = create(account), create(account), create(account)
    submit(account, approved.sid)
    submit(account, rejected.sid, name="please_reject")
    listed = {c.sid: c for c in account.content.v1.content_and_approvals.list()}
    assert list(listed) == [fresh.sid, approved.sid, rejected.sid]
    assert listed[fresh.sid].approval_requests == {"name": "", "category": "", "content_type": "", "status": "unsubmitted",
                                                   "rejection_reason": "", "allow_category_change": True}
    assert listed[approved.sid].approval_requests | {"rejection_reason": None} == {
        "name": "order_update", "category": "UTILITY", "content_type": "twilio/text", "status": "approved",
        "rejection_reason": None, "allow_category_change": True}
    assert (listed[rejected.sid].approval_requests["status"], bool(listed[rejected.sid].approval_requests["rejection_reason"])) == ("rejected", True)
    assert (listed[fresh.sid].friendly_name, listed[fresh.sid].types) == (fresh.friendly_name, fresh.types)

    sid, token = account.username, account.password
    page = get(server, "ContentAndApprovals", auth=(sid, token), PageSize=2).json()
    assert [c["sid"] for c in page["contents"]] == [fresh.sid, approved.sid]
    assert page["meta"]["key"] == "contents" and page["meta"]["page_size"] == 2 and page["meta"]["next_page_url"]
    assert page["meta"]["url"].startswith(content_url(server, "ContentAndApprovals"))
    for item in page["contents"]:
        assert_schema(item, openapi_component, "content.v1.content_and_approvals")
    second = requests.get(page["meta"]["next_page_url"], auth=(sid, token), timeout=30).json()
    assert [c["sid"] for c in second["contents"]] == [rejected.sid]


def test_legacy_content_is_twilios_empty_page(client, server):
    create(client)
    assert client.content.v1.legacy_contents.list() == []
    body = get(server, "LegacyContent", PageSize=10).json()
    assert body == {"contents": [], "meta": {
        "page": 0, "page_size": 10, "first_page_url": content_url(server, "LegacyContent?PageSize=10&Page=0"), "previous_page_url": None,
        "url": content_url(server, "LegacyContent?PageSize=10&Page=0"), "next_page_url": None, "key": "contents"}}
    assert get(server, "LegacyContent", auth=("AC" + "0" * 32, "wrong")).status_code == 401
