"""Turning a schema of Twilio's OpenAPI 3.0 files into plain JSON Schema for jsonschema."""

import json
from pathlib import Path
from typing import Any, Dict


def load_spec(path: Path) -> Dict[str, Any]:
    """Read one OpenAPI JSON file."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def component(spec: Dict[str, Any], name: str) -> Dict[str, Any]:
    """`components.schemas[name]` with $refs inlined and OpenAPI `nullable` turned into JSON Schema."""
    return to_json_schema(spec["components"]["schemas"][name], spec)


def to_json_schema(node: Any, spec: Dict[str, Any]) -> Any:
    """Recursively inline local $refs and express `nullable: true` as an allowed null."""
    if isinstance(node, list):
        return [to_json_schema(item, spec) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return to_json_schema(target, spec)
    out = {k: to_json_schema(v, spec) for k, v in node.items() if k != "nullable" and not k.startswith("x-")}
    if node.get("nullable"):
        if "type" in out:
            out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
    return out
