"""Panel casework for tests: cases, hearings and complaints, and releasing or withdrawing a case."""

import datetime

import factory

from casework.models import Case, Complaint
from tests.panel.factories import PanelFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    panel = factory.SubFactory(PanelFactory)
    kind = Case.Kind.PRECEPT
    year = 2022


class HearingFactory(CaseFactory):
    kind = Case.Kind.CONFIRMATION
    year = None
    post = Case.Post.CHIEF_CONSTABLE
    candidate = "Chris Rowley"


def date(month, day, year=2022):
    return datetime.date(year, month, day)


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    panel = factory.SubFactory(PanelFactory)
    subject = Complaint.Subject.COMMISSIONER
    received_on = datetime.date(2021, 9, 15)
    complainant_name = "COMPLAINANTNAMESECRET"
    complainant_contact = "complainant-secret@example.org"
    details = "COMPLAINTDETAILSSECRET"


def publisher():
    """The panel secretary who releases cases in tests (one account, made on first use)."""
    from django.contrib.auth import get_user_model

    from pcc_portal.accounts import roles
    from tests.accounts.factories import UserFactory

    found = get_user_model().objects.filter(username="casework-publisher").first()
    return found or UserFactory(username="casework-publisher", roles=[roles.PANEL_SECRETARY])


def release(case, note="Released for the test.", by=None):
    """Release ``case`` as it stands through the one publishing mechanism."""
    from casework import services

    return services.release_case(case=case, by=by or publisher(), note=note)


def withdraw(case, reason="Published by mistake.", by=None):
    from casework import services

    return services.withdraw_case(case=case, by=by or publisher(), reason=reason)
