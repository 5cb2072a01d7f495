"""docs/COVERAGE.md: generated from the router and Twilio's OpenAPI files, never stale, and complete where required."""

import json
import subprocess
import sys

import pytest

from shared_data import REPO_ROOT, SHARED_DIR

SPECS = SHARED_DIR / "twilio-oai"
COVERAGE = REPO_ROOT / "scripts" / "coverage"

pytestmark = pytest.mark.skipif(not SPECS.is_dir(), reason=f"Twilio's OpenAPI files are not at {SPECS} (../shared is absent)")


def coverage(binary, *arguments):
    """Run scripts/coverage against `binary`; the completed process."""
    return subprocess.run([sys.executable, str(COVERAGE), "--binary", str(binary), *arguments],
                          capture_output=True, text=True, check=False)


def test_the_committed_coverage_table_is_what_the_router_and_the_specs_give_today(switchboard_bin):
    run = coverage(switchboard_bin, "--check")
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr


def test_every_required_operation_is_implemented(switchboard_bin):
    run = coverage(switchboard_bin, "--summary")
    assert run.returncode == 0, run.stderr
    missing = {title: f"{row['required_implemented']} of {row['required_operations']}"
               for title, row in json.loads(run.stdout).items()
               if row["required_implemented"] != row["required_operations"]}
    assert not missing, f"required operations not implemented: {missing}; see docs/COVERAGE.md"


def test_a_route_the_specs_do_not_describe_is_listed_beyond_them(switchboard_bin):
    table = (REPO_ROOT / "docs" / "COVERAGE.md").read_text(encoding="utf-8")
    beyond = table.split("## Beyond Twilio's descriptions", 1)[1]
    assert "`/health`" in beyond and "`/switchboard/v1/Outbox`" in beyond
