"""The accessibility statement holds what the regulations ask for: the compliance status, the
content that is not accessible (listed from the untagged uploads the portal detects), how to ask
for an accessible format, the enforcement procedure, and when it was prepared and reviewed."""

import datetime
import io

import pikepdf
import pytest
from django.core.files.base import ContentFile

from decisions.models import DecisionAttachment
from tests.decisions.factories import DecisionFactory


def _at(*day):
    return datetime.datetime(*day, 10, tzinfo=datetime.UTC)


def _pdf():
    document = pikepdf.new()
    document.add_blank_page()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _attach(decision, title, *, tagged):
    return DecisionAttachment.objects.create(
        decision=decision, title=title, file=ContentFile(_pdf(), name="a.pdf"), tagged=tagged
    )


@pytest.mark.django_db
def test_the_statement_has_every_section_the_regulations_ask_for(client):
    page = client.get("/accessibility/").content.decode()
    for heading in (
        "Compliance status",
        "Content that is not accessible",
        "How to ask for an accessible format",
        "Enforcement procedure",
        "Preparation of this statement",
    ):
        assert f">{heading}</h2>" in page, heading
    assert "<strong>fully compliant</strong>" in page
    assert "Equality and Human Rights Commission (EHRC)" in page
    assert "Equality Commission for Northern Ireland (ECNI)" in page
    assert "large print" in page
    # Linked from every page's footer.
    assert 'href="/accessibility/">Accessibility statement</a>' in client.get("/").content.decode()


@pytest.mark.django_db
def test_untagged_uploads_that_are_public_are_listed_and_make_it_partially_compliant(
    client, editor, decision_maker, django_capture_on_commit_callbacks
):
    from tests.transparency.test_search import publish_decision

    public = DecisionFactory(title="Estates strategy")
    _attach(public, "Estates business case (scanned)", tagged=False)
    _attach(public, "Tagged appendix", tagged=True)
    publish_decision(public, editor=editor, decision_maker=decision_maker,
                     capture=django_capture_on_commit_callbacks)  # fmt: skip
    draft = DecisionFactory(title="Unpublished decision")
    _attach(draft, "Draft scanned report", tagged=False)

    page = client.get("/accessibility/").content.decode()
    assert "<strong>partially compliant</strong>" in page
    assert "Estates business case (scanned)" in page
    attachment = public.attachments.get(title="Estates business case (scanned)")
    assert f'href="{attachment.get_absolute_url()}"' in page
    assert "Tagged appendix" not in page
    assert "Draft scanned report" not in page  # not public, so not listed


@pytest.mark.django_db
def test_an_untagged_contract_copy_is_listed_once_released(client, editor):
    from tests.transparency.factories import ContractFactory
    from transparency import services

    contract = ContractFactory(title="Scanned contract", released=False)
    contract.contract_copy = ContentFile(_pdf(), name="c.pdf")
    contract.contract_copy_tagged = False
    contract.save()
    assert "Scanned contract" not in client.get("/accessibility/").content.decode()
    services.release_entry(entry=contract, by=editor, note="First release")
    page = client.get("/accessibility/").content.decode()
    assert "The contract: Scanned contract" in page
    assert "<strong>partially compliant</strong>" in page


def _publish_on(page, day, note):
    """Publish ``page`` as if on ``day``: the date is set before the version is ready (a ready
    version is immutable)."""
    from pcc_portal.publications import services
    from pcc_portal.publications.models import Version
    from tests.accounts.factories import UserFactory

    publisher = UserFactory(username=f"publisher-{day[0]}")
    version = services.publish(obj=page, by=publisher, note=note)
    Version.objects.filter(pk=version.pk).update(published_at=_at(*day))
    services.run_render_job(job_id=version.render_job.pk)


@pytest.mark.django_db
def test_the_statement_says_when_it_was_prepared_and_last_reviewed(client):
    from tests.pages.factories import ContentPageFactory

    page = ContentPageFactory(slug="accessibility", title="Accessibility statement")
    _publish_on(page, (2024, 9, 23), "First publication")
    html = client.get("/accessibility/").content.decode()
    assert "prepared on 23 September 2024. It was last reviewed on 23 September 2024." in html
    page.body = "Reviewed wording."
    page.save()
    _publish_on(page, (2025, 9, 22), "Annual review")
    html = client.get("/accessibility/").content.decode()
    assert "prepared on 23 September 2024. It was last reviewed on 22 September 2025." in html
    assert "Reviewed wording." in html
