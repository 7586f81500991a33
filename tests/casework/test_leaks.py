"""Nothing of a casework case reaches a public response until it is released, and then only
what the release froze: not a draft case, not a step recorded after the release (its summary,
vote or document), and nothing of a withdrawn case, on any channel: the case pages, the lists,
the documents, the sitemap and site search. Complaint records never do (see test_complaints)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework import services
from casework.models import Case, Step
from tests.casework.factories import CaseFactory, HearingFactory, date, release, withdraw
from tests.panel.helpers import pdf_bytes
from transparency.models import SearchEntry

pytestmark = pytest.mark.django_db

SECRETS = ["DRAFTPRECEPTSECRET", "DRAFTSTEPSECRET", "DRAFTCANDIDATESECRET", "DRAFTREPORTSECRET"]
LISTS = ["/panel/precept/", "/panel/confirmation-hearings/", "/panel/annual-reports/"]


def _channels(words):
    """The lists, the sitemap and search for ``words`` (asked in lower case, so the results
    page echoing the query is not taken for a leak of the upper-case secret)."""
    return [*LISTS, "/sitemap.xml", *[f"/search/?q={word.lower()}" for word in words]]


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


def _step(case, kind, on, document_text=None, **fields):
    document = None
    if document_text:
        document = SimpleUploadedFile("d.pdf", pdf_bytes(document_text), "application/pdf")
    return services.record_step(
        step=Step(case=case, kind=kind, date=on, **fields), document=document, by=None
    )


@pytest.fixture
def drafts():
    precept = CaseFactory(year=2023, summary="DRAFTPRECEPTSECRET")
    step = _step(
        precept,
        Step.Kind.PROPOSAL,
        date(1, 28, 2023),
        "DRAFTPDFSECRET",
        amount=Decimal("246.45"),
        summary="DRAFTSTEPSECRET",
    )
    hearing = HearingFactory(candidate="DRAFTCANDIDATESECRET")
    report = CaseFactory(kind=Case.Kind.ANNUAL_REPORT, year=2021, summary="DRAFTREPORTSECRET")
    return precept, step, hearing, report


def test_draft_cases_reach_no_public_channel(client, drafts):
    precept, step, hearing, report = drafts
    for url in _channels(["secret", "precept", "candidate", "DRAFTPDFSECRET"]):
        body = _body(client.get(url))
        for secret in [*SECRETS, "DRAFTPDFSECRET"]:
            assert secret not in body, f"{secret} leaked at {url}"
    for case in (precept, hearing, report):
        assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(step.get_document_url()).status_code == 404


def test_a_released_case_is_in_the_sitemap_and_search_with_its_documents_text(client, drafts):
    precept, step, hearing, _report = drafts
    release(precept)
    sitemap = _body(client.get("/sitemap.xml"))
    assert "/panel/precept/2023/" in sitemap
    assert f"/panel/confirmation-hearings/{hearing.pk}/" not in sitemap
    assert client.get(step.get_document_url()).status_code == 200
    # The case's text and the text inside its step's cleaned PDF are both searchable.
    for word in ("DRAFTSTEPSECRET", "DRAFTPDFSECRET"):
        found = _body(client.get(f"/search/?q={word.lower()}"))
        assert "/panel/precept/2023/" in found, word
        assert "Panel: precepts" in found
    entry = SearchEntry.objects.get(url="/panel/precept/2023/")
    assert entry.kind == "panel-precept" and entry.year == 2023


def test_a_step_recorded_after_the_release_is_public_only_once_released_again(client, drafts):
    precept, _proposal, _hearing, _report = drafts
    release(precept)
    later = _step(
        precept,
        Step.Kind.REPORT,
        date(2, 3, 2023),
        "LATERPDFSECRET",
        summary="LATERSTEPSECRET",
        outcome=Step.Outcome.SUPPORTED,
        votes_for=11,
        members_in_office=14,
    )
    for url in [precept.get_absolute_url(), *_channels(["LATERSTEPSECRET", "LATERPDFSECRET"])]:
        body = _body(client.get(url))
        for secret in ("LATERSTEPSECRET", "LATERPDFSECRET", "11 for"):
            assert secret not in body, f"{secret} leaked at {url}"
    assert client.get(later.get_document_url()).status_code == 404

    release(precept, note="The Panel's report added.")
    page = _body(client.get(precept.get_absolute_url()))
    assert "LATERSTEPSECRET" in page and "11 for" in page
    assert client.get(later.get_document_url()).status_code == 200
    assert "/panel/precept/2023/" in _body(client.get("/search/?q=laterpdfsecret"))


def test_a_live_edit_of_a_released_case_is_not_public(client, drafts):
    precept, _step_, _hearing, _report = drafts
    release(precept)
    precept.summary = "EDITEDSUMMARYSECRET"
    precept.save()
    for url in [precept.get_absolute_url(), *_channels(["EDITEDSUMMARYSECRET"])]:
        assert "EDITEDSUMMARYSECRET" not in _body(client.get(url)), url
    assert "DRAFTPRECEPTSECRET" in _body(client.get(precept.get_absolute_url()))


def test_a_withdrawn_case_is_gone_from_every_channel_with_the_notice(client, drafts):
    precept, step, _hearing, _report = drafts
    release(precept)
    document_url = step.get_document_url()
    assert client.get(document_url).status_code == 200
    withdraw(precept, reason="Released before the Panel had seen it.")

    for url in (precept.get_absolute_url(), document_url):
        response = client.get(url)
        assert response.status_code == 410, url
        body = _body(response)
        assert "Released before the Panel had seen it." in body
        assert "Withdrawn on" in body
        assert "DRAFTSTEPSECRET" not in body
    for url in _channels(["DRAFTSTEPSECRET", "DRAFTPDFSECRET", "precept"]):
        body = _body(client.get(url))
        assert "/panel/precept/2023/" not in body, url
        assert "DRAFTSTEPSECRET" not in body, url
    assert not SearchEntry.objects.filter(url="/panel/precept/2023/").exists()


def test_a_withdrawn_case_comes_back_only_by_a_new_release(client, drafts):
    precept, step, _hearing, _report = drafts
    release(precept)
    withdraw(precept)
    # Recording a step does not bring it back; neither does the old version's document.
    _step(precept, Step.Kind.HEARING, date(2, 1, 2023), summary="HEARINGSECRET")
    assert client.get(precept.get_absolute_url()).status_code == 410
    assert client.get(step.get_document_url()).status_code == 410
    assert not Case.objects.public().filter(pk=precept.pk).exists()

    version = release(precept, note="Released again, corrected.")
    assert version.number == 2
    assert client.get(precept.get_absolute_url()).status_code == 200
    assert client.get(step.get_document_url()).status_code == 200


def test_the_file_as_uploaded_is_never_served(client, drafts):
    precept, step, _hearing, _report = drafts
    release(precept)
    served = b"".join(client.get(step.get_document_url()).streaming_content)
    assert served == step.document.open("rb").read()
    assert step.original_document.name not in _body(client.get(precept.get_absolute_url()))


def test_a_document_replaced_after_the_release_is_not_served(client, drafts):
    precept, step, _hearing, _report = drafts
    release(precept)
    from django.core.files.base import ContentFile

    step.document.save("replaced.pdf", ContentFile(pdf_bytes("REPLACEDSECRET")), save=False)
    Step.objects.filter(pk=step.pk).update(document=step.document.name)
    assert client.get(step.get_document_url()).status_code == 404


def test_the_comparisons_of_a_cases_releases_show_only_what_was_released(client, drafts):
    precept, _step_, hearing, report = drafts
    for case in (precept, hearing, report):
        assert client.get(f"{case.get_absolute_url()}versions/1/changes/").status_code == 404
    release(precept)
    _step(precept, Step.Kind.REPORT, date(2, 3, 2023), summary="LATERSTEPSECRET")
    precept.summary = "EDITEDSUMMARYSECRET"
    precept.save()
    for number in (1, 2):
        response = client.get(f"{precept.get_absolute_url()}versions/{number}/changes/")
        assert response.status_code == 404
        for secret in ("LATERSTEPSECRET", "EDITEDSUMMARYSECRET", "DRAFTPDFSECRET"):
            assert secret not in _body(response)
