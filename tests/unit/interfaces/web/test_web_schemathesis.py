"""Schemathesis over the app's own /openapi.json: no 5xx, every answer as the spec says.

Runs in-process over ASGI against the small web store, a bounded number of
examples per operation so the whole run stays well under a minute. Valid and
invalid requests (positive and negative generation) must both be answered with a
status the spec lists, a body that matches its schema, and never a 5xx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from bilat.config import Settings
from bilat.interfaces.web import create_app
from tests.unit.interfaces.web.conftest import TOKEN
from tests.unit.interfaces.web.web_corpus import articles, make_store

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]
EXAMPLES = 30
# Operations whose every parameter takes any string: there is no invalid request to make.
NOTHING_INVALID = {"GET /api/actors", "GET /api/articles/{article_id}"}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    db = make_store(Path(tmp_path_factory.mktemp("schemathesis")) / "web.duckdb")
    # A token is set, so POST /api/articles is on; generated requests do not know it
    # and must be turned away with 401/403, never crash.
    app = create_app(Settings(db=str(db), api_token=TOKEN, max_request_bytes=50_000))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _run(
    operation: schemathesis.APIOperation, mode: GenerationMode, path: dict[str, Any]
) -> str | None:
    """The failures schemathesis finds in the operation, as text; None when it finds none."""

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path or None))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    try:
        check()
    except (AssertionError, FailureGroup) as e:  # how schemathesis reports what it found
        return f"{operation.label} ({mode.value}, {path}): {e!r}"
    return None


def _stored_values(label: str) -> dict[str, Any]:
    """Path parameters that exist in the store, so the 200 answers are checked too."""
    if "{a}/{b}" in label:
        return {"a": "PAK", "b": "RUS"}
    if "{article_id}" in label:
        return {"article_id": articles()[0][0].id}
    return {}


def test_schemathesis_finds_no_fault_in_valid_requests(
    api_schema: schemathesis.BaseSchema,
) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12  # every /api route is in the spec
    found = [
        failure
        for op in operations
        for path in ({}, _stored_values(op.label))
        if (failure := _run(op, GenerationMode.POSITIVE, path)) is not None
    ]
    assert not found, "\n\n".join(found)


def test_schemathesis_finds_no_fault_in_invalid_requests(
    api_schema: schemathesis.BaseSchema,
) -> None:
    found: list[str] = []
    without: set[str] = set()
    for result in api_schema.get_all_operations():
        op = result.ok()
        try:
            failure = _run(op, GenerationMode.NEGATIVE, {})
        except Unsatisfiable:
            without.add(op.label)
            continue
        if failure is not None:
            found.append(failure)
    assert not found, "\n\n".join(found)
    assert without == NOTHING_INVALID
