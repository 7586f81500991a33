import datetime

import factory

from casework.models import Case
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
