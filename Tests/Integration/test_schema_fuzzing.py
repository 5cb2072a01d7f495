"""Schema fuzzing: schemathesis drives every implemented operation of Twilio's OpenAPI descriptions.

Each implemented operation (as `scripts/coverage --implemented` lists it from the router) gets generated requests,
valid and invalid, bounded in examples so the suite stays fast. No response may be a 5xx, and every response whose
status the description documents must match its schema. Path parameters are pinned to resources created first, so
requests reach past the 404 of an unknown SID into the handlers.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from twilio.rest.content.v1.content import ContentList

from factories import unique_name
from shared_data import REPO_ROOT, SHARED_DIR

SPECS = SHARED_DIR / "twilio-oai"
# Per operation; examples and fuzzing phases. Enough to reach every handler with valid and invalid input while the
# whole run stays around a minute per backend.
MAX_EXAMPLES = 6
SEED = 20261202
CHECKS = "not_a_server_error,response_schema_conformance"
ST_TIMEOUT_S = 600

pytestmark = pytest.mark.skipif(not SPECS.is_dir(), reason=f"Twilio's OpenAPI files are not at {SPECS} (../shared is absent)")


def implemented_operations(binary) -> dict:
    """`scripts/coverage --implemented`: per OpenAPI file, its prefix and the implemented operations."""
    run = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "coverage"), "--implemented", "--binary", str(binary)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(run.stdout)


def collection_of(path: str, parameter: str):
    """The collection a `{parameter}` names in `path`: `Workers` for `/Workspaces/{WorkspaceSid}/Workers/{Sid}`."""
    match = re.search(r"/([A-Za-z]+)/\{" + re.escape(parameter) + r"\}", path)
    return match.group(1) if match else None


def pinned_spec(spec: dict, operations, by_name: dict, by_collection: dict) -> dict:
    """The description cut down to `operations`, with Twilio's per-path servers dropped (the run's --url replaces them)
    and path parameters pinned to real SIDs: by name (`WorkspaceSid`), or for a bare `{Sid}` by the collection it
    names, except on DELETE, which keeps random SIDs so the run cannot remove the resources it relies on."""
    wanted = {(method.lower(), path) for method, path in operations}
    out = {key: value for key, value in spec.items() if key not in ("paths", "servers")}
    out["paths"] = {}
    for path, item in spec["paths"].items():
        kept = {key: value for key, value in item.items() if (key, path) in wanted}
        if not kept:
            continue
        for method, operation in kept.items():
            parameters = [dict(p) for p in item.get("parameters", []) + operation.get("parameters", [])]
            for parameter in parameters:
                if parameter.get("in") != "path":
                    continue
                name = parameter["name"]
                value = by_name.get(name)
                if value is None and name == "Sid" and method != "delete":
                    value = by_collection.get(collection_of(path, name))
                if value is not None:
                    parameter["schema"] = {"type": "string", "enum": [value]}
            operation = dict(operation)
            operation["parameters"] = parameters
            out["paths"].setdefault(path, {})[method] = operation
        for key in ("description", "x-twilio"):
            if key in item:
                out["paths"][path][key] = item[key]
    return out


def relative_uris(node):
    """Drops `format: uri` from properties named `uri` or `…_uri`. API 2010 answers them as paths relative to its
    host (`/2010-04-01/Accounts.json?PageSize=50&Page=0`), as the description's own examples show, though its
    schemas call them absolute URIs."""
    if isinstance(node, list):
        for item in node:
            relative_uris(item)
    elif isinstance(node, dict):
        for name, schema in node.get("properties", {}).items():
            if (name == "uri" or name.endswith("_uri")) and isinstance(schema, dict) and schema.get("format") == "uri":
                del schema["format"]
        for value in node.values():
            relative_uris(value)
    return node


def seed_resources(client):
    """Resources in a fresh account for the path parameters to name, per OpenAPI file: (by name, by collection)."""
    workspace = client.taskrouter.v1.workspaces.create(friendly_name=unique_name("fuzz"))
    ws = client.taskrouter.v1.workspaces(workspace.sid)
    activity = ws.activities.list(limit=1)[0]
    queue = ws.task_queues.create(friendly_name=unique_name("queue"))
    workflow = ws.workflows.create(friendly_name=unique_name("flow"), configuration=json.dumps(
        {"task_routing": {"filters": [], "default_filter": {"queue": queue.sid}}}))
    worker = ws.workers.create(friendly_name=unique_name("worker"))
    task = ws.tasks.create(attributes="{}", workflow_sid=workflow.sid)
    channel = ws.task_channels.list(limit=1)[0]

    chat_service = client.chat.v2.services.create(friendly_name=unique_name("chat"))
    chat = client.chat.v2.services(chat_service.sid)
    chat_channel = chat.channels.create(friendly_name=unique_name("channel"))
    chat_user = chat.users.create(identity=unique_name("user"))
    member = chat.channels(chat_channel.sid).members.create(identity=chat_user.identity)
    chat_message = chat.channels(chat_channel.sid).messages.create(body="hello")

    conversation = client.conversations.v1.conversations.create(friendly_name=unique_name("conversation"))
    participant = client.conversations.v1.conversations(conversation.sid).participants.create(identity=unique_name("agent"))
    message = client.conversations.v1.conversations(conversation.sid).messages.create(author="agent", body="hi")

    proxy_service = client.proxy.v1.services.create(unique_name=unique_name("proxy"))
    session = client.proxy.v1.services(proxy_service.sid).sessions.create(unique_name=unique_name("session"))

    content = client.content.v1.contents.create(ContentList.ContentCreateRequest({
        "friendly_name": unique_name("content"), "language": "en",
        "types": {"twilio/text": {"body": "Hello {{1}}"}}, "variables": {"1": "there"}}))

    flow = client.flex_api.v1.flex_flow.create(
        friendly_name=unique_name("flow"), chat_service_sid=chat_service.sid, channel_type="sms",
        integration_type="task", integration_workspace_sid=workspace.sid, integration_workflow_sid=workflow.sid,
        integration_channel="default")

    return {
        "twilio_taskrouter_v1.json": (
            {"WorkspaceSid": workspace.sid, "WorkerSid": worker.sid, "TaskQueueSid": queue.sid,
             "WorkflowSid": workflow.sid, "TaskSid": task.sid},
            {"Workspaces": workspace.sid, "Activities": activity.sid, "TaskQueues": queue.sid, "Workflows": workflow.sid,
             "Workers": worker.sid, "Tasks": task.sid, "TaskChannels": channel.sid}),
        "twilio_chat_v2.json": (
            {"ServiceSid": chat_service.sid, "ChannelSid": chat_channel.sid, "UserSid": chat_user.sid},
            {"Services": chat_service.sid, "Channels": chat_channel.sid, "Users": chat_user.sid,
             "Members": member.sid, "Messages": chat_message.sid}),
        "twilio_conversations_v1.json": (
            {"ConversationSid": conversation.sid, "ChatServiceSid": chat_service.sid, "MessageSid": message.sid},
            {"Conversations": conversation.sid, "Participants": participant.sid, "Messages": message.sid,
             "Services": chat_service.sid}),
        "twilio_proxy_v1.json": (
            {"ServiceSid": proxy_service.sid, "SessionSid": session.sid},
            {"Services": proxy_service.sid, "Sessions": session.sid}),
        "twilio_content_v1.json": ({"ContentSid": content.sid}, {"Content": content.sid}),
        "twilio_flex_v1.json": ({}, {"FlexFlows": flow.sid}),
    }


def test_every_implemented_operation_survives_schema_fuzzing_with_no_5xx_and_schema_conformant_answers(
        server, switchboard_bin, new_subaccount, tmp_path):
    implemented = implemented_operations(switchboard_bin)
    account_sid, auth_token = new_subaccount("fuzzing")
    pins = seed_resources(server.client(account_sid, auth_token))
    st = Path(sys.executable).parent / "st"
    failures, ran = [], 0
    for file, listing in implemented.items():
        if not listing["operations"]:
            continue
        by_name, by_collection = pins.get(file, ({}, {}))
        spec = relative_uris(json.loads((SPECS / file).read_text(encoding="utf-8")))
        filtered = tmp_path / file
        filtered.write_text(json.dumps(pinned_spec(spec, listing["operations"], by_name, by_collection)), encoding="utf-8")
        run = subprocess.run(
            [str(st), "run", str(filtered), "--url", server.base_url + listing["prefix"],
             "--auth", f"{account_sid}:{auth_token}", "--checks", CHECKS, "--max-examples", str(MAX_EXAMPLES),
             "--seed", str(SEED), "--phases", "examples,fuzzing", "--workers", "1", "--no-shrink", "--warnings", "off"],
            capture_output=True, text=True, timeout=ST_TIMEOUT_S, check=False, cwd=tmp_path)
        ran += len(listing["operations"])
        summary = re.search(r"(\d+) generated, (\d+) passed", run.stdout)
        if run.returncode != 0 or summary is None:
            failures.append(f"--- {file}: exit {run.returncode}\n{run.stdout[-6000:]}\n{run.stderr[-2000:]}")
    assert ran > 0, "scripts/coverage listed no implemented operation"
    assert not failures, "\n".join(failures)
