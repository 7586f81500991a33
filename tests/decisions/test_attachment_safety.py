"""Decision attachments are made safe and inspected as the Panel's papers are (issue "One
publishing path", items 3 and 7 for decisions): scripts, actions and embedded files removed once,
on upload, the cleaned copy the only one served and the original kept privately; and the check
page and the notice say which attachments are not tagged, so do not claim to be accessible."""

import pytest
import weasyprint
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.models import DecisionAttachment
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.pdfs import stored_bytes
from tests.publications.hostile_pdfs import active_content, every_hostile_thing, tagged_pdf

pytestmark = pytest.mark.django_db


def _untagged_pdf(marker):
    return weasyprint.HTML(string=f"<html><body><p>{marker} scanned</p></body></html>").write_pdf()


def _upload(client, decision, content, title="Business case", url_name="attachment_add"):
    return client.post(
        reverse(f"decisions_manage:{url_name}", kwargs={"pk": decision.pk}),
        {"title": title, "file": SimpleUploadedFile("case.pdf", content, "application/pdf")},
    )


def test_an_attachment_with_active_content_is_cleaned_and_only_the_clean_copy_is_served(
    client, editor, sign, publish_decision
):
    decision = DecisionFactory()
    hostile = every_hostile_thing("DECISIONATTACHMENT")
    assert active_content(hostile)
    client.force_login(editor)
    response = _upload(client, decision, hostile)
    assert response.status_code == 302
    attachment = DecisionAttachment.objects.get()
    assert active_content(stored_bytes(attachment.file)) == []
    assert stored_bytes(attachment.original_file) == hostile  # kept, privately
    assert "JavaScript" in attachment.removed
    assert attachment.tagged is True and attachment.page_count == 2
    reason = attachment.history.first().history_change_reason
    assert reason.startswith("Uploaded; removed ")
    staff_copy = b"".join(
        client.get(
            reverse(
                "decisions_manage:attachment_download",
                kwargs={"pk": decision.pk, "attachment_pk": attachment.pk},
            )
        ).streaming_content
    )
    assert active_content(staff_copy) == []
    sign(decision)
    publish_decision(decision)
    client.logout()
    public = client.get(attachment.get_absolute_url())
    assert public.status_code == 200
    assert active_content(b"".join(public.streaming_content)) == []


def test_a_staff_download_opens_in_the_browser_named_for_its_title(client, editor):
    """The staff download of an attachment had no file name: a saved copy took the address's."""
    decision = DecisionPart2Factory().decision
    client.force_login(editor)
    _upload(client, decision, tagged_pdf("PARTONE"), title="Business case: custody suite")
    _upload(
        client,
        decision,
        tagged_pdf("PARTTWO"),
        title="Legal advice",
        url_name="part2_attachment_add",
    )
    for url_name, attachment, name in (
        ("attachment_download", decision.attachments.get(), "business-case-custody-suite"),
        ("part2_attachment_download", decision.part2.attachments.get(), "legal-advice"),
    ):
        response = client.get(
            reverse(
                f"decisions_manage:{url_name}",
                kwargs={"pk": decision.pk, "attachment_pk": attachment.pk},
            )
        )
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == f'inline; filename="{name}.pdf"'
        assert "no-store" in response["Cache-Control"]


def test_part_2_attachments_are_cleaned_too(client, editor):
    decision = DecisionPart2Factory().decision
    client.force_login(editor)
    response = _upload(
        client, decision, every_hostile_thing("PARTTWO"), url_name="part2_attachment_add"
    )
    assert response.status_code == 302
    attachment = decision.part2.attachments.get()
    assert active_content(stored_bytes(attachment.file)) == [] and attachment.removed


def test_an_untagged_attachment_is_named_on_the_check_page_and_in_the_notice(
    client, editor, sign, reauthenticate_editor
):
    decision = DecisionFactory()
    client.force_login(editor)
    _upload(client, decision, _untagged_pdf("SCAN"), title="Scanned letter")
    _upload(client, decision, tagged_pdf("TAGGED"), title="Business case")
    scanned = DecisionAttachment.objects.get(title="Scanned letter")
    assert scanned.tagged is False
    assert DecisionAttachment.objects.get(title="Business case").tagged is True
    sign(decision)
    reauthenticate_editor(client)
    check = client.get(reverse("decisions_manage:publish", kwargs={"pk": decision.pk}))
    html = " ".join(check.content.decode().split())
    assert "Not tagged, so not accessible to assistive technology and not claiming PDF/UA: " in html
    assert "“Scanned letter”." in html and "“Business case”" not in html.split("Not tagged")[1][:80]
    rows = html.split('id="public-parts"')[1].split("</table>")[0]
    assert rows.count("Not tagged") == 1
    preview = client.get(decision.get_manage_url()).content.decode()
    assert "This PDF is not tagged, so it may not suit assistive technology" in preview


def test_an_attachment_that_cannot_be_cleaned_is_refused_beside_the_field(
    client, editor, monkeypatch
):
    from pcc_portal.publications import pdf_safety

    def refuse(data):
        raise pdf_safety.UncleanablePDF("broken")

    monkeypatch.setattr(pdf_safety, "clean_pdf", refuse)
    decision = DecisionFactory()
    client.force_login(editor)
    response = _upload(client, decision, tagged_pdf("BROKEN"))
    assert response.status_code == 400
    assert "could not be checked for scripts and embedded files" in response.content.decode()
    assert not DecisionAttachment.objects.exists()


@pytest.fixture
def reauthenticate_editor():
    from tests.accounts.factories import reauthenticate

    return reauthenticate
