"""Nothing of a casework case reaches a public response until it is published: not its pages,
its documents, the lists, the sitemap or search. Complaint records never do (see
test_complaints)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework import services
from casework.models import Case, Step
from tests.casework.factories import CaseFactory, HearingFactory, date
from tests.panel.helpers import pdf_bytes

pytestmark = pytest.mark.django_db

SECRETS = ["DRAFTPRECEPTSECRET", "DRAFTSTEPSECRET", "DRAFTCANDIDATESECRET", "DRAFTREPORTSECRET"]
PUBLIC_URLS = [
    "/panel/precept/",
    "/panel/confirmation-hearings/",
    "/panel/annual-reports/",
    "/sitemap.xml",
    "/search/?q=secret",
    "/search/?q=precept",
    "/search/?q=candidate",
]


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


@pytest.fixture
def drafts():
    precept = CaseFactory(year=2023, summary="DRAFTPRECEPTSECRET")
    step = services.record_step(
        step=Step(
            case=precept,
            kind=Step.Kind.PROPOSAL,
            date=date(1, 28, 2023),
            amount=Decimal("246.45"),
            summary="DRAFTSTEPSECRET",
        ),
        document=SimpleUploadedFile("p.pdf", pdf_bytes("DRAFTPDFSECRET"), "application/pdf"),
        by=None,
    )
    hearing = HearingFactory(candidate="DRAFTCANDIDATESECRET")
    report = CaseFactory(kind=Case.Kind.ANNUAL_REPORT, year=2021, summary="DRAFTREPORTSECRET")
    return precept, step, hearing, report


def test_draft_cases_reach_no_public_channel(client, drafts):
    precept, step, hearing, report = drafts
    for url in PUBLIC_URLS:
        body = _body(client.get(url))
        for secret in SECRETS:
            assert secret not in body, f"{secret} leaked at {url}"
    for case in (precept, hearing, report):
        assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(step.get_document_url()).status_code == 404


def test_a_published_case_is_in_the_sitemap_and_leaves_it_when_taken_down(client, drafts):
    precept, step, hearing, _report = drafts
    services.publish_case(case=precept, by="secretary")
    sitemap = _body(client.get("/sitemap.xml"))
    assert "/panel/precept/2023/" in sitemap
    assert f"/panel/confirmation-hearings/{hearing.pk}/" not in sitemap
    assert client.get(step.get_document_url()).status_code == 200
    services.unpublish_case(case=precept, by="secretary")
    assert "/panel/precept/2023/" not in _body(client.get("/sitemap.xml"))
    assert client.get(step.get_document_url()).status_code == 404
    assert client.get(precept.get_absolute_url()).status_code == 404


def test_the_file_as_uploaded_is_never_served(client, drafts):
    precept, step, _hearing, _report = drafts
    services.publish_case(case=precept, by="secretary")
    served = b"".join(client.get(step.get_document_url()).streaming_content)
    assert served == step.document.open("rb").read()
    assert step.original_document.name not in _body(client.get(precept.get_absolute_url()))
