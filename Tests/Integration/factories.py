"""Unique names, well-formed fake SIDs, credentials and Flex Flow parameters for tests."""

import secrets
import uuid


def unique_name(label: str) -> str:
    """A FriendlyName no other run or test uses: `label` plus a random suffix."""
    return f"{label} {uuid.uuid4().hex[:12]}"


def fake_sid(prefix: str) -> str:
    """A well-formed SID (`prefix` + 32 lowercase hex) that names nothing on the server."""
    return prefix + secrets.token_hex(16)


def random_auth_token() -> str:
    """A 32-hex-digit auth token."""
    return secrets.token_hex(16)


def integration_form(integration_type: str) -> dict:
    """The form fields a Flex Flow of this IntegrationType requires."""
    return {
        "task": {"Integration.WorkspaceSid": fake_sid("WS"), "Integration.WorkflowSid": fake_sid("WW"),
                 "Integration.Channel": "sms"},
        "studio": {"Integration.FlowSid": fake_sid("FW")},
        "external": {"Integration.Url": "https://example.com/flex-hook"},
    }[integration_type]


def flow_form(friendly_name: str, integration_type: str = "task", /, **overrides) -> dict:
    """Form fields (Twilio names) for a valid Flex Flow; `overrides` replace fields, or drop them with None."""
    form = {"FriendlyName": friendly_name, "ChatServiceSid": fake_sid("IS"), "ChannelType": "sms",
            "IntegrationType": integration_type, **integration_form(integration_type)}
    form.update(overrides)
    return {k: v for k, v in form.items() if v is not None}


def flow_kwargs(friendly_name: str, /, **overrides) -> dict:
    """Keyword arguments for `client.flex_api.v1.flex_flow.create` making a valid task Flex Flow."""
    kwargs = {
        "friendly_name": friendly_name,
        "chat_service_sid": fake_sid("IS"),
        "channel_type": "sms",
        "integration_type": "task",
        "integration_workspace_sid": fake_sid("WS"),
        "integration_workflow_sid": fake_sid("WW"),
        "integration_channel": "sms",
    }
    kwargs.update(overrides)
    return kwargs
