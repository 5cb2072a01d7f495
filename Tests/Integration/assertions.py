"""Checks shared by many tests: Twilio's error body, date formats, exact key sets."""

import re

import jsonschema
import requests

ERROR_KEYS = {"code", "message", "more_info", "status"}
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
RFC_2822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
                      r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$")


def assert_error(resp: requests.Response, status: int, code: int) -> dict:
    """Assert an HTTP error with Twilio's exact four-key JSON body; return the body."""
    assert resp.status_code == status, f"expected HTTP {status}, got {resp.status_code}: {resp.text}"
    assert resp.headers.get("Content-Type", "").startswith("application/json"), resp.headers
    body = resp.json()
    assert set(body) == ERROR_KEYS, f"error body keys {sorted(body)} != {sorted(ERROR_KEYS)}"
    assert body["code"] == code, body
    assert body["status"] == status, body
    assert body["more_info"] == f"https://www.twilio.com/docs/errors/{code}", body
    assert isinstance(body["message"], str) and body["message"].strip(), body
    return body


def assert_rest_exception(exc_info, status: int, code: int) -> None:
    """Assert a TwilioRestException carries this HTTP status and Twilio error code."""
    exc = exc_info.value
    assert exc.status == status, f"status {exc.status} != {status}: {exc}"
    assert exc.code == code, f"code {exc.code} != {code}: {exc}"


def assert_iso_dates(resource: dict) -> None:
    """Assert date_created / date_updated are ISO 8601 UTC like 2016-08-01T22:10:40Z."""
    for key in ("date_created", "date_updated"):
        assert ISO_8601.match(resource[key] or ""), f"{key}={resource[key]!r} is not ISO 8601 UTC"


def assert_rfc2822_dates(resource: dict) -> None:
    """Assert date_created / date_updated are RFC 2822 like Thu, 30 Jul 2015 20:00:00 +0000."""
    for key in ("date_created", "date_updated"):
        assert RFC_2822.match(resource[key] or ""), f"{key}={resource[key]!r} is not RFC 2822"


def assert_shape(body: dict, schema: dict) -> None:
    """Exactly the schema's properties, valid against it, and ISO 8601 dates where it has them."""
    assert set(body) == set(schema["properties"]), sorted(set(body) ^ set(schema["properties"]))
    jsonschema.validate(body, schema)
    if "date_created" in body:
        assert_iso_dates(body)
