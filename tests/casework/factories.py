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
