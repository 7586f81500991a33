"""Delivery updates are their own publication: a commitment's progress note is public only once
a delivery update is released, through the check page, without a new version of the statutory
plan; a superseded plan can still publish its final delivery report; and an update can be
withdrawn like anything else published."""

import datetime

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from pcc_portal.publications.services import NothingToPublish
from plans import services
from plans.models import Commitment, DeliveryReport
from tests.accounts.factories import reauthenticate
from tests.plans.helpers import full_plan, issue, published_plan, render_version
from transparency.models import SearchEntry

NOTE = "The Safer Neighbourhoods Fund opened to applications."
DELIVERED = 'govuk-tag--green">Delivered<'


def _progress(plan, by, note=NOTE):
    commitment = Commitment.objects.get(priority__plan=plan, priority__number=1)
    services.record_progress(
        commitment=commitment, status=Commitment.Status.DELIVERED,
        date=datetime.date(2022, 3, 1), note=note, by=by,
    )  # fmt: skip
    return commitment


def _release(client, plan, capture, note="Progress to March 2022"):
    url = reverse("plans_manage:delivery_publish", kwargs={"pk": plan.pk})
    with capture(execute=True):
        response = client.post(url, {"change_note": note, "confirm": "on"})
    assert response.status_code == 302
    return DeliveryReport.objects.get(plan=plan).live_version()


@pytest.mark.django_db
def test_a_progress_note_is_public_only_once_a_delivery_update_is_released(
    client, decision_maker, django_capture_on_commit_callbacks
):
    plan = published_plan(slug="delivering", by=decision_maker)
    _progress(plan, decision_maker)
    for path in ["/plans/delivering/commitments/", "/plans/delivering/priorities/1/"]:
        page = client.get(path).content.decode()
        assert NOTE not in page, path
        assert DELIVERED not in page, path
    assert not SearchEntry.objects.filter(body__contains=NOTE).exists()

    client.force_login(decision_maker)
    reauthenticate(client)
    check_url = reverse("plans_manage:delivery_publish", kwargs={"pk": plan.pk})
    check = client.get(check_url).content.decode()
    assert "Check what becomes public" in check
    assert NOTE in check and "Launch a fund for priority 1" in check
    response = client.post(check_url, {"change_note": "Progress to March 2022"})
    assert response.status_code == 400
    assert DeliveryReport.objects.get(plan=plan).live_version() is None

    delivery = _release(client, plan, django_capture_on_commit_callbacks)
    assert delivery is not None and delivery.number == 1
    # The statutory plan is not republished.
    assert Version.objects.for_object(plan).count() == 1
    client.logout()
    tracker = client.get("/plans/delivering/commitments/").content.decode()
    assert NOTE in tracker
    assert "Delivery update 1" in tracker and "Progress to March 2022" in tracker
    thread = client.get("/plans/delivering/priorities/1/").content.decode()
    assert DELIVERED in thread
    assert client.get("/plans/delivering/commitments.pdf").status_code == 200
    assert SearchEntry.objects.filter(body__contains=NOTE).exists()

    # A later note stays private until the next update.
    _progress(plan, decision_maker, note="The fund's first grants were paid.")
    assert "first grants" not in client.get("/plans/delivering/commitments/").content.decode()


@pytest.mark.django_db
def test_draft_wording_of_a_commitment_is_not_released_with_a_delivery_update(
    client, decision_maker, django_capture_on_commit_callbacks
):
    plan = published_plan(slug="wording", by=decision_maker)
    commitment = _progress(plan, decision_maker)
    commitment.wording = "A redrafted commitment for the next variation"
    commitment.save()
    client.force_login(decision_maker)
    reauthenticate(client)
    _release(client, plan, django_capture_on_commit_callbacks)
    client.logout()
    tracker = client.get("/plans/wording/commitments/").content.decode()
    assert NOTE in tracker
    assert "A redrafted commitment" not in tracker
    assert "Launch a fund for priority 1" in tracker


@pytest.mark.django_db
def test_a_superseded_plan_can_publish_its_final_delivery_report(
    client, decision_maker, django_capture_on_commit_callbacks
):
    earlier = full_plan(slug="earlier", term_start=datetime.date(2016, 5, 12),
                        term_end=datetime.date(2021, 5, 12))  # fmt: skip
    issue(earlier, by=decision_maker)
    issue(full_plan(slug="later"), by=decision_maker)
    earlier.refresh_from_db()
    assert earlier.is_superseded
    _progress(earlier, decision_maker, note="Delivered before the end of the term.")
    client.force_login(decision_maker)
    reauthenticate(client)
    page = client.get(reverse("plans_manage:delivery", kwargs={"pk": earlier.pk})).content.decode()
    assert "release its final delivery report here" in page
    _release(client, earlier, django_capture_on_commit_callbacks, note="Final delivery report")
    client.logout()
    tracker = client.get("/plans/earlier/commitments/").content.decode()
    assert "Delivered before the end of the term." in tracker
    assert "Final delivery report" in tracker


@pytest.mark.django_db
def test_a_plan_not_issued_has_no_delivery_update(decision_maker):
    plan = full_plan(slug="draft")
    with pytest.raises(NothingToPublish):
        services.release_delivery_update(plan=plan, by=decision_maker, note="Too early")


@pytest.mark.django_db
def test_a_withdrawn_delivery_update_is_gone_from_the_tracker_its_pdf_and_the_thread(
    client, decision_maker, django_capture_on_commit_callbacks
):
    plan = published_plan(slug="withdrawn", by=decision_maker)
    _progress(plan, decision_maker)
    client.force_login(decision_maker)
    reauthenticate(client)
    _release(client, plan, django_capture_on_commit_callbacks)
    report = DeliveryReport.objects.get(plan=plan)
    publishing.withdraw(obj=report, by=decision_maker, reason="A note named a victim.")
    client.logout()
    assert NOTE not in client.get("/plans/withdrawn/commitments/").content.decode()
    assert DELIVERED not in client.get("/plans/withdrawn/priorities/1/").content.decode()
    assert not SearchEntry.objects.filter(body__contains=NOTE).exists()
    gone = client.get("/plans/withdrawn/commitments.pdf")
    assert gone.status_code == 410
    assert "A note named a victim." in gone.content.decode()


@pytest.mark.django_db
def test_an_editor_releases_a_delivery_update_but_a_panel_member_may_not(decision_maker):
    from pcc_portal.accounts import roles
    from tests.accounts.factories import UserFactory

    editor = UserFactory(username="delivery-editor", roles=[roles.EDITOR])
    member = UserFactory(username="delivery-member", roles=[roles.PANEL_MEMBER])
    assert editor.has_perm("plans.publish_deliveryreport")
    assert not editor.has_perm("plans.publish_plan")
    assert not member.has_perm("plans.publish_deliveryreport")


@pytest.mark.django_db
def test_a_released_update_is_rendered_as_a_pdf(decision_maker):
    plan = published_plan(slug="pdf", by=decision_maker)
    version = render_version(
        services.release_delivery_update(plan=plan, by=decision_maker, note="First update")
    )
    assert version.status == Version.Status.READY and version.page_count >= 1


@pytest.mark.django_db
def test_a_plan_never_issued_is_refused_on_the_check_page_before_the_password_is_asked(
    client, decision_maker
):
    plan = full_plan(slug="draft-plan")
    client.force_login(decision_maker)  # not re-authenticated
    url = reverse("plans_manage:delivery_publish", kwargs={"pk": plan.pk})
    check = client.get(url)
    assert check.status_code == 200
    page = check.content.decode()
    assert "its delivery is reported once it is issued" in page
    assert 'name="change_note"' not in page
    response = client.post(url, {"change_note": "Progress", "confirm": "on"})
    assert response.status_code == 400  # not sent to re-authenticate first
    assert "its delivery is reported once it is issued" in response.content.decode()
    assert not DeliveryReport.objects.filter(plan=plan, versions__isnull=False).exists()
