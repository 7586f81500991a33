"""Complaints about the Commissioner and the Deputy: the Regulations' order of things and
timescales, and public figures per financial year, separately for each, never personal."""

import datetime

import pytest
from django.urls import reverse

from casework import services
from casework.models import CaseworkError, Complaint
from casework.statistics import complaint_figures
from tests.casework.factories import ComplaintFactory

pytestmark = pytest.mark.django_db

PERSONAL = ["COMPLAINANTNAMESECRET", "complainant-secret@example.org", "COMPLAINTDETAILSSECRET"]


def _save(complaint):
    return services.save_complaint(complaint=complaint, by="secretary")


def test_a_serious_complaint_is_referred_by_the_end_of_the_next_day():
    complaint = ComplaintFactory.build(
        serious=True, received_on=datetime.date(2021, 9, 15), panel=ComplaintFactory().panel
    )
    assert complaint.referral_due == datetime.date(2021, 9, 16)
    complaint.became_clear_on = datetime.date(2021, 9, 20)
    assert complaint.referral_due == datetime.date(2021, 9, 21)
    assert ComplaintFactory.build(serious=False).referral_due is None


def test_only_a_serious_complaint_or_conduct_matter_is_referred():
    complaint = ComplaintFactory()
    complaint.referred_on = datetime.date(2021, 9, 16)
    with pytest.raises(CaseworkError, match="Only a serious complaint") as error:
        _save(complaint)
    assert error.value.field == "referred_on"
    complaint.conduct_matter = True
    _save(complaint)


def test_a_complaint_not_recorded_needs_its_reason_and_date():
    complaint = ComplaintFactory()
    complaint.recording = Complaint.Recording.NOT_RECORDED
    with pytest.raises(CaseworkError, match="date of the decision"):
        _save(complaint)
    complaint.recording_decided_on = datetime.date(2021, 9, 20)
    with pytest.raises(CaseworkError, match="Say why"):
        _save(complaint)


def test_informal_resolution_is_for_recorded_complaints_that_are_not_serious():
    complaint = ComplaintFactory(serious=True)
    complaint.recording = Complaint.Recording.RECORDED
    complaint.recording_decided_on = datetime.date(2021, 9, 16)
    complaint.informal_resolution_started_on = datetime.date(2021, 9, 20)
    with pytest.raises(CaseworkError, match="goes to the IOPC"):
        _save(complaint)


def test_no_step_comes_before_the_complaint_was_received():
    complaint = ComplaintFactory()
    complaint.outcome = Complaint.Outcome.WITHDRAWN
    complaint.outcome_on = datetime.date(2021, 9, 1)
    with pytest.raises(CaseworkError, match="before the complaint was received"):
        _save(complaint)


def _recorded(**fields):
    return ComplaintFactory(
        recording=Complaint.Recording.RECORDED,
        recording_decided_on=fields.get("received_on", datetime.date(2021, 9, 15)),
        **fields,
    )


def test_figures_count_each_financial_year_for_the_commissioner_and_the_deputy_apart():
    _recorded(received_on=datetime.date(2021, 4, 1))
    _recorded(
        received_on=datetime.date(2022, 3, 31),
        serious=True,
        referred_on=datetime.date(2022, 3, 31),
    )
    _recorded(
        subject=Complaint.Subject.DEPUTY,
        received_on=datetime.date(2021, 6, 1),
        informal_resolution_started_on=datetime.date(2021, 6, 2),
        outcome=Complaint.Outcome.RESOLVED,
        outcome_on=datetime.date(2021, 7, 1),
    )
    ComplaintFactory(received_on=datetime.date(2021, 3, 31))  # 2020/21, not recorded yet
    figures = {(f.period, f.subject): f for f in complaint_figures()}
    commissioner = figures[("2021/22", "commissioner")]
    assert (commissioner.received, commissioner.recorded, commissioner.referred) == (2, 2, 1)
    deputy = figures[("2021/22", "deputy")]
    assert (deputy.received, deputy.resolved) == (1, 1)
    earlier = figures[("2020/21", "commissioner")]
    assert (earlier.received, earlier.recorded) == (1, 0)
    assert figures[("2020/21", "deputy")].received == 0


def test_no_personal_detail_reaches_a_public_page_the_csv_the_sitemap_or_search(client):
    ComplaintFactory(outcome_notes="OUTCOMENOTESSECRET", not_recorded_reason="REASONSECRET")
    for url in [
        "/panel/complaints/",
        "/panel/complaints.csv",
        "/sitemap.xml",
        "/search/?q=complaint",
        "/search/?q=secret",
        "/panel/precept/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.getvalue().decode()
        for secret in [*PERSONAL, "OUTCOMENOTESSECRET", "REASONSECRET"]:
            assert secret not in body, f"{secret} leaked at {url}"
    response = client.get("/panel/complaints.csv")
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # so spreadsheet programs read it as UTF-8
    csv = content.decode("utf-8-sig").splitlines()
    assert csv[0] == "period,period_starts,about,received,recorded,referred,resolved"
    assert csv[1] == "2021/22,2021-04-01,The Commissioner,1,0,0,0"


def test_the_secretary_records_a_complaint_and_errors_stay_beside_their_fields(
    client, panel_secretary
):
    ComplaintFactory()  # makes the panel
    client.force_login(panel_secretary)
    response = client.post(
        reverse("casework_manage:complaint_create"),
        {
            "subject": "deputy",
            "received_on": "2021-10-01",
            "complainant_name": "A Person",
            "details": "TYPEDDETAILS",
            "recording": "not_recorded",
            "recording_decided_on": "2021-10-05",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_not_recorded_reason"' in page and "TYPEDDETAILS" in page
    assert Complaint.objects.count() == 1
    listing = client.get(reverse("casework_manage:complaints")).content.decode()
    assert "never published" in listing


def test_the_secretary_pages_through_every_complaint_latest_first(
    client, panel_secretary, django_assert_max_num_queries
):
    """Every complaint is reachable, a page at a time, in as many queries as one takes."""
    panel = ComplaintFactory(received_on=datetime.date(2016, 4, 1)).panel
    client.force_login(panel_secretary)
    with django_assert_max_num_queries(10) as one:
        client.get(reverse("casework_manage:complaints"))
    for day in range(50):
        ComplaintFactory(
            panel=panel, received_on=datetime.date(2024, 1, 1) + datetime.timedelta(day)
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        first = client.get(reverse("casework_manage:complaints")).content.decode()
    second = client.get(reverse("casework_manage:complaints") + "?page=2").content.decode()
    assert "Received 19 Feb 2024" in first and "Received 1 Apr 2016" not in first
    assert 'aria-label="Pages of complaints"' in first
    assert "Received 1 Apr 2016" in second and "Received 19 Feb 2024" not in second
