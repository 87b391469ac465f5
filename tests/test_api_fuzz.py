"""Schemathesis against /api/v1/openapi.json: requests generated from the schema (valid and
invalid) must get an answer the schema documents: no 500, no undocumented status, bodies and
content types as described."""

import pytest
import schemathesis
from browse_data import event_with_reports, outlet, report
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from coverage_site.wsgi import application

# Examples per operation; the API has six, so about 300 requests per database run.
EXAMPLES = 50

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def some_reports(db):
    # Requests go through the real WSGI application, which closes the database connection at
    # the end of each request; the test's transaction must outlive them (as Django's own test
    # client arranges).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    event = event_with_reports("Harbour strike", [alpha, beta])
    report(alpha, title="Unassigned report about the harbour")
    yield event
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_as_its_schema_documents(case, some_reports):
    # A well-formed value can still name nothing (an unknown outlet slug, published_after later
    # than published_before): the API answers those with its documented 400, which this check
    # would call a rejection of valid data.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
